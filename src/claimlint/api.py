"""The library API: lint texts and feeds from Python, with the engine built once.

A pipeline (a product information system's export job, a Dask or Spark job, a review
queue) builds one :class:`Linter` and hands it texts or feed files; findings come back
as :class:`Diagnostic` values, plain data that pickle, compare and turn into JSON::

    from claimlint.api import Linter

    linter = Linter(select=["HC", "MC"], profile="food_supplement")
    for d in linter.lint_texts([("sku-1", "Magnesium boosts your energy."),
                                ("sku-2", "Soothes eczema overnight.", "cosmetic")]):
        print(d.id, d.code, d.message)

``claimlint check`` reads feeds through this class, so a pipeline and the command line
find the same things. Building a Linter loads spaCy and compiles the rule packs (seconds);
linting is then a stream: texts and rows are read as they are needed and findings handed
on as they are found.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Union

from claimlint.engine import Engine, EngineOptions
from claimlint.findings import Finding
from claimlint.knowledge.profile import Profile, ProfileError
from claimlint.readers import ReadError
from claimlint.readers.feeds import PRESETS, Feed, FeedOptions
from claimlint.readers.text import read_text
from claimlint.run.config import Config, FileSettings, Settings, absolute
from claimlint.run.feeds import PARTITION_ROWS, Executor, ProcessExecutor, lint_feed
from claimlint.run.runner import FileResult, finish, lint_in_order, unreadable

__all__ = ["Diagnostic", "FeedOptions", "Linter", "LintError", "PRESETS", "ProfileLike", "TextItem"]

ProfileLike = Union[Profile, Mapping[str, Any], str, None]
"""A text's product profile: a :class:`Profile`, a mapping as in front matter
(``{"profile": "food", "nutrients": {"magnesium": "300 mg"}}``), a profile name, or None."""

TextItem = Union[tuple[str, str], tuple[str, str, ProfileLike]]
"""``(id, text)`` or ``(id, text, profile)``."""


class LintError(Exception):
    """An input the linter cannot read at all (a missing feed, a feed without the named columns)."""


@dataclass(frozen=True)
class Diagnostic:
    """One finding as plain data. ``id`` is the text's id or the feed row's id; ``path``
    the feed file (or the text's id); ``line`` and ``column`` are 1-based positions in
    the file (in the text for texts), columns in code points; ``field``, ``field_line``
    and ``field_column`` say where in a feed row's field it is."""

    id: str
    code: str
    name: str
    severity: str
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    suggestions: tuple[str, ...]
    references: tuple[str, ...]
    fingerprint: str
    field: str | None = None
    field_line: int | None = None
    field_column: int | None = None

    @classmethod
    def of(cls, finding: Finding, id: str) -> Diagnostic:
        feed = finding.feed
        return cls(
            id=id, code=finding.code, name=finding.name, severity=finding.severity, message=finding.message,
            path=finding.path, line=finding.line, column=finding.column, end_line=finding.end_line,
            end_column=finding.end_column, excerpt=finding.excerpt, suggestions=tuple(finding.suggestions),
            references=tuple(finding.references), fingerprint=finding.fingerprint(),
            field=feed.field if feed else None,
            field_line=feed.line if feed and feed.field else None,
            field_column=feed.column if feed and feed.field else None,
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["suggestions"], data["references"] = list(self.suggestions), list(self.references)
        return data


class Linter:
    """Lints texts and feeds with one engine.

    The keyword arguments mirror ``claimlint check``: ``config`` names a config file
    (otherwise the one governing ``root`` is used, found as the command line finds it);
    ``select``, ``extend_select`` and ``ignore`` take rule codes or prefixes; ``profile``
    is the product profile of texts that give none; ``feed`` says how to read feeds.
    ``executor`` is ``"local"`` (``jobs`` processes; 1 lints in this process) or
    ``"dask"`` (a Dask cluster at ``scheduler``, or a local one of ``jobs`` workers);
    either way a feed goes out in partitions of ``partition_rows`` rows.
    Use the linter as a context manager, or call :meth:`close`, to stop a Dask client.
    """

    def __init__(
        self,
        *,
        config: str | Path | None = None,
        select: Iterable[str] | None = None,
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        profile: str | None = None,
        feed: FeedOptions | None = None,
        root: str | Path = ".",
        executor: str = "local",
        jobs: int = 1,
        scheduler: str | None = None,
        partition_rows: int = PARTITION_ROWS,
    ) -> None:
        cli = Config(
            root=absolute(root), select=tuple(select) if select is not None else None,
            extend_select=tuple(extend_select), ignore=tuple(ignore), profile=profile,
        )
        self._settings = Settings(cli, str(config) if config else None)
        self._root = str(absolute(root))
        self.options: EngineOptions = self._settings.engine_options([self._root])
        self._given_engine: Engine | None = None
        self._feed = feed
        self._executor_name, self._jobs, self._scheduler = executor, jobs, scheduler
        self.partition_rows = partition_rows
        self._executor: Any = None

    @classmethod
    def for_run(cls, settings: Settings, options: EngineOptions, engine: Engine | None, executor: str = "local",
                jobs: int = 1, scheduler: str | None = None, partition_rows: int = PARTITION_ROWS) -> Linter:
        """A linter sharing a command's settings and engine (how ``claimlint check`` reads feeds)."""
        linter = cls.__new__(cls)
        linter._settings, linter._root, linter.options = settings, str(settings.cli.root), options
        linter._given_engine, linter._feed = engine, None
        linter._executor_name, linter._jobs, linter._scheduler = executor, jobs, scheduler
        linter.partition_rows = partition_rows
        linter._executor = None
        return linter

    @cached_property
    def engine(self) -> Engine:
        return self._given_engine or Engine(self.options)

    def settings_for(self, path: str) -> FileSettings:
        """The rules selected, product and profile for ``path`` under the governing config."""
        return self._settings.for_file(path, self.engine.knowledge.rules)

    # -- texts ------------------------------------------------------------------------

    def lint_texts(self, items: Iterable[TextItem]) -> Iterator[Diagnostic]:
        """Lint ``(id, text)`` or ``(id, text, profile)`` items as plain text, in order,
        streaming: each item is read when the engine needs it. A profile that cannot be
        read gives a CL902 diagnostic for its item."""
        engine = self.engine
        settings = self.settings_for(self._root)

        def inputs() -> Iterator[FileResult | tuple[Any, Profile, FileSettings]]:
            for item in items:
                text_id, text, given = (*item, None) if len(item) == 2 else item
                document = read_text(str(text_id), text, engine.knowledge.grammar.heading_joiners)
                if isinstance(given, Profile):
                    yield document, given, settings
                    continue
                document.profile = {"profile": given} if isinstance(given, str) else dict(given or {})
                try:
                    yield document, settings.profile_for(document, engine.profile_cues), settings
                except ProfileError as exc:
                    yield unreadable(engine, str(text_id), f"{text_id}: product profile: {exc}", settings)

        for entry in lint_in_order(engine, inputs()):
            result = entry if isinstance(entry, FileResult) else finish(engine.rulebook, *entry)
            for finding in result.findings:
                yield Diagnostic.of(finding, result.path)

    # -- feeds ------------------------------------------------------------------------

    def feed_options(self, path: str, preset: str | None = None, given: FeedOptions | None = None) -> FeedOptions:
        """How ``path`` is read: ``preset`` or the config's ``feed`` table, under the
        fields ``given`` (or those this linter was built with)."""
        return self._settings.feed_options(path, preset, given or self._feed or FeedOptions())

    def lint_feed(self, path: str | Path, feed: FeedOptions | None = None, preset: str | None = None) -> Iterator[Diagnostic]:
        """Lint every row of a CSV, TSV or JSON Lines feed, in order. A row that cannot be
        read gives a CL902 diagnostic; a file that cannot be read raises :class:`LintError`."""
        for result in self.feed_results(str(path), self.feed_options(str(path), preset, feed)):
            if result.error and result.row is None:
                raise LintError(result.error)
            for finding in result.findings:
                yield Diagnostic.of(finding, result.row or result.path)

    def feed_results(self, path: str, feed: FeedOptions, settings: FileSettings | None = None) -> Iterator[FileResult]:
        """One :class:`~claimlint.run.runner.FileResult` per row (``row`` set), in order;
        a file that cannot be opened as a feed gives one result without ``row``."""
        settings = settings or self.settings_for(path)
        try:
            reader, records = Feed.open(path, feed)
        except ReadError as exc:
            yield unreadable(self.engine, path, str(exc), settings)
            return
        yield from lint_feed(self._given_engine or self._local_engine(), self.options, reader, records, settings,
                             self._get_executor(), self.partition_rows)

    def _local_engine(self) -> Engine | None:
        """The engine, where rows are linted in this process (a cluster builds its own)."""
        return self.engine if self._executor_name == "local" and self._jobs <= 1 else None

    def _get_executor(self) -> Executor | None:
        if self._executor is None:
            if self._executor_name == "dask":
                from claimlint.run.dask_executor import DaskExecutor

                self._executor = DaskExecutor(self._scheduler, max(self._jobs, 2)).__enter__()
            elif self._jobs > 1:
                self._executor = ProcessExecutor(self._jobs, self._given_engine)
        return self._executor

    def close(self) -> None:
        """Stop the Dask client (and the local cluster) if one was started."""
        executor, self._executor = self._executor, None
        if executor is not None and hasattr(executor, "__exit__"):
            executor.__exit__(None, None, None)

    def __enter__(self) -> Linter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
