"""The fast Markdown reader (markdown-it-pyrs) and the one it hands hard pages to
(markdown-it-py) must give the same blocks, so which one read a page never shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimlint.document import Document
from claimlint.readers import markdown
from claimlint.readers.frontmatter import read_front_matter
from claimlint.readers.markdown_it_py import read_tokens
from test_readers import assert_spans_exact, read

ROOT = Path(__file__).resolve().parents[1]

# Our own page, with what tends to break offsets: non-ASCII text (bytes vs code points),
# front matter, CRLF, entities, escapes, links, images, a table, lists, quotes, an HTML block.
PAGE = (
    "---\r\ntitle: Zinc — 10 µg\r\n---\r\n"
    "# Zinc’s *role* 😀\r\n\r\n"
    "Each tablet gives 10 µg of [zinc](https://x.example \"t\") &amp; vitamin\u00a0C \\* 2.\r\n"
    "It helps the body — see ![a *zinc* tablet](z.png).  \r\n"
    "Second line.\r\n\r\n"
    "> Quoted: iron ‘supports’ energy.\r\n> More.\r\n\r\n"
    "- item one 😀\r\n- item two\r\n  continued\r\n  - nested\r\n\r\n"
    "1. first\r\n\r\n2. second\r\n\r\n"
    "| Nutrient | µg |\r\n|---|---|\r\n| Iron \\| B12 | **14** |\r\n\r\n"
    "<div>\r\nHTML µ block with <b>copy</b>.\r\n</div>\r\n\r\n"
    "Setext heading\r\n---\r\n\r\n"
    "<!-- claimlint-disable HC101 --> after <https://auto.example> end\r\n"
)


def _both(text: str) -> tuple[Document, Document]:
    fast = read("page.md", text)
    slow = Document(path="page.md", source=fast.source)
    body = read_front_matter(slow)
    assert markdown._compiled_reads(fast.source[body:]), "this page should be read by markdown-it-pyrs"
    read_tokens(slow, body)
    return fast, slow


def _blocks(doc: Document) -> list[tuple]:
    return [(b.text, b.spans, b.kind, b.group, b.source_end) for b in doc.blocks]


@pytest.mark.parametrize(
    "text",
    [PAGE, PAGE.replace("\r\n", "\n"), PAGE.replace("\r\n", "\r")],
    ids=["crlf", "lf", "cr"],
)
def test_readers_agree_on_a_page_with_everything(text):
    fast, slow = _both(text)
    assert _blocks(fast) == _blocks(slow)
    assert [vars(d) for d in fast.directives] == [vars(d) for d in slow.directives]
    assert_spans_exact(fast)
    assert "Each tablet gives 10 µg of zinc & vitamin\u00a0C * 2. It helps the body — see . Second line." in [
        b.text for b in fast.blocks
    ]


@pytest.mark.parametrize("path", sorted((ROOT / "corpus").rglob("*.md")), ids=lambda p: p.name)
def test_readers_agree_on_the_corpus(path):
    fast, slow = _both(path.read_text(encoding="utf-8"))
    assert _blocks(fast) == _blocks(slow)
    assert [vars(d) for d in fast.directives] == [vars(d) for d in slow.directives]


@pytest.mark.parametrize(
    ("text", "block"),
    [
        ("Zinc [`helps] immunity.\n", "Zinc [`helps] immunity."),  # a lone backtick in a link label
        ("- " * 25_000 + "zinc helps\n", None),  # nesting that would overflow the Rust parser's stack
        ("Zinc helps. <!-- claimlint-disable-next-line HC101 -- approved -->\n", "Zinc helps."),
        ("<!doctype html>\nZinc helps.\n", None),  # a lowercase declaration starts HTML in 0.31 only
    ],
    ids=["backtick-in-label", "deep-lists", "comment-with-dashes", "lowercase-declaration"],
)
def test_pages_markdown_it_pyrs_cannot_read_go_to_markdown_it_py(text, block, capfd):
    assert not markdown._compiled_reads(text)
    doc = read("page.md", text)
    assert capfd.readouterr().err == ""  # the Rust parser never ran, so printed nothing
    if block is not None:
        assert block in [b.text for b in doc.blocks]
    if "approved" in text:
        assert [(d.action, d.codes, d.reason) for d in doc.directives] == [
            ("disable-next-line", ("HC101",), "approved")
        ]


def _large_page() -> str:
    """A page of every corpus page's body, with what a cut must never fall inside: a
    fence holding blank lines and lines that look like headings, lists and quotes running
    over blank lines, a table, one-line comments and a multi-line HTML block."""
    bodies = [page.read_text(encoding="utf-8").split("\n---\n", 1)[-1] for page in sorted((ROOT / "corpus" / "pages").glob("*.md"))]
    tricky = (
        "Zinc helps.\n\n```text\nMagnesium boosts energy.\n\n# Not a heading\n\nStill code.\n```\n\n"
        "- iron helps\n\n  still the item\n\nAfter the list, iron µg.\n\n> quoted zinc\n>\n> more\n\n"
        "| a | b |\n|---|---|\n| zinc | helps |\n\n<!-- claimlint-disable-next-line HC101 -->\nZinc boosts skin.\n\n"
    )
    return "".join(body + "\n\n" + tricky for body in bodies * 3) + "<div>\n\nZinc inside HTML.\n\n</div>\n\nThe end.\n"


def test_a_large_page_read_in_sections_gives_the_blocks_of_the_whole(monkeypatch):
    page = _large_page()
    assert markdown._compiled_reads(page)
    cuts = list(markdown.sections(page, 500))
    assert len(cuts) > 20 and cuts[0][0] == 0 and cuts[-1][1] == len(page)
    assert all(end == start for (_, end), (start, _) in zip(cuts, cuts[1:]))
    assert not any(page[start:].startswith("# Not a heading") for start, _ in cuts)  # never inside the fence
    whole = read("page.md", page)
    monkeypatch.setattr(markdown, "SECTION", 500)
    parted = read("page.md", page)
    assert _blocks(parted) == _blocks(whole)
    assert [vars(d) for d in parted.directives] == [vars(d) for d in whole.directives]
    assert_spans_exact(parted)


@pytest.mark.parametrize(
    "tail",
    ["[zinc]: https://x.example\n", "  ```\nindented fence\n", "<pre>\n\nZinc\n\n</pre>\n"],
    ids=["link-definition", "indented-fence", "html-block"],
)
def test_a_page_is_not_cut_where_what_is_open_cannot_be_told(tail):
    page = tail + "".join(f"Zinc helps, part {n}.\n\n" for n in range(200))
    assert list(markdown.sections(page, 100)) == [(0, len(page))]
