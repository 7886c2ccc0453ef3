"""Plain data passed between the stages of the pipeline.

Readers produce :class:`Article`; extraction turns an article into an :class:`Extraction`
(entities and statements with character spans); the RDF mapping turns that into triples.
Nothing here knows about spaCy, rdflib or the store, so every stage can be tested alone.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

EntityType = Literal["Person", "Organization", "NewsOrganization", "Place", "UnnamedSource"]
StatementKind = Literal["Statement", "Finding", "Denial"]

#: Every entity type, in the order listings show them; the one definition the CLI, the
#: resolver, the RDF mapping and the views read.
ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)
#: The types that name a real-world entity across articles (an unnamed source is its
#: article's alone), and that an aliases file may name.
NAMED_TYPES: tuple[str, ...] = ("Person", "Organization", "NewsOrganization", "Place")
#: The family an entity type is matched within: a news organisation is an organisation.
FAMILY: dict[str, str] = {
    "Person": "Person",
    "Organization": "Organization",
    "NewsOrganization": "Organization",
    "Place": "Place",
}
STATEMENT_KINDS: tuple[str, ...] = get_args(StatementKind)


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
    #: a person's gender as the article shows it ("male"/"female": an honorific, a given
    #: name, a kinship noun, the pronoun after their verb of saying), else None. Phase 2
    #: reads it to tell apart relatives an article names by surname alone ("Larrea said he")
    gender: str | None = None

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
    rule: str = ""  # the id of the extraction rule that found it (kg:rule)


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

    # --- the record form: what phase 1 hands to phase 2, caches and sends between processes

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (lists, not sets; spans as ``[start, end]``), in a stable
        order, so the same extraction always serialises to the same bytes."""
        return {
            "article": _article_dict(self.article),
            "entities": [_entity_dict(e) for e in self.entities],
            "statements": [_statement_dict(s) for s in self.statements],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        """The inverse of :meth:`to_dict`."""
        return cls(
            article=_article_from(data["article"]),
            entities=[entity_from_dict(e) for e in data["entities"]],
            statements=[_statement_from(s) for s in data["statements"]],
        )


def _span(s: Span | None) -> list[int] | None:
    return None if s is None else [s.start, s.end]


def _unspan(v: list[int] | None) -> Span | None:
    return None if v is None else Span(v[0], v[1])


def _article_dict(a: Article) -> dict[str, Any]:
    return {
        "text": a.text,
        "source_file": a.source_file,
        "title": a.title,
        "url": a.url,
        "date": a.date,
        "author": a.author,
        "publisher": a.publisher,
        "title_span": list(a.title_span) if a.title_span else None,
    }


def _article_from(d: dict[str, Any]) -> Article:
    span = d.get("title_span")
    return Article(**{**d, "title_span": tuple(span) if span else None})


def _entity_dict(e: Entity) -> dict[str, Any]:
    return {
        "key": e.key,
        "type": e.type,
        "name": e.name,
        "aliases": sorted(e.aliases),
        "titles": sorted(e.titles),
        "affiliations": sorted(e.affiliations),
        "mentions": [_span(m) for m in e.mentions],
        "gender": e.gender,
    }


def entity_from_dict(d: dict[str, Any]) -> Entity:
    return Entity(
        key=d["key"],
        type=d["type"],
        name=d["name"],
        aliases=set(d["aliases"]),
        titles=set(d["titles"]),
        affiliations=set(d["affiliations"]),
        mentions=[Span(a, b) for a, b in d["mentions"]],
        gender=d.get("gender"),
    )


def _statement_dict(s: Statement) -> dict[str, Any]:
    return {
        "kind": s.kind,
        "speaker": s.speaker,
        "content": [_span(c) for c in s.content],
        "text": s.text,
        "cue": s.cue,
        "direct": s.direct,
        "cue_span": _span(s.cue_span),
        "source_span": _span(s.source_span),
        "about": list(s.about),
        "via": s.via,
        "rule": s.rule,
    }


def _statement_from(d: dict[str, Any]) -> Statement:
    return Statement(
        kind=d["kind"],
        speaker=d["speaker"],
        content=[Span(a, b) for a, b in d["content"]],
        text=d["text"],
        cue=d["cue"],
        direct=d["direct"],
        cue_span=_unspan(d["cue_span"]),
        source_span=_unspan(d["source_span"]),
        about=list(d["about"]),
        via=d["via"],
        rule=d.get("rule", ""),
    )


@dataclass
class Identity:
    """How one article's entities are named in the store: entity key -> IRI (what phase 2
    decides for each article; the RDF mapping writes the article graph with it)."""

    iris: dict[str, str] = field(default_factory=dict)
    publisher: str | None = None  # the IRI of the article's publisher, where known


@dataclass
class CorpusEntity:
    """One real-world entity as the whole corpus knows it: what the entities graph says."""

    iri: str
    type: str
    label: str
    names: set[str] = field(default_factory=set)  # every name, the label included
    titles: set[str] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)  # IRIs
    mentions: int = 0
