"""Claims as ad copy says them every day: colloquial verbs ("sorts out", "kicks",
"takes the edge off"), a complaint put as a short question and answered with a
resolution ("Brain fog? Sorted."), and near-misses in the same words that claim nothing."""

from __future__ import annotations

import pytest


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
