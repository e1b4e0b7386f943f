"""Claims made the way web shops list benefits: a product or plant followed by short
verbless benefit phrases set apart by ellipses, dashes, bars, colons or commas; a
-friendly or -loving compound said of the product after a copula; praise of a body
part's state ("a happy gut"); and "ideal for" a use. Each has fail cases with the span
they mark and near-misses (taste, texture, origin, amounts, prose, authorised wording)
that must stay silent."""

from __future__ import annotations

import pytest


def marked(engine, text: str) -> list[tuple[str, str]]:
    return sorted((f.code, f.excerpt[slice(*f.excerpt_span)]) for f in engine.lint_text(text))


@pytest.mark.parametrize("text, expected", [
    ("Ashwagandha Gummies … cortisol control … calmer evenings", [("HC101", "calmer"), ("HC101", "cortisol")]),
    ("Nettle Tea – kidney flush – clearer complexion", [("HC101", "clearer complexion"), ("HC101", "kidney")]),
    ("Zinc Lozenges: immune resilience", [("HC103", "immune resilience")]),
    ("Turmeric Capsules | joint mobility | stiffness relief", [("HC102", "joint mobility"), ("MC201", "stiffness")]),
])
def test_benefit_phrases_after_a_product_name_are_claims_for_it(engine, text, expected):
    assert marked(engine, text) == expected


def test_an_effect_word_before_a_word_of_taste_describes_the_food(engine):
    assert marked(engine, "Peppermint tea with a calming aroma and a clean finish.") == []
    assert marked(engine, "Peppermint tea for a calmer evening.") != []


def test_and_parts_two_benefits_of_one_entry_only_beside_a_mark(engine):
    assert marked(engine, "Colostrum Powder: gut barrier integrity and immune priming") == [
        ("HC102", "gut barrier integrity"), ("HC102", "immune")]
    assert marked(engine, "Conceals redness and evens out skin tone.") == []


def test_every_fragment_of_an_ellipsis_listing_is_about_the_product_it_opens_with(engine):
    findings = engine.lint_text("Hawthorn Drops … steadier heartbeat … calmer evenings")
    assert [(f.code, f.excerpt[slice(*f.excerpt_span)]) for f in findings] == [("HC101", "steadier heartbeat"), ("HC101", "calmer")]
    assert all("hawthorn" in f.message.lower() for f in findings)


def test_a_fragment_after_an_ellipsis_carries_the_listing_on(engine):
    assert marked(engine, "calmer afternoons …") == [("HC101", "calmer")]
    assert marked(engine, "cherry flavour …") == []


@pytest.mark.parametrize("text", [
    "Ashwagandha Gummies … cherry flavour … soft chew",
    "Ginger Shots … sharp heat … cold-pressed in small batches",
    "Energy Bites: oats, dates and cocoa nibs",
    "Nutrition per 100 g: energy 1620 kJ, fat 12 g",
    "When you are tired, energy is hard to find.",
    "Cells release signals — in response to stress, heat and noise.",
    "Yoga mat – non-slip – 6 mm – calm blue",
    "Occasion: birthdays, weddings, relaxing weekends",
    "Our linen is skin-friendly.",
    "This granola is vegan-friendly.",
    "Our cheese board: strong cheddar, soft brie",
    "A healthy heart of palm salad.",
    "Sinus rinse bottle, 240 ml.",
    "Comfort food for cold nights.",
    "Zinc Lozenges … zinc contributes to the normal function of the immune system",
])
def test_taste_names_amounts_prose_things_and_authorised_wording_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    # a compound said of the product after a copula
    ("This ginger tea is liver-loving.", [("HC101", "liver-loving")]),
    # praise of a body part's state
    ("Lemon balm drops for a settled, soothed stomach.", [("HC101", "for a settled, soothed stomach")]),
    ("Fennel tea for a happy gut.", [("HC101", "for a happy gut")]),
    # a part of the airways with "comfort"
    ("Quercetin Complex … histamine balance … sinus comfort", [("HC101", "sinus comfort")]),
])
def test_parts_and_compounds_said_of_the_product_claim(engine, text, expected):
    assert marked(engine, text) == expected


def test_ideal_for_a_use_is_no_claim_but_ideal_for_an_effect_is(engine):
    assert marked(engine, "Ginger is great for gingerbread.") == []
    assert marked(engine, "Dandelion coffee is ideal for an afternoon cup.") == []
    assert marked(engine, "Artichoke is ideal for your liver.") != []


def test_a_compound_before_a_word_for_a_tea_claims_for_the_tea(engine):
    assert marked(engine, "Hibiscus, the tangy heart-loving infusion.") == [("HC101", "heart-loving")]
    assert marked(engine, "A fruity hibiscus infusion, served iced.") == []


def test_a_condition_named_in_the_singular_before_relief_is_medicinal(engine):
    assert marked(engine, "Sage Capsules … hot flush relief") == [("MC201", "hot flush")]


def test_a_listed_benefit_cites_the_law_and_no_other_substances_wording(engine):
    findings = engine.lint_text("Propolis Spray … throat defence … seasonal shield")
    assert [f.code for f in findings] == ["HC102"]
    rejected = findings[0]
    assert rejected.references[0].startswith("Regulation (EC) No 1924/2006, Art 10(1)")
    assert rejected.references[1].startswith("POL-HC-")  # the non-authorised entry for propolis and immunity
    assert rejected.suggestions == []  # no wording of zinc or vitamin C offered for a propolis spray
    assert "propolis" in rejected.message.lower()


def test_a_listing_may_name_its_product_last(engine):
    assert marked(engine, "Calmer evenings – steadier moods – Saffron Capsules") == [("HC101", "steadier moods")]
