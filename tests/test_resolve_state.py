"""The corpus resolution kept between builds (kg.resolve.state) changes nothing.

A build reads the resolution the last one kept instead of making it again from the
records; the store it leaves must be byte for byte the store a build of the same articles
from scratch makes, after any history (articles added, removed, replaced by a new text,
alias rules given, `kg resolve`), and a kept state that is stale or damaged must be
noticed and not used. Corpora here are made to give resolution something to do: people
who share a surname, a given name alone, title forms, organisations and outlets.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.cache import BuildCache
from kg.pipeline import build_records, remove, resolve
from kg.resolve.aliases import AliasRule
from kg.resolve.state import FORMAT, ResolutionState
from kg.store import open_store
from tests.test_claims import Rec, S, record

PEOPLE = [
    "Hillary Clinton",
    "Bill Clinton",
    "Clinton",
    "Mrs. Clinton",
    "Hillary",
    "Chelsea Clinton",
    "Amaka Obi",
    "Obi",
    "Amaka",
    "Jonas Berg",
    "Berg",
    "Lucia Rojas",
    "Rojas",
    "Piet Claes",
]
ORGS = ["Human Rights Watch", "Coastal Rights Monitor", "Nordvik Mining", "Kremlin"]
OUTLETS = ["Harbour Courier", "Valley Gazette", "Tallinn Post"]
WORDS = [
    "harbour",
    "clinic",
    "funding",
    "tariffs",
    "miners",
    "shipyard",
    "reservoir",
    "drought",
    "subsidy",
    "vaccine",
    "eviction",
    "pension",
    "bridge",
    "railway",
    "ferry",
    "budget",
    "strike",
    "contract",
    "audit",
    "grain",
]


def _corpus(seed: int, n: int, prefix: str = "art") -> list[Rec]:
    rng = random.Random(seed)
    recs = []
    for a in range(n):
        statements = []
        for _ in range(rng.randint(1, 4)):
            speaker = rng.choice(PEOPLE + ORGS)
            about = (rng.choice(ORGS),) if rng.random() < 0.3 else ()
            text = " ".join(rng.sample(WORDS, 6))
            if about:
                text += f" about {about[0]}"
            statements.append(S(speaker, text, about=about))
        recs.append(Rec(f"{prefix}-{a:02d}", statements, publisher=rng.choice(OUTLETS)))
    return recs


def _nquads(path: Path) -> list[str]:
    with open_store(str(path), read_only=True) as store:
        return sorted(store.dump("nquads").decode("utf-8").splitlines())


def _scratch(tmp_path: Path, recs: list[Rec], name: str, rules=()) -> list[str]:
    with open_store(str(tmp_path / name)) as store:
        build_records(store, [record(r) for r in recs], aliases=list(rules))
    return _nquads(tmp_path / name)


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each build could read a kept resolution (True) or made it anew."""
    seen: list[bool] = []
    real = ResolutionState.load

    def load(self, *args, **kwargs):
        out = real(self, *args, **kwargs)
        seen.append(out is not None)
        return out

    monkeypatch.setattr(ResolutionState, "load", load)
    return seen


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_random_histories_agree_with_scratch_at_every_step(
    tmp_path: Path, seed: int, loads: list[bool]
) -> None:
    """Articles added in random steps, removed and added back, one replaced by a new text
    of its file, an alias rule given, `kg resolve`: after every step, the store is the one
    made from scratch, and every step but the first read the kept resolution."""
    rng = random.Random(seed)
    recs = _corpus(100 + seed, 18)
    spare = _corpus(200 + seed, 3, prefix="spare")
    held: dict[str, Rec] = {}
    pending = recs[:]
    rng.shuffle(pending)
    rules: list[AliasRule] = []
    path = tmp_path / "steps"
    for step in range(1, 30):
        if not pending and step > 10:
            break
        roll = rng.random()
        with open_store(str(path)) as store:
            if held and roll < 0.2:
                name = rng.choice(sorted(held))
                remove(store, lambda f, name=name: f == f"{name}.txt")
                pending.append(held.pop(name))
            elif held and roll < 0.3 and spare:
                name = rng.choice(sorted(held))
                new = spare.pop()
                new.name = name
                build_records(store, [record(new)])
                held[name] = new
            elif held and roll < 0.35 and not rules:
                rules = [AliasRule("Obi", "Amaka Obi", "Person")]
                build_records(store, [], aliases=rules)
            elif held and roll < 0.4:
                resolve(store)
            elif pending:
                batch = [pending.pop() for _ in range(min(len(pending), rng.randint(1, 3)))]
                build_records(store, [record(r) for r in batch])
                held.update({r.name: r for r in batch})
        if step % 3 == 0 or not pending:
            want = _scratch(tmp_path, list(held.values()), f"scratch-{step}", rules)
            assert _nquads(path) == want, f"step {seed}/{step}"
    # the steps read what the step before kept (each scratch build, and each step's first
    # build or one after a rule came, made it anew)
    assert sum(loads) >= 5


def _tamper(path: Path, sql: str) -> None:
    cache = BuildCache(path / "newskg" / "cache.sqlite")
    try:
        cache.connection.execute(sql)
    finally:
        cache.close()


@pytest.mark.parametrize(
    "damage",
    [
        # a description changed behind the checksum's back
        "UPDATE resolution_entities SET data = replace(data, 'Clinton', 'Clintom')",
        # a block's members lost
        "DELETE FROM resolution_blocks WHERE rowid IN (SELECT rowid FROM resolution_blocks"
        " LIMIT 1)",
        # made by another version of the resolver
        f"UPDATE resolution_meta SET value = replace(value, '[\"{FORMAT}\"', '[\"0\"')"
        " WHERE name = 'stamp'",
        # an older newskg's cache: no state at all
        "DELETE FROM resolution_meta",
    ],
)
def test_a_stale_or_damaged_state_is_not_used(
    tmp_path: Path, damage: str, loads: list[bool]
) -> None:
    recs = _corpus(9, 10)
    path = tmp_path / "s"
    with open_store(str(path)) as store:
        build_records(store, [record(r) for r in recs[:6]])
        build_records(store, [record(recs[6])])
    assert loads == [False, True]
    _tamper(path, damage)
    with open_store(str(path)) as store:
        build_records(store, [record(recs[7])])
        build_records(store, [record(r) for r in recs[8:]])
    assert loads[2:] == [False, True]  # made anew from the records, then kept again
    assert _nquads(path) == _scratch(tmp_path, recs, "scratch")


def test_kg_resolve_makes_the_resolution_from_the_records(
    tmp_path: Path, loads: list[bool]
) -> None:
    recs = _corpus(11, 6)
    path = tmp_path / "s"
    with open_store(str(path)) as store:
        build_records(store, [record(r) for r in recs])
        before = len(loads)
        resolve(store)
        assert len(loads) == before  # not read: made from the records
        build_records(store, [])
        assert loads[-1] is True  # and kept for the next build
    assert _nquads(path) == _scratch(tmp_path, recs, "scratch")
