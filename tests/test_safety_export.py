"""GraphML and GEXF exports are well-formed XML whatever the articles hold: characters XML
1.0 cannot carry are written as visible escapes, and lxml and networkx read the files back."""

from __future__ import annotations

import io

import lxml.etree as etree
import networkx as nx
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.views.network import network_bytes

# ESC, BEL, vertical tab, form feed and unit separator in a quote and a headline
ARTICLE = (
    "Port\x1b[5m strike\x07 called off\n\n"
    "Dock workers ended their strike on Friday. “We got\x0b the pay rise\x0c we asked "
    "for\x1f, and\x1b[2J more,” said union leader Kofi Mensah. Mensah said work resumes "
    "on Monday.\n"
)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("export")
    (root / "strike.txt").write_text(ARTICLE, encoding="utf-8")
    path = str(root / "store")
    res = CliRunner().invoke(cli, ["build", str(root / "strike.txt"), "--store", path])
    assert res.exit_code == 0, res.output
    return path


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_export_is_valid_xml_for_control_characters(store, tmp_path, fmt):
    out = tmp_path / f"net.{fmt}"
    res = CliRunner().invoke(cli, ["export", "--format", fmt, "-o", str(out), "--store", store])
    assert res.exit_code == 0, res.output
    etree.parse(str(out))  # raises on malformed XML
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    statements = [d for _, d in g.nodes(data=True) if d.get("kind") == "statement"]
    quote = next(d for d in statements if "pay rise" in d["text"])
    assert "We got\\x0b the pay rise\\x0c we asked for\\x1f, and\\x1b[2J more," in quote["text"]
    assert quote["article_title"] == "Port\\x1b[5m strike\\x07 called off"
    people = [d["label"] for _, d in g.nodes(data=True) if d.get("type") == "Person"]
    assert people == ["Kofi Mensah"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_lone_surrogates_and_lists_in_attributes(fmt):
    g = nx.MultiDiGraph()
    g.add_node("e1", kind="entity", label="Ana\ud800 Bell\ufffe", aliases=["A. Bell", "Bell"])
    g.add_node("s1", kind="statement", text="NUL\x00 here", begin=3, direct=True)
    g.add_edge("e1", "s1", key="said", label="said")
    data = network_bytes(g, fmt)
    etree.fromstring(data)  # raises on malformed XML
    back = nx.read_graphml(io.BytesIO(data)) if fmt == "graphml" else nx.read_gexf(io.BytesIO(data))
    assert back.nodes["e1"]["label"] == "Ana\\ud800 Bell\\ufffe"
    assert back.nodes["e1"]["aliases"] == "A. Bell; Bell"
    assert back.nodes["s1"]["text"] == "NUL\\x00 here"
