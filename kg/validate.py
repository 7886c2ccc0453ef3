"""Validating a store against ontology/shapes.ttl: core SHACL with pyshacl, SHACL-SPARQL in
the store.

Why two engines: pyshacl checks the core constraints (counts, datatypes, classes) of a
100,000-triple store in seconds, but runs a SPARQL-based constraint once per focus node
through rdflib, which took two minutes for 2,000 articles. Such a constraint is a SELECT
query whose ``$this`` is the focus node; left unbound and joined with the shape's target
class, it is one query that finds every violation at once, and Oxigraph runs it in well
under a second. So pyshacl gets the shapes without their SPARQL constraints, and each
SPARQL constraint runs as one query over the store's union of graphs. Both layouts of
the store (entities copied into each article graph, or kept in a graph of their own) give
the same union, so the checks hold for both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Graph, Namespace, URIRef

from kg.sparql import ontology_dir
from kg.store.base import Store

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class SparqlConstraint:
    """A shape's sh:sparql constraint, ready to run as one query over the whole store."""

    shape: str
    node: object  # the constraint's node in the shapes graph
    target_classes: tuple[str, ...]
    target_objects_of: tuple[str, ...]
    select: str
    message: str
    prefixes: dict[str, str]

    def query(self) -> str:
        """The constraint's SELECT over every focus node at once: ``$this`` (the same
        variable as ``?this``) left free, joined with the shape's focus nodes."""
        head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in self.prefixes.items())
        targets = [f"{{ ?this a <{c}> }}" for c in self.target_classes]
        targets += [f"{{ [] <{p}> ?this }}" for p in self.target_objects_of]
        return (
            f"{head}SELECT ?this ?value ?problem WHERE {{\n"
            f"  {{ SELECT DISTINCT ?this WHERE {{ {' UNION '.join(targets)} }} }}\n"
            f"  {{ {self.select} }}\n}}"
        )


@dataclass(frozen=True)
class Violation:
    shape: str
    focus: str
    value: str | None
    message: str

    def report(self) -> str:
        """The violation in the layout of pyshacl's text report."""
        lines = [
            f"Constraint Violation in SPARQLConstraintComponent ({SH.SPARQLConstraintComponent}):",
            "\tSeverity: sh:Violation",
            f"\tSource Shape: {self.shape}",
            f"\tFocus Node: {self.focus}",
        ]
        if self.value is not None:
            lines.append(f"\tValue Node: {self.value}")
        lines.append(f"\tMessage: {self.message}")
        return "\n".join(lines)


def shapes_graph() -> Graph:
    g = Graph()
    g.parse(ontology_dir() / "shapes.ttl", format="turtle")
    return g


def sparql_constraints(shapes: Graph) -> list[SparqlConstraint]:
    """Every sh:sparql constraint in ``shapes``, with its shape's targets."""
    out = []
    for shape, node in shapes.subject_objects(SH.sparql):
        select = shapes.value(node, SH.select)
        classes = tuple(str(c) for c in shapes.objects(shape, SH.targetClass))
        objects_of = tuple(str(p) for p in shapes.objects(shape, SH.targetObjectsOf))
        if select is None or not (classes or objects_of):
            raise ValueError(
                f"{shape}: kg validate runs SPARQL constraints with sh:select on shapes with "
                "sh:targetClass or sh:targetObjectsOf"
            )
        prefixes = {}
        for decl in shapes.objects(shapes.value(node, SH.prefixes), SH.declare):
            prefixes[str(shapes.value(decl, SH.prefix))] = str(shapes.value(decl, SH.namespace))
        out.append(
            SparqlConstraint(
                shape=str(shape),
                node=node,
                target_classes=classes,
                target_objects_of=objects_of,
                select=str(select),
                message=str(shapes.value(node, SH.message) or "SPARQL constraint violated"),
                prefixes=prefixes,
            )
        )
    return out


def validate_graph(data: Graph, shapes: Graph | None = None) -> tuple[bool, str]:
    """Validate an rdflib graph with pyshacl (every constraint, SPARQL ones included)."""
    import pyshacl

    conforms, _report, text = pyshacl.validate(
        data,
        shacl_graph=shapes if shapes is not None else shapes_graph(),
        inference="none",
        allow_warnings=True,
    )
    return bool(conforms), str(text)


def sparql_violations(store: Store, constraints: list[SparqlConstraint]) -> list[Violation]:
    """The violations of SPARQL constraints, each constraint one query over the store."""
    out = []
    for c in constraints:
        for row in store.select(c.query()):
            out.append(
                Violation(c.shape, row["this"] or "", row["value"], _message(c.message, row))
            )
    return out


def validate_store(store: Store) -> tuple[bool, str, int]:
    """Validate the union of the store's graphs; returns (conforms, report, triples)."""
    shapes = shapes_graph()
    constraints = sparql_constraints(shapes)
    for c in constraints:  # pyshacl checks the rest of each shape
        shapes.remove((URIRef(c.shape), SH.sparql, c.node))
    data = Graph()
    data.parse(data=store.dump("ntriples").decode("utf-8"), format="nt")
    conforms, text = validate_graph(data, shapes)
    violations = sparql_violations(store, constraints)
    if violations:
        if conforms:
            text = "Validation Report\nConforms: False\nResults (0):\n"
        count = int(re.search(r"Results \((\d+)\)", text).group(1)) + len(violations)
        text = re.sub(r"Conforms: \w+", "Conforms: False", text, count=1)
        text = re.sub(r"Results \(\d+\)", f"Results ({count})", text, count=1)
        text = text.rstrip("\n") + "\n" + "\n".join(v.report() for v in violations) + "\n"
        conforms = False
    return conforms, text, len(data)


def _message(template: str, row: dict[str, str | None]) -> str:
    """sh:message with its {?var} / {$var} placeholders filled from the result row."""
    return re.sub(r"\{[?$](\w+)\}", lambda m: row.get(m.group(1)) or "", template)
