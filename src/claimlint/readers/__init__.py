"""Readers: turn a file's bytes into a :class:`~claimlint.document.Document`.

Each block's text is the copy a reader of the page sees, and maps back to the exact line
and column in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from claimlint.document import Document
from claimlint.readers.decoding import ReadError, decode
from claimlint.readers.text import read_text

__all__ = ["ReadError", "decode", "is_plain_text", "read_document", "read_html", "read_markdown", "read_source", "read_text"]

# The Markdown and HTML readers are named here and imported the first time a file needs
# one: their parsers cost a check of a text file time for nothing.
_READERS = {".md": "markdown", ".markdown": "markdown", ".mdx": "markdown", ".html": "html", ".htm": "html"}

# Editors name a buffer's language, which may not match its name ("untitled-1").
_LANGUAGES = {"markdown": "markdown", "mdx": "markdown", "html": "html"}
PLAIN_TEXT_LANGUAGES = frozenset({"plaintext", "text"})  # VS Code's name and Neovim's


def _load(kind: str) -> Callable[[str, str], Document]:
    if kind == "markdown":
        from claimlint.readers.markdown import read_markdown

        return read_markdown
    from claimlint.readers.html import read_html

    return read_html


def __getattr__(name: str) -> Callable[[str, str], Document]:
    """``read_markdown`` and ``read_html``, imported when first asked for."""
    if name in ("read_markdown", "read_html"):
        return _load(name.removeprefix("read_"))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _reader(path: str, language_id: str | None) -> Callable[[str, str], Document] | None:
    """The reader of a language id where it names one, else of ``path``'s suffix; None for plain text."""
    if language_id in PLAIN_TEXT_LANGUAGES:
        return None
    kind = _LANGUAGES.get(language_id or "") or _READERS.get(PurePath(path).suffix.lower())
    return _load(kind) if kind else None


def is_plain_text(path: str, language_id: str | None = None) -> bool:
    return _reader(path, language_id) is None


def read_source(path: str, text: str, language_id: str | None = None, heading_joiners: frozenset[str] = frozenset()) -> Document:
    """Read decoded ``text`` as the file ``path``, or as the editor's ``language_id`` where
    it names one; plain-text headings are told by ``heading_joiners``, the grammar pack's
    words that join a line to the next."""
    reader = _reader(path, language_id)
    return reader(path, text) if reader is not None else read_text(path, text, heading_joiners)


def read_document(path: str, data: bytes, *, max_bytes: int | None = None, heading_joiners: frozenset[str] = frozenset()) -> Document:
    """Read ``data`` as the file ``path`` (its suffix picks the reader; anything else is
    plain text). Raises :class:`ReadError` for input that cannot be linted."""
    text = decode(data, path, max_bytes=max_bytes)
    return read_source(path, text, heading_joiners=heading_joiners)
