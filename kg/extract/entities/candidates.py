"""Candidate mentions: known outlets, acronyms defined in the text and bracketed names first,
then spaCy's entities trimmed to the name itself (no titles, possessives or stray words) and
retyped where NER is plainly wrong in news.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

from kg.extract import gazetteer, lexicon
from kg.extract.entities.organisations import (
    _ACRONYM_DEF,
    _INSTITUTION_WORDS,
    _POSSESSIVE,
    _drop_leading_the,
    _initials_match,
    _is_outlet_name,
    _outlet_by_cue,
    _outlet_patterns,
)
from kg.extract.entities.tables import Mention
from kg.extract.names import (
    SUFFIX_AFTER,
    given_name_gender,
    is_descriptor,
    parse_name,
    person_form_kind,
)
from kg.model import EntityType, Span

_NER_TYPES: dict[str, EntityType] = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
}


_BRACKET_NAME = re.compile(r"\[([A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+)?)\]\s+([A-Z][\w’'-]+)")


_COUNTRIES = frozenset(lexicon.DEMONYMS.values())


#: Single words NER tags as organisations that are pieces of titles ("Secretary of State").
_TITLE_FRAGMENTS = frozenset(
    ["State", "Defense", "Justice", "Labor", "Energy", "Commerce", "Homeland", "Super"]
)


class _SpanSet:
    def __init__(self, spans: list[Span]):
        self.spans = sorted(spans)

    def overlaps(self, start: int, end: int) -> bool:
        return any(s.start < end and start < s.end for s in self.spans)


def _candidates(doc: Doc, text: str, blocked: _SpanSet, headline: Span | None) -> list[Mention]:
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, form: str, type_: EntityType, gender: str | None = None):
        if blocked.overlaps(start, end) or any(s < end and start < e for s, e in taken):
            return
        in_head = headline is not None and headline.start <= start < headline.end
        taken.append((start, end))
        found.append(
            Mention(Span(start, end), form, type_, honorific_gender=gender, in_headline=in_head)
        )

    # 1. known outlets and acronyms defined in the text win over NER's guesses
    for canonical, regex, word in _outlet_patterns():
        if word and word not in text:
            continue
        for m in regex.finditer(text):
            add(m.start(), m.end(), canonical, "NewsOrganization")
    for m in _ACRONYM_DEF.finditer(text):
        full = m.group(1).strip()
        full_start = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
        full, full_start = _drop_leading_the(full, full_start)
        acronym = m.group(2).rstrip(".")
        if _initials_match(full, acronym):
            type_ = "NewsOrganization" if _is_outlet_name(full) else "Organization"
            add(full_start, full_start + len(full), full, type_)
            add(m.start(2), m.start(2) + len(acronym), acronym, type_)
            found[-1].form = f"{acronym}\x00{full}"  # marks the acronym as an alias of full
    for m in _BRACKET_NAME.finditer(text):
        add(m.start(), m.end(), f"{m.group(1)} {m.group(2)}", "Person")

    # 2. spaCy's entities, cleaned
    for ent in doc.ents:
        type_ = _NER_TYPES.get(ent.label_)
        if type_ is None:
            continue
        if headline is not None and headline.start <= ent.start_char < headline.end:
            continue  # title case confuses NER; headline mentions come from propagation
        cleaned = _clean(ent, text, type_)
        if cleaned is None:
            continue
        start, end, form, type_, gender = cleaned
        add(start, end, form, type_, gender)
    return found


def _clean(
    ent: SpacySpan, text: str, type_: EntityType
) -> tuple[int, int, str, EntityType, str | None] | None:
    """Trim an NER span to the name itself: no leading "the", titles or honorifics, no
    possessive or text after it, no editorial brackets."""
    tokens = list(ent)
    gender = None
    # cut at a possessive: "Kadyrov’s de facto" -> "Kadyrov"
    for i, tok in enumerate(tokens):
        if tok.text in ("’s", "'s", "‘s") and i > 0:
            tokens = tokens[:i]
            break
    while tokens and tokens[0].lower_ in ("the", "a", "an", "’s", "'s", "‘s"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].like_num or tokens[-1].is_punct and tokens[-1].text != "."):
        tokens = tokens[:-1]  # "Donald Trump 384", "Trump - 60"
    if type_ == "Person":
        while tokens and (
            tokens[0].lower_ in lexicon.HONORIFICS
            or tokens[0].lower_ in lexicon.TITLE_HEADS
            or tokens[0].lower_ in lexicon.TITLE_MODIFIERS
            or tokens[0].lower_ in lexicon.DEMONYMS
        ):
            gender = lexicon.HONORIFICS.get(tokens[0].lower_, gender)
            tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in "."):
        tokens = tokens[:-1]
    if type_ == "Person":
        while tokens and tokens[-1].text[:1].islower():  # "Hillary Clinton campaign"
            tokens = tokens[:-1]
        # "Billionaire Donald Trump": a capitalised word before a given name is not a name
        if (
            len(tokens) == 3
            and given_name_gender(tokens[0].text) is None
            and given_name_gender(tokens[1].text) is not None
            and parse_name(" ".join(t.text for t in tokens)).suffix is None
        ):
            tokens = tokens[1:]
    while tokens and tokens[0].is_punct and tokens[0].text not in "[":
        tokens = tokens[1:]  # a quotation mark NER took in: “America
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    form = re.sub(r"[\[\]]", "", text[start:end])
    form = re.sub(r"\s+", " ", form).strip()
    form = _POSSESSIVE.sub("", form) if form.endswith(("’s", "'s", "‘s")) else form
    form = form.rstrip("-–—")
    if form[:1].islower() and "-" in form.split()[0]:
        return None  # "pro-Clinton", "anti-Trump": a stance, not a name
    if type_ == "Person" and "(" in form:
        form = form.split("(")[0].rstrip()  # "George (W. Bush": a bracket is not a name
        end = start + len(form)
    if not any(c.isupper() for c in form) or len(form) < 2:
        return None
    if type_ == "Organization" and form in _TITLE_FRAGMENTS:
        return None  # "State" of "Secretary of State"
    if (
        type_ == "Organization"
        and len(tokens) in (2, 3)
        and given_name_gender(tokens[0].text) is not None
        and all(t.text[:1].isupper() for t in tokens)
        and not _INSTITUTION_WORDS & {t.text for t in tokens}
        and gazetteer.known_organization(form) is None
        and not _is_outlet_name(form)
    ):
        type_ = "Person"  # "Carly Fiorina" tagged ORG
    if type_ == "Person" and " " not in form and text[max(0, start - 4) : start] == "the ":
        return None  # "the Clintons": a family, not a person
    if type_ == "Person" and len(tokens) >= 2 and tokens[0].tag_ == "VBG":
        # "Injecting Clinton": a verb NER took into the name
        tokens = tokens[1:]
        start = tokens[0].idx
        form = text[start:end]
    if type_ == "Person":
        kind = person_form_kind(form)
        if kind is None:
            return None  # "@HillaryClinton", "pro-Clinton", "Trump v. Trump"
        if kind != "Person":
            type_ = kind  # "Trump Tower", "Clinton Foundation"
        else:
            form, start = _drop_descriptor(form, start)
    if type_ == "Person":
        low = form.lower().rstrip(".")
        if low in lexicon.PRONOUN_GENDER or low in lexicon.HONORIFICS or low in ("i", "we"):
            return None
        suffix = SUFFIX_AFTER.match(text[end : end + 6])
        if suffix and not parse_name(form).suffix:
            form, end = f"{form} {suffix.group(1)}", end + suffix.end()
        if gazetteer.is_place_name(form, _COUNTRIES):
            type_ = "Place"  # a place is never a person
        elif gazetteer.known_organization(form):
            type_ = "Organization"
    if form in lexicon.NOT_ORGANIZATIONS or form.lower() in lexicon.DEMONYMS:
        return None
    if _is_outlet_name(form) or (
        type_ == "Organization" and _outlet_by_cue(text, start, end, form)
    ):
        type_ = "NewsOrganization"
    elif _is_dateline(text, start, end):
        type_ = "Place"
    # "Trump administration Department of State": a person's name leading an organisation
    if (
        type_ == "Organization"
        and len(tokens) > 2
        and tokens[1].lower_
        in (
            "administration",
            "campaign",
            "government",
            "regime",
            "family",
            "foundation's",
        )
    ):
        rest = [t for t in tokens[2:]]
        if rest and rest[0].text[:1].isupper():
            start = rest[0].idx
            form = text[start:end]
    return start, end, form, type_, gender


def _drop_descriptor(form: str, start: int) -> tuple[str, int]:
    """ "Injecting Clinton", "Billionaire Donald Trump": a capitalised word before a name
    that no name begins with (a gerund, or a word of the descriptor list) is not the name."""
    words = form.split()
    while len(words) >= 2 and is_descriptor(words[0]):
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


def _is_dateline(text: str, start: int, end: int) -> bool:
    """ "NAIROBI — ..." or "LA SERENA, Chile —" opening a paragraph names a place."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or not text[start:end].isupper():
        return False
    return bool(re.match(r"^(?:,[^—\n]{0,40})?\s*[—–-]", text[end : end + 48]))
