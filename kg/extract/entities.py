"""Entities of one article: people, organisations, news outlets and places, each with a
canonical name, the aliases seen, titles and affiliations, and every mention's span.

spaCy's NER gives the first candidates; rules then correct what it gets plainly wrong in news
(outlets tagged as people, possessives and brackets inside names, acronyms defined in
parentheses), cluster the name variants of one person, and find the mentions NER missed
(headlines, surnames on their own).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.extract import gazetteer, lexicon
from kg.extract.names import (
    KIN_GENDER,
    SUFFIX_AFTER,
    PersonName,
    compatible_first_names,  # noqa: F401 - part of this module's interface
    compatible_names,
    given_name_gender,
    initials,
    is_descriptor,
    name_skeleton,  # noqa: F401 - part of this module's interface
    parse_name,
    person_form_kind,
    well_formed,
)

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

from kg.model import Entity, EntityType, Span

_NER_TYPES: dict[str, EntityType] = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
}
_POSSESSIVE = re.compile(r"(?:[’‘']s?)$")
_BRACKET_NAME = re.compile(r"\[([A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+)?)\]\s+([A-Z][\w’'-]+)")
_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w&’'.-]*\s+(?:(?:of|for|the|and|on|in|&)\s+)*){1,8})\(([A-Z][A-Za-z&.]{1,9})\)"
)
_LEADING_THE = re.compile(r"^(?:[Tt]he)\s+")
_COUNTRIES = frozenset(lexicon.DEMONYMS.values())
#: Single words NER tags as organisations that are pieces of titles ("Secretary of State").
_TITLE_FRAGMENTS = frozenset(
    ["State", "Defense", "Justice", "Labor", "Energy", "Commerce", "Homeland", "Super"]
)
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


@dataclass
class Mention:
    """One stretch of text that names (or stands for) an entity."""

    span: Span
    form: str  # the name as written, possessive and brackets removed
    type: EntityType
    key: str | None = None
    honorific_gender: str | None = None
    in_headline: bool = False
    title_form: str | None = None  # "Mrs. Clinton" for a bare surname after an honorific


@dataclass
class EntityTable:
    """The article's entities and their mentions, with lookups by character offset."""

    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)  # person key -> "male"/"female"
    _starts: list[int] = field(default_factory=list)
    _made: int = 0

    def index(self) -> None:
        self.mentions.sort(key=lambda m: (m.span.start, -m.span.end))
        self._starts = [m.span.start for m in self.mentions]

    def at(self, start: int, end: int | None = None) -> Mention | None:
        """The mention covering character ``start`` (and ``end - 1`` if given)."""
        i = bisect_right(self._starts, start) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.span.start <= start < m.span.end and (end is None or end <= m.span.end):
                return m
            if m.span.end < start - 200:
                break
            i -= 1
        return None

    def within(self, span: Span) -> list[Mention]:
        """Mentions lying entirely inside ``span``."""
        i = bisect_right(self._starts, span.start - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].span.start < span.end:
            if self.mentions[i].span.end <= span.end:
                out.append(self.mentions[i])
            i += 1
        return out

    def by_key(self, key: str) -> Entity:
        for ent in self.entities:
            if ent.key == key:
                return ent
        raise KeyError(key)

    def new_entity(self, type_: EntityType, name: str) -> Entity:
        # keys are never reused, even after entities without mentions are pruned
        self._made += 1
        ent = Entity(key=f"e{self._made}", type=type_, name=name)
        self.entities.append(ent)
        return ent


def find_entities(
    doc: Doc, text: str, ignore: list[Span], headline: Span | None = None
) -> EntityTable:
    """Find the entities of an article. ``ignore`` spans (page furniture) yield nothing;
    the ``headline`` is searched only for entities the body names too."""
    blocked = _SpanSet(ignore)
    candidates = _candidates(doc, text, blocked, headline)
    table = EntityTable()
    people = _cluster(table, candidates, text)
    _propagate(table, people, text, blocked, headline)
    table.genders = {c.key: c.gender for c in people if c.gender}
    table.index()
    _titles_and_affiliations(table, doc, text, headline)
    table.index()
    for ent in table.entities:
        ent.mentions = sorted(m.span for m in table.mentions if m.key == ent.key)
    return table


