"""Cross-article identity: one real-world entity, one IRI, across a whole store.

Design. The store is its own registry: every article graph states each entity it mentions
with ``rdfs:label``, ``skos:altLabel``, ``kg:title`` and ``kg:mentionCount``, so the
union of the article graphs says every name an entity has gone by and how often it was
named. :class:`EntityIndex` reads that once per build and is kept up to date in memory as
articles are stored, so matching costs no query per article.

IRIs come from a normalised *identity key*, not from whichever form happened to be seen
first: a person's given name + surname + suffix ("Hillary Rodham Clinton" and "Hillary
Clinton" -> ``person/hillary-clinton``; "Donald J. Trump" -> ``person/donald-trump``;
"Donald Trump Jr." -> ``person/donald-trump-jr``), a well-known organisation's canonical
name ("DNC" -> ``organization/democratic-national-committee``), otherwise the name without
a leading "the" or a possessive. The key is that of the canonical label, and the label is
chosen by rank alone (the fullest well-formed name; equally full spellings such as
Sergei/Sergey by spelling), so an entity gets the same IRI and label whatever order the
articles come in. When the label's key changes (a person first stored as "Clinton" is
resolved to "Hillary Clinton"; "Bill Clinton" meets "William J. Clinton") the IRI follows
and the older graphs are rewritten. A person named only by a surname (or a given name)
that no stored person can take is scoped to its article (``person/clinton-<article hash>``),
like an unnamed source, and merged into the right person once the store can tell who it is
(:func:`settle_bare`). Order can still matter where the store's knowledge at the time
decides: a bare surname resolved by dominance before a rival of the same surname arrives,
and an organisation seen only by an acronym the gazetteer does not know.

The canonical label is the fullest well-formed name seen anywhere; when a later article
brings a fuller one, or a person first known only by a surname ("Clinton") is later
resolved to a full name, the older article graphs are rewritten, each in its own
transaction, so that the union holds exactly one ``rdfs:label`` per entity (see
:func:`apply_renames`).

Matching: people by compatible full names (surname, suffix, given name up to spelling
variants and short forms, middle initials); a person the article names only by surname
("Mrs. Clinton") by the gender of the honorific, a title form already seen ("Secretary
Clinton"), and failing those the person of that surname the store names far more often;
organisations and places by normalised name or a gazetteer alias.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rdflib import URIRef

from kg.extract import gazetteer, lexicon
from kg.extract.names import (
    PersonName,
    compatible_first_names,
    compatible_names,
    fold,
    given_name_gender,
    initials,
    parse_name,
    well_formed,
)
from kg.model import Entity, Extraction
from kg.rdf.iris import Minter, slug
from kg.rdf.mapping import Identity, alias_rules_graph, rename_update
from kg.store.base import Store

FAMILY = {
    "Person": "Person",
    "Organization": "Organization",
    "NewsOrganization": "Organization",
    "Place": "Place",
}
_HONORIFIC_GENDER = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}
_TITLE_WORDS = lexicon.words(
    """
    mr mrs ms miss dr sen gov rep gen sir dame lord lady president secretary senator
    governor representative congressman congresswoman speaker mayor general judge justice
    ambassador chancellor premier minister director chairman chairwoman commissioner
    """
)
#: A person named only by surname joins the store's best-known holder of that surname when
#: that one is named at least this many times as often as the next.
DOMINANCE = 3

_ENTITIES_QUERY = """
SELECT ?g ?e ?type ?label ?n WHERE {
  GRAPH ?g { ?e a ?type ; rdfs:label ?label . OPTIONAL { ?e kg:mentionCount ?n } }
  VALUES ?type { kg:Person kg:Organization kg:NewsOrganization kg:Place }
}"""
_NAMES_QUERY = """
SELECT DISTINCT ?e ?name ?kind WHERE {
  { ?e skos:altLabel ?name BIND("alt" AS ?kind) } UNION { ?e kg:title ?name BIND("title" AS ?kind) }
  ?e a ?type . VALUES ?type { kg:Person kg:Organization kg:Place }
}"""


def split_title(form: str) -> tuple[str | None, str]:
    """ "Mrs. Clinton" -> ("mrs", "Clinton"); "Clinton" -> (None, "Clinton")."""
    words = form.split()
    if len(words) >= 2 and words[0].lower().rstrip(".") in _TITLE_WORDS:
        return words[0].lower().rstrip("."), " ".join(words[1:])
    return None, form


def person_forms(names: set[str]) -> list[PersonName]:
    """The names of a person, title forms reduced to the name itself."""
    return [parse_name(split_title(n)[1]) for n in names]


def person_gender(names: set[str]) -> str | None:
    """The gender a person's names show: an honorific form, else a given name's."""
    for n in sorted(names):
        title, _ = split_title(n)
        if title in _HONORIFIC_GENDER:
            return _HONORIFIC_GENDER[title]
    for p in person_forms(names):
        if p.given:
            g = given_name_gender(p.given)
            if g:
                return g
    return None


def identity_key(type_: str, name: str) -> str:
    """The normalised key an entity's IRI is made from (see the module docstring)."""
    if type_ == "Person":
        p = parse_name(split_title(name)[1])
        parts = [p.given, p.surname, p.suffix] if p.given else [p.surname, p.suffix]
        return " ".join(x for x in parts if x)
    if type_ in ("Organization", "NewsOrganization"):
        known = gazetteer.canonical_organization(name)
        if known:
            return known
    return gazetteer.org_key(name) if type_ != "Place" else name.strip()


