"""Phase 2 of a build: one global, deterministic pass over every record of the corpus.

Entities are resolved at once (:mod:`kg.resolve`), then exactly the graphs whose content
changed are written (:mod:`kg.writer`): article graphs that are new or whose entities got
other IRIs, the changed subjects of the entities graph, and the claims that the changed
articles reach (:mod:`kg.claims.state`). :mod:`kg.pipeline` runs phase 1 and calls
:func:`write_corpus`; :func:`corpus_graphs` makes the same graphs without a store.
"""

from __future__ import annotations

import hashlib
from collections import Counter, deque
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg import nlp as nlp_mod
from kg.cache import BuildCache, record_key
from kg.claims.inputs import ArticleClaims
from kg.claims.state import article_fingerprint, update_claims
from kg.claims.triples import claims_subjects
from kg.entity_order import ENTITY_ORDER_SUBJECT, EntityTally, entity_order, tallies_of
from kg.entity_order import order_ntriples as entity_order_ntriples
from kg.model import Article, CorpusEntity, Extraction, Identity, ReadProblem
from kg.paging import ORDER_SUBJECT, article_order, order_ntriples
from kg.rdf.iris import Minter
from kg.rdf.mapping import article_ntriples, entity_ntriples
from kg.resolve import CorpusResolution, Resolution, resolve_corpus
from kg.resolve.aliases import AliasRule
from kg.resolve.local import ArticleEntities
from kg.resolve.state import ResolutionState
from kg.store.base import Store
from kg.workers import extract_records
from kg.writer import article_digest, render_version, sync_digested

if TYPE_CHECKING:  # the build's own bookkeeping, passed in by kg.pipeline
    from kg.pipeline import BuildReport, _Corpus


def graph_iri(minter: Minter, name: str) -> str:
    """The IRI of a corpus-level graph (``entities``, ``claims``, ``aliases``)."""
    return f"{minter.base}graph/{name}"


def write_corpus(
    store: Store,
    cache: BuildCache,
    corpus: _Corpus,
    minter: Minter,
    rules: list[AliasRule],
    report: BuildReport,
    *,
    model: str | None,
    model_id: str | None,
    prefetched: Prefetched | None = None,
    reuse: bool = True,
) -> None:
    """Phase 2 over ``corpus``: records the cache lacks made again from the stored texts,
    every entity resolved (from ``prefetched`` when it was resolved under the same rules;
    else from the resolution the cache keeps, unless not ``reuse``), then exactly the
    graphs whose content changed written, each in its own transaction and a new version
    before the old one goes; ``report`` gets the counts."""
    live = corpus.live()
    missing = [iri for iri, key in live.items() if key is None or not cache.has(key)]
    if missing:
        # the cache lost these records (deleted, or a store made by an older newskg):
        # made again from the texts the store holds
        for iri, key in _re_extract(store, cache, missing, model, model_id).items():
            corpus.keys[iri] = key
        live = corpus.live()
        # an article whose text could not be made into a record keeps its graph as it is
        live = {i: k for i, k in live.items() if k is not None and cache.has(k)}
    keys = {iri: key for iri, key in live.items() if key is not None}
    resolution, made = _resolve(cache, minter, rules, keys, prefetched, reuse)
    res = resolution.resolution()
    written = cache.graphs()
    with _GraphWriter(store, cache) as writer:
        for iri, key in keys.items():
            short = iri.rsplit("/", 1)[-1]
            ident = res.identities[short]
            digest = made.digest(short, key, ident)
            if iri in corpus.stored and written.get(iri) == (key, digest):
                continue
            ex = cache.record(key)
            assert ex is not None
            drop = [g for g in corpus.by_file.get(ex.article.source_file, []) if g != iri]
            drop = [g for g in drop if g in corpus.drop]
            writer.put(iri, article_ntriples(ex, minter, ident), drop, key, digest)
            if iri not in corpus.new:
                report.rewritten += 1
        # the corpus-level graphs are worked out and written while the last article
        # graphs are still being written (other graphs, other transactions)
        gone = sorted(g for g in corpus.drop if g in corpus.stored)
        if gone:
            writer.drain()
            store.drop_graphs(gone)
            for g in gone:
                cache.dropped(g)
            report.removed = len(corpus.removed & set(gone))
        version = render_version()
        entities_graph = graph_iri(minter, "entities")
        digests = {iri: f"{version}{d}" for iri, d in resolution.digests.items()}
        # the listing orders of the articles (kg.paging) and of the entities
        # (kg.entity_order), one subject each in the entities graph (not stated when an
        # article kept in the store has no record: its keys and counts are unknown)
        whole = len(keys) == len(corpus.live())
        orders = {}
        if whole:
            tallies = cache.entity_tallies(keys.values())
            orders = listing_orders(res, minter, cache.article_keys(keys.values()), tallies)
        for iri in orders:
            digests[iri] = hashlib.sha256(orders[iri].encode()).hexdigest()[:32]
        order_iris = [f"{minter.base}{ORDER_SUBJECT}", f"{minter.base}{ENTITY_ORDER_SUBJECT}"]
        was = cache.subject_digests(entities_graph, order_iris)
        reordered = sum(was.get(i) != digests.get(i) for i in order_iris)
        report.entity_changes = (
            sync_digested(
                store,
                cache,
                entities_graph,
                digests,
                lambda iri: orders[iri] if iri in orders else entity_ntriples(res.entities[iri]),
            )
            - reordered
        )
        # claims (kg.claims): with the speakers just resolved, redoing only what the changed
        # articles reach (kg.claims.state)
        fps = made.fingerprints({i.rsplit("/", 1)[-1]: k for i, k in keys.items()}, res)
        report.claim_changes, report.claims = update_claims(
            store, cache, graph_iri(minter, "claims"), keys, res, minter, fps
        )
    cache.drop_records_except(set(keys.values()))
    report.total_articles = len(keys)
    report.entities = Counter(e.type for e in res.entities.values())
    for s in cache.summaries(keys.values()):
        report.statements.update(s["statements"])
        if s["unnamed"]:
            report.entities["UnnamedSource"] += s["unnamed"]


