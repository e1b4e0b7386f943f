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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import lru_cache
from typing import Any

from claimlint.knowledge.packs import DEFAULT_LANGUAGE, language_pack_paths, load_pack

BASES = ("per_portion", "per_100g", "per_100ml")

_MASS = {"g": Fraction(1000), "mg": Fraction(1), "µg": Fraction(1, 1000)}  # in mg
_ENERGY = {"kcal": Fraction(1), "kJ": Fraction(1000, 4184)}  # in kcal
IU = {"vitamin_d": (Fraction("0.025"), "µg"), "vitamin_e": (Fraction("0.67"), "mg")}

# "1,500" and "1 500" (no-break or thin space) group thousands; "1,5" is a decimal comma.
_NUMBER = r"\d{1,3}(?:[,\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_DIGIT = re.compile(r"\d")


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


class AmountReader:
    """Amounts and reference-intake percentages as copy and profiles write them, read with
    the words of the ``amounts`` packs (units, "per portion", "% of the NRV"), compiled once.

    The language-neutral pack (``rules/amounts.yaml``) holds the symbols (mg, µg, kcal, %);
    the packs of a language add its unit words and how it names a reference intake.
    """

    def __init__(self, words: Mapping[str, Any]) -> None:
        units: Mapping[str, list[str]] = words.get("units", {})
        self.unit_names = {spelling.lower(): unit for unit, spellings in units.items() for spelling in spellings}
        self.bases = {w.lower(): basis for basis, ws in words.get("per_100", {}).items() for w in ws}
        portion = words.get("portion", {})
        intake = words.get("intake", {})
        sign = _any(words.get("percent", []))
        self.sign = re.compile(sign, re.I)  # every percentage holds one
        range_ = rf"\s*{_any(words.get('ranges', []))}\s*"
        unit = rf"{_any(self.unit_names)}(?![\w²³⁺])"
        self.amount = re.compile(rf"(?<![\w.,])(?P<low>{_NUMBER})(?:{range_}(?P<high>{_NUMBER}))?\s*(?P<unit>{unit})", re.I)
        self.per = re.compile(
            rf"\s*{_any(words.get('per', []))}\s*(?:(?:100\s*(?P<measure>{_any(self.bases)}))"
            rf"|(?P<portion>(?:{_any(portion.get('qualifiers', []))}\s+)*{_any(portion.get('nouns', []))}))\s*$",
            re.I,
        )
        # A percentage of a reference intake: "234% of daily reference value", "117–234 % NRV",
        # "50% RI", "(NRV 25%)". A bare "25%" counts only under a column headed so.
        percent = rf"(?P<plow>{_NUMBER})(?:\s*{sign}?{range_}(?P<phigh>{_NUMBER}))?\s*{sign}"
        cue = rf"{_any(intake.get('names', []))}\b"
        of = _any(intake.get("of", []))
        self.cued_after = re.compile(
            rf"(?<![\w.,]){percent}\s*\**\s*(?:{of}\s+(?:{_any(intake.get('determiners', []))}\s+)?"
            rf"(?:{_any(intake.get('qualifiers', []))}\s+)?)?{cue}",
            re.I,
        )
        self.cued_before = re.compile(rf"\b{_any(intake.get('before', []))}\s*:?\s*(?<![\w.,]){percent}", re.I)
        self.bare = re.compile(rf"(?<![\w.,]){percent}")
        self.heading = re.compile(
            rf"{sign}\s*\**\s*(?:{of}\s+(?:{_any(intake.get('heading_determiners', []))}\s+)?)?{cue}"
            rf"|\b{_any(intake.get('heading_before', []))}\s*{sign}",
            re.I,
        )

    @classmethod
    def from_packs(cls, packs: list[dict[str, Any]]) -> "AmountReader":
        """Merge the amounts packs of a run: lists add up, also inside mappings."""
        words: dict[str, Any] = {}
        for pack in packs:
            for name, value in pack.items():
                if name in ("kind", "_path"):
                    continue
                if isinstance(value, dict):
                    inner = words.setdefault(name, {})
                    for key, items in value.items():
                        inner.setdefault(key, []).extend(items)
                else:
                    words.setdefault(name, []).extend(value)
        return cls(words)

    def unit_name(self, text: str) -> str:
        return self.unit_names[text.lower().replace(" ", "")]

    def parse(self, text: str, basis: str | None = None) -> Amount:
        """An amount as a profile states it: "300 mg", "93.5–187 mg", "3 g per 100 g", "400 IU"."""
        if not isinstance(text, str):
            raise AmountError(f"{text!r} has no unit (write an amount such as '300 mg')")
        match = self.amount.match(text.strip())
        if match is None:
            raise AmountError(f"cannot read amount {text!r} (expected a number and a unit: g, mg, µg/mcg/ug, IU, kcal, kJ)")
        rest = text.strip()[match.end():]
        if rest.strip():
            per = self.per.match(rest)
            if per is None:
                raise AmountError(f"cannot read {rest.strip()!r} after {match.group(0)!r} (expected 'per 100 g', 'per 100 ml' or 'per portion')")
            basis = "per_portion" if per["portion"] else self.bases[per["measure"].lower()]
        low, high = _range(match["low"], match["high"])
        return Amount(low, high, self.unit_name(match["unit"]), basis)

    def find_amounts(self, text: str) -> list[Found]:
        """Every amount with a unit in ``text``."""
        if not _DIGIT.search(text):
            return []  # most sentences hold no figure; one search spares the full patterns
        found = []
        for m in self.amount.finditer(text):
            low, high = _range(m["low"], m["high"])
            found.append(Found(low, high, m.start(), m.end(), self.unit_name(m["unit"])))
        return found

    def find_percentages(self, text: str, bare: bool = False) -> list[Found]:
        """Percentages of a reference intake in ``text``; with ``bare``, every percentage."""
        if not _DIGIT.search(text) or not self.sign.search(text):
            return []
        found: dict[int, Found] = {}
        for pattern in (self.cued_after, self.cued_before, *((self.bare,) if bare else ())):
            for m in pattern.finditer(text):
                start = m.start("plow")
                if start in found:
                    continue
                low, high = _range(m["plow"], m["phigh"])
                places = max(decimals(m["plow"]), decimals(m["phigh"] or ""))
                found[start] = Found(low, high, start, m.end(), places=places)
        return sorted(found.values(), key=lambda f: f.start)

    def is_nrv_heading(self, text: str) -> bool:
        """Does ``text`` head a column of reference-intake percentages ("% NRV", "RI %")?"""
        return self.heading.search(text) is not None


