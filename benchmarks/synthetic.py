"""A synthetic news corpus for benchmarks: articles whose entities recur across the corpus
(a few often, most rarely, as in news), made as extraction records and stored through
phase 2 of the build (no spaCy), so a store of any size is quick to make.

    from benchmarks.synthetic import synthetic_store
    entities, statements = synthetic_store("kg-bench/synthetic-store", target_nodes=10_000)
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.model import Article, Entity, Extraction, Span, Statement  # noqa: E402
from kg.pipeline import build_records  # noqa: E402
from kg.store import open_store  # noqa: E402

ENTITY_MIX = [("Person", 0.45), ("Organization", 0.25), ("Place", 0.2), ("NewsOrganization", 0.1)]
CUES = {"Statement": "said", "Finding": "reported", "Denial": "denied"}
WORDS = [
    *[
        "government",
        "ministry",
        "report",
        "water",
        "price",
        "border",
        "talks",
        "evidence",
        "budget",
        "election",
        "court",
    ],
    *[
        "police",
        "village",
        "strike",
        "hospital",
        "school",
        "contract",
        "inquiry",
        "shortage",
        "ceasefire",
        "protest",
    ],
]


def synthetic_store(path: str, target_nodes: int, seed: int = 7) -> tuple[int, int]:
    """Fill a store with articles whose entities recur across the corpus (a few often, most
    rarely, as in news) until entities + statements reach ``target_nodes``.
    Returns (entities, statements)."""
    rng = random.Random(seed)
    pool_size = int(target_nodes * 0.38)
    pool = []
    types = [t for t, _ in ENTITY_MIX]
    shares = [w for _, w in ENTITY_MIX]
    for i in range(pool_size):
        etype = rng.choices(types, weights=shares)[0]
        pool.append((etype, f"{etype} {i:05d} {rng.choice(WORDS).title()}"))
    weights = [1.0 / (i + 1) ** 0.8 for i in range(pool_size)]  # Zipf-like recurrence
    seen: set[str] = set()
    statements = 0
    n = 0
    records = []
    while len(seen) + n + statements < target_nodes:  # + one unnamed source per article
        n += 1
        picked = {pool[i] for i in rng.choices(range(pool_size), weights=weights, k=10)}
        picked |= {pool[rng.randrange(pool_size)] for _ in range(4)}  # rare ones too
        ex, count = _article(rng, n, sorted(picked))
        records.append(ex)
        statements += count
        seen.update(name for _, name in picked)
    with open_store(path) as store:
        build_records(store, records)
    return len(seen) + n, statements


def _article(rng: random.Random, n: int, picked: list[tuple[str, str]]) -> tuple[Extraction, int]:
    entities = [
        Entity(key=f"e{i}", type=t, name=name, mentions=[Span(0, 1)])  # type: ignore[arg-type]
        for i, (t, name) in enumerate(picked)
    ]
    entities.append(Entity(key="u", type="UnnamedSource", name="an official", mentions=[]))
    speakers = [e for e in entities if e.type in ("Person", "Organization", "UnnamedSource")]
    others = [e for e in entities if e not in speakers or e.type == "Organization"]
    parts: list[str] = [f"Synthetic article {n}\n\n"]
    statements = []
    for _ in range(rng.randint(10, 20)):
        kind = rng.choices(["Statement", "Finding", "Denial"], weights=[8, 1, 1])[0]
        speaker = rng.choice(speakers)
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 22)))
        start = sum(len(p) for p in parts)
        parts.append(text + f", {speaker.name} {CUES[kind]}. ")
        about = [e.key for e in rng.sample(others, k=min(len(others), rng.randint(0, 2)))]
        statements.append(
            Statement(
                kind=kind,  # type: ignore[arg-type]
                speaker=speaker.key,
                content=[Span(start, start + len(text))],
                text=text,
                cue=CUES[kind],
                direct=rng.random() < 0.5,
                about=[k for k in about if k != speaker.key],
            )
        )
    day = f"2016-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    article = Article(
        text="".join(parts),
        source_file=f"synthetic/{n:04d}.txt",
        title=f"Synthetic article {n}",
        date=day,
        url=f"https://news.example.org/{n}",
    )
    return Extraction(article, entities, statements), len(statements)