#: how much N-Triples text may wait to be written at once (bounds the memory it holds)
IN_FLIGHT_CHARS = 8_000_000


class _GraphWriter:
    """Article graphs written, each in its own transaction, up to the store's
    :attr:`~kg.store.base.Store.concurrent_writes` at a time from as many threads, and
    each recorded in the cache once its write is done, in the order they were given.

    Why threads: a transaction's commit waits for the disk, and while one thread waits the
    other core can commit another graph (pyoxigraph lets go of Python's lock meanwhile);
    dev's 84 graphs took 0.7-0.8 s one by one for 0.38 s of CPU. Crash safety is each
    graph's own, as before: its new version goes in before its file's older graphs go (in
    :meth:`~kg.store.base.Store.put_graph`), and the cache records a graph only after the
    store has it, so a graph written but not recorded is written again by the next build.
    Writes in flight together never name the same graph (a graph to write or to drop
    named by one waits for the others to end)."""

    def __init__(self, store: Store, cache: BuildCache):
        self.store = store
        self.cache = cache
        self.width = max(1, store.concurrent_writes)
        self.pool: ThreadPoolExecutor | None = None
        self.pending: deque[tuple[Future, str, str, str, list[str], int]] = deque()
        self.in_flight = 0  # characters of N-Triples given and not yet written

    def __enter__(self) -> _GraphWriter:
        return self

    def put(self, iri: str, ntriples: str, drop: list[str], key: str, digest: str) -> None:
        if self.width == 1:
            self.store.put_graph(iri, ntriples, drop=drop)
            self._record(iri, key, digest, drop)
            return
        if self.pool is None:
            self.pool = ThreadPoolExecutor(self.width, thread_name_prefix="kg-write")
        names = {iri, *drop}
        while self.pending and any(names & {p[1], *p[4]} for p in self.pending):
            self._finish()
        future = self.pool.submit(self.store.put_graph, iri, ntriples, drop)
        self.pending.append((future, iri, key, digest, drop, len(ntriples)))
        self.in_flight += len(ntriples)
        while self.pending and (self.pending[0][0].done() or self.in_flight > IN_FLIGHT_CHARS):
            self._finish()

    def drain(self) -> None:
        """Wait for every write given so far, and record it."""
        while self.pending:
            self._finish()

    def _finish(self) -> None:
        future, iri, key, digest, drop, size = self.pending.popleft()
        future.result()  # a failed write raises here, before anything records it
        self.in_flight -= size
        self._record(iri, key, digest, drop)

    def _record(self, iri: str, key: str, digest: str, drop: list[str]) -> None:
        self.cache.wrote(iri, key, digest)
        for g in drop:
            self.cache.dropped(g)

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self.drain()
        finally:
            if self.pool is not None:
                # on a failure, what is in flight ends before the error goes on; those
                # graphs are not recorded, so the next build writes them again
                self.pool.shutdown(wait=True)


