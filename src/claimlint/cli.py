"""The ``claimlint`` command line: one group, one module per command under ``commands/``."""

from __future__ import annotations

import click

from claimlint import DISTRIBUTION, __version__
from claimlint.commands.check import check
from claimlint.commands.claims import claims
from claimlint.commands.evaluate import evaluate_command
from claimlint.commands.rules import rule_command, rules_command
from claimlint.commands.server import server_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimlint", message=f"%(prog)s %(version)s (installed as {DISTRIBUTION})")
def main() -> None:
    """Lint marketing copy for foods, food supplements and cosmetics against EU claims law."""


for command in (check, rule_command, rules_command, evaluate_command, claims, server_command):
    main.add_command(command)
