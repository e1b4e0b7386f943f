"""Evidence: how strong the support for a statement is, and where a document says it is.

``rules/en/evidence.yaml`` orders the levels of evidence (authorised claim first, no evidence
last), says which level each class of wording needs, and lists the cues that grade copy.
A document points at its sources in three ways, found here as :class:`Tag` objects:

* Pandoc citations ``[@key]``, ``[@key, p. 4]``, ``[@a; @b]`` and Markdown footnotes
  ``[^key]``, resolved against evidence entries (front matter or the configured evidence
  file: ``key: {level: rct, cite: "..."}``); a footnote may also be defined in the page;
* numbered markers ``[1]``, ``[2–4]``, resolved against the page's own reference list,
  whose entries are graded by their cues ("randomized", "mice", "in vitro" …).

One evidence pack is in force: a user pack of this kind replaces the built-in scale, since
two orders of levels cannot be merged.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from claimlint.knowledge.base import Knowledge
from claimlint.knowledge.packs import PackError
from claimlint.language.patterns import AnchoredPatterns, PatternError, compile_phrase
from claimlint.language.pipeline import PhraseTokens

_CITATION = re.compile(r"\[([^\[\]]*@[^\[\]]*)\]")
_CITATION_KEY = re.compile(r"(?<![\w@])-?@(\w(?:[\w:.#$%&+?<>~/-]*\w)?)")
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_FOOTNOTE_DEFINITION = re.compile(r"^[ \t]{0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$", re.MULTILINE)
_NUMBERED = re.compile(r"\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]")
_REFERENCE_NUMBER = re.compile(r"^\s*[\[(]?(\d{1,3})[\]).:]\s")
_MAX_RANGE = 50
_CLIP = 100


@dataclass(frozen=True)
class Level:
    key: str
    label: str
    rank: int  # 0 is the strongest


class Scale:
    """The ordered levels and the lowest level each class of wording needs."""

    def __init__(self, pack: dict[str, Any]) -> None:
        path = pack["_path"]
        self.levels = [Level(spec["key"], spec["label"], rank) for rank, spec in enumerate(pack["levels"])]
        self.by_key = {level.key: level for level in self.levels}
        self._names = {
            _name(name): level
            for spec, level in zip(pack["levels"], self.levels)
            for name in (spec["key"], spec["label"], *spec["names"])
        }

        def known(key: str, field: str) -> Level:
            if key not in self.by_key:
                raise PackError(f"{path}: field '{field}': unknown level {key!r}")
            return self.by_key[key]

        self.authorised = known("authorised", "levels")
        self.none = known("none", "levels")
        self.needs = {cls: known(spec["needs"], f"certainty.{cls}.needs") for cls, spec in pack["certainty"].items()}
        self.preclinical = {known(key, "preclinical").key for key in pack["preclinical"]}
        self.reviews = {known(key, "reviews").key for key in pack.get("reviews", [])}
        self.reporting = frozenset(pack.get("reporting", []))

    def level(self, name: object) -> Level | None:
        """The level an evidence entry names ("rct", "In vitro", "meta-analysis"), if known."""
        return self._names.get(_name(str(name))) if name is not None else None

    def meets(self, level: Level | None, cls: str) -> bool:
        return level is not None and level.rank <= self.needs[cls].rank


def strongest(levels: Iterable[Level]) -> Level | None:
    return min(levels, key=lambda level: level.rank, default=None)


def evidence_pack(knowledge: Knowledge) -> dict[str, Any]:
    packs = knowledge.packs.get("evidence")
    if not packs:
        raise PackError("evidence: no pack of kind 'evidence' is loaded")
    return packs[-1]


def _name(name: str) -> str:
    return " ".join(re.split(r"[\s_-]+", name.strip().lower()))


@dataclass(frozen=True)
class Cue:
    kind: str  # level | proven | qualified | pending
    key: str  # the level, for level cues
    start: int  # token offsets in the block's Doc
    end: int


class CueMatcher:
    """Every cue of the evidence pack, compiled once per engine.

    Cues are written in the pattern language of rule packs. Those that are plain words and
    alternatives go to a PhraseMatcher on lemmas, which costs little however many there
    are; only cues with numbers or gaps need the anchored pattern matcher.
    """

    def __init__(self, nlp: Language, pack: dict[str, Any], tokens: PhraseTokens, common: frozenset[str] = frozenset()) -> None:
        vocab = nlp.vocab
        self.phrases = PhraseMatcher(vocab, attr="LEMMA")
        self.patterns = AnchoredPatterns(vocab, common)
        self._labels: dict[int, tuple[str, str]] = {}

        def add(kind: str, key: str, phrases: list[str], field: str) -> None:
            label = f"evidence\x1f{kind}\x1f{key}"
            self._labels[vocab.strings.add(label)] = (kind, key)
            for phrase in phrases:
                try:
                    patterns = compile_phrase(phrase, tokens.lemma, tokens.words)
                except PatternError as exc:
                    raise PackError(f"{pack['_path']}: field '{field}': {exc}") from None
                for pattern in patterns:
                    words = _word_sequences(pattern)
                    if words is None:
                        self.patterns.add(label, pattern)
                    else:
                        self.phrases.add(label, [[vocab.strings.add(lemma) for lemma in w] for w in words])

        for number, spec in enumerate(pack["levels"]):
            add("level", spec["key"], spec.get("cues", []), f"levels.{number}.cues")
        for cls, spec in pack["certainty"].items():
            add(cls, cls, spec.get("cues", []), f"certainty.{cls}.cues")
        add("pending", "pending", pack["pending"], "pending")

    def __call__(self, doc: Doc) -> list[Cue]:
        """The cues of ``doc``; one inside a longer cue of the same kind ("pilot" in "pilot study") is dropped."""
        strings = doc.vocab.strings
        matches = [*self.phrases(doc), *((strings[label], start, end) for label, start, end in self.patterns(doc))]
        cues = [Cue(*self._labels[match_id], start, end) for match_id, start, end in matches]
        covering: dict[int, list[Cue]] = {}  # token -> the cues over it; a cue's container covers its start
        for cue in cues:
            for i in range(cue.start, cue.end):
                covering.setdefault(i, []).append(cue)
        return [
            cue for cue in cues
            if not any(o.kind == cue.kind and o.start <= cue.start and cue.end <= o.end and o != cue for o in covering[cue.start])
        ]


def _word_sequences(pattern: list[dict]) -> list[list[str]] | None:
    """The word sequences (lemmas) a Matcher pattern stands for, or None where it needs the
    Matcher (numbers, punctuation classes, gaps)."""
    slots: list[list[str | None]] = []
    for token in pattern:
        values = [v for k, v in token.items() if k in ("LEMMA", "LOWER")]
        if len(values) != 1 or token.get("OP", "?") != "?":
            return None
        words = values[0]["IN"] if isinstance(values[0], dict) else [values[0]]
        slots.append([*words, None] if "OP" in token else list(words))
    sequences = ([w for w in combo if w is not None] for combo in itertools.product(*slots))
    return [s for s in sequences if s]

@dataclass(frozen=True)
class Tag:
    text: str  # as written: "[@smith2020, p. 4]", "[^3]", "[2–4]"
    kind: str  # citation | footnote | number
    key: str  # citation key, footnote label or reference number
    start: int  # character offsets in the block text
    end: int


def find_tags(text: str) -> list[Tag]:
    """Every source a block's text points at, one tag per key."""
    if "[" not in text:
        return []  # every mark opens with a bracket; most blocks have none
    tags = [
        Tag(m.group(), "citation", key, m.start(), m.end())
        for m in _CITATION.finditer(text)
        for key in _CITATION_KEY.findall(m.group(1))
    ]
    tags += [Tag(m.group(), "footnote", m.group(1), m.start(), m.end()) for m in _FOOTNOTE.finditer(text)]
    tags += [
        Tag(m.group(), "number", str(number), m.start(), m.end())
        for m in _NUMBERED.finditer(text)
        for number in _numbers(m.group(1))
    ]
    return sorted(tags, key=lambda t: t.start)


