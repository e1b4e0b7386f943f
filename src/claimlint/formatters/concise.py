"""One line per finding, ``path:line:col: CODE message``, for editors and grep."""

from __future__ import annotations

from claimlint.formatters import Report
from claimlint.formatters.text import statistics


def render(report: Report) -> str:
    lines = [f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}" for f in report.findings]
    if report.statistics:
        lines += statistics(report.findings)
    return "".join(line + "\n" for line in lines)
