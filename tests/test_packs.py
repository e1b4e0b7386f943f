"""Rule packs: every built-in pack validates, and a broken user pack stops the run with
one line naming the file, the line and the field."""

from __future__ import annotations

import pytest

from claimlint.knowledge.packs import builtin_pack_paths, load_pack
from cli_helpers import claimlint, write

RULE = """kind: rules
rules:
  - code: BR101
    name: brand-banned-word
    severity: {severity}
    message: "Banned word."
    basis: house style
    explanation: Our brand does not say it.
    patterns: ["{pattern}"]
    examples: {{fail: [{{text: "It is epic.", span: "epic"}}], pass: ["It is good."]}}
"""


@pytest.mark.parametrize("path", builtin_pack_paths(), ids=lambda p: p.name)
def test_builtin_pack_validates(path):
    assert load_pack(path)["kind"]


def _run(tmp_path, monkeypatch, pack: str):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "claimlint.toml", 'rule-packs = ["brand.yaml"]\n')
    write(tmp_path, "brand.yaml", pack)
    write(tmp_path, "page.md", "It is epic.\n")
    return claimlint("check", "--format", "concise", "page.md")


def test_a_user_pack_adds_a_rule(tmp_path, monkeypatch):
    result = _run(tmp_path, monkeypatch, RULE.format(severity="warning", pattern="epic"))
    assert result.exit_code == 1 and "page.md:1:7: BR101 Banned word." in result.output


def test_schema_error_names_file_line_and_field(tmp_path, monkeypatch):
    result = _run(tmp_path, monkeypatch, RULE.format(severity="fatal", pattern="epic"))
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert "brand.yaml:5: field 'rules.0.severity'" in line and "'fatal' is not one of" in line


def test_invalid_yaml_names_file_and_line(tmp_path, monkeypatch):
    result = _run(tmp_path, monkeypatch, "kind: rules\nrules: [\n")
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert "brand.yaml:" in line and "invalid YAML" in line


def test_bad_pattern_names_the_rule(tmp_path, monkeypatch):
    result = _run(tmp_path, monkeypatch, RULE.format(severity="warning", pattern="~3"))
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert "rule BR101: field 'patterns'" in line


# -- rules linked to checks ----------------------------------------------------------------

HOUSE_RULE = """kind: rules
rules:
  - code: {code}
    name: house-rule
    severity: warning
    message: "{message}"
    basis: house style
    explanation: A rule of the brand's own.
{extra}    examples: {{fail: [{{text: "It is epic.", span: "epic"}}], pass: ["It is good."]}}
"""


def test_a_rule_without_patterns_that_no_check_reports_is_a_pack_error(tmp_path, monkeypatch):
    result = _run(tmp_path, monkeypatch, HOUSE_RULE.format(code="BR102", message="Banned.", extra=""))
    (line,) = result.stderr.strip().splitlines()
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "brand.yaml:3: rule BR102: has no 'patterns' and no check reports this code" in line


def test_reusing_a_built_in_code_needs_override(tmp_path, monkeypatch):
    pack = HOUSE_RULE.format(code="HC101", message="Not on the register: {substance}.", extra="")
    result = _run(tmp_path, monkeypatch, pack)
    (line,) = result.stderr.strip().splitlines()
    assert result.exit_code == 2
    assert "brand.yaml:3: rule HC101: reuses a built-in rule code; say 'override: true'" in line


def test_an_override_rewords_a_built_in_rule(tmp_path, monkeypatch):
    pack = HOUSE_RULE.format(code="HC101", message="Not on the register: {substance}.", extra="    override: true\n")
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "claimlint.toml", 'rule-packs = ["brand.yaml"]\n')
    write(tmp_path, "brand.yaml", pack)
    write(tmp_path, "page.md", "Magnesium supports collagen production.\n")
    result = claimlint("check", "--format", "concise", "page.md")
    assert result.exit_code == 1 and "HC101 Not on the register: Magnesium." in result.output


@pytest.mark.parametrize(("code", "message", "extra", "placeholder", "filled"), [
    ("HC101", "Stop saying {phrase}.", "    override: true\n", "{phrase}", "{detail}, {effect}, {substance}, {what}"),
    ("BR103", "Banned: {substance}.", "    patterns: [epic]\n", "{substance}", "{phrase}"),
])
def test_a_placeholder_the_check_never_fills_is_a_pack_error(tmp_path, monkeypatch, code, message, extra, placeholder, filled):
    result = _run(tmp_path, monkeypatch, HOUSE_RULE.format(code=code, message=message, extra=extra))
    (line,) = result.stderr.strip().splitlines()
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"brand.yaml:3: rule {code}: field 'message': placeholder {placeholder} is never filled (filled here: {filled})" in line


def test_rule_listing_reports_the_same_pack_error(tmp_path, monkeypatch):
    _run(tmp_path, monkeypatch, HOUSE_RULE.format(code="BR102", message="Banned.", extra=""))
    result = claimlint("rules", "--config", "claimlint.toml")
    (line,) = result.stderr.strip().splitlines()
    assert result.exit_code == 2 and "rule BR102: has no 'patterns'" in line
