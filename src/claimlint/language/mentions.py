"""Mentions: the words of a sentence that a claim is made of.

One pass of two PhraseMatchers (lemmas for lexicon words, lower-case forms for disease
names, where lemmas would conflate "burns" the injury with "burns fat") and the anchored
rule patterns finds substances, effects, relation words, disease terms and cues in a whole
Doc (several blocks of a document) at once; overlaps between content words are resolved
longest-first.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from claimlint.document import Block
from claimlint.knowledge.base import Knowledge
from claimlint.knowledge.grammar import Grammar
from claimlint.knowledge.packs import PackError
from claimlint.language.compounds import CompoundSplitter
from claimlint.language.pipeline import HashTexts, PhraseTokens, token_rows
from claimlint.language.patterns import AnchoredPatterns, PatternError, compile_phrase

_SEP = "\x1f"
SEPARATOR = "\n\n"  # between the blocks that share one Doc
# Cues of the verbs pack written in the pattern language (they need numbers or gaps).
PATTERN_CUES = ("testimonial_frames", "metaphor_frames", "audience_frames", "same_outcomes")
_CUE = "cue\x1f"
COMPLAINT = "complaint\x1f"  # key of a complaint built from a body part, before the noun phrase naming it
COMPLAINT_REACH = 3  # words of the gap ("do", "n't", "any") a complaint verb may follow its body part by


@dataclass(slots=True)
class Mention:
    kind: str  # substance | effect | standalone | relation | disease | medicinal | advice | cue … | pattern
    key: str  # substance/effect key, relation class, disease term, rule code, cue name
    start: int  # token offsets in the block's Doc
    end: int
    extra: tuple[str, ...] = ()  # substances a chemical form also supplies

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(slots=True)
class DocTokens:
    """What judges read of every token of a Doc, taken in one array call: spaCy creates
    a Token object on every access, which costs more than the reading itself."""

    words: list[tuple[str, str, bool, bool]]  # lower form, lemma, is punctuation, followed by space
    starts: list[int]  # character offsets in the Doc's text
    ends: list[int]

    @classmethod
    def read(cls, doc: Doc, texts: HashTexts) -> "DocTokens":
        """The tokens of ``doc``; ``texts`` turns string hashes into strings."""
        rows = token_rows(doc)
        lowers, lemmas = texts(rows.listed("LOWER")), texts(rows.listed("LEMMA"))
        puncts, spaces = (rows.column("IS_PUNCT") != 0).tolist(), (rows.column("SPACY") != 0).tolist()
        starts = rows.column("IDX")
        return cls(list(zip(lowers, lemmas, puncts, spaces)), starts.tolist(), (starts + rows.column("LENGTH")).tolist())


PRAISING = ("relation", "compound_heads")


HYPHENS = ("-", "‑", "–")  # marks that join the halves of a compound written without spaces


def _praised(words: list[tuple[str, str, bool, bool]], mentions: list[Mention], at: int) -> bool:
    """"liver-loving", "tummy-soothing": the organ word is the first half of a compound
    whose second half praises or acts on it, so it names the organ's effect by itself."""
    if at + 1 >= len(words) or words[at][0] not in ("-", "‑") or words[at - 1][3] or words[at][3]:
        return False
    return any(m.start == at + 1 and m.kind in PRAISING for m in mentions)


class DocMatches:
    """Matches found once per Doc and handed to each sentence by token range: a Doc holds
    many sentences, and matching it, or scanning its matches, per sentence repeats work."""

    def __init__(self, find: Callable[[Doc], Iterable[Any]], start: Callable[[Any], int]) -> None:
        self.find = find
        self.start = start
        self.found: dict[int, tuple[list[int], list[Any]]] = {}

    def within(self, doc: Doc, start: int, end: int) -> list[Any]:
        """The matches that begin in tokens ``start:end``."""
        if id(doc) not in self.found:
            matches = sorted(self.find(doc), key=self.start)
            self.found[id(doc)] = [self.start(m) for m in matches], matches
        starts, matches = self.found[id(doc)]
        return matches[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]


