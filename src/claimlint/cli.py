"""The ``claimlint`` command line."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimlint import __version__
from claimlint.findings import SEVERITY_RANK

FAIL_ON = ("error", "warning", "info", "never")


def fail(message: str) -> None:
    """A usage, config or rule-pack error: one line on stderr, exit 2."""
    click.echo(f"claimlint: error: {message}", err=True)
    sys.exit(2)


def make_engine(rule_packs=(), nlp_model=None):
    from claimlint.engine import Engine, EngineOptions
    from claimlint.packs import PackError

    try:
        return Engine(EngineOptions(rule_packs=tuple(rule_packs), nlp_model=nlp_model))
    except PackError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot load the language pipeline {nlp_model!r}: {exc}")


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


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="warning", show_default=True, help="Lowest severity that makes the run fail (exit 1).")
@click.option("--profile", type=click.Choice(["food", "food_supplement", "beverage", "cosmetic"]), default=None, help="Product profile for files that do not declare one.")
@click.option("--stdin-filename", default=None, help="Name to report for standard input ('-').")
@click.option("--statistics", is_flag=True, help="Also count findings per code.")
@click.option("--no-color", is_flag=True, help="Never colour the output.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
def check(paths, output_format, fail_on, profile, stdin_filename, statistics, no_color, quiet) -> None:
    """Lint files and directories ('-' reads standard input)."""
    from claimlint.discovery import discover
    from claimlint.formatters import Report, formatter
    from claimlint.profile import DEFAULT_PROFILE, Profile
    from claimlint.runner import run

    if not paths:
        fail("no paths given (use '-' for standard input)")
    engine = make_engine()
    default = profile or DEFAULT_PROFILE

    def profile_for(document):
        return Profile.from_mapping(document.profile, default=default)

    results = list(run(engine, discover(list(paths)), profile_for, stdin_filename))
    color = not no_color and output_format == "text" and sys.stdout.isatty()
    report = Report(results, color=color, statistics=statistics)
    text = formatter(output_format)(report)
    if quiet and output_format == "text":
        text = "\n".join(line for line in text.splitlines() if not line.startswith(("Found ", "All checks passed"))) + "\n"
    for result in results:
        if result.error:
            click.echo(f"claimlint: {result.error}", err=True)
    click.echo(text, nl=False, color=color)
    sys.exit(exit_code(report.findings, fail_on, any(r.error for r in results)))


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
