"""``--executor dask``: feed partitions linted on a Dask cluster, one engine per worker.

A worker plugin builds the engine once on each worker, when it is registered or when a
worker joins later, and keeps it on the worker; every task there reuses it (building one
compiles every pack and loads spaCy, seconds of work a task must not repeat). Partitions
are submitted a window at a time and gathered in submission order, so the report is the
same, byte for byte, as in one process, and the client holds only the window.

Without a scheduler address a :class:`~distributed.LocalCluster` of worker processes is
started for the run. Workers need claimlint installed, as any Dask task's code.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from claimlint.engine import Engine, EngineOptions
from claimlint.run.feeds import ExecutorError
from claimlint.run.parallel import in_order

CONNECT_TIMEOUT = "20s"

_ENGINES = "claimlint_engines"  # the worker attribute holding its engines, by options
builds: list[str] = []  # the engines this process built, so tests can count them


def _engine_on(worker: Any, options: EngineOptions) -> Engine:
    engines = worker.__dict__.setdefault(_ENGINES, {})
    key = repr(options)
    if key not in engines:
        engines[key] = Engine(options)
        builds.append(key)
    return engines[key]


class EnginePlugin(WorkerPlugin):
    """Builds a worker's engine for ``options`` when the worker starts."""

    def __init__(self, options: EngineOptions) -> None:
        self.options = options
        self.name = f"claimlint-engine-{abs(hash(repr(options)))}"

    def setup(self, worker: Any) -> None:
        _engine_on(worker, self.options)


def _run(options: EngineOptions, work, part) -> list:
    return work(_engine_on(get_worker(), options), part)


def engine_builds() -> list[str]:
    """The engines built in this worker process (for tests and diagnostics)."""
    return list(builds)


class DaskExecutor:
    """A Dask client for one run: connected to ``scheduler``, or to a local cluster of
    ``workers`` processes with one thread each."""

    def __init__(self, scheduler: str | None = None, workers: int = 2) -> None:
        self.scheduler = scheduler
        self.workers = workers
        self.cluster: LocalCluster | None = None
        self.client: Client | None = None
        self._plugins: set[str] = set()

    def __enter__(self) -> DaskExecutor:
        if self.scheduler:
            try:
                self.client = Client(self.scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError, ValueError) as exc:
                raise ExecutorError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from None
        else:
            self.cluster = LocalCluster(
                n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None,
                silence_logs=logging.ERROR,  # workers slow to exit are stopped anyway; not the run's business
            )
            self.client = Client(self.cluster)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def map(self, options: EngineOptions, work, parts: Iterable) -> Iterator:
        client = self.client
        assert client is not None, "use DaskExecutor as a context manager"
        plugin = EnginePlugin(options)
        if plugin.name not in self._plugins:
            client.register_plugin(plugin)
            self._plugins.add(plugin.name)
        window = 2 * max(1, len(client.scheduler_info()["workers"])) + 1
        for future in in_order(lambda part: client.submit(_run, options, work, part, pure=False), parts, window):
            yield from future.result()
            future.release()
