"""Which files a run lints: paths given on the command line, directories walked.

Walking skips excluded folders and files (config ``exclude``/``extend-exclude``, or the
defaults) and whatever git ignores, so build output and vendored pages are not linted.
A path named explicitly is linted as given unless ``--force-exclude`` is on, because
pre-commit and editors pass files one by one and expect the excludes to hold. A folder
that cannot be read is kept in the list, as a missing path is, so that the run reports it
(CL902) and lints the rest.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

from claimlint.run.config import Settings, is_directory

LINTED_SUFFIXES = (".md", ".markdown", ".mdx", ".html", ".htm", ".txt")


def display_path(path: str) -> str:
    """The path as reports show it: relative to the working directory when inside it, so
    reports and baseline fingerprints do not depend on how the path was typed."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # another drive
        return absolute
    outside = relative == os.pardir or relative.startswith(os.pardir + os.sep)
    return absolute if outside else relative


def _walk(top: Path, settings: Settings) -> Iterator[str]:
    unreadable: list[str] = []
    for root, dirs, files in os.walk(top, onerror=lambda error: unreadable.append(error.filename)):
        yield from unreadable
        unreadable.clear()
        dirs[:] = sorted(d for d in dirs if not settings.excluded(os.path.join(root, d), directory=True))
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.lower().endswith(LINTED_SUFFIXES) and not settings.excluded(path):
                yield path
    yield from unreadable


def git_ignored(paths: list[str], top: Path) -> set[str]:
    """The paths that git ignores, when ``top`` is inside a git work tree; else none."""
    if not paths:
        return set()
    try:
        done = subprocess.run(
            ["git", "-C", str(top), "check-ignore", "--stdin", "-z"],
            input="\0".join(os.path.abspath(p) for p in paths).encode("utf-8"),
            capture_output=True,
            check=False,
        )
    except OSError:  # git is not installed
        return set()
    if done.returncode not in (0, 1):  # not a work tree, or git could not tell
        return set()
    ignored = {os.path.abspath(p) for p in done.stdout.decode("utf-8").split("\0") if p}
    return {p for p in paths if os.path.abspath(p) in ignored}


def discover(paths: list[str], settings: Settings, force_exclude: bool = False) -> list[str]:
    """Files to lint, in a stable order, as reports show them. A missing path is kept so
    the run reports it; "-" (standard input) is kept as is."""
    found: list[str] = []
    for raw in paths:
        if raw == "-":
            found.append(raw)
            continue
        top = Path(raw)
        directory = is_directory(top)
        if force_exclude and settings.excluded(top, directory):
            continue
        if directory:
            walked = list(_walk(top, settings))
            ignored = git_ignored(walked, top)
            found += [display_path(p) for p in walked if p not in ignored]
        else:
            found.append(display_path(raw))
    return found
