"""Reported speech from the dependency parse: the loop over tokens and the verb, nominal,
parenthetical, passive, attitude and "according to" statements it finds, each with its
source and content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Token

from kg.extract import lexicon
from kg.extract.attribution.content import (
    _aside_at,
    _clause_span,
    _complement,
    _inverted_speaker,
    _listener,
    _relative_piece,
)
from kg.extract.attribution.context import (
    _add_piece,
    _Context,
    _Cue,
    _in_headline,
    _in_subtree,
    _inside_quote,
    _make_cue,
    _reported,
    _Source,
    _trim_span,
)
from kg.extract.attribution.sources import (
    _according_source,
    _after_opening_participle,
    _antecedent,
    _clause_subject,
    _controller,
    _dateline_at,
    _name_before,
    _name_opening,
    _named_after_kind,
    _outer_subjects,
    _resolve,
    _stray_subject,
    _told_outlet,
    _unresolved,
)
from kg.extract.attribution.unsourced import (
    _question_statement,
    _unsourced_statement,
)
from kg.model import Span, Statement


def _parenthetical_statement(ctx: _Context, verb: Token, lemma: str) -> Statement | None:
    """A cue set off by commas inside its content: "In a merger, he said, the brand would
    survive" or "The plans are reckless, said Ms. Bell, and ..." -> the sentence around it."""
    if lemma not in lexicon.SPEECH_VERBS:
        return None
    if any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return _inverted_aside(ctx, verb)
    sent = verb.sent
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    # "The treaty's rejection signals the end, said Geert Wilders": a subject right after
    # the verb is the speaker even when the parse takes a noun of the content for another
    # "Voters, Clinton suggested, don't have to worry": the parse may take a noun of the
    # content for a second subject; the speaker is the one right before the verb
    subj = next(
        (c for c in subjects if c.left_edge.i == verb.i + 1),
        next((c for c in subjects if c.right_edge.i == verb.i - 1), subjects[0]),
    )
    first = min(subj.left_edge.i, verb.i)
    if (
        verb.dep_ == "relcl"
        and verb.head.pos_ == "NOUN"
        and verb.head.lower_
        in (lexicon.OUTLET_NOUNS | lexicon.GENERIC_ORG_NOUNS | lexicon.TITLE_HEADS)
        and verb.head.i == subj.left_edge.i - 1
        and subj.pos_ == "PROPN"
        and not any(c.dep_ == "dobj" for c in verb.children)
    ):
        # "The decree, the newspaper Folha reported, would ...": the parse took the kind
        # before the name for a relative clause's head; the aside starts at its article
        # (not "a word Trump then repeated", a relative clause on a word)
        first = verb.head.left_edge.i
    last = max(subj.right_edge.i if subj.i > verb.i else verb.i, verb.i)
    listener = next((c for c in verb.rights if c.dep_ in ("dobj", "dative")), None)
    if listener is not None and listener.left_edge.i == last + 1 and _listener(verb, listener):
        last = listener.right_edge.i  # "Instead, Ruiz told the Nation, the plan ...": whom
    while (
        last + 1 < sent.end
        and ctx.doc[last + 1].dep_ in ("npadvmod", "advmod")
        and (ctx.doc[last + 1].head.i == verb.i)
    ):
        last += 1  # "he said Tuesday,"
    setting = _setting_after(verb, last, sent.end)
    setting_used = setting > last and setting + 1 < sent.end and ctx.doc[setting + 1].text == ","
    if setting_used:
        last = setting  # "If she wins, Ruiz said in an interview, the tax ..."
    before = ctx.doc[first - 1] if first > sent.start else None
    after = ctx.doc[last + 1] if last + 1 < sent.end else None
    if before is None or before.text != "," or after is None or after.text not in (",", "."):
        return None
    left = [t for t in ctx.doc[sent.start : before.i] if not t.is_space]
    right = [t for t in ctx.doc[after.i + 1 : sent.end] if not t.is_space]
    if (
        right
        and right[0].tag_ == "VBG"
        and right[0].head.i == verb.i
        and right[0].lemma_.lower() in lexicon.SPEECH_VERBS
    ):
        # "The plant will close, Ruiz said, adding that ...": the participle is the
        # speaker's next act of saying, a statement of its own
        right = []
    if setting_used and any(
        t.lemma_.lower() in lexicon.SPEECH_VERBS and any(c.dep_ == "nsubj" for c in t.children)
        for t in right
    ):
        # "Victory is vital, he said on Saturday, because he said the leaders ...": the
        # rest is a statement of its own
        right = []
    pieces = []
    for part in (left, right):
        if part and not all(t.is_punct for t in part):
            pieces.append(_trim_span(ctx, Span(part[0].idx, part[-1].idx + len(part[-1]))))
    pieces = [p for p in pieces if p.end > p.start and not _trim_quote_only(ctx, p)]
    if not pieces or sum(len(p.slice(ctx.text).split()) for p in pieces) < 3:
        return None
    source = _resolve(ctx, subj)
    if source is None:
        return None
    return _reported(ctx, _make_cue(ctx, verb, source.span), source, pieces, rule="parenthetical")


