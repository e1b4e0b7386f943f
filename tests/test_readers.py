"""Readers: block text, exact source positions, directives and unreadable input."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimlint.document import Document
from claimlint.knowledge.base import Knowledge
from claimlint.readers import ReadError, decode, read_document

LINE_BREAK = re.compile(r"\r\n|\r|\n")
JOINERS = Knowledge.load().grammar.heading_joiners  # English plain text: "… and" runs on


def read(path: str, text: str) -> Document:
    doc = read_document(path, text.encode("utf-8"), heading_joiners=JOINERS)
    assert_spans_exact(doc)
    return doc


def editor_position(source: str, offset: int) -> tuple[int, int]:
    """Line and column as an editor shows them, counted independently of Document."""
    line, line_start = 1, 0
    for match in LINE_BREAK.finditer(source, 0, offset):
        line, line_start = line + 1, match.end()
    return line, offset - line_start + 1


def assert_spans_exact(doc: Document) -> None:
    """Every verbatim run holds the source's characters; offsets stay in order and in range."""
    for block in doc.blocks:
        for text_start, source_start, length in block.spans:
            assert doc.source[source_start:source_start + length] == block.text[text_start:text_start + length]
        offsets = [block.source_offset(i) for i in range(len(block.text) + 1)]
        assert offsets == sorted(offsets)
        assert 0 <= offsets[0] and offsets[-1] <= len(doc.source)


def block_with(doc: Document, phrase: str, kind: str | None = None):
    for block in doc.blocks:
        if phrase in block.text and (kind is None or block.kind == kind):
            return block
    raise AssertionError(f"{phrase!r} ({kind}) not in {[(b.kind, b.text) for b in doc.blocks]}")


def assert_maps(doc: Document, phrase: str, source_phrase: str | None = None, kind: str | None = None):
    """``phrase`` in a block maps to ``source_phrase``, which the file holds once, at the
    line and column an editor shows for it."""
    block = block_with(doc, phrase, kind)
    index = block.text.index(phrase)
    start, end = block.source_range(index, index + len(phrase))
    source_phrase = source_phrase or phrase
    assert doc.source.count(source_phrase) == 1, f"{source_phrase!r} is not unique in the test source"
    expected = doc.source.index(source_phrase)
    assert (start, end) == (expected, expected + len(source_phrase))
    assert doc.position(start) == editor_position(doc.source, expected)
    return block


def texts(doc: Document, kind: str | None = None) -> list[str]:
    return [block.text for block in doc.blocks if kind is None or block.kind == kind]


# Decoding and unreadable input


@pytest.mark.parametrize("path", ["copy.md", "copy.html", "copy.txt", "-"])
def test_empty_file_has_no_blocks(path):
    doc = read_document(path, b"")
    assert doc.blocks == [] and doc.directives == [] and doc.source == ""


