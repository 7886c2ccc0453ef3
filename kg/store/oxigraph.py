"""The default store: an embedded, on-disk Oxigraph database."""

from __future__ import annotations

import gzip
import io
import json
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from kg.rdf.vocab import PREFIXES
from kg.store.base import (
    NotAStore,
    QueryError,
    QueryResult,
    Rows,
    Store,
    StoredArticle,
    StoreError,
    Triples,
)

_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}
_QUAD_FORMATS = {"nquads", "trig", "jsonld"}

#: After this many bytes of N-Triples written, the store is flushed: RocksDB keeps what a
#: transaction writes in memory tables (about eight bytes of memory per byte of N-Triples,
#: in every index) until they are flushed to disk, so without this a build's memory grows
#: with the corpus (PolNeAR train: 375 MB of memory tables by the last article; 8 MB
#: keeps them under 90 MB at no measurable cost in time).
FLUSH_BYTES = 8_000_000

ARTICLES_QUERY = """
SELECT ?a ?file ?hash WHERE {
  GRAPH ?a { ?a a kg:Article ; kg:sourceFile ?file ; kg:contentHash ?hash }
}"""


class OxigraphStore(Store):
    """Oxigraph on disk. ``read_only`` opens without taking the write lock, so queries can
    run beside a build and can never change the data."""

    #: Oxigraph's ORDER BY compares strings and IRIs by reading each from RocksDB at every
    #: comparison (a few microseconds each): ordering PolNeAR train's 14,221 statements took
    #: 1.7 s, the same rows ordered in Python 0.3 s on a loaded machine.
    slow_order_by = True
    concurrent_writes = 3

    def __init__(self, path: str | Path, *, read_only: bool = False, create: bool = True):
        self.location = str(path)
        p = Path(path)
        if (read_only or not create) and not (p / "CURRENT").exists():
            raise StoreError(f"no store at {path} (build one with `kg build PATH --store {path}`)")
        if p.exists() and not p.is_dir():
            raise StoreError(f"{path} is a file, not a store directory")
        if p.is_dir() and not (p / "CURRENT").exists() and any(p.iterdir()):
            # a folder of the user's own files: never scatter a database among them
            raise NotAStore(
                f"{path} is a folder with other files in it, not a store; give --store a "
                "new or empty directory"
            )
        try:
            self._store = ox.Store.read_only(str(p)) if read_only else ox.Store(str(p))
        except OSError as exc:
            msg = str(exc)
            if "lock" in msg.lower():
                raise StoreError(
                    f"store {path} is in use by another process (another `kg` command is "
                    "writing to it); wait for it to finish and try again"
                ) from None
            raise StoreError(f"cannot open store {path}: {msg}") from None
        self.read_only = read_only
        self._unflushed = 0
        self._wrote_lock = threading.Lock()

    @classmethod
    def in_memory(cls, nquads: bytes = b"") -> OxigraphStore:
        """A store in memory holding ``nquads``: where a whole-store computation runs on a
        copy of a server's graphs, so that it means exactly what it means here."""
        store = cls.__new__(cls)
        store.location = ":memory:"
        store.read_only = False
        store._store = ox.Store()
        store._unflushed = 0
        store._wrote_lock = threading.Lock()
        if nquads:
            store._store.load(nquads, format=ox.RdfFormat.N_QUADS)
        return store

    @property
    def _in_memory(self) -> bool:
        return self.location == ":memory:"

    def _wrote(self, size: int) -> None:
        """Count what was just written (committed); flush the memory tables to disk once
        :data:`FLUSH_BYTES` have gathered (see there)."""
        with self._wrote_lock:  # writes may come from several threads (concurrent_writes)
            self._unflushed += size
            if self._unflushed < FLUSH_BYTES or self._in_memory:
                return
            self._unflushed = 0
        self._store.flush()

    def replace_article(self, iri: str, graph: Graph | str, drop: Iterable[str] = ()) -> None:
        if self.read_only:
            raise StoreError("store opened read-only")
        body = graph if isinstance(graph, str) else graph.serialize(format="nt")
        old = sorted(set(drop) - {iri})
        try:
            if self._store.contains_named_graph(ox.NamedNode(iri)):
                # replacing a graph in place: drop and insert in one transaction
                ops = [f"DROP SILENT GRAPH <{g}>" for g in [iri, *old]]
                ops.append(f"INSERT DATA {{ GRAPH <{iri}> {{\n{body}\n}} }}")
                self._store.update(" ;\n".join(ops))
                self._wrote(len(body))
                return
            # a new graph: one transactional load (faster than INSERT DATA), then the
            # older versions go; a failure in between leaves an old version, never a loss
            self._store.load(body, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(iri))
            if old:
                self._store.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in old))
            self._wrote(len(body))
        except OSError as exc:
            raise StoreError(f"cannot write to store {self.location}: {exc}") from None

    @property
    def cache_path(self) -> Path | None:
        return None if self._in_memory else Path(self.location) / "newskg" / "cache.sqlite"

    def drop_graphs(self, iris: Iterable[str]) -> None:
        names = sorted(set(iris))
        if names:
            self.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in names))

    def has_graph(self, iri: str) -> bool:
        return self._store.contains_named_graph(ox.NamedNode(iri))

    def patch_subjects(self, graph: str, subjects: Iterable[str], ntriples: str) -> None:
        if self.read_only:
            raise StoreError("store opened read-only")
        subs = sorted(set(subjects))
        try:
            if not subs and not self.has_graph(graph):
                if ntriples:  # a new graph: one transactional load, the fast path
                    self._store.load(
                        ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph)
                    )
                    self._wrote(len(ntriples))
                return
            ops = []
            if subs:
                values = " ".join(f"<{s}>" for s in subs)
                ops.append(
                    f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} "
                    f"WHERE {{ GRAPH <{graph}> {{ VALUES ?s {{ {values} }} ?s ?p ?o }} }}"
                )
            if ntriples:
                ops.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n{ntriples}\n}} }}")
            if ops:
                self._store.update(" ;\n".join(ops))
                self._wrote(len(ntriples))
        except OSError as exc:
            raise StoreError(f"cannot write to store {self.location}: {exc}") from None

    def update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError("store opened read-only")
        try:
            self._store.update(sparql, prefixes=PREFIXES)
        except OSError as exc:
            raise StoreError(f"cannot write to store {self.location}: {exc}") from None

    def articles(self) -> list[StoredArticle]:
        return [StoredArticle(r["a"], r["file"], r["hash"]) for r in self.select(ARTICLES_QUERY)]

    def query(
        self,
        sparql: str,
        bindings: dict[str, Any] | None = None,
        *,
        timeout: float | None = None,
    ) -> QueryResult:
        import re

        from kg.query_shape import names_dataset
        from kg.store.base import BindingError
        from kg.store.deadline import call_with_deadline

        subs = {}
        for name, term in (bindings or {}).items():
            try:
                subs[ox.Variable(name)] = _to_ox(term)
            except ValueError as exc:  # Oxigraph's checks of names and IRIs
                raise BindingError(name, str(exc)) from None

        def evaluate() -> QueryResult:
            # all of the work, results included: solutions are computed as they are read
            result = self._store.query(
                sparql,
                prefixes=PREFIXES,
                # with FROM / FROM NAMED, Oxigraph builds the dataset the query names
                use_default_graph_as_union=not names_dataset(sparql),
                substitutions=subs or None,
            )
            if isinstance(result, ox.QueryBoolean):
                return bool(result)
            if isinstance(result, ox.QuerySolutions):
                data = json.loads(result.serialize(format=ox.QueryResultsFormat.JSON))
                return Rows(data["head"].get("vars", []), data["results"]["bindings"])
            return Triples(ox.serialize(result, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"))

        try:
            return evaluate() if timeout is None else call_with_deadline(evaluate, timeout)
        except SyntaxError as exc:
            raise QueryError(_one_line_syntax_error(str(exc))) from None
        except OSError as exc:
            raise StoreError(f"cannot read store {self.location}: {exc}") from None
        except RuntimeError as exc:
            # a substitution for a variable the query does not project
            missing = re.search(r"variable \?(\w+)", str(exc))
            if missing and missing.group(1) in (bindings or {}):
                raise BindingError(missing.group(1), "the query does not select it") from None
            raise

    def dump(self, fmt: str) -> bytes:
        if fmt in _QUAD_FORMATS:
            kw = {"prefixes": PREFIXES} if fmt == "trig" else {}
            return self._store.dump(format=_FORMATS[fmt], **kw)
        union = self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        kw = {"prefixes": PREFIXES} if fmt == "turtle" else {}
        return ox.serialize(union, format=_FORMATS[fmt], **kw)

    def bulk_load_into_empty(self, files: list[tuple[Path, Any]]) -> bool:
        # Oxigraph's bulk loader is not transactional: only into an empty store, where a
        # failure loses nothing
        empty = next(self._store.quads_for_pattern(None, None, None, None), None) is None
        if self.read_only or not empty:
            return False
        # one bulk load per format: each call has a fixed cost (it writes and ingests its
        # own sorted files), so many shards go as one stream
        by_format: dict[Any, list[Path]] = {}
        for path, fmt in files:
            by_format.setdefault(fmt, []).append(path)
        for fmt, paths in by_format.items():
            with _Chain(paths) as stream:
                self._store.bulk_load(stream, format=fmt)
        self._store.flush()
        return True

    def close(self) -> None:
        if getattr(self, "_store", None) is not None and not self.read_only and not self._in_memory:
            self._store.flush()
        self._store = None


class _Chain(io.RawIOBase):
    """Files (gzip-compressed or not) read as one stream, each ending in a newline."""

    def __init__(self, paths: list[Path]):
        self._paths = list(paths)
        self._current: Any = None
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while True:
            if self._current is None and not self._pending:
                if not self._paths:
                    return 0
                p = self._paths.pop(0)
                # closed when read to its end, or by close()
                gz = p.name.lower().endswith(".gz")
                self._current = gzip.open(p, "rb") if gz else p.open("rb")  # noqa: SIM115
            data = self._pending or self._current.read(len(buffer))
            self._pending = b""
            if data:
                n = min(len(buffer), len(data))
                buffer[:n] = data[:n]
                self._pending = data[n:]
                return n
            self._current.close()
            self._current = None
            self._pending = b"\n"  # a file's last line may lack its newline

    def close(self) -> None:
        if self._current is not None:
            self._current.close()
        super().close()


def _to_ox(term: Any) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return ox.Literal(str(term))


def _one_line_syntax_error(message: str, limit: int = 200) -> str:
    """Oxigraph lists every token it expected, over several lines; keep the position and the
    start of the list on one line."""
    flat = " ".join(message.split())
    flat = flat[len("error ") :] if flat.startswith("error ") else flat
    text = f"SPARQL syntax error {flat}"
    return text if len(text) <= limit else text[: limit - 1] + "…"
