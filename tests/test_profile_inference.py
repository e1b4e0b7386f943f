"""The profile when none is declared: inferred from the copy's words, said in the output,
overridden by --profile, config or front matter."""

from __future__ import annotations

import json

import pytest

from claimlint.knowledge.profile import ProfileCues
from cli_helpers import claimlint, write

CLEANSER = "Our foaming cleanser lifts away make-up and reduces the look of blemishes.\n"
CAPSULES = "Two capsules a day provide vitamin C, which supports your immune system.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_cues_pick_the_profile_the_copy_uses_most():
    cues = ProfileCues({"cosmetic": ["cleanser", "serum"], "food_supplement": ["capsule", "capsules"]})
    assert cues.infer("A gentle Cleanser and a serum, plus one capsule.") == ("cosmetic", "cleanser")
    assert cues.infer("Take two capsules with water.") == ("food_supplement", "capsules")
    assert cues.infer("A serum or a capsule.") is None  # a tie decides nothing
    assert cues.infer("Magnesium contributes to normal muscle function.") is None


def test_text_report_says_the_profile_was_inferred(project):
    write(project, "face.txt", CLEANSER)
    result = claimlint("check", "face.txt")
    assert "face.txt: profile: cosmetic, inferred from 'cleanser'" in result.output
    assert result.exit_code == 0  # blemishes are a cosmetic's to speak of


def test_json_report_names_each_files_profile(project):
    write(project, "face.txt", CLEANSER)
    write(project, "caps.txt", CAPSULES)
    write(project, "plain.txt", "Magnesium contributes to normal muscle function.\n")
    result = claimlint("check", "--format", "json", "--fail-on", "never", "face.txt", "caps.txt", "plain.txt")
    profiles = {p["path"]: p for p in json.loads(result.output)["profiles"]}
    assert profiles["face.txt"] == {"path": "face.txt", "profile": "cosmetic", "inferred_from": "cleanser"}
    assert profiles["caps.txt"]["inferred_from"] == "capsules"
    assert profiles["plain.txt"] == {"path": "plain.txt", "profile": "food_supplement", "inferred_from": None}


def test_command_line_profile_overrides_inference(project):
    write(project, "face.txt", CLEANSER)
    result = claimlint("check", "--profile", "food_supplement", "--format", "json", "--fail-on", "never", "face.txt")
    payload = json.loads(result.output)
    assert payload["profiles"] == [{"path": "face.txt", "profile": "food_supplement", "inferred_from": None}]
    assert "MC201" in {d["code"] for d in payload["diagnostics"]}  # a food may not speak of blemishes


def test_config_profile_overrides_inference(project):
    write(project, "claimlint.toml", 'profile = "food_supplement"\n')
    write(project, "face.txt", CLEANSER)
    result = claimlint("check", "face.txt")
    assert "inferred from" not in result.output
    assert result.exit_code == 1


def test_front_matter_profile_overrides_inference(project):
    write(project, "face.md", "---\nclaimlint:\n  profile: food\n---\n" + CLEANSER)
    result = claimlint("check", "face.md")
    assert "inferred from" not in result.output


def test_a_cosmetic_that_treats_acne_is_still_medicinal(project):
    write(project, "face.txt", "Our serum treats acne and prevents breakouts.\n")
    result = claimlint("check", "--format", "concise", "face.txt")
    assert "MC201" in result.output and result.exit_code == 1