#: Prepositions of the phrase that says where, when or how a parenthetical cue was given
#: ("he said in an interview,", "Ruiz wrote on Facebook,", "she told reporters after the
#: vote,").
_SETTING_PREPOSITIONS = lexicon.words("in on at during after before via through")


def _setting_after(verb: Token, last: int, end: int) -> int:
    """parenthetical: the last token of the phrases of setting right after the cue ("If
    she wins, Ruiz suggested in a radio interview on Monday, the tax will go"): when,
    where or how the speaker said it, set off with the cue by the same commas (at the
    sentence's end, "..., she said in an interview.", the clause before is the cue's
    complement, a rule of its own)."""
    doc = verb.doc
    while last + 1 < end:
        nxt = doc[last + 1]
        if nxt.dep_ == "prep" and nxt.head.i == verb.i and nxt.lower_ in _SETTING_PREPOSITIONS:
            last = nxt.right_edge.i
        elif nxt.dep_ in ("npadvmod", "advmod") and nxt.head.i == verb.i:
            last = nxt.i
        else:
            break
    return last


def _inverted_aside(ctx: _Context, verb: Token) -> Statement | None:
    """parenthetical, with the speaker after the verb in the middle of the clause: "Any
    reading of the deal, said Ana Ruiz, an expert on trade, would ..." and "Part of the
    problem, say experts like Ruiz, is ...". The parse makes the clause's subject the
    verb's and the speaker the subject of the rest; a verb of saying right after a comma,
    with a subject before it and its complement's subject right after it, set off by a
    comma of its own, is this aside: the speaker is that phrase, the content the subject
    before and the rest after."""
    doc = ctx.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    comps = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    if not subjects or not comps:
        return None
    comp = comps[0]
    speakers = [c for c in comp.children if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1]
    if not speakers or subjects[0].right_edge.i not in (verb.i - 2, verb.i - 1):
        return None
    speaker = speakers[0]
    if any(
        t.dep_ in ("appos", "relcl", "acl") and t.right_edge.i >= verb.i - 2
        for t in subjects[0].subtree
    ):
        # "aides to X, who had a long career in Congress, said their speeches, already
        # ..., would": the comma closes an aside of the subject, which then does speak
        return None
    if speaker.pos_ != "PROPN" and speaker.lower_ not in lexicon.PERSON_NOUNS:
        return None
    close = speaker.right_edge.i
    if doc[close].text != ",":
        close += 1
    if close >= comp.right_edge.i or doc[close].text != ",":
        return None
    source = _resolve(ctx, speaker, strict=True)
    if source is None:
        return None
    end = comp.right_edge
    while end.i > close and end.is_punct:
        end = doc[end.i - 1]
    left = subjects[0].left_edge
    pieces = [
        _trim_span(ctx, Span(left.idx, doc[verb.i - 2].idx + len(doc[verb.i - 2]))),
        _trim_span(ctx, Span(doc[close + 1].idx, end.idx + len(end))),
    ]
    return _reported(ctx, _make_cue(ctx, verb, source.span), source, pieces, rule="parenthetical")


def _trim_quote_only(ctx: _Context, span: Span) -> bool:
    return not span.slice(ctx.text).strip(" \"“”'’‘.,")


