"""The store seen as a network: entities and statements as nodes, who said what as edges.

Everything is read back from the store through SPARQL, so views show exactly what a query
would. The projection is a ``networkx.MultiDiGraph`` whose node and edge attributes are the
contract the HTML view, the GraphML/GEXF exports and the analytics rely on.
"""

from __future__ import annotations

import re
from collections import defaultdict

import networkx as nx

from kg.store.base import Rows, Store

_TYPES = ("NewsOrganization", "UnnamedSource", "Organization", "Person", "Place")
_KINDS = ("Denial", "Finding", "Statement")
_SEP = "\u001f"

ENTITIES = f"""
SELECT ?e ?type ?label
       (GROUP_CONCAT(DISTINCT ?alt; separator="{_SEP}") AS ?alts)
       (GROUP_CONCAT(DISTINCT ?title; separator="{_SEP}") AS ?titles)
       (COUNT(DISTINCT ?a) AS ?mentions)
WHERE {{
  ?e a kg:Entity ; a ?type ; rdfs:label ?label .
  VALUES ?type {{ kg:Person kg:Organization kg:NewsOrganization kg:Place kg:UnnamedSource }}
  OPTIONAL {{ ?e skos:altLabel ?alt }}
  OPTIONAL {{ ?e kg:title ?title }}
  OPTIONAL {{ ?e kg:mentionedIn ?a }}
}} GROUP BY ?e ?type ?label"""

STATEMENTS = """
SELECT ?s ?type ?speaker ?text ?cue ?direct ?a ?title ?date ?url ?file
       (MIN(?b) AS ?begin) (MAX(?x) AS ?end)
WHERE {
  ?s a kg:Statement ; a ?type ; kg:speaker ?speaker ; kg:text ?text ; kg:cue ?cue ;
     kg:direct ?direct ; kg:inArticle ?a .
  VALUES ?type { kg:Statement kg:Finding kg:Denial }
  OPTIONAL { ?a dcterms:title ?title }
  OPTIONAL { ?a dcterms:date ?date }
  OPTIONAL { ?a dcterms:source ?url }
  OPTIONAL { ?a kg:sourceFile ?file }
  OPTIONAL { ?s kg:contentSpan ?sp . ?sp nif:beginIndex ?b ; nif:endIndex ?x }
} GROUP BY ?s ?type ?speaker ?text ?cue ?direct ?a ?title ?date ?url ?file"""

LINKS = """
SELECT ?from ?rel ?to WHERE {
  { ?from kg:about ?to . BIND("about" AS ?rel) }
  UNION { ?from kg:via ?to . BIND("via" AS ?rel) }
  UNION { ?from kg:affiliation ?to . BIND("affiliation" AS ?rel) }
}"""

ARTICLE_TEXTS = "SELECT ?a ?text WHERE { ?a a kg:Article ; kg:text ?text }"


def _rows(store: Store, sparql: str) -> list[dict[str, str | None]]:
    result = store.query(sparql)
    assert isinstance(result, Rows)
    return result.values()


def _most_specific(types: set[str], order: tuple[str, ...]) -> str:
    for t in order:
        if t in types:
            return t
    return order[-1]


def store_graph(store: Store, *, with_context: bool = True) -> nx.MultiDiGraph:
    """Project the whole store into a MultiDiGraph (see the module docstring)."""
    g = nx.MultiDiGraph()
    ents: dict[str, dict] = {}
    for row in _rows(store, ENTITIES):
        e = row["e"]
        info = ents.setdefault(
            e, {"types": set(), "labels": set(), "aliases": set(), "titles": set(), "mentions": 0}
        )
        info["types"].add(row["type"].rsplit("#", 1)[-1])
        info["labels"].add(row["label"])
        info["aliases"].update(a for a in (row["alts"] or "").split(_SEP) if a)
        info["titles"].update(t for t in (row["titles"] or "").split(_SEP) if t)
        info["mentions"] = max(info["mentions"], int(row["mentions"] or 0))
    for e, info in ents.items():
        label = sorted(info["labels"], key=lambda s: (-len(s), s))[0]
        g.add_node(
            e,
            kind="entity",
            type=_most_specific(info["types"], _TYPES),
            label=label,
            aliases=sorted((info["aliases"] | info["labels"]) - {label}),
            titles=sorted(info["titles"]),
            mentions=info["mentions"],
        )
    texts = {r["a"]: r["text"] or "" for r in _rows(store, ARTICLE_TEXTS)} if with_context else {}
    kinds: dict[str, set[str]] = defaultdict(set)
    stmts: dict[str, dict] = {}
    for row in _rows(store, STATEMENTS):
        kinds[row["s"]].add(row["type"].rsplit("#", 1)[-1])
        stmts[row["s"]] = row
    for s, row in stmts.items():
        kind = _most_specific(kinds[s], _KINDS)
        speaker = row["speaker"]
        begin, end = int(row["begin"] or 0), int(row["end"] or 0)
        g.add_node(
            s,
            kind="statement",
            type=kind,
            text=row["text"] or "",
            cue=row["cue"] or "",
            direct=row["direct"] == "true",
            speaker=g.nodes[speaker]["label"] if speaker in g else "",
            article=row["a"],
            article_title=row["title"] or row["file"] or "",
            article_date=row["date"] or "",
            article_url=row["url"] or "",
            source_file=row["file"] or "",
            begin=begin,
            end=end,
            context=sentence_around(texts.get(row["a"], ""), begin, end),
            label=short_label(row["text"] or ""),
        )
        rel = {"Finding": "reported", "Denial": "denied"}.get(kind, "said")
        if speaker in g:
            g.add_edge(speaker, s, key=rel, label=rel)
    for row in _rows(store, LINKS):
        if row["from"] in g and row["to"] in g:
            g.add_edge(row["from"], row["to"], key=row["rel"], label=row["rel"])
    return g


def short_label(text: str, words: int = 6) -> str:
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
    return g.subgraph(keep).copy()


def pagerank(g: nx.MultiDiGraph) -> dict[str, float]:
    """PageRank over the undirected who-said-what network, for entities only."""
    if g.number_of_nodes() == 0:
        return {}
    simple = nx.Graph(g.to_undirected())
    ranks = nx.pagerank(simple)
    return {n: r for n, r in ranks.items() if g.nodes[n].get("kind") == "entity"}
