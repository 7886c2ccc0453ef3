"""Extraction -> RDF: the one place where the data model of vocabulary.md is written.

Knows the extraction dataclasses, not spaCy. The graph returned holds exactly one article's
named graph content; the store puts it under the article's IRI.
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.plugins.serializers.nt import (  # rdflib's own N-Triples escaping
    _quote_encode as _lit,
)
from rdflib.plugins.serializers.nt import _quoteLiteral

from kg.model import CorpusEntity, Extraction, Identity
from kg.rdf.iris import Minter, name_key, slug
from kg.rdf.vocab import ENTITY_CLASSES, KG, NIF, PREFIXES, SCHEMA, STATEMENT_CLASSES

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")


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


def article_graph(ex: Extraction, minter: Minter, ident: Identity) -> Graph:
    """All triples of one article graph (read from :func:`article_ntriples`, so the graph
    and what a build stores always agree)."""
    g = new_graph()
    g.parse(data=article_ntriples(ex, minter, ident), format="nt")
    return g


def article_ntriples(ex: Extraction, minter: Minter, ident: Identity) -> str:
    """The triples of one article graph as N-Triples text, in a stable order, each once
    (what the store loads). Written directly, without rdflib terms or a Graph's indexes: a
    build writes hundreds of thousands of triples and needs each only once, as text.

    The graph holds what the article says: the article, its statements and their spans,
    its unnamed sources, and the ``kg:mentionedIn`` and ``kg:said`` links of the entities
    it names. What an entity *is* (types, names, titles, counts) is the corpus's to say,
    once, in the entities graph (:func:`entity_ntriples`)."""
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
    if art.publisher and ident.publisher:
        add(a, dc.publisher, _iri(ident.publisher))

    for ent in ex.entities:
        e = _iri(ident.iris[ent.key])
        if ent.type == "UnnamedSource":
            # scoped to this article: described here, not in the entities graph
            for cls in _ENTITY_CLASSES[ent.type]:
                add(e, type_, cls)
            add(e, _RDFS.label, _lit(ent.name))
            for alias in sorted(ent.aliases - {ent.name}):
                add(e, _SKOS.altLabel, _lit(alias))
            add(e, kg.nameKey, _lit(name_key(ent.name)))
        if ent.mentions or ent.type == "UnnamedSource":
            add(e, kg.mentionedIn, a)

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


def entity_ntriples(ent: CorpusEntity) -> str:
    """What the entities graph says of one entity, as N-Triples text in a stable order:
    its types (superclasses written out), one ``rdfs:label``, every other name as
    ``skos:altLabel``, a ``kg:nameKey`` per name (the form queries look names up by),
    titles, affiliations and the corpus's mention count."""
    e = _iri(ent.iri)
    out = [f"{e} {_RDF.type} {cls} .\n" for cls in _ENTITY_CLASSES[ent.type]]
    out.append(f"{e} {_RDFS.label} {_lit(ent.label)} .\n")
    out += [f"{e} {_SKOS.altLabel} {_lit(n)} .\n" for n in sorted(ent.names - {ent.label})]
    keys = sorted({name_key(n) for n in ent.names | {ent.label}})
    out += [f"{e} {_KG.nameKey} {_lit(k)} .\n" for k in keys]
    out += [f"{e} {_KG.title} {_lit(t)} .\n" for t in sorted(ent.titles)]
    out += [f"{e} {_KG.affiliation} {_iri(a)} .\n" for a in sorted(ent.affiliations)]
    if ent.mentions:
        out.append(f"{e} {_KG.mentionCount} {_int(ent.mentions, _XSD.integer)} .\n")
    return "".join(out)


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
    "alias_rules_graph",
    "article_graph",
    "article_ntriples",
    "entity_ntriples",
    "new_graph",
]
