"""Reading the document, not the sentence: a requirement whose object is a demonstrative
phrase, a study report that slides into a promise for the product, and a writer who
declines to make a claim."""

from __future__ import annotations

import pytest

from claimlint.knowledge.profile import Profile
from claimlint.readers import read_document

SUPPLEMENT = "---\nclaimlint:\n  profile: food_supplement\n---\n"


def lint(engine, text: str):
    document = read_document("page.md", (SUPPLEMENT + text).encode("utf-8"))
    _, findings = next(engine.lint([(document, Profile.from_mapping(document.profile))]))
    return findings


def marked(finding) -> str:
    return finding.excerpt[slice(*finding.excerpt_span)]


def test_a_requirement_whose_object_is_a_demonstrative_takes_the_topic(engine):
    findings = lint(engine, "# Iron capsules\n\nIron is found in lentils.\n\nYour brain depends on this mineral as well.\n")
    assert [(f.code, marked(f)) for f in findings] == [("HC103", "brain depends on")]
    assert "'this mineral' = Iron" in findings[0].message


def test_a_dependency_on_a_demonstrative_opens_the_sentence(engine):
    findings = lint(engine, "# Zinc tablets\n\nZinc is found in seeds.\n\nWithout this mineral, your skin suffers.\n")
    assert [f.code for f in findings] == ["HC103"] and "'this mineral' = Zinc" in findings[0].message


@pytest.mark.parametrize("text", [
    # a demonstrative object that is no substance, in copy with none to carry
    "Your body needs this every day.\n",
    # physiology: the body's own protein needs oxygen, nothing is tied to a product
    "Haemoglobin carries oxygen from your lungs to every tissue.\n",
])
def test_requirements_without_a_substance_to_take_stay_silent(engine, text):
    assert lint(engine, text) == []


STUDY = (
    "# Night cream\n\nA trial followed 60 adults with atopic dermatitis who used a 10 % urea cream for a month. "
    "Their itching scores halved. "
)


def test_a_promise_of_the_same_outcome_carries_the_studied_condition(engine):
    findings = lint(engine, STUDY + "Our cream contains the same 10 %, so you can count on the same relief.\n")
    promise = [f for f in findings if "count on the same" in f.excerpt]
    assert [(f.code, marked(f)) for f in promise] == [("MC201", "count on the same")]
    assert "atopic dermatitis (line 7)" in promise[0].message


def test_the_promise_reaches_a_study_in_the_paragraph_before(engine):
    text = "# Cultures\n\nA study gave one strain to 90 people with irritable bowel syndrome.\n\nYou will notice similar benefits.\n"
    findings = [f for f in lint(engine, text) if "similar benefits" in f.excerpt]
    assert [(f.code, marked(f)) for f in findings] == [("MC201", "notice similar")]
    assert "irritable bowel syndrome (line 7)" in findings[0].message


@pytest.mark.parametrize("tail", [
    # no study before it
    "",
    # the study is in healthy people: no condition to carry
    "A trial followed 60 healthy adults for a month. ",
])
def test_a_promise_without_a_studied_condition_stays_silent(engine, tail):
    text = "# Night cream\n\n" + tail + "Our cream contains the same 10 %, so you can count on the same relief.\n"
    assert [f for f in lint(engine, text) if "count on the same" in f.excerpt] == []


def test_a_denied_promise_of_the_same_outcome_stays_silent(engine):
    findings = lint(engine, STUDY + "We cannot promise you will see the same relief.\n")
    assert [f for f in findings if "same relief" in f.excerpt] == []


@pytest.mark.parametrize("text", [
    "We can't promise the capsules will fix every kind of tiredness.\n",
    "We do not claim that the capsules treat any condition, or that they change your weight.\n",
    "Urea creams are not a treatment for skin disease.\n",
    "This spray is not a cure for sinusitis.\n",
])
def test_a_writer_declining_to_claim_says_nothing(engine, text):
    assert lint(engine, "# Iron capsules\n\n" + text) == []


@pytest.mark.parametrize("text, code, span", [
    # the denial silences its own clause only
    ("We make no claim about colds, but this spray cures sinusitis.\n", "MC201", "cures sinusitis"),
    ("No guarantee needed: this mineral banishes tiredness in a week.\n", "HC103", "banishes tiredness"),
])
def test_a_claim_beside_a_denial_is_still_found(engine, text, code, span):
    findings = lint(engine, "# Iron capsules\n\n" + text)
    assert [(f.code, marked(f)) for f in findings] == [(code, span)]


