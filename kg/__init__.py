"""newskg: news articles -> a knowledge graph of who said, reported and denied what.

The library API; the ``kg`` command is a thin layer over it::

    import kg

    store = kg.open_store("my-store")
    report = kg.build(["examples/articles"], store, jobs=2)
    rows = kg.query(store, "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }")
    claims = kg.find_claims(store, denied=True)      # what kg claims --denied lists
    record = kg.extract_text("“We will not move,” said Ama Owusu, a fish trader.")
    record.statements[0].speaker, record.statements[0].text

Importing ``kg`` is cheap: spaCy, the readers and the store load when first used.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from kg.model import Article, Extraction, ReadProblem
    from kg.pipeline import BuildReport
    from kg.readers.metadata import Metadata
    from kg.resolve.aliases import AliasRule
    from kg.store.base import Rows, Store


def open_store(path_or_url: str | None = None, *, read_only: bool = False) -> Store:
    """Open (or, unless ``read_only``, create) the store at a path; ``None`` means
    ``$KG_STORE`` or ``./kg-store``. Use it as a context manager, or call ``.close()``."""
    from kg.store import default_location
    from kg.store import open_store as _open

    return _open(path_or_url or default_location(), read_only=read_only)


def build(
    paths: Sequence[str] | str,
    store: Store | str,
    *,
    jobs: int | None = None,
    model: str | None = None,
    force: bool = False,
    aliases: Sequence[AliasRule] = (),
    on_article: Callable[[Article | ReadProblem], None] | None = None,
    base: str | None = None,
    stdin_name: str | None = None,
    prune: bool = False,
    metadata: str | Metadata | None = None,
) -> BuildReport:
    """Build or update ``store`` (a Store, or a path) from files and directories, parsing
    in ``jobs`` processes (default: one per CPU). Returns the
    :class:`~kg.pipeline.BuildReport`: what was built, skipped, failed, and what the store
    holds now. Bad files are in ``report.failed``; they never stop the others. A path
    ``-`` reads an article from standard input, stored as ``stdin_name`` or by content.
    With ``prune``, articles whose files under ``paths`` are gone are removed.

    ``metadata`` is a ``.csv``/``.tsv`` sidecar (a path, or one read with
    :func:`kg.readers.metadata.read_metadata`) giving each file its date, publisher, url,
    title or author by file name; a bad sidecar raises
    :class:`~kg.readers.metadata.MetadataError` before the store changes."""
    from kg.pipeline import build as _build
    from kg.rdf.vocab import DEFAULT_BASE
    from kg.readers.metadata import read_metadata
    from kg.workers import default_jobs

    if isinstance(metadata, str):
        metadata = read_metadata(metadata)

    with _store(store, read_only=False) as st:
        return _build(
            [paths] if isinstance(paths, str) else list(paths),
            st,
            model=model,
            force=force,
            aliases=aliases,
            on_article=on_article,
            jobs=jobs or default_jobs(),
            base=base or DEFAULT_BASE,
            stdin_name=stdin_name,
            prune=prune,
            metadata=metadata,
        )


def resolve_entities(
    store: Store | str,
    *,
    aliases: Sequence[AliasRule] = (),
    model: str | None = None,
    base: str | None = None,
) -> BuildReport:
    """Resolve every stored article's entities again (phase 2 alone), without parsing
    (``model`` is used only for articles whose cached record was lost)."""
    from kg.pipeline import resolve as _resolve
    from kg.rdf.vocab import DEFAULT_BASE

    with _store(store, read_only=False) as st:
        return _resolve(st, aliases=aliases, model=model, base=base or DEFAULT_BASE)


def remove(store: Store | str, paths: Sequence[str] | str) -> BuildReport:
    """Remove the stored articles read from ``paths`` (files, or directories: every article
    from a file under them), each graph in its own transaction, and bring the entities
    and claims graphs up to date. ``report.removed`` says how many went."""
    from kg.pipeline import covers
    from kg.pipeline import remove as _remove

    with _store(store, read_only=False) as st:
        return _remove(st, covers([paths] if isinstance(paths, str) else list(paths)))


def query(store: Store | str, sparql: str, **params: str) -> list[dict[str, Any]] | bool | str:
    """Run a read-only SPARQL query. Keyword arguments bind ``?name`` variables safely
    (``"<https://...>"`` binds an IRI, anything else a string). A SELECT gives a list of
    dicts with Python values (numbers and booleans converted, ``None`` where unbound); ASK
    a bool; CONSTRUCT and DESCRIBE Turtle text."""
    from kg import sparql as q
    from kg.store.base import Rows

    with _store(store, read_only=True) as st:
        result = q.run(st, sparql, dict(params))
    if isinstance(result, Rows):
        return _rows(result)
    if isinstance(result, bool):
        return result
    return q.triples_to_turtle(result)


def canned_query(
    store: Store | str,
    query_name: str,
    /,
    *,
    limit: int | None = None,
    offset: int = 0,
    **params: str,
) -> list[dict[str, Any]]:
    """Run a canned query (``kg query --list`` names them; ``ontology/queries/*.rq``) with
    its parameters (``name="..."``, matched as the CLI matches it: case and accents aside)
    and return its rows as :func:`query` does, without the parameter columns. ``limit`` and
    ``offset`` give one page of the rows, in the query's order."""
    from kg import sparql as q
    from kg.store.base import Rows

    canned = q.canned_queries()
    if query_name not in canned:
        raise ValueError(f"no canned query {query_name!r}; choose from {', '.join(canned)}")
    cq = canned[query_name]
    missing = [p for p in cq.params if p not in params]
    if missing:
        raise TypeError(f"canned query {query_name!r} needs " + ", ".join(missing))
    bound = cq.prepare(params)
    with _store(store, read_only=True) as st:
        result = cq.run(st, bound, limit=limit, offset=offset)
    assert isinstance(result, Rows)
    return _rows(result.without(bound))


def _rows(result: Rows) -> list[dict[str, Any]]:
    """SELECT rows as dicts of Python values, as :func:`query` returns them."""
    return [{v: _python(b.get(v)) for v in result.variables} for b in result.bindings]


def extract_text(text: str, title: str | None = None, *, model: str | None = None) -> Extraction:
    """The extraction record of one text, no store involved: ``.entities`` and
    ``.statements`` (each with ``.text``, ``.speaker``, ``.cue``, ``.rule`` and its spans,
    offsets into ``text``). ``speaker`` is an entity key: ``record.entity(key).name``."""
    from kg.model import Article
    from kg.pipeline import extract_articles
    from kg.readers.text import read_text

    if title is None:
        article = read_text(text.encode("utf-8", "surrogatepass"), "<text>")
    else:
        start = text.find(title)
        span = (start, start + len(title)) if start != -1 and not text[:start].strip() else None
        article = Article(text=text, source_file="<text>", title=title, title_span=span)
    (record,) = extract_articles([article], model=model)
    return record


def entities(store: Store | str, type: str | None = None) -> list[dict[str, Any]]:
    """Every entity with its label, aliases, articles, mentions and statements, most
    mentioned first (what ``kg entities`` lists)."""
    from kg.lookup import entity_rows

    with _store(store, read_only=True) as st:
        return entity_rows(st, type)


def show(store: Store | str, name: str) -> list[dict[str, Any]]:
    """Everything about the entities called ``name`` (what ``kg show`` prints)."""
    from kg.lookup import entity_record, find_entities

    with _store(store, read_only=True) as st:
        return [entity_record(st, iri) for iri in find_entities(st, name)]


def find_claims(
    store: Store | str,
    *,
    denied: bool = False,
    altered: bool = False,
    about: str | None = None,
    every: bool = False,
) -> list[dict[str, Any]]:
    """The claims seen in more than one article or denied (every claim with ``every``),
    most widespread first, each with its appearances, its denials and, where its
    quotations differ, their word-level differences (what ``kg claims`` lists).
    ``about`` is an entity's name, alias or IRI; no such entity gives no claims."""
    from kg.claims.listing import claim_rows
    from kg.lookup import find_entities

    with _store(store, read_only=True) as st:
        wanted = find_entities(st, about) if about is not None else None
        return claim_rows(st, denied=denied, altered=altered, about=wanted, every=every)


class _Borrowed:
    """A store the caller opened: used as it is, left open."""

    def __init__(self, store: Store):
        self.store = store

    def __enter__(self) -> Store:
        return self.store

    def __exit__(self, *exc: object) -> None:
        return None


def _store(store: Store | str, *, read_only: bool):
    if isinstance(store, str):
        return open_store(store, read_only=read_only)
    return _Borrowed(store)


_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS: dict[str, Callable[[str], Any]] = {
    f"{_XSD}integer": int,
    f"{_XSD}int": int,
    f"{_XSD}long": int,
    f"{_XSD}nonNegativeInteger": int,
    f"{_XSD}decimal": float,
    f"{_XSD}double": float,
    f"{_XSD}float": float,
}


def _python(term: dict[str, Any] | None) -> Any:
    if term is None:
        return None
    value = term["value"]
    datatype = term.get("datatype")
    if datatype == f"{_XSD}boolean":
        return value == "true"
    if datatype in _NUMBERS:
        try:
            return _NUMBERS[datatype](value)
        except ValueError:
            return value
    return value


__all__ = [
    "__version__",
    "build",
    "canned_query",
    "entities",
    "extract_text",
    "find_claims",
    "open_store",
    "query",
    "remove",
    "resolve_entities",
    "show",
]
