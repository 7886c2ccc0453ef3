"""The resolution of a whole corpus, kept up to date as articles come and go.

Why a stateful object: a build adds a few articles to a store that may hold thousands, and
resolving the whole corpus again would make every build cost as much as the first. The
corpus falls apart into independent blocks (:mod:`kg.resolve.blocks`), so
:meth:`CorpusResolution.update` resolves again only the blocks an added or removed
article touches, and keeps the rest. Everything it keeps is what a resolution from
scratch computes, and :func:`kg.resolve.resolve_corpus` *is* an update of an empty one, so
the two cannot disagree: the same articles give the same identities whatever the history.

Three things reach across blocks, and are computed over the whole corpus on every update
(they are light): people named by a given name alone ("Hillary"), placed once every block
is known; the rare IRI that two blocks want (:func:`settle_iris`); and affiliations, which
point from a person to an organisation or place of another block.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kg.extract.names import fold
from kg.model import FAMILY, CorpusEntity, Identity
from kg.rdf.iris import Minter
from kg.resolve.aliases import AliasRule
from kg.resolve.blocks import Memo, digest, group_blocks, person_blocks
from kg.resolve.candidates import (
    Candidate,
    assign_iris,
    group_candidate,
    person_candidate,
    settle_iris,
)
from kg.resolve.groups import Group, group_by_keys, name_key_of
from kg.resolve.local import PUBLISHER_KEY, ArticleEntities, Local, article_items
from kg.resolve.names import person_forms
from kg.resolve.people import (
    PersonCluster,
    _order,
    cluster_people,
    evidence_of,
    given_alone,
    pick,
)

ItemId = tuple[str, str]

#: no given names placed on an entity (one object: the update compares it for every entity)
_NONE: frozenset[ItemId] = frozenset()


@dataclass
class Block:
    """One independent block: its members, outcome, and the tokens that reach it."""

    family: str
    members: list[Local]
    candidates: list[Candidate]
    deferred: list[Local]
    tokens: set[str]
    digest: str = ""
    #: the corpus IRIs of its candidates as last persisted (:mod:`kg.resolve.state`)
    saved: list[str] | None = None


@dataclass
class Changes:
    """What an update changed: articles whose identities differ (or are new), entities
    described anew, entities gone."""

    articles: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)
    gone: set[str] = field(default_factory=set)


@dataclass
class Journal:
    """What changed since the resolution was last persisted (:mod:`kg.resolve.state`
    writes exactly these rows): ``full`` when nothing of it was persisted yet."""

    full: bool = True
    articles: set[str] = field(default_factory=set)  # added, replaced, removed, re-identified
    blocks_gone: set[str] = field(default_factory=set)  # digests
    entities: set[str] = field(default_factory=set)  # IRIs described anew or gone


class CorpusResolution:
    """Every article's entities resolved at once, updatable (see the module docstring)."""

    def __init__(self, minter: Minter, rules: Sequence[AliasRule] = (), memo: Memo | None = None):
        self.minter = minter
        self.rules = sorted(rules)
        self.memo = memo if memo is not None else Memo()
        self.articles: dict[str, ArticleEntities] = {}
        self.identities: dict[str, Identity] = {}
        self.entities: dict[str, CorpusEntity] = {}
        #: a digest of each entity's description, kept with it (what a build compares)
        self.digests: dict[str, str] = {}
        self._blocks: dict[int, Block] = {}
        self._ids = itertools.count()
        self._token_block: dict[tuple[str, str], int] = {}
        self._item_block: dict[ItemId, int] = {}
        self._item_candidate: dict[ItemId, Candidate] = {}
        self._given: list[Candidate] = []  # candidates made for given names left alone
        self._placed: dict[ItemId, Candidate] = {}  # given names alone -> where they went
        self._placed_on: dict[str, frozenset[ItemId]] = {}  # and by the IRI they went to
        self.journal = Journal()

    @classmethod
    def restored(
        cls,
        minter: Minter,
        rules: Sequence[AliasRule],
        memo: Memo,
        articles: dict[str, ArticleEntities],
        blocks: Iterable[tuple[str, str, list, list[str], list]],
        identities: dict[str, Identity],
        entities: dict[str, tuple[CorpusEntity, str]],
        placed_on: dict[str, frozenset[ItemId]],
    ) -> CorpusResolution:
        """The resolution as an earlier :meth:`update` left it, from what
        :mod:`kg.resolve.state` kept: the articles, each block (digest, family, member
        ids, its candidates' corpus IRIs and given names; the outcome read from ``memo``),
        identities, entities with their digests, and where given names alone went.
        Nothing is digested or resolved again here: that is the point. Raises
        ``ValueError`` (or ``KeyError``) when the parts do not fit together."""
        self = cls(minter, rules, memo)
        self.articles = dict(articles)
        by_id = {it[:2]: it for a in self.articles.values() for it in article_items(a)}
        seen = 0
        for digest_, family, ids, iris, givens in blocks:
            kept = memo.blocks[digest_]
            everyone = [by_id[(a, k)] for a, k in ids]
            members = {m[:2]: m for m in everyone}
            candidates = [Candidate.from_json(c, members) for c in kept["entities"]]
            if len(iris) != len(candidates):
                raise ValueError("a block's IRIs do not match its outcome")
            for c, iri, g in zip(candidates, iris, givens, strict=True):
                c.iri = iri
                c.givens = frozenset(g) if g is not None else None
            deferred = [members[(a, k)] for a, k in kept["deferred"]]
            block = Block(family, everyone, candidates, deferred, set(kept["tokens"]), digest_)
            block.saved = list(iris)
            self._add_block(block)
            memo.used.add(digest_)
            seen += len(everyone)
        if seen != len(by_id) or len(self._item_block) != len(by_id):
            raise ValueError("the blocks do not hold every entity exactly once")
        self.identities = dict(identities)
        self.entities = {iri: ent for iri, (ent, _) in entities.items()}
        self.digests = {iri: d for iri, (_, d) in entities.items()}
        self._placed_on = dict(placed_on)
        # where given names alone go, as the next update works it out again: done here
        # (in the prefetch, beside the parse) so that the evidence it reads is at hand
        self._place_given_alone()
        self.journal = Journal(full=False)
        return self

    # --- the public operation -------------------------------------------------------------

    def update(self, added: Iterable[ArticleEntities] = (), removed: Iterable[str] = ()) -> Changes:
        """Add (or replace) articles and remove others; returns what changed."""
        added = sorted(added, key=lambda a: a.article)
        gone_articles = set(removed) | {a.article for a in added if a.article in self.articles}
        before_iris = {id(c): c.iri for c in self._all_candidates()}
        touched: set[str] = {a.article for a in added}
        # a rule gathers entities from anywhere into one: with rules, resolve everything
        blocks = list(self._blocks) if self.rules else self._blocks_reached(gone_articles, added)
        old = [self._drop_block(b) for b in blocks]
        self.journal.blocks_gone |= {b.digest for b in old}
        self.journal.articles |= gone_articles | touched
        for art in gone_articles:
            self.articles.pop(art, None)
            self.identities.pop(art, None)
        for art in added:
            self.articles[art.article] = art
        items = [m for b in old for m in b.members if m.article not in gone_articles]
        if self.rules:
            items = [it for a in self.articles.values() for it in article_items(a)]
        else:
            items += [it for a in added for it in article_items(a)]
        new = self._resolve_blocks(items)
        deferred = self._place_given_alone()
        everyone = self._all_candidates()  # the candidates from here on (one list, not four)
        settle_iris(everyone, self.minter)
        fresh = {id(c) for b in new for c in b.candidates} | {id(c) for c in self._given}
        # the articles whose identities may differ: an entity of theirs got another IRI
        check = [m for b in new for m in b.members] + deferred
        for c in everyone:
            if id(c) not in fresh and before_iris.get(id(c)) != c.iri:
                check += c.members
        check += [self._local(i) for i in self._placed if self._local(i) is not None]
        touched |= {m.article for m in check if self._iri_of(m) != self._stored_iri(m)}
        changes = self._refresh(touched & set(self.articles), fresh, everyone)
        self.journal.articles |= changes.articles
        self.journal.entities |= changes.entities | changes.gone
        return changes

    def _iri_of(self, item: Local) -> str | None:
        c = self._item_candidate.get(item.id) or self._placed.get(item.id)
        if c is None:
            c = next((g for g in self._given if g.members[0].id == item.id), None)
        return c.iri if c is not None else None

    def _stored_iri(self, item: Local) -> str | None:
        ident = self.identities.get(item.article)
        if ident is None:
            return None
        return ident.publisher if item.key == PUBLISHER_KEY else ident.iris.get(item.key)

    def placed_on(self) -> dict[str, frozenset[ItemId]]:
        """The given names alone placed on each entity, by its IRI (as the last update
        left them)."""
        return dict(self._placed_on)

    def blocks(self) -> list[Block]:
        return list(self._blocks.values())

    def resolution(self):
        """The identities and the entities (sorted by IRI) as they stand."""
        from kg.resolve import Resolution

        return Resolution(
            identities=dict(self.identities),
            entities={iri: self.entities[iri] for iri in sorted(self.entities)},
        )

    # --- blocks ---------------------------------------------------------------------------

    def _blocks_reached(self, gone: set[str], added: list[ArticleEntities]) -> list[int]:
        reached: set[int] = set()
        for art in gone:
            held = self.articles.get(art)
            for it in article_items(held) if held else ():
                bid = self._item_block.get(it.id)
                if bid is not None:
                    reached.add(bid)
        if not self._blocks:
            return []
        for art in added:
            for it in article_items(art):
                for tok in _tokens(it, self.memo):
                    bid = self._token_block.get((FAMILY[it.type], tok))
                    if bid is not None:
                        reached.add(bid)
        return sorted(reached)

    def _drop_block(self, bid: int) -> Block:
        block = self._blocks.pop(bid)
        for tok in block.tokens:
            if self._token_block.get((block.family, tok)) == bid:
                del self._token_block[(block.family, tok)]
        for m in block.members:
            self._item_block.pop(m.id, None)
            self._item_candidate.pop(m.id, None)
        return block

    def _resolve_blocks(self, items: list[Local]) -> list[Block]:
        rest, forced_people, forced_groups = apply_rules(items, self.rules)
        by_family: dict[str, list[Local]] = defaultdict(list)
        for it in rest:
            by_family[FAMILY[it.type]].append(it)
        made: list[Block] = []
        people = person_blocks(by_family["Person"], list(forced_people.values()))
        for members, forced in people:
            made.append(self._solve("Person", members, forced))
        for family in ("Organization", "Place"):
            forced_here = [g for g in forced_groups.values() if g.family == family]
            key = _key_function(self.memo, family)
            for members, forced in group_blocks(family, by_family[family], forced_here, key):
                made.append(self._solve(family, members, forced))
        for block in made:
            self._add_block(block)
        return made

    def _add_block(self, block: Block) -> None:
        bid = next(self._ids)
        self._blocks[bid] = block
        family, token_block = block.family, self._token_block
        for tok in block.tokens:
            token_block[(family, tok)] = bid
        item_block, item_candidate = self._item_block, self._item_candidate
        for c in block.candidates:
            for m in c.members:
                item_id = m[:2]  # Local.id, without a property call (every stored entity)
                item_block[item_id] = bid
                item_candidate[item_id] = c
        for m in block.deferred:
            item_block[m[:2]] = bid

    def _solve(self, family: str, members: list[Local], forced: list) -> Block:
        """One block's outcome: read back from the memo, or resolved and remembered."""
        everyone = [*members, *(m for f in forced for m in f.members)]
        d = digest(family, everyone, forced)  # forced members too: they are the block's
        self.memo.used.add(d)
        kept = self.memo.blocks.get(d)
        by_id = {m.id: m for m in everyone}
        candidates: list[Candidate] | None = None
        deferred: list[Local] = []
        tokens: set[str] | None = None
        if kept is not None:
            try:
                candidates = [Candidate.from_json(c, by_id) for c in kept["entities"]]
                deferred = [by_id[(a, k)] for a, k in kept["deferred"]]
                tokens = set(kept["tokens"])
            except (KeyError, TypeError, ValueError):  # a memo of another shape
                candidates = None
        if candidates is None or tokens is None:
            candidates, deferred = _solve_block(family, members, forced, self.memo)
            assign_iris(candidates, self.minter)
            tokens = {t for it in everyone for t in _tokens(it, self.memo)}
            for f in forced:
                tokens |= {t for n in f.names for t in _name_tokens(family, n, self.memo)}
            self.memo.blocks[d] = self.memo.new_blocks[d] = {
                "entities": [c.to_json() for c in candidates],
                "deferred": [list(m.id) for m in deferred],
                "tokens": sorted(tokens),
            }
        return Block(family, everyone, candidates, deferred, tokens, d)

    def _all_candidates(self) -> list[Candidate]:
        return [c for b in self._blocks.values() for c in b.candidates] + self._given

    # --- given names alone ------------------------------------------------------------------

    def _place_given_alone(self) -> set[str]:
        """Step 2 for people named by a given name alone ("Hillary"), once every block is
        resolved: each joins the person of that given name the evidence picks (adding its
        names and mentions, not changing the person's label or IRI), or stays its
        article's. Returns those names."""
        deferred = sorted((m for b in self._blocks.values() for m in b.deferred), key=_order)
        self._placed, self._given = {}, []
        wanted = set().union(*(given_alone(m) for m in deferred)) if deferred else set()
        by_given: dict[str, list[Candidate]] = defaultdict(list)
        if wanted:
            for b in self._blocks.values():
                if b.family != "Person":
                    continue
                for c in b.candidates:
                    if not c.scoped:
                        for g in sorted(person_givens(c) & wanted):
                            by_given[g].append(c)

        def evidence_for(c: Candidate):
            if c.evidence is None:  # kept on the candidate: it lives as long as its block
                c.evidence = evidence_of(c.members, {c.rule.canonical} if c.rule else set())
            return c.evidence

        alone = []
        for item in deferred:
            pool = {id(c): c for g in sorted(given_alone(item)) for c in by_given.get(g, ())}
            ranked = sorted(
                pool.values(), key=lambda c: (not c.forced, min(m.id for m in c.members))
            )
            target = pick(item, ranked, evidence_for)
            if target is None:
                cluster = PersonCluster(seq=0, scoped=item.article)
                cluster.add(item)
                alone.append(person_candidate(cluster))
            else:
                self._placed[item.id] = target
        assign_iris(alone, self.minter)
        self._given = alone
        return deferred

    def _local(self, item_id: ItemId) -> Local | None:
        art = self.articles.get(item_id[0])
        if art is None:
            return None
        return next((it for it in article_items(art) if it.key == item_id[1]), None)

    # --- identities and descriptions ---------------------------------------------------

    def _refresh(self, articles: set[str], fresh: set[int], everyone: list[Candidate]) -> Changes:
        """Identities of ``articles`` computed again; descriptions of the entities that may
        have changed (made in this update, or holding a member of an article whose
        identities changed, or a given name placed on them) written again. ``everyone``:
        every candidate, as :meth:`_all_candidates` lists them."""
        changes = Changes()
        given = {c.members[0].id: c for c in self._given}
        for art in sorted(articles):
            ident = self._identity(self.articles[art], given)
            if self.identities.get(art) != ident:
                changes.articles.add(art)
            self.identities[art] = ident
        extras = self._extras()
        placed = {c_id: frozenset(m.id for m in ms) for c_id, ms in extras.items()}
        # entities with a member (or a given name placed on them) in a changed article
        holding: set[int] = set()
        for art in changes.articles:
            for it in article_items(self.articles[art]):
                c = self._item_candidate.get(it.id) or self._placed.get(it.id)
                if c is not None:
                    holding.add(id(c))
        wanted: dict[str, CorpusEntity] = {}
        for c in everyone:
            if c.iri in wanted:
                continue
            keep = (
                id(c) not in fresh
                and id(c) not in holding
                and c.iri in self.entities
                and self._placed_on.get(c.iri, _NONE) == placed.get(id(c), _NONE)
            )
            wanted[c.iri] = (
                self.entities[c.iri] if keep else self._describe(c, extras.get(id(c), []))
            )
        digests = {}
        for iri, ent in wanted.items():
            if self.entities.get(iri) is ent:
                digests[iri] = self.digests[iri]
                continue
            digests[iri] = entity_digest(ent)
            if self.digests.get(iri) != digests[iri]:
                changes.entities.add(iri)
        changes.gone = set(self.entities) - set(wanted)
        self.entities, self.digests = wanted, digests
        by_id = {id(c): c for c in everyone}
        self._placed_on = {by_id[c_id].iri: ids for c_id, ids in placed.items() if c_id in by_id}
        return changes

    def _extras(self) -> dict[int, list[Local]]:
        """The given names placed on each candidate (by the candidate's id)."""
        extras: dict[int, list[Local]] = defaultdict(list)
        for item_id, target in self._placed.items():
            item = self._local(item_id)
            if item is not None:
                extras[id(target)].append(item)
        return extras

    def _identity(self, art: ArticleEntities, given: dict[ItemId, Candidate]) -> Identity:
        ident = Identity()
        for n, key in enumerate(art.unnamed, start=1):
            ident.iris[key] = self.minter.unnamed(art.article, n)
        for it in article_items(art):
            c = self._item_candidate.get(it.id) or self._placed.get(it.id) or given.get(it.id)
            if c is None:
                continue
            if it.key == PUBLISHER_KEY:
                ident.publisher = c.iri
            else:
                ident.iris[it.key] = c.iri
        return ident

    def _describe(self, c: Candidate, extra: list[Local]) -> CorpusEntity:
        members = [*c.members, *extra]
        affiliations = set()
        for m in members:
            ident = self.identities.get(m.article)
            for a in m.affiliations:
                if ident is not None and a in ident.iris:
                    affiliations.add(ident.iris[a])
        names = c.names | {c.label}
        titles = c.titles
        if extra:
            names = names.union(*(m.names for m in extra))
            titles = titles.union(*(m.titles for m in extra))
        affiliations.discard(c.iri)
        return CorpusEntity(
            iri=c.iri,
            type=c.type,
            label=c.label,
            names=names,
            titles=set(titles),
            affiliations=affiliations,
            mentions=sum(m.mentions for m in members),
        )


