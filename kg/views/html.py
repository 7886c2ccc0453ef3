"""Render the networkx projection of the store as one self-contained, interactive HTML page.

Why not ``pyvis.Network.write_html``: pyvis's own templates fetch Bootstrap and (with
``cdn_resources="local"``) vis-network from CDNs, write the heading and select-menu ids
unescaped, render every tooltip as raw HTML as soon as one contains ``href``, and its
``add_edge`` is quadratic (see shared/spec/browser-testing.md). Article text is untrusted, so
this module keeps pyvis for what it does well -- the ``Network`` container with its node, edge
and option lists, and the vis-network JS/CSS it bundles -- and writes the page itself:

* every script and style is inline; nothing is loaded from anywhere;
* the graph travels as JSON in a ``<script type="application/json">`` block with ``<``, ``>``,
  ``&``, U+2028/U+2029 and lone surrogates escaped, so no text can close the block;
* all other text goes through Jinja2's HTML autoescaping;
* a Content-Security-Policy allows exactly our inline scripts (by sha256), so even a missed
  escape could not run injected script;
* tooltips are plain strings (vis-network renders them with ``innerText``), and the page
  script builds the search results and side panel with ``textContent``/``createElement``;
* node positions are computed here (networkx, or igraph for big graphs) and vis-network's
  physics is off, so a 10,000-node page draws in ~2.5 s (measured) instead of hanging the tab.

Input contract (written by the store -> networkx projection): a ``networkx.MultiDiGraph``
whose nodes are IRI strings with ``kind`` "entity" or "statement" plus the attributes listed
above :data:`ENTITY_STYLES` and :data:`STATEMENT_STYLES`, and whose edges carry ``label``
(said, reported, denied, about, via, affiliation). Every string in it is untrusted.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

__all__ = [
    "EDGE_STYLES",
    "ENTITY_STYLES",
    "STATEMENT_STYLES",
    "render_html",
    "script_json",
    "short_label",
    "write_html",
]

# Graphs up to this many nodes are laid out with networkx's spring_layout (no extra
# dependency); bigger ones with igraph's Fruchterman-Reingold when igraph is importable.
# The brief suggested ~2,000, but spring_layout switches to a slower sparse solver at 500
# nodes: measured here 0.7 s at 499, 2.7 s at 500, 7 s at 1,000 and 11 s at 2,000 nodes,
# against 0.25 s for igraph at 3,000 and 0.7 s at 10,000. Without igraph, networkx does all.
NX_LAYOUT_MAX_NODES = 499
# Above this many nodes the page drops what makes each redraw slow (focus animations, arrow
# heads, dashed edges) and hides edges while dragging or zooming: one redraw of 10k nodes
# costs ~110 ms without arrows and ~220 ms with them (measured), so animation would stutter.
LARGE_GRAPH_NODES = 3000
# Words of a statement shown on its box; the full text is in the tooltip and side panel.
STATEMENT_LABEL_WORDS = 6
# Six words can still be long (URLs, markup); boxes stay small enough to read the graph.
STATEMENT_LABEL_MAX_CHARS = 60
ENTITY_LABEL_MAX_CHARS = 40


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
_UNKNOWN_ENTITY = NodeStyle("Other", "dot", "#e2e8f0", "#718096")

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
}
_UNKNOWN_EDGE = EdgeStyle("#cbd5e0")

# Characters that must not appear literally inside a <script> data block (they could end it,
# open an HTML comment, or break older JS parsers), plus lone surrogates, which json.dumps
# would otherwise write raw and which cannot be encoded as UTF-8.
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")
_WORDS = re.compile(r"\S+")


def render_html(graph: nx.MultiDiGraph, *, title: str, note: str | None = None) -> str:
    """Return a complete, self-contained HTML page drawing ``graph``.

    ``title`` and ``note`` are shown in the header (escaped). The page exposes vis-network's
    ``window.network`` plus the ``window.nodes``/``window.edges`` DataSets, as pyvis pages
    do, so users' scripts and tests can inspect it.
    """
    from pyvis.network import Network  # imported here: only the HTML view needs it

    positions = _layout(graph)
    net = Network(directed=True, heading="")
    net.nodes, details = _vis_nodes(graph, positions)
    large = graph.number_of_nodes() > LARGE_GRAPH_NODES
    net.edges = _vis_edges(graph, dashes=not large)
    net.options = _vis_options(graph.number_of_nodes(), graph.number_of_edges())
    vis_nodes, vis_edges, _heading, _height, _width, options_json = net.get_network_data()

    payload = {
        "nodes": vis_nodes,
        "edges": vis_edges,
        "options": json.loads(options_json),
        "details": details,
        "large": large,
    }
    vis_js, vis_css = _vis_assets()
    app_js = _asset("network.js")
    scripts = [vis_js, app_js]
    for script in scripts:
        _check_inline(script, "script")
    for style in (vis_css, _asset("network.css")):
        _check_inline(style, "style")

    return _template().render(
        title=title,
        note=note,
        csp=_markup(_csp(scripts)),
        vis_css=vis_css,
        page_css=_asset("network.css"),
        vis_js=vis_js,
        app_js=app_js,
        data_json=script_json(payload),
        counts=_counts(graph),
        entity_legend=_legend(ENTITY_STYLES, graph, "entity"),
        statement_legend=_legend(STATEMENT_STYLES, graph, "statement"),
        edge_legend=[
            (name, style.color, bool(style.dashes) and not large)
            for name, style in EDGE_STYLES.items()
        ],
    )


def write_html(
    graph: nx.MultiDiGraph, path: str | Path, *, title: str, note: str | None = None
) -> None:
    """Write :func:`render_html`'s page to ``path`` as UTF-8.

    ``newline=""`` keeps the bytes exactly as rendered: the CSP hashes cover the script text,
    and a platform newline translation inside a script would not change its parsed text but
    would make the file differ from what was tested.
    """
    page = render_html(graph, title=title, note=note)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(page)


def script_json(value: Any) -> str:
    """JSON for a ``<script type="application/json">`` block that no string can break out of.

    ``<``, ``>``, ``&``, U+2028, U+2029 and lone surrogates only ever occur inside JSON
    strings, so replacing them by ``\\uXXXX`` escapes keeps the JSON equal to the input while
    ``</script>``, ``<!--`` and friends can no longer appear in the HTML.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _SCRIPT_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def short_label(text: str, words: int = STATEMENT_LABEL_WORDS) -> str:
    """The first ``words`` words of ``text``, with "…" when anything was cut."""
    parts = _WORDS.findall(text)
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]) + "…"


