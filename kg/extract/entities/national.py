"""Bodies with names many countries share ("the Supreme Court", "the Treasury", "Congress"),
named for the country whose news speaks of them.

The gazetteer knows these names as the US bodies, which is what they mean in US news. In a
report from Nairobi or New Delhi they are Kenya's or India's own, and left as they are they
would be resolved into the US body across the whole corpus. So, when the article is plainly
from or about one other country, such a body is named for it ("Treasury of Kenya"), and the
bare generic name is no alias of it (an alias would join it to the US body again). A body
written "U.S. Treasury", an acronym ("DOJ") or "the Pentagon" stays the US one anywhere.

Which country an article is from is decided cautiously, because US news about other
countries is common and its "Congress" is still the US one: a dateline naming a place of
another country ("NAIROBI —", "LA SERENA, Chile —") makes it that country's, unless the
article names the US more often; without one, a country named (as a country, a city standing
for it or a nationality: "Kenyan officials") at least five times and more than twice as
often as any other, in an article with no US signal at all (a US state or city, "U.S.",
"American", "Republicans", "Sen.", a body only the US has, such as the FBI). A possessive
before the body ("India's Supreme Court", "Kenya's Treasury") names its country whatever
the article's.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kg.extract import gazetteer, lexicon
from kg.extract.entities.tables import EntityTable

US = "United States"

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
_US_WORDS = frozenset(["Republicans", "Democrats", "GOP", "Sen.", "Rep.", "Congressman"])

_DATELINE_AFTER = re.compile(
    r"[^\S\n]*(?:,[^\n—–]{1,30})?[^\S\n]*(?:\([^)\n]{1,20}\)[^\S\n]*)?[—–-]"
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
        line_start = text.rfind("\n", 0, m.span.start) + 1
        if (
            dateline is None
            and not text[line_start : m.span.start].strip()
            and _DATELINE_AFTER.match(text, m.span.end)
        ):
            dateline = country
    for hit in _signal_words().finditer(text):
        word = hit.group(0)
        if word in _US_WORDS:
            votes[US] += 1
            continue
        country = gazetteer.country_name(lexicon.DEMONYMS[word.lower()])
        if country and country != "European Union":
            votes[country] += 1
    us = votes.pop(US, 0)
    if dateline is not None and dateline != US and votes[dateline] > us:
        return dateline
    ranked = votes.most_common(2)
    if (
        not us
        and ranked
        and ranked[0][1] >= 5
        and (len(ranked) == 1 or ranked[1][1] * 2 < ranked[0][1])
    ):
        return ranked[0][0]
    return US if us else None


def localise_national_bodies(table: EntityTable, text: str) -> None:
    """Name each generic national body for its country when that is not the US (see the
    module docstring), and fold it into a fuller name of it the article uses ("Kenya's
    National Treasury" ... "the Treasury")."""
    generic = [
        e
        for e in table.entities
        if e.type == "Organization" and any(map(gazetteer.is_generic_body, e.all_names()))
    ]
    if not generic:
        return
    country = article_country(table, text)
    for ent in generic:
        forms = Counter(m.form for m in table.mentions if m.key == ent.key)
        if any(gazetteer.known_organization(f) and not gazetteer.is_generic_body(f) for f in forms):
            continue  # "U.S. Treasury", "DOJ" beside "the Treasury": the US body
        if not gazetteer.is_generic_body(ent.name) and not gazetteer.known_organization(ent.name):
            # already named for its country ("Supreme Court of India"): the bare name is
            # no alias of it
            ent.aliases = {a for a in ent.aliases if not gazetteer.is_generic_body(a)}
            continue
        own = _possessive_country(table, ent.key, text)
        where = own or country
        if where is None or where == US:
            continue
        bare = [f for f in forms if gazetteer.is_generic_body(f)]
        base = min(bare, key=lambda f: (-forms[f], -len(f), f)).removeprefix("the ")
        base = base.removeprefix("The ")
        fuller = _fuller_name(table, ent, base)
        if fuller is not None:
            for m in table.mentions:
                if m.key == ent.key:
                    m.key = fuller.key
            fuller.aliases |= {f for f in forms if not gazetteer.is_generic_body(f)}
            fuller.aliases.discard(fuller.name)
            table.entities.remove(ent)
            continue
        ent.name = f"{base} of {'the ' if where in _WITH_THE else ''}{where}"
        ent.aliases = {f for f in forms if f != ent.name and not gazetteer.is_generic_body(f)}


def _possessive_country(table: EntityTable, key: str, text: str) -> str | None:
    """The country a possessive before one of the entity's mentions names ("India's
    Supreme Court", "Kenya’s Treasury")."""
    for m in table.mentions:
        if m.key != key:
            continue
        hit = _POSSESSIVE_BEFORE.search(text, max(0, m.span.start - 40), m.span.start)
        if hit:
            country = gazetteer.country_name(hit.group(1))
            if country:
                return country
    return None


def _fuller_name(table: EntityTable, ent, base: str):
    """Another organisation of the article whose name ends in the body's ("National
    Treasury" for "Treasury"), if exactly one."""
    tail = " " + base.lower()
    found = [
        e
        for e in table.entities
        if e is not ent
        and e.type == "Organization"
        and e.name.lower().endswith(tail)
        and not gazetteer.is_generic_body(e.name)
    ]
    return found[0] if len(found) == 1 else None


__all__ = ["article_country", "localise_national_bodies"]
