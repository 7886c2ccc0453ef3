"""A resolved entity before it is written: its members, names and IRI (a *candidate*).

Blocks (:mod:`kg.resolve.blocks`) produce candidates; a candidate's IRI comes from the
identity key of its label, and two candidates of one block that want one IRI are told
apart by rank (:func:`assign_iris`). Candidates are plain data, so a block's outcome can be
kept as JSON and read back.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kg.rdf.iris import Minter
from kg.resolve.aliases import AliasRule
from kg.resolve.groups import Group
from kg.resolve.local import Local
from kg.resolve.names import best_label, identity_key
from kg.resolve.people import PersonCluster


@dataclass
class Candidate:
    type: str
    label: str
    members: list[Local]
    titles: set[str]
    names: set[str]
    forced: bool
    scoped: str | None
    rule: AliasRule | None = None
    key: str = ""  # the identity key of the label, the IRI's stem
    local_iri: str = ""  # the IRI its block gives it
    iri: str = ""  # the IRI it has in the corpus (the block's, unless another block's wins)
    # what placing given names alone reads of it, kept once computed (see kg.resolve.corpus)
    givens: frozenset[str] | None = field(default=None, compare=False, repr=False)
    evidence: object | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.key:
            self.key = identity_key(self.type, self.label)

    @property
    def mentions(self) -> int:
        return sum(m.mentions for m in self.members)

    def stem(self) -> str:
        """What the IRI is made from: the key, and for a name left to its article, the
        article's hash."""
        return f"{self.key} {self.scoped[:8]}" if self.scoped else self.key

    def to_json(self) -> list:
        rule = self.rule
        return [
            self.type,
            self.label,
            [list(m.id) for m in self.members],
            sorted(self.titles),
            sorted(self.names),
            self.forced,
            self.scoped,
            [rule.alias, rule.canonical, rule.type] if rule else None,
            self.key,
            self.local_iri,
        ]

    @classmethod
    def from_json(cls, data: list, by_id: dict[tuple[str, str], Local]) -> Candidate:
        type_, label, ids, titles, names, forced, scoped, rule, key, local_iri = data
        return cls(
            type=type_,
            label=label,
            members=[by_id[(a, k)] for a, k in ids],
            titles=set(titles),
            names=set(names),
            forced=forced,
            scoped=scoped,
            rule=AliasRule(*rule) if rule else None,
            key=key,
            local_iri=local_iri,
        )

    def rank(self) -> tuple:
        """Who keeps a contested IRI: a user's rule, then a corpus-wide entity, then the
        most named, then by label and first member."""
        first = min((m.id for m in self.members), default=("", ""))
        return (not self.forced, self.scoped is not None, -self.mentions, self.label, first)


def votes(members: list[Local]) -> dict[str, int]:
    """How many articles call the entity by each name as their own canonical name."""
    out: dict[str, int] = defaultdict(int)
    for m in members:
        out[m.name] += 1
    return out


def person_candidate(c: PersonCluster) -> Candidate:
    rule = c.forced
    label = rule.canonical if rule else best_label("Person", c.names, votes(c.members))
    return Candidate(
        type=rule.type if rule else "Person",
        label=label,
        members=c.members,
        titles=set(c.titles),
        names=set(c.names),
        forced=rule is not None,
        scoped=c.scoped,
        rule=rule,
    )


def group_candidate(g: Group) -> Candidate:
    rule = g.forced
    if rule:
        type_ = rule.type
    elif any(m.type == "NewsOrganization" for m in g.members):
        type_ = "NewsOrganization"
    else:
        type_ = "Organization" if g.family == "Organization" else "Place"
    return Candidate(
        type=type_,
        label=rule.canonical if rule else best_label(type_, g.names, votes(g.members)),
        members=g.members,
        titles={t for m in g.members for t in m.titles},
        names=set(g.names),
        forced=rule is not None,
        scoped=None,
        rule=rule,
    )


def assign_iris(candidates: list[Candidate], minter: Minter) -> None:
    """A block's IRIs (``local_iri``), from identity keys: a contested IRI goes to the best
    ranked; the others get their full label's slug, and failing that a number."""
    wanted: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        wanted[minter.entity(c.type, c.stem())].append(c)
    taken = set(wanted)
    for iri in sorted(wanted):
        contenders = sorted(wanted[iri], key=Candidate.rank)
        contenders[0].local_iri = iri
        for c in contenders[1:]:
            c.local_iri = _alternative(c, minter, taken)


def settle_iris(candidates: list[Candidate], minter: Minter) -> None:
    """The corpus-wide IRIs: each candidate keeps its block's IRI unless one of another
    block wants the same, when the best ranked keeps it and the others get another. (Blocks
    are built so that this almost never happens; it is decided by rank, so the result does
    not depend on which block was resolved first.)"""
    wanted: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        wanted[c.local_iri].append(c)
    taken = set(wanted)
    for iri, contenders in wanted.items():
        if len(contenders) == 1:
            contenders[0].iri = iri
    for iri in sorted(i for i, cs in wanted.items() if len(cs) > 1):
        contenders = sorted(wanted[iri], key=Candidate.rank)
        contenders[0].iri = iri
        for c in contenders[1:]:
            c.iri = _alternative(c, minter, taken)


def _alternative(c: Candidate, minter: Minter, taken: set[str]) -> str:
    alt = minter.entity(c.type, c.label if not c.scoped else f"{c.label} {c.scoped[:8]}")
    n = 1
    while alt in taken:
        n += 1
        alt = minter.entity(c.type, f"{c.key} {n}")
    taken.add(alt)
    return alt


__all__ = [
    "Candidate",
    "assign_iris",
    "group_candidate",
    "person_candidate",
    "settle_iris",
    "votes",
]
