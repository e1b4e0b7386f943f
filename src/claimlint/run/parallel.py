"""``--jobs N``: lint in worker processes.

Where processes can fork, the engine is built once and inherited by the workers;
elsewhere each worker builds its own with "spawn". The file list is cut into contiguous
chunks handed out in order with ``imap``, so the results come back in input order and
the report is the same, byte for byte, as with one job.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterator
from functools import partial

from claimlint.run.config import FileSettings
from claimlint.engine import Engine, EngineOptions
from claimlint.run.runner import FileResult, run

CHUNKS_PER_JOB = 16  # small chunks keep both workers busy to the end
FORKS = "fork" in multiprocessing.get_all_start_methods()

_engine: Engine | None = None


def _start(options: EngineOptions) -> None:
    global _engine
    _engine = Engine(options)


def _lint(chunk: list[tuple[str, FileSettings]], keep_source: bool = False) -> list[FileResult]:
    return list(run(_engine, chunk, keep_source=keep_source))


def run_parallel(options: EngineOptions, items: list[tuple[str, FileSettings]], jobs: int, engine: Engine | None = None,
                 keep_source: bool = False) -> Iterator[FileResult]:
    """Lint ``items`` in ``jobs`` processes; where processes fork, they inherit ``engine``
    (built here when not given), since starting spaCy and compiling the packs in every
    worker costs more than a small catalogue takes."""
    global _engine
    size = max(1, -(-len(items) // (jobs * CHUNKS_PER_JOB)))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    workers = min(jobs, len(chunks))
    if FORKS:
        _engine = engine or Engine(options)
        _engine.index.rejected_for("")  # read the register before the workers copy it
        # Keep the collector off the engine's objects: walking them would write to every
        # page the workers share with this process and make each worker copy them.
        gc.freeze()
        pool = multiprocessing.get_context("fork").Pool(workers)
    else:
        pool = multiprocessing.get_context("spawn").Pool(workers, initializer=_start, initargs=(options,))
    with pool:
        for results in pool.imap(partial(_lint, keep_source=keep_source), chunks):
            yield from results
