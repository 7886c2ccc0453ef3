"""Attribution quality and speed on PolNeAR, measured the way a user would get the data.

Builds a split with the normal `kg build` into a fresh store, reads every statement back
through SPARQL (content / source / cue spans, rule and the source file), writes the scorer's
JSON Lines, runs ../shared/eval/polnear_eval.py, and prints its table plus throughput: words
per second of `kg build` against spaCy's own `nlp.pipe` over the same texts with the same
model.

    python benchmarks/polnear.py                       # dev split
    python benchmarks/polnear.py --split ../shared/data/polnear/train
    python benchmarks/polnear.py --by-rule             # per-rule table, train and dev
    python benchmarks/polnear.py --by-rule --parses kg-bench/parses   # same, parses kept

``--by-rule`` says, for every rule id (``Statement.rule``), how many statements it made, how
many of them the scorer matches (precision), how many gold attributions it owns (recall) and
what the content+source F1 of the split would be without its statements. ``--parses DIR``
skips the store: articles are parsed once into DIR (spaCy DocBin files) and extracted in
process, so a change to the rules can be measured in seconds; the predictions are the same
as the build's (the statements go through the store unchanged).

Run by hand; results go to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "polnear_eval.py"
POLNEAR = SHARED / "data" / "polnear"

SPANS = """
SELECT ?s ?file ?role ?b ?e WHERE {
  ?s a kg:Statement ; kg:inArticle/kg:sourceFile ?file ; ?p ?sp .
  ?sp nif:beginIndex ?b ; nif:endIndex ?e .
  VALUES (?p ?role) { (kg:contentSpan "content") (kg:sourceSpan "source") (kg:cueSpan "cue") }
}"""

RULES = "SELECT ?s ?rule WHERE { ?s a kg:Statement ; kg:rule ?rule }"

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
        rules = {r["s"]: r["rule"] for r in store.select(RULES)}
    by_statement: dict[str, dict] = {}
    for r in rows:
        rec = by_statement.setdefault(
            r["s"],
            {
                "doc": Path(r["file"]).stem,
                "source": [],
                "cue": [],
                "content": [],
                "rule": rules.get(r["s"], ""),
            },
        )
        piece = [int(r["b"]), int(r["e"])]
        if piece not in rec[r["role"]]:
            rec[r["role"]].append(piece)
    return _sorted(by_statement.values())


def _sorted(records) -> list[dict]:
    for rec in records:
        for role in ("source", "cue", "content"):
            rec[role].sort()
    return sorted(records, key=lambda r: (r["doc"], r["content"]))


def in_process_predictions(split: Path, parses: Path, model: str) -> list[dict]:
    """The same records as :func:`predictions`, from extraction run in this process on
    parses kept in ``parses`` (made on the first run, reused while the texts and the model
    are the same)."""
    from spacy.tokens import DocBin

    from kg import nlp as nlp_mod
    from kg.extract import extract
    from kg.model import Article
    from kg.readers import read_paths

    articles = [a for a in read_paths([str(split / "text")]) if isinstance(a, Article)]
    nlp = nlp_mod.load(model or None)
    digest = hashlib.sha256()
    digest.update(f"{nlp.meta['name']} {nlp.meta['version']} {nlp.pipe_names}".encode())
    for a in articles:
        digest.update(a.content_hash.encode())
    cache = parses / f"{split.name}-{digest.hexdigest()[:16]}.spacy"
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = [d for d, _ in nlp_mod.parse_pairs(nlp, ((a.text, None) for a in articles))]
        parses.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=False).to_disk(cache)
    records = []
    for doc, article in zip(docs, articles, strict=True):
        ex = extract(doc, article)
        for st in ex.statements:
            records.append(
                {
                    "doc": Path(article.source_file).stem,
                    "source": [[st.source_span.start, st.source_span.end]]
                    if st.source_span
                    else [],
                    "cue": [[st.cue_span.start, st.cue_span.end]] if st.cue_span else [],
                    "content": sorted({(p.start, p.end) for p in st.content}),
                    "rule": st.rule,
                }
            )
    for rec in records:
        rec["content"] = [list(p) for p in rec["content"]]
    return _sorted(records)


# --------------------------------------------------------------------------- by rule


def _scorer():
    spec = importlib.util.spec_from_file_location("polnear_eval", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


_PRONOUNS = frozenset(
    ["i", "he", "she", "it", "we", "they", "you", "this", "that", "these", "those", "who", "one"]
)
_FUNCTION = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "of",
        "for",
        "in",
        "on",
        "at",
        "to",
        "by",
        "with",
        "from",
        "mr.",
        "ms.",
        "mrs.",
        "dr.",
    ]
)


_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "spoke": "speak"}


def _is_speech_word(word: str) -> bool:
    """Whether a cue word is a form of a verb of saying (said, tells, warning, according)."""
    from kg.extract import lexicon

    w = word.strip("\"'“”‘’(),.:;").lower()
    if w in ("according", ":") or _IRREGULAR.get(w) in lexicon.SPEECH_VERBS:
        return True
    stems = {w, w[:-1], w[:-2], w[:-3], w[:-3] + "e", w[:-2] + "e", w[:-4]}
    return any(s in lexicon.SPEECH_VERBS for s in stems if s)


def category(text: str, quoted: bytearray, rec: dict) -> str:
    """The kind of attribution a user looks for, from its words alone (the same test for
    gold and predicted): "direct" when most of the content lies inside quotation marks;
    else "named-speech" when the source names someone (a capitalised word that is no
    pronoun) and the cue is a verb of saying (or "according to"), "named-other" for a named
    source with another cue, and "other" (pronoun, description, unnamed or no source)."""
    pieces = rec["content"]
    size = sum(e - s for s, e in pieces) or 1
    inside = sum(sum(quoted[s:e]) for s, e in pieces)
    if inside / size >= 0.5:
        return "direct"
    for s, e in rec["source"]:
        for word in text[s:e].split():
            w = word.strip("\"'“”‘’(),.:;").lower()
            if word[:1].isupper() and w and w not in _PRONOUNS and w not in _FUNCTION:
                cue = " ".join(text[a:b] for a, b in rec["cue"]).split()
                return "named-speech" if any(_is_speech_word(c) for c in cue) else "named-other"
    return "other"


def _quoted(text: str) -> bytearray:
    from kg.extract.quotes import find_quotes

    mask = bytearray(len(text) + 1)
    for q in find_quotes(text):
        mask[q.outer.start : q.outer.end] = b"\x01" * (q.outer.end - q.outer.start)
    return mask


def _matches(ev, doc, gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """The scorer's content+source matching for one document, as (pred, gold) index pairs
    (the same greedy one-to-one choice, highest content Jaccard first)."""
    gc = [doc.tokens(a["content"]) for a in gold]
    gs = [doc.tokens(a["source"]) for a in gold]
    cands = []
    for i, a in enumerate(pred):
        pt, ps = doc.tokens(a["content"]), doc.tokens(a["source"])
        if not pt:
            continue
        for j, gt in enumerate(gc):
            inter = len(pt & gt)
            if not inter:
                continue
            jac = inter / len(pt | gt)
            if jac >= ev.JACCARD_THRESHOLD and ((not ps and not gs[j]) or (ps & gs[j])):
                cands.append((jac, i, j))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _owner(doc, g: dict, pred: list[dict]) -> int | None:
    """The prediction a missed gold attribution is charged to: the one whose content
    overlaps it most (token Jaccard), or failing that one whose cue touches the gold cue;
    None when no prediction comes near it (a construction no rule knows)."""
    gt, gq = doc.tokens(g["content"]), doc.tokens(g["cue"])
    best, best_jac = None, 0.0
    for i, a in enumerate(pred):
        pt = doc.tokens(a["content"])
        inter = len(pt & gt)
        if inter:
            jac = inter / len(pt | gt)
            if jac > best_jac:
                best, best_jac = i, jac
    if best is not None:
        return best
    for i, a in enumerate(pred):
        if gq and doc.tokens(a["cue"]) & gq:
            return i
    return None


def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def by_rule(split: Path, preds: list[dict]) -> str:
    """The per-rule table of one split (see the module docstring), then F1 by category."""
    ev = _scorer()
    docs, _ = ev.load_gold(str(split))
    by_doc: dict[str, list[dict]] = {name: [] for name in docs}
    for rec in preds:
        by_doc[rec["doc"]].append(rec)
    made: Counter = Counter()
    hit: Counter = Counter()
    missed: Counter = Counter()
    cat_pred: Counter = Counter()
    cat_hit_p: Counter = Counter()
    cat_gold: Counter = Counter()
    cat_hit_g: Counter = Counter()
    n_gold = 0
    tp_all = 0
    for name, doc in docs.items():
        pred, gold = by_doc[name], doc.gold
        n_gold += len(gold)
        quoted = _quoted(doc.text)
        pairs = _matches(ev, doc, gold, pred)
        tp_all += len(pairs)
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        for i, a in enumerate(pred):
            made[a["rule"]] += 1
            c = category(doc.text, quoted, a)
            cat_pred[c] += 1
            if i in matched_p:
                hit[a["rule"]] += 1
                cat_hit_p[c] += 1
        for j, g in enumerate(gold):
            c = category(doc.text, quoted, g)
            cat_gold[c] += 1
            if j in matched_g:
                cat_hit_g[c] += 1
                continue
            owner = _owner(doc, g, pred)
            missed[pred[owner]["rule"] if owner is not None else "(no rule near)"] += 1
    n_pred = len(preds)
    p_all, r_all, f_all = _f1(tp_all, n_pred, n_gold)
    lines = [
        f"{split.name}: {len(docs)} docs, {n_gold} gold, {n_pred} predicted, "
        f"content+source P {p_all:.3f} R {r_all:.3f} F1 {f_all:.3f}",
        "",
        "| rule | statements | matched | P | gold owned | R | F1 without it | gain |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    rules = sorted(set(made) | set(missed), key=lambda r: (-made[r], r))
    for rule in rules:
        owned = hit[rule] + missed[rule]
        if rule == "(no rule near)":
            lines.append(f"| {rule} | | | | {owned} | | | |")
            continue
        without = _f1(tp_all - hit[rule], n_pred - made[rule], n_gold)[2]
        lines.append(
            f"| {rule or '(none)'} | {made[rule]} | {hit[rule]} | "
            f"{hit[rule] / made[rule] if made[rule] else 0:.2f} | {owned} | "
            f"{hit[rule] / owned if owned else 0:.2f} | {without:.3f} | {f_all - without:+.3f} |"
        )
    lines += ["", "| category | P | R | F1 | gold |", "|---|---:|---:|---:|---:|"]
    for c in ("direct", "named-speech", "named-other", "other"):
        p = cat_hit_p[c] / cat_pred[c] if cat_pred[c] else 0.0
        r = cat_hit_g[c] / cat_gold[c] if cat_gold[c] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"| {c} | {p:.3f} | {r:.3f} | {f:.3f} | {cat_gold[c]} |")
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def _build(split: Path, model: str, store: str) -> tuple[list[dict], float]:
    cmd = [sys.executable, "-m", "kg", "build", str(split / "text"), "--store", store]
    if model:
        cmd += ["--model", model]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return predictions(store), time.perf_counter() - t0


def _score(split: Path, preds: list[dict], pred_path: Path) -> str:
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(split), "--pred", str(pred_path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", type=Path, action="append", help="split dir (default: dev)")
    ap.add_argument("--store", help="store directory to build into (default: a fresh temp dir)")
    ap.add_argument("--model", default="", help="spaCy model (default: the kg default)")
    ap.add_argument("--pred", type=Path, help="also keep the predictions JSONL here")
    ap.add_argument("--no-speed", action="store_true", help="skip the spaCy baseline timing")
    ap.add_argument("--by-rule", action="store_true", help="per-rule table (default: train+dev)")
    ap.add_argument("--parses", type=Path, help="extract in process on parses kept here")
    args = ap.parse_args()
    splits = args.split or (
        [POLNEAR / "train", POLNEAR / "dev"] if args.by_rule else [POLNEAR / "dev"]
    )
    if len(splits) > 1 and (args.store or args.pred):
        print("--store and --pred take one split", file=sys.stderr)
        return 2
    for split in splits:
        texts = split / "text"
        if not texts.is_dir() or not SCORER.exists():
            print(f"need {texts} and {SCORER}", file=sys.stderr)
            return 2
    for split in splits:
        texts = split / "text"
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in texts.glob("*.txt"))
        with tempfile.TemporaryDirectory() as tmp:
            build_s = None
            if args.parses:
                preds = in_process_predictions(split, args.parses, args.model)
            else:
                preds, build_s = _build(split, args.model, args.store or str(Path(tmp) / "s"))
            scored = _score(split, preds, args.pred or Path(tmp) / "pred.jsonl")
        print(f"## {split.name}\n")
        print(scored.rstrip())
        print(f"\npredicted attributions: {len(preds)}")
        if args.by_rule:
            print()
            print(by_rule(split, preds))
        if build_s is None:
            continue
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
