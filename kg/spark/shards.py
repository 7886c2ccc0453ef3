"""N-Quads shards: what the Spark job writes, and loading them (or any N-Quads or TriG
export) into a store.

The layout: ``DIR/articles/part-*`` hold the article graphs, each graph whole inside one
shard (a graph is one element of the RDD that is written), ``DIR/corpus/part-*`` the
corpus-level graphs (entities, and claims when they exist); Spark marks a finished output
with ``_SUCCESS``. Whole graphs per shard are what makes loading simple and safe: a shard is
a set of complete graphs, each replaced whole.

Loading checks every file first and loads nothing if one is malformed (the error names the
file and line): half a corpus loaded is worse than none, since nothing would say which half.
Into an empty embedded store the files go through Oxigraph's bulk loader (fast, no
transaction needed: there is nothing to lose); otherwise each graph is replaced whole in its
own transaction (one Graph Store Protocol PUT on a server), as ``kg build`` writes them.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from kg.store.base import Store

QUAD_SUFFIXES = (".nq", ".nquads", ".trig", ".nq.gz", ".nquads.gz", ".trig.gz")


class LoadError(Exception):
    """Input that cannot be loaded; one line naming the file (and line)."""


def to_nquads(graph: str, ntriples: str) -> str:
    """An N-Triples graph as N-Quads lines in the named graph ``graph``."""
    out = []
    for line in ntriples.splitlines():
        line = line.rstrip()
        if line and not line.startswith("#"):
            if not line.endswith("."):
                raise ValueError(f"not an N-Triples line: {line[:80]}")
            out.append(f"{line[:-1].rstrip()} <{graph}> .\n")
    return "".join(out)


def shard_files(path: Path) -> list[Path]:
    """The files to load under ``path``: a file itself, or every shard (``part-*``) and
    N-Quads/TriG file below a directory, sorted. A Spark output without ``_SUCCESS`` is
    refused: its job did not finish."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise LoadError(f"{path}: no such file or directory")
    files = sorted(
        p
        for p in path.rglob("*")
        if p.is_file()
        and not any(part.startswith((".", "_")) for part in p.relative_to(path).parts)
        and (p.name.startswith("part-") or p.name.lower().endswith(QUAD_SUFFIXES))
        and not p.name.endswith(".crc")
    )
    for d in sorted({p.parent for p in files if p.name.startswith("part-")}):
        if not (d / "_SUCCESS").exists():
            raise LoadError(f"{d}: no _SUCCESS marker: the job that wrote it did not finish")
    if not files:
        raise LoadError(f"{path}: no N-Quads shards or files in it")
    return files


def _open(path: Path) -> IO[bytes]:
    return gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")


def _format(path: Path):
    import pyoxigraph as ox

    name = path.name.lower().removesuffix(".gz")
    return ox.RdfFormat.TRIG if name.endswith(".trig") else ox.RdfFormat.N_QUADS


def _quads(path: Path) -> Iterator:
    import pyoxigraph as ox

    with _open(path) as f:
        try:
            yield from ox.parse(f, format=_format(path))
        except SyntaxError as exc:
            kind = "TriG" if _format(path) == ox.RdfFormat.TRIG else "N-Quads"
            line = f":{exc.lineno}" if getattr(exc, "lineno", None) else ""
            detail = " ".join(str(exc.msg if hasattr(exc, "msg") else exc).split())
            raise LoadError(f"{path}{line}: malformed {kind} ({detail}); nothing loaded") from None
        except (OSError, EOFError, UnicodeDecodeError) as exc:
            raise LoadError(f"{path}: cannot read ({exc}); nothing loaded") from None


@dataclass
class LoadReport:
    files: int = 0
    graphs: int = 0
    quads: int = 0


def check(files: list[Path]) -> tuple[dict[Path, set[str]], int]:
    """Parse every file whole (raising LoadError at the first malformed line); the graphs
    each file holds, and how many quads there are."""
    graphs: dict[Path, set[str]] = {}
    count = 0
    for f in files:
        names: set[str] = set()
        for q in _quads(f):
            names.add(_graph_name(q))
            count += 1
        graphs[f] = names
    return graphs, count


def _graph_name(q) -> str:
    import pyoxigraph as ox

    return "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value


@dataclass
class LoadPlan:
    """Files checked whole and ready to load: what :func:`plan` found in them."""

    files: list[Path]
    per_file: dict[Path, set[str]]
    quads: int
    graphs: set[str]


def plan(paths: list[Path]) -> LoadPlan:
    """Find and check every file under ``paths`` (LoadError at the first problem), before
    any store is opened: a refused input leaves no trace, not even an empty store."""
    files = [f for p in paths for f in shard_files(p)]
    per_file, quads = check(files)
    all_graphs = set().union(*per_file.values())
    if "" in all_graphs:
        raise LoadError("the input holds triples outside any named graph; nothing loaded")
    return LoadPlan(files, per_file, quads, all_graphs)


def load(store: Store, paths: list[Path] | LoadPlan) -> LoadReport:
    """Load shards or exports into ``store`` (see the module docstring); ``paths`` may be
    a :func:`plan` made beforehand."""
    checked = paths if isinstance(paths, LoadPlan) else plan(paths)
    files, per_file, quads = checked.files, checked.per_file, checked.quads
    report = LoadReport(files=len(files))
    report.graphs = len(checked.graphs)
    if store.bulk_load_into_empty([(f, _format(f)) for f in files]):
        report.quads = quads
        return report
    owners: dict[str, int] = defaultdict(int)
    for names in per_file.values():
        for g in names:
            owners[g] += 1
    spanning: dict[str, list[str]] = defaultdict(list)
    for f in files:
        grouped = _graphs_of(f)
        for g, lines in sorted(grouped.items()):
            report.quads += len(lines)
            if owners[g] > 1:  # in several files: put once, whole, after all are read
                spanning[g] += lines
                continue
            store.put_graph(g, "".join(lines))
    for g, lines in sorted(spanning.items()):
        store.put_graph(g, "".join(lines))
    return report


def _graphs_of(path: Path) -> dict[str, list[str]]:
    """A checked file's triples by graph, as N-Triples lines. N-Quads as oxigraph and the
    job write them (one quad a line, the graph IRI last) is split as text, which is many
    times faster than building terms; anything else goes through the parser."""
    import pyoxigraph as ox

    grouped: dict[str, list[str]] = defaultdict(list)
    if _format(path) == ox.RdfFormat.N_QUADS:
        with _open(path) as f:
            for raw in f:
                line = raw.decode("utf-8").rstrip()
                if not line or line.startswith("#"):
                    continue
                head, graph, dot = line.rsplit(" ", 2)
                if dot != "." or not (graph.startswith("<") and graph.endswith(">")):
                    break  # not the plain layout: parse the file instead
                grouped[graph[1:-1]].append(head + " .\n")
            else:
                return grouped
        grouped.clear()
    for q in _quads(path):
        triple = ox.Triple(q.subject, q.predicate, q.object)
        grouped[q.graph_name.value].append(f"{triple} .\n")
    return grouped


__all__ = ["LoadError", "LoadReport", "load", "shard_files", "to_nquads"]
