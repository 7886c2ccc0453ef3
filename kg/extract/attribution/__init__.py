"""Who said what: statements from direct quotations and from reported speech.

Direct quotes are found on characters (kg.extract.quotes) and attributed from the words
around them ("...," Lavrov said; Doe told reporters: "..."), because parsers often get the
structure around quotation marks wrong. Reported speech ("X said that ...", "according to
X", "X denied reports of ...") comes from the dependency parse. Sources are resolved to
entities: names directly, pronouns to the most recent fitting subject, and people the text
does not name ("one gay man", "a senior official") to an unnamed source of the article.

This module runs the steps and merges their statements. The steps live in submodules, each
importing only those before it: context (shared state and small helpers), sources, content
(where reported content ends), unsourced, reported and direct.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Doc

from kg.extract.attribution.context import _Context, _mask
from kg.extract.attribution.direct import _direct_statements, _speaker_lines
from kg.extract.attribution.reported import _contains, _reported_statements
from kg.extract.entities import EntityTable
from kg.extract.quotes import Quote, paragraphs
from kg.model import Span, Statement


def find_statements(
    doc: Doc,
    text: str,
    table: EntityTable,
    quotes: list[Quote],
    blocked: list[Span],
    headline: Span | None = None,
) -> list[Statement]:
    """All statements of an article in reading order."""
    ctx = _Context(doc, text, table, quotes, blocked, headline=headline)
    ctx.quote_spans = [q.outer for q in quotes]
    ctx.paragraphs = paragraphs(text)
    ctx.quote_mask = _mask(len(text), [q.content for q in quotes])
    ctx.block_mask = _mask(len(text), blocked)
    statements = _direct_statements(ctx)
    lines = _speaker_lines(ctx, statements)
    for st in lines:
        # a speaker's line is their own words, like a quotation: no further attributions
        # are looked for inside it ("THEY want safe homes" is the speaker's, not theirs)
        for piece in st.content:
            ctx.quote_mask[piece.start : piece.end] = b"\x01" * (piece.end - piece.start)
    statements += lines
    statements += _reported_statements(ctx, statements)
    # "He said that Clinton wants X": the article reports his claim, not her wish; the
    # inner attribution is his hearsay and is not the article's to make
    reported = [st for st in statements if not st.direct]
    statements = [
        st
        for st in statements
        if st.direct or not any(o is not st and _contains(o, st) for o in reported)
    ]
    statements = [st for st in (_without_empty_pieces(ctx, st) for st in statements) if st]
    statements.sort(key=lambda s: s.content[0].start)
    for st in statements:
        st.about = _about(ctx, st)
    return statements


def _without_empty_pieces(ctx: _Context, st: Statement) -> Statement | None:
    """Drop pieces that hold no words (a parse can yield a zero-length complement); a
    statement left with none says nothing and is dropped."""
    pieces = [p for p in st.content if p.slice(ctx.text).strip()]
    if not pieces:
        return None
    if len(pieces) != len(st.content):
        st.content = pieces
        st.text = " ".join(p.slice(ctx.text) for p in pieces)
    return st


def _about(ctx: _Context, st: Statement) -> list[str]:
    keys: list[str] = []
    for piece in st.content:
        for m in ctx.table.within(piece):
            if m.key and m.key != st.speaker and m.key not in keys and m.type != "UnnamedSource":
                keys.append(m.key)
    return keys
