"""The review report: one self-contained HTML page for the people who sign copy off.

Each file's text is shown with line numbers and every finding marked where it stands,
beside a list of the findings with the law they rest on, the register entries and the
wordings that are allowed. Styles and the filter script are inline and a content
security policy forbids loading anything, so the page works offline, from an e-mail
attachment or an archive, exactly as it was written. Printed, it drops the filters,
shows every finding and ends in lines for the reviewer's decision and signature.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html import escape

from claimlint import __version__
from claimlint.findings import SEVERITIES, Finding
from claimlint.formatters import Report
from claimlint.run.runner import FileResult

_LINE_BREAK = re.compile(r"\r\n?|\n")
POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


@dataclass
class Mark:
    """A finding's place in the file's text, as source offsets."""

    id: str
    finding: Finding
    start: int
    end: int

    def attributes(self, first: bool) -> str:
        f = self.finding
        anchor = f' id="m-{self.id}"' if first else ""
        return (f'<mark{anchor} class="hl {f.severity}{"" if first else " cont"}" data-id="{self.id}" data-code="{f.code}"'
                f' data-severity="{f.severity}" data-family="{f.family}" title="{escape(f.code + ": " + f.message)}">')


def _line_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in _LINE_BREAK.finditer(text))]


def _marks(result: FileResult, number: int) -> list[Mark]:
    """Where each finding stands in the text, from its line and column (a finding the
    run reports itself, such as an unused suppression, has no other position)."""
    text = result.source or ""
    starts = _line_starts(text)

    def offset(line: int, column: int) -> int:
        return min(len(text), starts[min(line, len(starts)) - 1] + column - 1)

    marks = []
    for i, f in enumerate(result.findings, 1):
        start, end = offset(f.line, f.column), offset(f.end_line, f.end_column)
        marks.append(Mark(f"f{number}-{i}", f, start, max(end, min(len(text), start + 1))))
    return marks


def render_text(text: str, marks: list[Mark]) -> list[str]:
    """The text as table rows, one per line, with each mark in place.

    Marks nest where findings nest; where two overlap without nesting, or a finding
    runs over a line end, its mark is closed and continued (``cont``), so every
    finding is one highlight made of as few pieces as the HTML allows."""
    rows = []
    starts = _line_starts(text)
    ends = [s - len(m.group()) for s, m in zip(starts[1:], _LINE_BREAK.finditer(text))] + [len(text)]
    first_piece = {m.id: True for m in marks}
    by_start = sorted(marks, key=lambda m: (m.start, -m.end))
    following = 0  # the next mark of by_start not yet reached
    active: list[Mark] = []  # marks begun on an earlier line and still running, in by_start order
    for number, (line_start, line_end) in enumerate(zip(starts, ends), 1):
        while following < len(by_start) and by_start[following].start < line_end:
            active.append(by_start[following])
            following += 1
        active = [m for m in active if m.end > line_start]
        cuts = sorted({line_start, line_end, *(p for m in active for p in (m.start, m.end) if line_start < p < line_end)})
        html: list[str] = []
        stack: list[Mark] = []
        for lo, hi in zip(cuts, cuts[1:]):
            wanted = [m for m in active if m.start <= lo and m.end >= hi]
            keep = 0
            while keep < len(stack) and keep < len(wanted) and stack[keep] is wanted[keep]:
                keep += 1
            html += ["</mark>"] * (len(stack) - keep)
            for mark in wanted[keep:]:
                html.append(mark.attributes(first_piece[mark.id]))
                first_piece[mark.id] = False
            stack = wanted
            html.append(escape(text[lo:hi]))
        html += ["</mark>"] * len(stack)
        rows.append(f'<tr><td class="ln">{number}</td><td class="tx">{"".join(html)}</td></tr>')
    return rows


def _references(f: Finding, basis: str) -> list[str]:
    """Register entries as links to their EU register pages ("POL-HC-6403 https://…")."""
    out = []
    for reference in f.references:
        if reference == basis:
            continue
        entry, _, url = reference.partition(" ")
        if url.startswith(("https://", "http://")):
            out.append(f'<a href="{escape(url)}" rel="noreferrer">{escape(entry)}</a>')
        else:
            out.append(escape(reference))
    return out


def render_finding(mark: Mark, report: Report, text: str) -> str:
    f = mark.finding
    rule = report.rules.get(f.code)
    basis = rule.basis if rule else (f.references[0] if f.references else "")
    details = [f"<dt>Legal basis</dt><dd>{escape(basis)}</dd>"] if basis else []
    entries = _references(f, basis)
    if entries:
        details.append(f"<dt>Register entries</dt><dd>{', '.join(entries)}</dd>")
    if f.suggestions:
        allowed = "".join(f"<li>{escape(s)}</li>" for s in f.suggestions)
        details.append(f'<dt>Allowed wordings</dt><dd><ul class="allowed">{allowed}</ul></dd>')
    if f.fix:
        details.append(f'<dt>Proposed replacement</dt><dd class="fix">{escape(f.fix.replacement)}</dd>')
    if f.evidence:
        details.append(f"<dt>Evidence</dt><dd>{escape(f.evidence)}</dd>")
    explanation = f"<details><summary>Why</summary><p>{escape(rule.explanation)}</p></details>" if rule else ""
    marked = text[mark.start:mark.end]
    return (
        f'<li class="finding {f.severity}" id="{mark.id}" data-id="{mark.id}" data-code="{f.code}"'
        f' data-severity="{f.severity}" data-family="{f.family}">'
        f'<p class="head"><a class="where" href="#m-{mark.id}">{f.line}:{f.column}</a> '
        f'<span class="code">{f.code}</span> <span class="sev">{f.severity}</span></p>'
        f'<p class="message">{escape(f.message)}</p>'
        + (f'<p class="quote">“{escape(" ".join(marked.split()))}”</p>' if marked.strip() else "")
        + f'<dl>{"".join(details)}</dl>{explanation}</li>'
    )


def render_file(result: FileResult, number: int, report: Report) -> str:
    text = result.source or ""
    marks = _marks(result, number) if result.source is not None else []
    parts = [f'<section class="file" id="file-{number}"><h2>{escape(result.path)}</h2>']
    if result.error:
        parts.append(f'<p class="file-error">{escape(result.error)}</p>')
    listed = "".join(render_finding(m, report, text) for m in marks) or '<li class="none">No findings.</li>'
    if result.source is not None:
        rows = "".join(render_text(text, marks))
        parts.append(f'<div class="review"><div class="copy"><table class="source">{rows}</table></div>'
                     f'<aside class="findings"><h3>Findings</h3><ol>{listed}</ol></aside></div>')
    parts.append("</section>")
    return "".join(parts)


def summary(report: Report) -> str:
    files = []
    for number, result in enumerate(report.results, 1):
        counts = Counter(f.severity for f in result.findings)
        cells = "".join(f"<td>{counts.get(s, 0)}</td>" for s in SEVERITIES)
        state = " (unreadable)" if result.error else ""
        files.append(f'<tr><td><a href="#file-{number}">{escape(result.path)}</a>{state}</td>{cells}'
                     f"<td>{len(result.findings)}</td></tr>")
    codes = []
    for (code, severity), n in sorted(Counter((f.code, f.severity) for f in report.findings).items()):
        rule = report.rules.get(code)
        codes.append(f'<tr data-code="{code}"><td>{code}</td><td>{escape(rule.name if rule else "")}</td>'
                     f"<td>{severity}</td><td>{n}</td></tr>")
    head = "".join(f"<th>{s}</th>" for s in SEVERITIES)
    return (
        '<section class="summary"><h2>Summary</h2>'
        f'<table class="per-file"><caption>Per file</caption><tr><th>file</th>{head}<th>total</th></tr>{"".join(files)}</table>'
        '<table class="per-code"><caption>Per code</caption><tr><th>code</th><th>rule</th><th>severity</th><th>findings</th></tr>'
        f'{"".join(codes) or "<tr><td colspan=4>none</td></tr>"}</table></section>'
    )


def filters(findings: list[Finding]) -> str:
    def boxes(kind: str, counts: Counter) -> str:
        return "".join(
            f'<label><input type="checkbox" data-filter="{kind}" value="{value}" checked> {value} ({n})</label>'
            for value, n in counts.items()
        )
    families = Counter(sorted(f.family for f in findings))
    severities = Counter(s for s in SEVERITIES for f in findings if f.severity == s)
    return (
        '<nav class="filters" aria-label="Filters">'
        f'<fieldset><legend>Family</legend>{boxes("family", families)}</fieldset>'
        f'<fieldset><legend>Severity</legend>{boxes("severity", severities)}</fieldset>'
        f'<p class="shown"><span id="shown">{len(findings)}</span> of {len(findings)} findings shown</p></nav>'
    )


SIGN_OFF = """<section class="signoff"><h2>Review</h2>
<p>Decision: <span class="box"></span> approved <span class="box"></span> approved with the changes noted
<span class="box"></span> not approved</p>
<p class="line">Notes</p><p class="line"></p><p class="line"></p>
<p class="line">Reviewer (name and role)</p><p class="line">Signature</p><p class="line">Date</p></section>"""

STYLE = """
:root{--error:#f7c6c5;--warning:#fbe7a1;--info:#cfe3fb;--ink:#1d1d1f;--muted:#5b5b66;font-family:system-ui,sans-serif;color:var(--ink)}
body{margin:0 auto;max-width:1400px;padding:1rem 1.5rem;line-height:1.45}
h1{margin:.2rem 0}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem}
.meta{color:var(--muted)}
.filters{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.4rem 0;z-index:2;display:flex;gap:1rem;flex-wrap:wrap;align-items:center}
.filters fieldset{border:1px solid #ccc;border-radius:4px;margin:0;padding:.1rem .6rem}
.filters label{margin-right:.7rem;white-space:nowrap}
.summary{display:flex;gap:.5rem 2rem;flex-wrap:wrap;align-items:flex-start}.summary h2{flex-basis:100%}
table.per-file,table.per-code{border-collapse:collapse}
.per-file td,.per-file th,.per-code td,.per-code th{border:1px solid #ccc;padding:.15rem .5rem;text-align:left}
caption{text-align:left;font-weight:600}
.review{display:grid;grid-template-columns:minmax(0,3fr) minmax(18rem,2fr);gap:1.2rem;align-items:start}
.copy{overflow-x:auto;border:1px solid #ddd;border-radius:4px}
table.source{border-collapse:collapse;width:100%;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem}
.source td{vertical-align:top;padding:0 .5rem}
.source .ln{color:var(--muted);text-align:right;user-select:none;border-right:1px solid #ddd;width:1%;white-space:nowrap}
.source .tx{white-space:pre-wrap;overflow-wrap:anywhere}
mark.hl{border-bottom:2px solid #0006;cursor:pointer;color:inherit;padding:0}
mark.hl.error{background:var(--error)}mark.hl.warning{background:var(--warning)}mark.hl.info{background:var(--info)}
mark.hl mark.hl{border-bottom-style:double}
mark.hl.filtered{background:none;border-bottom-color:transparent}
mark.hl.current{outline:2px solid #333}
.findings{position:sticky;top:3.5rem;max-height:calc(100vh - 4rem);overflow:auto}
.findings h3{margin-top:0}.findings ol{list-style:none;padding:0;margin:0}
li.finding{border:1px solid #ddd;border-left:6px solid #999;border-radius:4px;padding:.4rem .6rem;margin-bottom:.6rem}
li.finding.error{border-left-color:#c62828}li.finding.warning{border-left-color:#b8860b}li.finding.info{border-left-color:#1e63b5}
li.finding.filtered{display:none}li.finding:target{box-shadow:0 0 0 2px #333}
li.finding p{margin:.2rem 0}.head .code{font-weight:700}.head .sev{color:var(--muted)}
.quote{font-style:italic}dl{margin:.3rem 0}dt{font-weight:600;font-size:.85rem;color:var(--muted)}dd{margin:0 0 .3rem 0}
ul.allowed{margin:0;padding-left:1.1rem}.fix{font-family:ui-monospace,monospace}
.file-error{color:#8b1a1a}
.signoff{margin-top:2rem;max-width:45rem}.signoff .line{border-bottom:1px solid #333;height:2rem;margin:0 0 .4rem 0;color:var(--muted);font-size:.85rem}
.box{display:inline-block;width:.9rem;height:.9rem;border:1px solid #333;vertical-align:middle;margin-left:.6rem}
@media print{
 .filters{display:none}
 body{max-width:none;padding:0;font-size:10.5pt}
 .review{display:block}.copy{border:none;overflow:visible}
 .findings{position:static;max-height:none;overflow:visible}
 li.finding.filtered{display:block}mark.hl.filtered{border-bottom-color:#0006}
 mark.hl.error.filtered{background:var(--error)}mark.hl.warning.filtered{background:var(--warning)}mark.hl.info.filtered{background:var(--info)}
 mark.hl{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 li.finding,tr{break-inside:avoid}details{display:block}details>summary{display:none}
 section.file{break-before:page}.signoff{break-before:page}
 a{color:inherit;text-decoration:none}
}
"""

SCRIPT = """
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('.filters input[data-filter]'));
  function apply() {
    var off = {family: {}, severity: {}};
    boxes.forEach(function (box) { if (!box.checked) { off[box.dataset.filter][box.value] = true; } });
    document.querySelectorAll('[data-id]').forEach(function (el) {
      el.classList.toggle('filtered', !!(off.family[el.dataset.family] || off.severity[el.dataset.severity]));
    });
    document.getElementById('shown').textContent = document.querySelectorAll('li.finding:not(.filtered)').length;
  }
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  document.addEventListener('click', function (event) {
    var mark = event.target.closest('mark[data-id]');
    if (!mark) { return; }
    document.querySelectorAll('mark.current').forEach(function (m) { m.classList.remove('current'); });
    document.querySelectorAll('mark[data-id="' + mark.dataset.id + '"]').forEach(function (m) { m.classList.add('current'); });
    location.hash = mark.dataset.id;
  });
  apply();
})();
"""


def render(report: Report) -> str:
    findings = report.findings
    files = len(report.results)
    title = f"Claims review: {len(findings)} finding{'s' if len(findings) != 1 else ''} in {files} file{'s' if files != 1 else ''}"
    body = "".join(render_file(result, n, report) for n, result in enumerate(report.results, 1))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        f'<header><h1>{escape(title)}</h1><p class="meta">claimlint {__version__}. Each finding is marked in the copy;'
        " the list beside it gives the law, the register entries and the wordings that are allowed.</p></header>"
        f"{filters(findings)}{summary(report)}{body}{SIGN_OFF}<script>{SCRIPT}</script></body></html>\n"
    )
