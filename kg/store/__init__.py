"""Stores: one small interface (:class:`Store`), an embedded Oxigraph implementation and
one over any SPARQL 1.1 server (:mod:`kg.store.sparql`), chosen by the location."""

from __future__ import annotations

import os

from kg.store.base import (
    QueryError,
    QueryResult,
    Rows,
    Store,
    StoredArticle,
    StoreError,
    StoreUnavailable,
    Triples,
)
from kg.store.oxigraph import OxigraphStore

DEFAULT_STORE = "kg-store"

__all__ = [
    "DEFAULT_STORE",
    "OxigraphStore",
    "QueryError",
    "QueryResult",
    "Rows",
    "Store",
    "StoreError",
    "StoredArticle",
    "StoreUnavailable",
    "Triples",
    "default_location",
    "open_store",
]


def default_location() -> str:
    """``KG_STORE`` if set, else ./kg-store."""
    return os.environ.get("KG_STORE") or DEFAULT_STORE


def open_store(location: str | None = None, *, read_only: bool = False) -> Store:
    """Open the store at ``location``: an ``http(s)://`` URL is a SPARQL server
    (:class:`~kg.store.sparql.SparqlStore`), anything else a store directory. Read-only
    opening requires an existing store."""
    where = location or default_location()
    if where.startswith(("http://", "https://")):
        from kg.store.sparql import SparqlStore  # imported only for servers: it loads requests

        return SparqlStore(where, read_only=read_only)
    return OxigraphStore(where, read_only=read_only)
