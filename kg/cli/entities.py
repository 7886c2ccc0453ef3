"""`kg entities`: every entity with its names and how much the corpus holds of it.

Why: duplicate and wrongly merged entities are the commonest fault of a knowledge graph
built by machine. This listing puts each node's canonical name beside every other name it
was merged under and its mention counts, so a user can spot "Clinton" standing alone or
"Trump Jr." inside Donald Trump, and fix it with `kg build --aliases`.
"""

from __future__ import annotations

from collections import defaultdict

import click

from kg import query as q
from kg.cli.options import format_option, opened_store, store_option
from kg.store.base import Rows, Store

TYPES = ("Person", "Organization", "NewsOrganization", "Place", "UnnamedSource")

_ENTITIES = """
SELECT ?e ?type ?label WHERE {
  ?e a ?type ; rdfs:label ?label .
  VALUES ?type { kg:Person kg:Organization kg:NewsOrganization kg:Place kg:UnnamedSource }
}"""
_ALIASES = "SELECT ?e ?alt WHERE { ?e a kg:Entity ; skos:altLabel ?alt }"
_COUNTS = "SELECT ?e ?g ?n WHERE { GRAPH ?g { ?e kg:mentionCount ?n } }"
_ARTICLES = "SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e kg:mentionedIn ?a } GROUP BY ?e"
_SAID = "SELECT ?e (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s kg:speaker ?e } GROUP BY ?e"

_ORDER = {t: i for i, t in enumerate(("NewsOrganization", "Organization", "Person", "Place"))}


def entity_rows(store: Store, type_: str | None = None) -> list[dict[str, object]]:
    """One row per entity: IRI, type (the most specific), label, aliases, articles,
    mentions (summed over the article graphs) and statements, most mentioned first.
    Unnamed sources are listed only when asked for by type: they are one article's each."""

    types: dict[str, str] = {}
    labels: dict[str, str] = {}
    for r in store.select(_ENTITIES):
        t = r["type"].rsplit("#", 1)[-1]
        e = r["e"]
        labels[e] = r["label"]
        if e not in types or _ORDER.get(t, 9) < _ORDER.get(types[e], 9):
            types[e] = t
    aliases: dict[str, set[str]] = defaultdict(set)
    for r in store.select(_ALIASES):
        aliases[r["e"]].add(r["alt"])
    mentions: dict[str, int] = defaultdict(int)
    for r in store.select(_COUNTS):
        mentions[r["e"]] += int(r["n"])
    articles = {r["e"]: int(r["n"]) for r in store.select(_ARTICLES)}
    said = {r["e"]: int(r["n"]) for r in store.select(_SAID)}
    rows = []
    for e, t in types.items():
        if (type_ is None and t == "UnnamedSource") or (type_ is not None and t != type_):
            continue
        rows.append(
            {
                "entity": e,
                "type": t,
                "label": labels[e],
                "aliases": sorted(aliases[e] - {labels[e]}),
                "articles": articles.get(e, 0),
                "mentions": mentions.get(e, 0),
                "statements": said.get(e, 0),
            }
        )
    rows.sort(key=lambda r: (-r["mentions"], -r["statements"], r["label"], r["entity"]))
    return rows


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
    with opened_store(store_path, read_only=True) as store:
        rows = entity_rows(store, type_)
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
