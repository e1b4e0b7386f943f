#!/usr/bin/env python3
"""How much of the register's catalogue of effects claimlint recognises in words it was not given.

Every register entry (authorised and not) pairs a substance with a health relationship.
This tool rewrites each pair in the ways product copy says such things, with templates
of the project's own ("<effect> support", "for healthy <effect>", "keeps your <effect>
healthy" …), puts each in a product sentence for the entry's substance, lints them all and
measures

* **flagged**: the share of paraphrases that get a claim finding at all (HC, MC, OS, EV);
* **right entry**: the share whose finding names a register entry for that substance and
  that effect (HC103 citing an authorised entry, HC102 a non-authorised one);
* **citation accuracy**: of the findings that cite an entry, the share citing one for the
  paraphrase's substance and effect (a finding citing another substance's entry, or the
  substance's entry for another effect, misleads a reviewer);
* **authorised wordings**: for each authorised entry, that its exact wording stays silent
  (alone and after a product sentence) while strengthened forms (a stronger verb,
  "normal" dropped) are flagged.

Figures are given per template family and per register category (status and claim
type). The effect of an entry is read from its health relationship by this tool's own
rules, independent of the importer's, so the measure does not grade the importer
against itself; the substance is the register's name, cleaned of numbering, brand marks
and lists. Entries whose relationship and wording name no usable effect are counted and
left out.

Usage: python tools/register_coverage.py [--set a|b] [--every N] [--json FILE] [--misses N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CLAIM_FAMILIES = ("HC", "MC", "OS", "EV")
CITING_CODES = {"authorised": "HC103", "non-authorised": "HC102"}
ENTRY_ID = re.compile(r"\bPOL-HC-\d+\b")
MAX_EFFECT_WORDS = 5
MAX_SUBSTANCE_WORDS = 6

# -- the effect of an entry ------------------------------------------------------------

_CLAIMED = re.compile(r"^.*?related to the following claimed effects?\s*:?\s*", re.I)
_LEADING = re.compile(
    r"^(?:(?:the|a|an|normal|healthy|good|optimal|natural|physiological|contribution to|contributes to|"
    r"maintenance of|maintenance or achievement of|maintaining|maintain|improvement of|improvement in|improved|"
    r"improves?|improving|increase in|increased|increases?|increasing|reduction of|reduction in|reduced|"
    r"reduces?|reducing|decrease in|decreased|decreases?|decrease|changes? in|protection of|protection from|protection against|protects?|"
    r"regulation of|regulates?|support of|supports?|supporting|stimulation of|stimulates?|enhancement of|"
    r"enhanced|enhances?|promotion of|promotes?|helps?(?: to)?(?: maintain| improve| support)?|"
    r"effects? on|beneficial effects? on|positive effects? on|role in|is needed for|needed for|"
    r"strengthening of|strengthens?|relief of|neutralises?|neutralisation of|better|higher|lower|faster|optimal|proper)\s+)+",
    re.I,
)
_WHOSE = re.compile(r"^(?:function|functioning|health|integrity|structure|condition|state) of (?:the )?(.+)$")
_PROCESS_OF = re.compile(r"^(formation|synthesis|production|absorption|metabolism|development|growth|mineralisation) of (?:the )?(.+)$")
_CLAUSE_END = re.compile(r";|,|\.|\(| and/or | or | in (?:adults|children|women|men|the elderly|subjects|individuals)\b| during | after | by | through | via | with | from (?!oxidative)| when ")
_RELATION_VERB = re.compile(
    r"\b(?:contributes? to|(?:is|are) needed for|ha(?:s|ve) a role in|helps?(?: to)?(?: maintain)?|supports?|maintains?|"
    r"improves?|increases?|reduces?|promotes?|protects?|enhances?)\s+",
    re.I,
)
_WORD = re.compile(r"[a-z][a-z'-]*")
# What names no effect alone, and words that start a verb or a clause, not a noun phrase.
_NO_EFFECT = {"normal", "structure", "cells", "cell", "appearance", "improvement", "relief", "resistance", "absorption",
              "oxidation", "tonic", "stimulant", "tonus", "body", "organism", "physical", "mental", "grow", "weigh"}
_NOT_A_NOUN = {"against", "prevent", "preserve", "restore", "prepare", "manage", "control", "fill", "not", "your", "you",
               "normalise", "rebuild", "drain", "of", "modulating", "stimulating", "generally", "powerful", "maintains",
               "re-balancing", "combination"}
# Whose effect it is, not the effect: "brain development of the foetus".
_CIRCUMSTANCE = re.compile(r"\s+(?:of|in) (?:the )?(?:foetus|infants?|children|adults|elderly|women|men|athletes)$")


def effect_of(text: str) -> str | None:
    """The effect an entry names, as a noun phrase of at most five words: the first
    effect of the relationship, its direction words dropped ("maintenance of normal
    bones" → "bones"), the thing whose function it is ("function of the heart" → "heart"),
    a process after its object ("formation of collagen" → "collagen formation")."""
    text = _CLAIMED.sub("", re.sub(r"[“”\"'’®™]", "", text)).strip().lower()
    text = re.sub(r"\b[a-z]+ or ([a-z]+ of)\b", r"\1", text)  # "growth or maintenance of muscle mass"
    text = _CLAUSE_END.split(text, maxsplit=1)[0].strip()
    conjuncts = [_LEADING.sub("", c.strip()).strip() for c in text.split(" and ")]
    if len(conjuncts) > 1 and " " not in conjuncts[0] and " " in conjuncts[-1]:
        text = f"{conjuncts[0]} {conjuncts[-1].split(' ', 1)[1]}"  # "cognitive and neurological function"
    else:
        text = conjuncts[0]
    text = _LEADING.sub("", text.strip()).strip()
    whose = _WHOSE.match(text)
    if whose:
        text = _LEADING.sub("", whose[1]).strip()
    process = _PROCESS_OF.match(text)
    if process:
        text = f"{_LEADING.sub('', process[2]).strip()} {process[1]}"
    text = _CIRCUMSTANCE.sub("", text).strip()
    words = text.split()
    if not words or len(words) > MAX_EFFECT_WORDS or not all(_WORD.fullmatch(w) for w in words) or text == "not validated":
        return None
    if len(words) == 1 and (len(text) < 4 or text in _NO_EFFECT) or words[0] in _NOT_A_NOUN:
        return None
    return text


def entry_effect(relationship: str, claim: str) -> str | None:
    """The entry's effect from its health relationship, else from the first wording of
    its claim after the verb joining substance and effect."""
    found = effect_of(relationship) if relationship.strip() else None
    if found:
        return found
    verb = _RELATION_VERB.search(claim)
    return effect_of(claim[verb.end():]) if verb else None


def substance_name(text: str) -> str | None:
    """The register's substance as copy names it: no list number, brand mark, bracket,
    list of forms or second substance."""
    text = re.sub(r"[®™“”\"]", "", text)
    text = re.sub(r"\([^)]*\)?|\)", " ", text)
    text = re.sub(r"^\s*[-–—]*\s*\d+[.)]?\s*", "", text)
    text = re.split(r"[,;:–—/]| e\.g\.| - | and | containing | from | in ", text, maxsplit=1)[0]
    words = text.split()
    if not words or len(words) > MAX_SUBSTANCE_WORDS:
        return None
    return " ".join(words)


def content(text: str) -> set[str]:
    """Word stems an effect is known by, without the words any effect takes."""
    general = {"normal", "function", "functions", "functioning", "health", "healthy", "maintenance", "contribution",
               "the", "of", "and", "to", "in", "for", "a", "an", "body", "system", "levels", "level", "with", "from"}
    return {w[:5] for w in _WORD.findall(text.lower()) if w not in general and len(w) > 2}


# -- paraphrases -------------------------------------------------------------------------


def plural(noun_phrase: str) -> str:
    head, _, last = noun_phrase.rpartition(" ")
    if last.endswith(("s", "x", "sh", "ch")):
        word = last
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        word = last[:-1] + "ies"
    else:
        word = last + "s"
    return f"{head} {word}".strip()


def is_plural(noun_phrase: str) -> bool:
    return noun_phrase.endswith("s") and not noun_phrase.endswith(("ss", "us", "is", "sis"))


def hyphenated(noun_phrase: str) -> str:
    return noun_phrase.replace(" ", "-")


def be(noun_phrase: str) -> str:
    return "are" if is_plural(noun_phrase) else "is"


Template = Callable[[str, str], str]

# Each family: (name, template(substance, effect) -> product sentence).
SET_A: list[tuple[str, Template]] = [
    ("nominal-support", lambda s, x: f"{s} capsules: {x} support."),
    ("for-healthy", lambda s, x: f"{s} for healthy {x}."),
    ("helps-your", lambda s, x: f"{s} helps your {x}."),
    ("keeps-your-adj", lambda s, x: f"{s} keeps your {x} healthy."),
    ("good-for-your", lambda s, x: f"{s} is good for your {x}."),
    ("x-friendly", lambda s, x: f"Our {s} tablets are {hyphenated(x)}-friendly."),
    ("boosts", lambda s, x: f"{s} boosts {x}."),
    ("booster", lambda s, x: f"{s}: the {x} booster."),
    ("adj-naturally", lambda s, x: f"Healthy {x} naturally, with {s}."),
    ("passive", lambda s, x: f"Your {x} {be(x)} supported by {s}."),
    ("imperative", lambda s, x: f"Support your {x} with {s} every day."),
    ("verbless-slogan", lambda s, x: f"{s}. Better {x}, every day."),
    ("hyphenated", lambda s, x: f"A {hyphenated(x)}-supporting formula with {s}."),
    ("plural", lambda s, x: f"{s} gummies for strong {plural(x)}."),
]

# A second set, written after the first was measured and the mechanisms improved.
SET_B: list[tuple[str, Template]] = [
    ("possessive-ally", lambda s, x: f"{s}, your {x}'s best ally."),
    ("takes-care-of", lambda s, x: f"{s} takes care of your {x}."),
    ("keep-in-shape", lambda s, x: f"Keep your {x} in top shape with {s}."),
    ("power-of", lambda s, x: f"The power of {s} for your {x}."),
    ("nourishes", lambda s, x: f"{s} nourishes your {x}."),
    ("protects", lambda s, x: f"{s} protects your {x}."),
    ("gerund-headline", lambda s, x: f"Supporting healthy {x} with {s}."),
    ("relative-which", lambda s, x: f"Our blend contains {s}, which strengthens your {x}."),
    ("benefits-for", lambda s, x: f"{s}: real benefits for your {x}."),
    ("optimal", lambda s, x: f"Optimal {x} with {s}."),
    ("makes-stronger", lambda s, x: f"{s} makes your {x} stronger."),
    ("x-loving", lambda s, x: f"{hyphenated(x)}-loving {s} drops."),
    ("hashtag", lambda s, x: f"My morning {s} #{x.replace(' ', '').replace('-', '')}goals"),
]

SETS = {"a": SET_A, "b": SET_B}


def strengthened(claim: str) -> list[tuple[str, str]]:
    """(name, wording) of stronger forms of an authorised wording: its joining verb made
    one that promises more, and "normal" dropped."""
    forms = []
    verb = _RELATION_VERB.search(claim)
    if verb:
        forms.append(("verb-boosts", claim[:verb.start()] + "boosts " + claim[verb.end():]))
        forms.append(("verb-optimises", claim[:verb.start()] + "optimises " + claim[verb.end():]))
    if re.search(r"\bnormal\b", claim):
        forms.append(("normal-dropped", re.sub(r"\s*\bnormal\b", "", claim, count=1)))
    return forms


# -- measuring ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Probe:
    entry: str  # register id
    status: str  # authorised | non-authorised
    claim_type: str
    family: str
    text: str
    expect_silent: bool = False


@dataclass
class Outcome:
    flagged: bool
    right_entry: bool
    cited: int  # findings citing an entry
    cited_right: int


def register_entries():
    from claimlint.knowledge.register import Register

    register = Register.load()
    return [*register.authorised, *register.rejected]


def status_of(entry) -> str:
    return "authorised" if entry.status.lower() == "authorised" else "non-authorised"


def sample(entries: list, every: int) -> list:
    """Every ``every``-th entry in register order: a fixed, spread-out sample."""
    return entries[::every]


def probes(entries: list, templates: list[tuple[str, Template]], skipped: Counter) -> list[Probe]:
    found: list[Probe] = []
    for entry in entries:
        status = status_of(entry)
        name = substance_name(entry.substance)
        effect = entry_effect(entry.relationship, entry.claim)
        if name is None or effect is None:
            skipped[status] += 1
            continue
        name = name[:1].upper() + name[1:]
        for family, template in templates:
            found.append(Probe(entry.id, status, entry.claim_type, family, template(name, effect)))
        if status == "authorised" and entry.claim.strip():
            wording = entry.claim.strip().rstrip(".") + "."
            found.append(Probe(entry.id, status, entry.claim_type, "authorised-wording", wording, True))
            found.append(Probe(entry.id, status, entry.claim_type, "authorised-in-product",
                               f"Each daily portion provides {name}. {wording}", True))
            for form, text in strengthened(wording):
                found.append(Probe(entry.id, status, entry.claim_type, f"strengthened-{form}", text))
    return found


class Judge:
    """Tells whether a cited entry is one for the probe's substance and effect."""

    def __init__(self, engine, entries: list) -> None:
        self.by_id = {e.id: e for e in entries}
        names = sorted({substance_name(e.substance) or e.substance for e in entries})
        keys = {}
        for name, doc in zip(names, engine.nlp.pipe(names)):
            keys[name] = frozenset(m.key for m in engine.annotator.mentions(doc) if m.kind == "substance")
        self.keys = keys

    def substance_keys(self, entry) -> frozenset[str]:
        return self.keys.get(substance_name(entry.substance) or entry.substance, frozenset())

    def same_substance(self, a, b) -> bool:
        name_a, name_b = (substance_name(e.substance) or e.substance for e in (a, b))
        return name_a.lower() == name_b.lower() or bool(self.substance_keys(a) & self.substance_keys(b))

    def right(self, source, cited_id: str) -> bool:
        cited = self.by_id.get(cited_id)
        if cited is None or not self.same_substance(source, cited):
            return False
        effect = entry_effect(source.relationship, source.claim) or ""
        return bool(content(effect) & content(f"{cited.relationship} {cited.claim}"))


def outcome(probe: Probe, findings: list, judge: Judge) -> Outcome:
    claims = [f for f in findings if f.code[:2] in CLAIM_FAMILIES]
    source = judge.by_id[probe.entry]
    cited = right = 0
    right_entry = False
    for finding in claims:
        ids = [i for ref in finding.references for i in ENTRY_ID.findall(ref)]
        if not ids:
            continue
        cited += 1
        good = any(judge.right(source, i) for i in ids)
        right += good
        kinds = {status_of(judge.by_id[i]) for i in ids if i in judge.by_id}
        right_entry = right_entry or (good and finding.code in {CITING_CODES[k] for k in kinds})
    return Outcome(bool(claims), right_entry, cited, right)


def measure(engine, found: list[Probe], judge: Judge) -> list[tuple[Probe, Outcome, list]]:
    from claimlint.knowledge.profile import Profile
    from claimlint.readers.text import read_text

    joiners = engine.knowledge.grammar.heading_joiners
    documents = ((read_text(str(i), p.text, joiners), Profile()) for i, p in enumerate(found))
    results = []
    for probe, (_, findings) in zip(found, engine.lint(documents)):
        results.append((probe, outcome(probe, findings, judge), findings))
    return results


def share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "  n/a"


def summary(results: list[tuple[Probe, Outcome, list]]) -> dict:
    """Counts per template family and per register category, and over all paraphrases
    and all exact wordings."""
    table: dict[str, dict[str, Counter]] = {"family": defaultdict(Counter), "category": defaultdict(Counter)}
    for probe, result, _ in results:
        category = f"{probe.status} {probe.claim_type}" + (" (silent)" if probe.expect_silent else "")
        total = "all exact wordings" if probe.expect_silent else "all paraphrases"
        for row in (table["family"][probe.family], table["category"][category], table["family"][total]):
            row["n"] += 1
            if probe.expect_silent:
                row["silent"] += not result.flagged
                continue
            row["flagged"] += result.flagged
            row["right"] += result.right_entry
            row["cited"] += result.cited
            row["cited_right"] += result.cited_right
    return {axis: {k: dict(v) for k, v in sorted(rows.items())} for axis, rows in table.items()}


def render(table: dict, skipped: Counter) -> str:
    lines = []
    for axis, rows in table.items():
        lines.append(f"{axis:<44} {'n':>6} {'flagged':>8} {'right':>8} {'cite-acc':>8} {'silent':>8}")
        for key, row in rows.items():
            n = row["n"]
            if "silent" in row:
                lines.append(f"{key:<44} {n:>6} {'':>8} {'':>8} {'':>8} {share(row['silent'], n):>8}")
            else:
                lines.append(f"{key:<44} {n:>6} {share(row['flagged'], n):>8} {share(row['right'], n):>8} "
                             f"{share(row['cited_right'], row['cited']):>8}")
        lines.append("")
    lines.append("entries without a usable substance or effect: " + ", ".join(f"{k} {v}" for k, v in sorted(skipped.items())))
    return "\n".join(lines)


def run(templates: list[tuple[str, Template]], every: int = 1, engine=None) -> tuple[list, dict, Counter]:
    from claimlint.engine import Engine

    engine = engine or Engine()
    entries = register_entries()
    skipped: Counter = Counter()
    found = probes(sample(entries, every), templates, skipped)
    results = measure(engine, found, Judge(engine, entries))
    return results, summary(results), skipped


def misses(results: Iterable[tuple[Probe, Outcome, list]], limit: int) -> list[str]:
    shown = []
    for probe, result, findings in results:
        wrong = result.flagged if probe.expect_silent else not result.right_entry
        if wrong and len(shown) < limit:
            codes = ",".join(f"{f.code}:{'/'.join(ENTRY_ID.findall(' '.join(f.references)))}" for f in findings)
            shown.append(f"{probe.entry} {probe.family:<22} {codes or '-':<30} {probe.text}")
    return shown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure how much of the register's effects claimlint recognises in paraphrase.")
    parser.add_argument("--set", choices=sorted(SETS), default="a", help="template set")
    parser.add_argument("--every", type=int, default=1, help="take every N-th register entry")
    parser.add_argument("--json", type=Path, help="write the counts to this file as well")
    parser.add_argument("--misses", type=int, default=0, help="list this many paraphrases without the right finding")
    args = parser.parse_args(argv)
    results, table, skipped = run(SETS[args.set], args.every)
    print(render(table, skipped))
    for line in misses(results, args.misses):
        print(line)
    if args.json:
        args.json.write_text(json.dumps({"table": table, "skipped": dict(skipped)}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
