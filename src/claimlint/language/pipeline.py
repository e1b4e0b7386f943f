"""The one spaCy pipeline per process.

The default is ``spacy.blank(language)`` (``"en"`` unless configured) with rule-based
sentence ends and lemmas from the spacy-lookups-data table of that language, so claimlint
runs offline from PyPI packages alone. The sentence-end marks and the letters whose full
stop is split off come from the language's grammar pack. Lemmas are
looked up on the lower-cased token (the stock lookup lemmatizer misses "Boosts" at the
start of a heading), memoised per lexeme so each distinct word is looked up once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import IS_PUNCT, LEMMA, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from claimlint import cache


@Language.factory("claimlint_lemmas")
def _make_lemmatizer(nlp: Language, name: str) -> "LowerLookupLemmatizer":
    return LowerLookupLemmatizer(nlp)


class LowerLookupLemmatizer:
    def __init__(self, nlp: Language) -> None:
        self.strings = nlp.vocab.strings
        self.table = _lemma_table(nlp.lang)  # hash of a lower-case word -> its lemma
        self.memo: dict[int, int] = {}

    def __call__(self, doc: Doc) -> Doc:
        # Whole-array assignment: creating a Token object per word costs more than the
        # lookup itself, so lemmas go in through one from_array call, and each distinct
        # word of the Doc is looked up once.
        if not len(doc):
            return doc
        orths, inverse = numpy.unique(doc.to_array(ORTH), return_inverse=True)
        memo = self.memo
        lemmas = []
        for orth in orths.tolist():
            lemma = memo.get(orth)
            if lemma is None:
                lower = self.strings[orth].lower()
                lemma = memo[orth] = self.strings.add(self.table.get(self.strings.add(lower), lower))
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64")[inverse].reshape(-1, 1))
        return doc

    @contextmanager
    def memory_zone(self, mem: object = None) -> Iterator[None]:
        """What the memo learns in a memory zone of spaCy's goes when the zone ends: the
        strings added in it (a new word, its lemma) are dropped then, and a lemma id
        remembered for a word met again later would name no string."""
        kept = self.memo
        self.memo = dict(kept)
        try:
            yield
        finally:
            self.memo = kept


@Language.factory("claimlint_sentences", default_config={"punct_chars": ["."]})
def _make_sentence_splitter(nlp: Language, name: str, punct_chars: list[str]) -> "SentenceSplitter":
    return SentenceSplitter(nlp, punct_chars)


class SentenceSplitter:
    """spaCy's rule-based sentencizer rule, read from and written to arrays: the stock
    component creates a Token object for every word, which costs more than the rule.

    A sentence ends after a run of end marks; the next word that is neither one nor
    other punctuation starts the next sentence."""

    def __init__(self, nlp: Language, punct_chars: list[str]) -> None:
        self.marks = numpy.array([nlp.vocab.strings.add(c) for c in punct_chars], dtype="uint64")

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, IS_PUNCT])
        mark = numpy.zeros(len(doc), dtype=bool)
        for end_mark in self.marks.tolist():  # a comparison per mark: numpy.isin costs more on a page's few hundred tokens
            mark |= rows[:, 0] == end_mark
        word = ~mark & (rows[:, 1] == 0)
        # Only end marks and words decide: a word starts a sentence when the last of
        # them before it is an end mark.
        deciding = numpy.flatnonzero(mark | word)
        starts = numpy.full(len(doc), -1, dtype="int64")
        starts[deciding[1:][word[deciding[1:]] & mark[deciding[:-1]]]] = 1
        starts[0] = 1
        doc.from_array([SENT_START], starts.view("uint64").reshape(-1, 1))
        return doc


# What matchers and judges read of each token; rule patterns index the first four.
TOKEN_ATTRS = ("LEMMA", "LOWER", "LIKE_NUM", "IS_PUNCT", "SPACY", "IDX", "LENGTH")


class TokenRows:
    """The :data:`TOKEN_ATTRS` of every token as one array, read from the Doc in one call.

    No row becomes a Python list: a list per token cost more time than the matching
    itself, and keeping them more memory than the Doc. Whole columns are read as arrays
    (:meth:`column`), and turned into lists where a reader looks at many tokens one by one."""

    __slots__ = ("array", "_lists")

    def __init__(self, doc: Doc) -> None:
        self.array = doc.to_array(list(TOKEN_ATTRS)).reshape(-1, len(TOKEN_ATTRS))
        self._lists: dict[str, list[int]] = {}

    def __len__(self) -> int:
        return len(self.array)

    def column(self, name: str) -> numpy.ndarray:
        return self.array[:, TOKEN_ATTRS.index(name)]

    def listed(self, name: str) -> list[int]:
        """A column as a list, made once per Doc: readers that look at a few tokens here
        and there (rule patterns, the evidence cues' patterns) read a list's element at a
        fraction of the cost of an array's."""
        found = self._lists.get(name)
        if found is None:
            found = self._lists[name] = self.column(name).tolist()
        return found


class HashTexts:
    """The strings of string-store hashes, each looked up once while it is kept: asking
    the string store makes a new Python string every time, and a Doc's words are mostly
    words seen before. At most :data:`LIMIT` are kept; past that they are forgotten and
    looked up anew."""

    LIMIT = 50_000

    def __init__(self, strings) -> None:
        self.strings = strings
        self.known: dict[int, str] = {}

    def __call__(self, hashes: list[int]) -> list[str]:
        known = self.known
        get = known.get
        texts = []
        for h in hashes:
            text = get(h)
            if text is None:
                if len(known) >= self.LIMIT:
                    known.clear()
                text = known[h] = self.strings[h]
            texts.append(text)
        return texts


def token_rows(doc: Doc) -> TokenRows:
    """The token rows of ``doc``, kept with it: the rule patterns, the evidence cues and
    the judges all read them."""
    rows = doc.user_data.get("claimlint:rows")
    if rows is None:
        rows = doc.user_data["claimlint:rows"] = TokenRows(doc)
    return rows


class TokenizerWarmer:
    """Keeps spaCy's tokenizer cache working on long Docs.

    The tokenizer caches how it split each whitespace-separated chunk, but a Doc stops
    adding to that cache once it has met one special-case token ("C.", "e.g."), which
    in copy happens within a few words: a long Doc is then tokenised several times slower
    than its lines. Tokenising each chunk never seen before on its own first fills the
    cache, and the long Doc is then assembled from it. The tokens are the same: a chunk
    is split the same way wherever it stands."""

    CACHE_SIZE = 100_000  # chunks the tokenizer may cache (spaCy keeps 10,000)

    def __init__(self, nlp: Language) -> None:
        self.tokenizer = nlp.tokenizer
        self.tokenizer.max_cache_size = max(self.tokenizer.max_cache_size, self.CACHE_SIZE)
        self.seen: set[str] = set()

    def __call__(self, text: str) -> None:
        """Tokenise the chunks of ``text`` not seen before, while the cache has room."""
        if len(self.seen) >= self.tokenizer.max_cache_size:
            return
        new = set(text.split()).difference(self.seen)
        self.seen.update(new)
        tokenizer = self.tokenizer
        for chunk in new:
            tokenizer(chunk)


def _lemma_table(language: str) -> dict[int, str]:
    """The lemma lookup table of spacy-lookups-data for ``language``, as a plain dict (cached:
    reading the packaged table takes longer than the rest of the pipeline's set-up)."""
    from importlib.metadata import version

    def load() -> dict[int, str]:
        from spacy.lookups import load_lookups

        return dict(load_lookups(language, ["lemma_lookup"]).get_table("lemma_lookup").items())

    return cache.cached("lemmas", cache.key("lemma_lookup", language, version("spacy-lookups-data")), load)


@lru_cache(maxsize=None)
def build_nlp(
    language: str, model: str | None, sentence_ends: tuple[str, ...], letter_stops: str, number_units: tuple[str, ...] = (),
) -> Language:
    """Build (once per process) the pipeline for ``language``; ``model`` names an installed
    trained pipeline. ``sentence_ends``, ``letter_stops`` and ``number_units`` come from
    the grammar pack."""
    config = {"punct_chars": list(sentence_ends)}
    if model:
        nlp = spacy.load(model, exclude=["ner"])
        if "claimlint_lemmas" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names:
            nlp.add_pipe("claimlint_lemmas")
        _split_letter_stops(nlp, letter_stops)
        _split_number_units(nlp, number_units)
        if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe("sentencizer"):
            nlp.add_pipe("claimlint_sentences", first=True, config=config)
        return nlp
    nlp = spacy.blank(language)
    _split_letter_stops(nlp, letter_stops)
    _split_number_units(nlp, number_units)
    nlp.add_pipe("claimlint_sentences", config=config)
    nlp.add_pipe("claimlint_lemmas")
    return nlp


def _split_letter_stops(nlp: Language, letters: str) -> None:
    """Tokenisation keeps "C." whole as an initial; in copy it is nearly always "vitamin C"
    ending a sentence, so a single letter of ``letters`` and its full stop are split."""
    for letter in letters:
        nlp.tokenizer.add_special_case(f"{letter}.", [{ORTH: letter}, {ORTH: "."}])


def _split_number_units(nlp: Language, units: tuple[str, ...]) -> None:
    """The tokenizer splits common units off a number ("5kg") but leaves others joined
    ("11lbs", "10x"), which then read as no number at all; ``units`` are split off too."""
    if not units:
        return
    joined = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    suffixes = [*nlp.Defaults.suffixes, rf"(?<=[0-9])(?i:{joined})"]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search


def lemmatised(nlp: Language, text: str) -> Doc:
    """Tokens and lemmas of a lexicon phrase, without the rest of the pipeline: lexicons
    hold thousands of phrases and building them must stay cheap."""
    doc = nlp.make_doc(text)
    if nlp.has_pipe("claimlint_lemmas"):
        return nlp.get_pipe("claimlint_lemmas")(doc)
    return nlp(text)


class PhraseTokens:
    """Tokens, lemmas and lower-case forms of lexicon phrases, kept on disk between runs.

    The lexicons hold thousands of phrases; tokenising and lemmatising them anew was the
    largest part of starting up, and so was building a Doc for each (every new word of a
    Doc is a new lexeme, whose attributes spaCy works out in Python). Matchers are given
    the phrases as the hashes of their lemmas or lower-case forms (:meth:`keys`), which is
    what they store of a Doc, so a phrase found in the table costs no Doc at all. The
    table is keyed on the pipeline that made it, and a phrase it lacks is worked out and
    added, so changed lexicons need no invalidation."""

    FORMAT = "words-lemmas-lowers"  # changes when an entry changes shape

    def __init__(self, nlp: Language) -> None:
        from importlib.metadata import version

        self.nlp = nlp
        self.strings = nlp.vocab.strings
        self.digest = cache.key(
            "phrases", self.FORMAT, spacy.__version__, version("spacy-lookups-data"), repr(nlp.meta.get("name")),
            repr(nlp.meta.get("version")), ",".join(nlp.pipe_names), nlp.tokenizer.to_bytes(exclude=["vocab"]),
        )
        self.table: dict[str, tuple[list[str], list[str], list[str]]] = cache.load("phrases", self.digest) or {}
        self.added = False

    def _entry(self, text: str) -> tuple[list[str], list[str], list[str]]:
        entry = self.table.get(text)
        if entry is None:
            doc = lemmatised(self.nlp, text)
            entry = self.table[text] = ([t.text for t in doc], [t.lemma_ for t in doc], [t.lower_ for t in doc])
            self.added = True
        return entry

    def keys(self, text: str, attr: str) -> list[int]:
        """The phrase as a matcher on ``attr`` ("LEMMA" or "LOWER") stores it: the hash of
        each token's lemma or lower-case form."""
        _, lemmas, lowers = self._entry(text)
        add = self.strings.add
        return [add(value) for value in (lemmas if attr == "LEMMA" else lowers)]

    def words(self, text: str) -> list[str]:
        """The tokens of a phrase as written."""
        return list(self._entry(text)[0])

    def lemmas(self, text: str) -> list[str]:
        return list(self._entry(text)[1])

    def lemma(self, word: str) -> str:
        """The lemma of a one-word phrase; a phrase of several words is kept as written."""
        lemmas = self._entry(word)[1]
        return lemmas[0] if len(lemmas) == 1 else word

    def save(self) -> None:
        if self.added:
            cache.store("phrases", self.digest, self.table)
            self.added = False
