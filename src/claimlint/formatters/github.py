"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

Errors come first, then warnings, then notices, because GitHub shows only the first
annotations of each kind per step. Values are escaped as the runner expects: ``%``,
CR and LF everywhere, and also ``:`` and ``,`` inside properties.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from claimlint.findings import Finding
from claimlint.formatters import Report, Spool

if TYPE_CHECKING:
    from claimlint.run.runner import FileResult

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(f: Finding) -> str:
    props = {
        "file": f.path, "line": f.line, "col": f.column,
        "endLine": f.end_line, "endColumn": f.end_column, "title": f.code,
    }
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{COMMANDS[f.severity]} {joined}::{escape_data(f.message)}\n"


class Stream:
    """Errors are written as they come; warnings and notices wait in spool files (in
    memory until they grow large) to follow them, so a long run's memory stays bounded."""

    def __init__(self, files: int, **_: object) -> None:
        self.baselined = 0  # counted by the run; the format does not show it
        self.later = {severity: Spool() for severity in list(COMMANDS)[1:]}

    def write(self, result: FileResult) -> str:
        now = []
        for f in result.findings:
            if f.severity in self.later:
                self.later[f.severity].write(command(f))
            else:
                now.append(command(f))
        return "".join(now)

    def close(self) -> Iterator[str]:
        """The warnings, then the notices, in pieces, so they are never held whole."""
        for spool in self.later.values():
            yield from spool.read()


def render(report: Report) -> str:
    order = list(COMMANDS)
    return "".join(command(f) for f in sorted(report.findings, key=lambda f: order.index(f.severity)))
