"""The rule reference in docs/rules/ is generated from the packs and must be current."""

from __future__ import annotations

import tomllib

import rule_docs
from cli_helpers import ROOT

import claimlint
from claimlint.knowledge.base import Knowledge


def test_committed_rule_pages_are_what_the_generator_writes():
    assert rule_docs.stale() == [], "run: python tools/rule_docs.py"


def test_every_rule_has_a_page_with_its_legal_basis_and_examples():
    pages = rule_docs.pages()
    for code, rule in Knowledge.load().rules.items():
        page = pages[f"{code}.md"]
        assert page.startswith(f"# {code}: {rule.name}\n")
        for heading in ("## What it flags", "## Why", "## Legal basis", "## Examples that fail", "## Examples that pass", "## How to fix"):
            assert f"\n{heading}\n" in page, (code, heading)
        assert rule.basis in page and rule.suggestion in page
        for example in rule.examples["fail"]:
            assert f"Marked: “{example['span']}”" in page or not example["span"]
        assert f"[{code}]({code}.md)" in pages["README.md"]


def test_a_stale_page_is_reported(tmp_path):
    for name, text in rule_docs.pages().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert rule_docs.stale(tmp_path) == []
    (tmp_path / "HC101.md").write_text("edited by hand\n", encoding="utf-8")
    (tmp_path / "XX999.md").write_text("a rule that is gone\n", encoding="utf-8")
    (tmp_path / "MC201.md").unlink()
    assert rule_docs.stale(tmp_path) == ["HC101.md", "MC201.md", "XX999.md"]


def test_the_package_and_pyproject_name_the_same_repository():
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    assert urls["Repository"] == claimlint.REPOSITORY
    assert claimlint.rule_page("HC101") == f"{claimlint.REPOSITORY}/blob/v{claimlint.__version__}/docs/rules/HC101.md"