# --- helpers ------------------------------------------------------------------------------


def entity_digest(ent: CorpusEntity) -> str:
    """A digest of everything an entity's description is made from."""
    parts = [
        ent.iri,
        ent.type,
        ent.label,
        "\x1e".join(sorted(ent.names)),
        "\x1e".join(sorted(ent.titles)),
        "\x1e".join(sorted(ent.affiliations)),
        str(ent.mentions),
    ]
    text = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.sha256(text).hexdigest()[:24]


def person_givens(c: Candidate) -> frozenset[str]:
    """The given names of a candidate's full names (kept on it)."""
    if c.givens is None:
        names = {c.rule.canonical} if c.rule else set()
        names |= {n for m in c.members for n in m.names}
        c.givens = frozenset(
            fold(p.given) for p in person_forms(frozenset(names)) if p.full and p.given
        )
    return c.givens


def _key_function(memo: Memo, family: str):
    def key(name: str) -> str:
        return memo.key(family, name, name_key_of)

    return key


def _name_tokens(family: str, name: str, memo: Memo) -> set[str]:
    if family == "Person":
        return {fold(p.surname) for p in person_forms(frozenset({name}))}
    return {memo.key(family, name, name_key_of)}


def _tokens(it: Local, memo: Memo) -> set[str]:
    family = FAMILY[it.type]
    if family == "Person":
        return {fold(p.surname) for p in person_forms(it.names)}
    return {memo.key(family, n, name_key_of) for n in it.names}


