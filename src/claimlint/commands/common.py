"""What every command shares: one-line usage errors, the engine built once per process,
the exit status, and the rules known under a config."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import click

from claimlint.findings import SEVERITY_RANK


class UsageFailure(click.ClickException):
    """A usage, config or rule-pack error: one line on stderr, exit 2. An exception, so
    that a command can leave a report saying so before click prints it and exits."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"claimlint: error: {self.message}", err=True)


def fail(message: str) -> NoReturn:
    raise UsageFailure(message)


_engines: dict[str, object] = {}


def make_engine(options=None, knowledge=None):
    """The engine for ``options`` (an EngineOptions), built once per process: building
    one compiles every pack. ``knowledge``, when the command loaded it already, is the
    knowledge of ``options``' packs. The engine is kept out of the garbage collector."""
    from claimlint.engine import Engine, EngineOptions
    from claimlint.knowledge.packs import PackError
    from claimlint.run.collector import settle_engine

    options = options or EngineOptions()
    key = repr(options)
    if key not in _engines:
        try:
            _engines[key] = Engine(options, knowledge)
        except PackError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"cannot load the language pipeline {options.nlp_model!r}: {exc}")
        settle_engine()
    return _engines[key]


def exit_code(findings, fail_on: str, unreadable: bool) -> int:
    if unreadable:
        return 2
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] >= threshold for f in findings) else 0


def csv_option(value: str | None) -> tuple[str, ...] | None:
    """A comma-separated option value ("HC1,MC201") as a tuple; None when not given."""
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


def load_knowledge(options):
    """The knowledge of an EngineOptions' language and rule packs, each rule checked
    against the check that reports it; a pack error exits 2."""
    from claimlint.judges.registry import load_knowledge
    from claimlint.knowledge.packs import PackError

    try:
        return load_knowledge(options.rule_packs, options.language)
    except PackError as exc:
        fail(str(exc))


def options_here(config_file: str | None):
    """The EngineOptions of the config governing the working directory (or ``config_file``)."""
    from claimlint.run.config import Config, ConfigError, Settings, absolute

    try:
        return Settings(Config(root=absolute(Path.cwd())), config_file).engine_options([os.curdir])
    except ConfigError as exc:
        fail(str(exc))


def knowledge_for(config_file: str | None):
    """The rules known here: the built-in packs of the configured language and those the
    governing config adds."""
    return load_knowledge(options_here(config_file))
