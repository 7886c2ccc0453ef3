"""Headless Chromium for the page tests, as ../shared/spec/browser-testing.md prescribes:
Debian's /usr/bin/chromium driven by Playwright, a fresh profile, the network blocked.

Without Chromium or Playwright the tests skip, except under CI, where .ci/run installs both
and a missing browser is a failure rather than a silent skip.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


@contextmanager
def chromium_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A persistent Chromium context in throw-away directories."""
    if not os.path.exists(CHROMIUM):
        _unavailable(f"{CHROMIUM} not found (apt-get install chromium)")
    try:
        from playwright import sync_api
    except ImportError:
        _unavailable("the Python package playwright is not installed")
    profile = tmp_path_factory.mktemp("chromium-profile")
    xdg = tmp_path_factory.mktemp("chromium-xdg")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            env={**os.environ, "XDG_CONFIG_HOME": str(xdg), "XDG_CACHE_HOME": str(xdg)},
            viewport={"width": 1400, "height": 860},
        )
        try:
            yield context
        finally:
            context.close()
    shutil.rmtree(profile, ignore_errors=True)


class Opened:
    """An opened page plus what it tried to fetch and what it logged."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.attempts: list[str] = []
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []


@contextmanager
def open_page(context: Any, path: Path) -> Iterator[Opened]:
    """Open a newskg page with every http(s)/ws(s) request blocked and recorded, and wait
    until the network has been drawn."""
    page = context.new_page()
    page.set_default_timeout(10_000)
    result = Opened(page)
    page.on("console", lambda m: result.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: result.errors.append(str(e)))
    page.route(
        re.compile(r"^(https?|wss?)://"),
        lambda route: (result.attempts.append(route.request.url), route.abort()),
    )
    page.goto(path.as_uri())
    page.wait_for_function(
        "() => window.network && window.network.body.data.nodes.length > 0"
        " && document.body.dataset.kgReady === '1'"
    )
    try:
        yield result
    finally:
        page.close()


def click_node(page: Any, node_id: str) -> None:
    """Centre the node in view, then click it with the real mouse."""
    page.evaluate(
        """(id) => {
            const pos = network.getPositions([id])[id];
            network.moveTo({position: pos, scale: 1.2, animation: false});
            network.redraw();
        }""",
        node_id,
    )
    point = node_point(page, node_id)
    page.mouse.click(point["x"], point["y"])


def wait_selected(page: Any, node_id: str) -> None:
    """Wait until ``node_id`` is the network's selected node."""
    page.wait_for_function("(id) => network.getSelectedNodes()[0] === id", arg=node_id)


def node_point(page: Any, node_id: str) -> dict[str, float]:
    """Where a node stands on the screen (page coordinates), for the real mouse."""
    return page.evaluate(
        """(id) => {
            const p = network.canvasToDOM(network.getPositions([id])[id]);
            const box = document.getElementById('mynetwork').getBoundingClientRect();
            return {x: box.left + p.x, y: box.top + p.y};
        }""",
        node_id,
    )


def assert_clean(opened: Opened) -> None:
    """Nothing fetched, no script error, no CSP violation, no injected script ran."""
    assert opened.attempts == []
    assert opened.errors == []
    assert [t for _, t in opened.console if "Content Security Policy" in t] == []
    assert [m for m in opened.console if m[0] == "error"] == []
    assert opened.page.evaluate("typeof window.__pwned") == "undefined"
