"""Resolving who speaks: the subject or controller of a cue, names, pronouns (to their
antecedent), described and unnamed people, and the article's writer, each to an entity key.
Kept apart because both direct quotations and reported speech need it.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Token

from kg.datelines import dateline_at
from kg.extract import lexicon
from kg.extract.attribution.context import (
    _blocked_at,
    _Context,
    _in_headline,
    _inside_quote,
    _outer_cue,
    _paragraph_start,
    _Source,
    _tokens,
)
from kg.extract.entities import Mention
from kg.model import Entity, Span


def _according_source(ctx: _Context, tok: Token) -> _Source | None:
    """The source of "according to X": the object of "to", or, when the parse gives none,
    the first noun after it ("according to the F.A.A." with "the" parsed as a word of its
    own). A head the tagger made an adjective ("the RealClearPolitics polling average")
    is read through the nouns that name it."""
    to = ctx.doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if objs:
        target = objs[0]
    else:
        after = ctx.doc[to.i + 1 : min(to.i + 6, to.sent.end)]
        nouns = [t for t in after if t.pos_ in ("NOUN", "PROPN", "PRON") and t.lower_ != "the"]
        target = nouns[0] if nouns else (after[0] if len(after) else None)
    if target is None:
        return None
    named = _name_after_kind_noun(ctx, target)
    if named is not None:
        return named
    src = _resolve(ctx, target)
    if src is None and target.pos_ == "ADJ":
        for noun in reversed([c for c in target.lefts if c.dep_ == "compound"]):
            src = _resolve(ctx, noun)
            if src is not None:
                break
    return src


def _name_after_kind_noun(ctx: _Context, noun: Token) -> _Source | None:
    """ "according to the newspaper Het Dagblad", "the rights group Kestrel Watch": a
    common noun saying what kind of body the name right after it is, which the parse did
    not make the noun's apposition. The source is the named body."""
    if noun.pos_ != "NOUN" or noun.i + 1 >= len(ctx.doc):
        return None
    nxt = ctx.doc[noun.i + 1]
    m = _mention_for(ctx, nxt)
    if m is None or not m.key or m.type not in _AUTHOR_TYPES or m.span.start != nxt.idx:
        return None
    return _Source(m.key, Span(noun.left_edge.idx, m.span.end))


def _told_outlet(ctx: _Context, cue: Token) -> str | None:
    """ "Doe told the Harbor Times" -> the statement reaches us via the outlet."""
    if cue.lemma_.lower() != "tell":
        return None
    for child in cue.children:
        if child.dep_ in ("dative", "dobj", "iobj"):
            m = _mention_for(ctx, child)
            if m is not None and m.type == "NewsOrganization":
                return m.key
    return None


