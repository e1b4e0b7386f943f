"""The document model every reader produces and every judge reads.

A reader turns a file into :class:`Block` objects: plain text with markup removed, plus
a run-length map from each character back to its offset in the decoded source. Judges
only ever see block text; findings are mapped back to the source through the block.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# CRLF, CR and LF each end a line, as editors count them.
_LINE_BREAK = re.compile(r"\r\n?|\n")


@dataclass(slots=True)  # a large file has hundreds of thousands: no dict per block
class Block:
    """A run of lintable text (a paragraph, heading, list item, table cell, field …).

    ``spans`` holds ``(text_start, source_start, length)`` runs in text order: text
    characters ``text_start .. text_start+length`` come verbatim from the source at
    ``source_start``. A character outside every run (an entity decoded to one char,
    an inserted space) maps to the source position of the next run, or the end of the
    previous one.
    """

    text: str
    spans: Sequence[tuple[int, int, int]]  # a tuple once built: a list's spare room adds up
    kind: str = "paragraph"
    source_end: int | None = None
    group: str | None = None  # blocks that belong together (the cells of one table row)

    def source_offset(self, index: int) -> int:
        """Source offset of text index ``index`` (``index == len(text)`` is allowed)."""
        spans = self.spans
        if not spans:
            return self.source_end or 0
        i = bisect.bisect_right(spans, (index, float("inf"), 0)) - 1
        if i < 0:
            return spans[0][1]
        text_start, source_start, length = spans[i]
        if index < text_start + length:
            return source_start + (index - text_start)
        if index == text_start + length:
            return source_start + length
        if i + 1 < len(spans):
            return spans[i + 1][1]
        return source_start + length

    def slice(self, start: int, end: int) -> "Block":
        """The part ``start:end`` of this block as a block of its own, mapped to the same source."""
        spans = []
        for text_start, source_start, length in self.spans:
            lo, hi = max(text_start, start), min(text_start + length, end)
            if lo < hi or (length == 0 and start <= text_start < end):
                spans.append((lo - start, source_start + (lo - text_start), max(0, hi - lo)))
        return Block(self.text[start:end], tuple(spans), self.kind, self.source_offset(end), self.group)

    def pieces(self, limit: int) -> list["Block"]:
        """This block cut into pieces of at most ``limit`` characters, at sentence ends
        where there are any, so one enormous paragraph never becomes one enormous Doc."""
        if len(self.text) <= limit:
            return [self]
        pieces, start = [], 0
        while start < len(self.text):
            end = min(len(self.text), start + limit)
            if end < len(self.text):
                cut = max(self.text.rfind(mark, start, end) for mark in (". ", "! ", "? ", "\n"))
                end = cut + 1 if cut > start else end
            pieces.append(self.slice(start, end))
            start = end
        return pieces

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the text range ``start:end`` (end exclusive)."""
        if end <= start:
            s = self.source_offset(start)
            return s, s
        return self.source_offset(start), self.source_offset(end - 1) + 1


class BlockBuilder:
    """Collects text pieces with their source offsets into one :class:`Block`."""

    def __init__(self, kind: str = "paragraph") -> None:
        self.kind = kind
        self.parts: list[str] = []
        self.spans: list[tuple[int, int, int]] = []
        self.length = 0

    def add(self, text: str, source_start: int) -> None:
        """Append text copied verbatim from the source at ``source_start``."""
        if not text:
            return
        last = self.spans[-1] if self.spans else None
        if last and last[0] + last[2] == self.length and last[1] + last[2] == source_start:
            self.spans[-1] = (last[0], last[1], last[2] + len(text))
        else:
            self.spans.append((self.length, source_start, len(text)))
        self.parts.append(text)
        self.length += len(text)

    def add_synthetic(self, text: str) -> None:
        """Append text that has no verbatim source (a decoded entity, a joining space)."""
        if text:
            self.parts.append(text)
            self.length += len(text)

    def build(self) -> Block | None:
        text = "".join(self.parts)
        if not text.strip():
            return None
        return Block(text=text, spans=tuple(self.spans), kind=self.kind)


@dataclass
class Directive:
    """A ``claimlint-…`` comment found in the source (suppressions)."""

    action: str  # disable-next-line | disable | enable | disable-file
    codes: tuple[str, ...]  # empty tuple means every code
    line: int  # 1-based line of the comment
    end_line: int
    column: int
    reason: str = ""


@dataclass
class Document:
    """One input file after reading, or one row of a feed: then ``source`` is the row's
    record as written and ``first_line`` the file line it starts on, so positions are
    file positions."""

    path: str
    source: str
    blocks: list[Block] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    front_matter: dict[str, Any] = field(default_factory=dict)
    profile: dict[str, Any] = field(default_factory=dict)  # the ``claimlint:`` front-matter block
    claims: list[Any] = field(default_factory=list)  # ClaimRecords the engine found, for reports
    first_line: int = 1
    _line_starts: array | None = field(default=None, repr=False)

    @property
    def line_starts(self) -> array:
        """The offset where each line starts (an array: a list would take four times the memory)."""
        if self._line_starts is None:
            self._line_starts = array("q", [0])
            self._line_starts.extend(m.end() for m in _LINE_BREAK.finditer(self.source))
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset, columns in code points."""
        starts = self.line_starts
        line = bisect.bisect_right(starts, offset) - 1
        return line + self.first_line, offset - starts[line] + 1

    @property
    def last_line(self) -> int:
        return self.first_line + len(self.line_starts) - 1

    def line_text(self, line: int) -> str:
        starts = self.line_starts
        line -= self.first_line - 1
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.source)
        return self.source[start:end].rstrip("\r\n")
