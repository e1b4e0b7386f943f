"""Claims made the way social posts, headlines and pack slogans make them: praise owned by
a part of the body, captions strung together with emoji, vitality verbs with a day or the
body as object, wholesome words that promise something to a person, comparatives of a
person, anti-ageing idioms, energy that lasts, resolution slogans, praise after "never"
and comparisons that run ordinary products down. Each has fail cases with the span they
mark and near-misses that describe food, a recipe or a thing and must stay silent."""

from __future__ import annotations

import pytest


def marked(engine, text: str) -> list[tuple[str, str]]:
    return sorted((f.code, f.excerpt[slice(*f.excerpt_span)]) for f in engine.lint_text(text))


@pytest.mark.parametrize("text, expected", [
    ("Selenium: your thyroid's trusty sidekick.", ("HC103", "thyroid's trusty sidekick")),
    ("Vitamin C, your immune system's best friend all winter.", ("HC103", "immune system's best friend")),
    ("Kefir: a love letter to your tummy.", ("HC102", "a love letter to your tummy")),
    ("Omega-3 — nature's gift to your heart.", ("HC103", "nature's gift to your heart")),
    ("Ginkgo: brain food for busy days.", ("HC101", "brain food for")),
    ("Elderberry: winter armour in a bottle.", ("HC102", "winter armour in a bottle")),
])
def test_a_substance_and_a_praise_noun_phrase_about_the_body_claim(engine, text, expected):
    assert expected in marked(engine, text)


def test_emoji_between_effects_leave_a_caption_a_caption(engine):
    assert [code for code, _ in marked(engine, "Sleep 😴 Calm 🌙 Focus 🎯")] == ["HC101", "HC103", "HC103"]
    assert marked(engine, "Breakfast 🥣 Lunch 🥗 Dinner 🍝") == []


@pytest.mark.parametrize("text, expected", [
    ("Power up your afternoons with our oat bites.", ("HC106", "Power up your afternoons")),
    ("Fuel your whole day the natural way.", ("HC106", "Fuel your whole day")),
    ("Say goodbye to sluggish mornings.", ("HC106", "goodbye to sluggish mornings")),
    ("Your daily reset, in one glass.", ("HC106", "Your daily reset")),
    ("Unlock your body's full potential.", ("HC106", "Unlock your body's full potential")),
    ("Your body's favourite winter bodyguard.", ("HC106", "Your body's favourite winter bodyguard")),
    ("From frazzled to focused in one week.", ("HC106", "From frazzled to")),
    ("Wake up feeling renewed.", ("HC106", "feeling renewed")),
    ("Glow starts in your gut.", ("HC106", "Glow starts in your gut")),
])
def test_vitality_promised_to_a_day_a_person_or_the_body_is_a_general_claim(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text, expected", [
    ("Wholesome goodness for your whole body.", ("HC106", "Wholesome goodness for your whole body")),
    ("Nutritious bites that keep you going strong.", ("HC106", "keep you going strong")),
    ("Nutrients your cells are craving.", ("HC106", "your cells are craving")),
])
def test_wholesome_words_that_promise_something_to_a_person_claim(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Wholesome goodness from our family farm.",
    "Nutritious bites for the lunchbox.",
    "Nourishing body butter with cocoa.",
    "Power up your laptop before the meeting.",
    "Fuel your car at our forecourt.",
    "Say goodbye to soggy sandwiches.",
    "Your daily paper, delivered.",
    "Your order, sorted.",
    "From farm to fork.",
])
def test_wholesome_words_and_vitality_verbs_about_food_or_things_stay_silent(engine, text):
    assert marked(engine, text) == []


def test_a_nourishing_cosmetic_stays_silent_after_other_sentences(engine):
    """The exception that names the cosmetic holds wherever its sentence stands."""
    text = "Say goodbye to soggy sandwiches.\n\nNourishing body butter with cocoa is back in the shop."
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Meet the leaner, fitter you.", ("HC106", "Meet the leaner, fitter you")),
    ("Turn back the clock on tired skin.", ("HC106", "Turn back the clock on tired skin")),
    ("Take years off your complexion.", ("HC106", "Take years off your complexion")),
    ("Age backwards with every scoop.", ("HC106", "Age backwards")),
])
def test_transformation_and_anti_ageing_idioms_claim(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Turn back the clock to grandma's kitchen.",
    "Meet the new you-shaped cushion.",
    "The healthiest breakfast you can buy is still porridge.",  # a superlative of food, not "a healthier you"
])
def test_idioms_about_things_are_no_transformation_of_a_person(engine, text):
    assert not any(code == "HC106" and "you" in span.split()[-1:] for code, span in marked(engine, text))
    assert not any("clock" in span for _, span in marked(engine, text))


