"""Node positions for the network page, computed in Python so the browser never simulates.

Why here and not in vis-network: its physics with curved edges takes ~19 s for 500 nodes and
hangs the tab at 10,000 (shared/spec/browser-testing.md); positions computed once here and
drawn with physics off come up in about a second at 10,000 nodes.

Why igraph: networkx's spring_layout takes 1.3 s / 7.5 s / 133 s for 500 / 2k / 10k nodes
here, igraph's Fruchterman-Reingold 0.2 / 0.1 / 0.6 s.

Why per component: a force layout of a disconnected graph flings the small pieces to the
rim and crushes the big one in the middle, so nothing is readable at the initial zoom. Each
connected component is laid out on its own, scaled so a typical edge is
:data:`EDGE_LENGTH` canvas units long (labels then fit between neighbours), and the
components are packed in rows, biggest first, with lone nodes in a grid after them.
"""

from __future__ import annotations

import math
import random
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

__all__ = ["EDGE_LENGTH", "layout", "separate"]

# Canvas units of a typical (median) edge: short, because separate() then moves apart
# whatever boxes still overlap; longer edges only make the page open further zoomed out.
EDGE_LENGTH = 75.0
# Components up to this size get Kamada-Kawai (even edge lengths, few crossings: the shape
# people draw by hand), bigger ones Fruchterman-Reingold (fast at any size).
KK_MAX_NODES = 300
# Space between packed components, and between lone nodes in their grid.
GAP = 120.0
ISOLATE_STEP = (170.0, 70.0)
# A small graph is stretched up to this many times so it fills the canvas it is given:
# fitting it would zoom in anyway, and spreading it out instead keeps labels apart.
MAX_STRETCH = 3.0
# What labels and shapes add around the node positions at the edges of a drawing.
MARGIN = (200.0, 120.0)

Point = tuple[float, float]


@dataclass
class _Block:
    """A laid-out component: positions relative to its own top-left corner."""

    pos: dict[Hashable, Point]
    width: float
    height: float


@dataclass
class Pieces:
    """A graph laid out component by component, not yet packed side by side."""

    blocks: list[_Block]
    isolates: list[Hashable]

    def separated(self, boxes: Mapping[Hashable, tuple[float, float]]) -> Pieces:
        """The same pieces with overlapping boxes moved apart inside each component
        (:func:`separate`), each block re-measured by its boxes rather than its points."""
        blocks = [_rebound(b, separate(b.pos, boxes), boxes) for b in self.blocks]
        return Pieces(blocks, self.isolates)

    def extent(self) -> tuple[float, float]:
        """About how wide and high :func:`pack` will make it (before any stretching)."""
        area = sum((b.width + GAP) * (b.height + GAP) for b in self.blocks)
        area += len(self.isolates) * ISOLATE_STEP[0] * ISOLATE_STEP[1]
        width = max([b.width for b in self.blocks] + [math.sqrt(area * 4 / 3)])
        return width, area / width if width else 0.0


def layout(
    graph: nx.Graph | nx.MultiDiGraph,
    *,
    canvas: tuple[float, float] | None = None,
    boxes: Mapping[Hashable, tuple[float, float]] | None = None,
    seed: int = 42,
) -> dict[Hashable, Point]:
    """Positions in canvas units, centred on (0, 0); the same graph always gets the same.

    ``boxes`` (node -> width, height of its shape and label) moves overlapping nodes apart
    within each component (:func:`separate`); with ``canvas`` (width, height), a graph
    smaller than that is spread out to fill it (at most :data:`MAX_STRETCH` times), so its
    labels have room at a 1:1 zoom. The page runs the steps one by one
    (:func:`components`, :meth:`Pieces.separated`, :func:`pack`) to size its labels from
    the separated extent before packing.
    """
    pieces = components(graph, seed=seed)
    return pack(pieces.separated(boxes) if boxes else pieces, canvas=canvas)


def components(graph: nx.Graph | nx.MultiDiGraph, *, seed: int = 42) -> Pieces:
    """Each connected component laid out on its own by igraph; lone nodes set aside."""
    import igraph  # a dependency; imported here so importing kg.views stays cheap

    nodes = list(graph.nodes())
    index = {n: i for i, n in enumerate(nodes)}
    pairs = {(min(a, b), max(a, b)) for a, b in ((index[u], index[v]) for u, v in graph.edges())}
    whole = igraph.Graph(n=len(nodes), edges=sorted((a, b) for a, b in pairs if a != b))
    comps = sorted(
        (sorted(c) for c in whole.connected_components()),
        key=lambda c: (-len(c), str(nodes[c[0]])),
    )
    # igraph draws its random start from Python's `random` module; seeding it (and restoring
    # the caller's state) makes the page reproducible. Handing igraph our own start layout
    # instead was measured 25-90x slower (7 s versus 0.25 s at 3,000 nodes).
    state = random.getstate()
    random.seed(seed)
    try:
        blocks = [
            _component(whole.induced_subgraph(c), [nodes[i] for i in c])
            for c in comps
            if len(c) > 1
        ]
    finally:
        random.setstate(state)
    return Pieces(blocks, [nodes[c[0]] for c in comps if len(c) == 1])


