"""Statements whose source is not a speaker named by a verb of saying: impressions ("appears
to"), questions put to someone ("asked whether ..."), polls, hearsay ("reportedly") and
unsourced passives ("is expected to"); claims nobody is on record for go to one unstated
source per article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Token

from kg.extract import lexicon
from kg.extract.attribution.content import _right_end
from kg.extract.attribution.context import _Context, _in_headline, _inside_quote, _trim_span
from kg.extract.attribution.sources import _resolve
from kg.model import Span, Statement, StatementKind


def _unstated(ctx: _Context) -> str:
    """The unnamed source of claims the text attributes to nobody ("is expected to",
    "reportedly"): one per article, so a reader can list what no one is on record for."""
    key = ctx.unnamed.get("\x00unstated")
    if key is None:
        key = ctx.table.new_entity("UnnamedSource", "an unstated source").key
        ctx.unnamed["\x00unstated"] = key
    return key


def _unsourced_statement(ctx: _Context, verb: Token, lemma: str) -> Statement | None:
    """ "The bill is expected to pass", "he is said to have ...": a passive verb of saying
    or believing with no agent attributes its clause to no one in particular."""
    if lemma not in lexicon.UNSOURCED_PASSIVES or any(c.dep_ == "agent" for c in verb.children):
        return None
    patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
    comps = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i]
    if not patients or not comps:
        return None
    start = patients[0].left_edge
    end = _right_end(verb, comps[0])
    content = _trim_span(ctx, Span(start.idx, end))
    span = Span(verb.idx, verb.idx + len(verb))
    kind: StatementKind = "Statement"
    return Statement(
        kind=kind,
        speaker=_unstated(ctx),
        content=[content],
        text=content.slice(ctx.text),
        cue=verb.text,
        direct=False,
        cue_span=span,
        source_span=None,
        rule="unsourced-expected",
    )


def _frames_sentence(prep: Token) -> bool:
    """Whether an "in" phrase opens its sentence and a comma closes it ("In exit polls,
    voters ..."): a frame for what follows, not standing ("leads in the polls")."""
    end = prep.right_edge.i + 1
    return prep.i == prep.sent.start and end < len(prep.doc) and prep.doc[end].text == ","


def _poll_statement(ctx: _Context, prep: Token) -> Statement | None:
    """ "In a CNN poll released Monday, Clinton led by 6 points", "Trump leads in the
    polls": the poll is the source of the finding the clause reports."""
    # one poll reports; "leads in the polls", "has risen in several polls" is standing
    objs = [
        c
        for c in prep.children
        if c.dep_ == "pobj"
        and c.lemma_.lower() in lexicon.POLL_NOUNS
        and (c.tag_ != "NNS" or _frames_sentence(prep))
    ]
    head = prep.head
    if not objs or head.pos_ not in ("VERB", "AUX") or _in_headline(ctx, prep.idx):
        return None
    phrase = set(t.i for t in prep.subtree)
    toks = [
        t
        for t in head.subtree
        if t.i not in phrase and not t.is_space and not _inside_quote(ctx, t.idx)
    ]
    # the finding is the clause around the verb, not its asides: keep the comma-separated
    # stretches that hold the verb or its subject
    keep = {head.i} | {c.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass")}
    if head.lemma_.lower() in lexicon.SPEECH_VERBS | lexicon.BELIEF_VERBS:
        # "In a poll ..., 38 percent said X, while 60 percent said Y": what the respondents
        # said, every answer of it
        keep |= {t.i for t in toks if t.i > head.i}
    stretches: list[list[Token]] = [[]]
    for t in toks:
        if t.text in (",", ";", "—", "–"):
            stretches.append([])
        else:
            stretches[-1].append(t)
    toks = [t for part in stretches if any(t.i in keep for t in part) for t in part]
    while toks and (toks[0].is_punct or toks[0].dep_ in ("mark", "cc")):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if len(toks) < 3 or not any(t.dep_ in ("nsubj", "nsubjpass") for t in toks):
        return None
    source = _resolve(ctx, objs[0])
    if source is None:
        return None
    source_span = Span(objs[0].left_edge.idx, objs[0].right_edge.idx + len(objs[0].right_edge))
    pieces = _runs(ctx, toks)
    cue = Span(prep.idx, prep.idx + len(prep))
    return Statement(
        kind="Finding",
        speaker=source.key,
        content=pieces,
        text=" ".join(p.slice(ctx.text) for p in pieces),
        cue=prep.text,
        direct=False,
        cue_span=cue,
        source_span=_trim_span(ctx, source_span),
        rule="in-poll",
    )


def _runs(ctx: _Context, toks: list[Token]) -> list[Span]:
    """Contiguous runs of ``toks`` (sorted) as trimmed spans: a clause with a phrase cut
    out of its middle becomes two pieces."""
    pieces: list[Span] = []
    run = [toks[0]]
    for t in toks[1:]:
        if t.i == run[-1].i + 1:
            run.append(t)
        else:
            pieces.append(Span(run[0].idx, run[-1].idx + len(run[-1])))
            run = [t]
    pieces.append(Span(run[0].idx, run[-1].idx + len(run[-1])))
    return [q for q in (_trim_span(ctx, p) for p in pieces) if q.end > q.start]


def _impression_statement(ctx: _Context, verb: Token) -> Statement | None:
    """ "Twitter appears to be heavily used by ISIS", "This seems like a fair idea": an
    impression nobody is named for. The content is the subject and the complement, in two
    pieces around the verb ("it" in "it seems that ..." is no part of it)."""
    comp = None
    for child in verb.rights:
        if child.dep_ in ("xcomp", "ccomp", "acomp", "oprd") or (
            child.dep_ == "prep" and child.lower_ == "like"
        ):
            comp = child
            break
    if comp is None:
        return None  # "she appeared on Fox News" is an appearance, not an impression
    first = comp
    if comp.dep_ == "prep":
        objs = [c for c in comp.children if c.dep_ in ("pobj", "pcomp")]
        if not objs:
            return None
        first = objs[0]
    end_tok = comp.right_edge
    for tok in verb.doc[comp.i + 1 : end_tok.i + 1]:
        if tok.text in (";", "—", "–", "(", ",") or (tok.text == "-" and tok.whitespace_):
            end_tok = verb.doc[tok.i - 1]
            break
    end = end_tok.idx + len(end_tok)
    start = first.left_edge.idx if comp.dep_ == "prep" else comp.left_edge.idx
    if comp.dep_ == "ccomp":
        marks = [c for c in comp.children if c.dep_ == "mark" and c.i == comp.left_edge.i]
        start = comp.left_edge.idx if not marks else marks[0].idx
    pieces = []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    if subjects and subjects[0].lower_ in ("that", "which", "what", "who"):
        return None  # "the party that appears to dislike him": the impression is another's
    if subjects and _speaker_seems_to_say(subjects[0], comp):
        return None
    if subjects and subjects[0].lower_ not in ("it", "there"):
        subj = subjects[0]
        pieces.append(
            _trim_span(ctx, Span(subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)))
        )
    elif not subjects and verb.dep_ != "conj":
        return None
    pieces.append(_trim_span(ctx, Span(start, end)))
    pieces = [p for p in pieces if p.end > p.start]
    if len(pieces[-1].slice(ctx.text).split()) < 2:
        return None
    span = Span(verb.idx, verb.idx + len(verb))
    return Statement(
        kind="Statement",
        speaker=_unstated(ctx),
        content=pieces,
        text=" ".join(p.slice(ctx.text) for p in pieces),
        cue=verb.text,
        direct=False,
        cue_span=span,
        source_span=None,
        rule="impression",
    )


def _speaker_seems_to_say(subject: Token, comp: Token) -> bool:
    """ "The senator seemed to blame the network", "Ruiz appeared to confirm the
    report": a speaker who seems to make an act of saying makes it; the verb of saying's
    own rule reads it, with the speaker as its subject (not an impression of nobody's)."""
    if comp.dep_ != "xcomp" or comp.lemma_.lower() not in lexicon.SPEECH_VERBS:
        return False
    low = subject.lower_
    return (
        subject.pos_ == "PROPN"
        or low in ("he", "she", "they", "we", "i")
        or low in lexicon.PERSON_NOUNS
        or low in lexicon.TITLE_HEADS
        or low in lexicon.GROUP_NOUNS
    )


def _hearsay_statement(ctx: _Context, adverb: Token) -> Statement | None:
    """ "He reportedly met the donors": the clause is hearsay with no source given. Not on a
    verb of saying ("The minister reportedly said ...", "she allegedly told aides that
    ..."): the verb is the attribution, with its own source, and the adverb only hedges it
    (the hearsay statement would take the whole clause and hide the verb's as nested)."""
    head = adverb.head
    if head.i == adverb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if head.pos_ == "VERB" and head.lemma_.lower() in lexicon.SPEECH_VERBS:
        return None
    if (
        head.dep_ in ("ccomp", "parataxis")
        and head.head.pos_ == "VERB"
        and head.head.lemma_.lower() in lexicon.SPEECH_VERBS
    ):
        # "The striker allegedly struck a steward, the club said": the clause is what a
        # named source reports, hedged; the verb of saying is its attribution
        return None
    toks = [t for t in head.subtree if t.i != adverb.i and not t.is_space]
    while toks and toks[-1].is_punct:
        toks.pop()
    if len(toks) < 3:
        return None
    content = _trim_span(ctx, Span(toks[0].idx, toks[-1].idx + len(toks[-1])))
    span = Span(adverb.idx, adverb.idx + len(adverb))
    return Statement(
        kind="Statement",
        speaker=_unstated(ctx),
        content=[content],
        text=content.slice(ctx.text),
        cue=adverb.text,
        direct=False,
        cue_span=span,
        source_span=None,
        rule="hearsay-adverb",
    )


def _opens_sentence(verb: Token) -> bool:
    """Whether a verb opens its sentence, alone or after "when", "if", "once" ("When asked
    about ...")."""
    first = verb.sent.start
    while first < verb.i and (verb.doc[first].is_space or verb.doc[first].is_punct):
        first += 1
    return verb.i == first or (
        verb.i == first + 1 and verb.doc[first].lower_ in ("when", "if", "once", "after")
    )


def _asked_aside(verb: Token) -> bool:
    """Whether "asked" is a participle set off by a comma after the clause's subject or
    its verb of saying, the question put to that speaker ("The minister, asked about the
    memo, said ...", "“Not yet,” Ruiz said, asked whether she would run."): a parse may
    read it as the speaker's own past tense. It has no object (whom it asks), and it
    closes the sentence or the clause goes on after its closing comma with a verb."""
    doc = verb.doc
    if verb.lower_ != "asked" or verb.i < 2 or doc[verb.i - 1].text != ",":
        return False
    before = doc[verb.i - 2]
    if not before.is_alpha or not (
        before.pos_ in ("PROPN", "NOUN")
        or (before.pos_ == "VERB" and before.lemma_.lower() in lexicon.SPEECH_VERBS)
    ):
        return False  # "..., Ruiz said, asked about the memo.": after the speaker's verb too
    if any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children):
        return False
    close = verb.right_edge.i + 1
    if close >= verb.sent.end or doc[close].text in (".", "?", "!"):
        return True  # the aside closes the sentence
    if doc[close].text != ",":
        return False
    return any(
        t.pos_ in ("VERB", "AUX") and t.tag_ in ("VBD", "VBZ", "VBP", "MD")
        for t in doc[close + 1 : min(close + 4, verb.sent.end)]
    )


