"""Running SPARQL for users (the module behind `kg query` and :func:`kg.query`): the
read-only guard, canned queries, safe parameters and result formatting. Everything goes
through the store interface."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef

from kg.query_shape import QueryShape, inspect
from kg.rdf.vocab import PREFIXES
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

    def prepare(self, values: dict[str, str]) -> dict[str, str]:
        """The parameter values as the query matches them."""
        from kg.rdf.iris import name_key

        return {k: name_key(v) if k in self.normalise else v for k, v in values.items()}


def canned_queries() -> dict[str, CannedQuery]:
    """The queries shipped in ontology/queries, by name (the file stem)."""
    out = {}
    for path in sorted((ontology_dir() / "queries").glob("*.rq")):
        out[path.stem] = parse_canned(path.stem, path.read_text(encoding="utf-8"))
    return out


def parse_canned(name: str, text: str) -> CannedQuery:
    q = CannedQuery(name=name, title=name, description="", text=text)
    for line in text.splitlines():
        m = re.match(r"#\s*(title|description|param|normalise):\s*(.*)$", line.strip())
        if not m:
            continue
        key, value = m.groups()
        if key == "normalise":
            q.normalise |= {v.strip() for v in value.split(",") if v.strip()}
        elif key == "param":
            pname, _, desc = value.partition("  ")
            q.params[pname.strip()] = desc.strip()
        else:
            setattr(q, key, value.strip())
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
