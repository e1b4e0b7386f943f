"""Which files a run lints: paths given on the command line, directories walked."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

LINTED_SUFFIXES = (".md", ".markdown", ".mdx", ".html", ".htm", ".txt")
SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache", ".pytest_cache"}


def discover(paths: list[str], suffixes: tuple[str, ...] = LINTED_SUFFIXES) -> Iterator[str]:
    """Files to lint, in a stable order. A missing path is yielded as is so the run reports it."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
                for name in sorted(files):
                    if name.lower().endswith(suffixes):
                        yield os.path.join(root, name)
        else:
            yield raw
