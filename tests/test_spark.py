"""The Spark job (kg/spark) in local[2]: its shards hold the graphs `kg build` makes of the
same input (examples, the sample crawl, PolNeAR dev), a failed partition is retried without
losing or duplicating an article, and `kg load` puts shards and exports into a store whole
or not at all."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store import open_store
from tests.conftest import EXAMPLES, SHARED, need_shared
from tests.test_remote import stored_articles

pyspark = pytest.importorskip("pyspark", reason="pip install 'newskg[spark]'")
if shutil.which("java") is None:
    pytest.skip(
        "Spark needs Java 17 (apt-get install openjdk-17-jre-headless)", allow_module_level=True
    )

ROOT = Path(__file__).resolve().parents[1]
WARC = ROOT / "examples" / "warc"
DEV = SHARED / "data" / "polnear" / "dev" / "text"


def nquads(location: str) -> list[str]:
    with open_store(location, read_only=True) as s:
        return sorted(s.dump("nquads").decode("utf-8").splitlines())


def shard_nquads(out: Path, tmp: Path) -> list[str]:
    """The shards as a store holds them (loaded with `kg load`, dumped)."""
    store = str(tmp / f"loaded-{out.name}")
    run = CliRunner().invoke(cli, ["load", str(out), "--store", store])
    assert run.exit_code == 0, run.output
    return nquads(store)


def built(paths: list[Path], tmp: Path, name: str) -> list[str]:
    import kg

    store = str(tmp / name)
    kg.build([str(p) for p in paths], store, jobs=2)
    return nquads(store)


@pytest.fixture(scope="module")
def spark():
    from kg.spark.job import session

    s = session("local[2]")
    yield s
    s.stop()


def test_the_job_gives_what_kg_build_gives(spark, tmp_path, examples_store):
    from kg.spark.job import run

    out = tmp_path / "shards"
    report = run([str(EXAMPLES)], str(out), spark=spark)
    assert report.articles == stored_articles(examples_store) and report.failed_count == 0
    assert (out / "articles" / "_SUCCESS").exists() and (out / "corpus" / "_SUCCESS").exists()
    assert shard_nquads(out, tmp_path) == nquads(examples_store)
    # every article graph whole inside one shard
    owner: dict[str, str] = {}
    for shard in sorted((out / "articles").glob("part-*")):
        for line in shard.read_text(encoding="utf-8").splitlines():
            if line:
                graph = line.rsplit(" ", 2)[-2]
                assert owner.setdefault(graph, shard.name) == shard.name


def test_a_partition_failing_once_is_retried_without_loss_or_duplicates(
    spark, tmp_path, examples_store
):
    from kg.spark.job import run

    marker = tmp_path / "fault.log"
    out = tmp_path / "shards"
    report = run([str(EXAMPLES)], str(out), spark=spark, fail_partition=0, fault_marker=str(marker))
    assert marker.read_text() == "0\n"  # the first attempt did fail
    assert report.articles == stored_articles(examples_store)
    lines = [
        ln
        for shard in (out / "articles").glob("part-*")
        for ln in shard.read_text(encoding="utf-8").splitlines()
        if ln
    ]
    assert len(lines) == len(set(lines))  # no quad written twice
    assert shard_nquads(out, tmp_path) == nquads(examples_store)


def test_crawls_and_mixed_inputs(spark, tmp_path):
    from kg.spark.job import run

    inputs = [WARC, EXAMPLES / "08-news-briefs.jsonl", EXAMPLES / "01-coquimbo-water-rationing.txt"]
    out = tmp_path / "shards"
    report = run([str(p) for p in inputs], str(out), spark=spark)
    assert report.failed_count == 0 and report.skipped_count == 1  # the crawl's non-pages
    assert shard_nquads(out, tmp_path) == built(inputs, tmp_path, "mixed")


def test_polnear_dev_gives_what_kg_build_gives(spark, tmp_path):
    from kg.spark.job import run

    dev = need_shared(DEV)
    out = tmp_path / "dev"
    report = run([str(dev)], str(out), spark=spark)
    assert report.failed_count == 0
    assert shard_nquads(out, tmp_path) == built([dev], tmp_path, "dev-built")


def test_kg_spark_and_spark_submit(tmp_path, examples_store):
    """The command and spark-submit run the same job (each its own Spark)."""
    out = tmp_path / "cli"
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable}
    run = subprocess.run(
        [sys.executable, "-m", "kg", "spark", str(WARC), "--out", str(out), "--master", "local[2]"],
        capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Built 3 articles" in run.stdout
    again = subprocess.run(
        [sys.executable, "-m", "kg", "spark", str(WARC), "--out", str(out)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert again.returncode == 2 and "--overwrite" in again.stderr
    submit = Path(pyspark.__file__).parent / "bin" / "spark-submit"
    job = ROOT / "kg" / "spark" / "job.py"
    out2 = tmp_path / "submitted"
    run = subprocess.run(
        [str(submit), "--master", "local[2]", "--conf", "spark.driver.host=127.0.0.1",
         "--conf", "spark.driver.bindAddress=127.0.0.1", str(job), str(WARC), "--out", str(out2)],
        capture_output=True, text=True, timeout=300, env={**env, "SPARK_LOCAL_IP": "127.0.0.1"},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    assert shard_nquads(out2, tmp_path) == shard_nquads(out, tmp_path)


# --- kg load ----------------------------------------------------------------------------------


def test_load_an_export_file(tmp_path, examples_store):
    for fmt in ("nquads", "trig"):
        export = tmp_path / f"all.{'nq' if fmt == 'nquads' else 'trig'}"
        r = CliRunner().invoke(
            cli, ["export", "--format", fmt, "-o", str(export), "--store", examples_store]
        )
        assert r.exit_code == 0, r.output
        target = str(tmp_path / f"from-{fmt}")
        r = CliRunner().invoke(cli, ["load", str(export), "--store", target])
        assert r.exit_code == 0, r.output
        assert nquads(target) == nquads(examples_store)
        # into a store that holds it already: each graph replaced, nothing doubled
        r = CliRunner().invoke(cli, ["load", str(export), "--store", target])
        assert r.exit_code == 0 and nquads(target) == nquads(examples_store)


def test_malformed_input_is_refused_with_its_line_and_nothing_loaded(tmp_path, examples_store):
    good = tmp_path / "a.nq"
    r = CliRunner().invoke(
        cli, ["export", "--format", "nquads", "-o", str(good), "--store", examples_store]
    )
    assert r.exit_code == 0
    lines = good.read_text(encoding="utf-8").splitlines(keepends=True)
    bad = tmp_path / "b.nq"
    bad.write_text(
        "".join(lines[:7]) + '<urn:x> <urn:p> "unterminated <urn:g> .\n' + "".join(lines[7:])
    )
    target = tmp_path / "target"
    r = CliRunner().invoke(cli, ["load", str(good), str(bad), "--store", str(target)])
    assert r.exit_code == 1
    assert f"{bad}:8: malformed N-Quads" in r.stderr and "nothing loaded" in r.stderr
    assert not target.exists()  # refused before any store was opened: no empty store left
    # into a store that exists: it keeps what it had, and gets not even the good file
    r = CliRunner().invoke(cli, ["load", str(good), "--store", str(target)])
    assert r.exit_code == 0
    before = nquads(str(target))
    r = CliRunner().invoke(cli, ["load", str(bad), "--store", str(target)])
    assert r.exit_code == 1 and nquads(str(target)) == before
    with open_store(examples_store, read_only=True) as e, open_store(str(target)) as s:
        assert len(s.articles()) == len(e.articles()) > 0


def test_an_unfinished_job_is_refused(tmp_path):
    out = tmp_path / "shards" / "articles"
    out.mkdir(parents=True)
    (out / "part-00000").write_text("")
    r = CliRunner().invoke(cli, ["load", str(tmp_path / "shards"), "--store", str(tmp_path / "s")])
    assert r.exit_code == 2 and "_SUCCESS" in r.stderr
    assert not (tmp_path / "s").exists()


@pytest.mark.server
def test_load_shards_into_a_server(spark, tmp_path, monkeypatch, examples_store):
    from kg.spark.job import run
    from tests.servers import oxigraph_server

    out = tmp_path / "shards"
    run([str(EXAMPLES)], str(out), spark=spark)
    monkeypatch.setenv("KG_STORE_CACHE", str(tmp_path / "cache.sqlite"))
    with oxigraph_server(tmp_path) as srv:
        r = CliRunner().invoke(cli, ["load", str(out), "--store", srv.url])
        assert r.exit_code == 0, r.output
        assert nquads(srv.url) == nquads(examples_store)
