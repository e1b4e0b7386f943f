"""``claimlint server``: the editor server (Language Server Protocol over stdio)."""

from __future__ import annotations

import click

from claimlint.commands.common import fail


@click.command("server")
def server_command() -> None:
    """Run the language server on standard input and output, for editors."""
    try:
        from claimlint.language_server import main
    except ImportError as exc:
        fail(f"claimlint server needs the 'server' extra ({exc.name} is missing): pip install 'claimlint-eu[server]'")
    main()
