"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

Errors come first, then warnings, then notices, because GitHub shows only the first
annotations of each kind per step. Values are escaped as the runner expects: ``%``,
CR and LF everywhere, and also ``:`` and ``,`` inside properties.
"""

from __future__ import annotations

from claimlint.formatters import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    order = list(COMMANDS)
    lines = []
    for f in sorted(report.findings, key=lambda f: order.index(f.severity)):
        props = {
            "file": f.path, "line": f.line, "col": f.column,
            "endLine": f.end_line, "endColumn": f.end_column, "title": f.code,
        }
        joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
        lines.append(f"::{COMMANDS[f.severity]} {joined}::{escape_data(f.message)}\n")
    return "".join(lines)
