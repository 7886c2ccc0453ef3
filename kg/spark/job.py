"""The Spark job: ``kg build`` for corpora that outgrow one machine.

Its output is what ``kg build`` makes of the same input, graph for graph, because it runs
the same two phases through the same functions:

1. Phase 1 in the executors. Each file arrives whole and is read with newskg's readers
   (:mod:`kg.spark.inputs`); articles with the same text keep the one ``kg build`` would
   keep (the first in its reading order); each partition is parsed by the spaCy model its
   executor process loaded once (Python workers are reused across tasks), and what crosses
   the wire is records (:class:`~kg.model.Extraction` as JSON, a few kilobytes), never Docs.
2. Phase 2 as Spark operations. Entity resolution is global by nature (one person keeps
   one IRI across the corpus): the small :class:`~kg.resolve.local.ArticleEntities` of every
   record come to the driver, :func:`kg.resolve.resolve_corpus` decides every identity, the
   identities are joined back to the records by article, and each executor renders its
   article graphs (:func:`kg.rdf.mapping.article_ntriples`). The corpus-level graphs come
   from :func:`kg.pipeline.corpus_level_graphs`, so what ``kg build`` adds there (claims)
   the job writes too.

Output: N-Quads shards under ``--out`` (see :mod:`kg.spark.shards`), each article graph
whole in one shard, committed by Spark's output committer: a task that fails is retried and
only the successful attempt's shard is kept, so no article is lost or written twice.

Runs as ``kg spark INPUT... --out DIR`` or ``spark-submit kg/spark/job.py INPUT... --out DIR``
(docs/cluster.md).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from kg.rdf.vocab import DEFAULT_BASE

#: Articles per spaCy batch inside a partition.
BATCH = 16


@dataclass
class JobReport:
    """What the job did, for the summary a user sees."""

    articles: int = 0
    duplicates: int = 0
    failed: list[str] = field(default_factory=list)  # the first messages only
    failed_count: int = 0
    skipped: list[str] = field(default_factory=list)
    skipped_count: int = 0
    entities: Counter = field(default_factory=Counter)
    shards: int = 0


# --- the executors' side ----------------------------------------------------------------------

_NLP: dict[str | None, Any] = {}


def _model(name: str | None):
    """The spaCy pipeline of this executor process, loaded on its first task."""
    if name not in _NLP:
        from kg import nlp as nlp_mod

        _NLP[name] = nlp_mod.load(name)
        gc.freeze()  # spaCy's objects live as long as the worker: keep the collector off them
    return _NLP[name]


def _read(item: tuple[int, str, str, str, bytes]) -> Iterator[tuple]:
    """One input file -> ("a", short hash, (order key, Article)) and ("p", kind, message)."""
    from kg.model import ReadProblem
    from kg.spark.inputs import display_name, order_key, read_bytes

    index, given, root, uri, data = item
    display = display_name(given, root, uri)
    for n, r in enumerate(read_bytes(display, data)):
        if isinstance(r, ReadProblem):
            yield ("p", r.kind, r.message)
        else:
            # one text read from several files is kept from the file whose name sorts
            # first, as kg build keeps it (then by reading order, for records of one file)
            yield ("a", r.short_hash, ((r.source_file, order_key(index, given, display, n)), r))


def _phase1(model: str | None, fail: int | None, marker: str | None = None):
    """The partition function of phase 1: articles in, (short hash, record JSON, entities
    JSON) or a problem out."""

    def run(rows: Iterable[tuple[str, tuple]]) -> Iterator[tuple]:
        from pyspark import TaskContext

        from kg.workers import extract_batch

        batch = []
        for _, (_, article) in rows:
            batch.append(article)
            if len(batch) == BATCH:
                yield from _extracted(extract_batch(_model(model), batch, BATCH))
                batch = []
        if batch:
            yield from _extracted(extract_batch(_model(model), batch, BATCH))
        # an injected fault fails the partition after it sent its records: what Spark had
        # of this attempt must be thrown away, and the retry's kept
        ctx = TaskContext.get()
        first = ctx is not None and ctx.attemptNumber() == 0
        if fail is not None and first and ctx.partitionId() == fail:
            if marker:
                with open(marker, "a", encoding="utf-8") as log:
                    log.write(f"{fail}\n")
            raise RuntimeError(f"injected fault in partition {fail} (first attempt)")

    def _extracted(results) -> Iterator[tuple]:
        from kg.claims.inputs import ArticleClaims
        from kg.model import ReadProblem
        from kg.resolve.local import ArticleEntities

        for r in results:
            if isinstance(r, ReadProblem):
                yield ("p", r.kind, r.message)
            else:
                ents = json.dumps(ArticleEntities.of(r).to_json(), ensure_ascii=False)
                claims = json.dumps(ArticleClaims.of(r).to_json(), ensure_ascii=False)
                record = json.dumps(r.to_dict(), ensure_ascii=False)
                yield ("r", r.article.short_hash, record, ents, claims)

    return run


def _listing_inputs(record: str) -> tuple[tuple[str | None, str, str], list[Any]]:
    """What the listing orders read of a record given as JSON: its
    :func:`kg.phase2.article_key` and its :class:`kg.entity_order.EntityTally` (as JSON)."""
    from kg.entity_order import EntityTally
    from kg.model import Extraction
    from kg.phase2 import article_key

    ex = Extraction.from_dict(json.loads(record))
    return article_key(ex.article), EntityTally.of(ex).to_json()


def _render(base: str):
    """The function that turns (short hash, (record JSON, identity)) into N-Quads text."""

    def render(item: tuple[str, tuple[str, Any]]) -> str:
        from kg.model import Extraction
        from kg.rdf.iris import Minter
        from kg.rdf.mapping import article_ntriples
        from kg.spark.shards import to_nquads

        short, (record, ident) = item
        minter = Minter(base)
        ex = Extraction.from_dict(json.loads(record))
        return to_nquads(minter.article(short), article_ntriples(ex, minter, ident)).rstrip("\n")

    return render


def _earliest(a: tuple, b: tuple) -> tuple:
    return a if a[0] <= b[0] else b


# --- the driver's side ------------------------------------------------------------------------


def local_with_retries(master: str) -> str:
    """``local[N]`` retries no failed task; ``local[N,4]`` does, as a cluster would."""
    m = re.fullmatch(r"local\[(\d+|\*)\]", master)
    return f"local[{m.group(1)},4]" if m else master


def session(master: str | None = None, app: str = "newskg"):
    """A SparkSession: the given master, or what spark-submit set, or local[*]."""
    from pyspark.sql import SparkSession

    # local runs start Python workers with this interpreter (so with newskg and its model)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app).config("spark.ui.showConsoleProgress", "false")
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:
        master = "local[*]"  # not under spark-submit: this machine
    if master and master.startswith("local"):
        # a local job talks to itself on loopback only, never on the machine's network
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = builder.config("spark.driver.host", "127.0.0.1").config(
            "spark.driver.bindAddress", "127.0.0.1"
        )
    if master:
        builder = builder.master(local_with_retries(master))
    builder = builder.config(
        "spark.hadoop.mapreduce.input.fileinputformat.input.dir.recursive", "true"
    ).config("spark.ui.enabled", "false")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def run(
    inputs: Sequence[str],
    out: str,
    *,
    master: str | None = None,
    model: str | None = None,
    base: str = DEFAULT_BASE,
    partitions: int | None = None,
    spark: Any = None,
    fail_partition: int | None = None,
    fault_marker: str | None = None,
) -> JobReport:
    """Build the graphs of ``inputs`` into N-Quads shards under ``out`` (see the module
    docstring). ``fail_partition`` makes phase 1 fail that partition's first attempt (how
    the tests show a retried task loses and duplicates nothing; ``fault_marker``, a file, says
    it did fail)."""
    from pyspark import StorageLevel

    from kg.claims.inputs import ArticleClaims
    from kg.entity_order import EntityTally
    from kg.pipeline import corpus_level_graphs
    from kg.rdf.iris import Minter
    from kg.resolve import resolve_corpus
    from kg.resolve.local import ArticleEntities
    from kg.spark.inputs import resolve_input
    from kg.spark.shards import to_nquads

    spark = spark or session(master)
    sc = spark.sparkContext
    # a few partitions per core: articles differ in length, and with one partition a core
    # the longest decides the stage (a reused worker keeps its model across partitions)
    n = partitions or 4 * max(1, sc.defaultParallelism)
    files = sc.union(
        [
            sc.binaryFiles(root, minPartitions=n).map(
                lambda kv, i=i, g=given, r=root: (i, g, r, kv[0], kv[1])
            )
            for i, given in enumerate(inputs)
            for root in [resolve_input(given)]
        ]
    )
    read = files.flatMap(_read).persist(StorageLevel.MEMORY_AND_DISK)
    report = JobReport()
    found = read.filter(lambda t: t[0] == "a").map(lambda t: (t[1], t[2]))
    unique = found.reduceByKey(_earliest, numPartitions=n)
    records = unique.mapPartitions(_phase1(model, fail_partition, fault_marker)).persist(
        StorageLevel.MEMORY_AND_DISK
    )
    ok = records.filter(lambda t: t[0] == "r")
    minter = Minter(base)
    # phase 2: global resolution on the small per-article entity lists
    entities = ok.map(lambda t: (t[1], t[3])).collect()
    res = resolve_corpus(
        [ArticleEntities.from_json(short, json.loads(e)) for short, e in entities], minter
    )
    ids = sc.parallelize(sorted(res.identities.items()), n)
    graphs = ok.map(lambda t: (t[1], t[2])).join(ids, numPartitions=n).map(_render(base))
    graphs.saveAsTextFile(os.path.join(out, "articles"))
    # claims: every statement's small input, matched on the driver like the entities
    claims = [
        ArticleClaims.from_json(short, json.loads(c))
        for short, c in ok.map(lambda t: (t[1], t[4])).collect()
    ]
    # the listing orders: each article's title, file and hash, and its entity tally
    listed = ok.map(lambda t: _listing_inputs(t[2])).collect()
    keys = [key for key, _ in listed]
    tallies = {key[2]: EntityTally.from_json(tally) for key, tally in listed}
    levels = corpus_level_graphs(res, minter, [c for c in claims if c is not None], keys, tallies)
    corpus = [to_nquads(g, text).rstrip("\n") for g, text in levels.items()]
    sc.parallelize([c for c in corpus if c], 1).saveAsTextFile(os.path.join(out, "corpus"))
    # the report
    report.articles = len(entities)
    report.duplicates = found.count() - unique.count()
    problems = read.filter(lambda t: t[0] == "p").union(records.filter(lambda t: t[0] == "p"))
    kinds = problems.map(lambda t: (t[1], 1)).reduceByKey(lambda a, b: a + b).collectAsMap()
    report.failed_count = kinds.get("failed", 0)
    report.skipped_count = kinds.get("skipped", 0)
    report.failed = problems.filter(lambda t: t[1] == "failed").map(lambda t: t[2]).take(50)
    report.skipped = problems.filter(lambda t: t[1] == "skipped").map(lambda t: t[2]).take(50)
    report.entities = Counter(e.type for e in res.entities.values())
    report.shards = graphs.getNumPartitions() + 1
    read.unpersist()
    records.unpersist()
    return report


def main(argv: list[str] | None = None) -> int:
    """``spark-submit kg/spark/job.py INPUT... --out DIR``: the master comes from
    spark-submit."""
    parser = argparse.ArgumentParser(prog="kg-spark", description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("--out", required=True, metavar="DIR")
    parser.add_argument("--master", default=None)
    parser.add_argument("--model", default=None)
    parser.add_argument("--base", default=DEFAULT_BASE)
    parser.add_argument("--partitions", type=int, default=None)
    args = parser.parse_args(argv)
    report = run(
        args.inputs,
        args.out,
        master=args.master,
        model=args.model,
        base=args.base,
        partitions=args.partitions,
    )
    print(summary(report, args.out))
    return 1 if report.failed_count else 0


def summary(report: JobReport, out: str) -> str:
    lines = [
        f"Built {report.articles} articles into {report.shards} shards under {out}",
        "  entities:   "
        + (", ".join(f"{v} {k}" for k, v in sorted(report.entities.items())) or "none"),
    ]
    if report.duplicates:
        lines.append(f"  duplicates: {report.duplicates} file(s) or record(s) with another's text")
    if report.skipped_count:
        lines.append(f"  skipped:    {report.skipped_count} (unsupported files, non-pages)")
    if report.failed_count:
        lines.append(f"  failed:     {report.failed_count} file(s) or record(s)")
    return "\n".join(lines)


if __name__ == "__main__":  # spark-submit kg/spark/job.py ...
    sys.exit(main())
