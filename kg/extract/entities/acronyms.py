"""Acronyms an article uses for an organisation it names in full, without defining them.

News often writes "the Rapid Support Forces" once and "RSF" after, with no "(RSF)" between.
The gazetteer knows some acronyms as other bodies' ("RSF" is also Reporters Without
Borders); the article's own full name wins: an acronym whose letters are the initials of
exactly one organisation the article names in full is that organisation (its mentions are
that organisation's; it is no alias of it, unless the gazetteer gives it to that very body).
"""

from __future__ import annotations

import re

from kg.extract import gazetteer
from kg.extract.entities.tables import EntityTable
from kg.extract.lexicon import words

#: Last words of events, which NER often tags as organisations: "the Democratic National
#: Convention" is no body "DNC" can stand for.
_EVENT_WORDS = words(
    "Convention Summit Festival Games Olympics Cup Championship Expo Fair Week Marathon Tournament"
)

#: Words an acronym leaves out ("Committee to Protect Journalists" is CPJ).
_LINK_WORDS = words("of for the and on in to de del la le des du")


def initials(name: str) -> str:
    """The initials of a name's capitalised words, link words left out ("Rapid Support
    Forces" -> RSF, "Committee to Protect Journalists" -> CPJ)."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _LINK_WORDS]
    return "".join(w[0] for w in words if w[0].isupper())


def is_acronym(form: str) -> bool:
    letters = form.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def link_acronyms(table: EntityTable) -> None:
    """Fold each organisation written only as an acronym into the one organisation of the
    article whose full name it abbreviates (see the module docstring)."""
    orgs = [e for e in table.entities if e.type == "Organization"]
    forms: dict[str, set[str]] = {e.key: set() for e in orgs}
    for m in table.mentions:
        if m.key in forms:
            forms[m.key].add(m.form)
    for ent in orgs:
        written = forms[ent.key]
        if not written or not all(is_acronym(f) for f in written):
            continue
        letters = {f.replace(".", "") for f in written}
        if len(letters) != 1:
            continue
        (acronym,) = letters
        full = [
            e
            for e in orgs
            if e is not ent
            and e in table.entities
            and not all(is_acronym(f) for f in forms[e.key])
            and e.name.split()[-1] not in _EVENT_WORDS
            and initials(e.name) == acronym
        ]
        if len(full) != 1:
            continue
        (target,) = full
        table.fold(ent, target)
        # an acronym the article never spells out is no alias: as an alias it would join
        # the body to every other the same letters stand for across the corpus ("KMA" in
        # Nairobi and in Seoul), unless the gazetteer gives it to this very body
        known = gazetteer.known_organization(acronym)
        if known is not None and known == gazetteer.known_organization(target.name):
            target.aliases |= written


__all__ = ["initials", "link_acronyms"]
