"""Evidence tags and levels: EV401–EV404, the evidence pack, and the acceptance article."""

from pathlib import Path

import pytest

import claimlint.language.evidence_cues
from claimlint.engine import Engine, EngineOptions
from claimlint.language.evidence_cues import Scale, evidence_pack, find_tags, reference_entries
from claimlint.knowledge.base import Knowledge
from claimlint.knowledge.packs import PackError
from claimlint.knowledge.profile import Profile

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT.parent / "shared" / "data" / "realworld" / "magnesium-ampm-supplement-article.txt"
EV_CODES = ("EV401", "EV402", "EV403", "EV404")


# -- the acceptance article -------------------------------------------------------------
@pytest.fixture(scope="module")
def article_findings(engine):
    if not ARTICLE.is_file():
        pytest.skip(f"{ARTICLE} is not here")
    return engine.lint_text(ARTICLE.read_text(encoding="utf-8"))


def _flagged(findings, words, codes=("EV401", "EV404")):
    return [f for f in findings if f.code in codes and words in f.excerpt]


@pytest.mark.parametrize("words", [
    "Research in cell cultures showed that magnesium actively drives this movement",
    "In laboratory studies, magnesium enrichment reduced reactive oxygen species",
    "magnesium pretreatment significantly reduced damage after UV exposure",
])
def test_article_preclinical_statements_are_flagged(article_findings, words):
    found = _flagged(article_findings, words)
    assert found, words
    assert all(f.evidence == "in vitro study" for f in found)


@pytest.mark.parametrize("words", [
    "mechanistic rationale — clinical trial pending",
    "has not yet been demonstrated in a clinical trial",
    "direct clinical evidence in skin fibroblasts specifically is not yet available",
    "the clinical confirmation is still needed",
    "clinical confirmation at this formulation level is still pending",
    "has not yet been conducted",
])
def test_article_pending_statements_are_not_overstated(article_findings, words):
    assert not _flagged(article_findings, words), words


def test_article_needs_no_evidence_tags_by_default(article_findings):
    assert not [f for f in article_findings if f.code in ("EV402", "EV403")]


# -- certainty against evidence -----------------------------------------------------------
def test_proof_with_nothing_cited_is_overstated(engine):
    findings = engine.lint_text("Actimel is scientifically proven and you can see that proof for yourself on our website")
    assert [f.code for f in findings] == ["EV401"]
    assert findings[0].evidence == "no evidence"


def test_statistics_about_diets_claim_nothing(engine):
    text = "Despite how bountiful it is, studies have shown that up to half of European’s do not consume enough magnesium-rich foods."
    assert engine.lint_text(text) == []


def test_negated_proof_is_no_proof(engine):
    findings = engine.lint_text("It has not been proven that this serum smooths wrinkles.")
    assert "EV401" not in [f.code for f in findings]


def test_pilot_study_stated_as_fact_is_overstated(engine):
    findings = engine.lint_text(
        "A pilot study of 20 participants found that our serum reduces wrinkles.", profile=Profile.from_mapping({"profile": "cosmetic"})
    )
    ev401 = [f for f in findings if f.code == "EV401"]
    assert ev401 and ev401[0].evidence == "pilot study"
    assert "pilot study" in ev401[0].message


def test_finding_cites_the_entry_it_weighed(engine):
    profile = Profile.from_mapping({"profile": "cosmetic", "evidence": {"cells": {"level": "in vitro", "cite": "Lab report 7"}}})
    findings = engine.lint_text("Clinically proven to smooth fine lines [@cells].", profile=profile)
    (finding,) = [f for f in findings if f.code == "EV401"]
    assert finding.evidence == "in vitro study"
    assert any("[@cells] Lab report 7" in r for r in finding.references)


def test_authorised_claim_is_evidenced_by_the_register(engine):
    profile = Profile.from_mapping({"require-evidence": True})
    text = ("Oat beta-glucan has been shown to lower blood cholesterol. High cholesterol is a risk factor in the "
            "development of coronary heart disease.")
    assert engine.lint_text(text, profile=profile) == []


def test_configured_evidence_file_resolves_tags():
    engine = Engine(EngineOptions(
        evidence=(("meta2022", {"level": "meta-analysis", "cite": "Ortiz 2022"}),), require_evidence=True,
    ))
    profile = Profile.from_mapping({"profile": "cosmetic"})
    assert engine.lint_text("Night Serum is clinically proven to reduce fine lines [@meta2022].", profile=profile) == []
    codes = [f.code for f in engine.lint_text("Night Serum reduces fine lines.", profile=profile)]
    assert codes == ["EV402"]


# -- tags, references and the pack ------------------------------------------------------------
def test_find_tags():
    tags = find_tags("Shown [@a; @b, p. 4] and [^note] and [1, 3–5]; mail [me at x@y.com] [^def]: no")
    assert [(t.kind, t.key) for t in tags] == [
        ("citation", "a"), ("citation", "b"), ("footnote", "note"),
        ("number", "1"), ("number", "3"), ("number", "4"), ("number", "5"),
    ]


def test_reference_entries():
    assert reference_entries("3. Smith J. A trial.") == [(3, 0, 20)]
    text = "[1] Smith J. A trial. [2] Doe A. Mice."
    assert [(n, text[s:e].strip()) for n, s, e in reference_entries(text)] == [(1, "[1] Smith J. A trial."), (2, "[2] Doe A. Mice.")]
    assert reference_entries("Lee H. Night Serum.") == [(None, 0, 19)]


def test_levels_are_ordered_and_named():
    scale = Scale(evidence_pack(Knowledge.load()))
    assert [level.key for level in scale.levels] == [
        "authorised", "systematic_review", "rct", "controlled_trial", "observational", "narrative_review", "pilot",
        "animal", "in_vitro", "mechanistic", "traditional", "anecdote", "none",
    ]
    assert scale.level("Randomized controlled trial").key == "rct"
    assert scale.level("in-vitro").key == "in_vitro"
    assert scale.level("excellent") is None
    assert [scale.needs[c].key for c in ("proven", "assertive", "qualified")] == ["rct", "controlled_trial", "anecdote"]


def test_pack_naming_an_unknown_level_is_an_error():
    pack = dict(evidence_pack(Knowledge.load()))
    pack["certainty"] = {**pack["certainty"], "proven": {"needs": "gold"}}
    with pytest.raises(PackError, match="certainty.proven.needs"):
        Scale(pack)


def test_cues_are_compiled_once_per_engine(engine, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a Matcher was built while linting")

    monkeypatch.setattr(claimlint.language.evidence_cues, "AnchoredPatterns", refuse)
    monkeypatch.setattr(claimlint.language.evidence_cues, "PhraseMatcher", refuse)
    assert [f.code for f in engine.lint_text("In mice, this cream may reduce wrinkles.", profile=Profile.from_mapping({"profile": "cosmetic"}))] == ["EV404"]


def test_other_findings_show_the_evidence_of_their_sentence(engine):
    findings = engine.lint_text("Magnesium supports collagen production.")
    others = [f for f in findings if not f.code.startswith("EV")]
    assert others and all(f.evidence == "no evidence" for f in others)
