"""`kg entities`: every entity with its names and how much the corpus holds of it.

Why: duplicate and wrongly merged entities are the commonest fault of a knowledge graph
built by machine. This listing puts each node's canonical name beside every other name it
was merged under and its mention counts, so a user can spot "Clinton" standing alone or
"Trump Jr." inside Donald Trump, and fix it with `kg build --aliases`.
"""

from __future__ import annotations

import click

from kg import sparql as q
from kg.cli.options import format_option, opened_store, store_option
from kg.model import ENTITY_TYPES
from kg.store.base import Rows

TYPES = ENTITY_TYPES


@click.command()
@click.option(
    "--type",
    "type_",
    type=click.Choice(TYPES, case_sensitive=False),
    default=None,
    help="List only entities of this type (unnamed sources are listed only this way).",
)
@click.option(
    "--limit", type=click.IntRange(1), default=None, help="Show at most this many entities."
)
@format_option(*q.FORMATS)
@store_option
def entities(type_: str | None, limit: int | None, fmt: str, store_path: str | None) -> None:
    """List each entity with its other names and mention counts, most mentioned first.

    Columns: label, type, aliases (every other name it was found under), articles that
    mention it, mentions (summed over articles), statements it is the speaker of, and its
    IRI. Use it to spot duplicates and wrong merges, then fix them with
    `kg build --aliases FILE.csv`.

    \b
    Examples:
      kg entities
      kg entities --type Person --limit 20
      kg entities --type Organization --format csv > orgs.csv
    """
    if type_ is not None:
        type_ = next(t for t in TYPES if t.lower() == type_.lower())
    import kg

    with opened_store(store_path, read_only=True) as store:
        rows = kg.entities(store, type_)
    if limit is not None:
        rows = rows[:limit]
    variables = ["label", "type", "aliases", "articles", "mentions", "statements", "entity"]
    bindings = []
    for r in rows:
        cells = {**r, "aliases": "; ".join(r["aliases"])}  # type: ignore[arg-type]
        bindings.append(
            {
                v: (
                    {"type": "uri", "value": str(cells[v])}
                    if v == "entity"
                    else {"type": "literal", "value": str(cells[v])}
                )
                for v in variables
            }
        )
    if fmt.lower() == "json":
        import json

        from kg.terminal import escape

        click.echo(escape(json.dumps(rows, indent=2, ensure_ascii=False), syntax=True))
        return
    click.echo(q.format_result(Rows(variables, bindings), fmt.lower()))


COMMANDS = [entities]
