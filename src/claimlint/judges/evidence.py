"""EV401–EV404: does the certainty of the wording match the evidence behind it?

Each sentence's evidence is gathered from the register (every claim it makes is
authorised), the tags it carries ([@key], [^key], [3]) and its text cues ("in cell
cultures", "randomised, placebo-controlled"). A sentence with none of its own takes the
cues and tags of the sentence before it in the same paragraph when it goes on with the
study that one names: a pronoun refers back ("These results …") or it reports a finding
in the past tense. A sentence that merely follows another, stating something of its own,
has its own evidence or none.

Wording is *proven* ("clinically proven", "shown to"), *qualified* ("may", "preliminary",
"pending") or, for any other statement of an effect, *assertive*; each class needs a
level of rules/en/evidence.yaml. Proven wording needs its evidence even where none is given;
other claims without any are EV402's, where the project requires evidence. Wording that
says the clinical evidence is still pending is never overstated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language

from claimlint.judges.context import Accepted, DocContext, EvidenceLevels
from claimlint.language.claims import Claim, clause_bounds, links_back, negated_at
from claimlint.language.evidence_cues import (
    Cue, CueMatcher, Level, Library, Scale, Source, Tag, clip, find_tags, footnote_definitions, reference_entries,
    strongest,
)
from claimlint.language.mentions import DocMatches, Sentence
from claimlint.language.pipeline import PhraseTokens


@dataclass
class Reading:
    """What one sentence says about its evidence, and the evidence it has."""

    sentence: Sentence
    claims: list[Claim]
    unaccepted: list[Claim]  # claims the health judge did not find authorised and faithful
    sources: list[Source] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    unresolved: list[tuple[Tag, str]] = field(default_factory=list)  # with why each resolves to nothing
    proven: Cue | None = None
    qualified: bool = False
    pending: bool = False
    statement: tuple[int, int] | None = None  # tokens stating an effect


@dataclass(frozen=True)
class EvidenceView:
    """What the evidence judge reads: the evidence pack (levels and cues), the pipeline
    that reads footnotes and reference lists, and the project's evidence settings."""


    pack: Mapping[str, Any]
    nlp: Language
    phrases: PhraseTokens
    common_words: frozenset[str]  # too common to anchor a cue
    entries: Mapping[str, object]  # the configured evidence file's entries, by key
    require_evidence: bool  # EV402: every claim needs an evidence tag
    templates: Mapping[str, Mapping[str, str]]  # message parts by code, from the rule packs


