"""Which rules apply to a file, from ``select``, ``extend-select`` and ``ignore`` selectors.

A selector is a code (``HC101``), a prefix of codes (``HC``, ``HC1``) or ``ALL``, in
either case (``hc101`` is ``HC101``, as ``claimlint rule hc101`` is). Layers
apply in order (config file, then command line, then per-file ignores): a layer's
``select`` starts afresh, ``extend-select`` adds, ``ignore`` removes. Within a layer the
more specific selector wins, so ``select = ["HC101"]`` with ``ignore = ["HC"]`` keeps
HC101, as in ruff; on a tie, ignore wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_SELECTOR = re.compile(r"ALL|[A-Z]{2}[0-9]{0,3}")


@dataclass(frozen=True)
class Layer:
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def unknown_selector(selectors: Iterable[str], known: Iterable[str]) -> str | None:
    """The first selector that names no known rule, if any."""
    known = list(known)
    for selector in selectors:
        named = selector.upper()
        if not _SELECTOR.fullmatch(named):
            return selector
        if named != "ALL" and not any(code.startswith(named) for code in known):
            return selector
    return None


def _specificity(code: str, selectors: Iterable[str]) -> int:
    """Length of the longest selector matching ``code`` (ALL counts 0); -1 if none does."""
    best = -1
    for selector in map(str.upper, selectors):
        if selector == "ALL":
            best = max(best, 0)
        elif code.startswith(selector):
            best = max(best, len(selector))
    return best


def resolve(known: Iterable[str], layers: Iterable[Layer]) -> frozenset[str]:
    """The selected codes: every known code to begin with, then each layer in turn."""
    known = list(known)
    enabled = set(known)
    for layer in layers:
        adding = (*(layer.select or ()), *layer.extend_select)
        if layer.select is not None:
            enabled = set()
        for code in known:
            selected = _specificity(code, adding)
            ignored = _specificity(code, layer.ignore)
            if ignored >= 0 and ignored >= selected:
                enabled.discard(code)
            elif selected >= 0:
                enabled.add(code)
    return frozenset(enabled)
