"""Laying a Markdown block's text, as a parser saw it, over the source lines it came from.

Parsers drop indentation and container markers (``>``, list markers) at the start of each
line of a block and whitespace at its end; these helpers find each line of the parser's text
in its source line again, so offsets in that text map back to the source.
"""

from __future__ import annotations

from claimlint.document import Document
from claimlint.readers.spans import Run, SourceMap, align


def lines_map(doc: Document, content: str, first_line: int) -> SourceMap:
    """Lay a block's text as the parser saw it over its source lines, one line each.

    The parser dropped indentation and container markers at the start of each line and
    whitespace at the end, so each line is looked for at the end of its source line.
    """
    runs: list[Run] = []
    local = previous_end = 0
    for number, line in enumerate(content.split("\n"), first_line):
        start, end = line_bounds(doc, number)
        if number > first_line:
            runs.append((local - 1, previous_end, 1, False))  # the line break
        runs.extend(place(line, local, doc.source, start, end, last=True)[0])
        local += len(line) + 1
        previous_end = end
    return SourceMap(runs)


def place(text: str, local: int, source: str, start: int, end: int, last: bool) -> tuple[list[Run], int]:
    """Runs for ``text`` found in ``source[start:end]`` (its last occurrence, or its first),
    and where it ends there; text the parser changed is aligned word by word."""
    found = source.rfind(text, start, end) if last else source.find(text, start, end)
    if found >= 0:
        return [(local, found, len(text), True)], found + len(text)
    runs = align(text, local, source, start, end)
    return runs, max((run[1] + run[2] for run in runs if run[3]), default=start)


def line_bounds(doc: Document, number: int) -> tuple[int, int]:
    """Start and end (before the line break) of 0-based line ``number``."""
    starts, source = doc.line_starts, doc.source
    if number >= len(starts):
        return len(source), len(source)
    start = starts[number]
    end = starts[number + 1] if number + 1 < len(starts) else len(source)
    if source.startswith("\r\n", end - 2) and end - 2 >= start:
        end -= 2
    elif end > start and source[end - 1] in "\r\n":
        end -= 1
    return start, end
