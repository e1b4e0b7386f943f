"""One finding per claim: findings on the same stretch of copy become one.

Judges report independently, so one claim can draw a medicinal, a register and an
evidence finding at once, and two judges can read one claim in different words of it
("Curcumin blocks the enzyme that drives inflammation": a pharmacological action and a
disease). A reviewer reads each finding as one statement of law, so findings whose spans
overlap (or nest), and findings a judge read in the same clause of a sentence (its
``stretch``), merge into the one that weighs most: medicinal before rejected before
unauthorised before strengthened, composition and nutrition after, evidence and
overstatement last; among medicinal codes the most specific first (a pharmacological
action, a comparison with a medicine or a cosmetic's physiological claim, then the
prohibitions of Art 12, then the plain medicinal claim). The others are kept on the
merged finding (``merged``), so no code and no message is lost, and their register
references and suggestions are added without repeating an entry. Findings of different
clauses stay apart: "Strong bones; and it prevents colds" holds two claims.

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
# Among medicinal codes, the more specific reading first; the plain medicinal claim last.
SPECIFICITY = ("MC207", "MC206", "MC205", "MC204", "MC203", "MC202", "MC201")


def weight(code: str) -> int | None:
    """How much ``code`` weighs in a merge, or None when it never merges."""
    return PRECEDENCE.get(code, PRECEDENCE.get(code[:2]))


def _rank(finding: Finding) -> tuple[int, int]:
    code = finding.code
    return weight(code), SPECIFICITY.index(code) if code in SPECIFICITY else len(SPECIFICITY)


def merge(findings: list[Finding]) -> list[Finding]:
    """The findings of one document, those on one stretch of copy merged into one."""
    mergeable = [f for f in findings if weight(f.code) is not None and f.source_end > f.source_start]
    kept = [f for f in findings if weight(f.code) is None or f.source_end <= f.source_start]
    mergeable.sort(key=lambda f: (f.path, f.source_start, f.source_end))
    groups: list[list[Finding]] = []
    of_stretch: dict[tuple, list[Finding]] = {}
    end = -1
    for finding in mergeable:
        stretch = (finding.path, finding.stretch) if finding.stretch is not None else None
        group = of_stretch.get(stretch) if stretch is not None else None
        if group is None and groups and finding.path == groups[-1][0].path and finding.source_start < end:
            group = groups[-1]
        if group is None:
            group = []
            groups.append(group)
            end = -1
        group.append(finding)
        if group is groups[-1]:
            end = max(end, finding.source_end)
        if stretch is not None:
            of_stretch.setdefault(stretch, group)
    kept += [_merged(group) for group in groups]
    return sorted(kept, key=Finding.sort_key)


def _merged(group: list[Finding]) -> Finding:
    if len(group) == 1:
        return group[0]
    ordered = sorted(group, key=lambda f: (*_rank(f), f.source_start, f.source_end))
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