@pytest.mark.parametrize("path", ["copy.md", "copy.html", "copy.txt"])
def test_binary_file_is_a_read_error(path):
    with pytest.raises(ReadError, match=rf"^{re.escape(path)}: binary file"):
        read_document(path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_invalid_utf8_names_the_byte_offset():
    with pytest.raises(ReadError) as error:
        read_document("copy.md", "Vitamin C é\n".encode() + b"\xff rest")
    assert str(error.value) == "copy.md: not valid UTF-8 (byte 0xff at byte offset 13)"


def test_invalid_utf8_offset_counts_the_bom():
    with pytest.raises(ReadError, match=r"byte offset 5\)$"):
        read_document("copy.txt", b"\xef\xbb\xbfab\xc3")


def test_utf16_is_a_read_error():
    with pytest.raises(ReadError, match="^copy.txt: UTF-16"):
        read_document("copy.txt", "Magnesium".encode("utf-16"))


def test_size_limit_is_the_callers():
    data = b"Magnesium supports muscles.\n" * 100
    assert read_document("copy.txt", data).blocks
    with pytest.raises(ReadError, match=r"^copy.txt: file too large \(2800 bytes, limit 1000\)$"):
        read_document("copy.txt", data, max_bytes=1000)


def test_read_error_messages_are_one_line():
    bad_inputs = [b"\x00", b"\xff", b"---\ntitle: [\n---\n", b"---\nclaimlint: 3\n---\n"]
    for data in bad_inputs:
        with pytest.raises(ReadError) as error:
            read_document("copy.md", data)
        assert "\n" not in str(error.value) and str(error.value).startswith("copy.md:")


def test_bom_is_dropped_and_column_one_is_the_first_character():
    doc = read_document("copy.txt", "\ufeffMagnesium cures anxiety.".encode())
    assert doc.source == "Magnesium cures anxiety."
    block = assert_maps(doc, "Magnesium")
    assert doc.position(block.source_offset(0)) == (1, 1)
    assert decode(b"\xef\xbb\xbfx", "copy.txt") == "x"


@pytest.mark.parametrize(
    ("path", "kind"),
    [("a.md", "heading"), ("a.MARKDOWN", "heading"), ("a.mdx", "heading"), ("a.txt", "paragraph"), ("-", "paragraph")],
)
def test_reader_is_chosen_by_suffix(path, kind):
    doc = read(path, "# Magnesium <b>cures</b>")
    assert doc.blocks[0].kind == kind


def test_html_reader_for_htm():
    doc = read("page.HTM", "<p>Magnesium <b>cures</b> anxiety</p>")
    assert texts(doc) == ["Magnesium cures anxiety"]


# Markdown


def test_markdown_paragraph_positions_with_crlf():
    doc = read("copy.md", "# Title\r\n\r\nIntro line.\r\nMagnesium cures anxiety.\r\n")
    block = assert_maps(doc, "cures anxiety")
    assert block.text == "Intro line. Magnesium cures anxiety."
    assert doc.position(block.source_offset(block.text.index("cures"))) == (4, 11)


def test_markdown_positions_with_cr_line_ends():
    doc = read("copy.md", "# Title\r\rFirst.\rMagnesium cures anxiety.\r")
    assert doc.position(assert_maps(doc, "cures").source_offset(0)) == (3, 1)
    assert_maps(doc, "cures anxiety")


def test_markdown_tabs_and_emoji_count_one_column_each():
    doc = read("copy.md", "Intro\n\n😀\tOur 🧪 magnesium cures anxiety.\n")
    block = assert_maps(doc, "cures anxiety")
    assert doc.position(block.source_offset(block.text.index("cures"))) == (3, 19)


def test_markdown_inline_markup_is_removed_but_mapped():
    doc = read("copy.md", "Our **magnesium** _really_ [cures anxiety](https://example.com/cures-anxiety) fast.\n")
    block = block_with(doc, "magnesium")
    assert block.text == "Our magnesium really cures anxiety fast."
    assert_maps(doc, "magnesium")
    assert_maps(doc, "really")
    assert_maps(doc, "cures anxiety")
    assert_maps(doc, "fast.")
    assert "example.com" not in block.text


def test_markdown_reference_links_and_autolinks():
    doc = read("copy.md", "See [our cure][ref] or <https://cure.example>.\n\n[ref]: https://cure.example/x\n")
    assert texts(doc) == ["See our cure or ."]
    assert_maps(doc, "our cure")


def test_markdown_entities_decode_to_the_entity_position():
    source = "Fish &amp; chips &#8211; &frac12; portion helps.\n"
    doc = read("copy.md", source)
    block = block_with(doc, "Fish")
    assert block.text == "Fish & chips – ½ portion helps."
    assert block.source_offset(block.text.index("&")) == source.index("&amp;")
    assert block.source_offset(block.text.index("–")) == source.index("&#8211;")
    assert block.source_offset(block.text.index("½")) == source.index("&frac12;")
    assert_maps(doc, "portion helps")


def test_markdown_entity_inside_emphasis_keeps_its_own_position():
    source = "x **&amp;** y\n"
    block = block_with(read("copy.md", source), "&")
    assert block.source_offset(block.text.index("&")) == source.index("&amp;")


def test_markdown_backslash_escapes():
    doc = read("copy.md", "\\*Not emphasis\\* and 5\\% off\n")
    assert texts(doc) == ["*Not emphasis* and 5% off"]
    assert_maps(doc, "Not emphasis")
    assert_maps(doc, "% off")


def test_markdown_soft_line_break_is_a_space_at_the_line_break():
    source = "Magnesium cures\nanxiety and stress.\n"
    doc = read("copy.md", source)
    block = block_with(doc, "cures anxiety")
    assert block.text == "Magnesium cures anxiety and stress."
    assert block.source_offset(block.text.index(" anxiety")) == source.index("\n")
    start, end = block.source_range(block.text.index("cures"), block.text.index("anxiety") + 7)
    assert source[start:end] == "cures\nanxiety"


def test_markdown_hard_breaks_are_spaces():
    doc = read("copy.md", "Line one  \nline two\\\nline three\n")
    assert texts(doc) == ["Line one line two line three"]
    assert_maps(doc, "line three")


def test_markdown_headings_list_items_and_quotes_are_blocks():
    source = (
        "# Magnesium *boosts* energy #\n\n"
        "Setext heading\n==============\n\n"
        "- Supports immunity\n- Cures\n  colds\n  1. nested item\n\n"
        "> Quoted claim\n> continues here\nlazily\n"
    )
    doc = read("copy.md", source)
    assert texts(doc, "heading") == ["Magnesium boosts energy", "Setext heading"]
    assert texts(doc, "list_item") == ["Supports immunity", "Cures colds", "nested item"]
    assert texts(doc, "quote") == ["Quoted claim continues here lazily"]
    assert_maps(doc, "boosts")
    assert_maps(doc, "colds")
    assert_maps(doc, "nested item")
    assert_maps(doc, "continues here")
    assert_maps(doc, "lazily")


def test_markdown_table_cells_share_a_group_per_row():
    source = "Intro\n\n| Nutrient | Claim |\n|---|---|\n| Zinc | cures *colds* |\n| Iron \\| B12 | boosts energy |\n"
    doc = read("copy.md", source)
    cells = [block for block in doc.blocks if block.kind == "table_cell"]
    assert [cell.text for cell in cells] == ["Nutrient", "Claim", "Zinc", "cures colds", "Iron | B12", "boosts energy"]
    assert [cell.group for cell in cells] == ["table:L3"] * 2 + ["table:L5"] * 2 + ["table:L6"] * 2
    assert_maps(doc, "cures colds", "cures *colds")
    assert_maps(doc, "B12")
    assert_maps(doc, "boosts energy")


def test_markdown_code_comments_urls_and_html_tags_are_not_linted():
    source = (
        "Take `magnesium cures` daily <!-- cures anxiety --> with <span class=\"cure\">care</span>.\n\n"
        "```\nVitamin C cures colds\n```\n\n"
        "    indented code cures too\n\n"
        "![Zinc cures colds](https://cdn.example/zinc-cures.png \"Cure title\")\n"
    )
    doc = read("copy.md", source)
    assert texts(doc, "paragraph") == ["Take  daily  with care."]
    assert texts(doc, "alt") == ["Zinc cures colds"]
    assert_maps(doc, "Zinc cures colds", kind="alt")
    assert not any("Vitamin" in text or "indented" in text or "cdn" in text for text in texts(doc))


def test_markdown_alt_text_with_markup_inside_a_sentence():
    doc = read("copy.md", "Look ![the *magic* pill](pill.png) here.\n")
    assert texts(doc) == ["Look  here.", "the magic pill"]
    assert_maps(doc, "magic pill", "magic* pill")


def test_markdown_html_block_text_is_linted_with_positions():
    source = "Intro.\n\n<div class=\"hero\">\n  <p>Magnesium &amp; zinc <b>cure</b>\n  anxiety</p>\n</div>\n\n> <p>Quoted <i>cure</i></p>\n"
    doc = read("copy.md", source)
    assert "Magnesium & zinc cure anxiety" in texts(doc)
    assert "Quoted cure" in texts(doc, "quote")
    assert_maps(doc, "zinc cure", "zinc <b>cure")
    assert_maps(doc, "Quoted")


def test_markdown_front_matter_fields_and_profile():
    source = (
        "---\n"
        "title: Magnesium boosts energy\n"
        "description: \"Vitamin C \\\"cures\\\" colds\"\n"
        "subtitle: 'Zinc''s immune boost'\n"
        "summary: >\n"
        "  Iron reduces\n"
        "  tiredness fast\n"
        "excerpt: 42\n"
        "tags: [a, b]\n"
        "claimlint:\n"
        "  profile: food_supplement\n"
        "  nutrients: {magnesium: 300 mg}\n"
        "---\n"
        "Body cures anxiety.\n"
    )
    doc = read("copy.md", source)
    assert doc.front_matter["tags"] == ["a", "b"]
    assert doc.profile == {"profile": "food_supplement", "nutrients": {"magnesium": "300 mg"}}
    assert texts(doc, "title") == ["Magnesium boosts energy"]
    assert texts(doc, "description") == ['Vitamin C "cures" colds']
    assert texts(doc, "subtitle") == ["Zinc's immune boost"]
    assert texts(doc, "summary") == ["Iron reduces tiredness fast"]
    assert texts(doc, "excerpt") == []
    title = assert_maps(doc, "Magnesium boosts energy")
    assert doc.position(title.source_offset(0)) == (2, 8)
    assert_maps(doc, "colds")
    assert_maps(doc, "Vitamin C")
    assert_maps(doc, "immune boost")
    assert_maps(doc, "tiredness fast")
    assert_maps(doc, "Iron reduces")
    body = assert_maps(doc, "cures anxiety")
    assert doc.position(body.source_offset(0)) == (14, 1)


def test_markdown_front_matter_with_crlf_and_dots_end():
    doc = read("copy.md", "---\r\ntitle: Zinc cures colds\r\n...\r\nBody text.\r\n")
    assert_maps(doc, "Zinc cures colds", kind="title")
    assert doc.position(block_with(doc, "Body").source_offset(0)) == (4, 1)


def test_markdown_empty_front_matter():
    doc = read("copy.md", "---\n---\nBody.\n")
    assert doc.front_matter == {} and doc.profile == {}
    assert texts(doc) == ["Body."]


def test_markdown_without_closing_front_matter_is_plain_markdown():
    doc = read("copy.md", "---\n\nMagnesium cures anxiety.\n")
    assert texts(doc) == ["Magnesium cures anxiety."]


def test_broken_front_matter_names_the_line():
    with pytest.raises(ReadError) as error:
        read_document("copy.md", b"---\ntitle: ok\ndescription: [unclosed\nother: x\n---\nBody\n")
    assert re.match(r"copy\.md:[45]: invalid front matter: ", str(error.value))


def test_front_matter_with_bad_value_is_a_read_error():
    with pytest.raises(ReadError, match=r"^copy\.md:2: invalid front matter"):
        read_document("copy.md", b"---\ndate: 2001-13-45\n---\n")
    with pytest.raises(ReadError, match=r"^copy\.md:2: invalid front matter"):
        read_document("copy.md", b"---\ntitle: \x07bell\n---\n")


def test_front_matter_must_be_a_mapping():
    with pytest.raises(ReadError, match=r"^copy\.md:2: invalid front matter: expected a mapping"):
        read_document("copy.md", b"---\n- a\n- b\n---\n")


def test_profile_must_be_a_mapping():
    with pytest.raises(ReadError, match=r"^copy\.md:3: front matter field 'claimlint' must be a mapping$"):
        read_document("copy.md", b"---\ntitle: x\nclaimlint: food_supplement\n---\n")


def test_markdown_directives():
    source = (
        "<!-- claimlint-disable-file -->\n\n"
        "Intro <!-- claimlint-disable-next-line HC101, MC201 -- approved by legal -->\n"
        "Magnesium cures anxiety.\n\n"
        "<!-- claimlint-disable HC101 MC201,OS501 -->\n\n"
        "Text.\n\n"
        "<!--\nclaimlint-enable\n-->\n\n"
        "```\n<!-- claimlint-disable -->\n```\n\n"
        "`<!-- claimlint-disable -->` and <!-- claimlint-disabled --> <!-- just a comment -->\n"
    )
    doc = read("copy.md", source)
    found = [(d.action, d.codes, d.line, d.end_line, d.column, d.reason) for d in doc.directives]
    assert found == [
        ("disable-file", (), 1, 1, 1, ""),
        ("disable-next-line", ("HC101", "MC201"), 3, 3, 7, "approved by legal"),
        ("disable", ("HC101", "MC201", "OS501"), 6, 6, 1, ""),
        ("enable", (), 10, 12, 1, ""),
    ]
    assert texts(doc) == ["Intro  Magnesium cures anxiety.", "Text.", "and"]


# HTML


HTML_PAGE = """<!DOCTYPE html>
<html>
<head>
  <title>Magnesium &amp; sleep</title>
  <meta name="description" content="Magnesium cures &quot;insomnia&quot;">
  <meta property="og:description" content='Boosts your immunity'>
  <meta name="twitter:description" content=Detoxifies>
  <meta name="viewport" content="width=device-width">
  <style>p { content: "cures cancer"; }</style>
  <script>var claim = "cures cancer";</script>
</head>
<body>
  <h1>Zinc <em>boosts</em> immunity</h1>
  <p>Our formula &ndash; with vitamin C &ndash;
     supports your
     defences.<br>It cures colds.</p>
  <ul><li>Helps sleep</li><li>Reduces stress</li></ul>
  <blockquote>It cured my eczema!</blockquote>
  <table>
    <tr><th>Nutrient</th><th>Claim</th></tr>
    <tr><td>Iron</td><td>fights <b>fatigue</b></td></tr>
  </table>
  <figure><img src="pill.png" alt="Pill that heals joints"><figcaption>Clinically proven</figcaption></figure>
  <a href="https://cure.example/cancer" title="Cancer cure">shop</a>
  <pre>code cures</pre><code>more code</code><template>hidden cure</template><noscript>no cure</noscript>
  <!-- claimlint-disable-next-line MC201 -- testimonial -->
  <div>Free text in a div<div>nested text</div></div>
</body>
</html>
"""


def test_html_blocks_kinds_and_text():
    doc = read("page.html", HTML_PAGE)
    kinds = {(block.kind, block.text) for block in doc.blocks}
    assert kinds >= {
        ("title", "Magnesium & sleep"),
        ("description", 'Magnesium cures "insomnia"'),
        ("description", "Boosts your immunity"),
        ("description", "Detoxifies"),
        ("heading", "Zinc boosts immunity"),
        ("paragraph", "Our formula – with vitamin C – supports your defences. It cures colds."),
        ("list_item", "Helps sleep"),
        ("list_item", "Reduces stress"),
        ("quote", "It cured my eczema!"),
        ("table_cell", "fights fatigue"),
        ("alt", "Pill that heals joints"),
        ("caption", "Clinically proven"),
        ("tooltip", "Cancer cure"),
        ("paragraph", "shop"),
        ("paragraph", "Free text in a div"),
        ("paragraph", "nested text"),
    }
    joined = " ".join(texts(doc))
    for hidden in ("cures cancer", "code", "hidden cure", "no cure", "width", "cure.example"):
        assert hidden not in joined


def test_html_positions():
    doc = read("page.html", HTML_PAGE)
    assert_maps(doc, "& sleep", "&amp; sleep", kind="title")
    assert_maps(doc, "insomnia", kind="description")
    assert_maps(doc, "Boosts your immunity")
    assert_maps(doc, "Detoxifies")
    assert_maps(doc, "boosts", kind="heading")
    assert_maps(doc, "with vitamin C")
    assert_maps(doc, "cures colds")
    assert_maps(doc, "heals joints")
    assert_maps(doc, "Cancer cure")
    assert_maps(doc, "fatigue")
    block = block_with(doc, "Our formula")
    assert block.source_offset(block.text.index("–")) == HTML_PAGE.index("&ndash;")
    assert block.source_offset(block.text.index(" supports")) == HTML_PAGE.index("\n     supports")
    quote = block_with(doc, "insomnia")
    assert quote.source_offset(quote.text.index('"')) == HTML_PAGE.index("&quot;")


def test_html_table_cells_share_a_group_per_row():
    doc = read("page.html", HTML_PAGE)
    cells = [block for block in doc.blocks if block.kind == "table_cell"]
    assert [cell.text for cell in cells] == ["Nutrient", "Claim", "Iron", "fights fatigue"]
    assert cells[0].group == cells[1].group != cells[2].group == cells[3].group
    assert cells[0].group == "table:L20C5"


def test_html_directives():
    doc = read("page.html", HTML_PAGE)
    assert [(d.action, d.codes, d.reason, d.line, d.column) for d in doc.directives] == [
        ("disable-next-line", ("MC201",), "testimonial", 26, 3)
    ]


def test_html_with_crlf_and_emoji():
    source = "<p>😀 Intro</p>\r\n<p>\r\n\t🧪 Zinc cures colds</p>\r\n"
    doc = read("page.html", source)
    assert texts(doc) == ["😀 Intro", "🧪 Zinc cures colds"]
    block = assert_maps(doc, "cures colds")
    assert doc.position(block.source_offset(block.text.index("cures"))) == (3, 9)


def test_html_deep_nesting_does_not_crash():
    depth = 10_000
    source = "<div>" * depth + "Magnesium cures anxiety" + "</div>" * depth + "<p>after</p>"
    doc = read("deep.html", source)
    assert texts(doc) == ["Magnesium cures anxiety", "after"]
    assert_maps(doc, "cures anxiety")
    unclosed = read("deep.html", "<span><b>" * depth + "cure</p>" * 10 + "</div>")
    assert texts(unclosed) == ["cure" * 10]


def test_html_malformed_markup_keeps_positions():
    source = "<p>a <![ weird > b <!x> c</p>\n<p>Zinc cures colds &amp more</p><p>x &#; y</p>"
    doc = read("page.html", source)
    assert_maps(doc, "cures colds")
    assert "Zinc cures colds & more" in texts(doc)


# Plain text


def test_text_paragraphs_headings_and_list_items():
    source = (
        "Energy Boost\n"
        "Magnesium boosts your energy.\n"
        "\n"
        "Our formula contains magnesium and\n"
        "Vitamin C which supports immunity.\n"
        "Why it works\n"
        "Clinically proven.\n"
        "\n"
        "- Cures colds\n"
        "  in days\n"
        "• Helps sleep\n"
        "2. Detoxifies\n"
        "after the list\n"
    )
    doc = read("copy.txt", source)
    assert [(block.kind, block.text) for block in doc.blocks] == [
        ("heading", "Energy Boost"),
        ("paragraph", "Magnesium boosts your energy."),
        ("paragraph", "Our formula contains magnesium and Vitamin C which supports immunity."),
        ("heading", "Why it works"),
        ("paragraph", "Clinically proven."),
        ("list_item", "Cures colds in days"),
        ("list_item", "Helps sleep"),
        ("list_item", "Detoxifies"),
        ("paragraph", "after the list"),
    ]
    assert_maps(doc, "Vitamin C")
    assert_maps(doc, "in days")
    assert_maps(doc, "Detoxifies")


@pytest.mark.parametrize(("source", "heading"), [
    ("Who we are\nMagnesium cures anxiety.\n", "Who we are"),  # ends in a joining word, but ended early
    ("Why it works\nmagnesium cures anxiety.\n", "Why it works"),  # the next line starts in lower case
    ("WHAT IT IS\nmagnesium cures anxiety.\n", "WHAT IT IS"),  # both, but written in capitals
    ("Welcome.\nOur Story\n\nMagnesium cures anxiety.\n", "Our Story"),  # a blank line after it
])
def test_text_heading_does_not_run_into_a_neighbour(source, heading):
    doc = read("copy.txt", source)
    assert ("heading", heading) in [(block.kind, block.text) for block in doc.blocks]
    assert texts(doc)[-1].lower() == "magnesium cures anxiety."


@pytest.mark.parametrize("source", [
    "Our formula contains magnesium and\nVitamin C which cures colds.\n",  # wrapped: "Vitamin" would not fit
    "Our capsules are\nmade to cure colds in days.\n",  # a joining word and lower case: one sentence
])
def test_text_wrapped_lines_are_not_headings(source):
    doc = read("copy.txt", source)
    assert [block.kind for block in doc.blocks] == ["paragraph"]


def test_text_hard_wrapped_sentence_stays_whole():
    doc = read("copy.txt", "Magnesium cures\nanxiety in days.\n")
    assert texts(doc) == ["Magnesium cures anxiety in days."]


def test_text_positions_with_crlf_cr_tabs_and_emoji():
    doc = read("copy.txt", "Intro.\r\n\r\n\t😀 Zinc cures colds.\r\rNext 🧪 paragraph\rwraps here.")
    block = assert_maps(doc, "cures colds")
    assert doc.position(block.source_offset(block.text.index("cures"))) == (3, 9)
    assert_maps(doc, "wraps here")
    assert texts(doc)[-1] == "Next 🧪 paragraph wraps here."


def test_text_directives_are_parsed_and_not_linted():
    source = (
        "# claimlint-disable-file\n"
        "  # claimlint-disable-next-line HC101 OS501 -- approved\n"
        "Magnesium cures anxiety.\n"
        "#claimlint-disable\n"
        "# claimlint-enable MC201\n"
        "# claimlint-disabled is just text\n"
    )
    doc = read("copy.txt", source)
    assert [(d.action, d.codes, d.line, d.end_line, d.column, d.reason) for d in doc.directives] == [
        ("disable-file", (), 1, 1, 1, ""),
        ("disable-next-line", ("HC101", "OS501"), 2, 2, 3, "approved"),
        ("disable", (), 4, 4, 1, ""),
        ("enable", ("MC201",), 5, 5, 1, ""),
    ]
    assert texts(doc) == ["Magnesium cures anxiety.", "# claimlint-disabled is just text"]


# Robustness


PIECES = [
    *"ab *_`[]()!<>&#;\\|-:\"'=/ \n\r\t",
    "&amp;", "&#x1F600;", "&#", "<!--", "-->", "**", "](", "😀", "é", "<p>", "</p>", "<div>",
    "<img alt='x'>", "<![", "<!x", "</", "---\n", "title: ", "claimlint:", "<script>", "</script>",
    "<!-- claimlint-disable HC101 -->", "# claimlint-disable", "\r\n", "```", "    ", "> ", "- ", "1. ",
    "|a|b|\n|-|-|\n", "<meta name=description content=", "\x0b", "\x85", "\u2028", "![", "<http://x>",
    "\\\n", "  \n", "\ufeff", "...\n",
]  # fmt: skip
markupish = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=300), suffix=st.sampled_from(["md", "html", "txt"]))
def test_arbitrary_bytes_read_or_raise_read_error(data, suffix):
    try:
        doc = read_document(f"fuzz.{suffix}", data)
    except ReadError as error:
        assert str(error).startswith(f"fuzz.{suffix}:") and "\n" not in str(error)
    else:
        assert_spans_exact(doc)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(markupish, st.text(max_size=200)), suffix=st.sampled_from(["md", "html", "txt"]))
