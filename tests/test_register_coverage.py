"""The register coverage measure (tools/register_coverage.py) on a fixed sample: every
40th register entry, both template sets. The figures it reports are what claimlint
recognises of the register's effects in words it was not given; these floors keep them
from falling back, and the law's own wordings stay silent."""

from __future__ import annotations

import pytest

import register_coverage as coverage

EVERY = 40


@pytest.fixture(scope="module")
def sampled(engine):
    return {name: coverage.run(templates, EVERY, engine) for name, templates in coverage.SETS.items()}


def test_effect_is_read_from_the_relationship():
    assert coverage.effect_of("maintenance of normal bones") == "bones"
    assert coverage.effect_of("Contribution to normal function of the immune system") == "immune system"
    assert coverage.effect_of("formation of red blood cells and haemoglobin") == "red blood cells formation"
    assert coverage.effect_of("growth or maintenance of muscle mass") == "muscle mass"
    assert coverage.effect_of("contribution to normal cognitive and neurological function") == "cognitive function"
    assert coverage.effect_of("not validated") is None
    assert coverage.entry_effect("", "Zinc contributes to normal fertility and reproduction") == "fertility"


def test_substance_is_named_as_copy_names_it():
    assert coverage.substance_name("16. Lactobacillus rhamnosus LGG®") == "Lactobacillus rhamnosus LGG"
    assert coverage.substance_name("Riboflavin (Vitamin B2)") == "Riboflavin"
    assert coverage.substance_name("Cranberry extract powder (Vaccinium macrocarpon), dried") == "Cranberry extract powder"


def test_sample_is_fixed():
    entries = coverage.register_entries()
    first = coverage.probes(coverage.sample(entries, EVERY), coverage.SET_A, coverage.Counter())
    again = coverage.probes(coverage.sample(entries, EVERY), coverage.SET_A, coverage.Counter())
    assert first == again and len(first) > 500


@pytest.mark.parametrize("name", sorted(coverage.SETS))
def test_exact_authorised_wordings_stay_silent(sampled, name):
    _, table, _ = sampled[name]
    exact = table["family"]["all exact wordings"]
    assert exact["silent"] == exact["n"] > 0


@pytest.mark.parametrize("name", sorted(coverage.SETS))
def test_paraphrases_are_flagged_and_cite_their_entry(sampled, name):
    _, table, _ = sampled[name]
    total = table["family"]["all paraphrases"]
    assert total["flagged"] / total["n"] >= 0.88
    assert total["right"] / total["n"] >= 0.62
    assert total["cited_right"] / total["cited"] >= 0.98


def test_strengthened_authorised_wordings_are_flagged(sampled):
    _, table, _ = sampled["a"]
    for form in ("strengthened-verb-boosts", "strengthened-verb-optimises"):
        row = table["family"][form]
        assert row["flagged"] == row["n"] > 0


def test_every_finding_is_scored_once(sampled):
    results, table, _ = sampled["a"]
    flagged = sum(r.flagged for p, r, _ in results if not p.expect_silent)
    assert table["family"]["all paraphrases"]["flagged"] == flagged
