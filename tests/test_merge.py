"""One finding per stretch of copy: the merge stage, and how selection, suppressions and
the output formats see merged findings."""

from __future__ import annotations

import json

from claimlint.findings import Finding
from claimlint.run.merge import merge
from cli_helpers import claimlint, validate_sarif, write

MEDICINAL_AND_STRENGTHENED = "Zinc fights infections and boosts your immune system.\n"


def _finding(code: str, start: int, end: int, path: str = "copy.md", **extra) -> Finding:
    return Finding(
        code=code, name=code.lower(), severity="error", message=f"{code} message", path=path,
        line=1, column=start + 1, end_line=1, end_column=end + 1, source_start=start, source_end=end, **extra,
    )


def test_overlapping_findings_merge_under_the_code_that_weighs_most():
    merged = merge([_finding("HC103", 0, 20), _finding("EV404", 5, 25), _finding("MC201", 10, 15)])
    assert [f.code for f in merged] == ["MC201"]
    assert [m.code for m in merged[0].merged] == ["HC103", "EV404"]


def test_precedence_rejected_before_unauthorised_before_strengthened():
    assert merge([_finding("HC103", 0, 10), _finding("HC101", 2, 8)])[0].code == "HC101"
    assert merge([_finding("HC101", 0, 10), _finding("HC102", 0, 10)])[0].code == "HC102"


def test_separate_spans_stay_separate_and_a_run_finding_never_merges():
    findings = merge([_finding("HC101", 0, 10), _finding("EV401", 10, 20), _finding("CL901", 0, 30)])
    assert sorted(f.code for f in findings) == ["CL901", "EV401", "HC101"]
    assert all(not f.merged for f in findings)


def test_findings_of_different_files_never_merge():
    assert len(merge([_finding("HC101", 0, 10, "a.md"), _finding("MC201", 0, 10, "b.md")])) == 2


def test_a_merged_finding_keeps_every_reference_once():
    first = _finding("HC102", 0, 10, references=["basis", "POL-HC-1 url"], suggestions=["A"])
    second = _finding("HC101", 0, 10, references=["basis", "POL-HC-2 url"], suggestions=["A", "B"])
    (merged,) = merge([first, second])
    assert merged.references == ["basis", "POL-HC-1 url", "POL-HC-2 url"]
    assert merged.suggestions == ["A", "B"]


def test_json_keeps_the_merged_codes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "copy.txt", MEDICINAL_AND_STRENGTHENED)
    result = claimlint("check", "--format", "json", "copy.txt")
    assert result.exit_code == 1
    (diagnostic,) = json.loads(result.stdout)["diagnostics"]
    assert diagnostic["code"] == "MC201"
    assert [m["code"] for m in diagnostic["merged"]] == ["HC103"]
    assert "immune system" in diagnostic["merged"][0]["message"]


def test_text_shows_what_was_merged(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "copy.txt", MEDICINAL_AND_STRENGTHENED)
    result = claimlint("check", "--no-color", "copy.txt")
    assert "= also: HC103" in result.stdout
    assert result.stdout.count("copy.txt:1:") == 1


def test_an_unselected_code_hides_no_other_finding(tmp_path, monkeypatch):
    """The merge runs after selection: ignoring MC201 leaves the HC103 finding standing."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "copy.txt", MEDICINAL_AND_STRENGTHENED)
    result = claimlint("check", "--format", "json", "--ignore", "MC201", "copy.txt")
    (diagnostic,) = json.loads(result.stdout)["diagnostics"]
    assert diagnostic["code"] == "HC103" and diagnostic["merged"] == []


def test_a_suppressed_code_hides_no_other_finding(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "copy.md", "<!-- claimlint-disable-next-line MC201 -- reviewed -->\n" + MEDICINAL_AND_STRENGTHENED)
    result = claimlint("check", "--format", "json", "copy.md")
    codes = [d["code"] for d in json.loads(result.stdout)["diagnostics"]]
    assert codes == ["HC103"]


def test_sarif_with_merged_findings_is_valid(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "copy.txt", MEDICINAL_AND_STRENGTHENED)
    result = claimlint("check", "--format", "sarif", "copy.txt")
    sarif = json.loads(result.stdout)
    (entry,) = sarif["runs"][0]["results"]
    assert entry["properties"]["merged"][0]["code"] == "HC103"
    validate_sarif(sarif)