# --- candidates ---------------------------------------------------------------------------


class _SpanSet:
    def __init__(self, spans: list[Span]):
        self.spans = sorted(spans)

    def overlaps(self, start: int, end: int) -> bool:
        return any(s.start < end and start < s.end for s in self.spans)


@lru_cache(maxsize=1)
def _outlet_patterns() -> list[tuple[str, re.Pattern[str], str]]:
    """The known outlets' surface forms, compiled once for all articles, each with a word
    the form always contains, so a text without that word is not scanned for it."""
    out = []
    for canonical, patterns in gazetteer.NEWS_OUTLETS.items():
        for pattern in patterns:
            # what is left outside every group, class and escape is always needed
            core = re.sub(r"\\.|\[[^\]]*\]", " ", pattern)
            while "(" in core:
                core, n = re.subn(r"\([^()]*\)\??", " ", core)
                if not n:
                    break
            words = sorted(re.findall(r"[A-Za-z]{3,}", core), key=len)
            regex = re.compile(rf"(?<![\w-]){pattern}(?![\w-])")
            out.append((canonical, regex, words[-1] if words else ""))
    return out


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


def _drop_leading_the(full: str, start: int) -> tuple[str, int]:
    m = _LEADING_THE.match(full)
    if m:
        return full[m.end() :], start + m.end()
    return full, start


def _initials_match(full: str, acronym: str) -> bool:
    words = [w for w in re.split(r"[\s-]+", full) if w and w[0].isupper()]
    initials = "".join(w[0] for w in words)
    letters = "".join(c for c in acronym if c.isalpha()).upper()
    return bool(letters) and (
        initials.upper() == letters
        or initials.upper().startswith(letters)
        or letters in initials.upper()
    )


def _is_outlet_name(form: str) -> bool:
    return gazetteer.outlet_canonical(form) is not None or gazetteer.looks_like_outlet(form)


def _outlet_by_cue(text: str, start: int, end: int, form: str) -> bool:
    """An organisation the words around it call an outlet: "the Tribune newspaper", "the
    news site Vox", "a Newsday reporter", "told WNYC" (a known non-outlet organisation, or
    a name with an institution word such as Committee, never counts)."""
    if gazetteer.known_organization(form) or _INSTITUTION_WORDS & set(form.split()):
        return False
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    return bool(
        gazetteer.OUTLET_CUE_BEFORE.search(before) or gazetteer.OUTLET_CUE_AFTER.match(after)
    )


_INSTITUTION_WORDS = gazetteer._words(
    """
    Committee Department Agency Court Council Commission Senate House Congress Party
    University College School Campaign Foundation Institute Center Centre Association Union
    Bureau Office Administration Ministry Army Police Board Caucus Coalition Fund Bank
    """
)


# --- clustering ---------------------------------------------------------------------------

#: Words before a surname that say who it is: honorifics give a gender, titles a role.
_PREFIX = re.compile(
    r"(?:^|[\s(“\"])((?:Mr|Mrs|Ms|Miss|Dr|Sen|Gov|Rep|Gen|Lt|Sgt|Col|Adm|Capt|Prof)\.?|"
    r"Sir|Dame|Lord|Lady|President|Secretary|Senator|Governor|Representative|Congressman|"
    r"Congresswoman|Speaker|Mayor|General|Judge|Justice|Ambassador|Chancellor|"
    r"Premier|Minister|Director|Chairman|Chairwoman|Commissioner|Attorney General|"
    r"Vice President|Candidate|Nominee)\s+$"
)
_SENTENCE_END = re.compile(r"[.!?][”’\"']?\s|\n")
_KIN = re.compile(r"\b(?:his|her|their|the|and|with)\s+(?:\w+\s+)?(\w+)\s*,?\s*$", re.I)


