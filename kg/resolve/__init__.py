"""Phase 2 of a build: one identity per real-world entity across a whole corpus (pure).

Every article's entities are resolved at once, from the extraction records alone: no
store, no parse, no memory of earlier builds. The result is a function of the *set* of
articles (each step runs over sorted input), so the store holds the same IRIs whatever
order the articles were built in, on one process or many, in one run or several; adding
articles never needs older article graphs patched by hand, only the graphs whose
identities changed rewritten (see :mod:`kg.pipeline`).

- :mod:`kg.resolve.people`: people, by compatible full names, then bare surnames and
  title forms by the evidence that picks one person;
- :mod:`kg.resolve.groups`: organisations and places, by shared name keys;
- :mod:`kg.resolve.aliases`: the user's corrections, which win over both;
- :mod:`kg.resolve.names`: identity keys (what an IRI is made from) and label ranks.

IRIs come from the identity key of the canonical label. Two different entities with one
key (two George Bushes) are told apart by their full labels ("george-w-bush",
"george-h-w-bush"), and only when those agree too by a number, given in a fixed order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kg.extract.names import fold
from kg.model import FAMILY, CorpusEntity, Identity
from kg.rdf.iris import Minter, slug
from kg.resolve.aliases import AliasRule
from kg.resolve.blocks import Memo, digest, group_blocks, item_text, person_blocks
from kg.resolve.groups import Group, group_by_keys, name_key_of
from kg.resolve.local import PUBLISHER_KEY, ArticleEntities, Local, locals_of
from kg.resolve.names import best_label, identity_key, label_rank, person_forms
from kg.resolve.people import (
    PersonCluster,
    _order,
    cluster_people,
    evidence_of,
    given_alone,
    pick,
)


@dataclass
class Resolution:
    """What phase 2 decided: each article's identities and the corpus's entities."""

    identities: dict[str, Identity] = field(default_factory=dict)  # by article short hash
    entities: dict[str, CorpusEntity] = field(default_factory=dict)  # by IRI, sorted


@dataclass
class _Candidate:
    type: str
    label: str
    members: list[Local]
    titles: set[str]
    names: set[str]
    forced: bool
    scoped: str | None
    rule: AliasRule | None = None
    key: str = ""  # the identity key of the label, the IRI's stem
    iri: str = ""

    def __post_init__(self) -> None:
        if not self.key:
            self.key = identity_key(self.type, self.label)

    @property
    def mentions(self) -> int:
        return sum(m.mentions for m in self.members)

    def to_json(self) -> list:
        rule = self.rule
        return [
            self.type,
            self.label,
            [list(m.id) for m in self.members],
            sorted(self.titles),
            sorted(self.names),
            self.forced,
            self.scoped,
            [rule.alias, rule.canonical, rule.type] if rule else None,
            self.key,
        ]

    @classmethod
    def from_json(cls, data: list, by_id: dict[tuple[str, str], Local]) -> _Candidate:
        type_, label, ids, titles, names, forced, scoped, rule, key = data
        return cls(
            type=type_,
            label=label,
            members=[by_id[(a, k)] for a, k in ids],
            titles=set(titles),
            names=set(names),
            forced=forced,
            scoped=scoped,
            rule=AliasRule(*rule) if rule else None,
            key=key,
        )

    def rank(self) -> tuple:
        """Who keeps a contested IRI: a user's rule, then a corpus-wide entity, then the
        most named, then by label and first member."""
        first = min((m.id for m in self.members), default=("", ""))
        return (not self.forced, self.scoped is not None, -self.mentions, self.label, first)


def resolve_corpus(
    articles: Iterable[ArticleEntities],
    minter: Minter,
    rules: Sequence[AliasRule] = (),
    memo: Memo | None = None,
) -> Resolution:
    """Resolve every article's entities at once (see the module docstring). With a
    ``memo`` (:mod:`kg.resolve.blocks`), blocks whose members have not changed since it
    was filled are read back instead of resolved again: the result is the same."""
    arts = sorted(articles, key=lambda a: a.article)
    items = locals_of(arts)
    rest, forced_people, forced_groups = _apply_rules(items, rules)
    memo = memo if memo is not None else Memo()
    by_family: dict[str, list[Local]] = defaultdict(list)
    for it in rest:
        by_family[FAMILY[it.type]].append(it)
    candidates: list[_Candidate] = []
    deferred: list[Local] = []
    for members, forced in person_blocks(by_family["Person"], list(forced_people.values())):
        candidates += _block(memo, "Person", members, forced, _solve_people, deferred)
    candidates += _place_given_alone(deferred, candidates)
    for family in ("Organization", "Place"):

        def key(name: str, family: str = family) -> str:
            return memo.key(family, name, name_key_of)

        forced_here = [g for g in forced_groups.values() if g.family == family]
        for members, forced in group_blocks(family, by_family[family], forced_here, key):

            def solve(ms, fs, family=family, key=key):
                return [_group(g) for g in group_by_keys(family, ms, fs, key)]

            candidates += _block(memo, family, members, forced, solve)
    candidates = [c for c in candidates if c.members or c.forced]
    _assign_iris(candidates, minter)
    return _resolution(arts, candidates, minter)


def warm_caches(articles: Iterable[ArticleEntities], memo: Memo) -> None:
    """Parse every name the corpus holds into the caches resolution reads (person forms,
    label ranks, name keys), ahead of time: what a build does while phase 1 runs."""
    for art in articles:
        for it in art.entities:
            family = FAMILY[it.type]
            if family == "Person":
                person_forms(it.names)
            else:
                for n in it.names:
                    memo.key(family, n, name_key_of)
            for n in it.names:
                label_rank(it.type, n)
            item_text(it)
    for outcome in memo.blocks.values():
        for c in outcome.get("entities", ()) if isinstance(outcome, dict) else ():
            slug(c[-1])  # the IRI's stem


def _solve_people(
    members: list[Local], forced: list[PersonCluster]
) -> tuple[list[_Candidate], list[Local]]:
    clusters, deferred = cluster_people(members, forced, defer_given=True)
    return [_person(c) for c in clusters], deferred


def _block(
    memo: Memo,
    family: str,
    members: list[Local],
    forced: list,
    solve,
    deferred: list[Local] | None = None,
) -> list[_Candidate]:
    """One block's candidates (and, for people, the given names alone it leaves for
    :func:`_place_given_alone`): read back from the memo, or solved and remembered."""
    d = digest(family, members, forced)
    memo.used.add(d)
    kept = memo.blocks.get(d)
    by_id = {m.id: m for m in members}
    if kept is not None:
        try:
            out = [_Candidate.from_json(c, by_id) for c in kept["entities"]]
            if deferred is not None:
                deferred += [by_id[(a, k)] for a, k in kept["deferred"]]
            return out
        except (KeyError, TypeError, ValueError):  # a memo of another shape: solve again
            pass
    result = solve(members, forced)
    out, left = result if isinstance(result, tuple) else (result, [])
    if deferred is not None:
        deferred += left
    memo.blocks[d] = memo.new_blocks[d] = {
        "entities": [c.to_json() for c in out],
        "deferred": [list(m.id) for m in left],
    }
    return out


def _place_given_alone(deferred: list[Local], candidates: list[_Candidate]) -> list[_Candidate]:
    """Step 2 for people named by a given name alone ("Hillary"), once every surname's
    clusters are known: each joins the person of that given name the evidence picks, or
    stays its article's. Returns the candidates made for those that stay."""
    if not deferred:
        return []
    wanted = set().union(*(given_alone(item) for item in deferred))
    by_given: dict[str, list[_Candidate]] = defaultdict(list)
    for c in candidates:
        if FAMILY[c.type] != "Person" or c.scoped:
            continue
        names = {c.rule.canonical} if c.rule else set()
        names |= {n for m in c.members for n in m.names}
        givens = {fold(p.given) for p in person_forms(frozenset(names)) if p.full and p.given}
        for g in givens & wanted:
            by_given[g].append(c)
    evidence: dict[int, object] = {}

    def evidence_for(c: _Candidate):
        if id(c) not in evidence:
            evidence[id(c)] = evidence_of(c.members, {c.rule.canonical} if c.rule else set())
        return evidence[id(c)]

    decided = []
    for item in sorted(deferred, key=_order):
        pool = {id(c): c for g in sorted(given_alone(item)) for c in by_given.get(g, ())}
        ranked = sorted(pool.values(), key=lambda c: (not c.forced, min(m.id for m in c.members)))
        decided.append((item, pick(item, ranked, evidence_for)))
    made = []
    for item, target in decided:
        if target is None:
            cluster = PersonCluster(seq=0, scoped=item.article)
            cluster.add(item)
            made.append(_person(cluster))
        else:
            target.members.append(item)
            target.names |= item.names
            target.titles |= item.titles
            if not target.forced:  # a name more may tip the votes between equal labels
                target.label = best_label("Person", target.names, _votes(target.members))
                target.key = identity_key(target.type, target.label)
    return made


