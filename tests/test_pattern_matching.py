"""Rule patterns are tried only where their anchor word is, and a try that the word next
to the anchor rules out is not walked (``_Pattern.gate``): the matches must be those of
walking every pattern filed under every anchor found."""

from __future__ import annotations

import json

from claimlint.language.patterns import AnchoredPatterns, compile_phrase
from cli_helpers import ROOT


def _copy() -> list[str]:
    """The corpus's own copy: its product pages and its case sentences."""
    texts = [page.read_text(encoding="utf-8") for page in sorted((ROOT / "corpus" / "pages").glob("*.md"))]
    with open(ROOT / "corpus" / "cases.jsonl", encoding="utf-8") as cases:
        texts += [json.loads(line)["text"] for line in cases if line.strip()]
    return texts


def test_gated_patterns_match_where_every_pattern_is_walked(engine):
    patterns = engine.annotator.patterns
    filed = [p for group in patterns.filed.values() for p in group]
    gates = {id(p): p.gate for p in filed}
    assert sum(g is not None for g in gates.values()) > len(filed) // 4  # most tries are gated
    docs = list(engine.nlp.pipe(_copy()))
    gated = [sorted(patterns(doc)) for doc in docs]
    try:
        for p in filed:
            p.gate = None
        walked = [sorted(patterns(doc)) for doc in docs]
    finally:
        for p in filed:
            p.gate = gates[id(p)]
    assert sum(map(len, walked)) > 100  # the corpus holds many pattern wordings
    assert gated == walked


def test_a_gate_is_the_required_word_next_to_the_anchor(engine):
    strings = engine.nlp.vocab.strings
    patterns = AnchoredPatterns(engine.nlp.vocab)
    for phrase in ("clinically proven formula", "proven ~2 formula", "the only (cream|serum)"):
        for pattern in compile_phrase(phrase, engine.phrases.lemma, engine.phrases.words):
            patterns.add(phrase, pattern)
    gates = {p.label: p.gate for group in patterns.filed.values() for p in group}
    # anchored on "clinically" (the rarest word), the next word must be "proven"
    assert gates["clinically proven formula"] == (1, 0, frozenset({strings["prove"]}))  # LEMMA, the lemma of "proven"
    # a gap after the anchor leaves the word before it, which there is not: no gate
    assert gates["proven ~2 formula"] is None
    doc = engine.nlp("Our clinically tested formula. A clinically proven formula. The only serum.")
    assert sorted(label for label, _, _ in patterns(doc)) == ["clinically proven formula", "proven ~2 formula", "the only (cream|serum)"]
