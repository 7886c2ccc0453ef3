"""Bodies with names many countries share ("the Supreme Court", "the Treasury", "Congress",
"the Senate", "the Ministry of Health": see :func:`kg.extract.gazetteer.is_generic_body`),
named for the country whose news speaks of them.

The gazetteer knows some of these names as the US bodies, which is what they mean in US
news; the others would all be one entity across a corpus of many countries' news. In a
report from Nairobi or New Delhi they are Kenya's or India's own, and left as they are they
would be resolved into the US body across the whole corpus. So, when the article is plainly
from or about one other country, such a body is named for it ("Treasury of Kenya"), and the
bare generic name is no alias of it (an alias would join it to the US body again). A body
written "U.S. Treasury", an acronym ("DOJ") or "the Pentagon" stays the US one anywhere.

Which country an article is from is decided cautiously, because US news about other
countries is common and its "Congress" is still the US one: a dateline naming a place of
another country ("NAIROBI —", "LA SERENA, Chile —") makes it that country's; without one, a
country named (as a country, a city standing for it or a nationality: "Kenyan officials") at
least five times and more than twice as often as any other, in an article with no US signal
at all (a US state or city, "U.S.", "American", "Republicans", "Sen.", a body only the US
has, such as the FBI); and any US signal, or a "Congress" in news from a country whose
legislature is not called so, keeps the article the US's too. A possessive before the body
("India's Supreme Court", "Kenya's Treasury") names its country, unless the article is the
US's.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kg.datelines import dateline_at, datelines
from kg.extract import gazetteer, lexicon
from kg.extract.entities.tables import EntityTable

US = "United States"

#: Countries whose legislature (or a main party) English news calls "Congress": elsewhere
#: "Congress" is the US one even in news from there.
_CONGRESSES = lexicon.words(
    """Argentina Bolivia Brazil Chile Colombia Ecuador Guatemala Honduras India Mexico
    Paraguay Peru Philippines Spain Venezuela"""
)

#: Bodies only the US has: a mention of one says the article is (also) about the US.
US_BODIES = frozenset(
    """Democratic National Committee; Republican National Committee; Department of State;
    Department of Homeland Security; Department of Veterans Affairs; Department of Health
    and Human Services; Federal Bureau of Investigation; Central Intelligence Agency;
    National Security Agency; Internal Revenue Service; Environmental Protection Agency;
    Federal Election Commission; Securities and Exchange Commission; Congressional Budget
    Office; Government Accountability Office; Centers for Disease Control and Prevention;
    Immigration and Customs Enforcement; Transportation Security Administration; Drug
    Enforcement Administration; Federal Reserve; White House; National Rifle Association;
    American Civil Liberties Union; Congressional Black Caucus""".replace("\n    ", " ").split("; ")
)

#: Countries written with "the" in running text ("the Treasury of the United Kingdom").
_WITH_THE = frozenset(
    [
        "United Kingdom",
        "United States",
        "Netherlands",
        "Philippines",
        "United Arab Emirates",
        "Czech Republic",
        "Gambia",
        "Bahamas",
        "Maldives",
    ]
)

#: Words of US politics: with the US bodies, what says an article is about the US too.
_US_WORDS = frozenset(
    ["Republicans", "Democrats", "GOP", "Sen.", "Rep.", "Congressman", "Pentagon", "U.S."]
)

_POSSESSIVE_BEFORE = re.compile(r"([A-Z][\w.]*(?: [A-Z][\w.]*){0,2})(?:’s|'s)\s+$")


@lru_cache(maxsize=1)
def _signal_words() -> re.Pattern[str]:
    """One pattern for the words that say a country: the nationalities, capitalised, and
    the US political words (one scan of the text instead of a look at every token)."""
    forms = sorted({w.title() for w in lexicon.DEMONYMS} | _US_WORDS, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w-])")


def article_country(table: EntityTable, text: str) -> str | None:
    """The one country other than the US the article is plainly from, "United States"
    when any US signal is found, else None (see the module docstring)."""
    votes: Counter[str] = Counter()
    dateline = None
    for m in table.mentions:
        if m.type == "Organization" and gazetteer.known_organization(m.form) in US_BODIES:
            votes[US] += 1
        if m.type != "Place":
            continue
        country = gazetteer.country_name(m.form)
        if country is None or country == "European Union":
            continue
        votes[country] += 1
        if dateline is None:
            line_start = text.rfind("\n", 0, m.span.start) + 1
            found = dateline_at(text, line_start, any_case=True)  # a place NER found
            if found is not None and found.names(m.span.start, m.span.end):
                dateline = country
    for hit in _signal_words().finditer(text):
        word = hit.group(0)
        if word in _US_WORDS:
            before = text[max(0, hit.start() - 30) : hit.start()].split()
            if not (before and before[-1][:1].isupper() and word in ("Democrats", "Republicans")):
                votes[US] += 1  # not "the Liberal Democrats", "Sweden Democrats"
            continue
        country = gazetteer.country_name(lexicon.DEMONYMS[word.lower()])
        if country and country != "European Union":
            votes[country] += 1
    dateline = _dateline_country(text) or dateline
    if dateline is not None and dateline not in votes:
        votes[dateline] += 1
    us = votes.pop(US, 0)
    found = None
    if dateline is not None and dateline != US and not us:
        found = dateline
    ranked = votes.most_common(2)
    if (
        found is None
        and not us
        and ranked
        and ranked[0][1] >= 5
        and (len(ranked) == 1 or ranked[1][1] * 2 < ranked[0][1])
    ):
        found = ranked[0][0]
    if found is not None and found not in _CONGRESSES and _names_congress(table):
        return US  # "Congress" in news from Moscow: the article is about the US too
    return found or (US if us else None)


#: Outlets the gazetteer names as the US ones whose short form is another country's own
#: outlet in news from there: "told the ABC" in a report from Brisbane is the Australian
#: Broadcasting Corporation, in one from Madrid the daily ABC.
NATIONAL_OUTLETS: dict[str, dict[str, str]] = {
    "ABC News": {"Australia": "Australian Broadcasting Corporation", "Spain": "ABC"},
}


def localise_outlets(table: EntityTable, text: str) -> None:
    """Rename each outlet of :data:`NATIONAL_OUTLETS` that the article writes only in its
    short form ("the ABC", never "ABC News") for the country the article is plainly from
    (:func:`article_country`), when that country has its own outlet of that name. The
    short form is then no alias of it: as one it would join the US outlet again across
    the corpus."""
    for ent in table.entities:
        own = NATIONAL_OUTLETS.get(ent.name) if ent.type == "NewsOrganization" else None
        if own is None:
            continue
        written = {m.span.slice(text) for m in table.mentions if m.key == ent.key}
        if not written or ent.name in written:
            continue  # written in full: the US outlet
        country = article_country(table, text)
        name = own.get(country or "")
        if name is None:
            continue
        ent.name = name
        ent.aliases = set()


def _names_congress(table: EntityTable) -> bool:
    return any(m.type == "Organization" and m.form == "Congress" for m in table.mentions)


def localise_national_bodies(table: EntityTable, text: str) -> None:
    """Name each generic national body for its country when that is not the US (see the
    module docstring), after folding a bare name into a fuller one the article uses
    ("Kenya's National Treasury" ... "the Treasury")."""
    generic = [
        e
        for e in table.entities
        if e.type == "Organization" and any(map(gazetteer.is_generic_body, e.all_names()))
    ]
    if not generic:
        return
    country = article_country(table, text)
    plans = []
    for ent in generic:
        forms = Counter(m.form for m in table.mentions if m.key == ent.key)
        if any(gazetteer.known_organization(f) and not gazetteer.is_generic_body(f) for f in forms):
            continue  # "U.S. Treasury", "DOJ" beside "the Treasury": the US body
        if not gazetteer.is_generic_body(ent.name) and not gazetteer.known_organization(ent.name):
            # already named for its country ("Supreme Court of India"): the bare name is
            # no alias of it, unless that country is the US ("U.S. Senate" is the "Senate"
            # of US news)
            named = _country_in_name(ent.name) or country
            if named is not None and named != US:
                ent.aliases = {a for a in ent.aliases if not gazetteer.is_generic_body(a)}
            continue
        own = _possessive_country(table, ent.key, text, every=country == US)
        if country == US and own is None:
            # in US news a possessive names the body only where every mention has it
            # ("Ukraine's Foreign Ministry"): with "Kenya's Supreme Court" and "The Supreme
            # Court said", the court of the other mentions is the US one
            continue
        where = own or country
        if where is None or where == US:
            continue
        bare = [f for f in forms if gazetteer.is_generic_body(f)] or [ent.name]
        base = min(bare, key=lambda f: (-forms[f], -len(f), f))
        plans.append((ent, forms, base.removeprefix("the ").removeprefix("The "), where))
    folded = set()
    for ent, forms, base, where in plans:
        fuller = _fuller_name(table, ent, base, where)
        if fuller is not None:
            table.fold(ent, fuller)
            fuller.aliases |= {f for f in forms if not gazetteer.is_generic_body(f)}
            fuller.aliases.discard(fuller.name)
            folded.add(ent.key)
    for ent, forms, base, where in plans:
        if ent.key in folded:
            continue
        ent.name = f"{base} of {'the ' if where in _WITH_THE else ''}{where}"
        ent.aliases = {f for f in forms if f != ent.name and not gazetteer.is_generic_body(f)}
    # a body renamed to the name another entity of the article has is that entity
    # ("The Supreme Court of Canada ruled ... The Supreme Court said")
    by_name: dict[str, object] = {}
    for ent in list(table.entities):
        if ent.type != "Organization":
            continue
        first = by_name.setdefault(ent.name, ent)
        if first is not ent:
            table.fold(ent, first)
            first.aliases |= ent.aliases


_OF_PLACE = re.compile(r"\bof (?:the )?([A-Z][\w.]*(?: [A-Z][\w.]*){0,2})$")


def _dateline_country(text: str) -> str | None:
    """The country of the dateline opening one of the article's first lines, read from the
    words themselves (NER often misses a city in capitals): "BRASÍLIA —", "LA SERENA, Chile
    —", "NAIROBI (Reuters) —"."""
    for found in datelines(text):
        city = text[slice(*found.place)]
        region = found.region and text[slice(*found.region)]
        country = (region and gazetteer.country_name(region)) or gazetteer.country_name(
            city.title()
        )
        if country is not None:
            return country
    return None


