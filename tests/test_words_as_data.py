"""The words claimlint reads and writes come from the packs of the run's language.

Units, reference intakes, reference-list headings, the register's combinations and the
parts of finding messages are pack data: a pack that changes them changes what is read or
said, and the modules that use them hold no English words of their own.
"""

from __future__ import annotations

import ast
import copy
import re
from pathlib import Path

import pytest

from claimlint.document import Block
from claimlint.engine import Engine, EngineOptions
from claimlint.knowledge.amounts import AmountReader, builtin_reader
from claimlint.knowledge.base import Knowledge
from claimlint.knowledge.nutrients import Composition, Limit, NutrientFacts
from claimlint.knowledge.packs import builtin_rules_dir, load_pack
from claimlint.knowledge.profile import Profile
from claimlint.language.compounds import CompoundSplitter
from claimlint.language.sections import ReferenceSections
from claimlint.readers import read_text

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "claimlint"


def write_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- amounts ------------------------------------------------------------------------------

def test_unit_words_come_from_the_language_pack():
    neutral = AmountReader.from_packs([load_pack(builtin_rules_dir() / "amounts.yaml")])
    english = builtin_reader()
    assert [(f.low, f.unit) for f in neutral.find_amounts("300 mg and 2 µg")] == [(300, "mg"), (2, "µg")]
    assert neutral.find_amounts("300 milligrams, 400 IU") == []  # English words, English pack
    assert [(f.low, f.unit) for f in english.find_amounts("300 milligrams, 400 IU")] == [(300, "mg"), (400, "IU")]


def test_a_user_amounts_pack_adds_unit_and_reference_intake_words(tmp_path):
    pack = write_file(tmp_path, "amounts.yaml", (
        "kind: amounts\n"
        "units: {mg: [milligramme, milligrammes]}\n"
        "intake: {names: [VNR], before: [VNR]}\n"
    ))
    knowledge = Knowledge.load([pack])
    text = "12 milligrammes (25 % VNR); VNR 30 %"
    assert [(f.low, f.unit) for f in knowledge.amounts.find_amounts(text)] == [(12, "mg")]
    assert [f.low for f in knowledge.amounts.find_percentages(text)] == [25, 30]
    assert builtin_reader().find_amounts(text) == []
    assert builtin_reader().find_percentages(text) == []


def test_portion_words_set_the_basis(tmp_path):
    pack = write_file(tmp_path, "amounts.yaml", "kind: amounts\nportion: {nouns: [sachet]}\n")
    reader = Knowledge.load([pack]).amounts
    assert reader.parse("3 g per sachet").basis == "per_portion"
    assert reader.parse("3 g per 100 millilitres").basis == "per_100ml"
    with pytest.raises(ValueError):
        builtin_reader().parse("3 g per sachet")


def test_an_nrv_heading_is_read_with_the_packs_names():
    reader = builtin_reader()
    assert reader.is_nrv_heading("% NRV*") and reader.is_nrv_heading("RI %") and reader.is_nrv_heading("% of the reference intake")
    assert not reader.is_nrv_heading("% of women")


# -- grammar ------------------------------------------------------------------------------

def test_reference_headings_come_from_the_grammar():
    blocks = [Block("Magnesium helps.", [], kind="paragraph"), Block("Quellen", [], kind="heading"), Block("Smith 2020.", [], kind="paragraph")]
    assert ReferenceSections(["quellen"]).blocks(blocks) == {2}
    assert ReferenceSections(Knowledge.load().grammar.reference_headings).blocks(blocks) == set()
    assert ReferenceSections([]).blocks(blocks) == set()


def test_register_combinations_are_named_by_the_grammar(engine):
    combined = [ac for ac in engine.index.combinations if ac.entry.substance.lower().startswith("a combination")]
    assert combined, "the register's 'A combination of …' entries authorise the combination"
    assert engine.knowledge.grammar.combination_openers == ("a combination",)


def test_hashtag_inflections_and_vitamin_letters_come_from_the_grammar(engine):
    grammar = engine.knowledge.grammar
    splitter = CompoundSplitter(lambda: {"glow", "skin", "vitamin"}, lambda doc: doc, grammar.compound_suffixes, grammar.vitamin_heads, grammar.vitamin_joined)
    assert splitter.spell("glowingskin") == ["glowing", "skin"]
    assert splitter.spell("vitaminc") == ["vitamin", "c"]
    bare = CompoundSplitter(lambda: {"glow", "skin", "vitamin"}, lambda doc: doc)
    assert bare.spell("glowingskin") is None and bare.spell("vitaminc") is None
    assert engine.annotator.compounds.suffixes == grammar.compound_suffixes


