"""GitLab Code Quality report (a JSON array), shown in merge requests; written as the
results come, one issue at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimlint.formatters.json_pieces import Array
from claimlint.run.baseline import Fingerprints

if TYPE_CHECKING:
    from claimlint.run.runner import FileResult

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


class Stream:
    """Issues written as the results come; fingerprints are numbered across the run."""

    def __init__(self, files: int, **_: object) -> None:
        self.issues = Array(0)
        self.keys = Fingerprints()
        self.baselined = 0  # counted by the run; the format does not show it

    def write(self, result: FileResult) -> str:
        return "".join(
            self.issues.add({
                "description": f"{f.code} {f.message}",
                "check_name": f.code,
                "fingerprint": key,
                "severity": SEVERITIES[f.severity],
                "location": {"path": f.path, "lines": {"begin": f.line, "end": f.end_line}},
            })
            for f, key in zip(result.findings, self.keys.of(result.findings))
        )

    def close(self) -> list[str]:
        return [self.issues.close() + "\n"]