def label_rank(type_: str, name: str) -> tuple:
    """Smaller is a better canonical label: the fullest well-formed name."""
    if FAMILY.get(type_) == "Person":
        title, bare = split_title(name)
        p = parse_name(bare)
        length = len(p.middles) + (2 if p.full else 1) + (1 if p.suffix else 0)
        return (title is not None, not well_formed(bare), -length, initials(bare))
    if FAMILY.get(type_) == "Organization":
        known = gazetteer.canonical_organization(name)
        return (known != name, name.lower().startswith("the ") and known is None, -len(name))
    return (0, -len(name))


def better_label(type_: str, current: str, candidate: str) -> bool:
    """Whether ``candidate`` should replace ``current`` as the canonical label. Equally
    full names (Sergei/Sergey Lavrov) are decided by their spelling alone, so the outcome
    does not depend on which article came first."""
    a, b = label_rank(type_, candidate), label_rank(type_, current)
    return a < b or (a == b and candidate < current)


@dataclass
class Known:
    """One stored entity as the index sees it."""

    iri: str
    type: str
    label: str
    names: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    graphs: set[str] = field(default_factory=set)
    mentions: int = 0

    @property
    def family(self) -> str:
        return FAMILY[self.type]

    def full_names(self) -> list[PersonName]:
        return [p for p in person_forms(self.names | {self.label}) if p.full]


@dataclass
class Rename:
    """A stored entity whose IRI or label changes; every graph in ``graphs`` is rewritten."""

    old: str
    new: str
    label: str
    type: str
    graphs: set[str]


