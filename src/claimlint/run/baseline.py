"""Baselines: adopt claimlint on existing copy and fail only on new findings.

A baseline file records the fingerprint of every finding of a run. Fingerprints come
from the code, the path and the words of the claim, not the line, so an edit elsewhere
in the file keeps them. Identical findings in one file are numbered in order (the second
"…-1"), so a baseline holding one of them still reports a second one added later.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from claimlint.findings import Finding

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message is one line."""


class Fingerprints:
    """Fingerprints unique among all the findings given so far: repeats get "-1", "-2" …
    (a long file's findings come in pieces and are numbered as one list)."""

    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()

    def of(self, findings: Iterable[Finding]) -> list[str]:
        out = []
        for finding in findings:
            fp = finding.fingerprint()
            out.append(fp if not self.seen[fp] else f"{fp}-{self.seen[fp]}")
            self.seen[fp] += 1
        return out


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """One fingerprint per finding, unique within the list: repeats get "-1", "-2" …"""
    return Fingerprints().of(findings)


class Recording:
    """What ``--write-baseline`` records, taken from each result as it comes: one small
    entry per finding, never the findings themselves."""

    def __init__(self) -> None:
        self.keys = Fingerprints()
        self.entries: list[dict] = []

    def add(self, findings: list[Finding]) -> None:
        self.entries += [
            {"fingerprint": key, "path": f.path, "code": f.code, "line": f.line, "excerpt": f.excerpt}
            for key, f in zip(self.keys.of(findings), findings)
        ]

    def write(self, path: str) -> None:
        """Write the baseline file."""
        payload = {"version": BASELINE_VERSION, "tool": "claimlint", "findings": self.entries}
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            Path(path).write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        except OSError as exc:
            raise BaselineError(f"{path}: cannot write baseline: {exc.strerror or exc}") from None


def read(path: str) -> set[str]:
    """The fingerprints recorded in a baseline file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return {entry["fingerprint"] for entry in data["findings"]}
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError):
        raise BaselineError(f"{path}: not a claimlint baseline (expected {{\"findings\": [{{\"fingerprint\": …}}]}})") from None


def new_findings(findings: list[Finding], known: set[str], keys: Fingerprints | None = None) -> list[Finding]:
    """The findings whose fingerprint the baseline does not hold (numbered after those
    ``keys`` has seen, for the pieces of one file)."""
    return [f for f, key in zip(findings, (keys or Fingerprints()).of(findings)) if key not in known]