def pack(pieces: Pieces, *, canvas: tuple[float, float] | None = None) -> dict[Hashable, Point]:
    """Pack the components in rows, lone nodes after them; see :func:`layout`.

    With a ``canvas``, several row widths are tried and the one whose packing the canvas
    shows at the largest zoom wins: one big component beside a few small ones should sit
    side by side in a wide window, not stacked in a tall column.
    """
    pos = _pack(pieces.blocks, pieces.isolates)
    if canvas and pieces.blocks:
        widest = max(b.width for b in pieces.blocks)
        tries = [pos] + [
            _pack(pieces.blocks, pieces.isolates, widest * f) for f in (1.0, 1.4, 1.8, 2.5, 3.5)
        ]
        pos = max(tries, key=lambda p: _fit_scale(p, canvas))
    if canvas and len(pos) > 1:
        width = max(p[0] for p in pos.values()) - min(p[0] for p in pos.values())
        height = max(p[1] for p in pos.values()) - min(p[1] for p in pos.values())
        room = (canvas[0] - MARGIN[0], canvas[1] - MARGIN[1])
        stretch = min(MAX_STRETCH, room[0] / (width or 1.0), room[1] / (height or 1.0))
        if stretch > 1.0:
            pos = {n: (round(x * stretch, 1), round(y * stretch, 1)) for n, (x, y) in pos.items()}
    return pos


def _rebound(
    block: _Block, pos: Mapping[Hashable, Point], boxes: Mapping[Hashable, tuple[float, float]]
) -> _Block:
    """The block's new positions, shifted so its boxes (not just its points) start at 0,0."""
    half = {n: (boxes.get(n, (0.0, 0.0))[0] / 2, boxes.get(n, (0.0, 0.0))[1] / 2) for n in pos}
    left = min(x - half[n][0] for n, (x, _) in pos.items())
    top = min(y - half[n][1] for n, (_, y) in pos.items())
    right = max(x + half[n][0] for n, (x, _) in pos.items())
    bottom = max(y + half[n][1] for n, (_, y) in pos.items())
    moved = {n: (x - left, y - top) for n, (x, y) in pos.items()}
    return _Block(moved, right - left, bottom - top)


def _component(sub: Any, names: Sequence[Hashable]) -> _Block:
    """Kamada-Kawai (small) or Fruchterman-Reingold (big) by igraph, scaled so the median
    edge is :data:`EDGE_LENGTH` long; ``sub`` is the component as an igraph Graph whose vertex
    ``i`` is ``names[i]``."""
    import numpy as np  # scipy's dependency, so always present

    if len(names) == 2:
        xy = np.array([(0.0, 0.0), (1.0, 0.0)])
    else:
        if len(names) <= KK_MAX_NODES:
            coords = sub.layout_kamada_kawai().coords
        else:
            # 250 rounds instead of 500 for big components: 0.25 s instead of 0.6 s of CPU
            # at 9,000 nodes (measured); at that size nobody reads the finer placement
            coords = sub.layout_fruchterman_reingold(niter=500 if len(names) <= 2000 else 250)
            coords = coords.coords
        xy = np.array(coords, dtype=float)
    ends = np.array(sub.get_edgelist(), dtype=int).reshape(-1, 2)
    lengths = np.hypot(*(xy[ends[:, 0]] - xy[ends[:, 1]]).T) if len(ends) else np.ones(1)
    median = float(np.median(lengths)) or 1.0
    xy = (xy - xy.min(axis=0)) * (EDGE_LENGTH / median)
    pos = {n: (float(x), float(y)) for n, (x, y) in zip(names, xy, strict=True)}
    width, height = xy.max(axis=0)
    return _Block(pos, float(width), float(height))


def _fit_scale(pos: Mapping[Hashable, Point], canvas: tuple[float, float]) -> float:
    if not pos:
        return 1.0
    width = max(p[0] for p in pos.values()) - min(p[0] for p in pos.values()) + MARGIN[0]
    height = max(p[1] for p in pos.values()) - min(p[1] for p in pos.values()) + MARGIN[1]
    return min(canvas[0] / width, canvas[1] / height)


