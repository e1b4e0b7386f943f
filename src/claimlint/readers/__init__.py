"""Readers: turn a file's bytes into a :class:`~claimlint.document.Document`.

Each block's text is the copy a reader of the page sees, and maps back to the exact line
and column in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from claimlint.document import Document
from claimlint.readers.decoding import ReadError, decode
from claimlint.readers.html import read_html
from claimlint.readers.markdown import read_markdown
from claimlint.readers.text import read_text

__all__ = ["ReadError", "decode", "read_document", "read_html", "read_markdown", "read_text", "reader_for"]

_READERS: dict[str, Callable[[str, str], Document]] = {
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".mdx": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}

# Editors name a buffer's language, which may not match its name ("untitled-1").
_LANGUAGES: dict[str, Callable[[str, str], Document]] = {
    "markdown": read_markdown,
    "mdx": read_markdown,
    "html": read_html,
    "plaintext": read_text,
    "text": read_text,  # Neovim's name for it
}


def reader_for(path: str, language_id: str | None = None) -> Callable[[str, str], Document]:
    """The reader of a language id where it names one, else of ``path``'s suffix (plain text by default)."""
    return _LANGUAGES.get(language_id or "") or _READERS.get(PurePath(path).suffix.lower(), read_text)


def read_document(path: str, data: bytes, *, max_bytes: int | None = None) -> Document:
    """Read ``data`` as the file ``path`` (its suffix picks the reader; anything else is
    plain text). Raises :class:`ReadError` for input that cannot be linted."""
    text = decode(data, path, max_bytes=max_bytes)
    return reader_for(path)(path, text)
