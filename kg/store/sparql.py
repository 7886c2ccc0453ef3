"""A store on any SPARQL 1.1 server: Query and Update, and the Graph Store Protocol.

Why these three protocols and nothing server-specific: they are what Oxigraph, Virtuoso,
Fuseki, GraphDB and QLever all speak, so a lab keeps its graph in whatever server it runs.
An article graph is replaced whole by one GSP ``PUT`` (one request, so one transaction on
every server), an older version dropped only after the new one is in; corpus-level graphs
are patched by one SPARQL Update request per patch.

The dataset queries see. The embedded store answers every query with the default graph
as the union of the named graphs. Servers differ: Oxigraph's default graph is its own
(empty) graph unless started with ``--union-default-graph``; Virtuoso's is the union of
*every* graph it holds, its own system graphs included; Fuseki's is configurable. So that
``kg query`` gives the same answers everywhere, each query is sent with an explicit RDF
dataset (the protocol's ``default-graph-uri`` and ``named-graph-uri`` parameters, which
override any FROM in the text): the default graph is the merge of newskg's graphs, and
``GRAPH ?g`` ranges over them only, whatever else the server holds. Past
``KG_STORE_MAX_GRAPHS`` graphs (default 10,000) a dataset that long would cost more than
the query, and the store relies on the server's own union default graph instead
(``KG_STORE_DATASET=union`` asks for that always; configure the server as docs/cluster.md
says).

Credentials come from ``KG_STORE_USER``/``KG_STORE_PASSWORD`` or a netrc entry for the host
(``NETRC`` or ``~/.netrc``), never from the URL, and are never printed. Transient failures
(connection refused or reset, timeouts, HTTP 429/502/503/504) are retried with exponential
backoff; every write is idempotent (a PUT, a DROP, a patch that deletes then inserts), so a
retried write that had in fact gone through changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import math
import netrc
import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
from rdflib import BNode, Graph, Literal, URIRef

from kg.rdf.vocab import KG, PREFIXES, XSD_FLOATS, XSD_INTEGERS
from kg.store.base import (
    BindingError,
    QueryError,
    QueryResult,
    QueryTimeout,
    Rows,
    Store,
    StoredArticle,
    StoreError,
    StoreUnavailable,
    Triples,
)
from kg.store.oxigraph import ARTICLES_QUERY

#: Statuses worth another try: the server is busy, restarting or behind a proxy that is.
_TRANSIENT = {429, 502, 503, 504}

#: Operations per SPARQL Update request body part: servers (Virtuoso above all) refuse or
#: slow down on one huge INSERT DATA, so big patches go as several in one request.
_INSERT_CHUNK = 2000

#: What marks a graph as newskg's: it types something with the newskg vocabulary (article
#: graphs, the entities, claims and aliases graphs all do).
_OUR_GRAPHS = f"""
SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s a ?t }} FILTER(STRSTARTS(STR(?t), "{KG}")) }}"""

_MASK = re.compile(
    r'"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*"
)
_PREFIX_DECL = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)


def is_url(location: str) -> bool:
    """Whether a ``--store`` location names a server rather than a directory."""
    return location.startswith(("http://", "https://"))


@dataclass(frozen=True)
class Endpoints:
    """Where a server takes queries, updates and Graph Store Protocol requests."""

    query: str
    update: str
    gsp: str | None  # None: graphs are replaced with SPARQL Update instead

    @classmethod
    def for_url(
        cls, url: str, *, update: str | None = None, gsp: str | None = None, auth: bool = False
    ) -> Endpoints:
        """The endpoints of the server at ``url``: a base URL (``/query``, ``/update``,
        ``/store`` beneath it, as Oxigraph and Fuseki lay them out) or a query endpoint
        ending in ``/query`` or ``/sparql`` (Virtuoso: updates at the same URL, the Graph
        Store Protocol at ``/sparql-graph-crud``, or ``-auth`` when logging in)."""
        parts = urlsplit(url)
        path = parts.path.rstrip("/")

        def at(p: str) -> str:
            return urlunsplit((parts.scheme, parts.netloc, p, "", ""))

        if path.endswith(("/sparql", "/sparql-auth")):
            stem = path.removesuffix("-auth")
            q = at(path if not auth or path.endswith("-auth") else stem + "-auth")
            return cls(q, update or q, gsp or at(stem + "-graph-crud" + ("-auth" if auth else "")))
        if path.endswith("/query"):
            path = path.removesuffix("/query")
        return cls(at(path + "/query"), update or at(path + "/update"), gsp or at(path + "/store"))


def _credentials(url: str) -> tuple[str, str] | None:
    user, password = os.environ.get("KG_STORE_USER"), os.environ.get("KG_STORE_PASSWORD")
    if user and password is not None:
        return user, password
    host = urlsplit(url).hostname or ""
    try:
        entry = netrc.netrc(os.environ.get("NETRC") or None).authenticators(host)
    except (FileNotFoundError, netrc.NetrcParseError, OSError):
        return None
    if entry and entry[0]:
        return entry[0], entry[2] or ""
    return None


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


def default_cache_dir() -> Path:
    """Where builds against servers keep their caches: ``$XDG_CACHE_HOME/newskg``."""
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "newskg"


class SparqlStore(Store):
    """A store on a SPARQL 1.1 server (see the module docstring)."""

    def __init__(
        self,
        url: str,
        *,
        read_only: bool = False,
        update_url: str | None = None,
        gsp_url: str | None = None,
        cache: str | Path | None = None,
        retries: int | None = None,
        timeout: float | None = None,
    ):
        parts = urlsplit(url)
        if parts.username or parts.password:
            raise StoreError(
                "the store URL holds credentials; give them in KG_STORE_USER and "
                "KG_STORE_PASSWORD or a netrc file instead",
                exit_code=2,
            )
        self.location = url
        self.read_only = read_only
        self._creds = _credentials(url)
        self.endpoints = Endpoints.for_url(
            url,
            update=update_url or os.environ.get("KG_STORE_UPDATE_URL") or None,
            gsp=gsp_url or os.environ.get("KG_STORE_GSP_URL") or None,
            auth=self._creds is not None,
        )
        self._cache = Path(cache or os.environ.get("KG_STORE_CACHE") or self._default_cache())
        self._retries = retries if retries is not None else int(_env_float("KG_STORE_RETRIES", 5))
        self._timeout = timeout or _env_float("KG_STORE_TIMEOUT", 300.0)
        self._session = requests.Session()
        self._session.trust_env = False  # no proxies or netrc behind our back
        self._auth: requests.auth.AuthBase | None = None
        self._graphs: list[str] | None = None  # newskg's graphs, while nothing is written
        self._mirror: Any = None  # an in-memory copy of them, while nothing is written
        self._virtuoso = False
        mode = os.environ.get("KG_STORE_DATASET", "auto").lower()
        self._dataset_mode = mode if mode in ("auto", "explicit", "union") else "auto"
        self._max_graphs = int(_env_float("KG_STORE_MAX_GRAPHS", 10_000))
        self._probe()

    def _default_cache(self) -> Path:
        key = hashlib.sha256(self.location.rstrip("/").encode()).hexdigest()[:16]
        return default_cache_dir() / key / "cache.sqlite"

    @property
    def cache_path(self) -> Path | None:
        return self._cache

    # --- HTTP -------------------------------------------------------------------------

    def _probe(self) -> None:
        """Fail before any work when the server cannot be reached, refuses us, or (for a
        store opened to write) refuses updates."""
        try:
            resp = self._request(
                "POST",
                self.endpoints.query,
                what="query",
                attempts=2,
                data={"query": "ASK { }"},
                headers={"Accept": "application/sparql-results+json"},
            )
            self._virtuoso = "virtuoso" in resp.headers.get("Server", "").lower()
            if not self.read_only:
                probe = "DROP SILENT GRAPH <urn:newskg:write-probe>"
                self._request(
                    "POST", self.endpoints.update, what="update", attempts=2, data={"update": probe}
                )
        except StoreUnavailable as exc:
            raise StoreUnavailable(str(exc), exit_code=2) from None

    def _request(
        self,
        method: str,
        url: str,
        *,
        what: str,
        attempts: int | None = None,
        deadline: float | None = None,
        **kw: Any,
    ) -> requests.Response:
        """One request with retries on transient failures; failures as one-line errors.
        ``attempts`` bounds the tries when the server cannot be reached at all (the probe
        at opening says so at once); a busy server gets every retry. ``deadline``: a user's
        query time limit (seconds, ``math.inf`` for none): waiting longer for the answer
        raises QueryTimeout, and is not retried."""
        read = self._timeout if deadline is None else (None if deadline == math.inf else deadline)
        tries = self._retries + 1
        delay = 0.5
        for attempt in range(tries):
            last = attempt == tries - 1
            try:
                resp = self._session.request(method, url, timeout=(10, read), auth=self._auth, **kw)
            except requests.ReadTimeout:
                if deadline is not None:
                    raise QueryTimeout(deadline) from None
                if last:
                    raise StoreUnavailable(
                        f"cannot reach the SPARQL server at {self.location} (timed out)"
                    ) from None
            except (requests.ConnectionError, requests.Timeout) as exc:
                if last or (attempts is not None and attempt + 1 >= attempts):
                    raise StoreUnavailable(
                        f"cannot reach the SPARQL server at {self.location} ({_reason(exc)})"
                    ) from None
            else:
                if resp.status_code == 401 and self._auth is None and self._creds is not None:
                    self._auth = _auth_for(resp, self._creds)
                    continue  # the same request again, logged in (not a retry)
                if resp.status_code not in _TRANSIENT or last:
                    self._check(resp, what)
                    return resp
            time.sleep(delay)
            delay = min(delay * 2, 30.0)
        raise StoreUnavailable(f"cannot reach the SPARQL server at {self.location}")

    def _check(self, resp: requests.Response, what: str) -> None:
        code = resp.status_code
        if code < 300:
            return
        host = urlsplit(self.location).hostname
        if code == 401:
            if self._creds is None:
                raise StoreError(
                    f"the SPARQL server at {self.location} wants credentials for {what}s: "
                    f"set KG_STORE_USER and KG_STORE_PASSWORD, or a netrc entry for {host}",
                    exit_code=2,
                )
            raise StoreError(
                f"the SPARQL server at {self.location} refused the credentials given "
                f"(HTTP 401; from KG_STORE_USER or netrc for {host})",
                exit_code=2,
            )
        if code == 403 or (what != "query" and code in (400, 405, 500) and _refusal(resp)):
            raise StoreError(
                f"the SPARQL server at {self.location} refused the {what} (HTTP {code}: "
                f"{_detail(resp)}); does this account have write permission?",
                exit_code=2,
            )
        if what == "query" and code in (400, 500):
            raise QueryError(f"the SPARQL server rejected the query: {_detail(resp)}")
        if code in _TRANSIENT:
            raise StoreUnavailable(
                f"the SPARQL server at {self.location} is unavailable (HTTP {code})"
            )
        raise StoreError(
            f"the SPARQL server at {self.location} failed the {what} (HTTP {code}: {_detail(resp)})"
        )

    def _select_raw(self, sparql: str) -> list[dict[str, Any]]:
        resp = self._request(
            "POST",
            self.endpoints.query,
            what="query",
            data={"query": _with_prefixes(sparql)},
            headers={"Accept": "application/sparql-results+json"},
        )
        return _json(resp)["results"]["bindings"]

    def _update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError("store opened read-only")
        self._graphs = self._mirror = None
        self._request(
            "POST", self.endpoints.update, what="update", data={"update": _with_prefixes(sparql)}
        )

    # --- writing ----------------------------------------------------------------------

    def replace_article(self, iri: str, graph: Graph | str, drop: Iterable[str] = ()) -> None:
        if self.read_only:
            raise StoreError("store opened read-only")
        body = graph if isinstance(graph, str) else graph.serialize(format="nt")
        old = sorted(set(drop) - {iri})
        self._graphs = self._mirror = None
        if self.endpoints.gsp:
            # one PUT replaces the graph whole, atomically; N-Triples is Turtle, which every
            # GSP implementation takes
            self._request(
                "PUT",
                self.endpoints.gsp,
                what="update",
                params={"graph": iri},
                data=body.encode("utf-8"),
                headers={"Content-Type": "text/turtle; charset=utf-8"},
            )
        else:
            ops = [f"DROP SILENT GRAPH <{iri}>", *_inserts(iri, body)]
            self._update(" ;\n".join(ops))
        if old:  # the new version is in: the older ones go
            self.drop_graphs(old)

    def drop_graphs(self, iris: Iterable[str]) -> None:
        names = sorted(set(iris))
        if names:
            self._update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in names))

    def has_graph(self, iri: str) -> bool:
        rows = self._select_raw(f"SELECT ?s WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }} LIMIT 1")
        return bool(rows)

    def patch_subjects(self, graph: str, subjects: Iterable[str], ntriples: str) -> None:
        if self.read_only:
            raise StoreError("store opened read-only")
        subs = sorted(set(subjects))
        if not subs and not self.has_graph(graph):
            if ntriples:  # a new graph: the fast path
                self.replace_article(graph, ntriples)
            return
        ops = []
        for i in range(0, len(subs), 500):
            values = " ".join(f"<{s}>" for s in subs[i : i + 500])
            ops.append(
                f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} "
                f"WHERE {{ GRAPH <{graph}> {{ VALUES ?s {{ {values} }} ?s ?p ?o }} }}"
            )
        ops += _inserts(graph, ntriples)
        if ops:
            self._update(" ;\n".join(ops))

    def update(self, sparql: str) -> None:
        self._update(sparql)

    # --- reading ----------------------------------------------------------------------

    def articles(self) -> list[StoredArticle]:
        rows = self._select_raw(ARTICLES_QUERY)
        return [
            StoredArticle(r["a"]["value"], r["file"]["value"], r["hash"]["value"]) for r in rows
        ]

    def our_graphs(self) -> list[str]:
        """newskg's graphs on the server (remembered until this store writes)."""
        if self._graphs is None:
            self._graphs = sorted(r["g"]["value"] for r in self._select_raw(_OUR_GRAPHS))
        return self._graphs

    def _dataset(self) -> dict[str, list[str]]:
        """The protocol parameters that make the default graph the union of newskg's
        graphs (see the module docstring)."""
        if self._dataset_mode == "union":
            return {"union-default-graph": ["true"]}
        graphs = self.our_graphs()
        if self._dataset_mode == "auto" and len(graphs) > self._max_graphs:
            return {"union-default-graph": ["true"]}
        if not graphs:  # an empty dataset: name one graph that holds nothing
            graphs = ["urn:newskg:empty"]
        return {"default-graph-uri": graphs, "named-graph-uri": graphs}

    def query(
        self,
        sparql: str,
        bindings: dict[str, Any] | None = None,
        *,
        timeout: float | None = None,
    ) -> QueryResult:
        from kg.query_shape import names_dataset

        if bindings:
            _check_bindings(sparql, bindings)
        text = _with_prefixes(_bind(sparql, bindings or {}))
        form = _form(text)
        if self._virtuoso and _HASHES.search(_MASK.sub(" ", sparql)):
            return self._query_locally(text, dataset=names_dataset(sparql))
        accept = (
            "application/n-triples, text/plain;q=0.5"
            if form in ("CONSTRUCT", "DESCRIBE")
            else "application/sparql-results+json"
        )
        # a query that names its dataset (FROM, FROM NAMED) gets it, as SPARQL says
        data: dict[str, Any] = {"query": text}
        if not names_dataset(sparql):
            data.update(self._dataset())
        resp = self._request(
            "POST",
            self.endpoints.query,
            what="query",
            data=data,
            headers={"Accept": accept},
            deadline=timeout,
        )
        if form in ("CONSTRUCT", "DESCRIBE"):
            return Triples(_as_ntriples(resp))
        body = _json(resp)
        if "boolean" in body:
            return bool(body["boolean"])
        if form == "ASK":  # Virtuoso, given a dataset, answers ASK as a one-cell SELECT
            cells = [t["value"] for b in body["results"]["bindings"] for t in b.values()]
            return bool(cells) and cells[0] not in ("0", "false")
        masked = _MASK.sub(" ", text)
        aggregates = {m.group(1) for m in _MIN_MAX.finditer(masked)}
        concats = {m.group(1) for m in _CONCAT.finditer(masked)}
        rows = []
        for b in body["results"]["bindings"]:
            row = {k: _norm_term(t, aggregate=k in aggregates) for k, t in b.items()}
            # GROUP_CONCAT over nothing: "" on some servers, unbound on the embedded store
            rows.append({k: t for k, t in row.items() if not (k in concats and t["value"] == "")})
        return Rows(body["head"].get("vars", []), _reorder(masked, rows))

    def _query_locally(self, text: str, *, dataset: bool) -> QueryResult:
        """A query run on an in-memory copy of newskg's graphs: for what a server computes
        wrongly. Virtuoso hashes (SHA256() and the others) a string's characters in its own
        internal encoding, not their UTF-8 bytes as SPARQL says, so every text with a
        non-ASCII character gets another hash (``kg validate`` checks kg:contentHash so)."""
        import pyoxigraph as ox

        if self._mirror is None:
            self._mirror = ox.Store()
            self._mirror.extend(
                ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), ox.NamedNode(g))
                for s, p, o, g in self.quads()
            )
        try:
            result = self._mirror.query(text, use_default_graph_as_union=not dataset)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {' '.join(str(exc).split())}") from None
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QuerySolutions):
            data = json.loads(result.serialize(format=ox.QueryResultsFormat.JSON))
            return Rows(data["head"].get("vars", []), data["results"]["bindings"])
        return Triples(ox.serialize(result, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"))

    def quads(self) -> list[tuple[dict, dict, dict, str]]:
        """Every (subject, predicate, object, graph) of newskg's graphs, as JSON terms."""
        out = []
        for g in self.our_graphs():
            rows = self._select_raw(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")
            out += [(r["s"], r["p"], _norm_term(r["o"]), g) for r in rows]
        return out

    def dump(self, fmt: str) -> bytes:
        import pyoxigraph as ox

        from kg.store.oxigraph import _FORMATS, _QUAD_FORMATS

        mem = ox.Store()
        mem.extend(
            ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), ox.NamedNode(g))
            for s, p, o, g in self.quads()
        )
        if fmt in _QUAD_FORMATS:
            kw = {"prefixes": PREFIXES} if fmt == "trig" else {}
            return mem.dump(format=_FORMATS[fmt], **kw)
        union = mem.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        kw = {"prefixes": PREFIXES} if fmt == "turtle" else {}
        return ox.serialize(union, format=_FORMATS[fmt], **kw)

    def close(self) -> None:
        self._session.close()


# --- helpers ----------------------------------------------------------------------------------


def _reason(exc: Exception) -> str:
    text = str(exc)
    for needle in ("Connection refused", "Name or service not known", "timed out"):
        if needle.lower() in text.lower():
            return needle.lower()
    return type(exc).__name__


def _auth_for(resp: requests.Response, creds: tuple[str, str]) -> requests.auth.AuthBase:
    challenge = resp.headers.get("WWW-Authenticate", "").lower()
    if challenge.startswith("digest"):
        return requests.auth.HTTPDigestAuth(*creds)
    return requests.auth.HTTPBasicAuth(*creds)


def _detail(resp: requests.Response, limit: int = 160) -> str:
    text = " ".join((resp.text or resp.reason or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _refusal(resp: requests.Response) -> bool:
    """Whether an error answer to a write means 'not allowed' rather than 'bad request'."""
    text = (resp.text or "").lower()
    return any(w in text for w in ("permission", "read-only", "read only", "not allowed",
                                   "access denied", "sparql_update", "forbidden"))  # fmt: skip


def _json(resp: requests.Response) -> dict[str, Any]:
    try:
        return json.loads(resp.content.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise StoreError(f"the SPARQL server sent a non-JSON answer: {_detail(resp)}") from None


def _as_ntriples(resp: requests.Response) -> str:
    """CONSTRUCT results as N-Triples, whatever RDF syntax the server chose to send."""
    ctype = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
    text = resp.content.decode("utf-8")
    if ctype in ("application/n-triples", "text/plain", ""):
        return text
    fmt = {"text/turtle": "turtle", "application/rdf+xml": "xml", "application/ld+json": "json-ld"}
    g = Graph()
    g.parse(data=text, format=fmt.get(ctype, "turtle"))
    return g.serialize(format="nt")


_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
_BOOLEANS = {"0": "false", "1": "true", "false": "false", "true": "true"}
_MIN_MAX = re.compile(r"\(\s*(?:MIN|MAX)\s*\([^()]*\)\s+AS\s+[?$](\w+)\s*\)", re.IGNORECASE)


#: SPARQL's hash functions, which Virtuoso computes on its own encoding of non-ASCII text
_HASHES = re.compile(r"\b(?:MD5|SHA1|SHA256|SHA384|SHA512)\s*\(", re.IGNORECASE)
_CONCAT = re.compile(r"\(\s*GROUP_CONCAT\s*\(.*?\)\s+AS\s+[?$](\w+)\s*\)", re.I | re.S)
_ORDER = re.compile(r"\bORDER\s+BY\b(.*)$", re.IGNORECASE | re.DOTALL)
_ORDER_KEY = re.compile(r"(ASC|DESC)\s*\(\s*[?$](\w+)\s*\)|[?$](\w+)", re.IGNORECASE)
_NUMERIC = XSD_INTEGERS | XSD_FLOATS


def _reorder(masked: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows in the embedded store's order for the query's final ORDER BY, when it orders by
    variables alone and takes every row: servers compare strings by their own collations
    (Virtuoso's is not code point order), the embedded store by code point, as SPARQL
    says. With LIMIT or OFFSET the server chose the rows; they are left as they come."""
    tail = masked[masked.rfind("}") + 1 :]
    m = _ORDER.search(tail)
    if not m or re.search(r"\b(LIMIT|OFFSET)\b", tail, re.IGNORECASE):
        return rows
    clause = m.group(1).strip()
    keys = [(k.group(1) or "ASC").upper() == "DESC" for k in _ORDER_KEY.finditer(clause)]
    names = [k.group(2) or k.group(3) for k in _ORDER_KEY.finditer(clause)]
    if not names or _ORDER_KEY.sub("", clause).strip():
        return rows  # an expression: not ours to evaluate
    out = list(rows)
    for name, desc in reversed(list(zip(names, keys, strict=True))):
        out.sort(key=lambda r, n=name: _order_key(r.get(n)), reverse=desc)
    return out


def _order_key(t: dict[str, Any] | None) -> tuple:
    """SPARQL's ORDER BY: unbound, blank nodes, IRIs, then literals (numbers by value)."""
    if t is None:
        return (0,)
    if t["type"] == "bnode":
        return (1, t["value"])
    if t["type"] == "uri":
        return (2, t["value"])
    dt = t.get("datatype")
    if dt in _NUMERIC:
        try:
            return (3, 0, float(t["value"]), "")
        except ValueError:
            pass
    return (3, 1 if dt is None or "xml:lang" in t else 2, 0.0, dt or "", t["value"])


def _norm_term(term: dict[str, Any], *, aggregate: bool = False) -> dict[str, Any]:
    """A term as the embedded store gives it, whatever the server: Virtuoso's older
    ``typed-literal`` is a literal with a datatype; ``xsd:string`` is a plain literal (RDF
    1.1); a boolean in its canonical form (Virtuoso answers 0 and 1 once a boolean went
    through GROUP BY); and the MIN or MAX (``aggregate``) of integers an ``xsd:integer``."""
    t = dict(term)
    if t.get("type") == "typed-literal":
        t["type"] = "literal"
    dt = t.get("datatype") if t.get("type") == "literal" else None
    if dt == _XSD_STRING:
        del t["datatype"]
    elif dt == _XSD + "boolean":
        t["value"] = _BOOLEANS.get(t["value"], t["value"])
    elif aggregate and dt in XSD_INTEGERS:  # the embedded store's MIN and MAX give xsd:integer
        t["datatype"] = _XSD + "integer"
    # the keys in the order the embedded store writes them, so JSON output is the same text
    order = ("type", "value", "xml:lang", "datatype")
    return {k: t[k] for k in order if k in t} | {k: v for k, v in t.items() if k not in order}


def _ox_term(t: dict[str, Any]):
    import pyoxigraph as ox

    kind = t["type"]
    if kind == "uri":
        return ox.NamedNode(t["value"])
    if kind == "bnode":
        return ox.BlankNode(t["value"])
    if "xml:lang" in t:
        return ox.Literal(t["value"], language=t["xml:lang"])
    if "datatype" in t:
        return ox.Literal(t["value"], datatype=ox.NamedNode(t["datatype"]))
    return ox.Literal(t["value"])


def _inserts(graph: str, ntriples: str) -> list[str]:
    lines = [ln for ln in ntriples.splitlines() if ln.strip()]
    return [
        f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(lines[i : i + _INSERT_CHUNK]) + "\n} }"
        for i in range(0, len(lines), _INSERT_CHUNK)
    ]


def _with_prefixes(sparql: str) -> str:
    """The query with newskg's prefixes declared, as the embedded store predeclares them
    (those the text declares itself are left to it)."""
    declared = {m.group(1) or "" for m in _PREFIX_DECL.finditer(_MASK.sub(" ", sparql))}
    head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in declared)
    return head + sparql


def _form(sparql: str) -> str:
    masked = _MASK.sub(" ", sparql).upper()
    found = [(masked.find(f), f) for f in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")]
    found = [(i, f) for i, f in found if i >= 0 and re.search(rf"\b{f}\b", masked)]
    return min(found)[1] if found else "SELECT"


def _term_text(term: Any) -> str:
    """An rdflib term in SPARQL syntax, escaped, so a value can never change the query."""
    if isinstance(term, URIRef):
        iri = str(term)
        if re.search(r'[<>"{}|^`\\\s]', iri):
            raise QueryError(f"not a valid IRI: {iri!r}")
        return f"<{iri}>"
    if isinstance(term, BNode):
        raise QueryError("blank nodes cannot be bound in a query")
    lit = term if isinstance(term, Literal) else Literal(str(term))
    text = str(lit)
    for a, b in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
        text = text.replace(a, b)
    if lit.language:
        return f'"{text}"@{lit.language}'
    if lit.datatype and str(lit.datatype) != _XSD_STRING:
        return f'"{text}"^^<{lit.datatype}>'
    return f'"{text}"'


def _check_bindings(sparql: str, bindings: dict[str, Any]) -> None:
    """BindingError as the embedded store gives it: a bad variable name, a bad IRI, or a
    variable the query's SELECT (or DESCRIBE) list does not name."""
    from kg.query_shape import inspect

    for name, term in bindings.items():
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise BindingError(name, "not a variable name")
        try:
            _term_text(term)
        except QueryError as exc:
            raise BindingError(name, str(exc)) from None
    try:
        projected = inspect(sparql).projected
    except QueryError:
        return  # not ours to judge: the server reports what is wrong with the text
    for name in bindings:
        if projected is not None and name not in projected:
            raise BindingError(name, "the query does not select it")


def _bind(sparql: str, bindings: dict[str, Any]) -> str:
    """Bindings as a VALUES block opening the query's WHERE group: the variables are
    bound before the pattern is matched, as the embedded store's substitution does."""
    if not bindings:
        return sparql
    names = list(bindings)
    for n in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n):
            raise QueryError(f"bad parameter name {n!r}")
    values = (
        "VALUES ("
        + " ".join(f"?{n}" for n in names)
        + ") { ("
        + " ".join(_term_text(bindings[n]) for n in names)
        + ") } "
    )
    masked = _MASK.sub(lambda m: " " * len(m.group(0)), sparql)
    start = 0
    if _form(sparql) == "CONSTRUCT":
        where = re.search(r"\bWHERE\b", masked, re.IGNORECASE)
        if where:
            start = where.end()
    brace = masked.find("{", start)
    if brace < 0:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    return sparql[: brace + 1] + " " + values + sparql[brace + 1 :]


__all__ = ["Endpoints", "SparqlStore", "default_cache_dir", "is_url"]
