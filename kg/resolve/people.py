"""People across a corpus: which article's person is which real-world person.

Two passes over every article's people at once, each in a fixed order, so the result is a
function of the set of articles alone:

1. People named in full somewhere in their article ("Hillary Rodham Clinton", "Hillary
   Clinton") are clustered by compatible full names: same surname and suffix, compatible
   given names (Bill/William, Sergei/Sergey, initials) and no contradicting middle initial
   (George W. Bush is not George H. W. Bush). The fullest names are placed first, so a
   short form ("George Bush") meets every full name it could belong to and joins the best
   known of them.
2. People an article names only by surname, title form or given name ("Mrs. Clinton",
   "President Obama", "Hillary") join a cluster of step 1 when the evidence picks one:
   the suffix, the gender of an honorific or given name, the office of a title form
   (held by the cluster as a title or title form), and failing those, a person of that
   surname the corpus names far more often than any other (:data:`DOMINANCE`). A title
   form never goes to a person known to hold other offices but not that one: "President
   Obama" is not Michelle Obama, the First Lady. Otherwise the name stays its article's
   own (``scoped``), like an unnamed source, and no guess is stated.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.names import (
    PersonName,
    compatible_first_names,
    compatible_names,
    fold,
    given_name_gender,
)
from kg.resolve.local import Local
from kg.resolve.names import label_rank, person_forms, person_gender, role_titles, split_title

#: A person named only by surname joins the corpus's best-known holder of that surname
#: when that one is named at least this many times as often as the next.
DOMINANCE = 3

#: Abbreviated title words and the office they stand for.
_TITLE_SYNONYMS = {
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
    "gen": "general",
    "congressman": "representative",
    "congresswoman": "representative",
    "chairwoman": "chairman",
}


@dataclass
class PersonCluster:
    """A real-world person as resolution builds it."""

    seq: int
    members: list[Local] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    full: list[PersonName] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    mentions: int = 0
    scoped: str | None = None  # the article a bare name is left to
    forced: object | None = None  # the AliasRule that made it, if any

    def add(self, item: Local) -> None:
        self.members.append(item)
        new = item.names - self.names
        self.names |= item.names
        self.titles |= item.titles
        self.mentions += max(1, item.mentions)
        if new:
            self.full += [p for p in person_forms(frozenset(new)) if p.full and p not in self.full]

    def add_name(self, name: str) -> None:
        """A name the cluster goes by without any article giving it (a rule's canonical)."""
        if name not in self.names:
            self.names.add(name)
            self.full += [
                p for p in person_forms(frozenset({name})) if p.full and p not in self.full
            ]

    def freeze(self) -> Evidence:
        """What step 2 reads of this cluster, fixed as step 1 left it."""
        names = frozenset(self.names)
        return Evidence(
            names=names,
            gender=person_gender(names),
            roles=frozenset(_offices(role_titles(names, frozenset(self.titles)))),
            suffixes=frozenset(p.suffix for p in person_forms(names)),
            mentions=self.mentions,
        )


@dataclass(frozen=True)
class Evidence:
    """A cluster as step 2 sees it: names, gender, offices, suffixes and mentions."""

    names: frozenset[str]
    gender: str | None
    roles: frozenset[str]
    suffixes: frozenset[str | None]
    mentions: int


def _offices(titles: set[str]) -> set[str]:
    return {_TITLE_SYNONYMS.get(t, t) for t in titles}


def _fits(mine: list[PersonName], theirs: list[PersonName]) -> bool:
    """A person's full names fit a cluster's when one pair agrees and none of the
    cluster's names contradicts them: "George Bush" alone fits George W. Bush, but a
    cluster holding "George W. Bush" never takes "George H. W. Bush"."""
    if not any(compatible_names(a, b) for a in mine for b in theirs):
        return False
    return not any(
        a.given
        and b.given
        and fold(a.surname) == fold(b.surname)
        and compatible_first_names(a.given, b.given)
        and not compatible_names(a, b)
        for a in mine
        for b in theirs
    )


def _order(item: Local) -> tuple:
    """Fullest names first; ties by name, then article and key: a total order of the set."""
    best = min((label_rank("Person", n), n) for n in item.names)
    return (best, item.article, item.key)


class PeopleIndex:
    """The clusters of step 1, by folded surname and given name."""

    def __init__(self) -> None:
        self.clusters: list[PersonCluster] = []
        self._by_surname: dict[str, list[PersonCluster]] = {}
        self._by_given: dict[str, list[PersonCluster]] = {}

    def new(self) -> PersonCluster:
        c = PersonCluster(seq=len(self.clusters))
        self.clusters.append(c)
        return c

    def index(self, c: PersonCluster) -> None:
        for p in person_forms(c.names):
            for table, word in ((self._by_surname, p.surname), (self._by_given, p.given)):
                if word:
                    bucket = table.setdefault(fold(word), [])
                    if c not in bucket:
                        bucket.append(c)

    def surname(self, surnames: set[str]) -> list[PersonCluster]:
        out: dict[int, PersonCluster] = {}
        for s in sorted(surnames):
            for c in self._by_surname.get(s, ()):
                if c.full:
                    out[c.seq] = c
        return [out[k] for k in sorted(out)]

    def given(self, given: set[str]) -> list[PersonCluster]:
        out: dict[int, PersonCluster] = {}
        for g in sorted(given):
            for c in self._by_given.get(g, ()):
                if c.full and any(p.given and fold(p.given) == g for p in c.full):
                    out[c.seq] = c
        return [out[k] for k in sorted(out)]


#: What step 2 returns for a name that is a given name alone with no surname to match: it
#: is decided against every cluster of that given name (:func:`given_alone_target`).
DEFER = object()


def cluster_people(
    people: list[Local], forced: list[PersonCluster] = (), *, defer_given: bool = False
) -> tuple[list[PersonCluster], list[Local]]:
    """Cluster every article's people (see the module docstring). ``forced`` clusters come
    from the user's alias rules: they take part like any other, with their label kept.

    With ``defer_given``, a person named by a given name alone ("Hillary") that no surname
    matches is returned apart, to be placed by :func:`given_alone_target` once every
    surname's clusters are known; that is what lets people of different surnames be
    resolved apart (see :mod:`kg.resolve.blocks`). Returns the clusters and those names."""
    index = PeopleIndex()
    for c in forced:
        c.seq = len(index.clusters)
        index.clusters.append(c)
        index.index(c)
    full = [p for p in people if any(f.full for f in person_forms(p.names))]
    bare = [p for p in people if not any(f.full for f in person_forms(p.names))]
    for item in sorted(full, key=_order):
        mine = [f for f in person_forms(item.names) if f.full]
        fits = [c for c in index.surname({fold(f.surname) for f in mine}) if _fits(mine, c.full)]
        if fits:
            exact = [c for c in fits if c.names & item.names]
            target = max(exact or fits, key=lambda c: (c.mentions, -c.seq))
        else:
            target = index.new()
        target.add(item)
        index.index(target)
    # step 2 reads the clusters of step 1 as they stand: one bare name never moves the
    # evidence another is judged by, so no order among them matters
    evidence = {c.seq: c.freeze() for c in index.clusters}
    decided = [
        (item, _bare_target(item, index, evidence, defer_given))
        for item in sorted(bare, key=_order)
    ]
    deferred = []
    for item, target in decided:
        if target is DEFER:
            deferred.append(item)
            continue
        if target is None:
            target = index.new()
            target.scoped = item.article
        target.add(item)
    return index.clusters, deferred


def given_alone(item: Local) -> set[str]:
    """The folded given names of a person named by a given name alone, else nothing."""
    mine = person_forms(item.names)
    if mine and all(not p.full and given_name_gender(p.surname) for p in mine):
        return {fold(p.surname) for p in mine}
    return set()


def _bare_target(
    item: Local, index: PeopleIndex, evidence: dict[int, Evidence], defer_given: bool = False
) -> PersonCluster | object | None:
    """The cluster a person named without a given name belongs to, if the evidence
    picks one (see the module docstring)."""
    mine = person_forms(item.names)
    suffix = next((p.suffix for p in mine if p.suffix), None)
    pool = index.surname({fold(p.surname) for p in mine})
    pool = [c for c in pool if suffix in evidence[c.seq].suffixes]
    if not pool and given_alone(item):
        if defer_given:
            return DEFER
        # "Hillary" alone: a given name, matched to the full names that start with it
        pool = index.given(given_alone(item))
    return pick(item, pool, lambda c: evidence[c.seq])


def pick(item: Local, pool: list, evidence) -> object | None:
    """Which of ``pool`` (clusters, with ``evidence(c)`` their :class:`Evidence`, in
    creation order) a bare name belongs to, if the evidence picks one."""
    if not pool:
        return None
    # the names' gender (an honorific), else the one the article shows ("Larrea said he")
    gender = person_gender(item.names) or item.gender
    if gender:
        pool = [c for c in pool if evidence(c).gender in (None, gender)]
    titled = {n for n in item.names if split_title(n)[0]}
    exact = [c for c in pool if evidence(c).names & titled]
    if exact:
        pool = exact
    roles = _offices(role_titles(item.names, item.titles))
    single_ok = True
    if roles:
        holders = [c for c in pool if evidence(c).roles & roles]
        if holders:
            pool = holders
        else:
            # nobody is known to hold the office: a lone candidate may, unless it is
            # known to hold other offices (the President's wife is not the President)
            single_ok = all(not evidence(c).roles for c in pool)
    if len(pool) == 1:
        return pool[0] if single_ok else None
    ranked = sorted(pool, key=lambda c: -evidence(c).mentions)
    top, second = (evidence(c).mentions for c in ranked[:2]) if len(ranked) > 1 else (0, 0)
    if len(ranked) > 1 and top >= DOMINANCE * max(second, 1):
        return ranked[0]
    return None


def evidence_of(members: list[Local], extra_names: set[str] = frozenset()) -> Evidence:
    """The evidence step 1 leaves of a cluster, from its members named in full."""
    full = [m for m in members if any(p.full for p in person_forms(m.names))]
    names = frozenset(extra_names).union(*(m.names for m in full))
    titles = frozenset().union(*(m.titles for m in full))
    return Evidence(
        names=names,
        gender=person_gender(names),
        roles=frozenset(_offices(role_titles(names, titles))),
        suffixes=frozenset(p.suffix for p in person_forms(names)),
        mentions=sum(max(1, m.mentions) for m in full),
    )


__all__ = [
    "DEFER",
    "DOMINANCE",
    "Evidence",
    "PersonCluster",
    "cluster_people",
    "evidence_of",
    "given_alone",
    "pick",
]