def _any(words: Iterable[str]) -> str:
    """A regular expression group matching any of ``words``, the longest first (so a word is
    never cut short by a shorter one it begins with). Within a phrase, space between two
    words is one or more spaces; space next to a sign ("% DV") may be left out."""
    phrases = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(_phrase(p) for p in phrases) + ")" if phrases else "(?!)"  # no words: no match


def _phrase(text: str) -> str:
    parts = text.split()
    out = re.escape(parts[0])
    for before, after in zip(parts, parts[1:]):
        joint = r"\s+" if before[-1].isalnum() and after[0].isalnum() else r"\s*"
        out += joint + re.escape(after)
    return out


@lru_cache(maxsize=None)
def builtin_reader(language: str = DEFAULT_LANGUAGE) -> AmountReader:
    """The reader of the amounts packs shipped for ``language``: how a product profile and
    the packs' own conditions state amounts ("300 mg per portion")."""
    packs = [pack for pack in map(load_pack, language_pack_paths(language)) if pack["kind"] == "amounts"]
    return AmountReader.from_packs(packs)


def parse_amount(text: str, basis: str | None = None) -> Amount:
    """An amount as a product profile states it, read with the built-in words."""
    return builtin_reader().parse(text, basis)


def rounds_to(stated: Fraction, places: int, exact: Fraction) -> bool:
    """Is ``stated`` (given to ``places`` decimals) a rounding of ``exact``?

    Rounding half up, down or up to the stated precision are all accepted, so a stated
    figure passes when it lies less than one unit of its last digit from the exact value:
    233.75 % may be written 234 % or 233 %, never 235 %.
    """
    return abs(stated - exact) < Fraction(1, 10**places)
