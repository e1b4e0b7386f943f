"""Linting a feed: rows in, one result per row out, in input order.

In one process the rows stream through one engine. With ``--jobs`` or on Dask the records
are cut into partitions of :data:`PARTITION_ROWS`, each linted by a worker's own engine;
a window of partitions is in flight at a time, so memory holds that window and never the
feed, and the results are handed on in input order, so the output does not depend on
where the rows were linted.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Protocol

from claimlint.engine import Engine, EngineOptions
from claimlint.findings import FeedLocation, Finding
from claimlint.knowledge.profile import ProfileError
from claimlint.readers.feeds import Feed, Record, Row
from claimlint.run.config import FileSettings
from claimlint.run.runner import FileResult, finish, lint_in_order, unreadable

PARTITION_ROWS = 500

Partition = tuple[Feed, list[Record], FileSettings]


class ExecutorError(Exception):
    """Where rows were to be linted cannot be reached (a Dask scheduler); one line."""


class Executor(Protocol):
    """Runs ``work(engine, part)`` over partitions somewhere, yielding results in order."""

    def map(self, options: EngineOptions, work, parts: Iterable[Partition]) -> Iterator[FileResult]: ...


def lint_rows(engine: Engine, feed: Feed, records: Iterable[Record], settings: FileSettings) -> Iterator[FileResult]:
    """One result per record, in order; a row that cannot be read gets a CL902 finding.
    Rows without copy (a shop's variant and image rows) never reach the engine."""

    def inputs():
        for record in records:
            row = feed.row(record)
            if row.document is not None and not row.document.blocks:
                yield FileResult(feed.path, row=row.id)  # a variant or image row: no copy to read
                continue
            if row.document is not None:
                try:
                    profile = settings.profile_for(row.document, engine.profile_cues)
                except ProfileError as exc:
                    row.error = f"product profile: {exc}"
                else:
                    yield row.document, profile, row
                    continue
            yield bad_row(engine, feed, row, settings)

    for entry in lint_in_order(engine, inputs()):
        if isinstance(entry, FileResult):
            yield entry
            continue
        document, findings, row = entry
        result = finish(engine.rulebook, document, findings, settings)
        for finding in result.findings:
            locate(finding, row)
        result.row = row.id
        yield result


def bad_row(engine: Engine, feed: Feed, row: Row, settings: FileSettings) -> FileResult:
    message = f"{feed.path}:{row.record.line}: row {row.id!r}: {row.error}"
    result = unreadable(engine, feed.path, message, settings, line=row.record.line)
    for finding in result.findings:
        finding.feed = FeedLocation(row.id, row.error_field)
    result.row = row.id
    return result


def locate(finding: Finding, row: Row) -> None:
    """Name the row and the field a finding is in, with its position in the field's value."""
    field = row.field_at(finding.source_start)
    if field is None:
        finding.feed = FeedLocation(row.id)
    else:
        finding.feed = FeedLocation(row.id, field.name, *field.position(finding.source_start))


def lint_partition(engine: Engine, part: Partition) -> list[FileResult]:
    """The work of one partition, wherever it runs."""
    feed, records, settings = part
    return list(lint_rows(engine, feed, records, settings))


def partitions(feed: Feed, records: Iterable[Record], settings: FileSettings, size: int = PARTITION_ROWS) -> Iterator[Partition]:
    records = iter(records)
    while chunk := list(islice(records, size)):
        yield feed, chunk, settings


class ProcessExecutor:
    """``--jobs N`` on this machine: a pool of processes (one process lints in place)."""

    def __init__(self, jobs: int = 1, engine: Engine | None = None) -> None:
        self.jobs = jobs
        self.engine = engine

    def map(self, options: EngineOptions, work, parts: Iterable[Partition]) -> Iterator[FileResult]:
        if self.jobs <= 1:
            engine = self.engine or Engine(options)
            for part in parts:
                yield from work(engine, part)
            return
        from claimlint.run.parallel import map_partitions

        yield from map_partitions(options, work, parts, self.jobs, self.engine)


def lint_feed(engine: Engine | None, options: EngineOptions, feed: Feed, records: Iterable[Record], settings: FileSettings,
              executor: Executor | None = None, partition_rows: int = PARTITION_ROWS) -> Iterator[FileResult]:
    """The results of every row of ``feed``: streamed through ``engine`` here without an
    executor, else in partitions through the executor."""
    if executor is None:
        yield from lint_rows(engine or Engine(options), feed, records, settings)
    else:
        yield from executor.map(options, lint_partition, partitions(feed, records, settings, partition_rows))
