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

Where the store states the order of its articles (``kg:articleOrder``, written by every
build in the entities graph, :func:`article_order`), the articles come from there, in one
read, and each statement's article from its IRI (``statement/<hash>-<n>`` is a statement of
``article/<hash>``): no article's keys are read (on the synthetic store of 4,049 articles
that listing and ordering took about 100 ms).

The entities listing, one row per entity ordered by its counts of statements and articles,
opts in with ``# page-entities: FILE``: the order of the entities is stated by every build
too (``kg:entityOrder``, :mod:`kg.entity_order`), so a page is a slice of it, and FILE
(in ``pages/``) gives the rows of the slice's entities only (:class:`EntityPager`).

A listing ordered by groups of rows (claims) opts in with ``# page-groups: ?var FILE``, a
query in ``pages/`` that lists the groups in the listing's order (:class:`GroupPager`), and
may name with ``# page-rows:`` a rows query that takes the groups' other columns (a claim's
count of articles) from the pager.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from kg.store.base import Rows, Store

#: the ORDER BY that makes rows of one article contiguous and articles ordered by these keys
ARTICLE_ORDER = ("article_title", "source_file", "article")
#: the subject, under the store's base, that states the listing order of all articles
ORDER_SUBJECT = "order/articles"
_KG = "https://w3id.org/newskg/ns#"
#: the stored order of the articles (:func:`article_order`), with its subject
_STORED_ORDER = f"SELECT ?subject ?order WHERE {{ ?subject <{_KG}articleOrder> ?order }}"
#: a statement's IRI: the base, the article's short hash, its number
_STATEMENT_IRI = re.compile(r"(.*)statement/([0-9a-f]{16})-[0-9]+")
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


def article_order(articles: Iterable[tuple[str | None, str, str]]) -> str:
    """The short hashes of ``articles`` ((title, source file, short hash) each), in the
    order the listings give articles (``ORDER BY ?article_title ?source_file ?article``),
    separated by spaces: what ``kg:articleOrder`` states. SPARQL orders an unbound title
    (an article without one) first, and strings and IRIs by code point, as Python does;
    the article IRIs share their base, so they order as their hashes."""
    keys = sorted((bool(title), title or "", file, short) for title, file, short in articles)
    return " ".join(k[3] for k in keys)


def order_ntriples(base: str, order: str) -> str:
    """The triple stating ``order`` (:func:`article_order`) in the entities graph."""
    return f'<{base}{ORDER_SUBJECT}> <{_KG}articleOrder> "{order}" .\n'


@dataclass(frozen=True)
class StoredOrder:
    """The articles in listing order, as the store states it (``kg:articleOrder``)."""

    base: str
    hashes: list[str]
    position: dict[str, int]

    def iri(self, short: str) -> str:
        return f"{self.base}article/{short}"


def stored_order(store: Store, timeout: float | None = None) -> StoredOrder | None:
    """The stored order of the articles, or None for a store without one (built by an
    older newskg, or holding no article) or whose statement is not as phase 2 writes it."""
    stated = _stated(store, _STORED_ORDER, ORDER_SUBJECT, timeout)
    if stated is None or not re.fullmatch(r"[0-9a-f]{16}( [0-9a-f]{16})*", stated[1]):
        return None
    hashes = stated[1].split(" ")
    return StoredOrder(stated[0], hashes, {h: i for i, h in enumerate(hashes)})


def _stated(
    store: Store, query: str, subject: str, timeout: float | None
) -> tuple[str, str] | None:
    """(the store's base, the text) of the one order ``query`` finds on ``subject`` under
    the base, as phase 2 states each (one triple); None where there is not exactly one."""
    found = store.query(query, timeout=timeout)
    if not isinstance(found, Rows) or len(found.bindings) != 1:
        return None
    iri = found.bindings[0]["subject"].get("value", "")
    text = found.bindings[0]["order"].get("value", "")
    if not iri.endswith(subject):
        return None
    return iri[: -len(subject)], text