class EntityIndex:
    """The store's entities, by IRI, by surname and by normalised name."""

    def __init__(self) -> None:
        self.by_iri: dict[str, Known] = {}
        self._by_surname: dict[str, set[str]] = {}
        self._by_given: dict[str, set[str]] = {}
        self._by_key: dict[tuple[str, str], set[str]] = {}

    @classmethod
    def load(cls, store: Store | None) -> EntityIndex:
        index = cls()
        if store is None:
            return index
        for r in store.select(_ENTITIES_QUERY):
            type_ = r["type"].rsplit("#", 1)[-1]
            k = index.by_iri.get(r["e"])
            if k is None:
                k = index.by_iri[r["e"]] = Known(r["e"], type_, r["label"])
            elif type_ == "NewsOrganization":
                k.type = type_
            k.names.add(r["label"])
            if r["g"] not in k.graphs:
                k.graphs.add(r["g"])
                k.mentions += int(r["n"] or 1)
        for r in store.select(_NAMES_QUERY):
            k = index.by_iri.get(r["e"])
            if k is not None:
                (k.names if r["kind"] == "alt" else k.titles).add(r["name"])
        for k in index.by_iri.values():
            index._reindex(k)
        return index

    def _reindex(self, k: Known) -> None:
        for n in k.names | {k.label}:
            if k.family == "Person":
                p = parse_name(split_title(n)[1])
                self._by_surname.setdefault(fold(p.surname), set()).add(k.iri)
                if p.given:
                    self._by_given.setdefault(fold(p.given), set()).add(k.iri)
            else:
                self._by_key.setdefault((k.family, self._key(k.family, n)), set()).add(k.iri)

    @staticmethod
    def _key(family: str, name: str) -> str:
        # the slug, as in the IRI: names that would share an IRI are one entity
        # ("Hewlett-Packard"/"Hewlett Packard", "VA"/"Va.")
        return slug(identity_key(family, name))

    def surname(self, surname: str) -> list[Known]:
        return [
            self.by_iri[i]
            for i in sorted(self._by_surname.get(fold(surname), ()))
            if i in self.by_iri
        ]

    def named(self, family: str, name: str) -> list[Known]:
        ids = self._by_key.get((family, self._key(family, name)), ())
        return [self.by_iri[i] for i in sorted(ids) if i in self.by_iri]

    def remember(self, k: Known) -> None:
        self.by_iri[k.iri] = k
        self._reindex(k)

    def forget(self, iri: str) -> None:
        self.by_iri.pop(iri, None)

    def drop_graph(self, graph_iri: str) -> None:
        """An article graph was removed (its file changed): it no longer names anyone."""
        for k in list(self.by_iri.values()):
            k.graphs.discard(graph_iri)
            if not k.graphs:
                self.forget(k.iri)

    def labelled(self, label: str, family: str | None = None) -> list[Known]:
        """Stored entities whose canonical label is ``label`` (case-insensitive)."""
        low = label.casefold()
        return [
            k
            for k in self.by_iri.values()
            if k.label.casefold() == low and (family is None or k.family == family)
        ]

    def called(self, name: str) -> list[Known]:
        """Stored entities that go by ``name`` as label or alias (case-insensitive)."""
        low = name.casefold()
        return [k for k in self.by_iri.values() if low in {n.casefold() for n in k.names}]

    # --- matching -----------------------------------------------------------------------

    def match(self, ent: Entity) -> Known | None:
        """The stored entity ``ent`` (from a new article) is, if any."""
        family = FAMILY.get(ent.type)
        if family is None:
            return None
        if family == "Person":
            return self._match_person(ent)
        return max(self.matches(ent), key=lambda k: (k.mentions, k.iri), default=None)

    def matches(self, ent: Entity) -> list[Known]:
        """Every stored organisation or place one of ``ent``'s names reaches."""
        family = FAMILY.get(ent.type)
        hits: dict[str, Known] = {}
        for n in ent.all_names():
            for k in self.named(family, n) if family and family != "Person" else ():
                hits[k.iri] = k
        return list(hits.values())

    def _match_person(self, ent: Entity) -> Known | None:
        mine = person_forms(ent.all_names())
        full = [p for p in mine if p.full]
        surnames = {fold(p.surname) for p in mine}
        people = [k for s in sorted(surnames) for k in self.surname(s) if k.family == "Person"]
        if full:
            fits = [k for k in people if _fits(full, k.full_names())]
            exact = [k for k in fits if k.names & ent.all_names()]
            pool = exact or fits
            return max(pool, key=lambda k: (k.mentions, k.iri), default=None)
        # named by surname alone: suffix, gender, title forms, then who the store knows best
        suffix = next((p.suffix for p in mine if p.suffix), None)
        pool = [
            k for k in people if any(p.suffix == suffix for p in person_forms(k.names | {k.label}))
        ]
        named = [k for k in pool if k.full_names()]
        if not named and len(mine) and all(given_name_gender(p.surname) for p in mine):
            # "Hillary" alone: a given name, matched to the full names that start with it
            given = {fold(p.surname) for p in mine}
            ids = {i for g in given for i in self._by_given.get(g, ())}
            named = [self.by_iri[i] for i in sorted(ids) if i in self.by_iri]
            named = [k for k in named if k.family == "Person"]
        if not named:
            return None  # only other bare nodes: each stays its article's (see resolve)
        gender = person_gender(ent.all_names())
        if gender:
            named = [k for k in named if person_gender(k.names | {k.label}) in (None, gender)]
        titled = [k for k in named if k.names & {n for n in ent.all_names() if split_title(n)[0]}]
        named = titled or named
        if len(named) == 1:
            return named[0]
        ranked = sorted(named, key=lambda k: -k.mentions)
        if len(ranked) > 1 and ranked[0].mentions >= DOMINANCE * max(ranked[1].mentions, 1):
            return ranked[0]
        return None


