"""`kg viz` end to end: pages built from real stores, opened in headless Chromium with the
network blocked, plus the command's view options (checked on the page's data, no browser).

``KG_WRITE_DOCS=1 pytest tests/test_viz_page.py -k seed`` also rewrites docs/seed-view.png,
the screenshot the README shows.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store import open_store
from kg.views.graph import store_graph
from kg.views.select import Filters, select
from tests.browser import (
    ARTIFACTS,
    assert_clean,
    chromium_context,
    click_node,
    open_page,
    wait_selected,
)

DOCS = Path(__file__).resolve().parents[1] / "docs"

EVIL_ARTICLE = """Council <b>row</b> over <img src=x onerror="window.__pwned=1"> signs

The council met on Monday. “We will not pay for <img src=x onerror="window.__pwned=2"> or \
</script><script>window.__pwned=3</script> again,” said council leader Mara "href" O'Keeffe.
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium_context(tmp_path_factory) as context:
        yield context


def _viz(store: str, out: Path, *args: str) -> None:
    res = CliRunner().invoke(cli, ["viz", "--store", store, "-o", str(out), *args])
    assert res.exit_code == 0, res.output


def _page_data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
    assert m
    return json.loads(m.group(1))


@pytest.mark.browser
def test_examples_page_draws_the_selected_view_offline(browser, examples_store, tmp_path):
    page_path = tmp_path / "examples.html"
    _viz(examples_store, page_path)
    with open_store(examples_store, read_only=True) as store:
        g = store_graph(store, with_context=False)
    expected = select(g, Filters()).graph
    sid, data = next(
        (n, d)
        for n, d in expected.nodes(data=True)
        if d["kind"] == "statement" and "Coastal Rights Monitor" in d["speaker"]
    )
    dated = next(
        (n, d)
        for n, d in expected.nodes(data=True)
        if d["kind"] == "statement" and d["article_url"] and d["article_date"]
    )
    with open_page(browser, page_path) as opened:
        page = opened.page
        assert page.evaluate("network.body.data.nodes.length") == expected.number_of_nodes()
        assert set(page.evaluate("nodes.getIds()")) == set(expected.nodes)
        assert page.evaluate("edges.length") == expected.number_of_edges()
        # crowded pages may hide a node under another's label: pick it as search does
        page.evaluate("(id) => window.kgFocusNode(id)", sid)
        wait_selected(page, sid)
        panel = page.locator("#kg-panel-body")
        assert data["text"] in panel.text_content()
        assert data["article_title"] in panel.text_content()
        # a statement from an article with a date and a web address shows both, linked
        page.evaluate("(id) => window.kgFocusNode(id)", dated[0])
        wait_selected(page, dated[0])
        assert dated[1]["article_date"] in panel.text_content()
        assert panel.locator("a").get_attribute("href") == dated[1]["article_url"]
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "examples-view.png"))
        assert_clean(opened)


@pytest.mark.browser
def test_seed_page_search_finds_hrw_and_panel_shows_words(browser, seed_store, tmp_path):
    page_path = tmp_path / "seed.html"
    _viz(seed_store, page_path)
    with open_store(seed_store, read_only=True) as store:
        g = store_graph(store)
    expected = select(g, Filters()).graph
    hrw = next(n for n, d in g.nodes(data=True) if d.get("label") == "Human Rights Watch")
    finding = next(
        n
        for n, d in g.nodes(data=True)
        if d.get("type") == "Finding" and "abducted people" in d.get("text", "")
    )
    with open_page(browser, page_path) as opened:
        page = opened.page
        assert page.evaluate("network.body.data.nodes.length") == expected.number_of_nodes()
        if os.environ.get("KG_WRITE_DOCS"):  # the README's picture: the view as it opens
            DOCS.mkdir(exist_ok=True)
            page.screenshot(path=str(DOCS / "seed-view.png"))
        page.fill("#kg-search-input", "HRW")
        first = page.locator("#kg-search-results button").first
        assert first.get_attribute("data-node") == hrw
        first.click()
        wait_selected(page, hrw)
        panel = page.locator("#kg-panel-body")
        assert "Human Rights Watch" in panel.text_content()
        assert "abducted people" in panel.locator(".kg-stmts").first.text_content()
        click_node(page, finding)
        wait_selected(page, finding)
        text = panel.text_content()
        assert "abducted people from homes" in text
        assert "No Surnames" in text  # the article title
        page.evaluate("network.fit({animation: false})")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "seed-view.png"))
        assert_clean(opened)


