"""The phrase-pattern language of rule packs, compiled to spaCy Matcher patterns.

Rule authors write patterns as plain phrases rather than spaCy's token dictionaries:

* ``word``        matches the word in any inflection (lemma match, case-insensitive)
* ``=word``       matches this exact form only (lower-cased)
* ``a|b|c``       any of the alternatives; an alternative may be several tokens
                  ("doctor-recommended", "world's")
* ``(a b|c d)``   alternatives of several words
* ``word?``       optional (single-token alternatives only)
* ``~`` / ``~N``  up to 3 / N arbitrary tokens
* ``NUM``         a number ("15", "two")
* ``PUNCT``       a punctuation token
"""

from __future__ import annotations

import itertools
import re
from typing import Callable

_GAP = re.compile(r"^~(\d*)$")
_PART = re.compile(r"\([^)]*\)\??|\S+")
MAX_EXPANSIONS = 64


class PatternError(ValueError):
    pass


def _token(word: str, lemma: Callable[[str], str]) -> dict:
    if word == "NUM":
        return {"LIKE_NUM": True}
    if word == "PUNCT":
        return {"IS_PUNCT": True}
    if word.startswith("=") and len(word) > 1:
        return {"LOWER": word[1:].lower()}
    return {"LEMMA": lemma(word.lower())}


def _slot(part: str, lemma, split) -> list[list[dict]]:
    """The choices of one space-separated part: each choice is a token sequence."""
    optional = part.endswith("?") and len(part) > 1
    if optional:
        part = part[:-1]
    singles: list[dict] = []
    multis: list[list[dict]] = []
    grouped = part.startswith("(") and part.endswith(")")
    if grouped:
        part = part[1:-1]
    for alt in (a.strip() for a in part.split("|") if a.strip()):
        pieces = []
        for word in alt.split():
            pieces += [word] if word in ("NUM", "PUNCT") or word.startswith("=") else split(word)
        tokens = [_token(p, lemma) for p in pieces]
        (singles if len(tokens) == 1 else multis).append(tokens if len(tokens) > 1 else tokens[0])
    if optional and multis:
        raise PatternError(f"an optional part must be single words: {part!r}")
    choices: list[list[dict]] = []
    lemmas = [t["LEMMA"] for t in singles if "LEMMA" in t]
    lowers = [t["LOWER"] for t in singles if "LOWER" in t]
    others = [t for t in singles if "LEMMA" not in t and "LOWER" not in t]
    if lemmas:
        choices.append([{"LEMMA": {"IN": lemmas}} if len(lemmas) > 1 else {"LEMMA": lemmas[0]}])
    if lowers:
        choices.append([{"LOWER": {"IN": lowers}} if len(lowers) > 1 else {"LOWER": lowers[0]}])
    choices += [[t] for t in others]
    choices += multis
    if optional:
        choices = [[dict(c[0], OP="?")] for c in choices]
    return choices


def compile_phrase(phrase: str, lemma: Callable[[str], str], split: Callable[[str], list[str]]) -> list[list[dict]]:
    """Compile one phrase into Matcher patterns; ``split`` tokenises as the pipeline does."""
    slots: list[list[list[dict]]] = []
    for part in _PART.findall(phrase):
        gap = _GAP.match(part)
        if gap:
            slots.append([[{"OP": "{0,%d}" % int(gap.group(1) or 3)}]])
        else:
            slots.append(_slot(part, lemma, split))
    total = 1
    for slot in slots:
        total *= len(slot)
    if total > MAX_EXPANSIONS:
        raise PatternError(f"pattern expands to {total} alternatives (at most {MAX_EXPANSIONS}): {phrase!r}")
    patterns = [[tok for choice in combo for tok in choice] for combo in itertools.product(*slots)]
    for pattern in patterns:
        if not pattern or all("OP" in t for t in pattern):
            raise PatternError(f"pattern matches nothing fixed: {phrase!r}")
    return patterns
