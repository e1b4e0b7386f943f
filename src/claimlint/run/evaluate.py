"""``claimlint eval``: score the linter on labelled cases.

A case is flagged when any finding is reported for its text. Cases use the fields of the
shared development sets: ``verdict`` ``non_compliant`` is positive, ``compliant`` and
``no_claim`` negative (``flag: true|false`` also works), anything else is skipped. All
cases stream through one pipeline. Editorial marks of quoted copy ("[sic]", "[…]") are
taken out first.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from claimlint.engine import Engine
from claimlint.knowledge.profile import DEFAULT_PROFILE
from claimlint.run.config import FileSettings
from claimlint.readers.text import read_text

POSITIVE = {"non_compliant"}
NEGATIVE = {"compliant", "no_claim"}


class CasesError(ValueError):
    pass


# Regulators quote copy with editorial marks ("[sic]", "[…]", "[I]t"); they are not part
# of the copy and are taken out before a case is linted.
_SIC = re.compile(r"\s*\[sic\]", re.IGNORECASE)
_ELISION = re.compile(r"\s*\[(?:…|\.\.\.)\]\s*")
_BRACKETED_LETTER = re.compile(r"\[([A-Za-z])\]")


def unquote(text: str) -> str:
    text = _SIC.sub("", text)
    text = _ELISION.sub(" … ", text)
    return _BRACKETED_LETTER.sub(r"\1", text)


@dataclass
class Case:
    id: str
    text: str
    positive: bool
    profile: dict = field(default_factory=dict)
    expected: tuple[str, ...] = ()  # expected codes or families, where the case names them
    codes: tuple[str, ...] = ()


@dataclass
class Skipped:
    unlabelled: int = 0
    language: int = 0
    jurisdiction: int = 0


def load_cases(path: Path, languages: set[str] | None, excluded_jurisdictions: set[str]) -> tuple[list[Case], Skipped]:
    cases: list[Case] = []
    skipped = Skipped()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CasesError(f"{path}: cannot read: {exc}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CasesError(f"{path}:{number}: invalid JSON: {exc.msg}") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise CasesError(f"{path}:{number}: a case needs a string field 'text'")
        if isinstance(row.get("flag"), bool):
            positive = row["flag"]
        elif row.get("verdict") in POSITIVE | NEGATIVE:
            positive = row["verdict"] in POSITIVE
        else:
            skipped.unlabelled += 1
            continue
        if languages is not None and row.get("lang", "en") not in languages:
            skipped.language += 1
            continue
        if row.get("jurisdiction") in excluded_jurisdictions:
            skipped.jurisdiction += 1
            continue
        expected = row.get("expected") or ()
        cases.append(Case(
            id=str(row.get("id", number)),
            text=unquote(row["text"]),
            positive=positive,
            profile=row.get("profile") or {},
            expected=tuple([expected] if isinstance(expected, str) else expected),
        ))
    return cases, skipped


def run_cases(engine: Engine, cases: list[Case]) -> None:
    """Lint each case as ``claimlint check`` would a file with the case's profile as its
    product config (so a case without one has its profile inferred from its words)."""
    joiners = engine.knowledge.grammar.heading_joiners
    documents = (read_text(c.id, c.text, joiners) for c in cases)
    items = ((d, _settings(c).profile_for(d, engine.profile_cues)) for c, d in zip(cases, documents))
    for case, (_, findings) in zip(cases, engine.lint(items)):
        case.codes = tuple(sorted({f.code for f in findings}))


def _settings(case: Case) -> FileSettings:
    return FileSettings(selected=frozenset(), product=dict(case.profile), default_profile=DEFAULT_PROFILE, fail_on="never")


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def score(cases: list[Case], skipped: Skipped) -> dict:
    tp = sum(1 for c in cases if c.positive and c.codes)
    fn = sum(1 for c in cases if c.positive and not c.codes)
    fp = sum(1 for c in cases if not c.positive and c.codes)
    tn = sum(1 for c in cases if not c.positive and not c.codes)
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = round(2 * precision * recall / (precision + recall), 3) if precision and recall else None
    families: dict[str, dict] = {}
    fired = Counter()
    fired_pos = Counter()
    for c in cases:
        for fam in sorted({code[:2] for code in c.codes}):
            fired[fam] += 1
            fired_pos[fam] += c.positive
    positives = tp + fn
    for fam in sorted(fired):
        entry = {
            "flagged": fired[fam],
            "true_positives": fired_pos[fam],
            "false_alarms": fired[fam] - fired_pos[fam],
            "precision": _ratio(fired_pos[fam], fired[fam]),
            "share_of_positives": _ratio(fired_pos[fam], positives),
        }
        expecting = [c for c in cases if c.positive and any(e[:2] == fam for e in c.expected)]
        if expecting:
            hit = sum(1 for c in expecting if any(code[:2] == fam for code in c.codes))
            entry["recall"] = _ratio(hit, len(expecting))
        families[fam] = entry
    return {
        "cases": len(cases),
        "skipped": skipped.__dict__,
        "true_positives": tp, "false_positives": fp, "true_negatives": tn, "false_negatives": fn,
        "precision": precision, "recall": recall, "f1": f1, "specificity": _ratio(tn, tn + fp),
        "families": families,
        "misses": [{"id": c.id, "text": c.text} for c in cases if c.positive and not c.codes],
        "false_alarms": [{"id": c.id, "codes": list(c.codes), "text": c.text} for c in cases if not c.positive and c.codes],
    }


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:.3f}"


def render_text(result: dict, width: int = 100) -> str:
    out = [
        f"cases {result['cases']}  (skipped: {result['skipped']['unlabelled']} unlabelled, "
        f"{result['skipped']['language']} other language, {result['skipped']['jurisdiction']} other jurisdiction)",
        f"TP {result['true_positives']}  FP {result['false_positives']}  TN {result['true_negatives']}  FN {result['false_negatives']}",
        f"precision {_fmt(result['precision'])}  recall {_fmt(result['recall'])}  "
        f"F1 {_fmt(result['f1'])}  specificity {_fmt(result['specificity'])}",
        "",
        "family  flagged  true-pos  false-alarms  precision  share-of-positives  recall",
    ]
    for fam, e in result["families"].items():
        out.append(
            f"{fam:<6}  {e['flagged']:>7}  {e['true_positives']:>8}  {e['false_alarms']:>12}  "
            f"{_fmt(e['precision']):>9}  {_fmt(e['share_of_positives']):>18}  {_fmt(e.get('recall')):>6}"
        )
    clip = lambda t: " ".join(t.split())[: width - 12]  # noqa: E731
    if result["misses"]:
        out += ["", f"misses ({len(result['misses'])}):"]
        out += [f"  {m['id']:<8} {clip(m['text'])}" for m in result["misses"]]
    if result["false_alarms"]:
        out += ["", f"false alarms ({len(result['false_alarms'])}):"]
        out += [f"  {m['id']:<8} {','.join(m['codes'])}  {clip(m['text'])}" for m in result["false_alarms"]]
    return "\n".join(out) + "\n"
