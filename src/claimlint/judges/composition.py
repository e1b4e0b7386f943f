"""HC104, HC105: is the product one the claim may be made for?

An authorised claim is lawful only on a product meeting its conditions of use, which the
register states per entry (``conditions_parsed``): at least a "source of" the nutrient,
an amount per portion or per 100 g, an Annex nutrition claim ("high fibre"), information the
consumer must be given ("the beneficial effect is obtained with a daily intake of …").
Each is tested against the product profile; a condition the profile cannot settle stays
silent. Where the pair of substance and effect has several register entries, the claim
fails only when no entry's conditions can be met.

HC105 reports claims about a substance the declared product does not contain at all;
chemical forms count for what they supply ("magnesium bisglycinate" gives glycine too),
and the body's own substances ("your collagen") are not taken for ingredients.
Both checks need a profile: without one nothing here is reported.

``NutrientFacts`` is what this judge and the nutrition-claims judge (NC301) know about
nutrients: NRVs by substance key, the Annex claim conditions of rules/en/nutrition-claims.yaml,
how a profile's nutrient names resolve through the same lexicon that reads the copy, and
the three-valued test of a product against a condition (met, not met, not known).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Callable, Mapping
from fractions import Fraction
from functools import cached_property
from typing import Any

from spacy.language import Language

from claimlint.judges.context import DocContext
from claimlint.knowledge.amounts import Amount, Found, find_amounts, parse_amount, show
from claimlint.knowledge.base import Effect, Knowledge, Substance
from claimlint.knowledge.packs import PackError
from claimlint.knowledge.profile import Profile
from claimlint.knowledge.register import RegisterEntry
from claimlint.knowledge.register_index import AuthorisedClaim, RegisterIndex
from claimlint.language.claims import Claim, bodys_own
from claimlint.language.mentions import Annotator, Mention

VITAMINS_MINERALS = "vitamins_minerals"
CLAIMED = "$claimed"
PER_BASIS = {"100g": "per_100g", "100ml": "per_100ml", "portion": "per_portion"}
BASIS_TEXT = {"per_100g": "per 100 g", "per_100ml": "per 100 ml", "per_portion": "per portion"}


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


def listify(value: Any) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def claim_name(name: str) -> str:
    """An Annex claim name as the register and the pack both write it ("SUGARS FREE", "SUGARS-FREE")."""
    return " ".join(name.replace("-", " ").upper().split())


def basis_text(basis: str | None, profile: Profile, portion: bool = True) -> str:
    """ "per 100 g", or "per daily portion (2 capsules)" for a supplement's portion."""
    if basis != "per_portion":
        return BASIS_TEXT.get(basis or "", "")
    text = "per daily portion" if profile.name == "food_supplement" else "per portion"
    return f"{text} ({profile.portion})" if profile.portion and portion else text