@dataclass
class Prefetched:
    """The stored corpus resolved (while phase 1 ran, or as phase 2 starts): from which
    record each article's entities came, under which rules, and the rows of the kept
    resolution it was read from (None: made from the records)."""

    resolution: CorpusResolution
    keys: dict[str, str]  # article short hash -> record key
    rules: list[AliasRule]
    kept: ResolutionState | None = None
    made: Made | None = None


class Made:
    """What each article's graph and its claims are made from, as digests
    (:func:`kg.writer.article_digest`, :func:`kg.claims.state.article_fingerprint`),
    worked out once per identity: the prefetch works them out for the stored corpus beside
    the parse, and phase 2 again only for the articles whose identities changed (and, for
    claims, whose entities changed type). Phase 2 compares them for every article (the
    graph's digest: after a crash, that is how it knows which graphs were written), and
    working them out there for the whole of PolNeAR train cost 0.02 and 0.015 CPU
    seconds a build, on the critical path."""

    def __init__(self, base: str):
        self.base = base
        self.known: dict[str, tuple[Identity, str, str]] = {}
        self.prints: dict[str, tuple[Identity, str, str]] = {}
        #: the descriptions the fingerprints in :attr:`prints` read the types of
        self.entities: Mapping[str, CorpusEntity] = {}

    def fill(self, corpus: CorpusResolution, keys: dict[str, str]) -> Made:
        """Work them out for every article of ``corpus`` (``keys``: their record keys)."""
        self.entities = corpus.entities  # an update puts another dict in its place
        for short, key in keys.items():
            ident = corpus.identities.get(short)
            if ident is not None:
                self.known[short] = (ident, key, article_digest(key, ident, self.base))
                fp = article_fingerprint(key, ident, self.entities, self.base)
                self.prints[short] = (ident, key, fp)
        return self

    def digest(self, short: str, key: str, ident: Identity) -> str:
        kept = self.known.get(short)
        if kept is not None and kept[0] is ident and kept[1] == key:
            return kept[2]
        return article_digest(key, ident, self.base)

    def fingerprints(self, keys: dict[str, str], res: Resolution) -> dict[str, str]:
        """Each article's claims fingerprint (``keys``: short hash -> record key): the one
        worked out before, where the article has the same identity and record and none
        of its entities changed type since."""
        retyped = _retyped(self.entities, res.entities) if self.prints else set()
        out = {}
        for short, key in keys.items():
            ident = res.identities[short]
            kept = self.prints.get(short)
            if (
                kept is not None
                and kept[0] is ident
                and kept[1] == key
                and retyped.isdisjoint(ident.iris.values())
            ):
                out[short] = kept[2]
            else:
                out[short] = article_fingerprint(key, ident, res.entities, self.base)
        return out


def _retyped(old: Mapping[str, CorpusEntity], new: Mapping[str, CorpusEntity]) -> set[str]:
    """The IRIs whose entity is of another type in ``new`` than in ``old`` (or in one of
    them only). An entity an update kept is the same object: only the others are read."""
    out = {
        iri
        for iri, ent in new.items()
        if old.get(iri) is not ent and (iri not in old or old[iri].type != ent.type)
    }
    out.update(k for k in old if k not in new)
    return out


