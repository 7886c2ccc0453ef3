"""How fast the canned queries answer, in process, on a real store and a synthetic one.

Each canned query (ontology/queries/*.rq) runs ``--repeat`` times through the same code
`kg query --name` uses (kg.sparql.run on an open store, parameters normalised and bound),
reading every row; p50 and p95 are reported. A query with a ``name`` parameter is asked
about the store's most mentioned person (or organisation, for findings-by).

    python benchmarks/queries.py --store kg-bench/polnear-train-store
    python benchmarks/queries.py --synthetic 1000000      # a store of about 1M triples

Target (issue 9): p50 < 50 ms for each canned query, on the PolNeAR train store and on a
synthetic store of about 1M triples. Run by hand; results go to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import synthetic_store  # noqa: E402
from kg import sparql  # noqa: E402
from kg.store import open_store  # noqa: E402
from kg.store.base import Rows  # noqa: E402

TOP = """
SELECT ?label WHERE { ?e a kg:%s ; rdfs:label ?label ; kg:mentionCount ?n }
ORDER BY DESC(?n) LIMIT 1"""
#: a typical speaker: the median of the people who say something, by statements
SPEAKERS = """
SELECT ?label (COUNT(?s) AS ?n) WHERE { ?e a kg:Person ; rdfs:label ?label . ?s kg:speaker ?e }
GROUP BY ?label ORDER BY DESC(?n) ?label"""
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def measure(store_path: str, repeat: int) -> None:
    with open_store(store_path, read_only=True) as store:
        triples = store.select(COUNT)[0]["n"]
        top = store.select(TOP % "Person")[0]["label"]
        org = store.select(TOP % "Organization")[0]["label"]
        speakers = store.select(SPEAKERS)
        typical = speakers[len(speakers) // 2]["label"]
        print(
            f"store {store_path}: {int(triples or 0):,} triples; names asked: the most "
            f"mentioned person {top!r} and a typical speaker {typical!r}"
        )
        for name, q in sparql.canned_queries().items():
            asks = [top, typical] if q.params else [None]
            for who in asks:
                value = org if name == "findings-by" and who == top else who
                params = q.prepare({p: value for p in q.params})
                times, rows = [], 0
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    result = sparql.run(store, q.text, params)
                    rows = len(result.bindings) if isinstance(result, Rows) else 1
                    times.append((time.perf_counter() - t0) * 1000)
                times.sort()
                p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
                label = name if who is None else f"{name} ({'top' if who == top else 'typical'})"
                print(
                    f"  {label:<30} p50 {statistics.median(times):7.1f} ms  "
                    f"p95 {p95:7.1f} ms  {rows:>6} rows"
                )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--store", help="an existing store to measure")
    ap.add_argument("--synthetic", type=int, metavar="TRIPLES", help="make a synthetic store")
    ap.add_argument("--repeat", type=int, default=21)
    args = ap.parse_args()
    if args.store:
        measure(args.store, args.repeat)
    if args.synthetic:
        with tempfile.TemporaryDirectory(prefix="kg-queries-") as tmp:
            path = str(Path(tmp) / "store")
            t0 = time.perf_counter()
            # about 11.5 triples per entity-or-statement node in the synthetic corpus
            ents, stmts = synthetic_store(path, target_nodes=int(args.synthetic / 11.5))
            took = time.perf_counter() - t0
            print(f"synthetic: {ents} entities, {stmts} statements, made in {took:.0f} s")
            measure(path, args.repeat)
    if not (args.store or args.synthetic):
        ap.error("give --store PATH and/or --synthetic TRIPLES")


if __name__ == "__main__":
    main()
