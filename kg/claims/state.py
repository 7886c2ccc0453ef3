"""Claims kept up to date as articles come and go: what a build of a few articles redoes.

Why a state: :func:`kg.claims.compute_claims` over a whole corpus costs seconds (PolNeAR
train: 14,000 statements), and a build that adds one article would pay it every time.
The state kept beside the build cache (SQLite tables, all ``claim_*``) holds what the
computation worked out: every statement as compared (words and stems made once), the
matching pairs, each statement's claim, and indexes by speaker, article, stem and run of
words. A build then redoes only what the changed articles can reach, and writes only the
claims whose statements changed. Nothing here decides anything on its own: the pieces
are those of :mod:`kg.claims`, given the same inputs, so the claims are those of a
computation from scratch, byte for byte (the tests build in steps and compare).

Why the pieces can be redone apart:

- *Items* depend on their article's record, its entities' IRIs and types and its outlet:
  an article whose fingerprint (:func:`article_fingerprint`) is unchanged has the same
  statements.
- *Pairs* of one speaker come from an index of that speaker's statements alone (see
  :mod:`kg.claims.match`): a speaker with a statement added or removed is matched again,
  whole. Pairs across speakers (the same long quotation, a quotation given to an unnamed
  source) are pure functions of the two statements, found for the new ones through the
  indexes; the cap on a run of words' posting is the one corpus-wide count, and a change
  that takes a run across it has the whole corpus computed again (it never happens on
  news; it keeps the result exact).
- *Claims* are clusters of connected statements (:func:`kg.claims.match.cluster` is a
  function of one component alone): only the components that hold a changed pair or
  statement are clustered again.
- *Denials* are few, and each is read again at every build (the names in its words are
  the corpus's), but what it denies is looked up again only when something it looks at
  moved: a statement by a source it names, in its article, or, when it names none,
  holding the rare words it searched by and sharing enough with it; or the corpus's size,
  when finding it weighed how rare its words are. The lookups run against the indexes,
  never the whole corpus.

The state is written in the cache transaction that records the claims graph's write
(:meth:`kg.cache.BuildCache.end_patch`), so the two never disagree; a write left pending
by a crash, a cache that lost the graph, another version of this code or a large change
compute everything from scratch, and rebuild the state.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.claims import (
    Claims,
    Linked,
    Worked,
    add_claim,
    denial_groups,
    items_of,
    link_denials,
    work_claims,
)
from kg.claims.denials import (
    Reading,
    Targets,
    _reports,
    target_words,
)
from kg.claims.inputs import ArticleClaims
from kg.claims.items import Item
from kg.claims.match import CROSS_SPEAKER, MAX_POSTING, SHINGLE, cluster, matches, score
from kg.claims.triples import claims_ntriples
from kg.model import CorpusEntity, Identity
from kg.rdf.iris import Minter

if TYPE_CHECKING:
    from kg.cache import BuildCache
    from kg.resolve import Resolution
    from kg.store.base import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS claim_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claim_articles (article TEXT PRIMARY KEY, fp TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claim_items (
    iri TEXT PRIMARY KEY,      -- a statement
    article TEXT NOT NULL,     -- its article's IRI
    said INTEGER NOT NULL,     -- 1 unless it is a denial
    speaker TEXT NOT NULL,
    publisher TEXT,
    words TEXT,                -- its words, for a direct quotation long enough to cross speakers
    data TEXT NOT NULL         -- JSON: the item as compared (kg.claims.items.Item) and more
);
CREATE INDEX IF NOT EXISTS claim_items_article ON claim_items(article);
CREATE INDEX IF NOT EXISTS claim_items_speaker ON claim_items(speaker);
CREATE INDEX IF NOT EXISTS claim_items_publisher ON claim_items(publisher);
CREATE INDEX IF NOT EXISTS claim_items_words ON claim_items(words);
CREATE TABLE IF NOT EXISTS claim_stems (stem TEXT NOT NULL, iri TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS claim_stems_stem ON claim_stems(stem, iri);
CREATE INDEX IF NOT EXISTS claim_stems_iri ON claim_stems(iri, stem);
CREATE TABLE IF NOT EXISTS claim_about (entity TEXT NOT NULL, iri TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS claim_about_entity ON claim_about(entity);
CREATE INDEX IF NOT EXISTS claim_about_iri ON claim_about(iri);
CREATE TABLE IF NOT EXISTS claim_shingles (
    shingle TEXT NOT NULL,     -- a run of words of a long direct quotation
    iri TEXT NOT NULL,
    n INTEGER NOT NULL         -- how often it stands in that quotation
);
CREATE INDEX IF NOT EXISTS claim_shingles_shingle ON claim_shingles(shingle);
CREATE INDEX IF NOT EXISTS claim_shingles_iri ON claim_shingles(iri);
CREATE TABLE IF NOT EXISTS claim_pairs (
    a TEXT NOT NULL, b TEXT NOT NULL,  -- two statements that match, the earlier first
    score REAL NOT NULL,
    unit TEXT                  -- their speaker when they have the same one
);
CREATE INDEX IF NOT EXISTS claim_pairs_a ON claim_pairs(a);
CREATE INDEX IF NOT EXISTS claim_pairs_b ON claim_pairs(b);
CREATE INDEX IF NOT EXISTS claim_pairs_unit ON claim_pairs(unit);
CREATE TABLE IF NOT EXISTS claim_of (statement TEXT PRIMARY KEY, claim TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS claim_of_claim ON claim_of(claim);
CREATE TABLE IF NOT EXISTS claim_said (claim TEXT PRIMARY KEY, shared INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS claim_sources (
    source TEXT PRIMARY KEY,   -- a speaker, or an outlet not its statement's speaker
    n INTEGER NOT NULL         -- of how many statements that are not denials
);
CREATE TABLE IF NOT EXISTS claim_denied (
    iri TEXT PRIMARY KEY,      -- a denial
    reading TEXT NOT NULL,     -- JSON: how it was read (kg.claims.denials.Reading)
    found TEXT NOT NULL,       -- JSON: the claims it denies
    size INTEGER NOT NULL,     -- 1 when finding them read the corpus's size
    probed TEXT                -- JSON: the stems its search walked, when it named no source
);
"""

