"""Running claimlint as a user would, for the command-line tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result

from claimlint.cli import main

ROOT = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"

# Sentences the engine flags today, and one it must let pass.
STRENGTHENED = "Vitamin C boosts your immune system."  # HC103
UNAUTHORISED = "Magnesium supports collagen production."  # HC101
COMPLIANT = "Vitamin C contributes to the normal function of the immune system."


def claimlint(*args: object, input: str | None = None) -> Result:
    """Run the command in this process (it builds its engine once per process)."""
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def claimlint_process(*args: object, cwd: Path) -> subprocess.CompletedProcess:
    """Run the command in a fresh process, exactly as from a shell."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    return subprocess.run(
        [sys.executable, "-m", "claimlint", *map(str, args)],
        cwd=cwd, env=env, capture_output=True, text=True, check=False,
    )


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def findings(result: Result) -> list[tuple[str, str]]:
    """(path, code) of each line of ``--format concise`` output."""
    out = []
    for line in result.stdout.splitlines():
        where, rest = line.split(": ", 1)
        out.append((where.rsplit(":", 2)[0], rest.split()[0]))
    return out


def one_line_error(result: Result, *needles: str) -> None:
    """A user error: exit 2, one line on stderr naming what is wrong, no traceback."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0], lines[0]


def readme_section(title: str) -> str:
    """One "## title" section of the README, whose snippets the tests run as written."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else len(text)]


def validate_sarif(log: dict) -> None:
    """Validate a SARIF log against the official SARIF 2.1.0 schema."""
    import jsonschema
    import pytest

    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the SARIF 2.1.0 schema is not at {SARIF_SCHEMA}")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(log)
