"""`kg extract`: one article's graph (or record), printed, without any store; with
``--explain``, each statement with the rule that found it and its spans marked in the text."""

from __future__ import annotations

import re
import sys
import textwrap
import unicodedata

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
@click.option(
    "--explain",
    is_flag=True,
    help="Instead of RDF, list each statement with its rule, and its [source], {cue} and "
    "«content» marked in the sentence, with character offsets.",
)
@model_option
@base_option
def extract(file: str, fmt: str, explain: bool, model: str | None, base: str) -> None:
    """Print one article's graph, without touching any store: the article graph and,
    as a store would hold them in the entities graph, its entities' descriptions. With
    --explain, each statement instead, with the rule that found it and its words marked.

    \b
    Examples:
      kg extract examples/articles/03-estonia-finland-patrols.txt
      kg extract examples/articles/07-portugal-fuel-duty.html --format jsonld > story.jsonld
      kg extract examples/articles/03-estonia-finland-patrols.txt --explain
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
    if explain:
        click.echo("\n\n".join(explain_extraction(ex) for ex in extractions))
        return
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


_MARKS = {"source": ("[", "]"), "cue": ("{", "}"), "content": ("«", "»")}
_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s")


def explain_extraction(ex) -> str:
    """A plain-text account of an extraction's statements for a person checking them: per
    statement its number, rule, kind, speaker and the offsets of each span, then the
    sentence(s) it stands in with [source], {cue} and «content» marked."""
    text = ex.article.text
    names = {e.key: f"{e.name} ({e.type})" for e in ex.entities}
    head = f"{ex.article.source_file}: {len(ex.statements)} statements"
    if ex.article.title:
        head += f" — {_safe(ex.article.title)}"
    blocks = [head]
    for n, st in enumerate(ex.statements, start=1):
        spans = [("content", p) for p in st.content]
        if st.source_span:
            spans.append(("source", st.source_span))
        if st.cue_span:
            spans.append(("cue", st.cue_span))
        lines = [
            f"#{n} {st.rule or '(no rule)'}  {st.kind}{'  direct quote' if st.direct else ''}",
            f"   speaker: {_safe(names.get(st.speaker, st.speaker))}"
            + (f"  via {_safe(names.get(st.via, st.via))}" if st.via else ""),
        ]
        for role, span in sorted(spans, key=lambda rs: rs[1].start):
            words = _safe(span.slice(text))
            if len(words) > 60:
                words = words[:28] + " … " + words[-28:]
            lines.append(f"   {role:<8}{span.start}-{span.end}  {words}")
        marked = _marked(text, spans)
        lines += textwrap.wrap(marked, width=88, initial_indent="   | ", subsequent_indent="   | ")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _marked(text: str, spans) -> str:
    """The sentences around ``spans`` with each span's marks inserted, on one line."""
    lo = min(s.start for _, s in spans)
    hi = max(s.end for _, s in spans)
    start = max(text.rfind("\n", 0, lo) + 1, 0)
    for m in _SENTENCE_END.finditer(text, start, lo):
        start = m.end()
    end = text.find("\n", hi)
    end = len(text) if end == -1 else end
    m = _SENTENCE_END.search(text, hi, end)
    if m:
        end = m.end()
    inserts: list[tuple[int, int, str]] = []
    for role, span in spans:
        opening, closing = _MARKS[role]
        inserts.append((span.start, 1, opening))
        inserts.append((span.end, 0, closing))
    out, pos = [], start
    for at, _, mark in sorted(inserts):
        out.append(text[pos:at])
        out.append(mark)
        pos = at
    out.append(text[pos:end])
    return _safe("".join(out)).strip()


def _safe(s: str) -> str:
    """``s`` on one line with no control characters (an article may hold escape codes)."""
    return "".join(
        " " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in s
    ).strip()


def _existing(path: str):
    from pathlib import Path

    p = Path(path)
    if not p.exists():
        raise click.UsageError(f"no such file: {path}")
    if p.is_dir():
        raise click.UsageError(f"{path} is a directory; `kg extract` takes one file")
    return p


COMMANDS = [extract]
