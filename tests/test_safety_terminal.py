"""Article text never reaches a terminal raw: controls and bidi overrides in what `kg query`,
`kg show` and `kg entities` print are visible escapes, JSON and Turtle stay valid and mean the
same text, and the store keeps the text as it was."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal

from kg.cli import cli
from kg.store import open_store
from kg.terminal import escape

#: What a terminal must never receive from an article: C0 controls but tab and newline, DEL,
#: C1 controls and the bidi controls.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

# A headline that would retitle the window, and a quote that would clear the screen, flip
# the line's direction and start a C1 colour sequence.
HOSTILE = (
    "Council\x1b]0;pwned\x07 votes on the bridge\n\n"
    "The city council voted on Tuesday to close the old bridge. "
    "\u201cWe will not wait for another\u202e winter\u009b31m, not again,\u201d said Mayor "
    "Dana Whitlock. Whitlock said the repairs would start in March.\n"
)


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("hostile")
    art = root / "bridge\x1b[31m.txt"  # file names are shown too
    art.write_text(HOSTILE, encoding="utf-8")
    store = str(root / "store")
    res = invoke("build", str(art), "--store", store)
    assert res.exit_code == 0, res.output
    return store


@pytest.fixture(scope="module")
def labelled_store(tmp_path_factory) -> str:
    """An entity whose name and alias carry controls (written directly: the extractor rarely
    keeps a control inside a name, but a store may hold one)."""
    store = str(tmp_path_factory.mktemp("labels") / "store")
    e = "<https://w3id.org/newskg/id/person/x>"
    nt = "\n".join(
        [
            f"{e} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
            "<https://w3id.org/newskg/ns#Person> .",
            f"{e} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
            "<https://w3id.org/newskg/ns#Entity> .",
            f'{e} <http://www.w3.org/2000/01/rdf-schema#label> "Ana\\u001B[2JBell" .',
            f'{e} <http://www.w3.org/2004/02/skos/core#altLabel> "\\u202EllebA" .',
        ]
    )
    with open_store(store) as s:
        s.replace_article("https://w3id.org/newskg/id/article/0000000000000000", nt)
    return store


def test_escape_shows_controls_and_keeps_newline_and_tab():
    assert escape("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert escape("\x9b\x7f\u202e\r") == "\\x9b\\x7f\\u202e\\x0d"
    assert escape("line\n\tnext") == "line\n\tnext"
    assert escape("\x1b\u2066", syntax=True) == "\\u001b\\u2066"
    assert escape("Zoë “quoted” 日本") == "Zoë “quoted” 日本"


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv"])
def test_query_text_formats_escape_controls(hostile_store, fmt):
    res = invoke(
        "query",
        "SELECT ?t WHERE { ?s a kg:Statement ; kg:text ?t }",
        "--store",
        hostile_store,
        "--format",
        fmt,
    )
    assert res.exit_code == 0, res.output
    assert not RAW.search(res.output), repr(res.output)
    assert "another\\u202e winter\\x9b31m" in res.output


def test_query_csv_still_reads_back(hostile_store):
    res = invoke(
        "query",
        "SELECT ?title WHERE { ?a dcterms:title ?title }",
        "--store",
        hostile_store,
        "--format",
        "csv",
    )
    rows = list(csv.reader(io.StringIO(res.output)))
    assert rows == [["title"], ["Council\\x1b]0;pwned\\x07 votes on the bridge"]]


def test_query_json_is_valid_and_means_the_stored_text(hostile_store):
    res = invoke(
        "query",
        "SELECT ?title ?t WHERE { ?a dcterms:title ?title . ?s kg:inArticle ?a ; kg:text ?t }",
        "--store",
        hostile_store,
        "--format",
        "json",
    )
    assert res.exit_code == 0, res.output
    assert not RAW.search(res.output), repr(res.output)
    rows = json.loads(res.output)["results"]["bindings"]
    assert {r["title"]["value"] for r in rows} == {"Council\x1b]0;pwned\x07 votes on the bridge"}
    assert any("another\u202e winter\u009b31m" in r["t"]["value"] for r in rows)


def test_construct_turtle_is_valid_and_means_the_stored_text(hostile_store):
    res = invoke(
        "query",
        "CONSTRUCT { ?s kg:text ?t } WHERE { ?s a kg:Statement ; kg:text ?t }",
        "--store",
        hostile_store,
    )
    assert res.exit_code == 0, res.output
    assert not RAW.search(res.output)
    texts = {str(o) for o in Graph().parse(data=res.output, format="turtle").objects()}
    assert any("another\u202e winter\u009b31m" in t for t in texts)


def test_show_escapes_every_article_derived_line(hostile_store):
    res = invoke("show", "Whitlock", "--store", hostile_store)
    assert res.exit_code == 0, res.output
    assert not RAW.search(res.output), repr(res.output)
    assert "Council\\x1b]0;pwned\\x07 votes" in res.output  # the article title
    assert "another\\u202e winter\\x9b31m" in res.output  # the quote
    assert "bridge\\x1b[31m.txt" in res.output  # the source file


def test_show_json_is_valid_and_means_the_stored_text(hostile_store):
    res = invoke("show", "Whitlock", "--store", hostile_store, "--format", "json")
    assert res.exit_code == 0, res.output
    assert not RAW.search(res.output)
    data = json.loads(res.output)
    assert any("another\u202e winter\u009b31m" in s["text"] for s in data["statements"])


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv"])
def test_entities_escape_names(labelled_store, fmt):
    res = invoke("entities", "--store", labelled_store, "--format", fmt)
    assert res.exit_code == 0, res.output
    assert not RAW.search(res.output), repr(res.output)
    assert "Ana\\x1b[2JBell" in res.output and "\\u202ellebA" in res.output


def test_entities_json_is_valid_and_means_the_stored_names(labelled_store):
    res = invoke("entities", "--store", labelled_store, "--format", "json")
    assert not RAW.search(res.output)
    (row,) = json.loads(res.output)
    assert row["label"] == "Ana\x1b[2JBell" and row["aliases"] == ["\u202ellebA"]


def test_the_store_keeps_the_text_unchanged(hostile_store):
    res = CliRunner().invoke(cli, ["export", "--format", "nquads", "--store", hostile_store])
    ds = Dataset()
    ds.parse(data=res.stdout_bytes.decode("utf-8"), format="nquads")
    texts = {str(o) for _, _, o, _ in ds.quads() if isinstance(o, Literal)}
    assert HOSTILE in texts


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_stats_escapes_names(labelled_store, fmt):
    res = invoke("stats", "--store", labelled_store, "--format", fmt)
    assert res.exit_code == 0, res.output
    assert not RAW.search(res.output), repr(res.output)
    if fmt == "json":
        assert json.loads(res.output)["central"][0]["label"] == "Ana\x1b[2JBell"
    else:
        assert "Ana\\x1b[2JBell" in res.output
