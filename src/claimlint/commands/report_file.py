"""The report file of ``check --output-file``: its folder is created, and a SARIF report
is left behind even when the run stops on a usage, config or rule-pack error."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

import click

from claimlint.commands.common import UsageFailure


_OPTIONS = {"--format": "format", "--output-file": "output", "-o": "output"}


def _sarif_file(args: list[str]) -> str | None:
    """The file a SARIF report was asked for in raw arguments (``--format sarif
    --output-file F``), read without click because they did not parse."""
    given: dict[str, str] = {}
    for i, arg in enumerate(args):
        if arg == "--":
            break
        name, equals, value = arg.partition("=")
        if name in _OPTIONS:
            given[_OPTIONS[name]] = value if equals else (args[i + 1] if i + 1 < len(args) else "")
    return given.get("output") if given.get("format") == "sarif" else None


def _write_failed_sarif(path: str, message: str) -> None:
    from claimlint.formatters.sarif import failed_run

    try:
        write_report(path, failed_run(message))
    except OSError:
        pass  # the error itself is still printed; there is nothing more to say


def write_report(path: str, text: str) -> None:
    """Write a report, creating its folder: a CI job often names one that does not exist yet."""
    with open_report(path) as report:
        report.write(text)


def open_report(path: str) -> TextIO:
    """The report file opened for writing, its folder created; a run writes it as it goes."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    return target.open("w", encoding="utf-8")


class CheckCommand(click.Command):
    """``check`` that, asked for a SARIF file, writes one even when it stops on a usage,
    config or rule-pack error: the CI step that uploads the report then has a valid file
    that names the error, instead of failing for want of one."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        raw = list(args)
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as exc:
            if path := _sarif_file(raw):
                _write_failed_sarif(path, exc.format_message())
            raise

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except UsageFailure as exc:
            if ctx.params.get("output_format") == "sarif" and ctx.params.get("output_file"):
                _write_failed_sarif(ctx.params["output_file"], exc.message)
            raise
