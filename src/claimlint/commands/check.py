"""``claimlint check``: lint files, directories or standard input."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from claimlint.commands.common import csv_option, exit_code, fail, load_knowledge, make_engine
from claimlint.commands.report_file import CheckCommand, write_report
from claimlint.formatters import FORMATS
from claimlint.knowledge.profile import PROFILES
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
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), default=None, help="Write the report to this file instead of standard output.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True, help="Worker processes (0: one per CPU).")
@click.option("--stdin-filename", default=None, help="Name to report for standard input ('-').")
@click.option("--statistics", is_flag=True, help="Also count findings per code.")
@click.option("--no-color", is_flag=True, help="Never colour the output (nor when NO_COLOR is set).")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
def check(paths, output_format, select, extend_select, ignore, fail_on, profile, config_file, exclude, extend_exclude,
          force_exclude, baseline_file, write_baseline, output_file, jobs, stdin_filename, statistics, no_color, quiet) -> None:
    """Lint files and directories ('-' reads standard input)."""
    from claimlint.run import baseline
    from claimlint.run.config import Config, ConfigError, Settings, absolute
    from claimlint.run.discovery import discover
    from claimlint.formatters import Report, formatter
    from claimlint.formatters.text import SUMMARY_LINES
    from claimlint.run.parallel import FORKS, run_parallel
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
        accepted = baseline.read(baseline_file) if baseline_file else None
    except (ConfigError, baseline.BaselineError) as exc:
        fail(str(exc))

    workers = jobs or os.cpu_count() or 1
    parallel = workers > 1 and len(files) > 1 and "-" not in files  # standard input is read here
    # Forked workers share this process's engine; spawned ones build their own.
    engine = make_engine(options, knowledge) if not parallel or FORKS else None
    if parallel:
        results = list(run_parallel(options, items, workers, engine))
    else:
        results = list(run(engine, items, stdin_filename))

    if write_baseline:  # then the run goes on as if with --baseline: nothing recorded fails it
        try:
            accepted = baseline.write(write_baseline, [f for r in results for f in r.findings])
        except baseline.BaselineError as exc:
            fail(str(exc))
        if not quiet:
            n = len(accepted)
            click.echo(f"claimlint: recorded {n} finding{'s' if n != 1 else ''} in {write_baseline}", err=True)
    baselined = 0  # findings the baseline holds, left out of the report
    if accepted is not None:
        for result in results:
            new = baseline.new_findings(result.findings, accepted)
            baselined += len(result.findings) - len(new)
            result.findings = new

    color = not no_color and not os.environ.get("NO_COLOR") and output_format == "text" and output_file is None and sys.stdout.isatty()
    report = Report(results, color=color, statistics=statistics, rules=known, baselined=baselined)
    text = formatter(output_format)(report)
    if quiet and output_format == "text":
        text = "".join(line + "\n" for line in text.splitlines() if not line.startswith(SUMMARY_LINES))
    for result in results:
        if result.error:
            click.echo(f"claimlint: {result.error}", err=True)
    if output_file:
        try:
            write_report(output_file, text)
        except OSError as exc:
            fail(f"{output_file}: cannot write report: {exc.strerror or exc}")
    else:
        click.echo(text, nl=False, color=color)
    unreadable = any(r.error for r in results)
    sys.exit(max((exit_code(r.findings, s.fail_on, unreadable) for r, (_, s) in zip(results, items)), default=0))