# ---------------------------------------------------------------------------------------------
# graph -> vis-network lists


def _vis_nodes(
    graph: nx.MultiDiGraph, positions: Mapping[Any, tuple[float, float]]
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """vis-network node dicts, and per-node details for the side panel and search.

    Details are kept out of the vis DataSet so vis does not carry the article context of
    every node around; the page looks them up by node id.
    """
    vis_nodes: list[dict[str, Any]] = []
    details: dict[str, dict[str, Any]] = {}
    degree = dict(graph.degree())
    for node, attrs in graph.nodes(data=True):
        node_id = str(node)
        x, y = positions.get(node, (0.0, 0.0))
        deg = degree.get(node, 0)
        if attrs.get("kind") == "statement":
            vis_node, detail = _statement_node(node_id, attrs)
        else:
            vis_node, detail = _entity_node(node_id, attrs)
        vis_node.update(x=round(x, 1), y=round(y, 1), size=_node_size(deg))
        detail["degree"] = deg
        vis_nodes.append(vis_node)
        details[node_id] = detail
    return vis_nodes, details


def _entity_node(node_id: str, attrs: Mapping[str, Any]) -> tuple[dict[str, Any], dict]:
    etype = _text(attrs.get("type")) or "Entity"
    style = ENTITY_STYLES.get(etype, _UNKNOWN_ENTITY)
    label = _text(attrs.get("label")) or _iri_tail(node_id)
    aliases = _texts(attrs.get("aliases"))
    titles = _texts(attrs.get("titles"))
    mentions = _int(attrs.get("mentions"))
    tooltip = [f"{label} ({style.name})"]
    if aliases:
        tooltip.append("Also: " + "; ".join(aliases))
    if titles:
        tooltip.append("Titles: " + "; ".join(titles))
    if mentions is not None:
        tooltip.append(f"Mentioned in {mentions} article{'s' if mentions != 1 else ''}")
    vis_node: dict[str, Any] = {
        "id": node_id,
        "label": _truncate(label, ENTITY_LABEL_MAX_CHARS),
        "title": "\n".join(tooltip),
        "shape": style.shape,
        "color": _node_color(style),
        "font": {"color": style.font_color},
    }
    detail = {
        "kind": "entity",
        "type": etype,
        "typeName": style.name,
        "label": label,
        "aliases": aliases,
        "titles": titles,
        "mentions": mentions,
    }
    return vis_node, detail


def _statement_node(node_id: str, attrs: Mapping[str, Any]) -> tuple[dict[str, Any], dict]:
    stype = _text(attrs.get("type")) or "Statement"
    style = STATEMENT_STYLES.get(stype, STATEMENT_STYLES["Statement"])
    text = _text(attrs.get("text"))
    speaker = _text(attrs.get("speaker"))
    cue = _text(attrs.get("cue"))
    article_title = _text(attrs.get("article_title"))
    tooltip = [f"{style.name}: {text}"]
    if speaker:
        tooltip.append(f"Speaker: {speaker}")
    if cue:
        tooltip.append(f"Cue: {cue}")
    if article_title:
        tooltip.append(f"Article: {article_title}")
    vis_node = {
        "id": node_id,
        "label": _truncate(short_label(text), STATEMENT_LABEL_MAX_CHARS) or style.name,
        "title": "\n".join(tooltip),
        "shape": style.shape,
        "color": _node_color(style),
        "font": {"color": style.font_color, "size": 12},
        "margin": 6,
        "widthConstraint": {"maximum": 200},
    }
    detail = {
        "kind": "statement",
        "type": stype,
        "typeName": style.name,
        "text": text,
        "speaker": speaker,
        "cue": cue,
        "direct": bool(attrs.get("direct")),
        "articleTitle": article_title,
        "articleDate": _text(attrs.get("article_date")),
        "articleUrl": _text(attrs.get("article_url")),
        "sourceFile": _text(attrs.get("source_file")),
        "context": _text(attrs.get("context")),
    }
    return vis_node, detail


def _vis_edges(graph: nx.MultiDiGraph, *, dashes: bool = True) -> list[dict[str, Any]]:
    """One vis edge dict per multigraph edge, built in one pass (pyvis's add_edge is O(E)).

    ``dashes=False`` draws every edge solid: canvas dash patterns are slow, and on big graphs
    the colour alone tells via and affiliation edges apart.
    """
    vis_edges: list[dict[str, Any]] = []
    for number, (u, v, attrs) in enumerate(graph.edges(data=True)):
        label = _text(attrs.get("label"))
        style = EDGE_STYLES.get(label, _UNKNOWN_EDGE)
        edge: dict[str, Any] = {
            "id": f"e{number}",
            "from": str(u),
            "to": str(v),
            "label": label,
            "title": label,
            "color": {"color": style.color, "highlight": "#1a202c", "hover": "#1a202c"},
            "width": style.width,
        }
        if dashes and style.dashes:
            edge["dashes"] = style.dashes
        vis_edges.append(edge)
    return vis_edges


def _vis_options(n_nodes: int, n_edges: int) -> dict[str, Any]:
    """vis-network options: positions come from Python, so physics is off and edges straight."""
    large = n_nodes > LARGE_GRAPH_NODES
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large or n_edges > 2 * LARGE_GRAPH_NODES,
            "hideEdgesOnZoom": large,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": False,
        },
        "nodes": {
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
            "font": {"size": 14, "face": "system-ui, -apple-system, Segoe UI, sans-serif"},
        },
        "edges": {
            "smooth": False,
            # arrow heads cost ~100 ms per redraw at 10k nodes and are specks at that zoom;
            # the side panel lists each link's direction
            "arrows": {"to": {"enabled": not large, "scaleFactor": 0.5}},
            "font": {
                "size": 10,
                "color": "#4a5568",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
            "selectionWidth": 2,
        },
    }


