"""Forms of copy that claim without a plain sentence of substance, verb and effect: a
question the copy answers itself, diary frames of a user's report, fear appeals that
name a substance (the SUBSTANCE slot of the pattern language), weight-loss amounts,
endorsements, comparisons and running down of ordinary products, and claims of proof.
Each form has fail cases with the words it marks and near-misses that must stay silent."""

from __future__ import annotations

import pytest

from claimlint.language.patterns import PatternError, compile_phrase


def marked(engine, text: str) -> list[tuple[str, str]]:
    return sorted((f.code, f.excerpt[slice(*f.excerpt_span)]) for f in engine.lint_text(text))


@pytest.mark.parametrize("text, expected", [
    ("Stress? Handled.", ("HC101", "Stress")),
    ("Sleep? Sorted.", ("HC103", "Sleep")),
    ("Brain fog? Gone.", ("MC201", "Brain fog")),
    ("Cramps? Not since I started the magnesium spray.", ("MC201", "Cramps")),
])
def test_a_question_the_copy_answers_by_saying_the_trouble_is_over_claims(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text, expected", [
    ("Struggling to sleep? Try our magnesium gummies.", ("HC103", "sleep")),
    ("Achy joints? Our turmeric capsules are your new best friend.", ("MC201", "Achy")),
])
def test_a_question_about_a_trouble_answered_with_the_product_offers_it(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Questions about your order? Sorted within a day by our team.",
    "Looking for a gift? Try our hamper.",
    "Gluten free? Yes, our gummies are.",
    "Short on energy? Our café serves porridge from 7am.",
    "Is it safe in pregnancy? Our capsules are not suitable for pregnant women.",
])
def test_questions_answered_about_other_things_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Been taking them three weeks and my hair is thicker.", ("HC103", "hair")),
    ("Two weeks on magnesium and I sleep through the night.", ("HC101", "sleep")),
])
def test_diary_frames_make_a_report_a_testimonial(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text, expected", [
    ("Low zinc could be the real reason your nails keep splitting.", ("MC204", "Low zinc could be the real reason")),
    ("Late nights and coffee burn through your magnesium.", ("MC204", "burn through your magnesium")),
    ("Deficient in iron and don't even know it?", ("MC204", "Deficient in iron and don't even know")),
    ("Don't let low vitamin B12 steal your sparkle.", ("MC204", "Don't let low vitamin B12 steal")),
])
def test_fear_appeals_naming_a_substance(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Low light is the reason we pick at dawn.",
    "Drain the lentils and rinse them under cold water.",
    "Low in saturated fat and a source of fibre.",
])
def test_low_or_drained_things_that_are_no_nutrient_stay_silent(engine, text):
    assert marked(engine, text) == []


def test_a_substance_slot_takes_a_whole_substance_name(engine):
    assert ("MC204", "Low vitamin B12 could be the hidden cause") in marked(engine, "Low vitamin B12 could be the hidden cause of your slump.")


def test_a_substance_slot_cannot_be_optional():
    with pytest.raises(PatternError, match="cannot be optional"):
        compile_phrase("low SUBSTANCE? levels", str.lower, str.split)


@pytest.mark.parametrize("text, expected", [
    ("I went from a size 16 to a 12 in ten weeks.", ("MC202", "from a size 16 to a 12 in")),
    ("Shed those last 4 pounds before the wedding.", ("MC202", "Shed those last 4 pounds")),
    ("Three weeks in and down a whole dress size.", ("MC202", "down a whole dress size")),
    ("Burn up to 400 extra calories a day.", ("MC202", "Burn up to 400 extra calories a day")),
])
def test_weight_loss_amounts_in_their_forms(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text, expected", [
    ("Dietitians love it for busy mornings.", ("MC203", "Dietitians love it")),
    ("Eight in ten pharmacists recommend our zinc.", ("MC203", "Eight in ten pharmacists recommend")),
    ("Professor Ward, a leading immunologist, developed our blend.", ("MC203", "Professor Ward, a leading immunologist, developed our")),
])
def test_endorsements_by_professionals(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Ask your pharmacist if you are unsure which dose suits you.",
    "Professor Ward opened our new bakery in May.",
    "Each pouch weighs 500 g and lasts 30 days.",
])
def test_advice_and_facts_near_art12_forms_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Twice as effective as ordinary magnesium tablets.", ("OS501", "Twice as effective as")),
    ("Stronger than the leading brand.", ("OS501", "Stronger than the leading brand")),
    ("Ordinary magnesium tablets pass straight through you.", ("OS504", "Ordinary magnesium tablets pass straight through")),
    ("Most multivitamins are just expensive pee.", ("OS504", "expensive pee")),
])
def test_comparisons_and_running_down_ordinary_products(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Our tubs hold twice as much powder as the sachets.",
    "Unlike most protein bars, ours is baked, not pressed.",
    "Most vitamins are best taken with food.",
])
def test_factual_comparisons_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Backed by over 100 studies, our turmeric soothes sore joints.", "EV401"),
    ("Over 50 clinical trials back ashwagandha for stress.", "EV401"),
])
def test_counts_of_studies_claim_proof(engine, text, expected):
    assert expected in {code for code, _ in marked(engine, text)}


