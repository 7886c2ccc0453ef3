"""What phase 2 knows of one article's entity: its names, titles and mention count.

Resolution never sees spaCy or statements; it works on these small frozen values, built
from the extraction records, so the same records always give the same input whatever order
they arrive in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from kg.model import Entity, Extraction


class Local(NamedTuple):
    """One article's entity: ``article`` is the article's short hash, ``key`` the entity
    key inside its extraction. (A named tuple: phase 2 makes one per entity of the corpus,
    and tuples are the cheapest values Python makes.)"""

    article: str
    key: str
    type: str
    name: str  # the article's own canonical name for it
    names: frozenset[str]
    titles: frozenset[str]
    mentions: int
    affiliations: tuple[str, ...] = ()
    gender: str | None = None  # a person's, as the article shows it (kg.model.Entity)

    @property
    def id(self) -> tuple[str, str]:
        return (self.article, self.key)


@dataclass(frozen=True)
class ArticleEntities:
    """The part of a record that resolution reads: an article's named entities, the keys
    of its unnamed sources (in reading order: their IRIs are numbered by it) and its
    publisher."""

    article: str  # short hash
    entities: tuple[Local, ...]
    unnamed: tuple[str, ...] = ()
    publisher: str | None = None

    @classmethod
    def of(cls, ex: Extraction) -> ArticleEntities:
        art = ex.article.short_hash
        return cls(
            art,
            tuple(local_of(art, e) for e in ex.entities if e.type != "UnnamedSource"),
            tuple(e.key for e in ex.entities if e.type == "UnnamedSource"),
            ex.article.publisher,
        )

    def to_json(self) -> list[Any]:
        """A compact, JSON-ready form (what the build cache keeps)."""
        return [
            self.publisher,
            list(self.unnamed),
            [
                [
                    e.key,
                    e.type,
                    e.name,
                    sorted(e.names),
                    sorted(e.titles),
                    e.mentions,
                    list(e.affiliations),
                    e.gender,
                ]
                for e in self.entities
            ],
        ]

    @classmethod
    def from_json(cls, article: str, data: list[Any]) -> ArticleEntities:
        publisher, unnamed, ents = data
        return cls(
            article,
            tuple(
                Local(article, k, t, n, frozenset(ns), frozenset(ts), m, tuple(a), *rest)
                for k, t, n, ns, ts, m, a, *rest in ents
            ),
            tuple(unnamed),
            publisher,
        )


def local_of(article: str, ent: Entity) -> Local:
    return Local(
        article,
        ent.key,
        ent.type,
        ent.name,
        frozenset(ent.all_names()),
        frozenset(ent.titles),
        len(ent.mentions),
        tuple(sorted(ent.affiliations)),
        ent.gender,
    )


#: The key given to an article's publisher when it is resolved like an entity.
PUBLISHER_KEY = "publisher"


def article_items(art: ArticleEntities) -> list[Local]:
    """An article's named entities (unnamed sources are its alone and never resolved) and
    its publisher as a news organisation: what resolution places in blocks."""
    out = list(art.entities)
    if art.publisher:
        out.append(
            Local(
                art.article,
                PUBLISHER_KEY,
                "NewsOrganization",
                art.publisher,
                frozenset({art.publisher}),
                frozenset(),
                0,
            )
        )
    return out


__all__ = ["PUBLISHER_KEY", "ArticleEntities", "Local", "local_of"]
