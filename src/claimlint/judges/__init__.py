"""Judges: one per rule family, each reading the claims and mentions of a document."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimlint.judges.context import DocContext
    from claimlint.engine import Engine


class Judge:
    """Base class: a judge reports findings for the codes it owns."""

    codes: tuple[str, ...] = ()

    def __init__(self, engine: "Engine") -> None:
        self.engine = engine
        self.knowledge = engine.knowledge

    def judge(self, ctx: "DocContext") -> None:
        raise NotImplementedError


def all_judges() -> list[type[Judge]]:
    """Judges in the order they run; later judges may read what earlier ones accepted."""
    from claimlint.judges.health import HealthClaimJudge
    from claimlint.judges.composition import CompositionJudge
    from claimlint.judges.nutrition import NutritionJudge
    from claimlint.judges.medicinal import MedicinalJudge
    from claimlint.judges.phrases import PhraseJudge
    from claimlint.judges.evidence import EvidenceJudge

    return [HealthClaimJudge, CompositionJudge, NutritionJudge, MedicinalJudge, PhraseJudge, EvidenceJudge]
