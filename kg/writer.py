"""Writing phase 2's result: only the graphs, and the subjects, whose content changed.

Article graphs are written whole, each in its own transaction, and only when what they
are made from changed (:func:`article_digest`: the record, the IRIs of its entities, the
renderer). The corpus-level graphs (entities, claims) are patched subject by subject
(:func:`sync_subjects`): an entity described anew is removed and written again, in one
transaction with every other change to that graph, and nothing else in it is touched.

Crash safety: a new article graph goes in before the old version of its file is dropped;
subjects about to change are marked pending in the cache before the store changes them, so
after a crash at any point the next build knows which subjects it cannot trust and writes
them again. Nothing the store held is lost at any point.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from kg.cache import BuildCache
from kg.model import Identity
from kg.store.base import Store


@lru_cache(maxsize=1)
def render_version() -> str:
    """A digest of the code that turns records into triples: a newskg that writes the
    model differently rewrites every graph once."""
    root = Path(__file__).parent
    h = hashlib.sha256()
    for f in sorted((root / "rdf").glob("*.py")):
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def article_digest(record_key: str, ident: Identity, base: str) -> str:
    """What an article graph is made from, as a digest."""
    payload = json.dumps(
        [record_key, sorted(ident.iris.items()), ident.publisher, base, render_version()]
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def sync_subjects(
    store: Store,
    cache: BuildCache,
    graph: str,
    wanted: dict[str, str],
    then: Callable[[], None] | None = None,
) -> int:
    """Bring the corpus-level ``graph`` to ``wanted`` (subject IRI -> its N-Triples), one
    transaction, touching only subjects whose triples changed. Returns how many changed.
    ``then`` runs in the cache transaction that records the write (or alone, when nothing
    changed): what must be kept exactly when the write is."""
    digests = {s: _digest(t) for s, t in wanted.items()}
    return sync_digested(store, cache, graph, digests, wanted.__getitem__, then)


def patch_rendered(
    store: Store,
    cache: BuildCache,
    graph: str,
    rendered: dict[str, str],
    removed: set[str],
    then: Callable[[], None] | None = None,
) -> int:
    """:func:`sync_subjects` for a caller that knows which subjects may have changed: only
    ``rendered`` (subject -> its N-Triples) and ``removed`` are compared with what was
    written, and every other subject of ``graph`` is taken as it stands. For a cache that
    knows the graph and has no write pending (the caller checks); ``then`` as there."""
    digests = {s: _digest(t) for s, t in rendered.items()}
    known = cache.subject_digests(graph, set(digests) | removed)
    changed = {s for s, d in digests.items() if known.get(s) != d}
    gone = {s for s in removed if s in known and s not in digests}
    body = "".join(rendered[s] for s in sorted(changed))
    written = {s: digests[s] for s in changed}
    return _patch(store, cache, graph, changed | gone, set(known), body, written, gone, then)


def sync_digested(
    store: Store,
    cache: BuildCache,
    graph: str,
    digests: dict[str, str],
    render: Callable[[str], str],
    then: Callable[[], None] | None = None,
) -> int:
    """:func:`sync_subjects` for a caller that can tell a subject's digest without writing
    its triples (``digests``: subject -> digest of what it is made from); ``render`` writes
    the triples of a subject, and is called only for the subjects that changed."""
    known = cache.subjects(graph)
    if not known and store.has_graph(graph):
        # the cache does not know what the store holds (lost, or an older layout): start over
        cache.forget_graph(graph)
        store.drop_graphs([graph])
    pending = cache.pending(graph)
    changed = {s for s, d in digests.items() if known.get(s) != d} | pending
    gone = (set(known) | pending) - set(digests)
    body = "".join(render(s) for s in sorted(changed) if s in digests)
    written = {s: digests[s] for s in changed if s in digests}
    stored = set(known) | pending
    return _patch(store, cache, graph, changed | gone, stored, body, written, gone, then)


def _patch(
    store: Store,
    cache: BuildCache,
    graph: str,
    dirty: set[str],
    stored: set[str],
    body: str,
    written: dict[str, str],
    gone: set[str],
    then: Callable[[], None] | None,
) -> int:
    """The write both syncs end in: the ``dirty`` subjects marked pending in the cache,
    then in one store transaction those of them the store may hold (``stored``; a subject
    never written has nothing to remove, the fast path of a new graph) removed and ``body``
    added, then the cache told what was ``written`` and what is ``gone``."""
    if not dirty:
        if then is not None:
            with cache.transaction():
                then()
        return 0
    cache.begin_patch(graph, dirty)
    store.patch_subjects(graph, dirty & stored, body)
    cache.end_patch(graph, written, gone, then=then)
    return len(dirty)


__all__ = [
    "article_digest",
    "patch_rendered",
    "render_version",
    "sync_digested",
    "sync_subjects",
]
