"""Output formats. Each takes the run's report and returns the text to write."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the formats are imported before the engine is needed
    from claimlint.knowledge.base import RuleDef
    from claimlint.run.runner import FileResult

FORMATS = ("text", "concise", "json", "sarif", "github", "junit", "gitlab", "html")
SHOWS_SOURCE = frozenset({"html"})  # formats that show each file's whole text, which the run then keeps


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
    return _module(name).render


def _module(name: str):
    from importlib import import_module

    return import_module(f"claimlint.formatters.{'json_format' if name == 'json' else name}")


class Spool:
    """Report text that must wait for other text (GitHub's warnings after its errors,
    JSON's claims after its diagnostics): kept in memory while small, in a temporary
    file once large, and read back in pieces, so it is never held whole."""

    BYTES = 4 * 1024 * 1024

    def __init__(self) -> None:
        self.file = tempfile.SpooledTemporaryFile(self.BYTES, mode="w+", encoding="utf-8")

    def write(self, text: str) -> None:
        self.file.write(text)

    def read(self) -> Iterator[str]:
        self.file.seek(0)
        while piece := self.file.read(self.BYTES):
            yield piece
        self.file.close()


def continues(last: FileResult | None, result: FileResult) -> bool:
    """Whether ``result`` belongs to the same file as ``last``: the next piece of a long
    file's result, or the next row of a feed (a report lists a feed as one file)."""
    if last is None or last.path != result.path:
        return False
    return last.more or (last.row is not None and result.row is not None)


class Collected:
    """How the formats that describe a whole run and have no stream of their own
    (JUnit, HTML) take one: results are held (findings, not documents) and rendered at
    the end; the pieces of a long file, and the rows of a feed, are merged into one
    result for their file."""

    def __init__(self, render: Callable[[Report], str], **report: object) -> None:
        self.render = render
        self.report = report
        self.results: list[FileResult] = []
        self.baselined = 0  # findings left out because a baseline holds them

    def write(self, result: FileResult) -> str:
        last = self.results[-1] if self.results else None
        if continues(last, result):
            last.more = result.more
            last.findings += result.findings
            last.lines.update(result.lines)
            last.claims += result.claims
            last.error = last.error or result.error
        else:
            self.results.append(result)
        return ""

    def close(self) -> list[str]:
        return [self.render(Report(self.results, baselined=self.baselined, **self.report))]


def writer(name: str, files: int, color: bool = False, statistics: bool = False, rules: dict | None = None):
    """Where a run writes its results as they come: the format's ``Stream`` where it has
    one (text, concise, github, json, sarif, gitlab: output as the run goes, memory
    bounded), else :class:`Collected`. Each takes results with ``write(result) -> str``
    and ends with ``close() -> pieces``."""
    module = _module(name)
    if hasattr(module, "Stream"):
        return module.Stream(files=files, color=color, statistics=statistics, rules=rules or {})
    return Collected(module.render, color=color, statistics=statistics, rules=rules or {})
