"""Running SPARQL for users (the module behind `kg query` and :func:`kg.query`): the
read-only guard, canned queries, safe parameters and result formatting. Everything goes
through the store interface."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef

from kg.paging import ArticlePager, EntityPager, GroupPager, articles_query, statements_query
from kg.query_shape import QueryShape, inspect
from kg.rdf.vocab import PREFIXES, XSD_FLOATS, XSD_INTEGERS
from kg.store.base import BindingError, QueryError, QueryResult, Rows, Store, Triples
from kg.terminal import escape

#: Where the shipped ontology lives: inside the package in a wheel, beside it in a checkout.
_ONTOLOGY_DIRS = (Path(__file__).parent / "ontology", Path(__file__).parent.parent / "ontology")

#: A parameter value written <...> is an IRI: an absolute one (a scheme, then characters
#: that IRIs allow), as the store will only accept those.
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def ontology_dir() -> Path:
    for d in _ONTOLOGY_DIRS:
        if (d / "kg.ttl").exists():
            return d
    raise FileNotFoundError("the newskg ontology files are missing from this installation")


@dataclass
class CannedQuery:
    name: str
    title: str
    description: str
    params: dict[str, str] = field(default_factory=dict)
    text: str = ""
    #: parameters looked up by ``kg:nameKey``: their values are normalised the same way
    normalise: set[str] = field(default_factory=set)
    #: how to find one page without the whole answer (listings ordered by article first,
    #: or by groups such as claims)
    pager: ArticlePager | GroupPager | EntityPager | None = None

    def prepare(self, values: dict[str, str]) -> dict[str, str]:
        """The parameter values as the query matches them."""
        from kg.rdf.iris import name_key

        return {k: name_key(v) if k in self.normalise else v for k, v in values.items()}

    def run(
        self,
        store: Store,
        values: dict[str, str],
        *,
        limit: int | None = None,
        offset: int = 0,
        timeout: float | None = None,
    ) -> QueryResult:
        """Run the query with ``values`` (as prepare() gives them) on ``store``: the rows
        its text gives, in its order, from ``offset`` on and at most ``limit`` of them.

        On a store that sorts slowly (:attr:`Store.slow_order_by`), the ORDER BY is done here
        (see :func:`order_plan`): the same rows in the same order, without Oxigraph reading
        each compared string from disk at every comparison (on PolNeAR train, ordering the
        14,221 statements cost 1.7 s of their 2.6 s). Paging is a slice of the ordered answer:
        every row has to be found and ordered before the first page is known.
        """
        # checked and bound once, on the shipped text: the plan's text only drops its ORDER
        # BY and selects more, so the same bindings fit it (and it is not parsed again)
        bindings = bind_params(values, check_read_only(self.text))
        if limit is not None and self.pager is not None and store.slow_order_by:
            paged = self.pager.page(store, bindings, limit, offset, timeout=timeout)
            if paged is not None:
                return paged
        plan = order_plan(self.text) if store.slow_order_by else None
        result: QueryResult | None = None
        if plan is not None:
            unordered = store.query(plan.text, bindings, timeout=timeout)
            if isinstance(unordered, Rows):
                result = plan.order(unordered)
        if result is None:  # no plan, or terms Python cannot order as SPARQL does
            result = store.query(self.text, bindings, timeout=timeout)
        return page(result, limit, offset)


def canned_queries() -> dict[str, CannedQuery]:
    """The queries shipped in ontology/queries, by name (the file stem)."""
    out = {}
    for path in sorted((ontology_dir() / "queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        out[path.stem] = parse_canned(path.stem, text, path.parent / "pages")
    return out


def parse_canned(name: str, text: str, pages: Path | None = None) -> CannedQuery:
    """A canned query from its text: the header comments give its title, description,
    parameters, which of them are normalised, and how to page it (:mod:`kg.paging`); the
    rows query a ``page-rows`` line names is read from ``pages``."""
    q = CannedQuery(name=name, title=name, description="", text=text)
    page_articles = page_rows = page_groups = page_entities = None
    for line in text.splitlines():
        m = re.match(
            r"#\s*(title|description|param|normalise|page-articles|page-rows|page-groups|"
            r"page-entities):"
            r"\s*(.*)$",
            line.strip(),
        )
        if not m:
            continue
        key, value = m.groups()
        if key == "page-articles":
            page_articles = value.strip()
        elif key == "page-rows":
            page_rows = value.strip()
        elif key == "page-groups":
            page_groups = value.strip()
        elif key == "page-entities":
            page_entities = value.strip()
        elif key == "normalise":
            q.normalise |= {v.strip() for v in value.split(",") if v.strip()}
        elif key == "param":
            pname, _, desc = value.partition("  ")
            q.params[pname.strip()] = desc.strip()
        else:
            setattr(q, key, value.strip())
    if page_groups:
        var, _, file = page_groups.partition(" ")
        if pages is None or not (pages / file.strip()).is_file():
            raise FileNotFoundError(f"canned query {name}: no page query {file.strip()}")
        groups = (pages / file.strip()).read_text(encoding="utf-8")
        rows = text
        if page_rows:  # the rows written to take the groups' columns from the pager
            if not (pages / page_rows).is_file():
                raise FileNotFoundError(f"canned query {name}: no page query {page_rows}")
            rows = (pages / page_rows).read_text(encoding="utf-8")
        q.pager = GroupPager(var.lstrip("?"), groups, rows, carry=bool(page_rows))
    if page_entities:
        if pages is None or not (pages / page_entities).is_file():
            raise FileNotFoundError(f"canned query {name}: no page query {page_entities}")
        q.pager = EntityPager((pages / page_entities).read_text(encoding="utf-8"))
    if page_articles:
        rows = text
        if page_rows:
            if pages is None or not (pages / page_rows).is_file():
                raise FileNotFoundError(f"canned query {name}: no page query {page_rows}")
            rows = (pages / page_rows).read_text(encoding="utf-8")
        q.pager = ArticlePager(
            articles_query(page_articles, q.params),
            rows,
            statements_query(page_articles, q.params),
        )
    return q


def check_read_only(sparql: str, *, allow_service: bool = False) -> QueryShape:
    """Refuse anything that would write or reach the network; return the query's shape.

    Judged on the parsed query (:mod:`kg.query_shape`): every update form is refused, and SERVICE
    anywhere (a subquery, OPTIONAL, UNION, MINUS, FILTER EXISTS) unless ``allow_service``;
    variables, prefixes and strings that spell those words are just that.
    """
    shape = inspect(sparql)
    if shape.service and not allow_service:
        raise QueryError(
            "refused: SERVICE would send a query to another server; pass --allow-service "
            "if you mean it"
        )
    return shape


def bind_params(params: dict[str, str], shape: QueryShape | None = None) -> dict[str, Any]:
    """Parameter values become RDF terms (an IRI for <...> values, else a string literal),
    substituted by the store, never pasted into the query text.

    Raises BindingError, naming the parameter, for a name that is no SPARQL variable name,
    a <...> value that is not an absolute IRI, and (given the query's ``shape``) a variable
    the query does not have or does not select: binding it would do nothing, or fail in
    the store with a message about its internals.
    """
    out: dict[str, Any] = {}
    for key, value in params.items():
        if not key:
            raise BindingError(key, "empty parameter name (write NAME=VALUE)")
        if not _NAME.fullmatch(key):
            raise BindingError(key, "not a variable name (letters, digits and _)")
        if shape is not None and key not in shape.variables:
            raise BindingError(key, f"the query has no variable ?{key}")
        if shape is not None and shape.projected is not None and key not in shape.projected:
            raise BindingError(
                key,
                f"the query does not select ?{key}; add ?{key} to its {shape.form} clause "
                "(only selected variables can be bound)",
            )
        if value.startswith("<") and value.endswith(">"):
            if not _IRI.fullmatch(value[1:-1]):
                raise BindingError(
                    key, f"{value} is not an absolute IRI (like <https://example.org/x>)"
                )
            out[key] = URIRef(value[1:-1])
        else:
            out[key] = Literal(value)
    return out


def run(
    store: Store,
    sparql: str,
    params: dict[str, str] | None = None,
    *,
    allow_service: bool = False,
    timeout: float | None = None,
) -> QueryResult:
    """Check and run a user's query; ``timeout`` as for :meth:`Store.query` (seconds,
    ``math.inf`` for no limit but still stoppable by Ctrl-C)."""
    shape = check_read_only(sparql, allow_service=allow_service)
    return store.query(sparql, bind_params(params or {}, shape), timeout=timeout)


def page(result: QueryResult, limit: int | None = None, offset: int = 0) -> QueryResult:
    """Rows ``offset`` to ``offset + limit`` of a SELECT result (every row from ``offset``
    when ``limit`` is None); other results are returned as they are."""
    if not isinstance(result, Rows) or (limit is None and not offset):
        return result
    end = None if limit is None else offset + limit
    return Rows(result.variables, result.bindings[offset:end])


# --- ordering in Python ---------------------------------------------------------------------

#: The final ORDER BY clause of a canned query: plain variables, each maybe ASC(...)/DESC(...).
_ORDER_CLAUSE = re.compile(r"^ORDER BY((?:\s+(?:\?\w+|(?:ASC|DESC)\(\s*\?\w+\s*\)))+)\s*\Z", re.M)
_ORDER_KEY = re.compile(r"(ASC|DESC)?\(?\s*\?(\w+)")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Unorderable(Exception):
    """A term whose SPARQL order Python does not reproduce exactly (see :func:`_term_key`)."""


@dataclass(frozen=True)
class OrderPlan:
    """A query's text without its ORDER BY (selecting the sort keys it did not select),
    and the ordering, done in Python, that gives its rows back in the query's order."""

    text: str
    keys: tuple[tuple[str, bool], ...]  # (variable, descending)
    extra: tuple[str, ...]  # sort keys selected only to sort by
    #: the query is a SELECT DISTINCT whose keys are all its columns: ``text`` is a plain
    #: SELECT, and equal rows (adjacent once ordered) are dropped here
    distinct: bool = False

    def order(self, rows: Rows) -> Rows | None:
        """The rows in the query's order, without the extra keys; None (the caller then
        lets the store sort) when a key holds terms that Python cannot order as SPARQL does,
        or when the keys tie between two different rows: the store orders those its own
        way, which Python cannot know. Stable sorts from the last key to the first give the
        lexicographic order, each key ascending or descending."""
        try:
            columns = [_column_key(rows.bindings, v) for v, _ in self.keys]
        except _Unorderable:
            return None
        index = list(range(len(rows.bindings)))
        for column, (_, descending) in zip(reversed(columns), reversed(self.keys), strict=True):
            index.sort(key=column.__getitem__, reverse=descending)
        bindings = rows.bindings
        keys = list(zip(*columns, strict=True))
        for i, j in zip(index, index[1:], strict=False):
            if keys[i] == keys[j] and bindings[i] != bindings[j]:
                return None
        if self.distinct:
            index = [i for n, i in enumerate(index) if n == 0 or keys[i] != keys[index[n - 1]]]
        ordered = Rows(rows.variables, [bindings[i] for i in index])
        return ordered.without(set(self.extra)) if self.extra else ordered


