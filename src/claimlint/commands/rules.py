"""``claimlint rule CODE`` and ``claimlint rules``: what each rule flags and why."""

from __future__ import annotations

import click

from claimlint.commands.common import fail, knowledge_for


def _example_text(example) -> str:
    return example if isinstance(example, str) else example["text"]


@click.command(name="rule")
@click.argument("code")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Config file whose rule packs to include.")
def rule_command(code, output_format, config_file) -> None:
    """Explain a rule: what it flags, why, its legal basis and examples."""
    import json

    rule = knowledge_for(config_file).rules.get(code.upper())
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


@click.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Config file whose rule packs to include.")
def rules_command(output_format, config_file) -> None:
    """List every rule code with its name and default severity."""
    import json

    known = knowledge_for(config_file).rules
    rules = [known[code] for code in sorted(known)]
    if output_format == "json":
        click.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity} for r in rules], indent=2))
        return
    for r in rules:
        click.echo(f"{r.code}  {r.severity:<7}  {r.name}")
