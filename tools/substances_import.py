"""Build claimlint's register-substances pack from the substances the EU Register names.

Every register entry, authorised or not, names the nutrient, substance or food it is
about: together they are the catalogue of what anyone has asked the EU to make a health
claim for. A claim about one of them is a claim the register can judge, so each becomes
a substance claimlint recognises; the hand-written pack (rules/en/substances.yaml) keeps
the everyday and trade names and the forms the register lacks.

How a register substance becomes names, by mechanism:

* marks (®, ™), quotes and stray spaces are dropped; an entry that describes a product
  ("Name of Food product: …") or lists several substances ("and", "+", commas) names no
  single substance;
* a botanical entry gives its Latin name and each of its common names
  ("Vaccinium macrocarpon (Common Name : Cranberry)"); another entry with a bracket gives
  the name before and the name inside it ("Konjac mannan (glucomannan)"); a species
  followed by a strain or variety code gives the species ("Lactobacillus gasseri P 17632");
* a name is kept if it is one to four plain words without a function word (spaCy's
  English stop words) and specific:
  a single word must be rare in English (spaCy's word probabilities) and must not be the
  last word of several other register names (a category such as "oil", "extract",
  "fibre"); a longer name needs one rare word;
* a name the hand-written packs read as an effect, a condition or a neutral phrase is
  left out; a name they read as a substance, or one opening with a substance they know
  ("glucosamine hydrochloride"), joins that substance, and so do all names of its entry;
* the salts of the minerals are their forms: each mineral of the hand-written lexicon of
  forms with each of its salt words ("magnesium citrate" is magnesium), so a form is
  recognised whether or not the register or the lexicon lists it.

Output is deterministic so a re-run reproduces the committed file byte for byte.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re
from pathlib import Path
from typing import Any, Callable

import yaml

PACK = "substances-register.yaml"
AUTHORISED_CSV = "eu_authorised_health_claims.csv"
REJECTED_CSV = "eu_non_authorised_and_revoked_health_claims.csv"
MAX_WORDS = 4
# Log probabilities of English words (spaCy's lookups): a single word rarer than this names
# a substance, not an ordinary thing ("papaya" is, "orange" and "coffee" are not); a longer
# name needs one word rarer than the second figure.
RARE_WORD = -15.0
RARE_IN_PHRASE = -14.0
CATEGORY_HEADS = 3  # a word closing this many other register names is a category ("oil")

_MARKS = re.compile(r"[®™©“”\"‘’']")
_PRODUCT = re.compile(r"name of food product", re.I)
_LIST = re.compile(r"\band\b|\bor\b|\+|,|;|&|/| i\.e\.", re.I)
_COMMON = re.compile(r"\s*[(\-;]?\s*common name\s*:?\s*", re.I)
_BRACKET = re.compile(r"^(?P<main>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*(?P<rest>.*)$")
_SYNONYM_MARK = re.compile(r"^(?:syn\.?:?|also known as|i\.e\.)\s*", re.I)
_SPECIES = re.compile(r"^(?P<species>[A-Z][a-z]{3,} [a-z]{3,})\.?\s+(?:ssp\.|subsp\.|var\.|L\.|\S*[0-9A-Z]\S*)")
_PLAIN = re.compile(r"[a-z][a-z-]*(?: [a-z][a-z-]*){0,%d}" % (MAX_WORDS - 1))
_WORD_PROB = "en_lexeme_prob.json.gz"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def word_probabilities() -> tuple[dict[str, float], Path]:
    """spaCy's English word log probabilities, and the file they come from."""
    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).resolve().parent / "data" / _WORD_PROB
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle), path


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", _MARKS.sub("", text)).strip(" .:;,")


def raw_names(substance: str) -> list[str]:
    """The names one register substance string gives, before any filter."""
    text = _clean(substance)
    if not text or _PRODUCT.search(text):
        return []
    parts = _COMMON.split(text, maxsplit=1)
    if len(parts) == 2:  # a botanical entry: Latin name, then common names
        latin = re.sub(r"\s+(?:L\.?|[A-Z]{2,})$", "", parts[0].strip(" ()"))
        commons = re.split(r",|/|;| or ", parts[1].strip(" ()"))
        return [latin, *commons]
    names = []
    bracket = _BRACKET.match(text)
    if bracket and not bracket["rest"]:
        names += [bracket["main"], _SYNONYM_MARK.sub("", bracket["inner"])]
    else:
        names.append(text)
    species = _SPECIES.match(text)
    if species:
        names.append(species["species"])
    return [n for n in names if not _LIST.search(n)]


