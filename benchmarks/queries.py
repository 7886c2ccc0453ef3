"""How fast the canned queries answer, in process, on a real store and a synthetic one.

Each canned query (ontology/queries/*.rq) runs ``--repeat`` times through the same code
`kg query --name` uses (:meth:`kg.sparql.CannedQuery.run` on an open store, parameters
normalised and bound), reading every row; p50 and p95 are reported. A query with a
``name`` parameter is asked about the store's most mentioned person (or organisation, for
findings-by) and about a typical speaker.

    python benchmarks/queries.py --store kg-bench/polnear-train-store
    python benchmarks/queries.py --store kg-bench/polnear-train-store --before main
    python benchmarks/queries.py --store kg-bench/polnear-train-store --limit 100
    python benchmarks/queries.py --store kg-bench/polnear-train-store --only statements,entities
    python benchmarks/queries.py --synthetic 1000000      # a store of about 1M triples
    python benchmarks/queries.py --synthetic 1000000 --keep kg-bench/synthetic-store

``--before REF`` also runs the queries as the commit REF had them (its .rq texts, run
plainly by the store), alternating with the current code in the same loop, so that a
busy machine slows both alike; the two answers are checked to be the same rows in the
same order. ``--limit N`` times the first page (``kg query --name ... --limit N``).
``--keep PATH`` keeps the synthetic store at PATH (and reuses it when it is there).

Target (issue 9): p50 < 50 ms for each canned query, on the PolNeAR train store and on a
synthetic store of about 1M triples. Run by hand; results go to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
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


def before_texts(ref: str) -> dict[str, str]:
    """The canned queries' texts at commit ``ref``."""
    listing = subprocess.run(
        ["git", "-C", str(ROOT), "ls-tree", "--name-only", ref, "ontology/queries/"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    out = {}
    for path in listing:
        if path.endswith(".rq"):
            show = ["git", "-C", str(ROOT), "show", f"{ref}:{path}"]
            out[Path(path).stem] = subprocess.run(
                show, check=True, capture_output=True, text=True
            ).stdout
    return out


def _p(times: list[float], share: float) -> float:
    times = sorted(times)
    return times[min(len(times) - 1, int(len(times) * share))]


def measure(
    store_path: str,
    repeat: int,
    *,
    before: str | None = None,
    limit: int | None = None,
    only: set[str] | None = None,
) -> None:
    old = before_texts(before) if before else {}
    with open_store(store_path, read_only=True) as store:
        triples = store.select(COUNT)[0]["n"]
        top = store.select(TOP % "Person")[0]["label"]
        org = store.select(TOP % "Organization")[0]["label"]
        speakers = store.select(SPEAKERS)
        typical = speakers[len(speakers) // 2]["label"]
        print(
            f"store {store_path}: {int(triples or 0):,} triples; names asked: the most "
            f"mentioned person {top!r} and a typical speaker {typical!r}"
            + (f"; first page of {limit} rows" if limit else "")
        )
        for name, q in sparql.canned_queries().items():
            if only and name not in only:
                continue
            asks = [top, typical] if q.params else [None]
            for who in asks:
                value = org if name == "findings-by" and who == top else who
                params = q.prepare({p: value for p in q.params})
                times: list[float] = []
                then: list[float] = []
                rows = 0
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    result = q.run(store, params, limit=limit)
                    rows = len(result.bindings) if isinstance(result, Rows) else 1
                    times.append((time.perf_counter() - t0) * 1000)
                    if name in old:
                        t0 = time.perf_counter()
                        was = sparql.page(sparql.run(store, old[name], params), limit)
                        then.append((time.perf_counter() - t0) * 1000)
                        if isinstance(was, Rows) and isinstance(result, Rows):
                            assert was.variables == result.variables, name
                            assert was.bindings == result.bindings, f"{name}: answers differ"
                label = name if who is None else f"{name} ({'top' if who == top else 'typical'})"
                line = (
                    f"  {label:<30} p50 {statistics.median(times):7.1f} ms  "
                    f"p95 {_p(times, 0.95):7.1f} ms  {rows:>6} rows"
                )
                if then:
                    line += f"   before: p50 {statistics.median(then):7.1f} ms  same answer"
                print(line, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--store", help="an existing store to measure")
    ap.add_argument("--synthetic", type=int, metavar="TRIPLES", help="make a synthetic store")
    ap.add_argument("--keep", metavar="PATH", help="keep (or reuse) the synthetic store here")
    ap.add_argument("--repeat", type=int, default=21)
    ap.add_argument("--before", metavar="REF", help="also run the queries of commit REF")
    ap.add_argument("--limit", type=int, metavar="N", help="time the first N rows")
    ap.add_argument("--only", metavar="NAMES", help="these canned queries (comma-separated)")
    args = ap.parse_args()
    only = set(args.only.split(",")) if args.only else None
    kw = {"before": args.before, "limit": args.limit, "only": only}
    if args.store:
        measure(args.store, args.repeat, **kw)
    if args.synthetic:
        with tempfile.TemporaryDirectory(prefix="kg-queries-") as tmp:
            path = args.keep or str(Path(tmp) / "store")
            if not (Path(path) / "CURRENT").exists():
                t0 = time.perf_counter()
                # about 11.5 triples per entity-or-statement node in the synthetic corpus
                ents, stmts = synthetic_store(path, target_nodes=int(args.synthetic / 11.5))
                took = time.perf_counter() - t0
                print(f"synthetic: {ents} entities, {stmts} statements, made in {took:.0f} s")
            measure(path, args.repeat, **kw)
    if not (args.store or args.synthetic):
        ap.error("give --store PATH and/or --synthetic TRIPLES")


if __name__ == "__main__":
    main()
