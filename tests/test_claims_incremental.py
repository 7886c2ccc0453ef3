"""Claims kept up to date in steps (kg.claims.state) are the claims computed from scratch.

A build that adds, removes or replaces a few articles redoes only the claims those can
reach; the store it leaves must be byte for byte the store a build of the same articles
from scratch makes. Corpora here are made to give matching something to do: quotations
carried by several outlets (trimmed, a word changed, given to an unnamed source), reports
retold, findings and denials across articles, so that steps join, split and re-link
claims."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import kg.claims.state as state_mod
from kg.claims.text import wordlist
from kg.pipeline import build_records, graph_iri, remove
from kg.rdf.iris import Minter
from kg.store import open_store
from tests.test_claims import TYPES, Rec, S, record

CLAIMS = graph_iri(Minter(), "claims")

WORDS = wordlist(
    "harbour clinic funding tariffs miners shipyard reservoir drought subsidy vaccine "
    "eviction pension bridge railway ferry budget strike contract audit grain fishery "
    "licence forest smelter wages border census lithium copper tunnel canal outbreak "
    "ration curfew levy dam quarry harvest refinery pipeline"
)
PEOPLE = ["Amaka Obi", "Jonas Berg", "Lucia Rojas", "Piet Claes", "Mara Voss"]
ORGS = ["Human Rights Watch", "Coastal Rights Monitor", "Nordvik Mining"]
UNNAMED = ["an official", "a spokesman"]
OUTLETS = ["Harbour Courier", "Valley Gazette", "Tallinn Post"]
DAYS = ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-05", None]


@pytest.fixture(autouse=True)
def _unnamed_types(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in UNNAMED:
        monkeypatch.setitem(TYPES, name, "UnnamedSource")


def _corpus(seed: int, n: int) -> list[Rec]:
    """``n`` articles drawn around a dozen things said, so that most carry one again."""
    rng = random.Random(seed)
    said = [
        (rng.choice(PEOPLE + ORGS), " ".join(rng.sample(sorted(WORDS), rng.randint(8, 13))))
        for _ in range(12)
    ]
    recs = []
    for a in range(n):
        statements = []
        for _ in range(rng.randint(2, 5)):
            speaker, text = rng.choice(said)
            tokens = text.split()
            roll = rng.random()
            if roll < 0.2:
                tokens = tokens[1:]  # trimmed
            elif roll < 0.35:
                tokens[rng.randrange(len(tokens))] = rng.choice(sorted(WORDS))  # a word changed
            if rng.random() < 0.15:
                speaker = rng.choice(UNNAMED)  # given to "an official"
            direct = rng.random() < 0.7
            if speaker in ORGS and rng.random() < 0.5:
                statements.append(S(speaker, " ".join(tokens), kind="Finding", cue="found"))
            else:
                statements.append(S(speaker, " ".join(tokens), direct=direct))
        if rng.random() < 0.4:
            org = rng.choice(ORGS)
            denier = rng.choice(PEOPLE)
            what = rng.choice(
                [
                    f"the report by {org}",
                    f"the findings of {org} on {rng.choice(sorted(WORDS))}",
                    f"reports of {' '.join(rng.sample(sorted(WORDS), 3))}",
                    "the claim",
                ]
            )
            statements.append(S(denier, what, kind="Denial", cue="denied", about=(org,)))
        recs.append(
            Rec(
                f"art-{a:02d}",
                statements,
                date=rng.choice(DAYS),
                publisher=rng.choice(OUTLETS),
            )
        )
    return recs


def _nquads(path: Path) -> list[str]:
    with open_store(str(path), read_only=True) as store:
        return sorted(store.dump("nquads").decode("utf-8").splitlines())


def _scratch(tmp_path: Path, recs: list[Rec], name: str) -> list[str]:
    with open_store(str(tmp_path / name)) as store:
        build_records(store, [record(r) for r in recs])
    return _nquads(tmp_path / name)


@pytest.fixture
def scratch_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many builds computed claims from scratch (the rest went in steps)."""
    calls: list[int] = []
    real = state_mod._from_scratch

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(state_mod, "_from_scratch", counted)
    return calls


def test_steps_with_a_removal_give_the_store_built_from_scratch(
    tmp_path: Path, scratch_calls: list[int]
) -> None:
    recs = _corpus(7, 14)
    path = tmp_path / "steps"
    with open_store(str(path)) as store:
        build_records(store, [record(r) for r in recs[:6]])
        build_records(store, [record(r) for r in recs[6:9]])
        build_records(store, [record(recs[9])])
        remove(store, lambda f: f == "art-03.txt")
        build_records(store, [record(r) for r in recs[10:]])
    assert scratch_calls == [1]  # the first build only
    now = [r for r in recs if r.name != "art-03"]
    got = _nquads(path)
    assert [q for q in got if q.endswith(f"<{CLAIMS}> .")]
    assert got == _scratch(tmp_path, now, "scratch")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_histories_agree_with_scratch_at_every_step(
    tmp_path: Path, seed: int, scratch_calls: list[int]
) -> None:
    """Articles added in random steps, removed and added back, one replaced by a new text
    of its file: after every step, the store is the one made from scratch."""
    rng = random.Random(seed)
    recs = _corpus(100 + seed, 16)
    spare = _corpus(200 + seed, 3)
    held: dict[str, Rec] = {}
    pending = recs[:]
    rng.shuffle(pending)
    path = tmp_path / "steps"
    compared = 0
    for step in range(1, 40):
        if not pending and step > 8:
            break
        roll = rng.random()
        with open_store(str(path)) as store:
            if held and roll < 0.25:
                name = rng.choice(sorted(held))
                remove(store, lambda f, name=name: f == f"{name}.txt")
                pending.append(held.pop(name))
            elif held and roll < 0.35 and spare:
                # a file read again with another text: its article is replaced
                name = rng.choice(sorted(held))
                new = spare.pop()
                new.name = name
                build_records(store, [record(new)])
                held[name] = new
            elif pending:
                batch = [pending.pop() for _ in range(min(len(pending), rng.randint(1, 3)))]
                build_records(store, [record(r) for r in batch])
                held.update({r.name: r for r in batch})
        if step % 3 == 0 or not pending:
            want = _scratch(tmp_path, list(held.values()), f"scratch-{step}")
            compared += 1
            assert _nquads(path) == want, f"step {step}"
    # from scratch: the first step, and each store built to compare with
    assert len(scratch_calls) == 1 + compared


def test_a_lost_state_or_a_pending_write_computes_from_scratch(
    tmp_path: Path, scratch_calls: list[int]
) -> None:
    recs = _corpus(5, 8)
    path = tmp_path / "s"
    with open_store(str(path)) as store:
        build_records(store, [record(r) for r in recs[:5]])
        # the claims state is forgotten (an older newskg's cache): the next build starts over
        from kg.cache import BuildCache

        cache = BuildCache(store.cache_path)
        cache.connection.execute("DELETE FROM claim_meta")
        cache.close()
        build_records(store, [record(recs[5])])
        assert len(scratch_calls) == 2
        build_records(store, [record(r) for r in recs[6:]])
        assert len(scratch_calls) == 2
    assert _nquads(path) == _scratch(tmp_path, recs, "scratch")
