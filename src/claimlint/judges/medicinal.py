"""MC201 medicinal claims and MC205 physiological claims for cosmetics.

A disease term is claimed when a relation word governs it in its clause ("relieves the
symptoms of insomnia"), a modifier sits next to it ("Joint Relief", "no more
headaches"), the copy lists conditions as what the product is for ("eczema, psoriasis,
rash"), a result is reported in people with it, a testimonial reports it gone, or a question puts it to the reader. Warnings and
directions ("consult your doctor if you have diabetes") are not claims.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from claimlint.judges.context import DocContext, join_names
from claimlint.knowledge.base import Effect
from claimlint.language.discourse import Discourse
from claimlint.language.claims import (
    UNNAMED, hyphened, is_question, is_testimonial, muted_clauses, negated_at, results_after, silenced, studied_conditions,
    trial_population,
)
from claimlint.language.mentions import COMPLAINT, Mention, Sentence

LIST_MINIMUM = 3
CONSEQUENCE_REACH = 3  # words between "can end in" and the condition it names ("… in severe anaemia")
RELATION_REACH = 8  # tokens between a relation word and the disease it governs
SUFFERER_REACH = 6  # tokens between "if you suffer from" and the conditions it names ("… bloating or cramps")
PHYSIOLOGICAL_RELATIONS = {"faithful", "strengthening"}


@dataclass(frozen=True)
class MedicinalView:
    """What the medicinal judge reads of the lexicons."""

    effects: Mapping[str, Effect]
    cosmetic_conditions: frozenset[str]  # conditions a cosmetic may speak of ("dandruff")
    generic_terms: frozenset[str]  # words for illness in general, which alone make no list
    skin_physiology: frozenset[str]  # words that put a cosmetic's effect inside the body
    skin_surface: frozenset[str]  # … unless one of these stands right before them ("dead skin cells")
    reader: frozenset[str]  # words that address the reader
    prevention: frozenset[str]  # words that say a condition is prevented
    healing: frozenset[str]  # words that say a condition is healed
    nouns: Mapping[str, str]  # the noun a message names a condition term by
    templates: Mapping[str, str]  # MC201's message parts, from its rule
    physiology_templates: Mapping[str, str]  # MC205's, from its rule


class MedicinalJudge:
    def __init__(self, view: MedicinalView) -> None:
        self.effects = view.effects
        self.cosmetic_conditions = view.cosmetic_conditions
        self.generic_terms = view.generic_terms
        # Any effect but these, claimed for a cosmetic with a relation word, acts on the body.
        self.cosmetic_effects = frozenset(k for k, e in view.effects.items() if e.cosmetic)
        self.skin_physiology = view.skin_physiology
        self.skin_surface = view.skin_surface
        self.reader = view.reader
        self.prevention = view.prevention
        self.healing = view.healing
        self.nouns = view.nouns
        self.templates = view.templates
        self.physiology_templates = view.physiology_templates

    def judge(self, ctx: DocContext) -> None:
        for sentence in ctx.candidates:
            self.medicinal(ctx, sentence)
        if not ctx.profile.is_food:
            self.cosmetic_physiology(ctx)

    def medicinal(self, ctx: DocContext, sentence: Sentence) -> None:
        if sentence.studied is not None:
            self.promised_outcome(ctx, sentence, sentence.studied)
        if not sentence.has("medicinal") and not sentence.has("disease"):
            return  # names no condition and no medicinal term: nothing below can be reported
        if sentence.wanting:
            self.fear(ctx, sentence)
        doc = sentence.doc
        # Warnings and directions silence their own clause; what is claimed without a
        # relation word (a medicinal term, a list, a testimonial) needs a sentence free of them.
        if self.asks_about_a_substance(sentence):
            return
        muted = muted_clauses(sentence)
        standalone = [m for m in sentence.of("medicinal") if not muted and not negated_at(sentence, m.start, [])]
        named = sentence.of("disease")
        diseases = [d for d in named if not silenced(sentence, d.start, muted)]
        if not ctx.profile.is_food:
            diseases = [d for d in diseases if not self.cosmetic_care(sentence, d)]
        how = ""
        # "Consult your GP if you get migraines – our drops stop them": the warning
        # silences its clause, not a treatment of the disease it names said after it.
        claimed = [d for d in named if silenced(sentence, d.start, muted) and self.treated_by_pronoun(sentence, d, muted)]
        claimed += [d for d in named if self.offered_to_sufferers(sentence, d, muted)]
        aimed = [d for d in named if d not in claimed and aimed_at_sufferers(sentence, d, muted)]
        if aimed:
            claimed, how = claimed + aimed, "aimed"
        if diseases:
            governed = [d for d in diseases if self.governed(sentence, d) and d not in claimed]
            if governed and not claimed and all(results_after(sentence, d) for d in governed):
                how = "changed"  # "the bloating settled within the hour"
            claimed += governed
            if not claimed and not muted:
                distinct = {doc[d.start:d.end].text.lower() for d in diseases} - self.generic_terms
                words = {lower for lower, _, _, _ in sentence.words}
                population = trial_population(sentence, diseases)
                if len(distinct) >= LIST_MINIMUM:
                    claimed, how = diseases, "list"
                elif population:
                    claimed, how = population, "trial"
                elif reported := reported_by_users(sentence, diseases):
                    claimed, how = reported, "testimonial"
                elif is_testimonial(sentence):
                    claimed, how = diseases, "testimonial"
                elif sentence.offers:
                    claimed, how = diseases, "offered"
                elif sentence.asks and words & self.reader:
                    claimed, how = diseases, "question"
        if not claimed and not standalone:
            return
        marks = claimed + standalone
        marks += [r for d in claimed for r in results_after(sentence, d)]  # "bloating fades away"
        start = min(m.start for m in marks)
        end = max(m.end for m in marks)
        governing = [r for r in sentence.of("relation", "modifier") if r.end <= start and start - r.end <= 6]
        if governing:
            start = min(start, governing[-1].start)
        if claimed:
            terms = join_names(self.conditions(sentence, claimed), self.templates)
            how = how or self.action(sentence, start, end)
        else:
            how, terms = "term", "”, “".join(sorted({doc[m.start:m.end].text for m in standalone}, key=str.lower)[:6])
        ctx.finding("MC201", sentence, start, end, how=self.templates[how].format(terms=terms), terms=terms)

    def fear(self, ctx: DocContext, sentence: Sentence) -> None:
        """"Low iron creeps up slowly … Left unchecked, it can end in anaemia": in a passage
        that takes a substance away, a condition said to follow warns of disease for want
        of the product (MC204). A question, a warning or a denial of it stays silent."""
        if is_question(sentence):
            return
        muted = muted_clauses(sentence)
        for consequence in sentence.of("consequences"):
            if silenced(sentence, consequence.start, muted) or negated_at(sentence, consequence.start, []):
                continue
            follows = [d for d in sentence.of("disease") if 0 <= d.start - consequence.end <= CONSEQUENCE_REACH]
            if follows:
                end = max(d.end for d in follows)
                ctx.finding("MC204", sentence, consequence.start, end, phrase=sentence.doc[consequence.start:end].text)
                return

    def promised_outcome(self, ctx: DocContext, sentence: Sentence, study: Sentence) -> None:
        """"… 48 adults with atopic dermatitis … so you can count on the same relief": a
        promise of a study's outcome, where the study was in people with a condition,
        presents the product as treating it. A promise put in a warning or denied stays
        silent."""
        conditions = studied_conditions(study, study.of("disease"))
        if not conditions:
            return
        muted = muted_clauses(sentence)
        for frame in sentence.of("same_outcomes"):
            if silenced(sentence, frame.start, muted) or negated_at(sentence, frame.start, []):
                continue
            terms = join_names(self.conditions(study, conditions), self.templates)
            how = self.templates["promised"].format(terms=terms, line=Discourse.line(ctx.document, study))
            ctx.finding("MC201", sentence, frame.start, frame.end, how=how, terms=terms)
            return

    def asks_about_a_substance(self, sentence: Sentence) -> bool:
        """"Is vitamin C good for colds?": a question about what a substance does, put to
        no one in particular, asks it; one put to the reader ("Can zinc help your
        cold?") offers the product for the condition."""
        if not is_question(sentence) or not sentence.has("substance"):
            return False
        return not {lower for lower, _, _, _ in sentence.words} & self.reader

    def conditions(self, sentence: Sentence, mentions: list[Mention]) -> list[str]:
        """The conditions a claim names, as nouns: terms next to each other (or one word
        apart) read as one ("diabetic foot ulcer"), and a term that is an adjective or a process named by its condition
        ("inflammatory" -> inflammation, "wound healing" -> wounds)."""
        doc = sentence.doc
        runs: list[list[int]] = []
        for m in sorted(mentions, key=lambda m: m.start):
            gap = doc[runs[-1][1]:m.start] if runs else None
            if runs and len(gap) <= 1 and all(t.is_alpha and not t.is_stop for t in gap):
                runs[-1][1] = max(runs[-1][1], m.end)
            else:
                runs.append([m.start, m.end])
        names: list[str] = []
        named = {m.start: m.key.removeprefix(COMPLAINT) for m in mentions if m.key.startswith(COMPLAINT)}
        for start, end in runs:
            phrase = named.get(start) or doc[start:end].text.lower()
            if phrase in self.nouns:
                phrase = self.nouns[phrase]
            else:
                head, _, last = phrase.rpartition(" ")
                if last in self.nouns:
                    phrase = f"{head} {self.nouns[last]}".strip()
            if phrase not in names:
                names.append(phrase)
        return names[:6]

    def action(self, sentence: Sentence, start: int, end: int) -> str:
        """What a medicinal claim promises, by its words: to prevent, to heal, or to
        treat or relieve."""
        text = " " + " ".join(t.lower_ for t in sentence.doc[start:end]) + " "
        if any(f" {w} " in text for w in self.prevention):
            return "prevent"
        if any(f" {w} " in text for w in self.healing):
            return "heal"
        return "treat"

    def cosmetic_care(self, sentence: Sentence, disease: Mention) -> bool:
        """"Reduces the look of blemishes": a condition a cosmetic may speak of, unless a
        word of treatment governs it ("treats acne", "prevents breakouts")."""
        if sentence.doc[disease.start:disease.end].text.lower() not in self.cosmetic_conditions:
            return False
        clause = sentence.clause_of(disease.start)
        return not any(
            0 <= disease.start - t.end <= RELATION_REACH and sentence.clause_of(t.start) == clause
            for t in sentence.of("treatment")
        )

    def governed(self, sentence: Sentence, disease: Mention) -> bool:
        if negated_at(sentence, disease.start, sentence.of("modifier")):
            return False
        clause = sentence.clause_of(disease.start)
        names = [d for d in sentence.of("disease") if d is not disease]
        for rel in sentence.of("relation"):
            if any(d.start <= rel.start and rel.end <= d.end for d in names):
                continue  # "hot flushes … during menopause": a word of a condition's name acts on nothing
            near = 0 <= disease.start - rel.end <= RELATION_REACH
            if near and sentence.clause_of(rel.start) == clause and not explains_body(sentence, rel):
                if not negated_at(sentence, rel.start, sentence.of("modifier")):
                    return True
        explained = [r for r in sentence.of("relation") if sentence.clause_of(r.start) == clause and explains_body(sentence, r)]
        for mod in sentence.of("modifier"):
            if mod.key != "medicinal":
                continue
            if any(r.end <= mod.start for r in explained):
                continue  # "The immune system protects the body against infection": physiology explained
            before = 0 <= disease.start - mod.end <= 2
            after = mod.start == disease.end
            if (before or after) and sentence.clause_of(mod.start) == clause:
                return True
        if results_after(sentence, disease):
            return True  # "… and the aches just melt away"
        if any(m.key == "medicinal" for m in hyphened(sentence, disease)):
            return True  # "cold-busting", "pain-relieving"
        return self.treated_by_pronoun(sentence, disease, set())

    @staticmethod
    def offered_to_sufferers(sentence: Sentence, disease: Mention, muted: set[tuple[int, int]]) -> bool:
        """"If you suffer from hay fever, our honey eases the sneezing", "Whether you're
        dealing with bloating or cramps, our enzymes help": a condition named where the
        copy addresses the people who have it, and a later clause saying what the product
        or a substance does, offer the product for the condition."""
        if not any(0 <= disease.start - s.end <= SUFFERER_REACH for s in sentence.of("sufferers")):
            return False
        words = sentence.words
        commas = [i for i in range(disease.end, sentence.end) if words[i - sentence.start][0] == ","]
        if not commas:
            return False
        main = commas[0] + 1  # the clause after the address says what the product does
        ours = sentence.grammar.product_determiners
        named = any(s.start >= main for s in sentence.of("substance", "product_nouns", "anaphors"))
        named = named or any(lower in ours for lower, _, _, _ in words[main - sentence.start:])
        return named and any(
            act.start >= main and not negated_at(sentence, act.start, []) and not silenced(sentence, act.start, muted)
            for act in sentence.of("relation", "resolutions")
        )

    @staticmethod
    def treated_by_pronoun(sentence: Sentence, disease: Mention, muted: set[tuple[int, int]]) -> bool:
        """"Inflammation is the root of it all, and our blend tackles it": a medicinal
        verb whose object is a pronoun for the disease named before, with the product or
        a substance as its subject."""
        for rel in sentence.of("relation"):
            if rel.key != "medicinal" or rel.start < disease.end or negated_at(sentence, rel.start, []) or silenced(sentence, rel.start, muted):
                continue
            clause = sentence.clause_of(rel.start)
            if any(0 <= a.start - rel.end <= 1 for a in sentence.of("anaphors")) and any(
                s.end <= rel.start and sentence.clause_of(s.start) == clause for s in sentence.of("substance", "product_nouns")
            ):
                return True
        return False

    def inside_skin(self, doc, start: int, end: int) -> bool:
        """Does a word of ``start:end`` put the claim inside the living skin ("renews skin
        cells")? One the surface words qualify ("removes dead skin cells") does not."""
        return any(doc[i].lower_ in self.skin_physiology and not self.on_surface(doc, i, start) for i in range(start, end))

    def on_surface(self, doc, at: int, first: int = 0) -> bool:
        """Is the word at ``at`` qualified by a surface word right before it ("dead skin cells")?"""
        return any(doc[j].lower_ in self.skin_surface for j in range(max(first, at - SURFACE_REACH), at))

    def cosmetic_physiology(self, ctx: DocContext) -> None:
        for index, claims in ctx.claims.items():
            for claim in claims:
                effect = claim.effect.key
                doc = claim.sentence.doc
                # The words from the verb to the effect: "stimulates new collagen for firmer
                # skin" acts on the skin's collagen, not only on how firm skin looks.
                if self.on_surface(doc, claim.effect.start):
                    continue  # "removes dead skin cells": what a scrub takes off the surface
                physiological = effect not in self.cosmetic_effects or self.inside_skin(doc, *claim.span())
                if not physiological or not (claim.classes & PHYSIOLOGICAL_RELATIONS) and claim.how != "standalone":
                    continue
                about_product = claim.substances or claim.implied_subject or claim.sentence.has("product_nouns")
                if not about_product or claim.describes_body:
                    continue  # biology explained, not what the product does
                start, end = claim.span()
                if effect == UNNAMED:  # "regulates …": quote what the copy says it does
                    what = self.physiology_templates["unnamed"].format(phrase=claim.said())
                else:
                    what = self.physiology_templates["named"].format(phrase=doc[start:end].text, effect=self.effects[effect].label)
                ctx.finding("MC205", claim.sentence, start, end, what=what)
                break


SURFACE_REACH = 2  # words between a surface word and the word of skin physiology it qualifies ("dead skin cells")
CHANGES = ("effect", "relation", "result", "change_cues", "modifier")  # what a report of a change names
USERS_REACH = 1  # words between "customers with" and the condition it names ("… with chronic arthritis")


def reported_by_users(sentence: Sentence, diseases: list[Mention]) -> list[Mention]:
    """"Customers with arthritis tell us they walk further", "users with IBS reported fewer
    flare-ups": the conditions of the product's users, named right before what they are
    said to report, present the product as working for the condition when the report
    tells of a change or an effect ("customers with nut allergies love the nut-free range"
    tells of none)."""
    cues = sentence.of("reported_users")
    reports = [r for r in sentence.of("reporting") if any(m.start >= r.start for m in sentence.of(*CHANGES))]
    return [
        d for d in diseases
        if any(0 <= d.start - c.end <= USERS_REACH for c in cues) and any(r.start >= d.end for r in reports)
    ]


AUDIENCE_REACH = 1  # words between "for people prone to" and the condition it names ("… to painful cold sores")


def aimed_at_sufferers(sentence: Sentence, disease: Mention, muted: set[tuple[int, int]]) -> bool:
    """"A gentle formula for people prone to cold sores", "made for those who suffer with
    IBS": copy that names whom the product is for by a condition they have presents it as
    meant for that condition, with no verb of treatment. A warning ("not suitable for
    people with …") silences it, as a negation does."""
    if silenced(sentence, disease.start, muted) or negated_at(sentence, disease.start, []):
        return False
    return any(
        0 <= disease.start - frame.end <= AUDIENCE_REACH and sentence.clause_of(frame.start) == sentence.clause_of(disease.start)
        and not negated_at(sentence, frame.start, [])
        for frame in sentence.of("audience_frames")
    )


def explains_body(sentence: Sentence, relation: Mention) -> bool:
    """"Proteoglycans in cartilage prevent its swelling": the verb's subject is something
    of the body's, named with a part of the body, not a substance or a product; the
    sentence explains how the body works. The subject's head is its last word before a
    preposition of place ("proteins in cartilage"), a word the packs do not know or a part
    of the body; a substance there ("magnesium in cartilage prevents …"), a product word
    ("hair vitamins"), a pronoun, another verb before it or a substance named earlier in
    the sentence make a claim."""
    clause = sentence.clause_of(relation.start)
    before = [m for m in sentence.mentions if m.end <= relation.start and sentence.clause_of(m.start) == clause]
    if not before or any(m.kind in ("product_nouns", "anaphors", "relation", "modifier") for m in before):
        return False
    if not any(m.kind in ("body_nouns", "effect") for m in before):
        return False
    start = min(m.start for m in before)
    while start > sentence.start and sentence.clause_of(start - 1) == clause:
        start -= 1
    marks = [t.i for t in sentence.doc[start:relation.start] if t.is_punct and t.text != "-"]
    if marks:
        start = marks[-1] + 1  # the subject follows the last mark before the verb
    if any(m.kind in ("substance", "product_nouns") and m.end <= start for m in sentence.mentions):
        return False  # "When magnesium was added, cells closed the wound": the sentence links them
    words = [t for t in sentence.doc[start:relation.start] if t.is_alpha]
    if any(t.lower_ in sentence.grammar.product_determiners for t in words):
        return False  # "our hair vitamins"
    cut = next((i for i, t in enumerate(words) if t.lower_ in sentence.grammar.locating), len(words))
    if cut == 0 or words[cut - 1].is_stop:
        return False  # "the ability to avoid …": no noun is the subject
    head = words[cut - 1].i
    return all(m.kind in ("body_nouns", "effect") for m in before if m.start <= head < m.end)