def _fits(mine: list[PersonName], theirs: list[PersonName]) -> bool:
    """A new person's full names fit a stored person's when one pair agrees and none of
    the stored names contradicts them: "George Bush" alone fits George W. Bush, but a
    node holding "George W. Bush" never takes "George H. W. Bush"."""
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


def resolve(
    ex: Extraction,
    index: EntityIndex | None,
    minter: Minter,
    aliases: Sequence[AliasRule] = (),
) -> tuple[Identity, list[Rename]]:
    """IRIs and labels for the extraction's entities, and the stored entities that must be
    renamed (a fuller label; a bare surname now known to be someone) for them to agree.
    ``aliases`` (from the user) win over everything: a name they list is the entity they
    name, with their canonical label and type."""
    ident = Identity()
    renames: list[Rename] = []
    n = 0
    taken: dict[str, str] = {}
    forced = {r.alias.casefold(): r for r in aliases} | {r.canonical.casefold(): r for r in aliases}
    for ent in ex.entities:
        if ent.type == "UnnamedSource":
            n += 1
            ident.iris[ent.key] = minter.unnamed(ex.article.short_hash, n)
            continue
        rule = next(
            (forced[x.casefold()] for x in sorted(ent.all_names()) if x.casefold() in forced), None
        )
        if rule is not None:
            ent.type = rule.type  # type: ignore[assignment]
            hit = index.labelled(rule.canonical, FAMILY[rule.type]) if index is not None else []
            iri = hit[0].iri if hit else _mint(minter, rule.type, rule.canonical, index, taken)
            ident.iris[ent.key], ident.labels[ent.key] = iri, rule.canonical
            taken[iri] = ent.key
            continue
        known = index.match(ent) if index is not None else None
        label = ent.name
        if known is None and ent.type == "Person" and _bare(ent.name):
            # a surname (or given name) alone that no stored person takes: scoped to its
            # article, like an unnamed source, so its IRI does not depend on build order;
            # settle_bare merges it when the store comes to know whose it is
            key = identity_key(ent.type, ent.name)
            iri = minter.entity(ent.type, f"{key} {ex.article.short_hash[:8]}")
        elif known is None:
            iri = _mint(minter, ent.type, ent.name, index, taken)
        else:
            iri = known.iri
            if not better_label(known.type, known.label, label):
                label = known.label
            elif identity_key(known.type, label) != identity_key(known.type, known.label):
                # the IRI follows the canonical name's key ("Clinton" -> "Hillary Clinton")
                iri = _mint(minter, known.type, label, index, taken, allow=known.iri)
            if iri != known.iri or label != known.label:
                renames.append(Rename(known.iri, iri, label, known.type, set(known.graphs)))
            if known.type == "NewsOrganization" and ent.type == "Organization":
                ent.type = "NewsOrganization"
        ident.iris[ent.key] = iri
        ident.labels[ent.key] = label
        taken[iri] = ent.key
        if known is not None and index is not None and FAMILY[ent.type] != "Person":
            # other stored nodes this organisation's names reach ("HRW" stored alone)
            for other in index.matches(ent):
                if other.iri != known.iri and other.family == known.family:
                    renames.append(Rename(other.iri, iri, label, known.type, set(other.graphs)))
    _one_label_per_iri(ident, ex)
    return ident, renames


