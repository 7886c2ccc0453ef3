"""The SHACL shapes of ontology/shapes.ttl as SPARQL queries, so the store checks itself.

Why: pyshacl is a faithful SHACL processor, but it needs the whole store copied into an
rdflib graph and walks it in Python: 45-60 s for the PolNeAR train store (400,000 triples),
most of it parsing and per-node work. Every constraint newskg's shapes use can be said as
one SPARQL query whose rows are the violations, over every focus node at once; Oxigraph
runs them all in seconds. This module compiles a shapes graph into such queries. It knows
the constraint components the shapes use (the SHACL Core subset listed in
:data:`SUPPORTED`, and SHACL-SPARQL constraints) and refuses a shapes graph that uses any
other, so a new kind of constraint cannot be skipped silently. The test suite checks that
its verdicts are pyshacl's.

Counting is over distinct values, because the store's default graph is the union of its
named graphs and the same triple may stand in several of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

SH = Namespace("http://www.w3.org/ns/shacl#")

#: Predicates a shape may carry that are not constraints (or are handled as structure).
_STRUCTURE = {
    RDF.type,
    RDFS.label,
    RDFS.comment,
    SH.message,
    SH.path,
    SH.property,
    SH.sparql,
    SH.targetClass,
    SH.targetObjectsOf,
    SH.deactivated,
    SH.name,
    SH.description,
}

#: The SHACL Core constraint components this module turns into SPARQL.
SUPPORTED = (
    "class",
    "datatype",
    "nodeKind",
    "minCount",
    "maxCount",
    "minInclusive",
    "minLength",
    "pattern",
    "or",
    "not",
    "equals",
    "disjoint",
    "lessThanOrEquals",
)

_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}


class UnsupportedShape(ValueError):
    """The shapes graph uses a SHACL feature this module does not translate."""


@dataclass(frozen=True)
class Check:
    """One constraint of one shape as a query; each row it returns is a violation.

    Rows bind ``?this`` (the focus node), and ``?value`` (the value node) and ``?problem``
    (a message) where the constraint has them.
    """

    shape: str
    component: str
    path: str | None
    message: str
    query: str


@dataclass(frozen=True)
class Violation:
    shape: str
    component: str
    focus: str
    value: str | None
    path: str | None
    message: str

    def report(self) -> str:
        """The violation in the layout of pyshacl's text report."""
        lines = [
            f"Constraint Violation in {self.component} ({SH[self.component]}):",
            "\tSeverity: sh:Violation",
            f"\tSource Shape: {self.shape}",
            f"\tFocus Node: {self.focus}",
        ]
        if self.value is not None:
            lines.append(f"\tValue Node: {self.value}")
        if self.path is not None:
            lines.append(f"\tResult Path: {self.path}")
        lines.append(f"\tMessage: {self.message}")
        return "\n".join(lines)


def compile_shapes(shapes: Graph) -> list[Check]:
    """Every constraint of every active node shape with a target, as a Check."""
    checks: list[Check] = []
    for shape in sorted(set(_targeted(shapes)), key=str):
        if shapes.value(shape, SH.deactivated) == Literal(True):
            continue
        checks += list(_node_checks(shapes, shape))
    return checks


def _targeted(shapes: Graph) -> Iterator[Node]:
    for pred in (SH.targetClass, SH.targetObjectsOf, SH.targetNode, SH.targetSubjectsOf):
        for shape in shapes.subjects(pred, None):
            if pred in (SH.targetNode, SH.targetSubjectsOf):
                raise UnsupportedShape(f"{shape}: {pred.n3()} is not supported")
            yield shape


def _focus(shapes: Graph, shape: Node) -> str:
    """A group binding ``?this`` to each focus node of ``shape`` once."""
    parts = [
        f"{{ ?this rdf:type/rdfs:subClassOf* {c.n3()} }}"
        for c in shapes.objects(shape, SH.targetClass)
    ]
    parts += [f"{{ [] {p.n3()} ?this }}" for p in shapes.objects(shape, SH.targetObjectsOf)]
    return f"{{ SELECT DISTINCT ?this WHERE {{ {' UNION '.join(parts)} }} }}"


_PREFIXES = (
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
)


def _node_checks(shapes: Graph, shape: Node) -> Iterator[Check]:
    focus = _focus(shapes, shape)
    name = _name(shape)
    message = shapes.value(shape, SH.message)
    for pred, obj in sorted(shapes.predicate_objects(shape), key=str):
        if pred in _STRUCTURE:
            continue
        component = _component(pred)
        test = _value_test(shapes, pred, obj, "?this")
        default = f"The focus node does not satisfy {pred.n3(shapes.namespace_manager)}"
        yield Check(
            shape=name,
            component=component,
            path=None,
            message=str(message or default),
            query=f"{_PREFIXES}SELECT ?this WHERE {{ {focus} FILTER (!({test})) }}",
        )
    for prop in shapes.objects(shape, SH.property):
        yield from _property_checks(shapes, name, focus, prop)
    for constraint in shapes.objects(shape, SH.sparql):
        yield _sparql_check(shapes, name, focus, constraint)


