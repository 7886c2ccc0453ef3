"""Is the store a function of the articles alone? Build one split four ways and compare.

1. forward: the directory, --jobs 1;
2. reverse: the files listed in reverse order, --jobs 2;
3. in two halves: the second half first, then the first, each in its own build;
4. forward again, then `kg resolve` (phase 2 alone).

Each store is exported as N-Quads and sorted; all four must be byte-identical. Also counts
triples stated in more than one graph (must be 0).

    python benchmarks/order.py                                  # PolNeAR dev
    python benchmarks/order.py --split ../shared/data/polnear/train

Run by hand; results go to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev"


def kg(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "kg", *args], check=True, stdout=subprocess.DEVNULL)


def sorted_nquads(store: Path) -> list[str]:
    out = store.parent / f"{store.name}.nq"
    kg("export", "--store", str(store), "--format", "nquads", "-o", str(out))
    return sorted(out.read_text(encoding="utf-8").splitlines())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--split", default=str(DEV))
    args = ap.parse_args()
    text = Path(args.split) / "text"
    files = sorted(str(p) for p in text.glob("*.txt"))
    if not files:
        sys.exit(f"no articles under {text}")
    half = len(files) // 2
    with tempfile.TemporaryDirectory(prefix="kg-order-") as t:
        tmp = Path(t)
        t0 = time.perf_counter()
        kg("build", str(text), "--store", str(tmp / "forward"), "--jobs", "1")
        kg("build", *reversed(files), "--store", str(tmp / "reverse"), "--jobs", "2")
        kg("build", *files[half:], "--store", str(tmp / "halves"), "--jobs", "2")
        kg("build", *files[:half], "--store", str(tmp / "halves"), "--jobs", "2")
        kg("build", str(text), "--store", str(tmp / "resolved"), "--jobs", "2")
        kg("resolve", "--store", str(tmp / "resolved"))
        dumps = {
            name: sorted_nquads(tmp / name) for name in ("forward", "reverse", "halves", "resolved")
        }
        took = time.perf_counter() - t0
    lines = dumps["forward"]
    triples = [re.sub(r" <[^>]*> \.$", "", line) for line in lines]
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]
    print(f"{len(files)} articles, {len(lines):,} quads, sha256 {digest}, {took:.0f} s")
    for name, dump in dumps.items():
        print(f"  {name:<9} {'identical' if dump == lines else 'DIFFERENT'}")
    print(f"  triples stated in more than one graph: {len(triples) - len(set(triples))}")
    if any(d != lines for d in dumps.values()) or len(triples) != len(set(triples)):
        sys.exit(1)


if __name__ == "__main__":
    main()
