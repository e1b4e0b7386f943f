"""The judge registry: judges built from their views alone, the order they run in, what
each reads of the others, the codes each owns, and ``--select`` building only the judges
a run needs."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from claimlint.judges import registry
from claimlint.judges.evidence import EvidenceJudge
from claimlint.judges.health import HealthClaimJudge
from claimlint.judges.medicinal import MedicinalJudge, MedicinalView
from claimlint.judges.phrases import PhraseJudge, PhraseView
from claimlint.knowledge.rulebook import check_rules
from cli_helpers import claimlint, write

GUARANTEE = "Guaranteed results in 30 days."  # OS502 for every product
CONDITIONS = "Our balm: eczema, psoriasis, rosacea."  # MC201: a list of conditions


def spec(name):
    return next(s for s in registry.JUDGES if s.name == name)


def run_only(engine, monkeypatch, name, judge, text):
    """Lint ``text`` with ``judge`` in place of the engine's judges (after the health
    judge, whose accepted claims it may read)."""
    health = [pair for pair in engine.judges if pair[0].name == "health"]
    monkeypatch.setattr(engine, "judges", [*health, (spec(name), judge)])
    return engine.lint_text(text)


def test_a_judge_built_from_its_view_alone_reads_only_the_view(engine, monkeypatch):
    rules = engine.knowledge.rules
    judge = PhraseJudge(PhraseView(rules))
    assert [f.code for f in run_only(engine, monkeypatch, "phrases", judge, GUARANTEE)] == ["OS502"]
    # The same judge given rules that keep OS502 to cosmetics no longer reports it on a food.
    cosmetic_only = {**rules, "OS502": dataclasses.replace(rules["OS502"], profiles=["cosmetic"])}
    judge = PhraseJudge(PhraseView(cosmetic_only))
    assert run_only(engine, monkeypatch, "phrases", judge, GUARANTEE) == []


def test_the_medicinal_judge_counts_conditions_its_view_names(engine, monkeypatch):
    knowledge = engine.knowledge
    view = MedicinalView(knowledge.effects, frozenset(), frozenset(), frozenset(), frozenset(), knowledge.grammar.reader, *_wording(knowledge))
    assert [f.code for f in run_only(engine, monkeypatch, "medicinal", MedicinalJudge(view), CONDITIONS)] == ["MC201"]
    generic = frozenset({"eczema", "psoriasis", "rosacea"})  # words for illness in general make no list
    view = MedicinalView(knowledge.effects, frozenset(), generic, frozenset(), frozenset(), knowledge.grammar.reader, *_wording(knowledge))
    assert run_only(engine, monkeypatch, "medicinal", MedicinalJudge(view), CONDITIONS) == []


def test_judges_read_only_what_earlier_judges_publish():
    registry.check_order(registry.JUDGES)
    evidence, health = spec("evidence"), spec("health")
    with pytest.raises(ValueError, match="judge 'evidence' reads 'accepted', which no earlier judge publishes"):
        registry.check_order([evidence, health])


def test_a_judge_takes_what_it_declares_it_reads(engine):
    """The engine passes each result under its name: the judge's parameters must be those names."""
    assert [s.name for s, _ in engine.judges] == [s.name for s in registry.JUDGES]
    for judge_spec, judge in engine.judges:
        assert list(inspect.signature(judge.judge).parameters) == ["ctx", *judge_spec.reads], judge_spec.name


def test_every_code_has_one_owner_and_every_built_in_rule_a_check(engine):
    owned = [code for owner in registry.owners() for code in owner.fields]
    assert len(owned) == len(set(owned))
    assert set(owned) == set(engine.knowledge.rules)
    check_rules(engine.knowledge.rules, registry.owners())


@pytest.mark.parametrize(("codes", "judges"), [
    (None, ["health", "composition", "nutrition", "medicinal", "phrases", "evidence"]),
    (["MC201"], ["medicinal"]),
    (["NC302", "HC105"], ["composition", "nutrition"]),
    (["OS501"], ["health", "phrases"]),  # the pattern judge reads the accepted claims (HC106)
    (["EV401"], ["health", "evidence"]),
    (["CL901"], []),
])
def test_a_run_needs_the_judges_owning_its_codes_and_those_they_read(engine, codes, judges):
    assert [s.name for s in registry.needed(engine.knowledge, codes)] == judges


def test_select_does_not_run_judges_it_does_not_need(tmp_path, monkeypatch):
    def refuse(self, ctx, **results):
        raise AssertionError(f"the {type(self).__name__} ran")

    monkeypatch.chdir(tmp_path)
    write(tmp_path, "page.md", f"{CONDITIONS} Magnesium supports collagen production. {GUARANTEE}\n")
    for judge in (HealthClaimJudge, EvidenceJudge):
        monkeypatch.setattr(judge, "judge", refuse)
    result = claimlint("check", "--format", "concise", "--select", "MC201", "page.md")
    assert result.exit_code == 1 and " MC201 " in result.output and " HC101 " not in result.output
    with pytest.raises(AssertionError, match="the HealthClaimJudge ran"):
        claimlint("check", "--format", "concise", "--select", "HC101", "page.md")


def test_judges_fill_exactly_the_placeholders_they_declare(engine, monkeypatch):
    """Every fail example of every judged rule, linted: each finding is given the fields
    its judge declares for the code, no more and no fewer."""
    from claimlint.knowledge.profile import Profile
    from claimlint.knowledge.rulebook import RuleBook
    from claimlint.readers import read_document

    given: dict[str, set[frozenset[str]]] = {}
    finding = RuleBook.finding

    def recording(self, code, path, where, suggestions=(), references=(), **fields):
        given.setdefault(code, set()).add(frozenset(fields))
        return finding(self, code, path, where, suggestions, references, **fields)

    monkeypatch.setattr(RuleBook, "finding", recording)
    declared = {code: fields for spec in registry.JUDGES for code, fields in spec.fields.items()}
    for code in declared:
        for example in engine.knowledge.rules[code].examples["fail"]:
            example = example if isinstance(example, dict) else {"text": example}
            document = read_document(f"example.{example.get('format', 'txt')}", example["text"].encode("utf-8"))
            next(engine.lint([(document, Profile.from_mapping(example.get("profile") or {}))]))
    assert set(given) == set(declared)
    assert {code: {declared[code]} for code in given} == given


def test_checking_rules_does_not_load_the_language_pipeline():
    """`claimlint rules` checks the packs against the registry; that must stay cheap."""
    import os
    import subprocess
    import sys

    from cli_helpers import ROOT

    code = "import sys; from claimlint.judges.registry import load_knowledge; load_knowledge(); print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


def _wording(knowledge):
    """The medicinal judge's words for prevention and healing, condition nouns and message parts."""
    words = knowledge.words
    return (frozenset(words.get("prevention", [])), frozenset(words.get("healing", [])),
            knowledge.condition_nouns, knowledge.rules["MC201"].templates, knowledge.rules["MC205"].templates)