def _passive_statement(ctx: _Context, verb: Token, lemma: str) -> Statement | None:
    """ "The plan was rejected by the council": the agent is the source, the subject the
    content."""
    patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
    agents = [c for c in verb.children if c.dep_ == "agent"]
    if not patients or not agents:
        return None
    objs = [c for c in agents[0].children if c.dep_ == "pobj"]
    if not objs:
        return None
    source = _resolve(ctx, objs[0], strict=True)
    if source is None:
        return None
    content = _clause_span(ctx, patients[0])
    st = _reported(ctx, _make_cue(ctx, verb, source.span), source, content, rule="passive-agent")
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "as", "over") and child.i > agents[0].i:
            # "Trump has been criticized by his rivals for failing to ...": what for
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                _add_piece(ctx, st, _clause_span(ctx, objs[0]))
            break
    return st


def _attitude_statement(ctx: _Context, adj: Token) -> Statement | None:
    """ "Cruz is confident that he will win", "voters were skeptical of the plan": the
    subject of the linking verb holds the view; the complement is what it is about."""
    if adj.dep_ != "acomp" or adj.head.pos_ not in ("AUX", "VERB"):
        return None
    subjects = [c for c in adj.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    comp = next((c for c in adj.rights if c.dep_ in ("ccomp", "xcomp") or c.dep_ == "prep"), None)
    if not subjects or comp is None:
        return None
    if comp.dep_ == "prep":
        objs = [c for c in comp.children if c.dep_ in ("pobj", "pcomp")]
        if not objs:
            return None
        content = _clause_span(ctx, objs[0])
    else:
        content = _clause_span(ctx, comp)
    source = _resolve(ctx, subjects[0], strict=True)
    if source is None or content.end <= content.start:
        return None
    cue = _make_cue(ctx, adj, source.span)
    return _reported(ctx, cue, source, content, rule="attitude-adjective")


def _verb_statement(
    ctx: _Context, verb: Token, lemma: str, rule: str | None = None
) -> Statement | None:
    """A verb and what it reports: a question put to someone (rule question), a passive
    with its agent (passive-agent) or without (unsourced-expected), else the content one of
    the verb's content rules finds (:func:`_complement`) with the verb's subject as source.
    ``rule`` names a family that reads the verb differently (see-as, clause-verb) and
    replaces the content rule's id."""
    if (
        lemma in _NAMING_PARTICIPLES
        and verb.dep_ == "acl"
        and verb.tag_ in ("VBN", "VBD")
        and verb.head.i == verb.i - 1
        and any(c.dep_ in ("det", "nummod") for c in verb.head.children)
    ):
        return None  # "a group called Stop the Dam", "a firm named Ortega & Hijos": a name
    if lemma == "ask":
        st = _question_statement(ctx, verb)
        if st is not None:
            return st
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return _passive_statement(ctx, verb, lemma) or _unsourced_statement(ctx, verb, lemma)
    found = _complement(ctx, verb, lemma)
    if found is None:
        return None
    content, found_by = found
    rule = rule or found_by
    report_verb = _report_verb(verb) if lemma == "publish" else None
    if report_verb is not None:
        # "published a report documenting X": the finding is X, the cue runs to "documenting"
        inner = _complement(ctx, report_verb, "find")
        if inner is not None:
            content, rule = inner[0], "published-report"
            ctx.used_tokens.add(report_verb.i)
    # "said the squad was tired and warned that ...": the speaker of the first verb
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or _outer_subjects(verb)
    if found_by == "complement-then-cue" and len(subjects) > 1 and content.end <= subjects[-1].idx:
        subjects = subjects[-1:]  # "A vaccine cut infections, researchers reported"
    if found_by == "complement-then-cue" and not subjects and verb.dep_ == "acl":
        subjects = [verb.head]  # "..., the news agency reported": the cue's own noun
    if found_by == "complement-then-cue" and not subjects:
        inverted = _inverted_speaker(verb)
        subjects = [inverted] if inverted is not None else []
    stray = _stray_subject(verb) if not subjects else None
    if stray is not None:
        subjects = [stray]
    if not subjects and (
        verb.dep_ == "conj" or (verb.dep_ in ("advcl", "xcomp") and verb.tag_ in ("VBG", "VBD"))
    ):
        # "..., saying the timing had been set" / "X said A and warned B" / "X was forced
        # to back down and said ..." (the subject of a passive head is the speaker too)
        head = _before_aside(verb, _outside_quotation(ctx, verb))
        subjects = (
            [c for c in head.children if c.dep_ == "nsubj"]
            or [
                c
                for c in head.children
                if c.dep_ == "nsubjpass" and verb.dep_ == "conj" and lemma in lexicon.SPEECH_VERBS
            ]
            or _stray_subjects(head)
        )
    if not subjects and lemma in lexicon.SPEECH_VERBS:
        subjects = _controller(verb)
    if (
        not subjects
        and lemma in lexicon.SPEECH_VERBS
        and verb.tag_ in ("VBP", "VBZ", "VBD")
        and verb.dep_ in ("dep", "ccomp", "conj")
        and verb.head.i < verb.i
        and verb.head.tag_ in ("VBG", "VBN")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.head.children)
    ):
        # "Majorities of Democrats in five states going to the polls Tuesday say ...": a
        # bare participle cannot be the sentence's verb; its subject is the verb's
        subjects = [c for c in verb.head.lefts if c.dep_ in ("nsubj", "nsubjpass")][:1]
    if not subjects and lemma in lexicon.SPEECH_VERBS:
        subjects = _left_clause_subject(verb)
    if not subjects and lemma in lexicon.SPEECH_VERBS and verb.dep_ == "conj":
        # "Ruiz summed up the plan as “a failure,” denounced its author and said ...":
        # the verb the cue is joined to lost its subject the same way
        subjects = _left_clause_subject(verb.head, content_after=False)
    if not subjects and lemma in lexicon.SPEECH_VERBS:
        # "About 4 in 10 say they ...": the parse makes the share a number on the verb
        subjects = [c for c in verb.lefts if c.dep_ in ("nummod", "npadvmod") and c.pos_ == "NUM"][
            :1
        ]
    if not subjects and lemma in lexicon.SPEECH_VERBS:
        subjects = _compound_subject(verb)
    if len(subjects) > 1:
        # "Lima (AP) — Ana Ruiz has said ...": the parse may make the dateline a subject
        subjects = [c for c in subjects if not _dateline_at(ctx, c)] or subjects
    if subjects:
        subjects = [_clause_subject(_after_opening_participle(subjects[0])), *subjects[1:]]
    if not subjects and found_by == "as-reported":
        # "As reported by the Tribune, the mine will close": the agent of a participle
        subjects = [
            o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
        ]
    # verbs that are not plainly speech ("backed", "wants") need an agent as subject: a
    # name, a pronoun or a person or group noun, not "the delegate lead continues"
    # headlines parse badly: there, only a name or a pronoun may be the source
    plain_speech = lemma in lexicon.SPEECH_VERBS and not _in_headline(ctx, verb.idx)
    source = _resolve(ctx, subjects[0], strict=not plain_speech) if subjects else None
    # "The media watchdog Ofcom said": the name, with the whole phrase as its words
    source = _named_after_kind(ctx, subjects) or source
    if source is None and lemma in lexicon.SPEECH_VERBS:
        # "..., former president Bill Clinton said his wife ...", "Marcel Lazar, 44, said
        # that ...", "CLEVELAND — Michael Mukasey told delegates ...": parses that miss
        # the subject still leave the name right before the verb
        before = _name_before(ctx, verb) or _name_opening(ctx, verb)
        if before is not None:
            source = before
    if source is None:
        return None
    if lemma == "find" and not any(c.dep_ == "ccomp" for c in verb.children):
        # "found it difficult" is not a finding; "the poll found Trump ahead" is
        ent = ctx.table.by_key(source.key)
        head = subjects[0].lower_ if subjects else ""
        if ent.type not in ("Organization", "NewsOrganization") and (
            head not in lexicon.FINDING_NOUNS and head not in lexicon.GROUP_NOUNS
        ):
            return None
    if lemma == "find" and content.slice(ctx.text).split()[0].lower() in _FOUND_ONESELF:
        return None  # "the bank found itself short of cash": a plight, not a finding
    if lemma in lexicon.BELIEF_VERBS and subjects and subjects[0].lower_ == "you":
        return None  # "if you want to ..." addresses the reader; nobody is quoted
    cue = _make_cue(ctx, verb, source.span)
    if lemma == "publish":
        cue.kind = "Finding"
        if report_verb is not None and report_verb.i in ctx.used_tokens:
            cue.span = Span(verb.idx, report_verb.idx + len(report_verb))
            cue.text = cue.span.slice(ctx.text)
    st = _reported(ctx, cue, source, content, rule=rule, via=_told_outlet(ctx, verb))
    if rule == "called-relative":
        piece = _relative_piece(ctx, verb)
        if piece is not None and piece.end <= source.span.start:
            st.content.insert(0, piece)
            st.text = " ".join(p.slice(ctx.text) for p in st.content)
    return st


