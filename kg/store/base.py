"""The store interface: the few operations the rest of newskg needs from an RDF store.

Results cross this boundary in the W3C SPARQL 1.1 JSON results shape, which every SPARQL
server speaks natively, so an embedded store and a remote server give the same answers.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph


class StoreError(Exception):
    """A problem with the store itself (missing, locked, unreadable, a server refusing).
    ``exit_code`` is what the CLI exits with: 2 when nothing was done (a store that cannot
    be opened at all, an unreachable server), 1 otherwise."""

    def __init__(self, message: str, *, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code


class StoreUnavailable(StoreError):
    """A server that cannot be reached (refused, timed out, gone away mid-build): what was
    written before stays written, and running the command again completes the rest."""


class NotAStore(StoreError):
    """The location holds something else (the user's own files): a usage error."""


class QueryError(Exception):
    """A SPARQL query the store could not run (syntax error, refused operation)."""


class QueryTimeout(QueryError):
    """A query that ran longer than the time it was given; ``seconds`` is that time."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"the query ran longer than {seconds:g} s and was stopped")


class BindingError(QueryError):
    """A value for a query variable that cannot be bound (a bad name or IRI, a variable the
    query does not select); ``name`` is the variable, so the user is told which one."""

    def __init__(self, name: str, reason: str) -> None:
        self.name = name
        self.reason = reason
        super().__init__(f"parameter {name!r}: {reason}")


@dataclass
class Rows:
    """SELECT results: variable names and W3C JSON term objects per row."""

    variables: list[str]
    bindings: list[dict[str, dict[str, Any]]] = field(default_factory=list)

    def values(self) -> list[dict[str, str | None]]:
        """Rows as plain strings (``None`` where a variable is unbound)."""
        return [
            {v: (b[v]["value"] if v in b else None) for v in self.variables} for b in self.bindings
        ]

    def without(self, names: set[str] | dict[str, Any]) -> Rows:
        """The same rows without the named variables."""
        keep = [v for v in self.variables if v not in names]
        return Rows(keep, [{k: t for k, t in b.items() if k in keep} for b in self.bindings])

    def to_json(self) -> dict[str, Any]:
        return {"head": {"vars": self.variables}, "results": {"bindings": self.bindings}}


@dataclass
class Triples:
    """CONSTRUCT or DESCRIBE results as N-Triples text."""

    ntriples: str


QueryResult = Rows | bool | Triples


@dataclass(frozen=True)
class StoredArticle:
    iri: str
    source_file: str
    content_hash: str


class Store(ABC):
    """An RDF dataset: one named graph per article, and the corpus-level graphs."""

    location: str

    #: Whether canned queries are better ordered in Python than by the store (see
    #: :meth:`kg.sparql.CannedQuery.run`): True where the store's ORDER BY reads each
    #: compared string anew, as Oxigraph on disk does. A server keeps its own order.
    slow_order_by: bool = False

    #: How many :meth:`put_graph` calls may run at once, from as many threads, each still
    #: its own transaction (1: one at a time). Oxigraph commits each transaction to disk
    #: and waits for it; writes of distinct graphs from two threads overlap those waits
    #: (see :func:`kg.phase2.write_corpus`).
    concurrent_writes: int = 1

    @property
    def cache_path(self) -> Path | None:
        """Where a build keeps its cache of records and graph digests for this store (see
        :mod:`kg.cache`), or None when it keeps none."""
        return None

    @abstractmethod
    def replace_article(self, iri: str, graph: Graph | str, drop: Iterable[str] = ()) -> None:
        """Put ``graph`` (an rdflib Graph or N-Triples text) as the named graph ``iri``
        (replacing it whole, in one transaction) and remove the graphs in ``drop``. A failed
        write loses nothing the store had: the graphs in ``drop`` go only once ``iri`` is
        written (in the same transaction, or after it)."""

    def put_graph(self, iri: str, ntriples: str, drop: Iterable[str] = ()) -> None:
        """Any named graph, replaced whole (see :meth:`replace_article`)."""
        self.replace_article(iri, ntriples, drop)

    @abstractmethod
    def drop_graphs(self, iris: Iterable[str]) -> None:
        """Remove whole named graphs, in one transaction."""

    @abstractmethod
    def has_graph(self, iri: str) -> bool:
        """Whether the named graph ``iri`` holds anything."""

    @abstractmethod
    def patch_subjects(self, graph: str, subjects: Iterable[str], ntriples: str) -> None:
        """In one transaction: remove every triple of ``graph`` whose subject is one of
        ``subjects``, then add ``ntriples`` to it. How the corpus-level graphs change by
        only what changed (an entity described anew, a claim gone)."""

    @abstractmethod
    def articles(self) -> list[StoredArticle]:
        """The articles held, with their source files and content hashes."""

    @abstractmethod
    def query(
        self,
        sparql: str,
        bindings: dict[str, Any] | None = None,
        *,
        timeout: float | None = None,
    ) -> QueryResult:
        """Run a read-only query. Its default graph is the union of the article graphs,
        unless the query names its dataset (FROM, FROM NAMED), which is then honoured as
        SPARQL says. ``bindings`` maps variable names to rdflib terms substituted safely,
        never pasted into the text (BindingError for one that cannot be).

        ``timeout`` is for queries a user wrote: given (in seconds; ``math.inf`` for no
        limit), the query may be stopped by Ctrl-C at any moment and raises QueryTimeout
        when it runs longer. A stopped query may go on using a core until it finishes (see
        :mod:`kg.store.deadline`). None, for newskg's own queries, runs it plainly."""

    def select(self, sparql: str) -> list[dict[str, str | None]]:
        """The rows of a SELECT query as plain strings: what newskg's own queries read."""
        result = self.query(sparql)
        if not isinstance(result, Rows):
            raise TypeError("select() runs SELECT queries only")
        return result.values()

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL update as one transaction. For newskg's own rewrites (merging
        entities); `kg query` never reaches it."""

    @abstractmethod
    def dump(self, fmt: str) -> bytes:
        """Serialise everything: quad formats keep the graphs; triple formats the union."""

    def bulk_load_into_empty(self, files: list[tuple[Path, Any]]) -> bool:
        """Load whole quad files (path, pyoxigraph RdfFormat) at bulk speed if the store
        holds nothing yet; False (nothing done) where it cannot, and graphs are then
        replaced one by one. Input is checked before this is called."""
        return False

    def close(self) -> None:  # noqa: B027 - optional for implementations
        """Release the store."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
