"""The benchmark: its corpora are built the same way every time, and it runs to the end.

Timings are not asserted (they depend on the machine); ``--quick`` shows that every
measure runs and prints its line.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpora  # noqa: E402


def contents(files: list[Path], folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in files}


@pytest.mark.parametrize("kind", corpora.KINDS)
def test_a_corpus_is_the_same_for_the_same_seed_and_size(tmp_path, kind):
    first = corpora.build(kind, tmp_path / "a", 0.02, 7)
    again = corpora.build(kind, tmp_path / "b", 0.02, 7)
    other = corpora.build(kind, tmp_path / "c", 0.02, 8)
    assert contents(first, tmp_path / "a") == contents(again, tmp_path / "b")
    assert contents(first, tmp_path / "a") != contents(other, tmp_path / "c")
    assert sum(p.stat().st_size for p in first) >= 20_000


def test_the_corpora_are_the_kinds_of_copy_they_name(tmp_path):
    suffixes = {kind: {p.suffix for p in corpora.build(kind, tmp_path / kind, 0.02, 1)} for kind in corpora.KINDS}
    assert suffixes == {"dense": {".md"}, "articles": {".txt"}, "catalogue": {".txt"}, "mixed": {".md", ".txt"}}
    by_verdict = corpora.case_sentences()
    catalogue = "\n".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "catalogue").rglob("*.txt")))
    sentences = catalogue.count(". ") + catalogue.count(".\n") + catalogue.count('."')
    claims = sum(catalogue.count(s) for s in set(by_verdict["non_compliant"] + by_verdict["compliant"]))
    near = sum(catalogue.count(s) for s in set(by_verdict["no_claim"]))
    assert sentences > 4 * claims > 0  # most sentences make no claim, some do
    assert 0 < near < (sentences - claims) / 4  # the corpus's near misses are a small share of what makes no claim
    streams = sorted((tmp_path / "catalogue").glob("stream-*.txt"))
    assert streams and all(p.read_text(encoding="utf-8").startswith("code,name,size,price,description\n") for p in streams)


@pytest.mark.slow  # it starts about seven Python processes with spaCy in them
def test_quick_benchmark_runs_every_measure(tmp_path):
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--quick", "--corpora", "catalogue"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=900)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    for start in ("machine", "yardstick", "one process", "catalogue", "whole process", "cold start", "--jobs", "large file"):
        assert any(line.startswith(start) for line in lines), (start, out.stdout)
    assert sum(line.startswith("catalogue") for line in lines) == 3  # one row per table


def test_an_unknown_corpus_is_a_usage_error():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--quick", "--corpora", "novels"],
                         capture_output=True, text=True)
    assert out.returncode == 2 and "no corpus novels" in out.stderr


@pytest.mark.parametrize("kind", sorted(corpora.LARGE))
def test_a_large_file_is_the_same_for_the_same_seed_and_ends_at_a_line_end(tmp_path, kind):
    first = corpora.build_large(kind, tmp_path / "a", 30_000, 3)
    again = corpora.build_large(kind, tmp_path / "b", 30_000, 3)
    data = first.read_bytes()
    assert data == again.read_bytes() and first.suffix == corpora.LARGE[kind]
    assert 29_000 <= len(data) <= 30_000 and data.endswith(b"\n")