def _outside_quotation(ctx: _Context, verb: Token) -> Token:
    """The verb whose subject a participle or conjunct without one shares: its head, or,
    when the parse hung it on a verb inside a quotation it stands outside of ("Ruiz
    stressed that “the way forward is talks,” suggesting that ..."), the first verb above
    that quotation: the quoted words are the speaker's, not the clause the reporter's
    participle goes on from."""
    head = verb.head
    if _inside_quote(ctx, verb.idx) or not _inside_quote(ctx, head.idx):
        return head
    while head.head.i != head.i and _inside_quote(ctx, head.idx):
        head = head.head
    return verb.head if _inside_quote(ctx, head.idx) else head


_DASHES = frozenset(("-", "—", "–", "--"))


def _before_aside(verb: Token, head: Token) -> Token:
    """The verb a conjunct without a subject goes on from, when the parse hung it on a
    verb inside an aside that closes right before it: in "Ruiz suggested the plan was
    unserious - “we need details,” she said - and charged that ..." and "Ruiz called them
    “reckless” (although he allowed that some meant well) and promised ..." the one who
    charged or promised is the subject of the clause the aside interrupts, not of the
    aside (that clause's verb: the widest one ending right where the aside opens)."""
    doc = verb.doc
    k = verb.i - 1
    if k < 1 or doc[k].dep_ != "cc" or verb.dep_ != "conj":
        return head
    close = doc[k - 1]
    sent = verb.sent
    if close.text == ")":
        opener = next((t for t in reversed(doc[sent.start : close.i]) if t.text == "("), None)
    elif close.text in _DASHES:
        opener = next((t for t in reversed(doc[sent.start : close.i]) if t.text in _DASHES), None)
    else:
        return head
    if opener is None or not opener.i < head.i < close.i or opener.i == sent.start:
        return head
    outer = [
        t
        for t in doc[sent.start : opener.i]
        if t.pos_ in ("VERB", "AUX")
        and t.right_edge.i in (opener.i - 1, opener.i)
        and any(c.dep_ == "nsubj" for c in t.children)
    ]
    return min(outer, key=lambda t: t.left_edge.i) if outer else head


