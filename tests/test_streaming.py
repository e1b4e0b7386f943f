"""A large file's findings are written part by part, as each part is judged, and the
report is byte for byte what the same findings give written whole, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import claimlint.engine as engine_module
from claimlint.formatters import FORMATS, writer
from claimlint.run.config import Config, Settings, absolute
from claimlint.run.runner import FileResult, run
from cli_helpers import COMPLIANT, STRENGTHENED, UNAUTHORISED, claimlint

PART = 600  # characters of a part in these tests


def _long_text(with_comments: bool) -> str:
    """About twenty parts of claims, some repeated word for word (fingerprints are then
    numbered across parts), and suppression comments used, unused and without a reason."""
    paragraphs = [f"{STRENGTHENED} {UNAUTHORISED} Store in a cool place, batch {n}. Our turmeric cures arthritis." for n in range(60)]
    paragraphs += [f"{COMPLIANT} {STRENGTHENED}"] * 20
    if with_comments:
        paragraphs.insert(3, "# claimlint-disable-next-line HC101 -- reviewed")
        paragraphs.insert(30, "# claimlint-disable MC201 -- a quoted trial")
        paragraphs.insert(70, "# claimlint-disable OS501")
    return "\n\n".join(paragraphs) + "\n"


def _joined(pieces: list[FileResult]) -> list[FileResult]:
    """The pieces of each file's result joined into one result, as a run gives it whole."""
    whole: list[FileResult] = []
    for piece in pieces:
        if whole and whole[-1].more:
            last = whole[-1]
            last.findings += piece.findings
            last.lines.update(piece.lines)
            last.claims += piece.claims
            last.more = piece.more
        else:
            whole.append(piece)
    return whole


def _report(name: str, results: list[FileResult], rules: dict, files: int = 3) -> str:
    out = writer(name, files, statistics=True, rules=rules)
    return "".join(out.write(r) for r in results) + "".join(out.close())


@pytest.mark.parametrize("with_comments", [False, True], ids=["plain", "suppression-comments"])
def test_every_format_writes_the_pieces_of_a_long_file_as_it_writes_the_whole(engine, tmp_path, monkeypatch, with_comments):
    monkeypatch.setattr(engine_module, "MAX_PART", PART)
    long_file = tmp_path / "long.txt"
    long_file.write_text(_long_text(with_comments), encoding="utf-8")
    short_file = tmp_path / "short.txt"
    short_file.write_text(f"{STRENGTHENED}\n", encoding="utf-8")
    settings = Settings(Config(root=absolute(tmp_path)), None)
    items = [(str(p), settings.for_file(str(p), engine.knowledge.rules)) for p in (long_file, short_file, long_file)]
    whole = list(run(engine, items))
    pieces = list(run(engine, items, in_pieces=True))
    assert len(whole) == 3 and len(pieces) > 10
    assert [p.more for p in pieces].count(False) == 3
    if not with_comments:  # each part's findings go out with it
        assert sum(1 for p in pieces if p.findings) > 10
    assert [[f.to_dict() for f in r.findings] for r in _joined(pieces)] == [[f.to_dict() for f in r.findings] for r in whole]
    codes = {f.code for r in whole for f in r.findings}
    assert {"HC103", "HC101", "MC201"} <= codes
    assert ("CL901" in codes) is with_comments
    for name in FORMATS:
        fresh = list(run(engine, items))  # formats may take over a result's lists
        assert _report(name, list(run(engine, items, in_pieces=True)), engine.knowledge.rules) == _report(name, fresh, engine.knowledge.rules), name


def test_a_long_file_is_written_before_it_is_judged_to_its_end(engine, tmp_path, monkeypatch):
    """The first findings are handed on while most of the file is still to be judged,
    so they are not all held until the file's report is written."""
    monkeypatch.setattr(engine_module, "MAX_PART", PART)
    path = tmp_path / "long.txt"
    path.write_text(_long_text(with_comments=False), encoding="utf-8")
    judged = []
    original = engine_module.Engine._judge
    monkeypatch.setattr(engine_module.Engine, "_judge", lambda self, ctx: judged.append(1) or original(self, ctx))
    settings = Settings(Config(root=absolute(tmp_path)), None).for_file(str(path), engine.knowledge.rules)
    pieces = run(engine, [(str(path), settings)], in_pieces=True)
    first = next(p for p in pieces if p.findings)
    assert first.more and first.findings[0].line == 1
    at_first = len(judged)
    rest = list(pieces)
    assert at_first <= 2 < len(judged)
    assert len(rest) > 10


@pytest.mark.parametrize("name", ["json", "sarif", "gitlab"])
def test_json_formats_written_in_pieces_are_what_json_writes_whole(tmp_path, monkeypatch, name):
    monkeypatch.setattr(engine_module, "MAX_PART", PART)
    (tmp_path / "long.txt").write_text(_long_text(with_comments=True), encoding="utf-8")
    (tmp_path / "clean.txt").write_text(f"{COMPLIANT}\n", encoding="utf-8")
    result = claimlint("check", "--format", name, tmp_path / "clean.txt", tmp_path / "long.txt")
    assert result.exit_code == 1
    value = json.loads(result.output)
    assert result.output == json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    if name == "json":
        assert value["summary"]["files"] == 2 and value["summary"]["findings"] == len(value["diagnostics"]) > 100
        assert len(value["claims"]) > 50


def test_empty_json_reports_are_what_json_writes_whole(tmp_path):
    (tmp_path / "clean.txt").write_text(f"{COMPLIANT}\n", encoding="utf-8")
    for name in ("json", "sarif", "gitlab"):
        result = claimlint("check", "--format", name, tmp_path / "clean.txt")
        assert result.exit_code == 0
        value = json.loads(result.output)
        assert result.output == json.dumps(value, indent=2, ensure_ascii=False) + "\n"
        assert value in ([],) or value.get("diagnostics", value.get("runs", [{}])[0].get("results")) == []


def test_a_baseline_numbers_repeated_findings_across_the_pieces_of_a_file(tmp_path, monkeypatch):
    monkeypatch.setattr(engine_module, "MAX_PART", PART)
    path = tmp_path / "long.txt"
    path.write_text(_long_text(with_comments=False), encoding="utf-8")
    recorded = tmp_path / "baseline.json"
    assert claimlint("check", "--write-baseline", recorded, path).exit_code == 0
    keys = [e["fingerprint"] for e in json.loads(recorded.read_text(encoding="utf-8"))["findings"]]
    assert len(keys) == len(set(keys)) > 100
    assert any(key.endswith("-79") for key in keys)  # the sentence repeated in eighty paragraphs
    result = claimlint("check", "--baseline", recorded, path)
    assert result.exit_code == 0 and "No new findings" in result.output
