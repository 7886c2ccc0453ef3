"""`kg viz` and `kg export`: the graph as a page, as RDF, or as a network file."""

from __future__ import annotations

import datetime
import sys
import webbrowser
from collections.abc import Callable
from pathlib import Path

import click

from kg.cli.errors import UserFacingError
from kg.cli.options import opened_store, store_option
from kg.views.graph import find_entity, store_graph
from kg.views.network import FORMATS, network_bytes
from kg.views.select import (
    DEFAULT_MAX_NODES,
    Filters,
    communities,
    parse_acts,
    parse_types,
    select,
)

RDF_FORMATS = {
    "turtle": "turtle",
    "ttl": "turtle",
    "trig": "trig",
    "nquads": "nquads",
    "nq": "nquads",
    "ntriples": "ntriples",
    "nt": "ntriples",
    "jsonld": "jsonld",
}
NETWORK_FORMATS = FORMATS


def _comma_list(parse: Callable[[str], frozenset[str]]):
    """A click callback turning "a,b" into ``parse``'s set; its ValueError is a usage error."""

    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> frozenset[str]:
        try:
            return parse(value) if value else frozenset()
        except ValueError as err:
            raise click.BadParameter(str(err)) from None

    return callback


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


@click.command()
@click.option(
    "-o",
    "--output",
    default="graph.html",
    show_default=True,
    metavar="FILE",
    help="Where to write the page.",
)
@click.option(
    "--focus",
    "focus_on",
    metavar="ENTITY",
    help="Show only the network around this entity (name, alias or IRI).",
)
@click.option(
    "--depth",
    default=2,
    show_default=True,
    type=click.IntRange(0, 10),
    help="Hops around --focus (a statement is one hop).",
)
@click.option(
    "--max-nodes",
    default=DEFAULT_MAX_NODES,
    show_default=True,
    type=click.IntRange(1, None),
    help="Node budget: the most central entities (PageRank) and their statements.",
)
@click.option(
    "--type",
    "types",
    metavar="TYPES",
    callback=_comma_list(parse_types),
    help="Entity types to keep: person,organization,news,place,unnamed.",
)
@click.option(
    "--act",
    "acts",
    metavar="ACTS",
    callback=_comma_list(parse_acts),
    help="Speech acts to keep: said,reported,denied.",
)
@click.option("--since", metavar="DATE", callback=_iso_date, help="Articles dated on/after.")
@click.option("--until", metavar="DATE", callback=_iso_date, help="Articles dated on/before.")
@click.option("--article", metavar="FILE", help="Only statements from this source file.")
@click.option(
    "--min-mentions",
    default=0,
    type=click.IntRange(0, None),
    metavar="N",
    help="Only entities mentioned in at least N articles.",
)
@click.option(
    "--color",
    "color_by",
    type=click.Choice(["type", "community"]),
    default="type",
    show_default=True,
    help="Colour entities by type, or by Louvain community.",
)
@click.option("--open", "open_", is_flag=True, help="Open the page in a web browser.")
@store_option
def viz(
    output: str,
    focus_on: str | None,
    depth: int,
    max_nodes: int,
    types: frozenset[str],
    acts: frozenset[str],
    since: str | None,
    until: str | None,
    article: str | None,
    min_mentions: int,
    color_by: str,
    open_: bool,
    store_path: str | None,
) -> None:
    """Write an interactive network page (self-contained HTML, works offline).

    By default the page shows the most central entities and their statements, up to
    --max-nodes; the filters and --focus pick what to look at, and the page says what
    was left out.

    \b
    Examples:
      kg viz -o graph.html
      kg viz --focus "Coastal Rights Monitor" --depth 2 -o crm.html
      kg viz --act denied --color community -o denials.html
      kg viz --article examples/articles/02-ghana-port-evictions.txt -o ghana.html
    """
    from kg.views.html import write_html

    filters = Filters(
        types=types,
        acts=acts,
        since=since,
        until=until,
        article=article,
        min_mentions=min_mentions,
    )
    if since and until and since > until:
        raise click.BadParameter("--since is after --until", param_hint="--since")
    with opened_store(store_path, read_only=True) as store:
        g = store_graph(store)
    title = "newskg: who said what"
    focus_nodes: list[str] = []
    if focus_on:
        focus_nodes = find_entity(g, focus_on)
        if not focus_nodes:
            raise UserFacingError(f"no entity named {focus_on!r} in the store")
        labels = ", ".join(g.nodes[n]["label"] for n in focus_nodes[:3])
        title = f"newskg: around {labels}"
    sel = select(g, filters, focus_nodes=focus_nodes, depth=depth, max_nodes=max_nodes)
    if focus_on and sel.total_nodes == 0:
        raise UserFacingError(f"{focus_on!r} has nothing left after the filters")
    note = " ".join(
        part
        for part in (
            f"Around {labels}, {depth} hop(s)." if focus_on else "",
            f"Filtered to {filters.describe()}." if filters.describe() else "",
            sel.note(),
        )
        if part
    )
    shown = sel.graph
    if shown.number_of_nodes() == 0:
        click.echo(
            "warning: nothing in the store matches these options; the page is empty", err=True
        )
    groups = communities(shown) if color_by == "community" else None
    write_html(
        shown, Path(output), title=title, note=note or None, communities=groups, ranks=sel.ranks
    )
    click.echo(
        f"Wrote {output} ({shown.number_of_nodes()} of {sel.total_nodes} nodes, "
        f"{shown.number_of_edges()} edges)",
        err=True,
    )
    if open_:
        webbrowser.open(Path(output).resolve().as_uri())


@click.command()
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice([*RDF_FORMATS, *NETWORK_FORMATS], case_sensitive=False),
    help="RDF (turtle, trig, nquads, ntriples, jsonld) or network (graphml, gexf).",
)
@click.option("-o", "--output", metavar="FILE", help="Write here instead of standard output.")
@store_option
def export(fmt: str, output: str | None, store_path: str | None) -> None:
    """Export the whole graph.

    Quad formats (trig, nquads, jsonld) keep one named graph per article; triple formats
    (turtle, ntriples) give their union. graphml and gexf give the who-said-what network
    for Gephi, Cytoscape or networkx.

    \b
    Examples:
      kg export --format ttl -o graph.ttl
      kg export --format gexf -o network.gexf
    """
    fmt = fmt.lower()
    with opened_store(store_path, read_only=True) as store:
        if fmt in NETWORK_FORMATS:
            data = network_bytes(store_graph(store), fmt)
        else:
            data = store.dump(RDF_FORMATS[fmt])
    if output:
        Path(output).write_bytes(data)
        click.echo(f"Wrote {output}", err=True)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


COMMANDS = [viz, export]
