"""`kg viz` and `kg export`: the graph as a page, as RDF, or as a network file."""

from __future__ import annotations

import io
import sys
import webbrowser
from pathlib import Path

import click
import networkx as nx

from kg.cli.errors import UserFacingError
from kg.cli.options import opened_store, store_option
from kg.views.graph import find_entity, focus, store_graph

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
NETWORK_FORMATS = ("graphml", "gexf")


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
@click.option("--open", "open_", is_flag=True, help="Open the page in a web browser.")
@store_option
def viz(output: str, focus_on: str | None, depth: int, open_: bool, store_path: str | None) -> None:
    """Write an interactive network page (self-contained HTML, works offline).

    \b
    Examples:
      kg viz -o graph.html
      kg viz --focus "Human Rights Watch" --depth 2 -o hrw.html --open
    """
    from kg.views.html import write_html

    with opened_store(store_path, read_only=True) as store:
        g = store_graph(store)
    note = None
    title = "newskg: who said what"
    if focus_on:
        nodes = find_entity(g, focus_on)
        if not nodes:
            raise UserFacingError(f"no entity named {focus_on!r} in the store")
        g = focus(g, nodes, depth)
        labels = ", ".join(g.nodes[n]["label"] for n in nodes[:3])
        title = f"newskg: around {labels}"
        note = f"Showing {depth} hop(s) around {labels}."
    write_html(g, Path(output), title=title, note=note)
    click.echo(
        f"Wrote {output} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)", err=True
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


def network_bytes(g: nx.MultiDiGraph, fmt: str) -> bytes:
    """GraphML/GEXF allow only scalar attributes: lists are joined with "; "."""
    flat = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        flat.add_node(n, **{k: ("; ".join(v) if isinstance(v, list) else v) for k, v in d.items()})
    for u, v, k, d in g.edges(keys=True, data=True):
        flat.add_edge(u, v, key=k, **d)
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(flat, buf)
    else:
        nx.write_gexf(flat, buf)
    return buf.getvalue()


COMMANDS = [viz, export]
