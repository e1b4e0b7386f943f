"""Every example of every rule pack, linted as a user would lint it: as a file, through
the command line. A `fail` example must produce its rule's code, a `pass` example must not.
Where a fail example states the words its finding marks (`span`) or the register entry it
cites (`cites`), the finding must mark exactly those words and cite that entry."""

from __future__ import annotations

import json

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


@pytest.mark.parametrize(("code", "kind", "example"), list(_examples()))
def test_rule_example(tmp_path, monkeypatch, code, kind, example):
    monkeypatch.chdir(tmp_path)
    name, content = _as_file(example)
    write(tmp_path, name, content)
    result = claimlint("check", "--format", "json", "--fail-on", "never", name)
    diagnostics = json.loads(result.stdout)["diagnostics"] if result.stdout.strip() else []
    codes = [d["code"] for d in diagnostics] + [m["code"] for d in diagnostics for m in d["merged"]]
    assert (code in codes) == (kind == "fail"), (content, codes, result.stderr if hasattr(result, "stderr") else "")
    own = [d for d in diagnostics if d["code"] == code]
    if "span" in example:
        marked = [_marked(content, d) for d in own]
        assert example["span"] in marked, (example["text"], marked)
    if "cites" in example:
        cited = [r.split()[0] for d in own for r in d["references"]]
        assert example["cites"] in cited, (example["text"], cited)


def _marked(content: str, diagnostic: dict) -> str:
    """The words a diagnostic marks, from its 1-based line and column (code points)."""
    lines = content.splitlines()
    first, last = diagnostic["line"] - 1, diagnostic["end_line"] - 1
    if first == last:
        return lines[first][diagnostic["column"] - 1:diagnostic["end_column"] - 1]
    middle = lines[first + 1:last]
    return "\n".join([lines[first][diagnostic["column"] - 1:], *middle, lines[last][:diagnostic["end_column"] - 1]])


def test_every_rule_has_pass_and_fail_examples():
    for rule in Knowledge.load().rules.values():
        assert rule.examples["fail"] and rule.examples["pass"], rule.code
