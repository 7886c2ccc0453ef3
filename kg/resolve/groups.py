"""Organisations and places across a corpus: one entity per name key.

Two article entities of one family (organisations, news organisations included; places)
are one real-world entity when any of their names share a key: the slug of the name's
identity key, so "the DNC", "Democratic National Committee" and "DNC" meet at the
gazetteer's canonical name, and "Hewlett-Packard" meets "Hewlett Packard". The groups are
the connected components of entities linked by shared keys, which no input order can
change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kg.rdf.iris import slug
from kg.resolve.local import Local
from kg.resolve.names import identity_key


@dataclass
class Group:
    """An organisation or place as resolution builds it."""

    family: str
    members: list[Local] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    forced: object | None = None  # the AliasRule whose canonical name it carries, if any


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        while self.parent[x] != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller key becomes the root: the outcome does not depend on call order
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def name_key_of(family: str, name: str) -> str:
    """The key one name reaches."""
    return slug(identity_key(family, name))


def group_by_keys(
    family: str,
    items: list[Local],
    forced: list[Group] = (),
    key: Callable[[str], str] | None = None,
) -> list[Group]:
    """Connected components of ``items`` (and ``forced`` groups from alias rules, which
    bring their canonical name and pull in every item sharing a key with it). ``key``
    gives a name's key (default :func:`name_key_of`; a caller may remember them)."""
    key = key or (lambda n: name_key_of(family, n))
    uf = _UnionFind()
    keyed: list[tuple[list[str], Local | Group]] = []
    for thing in [*forced, *items]:
        keys = sorted({key(n) for n in thing.names})
        for k in keys[1:]:
            uf.union(keys[0], k)
        keyed.append((keys, thing))
    groups: dict[str, Group] = {}
    for keys, thing in keyed:
        root = uf.find(keys[0])
        group = groups.setdefault(root, Group(family))
        if isinstance(thing, Group):
            group.forced = group.forced or thing.forced
            group.names |= thing.names
            group.members += thing.members
        else:
            group.members.append(thing)
            group.names |= thing.names
    return [groups[k] for k in sorted(groups)]


__all__ = ["Group", "group_by_keys", "name_key_of"]
