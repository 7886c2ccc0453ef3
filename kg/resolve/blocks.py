"""Independent blocks of resolution, and a memo of each block's outcome.

Why: phase 2 resolves the whole corpus on every build, but one new article touches only a
few entities. Resolution never compares two people who share no surname (nor, for a
person named by a given name alone, no given name), and never two organisations or places
that share no name key; so the corpus falls apart into *blocks* that are resolved
independently, and resolving a block alone gives exactly what resolving it among all the
others gives. A block's outcome is kept under a digest of its members (and of the resolver's
code); a build recomputes only the blocks whose members changed, and the rest is read back.

Nothing here changes any outcome: with or without a memo, the same records give the same
resolution.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg.extract.names import fold
from kg.resolve.groups import Group, _UnionFind
from kg.resolve.local import Local
from kg.resolve.names import person_forms


@lru_cache(maxsize=1)
def resolver_version() -> str:
    """A digest of the code a block's outcome depends on."""
    root = Path(__file__).parents[1]
    files = sorted((root / "resolve").glob("*.py")) + [
        root / "extract" / "names.py",
        root / "extract" / "gazetteer.py",
        root / "extract" / "lexicon.py",
        root / "rdf" / "iris.py",
    ]
    h = hashlib.sha256()
    for f in files:
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


@dataclass
class Memo:
    """Outcomes of blocks by digest, and organisation/place name keys by (family, name):
    what a build reads back instead of computing again. ``used`` and the ``new_*`` maps
    tell the caller what to keep."""

    blocks: dict[str, Any] = field(default_factory=dict)
    keys: dict[tuple[str, str], str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    new_blocks: dict[str, Any] = field(default_factory=dict)
    new_keys: dict[tuple[str, str], str] = field(default_factory=dict)

    def key(self, family: str, name: str, compute: Callable[[str, str], str]) -> str:
        hit = self.keys.get((family, name))
        if hit is None:
            hit = self.keys[(family, name)] = self.new_keys[(family, name)] = compute(family, name)
        return hit


@lru_cache(maxsize=1 << 20)
def item_text(it: Local) -> str:
    """A member as the digest reads it (kept: a build digests every stored member)."""
    return "\x1f".join(
        (
            it.article,
            it.key,
            it.type,
            it.name,
            "\x1e".join(sorted(it.names)),
            "\x1e".join(sorted(it.titles)),
            str(it.mentions),
            "\x1e".join(it.affiliations),
            it.gender or "",
        )
    )


def digest(family: str, items: Iterable[Local], forced: Iterable[object]) -> str:
    """The digest of a block: its family, its members, the rules forcing it, the code."""
    h = hashlib.sha256(f"{resolver_version()}\x1d{family}".encode())
    for it in sorted(items):
        h.update(b"\x1d")
        h.update(item_text(it).encode("utf-8", "surrogatepass"))
    for rule in sorted(repr(getattr(f, "forced", f)) for f in forced):
        h.update(b"\x1c")
        h.update(rule.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


def person_blocks(items: list[Local], forced: list[Any]) -> list[tuple[list[Local], list[Any]]]:
    """People (and forced person clusters) linked by any shared surname. (A person named
    by a given name alone is placed after the blocks are resolved.)"""
    uf = _UnionFind()
    things: list[tuple[list[str], Local | Any]] = []
    for thing in [*forced, *items]:
        toks = sorted({fold(p.surname) for p in person_forms(frozenset(thing.names))})
        toks = toks or [f"x:{id(thing)}"]
        for t in toks[1:]:
            uf.union(toks[0], t)
        things.append((toks, thing))
    return _collect(uf, things)


def group_blocks(
    family: str, items: list[Local], forced: list[Group], key: Callable[[str], str]
) -> list[tuple[list[Local], list[Group]]]:
    """Organisations or places (and forced groups) linked by a shared name key."""
    uf = _UnionFind()
    things: list[tuple[list[str], Local | Group]] = []
    for thing in [*forced, *items]:
        keys = sorted({key(n) for n in thing.names})
        for k in keys[1:]:
            uf.union(keys[0], k)
        things.append((keys, thing))
    return _collect(uf, things)


def _collect(uf: _UnionFind, things: list[tuple[list[str], Any]]) -> list[tuple[list, list]]:
    blocks: dict[str, tuple[list, list]] = {}
    for toks, thing in things:
        members, forced = blocks.setdefault(uf.find(toks[0]), ([], []))
        (members if isinstance(thing, Local) else forced).append(thing)
    return [blocks[k] for k in sorted(blocks)]


__all__ = ["Memo", "digest", "group_blocks", "person_blocks", "resolver_version"]
