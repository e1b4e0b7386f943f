"""A run: read every input, lint what can be read, report what cannot (CL902).

Per document, after linting: suppression comments, the file's rule selection, then the
merge of findings on one stretch of copy (run/merge.py). The
result keeps the text of the lines its findings point at, because some formats count
columns in UTF-16 code units and need the characters to convert.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar
from pathlib import Path

from claimlint.run import suppressions
from claimlint.run.merge import merge
from claimlint.run.config import FileSettings
from claimlint.document import Directive, Document
from claimlint.engine import Engine
from claimlint.findings import Finding
from claimlint.knowledge.profile import Profile, ProfileError
from claimlint.knowledge.rulebook import RuleBook, Where
from claimlint.readers import ReadError, read_document

MAX_BYTES = 50 * 1024 * 1024


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # the one-line reason a file could not be read
    lines: dict[int, str] = field(default_factory=dict)  # line number -> text, for the lines findings touch
    claims: list = field(default_factory=list)  # ClaimRecords: every sentence read as a claim
    source: str | None = None  # the whole decoded text, kept only for formats that show it (html)
    profile: str = ""  # the profile the file was judged under
    inferred_from: str | None = None  # the copy's word that profile was inferred from
    row: str | None = None  # the row's id, for the result of one row of a feed


def directive_finding(rulebook: RuleBook, document: Document, directive: Directive, code: str, codes: tuple[str, ...]) -> Finding:
    """A finding about a suppression comment (CL901, CL903, CL904), marking the whole comment."""
    text = document.line_text(directive.line).strip()
    named = f"claimlint-{directive.action}{' ' + ', '.join(codes) if codes else ''}"
    end_column = len(document.line_text(directive.end_line)) + 1
    where = Where(directive.line, directive.column, directive.end_line, end_column, excerpt=text)
    return rulebook.finding(code, document.path, where, directive=named, codes=", ".join(codes))


def suppression_findings(rulebook: RuleBook, document: Document, unused: list[tuple[Directive, tuple[str, ...]]]) -> list[Finding]:
    """What is wrong with the document's suppression comments: those that suppressed
    nothing (CL901), those that do not say why (CL903), codes no rule has (CL904; a
    misspelt code is reported as that, not also as unused)."""
    known = rulebook.rules
    out = []
    for directive, codes in unused:
        real = tuple(c for c in codes if c in known)
        if real or not codes:
            out.append(directive_finding(rulebook, document, directive, "CL901", real))
    for directive in document.directives:
        if directive.action != "enable" and not directive.reason:
            out.append(directive_finding(rulebook, document, directive, "CL903", directive.codes))
        unknown = tuple(c for c in directive.codes if c not in known)
        if unknown:
            out.append(directive_finding(rulebook, document, directive, "CL904", unknown))
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


def finish(
    rulebook: RuleBook, document: Document, findings: list[Finding], settings: FileSettings,
    profile: Profile | None = None, keep_source: bool = False,
) -> FileResult:
    """Apply suppressions (reporting the comments themselves where wrong) and the file's
    selection, then merge what is left on one stretch of copy (after, so a code not
    reported hides nothing). ``profile``, where given, is named in the result."""
    kept, unused = suppressions.apply(document, findings)
    kept += suppression_findings(rulebook, document, unused)
    kept = merge([f for f in kept if f.code in settings.selected])
    lines = {n: document.line_text(n) for f in kept for n in (f.line, f.end_line, *((f.fix.line,) if f.fix else ()))}
    return FileResult(
        document.path, kept, lines=lines, claims=document.claims, source=document.source if keep_source else None,
        profile=profile.name if profile else "", inferred_from=profile.inferred_from if profile else None,
    )


def profile_error(shown: str, exc: ProfileError) -> str:
    return f"{shown}: front matter field 'claimlint': {exc}"


def lint_document(engine: Engine, document: Document, settings: FileSettings) -> FileResult:
    """Lint one document already read (an editor's unsaved text) as a run lints a file."""
    try:
        profile = settings.profile_for(document, engine.profile_cues)
    except ProfileError as exc:
        return unreadable(engine, document.path, profile_error(document.path, exc), settings)
    _, findings = next(engine.lint([(document, profile)]))
    return finish(engine.rulebook, document, findings, settings, profile)


def run(
    engine: Engine, items: Iterable[tuple[str, FileSettings]], stdin_name: str | None = None,
    read: Callable[[str], Document] | None = None, keep_source: bool = False,
) -> Iterator[FileResult]:
    """Lint ``(path, settings)`` items, yielding one result per item in order (with each
    file's text when ``keep_source``). ``read`` reads a path (default: the file, or
    standard input for "-"); it raises ReadError."""
    joiners = engine.knowledge.grammar.heading_joiners
    reader = read or (lambda path: read_input(path, stdin_name, joiners))

    def inputs() -> Iterator[FileResult | tuple[Document, Profile, FileSettings]]:
        for path, settings in items:
            shown = stdin_name or "-" if path == "-" else path
            try:
                document = reader(path)
                profile = settings.profile_for(document, engine.profile_cues)
                yield document, profile, (settings, profile)
            except ReadError as exc:
                yield unreadable(engine, shown, str(exc), settings)
            except ProfileError as exc:
                yield unreadable(engine, shown, profile_error(shown, exc), settings)

    for entry in lint_in_order(engine, inputs()):
        if isinstance(entry, FileResult):
            yield entry
            continue
        document, findings, (settings, profile) = entry
        yield finish(engine.rulebook, document, findings, settings, profile, keep_source)


def unreadable(engine: Engine, path: str, message: str, settings: FileSettings, line: int = 1) -> FileResult:
    """The result for an input that cannot be linted: a CL902 finding where selected."""
    finding = engine.rulebook.finding("CL902", path, Where(line, 1, line, 1), reason=message)
    return FileResult(path, [finding] if "CL902" in settings.selected else [], message)


T = TypeVar("T")


def lint_in_order(engine: Engine, inputs: Iterable[FileResult | tuple[Document, Profile, T]]) -> Iterator[FileResult | tuple[Document, list[Finding], T]]:
    """Lint the documents among ``inputs`` as one stream, passing results of inputs that
    could not be read through in their place, so everything comes out in input order."""
    pending: deque[FileResult | T] = deque()  # failed inputs and linted ones' companions, in order

    def documents() -> Iterator[tuple[Document, Profile]]:
        for entry in inputs:
            if isinstance(entry, FileResult):
                pending.append(entry)
                continue
            document, profile, companion = entry
            pending.append(companion)
            yield document, profile

    for document, findings in engine.lint(documents()):
        while isinstance(pending[0], FileResult):
            yield pending.popleft()
        yield document, findings, pending.popleft()
    yield from pending  # only failed inputs are left
