"""Claims as ad copy says them every day: colloquial verbs ("sorts out", "kicks",
"takes the edge off"), a complaint put as a short question and answered with a
resolution ("Brain fog? Sorted."), and near-misses in the same words that claim nothing."""

from __future__ import annotations

import pytest

from claimlint.knowledge.profile import Profile


def marked(engine, text: str) -> list[tuple[str, str]]:
    return sorted((f.code, f.excerpt[slice(*f.excerpt_span)]) for f in engine.lint_text(text))


@pytest.mark.parametrize("text, expected", [
    ("Magnesium kicks muscle cramps.", ("MC201", "kicks muscle cramps")),
    ("Echinacea knocks out colds faster.", ("MC201", "knocks out colds")),
    ("Our shot takes the edge off hay fever.", ("MC201", "takes the edge off hay fever")),
    ("Ginger puts an end to travel sickness.", ("MC201", "puts an end to travel sickness")),
    ("Iron sorts out your energy.", ("HC103", "sorts out your energy")),
    ("Zinc turbo-charges your defences.", ("HC103", "turbo-charges your defences")),
    ("Valerian sends you off to sleep in minutes.", ("HC101", "sends you off to sleep")),
])
def test_colloquial_verbs_relate_a_substance_to_an_effect_or_a_complaint(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Kicks off your morning with a zing of lemon.",
    "Sorts out your packed lunch in seconds.",
    "Fixes the lid problem with a new screw cap.",
    "Cut the sugar, keep the taste.",
    "Cut into slices and serve with yoghurt.",
    "Knock out a quick breakfast in two minutes.",
])
def test_colloquial_verbs_without_an_effect_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Brain fog? Sorted.", ("MC201", "Brain fog")),
    ("Hangover? Not with these.", ("MC201", "Hangover")),
    ("Low energy? Try our morning shot.", ("HC103", "Low energy")),
    ("Achy joints? We've got you.", ("MC201", "Achy")),
])
def test_a_complaint_asked_and_answered_with_a_resolution_claims(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Struggling to choose? Try our quiz.",
    "Stressed about gifts? Our bundles are sorted.",
    "Tired of bland snacks? Meet our new range.",
    "Got a cold? See your pharmacist.",
    "Hot flushes? Talk to your GP.",
    "Is vitamin C good for colds? Try our guide to the research.",
])
def test_questions_without_a_complaint_resolved_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Want better sleep? Start here.", ("HC103", "better sleep")),
    ("Fed up with bloating?", ("MC201", "bloating")),
    ("Why settle for dull, tired skin?", ("HC103", "settle for dull, tired skin")),
    ("Can't sleep? Our night drops are here to help.", ("HC103", "help")),
])
def test_questions_of_wanting_or_being_fed_up_offer_the_product(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Want to know more about sleep? Read our blog.",
    "Looking for a gift? Try our bundles.",
    "Need a healthy snack? Grab an apple.",
])
def test_questions_that_offer_nothing_for_an_effect_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Never suffer from cramps again.", ("MC201", "suffer from cramps")),
    ("Say no to sleepless nights.", ("MC201", "Say no to sleepless nights")),
    ("You don't have to put up with hot flushes.", ("MC201", "don't have to put up with hot flushes")),
    ("Life without eczema is possible.", ("MC201", "Life without eczema")),
    ("Fewer sick days this winter.", ("MC201", "Fewer sick days")),
    ("Shorter colds.", ("MC201", "Shorter colds")),
    ("Seek out our turmeric shots to soothe stiff joints.", ("MC201", "soothe stiff joints")),
])
def test_a_complaint_denied_or_made_fewer_promises_its_relief(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Never miss a delivery again.",
    "Say no to plastic packaging.",
    "Forget about washing up with our paper plates.",
    "Fewer calories, same taste.",
    "Shorter queues at checkout.",
    "Ask your pharmacist if you take blood thinners.",
    "Seek medical advice if you have a heart condition.",
])
def test_denials_without_a_complaint_and_real_advice_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Soothes tummy troubles.", ("MC201", "Soothes tummy troubles")),
    ("Stops the sniffles.", ("MC201", "Stops the sniffles")),
    ("Reduces swollen ankles.", ("MC201", "Reduces swollen ankles")),
    ("Beats the afternoon slump.", ("HC103", "Beats the afternoon slump")),
    ("Shed those extra pounds the natural way.", ("HC103", "Shed those extra pounds")),
    ("Target stubborn fat with our green tea capsules.", ("HC101", "Target stubborn fat")),
])
def test_everyday_names_of_complaints_and_of_weight(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Save pounds on every order.",
    "Trim the stalks and rinse.",
])
def test_weight_words_in_other_senses_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Loaded with gut-loving fibre.", ("HC103", "gut-loving")),
    ("Cholesterol-lowering oats with beta-glucan.", ("HC103", "Cholesterol-lowering")),
    ("Liver-loving milk thistle.", ("HC101", "Liver-loving")),
    ("Fatigue-fighting iron.", ("HC103", "Fatigue-fighting")),
])
def test_hyphenated_compounds_claim_for_the_substance_they_describe(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Skin-friendly fabric.",
    "Eco-friendly packaging.",
    "Family-friendly recipes.",
])
def test_compounds_that_describe_no_substance_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("If you suffer from hay fever, our local honey eases the sneezing.", ("MC201", "suffer from hay fever")),
    ("Whether you're dealing with bloating or cramps, our enzymes help.", ("MC201", "bloating or cramps")),
    ("If you have trouble sleeping, try our magnesium spray.", ("MC201", "trouble sleeping")),
])
def test_copy_addressed_to_sufferers_offers_the_product_for_the_condition(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "If you have kidney disease, speak to your GP before using our magnesium.",
    "If you have an allergy to nuts, our bars are made in a nut-free kitchen.",
])
def test_conditions_in_warnings_to_sufferers_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Calm in a capsule.", ("HC101", "Calm in a capsule")),
    ("Your daily dose of calm.", ("HC101", "dose of calm")),
])
def test_an_effect_put_in_a_vessel_or_dosed_is_offered(engine, text, expected):
    assert expected in marked(engine, text)


