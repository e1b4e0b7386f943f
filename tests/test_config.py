"""Config files: discovery, precedence over and under the command line, errors, per-file settings."""

from __future__ import annotations

import re

import pytest

from cli_helpers import COMPLIANT, ROOT, STRENGTHENED, UNAUTHORISED, claimlint, findings, one_line_error, readme_section, write

BOTH = f"{STRENGTHENED}\n\n{UNAUTHORISED}\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "site/page.md", BOTH)
    return tmp_path


def codes(*args: str) -> list[str]:
    return [code for _, code in findings(claimlint("check", "--format", "concise", *args))]


@pytest.mark.parametrize(
    ("configs", "expected"),
    [
        # a pyproject table is found walking up
        ({"pyproject.toml": '[project]\nname = "site"\n\n[tool.claimlint]\nselect = ["HC103"]\n'}, ["HC103"]),
        # a pyproject without the table is passed over
        ({"pyproject.toml": '[tool.claimlint]\nselect = ["HC103"]\n', "site/pyproject.toml": '[project]\nname = "site"\n'}, ["HC103"]),
        # claimlint.toml wins over pyproject.toml in the same folder
        ({"site/pyproject.toml": '[tool.claimlint]\nselect = ["HC103"]\n', "site/claimlint.toml": 'select = ["HC101"]\n'}, ["HC101"]),
    ],
)
def test_the_governing_config_file(project, configs, expected):
    for path, text in configs.items():
        write(project, path, text)
    assert codes("site/page.md") == expected


def test_nearest_config_wins(project):
    write(project, "pyproject.toml", '[tool.claimlint]\nselect = ["HC103"]\n')
    write(project, "site/claimlint.toml", 'select = ["HC101"]\n')
    write(project, "other/page.md", BOTH)
    result = claimlint("check", "--format", "concise", "site", "other")
    assert findings(result) == [("site/page.md", "HC101"), ("other/page.md", "HC103")]


def test_command_line_overrides_config(project):
    write(project, "claimlint.toml", 'select = ["HC101"]\nfail-on = "never"\n')
    assert codes("site/page.md") == ["HC101"]
    assert codes("--select", "HC103", "site/page.md") == ["HC103"]
    assert codes("--ignore", "HC101", "site/page.md") == []
    assert codes("--extend-select", "HC103", "site/page.md") == ["HC103", "HC101"]
    assert claimlint("check", "site/page.md").exit_code == 0
    assert claimlint("check", "--fail-on", "error", "site/page.md").exit_code == 1


def test_config_option_replaces_discovery(project):
    write(project, "claimlint.toml", 'select = ["HC101"]\n')
    write(project, "elsewhere/strict.toml", 'select = ["HC103"]\n')
    assert codes("--config", "elsewhere/strict.toml", "site/page.md") == ["HC103"]


def test_per_file_ignores(project):
    write(project, "claimlint.toml", '[per-file-ignores]\n"legal/*.md" = ["HC1"]\n"page.md" = ["HC103"]\n')
    write(project, "legal/terms.md", BOTH)
    result = claimlint("check", "--format", "concise", "site", "legal")
    assert findings(result) == [("site/page.md", "HC101")]


def test_config_excludes_apply_when_walking(project):
    write(project, "claimlint.toml", 'extend-exclude = ["site/drafts"]\n')
    write(project, "site/drafts/new.md", BOTH)
    assert {p for p, _ in findings(claimlint("check", "--format", "concise", "."))} == {"site/page.md"}


def test_excludes_read_as_gitignore_patterns(project):
    """Negation, anchoring by a slash, "**" and folder-only patterns, as in a .gitignore."""
    write(project, "claimlint.toml", 'exclude = ["drafts/*", "!drafts/keep.md", "/top.md", "**/old/**", "cache/", "legal/*.md"]\n')
    for name in ("drafts/new.md", "drafts/keep.md", "top.md", "site/top.md", "site/old/a.md", "old/b.md",
                 "cache/c.md", "site/cache/d.md", "legal/e.md", "legal/2024/f.md", "site/legal/g.md"):
        write(project, name, BOTH)
    linted = {p for p, _ in findings(claimlint("check", "--format", "concise", "."))}
    assert linted == {"site/page.md", "drafts/keep.md", "site/top.md", "legal/2024/f.md", "site/legal/g.md"}
    # the same patterns hold for files named one by one with --force-exclude (pre-commit)
    named = claimlint("check", "--format", "concise", "--force-exclude", "top.md", "site/top.md", "drafts/keep.md", "site/cache/d.md")
    assert {p for p, _ in findings(named)} == {"site/top.md", "drafts/keep.md"}


def test_extend_exclude_can_take_back_a_default_exclude(project):
    write(project, "claimlint.toml", 'extend-exclude = ["!build/"]\n')
    write(project, "build/page.md", BOTH)
    write(project, "dist/page.md", BOTH)
    assert {p for p, _ in findings(claimlint("check", "--format", "concise", "."))} == {"site/page.md", "build/page.md"}


