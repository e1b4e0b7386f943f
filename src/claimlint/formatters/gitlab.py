"""GitLab Code Quality report (a JSON array), shown in merge requests."""

from __future__ import annotations

import json

from claimlint.run.baseline import fingerprints
from claimlint.formatters import Report

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report) -> str:
    findings = report.findings
    issues = [
        {
            "description": f"{f.code} {f.message}",
            "check_name": f.code,
            "fingerprint": key,
            "severity": SEVERITIES[f.severity],
            "location": {"path": f.path, "lines": {"begin": f.line, "end": f.end_line}},
        }
        for f, key in zip(findings, fingerprints(findings))
    ]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