@dataclass
class Sentence:
    """A sentence with its mentions; the unit claims are built from.

    The Doc holds several blocks joined by :data:`SEPARATOR`; ``offset`` is where this
    sentence's block starts in the Doc's text, ``block_tokens`` its token range;
    ``grammar`` holds the structural words of its language."""

    doc: Doc
    start: int
    end: int
    block: Block
    tokens: DocTokens
    grammar: Grammar
    offset: int = 0
    block_tokens: tuple[int, int] = (0, 0)
    mentions: list[Mention] = field(default_factory=list)
    index: int = 0  # position in the document
    story: bool = False  # told in the first person by a sentence shortly before (discourse)
    offers: bool = False  # a question that offers the product for the complaint or effect it names (discourse)
    studied: Sentence | None = None  # the study report whose outcome it promises for the product (discourse)
    denied: bool = False  # the sentence after it takes it back ("That it cures anything. It doesn't.") (discourse)
    wanting: bool = False  # in a passage that takes a substance away ("Low iron creeps up …") (discourse)
    _kinds: tuple[int, dict[str, list[Mention]]] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def asks(self) -> bool:
        """Whether the sentence is put as a question (ends with a question mark), whatever it
        does with it: queries, asserts or offers."""
        return self.text.rstrip().endswith("?")

    @cached_property
    def words(self) -> list[tuple[str, str, bool, bool]]:
        """(lower form, lemma, is punctuation, followed by space) of each token."""
        return self.tokens.words[self.start:self.end]

    @cached_property
    def clauses(self) -> list[tuple[int, int]]:
        """(clause, parenthesis) of every token; a parenthesis is a clause of its own."""
        ids: list[tuple[int, int]] = []
        clause, group, stack = 0, 0, []
        previous_space = False
        breaks = self.grammar.clause_breaks
        for lower, _, _, space in self.words:
            if lower in breaks or (lower == "-" and space and previous_space):
                clause += 1
            if lower in ("(", "["):
                group += 1
                stack.append(group)
            ids.append((clause, stack[-1] if stack else 0))
            if lower in (")", "]") and stack:
                stack.pop()
            previous_space = space
        return ids

    def clause_of(self, index: int) -> tuple[int, int]:
        return self.clauses[index - self.start]

    @cached_property
    def text(self) -> str:
        start, end = self.char_range(self.start, self.end)
        return self.block.text[start:end]

    def of(self, *kinds: str) -> list[Mention]:
        if len(kinds) == 1:
            return list(self._by_kind().get(kinds[0], ()))
        return [m for m in self.mentions if m.kind in kinds]

    def has(self, kind: str, key: str | None = None) -> bool:
        found = self._by_kind().get(kind)
        if not found:
            return False
        return key is None or any(m.key == key for m in found)

    def _by_kind(self) -> dict[str, list[Mention]]:
        """The mentions by kind, in order: claim building and the judges ask a sentence
        for one kind tens of times. Built again when mentions were added since."""
        index = self._kinds
        if index is None or index[0] != len(self.mentions):
            kinds: dict[str, list[Mention]] = {}
            for m in self.mentions:
                kinds.setdefault(m.kind, []).append(m)
            index = self._kinds = (len(self.mentions), kinds)
        return index[1]

    def char_range(self, start: int, end: int) -> tuple[int, int]:
        """Block-text character range of tokens ``start:end`` of the Doc."""
        tokens, offset = self.tokens, self.offset
        return tokens.starts[start] - offset, tokens.ends[end - 1] - offset


CONSULT_REACH = 2  # words between a verb of consulting and the professional ("ask their own doctor")
DENIAL_REACH = 3  # words between a negation and the frame or modal it denies ("no good clinical evidence that")