class NutrientFacts:
    """NRVs, nutrition-claim conditions and nutrient names, compiled once per process and
    shared by the judges that read them."""

    def __init__(self, knowledge: Knowledge, nlp: Language, annotator: Annotator) -> None:
        self.nlp = nlp
        self.annotator = annotator
        self.substances = knowledge.substances
        self.declaration: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.derived: dict[str, tuple[list[str], Fraction]] = {}
        self.energy_per_gram: dict[str, Fraction] = {}
        self.claims: list[ClaimDef] = []
        self.wordings: dict[str, list[str]] = {}
        self.not_product: set[str] = set()
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
        self.source_claim = next(c for c in self.claims if c.strength == "source" and VITAMINS_MINERALS in c.nutrients)

    def _add(self, pack: dict[str, Any]) -> None:
        sources = pack["sources"]

        def citation(item: dict[str, Any]) -> str:
            if not item["cited"]:
                return "not cited: " + item["note"]
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
            value = Fraction(str(raw)) if percent else parse_amount(str(raw))
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
        return Outcome(False, "; alternatively ".join(o.detail for o in outcomes))

    def _limit(self, limit: Limit, comp: Composition, claimed: str | None) -> Outcome | None:
        """The outcome of one limit, or None where it does not apply to the declared basis."""
        key = claimed if limit.nutrient == CLAIMED else limit.nutrient
        label = self.label(key)
        declared = self.amount(comp, key)
        if declared is None:
            absent = key in self.substances and comp.profile.composition and not self.contains(comp, key)
            return Outcome(False, f"the product declares no {label}") if absent else Outcome(None)
        per = basis_text(declared.basis, comp.profile)
        per_short = basis_text(declared.basis, comp.profile, portion=False)
        wanted = "at least" if limit.bound == "min" else "at most"

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
            need = f"{wanted} {show(threshold)} {limit.value.unit} {per_short}".rstrip()
            said = f"the product declares {declared} {label} {per}".rstrip()
        elif limit.per == "nrv_percent":
            nrv = self.nrv.get(key)
            value = declared.to(nrv.unit, key) if nrv else None
            if value is None:
                return Outcome(None)
            beverage = comp.profile.name == "beverage" and declared.basis == "per_100ml" and limit.beverage
            share = limit.beverage if beverage else limit.value
            measured, threshold = end(value), nrv.value * share / 100
            need = f"{wanted} {show(threshold)} {nrv.unit} ({show(share)} % of the {show(nrv.value)} {nrv.unit} NRV) {per_short}"
            said = f"the product declares {declared} {label} {per}"
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
                need, said = f"{wanted} {show(threshold)} % of the energy", f"{label} provides {show(measured)} % of the energy"
            else:
                measured, threshold = end(value) * 100 / energy.low, limit.value.low
                need = f"{wanted} {show(threshold)} {unit} per 100 kcal"
                said = f"the product declares {show(measured)} {unit} {label} per 100 kcal"
        if (measured >= threshold) if limit.bound == "min" else (measured <= threshold):
            return Outcome(True)
        return Outcome(False, f"{said}; {need} is required")


# Words that show the copy passes the required information on ("… is obtained with a daily intake of …").
INFORMATION_CUES = re.compile(r"daily intake|beneficial effect|claimed effect|effect is obtained", re.I)
@dataclass(frozen=True)
class CompositionView:
    """What the composition judge reads: the lexicons, the register (built on first use)
    and the nutrient facts a declared composition is tested with."""

    effects: Mapping[str, Effect]
    substances: Mapping[str, Substance]
    index: Callable[[], RegisterIndex]
    facts: NutrientFacts