def test_arbitrary_text_maps_exactly(text, suffix):
    try:
        doc = read_document(f"fuzz.{suffix}", text.encode("utf-8", "surrogatepass"))
    except ReadError:
        return
    assert_spans_exact(doc)
    for directive in doc.directives:
        assert 1 <= directive.line <= directive.end_line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**a\r\na**", ["a a"]),
        ("x\r\n\r\n__bold\r\ncopy__", ["x", "bold copy"]),
        ("**one\r\n**two\r\nthree**\r\nfour**", ["one two three four"]),
    ],
)
def test_emphasis_over_a_crlf_break_maps_exactly(text, expected):
    """The compiled parser gives emphasis that opens a page and spans a CRLF break a start
    below zero (as an unsigned number); the page is still read, every position exact."""
    doc = read_document("crlf.md", text.encode())
    assert [block.text for block in doc.blocks] == expected
    assert_spans_exact(doc)


def _cpu_seconds(path: str, data: bytes) -> float:
    start = time.process_time()
    read_document(path, data)
    return time.process_time() - start


def test_large_plain_text_reads_fast():
    data = ("Magnesium contributes to the reduction of tiredness and fatigue.\n" * 8 + "\n").encode() * 20_000
    assert len(data) > 10_000_000
    assert _cpu_seconds("big.txt", data) < 5