def _node_color(style: NodeStyle) -> dict[str, Any]:
    return {
        "background": style.background,
        "border": style.border,
        "highlight": {"background": style.background, "border": "#1a202c"},
        "hover": {"background": style.background, "border": "#1a202c"},
    }


def _node_size(degree: int) -> float:
    """Radius grows with the square root of degree so hubs stand out without swallowing all."""
    return round(min(48.0, 10.0 + 4.0 * math.sqrt(degree)), 1)


# ---------------------------------------------------------------------------------------------
# layout


def _layout(graph: nx.MultiDiGraph) -> dict[Any, tuple[float, float]]:
    """Node positions in pixels, centred on 0, spread wider for bigger graphs."""
    n = graph.number_of_nodes()
    if n == 0:
        return {}
    unit = None
    if n > NX_LAYOUT_MAX_NODES:
        unit = _igraph_layout(graph)
    if unit is None:
        simple = nx.Graph()
        simple.add_nodes_from(graph)
        simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
        unit = nx.spring_layout(simple, seed=42, iterations=50 if n <= NX_LAYOUT_MAX_NODES else 30)
    extent = min(8000.0, max(600.0, 120.0 * math.sqrt(n)))
    return {node: (float(x) * extent, float(y) * extent) for node, (x, y) in unit.items()}


