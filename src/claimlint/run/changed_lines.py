"""``--diff-base REF``: the lines of each file changed since a git revision.

A pull request on a repository of old copy should answer for what it changes, not for
every claim written years ago. The working tree is compared with REF (``git diff
--unified=0``), so uncommitted edits count; a file added since REF, or not yet known to
git, counts as changed throughout.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from claimlint.findings import Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
EVERY_LINE = None  # a file changed throughout


class DiffError(Exception):
    """Not in a git repository, or REF names no commit: a usage error."""


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, encoding="utf-8",
                              errors="surrogateescape", check=False)
    except OSError as exc:
        raise DiffError(f"--diff-base needs git: {exc.strerror or exc}") from None
    if done.returncode != 0:
        raise DiffError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"git {args[0]} failed")
    return done.stdout


def _unquote(path: str) -> str:
    """A path as git prints it: C-quoted when it holds unusual characters."""
    if not path.startswith('"'):
        return path
    raw = path[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1").decode("utf-8", "surrogateescape")


class ChangedLines:
    """The changed lines of every file under the repository holding ``where``."""

    def __init__(self, base: str, where: Path) -> None:
        try:
            top = _git(where, "rev-parse", "--show-toplevel").strip()
        except DiffError:
            raise DiffError(f"--diff-base: {where} is not in a git repository") from None
        self.root = Path(top).resolve()
        try:
            _git(self.root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
        except DiffError:
            raise DiffError(f"--diff-base: unknown revision {base!r}") from None
        self.lines: dict[Path, set[int] | None] = {}
        diff = _git(self.root, "-c", "core.quotePath=true", "diff", "--unified=0", "--no-color", "--no-ext-diff",
                    "--find-renames", "--src-prefix=a/", "--dst-prefix=b/", "--no-relative", base, "--")
        current: set[int] | None = None
        for line in diff.splitlines():
            if line.startswith("+++ "):
                target = line[4:]
                current = None if target == "/dev/null" else self.lines.setdefault(self.root / _unquote(target)[2:], set())
            elif line.startswith("@@") and current is not None:
                match = _HUNK.match(line)
                if match:
                    start, count = int(match.group(1)), int(match.group(2) or 1)
                    current.update(range(start, start + count))
        untracked = _git(self.root, "ls-files", "--others", "--exclude-standard", "-z")
        for name in filter(None, untracked.split("\0")):
            self.lines[self.root / name] = EVERY_LINE

    def changed(self, finding: Finding) -> bool:
        """Whether any line of the finding changed (a file outside the repository, or
        standard input, has no history to compare with: everything in it is new)."""
        path = Path(finding.path).resolve()
        if path not in self.lines:
            return not path.is_relative_to(self.root) or finding.path == "-"
        lines = self.lines[path]
        return lines is EVERY_LINE or any(n in lines for n in range(finding.line, finding.end_line + 1))
