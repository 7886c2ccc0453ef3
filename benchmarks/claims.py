"""How claim matching grows with the corpus, and what it costs inside a real build.

Three measurements (results in benchmarks/RESULTS.md, "Claims across articles"):

    python benchmarks/claims.py --build ../shared/data/polnear/train/text \
        --metadata ../shared/data/polnear/metadata.tsv       # a whole build, claims timed inside
    python benchmarks/claims.py --store kg-bench/polnear-train    # the claims step of a built store
    python benchmarks/claims.py --synthetic 1 10 100          # 1x, 10x, 100x PolNeAR train

``--build``: a whole ``kg build`` with its claims step timed from inside the process.

``--store``: times phase 2's claims step on a store that ``kg build`` made (reading the
compact claims input from the build cache, matching, and writing the claims graph into a
copy of the store), the same calls ``kg build`` makes.

``--synthetic``: a synthetic corpus with PolNeAR train's shape (about 14,600 statements in
840 articles, times the factor), written so claims have something to find: a vocabulary of
made-up words drawn Zipf-like (as words are), speakers drawn Zipf-like (a few speak often),
a share of statements carried again by later articles (word for word, trimmed, or with a
word changed), findings, and denials naming the report they deny or giving its words. Only
the pure step is timed (:func:`kg.claims.compute_claims`), with identities given, not
resolved, so the number is matching's own. Run by hand; nothing here is a test.
"""

from __future__ import annotations

import argparse
import gc
import random
import shutil
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.claims import ArticleClaims, Said, compute_claims  # noqa: E402
from kg.claims.text import wordlist  # noqa: E402
from kg.model import CorpusEntity, Identity  # noqa: E402
from kg.rdf.iris import Minter  # noqa: E402
from kg.resolve import Resolution  # noqa: E402

#: PolNeAR train, as built (benchmarks/RESULTS.md): statements and articles.
TRAIN_STATEMENTS = 14_586
TRAIN_ARTICLES = 839
SYLLABLES = sorted(wordlist("ka lo mi ne su ra te vi do pa zu ri fe go ba ni ko le tu ma"))
FUNCTION = sorted(
    wordlist("the of and to in that a was for on with said would is by as at from has")
)


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class _Corpus:
    def __init__(self, factor: float, seed: int = 11):
        self.rng = random.Random(seed)
        self.vocab = _vocabulary(self.rng, 30_000)
        self.vcum = list(accumulate(1.0 / (i + 1) ** 1.05 for i in range(len(self.vocab))))
        n_speakers = max(50, int(2_000 * factor))
        self.speakers = [f"Speaker {i:06d}" for i in range(n_speakers)]
        self.scum = list(accumulate(1.0 / (i + 1) ** 0.9 for i in range(n_speakers)))
        self.orgs = [f"Monitor {i:05d}" for i in range(max(10, int(150 * factor)))]
        self.articles = max(1, int(TRAIN_ARTICLES * factor))
        self.earlier: list[tuple[str, str, str, bool]] = []  # speaker, text, kind, direct
        self.findings: list[tuple[str, str]] = []

    def _text(self, n: int) -> str:
        out = []
        for w in self.rng.choices(self.vocab, cum_weights=self.vcum, k=n):
            out.append(w)
            if self.rng.random() < 0.4:
                out.append(self.rng.choice(FUNCTION))
        return " ".join(out)

    def _carried(self) -> tuple[str, str, str, bool]:
        n = len(self.earlier)
        speaker, text, kind, direct = self.earlier[self.rng.randrange(max(0, n - 5000), n)]
        words = text.split()
        roll = self.rng.random()
        if roll < 0.5 or len(words) < 8:
            return speaker, text, kind, direct
        if roll < 0.75:
            cut = self.rng.randint(6, len(words))
            return speaker, " ".join(words[:cut]), kind, direct
        i = self.rng.randrange(len(words))
        words[i] = self.rng.choice(self.vocab)
        return speaker, " ".join(words), kind, direct

    def statement(self) -> tuple[str, str, str, bool]:
        roll = self.rng.random()
        if self.earlier and roll < 0.15:
            return self._carried()
        if roll < 0.20:
            org = self.rng.choice(self.orgs)
            text = self._text(self.rng.randint(8, 20))
            self.findings.append((org, text))
            return org, text, "Finding", False
        if self.findings and roll < 0.23:
            n = len(self.findings)
            org, text = self.findings[self.rng.randrange(max(0, n - 2000), n)]
            speaker = self.rng.choices(self.speakers, cum_weights=self.scum)[0]
            if self.rng.random() < 0.5:
                return speaker, f"the report by {org}", "Denial", False
            words = text.split()
            start = self.rng.randrange(max(1, len(words) - 6))
            return speaker, "reports that " + " ".join(words[start : start + 6]), "Denial", False
        speaker = self.rng.choices(self.speakers, cum_weights=self.scum)[0]
        return speaker, self._text(self.rng.randint(6, 30)), "Statement", self.rng.random() < 0.4

    def build(self) -> tuple[list[ArticleClaims], Resolution, int]:
        minter = Minter()
        res = Resolution()
        arts = []
        count = 0
        per = TRAIN_STATEMENTS / TRAIN_ARTICLES
        for a in range(self.articles):
            short = f"{a:016x}"
            ident = res.identities[short] = Identity()
            said = []
            names: dict[str, tuple[str, ...]] = {}
            for _ in range(max(1, int(self.rng.gauss(per, 5)))):
                speaker, text, kind, direct = self.statement()
                key = speaker
                about: tuple[str, ...] = ()
                if kind == "Denial" and text.startswith("the report by "):
                    org = text.removeprefix("the report by ")
                    about = (org,)
                    names[org] = (org,)
                    ident.iris.setdefault(org, minter.entity("Organization", org))
                ident.iris.setdefault(key, minter.entity("Person", speaker))
                said.append(Said(kind, key, text, "said", direct, about, len(said)))
                if kind != "Denial":
                    self.earlier.append((speaker, text, kind, direct))
            count += len(said)
            date = f"2016-{1 + a * 12 // self.articles:02d}-{1 + a % 28:02d}"
            arts.append(ArticleClaims(short, date, tuple(said), tuple(sorted(names.items()))))
        for ident in res.identities.values():
            for iri in ident.iris.values():
                if iri not in res.entities:
                    kind = "Organization" if "/organization/" in iri else "Person"
                    res.entities[iri] = CorpusEntity(iri, kind, iri.rsplit("/", 1)[-1])
        return arts, res, count


