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

__all__ = ["ReadError", "decode", "read_document", "read_html", "read_markdown", "read_text"]

_READERS: dict[str, Callable[[str, str], Document]] = {
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".mdx": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}


def read_document(path: str, data: bytes, *, max_bytes: int | None = None, heading_joiners: frozenset[str] = frozenset()) -> Document:
    """Read ``data`` as the file ``path`` (its suffix picks the reader; anything else is
    plain text, whose headings are told by ``heading_joiners``, the grammar pack's words
    that join a line to the next). Raises :class:`ReadError` for input that cannot be linted."""
    text = decode(data, path, max_bytes=max_bytes)
    reader = _READERS.get(PurePath(path).suffix.lower())
    return reader(path, text) if reader is not None else read_text(path, text, heading_joiners)
