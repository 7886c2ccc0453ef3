"""What the two-phase build costs, measured as a user runs it: whole `kg build` processes.

Four measurements (issue 9), each as ratios within one run, the two sides alternated and
repeated so that a busy machine slows both alike; the median of the rounds is reported:

* jobs:        `kg build DEV --jobs 2` against `--jobs 1`, each into a fresh store
               (target >= 1.7x on a 2-core machine);
* parse:       `kg build DEV --jobs 1` against spaCy's `nlp.pipe` alone over the same texts
               with the same model as spaCy ships it, in a process of its own (target
               >= 0.95x); wall and CPU seconds. Also against `nlp.pipe` of kg's own
               pipeline (the same model with kg's components: see kg/fast_components.py),
               which tells what extraction and the global pass cost beyond the parse;
* memory:      peak RSS of a `--jobs 1` build of TRAIN against one of DEV (target <= 1.5x);
* incremental: one article added to a store of TRAIN against the same article added to an
               empty store, with the default --jobs (target <= 1.3x); wall seconds, and the
               CPU seconds of the build and its workers (steadier when other jobs share
               the machine). ``--train-store`` reuses a store of TRAIN built beforehand; it is
               settled first (see :func:`settled`) unless ``--fresh-store``.

    python benchmarks/build.py                      # all four, PolNeAR from ../shared
    python benchmarks/build.py --only jobs,parse --rounds 5

Run by hand; results go to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"

# spaCy's pipe alone over the texts kg parses (their shadow: same length, odd spaces
# made plain), with the model kg loads: as spaCy ships it ("stock"), or as kg runs it
# ("kg": its paragraph-sentence component and the exact, faster attribute ruler and
# lemmatizer of kg.fast_components)
SPACY_ALONE = """
import sys
from pathlib import Path
from kg import nlp as n
if sys.argv[2] == "kg":
    nlp = n.load()
else:
    import importlib.util
    import spacy
    nlp = spacy.load(next(m for m in n.DEFAULT_MODELS if importlib.util.find_spec(m)))
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for doc in nlp.pipe((n.shadow(t) for t in texts), batch_size=16):
    pass
"""


def kg_command() -> list[str]:
    return [sys.executable, "-m", "kg"]


#: CPU seconds (user + system, the command and its workers) of each command timed, in turn:
#: on a machine other jobs share, CPU time moves less than wall time.
CPU: list[float] = []


def timed(cmd: list[str]) -> float:
    """Wall seconds of one command (its CPU seconds go to :data:`CPU`)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return wall


def peak_rss(cmd: list[str]) -> int:
    """Peak RSS (KB) of one command, measured by GNU time in a process of its own."""
    out = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *cmd],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    return int(out.stderr.strip().splitlines()[-1])


def build(paths: list[str], store: Path, jobs: int | None = None) -> list[str]:
    cmd = [*kg_command(), "build", *paths, "--store", str(store)]
    return cmd + (["--jobs", str(jobs)] if jobs else [])


def fresh(tmp: Path, name: str) -> Path:
    path = tmp / name
    shutil.rmtree(path, ignore_errors=True)
    return path


#: Opens a store and waits until RocksDB's background threads have been idle for a second
#: (at most two minutes), then closes it: see :func:`settled`.
COMPACTED = """
import resource, sys, time
import pyoxigraph
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
store = pyoxigraph.Store(sys.argv[1])
last, quiet, start = cpu(), 0, time.monotonic()
while quiet < 5 and time.monotonic() - start < 120:
    time.sleep(0.2)
    now = cpu()
    quiet = quiet + 1 if now - last < 0.01 else 0
    last = now
print(f"{time.monotonic() - start:.1f} s, {last:.2f} CPU s")
del store
"""


