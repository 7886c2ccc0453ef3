"""SHACL validation of a store against ontology/shapes.ttl (with pyshacl)."""

from __future__ import annotations

from rdflib import Graph

from kg.sparql import ontology_dir
from kg.store.base import Store


def shapes_graph() -> Graph:
    g = Graph()
    g.parse(ontology_dir() / "shapes.ttl", format="turtle")
    return g


def validate_graph(data: Graph) -> tuple[bool, str]:
    import pyshacl

    conforms, _report, text = pyshacl.validate(
        data, shacl_graph=shapes_graph(), inference="none", allow_warnings=True
    )
    return bool(conforms), str(text)


def validate_store(store: Store) -> tuple[bool, str, int]:
    """Validate the union of all article graphs; returns (conforms, report, triples)."""
    data = Graph()
    data.parse(data=store.dump("ntriples").decode("utf-8"), format="nt")
    conforms, text = validate_graph(data)
    return conforms, text, len(data)
