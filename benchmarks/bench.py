"""Speed and memory of claimlint on four kinds of copy, against bare spaCy tokenisation.

    python benchmarks/bench.py               # 2 MB per corpus, 3 interleaved runs of each measure
    python benchmarks/bench.py --quick       # tiny corpora, one run each: checks that it runs

The corpora (dense Markdown pages, long claim-dense articles, catalogue copy that mostly
makes no claim, a mix) are built from the project's own corpus; see ``corpora.py``.

The yardstick, **bare tokenisation**, is defined one way everywhere: the same files, read
and cut into lines, each line a Doc of ``spacy.blank("en").pipe(lines)``, one cold pass
(a new ``spacy.blank("en")`` for every pass, so its tokenizer cache starts empty). Cutting
by lines keeps it stable: spaCy's tokenizer stops caching a Doc's spans once the Doc has
met a special-case token, so one long Doc tokenises several times slower than its lines.

Every measure alternates the two things it compares (bare, claimlint, bare, claimlint ...)
so that a slow spell of a shared machine falls on both, and reports medians:

- in one process (a fresh one per corpus, engine built before timing and frozen out of the
  garbage collector as ``claimlint check`` does): MB/s of reading and
  linting every file, the ratio of bare tokenisation's time to claimlint's, in wall time
  and in CPU time, which a machine shared with other work moves less (each pair of
  runs on a corpus of its own, built with the next seed, so neither has read it before;
  MB, files and findings are those of the first), and the peak
  resident memory of the process (with the engine's own share, measured once it is built);
- whole processes: ``claimlint check`` on the corpus folder against a process that imports
  spaCy and tokenises the same files; wall time, ratio and the peak memory of each child;
- cold start: a one-file check against ``python -c "import spacy"``, in pairs, after one
  untimed check (a new process, its on-disk cache and bytecode as after any earlier run);
- ``--jobs 1`` against ``--jobs 2`` on a catalogue corpus of its own (``--jobs-size``, 3 MB
  by default): wall and CPU time of each, their ratio, the ratio of what is left of each
  once the start-up of a process (the one-file check of the cold start) is taken off, and
  the ratio two free cores would give, worked out from CPU times (start-up paid once, the
  rest of ``--jobs 2``'s CPU time shared by its two workers). Each run starts spaCy and
  builds the engine once, which a second worker does not share out: on a corpus that takes
  a few seconds, start-up decides the ratio, not the workers. On a machine whose cores are
  busy with other work the measured ratio says little: Linux shares the CPU between groups
  of processes (autogroups) before processes, so a second worker only splits its group's share.
- one large file of each kind of copy (``--large-mb``, 10 MB by default: claim-dense
  articles and catalogue copy as text, dense product pages as Markdown), checked by
  ``claimlint check`` as a user runs it: peak resident memory of the whole process, with
  its CPU and wall time. Memory does not move with the load of the machine; it is
  measured once.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import KINDS, LARGE, ROOT, build, build_large  # noqa: E402

# The bare yardstick, shared by the in-process and the whole-process measures.
BARE = '''
import spacy

def bare_tokens(nlp, texts):
    """Tokens of ``texts`` (str) by lines; ``nlp`` is a new spacy.blank("en") (one cold pass)."""
    return sum(len(doc) for text in texts for doc in nlp.pipe(text.splitlines()))
'''

IN_PROCESS = BARE + '''
import json, resource, sys, time
from pathlib import Path
from claimlint.engine import Engine
from claimlint.knowledge.profile import Profile
from claimlint.readers import read_document
from claimlint.run.collector import settle_engine

runs = [[Path(p) for p in run] for run in json.loads(sys.argv[1])]
engine = Engine()
engine.lint_text("Warm up: magnesium contributes to normal muscle function.")
settle_engine()  # as a command does once its engine is built
engine_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
joiners = engine.knowledge.grammar.heading_joiners

def lint(paths, data):
    documents = ((read_document(str(p), d, heading_joiners=joiners), Profile()) for p, d in zip(paths, data))
    return sum(len(findings) for _, findings in engine.lint(documents))

bare, linted, bare_cpu, lint_cpu, sizes, found = [], [], [], [], [], []
for paths in runs:  # each run its own text, new to the engine as to the yardstick
    data = [p.read_bytes() for p in paths]
    sizes.append(sum(map(len, data)))
    nlp = spacy.blank("en")  # built before the clock starts, its cache empty
    start, cpu = time.perf_counter(), time.process_time()
    bare_tokens(nlp, (d.decode("utf-8") for d in data))
    bare.append(time.perf_counter() - start)
    bare_cpu.append(time.process_time() - cpu)
    start, cpu = time.perf_counter(), time.process_time()
    found.append(lint(paths, data))
    linted.append(time.perf_counter() - start)
    lint_cpu.append(time.process_time() - cpu)
print(json.dumps({"bytes": sizes, "findings": found, "bare": bare, "lint": linted, "bare_cpu": bare_cpu, "lint_cpu": lint_cpu,
                  "engine_mb": engine_mb, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
'''

WHOLE_BARE = BARE + '''
import sys
from pathlib import Path
bare_tokens(spacy.blank("en"), (Path(p).read_text(encoding="utf-8") for p in sys.argv[1:]))
'''


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return env


def run_child(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak resident MB and CPU seconds (user and system) of one child
    process (its exit status is not checked: claimlint exits 1 when it finds something).
    On a machine shared with other work the CPU time moves less than the wall time."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=child_env())
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # ru_maxrss: kilobytes on Linux


def paired(first: list[str], second: list[str], runs: int) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """``runs`` alternated runs of two commands: (wall, peak MB, CPU) of each run of each."""
    a, b = [], []
    for _ in range(runs):
        a.append(run_child(first))
        b.append(run_child(second))
    return a, b


def median(values) -> float:
    return statistics.median(list(values))


def files_of(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*") if p.is_file())


def in_process(runs: list[list[str]]) -> dict:
    """One process timing each run's files: bare tokenisation, then claimlint."""
    out = subprocess.run([sys.executable, "-c", IN_PROCESS, json.dumps(runs)], capture_output=True, text=True, env=child_env())
    if out.returncode:
        raise SystemExit(f"bench: the in-process run failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def machine() -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}; load average {load}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=float, default=2.0, help="size of each corpus in MB (default 2)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=3, help="alternated runs of each measure; medians count (default 3)")
    parser.add_argument("--cold-runs", type=int, default=10, help="pairs for the cold start (default 10)")
    parser.add_argument("--jobs-size", type=float, default=3.0, help="size of the catalogue corpus --jobs is measured on, in MB (default 3)")
    parser.add_argument("--corpora", default=",".join(KINDS), help=f"which corpora, comma-separated (default {','.join(KINDS)})")
    parser.add_argument("--large-mb", type=float, default=10.0, help="size of the one large file of each kind in MB (default 10; 0: none)")
    parser.add_argument("--quick", action="store_true", help="tiny corpora and one run of everything: shows that the benchmark runs, measures nothing")
    args = parser.parse_args()
    if args.quick:
        args.size, args.repeat, args.cold_runs, args.jobs_size, args.large_mb = 0.01, 1, 1, 0.01, 0.05
    kinds = [k for k in args.corpora.split(",") if k]
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        parser.error(f"no corpus {', '.join(unknown)} (known: {', '.join(KINDS)})")
    python = sys.executable
    check = [python, "-m", "claimlint", "check", "--quiet", "--no-color"]
    print(f"machine    {machine()}")
    print(f"yardstick  bare spacy.blank('en') tokenisation of the same files by lines, one cold pass; medians of {args.repeat} alternated runs")
    with tempfile.TemporaryDirectory(prefix="claimlint-bench-") as tmp:
        # Children run claimlint from compiled bytecode, as an installed wheel is (and as
        # spaCy always is): run from a source tree with PYTHONDONTWRITEBYTECODE set, every
        # start compiled all of claimlint's modules again. The bytecode goes to this
        # temporary folder, never into the source tree.
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        folders, runs = {}, {}
        for kind in kinds:
            # The in-process runs each get a corpus of their own (the seed, then the next
            # ones): a pass over text the engine has read before would find its words in
            # the tokenizer's cache and the vocabulary, which the cold yardstick never does.
            runs[kind] = []
            for run in range(args.repeat):
                folder = Path(tmp) / f"{kind}-{run}"
                build(kind, folder, args.size, args.seed + run)
                runs[kind].append(files_of(folder))
            folders[kind] = Path(tmp) / f"{kind}-0"
        print()
        print(f"{'one process':<12}{'MB':>6}{'files':>7}{'findings':>10}{'MB/s':>8}{'bare MB/s':>11}{'ratio':>8}{'CPU ratio':>10}"
              f"{'peak MB':>9}{'engine MB':>11}")
        for kind in kinds:
            one = in_process(runs[kind])
            mb = one["bytes"][0] / 1e6
            ratio = median(b / t for b, t in zip(one["bare"], one["lint"]))
            cpu_ratio = median(b / t for b, t in zip(one["bare_cpu"], one["lint_cpu"]))
            rate, bare_rate = (median(n / 1e6 / t for n, t in zip(one["bytes"], one[k])) for k in ("lint", "bare"))
            print(f"{kind:<12}{mb:>6.2f}{len(runs[kind][0]):>7}{one['findings'][0]:>10,}{rate:>8.3f}{bare_rate:>11.2f}"
                  f"{ratio:>8.3f}{cpu_ratio:>10.3f}{one['peak_mb']:>9.0f}{one['engine_mb']:>11.0f}")
        print()
        print(f"{'whole process':<14}{'s':>8}{'bare s':>8}{'MB/s':>8}{'ratio':>8}{'peak MB':>9}{'bare peak MB':>14}")
        for kind in kinds:
            files = files_of(folders[kind])
            mb = sum(os.path.getsize(f) for f in files) / 1e6
            bare, lint = paired([python, "-c", WHOLE_BARE, *files], [*check, str(folders[kind])], args.repeat)
            ratio = median(b[0] / t[0] for b, t in zip(bare, lint))
            wall = median(t[0] for t in lint)
            print(f"{kind:<14}{wall:>8.2f}{median(b[0] for b in bare):>8.2f}{mb / wall:>8.3f}{ratio:>8.3f}"
                  f"{max(t[1] for t in lint):>9.0f}{max(b[1] for b in bare):>14.0f}")
        print()
        one_file = files_of(folders[kinds[0]])[0]
        run_child([*check, one_file])  # not timed: the cache and the bytecode are as after any earlier run
        spacy_import, cold = paired([python, "-c", "import spacy"], [*check, one_file], args.cold_runs)
        extra = median(c[0] - s[0] for s, c in zip(spacy_import, cold))
        extra_cpu = median(c[2] - s[2] for s, c in zip(spacy_import, cold))
        print(f"cold start   one-file check {median(c[0] for c in cold):.2f} s, import spacy {median(s[0] for s in spacy_import):.2f} s: "
              f"+{extra:.2f} s (median of {args.cold_runs} pairs); CPU +{extra_cpu:.2f} s")
        if "catalogue" in folders:
            # Its own corpus, large enough that the workers' share decides the ratio.
            folder = Path(tmp) / "jobs-catalogue"
            build("catalogue", folder, args.jobs_size, args.seed)
            one_job, two_jobs = paired([*check, "--jobs", "1", str(folder)], [*check, "--jobs", "2", str(folder)], args.repeat)
            speedup = median(a[0] / b[0] for a, b in zip(one_job, two_jobs))
            start, start_cpu = median(c[0] for c in cold), median(c[2] for c in cold)
            beyond = median((a[0] - start) / max(b[0] - start, 0.01) for a, b in zip(one_job, two_jobs))
            # What two free cores would give: each run's CPU time as its wall time, the
            # start-up (the one-file check's CPU time) paid once, the rest shared by two.
            bound = median(a[2] / (start_cpu + max(b[2] - start_cpu, 0.0) / 2) for a, b in zip(one_job, two_jobs))
            print(f"--jobs       catalogue {args.jobs_size:.2f} MB: --jobs 1 {median(a[0] for a in one_job):.2f} s "
                  f"(CPU {median(a[2] for a in one_job):.2f} s), --jobs 2 {median(b[0] for b in two_jobs):.2f} s "
                  f"(CPU {median(b[2] for b in two_jobs):.2f} s): {speedup:.2f}x; {beyond:.2f}x beyond the start-up "
                  f"of {start:.2f} s; from CPU times, with two free cores: {bound:.2f}x")
        large = [k for k in LARGE if k in kinds] if args.large_mb > 0 else []
        if large:
            print()
            print(f"{'large file':<12}{'MB':>7}{'peak MB':>9}{'CPU s':>8}{'wall s':>8}")
        for kind in large:
            path = build_large(kind, Path(tmp) / f"large-{kind}", int(args.large_mb * 1_000_000), args.seed)
            wall, peak, cpu = run_child([*check, str(path)])
            print(f"{kind + LARGE[kind]:<12}{path.stat().st_size / 1e6:>7.2f}{peak:>9.0f}{cpu:>8.1f}{wall:>8.1f}")
    print(f"machine    load average at the end {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
