"""``--jobs N``: lint in worker processes.

Each worker builds its own Engine once (spaCy pipelines do not cross processes). The
file list is cut into contiguous chunks handed out in order with ``imap``, so the results
come back in input order and the report is the same, byte for byte, as with one job.
Workers start with "spawn", which behaves the same on every platform.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator

from claimlint.config import FileSettings
from claimlint.engine import Engine, EngineOptions
from claimlint.runner import FileResult, run

CHUNKS_PER_JOB = 4  # smaller chunks even out workers whose files differ in size

_engine: Engine | None = None


def _start(options: EngineOptions) -> None:
    global _engine
    _engine = Engine(options)


def _lint(chunk: list[tuple[str, FileSettings]]) -> list[FileResult]:
    return list(run(_engine, chunk))


def run_parallel(options: EngineOptions, items: list[tuple[str, FileSettings]], jobs: int) -> Iterator[FileResult]:
    size = max(1, -(-len(items) // (jobs * CHUNKS_PER_JOB)))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    context = multiprocessing.get_context("spawn")
    with context.Pool(min(jobs, len(chunks)), initializer=_start, initargs=(options,)) as pool:
        for results in pool.imap(_lint, chunks):
            yield from results
