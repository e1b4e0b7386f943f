"""Statement recall and false alarms of labelled corpus pages.

A labelled page states the problem statements it holds (``<!-- expect-finding: CODE
“marked words” -->``) and the lines that must stay silent (``<!-- expect-silent:
“words” -->``); a plain-text page keeps these comments in a ``.expect`` file beside it.
The page test asks for exactly these findings; this tool says how far claimlint is from
them, statement by statement, so a long article can be measured before it passes. A
page is linted as `claimlint check` lints it (a profile it does not declare is inferred).


* a statement is found when a finding of its family marks part of the sentence that holds
  its words (and found exactly when the code matches as well);
* a false alarm is a finding on a silent line, or one that touches no labelled statement
  (those on silent lines are also counted apart).

Usage: ``python tools/page_recall.py corpus/articles/*.md corpus/articles/*.txt``
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from claimlint.engine import Engine  # noqa: E402
from claimlint.readers import read_document  # noqa: E402
from claimlint.run.config import FileSettings  # noqa: E402

EXPECT_FINDING = re.compile(r"<!--\s*expect-finding:\s*([A-Z]{2}\d{3})\s+“(.+?)”")
EXPECT_SILENT = re.compile(r"<!--\s*expect-silent:\s*“(.+?)”")
SENTENCE_END = re.compile(r"(?<=[.!?…:])[\"”’]?\s+|\n")


def expectations(path: Path) -> str:
    """The comments that label a page: in the page, or for plain text in ``PAGE.expect``."""
    sidecar = path.with_name(path.name + ".expect")
    return sidecar.read_text(encoding="utf-8") if sidecar.exists() else path.read_text(encoding="utf-8")


def sentence_around(source: str, words: str, after: int) -> tuple[int, int]:
    """The source range of the sentence that holds ``words`` (found after the comments)."""
    start = source.find(words, after)
    if start < 0:
        raise SystemExit(f"words not found in the page: {words!r}")
    begin = max((m.end() for m in SENTENCE_END.finditer(source, after, start)), default=after)
    end_match = SENTENCE_END.search(source, start + len(words))
    return begin, end_match.start() if end_match else len(source)


def measure(engine: Engine, path: Path) -> dict:
    source = path.read_text(encoding="utf-8")
    labels = expectations(path)
    after = source.rfind("-->") + 3 if labels is source or path.suffix != ".txt" else 0
    document = read_document(str(path), path.read_bytes(), heading_joiners=engine.knowledge.grammar.heading_joiners)
    settings = FileSettings(selected=frozenset(), product={}, default_profile="food_supplement", fail_on="never")
    _, findings = next(engine.lint([(document, settings.profile_for(document, engine.profile_cues))]))
    spans = [(f.source_start, f.source_end, {m.code for m in [f, *f.merged]}) for f in findings]
    statements = [(code, words, sentence_around(source, words, after)) for code, words in EXPECT_FINDING.findall(labels)]
    silent = [sentence_around(source, words, after) for words in EXPECT_SILENT.findall(labels)]

    def touches(span, rng):
        return span[0] < rng[1] and rng[0] < span[1]

    found = exact = 0
    missed = []
    for code, words, rng in statements:
        hits = [s for s in spans if touches(s, rng)]
        if any(c[:2] == code[:2] for s in hits for c in s[2]):
            found += 1
            exact += any(code in s[2] for s in hits)
        else:
            missed.append(f"{code} {words}")
    alarms = [
        f"{sorted(s[2])} {source[s[0]:s[1]]!r}" for s in spans
        if any(touches(s, r) for r in silent) or not any(touches(s, r) for _, _, r in statements)
    ]
    on_silent = [f"{sorted(s[2])} {source[s[0]:s[1]]!r}" for s in spans if any(touches(s, r) for r in silent)]
    return {
        "page": path.name, "statements": len(statements), "found": found, "exact": exact,
        "silent_lines": len(silent), "false_alarms": alarms, "on_silent_lines": on_silent, "missed": missed,
    }


def main(paths: list[str]) -> None:
    engine = Engine()
    total = {"statements": 0, "found": 0, "exact": 0, "false_alarms": 0}
    for name in paths:
        result = measure(engine, Path(name))
        print(f"{result['page']}: statements {result['statements']}, found {result['found']} "
              f"(exact code {result['exact']}), recall {result['found'] / max(result['statements'], 1):.2f}, "
              f"false alarms {len(result['false_alarms'])}, {len(result['on_silent_lines'])} of them on the "
              f"{result['silent_lines']} lines labelled silent")
        for line in result["missed"]:
            print("  missed:", line)
        for line in result["false_alarms"]:
            print("  false alarm:", line)
        for key in ("statements", "found", "exact"):
            total[key] += result[key]
        total["false_alarms"] += len(result["false_alarms"])
    print("total:", total)


if __name__ == "__main__":
    main(sys.argv[1:])
