"""The state one article's attribution works on (:class:`_Context`), the source and cue records,
and small span and token helpers every other attribution module uses; it sits at the bottom
of the package so that the others can import it without cycles.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Doc, Token

from kg.extract import lexicon
from kg.extract.entities import EntityTable
from kg.extract.quotes import Quote
from kg.model import Span, Statement, StatementKind


@dataclass
class _Source:
    key: str
    span: Span


@dataclass
class _Cue:
    token: Token
    span: Span
    text: str
    kind: StatementKind


@dataclass
class _Context:
    doc: Doc
    text: str
    table: EntityTable
    quotes: list[Quote]
    blocked: list[Span]
    quote_spans: list[Span] = field(default_factory=list)
    quote_starts: list[int] = field(default_factory=list)  # each quote's content start, sorted
    used_tokens: set[int] = field(default_factory=set)
    unnamed: dict[str, str] = field(default_factory=dict)  # normalised phrase -> key
    paragraphs: list[Span] = field(default_factory=list)
    paragraph_starts: list[int] = field(default_factory=list)  # for bisection
    # per-character flags, so "is this inside a quotation / blocked?" costs one lookup
    headline: Span | None = None
    quote_mask: bytearray = field(default_factory=bytearray)
    block_mask: bytearray = field(default_factory=bytearray)


def _mask(length: int, spans: list[Span]) -> bytearray:
    flags = bytearray(length + 1)
    for s in spans:
        flags[s.start : s.end] = b"\x01" * (s.end - s.start)
    return flags


def _is_cue_token(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    # "as the coach put it, '...'": "put it" is a way of saying; "put it on the bench" is
    # not ("put it to the witness" still is)
    return lemma in lexicon.SPEECH_VERBS or (
        lemma == "put"
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
        and not any(c.dep_ in ("prep", "prt") and c.lower_ != "to" for c in tok.children)
    )


def _next_lower(tok: Token) -> str:
    return tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""


def _make_cue(ctx: _Context, tok: Token, source: Span | None) -> _Cue:
    """The cue as written: the verb (with particle), extended by a channel phrase ("said in
    their report", "said in a statement"); "according to" as two words."""
    doc = ctx.doc
    start, end = tok.idx, tok.idx + len(tok)
    lemma = tok.lemma_.lower()
    channel = None
    if tok.lower_ == "according":
        end = doc[tok.i + 1].idx + len(doc[tok.i + 1])
        lemma = "according to"
    else:
        for child in tok.children:
            if child.dep_ == "prt" and child.i == tok.i + 1:
                end = child.idx + len(child)
        j = tok.i + 1
        while j < len(doc) and doc[j].idx < end:
            j += 1
        if j < len(doc) and doc[j].lower_ == "in":
            k = j + 1
            while k < len(doc) and k <= j + 3 and doc[k].lower_ not in lexicon.CHANNEL_NOUNS:
                if doc[k].is_punct:
                    break
                k += 1
            if k < len(doc) and doc[k].lower_ in lexicon.CHANNEL_NOUNS and k <= j + 3:
                end = doc[k].idx + len(doc[k])
                channel = doc[k].lower_
    span = Span(start, end)
    return _Cue(tok, span, span.slice(ctx.text), _cue_kind(lemma, channel))


def _cue_kind(lemma: str, channel: str | None = None) -> StatementKind:
    """What a cue makes of its statement: a denial ("denied"), a finding ("found", "said in
    its report"), or a plain statement."""
    if lemma in lexicon.DENIAL_VERBS:
        return "Denial"
    if lemma in lexicon.FINDING_VERBS or channel in lexicon.FINDING_NOUNS:
        return "Finding"
    return "Statement"


def _reported(
    ctx: _Context,
    cue: _Cue,
    source: _Source,
    content: Span | list[Span],
    *,
    rule: str,
    via: str | None = None,
    kind: StatementKind | None = None,
) -> Statement:
    """A statement of reported speech (not verbatim; one content piece or several, joined
    by a space in its text) found by ``rule``; its kind is the cue's unless given."""
    pieces = content if isinstance(content, list) else [content]
    return Statement(
        kind=kind or cue.kind,
        speaker=source.key,
        content=pieces,
        text=" ".join(p.slice(ctx.text) for p in pieces),
        cue=cue.text,
        direct=False,
        cue_span=cue.span,
        source_span=source.span,
        via=via,
        rule=rule,
    )


def _trim_span(ctx: _Context, span: Span) -> Span:
    """Drop surrounding spaces and stray punctuation so the span shows the words."""
    text = ctx.text
    start, end = span.start, span.end
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    # a conjunction left dangling where a second cue took over ("says the budget is
    # balanced and said on Tuesday that ...")
    for word in (" and", " but", " or"):
        if text.endswith(word, start, end) and end - start > len(word):
            end -= len(word)
            while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
                end -= 1
            break
    # a quotation mark left without its partner ("“surnames" from "demand “surnames,”")
    if (
        end - start > 1
        and text[start] in "“‘"
        and not any(c in "”’" for c in text[start + 1 : end])
    ):
        start += 1
    if end - start > 1 and text[end - 1] == "”" and "“" not in text[start : end - 1]:
        end -= 1
    return Span(start, end)


#: Finite verb forms: a reporter's own verbs of saying ("says ... and tells ...").
_FINITE = frozenset(("VBD", "VBZ", "VBP"))


def _perfect(verb: Token) -> bool:
    """Whether a past participle is a perfect tense ("has said", "had warned")."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children
    )


def _outer_cue(verb: Token) -> Token | None:
    """The verb of saying whose reported clause the parse has joined ``verb`` to, when
    ``verb`` is the reporter's second act of saying by the same speaker: in "The coach said
    the squad was tired and warned that the final would be hard" the model hangs "warned"
    on "was". A verb of saying in the cue's own tense with no subject of its own is the
    reporter going on about the speaker (two statements); a bare verb is still the
    speaker's ("said she would stay and fight"), as is one with a subject of its own. So is
    a participle of saying after a comma or dash ("said waiting lists had grown, warning
    that ..."). Not when the clause it is joined to has a subject that can speak itself:
    in "The ministry said inspectors visited the plant and found that ..." the inspectors
    found it, and in "The witness said the driver shouted at her and threatened to ..."
    the driver threatened; only "added" is the reporter's own word whatever the subject."""
    # "said A, adding that B": a participle of saying after a comma or dash
    participle = (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.left_edge.i > 0
        and verb.doc[verb.left_edge.i - 1].text in (",", "—", "–", "--")
    )
    if (
        not (participle or (verb.dep_ == "conj" and (verb.tag_ in _FINITE or _perfect(verb))))
        or verb.pos_ != "VERB"
        or verb.lemma_.lower() not in lexicon.SPEECH_VERBS
        or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    ):
        return None
    clause = verb.head
    for _ in range(4):
        if clause.dep_ == "ccomp":
            break
        if clause.dep_ not in ("conj", "advcl", "xcomp") or clause.head is clause:
            return None
        clause = clause.head
    else:
        return None
    cue = clause.head
    if (
        cue.i > clause.i
        or not (cue.tag_ in _FINITE or _perfect(cue))
        or cue.lemma_.lower() not in lexicon.SPEECH_VERBS
        or (not participle and cue.tag_ != verb.tag_ and "VBD" in (cue.tag_, verb.tag_))
    ):
        return None
    if _inner_actor(verb, clause, cue, participle):
        return None
    return cue


def _inner_actor(verb: Token, clause: Token, cue: Token, participle: bool) -> bool:
    """Whether ``verb`` is rather what the reported clause's own subject did: joined to an
    action of that subject ("said inspectors visited the plant and found that ...", "the
    driver shouted at her and threatened to ...") by a subject that can act. Not after a
    state ("said Mr. Ruiz was ignorant of the law and criticized him": the speaker
    criticized), not a second verb like the first ("said ... and said"), not "added", and
    not a participle after a comma, which news hangs on the speaker."""
    head = verb.head
    if (
        participle
        or verb.lemma_.lower() in ("add", cue.lemma_.lower())
        or head.pos_ != "VERB"
        or head.lemma_.lower() == "be"
        or head.tag_ != verb.tag_
    ):
        return False
    return any(_can_speak(c) for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))


def _can_speak(subject: Token) -> bool:
    """Whether a clause's subject could say or do what a verb of saying says, as someone
    other than the speaker: a person, an organisation, a people or a country as NER has
    them, or a noun for people, a group or a body ("inspectors", "the driver", "the
    company"); not "prices", "the squad's legs" or "waiting lists", and not a pronoun."""
    if subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    low = subject.lower_
    if subject.pos_ == "PRON":
        # in what a speaker is reported to say, "he", "she" or "it" is most often the
        # speaker ("The minister said she had met the unions and warned that ..."), whose
        # second act of saying it then is either way
        return False
    lemma = subject.lemma_.lower()
    return any(
        w in words
        for w in (low, lemma)
        for words in (
            lexicon.PERSON_NOUNS,
            lexicon.GROUP_NOUNS,
            lexicon.GENERIC_ORG_NOUNS,
            lexicon.TITLE_HEADS,
        )
    ) or (subject.pos_ == "PROPN")


def _in_subtree(tok: Token, root: Token) -> bool:
    return root.left_edge.i <= tok.i <= root.right_edge.i


def _add_piece(ctx: _Context, st: Statement, piece: Span) -> None:
    st.content.append(piece)
    st.text = " ".join(p.slice(ctx.text) for p in st.content)


def _tokens(ctx: _Context, span: Span) -> list[Token]:
    out = []
    cs = ctx.doc.char_span(span.start, span.end, alignment_mode="contract")
    if cs is None:
        return out
    return [t for t in cs if not t.is_space]


def _in_headline(ctx: _Context, char: int) -> bool:
    return ctx.headline is not None and ctx.headline.start <= char < ctx.headline.end


def _inside_quote(ctx: _Context, char: int) -> bool:
    return bool(ctx.quote_mask[char])


def _blocked(ctx: _Context, span: Span) -> bool:
    return any(b.start < span.end and span.start < b.end for b in ctx.blocked)


def _blocked_at(ctx: _Context, char: int) -> bool:
    return bool(ctx.block_mask[char])


def _paragraph_start(ctx: _Context, char: int, back: int) -> int:
    """The start of the paragraph ``back`` paragraphs before the one holding ``char``."""
    if not ctx.paragraphs:
        return 0
    idx = max(0, bisect.bisect_right(ctx.paragraph_starts, char) - 1)
    return ctx.paragraphs[max(0, idx - back)].start


def _word_count(s: str) -> int:
    return len(s.split())
