"""The one spaCy pipeline per process.

The default is ``spacy.blank("en")`` with a sentencizer and lemmas from the
spacy-lookups-data table, so claimlint runs offline from PyPI packages alone. Lemmas are
looked up on the lower-cased token (the stock lookup lemmatizer misses "Boosts" at the
start of a heading), memoised per lexeme so each distinct word is looked up once.
"""

from __future__ import annotations

from functools import lru_cache

import numpy
import spacy
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc

_SENT_PUNCT = ["!", "?", ".", "。", "…", "‼", "⁉", "?!"]


@Language.factory("claimlint_lemmas")
def _make_lemmatizer(nlp: Language, name: str) -> "LowerLookupLemmatizer":
    return LowerLookupLemmatizer(nlp)


class LowerLookupLemmatizer:
    def __init__(self, nlp: Language) -> None:
        from spacy.lookups import load_lookups

        table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
        self.strings = nlp.vocab.strings
        self.table = table
        self.memo: dict[int, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        # Whole-array assignment: creating a Token object per word costs more than the
        # lookup itself, so lemmas go in through one from_array call.
        memo = self.memo
        orths = doc.to_array(ORTH).tolist()
        lemmas = []
        for orth in orths:
            lemma = memo.get(orth)
            if lemma is None:
                lower = self.strings[orth].lower()
                lemma = self.strings.add(self.table.get(lower, lower))
                memo[orth] = lemma
            lemmas.append(lemma)
        if lemmas:
            doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
        return doc


@lru_cache(maxsize=None)
def build_nlp(model: str | None = None) -> Language:
    """Build (once per process) the pipeline; ``model`` names an installed trained pipeline."""
    if model:
        nlp = spacy.load(model, exclude=["ner"])
        if "claimlint_lemmas" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names:
            nlp.add_pipe("claimlint_lemmas")
        if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
            nlp.add_pipe("sentencizer", first=True, config={"punct_chars": _SENT_PUNCT})
        return nlp
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", config={"punct_chars": _SENT_PUNCT})
    nlp.add_pipe("claimlint_lemmas")
    return nlp
