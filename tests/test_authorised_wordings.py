"""The law's own words pass: every authorised wording, alone and inside product copy."""

import pytest

from claimlint.knowledge.register import Register

AUTHORISED = Register.load().authorised


@pytest.mark.parametrize("entry", AUTHORISED, ids=lambda e: e.id)
def test_authorised_wording_alone_passes(engine, entry):
    findings = engine.lint_text(entry.claim)
    assert not findings, [f"{f.code}: {f.message}" for f in findings]


@pytest.mark.parametrize("entry", [e for e in AUTHORISED if e.claim_type == "Art.13(1)"], ids=lambda e: e.id)
def test_authorised_wording_in_product_sentence_passes(engine, entry):
    claim = entry.claim.rstrip(".")
    first, rest = claim.split(" ", 1)
    if first.lower() in {"consumption", "replacing", "reducing", "substituting", "daily", "supplemental"}:
        text = f"Enjoy it every day. {claim}."
    else:
        text = f"Contains {first[0].lower() + first[1:] if not first.isupper() else first} {rest}".replace(" contributes ", ", which contributes ", 1).replace(" contribute ", ", which contribute ", 1)
    findings = engine.lint_text(text)
    assert not findings, (text, [f"{f.code}: {f.message}" for f in findings])
