"""Looking entities up in a store: the listing of ``kg entities`` and the record of
``kg show``, as plain data for the CLI, the Python API and notebooks alike.

Why SPARQL per question rather than a projection of the whole store: each entity is
described once (in the entities graph) and found by its ``kg:nameKey``, so asking about
one entity reads that entity's triples and statements, not the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rdflib import Literal, URIRef

from kg.model import ENTITY_TYPES
from kg.rdf.iris import name_key
from kg.store.base import Rows, Store

#: When an entity has several types, the one shown (the most specific first).
_SPECIFIC = ("NewsOrganization", "UnnamedSource", "Organization", "Person", "Place")

_TYPE_VALUES = " ".join(f"kg:{t}" for t in ENTITY_TYPES)

_ENTITIES = f"""
SELECT ?e ?type ?label ?n WHERE {{
  VALUES ?type {{ {_TYPE_VALUES} }}
  ?e a ?type ; rdfs:label ?label .
  OPTIONAL {{ ?e kg:mentionCount ?n }}
}}"""
_ALIASES = "SELECT ?e ?alt WHERE { ?e a kg:Entity ; skos:altLabel ?alt }"
_ARTICLES = "SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e kg:mentionedIn ?a } GROUP BY ?e"
_SAID = "SELECT ?e (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s kg:speaker ?e } GROUP BY ?e"


def _short(iri: str | None) -> str:
    return (iri or "").rsplit("#", 1)[-1]


def _specific(types: set[str]) -> str:
    return next((t for t in _SPECIFIC if t in types), "Entity")


def entity_rows(store: Store, type_: str | None = None) -> list[dict[str, Any]]:
    """One row per entity: IRI, type (the most specific), label, aliases, articles that
    mention it, mentions (the corpus's count) and statements it speaks, most mentioned
    first. Unnamed sources are listed only when asked for by type: each is one article's."""
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    mentions: dict[str, int] = {}
    for r in store.select(_ENTITIES):
        e = r["e"]
        types[e].add(_short(r["type"]))
        labels[e] = r["label"]
        if r["n"]:
            mentions[e] = int(r["n"])
    aliases: dict[str, set[str]] = defaultdict(set)
    for r in store.select(_ALIASES):
        aliases[r["e"]].add(r["alt"])
    articles = {r["e"]: int(r["n"]) for r in store.select(_ARTICLES)}
    said = {r["e"]: int(r["n"]) for r in store.select(_SAID)}
    rows = []
    for e, ts in types.items():
        t = _specific(ts)
        if (type_ is None and t == "UnnamedSource") or (type_ is not None and t != type_):
            continue
        rows.append(
            {
                "entity": e,
                "type": t,
                "label": labels[e],
                "aliases": sorted(aliases[e] - {labels[e]}),
                "articles": articles.get(e, 0),
                "mentions": mentions.get(e, 0),
                "statements": said.get(e, 0),
            }
        )
    rows.sort(key=lambda r: (-r["mentions"], -r["statements"], r["label"], r["entity"]))
    return rows


_BY_KEY = "SELECT DISTINCT ?key ?e WHERE { ?e kg:nameKey ?key }"
_BY_PART = """
SELECT DISTINCT ?part ?e WHERE { ?e kg:nameKey ?k FILTER(CONTAINS(?k, ?part)) }"""
_IS_ENTITY = "ASK { ?e a kg:Entity }"


def find_entities(store: Store, name: str) -> list[str]:
    """Entities called ``name`` (case- and accent-insensitive, by ``kg:nameKey``), or,
    failing that, whose names contain it; an entity IRI is taken as it is."""
    if name.startswith(("http://", "https://")):
        hit = store.query(_IS_ENTITY, {"e": URIRef(name)})
        return [name] if hit is True else []
    key = name_key(name)
    for sparql, var in ((_BY_KEY, "key"), (_BY_PART, "part")):
        result = store.query(sparql, {var: Literal(key)})
        if isinstance(result, Rows) and result.bindings:
            return sorted(v["e"] for v in result.values() if v["e"])
    return []


_DESCRIBE = """
SELECT ?e ?p ?v WHERE { ?e ?p ?v
  VALUES ?p { rdf:type rdfs:label skos:altLabel kg:title kg:mentionCount } }"""
_AFFILIATIONS = "SELECT ?e ?name WHERE { ?e kg:affiliation/rdfs:label ?name }"
_MENTIONED = "SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e kg:mentionedIn ?a } GROUP BY ?e"
_STATEMENTS = """
SELECT ?e ?s ?type ?text ?cue ?direct ?rule ?a ?title ?file ?begin ?end WHERE {
  ?s kg:speaker ?e ; a ?type ; kg:text ?text ; kg:cue ?cue ; kg:direct ?direct ;
     kg:inArticle ?a .
  VALUES ?type { kg:Statement kg:Finding kg:Denial }
  OPTIONAL { ?s kg:rule ?rule }
  OPTIONAL { ?a dcterms:title ?title }
  OPTIONAL { ?a kg:sourceFile ?file }
  { SELECT ?s (MIN(?b) AS ?begin) (MAX(?x) AS ?end) WHERE {
      ?s kg:speaker ?e ; kg:contentSpan ?sp . ?sp nif:beginIndex ?b ; nif:endIndex ?x }
    GROUP BY ?s }
}"""

_KIND_ORDER = ("Denial", "Finding", "Statement")
ACT_OF_KIND = {"Statement": "said", "Finding": "reported", "Denial": "denied"}


def entity_record(store: Store, iri: str) -> dict[str, Any]:
    """Everything about one entity: names, titles, affiliations, articles, and every
    statement it made with its article and where its words stand."""
    bound = {"e": URIRef(iri)}
    types: set[str] = set()
    label, aliases, titles, mentions = "", set(), set(), 0
    for r in _values(store.query(_DESCRIBE, bound)):
        p, v = _short(r["p"]).rsplit("/", 1)[-1], r["v"] or ""
        if p == "type":
            types.add(_short(v))
        elif p == "label":
            label = v
        elif p == "altLabel":
            aliases.add(v)
        elif p == "title":
            titles.add(v)
        elif p == "mentionCount":
            mentions = int(v)
    affiliations = sorted({r["name"] for r in _values(store.query(_AFFILIATIONS, bound))})
    articles = _values(store.query(_MENTIONED, bound))
    by_statement: dict[str, dict[str, Any]] = {}
    for r in _values(store.query(_STATEMENTS, bound)):
        kind = _short(r["type"])
        old = by_statement.get(r["s"])
        if old is not None and _KIND_ORDER.index(old["kind"]) <= _KIND_ORDER.index(kind):
            continue
        by_statement[r["s"]] = {
            "statement": r["s"],
            "act": ACT_OF_KIND[kind],
            "kind": kind,
            "cue": r["cue"],
            "direct": r["direct"] == "true",
            "text": r["text"],
            "rule": r["rule"] or "",
            "article": r["title"] or r["file"] or "",
            "article_iri": r["a"],
            "source_file": r["file"] or "",
            "begin": int(r["begin"] or 0),
            "end": int(r["end"] or 0),
        }
    statements = sorted(by_statement.values(), key=lambda s: (s["source_file"], s["begin"]))
    _add_appearances(store, statements)
    return {
        "entity": iri,
        "type": _specific(types),
        "label": label,
        "aliases": sorted(aliases - {label}),
        "titles": sorted(titles),
        "affiliations": affiliations,
        "articles": int(articles[0]["n"] or 0) if articles else 0,
        "mentions": mentions,
        "statements": statements,
    }


_APPEARANCES = """
SELECT ?s ?o ?speaker ?text ?file ?date ?outlet ?begin ?end WHERE {
  VALUES ?s { %s }
  ?s kg:claim ?c . ?o kg:claim ?c ; kg:text ?text ; kg:inArticle ?a ; kg:speaker ?sp .
  FILTER(?o != ?s)
  OPTIONAL { ?sp rdfs:label ?speaker }
  OPTIONAL { ?a kg:sourceFile ?file }
  OPTIONAL { ?a dcterms:date ?date }
  OPTIONAL { ?a dcterms:publisher/rdfs:label ?outlet }
  { SELECT ?o (MIN(?b) AS ?begin) (MAX(?x) AS ?end) WHERE {
      ?o kg:contentSpan ?sp2 . ?sp2 nif:beginIndex ?b ; nif:endIndex ?x } GROUP BY ?o }
}"""


def _add_appearances(store: Store, statements: list[dict[str, Any]]) -> None:
    """Each statement's other appearances: the statements of its claim (kg:claim) in this
    and other articles, earliest first."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    iris = [s["statement"] for s in statements]
    for i in range(0, len(iris), 200):
        values = " ".join(f"<{x}>" for x in iris[i : i + 200])
        for r in store.select(_APPEARANCES % values):
            found[r["s"] or ""].append(
                {
                    "statement": r["o"],
                    "speaker": r["speaker"] or "",
                    "text": r["text"] or "",
                    "source_file": r["file"] or "",
                    "date": r["date"] or "",
                    "outlet": r["outlet"] or "",
                    "begin": int(r["begin"] or 0),
                    "end": int(r["end"] or 0),
                }
            )
    for s in statements:
        s["appearances"] = sorted(
            found.get(s["statement"], []),
            key=lambda o: (not o["date"], o["date"], o["source_file"], o["begin"]),
        )


def _values(result: Any) -> list[dict[str, str | None]]:
    return result.values() if isinstance(result, Rows) else []


__all__ = ["ACT_OF_KIND", "entity_record", "entity_rows", "find_entities"]
