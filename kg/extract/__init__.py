"""Extraction: a parsed article in, plain dataclasses out (no RDF, no store, no I/O).

The entry point is :func:`extract`; each step lives in its own module:
furniture (lines to ignore), entities, quotes, attribution.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Doc

from kg.extract.attribution import find_statements
from kg.extract.entities import find_entities
from kg.extract.furniture import furniture_spans
from kg.extract.quotes import find_quotes
from kg.model import Article, Extraction, Span

__all__ = ["extract"]


def extract(doc: Doc, article: Article) -> Extraction:
    """Find the entities and statements of ``article``, whose text ``doc`` is the parse of.

    Offsets in the result index ``article.text``; the doc must have been made from that
    text (or from a same-length shadow of it, see :func:`kg.nlp.shadow`).
    """
    # the parse's length from its last token (``doc.text`` would join every token's text)
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if length != len(article.text):
        raise ValueError("the parse does not belong to this article's text")
    text = article.text
    ignore = furniture_spans(text)
    headline = Span(*article.title_span) if article.title_span else None
    # page furniture yields nothing; the headline may attribute ("Clinton blasts Trump")
    blocked = list(ignore)
    table = find_entities(doc, text, ignore, headline)
    quotes = find_quotes(text)
    statements = find_statements(doc, text, table, quotes, blocked, headline)
    table.index()
    for ent in table.entities:
        ent.mentions = sorted({m.span for m in table.mentions if m.key == ent.key})
        if ent.type == "Person":
            ent.gender = table.genders.get(ent.key)
    used = {st.speaker for st in statements} | {st.via for st in statements if st.via}
    entities = [e for e in table.entities if e.type != "UnnamedSource" or e.key in used]
    return Extraction(article=article, entities=entities, statements=statements)
