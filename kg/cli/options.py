"""Options shared by several commands, so they read and behave the same everywhere."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from kg.cli.errors import UserFacingError
from kg.nlp import ModelNotFound
from kg.store import Store, StoreError, default_location, open_store
from kg.store.base import NotAStore, QueryError

F = Callable[..., Any]


def store_option(f: F) -> F:
    return click.option(
        "--store",
        "store_path",
        metavar="PATH|URL",
        default=None,
        help="Store directory, or the URL of a SPARQL 1.1 server (its base URL or query "
        "endpoint; see docs/cluster.md) (default: $KG_STORE or ./kg-store).",
    )(f)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices, case_sensitive=False),
        default=default,
        show_default=True,
        help="Output format.",
    )


@contextmanager
def opened_store(path: str | None, *, read_only: bool) -> Iterator[Store]:
    """Open a store, turning store problems into one-line errors."""
    try:
        store = open_store(path or default_location(), read_only=read_only)
    except NotAStore as exc:
        raise click.UsageError(str(exc)) from None
    except StoreError as exc:
        raise UserFacingError(str(exc), exc.exit_code) from None
    try:
        yield store
    except (StoreError, QueryError, ModelNotFound) as exc:
        raise UserFacingError(str(exc)) from None
    finally:
        store.close()


def is_interactive() -> bool:
    return sys.stderr.isatty() and not _env_ci()


def _env_ci() -> bool:
    import os

    return os.environ.get("CI", "").lower() in ("1", "true", "yes")
