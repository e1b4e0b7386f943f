"""The anchored pattern matcher against a plain reference.

``AnchoredPatterns`` tries each rule pattern only where its anchor word stands, walks the
steps after the anchor forwards and those before it backwards (each the longest way
first), tests the words beside the anchor before it walks, and does not test the tokens
a gap takes. The reference here matches the same steps as regular expressions over the
words, forwards from the anchor and over the reversed words backwards from it (a
regular expression's greedy repeats try the longest way first too), and over every start
for a pattern without an anchor. Random phrases of the pattern language on random word
sequences must give the same matches both ways (a word "S" standing for a substance).
"""

from __future__ import annotations

import re

import spacy
from hypothesis import given, settings, strategies as st
from spacy.tokens import Doc

from claimlint.language.patterns import SUBSTANCE, AnchoredPatterns, _anchor, compile_phrase

WORDS = ["a", "b", "c", "d", "two", "7", ",", ".", "S"]  # "S" stands where a substance is named
COMMON = frozenset({"a"})  # never an anchor: patterns of "a" and flags only have none
NLP = spacy.blank("en")


def _step_regex(spec: dict) -> str:
    """One compiled step as a regular expression over words each followed by a space."""
    if SUBSTANCE in spec:
        token = "S "
    elif "LEMMA" in spec or "LOWER" in spec:
        value = spec.get("LEMMA", spec.get("LOWER"))
        words = value["IN"] if isinstance(value, dict) else [value]
        token = "(?:" + "|".join(re.escape(w) for w in words) + ") "
    elif "LIKE_NUM" in spec:
        token = "(?:" + "|".join(re.escape(w) for w in WORDS if NLP.vocab[w].like_num) + ") "
    elif "IS_PUNCT" in spec:
        token = "(?:" + "|".join(re.escape(w) for w in WORDS if NLP.vocab[w].is_punct) + ") "
    else:
        token = r"\S+ "
    op = spec.get("OP")
    if op is None:
        return f"(?:{token})"
    if op == "?":
        return f"(?:{token})?"
    return f"(?:{token}){op}"


def _run(specs: list[dict], words: list[str]) -> int | None:
    """How many of ``words`` the steps take from the first, the longest way first, or None."""
    found = re.match("".join(_step_regex(s) for s in specs), "".join(w + " " for w in words))
    return None if found is None else found.group(0).count(" ")


def reference(pattern: list[dict], words: list[str]) -> set[tuple[int, int]]:
    anchor = _anchor(pattern, COMMON)
    spans = set()
    if anchor is None:
        for start in range(len(words)):
            taken = _run(pattern, words[start:])
            if taken:
                spans.add((start, start + taken))
        return spans
    index, _, values = anchor
    for position, word in enumerate(words):
        if word not in values:
            continue
        after = _run(pattern[index + 1:], words[position + 1:])
        before = _run(pattern[:index][::-1], words[:position][::-1])
        if after is not None and before is not None:
            spans.add((position - before, position + 1 + after))
    return spans


PART = st.sampled_from([
    "b", "c", "d", "a", "b?", "c?", "=d", "b|c", "(b c|d)", "~", "~1", "~2", "NUM", "PUNCT", "a|d", "(c|a)", "SUBSTANCE",
])


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(PART, min_size=1, max_size=5), words=st.lists(st.sampled_from(WORDS), max_size=14))
def test_anchored_patterns_match_as_the_reference_does(parts, words):
    phrase = " ".join(parts)
    try:
        patterns = compile_phrase(phrase, str.lower, str.split)
    except ValueError:
        return  # a phrase the pattern language refuses (nothing fixed, an optional group)
    matcher = AnchoredPatterns(NLP.vocab, COMMON)
    for number, pattern in enumerate(patterns):
        matcher.add(f"p{number}", pattern)
    doc = Doc(NLP.vocab, words=words, lemmas=words)
    expected = {(f"p{n}", *span) for n, pattern in enumerate(patterns) for span in reference(pattern, words)}
    assert matcher(doc, frozenset(i for i, w in enumerate(words) if w == "S")) == expected


def test_a_word_required_beside_the_anchor_is_looked_for_within_the_doc_only():
    matcher = AnchoredPatterns(NLP.vocab)
    for pattern in compile_phrase("b d c", str.lower, str.split):
        matcher.add("bdc", pattern)
    assert matcher(Doc(NLP.vocab, words=["d", "c"], lemmas=["d", "c"])) == set()
    assert matcher(Doc(NLP.vocab, words=["b", "d"], lemmas=["b", "d"])) == set()
    assert matcher(Doc(NLP.vocab, words=["b", "d", "c"], lemmas=["b", "d", "c"])) == {("bdc", 0, 3)}
