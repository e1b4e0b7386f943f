"""A run over bad input: every good file is linted, each bad one is reported in one line
(CL902), the exit code is 2, there is no traceback, and nothing is written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cli_helpers import STRENGTHENED, claimlint, claimlint_process, findings, write

BIG = "Store in a cool, dry place and keep the lid closed after use. "


@pytest.mark.slow
def test_bad_input_directory(tmp_path):
    copy = tmp_path / "copy"
    write(copy, "good.md", f"# Vitamin C\n\n{STRENGTHENED}\n")
    (copy / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (copy / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    write(copy, "empty.md", "")
    write(copy, "broken.md", "---\ntitle: [unclosed\n---\nVitamin C boosts immunity.\n")
    write(copy, "big.txt", (BIG * (10_000_000 // len(BIG) + 1))[:10_000_000])
    before = sorted(os.listdir(copy))

    result = claimlint_process("check", "--format", "concise", "copy", "missing.md", cwd=tmp_path)

    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 4, errors
    assert all(line.startswith("claimlint: ") for line in errors)
    for name in ("copy/binary.md", "copy/latin1.txt", "copy/broken.md:", "missing.md"):
        assert any(name in line for line in errors), name
    lines = result.stdout.splitlines()
    assert any(line.startswith("copy/good.md:3:11: HC103") for line in lines), lines
    assert sum(" CL902 " in line for line in lines) == 4
    assert not any(line.startswith(("copy/empty.md", "copy/big.txt")) for line in lines)
    assert sorted(os.listdir(copy)) == before


# -- inputs that cannot be read, made so without file modes (the suite may run as root) ----

@pytest.fixture
def copy(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "copy/good.md", f"{STRENGTHENED}\n")
    write(tmp_path, "copy/locked/page.md", f"{STRENGTHENED}\n")
    write(tmp_path, "copy/shut/page.md", f"{STRENGTHENED}\n")
    write(tmp_path, "copy/zz.md", f"{STRENGTHENED}\n")
    return tmp_path


def _refuse(monkeypatch, module, name: str, refused: str) -> None:
    """Make ``module.name(path, ...)`` fail with "Permission denied" for ``refused`` and the
    paths below it, or only those below it when it ends in "/"."""
    real = getattr(module, name)
    top = os.path.abspath(refused)

    def guarded(path, *args, **kwargs):
        at = os.path.abspath(os.fspath(path))
        if at.startswith(top + os.sep) or (at == top and not refused.endswith("/")):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(module, name, guarded)


def test_unreadable_folders_met_in_a_walk_are_cl902_and_the_rest_is_linted(copy, monkeypatch):
    # "locked" cannot be listed (as without read permission); in "shut" the names can be
    # listed but nothing can be looked at or opened (as without search permission).
    _refuse(monkeypatch, os, "scandir", "copy/locked")
    _refuse(monkeypatch, os, "stat", "copy/shut/")
    result = claimlint("check", "--format", "concise", "copy")
    assert result.exit_code == 2
    assert findings(result) == [
        ("copy/good.md", "HC103"),
        ("copy/zz.md", "HC103"),  # a folder's files, then its subfolders
        ("copy/locked", "CL902"),
        ("copy/shut/page.md", "CL902"),
    ]
    assert result.stderr.splitlines() == [
        "claimlint: copy/locked: cannot read: Permission denied",
        "claimlint: copy/shut/page.md: cannot read: Permission denied",
    ]


def test_an_unreadable_file_on_the_command_line_is_cl902_not_the_end_of_the_run(copy, monkeypatch):
    _refuse(monkeypatch, os, "access", "copy/zz.md")  # what a readability check before the run would see
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: _denied(p) if p.name == "zz.md" else real_read(p))
    result = claimlint("check", "--format", "concise", "copy/zz.md", "copy/good.md", "copy/shut/page.md")
    assert result.exit_code == 2
    assert findings(result) == [("copy/zz.md", "CL902"), ("copy/good.md", "HC103"), ("copy/shut/page.md", "HC103")]
    assert result.stderr == "claimlint: copy/zz.md: cannot read: Permission denied\n"


def test_a_file_in_a_folder_that_cannot_be_looked_at_named_on_the_command_line(copy, monkeypatch):
    _refuse(monkeypatch, os, "stat", "copy/shut/")
    result = claimlint("check", "--format", "concise", "--force-exclude", "copy/shut/page.md", "copy/good.md")
    assert result.exit_code == 2
    assert findings(result) == [("copy/shut/page.md", "CL902"), ("copy/good.md", "HC103")]
    assert "Traceback" not in result.output


def test_a_fifo_and_a_dangling_link_are_cl902(copy):
    os.mkfifo(copy / "copy/pipe.md")
    os.symlink(copy / "copy/gone.md", copy / "copy/link.md")
    result = claimlint_process("check", "--format", "concise", "copy", cwd=copy)
    assert result.returncode == 2
    assert ("copy/pipe.md", "CL902") in findings(result)
    assert ("copy/link.md", "CL902") in findings(result)
    assert ("copy/good.md", "HC103") in findings(result)


def _denied(path):
    raise PermissionError(13, "Permission denied", str(path))
