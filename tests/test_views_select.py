"""Tests for kg.views.select: what a network page shows, decided without a browser.

The graphs are hand-made projections with the attributes store_graph writes, so each rule
(filters, ego network, node budget, communities) is checked on a case where the right
answer is obvious.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

from kg.views.layout import layout, separate
from kg.views.select import (
    Filters,
    apply_filters,
    budget,
    communities,
    parse_acts,
    parse_types,
    select,
)

ACT_OF = {"Statement": "said", "Finding": "reported", "Denial": "denied"}


def _entity(g: nx.MultiDiGraph, iri: str, kind: str, label: str, mentions: int = 1) -> None:
    g.add_node(iri, kind="entity", type=kind, label=label, aliases=[], titles=[], mentions=mentions)


def _statement(
    g: nx.MultiDiGraph,
    iri: str,
    speaker: str,
    kind: str = "Statement",
    *,
    date: str = "2024-03-02",
    file: str = "corpus/a.txt",
    about: tuple[str, ...] = (),
) -> None:
    g.add_node(
        iri,
        kind="statement",
        type=kind,
        text=f"text of {iri}",
        speaker=g.nodes[speaker]["label"],
        cue="said",
        article_date=date,
        source_file=file,
    )
    g.add_edge(speaker, iri, key=ACT_OF[kind], label=ACT_OF[kind])
    for target in about:
        g.add_edge(iri, target, key="about", label="about")


@pytest.fixture
def small() -> nx.MultiDiGraph:
    """A minister who said and denied things about a place, a rights group that reported,
    an outlet the group's finding came through, and an affiliation."""
    g = nx.MultiDiGraph()
    _entity(g, "min", "Person", "The Minister", mentions=3)
    _entity(g, "hrw", "Organization", "Human Rights Watch", mentions=2)
    _entity(g, "reuters", "NewsOrganization", "Reuters")
    _entity(g, "place", "Place", "Chechnya", mentions=2)
    _entity(g, "gov", "Organization", "The Government")
    _entity(g, "lonely", "Person", "Nobody Quoted")
    _statement(g, "s1", "min", about=("place",), date="2024-01-10", file="corpus/a.txt")
    _statement(g, "s2", "min", "Denial", about=("hrw",), date="2024-02-20", file="corpus/b.txt")
    _statement(g, "s3", "hrw", "Finding", about=("place",), date="2024-03-01", file="corpus/b.txt")
    g.add_edge("s3", "reuters", key="via", label="via")
    _statement(g, "s4", "hrw", date="", file="wire.jsonl#2")
    g.add_edge("min", "gov", key="affiliation", label="affiliation")
    return g


def test_parse_types_and_acts() -> None:
    assert parse_types("person, Organisation,news") == {
        "Person",
        "Organization",
        "NewsOrganization",
    }
    assert parse_acts("said,DENIED") == {"said", "denied"}
    with pytest.raises(ValueError, match="unknown entity type 'robot'"):
        parse_types("person,robot")
    with pytest.raises(ValueError, match="unknown speech act 'shouted'"):
        parse_acts("shouted")


def test_no_filters_keep_everything(small: nx.MultiDiGraph) -> None:
    out = apply_filters(small, Filters())
    assert set(out.nodes) == set(small.nodes)
    assert out.number_of_edges() == small.number_of_edges()
    assert Filters().describe() == ""


def test_act_filter_keeps_those_statements_and_what_they_link(small: nx.MultiDiGraph) -> None:
    out = apply_filters(small, Filters(acts=frozenset({"denied"})))
    # the denial, its speaker and what it was about; nothing that did not deny
    assert set(out.nodes) == {"s2", "min", "hrw"}
    assert out.has_edge("min", "s2") and out.has_edge("s2", "hrw")


def test_type_filter_drops_statements_of_dropped_speakers(small: nx.MultiDiGraph) -> None:
    out = apply_filters(small, Filters(types=frozenset({"Person", "Place"})))
    assert {n for n, k in out.nodes(data="kind") if k == "statement"} == {"s1", "s2"}
    assert "hrw" not in out and "lonely" in out  # no statement filter: entities stay
    assert out.has_edge("s1", "place")


def test_date_filter_is_inclusive_and_drops_undated(small: nx.MultiDiGraph) -> None:
    out = apply_filters(small, Filters(since="2024-02-20", until="2024-03-01"))
    assert {n for n, k in out.nodes(data="kind") if k == "statement"} == {"s2", "s3"}
    out = apply_filters(small, Filters(until="2024-01-10"))
    assert {n for n, k in out.nodes(data="kind") if k == "statement"} == {"s1"}
    # date-times count as their day
    small.nodes["s1"]["article_date"] = "2024-01-10T23:59:00Z"
    assert "s1" in apply_filters(small, Filters(since="2024-01-10", until="2024-01-10"))


def test_article_filter_accepts_the_path_or_its_tail(small: nx.MultiDiGraph) -> None:
    for name in ("corpus/b.txt", "b.txt"):
        out = apply_filters(small, Filters(article=name))
        assert {n for n, k in out.nodes(data="kind") if k == "statement"} == {"s2", "s3"}
        assert {"min", "hrw", "place", "reuters"} <= set(out.nodes)
    assert "s4" in apply_filters(small, Filters(article="wire.jsonl"))
    assert apply_filters(small, Filters(article="a.txt.bak")).number_of_nodes() == 0


def test_min_mentions(small: nx.MultiDiGraph) -> None:
    out = apply_filters(small, Filters(min_mentions=2))
    assert {n for n, k in out.nodes(data="kind") if k != "statement"} == {"min", "hrw", "place"}


