"""`kg viz` end to end: pages built from real stores, opened in headless Chromium with the
network blocked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store import open_store
from kg.views.graph import store_graph
from tests.browser import ARTIFACTS, assert_clean, chromium_context, click_node, open_page

pytestmark = pytest.mark.browser

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


def test_examples_page_draws_every_node_offline(browser, examples_store, tmp_path):
    page_path = tmp_path / "examples.html"
    _viz(examples_store, page_path)
    with open_store(examples_store, read_only=True) as store:
        g = store_graph(store, with_context=False)
    sid, data = next(
        (n, d)
        for n, d in g.nodes(data=True)
        if d["kind"] == "statement" and "Coastal Rights Monitor" in d["speaker"]
    )
    with open_page(browser, page_path) as opened:
        page = opened.page
        assert page.evaluate("network.body.data.nodes.length") == g.number_of_nodes()
        # crowded pages may hide a node under another's label: pick it as search does
        page.evaluate("(id) => window.kgFocusNode(id)", sid)
        page.wait_for_function("(id) => network.getSelectedNodes()[0] === id", arg=sid)
        panel = page.locator("#kg-panel-body").text_content()
        assert data["text"] in panel and data["article_title"] in panel
        assert_clean(opened)


def test_seed_page_search_finds_hrw_and_panel_shows_words(browser, seed_store, tmp_path):
    page_path = tmp_path / "seed.html"
    _viz(seed_store, page_path)
    with open_store(seed_store, read_only=True) as store:
        g = store_graph(store)
    hrw = next(n for n, d in g.nodes(data=True) if d.get("label") == "Human Rights Watch")
    finding = next(
        n
        for n, d in g.nodes(data=True)
        if d.get("type") == "Finding" and "abducted people" in d.get("text", "")
    )
    with open_page(browser, page_path) as opened:
        page = opened.page
        assert page.evaluate("network.body.data.nodes.length") == g.number_of_nodes()
        page.fill("#kg-search-input", "HRW")
        first = page.locator("#kg-search-results button").first
        assert first.get_attribute("data-node") == hrw
        first.click()
        page.wait_for_function("(id) => network.getSelectedNodes()[0] === id", arg=hrw)
        click_node(page, finding)
        page.wait_for_function("(id) => network.getSelectedNodes()[0] === id", arg=finding)
        panel = page.locator("#kg-panel-body").text_content()
        assert "abducted people from homes" in panel
        assert "No Surnames" in panel  # the article title
        page.evaluate("network.fit({animation: false})")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "seed-view.png"))
        assert_clean(opened)


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
        page.wait_for_function("(id) => network.getSelectedNodes()[0] === id", arg=quote)
        panel = page.locator("#kg-panel-body").text_content()
        assert '<img src=x onerror="window.__pwned=2">' in panel
        assert "</script><script>window.__pwned=3</script>" in panel
        assert_clean(opened)
