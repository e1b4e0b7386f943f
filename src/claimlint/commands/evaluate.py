"""``claimlint eval``: score the linter on labelled cases."""

from __future__ import annotations

from pathlib import Path

import click

from claimlint.commands.common import fail, make_engine


@click.command(name="eval")
@click.argument("cases", type=click.Path(dir_okay=False))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--all-languages", is_flag=True, help="Also score cases whose 'lang' is not English.")
@click.option("--exclude-jurisdiction", multiple=True, default=("US",), show_default=True, help="Skip cases judged under another jurisdiction's law.")
def evaluate_command(cases, output_format, all_languages, exclude_jurisdiction) -> None:
    """Score the linter on labelled JSONL cases: precision, recall, F1 per family."""
    import json

    from claimlint.run.evaluate import CasesError, load_cases, render_text, run_cases, score

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
