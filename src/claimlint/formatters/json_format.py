"""The versioned JSON report: diagnostics, then every sentence read as a claim with the
evidence level found for it (for audits), then a summary.

It is written as the results come (formatters/json_pieces.py): the diagnostics as they
are found, the claims into a temporary file to follow them, and only counts are kept."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from claimlint import DISTRIBUTION, __version__
from claimlint.formatters import Spool, continues
from claimlint.formatters.json_pieces import INDENT, Array, around_array, dumps

if TYPE_CHECKING:
    from claimlint.run.runner import FileResult

JSON_VERSION = 1


def profile(result) -> dict:
    """The profile a file was judged under, and the word it was inferred from (None when chosen)."""
    return {"path": result.path, "profile": result.profile, "inferred_from": result.inferred_from}


class Stream:
    """The report written as the results come; a feed's rows and a long file's pieces
    count as one file, as they are one file."""

    def __init__(self, files: int, **_: object) -> None:
        tool = {"name": "claimlint", "distribution": DISTRIBUTION, "version": __version__}
        self.head, _, self.diagnostics = around_array({"version": JSON_VERSION, "tool": tool, "diagnostics": None}, ("diagnostics",))
        self.claims = Array(self.diagnostics.depth)
        self.spool = Spool()
        self.severities: Counter[str] = Counter()
        self.codes: Counter[str] = Counter()
        self.profiles: list[dict] = []
        self.files = self.unreadable = 0
        self.last: FileResult | None = None  # the file being written, for its error and profile
        self.last_error = False
        self.baselined = 0  # counted by the run; the format does not show it

    def write(self, result: FileResult) -> str:
        out = [self.head]
        self.head = ""
        if not continues(self.last, result):
            self._end_file()
            self.files += 1
            if result.profile:
                self.profiles.append(profile(result))
        self.last_error = self.last_error or bool(result.error)
        self.last = result
        for f in result.findings:
            out.append(self.diagnostics.add(f.to_dict()))
        self.severities.update(f.severity for f in result.findings)
        self.codes.update(f.code for f in result.findings)
        for claim in result.claims:
            self.spool.write(self.claims.add(claim.to_dict()))
        return "".join(out)

    def _end_file(self) -> None:
        self.unreadable += self.last_error
        self.last_error = False

    def close(self) -> Iterator[str]:
        self._end_file()
        yield self.head + self.diagnostics.close() + f',\n{INDENT}"claims": '
        yield from self.spool.read()
        summary = {
            "files": self.files,
            "findings": sum(self.severities.values()),
            "errors": self.severities.get("error", 0),
            "warnings": self.severities.get("warning", 0),
            "info": self.severities.get("info", 0),
            "unreadable": self.unreadable,
            "by_code": dict(sorted(self.codes.items())),
        }
        yield (self.claims.close() + f',\n{INDENT}"profiles": {dumps(self.profiles, 1)}'
               + f',\n{INDENT}"summary": {dumps(summary, 1)}\n}}\n')
