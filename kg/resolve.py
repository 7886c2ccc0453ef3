"""Cross-article identity: give a new article's entities the IRIs the store already uses.

An entity keeps the IRI (and canonical label) it was first stored under when one of its
names matches a stored entity of the same kind. People match on full names only (two or
more words): a bare surname is shared by too many people (Bill and Hillary Clinton) to merge on.
"""

from __future__ import annotations

from rdflib import Literal

from kg.model import Extraction
from kg.rdf.iris import Minter
from kg.rdf.mapping import Identity, default_identity
from kg.store.base import Rows, Store

_FAMILY = {
    "Person": "Person",
    "Organization": "Organization",
    "NewsOrganization": "Organization",
    "Place": "Place",
}

_MATCH_QUERY = """
SELECT DISTINCT ?e ?label ?n ?type WHERE {
  VALUES ?n { %s }
  ?e rdfs:label|skos:altLabel ?n ; rdfs:label ?label ; a ?type .
  VALUES ?type { kg:Person kg:Organization kg:Place }
}"""


def resolve(ex: Extraction, store: Store | None, minter: Minter) -> Identity:
    """IRIs for the extraction's entities, reusing the store's where names match."""
    ident = default_identity(ex, minter)
    if store is None:
        return ident
    names: set[str] = set()
    for ent in ex.entities:
        if ent.type in _FAMILY:
            names |= _matchable(ent.type, ent.all_names())
    if not names:
        return ident
    values = " ".join(Literal(n).n3() for n in sorted(names))
    result = store.query(_MATCH_QUERY % values)
    assert isinstance(result, Rows)
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for row in result.values():
        family = row["type"].rsplit("#", 1)[-1]
        found.setdefault((family, row["n"]), []).append((row["e"], row["label"]))
    for ent in ex.entities:
        family = _FAMILY.get(ent.type)
        if family is None:
            continue
        ordered = [ent.name, *sorted(ent.aliases)]
        for name in ordered:
            if name not in _matchable(ent.type, {name}):
                continue
            hits = found.get((family, name))
            if hits:
                iri, label = sorted(hits)[0]
                ident.iris[ent.key] = iri
                ident.labels[ent.key] = label
                break
    return ident


def _matchable(type_: str, names: set[str]) -> set[str]:
    if type_ == "Person":
        return {n for n in names if len(n.split()) >= 2}
    return {n for n in names if len(n) >= 2}
