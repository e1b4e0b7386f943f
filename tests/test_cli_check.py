"""`claimlint check` as a user runs it: exit codes, discovery, selection, output, jobs, rules."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from cli_helpers import (
    COMPLIANT, ROOT, STRENGTHENED, UNAUTHORISED, claimlint, claimlint_process, findings, one_line_error, readme_section,
    write,
)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder of copy, made the working directory: one violating page, one compliant."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "bad.md", f"# Vitamin C\n\n{STRENGTHENED}\n\n{UNAUTHORISED}\n")
    write(tmp_path, "good.md", f"# Vitamin C\n\n{COMPLIANT}\n")
    return tmp_path


# -- exit codes -------------------------------------------------------------------------

def test_findings_exit_1_and_clean_copy_exits_0(project):
    bad = claimlint("check", "--format", "concise", "bad.md")
    assert bad.exit_code == 1
    assert findings(bad) == [("bad.md", "HC103"), ("bad.md", "HC101")]
    good = claimlint("check", "good.md")
    assert good.exit_code == 0
    assert "All checks passed (1 file)." in good.stdout


@pytest.mark.parametrize(("fail_on", "expected"), [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_errors(project, fail_on, expected):
    assert claimlint("check", "--fail-on", fail_on, "bad.md").exit_code == expected


def test_fail_on_error_lets_a_warning_pass(project):
    write(project, "stale.md", f"<!-- claimlint-disable-next-line HC101 -- approved by legal -->\n{COMPLIANT}\n")  # CL901 is a warning
    assert claimlint("check", "stale.md").exit_code == 1
    assert claimlint("check", "--fail-on", "error", "stale.md").exit_code == 0


def test_unreadable_input_exits_2_after_linting_the_rest(project):
    (project / "binary.md").write_bytes(b"\x00\x01\x02 not text")
    result = claimlint("check", "--format", "concise", "bad.md", "binary.md", "missing.md")
    assert result.exit_code == 2
    assert ("bad.md", "HC103") in findings(result)
    assert ("binary.md", "CL902") in findings(result)
    assert ("missing.md", "CL902") in findings(result)
    assert result.stderr.splitlines() == [
        "claimlint: binary.md: binary file, not text",
        "claimlint: missing.md: no such file or directory",
    ]


def test_usage_errors_are_one_line(project):
    one_line_error(claimlint("check"), "no paths given")
    one_line_error(claimlint("check", "--select", "XX999", "bad.md"), "--select", "XX999")
    one_line_error(claimlint("check", "--ignore", "HC-101", "bad.md"), "--ignore", "HC-101")
    one_line_error(claimlint("check", "--config", "nowhere.toml", "bad.md"), "nowhere.toml")


def test_real_process_exit_codes(project):
    assert claimlint_process("check", "bad.md", cwd=project).returncode == 1
    done = claimlint_process("check", "good.md", cwd=project)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


# -- what is linted ------------------------------------------------------------------------

def test_directories_are_walked_skipping_default_excludes(project):
    write(project, "node_modules/pkg/README.md", STRENGTHENED)
    write(project, "dist/index.html", f"<p>{STRENGTHENED}</p>")
    write(project, "notes.rst", STRENGTHENED)
    write(project, "docs/page.html", f"<p>{STRENGTHENED}</p>")
    result = claimlint("check", "--format", "concise", "--select", "HC103", ".")
    assert sorted({path for path, _ in findings(result)}) == ["bad.md", "docs/page.html"]


def test_exclude_and_extend_exclude(project):
    write(project, "drafts/new.md", STRENGTHENED)
    write(project, "node_modules/x.md", STRENGTHENED)
    paths = lambda *opts: {p for p, _ in findings(claimlint("check", "--format", "concise", *opts, "."))}  # noqa: E731
    assert paths("--extend-exclude", "drafts") == {"bad.md"}
    assert paths("--exclude", "drafts/*.md") == {"bad.md", "node_modules/x.md"}  # replaces the defaults


def test_explicit_paths_are_linted_unless_force_exclude(project):
    write(project, "drafts/new.md", STRENGTHENED)
    assert claimlint("check", "--extend-exclude", "drafts", "drafts/new.md").exit_code == 1
    forced = claimlint("check", "--extend-exclude", "drafts", "--force-exclude", "drafts/new.md", "good.md")
    assert forced.exit_code == 0
    assert "(1 file)" in forced.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_gitignored_files_are_skipped_when_walking(project):
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    write(project, ".gitignore", "generated/\n")
    write(project, "generated/page.md", STRENGTHENED)
    result = claimlint("check", "--format", "concise", ".")
    assert {p for p, _ in findings(result)} == {"bad.md"}


def test_outside_a_git_work_tree_nothing_is_gitignored(project):
    write(project, ".gitignore", "generated/\n")
    write(project, "generated/page.md", STRENGTHENED)
    result = claimlint("check", "--format", "concise", ".")
    assert "generated/page.md" in {p for p, _ in findings(result)}


def test_paths_are_shown_relative_to_the_working_directory(project):
    result = claimlint("check", "--format", "concise", str(project / "bad.md"), "./bad.md")
    assert [p for p, _ in findings(result)] == ["bad.md"] * 4


def test_stdin_with_a_filename(project):
    result = claimlint("check", "--format", "concise", "--stdin-filename", "page.md", "-", input=STRENGTHENED + "\n")
    assert result.exit_code == 1
    assert findings(result) == [("page.md", "HC103")]


# -- selection -----------------------------------------------------------------------------

@pytest.mark.parametrize(("options", "expected"), [
    ((), ["HC103", "HC101"]),
    (("--select", "HC103"), ["HC103"]),
    (("--select", "HC1"), ["HC103", "HC101"]),
    (("--ignore", "HC"), []),
    (("--select", "HC101", "--ignore", "HC"), ["HC101"]),  # the more specific selector wins
    (("--select", "HC", "--ignore", "HC101"), ["HC103"]),
    (("--select", "HC103", "--extend-select", "HC101"), ["HC103", "HC101"]),
    (("--select", "ALL", "--ignore", "HC103,HC101"), []),
    (("--select", "hc103"), ["HC103"]),  # codes in either case, as `claimlint rule hc103` takes them
    (("--select", "all", "--ignore", "hc1"), []),
])
def test_select_ignore_prefixes(project, options, expected):
    result = claimlint("check", "--format", "concise", *options, "bad.md")
    assert [code for _, code in findings(result)] == expected


# -- output --------------------------------------------------------------------------------

def test_output_file_takes_the_report(project):
    result = claimlint("check", "--format", "json", "--output-file", "report.json", "bad.md")
    assert result.exit_code == 1
    assert result.stdout == "" and result.stderr == ""
    report = json.loads((project / "report.json").read_text(encoding="utf-8"))
    assert [d["code"] for d in report["diagnostics"]] == ["HC103", "HC101"]


def test_output_file_in_a_missing_folder_is_created(project):
    result = claimlint("check", "--format", "sarif", "--output-file", "reports/claims/claimlint.sarif", "bad.md")
    assert result.exit_code == 1 and result.stderr == ""
    sarif = json.loads((project / "reports/claims/claimlint.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["HC103", "HC101"]


def test_no_color_environment_variable_turns_colour_off(project):
    """On a real terminal the text report is coloured, unless NO_COLOR has a value
    (https://no-color.org) or --no-color is given."""
    import os
    import pty

    def on_a_terminal(*args: str, **env: str) -> str:
        controller, terminal = pty.openpty()
        environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | env
        environment["PYTHONPATH"] = str(ROOT / "src")
        with subprocess.Popen([sys.executable, "-m", "claimlint", "check", *args, "bad.md"], cwd=project, env=environment,
                              stdout=terminal, stderr=subprocess.DEVNULL) as process:
            os.close(terminal)
            output = b""
            while True:
                try:
                    chunk = os.read(controller, 65536)
                except OSError:  # the terminal closed: the process is done
                    break
                if not chunk:
                    break
                output += chunk
        os.close(controller)
        assert process.returncode == 1
        assert b"HC103" in output
        return output.decode("utf-8")

    assert "\x1b[" in on_a_terminal()
    assert "\x1b[" not in on_a_terminal(NO_COLOR="1")
    assert "\x1b[" not in on_a_terminal(NO_COLOR="yes")
    assert "\x1b[" not in on_a_terminal("--no-color")
    assert "\x1b[" in on_a_terminal(NO_COLOR="")  # an empty value does not count


def test_quiet_and_statistics(project):
    quiet = claimlint("check", "--quiet", "bad.md")
    assert "HC103" in quiet.stdout and "Found" not in quiet.stdout
    stats = claimlint("check", "--format", "concise", "--statistics", "bad.md", "bad.md")
    assert re.search(r"^\s+2\s+HC101\s+unauthorised-health-claim$", stats.stdout, re.M)
    assert re.search(r"^\s+2\s+HC103\s+strengthened-claim$", stats.stdout, re.M)


def test_jobs_output_is_identical_to_one_job(project):
    for n in range(6):
        write(project, f"pages/p{n}.md", f"# Page {n}\n\n{COMPLIANT}\n\n{STRENGTHENED if n % 2 else UNAUTHORISED}\n")
    (project / "pages/broken.md").write_bytes(b"\xff\xfe bad")
    one = claimlint_process("check", "--format", "json", "--jobs", "1", ".", cwd=project)
    two = claimlint_process("check", "--format", "json", "--jobs", "2", ".", cwd=project)
    assert one.returncode == two.returncode == 2
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert len(json.loads(one.stdout)["diagnostics"]) == 9


def test_jobs_0_means_one_per_cpu(project):
    assert claimlint("check", "--jobs", "0", "bad.md").exit_code == 1
    negative = claimlint("check", "--jobs", "-1", "bad.md")
    assert negative.exit_code == 2 and "--jobs" in negative.stderr


# -- rule and rules ------------------------------------------------------------------------

def test_rule_explains_a_rule():
    result = claimlint("rule", "hc101")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("HC101 unauthorised-health-claim (error)")
    assert "Legal basis: Regulation (EC) No 1924/2006" in out
    assert "Flagged:\n  - Magnesium supports collagen production.\n    marks “supports collagen production”" in out
    assert "Allowed:\n  - Magnesium contributes to normal muscle function." in out
    data = json.loads(claimlint("rule", "CL901", "--format", "json").stdout)
    assert data["severity"] == "warning"
    assert data["examples"]["fail"][0].startswith("<!-- claimlint-disable-next-line HC101 ")


def test_rules_lists_every_code():
    text = claimlint("rules").stdout
    assert re.search(r"^HC103\s+error\s+strengthened-claim$", text, re.M)
    assert re.search(r"^CL901\s+warning\s+unused-suppression$", text, re.M)
    listed = json.loads(claimlint("rules", "--format", "json").stdout)
    codes = [r["code"] for r in listed]
    assert codes == sorted(codes) and {"HC101", "CL901", "CL902"} <= set(codes)
    assert all(set(r) == {"code", "name", "severity"} for r in listed)


def test_unknown_rule_is_a_one_line_error():
    one_line_error(claimlint("rule", "XX999"), "unknown rule code 'XX999'")


# -- the README snippets -------------------------------------------------------------------

def _snippets(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", readme_section("Use in CI"), re.S)


def test_readme_ci_commands_work_as_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    write(tmp_path, "content/bad.md", STRENGTHENED + "\n")
    git = ["git", "-c", "user.name=Copy Desk", "-c", "user.email=desk@example.org"]
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "old copy"], ["update-ref", "refs/remotes/origin/main", "HEAD"]):
        subprocess.run([*git, *command], check=True, capture_output=True)
    write(tmp_path, "content/good.md", COMPLIANT + "\n")
    write(tmp_path, "content/new.md", UNAUTHORISED + "\n")
    commands = [line for block in _snippets("sh") for line in block.splitlines() if line.startswith("claimlint ")]
    assert len(commands) == 5
    sarif, github, write_baseline, use_baseline, changed = [claimlint(*command.split()[1:]) for command in commands]
    assert changed.exit_code == 1 and "content/new.md:1:11: HC101" in changed.stdout
    assert "content/bad.md" not in changed.stdout  # committed on origin/main: not this change's to answer for
    assert sarif.exit_code == 1 and sarif.stdout == ""
    assert json.loads((tmp_path / "claimlint.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert github.exit_code == 1 and github.stdout.startswith("::error file=content/bad.md,")
    assert write_baseline.exit_code == 0 and (tmp_path / "claimlint-baseline.json").is_file()
    assert use_baseline.exit_code == 0, use_baseline.stdout


def test_server_without_its_extra_is_a_one_line_error(monkeypatch):
    monkeypatch.delitem(sys.modules, "claimlint.language_server", raising=False)
    monkeypatch.setitem(sys.modules, "pygls.lsp.server", None)  # as if pygls were not installed
    one_line_error(claimlint("server"), "pip install 'claimlint-eu[server]'")


def test_a_txt_heading_does_not_run_into_the_finding_below_it(project):
    """The finding on the line under a heading marks that line's sentence only."""
    write(project, "page.txt", f"Who we are\n{STRENGTHENED}\n\nWHY IT WORKS\n{STRENGTHENED[0].lower()}{STRENGTHENED[1:]}\n")
    result = claimlint("check", "--format", "json", "page.txt")
    assert result.exit_code == 1
    spans = [(d["line"], d["end_line"], d["excerpt"]) for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "HC103"]
    assert spans == [(2, 2, STRENGTHENED), (5, 5, STRENGTHENED[0].lower() + STRENGTHENED[1:])]
