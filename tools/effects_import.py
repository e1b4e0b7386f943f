"""Build claimlint's register-effects pack from the EU Register's wordings and health relationships.

Every register entry, authorised or not, names the health relationship its applicant
asked the EU to allow, and every authorised entry the wording the law allows: together
they are the catalogue of effects food copy claims. This importer generates

* a class for each effect the authorised wordings name (``register: true``), grouped by
  effect across substances ("normal energy-yielding metabolism" is one class for fifteen
  entries), labelled in the wording's own words and listing its entries; the hand-written
  pack rules/en/register-effect-words.yaml only adds the everyday words for these classes
  ("tiredness", "blood sugar") and what kind of effect each is;
* a class for every other relationship neither those nor the hand-written everyday
  classes read (for an entry whose relationship was never stated, the effects its claim
  wording names about a part of the body), so that a claim of an effect the EU refused ("supports joint mobility",
  "increases satiety") is recognised as an effect, judged as not authorised and matched
  to the refusing entry.

How an authorised wording becomes an effect, by mechanism (see :func:`wording_effects`):
the words after the verb joining substance and effect ("contributes to", "is needed
for") are the effect; a second effect joined by "which contributes to" or "and normal" is
one of its own; circumstances ("during pregnancy", "after that meal") and the words that
say which way the effect goes ("the maintenance of", "normal") are dropped. Wordings
whose effects share the thing acted on ("the normal function of bones", "normal bones"),
up to number, spelling and measure ("levels"), are one class.

How a relationship becomes phrases, by mechanism:

* quotes and the applicant's strain or product name before "related to the following
  claimed effect(s):" are dropped; the rest is split at "and", commas, "with", "by",
  "leading to", "after", "associated with", "via", "through";
* the words that say which way the effect goes ("maintenance of", "contribution to",
  "increase in", "reduction of", "protection of" …, "normal", articles) are stripped, and
  "function of X" becomes "X function";
* a part of one to four plain words is kept; in an authorised entry it is a phrase of
  the entry's class when it shares a word with it and no other class ("blood
  coagulation" for "blood clotting"); otherwise it becomes a class unless the classes
  read it already (half its words, or any word of an authorised class: it is then
  theirs), as a condition or an impression, or it stands in an authorised wording;
* a class is ``near`` the authorised classes whose words it shares, for suggestions.

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
SINGLE_WORD_ENTRIES = 2

# An authorised wording names its effect after the verb joining it to the substance.
_JOINING_VERB = re.compile(
    r"\b(?:contributes? to(?: maintain)?|(?:is|are) needed for|ha(?:s|ve) a role in|helps?(?: to)?(?: maintain| reduce| neutralise)?|"
    r"improves?|increases?|enhances?(?: the effect of .*? on)?|induces?|leads? to|raises|neutralises|reduces|"
    r"ha(?:s|ve) been shown to (?:lower/reduce|reduce))\s+",
    re.I,
)
_SECOND_EFFECT = re.compile(r",? which contributes to | and (?=normal )| for (?=the normal function of )", re.I)
# Who, when and compared with what: circumstances of the effect, not the effect.
_QUALIFIER = re.compile(
    r"\s+(?:during|after (?:that|their|a|an|the|eating|intense|highly)|in (?:individuals|children|post-menopausal|adults|successive|the body|the stomach)|when eaten|"
    r"of (?:the foetus|infants|children)|compared|as part|associated with|by (?:production|increasing)|less after|"
    r"more effectively|among|of the product)\b.*$|\s*[\[(*].*$",
    re.I,
)
# Words before the effect saying which way it goes, or how much.
_ROLE = re.compile(
    r"^(?:(?:the|a|an|normal|healthy|lower|maintain|reduce|reducing|neutralise|maintenance of|reduction (?:of|in)|"
    r"improvement of|process of|alleviation of subjective feelings of|increase in|growth in|protection of|acceleration of|"
    r"neutralisation of|recovery of|regulation of)\s+)+",
    re.I,
)
# "function of the immune system", "formation of red blood cells and haemoglobin"
_OF_THING = re.compile(r"^(function|functioning|formation|metabolism|development|elasticity|loss|production|regeneration|absorption) of (?:the )?(.+)$")
_AND = " and "
_TWO_PROCESSES_OF = re.compile(r"^(growth|development|formation|maintenance) and (growth|development|formation|maintenance) of (?:the )?([a-z]+)$")
# The making or working of a thing, after it: "red blood cell formation" is about red blood cells.
_PROCESS_END = re.compile(r" (?:formation|synthesis|production|function|functioning)$")
# An applicant's wording: statements split at full stops, semicolons and list dashes, each
# claiming its effect after a verb.
_STATEMENT = re.compile(r"[.;\n]|(?:^|\s)[-–•]\s*")
_WHEN_OR_WHO = re.compile(r" (?:in|during|when|while|for) ")  # "… in children", "… during travel"
_CLAIMING_VERB = re.compile(
    r"\b(?:contributes? to|helps?|supports?|maintains?|promotes?|improves?|protects?|increases?|reduces?|enhances?|"
    r"strengthens?|favou?rs?|aids?|(?:is|are) (?:needed|important|good|beneficial) for)\b",
    re.I,
)
# A measure of an effect ("levels"), or the comparison it is said in, is not another effect.
_MEASURE = {"level", "concentration"}
# A short prefix joined to a long word names a kind of it ("LDL-cholesterol").
_KIND_PREFIX = re.compile(r"\b[a-z]{2,4}-(?=[a-z]{6,})")
_COMPARATIVE = {"lower", "less"}  # a one-word part names an effect when at least this many entries use it


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


def wording_effects(claim: str) -> list[tuple[str, str]]:
    """(label, phrase) of each effect one authorised wording names, in wording order.

    The wording's first sentence is cut after the verb that joins its subject to the
    effect ("contributes to", "is needed for", "has a role in" …); a second effect joined
    by "which contributes to", "and normal" or "for the normal function of" is an effect
    of its own; circumstances after the effect ("during pregnancy", "after that meal",
    "in children") are left out unless the effect would be one bare word without them
    ("growth of children"). The label keeps the wording's own words ("the maintenance of
    normal bones"); the phrase drops the words saying which way the effect goes."""
    first = re.split(r"\.\s|\.$", re.sub(r"\s+", " ", claim).strip())[0]
    verb = _JOINING_VERB.search(first)
    if verb is None:
        return []
    found = []
    for part in _SECOND_EFFECT.split(first[verb.end():]):
        label = _QUALIFIER.sub("", part).strip(" .,")
        whole = _ROLE.sub("", part).strip(" .,")
        phrase = _QUALIFIER.sub("", whole).strip(" .,")
        if " " not in phrase and whole[len(phrase):].startswith(" of "):
            label, phrase = part.strip(" .,"), whole
        if phrase:
            found.append((label, phrase.lower()))
    return found


