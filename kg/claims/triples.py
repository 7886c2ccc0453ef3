"""The claims graph as N-Triples, one entry per subject (what ``sync_subjects`` patches).

Subjects are the claims (types, label, appearances, counts) and the statements (their
``kg:claim`` and, for denials, ``kg:denies``): a statement's links live here, in the
claims graph, not in its article graph, so each triple is stated once and rebuilding
claims never touches an article graph. Written as text, in a stable order, like the
article graphs (:mod:`kg.rdf.mapping`); kept apart from that module so that a change to
claims does not rewrite every article graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rdflib.namespace import RDF, RDFS, XSD
from rdflib.plugins.serializers.nt import _quote_encode as _lit  # rdflib's N-Triples escaping

from kg.claims import Claims, compute_claims
from kg.claims.inputs import ArticleClaims
from kg.rdf.iris import Minter
from kg.rdf.vocab import KG, SCHEMA

if TYPE_CHECKING:
    from kg.resolve import Resolution


def _iri(value: str) -> str:
    return f"<{value}>"


_TYPE, _LABEL = _iri(RDF.type), _iri(RDFS.label)
_CLAIM_TYPES = (_iri(KG.Claim), _iri(SCHEMA.Claim))
_APPEARANCE, _FIRST = _iri(SCHEMA.appearance), _iri(SCHEMA.firstAppearance)
_COUNT, _VARIANT = _iri(KG.statementCount), _iri(KG.variantWording)
_ARTICLES = _iri(KG.articleCount)
_OF, _DENIES = _iri(KG.claim), _iri(KG.denies)
_BOOL = {True: f'"true"^^<{XSD.boolean}>', False: f'"false"^^<{XSD.boolean}>'}


def claims_ntriples(claims: Claims) -> dict[str, str]:
    """Subject IRI -> its triples in the claims graph."""
    out: dict[str, str] = {}
    for iri, c in claims.claims.items():
        s = _iri(iri)
        lines = [f"{s} {_TYPE} {t} .\n" for t in _CLAIM_TYPES]
        lines.append(f"{s} {_LABEL} {_lit(c.label)} .\n")
        lines += [f"{s} {_APPEARANCE} {_iri(a)} .\n" for a in c.appearances]
        lines.append(f"{s} {_FIRST} {_iri(c.first)} .\n")
        lines.append(f'{s} {_COUNT} "{len(c.statements)}"^^<{XSD.integer}> .\n')
        # stated, not counted at query time: "claims in more than one article, most
        # widespread first" then reads one number per claim (claim-appearances)
        lines.append(f'{s} {_ARTICLES} "{len(c.appearances)}"^^<{XSD.integer}> .\n')
        lines.append(f"{s} {_VARIANT} {_BOOL[c.variant]} .\n")
        out[iri] = "".join(lines)
    for statement, claim in sorted(claims.claim_of.items()):
        lines = [f"{_iri(statement)} {_OF} {_iri(claim)} .\n"]
        lines += [
            f"{_iri(statement)} {_DENIES} {_iri(c)} .\n" for c in claims.denies.get(statement, ())
        ]
        out[statement] = "".join(lines)
    return out


def claims_subjects(
    articles: Iterable[ArticleClaims], resolution: Resolution, minter: Minter
) -> tuple[dict[str, str], Claims]:
    """Phase 2's claims step: the claims of these articles, and the claims graph as
    ``sync_subjects`` takes it."""
    claims = compute_claims(articles, resolution, minter)
    return claims_ntriples(claims), claims


__all__ = ["claims_ntriples", "claims_subjects"]