class EvidenceJudge:
    def __init__(self, view: EvidenceView) -> None:
        self.view = view
        self.scale = Scale(view.pack)
        self.parts = view.templates["EV401"]  # how what was weighed is told, in EV401 and EV404
        self.cues = CueMatcher(view.nlp, view.pack, view.phrases, view.common_words)

    def judge(self, ctx: DocContext, accepted: Accepted) -> EvidenceLevels:
        """Report overstated and unsupported wording; return the level weighed per sentence."""
        library = self.library(ctx)
        require = bool(ctx.profile.raw.get("require-evidence", self.view.require_evidence))
        levels: dict[int, str] = {}
        cues = DocMatches(self.cues, start=lambda cue: cue.start)
        by_block: dict[int, list[Tag]] = {}
        previous: Reading | None = None
        for sentence in ctx.sentences:
            if id(sentence.block) not in by_block:
                by_block[id(sentence.block)] = find_tags(sentence.block.text)
            tags = by_block[id(sentence.block)]
            claims = ctx.claims.get(sentence.index, [])
            own = cues.within(sentence.doc, sentence.start, sentence.end)
            if not claims and not own and not tags and not sentence.has("relation"):
                previous = None  # states nothing: nothing to weigh here, nor to lend the next sentence
                continue
            reading = Reading(sentence, claims, [c for c in claims if c not in accepted])
            self.read(reading, own, tags, library)
            sources, tagged = reading.sources, reading.tags
            lent = previous is not None and previous.sentence.block is sentence.block and previous.statement and self.continues(sentence)
            if not sources and not tagged and lent:
                before = self.parts["sentence_before"]
                sources = [Source(s.level, before.format(source=s.what)) for s in previous.sources if s.level is not self.scale.authorised]
                tagged = previous.tags
            self.weigh(ctx, levels, reading, sources, bool(tagged), require)
            previous = reading
        return EvidenceLevels(levels)

    def continues(self, sentence: Sentence) -> bool:
        """Does the sentence go on with the study the sentence before it named? It does
        when a pronoun refers back to that one, or when it reports a finding (a verb in
        the past tense: "once zinc was given, the cells grew …")."""
        if links_back(sentence):
            return True
        return any(
            lower in self.scale.reporting or (lower.endswith("ed") and lemma != lower and not punct)
            for lower, lemma, punct, _ in sentence.words
        )

    # -- reading a sentence ----------------------------------------------------------
    def read(self, reading: Reading, cues: list[Cue], tags: list[Tag], library: Library) -> None:
        sentence = reading.sentence
        doc = sentence.doc
        live = [c for c in cues if not negated_at(sentence, c.start, [])]
        reading.statement = self.statement(reading)
        reading.pending = any(c.kind == "pending" for c in cues)
        reading.qualified = reading.pending or any(c.kind == "qualified" for c in cues)
        reading.proven = next((c for c in live if c.kind == "proven"), None)
        if not reading.pending:
            graded = [c for c in live if c.kind == "level"]
            reviews = [c for c in graded if c.key in self.scale.reviews]
            reading.sources = [
                Source(self.scale.by_key[c.key], self.parts["text_cue"].format(cue=doc[c.start:c.end].text)) for c in reviews or graded
            ]
        if reading.claims and not reading.unaccepted:
            reading.sources.append(Source(self.scale.authorised, self.parts["register"]))
        start, end = sentence.char_range(sentence.start, sentence.end)
        for tag in tags:
            if not start <= tag.start < end or (tag.kind == "number" and not library.references):
                continue
            reading.tags.append(tag)
            source, problem = library.resolve(tag)
            if source is not None:
                reading.sources.append(source)
            else:
                reading.unresolved.append((tag, problem))

    def statement(self, reading: Reading) -> tuple[int, int] | None:
        """Tokens that state an effect: a claim with a relation word, else a substance or
        product followed by a relation word in its clause, else any claim."""
        sentence = reading.sentence
        claims = reading.unaccepted or reading.claims
        governed = next((c for c in claims if c.relations), None)
        if governed is not None:
            return governed.span()
        clauses = clause_bounds(sentence)
        clause = lambda i: clauses[i - sentence.start]  # noqa: E731
        for relation in sentence.of("relation"):
            if negated_at(sentence, relation.start, []):
                continue
            for subject in sentence.of("substance", "product_nouns"):
                if subject.end <= relation.start and clause(subject.start) == clause(relation.start):
                    return subject.start, relation.end
        return claims[0].span() if claims else None

    # -- judging ---------------------------------------------------------------------
    def weigh(self, ctx: DocContext, levels: dict[int, str], reading: Reading, sources: list[Source], tagged: bool, require: bool) -> None:
        sentence, doc = reading.sentence, reading.sentence.doc
        best = strongest(s.level for s in sources if s.level is not None)
        unknown = any(s.level is None for s in sources)
        if reading.claims or sources or reading.proven or reading.unresolved:
            levels[sentence.index] = best.label if best else (self.parts["cited_level_unknown"] if unknown else self.scale.none.label)
        for tag, problem in reading.unresolved:
            span = doc.char_span(sentence.offset + tag.start, sentence.offset + tag.end, alignment_mode="expand")
            ctx.finding("EV403", sentence, span.start, min(span.end, sentence.end), tag=tag.text, problem=problem)
        # Pending wording says itself what is missing; a source of unknown level cannot be weighed.
        if not reading.pending and not unknown:
            self.overstatement(ctx, reading, best, [s.describe(self.parts["level_unknown"]) for s in sources])
        if require and reading.unaccepted and not tagged:
            start, end = reading.unaccepted[0].span()
            ctx.finding("EV402", sentence, start, end, phrase=doc[start:end].text)

    def overstatement(self, ctx: DocContext, reading: Reading, best: Level | None, weighed: list[str]) -> None:
        """EV401 or EV404 (one per sentence): proof claimed beyond its evidence, preclinical
        findings presented as a benefit, or an effect stated as fact on weak evidence."""
        sentence = reading.sentence
        found = self.parts["weighed_separator"].join(weighed) or self.parts["nothing_weighed"]
        statement = reading.statement
        if reading.proven is not None and not self.scale.meets(best, "proven"):
            cls, (start, end) = "proven", (reading.proven.start, reading.proven.end)
        elif statement and best is not None and best.key in self.scale.preclinical and (not reading.qualified or sentence.has("product_nouns")):
            start, end = statement
            ctx.finding("EV404", sentence, start, end, references=weighed, level=best.label, found=found, phrase=sentence.doc[start:end].text)
            return
        elif statement and not reading.qualified and best is not None and not self.scale.meets(best, "assertive"):
            cls, (start, end) = "assertive", statement
        else:
            return
        ctx.finding(
            "EV401", sentence, start, end, references=weighed,
            certainty=cls, phrase=sentence.doc[start:end].text, needed=self.scale.needs[cls].label, found=found,
        )

    # -- the document's sources ----------------------------------------------------------
    def library(self, ctx: DocContext) -> Library:
        entries = {**self.view.entries, **ctx.profile.evidence}
        footnotes = {
            key: Source(self.grade(self.cues(self.view.nlp(text))), f"[^{key}]: {clip(text)}")
            for key, text in footnote_definitions(ctx.document.source).items()
        }
        references: dict[int, Source] = {}
        position = 0
        cues = DocMatches(self.cues, start=lambda cue: cue.start)
        blocks = {id(s.block): s for s in ctx.references}  # one sentence per block is enough
        for sentence in blocks.values():
            doc, text = sentence.doc, sentence.block.text
            found = cues.within(doc, *sentence.block_tokens)
            for number, start, end in reference_entries(text):
                position = number if number is not None else position + 1
                inside = [c for c in found if start <= doc[c.start].idx - sentence.offset < end]
                references[position] = Source(self.grade(inside), f"[{position}] {clip(text[start:end])}")
        return Library(self.scale, entries, footnotes, references, self.view.templates["EV403"])

    def grade(self, cues: list[Cue]) -> Level | None:
        """The strongest level a source's own words name, if any."""
        return strongest(self.scale.by_key[c.key] for c in cues if c.kind == "level")
