"""Human output: ``path:line:col: CODE severity message``, the sentence with the claim
marked, the allowed wordings (``= allowed:``), information that is not a wording to use
(``= note:``) and the codes merged into the finding (``= also:``), readable on an
80-column terminal whatever the width of the characters."""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import TYPE_CHECKING

import click

from claimlint.findings import Finding
from claimlint.formatters import Report

if TYPE_CHECKING:
    from claimlint.run.runner import FileResult

SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}
MAX_SUGGESTIONS = 2
NO_EVIDENCE = "no evidence"  # shown only on evidence findings, where it is the point
SUMMARY_LINES = ("Found ", "No new findings", "All checks passed")  # how the last line starts; --quiet drops it


ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}


def cells(char: str) -> int:
    """Terminal columns one character takes: two for wide and full-width characters
    (CJK, most emoji), none for combining marks, joiners and variation selectors."""
    if char in ZERO_WIDTH or unicodedata.combining(char) or "\ufe00" <= char <= "\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def display_width(text: str) -> int:
    return sum(map(cells, text))


def _window(excerpt: str, span: tuple[int, int], width: int) -> tuple[str, int, int]:
    """The excerpt on one line, at most ``width`` columns wide, cut around the marked
    span with "…" where text was cut; returns the text and the span's character offsets in it."""
    start, end = span
    flat = excerpt.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    if end <= start:
        start, end = 0, len(flat)
    if display_width(flat) <= width:
        return flat, start, end
    before = [0]  # columns before each character
    for char in flat:
        before.append(before[-1] + cells(char))
    room = width - 2  # a "…" may stand at either end
    context = max(8, (room - (before[end] - before[start])) // 2)
    left = start
    while left > 0 and before[start] - before[left - 1] <= context:
        left -= 1
    right = left
    while right < len(flat) and before[right + 1] - before[left] <= room:
        right += 1
    while left > 0 and before[right] - before[left - 1] <= room:  # the end reached: fill from the left
        left -= 1
    head = "…" if left > 0 else ""
    tail = "…" if right < len(flat) else ""
    text = head + flat[left:right] + tail
    shift = len(head) - left
    return text, max(len(head), start + shift), min(len(text) - len(tail), end + shift)


def wrap(text: str, width: int, first: str = "  ", rest: str = "  ") -> list[str]:
    """Greedy word wrap to ``width`` columns; a word longer than a line gets a line of its own.

    A report can hold tens of thousands of findings; the standard library's wrapper,
    which handles hyphens and sentence ends, took longer than the linting of some files."""
    lines: list[str] = []
    line = first
    bare = True  # nothing but the indent on the line yet
    for word in text.split():
        if not bare and len(line) + 1 + len(word) > width:
            lines.append(line)
            line, bare = rest, True
        line += word if bare else " " + word
        bare = False
    if not bare:
        lines.append(line)
    return lines


def render_finding(f: Finding, color: bool, width: int) -> list[str]:
    style = (lambda s, **kw: click.style(s, **kw)) if color else (lambda s, **kw: s)
    where = style(f"{f.path}:{f.line}:{f.column}:", bold=True)
    head = f"{where} {style(f.code, fg=SEVERITY_COLOURS.get(f.severity), bold=True)} {f.severity}"
    lines = [head]
    if f.feed is not None:
        lines.append(f"  = row {f.feed.row}" + (f", field {f.feed.field} at {f.feed.line}:{f.feed.column}" if f.feed.field else ""))
    lines += wrap(f.message, width - 2)
    if f.excerpt:
        gutter = f"{f.line} | "
        text, s, e = _window(f.excerpt, f.excerpt_span, width - len(gutter))
        lines.append(" " * (len(gutter) - 2) + "|")
        lines.append(gutter + text)
        marker = " " * display_width(text[:s]) + "^" * max(1, display_width(text[s:e]))
        lines.append(" " * (len(gutter) - 2) + "| " + style(marker, fg=SEVERITY_COLOURS.get(f.severity)))
    if f.evidence and (f.family == "EV" or f.evidence != NO_EVIDENCE):
        lines.append(f"  = evidence: {f.evidence}")
    for suggestion in f.suggestions[:MAX_SUGGESTIONS]:
        lines += wrap(suggestion, width - 2, "  = allowed: ", "    ")
    for note in f.notes:
        lines += wrap(note, width - 2, "  = note: ", "    ")
    for other in f.merged:
        lines += wrap(f"{other.code} {other.message}", width - 2, "  = also: ", "    ")
    return lines


class Tally:
    """What a summary needs of the findings written so far: counts, not the findings."""

    def __init__(self) -> None:
        self.severities: Counter[str] = Counter()
        self.codes: Counter[tuple[str, str]] = Counter()

    def add(self, findings: list[Finding]) -> None:
        self.severities.update(f.severity for f in findings)
        self.codes.update((f.code, f.name) for f in findings)

    @property
    def total(self) -> int:
        return sum(self.severities.values())


class Stream:
    """The text report written as the results come, for runs too large to hold."""

    def __init__(self, files: int, color: bool = False, statistics: bool = False, width: int = 80, **_: object) -> None:
        self.files, self.color, self.statistics, self.width = files, color, statistics, width
        self.tally = Tally()
        self.baselined = 0  # findings left out because a baseline holds them
        self.inferred: list[str] = []  # files whose profile was inferred, said once at the end

    def write(self, result: FileResult) -> str:
        self.tally.add(result.findings)
        out: list[str] = []
        for f in result.findings:
            out += render_finding(f, self.color, self.width)
            out.append("")
        if result.inferred_from and not result.more:  # said once, after the file's last piece
            self.inferred.append(f"{result.path}: profile: {result.profile}, inferred from '{result.inferred_from}'")
        return "".join(line + "\n" for line in out)

    def close(self) -> list[str]:
        out: list[str] = list(self.inferred)
        if self.statistics:
            out += statistics(self.tally.codes)
        counts, total, files = self.tally.severities, self.tally.total, self.files
        if total:
            parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if counts[s]]
            out.append(f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) in {files} file{'s' if files != 1 else ''}.")
        elif self.baselined:
            n = self.baselined
            out.append(f"No new findings: {n} finding{'s' if n != 1 else ''} recorded in the baseline ({files} file{'s' if files != 1 else ''}).")
        else:
            out.append(f"All checks passed ({files} file{'s' if files != 1 else ''}).")
        return ["\n".join(out) + "\n"]


def render(report: Report) -> str:
    stream = Stream(len(report.results), report.color, report.statistics, report.width)
    stream.baselined = report.baselined
    return "".join(stream.write(result) for result in report.results) + "".join(stream.close())


def statistics(codes: Counter[tuple[str, str]]) -> list[str]:
    """Findings per code, the most frequent first."""
    return [f"{n:>5}  {code}  {name}" for (code, name), n in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))] + [""]
