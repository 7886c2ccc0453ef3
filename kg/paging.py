"""One page of a canned listing, found article by article instead of the whole answer.

Six canned listings (statements, quotes-by, denials, ...) are ordered by article first
(``ORDER BY ?article_title ?source_file ?article ...``), so the rows of one article come
together, and articles in a known order. A page can then be found without the whole answer:
list the articles that may have rows, order them in Python, and ask for the rows of the
first few articles only (``VALUES ?article``), then of the next few, until the page is
full. On PolNeAR train the first page of ``statements`` is a few tens of rows out of
14,221; finding and ordering all of them first (as Oxigraph must for LIMIT) took seconds,
almost all of it store reads for rows that are then thrown away.

A canned query opts in with two header lines:

    # page-articles: <a group graph pattern that binds ?article for every article with rows>
    # page-rows: <file in ontology/queries/pages/, optional>

The articles pattern may find more articles than have rows (say, every article); those add
nothing but time. The rows query is the canned query itself, or, where that query is written
for whole-store reading (each pattern in its own subquery, which a VALUES outside cannot
narrow), the named file: the same rows, written as lookups. Either way a VALUES goes in at
the top of its WHERE clause: of the page's statements where the articles pattern binds
?statement, else of its articles. Tests compare every page with the slice of the whole
answer, on every listing that opts in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kg.store.base import Rows, Store

#: the ORDER BY that makes rows of one article contiguous and articles ordered by these keys
ARTICLE_ORDER = ("article_title", "source_file", "article")
_HEAD = "PREFIX kg: <https://w3id.org/newskg/ns#>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n"
#: every article's keys, each pattern read whole and joined by hash (on PolNeAR train 20
#: ms, against 38 ms looked up article by article)
_ALL_KEYS = (
    f"{_HEAD}SELECT ?article ?article_title ?source_file WHERE {{\n"
    "  { SELECT ?article ?source_file WHERE { ?article kg:sourceFile ?source_file } }\n"
    "  OPTIONAL { SELECT ?article ?article_title\n"
    "             WHERE { ?article dcterms:title ?article_title } } }"
)
#: some articles' keys, looked up
_SOME_KEYS = (
    f"{_HEAD}SELECT ?article ?article_title ?source_file WHERE {{\n"
    "  VALUES ?article { %s }\n  ?article kg:sourceFile ?source_file .\n"
    "  OPTIONAL { ?article dcterms:title ?article_title } }"
)
#: up to how many articles have their keys looked up rather than read with every other's
LOOKUP_KEYS = 200
#: articles asked about in the first rows query, when how many rows each has is not known
FIRST_BATCH = 4
MAX_BATCH = 512
_WHERE = re.compile(r"^WHERE\s*\{", re.M)


@dataclass(frozen=True)
class ArticlePager:
    """How to find a page of one canned listing by its articles."""

    #: SPARQL: ?article, ?article_title and ?source_file of each article that may have
    #: rows, and ?statement for each statement that may be a row, where it selects it
    articles: str
    #: SPARQL: the listing's rows, with its ORDER BY; a VALUES is put into its WHERE
    rows: str

    def page(
        self,
        store: Store,
        bindings: dict[str, Any],
        limit: int,
        offset: int,
        *,
        timeout: float | None = None,
    ) -> Rows | None:
        """Rows ``offset`` to ``offset + limit`` of the listing, or None where this way
        cannot be exact (an article key Python does not order as SPARQL does, or rows that
        :meth:`kg.sparql.OrderPlan.order` declines to order): the caller then reads the
        whole answer.

        Where the articles query names the statements, a page asks for exactly the
        statements of its articles (``VALUES ?statement``): lookups, row by row. Otherwise
        (every statement of the store) it asks for its articles' statements
        (``VALUES ?article``), as many articles as the rows per article so far suggest."""
        from kg.sparql import _IRI, _column_key, _Unorderable, order_plan

        plan = order_plan(self.rows)
        found = store.query(self.articles, _only(bindings, self.articles), timeout=timeout)
        if plan is None or not isinstance(found, Rows):
            return None
        statements: dict[str, list[str]] = {}
        articles: dict[str, dict[str, Any]] = {}
        for b in found.bindings:
            iri = b["article"]["value"]
            articles.setdefault(iri, b)
            if "statement" in b:
                statements.setdefault(iri, []).append(b["statement"]["value"])
        by_statement = "statement" in found.variables
        if by_statement:
            if not all(_IRI.fullmatch(i) for i in articles):
                return None
            keys = _keys(store, list(articles), timeout)
            if keys is None:
                return None
            articles = keys
        try:
            columns = [_column_key(list(articles.values()), v) for v in ARTICLE_ORDER]
        except _Unorderable:
            return None
        order = sorted(zip(zip(*columns, strict=True), articles, strict=True))
        iris = [iri for _, iri in order]
        named = iris + [s for ss in statements.values() for s in ss]
        if not all(_IRI.fullmatch(i) for i in named):
            return None
        want = offset + limit
        rows: list[dict[str, Any]] = []
        variables: list[str] | None = None
        done = 0  # articles asked about so far
        while done < len(iris) and len(rows) < want:
            if by_statement:  # enough articles for the rows still wanted, if each is one
                chunk: list[str] = []
                missing = want - len(rows)
                while done < len(iris) and missing > 0:
                    chunk += statements[iris[done]]
                    missing -= len(statements[iris[done]])
                    done += 1
                text = with_values(plan.text, "statement", chunk)
            else:  # as many articles as the rows per article so far suggest
                per_article = len(rows) / done if rows else 0
                n = FIRST_BATCH if not per_article else int((want - len(rows)) / per_article) + 1
                chunk = iris[done : done + min(n, MAX_BATCH)]
                done += len(chunk)
                text = with_values(plan.text, "article", chunk)
            result = store.query(text, _only(bindings, text), timeout=timeout)
            ordered = plan.order(result) if isinstance(result, Rows) else None
            if ordered is None:
                return None
            variables = ordered.variables
            rows.extend(ordered.bindings)
        if variables is None:  # no article has rows: ask about none, for the columns
            text = with_values(plan.text, "article", [])
            result = store.query(text, _only(bindings, text), timeout=timeout)
            if not isinstance(result, Rows):
                return None
            variables = [v for v in result.variables if v not in plan.extra]
        return Rows(variables, rows[offset:want])


def _keys(store: Store, iris: list[str], timeout: float | None) -> dict[str, dict[str, Any]] | None:
    """The title and file of each of the articles ``iris``: looked up for a few, read with
    every article's for many."""
    few = len(iris) <= LOOKUP_KEYS
    text = _SOME_KEYS % " ".join(f"<{i}>" for i in iris) if few else _ALL_KEYS
    found = store.query(text, timeout=timeout)
    if not isinstance(found, Rows):
        return None
    wanted = set(iris)
    keys = {b["article"]["value"]: b for b in found.bindings if b["article"]["value"] in wanted}
    return keys if len(keys) == len(wanted) else None


