"""The store seen as a network: entities and statements as nodes, who said what as edges.

Everything is read back from the store through SPARQL, so views show exactly what a query
would. The projection is a ``networkx.MultiDiGraph`` whose node and edge attributes are the
contract the HTML view, the GraphML/GEXF exports and the analytics rely on.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from kg.store.base import Store

_TYPES = ("NewsOrganization", "UnnamedSource", "Organization", "Person", "Place")
_KINDS = ("Denial", "Finding", "Statement")
#: The speech act of each statement type: the label of the edge from its speaker.
ACTS: dict[str, str] = {"said": "Statement", "reported": "Finding", "denied": "Denial"}
ACT_OF_KIND: dict[str, str] = {kind: act for act, kind in ACTS.items()}

# Why many small queries instead of one: an entity's triples are repeated in the named graph
# of every article that mentions it, and the default graph is their union, so a query that
# joins several of its properties multiplies the copies (k articles -> k^4 rows for type x
# label x alias x mention; it never finished on 10,000 synthetic nodes). Each query below
# matches a single triple pattern, or joins only triples that live in one article graph
# (statements, spans, articles), and Python puts the pieces together.
ENTITY_TYPES = """
SELECT DISTINCT ?e ?type WHERE {
  VALUES ?type { kg:Person kg:Organization kg:NewsOrganization kg:Place kg:UnnamedSource }
  ?e a ?type .
}"""

ENTITY_NAMES = """
SELECT DISTINCT ?e ?p ?v WHERE {
  VALUES ?p { rdfs:label skos:altLabel kg:title }
  ?e ?p ?v .
}"""

MENTIONS = "SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e kg:mentionedIn ?a } GROUP BY ?e"

STATEMENTS = """
SELECT ?s ?type ?speaker ?text ?cue ?direct ?a WHERE {
  VALUES ?type { kg:Statement kg:Finding kg:Denial }
  ?s a ?type ; kg:speaker ?speaker ; kg:text ?text ; kg:cue ?cue ;
     kg:direct ?direct ; kg:inArticle ?a .
}"""

SPANS = """
SELECT ?s ?b ?x WHERE { ?s kg:contentSpan ?sp . ?sp nif:beginIndex ?b ; nif:endIndex ?x }"""

ARTICLES = """
SELECT ?a ?title ?date ?url ?file WHERE {
  ?a a kg:Article .
  OPTIONAL { ?a dcterms:title ?title }
  OPTIONAL { ?a dcterms:date ?date }
  OPTIONAL { ?a dcterms:source ?url }
  OPTIONAL { ?a kg:sourceFile ?file }
}"""

LINKS = """
SELECT DISTINCT ?from ?rel ?to WHERE {
  { ?from kg:about ?to . BIND("about" AS ?rel) }
  UNION { ?from kg:via ?to . BIND("via" AS ?rel) }
  UNION { ?from kg:affiliation ?to . BIND("affiliation" AS ?rel) }
}"""

ARTICLE_TEXTS = "SELECT ?a ?text WHERE { ?a a kg:Article ; kg:text ?text }"

CLAIM_OF = "SELECT ?s ?c WHERE { ?s kg:claim ?c }"
CLAIM_ARTICLES = """
SELECT ?c (COUNT(DISTINCT ?a) AS ?n) WHERE { ?c schema:appearance ?a } GROUP BY ?c"""
DENIES = "SELECT ?d ?c WHERE { ?d kg:denies ?c }"
#: The edges that join statements through their claims (see :func:`_add_claim_links`).
CLAIM_LINKS = ("denies", "same claim")
#: At most this many "denies" edges from one denial (a claim carried by 300 outlets).
MAX_DENIES_EDGES = 12


def _most_specific(types: set[str], order: tuple[str, ...]) -> str:
    for t in order:
        if t in types:
            return t
    return order[-1]


def store_graph(store: Store, *, with_context: bool = True) -> nx.MultiDiGraph:
    """Project the whole store into a MultiDiGraph (see the module docstring).

    ``with_context=False`` skips reading article texts, so statements get no ``context``
    (the sentence around them); everything else is the same.
    """
    g = nx.MultiDiGraph()
    _add_entities(g, store)
    articles = {r["a"]: r for r in store.select(ARTICLES)}
    texts = {r["a"]: r["text"] or "" for r in store.select(ARTICLE_TEXTS)} if with_context else {}
    spans: dict[str, tuple[int, int]] = {}
    for row in store.select(SPANS):
        b, x = int(row["b"] or 0), int(row["x"] or 0)
        old = spans.get(row["s"])
        spans[row["s"]] = (min(b, old[0]), max(x, old[1])) if old else (b, x)
    kinds: dict[str, set[str]] = defaultdict(set)
    stmts: dict[str, dict] = {}
    for row in store.select(STATEMENTS):
        kinds[row["s"]].add(row["type"].rsplit("#", 1)[-1])
        stmts[row["s"]] = row
    for s, row in stmts.items():
        kind = _most_specific(kinds[s], _KINDS)
        speaker = row["speaker"]
        art = articles.get(row["a"], {})
        begin, end = spans.get(s, (0, 0))
        g.add_node(
            s,
            kind="statement",
            type=kind,
            text=row["text"] or "",
            cue=row["cue"] or "",
            direct=row["direct"] == "true",
            speaker=g.nodes[speaker]["label"] if speaker in g else "",
            article=row["a"],
            article_title=art.get("title") or art.get("file") or "",
            article_date=art.get("date") or "",
            article_url=art.get("url") or "",
            source_file=art.get("file") or "",
            begin=begin,
            end=end,
            context=sentence_around(texts.get(row["a"], ""), begin, end),
            label=short_label(row["text"] or ""),
        )
        rel = ACT_OF_KIND[kind]
        if speaker in g:
            g.add_edge(speaker, s, key=rel, label=rel)
    for row in store.select(LINKS):
        if row["from"] in g and row["to"] in g:
            g.add_edge(row["from"], row["to"], key=row["rel"], label=row["rel"])
    _add_claim_links(g, store)
    return g


def _add_claim_links(g: nx.MultiDiGraph, store: Store) -> None:
    """Statements joined through their claims: a "same claim" edge from a claim's earliest
    statement to each other one (a star, not every pair), and a "denies" edge from a
    denial to the statements of the claim it denies. Each statement node gets its claim's
    IRI (``claim``), how many articles carry it (``claim_articles``), and a denial the
    claims it denies (``denies``)."""
    members: dict[str, list[str]] = defaultdict(list)
    for row in store.select(CLAIM_OF):
        if row["s"] in g:
            g.nodes[row["s"]]["claim"] = row["c"]
            members[row["c"]].append(row["s"])
    articles = {r["c"]: int(r["n"] or 0) for r in store.select(CLAIM_ARTICLES)}

    def earliest(s: str) -> tuple:
        d = g.nodes[s]
        return (not d.get("article_date"), d.get("article_date", ""), s)

    for c, group in members.items():
        group.sort(key=earliest)
        for s in group:
            g.nodes[s]["claim_articles"] = articles.get(c, 1)
        for s in group[1:]:
            g.add_edge(group[0], s, key="same claim", label="same claim")
    for row in store.select(DENIES):
        d, c = row["d"], row["c"]
        if d not in g:
            continue
        g.nodes[d].setdefault("denies", []).append(c)
        targets = [s for s in members.get(c, []) if g.nodes[s].get("type") != "Denial"]
        for s in targets[:MAX_DENIES_EDGES]:
            g.add_edge(d, s, key="denies", label="denies")


def _add_entities(g: nx.MultiDiGraph, store: Store) -> None:
    """Entity nodes: most specific type, canonical label (the longest when articles
    disagree), every other name as an alias, titles, and the number of articles."""
    types: dict[str, set[str]] = defaultdict(set)
    for row in store.select(ENTITY_TYPES):
        types[row["e"]].add(row["type"].rsplit("#", 1)[-1])
    names: dict[str, dict[str, set[str]]] = {
        e: {"label": set(), "altLabel": set(), "title": set()} for e in types
    }
    for row in store.select(ENTITY_NAMES):
        if row["e"] in names and row["v"]:
            names[row["e"]][re.split(r"[#/]", row["p"])[-1]].add(row["v"])
    mentions = {r["e"]: int(r["n"] or 0) for r in store.select(MENTIONS)}
    for e, found in types.items():
        labels = names[e]["label"]
        if not labels:
            continue  # not a complete entity (kg:Entity needs an rdfs:label)
        label = sorted(labels, key=lambda s: (-len(s), s))[0]
        g.add_node(
            e,
            kind="entity",
            type=_most_specific(found, _TYPES),
            label=label,
            aliases=sorted((names[e]["altLabel"] | labels) - {label}),
            titles=sorted(names[e]["title"]),
            mentions=mentions.get(e, 0),
        )


def short_label(text: str, words: int = 6) -> str:
    """The first ``words`` words of ``text``, with "…" when anything was cut."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def sentence_around(text: str, begin: int, end: int, limit: int = 600) -> str:
    """The sentence(s) holding ``text[begin:end]``: from the last sentence end before it to
    the first after it, within its paragraph."""
    if not text or end <= begin:
        return ""
    para_start = text.rfind("\n", 0, begin) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end == -1 else para_end
    start = para_start
    for m in re.finditer(r"[.!?][”\"’]?\s", text[para_start:begin]):
        start = para_start + m.end()
    m = re.search(r"[.!?][”\"’]?(\s|$)", text[end:para_end])
    stop = end + m.end() if m else para_end
    out = text[start:stop].strip()
    return out if len(out) <= limit else out[: limit - 1] + "…"