def _country_in_name(name: str) -> str | None:
    """The country a body's name names: "Supreme Court of India" -> India, "U.S. Senate"
    -> the United States."""
    hit = _OF_PLACE.search(name)
    if hit and gazetteer.country_name(hit.group(1)):
        return gazetteer.country_name(hit.group(1))
    first = name.split()[0].removeprefix("the ")
    if first in ("U.S.", "US", "United", "American"):
        return US if first != "United" or name.startswith("United States") else None
    demonym = lexicon.DEMONYMS.get(first.lower())
    return gazetteer.country_name(demonym) if demonym else None


def _possessive_country(
    table: EntityTable, key: str, text: str, *, every: bool = False
) -> str | None:
    """The country a possessive before one of the entity's mentions names ("India's
    Supreme Court", "Kenya’s Treasury"); with ``every``, only when each of its mentions has
    a possessive naming that country."""
    found = set()
    for m in table.mentions:
        if m.key != key:
            continue
        hit = _POSSESSIVE_BEFORE.search(text, max(0, m.span.start - 40), m.span.start)
        country = gazetteer.country_name(hit.group(1)) if hit else None
        if country and not every:
            return country
        found.add(country)
    return found.pop() if every and len(found) == 1 and None not in found else None


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, list[str]]:
    """Each country's demonyms ("India" -> ["Indian"])."""
    out: dict[str, list[str]] = {}
    for demonym, country in gazetteer.DEMONYMS.items():
        out.setdefault(country, []).append(demonym)
    return out


def _fuller_name(table: EntityTable, ent, base: str, where: str):
    """The organisation of the article that is the body under its fuller name, if exactly
    one: "National Treasury" for "Treasury", "Supreme Court of Canada" for "Supreme Court"
    in a report from Ottawa (not "the Gauteng Provincial Treasury" nor "the Liberal
    Democratic Party")."""
    low = base.lower()
    country = where.lower()
    names = {f"{w} {low}" for w in ("national", "federal", "central")}
    names |= {f"{low} of {country}", f"{low} of the {country}", f"{country} {low}"}
    # and the body named for its people: "the Indian National Congress" for "Congress" in
    # a report from New Delhi
    for demonym in _demonyms().get(where, ()):
        names |= {f"{demonym.lower()} {low}", f"{demonym.lower()} national {low}"}
    found = [
        e
        for e in table.entities
        if e is not ent and e.type == "Organization" and e.name.lower() in names
    ]
    return found[0] if len(found) == 1 else None


__all__ = ["article_country", "localise_national_bodies"]
