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
- :mod:`kg.claims.state`: the same claims kept up to date in steps, for a build that adds
  or removes a few articles (what it worked out is kept beside the build cache);
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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.claims.denials import Reading, SourceNames, Targets, read_denial
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
    return work_claims(articles, resolution, minter).claims


@dataclass
class Worked:
    """What :func:`work_claims` worked out on the way to the claims: what the incremental
    state (:mod:`kg.claims.state`) keeps, so that a later build starts from it."""

    claims: Claims
    items: list[Item]  # every statement, earliest first
    names: dict[str, dict[str, tuple[str, ...]]]  # denial IRI -> entity IRI -> names
    said_pairs: dict[tuple[str, str], float]  # statement IRIs (earlier first) -> score
    said_claims: set[str]  # the claims of statements that are not denials
    denial_claims: set[str]
    linked: dict[str, Linked]  # denial IRI -> how it was read, what it denies
    size: int  # statements a denial may deny


def work_claims(
    articles: Iterable[ArticleClaims], resolution: Resolution, minter: Minter
) -> Worked:
    """:func:`compute_claims`, with what it worked out on the way."""
    items, names = items_of(articles, resolution, minter)
    said = [it for it in items if it.kind != "Denial"]
    denials = [it for it in items if it.kind == "Denial"]
    pairs = matches(said)
    groups = [[said[k] for k in g] for g in cluster(said, pairs)]
    out = Claims()
    for g in groups:
        add_claim(out, g, minter)
    said_claims = set(out.claims)
    targets = Targets(said, {i: out.claim_of[it.iri] for i, it in enumerate(said)})
    linked: dict[str, Linked] = {}
    denied = link_denials(targets, denials, names, resolution, log=linked)
    for g in denial_groups(denials, denied):
        add_claim(out, g, minter)
    for iri, found in sorted(denied.items()):
        out.denies[iri] = sorted(found)
    out.claims = dict(sorted(out.claims.items()))
    return Worked(
        linked=linked,
        size=targets.size,
        claims=out,
        items=items,
        names=names,
        said_pairs={(said[i].iri, said[j].iri): s for (i, j), s in pairs.items()},
        said_claims=said_claims,
        denial_claims=set(out.claims) - said_claims,
    )


#: How a denial was read, and what it denies: (reading, claim IRIs, whether the corpus's
#: size was read on the way, the stems whose statements its search walked when it named
#: no source). What the incremental state keeps of each denial.
Linked = tuple[Reading, tuple[str, ...], bool, tuple[str, ...] | None]


def link_denials(
    targets: Targets,
    denials: list[Item],
    names: dict[str, dict[str, tuple[str, ...]]],
    resolution: Resolution,
    known: Callable[[Item, Reading], Linked | None] | None = None,
    log: dict[str, Linked] | None = None,
) -> dict[str, tuple[str, ...]]:
    """What each denial denies (denial IRI -> the claim IRIs ``targets`` knows), for the
    denials whose words tell; the rest are left out. ``known`` may tell what a denial
    denies without looking (the incremental state, for a denial nothing it reads has
    changed); ``log`` gets each denial's reading and result."""
    speakers = targets.speakers
    sources = SourceNames(resolution, speakers)
    denied: dict[str, tuple[str, ...]] = {}
    for d in denials:
        named = {**sources.found_in(d.text), **names.get(d.iri, {})}
        reading = read_denial(d, named, speakers)
        kept = known(d, reading) if known is not None else None
        if kept is not None:
            found = kept[1]
            linked: Linked = (reading, found, kept[2], kept[3])
        else:
            targets.read_size, targets.probed = False, None
            found = tuple(targets.link(d, reading))
            probed = None if targets.probed is None else tuple(targets.probed)
            linked = (reading, found, targets.read_size, probed)
        if log is not None:
            log[d.iri] = linked
        if found:
            denied[d.iri] = found
    return denied


def denial_groups(denials: list[Item], denied: dict[str, tuple[str, ...]]) -> list[list[Item]]:
    """The denials (earliest first) grouped into claims: as any statements are, and two by
    one speaker of the same claims are one, two of different claims never."""
    found = [tuple(sorted(denied.get(d.iri, ()))) for d in denials]
    return [[denials[k] for k in g] for g in _groups(denials, found)]


def add_claim(out: Claims, group: list[Item], minter: Minter) -> Claim:
    """The claim of one group of statements (earliest first), put into ``out``."""
    first = group[0]
    iri = claim_iri(minter, first.iri)
    quoted = {it.tokens for it in group if it.direct}
    claim = Claim(
        iri=iri,
        statements=[it.iri for it in group],
        label=first.text,
        appearances=sorted({it.article for it in group}),
        first=first.article,
        variant=len(quoted) > 1,
    )
    out.claims[iri] = claim
    for it in group:
        out.claim_of[it.iri] = iri
    return claim


def _groups(items: list[Item], denied: list[tuple[str, ...]] | None = None) -> list[list[int]]:
    pairs = matches(items)
    if denied is not None:
        # two denials by one speaker of the same claims assert the same thing
        by_target: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
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


__all__ = [
    "ArticleClaims",
    "Claim",
    "Claims",
    "Linked",
    "Said",
    "claim_counts",
    "claim_iri",
    "Worked",
    "add_claim",
    "compute_claims",
    "denial_groups",
    "link_denials",
    "work_claims",
]
