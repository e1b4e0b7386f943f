"""Health-claim findings read as statements of law: the wordings they offer are for
substances the copy names or the product declares, the rest is information, and the
messages are built from what the claim means."""

from __future__ import annotations

from claimlint.knowledge.profile import Profile

MAGNESIUM_ONLY = Profile.from_mapping({"profile": "food_supplement", "nutrients": {"magnesium": "300 mg"}})


def _only(findings, code):
    found = [f for f in findings if f.code == code]
    assert len(found) == 1, [(f.code, f.message) for f in findings]
    return found[0]


def test_no_wording_of_an_absent_substance_is_offered(engine):
    finding = _only(engine.lint_text("Magnesium keeps your skin healthy.", profile=MAGNESIUM_ONLY), "HC101")
    assert finding.suggestions == []
    (note,) = finding.notes
    assert "only for" in note and "biotin" in note and note.endswith("none for magnesium")


def test_allowed_wordings_name_the_substances_of_the_copy_or_the_product(engine):
    profile = Profile.from_mapping({"profile": "food_supplement", "nutrients": {"magnesium": "300 mg", "vitamin C": "80 mg"}})
    finding = _only(engine.lint_text("Magnesium keeps your skin healthy.", profile=profile), "HC101")
    assert finding.suggestions and all(s.startswith("Vitamin C") for s in finding.suggestions)
    assert finding.notes == []


def test_general_wordings_come_before_those_tied_to_exercise(engine):
    finding = _only(engine.lint_text("Vitamin C supercharges your immune defences."), "HC103")
    general = finding.suggestions.index("Vitamin C contributes to the normal function of the immune system")
    narrow = [i for i, s in enumerate(finding.suggestions) if "exercise" in s]
    assert narrow and general < min(narrow)
    assert "“supercharges” says more than the authorised “Vitamin C contributes to the normal function" in finding.message


def test_a_claim_that_names_no_effect_is_quoted(engine):
    finding = _only(engine.lint_text("Zinc powers this whole process."), "HC101")
    assert "says zinc “powers this whole process”" in finding.message


def test_medicinal_messages_name_the_condition(engine):
    messages = [f.message for f in engine.lint_text("Our balm soothes inflammatory flare-ups. Zinc heals wounds.") if f.code == "MC201"]
    assert any("claims to treat or relieve inflammation" in m for m in messages), messages
    assert any("claims to heal wounds" in m for m in messages), messages


def test_an_entry_for_another_effect_is_no_citation(engine):
    """Magnesium's rejected entries are about other effects than the skin barrier."""
    codes = [f.code for f in engine.lint_text("Magnesium strengthens the skin barrier.")]
    assert "HC101" in codes and "HC102" not in codes


def test_an_entry_on_another_organ_of_the_class_is_no_citation(engine):
    # The prostate entry and a kidney claim share only "function", which any organ takes.
    kidney = _only(engine.lint_text("Zinc supports normal kidney function."), "HC101")
    assert "POL-HC-8221" not in kidney.message
    prostate = _only(engine.lint_text("Zinc supports prostate function."), "HC102")
    assert "POL-HC-8221" in prostate.message


def test_evidence_is_not_borrowed_by_a_sentence_of_its_own(engine):
    text = "In a pilot study of 12 adults, zinc supported immune function. Zinc is clinically proven to support immunity."
    proven = [f for f in engine.lint_text(text) if f.code == "EV401" and "clinically proven" in f.message]
    assert len(proven) == 1 and "sentence before" not in proven[0].message
    assert proven[0].evidence == "no evidence"


def test_a_review_is_graded_as_a_review(engine):
    text = "A narrative review covering cell studies and clinical trials says magnesium is proven to firm the skin."
    levels = {f.evidence for f in engine.lint_text(text) if f.evidence}
    assert levels == {"narrative review"}, levels


def test_a_cosmetic_action_that_names_no_effect_is_quoted_as_written(engine):
    cosmetic = Profile.from_mapping({"profile": "cosmetic"})
    finding = _only(engine.lint_text("Zinc regulates how your enzymes work.", profile=cosmetic), "MC205")
    assert "(“regulates how your enzymes work”)" in finding.message
    assert "does not name" not in finding.message
