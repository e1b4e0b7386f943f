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
* ``@name``       any word of the word class ``name`` of the rule packs: a group of its
                  own (``@name?`` is optional) or alternatives inside one (``(@name|x)``)
* ``SUBSTANCE``   a substance the lexicon names ("iron", "vitamin B12", "omega-3 fatty
                  acids"): the words a substance mention covers, one to six of them
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from typing import Callable

import numpy

from claimlint.language.pipeline import TOKEN_ATTRS, TokenRows, token_rows

_GAP = re.compile(r"^~(\d*)$")
_CLASS = re.compile(r"([(|]?)@(\w+)")
_PART = re.compile(r"\([^)]*\)\??|\S+")
MAX_EXPANSIONS = 64
SUBSTANCE = "SUBSTANCE"
SUBSTANCE_WORDS = 6  # the longest substance name a SUBSTANCE slot takes


class PatternError(ValueError):
    pass


def _token(word: str, lemma: Callable[[str], str]) -> dict:
    if word == "NUM":
        return {"LIKE_NUM": True}
    if word == "PUNCT":
        return {"IS_PUNCT": True}
    if word == SUBSTANCE:
        return {SUBSTANCE: True, "OP": "{1,%d}" % SUBSTANCE_WORDS}
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
            pieces += [word] if word in ("NUM", "PUNCT", SUBSTANCE) or word.startswith("=") else split(word)
        tokens = [_token(p, lemma) for p in pieces]
        (singles if len(tokens) == 1 else multis).append(tokens if len(tokens) > 1 else tokens[0])
    if optional and multis:
        raise PatternError(f"an optional part must be single words: {part!r}")
    if optional and any(SUBSTANCE in t for t in singles):
        raise PatternError(f"SUBSTANCE cannot be optional: {part!r}")
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


def compile_phrase(
    phrase: str, lemma: Callable[[str], str], split: Callable[[str], list[str]], classes: Mapping[str, list[str]] | None = None,
) -> list[list[dict]]:
    """Compile one phrase into Matcher patterns; ``split`` tokenises as the pipeline does and
    ``classes`` are the word classes a part ``@name`` stands for."""
    phrase = _CLASS.sub(lambda m: _word_class(m, classes or {}), phrase)
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
        if not pattern or all("OP" in t and SUBSTANCE not in t for t in pattern):
            raise PatternError(f"pattern matches nothing fixed: {phrase!r}")
    return patterns


def _word_class(match: re.Match, classes: Mapping[str, list[str]]) -> str:
    """``@name`` as the class's words: alternatives of the group it stands in
    ("(@medicines|pill)"), else a group of its own ("@medicines", "@medicines?")."""
    name = match.group(2)
    if name not in classes:
        raise PatternError(f"unknown word class @{name}")
    words = "|".join(classes[name])
    return match.group(1) + (words if match.group(1) else f"({words})")


# -- matching ------------------------------------------------------------------------
# spaCy's Matcher tries every pattern at every token, which made rule patterns the
# slowest step of a run. Every pattern here is filed under an anchor word it cannot
# match without; a PhraseMatcher finds the anchors and only the patterns filed under
# the anchors a block contains are tried, and only at those positions.

_ATTRS = TOKEN_ATTRS[:4]


class _Step:
    __slots__ = ("low", "high", "attr", "values", "flag", "substance")

    def __init__(self, spec: dict, strings) -> None:
        op = spec.get("OP")
        if op is None:
            self.low = self.high = 1
        elif op == "?":
            self.low, self.high = 0, 1
        else:
            low, high = op.strip("{}").split(",")
            self.low, self.high = int(low), int(high)
        self.substance = SUBSTANCE in spec
        self.attr: int | None = None
        self.values: frozenset[int] = frozenset()
        self.flag: bool | None = None  # the value a LIKE_NUM or IS_PUNCT step asks for
        for attr in _ATTRS:
            if attr in spec:
                value = spec[attr]
                self.attr = _ATTRS.index(attr)
                if attr in ("LIKE_NUM", "IS_PUNCT"):
                    self.flag = bool(value)
                else:
                    words = value["IN"] if isinstance(value, dict) else [value]
                    self.values = frozenset(strings.add(w) for w in words)

    def accepts(self, columns: list[list[int]], index: int, substances: frozenset[int]) -> bool:
        if self.substance:
            return index in substances
        if self.attr is None:
            return True
        value = columns[self.attr][index]
        if self.flag is not None:
            return bool(value) == self.flag
        return value in self.values

    def positions(self, rows: TokenRows) -> list[int]:
        """The tokens a required step can match, found on the whole column at once (a
        comparison per word: ``numpy.isin`` costs more than that on a page's few hundred
        tokens, and a step asks for a handful of words)."""
        column = rows.column(_ATTRS[self.attr])
        if self.flag is not None:
            return numpy.flatnonzero((column != 0) == self.flag).tolist()
        wanted = numpy.zeros(len(column), dtype=bool)
        for value in self.values:
            wanted |= column == value
        return numpy.flatnonzero(wanted).tolist()

    @property
    def key(self) -> tuple:
        """What the step matches: steps with equal keys match the same tokens."""
        return self.attr, self.flag, self.values


class _Pattern:
    """A pattern split at its anchor: the steps after it are matched forwards from the
    anchor, the steps before it backwards, so one anchor position is one attempt."""

    __slots__ = ("label", "after", "before", "beside")

    def __init__(self, label: str, pattern: list[dict], anchor_index: int, strings) -> None:
        steps = [_Step(spec, strings) for spec in pattern]
        self.label = label
        self.after = steps[anchor_index + 1:]
        self.before = steps[:anchor_index][::-1]
        # the words nearest the anchor and at a fixed distance first: they fail most attempts
        self.beside = sorted(_beside(self.after, 1) + _beside(self.before, -1), key=lambda b: (b[1] - b[0], abs(b[0])))

    def match_around(self, columns: list[list[int]], position: int, substances: frozenset[int], bounds: tuple[int, int]) -> tuple[int, int] | None:
        """The match whose anchor is the token at ``position``, which holds one of the
        anchor's words (the anchor finder found it there), or None. The match stays inside
        ``bounds``, the tokens of the anchor's sentence."""
        # Most attempts fail for want of a word the pattern requires near the anchor:
        # those are looked for first, where they can stand, without a call per step.
        lo, hi = bounds
        for first, last, column, values in self.beside:
            words = columns[column]
            if first == last:
                p = position + first
                if not lo <= p < hi or words[p] not in values:
                    return None
            elif not any(words[p] in values for p in range(max(position + first, lo), min(position + last + 1, hi))):
                return None
        end = _walk(self.after, columns, position + 1, 1, substances, bounds)
        if end < 0:
            return None
        start = _walk(self.before, columns, position - 1, -1, substances, bounds)
        if start < -1:
            return None
        return start + 1, end

    def match_from(self, columns: list[list[int]], start: int, substances: frozenset[int], bounds: tuple[int, int]) -> int:
        """End of the longest match starting at ``start`` (patterns without an anchor), or -1."""
        return _walk(self.before[::-1], columns, start, 1, substances, bounds)

    def starts(self, rows: TokenRows, known: dict[tuple, list[int]]) -> list[int] | range:
        """Where a pattern without an anchor can start: where its first step matches,
        when that step is required and looks at a word. ``known`` holds the positions
        found for other patterns' first steps in the same Doc (several patterns often
        start with the same step)."""
        first = self.before[-1]
        if first.low and first.attr is not None and not first.substance:
            found = known.get(first.key)
            if found is None:
                found = known[first.key] = first.positions(rows)
            return found
        return range(len(rows))


def _beside(steps: list[_Step], direction: int) -> list[tuple[int, int, int, frozenset[int]]]:
    """(first and last offset from the anchor, column, words) of each word the pattern
    requires on one side of its anchor: the nearest and farthest token its step can start
    at, from what the steps between may take."""
    found = []
    low = high = 0  # tokens the steps between the anchor and this one take, at least and at most
    for step in steps:
        if step.low and step.values and not step.substance:
            near, far = direction * (low + 1), direction * (high + 1)
            found.append((min(near, far), max(near, far), step.attr, step.values))
        low, high = low + step.low, high + step.high
    return found


def _walk(steps: list[_Step], columns: list[list[int]], p: int, direction: int, substances: frozenset[int],
          bounds: tuple[int, int], j: int = 0) -> int:
    """Match ``steps`` from token ``p`` going in ``direction``, inside ``bounds`` (the
    tokens of one sentence); the position after the last matched token (longest match
    first), or a value beyond the edge when none. A gap at a pattern's edge ("~4 award")
    takes words of the sentence only: a match never runs into the sentence before or
    after, where the sentence it was found for would not see it."""
    lo, hi = bounds
    while j < len(steps) and steps[j].low == steps[j].high == 1:
        # A required single token leaves nothing to choose: no recursion for it (most
        # attempts fail on the first token after the anchor).
        if not lo <= p < hi or not steps[j].accepts(columns, p, substances):
            return -1 if direction > 0 else -2
        p += direction
        j += 1
    if j == len(steps):
        return p
    step = steps[j]
    room = hi - p if direction > 0 else p + 1 - lo
    gap = step.attr is None and not step.substance  # takes any token: nothing to test
    for count in range(min(step.high, room), step.low - 1, -1):
        ok = True
        for k in range(0 if gap else count):
            if not step.accepts(columns, p + k * direction, substances):
                ok = False
                break
        if ok:
            found = _walk(steps, columns, p + count * direction, direction, substances, bounds, j + 1)
            if (found >= 0) if direction > 0 else (found >= -1):
                return found
    return -1 if direction > 0 else -2


class AnchoredPatterns:
    """Rule patterns, each tried only where its anchor word occurs: the rarest required
    word, never one of ``common`` (the grammar pack's words too common to tell).

    The anchor finders file every anchor word under one match label and the patterns under
    the word itself, read back from the matched token: a label per word made spaCy work
    out a lexeme for each, which was a good part of building the patterns."""

    LABEL = "claimlint:anchor"

    def __init__(self, vocab, common: frozenset[str] = frozenset()) -> None:
        from spacy.matcher import PhraseMatcher

        self.vocab = vocab
        self.common = common
        self.finders = {attr: PhraseMatcher(vocab, attr=attr) for attr in ("LEMMA", "LOWER")}
        self.filed: dict[tuple[str, int], list[_Pattern]] = {}  # (attribute, hash of the anchor word) -> patterns
        self.unanchored: list[_Pattern] = []

    def add(self, label: str, pattern: list[dict]) -> None:
        anchor = _anchor(pattern, self.common)
        if anchor is None:
            self.unanchored.append(_Pattern(label, pattern, len(pattern), self.vocab.strings))
            return
        index, attr, values = anchor
        compiled = _Pattern(label, pattern, index, self.vocab.strings)
        for value in values:
            key = (attr, self.vocab.strings.add(value))
            if key not in self.filed:
                self.filed[key] = []
                # The anchor word as the finder stores it: the hash of its lemma or lower-case form.
                self.finders[attr].add(self.LABEL, [[key[1]]])
            self.filed[key].append(compiled)

    def __call__(self, doc, substances: frozenset[int] = frozenset()) -> set[tuple[str, int, int]]:
        """Matches in ``doc``; ``substances`` are the positions of the tokens that name a
        substance, which a SUBSTANCE slot takes."""
        hits = [(attr, i) for attr, finder in self.finders.items() for _, i, _ in finder(doc)]
        if not hits and not self.unanchored:
            return set()
        rows = token_rows(doc)
        # The columns patterns read, as lists: patterns look at a few tokens around each
        # anchor, and reading a list costs a fraction of reading an array's element.
        columns = [rows.listed(attr) for attr in _ATTRS]
        found: set[tuple[str, int, int]] = set()
        filed = self.filed
        sentence_of = _sentence_bounds(doc)
        for attr, position in hits:
            for pattern in filed[attr, columns[_ATTRS.index(attr)][position]]:
                span = pattern.match_around(columns, position, substances, sentence_of[position])
                if span is not None:
                    found.add((pattern.label, *span))
        first_steps: dict[tuple, list[int]] = {}
        for pattern in self.unanchored:
            for start in pattern.starts(rows, first_steps):
                end = pattern.match_from(columns, start, substances, sentence_of[start])
                if end > start:
                    found.add((pattern.label, start, end))
        return found


def _sentence_bounds(doc) -> list[tuple[int, int]]:
    """The first and end token of each token's sentence (the whole Doc when it has no
    sentence boundaries yet)."""
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc))] * len(doc)
    bounds: list[tuple[int, int]] = []
    for sent in doc.sents:
        bounds += [(sent.start, sent.end)] * (sent.end - sent.start)
    return bounds


_PUNCT = set(".,!?;:'\"()[]-–—/")


def _anchor(pattern: list[dict], common: frozenset[str]) -> tuple[int, str, set[str]] | None:
    """The most telling required word of a pattern: (position, attribute, its values)."""
    best: tuple[int, str, set[str]] | None = None
    for index, token in enumerate(pattern):
        if "OP" in token:
            continue
        for attr in ("LEMMA", "LOWER"):
            value = token.get(attr)
            if value is None:
                continue
            values = set(value["IN"]) if isinstance(value, dict) else {value}
            if values & common or values & _PUNCT:
                continue
            if best is None or len(values) < len(best[2]):
                best = (index, attr, values)
    return best