class CompositionJudge:
    def __init__(self, view: CompositionView) -> None:
        self.view = view
        self.effects = view.effects
        self.substances = view.substances
        self.facts = view.facts

    def judge(self, ctx: DocContext) -> None:
        profile = ctx.profile
        if not (profile.is_food and profile.declared):
            return
        comp = self.facts.composition(profile)
        copy = _Copy("\n".join(block.text for block in ctx.document.blocks))
        checked: set[tuple[str, str]] = set()
        for index in sorted(ctx.claims):
            absent: set[str] = set()
            for claim in ctx.claims[index]:
                for mention in claim.substances:
                    key = mention.key
                    if profile.composition and not self.facts.contains(comp, key):
                        if key not in absent and not bodys_own(claim.sentence, mention):
                            absent.add(key)
                            label = self.substances[key].label
                            ctx.finding("HC105", claim.sentence, mention.start, mention.end, substance=label)
                        continue
                    if (key, claim.effect.key) not in checked:
                        checked.add((key, claim.effect.key))
                        self.conditions(ctx, claim, key, comp, copy)

    def conditions(self, ctx: DocContext, claim: Claim, key: str, comp: Composition, copy: "_Copy") -> None:
        """HC104 once per substance and effect: when every matching entry's conditions fail."""
        if self.substances[key].members:
            return  # a group ("B vitamins"): which member's conditions apply is not said
        entries = self.entries(key, claim.effect.key)
        if not entries:
            return
        failures = [(ac, [o for o in self.check(ac.entry, comp, copy) if o.ok is False]) for ac in entries]
        if not all(failed for _, failed in failures):
            return
        # The entry the claim most likely relies on: fewest failures, then fewest words the copy lacks.
        words = {lemma for _, lemma, _, _ in claim.sentence.words}
        ac, failed = min(failures, key=lambda pair: (len(pair[1]), len(pair[0].lemmas - words)))
        entry = ac.entry
        start, end = claim.span()
        mentions = [m for m in claim.substances if m.key == key]
        start, end = min([start, *(m.start for m in mentions)]), max([end, *(m.end for m in mentions)])
        ctx.finding(
            "HC104", claim.sentence, start, end,
            references=[f"{entry.id} {entry.url}".strip(), f"{entry.id} conditions of use: {entry.conditions}"],
            substance=self.substances[key].label,
            register_id=entry.id,
            detail="; and ".join(o.detail for o in failed),
        )

    def entries(self, key: str, effect_key: str) -> list[AuthorisedClaim]:
        effect = self.effects[effect_key]
        targets = [effect.key] if effect.register else list(effect.means)
        found = [ac for t in targets for ac in self.view.index().by_pair.get((key, t), [])]
        return list({ac.entry.id: ac for ac in found}.values())

    # -- one register entry --------------------------------------------------------
    def check(self, entry: RegisterEntry, comp: Composition, copy: "_Copy") -> list[Outcome]:
        """The outcome of each of the entry's conditions for this product and copy."""
        parsed = entry.conditions_parsed
        facts = self.facts
        outcomes: list[Outcome] = []
        for name in listify(parsed.get("source_of")):
            nutrient = facts.nrv_names.get(name.lower())
            if nutrient is not None:
                outcomes.append(facts.evaluate(facts.source_claim, comp, nutrient))
        claims = [facts.by_name.get(claim_name(name)) for name in listify(parsed.get("nutrition_claim"))]
        if claims:  # a list means any one of them will do
            results = [facts.evaluate(c, comp) if c is not None else Outcome(None) for c in claims]
            passed = [o for o in results if o.ok is not False]
            outcomes.append(passed[0] if passed else results[0])
        limits = [
            Limit(resolved.amount_of, "min", _register_amount(item), per)
            for kind, per in (("per_portion", "portion"), ("per_100g", "100g"))
            for item in listify(parsed.get(kind))
            if (resolved := facts.resolve(item.get("of", ""))) is not None and resolved.amount_of is not None
        ]
        if limits:
            outcomes.append(facts.evaluate_limits(limits, comp))
        outcomes.append(self.information(parsed, copy))
        return outcomes

    def information(self, parsed: dict, copy: "_Copy") -> Outcome:
        """Does the copy pass on the information the entry requires? A fuzzy test: the
        required daily amounts and a cue such as "daily intake" appear somewhere in it."""
        required = listify(parsed.get("consumer_information"))
        if not required:
            return Outcome(True)
        missing_amounts = [
            item for item in listify(parsed.get("daily_intake"))
            if not any(_same(found.amount(), item) for found in copy.amounts)
        ]
        if copy.cued and not missing_amounts:
            return Outcome(True)
        return Outcome(False, f"the copy does not tell the consumer that {'; '.join(f'“{r}”' for r in required)}")


class _Copy:
    """The document's whole text, read for required information at most once."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def amounts(self) -> list[Found]:
        return find_amounts(self.text)

    @cached_property
    def cued(self) -> bool:
        return INFORMATION_CUES.search(self.text) is not None


def _register_amount(item: dict) -> Amount:
    return parse_amount(f"{item['amount']} {item['unit']}")


def _same(amount: Amount, item: dict) -> bool:
    """Is ``amount`` (possibly in another unit) the register's ``{amount, unit}``?"""
    wanted = _register_amount(item)
    value = amount.to(wanted.unit)
    return value is not None and wanted.low in value.ends()
