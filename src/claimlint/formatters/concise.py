"""One line per finding, ``path:line:col: CODE message``, for editors and grep."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimlint.formatters import Report
from claimlint.formatters.text import Tally, statistics

if TYPE_CHECKING:
    from claimlint.run.runner import FileResult


class Stream:
    """Lines written as the results come; only the per-code counts are kept."""

    def __init__(self, files: int, statistics: bool = False, **_: object) -> None:
        self.statistics = statistics
        self.tally = Tally()
        self.baselined = 0  # counted by the run; the format does not show it

    def write(self, result: FileResult) -> str:
        self.tally.add(result.findings)
        return "".join(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}\n" for f in result.findings)

    def close(self) -> list[str]:
        return [line + "\n" for line in statistics(self.tally.codes)] if self.statistics else []


def render(report: Report) -> str:
    stream = Stream(len(report.results), report.statistics)
    return "".join(stream.write(result) for result in report.results) + "".join(stream.close())
