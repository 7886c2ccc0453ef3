"""Stores: one small interface (:class:`Store`), an embedded Oxigraph implementation."""

from __future__ import annotations

import os

from kg.store.base import QueryError, QueryResult, Rows, Store, StoredArticle, StoreError, Triples
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
    "Triples",
    "default_location",
    "open_store",
]


def default_location() -> str:
    """``KG_STORE`` if set, else ./kg-store."""
    return os.environ.get("KG_STORE") or DEFAULT_STORE


def open_store(location: str | None = None, *, read_only: bool = False) -> Store:
    """Open the store at ``location``. Read-only opening requires an existing store."""
    return OxigraphStore(location or default_location(), read_only=read_only)
