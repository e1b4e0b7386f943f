"""The text report on a terminal: the marker under the claim lines up whatever the width
of the characters before it, and a cut excerpt shows "…" where it was cut."""

from __future__ import annotations

from claimlint.findings import Finding
from claimlint.formatters.text import _window, display_width, render_finding


def _finding(excerpt: str, marked: str) -> Finding:
    start = excerpt.index(marked)
    return Finding(
        code="HC103", name="strengthened-claim", severity="error", message="stronger", path="copy.md",
        line=3, column=start + 1, end_line=3, end_column=start + len(marked) + 1,
        excerpt=excerpt, excerpt_span=(start, start + len(marked)),
    )


def _marked_columns(lines: list[str]) -> tuple[str, int, int]:
    """The excerpt line, and the display columns the marker covers in it."""
    text_line = next(line for line in lines if line.startswith("3 | "))
    marker_line = lines[lines.index(text_line) + 1]
    first = marker_line.index("^")
    return text_line, first, marker_line.rindex("^") + 1


def _columns_of(text_line: str, words: str) -> tuple[int, int]:
    before = text_line[: text_line.index(words)]
    return display_width(before), display_width(before) + display_width(words)


def test_widths():
    assert display_width("magnesium") == 9
    assert display_width("镁补充剂") == 8
    assert display_width("💪") == 2
    assert display_width("e\u0301") == 1  # e with a combining accent


def test_marker_lines_up_after_emoji_and_cjk():
    excerpt = "💪🌙 镁补充剂 — Magnesium boosts your energy!"
    lines = render_finding(_finding(excerpt, "boosts your energy"), color=False, width=80)
    text_line, first, last = _marked_columns(lines)
    assert (first, last) == _columns_of(text_line, "boosts your energy")


def test_a_cut_excerpt_shows_ellipses_and_fits_the_terminal():
    excerpt = "维生素" * 30 + " Vitamin C boosts immunity " + "😀" * 40
    lines = render_finding(_finding(excerpt, "boosts immunity"), color=False, width=60)
    text_line, first, last = _marked_columns(lines)
    body = text_line[len("3 | "):]
    assert body.startswith("…") and body.endswith("…")
    assert display_width(text_line) <= 60
    assert (first, last) == _columns_of(text_line, "boosts immunity")


def test_a_short_excerpt_is_not_cut():
    text, start, end = _window("Zinc helps.", (0, 4), 40)
    assert (text, text[start:end]) == ("Zinc helps.", "Zinc")


def test_a_span_wider_than_the_terminal_is_cut_inside():
    excerpt = "x " * 10 + "word " * 40
    text, start, end = _window(excerpt, (20, len(excerpt)), 30)
    assert display_width(text) <= 30 and text.endswith("…") and text[start:end].startswith("word")
