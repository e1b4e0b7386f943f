"""`claimlint eval`, run as a user runs it on labelled cases."""

from __future__ import annotations

import json

from claimlint.run.evaluate import unquote
from cli_helpers import claimlint, write

CASES = [
    {"id": "a", "text": "Vitamin C boosts your immune system.", "verdict": "non_compliant"},
    {"id": "b", "text": "Vitamin C contributes to the normal function of the immune system.", "verdict": "compliant"},
    {"id": "c", "text": "Store in a cool, dry place.", "verdict": "no_claim"},
    {"id": "d", "text": "Take one a day.", "flag": True},
    {"id": "e", "text": "Magnesium supports collagen production.", "verdict": "unlabelled"},
    {"id": "f", "text": "Magnesium stödjer kollagen.", "verdict": "non_compliant", "lang": "sv"},
    {"id": "g", "text": "Cures COVID-19.", "verdict": "non_compliant", "jurisdiction": "US"},
]


def _write_cases(tmp_path):
    return write(tmp_path, "cases.jsonl", "\n".join(json.dumps(c, ensure_ascii=False) for c in CASES) + "\n")


def test_eval_scores_labelled_cases_and_lists_misses(tmp_path):
    result = claimlint("eval", "--format", "json", _write_cases(tmp_path))
    assert result.exit_code == 0, result.output
    scored = json.loads(result.stdout)
    assert scored["cases"] == 4
    assert scored["skipped"] == {"unlabelled": 1, "language": 1, "jurisdiction": 1}
    assert (scored["true_positives"], scored["false_negatives"], scored["true_negatives"]) == (1, 1, 2)
    assert scored["precision"] == 1.0 and scored["recall"] == 0.5
    assert [m["id"] for m in scored["misses"]] == ["d"]
    assert scored["families"]["HC"]["true_positives"] == 1


def test_eval_text_report(tmp_path):
    result = claimlint("eval", _write_cases(tmp_path))
    assert "precision 1.000  recall 0.500" in result.stdout
    assert "misses (1):" in result.stdout


def test_eval_bad_cases_file_is_a_one_line_error(tmp_path):
    path = write(tmp_path, "broken.jsonl", '{"text": "ok", "verdict": "compliant"}\n{not json\n')
    result = claimlint("eval", path)
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "broken.jsonl:2: invalid JSON" in result.output


def test_editorial_marks_of_quoted_copy_are_taken_out():
    assert unquote("Prepare for a goodnight’s [sic] sleep") == "Prepare for a goodnight’s sleep"
    assert unquote("[I]t also supports your immunity") == "It also supports your immunity"
    assert unquote("crammed into these gummies […] They work") == "crammed into these gummies … They work"

