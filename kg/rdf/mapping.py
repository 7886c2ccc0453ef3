"""Extraction -> RDF: the one place where the data model of vocabulary.md is written.

Knows the extraction dataclasses, not spaCy. The graph returned holds exactly one article's
named graph content; the store puts it under the article's IRI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.plugins.serializers.nt import (  # rdflib's own N-Triples escaping
    _quote_encode as _lit,
)
from rdflib.plugins.serializers.nt import _quoteLiteral

from kg.model import Extraction
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


def _iri(value: str) -> str:
    return f"<{value}>"


def _int(value: int, datatype: str) -> str:
    return f'"{int(value)}"^^{datatype}'


class _Terms:
    """A namespace's terms as N-Triples IRIs (``_Terms(KG).text`` is ``"<...#text>"``),
    each written once, on first use."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        value = _iri(self._namespace[name])
        setattr(self, name, value)
        return value


_KG, _RDF, _RDFS, _SKOS, _XSD = _Terms(KG), _Terms(RDF), _Terms(RDFS), _Terms(SKOS), _Terms(XSD)
_DC, _PROV, _SCHEMA, _NIF = _Terms(DCTERMS), _Terms(PROV), _Terms(SCHEMA), _Terms(NIF)
_TRUE, _FALSE = f'"true"^^{_XSD.boolean}', f'"false"^^{_XSD.boolean}'
_ENTITY_CLASSES = {t: tuple(map(_iri, cs)) for t, cs in ENTITY_CLASSES.items()}
_STATEMENT_CLASSES = {
    k: (tuple(map(_iri, cs)), tuple(map(_iri, ps))) for k, (cs, ps) in STATEMENT_CLASSES.items()
}


def article_graph(ex: Extraction, minter: Minter, ident: Identity | None = None) -> Graph:
    """All triples for one article: the article, its entities and its statements (read
    from :func:`article_ntriples`, so the graph and what a build stores always agree)."""
    g = new_graph()
    g.parse(data=article_ntriples(ex, minter, ident), format="nt")
    return g


def article_ntriples(ex: Extraction, minter: Minter, ident: Identity | None = None) -> str:
    """The triples of one article graph as N-Triples text, in a stable order, each once
    (what the store loads). Written directly, without rdflib terms or a Graph's indexes: a
    build writes hundreds of thousands of triples and needs each only once, as text."""
    ident = ident or default_identity(ex, minter)
    art = ex.article
    lines: dict[str, None] = {}

    def add(s: str, p: str, o: str) -> None:
        lines[f"{s} {p} {o} .\n"] = None

    kg, dc, xsd, type_ = _KG, _DC, _XSD, _RDF.type
    a = _iri(minter.article(art.short_hash))
    add(a, type_, kg.Article)
    add(a, type_, _SCHEMA.NewsArticle)
    add(a, kg.text, _lit(art.text))
    add(a, kg.sourceFile, _lit(art.source_file))
    add(a, kg.contentHash, _lit(art.content_hash))
    if art.title:
        add(a, dc.title, _lit(art.title))
    url = _url(art.url) if art.url else None
    if url is not None:
        add(a, dc.source, _iri(url))
    if art.date:
        date = _date(art.date)
        if date is not None:  # rdflib writes dates: it normalises their lexical form
            add(a, dc.date, _quoteLiteral(date))
    if art.author:
        add(a, dc.creator, _lit(art.author))
    if art.publisher:
        pub_iri = minter.entity("NewsOrganization", art.publisher)
        pub = _iri(pub_iri)
        for cls in _ENTITY_CLASSES["NewsOrganization"]:
            add(pub, type_, cls)
        if not any(ident.iris.get(e.key) == pub_iri for e in ex.entities):
            add(pub, _RDFS.label, _lit(art.publisher))
        add(a, dc.publisher, pub)

    for ent in ex.entities:
        e = _iri(ident.iris[ent.key])
        for cls in _ENTITY_CLASSES[ent.type]:
            add(e, type_, cls)
        label = ident.labels.get(ent.key, ent.name)
        add(e, _RDFS.label, _lit(label))
        for alias in sorted(ent.all_names() - {label}):
            add(e, _SKOS.altLabel, _lit(alias))
        if ent.mentions or ent.type == "UnnamedSource":
            add(e, kg.mentionedIn, a)
        if ent.mentions:
            add(e, kg.mentionCount, _int(len(ent.mentions), xsd.integer))
        for title in sorted(ent.titles):
            add(e, kg.title, _lit(title))
        for other in sorted(ent.affiliations):
            if other in ident.iris:
                add(e, kg.affiliation, _iri(ident.iris[other]))

    for n, st in enumerate(ex.statements, start=1):
        s_iri = minter.statement(art.short_hash, n)
        s = _iri(s_iri)
        classes, agent_props = _STATEMENT_CLASSES[st.kind]
        for cls in classes:
            add(s, type_, cls)
        speaker = _iri(ident.iris[st.speaker])
        add(s, kg.speaker, speaker)
        for prop in agent_props:
            add(speaker, prop, s)
        add(s, kg.text, _lit(st.text))
        add(s, kg.cue, _lit(st.cue))
        add(s, kg.direct, _TRUE if st.direct else _FALSE)
        if st.rule:
            add(s, kg.rule, _lit(st.rule))
        add(s, kg.inArticle, a)
        add(s, _PROV.wasDerivedFrom, a)
        spans = [(kg.contentSpan, f"content-{i}", piece) for i, piece in enumerate(st.content)]
        if st.source_span:
            spans.append((kg.sourceSpan, "source", st.source_span))
        if st.cue_span:
            spans.append((kg.cueSpan, "cue", st.cue_span))
        for prop, name, span in spans:
            node = _iri(f"{s_iri}#{name}")
            add(node, type_, kg.Span)
            add(node, _NIF.beginIndex, _int(span.start, xsd.nonNegativeInteger))
            add(node, _NIF.endIndex, _int(span.end, xsd.nonNegativeInteger))
            add(s, prop, node)
        for key in st.about:
            if key in ident.iris:
                add(s, kg.about, _iri(ident.iris[key]))
        if st.via and st.via in ident.iris:
            add(s, kg.via, _iri(ident.iris[st.via]))
    return "".join(lines)


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
    "article_ntriples",
    "default_identity",
    "new_graph",
    "rename_update",
]
