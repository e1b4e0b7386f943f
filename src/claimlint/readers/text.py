"""Plain text: paragraphs separated by blank lines, each line a block boundary for headings."""

from __future__ import annotations

import re

from claimlint.document import BlockBuilder, Document

_PARA = re.compile(r"(?:[^\r\n]+(?:\r\n|\r|\n)?)+")


def read_text(path: str, text: str) -> Document:
    doc = Document(path=path, source=text)
    for match in _PARA.finditer(text):
        builder = BlockBuilder("paragraph")
        builder.add(match.group().rstrip("\r\n"), match.start())
        block = builder.build()
        if block is not None:
            doc.blocks.append(block)
    return doc
