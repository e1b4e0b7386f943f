"""Speed of claimlint on a catalogue of realistic copy, against bare spaCy tokenisation.

The corpus is generated deterministically from the project's own corpus: its Markdown
pages are cut into paragraphs, and pages of 6-14 paragraphs are drawn
from them with a seeded random generator until the requested size is reached. One run
prints every figure the speed targets name:

    python benchmarks/bench.py --size 5

Figures: claimlint throughput in one process (MB/s, tokens/s), bare ``spacy.blank("en")``
tokenisation of the same text, their ratio, the share of reading (Markdown parsing) in it,
peak memory of the linting process, the cold start of a one-file ``claimlint check``
against ``python -c "import spacy"``, and wall times of ``claimlint check --jobs 1`` and
``--jobs 2`` on the whole catalogue. Each time is
the best of ``--repeat`` runs (two for the ``--jobs`` runs, alternated): wall times on a
shared machine vary by a fifth from run to run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)


def paragraphs() -> list[str]:
    """Paragraphs of the project's corpus pages (the labelled single sentences of
    corpus/cases.jsonl are test cases, not copy, and stay out)."""
    found: list[str] = []
    for page in sorted((ROOT / "corpus").rglob("*.md")):
        text = COMMENT.sub("", FRONT_MATTER.sub("", page.read_text(encoding="utf-8")))
        found += [p.strip() for p in re.split(r"\n\s*\n", text) if len(p.strip()) > 20]
    if not found:
        sys.exit("bench: the corpus/ folder has no pages to build a catalogue from")
    return found


def build_catalogue(folder: Path, size_mb: float, seed: int) -> list[Path]:
    rng = random.Random(seed)
    pool = paragraphs()
    target = int(size_mb * 1_000_000)
    written, files = 0, []
    while written < target:
        page = "\n\n".join(rng.choice(pool) for _ in range(rng.randint(6, 14)))
        path = folder / f"page-{len(files):05d}.md"
        path.write_text(f"# Product page {len(files)}\n\n{page}\n", encoding="utf-8")
        files.append(path)
        written += len(page.encode("utf-8"))
    return files


LINT_CHILD = """
import resource, sys, time, json
from pathlib import Path
import spacy
from claimlint.engine import Engine
from claimlint.knowledge.profile import Profile
from claimlint.readers import read_document
paths = [Path(p) for p in sys.argv[2:]]
repeat = int(sys.argv[1])
texts = [p.read_bytes() for p in paths]
size = sum(len(t) for t in texts)

def best(run):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result

bare = spacy.blank("en")
bare_seconds, tokens = best(lambda: sum(len(doc) for doc in bare.pipe(t.decode("utf-8") for t in texts)))
engine = Engine()
engine.lint_text("Warm up: magnesium contributes to normal muscle function.")
read_seconds, _ = best(lambda: sum(len(read_document(str(p), t, heading_joiners=engine.knowledge.grammar.heading_joiners).blocks) for p, t in zip(paths, texts)))
documents = lambda: ((read_document(str(p), t, heading_joiners=engine.knowledge.grammar.heading_joiners), Profile()) for p, t in zip(paths, texts))
lint_seconds, count = best(lambda: sum(len(findings) for _, findings in engine.lint(documents())))
print(json.dumps({"bytes": size, "tokens": tokens, "bare": bare_seconds, "read": read_seconds, "lint": lint_seconds,
                  "findings": count, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def timed(command: list[str], repeat: int = 3) -> float:
    """Best wall time of ``command`` over ``repeat`` runs (the exit status is not checked:
    claimlint exits 1 when it finds something)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=float, default=5.0, help="catalogue size in MB (default 5)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each in-process measure; the best counts (default 3)")
    args = parser.parse_args()
    python = sys.executable
    claimlint = [python, "-m", "claimlint"]
    with tempfile.TemporaryDirectory(prefix="claimlint-bench-") as tmp:
        folder = Path(tmp)
        files = build_catalogue(folder, args.size, args.seed)
        child = subprocess.run([python, "-c", LINT_CHILD, str(args.repeat), *map(str, files)], capture_output=True, text=True, check=True)
        one = json.loads(child.stdout.strip().splitlines()[-1])
        mb = one["bytes"] / 1e6
        spacy_import = timed([python, "-c", "import spacy"])
        cold = timed([*claimlint, "check", "--no-color", str(files[0])])
        # Alternated, so a slow spell of a shared machine does not fall on one of them only.
        walls: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(min(2, args.repeat)):
            for jobs in walls:
                walls[jobs].append(timed([*claimlint, "check", "--quiet", "--jobs", str(jobs), str(folder)], repeat=1))
        jobs1, jobs2 = min(walls[1]), min(walls[2])
    print(f"machine          {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}")
    print(f"catalogue        {len(files)} pages, {mb:.2f} MB, {one['tokens']:,} tokens, {one['findings']:,} findings")
    print(f"claimlint        {mb / one['lint']:.2f} MB/s, {one['tokens'] / one['lint']:,.0f} tokens/s (one process; reading the files {one['read'] / one['lint']:.0%} of it)")
    print(f"spacy.blank(en)  {mb / one['bare']:.2f} MB/s, {one['tokens'] / one['bare']:,.0f} tokens/s (tokenisation only)")
    print(f"ratio            {one['bare'] / one['lint']:.2f} x bare tokenisation (target >= 0.5)")
    print(f"reading alone    {one['read'] / one['bare']:.2f} x the time of bare tokenisation: at most {one['bare'] / one['read']:.2f} x for these files")
    print(f"peak memory      {one['peak_mb']:.0f} MB (target < 500)")
    print(f"cold start       {cold:.2f} s one-file check, {spacy_import:.2f} s import spacy, +{cold - spacy_import:.2f} s (target <= 1.5)")
    print(f"--jobs 1         {jobs1:.2f} s")
    print(f"--jobs 2         {jobs2:.2f} s ({jobs1 / jobs2:.2f}x faster, target >= 1.6)")


if __name__ == "__main__":
    main()
