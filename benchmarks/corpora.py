"""The benchmark's four corpora, built deterministically from the project's own corpus.

Each corpus is a folder of files cut from ``corpus/pages/*.md`` (paragraphs of product
pages) and the texts of ``corpus/cases.jsonl`` (single sentences labelled ``non_compliant``,
``compliant`` or ``no_claim``). A seeded generator draws from them, so the same size and
seed give the same bytes on every machine:

- ``dense``: Markdown product pages of 6-14 corpus paragraphs, a claim in most sentences;
- ``articles``: long plain-text articles of claim sentences (labelled non-compliant or
  compliant), in paragraphs of 4-8 sentences;
- ``catalogue``: plain-text catalogue copy where five sentences in six make no claim, and
  a comma-separated stream of short fields (code, name, size, a short description);
- ``mixed``: a third of each of the others, in their own subfolders.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("dense", "articles", "catalogue", "mixed")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def page_paragraphs() -> list[str]:
    """Paragraphs of the corpus product pages, front matter and comments left out."""
    found: list[str] = []
    for page in sorted((ROOT / "corpus" / "pages").glob("*.md")):
        text = _COMMENT.sub("", _FRONT_MATTER.sub("", page.read_text(encoding="utf-8")))
        found += [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) > 20]
    if not found:
        raise SystemExit("bench: corpus/pages/ has no pages to build corpora from")
    return found


def case_sentences() -> dict[str, list[str]]:
    """The texts of corpus/cases.jsonl by verdict, in file order."""
    by_verdict: dict[str, list[str]] = {}
    with open(ROOT / "corpus" / "cases.jsonl", encoding="utf-8") as cases:
        for line in cases:
            if line.strip():
                case = json.loads(line)
                by_verdict.setdefault(case["verdict"], []).append(case["text"])
    return by_verdict


class _Writer:
    """Writes numbered files into a folder until a byte budget is spent."""

    def __init__(self, folder: Path, budget: int) -> None:
        self.folder, self.budget, self.written, self.files = folder, budget, 0, []
        folder.mkdir(parents=True, exist_ok=True)

    @property
    def full(self) -> bool:
        return self.written >= self.budget

    def write(self, stem: str, suffix: str, text: str) -> None:
        path = self.folder / f"{stem}-{len(self.files):05d}{suffix}"
        data = text.encode("utf-8")
        path.write_bytes(data)
        self.files.append(path)
        self.written += len(data)


def _dense(rng: random.Random, out: _Writer, pool: list[str]) -> None:
    while not out.full:
        body = "\n\n".join(rng.choice(pool) for _ in range(rng.randint(6, 14)))
        out.write("page", ".md", f"# Product page {len(out.files)}\n\n{body}\n")


def _articles(rng: random.Random, out: _Writer, claims: list[str], article_bytes: int) -> None:
    while not out.full:
        paragraphs, size = [], 0
        while size < min(article_bytes, out.budget - out.written):
            paragraph = " ".join(rng.choice(claims) for _ in range(rng.randint(4, 8)))
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        out.write("article", ".txt", f"Article {len(out.files)}\n\n" + "\n\n".join(paragraphs) + "\n")


def _catalogue(rng: random.Random, out: _Writer, plain: list[str], claims: list[str], file_bytes: int) -> None:
    while not out.full:
        if len(out.files) % 2:  # a stream of short fields
            rows = ["code,name,size,description"]
            while sum(map(len, rows)) < file_bytes:
                words = rng.choice(plain).rstrip(".").split()
                name = " ".join(words[: rng.randint(2, 4)]).replace(",", "")
                text = rng.choice(claims if rng.random() < 1 / 6 else plain)
                rows.append(f'C{rng.randint(10000, 99999)},{name},{rng.choice((50, 100, 250, 500))} ml,"{text}"')
            out.write("stream", ".txt", "\n".join(rows) + "\n")
        else:  # descriptions, one item per paragraph
            items, size = [], 0
            while size < file_bytes:
                item = " ".join(rng.choice(claims if rng.random() < 1 / 6 else plain) for _ in range(rng.randint(2, 5)))
                items.append(item)
                size += len(item) + 2
            out.write("catalogue", ".txt", "\n\n".join(items) + "\n")


def build(kind: str, folder: Path, size_mb: float, seed: int) -> list[Path]:
    """Write the corpus ``kind`` of about ``size_mb`` MB into ``folder``; its files, in order."""
    rng = random.Random(f"{kind}-{seed}")
    budget = int(size_mb * 1_000_000)
    sentences = case_sentences()
    claims = sentences["non_compliant"] + sentences["compliant"]
    plain = sentences["no_claim"]
    # Files are long next to the corpus size (articles ~ a twentieth of it), capped so
    # that a small corpus still has several files for --jobs.
    long_file = max(4_000, min(200_000, budget // 20))
    if kind == "mixed":
        files: list[Path] = []
        for part in KINDS[:3]:
            files += build(part, folder / part, size_mb / 3, seed)
        return files
    out = _Writer(folder, budget)
    if kind == "dense":
        _dense(rng, out, page_paragraphs())
    elif kind == "articles":
        _articles(rng, out, claims, long_file)
    elif kind == "catalogue":
        _catalogue(rng, out, plain, claims, long_file // 4)
    else:
        raise ValueError(f"no corpus kind {kind!r}")
    return out.files