def find_entity(g: nx.MultiDiGraph, name: str) -> list[str]:
    """Entity nodes whose label or alias equals ``name`` (case-insensitive), or failing
    that contains it; IRIs are accepted as they are."""
    if name in g and g.nodes[name].get("kind") == "entity":
        return [name]
    low = name.casefold()
    exact, partial = [], []
    for n, d in g.nodes(data=True):
        if d.get("kind") != "entity":
            continue
        names = [d["label"], *d.get("aliases", [])]
        if any(x.casefold() == low for x in names):
            exact.append(n)
        elif any(low in x.casefold() for x in names):
            partial.append(n)
    return exact or partial


def focus(g: nx.MultiDiGraph, nodes: list[str], depth: int) -> nx.MultiDiGraph:
    """The ego network of ``nodes`` out to ``depth`` hops (statements count as hops)."""
    und = g.to_undirected(as_view=True)
    keep: set[str] = set()
    for n in nodes:
        keep |= set(nx.single_source_shortest_path_length(und, n, cutoff=depth))
    return induced(g, keep)


def induced(g: nx.MultiDiGraph, keep: Iterable[str]) -> nx.MultiDiGraph:
    """A new graph of the ``keep`` nodes and every edge among them, attributes shared
    shallowly (copied dicts, same values).

    Same result as ``g.subgraph(keep).copy()``, ~4x faster: iterating a subgraph *view*
    filters every adjacency lookup, which cost ~1 s per copy at 10,000 nodes.
    """
    keep = set(keep)
    out = nx.MultiDiGraph()
    out.graph.update(g.graph)
    out.add_nodes_from((n, dict(d)) for n, d in g.nodes(data=True) if n in keep)
    out.add_edges_from(
        (u, v, k, dict(d))
        for u, v, k, d in g.edges(keys=True, data=True)
        if u in keep and v in keep
    )
    return out


def pagerank(g: nx.MultiDiGraph) -> dict[str, float]:
    """PageRank over the undirected who-said-what network, for entities only."""
    if g.number_of_nodes() == 0:
        return {}
    # built from the edge list: g.to_undirected() deep-copies every attribute (1.3 s at
    # 10,000 nodes) only for the copies to be dropped
    simple = nx.Graph()
    simple.add_nodes_from(g)
    simple.add_edges_from(g.edges())
    ranks = nx.pagerank(simple)
    return {n: r for n, r in ranks.items() if g.nodes[n].get("kind") == "entity"}
