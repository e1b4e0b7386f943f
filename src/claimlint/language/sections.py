"""Sections of a document that are not copy: reference lists.

A references or bibliography list names studies ("Magnesium supplementation and wound
healing in diabetic foot ulcer"); its titles are sources, not claims, so judges read the
copy without them and the evidence judge reads them as sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claimlint.document import Block

HEADING_KINDS = {"heading", "title"}


class ReferenceSections:
    """Finds the reference lists of a document by their headings, the grammar's
    ``reference_headings`` ("References", "Further reading"), compiled once."""

    def __init__(self, headings: Iterable[str]) -> None:
        words = "|".join(map(re.escape, headings)) or "(?!)"  # no headings: no reference list
        self.heading = re.compile(rf"^\W*({words})\W*$", re.IGNORECASE)

    def blocks(self, blocks: list[Block]) -> set[int]:
        """Indices of the blocks under a references heading, up to the next heading."""
        inside = False
        found: set[int] = set()
        for index, block in enumerate(blocks):
            if self.heading.match(block.text.strip()):
                inside = True
                continue
            if inside and block.kind in HEADING_KINDS:
                inside = False
            if inside:
                found.add(index)
        return found
