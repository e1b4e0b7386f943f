"""The product profile: what the copy is for, and what the product declares.

It comes from the ``claimlint:`` front-matter block or from config for every file under
a path. Without one, judges that need the composition stay silent rather than guess.

``nutrients`` maps a nutrient name to an amount ("300 mg", "187 mg per portion",
"3 g per 100 g"); ``basis`` says what an amount without its own "per …" refers to. The
default follows how each kind of product declares nutrients: a food supplement per
recommended daily portion (Directive 2002/46/EC Art 8), a food per 100 g and a beverage
per 100 ml (Regulation (EU) No 1169/2011 Art 32). ``ingredients`` names what else the
product contains, without amounts ("magnesium bisglycinate" supplies magnesium and glycine).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from claimlint.knowledge.amounts import BASES, Amount, AmountError, parse_amount

PROFILES = ("food", "food_supplement", "beverage", "cosmetic")
DEFAULT_PROFILE = "food_supplement"
DEFAULT_BASIS = {"food_supplement": "per_portion", "food": "per_100g", "beverage": "per_100ml"}


class ProfileError(ValueError):
    pass


@dataclass
class Profile:
    name: str = DEFAULT_PROFILE
    product: str | None = None
    portion: str | None = None
    basis: str | None = None  # per_portion | per_100g | per_100ml
    nutrients: dict[str, Amount] = field(default_factory=dict)  # by name as written
    ingredients: list[str] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)
    declared: bool = False  # a product profile was given (composition checks may run)
    inferred_from: str | None = None  # the copy's word the profile was inferred from, when none was chosen
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def is_food(self) -> bool:
        return self.name != "cosmetic"

    @property
    def composition(self) -> bool:
        """The profile says what the product contains (not just its name)."""
        return bool(self.nutrients or self.ingredients)

    @classmethod
    def from_mapping(cls, data: dict[str, Any] | None, default: str = DEFAULT_PROFILE) -> "Profile":
        data = dict(data or {})
        name = data.get("profile", default)
        if name not in PROFILES:
            raise ProfileError(f"unknown profile {name!r} (expected one of {', '.join(PROFILES)})")
        nutrients = data.get("nutrients") or {}
        evidence = data.get("evidence") or {}
        if not isinstance(nutrients, dict):
            raise ProfileError("field 'nutrients' must be a mapping of nutrient to amount")
        if not isinstance(evidence, dict):
            raise ProfileError("field 'evidence' must be a mapping of key to evidence entry")
        basis = data.get("basis", DEFAULT_BASIS.get(name))
        if basis is not None and basis not in BASES:
            raise ProfileError(f"field 'basis': unknown basis {basis!r} (expected one of {', '.join(BASES)})")
        ingredients = data.get("ingredients") or []
        if not isinstance(ingredients, list) or not all(isinstance(i, str) for i in ingredients):
            raise ProfileError("field 'ingredients' must be a list of names")
        product = data.get("product")
        return cls(
            name=name,
            product=str(product) if product is not None else None,
            portion=str(data["portion"]) if data.get("portion") is not None else None,
            basis=basis,
            nutrients={str(k): _amount(str(k), v, basis) for k, v in nutrients.items()},
            ingredients=ingredients,
            evidence={str(k): v for k, v in evidence.items()},
            declared=bool(nutrients) or bool(ingredients) or product is not None,
            raw=data,
        )


class ProfileCues:
    """Words that show what a product is (a cleanser, a capsule, a drink), from the profiles
    pack; compiled once. The profile whose words the copy uses most wins; a tie, or no
    word at all, infers nothing."""

    def __init__(self, cues: dict[str, list[str]]) -> None:
        self.patterns = {
            name: re.compile(r"\b(" + "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True)) + r")\b", re.I)
            for name, words in cues.items() if words
        }

    def infer(self, text: str) -> tuple[str, str] | None:
        """(profile, the first word that shows it), or None."""
        counts: dict[str, tuple[int, str]] = {}
        for name, pattern in self.patterns.items():
            found = pattern.findall(text)
            if found:
                counts[name] = (len(found), found[0].lower())
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda item: -item[1][0])
        if len(ranked) > 1 and ranked[0][1][0] == ranked[1][1][0]:
            return None
        name, (_, word) = ranked[0]
        return name, word


def _amount(name: str, value: Any, basis: str | None) -> Amount:
    try:
        amount = parse_amount(value)
    except AmountError as exc:
        raise ProfileError(f"field 'nutrients.{name}': {exc}") from None
    return amount if amount.basis else replace(amount, basis=basis)