def _pack(
    blocks: list[_Block], isolates: list[Hashable], row_width: float | None = None
) -> dict[Hashable, Point]:
    """Shelf-pack the blocks (biggest first) into rows ``row_width`` wide (default: a
    roughly 4:3 area), then a grid of the isolated nodes below them, and centre everything
    on (0, 0)."""
    if row_width is None:
        row_width = Pieces(blocks, isolates).extent()[0]
    out: dict[Hashable, Point] = {}
    x = y = row_height = 0.0
    for b in blocks:
        if x > 0 and x + b.width > row_width:
            x, y, row_height = 0.0, y + row_height + GAP, 0.0
        for n, (px, py) in b.pos.items():
            out[n] = (x + px, y + py)
        x += b.width + GAP
        row_height = max(row_height, b.height)
    if isolates:
        y += row_height + GAP if blocks else 0.0
        per_row = max(1, int(row_width // ISOLATE_STEP[0]) + 1)
        for i, n in enumerate(isolates):
            out[n] = ((i % per_row) * ISOLATE_STEP[0], y + (i // per_row) * ISOLATE_STEP[1])
    if not out:
        return {}
    xs = [p[0] for p in out.values()]
    ys = [p[1] for p in out.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return {n: (round(px - cx, 1), round(py - cy, 1)) for n, (px, py) in out.items()}


# Above this many nodes overlaps are left alone: the pairwise pass costs O(n^2) per round,
# and a graph that big is not read label by label at the first zoom anyway.
SEPARATE_MAX_NODES = 800


def separate(
    pos: Mapping[Hashable, Point],
    boxes: Mapping[Hashable, tuple[float, float]],
    *,
    pad: float = 8.0,
    rounds: int = 400,
) -> dict[Hashable, Point]:
    """Nudge nodes apart until their boxes (width, height, centred on the node: the shape
    and its label) no longer overlap, or ``rounds`` run out.

    A force layout only knows points; boxes with six words of a statement or a long name
    overlap their neighbours, and overlapping labels are what makes a network unreadable.
    Each round pushes every overlapping pair apart along the line between their centres,
    each by half the distance that makes their boxes just touch, so the layout keeps its
    shape and merely breathes out. Vectorised with numpy: about 1 ms a round at 300 nodes.
    """
    import numpy as np  # scipy's dependency, so always present where networkx layouts work

    nodes = list(pos)
    if len(nodes) < 2 or len(nodes) > SEPARATE_MAX_NODES:
        return dict(pos)
    xy = np.array([pos[n] for n in nodes], dtype=float)
    half = np.array([boxes.get(n, (20.0, 20.0)) for n in nodes], dtype=float) / 2 + pad / 2
    # ties (two nodes on one spot) are broken by index, so the result is deterministic
    order = np.arange(len(nodes), dtype=float)
    tie = np.sign(order[:, None] - order[None, :])
    # a round costs O(n^2): keep the whole pass near half a second at any size
    for _ in range(min(rounds, max(30, int(3.6e7 / len(nodes) ** 2)))):
        dx = xy[:, 0][:, None] - xy[:, 0][None, :]
        dy = xy[:, 1][:, None] - xy[:, 1][None, :]
        wx = half[:, 0][:, None] + half[:, 0][None, :]
        wy = half[:, 1][:, None] + half[:, 1][None, :]
        # in units of the pair's boxes, the boxes overlap while both |u| and |v| are < 1
        u, v = dx / wx, dy / wy
        reach = np.maximum(np.abs(u), np.abs(v))
        hit = reach < 1
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        # push along the line between the centres until the boxes just touch (half each):
        # it keeps the layout's shape, where pushing along one axis stacked crowded
        # statements into tall columns
        coincide = reach < 0.02
        u = np.where(coincide, tie * 0.02, u)
        v = np.where(coincide, 0.0, v)
        reach = np.maximum(np.maximum(np.abs(u), np.abs(v)), 0.02)
        grow = np.where(hit, (1.0 / reach - 1.0) * 0.5, 0.0)
        move = np.stack([(grow * u * wx).sum(axis=1), (grow * v * wy).sum(axis=1)], axis=1)
        # in a dense knot dozens of pushes add up; no node jumps further than its own box
        # in one round, or the knot explodes into long spokes instead of opening up
        limit = 2 * half.max(axis=1)
        length = np.hypot(move[:, 0], move[:, 1])
        xy += move * np.minimum(1.0, limit / np.maximum(length, 1e-9))[:, None]
    return {
        n: (round(float(x), 1), round(float(y), 1)) for n, (x, y) in zip(nodes, xy, strict=True)
    }
