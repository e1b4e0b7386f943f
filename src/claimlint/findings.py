"""Findings: what a judge reports, and where in the source it points."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}


@dataclass(frozen=True)
class FeedLocation:
    """Where in a feed a finding is: the row's id, the field, and the 1-based line and
    column inside the field's value (columns in code points)."""

    row: str
    field: str | None = None
    line: int = 1
    column: int = 1

    def to_dict(self) -> dict:
        return {"row": self.row, "field": self.field, "line": self.line, "column": self.column}


@dataclass
class Fix:
    """A replacement the copy may take instead of the marked words (the authorised wording
    for a strengthened claim). Offered in machine formats and editors, never applied."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str
    source_start: int = 0
    source_end: int = 0

    def to_dict(self) -> dict:
        return {
            "line": self.line, "column": self.column, "end_line": self.end_line, "end_column": self.end_column,
            "replacement": self.replacement,
        }


@dataclass(slots=True)  # a large file can hold hundreds of thousands: no dict per finding
class Finding:
    code: str
    name: str
    severity: str
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str = ""  # the sentence the finding is about
    excerpt_span: tuple[int, int] = (0, 0)  # the marked part of the excerpt
    suggestions: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    evidence: str | None = None  # evidence level weighed, where one was
    source_start: int = 0
    source_end: int = 0
    fix: Fix | None = None
    notes: list[str] = field(default_factory=list)  # information, never a wording to use
    merged: list["Finding"] = field(default_factory=list)  # findings on the same stretch, merged into this one
    stretch: tuple[int, int] | None = None  # the clause a judge read it in (its sentence's offset, clause): one claim
    feed: FeedLocation | None = None  # for a finding in a feed row

    @property
    def family(self) -> str:
        return self.code[:2]

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code)

    def fingerprint(self) -> str:
        """Stable across edits elsewhere in the file: code, path and the marked words only."""
        marked = self.excerpt[self.excerpt_span[0]:self.excerpt_span[1]] or self.excerpt
        where = self.path if self.feed is None else f"{self.path}#{self.feed.row}/{self.feed.field}"
        key = "\x1f".join((self.code, where, " ".join(marked.lower().split())))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "excerpt": self.excerpt,
            "suggestions": list(self.suggestions),
            "references": list(self.references),
            "notes": list(self.notes),
            "evidence": self.evidence,
            "merged": [
                {"code": m.code, "name": m.name, "severity": m.severity, "message": m.message,
                 "line": m.line, "column": m.column, "end_line": m.end_line, "end_column": m.end_column}
                for m in self.merged
            ],
            "fingerprint": self.fingerprint(),
            "fix": self.fix.to_dict() if self.fix else None,
            **({"feed": self.feed.to_dict()} if self.feed else {}),
        }


@dataclass(slots=True)
class ClaimRecord:
    """A sentence the engine read as a claim, with the evidence level found for it, so a
    reviewer can audit what was weighed even where nothing was reported."""

    path: str
    line: int
    column: int
    text: str
    evidence: str | None

    def to_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column, "text": self.text, "evidence": self.evidence}
