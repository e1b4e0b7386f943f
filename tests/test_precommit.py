"""The pre-commit hook, end to end with the real pre-commit: it installs claimlint from a
copy of this repository into its own environment (from the package index) and runs it
on a repository of copy. Slow: run with ``pytest -m slow tests/test_precommit.py``."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli_helpers import COMPLIANT, ROOT, STRENGTHENED, readme_section

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed (pip install pre-commit)"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

GIT = ["git", "-c", "user.name=claimlint tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false"]


def git(cwd: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def snippet_config() -> tuple[str, str, str]:
    """The .pre-commit-config.yaml snippet of the README, with its repo and rev."""
    block = re.search(r"```yaml\n(.*?)```", readme_section("Use with pre-commit"), re.S).group(1)
    repo = re.search(r"repo: (\S+)", block).group(1)
    rev = re.search(r"rev: (\S+)", block).group(1)
    return block, repo, rev


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    """A committed copy of this repository (tagged with the README's rev), a repository of
    copy, and a pre-commit home of their own."""
    base = tmp_path_factory.mktemp("precommit")
    hooks = base / "claimlint"
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (hooks / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, hooks / name)
    git(hooks, "init", "-q")
    git(hooks, "add", "-A")
    git(hooks, "commit", "-q", "-m", "claimlint")
    git(hooks, "tag", snippet_config()[2])

    site = base / "site"
    site.mkdir()
    git(site, "init", "-q")
    (site / "bad.md").write_text(f"# Vitamin C\n\n{STRENGTHENED}\n", encoding="utf-8")
    (site / "good.md").write_text(f"# Vitamin C\n\n{COMPLIANT}\n", encoding="utf-8")
    git(site, "add", "-A")
    environ = {**os.environ, "PRE_COMMIT_HOME": str(base / "cache"), "PRE_COMMIT_COLOR": "never"}
    environ.pop("PYTHONPATH", None)  # the hook must run the claimlint it installed
    return hooks, site, environ


def pre_commit(env, *args: str) -> subprocess.CompletedProcess:
    _, site, environ = env
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=site, env=environ, capture_output=True, text=True, timeout=1800,
    )


def test_try_repo_flags_the_violating_file_only(env):
    hooks = env[0]
    both = pre_commit(env, "try-repo", str(hooks), "claimlint", "--files", "bad.md", "good.md")
    assert both.returncode == 1, both.stdout + both.stderr
    assert "bad.md:3:11: HC103" in both.stdout
    assert "good.md" not in both.stdout
    clean = pre_commit(env, "try-repo", str(hooks), "claimlint", "--files", "good.md")
    assert clean.returncode == 0, clean.stdout + clean.stderr


def test_the_readme_snippet_runs_on_all_files(env):
    hooks, site, _ = env
    block, repo, _ = snippet_config()
    (site / ".pre-commit-config.yaml").write_text(block.replace(repo, str(hooks)), encoding="utf-8")
    git(site, "add", ".pre-commit-config.yaml")  # pre-commit refuses an unstaged config
    result = pre_commit(env, "run", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "bad.md:3:11: HC103" in result.stdout
    assert "good.md" not in result.stdout
