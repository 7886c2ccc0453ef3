"""Candidate mentions: known outlets, acronyms defined in the text and bracketed names first,
then spaCy's entities trimmed to the name itself (no titles, possessives or stray words) and
retyped where NER is plainly wrong in news.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

from kg.datelines import dateline_at
from kg.extract import gazetteer, lexicon
from kg.extract.entities.organisations import (
    _ACRONYM_DEF,
    _INSTITUTION_WORDS,
    _POSSESSIVE,
    _capital_words,
    _drop_leading_the,
    _initials,
    _initials_match,
    _is_outlet_name,
    _known_name_pattern,
    _outlet_by_cue,
    _outlet_patterns,
    defined_name,
)
from kg.extract.entities.tables import Mention
from kg.extract.names import (
    SUFFIX_AFTER,
    caseless_letter,
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


#: a "facility" NER names that is a body: an institution's word and its "for" or "of"
#: ("the Centre for Strategic and International Studies", "the Institute of Physics")
_FAC_BODY = re.compile(
    r"\b(?:Centre|Center|Institute|Foundation|Council|Society|Academy|Association)"
    r" (?:for|of) [A-Z]"
)


_BRACKET_NAME = re.compile(r"\[([A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+)?)\]\s+([A-Z][\w’'-]+)")


_COUNTRIES = gazetteer.COUNTRIES

#: Words that make a run of name words an institution's or a place's ("Grace Cathedral").
_PLACE_OR_BODY_WORDS = _INSTITUTION_WORDS | lexicon.FACILITY_WORDS


#: Single words NER tags as organisations that are pieces of titles ("Secretary of State").
_TITLE_FRAGMENTS = frozenset(
    ["State", "Defense", "Justice", "Labor", "Energy", "Commerce", "Homeland", "Super"]
)


class _SpanSet:
    def __init__(self, spans: list[Span]):
        self.spans = sorted(spans)

    def overlaps(self, start: int, end: int) -> bool:
        return any(s.start < end and start < s.end for s in self.spans)


def _outside(headline: Span | None, start: int) -> bool:
    """Whether a mention starting at ``start`` lies outside the headline (title case
    there fools the patterns that go by capitals)."""
    return headline is None or not headline.start <= start < headline.end


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
    # well-known organisations NER missed or cut ("Doctors Without Borders" as "Borders");
    # where NER's span runs beyond the name, its span stands ("the Supreme Court of India"
    # is not the US court)
    for m in _known_name_pattern().finditer(text):
        words = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if words is not None and not _entity_runs_beyond(words):
            add(m.start(), m.end(), m.group(0), "Organization")
    for m in _ACRONYM_DEF.finditer(text):
        full = m.group(1).strip()
        full_start = m.start(1) + (len(m.group(1)) - len(m.group(1).lstrip()))
        cut = defined_name(full, m.group(2))
        full, full_start = full[cut:], full_start + cut
        full, full_start = _drop_leading_the(full, full_start)
        acronym = m.group(2).rstrip(".")
        if _initials_match(full, acronym):
            type_ = "NewsOrganization" if _is_outlet_name(full) else "Organization"
            add(full_start, full_start + len(full), full, type_)
            add(m.start(2), m.start(2) + len(acronym), acronym, type_)
            found[-1].form = f"{acronym}\x00{full}"  # marks the acronym as an alias of full
    for m in _BRACKET_NAME.finditer(text):
        add(m.start(), m.end(), f"{m.group(1)} {m.group(2)}", "Person")
    # places a noun of a country's divisions names ("the provinces of Iloilo and Capiz",
    # "Ondo, Edo and Bauchi states"), which NER often takes for bodies or one body
    for start, end in _places_by_division_noun(text):
        if _outside(headline, start):
            add(start, end, text[start:end], "Place")
    # companies named "X & Y" or "X and Y", which NER cuts in two or gives to a person
    for start, end in _company_names(doc, text):
        if _outside(headline, start):
            add(start, end, re.sub(r"\s+", " ", text[start:end]), "Organization")
    # sports clubs, by a word of clubs' names ("beat Dunmore Athletic 2-1"), which NER
    # misses or gives to a person
    for m in _CLUB_NAME.finditer(text):
        if _outside(headline, m.start()) and not _NAME_BEFORE.search(text, 0, m.start()):
            add(m.start(), m.end(), m.group(0), "Organization")

    # organisations introduced by what they are ("the video-sharing platform Loopa")
    kinds = _named_after_kind(doc)
    for start, end, by_ner in kinds:
        if not by_ner and (_outside(headline, start)):
            add(start, end, text[start:end], "Organization")
    for start, end in _named_after_outlet_noun(doc) + _named_before_outlet_noun(doc):
        if _outside(headline, start):
            add(start, end, text[start:end], "NewsOrganization")
    for start, end in _named_before_which(doc):
        if _outside(headline, start):
            add(start, end, text[start:end], "Organization")
    for start, end in _acronym_before_kind(doc):
        if _outside(headline, start):
            add(start, end, text[start:end], "Organization")
    # courts named for their place ("the Delhi High Court", "Lagos State High Court"),
    # which NER, not knowing the place, often leaves untagged
    for m in _PLACE_COURT.finditer(text):
        if _outside(headline, m.start(1)):
            add(m.start(1), m.end(1), m.group(1), "Organization")
    # people named right after their post, which NER, not knowing the name, tags as a body
    # or misses ("Eskom spokesperson Sikhumbuzo Ndlovu", "Minister of Electricity Kgosi
    # Dlamini"): before NER's entities, so that its span gives way
    for start, end in _people_after_posts(text):
        if _outside(headline, start):
            add(start, end, text[start:end], "Person")

    # 2. spaCy's entities, cleaned
    ents = doc.ents  # built anew on each access
    people = frozenset(t.text for ent in ents if ent.label_ == "PERSON" for t in ent)
    for ent in ents:
        type_ = _NER_TYPES.get(ent.label_)
        if type_ is None and ent.label_ == "FAC" and _FAC_BODY.search(ent.text):
            type_ = "Organization"  # "the Centre for Strategic and International Studies"
        if type_ is None:
            continue
        if headline is not None and headline.start <= ent.start_char < headline.end:
            continue  # title case confuses NER; headline mentions come from propagation
        cleaned = _clean(ent, text, type_, people)
        if cleaned is None:
            continue
        start, end, form, type_, gender = cleaned
        add(start, end, form, type_, gender)

    # 3. names in another script that NER, trained on English, does not see, and names
    # it missed that begin with a known given name
    for start, end in _other_script_people(doc, text):
        add(start, end, text[start:end], "Person")
    for start, end in _missed_people(doc):
        if _outside(headline, start):
            add(start, end, text[start:end], "Person")
    _people_by_surname(found, text)
    _kind_named_organisations(found, {text[start:end] for start, end, _ in kinds})
    _teams(found, text)
    _whole_organisation_names(found, doc, text)
    _names_run_on(found, text)
    _places_by_feature(found, text)
    _known_as(found, text)
    return found


def _places_by_feature(found: list[Mention], text: str) -> None:
    """A name a noun of the land or water follows (:data:`_FEATURE_AFTER`: "Brazil's Amazon
    rainforest", "the Cerrado savanna") is a place, there and wherever else the article
    names it so (the headline included: "Amazon deforestation falls"), unless a known
    organisation goes by that name ("Amazon" the company in another sentence stays so)."""
    forms = {m.form for m in found if _FEATURE_AFTER.match(text, m.span.end)}
    for m in found:
        if m.form not in forms or m.type not in ("Organization", "Person"):
            continue
        if (
            _FEATURE_AFTER.match(text, m.span.end)
            or m.in_headline
            or not gazetteer.known_organization(m.form)
        ):
            m.type = "Place"


#: a club's name: one or two capitalised words and a word only clubs' names end with
#: ("Dunmore Athletic", "Bolton Wanderers FC"), or one only they begin with ("Dynamo
#: Kyiv"), and no more capitalised words after it ("the National Athletic Association" is
#: no club): :data:`lexicon.CLUB_NAME_ENDS` and :data:`lexicon.CLUB_NAME_STARTS`.
_CLUB_ENDS = "|".join(sorted(lexicon.CLUB_NAME_ENDS - {"FC", "AFC"})) + "|FC|AFC"
_CLUB_STARTS = "|".join(sorted(lexicon.CLUB_NAME_STARTS))
_CLUB_NAME = re.compile(
    rf"(?<![\w’'-])(?:(?:[A-Z][a-z][\w-]* ){{1,2}}(?:{_CLUB_ENDS})(?: FC| AFC)?"
    rf"|(?:{_CLUB_STARTS}) [A-Z][a-z][\w-]*)(?![\w’'-]| [A-Z]| (?:of|for|and|&) )"
)
#: a capitalised word just before: the club's name would be part of a longer one
#: ("National Nurses United for Patient Protection")
_NAME_BEFORE = re.compile(r"[A-Z][\w’'-]* $")


#: what may follow an organisation's name as more of it: its place ("in India"), or a
#: facility's word NER left out ("Royal Pennine" + "Infirmary")
_IN_PLACE_AFTER = re.compile(r" in ((?:[A-Z][\w’'-]+)(?: [A-Z][\w’'-]+)?)\b")
_FACILITY_AFTER = re.compile(
    r" (Hospital|Infirmary|Clinic|School|College|Academy|Library|Museum|Gallery|Theatre|"
    r"Theater|Stadium|Arena|Airport|Prison)\b(?![’'-])"
)
_ACRONYM = re.compile(r"\b[A-Z]{3,7}\b")
#: a body's "for" and what it is for, in capitals ("the United Party for National
#: Development", "the Movement for Democratic Change"), which NER cuts off
_FOR_AFTER = re.compile(r" for (?:the )?[A-Z][\w’'-]+(?: (?:and |of |the )?[A-Z][\w’'-]+){0,3}")
_BODY_FOR = lexicon.words(
    """
    Party Movement Alliance Front Union Coalition Council Committee Center Centre Institute
    Foundation Campaign Association League Society Fund Network Commission Agency Forum
    Partnership Trust Congress Organisation Organization
    """
)


def _names_run_on(found: list[Mention], text: str) -> None:
    """Organisations' names NER cut short, made whole: one whose acronym in the article
    spells its place too ("the Board of Control for Cricket in India ... BCCI"), one
    that a facility's word follows ("Royal Pennine" + "Infirmary"), and a body's "for"
    with what it is for in capitals ("the United Party" + "for National Development").
    The place or words NER took apart go with it."""
    acronyms = set(_ACRONYM.findall(text))
    for m in list(found):
        if m not in found or m.type != "Organization" or text[m.span.start : m.span.end] != m.form:
            continue  # (or taken into a name made whole before it)
        end = None
        place = _IN_PLACE_AFTER.match(text, m.span.end)
        if place is not None and acronyms:
            whole = _initials(_capital_words(f"{m.form} {place.group(1)}"))
            own = _initials(_capital_words(m.form))
            if whole in acronyms and own not in acronyms:
                end = place.end()
        facility = _FACILITY_AFTER.match(text, m.span.end)
        if end is None and facility is not None and len(m.form.split()) >= 2:
            end = facility.end()
        purpose = _FOR_AFTER.match(text, m.span.end)
        if (
            end is None
            and purpose is not None
            and m.form.split()[-1] in _BODY_FOR
            # "left the Republican Party for Hillary Clinton": a person, not a purpose
            and not any(given_name_gender(w) for w in purpose.group(0).split())
            and not any(
                o.type == "Person" and o.span.start < purpose.end() and purpose.start() < o.span.end
                for o in found
            )
        ):
            end = purpose.end()
        if end is None:
            continue
        whole = Mention(
            Span(m.span.start, end), text[m.span.start : end], m.type, in_headline=m.in_headline
        )
        found[:] = [
            whole if o is m else o
            for o in found
            if o is m or not (m.span.end <= o.span.start < end)
        ]


#: what joins a name to another name of the same body or place: "the Monetary Policy
#: Committee, known as Copom", "Mumbai, formerly known as Bombay"
_KNOWN_AS = re.compile(
    r",?\s+(?:(?:also|better|more|commonly|widely|locally|popularly|formerly|previously|"
    r"officially)\s+)?(?:known|called|referred\s+to)\s+as\s+(?:the\s+)?",
    re.I,
)


def _known_as(found: list[Mention], text: str) -> None:
    """A name that follows an organisation's or a place's name with "known as" between
    ("the Monetary Policy Committee, known as Copom") is another name of it, not a second
    body: marked as an alias of the first, as an acronym defined in brackets is. Only
    between two places or two names that are not places (a body's name after a place's
    names something else the sentence speaks of), and not after a person's name: a
    nickname is clustered with the person's other names."""
    ordered = sorted(found, key=lambda m: m.span.start)
    for first, then in zip(ordered, ordered[1:], strict=False):
        if first.type not in ("Organization", "NewsOrganization", "Place"):
            continue
        if "\x00" in first.form or "\x00" in then.form:
            continue
        gap = text[first.span.end : then.span.start]
        if not _KNOWN_AS.fullmatch(gap) or first.form == then.form:
            continue
        if (first.type == "Place") != (then.type == "Place"):
            # "countries bordering the Pacific Rim, known as the Trans-Pacific
            # Partnership": the name is of what the sentence is about, not of the place
            continue
        then.type = first.type  # "Copom" tagged a person is the committee still
        then.form = f"{then.form}\x00{first.form}"  # an alias of the first name


def _known_place(form: str) -> bool:
    """Whether ``form`` is a known country, US state or city."""
    return gazetteer.is_place_name(form, _COUNTRIES) or form in gazetteer.CITY_COUNTRIES


def _is_subject(doc: Doc, span: Span) -> bool:
    """Whether the words at ``span`` are the subject of a verb ("Sporting said")."""
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is None:
        return False
    root = words.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX")


def _whole_organisation_names(found: list[Mention], doc: Doc, text: str) -> None:
    """Where an organisation's name of two or more words stands again in the text, it is
    that organisation, though NER took part of it for someone or somewhere else the
    second time ("Kakao Mobility fined ... Kakao Mobility said": "Mobility" a person).
    Also a body's first word alone as the subject of a verb, where NER took it for a place
    ("Sporting Lisbon ... Sporting said"), or whose shares are spoken of ("Shares in
    Corrib fell"; but "In Calder" and "its Calder mill" beside
    "Calder Bay Pulp & Paper" are the town), unless it is a known place or a given name
    (a person's first word alone is a company's short form only on the terms of
    :mod:`kg.extract.entities.clustering`)."""
    orgs = {
        m.form: m.type
        for m in found
        if m.type in ("Organization", "NewsOrganization") and " " in m.form and m.form[0].isupper()
    }
    if not orgs:
        return
    spans: list[tuple[int, int, str]] = []
    for form in orgs:
        for hit in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
            spans.append((hit.start(), hit.end(), form))
    by_first: dict[str, set[str]] = {}
    for form in orgs:
        by_first.setdefault(form.split()[0], set()).add(form)
    firsts = {w: next(iter(fs)) for w, fs in by_first.items() if len(fs) == 1}
    for i, m in enumerate(found):
        if m.type not in ("Person", "Place") or m.honorific_gender:
            continue
        whole = next(
            (
                h
                for h in spans
                if h[0] <= m.span.start and m.span.end <= h[1] and h[1] - h[0] > len(m.form)
            ),
            None,
        )
        if whole is not None:
            start, end, form = whole
            if not any(o is not m and o.span.start < end and start < o.span.end for o in found):
                found[i] = Mention(Span(start, end), form, orgs[form], in_headline=m.in_headline)
            continue
        form = firsts.get(m.form)
        if (
            form is not None
            and m.type == "Place"
            and (_is_subject(doc, m.span) or _shares_in(text, m.span))
            and not _known_place(m.form)
            and given_name_gender(m.form) is None
        ):
            m.type, m.short_for = orgs[form], form


_SHARES_IN = re.compile(r"\b(?:[Ss]hares|[Ss]tock|[Bb]onds) (?:in|of) $")


def _shares_in(text: str, span: Span) -> bool:
    """Whether a name is what "shares in" or "stock of" are of: a company's."""
    return _SHARES_IN.search(text, max(0, span.start - 16), span.start) is not None


#: Nouns that say what kind of organisation the name after them is ("the state power
#: utility Eskom", "the video-sharing platform Loopa", "the insurer Mapfre").
_ORGANISATION_KINDS = lexicon.GENERIC_ORG_NOUNS | lexicon.words(
    """
    platform utility broadcaster carrier airline lender bank insurer retailer manufacturer
    maker producer miner exporter importer operator regulator startup start-up app website
    network charity conglomerate automaker carmaker chipmaker drugmaker supermarket chain
    brewer developer publisher consultancy bureau watchdog giant alliance
    """
)

#: Kinds that are also people's trades ("the film producer X", "the game developer X", "the
#: retailing giant Amancio Ortega"):
#: after them a name is an organisation only when NER tags it so.
_PERSON_LIKE_KINDS = lexicon.words("producer developer publisher maker operator miner giant")


def _capitalised_run(first: Token, most: int, *, within_sentence: bool = True) -> Token:
    """The last word of the run of up to ``most`` capitalised words that ``first`` opens
    (within its sentence unless not ``within_sentence``)."""
    doc, last = first.doc, first
    while last.i + 1 < len(doc) and last.i - first.i < most - 1:
        nxt = doc[last.i + 1]
        if not ((nxt.is_title or nxt.is_upper) and nxt.is_alpha):
            break
        if within_sentence and nxt.is_sent_start:
            break
        last = nxt
    return last


#: Nouns for a newspaper or broadcaster that a name may follow ("the Dutch newspaper De
#: Telegraaf", "the sports daily Record"); "agency" and "network" name other bodies too.
_OUTLET_KINDS = lexicon.OUTLET_NOUNS - {"agency", "network", "outlet"}


def _named_after_outlet_noun(doc: Doc) -> list[tuple[int, int]]:
    """Names written right after a noun saying they are a newspaper or broadcaster, with
    a determiner before it: "the Dutch newspaper De Telegraaf" (NER: a person), "the
    Portuguese sports daily Record" (NER: a place). Up to three capitalised words in the
    same sentence; not a date or a number."""
    out = []
    for tok in doc:
        if tok.text not in _OUTLET_KINDS or tok.tag_ not in ("NN", "NNP", "JJ"):
            continue
        # a determiner before it, over what describes it ("the Portuguese sports daily")
        words = [t for t in doc[max(0, tok.i - 4) : tok.i] if not t.is_punct][::-1]
        described = next((t for t in words if t.pos_ not in ("ADJ", "NOUN", "PROPN")), None)
        if described is None or described.lower_ not in ("the", "a", "an"):
            continue
        if tok.i + 1 >= len(doc):
            continue
        first = doc[tok.i + 1]
        if not (first.is_title or first.is_upper) or not first.is_alpha or first.is_sent_start:
            continue
        if first.ent_type_ not in ("", "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"):
            continue
        last = _capitalised_run(first, 3)
        out.append((first.idx, last.idx + len(last)))
    return out


#: Nouns for a newspaper or magazine that its name is written right before ("told Dawn
#: newspaper", "the Asahi Shimbun daily"); not "agency" or "network", which name more.
_OUTLET_AFTER_NAME = lexicon.words("newspaper daily weekly tabloid magazine broadcaster")


def _named_before_outlet_noun(doc: Doc) -> list[tuple[int, int]]:
    """Names written right before a lower-case noun saying they are a newspaper or
    magazine: "told Dawn newspaper" (NER: a person, Dawn being a given name too), "the
    Asahi Shimbun daily". Up to three capitalised words; not a place or a people ("a Lagos
    newspaper", "the Kenyan daily" say where it is), nor a word before a noun the paper's
    own name follows ("the Tallinn weekly Meretuul")."""
    out = []
    for tok in doc:
        if tok.text not in _OUTLET_AFTER_NAME or tok.i == 0:
            continue
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if after is not None and after.is_title and after.is_alpha:
            continue  # "the Tallinn weekly Meretuul": the name after it is the paper's
        last = doc[tok.i - 1]
        if not last.is_title or not last.is_alpha or last.tag_ != "NNP":
            continue
        first = last
        while (
            first.i > 0
            and last.i - first.i < 2
            and doc[first.i - 1].is_title
            and doc[first.i - 1].tag_ == "NNP"
            and not doc[first.i - 1].is_sent_start
        ):
            first = doc[first.i - 1]
        before = doc[first.i - 1] if first.i > 0 else None
        if (
            first.is_sent_start
            or before is not None
            and (before.text in ("'s", "’s") or before.is_title and not before.is_sent_start)
        ):
            continue  # "People's Daily newspaper": a longer name, NER's to find
        form = doc[first.i : last.i + 1].text
        if (
            gazetteer.is_place_name(form, _COUNTRIES)
            or form in gazetteer.CITY_COUNTRIES
            or form.lower() in lexicon.DEMONYMS
            or first.ent_type_ in ("GPE", "LOC", "NORP", "DATE")
        ):
            continue
        out.append((first.idx, last.idx + len(last)))
    return out


def _named_before_which(doc: Doc) -> list[tuple[int, int]]:
    """Names NER missed that a relative clause for things follows: "DigitalEurope, which
    represents technology companies, warned" is a body, not a description of one. A run
    of up to four proper nouns NER left untyped, just before ", which"; its first word
    opens no sentence unless the name is written in a way no common word is ("DigitalEurope",
    "ACLED"), and no known country, state or city."""
    out = []
    for tok in doc:
        if tok.lower_ != "which" or tok.i < 2 or doc[tok.i - 1].text != ",":
            continue
        last = doc[tok.i - 2]
        first = last
        while first.i > 0 and last.i - first.i < 3 and not first.is_sent_start:
            prev = doc[first.i - 1]
            if prev.pos_ != "PROPN" or prev.ent_type_ or not prev.is_alpha:
                break
            first = prev
        words = doc[first.i : last.i + 1]
        if any(t.pos_ != "PROPN" or t.ent_type_ or not t.is_alpha for t in words):
            continue
        if not all(t.text[0].isupper() for t in words):
            continue
        odd = any(t.is_upper and len(t) > 1 or any(c.isupper() for c in t.text[1:]) for t in words)
        if first.is_sent_start and len(words) == 1 and not odd:
            continue
        form = words.text
        if _known_place(form):
            continue
        if given_name_gender(first.text) is not None:
            continue
        out.append((words.start_char, words.end_char))
    return out


def _apposed_name(kind: Token) -> tuple[int, int, bool] | None:
    """A name set off by a comma after a noun saying what kind of organisation it is,
    which the parse hangs on that noun as its apposition: "The pilots' union, Vereinigung
    Cockpit, said" (NER took the union for a man). One to three capitalised words ending
    at a comma, a bracket or the verb; not after a kind that is also a trade ("the
    producer, Ana Ruiz"), nor a given name and a surname."""
    doc = kind.doc
    if kind.i + 2 >= len(doc) or doc[kind.i + 1].text != ",":
        return None
    if kind.lower_ in _PERSON_LIKE_KINDS:
        return None
    first = doc[kind.i + 2]
    if not ((first.is_title or first.is_upper) and first.is_alpha):
        return None
    if first.ent_type_ not in ("", "PERSON", "ORG"):
        return None
    last = _capitalised_run(first, 3, within_sentence=False)
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is None or (after.text not in (",", ")") and after.pos_ not in ("VERB", "AUX")):
        return None
    heads = [t for t in doc[first.i : last.i + 1] if not first.i <= t.head.i <= last.i]
    if len(heads) != 1 or heads[0].dep_ != "appos" or heads[0].head.i != kind.i:
        return None
    if given_name_gender(first.text) is not None and last.i == first.i + 1:
        return None
    if first.ent_type_ == "ORG":
        ent = _ent_span(doc, first)
        return ent.start_char, ent.end_char, True
    return first.idx, last.idx + len(last), False


def _unknown_place_after(kind, first, last) -> bool:
    """Whether the name ``first`` .. ``last`` right after a lower-case kind noun, which NER
    tagged as a place, is a body's name: "the consultancy Equilibra" (no gazetteer knows
    the place); not "the Golf Club Puerto Rico" (the kind is the name's own word), a known
    place or outlet, nor a place that runs on ("America's Voice")."""
    doc = kind.doc
    words = doc[first.i : last.i + 1].text
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return (
        first.ent_type_ == "GPE"
        and kind.is_lower
        and not _known_place(words)
        and not _is_outlet_name(words)
        and first.ent_iob_ == "B"
        and (after is None or (after.ent_type_ != "GPE" and after.tag_ != "POS"))
    )


def _named_after_kind(doc: Doc) -> list[tuple[int, int, bool]]:
    """The spans of names written right after a noun saying what kind of organisation
    they are, with a determiner before it: "the state power utility Eskom", "the
    video-sharing platform Loopa" (NER often takes such names for people, or misses them).
    One or two capitalised words, not a known place or person word (a name NER tags as a
    place is one when no gazetteer knows the place); each with whether NER already has it
    as an organisation (then NER's own span is kept)."""
    out = []
    for tok in doc:
        if tok.lower_ not in _ORGANISATION_KINDS or tok.i + 1 >= len(doc):
            continue
        before = _named_before_kind(tok)
        if before is not None:
            out.append(before)
            continue
        apposed = _apposed_name(tok)
        if apposed is not None:
            out.append(apposed)
            continue
        if (
            not any(c.dep_ in ("det", "poss") for c in tok.children)
            and not any(c.dep_ == "det" for c in tok.head.children)
            and not _determiner_before(tok)
        ):
            continue  # "the ... group X", "Supporters' group X"; not "group X" alone
        first = doc[tok.i + 1]
        if not (first.is_title or first.is_upper) or not first.is_alpha:
            continue
        last = _capitalised_run(first, 2)
        if (
            last.i + 2 < len(doc)
            and doc[last.i + 1].text in ("'s", "’s")
            and doc[last.i + 2].is_title
            and doc[last.i + 2].is_alpha
            and not doc[last.i + 2].is_sent_start
        ):
            # "the charity Alzheimer's Research UK": a possessive inside the name
            last = _capitalised_run(doc[last.i + 2], 2)
        if first.ent_type_ not in ("", "PERSON", "ORG", "PRODUCT") and not _unknown_place_after(
            tok, first, last
        ):
            continue  # a place, a date ("the charity SOS ...": NER's product is the body)
        if given_name_gender(first.text) is not None and last.i == first.i + 1:
            continue  # "the company founder Ana Ruiz" is not a company name
        if tok.lower_ in _PERSON_LIKE_KINDS and first.ent_type_ != "ORG":
            continue  # "the film producer Halvorsen" is a person
        if _relative_subject(tok, last):
            continue  # "the company Halvorsen founded": the name is the relative's subject
        if first.ent_type_ == "ORG":
            ent = _ent_span(doc, first)
            out.append((ent.start_char, ent.end_char, True))  # "the company Apple Inc."
        else:
            out.append((first.idx, last.idx + len(last), False))
    return out


#: The last words of newspapers' names that name the paper on their own ("a letter to The
#: Times", "The Post reported").
_ONE_WORD_PAPERS = gazetteer.OUTLET_NAME_WORDS - lexicon.words(
    "Radio Television TV Broadcasting Newspaper Magazine Mercury Star-Ledger Star-Tribune"
)


def _second_object_of_name(ent: SpacySpan) -> list:
    """The second object of a body's "for" or "of" that NER cut off after "and": "the
    National Commission for Museums" + "and Monuments" (a conjunct of the name's last word,
    in capitals, NER may even take for a person)."""
    doc = ent.doc
    last = ent[-1]
    if (
        ent.end + 1 >= len(doc)
        or doc[ent.end].lower_ != "and"
        or not any(t.lower_ in ("of", "for") for t in ent)
        or last.dep_ != "pobj"
    ):
        return []
    nxt = doc[ent.end + 1]
    if (
        nxt.dep_ == "conj"
        and nxt.head.i == last.i
        and nxt.tag_ in ("NNP", "NNPS")
        and nxt.ent_iob_ in ("O", "B")
        and _name_word(nxt.text)
    ):
        end = _ent_span(doc, nxt).end if nxt.ent_iob_ == "B" else nxt.i + 1
        return list(doc[ent.end : end])
    return []


def _given_name_left_out(tokens: list) -> list:
    """A person's span with the given name NER left out between a title and the surname:
    "Detective Superintendent" + "Aoife" + "Brennan" (a given name no list holds)."""
    if len(tokens) != 1 or tokens[0].i < 2:
        return tokens
    doc = tokens[0].doc
    given, title = doc[tokens[0].i - 1], doc[tokens[0].i - 2]
    if (
        given.ent_iob_ == "O"
        and given.tag_ == "NNP"
        and _name_word(given.text)
        and given.lower_ not in lexicon.TITLE_HEADS
        and given.lower_ not in lexicon.TITLE_MODIFIERS
        and title.is_title
        and title.lower_ in lexicon.TITLE_HEADS
    ):
        return [given, *tokens]
    return tokens


def _initials_left_out(tokens: list) -> list:
    """A name's first word in capitals that NER left out: "JJ" + "Watt", "SK" + "Hynix"
    (initials written without points, a group's letters). Not a known country or body
    ("US Ambassador", "UN envoy" are no part of the name), and not the end of a longer run
    of capitals."""
    if not tokens or tokens[0].i < 1:
        return tokens
    doc = tokens[0].doc
    first = doc[tokens[0].i - 1]
    before = doc[first.i - 1] if first.i >= 1 else None
    if (
        first.ent_iob_ == "O"
        and first.is_upper
        and first.is_alpha
        and 2 <= len(first) <= 3
        and first.tag_ == "NNP"
        and first.dep_ == "compound"
        and first.head.i in {t.i for t in tokens}
        and first.whitespace_
        and gazetteer.country_name(first.text) is None
        and gazetteer.known_organization(first.text) is None
        and not _is_outlet_name(first.text)
        and (
            before is None
            or before.is_punct
            or before.lower_ in _NOT_NAME_STARTS
            or not before.text[:1].isupper()
        )
    ):
        return [first, *tokens]
    return tokens


def _known_given_name_before(tokens: list) -> list:
    """A known given name NER left out before a person's span: "María" + "Fernanda López
    de Romaña" (the second given name taken for the first)."""
    if not tokens or tokens[0].i < 1:
        return tokens
    given = tokens[0].doc[tokens[0].i - 1]
    if (
        given.ent_iob_ == "O"
        and given.tag_ == "NNP"
        and given.is_title
        and given.whitespace_
        and given_name_gender(given.text) is not None
        and given.lower_ not in lexicon.TITLE_HEADS
        and given.lower_ not in lexicon.TITLE_MODIFIERS
    ):
        return [given, *tokens]
    return tokens


def _surname_left_out(ent: SpacySpan) -> list:
    """The surname NER left out of a person's span when the parse makes it the head of the
    span's words: "Al-Fatih" + "Qurashi" in "RSF spokesman Al-Fatih Qurashi said"."""
    doc = ent.doc
    if ent.end >= len(doc):
        return []
    nxt = doc[ent.end]
    if (
        nxt.ent_iob_ == "O"
        and nxt.tag_ == "NNP"
        and _name_word(nxt.text)
        and ent[-1].head.i == nxt.i
        and ent[-1].dep_ == "compound"
        and not nxt.is_upper  # "Mondelez CEO"
        and not nxt.is_stop  # "a post on X. He accused"
        and nxt.lower_ not in lexicon.TITLE_HEADS  # "Madam Secretary"
        and nxt.lower_ not in lexicon.TITLE_MODIFIERS
        and nxt.text not in _INSTITUTION_WORDS
        and nxt.text not in lexicon.FACILITY_WORDS
        and ent[-1].whitespace_
        and (nxt.i + 1 >= len(doc) or doc[nxt.i + 1].text != ":")  # "Name: X Age: 27"
    ):
        return [nxt]
    return []


def _determiner_before(kind) -> bool:
    """Whether "the" or "a" opens the kind noun's phrase a few lower-case words before it,
    however the parse took them ("at the payments startup Hanbit Pay", with "startup"
    parsed as a verb)."""
    doc = kind.doc
    i = kind.i - 1
    while i >= 0 and kind.i - i <= 3 and doc[i].is_lower and doc[i].is_alpha:
        if doc[i].lower_ in ("the", "a", "an"):
            return True
        i -= 1
    return False


#: Kinds that, after a name in apposition, say it is an organisation: not trades a person
#: plies too ("Siddharth Rao, an insurer", "Yaw Boateng, a cocoa exporter").
_APPOSITIVE_KINDS = lexicon.words(
    """
    company firm group corporation conglomerate startup start-up bank organisation
    organization association union party charity platform app website network
    broadcaster airline utility foundation institute university agency giant alliance
    coalition federation carmaker automaker chipmaker drugmaker lender supermarket
    """
)


#: How the words between a place's possessive and its kind noun hang on the kind:
#: "Germany's third-largest carmaker" (after "the", only adjectives and nouns).
_KIND_MODIFIERS = frozenset(("amod", "compound", "advmod", "punct", "nummod"))


def _apposition_opener(kind, at: int) -> int | None:
    """Where the words that describe the kind noun begin, when the apposition opens at
    ``at`` with "the", "a" or "an" on the kind ("the Dutch company"), or with a place's
    possessive ("Germany's biggest carmaker", "the country's biggest lender"): the index
    of the determiner, or of the possessive's "'s"; None when the apposition opens
    otherwise."""
    doc = kind.doc
    first = doc[at]
    if first.dep_ == "det" and first.head.i == kind.i and first.lower_ in ("the", "a", "an"):
        return at
    owner = first if first.dep_ == "poss" else first.head
    if owner.dep_ != "poss" or owner.head.i != kind.i or owner.left_edge.i != at:
        return None
    if owner.i + 1 >= kind.i or doc[owner.i + 1].text not in ("'s", "’s"):
        return None
    place = owner.pos_ == "PROPN" and _known_place(owner.text) or owner.lower_ in _WHOSE_PLACE
    return owner.i + 1 if place else None


#: Nouns a body is the biggest or best of, with "the" before them ("the country's biggest
#: lender").
_WHOSE_PLACE = lexicon.words("country nation region state world continent city island")


def _named_before_kind(kind) -> tuple[int, int, bool] | None:
    """A name the kind noun follows in apposition: "ASML, the Dutch company whose machines
    are affected, said", "Eskom, the state power utility, said". The name's capitalised
    words up to the comma, none of them a known given name or a place (NER may have taken
    it for a person); with whether NER has it as an organisation."""
    doc = kind.doc
    name = kind.head
    if (
        kind.dep_ != "appos"
        or name.i >= kind.i
        or name.i + 1 >= len(doc)
        or doc[name.i + 1].text != ","
        or kind.lower_ not in _APPOSITIVE_KINDS
        or name.pos_ != "PROPN"
        or name.ent_type_ not in ("", "ORG", "PERSON", "PRODUCT")
    ):
        return None
    opener = _apposition_opener(kind, name.i + 2)
    if opener is None:
        return None  # "Ana Ruiz, managing director of a group": the kind opens no apposition
    modifiers = _KIND_MODIFIERS if doc[opener].dep_ == "case" else ("amod", "compound")
    if any(  # "the Dutch company", "the public service union": modifiers of the kind only
        not opener < t.head.i <= kind.i or t.dep_ not in modifiers for t in doc[opener + 1 : kind.i]
    ):
        return None
    first = name
    while (
        first.i > 0
        and doc[first.i - 1].dep_ == "compound"
        and doc[first.i - 1].head.i == name.i
        and doc[first.i - 1].pos_ == "PROPN"
    ):
        first = doc[first.i - 1]
    words = doc[first.i : name.i + 1]
    if not all(t.is_alpha and (t.is_title or t.is_upper) for t in words):
        return None
    if any(given_name_gender(t.text) is not None for t in words):
        return None  # "Ana Ruiz, the company ..." is no company
    if gazetteer.is_place_name(words.text, _COUNTRIES):
        return None
    if name.ent_type_ in ("ORG", "PERSON", "PRODUCT"):  # "Minera Andacollo, a company owned by"
        ent = _ent_span(doc, name)
        if ent[0].lower_ == "the" and len(ent) > 1:
            ent = ent[1:]  # "The Climate Observatory, a network of ...": the name without it
        return (ent.start_char, ent.end_char, name.ent_type_ == "ORG")
    return (first.idx, name.idx + len(name), False)


#: Kinds of body written after their own initials ("the FNV union", "the PSOE party").
_KINDS_AFTER_INITIALS = lexicon.words("union party federation alliance movement coalition group")


def _acronym_before_kind(doc: Doc) -> list[tuple[int, int]]:
    """Initials a kind of body follows, after "the": "according to the FNV union", "the
    PSOE party said" (NER often misses initials it has not seen). Not a country's or a
    known body's letters ("the US group", "the EU alliance" name no body of their own)."""
    out = []
    for tok in doc:
        head = tok.head
        if (
            tok.dep_ == "compound"
            and tok.is_upper
            and tok.is_alpha
            and 2 <= len(tok) <= 6
            and head.i == tok.i + 1
            and head.lower_ in _KINDS_AFTER_INITIALS
            and head.is_lower  # "the BG Group" is the name itself
            and tok.i > 0
            and doc[tok.i - 1].lower_ == "the"
            and tok.ent_type_ in ("", "ORG")
            and gazetteer.country_name(tok.text) is None
            and gazetteer.known_organization(tok.text) is None
        ):
            out.append((tok.idx, tok.idx + len(tok)))
    return out


def _relative_subject(kind, last) -> bool:
    """Whether the name ending at ``last``, right after a kind noun, is the subject of a
    relative clause on that noun ("Executives at the company Halvorsen founded said", "He
    joined the company Halvorsen founded in 2002"), not the noun's name in apposition ("the
    retailer Zumbo rose", "The platform Loopa has said it would appeal"): a verb follows
    the name that has no object or complement of its own, while another verb governs the
    kind noun's phrase. The parser often has the name in apposition either way."""
    if last.i + 1 >= len(last.doc):
        return False
    nxt = last.nbor(1)
    if nxt.pos_ not in ("VERB", "AUX"):
        return False
    verb = nxt
    if nxt.dep_ in ("aux", "auxpass") and (nxt.tag_ == "MD" or nxt.lemma_ in _AUXILIARIES):
        verb = nxt.head  # "Loopa has said"
    if any(c.dep_ in _COMPLEMENTS for c in verb.children):
        return False  # "the platform Loopa has said it would appeal"
    governor = kind
    while governor.head.i != governor.i and not _clause_verb(governor):
        governor = governor.head
    return _clause_verb(governor) and governor.i not in (verb.i, nxt.i)


def _clause_verb(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass")


_AUXILIARIES = frozenset(["be", "have", "do"])
_COMPLEMENTS = frozenset(["dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative"])


def _kind_named_organisations(found: list[Mention], names: set[str]) -> None:
    """Once a name is introduced as an organisation ("the platform Loopa"), the same name
    elsewhere in the article is that organisation, whatever NER called it ("Loopa said",
    tagged PERSON); ``names`` are the names so introduced."""
    for m in found:
        if m.type == "Person" and m.form in names and not m.honorific_gender:
            m.type = "Organization"


#: A match score right after a name ("beat Korsholm 2-1", "Velmar 3-0"), and a second
#: score after it, which a tennis or volleyball result has ("beat Ilić 6-4, 6-3").
_SCORE_AFTER = re.compile(r"\s+\d{1,2} ?[-–] ?\d{1,2}\b")
_SET_SCORES = re.compile(r"\s+\d{1,2} ?[-–] ?\d{1,2},? \d{1,2} ?[-–] ?\d{1,2}\b")
#: Places in a team written between its name and a player's or coach's ("Velmar coach
#: Dirk van Aalst", "Korsholm captain Ruben Elstad"): posts a person does not hold under
#: another person's name (unlike "adviser" or "spokesman").
_TEAM_POSTS = lexicon.words(
    """
    coach captain striker midfielder goalkeeper keeper defender winger forward skipper
    quarterback pitcher manager boss
    """
)
_TEAM_POST_BEFORE_NAME = re.compile(
    r"^\s+(?:" + "|".join(sorted(_TEAM_POSTS, key=len, reverse=True)) + r")\s+[A-Z]"
)


#: A winning margin no single person's win has: "by six wickets", "by 20 runs", "by an
#: innings", "by two goals" (not "by 20 points", which elections have too).
_MARGIN = (
    r"by\s+(?:an\s+innings(?:\s+and\s+\d+\s+runs?)?|"
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:wickets?|runs?|goals?))"
)
_WINS = r"(?:beat|beats|defeated|defeats|thrashed|edged|crushed|routed|overcame|lost\s+to)"
#: After a team's name: "Vidarbha, who beat Kerala by six wickets", "Sialkot won by 20 runs".
_MARGIN_AFTER_TEAM = re.compile(
    rf"^,?\s+(?:who\s+|which\s+)?(?:(?:had|have|has)\s+)?"
    rf"(?:{_WINS}\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){{1,3}}|won\s+){_MARGIN}\b"
)
#: After the beaten team's name: "beat Kerala by six wickets".
_MARGIN_AFTER_OPPONENT = re.compile(rf"^\s+{_MARGIN}\b")
_WIN_BEFORE = re.compile(rf"\b{_WINS}\s+(?:the\s+)?$")


