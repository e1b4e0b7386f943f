"""Paying only for text that can hold a claim changes no finding, and neither does
judging a long document in parts where no sentence reads beyond its own part."""

from dataclasses import replace
from pathlib import Path

import claimlint.engine as engine_module
from claimlint.judges.context import DocContext
from claimlint.knowledge.profile import Profile
from claimlint.language.candidates import can_claim
from claimlint.readers.text import read_text
from findings_snapshot import documents

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"  # the shared sets and the real articles, where present


def all_findings(engine, candidates: bool) -> list[dict]:
    """Every finding on the corpus (and the shared sets and real articles, where present),
    as ``findings_snapshot`` lints them, with the candidate filter on or off."""
    saved = engine.options
    engine.options = replace(saved, candidates=candidates)
    try:
        items = list(documents(DATA, engine.knowledge.grammar.heading_joiners))
        linted = engine.lint((document, profile) for _, document, profile in items)
        return [{"source": label, **f.to_dict()} for (label, _, _), (_, findings) in zip(items, linted) for f in findings]
    finally:
        engine.options = saved


def test_the_candidate_filter_changes_no_finding(engine):
    filtered = all_findings(engine, candidates=True)
    everything = all_findings(engine, candidates=False)
    assert len(filtered) > 100  # the corpus alone gives hundreds
    assert filtered == everything


def test_sentences_without_a_mention_are_not_candidates(engine):
    document = read_text("t.txt", "Store in a cool place. Magnesium boosts your energy.")
    (_, findings), = engine.lint([(document, Profile())])
    assert [f.code for f in findings] == ["HC103"]  # a stronger word than the register's
    seen: list = []
    original = DocContext.__init__

    def spy(self, *args, **kwargs):
        original(self, *args, **kwargs)
        seen.append(self)

    DocContext.__init__ = spy
    try:
        list(engine.lint([(read_text("t.txt", document.source), Profile())]))
    finally:
        DocContext.__init__ = original
    ctx, = seen
    assert [s.text for s in ctx.sentences] == ["Store in a cool place.", "Magnesium boosts your energy."]
    assert [s.text for s in ctx.candidates] == ["Magnesium boosts your energy."]
    assert not can_claim(ctx.sentences[0])


def test_a_long_document_is_judged_in_parts_with_the_same_findings(engine, monkeypatch):
    paragraph = "Magnesium boosts your energy. Our turmeric cures arthritis. Store in a cool place."
    text = "\n\n".join([paragraph] * 6) + "\n"
    whole = next(engine.lint([(read_text("long.txt", text), Profile())]))
    monkeypatch.setattr(engine_module, "MAX_PART", len(paragraph) * 2 + 10)  # two paragraphs to a part
    document = read_text("long.txt", text)
    parted, findings = next(engine.lint([(document, Profile())]))
    assert len(findings) == len(whole[1]) >= 12
    assert [(f.code, f.line, f.column, f.message) for f in findings] == [(f.code, f.line, f.column, f.message) for f in whole[1]]
    assert [c.line for c in parted.claims] == [c.line for c in whole[0].claims] == [1, 3, 5, 7, 9, 11]