def _numbers(marker: str) -> list[int]:
    """"1, 3" → [1, 3]; "2–4" → [2, 3, 4] (an absurd range counts as its two ends)."""
    numbers: list[int] = []
    for part in marker.split(","):
        ends = [int(n) for n in re.split(r"\s*[–-]\s*", part.strip())]
        if len(ends) == 2 and 0 <= ends[1] - ends[0] <= _MAX_RANGE:
            numbers += range(ends[0], ends[1] + 1)
        else:
            numbers += ends
    return numbers


def footnote_definitions(source: str) -> dict[str, str]:
    """``[^key]: text`` lines of a page's source (Markdown keeps some out of its blocks)."""
    return {m.group(1): m.group(2).strip() for m in _FOOTNOTE_DEFINITION.finditer(source)}


def reference_entries(text: str) -> list[tuple[int | None, int, int]]:
    """The entries of one block of a reference list: (number, start, end) character ranges.

    A block holding several "[1] …  [2] …" entries is split at its markers; otherwise it is
    one entry, numbered by a leading "1." or "[1]" where it has one.
    """
    marks = [m for m in _NUMBERED.finditer(text) if m.group(1).isdigit() and not text[: m.start()].rstrip()[-1:].isalnum()]
    if len(marks) > 1 or (marks and not text[: marks[0].start()].strip()):
        bounds = [m.start() for m in marks] + [len(text)]
        return [(int(m.group(1)), m.start(), end) for m, end in zip(marks, bounds[1:])]
    leading = _REFERENCE_NUMBER.match(text)
    return [(int(leading.group(1)) if leading else None, 0, len(text))]


