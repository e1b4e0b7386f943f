"""Human output: ``path:line:col: CODE severity message``, the sentence with the claim
marked, and the suggestion, readable on an 80-column terminal."""

from __future__ import annotations

from collections import Counter

import click

from claimlint.findings import Finding
from claimlint.formatters import Report

SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}
MAX_SUGGESTIONS = 2
NO_EVIDENCE = "no evidence"  # shown only on evidence findings, where it is the point
SUMMARY_LINES = ("Found ", "No new findings", "All checks passed")  # how the last line starts; --quiet drops it


def _window(excerpt: str, span: tuple[int, int], width: int) -> tuple[str, int, int]:
    """The excerpt on one line, cut to ``width`` around the marked span."""
    start, end = span
    flat = excerpt.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    if end <= start:
        start, end = 0, len(flat)
    if len(flat) <= width:
        return flat, start, end
    mark = end - start
    left = max(0, start - max(8, (width - mark) // 2))
    right = min(len(flat), left + width)
    left = max(0, right - width)
    text = flat[left:right]
    offset = left
    if left > 0:
        text = "…" + text[1:]
    if right < len(flat):
        text = text[:-1] + "…"
    return text, max(0, start - offset), min(len(text), end - offset)


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
    lines += wrap(f.message, width - 2)
    if f.excerpt:
        gutter = f"{f.line} | "
        text, s, e = _window(f.excerpt, f.excerpt_span, width - len(gutter))
        lines.append(" " * (len(gutter) - 2) + "|")
        lines.append(gutter + text)
        marker = " " * s + "^" * max(1, e - s)
        lines.append(" " * (len(gutter) - 2) + "| " + style(marker, fg=SEVERITY_COLOURS.get(f.severity)))
    if f.evidence and (f.family == "EV" or f.evidence != NO_EVIDENCE):
        lines.append(f"  = evidence: {f.evidence}")
    for suggestion in f.suggestions[:MAX_SUGGESTIONS]:
        lines += wrap(suggestion, width - 2, "  = allowed: ", "    ")
    return lines


def render(report: Report) -> str:
    out: list[str] = []
    findings = report.findings
    for f in findings:
        out += render_finding(f, report.color, report.width)
        out.append("")
    if report.statistics:
        out += statistics(findings)
    counts = Counter(f.severity for f in findings)
    files = len(report.results)
    if findings:
        parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if counts[s]]
        out.append(f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} ({', '.join(parts)}) in {files} file{'s' if files != 1 else ''}.")
    elif report.baselined:
        n = report.baselined
        out.append(f"No new findings: {n} finding{'s' if n != 1 else ''} recorded in the baseline ({files} file{'s' if files != 1 else ''}).")
    else:
        out.append(f"All checks passed ({files} file{'s' if files != 1 else ''}).")
    return "\n".join(out) + "\n"


def statistics(findings: list[Finding]) -> list[str]:
    counts = Counter((f.code, f.name) for f in findings)
    return [f"{n:>5}  {code}  {name}" for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))] + [""]
