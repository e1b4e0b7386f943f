"""``claimlint rule CODE`` and ``claimlint rules``: what each rule flags and why, and
``claimlint rules --test PACK``: whether a pack's rules flag their own examples."""

from __future__ import annotations

from pathlib import Path

import click

from claimlint.commands.common import fail, knowledge_for, make_engine


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
        for example in rule.examples.get(kind, []):
            out.append("  - " + _example_text(example).replace("\n", "\n    "))
            if kind == "fail" and example["span"]:
                out.append(f"    marks “{example['span']}”")
    click.echo("\n".join(out))


@click.command(name="rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None, help="Config file whose rule packs to include.")
@click.option("--test", "pack", type=click.Path(dir_okay=False), default=None,
              help="Run the examples of this rule pack's rules and report each (exit 1 if any fails).")
def rules_command(output_format, config_file, pack) -> None:
    """List every rule code with its name and default severity."""
    import json

    if pack is not None:
        _test_pack(Path(pack), output_format)
        return
    known = knowledge_for(config_file).rules
    rules = [known[code] for code in sorted(known)]
    if output_format == "json":
        click.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity} for r in rules], indent=2))
        return
    for r in rules:
        click.echo(f"{r.code}  {r.severity:<7}  {r.name}")


def _test_pack(pack: Path, output_format: str) -> None:
    """Lint the examples of every rule ``pack`` defines, with the built-in packs beside it."""
    import json
    import sys

    from claimlint.engine import EngineOptions
    from claimlint.knowledge.packs import builtin_pack_paths
    from claimlint.run.examples import run_examples

    if not pack.is_file():
        fail(f"{pack}: no such rule pack")
    builtin = pack.resolve() in {p.resolve() for p in builtin_pack_paths()}
    engine = make_engine(EngineOptions(rule_packs=() if builtin else (str(pack.resolve()),)))
    rules = [r for r in engine.knowledge.rules.values() if Path(r.source).resolve() == pack.resolve()]
    if not rules:
        fail(f"{pack}: defines no rules to test")
    outcomes = run_examples(engine, rules)
    failed = [o for o in outcomes if not o.passed]
    if output_format == "json":
        click.echo(json.dumps([
            {"code": o.example.code, "kind": o.example.kind, "number": o.example.number, "text": o.example.text,
             "span": o.example.span, "passed": o.passed, "marked": o.marked}
            for o in outcomes
        ], indent=2, ensure_ascii=False))
    else:
        for o in outcomes:
            line = f"{'ok  ' if o.passed else 'FAIL'}  {o.example.label}: {o.example.text.splitlines()[0]}"
            click.echo(line if o.passed else f"{line}\n      {o.problem}")
        click.echo(f"{len(outcomes) - len(failed)} of {len(outcomes)} examples of {pack} behave as stated.")
    sys.exit(1 if failed else 0)
