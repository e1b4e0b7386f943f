"""The project's packs, corpus and code are its own words, not the cases it is measured on.

The shared checker lists every line of ``rules/``, ``corpus/`` and ``src/`` carrying a run of
six words found verbatim in the labelled development data (and not in the EU register,
whose wording anyone may quote). A few lines of standard label wording may match by
chance ("consult your doctor before use if …"); nothing else may.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKER = ROOT.parent / "shared" / "tools" / "copied_phrases.py"
DATA = ROOT.parent / "shared" / "data"
MAX_LINES = 10
# Words of the statutory or customary label text every supplement carries.
LABEL_WORDING = re.compile(
    r"\b(?:consult|doctor|pharmacist|before use|do not exceed|recommended daily|out of (?:the )?reach|"
    r"children|pregnant|breastfeeding|varied and balanced diet|healthy lifestyle|store)\b"
)
HIT = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<phrase>.+)$")


@pytest.fixture(scope="module")
def report() -> list[str]:
    if not CHECKER.is_file() or not DATA.is_dir():
        pytest.skip("the shared labelled data and its checker are not available")
    result = subprocess.run(
        [sys.executable, str(CHECKER), str(ROOT), str(DATA), "--n", "6", "--max", str(MAX_LINES), "--show", "1000"],
        capture_output=True, text=True, check=False,
    )
    assert result.stdout.strip(), result.stderr
    return result.stdout.splitlines()


def test_at_most_ten_copied_lines(report):
    hits = [line for line in report if HIT.match(line)]
    assert len(hits) <= MAX_LINES, "\n".join(hits)


def test_copied_lines_are_label_wording_only(report):
    phrases = [(m["path"], m["phrase"]) for m in map(HIT.match, report) if m]
    assert [p for p in phrases if not LABEL_WORDING.search(p[1])] == []


def test_the_checker_finds_a_copied_line(tmp_path):
    """The check can fail: a copied development sentence in a pack is reported."""
    if not CHECKER.is_file() or not DATA.is_dir():
        pytest.skip("the shared labelled data and its checker are not available")
    sentence = next(
        line for line in (DATA / "dev-cases.jsonl").read_text(encoding="utf-8").splitlines()
        if len(line.split()) > 20
    )
    pack = tmp_path / "rules" / "copied.yaml"
    pack.parent.mkdir()
    pack.write_text(f"# {sentence}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(CHECKER), str(tmp_path), str(DATA), "--n", "6", "--max", "0"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1 and "rules/copied.yaml:1:" in result.stdout
