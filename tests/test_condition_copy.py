"""Copy that presents a product for a condition without a verb of treatment: an audience
named by its condition, a complaint or a body quantity said to go away or fall, a
pharmacological or antimicrobial action, a cosmetic verb that reaches the skin's own
proteins; and the near-misses in the same words that claim nothing (warnings to
sufferers, physiology explained, kitchen hygiene, lawful appearance claims)."""

from __future__ import annotations

import pytest

from claimlint.knowledge.profile import Profile

COSMETIC = Profile.from_mapping({"profile": "cosmetic"})


def marked(engine, text: str, profile: Profile | None = None) -> list[tuple[str, str]]:
    findings = engine.lint_text(text, profile=profile) if profile else engine.lint_text(text)
    return sorted((f.code, f.excerpt[slice(*f.excerpt_span)]) for f in findings)


@pytest.mark.parametrize("text, expected", [
    ("A soothing lip balm for people prone to cold sores.", ("MC201", "for people prone to cold sores")),
    ("Blended for those who suffer with IBS.", ("MC201", "for those who suffer with IBS")),
    ("A daily tea for anyone plagued by heartburn.", ("MC201", "for anyone plagued by heartburn")),
    ("Brewed for runners who get muscle cramps.", ("MC201", "for runners who get muscle cramps")),
    ("Specially made for diabetics.", ("MC201", "for diabetics")),
])
def test_a_product_aimed_at_people_by_their_condition_is_presented_for_it(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Not suitable for people prone to kidney stones.",
    "Made for people who love a strong coffee.",
    "Designed for those who struggle with early mornings and need a good breakfast.",
    "Anyone prone to migraines should speak to a doctor before changing their diet.",
    "People with high blood pressure should avoid liquorice.",
])
def test_audiences_without_a_condition_or_in_a_warning_stay_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Add a scoop daily and watch your cholesterol fall.", ("HC103", "cholesterol fall")),
    ("Bloating fades away with our fennel tea.", ("MC201", "Bloating fades away")),
    ("The aches in my lower back eased within a week.", ("MC201", "aches in my lower back eased")),
    ("My hay fever calmed down after a month of the drops.", ("MC201", "hay fever calmed down")),
    ("Raises your HDL levels.", ("HC103", "Raises your HDL levels")),
])
def test_a_complaint_or_a_body_quantity_said_to_change_with_the_product_is_claimed(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Blood pressure rises and falls through the day.",
    "My energy dropped after lunch, so I went for a walk.",
    "Temperatures dropped overnight, so wrap up warm.",
    "The berries fade from red to brown as they dry.",
    "Cortisol peaks in the morning and falls in the evening.",
])
def test_a_change_told_of_the_body_or_the_weather_claims_nothing(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Our nettle extract blocks the enzyme behind swollen joints.", ("MC207", "blocks the enzyme")),
    ("Saffron acts on the serotonin receptors of the brain.", ("MC207", "acts on the serotonin receptors")),
    ("The peel extract suppresses ghrelin, the hunger hormone.", ("MC207", "suppresses ghrelin, the hunger hormone")),
    ("Oregano oil destroys the bacteria in your gut.", ("MC207", "destroys the bacteria")),
])
def test_a_pharmacological_or_antimicrobial_action_is_a_medicine_s(engine, text, expected):
    assert expected in marked(engine, text)


def test_killing_germs_in_a_cosmetic_is_flagged_and_odour_bacteria_are_not(engine):
    assert ("MC207", "kills 99.9% of germs") in marked(engine, "A hand gel that kills 99.9% of germs.", COSMETIC)
    assert marked(engine, "A roll-on that kills odour-causing bacteria all day.", COSMETIC) == []


@pytest.mark.parametrize("text", [
    "Enzymes in saliva begin to break down starch.",
    "Boil the water for a minute to kill bacteria.",
    "Pasteurising milk kills harmful bacteria.",
    "The foil seal blocks light so the oil stays fresh.",
    "Histamine is released during an allergic reaction.",
])
def test_chemistry_explained_and_kitchen_hygiene_stay_silent(engine, text):
    assert marked(engine, text) == []


def test_a_cosmetic_verb_that_reaches_the_skin_s_collagen_claims_physiology(engine):
    found = marked(engine, "Our night cream stimulates new collagen for firmer skin.", COSMETIC)
    assert [code for code, _ in found] == ["MC205"]
    assert marked(engine, "Our night cream leaves skin looking firmer.", COSMETIC) == []


def test_a_medicinal_preposition_after_the_body_at_work_explains_physiology(engine):
    assert marked(engine, "The immune system defends the body against infection.") == []
    assert ("MC201", "against infection") in marked(engine, "Our elderberry syrup protects against infection.")


def test_an_organ_and_an_aspect_build_an_effect_whatever_the_lemma_of_the_aspect(engine):
    assert ("HC103", "Repairs your intestinal lining") in marked(engine, "Repairs your intestinal lining.")


@pytest.mark.parametrize("text, expected", [
    ("Clients with psoriasis tell us their elbows feel calmer.", ("MC201", "psoriasis")),
    ("Users with IBS reported fewer flare-ups within a month.", ("MC201", "IBS")),
])
def test_users_named_by_their_condition_and_reporting_a_change_are_a_testimonial(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Customers with nut allergies tell us they love the nut-free range.",
    "Customers with questions say our helpline is quick.",
])
def test_users_reporting_no_change_stay_silent(engine, text):
    assert marked(engine, text) == []


def test_blood_lipid_names_are_effects_alone_and_with_levels(engine):
    assert [code for code, _ in marked(engine, "Our oat drink lowers your LDL.")] == ["HC103"]
    assert marked(engine, "Ask your GP to check your LDL and HDL.") == []


@pytest.mark.parametrize("text, expected", [
    ("Village healers brewed the bark to bring down fevers.", ("MC201", "bring down fevers")),
    ("Grandmothers relied on it to soothe dry coughs.", ("MC201", "soothe dry coughs")),
])
def test_folk_remedy_attributions_of_plural_symptoms_are_medicinal(engine, text, expected):
    assert expected in marked(engine, text)


def test_bringing_down_what_is_no_condition_stays_silent(engine):
    assert marked(engine, "Our spring sale brings down prices across the range.") == []


def test_a_cosmetic_that_restores_hair_growth_claims_physiology_and_thicker_looking_hair_does_not(engine):
    assert [code for code, _ in marked(engine, "Our scalp tonic restores hair growth.", COSMETIC)] == ["MC205"]
    assert marked(engine, "A shampoo for hair that looks thicker and fuller.", COSMETIC) == []
