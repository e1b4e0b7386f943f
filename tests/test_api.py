"""The library API: texts and feeds in, plain findings out, one engine."""

from __future__ import annotations

import json

import pytest

from cli_helpers import COMPLIANT, STRENGTHENED, UNAUTHORISED, write
from claimlint.api import Diagnostic, LintError, Linter
from claimlint.readers.feeds import FeedOptions


@pytest.fixture(scope="module")
def linter():
    return Linter()


def test_lint_texts_yields_plain_findings_in_input_order(linter):
    items = [("a", UNAUTHORISED), ("b", COMPLIANT), ("c", STRENGTHENED)]
    found = list(linter.lint_texts(items))
    assert [(d.id, d.code) for d in found] == [("a", "HC101"), ("c", "HC103")]
    first = found[0]
    assert isinstance(first, Diagnostic) and (first.line, first.column) == (1, 1 + UNAUTHORISED.index("supports"))
    json.dumps(first.to_dict())  # plain data
    assert first.field is None


def test_texts_carry_their_own_profiles(linter):
    text = "Our cream promotes collagen production."
    codes = {d.id: d.code for d in linter.lint_texts([("cream", text, "cosmetic"), ("bad", text, {"profile": "pet food"})])}
    assert codes == {"cream": "MC205", "bad": "CL902"}


def test_options_select_rules_like_the_command_line():
    only_medicinal = Linter(select=["MC"])
    assert list(only_medicinal.lint_texts([("x", UNAUTHORISED)])) == []


def test_lint_feed_names_rows_and_fields(tmp_path, linter):
    feed = write(tmp_path, "p.csv", f"sku,copy\nk1,Hello.\nk2,\"Line one.\n{STRENGTHENED}\"\n")
    found = list(linter.lint_feed(feed, FeedOptions(id_field="sku", text_fields=("copy",))))
    assert [(d.id, d.code, d.field, d.field_line, d.line) for d in found] == [("k2", "HC103", "copy", 2, 4)]
    with pytest.raises(LintError, match="no such file|cannot read"):
        list(linter.lint_feed(tmp_path / "missing.csv", FeedOptions(id_field="sku", text_fields=("copy",))))


# A cleanser's copy, in the project's own words: blemishes are a cosmetic's to speak of,
# a food's never; with no profile given the copy's own "cleanser" decides.
CLEANSER = "This gel cleanser washes off the day and reduces the look of blemishes."


def test_texts_without_a_profile_infer_it_from_the_copy(linter):
    found = {d.id: d.code for d in linter.lint_texts([("face", CLEANSER), ("as-food", CLEANSER, "food_supplement")])}
    assert found == {"as-food": "MC201"}


def test_feed_rows_without_a_profile_infer_it_from_the_copy(tmp_path, linter):
    feed = write(tmp_path, "face.csv", f"sku,copy\nc1,{CLEANSER}\n")
    options = FeedOptions(id_field="sku", text_fields=("copy",))
    assert list(linter.lint_feed(feed, options)) == []
    chosen = Linter(profile="food_supplement")
    assert [d.code for d in chosen.lint_feed(feed, options)] == ["MC201"]