@dataclass
class _PersonCluster:
    """The names one person goes by in an article, and what the text says about them."""

    key: str
    name: PersonName
    positions: list[int] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)
    full_count: int = 0
    gender: str | None = None
    gender_strength: int = 0  # 3 honorific, 2 kinship word, 1 given-name list
    titles_before: set[str] = field(default_factory=set)

    def set_gender(self, gender: str | None, strength: int) -> None:
        if gender and strength > self.gender_strength:
            self.gender, self.gender_strength = gender, strength


def _prefix(text: str, start: int) -> tuple[str | None, str | None]:
    """The honorific or title just before a name as written ("Mrs.", "Secretary") and the
    gender it gives, if any."""
    m = _PREFIX.search(text[max(0, start - 30) : start])
    if not m:
        return None, None
    word = m.group(1)
    return word, lexicon.HONORIFICS.get(word.lower().rstrip("."))


def _kin_gender(text: str, start: int) -> str | None:
    """ "his wife, Melania Trump" -> female; "her brother Tony" -> male."""
    m = _KIN.search(text[max(0, start - 40) : start])
    return KIN_GENDER.get(m.group(1).lower()) if m else None


def _cluster(table: EntityTable, candidates: list[Mention], text: str) -> list[_PersonCluster]:
    candidates.sort(key=lambda m: m.span.start)
    persons = [m for m in candidates if m.type == "Person"]
    others = [m for m in candidates if m.type != "Person"]
    clusters: list[_PersonCluster] = []

    _trim_stray_words(persons, text)
    # full names first, so that bare surnames can join them
    for m in persons:
        name = parse_name(m.form)
        if not name.full:
            continue
        cluster = _find_cluster(clusters, name, m.form)
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
    for m in persons:
        if m.key is not None:
            continue
        name = parse_name(m.form)
        _attach_bare(table, clusters, m, name, text)

    _cluster_others(table, others, clusters, text)
    table.mentions = [m for m in candidates if m.key is not None]
    _prune_orphans(table)
    _choose_names(table, text)
    return clusters


def _trim_stray_words(persons: list[Mention], text: str) -> None:
    """Title-case lines make NER take a word beside a name into it: "Donald Trump Leads",
    "Trump Wants", "Injecting Clinton". When the rest is a name the article uses on its
    own (a full name, or the surname of one), the stray word is cut off."""
    forms = {m.form for m in persons}
    for m in persons:
        words = m.form.split()
        if parse_name(m.form).suffix or len(words) < 2:
            continue
        surnames = {parse_name(f).surname for f in forms - {m.form} if parse_name(f).full}
        for n in range(len(words) - 1, 0, -1):
            head, tail = " ".join(words[:n]), words[n:]
            if (n >= 2 and head in forms) or (
                n == 1
                and head in surnames
                and given_name_gender(head) is None
                and not any(t in surnames or given_name_gender(t) for t in tail)
            ):
                m.form, m.span = head, Span(m.span.start, m.span.start + len(head))
                break
        words = m.form.split()
        if len(words) != 2:
            continue
        first, rest = words[0], " ".join(words[1:])
        if (
            len(words) == 2
            and rest in surnames
            and given_name_gender(first) is None
            and (first.lower().endswith("ing") or is_descriptor(first))
        ):
            start = m.span.start + len(first) + 1
            m.form, m.span = rest, Span(start, m.span.end)


def _note(cluster: _PersonCluster, m: Mention, text: str, *, full: bool) -> None:
    """Record a mention of ``cluster``: position, form, gender and title cues."""
    m.key = cluster.key
    cluster.positions.append(m.span.start)
    cluster.forms.add(m.form)
    if full:
        cluster.full_count += 1
    prefix, gender = _prefix(text, m.span.start)
    cluster.set_gender(m.honorific_gender or gender, 3)
    cluster.set_gender(_kin_gender(text, m.span.start), 2)
    if prefix:
        cluster.titles_before.add(prefix.lower().rstrip("."))
        if not full:
            m.title_form = f"{prefix} {m.form}"