@dataclass(frozen=True)
class ArticlePager:
    """How to find a page of one canned listing by its articles."""

    #: SPARQL: ?article, ?article_title and ?source_file of each article that may have
    #: rows, and ?statement for each statement that may be a row, where it selects it
    articles: str
    #: SPARQL: the listing's rows, with its ORDER BY; a VALUES is put into its WHERE
    rows: str
    #: SPARQL: ?statement of each statement that may be a row, without its article (read
    #: from its IRI where the store states the order of the articles); None where the
    #: articles query names no statements
    statements: str | None = None

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

        The articles come in order from the order the store states (``kg:articleOrder``,
        one read), or else are listed and ordered here by their keys. Where the articles
        query names the statements, a page asks for exactly the statements of its articles
        (``VALUES ?statement``): lookups, row by row. Otherwise (every statement of the
        store) it asks for its articles' statements (``VALUES ?article``), as many
        articles as the rows per article so far suggest."""
        from kg.sparql import _IRI, order_plan

        plan = order_plan(self.rows)
        if plan is None:
            return None
        order = stored_order(store, timeout)
        listed = self._from_order(store, bindings, order, timeout) if order else None
        if listed is None:
            listed = self._listed(store, bindings, timeout)
        if listed is None:
            return None
        iris, statements = listed
        by_statement = statements is not None
        named = iris + [s for ss in (statements or {}).values() for s in ss]
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
                    chunk += statements[iris[done]]  # type: ignore[index]
                    missing -= len(statements[iris[done]])  # type: ignore[index]
                    done += 1
                text = with_values(plan.text, "statement", chunk)
            else:  # as many articles as the rows per article so far suggest
                # (no rows yet: twice as many articles as so far)
                per_article = len(rows) / done if rows else 0
                n = int((want - len(rows)) / per_article) + 1 if rows else max(FIRST_BATCH, done)
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

    def _from_order(
        self,
        store: Store,
        bindings: dict[str, Any],
        order: StoredOrder,
        timeout: float | None,
    ) -> tuple[list[str], dict[str, list[str]] | None] | None:
        """The articles that may have rows, in order, and their statements (None: every
        statement of theirs), found with the stored order: None where it cannot tell (a
        statement IRI not of the form phase 2 mints, or of an article it does not hold)."""
        every = [order.iri(h) for h in order.hashes]
        if self.statements is None:  # every article: those without rows add nothing
            return every, None
        asked = _only(bindings, self.statements)
        if not asked and self._dense(store, len(every), timeout):
            # rows in most articles (denials on the synthetic store, 1.5 an article):
            # reading the first articles' statements costs less than listing every row
            return every, None
        found = store.query(self.statements, asked, timeout=timeout)
        if not isinstance(found, Rows):
            return None
        statements: dict[str, list[str]] = {}
        for b in found.bindings:
            iri = b["statement"]["value"]
            m = _STATEMENT_IRI.fullmatch(iri)
            if m is None or m.group(1) != order.base or m.group(2) not in order.position:
                return None
            statements.setdefault(order.iri(m.group(2)), []).append(iri)
        shorts = sorted((order.position[a.rsplit("/", 1)[-1]], a) for a in statements)
        return [a for _, a in shorts], statements

    def _dense(self, store: Store, articles: int, timeout: float | None) -> bool:
        """Whether the statements query finds at least one statement per two articles
        (counting them reads no IRI or string, so costs a few milliseconds)."""
        text = re.sub(
            r"SELECT DISTINCT \?statement\s*\n",
            "SELECT (COUNT(DISTINCT ?statement) AS ?n)\n",
            self.statements or "",
        )
        found = store.query(text, timeout=timeout)
        if not isinstance(found, Rows) or len(found.bindings) != 1:
            return False
        n = found.bindings[0].get("n", {}).get("value", "0")
        return n.isdigit() and int(n) * 2 >= articles

    def _listed(
        self, store: Store, bindings: dict[str, Any], timeout: float | None
    ) -> tuple[list[str], dict[str, list[str]] | None] | None:
        """As :meth:`_from_order`, for a store that states no order: the articles listed
        and ordered here, by their keys."""
        from kg.sparql import _IRI, _column_key, _Unorderable

        found = store.query(self.articles, _only(bindings, self.articles), timeout=timeout)
        if not isinstance(found, Rows):
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
        return [iri for _, iri in order], statements if by_statement else None


@dataclass(frozen=True)
class GroupPager:
    """How to find a page of a canned listing ordered by groups of rows (the appearances
    of one claim, say) whose order a smaller query gives: list the groups in order (their
    own ORDER BY, done in Python), then ask for the rows of the first few groups only
    (``VALUES`` of the group variable), then of the next few, until the page is full."""

    #: the variable that names a group (``claim``)
    var: str
    #: SPARQL: ?var of every group that may have rows, and its ORDER BY: the listing's
    #: order of groups (the first keys of the listing's own ORDER BY)
    groups: str
    #: SPARQL: the listing's rows, with its ORDER BY; a VALUES is put into its WHERE
    rows: str
    #: whether the groups' other columns go into that VALUES too (a rows query of its own,
    #: ``# page-rows:``, that takes, say, each claim's count of articles from there
    #: rather than counting them again for each of its rows)
    carry: bool = False

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
        cannot be exact (groups or rows that :meth:`kg.sparql.OrderPlan.order` declines to
        order, a group named twice, a column to carry that is not an IRI or a number):
        the caller then reads the whole answer."""
        from kg.sparql import _IRI, order_plan

        plan, by_group = order_plan(self.rows), order_plan(self.groups)
        if plan is None or by_group is None:
            return None
        found = store.query(by_group.text, _only(bindings, by_group.text), timeout=timeout)
        ordered = by_group.order(found) if isinstance(found, Rows) else None
        if ordered is None:
            return None
        iris = [b.get(self.var, {}).get("value", "") for b in ordered.bindings]
        if len(set(iris)) != len(iris) or not all(_IRI.fullmatch(i) for i in iris):
            return None
        columns = [v for v in ordered.variables if v != self.var] if self.carry else []
        carried: dict[str, str] = {}
        for iri, b in zip(iris, ordered.bindings, strict=True):
            terms = [_term(b.get(v)) for v in columns]
            if None in terms:
                return None
            carried[iri] = " ".join(t for t in terms if t is not None)
        want = offset + limit
        rows: list[dict[str, Any]] = []
        variables: list[str] | None = None
        done = 0  # groups asked about so far
        while done < len(iris) and len(rows) < want:
            per_group = len(rows) / done if rows else 0
            n = int((want - len(rows)) / per_group) + 1 if rows else max(FIRST_BATCH, done)
            chunk = iris[done : done + min(n, MAX_BATCH)]
            done += len(chunk)
            if columns:
                text = with_tuples(plan.text, [self.var, *columns], chunk, carried)
            else:
                text = with_values(plan.text, self.var, chunk)
            result = store.query(text, _only(bindings, text), timeout=timeout)
            page = plan.order(result) if isinstance(result, Rows) else None
            if page is None:
                return None
            variables = page.variables
            rows.extend(page.bindings)
        if variables is None:  # no group has rows: ask about none, for the columns
            text = with_tuples(plan.text, [self.var, *columns], [], {})
            result = store.query(text, _only(bindings, text), timeout=timeout)
            if not isinstance(result, Rows):
                return None
            variables = [v for v in result.variables if v not in plan.extra]
        return Rows(variables, rows[offset:want])


