"""NC301, NC302: nutrition claims against the declared composition, and %NRV arithmetic.

NC301 finds the Annex wordings of Regulation (EC) No 1924/2006 ("source of vitamin C",
"high in protein", "low fat", "sugar-free" …) with one PhraseMatcher compiled from the
nutrition-claims pack, and tests the product profile against the claim's condition. A test
whose data the profile does not give stays silent: only a declared composition that
fails a condition is reported.

NC302 recomputes every "N mg … (M % NRV)" from the Annex XIII NRVs, within one sentence
or across the cells of one table row (blocks sharing ``Block.group``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.vocab import Vocab

from claimlint.judges.context import DocContext
from claimlint.knowledge.grammar import Grammar
from claimlint.knowledge.amounts import AmountReader, Found, rounds_to, show
from claimlint.knowledge.nutrients import VITAMINS_MINERALS, ClaimDef, NutrientFacts
from claimlint.language.claims import is_advice, is_question, negated_at
from claimlint.language.mentions import DocMatches, Mention, Sentence
from claimlint.language.pipeline import PhraseTokens

@dataclass(frozen=True)
class NutritionView:
    """What the nutrition judge reads: the nutrient facts, the grammar words that join
    nutrients and mark percentages, the vocabulary and phrase tokens its matcher of
    Annex wordings is compiled with, and NC301's message parts."""

    facts: NutrientFacts
    grammar: Grammar
    vocab: Vocab
    phrases: PhraseTokens
    templates: Mapping[str, str]  # NC301's message parts, from its rule


