"""Claims: which effect a sentence attributes to which substances, and how strongly.

A claim is built around each effect mention. It counts as claimed when a relation word
governs it in the same clause ("helps", "boosts"), a modifier sits next to it ("better
sleep", "immune support"), it is a claim on its own ("nootropic"), the sentence is a
caption ("Deeper Sleep", "CHAGA Anti-Stress") or a user reports the change ("since I
started on them I sleep through the night"). A substance said to boost or drive
something claims an effect even when none is named. Sensory impressions ("skin feels
smoother"), negation and questions do not claim; disclaimers and warnings silence
their own clause.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from claimlint.language.compounds import in_hashtag
from claimlint.language.mentions import HYPHENS, Mention, Sentence

# The words these rules read (caption fillers, pronouns, nominals, joiners …) are the
# grammar pack's, reached through ``sentence.grammar``.
CAPTION_TOKENS = 6
MODIFIER_REACH = 3


SAID_REACH = 6  # words quoted from a claim that names no effect


@dataclass
class Claim:
    sentence: Sentence
    effect: Mention
    substances: list[Mention] = field(default_factory=list)
    relations: list[Mention] = field(default_factory=list)  # relation words and modifiers governing the effect
    how: str = "verbal"  # verbal | modifier | standalone | caption | testimonial
    normal_kept: bool = False
    hedged: bool = False
    describes_body: bool = False  # the clause's subject is the body or a body process
    carried: tuple[str, ...] = ()  # substances the claim takes from elsewhere in the document (discourse)
    carried_from: tuple[str, int] | None = None  # the anaphor ("it"; "" for a place) and the line the carried substances were named on
    implied_subject: bool = False  # a caption verb with the product as its unstated subject ("Boosts Immunity")
    body_own: tuple[str, ...] = ()  # the body's own proteins it names ("collagen"), ingredients only if declared

    @property
    def classes(self) -> set[str]:
        return {r.key for r in self.relations}

    def span(self) -> tuple[int, int]:
        """Token range to mark: from the first relation (or substance) to the effect."""
        starts = [self.effect.start] + [r.start for r in self.relations if r.start < self.effect.start]
        ends = [self.effect.end] + [r.end for r in self.relations if r.start >= self.effect.end]
        return min(starts), max(ends)

    def said(self) -> str:
        """What a claim that names no effect says, in the copy's words: from its relation
        word to the end of its clause ("drives this movement")."""
        doc = self.sentence.doc
        start, _ = self.span()
        end = start
        while end < self.sentence.end and end - start < SAID_REACH and not (end > start and doc[end].is_punct):
            end += 1
        return doc[start:end].text


def clause_bounds(sentence: Sentence) -> list[int]:
    """Clause id of every token of the sentence (index relative to its start)."""
    return [clause for clause, _ in sentence.clauses]


def is_testimonial(sentence: Sentence) -> bool:
    """"Since I started on the gummies I sleep through the night": a user reporting a
    change, which claims the product made it ("my skin has never been clearer"); in a
    story the first person may be in a sentence before. A diary frame ("Week 2:", "POV:") makes a testimonial by itself."""
    if sentence.has("testimonial_frames"):
        return True
    changed = sentence.has("change_cues") or any(_praises(sentence, m) for m in sentence.of("negations"))
    return changed and (sentence.has("first_person") or sentence.story)


POPULATION_REACH = 2  # tokens between "patients with" and the condition it names


def trial_population(sentence: Sentence, diseases: list[Mention]) -> list[Mention]:
    """"In a trial of adults with type 2 diabetes, chromium improved …": the conditions of
    the people a result is reported in, when a substance (or the product) is said to
    have acted. Reported for the product's substance, such a result presents it as
    treating the condition."""
    if not sentence.of("substance", "product_nouns", "anaphors"):
        return []
    if not sentence.of("study_nouns", "study_results", "change_cues"):
        return []  # "Women with heavy periods lose more iron": who needs more, not a result
    if not any(not negated_at(sentence, r.start, []) for r in sentence.of("relation")):
        return []
    return studied_conditions(sentence, diseases)


def studied_conditions(sentence: Sentence, diseases: list[Mention]) -> list[Mention]:
    """The conditions of the people a study is said to be in ("120 women with iron-deficiency
    anaemia"): those named right after a population cue."""
    cues = sentence.of("trial_population")
    return [d for d in diseases if any(0 <= d.start - c.end <= POPULATION_REACH for c in cues)]


def is_question(sentence: Sentence) -> bool:
    """A sentence that asks; one that only dresses a statement as a question ("Did you
    know vitamin A keeps your eyes in shape?") asserts it, and so does one that offers
    the product for what it names ("Fed up with bloating?", "Brain fog? Sorted.")."""
    return sentence.asks and not sentence.offers and not any(_opens(sentence, m) for m in sentence.of("asserting"))


def is_advice(sentence: Sentence) -> bool:
    """Warnings and directions name conditions without claiming anything about them."""
    return sentence.has("advice")


SILENCERS = ("advice", "disclaimers", "denials")  # what silences its own clause (a denial: "no evidence that …")


def muted_clauses(sentence: Sentence) -> set[tuple[int, int]]:
    """The clauses a warning, a direction or a disclaimer silences: only their own.
    "Not suitable for children; it relieves coughs" still claims in its second. A
    caveat that the evidence is missing, beside a claim that only says "may", is an
    honest statement of doubt and silences the whole sentence."""
    if sentence.denied or sentence.has("disclaimers") and sentence.has("hedges"):
        return set(sentence.clauses)
    return {sentence.clause_of(m.start) for m in sentence.mentions if m.kind in SILENCERS}


def silenced(sentence: Sentence, index: int, muted: set[tuple[int, int]]) -> bool:
    """Is the token at ``index`` in a clause a warning or disclaimer silences? A warning
    set off by a comma ends there: "Keep away from pets and toddlers, may help reduce
    joint pain" still claims after the comma; one that goes on after it ("Consult your doctor,
    particularly if …") does not end."""
    clause = sentence.clause_of(index)
    if clause not in muted:
        return False
    if sentence.denied or sentence.has("hedges") and sentence.has("disclaimers"):
        return True  # an honest caveat beside "may", or a denial after it, silences the whole sentence
    silencers = [m for m in sentence.mentions if m.kind in SILENCERS and sentence.clause_of(m.start) == clause]
    words, grammar = sentence.words, sentence.grammar
    for m in silencers:
        ends = [
            i for i in range(m.end, min(m.end + WARNING_TAIL + 1, index))
            if words[i - sentence.start][0] == ","
            and not (i + 1 < sentence.end and words[i + 1 - sentence.start][0] in grammar.warning_continuations)
            # "not intended to diagnose, treat, cure or prevent": a list goes on
            and not any(w[0] in grammar.list_joiners for w in words[i + 1 - sentence.start:index - sentence.start])
        ]
        if not ends:
            return True
    return False


WARNING_TAIL = 3  # words a warning may run on past its cue before the comma that ends it ("… of children,")


STUDY_SUBJECT_REACH = 6  # a study noun this near the start of its sentence is its subject
STUDY_VERB_REACH = 4  # tokens between the study noun and the verb that says what it looked at
INGREDIENT_ITEMS = 4  # a comma list of at least this many names, two of them substances, is a list of ingredients


def reports_study_topic(sentence: Sentence) -> bool:
    """"A 2020 review examined magnesium and sleep": what a study looked at, not what it
    found, claims nothing; a sentence that also says what the study showed still may."""
    if sentence.has("study_results"):
        return False
    verbs = sentence.of("topic_verbs")
    return any(
        noun.start - sentence.start <= STUDY_SUBJECT_REACH and 0 <= verb.start - noun.end <= STUDY_VERB_REACH
        for noun in sentence.of("study_nouns") for verb in verbs
    )


def is_ingredient_list(sentence: Sentence) -> bool:
    """"Apple Juice Concentrate, Fish Oil, Vitamin C, Zinc Citrate, …": a comma list of
    names with no relation word between them declares what is in the product; an effect
    word inside a name ("concentrate") claims nothing."""
    if sentence.has("relation") or sentence.has("modifier"):
        return False
    items: list[list[int]] = [[]]
    for i, (lower, _, _, _) in enumerate(sentence.words):
        if lower in (",", ";"):
            items.append([])
        elif lower not in (":", "."):
            items[-1].append(sentence.start + i)
    items = [item for item in items if item]
    if len(items) < INGREDIENT_ITEMS:
        return False
    starts = {m.start for m in sentence.of("substance")}
    with_substance = sum(1 for item in items if starts & set(item))
    return with_substance >= 2


def _praises(sentence: Sentence, negation: Mention) -> bool:
    """"has never been clearer", "never felt better", "I've never slept this well": a
    negation before a comparative, or before a degree word and a word of praise, says
    things are better than ever."""
    doc, at, grammar = sentence.doc, negation.end, sentence.grammar
    if at + 1 >= sentence.end or doc[at].lower_ not in grammar.comparing_after_negation:
        return False
    after = doc[at + 1]
    if after.lower_ in grammar.degree_after_negation:
        return at + 2 < sentence.end and doc[at + 2].lower_ in grammar.praise_after_degree
    return after.lower_.endswith("er") and after.lemma_ != after.lower_  # an inflected comparative


def _owns_up(sentence: Sentence, negation: Mention) -> bool:
    """"Not me finally sleeping …": the negation is the sentence's first word and the
    writer (or the brand) comes right after it."""
    doc = sentence.doc
    return (
        negation.start == sentence.start
        and negation.end < sentence.end
        and doc[negation.end].lower_ in sentence.grammar.owning_after_negation
    )


def negated_at(sentence: Sentence, index: int, ignore: list[Mention]) -> bool:
    """A negation within three tokens before ``index`` that is not part of a cue like
    "no more" or of a question that asserts ("Isn't it time …"), nor of "not just" /
    "not only", which add a claim rather than deny one, nor of "never been clearer",
    which praises, nor the "not me …" that opens a sentence to own up to what follows."""
    covered = {i for m in [*ignore, *sentence.of("asserting")] for i in range(m.start, m.end)}
    doc = sentence.doc
    adding = sentence.grammar.adding_after_negation
    for m in sentence.of("negations"):
        if m.start in covered or (m.end < len(doc) and doc[m.end].lower_ in adding):
            continue
        if _owns_up(sentence, m):
            continue
        if _praises(sentence, m):
            continue
        if 0 < index - m.start <= 3 + (m.end - m.start - 1):
            return True
    return False


def build_claims(
    sentence: Sentence,
    perceivable: frozenset[str] = frozenset(),
    register_effects: frozenset[str] = frozenset(),
    body_own: frozenset[str] = frozenset(),
    named_by: Mapping[str, frozenset[str]] = MappingProxyType({}),
) -> list[Claim]:
    """All health claims of one sentence, one per claimed effect.

    ``perceivable`` names the effects that may be claimed as sensory impressions;
    ``register_effects`` those of the authorised wordings (organs and body functions);
    ``body_own`` the substances the body makes itself, which a bare mention names as the
    body's own rather than as an ingredient; ``named_by`` the words of each register
    effect's own name ("balance" in "electrolyte balance"), which inside it are no verb."""
    effects = sentence.of("effect", "standalone")
    if not effects and not sentence.has("substance"):
        return []  # most sentences: nothing a claim could be made of
    if is_question(sentence):
        return []
    if reports_study_topic(sentence) or is_ingredient_list(sentence):
        return []
    muted = muted_clauses(sentence)
    if not effects:
        return [] if muted else _unnamed_effect(sentence)
    doc = sentence.doc
    base = sentence.start
    grammar = sentence.grammar
    fillers = grammar.caption_fillers
    clause_of = sentence.clause_of
    relations = sentence.of("relation")
    modifiers = sentence.of("modifier")
    suffixes = sentence.of("claim_suffixes")
    perception = sentence.of("perception")
    substances = sentence.of("substance")
    all_substances = substances
    own_proteins = [s for s in substances if s.key in body_own and not _as_ingredient(sentence, s)]
    substances = [s for s in substances if s not in own_proteins]
    words = [(base + i, lower) for i, (lower, _, punct, _) in enumerate(sentence.words) if not (punct or is_mark(lower))]
    covered = {i for m in sentence.mentions if m.kind in ("effect", "standalone", "substance", "modifier", "relation") for i in range(m.start, m.end)}
    caption = len(words) <= CAPTION_TOKENS and all(i in covered or lower in fillers for i, lower in words)
    hedged = sentence.has("hedges")
    normals = [base + i for i, (_, lemma, _, _) in enumerate(sentence.words) if lemma in grammar.normal]
    content_verbs = [r for r in relations if r.key != "medicinal"] + _requirements(sentence) + _metaphors(sentence)
    dependency = _dependency(sentence)
    product_starts = {m.start for m in sentence.of("product_nouns")}

    claims: list[Claim] = []
    previous_end, previous_clause, inherited = sentence.start, None, []
    region_start, claimed_clause = sentence.start, None  # where the subject of the next claim may start
    for effect in effects:
        if circumstance(sentence, effect) or describes_food(sentence, effect):
            continue
        clause = clause_of(effect.start)
        if clause != previous_clause:
            previous_end, inherited = sentence.start, []
        local = [
            r for r in content_verbs
            if previous_end <= r.start and r.end <= effect.start and clause_of(r.start) == clause
            and not names_effect(sentence, r, effect, named_by.get(effect.key, frozenset()))
        ]
        # Coordinated effects share the verb before the first of them: "contributes to
        # normal muscle function and to normal protein synthesis".
        own = [
            r for r in content_verbs
            if effect.start <= r.start and r.end <= effect.end and doc[r.start].lower_ not in named_by.get(effect.key, ())
        ]
        local = [r for r in local if not _lets_a_thing(sentence, r, effect)]
        governing = local if any(r.key == "faithful" for r in local) else inherited + local
        governing += own  # "Re-energises skin cells", "boosts collagen": the verb is inside the effect
        governing += [  # "Your muscles need magnesium": the effect is what needs the substance
            r for r in content_verbs
            if r.kind == "requirement" and 0 <= r.start - effect.end <= REQUIREMENT_REACH and clause_of(r.start) == clause
        ]
        governing += results_after(sentence, effect)  # "…, so wrinkles soften"
        governing += acted_on_by(sentence, effect)  # "Your joints are supported by glucosamine"
        depends = dependency is not None and (
            clause_of(dependency[0].start) == clause and effect.end <= dependency[0].start if dependency[1]
            else effect.start >= dependency[0].end
        )
        if depends:
            governing.append(dependency[0])  # "Without magnesium, muscles cannot relax"
        if clause != claimed_clause:
            region_start, claimed_clause = sentence.start, clause
        previous_end, previous_clause = effect.end, clause
        # A word inside an effect ("electrolyte balance") is part of its name and governs no
        # other effect; a verb that opens it ("boost collagen and elastin") governs the list.
        inherited = [
            r for r in governing
            if doc[r.start].lemma_ not in grammar.nominals and (r not in own or r.start == effect.start)
            and r.kind != "result"  # a result belongs to the effect before it
        ]
        if sensory(sentence, effect, perception, perceivable):
            continue
        near = [
            m for m in modifiers
            if m.key != "medicinal" and (
                0 <= effect.start - m.end <= MODIFIER_REACH - 1 or m.start == effect.end
                or effect.start <= m.start and m.end <= effect.end  # "produce more collagen"
            ) and clause_of(m.start) == clause
        ]
        near += [m for m in suffixes if m.start == effect.end]
        near += possessed(sentence, effect, modifiers + suffixes)
        near += [m for m in hyphened(sentence, effect) if m.key != "medicinal"]
        near = [m for m in near if not _reports_change(sentence, effect, m)]
        opening = _clause_start(sentence, clause_of, effect.start)
        leading = governing[0].start if governing else effect.start
        implied = all(punct or lower in fillers for lower, _, punct, _ in sentence.words[opening - base:leading - base])
        if effect.kind == "standalone":
            how = "standalone"
        elif effect.start == sentence.start and not governing and _singular(doc[effect.start]):
            how = "verbal"  # "Detoxifies and purifies": the effect word is the verb
        elif governing or _verb_after_subject(sentence, effect):
            how = "verbal"  # "It also calms the nerves": the effect word is the subject's verb
        elif near:
            how = "modifier"
        elif caption or sentence.offers or _caption_pair(effect, substances) or in_hashtag(doc, effect.start, effect.end) or _in_product_name(sentence, effect) or _listed(sentence, effect):
            how = "caption"
        elif is_testimonial(sentence):
            how = "testimonial"
        else:
            continue
        if silenced(sentence, effect.start, muted) or muted and how not in ("verbal", "modifier"):
            continue  # silenced; a claim read without a relation word needs a sentence free of warnings
        used = governing + near
        anchor = governing[-1].start if governing else (near[0].start if near else effect.start)
        pivot = min([effect.start] + [m.start for m in used])
        subject_region = [
            m for m in sentence.mentions
            if (m.kind == "body_nouns" or m.kind == "effect" and m.key in register_effects)
            and region_start <= m.start and m.end <= pivot and clause_of(m.start) == clause
            and m.end not in product_starts  # "body lotion", "cell serum": the product's name
            and not _after_preposition(sentence, m)  # "works with your body to …": the body is acted on
        ]
        if not depends and not sentence.offers and (negated_at(sentence, anchor, used) or negated_at(sentence, effect.start, used)):
            continue  # a dependency states its claim through the negation, an offer its complaint
        if habit(sentence, effect, used):
            continue  # "A brisk walk beats the slump": advice on a habit, nothing claimed for a product
        # The body's own protein said to keep or give something describes the body; said to
        # reverse, rebuild or boost something, it is sold as an ingredient.
        own = own_proteins if not any(r.key == "strengthening" for r in used) else []
        named = substances if own else all_substances
        claim = Claim(
            sentence=sentence,
            effect=effect,
            substances=(
                _objects(governing, named) or _subject(sentence, effect, pivot, named, clause_of, region_start)
                or _named_last(sentence, effect, named)
            ),
            relations=used,
            how=how,
            normal_kept=any(i < effect.end for i in normals),
            hedged=hedged,
            describes_body=bool(subject_region) or any(
                region_start <= s.start and s.end <= pivot and clause_of(s.start) == clause for s in own
            ),
            implied_subject=implied and how == "verbal",
            body_own=tuple(dict.fromkeys(s.key for s in own)),
        )
        claims.append(claim)
        region_start = effect.end
    return claims


def is_mark(lower: str) -> bool:
    """An emoji, an arrow or a bullet stands between the words of a caption as punctuation
    does ("Sleep 😴 Focus 🧠"): a token with no letter or digit is a mark, not a word."""
    return not any(c.isalnum() for c in lower)


POSSESSED_REACH = 3  # words between the owner's mark and the praise it owns ("muscles' new bedtime buddy")


def possessed(sentence: Sentence, effect: Mention, praise: list[Mention]) -> list[Mention]:
    """"Turmeric, your joints' daily ally", "your immune system's best friend": a word that
    praises, owned by the effect right before it, says what the substance or product is to
    that part of the body; it claims the effect as a modifier next to it would."""
    at = effect.end
    if at >= sentence.end or sentence.words[at - sentence.start][0] not in sentence.grammar.possessive_marks:
        return []
    clause = sentence.clause_of(effect.start)
    return [
        m for m in praise
        if m.key != "medicinal" and 0 <= m.start - (at + 1) <= POSSESSED_REACH and sentence.clause_of(m.start) == clause
    ]


COMPOUND_REACH = 2  # words between such a compound and the substance it describes ("gut-loving prebiotic fibre")


def hyphened(sentence: Sentence, mention: Mention) -> list[Mention]:
    """"gut-loving fibre", "cholesterol-lowering oats", "cold-busting vitamin C": a
    relation word, or a word that praises, joined by a hyphen right after an effect or a
    condition claims it for the substance or product the compound describes, or the one
    it is said of ("our tablets are teeth-friendly"); "skin-friendly fabric" describes
    neither."""
    at = mention.end
    words = sentence.words
    if at + 1 >= sentence.end or words[at - sentence.start][0] not in HYPHENS:
        return []
    if words[at - 1 - sentence.start][3] or words[at - sentence.start][3]:
        return []  # "gut - and heart": spaced, a dash rather than a compound
    heads = [m for m in sentence.of("relation") if m.start == at + 1]
    praise = [Mention("compound", key, m.start, m.end) for m in sentence.of("compound_heads") if m.start == at + 1 for key in ("strengthening", "medicinal")]
    found = heads + praise
    if any(0 <= s.start - m.end <= COMPOUND_REACH for m in found for s in sentence.of(*SUBJECT_KINDS, "claim_suffixes")):
        return found
    return found if _predicated(sentence, mention.start) else []


def _predicated(sentence: Sentence, index: int) -> bool:
    """"Our kefir is gut-friendly and immune-loving": a compound after a copula whose
    subject, earlier in the clause, is a substance, the product or a pronoun for one
    describes that subject as the compound before a noun would."""
    clause = sentence.clause_of(index)
    words = sentence.words
    for subject in sentence.of(*SUBJECT_KINDS):
        if subject.end <= index and sentence.clause_of(subject.start) == clause:
            between_words = words[subject.end - sentence.start:index - sentence.start]
            if any(w[0] in sentence.grammar.copulas for w in between_words) and not any(w[0] in sentence.grammar.clause_breaks for w in between_words):
                return True
    return False


def names_effect(sentence: Sentence, relation: Mention, effect: Mention, named: frozenset[str]) -> bool:
    """"the reduction of tiredness and fatigue": a noun of the register's own name for the
    effect, joined to it by "of" and articles, names the effect; it states no result."""
    grammar = sentence.grammar
    between = sentence.doc[relation.end:effect.start]
    return (
        relation.end - relation.start == 1 and sentence.doc[relation.start].lower_ in named
        and len(between) > 0 and all(t.lower_ in grammar.amount_of or t.lower_ in grammar.articles for t in between)
    )


def circumstance(sentence: Sentence, effect: Mention) -> bool:
    """"Your breathing slows down during sleep", "works while you sleep", "slows as we
    sleep": an effect after a word of circumstance, or of time and a person, says when
    something holds, not what is claimed."""
    grammar = sentence.grammar
    words = sentence.tokens.words  # of the whole Doc, read from arrays: no Token object per look
    start = effect.start
    ends = effect.end >= sentence.end or words[effect.end][2]
    if ends and start - 2 >= sentence.start and words[start - 2][0] in grammar.times and words[start - 1][0] in grammar.persons:
        return True  # "as we sleep.", but not "when you sleep badly"
    between = (grammar.reader, grammar.possessives, grammar.articles, grammar.persons)
    i = start - 1
    while i > sentence.start and any(words[i][0] in group for group in between):
        i -= 1
    return i >= sentence.start and words[i][0] in grammar.circumstances


def sensory(sentence: Sentence, effect: Mention, perception: list[Mention], perceivable: frozenset[str]) -> bool:
    """"Skin feels smoother", "radiant-looking skin": an impression, not a health claim."""
    if effect.key not in perceivable:
        return False
    doc = sentence.doc
    if any(0 <= effect.start - p.end <= 2 or p.start == effect.end for p in perception):
        return True
    return effect.end < len(doc) and doc[effect.end].lower_ in sentence.grammar.perception_after


PRODUCT_NOUN_REACH = 2  # "collagen drink", "collagen beauty powder"


def _as_ingredient(sentence: Sentence, mention: Mention) -> bool:
    """"marine collagen", "our collagen", "collagen drink": the protein as what the product
    contains, not the body's own (a bare "collagen" is the skin's)."""
    doc = sentence.doc
    if mention.end - mention.start > 1:
        return True  # a named form: "hydrolysed collagen", "collagen peptides"
    if mention.start > sentence.start and doc[mention.start - 1].lower_ in sentence.grammar.product_determiners:
        return True
    return any(0 <= m.start - mention.end <= PRODUCT_NOUN_REACH - 1 for m in sentence.of("product_nouns"))


def _after_preposition(sentence: Sentence, mention: Mention) -> bool:
    """"with your body", "to the cells": a body noun governed by a preposition, past the
    determiners and possessives before it."""
    grammar = sentence.grammar
    skip = grammar.possessives | grammar.caption_fillers - grammar.object_prepositions
    at = mention.start - 1
    while at >= sentence.start and sentence.words[at - sentence.start][0] in skip:
        at -= 1
    return at >= sentence.start and sentence.words[at - sentence.start][0] in grammar.object_prepositions


def bodys_own(sentence: Sentence, mention: Mention) -> bool:
    """"your collagen", "the skin's collagen": the body's own substance, not an ingredient."""
    return mention.start > sentence.start and sentence.doc[mention.start - 1].lower_ in sentence.grammar.possessives


UNNAMED = "unnamed"  # the effect key of a claim that says what a substance does but not to what
VERB_REACH = 2  # tokens between a substance and the verb it is the subject of


def habit(sentence: Sentence, effect: Mention, used: list[Mention]) -> bool:
    """"A brisk walk beats the afternoon slump", "Our answer to stress is a long walk",
    "before lifting heavy weights": in a clause that names no product, no substance and
    no pronoun for one, an effect put down to an activity (the activity before the verb,
    or after a copula that follows the effect) or an effect word that names the activity
    itself advises a habit; it claims nothing for a product."""
    clause = sentence.clause_of(effect.start)
    if any(sentence.clause_of(m.start) == clause for m in sentence.of(*SUBJECT_KINDS)):
        return False
    grammar = sentence.grammar
    words = sentence.words
    base = sentence.start
    if effect.end - effect.start == 1 and words[effect.start - base][0] in grammar.activities:
        return True  # "lifting heavy weights": the word names the activity, not the effect
    pivot = min([effect.start] + [m.start for m in used])
    before = [i for i in range(base, pivot) if sentence.clause_of(i) == clause]
    if any(words[i - base][0] in grammar.activities for i in before):
        return True
    after = [i for i in range(effect.end, sentence.end) if sentence.clause_of(i) == clause]
    copula = next((i for i in after if words[i - base][0] in grammar.copulas), None)
    return copula is not None and any(words[i - base][0] in grammar.activities for i in after if i > copula)


def _lets_a_thing(sentence: Sentence, relation: Mention, effect: Mention) -> bool:
    """"Let the dough rest", "allow the sauce to thicken": a verb of letting whose object
    is a thing (an article and a word no lexicon knows) lets that thing do what follows;
    "lets your body rest" and "lets you sleep" still claim."""
    grammar = sentence.grammar
    base = sentence.start
    if sentence.words[relation.start - base][1] not in grammar.enabling or relation.end >= effect.start:
        return False
    if sentence.words[relation.end - base][0] not in grammar.articles:
        return False
    covered = {i for m in sentence.mentions if m.kind not in ("pattern",) for i in range(m.start, m.end)}
    between = range(relation.end + 1, effect.start)
    return any(i not in covered and sentence.words[i - base][0].isalpha() for i in between)


def _unnamed_effect(sentence: Sentence) -> list[Claim]:
    """"Zinc drives this process", "Iodine optimises your thyroid …": a
    substance that opens its sentence and is said to boost, drive or optimise something
    makes a claim even when no effect word follows. One said to be ideal or great for
    something names what that is: when no effect or condition was found there, it is a
    use ("ideal for baking"), not a benefit."""
    substances = sentence.of("substance")
    if not substances or not _opens(sentence, substances[0]) or sentence.of("disease", "medicinal"):
        return []  # what it does to a disease is a medicinal claim, judged as one
    subject = substances[0]
    doc = sentence.doc
    for relation in sentence.of("relation"):
        if relation.key == "strengthening" and 0 <= relation.start - subject.end <= VERB_REACH:
            if doc[relation.end - 1].lower_ in sentence.grammar.purpose_prepositions and not _for_reader(sentence, relation.end):
                return []  # "ideal for baking": what it is for is named, and it is no effect
            if negated_at(sentence, relation.start, []):
                return []
            effect = Mention("effect", UNNAMED, relation.start, relation.end)
            return [Claim(sentence, effect, [subject], [relation], how="verbal")]
    return []


def _for_reader(sentence: Sentence, index: int) -> bool:
    """"ideal for you", "great for your liver": what a thing is for belongs to the reader,
    so it is the reader's body, not a use."""
    return index < sentence.end and sentence.words[index - sentence.start][0] in sentence.grammar.reader


def describes_food(sentence: Sentence, effect: Mention) -> bool:
    """"sharp heat", "calming aroma", "energising colour": an effect word right before a
    word of taste, smell or texture describes the food, not the body."""
    return effect.end < sentence.end and sentence.words[effect.end - sentence.start][0] in sentence.grammar.food_qualities


SUBJECT_KINDS = ("substance", "product_nouns", "anaphors")
ELLIPSES = ("…", "...")  # a fragment after one goes on from the copy before it
REQUIREMENT_REACH = 3  # tokens between an effect and the requirement verb after it
OBJECT_REACH = 3  # tokens between a requirement verb and the substance it requires
REQUIRED_KINDS = ("substance", "anaphors", "demonstratives")  # what a requirement or dependency may take as object


def _requirements(sentence: Sentence) -> list[Mention]:
    """"needs", "depends on", "runs on" with a substance (or a pronoun for one) as their
    object: "Your muscles need magnesium", "Energy production depends on it", "Your brain
    depends on this mineral". Without that object ("You need a good night's sleep") they
    claim nothing."""
    objects = sentence.of(*REQUIRED_KINDS)
    words = sentence.words
    return [
        r for r in sentence.of("requirement")
        if any(
            0 <= o.start - r.end <= OBJECT_REACH and not any(w[2] for w in words[r.end - sentence.start:o.start - sentence.start])
            for o in objects
        )
    ]


RESULT_REACH = 2  # words between an effect or a disease and the result verb after it
PLACE_REACH = 2  # more words, when a phrase of place follows the effect or disease ("in my knees")


PASSIVE_REACH = 2  # auxiliaries between an effect and the participle after it ("is being supported")
AGENT_REACH = 3  # tokens between the participle and the agent it names ("by our daily capsules")
PARTICIPLE_ENDINGS = ("ed", "en")


def acted_on_by(sentence: Sentence, effect: Mention) -> list[Mention]:
    """"Your joints are supported by glucosamine", "healthy bones, supported by calcium":
    a relation verb in a passive after the effect, with an agent in the same clause (a
    substance, the product, a pronoun for one), claims the effect for that agent. A
    participle with no agent ("skin is protected") says nothing of the product."""
    doc, words, grammar = sentence.doc, sentence.words, sentence.grammar
    clause = sentence.clause_of(effect.start)
    agents = [
        m for m in sentence.of(*SUBJECT_KINDS)
        if m.start > effect.end and sentence.clause_of(m.start) == clause
        and words[m.start - sentence.start][0] not in grammar.possessives  # "by its outer layer": the body's own
    ]
    if not agents:
        return []
    found = []
    for relation in sentence.of("relation"):
        gap = words[effect.end - sentence.start:relation.start - sentence.start]
        if not 0 <= len(gap) <= PASSIVE_REACH or any(w[1] not in grammar.passive_auxiliaries and w[0] != "," for w in gap):
            continue
        if relation.key == "medicinal" or not doc[relation.start].lower_.endswith(PARTICIPLE_ENDINGS):
            continue
        markers = [
            i for i in range(relation.end, min(relation.end + AGENT_REACH, sentence.end))
            if words[i - sentence.start][0] in grammar.agent_markers
        ]
        if any(0 < a.start - i <= AGENT_REACH for i in markers for a in agents):
            found.append(relation)
    return found


def results_after(sentence: Sentence, mention: Mention) -> list[Mention]:
    """"Our peptides rebuild from within, so wrinkles soften and joints move freely",
    "… and the aches just melt away": a result verb right after an effect or a disease,
    in a sentence that names the product ("our …"), a substance or a pronoun for one
    before it, or goes on from an ellipsis, claims the change. So does one whose clause
    names the product or a substance after the verb ("cravings fade away with our
    gummies", "levels fell after a month on the capsules"), and a complaint a user tells
    gone in the first person ("my headaches stopped"), and a change the reader is invited to
    watch ("watch your cholesterol fall"): the change is put down to the product."""
    clause = sentence.clause_of(mention.start)
    reach = RESULT_REACH
    grammar = sentence.grammar
    if mention.end < sentence.end and sentence.words[mention.end - sentence.start][0] in grammar.locating | grammar.object_prepositions:
        reach += PLACE_REACH  # "the swelling in my knees subsided": where it was is part of the subject
    results = [
        r for r in sentence.of("result")
        if 0 <= r.start - mention.end <= reach and sentence.clause_of(r.start) == clause
        and not negated_at(sentence, r.start, [])
    ]
    if not results:
        return []
    if any(m.end <= mention.start for m in sentence.of(*SUBJECT_KINDS)):
        return results
    if _fragment(sentence):
        return results
    if any(m.start >= results[0].end and sentence.clause_of(m.start) == clause for m in sentence.of("substance", "product_nouns")):
        return results
    if any(0 <= mention.start - w.end <= 1 for w in sentence.of("witnessing")):
        return results  # "watch your cholesterol fall": the reader is invited to see the product work
    ours = sentence.grammar.product_determiners  # "Our marine peptides …"
    if any(lower in ours for lower, _, _, _ in sentence.words[:mention.start - sentence.start]):
        return results
    if mention.kind != "disease":
        return []  # "my energy dropped after lunch": a quantity's change told of a person is no claim
    if sentence.has("first_person") or sentence.story or _owned(sentence, mention):
        return results  # a complaint gone, told of a person ("my headaches stopped", "her reflux settled")
    return []


def _owned(sentence: Sentence, mention: Mention) -> bool:
    """"her reflux", "your bloating": a complaint said to be someone's."""
    return mention.start > sentence.start and sentence.words[mention.start - 1 - sentence.start][0] in sentence.grammar.possessives


def _reports_change(sentence: Sentence, effect: Mention, modifier: Mention) -> bool:
    """"Kidney function declines with age", "Gut health improves on a varied diet": a verb
    right after the effect with the effect as its subject tells what happens in the body;
    it claims something only where the sentence names a product, a substance or a pronoun
    for one, or goes on from the copy before it."""
    if modifier.kind != "modifier" or modifier.start != effect.end or not _singular(sentence.doc[modifier.start]):
        return False
    ours = sentence.grammar.product_determiners
    names_one = sentence.of(*SUBJECT_KINDS) or any(lower in ours for lower, _, _, _ in sentence.words)
    return not names_one and not _fragment(sentence)


def _fragment(sentence: Sentence) -> bool:
    """"… and the aches melt away": a sentence that opens on an ellipsis or in lower
    case goes on from the copy before it."""
    text = sentence.text.lstrip()
    return text.startswith(ELLIPSES) or text[:1].islower()


FRAME_REACH = 1  # words between a metaphor frame and its effect ("of your thyroid")


def _metaphors(sentence: Sentence) -> list[Mention]:
    """"Iodine is the spark plug of your thyroid": a frame right after a substance (or a
    pronoun for one) and right before an effect says the substance drives it."""
    subjects = sentence.of("substance", "anaphors")
    effects = sentence.of("effect")
    doc = sentence.doc
    return [
        Mention("metaphor", "strengthening", m.start + doc[m.start].is_punct, m.end)  # the mark is no word of it
        for m in sentence.of("metaphor_frames")
        if any(s.end == m.start for s in subjects) and any(0 <= e.start - m.end <= FRAME_REACH for e in effects)
    ]


def _objects(relations: list[Mention], substances: list[Mention]) -> list[Mention]:
    """The substances a requirement or dependency names right after it: a claim built
    on one is about them, wherever its effect stands."""
    constructions = [r for r in relations if r.kind in ("requirement", "dependency")]
    return [s for s in substances if any(0 <= s.start - r.end <= OBJECT_REACH for r in constructions)]


DEPENDENCY_REACH = 2  # words between "without" and what it takes away ("without enough of it")


def _dependency(sentence: Sentence) -> tuple[Mention, bool] | None:
    """"Without magnesium, …", "No iron, no …": a sentence that opens by taking a
    substance away claims what follows depends on it, negation and all. Said at the end
    of a denied clause ("Your muscles cannot relax without magnesium"), it claims the
    same of what comes before it. The flag says whether the dependency comes last."""
    for mention in taken_away(sentence):
        if _opens(sentence, mention):
            return mention, False
        clause = sentence.clause_of(mention.start)
        if any(
            n.end <= mention.start and n.start != mention.start and sentence.clause_of(n.start) == clause
            for n in sentence.of("negations")
        ):
            return mention, True
    return None


def taken_away(sentence: Sentence) -> list[Mention]:
    """The dependency words that take a substance (or a word for one) away: "without
    enough of it", "low iron", "skin that lacks it"; "without, …" takes nothing away."""
    objects = sentence.of(*REQUIRED_KINDS)
    words = sentence.words
    return [
        mention for mention in sentence.of("dependency")
        if any(
            0 <= o.start - mention.end <= DEPENDENCY_REACH
            and not any(w[2] for w in words[mention.end - sentence.start:o.start - sentence.start])
            for o in objects
        )
    ]


ADVERB_REACH = 2  # words between a subject and its verb ("It also gently calms")


def _verb_after_subject(sentence: Sentence, effect: Mention) -> bool:
    """"Magnesium calms …", "It also soothes …", "Our gummies calm …": an effect word in
    the verb's form right after a substance, a product noun or a pronoun, with at most
    two adverbs between; the plain form only after a plural ("gummies", "they")."""
    token = sentence.doc[effect.start]
    singular = _singular(token)
    plain = token.lemma_ == token.lower_
    if not singular and not plain:
        return False
    covered = {i for m in sentence.mentions for i in range(m.start, m.end)}
    position = effect.start
    for _ in range(ADVERB_REACH + 1):
        subjects = [m for m in sentence.of(*SUBJECT_KINDS) if m.end == position]
        if any(singular or _plural(sentence.doc[m.end - 1]) for m in subjects):
            return True
        position -= 1
        if position < sentence.start or position in covered or sentence.words[position - sentence.start][2]:
            return False
    return False


def _plural(token) -> bool:
    """A plural noun ("gummies", "capsules") or "they"; not the possessive "its"."""
    lower = token.lower_
    return lower == "they" or lower.endswith("s") and not lower.endswith("ss") and lower != "its"


def _opens(sentence: Sentence, mention: Mention) -> bool:
    fillers = sentence.grammar.caption_fillers
    return all(lower in fillers for lower, _, _, _ in sentence.words[: mention.start - sentence.start])


def _clause_start(sentence: Sentence, clause_of, index: int) -> int:
    start = index
    breaks = sentence.grammar.clause_breaks
    while start > sentence.start and clause_of(start - 1) == clause_of(index) and sentence.words[start - 1 - sentence.start][0] not in breaks:
        start -= 1
    return start


NAME_REACH = 2  # title-case words between an effect and the product noun that ends a name


def _in_product_name(sentence: Sentence, effect: Mention) -> bool:
    """"Calm Mind Complex", "Joint Comfort Capsules", "Slim & Tone Tea": an effect inside a
    product's name, a run of capitalised words (and the marks that join a list) that goes
    on past it and ends in a product noun, claims it. A one-word effect right before the
    noun names a kind of product ("Energy Bar", "Skin Cream") and is left to the other
    readings."""
    doc = sentence.doc
    joiners = sentence.grammar.list_joiners
    if not all(t.is_title for t in doc[effect.start:effect.end]):
        return False
    nouns = sentence.of("product_nouns")
    inside = {i for m in nouns for i in range(m.start, m.end)}
    for noun in nouns:
        between = range(effect.end, noun.start)
        least = 0 if len(effect) > 1 else 1
        named = [i for i in between if doc[i].lower_ not in joiners]
        if least <= len(between) <= NAME_REACH and (named or not between) and all(doc[i].is_title and i not in inside for i in named):
            return True
    return False


JOINING_MARKS = HYPHENS + ("/", "+", "*")  # inside a word when written without spaces
LISTING_ENTRY = 5  # words of one benefit phrase in a listing ("deep restful sleep")
LISTING_HEAD = 6  # words of any entry, the product's name among them ("Organic Milk Thistle Capsules")


def _listed(sentence: Sentence, effect: Mention) -> bool:
    """"Reishi Extract … deep restful sleep … stress resilience", "Moringa – hormone
    harmony – glowing skin", "Biotin gummies: hair growth accelerator": a product or
    plant followed by short verbless benefit phrases, set apart by marks, offers every
    effect one of them names. So does a short verbless fragment that goes on from, or
    leads into, such a listing across an ellipsis. A sentence with any clause in it
    (an auxiliary, a subject pronoun, a subordinator) is prose, not a listing."""
    grammar = sentence.grammar
    entries = _entries(sentence)
    if any(lower in grammar.clause_words for entry in entries for lower in entry[1]):
        return False
    place = next((n for n, entry in enumerate(entries) if entry[0][0] <= effect.start < entry[0][1]), None)
    if place is None or len(entries[place][1]) > LISTING_ENTRY or any(c.isdigit() for w in entries[place][1] for c in w):
        return False  # a long stretch is prose; one with a number an amount ("Energy per 100 g: …")
    if entries[place][1][0] in grammar.locating:
        return False  # "in response to stress": where or when, not a benefit
    if len(entries) > 1:
        # The first entry names the product ("Energy Balls: …"), read as a name elsewhere;
        # a listing that names no substance or product in any entry lists something else
        # ("Yoga mat – non-slip – calm blue").
        return (
            place > 0 and all(len(words) <= LISTING_HEAD for _, words in entries)
            and any(m.end <= effect.start or m.start >= effect.end for m in sentence.of("substance", "product_nouns"))
        )
    last = sentence.words[-1][0] if sentence.words else ""
    return _fragment(sentence) or last in ELLIPSES


def _named_last(sentence: Sentence, effect: Mention, substances: list[Mention]) -> list[Mention]:
    """"Calmer evenings – steadier moods – Saffron Capsules": a listing that names its
    product in a later entry is about the substances named there."""
    return [s for s in substances if s.start >= effect.end] if _listed(sentence, effect) else []


def _entries(sentence: Sentence) -> list[tuple[tuple[int, int], list[str]]]:
    """The entries of a sentence read as a listing: its stretches between listing marks
    (a hyphen or slash only when spaced, so "gut-friendly" stays one word), each with its token
    range and its words. Words that join ("and", "or") part the entries only beside a
    mark: "Conceals redness and evens out tone" is one stretch of prose."""
    marks = sentence.grammar.listing_marks
    words = sentence.words
    base = sentence.start
    entries: list[tuple[tuple[int, int], list[str]]] = []
    start, marked = 0, False
    for i, (lower, _, punct, spaced) in enumerate(words + [("", "", True, True)]):
        joined = lower in JOINING_MARKS and not (spaced or i > 0 and words[i - 1][3])  # "gut-friendly", "kJ/kcal"
        cut = i == len(words) or lower in marks and not joined or is_mark(lower) and not punct  # an emoji or arrow
        if not cut:
            continue
        if i < len(words) and not lower.isalpha():
            marked = True
        named = [w[0] for w in words[start:i] if not (w[2] or is_mark(w[0]))]
        if named:
            entries.append(((base + start, base + i), named))
        start = i + 1
    if marked or not entries:
        return entries
    whole = [w[0] for w in words if not (w[2] or is_mark(w[0]))]
    return [((base, base + len(words)), whole)]


def _caption_pair(effect: Mention, substances: list[Mention]) -> bool:
    """"LIONS MANE Focus & Memory": a substance right before an effect, nothing between."""
    return any(effect.start == s.end for s in substances)


def _subject(sentence: Sentence, effect: Mention, pivot: int, substances: list[Mention], clause_of, region_start: int) -> list[Mention]:
    """The substances a claim is about: those named since the previous claim of its clause
    ("Magnesium boosts energy, and vitamin B6 contributes to …"), else its clause's
    subject, else the sentence's."""
    substances = [s for s in substances if not bodys_own(sentence, s)]
    if not substances:
        return []
    doc = sentence.doc
    clause = clause_of(effect.start)
    before = [s for s in substances if s.end <= pivot]
    # "…, which contributes to": the substances right before the relative pronoun.
    relative = sentence.grammar.relative_pronouns
    rel = [i for i in range(before[-1].end if before else pivot, pivot) if doc[i].lower_ in relative] if before else []
    if rel:
        chain = _coordinated(before, doc, sentence.grammar.coordination)
        if len(chain) > 1 and _singular(doc[pivot]):
            chain = chain[-1:]
        return chain
    same_clause = [s for s in before if clause_of(s.start) == clause]
    recent = [s for s in same_clause if s.start >= region_start]
    if recent:
        return recent
    if same_clause:
        return same_clause
    if before:
        return before
    after = [s for s in substances if s.start >= effect.end and clause_of(s.start) == clause]
    return after


def _coordinated(before: list[Mention], doc, joiners: frozenset[str]) -> list[Mention]:
    """The list of substances ending at the last one, joined by commas, "and", "&"."""
    chain = [before[-1]]
    for mention in reversed(before[:-1]):
        gap = doc[mention.end:chain[0].start]
        if all(t.lower_ in joiners for t in gap):
            chain.insert(0, mention)
        else:
            break
    return chain


def _singular(token) -> bool:
    """Third-person singular verb form ("contributes", "helps")."""
    text = token.lower_
    return len(text) > 3 and text.endswith("s") and not text.endswith("ss") and token.lemma_ != text


def links_back(sentence: Sentence) -> bool:
    """Does the sentence open with a pronoun that refers to the sentence before ("It
    also …", "These results …")?"""
    return bool(sentence.words) and sentence.words[0][0] in sentence.grammar.pronoun_subjects


def answer_questions(sentences: list[Sentence], claims: dict[int, list[Claim]]) -> None:
    """"Struggling to sleep? Our magnesium spray can help.": a sentence saying that a
    substance or the product helps, without naming with what, answers the question just
    before it in the same block; the effect the question names is what it claims."""
    previous: Sentence | None = None
    for sentence in sentences:
        if previous is not None and previous.block is sentence.block and sentence.index not in claims and _asks(previous):
            asked = previous.of("effect", "standalone")
            answer = _answer(sentence, asked[0]) if asked else None
            if answer is not None:
                claims[sentence.index] = [answer]
        previous = sentence


def _asks(sentence: Sentence) -> bool:
    """A question, whether or not it also offers the product for what it names."""
    return sentence.asks and (sentence.offers or is_question(sentence))


def _answer(sentence: Sentence, asked: Mention) -> Claim | None:
    if is_advice(sentence) or sentence.has("disclaimers") or is_question(sentence):
        return None
    subjects = sentence.of("substance", "product_nouns")
    for relation in sentence.of("relation"):
        if relation.key == "medicinal" or negated_at(sentence, relation.start, []):
            continue
        clause = sentence.clause_of(relation.start)
        if any(s.end <= relation.start and sentence.clause_of(s.start) == clause for s in subjects):
            effect = Mention("effect", asked.key, relation.start, relation.end)
            substances = [s for s in sentence.of("substance") if s.end <= relation.start]
            return Claim(sentence, effect, substances, [relation], hedged=sentence.has("hedges"))
    return None
