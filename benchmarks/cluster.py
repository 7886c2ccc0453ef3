"""Beyond one machine, measured here: `kg spark` in local[2] against `kg build --jobs 2` on
PolNeAR dev, and the rate at which `kg load` puts shards into Oxigraph, embedded and served
(`oxigraph serve` on loopback, Graph Store Protocol PUTs). Then the projection per 10M
articles on N cores from the measured per-core rate.

    python benchmarks/cluster.py                 # dev; shards copied 20 times for loading
    python benchmarks/cluster.py --copies 50 --price 0.04

Run by hand; results go to benchmarks/RESULTS.md. Both builds start cold (a new store and
cache, a new Spark session), as a user's first run does.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
_ARTICLE = re.compile(r"(https://w3id\.org/newskg/id/article/[0-9a-f]{16})")


def timed(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env={**os.environ, **(env or {})})
    return time.perf_counter() - start


def copies(shards: Path, out: Path, n: int) -> int:
    """``n`` copies of the article shards, each article graph under a new IRI (so each is
    its own graph), plus the corpus shard once: a bigger corpus of the same shape."""
    graphs = 0
    (out / "articles").mkdir(parents=True)
    for k in range(n):
        for shard in sorted((shards / "articles").glob("part-*")):
            text = shard.read_text(encoding="utf-8")
            if k:
                text = _ARTICLE.sub(lambda m, k=k: f"{m.group(1)}{k:04d}", text)
            graphs += len({ln.rsplit(" ", 2)[-2] for ln in text.splitlines() if ln})
            (out / "articles" / f"part-{k:03d}-{shard.name[5:]}").write_text(text, "utf-8")
    (out / "articles" / "_SUCCESS").write_text("")
    (out / "corpus").mkdir()
    for f in (shards / "corpus").iterdir():
        (out / "corpus" / f.name).write_bytes(f.read_bytes())
    return graphs + 1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", type=Path, default=DEV)
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--price", type=float, default=0.04, help="USD per core-hour")
    args = ap.parse_args()
    files = sorted(args.split.glob("*.txt"))
    words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
    kg = [sys.executable, "-m", "kg"]
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        env = {"XDG_CACHE_HOME": str(t / "cache")}
        build = timed([*kg, "build", str(args.split), "--jobs", "2", "--store", str(t / "b")], env)
        spark = timed(
            [*kg, "spark", str(args.split), "--out", str(t / "sh"), "--master", "local[2]"], env
        )
        big = t / "big"
        graphs = copies(t / "sh", big, args.copies)
        emb = timed([*kg, "load", str(big), "--store", str(t / "emb")], env)
        # into a non-empty store: graph by graph, each its own transaction
        again = timed([*kg, "load", str(big), "--store", str(t / "emb")], env)
        binary = Path(sys.executable).parent / "oxigraph"
        srv = subprocess.Popen(
            [str(binary), "serve", "-l", str(t / "srv"), "-b", "127.0.0.1:17979"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(1.5)
            served = timed([*kg, "load", str(big), "--store", "http://127.0.0.1:17979"], env)
        finally:
            srv.terminate()
            srv.wait()
    n = len(files)
    rows = [
        ("`kg build --jobs 2` (cold)", build, n),
        ("`kg spark --master local[2]` (cold, JVM start included)", spark, n),
    ]
    print(f"{n} articles, {words:,} words\n")
    print("| run | wall time | articles/s | words/s | articles/s per core |")
    print("|---|---:|---:|---:|---:|")
    for name, secs, count in rows:
        print(
            f"| {name} | {secs:.1f} s | {count / secs:.2f} | {words / secs:,.0f} "
            f"| {count / secs / 2:.2f} |"
        )
    print(f"\n{graphs:,} graphs ({args.copies} copies of the dev shards) loaded:\n")
    print("| target | wall time | graphs/s |")
    print("|---|---:|---:|")
    for name, secs in (
        ("embedded, empty (bulk loader)", emb),
        ("embedded, holding them (graph by graph)", again),
        ("`oxigraph serve` on loopback (GSP PUT per graph)", served),
    ):
        print(f"| {name} | {secs:.1f} s | {graphs / secs:,.0f} |")
    per_core = n / spark / 2
    print(f"\nPer core (Spark local[2]): {per_core:.2f} articles/s; 10M articles:\n")
    print(f"| cores | hours | core-hours | cost at ${args.price:.2f}/core-hour |")
    print("|---:|---:|---:|---:|")
    core_hours = 10_000_000 / per_core / 3600
    for cores in (16, 100, 400, 1000):
        print(
            f"| {cores} | {core_hours / cores:,.1f} | {core_hours:,.0f} "
            f"| ${core_hours * args.price:,.0f} |"
        )


if __name__ == "__main__":
    main()
