"""The corpus resolution kept between builds, in the build cache's SQLite file.

Why: a build that adds one article to a store of thousands resolves only the blocks the
article touches (:class:`kg.resolve.corpus.CorpusResolution`), but making the resolution
of the stored corpus to start from cost every build as much again as resolving it all
from the memo of block outcomes: every member digested, every block found again by
union-find, every identity and description made anew (about half a CPU second on PolNeAR
train, beside the parse). What an update leaves is kept here instead, row by row (each
article's record key and identities, each block's members and its candidates' IRIs, each
entity's description and digest), and each build writes only the rows its update changed
(:class:`kg.resolve.corpus.Journal`). The blocks' outcomes stay in the memo
(:mod:`kg.resolve.blocks`), which holds exactly the blocks in use after a build.

Never trusted blindly: the rows are kept under a stamp (this format, the resolver's code,
the IRI base, the alias rules) and a checksum of every row, written in the transaction
that writes the rows; a state of another stamp, with a checksum that does not match, or
whose parts do not fit together (a record, a memo outcome or an entity missing) is not
used, and the resolution is made from the records as before (and kept anew). The state
is a function of the articles' records it lists, so whatever history made it, updating it
with the corpus's changes gives what resolving the corpus from scratch gives.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from typing import Any

from kg.model import CorpusEntity, Identity
from kg.rdf.iris import Minter
from kg.resolve.aliases import AliasRule
from kg.resolve.blocks import Memo, resolver_version
from kg.resolve.corpus import CorpusResolution, Journal, person_givens
from kg.resolve.local import ArticleEntities

#: The layout of the rows below; another one is not read.
FORMAT = "2"

SCHEMA = """
CREATE TABLE IF NOT EXISTS resolution_meta (
    name TEXT PRIMARY KEY,     -- stamp, checksum, placed
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS resolution_articles (
    article TEXT PRIMARY KEY,  -- an article's short hash
    record TEXT NOT NULL,      -- the key of the record its entities were read from
    identity TEXT NOT NULL     -- JSON: [publisher IRI, [[entity key, IRI], ...]]
);
CREATE TABLE IF NOT EXISTS resolution_blocks (
    digest TEXT PRIMARY KEY,   -- the block's digest (its outcome is the memo's row)
    family TEXT NOT NULL,
    data TEXT NOT NULL         -- JSON: [members' [article, key], candidates' IRIs, givens]
);
CREATE TABLE IF NOT EXISTS resolution_entities (
    iri TEXT PRIMARY KEY,
    digest TEXT NOT NULL,      -- kg.resolve.corpus.entity_digest of the description
    data TEXT NOT NULL         -- JSON: [type, label, names, titles, affiliations, mentions]
);
"""

_TABLES = ("resolution_articles", "resolution_blocks", "resolution_entities")


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _loads_all(texts: list[str]) -> list[Any]:
    """Many JSON texts decoded in one call (one decoder pass, not one per row)."""
    return json.loads("[" + ",".join(texts) + "]") if texts else []


class ResolutionState:
    """The kept resolution (see the module docstring): read at the start of a build,
    written at the end of its resolution. ``rows`` are the texts as kept, by table and
    key, which the checksum is made from."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db  # the tables exist: the cache makes them (kg.cache)
        self.rows: dict[str, dict[str, str]] = {t: {} for t in _TABLES}

    def moved(self, db: sqlite3.Connection) -> ResolutionState:
        """The same state on another connection (read in the prefetch thread, written
        in the build's)."""
        other = ResolutionState(db)
        other.rows = self.rows
        return other

    def _put(self, table: str, key: str, text: str | None) -> bool:
        """A row's text as kept (None: gone), in :attr:`rows`; whether it changed."""
        rows = self.rows[table]
        old = rows.get(key)
        if old == text:
            return False
        if text is None:
            del rows[key]
        else:
            rows[key] = text
        return True

    # --- reading -------------------------------------------------------------------------

    def load(
        self,
        minter: Minter,
        rules: list[AliasRule],
        memo: Memo,
        entities_of: Callable[[list[str]], dict[str, ArticleEntities]],
    ) -> tuple[CorpusResolution, dict[str, str]] | None:
        """The kept resolution and the record key of each article it holds, or None when
        there is none this build can trust. ``entities_of`` reads records' resolution
        inputs by record key (:meth:`kg.cache.BuildCache.entities`)."""
        meta = dict(self.db.execute("SELECT name, value FROM resolution_meta").fetchall())
        if meta.get("stamp") != _stamp(minter, rules):
            return None
        listed = {
            "resolution_articles": self.db.execute(
                "SELECT article, record || char(31) || identity FROM resolution_articles"
                " ORDER BY article"
            ).fetchall(),
            "resolution_blocks": self.db.execute(
                "SELECT digest, family || char(31) || data FROM resolution_blocks ORDER BY digest"
            ).fetchall(),
            "resolution_entities": self.db.execute(
                "SELECT iri, digest || char(31) || data FROM resolution_entities ORDER BY iri"
            ).fetchall(),
        }
        placed_text = meta.get("placed", "")
        rows = {t: dict(r) for t, r in listed.items()}
        if meta.get("checksum") != _checksum(rows, placed_text):
            return None
        try:
            corpus, keys = self._decode(listed, placed_text, minter, rules, memo, entities_of)
        except (KeyError, ValueError, TypeError, IndexError):  # parts that do not fit
            return None
        self.rows = rows
        return corpus, keys

    def _decode(self, rows, placed_text, minter, rules, memo, entities_of):
        keys: dict[str, str] = {}
        identities: dict[str, Identity] = {}
        id_texts = []
        for article, text in rows["resolution_articles"]:
            record, ident = text.split("\x1f", 1)
            keys[article] = record
            id_texts.append(ident)
        for article, (publisher, iris) in zip(keys, _loads_all(id_texts), strict=True):
            identities[article] = Identity(iris=dict(map(tuple, iris)), publisher=publisher)
        by_record = entities_of(list(keys.values()))
        articles = {}
        for article, record in keys.items():
            art = by_record[record]
            if art.article != article:
                raise ValueError("a record of another article")
            articles[article] = art
        heads, texts = [], []
        for digest, text in rows["resolution_blocks"]:
            family, data = text.split("\x1f", 1)
            heads.append((digest, family))
            texts.append(data)
        blocks = [
            (digest, family, ids, iris, givens)
            for (digest, family), (ids, iris, givens) in zip(heads, _loads_all(texts), strict=True)
        ]
        heads, texts = [], []
        for iri, text in rows["resolution_entities"]:
            digest, data = text.split("\x1f", 1)
            heads.append((iri, digest))
            texts.append(data)
        entities = {
            iri: (
                CorpusEntity(iri, type_, label, set(names), set(titles), set(affs), mentions),
                digest,
            )
            for (iri, digest), (type_, label, names, titles, affs, mentions) in zip(
                heads, _loads_all(texts), strict=True
            )
        }
        placed = {
            iri: frozenset((a, k) for a, k in ids)
            for iri, ids in (json.loads(placed_text) if placed_text else {}).items()
        }
        corpus = CorpusResolution.restored(
            minter, rules, memo, articles, blocks, identities, entities, placed
        )
        return corpus, keys

    # --- writing -------------------------------------------------------------------------

    def save(self, corpus: CorpusResolution, keys: dict[str, str]) -> None:
        """Keep what ``corpus``'s updates changed since it was read or last kept (its
        journal; all of it when it was made from scratch). ``keys``: the record key of
        each article it holds. Runs in the caller's transaction."""
        journal = corpus.journal
        db = self.db
        if journal.full:
            for t in _TABLES:
                db.execute(f"DELETE FROM {t}")
            self.rows = {t: {} for t in _TABLES}
        # what changed: every article after a full resolution, else the journal's (an
        # article removed is in it too)
        for article in sorted(set(corpus.articles) if journal.full else journal.articles):
            if article not in corpus.articles:
                if self._put("resolution_articles", article, None):
                    db.execute("DELETE FROM resolution_articles WHERE article = ?", (article,))
                continue
            ident = corpus.identities[article]
            text = _dumps([ident.publisher, [list(p) for p in ident.iris.items()]])
            if self._put("resolution_articles", article, f"{keys[article]}\x1f{text}"):
                db.execute(
                    "INSERT OR REPLACE INTO resolution_articles VALUES (?, ?, ?)",
                    (article, keys[article], text),
                )
        current = {b.digest: b for b in corpus.blocks()}
        for digest in sorted(journal.blocks_gone - set(current)):
            if self._put("resolution_blocks", digest, None):
                db.execute("DELETE FROM resolution_blocks WHERE digest = ?", (digest,))
        for digest, block in current.items():
            iris = [c.iri for c in block.candidates]
            if block.saved == iris:
                continue
            givens = [_givens(block.family, c) for c in block.candidates]
            text = _dumps([[list(m.id) for m in block.members], iris, givens])
            if self._put("resolution_blocks", digest, f"{block.family}\x1f{text}"):
                db.execute(
                    "INSERT OR REPLACE INTO resolution_blocks VALUES (?, ?, ?)",
                    (digest, block.family, text),
                )
            block.saved = iris
        for iri in sorted(set(corpus.entities) if journal.full else journal.entities):
            ent = corpus.entities.get(iri)
            if ent is None:
                if self._put("resolution_entities", iri, None):
                    db.execute("DELETE FROM resolution_entities WHERE iri = ?", (iri,))
                continue
            text = _dumps(
                [
                    ent.type,
                    ent.label,
                    sorted(ent.names),
                    sorted(ent.titles),
                    sorted(ent.affiliations),
                    ent.mentions,
                ]
            )
            digest = corpus.digests[iri]
            if self._put("resolution_entities", iri, f"{digest}\x1f{text}"):
                db.execute(
                    "INSERT OR REPLACE INTO resolution_entities VALUES (?, ?, ?)",
                    (iri, digest, text),
                )
        placed_text = _dumps(
            {iri: sorted(list(i) for i in ids) for iri, ids in sorted(corpus.placed_on().items())}
        )
        meta = {
            "stamp": _stamp(corpus.minter, corpus.rules),
            "placed": placed_text,
            "checksum": _checksum(self.rows, placed_text),
        }
        db.executemany("INSERT OR REPLACE INTO resolution_meta VALUES (?, ?)", meta.items())
        corpus.journal = Journal(full=False)