@lru_cache(maxsize=64)
def order_plan(text: str) -> OrderPlan | None:
    """How to order ``text``'s rows in Python, or None where that would not be exact.

    Only a SELECT whose last clause is ``ORDER BY`` over plain variables qualifies (no
    LIMIT or OFFSET after it, which would cut before ordering). A SELECT DISTINCT
    qualifies only where its keys are all its columns (denied-findings): the rows are then
    found without DISTINCT and the equal ones dropped once ordered, which on the synthetic
    store takes a third of the time the store's DISTINCT does, and a seventh of its
    DISTINCT and ORDER BY; ordered by some of its columns only, its rows would tie often,
    and a tie sends the query back to the store after its whole answer was read (see
    :meth:`OrderPlan.order`). Keys it does not select are added to
    its SELECT clause (the first line-initial ``WHERE`` ends it) and dropped after
    ordering; with GROUP BY, they must be grouped by. The rows come out exactly as the
    store gives them where the keys order every row (the canned listings end with the
    statement or the entity); where they tie, :meth:`OrderPlan.order` declines. The tests
    compare both ways on every canned query.
    """
    m = _ORDER_CLAUSE.search(text)
    select = re.search(r"^SELECT\b(.*?)^WHERE\b", text, re.M | re.S)
    if not m or not select or re.search(r"^\s*(LIMIT|OFFSET)\b", text[m.end() :], re.M):
        return None
    keys = tuple((v, d == "DESC") for d, v in _ORDER_KEY.findall(m.group(1)))
    projected = inspect(text).projected  # parsed once, for the read-only check too
    if projected is None or re.match(r"\s*REDUCED\b", select.group(1)):
        return None  # SELECT * (nothing to add keys to), or REDUCED
    distinct = re.match(r"\s*DISTINCT\b", select.group(1)) is not None
    if distinct and set(projected) != {v for v, _ in keys}:
        return None  # DISTINCT ordered by some of its columns (see above)
    extra = tuple(dict.fromkeys(v for v, _ in keys if v not in projected))
    if extra:
        group = re.search(r"^GROUP BY\b(.*)$", text, re.M)
        if group and not set(extra) <= set(re.findall(r"\?(\w+)", group.group(1))):
            return None
    body = text[: m.start()].rstrip() + "\n"
    if extra:
        at = select.end() - len("WHERE")
        body = body[:at].rstrip() + " " + " ".join(f"?{v}" for v in extra) + "\n" + body[at:]
    if distinct:
        body = body[: select.start(1)] + re.sub(
            r"^\s*DISTINCT\b", "", body[select.start(1) :], count=1
        )
    return OrderPlan(body, keys, extra, distinct)


