"""A run: read every input, lint what can be read, report what cannot (CL902).

Per document, after linting: suppression comments, the file's rule selection, then the
merge of findings on one stretch of copy (run/merge.py). The
result keeps the text of the lines its findings point at, because some formats count
columns in UTF-16 code units and need the characters to convert.

A long document is judged in parts (see :meth:`Engine.lint_parts`), and its result can
come in pieces, one per part (``more`` set on all but the last), so that a run never
holds all the findings of a large file: the formats write each piece as it comes.
"""

from __future__ import annotations

import heapq
import os
import pickle
import sys
import tempfile
from collections import deque
from itertools import islice
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
    more: bool = False  # one piece of a file's result, more pieces of the same file follow


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
    finishing = Finishing(rulebook, document, settings, profile, keep_source)
    return next(finishing.part(findings, last=True))


class Finishing:
    """Suppressions, selection and merging for one document whose findings come part by
    part; each part's result goes out as a piece as soon as it is finished.

    Findings on different parts never share a stretch of copy, so merging works on each
    part alone. Suppression comments are the exception: whether one suppressed anything
    (CL901) is known only at the end of the file, and it is reported at its own line. So
    the findings of a document with suppression comments and more than one part wait,
    pickled in a temporary file, until its last part; then they go out in pieces, the
    findings about the comments sorted in among them."""

    PIECE = 2_000  # findings of one piece read back from the temporary file

    def __init__(self, rulebook: RuleBook, document: Document, settings: FileSettings,
                 profile: Profile | None = None, keep_source: bool = False) -> None:
        self.rulebook, self.document, self.settings = rulebook, document, settings
        self.profile, self.keep_source = profile, keep_source
        self.suppressor = suppressions.Suppressor(document)
        self.waiting = None  # the temporary file of findings held until the last part

    def part(self, findings: list[Finding], last: bool) -> Iterator[FileResult]:
        """The pieces of the result for one part's findings (sorted, as the engine gives them)."""
        kept = merge([f for f in self.suppressor.apply(findings) if f.code in self.settings.selected])
        claims, self.document.claims = self.document.claims, []
        if not self.document.directives:
            yield self._piece(kept, claims, more=not last)
            return
        if last and self.waiting is None:  # the whole document in one part
            yield self._piece(list(heapq.merge(kept, self._about_comments(), key=Finding.sort_key)), claims, more=False)
            return
        if self.waiting is None:
            self.waiting = tempfile.TemporaryFile()
        for finding in kept:
            pickle.dump(finding, self.waiting, pickle.HIGHEST_PROTOCOL)
        if not last:
            yield self._piece([], claims, more=True)  # the part's claim records, in their place
            return
        # Read back a piece at a time: the comments' findings sorted in, as one sort of all would.
        findings = heapq.merge(self._held(), self._about_comments(), key=Finding.sort_key)
        piece = list(islice(findings, self.PIECE))
        while True:
            following = list(islice(findings, self.PIECE))
            yield self._piece(piece, claims, more=bool(following))
            if not following:
                return
            piece, claims = following, []

    def _about_comments(self) -> list[Finding]:
        found = suppression_findings(self.rulebook, self.document, self.suppressor.unused())
        return sorted((f for f in found if f.code in self.settings.selected), key=Finding.sort_key)

    def _held(self) -> Iterator[Finding]:
        waiting, self.waiting = self.waiting, None
        waiting.seek(0)
        with waiting:
            while True:
                try:
                    yield pickle.load(waiting)
                except EOFError:
                    return

    def _piece(self, findings: list[Finding], claims: list, more: bool) -> FileResult:
        document, profile = self.document, self.profile
        lines = {n: document.line_text(n) for f in findings for n in (f.line, f.end_line, *((f.fix.line,) if f.fix else ()))}
        return FileResult(
            document.path, findings, lines=lines, claims=claims, source=document.source if self.keep_source else None,
            profile=profile.name if profile else "", inferred_from=profile.inferred_from if profile else None, more=more,
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
    read: Callable[[str], Document] | None = None, keep_source: bool = False, in_pieces: bool = False,
) -> Iterator[FileResult]:
    """Lint ``(path, settings)`` items, yielding one result per item in order (with each
    file's text when ``keep_source``), or, with ``in_pieces``, a long file's result in
    pieces as its parts are judged. ``read`` reads a path (default: the file, or
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

    if not in_pieces:
        for entry in lint_in_order(engine, inputs()):
            if isinstance(entry, FileResult):
                yield entry
                continue
            document, findings, (settings, profile) = entry
            yield finish(engine.rulebook, document, findings, settings, profile, keep_source)
        return
    finishing: Finishing | None = None
    for entry in lint_in_order(engine, inputs(), in_parts=True):
        if isinstance(entry, FileResult):
            yield entry
            continue
        document, findings, last, (settings, profile) = entry
        if finishing is None:
            finishing = Finishing(engine.rulebook, document, settings, profile, keep_source)
        yield from finishing.part(findings, last)
        if last:
            finishing = None


def unreadable(engine: Engine, path: str, message: str, settings: FileSettings, line: int = 1) -> FileResult:
    """The result for an input that cannot be linted: a CL902 finding where selected."""
    finding = engine.rulebook.finding("CL902", path, Where(line, 1, line, 1), reason=message)
    return FileResult(path, [finding] if "CL902" in settings.selected else [], message)


T = TypeVar("T")


def lint_in_order(engine: Engine, inputs: Iterable[FileResult | tuple[Document, Profile, T]], in_parts: bool = False) -> Iterator:
    """Lint the documents among ``inputs`` as one stream, passing results of inputs that
    could not be read through in their place, so everything comes out in input order:
    ``(document, findings, companion)`` for each document, or with ``in_parts``
    ``(document, findings, last, companion)`` for each part of one."""
    pending: deque[FileResult | T] = deque()  # failed inputs and linted ones' companions, in order

    def documents() -> Iterator[tuple[Document, Profile]]:
        for entry in inputs:
            if isinstance(entry, FileResult):
                pending.append(entry)
                continue
            document, profile, companion = entry
            pending.append(companion)
            yield document, profile

    linted = engine.lint_parts(documents()) if in_parts else ((d, f, True) for d, f in engine.lint(documents()))
    for document, findings, last in linted:
        while isinstance(pending[0], FileResult):
            yield pending.popleft()
        companion = pending.popleft() if last else pending[0]
        yield (document, findings, last, companion) if in_parts else (document, findings, companion)
    yield from pending  # only failed inputs are left
