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

from kg.model import FAMILY, CorpusEntity, Identity
from kg.rdf.iris import Minter
from kg.resolve.aliases import AliasRule
from kg.resolve.groups import Group, group_by_keys
from kg.resolve.local import PUBLISHER_KEY, ArticleEntities, Local, locals_of
from kg.resolve.names import best_label, identity_key
from kg.resolve.people import PersonCluster, cluster_people


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
    iri: str = ""

    @property
    def mentions(self) -> int:
        return sum(m.mentions for m in self.members)

    def rank(self) -> tuple:
        """Who keeps a contested IRI: a user's rule, then a corpus-wide entity, then the
        most named, then by label and first member."""
        first = min((m.id for m in self.members), default=("", ""))
        return (not self.forced, self.scoped is not None, -self.mentions, self.label, first)


def resolve_corpus(
    articles: Iterable[ArticleEntities], minter: Minter, rules: Sequence[AliasRule] = ()
) -> Resolution:
    """Resolve every article's entities at once (see the module docstring)."""
    arts = sorted(articles, key=lambda a: a.article)
    items = locals_of(arts)
    rest, forced_people, forced_groups = _apply_rules(items, rules)
    by_family: dict[str, list[Local]] = defaultdict(list)
    for it in rest:
        by_family[FAMILY[it.type]].append(it)
    candidates = [
        _person(c) for c in cluster_people(by_family["Person"], list(forced_people.values()))
    ]
    for family in ("Organization", "Place"):
        forced = [g for g in forced_groups.values() if g.family == family]
        candidates += [_group(g) for g in group_by_keys(family, by_family[family], forced)]
    candidates = [c for c in candidates if c.members or c.forced]
    _assign_iris(candidates, minter)
    return _resolution(arts, candidates, minter)


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
    )


def _assign_iris(candidates: list[_Candidate], minter: Minter) -> None:
    """IRIs from identity keys; contested ones settled by rank (see the module docstring)."""
    wanted: dict[str, list[_Candidate]] = defaultdict(list)
    for c in candidates:
        key = identity_key(c.type, c.label)
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
                alt = minter.entity(c.type, f"{identity_key(c.type, c.label)} {n}")
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


__all__ = ["AliasRule", "ArticleEntities", "Resolution", "resolve_corpus"]