def _column_key(bindings: list[dict[str, dict[str, Any]]], var: str) -> list[tuple[Any, ...]]:
    """Each row's sort key for ``var``. One kind of term per column (unbound aside): SPARQL
    orders unbound first, then IRIs; across kinds of literals its order is the store's own
    business, so such a column is _Unorderable."""
    keys = []
    kinds = set()
    for b in bindings:
        key = _term_key(b.get(var))
        keys.append(key)
        kinds.add(key[0])
    if len(kinds - {0}) > 1:
        raise _Unorderable(var)
    return keys


def _term_key(term: dict[str, Any] | None) -> tuple[Any, ...]:
    """A term's place in SPARQL's ORDER BY, for the terms whose order Python reproduces
    exactly: unbound; IRIs and simple strings (by code point, as Oxigraph compares them);
    numbers (by value); booleans; dates written YYYY-MM-DD. Anything else (blank nodes,
    language tags, other datatypes, NaN) is _Unorderable."""
    if term is None:
        return (0, 0)
    kind = term.get("type")
    value = term.get("value", "")
    if kind == "uri":
        return (1, value)
    if kind not in ("literal", "typed-literal") or "xml:lang" in term:
        raise _Unorderable(kind)
    datatype = term.get("datatype")
    if datatype is None or datatype == f"{_XSD}string":
        return (2, value)
    if datatype in XSD_INTEGERS or datatype in XSD_FLOATS:
        try:
            number = int(value) if datatype in XSD_INTEGERS else float(value)
        except ValueError:
            raise _Unorderable(value) from None
        if number != number:  # NaN
            raise _Unorderable(value)
        return (3, number)
    if datatype == f"{_XSD}boolean" and value in ("true", "false"):
        return (4, value == "true")
    if datatype == f"{_XSD}date" and _DATE.fullmatch(value):
        return (5, value)
    raise _Unorderable(datatype)


