"""Phase 2 of a build: one identity per real-world entity across a whole corpus (pure).

Every article's entities are resolved at once, from the extraction records alone: no
store, no parse, no memory of earlier builds. The result is a function of the *set* of
articles (each step runs over sorted input), so the store holds the same IRIs whatever
order the articles were built in, on one process or many, in one run or several; adding
articles never needs older article graphs patched by hand, only the graphs whose
identities changed rewritten (see :mod:`kg.pipeline`).

- :mod:`kg.resolve.people`: people, by compatible full names, then bare surnames and
  title forms by the evidence that picks one person;
- :mod:`kg.resolve.groups`: organisations and places, by shared name keys;
- :mod:`kg.resolve.aliases`: the user's corrections, which win over both;
- :mod:`kg.resolve.names`: identity keys (what an IRI is made from) and label ranks.

IRIs come from the identity key of the canonical label. Two different entities with one
key (two George Bushes) are told apart by their full labels ("george-w-bush",
"george-h-w-bush"), and only when those agree too by a number, given in a fixed order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kg.model import CorpusEntity, Identity
from kg.rdf.iris import Minter
from kg.resolve.aliases import AliasRule
from kg.resolve.blocks import Memo
from kg.resolve.corpus import Changes, CorpusResolution
from kg.resolve.local import ArticleEntities


@dataclass
class Resolution:
    """What phase 2 decided: each article's identities and the corpus's entities."""

    identities: dict[str, Identity] = field(default_factory=dict)  # by article short hash
    entities: dict[str, CorpusEntity] = field(default_factory=dict)  # by IRI, sorted


def resolve_corpus(
    articles: Iterable[ArticleEntities],
    minter: Minter,
    rules: Sequence[AliasRule] = (),
    memo: Memo | None = None,
) -> Resolution:
    """Resolve every article's entities at once (see the module docstring). With a
    ``memo`` (:mod:`kg.resolve.blocks`), blocks whose members have not changed since it
    was filled are read back instead of resolved again: the result is the same."""
    corpus = CorpusResolution(minter, rules, memo)
    corpus.update(articles)
    return corpus.resolution()


__all__ = [
    "AliasRule",
    "ArticleEntities",
    "Changes",
    "CorpusResolution",
    "Memo",
    "Resolution",
    "resolve_corpus",
]
