"""From bytes to text, or a one-line reason why a file cannot be linted."""

from __future__ import annotations

import codecs

_UTF8_BOM = codecs.BOM_UTF8
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class ReadError(Exception):
    """An input that cannot be linted; the message is one line starting with the path (CL902)."""


def decode(data: bytes, path: str, *, max_bytes: int | None = None) -> str:
    """Decode UTF-8 input, dropping a BOM so that offsets (and column 1) start after it."""
    if max_bytes is not None and len(data) > max_bytes:
        raise ReadError(f"{path}: file too large ({len(data)} bytes, limit {max_bytes})")
    if data.startswith(_UTF16_BOMS):
        raise ReadError(f"{path}: UTF-16 text, only UTF-8 is supported")
    if b"\x00" in data:
        raise ReadError(f"{path}: binary file, not text")
    bom = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = bom + exc.start
        raise ReadError(
            f"{path}: not valid UTF-8 (byte 0x{data[offset]:02x} at byte offset {offset})"
        ) from None