def _teams(found: list[Mention], text: str) -> None:
    """A name NER took for a person that the article writes as a team's: a score right
    after it ("came from behind to beat Korsholm 2-1"), a team's winning margin after it or
    after the side it beat ("Vidarbha, who beat Kerala by six wickets"), or a team post and
    a person's name after it ("Velmar coach Dirk van Aalst"). Every mention of that name is then the
    organisation. Not a name a person is known by here: a known given name, the surname of
    someone named in full ("beat Ilić 6-4, 6-3" has the set scores of a player anyway), or a
    name with an honorific."""
    full_names = [m.form.split() for m in found if m.type == "Person" and " " in m.form]
    surnames = {words[-1] for words in full_names}
    teams = set()
    for m in found:
        if m.type not in ("Person", "Organization") or m.honorific_gender or m.form in surnames:
            continue
        if given_name_gender(m.form.split()[0]) is not None:
            continue
        after = text[m.span.end : m.span.end + 100]
        score = _SCORE_AFTER.match(after) and not _SET_SCORES.match(after)
        beaten = _MARGIN_AFTER_OPPONENT.match(after) and _WIN_BEFORE.search(
            text[max(0, m.span.start - 30) : m.span.start]
        )
        if (
            score
            or beaten
            or _TEAM_POST_BEFORE_NAME.match(after)
            or _MARGIN_AFTER_TEAM.match(after)
        ):
            teams.add(m.form)
    _kind_named_organisations(found, teams)


