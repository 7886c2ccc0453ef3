"""Tests for kg.views.html: the self-contained network page.

The unit tests read the page as HTML; the browser tests (marked ``browser``) open it in
Debian's headless Chromium with the network blocked, because the properties that matter --
nothing is fetched, injected markup stays inert, search and panel work under the CSP -- only
show in a real browser.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from kg.views.html import LARGE_GRAPH_NODES, render_html, script_json, short_label, write_html
from kg.views.styles import COMMUNITY_COLOURS, STATEMENT_STYLES
from tests.browser import (
    ARTIFACTS,
    Opened,
    assert_clean,
    chromium_context,
    click_node,
    node_point,
    open_page,
    wait_selected,
)

IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=2</script>"
BREAKOUT = "</script><script>window.__pwned=3</script>"
MALICIOUS = f"{IMG} {SCRIPT} {BREAKOUT} \"href\" 'single' back\\slash \u2028 line\u2029 end"
PAYLOADS = [IMG, SCRIPT, BREAKOUT, "\u2028", "\u2029"]

P = "urn:test:"
LAVROV, HRW, REUTERS, ANON, UKRAINE, RUSSIA, EVIL = (
    P + name for name in ("lavrov", "hrw", "reuters", "anon", "ukraine", "russia", "evil")
)
FINDING, DENIAL, STATEMENT, BAD = (P + name for name in ("s1", "s2", "s3", "s4"))
FINDING_TEXT = (
    "the strikes hit civilian infrastructure in at least twelve towns across the region "
    "during the winter months"
)
FINDING_ARTICLE = "Rights group documents strikes on power stations"


def _entity(kind: str, label: str, **extra: Any) -> dict[str, Any]:
    attrs: dict[str, Any] = {
        "kind": "entity",
        "type": kind,
        "label": label,
        "aliases": [],
        "titles": [],
        "mentions": 1,
    }
    attrs.update(extra)
    return attrs


def _statement(kind: str, text: str, speaker: str, cue: str, **extra: Any) -> dict[str, Any]:
    attrs = {
        "kind": "statement",
        "type": kind,
        "text": text,
        "speaker": speaker,
        "cue": cue,
        "direct": False,
        "article_title": "Talks stall as rights group reports strikes",
        "article_date": "2024-03-02",
        "article_url": "https://example.org/news/talks-stall",
        "source_file": "talks.txt",
        "context": f"Earlier this week, {speaker} {cue} that {text}.",
    }
    attrs.update(extra)
    return attrs


def build_graph() -> nx.MultiDiGraph:
    """A small hand-made projection: one of each node type, every edge label, one attack."""
    g = nx.MultiDiGraph()
    g.add_node(
        LAVROV,
        **_entity(
            "Person",
            "Sergey Lavrov",
            aliases=["Lavrov", "Sergei Lavrov"],
            titles=["Foreign Minister"],
            mentions=3,
        ),
    )
    g.add_node(HRW, **_entity("Organization", "Human Rights Watch", aliases=["HRW"]))
    g.add_node(REUTERS, **_entity("NewsOrganization", "Reuters"))
    g.add_node(ANON, **_entity("UnnamedSource", "a senior official"))
    g.add_node(UKRAINE, **_entity("Place", "Ukraine"))
    g.add_node(RUSSIA, **_entity("Place", "Russia"))
    g.add_node(EVIL, **_entity("Person", f"Evil {IMG} \"href\" 'x'", aliases=[SCRIPT]))

    g.add_node(
        FINDING,
        **_statement(
            "Finding",
            FINDING_TEXT,
            "Human Rights Watch",
            "found",
            article_title=FINDING_ARTICLE,
        ),
    )
    g.add_node(
        DENIAL,
        **_statement(
            "Denial",
            "Russian forces had never targeted civilian sites",
            "Sergey Lavrov",
            "denied",
            direct=True,
        ),
    )
    g.add_node(
        STATEMENT,
        **_statement("Statement", "the talks would resume next week", "a senior official", "said"),
    )
    g.add_node(
        BAD,
        **_statement(
            "Statement",
            MALICIOUS,
            f"Evil {IMG}",
            "said",
            article_title=f"{BREAKOUT} {IMG}",
            article_url="javascript:window.__pwned=4",
            context=MALICIOUS,
        ),
    )

    g.add_edge(HRW, FINDING, label="reported")
    g.add_edge(FINDING, UKRAINE, label="about")
    g.add_edge(FINDING, REUTERS, label="via")
    g.add_edge(LAVROV, DENIAL, label="denied")
    g.add_edge(DENIAL, HRW, label="about")
    g.add_edge(LAVROV, RUSSIA, label="affiliation")
    g.add_edge(ANON, STATEMENT, label="said")
    g.add_edge(STATEMENT, REUTERS, label="via")
    g.add_edge(STATEMENT, LAVROV, label="about")
    g.add_edge(EVIL, BAD, label="said")
    g.add_edge(BAD, HRW, label="about")
    return g


TITLE = f"Test page {IMG}"
NOTE = f"Note {SCRIPT} & more"


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return build_graph()


WRITTEN = "2024-05-01"


@pytest.fixture(scope="module")
def page_html(graph: nx.MultiDiGraph) -> str:
    return render_html(graph, title=TITLE, note=NOTE, written=WRITTEN)


def evil_communities(graph: nx.MultiDiGraph) -> dict[str, int]:
    """EVIL alone in a community, so the legend names it: "around Evil <img ...>"."""
    return {n: int(n == EVIL) for n, k in graph.nodes(data="kind") if k == "entity"}


class _Tags(HTMLParser):
    """Collects start tags with attributes, and the text of each <script> element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script, self._text = dict(attrs), []

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._text)))
            self._in_script = None


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