def _subject_of(ctx: _Context, cue: Token, window: Span | None) -> _Source | None:
    """The source of a cue: its grammatical subject when the parse gives one inside the
    window, else the nearest name, pronoun or person noun before the cue, else after it
    ("said Jane Doe")."""
    subjects = [_clause_subject(c) for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and (cue.tag_ == "VBG" or cue.dep_ == "conj"):
        # "Flea shared the news, writing '...'": the participle's subject is its head's, as
        # a conjunct's is ("did not name them, but told his squad, '...'": not the squad);
        # "explained the headline by saying: '...'" climbs through the preposition
        subjects = _controller(cue)
        window = None if subjects else window
    named = _named_after_kind(ctx, subjects, window)
    if named is not None:
        return named
    for subj in subjects:
        if window is None or window.start <= subj.idx < window.end:
            src = _resolve(ctx, subj)
            if src is not None:
                return src
    if window is None:
        return None
    tokens = [t for t in _tokens(ctx, window) if not _inside_quote(ctx, t.idx)]
    before = [t for t in tokens if t.i < cue.i]
    for tok in reversed(before):
        if tok.is_punct and tok.text not in ("(", ")"):
            break
        if _in_object(ctx, tok):
            continue  # "sent an email to supporters stating": who is written to says nothing
        src = _resolve(ctx, tok, strict=True)
        if src is not None:
            return src
    for tok in (t for t in tokens if t.i > cue.i):
        if tok.is_punct:
            break
        if tok.lower_ == "it" and tok.head.i == cue.i and tok.dep_ == "dobj":
            continue  # "as she put it, '...'": the "it" of the cue is what was said
        src = _resolve(ctx, tok, strict=True)
        if src is not None:
            return src
    return None


_OBJECTS = frozenset(("dobj", "pobj", "dative", "iobj", "attr", "oprd"))


def _in_object(ctx: _Context, tok: Token) -> bool:
    """Whether ``tok`` stands in an object's phrase ("told [his supporters]", "an email to
    [supporters]"): an object is spoken to or about, never the one who speaks. A parse that
    hangs the name on a word inside the quotation before it says nothing about that."""
    head = tok
    for _ in range(4):
        if _inside_quote(ctx, head.head.idx):
            return False
        if head.dep_ in _OBJECTS:
            return True
        if head.dep_ not in ("compound", "flat", "amod", "det", "poss", "nummod", "appos"):
            return False
        head = head.head
    return False


def _resolve(ctx: _Context, tok: Token, strict: bool = False) -> _Source | None:
    """Turn a subject token into a source: a named mention in its phrase, a pronoun's
    antecedent, or an unnamed person or group described by the phrase."""
    m = _mention_for(ctx, tok)
    if m is not None and m.key and m.type == "Place" and not strict:
        named = _named_after_place(ctx, tok, m)
        if named is not None:
            return named
    if m is not None and m.key:
        written = m.span.slice(ctx.text)
        if m.type != "Place" or (
            not strict and (not written.isupper() or "." in written) and not _dateline(ctx, m)
        ):
            # a country may speak ("Russia denied"), a dateline ("NAIROBI —", "Lima (AP)
            # —") never does; an abbreviation with full stops is no dateline ("the F.B.I.
            # has said")
            return _Source(m.key, _with_kind_before(tok, m))
        return None
    if strict and tok.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME", "MONEY"):
        return None
    low = tok.lower_
    if low in ("i", "we") and tok.pos_ == "PRON" and not _inside_quote(ctx, tok.idx):
        # first person in the article's own voice is its writer (an op-ed, a column)
        return _Source(_writer(ctx), Span(tok.idx, tok.idx + len(tok)))
    if low in ("he", "she", "they", "it") and tok.pos_ == "PRON":
        key = _antecedent(ctx, tok)
        if key is None:
            return _unresolved(ctx, tok) if low != "it" else None
        return _Source(key, Span(tok.idx, tok.idx + len(tok)))
    if _in_headline(ctx, tok.idx):
        return None  # a headline's source must be a name
    # a name in the phrase; also under a head the tagger made an adjective ("The union's
    # secretary-general, Jomo Okelo, dismissed": "general")
    nominal = tok.pos_ in ("NOUN", "PROPN")
    if nominal or any(c.dep_ == "appos" for c in tok.children):
        named = _named_in_phrase(ctx, tok)
        if named is not None:
            return named
    if nominal:
        described = _described(ctx, tok)
        if described is not None:
            return described
        if (
            low in lexicon.PERSON_NOUNS
            or low in lexicon.GROUP_NOUNS
            or low in lexicon.QUANTITY_NOUNS
            or tok.ent_type_ == "NORP"
            or tok.tag_ in ("NNS", "NNPS")
            or not strict
        ):
            return _unnamed(ctx, tok)
    if low in ("who", "that", "which") and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i:
        # "a White House official, who said ...": the relative pronoun stands for the noun
        # it follows; the source as written runs from that noun's phrase to the pronoun, so
        # a reader sees who "who" is
        noun = _issued_before(tok.head.head)
        issuer = _issuer(noun)
        if issuer is not None:
            # "Ana Ruiz released a video that accuses ...": the one who put it out speaks
            src = _resolve(ctx, issuer, strict=True)
            if src is not None:
                return src
        src = _resolve(ctx, noun, strict)
        if src is None:
            return None
        start = min(noun.left_edge.idx, src.span.start)
        return _Source(src.key, Span(start, tok.idx + len(tok)))
    if tok.pos_ == "NUM" and not strict:
        return _unnamed(ctx, tok)
    if (
        (low in lexicon.QUANTITY_NOUNS or low in _PEOPLE_PRONOUNS)
        and tok.pos_ in ("PRON", "DET", "ADJ")
        and (
            tok.dep_ in ("nsubj", "nsubjpass")
            or (low in _PEOPLE_WHO and any(c.dep_ == "relcl" for c in tok.children))
        )
        and not _before_noun(tok)
    ):
        # "Some of Clinton's allies said", "those surveyed say", "most oppose it",
        # "Several said", "Another noted", "among those who said"
        return _unnamed(ctx, tok)
    return None


def _dateline(ctx: _Context, m: Mention) -> bool:
    """Whether a place opens its paragraph as a dateline (:mod:`kg.datelines`): "Lima (AP)
    — ...", "Accra — ...", the wire services' way of saying where a story was filed."""
    line = ctx.text.rfind("\n", 0, m.span.start) + 1
    found = dateline_at(ctx.text, line, any_case=True)
    return found is not None and found.names(m.span.start, m.span.end)


def _dateline_at(ctx: _Context, tok: Token) -> bool:
    """Whether ``tok`` is a place written as a dateline (:func:`_dateline`)."""
    m = _mention_for(ctx, tok)
    return m is not None and m.type == "Place" and _dateline(ctx, m)


def _issued_noun(tok: Token) -> bool:
    """Whether ``tok`` names a thing put out (:data:`_ISSUED_NOUNS`), by its lemma or as
    written ("released data that suggest ...": the tagger's lemma of "data" is "datum")."""
    return tok.lemma_.lower() in _ISSUED_NOUNS or tok.lower_ in _ISSUED_NOUNS


def _issued_before(noun: Token) -> Token:
    """The thing put out that a relative clause describes, when the parse hung the clause
    on the place it was put out on: in "The group posted a message on Twitter that showed
    ..." the message showed it, not Twitter (the object of the verb of putting out, before
    the phrase); else ``noun``."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("on", "in", "to"):
        return noun
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ISSUING_VERBS:
        return noun
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < prep.i), None)
    if obj is None or not _issued_noun(obj):
        return noun
    return obj


def _issuer(noun: Token) -> Token | None:
    """The subject of the verb that put out a document or message, when ``noun`` is that
    document and the verb's object: in "The union has released a video that accuses the
    mayor of ..." or "The ministry posted a message that warned ..." what the video or
    message says is the union's or the ministry's. Only verbs of putting something out
    ("read a report that found ..." leaves the finding to the report)."""
    if noun.dep_ != "dobj" or not _issued_noun(noun):
        return None
    verb = noun.head
    lemma = verb.lemma_.lower()
    if lemma not in _ISSUING_VERBS and not (
        lemma == "put" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    ):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return subjects[0] if subjects else None


#: Pronouns and determiners standing for people not named ("Several said ...", "Another
#: noted ...", "Someone told him ..."), read like "some" or "most".
_PEOPLE_PRONOUNS = frozenset(
    ("those", "these", "several", "another", "everyone", "everybody", "each", "someone", "somebody")
)


#: Quantity words that stand for people before a relative clause ("those who said",
#: "some who warned"); "all that" and "another that" are things.
_PEOPLE_WHO = frozenset(
    ("those", "some", "many", "several", "few", "most", "others", "someone", "everyone")
)


def _before_noun(tok: Token) -> bool:
    """Whether a quantity word is a determiner of the noun after it ("Another renovated
    course has ...", "Several new polls show"), which a parse may still make the subject."""
    doc = tok.doc
    i = tok.i + 1
    while i < len(doc) and doc[i].pos_ == "ADJ":
        i += 1  # "Several new polls"; not "Those close to him"
    return i < len(doc) and doc[i].pos_ in ("NOUN", "PROPN", "NUM")


def _unresolved(ctx: _Context, pron: Token) -> _Source:
    """A person pronoun with no antecedent in reach ("he said" three paragraphs after the
    last name, or in an article that never names him): the statement is still his, so the
    source is the pronoun as written, an unnamed source of its own (one per pronoun and
    paragraph: "he" twice in a paragraph is one person)."""
    para = bisect.bisect_right(ctx.paragraph_starts, pron.idx)
    form = lexicon.PRONOUN_SUBJECT.get(pron.lower_, pron.lower_)  # "He said ... his claim"
    norm = f"\x00pronoun {form} {para}"
    key = ctx.unnamed.get(norm)
    if key is None:
        key = ctx.table.new_entity("UnnamedSource", pron.text).key
        ctx.unnamed[norm] = key
        gender = lexicon.PRONOUN_GENDER.get(form)
        if gender:
            ctx.table.genders[key] = gender
    return _Source(key, Span(pron.idx, pron.idx + len(pron)))


def _writer(ctx: _Context) -> str:
    """The unnamed source standing for the article's writer (one per article)."""
    key = ctx.unnamed.get("\x00writer")
    if key is None:
        key = ctx.table.new_entity("UnnamedSource", "the writer").key
        ctx.unnamed["\x00writer"] = key
    return key


def _named_in_phrase(ctx: _Context, tok: Token) -> _Source | None:
    """A name standing in the subject phrase: "Foreign Minister Sergey Lavrov", or in
    apposition: "The authority’s director, Tomás Ibarguren, said"."""
    partners = [c for c in tok.children if c.dep_ == "appos"]
    if tok.dep_ == "appos":
        partners.append(tok.head)
    closing = _closing_appositive(tok)
    partners += closing
    for p in partners:
        mm = _mention_for(ctx, p)
        other_noun = p in closing and tok.lower_ not in _DESCRIBED_HEADS
        if other_noun and (mm is None or mm.type != "Person"):
            continue  # after any other noun ("A herder in Dukana, Galgalo Boru") a person only
        if mm is not None and mm.key and mm.type in ("Person", "Organization", "NewsOrganization"):
            return _Source(
                mm.key,
                Span(min(_after_dash(tok, p), mm.span.start), mm.span.end)
                if tok.i < p.i
                else mm.span,
            )
    if tok.is_title and tok.lower_ in lexicon.TITLE_HEADS:
        # a name after a post's portfolio, which the parser hangs under it ("Minister of
        # Electricity Kgosi Dlamini denied"): the person whose name ends the phrase
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                mm = _mention_for(ctx, obj)
                end = obj.idx + len(obj)
                if mm is not None and mm.key and mm.type == "Person" and mm.span.end == end:
                    return _Source(mm.key, Span(_phrase_start(tok), mm.span.end))
    for t in tok.children:
        # a name written before another name part is the person ("Hillary Rodham
        # Clinton" parsed as compounds); before a common noun it only describes the
        # people meant ("Sanders supporters", "Clinton aides" are not Sanders or Clinton)
        if t.dep_ == "compound" and t.i < tok.i and tok.pos_ == "PROPN":
            mm = _mention_for(ctx, t)
            if mm is not None and mm.key and mm.type == "Person":
                return _Source(mm.key, mm.span)
        if t.dep_ == "compound" and t.i < tok.i and tok.lower_ in _KIND_AFTER_NAME:
            # "the Labour party", "the Likud party", "the official Xinhua news agency":
            # the organisation or outlet the name is
            mm = _mention_for(ctx, t)
            if mm is not None and mm.key and mm.type in ("Organization", "NewsOrganization"):
                return _Source(mm.key, Span(_phrase_start(tok), tok.idx + len(tok)))
    return _document_author(ctx, tok)


#: Nouns of kinds of organisation that follow the organisation's name: "the Labour party"
#: is Labour, "the Toyota company" Toyota ("the Clinton campaign" is no organisation, and
#: "the ANC alliance" a grouping the ANC leads).
_KIND_AFTER_NAME = (
    lexicon.GENERIC_ORG_NOUNS
    | lexicon.words("party movement federation")
    | (lexicon.OUTLET_NOUNS - lexicon.words("network"))
)


def _with_kind_before(tok: Token, m) -> Span:
    """A body's mention with the words before it in its phrase that say what it is, as
    the source's words: "The Tallinn weekly Meretuul reported" (the phrase, not the name
    alone); other mentions as they stand."""
    if m.type not in ("Organization", "NewsOrganization"):
        return m.span
    before = [t for t in tok.doc[tok.left_edge.i : tok.i + 1] if t.idx < m.span.start]
    if not before or any(t.is_punct or t.dep_ not in ("det", "amod", "compound") for t in before):
        return m.span
    if not any(t.lower_ in _KIND_NOUNS and t.is_lower for t in before):
        return m.span
    return Span(_phrase_start(tok), m.span.end)


def _kind_then_name(subjects: list[Token]) -> tuple[Token, Token] | None:
    """ "The media watchdog Ofcom said", "The video-sharing platform Loopa said", "One
    supporter, Lucas Ferreyra, said": the parse gives the verb two subjects, a common noun
    saying what kind and the name right after it (or in commas after it); the name is who
    speaks, the phrase its words."""
    if len(subjects) < 2:
        return None
    kind, name = subjects[0], subjects[1]
    doc = kind.doc
    # "One supporter, Lucas Ferreyra, said": the name in commas right after the kind
    in_commas = (
        name.left_edge.i == kind.i + 2
        and doc[kind.i + 1].text == ","
        and name.i + 1 < len(doc)
        and doc[name.i + 1].text == ","
    )
    if (
        kind.pos_ == "NOUN"
        and kind.lower_ in _KIND_NOUNS
        and name.pos_ == "PROPN"
        and (name.left_edge.i == kind.i + 1 or in_commas)
    ):
        return kind, name
    return None


#: Nouns that say what kind of speaker a name after them is ("the spokesman", "the media
#: watchdog", "the news affiliate"): not "a defeat President X called the worst".
_KIND_NOUNS = (
    lexicon.PERSON_NOUNS
    | lexicon.TITLE_HEADS
    | lexicon.GROUP_NOUNS
    | lexicon.GENERIC_ORG_NOUNS
    | lexicon.OUTLET_NOUNS
    | lexicon.words(
        """watchdog regulator bureau platform affiliate press frontrunner front-runner
        hacker broadcaster website startup charity utility"""
    )
)


def _named_after_kind(
    ctx: _Context, subjects: list[Token], window: Span | None = None
) -> _Source | None:
    """The named speaker of :func:`_kind_then_name`, the whole phrase as its words; None
    when the subjects are no such pair (or the kind lies outside ``window``) or the name is
    no entity of the article."""
    pair = _kind_then_name(subjects)
    if pair is None:
        return None
    kind, name = pair
    if window is not None and not window.start <= kind.idx < window.end:
        return None
    src = _resolve(ctx, name)
    if src is None or ctx.table.by_key(src.key).type == "UnnamedSource":
        return None
    return _Source(src.key, Span(_phrase_start(kind), src.span.end))


def _after_dash(tok: Token, name: Token) -> int:
    """Where the words of ``tok``'s phrase start when it ends in ``name`` set off after it:
    its start (:func:`_phrase_start`), or after the last dash before the name ("It was no
    accident — Tomas Vega, a spokesman, told ...": the parse made the clause before the
    dash part of the phrase; its words are not the source's). Not after a plural, which
    the names after the dash list the members of."""
    start = _phrase_start(tok)
    if tok.tag_ in ("NNS", "NNPS"):
        return start  # "The three scholars -- Mr. Tribe, ...": the names are the group's
    doc = tok.doc
    dashes = [t for t in doc[tok.left_edge.i : name.left_edge.i] if t.text in ("—", "–", "--")]
    if dashes and dashes[-1].i + 1 < len(doc):
        return max(start, doc[dashes[-1].i + 1].idx)
    return start


def _phrase_start(tok: Token) -> int:
    """Where the words of ``tok``'s phrase start: its left edge, less punctuation the parse
    hung on it (the closing mark of the quotation before "the chief negotiator, ...")."""
    first = tok.left_edge
    while first.i < tok.i and (first.is_punct or first.is_space):
        first = first.doc[first.i + 1]
    return first.idx


def _closing_appositive(tok: Token) -> list[Token]:
    """ "The maker of the branded drug, Bayer, said": the parse hangs the name on the last
    noun of the description ("drug"), but a name set off by commas at the very end of a
    subject phrase names the subject. Only when the description's head is a person noun,
    a title ("the head of the union, Ana Ruiz") or a maker, owner or operator, or, for a
    person's name, any singular noun with an article ("A herder in Dukana, Galgalo Boru,
    said": see :func:`_named_in_phrase`)."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return []
    # "One pastor supporting the mayor, Daniel Mensah of ..., said": "one" counts as "a"
    articled = any(
        (c.dep_ == "det" and c.lower_ in ("a", "an", "the"))
        or (c.dep_ == "nummod" and c.lower_ == "one" and c.i == tok.left_edge.i)
        for c in tok.children
    )
    if tok.lower_ not in _DESCRIBED_HEADS and not (tok.tag_ == "NN" and articled):
        return []
    last = tok.right_edge
    if last.dep_ == "punct" and last.text == "," and last.i > tok.i:
        last = last.doc[last.i - 1]
    return [
        t
        for t in tok.subtree
        if t.dep_ == "appos"
        and t.head.i != tok.i
        and t.right_edge.i == last.i
        and t.doc[t.left_edge.i - 1].text == ","
    ]


_DESCRIBED_HEADS = (
    lexicon.PERSON_NOUNS
    | lexicon.TITLE_HEADS
    | lexicon.words(
        "maker makers owner owners operator operators producer producers manufacturer "
        "manufacturers developer developers parent publisher publishers"
    )
)


#: Verbs that say who made a document: "a report published by", "a survey commissioned by".
_AUTHORING_VERBS = lexicon.words(
    "publish release issue commission conduct write prepare produce compile collect gather "
    "provide supply"
)

#: What an author's name can stand behind: documents, messages ("a statement from the
#: ministry", "a letter by the mayor") and figures someone compiled ("according to figures
#: compiled by the sports daily Lance!").
_AUTHORED_NOUNS = (
    lexicon.FINDING_NOUNS
    | lexicon.CHANNEL_NOUNS
    | lexicon.words("figures data statistics estimates numbers tally records documents")
) - lexicon.words("radio television press conference")

#: Verbs of putting out a document or message ("released a video", "posted a message").
_ISSUING_VERBS = _AUTHORING_VERBS | lexicon.words(
    "post run air launch send unveil file circulate distribute tweet share"
)

#: What such a verb puts out that can say something itself.
_ISSUED_NOUNS = (
    lexicon.CHANNEL_NOUNS
    | _AUTHORED_NOUNS
    | lexicon.words("piece story article book documentary film clip campaign")
)

_AUTHOR_TYPES = frozenset(["Organization", "NewsOrganization", "Person"])


def _document_author(ctx: _Context, tok: Token) -> _Source | None:
    """ "A report published by the Bank of Greece in May warned ...", "a study by the
    University of Toronto found ...": a document whose author the subject phrase names
    speaks for that author. The source as written is the phrase up to the author's name."""
    if tok.lower_ not in _AUTHORED_NOUNS:
        return None
    for child in tok.rights:
        by = None
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            by = child
        elif child.dep_ == "acl" and child.lemma_.lower() in _AUTHORING_VERBS:
            by = next((c for c in child.children if c.dep_ == "agent"), None)
        if by is None:
            continue
        for obj in (c for c in by.children if c.dep_ == "pobj"):
            mm = _mention_for(ctx, obj)
            if mm is not None and mm.key and mm.type in _AUTHOR_TYPES:
                return _Source(mm.key, Span(tok.left_edge.idx, mm.span.end))
            kind = _name_after_kind_noun(ctx, obj) if mm is None else None
            if kind is not None:
                # "published by the independent newspaper Novaya Zarya": the name after
                # the kind noun is the author
                return _Source(kind.key, Span(tok.left_edge.idx, kind.span.end))
            if mm is None and obj.lower_ in lexicon.GROUP_NOUNS:
                # "a statement from the president's office": the office, unnamed
                return _unnamed(ctx, obj)
    return None


def _described(ctx: _Context, tok: Token) -> _Source | None:
    """A definite description of an entity named earlier: "the newspaper" -> the last
    outlet, "the ministry" -> the last organisation whose name has "Ministry", "the
    governor" -> the last person titled governor."""
    det = [c for c in tok.children if c.dep_ == "det"]
    low = tok.lower_
    if not det and low in lexicon.TITLE_HEADS:
        # "Saudi Arabia's crown prince said": a country's post is as definite as "the"
        det = [c for c in tok.children if c.dep_ == "poss" and c.ent_type_ == "GPE"]
        start = min(det[0].subtree, key=lambda t: t.i) if det else None
        holder = _titled_only(ctx, tok, start) if start is not None and start.i < tok.i else None
        return _Source(holder, Span(start.idx, tok.idx + len(tok))) if holder else None
    if not det and low in _BODY_HEADS:
        # "Nigeria's disease control agency said": a country's body, as definite
        det = [c for c in tok.children if c.dep_ == "poss" and c.ent_type_ == "GPE"]
        start = min(det[0].subtree, key=lambda t: t.i) if det else None
        body = _named_body_only(ctx, tok, start) if start is not None and start.i < tok.i else None
        return _Source(body, Span(start.idx, tok.idx + len(tok))) if body else None
    if not det or det[0].lower_ not in ("the", "this"):
        return None
    span = Span(det[0].idx, tok.idx + len(tok))
    if _epithet(tok, det[0]):
        person = _latest_person(ctx, det[0].idx)
        if person is not None:
            return _Source(person, span)
    # "the budget department", "the finance minister": the noun's own common-noun
    # modifiers must be in the name or title it stands for (not the Department of Health,
    # not the health minister); a place ("the Florida senator") says where, not which post
    kinds = [
        c.lower_
        for c in tok.lefts
        if c.dep_ == "compound" and c.i > det[0].i and c.pos_ == "NOUN" and c.is_lower
    ]
    titled = [
        e.key
        for e in ctx.table.entities
        if e.type == "Person"
        and any(
            (low in t.lower().split() or t.lower().split()[-1] in _POST_HEADS.get(low, ()))
            and all(_spelling(k) in {_spelling(w) for w in t.lower().split()} for k in kinds)
            for t in e.titles
        )
    ]
    # "The Monmouth poll": a name in a generic description says whose it is, so only an
    # entity going by that name fits it (a name in a post, "the Treasury secretary", is
    # matched against titles above)
    proper = [
        c.text
        for c in tok.lefts
        if c.dep_ == "compound" and c.i > det[0].i and c.pos_ == "PROPN" and not c.is_lower
    ]
    best: str | None = None
    for m in ctx.table.mentions:
        if m.span.start >= tok.idx or m.key is None:
            continue
        ent = ctx.table.by_key(m.key)
        fits = _fits_description(low, ent, titled)
        if (
            fits is None
            and ent.type in ("Organization", "NewsOrganization")
            and (low in _KIND_AFTER_NAME or low in lexicon.FINDING_NOUNS)
            and ctx.text[m.span.end : m.span.end + len(low) + 1].lower() == f" {low}"
        ):
            # as the article called it: "the Congress party ... The party has called",
            # "the Associated Press report"
            fits = "name"
        if fits == "actor" and proper and not _goes_by(proper, ent):
            continue  # "The Monmouth poll" is not the last pollster's
        if fits == "name" and ent.type != "Person" and not _named_kinds(kinds, ent):
            continue
        if fits == "actor" and not _acts(ctx, m):
            continue  # "a Samsung supplier", "Toyota's plant": named, but doing nothing
        if fits:
            best = m.key
    if best is None and low in lexicon.TITLE_HEADS:
        best = _titled_only(ctx, tok, det[0])  # named after: "the crown prince ... Crown Prince X"
    return _Source(best, span) if best else None


def _goes_by(words: list[str], ent: Entity) -> bool:
    """Whether each of ``words`` is a word of one of the entity's names, or the initial of
    a one-word name ("The Q poll" for Quinnipiac)."""
    names = ent.all_names()
    known = {w.lower() for n in names for w in n.split()}
    initials = {n[0].lower() for n in names if " " not in n and n}
    return all(w.lower() in known or (len(w) == 1 and w.lower() in initials) for w in words)


#: Adjectives saying at what level a post is held, which its title rarely repeats.
_WHERE_POSTS_ARE = lexicon.words("regional provincial local municipal state county district")


def _modifiers_after(tok: Token, start: Token) -> list[str]:
    """The lower-case words a description's noun is modified by after ``start`` (its
    determiner or owner): "crown" in "Saudi Arabia's crown prince", "disease control" in
    "Nigeria's disease control agency"."""
    return [
        c.lower_
        for c in tok.lefts
        if c.dep_ in ("compound", "amod") and c.i > start.i and c.is_lower and c.is_alpha
    ]


def _titled_only(ctx: _Context, tok: Token, det: Token) -> str | None:
    """The one person of the article holding the post a description names with a
    modifier of its own ("the crown prince", "Saudi Arabia's finance minister": every word
    of it in the person's title), wherever the person is named, before or after: news often
    describes first and names later. None for a bare title ("the minister"), which any
    minister fits, and when two people hold such a post."""
    kinds = _modifiers_after(tok, det)
    if not kinds:
        return None
    # "the regional governor": a word saying where the post is need not be in its title
    wanted = {_spelling(w) for w in [*kinds, tok.lower_] if w not in _WHERE_POSTS_ARE}
    holders = {
        e.key
        for e in ctx.table.entities
        if e.type == "Person"
        and any(wanted <= {_spelling(w) for w in t.lower().split()} for t in e.titles)
    }
    return holders.pop() if len(holders) == 1 else None


#: Head nouns of a description of a public body ("the health ministry", "Kenya's revenue
#: authority").
_BODY_HEADS = lexicon.words(
    "ministry department agency authority commission office service council board bureau"
)


def _named_body_only(ctx: _Context, tok: Token, start: Token) -> str | None:
    """The one organisation of the article whose name holds every word a country's body
    is described by ("Nigeria's disease control agency said ..." and, later, "the Nigeria
    Centre for Disease Control and Prevention said"), wherever it is named: news often
    describes a body first and names it later. None for a bare noun ("Kenya's ministry")
    and when two organisations fit."""
    kinds = _modifiers_after(tok, start)
    if not kinds:
        return None
    bodies = {
        e.key for e in ctx.table.entities if e.type == "Organization" and _named_kinds(kinds, e)
    }
    return bodies.pop() if len(bodies) == 1 else None


_AGE = re.compile(r"\d{1,3}-year-old")


def _epithet(tok: Token, det: Token) -> bool:
    """Whether "the <noun>" is an epithet for a person just named: an age ("the
    27-year-old Moroccan", "the 61-year-old") or a nationality alone ("the Moroccan")."""
    if (
        tok.lower_ in lexicon.DEMONYMS
        and tok.text[:1].isupper()
        # "the Swiss are", "the Chinese say": a people, not one of them
        and not tok.lower_.endswith(("ese", "ish", "ch", "ss"))
        and tok.head.tag_ != "VBP"
    ):
        return True
    return any(_AGE.fullmatch(t.text) for t in tok.doc[det.i + 1 : tok.i + 1]) and (
        tok.lower_ not in lexicon.GROUP_NOUNS and tok.tag_ != "NNS"
    )


def _latest_person(ctx: _Context, before: int) -> str | None:
    """The person named last before ``before`` in the same or the previous paragraph."""
    para = bisect.bisect_right(ctx.paragraph_starts, before) - 1
    start = ctx.paragraphs[max(0, para - 1)].start if para >= 0 else 0
    best = None
    for m in ctx.table.mentions:
        if start <= m.span.start < before and m.key and m.type == "Person":
            best = m.key
    return best


def _named_kinds(kinds: list[str], ent: Entity) -> bool:
    """Whether every modifier of a description ("budget" in "the budget department") is a
    word of the entity's name or of one of its aliases."""
    if not kinds:
        return True
    names = [{_spelling(w) for w in n.lower().split()} for n in ent.all_names()]
    return any(all(_spelling(k) in words for k in kinds) for words in names)


#: One spelling for words news writes two ways ("the defence ministry" for the Ministry
#: of Defense).
#: Titles a description names by another word: "the judge" is Justice X (a title that
#: ends so: "Justice", "Chief Justice", not the justice minister).
_POST_HEADS = {"judge": ("justice",)}

_SPELLINGS = {
    "defence": "defense",
    "labour": "labor",
    "programme": "program",
    "transportation": "transport",
    "organisation": "organization",
    "centre": "center",
}


def _spelling(word: str) -> str:
    return _SPELLINGS.get(word, word)


def _fits_description(noun: str, ent: Entity, titled: list[str]) -> str | None:
    """Whether "the <noun>" can stand for ``ent``: "name" when the entity's own name or
    title says so ("the ministry" for the Ministry of Health, "the governor"), "actor" when
    only a generic noun links them ("the company", "the report") and so the entity must
    have acted where it was named (:func:`_acts`), None when it cannot."""
    if ent.type == "NewsOrganization" and noun in lexicon.OUTLET_NOUNS:
        return "name"
    if ent.type == "UnnamedSource":
        # "a senior official ... the official said"
        return "name" if ent.name.lower().split()[-1] == noun else None
    if ent.type in ("Organization", "NewsOrganization"):
        if noun in ent.name.lower().split():
            return "name"
        if noun in lexicon.GENERIC_ORG_NOUNS or (
            noun in lexicon.FINDING_NOUNS and ent.type == "Organization"
        ):
            return "actor"
        return None
    return "name" if ent.key in titled else None


def _acts(ctx: _Context, m: Mention) -> bool:
    """Whether a mention names someone acting: the subject of a clause ("Amnesty
    International interviewed 40 workers"), the agent of a passive or of a finding ("a study
    by the University of Toronto"), or the owner of a finding or channel ("Amnesty's
    report"). A name inside another phrase ("at a Samsung supplier", "Toyota's plant") only
    appears there, and "the company said" two sentences on is not its word."""
    span = ctx.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
        head = head.head
    if head.dep_ in ("nsubj", "nsubjpass"):
        # not inside what someone reported ("the report said the fire service had
        # cancelled three burns"): there it is what the words are about, not who spoke
        return not _in_reported_clause(head.head)
    if head.dep_ == "pobj" and head.head.lower_ in ("by", "from"):
        # "a study by the University of Toronto", "was fined by the regulator"; not
        # "monitors from the United Nations", where it only says where they come from
        prep = head.head
        return prep.dep_ == "agent" or prep.head.lemma_.lower() in (
            lexicon.FINDING_NOUNS | lexicon.CHANNEL_NOUNS | _AUTHORED_NOUNS
        )
    nouns = lexicon.FINDING_NOUNS | lexicon.CHANNEL_NOUNS
    return head.dep_ == "poss" and head.head.lemma_.lower() in nouns


def _in_reported_clause(verb: Token) -> bool:
    """Whether a clause is the complement of a verb of saying or finding ("said (that)
    X had cancelled", "found that X ignored")."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return False
    lemma = verb.head.lemma_.lower()
    return lemma in lexicon.SPEECH_VERBS or lemma in lexicon.FINDING_VERBS


_ARTICLE = re.compile(r"^(?:the|a|an|one|another|some)\s+")


def _mention_for(ctx: _Context, tok: Token) -> Mention | None:
    return ctx.table.at(tok.idx)


def _named_after_place(ctx: _Context, tok: Token, place: Mention) -> _Source | None:
    """ "According to Transparency International Georgia", "Amnesty International UK said":
    a name NER missed whose last word is a place it found. The source is the organisation
    the whole name names (an entity of its own, with this mention), never the country."""
    names = [
        c
        for c in tok.lefts
        if c.dep_ == "compound" and c.text[:1].isupper() and c.idx < place.span.start
    ]
    if not names or tok.idx < place.span.start:
        return None
    start = min(c.left_edge.idx for c in names)
    while ctx.text[start : start + 4].lower() == "the ":
        start += 4
    span = Span(start, place.span.end)
    phrase = span.slice(ctx.text)
    norm = "\x00organisation " + phrase
    key = ctx.unnamed.get(norm)
    if key is None:
        key = ctx.table.new_entity("Organization", phrase).key
        ctx.unnamed[norm] = key
    return _mentioned(ctx, key, span, phrase, "Organization")


def _unnamed(ctx: _Context, head: Token) -> _Source:
    """An unnamed source described by the noun phrase around ``head`` ("One gay man",
    "a senior official", "sources close to the talks")."""
    left = head
    for t in head.subtree:
        if t.i < head.i and t.dep_ not in ("punct",):
            left = t
            break
    right = head
    for child in head.rights:
        if (
            child.dep_ == "prep"
            and child.lower_ in ("for", "of", "at", "with", "close", "familiar", "in")
            or child.dep_ in ("amod",)
            and child.lower_ in ("close", "familiar")
        ):
            right = max(child.subtree, key=lambda t: t.i)
        else:
            break
    while right.i > left.i and right.is_punct:
        right = right.doc[right.i - 1]  # "officials in Kenya," : the comma ends the phrase
    return _unnamed_span(ctx, Span(left.idx, right.idx + len(right)), head.lower_)


#: The gender a person noun says ("a spokeswoman", "the man").
_NOUN_GENDER = {
    **dict.fromkeys(
        lexicon.words(
            "man men father son brother boy husband spokesman fisherman fishermen policeman dad"
        ),
        "male",
    ),
    **dict.fromkeys(
        lexicon.words("woman women mother daughter sister girl wife spokeswoman policewoman mom"),
        "female",
    ),
}


_RELATIVE_TAIL = re.compile(r"\s*,\s*(?:who|whom)\b.*$", re.DOTALL)


def _unnamed_span(ctx: _Context, span: Span, head: str = "") -> _Source:
    """The unnamed source the words of ``span`` describe (one entity per description in an
    article); ``head`` is the phrase's head noun, which may say the gender."""
    phrase = span.slice(ctx.text)
    # the description, without a relative clause set off after it ("A senior official at
    # the mining office, who spoke on condition of anonymity because ..." is "A senior
    # official at the mining office"): the mention keeps every word of the span
    name = _RELATIVE_TAIL.sub("", phrase) or phrase
    norm = _ARTICLE.sub("", name.lower())
    key = ctx.unnamed.get(norm)
    if key is None:
        ent = ctx.table.new_entity("UnnamedSource", name)
        key = ent.key
        ctx.unnamed[norm] = key
        gender = _NOUN_GENDER.get(head)
        if gender:
            ctx.table.genders[key] = gender
    return _mentioned(ctx, key, span, phrase, "UnnamedSource")


def _mentioned(ctx: _Context, key: str, span: Span, phrase: str, type_: str) -> _Source:
    """A source the rules named themselves: its words become a mention of entity ``key`` in
    the article's table (so later lookups by offset find it), and the source."""
    ctx.table.by_key(key).mentions.append(span)
    ctx.table.mentions.append(Mention(span, phrase, type_, key))
    ctx.table.index()
    return _Source(key, span)


class _Candidate(NamedTuple):
    """A subject a pronoun may go back to."""

    token: Token
    entity: str | None  # its entity, or None for a person noun resolved only if chosen
    reported: bool  # inside a clause a verb reports (:func:`_in_report`)


def _antecedent(ctx: _Context, pron: Token) -> str | None:
    """The entity a pronoun stands for: the most recent subject outside quotations, in this
    or the two previous paragraphs, that agrees with it (he/she: a person of that gender or
    of unknown gender; it/they: an organisation or a group), preferring in its sentence
    the subject of the main clause (:func:`_latest`)."""
    form = lexicon.PRONOUN_SUBJECT.get(pron.lower_, pron.lower_)  # "his" as "he"
    gender = lexicon.PRONOUN_GENDER.get(form)
    wants_person = form in ("he", "she", "i")
    para_start = _paragraph_start(ctx, pron.idx, back=2)
    candidates: list[_Candidate] = []
    fallback: list[_Candidate] = []
    window = ctx.doc.char_span(para_start, pron.idx, alignment_mode="expand")
    for tok in window if window is not None else ():
        if tok.idx >= pron.idx:
            break
        if _inside_quote(ctx, tok.idx) or _blocked_at(ctx, tok.idx):
            continue
        m = _mention_for(ctx, tok)
        if m is None or m.key is None:
            if (
                tok.dep_ in ("nsubj", "nsubjpass")
                and (tok.lower_ in lexicon.PERSON_NOUNS or tok.lower_ in lexicon.TITLE_HEADS)
                and _noun_agrees(tok, form, gender)
            ):
                # "The rebels' commander struck a cautious tone. He told ...": a person
                # described, resolved only if chosen (making its source is not free: it
                # becomes a mention of the article)
                candidates.append(_Candidate(tok, None, _in_report(tok)))
            continue
        if not _agrees(ctx, m, gender, wants_person, form):
            continue
        (
            candidates if tok.dep_ in ("nsubj", "nsubjpass") or _subject_phrase(tok) else fallback
        ).append(_Candidate(tok, m.key, _in_report(tok)))
    if candidates:
        chosen = _latest(candidates)
        return chosen.entity or _person_described(ctx, chosen.token)
    return fallback[-1].entity if fallback else None


def _person_described(ctx: _Context, noun: Token) -> str:
    """The entity a person noun a pronoun goes back to stands for: the name in its phrase
    ("Santilli's attorney, Thomas Coan"), the person named earlier by that title ("the
    governor"), else the unnamed source it describes."""
    src = _named_in_phrase(ctx, noun) or _described(ctx, noun) or _unnamed(ctx, noun)
    return src.key


def _in_report(tok: Token) -> bool:
    """Whether ``tok`` stands inside a clause a verb reports ("The ministry said monitors
    from the United Nations would verify ...": the United Nations)."""
    head = tok
    while head.head.i != head.i:
        if head.dep_ == "ccomp":
            return True
        head = head.head
    return False


def _latest(candidates: list[_Candidate]) -> _Candidate:
    """The antecedent among subjects that agree: the latest, but in the sentence of the
    latest, the one that is not inside what the sentence reports ("The ministry said
    monitors from the United Nations would verify compliance. It did not say ...": the
    ministry, whose words those were, not the United Nations)."""
    last = candidates[-1]
    if not last.reported:
        return last
    start = last.token.sent.start
    main = [c for c in candidates if c.token.i >= start and not c.reported]
    return main[-1] if main else last


def _noun_agrees(noun: Token, form: str, gender: str | None) -> bool:
    """Whether a person noun can be what a pronoun stands for: "she" is no "nurses" (a
    plural is "they") and no "the man"."""
    plural = noun.tag_ in ("NNS", "NNPS")
    if form in ("he", "she", "i"):
        said = _NOUN_GENDER.get(noun.lower_)
        return not plural and (gender is None or said is None or said == gender)
    return form != "they" or plural


def _subject_phrase(tok: Token) -> bool:
    head = tok
    while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")


def _agrees(ctx: _Context, m: Mention, gender: str | None, wants_person: bool, pron: str) -> bool:
    if wants_person:
        if m.type not in ("Person", "UnnamedSource"):
            return False
        if m.type == "UnnamedSource" and not _one_person(ctx.table.by_key(m.key).name):
            return False  # "he" is no poll and no "Delegates"
        known = ctx.table.genders.get(m.key)
        return gender is None or known is None or known == gender
    if pron == "it":
        # an organisation, or a thing that speaks ("the statement", "the ministry")
        return m.type in ("Organization", "NewsOrganization") or (
            m.type == "UnnamedSource" and _speaking_thing(ctx.table.by_key(m.key).name)
        )
    return m.type in ("Organization", "NewsOrganization", "UnnamedSource", "Person")


_AFTER_HEAD = re.compile(r"\s(?:for|of|at|in|from|with|on|to|who|which|that)\s|,")


def _head_word(name: str) -> str:
    """The head noun of an unnamed source's words, lower case: the last word before a
    preposition, a comma or a relative clause ("A spokeswoman for the state Department of
    Highways" -> "spokeswoman")."""
    words = _AFTER_HEAD.split(name, maxsplit=1)[0].lower().split()
    return words[-1] if words else ""


def _one_person(name: str) -> bool:
    """Whether an unnamed source can be "he" or "she": not a plural ("Delegates", "Two
    women", "Local people", "the police") and not a thing or a body ("a poll", "the
    ministry"); any other description may be one person ("The defendant", "The
    Brazilian", "a fan")."""
    head = _head_word(name)
    return bool(head) and not (_plural_head(head) or head in _THING_NOUNS)


def _speaking_thing(name: str) -> bool:
    """Whether an unnamed source can be "it": a document, a channel or a body that
    speaks ("The statement", "the ruling", "the ministry"), not a person ("The
    plaintiff") and not a plural."""
    head = _head_word(name)
    return head in _THING_NOUNS and not _plural_head(head)


#: Heads of unnamed sources that are things or bodies, not people.
_THING_NOUNS = (
    lexicon.FINDING_NOUNS
    | lexicon.CHANNEL_NOUNS
    | lexicon.GROUP_NOUNS
    | lexicon.GENERIC_ORG_NOUNS
    | lexicon.OUTLET_NOUNS
    | lexicon.words(
        """ruling decision order judgment judgement verdict document filing book website
        constitution law bill act treaty agreement deal plan proposal charter manifesto
        platform budget contract resolution city town county state province region
        municipality country nation"""
    )
) - lexicon.words("police authorities")

#: Plurals that do not end in "s", and collectives that take "they".
_PLURAL_HEADS = lexicon.words("people police men women children fishermen staff crowd folks")


def _plural_head(head: str) -> bool:
    return head in _PLURAL_HEADS or (
        head.endswith("s") and not head.endswith(("ss", "us", "is")) and len(head) > 3
    )


def _after_opening_participle(subj: Token) -> Token:
    """The subject after an opening participle phrase that the parse took for the subject:
    in "Writing on X, the commerce secretary, Dana Whitfield, said ..." the model may make
    "Writing" the subject of "said" and the secretary a noun in apposition inside its
    phrase. The last noun set off by a comma in that phrase is the subject."""
    if subj.tag_ != "VBG" or subj.dep_ != "nsubj" or subj.i != subj.sent.start:
        return subj
    doc = subj.doc
    found = subj
    for c in subj.subtree:
        first = c.left_edge.i
        if (
            c.i > subj.i
            and c.dep_ in ("npadvmod", "appos", "nsubj", "dobj")
            and c.pos_ in ("NOUN", "PROPN")
            and first > 0
            and doc[first - 1].text == ","
        ):
            found = c
    return found


def _clause_subject(subj: Token) -> Token:
    """The subject of a clause the parse has run into the object of the clause before:
    in "The team lost the match and Ruiz said ..." the model may make "the match and Ruiz"
    the subject of "said"; a coordinated subject that directly follows a verb (no comma,
    no conjunction before it) is that verb's object and the last conjunct is the subject."""
    conjs = [c for c in subj.children if c.dep_ == "conj"]
    first = subj.left_edge.i
    # the first conjunct a common noun ("won a state and Phiri said"): two names joined
    # by "and" are a subject of two ("The court heard Ahmed and Khan admitted ...")
    if not conjs or first == 0 or subj.pos_ != "NOUN" or subj.head.i < subj.i:
        return subj
    before = subj.doc[first - 1]
    last = conjs[-1]
    if (
        before.pos_ in ("VERB", "AUX")
        and before.i >= subj.sent.start
        and last.pos_ in ("PROPN", "PRON")
    ):
        return last
    return subj


def _stray_subject(verb: Token) -> Token | None:
    """The subject the parse has hung on the object before a verb that has none: in "The
    club has lost a game and Silva suggested ..." the model may make "Silva" a conjunct of
    "game" and "suggested" a conjunct of "lost"; a name right before the verb (adverbs
    aside), joined by "and" to the object of the clause before, is the verb's subject."""
    doc = verb.doc
    i = verb.i - 1
    while i > verb.sent.start and doc[i].pos_ == "ADV":
        i -= 1
    name = doc[i]
    if (
        name.pos_ != "PROPN"
        or name.dep_ != "conj"
        or name.head.dep_ not in ("dobj", "pobj")
        or name.left_edge.i == 0
        or doc[name.left_edge.i - 1].lower_ != "and"
    ):
        return None
    return name


def _outer_subjects(verb: Token) -> list[Token]:
    """The subjects of the verb of saying whose reported clause the parse joined ``verb``
    to, when ``verb`` is that speaker's second act of saying (:func:`_outer_cue`)."""
    outer = _outer_cue(verb)
    return [c for c in outer.children if c.dep_ == "nsubj"] if outer is not None else []


def _controller(verb: Token) -> list[Token]:
    """The understood subject of a verb of saying that has none of its own: "began by
    telling progressives to ...", "after saying ... and adding that ...", "took to Twitter
    to say ...", "led Republicans to say ..." (:func:`_caused_speakers`). Climbs at most
    three steps up the parse. Only for verbs of saying: for others ("decided to back", "a
    video of X talking") it was measured to pick the wrong source too often."""
    # "said the agents were warned, adding: “...”": the first verb's speaker
    subjects = _outer_subjects(verb)
    if subjects:
        return subjects
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ == "NOUN":
        # "released a statement saying ...": the statement's issuer; "a report showing ...":
        # the report itself
        noun = verb.head
        if noun.lemma_.lower() in lexicon.CHANNEL_NOUNS | lexicon.FINDING_NOUNS:
            if noun.dep_ == "dobj":
                issuers = [c for c in noun.head.children if c.dep_ == "nsubj"]
                if issuers:
                    return issuers
            return [noun]
        return []
    if verb.dep_ in ("xcomp", "advcl") and verb.tag_ in ("VB", "VBG"):
        # "urged voters to ..., warning that ...", "took to Twitter to say ..."; not "left
        # many nurses to question ...", where the object would say it
        if _object_controls(verb):
            return _caused_speakers(verb)
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.ONWARD_VERBS:
        # "went on to call Cruz ...", "continued to question his temperament"; with no
        # subject of its own ("... and moved to stress"), on up the parse below
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects
    tok = verb
    for _ in range(4):
        if tok.dep_ == "conj":
            tok = tok.head
        elif tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok = tok.head.head
        elif tok.dep_ in ("xcomp", "advcl") and tok.tag_ in ("VB", "VBG"):
            # "sought to regain the initiative by pledging ...", "calling them liars and
            # vowing to ...": on through the verb a non-finite one hangs on, unless that
            # verb has an object, who would then be the one to act ("urged voters to ...")
            if _object_controls(tok):
                return []
            tok = tok.head
        elif tok.dep_ == "acomp" and tok.pos_ == "ADJ":
            tok = tok.head  # "were quick to point out", "are more likely to say"
        else:
            return []
        # "The minister was quoted by local media as saying ...": the one quoted
        passive = tok.lemma_.lower() in _QUOTED_PASSIVES
        subjects = [
            c for c in tok.children if c.dep_ == "nsubj" or (passive and c.dep_ == "nsubjpass")
        ]
        if subjects:
            return subjects
    return []


def _object_controls(verb: Token) -> bool:
    """Whether the object of the verb a to-infinitive hangs on is the one who does it
    ("urged voters to ...", "left many nurses to question ...")."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() in _OBJECT_CONTROL
        and any(c.dep_ in ("dobj", "dative") for c in head.children)
    )


def _caused_speakers(verb: Token) -> list[Token]:
    """The object of a verb that makes someone say something, who says it: "The timing led
    Republicans to say that ...", "prompted the board to announce ...", "forced the
    minister to acknowledge ...". Only for verbs of causing (:data:`_CAUSING`): one urged
    or asked to say something ("urged voters to reject ...") has not said it."""
    head = verb.head
    if head.lemma_.lower() not in _CAUSING:
        return []
    return [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i][:1]


#: Verbs that make their object do what the infinitive says ("led them to say").
_CAUSING = lexicon.words("lead prompt cause drive inspire force compel spur get")


#: Verbs whose object does what the infinitive after it says ("urged voters to ...",
#: "asked the court to ..."); with "used the speech to attack ..." the subject does.
_OBJECT_CONTROL = lexicon.SPEECH_VERBS | lexicon.words(
    """want expect force allow persuade encourage help lead get cause order pressure press
    push convince invite require enable need inspire drive prompt leave have keep see hear
    watch find send"""
)

#: Passives whose subject is the one whose words follow, through "as" ("was quoted as
#: saying", "was cited as saying").
_QUOTED_PASSIVES = lexicon.words("quote cite hear record report film")


def _name_opening(ctx: _Context, verb: Token) -> _Source | None:
    """The named person or organisation opening the sentence, when everything between
    it and a verb of saying that lost its subject is one aside set off by commas or dashes
    ("Jeffrey Okafor, a Lagos, Nigeria, pastor helping to organize the boycott, said ...":
    commas inside the aside, which the parse makes a clause of its own). Not when a verb
    of saying stands in the aside, which then has its own speaker."""
    doc = ctx.doc
    sent = verb.sent
    i = sent.start
    while i < verb.i and (doc[i].is_space or doc[i].is_punct or doc[i].pos_ in ("CCONJ", "ADV")):
        i += 1
    if i >= verb.i or _inside_quote(ctx, doc[i].idx):
        return None
    m = _mention_for(ctx, doc[i])
    if m is None or not m.key or m.type not in ("Person", "Organization", "NewsOrganization"):
        return None
    if m.span.start != doc[i].idx:
        return None
    k = i
    while k + 1 < verb.i and doc[k + 1].idx < m.span.end:
        k += 1
    j = verb.i - 1
    while j > k and doc[j].head.i == verb.i and doc[j].dep_ in ("advmod", "npadvmod"):
        j = doc[j].left_edge.i - 1  # "also", "last week"
    if not _aside_mark(doc[k + 1]) or not _aside_mark(doc[j]) or j <= k + 1 or verb.i - k > 40:
        return None
    if any(t.pos_ == "VERB" and t.lemma_.lower() in lexicon.SPEECH_VERBS for t in doc[k + 1 : j]):
        return None
    return _Source(m.key, m.span)


_ASIDE_MARKS = frozenset((",", "—", "–", "--"))


def _aside_mark(tok: Token) -> bool:
    """Whether ``tok`` sets off an aside: a comma or a dash, also a hyphen typed with a
    space on both sides for one ("Ana Ruiz, director of the group - which backs the plan -
    said")."""
    if tok.text in _ASIDE_MARKS:
        return True
    doc = tok.doc
    return (
        tok.text == "-" and tok.i > 0 and bool(doc[tok.i - 1].whitespace_) and bool(tok.whitespace_)
    )


def _name_before(ctx: _Context, verb: Token) -> _Source | None:
    """A named person or organisation ending right before ``verb``, stepping back over
    adverbs ("also", "later") and up to two asides set off by commas or brackets (", 44,",
    "(D-Conn.)", ", meanwhile, who has no such endorsements,")."""
    i = verb.i - 1
    doc = ctx.doc
    start = verb.sent.start
    while i > start and doc[i].pos_ == "ADV" and doc[i].head.i == verb.i:
        i -= 1
    for _ in range(2):
        if i < 0 or doc[i].text not in (",", ")"):
            break
        close = doc[i].text
        opener = "," if close == "," else "("
        j = i - 1
        # a title may run long ("the club's 78-year-old president and general manager,")
        while j >= start and i - j <= 20 and doc[j].text != opener:
            j -= 1
        if j < start or doc[j].text != opener:
            return None
        if (
            close == ","
            and i - j > 12
            and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[j + 1 : i])
        ):
            # a clause of its own ("..., sources say it was the leaders,"); brackets set
            # off an aside whatever it holds ("Sen. Ruiz (a Democrat so young he has been
            # taken for an intern) says")
            return None
        # ", meanwhile, who ...,": the comma that opens one aside closes the one before
        shared = j - 2 > start and doc[j - 1].pos_ == "ADV" and doc[j - 2].text == ","
        i = j if shared else j - 1
    if i < 0 or _inside_quote(ctx, doc[i].idx):
        return None
    m = _mention_for(ctx, doc[i])
    if m is None or not m.key or m.type not in ("Person", "Organization", "NewsOrganization"):
        return None
    if doc[i].pos_ != "PROPN" and m.type != "Person":
        return None  # (the tagger may make a known surname a plural noun: "Sanders")
    return _Source(m.key, m.span)
