"""What claim matching reads of one record: its statements' words, kinds, speakers and cues,
and its article's date.

Why a compact form of its own: phase 2 runs over the whole corpus at every build, and a
full record (article text, spans, every entity) costs far more to decode than the few
fields claims need. The build cache keeps this form beside each record
(:meth:`ArticleClaims.to_json`), as it keeps the resolution input; phase 2 never decodes a
full record for claims.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, NamedTuple

from kg.model import Extraction

#: The version of :meth:`ArticleClaims.to_json`: a cache holding another version makes
#: its inputs again from the records.
FORMAT = 1


class Said(NamedTuple):
    """One statement as claims see it; ``speaker`` and ``about`` are entity keys of its
    record (phase 2 turns them into IRIs)."""

    kind: str
    speaker: str
    text: str
    cue: str
    direct: bool
    about: tuple[str, ...] = ()
    para: int = 0  # the paragraph its words start in (0 = the first line with text)


@dataclass(frozen=True)
class ArticleClaims:
    """One article's statements in reading order (statement ``n`` is ``statements[n-1]``),
    its date (ISO 8601, as read) and the names of the entities its denials mention (to
    tell "the report by X" from "a report about X")."""

    article: str  # short hash
    date: str | None
    statements: tuple[Said, ...]
    names: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @classmethod
    def of(cls, ex: Extraction) -> ArticleClaims:
        starts = _paragraph_starts(ex.article.text)
        said = tuple(
            Said(
                s.kind,
                s.speaker,
                s.text,
                s.cue,
                s.direct,
                tuple(s.about),
                _paragraph(starts, min((c.start for c in s.content), default=0)),
            )
            for s in ex.statements
        )
        named = sorted({k for s in ex.statements if s.kind == "Denial" for k in s.about})
        by_key = {e.key: e for e in ex.entities}
        names = tuple((k, tuple(sorted(by_key[k].all_names()))) for k in named if k in by_key)
        return cls(ex.article.short_hash, ex.article.date, said, names)

    def to_json(self) -> list[Any]:
        """A compact, JSON-ready form (what the build cache keeps)."""
        return [
            FORMAT,
            self.date,
            [
                [s.kind[0], s.speaker, s.text, s.cue, int(s.direct), list(s.about), s.para]
                for s in self.statements
            ],
            [[k, list(ns)] for k, ns in self.names],
        ]

    @classmethod
    def from_json(cls, article: str, data: list[Any]) -> ArticleClaims | None:
        """The inverse of :meth:`to_json`; None for a form of another version."""
        if not data or data[0] != FORMAT:
            return None
        _, date, said, names = data
        return cls(
            article,
            date,
            tuple(
                Said(_KINDS[k], sp, text, cue, bool(d), tuple(ab), p)
                for k, sp, text, cue, d, ab, p in said
            ),
            tuple((k, tuple(ns)) for k, ns in names),
        )


_KINDS = {"S": "Statement", "F": "Finding", "D": "Denial"}


def _paragraph_starts(text: str) -> list[int]:
    """Where each line with text starts (a news text's paragraphs are its lines)."""
    out, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append(at)
        at += len(line) + 1
    return out


def _paragraph(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


__all__ = ["FORMAT", "ArticleClaims", "Said"]
