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

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from kg.extract import lexicon
from kg.model import Entity, EntityType, Span

_NER_TYPES: dict[str, EntityType] = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
}
_POSSESSIVE = re.compile(r"(?:[’']s?)$")
_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_BRACKET_NAME = re.compile(r"\[([A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+)?)\]\s+([A-Z][\w’'-]+)")
_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w&’'.-]*\s+(?:(?:of|for|the|and|on|in|&)\s+)*){1,8})\(([A-Z][A-Za-z&.]{1,9})\)"
)
_LEADING_THE = re.compile(r"^(?:[Tt]he)\s+")
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
    _cluster(table, candidates, text)
    _propagate(table, text, blocked, headline)
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
    for canonical, patterns in lexicon.NEWS_OUTLETS.items():
        for pattern in patterns:
            for m in re.finditer(rf"(?<![\w-]){pattern}(?![\w-])", text):
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
        if tok.text in ("’s", "'s") and i > 0:
            tokens = tokens[:i]
            break
    while tokens and tokens[0].lower_ in ("the", "a", "an"):
        tokens = tokens[1:]
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
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    form = re.sub(r"[\[\]]", "", text[start:end])
    form = re.sub(r"\s+", " ", form).strip()
    form = _POSSESSIVE.sub("", form) if form.endswith(("’s", "'s")) else form
    if not any(c.isupper() for c in form) or len(form) < 2:
        return None
    if form in lexicon.NOT_ORGANIZATIONS or form.lower() in lexicon.DEMONYMS:
        return None
    if _is_outlet_name(form):
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
    for canonical, patterns in lexicon.NEWS_OUTLETS.items():
        if form == canonical or any(re.fullmatch(p, form) for p in patterns):
            return True
    return False


# --- clustering ---------------------------------------------------------------------------


def name_skeleton(word: str) -> str:
    """A rough phonetic key so that transliteration variants compare equal:
    Sergei/Sergey, Aleksandr/Alexander, Muammar/Moammar."""
    w = word.lower().replace("ks", "x").replace("y", "i").replace("ph", "f")
    if not w:
        return w
    rest = re.sub(r"[aeiou]", "", w[1:])
    rest = re.sub(r"(.)\1+", r"\1", rest)
    return w[0] + rest


def _name_parts(form: str) -> tuple[list[str], str | None]:
    """Split a person's name into given names + surname and an optional suffix."""
    words = form.replace(",", " ").split()
    suffix = None
    if len(words) > 1 and words[-1].lower() in _NAME_SUFFIXES:
        suffix = words[-1].rstrip(".").lower()
        words = words[:-1]
    return words, suffix


def compatible_first_names(a: str, b: str) -> bool:
    a0, b0 = a.rstrip("."), b.rstrip(".")
    if len(a0) == 1 or len(b0) == 1:
        return a0[0].lower() == b0[0].lower()
    return a0.lower() == b0.lower() or name_skeleton(a0) == name_skeleton(b0)


@dataclass
class _PersonCluster:
    key: str
    surname: str
    first: str | None
    suffix: str | None
    positions: list[int]
    gender: str | None = None
    titles_before: set[str] = field(default_factory=set)


