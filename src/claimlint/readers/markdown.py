"""Markdown: CommonMark and tables through markdown-it-pyrs, with exact positions.

The parser (markdown-it compiled from Rust, several times faster than the pure-Python
markdown-it-py, which still reads the pages it cannot: see :func:`_parse`) gives every
node the range of the source it was parsed from, in UTF-8 bytes; :class:`_Offsets` turns
them into the code-point offsets the document uses. Text is copied out of the source where
the node's range says it starts, and looked for past the text before it where the range
does not hold it (some ends after a line break are reported too long). Only HTML blocks
are still laid over their source lines, since the HTML reader works on the block's text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from markdown_it_pyrs import MarkdownIt, Node

from claimlint.document import Document
from claimlint.readers.directives import COMMENT, parse_directive
from claimlint.readers.frontmatter import read_front_matter
from claimlint.readers.html import extract_html
from claimlint.readers.markdown_lines import lines_map
from claimlint.readers.spans import SourceBuilder, SourceMap, align

# Nodes that say what the text inside them is.
_KINDS = {
    "blockquote": "quote",
    "list_item": "list_item",
    "heading": "heading",
    "lheading": "heading",
    "tcell": "table_cell",
}
# Nodes that hold blocks; every other node is part of a block's text.
_CONTAINERS = frozenset(
    {"root", "paragraph", "blockquote", "bullet_list", "ordered_list", "list_item", "heading", "lheading",
     "table", "thead", "tbody", "trow", "tcell", "html_block", "code_block", "fence", "hr", "definition"}
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LINE_END = re.compile(r"\r\n?|\n")

_MARKDOWN = MarkdownIt("commonmark").enable("table")
# markdown-it 0.6.0 recurses without a limit: quotes or lists nested about 20,000 deep, or
# images inside images, overflow its stack and end the process. Nesting needs a marker per
# level at the start of a line (or a tab for two), and an ``![`` per image.
_TOO_DEEP = re.compile(r"^[ \t>*+\-.)0-9]{2000}", re.MULTILINE)
_MAX_IMAGES = 100
SECTION = 200_000  # characters of a large page parsed at once (see sections())
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n|$)")
_FENCE = re.compile(r"`{3,}|~{3,}")
_ONE_LINE_COMMENT = re.compile(r"<!--.*-->")
_DEFINITION = re.compile(r"^[ \t>*+\-.)0-9]*\[[^\]\r\n]+\]:", re.MULTILINE)
# CommonMark 0.31 (markdown-it-py) reads ``<!doctype html>`` as HTML; 0.30 wants capitals.
_LOWERCASE_DECLARATION = re.compile(r"<![a-z]")


class _Offsets:
    """Turns UTF-8 byte offsets in ``text`` into code-point offsets in the document,
    where ``text`` starts at ``base``."""

    def __init__(self, text: str, base: int) -> None:
        self.base = base
        self._byte_starts: list[int] = []  # byte offset of each non-ASCII character
        self._extra: list[int] = []  # bytes beyond one, up to and including that character
        extra = 0
        for match in _NON_ASCII.finditer(text):
            self._byte_starts.append(match.start() + extra)
            extra += len(match.group().encode("utf-8")) - 1
            self._extra.append(extra)
        self.ascii = not self._byte_starts  # then bytes and code points are the same

    def __call__(self, byte: int) -> int:
        before = bisect.bisect_left(self._byte_starts, byte)
        return self.base + byte - (self._extra[before - 1] if before else 0)


def read_markdown(path: str, text: str) -> Document:
    doc = Document(path=path, source=text)
    body = read_front_matter(doc)
    content = text[body:]
    if not (_compiled_reads(content) and _read_sections(doc, content, body)):
        # Imported here: markdown-it-py takes about 0.1 s to import, and few pages need it.
        from claimlint.readers.markdown_it_py import read_tokens

        read_tokens(doc, body)
    return doc


def _read_sections(doc: Document, content: str, body: int) -> bool:
    """Read ``content`` (the page after its front matter, at ``body``) with markdown-it-pyrs,
    a section at a time (see :func:`sections`); False, with nothing read, where it panics."""
    blocks, directives = len(doc.blocks), len(doc.directives)
    for start, end in sections(content, SECTION):
        section = content[start:end]
        try:
            tree = _MARKDOWN.tree(section)
        except BaseException as error:  # pyo3's PanicException derives from BaseException
            if type(error).__name__ != "PanicException":
                raise
            del doc.blocks[blocks:], doc.directives[directives:]
            return False
        _Reader(doc, _Offsets(section, body + start)).blocks(tree)
    return True


def sections(content: str, size: int) -> Iterator[tuple[int, int]]:
    """``content`` cut into consecutive sections of at least ``size`` characters that
    parse as they do within the whole page, so that a large page is parsed a section at
    a time: the parser's tree (its nodes and, in the compiled parser, its own copy)
    takes about fifty times the size of the text it is built for.

    A section ends before a line that starts with a letter or ``#`` at its first column
    after a blank line: such a line opens a new top-level block, since it continues no
    paragraph, list or quote. Unless a fenced code block is open there (fences opened and
    closed at the first column are followed), or an HTML block could be: after any line
    starting with ``<`` (but a one-line comment) or a fence not at the first column, the
    page is not cut further. A page with a link reference definition, which links
    anywhere on the page may use, is not cut at all."""
    if len(content) <= size or _DEFINITION.search(content):
        yield 0, len(content)
        return
    start = 0
    fence = ""  # the opening run of the fenced code block open at the first column
    blank = False  # the line before was blank
    for line in _LINE.finditer(content):
        text = line.group()
        stripped = text.lstrip(" \t")
        if stripped.startswith("<") and not _ONE_LINE_COMMENT.match(stripped) or len(stripped) < len(text) and _FENCE.match(stripped):
            break  # what is open from here on cannot be told line by line
        if fence:
            if text.startswith(fence) and not text.strip().strip(fence[0]):
                fence = ""
        else:
            first = text[:1]
            if blank and line.start() - start >= size and (first == "#" or first.isascii() and first.isalpha()):
                yield start, line.start()
                start = line.start()
            opening = _FENCE.match(text)
            if opening and not (opening.group()[0] == "`" and "`" in text[opening.end():]):
                fence = opening.group()
        blank = not text.strip()
    yield start, len(content)


def _compiled_reads(content: str) -> bool:
    """Whether markdown-it-pyrs can read the page, as far as can be told before parsing.

    markdown-it-pyrs 0.4.0 builds on markdown-it 0.6.0, which panics on a backtick without
    its closing run inside a link label (``[`` then a lone backtick: markdown-it-rust issue 40).
    Such pages, pages nested deep enough to overflow its stack (``_TOO_DEEP``) and pages
    where CommonMark 0.30, which it follows, reads HTML otherwise than 0.31 are rare in copy
    and go to markdown-it-py without trying. Any other panic is caught too (by
    :func:`_read_sections`), though the parser has already printed its message on stderr by then.
    """
    return not (
        "`" in content
        and "[" in content
        or _TOO_DEEP.search(content)
        or content.count("![") > _MAX_IMAGES
        or _LOWERCASE_DECLARATION.search(content)
        or _has_older_comment_rule_difference(content)
    )


class _Reader:
    """Turns the parser's tree into the document's blocks, directives and HTML text."""

    def __init__(self, doc: Document, offsets: _Offsets) -> None:
        self.doc = doc
        self.source = doc.source
        self.offsets = offsets
        self.limit = len(doc.source)

    def span(self, node: Node) -> tuple[int, int]:
        """The node's range in the source (the parser reports some ends past the page's end,
        and, for emphasis over a CRLF line break, a start below zero as an unsigned number:
        such a node is read from the start of its section, its children placed by search)."""
        start, end = node.srcmap
        if start > end:
            start = 0
        offsets = self.offsets
        if offsets.ascii:
            start, end = offsets.base + start, offsets.base + end
        else:
            start, end = offsets(start), offsets(end)
        return start, min(end, self.limit)

    def blocks(self, root: Node) -> None:
        """Read the blocks under ``root`` in source order (without recursion: quotes nest deep)."""
        stack: list[tuple[Node | list[Node], str | None, str | None]] = [(root, None, None)]
        while stack:
            node, kind, group = stack.pop()
            if isinstance(node, list):
                self.text(node, kind, group)
                continue
            kind = _KINDS.get(node.name, kind)
            if node.name == "trow" and node.srcmap:
                group = f"table:L{_line_index(self.doc, self.span(node)[0]) + 1}"
            elif node.name == "html_block":
                self.html(node, kind)
                continue
            parts: list[tuple[Node | list[Node], str | None, str | None]] = []
            text: list[Node] = []
            for child in node.children:
                if child.name in _CONTAINERS:
                    if text:
                        parts.append((text, kind, group))
                        text = []
                    parts.append((child, kind, group))
                else:
                    text.append(child)
            if text:
                parts.append((text, kind, group))
            stack.extend(reversed(parts))

    def html(self, node: Node, kind: str | None) -> None:
        """The text of an HTML block, laid over its source lines as the parser saw them."""
        content = node.meta.get("content", "")
        if content and node.srcmap:
            where = lines_map(self.doc, content, _line_index(self.doc, self.span(node)[0]))
            extract_html(self.doc, content, where, kind or "paragraph")

    def text(self, nodes: list[Node], kind: str | None, group: str | None) -> None:
        """One block from a run of inline nodes, and one per image's alt text."""
        builder = SourceBuilder(kind or "paragraph", group)
        alts: list[SourceBuilder] = []
        starts = [self.span(node)[0] for node in nodes[:1] if node.srcmap]
        self.inline(nodes, starts[0] if starts else 0, builder, alts)
        for done in (builder, *alts):
            block = done.build()
            if block is not None:
                self.doc.blocks.append(block)

    def find(self, raw: str, start: int, end: int, cursor: int) -> int:
        """Where ``raw`` is in the source: at ``start`` if the parser's range holds it, else past ``cursor``."""
        if start >= cursor and self.source.startswith(raw, start):
            return start
        return self.source.find(raw, cursor, max(end, cursor))

    def aligned(self, builder: SourceBuilder, content: str, start: int, end: int) -> int:
        """Copy text the parser rewrote (``\\|`` in a table cell) word by word from ``source[start:end]``."""
        if start >= end:
            builder.add_decoded(content, start)
            return start
        runs = align(content, 0, self.source, start, end)
        SourceMap(runs).copy(builder, content, 0)
        return max((run[1] + run[2] for run in runs if run[3]), default=start)

    def inline(self, nodes: list[Node], cursor: int, builder: SourceBuilder, alts: list[SourceBuilder]) -> None:
        """Copy the copy in inline ``nodes`` into ``builder``, image alt texts into ``alts``;
        ``cursor`` is where the source of the nodes starts. Emphasis can nest thousands deep,
        so nested nodes are walked with a stack of (children left, builder, end, alt text)."""
        stack: list[tuple[Iterator[Node], SourceBuilder, int, SourceBuilder | None]] = [
            (iter(nodes), builder, cursor, None)
        ]
        while stack:
            children, builder, close, alt = stack[-1]
            node = next(children, None)
            if node is None:
                stack.pop()
                cursor = max(cursor, close)
                if alt is not None:
                    alts.append(alt)
                continue
            name = node.name
            start, end = self.span(node) if node.srcmap else (cursor, cursor)
            if name in ("text", "text_special"):
                cursor = self.copy(node, start, end, cursor, builder)
            elif name in ("softbreak", "hardbreak"):
                line_end = _LINE_END.search(self.source, max(start, cursor))
                if line_end is not None:
                    builder.add_decoded(" ", line_end.start())
                    cursor = line_end.end()
            elif name == "html_inline":
                comment = COMMENT.fullmatch(node.meta.get("content", ""))
                if comment is not None:
                    directive = parse_directive(self.doc, comment.group(1), start, end)
                    if directive is not None:
                        self.doc.directives.append(directive)
                cursor = max(cursor, end)
            elif name in ("autolink", "code_inline"):  # an autolink's text is its URL
                cursor = max(cursor, end)
            elif name == "link":
                cursor = start + 1
                stack.append((iter(node.children), builder, end, None))
            elif name == "image":
                cursor = start + 2
                alt = SourceBuilder("alt")
                stack.append((iter(node.children), alt, end, alt))
            else:  # emphasis
                cursor = max(cursor, start)
                stack.append((iter(node.children), builder, end, None))

    def copy(self, node: Node, start: int, end: int, cursor: int, builder: SourceBuilder) -> int:
        """Copy a text node into ``builder``; returns where its source ends."""
        meta = node.meta
        content = meta.get("content", "")
        raw = meta.get("markup", content) if node.name == "text_special" else content
        found = self.find(raw, start, end, cursor)
        if found < 0:
            return self.aligned(builder, content, max(start, cursor), end)
        if content == raw:
            builder.add(raw, found)
        elif meta.get("info") == "escape":
            builder.add(content, found + 1)
        else:
            builder.add_decoded(content, found)
        return found + len(raw)


def _has_older_comment_rule_difference(content: str) -> bool:
    """Does the page hold an HTML comment that CommonMark 0.30 (markdown-it 0.6.0) does not
    take for one inside a paragraph, while 0.31 (markdown-it-py) does: ``<!-->``, or a
    comment with ``--`` inside, such as a directive's ``-- reason``?"""
    at = content.find("<!--")
    while at >= 0:
        end = content.find("-->", at + 2)
        if end < 0:
            return False
        text = content[at + 4:end]
        if end < at + 4 or "--" in text or text.startswith((">", "->")) or text.endswith("-"):
            return True
        at = content.find("<!--", end + 3)
    return False


def _line_index(doc: Document, offset: int) -> int:
    """0-based line of a source offset."""
    return bisect.bisect_right(doc.line_starts, offset) - 1
