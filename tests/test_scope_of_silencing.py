"""Compliant brand copy stays quiet, and the claims written right beside it are still
found: denials silence only the clause they deny, pattern rules let a question that only
asks pass, advice is read in any words (consulting a professional, a step of hygiene),
a brand name in a story, a habit and a thing "let" act claim nothing, a scrub's dead
cells are the skin's surface, and a pattern never runs into the sentence next to it.
Each mechanism has near-misses that must stay silent and fail cases with the words they
mark; the findings one clause draws are merged into one."""

from __future__ import annotations

import json

import pytest

from claimlint.knowledge.profile import Profile
from cli_helpers import claimlint, write


def marked(engine, text: str, profile: str | None = None) -> list[tuple[str, str]]:
    chosen = Profile.from_mapping({"profile": profile}) if profile else None
    return sorted((f.code, f.excerpt[slice(*f.excerpt_span)]) for f in engine.lint_text(text, profile=chosen))


# -- denials -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "There is no good evidence that turmeric helps joints, so we make no such claim.",
    "There is no proof that detox teas remove toxins.",
    "We cannot promise that the balm will clear your eczema; please see a dermatologist.",
    "No food can cure a cold, whatever the internet says.",
    "No supplement will make up for a week of poor sleep.",
    "We do not claim that ginger settles an upset stomach.",
    # words that deny as a negation does
    "It would be unfair to claim that our soup fights flu.",
    "Nobody can promise you that a tea will cure a cold.",
])
def test_a_denied_claim_is_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    # the denial silences its own clause only
    ("There is no proof that detox teas work; our syrup knocks out a cold in two days.", ("MC201", "knocks out a cold")),
    # "no other … can" compares, it does not deny
    ("No other supplement can match its absorption.", ("OS501", "No other supplement can match")),
    # "nobody" before no frame of saying denies nothing
    ("Nobody likes hay fever, but our nettle tea eases hay fever symptoms.", ("MC201", "eases hay fever symptoms")),
])
def test_a_claim_beside_a_denial_or_a_comparison_dressed_as_one_is_found(engine, text, expected):
    assert expected in marked(engine, text)


@pytest.mark.parametrize("text", [
    "The science on probiotics and mood is not settled.",
    "Findings on elderberry and colds are mixed so far.",
    "Whether saffron lifts mood remains unclear.",
    "Evidence that maca lifts libido is limited.",
])
def test_a_caveat_that_the_evidence_is_unsettled_is_silent(engine, text):
    assert marked(engine, text) == []


# -- questions and pattern rules ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Does boiling the kettle kill bacteria in the water?",
    "Can a hot wash destroy bacteria on towels?",
    "Is this the only magnesium shop in town?",
    "Why not pop in for a chat?",
    "Isn't it time for a tea break?",
    "Guess which flavour sold out first?",
    "Have you heard that we opened a shop in Ghent?",
])
def test_a_question_that_only_asks_draws_no_pattern_finding(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("Did you know our propolis drops destroy throat bacteria on contact?", ("MC207", "destroy throat bacteria")),
    ("Are you running low on iron?", ("MC204", "Are you running low")),
    ("Ready to feel your best?", ("HC106", "feel your best")),
    # a rhetorical opener asserts what follows, and its own negation denies nothing
    ("Isn't it time zinc boosted your immune system?", ("HC103", "boosted your immune system")),
    ("Why not let our magnesium melt away your stress?", ("HC101", "let our magnesium melt away your stress")),
    ("Ready to banish brain fog with our lion's mane blend?", ("MC201", "banish brain fog")),
    ("Guess which blend calms a racing mind in minutes?", ("HC101", "calms")),
    ("Have you heard that our beet juice lowers blood pressure?", ("HC103", "lowers blood pressure")),
])
def test_a_question_that_asserts_or_a_rule_made_to_be_asked_still_claims(engine, text, expected):
    assert expected in marked(engine, text)


# -- a pattern stays in its sentence -----------------------------------------------------

def test_an_exception_that_opens_with_a_gap_applies_to_a_sentence_after_another(engine):
    """'~4 award' used to reach back into the sentence before, and the exception was lost."""
    assert marked(engine, "We entered it. The best formula award of the year went to our tea.") == []
    assert ("OS501", "The best formula on the market") in marked(engine, "We entered it. The best formula on the market is ours.")


def test_a_pattern_never_matches_across_sentences(engine):
    """A gap between two words of a pattern does not cross a sentence end."""
    doc = engine.nlp("Our doctor. Recommended reading for the weekend follows.")
    spans = [
        (m.key, doc[m.start:m.end].text)
        for sentence in engine.annotator.sentences(doc, _blocks(engine, doc.text))
        for m in sentence.of("pattern")
    ]
    assert all(span[1].count(".") <= 1 and not span[1].startswith("doctor. ") for span in spans), spans
    assert not any(key == "MC203" for key, _ in spans), spans