def test_describe_filters() -> None:
    text = Filters(
        types=frozenset({"Person"}),
        acts=frozenset({"denied", "said"}),
        since="2024-01-01",
        article="a.txt",
        min_mentions=2,
    ).describe()
    assert text == (
        "entity types Person; speech acts said, denied; articles dated from 2024-01-01; "
        "article a.txt; entities in at least 2 articles"
    )


def _hub_graph(speakers: int, per_speaker: int, places: int) -> nx.MultiDiGraph:
    """Speakers with very different numbers of statements, each about one of a few places."""
    g = nx.MultiDiGraph()
    for p in range(places):
        _entity(g, f"place{p}", "Place", f"Place {p}")
    for i in range(speakers):
        _entity(g, f"sp{i}", "Person", f"Speaker {i}")
        for j in range(per_speaker * (speakers - i)):
            _statement(g, f"sp{i}-s{j}", f"sp{i}", about=(f"place{(i + j) % places}",))
    return g


def test_budget_keeps_small_graphs_whole(small: nx.MultiDiGraph) -> None:
    out = budget(small, 300)
    assert set(out.nodes) == set(small.nodes)
    assert out.nodes["min"]["statements_total"] == 2
    assert out.nodes["place"]["statements_total"] == 0


def test_budget_takes_central_entities_and_their_statements() -> None:
    g = _hub_graph(speakers=30, per_speaker=2, places=8)  # 968 nodes
    out = budget(g, 100)
    assert out.number_of_nodes() == 100
    ents = {n for n, k in out.nodes(data="kind") if k != "statement"}
    stmts = set(out.nodes) - ents
    # the most prolific speakers are the most central and come first
    assert {"sp0", "sp1", "sp2"} <= ents
    # no speaker brings more than max_nodes // 20 statements
    for e in ents:
        assert sum(1 for s in stmts if out.has_edge(e, s)) <= 5
    # every statement shown comes with its speaker
    for s in stmts:
        assert any(out.has_edge(e, s) for e in ents)
    # the places the statements are about are in the view, so stars join up
    assert sum(1 for e in ents if e.startswith("place")) == 8
    assert nx.number_connected_components(out.to_undirected()) < 5
    # edges are exactly those of g among the chosen nodes
    assert out.number_of_edges() == g.subgraph(out.nodes).number_of_edges()
    assert out.nodes["sp0"]["statements_total"] == 60


def test_budget_pins_the_focus() -> None:
    g = _hub_graph(speakers=30, per_speaker=2, places=8)
    out = budget(g, 20, pinned=["sp29"])
    assert "sp29" in out and out.has_edge("sp29", "sp29-s0")
    assert out.number_of_nodes() == 20
    assert budget(g, 0).number_of_nodes() == 0


def test_select_reports_what_was_left_out() -> None:
    g = _hub_graph(speakers=30, per_speaker=2, places=8)
    sel = select(g, max_nodes=50)
    assert sel.shown_nodes == 50 and sel.total_nodes == g.number_of_nodes() == 968
    assert sel.total_entities == 38 and sel.total_statements == 930
    assert sel.note() == (
        "Showing 50 of 968 nodes: the most central entities and their statements; "
        "use --focus, filters or --max-nodes to see more."
    )
    assert set(sel.ranks) <= set(sel.graph.nodes)
    whole = select(g, max_nodes=10_000)
    assert not whole.truncated and whole.note() == ""


def test_select_filters_then_focuses(small: nx.MultiDiGraph) -> None:
    sel = select(small, Filters(acts=frozenset({"said", "reported"})), focus_nodes=["hrw"], depth=1)
    assert set(sel.graph.nodes) == {"hrw", "s3", "s4"}
    sel = select(small, Filters(acts=frozenset({"denied"})), focus_nodes=["reuters"], depth=2)
    assert sel.graph.number_of_nodes() == 0 and sel.total_nodes == 0


def test_communities_split_two_cliques_and_are_stable() -> None:
    g = nx.MultiDiGraph()
    for side in ("a", "b"):
        for i in range(5):
            _entity(g, f"{side}{i}", "Person", f"{side} {i}")
        for i in range(5):
            for j in range(i + 1, 5):
                _statement(g, f"{side}{i}{j}", f"{side}{i}", about=(f"{side}{j}",))
    g.add_edge("a0", "b0", key="affiliation", label="affiliation")
    groups = communities(g)
    assert set(groups) == {n for n, k in g.nodes(data="kind") if k == "entity"}
    assert len({groups[f"a{i}"] for i in range(5)}) == 1
    assert len({groups[f"b{i}"] for i in range(5)}) == 1
    assert groups["a0"] != groups["b0"]
    assert communities(g) == groups
    assert communities(nx.MultiDiGraph()) == {}


def test_layout_packs_components_apart_and_is_reproducible() -> None:
    g = nx.MultiDiGraph()
    g.add_edges_from([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    g.add_node("alone")
    pos = layout(g)
    assert pos == layout(g)
    assert set(pos) == {"a", "b", "c", "x", "y", "alone"}
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    assert abs(max(xs) + min(xs)) < 1 and abs(max(ys) + min(ys)) < 1  # centred
    # no two nodes share a spot
    assert len(set(pos.values())) == 6


def test_separate_removes_overlaps() -> None:
    pos: dict[Any, tuple[float, float]] = {i: (float(i % 3), float(i // 3)) for i in range(9)}
    boxes = {i: (80.0, 20.0) for i in range(9)}
    out = separate(pos, boxes, pad=0)
    for i in range(9):
        for j in range(i + 1, 9):
            apart_x = abs(out[i][0] - out[j][0]) >= 80 - 1e-6
            apart_y = abs(out[i][1] - out[j][1]) >= 20 - 1e-6
            assert apart_x or apart_y, (i, j, out[i], out[j])
