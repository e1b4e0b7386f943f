"""HC101–HC103: is this health claim on the EU register, and in what words?

For each claim the effect is looked up for each substance it is about. Authorised and
faithfully worded passes; authorised but stronger is HC103 (naming the wording it exceeds
and the word that exceeds it); not authorised is HC102 when a non-authorised register
entry claims the same effect for the same substance, else HC101.

A finding suggests authorised wordings only for substances the sentence names or the
product declares, since a wording for any other substance would itself be a claim for an
absent substance. Where none of them has the effect authorised, a note says which
substances the law allows it for: information, never a rewording.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from claimlint.judges.context import Accepted, DocContext, join_names
from claimlint.knowledge.base import Effect, Substance
from claimlint.knowledge.nutrients import NutrientFacts
from claimlint.knowledge.register_index import AuthorisedClaim, RegisterIndex
from claimlint.language.claims import Claim
from claimlint.language.mentions import Sentence
from claimlint.knowledge.register import clean_wording
from claimlint.knowledge.register_index import content_lemmas
from claimlint.findings import Finding

MAX_SUGGESTIONS = 3
MAX_NAMED = 6  # substances a note names before "…"
RISK_REDUCTION = "Art.14(1)(a)"  # Regulation (EC) No 1924/2006 Art 14(1)(a): disease risk reduction


@dataclass
class Verdict:
    code: str | None  # None: authorised and faithful
    detail: str = ""
    substances: list[str] = field(default_factory=list)  # the keys the claim is about
    rejected: object | None = None
    exceeded: AuthorisedClaim | None = None  # HC103: the authorised wording the claim says more than
    wording: AuthorisedClaim | None = None  # the one authorised claim the copy strengthened, for a fix


@dataclass(frozen=True)
class HealthView:
    """What the health-claims judge reads: the lexicons, the register (built on first use,
    since copy for cosmetics never needs it) and the nutrient facts of declared products."""

    effects: Mapping[str, Effect]
    substances: Mapping[str, Substance]
    qualifiers: frozenset[str]  # words of the condition an authorised wording states ("exercise", "pregnancy")
    index: Callable[[], RegisterIndex]
    facts: NutrientFacts
    openers: frozenset[str]  # words that may open a sentence run into the one before in a register text
    templates: Mapping[str, Mapping[str, str]]  # message parts by code, from the rule packs


class HealthClaimJudge:
    def __init__(self, view: HealthView) -> None:
        self.view = view
        self.effects = view.effects
        self.substances = view.substances
        self.qualifiers = view.qualifiers
        self.openers = view.openers
        self.templates = view.templates
        self._near: dict[tuple, list[AuthorisedClaim]] = {}  # see wordings_near
        self._notes: dict[tuple, str] = {}  # see note

    def judge(self, ctx: DocContext) -> Accepted:
        """Report the claims that fail; return those found authorised and faithful."""
        accepted: list[Claim] = []
        if not ctx.profile.is_food:
            return Accepted()
        quoted: dict[str, Finding] = {}  # rejected register entries quoted in full, by id: each once per document
        for index, claims in ctx.claims.items():
            claimed = {c.effect.key for c in claims}
            for effect_means in (self.effects[c.effect.key].means for c in claims):
                claimed.update(effect_means)
            reported: set[tuple[str, str]] = set()
            cited: set[str] = set()  # register entries cited in this sentence: each once
            for claim in claims:
                named = claim.substances or claim.carried or self.declared_own(claim, ctx)
                if not named and (claim.describes_body or self.incidental(claim)):
                    continue  # physiology explained, not a product claim
                if not self.linked(claim):
                    continue
                verdict = self.evaluate(claim, claimed, ctx)
                if verdict.code is None:
                    accepted.append(claim)
                    continue
                key = (verdict.code, claim.effect.key)
                if key in reported or (verdict.rejected is not None and verdict.rejected.id in cited):
                    continue
                reported.add(key)
                if verdict.rejected is not None:
                    cited.add(verdict.rejected.id)
                self.report(ctx, claim, verdict, quoted)
        return Accepted(tuple(accepted))

    @staticmethod
    def linked(claim: Claim) -> bool:
        """Does a modifier reach the effect it is taken for? A word of degree that has a
        word of its own before a comma modifies that word: in "work less effectively,
        oxidative damage accumulates" "less" belongs to "effectively". Adjectives in a row
        ("thicker, fuller hair") and "for" ("for deep, restful sleep") reach the effect."""
        if claim.how != "modifier":
            return True
        doc, effect = claim.sentence.doc, claim.effect

        def reaches(rel) -> bool:
            if rel.key == "faithful" or rel.start >= effect.end:
                return True
            for token in doc[rel.end:effect.start]:
                if token.text == ",":
                    return True
                if not token.is_punct:
                    return not any(t.text == "," for t in doc[token.i:effect.start])
            return True

        return any(reaches(r) for r in claim.relations)

    @staticmethod
    def incidental(claim: Claim) -> bool:
        """"…an effect that counts for bones and teeth": a bare "for" or "healthy" in
        running text, with no substance and no product named, claims nothing."""
        return (
            claim.how == "modifier"
            and all(r.key == "faithful" for r in claim.relations)
            and not claim.sentence.has("product_nouns")
            and claim.sentence.end - claim.sentence.start > 8
        )

    # -- deciding ------------------------------------------------------------------
    def evaluate(self, claim: Claim, claimed: set[str], ctx: DocContext) -> Verdict:
        index = self.view.index()
        effect = self.effects[claim.effect.key]
        targets = [effect.key] if effect.register else list(effect.means)
        subjects = self.subjects(claim, ctx)
        if not subjects:
            return self.without_substance(claim, effect, targets)
        if not claim.substances:
            # A claim about the product may rest on any declared nutrient that has the
            # effect authorised; only when none has it is the claim unauthorised.
            subjects = [s for s in subjects if self.related(s, targets)] or subjects
        combination = self.combination(subjects, targets)
        if combination is not None:
            problem = self.strength_problem(claim, combination)
            return Verdict("HC103", problem, subjects, exceeded=combination) if problem else Verdict(None)
        unauthorised: list[str] = []
        reworded: list[AuthorisedClaim] = []  # the closest wording of each substance claimed in other words
        strengthened: list[tuple[str, AuthorisedClaim]] = []
        plainest: list[AuthorisedClaim] = []  # the wording that adds least, for a fix
        for sub in subjects:
            # A substance authorised for a kindred effect ("red blood cell formation" for a
            # claim on red blood cells) is claimed in other words, not without authorisation.
            related = self.related(sub, targets) or (self.related(sub, list(effect.near)) if effect.register else [])
            if not related:
                unauthorised.append(sub)
                continue
            if not effect.register or claim.how == "standalone":
                reworded.append(self.closest(claim, related))
                continue
            covering = [ac for ac in related if ac.covers(effect.key, claimed)]
            if not covering:
                reworded.append(self.closest(claim, related))
                continue
            closest = self.closest(claim, covering)
            problem = self.strength_problem(claim, closest)
            if problem:
                strengthened.append((problem, closest))
                plainest.append(self.plainest(claim, covering))
        if unauthorised:
            words = self.effect_words(claim)
            for sub in unauthorised:
                entry = index.rejected_match(sub, effect.key, effect.means, words, subjects)
                if entry is not None:
                    return Verdict("HC102", substances=unauthorised, rejected=entry)
            return Verdict("HC101", substances=unauthorised)
        if reworded:
            return Verdict("HC103", self.reworded(claim, reworded[0]), subjects, exceeded=reworded[0])
        if strengthened:
            problem, wording = strengthened[0]
            fix = plainest[0] if len(subjects) == 1 else None
            return Verdict("HC103", problem, subjects, exceeded=wording, wording=fix)
        return Verdict(None)

    def reworded(self, claim: Claim, wording: AuthorisedClaim) -> str:
        """A claim in other words than the register's: the word that says more, where
        one does, else the claim's own words."""
        doc = claim.sentence.doc
        stronger = next((r for r in claim.relations if r.key == "strengthening"), None)
        if stronger is not None:
            return self.template("HC103", "stronger_word", word=doc[stronger.start:stronger.end].text, wording=wording.entry.claim)
        return self.template("HC103", "reworded", phrase=self.phrase(claim), wording=wording.entry.claim)

    def without_substance(self, claim: Claim, effect, targets: list[str]) -> Verdict:
        """A claim that names no substance: only the register's own words may stand alone."""
        index = self.view.index()
        nearest = [ac for t in targets for ac in index.by_effect.get(t, [])]
        if not targets:
            return Verdict("HC101")
        if not effect.register or claim.how == "standalone":
            return Verdict("HC103", self.template("HC103", "no_nutrient", phrase=self.phrase(claim)))
        if not nearest:
            return Verdict(None)
        closest = self.closest(claim, nearest)
        problem = self.strength_problem(claim, closest)
        return Verdict("HC103", problem, exceeded=closest) if problem else Verdict(None)

    def closest(self, claim: Claim, candidates: list[AuthorisedClaim]) -> AuthorisedClaim:
        """The authorised wording the claim is closest to: the same words for the effect,
        then one the claim is faithful to, then a general one before one tied to a diet,
        exercise or a group the claim does not speak of, then the most shared words."""
        phrase = {lemma for _, lemma, _, _ in claim.sentence.tokens.words[claim.effect.start:claim.effect.end]}
        words = {lemma for _, lemma, punct, _ in claim.sentence.words if not punct}
        # The same words first: the rest is weighed only among the wordings that share
        # most of them (weighing the strength of every wording cost the most).
        shared = [len(phrase & ac.head_words) for ac in candidates]
        most = max(shared)
        return max((ac for ac, n in zip(candidates, shared) if n == most), key=lambda ac: (
            not self.strength_problem(claim, ac), not (self.qualifiers & ac.lemmas - words), len(words & ac.lemmas),
        ))

    @staticmethod
    def plainest(claim: Claim, candidates: list[AuthorisedClaim]) -> AuthorisedClaim:
        """The authorised wording that adds least to what the claim says: the one to offer
        in its place, rather than one with conditions the copy never spoke of."""
        words = {lemma for _, lemma, punct, _ in claim.sentence.words if not punct}
        return min(candidates, key=lambda ac: (len(ac.lemmas - words), len(ac.entry.claim)))

    def strength_problem(self, claim: Claim, ac: AuthorisedClaim) -> str:
        """Why the claim says more than the authorised wording ``ac``, or "" if it does not."""
        doc = claim.sentence.doc
        wording = ac.entry.claim
        for rel in claim.relations:
            if rel.key != "strengthening":
                continue
            lemmas = {lemma for _, lemma, _, _ in claim.sentence.tokens.words[rel.start:rel.end]}
            if not lemmas <= ac.lemmas:
                return self.template("HC103", "stronger_word", word=doc[rel.start:rel.end].text, wording=wording)
        faithful = any(r.key == "faithful" for r in claim.relations)
        if claim.relations and not faithful and not ac.states_result:
            return self.template("HC103", "certain_result", wording=wording)
        if not claim.relations and claim.how == "caption" and not claim.substances:
            return self.template("HC103", "caption", wording=wording)
        context = block_lemmas(claim.sentence)
        if ac.entry.claim_type == RISK_REDUCTION and "risk" not in context:
            return self.template("HC103", "risk_factor", wording=wording)
        dropped = self.qualifiers & ac.lemmas - context
        if dropped:
            return self.template("HC103", "condition_dropped", wording=wording)
        optional = self.effects[claim.effect.key].normal_optional
        if ac.needs_normal and not claim.normal_kept and not optional:
            return self.template("HC103", "normal_dropped", wording=wording)
        return ""

    # -- helpers -------------------------------------------------------------------
    def subjects(self, claim: Claim, ctx: DocContext) -> list[str]:
        """The substance keys a claim is about; a claim about the product itself ("our
        gummies", the product's name, a caption verb) is about what the profile declares."""
        keys = list(dict.fromkeys(m.key for m in claim.substances)) or list(claim.carried)
        if not keys:
            # "… and with more zinc, wound closure speeds up": a substance inside the
            # claimed stretch is what the claim is about.
            start, end = claim.span()
            keys = list(dict.fromkeys(m.key for m in claim.sentence.of("substance") if start <= m.start and m.end <= end))
        keys = keys or self.declared_own(claim, ctx)
        if keys or not ctx.profile.declared or not self.about_product(claim, ctx):
            return keys
        facts = self.view.facts
        present = facts.composition(ctx.profile).present
        return sorted(k for k in present if k in self.substances and not self.substances[k].members)

    def declared_own(self, claim: Claim, ctx: DocContext) -> list[str]:
        """The body's own proteins a claim names ("collagen") that the product declares."""
        if not claim.body_own or not ctx.profile.declared:
            return []
        present = self.view.facts.composition(ctx.profile).present
        return [k for k in claim.body_own if k in present]

    @staticmethod
    def about_product(claim: Claim, ctx: DocContext) -> bool:
        name = (ctx.profile.product or "").lower()
        return claim.implied_subject or claim.sentence.has("product_nouns") or bool(name and name in claim.sentence.text.lower())

    def combination(self, subjects: list[str], targets: list[str]) -> AuthorisedClaim | None:
        """An authorised claim for a combination product whose parts the copy names."""
        named = set(subjects)
        for ac in self.view.index().combinations:
            if ac.head in targets and ac.substances <= named | {s for s in ac.substances if s not in self.substances}:
                return ac
        return None

    def related(self, sub: str, targets: list[str]) -> list[AuthorisedClaim]:
        """Authorised claims of ``sub`` (any member, for a group like "B vitamins") for ``targets``."""
        members = self.substances[sub].members or [sub]
        by_pair = self.view.index().by_pair
        return [ac for m in members for t in targets for ac in by_pair.get((m, t), [])]

    def allowed_substances(self, claim: Claim, ctx: DocContext) -> set[str]:
        """Substances whose authorised wordings the copy may use: those the sentence
        names (or a pronoun carries) and those the product declares."""
        keys = {m.key for m in claim.sentence.of("substance")} | set(claim.carried)
        if ctx.profile.declared:
            keys |= set(self.view.facts.composition(ctx.profile).present)
        known = self.substances
        return {member for k in keys if k in known for member in (known[k].members or [k])}

    def alternatives(self, claim: Claim, targets: list[str], allowed: set[str]) -> list[AuthorisedClaim]:
        """Authorised wordings of ``allowed`` substances for the claimed effect (or one
        near it): the claimed effect first, general wordings before those tied to a diet,
        exercise or a group, then the one sharing most words with the claim."""
        words = {lemma for _, lemma, punct, _ in claim.sentence.words if not punct}
        found = self.wordings_near(claim.effect.key, tuple(targets), frozenset(allowed))

        def rank(ac: AuthorisedClaim) -> tuple:
            closeness = 0 if ac.head in targets else 1 if set(ac.effects) & set(targets) else 2
            return (closeness, bool(self.qualifiers & ac.lemmas - words), -len(words & ac.lemmas), ac.entry.claim)

        return sorted(found, key=rank)

    def wordings_near(self, effect: str, targets: tuple[str, ...], allowed: frozenset[str]) -> list[AuthorisedClaim]:
        """Authorised wordings of ``allowed`` substances for ``targets`` or the effects near
        ``effect``, each once: the register searched once per such question in a run
        (copy asks the same ones again and again)."""
        key = (effect, targets, allowed)
        found = self._near.get(key)
        if found is None:
            index = self.view.index()
            near = self.effects[effect].near
            found = self._near[key] = list({
                ac.entry.id: ac
                for target in (*targets, *near)
                for ac in index.by_effect.get(target, [])
                if ac.substances & allowed
            }.values())
        return found

    def note(self, effect, targets: list[str], subjects: list[str]) -> str:
        """Which substances the law allows the effect for, when the copy may use none
        (the same note for the same effect, targets and subjects, written once)."""
        key = (effect.key, tuple(targets), tuple(subjects))
        if key not in self._notes:
            self._notes[key] = self._note(effect, targets, subjects)
        return self._notes[key]

    def _note(self, effect, targets: list[str], subjects: list[str]) -> str:
        holders = sorted({
            self.substances[k].label if k in self.substances else ac.entry.substance
            for t in targets for ac in self.view.index().by_effect.get(t, []) for k in ac.substances
        }, key=str.lower)
        if not holders:
            return ""
        parts = self.templates["HC101"]
        named = parts["list_separator"].join(_lower(h) for h in holders[:MAX_NAMED]) + (parts["list_more"] if len(holders) > MAX_NAMED else "")
        label = parts["or"].join(self.effects[t].label for t in targets[:2])
        template = "note_none_for" if subjects else "note"
        return self.template("HC101", template, effect=label, holders=named, substance=self.join([_lower(x) for x in self.labels(subjects)]))

    def template(self, code: str, name: str, **fields: str) -> str:
        return self.templates[code][name].format(**fields)

    def origin(self, claim: Claim) -> str:
        """Where the substances a claim carries were named: " ('it' = Magnesium, line 12)"."""
        if claim.carried_from is None:
            return ""
        word, line = claim.carried_from
        names = self.templates["HC101"]["and"].join(self.labels(list(claim.carried)))
        return self.template("HC101", "carried_by_word" if word else "carried_from_place", word=word, names=names, line=str(line))

    def join(self, items: list[str]) -> str:
        return join_names(items, self.templates["HC101"])

    def effect_words(self, claim: Claim) -> set[str]:
        return content_lemmas(claim.sentence.doc[claim.effect.start:claim.effect.end])

    def labels(self, keys: list[str]) -> list[str]:
        return [self.substances[k].label for k in keys]

    def phrase(self, claim: Claim) -> str:
        doc = claim.sentence.doc
        start, end = claim.span()
        return doc[start:end].text

    def report(self, ctx: DocContext, claim: Claim, verdict: Verdict, quoted: dict[str, Finding]) -> None:
        effect = self.effects[claim.effect.key]
        start, end = claim.span()
        targets = [effect.key] if effect.register else list(effect.means)
        allowed = self.allowed_substances(claim, ctx)
        suggested = self.alternatives(claim, targets, allowed)
        exceeded = verdict.exceeded
        if exceeded is not None and (exceeded.substances & allowed or exceeded in self.view.index().combinations):
            suggested = [exceeded, *(ac for ac in suggested if ac is not exceeded)]
        notes = [] if suggested or not targets else [self.note(effect, targets, verdict.substances)]
        origin = self.origin(claim)
        substance = (self.join(self.labels(verdict.substances)) or self.template("HC101", "the_product")) + origin
        # a strengthened claim names its substance only in the wording it exceeds: the carried one is said after it
        detail = verdict.detail + origin if verdict.code == "HC103" else verdict.detail
        fields = {"substance": substance, "effect": effect.label, "detail": detail}
        if verdict.code == "HC101":
            what = "links" if effect.phrases or effect.standalone else "says"  # a placeholder effect names none
            named = (self.join([_lower(x) for x in self.labels(verdict.substances)]) or self.template("HC101", "the_product")) + origin
            fields["what"] = self.template("HC101", what, substance=named, effect=effect.label, phrase=claim.said())
        references = [f"{ac.entry.id} {ac.entry.url}".strip() for ac in suggested[:MAX_SUGGESTIONS]]
        if verdict.rejected is not None:
            rejected = verdict.rejected
            references = [f"{rejected.id} {rejected.url}".strip(), *references]
            first = quoted.get(rejected.id)
            if first is None:
                citation = self.template(
                    "HC102",
                    "quoted",
                    register_claim=_clip(clean_wording(rejected.claim, self.openers)),
                    reason=_clip(clean_wording(rejected.reasons, self.openers) or self.template("HC102", "no_reason")),
                )
            else:  # a reviewer reads the entry and its reason once, where it is first cited
                citation = self.template("HC102", "quoted_before", line=str(first.line))
            fields.update(register_id=rejected.id, citation=citation)
        finding = ctx.finding(verdict.code, claim.sentence, start, end, [ac.entry.claim for ac in suggested[: MAX_SUGGESTIONS * 2]], references, **fields)
        if verdict.rejected is not None:
            quoted.setdefault(verdict.rejected.id, finding)
        finding.notes.extend(n for n in notes if n)
        subject = claim.substances[0] if len(claim.substances) == 1 else None
        alone = len(ctx.claims.get(claim.sentence.index, ())) == 1
        if verdict.wording is not None and subject is not None and alone and is_whole(claim.sentence, subject.start, end):
            # "Vitamin C boosts your immune system.": a sentence that is nothing but this
            # claim becomes the authorised one, "Vitamin C contributes to the normal …".
            wording = verdict.wording.entry.claim.strip().rstrip(".")
            if wording.split()[0].lower() == claim.sentence.doc[subject.start].lower_:  # the copy's own subject
                ctx.fix(finding, claim.sentence, subject.start, end, wording)


def _lower(label: str) -> str:
    """A substance's label inside a sentence: "Magnesium" -> "magnesium", "Vitamin C" -> "vitamin C",
    "Lemon Balm" -> "lemon balm"; a word that is not a capital and small letters ("DHA", "B12") stays."""
    return " ".join(w[:1].lower() + w[1:] if w[1:2].islower() else w for w in label.split(" "))


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def is_whole(sentence: Sentence, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are all the words of ``sentence``: an emoji or a bullet
    may come before them and a full stop after, but no other word the fix would lose."""
    words = sentence.words
    outside = [*words[: start - sentence.start], *words[end - sentence.start:]]
    return not any(ch.isalnum() for lower, _, _, _ in outside for ch in lower)


def block_lemmas(sentence: Sentence) -> set[str]:
    """The lemmas of the sentence's whole block, read once per block (claims ask for them often)."""
    key = ("claimlint:lemmas", *sentence.block_tokens)
    lemmas = sentence.doc.user_data.get(key)
    if lemmas is None:
        first, end = sentence.block_tokens
        lemmas = sentence.doc.user_data[key] = {lemma for _, lemma, _, _ in sentence.tokens.words[first:end]}
    return lemmas
