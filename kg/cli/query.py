"""`kg query`: SPARQL over the store, read-only."""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from kg import sparql as q
from kg.cli.errors import UserFacingError
from kg.cli.options import format_option, opened_store, store_option
from kg.store.base import BindingError, QueryError, QueryTimeout, Rows

#: Seconds a query may run unless --timeout says otherwise: long enough for any sensible
#: question to a large store, short enough that a runaway cross product ends by itself.
DEFAULT_TIMEOUT = 30.0


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="'--param'")
        out[key.strip()] = value
    return out


@click.command()
@click.argument("sparql", required=False, metavar="QUERY|@FILE.rq")
@click.option("--name", "-n", metavar="NAME", help="Run a canned query (see --list).")
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="Bind ?KEY to VALUE (a string, or <iri>); repeatable.",
)
@click.option("--list", "list_", is_flag=True, help="List the canned queries and exit.")
@click.option(
    "--allow-service",
    is_flag=True,
    help="Allow SERVICE clauses, which contact other servers over the network.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    metavar="SECONDS",
    help="Stop a query that runs longer than this (0: no limit).",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    metavar="N",
    help="Print at most N rows of a SELECT (default: all of them).",
)
@click.option(
    "--offset",
    type=click.IntRange(min=0),
    default=0,
    metavar="M",
    help="Skip the first M rows of a SELECT (with --limit: pages).",
)
@format_option(*q.FORMATS)
@store_option
def query(
    sparql: str | None,
    name: str | None,
    params: tuple[str, ...],
    list_: bool,
    allow_service: bool,
    timeout: float,
    limit: int | None,
    offset: int,
    fmt: str,
    store_path: str | None,
) -> None:
    """Ask the graph a SPARQL question (SELECT, ASK, CONSTRUCT, DESCRIBE).

    Queries see the union of all article graphs; the prefixes kg, schema, prov, nif,
    dcterms, skos, rdfs, rdf, owl and xsd are predeclared. The store is opened read-only:
    updates and SERVICE are refused. CONSTRUCT and DESCRIBE print Turtle; --format json is
    the W3C SPARQL 1.1 results JSON. --limit and --offset page the rows of a SELECT, in its
    order; the canned listings ordered by article find a page from its articles alone.

    \b
    Examples:
      kg query 'SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }'
      kg query @examples/queries/denied-findings.rq --format csv
      kg query --name quotes-by --param name="Rosario Almendra"
      kg query --name statements --limit 20 --offset 20
      kg query --list
    """
    canned = q.canned_queries()
    if list_:
        for cq in canned.values():
            ps = " ".join(f"--param {p}=..." for p in cq.params)
            click.echo(f"{cq.name:<20} {cq.title}")
            click.echo(f"{'':<20} {cq.description}")
            if ps:
                click.echo(f"{'':<20} kg query --name {cq.name} {ps}")
            click.echo()
        return
    bound = _params(params)
    if name:
        if sparql:
            raise click.UsageError("give either a QUERY or --name, not both")
        if name not in canned:
            raise click.BadParameter(
                f"no canned query {name!r}; choose from {', '.join(canned)}", param_hint="--name"
            )
        text = canned[name].text
        missing = [p for p in canned[name].params if p not in bound]
        if missing:
            raise click.UsageError(
                f"canned query {name!r} needs " + ", ".join(f"--param {m}=..." for m in missing)
            )
        bound = canned[name].prepare(bound)
    elif sparql:
        text = _read_query(sparql)
    else:
        raise click.UsageError("give a QUERY, @FILE.rq, --name NAME or --list")
    try:
        shape = q.check_read_only(text, allow_service=allow_service)
        q.bind_params(bound, shape)  # a bad --param is a usage error, before the store opens
    except BindingError as exc:
        raise _bad_param(exc) from None
    except QueryError as exc:
        raise UserFacingError(str(exc)) from None
    if (limit is not None or offset) and shape.form != "SELECT":
        raise click.UsageError(f"--limit and --offset page SELECT rows, not {shape.form}")
    with opened_store(store_path, read_only=True) as store:
        try:
            if name:
                result = canned[name].run(
                    store, bound, limit=limit, offset=offset, timeout=timeout or math.inf
                )
            else:
                result = q.run(
                    store, text, bound, allow_service=allow_service, timeout=timeout or math.inf
                )
                result = q.page(result, limit, offset)
        except QueryTimeout:
            _abandon(
                f"kg: error: the query ran longer than {timeout:g} s and was stopped (add a "
                "LIMIT or narrow it down, or pass --timeout with more seconds, 0 for no limit)",
                1,
            )
        except KeyboardInterrupt:
            _abandon("kg: interrupted", 130)
        except BindingError as exc:
            raise _bad_param(exc) from None
        except QueryError as exc:
            raise UserFacingError(str(exc)) from None
        if isinstance(result, Rows) and name:
            # canned queries project their parameters (pyoxigraph substitutes only
            # projected variables); the user knows what they asked for
            result = result.without(bound)
        click.echo(q.format_result(result, fmt.lower()))


def _abandon(message: str, code: int) -> NoReturn:
    """Say why and end the process now. The stopped query goes on in a thread that cannot
    be cancelled; ending the process is what stops it (the store is open read-only, so
    there is nothing to save)."""
    click.echo(message, err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _bad_param(exc: BindingError) -> click.BadParameter:
    return click.BadParameter(f"{exc.name}: {exc.reason}", param_hint="'--param'")


def _read_query(arg: str) -> str:
    if arg.startswith("@"):
        path = Path(arg[1:])
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise click.BadParameter(f"no such query file: {path}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise click.BadParameter(f"cannot read query file {path}: {exc}") from None
    return arg


COMMANDS = [query]
