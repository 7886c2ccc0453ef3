"""The store on a SPARQL server (kg/store/sparql.py), against two real implementations:
`oxigraph serve` and Virtuoso 7, each started on 127.0.0.1 by a fixture. The same commands
give the same answers as on the embedded store; faults give one line and lose nothing."""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store import StoreError, open_store
from kg.store.sparql import Endpoints, SparqlStore
from tests.conftest import EXAMPLES
from tests.servers import SERVERS, free_port, oxigraph_server

pytestmark = pytest.mark.server


def nquads(location: str) -> list[str]:
    with open_store(location, read_only=True) as s:
        return sorted(s.dump("nquads").decode("utf-8").splitlines())


def _quads(text: str, fmt: str) -> set[tuple]:
    import pyoxigraph as ox

    formats = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG}
    return {
        (q.subject, q.predicate, q.object, q.graph_name)
        for q in ox.parse(text.encode(), format=formats.get(fmt, ox.RdfFormat.JSON_LD))
    }


def kg(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module", params=sorted(SERVERS))
def server(request, tmp_path_factory):
    with SERVERS[request.param](tmp_path_factory.mktemp(request.param)) as s:
        yield s


@pytest.fixture
def remote(server, tmp_path, monkeypatch) -> str:
    """The server's URL, emptied of newskg's graphs, with credentials in the environment
    and a build cache of this test's own."""
    for key, value in server.env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("KG_STORE_CACHE", str(tmp_path / "cache" / "cache.sqlite"))
    monkeypatch.setenv("KG_STORE_RETRIES", "2")
    with SparqlStore(server.url) as store:
        store.drop_graphs(store.our_graphs())
    return server.url


def stored_articles(store: str) -> int:
    """How many articles a store holds (the samples grow: never hard-code it)."""
    import kg as api

    return len(api.query(store, "SELECT ?a WHERE { ?a a kg:Article }"))


# --- same graph, same answers -----------------------------------------------------------------


def test_build_gives_the_embedded_stores_nquads(remote, examples_store):
    code, out, err = kg("build", str(EXAMPLES), "--store", remote, "--jobs", "1")
    assert code == 0, err
    assert f"into {remote}" in out
    assert nquads(remote) == nquads(examples_store)
    # built again: nothing to do, nothing changes
    code, out, _ = kg("build", str(EXAMPLES), "--store", remote, "--jobs", "1")
    assert code == 0 and f"{stored_articles(examples_store)} unchanged" in out
    assert nquads(remote) == nquads(examples_store)


READ_COMMANDS = [
    ("stats",),
    ("entities",),
    ("entities", "--type", "Organization", "--format", "json"),
    ("show", "Holovatyuk"),
    ("validate",),
    ("query", "--name", "entities", "--format", "json"),
    ("query", "--name", "statements", "--format", "json"),
    ("query", "--name", "denials", "--format", "json"),
    ("query", "--name", "quotes-by", "--param", "name=Holovatyuk", "--format", "json"),
    ("query", "--name", "aliases", "--param", "name=NWA", "--format", "json"),
    ("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "json"),
    ("query", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"),
    ("query", "ASK { ?s a kg:Person }"),
    # a query that names its dataset gets it, on a server as in the embedded store
    (
        "query",
        "SELECT (COUNT(*) AS ?n) FROM <https://w3id.org/newskg/id/graph/entities> "
        "WHERE { ?s ?p ?o }",
    ),
    ("query", "--timeout", "60", "SELECT ?l WHERE { ?e a kg:Place ; rdfs:label ?l } ORDER BY ?l"),
    ("query", "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a kg:Place ; rdfs:label ?l }"),
]


def test_every_reading_command_answers_as_on_the_embedded_store(remote, examples_store):
    code, _, err = kg("build", str(EXAMPLES), "--store", remote, "--jobs", "1")
    assert code == 0, err
    for args in READ_COMMANDS:
        here = kg(*args, "--store", examples_store)
        there = kg(*args, "--store", remote)
        assert here[0] == 0, (args, here[2])
        assert there == here, args
    for fmt in ("turtle", "trig", "jsonld"):  # the same quads (in the order each store keeps)
        here = kg("export", "--format", fmt, "--store", examples_store)[1]
        there = kg("export", "--format", fmt, "--store", remote)[1]
        assert _quads(there, fmt) == _quads(here, fmt), fmt
    for query in sorted((EXAMPLES.parent / "queries").glob("*.rq")):
        args = ("query", f"@{query}", "--format", "json")
        assert kg(*args, "--store", remote) == kg(*args, "--store", examples_store), query


def test_the_servers_own_union_default_graph_gives_the_same_answers(
    remote, examples_store, monkeypatch
):
    """KG_STORE_DATASET=union (what a corpus past KG_STORE_MAX_GRAPHS uses): queries go as
    they are, with Oxigraph's union-default-graph parameter; Virtuoso's default graph is
    the union already."""
    code, _, err = kg("build", str(EXAMPLES), "--store", remote, "--jobs", "1")
    assert code == 0, err
    monkeypatch.setenv("KG_STORE_DATASET", "union")
    for args in [("stats",), ("entities",), ("show", "Holovatyuk")] + [
        ("query", "--name", name, "--format", "json") for name in ("statements", "entities")
    ]:
        assert kg(*args, "--store", remote) == kg(*args, "--store", examples_store), args


def test_a_lost_cache_costs_time_not_data(remote, examples_store, tmp_path, monkeypatch):
    code, _, err = kg("build", str(EXAMPLES), "--store", remote, "--jobs", "1")
    assert code == 0, err
    # another machine, or a wiped ~/.cache: the records come back from the stored texts
    monkeypatch.setenv("KG_STORE_CACHE", str(tmp_path / "elsewhere" / "cache.sqlite"))
    code, out, err = kg("build", str(EXAMPLES), "--store", remote, "--jobs", "1")
    assert code == 0, err
    assert nquads(remote) == nquads(examples_store)


def test_the_cache_lives_outside_the_server(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("KG_STORE_CACHE", raising=False)
    with oxigraph_server(tmp_path) as srv, SparqlStore(srv.url) as store:
        path = store.cache_path
        assert path is not None and path.parent.parent == tmp_path / "newskg"
        with SparqlStore(srv.url + "/") as again:
            assert again.cache_path == path  # one server, one cache, however spelt


# --- faults -----------------------------------------------------------------------------------


def test_a_server_gone_mid_build_keeps_what_was_written(tmp_path, monkeypatch, examples_store, nlp):
    """The server dies after five article graphs; they stay stored, and the rerun, once it
    is back, completes the rest: the same graph as a build that never failed."""
    import kg as kg_api

    monkeypatch.setenv("KG_STORE_CACHE", str(tmp_path / "cache.sqlite"))
    monkeypatch.setenv("KG_STORE_RETRIES", "1")
    with oxigraph_server(tmp_path) as srv:
        store = SparqlStore(srv.url)
        real = store.replace_article
        written: list[str] = []

        def put_then_die(iri, graph, drop=()):
            if len(written) == 5:
                srv.stop()
            real(iri, graph, drop)
            written.append(iri)

        monkeypatch.setattr(store, "replace_article", put_then_die)
        with pytest.raises(StoreError, match="cannot reach"):
            kg_api.build([str(EXAMPLES)], store, jobs=1)
        srv.start_again()
        with SparqlStore(srv.url) as after:
            assert {a.iri for a in after.articles()} == set(written)
        code, out, err = kg("build", str(EXAMPLES), "--store", srv.url, "--jobs", "1")
        assert code == 0, err
        assert nquads(srv.url) == nquads(examples_store)


def test_an_unreachable_server_is_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_STORE_CACHE", str(tmp_path / "c.sqlite"))
    url = f"http://127.0.0.1:{free_port()}"
    start = time.monotonic()
    code, out, err = kg("build", str(EXAMPLES), "--store", url)
    assert code == 2
    assert err.strip().count("\n") == 0 and "cannot reach" in err and url in err
    assert time.monotonic() - start < 20
    assert not (tmp_path / "c.sqlite").exists()  # no work was done
    monkeypatch.setenv("KG_STORE", url)  # the environment names servers too
    code, _, err = kg("stats")
    assert code == 2 and "cannot reach" in err


def test_credentials_never_travel_in_the_url():
    code, out, err = kg("stats", "--store", "http://me:s3cret@127.0.0.1:1/sparql")
    assert code == 2
    assert "KG_STORE_USER" in err and "s3cret" not in err + out


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    with SERVERS["virtuoso"](tmp_path_factory.mktemp("virtuoso-auth")) as s:
        yield s


def test_wrong_credentials_are_one_clear_line(virtuoso, monkeypatch, tmp_path):
    monkeypatch.setenv("KG_STORE_CACHE", str(tmp_path / "c.sqlite"))
    monkeypatch.setenv("KG_STORE_USER", "dba")
    monkeypatch.setenv("KG_STORE_PASSWORD", "not-the-password")
    code, out, err = kg("build", str(EXAMPLES), "--store", virtuoso.url)
    assert code == 2
    assert "refused the credentials" in err and err.strip().count("\n") == 0
    assert "not-the-password" not in err + out


def test_credentials_from_netrc(virtuoso, monkeypatch, tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login dba password dba\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.delenv("KG_STORE_USER", raising=False)
    monkeypatch.setenv("KG_STORE_CACHE", str(tmp_path / "c.sqlite"))
    with SparqlStore(virtuoso.url) as store:  # opened to write: the update probe passed
        assert store.endpoints.update.endswith("/sparql-auth")


def test_a_server_refusing_updates(virtuoso, monkeypatch, tmp_path):
    """Virtuoso's anonymous account may query but not update: a build says so before it
    parses anything; reading commands still work."""
    monkeypatch.delenv("KG_STORE_USER", raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "none"))
    monkeypatch.setenv("KG_STORE_CACHE", str(tmp_path / "c.sqlite"))
    code, out, err = kg("build", str(EXAMPLES), "--store", virtuoso.url)
    assert code == 2
    assert "refused the update" in err and err.strip().count("\n") == 0
    assert not (tmp_path / "c.sqlite").exists()
    code, out, err = kg("stats", "--store", virtuoso.url)
    assert code == 0, err


def test_a_server_that_never_answers_times_out(tmp_path, monkeypatch):
    """A server that accepts the connection and then says nothing: each try ends at the
    timeout, and after the retries the command says so in one line."""
    import socket

    monkeypatch.setenv("KG_STORE_CACHE", str(tmp_path / "c.sqlite"))
    monkeypatch.setenv("KG_STORE_TIMEOUT", "1")
    monkeypatch.setenv("KG_STORE_RETRIES", "1")
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    try:
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        start = time.monotonic()
        code, _, err = kg("stats", "--store", url)
        assert code == 2 and "cannot reach" in err and "timed out" in err
        assert time.monotonic() - start < 15
    finally:
        silent.close()


class _Flaky(http.server.BaseHTTPRequestHandler):
    """Answers 503 to the first two requests, then as a SPARQL endpoint that holds nothing."""

    calls = 0

    def do_POST(self):  # noqa: N802 - the http.server API
        type(self).calls += 1
        request = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if type(self).calls <= 2:
            self.send_response(503)
            self.end_headers()
            return
        body = b'{"head": {"vars": ["g"]}, "results": {"bindings": []}}'
        if b"ASK" in request:
            body = b'{"head": {}, "boolean": false}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_transient_errors_are_retried_with_backoff(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_STORE_CACHE", str(tmp_path / "c.sqlite"))
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Flaky)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}"
        with SparqlStore(url, read_only=True, retries=3) as store:
            assert store.query("ASK { ?s ?p ?o }") is False
        assert _Flaky.calls >= 3
    finally:
        httpd.shutdown()


# --- endpoints --------------------------------------------------------------------------------


def test_endpoints_from_what_a_user_has_at_hand():
    ox = Endpoints.for_url("http://127.0.0.1:7878")
    assert (ox.query, ox.update, ox.gsp) == (
        "http://127.0.0.1:7878/query",
        "http://127.0.0.1:7878/update",
        "http://127.0.0.1:7878/store",
    )
    assert Endpoints.for_url("http://127.0.0.1:7878/query") == ox
    v = Endpoints.for_url("http://h:8890/sparql")
    assert (v.query, v.update, v.gsp) == (
        "http://h:8890/sparql",
        "http://h:8890/sparql",
        "http://h:8890/sparql-graph-crud",
    )
    va = Endpoints.for_url("http://h:8890/sparql", auth=True)
    assert (va.update, va.gsp) == (
        "http://h:8890/sparql-auth",
        "http://h:8890/sparql-graph-crud-auth",
    )
    f = Endpoints.for_url("http://h:3030/ds", gsp="http://h:3030/ds/data")
    assert (f.query, f.update, f.gsp) == (
        "http://h:3030/ds/query",
        "http://h:3030/ds/update",
        "http://h:3030/ds/data",
    )


def test_open_store_picks_by_location(tmp_path):
    from kg.store import OxigraphStore

    with open_store(str(tmp_path / "s")) as s:
        assert isinstance(s, OxigraphStore)
    assert Path(tmp_path / "s").is_dir()
