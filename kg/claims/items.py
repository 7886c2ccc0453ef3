"""One statement as phase 2 compares it: IRIs resolved, words and stems computed once."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.claims.text import content_stems, negations, numbers, stem, words

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def date_key(date: str | None) -> str | None:
    """The day an article date names (``2025-10-17T14:32:00+01:00`` -> ``2025-10-17``),
    or None when it names none: what "earliest" and "before" compare."""
    if not date:
        return None
    m = _DAY.match(date.strip())
    return m.group(0) if m else None


@dataclass(eq=False, slots=True)
class Item:
    """A statement with what matching reads of it. ``order`` sorts statements from the
    earliest: articles with a date first, by date, then by article IRI and reading order."""

    iri: str
    article: str  # article IRI
    n: int  # reading order in its article
    kind: str
    speaker: str  # IRI
    speaker_type: str
    text: str
    cue: str
    direct: bool
    about: frozenset[str]  # IRIs
    date: str | None
    publisher: str | None  # IRI
    para: int = 0  # the paragraph of its article its words start in
    tokens: tuple[str, ...] = ()
    stems: frozenset[str] = frozenset()
    negated: bool = False
    negations: int = 0
    numbers: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.tokens = words(self.text)
        # the speaker's own name is no content of what they say ("Trump" in Trump's words)
        own = frozenset(stem(w) for w in self.speaker.rsplit("/", 1)[-1].split("-"))
        self.stems = frozenset(content_stems(self.tokens, own))
        self.negations = negations(self.tokens)
        self.negated = self.negations % 2 == 1
        self.numbers = numbers(self.tokens)

    @property
    def order(self) -> tuple:
        return (self.date is None, self.date or "", self.article, self.n)


__all__ = ["Item", "date_key"]
