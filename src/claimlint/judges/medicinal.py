"""MC201 medicinal claims and MC205 physiological claims for cosmetics.

A disease term is claimed when a relation word governs it in its clause ("relieves the
symptoms of insomnia"), a modifier sits next to it ("Joint Relief", "no more
headaches"), the copy lists conditions as what the product is for ("eczema, psoriasis,
rash"), a result is reported in people with it, a testimonial reports it gone, or a question puts it to the reader. Warnings and
directions ("consult your doctor if you have diabetes") are not claims.
"""

from __future__ import annotations

from claimlint.language.claims import is_testimonial, muted_clauses, negated_at, trial_population
from claimlint.judges.context import DocContext
from claimlint.judges import Judge
from claimlint.language.mentions import Mention, Sentence

LIST_MINIMUM = 3
RELATION_REACH = 8  # tokens between a relation word and the disease it governs
PHYSIOLOGICAL_RELATIONS = {"faithful", "strengthening"}


class MedicinalJudge(Judge):
    codes = ("MC201", "MC205")

    def __init__(self, engine) -> None:
        super().__init__(engine)
        self.cosmetic_conditions = frozenset(self.knowledge.diseases.get("cosmetic", []))
        self.generic_terms = frozenset(self.knowledge.diseases.get("generic", []))
        # Any effect but these, claimed for a cosmetic with a relation word, acts on the body.
        self.cosmetic_effects = frozenset(k for k, e in self.knowledge.effects.items() if e.cosmetic)
        self.skin_physiology = frozenset(self.knowledge.words.get("skin_physiology", []))
        self.reader = self.knowledge.grammar.reader  # words that address the reader

    def judge(self, ctx: DocContext) -> None:
        for sentence in ctx.sentences:
            self.medicinal(ctx, sentence)
        if not ctx.profile.is_food:
            self.cosmetic_physiology(ctx)

    def medicinal(self, ctx: DocContext, sentence: Sentence) -> None:
        doc = sentence.doc
        # Warnings and directions silence their own clause; what is claimed without a
        # relation word (a medicinal term, a list, a testimonial) needs a sentence free of them.
        muted = muted_clauses(sentence)
        standalone = [m for m in sentence.of("medicinal") if not muted and not negated_at(sentence, m.start, [])]
        diseases = [d for d in sentence.of("disease") if sentence.clause_of(d.start) not in muted]
        if not ctx.profile.is_food:
            diseases = [d for d in diseases if doc[d.start:d.end].text.lower() not in self.cosmetic_conditions]
        claimed: list[Mention] = []
        how = ""
        if diseases:
            claimed = [d for d in diseases if self.governed(sentence, d)]
            how = "claims to prevent, treat or relieve"
            if not claimed and not muted:
                distinct = {doc[d.start:d.end].text.lower() for d in diseases} - self.generic_terms
                words = {lower for lower, _, _, _ in sentence.words}
                if len(distinct) >= LIST_MINIMUM:
                    claimed, how = diseases, "lists conditions the product is presented for"
                elif trial_population(sentence, diseases):
                    claimed, how = trial_population(sentence, diseases), "reports a result in people with"
                elif is_testimonial(sentence):
                    claimed, how = diseases, "reports a condition relieved (testimonial)"
                elif sentence.text.rstrip().endswith("?") and words & self.reader:
                    claimed, how = diseases, "asks the reader about a condition the product is offered for"
        if not claimed and not standalone:
            return
        marks = claimed + standalone
        start = min(m.start for m in marks)
        end = max(m.end for m in marks)
        governing = [r for r in sentence.of("relation", "modifier") if r.end <= start and start - r.end <= 6]
        if governing:
            start = min(start, governing[-1].start)
        named = claimed or standalone  # the conditions when there are any, else the medicinal words
        terms = sorted({doc[m.start:m.end].text for m in named}, key=str.lower)
        what = how if claimed else "uses a medicinal term"
        ctx.finding("MC201", sentence, start, end, terms=", ".join(terms[:6]), how=what)

    def governed(self, sentence: Sentence, disease: Mention) -> bool:
        if negated_at(sentence, disease.start, sentence.of("modifier")):
            return False
        clause = sentence.clause_of(disease.start)
        for rel in sentence.of("relation"):
            near = 0 <= disease.start - rel.end <= RELATION_REACH
            if near and sentence.clause_of(rel.start) == clause:
                if not negated_at(sentence, rel.start, sentence.of("modifier")):
                    return True
        for mod in sentence.of("modifier"):
            if mod.key != "medicinal":
                continue
            before = 0 <= disease.start - mod.end <= 2
            after = mod.start == disease.end
            if (before or after) and sentence.clause_of(mod.start) == clause:
                return True
        return False

    def cosmetic_physiology(self, ctx: DocContext) -> None:
        for index, claims in ctx.claims.items():
            for claim in claims:
                effect = claim.effect.key
                doc = claim.sentence.doc
                words = {t.lower_ for t in doc[claim.effect.start:claim.effect.end]}
                physiological = effect not in self.cosmetic_effects or bool(words & self.skin_physiology)
                if not physiological or not (claim.classes & PHYSIOLOGICAL_RELATIONS) and claim.how != "standalone":
                    continue
                about_product = claim.substances or claim.implied_subject or claim.sentence.has("product_nouns")
                if not about_product or claim.describes_body:
                    continue  # biology explained, not what the product does
                start, end = claim.span()
                ctx.finding(
                    "MC205", claim.sentence, start, end,
                    effect=self.knowledge.effects[effect].label,
                    phrase=doc[start:end].text,
                )
                break
