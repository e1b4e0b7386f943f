"""The engine on inputs larger than one spaCy Doc may hold."""

from __future__ import annotations

from claimlint.engine import MAX_BLOCK
from claimlint.profile import Profile
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
