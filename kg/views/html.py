"""Render the networkx projection of the store as one self-contained, interactive HTML page.

Why not ``pyvis.Network.write_html``: pyvis's own templates fetch Bootstrap and (with
``cdn_resources="local"``) vis-network from CDNs, write the heading and select-menu ids
unescaped, render every tooltip as raw HTML as soon as one contains ``href``, and its
``add_edge`` is quadratic (see shared/spec/browser-testing.md); even importing it costs ~0.8 s.
Article text is untrusted, so this module takes from pyvis only the vis-network JS/CSS it
bundles (found on disk, not imported), fills vis-network's node and edge lists directly, and
writes the page itself:

* every script and style is inline; nothing is loaded from anywhere;
* the graph travels as JSON in a ``<script type="application/json">`` block with ``<``, ``>``,
  ``&``, U+2028/U+2029 and lone surrogates escaped, so no text can close the block;
* all other text goes through Jinja2's HTML autoescaping;
* a Content-Security-Policy allows exactly our inline scripts (by sha256), so even a missed
  escape could not run injected script;
* tooltips are plain strings (vis-network renders them with ``innerText``), and the page
  script builds the search results and side panel with ``textContent``/``createElement``;
* node positions are computed in Python (:mod:`kg.views.layout`, igraph) and vis-network's
  physics is off, so a 10,000-node page draws in a few seconds instead of hanging the tab,
  fed to vis-network in chunks so no main-thread task runs long (benchmarks/viz.py).

Input contract (written by the store -> networkx projection): a ``networkx.MultiDiGraph``
whose nodes are IRI strings with ``kind`` "entity" or "statement" plus the attributes listed
above ``ENTITY_STYLES`` and ``STATEMENT_STYLES`` in :mod:`kg.views.styles` (entities may
also carry ``statements_total``, see :func:`kg.views.select.budget`), and whose edges carry
``label`` (said, reported, denied, about, via, affiliation, and between statements
"denies" and "same claim"). Every string in it is untrusted.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import importlib.util
import json
import math
import re
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from kg.views.graph import ACT_OF_KIND, CLAIM_LINKS, short_label
from kg.views.layout import components, pack
from kg.views.sizing import FIT_CANVAS, bounds, box, grouped, label_sizes
from kg.views.styles import (
    EDGE_STYLES,
    ENTITY_STYLES,
    STATEMENT_STYLES,
    UNKNOWN_EDGE,
    UNKNOWN_ENTITY,
    Group,
    NodeStyle,
    community_styles,
    node_color,
    truncate,
)

__all__ = [
    "EDGE_STYLES",
    "ENTITY_STYLES",
    "STATEMENT_STYLES",
    "render_html",
    "script_json",
    "short_label",
    "write_html",
]

# Above this many nodes the page drops what makes each redraw slow (focus animations, arrow
# heads, dashed edges) and hides edges while dragging or zooming: one redraw of 10k nodes
# costs ~110 ms without arrows and ~220 ms with them (measured), so animation would stutter.
LARGE_GRAPH_NODES = 3000
# Words of a statement shown on its box; the full text is in the tooltip and side panel.
# Six words can still be long (URLs, markup); boxes stay small enough to read the graph.
STATEMENT_LABEL_MAX_CHARS = 60
ENTITY_LABEL_MAX_CHARS = 40


# Characters that must not appear literally inside a <script> data block (they could end it,
# open an HTML comment, or break older JS parsers), plus lone surrogates, which json.dumps
# would otherwise write raw and which cannot be encoded as UTF-8.
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")


def render_html(
    graph: nx.MultiDiGraph,
    *,
    title: str,
    note: str | None = None,
    communities: Mapping[Any, int] | None = None,
    ranks: Mapping[Any, float] | None = None,
    written: str | None = None,
) -> str:
    """Return a complete, self-contained HTML page drawing ``graph``.

    ``title`` and ``note`` are shown in the header (escaped). ``communities`` (node -> group
    number, see :func:`kg.views.select.communities`) colours entities by group instead of
    by type; ``ranks`` (node -> centrality) decides whose names are drawn large enough to
    read before zooming in (degree when absent); ``written`` is the date shown in the
    header (today when absent). The page exposes vis-network's ``window.network`` plus the
    ``window.nodes``/``window.edges`` DataSets, as pyvis pages do, so users' scripts and
    tests can inspect it.
    """
    pieces = components(graph)
    groups, group_of = community_styles(graph, communities or {}, ranks)
    vis_nodes, details = _vis_nodes(graph, group_of, groups)
    # label sizes depend on the zoom the page opens at, which depends on how far apart the
    # labels must be moved: estimate with plain labels, then separate with the final ones
    first = pieces.separated({n["id"]: box(n) for n in vis_nodes})
    if label_sizes(vis_nodes, details, first.extent(), ranks):
        first = pieces.separated({n["id"]: box(n) for n in vis_nodes})
    positions = pack(first, canvas=FIT_CANVAS)
    for node in vis_nodes:
        node["x"], node["y"] = positions.get(node["id"], (0.0, 0.0))
    large = graph.number_of_nodes() > LARGE_GRAPH_NODES
    vis_edges = _vis_edges(graph, dashes=not large, labels=not large)
    options = _vis_options(graph.number_of_nodes(), graph.number_of_edges())
    frame = bounds(vis_nodes)  # before grouping: box() reads each node's own style
    options["groups"] = grouped(vis_nodes)

    payload = {
        "bounds": frame,
        "nodes": vis_nodes,
        "edges": vis_edges,
        "options": options,
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
        written=written or datetime.date.today().isoformat(),
        csp=_markup(_csp(scripts)),
        vis_css=vis_css,
        page_css=_asset("network.css"),
        vis_js=vis_js,
        app_js=app_js,
        data_json=script_json(payload),
        counts=_counts(graph),
        entity_legend=_legend(ENTITY_STYLES, graph, "entity"),
        statement_legend=_legend(STATEMENT_STYLES, graph, "statement"),
        community_legend=[
            {"name": g.name, "background": g.background, "border": g.border, "count": g.count}
            for g in groups
        ],
        edge_legend=[
            (name, style.color, bool(style.dashes) and not large)
            for name, style in EDGE_STYLES.items()
            if name not in CLAIM_LINKS
        ],
        claim_legend=[
            (name, style.color, bool(style.dashes) and not large)
            for name, style in EDGE_STYLES.items()
            if name in CLAIM_LINKS
        ],
        claim_links=sum(1 for _, _, label in graph.edges(data="label") if label in CLAIM_LINKS),
    )


def write_html(graph: nx.MultiDiGraph, path: str | Path, *, title: str, **options: Any) -> None:
    """Write :func:`render_html`'s page (same keyword options) to ``path`` as UTF-8.

    ``newline=""`` keeps the bytes exactly as rendered: the CSP hashes cover the script text,
    and a platform newline translation inside a script would not change its parsed text but
    would make the file differ from what was tested.
    """
    page = render_html(graph, title=title, **options)
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


# ---------------------------------------------------------------------------------------------
# graph -> vis-network lists


def _vis_nodes(
    graph: nx.MultiDiGraph,
    communities: Mapping[Any, int],
    groups: list[Group],
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
        deg = degree.get(node, 0)
        if attrs.get("kind") == "statement":
            vis_node, detail = _statement_node(node_id, attrs)
        else:
            vis_node, detail = _entity_node(node_id, attrs)
            group = communities.get(node)
            if group is not None:
                style = groups[group]
                vis_node["color"] = node_color(style)
                detail["community"] = style.name
        vis_node["size"] = _node_size(deg)
        detail["degree"] = deg
        vis_nodes.append(vis_node)
        details[node_id] = detail
    return vis_nodes, details


def _entity_node(node_id: str, attrs: Mapping[str, Any]) -> tuple[dict[str, Any], dict]:
    etype = _text(attrs.get("type")) or "Entity"
    style = ENTITY_STYLES.get(etype, UNKNOWN_ENTITY)
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
        "label": truncate(label, ENTITY_LABEL_MAX_CHARS),
        "title": "\n".join(tooltip),
        "shape": style.shape,
        "color": node_color(style),
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
        "statementsTotal": _int(attrs.get("statements_total")),
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
        "label": truncate(short_label(text), STATEMENT_LABEL_MAX_CHARS) or style.name,
        "title": "\n".join(tooltip),
        "shape": style.shape,
        "color": node_color(style),
        "font": {"color": style.font_color, "size": 13},
        "margin": 6,
        "widthConstraint": {"maximum": 170},
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
        "claim": _text(attrs.get("claim")),
        "claimArticles": _int(attrs.get("claim_articles")),
        "denies": _texts(attrs.get("denies")),
    }
    return vis_node, detail


def _vis_edges(
    graph: nx.MultiDiGraph, *, dashes: bool = True, labels: bool = True
) -> list[dict[str, Any]]:
    """One vis edge dict per multigraph edge, built in one pass (pyvis's add_edge is O(E)).

    ``dashes=False`` draws every edge solid: canvas dash patterns are slow, and on big graphs
    the colour alone tells via and affiliation edges apart. ``labels=False`` leaves the
    relation off the canvas (vis-network measures every label's text when it builds the
    network, and at a 10,000-node zoom they are specks); it stays in ``rel``, which the
    page's side panel reads, and in the tooltip. Highlight colours are set once in the
    options rather than on each edge.
    """
    vis_edges: list[dict[str, Any]] = []
    for number, (u, v, attrs) in enumerate(graph.edges(data=True)):
        label = _text(attrs.get("label"))
        style = EDGE_STYLES.get(label, UNKNOWN_EDGE)
        edge: dict[str, Any] = {
            "id": f"e{number}",
            "from": str(u),
            "to": str(v),
            "rel": label,
            "title": label,
            "color": style.color,
            "width": style.width,
        }
        if labels:
            edge["label"] = label
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
            # labels under 8 px are not drawn (unreadable smudges that hide the shapes);
            # the big names of central entities stop growing at 26 px when zooming in
            "scaling": {"label": {"drawThreshold": 8, "maxVisible": 26}},
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
            "color": {"highlight": "#1a202c", "hover": "#1a202c"},
        },
    }


def _node_size(degree: int) -> float:
    """Radius grows with the square root of degree so hubs stand out without swallowing all."""
    return round(min(48.0, 10.0 + 4.0 * math.sqrt(degree)), 1)


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
            "key": key,
            "act": ACT_OF_KIND.get(key, ""),
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
    # found, not imported: importing pyvis costs ~0.8 s (it pulls in IPython/jinja setup)
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed: it provides the vis-network script")
    lib = Path(next(iter(spec.submodule_search_locations))) / "lib"
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


def _iri_tail(iri: str) -> str:
    tail = re.split(r"[/#]", iri.rstrip("/#"))[-1]
    return tail or iri
