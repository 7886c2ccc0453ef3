"""Building a store from input paths: read -> parse (batched) -> extract -> resolve -> RDF ->
store, one article at a time so that each article is stored in its own transaction."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from kg import nlp as nlp_mod
from kg.extract import extract
from kg.model import Article, Extraction, ReadProblem
from kg.rdf.iris import Minter
from kg.rdf.mapping import article_ntriples
from kg.rdf.vocab import DEFAULT_BASE
from kg.readers import read_paths
from kg.resolve import (
    AliasRule,
    EntityIndex,
    apply_alias_rules,
    apply_renames,
    keep_rules,
    remember,
    resolve,
    settle_bare,
    stored_rules,
    surnames_of,
)
from kg.store.base import Store


@dataclass
class BuildReport:
    """What a build did, for the summary a user sees."""

    articles: int = 0
    unchanged: int = 0
    replaced: int = 0
    entities: Counter = field(default_factory=Counter)
    statements: Counter = field(default_factory=Counter)
    rewritten: int = 0  # older article graphs rewritten by merges and fuller names
    problems: list[ReadProblem] = field(default_factory=list)

    @property
    def failed(self) -> list[ReadProblem]:
        return [p for p in self.problems if p.kind == "failed"]

    @property
    def skipped(self) -> list[ReadProblem]:
        return [p for p in self.problems if p.kind == "skipped"]


def extract_articles(
    articles: Iterable[Article], *, model: str | None = None, batch_size: int = 16
) -> Iterable[Extraction]:
    """Parse articles in batches with ``nlp.pipe`` and extract each one."""
    nlp = nlp_mod.load(model)
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp_mod.parse_pairs(nlp, pairs, batch_size=batch_size):
        yield extract(doc, article)


def build(
    paths: Sequence[str],
    store: Store,
    *,
    model: str | None = None,
    base: str = DEFAULT_BASE,
    force: bool = False,
    stdin: TextIO | None = None,
    on_article: Callable[[Article | ReadProblem], None] | None = None,
    aliases: Sequence[AliasRule] = (),
) -> BuildReport:
    """Build (or update) ``store`` from ``paths``.

    An article already stored from the same file with the same text is left alone (unless
    ``force``); a file whose text changed replaces its old article (the new version is written
    before the old one is dropped, so a failure in between loses nothing).
    Entities are matched against the store's (:mod:`kg.resolve`); when an article brings a
    fuller name for a stored entity, or ``aliases`` force a merge or a rename, the older
    article graphs concerned are rewritten, each in its own transaction.
    """
    report = BuildReport()
    minter = Minter(base)
    index = EntityIndex.load(store)
    if aliases:
        # the user's rules are kept in the store, so later builds go on applying them
        report.rewritten += apply_alias_rules(store, index, list(aliases), minter)
        aliases = keep_rules(store, minter, list(aliases))
    else:
        aliases = stored_rules(store, minter)
    stored = store.articles()
    by_file: dict[str, list[str]] = {}
    for sa in stored:
        by_file.setdefault(sa.source_file, []).append(sa.iri)

    def todo() -> Iterable[Article]:
        for item in read_paths(paths, stdin=stdin):
            if on_article:
                on_article(item)
            if isinstance(item, ReadProblem):
                report.problems.append(item)
                continue
            iri = minter.article(item.short_hash)
            # unchanged: stored from this file with this text, and nothing older left over
            # (an interrupted replacement can leave the old version beside the new one)
            if not force and by_file.get(item.source_file) == [iri]:
                report.unchanged += 1
                continue
            yield item

    for ex in extract_articles(todo(), model=model):
        art = ex.article
        iri = minter.article(art.short_hash)
        ident, renames = resolve(ex, index, minter, aliases)
        graph = article_ntriples(ex, minter, ident)
        old = [g for g in by_file.get(art.source_file, []) if g != iri]
        store.replace_article(iri, graph, drop=old)
        for g in old:
            index.drop_graph(g)
        remember(ex, ident, index, iri)
        report.rewritten += apply_renames(store, index, renames, skip=iri)
        settled = settle_bare(index, surnames_of(ex))
        report.rewritten += apply_renames(store, index, settled)
        if old:
            report.replaced += 1
        by_file[art.source_file] = [iri]
        report.articles += 1
        report.entities.update(e.type for e in ex.entities)
        report.statements.update(s.kind for s in ex.statements)
    return report