# --- formatting ---------------------------------------------------------------------------

FORMATS = ("table", "csv", "tsv", "json")


def format_result(result: QueryResult, fmt: str) -> str:
    """The result as the text `kg query` prints. Controls and bidi overrides in the values are
    shown as escapes (see :mod:`kg.terminal`), in a way each format reads back: JSON and
    Turtle keep their meaning, tables and CSV show ``\\x1b`` where an ESC was."""
    if isinstance(result, bool):
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result})
        return "true" if result else "false"
    if isinstance(result, Triples):
        return escape(triples_to_turtle(result), syntax=True)
    if fmt == "json":
        return escape(json.dumps(result.to_json(), ensure_ascii=False, indent=2), syntax=True)
    if fmt in ("csv", "tsv"):
        return _delimited(result, "," if fmt == "csv" else "\t")
    return _table(result)


def triples_to_turtle(result: Triples) -> str:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    g.parse(data=result.ntriples, format="nt")
    return g.serialize(format="turtle")


def compact(value: str | None) -> str:
    if value is None:
        return ""
    for prefix, ns in PREFIXES.items():
        if value.startswith(ns) and re.fullmatch(r"[A-Za-z_][\w-]*", value[len(ns) :]):
            return f"{prefix}:{value[len(ns) :]}"
    return value


def _delimited(rows: Rows, sep: str) -> str:
    buf = io.StringIO()
    if sep == "\t":
        buf.write("\t".join(rows.variables) + "\n")
        for row in rows.values():
            cells = [escape((v or "").replace("\t", " ").replace("\n", " ")) for v in row.values()]
            buf.write("\t".join(cells) + "\n")
        return buf.getvalue().rstrip("\n")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(rows.variables)
    for row in rows.values():
        writer.writerow([escape(v or "") for v in row.values()])
    return buf.getvalue().rstrip("\n")


def _table(rows: Rows) -> str:
    header = rows.variables
    body = [[escape(compact(v).replace("\n", " ")) for v in row.values()] for row in rows.values()]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    widths = [min(w, 80) for w in widths]

    def fmt(cells: list[str]) -> str:
        out = []
        for c, w in zip(cells, widths, strict=True):
            c = c if len(c) <= w else c[: w - 1] + "…"
            out.append(c.ljust(w))
        return "  ".join(out).rstrip()

    lines = [fmt(header), "  ".join("-" * w for w in widths)]
    lines += [fmt(r) for r in body]
    lines.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    return "\n".join(lines)
