"""Every IRI the project writes, in one place (see ../shared/spec/vocabulary.md)."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/newskg/ns#")
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

#: The default base for instance IRIs; ``--base`` may change it.
DEFAULT_BASE = "https://w3id.org/newskg/id/"

#: Prefixes predeclared for queries and used when serialising.
PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "nif": str(NIF),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "rdfs": str(RDFS),
    "rdf": str(RDF),
    "owl": str(OWL),
    "xsd": str(XSD),
}

#: rdf:type values for each entity type, superclasses materialised.
ENTITY_CLASSES = {
    "Person": (KG.Entity, KG.Person, SCHEMA.Person),
    "Organization": (KG.Entity, KG.Organization, SCHEMA.Organization),
    "NewsOrganization": (KG.Entity, KG.Organization, KG.NewsOrganization, SCHEMA.Organization),
    "Place": (KG.Entity, KG.Place, SCHEMA.Place),
    "UnnamedSource": (KG.Entity, KG.UnnamedSource),
}

#: rdf:type values and the agent-side property for each statement kind.
STATEMENT_CLASSES = {
    "Statement": ((KG.Statement,), (KG.said,)),
    "Finding": ((KG.Statement, KG.Finding), (KG.said, KG.reported)),
    "Denial": ((KG.Statement, KG.Denial), (KG.said, KG.denied)),
}

#: The path segment of entity IRIs by type.
ENTITY_PATHS = {
    "Person": "person",
    "Organization": "organization",
    "NewsOrganization": "organization",
    "Place": "place",
}

#: xsd:integer and the types derived from it, as IRI strings (the JSON results' datatypes)
XSD_INTEGERS = frozenset(
    str(XSD) + t
    for t in (
        *("integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger"),
        *("negativeInteger", "long", "int", "short", "byte"),
        *("unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"),
    )
)
#: the numeric types that are not integers
XSD_FLOATS = frozenset(str(XSD) + t for t in ("decimal", "double", "float"))

__all__ = [
    *("KG", "SCHEMA", "NIF", "DCTERMS", "PROV", "RDF", "RDFS", "SKOS", "XSD", "OWL"),
    *("XSD_INTEGERS", "XSD_FLOATS"),
]
