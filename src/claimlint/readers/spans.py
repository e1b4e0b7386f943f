"""Exact source positions for text that parsers have taken apart.

Readers copy characters out of the source verbatim wherever they can. Where a parser
changed them (an entity decoded, lines joined, YAML folding) the new text is pinned to
the source it replaces. Parsers that only see part of the source (a Markdown paragraph
without its ``>`` markers and indentation, a YAML value) report offsets in their own
string; a :class:`SourceMap` carries those offsets back to the source.
"""

from __future__ import annotations

import bisect
import re

from claimlint.document import Block, BlockBuilder

# How far past the expected position a word may be found when aligning text that a
# parser rewrote: room for indentation, quotes and escapes it dropped.
_SLACK = 64
_CHUNKS = re.compile(r"\s+|\w+|[^\w\s]")

Run = tuple[int, int, int, bool]  # local start, source start, length, verbatim


class SourceBuilder(BlockBuilder):
    """A :class:`BlockBuilder` that pins decoded text to the source it stands for and
    trims whitespace at the block's edges, so a block starts at its first word."""

    def __init__(self, kind: str = "paragraph", group: str | None = None) -> None:
        super().__init__(kind)
        self.group = group

    def add_decoded(self, text: str, source_start: int) -> None:
        """Append text that replaces the source at ``source_start`` (an entity, a line break).

        A zero-length run anchors it there; without one it would map to the next verbatim
        run, which can be several characters away (``**&amp;**``).
        """
        if text:
            self.spans.append((self.length, source_start, 0))
            self.add_synthetic(text)

    def build(self) -> Block | None:
        block = super().build()
        if block is None:
            return None
        text = block.text
        lead = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        if lead or end < len(text):
            block.text = text[lead:end]
            block.spans = tuple(_clip(block.spans, lead, end))
        block.group = self.group
        _, source_start, length = block.spans[-1]
        block.source_end = source_start + length
        return block


def _clip(spans: list[tuple[int, int, int]], lead: int, end: int) -> list[tuple[int, int, int]]:
    """The spans of ``text[lead:end]``; anchors before ``lead`` move to its start."""
    clipped = []
    for text_start, source_start, length in spans:
        if length == 0:
            if text_start < end:
                clipped.append((max(text_start, lead) - lead, source_start, 0))
            continue
        first, last = max(text_start, lead), min(text_start + length, end)
        if first < last:
            clipped.append((first - lead, source_start + first - text_start, last - first))
    return clipped


class SourceMap:
    """Maps offsets in a non-empty parser's string to the source, as contiguous runs covering it.

    A verbatim run holds the same characters as the source; any other run (a line break
    the parser normalised, a character it unescaped) stands for the source at its start.
    """

    def __init__(self, runs: list[Run]) -> None:
        self.runs = runs
        self._starts = [run[0] for run in self.runs]

    @classmethod
    def identity(cls, text: str) -> SourceMap:
        return cls([(0, 0, len(text), True)])

    def source(self, local: int) -> int:
        local_start, source_start, length, verbatim = self.runs[self._run_at(local)]
        if verbatim:
            return source_start + min(max(local - local_start, 0), length)
        return source_start

    def copy(self, builder: SourceBuilder, text: str, local: int) -> None:
        """Append ``text``, found at ``local`` in the parser's string, to ``builder``."""
        base, end = local, local + len(text)
        runs = self.runs
        i = self._run_at(local)
        run_start, source_start, length, verbatim = runs[i]
        if verbatim and end <= run_start + length:  # the usual case: all in one run
            builder.add(text, source_start + local - run_start)
            return
        while local < end:
            run_start, source_start, length, verbatim = runs[i]
            stop = end if i + 1 == len(runs) else min(end, run_start + length)
            piece = text[local - base:stop - base]
            if verbatim and stop <= run_start + length:
                builder.add(piece, source_start + local - run_start)
            else:
                builder.add_decoded(piece, self.source(local))
            local = stop
            i += 1

    def decoded(self, builder: SourceBuilder, text: str, local: int) -> None:
        """Append ``text``, which a parser made out of the characters at ``local``."""
        builder.add_decoded(text, self.source(local))

    def _run_at(self, local: int) -> int:
        return max(bisect.bisect_right(self._starts, local) - 1, 0)


def align(text: str, local: int, source: str, start: int, end: int) -> list[Run]:
    """Runs placing ``text`` (at ``local`` in a parser's string) inside ``source[start:end]``.

    For text a parser rewrote (folded YAML lines, an escape it removed): each word is looked
    for a little past where the previous one ended; whitespace and anything not found
    stand for the source where the previous word ended.
    """
    runs: list[Run] = []
    at = start
    for match in _CHUNKS.finditer(text):
        chunk = match.group()
        found = -1
        if not chunk[0].isspace():
            found = source.find(chunk, at, min(end, at + len(chunk) + _SLACK))
        elif source.startswith(chunk, at) and at + len(chunk) <= end:
            found = at
        if found >= 0:
            runs.append((local + match.start(), found, len(chunk), True))
            at = found + len(chunk)
        else:
            runs.append((local + match.start(), min(at, end), len(chunk), False))
    return runs
