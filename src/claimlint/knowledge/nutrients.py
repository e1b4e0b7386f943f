"""What claimlint knows about nutrients: NRVs, nutrition-claim conditions, nutrient names.

``NutrientFacts`` is what the composition judge (HC104) and the nutrition-claims judge
(NC301) both read: NRVs by substance key, the Annex claim conditions of
rules/en/nutrition-claims.yaml, how a profile's nutrient names resolve through the same
lexicon that reads the copy, and the three-valued test of a product against a condition
(met, not met, not known). What a failed condition says is worded by the ``messages`` of
the nutrition-claims pack, so the text of a finding is the language's, not the code's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from spacy.language import Language

from claimlint.knowledge.amounts import Amount, AmountReader, show
from claimlint.knowledge.base import Knowledge
from claimlint.knowledge.packs import PackError
from claimlint.knowledge.profile import Profile
from claimlint.language.mentions import Annotator, Mention

VITAMINS_MINERALS = "vitamins_minerals"
CLAIMED = "$claimed"
PER_BASIS = {"100g": "per_100g", "100ml": "per_100ml", "portion": "per_portion"}


@dataclass(frozen=True)
class Limit:
    nutrient: str
    bound: str  # min | max
    value: Amount | Fraction  # an amount, or a percentage for energy_percent / nrv_percent
    per: str
    beverage: Fraction | None = None


@dataclass(frozen=True)
class AnyOf:
    options: tuple[tuple, ...]  # each a tuple of Limit / AnyOf that must all hold


@dataclass(frozen=True)
class ClaimDef:
    claim: str
    condition: tuple
    text: str
    citation: str  # the source, or why the condition is not cited
    strength: str | None = None
    nutrients: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    no_percentage: bool = False


@dataclass(frozen=True)
class NRV:
    label: str
    value: Fraction
    unit: str


@dataclass
class Outcome:
    ok: bool | None  # None: the profile does not say enough to tell
    detail: str = ""


@dataclass(frozen=True)
class Resolved:
    amount_of: str | None  # the nutrient a declared amount is of (None for a compound)
    supplies: frozenset[str]  # every substance the name stands for


@dataclass
class Composition:
    """A profile's nutrients by substance (or declaration) key."""

    profile: Profile
    amounts: dict[str, Amount] = field(default_factory=dict)
    present: set[str] = field(default_factory=set)


def claim_name(name: str) -> str:
    """An Annex claim name as the register and the pack both write it ("SUGARS FREE", "SUGARS-FREE")."""
    return " ".join(name.replace("-", " ").upper().split())