_TABLES = (
    "claim_meta",
    "claim_articles",
    "claim_items",
    "claim_stems",
    "claim_about",
    "claim_shingles",
    "claim_pairs",
    "claim_of",
    "claim_said",
    "claim_sources",
    "claim_denied",
)

#: A denial's pool of at most this many statements is counted from their own rows.
POOL_READ = 2000

#: More changed articles than this share of the corpus: computing from scratch is as quick.
FULL_SHARE = 0.2


@lru_cache(maxsize=1)
def claims_version() -> str:
    """A digest of the code claims are computed by: another version starts from scratch."""
    root = Path(__file__).parent
    h = hashlib.sha256()
    for f in sorted(root.glob("*.py")):
        if f.name != "listing.py":
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def article_fingerprint(
    key: str, ident: Identity, entities: Mapping[str, CorpusEntity], base: str
) -> str:
    """What an article's statements, as claims compare them, are made from: its record,
    the IRIs and types of its entities (``entities``: the corpus's, by IRI), its outlet."""
    parts = [key, base, ident.publisher or ""]
    for k, iri in sorted(ident.iris.items()):
        ent = entities.get(iri)
        parts += (k, iri, ent.type if ent else "")
    payload = "\x1f".join(parts)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:24]


# --- items as rows ---------------------------------------------------------------------------


