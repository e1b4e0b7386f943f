"""Markdown through markdown-it-py, for the pages markdown-it-pyrs cannot parse.

The faster reader in :mod:`claimlint.readers.markdown` hands a page here when the compiled
parser would stop on it (see there); both readers give the same blocks for the same page.
markdown-it-py only records which lines a block spans. Positions inside a block are recovered
in two steps: the block's text as the parser saw it (its lines without indentation or ``>``
markers) is laid over its source lines, and the inline tokens are found in that text in
order. Links, images, code spans, autolinks and inline HTML record the range they consumed
while they are parsed, since their tokens keep no trace of a URL or of backticks.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice

from markdown_it import MarkdownIt
from markdown_it import rules_inline
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from claimlint.document import Document
from claimlint.readers.directives import COMMENT, parse_directive
from claimlint.readers.html import extract_html
from claimlint.readers.markdown_lines import line_bounds, lines_map, place
from claimlint.readers.spans import SourceBuilder, SourceMap

# Block tokens that say what the text inside them is.
_KINDS = {
    "blockquote": "quote",
    "list_item": "list_item",
    "heading": "heading",
    "th": "table_cell",
    "td": "table_cell",
}


def _recording_span(rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """Make an inline rule store the range it consumed on the first token it opens."""

    def rule_with_span(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        if not silent:
            for token in islice(state.tokens, count, None):
                if token.type != "text" and "span" not in token.meta:
                    token.meta["span"] = (start, state.pos)
                    break
        return True

    return rule_with_span


# text_join would merge decoded entities and escapes into the text around them.
_MARKDOWN = MarkdownIt("commonmark").enable("table").disable("text_join")
for _name, _rule in (
    ("link", rules_inline.link),
    ("image", rules_inline.image),
    ("autolink", rules_inline.autolink),
    ("backticks", rules_inline.backtick),
    ("html_inline", rules_inline.html_inline),
):
    _MARKDOWN.inline.ruler.at(_name, _recording_span(_rule))


def read_tokens(doc: Document, body: int) -> None:
    """Read the Markdown in ``doc.source[body:]`` (what follows the front matter) into ``doc``."""
    # Front matter becomes blank lines, so the parser's line numbers stay the file's.
    hidden_lines = doc.position(body)[0] - 1 if body else 0
    _read_blocks(doc, _MARKDOWN.parse("\n" * hidden_lines + doc.source[body:]))


def _read_blocks(doc: Document, tokens: list[Token]) -> None:
    kinds: list[str] = []  # what the text in each open container is
    row_group, row_cursor = None, 0
    for token in tokens:
        name = token.type.rpartition("_")[0]
        if token.nesting == 1 and name in _KINDS:
            kinds.append(_KINDS[name])
        elif token.nesting == -1 and name in _KINDS:
            kinds.pop()
        elif token.type == "tr_open" and token.map:
            row_group = f"table:L{token.map[0] + 1}"
            row_cursor = line_bounds(doc, token.map[0])[0]
        elif token.type == "inline" and token.map and token.content:
            kind = kinds[-1] if kinds else "paragraph"
            if kind == "table_cell":
                line_end = line_bounds(doc, token.map[0])[1]
                runs, row_cursor = place(token.content, 0, doc.source, row_cursor, line_end, last=False)
                where, group = SourceMap(runs), row_group
            else:
                where, group = lines_map(doc, token.content, token.map[0]), None
            builder = SourceBuilder(kind, group)
            alts: list[SourceBuilder] = []
            _copy_inline(doc, token.children or [], token.content, 0, where, builder, alts)
            for done in (builder, *alts):
                block = done.build()
                if block is not None:
                    doc.blocks.append(block)
        elif token.type == "html_block" and token.map:
            where = lines_map(doc, token.content, token.map[0])
            extract_html(doc, token.content, where, kinds[-1] if kinds else "paragraph")


def _copy_inline(
    doc: Document,
    tokens: list[Token],
    text: str,
    base: int,
    where: SourceMap,
    builder: SourceBuilder,
    alts: list[SourceBuilder],
) -> None:
    """Copy the copy in inline ``tokens`` into ``builder``; image alt texts go to ``alts``.

    ``tokens`` were parsed from ``text``, which starts at ``base`` in the string ``where`` maps.
    """
    at = 0
    links: list[tuple[int, bool]] = []  # end of each open link's markup; is it an autolink
    for token in tokens:
        kind = token.type
        if links and links[-1][1] and kind != "link_close":
            continue  # an autolink's text is its URL
        if kind in ("text", "text_special"):
            raw = token.markup if kind == "text_special" else token.content
            found = text.find(raw, at)
            if found < 0:  # not expected from markdown-it's rules; keep the words anyway
                where.decoded(builder, token.content, base + at)
                continue
            at = found + len(raw)
            if token.content == raw:
                where.copy(builder, raw, base + found)
            elif token.info == "escape":
                where.copy(builder, token.content, base + found + 1)
            else:
                where.decoded(builder, token.content, base + found)
        elif kind in ("softbreak", "hardbreak"):
            found = text.find("\n", at)
            if found >= 0:
                where.decoded(builder, " ", base + found)
                at = found + 1
        elif kind == "link_open":
            start, end = token.meta.get("span", (at, at))
            autolink = token.markup == "autolink"
            links.append((end, autolink))
            at = end if autolink else start + 1
        elif kind == "link_close":
            if links:
                at = links.pop()[0]
        elif kind == "image":
            start, at = token.meta.get("span", (at, at))
            alt = SourceBuilder("alt")
            _copy_inline(doc, token.children or [], token.content, base + start + 2, where, alt, alts)
            alts.append(alt)
        elif kind in ("code_inline", "html_inline"):
            start, at = token.meta.get("span", (at, at))
            comment = COMMENT.fullmatch(token.content) if kind == "html_inline" else None
            if comment is not None:
                directive = parse_directive(
                    doc, comment.group(1), where.source(base + start), where.source(base + at - 1) + 1
                )
                if directive is not None:
                    doc.directives.append(directive)
        elif token.markup:  # emphasis
            found = text.find(token.markup, at)
            if found >= 0:
                at = found + len(token.markup)
