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
Both checks need a profile: without one nothing here is reported. What this judge knows
about nutrients (NRVs, conditions, names) is the knowledge layer's ``NutrientFacts``.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import Any

from claimlint.judges.context import DocContext
from claimlint.knowledge.amounts import Amount, Found
from claimlint.knowledge.base import Effect, Substance
from claimlint.knowledge.nutrients import Composition, Limit, NutrientFacts, Outcome, claim_name
from claimlint.knowledge.register import RegisterEntry
from claimlint.knowledge.register_index import AuthorisedClaim, RegisterIndex
from claimlint.language.claims import Claim, bodys_own


def listify(value: Any) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


@dataclass(frozen=True)
class CompositionView:
    """What the composition judge reads: the lexicons, the register (built on first use),
    the nutrient facts a declared composition is tested with and HC104's message parts."""

    effects: Mapping[str, Effect]
    substances: Mapping[str, Substance]
    index: Callable[[], RegisterIndex]
    facts: NutrientFacts
    templates: Mapping[str, str]  # HC104's message parts, from its rule


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
        copy = _Copy("\n".join(block.text for block in ctx.document.blocks), self.facts)
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
            references=[f"{entry.id} {entry.url}".strip(), self.view.templates["conditions"].format(register_id=entry.id, conditions=entry.conditions)],
            substance=self.substances[key].label,
            register_id=entry.id,
            detail=self.view.templates["and"].join(o.detail for o in failed),
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
            Limit(resolved.amount_of, "min", self._register_amount(item), per)
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
            if not any(self._same(found.amount(), item) for found in copy.amounts)
        ]
        if copy.cued and not missing_amounts:
            return Outcome(True)
        told = self.view.templates["information_item"]
        information = self.view.templates["and_information"].join(told.format(information=r) for r in required)
        return Outcome(False, self.view.templates["information_missing"].format(information=information))


    def _register_amount(self, item: dict) -> Amount:
        return self.facts.amounts.parse(f"{item['amount']} {item['unit']}")

    def _same(self, amount: Amount, item: dict) -> bool:
        """Is ``amount`` (possibly in another unit) the register's ``{amount, unit}``?"""
        wanted = self._register_amount(item)
        value = amount.to(wanted.unit)
        return value is not None and wanted.low in value.ends()


class _Copy:
    """The document's whole text, read for required information at most once."""

    def __init__(self, text: str, facts: NutrientFacts) -> None:
        self.text = text
        self.facts = facts

    @cached_property
    def amounts(self) -> list[Found]:
        return self.facts.amounts.find_amounts(self.text)

    @cached_property
    def cued(self) -> bool:
        return self.facts.information_cues.search(self.text) is not None
