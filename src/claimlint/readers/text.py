"""Plain text: paragraphs separated by blank lines, captions and list items kept apart.

Plain copy rarely puts a blank line after a caption, yet a caption must not run into the
sentence below it. So some lines are blocks of their own:

- a list item: a line starting with ``-``, ``*``, ``•``, ``–``, ``✓``, ``✔`` or a number
  and ``.`` or ``)``, together with the indented lines after it;
- a table row: a line starting with ``|`` or holding several `` | `` separators, one
  block per cell;
- a heading: a line of at most 60 characters that neither starts in lower case nor ends in
  punctuation, that starts a paragraph or follows a finished sentence, and that is followed
  by a blank line, or is written in capitals, or does not run on into the next line. A
  line runs on when it ends in a word that joins it to what follows (``heading_joiners``,
  from the grammar pack of the run's language: "and", "of", "the" …) and the next line
  starts in lower case; when only one of the two holds, it runs on unless the next line
  could have taken its first word onto it, which a wrapping editor would have done. So a
  hard-wrapped sentence stays whole, while "Who we are" or "Why it works" above a sentence
  do not join it.

``# claimlint-…`` lines are directives and are not linted. The lines of a block are joined
by a space that stands for the line break.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimlint.document import Directive, Document
from claimlint.readers.directives import parse_directive
from claimlint.readers.spans import SourceBuilder

_LINE = re.compile(r"[ \t]*([^\r\n]*)(\r\n|\r|\n|\Z)")
_BULLET = re.compile(r"(?:[-*•–✓✔]|[0-9]{1,3}[.)])[ \t]+")
_DIRECTIVE = re.compile(r"#[ \t]*(claimlint-.*)")
_HEADING_MAX = 60
_SENTENCE_END = (".", "!", "?", "…")
_PUNCTUATION = (*_SENTENCE_END, ",", ";", ":", "-", "–", "/", "&", "(")
_LAST_WORD = re.compile(r"(\w+)\W*$")
_FIRST_WORD = re.compile(r"\S+")
_CELL = re.compile(r"([^|]+)")
_RULE = re.compile(r"\s*:?-{3,}:?\s*")


def read_text(path: str, text: str, heading_joiners: frozenset[str] = frozenset()) -> Document:
    """Read plain text; a line ending in one of ``heading_joiners`` runs on, never a heading."""
    doc = Document(path=path, source=text)
    lines = list(_lines(text))
    builder: SourceBuilder | None = None
    previous_break = 0
    sentence_done = True

    def flush() -> None:
        nonlocal builder
        if builder is not None:
            block = builder.build()
            if block is not None:
                doc.blocks.append(block)
            builder = None

    for index, (start, end, line_break, indented) in enumerate(lines):
        directive = _directive(doc, text, start, end) if start < end else None
        if start == end or directive is not None:
            if directive is not None:
                doc.directives.append(directive)
            flush()
            sentence_done = True
            continue
        bullet = _BULLET.match(text, start, end)
        if text.startswith("|", start, end) or text.count(" | ", start, end) >= 2:
            flush()
            _table_row(doc, text, start, end)
        elif bullet is not None:
            flush()
            builder = SourceBuilder("list_item")
            builder.add(text[bullet.end():end], bullet.end())
        elif builder is not None and builder.kind == "list_item" and indented:
            _join(builder, text, start, end, previous_break)
        elif (builder is None or builder.kind == "list_item" or sentence_done) and _is_heading(
            text, start, end, lines[index + 1] if index + 1 < len(lines) else None, heading_joiners
        ):
            flush()
            builder = SourceBuilder("heading")
            builder.add(text[start:end], start)
            flush()
        elif builder is not None and builder.kind == "paragraph":
            _join(builder, text, start, end, previous_break)
        else:
            flush()
            builder = SourceBuilder("paragraph")
            builder.add(text[start:end], start)
        previous_break = line_break
        sentence_done = text.endswith(_SENTENCE_END, start, end)
    flush()
    return doc


def _table_row(doc: Document, text: str, start: int, end: int) -> None:
    """A "| cell | cell |" line, as tables look in copied text: each cell is a
    block of its own, and the cells of the line share a group (as a table row does)."""
    group = f"table:L{doc.position(start)[0]}"
    for cell in _CELL.finditer(text, start, end):
        if _RULE.fullmatch(cell.group(1)):
            continue
        builder = SourceBuilder("table_cell", group)
        builder.add(cell.group(1), cell.start(1))
        block = builder.build()
        if block is not None:
            doc.blocks.append(block)


def _lines(text: str) -> Iterator[tuple[int, int, int, bool]]:
    """Each line's content start and end (without surrounding blanks), line-break offset,
    and whether it is indented."""
    at, size = 0, len(text)
    while at < size:
        match = _LINE.match(text, at)
        start = match.start(1)
        yield start, start + len(match.group(1).rstrip(" \t")), match.start(2), start > at
        at = match.end()


def _directive(doc: Document, text: str, start: int, end: int) -> Directive | None:
    match = _DIRECTIVE.match(text, start, end)
    return parse_directive(doc, match.group(1), start, end) if match else None


def _is_heading(text: str, start: int, end: int, following: tuple[int, int, int, bool] | None, joiners: frozenset[str]) -> bool:
    line = text[start:end]
    if len(line) > _HEADING_MAX or line[0].islower() or line.endswith(_PUNCTUATION):
        return False
    if following is None:
        return False  # the last line: a paragraph of its own either way
    if following[0] == following[1] or _in_capitals(line):
        return True  # a blank line follows, or a heading is written as headings are
    joins = _ends_with_joining_word(line, joiners)
    continues = text[following[0]].islower()
    if joins and continues:
        return False
    return not (joins or continues) or _broken_early(line, text, following)


def _in_capitals(line: str) -> bool:
    return any(c.isalpha() for c in line) and not any(c.islower() for c in line)


def _broken_early(line: str, text: str, following: tuple[int, int, int, bool]) -> bool:
    """Whether the next line could have taken its first word onto this one: it is long
    enough to hold both, so no wrapping broke the line here; it was ended on purpose."""
    next_start, next_end = following[0], following[1]
    first_word = _FIRST_WORD.match(text, next_start, next_end).group()
    return len(line) + 1 + len(first_word) <= next_end - next_start


def _ends_with_joining_word(line: str, joiners: frozenset[str]) -> bool:
    last = _LAST_WORD.search(line)
    return last is not None and last.group(1).lower() in joiners


def _join(builder: SourceBuilder, text: str, start: int, end: int, line_break: int) -> None:
    builder.add_decoded(" ", line_break)
    builder.add(text[start:end], start)
