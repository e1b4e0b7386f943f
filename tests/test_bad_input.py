"""A run over bad input: every good file is linted, each bad one is reported in one line
(CL902), the exit code is 2, there is no traceback, and nothing is written."""

from __future__ import annotations

import os

import pytest

from cli_helpers import STRENGTHENED, claimlint_process, write

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
