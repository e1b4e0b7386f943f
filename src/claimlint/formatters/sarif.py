"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.

Columns are UTF-16 code units, as SARIF's default ``columnKind`` and GitHub expect, so
an emoji before a claim still lands the highlight on the claim; findings count code
points, and each result keeps the text of its lines to convert. ``partialFingerprints``
carry the content-based fingerprint, so an alert survives edits elsewhere in the file. A
built-in rule's descriptor links its page in the rule reference (``helpUri``); rules of the
user's own packs have no page there and no link.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from typing import TYPE_CHECKING
from urllib.parse import quote

from claimlint import DISTRIBUTION, HOMEPAGE, __version__, rule_page
from claimlint.run.baseline import Fingerprints
from claimlint.findings import FeedLocation, Finding
from claimlint.formatters import continues
from claimlint.formatters.json_pieces import around_array
from claimlint.knowledge.base import RuleDef
from claimlint.knowledge.packs import builtin_rules_dir

if TYPE_CHECKING:
    from claimlint.run.runner import FileResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "claimlint/v1"


def utf16_column(text: str, column: int) -> int:
    """The 1-based UTF-16 column of 1-based code-point ``column`` in ``text``."""
    prefix = text[:column - 1]
    beyond = max(0, column - 1 - len(prefix))  # a column past the end of the line
    return len(prefix.encode("utf-16-le")) // 2 + beyond + 1


def artifact_uri(path: str) -> str:
    """Relative paths stay relative (code scanning resolves them against the checkout)."""
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(pure.as_posix())


def rule_descriptor(rule: RuleDef) -> dict:
    descriptor = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.name.replace("-", " ").capitalize()},
        "fullDescription": {"text": rule.explanation},
        "help": {"text": f"{rule.explanation}\n\nLegal basis: {rule.basis}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"basis": rule.basis},
    }
    if Path(rule.source).resolve().is_relative_to(builtin_rules_dir().resolve()):
        descriptor["helpUri"] = rule_page(rule.code)
    return descriptor


def utf16_region(lines: dict[int, str], line: int, column: int, end_line: int, end_column: int) -> dict:
    return {
        "startLine": line,
        "startColumn": utf16_column(lines.get(line, ""), column),
        "endLine": end_line,
        "endColumn": utf16_column(lines.get(end_line, ""), end_column),
    }


def sarif_fix(f: Finding, lines: dict[int, str]) -> dict:
    """The authorised wording as a proposed replacement; code scanning shows it, nothing applies it."""
    fix = f.fix
    return {
        "description": {"text": f"Use the authorised wording: {fix.replacement}"},
        "artifactChanges": [{
            "artifactLocation": {"uri": artifact_uri(f.path)},
            "replacements": [{
                "deletedRegion": utf16_region(lines, fix.line, fix.column, fix.end_line, fix.end_column),
                "insertedContent": {"text": fix.replacement},
            }],
        }],
    }


def feed_locations(feed: FeedLocation) -> list[dict]:
    """A feed row as an object and its field as a property of it (SARIF's logical
    locations name what a physical line cannot: which product, which attribute)."""
    row = {"name": feed.row, "fullyQualifiedName": feed.row, "kind": "object"}
    if feed.field is None:
        return [row]
    return [row, {"name": feed.field, "fullyQualifiedName": f"{feed.row}/{feed.field}", "kind": "property"}]


def sarif_result(f: Finding, lines: dict[int, str], key: str, rule_index: dict[str, int]) -> dict:
    region = utf16_region(lines, f.line, f.column, f.end_line, f.end_column)
    location = {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(f.path)}, "region": region}}
    result = {
        "ruleId": f.code,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: key},
        "properties": {
            "excerpt": f.excerpt, "suggestions": f.suggestions, "notes": f.notes, "references": f.references,
            "merged": [{"code": m.code, "message": m.message} for m in f.merged],
        },
    }
    if f.fix:
        result["fixes"] = [sarif_fix(f, lines)]
    if f.feed is not None:
        location["logicalLocations"] = feed_locations(f.feed)
        result["properties"]["feed"] = f.feed.to_dict()
    if f.code in rule_index:
        result["ruleIndex"] = rule_index[f.code]
    return result


def _document(run: dict) -> dict:
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _log(run: dict) -> str:
    return json.dumps(_document(run), indent=2, ensure_ascii=False) + "\n"


def _driver(rules: list[RuleDef]) -> dict:
    """The tool as code scanning shows it: the command's name, the distribution to install."""
    return {
        "name": "claimlint",
        "fullName": f"claimlint ({DISTRIBUTION}) {__version__}",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": HOMEPAGE,
        "rules": [rule_descriptor(rule) for rule in rules],
    }


class Stream:
    """The log written as the results come: its results are the last thing in it, so
    everything before them is written first and each result as it is found. Fingerprints
    are numbered within a file (a feed's rows, or a long file's pieces, are one file)."""

    def __init__(self, files: int, rules: dict[str, RuleDef] | None = None, **_: object) -> None:
        described = [rules[code] for code in sorted(rules or {})]
        self.rule_index = {rule.code: i for i, rule in enumerate(described)}
        run = {"tool": {"driver": _driver(described)}, "columnKind": "utf16CodeUnits", "results": None}
        self.head, self.tail, self.results = around_array(_document(run), ("runs", 0, "results"))
        self.keys = Fingerprints()
        self.last: FileResult | None = None
        self.baselined = 0  # counted by the run; the format does not show it

    def write(self, result: FileResult) -> str:
        out = [self.head]
        self.head = ""
        if not continues(self.last, result):
            self.keys = Fingerprints()
        self.last = result
        keys = self.keys.of(result.findings)
        out += [self.results.add(sarif_result(f, result.lines, key, self.rule_index)) for f, key in zip(result.findings, keys)]
        return "".join(out)

    def close(self) -> list[str]:
        return [self.head + self.results.close() + self.tail + "\n"]


def failed_run(message: str) -> str:
    """The log of a run that stopped before linting (a usage, config or rule-pack error):
    no results, the error as a tool execution notification and the run marked as failed,
    so a CI step that uploads the report has a valid file that says what went wrong."""
    notification = {"level": "error", "message": {"text": message}, "descriptor": {"id": "usage-error"}}
    invocation = {"executionSuccessful": False, "exitCode": 2, "toolExecutionNotifications": [notification]}
    return _log({"tool": {"driver": _driver([])}, "invocations": [invocation], "results": []})
