"""Suppression comments: each kind, what they cover, and CL901 for the ones that cover nothing."""

from __future__ import annotations

import pytest

from cli_helpers import COMPLIANT, STRENGTHENED, UNAUTHORISED, claimlint, findings, write
from claimlint.document import Directive, Document
from claimlint.findings import Finding
from claimlint.run.suppressions import apply


def finding(code: str, line: int) -> Finding:
    return Finding(code=code, name="n", severity="error", message="m", path="p", line=line, column=1, end_line=line, end_column=2)


def directive(action: str, line: int, *codes: str, end_line: int | None = None) -> Directive:
    return Directive(action=action, codes=codes, line=line, end_line=end_line or line, column=1)


def document(lines: int, *directives: Directive, blank: tuple[int, ...] = ()) -> Document:
    text = "\n".join("" if n in blank else f"line {n}" for n in range(1, lines + 1)) + "\n"
    return Document(path="p", source=text, directives=list(directives))


def kept(doc: Document, *found: Finding) -> list[tuple[str, int]]:
    return [(f.code, f.line) for f in apply(doc, list(found))[0]]


# -- the logic, on a document built by hand ---------------------------------------------------

def test_next_line_skips_blank_lines_and_ends_there():
    doc = document(6, directive("disable-next-line", 1, "HC101", end_line=2), blank=(3, 4))
    assert kept(doc, finding("HC101", 5), finding("HC101", 6), finding("HC103", 5)) == [("HC101", 6), ("HC103", 5)]
    assert apply(doc, [finding("HC101", 6)])[1] == [(doc.directives[0], ("HC101",))]


def test_range_until_enable_and_to_the_end_without_one():
    doc = document(9, directive("disable", 2, "HC101"), directive("enable", 5, "HC101"), directive("disable", 7))
    found = [finding("HC101", n) for n in (1, 3, 4, 6, 8, 9)]
    assert kept(doc, *found) == [("HC101", 1), ("HC101", 6)]


def test_enabling_one_code_inside_a_disable_everything_range():
    doc = document(6, directive("disable", 1), directive("enable", 3, "HC103"))
    assert kept(doc, finding("HC101", 4), finding("HC103", 4), finding("HC103", 2)) == [("HC103", 4)]


def test_disable_file_with_and_without_codes():
    assert kept(document(3, directive("disable-file", 3, "HC101")), finding("HC101", 1), finding("HC103", 2)) == [("HC103", 2)]
    assert kept(document(3, directive("disable-file", 1)), finding("HC101", 2), finding("MC201", 3)) == []


def test_unused_comments_and_unused_codes_are_returned():
    used_once = directive("disable-next-line", 1, "HC101", "HC103")
    nothing = directive("disable", 4)
    enable = directive("enable", 6)
    doc = document(7, used_once, nothing, enable)
    remaining, unused = apply(doc, [finding("HC101", 2)])
    assert remaining == []
    assert unused == [(used_once, ("HC103",)), (nothing, ())]


def test_the_most_local_comment_takes_the_finding():
    line = directive("disable-next-line", 2, "HC101")
    whole = directive("disable-file", 1, "HC101")
    doc = document(4, whole, line)
    remaining, unused = apply(doc, [finding("HC101", 3)])
    assert remaining == [] and unused == [(whole, ("HC101",))]


# -- through the command line, in the comment syntax of each format ----------------------------

@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(*args: str) -> list[tuple[str, str]]:
    return findings(claimlint("check", "--format", "concise", *args))


def test_markdown_next_line_with_a_reason(project):
    write(project, "a.md", f"<!-- claimlint-disable-next-line HC103 -- approved, ticket 12 -->\n\n{STRENGTHENED}\n\n{STRENGTHENED}\n")
    assert claimlint("check", "--format", "concise", "a.md").stdout.startswith("a.md:5:11: HC103 ")


def test_markdown_range_and_file(project):
    write(project, "range.md", f"<!-- claimlint-disable HC101 -- approved by legal -->\n{UNAUTHORISED}\n<!-- claimlint-enable HC101 -->\n\n{UNAUTHORISED}\n")
    write(project, "file.md", f"{STRENGTHENED}\n\n{UNAUTHORISED}\n\n<!-- claimlint-disable-file -- quoted from a complaint -->\n")
    assert lint("range.md", "file.md") == [("range.md", "HC101")]


def test_html_and_text_comments(project):
    write(project, "a.html", f"<!-- claimlint-disable-next-line HC103 -- approved by legal -->\n<p>{STRENGTHENED}</p>\n")
    write(project, "a.txt", f"# claimlint-disable-next-line HC101 -- approved by legal\n{UNAUTHORISED}\n")
    assert lint("a.html", "a.txt") == []


def test_unused_suppression_is_cl901_at_the_comment(project):
    write(project, "a.md", f"Intro.\n\n<!-- claimlint-disable-next-line HC101 -- approved by legal -->\n{COMPLIANT}\n")
    result = claimlint("check", "--format", "concise", "a.md")
    assert result.exit_code == 1
    assert result.stdout == "a.md:3:1: CL901 Unused suppression: “claimlint-disable-next-line HC101” suppressed nothing.\n"


def test_cl901_follows_selection(project):
    write(project, "a.md", f"<!-- claimlint-disable-next-line HC101 -- approved by legal -->\n{COMPLIANT}\n")
    assert lint("--ignore", "CL901", "a.md") == []
    assert lint("--select", "HC", "a.md") == []
    assert claimlint("check", "--ignore", "CL", "a.md").exit_code == 0


def test_a_suppression_of_an_unselected_code_is_still_used(project):
    write(project, "a.md", f"<!-- claimlint-disable-next-line HC101 -- approved by legal -->\n{UNAUTHORISED}\n")
    assert lint("--ignore", "HC101", "a.md") == []


def test_a_suppression_without_a_reason_is_cl903_and_still_suppresses(project):
    write(project, "a.md", f"<!-- claimlint-disable-next-line HC101 -->\n{UNAUTHORISED}\n")
    write(project, "b.txt", f"# claimlint-disable-file --\n{UNAUTHORISED}\n")
    result = claimlint("check", "--format", "concise", "a.md", "b.txt")
    assert result.exit_code == 1  # CL903 is a warning
    assert result.stdout.splitlines() == [
        "a.md:1:1: CL903 Suppression without a reason: “claimlint-disable-next-line HC101” does not say why the finding may stay.",
        "b.txt:1:1: CL903 Suppression without a reason: “claimlint-disable-file” does not say why the finding may stay.",
    ]
    assert claimlint("check", "--fail-on", "error", "a.md", "b.txt").exit_code == 0


def test_an_unknown_code_in_a_suppression_is_cl904_not_also_cl901(project):
    write(project, "a.md", f"<!-- claimlint-disable-next-line HC013, HC103 -- approved by legal -->\n{STRENGTHENED}\n")
    result = claimlint("check", "--format", "concise", "--fail-on", "error", "a.md")
    assert result.exit_code == 1  # CL904 is an error
    assert result.stdout == (
        "a.md:1:1: CL904 Unknown code in a suppression: HC013 names no claimlint rule, "
        "so “claimlint-disable-next-line HC013” suppresses nothing.\n"
    )


def test_codes_in_a_suppression_are_read_in_either_case(project):
    write(project, "a.md", f"<!-- claimlint-disable-next-line hc103 -- approved by legal -->\n{STRENGTHENED}\n")
    result = claimlint("check", "a.md")
    assert (result.exit_code, result.stdout) == (0, "All checks passed (1 file).\n")
