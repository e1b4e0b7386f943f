"""A long document does not leave its words behind: each of its parts is analysed in a
memory zone of spaCy's, so the vocabulary (about a kilobyte per new word) does not grow
with the size of a file, and what outlives a part still reads right afterwards."""

from __future__ import annotations

import gc
import weakref

import claimlint.engine as engine_module
from claimlint.knowledge.profile import Profile
from claimlint.readers.text import read_text

PART = 600  # characters of a part in these tests


def _catalogue(words: list[str]) -> str:
    """Catalogue lines, each with a product code of its own and a claim now and then."""
    lines = []
    for n, word in enumerate(words):
        claim = " Our turmeric cures arthritis." if n % 5 == 0 else ""
        lines.append(f"Item {word}, 250 ml, in a glass jar.{claim}")
    return "\n\n".join(lines) + "\n"


def _codes(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{n:04d}q" for n in range(count)]


def test_the_words_of_a_long_document_leave_the_vocabulary_with_it(engine, monkeypatch):
    strings = engine.nlp.vocab.strings
    codes = _codes("zylocode", 120)
    assert not any(code in strings for code in codes)
    monkeypatch.setattr(engine_module, "MAX_PART", PART)
    _, findings = next(engine.lint([(read_text("long.txt", _catalogue(codes)), Profile())]))
    assert {f.code for f in findings} >= {"MC201"}  # it was read and judged
    assert not any(code in strings for code in codes)


def test_a_short_document_keeps_its_words_as_before(engine, monkeypatch):
    """The observable above is the vocabulary: a document judged whole adds its words to it."""
    strings = engine.nlp.vocab.strings
    codes = _codes("qorvacode", 20)
    monkeypatch.setattr(engine_module, "MAX_PART", 1_000_000)
    next(engine.lint([(read_text("short.txt", _catalogue(codes)), Profile())]))
    assert all(code in strings for code in codes)


def test_a_word_first_met_in_a_part_reads_right_after_the_part(engine, monkeypatch):
    """The lemma of a word met first in a zone is a string the zone drops: a lemma
    remembered from then would name nothing when the word comes back."""
    monkeypatch.setattr(engine_module, "MAX_PART", PART)
    codes = _codes("vexlacode", 30)
    codes[7] = "with ocelots"  # once: a word a part uses more than once is kept (see below)
    text = _catalogue(codes)
    first = next(engine.lint([(read_text("long.txt", text), Profile())]))[1]
    doc = engine.nlp("Two ocelots and a quince.")
    assert [t.lemma_ for t in doc][1] == "ocelot"
    again = next(engine.lint([(read_text("long.txt", text), Profile())]))[1]
    assert [f.to_dict() for f in again] == [f.to_dict() for f in first]


def test_a_part_is_let_go_once_it_is_judged(engine, monkeypatch):
    """Its Docs, sentences and claims are not held while the parts after it are analysed."""
    monkeypatch.setattr(engine_module, "MAX_PART", PART)
    judged: list[weakref.ref] = []
    original = engine_module.Engine._judge

    def judge(self, ctx):
        judged.append(weakref.ref(ctx))
        return original(self, ctx)

    monkeypatch.setattr(engine_module.Engine, "_judge", judge)
    document = read_text("long.txt", _catalogue(_codes("plexacode", 60)))
    for _ in engine.lint_parts([(document, Profile())]):
        gc.collect()  # what is let go is gone, cycles included
        assert [ref() for ref in judged[:-1]] == [None] * (len(judged) - 1)  # the parts before the one just judged
    assert len(judged) > 5


def test_the_words_a_part_uses_again_are_kept_for_the_parts_after_it(engine, monkeypatch):
    """In a zone spaCy's tokenizer caches nothing; the chunks a part uses more than once
    are tokenised before its zone, so they stay, and only the words met once go."""
    strings = engine.nlp.vocab.strings
    codes = _codes("trolmacode", 60)
    text = _catalogue([f"{code} with {code[:-2]}pearls and {code[:-2]}pearls" for code in codes])
    monkeypatch.setattr(engine_module, "MAX_PART", PART)
    next(engine.lint([(read_text("long.txt", text), Profile())]))
    assert all(f"{code[:-2]}pearls" in strings for code in codes)
    assert not any(code in strings for code in codes)
