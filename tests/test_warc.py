"""Web crawls as input (kg/readers/warc.py): the HTML responses of a WARC file become
articles with the record's URI, date and offset; everything else is counted, and a corrupt
record costs itself alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.model import Article, ReadProblem
from kg.readers import read_file, read_paths, supported_suffixes
from kg.store import open_store
from tests.conftest import EXAMPLES
from tests.warc_sample import write_sample

ROOT = Path(__file__).resolve().parents[1]


def items(path: Path) -> tuple[list[Article], list[ReadProblem]]:
    found = list(read_paths([str(path)]))
    return (
        [a for a in found if isinstance(a, Article)],
        [p for p in found if isinstance(p, ReadProblem)],
    )


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_html_responses_become_articles_with_the_records_provenance(tmp_path, name):
    path = write_sample(tmp_path / name)
    articles, problems = items(path)
    assert [a.url for a in articles] == [
        "https://news.example.org/portugal-fuel-duty",
        "https://courier.example.org/harbour-dredging",
        "https://gazette.example.org/library-hours",
    ]
    data = path.read_bytes()
    for a in articles:
        file, _, offset = a.source_file.partition("#")
        assert file == str(path) and offset.isdigit()
        if name.endswith(".warc"):  # the offset is where the record starts
            assert data[int(offset) :].startswith(b"WARC/1")
    fuel, harbour, library = articles
    # the same page read from a crawl and from disk is the same article
    (on_disk,) = read_file(EXAMPLES / "07-portugal-fuel-duty.html")
    assert (fuel.text, fuel.title, fuel.date) == (on_disk.text, on_disk.title, on_disk.date)
    assert harbour.date == "2024-03-06"  # no date of its own: the day it was fetched
    assert harbour.publisher == "Coastline Courier"
    assert library.date == "2024-02-12"  # its own date wins over the fetch date
    (skipped,) = problems
    assert skipped.kind == "skipped"
    assert "2 record(s) not HTML pages" in skipped.message
    assert "1 page(s) without article text" in skipped.message


@pytest.mark.parametrize("name", ["bad.warc.gz", "bad.warc"])
def test_a_corrupt_record_between_good_ones_costs_itself_alone(tmp_path, name):
    articles, problems = items(write_sample(tmp_path / name, corrupt=True))
    assert len(articles) == 3
    failed = [p for p in problems if p.kind == "failed"]
    assert len(failed) == 1
    assert "corrupt WARC record at byte" in failed[0].message
    assert "\n" not in failed[0].message and failed[0].message.isprintable()


def test_an_empty_or_truncated_file_is_a_problem_not_a_crash(tmp_path):
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    assert items(empty) == ([], [])
    whole = write_sample(tmp_path / "whole.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) - 300])  # the last record is cut short
    articles, problems = items(cut)
    assert len(articles) == 2
    assert any(p.kind == "failed" and "corrupt" in p.message for p in problems)


def test_warc_is_a_supported_type():
    assert ".warc" in supported_suffixes() and ".warc.gz" in supported_suffixes()


def test_kg_build_of_a_crawl_and_a_directory_of_crawls(tmp_path, nlp):
    crawls = tmp_path / "crawls"
    write_sample(crawls / "a.warc.gz")
    write_sample(crawls / "nested" / "b.warc", corrupt=True)
    store = str(tmp_path / "store")
    run = CliRunner().invoke(cli, ["build", str(crawls), "--store", store, "-j", "1"])
    # the corrupt record is one line and exit 1; every good page is stored
    assert run.exit_code == 1, run.output
    assert run.stderr.count("corrupt WARC record") == 1
    with open_store(store, read_only=True) as s:
        files = sorted(a.source_file for a in s.articles())
        urls = {r["u"] for r in s.select("SELECT ?u WHERE { ?a a kg:Article ; dcterms:source ?u }")}
    # the same three pages in both crawls: stored once each, from the first crawl read
    assert len(files) == 3 and all(f.startswith(str(crawls / "a.warc.gz#")) for f in files)
    assert "https://courier.example.org/harbour-dredging" in urls
    again = CliRunner().invoke(
        cli, ["build", str(crawls / "a.warc.gz"), "--store", store, "-j", "1"]
    )
    assert again.exit_code == 0 and "3 unchanged" in again.stdout


def test_the_shipped_sample_crawl_builds(tmp_path, nlp):
    store = str(tmp_path / "store")
    run = CliRunner().invoke(
        cli, ["build", str(ROOT / "examples" / "warc"), "--store", store, "-j", "1"]
    )
    assert run.exit_code == 0, run.output
    assert "Built 3 articles" in run.stdout
