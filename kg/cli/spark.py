"""`kg spark`: the build as a Spark job, for corpora larger than one machine."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import click

from kg.cli.errors import UserFacingError
from kg.rdf.vocab import DEFAULT_BASE


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--out", "out", required=True, metavar="DIR", help="Where the shards go.")
@click.option(
    "--master",
    default=None,
    metavar="URL",
    help="Spark master (local[2], spark://host:7077, yarn, k8s://...; default local[*]). "
    "local[N] retries a failed task as a cluster does.",
)
@click.option("--partitions", type=click.IntRange(1), default=None, metavar="N",
              help="Partitions of the parse (default: 4 per core Spark has).")  # fmt: skip
@click.option("--model", metavar="NAME", default=None, help="spaCy pipeline to use.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI.")
@click.option("--overwrite", is_flag=True, help="Replace an existing output directory.")
def spark(inputs, out, master, partitions, model, base, overwrite) -> None:
    """Build the graphs of INPUT (files or directories of text, HTML, JSON Lines or WARC,
    on any path Hadoop reads: local, hdfs://, s3a://) as a Spark job, into N-Quads shards
    under DIR; `kg load DIR --store ...` puts them into a store. The graphs are those
    `kg build` makes of the same input.

    On a cluster: `spark-submit --master yarn kg/spark/job.py s3a://crawl/ --out
    s3a://out/kg` (docs/cluster.md).

    \b
    Examples:
      kg spark examples/articles --out shards --master 'local[2]'
    """
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise UserFacingError(
            "kg spark needs pyspark and Java 17: pip install 'newskg[spark]'", 2
        ) from None
    from kg.spark.job import run, summary

    target = Path(out)
    if "://" not in out and target.exists() and any(target.iterdir()):
        if not overwrite:
            raise click.UsageError(f"{out} exists and is not empty (use --overwrite)")
        shutil.rmtree(target)
    for given in inputs:
        if "://" not in given and not Path(given).exists():
            raise click.UsageError(f"no such file or directory: {given}")
    report = run(list(inputs), out, master=master, model=model, base=base, partitions=partitions)
    for message in report.failed:
        click.echo(f"failed: {message}", err=True)
    click.echo(summary(report, out))
    if report.failed_count:
        sys.exit(1)


COMMANDS = [spark]