def _attach_bare(
    table: EntityTable,
    clusters: list[_PersonCluster],
    m: Mention,
    name: PersonName,
    text: str,
) -> None:
    """Give a bare surname ("Clinton", "Mrs. Clinton") to the person the context supports,
    a new person when no one named in the article fits, or nobody when two fit equally."""
    prefix, gender = _prefix(text, m.span.start)
    gender = m.honorific_gender or gender
    title = prefix.lower().rstrip(".") if prefix else None
    plural = name.surname.lower()
    if not any(c.name.surname.lower() == plural for c in clusters) and any(
        c.name.surname.lower() in (plural[:-1], plural[:-2]) for c in clusters
    ):
        return  # "Clintons", "Bushes": the family, not one of them
    if prefix is None and given_name_gender(name.surname) is not None:
        # "Hillary" on her own: the one person named here with that given name
        by_given = [c for c in clusters if c.name.given and c.name.given == name.surname]
        if len(by_given) == 1 and not any(
            c.name.surname.lower() == name.surname.lower() for c in clusters
        ):
            _note(by_given[0], m, text, full=False)
            return
    found, make_new = _resolve_bare(clusters, name, m.span.start, gender, title, text)
    if found is None and make_new:
        ent = table.new_entity("Person", m.form)
        found = _PersonCluster(ent.key, name)
        clusters.append(found)
    if found is not None:
        _note(found, m, text, full=False)


def _resolve_bare(
    clusters: list[_PersonCluster],
    name: PersonName,
    position: int,
    gender: str | None,
    title: str | None,
    text: str,
) -> tuple[_PersonCluster | None, bool]:
    """(the person a bare surname stands for, whether to make a new person instead).

    Candidates share the surname (and the suffix, if one is written). An honorific's gender
    rules out the others, a title before the name prefers the person given that title; of
    several left, the one named in the same paragraph most recently wins, else the one
    the article is clearly about (named at least twice as often); else nobody."""
    same = [c for c in clusters if c.name.surname.lower() == name.surname.lower()]
    if name.suffix:
        same = [c for c in same if c.name.suffix == name.suffix]
    else:
        same = [c for c in same if c.name.suffix is None] or same
    if not same:
        return None, True
    if gender:
        same = [c for c in same if c.gender in (None, gender)]
        if not same:
            return None, True
    if title:
        titled = [c for c in same if title in c.titles_before]
        same = titled or same
    if len(same) == 1:
        return same[0], False
    para = text.rfind("\n", 0, position) + 1
    recent = [
        (max(p for p in c.positions if para <= p < position), c)
        for c in same
        if any(para <= p < position for p in c.positions)
    ]
    if recent:
        return max(recent, key=lambda pc: pc[0])[1], False
    weight = sorted(same, key=lambda c: (-(len(c.positions) + c.full_count), min(c.positions)))
    top, second = (len(c.positions) + c.full_count for c in weight[:2])
    first = min(same, key=lambda c: min(c.positions))
    # the one introduced first, in a sentence of its own, is who the article is about;
    # two introduced together ("Ann Okafor and Grace Okafor") leave it open
    alone = all(
        c is first or _SENTENCE_END.search(text, min(first.positions), min(c.positions))
        for c in same
    )
    if top >= 2 * second or (
        weight[0] is first and top >= second and alone and min(first.positions) < position
    ):
        return weight[0], False
    return None, False


def _find_cluster(
    clusters: list[_PersonCluster], name: PersonName, form: str
) -> _PersonCluster | None:
    """The person a full name belongs to: names that agree (see
    :func:`kg.extract.names.compatible_names`), or the tail of a longer name
    ("Wasserman Schultz" of "Debbie Wasserman Schultz")."""
    for c in clusters:
        if c.name.given is None:
            continue
        if compatible_names(c.name, name):
            return c
    words = form.split()
    if given_name_gender(words[0]) is None:
        for c in clusters:
            if any(
                len(f.split()) > len(words) and f.split()[-len(words) :] == words for f in c.forms
            ):
                return c
    for c in clusters:
        if (
            c.name.given is None
            and c.name.surname.lower() == name.surname.lower()
            and (c.name.suffix == name.suffix)
            and (c.gender is None or c.gender == given_name_gender(name.given or ""))
        ):
            c.name = name
            return c
    return None


