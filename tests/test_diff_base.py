"""``--diff-base``: only findings on lines changed since a revision, in a real git repository."""

from __future__ import annotations

import os
import subprocess

import pytest

from cli_helpers import COMPLIANT, STRENGTHENED, UNAUTHORISED, claimlint, findings, one_line_error, write

GIT_ENV = {"GIT_AUTHOR_NAME": "Copy Desk", "GIT_AUTHOR_EMAIL": "desk@example.org",
           "GIT_COMMITTER_NAME": "Copy Desk", "GIT_COMMITTER_EMAIL": "desk@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(root, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, env={**os.environ, **GIT_ENV}, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """Old copy with findings committed as 'base', then a commit and uncommitted edits on top."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    git(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path, "pages/old.md", f"# Old page\n\n{UNAUTHORISED}\n\n{COMPLIANT}\n")
    write(tmp_path, "pages/untouched.md", f"{STRENGTHENED}\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "old copy")
    git(tmp_path, "tag", "base")
    # Committed after base: a new claim at the end of the old page.
    write(tmp_path, "pages/old.md", f"# Old page\n\n{UNAUTHORISED}\n\n{COMPLIANT}\n\n{STRENGTHENED}\n")
    git(tmp_path, "commit", "-q", "-am", "a new claim")
    # Not committed: a staged new page and one git does not know yet.
    write(tmp_path, "pages/staged.md", f"{COMPLIANT}\n\n{UNAUTHORISED}\n")
    git(tmp_path, "add", "pages/staged.md")
    write(tmp_path, "pages/draft.md", f"{UNAUTHORISED}\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lines_reported(result) -> list[str]:
    return [line.split(": ", 1)[0] for line in result.stdout.splitlines()]


def test_without_diff_base_everything_is_reported(repo):
    result = claimlint("check", "--format", "concise", "pages")
    assert lines_reported(result) == ["pages/draft.md:1:11", "pages/old.md:3:11", "pages/old.md:7:11",
                                      "pages/staged.md:3:11", "pages/untouched.md:1:11"]


def test_only_lines_changed_since_the_revision(repo):
    result = claimlint("check", "--format", "concise", "--diff-base", "base", "pages")
    assert result.exit_code == 1
    # The old claim on line 3 and the untouched page are history; new and staged files count throughout.
    assert lines_reported(result) == ["pages/draft.md:1:11", "pages/old.md:7:11", "pages/staged.md:3:11"]
    assert findings(result) == [("pages/draft.md", "HC101"), ("pages/old.md", "HC103"), ("pages/staged.md", "HC101")]


def test_uncommitted_edit_of_an_old_line_counts(repo):
    write(repo, "pages/untouched.md", f"{STRENGTHENED} Really.\n")
    result = claimlint("check", "--format", "concise", "--diff-base", "HEAD", "pages/untouched.md", "pages/old.md")
    assert lines_reported(result) == ["pages/untouched.md:1:11"]


def test_nothing_changed_passes(repo):
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "all of it")
    result = claimlint("check", "--diff-base", "HEAD", "pages")
    assert result.exit_code == 0, result.output
    assert "All checks passed (4 files)." in result.stdout


def test_unknown_revision_is_a_one_line_error(repo):
    one_line_error(claimlint("check", "--diff-base", "no-such-tag", "pages"), "--diff-base", "no-such-tag")


def test_outside_a_repository_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "page.md", f"{UNAUTHORISED}\n")
    one_line_error(claimlint("check", "--diff-base", "main", "page.md"), "--diff-base", "not in a git repository")
