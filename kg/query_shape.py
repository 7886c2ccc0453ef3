"""What a SPARQL text asks for, read from its parse rather than from its words.

`kg query` must refuse updates and (unless allowed) SERVICE, and must know whether a query
names its own dataset (FROM / FROM NAMED). Looking for words gets both wrong: ``?service``
is a variable, ``PREFIX with: <...>`` a prefix and ``"DROP"`` a string. So the query is
parsed with rdflib's SPARQL parser (syntax only; nothing is evaluated) and the parse tree is
inspected. Oxigraph accepts a little more than rdflib parses (RDF-star triple terms, for
one); such a text is judged from its tokens instead, with strings, IRIs and comments masked,
erring on the side of refusing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.store.base import QueryError

FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")

#: rdflib's name for each update operation, as the user wrote it.
_UPDATE_NAMES = {
    "InsertData": "INSERT DATA",
    "DeleteData": "DELETE DATA",
    "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT",
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
}
_UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY")
_UPDATE_WORDS += ("WITH",)

# strings, IRIs and comments: what a keyword can hide inside without being one
_MASK = re.compile(
    r'"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*"
)
# a bare word: not a variable (?x, $x), not part of a prefixed name, blank node or language tag
_KEYWORD = re.compile(r"(?<![?$\w:.@-])([A-Za-z]+)\b(?![\w:-])")


@dataclass(frozen=True)
class QueryShape:
    """What a query is: its form, whether it names a dataset or calls SERVICE, and the
    variables a binding may substitute."""

    form: str
    dataset: bool
    service: bool
    #: every variable the query mentions
    variables: frozenset[str]
    #: the variables a substitution can bind (a SELECT or DESCRIBE list); None: any of them
    projected: frozenset[str] | None


@lru_cache(maxsize=512)
def inspect(sparql: str) -> QueryShape:
    """The shape of a read-only query; QueryError for an update or a text that is no query.

    A text rdflib cannot parse is judged by its tokens (see the module docstring); the
    store then reports its syntax errors, if any. Remembered by text: rdflib's parser takes
    30-100 ms, more than most canned queries take to answer, and a notebook or a server
    asks the same few queries again and again (a refused text is parsed again each time).
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(sparql)
    except ParseException:
        pass
    else:
        return _shape(tree[1])
    try:
        update = parseUpdate(sparql)
    except ParseException:
        return _shape_from_tokens(sparql)
    operations = [op.name for op in _part(update, "request") or []]
    if not operations:
        raise QueryError("not a query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    raise _refuse_update(_UPDATE_NAMES.get(operations[0], operations[0].upper()))


def names_dataset(sparql: str) -> bool:
    """True when the query has a FROM or FROM NAMED clause. FROM is a keyword nowhere else
    in a query, so the tokens decide, without the cost of a parse."""
    return "FROM" in _keywords(sparql)


def _refuse_update(name: str) -> QueryError:
    return QueryError(
        f"refused: {name} is a SPARQL update; `kg query` only reads the store "
        "(use `kg build` to change it)"
    )


def _shape(query: Any) -> QueryShape:
    form = {
        "SelectQuery": "SELECT",
        "AskQuery": "ASK",
        "ConstructQuery": "CONSTRUCT",
        "DescribeQuery": "DESCRIBE",
    }[query.name]
    projected: frozenset[str] | None = None
    if form == "SELECT" and _part(query, "projection"):
        projected = frozenset(
            str(_part(item, "var") or _part(item, "evar")) for item in query["projection"]
        )
    elif form == "DESCRIBE" and _part(query, "var"):
        projected = frozenset(str(v) for v in query["var"] if _is_variable(v))
    nodes = list(_walk(query))
    return QueryShape(
        form=form,
        dataset=bool(_part(query, "datasetClause")),
        service=any(getattr(n, "name", None) == "ServiceGraphPattern" for n in nodes),
        variables=frozenset(str(n) for n in nodes if _is_variable(n)),
        projected=projected,
    )


def _part(node: Any, key: str) -> Any:
    """A child of a parse-tree node, or None. Not ``node.get``: rdflib's CompValue.get takes
    no default (its second argument means something else) and answers the key itself."""
    return node[key] if key in node else None  # noqa: SIM401


def _walk(node: Any) -> Iterator[Any]:
    """Every node of an rdflib parse tree (CompValues are dicts, ParseResults lists)."""
    yield node
    if isinstance(node, dict):
        children = node.values()
    elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        children = node
    else:
        return
    for child in children:
        yield from _walk(child)


def _is_variable(node: Any) -> bool:
    from rdflib.term import Variable

    return isinstance(node, Variable)


def _keywords(sparql: str) -> list[str]:
    return [w.upper() for w in _KEYWORD.findall(_MASK.sub(" ", sparql))]


def _shape_from_tokens(sparql: str) -> QueryShape:
    words = _keywords(sparql)
    body = [w for w in words if w not in ("PREFIX", "BASE")]
    if body and body[0] in _UPDATE_WORDS:
        raise _refuse_update(body[0])
    form = next((w for w in body if w in FORMS), "")
    if not form:
        raise QueryError("not a query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    masked = _MASK.sub(" ", sparql)
    return QueryShape(
        form=form,
        dataset="FROM" in words,
        service="SERVICE" in words,
        variables=frozenset(re.findall(r"[?$]([A-Za-z_][\w]*)", masked)),
        projected=None,
    )
