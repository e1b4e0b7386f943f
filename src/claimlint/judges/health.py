"""HC101–HC103: is this health claim on the EU register, and in what words?

For each claim the effect is looked up for each substance it is about. Authorised and
faithfully worded passes; authorised but stronger is HC103; not authorised is HC102 when
a non-authorised register entry names the same substance and effect, else HC101. Every
finding suggests the nearest authorised wordings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimlint.language.claims import Claim
from claimlint.judges.context import DocContext
from claimlint.judges import Judge
from claimlint.language.mentions import Sentence
from claimlint.knowledge.register_index import AuthorisedClaim

MAX_SUGGESTIONS = 3
RISK_REDUCTION = "Art.14(1)(a)"  # Regulation (EC) No 1924/2006 Art 14(1)(a): disease risk reduction


@dataclass
class Verdict:
    code: str | None  # None: authorised and faithful
    detail: str = ""
    substances: list[str] = field(default_factory=list)
    suggestions: list[AuthorisedClaim] = field(default_factory=list)
    rejected: object | None = None


class HealthClaimJudge(Judge):
    codes = ("HC101", "HC102", "HC103")

    def __init__(self, engine) -> None:
        super().__init__(engine)
        self.qualifiers = frozenset(engine.knowledge.words.get("qualifiers", []))

    def judge(self, ctx: DocContext) -> None:
        if not ctx.profile.is_food:
            return
        for index, claims in ctx.claims.items():
            claimed = {c.effect.key for c in claims}
            for effect_means in (self.knowledge.effects[c.effect.key].means for c in claims):
                claimed.update(effect_means)
            reported: set[tuple[str, str]] = set()
            for claim in claims:
                if not (claim.substances or claim.carried) and (claim.describes_body or self.incidental(claim)):
                    continue  # physiology explained, not a product claim
                verdict = self.evaluate(claim, claimed, ctx)
                if verdict.code is None:
                    ctx.accepted.append(claim)
                    continue
                key = (verdict.code, claim.effect.key)
                if key in reported:
                    continue
                reported.add(key)
                self.report(ctx, claim, verdict)

    @staticmethod
    def incidental(claim: Claim) -> bool:
        """"…a function that matters for collagen and skin": a bare "for" or "healthy" in
        running text, with no substance and no product named, claims nothing."""
        return (
            claim.how == "modifier"
            and all(r.key == "faithful" for r in claim.relations)
            and not claim.sentence.has("product_nouns")
            and claim.sentence.end - claim.sentence.start > 8
        )

    # -- deciding ------------------------------------------------------------------
    def evaluate(self, claim: Claim, claimed: set[str], ctx: DocContext) -> Verdict:
        index = self.engine.index
        effect = self.knowledge.effects[claim.effect.key]
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
            return Verdict("HC103", problem, self.labels(subjects), [combination]) if problem else Verdict(None)
        unauthorised, reworded, strengthened = [], [], []
        nearest: list[AuthorisedClaim] = []
        for sub in subjects:
            related = self.related(sub, targets)
            if not related:
                unauthorised.append(sub)
                continue
            nearest.extend(related)
            if not effect.register or claim.how == "standalone":
                reworded.append(sub)
                continue
            covering = [ac for ac in related if ac.covers(effect.key, claimed)]
            if not covering:
                reworded.append(sub)
                continue
            problem = self.strength_problem(claim, self.closest(claim, covering))
            if problem:
                strengthened.append(problem)
        labels = self.labels
        if unauthorised:
            nearest = self.nearest(claim, unauthorised, targets) + nearest
            for sub in unauthorised:
                entry = index.rejected_match(sub, effect.key, effect.means)
                if entry is not None:
                    return Verdict("HC102", substances=labels(unauthorised), suggestions=nearest, rejected=entry)
            return Verdict("HC101", substances=labels(unauthorised), suggestions=nearest)
        if reworded:
            return Verdict("HC103", f"“{self.phrase(claim)}” is not the authorised wording", labels(reworded), nearest)
        if strengthened:
            return Verdict("HC103", strengthened[0], labels(subjects), nearest)
        return Verdict(None)

    def without_substance(self, claim: Claim, effect, targets: list[str]) -> Verdict:
        """A claim that names no substance: only the register's own words may stand alone."""
        index = self.engine.index
        nearest = [ac for t in targets for ac in index.by_effect.get(t, [])]
        if not targets:
            return Verdict("HC101", substances=[], suggestions=[])
        if not effect.register or claim.how == "standalone":
            return Verdict("HC103", f"“{self.phrase(claim)}” is not the authorised wording and names no nutrient", [], nearest)
        if not nearest:
            return Verdict(None)
        problem = self.strength_problem(claim, self.closest(claim, nearest))
        return Verdict("HC103", problem, [], nearest) if problem else Verdict(None)

    def closest(self, claim: Claim, candidates: list[AuthorisedClaim]) -> AuthorisedClaim:
        """The authorised wording the claim is closest to: the same words for the effect,
        then one the claim is faithful to, then the most shared words."""
        doc = claim.sentence.doc
        phrase = {t.lemma_ for t in doc[claim.effect.start:claim.effect.end]}
        words = {lemma for _, lemma, punct, _ in claim.sentence.words if not punct}
        return max(candidates, key=lambda ac: (
            len(phrase & ac.head_words), not self.strength_problem(claim, ac), len(words & ac.lemmas),
        ))

    def strength_problem(self, claim: Claim, ac: AuthorisedClaim) -> str:
        """Why the claim says more than the authorised wording ``ac``, or "" if it does not."""
        doc = claim.sentence.doc
        for rel in claim.relations:
            if rel.key != "strengthening":
                continue
            lemmas = {doc[i].lemma_ for i in range(rel.start, rel.end)}
            if not lemmas <= ac.lemmas:
                return f"“{doc[rel.start:rel.end].text}” makes it stronger than the authorised wording"
        faithful = any(r.key == "faithful" for r in claim.relations)
        if claim.relations and not faithful and not ac.states_result:
            return "it states a certain result where the authorised wording says “contributes to”"
        if not claim.relations and claim.how == "caption" and not claim.substances:
            return "it states the effect without “contributes to” and without the nutrient"
        context = block_lemmas(claim.sentence)
        if ac.entry.claim_type == RISK_REDUCTION and "risk" not in context:
            return f"a disease risk reduction claim must state the risk factor, as in “{ac.entry.claim}”"
        dropped = self.qualifiers & ac.lemmas - context
        if dropped:
            return f"it leaves out the condition the authorised wording states (“{ac.entry.claim}”)"
        optional = self.knowledge.effects[claim.effect.key].normal_optional
        if ac.needs_normal and not claim.normal_kept and not optional:
            return "it drops “normal” from the authorised wording"
        return ""

    # -- helpers -------------------------------------------------------------------
    def subjects(self, claim: Claim, ctx: DocContext) -> list[str]:
        """The substance keys a claim is about; a claim about the product itself ("our
        gummies", the product's name, a caption verb) is about what the profile declares."""
        keys = list(dict.fromkeys(m.key for m in claim.substances)) or list(claim.carried)
        if keys or not ctx.profile.declared or not self.about_product(claim, ctx):
            return keys
        facts = self.engine.facts
        present = facts.composition(ctx.profile).present
        return sorted(k for k in present if k in self.knowledge.substances and not self.knowledge.substances[k].members)

    @staticmethod
    def about_product(claim: Claim, ctx: DocContext) -> bool:
        name = (ctx.profile.product or "").lower()
        return claim.implied_subject or claim.sentence.has("product_nouns") or bool(name and name in claim.sentence.text.lower())

    def combination(self, subjects: list[str], targets: list[str]) -> AuthorisedClaim | None:
        """An authorised claim for a combination product whose parts the copy names."""
        named = set(subjects)
        for ac in self.engine.index.combinations:
            if ac.head in targets and ac.substances <= named | {s for s in ac.substances if s not in self.knowledge.substances}:
                return ac
        return None

    def related(self, sub: str, targets: list[str]) -> list[AuthorisedClaim]:
        """Authorised claims of ``sub`` (any member, for a group like "B vitamins") for ``targets``."""
        members = self.knowledge.substances[sub].members or [sub]
        by_pair = self.engine.index.by_pair
        return [ac for m in members for t in targets for ac in by_pair.get((m, t), [])]

    def nearest(self, claim: Claim, substances: list[str], targets: list[str]) -> list[AuthorisedClaim]:
        """Authorised wordings nearest to the claim: the same effect from other
        substances first, then the substance's own claims, closest wording first."""
        index = self.engine.index
        words = {lemma for _, lemma, punct, _ in claim.sentence.words if not punct}
        targets = [*targets, *self.knowledge.effects[claim.effect.key].near]
        meant = {w for t in targets for w in self.knowledge.effects[t].label.lower().split()}
        rank = lambda ac: (ac.head not in targets, -len(words & ac.lemmas), -len(meant & ac.lemmas))  # noqa: E731
        found: list[AuthorisedClaim] = []
        for target in targets:
            found.extend(sorted(index.by_effect.get(target, []), key=rank)[:MAX_SUGGESTIONS])
        for sub in substances:
            for member in self.knowledge.substances[sub].members or [sub]:
                found.extend(sorted(index.by_substance.get(member, []), key=rank)[:MAX_SUGGESTIONS])
        return found

    def labels(self, keys: list[str]) -> list[str]:
        return [self.knowledge.substances[k].label for k in keys]

    def phrase(self, claim: Claim) -> str:
        doc = claim.sentence.doc
        start, end = claim.span()
        return doc[start:end].text

    def report(self, ctx: DocContext, claim: Claim, verdict: Verdict) -> None:
        effect = self.knowledge.effects[claim.effect.key]
        start, end = claim.span()
        suggestions = [ac.entry.claim for ac in _unique(verdict.suggestions)][: MAX_SUGGESTIONS * 2]
        references = [f"{ac.entry.id} {ac.entry.url}".strip() for ac in _unique(verdict.suggestions)][:MAX_SUGGESTIONS]
        fields = {
            "substance": (_join(verdict.substances) or "the product") + (f" ({claim.origin})" if claim.origin else ""),
            "effect": effect.label,
            "detail": verdict.detail,
        }
        if verdict.rejected is not None:
            rejected = verdict.rejected
            references = [f"{rejected.id} {rejected.url}".strip(), *references]
            fields.update(
                register_id=rejected.id,
                register_claim=_clip(rejected.claim),
                reason=_clip(rejected.reasons or "no reason recorded"),
            )
        ctx.finding(verdict.code, claim.sentence, start, end, suggestions, references, **fields)


def _unique(claims: list[AuthorisedClaim]) -> list[AuthorisedClaim]:
    seen: set[str] = set()
    out = []
    for ac in claims:
        if ac.entry.id not in seen:
            seen.add(ac.entry.id)
            out.append(ac)
    return out


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def block_lemmas(sentence: Sentence) -> set[str]:
    """The lemmas of the sentence's whole block, read once per block (claims ask for them often)."""
    key = ("claimlint:lemmas", *sentence.block_tokens)
    lemmas = sentence.doc.user_data.get(key)
    if lemmas is None:
        first, end = sentence.block_tokens
        lemmas = sentence.doc.user_data[key] = {lemma for _, lemma, _, _ in sentence.tokens.words[first:end]}
    return lemmas
