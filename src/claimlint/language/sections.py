"""Sections of a document that are not copy: reference lists.

A references or bibliography list names studies ("Magnesium supplementation and wound
healing in diabetic foot ulcer"); its titles are sources, not claims, so judges read the
copy without them and the evidence judge reads them as sources.
"""

from __future__ import annotations

import re

from claimlint.document import Block

REFERENCE_HEADING = re.compile(
    r"^\W*(references|reference list|bibliography|sources|citations|works cited|literature|further reading|notes and references)\W*$",
    re.IGNORECASE,
)
HEADING_KINDS = {"heading", "title"}


def reference_blocks(blocks: list[Block]) -> set[int]:
    """Indices of the blocks under a references heading, up to the next heading."""
    inside = False
    found: set[int] = set()
    for index, block in enumerate(blocks):
        if REFERENCE_HEADING.match(block.text.strip()):
            inside = True
            continue
        if inside and block.kind in HEADING_KINDS:
            inside = False
        if inside:
            found.add(index)
    return found