@dataclass(frozen=True)
class Source:
    level: Level | None  # None: a known source whose level cannot be told
    what: str  # what was weighed: a text cue, a citation with its entry

    def describe(self, unknown: str) -> str:
        """The source for a message, by its level (``unknown`` where that cannot be told)."""
        return f"{self.level.label if self.level else unknown}: {self.what}"


class Library:
    """The sources one document can cite, and how each tag resolves against them."""

    def __init__(
        self, scale: Scale, entries: dict[str, Any], footnotes: dict[str, Source], references: dict[int, Source], problems: Mapping[str, str]
    ) -> None:
        self.scale = scale
        self.problems = problems  # why a tag names no source, worded by EV403's templates
        self.entries = entries
        self.footnotes = footnotes
        self.references = references

    def resolve(self, tag: Tag) -> tuple[Source | None, str]:
        """The source a tag names, or why it names none."""
        if tag.kind == "number":
            source = self.references.get(int(tag.key))
            return source, "" if source else self.problems["missing_reference"].format(key=tag.key)
        if tag.key not in self.entries:
            if tag.kind == "footnote" and tag.key in self.footnotes:
                return self.footnotes[tag.key], ""
            return None, self.problems["unknown_entry"].format(key=tag.key)
        entry = self.entries[tag.key]
        name = entry.get("level") if isinstance(entry, dict) else None
        level = self.scale.level(name)
        if level is None:
            known = ", ".join(level.key for level in self.scale.levels)
            problem = self.problems["unknown_level"].format(level=name) if name is not None else self.problems["no_level"]
            return None, self.problems["entry_without_level"].format(key=tag.key, problem=problem, levels=known)
        cite = clip(str(entry.get("cite") or ""))
        return Source(level, f"{tag.text} {cite}".strip()), ""


def clip(text: str, limit: int = _CLIP) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