def _solve_block(
    family: str, members: list[Local], forced: list, memo: Memo
) -> tuple[list[Candidate], list[Local]]:
    if family == "Person":
        clusters, deferred = cluster_people(members, forced, defer_given=True)
        return [person_candidate(c) for c in clusters], deferred
    key = _key_function(memo, family)
    groups = group_by_keys(family, members, forced, key)
    return [group_candidate(g) for g in groups if g.members or g.forced], []


def apply_rules(
    items: list[Local], rules: Sequence[AliasRule]
) -> tuple[list[Local], dict[tuple, PersonCluster], dict[tuple, Group]]:
    """Set aside every entity called by a rule's alias or canonical name, into the group
    of that rule's canonical name (one group per canonical name and family)."""
    lookup: dict[str, AliasRule] = {}
    for r in sorted(rules):
        lookup.setdefault(r.alias.casefold(), r)
        lookup.setdefault(r.canonical.casefold(), r)
    rest: list[Local] = []
    people: dict[tuple, PersonCluster] = {}
    groups: dict[tuple, Group] = {}
    for it in items:
        rule = (
            next((lookup[n.casefold()] for n in sorted(it.names) if n.casefold() in lookup), None)
            if lookup
            else None
        )
        if rule is None:
            rest.append(it)
            continue
        family = FAMILY[rule.type]
        key = (family, rule.canonical.casefold())
        if family == "Person":
            if key not in people:
                people[key] = PersonCluster(seq=0, forced=rule)
                people[key].add_name(rule.canonical)
            people[key].add(it)
        else:
            group = groups.setdefault(key, Group(family, forced=rule))
            group.members.append(it)
            group.names |= {rule.canonical, *it.names}
    return rest, people, groups


__all__ = ["Block", "Changes", "CorpusResolution", "apply_rules"]