@pytest.mark.browser
def test_article_text_never_runs(browser, tmp_path):
    art = tmp_path / "evil.txt"
    art.write_text(EVIL_ARTICLE, encoding="utf-8")
    store = str(tmp_path / "store")
    assert CliRunner().invoke(cli, ["build", str(art), "--store", store]).exit_code == 0
    page_path = tmp_path / "evil.html"
    _viz(store, page_path)
    with open_store(store, read_only=True) as s:
        g = store_graph(s)
    quote = next(n for n, d in g.nodes(data=True) if d.get("kind") == "statement")
    with open_page(browser, page_path) as opened:
        page = opened.page
        for node in g.nodes:
            page.evaluate("(id) => network.selectNodes([id])", node)
        click_node(page, quote)
        wait_selected(page, quote)
        panel = page.locator("#kg-panel-body").text_content()
        assert '<img src=x onerror="window.__pwned=2">' in panel
        assert "</script><script>window.__pwned=3</script>" in panel
        assert_clean(opened)


# ---------------------------------------------------------------------------------------------
# the command's view options, checked on the page's data


def test_budget_and_note(examples_store, tmp_path):
    out = tmp_path / "small.html"
    res = CliRunner().invoke(
        cli, ["viz", "--store", examples_store, "-o", str(out), "--max-nodes", "40"]
    )
    assert res.exit_code == 0, res.output
    with open_store(examples_store, read_only=True) as store:
        g = store_graph(store, with_context=False)
    expected = select(g, Filters(), max_nodes=40)
    data = _page_data(out)
    assert {n["id"] for n in data["nodes"]} == set(expected.graph.nodes)
    assert len(data["nodes"]) == 40
    text = out.read_text(encoding="utf-8")
    assert f"Showing 40 of {g.number_of_nodes()} nodes: the most central entities" in text
    assert f"40 of {g.number_of_nodes()} nodes" in res.output


def test_filters_and_communities(examples_store, tmp_path):
    out = tmp_path / "denials.html"
    args = ["--act", "denied", "--type", "person,organization", "--color", "community"]
    res = CliRunner().invoke(cli, ["viz", "--store", examples_store, "-o", str(out), *args])
    assert res.exit_code == 0, res.output
    with open_store(examples_store, read_only=True) as store:
        g = store_graph(store, with_context=False)
    filters = Filters(acts=frozenset({"denied"}), types=frozenset({"Person", "Organization"}))
    expected = select(g, filters).graph
    data = _page_data(out)
    assert {n["id"] for n in data["nodes"]} == set(expected.nodes)
    kinds = {d["type"] for d in data["details"].values() if d["kind"] == "statement"}
    assert kinds == {"Denial"}
    assert {d["type"] for d in data["details"].values() if d["kind"] == "entity"} <= {
        "Person",
        "Organization",
    }
    text = out.read_text(encoding="utf-8")
    assert "Filtered to entity types Organization, Person; speech acts denied." in text
    assert "Communities" in text and "around " in text


def test_article_and_date_filters(examples_store, tmp_path):
    out = tmp_path / "ghana.html"
    article = "02-ghana-port-evictions.txt"
    res = CliRunner().invoke(
        cli, ["viz", "--store", examples_store, "-o", str(out), "--article", article]
    )
    assert res.exit_code == 0, res.output
    files = {d.get("sourceFile") for d in _page_data(out)["details"].values()} - {None}
    assert files and all(f.endswith(article) for f in files)
    res = CliRunner().invoke(
        cli,
        ["viz", "--store", examples_store, "-o", str(out), "--since", "2025-03-01"]
        + ["--until", "2025-06-30"],
    )
    assert res.exit_code == 0, res.output
    dates = {d.get("articleDate") for d in _page_data(out)["details"].values()} - {None}
    assert dates and all("2025-03-01" <= d[:10] <= "2025-06-30" for d in dates)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--type", "robot"], "unknown entity type 'robot'"),
        (["--act", "shouted"], "unknown speech act 'shouted'"),
        (["--since", "2024-13-01"], "not an ISO date"),
        (["--since", "2024-02-01", "--until", "2024-01-01"], "--since is after --until"),
        (["--max-nodes", "0"], "--max-nodes"),
    ],
)
def test_bad_view_options_are_usage_errors(examples_store, tmp_path, args, message):
    res = CliRunner().invoke(
        cli, ["viz", "--store", examples_store, "-o", str(tmp_path / "x.html"), *args]
    )
    assert res.exit_code == 2
    assert message in res.output
