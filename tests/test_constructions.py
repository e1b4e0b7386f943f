"""Ways of making a claim beyond "substance + relation word + effect" in one sentence:
requirement and dependency, claims without a verb, comparisons, testimonials, Art 12
forms, asserting questions, and the scope of what silences a clause. Each has fail
cases with the span they mark and near-misses that must stay silent."""

from __future__ import annotations

import pytest


def marked(engine, text: str) -> list[tuple[str, str]]:
    return sorted((f.code, f.excerpt[slice(*f.excerpt_span)]) for f in engine.lint_text(text))


@pytest.mark.parametrize("text, expected", [
    ("Your nerves need magnesium to stay calm.", ("HC101", "nerves need")),
    ("Healthy sleep depends on magnesium.", ("HC101", "Healthy sleep depends on")),
    ("Without magnesium, your nerves can never settle.", ("HC101", "Without magnesium, your nerves")),
    ("No iron, no stamina.", ("HC101", "No iron, no stamina")),
])
def test_requirement_and_dependency_claim_for_the_substance(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "You need a passport to travel abroad.",
    "Without sugar, this jam tastes lighter.",
    "No artificial colours, no preservatives.",
    "Your muscles need rest after a long run.",
])
def test_requirement_without_a_substance_object_claims_nothing(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Cold mornings, warm mugs #immunityboost", ("HC103", "immunityboost")),
    ("New flavour just dropped #bettersleep #magnesium", ("HC101", "bettersleep")),
    ("Meet DeepSleep Drops, our new night formula.", ("HC103", "DeepSleep")),
    ("A gentle menopause solution.", ("MC201", "menopause")),
    ("The natural sleep solution for busy parents.", ("HC103", "sleep solution")),
])
def test_claims_without_a_verb(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "Sunday brunch with friends #weekendvibes #foodie",
    "Shop the new range at MarketHall this weekend.",
    "The solution is stirred for two minutes.",
    "#staysafe #family",
])
def test_hashtags_and_names_that_claim_nothing_stay_silent(engine, text):
    assert marked(engine, text) == []


def test_a_hashtag_is_split_in_the_doc_so_findings_map_to_its_characters(engine):
    [finding] = engine.lint_text("Weekend plans #immunityboost")
    assert (finding.column, finding.end_column) == (16, 29)