def _compound_subject(verb: Token) -> list[Token]:
    """ "The committee raised $41 million, election commission records show.": the parse
    may read the noun before a verb of saying that ends its clause as a compound of it
    (as in "a talk show"), leaving the verb without a subject; that noun, right before
    the verb in the present or past tense and followed by punctuation, is the subject."""
    doc = verb.doc
    if (
        verb.i == 0
        or verb.tag_ not in ("VBZ", "VBP", "VBD")
        or not verb.is_lower
        or verb.i + 1 >= len(doc)
        or not doc[verb.i + 1].is_punct
    ):
        return []
    if doc[verb.i - 1].dep_ != "compound" or doc[verb.i - 1].head.i != verb.i:
        return []
    # the nearest noun of the compound ("Federal Election Commission records show", with
    # "records" tagged a verb too, is the commission's)
    nouns = [c for c in verb.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
    return nouns[-1:]


def _stray_subjects(head: Token) -> list[Token]:
    """The subject of the verb a participle hangs on, when the parse gave it to the object
    before that verb: in "Prosecutors charged the officer with murder and Okonkwo fired
    his chief, acknowledging that ..." the model may make "Okonkwo" a conjunct of "murder"
    and "fired" a verb without a subject; the one acknowledging is Okonkwo, not the
    prosecutors (:func:`~kg.extract.attribution.sources._stray_subject`)."""
    if head.dep_ != "conj" or head.pos_ != "VERB":
        return []
    stray = _stray_subject(head)
    return [stray] if stray is not None else []


def _left_clause_subject(verb: Token, content_after: bool = True) -> list[Token]:
    """ "Okafor jokingly offered him a job, then says he will welcome advice": a verb of
    saying without a subject whose reported clause follows it, and a clause before it that
    the parse makes a second complement. That clause cannot be what was said as well; it
    is the speaker's own earlier act (or the speaker with an aside the parse took for a
    clause), and its subject is the speaker."""
    if content_after and not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return []
    for left in verb.lefts:
        if left.dep_ != "ccomp":
            continue
        subjects = [c for c in left.lefts if c.dep_ == "nsubj" and c.lower_ not in ("it", "this")]
        between = verb.doc[left.right_edge.i + 1 : verb.i]
        if (
            subjects
            and subjects[0].left_edge.i == left.left_edge.i
            and all(t.is_punct or t.pos_ == "ADV" or t.lower_ == "and" for t in between)
            # "Few would admit this, but Murphy (...) says": the last conjunct speaks
            and not any(c.dep_ in ("cc", "conj") for c in left.children)
        ):
            return subjects[:1]
    return []


#: Participles that give a thing its name ("a super PAC called ...", "a firm named ...").
_NAMING_PARTICIPLES = frozenset(("call", "name", "dub", "title", "term", "label", "brand"))

_FOUND_ONESELF = frozenset(("itself", "himself", "herself", "themselves", "myself", "ourselves"))


def _report_verb(publish: Token) -> Token | None:
    """In "published a report documenting ...", the verb that carries the finding."""
    for tok in publish.subtree:
        if (
            tok.i > publish.i
            and tok.tag_ == "VBG"
            and tok.dep_ in ("acl", "advcl", "xcomp")
            and tok.lemma_.lower() in lexicon.FINDING_VERBS | {"detail", "describe", "say"}
        ):
            return tok
    return None


def _without_misread_subject(phrase: list[Token], tok: Token) -> list[Token]:
    """ "According to the newspaper De Volkskrant, the club's board met ...": the parse
    may hang the clause's subject on the source as an apposition after the comma. When
    the clause has no subject of its own, that apposition is the clause's, not the
    phrase's ("According to Ana Ruiz, a spokeswoman, the plan failed" keeps hers)."""
    head = tok.head
    if head.i == tok.i:
        return _without_clause_as_apposition(phrase, tok)
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
        return phrase
    doc = tok.doc
    for t in phrase:
        start = t.left_edge.i
        if t.dep_ == "appos" and start > tok.i and doc[start - 1].text == ",":
            inside = {u.i for u in t.subtree}
            return [u for u in phrase if u.i not in inside and u.i != start - 1]
    return phrase


def _without_clause_as_apposition(phrase: list[Token], tok: Token) -> list[Token]:
    """ "According to the radio host Tom Brandt, the move reeks of fear": when the parse
    makes "According" the sentence's root, the clause after the source (its verb tagged a
    noun) may hang on the source as an apposition that runs to the sentence's end. The
    sentence has no clause outside the phrase, so that apposition is the clause."""
    doc = tok.doc
    last = tok.sent.end - 1
    while last > tok.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    for t in phrase:
        start = t.left_edge.i
        if (
            t.dep_ == "appos"
            and start > tok.i + 2
            and doc[start - 1].text == ","
            and t.right_edge.i >= last
        ):
            return [u for u in phrase if u.i < start - 1]
    return phrase


def _that_is(rest: list[Token]) -> bool:
    """Whether the words of a sentence around "according to X" are only "That's", "This
    is" or "That was": a pointer to what was said before."""
    return (
        len(rest) == 2
        and rest[0].lower_ in ("that", "this")
        and (rest[1].lemma_.lower() == "be" or rest[1].lower_ in ("’s", "'s"))
    )


def _according_statement(ctx: _Context, tok: Token) -> Statement | None:
    source = _according_source(ctx, tok)
    if source is None:
        return None
    phrase = _without_misread_subject(list(tok.subtree), tok)
    sent = tok.sent
    rest = [t for t in sent if t not in phrase and not t.is_space]
    while rest and rest[0].is_punct:
        rest = rest[1:]
    while rest and rest[-1].is_punct:
        rest = rest[:-1]
    if _that_is(rest):
        # "Turnout fell by a third. That's according to exit polls.": what "that" stands
        # for is the sentence before; the statement's words are the word that points to it
        cue = _make_cue(ctx, tok, source.span)
        that = Span(rest[0].idx, rest[0].idx + len(rest[0]))
        return _reported(ctx, cue, source, [that], rule="according-to", kind="Statement")
    if len(rest) < 3:
        return None
    # the content is the clause "according to X" hangs on ("Turnout fell, according to
    # the board - despite the new polling stations": not the phrase after a dash), else
    # the part of the sentence on the longer side of it
    left = [t for t in rest if t.i < tok.i]
    right = [t for t in rest if t.i > tok.i]
    part = left if len(left) >= len(right) else right
    head = tok.head
    tail: list[Token] = []
    # (not a later conjunct the parse hung the phrase on: "..., according to the
    # average of polls, where 475 delegates will be at stake")
    if head.i != tok.i and head in rest and not (head.dep_ == "conj" and head.i > tok.i):
        side = left if head.i < tok.i else right
        if len(side) >= 3:
            part = side
            after = [t for t in right if not t.is_punct]
            if (
                side is left
                and after
                and tok.right_edge.i + 1 < len(ctx.doc)
                and ctx.doc[tok.right_edge.i + 1].text == ","
                and all(_in_subtree(t, head) for t in after)
            ):
                # "Trump gave his blessing, according to court papers, becoming ...": the
                # clause goes on after the phrase, in two pieces
                tail = right
    # never the source's own words, wherever the parse hung them ("According to the
    # newspaper Het Dagblad, the club's board met", with "Dagblad" the verb's subject)
    part = [t for t in part if not source.span.start <= t.idx < source.span.end]
    while part and part[0].is_punct:
        part = part[1:]
    while part and part[-1].is_punct:
        part = part[:-1]
    if not part:
        return None
    span = _trim_span(ctx, Span(part[0].idx, part[-1].idx + len(part[-1])))
    pieces = [span]
    if tail:
        pieces.append(_trim_span(ctx, Span(tail[0].idx, tail[-1].idx + len(tail[-1]))))
    cue = _make_cue(ctx, tok, source.span)
    return _reported(ctx, cue, source, pieces, rule="according-to", kind="Statement")


def _light_verb_statement(ctx: _Context, verb: Token) -> Statement | None:
    """ "The union made the case that the rosters were unsafe", "the governor has made
    clear that she will not resign", "made no secret of his plans to run": "make" and a noun
    or "clear" say what the clause or the of-phrase holds."""
    if verb.lemma_.lower() in lexicon.VERDICT_VERBS:
        return _verdict_statement(ctx, verb)
    content: Span | None = None
    cue_end: Token | None = None
    for child in verb.rights:
        if child.dep_ == "dobj" and child.lemma_.lower() in lexicon.LIGHT_VERB_NOUNS:
            cue_end = child
            for c in child.rights:
                if c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in lexicon.SPEECH_VERBS:
                    return None  # "issued a statement saying ...": the participle's own cue
                if c.dep_ in ("acl", "ccomp") and c.i > child.i:
                    content = _clause_span(ctx, c)
                    break
                if c.dep_ == "prep" and c.lower_ in ("of", "for", "against", "about", "on"):
                    objs = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
                    if objs:
                        content = _clause_span(ctx, objs[0])
                        cue_end = c
                    break
            else:
                # "made the case that ...": the parse may hang the clause on the verb
                clauses = [
                    c
                    for c in verb.rights
                    if c.i > child.i
                    and c.dep_ == "ccomp"
                    and any(m.lower_ == "that" for m in c.children)
                ]
                if clauses and clauses[0].left_edge.i == child.right_edge.i + 1:
                    content = _clause_span(ctx, clauses[0])
            break
        if child.lower_ in ("clear", "plain") and child.dep_ in ("ccomp", "oprd", "acomp", "dobj"):
            cue_end = child
            clauses = [c for c in child.children if c.dep_ in ("csubj", "ccomp")]
            clauses += [c for c in verb.rights if c.dep_ == "ccomp" and c.i > child.i]
            if clauses:
                content = _clause_span(ctx, clauses[0])
            break
    if content is None or cue_end is None or content.end <= content.start:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or _controller(verb)
    # an act of saying like "argued": any subject may make it, except in a headline
    strict = _in_headline(ctx, verb.idx)
    source = _resolve(ctx, subjects[0], strict=strict) if subjects else None
    if source is None:
        return None
    span = Span(verb.idx, cue_end.idx + len(cue_end))
    cue = _Cue(verb, span, span.slice(ctx.text), "Statement")
    return _reported(ctx, cue, source, content, rule="light-verb")


def _verdict_statement(ctx: _Context, verb: Token) -> Statement | None:
    """light-verb with a verdict: "The coach had nothing but praise for the young keeper",
    "heaped scorn on the plan", "had harsh words for the board": the verb's subject
    judges whom the for- or on-phrase names (only after :data:`lexicon.VERDICT_VERBS`,
    so "faced criticism for" stays criticism received, not given). The words are read in
    order, within five of the verb: the parse hangs the noun in many ways ("nothing but
    praise" makes it the object of "but", "heaped scorn" an adverb)."""
    doc = verb.doc
    prep = None
    for tok in doc[verb.i + 1 : min(verb.i + 6, verb.sent.end - 1)]:
        if tok.is_punct or tok.pos_ in ("VERB", "AUX"):
            return None
        after = doc[tok.i + 1]
        if tok.lemma_.lower() in lexicon.VERDICT_NOUNS and after.lower_ in ("for", "on"):
            prep = after
            break
    if prep is None or prep.dep_ != "prep":
        return None
    objs = [o for o in prep.children if o.dep_ in ("pobj", "pcomp")]
    if not objs:
        return None
    content = _clause_span(ctx, objs[0])
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or _controller(verb)
    source = _resolve(ctx, subjects[0], strict=_in_headline(ctx, verb.idx)) if subjects else None
    if source is None or content.end <= content.start:
        return None
    span = Span(verb.idx, prep.idx + len(prep))
    cue = _Cue(verb, span, span.slice(ctx.text), "Statement")
    return _reported(ctx, cue, source, content, rule="light-verb")


#: Possessive pronouns (resolved as their subject form: "his claim" is his).
_POSSESSIVES = frozenset(("his", "her", "their", "its"))


def _noun_infinitive(noun: Token) -> Token | None:
    """What a noun of urging or promising asks or promises: its to-infinitive ("her pledge
    to cut fees", "the mayor's call to reopen the mine") or, after "call", "demand" or
    "appeal", its for-phrase ("the union's calls for a strike")."""
    lemma = noun.lemma_.lower()
    for child in noun.rights:
        if child.left_edge.i != noun.i + 1:
            break
        if (
            lemma in lexicon.URGING_NOUNS
            and child.dep_ in ("acl", "relcl")
            and any(
                c.dep_ == "aux" and c.lower_ == "to" and c.i == child.left_edge.i
                for c in child.children
            )
        ):
            return child
        if lemma in lexicon.URGING_FOR_NOUNS and child.dep_ == "prep" and child.lower_ == "for":
            return child
    return None


def _claim_noun_statement(ctx: _Context, noun: Token) -> Statement | None:
    """ "The minister's claim that the budget is balanced", "her warning that prices will
    rise": a noun of saying or believing (lexicon.CLAIM_NOUNS) with a possessive, and the
    that-clause it governs (not a relative clause: "the claim that he made")."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if not owners or _in_headline(ctx, noun.idx):
        return None
    clause = next(
        (
            c
            for c in noun.rights
            if c.dep_ in ("acl", "ccomp")
            and any(
                m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children
            )
        ),
        None,
    )
    if clause is None:
        clause = _noun_infinitive(noun)
    if clause is None or clause.left_edge.i > noun.i + 1:
        return None
    owner = owners[0]
    if owner.lower_ in _POSSESSIVES:
        if owner.lower_ == "its":
            return None  # "its claim": a company's or a report's; too often a thing's
        key = _antecedent(ctx, owner)
        source = (
            _Source(key, Span(owner.idx, owner.idx + len(owner)))
            if key
            else _unresolved(ctx, owner)
        )
    else:
        source = _resolve(ctx, owner, strict=True)
    if source is None:
        return None
    span = _clause_span(ctx, clause)
    end = min(span.end, _aside_at(clause))
    content = _trim_span(ctx, Span(span.start, end))
    if content.end <= content.start:
        return None
    cue = _Cue(noun, Span(noun.idx, noun.idx + len(noun)), noun.text, "Statement")
    if noun.lemma_.lower() in ("denial",):
        cue.kind = "Denial"
    return _reported(ctx, cue, source, content, rule="claim-noun")
