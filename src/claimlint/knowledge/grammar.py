"""The grammar of one language: the words that structure copy rather than make claims.

Where sentences and clauses end, what joins a list, what fills a caption, which pronouns
point back and which words speak to the reader are read from the ``grammar`` packs of the
run's language (``rules/<language>/``), so the pipeline, the text reader, the claim builder
and the judges hold no words of their own and another language is a folder of packs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Grammar:
    sentence_ends: tuple[str, ...]  # a sentence ends after a run of these marks
    letter_stops: str  # letters whose full stop the tokenizer splits off ("vitamin C.")
    number_units: tuple[str, ...]  # units the tokenizer splits off a number written against them ("11lbs")
    lemma_cues: tuple[str, ...]  # verbs-pack lists the annotator marks by lemma
    form_cues: tuple[str, ...]  # … and by the lower-case form as written
    clause_breaks: frozenset[str]
    list_joiners: frozenset[str]
    listing_marks: frozenset[str]  # what separates the entries of a benefit listing
    clause_words: frozenset[str]  # auxiliaries, subject pronouns, subordinators: a clause, not a phrase
    copulas: frozenset[str]  # "is gut-friendly", "our answer is a walk": what follows describes or names the subject
    purpose_prepositions: frozenset[str]  # "ideal for baking": the use a thing serves
    food_qualities: frozenset[str]  # "sharp heat": an effect word before one describes the food
    coordination: frozenset[str]  # what joins substances sharing one verb
    nutrient_joiners: frozenset[str]
    caption_fillers: frozenset[str]
    relative_pronouns: frozenset[str]
    pronoun_subjects: frozenset[str]
    possessives: frozenset[str]
    possessive_marks: frozenset[str]  # "your joints' …": what the word before owns what comes after
    product_determiners: frozenset[str]  # "our collagen": the protein the product contains
    object_prepositions: frozenset[str]  # "works with your body": the body is what the product acts on
    passive_auxiliaries: frozenset[str]  # "joints are supported by …": the effect is acted on
    agent_markers: frozenset[str]  # "… by glucosamine": who acts in a passive
    adding_after_negation: frozenset[str]  # "not just": the negation adds a claim
    comparing_after_negation: frozenset[str]  # "never been clearer": the negation praises
    owning_after_negation: frozenset[str]  # "not me finally sleeping …": opening a sentence, the negation owns up
    degree_after_negation: frozenset[str]  # "never slept this well": … and so does one with a degree word
    praise_after_degree: frozenset[str]  # the words of praise after that degree word
    warning_continuations: frozenset[str]  # "Consult your doctor, particularly if …": the warning goes on
    denied_frames: frozenset[str]  # "no evidence that", "cannot promise that": a negated frame denies its content
    denying_words: frozenset[str]  # "nobody", "wrong": before a frame of saying, they deny as a negation does
    complementisers: frozenset[str]  # what opens that content ("that", "whether")
    denying_determiners: frozenset[str]  # "No food can …": a negation that opens its clause as the subject's determiner
    activities: frozenset[str]  # "walk", "weights": a habit an effect may be put down to instead of a product
    enabling: frozenset[str]  # lemmas of "let", "allow": with a thing as object, they let the thing act
    consulting: frozenset[str]  # "ask", "check with": before a health professional, advice to consult one
    hygiene_steps: frozenset[str]  # "wash", "rinse": opening a sentence that names no product, a direction
    comparing_after_denial: frozenset[str]  # "No other supplement can …": the negation compares, it does not deny
    denial_modals: frozenset[str]  # … and the modal after that subject
    normal: frozenset[str]  # lemmas of the register's "normal"
    perception_after: frozenset[str]  # "radiant-looking": an impression
    circumstances: frozenset[str]  # "during sleep": when something holds, not what is claimed
    times: frozenset[str]  # "as we sleep": with a person after them, also when something holds
    persons: frozenset[str]
    attributive: frozenset[str]  # "an essential mineral": describes, unless a claiming word follows the noun
    articles: frozenset[str]
    claiming_after_noun: frozenset[str]  # "an essential mineral for …": the description claims
    locating: frozenset[str]  # "proteins in cartilage": the head comes before one
    reader: frozenset[str]  # words that address the reader
    percent: frozenset[str]
    amount_of: frozenset[str]  # between an amount and its nutrient ("80 mg of vitamin C")
    nominals: Mapping[str, str]  # noun of relation -> the verb it stands for
    faithful_heads: frozenset[str]  # heads of authorised wordings that state no result
    heading_joiners: frozenset[str]  # a line ending in one runs on into the next
    quotes: tuple[str, ...]  # marks that open a quotation: a paragraph opening with one quotes someone
    people_possessives: frozenset[str]  # "their": after a study's people, it is theirs, not a substance's
    reference_headings: tuple[str, ...]  # a heading of a list of sources ("References")
    combination_openers: tuple[str, ...]  # a register substance naming a combination ("A combination of …")
    common_words: frozenset[str]  # too common to anchor a rule pattern
    vitamin_heads: tuple[str, ...]
    vitamin_letters: Mapping[str, str]  # letter as written, lower case -> substance key
    vitamin_joined: frozenset[str]  # letters a head may run into in a hashtag ("#vitaminc")
    compound_suffixes: tuple[str, ...]  # inflections a word may carry inside a hashtag

    @classmethod
    def from_packs(cls, packs: list[dict[str, Any]]) -> "Grammar":
        """Merge the grammar packs of a run: lists add up, mappings extend, later packs win."""
        lists: dict[str, list[str]] = {}
        maps: dict[str, dict[str, str]] = {}
        letter_stops = ""

        def add(name: str, value: Any) -> None:
            if isinstance(value, dict):
                maps.setdefault(name, {}).update(value)
            else:
                lists.setdefault(name, []).extend(v for v in value if v not in lists.get(name, ()))

        for pack in packs:
            for name, value in pack.items():
                if name in ("kind", "_path"):
                    continue
                if name in ("sentences", "cues", "vitamins"):
                    for part, inner in value.items():
                        if part == "letter_stops":
                            letter_stops += "".join(c for c in inner if c not in letter_stops)
                        else:
                            add(f"{name}.{part}", inner)
                else:
                    add(name, value)

        def words(name: str) -> frozenset[str]:
            return frozenset(lists.get(name, ()))

        return cls(
            sentence_ends=tuple(lists.get("sentences.ends", ())),
            letter_stops=letter_stops,
            number_units=tuple(lists.get("sentences.number_units", ())),
            lemma_cues=tuple(lists.get("cues.lemmas", ())),
            form_cues=tuple(lists.get("cues.forms", ())),
            clause_breaks=words("clause_breaks"),
            list_joiners=words("list_joiners"),
            listing_marks=words("listing_marks"),
            clause_words=words("clause_words"),
            copulas=words("copulas"),
            purpose_prepositions=words("purpose_prepositions"),
            food_qualities=words("food_qualities"),
            coordination=words("coordination"),
            nutrient_joiners=words("nutrient_joiners"),
            caption_fillers=words("caption_fillers"),
            relative_pronouns=words("relative_pronouns"),
            pronoun_subjects=words("pronoun_subjects"),
            possessives=words("possessives"),
            possessive_marks=words("possessive_marks"),
            product_determiners=words("product_determiners"),
            object_prepositions=words("object_prepositions"),
            passive_auxiliaries=words("passive_auxiliaries"),
            agent_markers=words("agent_markers"),
            adding_after_negation=words("adding_after_negation"),
            comparing_after_negation=words("comparing_after_negation"),
            owning_after_negation=words("owning_after_negation"),
            degree_after_negation=words("degree_after_negation"),
            praise_after_degree=words("praise_after_degree"),
            warning_continuations=words("warning_continuations"),
            denied_frames=words("denied_frames"),
            denying_words=words("denying_words"),
            complementisers=words("complementisers"),
            denying_determiners=words("denying_determiners"),
            activities=words("activities"),
            enabling=words("enabling"),
            consulting=words("consulting"),
            hygiene_steps=words("hygiene_steps"),
            comparing_after_denial=words("comparing_after_denial"),
            denial_modals=words("denial_modals"),
            normal=words("normal"),
            perception_after=words("perception_after"),
            circumstances=words("circumstances"),
            times=words("times"),
            persons=words("persons"),
            attributive=words("attributive"),
            articles=words("articles"),
            claiming_after_noun=words("claiming_after_noun"),
            locating=words("locating"),
            reader=words("reader"),
            percent=words("percent"),
            amount_of=words("amount_of"),
            nominals=maps.get("nominals", {}),
            faithful_heads=words("faithful_heads"),
            heading_joiners=words("heading_joiners"),
            quotes=tuple(lists.get("quotes", ())),
            people_possessives=words("people_possessives"),
            reference_headings=tuple(lists.get("reference_headings", ())),
            combination_openers=tuple(lists.get("combination_openers", ())),
            common_words=words("common_words"),
            vitamin_heads=tuple(lists.get("vitamins.heads", ())),
            vitamin_letters=maps.get("vitamins.letters", {}),
            vitamin_joined=words("vitamins.joined"),
            compound_suffixes=tuple(lists.get("compound_suffixes", ())),
        )