def test_products_give_a_profile_and_front_matter_wins(project):
    write(project, "claimlint.toml", '[products."cosmetics/*"]\nprofile = "cosmetic"\nproduct = "Glow Serum"\n')
    write(project, "cosmetics/serum.md", f"{STRENGTHENED}\n")
    write(project, "cosmetics/gummies.md", f"---\nclaimlint:\n  profile: food_supplement\n---\n{STRENGTHENED}\n")
    result = findings(claimlint("check", "--format", "concise", "cosmetics"))
    assert ("cosmetics/gummies.md", "HC103") in result
    assert not [code for path, code in result if path == "cosmetics/serum.md" and code.startswith("HC")]


def test_profile_key_and_flag(project):
    write(project, "claimlint.toml", 'profile = "cosmetic"\n')
    assert "HC103" not in codes("site/page.md")
    assert "HC103" in codes("--profile", "food_supplement", "site/page.md")


def test_rule_packs_are_relative_to_the_config_file(project):
    pack = "kind: rules\nrules:\n  - code: XY001\n    name: house-style\n    severity: info\n    message: m\n" \
           "    basis: house style\n    explanation: e\n    examples: {fail: [], pass: []}\n    patterns: [magnesium]\n"
    write(project, "site/packs/house.yaml", pack)
    one_line_error(claimlint("check", "--select", "XY", "site/page.md"), "--select", "'XY'")
    write(project, "site/claimlint.toml", 'rule-packs = ["packs/house.yaml"]\nextend-select = ["XY001"]\n')
    assert claimlint("check", "site/page.md").exit_code == 1
    listed = claimlint("rules", "--config", "site/claimlint.toml").stdout
    assert re.search(r"^XY001\s+info\s+house-style$", listed, re.M)


def test_missing_rule_pack_is_an_error(project):
    write(project, "claimlint.toml", 'rule-packs = ["nowhere.yaml"]\n')
    one_line_error(claimlint("check", "site/page.md"), "nowhere.yaml")


@pytest.mark.parametrize(("toml", "needles"), [
    ('selct = ["HC"]\n', ("claimlint.toml", "unknown key 'selct'")),
    ('select = "HC101"\n', ("'select'", "list of strings")),
    ('select = ["HC9"]\n', ("'select'", "'HC9'")),
    ('[per-file-ignores]\n"*.md" = ["XX1"]\n', ("'per-file-ignores'", "'XX1'")),
    ('fail-on = "sometimes"\n', ("'fail-on'", "error, warning, info, never")),
    ('profile = "drug"\n', ("'profile'",)),
    ('require-evidence = "yes"\n', ("'require-evidence'", "true or false")),
    ('evidence-file = "evidence.yaml"\n', ("'evidence-file'", "evidence.yaml")),
    ('[products."*.md"]\nprofile = "drug"\n', ("'products'", "unknown profile 'drug'")),
    ("select = [\n", ("claimlint.toml", "invalid TOML")),
])
def test_config_errors_name_the_key(project, toml, needles):
    write(project, "claimlint.toml", toml)
    one_line_error(claimlint("check", "site/page.md"), *needles)


def test_pyproject_errors_name_the_table(project):
    write(project, "pyproject.toml", '[tool.claimlint]\nextend_select = ["HC"]\n')
    one_line_error(claimlint("check", "site/page.md"), "pyproject.toml", "unknown key 'extend_select'")


def test_every_key_together(project):
    write(project, "evidence.yaml", "razzaghi2018: {level: rct, cite: 'Biol Trace Elem Res 2018'}\n")
    write(project, "site/compliant.md", COMPLIANT + "\n")
    write(project, "claimlint.toml", "\n".join([
        'select = ["ALL"]', 'ignore = ["HC101"]', 'extend-select = ["HC103"]', 'fail-on = "error"',
        'exclude = ["drafts"]', 'extend-exclude = ["old"]', 'rule-packs = []', 'evidence-file = "evidence.yaml"',
        'profile = "food_supplement"', "require-evidence = false",
        '[per-file-ignores]', '"compliant.md" = ["CL"]',
        '[products."site/*"]', 'product = "Vitamin C 500"', 'nutrients = { "vitamin C" = "500 mg" }',
    ]) + "\n")
    result = claimlint("check", "--format", "concise", "site")
    assert result.exit_code == 1, result.output
    assert ("site/page.md", "HC103") in findings(result)


def test_the_documented_example_config_loads(project):
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", text, re.S).group(1)
    write(project, "pyproject.toml", example)
    write(project, "evidence.yaml", "{}\n")
    write(project, "claims/approved.yaml", "kind: rules\nrules: []\n")
    result = claimlint("check", "--format", "concise", "site")
    assert result.exit_code == 1, result.output


def test_readme_configuration_example_runs(tmp_path, monkeypatch):
    """The [tool.claimlint] example of the README, as written, drives a real run."""
    block = re.search(r"```toml\n(.*?)```", readme_section("Configuration"), re.S).group(1)
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "pyproject.toml", block)
    write(tmp_path, "claimlint/brand-lexicon.yaml",
          "kind: substances\nsubstances:\n  nightcalm_blend:\n    label: NightCalm blend\n    names: [nightcalm blend]\n")
    write(tmp_path, "products/magnesium-am/page.md", "Our NightCalm blend boosts your energy.\n")
    write(tmp_path, "legal/terms.md", "This product does not cure insomnia.\n")
    result = claimlint("check", "--format", "concise", ".")
    assert result.exit_code == 1, result.output
    assert "products/magnesium-am/page.md" in result.output and "HC10" in result.output
    assert "legal/terms.md" not in result.output