def _place_of_body(ent: SpacySpan) -> list:
    """The words NER cut off a national body's name before its place: "The Supreme Court
    of" + "India", or "The Central Bank" + "of Kenya" (a body's word ending the span, then
    "of" and a place). Its own body, not the US one or every central bank."""
    doc = ent.doc
    at = ent.end
    if ent[-1].lower_ not in ("of", "for"):
        if ent[-1].text not in _INSTITUTION_WORDS or at + 1 >= len(doc) or doc[at].lower_ != "of":
            return []
        at += 1
    if at >= len(doc) or doc[at].ent_iob_ != "B" or doc[at].ent_type_ not in ("GPE", "LOC"):
        return []
    place = _ent_span(doc, doc[at])
    if place.text.removeprefix("the ") in _US_NAMES:
        return []  # "the Supreme Court of the United States" is the one the gazetteer knows
    return list(doc[ent.end : place.end])


_US_NAMES = frozenset(("United States", "U.S.", "US", "America", "United States of America"))


def _people_by_surname(found: list[Mention], text: str) -> None:
    """A full name NER took for a place or an organisation ("Adaeze Okafor resigned", GPE)
    is a person's when the article names a person by its last word elsewhere ("Ms. Okafor
    said"): two or three name words, no institution word, no known place, organisation
    or outlet. Only surnames of full names or of honorific mentions count, so a lone given
    name ("Victoria") never turns "Lake Victoria" into a person."""
    surnames = {
        m.form.split()[-1]
        for m in found
        if m.type == "Person"
        and (
            len(m.form.split()) >= 2
            or m.honorific_gender
            or _after_honorific(text, m.span.start)
            or given_name_gender(m.form) is None  # "Beridze, 41, told the court"
        )
    }
    if not surnames:
        return
    full = {m.form.split()[-1] for m in found if m.type == "Person" and len(m.form.split()) >= 2}
    for m in found:
        if m.type not in ("Organization", "Place"):
            continue
        words = m.form.split()
        if len(words) == 1 and words[0] in full and _bare_surname(m.form):
            m.type = "Person"  # "Dorian Skelt, 52, ... Skelt's lawyer said" (NER: a place)
            continue
        if not 2 <= len(words) <= 3 or words[-1] not in surnames:
            continue
        if not all(_name_word(w) for w in words) or _INSTITUTION_WORDS & set(words):
            continue
        if (
            gazetteer.known_organization(m.form)
            or _is_outlet_name(m.form)
            or gazetteer.is_place_name(m.form, _COUNTRIES)
        ):
            continue
        m.type = "Person"


