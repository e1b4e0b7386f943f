"""``claimlint claims QUERY``: find the authorised wording for a substance or an effect.

Copywriters start from what they want to say ("magnesium", "skin"), so the search matches
words in the substance name and the claim wording, and prints the legal wording together with
the conditions a product must meet to use it.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import sys
import textwrap

from typing import TYPE_CHECKING

import click

from claimlint.commands.common import options_here

if TYPE_CHECKING:
    from claimlint.knowledge.register import RegisterEntry

LABEL_WIDTH = 20


def word_patterns(query: tuple[str, ...]) -> list[re.Pattern]:
    """One pattern per query word, matching it as a whole word (a plural -s or -es allowed)."""
    words = [word for part in query for word in part.split()]
    return [re.compile(rf"(?<!\w){re.escape(word)}(?:e?s)?(?!\w)", re.IGNORECASE) for word in words]


def search(entries: list[RegisterEntry], patterns: list[re.Pattern]) -> list[RegisterEntry]:
    """Entries whose substance name or wording contains every query word, by substance then wording."""
    found = [e for e in entries if all(p.search(f"{e.substance}\n{e.claim}") for p in patterns)]
    return sorted(found, key=lambda e: (e.substance.casefold(), e.claim.casefold(), e.id))


def _wrap(text: str, width: int, first: str, rest: str) -> str:
    return textwrap.fill(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,  # keep ids, URLs and "energy-yielding" whole
        break_on_hyphens=False,
    )


def _describe(entry: RegisterEntry, width: int) -> str:
    fields = [("substance", entry.substance)]
    if entry.status == "authorised":
        fields.append(("conditions of use", entry.conditions or "none"))
        if entry.restrictions:
            fields.append(("restrictions", entry.restrictions))
    else:
        fields += [("status", entry.status), ("reasons", entry.reasons or "not given in the register")]
    fields += [
        ("register id", entry.id),
        ("claim type", entry.claim_type),
        ("regulation", entry.regulation or "not recorded"),
    ]
    indent = " " * (4 + LABEL_WIDTH)
    lines = [_wrap(entry.claim, width, "", "  ")]
    lines += [_wrap(value, width, f"    {label + ':':<{LABEL_WIDTH}}", indent) for label, value in fields]
    return "\n".join(lines)


def _section(title: str, entries: list[RegisterEntry], width: int) -> str:
    return "\n\n".join([f"{title} ({len(entries)})", *(_describe(e, width) for e in entries)])


@click.command("claims", short_help="Search the EU register by substance or effect words.")
@click.argument("query", nargs=-1, required=True)
@click.option("--rejected", is_flag=True, help="Also list matching non-authorised and revoked entries, with reasons.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def claims(query: tuple[str, ...], rejected: bool, fmt: str) -> None:
    """Search the EU register for claim wordings by substance or effect words.

    Every word must appear, as a whole word, in the substance name or the claim wording:
    `claimlint claims magnesium`, `claimlint claims "vitamin c" collagen`. Exit status: 0 when
    something matched, 1 when nothing did.
    """
    # imported here so that loading the command line stays cheap for the commands that don't search
    from claimlint.knowledge.packs import PackError
    from claimlint.knowledge.register import Register

    patterns = word_patterns(query)
    language = options_here(None).language  # a language may bring its own register translation
    try:
        register = Register.load(language=language)
        authorised = search(register.authorised, patterns)
        # without --rejected the non-authorised matches are only counted, to say why nothing was found
        refused = search(register.rejected, patterns) if rejected or not authorised else []
    except PackError as exc:
        click.echo(f"claimlint: error: {exc}", err=True)
        sys.exit(2)
    if not authorised and not (rejected and refused):
        shown = " ".join(query)
        if rejected:
            message = f"no register entry matches {shown!r}"
        elif refused:
            message = (
                f"no authorised claim matches {shown!r} "
                f"({len(refused)} non-authorised entries do; add --rejected to list them)"
            )
        else:
            message = f"no authorised claim matches {shown!r}"
        click.echo(message, err=True)
        sys.exit(1)
    if not rejected:
        refused = []
    if fmt == "json":
        found = [dataclasses.asdict(e) for e in authorised + refused]
        click.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    width = min(shutil.get_terminal_size((100, 24)).columns, 100)
    sections = [_section("Authorised claims", authorised, width)]
    if rejected:
        sections.append(_section("Non-authorised and revoked claims", refused, width))
    click.echo("\n\n\n".join(sections))