@pytest.mark.parametrize(
    ("path", "unit"),
    [
        ("big.md", "Magnesium **helps** [muscles](https://x.example) &amp; `x`.\nMore copy here.\n\n- item\n\n"),
        ("big.html", "<div><p>Magnesium <b>helps</b> muscles &amp; more.\n copy</p><img alt='x'></div>\n"),
    ],
)
def test_large_markup_reads_in_linear_time(path, unit):
    small, large = ((unit * count).encode() for count in (2_000, 8_000))
    ratio = _cpu_seconds(path, large) / max(_cpu_seconds(path, small), 1e-3)
    assert ratio < 8  # four times the input, so no quadratic blow-up


PATHOLOGICAL = [
    "[" * 40_000, "<" * 100_000, "&#" * 50_000, "*a " * 50_000, "![" * 10_000, "> " * 50_000, "|" * 100_000,
    "<a " * 30_000, "<a title='" * 30_000, "<!-- x>" * 30_000, "<![CDATA[x>" * 30_000, "<!--" * 30_000,
]  # fmt: skip


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda text: repr(text[:12]))
@pytest.mark.parametrize("suffix", ["md", "html", "txt"])
def test_pathological_input_is_not_slow(text, suffix):
    assert _cpu_seconds(f"bad.{suffix}", text.encode()) < 5
