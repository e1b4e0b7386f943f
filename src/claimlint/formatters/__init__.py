"""Output formats. Each takes the run's report and returns the text to write."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the formats are imported before the engine is needed
    from claimlint.knowledge.base import RuleDef
    from claimlint.run.runner import FileResult

FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "gitlab")


@dataclass
class Report:
    results: list[FileResult]
    color: bool = False
    statistics: bool = False
    width: int = 80
    rules: dict[str, RuleDef] = field(default_factory=dict)  # every known rule, for formats that describe them
    baselined: int = 0  # findings left out because a baseline holds them

    @property
    def findings(self):
        return [f for r in self.results for f in r.findings]


def formatter(name: str) -> Callable[[Report], str]:
    """The render function of format ``name`` (one of FORMATS), imported only when used."""
    from importlib import import_module

    module = "json_format" if name == "json" else name
    return import_module(f"claimlint.formatters.{module}").render
