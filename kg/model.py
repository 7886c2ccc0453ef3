"""Plain data passed between the stages of the pipeline.

Readers produce :class:`Article`; extraction turns an article into an :class:`Extraction`
(entities and statements with character spans); the RDF mapping turns that into triples.
Nothing here knows about spaCy, rdflib or the store, so every stage can be tested alone.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["Person", "Organization", "NewsOrganization", "Place", "UnnamedSource"]
StatementKind = Literal["Statement", "Finding", "Denial"]


@dataclass(frozen=True)
class Article:
    """One article as read from an input file.

    ``text`` is what every character offset indexes into; readers must never alter it after
    choosing it (for a .txt file it is the decoded file content, BOM removed).
    ``title_span`` locates the headline inside ``text`` when it stands there (text files), so
    extraction can treat it as a headline rather than body prose.
    """

    text: str
    source_file: str
    title: str | None = None
    url: str | None = None
    date: str | None = None  # ISO 8601 date or date-time
    author: str | None = None
    publisher: str | None = None
    title_span: tuple[int, int] | None = None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def short_hash(self) -> str:
        return self.content_hash[:16]


@dataclass(frozen=True)
class ReadProblem:
    """A file that was not read: ``kind`` is "skipped" (unsupported) or "failed" (bad input)."""

    path: str
    message: str
    kind: Literal["skipped", "failed"] = "failed"


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into an article's text."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass
class Entity:
    """An entity as found in one article; ``key`` is local to the extraction."""

    key: str
    type: EntityType
    name: str
    aliases: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)  # keys of other entities
    mentions: list[Span] = field(default_factory=list)

    def all_names(self) -> set[str]:
        return {self.name, *self.aliases}


@dataclass
class Statement:
    """Content attributed to a source.

    ``content`` holds one span per piece (several for a split quote); ``text`` is the pieces
    joined by one space, exactly as they stand in the article.
    """

    kind: StatementKind
    speaker: str  # entity key
    content: list[Span]
    text: str
    cue: str
    direct: bool
    cue_span: Span | None = None
    source_span: Span | None = None
    about: list[str] = field(default_factory=list)  # entity keys
    via: str | None = None  # entity key


@dataclass
class Extraction:
    """Everything extraction found in one article."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)

    def entity(self, key: str) -> Entity:
        for ent in self.entities:
            if ent.key == key:
                return ent
        raise KeyError(key)