def _one_label_per_iri(ident: Identity, ex: Extraction) -> None:
    """Two entities of one article that resolve to one stored entity share its best label."""
    groups: dict[str, list[Entity]] = {}
    for ent in ex.entities:
        if ent.key in ident.labels:
            groups.setdefault(ident.iris[ent.key], []).append(ent)
    for ents in groups.values():
        if len(ents) < 2:
            continue
        best = ident.labels[ents[0].key]
        for e in ents[1:]:
            if better_label(e.type, best, ident.labels[e.key]):
                best = ident.labels[e.key]
        for e in ents:
            ident.labels[e.key] = best


def surnames_of(ex: Extraction) -> set[str]:
    """The surnames (and given names) of the people an article names: the bare-name
    nodes they may settle."""
    out: set[str] = set()
    for e in ex.entities:
        if e.type == "Person":
            for n in e.all_names():
                p = parse_name(split_title(n)[1])
                out |= {p.surname, p.given} if p.given else {p.surname}
    return out


@dataclass(frozen=True)
class AliasRule:
    """A user's correction: the entity called ``alias`` is the ``type`` named ``canonical``
    (a merge when an entity with that name exists, else a rename)."""

    alias: str
    canonical: str
    type: str


_RULES_QUERY = """
SELECT ?alias ?canonical ?type WHERE {
  GRAPH <%s> { ?r a kg:AliasRule ; kg:alias ?alias ; kg:canonical ?canonical ; kg:aliasType ?type }
} ORDER BY ?alias"""


def rules_graph_iri(minter: Minter) -> str:
    """The named graph where a store keeps its users' alias rules."""
    return f"{minter.base}registry/aliases"


def stored_rules(store: Store, minter: Minter) -> list[AliasRule]:
    """The alias rules earlier builds were given, so that they keep holding."""
    rows = store.select(_RULES_QUERY % URIRef(rules_graph_iri(minter)))
    return [AliasRule(r["alias"], r["canonical"], r["type"]) for r in rows]


def keep_rules(store: Store, minter: Minter, rules: list[AliasRule]) -> list[AliasRule]:
    """Store ``rules`` beside the ones already kept (a new rule for the same alias and type
    replaces the old) and return them all."""
    merged = {(r.alias.casefold(), r.type): r for r in stored_rules(store, minter)}
    merged |= {(r.alias.casefold(), r.type): r for r in rules}
    out = sorted(merged.values(), key=lambda r: (r.type, r.alias))
    iri = rules_graph_iri(minter)
    store.replace_article(
        iri, alias_rules_graph([(r.alias, r.canonical, r.type) for r in out], iri)
    )
    return out


def apply_alias_rules(
    store: Store, index: EntityIndex, rules: list[AliasRule], minter: Minter
) -> int:
    """Merge or rename the stored entities the rules name; returns graphs rewritten.

    Every stored entity (of any type but unnamed sources) called by a rule's alias or its
    canonical name becomes one entity: the one already labelled with the canonical name if
    there is one, else a new IRI from the canonical name's key. Nothing else changes."""
    done = 0
    for rule in rules:
        family = FAMILY[rule.type]
        sources = {k.iri: k for k in index.called(rule.alias) + index.called(rule.canonical)}
        if not sources:
            continue
        target = next(iter(index.labelled(rule.canonical, family)), None)
        if target is None:
            key = identity_key(rule.type, rule.canonical)
            new = minter.entity(rule.type, key)
            holder = index.by_iri.get(new)
            if holder is not None and holder.iri not in sources:
                new = minter.entity(rule.type, f"{key} alias")
        else:
            new = target.iri
        renames = [
            Rename(k.iri, new, rule.canonical, rule.type, set(k.graphs))
            for k in sorted(sources.values(), key=lambda k: k.iri != new)
        ]
        done += apply_renames(store, index, renames)
    return done


def _bare(label: str) -> bool:
    return not parse_name(split_title(label)[1]).full


