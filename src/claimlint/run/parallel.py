"""``--jobs N``: lint in worker processes.

Where processes can fork, the engine is built once and inherited by the workers;
elsewhere each worker builds its own with "spawn". The file list is cut into contiguous
chunks handed out in order with ``imap``, so the results come back in input order and
the report is the same, byte for byte, as with one job. A feed's rows, which may be
millions, go out in partitions through :func:`map_partitions`, a window at a time.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import TypeVar

from claimlint.run.config import FileSettings
from claimlint.engine import Engine, EngineOptions
from claimlint.run.runner import FileResult, run

P = TypeVar("P")
H = TypeVar("H")
R = TypeVar("R")
CHUNKS_PER_JOB = 16  # small chunks keep both workers busy to the end
FORKS = "fork" in multiprocessing.get_all_start_methods()

_engine: Engine | None = None


def _start(options: EngineOptions) -> None:
    global _engine
    _engine = Engine(options)


def _lint(chunk: list[tuple[str, FileSettings]], keep_source: bool = False) -> list[FileResult]:
    return list(run(_engine, chunk, keep_source=keep_source, in_pieces=True))


def _pool(options: EngineOptions, jobs: int, engine: Engine | None):
    """A pool of ``jobs`` workers, each with an engine: inherited where processes fork
    (built here when not given), since starting spaCy and compiling the packs in every
    worker costs more than a small catalogue takes; built by each worker elsewhere."""
    global _engine
    if FORKS:
        _engine = engine or Engine(options)
        _engine.index.rejected_for("")  # read the register before the workers copy it
        # Keep the collector off the engine's objects: walking them would write to every
        # page the workers share with this process and make each worker copy them.
        gc.freeze()
        return multiprocessing.get_context("fork").Pool(jobs)
    return multiprocessing.get_context("spawn").Pool(jobs, initializer=_start, initargs=(options,))


def run_parallel(options: EngineOptions, items: list[tuple[str, FileSettings]], jobs: int, engine: Engine | None = None,
                 keep_source: bool = False) -> Iterator[FileResult]:
    """Lint ``items`` in ``jobs`` processes (with each file's text when ``keep_source``);
    a long file's result comes in pieces, as :func:`run` gives them with ``in_pieces``."""
    size = max(1, -(-len(items) // (jobs * CHUNKS_PER_JOB)))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    with _pool(options, min(jobs, len(chunks)), engine) as pool:
        for results in pool.imap(partial(_lint, keep_source=keep_source), chunks):
            yield from results


def in_order(submit: Callable[[P], H], parts: Iterable[P], window: int) -> Iterator[H]:
    """Submit ``parts`` one by one, keeping at most ``window`` in flight, and hand back
    their handles in submission order: the caller waits on each in turn, so results
    come out in input order and memory holds only the window, however long the input."""
    flying: deque[H] = deque()
    for part in parts:
        flying.append(submit(part))
        if len(flying) >= window:
            yield flying.popleft()
    yield from flying


def map_partitions(options: EngineOptions, work: Callable[[Engine, P], list[R]], parts: Iterable[P], jobs: int, engine: Engine | None = None) -> Iterator[R]:
    """``work(engine, part)`` for each of ``parts`` in ``jobs`` processes, results in order."""
    with _pool(options, jobs, engine) as pool:
        for handle in in_order(lambda part: pool.apply_async(_call, (work, part)), parts, 2 * jobs):
            yield from handle.get()


def _call(work: Callable[[Engine, P], list[R]], part: P) -> list[R]:
    return work(_engine, part)
