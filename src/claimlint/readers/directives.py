"""Suppression comments: ``claimlint-disable-next-line HC101, MC201 -- reason`` and friends.

Every reader finds its comments its own way (HTML comments in Markdown and HTML, ``#``
lines in plain text) and hands the comment text here, so the syntax is the same everywhere.
"""

from __future__ import annotations

import re

from claimlint.document import Directive, Document

# Longest action first, and no word character after it, so that a misspelt
# "claimlint-disabled" is not read as a directive.
_DIRECTIVE = re.compile(
    r"\s*claimlint-(disable-next-line|disable-file|disable|enable)(?![\w-])(.*)", re.S
)
_CODE_SEPARATORS = re.compile(r"[\s,]+")
COMMENT = re.compile(r"<!--(.*?)--!?>", re.S)


def parse_directive(doc: Document, comment: str, start: int, end: int) -> Directive | None:
    """The directive in ``comment`` (a comment's text), which spans ``start:end`` of the source."""
    match = _DIRECTIVE.fullmatch(comment)
    if match is None:
        return None
    codes, _, reason = match.group(2).partition("--")
    line, column = doc.position(start)
    return Directive(
        action=match.group(1),
        codes=tuple(code.upper() for code in _CODE_SEPARATORS.split(codes) if code),
        line=line,
        end_line=doc.position(max(start, end - 1))[0],
        column=column,
        reason=" ".join(reason.split()),
    )