def _apply_rules(
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
        rule = next(
            (lookup[n.casefold()] for n in sorted(it.names) if n.casefold() in lookup), None
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


def _person(c: PersonCluster) -> _Candidate:
    rule = c.forced
    label = rule.canonical if rule else best_label("Person", c.names, _votes(c.members))
    return _Candidate(
        type=rule.type if rule else "Person",
        label=label,
        members=c.members,
        titles=set(c.titles),
        names=set(c.names),
        forced=rule is not None,
        scoped=c.scoped,
        rule=rule,
    )


def _votes(members: list[Local]) -> dict[str, int]:
    """How many articles call the entity by each name as their own canonical name."""
    out: dict[str, int] = defaultdict(int)
    for m in members:
        out[m.name] += 1
    return out


def _group(g: Group) -> _Candidate:
    rule = g.forced
    if rule:
        type_ = rule.type
    elif any(m.type == "NewsOrganization" for m in g.members):
        type_ = "NewsOrganization"
    else:
        type_ = "Organization" if g.family == "Organization" else "Place"
    return _Candidate(
        type=type_,
        label=rule.canonical if rule else best_label(type_, g.names, _votes(g.members)),
        members=g.members,
        titles={t for m in g.members for t in m.titles},
        names=set(g.names),
        forced=rule is not None,
        scoped=None,
        rule=rule,
    )


def _assign_iris(candidates: list[_Candidate], minter: Minter) -> None:
    """IRIs from identity keys; contested ones settled by rank (see the module docstring)."""
    wanted: dict[str, list[_Candidate]] = defaultdict(list)
    for c in candidates:
        key = c.key
        if c.scoped:
            key = f"{key} {c.scoped[:8]}"
        wanted[minter.entity(c.type, key)].append(c)
    taken = set(wanted)
    for iri in sorted(wanted):
        contenders = sorted(wanted[iri], key=_Candidate.rank)
        contenders[0].iri = iri
        for c in contenders[1:]:
            alt = minter.entity(c.type, c.label if not c.scoped else f"{c.label} {c.scoped[:8]}")
            n = 1
            while alt in taken:
                n += 1
                alt = minter.entity(c.type, f"{c.key} {n}")
            c.iri = alt
            taken.add(alt)


def _resolution(
    arts: list[ArticleEntities], candidates: list[_Candidate], minter: Minter
) -> Resolution:
    res = Resolution()
    for art in arts:
        ident = res.identities[art.article] = Identity()
        for n, key in enumerate(art.unnamed, start=1):
            ident.iris[key] = minter.unnamed(art.article, n)
    for c in candidates:
        for m in c.members:
            if m.key == PUBLISHER_KEY:
                res.identities[m.article].publisher = c.iri
            else:
                res.identities[m.article].iris[m.key] = c.iri
    entities: dict[str, CorpusEntity] = {}
    for c in candidates:
        affiliations = {
            res.identities[m.article].iris[a]
            for m in c.members
            for a in m.affiliations
            if a in res.identities[m.article].iris
        }
        entities[c.iri] = CorpusEntity(
            iri=c.iri,
            type=c.type,
            label=c.label,
            names=c.names | {c.label},
            titles=c.titles,
            affiliations=affiliations - {c.iri},
            mentions=c.mentions,
        )
    res.entities = {iri: entities[iri] for iri in sorted(entities)}
    return res


__all__ = [
    "AliasRule",
    "ArticleEntities",
    "Memo",
    "Resolution",
    "resolve_corpus",
    "warm_caches",
]