def settle_bare(index: EntityIndex, surnames: set[str]) -> list[Rename]:
    """People stored only by surname ("Clinton") whom the store can now tell apart: each
    is matched as if it were a new article's, and merged into the person found."""
    out: list[Rename] = []
    for s in sorted(surnames):
        for k in index.surname(s):
            if k.family != "Person" or not _bare(k.label):
                continue
            probe = Entity(key="probe", type="Person", name=k.label, aliases=set(k.names))
            target = index.match(probe)
            if target is not None and target.iri != k.iri and not _bare(target.label):
                out.append(Rename(k.iri, target.iri, target.label, target.type, set(k.graphs)))
    return out


def _mint(
    minter: Minter,
    type_: str,
    name: str,
    index: EntityIndex | None,
    taken: dict[str, str],
    allow: str | None = None,
) -> str:
    """An IRI from the identity key, made unique if a different entity already holds it
    (two George Bushes)."""
    key = identity_key(type_, name)
    iri = minter.entity(type_, key)
    if FAMILY.get(type_) != "Person":
        return iri  # an organisation's or place's key is its identity: same key, same entity
    n = 1
    while (index is not None and iri in index.by_iri and iri != allow) or iri in taken:
        n += 1
        iri = minter.entity(type_, f"{key} {n}")
    return iri


def remember(ex: Extraction, ident: Identity, index: EntityIndex, graph_iri: str) -> None:
    """Update the index with an article just stored."""
    for ent in ex.entities:
        if ent.type == "UnnamedSource":
            continue
        iri = ident.iris[ent.key]
        label = ident.labels.get(ent.key, ent.name)
        k = index.by_iri.get(iri)
        if k is None:
            k = Known(iri, ent.type, label)
        k.label = label
        if ent.type == "NewsOrganization":
            k.type = ent.type
        k.names |= ent.all_names() | {label}
        k.titles |= ent.titles
        if graph_iri not in k.graphs:
            k.graphs.add(graph_iri)
            k.mentions += max(1, len(ent.mentions))
        index.remember(k)


_COUNTS = "SELECT ?c WHERE { GRAPH <%s> { ?e kg:mentionCount ?c VALUES ?e { %s } } }"


def _mention_counts(store: Store, graph_iri: str, entities: set[str]) -> list[int]:
    """The mention counts the given entities have in one article graph (read before a
    merge rewrites it, so the merged entity gets their sum)."""
    values = " ".join(f"<{e}>" for e in sorted(entities))
    return [int(r["c"]) for r in store.select(_COUNTS % (graph_iri, values))]


def apply_renames(store: Store, index: EntityIndex, renames: list[Rename], skip: str = "") -> int:
    """Rewrite every stored article graph that holds a renamed entity (each graph in its
    own transaction) and update the index. Returns the number of graphs rewritten."""
    done = 0
    for r in renames:
        old = index.by_iri.get(r.old)
        for g in sorted(r.graphs - {skip}):
            counts = _mention_counts(store, g, {r.old, r.new})
            store.update(rename_update(g, r.old, r.new, r.label, r.type, counts))
            done += 1
        if old is not None:
            index.forget(r.old)
            target = index.by_iri.get(r.new)
            if target is not None and target is not old:
                if target.label != r.label:  # the merged entity's own graphs too
                    for g in sorted(target.graphs - r.graphs - {skip}):
                        store.update(rename_update(g, r.new, r.new, r.label, r.type))
                        done += 1
                target.type = r.type
                target.names |= old.names
                target.graphs |= old.graphs
                target.mentions += old.mentions
                target.label = r.label
                index.remember(target)
            else:
                old.iri, old.label, old.type = r.new, r.label, r.type
                old.names.add(r.label)
                index.remember(old)
    return done


__all__ = [
    "DOMINANCE",
    "AliasRule",
    "apply_alias_rules",
    "keep_rules",
    "stored_rules",
    "settle_bare",
    "surnames_of",
    "EntityIndex",
    "Known",
    "Rename",
    "apply_renames",
    "identity_key",
    "remember",
    "resolve",
]
