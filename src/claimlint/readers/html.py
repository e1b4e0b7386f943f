"""HTML: the visible copy, alt and title attributes and the page's descriptions.

The standard-library parser reports where each event starts, but hands text over already
decoded (or split at entities, depending on the Python version). So the text of a run is
taken from the source between its start and the next event, and entities are decoded here,
where each one's position is known. Open elements live on a list, never the call stack, so
any depth of nesting is fine.

The parser looks for the end of a construct as far as the end of the input, and does so
again for each construct that never ends: quadratic time on input like ``<!-- x>`` repeated.
So it is only handed the input up to the last ``>`` (nothing after it can end a construct,
so the rest is text), and is told at once when no comment or ``<![`` section can end.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser

from claimlint.document import Block, Document
from claimlint.readers.directives import parse_directive
from claimlint.readers.spans import SourceBuilder, SourceMap

_SKIPPED = frozenset("script style code kbd samp pre template noscript textarea svg math".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Elements whose start and end separate blocks, so no sentence runs from one into the next.
_BLOCK = frozenset(
    """
    address article aside blockquote body button caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html label legend li
    main nav ol optgroup option p pre section select summary table tbody td tfoot th thead title
    tr ul
    """.split()
)
# Elements that say what their text is; any other element's text is what its parent's is.
_KINDS = {
    **{f"h{level}": "heading" for level in range(1, 7)},
    "li": "list_item",
    "td": "table_cell",
    "th": "table_cell",
    "blockquote": "quote",
    "title": "title",
    "figcaption": "caption",
    "caption": "caption",
}
_ATTRIBUTE_KINDS = {"alt": "alt", "title": "tooltip"}
_META_KINDS = {
    "description": "description",
    "og:description": "description",
    "twitter:description": "description",
    "og:title": "title",
    "twitter:title": "title",
}
# An entity, or whitespace a browser shows as one space.
_TEXT_SPECIAL = re.compile(
    r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?"
    r"|[ \t\r\n\f]{2,}|[\t\r\n\f]"
)
_TAG_NAME = re.compile(r"<?[^\t\n\r\f />]*[\s/]*")
_ATTRIBUTE = re.compile(r"""([^\s/>][^\s/=>]*)(?:\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?[\s/]*""")
_NEWLINE = re.compile("\n")
_COMMENT_END = re.compile(r"--!?\s*>")
_SECTION_END = re.compile(r"\]\s*>")


def read_html(path: str, text: str) -> Document:
    doc = Document(path=path, source=text)
    extract_html(doc, text, SourceMap.identity(text))
    return doc


def extract_html(doc: Document, markup: str, where: SourceMap, kind: str = "paragraph") -> None:
    """Add the blocks and directives of ``markup`` to ``doc``; ``where`` maps its offsets
    into ``doc.source`` (Markdown hands over its HTML blocks this way)."""
    extractor = _Extractor(doc, markup, where, kind)
    markup_end = markup.rfind(">") + 1
    extractor.feed(markup[:markup_end])
    extractor.close()
    extractor.finish(markup_end)
    extractor.blocks.sort(key=lambda block: block.spans[0][1])
    doc.blocks.extend(extractor.blocks)


def copy_html_text(builder: SourceBuilder, where: SourceMap, raw: str, local: int) -> None:
    """Append HTML text as a browser shows it: entities decoded, whitespace runs as one space."""
    if _TEXT_SPECIAL.search(raw) is None:
        where.copy(builder, raw, local)
        return
    done = 0
    for match in _TEXT_SPECIAL.finditer(raw):
        start = match.start()
        if start > done:
            where.copy(builder, raw[done:start], local + done)
        special = match.group()
        decoded = html.unescape(special) if special[0] == "&" else " "
        if decoded == special:
            where.copy(builder, special, local + start)
        else:
            where.decoded(builder, decoded, local + start)
        done = match.end()
    if done < len(raw):
        where.copy(builder, raw[done:], local + done)


def _last_start(pattern: re.Pattern[str], text: str) -> int:
    return max((match.start() for match in pattern.finditer(text)), default=-1)


def _attribute_values(start_tag: str) -> dict[str, tuple[int, str]]:
    """Offset within the tag and raw text of each attribute value of a start tag."""
    values: dict[str, tuple[int, str]] = {}
    for match in _ATTRIBUTE.finditer(start_tag, _TAG_NAME.match(start_tag).end()):
        name, value = match.group(1).lower(), match.group(2)
        if value is None or name in values:
            continue
        offset = match.start(2)
        if value[:1] in ("'", '"'):
            value, offset = value[1:-1], offset + 1
        values[name] = (offset, value)
    return values


class _Extractor(HTMLParser):
    def __init__(self, doc: Document, markup: str, where: SourceMap, kind: str) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = doc
        self.markup = markup
        self.where = where
        self.newlines = [0, *(match.end() for match in _NEWLINE.finditer(markup))]
        self.root: tuple[str, str | None] = (kind, None)
        self.stack: list[tuple[str, str, str | None]] = []  # open elements: tag, kind, group
        self.open: Counter[str] = Counter()
        self.rows: list[str] = []  # groups of the open <tr> elements
        self.skipping = 0
        self.builder: SourceBuilder | None = None
        self.blocks: list[Block] = []
        self.text_start: int | None = None  # text seen but not yet copied: it ends at the next event
        self.last_comment_end = _last_start(_COMMENT_END, markup)
        self.last_section_end = _last_start(_SECTION_END, markup)

    # Events

    def handle_data(self, data: str) -> None:
        here = self._event()
        if not self.skipping:
            self.text_start = here

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self._event())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self._event())
        if tag not in _VOID:
            self._end(tag)

    def handle_endtag(self, tag: str) -> None:
        self._event()
        self._end(tag)

    def handle_comment(self, data: str) -> None:
        here = self._event()
        if self.markup.startswith("<!--", here):
            body_end = here + 4 + len(data)
            end = self.markup.find(">", body_end) + 1 or body_end
            directive = parse_directive(
                self.doc, data, self.where.source(here), self.where.source(end - 1) + 1
            )
            if directive is not None:
                self.doc.directives.append(directive)

    def handle_decl(self, decl: str) -> None:
        self._event()

    def handle_pi(self, data: str) -> None:
        self._event()

    def unknown_decl(self, data: str) -> None:
        self._event()

    def parse_comment(self, i: int, report: int = 1) -> int:
        if self._position() > self.last_comment_end:
            return -1  # unterminated
        return super().parse_comment(i, report)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """Skip a malformed ``<![…`` section like a bogus comment: some Python versions
        raise AssertionError on one instead, after moving the position on."""
        if self._position() > self.last_section_end:
            return -1  # unterminated
        position = self.getpos()
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.lineno, self.offset = position
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1

    def finish(self, markup_end: int) -> None:
        """Copy the text after ``markup_end``, the part of the markup the parser was not given."""
        if self.text_start is None and markup_end < len(self.markup) and not self.skipping:
            self.text_start = markup_end
        if self.text_start is not None:
            self._copy_text(len(self.markup))
        self._flush()

    # State

    def _position(self) -> int:
        line, column = self.getpos()
        return self.newlines[line - 1] + column

    def _event(self) -> int:
        """Offset where the current event starts, after copying the text that ends there."""
        here = self._position()
        if self.text_start is not None:
            self._copy_text(here)
        return here

    def _copy_text(self, end: int) -> None:
        start, self.text_start = self.text_start, None
        copy_html_text(self._builder(), self.where, self.markup[start:end], start)

    def _builder(self) -> SourceBuilder:
        if self.builder is None:
            kind, group = self.stack[-1][1:] if self.stack else self.root
            self.builder = SourceBuilder(kind, group)
        return self.builder

    def _flush(self) -> None:
        if self.builder is not None:
            block = self.builder.build()
            if block is not None:
                self.blocks.append(block)
            self.builder = None

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], here: int) -> None:
        if not self.skipping:
            if attrs:
                self._attributes(tag, attrs, here)
            if tag == "br" and self.builder is not None:
                self.where.decoded(self.builder, " ", here)
        if tag in _BLOCK:
            self._flush()
        if tag in _VOID:
            return
        kind, group = self.stack[-1][1:] if self.stack else self.root
        if tag == "tr":
            line, column = self.doc.position(self.where.source(here))
            group = f"table:L{line}C{column}"
            self.rows.append(group)
        elif tag in ("td", "th"):
            group = self.rows[-1] if self.rows else None
        self.stack.append((tag, _KINDS.get(tag, kind), group))
        self.open[tag] += 1
        if tag in _SKIPPED:
            self.skipping += 1

    def _end(self, tag: str) -> None:
        if not self.open[tag]:
            return
        separates = False
        name = None
        while name != tag:
            name = self.stack.pop()[0]
            self.open[name] -= 1
            if name in _SKIPPED:
                self.skipping -= 1
            if name == "tr":
                self.rows.pop()
            separates = separates or name in _BLOCK
        if separates:
            self._flush()

    def _attributes(self, tag: str, attrs: list[tuple[str, str | None]], here: int) -> None:
        values: dict[str, str | None] = {}
        for name, value in attrs:
            values.setdefault(name, value)
        wanted = [(name, kind) for name, kind in _ATTRIBUTE_KINDS.items() if values.get(name)]
        if tag == "meta" and values.get("content"):
            meta_kind = _META_KINDS.get((values.get("name") or values.get("property") or "").lower())
            if meta_kind:
                wanted.append(("content", meta_kind))
        if not wanted:
            return
        located = _attribute_values(self.get_starttag_text() or "")
        for name, kind in wanted:
            builder = SourceBuilder(kind)
            if name in located:
                offset, raw = located[name]
                copy_html_text(builder, self.where, raw, here + offset)
            else:
                self.where.decoded(builder, values[name] or "", here)
            block = builder.build()
            if block is not None:
                self.blocks.append(block)