class NutrientFacts:
    """NRVs, nutrition-claim conditions and nutrient names, compiled once per process and
    shared by the judges that read them, with the amount reader of the run's packs that
    reads the conditions' amounts and the copy's."""

    def __init__(self, knowledge: Knowledge, nlp: Language, annotator: Annotator) -> None:
        self.nlp = nlp
        self.amounts: AmountReader = knowledge.amounts
        self.messages: dict[str, Any] = {}  # how an unmet condition is told, by part
        self.annotator = annotator
        self.substances = knowledge.substances
        self.declaration: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.derived: dict[str, tuple[list[str], Fraction]] = {}
        self.energy_per_gram: dict[str, Fraction] = {}
        self.claims: list[ClaimDef] = []
        self.wordings: dict[str, list[str]] = {}
        self.not_product: set[str] = set()
        self.information_words: list[str] = []
        self.not_in_annex: list[tuple[list[str], str]] = []
        self._resolved: dict[str, Resolved | None] = {}
        for pack in knowledge.packs.get("nutrition_claims", []):
            self._add(pack)
        self.nrv: dict[str, NRV] = {}  # by substance key
        self.nrv_names: dict[str, str] = {}  # register nutrient name → substance key
        for pack in knowledge.packs.get("nrv", []):
            for entry in pack["entries"]:
                resolved = self.resolve(entry["nutrient"])
                if resolved is None or resolved.amount_of is None:
                    raise PackError(f"{pack['_path']}: NRV nutrient {entry['nutrient']!r} is not a known substance")
                key = resolved.amount_of
                self.nrv[key] = NRV(self.substances[key].label, Fraction(str(entry["nrv"])), entry["unit"])
                for name in [entry["key"], *entry.get("aliases", [])]:
                    self.nrv_names[name.lower()] = key
        self.by_name = {claim_name(c.claim): c for c in self.claims}
        # Words that show the copy passes on information a condition of use requires.
        self.information_cues = re.compile("|".join(map(re.escape, self.information_words)) or "(?!)", re.I)
        self.source_claim = next(c for c in self.claims if c.strength == "source" and VITAMINS_MINERALS in c.nutrients)

    def _add(self, pack: dict[str, Any]) -> None:
        sources = pack["sources"]
        self.messages.update(pack.get("messages", {}))

        def citation(item: dict[str, Any]) -> str:
            if not item["cited"]:
                return self.messages["not_cited"].format(note=item["note"])
            if item["source"] not in sources:
                raise PackError(f"{pack['_path']}: field 'source': unknown source {item['source']!r}")
            return sources[item["source"]]

        for key, names in pack["nutrients"].items():
            self.labels[key] = names[0]
            for name in names:
                self.declaration[name.lower()] = key
        for key, spec in pack.get("derived", {}).items():
            citation(spec)
            self.derived[key] = (spec["from"], Fraction(str(spec["factor"])))
        if "energy_per_gram" in pack:
            citation(pack["energy_per_gram"])
            self.energy_per_gram.update({k: Fraction(str(v)) for k, v in pack["energy_per_gram"]["values"].items()})
        for name, phrases in pack["wordings"].items():
            self.wordings.setdefault(name, []).extend(phrases)
        self.not_product.update(pack.get("not_product", []))
        self.information_words.extend(pack.get("information_cues", []))
        for item in pack.get("not_in_annex", []):
            self.not_in_annex.append((item["phrases"], citation(item)))
        for item in pack["claims"]:
            self.claims.append(ClaimDef(
                claim=item["claim"],
                condition=self._condition(item["condition"]),
                text=item["text"],
                citation=citation(item),
                strength=item.get("strength"),
                nutrients=tuple(item.get("nutrients", ())),
                phrases=tuple(item.get("phrases", ())),
                no_percentage=item.get("no_percentage", False),
            ))

    def _condition(self, items: list) -> tuple:
        out = []
        for item in items:
            if "any_of" in item:
                out.append(AnyOf(tuple(self._condition(option) for option in item["any_of"])))
                continue
            bound = "min" if "min" in item else "max"
            raw = item[bound]
            percent = item["per"] in ("energy_percent", "nrv_percent")
            value = Fraction(str(raw)) if percent else self.amounts.parse(str(raw))
            beverage = Fraction(str(item["beverage"])) if "beverage" in item else None
            out.append(Limit(item["nutrient"], bound, value, item["per"], beverage))
        return tuple(out)

    # -- names and compositions -----------------------------------------------------
    def resolve(self, name: str) -> Resolved | None:
        """What a nutrient name stands for, read with the lexicon that reads the copy.

        An amount given under a compound's name ("magnesium citrate: 500 mg") weighs the
        compound, so it counts as the substances' presence, not as an amount of them.
        """
        if name in self._resolved:
            return self._resolved[name]
        plain = name.strip().lower()
        key = self.declaration.get(plain) or (plain if plain in self.substances else None)  # "vitamin_c" too
        resolved = Resolved(key, frozenset([key])) if key is not None else None
        if key is None:
            doc = self.nlp(name)
            found = [m for m in self.annotator.mentions(doc) if m.kind == "substance"]
            if found:
                supplies = frozenset(k for m in found for k in (m.key, *m.extra))
                resolved = Resolved(None if self.is_form(found[0], doc) else found[0].key, supplies)
        self._resolved[name] = resolved
        return resolved

    def is_form(self, mention: Mention, doc) -> bool:
        return doc[mention.start:mention.end].text.lower() in self.substances[mention.key].forms

    def composition(self, profile: Profile) -> Composition:
        comp = Composition(profile)
        for name, amount in profile.nutrients.items():
            resolved = self.resolve(name)
            if resolved is None:
                continue
            comp.present |= resolved.supplies
            if resolved.amount_of is not None:
                comp.amounts.setdefault(resolved.amount_of, amount)
        for name in profile.ingredients:
            resolved = self.resolve(name)
            if resolved is not None:
                comp.present |= resolved.supplies
        return comp

    def contains(self, comp: Composition, key: str) -> bool:
        """Does the product contain ``key``, itself, as a member of a declared group, or any member of it?"""
        if key in comp.present or key in comp.amounts:
            return True
        members = set(self.substances[key].members) if key in self.substances else set()
        return bool(members & comp.present) or any(key in self.substances[p].members for p in comp.present if p in self.substances)

    def amount(self, comp: Composition, key: str) -> Amount | None:
        """The declared amount of ``key``, or one derived from others ("salt" gives sodium)."""
        if key in comp.amounts:
            return comp.amounts[key]
        if key not in self.derived:
            return None
        parts, factor = self.derived[key]
        amounts = [comp.amounts.get(p) for p in parts]
        if any(a is None for a in amounts) or len({a.basis for a in amounts}) != 1:
            return None
        in_mg = [a.to("mg", p) for a, p in zip(amounts, parts)]
        if any(a is None for a in in_mg):
            return None
        return Amount(sum(a.low for a in in_mg) * factor, sum(a.high for a in in_mg) * factor, "mg", amounts[0].basis)

    def label(self, key: str) -> str:
        if key in self.substances:
            return self.substances[key].label
        return self.labels.get(key, key)

    # -- conditions -----------------------------------------------------------------
    def evaluate(self, claim: ClaimDef, comp: Composition, claimed: str | None = None) -> Outcome:
        return self._all(claim.condition, comp, claimed)

    def evaluate_limits(self, limits: list[Limit], comp: Composition) -> Outcome:
        return self._all(tuple(limits), comp, None)

    def _all(self, items: tuple, comp: Composition, claimed: str | None) -> Outcome:
        outcomes = [o for o in (self._item(i, comp, claimed) for i in items) if o is not None]
        failed = [o for o in outcomes if o.ok is False]
        if failed:
            return failed[0]
        if not outcomes or any(o.ok is None for o in outcomes):
            return Outcome(None)
        return Outcome(True)

    def _item(self, item: Limit | AnyOf, comp: Composition, claimed: str | None) -> Outcome | None:
        if isinstance(item, Limit):
            return self._limit(item, comp, claimed)
        outcomes = [self._all(option, comp, claimed) for option in item.options]
        if any(o.ok for o in outcomes):
            return Outcome(True)
        if any(o.ok is None for o in outcomes):
            return Outcome(None)
        return Outcome(False, self.messages["alternatively"].join(o.detail for o in outcomes))

    def _limit(self, limit: Limit, comp: Composition, claimed: str | None) -> Outcome | None:
        """The outcome of one limit, or None where it does not apply to the declared basis."""
        key = claimed if limit.nutrient == CLAIMED else limit.nutrient
        label = self.label(key)
        declared = self.amount(comp, key)
        if declared is None:
            absent = key in self.substances and comp.profile.composition and not self.contains(comp, key)
            return Outcome(False, self.message("declares_none", nutrient=label)) if absent else Outcome(None)
        per = self.basis_text(declared.basis, comp.profile)
        per_short = self.basis_text(declared.basis, comp.profile, portion=False)
        wanted = self.messages["bounds"][limit.bound]

        def end(amount: Amount) -> Fraction:
            """A range ("1-2 capsules") must meet a minimum at its low end, a maximum at its high end."""
            return amount.low if limit.bound == "min" else amount.high

        if limit.per in PER_BASIS or limit.per == "any":
            if limit.per != "any" and declared.basis != PER_BASIS[limit.per]:
                return None
            value = declared.to(limit.value.unit, key)
            if value is None:
                return Outcome(None)
            measured, threshold = end(value), limit.value.low
            need = self.message("needs", bound=wanted, threshold=show(threshold), unit=limit.value.unit, basis=per_short).rstrip()
            said = self.message("declares", amount=declared, nutrient=label, basis=per).rstrip()
        elif limit.per == "nrv_percent":
            nrv = self.nrv.get(key)
            value = declared.to(nrv.unit, key) if nrv else None
            if value is None:
                return Outcome(None)
            beverage = comp.profile.name == "beverage" and declared.basis == "per_100ml" and limit.beverage
            share = limit.beverage if beverage else limit.value
            measured, threshold = end(value), nrv.value * share / 100
            need = self.message(
                "needs_nrv_share", bound=wanted, threshold=show(threshold), unit=nrv.unit, share=show(share), nrv=show(nrv.value), basis=per_short
            )
            said = self.message("declares", amount=declared, nutrient=label, basis=per)
        else:
            energy = self.amount(comp, "energy")
            energy = energy.to("kcal") if energy is not None and energy.basis == declared.basis else None
            unit = "g" if limit.per == "energy_percent" else limit.value.unit
            value = declared.to(unit, key)
            if energy is None or not energy.low or value is None:
                return Outcome(None)
            if limit.per == "energy_percent":
                if key not in self.energy_per_gram:
                    return Outcome(None)
                measured = end(value) * self.energy_per_gram[key] * 100 / energy.low
                threshold = limit.value
                need = self.message("needs_energy_share", bound=wanted, threshold=show(threshold))
                said = self.message("provides_energy_share", nutrient=label, share=show(measured))
            else:
                measured, threshold = end(value) * 100 / energy.low, limit.value.low
                need = self.message("needs_per_energy", bound=wanted, threshold=show(threshold), unit=unit)
                said = self.message("declares_per_energy", value=show(measured), unit=unit, nutrient=label)
        if (measured >= threshold) if limit.bound == "min" else (measured <= threshold):
            return Outcome(True)
        return Outcome(False, self.message("not_met", declared=said, needed=need))

    # -- wording ----------------------------------------------------------------------
    def message(self, name: str, **fields: Any) -> str:
        return self.messages[name].format(**fields)

    def basis_text(self, basis: str | None, profile: Profile, portion: bool = True) -> str:
        """ "per 100 g", or "per daily portion (2 capsules)" for a supplement's portion."""
        bases = self.messages["bases"]
        if basis != "per_portion":
            return bases.get(basis or "", "")
        text = self.messages["daily_portion"] if profile.name == "food_supplement" else bases[basis]
        return self.message("portion_named", basis=text, portion=profile.portion) if profile.portion and portion else text
