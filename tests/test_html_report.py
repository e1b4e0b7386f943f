"""The HTML review report: read back as HTML, and opened in a real headless Chromium
(the tests marked slow), which installs Debian's ``chromium`` package where it is missing."""

from __future__ import annotations

import json
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

import chromium
from cli_helpers import COMPLIANT, ROOT, STRENGTHENED, UNAUTHORISED, claimlint, write
from claimlint.formatters.html import Mark, render_text
from claimlint.findings import Finding

SCREENSHOT = ROOT / "docs" / "html-report.png"

# Copy with findings that overlap ("the best supplement" inside a medicinal claim), one
# that runs over a line end, markup in Markdown and HTML, and a text file with "<" in it.
# Findings of one clause merge into one, so the claims to be marked apart stand in
# clauses of their own.
PAGE_MD = f"""# Night formula

Our formula is clinically proven; it is the best supplement to cure insomnia forever.

🌟 {STRENGTHENED}

Vitamin C boosts your
immune system.

{COMPLIANT}
"""
PAGE_HTML = f"""<!doctype html>
<html><body>
<h1>Joint care</h1>
<p>The <strong>#1</strong> doctor recommended formula. A miracle cure for arthritis. Results guaranteed. The world's first formula of its kind.</p>
<p>{UNAUTHORISED}</p>
</body></html>
"""
NOTES_TXT = f"""Shelf card <script>alert("x")</script> & more:
{STRENGTHENED}
"""


class Marks(HTMLParser):
    """The text of every ``<mark data-id>`` (pieces of one finding joined), the number of
    pieces, the finding list's ids, and every element that could load something."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str | None] = []
        self.text: dict[str, str] = {}
        self.pieces: dict[str, int] = {}
        self.listed: list[str] = []
        self.loads: list[str] = []
        self.scripts = 0
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "mark":
            self.open.append(a.get("data-id"))
            if a.get("data-id"):
                self.text.setdefault(a["data-id"], "")
                self.pieces[a["data-id"]] = self.pieces.get(a["data-id"], 0) + 1
        if tag == "li" and "finding" in (a.get("class") or "").split():
            self.listed.append(a["data-id"])
        if tag == "script":
            self.scripts += 1
        if "src" in a or tag in ("link", "iframe", "object", "embed") or "url(" in (a.get("style") or ""):
            self.loads.append(tag)
        if tag == "a":
            self.links.append(a.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data):
        for mark_id in filter(None, self.open):
            self.text[mark_id] += data


def parse(html: str) -> Marks:
    parser = Marks()
    parser.feed(html)
    parser.close()
    return parser


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "copy/page.md", PAGE_MD)
    write(tmp_path, "copy/page.html", PAGE_HTML)
    write(tmp_path, "copy/notes.txt", NOTES_TXT)
    return tmp_path


def review(project: Path) -> tuple[Path, list[dict]]:
    """The HTML report of the project, and the same run's JSON diagnostics to check it by."""
    result = claimlint("check", "--format", "html", "--output-file", "review.html", "copy")
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    diagnostics = json.loads(claimlint("check", "--format", "json", "copy").stdout)["diagnostics"]
    return project / "review.html", diagnostics


def marked_text(root: Path, d: dict) -> str:
    """The source text a diagnostic points at, without line breaks (the report shows lines as rows)."""
    lines = (root / d["path"]).read_text(encoding="utf-8").splitlines(keepends=True)
    start = sum(map(len, lines[:d["line"] - 1])) + d["column"] - 1
    end = sum(map(len, lines[:d["end_line"] - 1])) + d["end_column"] - 1
    return "".join(lines)[start:end].replace("\n", "")


