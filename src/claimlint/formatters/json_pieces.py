"""JSON written a piece at a time, byte for byte as ``json.dumps(value, indent=2,
ensure_ascii=False)`` writes the whole value, so that the long arrays of a report
(diagnostics, claims, SARIF results, GitLab issues) are written as they grow and never
held. JSON strings escape every line break, so a value's lines can be indented as a
whole to stand deeper in the document."""

from __future__ import annotations

import json

INDENT = "  "
_HOLE = "\x1fclaimlint-array\x1f"  # stands for the array in a template


def dumps(value: object, depth: int = 0) -> str:
    """``value`` as it is written ``depth`` levels deep in a larger document."""
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + INDENT * depth)


class Array:
    """A JSON array ``depth`` levels deep, written one item at a time."""

    def __init__(self, depth: int) -> None:
        self.depth = depth
        self.count = 0

    def add(self, value: object) -> str:
        opening = ",\n" if self.count else "[\n"
        self.count += 1
        return opening + INDENT * (self.depth + 1) + dumps(value, self.depth + 1)

    def close(self) -> str:
        return "\n" + INDENT * self.depth + "]" if self.count else "[]"


def around_array(document: dict, path: tuple) -> tuple[str, str, Array]:
    """The text of ``document`` before and after the array at ``path`` (keys and
    indexes to it; the array itself is left out), and an :class:`Array` to write it."""
    holder = document
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = _HOLE
    head, tail = dumps(document).split(json.dumps(_HOLE))
    last_line = head.rpartition("\n")[2]
    depth = (len(last_line) - len(last_line.lstrip(" "))) // len(INDENT)
    return head, tail, Array(depth)
