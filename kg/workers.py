"""Phase 1 of a build, on one process or several: articles in, extraction records out.

Each article is parsed and extracted on its own (:func:`kg.extract.extract` is pure), so
the records are the same whatever process made them and in whatever order; phase 2 sorts
them. With ``jobs`` > 1 the work goes to that many worker processes, each loading the spaCy
pipeline once and sending back records, never Docs (a record is a few kilobytes, a Doc
megabytes). Only a bounded number of chunks is in flight, so a long input stream is never
read into memory ahead of the workers.

An article that cannot be parsed or extracted (a spaCy error, a bug met by odd text) comes
back as a :class:`~kg.model.ReadProblem` naming its file; the rest of its batch is parsed
again one by one, so one bad article never costs the others.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice

from kg import nlp as nlp_mod
from kg.extract import extract
from kg.model import Article, Extraction, ReadProblem

Result = Extraction | ReadProblem


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _failed(article: Article, exc: BaseException) -> ReadProblem:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if len(detail) > 160:
        detail = detail[:159] + "…"
    return ReadProblem(article.source_file, f"{article.source_file}: cannot extract: {detail}")


def extract_batch(nlp, articles: Sequence[Article], batch_size: int = 16) -> list[Result]:
    """Parse and extract a batch; a failure is narrowed down to its article."""
    try:
        pairs = nlp_mod.parse_pairs(nlp, ((a.text, a) for a in articles), batch_size=batch_size)
        docs = list(pairs)
    except Exception:  # noqa: BLE001 - one bad text must not cost the batch
        if len(articles) == 1:
            try:
                docs = list(nlp_mod.parse_pairs(nlp, [(articles[0].text, articles[0])]))
            except Exception as exc:  # noqa: BLE001
                return [_failed(articles[0], exc)]
        else:
            return [r for a in articles for r in extract_batch(nlp, [a], batch_size)]
    out: list[Result] = []
    for doc, article in docs:
        try:
            out.append(extract(doc, article))
        except Exception as exc:  # noqa: BLE001
            out.append(_failed(article, exc))
    return out


def _longest_first(items: Iterable[Article], window: int) -> Iterator[Article]:
    """The articles in windows of ``window``, each window's longest first: the last
    chunks of a build are then its shortest, so the workers run out of work at nearly the
    same moment instead of one parsing a long article while the others wait (on PolNeAR
    dev with two workers that wait had been a few tenths of a second). A window at a time,
    so a long stream is still never read far ahead; the store does not depend on the
    order (phase 2 sorts the records)."""
    it = iter(items)
    while batch := list(islice(it, window)):
        yield from sorted(batch, key=lambda a: (-len(a.text), a.source_file))


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


# --- worker processes -----------------------------------------------------------------------

_WORKER_NLP = None


def _init_worker(model: str | None) -> None:
    global _WORKER_NLP
    _WORKER_NLP = nlp_mod.load(model)


def _work(chunk: list[Article]) -> list[Result]:
    return extract_batch(_WORKER_NLP, chunk, batch_size=len(chunk))


def _context() -> mp.context.BaseContext:
    # fork starts a worker in milliseconds; where it is missing, spawn (each worker then
    # imports newskg and loads the model itself)
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def extract_records(
    articles: Iterable[Article],
    *,
    model: str | None = None,
    jobs: int = 1,
    batch_size: int = 16,
    chunk_size: int = 2,
    started: Callable[[], None] | None = None,
) -> Iterator[Result]:
    """A record (or a problem) for every article. With ``jobs`` == 1 in this process, in
    input order; otherwise in the order the workers finish. ``started`` is called once the
    workers are running (at once with ``jobs`` == 1, or when nothing is to be parsed):
    work the caller does meanwhile in this process starts after the fork, so that the
    workers neither copy nor share the pages it touches."""
    if jobs <= 1:
        if started is not None:
            started()
        nlp = None
        for batch in _chunks(articles, batch_size):
            if nlp is None:  # only when there is something to parse
                nlp = nlp_mod.load(model)
                # spaCy's many objects live as long as the process: keep the collector's
                # full passes from walking them again and again
                gc.freeze()
            yield from extract_batch(nlp, batch, batch_size)
        return
    # never more workers than there is work: a build of one article starts one, and this
    # process is free meanwhile (it resolves the stored corpus while the worker loads spaCy)
    stream = iter(articles)
    head = list(islice(stream, jobs * chunk_size))
    if not head:
        if started is not None:
            started()
        return
    jobs = min(jobs, -(-len(head) // chunk_size))
    articles = itertools.chain(head, _longest_first(stream, 8 * jobs * chunk_size))
    pool = ProcessPoolExecutor(
        jobs, mp_context=_context(), initializer=_init_worker, initargs=(model,)
    )
    pending: deque[tuple[list[Article], Future]] = deque()
    broken: list[list[Article]] = []
    try:
        for chunk in _chunks(articles, chunk_size):
            if broken:
                broken.append(chunk)
                continue
            pending.append((chunk, pool.submit(_work, chunk)))
            if started is not None:
                started()  # the first submission forked the workers
                started = None
            while len(pending) >= 4 * jobs or (pending and pending[0][1].done()):
                yield from _collect(pending.popleft(), broken)
        while pending:
            yield from _collect(pending.popleft(), broken)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    if broken:
        # a worker died (killed, out of memory): what it held is done here, one by one
        nlp = nlp_mod.load(model)
        for chunk in broken:
            for article in chunk:
                yield from extract_batch(nlp, [article])


def _collect(item: tuple[list[Article], Future], broken: list[list[Article]]) -> list[Result]:
    chunk, future = item
    try:
        return future.result()
    except BrokenProcessPool:
        broken.append(chunk)
        return []


__all__ = ["default_jobs", "extract_batch", "extract_records"]
