"""Every example of every rule pack, linted as a user would lint it: as a file, through
the command line. A `fail` example must produce its rule's code on the words its `span`
states (where its finding merged into another on the same words, on that finding's words),
and cite the register entry its `cites` names; a `pass` example must not produce the code
at all. `claimlint rules --test PACK` runs a pack's own examples the same way and reports each."""

from __future__ import annotations

import json
import textwrap

import pytest

from claimlint.knowledge.base import Knowledge
from claimlint.run.examples import examples
from cli_helpers import claimlint, write


def _examples():
    for example in examples(Knowledge.load().rules.values()):
        yield pytest.param(example, id=f"{example.code}-{example.kind}-{example.number}")


def _marked(content: str, diagnostic: dict) -> str:
    """The words a JSON diagnostic marks: 1-based lines and columns, the end exclusive."""
    lines = content.splitlines(keepends=True)

    def offset(line: int, column: int) -> int:
        return sum(len(text) for text in lines[: line - 1]) + column - 1

    return content[offset(diagnostic["line"], diagnostic["column"]):offset(diagnostic["end_line"], diagnostic["end_column"])]


@pytest.mark.parametrize("example", list(_examples()))
def test_rule_example(tmp_path, monkeypatch, example):
    """As a file a user writes (a profile in front matter), linted by 'claimlint check'."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, example.name, example.content)
    result = claimlint("check", "--format", "json", "--fail-on", "never", example.name)
    diagnostics = json.loads(result.stdout)["diagnostics"] if result.stdout.strip() else []
    own = [d for d in diagnostics if example.code in (d["code"], *(m["code"] for m in d["merged"]))]
    marked = [_marked(example.content, d) for d in own]
    if example.kind == "fail":
        # A finding merged into another of its clause keeps its own words.
        merged_into = [_marked(example.content, m) for d in own for m in d["merged"] if m["code"] == example.code]
        assert example.span in marked or any(m in example.span or example.span in m for m in merged_into), (
            example.content, marked, [d["code"] for d in diagnostics])
        if example.cites:
            cited = [r.split()[0] for d in own for r in d["references"]]
            assert example.cites in cited, (example.text, cited)
    else:
        assert not marked, (example.content, marked)


def test_every_rule_has_pass_and_fail_examples():
    for rule in Knowledge.load().rules.values():
        assert rule.examples["fail"] and rule.examples["pass"], rule.code


BRAND = textwrap.dedent("""\
    kind: rules
    rules:
      - code: BR201
        name: life-changing
        severity: warning
        message: "House style: “{phrase}” promises too much."
        basis: "Brand style guide, section 4"
        explanation: Our copy never promises a changed life.
        patterns: ["life-changing|life-transforming"]
        examples:
          fail:
            - {text: "A truly life-changing herbal tea.", span: "%(span)s"}
          pass:
            - "A calming herbal tea for the evening."
            - "%(passing)s"
    """)


def _brand_pack(tmp_path, span="life-changing", passing="Brewed in small batches."):
    return write(tmp_path, "brand.yaml", BRAND % {"span": span, "passing": passing})


def test_rules_test_reports_each_example_of_a_pack(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _brand_pack(tmp_path)
    result = claimlint("rules", "--test", "brand.yaml")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines == [
        "ok    BR201 fail #1: A truly life-changing herbal tea.",
        "ok    BR201 pass #1: A calming herbal tea for the evening.",
        "ok    BR201 pass #2: Brewed in small batches.",
        "3 of 3 examples of brand.yaml behave as stated.",
    ]


def test_rules_test_fails_on_a_wrong_span_and_on_a_flagged_pass_example(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _brand_pack(tmp_path, span="herbal tea", passing="Our most life-transforming blend.")
    result = claimlint("rules", "--test", "brand.yaml")
    assert result.exit_code == 1
    assert "FAIL  BR201 fail #1: A truly life-changing herbal tea.\n      flagged on “life-changing”, not on “herbal tea”" in result.stdout
    assert "FAIL  BR201 pass #2: Our most life-transforming blend.\n      flagged BR201 on “life-transforming”" in result.stdout
    assert result.stdout.splitlines()[-1] == "1 of 3 examples of brand.yaml behave as stated."

    report = json.loads(claimlint("rules", "--test", "brand.yaml", "--format", "json").stdout)
    assert [(r["kind"], r["number"], r["passed"], r["marked"]) for r in report] == [
        ("fail", 1, False, ["life-changing"]), ("pass", 1, True, []), ("pass", 2, False, ["life-transforming"]),
    ]


def test_rules_test_errors_are_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = claimlint("rules", "--test", "missing.yaml")
    assert result.exit_code == 2 and result.stderr == "claimlint: error: missing.yaml: no such rule pack\n"

    write(tmp_path, "lexicon.yaml", "kind: diseases\nterms: [gout]\n")
    result = claimlint("rules", "--test", "lexicon.yaml")
    assert result.exit_code == 2 and result.stderr == "claimlint: error: lexicon.yaml: defines no rules to test\n"

    write(tmp_path, "broken.yaml", "kind: rules\nrules:\n  - code: BR1\n")
    result = claimlint("rules", "--test", "broken.yaml")
    assert result.exit_code == 2 and "broken.yaml:3: field 'rules.0': 'name' is a required property" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_rules_test_runs_the_built_in_packs(monkeypatch):
    from claimlint.knowledge.packs import builtin_rules_dir

    result = claimlint("rules", "--test", builtin_rules_dir() / "en" / "health-claims.yaml")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("28 of 28 examples of ")
