"""Rule examples, run as copy: each ``fail`` example must be flagged with its rule's code on
the exact words its ``span`` states, each ``pass`` example must not be flagged with it.

Examples are linted as files would be (a profile travels in front matter, the format picks
the reader, suppressions and unreadable input behave as in ``claimlint check``), but in
memory: testing a pack writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import yaml

from claimlint.document import Document
from claimlint.engine import Engine
from claimlint.findings import Finding
from claimlint.knowledge.base import RuleDef
from claimlint.knowledge.profile import DEFAULT_PROFILE
from claimlint.readers import read_document
from claimlint.run.config import FileSettings
from claimlint.run.runner import run


@dataclass
class Example:
    code: str
    kind: str  # fail | pass
    number: int  # position among the rule's examples of its kind, from 1
    text: str
    span: str | None  # the words a fail example's finding must mark
    cites: str | None  # the register entry a fail example's finding must cite
    name: str  # the file name it is linted as
    content: str  # the file's text: front matter with the profile, then the example

    @property
    def label(self) -> str:
        return f"{self.code} {self.kind} #{self.number}"


@dataclass
class Outcome:
    example: Example
    marked: list[str]  # the words each finding of the example's code marks
    merged_into: list[str]  # the words of findings the example's code merged into
    cited: list[str]  # the register entries those findings cite

    @property
    def passed(self) -> bool:
        if self.example.kind == "pass":
            return not (self.marked or self.merged_into)
        return self._on_span and (not self.example.cites or self.example.cites in self.cited)

    @property
    def _on_span(self) -> bool:
        """Marks the stated words; merged into a finding on the same stretch, overlaps them."""
        span = self.example.span
        return span in self.marked or any(m in span or span in m for m in self.merged_into)

    @property
    def problem(self) -> str:
        """Why the example failed, in one line."""
        if self.example.kind == "pass":
            return f"flagged {self.example.code} on " + ", ".join(f"“{m}”" for m in self.marked + self.merged_into)
        if not (self.marked or self.merged_into):
            return f"not flagged with {self.example.code}"
        if not self._on_span:
            return "flagged on " + ", ".join(f"“{m}”" for m in self.marked) + f", not on “{self.example.span}”"
        return "cites " + (", ".join(self.cited) or "no register entry") + f", not {self.example.cites}"


def examples(rules: Iterable[RuleDef]) -> list[Example]:
    found = []
    for rule in rules:
        for kind in ("fail", "pass"):
            for number, raw in enumerate(rule.examples.get(kind, []), 1):
                example = raw if isinstance(raw, dict) else {"text": raw}
                text = example["text"]
                suffix = "md" if "profile" in example else example.get("format", "txt")
                content = text
                if "profile" in example:
                    front = yaml.safe_dump({"claimlint": example["profile"]}, allow_unicode=True, sort_keys=False)
                    content = f"---\n{front}---\n{text}\n"
                name = f"{rule.code}-{kind}-{number}.{suffix}"
                found.append(Example(rule.code, kind, number, text, example.get("span"), example.get("cites"), name, content))
    return found


def marked_text(content: str, finding: Finding) -> str:
    """The words of ``content`` a finding marks, from its 1-based lines and columns."""
    starts = [0]
    for line in content.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int) -> int:
        return starts[min(line, len(starts)) - 1] + column - 1

    return content[offset(finding.line, finding.column):offset(finding.end_line, finding.end_column)]


def run_examples(engine: Engine, rules: Iterable[RuleDef]) -> list[Outcome]:
    """Lint every example of ``rules`` with every rule selected, as ``check`` would."""
    cases = examples(rules)
    by_name = {case.name: case for case in cases}
    settings = FileSettings(selected=frozenset(engine.knowledge.rules), product={}, default_profile=DEFAULT_PROFILE, fail_on="never")
    joiners = engine.knowledge.grammar.heading_joiners

    def read(name: str) -> Document:
        return read_document(name, by_name[name].content.encode("utf-8"), heading_joiners=joiners)

    outcomes = []
    for case, result in zip(cases, run(engine, [(case.name, settings) for case in cases], read=read)):
        own = [f for f in result.findings if case.code in (f.code, *(m.code for m in f.merged))]
        cited = [reference.split()[0] for f in own for reference in f.references]
        marked = [marked_text(case.content, f) for f in own if f.code == case.code]
        # A finding merged into another of its clause keeps its own words.
        merged_into = [marked_text(case.content, m) for f in own if f.code != case.code for m in f.merged if m.code == case.code]
        outcomes.append(Outcome(case, marked, merged_into, cited))
    return outcomes
