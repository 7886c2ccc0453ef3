"""Building a store in two phases: per-article records, then one global pass.

Phase 1 (:mod:`kg.workers`), per article and pure: read -> parse -> extract into a record,
kept in the build cache (:mod:`kg.cache`) by a key of the article and the extractor, so an
unchanged article is never parsed again. It runs on ``jobs`` processes.

Phase 2 (:mod:`kg.phase2`), global and deterministic: every record of the store's corpus
(the articles it held, less those replaced or removed, plus the new ones) is resolved at
once, then exactly the graphs whose content changed are written. The same records give the
same store, whatever the order of the files, the number of processes or of earlier builds.
This module decides what the corpus is (which files, which duplicates, which removals) and
runs the phases.

``kg resolve`` is phase 2 alone (:func:`resolve`): after a resolver upgrade or a new
aliases file, it re-resolves the stored corpus without parsing anything.
"""

from __future__ import annotations

import gc
import json
import os
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TextIO

from kg import nlp as nlp_mod
from kg.cache import BuildCache, record_key
from kg.model import Article, Extraction, ReadProblem
from kg.phase2 import (
    Prefetched,
    corpus_graphs,
    corpus_level_graphs,
    graph_iri,
    prefetch_resolution,
    write_corpus,
)
from kg.rdf.iris import Minter
from kg.rdf.mapping import alias_rules_graph
from kg.rdf.vocab import DEFAULT_BASE
from kg.readers import read_paths
from kg.readers.files import STDIN
from kg.readers.metadata import Metadata
from kg.resolve.aliases import AliasRule, merge_rules
from kg.store.base import Store, StoredArticle
from kg.workers import extract_batch, extract_records


@dataclass
class BuildReport:
    """What a build did, for the summary a user sees."""

    articles: int = 0  # articles stored by this build (new or replacing an older version)
    parsed: int = 0  # of those, how many had to be parsed (not found in the cache)
    unchanged: int = 0
    replaced: int = 0
    removed: int = 0
    rewritten: int = 0  # other article graphs rewritten because their entities' IRIs changed
    entity_changes: int = 0  # entities described anew in the entities graph
    claim_changes: int = 0  # subjects of the claims graph written anew
    metadata_unmatched: int = 0  # rows of a metadata sidecar that matched no input file
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, same text as)
    problems: list[ReadProblem] = field(default_factory=list)
    # what the store holds after the build
    total_articles: int = 0
    entities: Counter = field(default_factory=Counter)
    statements: Counter = field(default_factory=Counter)
    claims: Counter = field(default_factory=Counter)  # "claims", "shared", "denied"

    @property
    def failed(self) -> list[ReadProblem]:
        return [p for p in self.problems if p.kind == "failed"]

    @property
    def skipped(self) -> list[ReadProblem]:
        return [p for p in self.problems if p.kind == "skipped"]