def _variants(phrase: str) -> list[str]:
    """The phrase as written and the forms copy also uses: "immune system function" and
    "immune system" for "function of the immune system", "oxidative stress" for "cells
    from oxidative stress", "red blood cell formation" for "formation of red blood cells
    and haemoglobin"."""
    forms = [phrase]
    guarded = re.match(r"^(.+) from (.+)$", phrase)
    if guarded:
        forms.append(guarded[2])
    match = _OF_THING.match(phrase)
    if match:
        process, thing = match[1], match[2]
        forms.append(f"{thing} {process}")
        if process in ("function", "functioning"):
            forms.append(thing)
        elif _AND in thing:
            first = thing.split(_AND)[0]
            forms += [f"{process} of {first}", f"{first} {process}"]
    return forms


def _paired_processes(phrase: str) -> list[str]:
    """"bone growth" and "bone development" for "growth and development of bone": two
    processes of one thing, each after it as copy writes them."""
    match = _TWO_PROCESSES_OF.match(phrase)
    return [f"{match[3]} {match[1]}", f"{match[3]} {match[2]}"] if match else []


def _content(phrase: str) -> set[str]:
    return set(re.findall(r"[a-z][a-z-]+", phrase)) - {"of", "the", "and", "from", "in", "to", "some"}