def _bare_surname(form: str) -> bool:
    """Whether a one-word name NER took for a place or a body can be a person's surname
    named in full elsewhere: no known place, body or outlet ("Jordan", "Ford" stay)."""
    return not (
        gazetteer.known_organization(form)
        or _is_outlet_name(form)
        or _known_place(form)
        or form in _INSTITUTION_WORDS
    )


def _titled_name(tokens: list[Token]) -> bool:
    """Whether an organisation NER found is a title and a person's name: a capitalised
    title ("Councillor", "Judge") and two or three more capitalised words that name no
    body or place ("General Motors", "President Hotel" and "Chancellor Hall" stay)."""
    if len(tokens) < 3 or len(tokens) > 4:
        return False
    title, rest = tokens[0], tokens[1:]
    if not title.is_title or title.lower_ not in lexicon.TITLE_HEADS:
        return False
    if not all(t.is_alpha and t.text[:1].isupper() for t in rest):
        return False
    words = {t.text for t in rest}
    if words & (_PLACE_OR_BODY_WORDS | _INSTITUTION_WORDS) or words & gazetteer.COUNTRIES:
        return False
    if gazetteer.known_organization(" ".join(t.text for t in tokens)) is not None:
        return False
    return parse_name(" ".join(t.text for t in rest)).full


#: Abbreviations a name ends with, whose stop the tokenizer splits off at a sentence's
#: end ("Duncan Hunter Sr.", "Austin, Tex."): name suffixes, company forms, US states.
_ABBREVIATIONS = lexicon.words(
    """
    Jr Sr Inc Co Corp Ltd Bros St Mt Ft Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan
    Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo
    """
)


def _abbreviation_stop(tokens: list) -> bool:
    """Whether the last of ``tokens`` is a full stop that belongs to the name: after an
    initial or an abbreviation (not a place's or a word's last letters, "in Abuja.")."""
    if tokens[-1].text != "." or len(tokens) < 2:
        return tokens[-1].text == "." and len(tokens) == 1
    before = tokens[-2].text
    return (len(before) == 1 and before.isupper()) or before in _ABBREVIATIONS


#: Last words of the names of contests and prizes ("the Ranji Trophy final", "the Harbour
#: Cup"), which NER often takes for people's.
_CONTEST_WORDS = lexicon.words(
    """
    Trophy Cup Prize Award Awards Championship Championships Games Olympics Marathon
    Tournament Festival Derby Rally Regatta
    """
)
#: Nouns a disease's name is written before ("Lassa fever", "Marburg virus").
_DISEASE_NOUNS = lexicon.words("fever virus disease syndrome flu influenza outbreak")


def _names_no_one(ent: SpacySpan) -> bool:
    """Whether a name NER took for a person's is a contest's or prize's ("the Ranji
    Trophy") or a disease's, before the noun that says so ("cases of Lassa fever")."""
    doc = ent.doc
    if ent[-1].text in _CONTEST_WORDS and len(ent) > 1:
        return True
    after = doc[ent.end] if ent.end < len(doc) else None
    return after is not None and after.text in _DISEASE_NOUNS


