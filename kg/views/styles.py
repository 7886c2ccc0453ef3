"""How the network page looks: shapes and colours per entity type, statement kind and
edge label, and the colours of communities.

Kept apart from the page writer (kg.views.html) so the legend, the page and anything else
that draws the graph agree on one table; shapes as well as colours tell entity types
apart, so the page still reads in greyscale and for colour-blind readers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

__all__ = [
    "COMMUNITY_COLOURS",
    "EDGE_STYLES",
    "ENTITY_STYLES",
    "STATEMENT_STYLES",
    "EdgeStyle",
    "Group",
    "NodeStyle",
    "community_styles",
    "node_color",
]


@dataclass(frozen=True)
class NodeStyle:
    """How one node type looks on the canvas and in the legend."""

    name: str  # legend text
    shape: str  # vis-network shape
    background: str
    border: str
    font_color: str = "#1a202c"


@dataclass(frozen=True)
class EdgeStyle:
    """How one edge label looks; ``dashes`` is vis-network's dash pattern (False = solid)."""

    color: str
    dashes: bool | list[int] = False
    width: float = 1.2


# Entity nodes: attrs type, label, aliases (list[str]), titles (list[str]), mentions (int).
ENTITY_STYLES: dict[str, NodeStyle] = {
    "Person": NodeStyle("Person", "dot", "#4e79a7", "#2c4a6e"),
    "Organization": NodeStyle("Organisation", "square", "#f28e2b", "#a85a12"),
    "NewsOrganization": NodeStyle("News organisation", "triangle", "#b07aa1", "#76486b"),
    "Place": NodeStyle("Place", "hexagon", "#59a14f", "#346b2c"),
    # not a dashed border: dashed outlines doubled vis-network's redraw time at 10k nodes
    "UnnamedSource": NodeStyle("Unnamed source", "diamond", "#c9c2bd", "#6b625c"),
}
UNKNOWN_ENTITY = NodeStyle("Other", "dot", "#e2e8f0", "#718096")

# Statement nodes: attrs type, text, speaker, cue, direct, article_title, article_date,
# article_url, source_file, context.
STATEMENT_STYLES: dict[str, NodeStyle] = {
    "Statement": NodeStyle("Statement", "box", "#fff1b8", "#b7950b"),
    "Finding": NodeStyle("Finding", "box", "#cfe4ff", "#2b6cb0"),
    "Denial": NodeStyle("Denial", "box", "#ffd3d3", "#c53030"),
}

EDGE_STYLES: dict[str, EdgeStyle] = {
    "said": EdgeStyle("#2d3748", width=1.6),
    "reported": EdgeStyle("#718096", width=1.4),
    "denied": EdgeStyle("#c53030", width=1.6),
    "about": EdgeStyle("#a0aec0"),
    "via": EdgeStyle("#b07aa1", dashes=[6, 4]),
    "affiliation": EdgeStyle("#59a14f", dashes=[2, 4]),
    # claims: a denial to what it denies, and the statements of one claim to each other
    "denies": EdgeStyle("#9b2c2c", dashes=[10, 4], width=2.2),
    "same claim": EdgeStyle("#d69e2e", dashes=[3, 3], width=2.0),
}
UNKNOWN_EDGE = EdgeStyle("#cbd5e0")


@dataclass(frozen=True)
class Group(NodeStyle):
    """A community's colour in the legend: its name and how many entities it holds."""

    count: int = 0


# Tableau 10 without its grey, so communities never look like unnamed sources.
COMMUNITY_COLOURS = [
    ("#4e79a7", "#2c4a6e"),
    ("#f28e2b", "#a85a12"),
    ("#e15759", "#9b2c2d"),
    ("#76b7b2", "#3f7f7a"),
    ("#59a14f", "#346b2c"),
    ("#edc948", "#a88a12"),
    ("#b07aa1", "#76486b"),
    ("#ff9da7", "#c0606b"),
    ("#9c755f", "#644634"),
]
_OTHER_GROUP = ("#d5dbe3", "#8795a8")


def community_styles(
    graph: nx.MultiDiGraph, communities: Mapping[Any, int], ranks: Mapping[Any, float] | None
) -> tuple[list[Group], dict[Any, int]]:
    """One legend entry per community, named after its most central member ("around X"),
    and each node's index into that list.

    Only the biggest :data:`COMMUNITY_COLOURS` groups get a colour of their own: more hues
    than that cannot be told apart, so the rest share one light grey ("other groups").
    """
    if not communities:
        return [], {}
    weight = ranks if ranks is not None else dict(graph.degree())
    members: dict[int, list[Any]] = {}
    for node, group in communities.items():
        if node in graph:
            members.setdefault(group, []).append(node)
    ordered = sorted(members, key=lambda k: (-len(members[k]), k))
    out: list[Group] = []
    other = 0
    for i, key in enumerate(ordered):
        if i >= len(COMMUNITY_COLOURS):
            other += len(members[key])
            continue
        top = max(members[key], key=lambda n: (weight.get(n, 0), str(n)))
        name = "around " + truncate(str(graph.nodes[top].get("label") or top), 30)
        bg, border = COMMUNITY_COLOURS[i]
        out.append(Group(name, "dot", bg, border, count=len(members[key])))
    if other:
        out.append(Group("other groups", "dot", *_OTHER_GROUP, count=other))
    remap = {key: min(i, len(out) - 1) for i, key in enumerate(ordered)}
    return out, {n: remap[g] for n, g in communities.items() if n in graph}


def node_color(style: NodeStyle) -> dict[str, Any]:
    return {
        "background": style.background,
        "border": style.border,
        "highlight": {"background": style.background, "border": "#1a202c"},
        "hover": {"background": style.background, "border": "#1a202c"},
    }


def truncate(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in "…" when anything was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