def test_a_quoted_story_in_the_first_person_is_a_testimonial_throughout(engine):
    story = (
        "My husband suffers with psoriasis on his elbows. He has used this for a month. "
        "Since then the psoriasis has nearly cleared."
    )
    quoted = lint(engine, "# Body cream\n\n“" + story + "” - Jo\n")
    assert [(f.code, marked(f)) for f in quoted] == [("MC201", "psoriasis has nearly cleared")]
    # told by the page, not quoted from a customer, the third sentence reports no use
    assert lint(engine, "# Body cream\n\n" + story + "\n") == []


def test_a_quoted_line_without_a_first_person_is_no_story(engine):
    text = "# Body cream\n\n“Psoriasis is common. Since the 1990s, the psoriasis rate has nearly cleared 3 %.”\n"
    assert lint(engine, text) == []


def test_their_after_the_people_of_a_study_is_theirs(engine):
    text = (
        "# Iron\n\nA trial followed 120 women with heavy periods who took iron every morning. "
        "Their haemoglobin rose and their fatigue scores fell by a third.\n"
    )
    assert [f for f in lint(engine, text) if "haemoglobin" in f.excerpt] == []


def test_their_after_a_substance_still_carries_it(engine):
    text = "# Iron\n\nIron and zinc are minerals. Their job is to boost your energy all day.\n"
    assert [f.code for f in lint(engine, text)] == ["HC103"]


def test_people_with_a_condition_who_need_more_report_no_result(engine):
    text = "# Iron\n\nWomen with heavy periods lose more iron than others.\n"
    assert lint(engine, text) == []


@pytest.mark.parametrize("text, span", [
    ("Daily Cultures is recommended by gastroenterologists across the country.\n", "recommended by gastroenterologists"),
    ("Our balm was developed with rheumatologists.\n", "developed with rheumatologists"),
])
def test_any_medical_specialist_endorses(engine, text, span):
    assert [(f.code, marked(f)) for f in lint(engine, "# Cultures\n\n" + text)] == [("MC203", span)]


@pytest.mark.parametrize("text, span", [
    # the passage takes the substance away; a later sentence names what follows
    ("Low zinc creeps up on you. First the colds linger. Left alone, it can lead to hair loss.\n", "lead to hair loss"),
    # taken away and warned of in one sentence
    ("Without it, the skin barrier weakens and the door is open to dermatitis.\n", "door is open to dermatitis"),
])
def test_a_condition_that_follows_from_going_without_is_a_fear_appeal(engine, text, span):
    findings = [f for f in lint(engine, "# Zinc tablets\n\nZinc is found in seeds.\n\n" + text) if f.code == "MC204"]
    assert [marked(f) for f in findings] == [span]


@pytest.mark.parametrize("text", [
    # nothing is taken away: physiology of a condition
    "Untreated coeliac disease can lead to anaemia.\n",
    # the consequence is denied
    "Low zinc will not lead to hair loss on its own.\n",
    # the warning is a direction to see a doctor
    "Low zinc is rare. If you think it could lead to hair loss, ask your doctor.\n",
    # a question put to the reader's doctor, not an answer
    "Can low zinc lead to hair loss?\n",
])
def test_conditions_outside_a_warning_of_want_stay_silent(engine, text):
    assert [f for f in lint(engine, "# Zinc tablets\n\n" + text) if f.code == "MC204"] == []


@pytest.mark.parametrize("text", [
    "People think it cures colds. It doesn't.\n",
    "That the drops cure colds. They don't.\n",
])
def test_a_claim_taken_back_by_the_next_sentence_is_silent(engine, text):
    assert lint(engine, "# Zinc drops\n\n" + text) == []


@pytest.mark.parametrize("text", [
    # the short sentence denies nothing that was said: it answers a question of its own
    "Our drops cure colds. Does it sting? It doesn't.\n",
    # a short negation in the next paragraph takes nothing back
    "Our drops cure colds.\n\nIt doesn't.\n",
    # a longer sentence goes on to say something else
    "Our drops cure colds. It doesn't matter how long you have had them.\n",
])
def test_a_claim_not_taken_back_is_still_found(engine, text):
    assert [f.code for f in lint(engine, "# Zinc drops\n\n" + text)] == ["MC201"]
