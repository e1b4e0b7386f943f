"""One finding per claim: findings on the same stretch of copy become one.

Judges report independently, so one claim can draw a medicinal, a register and an
evidence finding at once. A reviewer reads each finding as one statement of law, so
findings whose spans overlap (or nest) merge under the code that weighs most in law:
medicinal before rejected before unauthorised before strengthened, composition and
nutrition after, evidence and overstatement last. The others are kept on the merged
finding (``merged``), so no code and no message is lost, and their register
references and suggestions are added without repeating an entry.

The merge runs after suppressions and the file's rule selection: a suppressed or
unselected code is gone before it could absorb another code's finding, so it never
hides one. Baselines record and compare the merged findings.
"""

from __future__ import annotations

from claimlint.findings import Finding

# Lower weighs more. Codes not listed (CL9xx: about the run, not the copy) never merge.
PRECEDENCE = {
    "MC": 0,
    "HC102": 1,
    "HC101": 2,
    "HC105": 3,
    "HC104": 4,
    "HC103": 5,
    "HC106": 6,
    "NC": 7,
    "EV": 8,
    "OS": 9,
}


def weight(code: str) -> int | None:
    """How much ``code`` weighs in a merge, or None when it never merges."""
    return PRECEDENCE.get(code, PRECEDENCE.get(code[:2]))


def merge(findings: list[Finding]) -> list[Finding]:
    """The findings of one document, those on one stretch of copy merged into one."""
    mergeable = [f for f in findings if weight(f.code) is not None and f.source_end > f.source_start]
    kept = [f for f in findings if weight(f.code) is None or f.source_end <= f.source_start]
    mergeable.sort(key=lambda f: (f.path, f.source_start, f.source_end))
    groups: list[list[Finding]] = []
    end = -1
    for finding in mergeable:
        if groups and finding.path == groups[-1][0].path and finding.source_start < end:
            groups[-1].append(finding)
            end = max(end, finding.source_end)
        else:
            groups.append([finding])
            end = finding.source_end
    kept += [_merged(group) for group in groups]
    return sorted(kept, key=Finding.sort_key)


def _merged(group: list[Finding]) -> Finding:
    if len(group) == 1:
        return group[0]
    ordered = sorted(group, key=lambda f: (weight(f.code), f.source_start, f.source_end))
    primary, others = ordered[0], ordered[1:]
    for other in others:
        if other.code == primary.code and other.message == primary.message:
            continue
        if not any(m.code == other.code and m.message == other.message for m in primary.merged):
            primary.merged.append(other)
        primary.references += [r for r in other.references if r not in primary.references]
        primary.suggestions += [s for s in other.suggestions if s not in primary.suggestions]
        primary.notes += [n for n in other.notes if n not in primary.notes]
        if primary.evidence is None:
            primary.evidence = other.evidence
    return primary