def _cluster(table: EntityTable, candidates: list[Mention], text: str) -> None:
    candidates.sort(key=lambda m: m.span.start)
    persons = [m for m in candidates if m.type == "Person"]
    others = [m for m in candidates if m.type != "Person"]
    clusters: list[_PersonCluster] = []

    # full names first, so that bare surnames can join them
    for m in persons:
        words, suffix = _name_parts(m.form)
        if len(words) < 2:
            continue
        cluster = _find_cluster(clusters, words[-1], words[0], suffix)
        if cluster is None:
            ent = table.new_entity("Person", m.form)
            cluster = _PersonCluster(ent.key, words[-1], words[0], suffix, [])
            clusters.append(cluster)
        cluster.positions.append(m.span.start)
        if m.honorific_gender:
            cluster.gender = m.honorific_gender
        before = _word_before(text, m.span.start)
        if before in lexicon.TITLE_HEADS:
            cluster.titles_before.add(before)
        m.key = cluster.key
    for m in persons:
        if m.key is not None:
            continue
        words, suffix = _name_parts(m.form)
        before = _word_before(text, m.span.start)
        titled = [
            c
            for c in clusters
            if c.surname.lower() == words[-1].lower() and before in c.titles_before
        ]
        cluster = (
            titled[0]
            if len(titled) == 1
            else _nearest_by_surname(clusters, words[-1], m.span.start, m.honorific_gender)
        )
        if cluster is None:
            ent = table.new_entity("Person", m.form)
            cluster = _PersonCluster(ent.key, words[-1], None, suffix, [m.span.start])
            clusters.append(cluster)
        m.key = cluster.key
        if m.honorific_gender and not cluster.gender:
            cluster.gender = m.honorific_gender

    # organisations and places: by normalised name; acronyms join their full names
    by_name: dict[tuple[str, str], str] = {}
    family = {"NewsOrganization": "Organization", "Organization": "Organization", "Place": "Place"}
    for m in others:
        if "\x00" in m.form:
            continue
        fam = family[m.type]
        norm = _norm(m.form)
        # an ORG that is really a known person ("Kadyrov’s de facto" -> Kadyrov)
        person = _person_named(clusters, m.form, m.span.start)
        if person is not None and fam == "Organization" and m.type != "NewsOrganization":
            m.type, m.key = "Person", person.key
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
        key = by_name.get((fam, _norm(full)))
        if key is None:
            key = table.new_entity(m.type, full).key
            by_name[(fam, _norm(full))] = key
        by_name[(fam, _norm(acronym))] = key
        m.key = key
    # later plain uses of an acronym ("HRW said") join too
    for m in others:
        if m.type == "Person":
            continue
        fam = family[m.type]
        key = by_name.get((fam, _norm(m.form)))
        if key and key != m.key:
            m.key = key
    table.mentions = [m for m in candidates if m.key is not None]
    table.genders = {c.key: c.gender for c in clusters if c.gender}
    _prune_orphans(table)
    _choose_names(table, text)


def _norm(form: str) -> str:
    form = _LEADING_THE.sub("", form)
    form = _POSSESSIVE.sub("", form) if form.endswith(("’s", "'s")) else form
    return re.sub(r"\s+", " ", form).strip().lower()


def _find_cluster(
    clusters: list[_PersonCluster], surname: str, first: str, suffix: str | None
) -> _PersonCluster | None:
    for c in clusters:
        if c.surname.lower() != surname.lower() or c.suffix != suffix:
            continue
        if c.first is None or compatible_first_names(c.first, first):
            if c.first is None:
                c.first = first
            return c
    return None


def _word_before(text: str, start: int) -> str:
    """The word just before ``start``, lower-case ("Senator Vickery" -> "senator")."""
    m = re.search(r"([A-Za-z.]+)\s+$", text[max(0, start - 40) : start])
    return m.group(1).lower() if m else ""


def _nearest_by_surname(
    clusters: list[_PersonCluster], surname: str, position: int, gender: str | None
) -> _PersonCluster | None:
    """The person a bare surname refers to: the only one with that surname, or, when two
    share it, the one of the right gender, else the one mentioned most recently before."""
    same = [c for c in clusters if c.surname.lower() == surname.lower()]
    if gender:
        same = [c for c in same if c.gender in (None, gender)] or same
    if len(same) <= 1:
        return same[0] if same else None
    plain = [c for c in same if c.suffix is None] or same
    before = [(max((p for p in c.positions if p < position), default=-1), c) for c in plain]
    before.sort(key=lambda pc: pc[0])
    return before[-1][1] if before[-1][0] >= 0 else plain[0]


def _person_named(
    clusters: list[_PersonCluster], form: str, position: int
) -> _PersonCluster | None:
    """The person an organisation- or place-tagged name really is: a known surname alone,
    or a full name whose surname and given name fit a known person."""
    words, suffix = _name_parts(form)
    if len(words) == 1:
        return _nearest_by_surname(clusters, words[0], position, None)
    for c in clusters:
        if (
            c.surname.lower() == words[-1].lower()
            and c.suffix == suffix
            and c.first is not None
            and compatible_first_names(c.first, words[0])
        ):
            return c
    return None


