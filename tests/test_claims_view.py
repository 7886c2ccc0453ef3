"""Claims in the HTML view: the seed's story is one connected path (Lavrov -> denial ->
the claim <- Human Rights Watch), a statement's panel lists the other appearances of its
claim and what denies it, and the legend's "Claim links" box hides and shows those links.
Pages are opened in headless Chromium with the network blocked."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from tests.browser import assert_clean, chromium_context, click_node, open_page, wait_selected

HRW = "https://w3id.org/newskg/id/organization/human-rights-watch"
LAVROV = "https://w3id.org/newskg/id/person/sergey-lavrov"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium_context(tmp_path_factory) as context:
        yield context


def _viz(store: str, out: Path, *args: str) -> dict:
    res = CliRunner().invoke(cli, ["viz", "--store", store, "-o", str(out), *args])
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S)
    assert m
    return json.loads(m.group(1))


def test_the_seed_page_joins_lavrov_to_hrw_through_the_claim(
    seed_store: str, tmp_path: Path
) -> None:
    data = _viz(seed_store, tmp_path / "seed.html")
    g = nx.DiGraph()
    for e in data["edges"]:
        g.add_edge(e["from"], e["to"], rel=e["rel"])
    denies = [(e["from"], e["to"]) for e in data["edges"] if e["rel"] == "denies"]
    assert denies
    path = nx.shortest_path(g.to_undirected(), LAVROV, HRW)
    rels = [
        g.edges[a, b]["rel"] if g.has_edge(a, b) else g.edges[b, a]["rel"]
        for a, b in zip(path, path[1:], strict=False)
    ]
    assert rels == ["denied", "denies", "reported"]
    finding = path[2]
    assert data["details"][finding]["type"] == "Finding"
    assert data["details"][path[1]]["denies"] == [data["details"][finding]["claim"]]


@pytest.mark.browser
def test_the_panel_lists_what_a_denial_denies_and_the_toggle_hides_claim_links(
    browser: Any, seed_store: str, tmp_path: Path
) -> None:
    page_path = tmp_path / "seed.html"
    data = _viz(seed_store, page_path)
    kremlin_denial = next(
        n
        for n, d in data["details"].items()
        if d.get("type") == "Denial" and d["speaker"] == "Kremlin"
    )
    with open_page(browser, page_path) as opened:
        page = opened.page
        click_node(page, kremlin_denial)
        wait_selected(page, kremlin_denial)
        denies = page.locator("#kg-panel-body .kg-denies button")
        assert denies.count() == 1
        assert "the detention and torture of gay men" in denies.first.inner_text()
        denies.first.click()
        finding = page.evaluate("network.getSelectedNodes()[0]")
        assert data["details"][finding]["type"] == "Finding"
        denied_by = page.locator("#kg-panel-body .kg-denied-by button")
        assert denied_by.count() == 3  # Lavrov twice, the Kremlin once
        assert "Kremlin" in " ".join(denied_by.all_inner_texts())

        def claim_edges() -> int:
            return page.evaluate(
                "network.body.data.edges.get({filter: e => e.rel === 'denies'"
                " || e.rel === 'same claim'}).length"
            )

        shown = claim_edges()
        assert shown >= 3
        page.locator("#kg-claim-links").uncheck()
        assert claim_edges() == 0
        page.locator("#kg-claim-links").check()
        assert claim_edges() == shown
        assert_clean(opened)


@pytest.mark.browser
def test_a_statement_lists_the_other_appearances_of_its_claim(
    browser: Any, examples_store: str, tmp_path: Path
) -> None:
    page_path = tmp_path / "ghana.html"
    data = _viz(examples_store, page_path, "--focus", "Ebenezer Quaye-Addo", "--depth", "1")
    altered = next(
        n
        for n, d in data["details"].items()
        if d.get("kind") == "statement" and "we have been honest" in d["text"]
    )
    assert data["details"][altered]["claimArticles"] == 3
    with open_page(browser, page_path) as opened:
        page = opened.page
        click_node(page, altered)
        wait_selected(page, altered)
        others = page.locator("#kg-panel-body .kg-appearances button")
        assert others.count() == 2
        assert "Its claim appears in 3 articles." in page.locator("#kg-panel-body").inner_text()
        texts = others.all_inner_texts()
        assert any("Western Tide" in t or "2025-06-06" in t for t in texts)
        assert_clean(opened)
