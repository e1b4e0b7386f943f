#!/usr/bin/env python3
"""Write every finding claimlint gives on a fixed body of copy, or compare two such snapshots.

Changes that should not change behaviour (moving code, speeding it up) are checked with it:
take a snapshot before, one after, and compare. The body of copy is the project's corpus
(pages and labelled sentences), the two real articles and the four shared development sets,
each case linted alone with its own profile as ``claimlint eval`` does.

Usage:
  python tools/findings_snapshot.py write OUT.jsonl [--data DIR]
  python tools/findings_snapshot.py compare OLD.jsonl NEW.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from claimlint.engine import Engine  # noqa: E402
from claimlint.knowledge.profile import Profile  # noqa: E402
from claimlint.readers import read_document  # noqa: E402
from claimlint.readers.text import read_text  # noqa: E402

SHARED_SETS = ("dev-cases.jsonl", "dev-cases-2.jsonl", "dev-clean.jsonl", "dev-clean-2.jsonl")


def documents(data: Path, joiners: frozenset[str]) -> Iterator[tuple[str, object, Profile]]:
    """(label, document, profile) for every piece of copy in the snapshot, in a fixed order;
    ``joiners`` are the grammar's words that join a plain-text line to the next."""
    for path in sorted((ROOT / "corpus").rglob("*")):
        if path.suffix in (".md", ".html", ".txt"):
            label = str(path.relative_to(ROOT))
            document = read_document(label, path.read_bytes(), heading_joiners=joiners)
            yield label, document, Profile.from_mapping(document.profile)
    for line_no, line in enumerate((ROOT / "corpus" / "cases.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            case = json.loads(line)
            label = f"corpus/cases.jsonl:{line_no}"
            yield label, read_text(label, case["text"], joiners), Profile.from_mapping(case.get("profile") or {})
    ampm = data / "realworld" / "magnesium-ampm-supplement-article.txt"
    cream = data / "realworld" / "magnesium-cream-article.txt"
    import yaml

    profile = yaml.safe_load((ROOT / "examples" / "realworld" / "magnesium-ampm.profile.yaml").read_text(encoding="utf-8"))
    for path, mapping in ((ampm, profile["claimlint"]), (cream, {})):
        if path.is_file():
            yield path.name, read_text(path.name, path.read_text(encoding="utf-8"), joiners), Profile.from_mapping(mapping)
    for name in SHARED_SETS:
        path = data / name
        if not path.is_file():
            continue
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                label = f"{name}:{line_no}"
                yield label, read_text(label, json.loads(line)["text"], joiners), Profile.from_mapping({})


def write(out: Path, data: Path) -> None:
    engine = Engine()
    items = list(documents(data, engine.knowledge.grammar.heading_joiners))
    with out.open("w", encoding="utf-8") as stream:
        for (label, _, _), (_, findings) in zip(items, engine.lint((doc, profile) for _, doc, profile in items)):
            for finding in findings:
                stream.write(json.dumps({"source": label, **finding.to_dict()}, ensure_ascii=False, sort_keys=True) + "\n")


def compare(old: Path, new: Path) -> int:
    before = old.read_text(encoding="utf-8").splitlines()
    after = new.read_text(encoding="utf-8").splitlines()
    if before == after:
        print(f"identical: {len(after)} findings")
        return 0
    gone = [line for line in before if line not in set(after)]
    added = [line for line in after if line not in set(before)]
    print(f"differ: {len(before)} findings before, {len(after)} after; {len(gone)} gone, {len(added)} new")
    for line in gone[:20]:
        print("- " + line[:300])
    for line in added[:20]:
        print("+ " + line[:300])
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    writing = commands.add_parser("write")
    writing.add_argument("out", type=Path)
    writing.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    comparing = commands.add_parser("compare")
    comparing.add_argument("old", type=Path)
    comparing.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "write":
        write(args.out, args.data)
        return 0
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
