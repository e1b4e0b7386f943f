"""A run: read every input, lint what can be read, report what cannot (CL902).

Per document, after linting: suppression comments, then the file's rule selection. The
result keeps the text of the lines its findings point at, because some formats count
columns in UTF-16 code units and need the characters to convert.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimlint.run import suppressions
from claimlint.run.config import FileSettings
from claimlint.document import Directive, Document
from claimlint.engine import Engine
from claimlint.findings import Finding
from claimlint.knowledge.profile import Profile, ProfileError
from claimlint.readers import ReadError, read_document

MAX_BYTES = 50 * 1024 * 1024


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # the one-line reason a file could not be read
    lines: dict[int, str] = field(default_factory=dict)  # line number -> text, for the lines findings touch
    claims: list = field(default_factory=list)  # ClaimRecords: every sentence read as a claim


def rule_finding(engine: Engine, code: str, path: str, where: tuple[int, int, int, int], excerpt: str = "", **fields: str) -> Finding:
    """A finding the run itself reports (CL9xx), worded by its rule definition."""
    rule = engine.knowledge.rule(code)
    line, column, end_line, end_column = where
    return Finding(
        code=code, name=rule.name, severity=engine.severity(code, rule.severity),
        message=rule.message.format(**fields), path=path,
        line=line, column=column, end_line=end_line, end_column=end_column,
        excerpt=excerpt, excerpt_span=(0, len(excerpt)), references=[rule.basis],
    )


def directive_finding(engine: Engine, document: Document, directive: Directive, code: str, codes: tuple[str, ...]) -> Finding:
    """A finding about a suppression comment (CL901, CL903, CL904), marking the whole comment."""
    text = document.line_text(directive.line).strip()
    named = f"claimlint-{directive.action}{' ' + ', '.join(codes) if codes else ''}"
    end_column = len(document.line_text(directive.end_line)) + 1
    where = (directive.line, directive.column, directive.end_line, end_column)
    return rule_finding(engine, code, document.path, where, excerpt=text, directive=named, codes=", ".join(codes))


def suppression_findings(engine: Engine, document: Document, unused: list[tuple[Directive, tuple[str, ...]]]) -> list[Finding]:
    """What is wrong with the document's suppression comments: those that suppressed
    nothing (CL901), those that do not say why (CL903), codes no rule has (CL904; a
    misspelt code is reported as that, not also as unused)."""
    known = engine.knowledge.rules
    out = []
    for directive, codes in unused:
        real = tuple(c for c in codes if c in known)
        if real or not codes:
            out.append(directive_finding(engine, document, directive, "CL901", real))
    for directive in document.directives:
        if directive.action != "enable" and not directive.reason:
            out.append(directive_finding(engine, document, directive, "CL903", directive.codes))
        unknown = tuple(c for c in directive.codes if c not in known)
        if unknown:
            out.append(directive_finding(engine, document, directive, "CL904", unknown))
    return out


def read_input(path: str, stdin_name: str | None = None, heading_joiners: frozenset[str] = frozenset()) -> Document:
    """Read one path ("-" is standard input); raise ReadError with a one-line message."""
    if path == "-":
        data = sys.stdin.buffer.read()
        return read_document(stdin_name or "-", data, heading_joiners=heading_joiners)
    p = Path(path)
    try:
        if not p.exists():
            raise ReadError(f"{path}: no such file or directory")
        if p.is_dir():  # only a folder that a walk could not read comes here: say why
            with os.scandir(p):
                pass
        if not p.is_file():
            raise ReadError(f"{path}: not a regular file")
        if p.stat().st_size > MAX_BYTES:
            raise ReadError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return read_document(path, data, heading_joiners=heading_joiners)


def finish(engine: Engine, document: Document, findings: list[Finding], settings: FileSettings) -> FileResult:
    """Apply suppressions (reporting the comments themselves where wrong) and the file's selection."""
    kept, unused = suppressions.apply(document, findings)
    kept += suppression_findings(engine, document, unused)
    kept = sorted((f for f in kept if f.code in settings.selected), key=Finding.sort_key)
    lines = {n: document.line_text(n) for f in kept for n in (f.line, f.end_line)}
    return FileResult(document.path, kept, lines=lines, claims=document.claims)


def run(
    engine: Engine, items: Iterable[tuple[str, FileSettings]], stdin_name: str | None = None,
    read: Callable[[str], Document] | None = None,
) -> Iterator[FileResult]:
    """Lint ``(path, settings)`` items, yielding one result per item in order. ``read``
    reads a path (default: the file, or standard input for "-"); it raises ReadError."""
    joiners = engine.knowledge.grammar.heading_joiners
    reader = read or (lambda path: read_input(path, stdin_name, joiners))
    pending: deque[FileResult | FileSettings] = deque()  # failed inputs and linted ones' settings, in order

    def documents() -> Iterator[tuple[Document, Profile]]:
        for path, settings in items:
            shown = stdin_name or "-" if path == "-" else path
            try:
                document = reader(path)
                profile = settings.profile_for(document)
            except ReadError as exc:
                message = str(exc)
            except ProfileError as exc:
                message = f"{shown}: front matter field 'claimlint': {exc}"
            else:
                pending.append(settings)
                yield document, profile
                continue
            finding = rule_finding(engine, "CL902", shown, (1, 1, 1, 1), reason=message)
            pending.append(FileResult(shown, [finding] if "CL902" in settings.selected else [], message))

    for document, findings in engine.lint(documents()):
        while isinstance(pending[0], FileResult):
            yield pending.popleft()
        yield finish(engine, document, findings, pending.popleft())
    yield from pending  # only failed inputs are left
