"""``claimlint check``: lint files, directories or standard input."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from claimlint.commands.common import csv_option, exit_code, fail, load_knowledge, make_engine
from claimlint.commands.report_file import CheckCommand, open_report
from claimlint.formatters import FORMATS, SHOWS_SOURCE
from claimlint.formatters.text import SUMMARY_LINES
from claimlint.knowledge.profile import PROFILES
from claimlint.readers.feeds import PRESETS, FeedOptions, is_feed
from claimlint.run.feeds import PARTITION_ROWS, ExecutorError
from claimlint.run.config import FAIL_ON


@click.command(cls=CheckCommand)
# Not click.Path's readability check: it would stop the run at an unreadable file, which
# is reported (CL902) after the other files are linted.
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--select", default=None, help="Rule codes or prefixes to check, comma-separated (replaces config 'select'; ALL for every rule).")
@click.option("--extend-select", default=None, help="Rule codes or prefixes to check in addition, comma-separated.")
@click.option("--ignore", default=None, help="Rule codes or prefixes to skip, comma-separated.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None, help="Lowest severity that makes the run fail (exit 1).  [default: warning]")
@click.option("--profile", type=click.Choice(PROFILES), default=None, help="Product profile for files that do not declare one.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Use this config file for every input instead of searching for one.")
@click.option("--exclude", default=None, help="Globs to skip, comma-separated (replaces config 'exclude' and the defaults).")
@click.option("--extend-exclude", default=None, help="Globs to skip in addition, comma-separated.")
@click.option("--force-exclude", is_flag=True, help="Apply excludes to paths named on the command line too (for pre-commit).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), default=None, help="Report only findings not recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None, help="Record every current finding in this baseline file.")
@click.option("--diff-base", default=None, metavar="REF", help="Report only findings on lines changed since this git revision.")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), default=None, help="Write the report to this file instead of standard output.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True, help="Worker processes (0: one per CPU).")
@click.option("--feed-preset", type=click.Choice(sorted(PRESETS)), default=None, help="Read CSV, TSV and JSON Lines feeds as this export writes them.")
@click.option("--id-field", default=None, help="Feed field that names each row.")
@click.option("--text-field", "text_fields", multiple=True, help="Feed field holding copy to lint (repeat for several).")
@click.option("--html-field", "html_fields", multiple=True, help="Feed field holding HTML (others are read as HTML only when they hold markup).")
@click.option("--profile-field", "profile_fields", multiple=True, help="Feed field with the product type, mapped to a profile by 'feed.profiles'.")
@click.option("--executor", type=click.Choice(("local", "dask")), default="local", show_default=True, help="Where feed rows are linted: here (with --jobs) or on a Dask cluster.")
@click.option("--scheduler", default=None, help="Dask scheduler address for --executor dask (default: a local cluster of --jobs workers).")
@click.option("--partition-rows", type=click.IntRange(min=1), default=PARTITION_ROWS, show_default=True, help="Feed rows per partition handed to a worker (--jobs, --executor dask).")
@click.option("--stdin-filename", default=None, help="Name to report for standard input ('-').")
@click.option("--statistics", is_flag=True, help="Also count findings per code.")
@click.option("--no-color", is_flag=True, help="Never colour the output (nor when NO_COLOR is set).")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
def check(paths, output_format, select, extend_select, ignore, fail_on, profile, config_file, exclude, extend_exclude,
          force_exclude, baseline_file, write_baseline, diff_base, output_file, jobs, feed_preset, id_field, text_fields, html_fields,
          profile_fields, executor, scheduler, partition_rows, stdin_filename, statistics, no_color, quiet) -> None:
    """Lint files and directories ('-' reads standard input).

    CSV, TSV and JSON Lines files named here are read as product feeds, one document per
    row (directories are walked for Markdown, HTML and text only)."""
    from claimlint.run import baseline
    from claimlint.run.config import Config, ConfigError, Settings, absolute
    from claimlint.run.discovery import discover
    from claimlint.api import Linter
    from claimlint.formatters import writer
    from claimlint.run.parallel import FORKS, run_parallel
    from claimlint.run.changed_lines import ChangedLines, DiffError
    from claimlint.run.runner import run

    if not paths:
        fail("no paths given (use '-' for standard input)")
    if baseline_file and write_baseline:
        fail("--baseline and --write-baseline cannot be combined (--write-baseline records every current finding)")
    cli = Config(
        root=absolute(Path.cwd()), select=csv_option(select), extend_select=csv_option(extend_select) or (),
        ignore=csv_option(ignore) or (), fail_on=fail_on, exclude=csv_option(exclude),
        extend_exclude=csv_option(extend_exclude) or (), profile=profile,
    )
    # Settings first: the configs, the packs they name and what each file selects are
    # resolved (and every error in them reported) before the engine is built, once.
    try:
        settings = Settings(cli, config_file)
        files = discover(list(paths), settings, force_exclude)
        # Standard input is configured as the file it names.
        names = [stdin_filename or "-" if path == "-" else path for path in files]
        options = settings.engine_options(names)
        knowledge = load_knowledge(options)
        known = knowledge.rules
        settings.check_codes(names, known)
        items = [(path, settings.for_file(name, known)) for path, name in zip(files, names)]
        # A judge owning none of the codes any file selects is neither built nor run.
        options = dataclasses.replace(options, codes=tuple(sorted(set().union(*(s.selected for _, s in items)))))
        accepted = baseline.read(baseline_file) if baseline_file else None
        changed = ChangedLines(diff_base, Path.cwd()) if diff_base else None
    except (ConfigError, baseline.BaselineError, DiffError) as exc:
        fail(str(exc))

    workers = jobs or os.cpu_count() or 1
    parallel = workers > 1 and len(files) > 1 and "-" not in files  # standard input is read here
    # Forked workers share this process's engine; spawned ones build their own.
    engine = make_engine(options, knowledge) if not parallel or FORKS else None
    keep_source = output_format in SHOWS_SOURCE
    given = FeedOptions(id_field=id_field, text_fields=text_fields, html_fields=html_fields, profile_fields=profile_fields)
    if executor == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            fail("--executor dask needs Dask: pip install 'claimlint-eu[dask]'")
    linter = Linter.for_run(settings, options, engine, executor, workers, scheduler, partition_rows)

    def lint_files(batch: list) -> Iterator:
        if not batch:
            return
        if parallel and len(batch) > 1:
            results = run_parallel(options, batch, workers, engine, keep_source)
        else:
            results = run(engine or make_engine(options, knowledge), batch, stdin_filename, keep_source=keep_source, in_pieces=True)
        settings_of = iter([s for _, s in batch])
        current = None
        for result in results:  # one result per file, or a long file's in pieces
            if current is None:
                current = next(settings_of)
            yield result, current
            if not result.more:
                current = None

    def results() -> Iterator:
        """Every input's results in order: a file's one, a feed's one per row."""
        batch = []
        for path, file_settings in items:
            if path != "-" and is_feed(path):
                yield from lint_files(batch)
                batch = []
                feed = linter.feed_options(path, feed_preset, given)
                yield from ((r, file_settings) for r in linter.feed_results(path, feed, file_settings))
            else:
                batch.append((path, file_settings))
        yield from lint_files(batch)

    color = not no_color and not os.environ.get("NO_COLOR") and output_format == "text" and output_file is None and sys.stdout.isatty()
    out = writer(output_format, len(items), color=color, statistics=statistics, rules=known)
    sink = open_output(output_file)
    recorded = baseline.Recording()
    keys = baseline.Fingerprints()  # of the file whose pieces are coming
    status, unreadable = 0, False
    try:
        # A long file's result comes in pieces (``result.more``), written as they come.
        for result, file_settings in results():
            if write_baseline:  # the run goes on as if with --baseline: nothing recorded fails it
                recorded.add(result.findings)
                out.baselined += len(result.findings)
                result.findings = []
            elif accepted is not None:
                new = baseline.new_findings(result.findings, accepted, keys)
                out.baselined += len(result.findings) - len(new)
                result.findings = new
            if not result.more:
                keys = baseline.Fingerprints()
            if changed is not None:
                result.findings = [f for f in result.findings if changed.changed(f)]
            if result.error:
                click.echo(f"claimlint: {result.error}", err=True)
                unreadable = True
            status = max(status, exit_code(result.findings, file_settings.fail_on, False))
            emit(sink, out.write(result), quiet and output_format == "text", color)
        for piece in out.close():
            emit(sink, piece, quiet and output_format == "text", color)
    except ExecutorError as exc:
        fail(str(exc))
    finally:
        linter.close()
        if sink is not None:
            sink.close()
    if write_baseline:
        try:
            recorded.write(write_baseline)
        except baseline.BaselineError as exc:
            fail(str(exc))
        if not quiet:
            n = len(recorded.entries)
            click.echo(f"claimlint: recorded {n} finding{'s' if n != 1 else ''} in {write_baseline}", err=True)
    sys.exit(2 if unreadable else status)


def open_output(output_file: str | None):
    """The report file (None: standard output)."""
    if output_file is None:
        return None
    try:
        return open_report(output_file)
    except OSError as exc:
        fail(f"{output_file}: cannot write report: {exc.strerror or exc}")


def emit(sink, text: str, quiet: bool, color: bool) -> None:
    """Write a piece of the report; ``quiet`` drops the text format's summary line."""
    if quiet:
        text = "".join(line + "\n" for line in text.splitlines() if not line.startswith(SUMMARY_LINES))
    if not text:
        return
    if sink is None:
        click.echo(text, nl=False, color=color)
        return
    try:
        sink.write(text)
    except OSError as exc:
        fail(f"{sink.name}: cannot write report: {exc.strerror or exc}")