# -- messages -----------------------------------------------------------------------------

def test_condition_messages_come_from_the_nutrition_claims_pack(engine):
    knowledge = Knowledge.load()
    pack = copy.deepcopy(knowledge.packs["nutrition_claims"][0])
    pack["messages"]["bounds"]["min"] = "no less than"
    pack["messages"]["daily_portion"] = "in each day's portion"
    knowledge.packs["nutrition_claims"] = [pack]
    facts = NutrientFacts(knowledge, engine.nlp, engine.annotator)
    profile = Profile.from_mapping({"profile": "food_supplement", "nutrients": {"magnesium": "30 mg"}})
    comp = Composition(profile, {"magnesium": profile.nutrients["magnesium"]})
    outcome = facts.evaluate_limits([Limit("magnesium", "min", facts.amounts.parse("56.25 mg"), "portion")], comp)
    assert outcome.ok is False
    assert outcome.detail == "the product declares 30 mg Magnesium in each day's portion; no less than 56.25 mg in each day's portion is required"


def test_finding_message_parts_come_from_rule_templates(tmp_path):
    pack = write_file(tmp_path, "rules.yaml", """\
kind: rules
rules:
  - code: NC301
    override: true
    name: nutrition-claim-conditions
    severity: error
    message: "Nutrition claim “{wording}”: {detail}."
    basis: "Regulation (EC) No 1924/2006, Annex"
    explanation: A test of the templates.
    templates:
      not_in_annex: not an Annex claim
    examples: {fail: [], pass: []}
""")
    engine = Engine(EngineOptions(rule_packs=(str(pack),)))
    document = read_text("<test>", "Our low carb bread.")
    findings = next(engine.lint([(document, Profile.from_mapping({"profile": "food", "product": "Loaf"}))]))[1]
    assert [f.message for f in findings if f.code == "NC301"] == ["Nutrition claim “low carb”: not an Annex claim."]


# -- no words in code ---------------------------------------------------------------------

READERS_OF_WORDS = [
    "knowledge/amounts.py", "knowledge/nutrients.py", "knowledge/register_index.py", "language/sections.py",
    "language/evidence_cues.py", "language/compounds.py", "language/discourse.py", "language/claims.py", "language/mentions.py", "judges/composition.py", "judges/nutrition.py", "judges/health.py",
    "judges/evidence.py", "judges/medicinal.py",
]


# The kinds of mention the annotator marks: names in the code, not words of copy.
MENTION_KINDS = frozenset({"substance", "effect", "standalone", "disease", "medicinal", "neutral", "modifier", "relation", "advice", "disclaimers", "denials"})
WORD = re.compile(r"(?<![\w:-])[A-Za-z]{2,}(?![\w:-])")  # a word, not a name ("per_portion", "rejected-index")
REGEX_SYNTAX = re.compile(r"\(\?(?:P<\w+>|<?[:=!])|\\.")  # a group's name or kind, an escape ("\\d", "\\s")


def english_literals(path: Path) -> list[str]:
    """String literals of a module that hold words of a sentence, or word lists: a literal of
    two words or more (a regular expression's alternatives too), or a list, set or tuple of
    three lower-case words. Docstrings and the
    messages of errors raised (the tool's own language, not the copy's) do not count."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            skipped.add(id(body[0].value))
        if isinstance(node, ast.Raise):
            skipped.update(id(n) for n in ast.walk(node))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.List, ast.Set, ast.Tuple)):
            words = [
                e.value for e in node.elts
                if isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value.isalpha() and e.value.islower() and e.value not in MENTION_KINDS
            ]
            if len(words) >= 3:
                found.append(f"{path.name}:{node.lineno}: {words}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            if len(WORD.findall(REGEX_SYNTAX.sub(" ", node.value))) >= 2:
                found.append(f"{path.name}:{node.lineno}: {node.value!r}")
    return found


@pytest.mark.parametrize("module", READERS_OF_WORDS)
def test_no_english_words_in_code(module):
    assert english_literals(SRC / module) == []


def test_the_word_check_finds_words(tmp_path):
    path = write_file(tmp_path, "words.py", (
        'HEADS = {"contribute", "help", "need"}\nTEXT = "per daily portion"\nUNIT = r"(?:milligrams?|mg)(?P<unit>\\d)"\n'
        'KEY = "per_portion"\nSTART = r"(?P<low>\\d+)\\s*(?P<high>\\w+)"\nCACHE = "rejected-index"\nCUE = r"(?:daily\\s+)?intake"\n'
    ))
    assert [line.split(':')[1] for line in english_literals(path)] == ['1', '2', '3', '7']