def load_resolution(
    cache: BuildCache, minter: Minter, rules: list[AliasRule], *, reuse: bool = True
) -> Prefetched:
    """The resolution the cache keeps (:mod:`kg.resolve.state`), when ``reuse`` and it can
    be trusted; else an empty one, with the memo of earlier builds."""
    memo = cache.memo()
    if reuse:
        state = ResolutionState(cache.connection)
        kept = state.load(minter, rules, memo, cache.entities)
        if kept is not None:
            return Prefetched(kept[0], kept[1], list(rules), state)
        memo.used = set()  # what a failed read marked
    return Prefetched(CorpusResolution(minter, rules, memo), {}, list(rules))


def prefetch_resolution(
    cache: BuildCache, minter: Minter, rules: list[AliasRule], keys: list[str]
) -> Prefetched:
    """The stored corpus (the records of ``keys``) resolved: the kept resolution, or,
    without one, every record's entities resolved (from the memo of block outcomes)."""
    out = load_resolution(cache, minter, rules)
    if out.kept is None and keys:
        entities = cache.entities(keys)
        out.resolution.update(entities.values())
        out.keys = {art.article: key for key, art in entities.items()}
    out.made = Made(minter.base).fill(out.resolution, out.keys)
    return out


def _resolve(
    cache: BuildCache,
    minter: Minter,
    rules: list[AliasRule],
    keys: dict[str, str],
    prefetched: Prefetched | None,
    reuse: bool = True,
) -> tuple[CorpusResolution, Made]:
    """The corpus's resolution: the prefetched (or kept) one brought up to date (only the
    blocks the new and removed articles touch are resolved again), or one made now; then
    kept for the next build, with the memo, in one transaction. With it, the digests of
    :class:`Made`."""
    wanted = {iri.rsplit("/", 1)[-1]: key for iri, key in keys.items()}
    if prefetched is None or prefetched.rules != rules:
        prefetched = load_resolution(cache, minter, rules, reuse=reuse)
    corpus, have = prefetched.resolution, prefetched.keys
    memo = corpus.memo
    changed = [k for short, k in wanted.items() if have.get(short) != k]
    removed = [short for short in have if short not in wanted]
    corpus.update(cache.entities(changed).values(), removed)
    memo.used = {b.digest for b in corpus.blocks()}
    made = prefetched.made or Made(minter.base)
    if cache.in_memory:
        cache.keep_memo(memo)
    else:
        kept = prefetched.kept
        state = kept.moved(cache.connection) if kept else ResolutionState(cache.connection)
        cache.keep_memo(memo, then=lambda: state.save(corpus, wanted))
    return corpus, made


_ARTICLE_DATA = """
SELECT ?a ?text ?file ?title ?url ?date ?author ?publisher WHERE {
  GRAPH ?a { ?a a kg:Article ; kg:text ?text ; kg:sourceFile ?file .
    OPTIONAL { ?a dcterms:title ?title } OPTIONAL { ?a dcterms:source ?url }
    OPTIONAL { ?a dcterms:date ?date } OPTIONAL { ?a dcterms:creator ?author } }
  OPTIONAL { GRAPH ?a { ?a dcterms:publisher ?p } ?p rdfs:label ?publisher }
  VALUES ?a { %s }
}"""


