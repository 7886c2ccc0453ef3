"""Extraction -> RDF: the one place where the data model of vocabulary.md is written.

Knows the extraction dataclasses, not spaCy. The graph returned holds exactly one article's
named graph content; the store puts it under the article's IRI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.plugins.serializers.nt import _nt_row  # N-Triples escaping, as rdflib writes it

from kg.model import Extraction, Span
from kg.rdf.iris import Minter, slug
from kg.rdf.vocab import ENTITY_CLASSES, KG, NIF, PREFIXES, SCHEMA, STATEMENT_CLASSES

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


@dataclass
class Identity:
    """How an extraction's entities are named in the store: entity key -> IRI, and the
    label to write where the store already knows the entity under another canonical name."""

    iris: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)


def default_identity(ex: Extraction, minter: Minter) -> Identity:
    """IRIs from canonical names alone (no store to match against)."""
    ident = Identity()
    n = 0
    for ent in ex.entities:
        if ent.type == "UnnamedSource":
            n += 1
            ident.iris[ent.key] = minter.unnamed(ex.article.short_hash, n)
        else:
            ident.iris[ent.key] = minter.entity(ent.type, ent.name)
    return ident


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


class _Triples:
    """Collects triples in order without a Graph's indexes: a build writes hundreds of
    thousands of them and only needs them once, as N-Triples for the store."""

    def __init__(self) -> None:
        self.items: dict[tuple, None] = {}

    def add(self, triple: tuple) -> None:
        self.items[triple] = None


def article_graph(ex: Extraction, minter: Minter, ident: Identity | None = None) -> Graph:
    """All triples for one article: the article, its entities and its statements."""
    g = new_graph()
    for triple in article_triples(ex, minter, ident):
        g.add(triple)
    return g


def article_ntriples(ex: Extraction, minter: Minter, ident: Identity | None = None) -> str:
    """The same triples as :func:`article_graph`, as N-Triples text (what the store loads)."""
    return "".join(_nt_row(t) for t in article_triples(ex, minter, ident))


def article_triples(ex: Extraction, minter: Minter, ident: Identity | None = None) -> list[tuple]:
    """The triples of one article graph, in a stable order."""
    ident = ident or default_identity(ex, minter)
    art = ex.article
    g = _Triples()
    a = URIRef(minter.article(art.short_hash))
    g.add((a, RDF.type, KG.Article))
    g.add((a, RDF.type, SCHEMA.NewsArticle))
    g.add((a, KG.text, Literal(art.text)))
    g.add((a, KG.sourceFile, Literal(art.source_file)))
    g.add((a, KG.contentHash, Literal(art.content_hash)))
    if art.title:
        g.add((a, DCTERMS.title, Literal(art.title)))
    url = _url(art.url) if art.url else None
    if url is not None:
        g.add((a, DCTERMS.source, url))
    if art.date:
        date = _date(art.date)
        if date is not None:
            g.add((a, DCTERMS.date, date))
    if art.author:
        g.add((a, DCTERMS.creator, Literal(art.author)))
    if art.publisher:
        pub = URIRef(minter.entity("NewsOrganization", art.publisher))
        for cls in ENTITY_CLASSES["NewsOrganization"]:
            g.add((pub, RDF.type, cls))
        if not any(ident.iris.get(e.key) == str(pub) for e in ex.entities):
            g.add((pub, RDFS.label, Literal(art.publisher)))
        g.add((a, DCTERMS.publisher, pub))

    for ent in ex.entities:
        e = URIRef(ident.iris[ent.key])
        for cls in ENTITY_CLASSES[ent.type]:
            g.add((e, RDF.type, cls))
        label = ident.labels.get(ent.key, ent.name)
        g.add((e, RDFS.label, Literal(label)))
        for alias in sorted(ent.all_names() - {label}):
            g.add((e, SKOS.altLabel, Literal(alias)))
        if ent.mentions or ent.type == "UnnamedSource":
            g.add((e, KG.mentionedIn, a))
        if ent.mentions:
            g.add((e, KG.mentionCount, Literal(len(ent.mentions), datatype=XSD.integer)))
        for title in sorted(ent.titles):
            g.add((e, KG.title, Literal(title)))
        for other in sorted(ent.affiliations):
            if other in ident.iris:
                g.add((e, KG.affiliation, URIRef(ident.iris[other])))

    for n, st in enumerate(ex.statements, start=1):
        s = URIRef(minter.statement(art.short_hash, n))
        classes, agent_props = STATEMENT_CLASSES[st.kind]
        for cls in classes:
            g.add((s, RDF.type, cls))
        speaker = URIRef(ident.iris[st.speaker])
        g.add((s, KG.speaker, speaker))
        for prop in agent_props:
            g.add((speaker, prop, s))
        g.add((s, KG.text, Literal(st.text)))
        g.add((s, KG.cue, Literal(st.cue)))
        g.add((s, KG.direct, Literal(st.direct)))
        g.add((s, KG.inArticle, a))
        g.add((s, PROV.wasDerivedFrom, a))
        for i, piece in enumerate(st.content):
            g.add((s, KG.contentSpan, _span(g, s, f"content-{i}", piece)))
        if st.source_span:
            g.add((s, KG.sourceSpan, _span(g, s, "source", st.source_span)))
        if st.cue_span:
            g.add((s, KG.cueSpan, _span(g, s, "cue", st.cue_span)))
        for key in st.about:
            if key in ident.iris:
                g.add((s, KG.about, URIRef(ident.iris[key])))
        if st.via and st.via in ident.iris:
            g.add((s, KG.via, URIRef(ident.iris[st.via])))
    return list(g.items)


def rename_update(
    graph_iri: str, old: str, new: str, label: str, type_: str, counts: list[int] | None = None
) -> str:
    """The SPARQL update that rewrites one stored article graph after a merge or a rename:
    ``old`` becomes ``new`` (as subject and object), ``label`` its one rdfs:label and every
    other name it had an altLabel, its rdf:types those of ``type_``, and, when ``counts``
    holds the mention counts the two had in this graph, one count: their sum. Run as one
    update it is one transaction, and the graph never leaves the store."""
    g, o, n = f"<{graph_iri}>", f"<{old}>", f"<{new}>"
    lit = Literal(label).n3()
    ops = []
    if old != new:
        for a, b in (("{o} ?p ?x", "{n} ?p ?x"), ("?s ?p {o}", "?s ?p {n}")):
            a, b = a.format(o=o, n=n), b.format(o=o, n=n)
            ops.append(
                f"DELETE {{ GRAPH {g} {{ {a} }} }} INSERT {{ GRAPH {g} {{ {b} }} }} "
                f"WHERE {{ GRAPH {g} {{ {a} }} }}"
            )
    ops += [
        f"INSERT {{ GRAPH {g} {{ {n} skos:altLabel ?l }} }} "
        f"WHERE {{ GRAPH {g} {{ {n} rdfs:label ?l }} }}",
        f"DELETE WHERE {{ GRAPH {g} {{ {n} rdfs:label ?l }} }}",
        f"DELETE DATA {{ GRAPH {g} {{ {n} skos:altLabel {lit} }} }}",
        f"INSERT DATA {{ GRAPH {g} {{ {n} rdfs:label {lit} }} }}",
    ]
    if counts and len(counts) > 1:
        total = Literal(sum(counts), datatype=XSD.integer).n3()
        ops += [
            f"DELETE WHERE {{ GRAPH {g} {{ {n} kg:mentionCount ?c }} }}",
            f"INSERT DATA {{ GRAPH {g} {{ {n} kg:mentionCount {total} }} }}",
        ]
    if type_ in ENTITY_CLASSES:
        every = " ".join(sorted({f"<{c}>" for cs in ENTITY_CLASSES.values() for c in cs}))
        mine = ", ".join(f"<{c}>" for c in ENTITY_CLASSES[type_])
        ops += [
            f"DELETE {{ GRAPH {g} {{ {n} a ?t }} }} "
            f"WHERE {{ GRAPH {g} {{ {n} a ?t }} VALUES ?t {{ {every} }} }}",
            f"INSERT DATA {{ GRAPH {g} {{ {n} a {mine} }} }}",
        ]
    return " ;\n".join(ops)


def alias_rules_graph(rules: list[tuple[str, str, str]], graph_iri: str) -> Graph:
    """The user's alias rules (alias, canonical, type) as the small registry graph a store
    keeps so that later builds apply them too (see kg.resolve)."""
    g = new_graph()
    for alias, canonical, type_ in rules:
        node = URIRef(f"{graph_iri}#{slug(type_)}-{slug(alias)}")
        g.add((node, RDF.type, KG.AliasRule))
        g.add((node, KG.alias, Literal(alias)))
        g.add((node, KG.canonical, Literal(canonical)))
        g.add((node, KG.aliasType, Literal(type_)))
    return g


def _span(g: _Triples, statement: URIRef, name: str, span: Span) -> URIRef:
    node = URIRef(f"{statement}#{name}")
    g.add((node, RDF.type, KG.Span))
    g.add((node, NIF.beginIndex, Literal(span.start, datatype=XSD.nonNegativeInteger)))
    g.add((node, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger)))
    return node


def _url(url: str) -> URIRef | None:
    """Only well-formed web addresses become dcterms:source (an IRI, as the model says)."""
    url = url.strip()
    if re.match(r"^https?://[^\s<>\"{}|\\^`]+$", url):
        return URIRef(url)
    return None


def _date(value: str) -> Literal | None:
    value = value.strip()
    if _DATE.match(value):
        return Literal(value, datatype=XSD.date)
    if _DATETIME.match(value):
        return Literal(value, datatype=XSD.dateTime)
    m = re.match(r"^(\d{4}-\d{2}-\d{2})[ T]", value)
    if m:
        return Literal(m.group(1), datatype=XSD.date)
    return None


__all__ = [
    "Identity",
    "alias_rules_graph",
    "article_graph",
    "default_identity",
    "new_graph",
    "rename_update",
]