def _clean(
    ent: SpacySpan, text: str, type_: EntityType, people: frozenset[str] = frozenset()
) -> tuple[int, int, str, EntityType, str | None] | None:
    """Trim an NER span to the name itself: no leading "the", titles or honorifics, no
    possessive or text after it, no editorial brackets. ``people`` are the words of the
    article's person names, which an organisation's name does not begin with."""
    if type_ == "Person" and _names_no_one(ent):
        return None
    tokens = list(ent)
    gender = None
    if type_ == "Organization":
        tokens += _place_of_body(ent) or _second_object_of_name(ent)
    if type_ == "Person":
        tokens = _known_given_name_before(_given_name_left_out(tokens)) + _surname_left_out(ent)
    if type_ in ("Person", "Organization"):
        tokens = _initials_left_out(tokens)
    # cut at a possessive: "Kadyrov’s de facto" -> "Kadyrov"; but "Clinton’s State
    # Department" is the department
    for i, tok in enumerate(tokens):
        if tok.text in ("’s", "'s", "‘s") and i > 0:
            after = tokens[i + 1 :]
            if type_ == "Organization" and _possessive_in_name(tokens[:i], after):
                break  # "the National Women's Council": the possessive is the name's own
            owned = type_ == "Organization" and _names_an_organisation(after)
            tokens = after if owned else tokens[:i]
            break
    while tokens and tokens[0].lower_ in _NOT_NAME_STARTS:
        tokens = tokens[1:]
    named = _drop_kind_word(tokens) if type_ in ("Organization", "Person") else tokens
    if len(named) < len(tokens):
        tokens, type_ = named, "Organization"  # "Chipmaker X said"
    if type_ == "Organization":
        tokens = _drop_owner_name(_cut_trailing_phrase(tokens), people)
    while tokens and (tokens[-1].like_num or tokens[-1].is_punct and tokens[-1].text != "."):
        tokens = tokens[:-1]  # "Donald Trump 384", "Trump - 60"
    if (
        type_ == "Organization"
        and len(tokens) >= 3
        and _POST_OF.search(text, max(0, ent.start_char - 30), tokens[0].idx)
        and all(_name_word(t.text) for t in tokens[-2:])
        and not {t.text for t in tokens} & _PLACE_OR_BODY_WORDS
    ):
        # "Mayor of Parramatta Sameer Haddad": NER ran the place into the holder's name
        tokens, type_ = tokens[-2:], "Person"
    if type_ == "Organization" and _titled_name(tokens):
        type_ = "Person"  # "Councillor Siobhán Ní Bhriain": NER took the title for a body's
    if type_ == "Person":
        while tokens and (
            tokens[0].lower_ in lexicon.HONORIFICS
            or tokens[0].lower_ in lexicon.TITLE_HEADS
            or tokens[0].lower_ in lexicon.TITLE_MODIFIERS
            or tokens[0].lower_ in lexicon.DEMONYMS
        ):
            gender = lexicon.HONORIFICS.get(tokens[0].lower_, gender)
            tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and not _abbreviation_stop(tokens):
        tokens = tokens[:-1]  # "Abuja." at a sentence's end: the stop is the sentence's
    if type_ == "Person":
        while (
            tokens and tokens[-1].text[:1].islower() and not _hyphen_part(tokens)
        ):  # "Hillary Clinton campaign"
            tokens = tokens[:-1]
        # "Billionaire Donald Trump": a describing word before a given name is not a name
        # ("Chimamanda Ngozi Adichie" is one, though "Ngozi" is a given name too)
        if (
            len(tokens) == 3
            and given_name_gender(tokens[0].text) is None
            and given_name_gender(tokens[1].text) is not None
            and _describes(tokens[0])
            and parse_name(" ".join(t.text for t in tokens)).suffix is None
        ):
            tokens = tokens[1:]
    while tokens and tokens[0].is_punct and tokens[0].text not in "[":
        tokens = tokens[1:]  # a quotation mark NER took in: “America
    if not tokens:
        return None
    if type_ == "Organization" and len(tokens) == 1 and tokens[0].tag_ == "NNS":
        return None  # "Commuters said", "Farmers fear": a plural noun opening a sentence
    if (
        type_ in ("Organization", "Person")
        and len(tokens) == 1
        and _common_noun_opening(tokens[0], text)
    ):
        return None  # "Cholera cases rose", "Vaccine hesitancy has grown": written lower case too
    if (
        type_ == "Organization"
        and len(tokens) == 1
        and tokens[0].text in _INSTITUTION_WORDS
        and tokens[0].is_sent_start
        and tokens[0].dep_ == "compound"
        and tokens[0].head.tag_ in ("NN", "NNS")
        and tokens[0].head.is_lower
        and tokens[0].head.i == tokens[0].i + 1
    ):
        return None  # "Court documents show", "Police officers said": a body's word as a noun
    given = _given_names_before(tokens) if type_ in ("Organization", "Place") else 0
    if given:
        doc = tokens[0].doc
        tokens = [doc[i] for i in range(tokens[0].i - given, tokens[0].i + 1)]
        type_ = "Person"  # "Judge Ana Costa": NER left "Ana" out and took "Costa" for ORG
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
    if not any(c.isupper() or caseless_letter(c) for c in form) or len(form) < 2:
        return None
    if type_ == "Organization" and form in _TITLE_FRAGMENTS:
        return None  # "State" of "Secretary of State"
    if (
        type_ == "Organization"
        and len(tokens) == 1
        and tokens[0].i + 2 < len(tokens[0].doc)
        and (
            tokens[0].lower_ in lexicon.TITLE_MODIFIERS
            and tokens[0].doc[tokens[0].i + 1].lower_ in lexicon.TITLE_HEADS
            or tokens[0].doc[tokens[0].i + 1].lower_ == "minister"
            and tokens[0].doc[tokens[0].i + 2].text[:1].isupper()
        )
    ):
        # "Education minister Alberto Sileoni", "Labour Minister Olivier Dussart": a
        # title, not a ministry or a party
        return None
    if (
        type_ == "Organization"
        and len(tokens) == 1
        and 0 < tokens[0].i < len(tokens[0].doc) - 1
        and tokens[0].doc[tokens[0].i - 1].lower_ in lexicon.TITLE_MODIFIERS
        and tokens[0].doc[tokens[0].i + 1].lower_ in lexicon.TITLE_HEADS
    ):
        return None  # "Chief Cabinet Secretary Yoshimasa Hayashi": the title's middle word
    if (
        type_ == "Organization"
        and len(form.split()) in (2, 3)
        and given_name_gender(form.split()[0]) is not None
        and all(t.text[:1].isupper() or t.text == "-" for t in tokens)
        and not _PLACE_OR_BODY_WORDS & {t.text for t in tokens}
        and gazetteer.known_organization(form) is None
        and not _is_outlet_name(form)
    ):
        type_ = "Person"  # "Carly Fiorina" tagged ORG
    if type_ == "Organization" and form in _COUNTRIES and not gazetteer.known_organization(form):
        type_ = "Place"  # "Mozambique's health minister": NER took the country for a body
    if type_ == "Place" and form not in _COUNTRIES and gazetteer.known_organization(form):
        type_ = "Organization"  # "the African Union" tagged GPE: a body of states
    if type_ == "Place" and len(tokens) >= 2 and tokens[-1].text in _BODY_LAST_WORDS:
        type_ = "Organization"  # "West Yorkshire Police", "Kerala Assembly": the place's body
    if type_ == "Organization" and len(tokens) >= 3 and tokens[-1].text == "Act":
        return None  # "the Proceeds of Crime Act": a law, no body
    if (
        type_ == "Organization"
        and len(tokens) >= 2
        and tokens[-1].text in _STREET_WORDS
        and gazetteer.known_organization(form) is None
    ):
        type_ = "Place"  # "a bakery on Southeast Division Street"; not "Downing Street said"
    if type_ == "Person" and lexicon.CLUB_NAME_WORDS & set(form.split()):
        type_ = "Organization"  # "against Sporting Braga": a club, not a person
    if type_ == "Person" and len(tokens) >= 2 and tokens[-1].text in gazetteer.COMPANY_ENDINGS:
        type_ = "Organization"  # "Halvorsen Pharma recalled": a company, not a person
    if type_ == "Person" and _product_named(ent, text, start):
        return None  # "its blood pressure drug Normaten": a product's name
    if type_ in ("Organization", "Place") and _person_by_context(
        tokens, text, start, end, form, people
    ):
        type_ = "Person"  # "its president, Giorgos Papadakis": NER took a person for ORG
    elif type_ == "Person" and _ROLE_OF.search(text, max(0, start - 40), start):
        type_ = "Organization"  # "the chief executive of Zenith Silicon"
    if type_ in ("Organization", "Person") and _place_by_context(tokens, text, start, end, form):
        type_ = "Place"  # "a former mayor of Brenholt", "Kieran Doyle, of Wigan, is due"
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
    if type_ == "Person" and _where_something_is(tokens):
        type_ = "Place"  # "the capital being built on Borneo", "a factory in Kumamoto"
    if type_ == "Person":
        low = form.lower().rstrip(".")
        if low in lexicon.PRONOUN_GENDER or low in lexicon.HONORIFICS or low in ("i", "we"):
            return None
        if len(low) == 1:
            return None  # "a post on X.": an initial alone names nobody
        suffix = SUFFIX_AFTER.match(text[end : end + 6])
        if suffix and not parse_name(form).suffix:
            form, end = f"{form} {suffix.group(1)}", end + suffix.end()
        if gazetteer.is_place_name(form, _COUNTRIES):
            type_ = "Place"  # a place is never a person
        elif form in gazetteer.CITY_COUNTRIES and given_name_gender(form) is None:
            type_ = "Place"  # "said Canberra was concerned"; not "Sydney", a given name too
        elif gazetteer.known_organization(form):
            type_ = "Organization"
    if (
        form in lexicon.NOT_ORGANIZATIONS
        or form.lower() in lexicon.DEMONYMS
        or form.lower() in lexicon.REGIONAL_DEMONYMS
    ):
        return None
    if (
        _is_outlet_name(form)
        or (type_ == "Organization" and _outlet_by_cue(text, start, end, form))
        or (type_ == "Organization" and form in _ONE_WORD_PAPERS)
    ):
        type_ = "NewsOrganization"
    elif _is_dateline(text, start, end):
        type_ = "Place"
        form = form.title() if form.isupper() else form  # "NAIROBI —" names Nairobi
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


#: Words an NER span may begin with that no name does: articles, demonstratives and
#: possessive pronouns ("her State Department", "this Health Ministry").
_NOT_NAME_STARTS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our"]
    + ["my", "your", "’s", "'s", "‘s"]
)

#: Small words inside organisations' names ("Ministry of Health", "Council on Foreign
#: Relations", "Banco do Brasil"); any other lower-case word ends the name.
_NAME_LINKS = frozenset(
    ["of", "for", "and", "&", "the", "on", "de", "do", "da", "dos", "das", "du", "des", "del"]
    + ["della", "di", "la", "le", "el", "y", "et", "van", "von", "der", "den", "al", "bin"]
)

