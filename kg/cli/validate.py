"""`kg validate`: check the store against the SHACL shapes of the data model."""

from __future__ import annotations

import click

from kg.cli.errors import UserFacingError
from kg.cli.options import opened_store, store_option
from kg.validate import validate_store


@click.command()
@store_option
@click.option("--verbose", "-v", is_flag=True, help="Print the full SHACL report.")
def validate(store_path: str | None, verbose: bool) -> None:
    """Check that the store conforms to ontology/shapes.ttl (exit 1 if not).

    Besides the shape of every article, entity, statement and span, every span (content,
    source and cue) must lie inside its article's text, content spans must slice out the
    statement's words and source and cue spans some words.

    \b
    Example:
      kg validate --store kg-store
    """
    with opened_store(store_path, read_only=True) as store:
        conforms, text, count = validate_store(store)
    if conforms:
        click.echo(f"conforms: the store matches the newskg shapes ({count} triples checked)")
        return
    click.echo(text if verbose else _summary(text), err=False)
    raise UserFacingError("the store does not conform to the newskg shapes")


def _summary(text: str) -> str:
    lines = [ln for ln in text.splitlines() if "Message:" in ln or "Focus Node:" in ln]
    return "\n".join(lines[:40]) or text


COMMANDS = [validate]