def with_values(text: str, var: str, iris: list[str]) -> str:
    """``text`` asking only about these statements (``var`` "statement") or the
    statements of these articles ("article"); ``iris`` are checked absolute IRIs. For
    articles, the pattern that finds an article's statements goes first, so Oxigraph
    starts from the articles given."""
    m = _WHERE.search(text)
    if m is None:
        raise ValueError("the rows query has no line-initial WHERE {")
    first = f"\n  VALUES ?{var} {{ {' '.join(f'<{i}>' for i in iris)} }}"
    if var == "article":
        first += "\n  ?statement kg:inArticle ?article ."
    return f"{text[: m.end()]}{first}{text[m.end() :]}"


def _only(bindings: dict[str, Any], text: str) -> dict[str, Any]:
    """The bindings for variables ``text`` has (pyoxigraph refuses the others)."""
    return {k: v for k, v in bindings.items() if re.search(rf"\?{re.escape(k)}\b", text)}


def articles_query(pattern: str, params: dict[str, str]) -> str:
    """The query that lists, for :class:`ArticlePager`, each article ``pattern`` binds
    ?article to: with its statements where ``pattern`` binds ?statement (their keys are
    then asked for apart, see :meth:`ArticlePager.page`), else with its keys. The
    parameters are selected: pyoxigraph binds only selected variables."""
    selected = " ".join(f"?{p}" for p in params)
    if re.search(r"\?statement\b", pattern):
        return f"{_HEAD}SELECT DISTINCT ?article ?statement {selected}\nWHERE {{ {pattern} }}"
    return (
        f"{_HEAD}SELECT ?article ?article_title ?source_file {selected} WHERE {{\n"
        f"  {{ SELECT DISTINCT ?article {selected} WHERE {{ {pattern} }} }}\n"
        + _ALL_KEYS[_ALL_KEYS.index("  { SELECT ?article ?source_file") :]
    )
