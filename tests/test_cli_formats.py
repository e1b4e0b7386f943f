"""Each output format, read back the way its consumer reads it."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, strategies as st

from claimlint import __version__
from cli_helpers import ROOT, COMPLIANT, STRENGTHENED, UNAUTHORISED, claimlint, one_line_error, validate_sarif, write
from claimlint.formatters.github import escape_data, escape_property

@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "docs/bad.md", f"# Vitamin C\n\n🌟 {STRENGTHENED}\n\n{UNAUTHORISED}\n")
    write(tmp_path, "docs/good.md", f"{COMPLIANT}\n")
    write(tmp_path, "stale.md", f"<!-- claimlint-disable-next-line MC201 -- approved by legal -->\n{COMPLIANT}\n")  # CL901, a warning
    return tmp_path


def run(fmt: str, *paths: str):
    result = claimlint("check", "--format", fmt, *(paths or (".",)))
    assert result.exit_code == 1, result.output
    return result.stdout


def test_concise_is_one_line_per_finding(project):
    lines = run("concise", "docs/bad.md", "stale.md").splitlines()
    assert lines == [
        "docs/bad.md:3:13: HC103 " + lines[0].split(" HC103 ", 1)[1],
        "docs/bad.md:5:11: HC101 " + lines[1].split(" HC101 ", 1)[1],
        "stale.md:1:1: CL901 Unused suppression: “claimlint-disable-next-line MC201” suppressed nothing.",
    ]


def test_json_names_the_command_the_distribution_and_the_version(project):
    assert json.loads(run("json", "docs"))["tool"] == {"name": "claimlint", "distribution": "claimlint-eu", "version": __version__}
    assert claimlint("--version").stdout == f"claimlint {__version__} (installed as claimlint-eu)\n"


def test_json_columns_are_code_points(project):
    diagnostics = json.loads(run("json", "docs"))["diagnostics"]
    first = diagnostics[0]
    assert (first["code"], first["line"], first["column"], first["end_column"]) == ("HC103", 3, 13, 38)


def test_json_lists_every_claim_sentence_with_its_evidence(project):
    claims = json.loads(run("json", "docs"))["claims"]
    listed = {(c["path"], c["line"], c["column"]): c for c in claims}
    assert listed[("docs/good.md", 1, 1)]["evidence"] == "authorised claim"  # no finding, still audited
    assert listed[("docs/bad.md", 3, 1)]["text"] == f"🌟 {STRENGTHENED}"
    assert listed[("docs/bad.md", 3, 1)]["evidence"] == "no evidence"


# -- SARIF ---------------------------------------------------------------------------------

@pytest.fixture
def sarif(project):
    return json.loads(run("sarif", "docs", "stale.md"))


def test_sarif_is_valid_against_the_official_schema(sarif):
    validate_sarif(sarif)


def test_sarif_driver_describes_every_rule(sarif):
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["name"] == "claimlint" and driver["version"] == __version__
    assert driver["informationUri"] == "https://pypi.org/project/claimlint-eu/"
    assert driver["fullName"] == f"claimlint (claimlint-eu) {__version__}"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    hc101 = rules["HC101"]
    assert hc101["name"] == "unauthorised-health-claim"
    assert hc101["defaultConfiguration"]["level"] == "error"
    assert rules["CL901"]["defaultConfiguration"]["level"] == "warning"
    assert "1924/2006" in hc101["help"]["text"] and "Union list" in hc101["help"]["text"]
    assert hc101["shortDescription"]["text"] and hc101["fullDescription"]["text"]


@pytest.mark.parametrize(("setup", "options", "message"), [
    ({"pyproject.toml": "[tool.claimlint]\nfail_on = 'error'\n"}, [], "unknown key 'fail_on'"),
    ({"claimlint.toml": "rule-packs = ['missing.yaml']\n"}, [], "missing.yaml"),
    ({}, ["--select", "XX999"], "'XX999'"),
    ({}, ["--fail-on", "sometimes"], "'sometimes' is not one of"),
    ({}, ["--no-such-option"], "No such option '--no-such-option'"),
])
def test_an_error_before_linting_still_leaves_a_valid_sarif_file(project, setup, options, message):
    """A CI job uploads the SARIF file whatever happened: on a usage, config or rule-pack
    error it says what went wrong, as a tool execution notification of a failed run."""
    for name, text in setup.items():
        write(project, name, text)
    result = claimlint("check", "--format", "sarif", "--output-file", "out/claimlint.sarif", *options, "docs")
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr and "Traceback" not in result.output
    log = json.loads((project / "out/claimlint.sarif").read_text(encoding="utf-8"))
    validate_sarif(log)
    run_ = log["runs"][0]
    assert run_["results"] == []
    [invocation] = run_["invocations"]
    assert invocation["executionSuccessful"] is False and invocation["exitCode"] == 2
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error" and message in notification["message"]["text"]


def test_an_error_writes_no_report_when_none_was_asked_for(project):
    write(project, "claimlint.toml", "fail_on = 'error'\n")
    one_line_error(claimlint("check", "--format", "json", "--output-file", "out/report.json", "docs"), "fail_on")
    one_line_error(claimlint("check", "--format", "sarif", "docs"), "fail_on")
    assert sorted(p.name for p in project.iterdir()) == ["claimlint.toml", "docs", "stale.md"]


def test_sarif_rules_link_their_page_in_the_rule_reference(sarif):
    """helpUri is the rule's page at this version's release tag; the page is in the repository."""
    from claimlint import REPOSITORY, __version__

    for rule in sarif["runs"][0]["tool"]["driver"]["rules"]:
        prefix = f"{REPOSITORY}/blob/v{__version__}/"
        assert rule["helpUri"] == f"{prefix}docs/rules/{rule['id']}.md"
        assert (ROOT / rule["helpUri"].removeprefix(prefix)).is_file()


def test_sarif_user_rules_have_no_help_link(project, monkeypatch):
    write(project, "brand.yaml", (
        "kind: rules\nrules:\n  - code: BR101\n    name: brand-banned-word\n    severity: warning\n"
        "    message: Banned word.\n    basis: house style\n    explanation: Our brand does not say it.\n"
        "    patterns: [epic]\n    examples: {fail: [{text: It is epic., span: epic}], pass: [It is good.]}\n"
    ))
    write(project, "claimlint.toml", 'rule-packs = ["brand.yaml"]\n')
    write(project, "docs/epic.md", "It is epic.\n")
    log = json.loads(run("sarif", "docs/epic.md"))
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert "helpUri" not in rules["BR101"] and "helpUri" in rules["HC101"]
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["BR101"]
    validate_sarif(log)


def test_sarif_results_use_utf16_columns_and_relative_uris(sarif):
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["HC103", "HC101", "CL901"]
    assert [r["level"] for r in results] == ["error", "error", "warning"]
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/bad.md"
    # "🌟" is one code point but two UTF-16 code units: the claim starts at code point 13.
    assert location["region"] == {"startLine": 3, "startColumn": 14, "endLine": 3, "endColumn": 39}
    assert results[1]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 11
    assert results[0]["properties"]["excerpt"] == "🌟 " + STRENGTHENED
    assert results[0]["properties"]["suggestions"]


def test_sarif_fingerprints_survive_edits_above(project):
    before = json.loads(run("sarif", "docs/bad.md"))["runs"][0]["results"]
    path = project / "docs/bad.md"
    path.write_text("A new intro paragraph.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    after = json.loads(run("sarif", "docs/bad.md"))["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == [5, 7]
    assert [r["partialFingerprints"] for r in after] == [r["partialFingerprints"] for r in before]
    assert len({next(iter(r["partialFingerprints"].values())) for r in after}) == 2


# -- GitHub --------------------------------------------------------------------------------

def test_github_workflow_commands_errors_first(project):
    lines = run("github", "stale.md", "docs/bad.md").splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::error", "::warning"]
    assert lines[0].startswith("::error file=docs/bad.md,line=3,col=13,endLine=3,endColumn=38,title=HC103::")
    assert lines[2].startswith("::warning file=stale.md,line=1,col=1,")


def test_github_escapes_properties_and_data(project):
    write(project, "100%, a:b.md", STRENGTHENED + "\n")
    line = run("github", "100%, a:b.md").splitlines()[0]
    assert line.startswith("::error file=100%25%2C a%3Ab.md,line=1,")
    assert escape_data("50% off\r\nnow: a, b") == "50%25 off%0D%0Anow: a, b"
    assert escape_property("50% off\nnow: a, b") == "50%25 off%0Anow%3A a%2C b"


# -- JUnit and GitLab -----------------------------------------------------------------------

def test_junit_has_a_suite_per_file(project):
    root = ET.fromstring(run("junit").encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == {"docs/bad.md", "docs/good.md", "stale.md"}
    bad = suites["docs/bad.md"]
    assert bad.get("failures") == "2"
    assert [f.get("type") for f in bad.iter("failure")] == ["HC103", "HC101"]
    good_cases = list(suites["docs/good.md"].iter("testcase"))
    assert len(good_cases) == 1 and good_cases[0].find("failure") is None
    assert root.get("tests") == "4" and root.get("failures") == "3"


def test_gitlab_code_quality_shape(project):
    write(project, "twice.md", f"{UNAUTHORISED}\n\n{UNAUTHORISED}\n")
    issues = json.loads(run("gitlab"))
    assert {tuple(sorted(issue)) for issue in issues} == {
        ("check_name", "description", "fingerprint", "location", "severity"),
    }
    by_path = {}
    for issue in issues:
        assert issue["severity"] in {"blocker", "critical", "major", "minor", "info"}
        assert set(issue["location"]) == {"path", "lines"} and isinstance(issue["location"]["lines"]["begin"], int)
        by_path.setdefault(issue["location"]["path"], []).append(issue)
    assert [i["check_name"] for i in by_path["twice.md"]] == ["HC101", "HC101"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert {i["severity"] for i in by_path["stale.md"]} == {"minor"}
    assert re.match(r"HC103 ", by_path["docs/bad.md"][0]["description"])


@given(st.lists(st.text(alphabet="abcdefghij-“”.,", min_size=1, max_size=30), max_size=40), st.integers(20, 100))
def test_text_wrap_keeps_every_word_in_order_within_the_width(words, width):
    from claimlint.formatters.text import wrap

    lines = wrap(" ".join(words), width, "  ", "    ")
    assert " ".join(lines).split() == words
    for line in lines:
        assert len(line) <= width or len(line.split()) == 1
