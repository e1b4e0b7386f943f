"""What a reviewer reads as a statement of law must hold: checked on the acceptance
article (with its product profile) where the shared data is present, and on every corpus
page. One stretch of copy carries at most two findings, an "allowed" wording is for a
substance the copy names or the product declares, a rejected register entry is quoted
with its reason once per document (later citations point back to that line), and no message is assembled from stray tokens."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from cli_helpers import ROOT, claimlint, write

ARTICLE = ROOT.parent / "shared" / "data" / "realworld" / "magnesium-ampm-supplement-article.txt"
ARTICLE_PROFILE = ROOT / "examples" / "realworld" / "magnesium-ampm.profile.yaml"
CORPUS = ROOT / "corpus"
PAGES = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".md", ".html", ".txt"))

MAX_PER_STRETCH = 2
REGISTER_ID = re.compile(r"\b[A-Z]{2,4}-HC-\d+\b|\bID \d+\b")
# Messages assembled from tokens instead of meaning.
GARBLED = [
    re.compile(r"relieve (inflammatory|wound|diabetic|arthritic|infectious)\b"),
    re.compile(r"an effect it does not name"),
    re.compile(r"makes it stronger.*names no nutrient"),
    re.compile(r"uses a medicinal term [^“]"),
    re.compile(r"\(“-|“\s*-"),  # a register wording quoted with its list dash
]
CARRIED = re.compile(r"= ([^,()]+), line \d+\)|\(([^()]+) from line \d+\)")  # "('it' = Iron, line 3)", "(Iron from line 1)"
VERB = re.compile(r"\s(contributes?|helps?|has|have|is|are|supports?|increases?|maintains?|reduces?|can|may)\b")


def _diagnostics(path: Path) -> list[dict]:
    result = claimlint("check", "--format", "json", "--fail-on", "never", path)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["diagnostics"]


def _overlaps(a: dict, b: dict) -> bool:
    return (a["line"], a["column"]) < (b["end_line"], b["end_column"]) and (b["line"], b["column"]) < (a["end_line"], a["end_column"])


def _cited(diagnostic: dict) -> list[tuple[str, str]]:
    """(code, message) of a finding and of every finding merged into it."""
    return [(diagnostic["code"], diagnostic["message"]), *((m["code"], m["message"]) for m in diagnostic["merged"])]


def check_findings(diagnostics: list[dict], substances: set[str]) -> None:
    for d in diagnostics:
        stretch = [o for o in diagnostics if _overlaps(d, o)]
        assert len(stretch) <= MAX_PER_STRETCH, [(o["line"], o["column"], o["code"]) for o in stretch]
        for suggestion in d["suggestions"]:
            head = VERB.split(suggestion, 1)[0].lower()
            # a substance the sentence carries from before, as its message says, counts as
            # named, in whatever order the wording puts its words ("live yoghurt cultures")
            # in its own message, or in that of a reason merged into it, whose suggestions it took
            messages = [d["message"], *(m["message"] for m in d.get("merged", []))]
            carried = [
                name.lower().split() for message in messages for pair in CARRIED.findall(message) for names in pair if names
                for name in re.split(r",\s*|\s+and\s+", names)
            ]
            context = (d["excerpt"].lower(), *substances)
            assert any(head in text for text in context) or any(
                all(word in head.split() for word in name) for name in carried
            ), (suggestion, d["excerpt"])
        for code, message in _cited(d):
            for pattern in GARBLED:
                assert not pattern.search(message), message
        if d["evidence"] == "controlled trial":
            assert "review" not in d["excerpt"].lower() or "trial" in d["excerpt"].lower().split("review")[0], d["excerpt"]
    quoted: dict[str, int] = {}  # rejected entry -> the line where its wording and reason are quoted
    for d in sorted(diagnostics, key=lambda d: (d["line"], d["column"])):
        for code, message in _cited(d):
            if code == "HC102":
                entry = REGISTER_ID.search(message)
                assert entry, message
                if "“" in message:
                    assert entry.group(0) not in quoted, ("quoted twice", entry.group(0), d["line"])
                    quoted[entry.group(0)] = d["line"]
                else:
                    assert f"at line {quoted[entry.group(0)]}" in message, message


def _declared(profile: dict) -> set[str]:
    names = [*profile.get("nutrients", {}), *profile.get("ingredients", [])]
    return {n.lower() for n in names}


# "Your gut needs them to digest fibre": the requirement is judged for the fibre named
# after it rather than for what "them" stands for, and its suggestion names wheat bran fibre.
MISREAD = {"article-live-cultures.md"}


@pytest.mark.parametrize("page", [
    pytest.param(p, marks=pytest.mark.xfail(strict=True, reason="a requirement's pronoun object is not yet read")) if p.name in MISREAD else p
    for p in PAGES
], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_page_findings_hold(page):
    text = page.read_text(encoding="utf-8")
    front = re.match(r"---\n(.*?)\n---\n", text, re.S)
    profile = (yaml.safe_load(front.group(1)) or {}).get("claimlint", {}) if front else {}
    check_findings(_diagnostics(page), _declared(profile or {}))


def test_article_findings_hold(tmp_path, monkeypatch):
    if not ARTICLE.is_file():
        pytest.skip(f"{ARTICLE} is not here")
    profile = yaml.safe_load(ARTICLE_PROFILE.read_text(encoding="utf-8"))
    front = yaml.safe_dump(profile, allow_unicode=True, sort_keys=False)
    monkeypatch.chdir(tmp_path)
    page = write(tmp_path, "article.md", f"---\n{front}---\n{ARTICLE.read_text(encoding='utf-8')}")
    diagnostics = _diagnostics(page)
    assert diagnostics
    check_findings(diagnostics, _declared(profile["claimlint"]))
    for d in diagnostics:
        for suggestion in d["suggestions"]:
            assert suggestion.startswith(("Magnesium", "Vitamin C")), suggestion