def _igraph_layout(graph: nx.MultiDiGraph) -> dict[Any, tuple[float, float]] | None:
    """Fruchterman-Reingold via igraph, scaled into [-1, 1]; None when igraph is missing."""
    try:
        import igraph  # optional: only big graphs need it
    except ImportError:
        return None
    order = list(graph.nodes())
    index = {node: i for i, node in enumerate(order)}
    ig = igraph.Graph(n=len(order), edges=[(index[u], index[v]) for u, v in graph.edges()])
    # igraph draws its random start from Python's `random` module. Seeding it (and restoring
    # the caller's state) makes the page reproducible. Passing our own `seed=` start layout
    # instead was measured 25-90x slower (7 s versus 0.25 s at 3,000 nodes).
    state = random.getstate()
    random.seed(42)
    try:
        coords = ig.layout_fruchterman_reingold().coords
    finally:
        random.setstate(state)
    return dict(zip(order, _normalise(coords), strict=True))


def _normalise(coords: Iterable[Iterable[float]]) -> list[tuple[float, float]]:
    points = [(float(p[0]), float(p[1])) for p in coords]
    if not points:
        return []
    cx = sum(x for x, _ in points) / len(points)
    cy = sum(y for _, y in points) / len(points)
    radius = max(max(abs(x - cx), abs(y - cy)) for x, y in points) or 1.0
    return [((x - cx) / radius, (y - cy) / radius) for x, y in points]


# ---------------------------------------------------------------------------------------------
# page furniture


def _counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    statements = sum(1 for _, kind in graph.nodes(data="kind") if kind == "statement")
    return {
        "entities": graph.number_of_nodes() - statements,
        "statements": statements,
        "edges": graph.number_of_edges(),
    }


def _legend(
    styles: Mapping[str, NodeStyle], graph: nx.MultiDiGraph, kind: str
) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for _, attrs in graph.nodes(data=True):
        if (attrs.get("kind") == "statement") == (kind == "statement"):
            key = _text(attrs.get("type"))
            counts[key] = counts.get(key, 0) + 1
    return [
        {
            "name": style.name,
            "shape": style.shape,
            "background": style.background,
            "border": style.border,
            "count": counts.get(key, 0),
        }
        for key, style in styles.items()
    ]


def _csp(scripts: Iterable[str]) -> str:
    """The page's Content-Security-Policy: only these exact inline scripts may run.

    The hash is over the script element's text as the browser sees it, i.e. the UTF-8 bytes
    between ``<script>`` and ``</script>``; :func:`_check_inline` makes sure the HTML parser
    will not alter that text (no carriage returns, no NUL).
    """
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in scripts
    )
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def _markup(csp: str) -> Any:
    """Mark the CSP (our constants and base64 hashes only) as safe, so its quotes stay quotes."""
    import markupsafe

    if not re.fullmatch(r"[A-Za-z0-9+/=' ;:.-]*", csp):
        raise RuntimeError("unexpected character in Content-Security-Policy")
    return markupsafe.Markup(csp)


def _check_inline(text: str, tag: str) -> None:
    """Refuse asset text that could end its element early or be changed by the HTML parser."""
    lowered = text.lower()
    if f"</{tag}" in lowered or "<!--" in lowered or "\r" in text or "\0" in text:
        raise RuntimeError(f"inline {tag} asset cannot be embedded safely")


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's minified JS and CSS as bundled with pyvis (newest bundled version).

    The source-map comment is dropped: it points at a file that does not exist here.
    """
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib"
    candidates = sorted(
        (d for d in lib.glob("vis-*") if (d / "vis-network.min.js").is_file()),
        key=lambda d: tuple(int(p) for p in re.findall(r"\d+", d.name)),
    )
    if not candidates:
        raise RuntimeError(f"pyvis at {lib} bundles no vis-network")
    folder = candidates[-1]
    js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    js = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", js)
    return js, css


@cache
def _asset(name: str) -> str:
    """A file from kg/views/templates (package data, so it also works from a wheel)."""
    folder = resources.files("kg.views").joinpath("templates")
    return folder.joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _template() -> Any:
    import jinja2

    env = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    return env.from_string(_asset("network.html"))


# ---------------------------------------------------------------------------------------------
# attribute coercion: the projection is written by someone else, so be lenient about types


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _texts(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [_text(v) for v in value if _text(v)]


def _int(value: Any) -> int | None:
    try:
        return None if value is None or value == "" else int(value)
    except (TypeError, ValueError):
        return None


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _iri_tail(iri: str) -> str:
    tail = re.split(r"[/#]", iri.rstrip("/#"))[-1]
    return tail or iri
