"""Kinds of copy that name nutrients, effects or conditions without claiming anything.

Each mechanism has sentences that must stay silent and a near neighbour that must still
be flagged, with the span it marks, so that a fix cannot pass by silencing a whole family.
"""

from __future__ import annotations

import pytest

from claimlint.knowledge.profile import Profile
from claimlint.readers.text import read_text


def codes(engine, text: str, profile: Profile | None = None) -> list[str]:
    document = read_text("copy.txt", text)
    _, found = next(engine.lint([(document, profile or Profile())]))
    return sorted(f.code for f in found)


def marked(engine, text: str) -> list[tuple[str, str]]:
    """(code, marked text) of every finding, the text cut from the line by its columns."""
    document = read_text("copy.txt", text)
    _, found = next(engine.lint([(document, Profile())]))
    lines = text.splitlines()
    return [(f.code, lines[f.line - 1][f.column - 1:f.end_column - 1]) for f in found if f.line == f.end_line]


SILENT = {
    "coordinated authorised effects": [
        "Magnesium contributes to electrolyte balance and normal protein synthesis.",
        "Magnesium contributes to electrolyte balance, normal energy-yielding metabolism and normal functioning of the nervous system.",
        "Potassium contributes to normal muscle function and to the maintenance of normal blood pressure.",
    ],
    "essential as a kind of nutrient": [
        "Iron is an essential mineral that the body uses in many processes.",
        "Selenium is an essential trace element present in tiny amounts in the body.",
        "Iodine is an essential nutrient, so the body cannot make it on its own.",
        "Magnesium is an essential mineral which the body uses in hundreds of reactions, including muscle function.",
        # said of the body as a whole, "essential" describes the nutrient, not the effects after it
        "Potassium is essential to the body and is used in nerve signalling and muscle function.",
        "Copper is essential for your body and plays a role in normal energy-yielding metabolism.",
        # after an article, "essential" says what kind of nutrient, whatever the noun
        "Iron is an essential dietary mineral found in red meat and lentils.",
        "Magnesium is an essential electrolyte which the body draws on in a great many processes, including muscle function.",
        "Zinc is an essential micro-mineral, present in every cell.",
    ],
    "the law's own words inside an effect's name": [
        "Magnesium is one of the minerals behind electrolyte balance.",
        "Magnesium is an essential mineral with many jobs in the body, from energy metabolism to electrolyte balance.",
        "Magnesium is an essential mineral with many jobs in the body, among them the reduction of tiredness and fatigue.",
    ],
    "when something holds, not what is claimed": [
        "Breathing slows down during sleep.",
        "Your heart rate falls while you sleep.",
        "Digestion carries on throughout the night and during your sleep.",
        "Body temperature slows down as we sleep.",
    ],
    "the body's own molecules at work": [
        "Proteoglycans in cartilage prevent the swelling of this tissue.",
        "Cells in the joint lining prevent swelling.",
    ],
    "cautions and allergen lines": [
        "Caution is advised if you take blood-thinning medication.",
        "Caution is advised for people with kidney disease or stomach ulcers.",
        "Contains no artificial sweeteners and is free from common allergens like gluten and soy.",
    ],
    "where a nutrient is found": [
        "The richest sources of iron are red meat, lentils and spinach.",
        "The best natural sources of vitamin C are citrus fruits and peppers.",
    ],
    "ingredient lists": [
        "Apple Juice Concentrate, Fish Oil Concentrate, Fructose, Water, Blackcurrant Juice Concentrate, "
        "Vitamin C (L-Ascorbic Acid), Zinc Citrate, Vitamin D3 (Cholecalciferol), Natural Flavouring.",
        "Ingredients: Orange Juice Concentrate, Cod Liver Oil, Glucose Syrup, Vitamin D3, Zinc Citrate.",
    ],
    "the body's own proteins": [
        "Collagen and elastin give skin its structure and bounce.",
        "Collagen keeps skin firm and elastic.",
        "Elastin and collagen support skin elasticity.",
        "Keratin is the protein that makes up your hair.",
    ],
    "what a study is about": [
        "A 2020 review summarised the evidence on magnesium and sleep quality.",
        "A new trial is examining whether ashwagandha lowers stress in students.",
        "This meta-analysis looked at omega-3 supplements and depression.",
    ],
}

