"""A small on-disk cache of work that depends only on file contents.

Validating the rule packs, parsing the register and loading the lemma table take longer
than linting one file; a pre-commit run pays them on every commit. Results are stored
under ``$CLAIMLINT_CACHE_DIR``, else the platform's user cache folder as platformdirs
knows it (``$XDG_CACHE_HOME/claimlint`` or ``~/.cache/claimlint`` on Linux,
``~/Library/Caches/claimlint`` on macOS, ``%LOCALAPPDATA%\\claimlint\\Cache`` on Windows),
keyed on a hash of everything they were computed from, so a changed pack is simply a
cache miss. ``CLAIMLINT_NO_CACHE=1`` turns it off. A cache that cannot be read or written
is ignored: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, Callable

import platformdirs

from claimlint import __version__


def folder() -> Path | None:
    if os.environ.get("CLAIMLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("CLAIMLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    return Path(platformdirs.user_cache_dir("claimlint", appauthor=False))


def key(*parts: bytes | str) -> str:
    digest = hashlib.sha256(__version__.encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:40]


def cached(namespace: str, digest: str, compute: Callable[[], Any]) -> Any:
    """``compute()``'s value, from the cache when one was stored under ``digest``."""
    value = load(namespace, digest)
    if value is None:
        value = compute()
        store(namespace, digest, value)
    return value


def load(namespace: str, digest: str) -> Any:
    """The value stored under ``digest``, or None."""
    root = folder()
    if root is None:
        return None
    try:
        with (root / namespace / f"{digest}.pickle").open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, ValueError):
        return None


def store(namespace: str, digest: str, value: Any) -> None:
    root = folder()
    if root is not None:
        _store(root / namespace / f"{digest}.pickle", value)


def _store(path: Path, value: Any) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        try:
            os.unlink(handle.name)  # type: ignore[possibly-undefined]
        except (OSError, NameError):
            pass
