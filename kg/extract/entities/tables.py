"""The article's entity table and its mentions (:class:`EntityTable`, :class:`Mention`), with
lookups by character offset. It sits at the bottom of the package: every other module fills
or reads these records.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from kg.model import Entity, EntityType, Span


@dataclass
class Mention:
    """One stretch of text that names (or stands for) an entity."""

    span: Span
    form: str  # the name as written, possessive and brackets removed
    type: EntityType
    key: str | None = None
    honorific_gender: str | None = None
    in_headline: bool = False
    title_form: str | None = None  # "Mrs. Clinton" for a bare surname after an honorific
    short_for: str | None = None  # the organisation's full name this first word stands for


@dataclass
class EntityTable:
    """The article's entities and their mentions, with lookups by character offset."""

    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)  # person key -> "male"/"female"
    _starts: list[int] = field(default_factory=list)
    _made: int = 0

    def index(self) -> None:
        self.mentions.sort(key=lambda m: (m.span.start, -m.span.end))
        self._starts = [m.span.start for m in self.mentions]

    def at(self, start: int, end: int | None = None) -> Mention | None:
        """The mention covering character ``start`` (and ``end - 1`` if given)."""
        i = bisect_right(self._starts, start) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.span.start <= start < m.span.end and (end is None or end <= m.span.end):
                return m
            if m.span.end < start - 200:
                break
            i -= 1
        return None

    def within(self, span: Span) -> list[Mention]:
        """Mentions lying entirely inside ``span``."""
        i = bisect_right(self._starts, span.start - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].span.start < span.end:
            if self.mentions[i].span.end <= span.end:
                out.append(self.mentions[i])
            i += 1
        return out

    def by_key(self, key: str) -> Entity:
        for ent in self.entities:
            if ent.key == key:
                return ent
        raise KeyError(key)

    def fold(self, ent: Entity, into: Entity) -> None:
        """Make ``ent`` part of ``into``: its mentions become ``into``'s and it is gone
        (what becomes of its names is the caller's to say)."""
        for m in self.mentions:
            if m.key == ent.key:
                m.key = into.key
        self.entities.remove(ent)

    def new_entity(self, type_: EntityType, name: str) -> Entity:
        # keys are never reused, even after entities without mentions are pruned
        self._made += 1
        ent = Entity(key=f"e{self._made}", type=type_, name=name)
        self.entities.append(ent)
        return ent
