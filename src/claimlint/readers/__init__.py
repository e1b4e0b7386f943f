"""Readers: turn a file's bytes into a :class:`~claimlint.document.Document`."""

from __future__ import annotations

from pathlib import PurePath

from claimlint.document import Document
from claimlint.readers.text import read_text


class ReadError(Exception):
    """An input that cannot be linted; the message is one line (reported as CL902)."""


def decode(data: bytes, path: str) -> str:
    if b"\x00" in data[:8192]:
        raise ReadError(f"{path}: binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(f"{path}: not valid UTF-8 (byte {exc.start})") from None


def read_document(path: str, data: bytes) -> Document:
    text = decode(data, path)
    suffix = PurePath(path).suffix.lower()
    return read_text(path, text)
