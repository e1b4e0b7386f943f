"""Register effects in the forms copy gives them: a passive with the substance as agent,
an effect of several words written as a hyphenated compound, and a verbless claim after
a sentence that only names the substance. Each finding must cite the register entry
for that substance and effect; near-misses stay silent."""

from __future__ import annotations

import pytest


def cited(engine, text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(code, marked words, register entries cited) of each finding."""
    return sorted(
        (f.code, f.excerpt[slice(*f.excerpt_span)], tuple(r.split()[0] for r in f.references if r.startswith("POL-HC-")))
        for f in engine.lint_text(text)
    )


@pytest.mark.parametrize("text, expected", [
    ("Your skin is supported by biotin.", ("HC103", "skin is supported", ("POL-HC-6339",))),
    ("Healthy bones are being supported by calcium.", ("HC103", "Healthy bones are being supported", ("POL-HC-6346",))),
    ("Your immune system is strengthened by our zinc lozenges.", ("HC103", "immune system is strengthened", ("POL-HC-6545",))),
])
def test_passive_with_the_substance_as_agent_claims_the_effect(engine, text, expected):
    assert expected in cited(engine, text)


@pytest.mark.parametrize("text", [
    "Your skin is protected by its outer layer.",
    "Your skin is supported.",
    "Your joints are cushioned by cartilage.",
])
def test_passive_without_a_substance_agent_claims_nothing(engine, text):
    assert cited(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Our potassium tablets are blood-pressure-friendly.", ("HC103", "blood-pressure-friendly", ("POL-HC-6445",))),
    ("A muscle-function-supporting blend with magnesium.", ("HC103", "muscle-function-supporting", ("POL-HC-6405",))),
    ("Blood-cholesterol-friendly plant sterols.", ("HC103", "Blood-cholesterol-friendly", ("POL-HC-6261", "POL-HC-6262", "POL-HC-6442"))),
])
def test_hyphenated_effect_of_several_words_is_read(engine, text, expected):
    assert expected in cited(engine, text)


@pytest.mark.parametrize("text", [
    "Blood-pressure cuffs are sold in pharmacies.",
    "A muscle-function test at the gym.",
])
def test_hyphenated_effect_without_a_claim_stays_silent(engine, text):
    assert cited(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Zinc. Stronger defences, all winter.", ("HC103", "Stronger defences", ("POL-HC-6545",))),
    ("Calcium. Better bones, every day.", ("HC103", "Better bones", ("POL-HC-6346",))),
])
def test_verbless_claim_after_a_substance_label_cites_its_entry(engine, text, expected):
    assert expected in cited(engine, text)


@pytest.mark.parametrize("text", [
    "Zinc. Sourced in Europe, packed in glass.",
    "Calcium. 120 mg per portion.",
])
def test_label_before_plain_facts_claims_nothing(engine, text):
    assert cited(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Artichoke supports your liver.", ("HC101", "supports your liver")),
    ("Milk thistle for a healthy liver.", ("HC101", "for a healthy liver")),
    ("Your liver is supported by quercetin.", ("HC101", "liver is supported")),
])
def test_an_organ_addressed_to_the_reader_names_its_effect(engine, text, expected):
    assert expected in [(code, words) for code, words, _ in cited(engine, text)]


@pytest.mark.parametrize("text", [
    "Your liver filters blood all day.",
    "Our new recipe has less sugar than the old one.",
    "Your skin renews itself about once a month.",
])
def test_an_organ_without_a_claiming_word_stays_silent(engine, text):
    assert cited(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Our vitamin A tablets are teeth-friendly.", "HC102"),
    ("These zinc gummies stay skin-friendly.", "HC103"),
    ("A liver-function-supporting blend with artichoke.", "HC101"),
])
def test_a_compound_said_of_the_product_or_an_organ_and_aspect_compound_claims(engine, text, expected):
    assert expected in [code for code, _, _ in cited(engine, text)]


@pytest.mark.parametrize("text", [
    "This fabric is skin-friendly.",
    "Our zinc sachets are eco-friendly.",
    "The new jar is gut-friendly.",
])
def test_a_compound_said_of_no_substance_or_product_stays_silent(engine, text):
    assert cited(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Normal blood clotting, guaranteed by vitamin K.", "HC103"),
    ("Your eyesight is looked after by our lutein softgels.", "HC102"),
    ("Potassium is kind to your blood pressure.", "HC103"),
    ("Fluoride rinse that hardens tooth enamel.", "HC103"),
    ("Selenium keeps sperm strong and swimming.", "HC103"),
])
def test_everyday_words_for_relations_and_register_effects(engine, text, expected):
    assert expected in [code for code, _, _ in cited(engine, text)]


@pytest.mark.parametrize("text", [
    "Enamel paint for garden furniture.",
    "She looks after the shop on Sundays.",
    "Delivery guaranteed by Friday.",
])
def test_everyday_words_without_an_effect_stay_silent(engine, text):
    assert cited(engine, text) == []
