"""How big things are on the canvas: label sizes readable at the first zoom, the box each
node takes (for moving overlapping nodes apart), the drawing's bounds, and the shared
vis-network groups that carry the styles.

All of it works on the vis-network node dicts kg.views.html builds, before they are
written into the page.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping
from typing import Any

from kg.views.layout import MARGIN

__all__ = ["FIT_CANVAS", "bounds", "box", "grouped", "label_sizes"]

# The canvas a page is first drawn on, roughly (a laptop window minus header and panel):
# used to guess the initial zoom, so the main names can be sized to be readable there.
FIT_CANVAS = (980.0, 740.0)


def label_sizes(
    vis_nodes: list[dict[str, Any]],
    details: Mapping[str, Mapping[str, Any]],
    extent: tuple[float, float],
    ranks: Mapping[Any, float] | None,
) -> bool:
    """Draw the names of the most central entities big enough to read at the first view;
    True if any label was made bigger.

    The page opens fitted to the whole graph, so at a few hundred nodes the canvas is shown
    at perhaps a third of its size and 14-unit labels would be 5 px smudges. The expected
    scale is estimated from the layout's extent (``extent``, width and height) and a
    typical window; the top entities get a font that comes out at ~15 px, the next ones at
    ~11 px, and the rest keep 14 units, which vis-network skips drawing while they are too
    small to read (``drawThreshold``) and shows as soon as one zooms in. ``maxVisible``
    keeps the big ones from growing absurdly when zooming in.
    """
    if not vis_nodes:
        return False
    width, height = extent[0] + MARGIN[0], extent[1] + MARGIN[1]
    scale = min(1.0, FIT_CANVAS[0] / width, FIT_CANVAS[1] / height)
    if scale >= 0.95:
        return False
    weight = (
        ranks if ranks is not None else {n["id"]: details[n["id"]]["degree"] for n in vis_nodes}
    )
    entities = [n for n in vis_nodes if details[n["id"]]["kind"] == "entity"]
    entities.sort(key=lambda n: (-weight.get(n["id"], 0), n["id"]))
    top = max(8, min(25, len(entities) // 10))
    for i, node in enumerate(entities[: 2 * top]):
        px = 16.0 if i < top else 12.0
        node["font"]["size"] = round(min(140.0, max(14.0, px / scale)), 1)
    return True


def bounds(vis_nodes: list[dict[str, Any]]) -> list[float]:
    """[left, top, right, bottom] of everything drawn, labels included, so the page can
    frame the graph without asking vis-network to measure every node first."""
    if not vis_nodes:
        return [0.0, 0.0, 0.0, 0.0]
    left = top = math.inf
    right = bottom = -math.inf
    for node in vis_nodes:
        w, h = box(node)
        left, right = min(left, node["x"] - w / 2), max(right, node["x"] + w / 2)
        top, bottom = min(top, node["y"] - h / 2), max(bottom, node["y"] + h / 2)
    return [round(left, 1), round(top, 1), round(right, 1), round(bottom, 1)]


# What vis-network styles a node by; these move from the nodes into shared groups.
_STYLE_KEYS = ("shape", "color", "font", "margin", "widthConstraint")


def grouped(vis_nodes: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Move each node's style into a vis-network group shared by all nodes styled alike,
    and return the groups (for ``options.groups``); a node keeps only its own font size.

    Why: vis-network deep-merges and parses every node's own style objects (colours, fonts)
    when the network is built -- a third of the ~1.6 s main-thread block at 10,000 nodes
    (measured) -- while a group is merged once.
    """
    groups: dict[str, dict[str, Any]] = {}
    names: dict[str, str] = {}
    sizes: dict[str, list[Any]] = {}
    own: list[Any] = []
    for node in vis_nodes:
        style = {k: node.pop(k) for k in _STYLE_KEYS if k in node}
        size = style["font"].pop("size", None) if "font" in style else None
        key = json.dumps(style, sort_keys=True)
        if key not in names:
            names[key] = f"g{len(names)}"
            groups[names[key]] = style
            sizes[names[key]] = []
        node["group"] = names[key]
        sizes[names[key]].append(size)
        own.append(size)
    # the size most members share goes to the group; the others keep their own
    for name, found in sizes.items():
        common = Counter(found).most_common(1)[0][0]
        if common is not None:
            groups[name].setdefault("font", {})["size"] = common
    for node, size in zip(vis_nodes, own, strict=True):
        if size != groups[node["group"]].get("font", {}).get("size"):
            node["font"] = {"size": size if size is not None else 14}
    return groups


def box(node: Mapping[str, Any]) -> tuple[float, float]:
    """Roughly the canvas area a node takes, shape and label (a character of the default
    sans-serif is ~0.55 em wide): enough for :func:`kg.views.layout.separate` to keep
    labels apart."""
    font = float(node.get("font", {}).get("size", 14))
    label = str(node.get("label", ""))
    if node.get("shape") == "box":
        limit = float(node.get("widthConstraint", {}).get("maximum", 200))
        text_width = 0.55 * font * len(label)
        lines = max(1, math.ceil(text_width / (limit - 12)))
        return min(limit, text_width + 12), lines * 1.25 * font + 12
    size = float(node.get("size", 10))
    # the name is drawn under the shape, but boxes are centred on the node: count the
    # label's height above the shape too, so the box covers it
    return max(2 * size, 0.55 * font * len(label)), 2 * (size + 1.3 * font)
