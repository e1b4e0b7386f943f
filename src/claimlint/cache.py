"""A small on-disk cache of work that depends only on file contents.

Validating the rule packs, parsing the register and loading the lemma table take longer
than linting one file; a pre-commit run pays them on every commit. Results are stored
under ``$CLAIMLINT_CACHE_DIR``, else the platform's user cache folder as platformdirs
knows it (``$XDG_CACHE_HOME/claimlint`` or ``~/.cache/claimlint`` on Linux,
``~/Library/Caches/claimlint`` on macOS, ``%LOCALAPPDATA%\\claimlint\\Cache`` on Windows),
keyed on a hash of everything they were computed from, so a changed pack is simply a
cache miss. The key also holds a digest of claimlint's own source, since what is cached
(compiled pattern tables, the register read through the lexicons) is what this code makes
of the packs. ``CLAIMLINT_NO_CACHE=1`` turns it off. Each file carries a digest of its
contents, so a damaged one is a cache miss like a missing one; a cache that cannot be
read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from claimlint import __version__


def folder() -> Path | None:
    if os.environ.get("CLAIMLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("CLAIMLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    import platformdirs

    return Path(platformdirs.user_cache_dir("claimlint", appauthor=False))


def key(*parts: bytes | str) -> str:
    digest = hashlib.sha256(__version__.encode())
    digest.update(_source_digest())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:40]


@lru_cache(maxsize=None)
def _source_digest() -> bytes:
    """A digest of claimlint's Python source, read once per process."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            pass
    return digest.digest()


def cached(namespace: str, digest: str, compute: Callable[[], Any]) -> Any:
    """``compute()``'s value, from the cache when one was stored under ``digest``."""
    value = load(namespace, digest)
    if value is None:
        value = compute()
        store(namespace, digest, value)
    return value


_CHECK_SIZE = 32  # a stored file is a digest of its key and its pickle, then the pickle


def _check(namespace: str, digest: str, payload: bytes | memoryview) -> bytes:
    check = hashlib.sha256(f"{namespace}/{digest}".encode())
    check.update(payload)
    return check.digest()


def load(namespace: str, digest: str) -> Any:
    """The value stored under ``digest``, or None (also when the file is damaged)."""
    root = folder()
    if root is None:
        return None
    try:
        data = (root / namespace / f"{digest}.pickle").read_bytes()
    except OSError:
        return None
    payload = memoryview(data)[_CHECK_SIZE:]
    if len(data) <= _CHECK_SIZE or _check(namespace, digest, payload) != data[:_CHECK_SIZE]:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # a file that passed the check but will not load is a miss like any other
        return None


def store(namespace: str, digest: str, value: Any) -> None:
    root = folder()
    if root is None:
        return
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    path = root / namespace / f"{digest}.pickle"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as handle:
            handle.write(_check(namespace, digest, payload))
            handle.write(payload)
        os.replace(handle.name, path)
    except OSError:
        try:
            os.unlink(handle.name)  # type: ignore[possibly-undefined]
        except (OSError, NameError):
            pass
