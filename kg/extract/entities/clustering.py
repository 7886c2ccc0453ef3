"""Clustering candidates into entities: full names of people first, then bare surnames, then
organisations and places by normalised name (acronyms joining their full names). Organisation-
or place-tagged names that are really people named here go to those people.
"""

from __future__ import annotations

from kg.extract import gazetteer, lexicon
from kg.extract.entities.candidates import _OTHER_SCRIPT
from kg.extract.entities.naming import _choose_names, _prune_orphans
from kg.extract.entities.organisations import _org_norm
from kg.extract.entities.persons import (
    _attach_bare,
    _find_cluster,
    _note,
    _person_named,
    _PersonCluster,
    _title_before,
    _trim_stray_words,
)
from kg.extract.entities.tables import EntityTable, Mention
from kg.extract.names import PersonName, given_name_gender, parse_name


def _cluster(table: EntityTable, candidates: list[Mention], text: str) -> list[_PersonCluster]:
    candidates.sort(key=lambda m: m.span.start)
    persons = [m for m in candidates if m.type == "Person"]
    others = [m for m in candidates if m.type != "Person"]
    clusters: list[_PersonCluster] = []

    _trim_stray_words(persons, text)
    same_as = _transliterated(persons, text)
    # full names first, so that bare surnames can join them
    for m in persons:
        name = parse_name(m.form)
        if not name.full:
            continue
        first = same_as.get(id(m))
        cluster = next((c for c in clusters if first and c.key == first.key), None)
        cluster = cluster or _find_cluster(clusters, name, m.form)
        if cluster is None:
            ent = table.new_entity("Person", m.form)
            cluster = _PersonCluster(ent.key, name)
            clusters.append(cluster)
        elif name.middles and not cluster.name.middles:
            cluster.name = name
        _note(cluster, m, text, full=True)
    for c in clusters:
        if c.name.given:
            c.set_gender(given_name_gender(c.name.given), 1)
    shorts = _company_short_forms(others)
    for m in persons:
        if m.key is not None:
            continue
        name = parse_name(m.form)
        if _is_company_short_form(m, name, shorts, clusters, text):
            m.type = "Organization"
            others.append(m)
            continue
        _attach_bare(table, clusters, m, name, text)
    others.sort(key=lambda m: m.span.start)

    _cluster_others(table, others, clusters, text, shorts)
    table.mentions = [m for m in candidates if m.key is not None]
    _prune_orphans(table)
    _choose_names(table, text)
    return clusters


def _transliterated(persons: list[Mention], text: str) -> dict[int, Mention]:
    """A person's name and its transliteration in brackets right after it, one in the
    Latin script and one in another ("Мікалай Статкевіч (Mikalai Statkevich)"): the
    bracketed mention (by id) -> the one before it, the same person."""
    out: dict[int, Mention] = {}
    for a, b in zip(persons, persons[1:], strict=False):
        if text[a.span.end : b.span.start] != " (" or text[b.span.end : b.span.end + 1] != ")":
            continue
        if bool(_OTHER_SCRIPT.search(a.form)) != bool(_OTHER_SCRIPT.search(b.form)):
            out[id(b)] = a
    return out


