"""What phase 2 knows of one article's entity: its names, titles and mention count.

Resolution never sees spaCy or statements; it works on these small frozen values, built
from the extraction records, so the same records always give the same input whatever order
they arrive in (:func:`locals_of` sorts them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg.model import Entity


@dataclass(frozen=True, order=True)
class Local:
    """One article's entity: ``article`` is the article's short hash, ``key`` the entity
    key inside its extraction."""

    article: str
    key: str
    type: str
    name: str  # the article's own canonical name for it
    names: frozenset[str]
    titles: frozenset[str]
    mentions: int
    affiliations: tuple[str, ...] = ()

    @property
    def id(self) -> tuple[str, str]:
        return (self.article, self.key)


@dataclass(frozen=True)
class ArticleEntities:
    """The part of a record that resolution reads: an article's entities and publisher."""

    article: str  # short hash
    entities: tuple[Entity, ...]
    publisher: str | None = None


def local_of(article: str, ent: Entity) -> Local:
    return Local(
        article=article,
        key=ent.key,
        type=ent.type,
        name=ent.name,
        names=frozenset(ent.all_names()),
        titles=frozenset(ent.titles),
        mentions=len(ent.mentions),
        affiliations=tuple(sorted(ent.affiliations)),
    )


#: The key given to an article's publisher when it is resolved like an entity.
PUBLISHER_KEY = "publisher"


def locals_of(articles: Iterable[ArticleEntities]) -> list[Local]:
    """Every named entity of every article (unnamed sources are their article's alone and
    never resolved), and each publisher as a news organisation, in a fixed order."""
    out = []
    for art in articles:
        for ent in art.entities:
            if ent.type != "UnnamedSource":
                out.append(local_of(art.article, ent))
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
    return sorted(out)


__all__ = ["PUBLISHER_KEY", "ArticleEntities", "Local", "local_of", "locals_of"]