def _cluster_others(
    table: EntityTable, others: list[Mention], clusters: list[_PersonCluster], text: str
) -> None:
    """Organisations and places: one entity per normalised name (known organisations by
    their canonical name, so "DNC" joins "Democratic National Committee"); acronyms defined
    in the text join their full names."""
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


def _org_norm(form: str, family: str) -> str:
    """Names that would make the same IRI slug are one entity ("Hewlett-Packard")."""
    key = gazetteer.org_key(form) if family == "Organization" else _norm(form)
    return re.sub(r"[^a-z0-9]+", "-", key).strip("-") or key


def _norm(form: str) -> str:
    form = _LEADING_THE.sub("", form)
    form = _POSSESSIVE.sub("", form) if form.endswith(("’s", "'s")) else form
    return re.sub(r"\s+", " ", form).strip().lower()


def _word_before(text: str, start: int) -> str:
    """The word just before ``start``, lower-case ("Senator Vickery" -> "senator")."""
    m = re.search(r"([A-Za-z.]+)\s+$", text[max(0, start - 40) : start])
    return m.group(1).lower() if m else ""


def _person_named(
    clusters: list[_PersonCluster], form: str, position: int, text: str
) -> tuple[_PersonCluster | None, bool]:
    """(the person an organisation- or place-tagged name really is, whether it names
    someone at all): a surname of a person named here, given by the same rules as any bare
    surname, or a full name that fits a known person. A surname two people share and the
    context cannot decide is still a person's: it must not become an organisation."""
    name = parse_name(form)
    if not name.full:
        if not any(c.name.surname.lower() == name.surname.lower() for c in clusters):
            return None, False
        found, _ = _resolve_bare(clusters, name, position, None, None, text)
        return found, True
    for c in clusters:
        if c.name.given is not None and compatible_names(c.name, name):
            return c, True
    return None, False


def _prune_orphans(table: EntityTable) -> None:
    used = {m.key for m in table.mentions}
    table.entities = [e for e in table.entities if e.key in used]


def _choose_names(table: EntityTable, text: str) -> None:
    """Canonical name = the fullest well-formed form (a known organisation's canonical
    name); ties go to fewer initials, then the most frequent, then the first seen in the
    body rather than the headline. Honorific and title forms ("Mrs. Clinton") are aliases."""
    for ent in table.entities:
        forms = [m for m in table.mentions if m.key == ent.key]
        if not forms:
            continue
        counts = Counter(m.form for m in forms)
        first_body: dict[str, int] = {}
        for m in forms:
            pos = m.span.start + (10**9 if m.in_headline else 0)
            first_body[m.form] = min(first_body.get(m.form, pos), pos)
        is_person = ent.type == "Person"
        ent.name = min(counts, key=lambda f: _name_rank(f, is_person, counts, first_body))
        if ent.type in ("Organization", "NewsOrganization"):
            known = _known(ent.name) or next(filter(None, map(_known, counts)), None)
            ent.name = known or ent.name
        ent.aliases = {f for f in counts if f != ent.name}
        ent.aliases |= {m.title_form for m in forms if m.title_form and m.title_form != ent.name}


def _known(form: str) -> str | None:
    return gazetteer.known_organization(form) or gazetteer.outlet_canonical(form)


def _name_rank(
    form: str, is_person: bool, counts: Counter, first_seen: dict[str, int]
) -> tuple[int, int, int, int, int]:
    if is_person:
        name = parse_name(form)
        length = len(name.middles) + (2 if name.full else 1) + (1 if name.suffix else 0)
        return (
            0 if well_formed(form) else 1,
            -length,
            initials(form),
            -counts[form],
            first_seen[form],
        )
    return (0, -len(form), 0, -counts[form], first_seen[form])


