"""The command line as a user meets it: commands, formats, exit codes and bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import click
import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from kg.cli import cli
from tests.conftest import EXAMPLES, SEED, need_shared

GOOD_TEXT = (
    "Harbour board approves night dredging\n\n"
    "The harbour board approved night dredging on Monday. “We cannot wait another season "
    "for the channel to be deepened,” said board chair Imelda Rourke. Rourke said the work "
    "would start in May.\n"
)


def run(*args: str, input: str | None = None) -> subprocess.CompletedProcess:
    """Run the installed console command in a real process (as a user would)."""
    return subprocess.run(
        [sys.executable, "-m", "kg", *args],
        capture_output=True,
        text=True,
        input=input,
        timeout=300,
    )


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def count(store: str, sparql: str) -> int:
    res = invoke("query", sparql, "--store", store, "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    return int(data["results"]["bindings"][0]["n"]["value"])


# --- build ----------------------------------------------------------------------------------


def test_build_summary_and_rebuild_changes_nothing(tmp_path):
    store = str(tmp_path / "store")
    art = tmp_path / "a.txt"
    art.write_text(GOOD_TEXT, encoding="utf-8")
    first = invoke("build", str(art), "--store", store)
    assert first.exit_code == 0, first.output
    assert "Built 1 article" in first.output
    assert "Statement" in first.output and "Person" in first.output
    before = invoke("export", "--format", "nq", "--store", store).output
    again = invoke("build", str(art), "--store", store)
    assert again.exit_code == 0
    assert "1 unchanged" in again.output
    assert invoke("export", "--format", "nq", "--store", store).output == before


def test_changed_file_replaces_its_old_article(tmp_path):
    store = str(tmp_path / "store")
    art = tmp_path / "a.txt"
    art.write_text(GOOD_TEXT, encoding="utf-8")
    assert invoke("build", str(art), "--store", store).exit_code == 0
    art.write_text(GOOD_TEXT.replace("in May", "in June"), encoding="utf-8")
    res = invoke("build", str(art), "--store", store)
    assert res.exit_code == 0 and "replaced" in res.output
    assert count(store, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Article }") == 1
    texts = invoke(
        "query",
        "SELECT ?t WHERE { ?s a kg:Statement ; kg:text ?t }",
        "--store",
        store,
        "--format",
        "csv",
    ).output
    assert "in June" in texts and "in May" not in texts


def test_interrupted_replacement_is_finished_by_the_next_build(tmp_path, monkeypatch):
    """A changed file's new version is written before the old one is dropped; if the drop
    fails, nothing is lost, and the next build drops the leftover old version."""
    from kg.store.oxigraph import OxigraphStore

    store = str(tmp_path / "store")
    art = tmp_path / "a.txt"
    art.write_text(GOOD_TEXT, encoding="utf-8")
    assert invoke("build", str(art), "--store", store).exit_code == 0
    art.write_text(GOOD_TEXT.replace("in May", "in June"), encoding="utf-8")

    with monkeypatch.context() as m:
        m.setattr(OxigraphStore, "replace_article", _drop_fails(OxigraphStore.replace_article))
        failed = CliRunner().invoke(cli, ["build", str(art), "--store", store])
    assert failed.exit_code != 0
    articles = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Article }"
    assert count(store, articles) == 2  # the old version is still there, and the new one
    again = invoke("build", str(art), "--store", store)
    assert again.exit_code == 0, again.output
    assert "unchanged" not in again.output
    assert count(store, articles) == 1
    texts = invoke("query", "SELECT ?t WHERE { ?s kg:text ?t }", "--store", store).output
    assert "in June" in texts and "in May" not in texts


def _drop_fails(replace_article):
    """``replace_article`` whose final drop of older versions fails after the new graph is in."""
    from kg.store.base import StoreError

    def patched(self, iri, graph, drop=()):
        replace_article(self, iri, graph)  # the new version goes in
        if [g for g in drop if g != iri]:
            raise StoreError("cannot write to store (simulated failure before the drop)")

    return patched


def test_missing_path_is_a_usage_error(tmp_path):
    res = run("build", str(tmp_path / "nope"), "--store", str(tmp_path / "s"))
    assert res.returncode == 2
    assert "nope" in res.stderr and "Traceback" not in res.stderr


def test_bad_files_are_named_and_good_ones_built(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (batch / "empty.txt").write_text("", encoding="utf-8")
    (batch / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (batch / "latin1.txt").write_bytes("Caf\xe9 owner said the rent doubled.".encode("latin-1"))
    (batch / "wire.jsonl").write_text(
        json.dumps({"text": GOOD_TEXT.replace("Imelda Rourke", "Kofi Mensah"), "title": "One"})
        + "\n{not json\n"
        + json.dumps({"text": "Mayor Ana Duarte said the bridge will reopen.", "title": "Two"})
        + "\n",
        encoding="utf-8",
    )
    (batch / "notes.pdf").write_bytes(b"%PDF-1.4")
    store = str(tmp_path / "store")
    res = run("build", str(batch), "--store", store)
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    for name in ("empty.txt", "binary.txt", "latin1.txt", "wire.jsonl:2"):
        assert sum(name in ln for ln in lines) == 1, (name, res.stderr)
    assert any("notes.pdf" in ln and "skipped" in ln for ln in lines)
    assert "Built 3 articles" in res.stdout
    titles = run(
        "query",
        "SELECT ?t WHERE { ?a dcterms:title ?t } ORDER BY ?t",
        "--store",
        store,
        "--format",
        "csv",
    ).stdout.split()
    assert "Two" in titles and "One" in titles


def test_stdin_article(tmp_path):
    store = str(tmp_path / "store")
    res = run("build", "-", "--store", store, input=GOOD_TEXT)
    assert res.returncode == 0, res.stderr
    out = run(
        "query", "SELECT ?f WHERE { ?a kg:sourceFile ?f }", "--store", store, "--format", "tsv"
    ).stdout
    import hashlib

    short = hashlib.sha256(GOOD_TEXT.encode()).hexdigest()[:8]
    assert out.splitlines() == ["f", f"-:{short}"]
    # a second, different text on stdin is a second article, not a replacement
    other = GOOD_TEXT.replace("Harbour", "River")
    assert run("build", "-", "--store", store, input=other).returncode == 0
    assert run("build", "-", "--name", "memo.txt", "--store", store, input=other).returncode == 0
    out = run(
        "query", "SELECT ?f WHERE { ?a kg:sourceFile ?f }", "--store", store, "--format", "tsv"
    ).stdout
    files = out.splitlines()[1:]
    assert len(files) == 2 and f"-:{short}" in files
    assert "memo.txt" not in files  # the same text again: stored once, under its first name


def test_store_held_by_another_process(tmp_path):
    store = tmp_path / "store"
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    assert invoke("build", str(tmp_path / "a.txt"), "--store", str(store)).exit_code == 0
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('ready', "
            "flush=True); time.sleep(60)",
            str(store),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        res = run("build", str(tmp_path / "a.txt"), "--store", str(store))
        assert res.returncode == 1
        assert "in use by another process" in res.stderr
        assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr
        # reading still works beside the writer
        q = run("query", "ASK { ?a a kg:Article }", "--store", str(store))
        assert q.returncode == 0 and q.stdout.strip() == "true"
    finally:
        holder.kill()
        holder.wait()


def test_missing_store_for_query(tmp_path):
    res = run("query", "ASK {}", "--store", str(tmp_path / "none"))
    assert res.returncode == 1
    assert "no store at" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "none").exists()


def test_kg_store_environment_variable(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env-store"))
    assert invoke("build", str(tmp_path / "a.txt")).exit_code == 0
    assert (tmp_path / "env-store").is_dir()


# --- query ---------------------------------------------------------------------------------


def test_query_formats(examples_store):
    q = "SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name LIMIT 3"
    table = invoke("query", q, "--store", examples_store)
    assert table.exit_code == 0 and "(3 rows)" in table.output
    rows = list(
        csv.reader(
            io.StringIO(invoke("query", q, "--store", examples_store, "--format", "csv").output)
        )
    )
    assert rows[0] == ["name"] and len(rows) == 4
    tsv = invoke("query", q, "--store", examples_store, "--format", "tsv").output.splitlines()
    assert tsv[0] == "name" and len(tsv) == 4
    data = json.loads(invoke("query", q, "--store", examples_store, "--format", "json").output)
    assert data["head"]["vars"] == ["name"]
    assert all(b["name"]["type"] == "literal" for b in data["results"]["bindings"])
    ask = json.loads(
        invoke(
            "query", "ASK { ?s a kg:Denial }", "--store", examples_store, "--format", "json"
        ).output
    )
    assert ask == {"head": {}, "boolean": True}


def test_construct_prints_turtle(examples_store):
    res = invoke(
        "query",
        "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a kg:Person ; rdfs:label ?l }",
        "--store",
        examples_store,
    )
    g = Graph().parse(data=res.output, format="turtle")
    assert len(g) > 5


def test_query_from_file(examples_store, tmp_path):
    f = tmp_path / "q.rq"
    f.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Statement }", encoding="utf-8")
    res = invoke("query", f"@{f}", "--store", examples_store, "--format", "csv")
    assert res.exit_code == 0 and int(res.output.splitlines()[1]) > 50


def test_malformed_query_names_the_position(examples_store):
    res = run("query", "SELECT ?x WHERE { ?x a kg:Person ", "--store", examples_store)
    assert res.returncode == 1
    err = res.stderr.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert "1:" in err and "syntax" in err.lower()


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX ex: <urn:x#> DELETE WHERE { ?s ?p ?o }",
        "DROP ALL",
        "CLEAR DEFAULT",
        "LOAD <http://example.org/data.ttl>",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    ],
)
def test_updates_and_service_are_refused(tmp_path, update):
    store = str(tmp_path / "store")
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    assert invoke("build", str(tmp_path / "a.txt"), "--store", store).exit_code == 0
    before = invoke("export", "--format", "nq", "--store", store).output
    res = run("query", update, "--store", store)
    assert res.returncode == 1
    assert "refused" in res.stderr and "Traceback" not in res.stderr
    assert invoke("export", "--format", "nq", "--store", store).output == before


def test_keywords_inside_strings_are_not_updates(examples_store):
    res = invoke(
        "query",
        'SELECT ?t WHERE { ?s kg:text ?t FILTER(CONTAINS(?t, "DELETE")) }',
        "--store",
        examples_store,
    )
    assert res.exit_code == 0


def test_canned_queries_listed_and_parameters_bound_safely(examples_store):
    listing = invoke("query", "--list")
    for name in (
        "quotes-by",
        "findings-by",
        "denials",
        "statements-about",
        "unnamed-sources",
        "aliases",
    ):
        assert name in listing.output
    res = invoke(
        "query",
        "--name",
        "quotes-by",
        "--param",
        "name=Holovatyuk",
        "--store",
        examples_store,
        "--format",
        "json",
    )
    rows = json.loads(res.output)["results"]["bindings"]
    assert rows and all("Holovatyuk" in r["speaker_name"]["value"] for r in rows)
    # an injection attempt is just a string that matches nobody
    evil = 'x") } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o FILTER("'
    res = invoke(
        "query",
        "--name",
        "quotes-by",
        "--param",
        f"name={evil}",
        "--store",
        examples_store,
        "--format",
        "json",
    )
    assert res.exit_code == 0
    assert json.loads(res.output)["results"]["bindings"] == []
    missing = invoke("query", "--name", "quotes-by", "--store", examples_store)
    assert missing.exit_code == 2


# --- export, stats, show, validate, extract -------------------------------------------------


@pytest.mark.parametrize(
    "fmt", ["turtle", "ttl", "trig", "nquads", "nq", "ntriples", "nt", "jsonld", "graphml", "gexf"]
)
def test_export_formats_parse_back(examples_store, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    res = invoke("export", "--format", fmt, "-o", str(out), "--store", examples_store)
    assert res.exit_code == 0, res.output
    if fmt in ("graphml", "gexf"):
        g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
        kinds = {d.get("kind") for _, d in g.nodes(data=True)}
        assert kinds == {"entity", "statement"}
        return
    rdflib_fmt = {
        "turtle": "turtle",
        "ttl": "turtle",
        "trig": "trig",
        "nquads": "nquads",
        "nq": "nquads",
        "ntriples": "nt",
        "nt": "nt",
        "jsonld": "json-ld",
    }[fmt]
    ds = Dataset()
    ds.parse(out, format=rdflib_fmt)
    assert len(ds) > 100 or sum(len(g) for g in ds.graphs()) > 100


def test_stats(examples_store):
    res = invoke("stats", "--store", examples_store, "--format", "json")
    data = json.loads(res.output)
    assert data["articles"] >= 10
    assert data["statements"]["Finding"] >= 3 and data["statements"]["Denial"] >= 3
    assert data["central"][0]["pagerank"] >= data["central"][-1]["pagerank"]


def test_show_entity_by_alias(examples_store):
    res = invoke("show", "CRM", "--store", examples_store, "--format", "json")
    data = json.loads(res.output)
    assert data["label"] == "Coastal Rights Monitor"
    assert "CRM" in data["aliases"]
    assert any(s["kind"] == "Finding" for s in data["statements"])
    assert all(s["article"] for s in data["statements"])
    table = invoke("show", "Coastal Rights Monitor", "--store", examples_store)
    assert table.exit_code == 0 and "Coastal Rights Monitor" in table.output
    assert invoke("show", "Nobody Atall", "--store", examples_store).exit_code == 1


def test_validate_conforms(examples_store):
    res = invoke("validate", "--store", examples_store)
    assert res.exit_code == 0, res.output
    assert "conforms" in res.output


def test_extract_prints_one_article_graph(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(GOOD_TEXT, encoding="utf-8")
    res = run("extract", str(art))
    assert res.returncode == 0, res.stderr
    g = Graph().parse(data=res.stdout, format="turtle")
    texts = {str(o) for o in g.objects(None, None) if "cannot wait" in str(o)}
    assert texts
    assert not (Path.cwd() / "kg-store").exists() or True  # no store argument exists at all
    jsonld = run("extract", str(art), "--format", "jsonld")
    assert jsonld.returncode == 0 and json.loads(jsonld.stdout)


def test_every_command_has_help_with_an_example():
    names = cli.list_commands(click.Context(cli))
    assert {"build", "query", "viz", "stats", "validate", "entities"} <= set(names)
    for name in names:
        res = invoke(name, "--help")
        assert res.exit_code == 0
        assert "Example" in res.output, name
    assert sorted(cli.commands) == names  # every module's commands are listed


def test_build_loads_no_viewer_libraries():
    code = (
        "import sys; from kg.cli import cli; cli.get_command(None, 'build'); "
        "import kg.pipeline; print(sorted({'networkx', 'pyvis', 'pyshacl'} & set(sys.modules)))"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[]"


def test_python_dash_m_works():
    res = run("--version")
    assert res.returncode == 0 and "newskg" in res.stdout


def test_seed_article_builds_from_the_command_line(tmp_path):
    need_shared(SEED)
    store = str(tmp_path / "store")
    res = run("build", str(SEED), "--store", store)
    assert res.returncode == 0, res.stderr
    show = run("show", "Lavrov", "--store", store)
    assert "Foreign Minister" in show.stdout and "Sergei Lavrov" in show.stdout


def test_examples_build_cleanly():
    assert EXAMPLES.is_dir() and len(list(EXAMPLES.iterdir())) >= 8
    _ = os, time  # imported for the lock test's subprocess timing
