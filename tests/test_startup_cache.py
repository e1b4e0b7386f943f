"""The on-disk cache that makes a one-file check start fast: what it gives is what a build
without it gives, a changed pack is a miss, a damaged or unwritable cache is ignored, and
nothing is written outside it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli_helpers import ROOT, write

# Copy that exercises every cached table: an authorised wording and a strengthened one (the
# authorised index), an unauthorised claim, a medicinal term, an evidence cue, an amount.
COPY = (
    "Vitamin C contributes to the normal function of the immune system.\n\n"
    "Vitamin C boosts your immune system. Magnesium supports collagen production. "
    "It cures headaches, clinically proven!\n\n"
    "With 300 mg magnesium per tablet (20% NRV).\n"
)
CODES = {"HC101", "HC103", "MC201", "EV401", "NC302"}


def _check(*args: object, cwd: Path, cache: Path | None, home: Path | None = None) -> subprocess.CompletedProcess:
    """``claimlint check --format json`` of a food supplement in a fresh process, its cache in ``cache`` (None: off)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMLINT_", "XDG_"))}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    if cache is None:
        env["CLAIMLINT_NO_CACHE"] = "1"
    else:
        env["CLAIMLINT_CACHE_DIR"] = str(cache)
    if home is not None:
        env["HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "claimlint", "check", "--format", "json", "--profile", "food_supplement", *map(str, args)],
        cwd=cwd, env=env, capture_output=True, text=True, check=False,
    )


def _codes(result: subprocess.CompletedProcess) -> list[str]:
    return [f["code"] for f in json.loads(result.stdout)["diagnostics"]]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def warmed(tmp_path_factory):
    """A page, its report from a run without cache, and that of a first run filling a cache."""
    root = tmp_path_factory.mktemp("warmed")
    page = write(root, "page.txt", COPY)
    built = _check(page, cwd=root, cache=None)
    cache = root / "cache"
    cold = _check(page, cwd=root, cache=cache)
    return page, built, cold, cache


def _copy(cache: Path, to: Path) -> Path:
    shutil.copytree(cache, to)
    return to


def test_a_cached_start_gives_the_findings_of_a_build_without_cache(warmed, tmp_path):
    page, built, cold, filled = warmed
    cache = _copy(filled, tmp_path / "cache")
    stored = _files(cache)
    warm = _check(page, cwd=page.parent, cache=cache)  # reads it
    assert built.returncode == 1 and built.stderr == ""
    found = {c for d in json.loads(built.stdout)["diagnostics"] for c in (d["code"], *(m["code"] for m in d["merged"]))}
    assert CODES <= found, built.stdout  # "cures headaches, clinically proven": one finding, EV401 merged into MC201
    assert cold.stdout == built.stdout and warm.stdout == built.stdout
    assert cold.returncode == warm.returncode == built.returncode and warm.stderr == ""
    namespaces = {name.split("/")[0] for name in stored}
    assert {"packs", "lemmas", "phrases", "authorised-index"} <= namespaces
    assert _files(cache) == stored  # a hit writes nothing new


SUBSTANCE_PACK = """kind: substances
substances:
  magnesium:
    label: Magnesium
    names: [{name}]
"""


def test_an_edited_user_pack_is_read_again(warmed, tmp_path):
    """The lexicons, the phrase table and the register index all depend on a user pack:
    editing it must change what the next run finds, with the cache of the last run."""
    cache = _copy(warmed[3], tmp_path / "cache")
    write(tmp_path, "claimlint.toml", 'rule-packs = ["brand.yaml"]\n')
    pack = write(tmp_path, "brand.yaml", SUBSTANCE_PACK.format(name="florbex"))
    page = write(tmp_path, "page.txt", "Zorblax supports collagen production.\n")
    before = _check(page, cwd=tmp_path, cache=cache)
    assert before.returncode == 0 and _codes(before) == [], before.stdout + before.stderr
    pack.write_text(SUBSTANCE_PACK.format(name="zorblax"), encoding="utf-8")
    after = _check(page, cwd=tmp_path, cache=cache)
    assert after.returncode == 1 and _codes(after) == ["HC101"], after.stdout + after.stderr


def test_a_damaged_cache_is_ignored(warmed, tmp_path):
    page, built, _, filled = warmed
    cache = _copy(filled, tmp_path / "cache")
    originals = {path: path.read_bytes() for path in sorted(cache.rglob("*.pickle"))}
    assert len(originals) >= 4
    paths = list(originals)
    for number, path in enumerate(paths):
        data = originals[path]
        # Cut short, one bit flipped in the middle, or a sound file of another key under its name.
        damaged = (data[: len(data) // 2], data[:100] + bytes([data[100] ^ 1]) + data[101:], originals[paths[number - 1]])
        path.write_bytes(damaged[number % 3])
    again = _check(page, cwd=page.parent, cache=cache)
    assert again.stdout == built.stdout and again.returncode == built.returncode and again.stderr == ""


def test_an_unwritable_cache_is_ignored(warmed, tmp_path):
    page, built, _, _ = warmed
    blocked = write(tmp_path, "cache", "a file where the cache folder would be\n")
    result = _check(page, cwd=page.parent, cache=blocked)
    assert result.stdout == built.stdout and result.returncode == built.returncode and result.stderr == ""
    assert blocked.read_text() == "a file where the cache folder would be\n"


def test_nothing_is_written_outside_the_cache(tmp_path):
    """A first run, which fills the cache, with a user pack and a config of its own."""
    work, home, cache = tmp_path / "work", tmp_path / "home", tmp_path / "cache"
    home.mkdir()
    write(work, "claimlint.toml", 'rule-packs = ["brand.yaml"]\n')
    write(work, "brand.yaml", SUBSTANCE_PACK.format(name="zorblax"))
    page = write(work, "page.txt", COPY)
    before = _files(work), _files(home)
    result = _check(page, cwd=work, cache=cache, home=home)
    assert result.returncode == 1 and result.stderr == ""
    assert (_files(work), _files(home)) == before
    assert _files(cache)
