"""Every example of every rule pack, linted as a user would lint it: as a file, through
the command line. A `fail` example must produce its rule's code on the words its `span`
states, a `pass` example must not produce the code at all. `claimlint rules --test PACK`
runs a pack's own examples the same way and reports each."""

from __future__ import annotations

import json
import textwrap

import pytest
import yaml

from claimlint.knowledge.base import Knowledge
from cli_helpers import claimlint, write


def _examples():
    for rule in Knowledge.load().rules.values():
        for kind in ("fail", "pass"):
            for number, example in enumerate(rule.examples[kind]):
                example = example if isinstance(example, dict) else {"text": example}
                yield pytest.param(rule.code, kind, example, id=f"{rule.code}-{kind}-{number}")


def _as_file(example: dict) -> tuple[str, str]:
    """File name and content: a profile travels in Markdown front matter, as in real copy."""
    text = example["text"]
    if "profile" in example:
        front = yaml.safe_dump({"claimlint": example["profile"]}, allow_unicode=True, sort_keys=False)
        return "example.md", f"---\n{front}---\n{text}\n"
    return f"example.{example.get('format', 'txt')}", text


def _marked(content: str, diagnostic: dict) -> str:
    """The words a JSON diagnostic marks: 1-based lines and columns, the end exclusive."""
    lines = content.splitlines(keepends=True)

    def offset(line: int, column: int) -> int:
        return sum(len(text) for text in lines[: line - 1]) + column - 1

    return content[offset(diagnostic["line"], diagnostic["column"]):offset(diagnostic["end_line"], diagnostic["end_column"])]


@pytest.mark.parametrize(("code", "kind", "example"), list(_examples()))
def test_rule_example(tmp_path, monkeypatch, code, kind, example):
    monkeypatch.chdir(tmp_path)
    name, content = _as_file(example)
    write(tmp_path, name, content)
    result = claimlint("check", "--format", "json", "--fail-on", "never", name)
    diagnostics = json.loads(result.stdout)["diagnostics"] if result.stdout.strip() else []
    marked = [_marked(content, d) for d in diagnostics if d["code"] == code]
    if kind == "fail":
        assert example["span"] in marked, (content, marked, [d["code"] for d in diagnostics])
    else:
        assert not marked, (content, marked)


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
