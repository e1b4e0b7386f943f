"""The engine on inputs larger than one spaCy Doc may hold."""

from __future__ import annotations

from claimlint.engine import MAX_BLOCK
from claimlint.knowledge.profile import Profile
from claimlint.readers.text import read_text

SENTENCE = "Magnesium contributes to normal muscle function. Our cream is the best in the world. "


def test_a_paragraph_longer_than_one_doc_is_linted_in_pieces(engine):
    text = SENTENCE * (2 * MAX_BLOCK // len(SENTENCE) + 3)
    document = read_text("long.txt", text)
    _, findings = next(engine.lint([(document, Profile())]))
    superlatives = [f for f in findings if f.code == "OS501"]
    assert len(superlatives) == text.count("the best in the world")
    last = superlatives[-1]
    offset = text.rindex("the best in the world")
    assert (last.line, last.column) == (1, offset + 1)


def test_pieces_keep_their_source_positions():
    document = read_text("x.txt", "Alpha beta. Gamma delta! Epsilon zeta? Eta theta.")
    pieces = document.blocks[0].pieces(20)
    assert [p.text.strip() for p in pieces] == ["Alpha beta.", "Gamma delta!", "Epsilon zeta?", "Eta theta."]
    for piece in pieces:
        start = piece.source_offset(0)
        assert document.source[start:start + len(piece.text)] == piece.text


PAGE = """# Magnesium

Supports your immune system

Our gummies are clinically proven. Zinc contributes to the normal function of the immune system.

| Nutrient | Amount | % NRV |
|---|---|---|
| Vitamin C | 80 mg | 200 % |
"""


def _lint_markdown(engine, text: str):
    from claimlint.readers.markdown import read_markdown

    return next(engine.lint([(read_markdown("page.md", text), Profile())]))[1]


def test_blocks_sharing_a_doc_give_the_findings_of_blocks_read_alone(engine, monkeypatch):
    """The blocks of a page share Docs; cutting the page into one Doc per block (the
    smallest limit) must change nothing, so no sentence or mention runs across blocks."""
    together = [(f.code, f.line, f.column, f.end_column, f.message) for f in _lint_markdown(engine, PAGE)]
    monkeypatch.setattr("claimlint.engine.MAX_DOC", 1)
    alone = [(f.code, f.line, f.column, f.end_column, f.message) for f in _lint_markdown(engine, PAGE)]
    assert together == alone
    assert {"HC102", "EV401", "NC302"} <= {code for code, *_ in together}  # HC102: the heading names magnesium


def test_a_heading_without_a_full_stop_is_a_sentence_of_its_own(engine):
    from claimlint.readers.markdown import read_markdown

    document = read_markdown("page.md", PAGE)
    next(engine.lint([(document, Profile())]))
    sentences = [record.text for record in document.claims]
    assert "Supports your immune system" in sentences
    assert not any("Magnesium" in text for text in sentences)
