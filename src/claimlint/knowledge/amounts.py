"""Amounts of nutrients as copy and product profiles write them, and the arithmetic on them.

Values are kept as exact fractions of what was written ("93.5" is 187/2), so a percentage
computed from an amount is exactly the figure a careful label writer would have rounded,
and a tolerance test never hinges on binary floating point.

Units: g, mg, µg (also written μg, mcg, ug) and the energy units kcal and kJ convert among
themselves. International Units are defined per vitamin, so an IU amount converts only for
the vitamins in ``IU``:

* vitamin D: 1 µg = 40 IU (1 IU = 0.025 µg cholecalciferol, the WHO definition of the unit);
* vitamin E: 1 IU = 0.67 mg alpha-tocopherol equivalents, the conversion of the
  alpha-tocopherol-equivalent system in which EU labels commonly state the 12 mg NRV of
  Annex XIII of Regulation (EU) No 1169/2011 (the Annex itself says only "mg"). US labelling
  since 2016 uses 0.45 mg for synthetic (all-rac) and 0.67 mg for natural (RRR) forms. No
  stored text states a factor: this one is not cited.

Energy: 1 kcal = 4.184 kJ (the thermochemical calorie), also not stated in a stored text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction

BASES = ("per_portion", "per_100g", "per_100ml")

_MASS = {"g": Fraction(1000), "mg": Fraction(1), "µg": Fraction(1, 1000)}  # in mg
_ENERGY = {"kcal": Fraction(1), "kJ": Fraction(1000, 4184)}  # in kcal
IU = {"vitamin_d": (Fraction("0.025"), "µg"), "vitamin_e": (Fraction("0.67"), "mg")}
_UNIT_NAMES = {
    "g": "g", "gram": "g", "grams": "g", "mg": "mg", "milligram": "mg", "milligrams": "mg",
    "µg": "µg", "μg": "µg", "mcg": "µg", "ug": "µg", "microgram": "µg", "micrograms": "µg",
    "iu": "IU", "i.u.": "IU", "i.u": "IU", "kcal": "kcal", "kj": "kJ",
}

# "1,500" and "1 500" (no-break or thin space) group thousands; "1,5" is a decimal comma.
_NUMBER = r"\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_RANGE = r"\s*(?:-|–|‐|to)\s*"
_UNIT = r"(?:milligrams?|micrograms?|grams?|mg|mcg|µg|μg|ug|g|kcal|kj|i\.u\.?|iu)(?![\w²³⁺])"
_AMOUNT = re.compile(rf"(?<![\w.,])(?P<low>{_NUMBER})(?:{_RANGE}(?P<high>{_NUMBER}))?\s*(?P<unit>{_UNIT})", re.I)
_PER = re.compile(
    r"\s*(?:per|/)\s*(?:(?:100\s*(?P<measure>g|grams?|ml|millilitres?|milliliters?))"
    r"|(?P<portion>(?:daily\s+|recommended\s+)*(?:portion|serving|dose)))\s*$",
    re.I,
)

# A percentage of a reference intake: "234% of daily reference value", "117–234 % NRV",
# "50% RI", "(NRV 25%)". A bare "25%" counts only under a column headed so.
_PERCENT = rf"(?P<plow>{_NUMBER})(?:\s*%?{_RANGE}(?P<phigh>{_NUMBER}))?\s*%"
_CUE = (
    r"(?:NRVs?|RIs?|DV|RDAs?|RDI|(?:daily\s+|nutrient\s+)?reference\s+(?:intakes?|values?)"
    r"|(?:recommended\s+)?daily\s+(?:values?|intakes?|allowances?|amounts?))\b"
)
_CUED_AFTER = re.compile(
    rf"(?<![\w.,]){_PERCENT}\s*\**\s*(?:of\s+(?:the\s+|your\s+|an\s+)?(?:adult\s+)?)?{_CUE}", re.I
)
_CUED_BEFORE = re.compile(rf"\b(?:NRV|RI|%\s*DV)\s*:?\s*(?<![\w.,]){_PERCENT}", re.I)
_DIGIT = re.compile(r"\d")
_BARE = re.compile(rf"(?<![\w.,]){_PERCENT}")
NRV_HEADING = re.compile(rf"%\s*\**\s*(?:of\s+(?:the\s+)?)?{_CUE}|\b(?:NRV|RI)\s*%", re.I)


class AmountError(ValueError):
    pass


def number(text: str) -> Fraction:
    """The value of a number as copy writes it: "93.5", "1,5", "1,500", "1\u00a0200"."""
    text = text.strip()
    if re.fullmatch(r"\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?", text):
        text = re.sub(r"[,\u00a0\u202f\u2009]", "", text)
    return Fraction(text.replace(",", "."))


def decimals(text: str) -> int:
    """How many decimals a written number states ("233.8" states one)."""
    match = re.search(r"[.,](\d+)$", text.strip())
    return len(match.group(1)) if match and not re.search(r",\d{3}$", text.strip()) else 0


def show(value: Fraction | float) -> str:
    """A value for a message: at most three decimals, no trailing zeros."""
    text = f"{float(value):.3f}".rstrip("0").rstrip(".")
    return text or "0"


def unit_name(text: str) -> str:
    return _UNIT_NAMES[text.lower().replace(" ", "")]


def factor(source: str, target: str, substance: str | None = None) -> Fraction | None:
    """What one ``source`` unit is in ``target`` units (for ``substance``), or None."""
    if source == target:
        return Fraction(1)
    if source in _MASS and target in _MASS:
        return _MASS[source] / _MASS[target]
    if source in _ENERGY and target in _ENERGY:
        return _ENERGY[source] / _ENERGY[target]
    if "IU" in (source, target) and substance in IU:
        per_iu, unit = IU[substance]
        if source == "IU":
            rest = factor(unit, target)
            return per_iu * rest if rest is not None else None
        rest = factor(source, unit)
        return rest / per_iu if rest is not None else None
    return None


@dataclass(frozen=True)
class Amount:
    low: Fraction
    high: Fraction  # equals ``low`` unless a range ("93.5–187 mg") was written
    unit: str
    basis: str | None = None  # per_portion | per_100g | per_100ml, where stated

    @property
    def is_range(self) -> bool:
        return self.high != self.low

    def ends(self) -> tuple[Fraction, ...]:
        return (self.low, self.high) if self.is_range else (self.low,)

    def to(self, unit: str, substance: str | None = None) -> Amount | None:
        """The same amount in ``unit``, or None where no conversion is defined."""
        f = factor(self.unit, unit, substance)
        if f is None:
            return None
        return replace(self, low=self.low * f, high=self.high * f, unit=unit)

    def __str__(self) -> str:
        value = show(self.low) + (f"–{show(self.high)}" if self.is_range else "")
        return f"{value} {self.unit}"


@dataclass(frozen=True)
class Found:
    """An amount or percentage found in copy, with its character span."""

    low: Fraction
    high: Fraction
    start: int
    end: int
    unit: str = "%"
    places: int = 0  # decimals stated (percentages)

    def ends(self) -> tuple[Fraction, ...]:
        return (self.low, self.high) if self.high != self.low else (self.low,)

    def amount(self) -> Amount:
        return Amount(self.low, self.high, self.unit)


def _range(low: str, high: str | None) -> tuple[Fraction, Fraction]:
    a = number(low)
    b = number(high) if high else a
    return (a, b) if a <= b else (b, b)  # "Step 3 – 187 mg": no range runs backwards


def parse_amount(text: str, basis: str | None = None) -> Amount:
    """An amount as a profile states it: "300 mg", "93.5–187 mg", "3 g per 100 g", "400 IU"."""
    if not isinstance(text, str):
        raise AmountError(f"{text!r} has no unit (write an amount such as '300 mg')")
    match = _AMOUNT.match(text.strip())
    if match is None:
        raise AmountError(f"cannot read amount {text!r} (expected a number and a unit: g, mg, µg/mcg/ug, IU, kcal, kJ)")
    rest = text.strip()[match.end():]
    if rest.strip():
        per = _PER.match(rest)
        if per is None:
            raise AmountError(f"cannot read {rest.strip()!r} after {match.group(0)!r} (expected 'per 100 g', 'per 100 ml' or 'per portion')")
        if per["portion"]:
            basis = "per_portion"
        else:
            basis = "per_100ml" if per["measure"].lower().startswith("m") else "per_100g"
    low, high = _range(match["low"], match["high"])
    return Amount(low, high, unit_name(match["unit"]), basis)


def find_amounts(text: str) -> list[Found]:
    """Every amount with a unit in ``text``."""
    if not _DIGIT.search(text):
        return []  # most sentences hold no figure; one search spares the full patterns
    found = []
    for m in _AMOUNT.finditer(text):
        low, high = _range(m["low"], m["high"])
        found.append(Found(low, high, m.start(), m.end(), unit_name(m["unit"])))
    return found


def find_percentages(text: str, bare: bool = False) -> list[Found]:
    """Percentages of a reference intake in ``text``; with ``bare``, every percentage."""
    if not _DIGIT.search(text):
        return []
    found: dict[int, Found] = {}
    for pattern in (_CUED_AFTER, _CUED_BEFORE, *((_BARE,) if bare else ())):
        for m in pattern.finditer(text):
            start = m.start("plow")
            if start in found:
                continue
            low, high = _range(m["plow"], m["phigh"])
            places = max(decimals(m["plow"]), decimals(m["phigh"] or ""))
            found[start] = Found(low, high, start, m.end(), places=places)
    return sorted(found.values(), key=lambda f: f.start)


def rounds_to(stated: Fraction, places: int, exact: Fraction) -> bool:
    """Is ``stated`` (given to ``places`` decimals) a rounding of ``exact``?

    Rounding half up, down or up to the stated precision are all accepted, so a stated
    figure passes when it lies less than one unit of its last digit from the exact value:
    233.75 % may be written 234 % or 233 %, never 235 %.
    """
    return abs(stated - exact) < Fraction(1, 10**places)