def _givens(family: str, c) -> list[str] | None:
    """The given names that placing given names alone reads of a person of the corpus,
    kept so that a build does not work them out again for every person."""
    if family != "Person" or c.scoped:
        return None
    return sorted(person_givens(c))


def _stamp(minter: Minter, rules: list[AliasRule]) -> str:
    """What a kept resolution is only valid under."""
    return _dumps(
        [
            FORMAT,
            resolver_version(),
            minter.base,
            [[r.alias, r.canonical, r.type] for r in sorted(rules)],
        ]
    )


def _checksum(rows: dict[str, dict[str, str]], placed: str) -> str:
    """A digest of every kept row, each table's in key order (rows read back come in
    that order, and a build adds a few: sorting them again is cheap). Keys and texts
    are joined apart, so that a build digests them in a few calls, not one per row."""
    h = hashlib.blake2b(digest_size=16)
    for t in _TABLES:
        r = rows[t]
        keys = sorted(r)
        h.update(f"\x1d{t}\x1d".encode())
        h.update("\x1e".join(keys).encode("utf-8", "surrogatepass"))
        h.update(b"\x1d")
        h.update("\x1e".join([r[k] for k in keys]).encode("utf-8", "surrogatepass"))
    h.update(b"\x1d")
    h.update(placed.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


__all__ = ["FORMAT", "ResolutionState"]
