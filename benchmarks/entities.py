"""Entity resolution on PolNeAR, measured the way a user would see it.

Builds a split with the normal `kg build` into a store (cached: reused when it exists,
unless --rebuild), lists the entities with `kg entities --format json`, and reports:

* for a fixed list of people and organisations, how many nodes each ended up as (1 is
  right), the canonical label of the biggest, its mentions and statements;
* the number of person nodes, and how many have a canonical label that is a pronoun, a
  bare honorific or a bare surname some other person node carries in full;
* a sample of likely duplicates: person nodes with the same surname and compatible names.

    python benchmarks/entities.py                                  # train split
    python benchmarks/entities.py --split ../shared/data/polnear/dev --rebuild

Run by hand; results go to benchmarks/RESULTS.md. The target list was chosen by hand from
names any reader of 2016 US political news knows; nothing is read from the annotations.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

#: name -> (type family, the full names it may be written as; any one of them on a node,
#: as label or alias, makes that node one of the entity's)
TARGETS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Hillary Clinton": (
        "Person",
        ("Hillary Clinton", "Hillary Rodham Clinton", "Hillary R. Clinton"),
    ),
    "Bill Clinton": ("Person", ("Bill Clinton", "William Jefferson Clinton", "William J. Clinton")),
    "Chelsea Clinton": ("Person", ("Chelsea Clinton",)),
    "Donald Trump": ("Person", ("Donald Trump", "Donald J. Trump", "Donald John Trump")),
    "Donald Trump Jr.": ("Person", ("Donald Trump Jr.", "Donald J. Trump Jr.", "Don Jr.")),
    "Melania Trump": ("Person", ("Melania Trump",)),
    "Ivanka Trump": ("Person", ("Ivanka Trump",)),
    "Bernie Sanders": ("Person", ("Bernie Sanders", "Bernard Sanders")),
    "Ted Cruz": ("Person", ("Ted Cruz",)),
    "Marco Rubio": ("Person", ("Marco Rubio",)),
    "Jeb Bush": ("Person", ("Jeb Bush",)),
    "Barack Obama": ("Person", ("Barack Obama", "Barack H. Obama", "Barack Hussein Obama")),
    "John Kasich": ("Person", ("John Kasich",)),
    "State Department": (
        "Organization",
        ("State Department", "Department of State", "U.S. State Department"),
    ),
    "DNC": ("Organization", ("DNC", "Democratic National Committee")),
    "RNC": ("Organization", ("RNC", "Republican National Committee")),
    "FBI": ("Organization", ("FBI", "Federal Bureau of Investigation")),
    "Republican Party": ("Organization", ("GOP", "Republican Party")),
    "CNN": ("Organization", ("CNN",)),
    "The New York Times": ("Organization", ("The New York Times", "New York Times")),
    "Associated Press": ("Organization", ("Associated Press", "AP")),
}
FAMILY = {"Person": "Person", "Organization": "Organization", "NewsOrganization": "Organization"}


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, check=False
    )


def build(split: Path, store: Path, rebuild: bool) -> float | None:
    """Build the split into ``store`` unless it is already there; seconds taken or None."""
    if store.exists() and not rebuild:
        return None
    if store.exists():
        import shutil

        shutil.rmtree(store)
    t0 = time.perf_counter()
    done = kg("build", str(split / "text"), "--store", str(store))
    if done.returncode not in (0, 1):
        sys.exit(f"kg build failed: {done.stderr.strip()}")
    print(done.stdout.strip())
    return time.perf_counter() - t0


def report(rows: list[dict]) -> None:
    from kg.extract.names import compatible_names, parse_name
    from kg.resolve.names import split_title

    print("\n| entity | nodes | label of the biggest | mentions | statements |")
    print("|---|---:|---|---:|---:|")
    for name, (family, forms) in TARGETS.items():
        wanted = {f.casefold() for f in forms}
        nodes = [
            r
            for r in rows
            if FAMILY.get(r["type"]) == family
            and wanted & {n.casefold() for n in [r["label"], *r["aliases"]]}
        ]
        big = max(nodes, key=lambda r: r["mentions"], default=None)
        print(
            f"| {name} | {len(nodes)} | {big['label'] if big else '-'} | "
            f"{big['mentions'] if big else 0} | {big['statements'] if big else 0} |"
        )
    people = [r for r in rows if r["type"] == "Person"]
    full = {parse_name(r["label"]).surname.lower() for r in people if parse_name(r["label"]).full}
    bare = [r for r in people if not parse_name(r["label"]).full]
    bare_known = [r for r in bare if r["label"].lower() in full]
    bad = [r for r in people if r["label"].lower().rstrip(".") in _NOT_NAMES]
    print(f"\nperson nodes: {len(people)}")
    print(f"  canonical label a pronoun or bare honorific: {len(bad)}")
    print(f"  canonical label a bare name: {len(bare)}", end="")
    print(f" ({len(bare_known)} a surname another person node has in full", end="")
    top = sorted(bare_known, key=lambda r: -r["mentions"])[:8]
    print(": " + ", ".join(f"{r['label']} ({r['mentions']})" for r in top) + ")" if top else ")")
    dupes = []
    by_surname: dict[str, list[dict]] = {}
    for r in people:
        p = parse_name(split_title(r["label"])[1])
        if p.full:
            by_surname.setdefault(p.surname.lower(), []).append(r)
    for group in by_surname.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if compatible_names(parse_name(a["label"]), parse_name(b["label"])):
                    dupes.append((a, b))
    dupes.sort(key=lambda ab: -(ab[0]["mentions"] + ab[1]["mentions"]))
    print(f"  likely duplicates (same surname, compatible names): {len(dupes)} pairs")
    for a, b in dupes[:15]:
        print(f"    {a['label']} ({a['mentions']})  ~  {b['label']} ({b['mentions']})")


_NOT_NAMES = {"he", "she", "him", "her", "they", "i", "we", "mr", "mrs", "ms", "miss", "dr"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", type=Path, default=SHARED / "data" / "polnear" / "train")
    ap.add_argument(
        "--store",
        type=Path,
        help="store to build into and reuse (default: ~/.cache/newskg/entities-<split>)",
    )
    ap.add_argument("--rebuild", action="store_true", help="build again even if cached")
    args = ap.parse_args()
    if not (args.split / "text").is_dir():
        print(f"need {args.split / 'text'}", file=sys.stderr)
        return 2
    store = args.store or Path.home() / ".cache" / "newskg" / f"entities-{args.split.name}"
    seconds = build(args.split, store, args.rebuild)
    n = len(list((args.split / "text").glob("*.txt")))
    if seconds is not None:
        print(f"built {n} articles in {seconds:.0f} s ({n / seconds:.2f} articles/s)")
    else:
        print(f"reusing {store} (--rebuild to build again)")
    listed = kg("entities", "--store", str(store), "--format", "json")
    if listed.returncode != 0:
        sys.exit(f"kg entities failed: {listed.stderr.strip()}")
    rows = json.loads(listed.stdout)
    report(rows)
    valid = kg("validate", "--store", str(store))
    if valid.returncode == 0:
        print(f"\nkg validate: {valid.stdout.strip().splitlines()[-1]}")
    else:
        from collections import Counter

        lines = (valid.stdout + valid.stderr).splitlines()
        messages = Counter(ln.strip() for ln in lines if ln.strip().startswith("Message:"))
        print("\nkg validate: does not conform")
        for message, n in messages.most_common():
            print(f"  {n} x {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