def _data_block(page: str) -> dict[str, Any]:
    scripts = [text for attrs, text in _parse(page).scripts if attrs.get("id") == "kg-data"]
    assert len(scripts) == 1
    return json.loads(scripts[0])


def _styled(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each node as vis-network sees it: its group's style under its own attributes."""
    groups = data["options"]["groups"]
    out = {}
    for node in data["nodes"]:
        style = json.loads(json.dumps(groups[node["group"]]))
        font = {**style.get("font", {}), **node.get("font", {})}
        out[node["id"]] = {**style, **node, "font": font}
    return out


# ---------------------------------------------------------------------------------------------
# unit tests


def test_page_loads_nothing_from_outside(page_html: str) -> None:
    parsed = _parse(page_html)
    tag_names = {tag for tag, _ in parsed.tags}
    assert not tag_names & {"link", "img", "iframe", "object", "embed", "base", "form"}
    for tag, attrs in parsed.tags:
        for name in ("src", "href", "action", "data", "srcset", "poster"):
            assert attrs.get(name) is None, f"<{tag} {name}=...> would load something"
    assert not re.search(r"""src\s*=\s*["']?\s*(https?:)?//""", page_html, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(https?:)?//""", page_html, re.I)
    assert "@import" not in page_html
    assert "sourceMappingURL" not in page_html


def test_csp_allows_exactly_our_inline_scripts(page_html: str) -> None:
    parsed = _parse(page_html)
    metas = [
        attrs
        for tag, attrs in parsed.tags
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy"
    ]
    assert len(metas) == 1
    policy = {
        d.split()[0]: d.split()[1:] for d in (metas[0]["content"] or "").split(";") if d.strip()
    }
    assert policy["default-src"] == ["'none'"]
    assert policy["img-src"] == ["data:"]
    script_src = policy["script-src"]
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]+={0,2}'", s) for s in script_src)

    executable = [text for attrs, text in parsed.scripts if attrs.get("type") is None]
    assert len(executable) == 2  # vis-network and the page script
    for text in executable:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in script_src
    assert len(script_src) == len(executable)
    # the CSP meta must come before any script to apply to it
    assert page_html.index("Content-Security-Policy") < page_html.index("<script")


def test_injected_markup_never_appears_raw(page_html: str) -> None:
    for payload in PAYLOADS:
        assert payload not in page_html
    parsed = _parse(page_html)
    assert [tag for tag, _ in parsed.tags].count("script") == 3
    # escaped, yet shown: the title and note are in the page as text
    assert "Test page &lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in page_html
    assert "Note &lt;script&gt;window.__pwned=2&lt;/script&gt; &amp; more" in page_html


def test_data_block_round_trips_untrusted_text(page_html: str, graph: nx.MultiDiGraph) -> None:
    data = _data_block(page_html)
    assert {n["id"] for n in data["nodes"]} == set(graph.nodes)
    assert len(data["edges"]) == graph.number_of_edges()
    bad = data["details"][BAD]
    assert bad["text"] == MALICIOUS
    assert bad["articleTitle"] == f"{BREAKOUT} {IMG}"
    assert data["details"][EVIL]["label"].startswith(f"Evil {IMG}")
    tooltip = next(n["title"] for n in data["nodes"] if n["id"] == BAD)
    assert isinstance(tooltip, str) and MALICIOUS in tooltip


def test_script_json_escapes_everything_that_could_end_the_block() -> None:
    value = {"k</script>": '</script><!-- & > \u2028\u2029 \ud800 \\ "'}
    text = script_json(value)
    for raw in ("<", ">", "&", "\u2028", "\u2029", "\ud800"):
        assert raw not in text
    assert json.loads(text) == value


def test_nodes_styles_layout_and_options(page_html: str, graph: nx.MultiDiGraph) -> None:
    data = _data_block(page_html)
    by_id = _styled(data)
    assert len(data["options"]["groups"]) == 8  # five entity types, three statement kinds
    shapes = {by_id[n]["shape"] for n in (LAVROV, HRW, REUTERS, UKRAINE)}
    assert len(shapes) == 4  # entity types are told apart by shape as well as colour
    colours = {by_id[n]["color"]["background"] for n in (FINDING, DENIAL, STATEMENT)}
    assert len(colours) == 3
    assert by_id[FINDING]["shape"] == "box"
    assert by_id[FINDING]["label"] == "the strikes hit civilian infrastructure in…"
    assert "Speaker: Human Rights Watch" in by_id[FINDING]["title"]
    assert f"Article: {FINDING_ARTICLE}" in by_id[FINDING]["title"]
    assert by_id[HRW]["size"] > by_id[RUSSIA]["size"]  # degree 3 versus 1
    for node in data["nodes"]:
        assert abs(node["x"]) <= 1000 and abs(node["y"]) <= 1000
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == graph.number_of_nodes()
    assert {e["label"] for e in data["edges"]} == {"reported", "about", "via", "denied", "said"} | {
        "affiliation"
    }
    assert data["options"]["physics"]["enabled"] is False
    assert data["options"]["edges"]["smooth"] is False


def test_header_and_legend(page_html: str) -> None:
    assert "7 entities · 4 statements · 11 links" in page_html
    assert f'page written <time datetime="{WRITTEN}">{WRITTEN}</time>' in page_html
    # every entity type and statement kind in the legend is also a filter checkbox
    for value in ("Person", "Organization", "NewsOrganization", "Place", "UnnamedSource"):
        assert f'data-filter="type" value="{value}"' in page_html
    for value in ("Statement", "Finding", "Denial"):
        assert f'data-filter="type" value="{value}"' in page_html
    assert "Communities" not in page_html  # only with communities
    for name in ("Person", "Organisation", "News organisation", "Place", "Unnamed source"):
        assert f"</span>{name} <span" in page_html
    for name in ("Statement", "Finding", "Denial", "affiliation", "via"):
        assert f"</span>{name}" in page_html
    assert 'id="kg-search-input"' in page_html and 'id="kg-panel"' in page_html


def test_short_label() -> None:
    assert short_label("one two three") == "one two three"
    assert short_label("a b c d e f g h") == "a b c d e f…"
    assert short_label("  spaced\nout  words ") == "spaced out words"


def test_empty_graph_and_no_note() -> None:
    page = render_html(nx.MultiDiGraph(), title="Empty")
    assert "0 entities · 0 statements · 0 links" in page
    assert "kg-note" not in page.split("</style>")[-1]
    assert _data_block(page)["nodes"] == []


def big_graph() -> nx.MultiDiGraph:
    """A binary tree of people, big enough for the page's large-graph mode."""
    n = LARGE_GRAPH_NODES + 500
    g = nx.MultiDiGraph()
    for i in range(n):
        g.add_node(f"urn:n{i}", kind="entity", type="Person", label=f"Person {i}")
    for i in range(1, n):
        g.add_edge(f"urn:n{i}", f"urn:n{i // 2}", label="via")
    return g


def test_big_graph_drops_slow_decorations() -> None:
    """Big graphs: the page drops what is slow to draw, and keeps what the panel needs."""
    g = big_graph()
    n = g.number_of_nodes()
    page = render_html(g, title="big")
    data = _data_block(page)
    assert not any("label" in edge for edge in data["edges"])  # measured, then unreadable
    assert {edge["rel"] for edge in data["edges"]} == {"via"}
    nodes = data["nodes"]
    assert len(nodes) == n
    assert data["large"] is True
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is False
    assert len({(node["x"], node["y"]) for node in nodes}) > n - 100
    assert not any("dashes" in edge for edge in data["edges"])


def test_write_html(tmp_path: Path, graph: nx.MultiDiGraph) -> None:
    out = tmp_path / "graph.html"
    write_html(graph, out, title="Written", note=None)
    text = out.read_bytes().decode("utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "Written" in text


def test_written_defaults_to_today(graph: nx.MultiDiGraph) -> None:
    import datetime

    assert f'page written <time datetime="{datetime.date.today().isoformat()}">' in render_html(
        graph, title="t"
    )


def test_communities_colour_entities_and_name_groups(graph: nx.MultiDiGraph) -> None:
    page = render_html(graph, title="t", communities=evil_communities(graph))
    data = _data_block(page)
    by_id = _styled(data)
    big, evil = COMMUNITY_COLOURS[0][0], COMMUNITY_COLOURS[1][0]
    assert by_id[HRW]["color"]["background"] == by_id[LAVROV]["color"]["background"] == big
    assert by_id[EVIL]["color"]["background"] == evil
    assert by_id[FINDING]["color"]["background"] == STATEMENT_STYLES["Finding"].background
    assert data["details"][EVIL]["community"].startswith("around Evil <img")
    assert "Communities" in page
    assert "around Evil &lt;img src=x onerror=" in page  # escaped in the legend
    assert IMG not in page


def test_entity_details_carry_statement_totals(graph: nx.MultiDiGraph) -> None:
    g = graph.copy()
    g.nodes[LAVROV]["statements_total"] = 12
    details = _data_block(render_html(g, title="t"))["details"]
    assert details[LAVROV]["statementsTotal"] == 12
    assert details[HRW]["statementsTotal"] is None


def test_central_names_are_readable_at_the_first_zoom() -> None:
    """300 nodes: the page opens zoomed out, so the most central names get big fonts."""
    g = nx.MultiDiGraph()
    for i in range(60):
        g.add_node(f"urn:e{i}", kind="entity", type="Person", label=f"Person {i}")
    for i in range(240):
        speaker = f"urn:e{i % 60}" if i < 120 else "urn:e0"
        g.add_node(f"urn:s{i}", kind="statement", type="Statement", text=f"said thing {i}")
        g.add_edge(speaker, f"urn:s{i}", label="said")
    ranks = {f"urn:e{i}": (100 - i) / 100 for i in range(60)}
    data = _data_block(render_html(g, title="t", ranks=ranks))
    fonts = {i: n["font"].get("size", 14) for i, n in _styled(data).items()}
    assert fonts["urn:e0"] > 14 and fonts["urn:e0"] >= fonts["urn:e30"]
    assert data["options"]["nodes"]["scaling"]["label"]["drawThreshold"] >= 5
    # and the layout keeps node boxes from piling up: no two nodes closer than 20 units
    points = [(n["x"], n["y"]) for n in data["nodes"]]
    closest = min(
        abs(a[0] - b[0]) + abs(a[1] - b[1]) for i, a in enumerate(points) for b in points[i + 1 :]
    )
    assert closest > 20


# ---------------------------------------------------------------------------------------------
# browser tests


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium_context(tmp_path_factory) as context:
        yield context


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory, graph: nx.MultiDiGraph) -> Path:
    path = tmp_path_factory.mktemp("html-view") / "graph.html"
    write_html(graph, path, title=TITLE, note=NOTE, communities=evil_communities(graph))
    return path


@pytest.fixture
def opened(browser_context: Any, page_file: Path) -> Iterator[Opened]:
    with open_page(browser_context, page_file) as result:
        yield result


@pytest.mark.browser
def test_browser_draws_every_node_offline(opened: Opened, graph: nx.MultiDiGraph) -> None:
    page = opened.page
    assert page.evaluate("network.body.data.nodes.length") == graph.number_of_nodes()
    assert page.evaluate("nodes.length") == graph.number_of_nodes()
    assert page.evaluate("edges.length") == graph.number_of_edges()
    assert page.evaluate("Object.keys(network.getPositions()).length") == graph.number_of_nodes()
    assert page.title() == TITLE
    assert page.locator("h1").text_content() == TITLE
    assert_clean(opened)


@pytest.mark.browser
def test_browser_search_by_alias_selects_node(opened: Opened) -> None:
    page = opened.page
    page.fill("#kg-search-input", "hrw")
    first = page.locator("#kg-search-results button").first
    assert first.get_attribute("data-node") == HRW
    assert "Human Rights Watch" in first.text_content()
    first.click()
    wait_selected(page, HRW)
    assert page.evaluate("network.getSelectedNodes()") == [HRW]
    assert "Human Rights Watch" in page.locator("#kg-panel-body").text_content()

    page.fill("#kg-search-input", "SERGEI")  # an alias, in another case; Enter picks it
    page.press("#kg-search-input", "Enter")
    wait_selected(page, LAVROV)
    panel = page.locator("#kg-panel-body").text_content()
    assert "Sergei Lavrov" in panel and "Foreign Minister" in panel
    assert_clean(opened)


@pytest.mark.browser
def test_browser_click_statement_shows_panel(opened: Opened) -> None:
    page = opened.page
    click_node(page, FINDING)
    wait_selected(page, FINDING)
    panel = page.locator("#kg-panel-body")
    text = panel.text_content()
    assert FINDING_TEXT in text
    assert FINDING_ARTICLE in text
    assert "Human Rights Watch" in text and "found" in text and "reported speech" in text
    link = panel.locator("a")
    assert link.get_attribute("href") == "https://example.org/news/talks-stall"
    assert "noopener" in (link.get_attribute("rel") or "")
    page.evaluate("network.fit({animation: false})")  # the whole graph, selection kept
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "html-view.png"))
    assert_clean(opened)