def _cluster_others(
    table: EntityTable,
    others: list[Mention],
    clusters: list[_PersonCluster],
    text: str,
    shorts: dict[str, str],
) -> None:
    """Organisations and places: one entity per normalised name (known organisations by
    their canonical name, so "DNC" joins "Democratic National Committee"); acronyms defined
    in the text join their full names; ``shorts`` are the companies' short forms, from
    :func:`_company_short_forms`."""
    by_name: dict[tuple[str, str], str] = {}
    family = {"NewsOrganization": "Organization", "Organization": "Organization", "Place": "Place"}
    for m in others:
        if "\x00" in m.form:
            continue
        fam = family[m.type]
        norm = _org_norm(m.form, fam)
        # an ORG that is really a known person ("Kadyrov’s de facto" -> Kadyrov)
        if fam == "Organization" and m.type != "NewsOrganization":
            person, is_person = _person_named(clusters, m.form, m.span.start, text)
            if is_person:
                m.type = "Person"
                if person is not None:
                    _note(person, m, text, full=parse_name(m.form).full)
                continue
        key = by_name.get((fam, norm))
        if key is None:
            ent = table.new_entity(m.type, m.form)
            key = ent.key
            by_name[(fam, norm)] = key
        elif m.type == "NewsOrganization":
            table.by_key(key).type = "NewsOrganization"
        m.key = key
    for m in others:
        if "\x00" not in m.form:
            continue
        acronym, full = m.form.split("\x00")
        m.form = acronym
        fam = family[m.type]
        key = by_name.get((fam, _org_norm(full, fam)))
        if key is None:
            key = table.new_entity(m.type, full).key
            by_name[(fam, _org_norm(full, fam))] = key
        by_name[(fam, _org_norm(acronym, fam))] = key
        m.key = key
    # later plain uses of an acronym ("HRW said") join too
    for m in others:
        if m.type == "Person":
            continue
        key = by_name.get((family[m.type], _org_norm(m.form, family[m.type])))
        if key and key != m.key:
            m.key = key
    # a company's first word on its own ("Hoshida denied any delay") is the company
    for m in others:
        if m.type == "Organization" and m.form in shorts:
            m.key = by_name.get(("Organization", shorts[m.form]), m.key)
        elif m.short_for is not None and m.type in family:  # "Sporting" for "Sporting Lisbon"
            fam = family[m.type]
            m.key = by_name.get((fam, _org_norm(m.short_for, fam)), m.key)


#: Last words of bodies that news calls by their first word, beside companies': parties,
#: banks and airlines ("Northgate Bank ... shares in Northgate").
_SHORT_FORM_ENDS = frozenset(["Party", "Bank", "Airlines", "Airways"]) | (
    lexicon.CLUB_NAME_WORDS  # "Dunmore Athletic ... Dunmore's coach"
)


def _company_short_forms(mentions: list[Mention]) -> dict[str, str]:
    """The first word of each company named here in full, with the company's normalised
    name: news names a company in full once ("Hoshida Motor Corp.", "Renwa Electronics")
    and by its first word after that ("Hoshida said"). A company is a name of two or more
    words ending in a corporate word ("Corp.", "Group") or a trade ("Motors",
    "Electronics"), and so is a party ("the Reform Party", then "Reform"); a first word two
    companies share is nobody's short form."""
    found: dict[str, set[str]] = {}
    for m in mentions:
        words = m.form.split()
        if m.type != "Organization" or len(words) < 2 or not words[0][:1].isupper():
            continue
        if words[0] in lexicon.NOT_COMPANY_SHORT_FORMS or not (
            words[-1] in gazetteer.COMPANY_SUFFIXES
            or words[-1] in gazetteer.COMPANY_TRADE_WORDS
            or words[-1] in _SHORT_FORM_ENDS  # "the Reform Party ... Reform said"
        ):
            continue
        found.setdefault(words[0], set()).add(_org_norm(m.form, "Organization"))
        if words[-1] in lexicon.CLUB_NAME_WORDS and words[-1] not in gazetteer.COMPANY_SUFFIXES:
            # a club by its last word too: "Manchester United ... United's captain"
            found.setdefault(words[-1], set()).add(_org_norm(m.form, "Organization"))
    return {w: next(iter(forms)) for w, forms in found.items() if len(forms) == 1}


def _is_company_short_form(
    m: Mention,
    name: PersonName,
    shorts: dict[str, str],
    clusters: list[_PersonCluster],
    text: str,
) -> bool:
    """Whether a one-word name NER took for a person is a company's short form: the first
    word of a company named in full here, with no honorific or title before it ("Mr.
    Hoshida", "Chief executive Hoshida" are people) and no person of that surname named in
    full."""
    if m.form not in shorts or m.honorific_gender or _title_before(text, m.span.start):
        return False
    return not any(c.name.surname == name.surname for c in clusters)
