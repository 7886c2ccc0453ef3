"""The listing order of the entities, worked out by phase 2 and stated in the entities graph.

The entities listing (``ontology/queries/entities.rq``) orders every entity, unnamed
sources included, by its number of statements, then of articles, then label and IRI. A
store cannot give its first page without counting every entity's statements and articles
first (half a second on PolNeAR train, one to two on a store of a million triples). Phase 2
knows those counts from the records, so it states the order once, as one triple in the
entities graph (``<base>order/entities kg:entityOrder "person/a org/b ..."``: the IRIs
under the store's base, in order), and a page is the rows of the entities it names
(:class:`kg.paging.EntityPager`), checked against the order the query's own keys give.

Each article contributes an :class:`EntityTally` (made from its record in phase 1, kept in
the build cache's summary), so the order costs no record read, and the same records give
the same order in any order and any number of processes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from kg.model import Extraction

#: the subject, under the store's base, that states the listing order of all entities
ENTITY_ORDER_SUBJECT = "order/entities"
_KG = "https://w3id.org/newskg/ns#"
#: what an IRI in the stated order may hold (no space: the separator; nothing N-Triples or
#: SPARQL would need escaped)
_PART = re.compile(r"[^\s<>\"{}|\\^`]+")


@dataclass(frozen=True)
class EntityTally:
    """What the order of the entities reads of one article: the keys of the entities
    mentioned in it (each gets ``kg:mentionedIn`` the article), each speaker's number of
    statements, and the label of each unnamed source (described in the article graph)."""

    mentioned: tuple[str, ...]
    speakers: tuple[tuple[str, int], ...]
    unnamed: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, ex: Extraction) -> EntityTally:
        speakers: dict[str, int] = {}
        for st in ex.statements:
            speakers[st.speaker] = speakers.get(st.speaker, 0) + 1
        unnamed = [(e.key, e.name) for e in ex.entities if e.type == "UnnamedSource"]
        mentioned = [e.key for e in ex.entities if e.mentions or e.type == "UnnamedSource"]
        return cls(tuple(mentioned), tuple(sorted(speakers.items())), tuple(unnamed))

    def to_json(self) -> list[Any]:
        return [
            list(self.mentioned),
            [list(s) for s in self.speakers],
            [list(u) for u in self.unnamed],
        ]

    @classmethod
    def from_json(cls, data: list[Any]) -> EntityTally:
        mentioned, speakers, unnamed = data
        return cls(
            tuple(mentioned),
            tuple((k, int(n)) for k, n in speakers),
            tuple((k, name) for k, name in unnamed),
        )


def entity_order(
    base: str,
    identities: Mapping[str, Mapping[str, str]],
    labels: Mapping[str, str],
    tallies: Mapping[str, EntityTally],
) -> str:
    """The entities in the order the entities listing gives them (``ORDER BY
    DESC(?statements) DESC(?articles) ?label ?entity``), as their IRIs under ``base``
    separated by spaces; "" where that order cannot be stated (an IRI outside the base or
    not writable so, an article without its tally).

    ``identities``: each article's entity keys -> IRIs (by short hash); ``labels``: the
    label of each entity the entities graph describes, by IRI; ``tallies``: each article's
    :class:`EntityTally`. Labels and IRIs are compared by code point, as SPARQL does."""
    label = dict(labels)
    statements: dict[str, int] = dict.fromkeys(label, 0)
    articles: dict[str, set[str]] = {}
    for short, iris in identities.items():
        tally = tallies.get(short)
        if tally is None:
            return ""
        for key, name in tally.unnamed:
            if key in iris:
                label.setdefault(iris[key], name)
                statements.setdefault(iris[key], 0)
        for key in tally.mentioned:
            if key in iris:
                articles.setdefault(iris[key], set()).add(short)
        for key, n in tally.speakers:
            if key in iris:
                statements[iris[key]] = statements.get(iris[key], 0) + n
    # a speaker with no label gives no listing row
    statements = {iri: n for iri, n in statements.items() if iri in label}
    order = sorted(
        statements,
        key=lambda iri: (-statements[iri], -len(articles.get(iri, ())), label[iri], iri),
    )
    parts = []
    for iri in order:
        part = iri[len(base) :]
        if not iri.startswith(base) or not _PART.fullmatch(part):
            return ""
        parts.append(part)
    return " ".join(parts)


def order_ntriples(base: str, order: str) -> str:
    """The triple stating ``order`` (:func:`entity_order`) in the entities graph."""
    return f'<{base}{ENTITY_ORDER_SUBJECT}> <{_KG}entityOrder> "{order}" .\n'


def tallies_of(extractions: Iterable[Extraction]) -> dict[str, EntityTally]:
    """Each article's tally, by short hash."""
    return {ex.article.short_hash: EntityTally.of(ex) for ex in extractions}


__all__ = ["ENTITY_ORDER_SUBJECT", "EntityTally", "entity_order", "order_ntriples", "tallies_of"]