@pytest.mark.parametrize("text, expected", [
    ("Slow-release energy from ancient grains.", ("HC103", "Slow-release energy")),
    ("Energy that lasts through the school run.", ("HC103", "Energy that lasts")),
    ("Digestion, sorted.", ("HC103", "Digestion")),
    ("Since switching I've never slept this well.", ("HC103", "slept")),
    ("My digestion has been transformed.", ("HC103", "digestion")),
    ("My afternoons have never been better.", ("HC106", "My afternoons have never been better")),
])
def test_lasting_energy_resolutions_and_informal_testimonials_claim(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Slow-release fertiliser pellets.",
    "I've never baked this well.",
    "I have never slept in a tent.",
])
def test_the_same_forms_without_an_effect_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Twice the antioxidants of green tea.", ("OS501", "Twice the antioxidants of")),
    ("Standard multivitamins do nothing for your energy.", ("OS501", "Standard multivitamins do nothing")),
    ("Most probiotics never reach your gut.", ("OS501", "Most probiotics never")),
])
def test_comparisons_that_run_ordinary_products_down(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Twice the fruit of our old recipe.",
    "Most supermarket loaves are sliced thin.",
])
def test_comparisons_of_recipes_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Benefits: sleep, calm, focus.", ("HC103", "sleep")),
    ("Get your glow back with one scoop a day.", ("HC106", "Get your glow back")),
    ("Be your healthiest self this spring.", ("HC106", "your healthiest self")),
    ("Berry chews that put the spring back in your step.", ("HC106", "put the spring back in your step")),
    ("For anyone who wants to feel more like themselves.", ("HC106", "feel more like themselves")),
    ("Notice the difference in your energy.", ("HC103", "difference in your energy")),
    ("A lasting boost, minus the slump.", ("HC103", "lasting boost")),
])
def test_benefit_lists_and_everyday_promises_claim(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Benefits of joining: free delivery and early access.",
    "Get your order back within thirty days.",
    "Feel the difference of stone-ground flour.",
    "Spring is back in the orchard.",
])
def test_benefit_labels_and_everyday_phrases_about_shopping_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("B vitamins turn your food into fuel.", ("HC103", "turn your food into fuel")),
    ("Psyllium keeps things running smoothly.", ("HC103", "keeps things running smoothly")),
    ("Lemon balm for calmer nights.", ("HC101", "for calmer nights")),
    ("Holy basil helps you handle pressure.", ("HC101", "helps you handle pressure")),
    ("Iron puts the colour back in your cheeks.", ("HC106", "puts the colour back in your cheeks")),
])
def test_everyday_words_for_register_and_lay_effects_claim(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Thiamin is found in pork, peas and wholegrains.",
    "Keep it in a cool, dry place.",
    "Put the colour back into your garden with our bulbs.",
])
def test_the_same_words_about_food_and_things_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Figs are a natural source of energy.", ("HC103", "natural source of energy")),
    ("Pure, natural energy from oats and honey.", ("HC103", "natural energy")),
    ("A natural energy lift for the school run.", ("HC103", "natural energy")),
    ("Releases energy slowly all morning.", ("HC103", "Releases energy slowly")),
    ("Honest fuel for active bodies.", ("HC106", "fuel for active bodies")),
])
def test_natural_energy_is_a_promise_of_vitality(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Energy 1650 kJ / 394 kcal per 100 g.",
    "Figs are a natural source of fibre.",
    "Pure, natural ingredients from oats and honey.",
    "Wholesome snacks for growing appetites.",
    "Energy value: 210 kcal per bar.",
])
def test_energy_as_calories_and_food_as_food_stay_silent(engine, text):
    assert marked(engine, text) == []


def test_a_general_promise_is_judged_as_a_food_claim_only_for_foods(engine):
    """Art 10(3) of Regulation 1924/2006 binds foods: the same promise on a face cream is no
    HC106 finding (Regulation 655/2013 judges cosmetics)."""
    from claimlint.knowledge.profile import Profile

    text = "Get your glow back."
    food = {f.code for f in engine.lint_text(text, profile=Profile.from_mapping({"profile": "food_supplement"}))}
    cosmetic = {f.code for f in engine.lint_text(text, profile=Profile.from_mapping({"profile": "cosmetic"}))}
    assert "HC106" in food and "HC106" not in cosmetic


@pytest.mark.parametrize("text, expected", [
    ("Slim & Tone Tea", ("HC103", "Slim")),
    ("Metabolism Max", ("HC103", "Metabolism")),
    ("Focus Pro", ("HC103", "Focus")),
])
def test_product_names_joined_by_an_ampersand_or_ending_in_a_grade_claim(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", ["Fish & Chips Tea", "Bread & Butter Pudding", "Energy Bar"])
def test_names_of_dishes_and_kinds_of_product_stay_silent(engine, text):
    assert marked(engine, text) == []