def hyphenated(phrases: Iterable[str]) -> list[str]:
    """The phrases of several words as a compound writes them before its head
    ("blood-pressure-friendly", "red-blood-cell support")."""
    return [p.replace(" ", "-") for p in phrases if " " in p and not p.startswith("=")]


class Annotator:
    """Finds mentions in Docs; built once per process from the knowledge."""

    def __init__(self, nlp: Language, knowledge: Knowledge, phrases: PhraseTokens) -> None:
        self.nlp = nlp
        self.knowledge = knowledge
        self.phrases = phrases
        self.lemma_matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.lower_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._labels: dict[int, tuple[str, str, tuple[str, ...]]] = {}
        self._effect_phrases: dict[tuple[str, ...], str] = {}
        self.grammar = knowledge.grammar
        self.patterns = AnchoredPatterns(nlp.vocab, self.grammar.common_words)
        parts = knowledge.effect_parts
        self.organs: dict[str, str] = dict(parts["organs"])
        self.aspects = frozenset(parts["aspects"])
        self.states = frozenset(parts["states"])
        self.good_states = frozenset(parts["good_states"])
        self.complaints = frozenset(parts["complaints"])
        self.complaint_gap = frozenset(parts["complaint_gap"])
        self._organ_words: dict[int, bool] = {}  # string id: is it an organ word (_from_parts)
        self.texts = HashTexts(nlp.vocab.strings)
        self.professionals = frozenset(knowledge.word_classes.get("health_professionals", ()))
        self._build()
        self.compounds = self._compound_splitter()

    # -- construction -------------------------------------------------------------
    def _label(self, kind: str, key: str, extra: tuple[str, ...] = ()) -> str:
        label = _SEP.join((kind, key, *extra))
        self._labels[self.nlp.vocab.strings.add(label)] = (kind, key, extra)
        return label

    def _add(self, matcher: PhraseMatcher, kind: str, key: str, phrases, extra=(), lemma=True) -> None:
        """Add lexicon phrases; ``=phrase`` matches that exact form only, never its lemmas."""
        variants: list[str] = []
        for phrase in phrases:
            variants += [phrase, phrase.replace("'", "’")] if "'" in phrase else [phrase]
        exact = [p[1:] for p in variants if p.startswith("=")]
        loose = [p for p in variants if not p.startswith("=") and p.strip()]
        label = self._label(kind, key, tuple(extra))
        if loose:
            attr = "LEMMA" if lemma else "LOWER"
            matcher.add(label, [self.phrases.keys(p, attr) for p in dict.fromkeys(loose)])
        if exact:
            self.lower_matcher.add(label, [self.phrases.keys(p, "LOWER") for p in dict.fromkeys(exact)])

    def _build(self) -> None:
        k = self.knowledge
        lm, lo = self.lemma_matcher, self.lower_matcher
        for sub in k.substances.values():
            self._add(lm, "substance", sub.key, sub.names)
            for form, extras in sub.forms.items():
                self._add(lm, "substance", sub.key, [form], extra=extras)
        self._add(lm, "neutral", "neutral", k.words.get("neutral", []))
        for effect in k.effects.values():
            self._add(lm, "effect", effect.key, [*effect.phrases, *hyphenated(effect.phrases)])
            self._add(lm, "standalone", effect.key, effect.standalone)
            for phrase in effect.phrases:
                self._effect_phrases[tuple(self.phrases.lemmas(phrase.lstrip("=")))] = effect.key
        for cls in k.relation_classes:
            self._add(lm, "relation", cls, k.words.get(cls, []))
            self._add(lm, "modifier", cls, k.words.get("modifier:" + cls, []))
        for cue in self.grammar.lemma_cues:
            self._add(lm, cue, cue, k.words.get(cue, []))
        for construction in ("requirement", "dependency"):
            self._add(lm, construction, "faithful", k.words.get(construction, []))
        self._add(lm, "result", "strengthening", k.words.get("result", []))
        self._add(lm, "vitamin_head", "vitamin", list(self.grammar.vitamin_heads))
        self._add(lo, "disease", "disease", k.diseases.get("terms", []), lemma=False)
        self._add(lo, "medicinal", "medicinal", k.diseases.get("standalone", []), lemma=False)
        self._add(lo, "advice", "advice", k.diseases.get("advice", []), lemma=False)
        self._add(lo, "treatment", "treatment", k.diseases.get("treatment", []), lemma=False)
        for cue in self.grammar.form_cues:
            self._add(lo, cue, cue, k.words.get(cue, []), lemma=False)
        for cue in PATTERN_CUES:
            for phrase in k.words.get(cue, []):
                try:
                    compiled = compile_phrase(phrase, self.phrases.lemma, self.phrases.words)
                except PatternError as exc:
                    raise PackError(f"verbs: field '{cue}': {exc}") from None
                for pattern in compiled:
                    self.patterns.add(_CUE + cue, pattern)
        for rule in k.rules.values():
            if rule.patterns:
                for field_name, label in (("patterns", rule.code), ("exceptions", "except:" + rule.code)):
                    for phrase in getattr(rule, field_name):
                        try:
                            compiled = compile_phrase(phrase, self.phrases.lemma, self.phrases.words, k.word_classes)
                        except PatternError as exc:
                            raise PackError(f"{rule.source}: rule {rule.code}: field '{field_name}': {exc}") from None
                        for pattern in compiled:
                            self.patterns.add(label, pattern)

    def _compound_splitter(self) -> CompoundSplitter:
        """A splitter whose dictionary is every word of the lexicons and the lemma table."""
        relemmatise: Callable[[Doc], Doc] = lambda doc: doc  # without a lemma table lemmas stay as they are
        table: Iterable[str] = ()
        if self.nlp.has_pipe("claimlint_lemmas"):
            relemmatise = lemmatiser = self.nlp.get_pipe("claimlint_lemmas")
            table = lemmatiser.table.values()

        def dictionary() -> set[str]:
            k = self.knowledge
            phrases: list[str] = []
            for sub in k.substances.values():
                phrases += [*sub.names, *sub.forms]
            for effect in k.effects.values():
                phrases += [*effect.phrases, *effect.standalone]
            for group in (k.words, k.diseases):
                for words in group.values():
                    phrases += [w for w in words if isinstance(w, str)]
            return {w for phrase in phrases for w in re.split(r"[^a-z]+", phrase.lower())} | set(table)

        grammar = self.grammar
        return CompoundSplitter(dictionary, relemmatise, grammar.compound_suffixes, grammar.vitamin_heads, grammar.vitamin_joined)

    # -- annotation ---------------------------------------------------------------
    def mentions(self, doc: Doc, tokens: DocTokens | None = None) -> list[Mention]:
        """The mentions of ``doc``; ``tokens`` are its :class:`DocTokens` when already read."""
        words = (tokens or DocTokens.read(doc, self.texts)).words
        labels = self._labels
        found: list[Mention] = []
        for matcher in (self.lemma_matcher, self.lower_matcher):
            for match_id, start, end in matcher(doc):
                kind, key, extra = labels[match_id]
                found.append(Mention(kind, key, start, end, extra))
        substances = frozenset(i for m in found if m.kind == "substance" for i in range(m.start, m.end))
        for code, start, end in self.patterns(doc, substances):
            if code.startswith(_CUE):
                found.append(Mention(code[len(_CUE):], code[len(_CUE):], start, end))
            else:
                found.append(Mention("pattern", code, start, end))
        if any(m.kind == "vitamin_head" for m in found):
            found.extend(self._vitamin_letters(words, found))
        mentions = self._elliptical(words, self._from_parts(doc, words, self._describing(words, _resolve(found))))
        return self._directions(doc, words, self._denials(words, mentions))

    def _describing(self, words: list[tuple[str, str, bool, bool]], mentions: list[Mention]) -> list[Mention]:
        """"an essential mineral", "an essential dietary electrolyte, which …": after an
        article a word of degree says what kind of nutrient something is, and promises
        nothing, unless the noun it describes goes on to an effect ("an essential mineral
        for strong bones", "an essential part of muscle function")."""
        grammar = self.grammar
        kept = []
        for m in mentions:
            if m.kind == "relation" and m.end - m.start == 1 and m.start > 0 and words[m.start][0] in grammar.attributive \
                    and words[m.start - 1][0] in grammar.articles and not self._noun_claims(words, m.end):
                continue
            kept.append(m)
        return kept

    def _denials(self, words: list[tuple[str, str, bool, bool]], mentions: list[Mention]) -> list[Mention]:
        """"There is no good evidence that …", "We cannot promise that …", "No food can
        cure …": a negation that denies the frame a claim would be made in, rather than
        one word of it, denies the whole clause after it. Either the negation comes a few
        words before a word of saying or proving that takes what follows as its content
        ("evidence that", "claim that"; a word that denies as a negation does counts as
        one: "Nobody can promise that", "It would be wrong to say that"), or it opens its
        clause as the subject's
        determiner, a few words before a modal ("No supplement will …"). Such a denial
        silences its clause as a disclaimer does; the clauses around it still claim."""
        grammar = self.grammar
        negations = [m for m in mentions if m.kind == "negations"]
        # "Nobody can promise that …", "It would be wrong to say that …": words that deny
        # as a negation does, before a frame of saying.
        negations += [Mention("negations", "denying", i, i + 1) for i, w in enumerate(words) if w[0] in grammar.denying_words]
        if not negations:
            return mentions
        denials: list[Mention] = []
        for negation in negations:
            ahead = words[negation.end:negation.end + DENIAL_REACH + 1]
            for offset, (lower, lemma, punct, _) in enumerate(ahead):
                if punct or lower in grammar.comparing_after_denial:
                    break
                at = negation.end + offset
                if lemma in grammar.denied_frames or lower in grammar.denied_frames:
                    # "promise that", "promise you that": the person told may stand between
                    after = at + 2 if at + 1 < len(words) and words[at + 1][0] in grammar.reader | grammar.persons else at + 1
                    if after < len(words) and words[after][0] in grammar.complementisers:
                        denials.append(Mention("denials", "frame", negation.start, after + 1))
                        break
                if offset and lower in grammar.denial_modals and words[negation.start][0] in grammar.denying_determiners \
                        and _opens_clause(words, negation.start, grammar.clause_breaks):
                    denials.append(Mention("denials", "subject", negation.start, at + 1))
                    break
        if not denials:
            return mentions
        return sorted(mentions + denials, key=lambda m: (m.start, -(m.end - m.start), m.kind))

    def _directions(self, doc: Doc, words: list[tuple[str, str, bool, bool]], mentions: list[Mention]) -> list[Mention]:
        """Advice in any words: a verb of consulting a few words before a health
        professional ("should ask their doctor", "check with a pharmacist"), and a step of
        hygiene the reader is told to take ("Wash your hands …", "Rinse the board …") in a
        sentence that names no product or substance. Each is advice and silences its own
        clause: the conditions and microbes such directions name are no claim."""
        grammar = self.grammar
        professionals = self.professionals
        named = {m.start for m in mentions if m.kind in ("substance", "product_nouns")}
        content = {m.start for m in mentions if m.kind in ("effect", "standalone", "substance")}
        ours = grammar.product_determiners
        found: list[Mention] = []
        for i, (lower, lemma, punct, _) in enumerate(words):
            if lemma in grammar.consulting:
                for j in range(i + 1, min(i + CONSULT_REACH + 2, len(words))):
                    if words[j][2]:
                        break
                    if words[j][0] in professionals or words[j][1] in professionals:
                        found.append(Mention("advice", "consulting", i, j + 1))
                        break
            elif lemma in grammar.hygiene_steps and (i == doc[i].sent.start or _opens_clause(words, i, grammar.clause_breaks)) \
                    and i + 1 < len(words) and not words[i + 1][2] and i + 1 not in content:  # a verb with its object, not "Clean energy"
                sent = doc[i].sent
                if not any(k in named for k in range(sent.start, sent.end)) and not any(w[0] in ours for w in words[sent.start:sent.end]):
                    found.append(Mention("advice", "hygiene", i, i + 1))
        if not found:
            return mentions
        return sorted(mentions + found, key=lambda m: (m.start, -(m.end - m.start), m.kind))

    def _noun_claims(self, words: list[tuple[str, str, bool, bool]], start: int) -> bool:
        """Does the noun phrase from ``start`` go on to what it is for ("mineral for")?"""
        grammar = self.grammar
        seen = 0
        for lower, _, punct, _ in words[start:]:
            if lower == "-":
                continue  # "micro-mineral", "co-factor": one word
            if punct or lower in grammar.relative_pronouns or seen == NOUN_PHRASE_WORDS:
                return False
            if lower in grammar.claiming_after_noun:
                return True
            seen += 1
        return False

    def _from_parts(self, doc: Doc, words: list[tuple[str, str, bool, bool]], mentions: list[Mention]) -> list[Mention]:
        """"intestinal barrier repair", "skin thickness": an organ word and the aspects that
        follow it make an effect of the organ's class (or lengthen the effect the organ word
        already is); a state of illness before it ("weakened immunity", "high cholesterol
        levels") makes the whole a condition, and so does a verb of complaint after it
        ("my knees creak", "joints that ache", "knees don't creak any more"); praise of its
        state ("a happy gut", "a soothed stomach") makes it an effect."""
        if not self.organs:
            return mentions
        organs = self.organs
        found = _where(doc, lambda text: text.lower() in organs, self._organ_words)
        if not found:
            return mentions
        content = {i: m for m in mentions if m.kind in _CONTENT for i in range(m.start, m.end)}
        added: list[Mention] = []
        i = 0
        for at in found:
            if at < i:
                continue  # inside what the organ word before it took
            i = at
            lower, lemma, _, _ = words[i]
            key = organs.get(lemma.lower()) or organs.get(lower)
            own = content.get(i)
            if key is None or (own is not None and (own.kind != "effect" or own.start != i)):
                continue
            start, end = i, own.end if own is not None else i + 1
            while True:
                # "liver-function-friendly": a hyphen written without spaces joins an aspect too
                step = 2 if end + 1 < len(words) and words[end][0] in HYPHENS and not words[end - 1][3] and not words[end][3] else 1
                nxt = end + step - 1
                if nxt >= len(words) or nxt in content or not (words[nxt][1].lower() in self.aspects or words[nxt][0] in self.aspects):
                    break
                end = nxt + 1
            aspects = end > (own.end if own is not None else i + 1)
            state = start > 0 and start - 1 not in content and words[start - 1][0] in self.states
            praised = self._praised_from(words, content, start)
            complaint = self._complaint_after(words, content, end)
            if state:
                mention = Mention("disease", "disease", start - 1, end)
            elif complaint:
                named = f"{_gerund(words[complaint - 1][1].lower())} {words[start:end][-1][0]}"
                mention = Mention("disease", COMPLAINT + named, start, complaint)
            elif aspects or own is None and (_praised(words, mentions, end) or self._addressed(words, mentions, start)):
                mention = Mention("effect", own.key if own is not None else key, start, end)
            elif own is None and praised < start:
                mention = Mention("effect", key, praised, end)
            else:
                i = end
                continue
            if own is not None:
                mentions.remove(own)
            if complaint:
                mentions = [m for m in mentions if not (m.kind == "disease" and start <= m.start < complaint)]
            added.append(mention)
            for j in range(mention.start, mention.end):
                content[j] = mention
            i = end
        if not added:
            return mentions
        return sorted(mentions + added, key=lambda m: (m.start, -(m.end - m.start), m.kind))

    def _praised_from(self, words: list[tuple[str, str, bool, bool]], content: dict, start: int) -> int:
        """Where the praise of a part's state before ``start`` begins ("a settled, soothed
        stomach": from "settled"), or ``start`` when none comes right before it."""
        at = start
        while at > 0 and at - 1 not in content:
            lower = words[at - 1][0]
            if lower in self.good_states:
                at -= 1
            elif at < start and lower in self.grammar.list_joiners and at - 2 >= 0 and words[at - 2][0] in self.good_states:
                at -= 1
            else:
                break
        return at

    def _addressed(self, words: list[tuple[str, str, bool, bool]], mentions: list[Mention], at: int) -> bool:
        """"supports your liver", "for a healthy pancreas": an organ word owned by the
        reader or praised by a faithful modifier right before it ("healthy", not the
        "less" of "less sugar") names the organ's effect by itself, as "liver function"
        would."""
        if at == 0:
            return False
        return words[at - 1][0] in self.grammar.reader or any(m.end == at and m.kind == "modifier" and m.key == "faithful" for m in mentions)

    def _complaint_after(self, words: list[tuple[str, str, bool, bool]], content: dict[int, Mention], at: int) -> int:
        """Where a verb of complaint that follows a part of the body ends ("creak" in "knees
        don't creak"), or 0 if none does; only the gap words may stand between them."""
        for i in range(at, min(at + COMPLAINT_REACH + 1, len(words))):
            lower, lemma, _, _ = words[i]
            complains = lemma.lower() in self.complaints or lower in self.complaints
            if i in content:  # "ache" is a complaint of its own, which the body part takes in
                return content[i].end if complains and content[i].kind == "disease" else 0
            if complains:
                return i + 1
            if lower not in self.complaint_gap:
                return 0
        return 0

    def _elliptical(self, words: list[tuple[str, str, bool, bool]], mentions: list[Mention]) -> list[Mention]:
        """"hair & skin pigmentation", "protein and DNA synthesis": the first conjunct
        takes the head of the second when together they make a known effect."""
        content = [m for m in mentions if m.kind in ("effect", "substance")]
        for first, second in zip(content, content[1:]):
            if second.kind != "effect" or second.end - second.start < 2:
                continue
            gap = words[first.end:second.start]
            if not gap or not all(lower in self.grammar.list_joiners for lower, _, _, _ in gap):
                continue
            joined = tuple(w[1] for w in words[first.start:first.end]) + tuple(w[1] for w in words[second.start + 1:second.end])
            key = self._effect_phrases.get(joined)
            if key is not None:
                first.kind, first.key, first.extra = "effect", key, ()
        return mentions

    def _vitamin_letters(self, words: list[tuple[str, str, bool, bool]], found: list[Mention]) -> list[Mention]:
        """"Vitamins A, C and D", "vitamin B6, B12": letters that follow a vitamin head."""
        heads = [m.start for m in found if m.kind == "vitamin_head"]
        sub_end = {m.start: m.end for m in found if m.kind == "substance"}
        letters, joiners = self.grammar.vitamin_letters, self.grammar.list_joiners
        extra: list[Mention] = []
        for head in heads:
            j = head + 1
            while j < len(words):
                lower = words[j][0]
                if lower in letters:
                    extra.append(Mention("substance", letters[lower], j, j + 1))
                    j += 1
                elif lower in joiners:
                    j += 1
                elif j in sub_end:
                    j = sub_end[j]
                else:
                    break
        return extra

    def sentences(self, doc: Doc, blocks: list[Block]) -> list[Sentence]:
        """The sentences of ``blocks``, joined by :data:`SEPARATOR` into ``doc``. A
        sentence never runs from one block into the next, nor does a mention."""
        doc = self.compounds(doc)
        tokens = DocTokens.read(doc, self.texts)
        mentions = self.mentions(doc, tokens)
        ranges: list[tuple[Block, int, int, int]] = []  # block, char offset, first token, end token
        offset = 0
        for block in blocks:
            first, end = bisect.bisect_left(tokens.starts, offset), bisect.bisect_left(tokens.starts, offset + len(block.text))
            ranges.append((block, offset, first, end))
            offset += len(block.text) + len(SEPARATOR)
        out: list[Sentence] = []
        i = b = 0
        for sent in doc.sents:
            while b < len(ranges) and ranges[b][3] <= sent.start:
                b += 1
            for block, offset, first, end in ranges[b:]:
                if first >= sent.end:
                    break
                lo, hi = max(sent.start, first), min(sent.end, end)
                if lo >= hi:
                    continue
                sentence = Sentence(doc, lo, hi, block, tokens, self.grammar, offset, (first, end))
                while i < len(mentions) and mentions[i].start < hi:
                    if mentions[i].start >= lo and mentions[i].end <= end:
                        sentence.mentions.append(mentions[i])
                    i += 1
                out.append(sentence)
        return out


