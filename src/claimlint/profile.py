"""The product profile: what the copy is for, and what the product declares.

It comes from the ``claimlint:`` front-matter block or from config for every file under
a path. Without one, judges that need the composition stay silent rather than guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PROFILES = ("food", "food_supplement", "beverage", "cosmetic")
DEFAULT_PROFILE = "food_supplement"


class ProfileError(ValueError):
    pass


@dataclass
class Profile:
    name: str = DEFAULT_PROFILE
    product: str | None = None
    portion: str | None = None
    nutrients: dict[str, Any] = field(default_factory=dict)
    evidence: dict[str, Any] = field(default_factory=dict)
    declared: bool = False  # a product profile was given (composition checks may run)
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def is_food(self) -> bool:
        return self.name != "cosmetic"

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
        product = data.get("product")
        return cls(
            name=name,
            product=str(product) if product is not None else None,
            portion=str(data["portion"]) if data.get("portion") is not None else None,
            nutrients={str(k): v for k, v in nutrients.items()},
            evidence={str(k): v for k, v in evidence.items()},
            declared=bool(nutrients) or product is not None,
            raw=data,
        )
