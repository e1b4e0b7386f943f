"""The engine: one pipeline, one set of compiled packs, the judges a run needs;
documents in, findings out.

The engine builds what judges read (lexicons, the register index, nutrient facts) and
hands each judge its own view of it through the registry; judges never see the engine.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from itertools import groupby
from typing import TYPE_CHECKING, TypeVar

from claimlint.document import Block, Document
from claimlint.findings import ClaimRecord, Finding
from claimlint.judges import registry
from claimlint.judges.context import DocContext, EvidenceLevels
from claimlint.knowledge.base import Knowledge
from claimlint.knowledge.nutrients import NutrientFacts
from claimlint.knowledge.packs import DEFAULT_LANGUAGE
from claimlint.knowledge.profile import Profile, ProfileCues
from claimlint.knowledge.register_index import RegisterIndex
from claimlint.knowledge.rulebook import RuleBook
from claimlint.language.candidates import can_claim
from claimlint.language.claims import answer_questions, build_claims
from claimlint.language.discourse import Discourse, mark_denials, mark_offers, mark_slides, mark_stories, mark_wanting
from claimlint.language.mentions import SEPARATOR, Annotator, Sentence
from claimlint.language.pipeline import PhraseTokens, TokenizerWarmer, build_nlp
from claimlint.language.sections import ReferenceSections

if TYPE_CHECKING:
    from spacy.tokens import Doc


MAX_BLOCK = 100_000  # characters of one block; a longer one is cut at sentence ends
MAX_DOC = 100_000  # characters of the blocks that share one Doc
MAX_PART = 250_000  # characters of a document analysed and judged at once
MAX_BATCH = MAX_PART  # characters of the Docs spaCy makes at once
C = TypeVar("C")


@dataclass
class _Part:
    """A document, or one part of a long one, on its way through the pipeline."""

    ctx: DocContext
    references: set[int]  # ids of the document's blocks under a references heading
    blocks: list[Block]  # the blocks of this part
    first: bool
    last: bool


@dataclass
class EngineOptions:
    rule_packs: tuple[str, ...] = ()
    language: str = DEFAULT_LANGUAGE  # the packs of rules/<language>/ and spaCy's blank pipeline for it
    nlp_model: str | None = None
    severities: tuple[tuple[str, str], ...] = ()
    require_evidence: bool = False  # EV402: every claim needs an evidence tag
    evidence: tuple[tuple[str, object], ...] = ()  # entries of the configured evidence file
    codes: tuple[str, ...] | None = None  # the codes any file of the run selects (None: all); judges owning none are not built
    candidates: bool = True  # claims and mention judges only for sentences that can hold a claim; off only to check it changes nothing


class Engine:
    def __init__(self, options: EngineOptions | None = None, knowledge: Knowledge | None = None) -> None:
        """``knowledge``, when given, is what the packs of ``options`` hold, loaded already."""
        self.options = options or EngineOptions()
        # Knowledge loaded by a command was checked against the registry as it loaded.
        self.knowledge = knowledge or registry.load_knowledge(self.options.rule_packs, self.options.language)
        self.rulebook = RuleBook(self.knowledge.rules, dict(self.options.severities))
        grammar = self.knowledge.grammar
        self.nlp = build_nlp(
            self.options.language, self.options.nlp_model, grammar.sentence_ends, grammar.letter_stops, grammar.number_units,
        )
        self.phrases = PhraseTokens(self.nlp)
        self.warm = TokenizerWarmer(self.nlp)
        self.annotator = Annotator(self.nlp, self.knowledge, self.phrases)
        self.perceivable = frozenset(k for k, e in self.knowledge.effects.items() if e.perceivable)
        self.register_effects = frozenset(k for k, e in self.knowledge.effects.items() if e.register)
        # the words of each register effect's name, in the law's words ("electrolyte balance")
        self.named_by = {k: frozenset(e.label.lower().split()) for k, e in self.knowledge.effects.items() if e.register}
        self.discourse = Discourse()
        self.body_own = frozenset(k for k, s in self.knowledge.substances.items() if s.body_own)
        self.profile_cues = ProfileCues(self.knowledge.profile_cues)
        self.reference_sections = ReferenceSections(grammar.reference_headings)
        self._index = cache(partial(RegisterIndex, self.annotator, self.knowledge))
        resources = registry.Resources(
            knowledge=self.knowledge,
            nlp=self.nlp,
            phrases=self.phrases,
            index=self._index,
            facts=NutrientFacts(self.knowledge, self.nlp, self.annotator),
            evidence=dict(self.options.evidence),
            require_evidence=self.options.require_evidence,
        )
        self.judges = registry.build(resources, self.options.codes)
        self.phrases.save()

    @property
    def index(self) -> RegisterIndex:
        """The register read through the lexicons, built the first time it is asked for."""
        return self._index()

    def lint(self, items: Iterable[tuple[Document, Profile]], batch_size: int = 64) -> Iterator[tuple[Document, list[Finding]]]:
        """Lint documents in order: each document with all its findings, sorted, and
        all its claim records."""
        findings: list[Finding] = []
        claims: list[ClaimRecord] = []
        for document, part, last in self.lint_parts(items, batch_size):
            findings += part
            claims += document.claims
            if last:
                document.claims = claims
                yield document, sorted(findings, key=Finding.sort_key)
                findings, claims = [], []

    def lint_parts(self, items: Iterable[tuple[Document, Profile]], batch_size: int = 64) -> Iterator[tuple[Document, list[Finding], bool]]:
        """Lint documents in order, streaming them through one ``nlp.pipe``; yields
        ``(document, findings, last)`` for each part of a document, findings sorted.

        The blocks of a document share Docs (up to :data:`MAX_DOC` characters each):
        spaCy's cost per Doc is far larger than its cost per token, and copy is mostly
        short blocks. A document longer than :data:`MAX_PART` characters is analysed and
        judged in consecutive parts of about that size, each on its own, and each part's
        findings are handed on as soon as it is judged, so that memory does not grow
        with the size of a file. Parts follow the document's blocks, which readers
        produce in source order: a part's findings come after those of the parts before.

        Each part of such a long document is analysed and judged in a memory zone of
        spaCy's (``nlp.memory_zone``): every word spaCy meets for the first time becomes
        an entry of its vocabulary (about a kilobyte with its strings) that stays for the
        life of the process, so a large file of varied copy (product codes, names, prices)
        grew by a hundred megabytes. In a zone, the words the part brings are dropped with
        its Docs once it is judged. What outlives a part (findings, claim records) holds
        Python strings only, and the register index is built before the first zone. The
        chunks a part uses more than once are tokenised before its zone (see
        :meth:`_warm_recurring`)."""
        prepared = (self._parts(document, profile) for document, profile in items)
        for long, documents in groupby(prepared, key=lambda parts: len(parts) > 1):
            if not long:
                yield from self._analyse((part for parts in documents for part in parts), batch_size)
                continue
            self.index  # noqa: B018 -- built outside the zones: it is kept for the whole run
            for parts in documents:
                parts.reverse()
                while parts:  # a part is let go once judged: none is held here
                    self._warm_recurring(parts[-1].blocks)
                    with self.nlp.memory_zone():
                        yield from self._analyse(iter([parts.pop()]), batch_size, zoned=True)

    def _warm_recurring(self, blocks: list[Block]) -> None:
        """Warm the tokenizer's cache, outside any zone, with the chunks a part uses more
        than once: in a zone the tokenizer caches nothing and splits every chunk again
        wherever it stands, which doubled the cost of tokenising a part. The words of
        those chunks stay in the vocabulary (a few thousand common words); the words met
        once in a part (product codes, prices, names) stay in its zone."""
        counts = Counter(chunk for block in blocks for chunk in block.text.split())
        self.warm(" ".join(chunk for chunk, n in counts.items() if n > 1))

    def _parts(self, document: Document, profile: Profile) -> list[_Part]:
        """The parts one document is analysed and judged in (one for all but long documents)."""
        document.blocks = [piece for block in document.blocks for piece in block.pieces(MAX_BLOCK)]
        references = {id(document.blocks[n]) for n in self.reference_sections.blocks(document.blocks)}
        groups = list(_groups(document.blocks, MAX_PART)) or [[]]
        return [
            _Part(DocContext(document, profile, self.rulebook), references, blocks, number == 0, number == len(groups) - 1)
            for number, blocks in enumerate(groups)
        ]

    def _analyse(self, stream: Iterable[_Part], batch_size: int, zoned: bool = False) -> Iterator[tuple[Document, list[Finding], bool]]:
        """Analyse and judge parts in order, as one stream of Docs; ``zoned``: in a memory
        zone, where spaCy's tokenizer caches nothing, so warming its cache is no use."""
        parts: list[_Part | None] = []

        def texts() -> Iterator[tuple[str, tuple[int, list[Block]]]]:
            for part in stream:
                parts.append(part)
                index = len(parts) - 1
                if not part.blocks:
                    yield "", (index, [])  # keeps empty documents in the stream
                for group in _groups(part.blocks, MAX_DOC):
                    text = SEPARATOR.join(block.text for block in group)
                    if not zoned:
                        self.warm(text)
                    yield text, (index, group)

        def judge(index: int) -> tuple[Document, list[Finding], bool]:
            part = parts[index]
            parts[index] = None  # its sentences and Docs can go once it is judged
            findings = sorted(self._judge(part.ctx), key=Finding.sort_key)
            return part.ctx.document, findings, part.last

        candidate = can_claim if self.options.candidates else (lambda sentence: True)
        done = 0
        piped = self._pipe(texts(), batch_size)
        for index, docs in groupby(piped, key=lambda pair: pair[1][0]):
            part = parts[index]
            ctx = part.ctx
            for doc, (_, group) in docs:
                for sentence in self.annotator.sentences(doc, group):
                    sentence.index = len(ctx.sentences) + len(ctx.references)
                    if id(sentence.block) in part.references:
                        ctx.references.append(sentence)
                        continue
                    ctx.sentences.append(sentence)
                    if candidate(sentence):
                        ctx.candidates.append(sentence)
            # Documents without blocks arrive as one empty text and still get judged.
            while done < index:
                yield judge(done)
                done += 1
        while done < len(parts):
            yield judge(done)
            done += 1

    def _pipe(self, texts: Iterator[tuple[str, C]], batch_size: int) -> Iterator[tuple[Doc, C]]:
        """``nlp.pipe`` over ``(text, context)`` pairs, in batches of at most ``batch_size``
        texts and :data:`MAX_BATCH` characters. spaCy makes every Doc of a batch before it
        hands on the first, and a batch of 64 of a long document's Docs would be most of
        a large file at once."""
        batch: list[tuple[str, C]] = []
        size = 0
        for item in texts:
            batch.append(item)
            size += len(item[0])
            if len(batch) >= batch_size or size >= MAX_BATCH:
                yield from self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
                batch, size = [], 0
        if batch:
            yield from self.nlp.pipe(batch, as_tuples=True, batch_size=len(batch))

    def _judge(self, ctx: DocContext) -> list[Finding]:
        """Build the claims of one document (or part of one) and judge them; the document's
        claim records are those of this part."""
        mark_stories(ctx.sentences)
        mark_offers(ctx.sentences)
        mark_slides(ctx.sentences)
        mark_wanting(ctx.sentences)
        mark_denials(ctx.sentences)
        for sentence in ctx.candidates:
            claims = build_claims(sentence, self.perceivable, self.register_effects, self.body_own, self.named_by)
            if claims:
                ctx.claims[sentence.index] = claims
        self.discourse.resolve(ctx.document, ctx.sentences, ctx.claims, ctx.profile.declared)
        answer_questions(ctx.sentences, ctx.claims)
        published: dict[str, object] = {}
        for spec, judge in self.judges:
            result = judge.judge(ctx, **{name: published[name] for name in spec.reads})
            if spec.publishes is not None:
                published[spec.publishes] = result
        levels = published.get(registry.EVIDENCE_LEVELS, EvidenceLevels())
        levels.annotate(ctx.findings, ctx.sentences)
        ctx.document.claims = [claim_record(ctx.document, s, levels) for s in ctx.sentences if s.index in ctx.claims]
        return ctx.findings

    def lint_text(self, text: str, path: str = "<text>", profile: Profile | None = None) -> list[Finding]:
        """Lint one plain-text string (rule examples, evaluation cases)."""
        from claimlint.readers.text import read_text

        document = read_text(path, text, self.knowledge.grammar.heading_joiners)
        return next(self.lint([(document, profile or Profile())]))[1]


def claim_record(document: Document, sentence: Sentence, levels: EvidenceLevels) -> ClaimRecord:
    """A sentence read as a claim, with the evidence weighed for it, for reviewers to audit."""
    start, _ = sentence.char_range(sentence.start, sentence.end)
    line, column = document.position(sentence.block.source_offset(start))
    return ClaimRecord(document.path, line, column, sentence.text, levels.by_sentence.get(sentence.index))


def _groups(blocks: list[Block], limit: int) -> Iterator[list[Block]]:
    """Consecutive blocks, as many to a group as fit in ``limit`` characters."""
    group: list[Block] = []
    size = 0
    for block in blocks:
        if group and size + len(SEPARATOR) + len(block.text) > limit:
            yield group
            group, size = [], 0
        size += len(block.text) + (len(SEPARATOR) if group else 0)
        group.append(block)
    if group:
        yield group