class NutritionJudge:
    def __init__(self, view: NutritionView) -> None:
        self.facts = facts = view.facts
        self.grammar = view.grammar
        self.templates = view.templates
        self.strings = view.vocab.strings
        self.matcher = PhraseMatcher(view.vocab, attr="LEMMA")
        self._claims: dict[str, ClaimDef | str] = {}  # match label → claim, or the citation of a non-Annex wording

        def add(label: str, phrases: list[str]) -> None:
            self.matcher.add(label, [view.phrases.keys(p, "LEMMA") for p in phrases])

        for strength, phrases in facts.wordings.items():
            add("wording:" + strength, phrases)
        for number, claim in enumerate(facts.claims):
            if claim.phrases:
                add(f"claim:{number}", list(claim.phrases))
                self._claims[f"claim:{number}"] = claim
        for number, (phrases, citation) in enumerate(facts.not_in_annex):
            add(f"not:{number}", phrases)
            self._claims[f"not:{number}"] = citation

    def judge(self, ctx: DocContext) -> None:
        if not ctx.profile.is_food:
            return
        self.reference_intakes(ctx)
        if ctx.profile.declared:
            self.nutrition_claims(ctx)

    # -- NC301 ------------------------------------------------------------------------
    def nutrition_claims(self, ctx: DocContext) -> None:
        comp = self.facts.composition(ctx.profile)
        strings = self.strings
        for sentence, matches in self._sentence_matches(ctx):
            if is_question(sentence) or is_advice(sentence):
                continue
            reported: set[str] = set()
            for match_id, start, end in _longest(matches):
                label = strings[match_id]
                if negated_at(sentence, start, [Mention("nutrition", label, start, end)]):
                    continue
                if label.startswith("wording:"):
                    found = self._nutrient_claims(sentence, label[len("wording:"):], start, end)
                else:
                    found = [(self._claims[label], None, start, end)]
                for claim, nutrient, first, last in found:
                    self._report_claim(ctx, comp, sentence, claim, nutrient, first, last, reported)

    def _sentence_matches(self, ctx: DocContext):
        """Match each Doc once; hand every sentence its own matches."""
        matches = DocMatches(self.matcher, start=lambda match: match[1])
        for sentence in ctx.sentences:
            mine = [m for m in matches.within(sentence.doc, sentence.start, sentence.end) if m[2] <= sentence.end]
            if mine:
                yield sentence, mine

    def _nutrient_claims(self, sentence: Sentence, strength: str, start: int, end: int):
        """"source of vitamin C and zinc", "high protein", "vitamin C-rich": the nutrients a wording names."""
        doc = sentence.doc
        grammar = self.grammar
        subs = {m.start: m for m in sentence.of("substance")}
        named: list[Mention] = []
        if strength == "high_after":
            strength = "high"
            before = start - 1 if start > sentence.start and doc[start - 1].text == "-" else start
            named = [m for m in subs.values() if m.end == before]
            after = end
        else:
            i = end
            while i < sentence.end:
                if i in subs:
                    named.append(subs[i])
                    i = subs[i].end
                elif doc[i].lower_ in grammar.nutrient_joiners or doc[i].lemma_ in grammar.vitamin_heads or (doc[i].text == "-" and not named):
                    i += 1
                else:
                    break
            after = named[-1].end if named else end
        if not named or self._about_other_food(sentence, start, after):
            return []
        found = []
        for mention in named:
            claim = self._claim_for(strength, mention.key)
            if claim is not None:
                found.append((claim, mention.key, min(start, mention.start), max(end, mention.end)))
        return found

    def _about_other_food(self, sentence: Sentence, start: int, end: int) -> bool:
        doc = sentence.doc
        near = [doc[i] for i in (start - 1, end, end + 1) if sentence.start <= i < sentence.end]
        return any(t.lemma_ in self.facts.not_product for t in near if t.text != "-")

    def _claim_for(self, strength: str, key: str) -> ClaimDef | None:
        for claim in self.facts.claims:
            if claim.strength != strength:
                continue
            if key in claim.nutrients or (VITAMINS_MINERALS in claim.nutrients and key in self.facts.nrv):
                return claim
        return None

    def _report_claim(self, ctx: DocContext, comp, sentence: Sentence, claim: ClaimDef | str, nutrient: str | None, start: int, end: int, reported: set[str]) -> None:
        """NC301 for a wording not in the Annex (``claim`` is then its citation), a claim
        expressed with a percentage where the Annex forbids it, or a condition not met."""
        doc = sentence.doc
        wording = doc[start:end].text
        if isinstance(claim, str):
            key, detail, reference = wording.lower(), self.templates["not_in_annex"], claim
        else:
            key, reference = f"{claim.claim}:{nutrient}", f"{claim.claim}: {claim.text} ({claim.citation})"
            if claim.no_percentage and start > sentence.start and doc[start - 1].text in self.grammar.percent:
                detail = self.templates["no_percentage"].format(claim=claim.claim.lower())
            else:
                outcome = self.facts.evaluate(claim, comp, nutrient)
                if outcome.ok is not False:
                    return
                detail = self.templates["not_met"].format(detail=outcome.detail, claim=claim.claim)
        if key not in reported:
            reported.add(key)
            ctx.finding("NC301", sentence, start, end, references=[reference], wording=wording, detail=detail)

    # -- NC302 ------------------------------------------------------------------------
    def reference_intakes(self, ctx: DocContext) -> None:
        amounts = self.facts.amounts
        nrv_table = False
        for unit in _units(ctx.sentences):
            block = unit[0].block
            if block.kind != "table_cell":
                nrv_table = False
            if block.kind == "table_cell" and _nrv_heading(unit, amounts):
                nrv_table = True
                continue
            percents = [amounts.find_percentages(s.text, bare=nrv_table) for s in unit]
            if any(percents):  # an amount alone states no share of a reference intake
                self._check_row(ctx, [_Cell(s, amounts.find_amounts(s.text), p) for s, p in zip(unit, percents)])

    def _check_row(self, ctx: DocContext, row: list["_Cell"]) -> None:
        events = sorted(
            [(k, f.start, "amount", f) for k, c in enumerate(row) for f in c.amounts]
            + [(k, f.start, "percent", f) for k, c in enumerate(row) for f in c.percents]
        )
        last_amount: tuple[int, Found] | None = None
        for k, _, kind, found in events:
            if kind == "amount":
                last_amount = (k, found)
                continue
            if last_amount is None:
                continue
            self._check_percentage(ctx, row, last_amount, (k, found))
            last_amount = None

    def _check_percentage(self, ctx: DocContext, row: list["_Cell"], amount: tuple[int, Found], percent: tuple[int, Found]) -> None:
        key = _nutrient(row, amount, self.facts)
        nrv = self.facts.nrv.get(key) if key else None
        value = amount[1].amount().to(nrv.unit, key) if nrv else None
        if value is None:
            return
        exact = [end * 100 / nrv.value for end in value.ends()]
        stated = percent[1].ends()
        places = percent[1].places
        if len(stated) == len(exact) == 2:
            wrong = [(s, e) for s, e in zip(stated, exact) if not rounds_to(s, places, e)]
        elif any(rounds_to(s, places, e) for s in stated for e in exact):
            wrong = []
        else:
            wrong = [(stated[0], exact[0])]
        if not wrong:
            return
        sentence = row[percent[0]].sentence
        start, end = _tokens(sentence, percent[1])
        ctx.finding(
            "NC302", sentence, start, end,
            nutrient=nrv.label,
            amount=str(amount[1].amount()),
            stated=" and ".join(show(s) for s, _ in wrong),
            expected=" and ".join(show(e) for _, e in wrong),
            nrv=f"{show(nrv.value)} {nrv.unit}",
        )


