"""`kg load`: N-Quads shards (from `kg spark`) or an export, into a store."""

from __future__ import annotations

import time
from pathlib import Path

import click

from kg.cli.errors import UserFacingError
from kg.cli.options import opened_store, store_option


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="DIR|FILE...")
@store_option
def load(paths: tuple[str, ...], store_path: str | None) -> None:
    """Load the shards `kg spark` wrote (a directory), or N-Quads or TriG files (`kg
    export --format nquads`), into the store: each graph replaced whole. Every file is
    checked first: a malformed one is named with its line, and nothing is loaded. The
    store may be a directory or a SPARQL server's URL (`--store http://127.0.0.1:7878`).

    \b
    Examples:
      kg export --format nquads -o export.nq && kg load export.nq --store other-store
      kg spark examples/warc --out shards --master 'local[2]' && kg load shards --store new
    """
    from kg.spark.shards import LoadError, plan, shard_files
    from kg.spark.shards import load as load_files

    files = [Path(p) for p in paths]
    try:
        for f in files:
            shard_files(f)  # a missing path or an unfinished job: before opening the store
    except LoadError as exc:
        raise click.UsageError(str(exc)) from None
    start = time.perf_counter()
    try:
        checked = plan(files)  # every file parsed whole before the store is opened
    except LoadError as exc:
        raise UserFacingError(str(exc)) from None
    with opened_store(store_path, read_only=False) as store:
        try:
            report = load_files(store, checked)
        except LoadError as exc:
            raise UserFacingError(str(exc)) from None
    took = time.perf_counter() - start
    click.echo(
        f"Loaded {report.graphs} graphs ({report.quads} quads) from {report.files} file(s) "
        f"into {store.location} in {took:.1f} s"
    )


COMMANDS = [load]