def expected_ids(diagnostics: list[dict]) -> dict[str, dict]:
    """Report ids ("f<file>-<n>") of the diagnostics: files in run order, findings in order."""
    paths = list(dict.fromkeys(d["path"] for d in diagnostics))
    every = sorted(["copy/notes.txt", "copy/page.html", "copy/page.md"])
    ids, count = {}, {}
    for d in diagnostics:
        count[d["path"]] = count.get(d["path"], 0) + 1
        ids[f"f{every.index(d['path']) + 1}-{count[d['path']]}"] = d
    assert set(paths) <= set(every)
    return ids


def check_highlights(html: str, diagnostics: list[dict], root: Path) -> None:
    page = parse(html)
    ids = expected_ids(diagnostics)
    assert len(diagnostics) >= 10
    assert sorted(page.text) == sorted(ids)  # one highlight per finding, nothing else marked
    assert sorted(page.listed) == sorted(ids)  # and one entry in the side list
    for mark_id, d in ids.items():
        assert page.text[mark_id] == marked_text(root, d), (mark_id, d["code"])


# -- the report as HTML ---------------------------------------------------------------------

def test_every_finding_is_marked_at_its_text_and_listed(project):
    path, diagnostics = review(project)
    check_highlights(path.read_text(encoding="utf-8"), diagnostics, project)
    codes = {d["code"] for d in diagnostics}
    assert {"HC101", "HC103", "MC201", "MC203", "OS501", "EV401"} <= codes


def test_worker_processes_and_standard_input_keep_the_text(project):
    path, diagnostics = review(project)
    parallel = claimlint("check", "--jobs", "2", "--format", "html", "copy")
    assert parallel.stdout == path.read_text(encoding="utf-8")
    piped = claimlint("check", "--format", "html", "--stdin-filename", "copy/page.md", "-", input=PAGE_MD)
    page = parse(piped.stdout)
    assert len(page.text) == sum(1 for d in diagnostics if d["path"] == "copy/page.md")


def test_the_page_is_self_contained_and_escapes_the_copy(project):
    path, _ = review(project)
    html = path.read_text(encoding="utf-8")
    page = parse(html)
    assert page.loads == []
    assert "default-src 'none'" in html  # the browser refuses to load anything, were something to ask
    assert page.scripts == 1  # the report's own; the copy's <script> is shown as text
    assert '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more:' in html
    assert all(href.startswith(("#", "https://ec.europa.eu/")) for href in page.links), page.links


def test_side_list_gives_law_register_links_and_allowed_wordings(project):
    path, diagnostics = review(project)
    html = path.read_text(encoding="utf-8")
    fixed = next(i for i, d in expected_ids(diagnostics).items() if d["fix"])
    hc103 = html[html.index(f'<li class="finding error" id="{fixed}"'):]
    hc103 = hc103[:hc103.index("</details></li>")]
    assert 'data-code="HC103"' in hc103
    assert "Legal basis</dt><dd>Regulation (EC) No 1924/2006" in hc103
    assert '<a href="https://ec.europa.eu/food/food-feed-portal/screen/health-claims/eu-register/details/' in hc103
    assert "Allowed wordings" in hc103 and "contributes to the normal function of the immune system" in hc103
    assert "Proposed replacement" in hc103  # the fix JSON and SARIF carry
    assert "<summary>Why</summary>" in hc103


def test_summary_counts_per_file_and_per_code_and_filters(project):
    path, diagnostics = review(project)
    html = path.read_text(encoding="utf-8")
    by_code = {}
    for d in diagnostics:
        by_code[d["code"]] = by_code.get(d["code"], 0) + 1
    for code, n in by_code.items():
        assert f'<tr data-code="{code}"><td>{code}</td>' in html
        row = html[html.index(f'<tr data-code="{code}">'):]
        assert row[:row.index("</tr>")].endswith(f"<td>{n}</td>")
    md = sum(1 for d in diagnostics if d["path"] == "copy/page.md")
    assert f'copy/page.md</a></td>' in html and f"<td>{md}</td></tr>" in html
    for family in {d["code"][:2] for d in diagnostics}:
        assert f'data-filter="family" value="{family}"' in html
    assert 'data-filter="severity" value="error"' in html
    assert "Signature" in html and "Date" in html