def _when(prep: Token) -> bool:
    """Whether a prepositional phrase only says when ("on Thursday", "on Monday night")."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") for o in objs)


def _question_statement(ctx: _Context, verb: Token) -> Statement | None:
    """ "Asked whether he would run, Smith said ...", "when asked about the leak, ...": the
    question put to the speaker. Whoever asked is named only in a by-phrase; otherwise the
    question is the article's (an unstated source)."""
    aside = _asked_aside(verb)
    if any(c.dep_ == "nsubj" for c in verb.children) and not aside:
        return None
    if verb.tag_ != "VBN" and not (verb.tag_ == "VBD" and (_opens_sentence(verb) or aside)):
        # "Asked whether she would run, the mayor laughed": a parse may read the
        # participle opening the sentence as a past tense
        return None
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if verb.dep_ not in ("advcl", "ROOT") and not passive and not aside:
        return None
    comp = None
    for child in verb.rights:
        if child.dep_ == "prep" and _when(child):
            continue  # "when asked by Ruiz on Thursday about ...": when, not what
        if child.dep_ in ("ccomp", "advcl", "xcomp", "dobj") or (
            child.dep_ == "prep" and child.lower_ in ("about", "for", "on", "if", "whether")
        ):
            comp = child
            break
    if comp is None:
        return None
    toks = [t for t in comp.subtree if not t.is_space]
    if comp.dep_ == "prep":
        toks = [t for t in toks if t.i != comp.i]
    # the question ends where the answer's clause begins: at the comma before it
    main = verb.head if verb.dep_ == "advcl" or aside else None
    if main is not None and main.i > verb.i:
        toks = [t for t in toks if t.i < main.i]
    while toks and (toks[-1].is_punct and toks[-1].text not in "”\"'"):
        toks.pop()
    if len(toks) < 2:
        return None
    content = _trim_span(ctx, Span(toks[0].idx, toks[-1].idx + len(toks[-1])))
    agents = [c for c in verb.children if c.dep_ == "agent"]
    objs = [c for c in agents[0].children if c.dep_ == "pobj"] if agents else []
    source = _resolve(ctx, objs[0], strict=True) if objs else None
    if source is None and objs and objs[0].pos_ == "NOUN":
        # "asked by a reporter whether ...": whoever a by-phrase names asked it, any noun
        source = _resolve(ctx, objs[0])
    span = Span(verb.idx, verb.idx + len(verb))
    return Statement(
        kind="Statement",
        speaker=source.key if source else _unstated(ctx),
        content=[content],
        text=content.slice(ctx.text),
        cue=verb.text,
        direct=False,
        cue_span=span,
        source_span=source.span if source else None,
        rule="question",
    )
