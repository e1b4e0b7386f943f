"""The discourse step: claims that name no substance take it from the document, and the
finding says where it came from."""

from __future__ import annotations

import pytest

from cli_helpers import claimlint, write
from claimlint.knowledge.profile import Profile
from claimlint.readers import read_document


def lint_markdown(engine, text: str):
    document = read_document("page.md", text.encode("utf-8"))
    _, findings = next(engine.lint([(document, Profile.from_mapping(document.profile))]))
    return findings


def codes(findings) -> list[str]:
    return sorted(f.code for f in findings)


def test_pronoun_takes_the_substance_of_the_sentence_before(engine):
    findings = lint_markdown(engine, "Our capsules hold 150 mg of magnesium. It also calms your nerves.\n")
    assert codes(findings) == ["HC101"]
    assert "('It' = Magnesium, line 1)" in findings[0].message
    assert findings[0].excerpt[slice(*findings[0].excerpt_span)] == "calms"


def test_demonstrative_in_a_later_paragraph_points_back(engine):
    text = "# Night tea\n\nEach cup is brewed with valerian root.\n\nThis herb settles a restless mind for sleep.\n"
    findings = lint_markdown(engine, text)
    assert [f.code for f in findings if f.line == 5] == ["HC101"]
    assert "'This herb' = Valerian" in findings[0].message


def test_list_item_under_a_substance_heading(engine):
    text = "# Ashwagandha gummies\n\n## What you can expect\n\n- Better sleep\n- Vegan and gluten free\n"
    findings = lint_markdown(engine, text)
    assert codes(findings) == ["HC101"]
    assert findings[0].line == 5 and "Ashwagandha from line 1" in findings[0].message


def test_table_row_takes_the_substance_of_its_first_cell(engine):
    text = "| Nutrient | What it does |\n|---|---|\n| Ginseng | Boosts stamina |\n"
    findings = lint_markdown(engine, text)
    assert codes(findings) == ["HC101"] and "Ginseng" in findings[0].message


@pytest.mark.parametrize("text", [
    # the pronoun is the body, named in between
    "Magnesium is found in nuts. Your body uses energy all day. It repairs tissue overnight.\n",
    # an authorised wording carried by a pronoun stays allowed
    "Each tablet provides 10 mg of zinc. It contributes to the normal function of the immune system.\n",
    # a list under a heading, with a topic, making no claim
    "# Zinc tablets\n\n- Swallow one tablet a day\n- Keep out of reach of children\n",
])
def test_no_carry_where_nothing_is_claimed_about_a_substance(engine, text):
    assert lint_markdown(engine, text) == []


def test_a_list_item_without_a_substance_to_take_is_judged_as_naming_none(engine):
    findings = lint_markdown(engine, "# Our story\n\n- Better sleep for everyone\n")
    assert codes(findings) == ["HC103"] and "attributes the effect to no nutrient" in findings[0].message
    assert "line 1" not in findings[0].message


def test_a_fragment_after_an_ellipsis_goes_on_with_the_one_before(engine):
    findings = lint_markdown(engine, "Fresh ginger, loved for centuries … boosts your energy\n")
    assert codes(findings) == ["HC101"] and "ginger ('…' = Ginger, line 1)" in findings[0].message


def test_a_new_sentence_after_an_ellipsis_does_not_continue_it(engine):
    findings = lint_markdown(engine, "Fresh ginger, loved for centuries … Boosts your energy\n")
    assert "Ginger" not in " ".join(f.message for f in findings)


def test_a_verb_without_a_subject_is_about_the_substance_the_title_names(engine):
    text = "# Magnesium Glycinate\n\nGentle on the stomach.\n\nSupports deeper sleep.\n\nContributes to normal muscle function.\n"
    findings = lint_markdown(engine, text)
    assert [(f.code, f.line) for f in findings] == [("HC101", 5)]
    assert "magnesium (Magnesium from line 1)" in findings[0].message


def test_with_a_declared_profile_a_verb_without_a_subject_is_about_the_declared_product(engine):
    text = (
        "---\nclaimlint:\n  profile: food_supplement\n  nutrients: {vitamin C: 80 mg}\n---\n"
        "# Ginger and Vitamin C\n\nBoosts your immune defences.\n"
    )
    findings = lint_markdown(engine, text)
    assert [f.code for f in findings] == ["HC103"] and "line 6" not in findings[0].message


def test_the_command_line_says_where_a_carried_substance_came_from(tmp_path):
    page = write(tmp_path, "page.md", "# Evening tea\n\nBrewed with lemon balm.\n\nIt also calms your nerves.\n")
    result = claimlint("check", "--format", "concise", page)
    assert result.exit_code == 1
    assert result.output.splitlines()[0].endswith(
        "page.md:5:9: HC101 Health claim not on the EU register: no authorised claim links lemon balm ('It' = Lemon Balm, line 3) to relaxation and calm."
    )
