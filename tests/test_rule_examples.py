"""Every example of every rule pack, linted as a user would lint it: as a file, through
the command line. A `fail` example must produce its rule's code, a `pass` example must not."""

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
    codes = [d["code"] for d in json.loads(result.stdout)["diagnostics"]] if result.stdout.strip() else []
    assert (code in codes) == (kind == "fail"), (content, codes, result.stderr if hasattr(result, "stderr") else "")


def test_every_rule_has_pass_and_fail_examples():
    for rule in Knowledge.load().rules.values():
        assert rule.examples["fail"] and rule.examples["pass"], rule.code
