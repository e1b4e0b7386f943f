"""Suppression comments, applied to one document's findings after linting.

``disable-next-line`` covers the next non-blank line after the comment, ``disable`` …
``enable`` a range of lines (to the end of the file without an ``enable``),
``disable-file`` the whole file; without codes each covers every code. The most local
comment takes a finding, so a file-wide comment is not counted as used for a finding a
line comment already covers. Whatever a comment did not suppress is returned, so the
run can report it as CL901: a stale suppression would hide the next claim written there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from claimlint.document import Directive, Document
from claimlint.findings import Finding

ALL = "*"  # the key for a comment without codes


@dataclass
class _Ranges:
    """The ``disable``/``enable`` state after each comment, to look a line up in."""

    checkpoints: list[tuple[int, dict[str, Directive], frozenset[str]]] = field(default_factory=list)

    @classmethod
    def build(cls, directives: list[Directive]) -> "_Ranges":
        ranges = cls()
        disabled: dict[str, Directive] = {}  # code (or ALL) -> the comment that disabled it
        exempt: frozenset[str] = frozenset()  # codes enabled again inside a disable-everything range
        for d in sorted((d for d in directives if d.action in ("disable", "enable")), key=lambda d: d.line):
            if d.action == "disable" and not d.codes:
                disabled, exempt = {**disabled, ALL: d}, frozenset()
            elif d.action == "disable":
                disabled, exempt = {**disabled, **dict.fromkeys(d.codes, d)}, exempt - set(d.codes)
            elif not d.codes:
                disabled, exempt = {}, frozenset()
            else:
                disabled = {k: v for k, v in disabled.items() if k not in d.codes}
                exempt = exempt | set(d.codes) if ALL in disabled else exempt
            ranges.checkpoints.append((d.end_line, disabled, exempt))
        return ranges

    def suppressor(self, code: str, line: int) -> Directive | None:
        state = None
        for end_line, disabled, exempt in self.checkpoints:
            if end_line >= line:
                break
            state = (disabled, exempt)
        if state is None:
            return None
        disabled, exempt = state
        return disabled.get(code) or (disabled.get(ALL) if code not in exempt else None)


def _next_content_line(document: Document, after: int) -> int:
    line, last = after + 1, document.last_line
    while line < last and not document.line_text(line).strip():
        line += 1
    return line


def _covers(directive: Directive, code: str) -> bool:
    return not directive.codes or code in directive.codes


class Suppressor:
    """The suppression comments of one document, applied to its findings as they come
    (a long document's part by part); what each comment suppressed is remembered, so that
    at the end :meth:`unused` can say which comments went (partly) unused."""

    def __init__(self, document: Document) -> None:
        directives = self.directives = document.directives
        self.next_line = [(d, _next_content_line(document, d.end_line)) for d in directives if d.action == "disable-next-line"]
        self.ranges = _Ranges.build(directives)
        self.file_wide = [d for d in directives if d.action == "disable-file"]
        self.used: dict[int, set[str]] = {id(d): set() for d in directives}

    def _suppressor(self, code: str, line: int) -> Directive | None:
        for d, target in self.next_line:
            if target == line and _covers(d, code):
                return d
        return self.ranges.suppressor(code, line) or next((d for d in self.file_wide if _covers(d, code)), None)

    def apply(self, findings: list[Finding]) -> list[Finding]:
        """The findings no comment suppresses."""
        if not self.directives:
            return findings
        kept: list[Finding] = []
        for finding in findings:
            by = self._suppressor(finding.code, finding.line)
            if by is None:
                kept.append(finding)
            else:
                self.used[id(by)].add(finding.code)
        return kept

    def unused(self) -> list[tuple[Directive, tuple[str, ...]]]:
        """Each comment that went (partly) unused so far, with the codes it named in vain
        (empty: a comment without codes that suppressed nothing)."""
        unused = []
        for d in self.directives:
            if d.action == "enable":
                continue
            if d.codes:
                vain = tuple(c for c in d.codes if c not in self.used[id(d)])
                if vain:
                    unused.append((d, vain))
            elif not self.used[id(d)]:
                unused.append((d, ()))
        return unused


def apply(document: Document, findings: list[Finding]) -> tuple[list[Finding], list[tuple[Directive, tuple[str, ...]]]]:
    """The findings no comment suppresses, and each comment that went (partly) unused with
    the codes it named in vain (empty: a comment without codes that suppressed nothing)."""
    suppressor = Suppressor(document)
    return suppressor.apply(findings), suppressor.unused()
