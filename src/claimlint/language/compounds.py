"""Compounds: hashtags and run-together product names, split into the words they hold.

"#immunityboost", "#BetterSleep" and "SleepWell" make claims in words the lexicons
know, written without spaces. Before mentions are found, such a token is split in the
Doc itself into its words ("immunity" "boost"), so every matcher and judge reads them
as words and findings still point at the exact characters. A hashtag in one case is
split by the dictionary (the fewest known words that spell it), one in mixed case and
a CamelCase name at its capitals. A token that cannot be spelt out of known words is
left whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cached_property

import numpy
from spacy.attrs import IS_ALPHA, IS_LOWER, IS_TITLE, IS_UPPER, ORTH
from spacy.tokens import Doc

_CAMEL = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")
_CAPITALS = re.compile(r"[A-Z][a-z]*")
_LETTERS = re.compile(r"^[a-z]{5,}$")
MAX_WORD = 20
SPLIT = "claimlint:compounds"  # Doc user data: the token ranges split from one compound


class CompoundSplitter:
    """Splits hashtags and CamelCase names in a Doc; ``dictionary`` gives the words a
    hashtag is spelt from (lower case), asked for when the first hashtag needs them (most
    copy has none, and gathering tens of thousands of words is a good part of a start);
    ``relemmatise`` recomputes lemmas after a split. From the grammar pack:
    ``suffixes``, the inflections a dictionary word may carry inside a hashtag, and the
    vitamin ``heads`` a single ``letter`` may follow ("#vitaminc")."""

    def __init__(
        self, dictionary: Callable[[], Iterable[str]], relemmatise: Callable[[Doc], Doc], suffixes: Iterable[str] = (),
        heads: Iterable[str] = (), letters: Iterable[str] = (),
    ) -> None:
        self.dictionary = dictionary
        self.relemmatise = relemmatise
        self.suffixes = tuple(suffixes)
        self.heads = frozenset(heads)
        self.letters = frozenset(letters)
        self.memo: dict[tuple[str, bool], list[str] | None] = {}

    def __call__(self, doc: Doc) -> Doc:
        # Only a word after "#" and a word of letters in mixed case that is not a title
        # ("SleepWell", never "Sleep", "DHA" or "sleep") can be a compound; the lexicon's
        # flags tell them apart in one array call: creating a Token object, or even a
        # string, per word would cost more than the test.
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, IS_ALPHA, IS_LOWER, IS_UPPER, IS_TITLE]).reshape(-1, 5)
        orths = rows[:, 0]
        hashtag = numpy.zeros(len(orths), dtype=bool)
        hashtag[1:] = orths[:-1] == strings.add("#")
        mixed = (rows[:, 1] != 0) & (rows[:, 2] == 0) & (rows[:, 3] == 0) & (rows[:, 4] == 0)
        splits: list[tuple[int, list[str]]] = []
        for i in numpy.flatnonzero(hashtag | mixed).tolist():
            pieces = self.pieces(strings[int(orths[i])], bool(hashtag[i]))
            if pieces:
                splits.append((i, pieces))
        if not splits:
            return doc
        ranges, shift = [], 0
        for i, pieces in splits:
            ranges.append((i + shift, i + shift + len(pieces)))
            shift += len(pieces) - 1
        doc.user_data[SPLIT] = ranges
        with doc.retokenize() as retokenizer:
            for i, pieces in splits:
                token = doc[i]
                orths, at = [], 0
                for piece in pieces:
                    orths.append(token.text[at:at + len(piece)])
                    at += len(piece)
                retokenizer.split(token, orths, heads=[(token, 0)] * len(orths))
        return self.relemmatise(doc)

    def pieces(self, text: str, hashtag: bool) -> list[str] | None:
        """The words of a compound, or None when ``text`` is not one (memoised)."""
        key = (text, hashtag)
        if key not in self.memo:
            pieces = None
            if _CAMEL.match(text):
                pieces = _CAPITALS.findall(text)
            elif hashtag and _LETTERS.match(text):
                pieces = self.spell(text)
            self.memo[key] = pieces if pieces and len(pieces) > 1 else None
        return self.memo[key]

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(w for w in self.dictionary() if w.isalpha() and len(w) > 1)

    def known(self, piece: str) -> bool:
        if piece in self.words:
            return True
        return any(piece.endswith(s) and piece[: -len(s)] in self.words for s in self.suffixes if len(piece) > len(s) + 2)

    def spell(self, text: str) -> list[str] | None:
        """The fewest known words that spell ``text`` ("vitaminc": vitamin + c), or None."""
        best: list[list[str] | None] = [None] * (len(text) + 1)
        best[0] = []
        for end in range(1, len(text) + 1):
            for start in range(max(0, end - MAX_WORD), end):
                before = best[start]
                if before is None:
                    continue
                piece = text[start:end]
                if not self.known(piece) and not (piece in self.letters and before and before[-1] in self.heads):
                    continue
                if best[end] is None or len(before) + 1 < len(best[end]):
                    best[end] = before + [piece]
        return best[-1]


def in_hashtag(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` were split from one hashtag ("#immunityboost"): a
    hashtag built of an effect claims it, whatever the sentence around it. A CamelCase
    name ("GutGlow") claims where it names the product (a caption, a product's name): in
    a sentence that tells of it ("GutGlow began in a cellar") it is a name in a story."""
    return any(lo <= start and end <= hi and lo > 0 and doc[lo - 1].text == "#" for lo, hi in doc.user_data.get(SPLIT, ()))
