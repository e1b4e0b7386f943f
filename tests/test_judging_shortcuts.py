"""Shortcuts the judges take to do less work per sentence, against the long way round:
each must pick what the long way picks."""

from __future__ import annotations

from claimlint.judges.health import HealthClaimJudge
from claimlint.knowledge.register import clean_wording

# Claims of our own, each read against several authorised wordings of its effect.
CLAIMS = [
    "Vitamin C supercharges your immune defences.",
    "Magnesium boosts energy and fights tiredness.",
    "Our gummies guarantee stronger bones.",
    "Zinc keeps your skin, hair and nails healthy.",
    "Iron powers up your brain.",
    "Supports normal muscle function.",
    "Calcium is needed for the maintenance of normal teeth.",
]


def test_the_closest_wording_is_the_one_weighing_every_wording_picks(engine, monkeypatch):
    compared = []
    shortcut = HealthClaimJudge.closest

    def checked(judge, claim, candidates):
        phrase = {t.lemma_ for t in claim.sentence.doc[claim.effect.start:claim.effect.end]}
        words = {lemma for _, lemma, punct, _ in claim.sentence.words if not punct}
        long_way = max(candidates, key=lambda ac: (
            len(phrase & ac.head_words), not judge.strength_problem(claim, ac),
            not (judge.qualifiers & ac.lemmas - words), len(words & ac.lemmas),
        ))
        picked = shortcut(judge, claim, candidates)
        compared.append((len(candidates), picked is long_way))
        return picked

    monkeypatch.setattr(HealthClaimJudge, "closest", checked)
    for text in CLAIMS:
        engine.lint_text(text)
    assert compared and all(same for _, same in compared), compared
    assert any(n > 3 for n, _ in compared)  # some claims had many wordings to choose from


def test_a_cleaned_wording_is_kept_per_text_and_openers():
    text = "- Helps the body; - it supports Sleep"
    assert clean_wording(text) == clean_wording(text)
    hits = clean_wording.cache_info().hits
    assert clean_wording(text) == "Helps the body. It supports Sleep."
    assert clean_wording.cache_info().hits == hits + 1
    assert clean_wording("Keeps bones It helps", frozenset({"it"})) == "Keeps bones. It helps."
    assert clean_wording("Keeps bones It helps") == "Keeps bones It helps."
