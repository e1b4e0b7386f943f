"""Build claimlint's register-effects pack from the EU Register's health relationships.

Every register entry, authorised or not, names the health relationship its applicant
asked the EU to allow: together they are the catalogue of effects food copy claims. The
hand-written effects pack (rules/en/effects.yaml) holds the classes of the authorised
wordings and the everyday words mapped onto them; this importer adds, as effect classes
of their own, every relationship those do not already read, so that a claim of an effect
the EU refused ("supports joint mobility", "increases satiety") is recognised as an
effect, judged as not authorised and matched to the refusing entry.

How a relationship becomes phrases, by mechanism:

* quotes and the applicant's strain or product name before "related to the following
  claimed effect(s):" are dropped; the rest is split at "and", commas, "with", "by",
  "leading to", "after", "associated with", "via", "through";
* the words that say which way the effect goes ("maintenance of", "contribution to",
  "increase in", "reduction of", "protection of" …, "normal", articles) are stripped, and
  "function of X" becomes "X function";
* a part of one to four plain words is kept; it becomes a class unless the hand-written
  packs already read it as an effect (half its words, or any word of an authorised
  class: it is then theirs), as a condition or an impression, or it stands in an
  authorised wording (the law's own words are read by the authorised classes);
* a class is ``near`` the authorised classes whose words it shares, for suggestions;
* an authorised wording in which the hand-written classes read no register effect gets
  its health relationship as a register class of its own.

Output is deterministic so a re-run reproduces the committed file byte for byte.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path
from typing import Any

import yaml

PACK = "effects-register.yaml"
AUTHORISED_CSV = "eu_authorised_health_claims.csv"
REJECTED_CSV = "eu_non_authorised_and_revoked_health_claims.csv"
KEY_PREFIX = "register_"
MAX_WORDS = 4

_CLAIMED = re.compile(r"^.*?related to the following claimed effects?\s*:?\s*", re.I)
_SPLIT = re.compile(r",|;| and | with | by | leading to | after | associated with | via | through | in response to ")
_DIRECTION = re.compile(
    r"^(?:(?:the|a|an|normal|healthy|optimal|natural|contribution to|contributes to|contributing to|"
    r"maintenance or achievement of|maintenance or improvement of|maintenance of|maintaining|maintains?|"
    r"improvement of|improvement in|improving|improves?|increase in|increase of|increasing|increases?|"
    r"reduction of|reduction in|reducing|reduces?|decrease in|decreasing|decreases?|protection of|"
    r"protection from|protection against|protecting|protects?|regulation of|regulating|regulates?|"
    r"support of|supporting|supports?|stimulation of|stimulating|stimulates?|enhancement of|enhancing|"
    r"promotion of|promoting|promotes?|effects? on|helps? to|helps?|beneficial effects? on|"
    r"strengthening of|strengthening|strengthens?|modulating|modulation of|relief of|relief from|including|"
    r"faster|better|lower|higher|reduced|increased|improved|both)\s+)+",
    re.I,
)
_FUNCTION_OF = re.compile(r"^(function|functioning|health) of (?:the )?(.+)$")
_PLAIN = re.compile(r"[a-z][a-z'’-]*(?: [a-z][a-z'’-]*){0,%d}" % (MAX_WORDS - 1))
_GENERIC = {"function", "functions", "health", "performance", "effect", "effects", "body", "system", "levels", "body functions", "properties", "structure", "elimination"}
# The register's placeholder for an entry whose relationship was never stated.
_PLACEHOLDER = "not validated"
# Parts naming when an effect holds (an exercise, a diet, an intake), not an effect.
_CIRCUMSTANCE = re.compile(r"\b(?:exercise|exercises|bouts?|diet|diets|meals?|intake|consumption|vaccination|supplementation|applicant)$")
# A lone adjective ("muscular", "neurological") names no effect without its noun, and a
# part ending in one, an adverb or a preposition was cut from a longer phrase.
_ADJECTIVE = re.compile(r"^[a-z-]+(?:al|ar|ic|ous|ive|ory)$")
_CUT_OFF = re.compile(r"\b(?:[a-z-]+(?:ly|al|ic|ous|ive|ory|term|ense)|during|of|to|for|in|on|at|with)$")
SINGLE_WORD_ENTRIES = 2  # a one-word part names an effect when at least this many entries use it


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def relationship_parts(relationship: str) -> list[str]:
    """The effect phrases one health relationship names."""
    text = re.sub(r"[“”\"']", "", relationship).strip()
    text = _CLAIMED.sub("", text)
    parts = []
    for part in _SPLIT.split(text.lower()):
        part = re.sub(r"\s+", " ", part).strip(" .:")
        part = _DIRECTION.sub("", part).strip()
        match = _FUNCTION_OF.match(part)
        if match:
            part = f"{match[2]} {match[1]}"
        if not part or not _PLAIN.fullmatch(part) or part in _GENERIC or part == _PLACEHOLDER:
            continue
        if _CIRCUMSTANCE.search(part) or (" " not in part and _ADJECTIVE.match(part)) or _CUT_OFF.search(part):
            continue
        parts.append(part)
    return parts


def authorised_classes(authorised: list[dict[str, str]], read_effects) -> dict[str, Any]:
    """A register class for each authorised wording in which the hand-written classes read
    no register effect: its health relationship, in the register's words, is the effect,
    so the wording is indexed and the effect claimed for another substance is judged."""
    rows = sorted(authorised, key=lambda row: row["register_id"])
    classes: dict[str, Any] = {}
    for row, (register_keys, _, _, _) in zip(rows, read_effects([row["claim"] for row in rows])):
        relationship = re.sub(r"\s+", " ", row["health_relationship"]).strip(" .")
        if register_keys or not relationship:
            continue
        classes[_slug(relationship)] = {"label": relationship, "register": True, "phrases": [relationship.lower()]}
    return classes


def _slug(phrase: str) -> str:
    return KEY_PREFIX + re.sub(r"[^a-z0-9]+", "_", phrase.lower()).strip("_")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_pack(data_dir: Path, read_effects) -> str:
    """The pack's exact text. ``read_effects(phrases)`` gives, for each phrase, the
    register classes it touches, the tokens the hand-written packs read as effects, its
    length, and whether it names what they read otherwise (a condition, an impression)."""
    authorised = _rows(data_dir / AUTHORISED_CSV)
    rejected = _rows(data_dir / REJECTED_CSV)
    wordings = " | ".join(row["claim"].lower() for row in authorised)
    entries: dict[str, set[str]] = {}
    for row in authorised + rejected:
        for part in relationship_parts(row["health_relationship"]):
            entries.setdefault(part, set()).add(row["register_id"].strip())
    entries = {p: ids for p, ids in entries.items() if " " in p or len(ids) >= SINGLE_WORD_ENTRIES}
    candidates = sorted(p for p in entries if not re.search(rf"\b{re.escape(p)}\b", wordings))
    readings = read_effects(candidates)
    effects: dict[str, Any] = {}
    covered = 0
    for phrase, (register_keys, covered_tokens, tokens, other) in zip(candidates, readings):
        if covered_tokens * 2 >= tokens or (register_keys and covered_tokens) or other:
            covered += 1
            continue  # the hand-written classes read it
        effects[_slug(phrase)] = {
            "label": phrase,
            "means": [],
            "near": sorted(register_keys),
            "phrases": [phrase],
        }
    unread = authorised_classes(authorised, read_effects)
    effects.update(unread)
    inputs = [
        f"#   {AUTHORISED_CSV} ({len(authorised)} rows, sha256 {_sha256(data_dir / AUTHORISED_CSV)})",
        f"#   {REJECTED_CSV} ({len(rejected)} rows, sha256 {_sha256(data_dir / REJECTED_CSV)})",
        "#   the hand-written packs in rules/en/ (what they already read is left out)",
    ]
    comment = "\n".join([
        "# Generated by tools/import_knowledge.py from the EU Register's health relationships; do not",
        "# edit by hand: change the importer or its inputs and re-run `python tools/import_knowledge.py`.",
        "# Inputs:",
        *inputs,
        f"# {len(entries)} effect phrases in {len(authorised) + len(rejected)} entries; {covered} are read by the",
        f"# hand-written classes, {len(entries) - len(candidates)} stand in authorised wordings, {len(effects) - len(unread)} are classes here.",
        "# Each is an effect no authorised claim covers. See tools/effects_import.py for how.",
        f"# {len(unread)} authorised wordings name an effect no hand-written class reads: their health",
        "# relationships are register classes here (register: true).",
        "",
    ])
    pack = {"kind": "effects", "effects": effects}
    body = yaml.dump(pack, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True, width=1_000_000)
    return comment + body
