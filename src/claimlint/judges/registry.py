"""The judges, in the order they run, with what each owns, reads and passes on.

Each entry names a judge, the codes it reports with the placeholders it fills in their
messages, the earlier judges' results it reads, the result it publishes for later ones,
and how it is built from its view of what the engine built (so a judge is handed only
what it reads). The order is this list's; :func:`check_order` holds that every result a
judge reads comes from a judge before it, and the engine passes each result under its
name, as the keyword of the judge's ``judge`` method.

The registry is also where a rule code finds its check: :data:`RUN` declares the codes the
run reports itself (an unreadable file, suppression comments that are wrong).
The judge modules are imported only when a judge is built, so reading this table (to list
or check rules) does not load the language pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimlint.knowledge.base import Knowledge
from claimlint.knowledge.packs import DEFAULT_LANGUAGE
from claimlint.knowledge.rulebook import Owner, check_rules

if TYPE_CHECKING:
    from spacy.language import Language

    from claimlint.knowledge.nutrients import NutrientFacts
    from claimlint.knowledge.register_index import RegisterIndex
    from claimlint.language.pipeline import PhraseTokens

ACCEPTED = "accepted"  # Accepted: the claims found authorised and faithfully worded
EVIDENCE_LEVELS = "evidence_levels"  # EvidenceLevels: the evidence weighed per sentence

SUPPRESSION = frozenset({"directive", "codes"})  # the comment as written, and the codes it names
RUN = Owner("run", {"CL901": SUPPRESSION, "CL902": frozenset({"reason"}), "CL903": SUPPRESSION, "CL904": SUPPRESSION})


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
    name: str
    fields: Mapping[str, frozenset[str]]  # the codes it reports, each with the placeholders it fills
    build: Callable[[Resources], Any]  # the judge, built from its view
    reads: tuple[str, ...] = ()  # results of earlier judges, passed by these names
    publishes: str | None = None  # the name of what its ``judge`` returns, for later judges
    pattern_fields: frozenset[str] | None = None  # for the judge running every rule that has patterns

    @property
    def owner(self) -> Owner:
        return Owner(self.name, self.fields, self.pattern_fields)


def _health(r: Resources) -> Any:
    from claimlint.judges.health import HealthClaimJudge, HealthView

    words = r.knowledge.words
    qualifiers = frozenset(words.get("qualifiers", []))
    openers = frozenset(w.split()[0].lower() for name in ("sentence_openers", "faithful", "strengthening") for w in words.get(name, []))
    templates = {code: r.knowledge.rules[code].templates for code in ("HC101", "HC102", "HC103")}
    return HealthClaimJudge(HealthView(r.knowledge.effects, r.knowledge.substances, qualifiers, r.index, r.facts, openers, templates))


def _composition(r: Resources) -> Any:
    from claimlint.judges.composition import CompositionJudge, CompositionView

    templates = r.knowledge.rules["HC104"].templates
    return CompositionJudge(CompositionView(r.knowledge.effects, r.knowledge.substances, r.index, r.facts, templates))


def _nutrition(r: Resources) -> Any:
    from claimlint.judges.nutrition import NutritionJudge, NutritionView

    return NutritionJudge(NutritionView(r.facts, r.knowledge.grammar, r.nlp.vocab, r.phrases, r.knowledge.rules["NC301"].templates))


def _medicinal(r: Resources) -> Any:
    from claimlint.judges.medicinal import MedicinalJudge, MedicinalView

    diseases, words = r.knowledge.diseases, r.knowledge.words
    return MedicinalJudge(MedicinalView(
        r.knowledge.effects,
        frozenset(diseases.get("cosmetic", [])),
        frozenset(diseases.get("generic", [])),
        frozenset(words.get("skin_physiology", [])),
        frozenset(words.get("skin_surface", [])),
        r.knowledge.grammar.reader,
        frozenset(words.get("prevention", [])),
        frozenset(words.get("healing", [])),
        r.knowledge.condition_nouns,
        r.knowledge.rules["MC201"].templates,
        r.knowledge.rules["MC205"].templates,
    ))


def _phrases(r: Resources) -> Any:
    from claimlint.judges.phrases import PhraseJudge, PhraseView

    return PhraseJudge(PhraseView(r.knowledge.rules))


def _evidence(r: Resources) -> Any:
    from claimlint.judges.evidence import EvidenceJudge, EvidenceView
    from claimlint.language.evidence_cues import evidence_pack

    view = EvidenceView(
        evidence_pack(r.knowledge), r.nlp, r.phrases, r.knowledge.grammar.common_words, r.evidence, r.require_evidence,
        {code: r.knowledge.rules[code].templates for code in ("EV401", "EV403")},
    )
    return EvidenceJudge(view)


VERDICT = frozenset({"substance", "effect", "detail"})  # every health-claim finding's
PHRASE = frozenset({"phrase"})  # the matched words: what a pattern rule's message may say

JUDGES: tuple[JudgeSpec, ...] = (
    JudgeSpec(
        "health",
        {"HC101": VERDICT | {"what"}, "HC102": VERDICT | {"register_id", "citation"}, "HC103": VERDICT},
        _health,
        publishes=ACCEPTED,
    ),
    JudgeSpec(
        "composition",
        {"HC104": frozenset({"substance", "register_id", "detail"}), "HC105": frozenset({"substance"})},
        _composition,
    ),
    JudgeSpec(
        "nutrition",
        {"NC301": frozenset({"wording", "detail"}), "NC302": frozenset({"nutrient", "amount", "stated", "expected", "nrv"})},
        _nutrition,
    ),
    JudgeSpec("medicinal", {"MC201": frozenset({"terms", "how"}), "MC205": frozenset({"what"})}, _medicinal),
    JudgeSpec(
        "phrases",
        {code: PHRASE for code in ("HC106", "MC202", "MC203", "MC204", "MC206", "MC207", "NC303", "OS501", "OS502", "OS503", "OS504")},
        _phrases,
        reads=(ACCEPTED,),
        pattern_fields=PHRASE,
    ),
    JudgeSpec(
        "evidence",
        {
            "EV401": frozenset({"certainty", "phrase", "needed", "found"}),
            "EV402": frozenset({"phrase"}),
            "EV403": frozenset({"tag", "problem"}),
            "EV404": frozenset({"level", "found", "phrase"}),
        },
        _evidence,
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
            raise ValueError(f"judge {spec.name!r} reads {missing[0]!r}, which no earlier judge publishes")
        if spec.publishes:
            published.add(spec.publishes)


check_order(JUDGES)


def owners() -> list[Owner]:
    """Every check that reports findings: the judges, then the run itself."""
    return [*(spec.owner for spec in JUDGES), RUN]


def load_knowledge(rule_packs: Iterable[str] = (), language: str = DEFAULT_LANGUAGE) -> Knowledge:
    """The packs of ``language`` and ``rule_packs``, checked against the checks that report
    their codes: a rule no check reports, or whose message names a placeholder no check
    fills, is a PackError."""
    knowledge = Knowledge.load(list(rule_packs), language)
    check_rules(knowledge.rules, owners())
    return knowledge


def needed(knowledge: Knowledge, codes: Iterable[str] | None) -> list[JudgeSpec]:
    """The judges a run selecting ``codes`` (None: every code) must run, in order: those
    owning a selected code (the pattern judge owns every rule with patterns), and those
    whose results they read."""
    if codes is None:
        return list(JUDGES)
    codes = set(codes)
    patterned = any(code in knowledge.rules and knowledge.rules[code].patterns for code in codes)
    wanted: set[str] = set()  # names of the judges that must run
    read: set[str] = set()  # results a running judge reads
    for spec in reversed(JUDGES):
        owns = bool(codes & set(spec.fields)) or (patterned and spec.pattern_fields is not None)
        if owns or (spec.publishes is not None and spec.publishes in read):
            wanted.add(spec.name)
            read.update(spec.reads)
    return [spec for spec in JUDGES if spec.name in wanted]


def build(resources: Resources, codes: Iterable[str] | None = None) -> list[tuple[JudgeSpec, Any]]:
    """The judges a run selecting ``codes`` needs, in order, each built from its own view."""
    return [(spec, spec.build(resources)) for spec in needed(resources.knowledge, codes)]