def _stop_words() -> frozenset[str]:
    """English function words (spaCy's list): a name with one describes, it does not name."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _plain(name: str, stop_words: frozenset[str]) -> str | None:
    name = re.sub(r"\s+", " ", name.lower().replace("‐", "-")).strip(" .-")
    words = re.split(r"[ -]", name)
    if not _PLAIN.fullmatch(name) or stop_words & set(words) or any(w.endswith("ing") for w in words):
        return None  # a function word or a participle ("containing") describes
    return name


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def category_heads(names: list[str]) -> set[str]:
    """Words that close several register names of more than one word: a kind of food or
    preparation ("oil", "extract", "fibre"), not a substance."""
    closing: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) > 1:
            closing.setdefault(_stem(words[-1]), set()).add(name)
    return {word for word, group in closing.items() if len(group) >= CATEGORY_HEADS}


def specific(name: str, prob: dict[str, float], categories: set[str]) -> bool:
    """Is the name specific enough to stand for one substance in copy? A single word must
    be rare and no category; a longer name needs a rare word, and one closing with a
    category ("pomegranate juice") a rare word before it."""
    words = re.split(r"[ -]", name)
    if len(name.split()) == 1 and len(words) == 1:
        return len(name) >= 4 and prob.get(name, -20.0) < RARE_WORD and _stem(name) not in categories
    telling = words[:-1] if _stem(words[-1]) in categories else words
    return any(prob.get(w, -20.0) < RARE_IN_PHRASE for w in telling)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def hand_words(hand: dict[str, Any]) -> set[str]:
    """Every name and form the hand-written pack gives any substance or group."""
    words = {n for spec in hand.get("groups", {}).values() for n in spec["names"]}
    for spec in hand.get("substances", {}).values():
        words.update(spec.get("names", []))
        words.update(spec.get("forms") or {})
    return {w.lstrip("=") for w in words}


def mineral_forms(hand: dict[str, Any]) -> dict[str, list[str]]:
    """Per mineral, its salts: the mineral's name with each salt word of the hand-written
    lexicon of forms, except those the lexicon already gives a substance."""
    salts = hand.get("salts", {})
    known = hand_words(hand)
    forms: dict[str, list[str]] = {}
    for key in salts.get("minerals", []):
        name = hand["substances"][key]["label"].lower()
        forms[key] = [f"{name} {anion}" for anion in salts.get("anions", []) if f"{name} {anion}" not in known]
    return forms


def build_pack(data_dir: Path, hand: dict[str, Any], read_names: Callable) -> str:
    """The pack's exact text. ``hand`` is the hand-written substances pack;
    ``read_names(names)`` gives, for each name, how the
    hand-written packs read it: ("other", None) for an effect, condition or neutral
    phrase, ("substance", key, whole) for one opening with a substance they know (whole
    when the substance is all of it), or (None, None, False)."""
    authorised = _rows(data_dir / AUTHORISED_CSV)
    rejected = _rows(data_dir / REJECTED_CSV)
    prob, prob_path = word_probabilities()
    strings = sorted({_clean(row["nutrient_substance_food"]) for row in authorised + rejected} - {""})
    stop_words = _stop_words()
    raw = {s: [p for p in (_plain(n, stop_words) for n in raw_names(s)) if p] for s in strings}
    categories = category_heads(sorted({n for names in raw.values() for n in names}))
    every = sorted({n for names in raw.values() for n in names})
    readings = dict(zip(every, read_names(every)))
    # A name of a substance the hand-written pack knows needs no proof of being specific.
    candidates = {
        s: list(dict.fromkeys(n for n in names if readings[n][0] == "substance" or specific(n, prob, categories)))
        for s, names in raw.items()
    }
    hand_subs = hand.get("substances", {})
    groups = set(hand.get("groups", {}))

    substances: dict[str, dict[str, Any]] = {}
    owner: dict[str, str] = {}  # name -> key
    for string in strings:
        names = [n for n in candidates[string] if readings[n][0] != "other"]
        known = [readings[n][1] for n in names if readings[n][0] == "substance"]
        if any(k in groups for k in known):
            continue  # a group ("omega-3 fatty acids") is a family of substances, not one
        key = known[0] if known else next((owner[n] for n in names if n in owner), None)
        if key is None:
            if not names:
                continue
            key = _slug(_label(names, string))
            if key in hand_subs or key in groups:
                key += "_register"
        entry = substances.setdefault(key, {
            "label": hand_subs[key]["label"] if key in hand_subs else _label(names, string),
            "register": [],
            "names": [],
        })
        entry["register"].append(string)
        for name in names:
            owner.setdefault(name, key)
            if not (readings[name][0] == "substance" and readings[name][2]) and name not in entry["names"]:
                entry["names"].append(name)

    for key, forms in mineral_forms(hand).items():
        entry = substances.setdefault(key, {"label": hand_subs[key]["label"], "register": [], "names": []})
        entry["forms"] = {form: [] for form in forms if form not in entry["names"]}

    for entry in substances.values():
        entry["register"] = sorted(set(entry["register"]))
        entry["names"] = sorted(entry["names"])
    pack = {"kind": "substances", "substances": {k: substances[k] for k in sorted(substances)}}
    new = sum(1 for k in substances if k not in hand_subs)
    names = sum(len(e["names"]) for e in substances.values())
    inputs = [
        f"#   {AUTHORISED_CSV} ({len(authorised)} rows, sha256 {_sha256(data_dir / AUTHORISED_CSV)})",
        f"#   {REJECTED_CSV} ({len(rejected)} rows, sha256 {_sha256(data_dir / REJECTED_CSV)})",
        f"#   spacy-lookups-data {prob_path.name} (sha256 {_sha256(prob_path)}), for how rare a word is",
        "#   the hand-written packs in rules/en/ (their substances are joined, not repeated)",
    ]
    comment = "\n".join([
        "# Generated by tools/import_knowledge.py from the substances the EU Register names; do not",
        "# edit by hand: change the importer or its inputs and re-run `python tools/import_knowledge.py`.",
        "# Inputs:",
        *inputs,
        f"# {len(strings)} register substance strings; {len(substances)} substances here ({new} the",
        f"# hand-written pack lacks), {names} names. See tools/substances_import.py for how.",
        "",
    ])
    body = yaml.dump(pack, Dumper=yaml.SafeDumper, sort_keys=False, allow_unicode=True, width=1_000_000)
    return comment + body


def _label(names: list[str], string: str) -> str:
    """A new substance's label: its common name where the register gives one."""
    parts = _COMMON.split(_clean(string), maxsplit=1)
    if len(parts) == 2 and len(names) > 1:
        return names[1].capitalize()
    return names[0].capitalize()