def _re_extract(
    store: Store,
    cache: BuildCache,
    iris: list[str],
    model: str | None,
    model_id: str | None,
) -> dict[str, str]:
    """Records for stored articles the cache lacks, made from the texts in the store."""
    from kg.readers.text import find_title

    model_id = model_id or nlp_mod.model_id(model)
    articles = []
    for i in range(0, len(iris), 200):
        values = " ".join(f"<{iri}>" for iri in iris[i : i + 200])
        for r in store.select(_ARTICLE_DATA % values):
            text, title = r["text"] or "", r["title"]
            span = find_title(text) if title else None
            if span and text[span[0] : span[1]] != title:
                span = None
            articles.append(
                Article(
                    text=text,
                    source_file=r["file"] or "",
                    title=title,
                    url=r["url"],
                    date=r["date"],
                    author=r["author"],
                    publisher=r["publisher"],
                    title_span=span,
                )
            )
    by_hash = {iri.rsplit("/", 1)[-1]: iri for iri in iris}
    out: dict[str, str] = {}
    from kg.workers import default_jobs

    ordered = sorted(articles, key=lambda a: a.short_hash)
    for result in extract_records(ordered, model=model, jobs=default_jobs()):
        if isinstance(result, ReadProblem):
            continue  # its graph stays as it is
        key = record_key(result.article, model_id)
        cache.put(key, result)
        out[by_hash[result.article.short_hash]] = key
    return out


def corpus_graphs(extractions: Sequence[Extraction], minter: Minter) -> dict[str, str]:
    """The graphs a store would hold for exactly these articles, without a store: each
    article graph by its IRI, then the corpus-level graphs (entities, claims; N-Triples
    text each)."""

    res = resolve_corpus([ArticleEntities.of(e) for e in extractions], minter)
    out = {
        minter.article(e.article.short_hash): article_ntriples(
            e, minter, res.identities[e.article.short_hash]
        )
        for e in extractions
    }
    claims = [ArticleClaims.of(e) for e in extractions]
    keys = [article_key(e.article) for e in extractions]
    out.update(corpus_level_graphs(res, minter, claims, keys, tallies_of(extractions)))
    return out


def article_key(article: Article) -> tuple[str | None, str, str]:
    """What the listing order of the articles reads of one (:func:`kg.paging.article_order`):
    its title (None without one), source file and short hash."""
    return (article.title or None, article.source_file, article.short_hash)


def listing_orders(
    res: Resolution,
    minter: Minter,
    articles: Iterable[tuple[str | None, str, str]],
    tallies: Mapping[str, EntityTally],
) -> dict[str, str]:
    """The triples stating the listing orders of the articles and of the entities, by
    their subjects' IRIs (N-Triples text each; an order that cannot be stated is left out):
    ``articles`` are every article's :func:`article_key`, ``tallies`` every article's
    :class:`kg.entity_order.EntityTally` by short hash."""
    out = {}
    order = article_order(articles)
    if order:
        out[f"{minter.base}{ORDER_SUBJECT}"] = order_ntriples(minter.base, order)
    labels = {iri: e.label for iri, e in res.entities.items()}
    identities = {short: ident.iris for short, ident in res.identities.items()}
    entities = entity_order(minter.base, identities, labels, tallies)
    if entities:
        out[f"{minter.base}{ENTITY_ORDER_SUBJECT}"] = entity_order_ntriples(minter.base, entities)
    return out


def corpus_level_graphs(
    res: Resolution,
    minter: Minter,
    claims: Iterable[ArticleClaims] = (),
    articles: Iterable[tuple[str | None, str, str]] = (),
    tallies: Mapping[str, EntityTally] | None = None,
) -> dict[str, str]:
    """The corpus-level graphs of a resolved corpus, by IRI (N-Triples text each): what a
    distributed build (:mod:`kg.spark`) writes beside the article graphs, so that it and
    :func:`corpus_graphs` make the same graphs. ``claims``: every article's claims input;
    ``articles``: every article's :func:`article_key`, and ``tallies`` every article's
    :class:`kg.entity_order.EntityTally`, for the listing orders."""
    subjects, _ = claims_subjects(list(claims), res, minter)
    orders = listing_orders(res, minter, articles, tallies or {})
    entities = "".join(entity_ntriples(e) for e in res.entities.values())
    return {
        graph_iri(minter, "entities"): entities + "".join(orders[i] for i in sorted(orders)),
        graph_iri(minter, "claims"): "".join(subjects[s] for s in sorted(subjects)),
    }


__all__ = [
    "Prefetched",
    "article_key",
    "corpus_graphs",
    "corpus_level_graphs",
    "graph_iri",
    "listing_orders",
    "write_corpus",
]
