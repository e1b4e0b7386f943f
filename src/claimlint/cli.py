"""The ``claimlint`` command line: one group, one module per command under ``commands/``.

A command's module is imported when that command runs (or help lists it): ``check`` on one
file should not pay for importing the register search, the evaluation and the language
server."""

from __future__ import annotations

from importlib import import_module

import click

from claimlint import DISTRIBUTION, __version__

# Command name -> the module under claimlint.commands and the command object in it.
COMMANDS = {
    "check": ("check", "check"),
    "rule": ("rules", "rule_command"),
    "rules": ("rules", "rules_command"),
    "eval": ("evaluate", "evaluate_command"),
    "claims": ("claims", "claims"),
    "server": ("server", "server_command"),
}


class Commands(click.Group):
    def main(self, *args, **kwargs):
        from claimlint.run.collector import raise_thresholds

        raise_thresholds()
        return super().main(*args, **kwargs)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attribute = COMMANDS[name]
        return getattr(import_module(f"claimlint.commands.{module}"), attribute)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimlint", message=f"%(prog)s %(version)s (installed as {DISTRIBUTION})")
def main() -> None:
    """Lint marketing copy for foods, food supplements and cosmetics against EU claims law."""
