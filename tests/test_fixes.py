"""HC103 fixes: the authorised wording offered in JSON and SARIF, never written to the copy."""

from __future__ import annotations

import json

import pytest

from cli_helpers import ROOT, STRENGTHENED, claimlint, write

SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
AUTHORISED = "Vitamin C contributes to the normal function of the immune system"
PAGE = f"# Vitamin C\n\n🌟 {STRENGTHENED}\n\n**Vitamin C** boosts your immune system.\n\nOur gummies with magnesium boost your energy metabolism.\n"
# A fix replaces a whole sentence that is one claim and keeps its subject, or is not offered.
NO_FIX = [
    "Vitamin C boosts your immune system every winter.",  # words after the claim would be lost
    "Vitamin C boosts your immune system and fights tiredness.",  # two claims in one sentence
    "Acerola boosts your immune system.",  # the authorised wording names vitamin C, not the fruit
]


@pytest.fixture
def page(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return write(tmp_path, "page.md", PAGE)


def report(fmt: str) -> dict:
    result = claimlint("check", "--format", fmt, "page.md")
    assert result.exit_code == 1, result.output
    return json.loads(result.stdout)


def apply(text: str, fix: dict) -> str:
    """Replace the fix's span (1-based code-point columns) in ``text``."""
    lines = text.splitlines(keepends=True)
    start = sum(map(len, lines[:fix["line"] - 1])) + fix["column"] - 1
    end = sum(map(len, lines[:fix["end_line"] - 1])) + fix["end_column"] - 1
    return text[:start] + fix["replacement"] + text[end:]


def test_json_carries_the_authorised_wording_for_the_strengthened_sentence(page):
    diagnostics = report("json")["diagnostics"]
    fixed = [d for d in diagnostics if d["fix"]]
    assert len(fixed) == 1
    fix = fixed[0]["fix"]
    assert fixed[0]["code"] == "HC103" and fixed[0]["line"] == 3
    # From the subject, after the emoji, to the end of the claim; the full stop stays.
    assert (fix["line"], fix["column"], fix["end_line"], fix["end_column"]) == (3, 3, 3, 38)
    assert fix["replacement"] == AUTHORISED
    assert apply(PAGE, fix).splitlines()[2] == f"🌟 {AUTHORISED}."
    assert page.read_text(encoding="utf-8") == PAGE  # offered, never applied


def test_no_fix_where_markup_or_a_longer_sentence_would_break(page):
    diagnostics = report("json")["diagnostics"]
    unfixed = {d["line"]: d for d in diagnostics if d["fix"] is None}
    assert unfixed[5]["code"] == "HC103"  # "**Vitamin C**": replacing would tear the bold markup
    assert unfixed[7]["code"] == "HC103"  # the substance is not the subject of the sentence


def test_applied_fix_passes(page):
    fix = next(d["fix"] for d in report("json")["diagnostics"] if d["fix"])
    write(page.parent, "fixed.md", apply(PAGE, fix))
    result = claimlint("check", "--format", "json", "fixed.md")
    assert [d["line"] for d in json.loads(result.stdout)["diagnostics"]] == [5, 7]


def test_sarif_fix_is_a_replacement_in_utf16_columns(page):
    log = report("sarif")
    results = log["runs"][0]["results"]
    fixes = [r["fixes"] for r in results if "fixes" in r]
    assert len(fixes) == 1
    change = fixes[0][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "page.md"
    replacement = change["replacements"][0]
    # "🌟" is two UTF-16 code units: the subject starts at code unit 4.
    assert replacement["deletedRegion"] == {"startLine": 3, "startColumn": 4, "endLine": 3, "endColumn": 39}
    assert replacement["insertedContent"] == {"text": AUTHORISED}
    assert AUTHORISED in fixes[0][0]["description"]["text"]
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the SARIF 2.1.0 schema is not at {SARIF_SCHEMA}")
    import jsonschema

    jsonschema.Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(log)


@pytest.mark.parametrize("sentence", NO_FIX)
def test_no_fix_where_the_wording_would_change_more_than_the_claim(engine, sentence):
    findings = engine.lint_text(sentence)
    assert findings and all(f.code == "HC103" for f in findings)
    assert [f.fix for f in findings] == [None] * len(findings)


def test_fix_in_plain_text(engine):
    [finding] = engine.lint_text("Biotin nourishes your hair.")
    assert (finding.fix.column, finding.fix.end_column) == (1, 27)
    assert finding.fix.replacement == "Biotin contributes to the maintenance of normal hair"
