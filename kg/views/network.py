"""The who-said-what network as GraphML or GEXF, for Gephi, Cytoscape or networkx.

Both are XML 1.0, which cannot carry most control characters (ESC, NUL, form feed...), lone
surrogates or U+FFFE/U+FFFF at all, not even as character references, while article text
may hold any of them. Such characters are written as visible escapes (``\\x1b``, ``\\ud800``)
so that every file is well-formed XML and says where a character was; everything else is
written as it is.
"""

from __future__ import annotations

import io
import re
from typing import Any

import networkx as nx

FORMATS = ("graphml", "gexf")

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: Any) -> Any:
    """A string with XML-forbidden characters escaped; lists joined with "; " (both formats
    hold scalars only); any other value as it is."""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str):
        return _NOT_XML.sub(_escape, value)
    return value


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def network_bytes(g: nx.MultiDiGraph, fmt: str) -> bytes:
    """``g`` serialised as ``fmt`` (graphml or gexf), valid XML whatever its text holds."""
    flat = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        flat.add_node(xml_safe(n), **{k: xml_safe(v) for k, v in d.items()})
    for u, v, k, d in g.edges(keys=True, data=True):
        flat.add_edge(
            xml_safe(u), xml_safe(v), key=xml_safe(k), **{a: xml_safe(x) for a, x in d.items()}
        )
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(flat, buf)
    elif fmt == "gexf":
        nx.write_gexf(flat, buf)
    else:
        raise ValueError(f"unknown network format {fmt!r}")
    return buf.getvalue()
