"""`kg stats` and `kg show`: what the store holds, overall and for one entity."""

from __future__ import annotations

import json
from collections import Counter

import click

from kg.cli.errors import UserFacingError
from kg.cli.options import format_option, opened_store, store_option
from kg.sparql import compact
from kg.terminal import escape
from kg.views.graph import ACTS, pagerank, store_graph


@click.command()
@click.option(
    "--top",
    default=10,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="How many central entities to list.",
)
@format_option("table", "json")
@store_option
def stats(top: int, fmt: str, store_path: str | None) -> None:
    """Counts of articles, entities and statements, and the most central entities
    (PageRank over the who-said-what network).

    \b
    Example:
      kg stats --top 5
    """
    with opened_store(store_path, read_only=True) as store:
        articles = len(store.articles())
        g = store_graph(store, with_context=False)
    ents = Counter(d["type"] for _, d in g.nodes(data=True) if d["kind"] == "entity")
    stmts = Counter(d["type"] for _, d in g.nodes(data=True) if d["kind"] == "statement")
    ranks = pagerank(g)
    central = sorted(ranks.items(), key=lambda kv: -kv[1])[:top]
    said = Counter(u for u, _, d in g.edges(data=True) if d["label"] in ACTS)
    if fmt == "json":
        _echo_json(
            json.dumps(
                {
                    "articles": articles,
                    "entities": dict(ents),
                    "statements": dict(stmts),
                    "central": [
                        {
                            "entity": n,
                            "label": g.nodes[n]["label"],
                            "type": g.nodes[n]["type"],
                            "pagerank": round(r, 5),
                            "statements": said[n],
                        }
                        for n, r in central
                    ],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    click.echo(f"articles    {articles}")
    click.echo(f"entities    {sum(ents.values())}  ({_counts(ents)})")
    click.echo(f"statements  {sum(stmts.values())}  ({_counts(stmts)})")
    if central:
        click.echo("\nmost central (PageRank):")
        width = max(len(escape(g.nodes[n]["label"])) for n, _ in central)
        for n, r in central:
            d = g.nodes[n]
            label = escape(d["label"])
            click.echo(f"  {label:<{width}}  {d['type']:<16} {r:.4f}  {said[n]} statement(s)")


def _echo_json(text: str) -> None:
    """Print JSON with the controls and bidi overrides of article text escaped (still the
    same JSON): json.dumps leaves C1 controls and U+202E raw."""
    click.echo(escape(text, syntax=True))


def _counts(c: Counter) -> str:
    return ", ".join(f"{n} {k}" for k, n in sorted(c.items())) or "none"


@click.command()
@click.argument("entity")
@format_option("table", "json")
@store_option
def show(entity: str, fmt: str, store_path: str | None) -> None:
    """Everything about one entity: canonical name, aliases, titles, and every statement it
    made with the article it is in.

    ENTITY is a name or alias (case-insensitive) or an IRI.

    \b
    Examples:
      kg show CRM
      kg show "rosario almendra" --format json
    """
    import kg

    with opened_store(store_path, read_only=True) as store:
        out = kg.show(store, entity)
    if not out:
        raise UserFacingError(f"no entity named {entity!r} in the store")
    if fmt == "json":
        _echo_json(json.dumps(out if len(out) > 1 else out[0], indent=2, ensure_ascii=False))
        return
    for i, e in enumerate(out):
        if i:
            click.echo()
        click.echo(escape(f"{e['label']}  ({e['type']}, {compact(e['entity'])})"))
        if e["aliases"]:
            click.echo(escape(f"  also:         {'; '.join(e['aliases'])}"))
        if e["titles"]:
            click.echo(escape(f"  titles:       {'; '.join(e['titles'])}"))
        if e["affiliations"]:
            click.echo(escape(f"  affiliations: {'; '.join(e['affiliations'])}"))
        click.echo(f"  articles:     {e['articles']}")
        click.echo(f"  statements:   {len(e['statements'])}")
        for s in e["statements"]:
            mark = "“”" if s["direct"] else "~"
            click.echo(escape(f"\n  [{s['kind']}, {s['cue']!r}, {mark}] {s['article']}"))
            click.echo(escape(f"    {s['text']}"))
            rule = f", rule {s['rule']}" if s.get("rule") else ""
            click.echo(escape(f"    ({s['source_file']} chars {s['begin']}-{s['end']}{rule})"))
            for o in s.get("appearances", []):
                where = ", ".join(x for x in (o["date"], o["outlet"]) if x)
                click.echo(
                    escape(
                        f"    also: {o['speaker']}{f' ({where})' if where else ''}: {o['text']}"
                        f" ({o['source_file']} chars {o['begin']}-{o['end']})"
                    )
                )


COMMANDS = [stats, show]
