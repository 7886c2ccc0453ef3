"""The build's memory beside a store: extraction records, and what each graph was made from.

Why a cache at all: phase 1 (parse + extract) is the whole cost of a build, and it is a
pure function of the article and the extractor. Keyed by :func:`record_key`, a record is
made once; ``kg build`` of an unchanged article and ``kg resolve`` never parse again.

Why digests: phase 2 recomputes every article's identities, but writes an article graph
only when what it is made from (its record and the IRIs of its entities) changed since it
was written. The digest of those inputs is kept per graph after each write; a graph whose
digest is missing or different is rewritten. A crash between a write and its digest only
costs one more, identical, write.

Beside them, the corpus resolution as the last build left it (:mod:`kg.resolve.state`),
so that a build resolves only what its articles touch instead of the whole stored corpus.

The cache is one SQLite file. Losing it loses no data: records are rebuilt from the article
texts the store holds, and every graph is rewritten once.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from kg.claims.inputs import ArticleClaims
from kg.entity_order import EntityTally
from kg.model import Article, Extraction
from kg.resolve.blocks import Memo, resolver_version
from kg.resolve.local import ArticleEntities
from kg.resolve.state import SCHEMA as RESOLUTION_SCHEMA

_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    key TEXT PRIMARY KEY,      -- record_key(article, model)
    article TEXT NOT NULL,     -- the article's short hash
    entities BLOB NOT NULL,    -- zlib JSON: what resolution reads
    summary TEXT NOT NULL,     -- JSON: statement kinds and unnamed sources, for reports;
                               -- the article's title and file, and its entity tally,
                               -- for the listing orders
    record BLOB NOT NULL       -- zlib JSON: Extraction.to_dict()
);
CREATE TABLE IF NOT EXISTS claim_inputs (
    key TEXT PRIMARY KEY,      -- the record's key
    article TEXT NOT NULL,     -- the article's short hash
    data BLOB NOT NULL         -- zlib JSON: what claim matching reads (kg.claims.inputs)
);
CREATE TABLE IF NOT EXISTS subjects (
    graph TEXT NOT NULL,       -- a corpus-level graph (entities, claims)
    subject TEXT NOT NULL,     -- a subject IRI in it
    digest TEXT NOT NULL,      -- of the triples about it, as written
    PRIMARY KEY (graph, subject)
);
CREATE TABLE IF NOT EXISTS pending (
    graph TEXT NOT NULL,       -- subjects a write was about to change: until the write is
    subject TEXT NOT NULL,     -- confirmed, what the store says of them is unknown
    PRIMARY KEY (graph, subject)
);
CREATE TABLE IF NOT EXISTS blocks (
    digest TEXT PRIMARY KEY,   -- a resolution block's members and the resolver's code
    outcome TEXT NOT NULL      -- JSON: the block's entities (see kg.resolve.blocks)
);
CREATE TABLE IF NOT EXISTS name_keys (
    version TEXT NOT NULL,     -- the resolver's code
    family TEXT NOT NULL,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (version, family, name)
);
CREATE TABLE IF NOT EXISTS graphs (
    iri TEXT PRIMARY KEY,      -- an article graph in the store
    record TEXT NOT NULL,      -- the key of the record it was written from
    digest TEXT NOT NULL       -- what it was written from (record, identities, renderer)
);
"""


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A digest of the code that makes records (extraction, the parse seam, the record
    form): a new newskg version that extracts differently makes new records."""
    root = Path(__file__).parent
    files = sorted((root / "extract").rglob("*.py")) + [root / "nlp.py", root / "model.py"]
    h = hashlib.sha256()
    for f in files:
        h.update(f.relative_to(root).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def record_key(article: Article, model: str) -> str:
    """What a record depends on: the article as read, the model and the extractor."""
    payload = json.dumps(
        [Extraction(article).to_dict()["article"], model, extractor_version()],
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _pack(data: object) -> bytes:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def _unpack(blob: bytes) -> object:
    return json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass"))


def _summary(ex: Extraction) -> str:
    """What reports read of a record (statement kinds, unnamed sources), what the listing
    order of the articles reads (title, file) and that of the entities (the article's
    :class:`kg.entity_order.EntityTally`), as JSON."""
    kinds: dict[str, int] = {}
    for st in ex.statements:
        kinds[st.kind] = kinds.get(st.kind, 0) + 1
    unnamed = sum(1 for e in ex.entities if e.type == "UnnamedSource")
    summary = {
        "statements": kinds,
        "unnamed": unnamed,
        "title": ex.article.title or None,
        "file": ex.article.source_file,
        "tally": EntityTally.of(ex).to_json(),
    }
    return json.dumps(summary, sort_keys=True, ensure_ascii=False)


class BuildCache:
    """One SQLite file of records and graph digests (see the module docstring)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(self.path), isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA + RESOLUTION_SCHEMA)

    @property
    def in_memory(self) -> bool:
        """A cache in memory (a remote store's): gone after this build, so nothing is
        worth keeping in it for the next one."""
        return str(self.path) == ":memory:"

    def close(self) -> None:
        self._db.close()

    # --- records ------------------------------------------------------------------------

    def has(self, key: str) -> bool:
        row = self._db.execute("SELECT 1 FROM records WHERE key = ?", (key,)).fetchone()
        return row is not None

    def put(self, key: str, ex: Extraction) -> None:
        """Keep a record (one small transaction: a crash keeps every record already made)."""
        data = ex.to_dict()
        entities = ArticleEntities.of(ex).to_json()
        self._db.execute(
            "INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?)",
            (key, ex.article.short_hash, _pack(entities), _summary(ex), _pack(data)),
        )
        self._put_claims(key, ArticleClaims.of(ex))

    def _put_claims(self, key: str, art: ArticleClaims) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO claim_inputs VALUES (?, ?, ?)",
            (key, art.article, _pack(art.to_json())),
        )

    def claim_inputs(self, keys: Iterable[str]) -> dict[str, ArticleClaims]:
        """What claim matching reads of each kept record, by record key (cheap: no article
        text, no spans). A record kept before this form existed, or in an older version
        of it, gets it made once from the record."""
        out: dict[str, ArticleClaims] = {}
        wanted = sorted(set(keys))
        sql = "SELECT key, article, data FROM claim_inputs WHERE key IN ({})"
        for key, article, blob in self._rows_for_keys(sql, wanted):
            art = ArticleClaims.from_json(article, _unpack(blob))  # type: ignore[arg-type]
            if art is not None:
                out[key] = art
        for key in wanted:
            if key not in out:
                ex = self.record(key)
                if ex is not None:
                    out[key] = ArticleClaims.of(ex)
                    self._put_claims(key, out[key])
        return out

    def summaries(self, keys: Iterable[str]) -> list[dict]:
        """The statement kinds and unnamed-source counts of the given records."""
        sql = "SELECT summary FROM records WHERE key IN ({})"
        return [json.loads(s) for (s,) in self._rows_for_keys(sql, sorted(set(keys)))]

    def article_keys(self, keys: Iterable[str]) -> list[tuple[str | None, str, str]]:
        """(title, source file, short hash) of the article of each given record: what the
        listings order articles by (:func:`kg.paging.article_order`)."""
        return [(s["title"], s["file"], article) for article, s in self._current(keys, "file")]

    def entity_tallies(self, keys: Iterable[str]) -> dict[str, EntityTally]:
        """The :class:`kg.entity_order.EntityTally` of the article of each given record,
        by its short hash: what the listing order of the entities reads."""
        return {a: EntityTally.from_json(s["tally"]) for a, s in self._current(keys, "tally")}

    def _current(self, keys: Iterable[str], field: str) -> list[tuple[str, dict]]:
        """(short hash, summary) of each given record, read from the summaries; a summary
        written before they held ``field`` is made again, once, from its record."""
        out = []
        stale = []
        sql = "SELECT key, article, summary FROM records WHERE key IN ({})"
        for key, article, summary in self._rows_for_keys(sql, sorted(set(keys))):
            s = json.loads(summary)
            if field in s:
                out.append((article, s))
            else:
                stale.append(key)
        for key in stale:
            ex = self.record(key)
            if ex is not None:
                text = _summary(ex)
                self._db.execute("UPDATE records SET summary = ? WHERE key = ?", (text, key))
                out.append((ex.article.short_hash, json.loads(text)))
        return out

    def _rows_for_keys(self, sql: str, keys: list[str], *first: str) -> Iterator[tuple]:
        """The rows of ``sql`` (whose ``{}`` is the list of keys asked for; ``first`` the
        parameters before it) for ``keys``, asked 500 at a time: SQLite limits how many
        parameters one statement takes."""
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            yield from self._db.execute(sql.format(",".join("?" * len(chunk))), [*first, *chunk])

    def record(self, key: str) -> Extraction | None:
        row = self._db.execute("SELECT record FROM records WHERE key = ?", (key,)).fetchone()
        return Extraction.from_dict(_unpack(row[0])) if row else None  # type: ignore[arg-type]

    def records(self, keys: Iterable[str]) -> Iterator[Extraction]:
        """The records of ``keys`` that are kept, one at a time (memory stays flat)."""
        for key in keys:
            ex = self.record(key)
            if ex is not None:
                yield ex

    def entities(self, keys: Iterable[str]) -> dict[str, ArticleEntities]:
        """What resolution reads of each kept record, by record key (cheap: no texts, no
        statements)."""
        out: dict[str, ArticleEntities] = {}
        sql = "SELECT key, article, entities FROM records WHERE key IN ({})"
        for key, article, blob in self._rows_for_keys(sql, sorted(set(keys))):
            out[key] = ArticleEntities.from_json(article, _unpack(blob))  # type: ignore[arg-type]
        return out

    def drop_records_except(self, keep: set[str]) -> int:
        """Forget records no stored article uses (after removals and replacements)."""
        keys = [k for (k,) in self._db.execute("SELECT key FROM records")]
        gone = [k for k in keys if k not in keep]
        self._db.executemany("DELETE FROM records WHERE key = ?", [(k,) for k in gone])
        self._db.executemany("DELETE FROM claim_inputs WHERE key = ?", [(k,) for k in gone])
        return len(gone)

    # --- graph digests ------------------------------------------------------------------

    def graphs(self) -> dict[str, tuple[str, str]]:
        """Every graph written: IRI -> (record key, digest)."""
        rows = self._db.execute("SELECT iri, record, digest FROM graphs")
        return {iri: (rec, dig) for iri, rec, dig in rows}

    def wrote(self, iri: str, record: str, digest: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO graphs VALUES (?, ?, ?)", (iri, record, digest))

    def dropped(self, iri: str) -> None:
        self._db.execute("DELETE FROM graphs WHERE iri = ?", (iri,))

    # --- resolution memo -----------------------------------------------------------------

    def memo(self) -> Memo:
        """What earlier builds resolved, for :func:`kg.resolve.resolve_corpus` to reuse."""
        version = resolver_version()
        memo = Memo()
        rows = self._db.execute("SELECT digest, outcome FROM blocks").fetchall()
        if rows:  # one decoder pass over every outcome, not one per row
            outcomes = json.loads("[" + ",".join(o for _, o in rows) + "]")
            memo.blocks = {d: o for (d, _), o in zip(rows, outcomes, strict=True)}
        rows = self._db.execute(
            "SELECT family, name, key FROM name_keys WHERE version = ?", (version,)
        )
        memo.keys = {(f, n): k for f, n, k in rows}
        return memo

    def keep_memo(self, memo: Memo, then: Callable[[], None] | None = None) -> None:
        """Keep the blocks this resolution used (new ones added, unused ones forgotten)
        and the name keys it computed. ``then`` runs in the same transaction (the kept
        resolution, :mod:`kg.resolve.state`, whose blocks' outcomes are these)."""
        version = resolver_version()
        with self._tx():
            stale = [d for d in memo.blocks if d not in memo.used]
            self._db.executemany("DELETE FROM blocks WHERE digest = ?", [(d,) for d in stale])
            self._db.executemany(
                "INSERT OR REPLACE INTO blocks VALUES (?, ?)",
                [
                    (d, json.dumps(o, ensure_ascii=False, separators=(",", ":")))
                    for d, o in memo.new_blocks.items()
                    if d in memo.used
                ],
            )
            if memo.new_keys:
                self._db.execute("DELETE FROM name_keys WHERE version != ?", (version,))
                self._db.executemany(
                    "INSERT OR REPLACE INTO name_keys VALUES (?, ?, ?, ?)",
                    [(version, f, n, k) for (f, n), k in memo.new_keys.items()],
                )
            if then is not None:
                then()

    # --- corpus-level graphs, subject by subject ----------------------------------------

    def subjects(self, graph: str) -> dict[str, str]:
        rows = self._db.execute("SELECT subject, digest FROM subjects WHERE graph = ?", (graph,))
        return dict(rows.fetchall())

    def subject_digests(self, graph: str, subjects: Iterable[str]) -> dict[str, str]:
        """The digests of these subjects of ``graph`` (those written)."""
        sql = "SELECT subject, digest FROM subjects WHERE graph = ? AND subject IN ({})"
        return dict(self._rows_for_keys(sql, sorted(set(subjects)), graph))

    def subject_count(self, graph: str) -> int:
        row = self._db.execute("SELECT COUNT(*) FROM subjects WHERE graph = ?", (graph,))
        return int(row.fetchone()[0])

    def pending(self, graph: str) -> set[str]:
        rows = self._db.execute("SELECT subject FROM pending WHERE graph = ?", (graph,))
        return {s for (s,) in rows}

    def begin_patch(self, graph: str, subjects: Iterable[str]) -> None:
        """Before the store changes these subjects: mark them unknown."""
        with self._tx():
            self._db.executemany(
                "INSERT OR IGNORE INTO pending VALUES (?, ?)", [(graph, s) for s in subjects]
            )

    def end_patch(
        self,
        graph: str,
        written: dict[str, str],
        removed: Iterable[str],
        then: Callable[[], None] | None = None,
    ) -> None:
        """After the store changed: what each subject now holds, and none pending.
        ``then`` runs in the same transaction (the claims state is kept with the digests
        of what it wrote, so the two never disagree after a crash)."""
        with self._tx():
            self._db.executemany(
                "INSERT OR REPLACE INTO subjects VALUES (?, ?, ?)",
                [(graph, s, d) for s, d in written.items()],
            )
            self._db.executemany(
                "DELETE FROM subjects WHERE graph = ? AND subject = ?",
                [(graph, s) for s in removed],
            )
            self._db.execute("DELETE FROM pending WHERE graph = ?", (graph,))
            if then is not None:
                then()

    def forget_graph(self, graph: str) -> None:
        """The store's copy of a corpus-level graph is being replaced whole."""
        with self._tx():
            self._db.execute("DELETE FROM subjects WHERE graph = ?", (graph,))
            self._db.execute("DELETE FROM pending WHERE graph = ?", (graph,))

    @property
    def connection(self) -> sqlite3.Connection:
        """The cache's connection, for state kept beside it (:mod:`kg.claims.state`)."""
        return self._db

    def transaction(self) -> _Transaction:
        """One transaction on the cache (committed on success, rolled back on error)."""
        return _Transaction(self._db)

    def _tx(self):
        return _Transaction(self._db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection):
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN")

    def __exit__(self, exc_type, exc, tb) -> None:
        self._db.execute("COMMIT" if exc_type is None else "ROLLBACK")


__all__ = ["BuildCache", "extractor_version", "record_key"]
