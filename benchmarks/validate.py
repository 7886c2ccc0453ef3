"""How long `kg validate` takes on a store of ~100,000 triples, timed as a user runs it.

Writes 2,000 small synthetic articles (a headline and one or two short paragraphs with a
statement each, speakers drawn from a pool so that entities recur across articles), builds
them with the normal `kg build` once, then times `kg validate` as a whole process (start-up,
reading the store, every check) a few times.

    python benchmarks/validate.py              # builds its store once, in the temporary folder
    python benchmarks/validate.py --store DIR --runs 3 --articles 2000

Run by hand; results go to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST = [
    "Amara",
    "Bruno",
    "Celia",
    "Dmitri",
    "Elena",
    "Farid",
    "Greta",
    "Hugo",
    "Ines",
    "Jonas",
    "Keiko",
    "Luca",
    "Maren",
    "Nadia",
]
LAST = [
    "Abara",
    "Berg",
    "Castell",
    "Duarte",
    "Eklund",
    "Fonseca",
    "Gallo",
    "Haddad",
    "Ibsen",
    "Jansen",
    "Kowal",
    "Lind",
]
TITLES = ("Mayor", "Senator", "spokeswoman", "union leader", "minister", "director")
ORGS = ("the port authority", "the transport ministry", "the city council", "the rail union")
TOPICS = ("the bridge", "the new tram line", "the harbour dredging", "the school budget")
VERBS = ("said", "added", "insisted", "warned")


def article(rng: random.Random, n: int) -> str:
    """One small article: a headline and two short paragraphs, with one or two statements."""
    topic = rng.choice(TOPICS)
    people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(2)]
    org = rng.choice(ORGS)
    paragraphs = [
        f"Council report {n} on {topic}",
        f"Officials from {org} met on Monday. \u201cWe will not delay {topic} again,\u201d "
        f"{rng.choice(VERBS)} {rng.choice(TITLES)} {people[0]}.",
    ]
    if rng.random() < 0.9:
        paragraphs.append(f"{people[1]} said the costs had doubled since the spring.")
    return "\n\n".join(paragraphs) + "\n"


def write_articles(folder: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"a{n:05d}.txt").write_text(article(rng, n), encoding="utf-8")


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", default=str(Path(tempfile.gettempdir()) / "kg-bench-validate"))
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    store = Path(args.store)
    if not (store / "CURRENT").exists():
        texts = store.with_name(store.name + "-articles")
        write_articles(texts, args.articles)
        began = time.perf_counter()
        built = kg("build", str(texts), "--store", str(store))
        if built.returncode != 0:
            sys.exit(f"build failed:\n{built.stdout}\n{built.stderr}")
        print(f"built {args.articles} articles in {time.perf_counter() - began:.0f} s")
        print(built.stdout.strip())
    times = []
    for _ in range(args.runs):
        began = time.perf_counter()
        res = kg("validate", "--store", str(store))
        times.append(time.perf_counter() - began)
        print(f"kg validate: {times[-1]:.1f} s, exit {res.returncode}: {res.stdout.strip()[:200]}")
        if res.returncode != 0:
            print(res.stderr.strip()[:2000])
    print(f"best {min(times):.1f} s, median {sorted(times)[len(times) // 2]:.1f} s")


if __name__ == "__main__":
    main()
