"""A run: read every input, lint what can be read, report what cannot (CL902)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimlint.document import Document
from claimlint.engine import Engine
from claimlint.findings import Finding
from claimlint.profile import Profile, ProfileError
from claimlint.readers import ReadError, read_document

MAX_BYTES = 50 * 1024 * 1024


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None  # the one-line reason a file could not be read


def unreadable(path: str, message: str) -> Finding:
    return Finding(
        code="CL902", name="unreadable-input", severity="error", message=message,
        path=path, line=1, column=1, end_line=1, end_column=1,
        references=["claimlint: every input must be readable UTF-8 text"],
    )


def read_input(path: str, stdin_name: str | None = None) -> Document:
    """Read one path ("-" is standard input); raise ReadError with a one-line message."""
    if path == "-":
        data = sys.stdin.buffer.read()
        return read_document(stdin_name or "-", data)
    p = Path(path)
    try:
        if not p.exists():
            raise ReadError(f"{path}: no such file or directory")
        if not p.is_file():
            raise ReadError(f"{path}: not a regular file")
        if p.stat().st_size > MAX_BYTES:
            raise ReadError(f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = p.read_bytes()
    except OSError as exc:
        raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return read_document(path, data)


def run(
    engine: Engine,
    paths: Iterable[str],
    profile_for: "callable",
    stdin_name: str | None = None,
) -> Iterator[FileResult]:
    """Lint ``paths`` in order; ``profile_for(document)`` gives each document's profile."""
    failed: dict[str, FileResult] = {}
    order: list[str] = []

    def documents() -> Iterator[tuple[Document, Profile]]:
        for path in paths:
            shown = stdin_name or "-" if path == "-" else path
            order.append(shown)
            try:
                document = read_input(path, stdin_name)
                profile = profile_for(document)
            except ReadError as exc:
                failed[shown] = FileResult(shown, [unreadable(shown, str(exc))], str(exc))
                continue
            except ProfileError as exc:
                message = f"{shown}: front matter field 'claimlint': {exc}"
                failed[shown] = FileResult(shown, [unreadable(shown, message)], message)
                continue
            yield document, profile

    emitted = 0
    for document, findings in engine.lint(documents()):
        while order[emitted] in failed:
            yield failed.pop(order[emitted])
            emitted += 1
        yield FileResult(document.path, findings)
        emitted += 1
    while emitted < len(order):
        yield failed.pop(order[emitted])
        emitted += 1
