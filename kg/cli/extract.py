"""`kg extract`: one article's graph (or record), printed, without any store."""

from __future__ import annotations

import sys

import click

from kg.cli.build import base_option, model_option
from kg.cli.errors import UserFacingError
from kg.nlp import ModelNotFound
from kg.rdf.iris import Minter
from kg.readers import ReadError, read_file


@click.command()
@click.argument("file", metavar="FILE")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["turtle", "ttl", "trig", "jsonld"]),
    default="turtle",
    show_default=True,
    help="RDF serialisation.",
)
@model_option
@base_option
def extract(file: str, fmt: str, model: str | None, base: str) -> None:
    """Print one article's graph, without touching any store: the article graph and,
    as a store would hold them in the entities graph, its entities' descriptions.

    \b
    Examples:
      kg extract examples/articles/03-estonia-finland-patrols.txt
      kg extract examples/articles/07-portugal-fuel-duty.html --format jsonld > story.jsonld
    """
    if file == "-":
        from kg.readers.text import read_text

        data = sys.stdin.buffer.read()
        if not data.strip():
            raise UserFacingError("-: empty input")
        articles = [read_text(data, "-")]
    else:
        try:
            articles = read_file(_existing(file))
        except ReadError as exc:
            raise UserFacingError(str(exc)) from None
    from kg.pipeline import corpus_graphs, extract_articles

    minter = Minter(base)
    try:
        extractions = list(extract_articles(articles, model=model))
    except ModelNotFound as exc:
        raise UserFacingError(str(exc)) from None
    from kg.rdf.mapping import new_graph

    graphs = corpus_graphs(extractions, minter)
    if fmt in ("turtle", "ttl"):
        g = new_graph()
        g.parse(data="".join(graphs.values()), format="nt")
        click.echo(g.serialize(format="turtle"))
        return
    from rdflib import Dataset, URIRef

    ds = Dataset()
    for prefix, ns in new_graph().namespaces():
        ds.bind(prefix, ns, override=True)
    for iri, body in graphs.items():
        ds.graph(URIRef(iri)).parse(data=body, format="nt")
    out_fmt = {"trig": "trig", "jsonld": "json-ld"}[fmt]
    click.echo(ds.serialize(format=out_fmt))


def _existing(path: str):
    from pathlib import Path

    p = Path(path)
    if not p.exists():
        raise click.UsageError(f"no such file: {path}")
    if p.is_dir():
        raise click.UsageError(f"{path} is a directory; `kg extract` takes one file")
    return p


COMMANDS = [extract]