#: Words after which a link word starts a phrase of the sentence, not of the name:
#: "the Ministry of Health on Tuesday", "the Department of State on Pfizer".
_TIME_WORDS = lexicon.words(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december today yesterday"""
)

#: The names of government bodies a person's name is put before: "the Obama Justice
#: Department", "the Bolsonaro Health Ministry", "the Ruto Treasury".
_GOVERNMENT_BODY = re.compile(
    r"^(?:(?:[A-Z][\w-]+ )+(?:Department|Ministry|Dept\.?)|(?:Department|Ministry) of .+)$"
)


#: Kinds of business a lede writes before the name, capitalised as the sentence's first
#: word ("Chipmaker SK Hynix said"), which NER takes into the name; not kinds that begin
#: names themselves ("Bank Leumi", "Group Lotus").
_LEADING_KINDS = _ORGANISATION_KINDS - lexicon.words("bank group network chain bureau union")


#: Last words of a place's body, which NER may tag with the place's type.
_BODY_LAST_WORDS = frozenset(
    [
        "Police",
        "Constabulary",
        "Council",
        "Ministry",
        "Service",
        "Authority",
        "Commission",
        "Department",
        "Agency",
        "Party",
        "Army",
        "Parliament",
        "Assembly",
        "Government",
    ]
)


def _common_noun_opening(tok, text: str) -> bool:
    """Whether a word NER took for a name is a common noun, capitalised only because it
    opens its sentence: the tagger takes it for one (NN), and the article writes it in
    lower case elsewhere ("Cholera cases have doubled ... when the pipes break, cholera
    follows"), or its plural ("Vaccine hesitancy ... refused vaccines")."""
    if not tok.is_sent_start or tok.tag_ != "NN" or not tok.is_title:
        return False
    if given_name_gender(tok.text) is not None:
        return False  # "Rose said", though prices rose
    word = re.escape(tok.lower_)
    return re.search(rf"(?<![\w-]){word}(?:e?s)?(?![\w-])", text) is not None


def _drop_kind_word(tokens: list) -> list:
    """ "Chipmaker SK Hynix" is SK Hynix: a kind-of-business noun before a capitalised
    name (not before "of": "Regulator of Social Housing" is the regulator's name)."""
    if (
        len(tokens) >= 2
        and tokens[0].lower_ in _LEADING_KINDS
        and tokens[1].text[:1].isupper()
        and tokens[1].lower_ not in _NAME_LINKS
    ):
        return tokens[1:]
    return tokens


def _cut_trailing_phrase(tokens: list) -> list:
    """An organisation's name ends before the words NER ran on into: a lower-case word that
    is no link of a name ("the Ministry of Health in Nairobi"), a link word before a date
    ("the Ministry of Health on Tuesday"), a second link phrase after a complete "X of Y"
    ("the Department of State on Pfizer"), and a link word left dangling at the end. A
    verb after "to" goes on with the name: "the Committee to Protect
    Journalists"."""
    for i in range(1, len(tokens)):
        tok, low = tokens[i], tokens[i].lower_
        if not tok.text[:1].islower() or tok.text in ("&",):
            continue
        nxt = tokens[i + 1].lower_ if i + 1 < len(tokens) else ""
        if low == "to" and i + 1 < len(tokens) and tokens[i + 1].tag_ == "VB":
            continue  # "the Committee to Protect Journalists", "the Campaign to End Hunger"
        complete = any(t.lower_ in ("of", "for") for t in tokens[:i])
        if low not in _NAME_LINKS or nxt in _TIME_WORDS or (low == "on" and complete):
            tokens = tokens[:i]
            break
    while len(tokens) > 1 and tokens[-1].lower_ in _NAME_LINKS:
        tokens = tokens[:-1]
    return tokens


def _names_an_organisation(tokens: list) -> bool:
    """Whether words (after a possessive) are an organisation's name on their own: all
    capitalised, and a known organisation or one with an institution word."""
    if not tokens or not all(t.text[:1].isupper() or t.lower_ in _NAME_LINKS for t in tokens):
        return False
    form = " ".join(t.text for t in tokens)
    return bool(gazetteer.known_organization(form) or _INSTITUTION_WORDS & set(form.split()))


#: Plural nouns for groups of people that organisations are named after with a possessive
#: of their own: "the National Women's Council", "the Fishermen's Cooperative Society",
#: "Children's Hospital", "the People's Party", "the Teachers' Union".
_NAMED_FOR_PEOPLE = frozenset(
    w for w in lexicon.PERSON_NOUNS if w.endswith(("s", "men", "people"))
) | lexicon.words(
    "children citizens consumers taxpayers pensioners peoples nations veterans miners"
)


#: owners of institutions named for them: "King's College London", "Queen's University"
_NAMED_FOR_ROYALS = lexicon.words("king queen prince princess christ")


def _possessive_in_name(before: list, after: list) -> bool:
    """Whether a possessive inside an organisation's NER span belongs to the name: the word
    before it names a group of people ("Women's", "Fishermen's"), a saint ("St John's
    College") or a royal ("King's College London"), and capitalised words of the name
    follow. A person's or a country's
    possessive ("Clinton's State Department", "Kenya's Health Ministry") says whose body it
    is and is cut as before."""
    if not after or not all(t.text[:1].isupper() or t.lower_ in _NAME_LINKS for t in after):
        return False
    owner = before[-1]
    if owner.lower_ in _NAMED_FOR_PEOPLE or owner.lower_ in _NAMED_FOR_ROYALS:
        return True
    return len(before) >= 2 and before[-2].lower_.rstrip(".") in ("st", "saint", "ste")


#: Words for a role a person holds, written before the person's name in apposition ("its
#: president, Giorgos Papadakis"); not words an organisation may also be ("owner", "member",
#: "donor", "customer"...).
_NOT_ROLES_BEFORE_NAME = frozenset(["general", "justice", "chair", "head", "speaker", "executive"])
_ROLE_BEFORE_NAME = re.compile(
    r"\b(?i:"
    + "|".join(
        sorted(
            (
                re.escape(w)
                for w in lexicon.TITLE_HEADS
                | {"spokesman", "spokeswoman", "secretary-general", "boss", "founder"}
                | {"chief executive", "executive director", "managing director"}
                if w.replace(" ", "").replace("-", "").isalpha() and w not in _NOT_ROLES_BEFORE_NAME
            ),
            key=len,
            reverse=True,
        )
    )
    + r")(?:\s+(?:of|at)\s+(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,4}?[A-Z][\w&.-]*)?,\s+$"
)

#: A title written right before a name ("Opposition senator María Fernanda Cabal").
_TITLE_BEFORE_NAME = re.compile(
    r"\b(?i:"
    + "|".join(
        sorted((re.escape(w) for w in lexicon.TITLE_HEADS if w.isalpha()), key=len, reverse=True)
    )
    + r")\s+$"
)

#: last words of a street's name
_STREET_WORDS = lexicon.words("Street St. Avenue Ave. Boulevard Blvd.")  # "Road": "the Silk Road"


#: a lower-case noun of the land or water right after a name: the name is a place's
#: ("the Amazon rainforest", "the Cerrado savanna", "the Okavango delta")
_FEATURE_AFTER = re.compile(
    r" (?:rainforest|forest|savanna|savannah|desert|river|basin|delta|valley|mountains|"
    r"coast|coastline|peninsula|plateau|highlands|lowlands|wetlands?|steppe|archipelago|"
    r"lagoon|estuary|glacier|rainforests|jungle)\b"
)


#: a kind of product or work just before a name: the name is the thing's ("the drug
#: Normaten", "the vessel Morning Star", "her novel Salt Roads"); not kinds a person is
#: ("the model X", "the singer X")
_PRODUCT_BEFORE = re.compile(
    r"\b(?:drug|medicine|medication|vaccine|pill|tablet|app|software|device|phone|handset|"
    r"brand|vessel|ship|tanker|ferry|yacht|aircraft|satellite|rocket|missile|drone|film|"
    r"movie|documentary|album|song|novel|memoir|opera|musical|painting|podcast|"
    r"(?:radio|television|TV|talk) show)\s+$"
)


def _product_named(ent: SpacySpan, text: str, start: int) -> bool:
    """Whether a name NER took for a person is a product's or a work's: a kind of thing
    just before it (:data:`_PRODUCT_BEFORE`), and no verb just after it, which would make
    the name the subject of a clause about the thing ("the film Okafor directed")."""
    if not _PRODUCT_BEFORE.search(text, max(0, start - 30), start):
        return False
    doc = ent.doc
    return ent.end >= len(doc) or not doc[ent.end].tag_.startswith(("VB", "MD"))


#: A role held at an organisation, just before a name: "the chief executive of", "a
#: spokesman for". The name after it is the organisation's, never a person's.
_ROLE_OF = re.compile(
    r"\b(?:(?:chief executive|chairman|chairwoman|president|director|founder|head|owner|"
    r"spokesman|spokeswoman|spokesperson|chief|ceo|manager|board)\s+(?:of|for|at)|"
    # "an analyst at Peel Hunt", "a researcher at Kestrel Labs": where someone works
    r"(?:analyst|economist|strategist|researcher|professor|lecturer|fellow|partner|"
    r"scientist|engineer|consultant|trader|banker|employee|official)s?\s+at)\s+$",
    re.IGNORECASE,
)

#: Words after which a name of up to three words is a town or a city ("the mayor of
#: Brenholt", "residents of Kessel", "residents in Wexmoor", "the town of Beit Sahour").
_PLACE_OF = re.compile(
    r"\b(?:(?:mayor|mayors|deputy mayor|residents?|inhabitants?|natives?|villagers|"
    r"outskirts|suburbs|town|city|village|municipality) of|"
    r"(?:residents?|people|voters|villagers|farmers|families|by-elections?|elections?|"
    r"constituency|ward) in) $",
    re.IGNORECASE,
)

#: "In" opening a sentence or a paragraph: a one- or two-word name after it and a comma
#: is where what follows happens ("In Tacloban, the mayor said"), not a body.
_IN_PLACE_OPENING = re.compile(r"(?:^|\n|[.!?][”\"’']? )In $")

#: A person's name and ", of" right before a name: where they live ("Kieran Doyle, of
#: Wigan,"; "the Heritage Foundation" would have its "the").
_HOMETOWN = re.compile(r"[A-Z][\w’'-]+ [A-Z][\w’'-]+(?:, \d{1,3})?, of $")

#: A post held for a place, written before its holder's name ("Mayor of Parramatta Sameer
#: Haddad", "Governor of Lagos Ada Okoro").
_POST_OF = re.compile(r"\b(?:[Mm]ayor|[Gg]overnor|[Pp]remier|[Bb]ishop|[Aa]rchbishop) of $")

#: An age in apposition ("Okonkwo-Bello, 52, founded"): said of people only.
_AGE_AFTER = re.compile(r"^,\s+\d{1,3},")


#: Nouns of things that stand somewhere, and verbs of being somewhere: a one-word name after
#: them and "in", "on" or "near" is where ("a factory in Kumamoto", "built on Borneo").
_SITE_NOUNS = lexicon.words(
    """
    capital city town village island province region district factory plant mine port
    base camp headquarters border coast farm refinery smelter mill warehouse airport
    """
)
_SITE_VERBS = lexicon.words("build locate live arrive land settle station situate")


#: Nouns for a country's divisions, in the singular and the plural.
_DIVISIONS = "state|province|region|district|county|prefecture|governorate|oblast|municipality"
_DIVISION_NOUNS = frozenset(_DIVISIONS.split("|"))
_DIVISIONS_PLURAL = (
    "states|provinces|regions|districts|counties|prefectures|governorates|oblasts|"
    "municipalities|islands|towns|cities|villages"
)
#: A name of one to three capitalised words, and a list of two or more of them.
_PLACE_WORD = r"[A-Z][\w’']*(?:-[A-Z][\w’']*)*"  # "Asia-Pacific", not "GOP-dominated"
_PLACE_NAME = rf"{_PLACE_WORD}(?: {_PLACE_WORD}){{0,2}}"
_PLACE_LIST = rf"{_PLACE_NAME}(?:, {_PLACE_NAME})*,? (?:and|or) {_PLACE_NAME}"
#: Words after "state" that make it a verb ("the Saudis state in a paper that ...").
_AFTER_A_VERB = r"that|the|a|an|their|his|her|its|this|our|clearly|publicly|plainly|in"
#: Words after "state" or "region" that make it a describing word of what follows ("the
#: Xinhua state news agency", "state-owned"), so the name before it is no place.
_NOT_DIVISION_AFTER = (
    r"news|media|television|tv|radio|broadcaster|agency|newspaper|company|firm|enterprise|"
    r"bank|oil|energy|airline|carrier|utility|department"
)
#: Words that open sentences in capitals and are no names ("Her district includes").
_FUNCTION_WORDS = lexicon.words(
    """
    but and or so yet if when while as her his their its our my your this that these those
    each every some any no one all both many most several which what whose the a an in
    """
)
#: Capitalised words before "state" or "district" that say whose it is, not where: "a
#: Republican state", "the Democratic district", "the Islamic state".
_NO_DIVISION_NAMES = lexicon.words(
    """
    The A An In Republican Democratic Democrat GOP Labour Labor Liberal Conservative
    Progressive Green Socialist Communist Federal Islamic Confederate Union Swing Blue Red
    Purple Battleground Border Member Nation Jewish Arab Muslim Christian Catholic
    Congressional Legislative Senate House Assembly Home Local Western Eastern Northern
    Southern Super Tuesday Early Key Primary Caucus Frontline Coastal Welfare Police Nanny
    Deep Security Surveillance Client Buffer Rogue Failed
    """
)
_DIVISION_PATTERNS = (
    # "the provinces of Iloilo and Capiz", "the states of Kano, Kaduna and Katsina"
    re.compile(rf"\b(?:{_DIVISIONS_PLURAL}) of (?P<names>{_PLACE_LIST})"),
    # "Ondo, Edo and Bauchi states"
    re.compile(rf"(?<![\w’'-])(?P<names>{_PLACE_LIST}) (?:{_DIVISIONS_PLURAL})\b(?!-)"),
    # "Ondo state", "Rakhine state": the noun in lower case; not "state media"
    re.compile(
        rf"(?<![\w’'-])(?P<names>{_PLACE_NAME}) (?:{_DIVISIONS})\b(?![-’'])"
        rf"(?! (?:{_NOT_DIVISION_AFTER})\b)(?! (?:{_AFTER_A_VERB})\b)"
    ),
    # "the province of Samar", "the region of Tigray"
    re.compile(rf"\b(?:{_DIVISIONS}) of (?P<names>{_PLACE_NAME})"),
)


def _places_by_division_noun(text: str) -> list[tuple[int, int]]:
    """Names a noun of a country's divisions says are places: "the provinces of Iloilo
    and Capiz", "Ondo, Edo and Bauchi states", "in Kwara state", "the region of Tigray"
    (the noun in lower case: "the Islamic State" is a name). Each name of a list on its
    own; not a word of a people ("Soviet state"), a body's or a known organisation's
    name, or a name with a word of an institution ("the Federal Capital Territory
    Administration")."""
    out: list[tuple[int, int]] = []
    for pattern in _DIVISION_PATTERNS:
        for m in pattern.finditer(text):
            at = m.start("names")
            for part in re.split(r",? (?:and|or) |, ", m.group("names")):
                start = text.index(part, at)
                at = start + len(part)
                words = part.split()
                owner = [i for i, w in enumerate(words[:-1]) if w.endswith(("'s", "’s", "’"))]
                if owner:  # "Pelosi’s San Francisco district": the district is San Francisco
                    words = words[owner[-1] + 1 :]
                elif words[0] in _NO_DIVISION_NAMES and len(words) > 1:
                    words = words[1:]  # "The Ondo state government", "In Kwara state"
                part = " ".join(words)
                start = at - len(part)
                if (
                    part.endswith(("'s", "’s", "’", "'"))  # "The WWA's state secretary"
                    or part.lower() in lexicon.DEMONYMS
                    or part.lower().removesuffix("s") in lexicon.DEMONYMS  # "the Saudis"
                    or part.lower() in _FUNCTION_WORDS  # "But state Rep. Cobb", "Her district"
                    or _NO_DIVISION_NAMES & set(words)
                    or re.search(r"\b(?:a|an|one) $", text[max(0, start - 4) : start])
                    or _PLACE_OR_BODY_WORDS & set(words)
                    or gazetteer.known_organization(part) is not None
                    or _is_outlet_name(part)
                ):
                    continue
                out.append((start, start + len(part)))
    return out


def _where_something_is(tokens: list) -> bool:
    """Whether a one-word name NER took for a person is where something stands or happens:
    the object of "in", "on", "near" or "off" after a noun of a site or a verb of being
    somewhere, with no title or given name of its own."""
    if len(tokens) != 1 or given_name_gender(tokens[0].text) is not None:
        return False
    tok = tokens[0]
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("in", "on", "near", "off"):
        return False
    head = prep.head
    if head.pos_ == "NOUN":
        return head.lower_ in _SITE_NOUNS
    return head.pos_ == "VERB" and head.lemma_.lower() in _SITE_VERBS


def _place_by_context(tokens: list, text: str, start: int, end: int, form: str) -> bool:
    """A name NER took for a body or a person that the words before it show to be a town:
    a noun of where people live or a post held there (:data:`_PLACE_OF`: "a former mayor of
    Brenholt", "the town of Beit Sahour", up to three name words), or a person's name and
    ", of" (:data:`_HOMETOWN`: "Kieran Doyle, of Wigan,", up to two, and no company word).
    Never a name with a word of an institution or a facility."""
    words = form.split()
    if _PLACE_OR_BODY_WORDS & set(words):
        return False
    if (
        _IN_PLACE_OPENING.search(text, max(0, start - 6), start)
        and text[end : end + 1] == ","
        and len(words) <= 2
        and not _BODY_LAST_WORDS & set(words)  # "In Parliament, Labour members objected"
        and all(map(_name_word, words))
        and given_name_gender(words[0]) is None
        and gazetteer.known_organization(form) is None
        and not _is_outlet_name(form)
    ):
        return True  # "In Tacloban, Mayor Ricardo Villanueva said the city ..."
    if _PLACE_OF.search(text, max(0, start - 30), start):
        return len(tokens) == 1 or len(words) <= 3 and all(map(_name_word, words))
    return (
        len(words) <= 2
        and all(map(_name_word, words))
        and not set(words) & (gazetteer.COMPANY_SUFFIXES | gazetteer.COMPANY_TRADE_WORDS)
        and _HOMETOWN.search(text, max(0, start - 60), start) is not None
        and text[end : end + 1] in (",", ".", ";")
    )


def _person_by_context(
    tokens: list, text: str, start: int, end: int, form: str, people: frozenset[str] = frozenset()
) -> bool:
    """An ORG or GPE span that the words around it show to be a person: an honorific before
    it ("Ms. Okonkwo-Bello"), an age after it ("Okonkwo-Bello, 52,"), or the role they hold
    just before it ("Its president, Giorgos Papadakis, told ...", "the finance director,
    Tunde Adeyemi"). Only for two or three capitalised words (hyphenated parts allowed), or
    one after an honorific, with no institution word and no known organisation or outlet.
    A title in apposition after the name counts too ("Priyanka Deshmukh, a senior
    Congress leader"), unless the name begins with a word of a person's name elsewhere
    in the article (``people``): "Trump National Doral" is named after one."""
    words = form.split()
    if not 1 <= len(words) <= 3 or not all(_name_word(w) for w in words):
        return False
    if _INSTITUTION_WORDS & set(words) or any(t.is_upper and len(t) > 1 for t in tokens):
        return False
    if gazetteer.known_organization(form) or _is_outlet_name(form):
        return False
    if _after_honorific(text, start):
        return True  # "Ms. Okonkwo-Bello"
    if _AGE_AFTER.match(text[end : end + 8]):
        return True
    if len(words) == 1:
        return False
    if (
        _introduced_by_title(tokens[-1])
        and words[0] not in people
        and not set(words) & (gazetteer.COMPANY_SUFFIXES | gazetteer.COMPANY_TRADE_WORDS)
        and all(t.tag_ == "NNP" for t in tokens)
    ):
        return True  # "said Priyanka Deshmukh, a senior Congress leader"
    if _TITLE_BEFORE_NAME.search(text, max(0, start - 30), start):
        return given_name_gender(words[0]) is not None  # "senator María Fernanda Cabal"
    return bool(_ROLE_BEFORE_NAME.search(text, max(0, start - 80), start))


def _free_given_name(tok) -> bool:
    """A known given name outside any entity, written as a proper noun ("Ana" in "Ana
    Ruiz said"); not a modal or other word spelt like one ("Will Google appeal?")."""
    return (
        tok.ent_iob_ == "O"
        and tok.is_title
        and tok.tag_ in ("NNP", "NNPS")
        and given_name_gender(tok.text) is not None
    )


def _free_name_word(tok) -> bool:
    """A word that may follow a given name in a name NER missed: a capitalised proper noun
    outside any entity, no stop word ("Hope Not Hate") and no word of a street, building or
    natural feature ("Hope Street")."""
    return (
        tok.ent_iob_ == "O"
        and _name_word(tok.text)
        and tok.tag_ in ("NNP", "NNPS")
        and not tok.is_stop
        and tok.text not in lexicon.FACILITY_WORDS
    )


def _missed_people(doc: Doc) -> list[tuple[int, int]]:
    """Names NER did not tag at all that a reader takes for people: a known given name
    (or any, with a title before it, in apposition after it or an age: "President Renata
    Alves", "Gareth Pollock, chief executive of", "Darren Holt, 52,")
    and one or two more capitalised name words (proper nouns, no stop word), outside any
    entity, the subject or object of a verb or in apposition ("Ana Ruiz said", at a
    sentence start, where NER often misses them). No place name or place word (a street,
    building or natural feature: "Hope Street"), and no institution or company word."""
    out = []
    i = 0
    while i < len(doc) - 1:
        tok = doc[i]
        known = _free_given_name(tok)
        titled = False
        if not known:
            # an unknown given name needs a title before it or an apposition after it
            if tok.tag_ != "NNP":
                i += 1
                continue
            titled = i > 0 and doc[i - 1].is_title and doc[i - 1].lower_ in lexicon.TITLE_HEADS
            comma = any(doc[k].text == "," for k in range(i + 2, min(i + 4, len(doc))))
            if not (titled or comma) or not _free_name_word(tok):
                i += 1
                continue
        j = i + 1
        while j < len(doc) and j - i < 3 and _free_name_word(doc[j]):
            j += 1
        introduced = titled or _titled_apposition(doc[j - 1]) is not None or _aged(doc, j)
        if not known and not introduced:
            i += 1  # an unknown given name counts only with a title or an age beside it
            continue
        if j < len(doc) and doc[j].text in lexicon.FACILITY_WORDS:
            i = j + 1  # "Grace Hope Street", "Hope Street" itself
            continue
        words = [t.text for t in doc[i:j]]
        form = " ".join(words)
        if (
            j - i >= 2
            and words[-1] != "Act"  # "the Dodd-Frank Act": a law named for its sponsors
            and not _body_words(words)
            and not gazetteer.is_place_name(form, _COUNTRIES)
            and not gazetteer.is_place_name(words[0], _COUNTRIES)
            and doc[j - 1].dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "pobj", "appos", "conj")
        ):
            start = tok.idx
            if i >= 2 and doc[i - 1].text == "-" and _hyphen_part(doc[i - 2 : i + 1]):
                start = doc[i - 2].idx  # "Jean-Luc Ferrand": the given name's first part
            out.append((start, doc[j - 1].idx + len(doc[j - 1])))
        i = j
    return out


#: A court named for its place: one to three capitalised words (not "The"), then the
#: court's kind.
_PLACE_COURT = re.compile(
    r"(?<![\w’'.-])((?:(?!The\b)[A-Z][a-z][\w-]* ){1,3}(?:High|Supreme|District|Federal|"
    r"Constitutional|Appeals|Magistrates|Labour|Labor|Sessions|Family) Court)\b(?!['’]s\b)"
)
#: one word of a name: "Ndlovu", "O’Brien", "Wai-man" (not "Manafort's": a possessive)
_NAME_WORD = r"[A-Z][a-z]+(?:['’][A-Z][a-z]+)?(?:-[A-Za-z][a-z]+)?"
#: A name of two or three words right after a post written in lower case ("company
#: spokesperson Sikhumbuzo Ndlovu said"), then a word in lower case or a comma or stop.
_AFTER_LOWER_POST = re.compile(
    r"\b(?:spokesperson|spokesman|spokeswoman|chairman|chairwoman|chairperson)\s+"
    rf"({_NAME_WORD}(?: {_NAME_WORD}){{1,2}})(?=\s+[a-z]|[,.;:])"
)
#: A post with its portfolio, as written before its holder's name ("Minister of
#: Electricity ", "Secretary for Security ", "Minister of Finance and Planning ",
#: "Minister of Forestry, Fisheries and the Environment "): the post, "of" or "for", and
#: one to four capitalised words (not "The"). Also what
#: :mod:`kg.extract.entities.titles` takes as the holder's title.
PORTFOLIO_POST = (
    r"(?:Minister|Secretary|Commissioner|Governor|Administrator|Director)\s+(?:of|for)\s+"
    r"(?:[Tt]he\s+)?(?:(?!The\b)[A-Z][\w’'-]*,?\s+(?:(?:and|&)\s+(?:the\s+)?)?){1,4}?"
)
#: A name of two words after a post of a portfolio ("Minister of Electricity Kgosi
#: Dlamini denied", "Secretary for Security Chan Wai-man said"): the last two capitalised
#: words before a word in lower case, a comma or a stop are the name.
_AFTER_PORTFOLIO = re.compile(rf"\b{PORTFOLIO_POST}({_NAME_WORD} {_NAME_WORD})(?=\s+[a-z]|[,.;:])")


def _body_words(words: list[str]) -> bool:
    """Whether a name's words hold a word of an institution or a company ("Council",
    "Holdings", "Mining"): no person's name, however it is introduced."""
    found = set(words)
    return bool(
        found & _INSTITUTION_WORDS
        or found & gazetteer.COMPANY_SUFFIXES
        or found & gazetteer.COMPANY_TRADE_WORDS
    )


def _people_after_posts(text: str) -> list[tuple[int, int]]:
    """Names written right after a person's post (:data:`_AFTER_LOWER_POST`,
    :data:`_AFTER_PORTFOLIO`): the post says the name is a person's, whatever NER makes of
    a name it does not know. Not a name with a word of a body, a company or a place."""
    out = []
    for pattern in (_AFTER_LOWER_POST, _AFTER_PORTFOLIO):
        for m in pattern.finditer(text):
            words = m.group(1).split()
            if (
                _body_words(words)
                or any(gazetteer.is_place_name(w, _COUNTRIES) for w in words)
                or any(w.lower() in lexicon.TITLE_HEADS for w in words)
                or any(w.lower() in lexicon.ABBREVIATIONS for w in words)  # "Navy Capt."
            ):
                continue
            out.append((m.start(1), m.end(1)))
    return out


def _aged(doc: Doc, j: int) -> bool:
    """Whether an age in commas (:data:`_AGE_AFTER`) follows token ``j - 1``: "Darren
    Holt, 52, and ..."."""
    return _AGE_AFTER.match(doc[j : j + 3].text) is not None


def _titled_apposition(last) -> Token | None:
    """The title in apposition after a comma that follows the name ending at ``last``
    ("Gareth Pollock, chief executive of ..."), or None: news introduces a person so, and
    the given name may be one no list holds."""
    doc = last.doc
    if last.i + 2 >= len(doc) or doc[last.i + 1].text != ",":
        return None
    return next(
        (
            c
            for c in last.children
            if c.dep_ == "appos" and c.i > last.i and c.lower_ in lexicon.TITLE_HEADS
        ),
        None,
    )


def _introduced_by_title(last) -> bool:
    """Whether the name ending at ``last`` is introduced by a title in apposition that
    opens right after its comma and ends its phrase ("Priyanka Deshmukh, a senior Congress
    leader."): not a relative clause ("the National Front, whose leader, ..."), nor the
    next clause's subject the parse hung on the name ("now called Trump National Doral,
    the candidate boasted")."""
    title = _titled_apposition(last)
    if title is None:
        return False
    doc = last.doc
    if doc[last.i + 2].lower_ in ("whose", "which", "who", "where"):
        return False
    after = doc[title.i + 1] if title.i + 1 < len(doc) else None
    return after is None or after.tag_ not in ("VBD", "VBZ", "VBP", "MD")


def _given_names_before(tokens: list) -> int:
    """How many given names NER left out before a one-word ORG or GPE span that is a
    person's surname ("Judge Ana Costa agreed", "the chief negotiator, Vera Lucía Arango,
    told": only "Costa" or "Arango", as ORG or GPE): capitalised given names outside any
    entity, one or two, after a title, an honorific, a comma or a sentence start. 0 when
    the span is not such a surname."""
    if len(tokens) != 1 or tokens[0].i < 1 or not _name_word(tokens[0].text):
        return 0
    word = tokens[0].text
    if word in _INSTITUTION_WORDS or gazetteer.known_organization(word) or _is_outlet_name(word):
        return 0
    if word in lexicon.FACILITY_WORDS or tokens[0].is_stop:
        return 0  # "Grace" + "Church", "Hope" + "Street"
    doc = tokens[0].doc
    first = tokens[0].i
    while first - 1 >= 0 and tokens[0].i - first < 2 and _free_given_name(doc[first - 1]):
        first -= 1
    if first == tokens[0].i:
        return 0
    if first == 0 or doc[first].is_sent_start:
        return tokens[0].i - first
    before = doc[first - 1]
    low = before.lower_.rstrip(".")
    if low in lexicon.TITLE_HEADS or before.lower_ in lexicon.HONORIFICS or before.text == ",":
        return tokens[0].i - first
    return 0


def _hyphen_part(tokens: list) -> bool:
    """Whether the last token ends a hyphenated word of the name ("Kim Min-jun",
    "Lee Soo-ah": Korean given names are often written with a lower-case second part)."""
    return (
        len(tokens) >= 3
        and tokens[-2].text == "-"
        and not tokens[-2].whitespace_
        and not tokens[-3].whitespace_
        and tokens[-3].text[:1].isupper()
    )


def _after_honorific(text: str, start: int) -> bool:
    """Whether an honorific stands just before ``start`` ("Ms. Okafor")."""
    before = text[max(0, start - 6) : start].split()
    return bool(before) and before[-1].lower() in lexicon.HONORIFICS


def _name_word(word: str) -> bool:
    """A word of a person's name: capitalised letters, maybe joined by hyphens or an
    apostrophe ("Okonkwo-Bello", "O'Neill")."""
    parts = re.split(r"[-'’]", word)
    return all(p[:1].isupper() and p.isalpha() for p in parts if p) and bool(parts[0])


def _drop_owner_name(tokens: list, people: frozenset[str]) -> list:
    """ "Clinton State Department", "Obama White House": a person's name written before a
    known organisation or a government body says whose era it was; the organisation is
    the rest. A name that is the organisation's own ("Trump Organization", "Clinton
    Foundation", "Johnson & Johnson") is kept: it is known, or the rest is no body's name."""
    form = " ".join(t.text for t in tokens)
    if len(tokens) < 2 or gazetteer.canonical_organization(form):
        return tokens
    for k in (1, 2):
        head, rest = tokens[:k], tokens[k:]
        if not rest or not all(t.text[:1].isupper() for t in head):
            break
        rest_form = " ".join(t.text for t in rest)
        body = gazetteer.known_organization(rest_form) or (
            len(rest) >= 2 and _GOVERNMENT_BODY.match(rest_form)
        )
        person = head[-1].text in people or given_name_gender(head[0].text) is not None
        if body and person:
            return rest
    return tokens


_JOINABLE = frozenset(["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT"])


def _company_names(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Companies whose names join two parts with "&" or "and" ("Procter & Gamble", "Calder
    Bay Pulp & Paper", "Marks and Spencer"), as character spans. NER often cuts such a name
    at the joining word, or takes its first word for a place ("Calder" + "Bay Pulp &
    Paper"); the whole is one organisation when :func:`_joins_one_name` says so, or when
    the verb after it is in the singular ("Marks and Spencer has"): two companies would
    take the plural."""
    out: list[tuple[int, int]] = []
    for tok in _joiners(doc, text):
        if tok.i == 0 or tok.i + 1 >= len(doc):
            continue
        before, after = doc[tok.i - 1], doc[tok.i + 1]
        if not (_capitalised(before) and _capitalised(after)) or "\n" in tok.whitespace_:
            continue
        ent = _ent_of(doc, tok)
        if ent is not None and ent.end > tok.i + 1 and tok.text == "&":
            left, right = ent.start, ent.end  # NER has the whole "X & Y"
        else:
            left = _run_start(doc, tok.i - 1)
            right = _run_end(doc, tok.i + 1)
        # "Calder" (a place to NER) + "Bay Pulp & Paper": a name word just before is part
        while left > 0 and _capitalised(doc[left - 1]) and doc[left - 1].whitespace_ == " ":
            if doc[left - 1].is_sent_start or doc[left - 1].lower_ in _NOT_NAME_STARTS:
                break
            left = _run_start(doc, left - 1)
        while right < len(doc) and doc[right].text in gazetteer.COMPANY_SUFFIXES:
            right += 1  # "Marks and Spencer Group"
        if (
            ent is not None
            and ent.label_ == "ORG"
            and ent.start <= left
            and ent.end > right
            and doc[right].lower_ in ("of", "for")
        ):
            right = ent.end  # "the Securities and Exchange Commission of Nigeria", as NER has it
        while right > tok.i + 1 and doc[right - 1].text in ("’s", "'s", "‘s", "’", "'"):
            right -= 1
        if right - left < 3 or right <= tok.i + 1:
            continue
        parts = (doc[left : tok.i].text, tok.text, doc[tok.i + 1 : right].text)
        singular = right < len(doc) and doc[right].tag_ == "VBZ"
        if _joins_one_name(*parts, text) or (tok.text == "and" and singular):
            start, end = doc[left].idx, doc[right - 1].idx + len(doc[right - 1].text)
            if not any(s < end and start < e for s, e in out):
                out.append((start, end))
    # the name once known is the name wherever it is written ("Marks and Spencer said")
    for form in {re.sub(r"\s+", " ", text[s:e]) for s, e in out}:
        pattern = r"(?<![\w-])" + r"\s+".join(map(re.escape, form.split())) + r"(?![\w-])"
        for m in re.finditer(pattern, text):
            if not any(s < m.end() and m.start() < e for s, e in out):
                out.append((m.start(), m.end()))
    return sorted(out)


_JOINER = re.compile(r"(?<=\S )(?:&|and)(?= \S)")


def _joiners(doc: Doc, text: str):
    """The "&" and "and" tokens between two words, found in the text first: walking every
    token of an article to find a handful costs more than the rest of this module."""
    for m in _JOINER.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) == 1:
            yield span[0]


def _joins_one_name(left: str, joiner: str, right: str, text: str) -> bool:
    """Whether "left & right" / "left and right" is one company's name: with "&" unless
    both sides are organisations known on their own ("Google & Facebook"); with "and" when
    both joined words are trades ("Pulp and Paper"), a company suffix ends it ("... and
    Sons Ltd"), the article writes it with "&" too, or the whole is a known name; also when
    only the right part ends with a body's head word and the left part names no body or
    place of its own ("the Vietnam Disaster and Dyke Management Authority": NER cuts such
    a name at "and"; "the Treasury and Monetary Authority" and "Kenya and Revenue Authority"
    stay two). "Pfizer and Moderna" is two companies: none of these holds."""
    whole = f"{left} {joiner} {right}"
    if gazetteer.canonical_organization(whole):
        return True
    if joiner == "&":
        known = gazetteer.canonical_organization
        return not (known(left) and known(right))
    trades = gazetteer.COMPANY_TRADE_WORDS
    if left.split()[-1] in trades and right.split()[0] in trades:
        return True
    if right.split()[-1] in gazetteer.COMPANY_SUFFIXES and len(right.split()) > 1:
        return True
    if _body_named_across_and(left, right):
        return True
    return re.search(rf"{re.escape(left)}\s*&\s*{re.escape(right)}", text) is not None


def _body_named_across_and(left: str, right: str) -> bool:
    """Whether "left and right" is one body's name: ``right`` ends with an institution's
    head word ("Authority", "Commission") and ``left`` is two or more capitalised words
    naming no body, organisation, place or country division alone."""
    lwords, rwords = left.split(), right.split()
    if lwords and lwords[0] in ("The", "the"):
        lwords = lwords[1:]
    return (
        len(rwords) >= 2
        and rwords[-1] in _INSTITUTION_WORDS
        and len(lwords) >= 2
        # "Friends of the Earth Action and ...": a name with its own "of" is whole
        and all(w[:1].isupper() for w in lwords)
        and not _INSTITUTION_WORDS & set(lwords)
        and lwords[-1].lower() not in _DIVISION_NOUNS  # "Eastern Province and ..."
        and not gazetteer.known_organization(" ".join(lwords))
        and not _known_place(" ".join(lwords))
    )


def _capitalised(tok) -> bool:
    return tok.text[:1].isupper() and not tok.is_punct


def _ent_of(doc: Doc, tok) -> SpacySpan | None:
    """The NER entity (of a kind a company can be mistaken for) covering ``tok``."""
    if tok.ent_iob_ not in ("B", "I") or tok.ent_type_ not in _JOINABLE:
        return None
    return _ent_span(doc, tok)


def _entity_runs_beyond(words: SpacySpan) -> bool:
    """Whether an NER entity overlapping ``words`` starts before or ends after them."""
    doc = words.doc
    return words[0].ent_iob_ == "I" or (
        words.end < len(doc) and doc[words.end].ent_iob_ == "I" and words[-1].ent_iob_ != "O"
    )


def _ent_span(doc: Doc, tok) -> SpacySpan:
    """The NER entity covering ``tok`` (which must be in one), found from the tokens' IOB
    tags: ``doc.ents`` builds every entity of the article anew on each access, which cost
    more than the rest of this module."""
    from spacy.tokens import Span as SpacySpanType  # spaCy is loaded: there is a Doc

    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return SpacySpanType(doc, start, end, label=tok.ent_type_)


def _run_start(doc: Doc, i: int) -> int:
    """Where the name ending at token ``i`` starts: its NER entity's start, or the run of
    capitalised words before it within the sentence."""
    ent = _ent_of(doc, doc[i])
    if ent is not None:
        start = ent.start
        while start < i and doc[start].lower_ in _NOT_NAME_STARTS:
            start += 1
        return start
    while i > 0 and not doc[i].is_sent_start and _capitalised(doc[i - 1]):
        if doc[i - 1].lower_ in _NOT_NAME_STARTS or doc[i - 1].whitespace_ != " ":
            break
        i -= 1
    return i


def _run_end(doc: Doc, i: int) -> int:
    """Where the name starting at token ``i`` ends (exclusive): its NER entity's end, or
    the run of capitalised words after it (at most four)."""
    ent = _ent_of(doc, doc[i])
    if ent is not None and ent.start == i:
        return ent.end
    end = i + 1
    while end < len(doc) and end - i < 4 and _capitalised(doc[end]) and doc[end - 1].whitespace_:
        end += 1
    return end


#: A letter of a script other than Latin (the Latin ranges end at U+024F).
_OTHER_SCRIPT = re.compile(r"[^\W\d_\x00-\u024f]")


def _other_script_word(tok) -> bool:
    """A word in a non-Latin script ("محمد", "Путин"), not a number or a symbol."""
    word = tok.text
    return not word.isascii() and all(c.isalpha() and ord(c) > 0x24F for c in word)


def _other_script_people(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Runs of one to five words in a non-Latin script, in English text, that stand where a
    person's name does: after an honorific or title ("Crown Prince محمد بن سلمان"), beside
    a reporting verb ("said عائشة الحسن"), as the subject of a verb, or before an
    appositive that says what they are (", a teacher in Amman"). The name is kept as
    written; NER finds Cyrillic and Greek names often, Arabic or Hebrew ones rarely."""
    out: list[tuple[int, int]] = []
    if not _OTHER_SCRIPT.search(text):
        return out  # most English articles: nothing to walk (``doc.text`` would join every token)
    i = 0
    while i < len(doc):
        if not _other_script_word(doc[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and j + 1 - i < 5 and _other_script_word(doc[j + 1]):
            j += 1
        if _person_position(doc, i, j + 1):
            out.append((doc[i].idx, doc[j].idx + len(doc[j].text)))
        i = j + 1
    return out


def _person_position(doc: Doc, start: int, end: int) -> bool:
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and (
        before.lower_ in lexicon.HONORIFICS
        or before.lower_ in lexicon.TITLE_HEADS
        or before.lemma_ in lexicon.SPEECH_VERBS
    ):
        return True
    if after is not None and after.lemma_ in lexicon.SPEECH_VERBS:
        return True
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ == "VERB" for t in doc[start:end]):
        return True
    if after is not None and after.text == ",":
        words = [t for t in doc[end + 1 : end + 6] if not t.is_punct]
        return any(
            t.lower_ in lexicon.PERSON_NOUNS or t.lower_ in lexicon.TITLE_HEADS for t in words[:4]
        )
    return False


#: Endings of English adjectives, participles and agent nouns ("Outspoken", "Embattled",
#: "Billionaire", "Populist"), which given names rarely have.
_DESCRIBING_ENDINGS = (
    "ed", "en", "ing", "ive", "ful", "ous", "ist", "aire", "ary", "ic", "ant", "ent", "less"
)  # fmt: skip


def _describes(tok) -> bool:
    """Whether a capitalised word before a given name describes the person rather than
    being a name of theirs: a descriptor ("Billionaire"), a title or demonym word, a word
    the tagger does not take for a proper noun, or one with the ending of an adjective,
    participle or agent noun ("Outspoken", "Embattled"). Not an unknown given name
    ("Chimamanda Ngozi Adichie")."""
    low = tok.lower_
    return (
        is_descriptor(tok.text)
        or low in lexicon.TITLE_HEADS
        or low in lexicon.TITLE_MODIFIERS
        or low in lexicon.DEMONYMS
        or tok.tag_ not in ("NNP", "NNPS")
        or low.endswith(_DESCRIBING_ENDINGS)
    )


def _drop_descriptor(form: str, start: int) -> tuple[str, int]:
    """ "Injecting Clinton", "Billionaire Donald Trump": a capitalised word before a name
    that no name begins with (a gerund, or a word of the descriptor list) is not the name."""
    words = form.split()
    while len(words) >= 2 and is_descriptor(words[0]):
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


def _is_dateline(text: str, start: int, end: int) -> bool:
    """ "NAIROBI — ..." or "LA SERENA, Chile —" opening a paragraph names a place: the
    words in capitals of a dateline (:mod:`kg.datelines`)."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[start:end].isupper():
        return False
    found = dateline_at(text, line_start)
    return found is not None and found.names(start, end)