def _row(it: Item, names: dict[str, tuple[str, ...]] | None) -> str:
    said = it.kind != "Denial"
    return json.dumps(
        [
            [
                it.iri,
                it.article,
                it.n,
                it.kind,
                it.speaker,
                it.speaker_type,
                it.text,
                it.cue,
                it.direct,
                sorted(it.about),
                it.date,
                it.publisher,
                it.para,
                list(it.tokens),
                sorted(it.stems),
                it.negated,
                it.negations,
                sorted(it.numbers),
            ],
            sorted(target_words(it)) if said else None,
            _reports(it) if said else None,
            {k: list(v) for k, v in sorted(names.items())} if names is not None else None,
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


@dataclass
class _Loaded:
    """An item read back from its row, with what only the state keeps of it."""

    item: Item
    words: frozenset[str]
    reports: bool
    names: dict[str, tuple[str, ...]]


def _load(data: str) -> _Loaded:
    fields, words, reports, names = json.loads(data)
    it = object.__new__(Item)  # its words and stems were worked out when it was kept
    (
        it.iri,
        it.article,
        it.n,
        it.kind,
        it.speaker,
        it.speaker_type,
        it.text,
        it.cue,
        it.direct,
        about,
        it.date,
        it.publisher,
        it.para,
        tokens,
        stems,
        it.negated,
        it.negations,
        numbers,
    ) = fields
    it.about, it.tokens = frozenset(about), tuple(tokens)
    it.stems, it.numbers = frozenset(stems), frozenset(numbers)
    named = {k: tuple(v) for k, v in (names or {}).items()}
    return _Loaded(it, frozenset(words or ()), bool(reports), named)


def _reading_key(r: Reading) -> str:
    return json.dumps(
        [r.head, r.kind, sorted(r.sources), sorted(r.content), sorted(r.about), r.negated, r.topic],
        ensure_ascii=False,
    )


def _sources(it: Item) -> list[str]:
    """The sources a denial may name for a statement: its speaker, and its outlet."""
    if it.publisher and it.publisher != it.speaker:
        return [it.speaker, it.publisher]
    return [it.speaker]


def _long(it: Item) -> bool:
    """A direct quotation long enough to be matched across speakers."""
    return it.direct and len(it.tokens) >= CROSS_SPEAKER


def _runs(it: Item) -> Counter:
    """The runs of words (shingles) of a long direct quotation, with how often each."""
    if not _long(it):
        return Counter()
    return Counter(
        " ".join(it.tokens[k : k + SHINGLE]) for k in range(len(it.tokens) - SHINGLE + 1)
    )


def _ordered(a: Item, b: Item) -> tuple[str, str]:
    return (a.iri, b.iri) if a.order < b.order else (b.iri, a.iri)


def _in(column: str, values: list[str]) -> tuple[str, list[str]]:
    return f"{column} IN ({','.join('?' * len(values))})", values


def _chunks(values: Iterable[str], size: int = 500) -> Iterable[list[str]]:
    values = sorted(set(values))
    for i in range(0, len(values), size):
        yield values[i : i + size]


# --- the state ------------------------------------------------------------------------------


class ClaimsState:
    """The claims state in the cache's SQLite file (see the module docstring)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        try:
            row = db.execute("SELECT value FROM claim_meta WHERE key = 'version'").fetchone()
        except sqlite3.OperationalError:  # no state yet
            row = None
        if row is None or row[0] != claims_version():
            # another version's state, maybe in another layout: made anew from scratch
            for t in _TABLES:
                db.execute(f"DROP TABLE IF EXISTS {t}")
        db.executescript(SCHEMA)

    def meta(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM claim_meta").fetchall())

    def ready(self, base: str, subjects: int) -> bool:
        """Whether the state is this code's, for this base, and was kept with the claims
        graph as the cache knows it (``subjects``: how many subjects it knows)."""
        m = self.meta()
        return (
            m.get("version") == claims_version()
            and m.get("base") == base
            and m.get("subjects") == str(subjects)
        )

    def fingerprints(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT article, fp FROM claim_articles").fetchall())

    def rows(self, where: str, params: list[Any]) -> list[tuple[str, str]]:
        return self.db.execute(
            f"SELECT iri, data FROM claim_items WHERE {where}", params
        ).fetchall()

    def rewrite(self, worked: Worked, fingerprints: dict[str, str], base: str) -> None:
        """Replace the whole state with a computation from scratch (in a transaction the
        caller holds)."""
        # emptied (another version's tables, in another layout, were made anew when the
        # state was opened)
        for t in _TABLES:
            self.db.execute(f"DELETE FROM {t}")
        w = _Writes()
        for it in worked.items:
            w.add_item(it, worked.names.get(it.iri) if it.kind == "Denial" else None)
        for (a, b), s in worked.said_pairs.items():
            w.pairs.append((a, b, s, None))
        speaker = {it.iri: it.speaker for it in worked.items}
        w.pairs = [
            (a, b, s, speaker[a] if speaker[a] == speaker[b] else None) for a, b, s, _ in w.pairs
        ]
        claims = worked.claims
        for it in worked.items:
            if it.kind != "Denial":
                w.claim_of.append((it.iri, claims.claim_of[it.iri]))
        for c in sorted(worked.said_claims):
            w.said.append((c, int(len(claims.claims[c].appearances) > 1)))
        w.articles = sorted(fingerprints.items())
        w.apply(self.db)
        sources: Counter = Counter()
        for it in worked.items:
            if it.kind != "Denial":
                sources.update(_sources(it))
        self.db.executemany("INSERT INTO claim_sources VALUES (?, ?)", sorted(sources.items()))
        self.keep_denied(worked.linked)
        self._meta(base, sorted(worked.denial_claims), worked.size)

    def keep_denied(self, linked: dict[str, Linked]) -> None:
        """What every denial denies, and how it was read (the table is replaced)."""
        self.db.execute("DELETE FROM claim_denied")
        self.db.executemany(
            "INSERT INTO claim_denied VALUES (?, ?, ?, ?, ?)",
            [
                (
                    iri,
                    _reading_key(r),
                    json.dumps(list(found)),
                    int(size),
                    None if probed is None else json.dumps(list(probed)),
                )
                for iri, (r, found, size, probed) in sorted(linked.items())
            ],
        )

    def denied(self) -> dict[str, tuple[str, tuple[str, ...], bool, tuple[str, ...] | None]]:
        rows = self.db.execute("SELECT iri, reading, found, size, probed FROM claim_denied")
        return {
            i: (r, tuple(json.loads(f)), bool(n), None if p is None else tuple(json.loads(p)))
            for i, r, f, n, p in rows
        }

    def _meta(self, base: str, denial_claims: list[str], size: int) -> None:
        rows = [
            ("version", claims_version()),
            ("base", base),
            ("denial_claims", json.dumps(denial_claims)),
            ("size", str(size)),
        ]
        self.db.executemany("INSERT OR REPLACE INTO claim_meta VALUES (?, ?)", rows)

    def set_subjects(self, count: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO claim_meta VALUES ('subjects', ?)", (str(count),))


class _Writes:
    """Rows to add to the state (deletions are done first, by the caller)."""

    def __init__(self) -> None:
        self.items: list[tuple] = []
        self.stems: list[tuple[str, str]] = []
        self.about: list[tuple[str, str]] = []
        self.shingles: list[tuple[str, str, int]] = []
        self.pairs: list[tuple[str, str, float, str | None]] = []
        self.claim_of: list[tuple[str, str]] = []
        self.said: list[tuple[str, int]] = []
        self.articles: list[tuple[str, str]] = []

    def add_item(self, it: Item, names: dict[str, tuple[str, ...]] | None) -> None:
        said = it.kind != "Denial"
        words = " ".join(it.tokens) if said and _long(it) else None
        self.items.append(
            (it.iri, it.article, int(said), it.speaker, it.publisher, words, _row(it, names))
        )
        if said:
            self.stems += [(s, it.iri) for s in sorted(target_words(it))]
            self.about += [(e, it.iri) for e in sorted(it.about)]
            self.shingles += [(r, it.iri, n) for r, n in sorted(_runs(it).items())]

    def apply(self, db: sqlite3.Connection) -> None:
        db.executemany(
            "INSERT OR REPLACE INTO claim_items VALUES (?, ?, ?, ?, ?, ?, ?)", self.items
        )
        db.executemany("INSERT INTO claim_stems VALUES (?, ?)", self.stems)
        db.executemany("INSERT INTO claim_about VALUES (?, ?)", self.about)
        db.executemany("INSERT INTO claim_shingles VALUES (?, ?, ?)", self.shingles)
        db.executemany("INSERT INTO claim_pairs VALUES (?, ?, ?, ?)", self.pairs)
        db.executemany("INSERT OR REPLACE INTO claim_of VALUES (?, ?)", self.claim_of)
        db.executemany("INSERT OR REPLACE INTO claim_said VALUES (?, ?)", self.said)
        db.executemany("INSERT OR REPLACE INTO claim_articles VALUES (?, ?)", self.articles)


class _View:
    """The state's statements as they are after this build: the kept ones less those
    ``removed``, plus those ``added`` (what every query below answers)."""

    def __init__(self, state: ClaimsState, removed: list[_Loaded], added: list[Item]):
        self.state = state
        self.removed = {o.item.iri for o in removed}
        self._removed_items = [o.item for o in removed]
        self._removed_said = {o.item.iri for o in removed if o.item.kind != "Denial"}
        self._removed_words = [o.words for o in removed if o.item.kind != "Denial"]
        self.added = {it.iri: it for it in added if it.kind != "Denial"}
        self.added_words = {iri: target_words(it) for iri, it in self.added.items()}
        self._loaded: dict[str, _Loaded] = {}

    def _keep(self, rows: Iterable[tuple[str, str]]) -> list[Item]:
        out = []
        for iri, data in rows:
            if iri in self.removed:
                continue
            got = self._loaded.get(iri)
            if got is None:
                got = self._loaded[iri] = _load(data)
            out.append(got.item)
        return out

    def item(self, iri: str) -> Item:
        if iri in self.added:
            return self.added[iri]
        got = self._loaded.get(iri)
        if got is None:
            (row,) = self.state.rows("iri = ?", [iri])
            got = self._loaded[iri] = _load(row[1])
        return got.item

    def items(self, iris: Iterable[str]) -> dict[str, Item]:
        want = [i for i in set(iris) if i not in self.added and i not in self._loaded]
        for chunk in _chunks(want):
            self._keep(self.state.rows(*_in("iri", chunk)))
        return {i: self.item(i) for i in iris}

    def words(self, iri: str) -> frozenset[str]:
        if iri in self.added:
            return self.added_words[iri]
        self.item(iri)
        return self._loaded[iri].words

    def reports(self, iri: str) -> bool:
        if iri in self.added:
            return _reports(self.added[iri])
        self.item(iri)
        return self._loaded[iri].reports

    def of_speaker(self, speaker: str) -> list[Item]:
        got = self._keep(self.state.rows("said = 1 AND speaker = ?", [speaker]))
        got += [it for it in self.added.values() if it.speaker == speaker]
        return sorted(got, key=lambda it: it.order)

    def by_source(self, source: str) -> list[str]:
        rows = self.state.rows(
            "said = 1 AND (speaker = ? OR (publisher = ? AND publisher != speaker))",
            [source, source],
        )
        out = [it.iri for it in self._keep(rows)]
        out += [
            i
            for i, it in self.added.items()
            if it.speaker == source or (it.publisher == source and it.publisher != it.speaker)
        ]
        return out

    def by_article(self, article: str) -> list[str]:
        rows = self.state.rows("said = 1 AND article = ?", [article])
        out = [it.iri for it in self._keep(rows)]
        return out + [i for i, it in self.added.items() if it.article == article]

    def by_stem(self, stem: str) -> _Posting:
        return _Posting(self, stem)

    def stem_posting(self, stem: str) -> list[str]:
        rows = self.state.db.execute("SELECT iri FROM claim_stems WHERE stem = ?", (stem,))
        out = [i for (i,) in rows if i not in self.removed]
        return out + [i for i, w in self.added_words.items() if stem in w]

    def stem_count(self, stem: str) -> int:
        (n,) = self.state.db.execute(
            "SELECT COUNT(*) FROM claim_stems WHERE stem = ?", (stem,)
        ).fetchone()
        n -= sum(1 for w in self._removed_words if stem in w)
        return n + sum(1 for w in self.added_words.values() if stem in w)

    def content_counts(
        self, stems: frozenset[str], least: int, among: set[str] | None = None
    ) -> dict[str, int]:
        """Statement -> how many of ``stems`` its words hold, for those that hold at
        least ``least`` of them (``among``: only these statements are wanted)."""
        out: dict[str, int] = {}
        if stems and among is not None and len(among) <= POOL_READ:
            # a small pool: its own rows, not the postings of every stem
            for chunk in _chunks(i for i in among if i not in self.added):
                where, params = _in("iri", chunk)
                marks = ",".join("?" * len(stems))
                sql = (
                    f"SELECT iri, COUNT(*) FROM claim_stems WHERE {where} AND stem IN "
                    f"({marks}) GROUP BY iri HAVING COUNT(*) >= ?"
                )
                for i, n in self.state.db.execute(sql, [*params, *sorted(stems), least]):
                    if i not in self.removed:
                        out[i] = n
        elif stems:
            where, params = _in("stem", sorted(stems))
            sql = (
                f"SELECT iri, COUNT(*) FROM claim_stems WHERE {where} GROUP BY iri "
                "HAVING COUNT(*) >= ?"
            )
            for i, n in self.state.db.execute(sql, [*params, least]):
                if i not in self.removed:
                    out[i] = n
        for i, w in self.added_words.items():
            n = len(stems & w)
            if n >= least:
                out[i] = n
        return out

    def by_about(self, entity: str) -> list[str]:
        rows = self.state.db.execute("SELECT iri FROM claim_about WHERE entity = ?", (entity,))
        out = [i for (i,) in rows if i not in self.removed]
        return out + [i for i, it in self.added.items() if entity in it.about]

    def by_words(self, words: str) -> list[str]:
        rows = self.state.db.execute(
            "SELECT iri FROM claim_items WHERE said = 1 AND words = ?", (words,)
        )
        out = [i for (i,) in rows if i not in self.removed]
        return out + [
            i for i, it in self.added.items() if _long(it) and " ".join(it.tokens) == words
        ]

    def by_run(self, run: str) -> list[str]:
        rows = self.state.db.execute("SELECT iri FROM claim_shingles WHERE shingle = ?", (run,))
        out = [i for (i,) in rows if i not in self.removed]
        return out + [i for i, it in self.added.items() if run in _runs(it)]

    def kept_run_counts(self, runs: Iterable[str]) -> Counter:
        """How often each run stands in the kept statements (before this build)."""
        out: Counter = Counter()
        for chunk in _chunks(runs):
            where, params = _in("shingle", chunk)
            sql = f"SELECT shingle, SUM(n) FROM claim_shingles WHERE {where} GROUP BY shingle"
            out.update(dict(self.state.db.execute(sql, params).fetchall()))
        return out

    def size(self) -> int:
        """How many statements a denial may deny (what rare words are counted against)."""
        (n,) = self.state.db.execute("SELECT COUNT(*) FROM claim_items WHERE said = 1").fetchone()
        return n - len(self._removed_said) + len(self.added)

    def speakers(self) -> set[str]:
        """Every speaker, and every outlet that is not its statement's speaker."""
        counts = Counter(dict(self.state.db.execute("SELECT source, n FROM claim_sources")))
        counts.subtract(self.source_delta())
        return {s for s, n in counts.items() if n > 0}

    def source_delta(self) -> Counter:
        """How many statements each source loses in this build (negative: gains)."""
        delta: Counter = Counter()
        for it in self._removed_items:
            if it.kind != "Denial":
                delta.update(_sources(it))
        for it in self.added.values():
            delta.subtract(_sources(it))
        return delta


class _Posting:
    """The statements whose words hold a stem: counted by the index, read only when a
    denial walks them."""

    def __init__(self, view: _View, stem: str):
        self._view, self._stem = view, stem
        self._count: int | None = None
        self._iris: list[str] | None = None

    def __len__(self) -> int:
        if self._iris is not None:
            return len(self._iris)
        if self._count is None:
            self._count = self._view.stem_count(self._stem)
        return self._count

    def __iter__(self) -> Iterator[str]:
        if self._iris is None:
            self._iris = self._view.stem_posting(self._stem)
        return iter(self._iris)


class _Lazy(dict):
    """A mapping filled on first use: :class:`Targets` reads the state through these."""

    def __init__(self, fetch: Callable[[Any], Any]):
        super().__init__()
        self._fetch = fetch

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self._fetch(key)
        return value

    def get(self, key: Any, default: Any = None) -> Any:
        return self[key]


class _StateTargets(Targets):
    """:class:`Targets` answered from the state (statements keyed by IRI): the same
    indexes, read only where a denial looks."""

    def __init__(self, view: _View, claim_of: Callable[[str], str]):
        self.items = _Lazy(view.item)
        self.claim_of = _Lazy(claim_of)
        self.by_source = _Lazy(view.by_source)
        self.by_article = _Lazy(view.by_article)
        self.by_stem = _Lazy(view.by_stem)
        self.by_about = _Lazy(view.by_about)
        self.words = _Lazy(view.words)
        self.reports = _Lazy(view.reports)
        self.size = view.size()
        self._speakers = view.speakers()
        self._view = view

    @property
    def speakers(self) -> set[str]:
        return set(self._speakers)

    def _shared(self, r: Any, pool: set[Any], least: int = 0) -> dict[Any, int]:
        # counted by the state's index, so that only the statements that share enough
        # are read: one with fewer content stems than `least` less the named entities
        # cannot reach `least`
        need = least - len(r.about)
        counts = self._view.content_counts(r.content, max(1, need), pool)
        named: Counter = Counter()
        for e in sorted(r.about):
            named.update(self.by_about[e])
        keys = set(counts) | (set(named) if need <= 0 else set())
        return {i: counts.get(i, 0) + named.get(i, 0) for i in keys if i in pool}


class _Full(Exception):
    """The change cannot be made in steps: compute from scratch."""


def update_claims(
    store: Store,
    cache: BuildCache,
    graph: str,
    keys: dict[str, str],
    resolution: Resolution,
    minter: Minter,
    fps: dict[str, str] | None = None,
) -> tuple[int, Counter]:
    """Phase 2's claims step (``keys``: article IRI -> record key of every article the
    store holds): the claims graph brought up to date, in steps when the state allows,
    else from scratch. ``fps``: each article's :func:`article_fingerprint` by short hash,
    when the caller has them (else worked out here). Returns how many subjects of
    ``graph`` changed, and the counts a build reports (:func:`kg.claims.claim_counts`)."""
    state = ClaimsState(cache.connection)
    short = {iri.rsplit("/", 1)[-1]: key for iri, key in keys.items()}
    if fps is None:
        fps = {
            a: article_fingerprint(key, resolution.identities[a], resolution.entities, minter.base)
            for a, key in short.items()
        }
    known = cache.subject_count(graph)
    if (
        state.ready(minter.base, known)
        and not cache.pending(graph)
        and (known or not store.has_graph(graph))
    ):
        try:
            return _in_steps(store, cache, state, graph, short, fps, resolution, minter)
        except _Full:
            pass
    return _from_scratch(store, cache, state, graph, short, fps, resolution, minter)


def _from_scratch(
    store: Store,
    cache: BuildCache,
    state: ClaimsState,
    graph: str,
    short: dict[str, str],
    fps: dict[str, str],
    resolution: Resolution,
    minter: Minter,
) -> tuple[int, Counter]:
    """Every claim computed again, the graph synced whole and the state made anew (in the
    transaction that records the write)."""
    worked = work_claims(cache.claim_inputs(short.values()).values(), resolution, minter)
    subjects = claims_ntriples(worked.claims)

    def keep() -> None:
        state.rewrite(worked, fps, minter.base)
        state.set_subjects(cache.subject_count(graph))

    changed = _sync_all(store, cache, graph, subjects, None if cache.in_memory else keep)
    return changed, _counts(worked.claims)


def _sync_all(
    store: Store,
    cache: BuildCache,
    graph: str,
    subjects: dict[str, str],
    then: Callable[[], None] | None,
) -> int:
    """The whole claims graph synced (one name, for benchmarks/claims.py to time)."""
    from kg.writer import sync_subjects  # kg.writer imports the cache, which imports claims

    return sync_subjects(store, cache, graph, subjects, then)


def _counts(claims: Claims) -> Counter:
    from kg.claims import claim_counts

    return claim_counts(claims)  # the counts a build reports


def _in_steps(
    store: Store,
    cache: BuildCache,
    state: ClaimsState,
    graph: str,
    short: dict[str, str],
    fps: dict[str, str],
    resolution: Resolution,
    minter: Minter,
) -> tuple[int, Counter]:
    """The claims graph brought up to date from the state (see the module docstring);
    raises :class:`_Full` when the change is better, or only exactly, made from scratch."""
    from kg.writer import patch_rendered

    old_fps = state.fingerprints()
    changed = sorted(a for a, fp in fps.items() if old_fps.get(a) != fp)
    gone = sorted(set(old_fps) - set(fps))
    if len(changed) + len(gone) > max(8, FULL_SHARE * len(fps)):
        raise _Full
    # the statements of the changed and removed articles go; those of the changed come back
    touched = [minter.article(a) for a in changed + gone]
    old: dict[str, _Loaded] = {}
    for chunk in _chunks(touched):
        for iri, data in state.rows(*_in("article", chunk)):
            old[iri] = _load(data)
    inputs: list[ArticleClaims] = list(cache.claim_inputs(short[a] for a in changed).values())
    new_items, names = items_of(inputs, resolution, minter)
    removed = set(old)
    view = _View(state, list(old.values()), new_items)
    added_said = [it for it in new_items if it.kind != "Denial"]
    old_said = [o.item for o in old.values() if o.item.kind != "Denial"]

    # runs of words: a count that crosses the cap changes pairs anywhere
    delta: Counter = Counter()
    for it in old_said:
        delta.subtract(_runs(it))
    for it in added_said:
        delta.update(_runs(it))
    before = view.kept_run_counts(delta)
    after = {r: before.get(r, 0) + d for r, d in delta.items()}
    if any((before.get(r, 0) > MAX_POSTING) != (n > MAX_POSTING) for r, n in after.items()):
        raise _Full
    run_cache: dict[str, int] = dict(after)

    def run_count(run: tuple[str, ...]) -> int:
        key = " ".join(run)
        if key not in run_cache:
            run_cache[key] = view.kept_run_counts([key]).get(key, 0)
        return run_cache[key]

    # pairs: each speaker with a statement gone or come is matched again, whole
    dirty = sorted({it.speaker for it in old_said} | {it.speaker for it in added_said})
    db = state.db
    old_pairs: dict[tuple[str, str], float] = {}
    for chunk in _chunks(dirty):
        where, params = _in("unit", chunk)
        for a, b, s in db.execute(f"SELECT a, b, score FROM claim_pairs WHERE {where}", params):
            old_pairs[(a, b)] = s
    for chunk in _chunks(removed):
        for col in ("a", "b"):
            where, params = _in(col, chunk)
            for a, b, s in db.execute(f"SELECT a, b, score FROM claim_pairs WHERE {where}", params):
                old_pairs[(a, b)] = s
    new_pairs: dict[tuple[str, str], float] = {}
    unit_of: dict[tuple[str, str], str | None] = {}
    for speaker in dirty:
        unit = view.of_speaker(speaker)
        if not unit:
            continue
        unnamed = unit[0].speaker_type == "UnnamedSource"
        for (i, j), s in matches(unit, run_count if unnamed else None).items():
            new_pairs[(unit[i].iri, unit[j].iri)] = s
            unit_of[(unit[i].iri, unit[j].iri)] = speaker
    # across speakers, for the new statements: the same long quotation, or one given to
    # an unnamed source found in another by a run of words
    for x in added_said:
        if not _long(x):
            continue
        found = set(view.by_words(" ".join(x.tokens)))
        xu = x.speaker_type == "UnnamedSource"
        for run in _runs(x):
            if run_count(tuple(run.split(" "))) > MAX_POSTING:
                continue
            for j in view.by_run(run):
                if xu or view.item(j).speaker_type == "UnnamedSource":
                    found.add(j)
        for j in sorted(found):
            y = view.item(j)
            if y.speaker == x.speaker or j == x.iri:
                continue
            pair = _ordered(x, y)
            if pair in new_pairs:
                continue
            a, b = view.item(pair[0]), view.item(pair[1])
            s = score(a, b)
            if s is not None:
                new_pairs[pair] = s
                unit_of[pair] = None

    # the components that hold a changed pair or statement are clustered again
    seeds = {it.iri for it in added_said}
    for p in set(old_pairs) ^ set(new_pairs):
        seeds.update(p)
    for p in set(old_pairs) & set(new_pairs):
        if old_pairs[p] != new_pairs[p]:
            seeds.update(p)
    seeds -= removed - set(view.added)
    adjacency: dict[str, dict[str, float]] = defaultdict(dict)
    for (a, b), s in new_pairs.items():
        adjacency[a][b] = s
        adjacency[b][a] = s
    component: set[str] = set()
    pairs_in: dict[tuple[str, str], float] = {}
    frontier = set(seeds)
    while frontier:
        component |= frontier
        reached: set[str] = set()
        for chunk in _chunks(frontier):
            for col in ("a", "b"):
                where, params = _in(col, chunk)
                sql = f"SELECT a, b, score FROM claim_pairs WHERE {where}"
                for a, b, s in db.execute(sql, params):
                    if (a, b) in old_pairs:
                        continue  # gone, or matched again above
                    pairs_in[(a, b)] = s
                    reached.update((a, b))
        for i in frontier:
            for j, s in adjacency.get(i, {}).items():
                pairs_in[_ordered(view.item(i), view.item(j))] = s
                reached.add(j)
        frontier = reached - component
    members = sorted(view.items(component).values(), key=lambda it: it.order)
    position = {it.iri: k for k, it in enumerate(members)}
    indexed = {}
    for (a, b), s in pairs_in.items():
        i, j = position[a], position[b]
        indexed[(min(i, j), max(i, j))] = s
    out = Claims()
    for g in cluster(members, indexed):
        add_claim(out, [members[k] for k in g], minter)
    said_new = set(out.claims)
    old_claims: dict[str, str] = {}
    for chunk in _chunks(component | {it.iri for it in old_said}):
        where, params = _in("statement", chunk)
        old_claims.update(
            db.execute(f"SELECT statement, claim FROM claim_of WHERE {where}", params)
        )

    # every denial is read again, against the state
    kept_denials = [
        _load(d)
        for i, d in db.execute("SELECT iri, data FROM claim_items WHERE said = 0")
        if i not in removed
    ]
    denials = [k.item for k in kept_denials] + [it for it in new_items if it.kind == "Denial"]
    denials.sort(key=lambda it: it.order)
    denial_names = {k.item.iri: k.names for k in kept_denials}
    denial_names.update({it.iri: names.get(it.iri, {}) for it in new_items if it.kind == "Denial"})

    def claim_of(statement: str) -> str:
        if statement in out.claim_of:
            return out.claim_of[statement]
        (row,) = db.execute("SELECT claim FROM claim_of WHERE statement = ?", (statement,))
        return str(row[0])

    # a denial nothing it reads has changed denies what it denied: nothing said by its
    # sources, in its article or with its words came, went or changed claim, and the
    # corpus's size is the same if it was read
    targets = _StateTargets(view, claim_of)
    meta = state.meta()
    same_size = meta.get("size") == str(targets.size)
    cached = state.denied()
    fresh = {it.iri for it in new_items if it.kind == "Denial"}
    moved = [*added_said, *old_said, *members]
    moved_articles = {it.article for it in moved}
    moved_sources = {s for it in moved for s in _sources(it)}
    moved_words_of: list[tuple[Item, frozenset[str]]] = []
    for it in moved:
        if it.iri in view.added:
            moved_words_of.append((it, view.added_words[it.iri]))
        elif it.iri in old:
            moved_words_of.append((it, old[it.iri].words))
        else:
            moved_words_of.append((it, view.words(it.iri)))
    moved_words = {s for _, words in moved_words_of for s in words}

    def known(d: Item, reading: Reading) -> Linked | None:
        got = cached.get(d.iri)
        if d.iri in fresh or got is None or got[0] != _reading_key(reading):
            return None
        _, found, read_size, probed = got
        if read_size and (not same_size or reading.content & moved_words):
            return None  # how rare its words are counted
        if d.article in moved_articles or reading.sources & moved_sources:
            return None
        if probed is not None:
            # it looked through the statements holding its rarest words: the same stems
            # now, and nothing moved among those statements that shares enough with it
            now = targets.probe(reading)
            if tuple(now) != probed:
                return None
            near = targets.near_least(reading)
            walked = set(now)
            for it, words in moved_words_of:
                if words & walked and targets.shared(reading, words, it) >= near:
                    return None
        return (reading, found, read_size, probed)

    linked: dict[str, Linked] = {}
    denied = link_denials(targets, denials, denial_names, resolution, known, linked)
    for g in denial_groups(denials, denied):
        add_claim(out, g, minter)
    for iri, found in sorted(denied.items()):
        out.denies[iri] = sorted(found)
    denial_new = set(out.claims) - said_new
    denial_old = set(json.loads(meta.get("denial_claims", "[]")))
    rendered = claims_ntriples(out)
    gone_subjects = (set(old_claims.values()) | denial_old | removed) - set(rendered)

    # what the state keeps of this build (written with the graph's digests)
    shared_old = _shared(db, set(old_claims.values()))
    (said_count, said_shared) = db.execute(
        "SELECT COUNT(*), COALESCE(SUM(shared), 0) FROM claim_said"
    ).fetchone()
    said_count += len(said_new) - len(shared_old)
    said_shared += sum(int(len(out.claims[c].appearances) > 1) for c in said_new)
    said_shared -= sum(shared_old.values())
    denial_claims = [out.claims[c] for c in denial_new]
    counts = Counter(
        claims=said_count + len(denial_claims),
        shared=said_shared + sum(1 for c in denial_claims if len(c.appearances) > 1),
        denied=len(out.denies),
    )

    def keep() -> None:
        for chunk in _chunks(removed):
            for table, col in (
                ("claim_items", "iri"),
                ("claim_stems", "iri"),
                ("claim_about", "iri"),
                ("claim_shingles", "iri"),
                ("claim_of", "statement"),
                ("claim_pairs", "a"),
                ("claim_pairs", "b"),
            ):
                where, params = _in(col, chunk)
                db.execute(f"DELETE FROM {table} WHERE {where}", params)
        for chunk in _chunks(dirty):
            where, params = _in("unit", chunk)
            db.execute(f"DELETE FROM claim_pairs WHERE {where}", params)
        for chunk in _chunks(set(old_claims.values())):
            where, params = _in("claim", chunk)
            db.execute(f"DELETE FROM claim_said WHERE {where}", params)
        for chunk in _chunks(changed + gone):
            where, params = _in("article", chunk)
            db.execute(f"DELETE FROM claim_articles WHERE {where}", params)
        w = _Writes()
        for it in new_items:
            w.add_item(it, names.get(it.iri, {}) if it.kind == "Denial" else None)
        w.pairs = [(a, b, s, unit_of[(a, b)]) for (a, b), s in sorted(new_pairs.items())]
        w.claim_of = sorted((st, c) for st, c in out.claim_of.items() if c in said_new)
        w.said = [(c, int(len(out.claims[c].appearances) > 1)) for c in sorted(said_new)]
        w.articles = [(a, fps[a]) for a in changed]
        w.apply(db)
        for source, n in sorted(view.source_delta().items()):
            if n:
                db.execute(
                    "INSERT INTO claim_sources VALUES (?, ?) "
                    "ON CONFLICT(source) DO UPDATE SET n = n + excluded.n",
                    (source, -n),
                )
        db.execute("DELETE FROM claim_sources WHERE n <= 0")
        state.keep_denied(linked)
        state._meta(minter.base, sorted(denial_new), targets.size)
        state.set_subjects(cache.subject_count(graph))

    return patch_rendered(store, cache, graph, rendered, gone_subjects, keep), counts


def _shared(db: sqlite3.Connection, claims: set[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for chunk in _chunks(claims):
        where, params = _in("claim", chunk)
        out.update(db.execute(f"SELECT claim, shared FROM claim_said WHERE {where}", params))
    return out


__all__ = ["ClaimsState", "article_fingerprint", "claims_version", "update_claims"]