def _property_checks(shapes: Graph, name: str, focus: str, prop: Node) -> Iterator[Check]:
    path_node = shapes.value(prop, SH.path)
    path, shown = _path(shapes, path_node)
    message = shapes.value(prop, SH.message)
    values = f"?this {path} ?value"
    for pred, obj in sorted(shapes.predicate_objects(prop), key=str):
        if pred in _STRUCTURE:
            continue
        component = _component(pred)
        if pred == SH.minCount:
            where = f"{focus} OPTIONAL {{ {values} }}"
            query = (
                f"SELECT ?this WHERE {{ {where} }} GROUP BY ?this "
                f"HAVING (COUNT(DISTINCT ?value) < {int(obj)})"
            )
        elif pred == SH.maxCount:
            query = (
                f"SELECT ?this WHERE {{ {focus} {values} }} GROUP BY ?this "
                f"HAVING (COUNT(DISTINCT ?value) > {int(obj)})"
            )
        elif pred == SH.equals:
            query = (
                f"SELECT DISTINCT ?this ?value WHERE {{ {focus} {{ {values} FILTER NOT EXISTS "
                f"{{ ?this {obj.n3()} ?value }} }} UNION {{ ?this {obj.n3()} ?value "
                f"FILTER NOT EXISTS {{ {values} }} }} }}"
            )
        elif pred == SH.disjoint:
            query = (
                f"SELECT DISTINCT ?this ?value WHERE {{ {focus} {values} . "
                f"?this {obj.n3()} ?value }}"
            )
        elif pred == SH.lessThanOrEquals:
            query = (
                f"SELECT DISTINCT ?this ?value WHERE {{ {focus} {values} . "
                f"?this {obj.n3()} ?other FILTER (!COALESCE(?value <= ?other, false)) }}"
            )
        else:
            test = _value_test(shapes, pred, obj, "?value")
            query = f"SELECT DISTINCT ?this ?value WHERE {{ {focus} {values} FILTER (!({test})) }}"
        default = f"{shown}: {pred.n3(shapes.namespace_manager)} not satisfied"
        yield Check(name, component, shown, str(message or default), _PREFIXES + query)


def _sparql_check(shapes: Graph, name: str, focus: str, constraint: Node) -> Check:
    """A SHACL-SPARQL constraint: its SELECT, ``$this`` (the same variable as ``?this``)
    left free and joined with the focus nodes."""
    select = shapes.value(constraint, SH.select)
    if select is None:
        raise UnsupportedShape(f"{name}: a SPARQL constraint without sh:select")
    head = "".join(
        f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
        for d in shapes.objects(shapes.value(constraint, SH.prefixes), SH.declare)
    )
    message = shapes.value(constraint, SH.message) or "SPARQL constraint violated"
    query = f"{head}SELECT ?this ?value ?problem WHERE {{ {focus} {{ {select} }} }}"
    return Check(name, "SPARQLConstraintComponent", None, str(message), query)


def _value_test(shapes: Graph, pred: Node, obj: Node, var: str) -> str:
    """A SPARQL expression true when the node in ``var`` satisfies ``pred obj``."""
    if pred == SH["class"]:
        return f"EXISTS {{ {var} rdf:type/rdfs:subClassOf* {obj.n3()} }}"
    if pred == SH.datatype:
        return f"(isLiteral({var}) && DATATYPE({var}) = {obj.n3()})"
    if pred == SH.nodeKind:
        if obj not in _KINDS:
            raise UnsupportedShape(f"unknown sh:nodeKind {obj}")
        return _KINDS[obj].format(v=var)
    if pred == SH.minInclusive:
        return f"COALESCE({var} >= {obj.n3()}, false)"
    if pred == SH.minLength:
        return f"(!isBlank({var}) && COALESCE(STRLEN(STR({var})) >= {int(obj)}, false))"
    if pred == SH.pattern:
        return f"(!isBlank({var}) && REGEX(STR({var}), {Literal(str(obj)).n3()}))"
    if pred == SH["or"]:
        return "(" + " || ".join(_shape_test(shapes, s, var) for s in Collection(shapes, obj)) + ")"
    if pred == SH["not"]:
        return f"!({_shape_test(shapes, obj, var)})"
    raise UnsupportedShape(f"{pred.n3(shapes.namespace_manager)} is not supported")


def _shape_test(shapes: Graph, shape: Node, var: str) -> str:
    """True when the node in ``var`` conforms to a nested shape (as in sh:or, sh:not)."""
    tests = [
        _value_test(shapes, pred, obj, var)
        for pred, obj in shapes.predicate_objects(shape)
        if pred not in _STRUCTURE
    ]
    if shapes.value(shape, SH.property) is not None:
        raise UnsupportedShape("property shapes inside sh:or / sh:not are not supported")
    return "(" + " && ".join(tests or ["true"]) + ")"


def _path(shapes: Graph, node: Node | None) -> tuple[str, str]:
    """A property shape's sh:path as a SPARQL path, and as shown in reports."""
    if isinstance(node, URIRef):
        return node.n3(), node.n3(shapes.namespace_manager)
    if isinstance(node, BNode):
        inverse = shapes.value(node, SH.inversePath)
        if isinstance(inverse, URIRef):
            shown = inverse.n3(shapes.namespace_manager)
            return f"^{inverse.n3()}", f"[ sh:inversePath {shown} ]"
    raise UnsupportedShape(f"sh:path {node!r}: only an IRI or an sh:inversePath is supported")


def _component(pred: Node) -> str:
    local = str(pred).removeprefix(str(SH))
    if local not in SUPPORTED:
        raise UnsupportedShape(f"sh:{local} is not supported")
    return local[0].upper() + local[1:] + "ConstraintComponent"


def _name(shape: Node) -> str:
    return str(shape) if isinstance(shape, URIRef) else f"_:{shape}"
