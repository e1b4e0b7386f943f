"""The versioned JSON report: diagnostics, then every sentence read as a claim with the
evidence level found for it (for audits), then a summary."""

from __future__ import annotations

import json
from collections import Counter

from claimlint import DISTRIBUTION, __version__
from claimlint.formatters import Report

JSON_VERSION = 1


def summary(report: Report) -> dict:
    findings = report.findings
    severities = Counter(f.severity for f in findings)
    return {
        "files": len(report.results),
        "findings": len(findings),
        "errors": severities.get("error", 0),
        "warnings": severities.get("warning", 0),
        "info": severities.get("info", 0),
        "unreadable": sum(1 for r in report.results if r.error),
        "by_code": dict(sorted(Counter(f.code for f in findings).items())),
    }


def profile(result) -> dict:
    """The profile a file was judged under, and the word it was inferred from (None when chosen)."""
    return {"path": result.path, "profile": result.profile, "inferred_from": result.inferred_from}


def render(report: Report) -> str:
    payload = {
        "version": JSON_VERSION,
        "tool": {"name": "claimlint", "distribution": DISTRIBUTION, "version": __version__},
        "diagnostics": [f.to_dict() for f in report.findings],
        "claims": [c.to_dict() for r in report.results for c in r.claims],
        "profiles": [profile(r) for r in report.results if r.profile],
        "summary": summary(report),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
