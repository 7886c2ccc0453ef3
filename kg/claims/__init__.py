"""Phase 2: claims across articles, and what each denial denies (pure: no store, no parse).

A statement is one speech act in one article; a claim is what it asserts wherever that
travels. From every record's statements, with the speakers' IRIs that entity resolution
gave them and the articles' dates, :func:`compute_claims` puts every statement in exactly
one claim (alone when nothing matches) and links each denial to the claim it rejects when
its words tell which (:mod:`kg.claims.denials`), never on a guess.

- :mod:`kg.claims.text`: words and stems as compared;
- :mod:`kg.claims.match`: indexed candidate pairs, the pair rules, clusters that do not chain;
- :mod:`kg.claims.denials`: reading a denial's object and finding its target;
- :mod:`kg.claims.inputs`: the compact per-record input the build cache keeps;
- :mod:`kg.claims.triples`: the claims graph as N-Triples, subject by subject;
- :mod:`kg.claims.listing`: the reading side, claims read back from a store for
  ``kg claims`` and ``kg show``.

Order-free: the statements are sorted (by date, article IRI and reading order) before
anything is compared, pairs are taken best first with ties broken by IRI, and a claim's
IRI is a hash of its earliest statement's IRI. The same records give the same claims
whatever order they came in, and a later article joining a claim leaves its IRI alone.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.claims.denials import SourceNames, Targets, read_denial
from kg.claims.inputs import ArticleClaims, Said
from kg.claims.items import Item, date_key
from kg.claims.match import cluster, matches
from kg.rdf.iris import Minter

if TYPE_CHECKING:
    from kg.resolve import Resolution


@dataclass
class Claim:
    """One claim: its statements (earliest first), wording and where it appeared."""

    iri: str
    statements: list[str]
    label: str
    appearances: list[str]  # article IRIs, sorted
    first: str  # the article of its earliest statement
    variant: bool  # its direct quotations do not all have the same words


@dataclass
class Claims:
    """The claims of a corpus: each claim, the claim of each statement, and what each
    denial denies (denial IRI -> claim IRIs, sorted; absent when nothing can be told)."""

    claims: dict[str, Claim] = field(default_factory=dict)
    claim_of: dict[str, str] = field(default_factory=dict)
    denies: dict[str, list[str]] = field(default_factory=dict)


def claim_counts(claims: Claims) -> Counter:
    """For a build's summary: claims, those with more than one appearance, denials
    linked to the claim they deny."""
    return Counter(
        claims=len(claims.claims),
        shared=sum(1 for c in claims.claims.values() if len(c.appearances) > 1),
        denied=len(claims.denies),
    )


def claim_iri(minter: Minter, earliest_statement: str) -> str:
    digest = hashlib.sha256(earliest_statement.encode("utf-8")).hexdigest()[:16]
    return f"{minter.base}claim/{digest}"


def items_of(
    articles: Iterable[ArticleClaims], resolution: Resolution, minter: Minter
) -> tuple[list[Item], dict[str, dict[str, tuple[str, ...]]]]:
    """Every statement as an :class:`Item`, earliest first, and for each denial the names
    of the entities it mentions (denial IRI -> entity IRI -> names)."""
    items: list[Item] = []
    names: dict[str, dict[str, tuple[str, ...]]] = {}
    for art in sorted(articles, key=lambda a: a.article):
        ident = resolution.identities.get(art.article)
        if ident is None:
            continue
        iris = ident.iris
        article = minter.article(art.article)
        day = date_key(art.date)
        forms = dict(art.names)
        for n, s in enumerate(art.statements, start=1):
            speaker = iris.get(s.speaker, "")
            ent = resolution.entities.get(speaker)
            iri = minter.statement(art.article, n)
            items.append(
                Item(
                    iri=iri,
                    article=article,
                    n=n,
                    kind=s.kind,
                    speaker=speaker,
                    speaker_type=ent.type if ent else "UnnamedSource",
                    text=s.text,
                    cue=s.cue,
                    direct=s.direct,
                    about=frozenset(iris[k] for k in s.about if k in iris),
                    date=day,
                    publisher=ident.publisher,
                    para=s.para,
                )
            )
            if s.kind == "Denial":
                names[iri] = {iris[k]: forms[k] for k in s.about if k in iris and k in forms}
    items.sort(key=lambda it: it.order)
    return items, names


def compute_claims(
    articles: Iterable[ArticleClaims], resolution: Resolution, minter: Minter
) -> Claims:
    """The claims of these articles (see the module docstring)."""
    items, names = items_of(articles, resolution, minter)
    said = [i for i, it in enumerate(items) if it.kind != "Denial"]
    denials = [i for i, it in enumerate(items) if it.kind == "Denial"]
    groups = [[said[k] for k in g] for g in _groups([items[i] for i in said])]
    claim_no: dict[int, int] = {}
    for c, g in enumerate(groups):
        for i in g:
            claim_no[i] = c
    targets = Targets(items, claim_no)
    speakers = targets.speakers
    known = SourceNames(resolution, speakers)
    denied: dict[int, tuple[int, ...]] = {}
    for i in denials:
        d = items[i]
        named = {**known.found_in(d.text), **names.get(d.iri, {})}
        reading = read_denial(d, named, speakers)
        found = targets.link(d, reading)
        if found:
            denied[i] = tuple(found)
    groups += [
        [denials[k] for k in g]
        for g in _groups([items[i] for i in denials], [denied.get(i, ()) for i in denials])
    ]
    return _claims(items, groups, denied, minter)


def _groups(items: list[Item], denied: list[tuple[int, ...]] | None = None) -> list[list[int]]:
    pairs = matches(items)
    if denied is not None:
        # two denials by one speaker of the same claims assert the same thing
        by_target: dict[tuple[str, tuple[int, ...]], list[int]] = defaultdict(list)
        for k, found in enumerate(denied):
            if found:
                by_target[(items[k].speaker, found)].append(k)
        for group in by_target.values():
            for x in range(len(group)):
                for y in range(x + 1, len(group)):
                    pairs.setdefault((group[x], group[y]), 0.95)
        # ... and two that deny different claims do not
        for p in [p for p in pairs if denied[p[0]] and denied[p[1]]]:
            if denied[p[0]] != denied[p[1]]:
                del pairs[p]
    return cluster(items, pairs)


def _claims(
    items: list[Item], groups: list[list[int]], denied: dict[int, tuple[int, ...]], minter: Minter
) -> Claims:
    out = Claims()
    iri_of_group: list[str] = []
    for g in groups:
        first = items[g[0]]  # groups are earliest first
        iri = claim_iri(minter, first.iri)
        iri_of_group.append(iri)
        quoted = {items[i].tokens for i in g if items[i].direct}
        out.claims[iri] = Claim(
            iri=iri,
            statements=[items[i].iri for i in g],
            label=first.text,
            appearances=sorted({items[i].article for i in g}),
            first=first.article,
            variant=len(quoted) > 1,
        )
        for i in g:
            out.claim_of[items[i].iri] = iri
    for i, found in sorted(denied.items()):
        out.denies[items[i].iri] = sorted(iri_of_group[c] for c in found)
    out.claims = dict(sorted(out.claims.items()))
    return out


__all__ = [
    "ArticleClaims",
    "Claim",
    "Claims",
    "Said",
    "claim_counts",
    "claim_iri",
    "compute_claims",
]