def test_an_honest_caveat_about_missing_evidence_stays_silent(engine):
    assert marked(engine, "More studies are needed before firm conclusions can be drawn.") == []


@pytest.mark.parametrize("text, expected", [
    ("Want deeper sleep?", ("HC103", "deeper sleep")),
    ("Fancy a metabolism boost?", ("HC103", "metabolism boost")),
])
def test_a_question_holding_an_effect_out_to_the_reader_claims(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Want to know more about our ingredients?",
    "Does vitamin C help the immune system?",
    "Need help choosing a flavour?",
])
def test_questions_that_ask_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Each gummy has more vitamin C than an orange.", ("NC303", "more vitamin C than an")),
    ("Higher in fibre than porridge.", ("NC303", "Higher in fibre than")),
])
def test_comparisons_of_nutrient_content(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", ["30% less sugar than regular cola.", "Rich in vitamin C, like an orange."])
def test_comparisons_with_the_difference_stated_stay_silent(engine, text):
    assert marked(engine, text) == []


NUTRIENTS = {"profile": "food", "basis": "per_100g", "nutrients": {"vitamin C": "2 mg", "iron": "0.5 mg", "sugars": "12 g"}}


@pytest.mark.parametrize("text, expected", [
    ("Bursting with vitamin C.", ("NC301", "Bursting with vitamin C")),
    ("A good dose of iron in every bowl.", ("NC301", "good dose of iron")),
    ("Zero added sugar.", ("NC301", "Zero added sugar")),
])
def test_nutrition_claims_in_other_words_are_judged_as_the_annex_claim(engine, text, expected):
    from claimlint.knowledge.profile import Profile

    profile = Profile.from_mapping({**NUTRIENTS, "nutrients": {**NUTRIENTS["nutrients"], "added sugars": "4 g"}})
    found = sorted((f.code, f.excerpt[slice(*f.excerpt_span)]) for f in engine.lint_text(text, profile=profile))
    assert expected in found


def test_full_of_a_word_that_is_no_nutrient_claims_nothing(engine):
    from claimlint.knowledge.profile import Profile

    assert engine.lint_text("Full of flavour and packed with crunch.", profile=Profile.from_mapping(NUTRIENTS)) == []


def test_a_word_class_stands_for_its_words():
    patterns = compile_phrase("nature's @medicines", str.lower, str.split, {"medicines": ["statin", "sleeping pill"]})
    assert [{"LEMMA": "nature's"}, {"LEMMA": "statin"}] in patterns
    assert [{"LEMMA": "nature's"}, {"LEMMA": "sleeping"}, {"LEMMA": "pill"}] in patterns


def test_an_unknown_word_class_is_a_pattern_error():
    with pytest.raises(PatternError, match="unknown word class @drugz"):
        compile_phrase("nature's @drugz", str.lower, str.split, {"medicines": ["statin"]})


@pytest.mark.parametrize("text, expected", [
    ("A natural statin in every capsule.", ("MC206", "natural statin")),
    ("Our chamomile gummies: nature's Valium.", ("MC206", "nature's Valium")),
])
def test_medicine_comparisons_through_the_medicines_class(engine, text, expected):
    assert expected in marked(engine, text)


def test_a_word_class_may_be_one_alternative_of_a_group():
    patterns = compile_phrase("(@medicines|pill) free", str.lower, str.split, {"medicines": ["statin"]})
    assert patterns == [[{"LEMMA": {"IN": ["statin", "pill"]}}, {"LEMMA": "free"}]]


def test_professionals_of_the_class_endorse(engine):
    assert ("MC203", "Osteopaths love it") in marked(engine, "Osteopaths love it for stiff backs.")
