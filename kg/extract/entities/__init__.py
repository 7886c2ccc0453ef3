"""Entities of one article: people, organisations, news outlets and places, each with a
canonical name, the aliases seen, titles and affiliations, and every mention's span.

spaCy's NER gives the first candidates; rules then correct what it gets plainly wrong in news
(outlets tagged as people, possessives and brackets inside names, acronyms defined in
parentheses), cluster the name variants of one person, and find the mentions NER missed
(headlines, surnames on their own).

This module runs the steps; they live in submodules, each importing only those before it:
tables (the records), organisations, candidates, persons, naming, clustering, propagation,
acronyms (an acronym for a body the article names in full), national (bodies many
countries have, named for the article's) and titles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Doc

from kg.extract.entities.acronyms import link_acronyms
from kg.extract.entities.candidates import _candidates, _SpanSet
from kg.extract.entities.clustering import _cluster
from kg.extract.entities.national import localise_national_bodies, localise_outlets
from kg.extract.entities.organisations import _outlet_by_cue  # noqa: F401 - tests use it
from kg.extract.entities.propagation import _propagate
from kg.extract.entities.tables import EntityTable, Mention  # noqa: F401 - part of the interface
from kg.extract.entities.titles import _titles_and_affiliations
from kg.extract.names import (
    compatible_first_names,  # noqa: F401 - part of this module's interface
    name_skeleton,  # noqa: F401 - part of this module's interface
)
from kg.model import Span


def find_entities(
    doc: Doc, text: str, ignore: list[Span], headline: Span | None = None
) -> EntityTable:
    """Find the entities of an article. ``ignore`` spans (page furniture) yield nothing;
    the ``headline`` is searched only for entities the body names too."""
    blocked = _SpanSet(ignore)
    candidates = _candidates(doc, text, blocked, headline)
    table = EntityTable()
    people = _cluster(table, candidates, text)
    _propagate(table, people, text, blocked, headline)
    link_acronyms(table)
    localise_national_bodies(table, text)
    localise_outlets(table, text)
    table.genders = {c.key: c.gender for c in people if c.gender}
    table.index()
    _titles_and_affiliations(table, doc, text, headline)
    table.index()
    for ent in table.entities:
        ent.mentions = sorted(m.span for m in table.mentions if m.key == ent.key)
    return table
