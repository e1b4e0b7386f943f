"""The pipeline's own components against the spaCy components they stand in for."""

from __future__ import annotations

import spacy
from hypothesis import given, settings, strategies as st

from claimlint.knowledge.base import Knowledge
from claimlint.language.pipeline import _split_letter_stops, build_nlp

GRAMMAR = Knowledge.load().grammar

WORDS = st.sampled_from(["Magnesium", "helps", "C", "vitamin", "(", ")", "\"", "…", ".", "!", "?", "?!", ",", "--", "\n", "\n\n", "A.", "e.g.", "3.5", "%"])


def _ours():
    return build_nlp("en", None, GRAMMAR.sentence_ends, GRAMMAR.letter_stops)


def _reference():
    nlp = spacy.blank("en")
    _split_letter_stops(nlp, GRAMMAR.letter_stops)
    nlp.add_pipe("sentencizer", config={"punct_chars": list(GRAMMAR.sentence_ends)})
    return nlp


REFERENCE = _reference()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, st.sampled_from(["", " "])), max_size=40))
def test_sentence_ends_are_those_of_spacys_sentencizer(parts):
    text = "".join(word + space for word, space in parts)
    ours, theirs = _ours()(text), REFERENCE(text)
    assert [t.text for t in ours] == [t.text for t in theirs]
    assert [s.start for s in ours.sents] == [s.start for s in theirs.sents]


def test_phrase_tokens_from_the_disk_cache_equal_those_worked_out(tmp_path, monkeypatch):
    from claimlint.language.pipeline import PhraseTokens

    monkeypatch.setenv("CLAIMLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("CLAIMLINT_NO_CACHE", raising=False)
    nlp = _ours()
    phrases = ["supports the immune system", "vitamin C.", "Boosts", "women's health", "anti-ageing", "Omega-3 fatty acids"]
    fresh = PhraseTokens(nlp)
    worked = [(fresh.words(p), fresh.lemmas(p), fresh.keys(p, "LEMMA"), fresh.keys(p, "LOWER")) for p in phrases]
    fresh.save()
    stored = PhraseTokens(nlp)
    assert set(stored.table) == set(phrases)
    for phrase, entry in zip(phrases, worked):
        doc = nlp(phrase)
        # What the pipeline makes of the phrase, and what a matcher stores of that Doc.
        assert entry == ([t.text for t in doc], [t.lemma_ for t in doc], [t.lemma for t in doc], [t.lower for t in doc])
        assert (stored.words(phrase), stored.lemmas(phrase), stored.keys(phrase, "LEMMA"), stored.keys(phrase, "LOWER")) == entry
    assert not stored.added
    assert stored.lemma("boosts") == "boost" and stored.lemma("immune system") == "immune system"
    stored.words("strengthens")
    assert stored.added


def test_phrases_given_as_keys_match_where_phrases_given_as_docs_match():
    from spacy.matcher import PhraseMatcher

    from claimlint.language.pipeline import PhraseTokens

    nlp = _ours()
    tokens = PhraseTokens(nlp)
    phrases = ["immune system", "Vitamin C", "helps", "heart-healthy", "women's health"]
    text = "Vitamin C helps the immune systems of women's health fans. HEART-HEALTHY vitamin c."
    for attr in ("LEMMA", "LOWER"):
        by_doc, by_keys = PhraseMatcher(nlp.vocab, attr=attr), PhraseMatcher(nlp.vocab, attr=attr)
        for phrase in phrases:
            by_doc.add(phrase, [nlp(phrase)])
            by_keys.add(phrase, [tokens.keys(phrase, attr)])
        found = by_keys(nlp(text))
        assert found and sorted(found) == sorted(by_doc(nlp(text)))


def test_units_written_against_a_number_are_words_of_their_own():
    nlp = build_nlp("en", None, GRAMMAR.sentence_ends, GRAMMAR.letter_stops, GRAMMAR.number_units)
    assert [t.text for t in nlp("Lost 11lbs, now 10x fitter")] == ["Lost", "11", "lbs", ",", "now", "10", "x", "fitter"]
    assert [t.text for t in nlp("max relax 2nd")] == ["max", "relax", "2nd"]