@dataclass
class _Cell:
    sentence: Sentence
    amounts: list[Found]
    percents: list[Found]


def _units(sentences: list[Sentence]):
    """Sentences read together: the cells of one table row, or one sentence."""
    unit: list[Sentence] = []
    for sentence in sentences:
        group = sentence.block.group
        if unit and (group is None or unit[0].block.group != group):
            yield unit
            unit = []
        unit.append(sentence)
    if unit:
        yield unit


def _nrv_heading(row: list[Sentence], amounts: AmountReader) -> bool:
    """A table row heading a column of reference-intake percentages ("%NRV", "% RI*")."""
    return any(amounts.is_nrv_heading(s.text) for s in row) and not any(amounts.find_percentages(s.text, bare=True) for s in row)


def _tokens(sentence: Sentence, found: Found) -> tuple[int, int]:
    base = sentence.doc[sentence.start].idx
    span = sentence.doc.char_span(base + found.start, base + found.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else (sentence.start, sentence.end)


def _nutrient(row: list[_Cell], amount: tuple[int, Found], facts: NutrientFacts) -> str | None:
    """The nutrient an amount is of: named right before it ("Vitamin C 80 mg"), right after
    it ("80 mg of vitamin C"), or earlier in its sentence or row. A compound's name
    ("magnesium citrate 500 mg") does not say how much of the nutrient it holds."""
    k, found = amount
    sentence = row[k].sentence
    start, end = _tokens(sentence, found)
    doc = sentence.doc
    mentions = [(j, m) for j, c in enumerate(row) for m in c.sentence.of("substance")]
    before = [(j, m) for j, m in mentions if (j, m.end) <= (k, start)]
    after = [m for j, m in mentions if j == k and m.start >= end and all(t.lower_ in sentence.grammar.amount_of for t in doc[end:m.start])]
    right_before = before and before[-1][0] == k and start - before[-1][1].end <= 1
    if right_before or (before and not after):
        j, mention = before[-1]
    elif after:
        j, mention = k, after[0]
    else:
        return None
    if not facts.is_form(mention, row[j].sentence.doc):
        return mention.key
    named = [m for i, m in before if m.key == mention.key and not facts.is_form(m, row[i].sentence.doc)]
    return mention.key if named else None


def _longest(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Overlapping matches: the longest wins ("high in" over "high")."""
    taken: list[tuple[int, int, int]] = []
    used: set[int] = set()
    for match in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        if used.isdisjoint(range(match[1], match[2])):
            used.update(range(match[1], match[2]))
            taken.append(match)
    return sorted(taken, key=lambda m: m[1])