def _group_key(phrase: str) -> str:
    """What the phrases of one effect share: the thing whose function it is ("nervous
    system" for "functioning of the nervous system", so "the normal function of bones" and
    "normal bones" are one effect), what cells are protected from, the first of things
    formed together; singular words, British spelling, no kind ("LDL-" cholesterol), no
    measure ("levels") and no comparison ("lower")."""
    forms = _variants(phrase)
    match = _OF_THING.match(phrase)
    if match and match[1] in ("function", "functioning"):
        phrase = match[2]
    elif len(forms) > 1:
        phrase = forms[-1]
    phrase = re.sub(r"iz(ation|e)", r"is\1", _KIND_PREFIX.sub("", phrase))
    words = [w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")) else w for w in phrase.split()]
    while len(words) > 1 and words[-1] in _MEASURE:
        words.pop()
    while len(words) > 1 and words[0] in _COMPARATIVE:
        words.pop(0)
    return " ".join(words)


def authorised_classes(authorised: list[dict[str, str]], taken: set[str]) -> dict[str, Any]:
    """One register class per effect the authorised wordings name, grouped by what their
    effect phrases share, with the entries that name it. A form derived from a wording's
    phrase is left to the hand-written packs when they read it (``taken``: an everyday
    class's "heart" for "the function of the heart"); the wording's own phrase never is.

    A health relationship part that only entries of one class name ("blood coagulation"
    for "blood clotting", "thermoregulation") is a phrase of that class too."""
    groups: dict[str, dict[str, Any]] = {}
    for row in sorted(authorised, key=lambda row: row["register_id"]):
        for label, phrase in wording_effects(row["claim"]):
            group = groups.setdefault(_group_key(phrase), {"labels": [], "phrases": [], "entries": []})
            group["labels"].append(label)
            written, *derived = _variants(phrase)
            derived += _paired_processes(phrase)
            group["phrases"] += [v for v in [written, *(d for d in derived if d not in taken)] if v not in group["phrases"]]
            if row["register_id"] not in group["entries"]:
                group["entries"].append(row["register_id"])
    substances = {row["nutrient_substance_food"].strip().lower() for row in authorised}
    keys_of = {_group_key(p): key for key, group in groups.items() for p in group["phrases"]}
    by_part: dict[str, set[str]] = {}
    for row in authorised:
        for part in relationship_parts(row["health_relationship"]):
            by_part.setdefault(part, set()).update(k for k, g in groups.items() if row["register_id"] in g["entries"])
    for part, keys in sorted(by_part.items()):
        if len(keys) != 1 or " " not in part or part in substances or _QUALIFIER.search(part):
            continue
        key = next(iter(keys))
        shared = _content(part) & {w for p in groups[key]["phrases"] for w in _content(p)}
        if shared and keys_of.setdefault(_group_key(part), key) == key and part not in groups[key]["phrases"]:
            groups[key]["phrases"].append(part)
    classes: dict[str, Any] = {}
    kin = _kin(sorted(groups))
    for key, group in sorted(groups.items()):
        label = max(sorted(set(group["labels"])), key=lambda label: (group["labels"].count(label), len(label)))
        classes[_slug(key)] = {
            "label": label,
            "register": True,
            "entries": group["entries"],
            "phrases": group["phrases"],
        }
        if kin.get(key):
            classes[_slug(key)]["near"] = [_slug(k) for k in kin[key]]
    return classes


def _kin(keys: list[str]) -> dict[str, list[str]]:
    """Classes about the same thing, one of them its making or working ("red blood cell"
    and "red blood cell formation", "connective tissue" and "connective tissue
    formation"): a claim of one for a substance authorised for the other says in other
    words what the register allows, and the other's wording is the one to cite."""
    things: dict[str, list[str]] = {}
    for key in keys:
        things.setdefault(_PROCESS_END.sub("", key), []).append(key)
    return {key: [k for k in group if k != key] for group in things.values() if len(group) > 1 for key in group}


def _slug(phrase: str) -> str:
    return KEY_PREFIX + re.sub(r"[^a-z0-9]+", "_", phrase.lower()).strip("_")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def authorised_pack(data_dir: Path, taken: set[str]) -> dict[str, Any]:
    """The register classes of the authorised wordings, as a pack the reading of the rest
    is done with (see :func:`authorised_classes`)."""
    classes = authorised_classes(_rows(data_dir / AUTHORISED_CSV), taken)
    return {"kind": "effects", "effects": classes, "_path": PACK}


def claimed_parts(claim: str, body_words: set[str]) -> list[str]:
    """The effect phrases an applicant's own wording names, for an entry whose health
    relationship was never stated ("not validated"): in each of its statements, what
    follows the first verb that claims ("helps maintain a healthy intestinal flora"),
    split and stripped as a relationship is; only phrases of several words naming a part
    of the body (``body_words``) are kept, and none opening with a function word, a verb
    form or an adverb, so a person ("young children"), a time ("after antibiotic use")
    or an action ("re-balancing the flora") is no effect; who and when are cut off
    ("intestinal comfort during travel")."""
    from spacy.lang.en.stop_words import STOP_WORDS as stop_words

    parts = []
    for statement in _STATEMENT.split(claim):
        verb = _CLAIMING_VERB.search(statement)
        if verb is None:
            continue
        for part in relationship_parts(statement[verb.start():]):
            part = _WHEN_OR_WHO.split(part)[0]
            words = part.split()
            if len(words) < 2 or words[0] in stop_words or words[0].endswith(("ing", "ly")):
                continue  # "your cells", "re-balancing the flora", "especially in legs": no effect's name
            if any(w in body_words or w.removesuffix("s") in body_words for w in words):
                parts.append(part)
    return list(dict.fromkeys(parts))


def stated_relationship(relationship: str) -> bool:
    text = relationship.strip().lower()
    return bool(text) and text != _PLACEHOLDER


def build_pack(data_dir: Path, authorised_effects: dict[str, Any], read_effects, body_words: set[str]) -> str:
    """The pack's exact text: the classes of the authorised wordings, then a class for each
    effect the other entries name that those and the hand-written classes do not read.
    ``read_effects(phrases)`` gives, for each phrase, the register classes it touches, the
    tokens read as effects, its length, whether it names what the hand-written packs
    read otherwise (a condition, an impression) and whether it opens with a relation word.
    An entry whose relationship was never stated names its effects in its claim wording
    (see :func:`claimed_parts`)."""
    authorised = _rows(data_dir / AUTHORISED_CSV)
    rejected = _rows(data_dir / REJECTED_CSV)
    wordings = " | ".join(row["claim"].lower() for row in authorised)
    entries: dict[str, set[str]] = {}
    from_wordings: set[str] = set()
    for row in authorised + rejected:
        for part in relationship_parts(row["health_relationship"]):
            entries.setdefault(part, set()).add(row["register_id"].strip())
    for row in rejected:
        if not stated_relationship(row["health_relationship"]):
            for part in claimed_parts(row["claim"], body_words):
                if part not in entries:
                    from_wordings.add(part)
                entries.setdefault(part, set()).add(row["register_id"].strip())
    entries = {p: ids for p, ids in entries.items() if " " in p or len(ids) >= SINGLE_WORD_ENTRIES}
    candidates = sorted(p for p in entries if not re.search(rf"\b{re.escape(p)}\b", wordings))
    readings = read_effects(candidates)
    effects: dict[str, Any] = dict(authorised_effects)
    covered = 0
    for phrase, (register_keys, covered_tokens, tokens, other, verb_first) in zip(candidates, readings):
        if covered_tokens * 2 >= tokens or (register_keys and covered_tokens) or other or verb_first and phrase in from_wordings:
            covered += 1
            continue  # an authorised or hand-written class reads it, or it is a verb and its object
        if _slug(phrase) in effects:
            raise ValueError(f"effect class {_slug(phrase)} would be generated twice")
        effects[_slug(phrase)] = {
            "label": phrase,
            "means": [],
            "near": sorted(register_keys),
            "phrases": [phrase],
        }
    inputs = [
        f"#   {AUTHORISED_CSV} ({len(authorised)} rows, sha256 {_sha256(data_dir / AUTHORISED_CSV)})",
        f"#   {REJECTED_CSV} ({len(rejected)} rows, sha256 {_sha256(data_dir / REJECTED_CSV)})",
        "#   the hand-written packs in rules/en/ (what they already read is left out)",
    ]
    comment = "\n".join([
        "# Generated by tools/import_knowledge.py from the EU Register's authorised wordings and health",
        "# relationships; do not edit by hand: change the importer or its inputs and re-run",
        "# `python tools/import_knowledge.py`.",
        "# Inputs:",
        *inputs,
        f"# {len(authorised_effects)} effects of the authorised wordings (register: true, with the entries",
        "# naming each; their everyday words are in rules/en/register-effect-words.yaml), then",
        f"# {len(effects) - len(authorised_effects)} effects only other entries name: {len(entries)} effect phrases in {len(authorised) + len(rejected)} entries",
        f"# ({len(from_wordings)} of them from the claim wordings of entries whose relationship was never stated),",
        f"# {covered} read by the classes above or the hand-written ones, {len(entries) - len(candidates)} standing in authorised wordings.",
        "# See tools/effects_import.py for how.",
        "",
    ])
    pack = {"kind": "effects", "effects": effects}
    body = yaml.dump(pack, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True, width=1_000_000)
    return comment + body