#: The collector's first threshold while a build runs (CPython's default is 700).
GC_THRESHOLD = 100_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Phase 2 makes hundreds of thousands of small objects that live as long as the
    build (every record's entities, the resolution, claims), and almost none in cycles;
    at the default threshold CPython's collector walks them again and again, which cost
    resolving PolNeAR train's stored corpus 40% more CPU. Collections are made rarer
    while a build runs, and the threshold put back after it."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], GC_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()  # what a build froze (:func:`_collector_paused`) is collectable again


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The stored corpus's resolution is some 250,000 objects that live as long as the
    build and hold no cycles: CPython's collector, run while they are made and again each
    time they are older, only walks them (about 0.1 CPU seconds on PolNeAR train). It is paused
    while they are made, and what exists then is frozen out of its way until the build
    ends (:func:`_fewer_collections` thaws it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()


def extract_articles(
    articles: Iterable[Article], *, model: str | None = None, batch_size: int = 16
) -> Iterator[Extraction]:
    """Parse and extract articles in this process, in order (no store, no cache). An
    article that cannot be extracted raises, as a library caller expects."""
    nlp = nlp_mod.load(model)
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= batch_size:
            yield from _strict(extract_batch(nlp, batch, batch_size))
            batch = []
    if batch:
        yield from _strict(extract_batch(nlp, batch, batch_size))


def _strict(results: list[Extraction | ReadProblem]) -> Iterator[Extraction]:
    for r in results:
        if isinstance(r, ReadProblem):
            raise ValueError(r.message)
        yield r


class _Corpus:
    """The articles the store will hold after this build: article IRI -> record key, and
    the file each is stored from."""

    def __init__(self, stored: list[StoredArticle], cache: BuildCache):
        self.stored = {a.iri: a for a in stored}
        self.by_file: dict[str, list[str]] = {}
        for a in stored:
            self.by_file.setdefault(a.source_file, []).append(a.iri)
        written = cache.graphs()
        self.keys: dict[str, str | None] = {
            iri: (written[iri][0] if iri in written else None) for iri in self.stored
        }
        self.new: set[str] = set()
        self.superseded: set[str] = set()  # older versions of files built again
        self.removed: set[str] = set()

    @property
    def drop(self) -> set[str]:
        return self.superseded | self.removed

    def add(self, iri: str, key: str, source_file: str) -> bool:
        """A record for the article ``iri`` from ``source_file``; True when it replaces
        an older version of that file."""
        older = {old for old in self.by_file.get(source_file, []) if old != iri}
        self.superseded |= older
        self.keys[iri] = key
        self.new.add(iri)
        return bool(older)

    def remove(self, iri: str) -> None:
        self.removed.add(iri)

    def live(self) -> dict[str, str | None]:
        return {i: k for i, k in sorted(self.keys.items()) if i not in self.drop}


@_fewer_collections()
def build(
    paths: Sequence[str],
    store: Store,
    *,
    model: str | None = None,
    base: str = DEFAULT_BASE,
    force: bool = False,
    stdin: TextIO | None = None,
    on_article: Callable[[Article | ReadProblem], None] | None = None,
    aliases: Sequence[AliasRule] = (),
    jobs: int = 1,
    stdin_name: str | None = None,
    prune: bool = False,
    metadata: Metadata | None = None,
) -> BuildReport:
    """Build (or update) ``store`` from ``paths`` (see the module docstring).

    An article already stored from the same file with the same text is left alone (unless
    ``force``: then it is parsed again); a file whose text changed replaces its old
    article; a file with the same text as another is reported as a duplicate and stored
    once. ``aliases`` are kept in the store beside the rules earlier builds were given.
    ``on_article`` is called once per input file or record, as it is done with. An
    article read from standard input is stored as ``stdin_name``, or as ``-:`` and the
    first 8 hex digits of its content hash. With ``prune``, stored articles whose files
    lie under ``paths`` but are gone from disk are removed.
    ``metadata`` (a checked sidecar, :mod:`kg.readers.metadata`) gives articles their
    dates, outlets, addresses and titles by file name as they are read.
    """
    report = BuildReport()
    minter = Minter(base)
    model_id = nlp_mod.model_id(model)
    cache = _open_cache(store)
    try:
        corpus = _Corpus(store.articles(), cache)
        seen: dict[str, Article] = {}  # the file each text is kept from (the first by name)
        moves: dict[str, Article] = {}  # texts to keep from another file than they were
        read: set[str] = set()
        keyed: dict[str, str] = {}

        def done(item: Article | ReadProblem) -> None:
            if on_article:
                on_article(item)

        def todo() -> Iterator[Article]:
            for item in read_paths(paths, stdin=stdin):
                if isinstance(item, ReadProblem):
                    report.problems.append(item)
                    done(item)
                    continue
                if item.source_file == STDIN:
                    # named by content (or by the caller): two different texts piped in
                    # one after the other are two articles, not one replacing the other
                    item = replace(item, source_file=stdin_name or stdin_source(item))
                if metadata is not None:
                    item = metadata.apply(item)
                iri = minter.article(item.short_hash)
                read.add(item.source_file.split("#", 1)[0])
                # one text, one article, kept from the file whose name sorts first, so that
                # which file names it does not depend on the order they were read in
                first = seen.get(iri)
                if first is not None:
                    keep, dup = sorted((first, item), key=lambda a: a.source_file)
                    report.duplicates.append((dup.source_file, keep.source_file))
                    seen[iri] = keep
                    if keep is item:
                        moves[iri] = item
                    done(item)
                    continue
                seen[iri] = item
                held = corpus.stored.get(iri)
                if held is not None and not force:
                    if held.source_file != item.source_file:
                        keep = min(held.source_file, item.source_file)
                        dup = max(held.source_file, item.source_file)
                        report.duplicates.append((dup, keep))
                        if keep == item.source_file:
                            moves[iri] = item
                        done(item)
                        continue
                    key = corpus.keys[iri]
                    if corpus.by_file.get(item.source_file) == [iri] and key and cache.has(key):
                        new = _new_metadata(cache, key, item, model_id)
                        if new == key:
                            report.unchanged += 1
                            done(item)
                            continue
                        if new is not None:
                            _stored_new(corpus, report, iri, new, item)
                            done(item)
                            continue
                        # a new title (from a sidecar): parsed again below
                key = record_key(item, model_id)
                keyed[item.short_hash] = key
                if not force and cache.has(key):
                    _stored_new(corpus, report, iri, key, item)
                    done(item)
                    continue
                yield item

        rules = _rules(store, minter, list(aliases))
        prefetch = _Prefetch(cache.path, [k for k in corpus.keys.values() if k], minter, rules)
        for result in extract_records(todo(), model=model, jobs=jobs, started=prefetch.start):
            if isinstance(result, ReadProblem):
                report.problems.append(result)
                done(result)
                continue
            art = result.article
            key = keyed.get(art.short_hash) or record_key(art, model_id)
            cache.put(key, result)
            report.parsed += 1
            _stored_new(corpus, report, minter.article(art.short_hash), key, art)
            done(art)
        for iri, art in sorted(moves.items()):
            _move(corpus, cache, iri, art, model, model_id)
        if prune:
            under = covers([p for p in paths if p != STDIN])
            for iri, held in corpus.stored.items():
                file = held.source_file.split("#", 1)[0]
                if under(file) and file not in read and not Path(file).exists():
                    corpus.remove(iri)
        write_corpus(
            store,
            cache,
            corpus,
            minter,
            rules,
            report,
            model=model,
            model_id=model_id,
            prefetched=prefetch.result(),
        )
        if metadata is not None:
            report.metadata_unmatched = metadata.unmatched
    finally:
        cache.close()
    return report


class _Prefetch(threading.Thread):
    """While phase 1 parses (in worker processes, or in this one), read the resolution of
    the stored corpus the cache keeps (or, without one, resolve the stored corpus from its
    records and the memo of earlier builds: :func:`kg.phase2.prefetch_resolution`), so
    that after phase 1 only the blocks the new articles touch are left to resolve:
    adding one article to a large store then costs about what adding it to an empty one
    does. Started once the workers are forked (``extract_records(started=...)``): a
    worker forked while this thread filled memory took a second longer to parse one
    article beside PolNeAR train."""

    def __init__(self, cache_path: Path | str, keys: list[str], minter: Minter, rules: list):
        super().__init__(name="kg-prefetch", daemon=True)
        self._path, self._keys, self._minter, self._rules = cache_path, keys, minter, rules
        self._out: Prefetched | None = None
        self._error: BaseException | None = None

    def run(self) -> None:
        if str(self._path) == ":memory:" or not self._keys:
            return
        with _collector_paused():
            try:
                cache = BuildCache(self._path)  # its own connection: SQLite's rule for threads
                try:
                    self._out = prefetch_resolution(cache, self._minter, self._rules, self._keys)
                finally:
                    cache.close()
            except BaseException as exc:  # noqa: BLE001 - phase 2 then resolves on its own
                self._error = exc

    def result(self) -> Prefetched | None:
        if self.ident is None:  # not started (phase 1 had nothing to do): run it now
            self.start()
        self.join()
        return None if self._error is not None else self._out


def covers(paths: Sequence[str]) -> Callable[[str], bool]:
    """Whether a stored source file is one of ``paths`` or lies under one of them (as
    given: the names a build stores are the paths as the user wrote them)."""
    wanted = [os.path.normpath(p) for p in paths]

    def test(source_file: str) -> bool:
        name = os.path.normpath(source_file.split("#", 1)[0])
        return any(name == w or name.startswith(w.rstrip(os.sep) + os.sep) for w in wanted)

    return test


def _move(
    corpus: _Corpus, cache: BuildCache, iri: str, art: Article, model: str | None, model_id: str
) -> None:
    """Keep the article ``iri`` from the file ``art`` was read from (a duplicate whose name
    sorts first): its record made again for that file, without parsing when the text and
    title agree (extraction reads nothing else)."""
    key = corpus.keys.get(iri)
    held = cache.record(key) if key else None
    if held is not None and held.article.source_file == art.source_file:
        return
    if held is not None and (held.article.text, held.article.title, held.article.title_span) == (
        art.text,
        art.title,
        art.title_span,
    ):
        ex: Extraction | ReadProblem = replace(held, article=art)
    else:
        (ex,) = list(extract_records([art], model=model, jobs=1))
    if isinstance(ex, ReadProblem):
        return
    new = record_key(art, model_id)
    cache.put(new, ex)
    corpus.add(iri, new, art.source_file)


def stdin_source(article: Article) -> str:
    """The source-file name of an article read from standard input: by its content."""
    return f"{STDIN}:{article.short_hash[:8]}"


def _new_metadata(cache: BuildCache, key: str, item: Article, model_id: str) -> str | None:
    """For a stored article read again with other metadata (a date, an outlet, an
    address from a sidecar) but the same text and title: its record under the new
    article, made without parsing (extraction never reads those fields), and its key.
    ``key`` itself when nothing changed; None when the record must be made anew."""
    new = record_key(item, model_id)
    if new == key:
        return key
    if not cache.has(new):
        ex = cache.record(key)
        old = ex.article if ex is not None else None
        if ex is None or (old.text, old.title, old.title_span) != (
            item.text,
            item.title,
            item.title_span,
        ):
            return None
        cache.put(new, replace(ex, article=item))
    return new


def _stored_new(corpus: _Corpus, report: BuildReport, iri: str, key: str, art: Article) -> None:
    if corpus.add(iri, key, art.source_file):
        report.replaced += 1
    report.articles += 1


@_fewer_collections()
def resolve(
    store: Store,
    *,
    model: str | None = None,
    base: str = DEFAULT_BASE,
    aliases: Sequence[AliasRule] = (),
) -> BuildReport:
    """Phase 2 alone over the stored corpus: re-resolve every entity and write what
    changed. Nothing is parsed unless the cache lacks an article's record."""
    report = BuildReport()
    minter = Minter(base)
    cache = _open_cache(store)
    try:
        corpus = _Corpus(store.articles(), cache)
        rules = _rules(store, minter, list(aliases))
        # resolved from the records, whatever resolution the cache keeps (and kept anew)
        write_corpus(
            store, cache, corpus, minter, rules, report, model=model, model_id=None, reuse=False
        )
    finally:
        cache.close()
    return report


@_fewer_collections()
def build_records(
    store: Store,
    records: Iterable[Extraction],
    *,
    model_id: str = "records",
    base: str = DEFAULT_BASE,
    aliases: Sequence[AliasRule] = (),
) -> BuildReport:
    """Store records made elsewhere (by another machine, a Spark job, a generator of test
    data): phase 2 over the stored corpus and these records, nothing parsed. A record
    replaces what its source file held, as in :func:`build`."""
    report = BuildReport()
    minter = Minter(base)
    cache = _open_cache(store)
    try:
        corpus = _Corpus(store.articles(), cache)
        for ex in records:
            key = record_key(ex.article, model_id)
            cache.put(key, ex)
            _stored_new(corpus, report, minter.article(ex.article.short_hash), key, ex.article)
        rules = _rules(store, minter, list(aliases))
        write_corpus(store, cache, corpus, minter, rules, report, model=None, model_id=model_id)
    finally:
        cache.close()
    return report


@_fewer_collections()
def remove(
    store: Store,
    source_files: Callable[[str], bool],
    *,
    model: str | None = None,
    base: str = DEFAULT_BASE,
) -> BuildReport:
    """Remove the stored articles whose source file ``source_files`` accepts, then bring
    the corpus-level graphs up to date (phase 2)."""
    report = BuildReport()
    minter = Minter(base)
    cache = _open_cache(store)
    try:
        corpus = _Corpus(store.articles(), cache)
        for iri, art in corpus.stored.items():
            if source_files(art.source_file):
                corpus.remove(iri)
        rules = _rules(store, minter, [])
        write_corpus(store, cache, corpus, minter, rules, report, model=model, model_id=None)
    finally:
        cache.close()
    return report


def _open_cache(store: Store) -> BuildCache:
    path = store.cache_path
    return BuildCache(path if path is not None else ":memory:")


# --- alias rules ------------------------------------------------------------------------------

_RULES_QUERY = """
SELECT ?alias ?canonical ?type WHERE {
  GRAPH <%s> { ?r a kg:AliasRule ; kg:alias ?alias ; kg:canonical ?canonical ; kg:aliasType ?type }
} ORDER BY ?alias"""


def stored_rules(store: Store, base: str = DEFAULT_BASE) -> list[AliasRule]:
    """The alias rules earlier builds were given, so that they keep holding."""
    rows = store.select(_RULES_QUERY % graph_iri(Minter(base), "aliases"))
    return [AliasRule(r["alias"], r["canonical"], r["type"]) for r in rows]


def _rules(store: Store, minter: Minter, new: list[AliasRule]) -> list[AliasRule]:
    """The stored rules with ``new`` beside them; the store keeps the merged set."""
    old = stored_rules(store, minter.base)
    if not new:
        return old
    rules = merge_rules(old, new)
    if rules != old:
        iri = graph_iri(minter, "aliases")
        rows = [(r.alias, r.canonical, r.type) for r in rules]
        store.put_graph(iri, alias_rules_graph(rows, iri).serialize(format="nt"))
    return rules


def summary_json(report: BuildReport) -> str:
    """The report as JSON (for scripts)."""
    return json.dumps(
        {
            "articles": report.articles,
            "parsed": report.parsed,
            "unchanged": report.unchanged,
            "replaced": report.replaced,
            "removed": report.removed,
            "rewritten": report.rewritten,
            "duplicates": report.duplicates,
            "failed": [p.message for p in report.failed],
            "skipped": [p.message for p in report.skipped],
            "store": {
                "articles": report.total_articles,
                "entities": dict(report.entities),
                "statements": dict(report.statements),
                "claims": dict(report.claims),
            },
        },
        indent=2,
        ensure_ascii=False,
    )


__all__ = [
    "BuildReport",
    "build",
    "build_records",
    "corpus_graphs",
    "corpus_level_graphs",
    "covers",
    "extract_articles",
    "graph_iri",
    "remove",
    "resolve",
    "stored_rules",
]
