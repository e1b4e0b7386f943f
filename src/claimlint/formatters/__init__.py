"""Output formats. Each takes the run's results and returns the text to write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from claimlint.runner import FileResult


@dataclass
class Report:
    results: list[FileResult]
    color: bool = False
    statistics: bool = False
    width: int = 80

    @property
    def findings(self):
        return [f for r in self.results for f in r.findings]


def _formatters() -> dict[str, Callable[[Report], str]]:
    from claimlint.formatters import json_format, text

    return {"text": text.render, "json": json_format.render}


def formatter(name: str) -> Callable[[Report], str]:
    return _formatters()[name]


def names() -> list[str]:
    return list(_formatters())
