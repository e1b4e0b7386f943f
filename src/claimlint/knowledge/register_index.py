"""The register seen through claimlint's lexicons.

Every authorised wording is annotated with the same Annotator that reads copy, so the
substances and effects of an authorised claim are found exactly as they would be found
in a sentence, and a faithful rewording matches by construction. Non-authorised entries
are indexed lazily, one substance at a time, because there are two thousand of them and
most runs never need them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from claimlint import cache
from claimlint.knowledge.base import Knowledge
from claimlint.language.mentions import Annotator
from claimlint.knowledge.packs import builtin_pack_paths
from claimlint.knowledge.register import Register, RegisterEntry

SUBJECT_REACH = 3  # a non-authorised entry is about a substance named in its first words
AUTHORISED_INDEX_FORMAT = "entry-number-and-claim-fields-with-heads"  # these change when the cached indexes change shape
REJECTED_INDEX_FORMAT = "effects-with-words-and-subjects"


@dataclass(frozen=True)
class AuthorisedClaim:
    entry: RegisterEntry
    substances: frozenset[str]
    effects: tuple[str, ...]  # register effects in wording order; the first is the head
    heads: frozenset[str]  # the head and the effects coordinated with it, each claimable alone
    lemmas: frozenset[str]  # the wording's lemmas, verbs also in their nominal forms
    head_words: frozenset[str]  # lemmas of the head effect's phrase ("blood glucose levels")
    needs_normal: bool  # "normal" stands before the head effect in the wording
    states_result: bool  # the wording itself states a result ("Vitamin C increases …")

    @property
    def head(self) -> str:
        return self.effects[0]

    def covers(self, effect: str, claimed: set[str]) -> bool:
        """Does a claim of ``effect`` (among ``claimed`` effects) say what this wording says?
        An effect coordinated with the head ("… thyroid hormones and normal thyroid
        function") is authorised on its own; one the head serves ("collagen formation for
        the normal function of bones") only together with it."""
        return effect in self.heads or (effect in self.effects and self.head in claimed)


class RegisterIndex:
    def __init__(self, annotator: Annotator, knowledge: Knowledge) -> None:
        self.annotator = annotator
        self.knowledge = knowledge
        self.register = Register.load(language=knowledge.language)
        self.authorised: list[AuthorisedClaim] = []
        self.by_pair: dict[tuple[str, str], list[AuthorisedClaim]] = {}
        self.by_substance: dict[str, list[AuthorisedClaim]] = {}
        self.by_effect: dict[str, list[AuthorisedClaim]] = {}
        self.combinations: list[AuthorisedClaim] = []
        # Words any organ takes ("function", "health"): an entry that names its organ shares
        # the claim's effect only through that organ's word, not through one of these.
        self.aspects = frozenset(knowledge.effect_parts["aspects"])
        self._rejected_matches: dict[tuple, RegisterEntry | None] = {}  # see rejected_match
        self._file_authorised()

    def _annotate(self, texts: list[str]):
        nlp = self.annotator.nlp
        for doc in nlp.pipe(texts):
            yield doc, self.annotator.mentions(doc)

    @cached_property
    def _digest(self) -> str:
        """What the index is read from: every pack (the user's too), the pipeline."""
        packs = sorted({*self.knowledge.pack_paths, *map(str, builtin_pack_paths())})
        return cache.key(self.annotator.phrases.digest, *(Path(p).read_bytes() for p in packs))

    def substance_keys(self, mentions, expand_groups: bool = True) -> set[str]:
        keys: set[str] = set()
        for m in mentions:
            if m.kind != "substance":
                continue
            sub = self.knowledge.substances[m.key]
            if sub.members and expand_groups:
                keys.update(sub.members)
            else:
                keys.add(m.key)
        return keys

    def _register_names(self) -> dict[str, set[str]]:
        names: dict[str, set[str]] = {}
        for sub in self.knowledge.substances.values():
            for name in sub.register:
                names.setdefault(name, set()).add(sub.key)
        return names

    def _file_authorised(self) -> None:
        """File every authorised wording the lexicons read an effect in under its
        substances and effects. Annotating the 500-odd wordings takes longer than linting
        a page, so what it finds is cached under the contents of the packs."""
        grammar = self.knowledge.grammar
        entries = self.register.authorised
        read = cache.cached("authorised-index", cache.key(AUTHORISED_INDEX_FORMAT, self._digest), self._read_authorised)
        for number, *fields in read:
            entry = entries[number]
            claim = AuthorisedClaim(entry, *fields)
            self.authorised.append(claim)
            if entry.substance.lower().startswith(grammar.combination_openers):
                # A combination product's claim authorises the combination, not each part,
                # as the register says in its own words ("A combination of …"). An entry
                # listing kinds of one thing ("Sugar replacers, i.e. xylitol, sorbitol …")
                # authorises each of them, however many it names.
                self.combinations.append(claim)
                continue
            for sub in claim.substances:
                self.by_substance.setdefault(sub, []).append(claim)
                for effect in claim.effects:
                    self.by_pair.setdefault((sub, effect), []).append(claim)
            for effect in claim.effects:
                self.by_effect.setdefault(effect, []).append(claim)

    def _read_authorised(self) -> list[tuple]:
        """Per authorised entry whose wording names a register effect: its position in
        the register, then the fields of its :class:`AuthorisedClaim` after the entry."""
        grammar = self.knowledge.grammar
        nominals = grammar.nominals
        entries = self.register.authorised
        named = self._register_names()
        claim_docs = list(self._annotate([e.claim for e in entries]))
        subject_docs = list(self._annotate([e.substance for e in entries]))
        read: list[tuple] = []
        for number, (entry, (doc, mentions), (_, subj)) in enumerate(zip(entries, claim_docs, subject_docs)):
            effect_mentions = [m for m in mentions if m.kind == "effect" and self.knowledge.effects[m.key].register]
            effects = tuple(dict.fromkeys(m.key for m in effect_mentions))
            if not effects:
                continue
            head_end = effect_mentions[0].end
            heads = {effects[0]}
            for before, after in zip(effect_mentions, effect_mentions[1:]):
                if before.key in heads and coordinated(doc[before.end:after.start], grammar):
                    heads.add(after.key)
            subs = self.substance_keys(subj, expand_groups=False) | self.substance_keys(mentions, expand_groups=False)
            subs |= named.get(entry.substance, set())
            lemmas = {part for t in doc for part in t.lemma_.split("/")}
            lemmas |= {nominals[l] for l in lemmas if l in nominals}
            first_relation = next((m for m in mentions if m.kind == "relation"), None)
            head_lemma = doc[first_relation.start].lemma_ if first_relation is not None else ""
            read.append((
                number,
                frozenset(subs),
                effects,
                frozenset(heads),
                frozenset(lemmas),
                frozenset(t.lemma_ for t in doc[effect_mentions[0].start:head_end]),
                any(t.lemma_ in grammar.normal for t in doc[:head_end]),
                head_lemma not in grammar.faithful_heads,
            ))
        return read

    # -- non-authorised entries ---------------------------------------------------
    @cached_property
    def _rejected(self) -> dict[str, list[tuple[str, dict[str, frozenset[str]], frozenset[str]]]]:
        """Per substance, the non-authorised entries about it (by id), the effects their
        wordings name, each with the content words that named it, and every substance the
        entry is about. Reading two thousand entries takes a second, so the result is
        cached under the contents of every pack it was read with."""
        return cache.cached("rejected-index", cache.key(REJECTED_INDEX_FORMAT, self._digest), self._read_rejected)

    def _read_rejected(self) -> dict[str, list[tuple[str, dict[str, frozenset[str]], frozenset[str]]]]:
        entries = self.register.rejected
        about: dict[str, list[RegisterEntry]] = {}
        subjects: dict[str, frozenset[str]] = {}
        for entry, (doc, mentions) in zip(entries, self._annotate([e.substance for e in entries])):
            # Only the substance an entry is about, not one named further on in a
            # product description ("xylitol chewing gum with magnesium").
            found = [m for m in mentions if m.kind == "substance" and m.start <= SUBJECT_REACH]
            keys = {m.key for m in found}
            # A bracket restates the name ("Soya (Glycine max)"): it adds no substance.
            named = {m.key for m in found if not _bracketed(doc, m.start)} or keys
            subjects[entry.id] = self._distinct(named)
            for key in keys:
                about.setdefault(key, []).append(entry)
        relevant = list({e.id: e for group in about.values() for e in group}.values())
        named: dict[str, dict[str, frozenset[str]]] = {}
        for entry, (doc, mentions) in zip(relevant, self._annotate([f"{e.claim}. {e.relationship}" for e in relevant])):
            words: dict[str, set[str]] = {}
            for m in mentions:
                if m.kind in ("effect", "standalone"):
                    words.setdefault(m.key, set()).update(content_lemmas(doc[m.start:m.end]))
            named[entry.id] = {key: frozenset(lemmas) for key, lemmas in words.items()}
        return {key: [(e.id, named[e.id], subjects[e.id]) for e in group] for key, group in about.items()}

    def _distinct(self, keys: set[str]) -> frozenset[str]:
        """The substances of an entry that are not kinds of another it names ("fish oil
        (EPA, DHA)" is about fish oil; "amylopectin and L-carnitine" about both)."""
        substances = self.knowledge.substances
        return frozenset(k for k in keys if not any(k in substances[g].members for g in keys if g != k))

    @cached_property
    def _groups_of(self) -> dict[str, frozenset[str]]:
        """Substance -> the groups it is a member of ("epa" -> omega-3)."""
        groups: dict[str, set[str]] = {}
        for sub in self.knowledge.substances.values():
            for member in sub.members:
                groups.setdefault(member, set()).add(sub.key)
        return {k: frozenset(v) for k, v in groups.items()}

    def rejected_for(self, substance: str) -> list[tuple[RegisterEntry, dict[str, frozenset[str]], frozenset[str]]]:
        """Non-authorised entries for a substance, each with the effects its wording names
        (and the words that named each) and the substances it is about."""
        return [(self.register.by_id(entry_id), effects, about) for entry_id, effects, about in self._rejected.get(substance, [])]

    def rejected_match(
        self, substance: str, effect: str, means: Iterable[str] = (), words: Iterable[str] = (), named: Iterable[str] = (),
    ) -> RegisterEntry | None:
        """The non-authorised entry for this substance that claims the same effect.

        An entry about several substances ("amylopectin and L-carnitine", one strain of a
        species) holds only when the claim names each of them (``named``: the claim's
        substances, each standing also for the groups it belongs to, a group for each of
        its members): it refused the claim for that combination or that strain, not for
        every substance in it.

        An entry holds when it names a register effect the claim means (the register's
        effects are precise), or names the same everyday effect in a shared word that is
        not an aspect any organ takes: an everyday class is broad ("skin firmness, ageing
        and repair"), an entry on ageing is no citation for a claim on the skin barrier,
        and one on prostate function none for a claim on kidney function. Among those
        that hold, one naming the effect itself comes first, then the one sharing most
        words, then the one naming fewest other effects.

        The answer depends on nothing but the question, and copy asks the same ones again
        and again, so each is worked out once."""
        key = (substance, effect, tuple(means), frozenset(words), frozenset(named))
        if key not in self._rejected_matches:
            self._rejected_matches[key] = self._rejected_match(*key)
        return self._rejected_matches[key]

    def _rejected_match(
        self, substance: str, effect: str, means: tuple[str, ...], words: frozenset[str], claimed_with: frozenset[str],
    ) -> RegisterEntry | None:
        effects = self.knowledge.effects
        precise = {e for e in (effect, *means) if e in effects and effects[e].register}
        named = {substance, *claimed_with}
        substances = self.knowledge.substances
        given = named | {g for k in named for g in self._groups_of.get(k, ())}
        given |= {m for k in named if k in substances for m in substances[k].members}  # "probiotics": any strain
        best, best_score = None, None
        for entry, named, about in self.rejected_for(substance):
            if not about <= given:
                continue  # refused for a combination or a strain the claim does not name
            naming = named.get(effect, frozenset())
            if not (precise & named.keys() or (naming - self.aspects or naming) & words):
                continue
            score = (effect in named, len(naming & words), -len(named))
            if best_score is None or score > best_score:
                best, best_score = entry, score
        return best


def _bracketed(doc, index: int) -> bool:
    """Is token ``index`` inside a bracket opened before it?"""
    depth = 0
    for token in doc[:index]:
        if token.text in ("(", "["):
            depth += 1
        elif token.text in (")", "]"):
            depth -= 1
    return depth > 0


def coordinated(between, grammar) -> bool:
    """Do the words between two effects of a wording join them as equals ("and normal"),
    rather than make one serve the other ("for the normal function of", "which
    contributes to")?"""
    words = [t.lower_ for t in between]
    return bool(words) and all(w in grammar.list_joiners or w in grammar.normal for w in words)


def content_lemmas(span) -> set[str]:
    """The lemmas of a span's content words, to tell what two effect phrases share."""
    return {t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop and len(t) > 2}
