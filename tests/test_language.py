"""The pipeline's language is a setting: its words come from the grammar pack of rules/<language>/."""

from __future__ import annotations

from cli_helpers import STRENGTHENED, claimlint, write

from claimlint.engine import Engine, EngineOptions
from claimlint.knowledge.base import Knowledge
from claimlint.knowledge.packs import PackError, builtin_rules_dir

import pytest


def test_english_is_the_default_and_reads_its_grammar_pack():
    knowledge = Knowledge.load()
    assert knowledge.language == "en"
    assert str(builtin_rules_dir() / "en" / "grammar.yaml") in knowledge.pack_paths
    grammar = knowledge.grammar
    assert "but" in grammar.clause_breaks and "plus" in grammar.list_joiners
    assert grammar.nominals["reduction"] == "reduce"
    assert grammar.vitamin_letters["b-12"] == "vitamin_b12"


def test_a_language_without_packs_is_an_error():
    with pytest.raises(PackError, match="no rule packs for language 'xx'"):
        Knowledge.load(language="xx")


def test_a_grammar_pack_changes_how_copy_is_read(tmp_path):
    """Clause breaks are data: a user grammar pack that adds one splits the clause there."""
    text = "Zinc is a mineral whilst vitamin C boosts immunity."
    plain = Engine()
    pack = write(tmp_path, "grammar.yaml", "kind: grammar\nclause_breaks: [whilst]\n")
    extended = Engine(EngineOptions(rule_packs=(str(pack),)))
    assert "whilst" in extended.knowledge.grammar.clause_breaks and "whilst" not in plain.knowledge.grammar.clause_breaks

    def clauses(engine: Engine) -> set[int]:
        doc = engine.nlp(text)
        sentence = engine.annotator.sentences(doc, [_block(text)])[0]
        return {clause for clause, _ in sentence.clauses}

    assert clauses(plain) == {0}
    assert clauses(extended) == {0, 1}


def _block(text: str):
    from claimlint.readers.text import read_text

    return read_text("x.txt", text).blocks[0]


def test_config_language_selects_the_packs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "copy.md", STRENGTHENED + "\n")
    write(tmp_path, "claimlint.toml", 'language = "en"\n')
    assert claimlint("check", "--format", "concise", "copy.md").exit_code == 1

    write(tmp_path, "claimlint.toml", 'language = "xx"\n')
    result = claimlint("check", "copy.md")
    assert result.exit_code == 2
    assert "no rule packs for language 'xx'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr

    write(tmp_path, "claimlint.toml", "language = 3\n")
    result = claimlint("check", "copy.md")
    assert result.exit_code == 2 and "'language' must be a non-empty string" in result.stderr


def test_a_language_folder_may_hold_its_own_register(tmp_path, monkeypatch):
    """A register translation in rules/<language>/ is read instead of the EU's English one."""
    import claimlint.knowledge.register as register_module
    from claimlint.knowledge.register import Register

    rules = tmp_path / "rules"
    write(rules, "de/eu-register-authorised.yaml", (
        "kind: register\nstatus: authorised\nsource: eine Übersetzung für den Test\nentries:\n"
        "- id: POL-HC-0001\n  type: Art.13(1)\n  status: authorised\n  substance: Zink\n"
        "  claim: Zink trägt zu einer normalen Funktion des Immunsystems bei.\n"
    ))
    write(rules, "eu-register-authorised.yaml", (
        "kind: register\nstatus: authorised\nsource: the English text for the test\nentries:\n"
        "- id: POL-HC-0001\n  type: Art.13(1)\n  status: authorised\n  substance: Zinc\n"
        "  claim: Zinc contributes to the normal function of the immune system.\n"
    ))
    monkeypatch.setattr(register_module, "builtin_rules_dir", lambda: rules)
    assert [e.substance for e in Register.load(language="de").authorised] == ["Zink"]
    assert [e.substance for e in Register.load(language="fr").authorised] == ["Zinc"]  # no translation: the EU's text


def test_a_sentence_gives_the_mentions_of_a_kind_in_order_also_after_more_are_added(engine):
    from claimlint.language.mentions import Mention

    text = "Magnesium and zinc support your immune system."
    sentence = engine.annotator.sentences(engine.nlp(text), [_block(text)])[0]
    substances = sentence.of("substance")
    assert [m.key for m in substances] == ["magnesium", "zinc"]
    assert sentence.has("substance", "zinc") and sentence.has("effect") and not sentence.has("substance", "iron")
    substances.clear()  # the list handed out is the caller's own
    sentence.mentions.append(Mention("substance", "iron", 0, 1))
    assert [m.key for m in sentence.of("substance")] == ["magnesium", "zinc", "iron"]
    assert sentence.has("substance", "iron")
    both = sentence.of("substance", "effect")
    assert both == [m for m in sentence.mentions if m.kind in ("substance", "effect")] and len(both) == 4
