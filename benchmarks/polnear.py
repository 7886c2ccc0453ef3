"""Attribution quality and speed on PolNeAR, measured the way a user would get the data.

Builds a split with the normal `kg build` into a fresh store, reads every statement back
through SPARQL (content / source / cue spans and the source file), writes the scorer's JSON
Lines, runs ../shared/eval/polnear_eval.py, and prints its table plus throughput: words per
second of `kg build` against spaCy's own `nlp.pipe` over the same texts with the same model.

    python benchmarks/polnear.py                       # dev split
    python benchmarks/polnear.py --split ../shared/data/polnear/train --limit 200

Run by hand; results go to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "polnear_eval.py"

SPANS = """
SELECT ?s ?file ?role ?b ?e WHERE {
  ?s a kg:Statement ; kg:inArticle/kg:sourceFile ?file ; ?p ?sp .
  ?sp nif:beginIndex ?b ; nif:endIndex ?e .
  VALUES (?p ?role) { (kg:contentSpan "content") (kg:sourceSpan "source") (kg:cueSpan "cue") }
}"""

SPACY_BASELINE = """
import sys, time
from pathlib import Path
t0 = time.perf_counter()
from kg import nlp as n
nlp = n.load(sys.argv[2] or None)
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for doc in nlp.pipe((n.shadow(t) for t in texts), batch_size=16):
    pass
print(time.perf_counter() - t0)
"""


def predictions(store_path: str) -> list[dict]:
    """One scorer record per statement, read back from the store."""
    from kg.store import open_store

    with open_store(store_path, read_only=True) as store:
        rows = store.select(SPANS)
    by_statement: dict[str, dict] = {}
    for r in rows:
        rec = by_statement.setdefault(
            r["s"], {"doc": Path(r["file"]).stem, "source": [], "cue": [], "content": []}
        )
        piece = [int(r["b"]), int(r["e"])]
        if piece not in rec[r["role"]]:
            rec[r["role"]].append(piece)
    for rec in by_statement.values():
        for role in ("source", "cue", "content"):
            rec[role].sort()
    return sorted(by_statement.values(), key=lambda r: (r["doc"], r["content"]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", type=Path, default=SHARED / "data" / "polnear" / "dev")
    ap.add_argument("--store", help="store directory to build into (default: a fresh temp dir)")
    ap.add_argument("--model", default="", help="spaCy model (default: the kg default)")
    ap.add_argument("--pred", type=Path, help="also keep the predictions JSONL here")
    ap.add_argument("--no-speed", action="store_true", help="skip the spaCy baseline timing")
    args = ap.parse_args()
    texts = args.split / "text"
    if not texts.is_dir() or not SCORER.exists():
        print(f"need {texts} and {SCORER}", file=sys.stderr)
        return 2
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in texts.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or str(Path(tmp) / "store")
        cmd = [sys.executable, "-m", "kg", "build", str(texts), "--store", store]
        if args.model:
            cmd += ["--model", args.model]
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        build_s = time.perf_counter() - t0
        preds = predictions(store)
        pred_path = args.pred or Path(tmp) / "pred.jsonl"
        pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
        scored = subprocess.run(
            [sys.executable, str(SCORER), "--gold", str(args.split), "--pred", str(pred_path)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    print(scored.rstrip())
    print(f"\npredicted attributions: {len(preds)}")
    print(f"kg build: {build_s:.1f} s for {words} words = {words / build_s:.0f} words/s")
    if not args.no_speed:
        out = subprocess.run(
            [sys.executable, "-c", SPACY_BASELINE, str(texts), args.model],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        spacy_s = float(out.strip().splitlines()[-1])
        print(f"spaCy nlp.pipe alone: {spacy_s:.1f} s = {words / spacy_s:.0f} words/s")
        print(f"throughput ratio kg build / nlp.pipe: {spacy_s / build_s:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
