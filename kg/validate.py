"""Validating a store against ontology/shapes.ttl, in the store itself.

The shapes are compiled into SPARQL queries (:mod:`kg.shacl`), one per constraint, each
finding every violation of its constraint over the store's union of graphs; Oxigraph runs
them, so validation needs no copy of the store in Python and takes seconds where pyshacl
took minutes (see benchmarks/RESULTS.md). Both layouts of the store (entities copied into
each article graph, or described once in a graph of their own) give the same union, so the
checks hold for both. :func:`validate_graph` still runs pyshacl, for an rdflib graph (and
as the reference the tests hold the compiled checks to).
"""

from __future__ import annotations

import re

from rdflib import Graph

from kg.shacl import Check, Violation, compile_shapes
from kg.sparql import ontology_dir
from kg.store.base import Store


def shapes_graph() -> Graph:
    g = Graph()
    g.parse(ontology_dir() / "shapes.ttl", format="turtle")
    return g


def validate_graph(data: Graph, shapes: Graph | None = None) -> tuple[bool, str]:
    """Validate an rdflib graph with pyshacl; returns (conforms, text report)."""
    import pyshacl

    conforms, _report, text = pyshacl.validate(
        data,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        allow_warnings=True,
    )
    return bool(conforms), str(text)


def store_violations(store: Store, checks: list[Check]) -> list[Violation]:
    """Every violation of every check, in the order of the checks."""
    out = []
    for check in checks:
        for row in store.select(check.query):
            out.append(
                Violation(
                    shape=check.shape,
                    component=check.component,
                    focus=row["this"] or "",
                    value=row.get("value"),
                    path=check.path,
                    message=_message(check.message, row),
                )
            )
    return out


def validate_store(store: Store) -> tuple[bool, str, int]:
    """Validate the union of the store's graphs; returns (conforms, report, triples).

    A remote server is validated on an in-memory copy of its graphs: servers differ in
    how they evaluate the checks' negations and hashes over a dataset of many graphs, and
    validation must mean the same whatever holds the data."""
    from kg.store.oxigraph import OxigraphStore

    if not isinstance(store, OxigraphStore):
        store = OxigraphStore.in_memory(store.dump("nquads"))
    violations = store_violations(store, compile_shapes(shapes_graph()))
    (row,) = store.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT * { ?s ?p ?o } }")
    count = int(row["n"] or 0)
    lines = [
        "Validation Report",
        f"Conforms: {not violations}",
        *([f"Results ({len(violations)}):"] if violations else []),
        *(v.report() for v in violations),
    ]
    return not violations, "\n".join(lines) + "\n", count


def _message(template: str, row: dict[str, str | None]) -> str:
    """sh:message with its {?var} / {$var} placeholders filled from the result row."""
    return re.sub(r"\{[?$](\w+)\}", lambda m: row.get(m.group(1)) or "", template)
