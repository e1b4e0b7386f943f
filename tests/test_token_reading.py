"""What the language stage reads of a Doc's tokens, against what spaCy's own Token
objects say: the words read from arrays, with their strings remembered between Docs."""

from __future__ import annotations

from claimlint.language.mentions import DocTokens
from claimlint.language.pipeline import HashTexts


def test_doc_tokens_read_what_the_tokens_say(engine):
    texts = HashTexts(engine.nlp.vocab.strings)
    for text in ("Magnesium SUPPORTS normal muscle function.", "Zinc helps; iron and vitamin C too!", ""):
        doc = engine.nlp(text)
        tokens = DocTokens.read(doc, texts)
        assert tokens.words == [(t.lower_, t.lemma_, t.is_punct, bool(t.whitespace_)) for t in doc]
        assert tokens.starts == [t.idx for t in doc]
        assert tokens.ends == [t.idx + len(t) for t in doc]


def test_hash_texts_are_the_strings_and_keep_a_bounded_number(engine, monkeypatch):
    strings = engine.nlp.vocab.strings
    monkeypatch.setattr(HashTexts, "LIMIT", 3)
    texts = HashTexts(strings)
    words = ["calcium", "bones", "teeth", "normal", "calcium", "maintenance"]
    hashes = [strings.add(w) for w in words]
    assert texts(hashes) == words
    assert len(texts.known) <= HashTexts.LIMIT  # forgotten once at the limit
    assert texts(hashes[:2]) == words[:2]
    assert len(texts.known) <= HashTexts.LIMIT