def test_a_shot_of_coffee_in_a_can_claims_nothing(engine):
    assert marked(engine, "A shot of espresso in a can.") == []


def test_a_body_word_that_names_the_product_does_not_make_the_copy_describe_the_body(engine):
    findings = engine.lint_text("Body lotion that boosts circulation.", profile=Profile.from_mapping({"profile": "cosmetic"}))
    assert [(f.code, f.excerpt[slice(*f.excerpt_span)]) for f in findings] == [("MC205", "boosts circulation")]


@pytest.mark.parametrize("text, expected", [
    ("Lavender has relaxing properties.", ("HC101", "relaxing properties")),
    ("Ashwagandha, nature's stress reliever.", ("HC101", "stress reliever")),
])
def test_a_noun_that_offers_an_effect_after_it(engine, text, expected):
    assert expected in marked(engine, text)


def test_high_energy_food_is_a_nutrition_fact_not_a_claim(engine):
    assert marked(engine, "High-energy food for hikers.") == []


@pytest.mark.parametrize("text, expected", [
    ("Makes a real difference to bloating.", ("MC201", "difference to bloating")),
    ("Gets to work on aches in minutes.", ("MC201", "work on aches")),
    ("Gets to the root of gut issues.", ("HC103", "Gets to the root of gut")),
    ("Works with your body to restore sleep.", ("HC103", "restore sleep")),
])
def test_what_the_product_works_on_and_the_body_it_works_with(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "We work on new flavours every month.",
    "Please address letters to our office.",
    "In the body, enzymes use zinc to repair tissue.",
])
def test_work_and_address_in_other_senses_and_the_body_as_subject_stay_silent(engine, text):
    assert marked(engine, text) == []