# --- mentions NER missed ------------------------------------------------------------------


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
    for ent in list(table.entities):
        if ent.type == "UnnamedSource":
            continue
        forms = set(ent.all_names())
        if ent.type == "Person":
            forms = {f for f in forms if parse_name(f).full}
        for form in sorted(forms, key=len, reverse=True):
            if len(form) < 3 or not form[0].isupper() or form not in text:
                continue
            for start in _name_starts(text, form, not parse_name(form).suffix):
                end = start + len(form)
                if not free(start, end):
                    continue
                mention = Mention(
                    Span(start, end), form, ent.type, ent.key, in_headline=in_head(start)
                )
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


# --- titles and affiliations --------------------------------------------------------------


def _titles_and_affiliations(
    table: EntityTable, doc: Doc, text: str, headline: Span | None
) -> None:
    """ "Russian Foreign Minister Sergey Lavrov" -> title "Foreign Minister", affiliation
    Russia; "the company’s chief executive, Ravi Menon" -> title "chief executive"."""
    place_keys = {_norm(e.name): e.key for e in table.entities if e.type == "Place"}
    for m in list(table.mentions):
        if m.type != "Person" or m.in_headline or m.key is None:
            continue
        ent = table.by_key(m.key)
        first = _token_at(doc, m.span.start)
        if first is None:
            continue
        title_tokens: list[Token] = []
        i = first.i - 1
        while i >= 0:
            tok = doc[i]
            low = tok.lower_
            if tok.is_space or "\n" in tok.whitespace_:
                break
            if (low in lexicon.TITLE_HEADS or low in lexicon.TITLE_MODIFIERS) and (
                tok.text[0].isupper() or title_tokens
            ):
                title_tokens.insert(0, tok)
                i -= 1
                continue
            break
        while title_tokens and title_tokens[-1].lower_ not in lexicon.TITLE_HEADS:
            title_tokens.pop()
        while title_tokens and title_tokens[0].lower_ in ("top", "former"):
            title_tokens.pop(0)
        if title_tokens and title_tokens[-1].lower_ not in lexicon.HONORIFICS:
            ent.titles.add(" ".join(t.text for t in title_tokens))
            before = doc[title_tokens[0].i - 1] if title_tokens[0].i > 0 else None
            if before is not None and before.lower_ in lexicon.DEMONYMS:
                country = lexicon.DEMONYMS[before.lower_]
                key = place_keys.get(country.lower())
                if key is None:
                    key = table.new_entity("Place", country).key
                    place_keys[country.lower()] = key
                ent.affiliations.add(key)
                if table.at(before.idx) is None:
                    table.mentions.append(
                        Mention(
                            Span(before.idx, before.idx + len(before)), before.text, "Place", key
                        )
                    )
            elif before is not None:
                org = table.at(before.idx)
                if org and org.key and org.type in ("Organization", "NewsOrganization", "Place"):
                    ent.affiliations.add(org.key)
        _appositive_title(table, ent, doc, first, m)


def _appositive_title(table: EntityTable, ent: Entity, doc: Doc, first: Token, m: Mention) -> None:
    head = first
    while head.head.i != head.i and m.span.start <= head.head.idx < m.span.end:
        head = head.head
    partners = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        partners.append(head.head)
    for p in partners:
        if p.lower_ not in lexicon.TITLE_HEADS or p.ent_type_:
            continue
        words = [
            t
            for t in p.subtree
            if t.i <= p.i
            and t.dep_ not in ("det", "poss", "case", "punct")
            and not (t.ent_type_ and t.dep_ != "compound")
        ]
        # keep only the contiguous run ending at the head noun
        run: list[Token] = []
        for t in reversed(words):
            if run and t.i != run[0].i - 1:
                break
            run.insert(0, t)
        if run:
            ent.titles.add(" ".join(t.text for t in run))
        for t in p.subtree:
            if t.dep_ == "poss" or (t.dep_ == "pobj" and t.head.lower_ in ("of", "for", "at")):
                org = table.at(t.idx)
                if org and org.key and org.type != "Person":
                    ent.affiliations.add(org.key)


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
