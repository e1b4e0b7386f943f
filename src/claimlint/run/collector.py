"""The cyclic garbage collector during a run.

Linting allocates many short-lived container objects (spans, tuples, finding records);
with the default thresholds the collector runs every 700 allocations and walks every
live object it tracks, the engine's hundreds of thousands of pattern, lexicon and
register objects included. On large files that took a quarter of the wall time. The
engine lives as long as the process, so it is frozen out of the collector once built,
and the collector runs less often: almost all garbage is freed by reference counting.
"""

from __future__ import annotations

import gc

# Young collections every 50,000 allocations instead of 700; older ones as often
# relative to them as by default.
THRESHOLDS = (50_000, 10, 10)


def raise_thresholds() -> None:
    """Collect less often from the start of a command: importing modules, loading packs
    and building the engine allocate objects that live as long as the process, so a
    collection then finds no garbage, and a start with the default thresholds spent a
    tenth of its time in a hundred of them."""
    gc.set_threshold(*THRESHOLDS)


def settle_engine() -> None:
    """Move every object alive now (the engine just built) out of the collector's reach,
    and raise its thresholds for the rest of the run."""
    gc.freeze()
    raise_thresholds()
