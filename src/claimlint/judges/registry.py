"""The judges, in the order they run, with what each owns, reads and passes on.

Each entry names a judge, how its view is cut from what the engine built (so a judge is
handed only what it reads), the earlier judges' results it reads and the result it
publishes for later ones. The order is this list's; :func:`check_order` holds that every
result a judge reads comes from a judge before it, and the engine passes each result
under its name, as the keyword of the judge's ``judge`` method.

The registry is also where a rule code finds its check: every judge declares its codes
and the placeholders it fills in their messages, and :data:`RUN` declares the codes the
run reports itself (a suppression comment that suppresses nothing, an unreadable file).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from claimlint.judges import Judge
from claimlint.judges.composition import CompositionJudge, CompositionView, NutrientFacts
from claimlint.judges.evidence import EvidenceJudge, EvidenceView
from claimlint.judges.health import HealthClaimJudge, HealthView
from claimlint.judges.medicinal import MedicinalJudge, MedicinalView
from claimlint.judges.nutrition import NutritionJudge, NutritionView
from claimlint.judges.phrases import PhraseJudge, PhraseView
from claimlint.knowledge.base import Knowledge
from claimlint.knowledge.register_index import RegisterIndex
from claimlint.knowledge.rulebook import Owner, check_rules
from claimlint.language.evidence_cues import evidence_pack
from claimlint.language.pipeline import PhraseTokens

ACCEPTED = "accepted"  # Accepted: the claims found authorised and faithfully worded
EVIDENCE_LEVELS = "evidence_levels"  # EvidenceLevels: the evidence weighed per sentence

RUN = Owner("run", {"CL901": frozenset({"directive"}), "CL902": frozenset({"reason"})})


@dataclass(frozen=True)
class Resources:
    """What the engine builds once per process; each judge's view takes a few of them."""

    knowledge: Knowledge
    nlp: Language
    phrases: PhraseTokens
    index: Callable[[], RegisterIndex]  # the register read through the lexicons, built on first use
    facts: NutrientFacts
    evidence: Mapping[str, object]  # entries of the configured evidence file
    require_evidence: bool


@dataclass(frozen=True)
class JudgeSpec:
    judge: type[Judge]
    view: Callable[[Resources], Any]
    reads: tuple[str, ...] = ()  # results of earlier judges, passed by these names
    publishes: str | None = None  # the name of what ``judge`` returns, for later judges

    @property
    def owner(self) -> Owner:
        return Owner(self.judge.name, self.judge.fields, self.judge.pattern_fields)


JUDGES: tuple[JudgeSpec, ...] = (
    JudgeSpec(
        HealthClaimJudge,
        lambda r: HealthView(
            r.knowledge.effects, r.knowledge.substances, frozenset(r.knowledge.words.get("qualifiers", [])),
            r.index, r.facts,
        ),
        publishes=ACCEPTED,
    ),
    JudgeSpec(CompositionJudge, lambda r: CompositionView(r.knowledge.effects, r.knowledge.substances, r.index, r.facts)),
    JudgeSpec(NutritionJudge, lambda r: NutritionView(r.facts, r.nlp.vocab, r.phrases)),
    JudgeSpec(
        MedicinalJudge,
        lambda r: MedicinalView(
            r.knowledge.effects,
            frozenset(r.knowledge.diseases.get("cosmetic", [])),
            frozenset(r.knowledge.diseases.get("generic", [])),
            frozenset(r.knowledge.words.get("skin_physiology", [])),
        ),
    ),
    JudgeSpec(PhraseJudge, lambda r: PhraseView(r.knowledge.rules), reads=(ACCEPTED,)),
    JudgeSpec(
        EvidenceJudge,
        lambda r: EvidenceView(evidence_pack(r.knowledge), r.nlp, r.phrases, r.evidence, r.require_evidence),
        reads=(ACCEPTED,),
        publishes=EVIDENCE_LEVELS,
    ),
)


def check_order(specs: Iterable[JudgeSpec]) -> None:
    """Every result a judge reads is published by a judge that runs before it."""
    published: set[str] = set()
    for spec in specs:
        missing = [name for name in spec.reads if name not in published]
        if missing:
            raise ValueError(f"judge {spec.judge.name!r} reads {missing[0]!r}, which no earlier judge publishes")
        if spec.publishes:
            published.add(spec.publishes)


check_order(JUDGES)


def owners() -> list[Owner]:
    """Every check that reports findings: the judges, then the run itself."""
    return [*(spec.owner for spec in JUDGES), RUN]


def load_knowledge(rule_packs: Iterable[str] = ()) -> Knowledge:
    """The rule packs, checked against the checks that report their codes: a rule no
    check reports, or whose message names a placeholder no check fills, is a PackError."""
    knowledge = Knowledge.load(list(rule_packs))
    check_rules(knowledge.rules, owners())
    return knowledge


def needed(knowledge: Knowledge, codes: Iterable[str] | None) -> list[JudgeSpec]:
    """The judges a run selecting ``codes`` (None: every code) must run, in order: those
    owning a selected code (the pattern judge owns every rule with patterns), and those
    whose results they read."""
    if codes is None:
        return list(JUDGES)
    codes = set(codes)
    patterned = {code for code in codes if code in knowledge.rules and knowledge.rules[code].patterns}
    wanted: set[str] = set()  # names of the judges that must run
    read: set[str] = set()  # results a running judge reads
    for spec in reversed(JUDGES):
        judge = spec.judge
        owns = codes & judge.codes() or (patterned and judge.pattern_fields is not None)
        if owns or (spec.publishes is not None and spec.publishes in read):
            wanted.add(judge.name)
            read.update(spec.reads)
    return [spec for spec in JUDGES if spec.judge.name in wanted]


def build(resources: Resources, codes: Iterable[str] | None = None) -> list[tuple[JudgeSpec, Judge]]:
    """The judges a run selecting ``codes`` needs, each built from its own view."""
    return [(spec, spec.judge(spec.view(resources))) for spec in needed(resources.knowledge, codes)]
