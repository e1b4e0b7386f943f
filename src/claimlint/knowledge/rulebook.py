"""The rule book: every finding is worded here, from the rule definition of its code.

Judges and the run itself (CL901, CL902) hand over a code, where the finding points and
the values its message needs; the rule book adds the name, the severity (as configured),
the message and the legal basis. One place builds findings, so a rule pack that rewords a
message or a config that changes a severity reaches every finding alike.

The rule book also checks that every rule can fire and that its message can be filled:
a rule either has patterns or is owned by a check (an :class:`Owner`) that reports its
code, and its message names only placeholders that owner fills. A rule that fails either
test would load, be listed and never fire, or print a raw ``{placeholder}``.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from claimlint.findings import Finding
from claimlint.knowledge.base import RuleDef
from claimlint.knowledge.packs import PackError, rule_line


@dataclass(frozen=True)
class Owner:
    """A check that reports findings: the codes it owns, with the placeholders it fills
    for each, and, for the check that runs pattern rules, the placeholders it fills for
    any rule that has patterns."""

    name: str
    fields: Mapping[str, frozenset[str]]
    pattern_fields: frozenset[str] | None = None  # None: it runs no pattern rules


@dataclass(frozen=True)
class Where:
    """Where a finding points: its range in the source, and the sentence it is about."""

    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str = ""
    excerpt_span: tuple[int, int] | None = None  # the marked part of the excerpt; None: all of it
    source_start: int = 0
    source_end: int = 0


@dataclass(frozen=True)
class RuleBook:
    rules: Mapping[str, RuleDef]
    severities: Mapping[str, str] = field(default_factory=dict)  # configured severity by code

    def finding(
        self,
        code: str,
        path: str,
        where: Where,
        suggestions: Iterable[str] = (),
        references: Iterable[str] = (),
        **fields: str,
    ) -> Finding:
        """The finding of ``code`` at ``where``, its message filled with ``fields``."""
        rule = self.rules[code]
        span = where.excerpt_span if where.excerpt_span is not None else (0, len(where.excerpt))
        return Finding(
            code=code,
            name=rule.name,
            severity=self.severities.get(code, rule.severity),
            message=rule.message.format_map(fields),
            path=path,
            line=where.line,
            column=where.column,
            end_line=where.end_line,
            end_column=where.end_column,
            excerpt=where.excerpt,
            excerpt_span=span,
            suggestions=list(dict.fromkeys(suggestions)),
            references=[rule.basis, *references],
            source_start=where.source_start,
            source_end=where.source_end,
        )


def placeholders(message: str) -> set[str]:
    """The names a message fills in (``{substance}``), as ``str.format`` reads them."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(message) if name}


def check_rules(rules: Mapping[str, RuleDef], owners: Iterable[Owner]) -> None:
    """Raise :class:`PackError` (file, line, code) for the first rule that could never
    fire, or whose message names a placeholder nothing fills."""
    owners = list(owners)
    for rule in rules.values():
        fills: set[str] = set()
        owned = False
        for owner in owners:
            if rule.code in owner.fields:
                owned = True
                fills |= owner.fields[rule.code]
            if rule.patterns and owner.pattern_fields is not None:
                owned = True
                fills |= owner.pattern_fields
        if not owned:
            raise PackError(f"{_where(rule)}: has no 'patterns' and no check reports this code, so it would never fire")
        unknown = sorted(placeholders(rule.message) - fills)
        if unknown:
            filled = ", ".join("{" + name + "}" for name in sorted(fills)) or "none"
            raise PackError(f"{_where(rule)}: field 'message': placeholder {{{unknown[0]}}} is never filled (filled here: {filled})")


def _where(rule: RuleDef) -> str:
    """File, line and code of a rule, for an error message (the line costs a YAML parse
    of the pack, so it is looked up only for a rule found wrong)."""
    return f"{rule.source}:{rule_line(rule.source, rule.code)}: rule {rule.code}"