def synthetic(factors: list[float]) -> None:
    print(
        "| corpus | statements | claims | in more than one article | denials linked "
        "| CPU seconds | wall seconds | CPU µs per statement |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for factor in factors:
        arts, res, n = _Corpus(factor).build()
        gc.collect()
        t, cpu = time.perf_counter(), time.process_time()
        claims = compute_claims(arts, res, Minter())
        took, cpu = time.perf_counter() - t, time.process_time() - cpu
        shared = sum(1 for c in claims.claims.values() if len(c.appearances) > 1)
        print(
            f"| synthetic {factor:g}x | {n:,} | {len(claims.claims):,} | {shared:,} | "
            f"{len(claims.denies):,} | {cpu:.1f} | {took:.1f} | {1e6 * cpu / n:.0f} |",
            flush=True,
        )
        del arts, res, claims
        gc.collect()


def in_store(path: str) -> None:
    """The claims step of phase 2 on a copy of a built store, as ``kg build`` runs it."""
    from kg.cache import BuildCache
    from kg.claims.triples import claims_subjects
    from kg.pipeline import graph_iri, stored_rules
    from kg.resolve import resolve_corpus
    from kg.store import open_store
    from kg.writer import sync_subjects

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "store"
        shutil.copytree(path, copy)
        with open_store(str(copy)) as store:
            minter = Minter()
            cache = BuildCache(store.cache_path)
            keys = [k for (k,) in cache._db.execute("SELECT key FROM records")]
            rules = stored_rules(store)
            t0 = time.perf_counter()
            res = resolve_corpus(cache.entities(keys).values(), minter, rules)
            t1 = time.perf_counter()
            inputs = cache.claim_inputs(keys)
            t2 = time.perf_counter()
            subjects, claims = claims_subjects(inputs.values(), res, minter)
            t_pure = time.perf_counter()
            graph = graph_iri(minter, "claims")
            cache.forget_graph(graph)
            store.drop_graphs([graph])
            t3 = time.perf_counter()  # a first build has no claims graph to drop
            sync_subjects(store, cache, graph, subjects)
            t4 = time.perf_counter()
            unchanged = sync_subjects(store, cache, graph, subjects)
            t5 = time.perf_counter()
            cache.close()
    print(f"records {len(keys)}, statements {len(claims.claim_of)}, claims {len(claims.claims)}")
    print(f"entity resolution (for reference)   {t1 - t0:6.2f} s")
    print(f"claims input read from the cache    {t2 - t1:6.2f} s")
    print(f"matching and denials (pure)         {t_pure - t2:6.2f} s")
    print(f"claims graph written whole          {t4 - t3:6.2f} s")
    print(f"claims graph synced, nothing new    {t5 - t4:6.2f} s ({unchanged} subjects changed)")
    print(f"claims step in a build              {t_pure - t1 + t4 - t3:6.2f} s (first build)")


def in_build(texts: str, metadata: str | None, jobs: int) -> None:
    """A whole ``kg build`` into a fresh store, timing its claims step from inside (the
    same process, so other load on the machine slows both alike)."""
    import kg.claims.state as claims_state
    import kg.pipeline as pipeline
    from kg.readers.metadata import read_metadata
    from kg.store import open_store

    # a first build computes claims from scratch (kg.claims.state): matching and denials,
    # then the claims graph written with the incremental state beside it
    spent = {"claims": 0.0, "claims graph": 0.0}
    compute, sync = claims_state.work_claims, claims_state._sync_all

    def timed_claims(*a, **kw):
        t = time.perf_counter()
        try:
            return compute(*a, **kw)
        finally:
            spent["claims"] += time.perf_counter() - t

    def timed_sync(*a, **kw):
        t = time.perf_counter()
        try:
            return sync(*a, **kw)
        finally:
            spent["claims graph"] += time.perf_counter() - t

    claims_state.work_claims, claims_state._sync_all = timed_claims, timed_sync
    meta = read_metadata(metadata) if metadata else None
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "store")) as store:
        t = time.perf_counter()
        report = pipeline.build([texts], store, jobs=jobs, metadata=meta)
        total = time.perf_counter() - t
    step = spent["claims"] + spent["claims graph"]
    print(f"build {total:.1f} s for {report.total_articles} articles; claims {dict(report.claims)}")
    print(f"claims: matching {spent['claims']:.2f} s + claims graph {spent['claims graph']:.2f} s")
    print(f"= {step:.2f} s, {100 * step / total:.1f}% of the build")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--store", help="a store made by kg build")
    ap.add_argument("--synthetic", nargs="*", type=float, help="factors of PolNeAR train's size")
    ap.add_argument("--build", metavar="DIR", help="kg build DIR into a fresh store, timed")
    ap.add_argument("--metadata", help="a metadata sidecar for --build")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if args.build:
        in_build(args.build, args.metadata, args.jobs)
    if args.store:
        in_store(args.store)
    if args.synthetic:
        synthetic(args.synthetic)


if __name__ == "__main__":
    main()