def _blocks(engine, text: str):
    from claimlint.readers.text import read_text

    return read_text("x", text, engine.knowledge.grammar.heading_joiners).blocks


# -- advice in any words -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "People taking medication for high blood pressure should ask their doctor before drinking liquorice tea.",
    "Anyone treated for migraines should check with a pharmacist before taking feverfew.",
    "Wash your hands with soap for twenty seconds to get rid of germs.",
    "Wash your hands to kill germs.",
    "Rinse the chopping board under the hot tap to kill bacteria.",
])
def test_advice_to_consult_or_to_keep_clean_is_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, profile, expected", [
    ("Our drops lower blood pressure naturally.", None, ("HC103", "lower blood pressure")),
    ("Wash with our gel to kill 99% of germs.", "cosmetic", ("MC201", "kill 99% of germs")),
    ("Clean, natural energy for mind and body.", None, ("HC103", "natural energy for")),
])
def test_claims_beside_advice_are_found(engine, text, profile, expected):
    assert expected in marked(engine, text, profile)


# -- names, habits, things that are let act ----------------------------------------------

@pytest.mark.parametrize("text", [
    "GutGlow began as a fermentation hobby in a rented cellar.",
    "BrightMind Bakery sold its first loaf in 2019.",
    "Our answer to the afternoon slump is a brisk walk.",
    "A brisk walk beats the afternoon slump.",
    "Warm up properly before lifting heavy weights.",
    "Let the dough rest in the fridge for an hour before rolling it out.",
    "Allow the sauce to thicken before serving.",
])
def test_names_in_stories_habits_and_kitchen_steps_are_silent(engine, text):
    assert marked(engine, text) == []


@pytest.mark.parametrize("text, expected", [
    ("GutGlow Daily Powder", ("HC103", "Gut")),
    ("#immunityboost with every sip of our ginger shot.", ("HC101", "immunityboost")),
    ("Our answer to the afternoon slump is a guarana shot.", ("HC102", "answer to the afternoon slump")),
    ("Recover faster after a hard run.", ("HC103", "Recover faster")),
    ("Lets you sleep deeply.", ("HC103", "Lets you sleep")),
])
def test_product_names_hashtags_and_product_claims_still_claim(engine, text, expected):
    assert expected in marked(engine, text)


# -- a cosmetic's surface ----------------------------------------------------------------

def test_removing_dead_skin_cells_is_a_cosmetic_function(engine):
    assert marked(engine, "The scrub removes dead skin cells for a smoother feel.", "cosmetic") == []
    assert ("MC205", "renews skin cells") in marked(engine, "Our serum renews skin cells overnight.", "cosmetic")


def test_a_cosmetic_may_speak_of_blemishes_but_not_clear_up_acne(engine):
    assert marked(engine, "A gel that helps reduce the look of blemishes.", "cosmetic") == []
    assert marked(engine, "Clear skin starts with a gentle cleanser for spots.", "cosmetic") == []
    assert marked(engine, "Our cream cleanser clears away grime and reduces the look of blemishes.", "cosmetic") == []
    assert ("MC201", "Clears up acne") in marked(engine, "Clears up acne in three days.", "cosmetic")
    assert ("MC201", "Banishes acne") in marked(engine, "Banishes acne in a week.", "cosmetic")


# -- one finding per claim ---------------------------------------------------------------

@pytest.mark.parametrize("text, code, merged", [
    ("Curcumin blocks the enzyme that drives inflammation.\n", "MC207", ["MC201"]),
    ("Clinically proven to double your energy.\n", "HC103", ["EV401"]),
    ("Supports energy, focus and mood.\n", "HC103", ["HC103", "HC103"]),
])
def test_findings_of_one_clause_become_one(tmp_path, monkeypatch, text, code, merged):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "copy.txt", text)
    (diagnostic,) = json.loads(claimlint("check", "--format", "json", "copy.txt").stdout)["diagnostics"]
    assert diagnostic["code"] == code
    assert sorted(m["code"] for m in diagnostic["merged"]) == merged
    for m in diagnostic["merged"]:  # each merged reading says where it stands
        assert m["line"] == 1 and m["end_column"] > m["column"]


def test_claims_of_different_clauses_stay_apart(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "copy.txt", "Vitamin C supercharges your immune system; at night, our drops cure insomnia.\n")
    codes = sorted(d["code"] for d in json.loads(claimlint("check", "--format", "json", "copy.txt").stdout)["diagnostics"])
    assert codes == ["HC103", "MC201"]


def test_a_suppressed_reading_never_absorbs_the_other(tmp_path, monkeypatch):
    """The merge runs after suppressions: suppressing the specific reading leaves the other."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "copy.md", "<!-- claimlint-disable-next-line MC207 -- reviewed -->\nCurcumin blocks the enzyme that drives inflammation.\n")
    diagnostics = json.loads(claimlint("check", "--format", "json", "copy.md").stdout)["diagnostics"]
    assert [(d["code"], d["merged"]) for d in diagnostics] == [("MC201", [])]