def test_overlapping_and_line_crossing_marks_nest(engine):
    text = "abcdefghij\nklmno"

    def mark(name: str, start: int, end: int) -> Mark:
        f = Finding("OS501", "x", "warning", "m", "p", 1, 1, 1, 1)
        return Mark(name, f, start, end)

    marks = [mark("a", 0, 6), mark("b", 3, 9), mark("c", 4, 5), mark("d", 8, 13)]
    page = parse("<table>" + "".join(render_text(text, marks)) + "</table>")
    assert page.text == {"a": "abcdef", "b": "defghi", "c": "e", "d": "ijkl"}
    # a contains c; b overlaps a and d without nesting, d runs over the line end.
    assert page.pieces == {"a": 1, "b": 2, "c": 1, "d": 3}


# -- in a real browser ------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser() -> str:
    binary, reason = chromium.find_or_install()
    if binary is None:
        pytest.skip(reason)
    return binary


@pytest.mark.slow
def test_page_loads_without_console_errors_and_filters_work(project, browser, tmp_path):
    path, diagnostics = review(project)
    page = chromium.DevTools(browser, tmp_path / "profile")
    try:
        page.load(path.as_uri())
        assert page.errors == []
        total = len(diagnostics)
        assert page.evaluate("document.getElementById('shown').textContent") == str(total)
        hc = sum(1 for d in diagnostics if d["code"].startswith("HC"))
        page.evaluate("document.querySelector('input[data-filter=family][value=HC]').click()")
        assert page.evaluate("document.getElementById('shown').textContent") == str(total - hc)
        hidden = "Array.from(document.querySelectorAll('li.finding')).filter(li => getComputedStyle(li).display === 'none')"
        assert page.evaluate(f"{hidden}.map(li => li.dataset.code.slice(0, 2)).join()") == ",".join(["HC"] * hc)
        # Printed, the filters go and every finding is shown again.
        page.call("Emulation.setEmulatedMedia", media="print")
        assert page.evaluate("getComputedStyle(document.querySelector('.filters')).display") == "none"
        assert page.evaluate(f"{hidden}.length") == 0
        assert page.errors == []
    finally:
        page.close()


@pytest.mark.slow
def test_devtools_session_sees_a_script_error(browser, tmp_path):
    broken = write(tmp_path, "broken.html", "<!doctype html><p>x</p><script>console.error('bad'); missing();</script>")
    page = chromium.DevTools(browser, tmp_path / "profile")
    try:
        page.load(broken.as_uri())
    finally:
        page.close()
    assert len(page.errors) == 2 and "bad" in page.errors[0] and "missing" in page.errors[1]


@pytest.mark.slow
def test_rendered_dom_holds_one_highlight_per_finding(project, browser, tmp_path):
    path, diagnostics = review(project)
    done = chromium.headless(browser, tmp_path / "profile", "--dump-dom", path.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert "<mark" in done.stdout
    check_highlights(done.stdout, diagnostics, project)


@pytest.mark.slow
def test_screenshot_of_a_product_page_review(browser, tmp_path, monkeypatch):
    """The screenshot in docs/: ``CLAIMLINT_WRITE_DOCS=1 pytest -m slow tests/test_html_report.py`` renews it."""
    monkeypatch.chdir(ROOT)
    report = tmp_path / "review.html"
    result = claimlint("check", "--format", "html", "--output-file", report, "corpus/pages/sleep-gummies.md")
    assert result.exit_code == 1, result.output
    shot = tmp_path / "review.png"
    done = chromium.headless(browser, tmp_path / "profile", f"--screenshot={shot}", report.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert chromium.png_size(shot) == chromium.WINDOW
    assert shot.stat().st_size > 50_000  # a rendered page, not a blank one
    if os.environ.get("CLAIMLINT_WRITE_DOCS") == "1":
        shutil.copyfile(shot, SCREENSHOT)
