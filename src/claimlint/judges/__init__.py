"""Judges: one per rule family, each reading the claims and mentions of a document.

A judge is built from a small view of what it reads (a frozen dataclass next to it) and
never sees the engine; ``judges/registry.py`` states the order they run in, the codes each
owns and what each reads of the others."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar


class Judge:
    """Base class: a judge reports findings for the codes it owns.

    ``fields`` declares, per code, the placeholders the judge fills in the rule's message;
    a rule pack's message may use no others."""

    name: ClassVar[str]
    fields: ClassVar[Mapping[str, frozenset[str]]]
    pattern_fields: ClassVar[frozenset[str] | None] = None  # for the judge that runs pattern rules

    @classmethod
    def codes(cls) -> frozenset[str]:
        return frozenset(cls.fields)
