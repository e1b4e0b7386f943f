"""Baselines: record today's findings, fail only on new ones, survive edits elsewhere."""

from __future__ import annotations

import json

import pytest

from cli_helpers import COMPLIANT, STRENGTHENED, UNAUTHORISED, claimlint, findings, one_line_error, write


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "content/page.md", f"# Vitamin C\n\n{STRENGTHENED}\n\n{COMPLIANT}\n")
    return tmp_path


def check(*args: str):
    return claimlint("check", "--format", "concise", "--baseline", "baseline.json", *args, "content")


def test_round_trip_survives_an_edit_above(project):
    written = claimlint("check", "--write-baseline", "baseline.json", "content")
    assert written.exit_code == 0
    assert written.stderr == "claimlint: recorded 1 finding in baseline.json\n"
    assert written.stdout == "No new findings: 1 finding recorded in the baseline (1 file).\n"
    entries = json.loads((project / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [(e["path"], e["code"], e["excerpt"]) for e in entries] == [("content/page.md", "HC103", STRENGTHENED)]

    assert check().exit_code == 0
    page = project / "content/page.md"
    page.write_text("# New title\n\nA new intro.\n\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    unchanged = check()
    assert unchanged.exit_code == 0 and unchanged.stdout == ""

    page.write_text(page.read_text(encoding="utf-8") + f"\n{UNAUTHORISED}\n", encoding="utf-8")
    new = check()
    assert new.exit_code == 1
    assert findings(new) == [("content/page.md", "HC101")]


def test_each_identical_finding_needs_its_own_entry(project):
    assert claimlint("check", "--write-baseline", "baseline.json", "content").exit_code == 0
    page = project / "content/page.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{STRENGTHENED}\n", encoding="utf-8")
    again = check()
    assert again.exit_code == 1
    assert findings(again) == [("content/page.md", "HC103")]


def test_write_baseline_says_how_many_it_recorded_not_all_checks_passed(project):
    write(project, "content/more.md", f"{UNAUTHORISED}\n\n{STRENGTHENED}\n")
    written = claimlint("check", "--write-baseline", "records/baseline.json", "content")  # the folder is created
    assert written.exit_code == 0
    assert "All checks passed" not in written.output
    assert written.stdout.splitlines()[-1] == "No new findings: 3 findings recorded in the baseline (2 files)."
    assert len(json.loads((project / "records/baseline.json").read_text(encoding="utf-8"))["findings"]) == 3
    assert claimlint("check", "--write-baseline", "b.json", "--quiet", "content").output == ""


def test_a_fixed_finding_leaves_a_harmless_entry(project):
    assert claimlint("check", "--write-baseline", "baseline.json", "content").exit_code == 0
    write(project, "content/page.md", COMPLIANT + "\n")
    assert check().exit_code == 0


def test_baseline_errors(project):
    one_line_error(claimlint("check", "--baseline", "missing.json", "content"), "missing.json")
    write(project, "broken.json", '{"not": "a baseline"}')
    one_line_error(claimlint("check", "--baseline", "broken.json", "content"), "broken.json", "not a claimlint baseline")
    one_line_error(claimlint("check", "--baseline", "a.json", "--write-baseline", "b.json", "content"), "cannot be combined")