def _opens_clause(words: list[tuple[str, str, bool, bool]], i: int, breaks: frozenset[str]) -> bool:
    """Does the word at ``i`` open its Doc, a block (after the separator), or a clause (after a mark)?"""
    if i == 0:
        return True
    before = words[i - 1][0]
    return words[i - 1][2] or not before.strip() or before in breaks


def _where(doc: Doc, wanted: Callable[[str], bool], memo: dict[int, bool]) -> list[int]:
    """The tokens whose lower form or lemma is ``wanted``, each distinct string tested once
    per process (``memo``, by string id): a Python test per token costs more than the
    matchers."""
    strings = doc.vocab.strings
    rows = token_rows(doc)
    hits: set[int] = set()
    for name in ("LOWER", "LEMMA"):
        column = rows.listed(name)
        kept = set()
        for h in set(column):
            known = memo.get(h)
            if known is None:
                known = memo[h] = wanted(strings[h])
            if known:
                kept.add(h)
        if kept:
            hits.update(i for i, h in enumerate(column) if h in kept)
    return sorted(hits)


_CONTENT = ("neutral", "standalone", "medicinal", "disease", "effect", "substance")
NOUN_PHRASE_WORDS = 3  # words after "an essential" that may still be its noun ("dietary trace mineral")


def _resolve(found: list[Mention]) -> list[Mention]:
    """Longest content mention wins where content mentions overlap; other layers stay.

    On equal length a disease term beats an effect ("brain fog" is a symptom), any
    content beats a substance ("collagen production" is an effect), and neutral phrases
    ("an energy-restricted diet") take their words out of play.
    """
    rank = {"neutral": 0, "standalone": 1, "medicinal": 2, "disease": 3, "effect": 4, "substance": 5}
    content = sorted(
        (m for m in found if m.kind in rank),
        key=lambda m: (-(m.end - m.start), rank[m.kind], m.start),
    )
    taken: list[Mention] = []
    used: set[int] = set()
    for m in content:
        span = range(m.start, m.end)
        if any(i in used for i in span):
            continue
        used.update(span)
        taken.append(m)
    neutral = {i for m in taken if m.kind == "neutral" for i in range(m.start, m.end)}
    others = _dedupe(m for m in found if m.kind not in rank and not (m.kind in ("relation", "modifier") and m.start in neutral))
    return sorted(taken + others, key=lambda m: (m.start, -(m.end - m.start), m.kind))


def _dedupe(mentions) -> list[Mention]:
    seen: set[tuple] = set()
    out = []
    for m in mentions:
        key = (m.kind, m.key, m.start, m.end)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _gerund(verb: str) -> str:
    """"creak" -> "creaking", "ache" -> "aching", "throb" -> "throbbing": the form that
    names a complaint before its body part ("creaking knees")."""
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    if len(verb) > 2 and verb[-1] in "bdgmnpt" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        return verb + verb[-1] + "ing"
    return verb + "ing"