@pytest.mark.browser
def test_browser_big_page_is_built_in_chunks(browser_context: Any, tmp_path: Path) -> None:
    """Above a few thousand nodes the page feeds vis-network in chunks: all of it arrives."""
    g = big_graph()
    path = tmp_path / "big.html"
    write_html(g, path, title="big")
    with open_page(browser_context, path) as opened:
        page = opened.page
        assert page.evaluate("network.body.data.nodes.length") == g.number_of_nodes()
        assert page.evaluate("edges.length") == g.number_of_edges()
        page.evaluate("() => window.kgFocusNode('urn:n7')")
        page.wait_for_function("() => network.getSelectedNodes()[0] === 'urn:n7'")
        assert "Person 7" in page.locator("#kg-panel-body").text_content()
        assert_clean(opened)


@pytest.mark.browser
def test_browser_type_filters_hide_and_show(opened: Opened, graph: nx.MultiDiGraph) -> None:
    page = opened.page
    total = graph.number_of_nodes()
    people = sum(1 for _, d in graph.nodes(data=True) if d.get("type") == "Person")
    page.uncheck('#kg-legend input[value="Person"]')
    assert page.evaluate("network.body.data.nodes.length") == total - people
    assert page.evaluate("(id) => network.body.data.nodes.get(id)", LAVROV) is None
    assert page.evaluate("(id) => id in network.getPositions()", LAVROV) is False
    page.uncheck('#kg-legend input[value="Denial"]')
    assert page.evaluate("network.body.data.nodes.length") == total - people - 1
    assert page.evaluate("nodes.length") == total  # the data itself is untouched
    # asking for a hidden node (search, panel) shows its type again
    page.evaluate("(id) => window.kgFocusNode(id)", DENIAL)
    wait_selected(page, DENIAL)
    assert page.is_checked('#kg-legend input[value="Denial"]')
    page.check('#kg-legend input[value="Person"]')
    assert page.evaluate("network.body.data.nodes.length") == total
    assert_clean(opened)