def settled(base: Path, copy: Path, other: Path) -> Path:
    """A copy of ``base`` that has seen one small build after the one that made it (an
    article added and removed again: the same graphs, byte for byte), and then RocksDB's
    compactions to their end. A store just written by a large build has RocksDB's
    compaction of that build still to do, which the next build to open it pays: once, in
    real use, but in every round of a benchmark that copies the store. One small build
    did not finish it (each build closes the store after two seconds): a copy of PolNeAR
    train's store settled so still spent 0.4 CPU seconds compacting when a build opened
    it, and the builds that followed it left almost nothing (0.001-0.005 s). So the copy
    is opened once more and left until its background threads are idle.
    ``--fresh-store`` measures with all of it."""
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(base, copy)
    subprocess.run(build([str(other)], copy), check=True, stdout=subprocess.DEVNULL)
    cmd = [*kg_command(), "remove", str(other), "--store", str(copy)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run(
        [sys.executable, "-c", COMPACTED, str(copy)], check=True, capture_output=True, text=True
    )
    print(f"settled: compactions ran out after {out.stdout.strip()}")
    return copy


def alternate(rounds: int, a, b) -> tuple[list[float], list[float]]:
    """Run ``a`` and ``b`` in turn ``rounds`` times (b first on odd rounds)."""
    xs, ys = [], []
    for i in range(rounds):
        if i % 2:
            ys.append(b())
            xs.append(a())
        else:
            xs.append(a())
            ys.append(b())
    return xs, ys


def report(name: str, xs: list[float], ys: list[float], label_x: str, label_y: str) -> float:
    mx, my = statistics.median(xs), statistics.median(ys)
    ratio = my / mx
    print(
        f"{name:<12} {label_x}: {mx:6.2f} s  {label_y}: {my:6.2f} s  ratio {ratio:.2f}   "
        f"(rounds: {', '.join(f'{x:.2f}/{y:.2f}' for x, y in zip(xs, ys, strict=True))})"
    )
    return ratio


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--dev", default=str(POLNEAR / "dev" / "text"))
    ap.add_argument("--train", default=str(POLNEAR / "train" / "text"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--train-store", help="a store of TRAIN built beforehand (for incremental)")
    ap.add_argument(
        "--fresh-store",
        action="store_true",
        help="incremental: add to copies of the train store as its build left it (see settled)",
    )
    ap.add_argument("--only", default="jobs,parse,memory,incremental")
    args = ap.parse_args()
    only = set(args.only.split(","))
    if not Path(args.dev).is_dir():
        sys.exit(f"{args.dev} is absent: PolNeAR lives in ../shared beside the checkout")
    print(
        f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; {time.strftime('%Y-%m-%d %H:%M')}"
    )
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as t:
        tmp = Path(t)
        if "jobs" in only:
            xs, ys = alternate(
                args.rounds,
                lambda: timed(build([args.dev], fresh(tmp, "j2"), 2)),
                lambda: timed(build([args.dev], fresh(tmp, "j1"), 1)),
            )
            report("jobs", xs, ys, "--jobs 2", "--jobs 1")
        if "parse" in only:
            cpu: dict[str, list[float]] = {"kg": [], "stock": [], "kg-pipe": []}
            walls: dict[str, list[float]] = {"kg": [], "stock": [], "kg-pipe": []}
            commands = {
                "stock": [sys.executable, "-c", SPACY_ALONE, args.dev, "stock"],
                "kg-pipe": [sys.executable, "-c", SPACY_ALONE, args.dev, "kg"],
            }
            order = ["kg", "stock", "kg-pipe"]
            for i in range(args.rounds):
                for side in order[i % 3 :] + order[: i % 3]:  # each side first in turn
                    if side == "kg":
                        walls[side].append(timed(build([args.dev], fresh(tmp, "j1"), 1)))
                    else:
                        walls[side].append(timed(commands[side]))
                    cpu[side].append(CPU[-1])
            report("parse", walls["kg"], walls["stock"], "kg build -j1", "nlp.pipe (stock)")
            report("  cpu", cpu["kg"], cpu["stock"], "kg build -j1", "nlp.pipe (stock)")
            report("  kg's", walls["kg"], walls["kg-pipe"], "kg build -j1", "nlp.pipe (kg's)")
            report("  cpu", cpu["kg"], cpu["kg-pipe"], "kg build -j1", "nlp.pipe (kg's)")
        if "memory" in only:
            dev = peak_rss(build([args.dev], fresh(tmp, "mem-dev"), 1))
            train = peak_rss(build([args.train], fresh(tmp, "mem-train"), 1))
            print(
                f"memory       dev: {dev / 1024:.0f} MB  train: {train / 1024:.0f} MB  "
                f"ratio {train / dev:.2f}"
            )
        if "incremental" in only:
            article = sorted(Path(args.dev).glob("*.txt"))[0]
            base = Path(args.train_store) if args.train_store else tmp / "train-store"
            if not base.exists():
                subprocess.run(build([args.train], base), check=True, stdout=subprocess.DEVNULL)
            if not args.fresh_store:
                other = sorted(Path(args.dev).glob("*.txt"))[-1]  # not the article measured
                base = settled(base, tmp / "train-settled", other)

            def into_train() -> float:
                store = fresh(tmp, "inc-train")
                shutil.copytree(base, store)
                return timed(build([str(article)], store))

            cpu_x: list[float] = []
            cpu_y: list[float] = []

            def into_empty() -> float:
                wall = timed(build([str(article)], fresh(tmp, "inc-empty")))
                cpu_x.append(CPU[-1])
                return wall

            def into_train_cpu() -> float:
                wall = into_train()
                cpu_y.append(CPU[-1])
                return wall

            xs, ys = alternate(max(args.rounds, 5), into_empty, into_train_cpu)
            report("incremental", xs, ys, "empty store", "train store")
            report("  cpu", cpu_x, cpu_y, "empty store", "train store")


if __name__ == "__main__":
    main()
