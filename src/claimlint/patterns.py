"""The phrase-pattern language of rule packs, compiled to spaCy Matcher patterns.

Rule authors write patterns as plain phrases rather than spaCy's token dictionaries:

* ``word``        matches the word in any inflection (lemma match, case-insensitive)
* ``=word``       matches this exact form only (lower-cased)
* ``a|b|c``       any of the alternatives (each a lemma, or ``=form``)
* ``word?``       optional token
* ``~`` / ``~N``  up to 3 / N arbitrary tokens
* ``NUM``         a number ("15", "15-20", "two")
* ``PUNCT``       a punctuation token
"""

from __future__ import annotations

import re
from typing import Callable

_GAP = re.compile(r"^~(\d*)$")


class PatternError(ValueError):
    pass


def _alt(word: str, lemma: Callable[[str], str]) -> dict:
    if word == "NUM":
        return {"LIKE_NUM": True}
    if word == "PUNCT":
        return {"IS_PUNCT": True}
    if word.startswith("="):
        return {"LOWER": word[1:].lower()}
    return {"LEMMA": lemma(word.lower())}


def compile_phrase(phrase: str, lemma: Callable[[str], str], split: Callable[[str], list[str]]) -> list[dict]:
    """Compile one phrase; ``split`` tokenises a word as the pipeline would."""
    tokens: list[dict] = []
    for part in phrase.split():
        gap = _GAP.match(part)
        if gap:
            tokens.append({"OP": "{0,%d}" % int(gap.group(1) or 3)})
            continue
        optional = part.endswith("?") and len(part) > 1
        if optional:
            part = part[:-1]
        alts = part.split("|")
        if len(alts) > 1:
            specs = [_alt(a, lemma) for a in alts if a]
            lemmas = [s["LEMMA"] for s in specs if "LEMMA" in s]
            lowers = [s["LOWER"] for s in specs if "LOWER" in s]
            if len(lemmas) + len(lowers) != len(specs) or (lemmas and lowers):
                raise PatternError(f"alternatives must be all lemmas or all =forms: {part!r}")
            spec = {"LEMMA": {"IN": lemmas}} if lemmas else {"LOWER": {"IN": lowers}}
            if optional:
                spec["OP"] = "?"
            tokens.append(spec)
            continue
        pieces = [part] if part in ("NUM", "PUNCT") or part.startswith("=") else split(part)
        for i, piece in enumerate(pieces):
            spec = _alt(piece, lemma)
            if optional and len(pieces) == 1:
                spec["OP"] = "?"
            tokens.append(spec)
    if not tokens or all("OP" in t for t in tokens):
        raise PatternError(f"pattern matches nothing fixed: {phrase!r}")
    return tokens
