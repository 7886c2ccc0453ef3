"""How fast `kg viz` writes its page and how fast headless Chromium draws it.

Two workloads:

* a synthetic store of about 10,000 entity and statement nodes, written straight through
  phase 2 of the build (benchmarks/synthetic.py: records made up, no spaCy), drawn
  both whole (``--max-nodes`` above the node count) and as the default 300-node view;
* optionally a real store, e.g. the PolNeAR train split built once beforehand with
  ``kg build ../shared/data/polnear/train/text --store kg-bench/polnear-train-store``.

For each page it reports: the wall time of the `kg viz` command (a fresh process, as a user
runs it: imports, reading the store, selection, layout, writing), the time from navigation
start to vis-network's first drawing (``window.kgDrawnAt``), the longest main-thread task
(a PerformanceObserver for 'longtask' entries, injected before the page loads), and every
http(s)/ws(s) request the page attempted (all are blocked and counted; the target is 0).

    python benchmarks/viz.py                                   # synthetic only
    python benchmarks/viz.py --store kg-bench/polnear-train-store  # plus a real store

Targets (issue 5): 10,000 nodes written in < 5 s, drawn < 3 s after load, no main-thread
block over 1 s; PolNeAR train written in < 10 s and drawn < 3 s; zero requests everywhere.
Run by hand; results go to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.synthetic import synthetic_store  # noqa: E402
from tests.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (one set of browser flags)

LONGTASKS = """
window.__longtasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longtasks.push(e.duration);
  }).observe({ type: "longtask", buffered: true });
} catch (err) { window.__longtasks = null; }
"""
# ---------------------------------------------------------------------------------------------
# measuring


@dataclass
class Result:
    name: str
    nodes: int
    edges: int
    write_s: float
    draw_ms: float
    longest_task_ms: float
    requests: list[str]


def write_page(store: str, out: Path, *args: str) -> tuple[float, int, int]:
    """Run `kg viz` as a user would; returns (seconds, nodes, edges)."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "viz", "--store", store, "-o", str(out), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - start
    m = re.search(r"\((\d+) of \d+ nodes, (\d+) edges\)", proc.stderr)
    assert m, proc.stderr
    return elapsed, int(m.group(1)), int(m.group(2))


def draw(context, page_path: Path) -> tuple[float, float, list[str]]:
    """Open the page with the network blocked; (draw ms, longest task ms, attempted URLs)."""
    attempts: list[str] = []
    page = context.new_page()
    page.add_init_script(LONGTASKS)
    page.route(
        re.compile(r"^(https?|wss?)://"),
        lambda route: (attempts.append(route.request.url), route.abort()),
    )
    page.goto(page_path.as_uri(), timeout=60_000)
    page.wait_for_function("() => window.kgDrawnAt !== undefined", timeout=60_000)
    page.wait_for_timeout(1500)  # let anything queued after the first drawing run too
    drawn = page.evaluate("window.kgDrawnAt")
    tasks = page.evaluate("window.__longtasks")
    page.close()
    if tasks is None:
        raise RuntimeError("this Chromium has no longtask PerformanceObserver")
    return drawn, max(tasks, default=0.0), attempts


def measure(context, store: str, name: str, out_dir: Path, *args: str) -> Result:
    out = out_dir / (re.sub(r"\W+", "-", name).strip("-") + ".html")
    write_s, nodes, edges = write_page(store, out, *args)
    runs = [draw(context, out) for _ in range(3)]
    draw_ms = sorted(r[0] for r in runs)[1]  # median of three
    longest = max(r[1] for r in runs)
    requests = [u for r in runs for u in r[2]]
    return Result(name, nodes, edges, write_s, draw_ms, longest, requests)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=10_000, help="synthetic graph size")
    parser.add_argument("--store", action="append", default=[], help="also measure this store")
    parser.add_argument("--keep", metavar="DIR", help="keep the pages and store here")
    args = parser.parse_args()
    if not os.path.exists(CHROMIUM):
        sys.exit(f"{CHROMIUM} not found (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    work = Path(args.keep or tempfile.mkdtemp(prefix="kg-viz-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    synthetic = str(work / "synthetic-store")
    if not Path(synthetic).exists():
        start = time.perf_counter()
        ents, stmts = synthetic_store(synthetic, args.nodes)
        print(
            f"synthetic store: {ents} entities + {stmts} statements "
            f"({time.perf_counter() - start:.1f} s to write)",
            file=sys.stderr,
        )
    jobs = [
        (synthetic, f"synthetic {args.nodes} nodes, whole graph", "--max-nodes", "1000000"),
        (synthetic, f"synthetic {args.nodes} nodes, default view"),
    ]
    for store in args.store:
        label = Path(store).name
        jobs.append((store, f"{label}, default view"))
        jobs.append((store, f"{label}, whole graph", "--max-nodes", "1000000"))
    results = []
    profile = work / "chromium-profile"
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            env={**os.environ, "XDG_CONFIG_HOME": str(work), "XDG_CACHE_HOME": str(work)},
            viewport={"width": 1400, "height": 860},
        )
        try:
            for store, name, *extra in jobs:
                results.append(measure(context, store, name, work, *extra))
                print(_row(results[-1]), file=sys.stderr)
        finally:
            context.close()
    shutil.rmtree(profile, ignore_errors=True)
    print(
        "| page | nodes | edges | `kg viz` (s) | drawn after load (ms) | longest task (ms) "
        "| requests |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(_row(r))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def _row(r: Result) -> str:
    return (
        f"| {r.name} | {r.nodes:,} | {r.edges:,} | {r.write_s:.2f} | {r.draw_ms:.0f} "
        f"| {r.longest_task_ms:.0f} | {len(r.requests)} |"
    )


if __name__ == "__main__":
    main()
