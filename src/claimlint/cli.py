"""The ``claimlint`` command line."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from claimlint import __version__
from claimlint.config import FAIL_ON
from claimlint.findings import SEVERITY_RANK
from claimlint.formatters import FORMATS
from claimlint.profile import PROFILES


def fail(message: str) -> None:
    """A usage, config or rule-pack error: one line on stderr, exit 2."""
    click.echo(f"claimlint: error: {message}", err=True)
    sys.exit(2)


_engines: dict[str, object] = {}


def make_engine(options=None):
    """The engine for ``options`` (an EngineOptions), built once per process: building
    one compiles every pack."""
    from claimlint.engine import Engine, EngineOptions
    from claimlint.packs import PackError

    options = options or EngineOptions()
    key = repr(options)
    if key not in _engines:
        try:
            _engines[key] = Engine(options)
        except PackError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"cannot load the language pipeline {options.nlp_model!r}: {exc}")
    return _engines[key]


def exit_code(findings, fail_on: str, unreadable: bool) -> int:
    if unreadable:
        return 2
    if fail_on == "never":
        return 0
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] >= threshold for f in findings) else 0


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimlint")
def main() -> None:
    """Lint marketing copy for foods, food supplements and cosmetics against EU claims law."""


def _csv(value: str | None) -> tuple[str, ...] | None:
    """A comma-separated option value ("HC1,MC201") as a tuple; None when not given."""
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
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
@click.option("--no-color", is_flag=True, help="Never colour the output.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
def check(paths, output_format, select, extend_select, ignore, fail_on, profile, config_file, exclude, extend_exclude,
          force_exclude, baseline_file, write_baseline, output_file, jobs, stdin_filename, statistics, no_color, quiet) -> None:
    """Lint files and directories ('-' reads standard input)."""
    from claimlint import baseline
    from claimlint.config import Config, ConfigError, Settings, absolute
    from claimlint.discovery import discover
    from claimlint.formatters import Report, formatter
    from claimlint.parallel import FORKS, run_parallel
    from claimlint.runner import run

    if not paths:
        fail("no paths given (use '-' for standard input)")
    if baseline_file and write_baseline:
        fail("--baseline and --write-baseline cannot be combined (--write-baseline records every current finding)")
    cli = Config(
        root=absolute(Path.cwd()), select=_csv(select), extend_select=_csv(extend_select) or (),
        ignore=_csv(ignore) or (), fail_on=fail_on, exclude=_csv(exclude),
        extend_exclude=_csv(extend_exclude) or (), profile=profile,
    )
    try:
        settings = Settings(cli, config_file)
        files = discover(list(paths), settings, force_exclude)
        # Standard input is configured as the file it names.
        names = [stdin_filename or "-" if path == "-" else path for path in files]
        options = settings.engine_options(names)
        workers = jobs or os.cpu_count() or 1
        parallel = workers > 1 and len(files) > 1 and "-" not in files  # standard input is read here
        # Forked workers share this process's engine; spawned ones build their own, and
        # here only the rule definitions are needed then.
        engine = make_engine(options) if not parallel or FORKS else None
        known = (engine.knowledge if engine else _load_knowledge(options.rule_packs)).rules
        settings.check_codes(names, known)
        accepted = baseline.read(baseline_file) if baseline_file else None
    except (ConfigError, baseline.BaselineError) as exc:
        fail(str(exc))
    items = [(path, settings.for_file(name, known)) for path, name in zip(files, names)]

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
    if accepted is not None:
        for result in results:
            result.findings = baseline.new_findings(result.findings, accepted)

    color = not no_color and output_format == "text" and output_file is None and sys.stdout.isatty()
    report = Report(results, color=color, statistics=statistics, rules=known)
    text = formatter(output_format)(report)
    if quiet and output_format == "text":
        text = "".join(line + "\n" for line in text.splitlines() if not line.startswith(("Found ", "All checks passed")))
    for result in results:
        if result.error:
            click.echo(f"claimlint: {result.error}", err=True)
    if output_file:
        try:
            Path(output_file).write_text(text, encoding="utf-8")
        except OSError as exc:
            fail(f"{output_file}: cannot write report: {exc.strerror or exc}")
    else:
        click.echo(text, nl=False, color=color)
    unreadable = any(r.error for r in results)
    sys.exit(max((exit_code(r.findings, s.fail_on, unreadable) for r, (_, s) in zip(results, items)), default=0))


def _load_knowledge(rule_packs):
    from claimlint.knowledge import Knowledge
    from claimlint.packs import PackError

    try:
        return Knowledge.load(list(rule_packs))
    except PackError as exc:
        fail(str(exc))


def _knowledge(config_file: str | None):
    """The rules known here: the built-in packs and those the governing config adds."""
    from claimlint.config import Config, ConfigError, Settings, absolute

    try:
        packs = Settings(Config(root=absolute(Path.cwd())), config_file).rule_packs([os.curdir])
    except ConfigError as exc:
        fail(str(exc))
    return _load_knowledge(packs)


def _example_text(example) -> str:
    return example if isinstance(example, str) else example["text"]


@main.command(name="rule")
@click.argument("code")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Config file whose rule packs to include.")
def rule_command(code, output_format, config_file) -> None:
    """Explain a rule: what it flags, why, its legal basis and examples."""
    import json

    rule = _knowledge(config_file).rules.get(code.upper())
    if rule is None:
        fail(f"unknown rule code {code!r} (run 'claimlint rules' to list them)")
    examples = {kind: [_example_text(e) for e in rule.examples.get(kind, [])] for kind in ("fail", "pass")}
    if output_format == "json":
        payload = {
            "code": rule.code, "name": rule.name, "severity": rule.severity, "message": rule.message,
            "basis": rule.basis, "explanation": rule.explanation, "suggestion": rule.suggestion, "examples": examples,
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    out = [f"{rule.code} {rule.name} ({rule.severity})", "", rule.explanation, "", f"Legal basis: {rule.basis}"]
    if rule.suggestion:
        out.append(f"Fix: {rule.suggestion}")
    for kind, title in (("fail", "Flagged"), ("pass", "Allowed")):
        out += ["", f"{title}:"]
        out += ["  - " + text.replace("\n", "\n    ") for text in examples[kind]]
    click.echo("\n".join(out))


@main.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Config file whose rule packs to include.")
def rules_command(output_format, config_file) -> None:
    """List every rule code with its name and default severity."""
    import json

    known = _knowledge(config_file).rules
    rules = [known[code] for code in sorted(known)]
    if output_format == "json":
        click.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity} for r in rules], indent=2))
        return
    for r in rules:
        click.echo(f"{r.code}  {r.severity:<7}  {r.name}")


@main.command(name="eval")
@click.argument("cases", type=click.Path(dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--all-languages", is_flag=True, help="Also score cases whose 'lang' is not English.")
@click.option("--exclude-jurisdiction", multiple=True, default=("US",), show_default=True, help="Skip cases judged under another jurisdiction's law.")
def evaluate_command(cases, output_format, all_languages, exclude_jurisdiction) -> None:
    """Score the linter on labelled JSONL cases: precision, recall, F1 per family."""
    import json

    from claimlint.evaluate import CasesError, load_cases, render_text, run_cases, score

    try:
        loaded, skipped = load_cases(Path(cases), None if all_languages else {"en"}, set(exclude_jurisdiction))
    except CasesError as exc:
        fail(str(exc))
    engine = make_engine()
    run_cases(engine, loaded)
    result = score(loaded, skipped)
    if output_format == "json":
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(result), nl=False)


from claimlint.claims_search import claims  # noqa: E402

main.add_command(claims)