def _prune_orphans(table: EntityTable) -> None:
    used = {m.key for m in table.mentions}
    table.entities = [e for e in table.entities if e.key in used]


def _choose_names(table: EntityTable, text: str) -> None:
    """Canonical name = the fullest form; ties go to the most frequent, then to the first
    seen in the body rather than the headline."""
    for ent in table.entities:
        forms = [m for m in table.mentions if m.key == ent.key]
        counts = Counter(m.form for m in forms)
        first_body: dict[str, int] = {}
        for m in forms:
            pos = m.span.start + (10**9 if m.in_headline else 0)
            first_body[m.form] = min(first_body.get(m.form, pos), pos)
        is_person = ent.type == "Person"
        ent.name = min(counts, key=lambda f: _name_rank(f, is_person, counts, first_body))
        ent.aliases = {f for f in counts if f != ent.name}


def _name_rank(
    form: str, is_person: bool, counts: Counter, first_seen: dict[str, int]
) -> tuple[int, int, int]:
    if is_person:
        words, suffix = _name_parts(form)
        length = len(words) + (1 if suffix else 0)
    else:
        length = len(form)
    return (-length, -counts[form], first_seen[form])


# --- mentions NER missed ------------------------------------------------------------------


def _propagate(table: EntityTable, text: str, blocked: _SpanSet, headline: Span | None) -> None:
    """Find further mentions of known names (surnames, acronyms, headline forms)."""
    taken = sorted((m.span.start, m.span.end) for m in table.mentions)

    def free(start: int, end: int) -> bool:
        return not blocked.overlaps(start, end) and not any(s < end and start < e for s, e in taken)

    new: list[Mention] = []
    for ent in list(table.entities):
        if ent.type == "UnnamedSource":
            continue
        forms = set(ent.all_names())
        if ent.type == "Person":
            forms |= {f.split()[-1] for f in forms if len(f.split()) > 1}
        for form in sorted(forms, key=len, reverse=True):
            if len(form) < 3 or not form[0].isupper():
                continue
            pattern = rf"(?<![\w-]){re.escape(form)}(?:[’']s)?(?![\w-])"
            for m in re.finditer(pattern, text):
                start, end = m.start(), m.start() + len(form)
                if not free(start, end):
                    continue
                in_head = headline is not None and headline.start <= start < headline.end
                mention = Mention(Span(start, end), form, ent.type, ent.key, in_headline=in_head)
                if ent.type == "Person" and " " not in form:
                    _extend_first_name(table, mention, text, free)
                    if mention.key is None:
                        continue
                taken.append((mention.span.start, mention.span.end))
                new.append(mention)
    table.mentions.extend(new)
    if any(" " in m.form for m in new):
        _choose_names(table, text)


def _extend_first_name(table: EntityTable, mention: Mention, text: str, free) -> None:
    """A surname found by search may stand after a given name NER missed ("Top Russian
    Diplomat Sergei Lavrov" in a headline): take it when it fits the person."""
    m = re.search(
        r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?) $",
        text[max(0, mention.span.start - 30) : mention.span.start],
    )
    if not m:
        return
    given = m.group(1)
    low = given.lower()
    if (
        given in _NOT_FIRST_NAMES
        or low in lexicon.TITLE_HEADS
        or low in lexicon.TITLE_MODIFIERS
        or low in lexicon.DEMONYMS
        or low in lexicon.HONORIFICS
    ):
        return
    start = mention.span.start - len(given) - 1
    if not free(start, mention.span.start):
        return
    ent = table.by_key(mention.key)
    known_first = [_name_parts(f)[0][0] for f in ent.all_names() if len(_name_parts(f)[0]) > 1]
    if known_first and not any(compatible_first_names(given, k) for k in known_first):
        mention.key = None  # another person of the same surname; leave it unresolved
        return
    mention.span = Span(start, mention.span.end)
    mention.form = f"{given} {mention.form}"


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