@pytest.mark.browser
def test_browser_entity_panel_lists_its_statements(opened: Opened) -> None:
    page = opened.page
    click_node(page, HRW)
    wait_selected(page, HRW)
    panel = page.locator("#kg-panel-body")
    spoken = panel.locator(".kg-statements .kg-stmts").first
    assert "Statements (1)" in panel.text_content()
    assert FINDING_TEXT in spoken.text_content()
    assert FINDING_ARTICLE in spoken.text_content()
    about = panel.locator(".kg-statements .kg-stmts").nth(1)
    assert "Russian forces had never targeted civilian sites" in about.text_content()
    # each statement in the list selects it and opens its own panel
    spoken.locator("button").first.click()
    wait_selected(page, FINDING)
    assert "reported speech" in panel.text_content()
    assert "Other links" not in panel.text_content()
    assert_clean(opened)


@pytest.mark.browser
def test_browser_malicious_text_stays_text(opened: Opened) -> None:
    page = opened.page
    click_node(page, BAD)
    wait_selected(page, BAD)
    panel = page.locator("#kg-panel-body")
    text = panel.text_content()
    assert "<img src=x onerror=" in text
    assert BREAKOUT in text
    assert panel.locator("a").count() == 0  # javascript: URL is shown, never linked
    assert "javascript:window.__pwned=4" in text

    # hover shows vis-network's tooltip: the payload as text, not markup
    page.mouse.move(0, 0)
    click_node(page, BAD)
    box = node_point(page, BAD)
    page.mouse.move(box["x"] + 2, box["y"] + 1)
    tooltip = page.locator("div.vis-tooltip")
    page.wait_for_function(
        "() => { const t = document.querySelector('div.vis-tooltip');"
        " return t && t.style.visibility === 'visible'; }"
    )
    assert "<img src=x onerror=" in tooltip.text_content()

    # hover the malicious speaker too, then open its panel: name, alias, statement list
    page.mouse.move(0, 0)
    click_node(page, EVIL)
    wait_selected(page, EVIL)
    page.mouse.move(0, 0)
    box = page.evaluate(
        """(id) => {
            const p = network.canvasToDOM(network.getPositions([id])[id]);
            const b = document.getElementById('mynetwork').getBoundingClientRect();
            return {x: b.left + p.x, y: b.top + p.y};
        }""",
        EVIL,
    )
    page.mouse.move(box["x"] + 1, box["y"] + 1)
    page.wait_for_function(
        "() => { const t = document.querySelector('div.vis-tooltip');"
        " return t && t.style.visibility === 'visible' && t.textContent.includes('Evil'); }"
    )
    assert '<img src=x onerror="window.__pwned=1">' in tooltip.text_content()
    text = panel.text_content()
    assert SCRIPT in text  # its alias
    assert f"Evil {IMG}" in panel.locator("h2").text_content()
    listed = panel.locator(".kg-stmts button")
    assert listed.count() == 1 and MALICIOUS in listed.first.text_content()
    listed.first.click()  # from the entity's list to the statement
    wait_selected(page, BAD)
    assert BREAKOUT in panel.text_content()

    # HRW lists the malicious statement among those about it, as text
    click_node(page, HRW)
    wait_selected(page, HRW)
    assert MALICIOUS in panel.locator(".kg-stmts").nth(1).text_content()

    # the community legend names the group after the malicious entity: as text
    legend = page.locator("#kg-legend").text_content()
    assert f"around Evil {IMG}"[:30] in legend  # names are cut at 30 characters

    # filters redraw the malicious nodes: still nothing runs
    page.uncheck('#kg-legend input[value="Statement"]')
    page.check('#kg-legend input[value="Statement"]')

    page.fill("#kg-search-input", "evil")
    assert "<img src=x" in page.locator("#kg-search-results").text_content()
    page.press("#kg-search-input", "Enter")

    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert_clean(opened)
