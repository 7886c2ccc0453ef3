"""Choosing what a network page shows: filters, an ego network and a node budget.

A whole corpus drawn at once is a hairball nobody can read, and a browser tab that must lay
out tens of thousands of nodes. These pure functions cut the store's projection
(:func:`kg.views.graph.store_graph`) down to a question-sized view *before* anything is
drawn, so the same selection can be tested without a browser, reused by other views, and
explained to the reader in one sentence (:attr:`Selection.note`).

Conventions on the projection: entity nodes have ``kind="entity"``, ``type`` (Person,
Organization, NewsOrganization, Place, UnnamedSource) and ``mentions``; statement nodes have
``kind="statement"``, ``type`` (Statement, Finding, Denial), ``article_date``,
``source_file``, and an edge from their speaker labelled said / reported / denied.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePath

import networkx as nx

from kg.views.graph import ACT_OF_KIND, ACTS, focus, induced, pagerank

__all__ = [
    "ACTS",
    "DEFAULT_MAX_NODES",
    "ENTITY_TYPES",
    "Filters",
    "Selection",
    "apply_filters",
    "budget",
    "communities",
    "parse_acts",
    "parse_types",
    "select",
]

DEFAULT_MAX_NODES = 300
# Share of the budget that statements may take before the entities they link are added:
# enough to see what the central people said, while leaving room for whom it was about.
STATEMENT_SHARE = 0.6
# command-line spelling -> the projection's entity type
ENTITY_TYPES: dict[str, str] = {
    "person": "Person",
    "organization": "Organization",
    "organisation": "Organization",
    "news": "NewsOrganization",
    "newsorganization": "NewsOrganization",
    "place": "Place",
    "unnamed": "UnnamedSource",
    "unnamedsource": "UnnamedSource",
}


def parse_types(value: str) -> frozenset[str]:
    """``"person,organization"`` -> ``{"Person", "Organization"}``; ValueError names a bad one."""
    out = set()
    for part in _parts(value):
        key = part.lower().replace("-", "").replace("_", "").replace(" ", "")
        if key not in ENTITY_TYPES:
            choices = ", ".join(sorted({k for k in ENTITY_TYPES if not k.endswith("source")}))
            raise ValueError(f"unknown entity type {part!r} (choose from {choices})")
        out.add(ENTITY_TYPES[key])
    return frozenset(out)


def parse_acts(value: str) -> frozenset[str]:
    """``"said,denied"`` -> ``{"said", "denied"}``; ValueError names a bad one."""
    out = set()
    for part in _parts(value):
        if part.lower() not in ACTS:
            raise ValueError(f"unknown speech act {part!r} (choose from {', '.join(ACTS)})")
        out.add(part.lower())
    return frozenset(out)


def _parts(value: str) -> list[str]:
    return [p.strip() for p in value.split(",") if p.strip()]


@dataclass(frozen=True)
class Filters:
    """What to keep. Empty/None fields keep everything.

    ``since``/``until`` are ISO dates compared with the article date's first ten characters
    (so a date-time counts as its day); statements from undated articles are dropped as soon
    as either bound is set, because nobody can say they fall inside it.
    """

    types: frozenset[str] = frozenset()  # entity types, as in ENTITY_TYPES' values
    acts: frozenset[str] = frozenset()  # said / reported / denied
    since: str | None = None
    until: str | None = None
    article: str | None = None  # source file, as given to `kg build`, or its tail
    min_mentions: int = 0

    @property
    def statement_filters(self) -> bool:
        """True when statements are being picked, so entities left with none go too."""
        return bool(self.acts or self.since or self.until or self.article)

    def describe(self) -> str:
        """The filters in words, for the page header; "" when there are none."""
        parts = []
        if self.types:
            parts.append("entity types " + ", ".join(sorted(self.types)))
        if self.acts:
            parts.append("speech acts " + ", ".join(a for a in ACTS if a in self.acts))
        if self.since and self.until:
            parts.append(f"articles dated {self.since} to {self.until}")
        elif self.since:
            parts.append(f"articles dated from {self.since}")
        elif self.until:
            parts.append(f"articles dated up to {self.until}")
        if self.article:
            parts.append(f"article {self.article}")
        if self.min_mentions > 1:
            parts.append(f"entities in at least {self.min_mentions} articles")
        return "; ".join(parts)


def _same_file(stored: str, wanted: str) -> bool:
    """Is ``stored`` (a source_file as built) the file the user named?

    Builds record the path as it was given, so ``--article`` accepts that exact string, the
    same file by another route (absolute versus relative), or a tail of it (``02-ghana.txt``
    or ``articles/02-ghana.txt``). JSONL records (``wire.jsonl#2``) match by file too.
    """
    if not stored:
        return False
    if stored == wanted:
        return True
    base = stored.split("#", 1)[0] if "#" in stored and "#" not in wanted else stored
    if os.path.abspath(base) == os.path.abspath(wanted):
        return True
    s_parts, w_parts = PurePath(base).parts, PurePath(wanted).parts
    return len(w_parts) <= len(s_parts) and s_parts[-len(w_parts) :] == w_parts


def _act(attrs: Mapping) -> str:
    return ACT_OF_KIND.get(attrs.get("type", ""), "said")


def _speakers(g: nx.MultiDiGraph, statement: str) -> list[str]:
    return [u for u, _, rel in g.in_edges(statement, data="label") if rel in ACTS]


def apply_filters(g: nx.MultiDiGraph, filters: Filters) -> nx.MultiDiGraph:
    """The subgraph that passes ``filters`` (a copy; ``g`` is untouched).

    Entities are kept by type and mentions; statements by speech act, date and article, and
    only while their speaker is kept (a statement without its speaker answers nothing). When
    statements were picked, entities no longer linked to any kept statement are dropped too:
    ``--act denied`` should show deniers and what they denied, not every name in the corpus.
    """
    keep_ent: set[str] = set()
    stmts: list[str] = []
    for n, d in g.nodes(data=True):
        if d.get("kind") == "statement":
            stmts.append(n)
        elif (not filters.types or d.get("type") in filters.types) and int(
            d.get("mentions") or 0
        ) >= filters.min_mentions:
            keep_ent.add(n)
    keep_st: set[str] = set()
    for s in stmts:
        d = g.nodes[s]
        if filters.acts and _act(d) not in filters.acts:
            continue
        day = (d.get("article_date") or "")[:10]
        if (filters.since or filters.until) and not day:
            continue
        if filters.since and day < filters.since:
            continue
        if filters.until and day > filters.until:
            continue
        if filters.article and not _same_file(d.get("source_file") or "", filters.article):
            continue
        if not any(sp in keep_ent for sp in _speakers(g, s)):
            continue
        keep_st.add(s)
    if filters.statement_filters:
        linked: set[str] = set()
        for s in keep_st:
            linked.update(n for n in nx.all_neighbors(g, s) if n in keep_ent)
        keep_ent = linked
    return induced(g, keep_ent | keep_st)


@dataclass
class Selection:
    """A view chosen for drawing, and what it leaves out (for the page's note)."""

    graph: nx.MultiDiGraph
    total_nodes: int  # nodes that passed the filters (and focus), before the budget
    total_entities: int
    total_statements: int
    ranks: dict[str, float] = field(default_factory=dict)

    @property
    def shown_nodes(self) -> int:
        return self.graph.number_of_nodes()

    @property
    def truncated(self) -> bool:
        return self.shown_nodes < self.total_nodes

    def note(self) -> str:
        """One sentence on what was left out, or "" when everything is shown."""
        if not self.truncated:
            return ""
        return (
            f"Showing {self.shown_nodes:,} of {self.total_nodes:,} nodes: the most central "
            "entities and their statements; use --focus, filters or --max-nodes to see more."
        )


def budget(
    g: nx.MultiDiGraph,
    max_nodes: int = DEFAULT_MAX_NODES,
    *,
    pinned: Iterable[str] = (),
    ranks: Mapping[str, float] | None = None,
) -> nx.MultiDiGraph:
    """At most ``max_nodes`` nodes: the most central entities, then their statements.

    Entities are taken in PageRank order (``pinned`` ones first, e.g. the focus of an ego
    network). Each brings along its own statements, best first -- a statement scores the
    ranks of the entities it is about or came via, less for entities already linked, so
    statements that tie central entities together win and a speaker's picks vary -- but
    no more than ``max_nodes // 20`` of them (at least 2): one prolific speaker must not
    fill the whole view with a star. Once statements fill 60% of the budget, the entities
    they are about come next, so the view shows who talks about whom rather than separate
    stars. The result keeps every edge among the chosen nodes, and each entity gets
    ``statements_total``, the
    number of statements it spoke in ``g``, so the page can say how many are not shown.
    """
    if max_nodes <= 0:
        return nx.MultiDiGraph()
    ranks = dict(ranks) if ranks is not None else pagerank(g)
    entities = [n for n, k in g.nodes(data="kind") if k != "statement"]
    spoken: dict[str, list[str]] = {e: [] for e in entities}
    for u, v, rel in g.edges(data="label"):
        if rel in ACTS and u in spoken and g.nodes[v].get("kind") == "statement":
            spoken[u].append(v)
    if g.number_of_nodes() <= max_nodes:
        chosen = set(g.nodes)
    else:
        chosen = _choose(g, max_nodes, list(pinned), entities, spoken, ranks)
    out = induced(g, chosen)
    for e in entities:
        if e in out:
            out.nodes[e]["statements_total"] = len(spoken[e])
    return out


def _choose(
    g: nx.MultiDiGraph,
    max_nodes: int,
    pinned: list[str],
    entities: list[str],
    spoken: Mapping[str, list[str]],
    ranks: Mapping[str, float],
) -> set[str]:
    """Three passes: central speakers with their best statements until statements fill
    :data:`STATEMENT_SHARE` of the budget; then the entities those statements are about or
    came via (so stars join into a network); then whatever is central, while room is left."""

    covered: dict[str, int] = {}  # entity -> chosen statements linked to it

    def best_statements(e: str, limit: int) -> list[str]:
        """Greedy: each pick maximises the rank of the other entities the statement links,
        each discounted by how many picked statements already link it, so a speaker's
        statements about five different places beat five about the same one."""
        pool = {
            s: [n for n in set(nx.all_neighbors(g, s)) if n != e]
            for s in spoken[e]
            if s not in chosen
        }
        picked: list[str] = []
        while pool and len(picked) < limit:
            s = max(
                sorted(pool),
                key=lambda s: sum(ranks.get(n, 0.0) / (1 + covered.get(n, 0)) for n in pool[s]),
            )
            for n in pool.pop(s):
                covered[n] = covered.get(n, 0) + 1
            picked.append(s)
        return picked

    cap = max(2, max_nodes // 20)
    pin = [p for p in pinned if p in g]
    order = pin + sorted(
        (e for e in entities if e not in set(pin)),
        key=lambda e: (-ranks.get(e, 0.0), str(g.nodes[e].get("label", "")), e),
    )
    chosen: set[str] = set()
    room = lambda: max_nodes - len(chosen)  # noqa: E731 - reads better than a nested def

    def take(e: str, statement_room: int) -> None:
        chosen.add(e)
        chosen.update(best_statements(e, max(0, min(cap, room(), statement_room))))

    statement_room = int(max_nodes * STATEMENT_SHARE)
    rest = iter(order)
    for e in rest:
        if room() <= 0 or statement_room <= 0:
            break
        if e not in chosen:
            before = len(chosen)
            take(e, statement_room)
            statement_room -= len(chosen) - before - 1
    linked: dict[str, int] = {}
    for s in chosen:
        if g.nodes[s].get("kind") == "statement":
            for n in set(nx.all_neighbors(g, s)):
                if n not in chosen:
                    linked[n] = linked.get(n, 0) + 1
    for e in sorted(linked, key=lambda e: (-linked[e], -ranks.get(e, 0.0), e)):
        if room() <= 0:
            break
        chosen.add(e)
    for e in order:
        if room() <= 0:
            break
        if e not in chosen:
            take(e, room())
    return chosen


def select(
    g: nx.MultiDiGraph,
    filters: Filters | None = None,
    *,
    focus_nodes: Collection[str] = (),
    depth: int = 2,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> Selection:
    """Filters, then the ego network around ``focus_nodes`` (if any), then the budget.

    This is the whole of what `kg viz` shows; tests compare a page's node count with it.
    """
    view = apply_filters(g, filters) if filters and filters != Filters() else g
    pinned = [n for n in focus_nodes if n in view]
    if focus_nodes:
        view = focus(view, pinned, depth) if pinned else nx.MultiDiGraph()
    kinds = [k for _, k in view.nodes(data="kind")]
    statements = sum(1 for k in kinds if k == "statement")
    ranks = pagerank(view)
    shown = budget(view, max_nodes, pinned=pinned, ranks=ranks)
    return Selection(
        graph=shown,
        total_nodes=view.number_of_nodes(),
        total_entities=len(kinds) - statements,
        total_statements=statements,
        ranks={n: r for n, r in ranks.items() if n in shown},
    )


def communities(g: nx.MultiDiGraph, seed: int = 42) -> dict[str, int]:
    """Louvain communities of the entities, numbered from 0 by size (largest first).

    Statements stay in the graph while communities are found -- two people who talk about
    the same things belong together even if no edge joins them directly -- but only entity
    nodes get a number. Seeded, so the same graph always gets the same colours.
    """
    simple = nx.Graph()
    simple.add_nodes_from(g)
    simple.add_edges_from((u, v) for u, v in g.edges() if u != v)
    if simple.number_of_nodes() == 0:
        return {}
    groups = nx.community.louvain_communities(simple, seed=seed)
    numbered: dict[str, int] = {}
    ents = [sorted(n for n in grp if g.nodes[n].get("kind") != "statement") for grp in groups]
    ents = [grp for grp in ents if grp]
    ents.sort(key=lambda grp: (-len(grp), grp[0]))
    for i, grp in enumerate(ents):
        for n in grp:
            numbered[n] = i
    return numbered
