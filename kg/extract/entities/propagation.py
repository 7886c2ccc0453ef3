"""Mentions NER missed: further occurrences of known full names and organisation names, and
surnames on their own (in headlines too), each given to the person the context supports.
"""

from __future__ import annotations

import re

from kg.extract import lexicon
from kg.extract.entities.candidates import _SpanSet
from kg.extract.entities.naming import _choose_names
from kg.extract.entities.persons import _attach_bare, _note, _PersonCluster
from kg.extract.entities.tables import EntityTable, Mention
from kg.extract.names import (
    SUFFIX_AFTER,
    compatible_names,
    given_name_gender,
    name_initial,
    parse_name,
)
from kg.model import EntityType, Span

_NOT_FIRST_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "But",
        "And",
        "Or",
        "So",
        "Yet",
        "If",
        "When",
        "While",
        "As",
        "At",
        "In",
        "On",
        "Of",
        "For",
        "To",
        "By",
        "From",
        "With",
        "After",
        "Before",
        "Since",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Top",
        "Former",
        "Then",
        "Now",
        "Also",
        "Only",
        "Even",
        "Still",
        "Today",
        "Yesterday",
        "Meanwhile",
        "However",
        "Although",
        "Though",
        "Because",
        "Despite",
    ]
)


def _propagate(
    table: EntityTable,
    clusters: list[_PersonCluster],
    text: str,
    blocked: _SpanSet,
    headline: Span | None,
) -> None:
    """Find further mentions of known names: full names and organisation names anywhere,
    and surnames on their own, each given to the person the context supports."""
    taken = sorted((m.span.start, m.span.end) for m in table.mentions)

    def free(start: int, end: int) -> bool:
        return not blocked.overlaps(start, end) and not any(s < end and start < e for s, e in taken)

    def in_head(start: int) -> bool:
        return headline is not None and headline.start <= start < headline.end

    new: list[Mention] = []
    # longest names first, across entities: "Calder Bay Pulp & Paper" before the place
    # "Calder" that begins it
    known: list[tuple[int, int, str, str, EntityType]] = []
    for order, ent in enumerate(table.entities):
        if ent.type == "UnnamedSource":
            continue
        forms = set(ent.all_names())
        if ent.type == "Person":
            forms = {f for f in forms if parse_name(f).full}
        known.extend((-len(f), order, f, ent.key, ent.type) for f in forms)
    for _, _, form, key, type_ in sorted(known):
        short = len(form) < 3 and not (len(form) == 2 and form.isupper() and form.isalpha())
        if short or not name_initial(form) or form not in text:
            continue  # two letters only as an acronym ("UN Says Aid Reached Town")
        for start in _name_starts(text, form, not parse_name(form).suffix):
            end = start + len(form)
            if not free(start, end):
                continue
            mention = Mention(Span(start, end), form, type_, key, in_headline=in_head(start))
            taken.append((start, end))
            new.append(mention)
    table.mentions.extend(new)
    # surnames on their own, in reading order so that recency means what it says
    surnames = {c.name.surname for c in clusters if len(c.name.surname) >= 3}
    bare: list[Mention] = []
    for surname in sorted(surnames):
        if surname not in text:
            continue
        for start in _name_starts(text, surname, False):
            end = start + len(surname)
            if free(start, end):
                suffix = SUFFIX_AFTER.match(text[end : end + 6])
                form = f"{surname} {suffix.group(1)}" if suffix else surname
                end = end + suffix.end() if suffix else end
                bare.append(Mention(Span(start, end), form, "Person", in_headline=in_head(start)))
    for mention in sorted(bare, key=lambda m: m.span.start):
        if not free(mention.span.start, mention.span.end):
            continue
        if _extend_first_name(clusters, mention, text, free):
            continue
        if mention.key is not None:
            _note(next(c for c in clusters if c.key == mention.key), mention, text, full=True)
        else:
            _attach_bare(table, clusters, mention, parse_name(mention.form), text)
        if mention.key is not None:
            taken.append((mention.span.start, mention.span.end))
            table.mentions.append(mention)
    if new or bare:
        _choose_names(table, text)


_SUFFIX_NEXT = re.compile(r",? (?:Jr|Sr|III|II|IV)\b")


def _name_starts(text: str, form: str, no_suffix: bool) -> list[int]:
    """Where ``form`` stands in ``text`` as a whole word (possibly possessive); with
    ``no_suffix``, not followed by "Jr." or "III" (that is another person). Plain string
    search: a compiled pattern per name cost more than the search itself."""
    out: list[int] = []
    n = len(form)
    i = text.find(form)
    while i != -1:
        end = i + n
        if text[end : end + 2] in ("'s", "’s"):
            end += 2
        before = text[i - 1] if i else " "
        after = text[end] if end < len(text) else " "
        if (
            not (before.isalnum() or before in "_-")
            and not (after.isalnum() or after in "_-")
            and not (no_suffix and _SUFFIX_NEXT.match(text, i + n))
        ):
            out.append(i)
        i = text.find(form, i + 1)
    return out


def _extend_first_name(clusters: list[_PersonCluster], mention: Mention, text: str, free) -> bool:
    """A surname found by search may stand after a given name NER missed ("Top Russian
    Diplomat Sergei Lavrov" in a headline): the full name decides who it is. Returns True
    when the given name is there but fits nobody (the mention is then left alone)."""
    m = re.search(
        r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?) $",
        text[max(0, mention.span.start - 30) : mention.span.start],
    )
    if not m:
        return False
    given = m.group(1)
    low = given.lower()
    if (
        given in _NOT_FIRST_NAMES
        or low in lexicon.TITLE_HEADS
        or low in lexicon.TITLE_MODIFIERS
        or low in lexicon.DEMONYMS
        or low in lexicon.HONORIFICS
    ):
        return False
    start = mention.span.start - len(given) - 1
    if not free(start, mention.span.start):
        return False
    full = parse_name(f"{given} {mention.form}")
    fits = [c for c in clusters if c.name.given and compatible_names(c.name, full)]
    if len(fits) != 1:
        # a given name of nobody named here: another person of the same surname
        return given_name_gender(given) is not None or bool(fits)
    mention.span = Span(start, mention.span.end)
    mention.form = f"{given} {mention.form}"
    mention.key = fits[0].key
    return False
