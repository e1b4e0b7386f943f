"""The GitHub Action (action.yml): each of its shell steps run with bash, with the
environment a workflow gives it for a set of inputs, on a checkout with copy in it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from cli_helpers import COMPLIANT, ROOT, STRENGTHENED, UNAUTHORISED, validate_sarif, write

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps run in bash")

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
INPUT = re.compile(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")


def step(name: str) -> dict:
    return next(s for s in ACTION["runs"]["steps"] if s.get("name") == name)


def run_step(name: str, inputs: dict[str, str], workspace: Path, bin_dir: Path) -> subprocess.CompletedProcess:
    """Run one step as the runner does: its ``env`` with the inputs (or their defaults)
    put in, GITHUB_ACTION_PATH at this checkout, ``bin_dir`` first on PATH."""
    given = {key: spec.get("default", "") for key, spec in ACTION["inputs"].items()} | inputs
    definition = step(name)
    env = {key: INPUT.sub(lambda m: given[m.group(1)], value) for key, value in definition.get("env", {}).items()}
    environment = {
        **{k: v for k, v in os.environ.items() if k not in ("PATHS", "ARGS", "SARIF", "SOURCE", "VERSION")},
        **env,
        "GITHUB_ACTION_PATH": str(ROOT),
        "GITHUB_WORKSPACE": str(workspace),
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT / "src"),
    }
    assert definition["shell"] == "bash"
    return subprocess.run(["bash", "-c", definition["run"]], cwd=workspace, env=environment,
                          capture_output=True, text=True, check=False)


@pytest.fixture
def installed(tmp_path) -> Path:
    """A bin folder as the install step leaves it: ``python`` and a ``claimlint`` command."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    # Wrappers rather than links: a link to a virtual environment's interpreter, moved out of
    # its bin folder, no longer finds the environment's packages.
    for name, run in (("python", ""), ("claimlint", " -m claimlint")):
        wrapper = bin_dir / name
        wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}"{run} "$@"\n', encoding="utf-8")
        wrapper.chmod(0o755)
    return bin_dir


@pytest.fixture
def workspace(tmp_path) -> Path:
    root = tmp_path / "repo"
    write(root, "content/good.md", f"{COMPLIANT}\n")
    write(root, "spring range/new page.md", f"{STRENGTHENED}\n")
    write(root, "autumn/page.md", f"{UNAUTHORISED}\n")
    return root


def sarif(workspace: Path, name: str = "claimlint.sarif") -> dict:
    log = json.loads((workspace / name).read_text(encoding="utf-8"))
    validate_sarif(log)
    return log


def linted(log: dict) -> list[tuple[str, str]]:
    return [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]) for r in log["runs"][0]["results"]]


def test_paths_with_spaces_and_quoted_args(workspace, installed):
    inputs = {"paths": 'content "spring range/new page.md"\nautumn', "args": "--fail-on error --ignore 'HC101'"}
    done = run_step("claimlint", inputs, workspace, installed)
    assert done.returncode == 1, done.stderr
    assert linted(sarif(workspace)) == [("spring%20range/new%20page.md", "HC103")]
    assert "spring range/new page.md:1:11: HC103" in done.stdout  # the second run, for the log
    assert "Found 1 finding" in done.stdout


def test_clean_copy_exits_0_with_an_empty_report(workspace, installed):
    done = run_step("claimlint", {"paths": "content", "sarif-file": "reports/claims.sarif"}, workspace, installed)
    assert done.returncode == 0, done.stderr
    assert linted(sarif(workspace, "reports/claims.sarif")) == []


def test_nothing_in_the_inputs_is_run(workspace, installed):
    done = run_step("claimlint", {"paths": "content $(touch ran) `touch ran`", "args": "--quiet;touch ran"}, workspace, installed)
    assert not (workspace / "ran").exists()
    assert done.returncode == 2  # "--quiet;touch" is no option of claimlint check
    notification = sarif(workspace)["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]
    assert "--quiet;touch" in notification["message"]["text"]


@pytest.mark.parametrize(("files", "inputs", "message"), [
    ({"pyproject.toml": "[tool.claimlint]\nfail_on = 'error'\n"}, {"paths": "content"}, "unknown key 'fail_on'"),
    ({}, {"paths": "content", "args": "--select XX999"}, "'XX999'"),
    ({}, {"paths": 'content "spring range'}, "paths input cannot be split"),
])
def test_an_error_leaves_a_sarif_report_with_the_error_and_exit_2(workspace, installed, files, inputs, message):
    for name, text in files.items():
        write(workspace, name, text)
    done = run_step("claimlint", inputs, workspace, installed)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    run = sarif(workspace)["runs"][0]
    assert run["results"] == [] and run["invocations"][0]["executionSuccessful"] is False
    assert message in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]


@pytest.fixture
def pip_recorder(tmp_path) -> Path:
    """A ``python`` that records the pip command it is given instead of installing."""
    bin_dir = tmp_path / "pip-bin"
    bin_dir.mkdir()
    python = bin_dir / "python"
    python.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{tmp_path}/pip-args"\n', encoding="utf-8")
    python.chmod(0o755)
    return bin_dir


@pytest.mark.parametrize(("inputs", "requirement"), [
    ({"version": "0.2.0"}, "claimlint-eu==0.2.0"),  # the distribution's name on PyPI, not "claimlint"
    ({"version": "0.2.0", "source": "git+https://example.org/claimlint.git@v0.2.0"}, "git+https://example.org/claimlint.git@v0.2.0"),
    ({}, str(ROOT)),  # the action's own checkout
])
def test_install_step_asks_pip_for_the_right_distribution(tmp_path, workspace, pip_recorder, inputs, requirement):
    done = run_step("Install claimlint", inputs, workspace, pip_recorder)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "pip-args").read_text(encoding="utf-8").splitlines() == [
        "-m", "pip", "install", "--disable-pip-version-check", requirement,
    ]