#: the stored order of the entities (:mod:`kg.entity_order`), with its subject
_ENTITY_ORDER = f"SELECT ?subject ?order WHERE {{ ?subject <{_KG}entityOrder> ?order }}"


def stored_entity_order(store: Store, timeout: float | None = None) -> list[str] | None:
    """The entities' IRIs in listing order, as the store states it (``kg:entityOrder``,
    :mod:`kg.entity_order`), or None for a store without it (built by an older newskg) or
    whose statement is not as phase 2 writes it."""
    from kg.entity_order import ENTITY_ORDER_SUBJECT

    stated = _stated(store, _ENTITY_ORDER, ENTITY_ORDER_SUBJECT, timeout)
    if stated is None or not stated[1] or "  " in stated[1]:
        return None
    base, text = stated
    return [base + part for part in text.split(" ")]


@dataclass(frozen=True)
class EntityPager:
    """How to find a page of a listing of one row per entity (``entities``) from the
    order of the entities the store states: the page's entities are a slice of it, and
    the rows are theirs alone (``VALUES ?entity``), checked to come in that order."""

    #: SPARQL: the listing's rows, with its ORDER BY; a VALUES ?entity is put into its WHERE
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
        cannot be exact: no stated order, or rows that do not come one per entity in the
        stated order when the listing's own keys order them (a store changed since its
        last build by something other than newskg). The caller then reads the whole
        answer."""
        from kg.sparql import _IRI, order_plan

        plan = order_plan(self.rows)
        order = stored_entity_order(store, timeout) if plan is not None else None
        if plan is None or order is None:
            return None
        chunk = order[offset : offset + limit]
        if not all(_IRI.fullmatch(i) for i in chunk):
            return None
        text = with_values(plan.text, "entity", chunk)
        result = store.query(text, _only(bindings, text), timeout=timeout)
        ordered = plan.order(result) if isinstance(result, Rows) else None
        if ordered is None:
            return None
        if [b.get("entity", {}).get("value") for b in ordered.bindings] != chunk:
            return None
        return ordered


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


def with_tuples(text: str, names: list[str], iris: list[str], rest: dict[str, str]) -> str:
    """``text`` asking only about the groups ``iris`` (the first of ``names``), each
    with the values of the other ``names`` it has in ``rest`` (SPARQL terms, written)."""
    m = _WHERE.search(text)
    if m is None:
        raise ValueError("the rows query has no line-initial WHERE {")
    rows = " ".join(f"(<{i}> {rest[i]})" if rest.get(i) else f"(<{i}>)" for i in iris)
    first = f"\n  VALUES ({' '.join(f'?{n}' for n in names)}) {{ {rows} }}"
    return f"{text[: m.end()]}{first}{text[m.end() :]}"


_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def _term(term: dict[str, Any] | None) -> str | None:
    """An IRI or an xsd:integer of a JSON result, as SPARQL writes it; None for others."""
    from kg.sparql import _IRI

    if term is None:
        return None
    value = term.get("value", "")
    if term.get("type") == "uri" and _IRI.fullmatch(value):
        return f"<{value}>"
    if term.get("datatype") == _XSD_INTEGER and re.fullmatch(r"-?[0-9]+", value):
        return f'"{value}"^^<{_XSD_INTEGER}>'
    return None


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


def statements_query(pattern: str, params: dict[str, str]) -> str | None:
    """The query that lists each statement ``pattern`` binds ?statement to, without its
    article (``kg:inArticle ?article`` taken out: a statement's IRI names its article),
    for :meth:`ArticlePager._from_order`; None where ``pattern`` names no statements or
    its article otherwise."""
    if not re.search(r"\?statement\b", pattern):
        return None
    without = re.sub(r"\s*;\s*kg:inArticle\s+\?article\b", "", pattern)
    without = re.sub(r"\?statement\s+kg:inArticle\s+\?article\s*\.", "", without)
    if re.search(r"\?article\b", without):
        return None
    selected = " ".join(f"?{p}" for p in params)
    return f"{_HEAD}SELECT DISTINCT ?statement {selected}\nWHERE {{ {without} }}"