FLAGGED = {
    "coordinated authorised effects": ("Magnesium contributes to electrolyte balance and boosts muscle function.", "HC103", "boosts"),
    "essential as a kind of nutrient": ("Magnesium is essential for muscle function.", "HC103", "essential for"),
    "the law's own words inside an effect's name": ("Our magnesium drink restores electrolyte balance.", "HC103", "restores"),
    "when something holds, not what is claimed": ("This tea slows down your mind for better sleep.", "HC103", "sleep"),
    "the body's own molecules at work": ("Magnesium in cartilage prevents swelling.", "MC201", "prevents swelling"),
    "cautions and allergen lines": ("Free from allergies forever with our drops.", "MC201", "allergies"),
    "where a nutrient is found": ("The best magnesium supplement on the market.", "OS501", "best magnesium supplement"),
    "ingredient lists": ("Vitamin C, zinc, selenium and echinacea boost immunity.", "HC101", "boost immunity"),
    "the body's own proteins": ("Our collagen drink supports skin elasticity.", "HC102", "skin elasticity"),
    "what a study is about": ("A clinical study found that ashwagandha lowers stress.", "HC101", "lowers stress"),
}


@pytest.mark.parametrize("kind,text", [(k, t) for k, texts in SILENT.items() for t in texts])
def test_silent(engine, kind, text):
    assert codes(engine, text) == [], kind


@pytest.mark.parametrize("kind", sorted(FLAGGED))
def test_neighbour_still_flagged(engine, kind):
    text, code, span = FLAGGED[kind]
    found = marked(engine, text)
    assert any(c == code and span in m for c, m in found), found


@pytest.mark.parametrize("text,code,span", [
    # the noun "essential" describes goes on to an effect: a claim
    ("Magnesium is an essential dietary mineral for strong bones.", "HC103", "essential"),
    ("Magnesium is an essential part of muscle function.", "HC103", "essential"),
    # an effect claimed before the circumstance still is one
    ("Our magnesium drink slows down ageing during sleep.", "HC102", "ageing"),
    ("Valerian helps when you sleep badly.", "HC101", "sleep"),
    # the register's noun names the effect; a verb of its own states a result
    ("Magnesium reduces tiredness and fatigue.", "HC103", "reduces tiredness and fatigue"),
    # a product, or a substance that is the verb's subject, prevents the condition
    ("Our magnesium cream prevents swelling.", "MC201", "prevents swelling"),
    ("Magnesium helps cartilage cells prevent swelling.", "MC201", "prevent swelling"),
])
def test_near_misses_stay_flagged(engine, text, code, span):
    found = marked(engine, text)
    assert any(c == code and span in m for c, m in found), found


def test_declared_collagen_is_an_ingredient(engine):
    text = "Collagen supports skin elasticity."
    declared = Profile.from_mapping({"profile": "food_supplement", "product": "Skin Drink", "ingredients": ["hydrolysed collagen"]})
    assert codes(engine, text) == []
    assert "HC102" in codes(engine, text, declared)


def test_collagen_said_to_rebuild_is_sold_as_an_ingredient(engine):
    assert codes(engine, "Collagen rebuilds cartilage.") != []


# -- effects built from parts ---------------------------------------------------------------

PARTS = [
    ("Supports intestinal barrier repair.", "HC103", "intestinal barrier repair"),
    ("Improves mental function.", "HC103", "mental function"),
    ("Zinc for people with weakened immunity.", "MC201", "weakened immunity"),
    ("Ginger for impaired liver function.", "MC201", "impaired liver function"),
]


@pytest.mark.parametrize("text,code,span", PARTS)
def test_effects_and_conditions_from_parts(engine, text, code, span):
    found = marked(engine, text)
    assert any(c == code and span in m for c, m in found), found


def test_parts_leave_authorised_wordings_alone(engine):
    for text in (
        "Zinc contributes to normal cognitive function.",
        "Vitamin C contributes to the normal function of the immune system.",
        "Vitamin D contributes to the maintenance of normal muscle function.",
    ):
        assert codes(engine, text) == [], text


def test_a_cosmetic_state_of_hair_is_no_condition(engine):
    assert "MC201" not in codes(engine, "Repairs damaged hair from the inside.")
