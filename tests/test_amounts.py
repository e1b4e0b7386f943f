"""Amounts, units, ranges and the rounding of reference-intake percentages."""

from fractions import Fraction
from math import ceil, floor

import pytest
from hypothesis import given, strategies as st

from claimlint.knowledge.amounts import AmountError, builtin_reader, number, parse_amount, rounds_to, show

find_amounts = builtin_reader().find_amounts
find_percentages = builtin_reader().find_percentages

# Amounts as a label writes them: up to three decimals.
values = st.decimals(min_value="0.001", max_value="99999", places=3, allow_nan=False, allow_infinity=False)
mass_units = st.sampled_from(["g", "mg", "µg", "μg", "mcg", "ug"])
canonical_units = st.sampled_from(["g", "mg", "µg"])


@given(values, mass_units)
def test_an_amount_reads_back_exactly(value, unit):
    amount = parse_amount(f"{value} {unit}")
    assert amount.low == amount.high == Fraction(str(value))
    assert amount.unit == {"μg": "µg", "mcg": "µg", "ug": "µg"}.get(unit, unit)


@given(values, mass_units, canonical_units)
def test_mass_conversions_compose(value, first, second):
    amount = parse_amount(f"{value} {first}")
    assert amount.to(second).to("mg") == amount.to("mg")
    assert amount.to("µg").low == amount.to("mg").low * 1000 == amount.to("g").low * 1_000_000


@given(values)
def test_vitamin_d_international_units(value):
    iu = parse_amount(f"{value} IU")
    assert iu.to("µg", "vitamin_d").low == Fraction(str(value)) / 40
    assert iu.to("mg", "vitamin_d").to("IU", "vitamin_d") == iu


@given(values)
def test_vitamin_e_international_units(value):
    assert parse_amount(f"{value} IU").to("mg", "vitamin_e").low == Fraction(str(value)) * Fraction("0.67")


def test_units_that_do_not_convert():
    assert parse_amount("400 IU").to("mg") is None  # IU means nothing without the vitamin
    assert parse_amount("400 IU").to("mg", "vitamin_a") is None
    assert parse_amount("5 g").to("kcal") is None
    assert parse_amount("100 kJ").to("kcal").low == Fraction(100_000, 4184)


@given(values, values, st.sampled_from(["–", "-", " - ", " to "]))
def test_ranges_keep_both_ends(a, b, separator):
    low, high = sorted((a, b))
    amount = parse_amount(f"{low}{separator}{high} mg")
    assert amount.ends() == ((Fraction(str(low)), Fraction(str(high))) if low != high else (Fraction(str(low)),))


@pytest.mark.parametrize(("text", "basis"), [
    ("3 g per 100 g", "per_100g"),
    ("1.5 g/100ml", "per_100ml"),
    ("187 mg per daily portion", "per_portion"),
    ("20 µg per serving", "per_portion"),
    ("300 mg", None),
])
def test_basis(text, basis):
    assert parse_amount(text).basis == basis


@pytest.mark.parametrize("text", ["187", "mg", "187 mgg", "about 300 mg", "3 g per 100 kg", "-5 mg"])
def test_malformed_amounts(text):
    with pytest.raises(AmountError):
        parse_amount(text)


def test_numbers_as_copy_writes_them():
    assert number("1,500") == 1500
    assert number("1,5") == Fraction(3, 2)
    assert number("1\u00a0200") == 1200
    assert number("93.5") == Fraction(187, 2)


def test_amounts_in_copy():
    found = find_amounts("At two capsules: 187 mg of Vitamin C; 93.5–187 mg via L-ascorbate; 1000iu (25µg). Mg²⁺ at 24 hours")
    assert [(f.low, f.high, f.unit) for f in found] == [
        (187, 187, "mg"), (Fraction(187, 2), 187, "mg"), (1000, 1000, "IU"), (25, 25, "µg"),
    ]


@pytest.mark.parametrize("text", [
    "(234% of daily reference value)", "234 % NRV", "234%NRV*", "234% of the NRV", "234% RI",
    "234% of the reference intake", "234% DV", "234% of your daily value", "NRV 234%", "(NRV: 234 %)",
])
def test_reference_intake_percentages(text):
    assert [f.low for f in find_percentages(text)] == [234]


def test_other_percentages_are_not_reference_intakes():
    text = "80% of women agreed; lose 15-20% of body weight; 47% of the 3g of oat beta-glucan"
    assert find_percentages(text) == []
    assert [f.low for f in find_percentages(text, bare=True)] == [80, 15, 47]


def test_percentage_ranges_and_decimals():
    (found,) = find_percentages("117–234 % NRV")
    assert found.ends() == (117, 234)
    (found,) = find_percentages("233.8% NRV")
    assert (found.low, found.places) == (Fraction("233.8"), 1)


@given(st.fractions(min_value=Fraction(1, 1000), max_value=100_000, max_denominator=1000),
       st.sampled_from([Fraction(80), Fraction(375), Fraction(11, 10), Fraction(5), Fraction(55)]),
       st.integers(min_value=0, max_value=2))
def test_any_rounding_of_the_exact_percentage_passes(amount, nrv, places):
    exact = amount * 100 / nrv
    scale = 10**places
    for rounded in (floor(exact * scale), ceil(exact * scale), floor(exact * scale + Fraction(1, 2))):
        assert rounds_to(Fraction(rounded, scale), places, exact)


@given(st.fractions(min_value=Fraction(1, 1000), max_value=100_000, max_denominator=1000),
       st.sampled_from([Fraction(80), Fraction(375), Fraction(11, 10)]),
       st.integers(min_value=0, max_value=2))
def test_a_figure_one_unit_off_fails(amount, nrv, places):
    exact = amount * 100 / nrv
    scale = 10**places
    assert not rounds_to(Fraction(floor(exact * scale) - 1, scale), places, exact)
    assert not rounds_to(Fraction(ceil(exact * scale) + 1, scale), places, exact)


def test_the_articles_vitamin_c_figure():
    exact = Fraction(187) * 100 / 80  # 233.75 %
    assert rounds_to(Fraction(234), 0, exact) and rounds_to(Fraction(233), 0, exact)
    assert not rounds_to(Fraction(235), 0, exact) and not rounds_to(Fraction(232), 0, exact)


@given(values)
def test_show_is_short(value):
    text = show(Fraction(str(value)))
    assert float(text) == pytest.approx(float(value), abs=0.0005)
    assert not text.endswith(".") and (not "." in text or not text.endswith("0"))
