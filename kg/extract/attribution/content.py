"""Where reported content begins and ends: the complement of a verb of saying and the clause
boundaries it stops at. Kept apart because sourced and unsourced statements both cut content
this way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Token

from kg.extract import lexicon
from kg.extract.attribution.context import (
    _Context,
    _in_headline,
    _in_subtree,
    _outer_cue,
    _trim_span,
)
from kg.model import Span

#: What a content rule finds: the content and the id of the rule that found it.
Found = tuple[Span, str]


def _complement(ctx: _Context, verb: Token, lemma: str) -> Found | None:
    """The content a verb reports and the rule that found it: the first of the verb's
    content rules below that matches (a rule that matches decides, even when no source is
    found afterwards: the order is part of the behaviour).

    ``verb-complement`` / ``complement-then-cue`` / ``complement-as-head``, ``answer-word``,
    ``clause-after-phrase``, ``accused-of``,
    ``as-reported``, ``denial-object`` / ``finding-object``, ``verb-predicate``, and the
    verb's later dependents in order (:func:`_dependent_content`)."""
    found = (
        _called_relative(ctx, verb, lemma)
        or _clause_complement(ctx, verb)
        or _trailing_cue_on_object(ctx, verb, lemma)
        or _reported_clause_as_subject(ctx, verb, lemma)
        or _conjoined_complement(ctx, verb, lemma)
        or _complement_as_head(ctx, verb, lemma)
        or _answer_word(ctx, verb, lemma)
        or _clause_after_phrase(ctx, verb, lemma)
        or _accused_of(ctx, verb, lemma)
        or _as_reported(ctx, verb)
    )
    if found is not None:
        return found
    if lemma in lexicon.DENIAL_VERBS or lemma in lexicon.FINDING_VERBS or lemma == "publish":
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects:
            return _reported_object(ctx, objects[0], lemma)
    takes_object = _takes_object(lemma)
    found = _object_relative(ctx, verb, lemma, takes_object)
    if found is not None:
        return found
    if takes_object and not any(c.dep_ == "dobj" for c in verb.children):
        found = _verb_predicate(ctx, verb)
        if found is not None:
            return found
    return _dependent_content(ctx, verb, lemma, takes_object)


def _takes_object(lemma: str) -> bool:
    """Whether a verb's object can be what it reports ("criticized the plan", "backs the
    bill"); "told reporters", "said nothing" name a listener or nothing, and "maintained a
    lead" keeps something (the verb attributes only with a clause: "maintained that")."""
    return (
        lemma in lexicon.OBJECT_CUE_VERBS
        or lemma in lexicon.BELIEF_VERBS
        or (
            lemma in lexicon.SPEECH_VERBS
            and lemma not in ("tell", "say", "add", "recall", "share", "maintain")
        )
    )


def _clause_complement(ctx: _Context, verb: Token) -> Found | None:
    """verb-complement: "The mayor said (that) the bridge would reopen in May" -> the
    clause. complement-then-cue: "The bridge will reopen in May, the mayor said" -> the
    clause before the cue, for verbs of saying only. Needs the parse's ccomp."""
    inverted = _inverted_speaker(verb)
    if inverted is not None:
        # "He had a voice in it, said a former spokesman, Oleg Ruiz, who ...": the parse
        # made the speaker the subject of a clause after the verb
        left = next(c for c in verb.lefts if c.dep_ == "ccomp")
        return _clause_span(ctx, left), "complement-then-cue"
    # a complement after the verb is what it reports; one before it is usually an aside
    # ("Inside the mosque - which looks like a church - Nefzi said he ...")
    for child in [*verb.rights, *verb.lefts]:
        if child.dep_ == "ccomp":
            span = _clause_span(ctx, child)
            if child.i > verb.i and _no_clause(child, verb):
                continue  # "..., the government said, citing data from the agency INPE."
            if child.i > verb.i:
                # "said (that) A and B": what the verb governs after its complement, up to
                # the first comma or dash that opens another clause
                end = min(
                    max(span.end, _right_end(verb, child)),
                    _aside_at(child),
                    _second_cue_at(verb, child),
                    _contrast_speaker_at(verb, child),
                )
                start = max(span.start, _after_leading_time(child))
                made_object = _subject_made_object(verb, child)
                if made_object is not None:
                    start = min(start, made_object)
                return _trim_span(ctx, Span(start, end)), "verb-complement"
            if verb.lemma_.lower() not in lexicon.SPEECH_VERBS:
                # "Overall, whites were split, more than half of white women preferred
                # ...": a clause before a verb of stance is the reporter's, not its content
                continue
            if any(t.text == ";" for t in verb.doc[child.right_edge.i + 1 : verb.i]):
                continue  # "Parliament met on Monday; one lawmaker called ...": another clause
            if _own_object(verb):
                continue  # "..., a survey showed less bias": the verb reports its object
            if (
                child.lemma_.lower() in lexicon.SPEECH_VERBS
                and any(c.dep_ == "nsubj" for c in child.children)
                and not _withdrawn(child)
            ):
                # "Ruiz suggested the plan had failed - “...,” Ruiz said": the clause is an
                # attribution of its own; the cue after it goes with the quotation
                continue
            return span, "complement-then-cue"
    return _question_clause(ctx, verb)


def _withdrawn(verb: Token) -> bool:
    """Whether "recall" takes back a thing rather than tells a memory: a plain object and
    no clause ("Halvorsen Pharma recalled four batches of its drug, the company said": the
    clause is the company's news, no attribution of its own)."""
    return (
        verb.lemma_.lower() == "recall"
        and any(c.dep_ == "dobj" for c in verb.children)
        and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
    )


def _own_object(verb: Token) -> bool:
    """Whether a verb of saying after a clause has an object of its own that is what it
    reports ("..., the audit showed a steep rise", "..., she tells one joke", "...,
    unions urged members"), so the clause before it is not its content. Whom one tells
    ("..., an aide told reporters") and a speaker the parse made the object ("..., said
    Ruiz") are no such object."""
    for obj in verb.rights:
        if obj.dep_ != "dobj" or _listener(verb, obj):
            continue
        if obj.pos_ == "PROPN" and not any(c.dep_ == "nsubj" for c in verb.children):
            continue  # "..., conceded Ruiz": the speaker after the verb
        if verb.lemma_.lower() in _WRITING_TO and obj.pos_ in ("PROPN", "PRON"):
            continue  # "..., the minister wrote Ruiz": whom she wrote to
        return True
    return False


#: Verbs of saying whose person object is whom one wrote to ("wrote Ruiz", "emailed her").
_WRITING_TO = frozenset(("write", "email", "e-mail", "text", "message"))


#: Verbs that put a question, whose "if" clause is the question asked ("asked them if").
_QUESTION_VERBS = frozenset(("ask", "wonder", "inquire", "enquire", "query"))


def _no_clause(child: Token, verb: Token) -> bool:
    """Whether a complement the parse put after the verb is no clause while one before it
    is: its head no verb (or a capitalised word, a name the tagger took for one), and a
    verb heading a complement before the cue ("Deforestation fell 31 percent, the
    government said on Wednesday, citing satellite data from the agency INPE", with "INPE"
    parsed as the complement)."""
    no_verb = child.pos_ not in ("VERB", "AUX") or (
        child.text[:1].isupper() and not child.is_sent_start
    )
    return no_verb and any(c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") for c in verb.lefts)


def _inverted_speaker(verb: Token) -> Token | None:
    """The speaker of "..., said NAME, ..." when the parse has made NAME the subject of a
    clause after the verb: a verb of saying without a subject, right after a comma that
    closes a clause it governs, and a second complement after it whose subject starts
    right after the verb (a name or a person noun)."""
    doc = verb.doc
    if (
        verb.lemma_.lower() not in lexicon.SPEECH_VERBS
        or verb.i < 2
        or doc[verb.i - 1].text != ","
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        return None
    if not any(
        c.dep_ == "ccomp" and c.right_edge.i >= verb.i - 2 and c.i < verb.i for c in verb.lefts
    ):
        return None
    for child in verb.rights:
        if child.dep_ != "ccomp":
            continue
        for subj in child.children:
            if (
                subj.dep_ == "nsubj"
                and subj.left_edge.i == verb.i + 1
                and (subj.pos_ == "PROPN" or subj.lower_ in lexicon.PERSON_NOUNS)
            ):
                return subj
    return None


def _question_clause(ctx: _Context, verb: Token) -> Found | None:
    """verb-complement: "Rubin asked the students if they were always so serious" -> the
    if-clause, which the parse hangs on the verb as a condition; after a verb that puts a
    question, "if" asks it ("whether" too)."""
    if verb.lemma_.lower() not in _QUESTION_VERBS:
        return None
    for child in verb.rights:
        if child.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "whether") and c.i == child.left_edge.i
            for c in child.children
        ):
            return _trim_span(ctx, Span(child.left_edge.idx, _right_end(verb, child))), (
                "verb-complement"
            )
    return None


def _subject_made_object(verb: Token, clause: Token) -> int | None:
    """Where a reported clause starts when the tagger made its verb a noun and the parse
    the clause's subject an object of "say": in "Garin said his focus groups and other
    research show that voters ..." the model reads "show" as a noun, so "his focus groups
    ... show" becomes the object and only "that voters ..." the clause. "Say" takes no
    object before a clause (what is said is the clause), so such an object is part of it.
    Other verbs of saying and belief too, when the clause has no subject and no "that" of
    its own and the noun is no listener ("argued the pipeline, which ..., would not go",
    "said the way the party treated them would be ...", with "way" an adverbial noun): a
    finite clause needs a subject, and the noun before it is the one it lost."""
    lemma = verb.lemma_.lower()
    lost = (
        lemma in lexicon.SPEECH_VERBS | lexicon.BELIEF_VERBS
        and lemma not in _LISTENER_VERBS
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for c in clause.children
        )
    )
    if lemma != "say" and not lost:
        return None
    for child in verb.rights:
        if (
            child.i < clause.i
            and child.pos_ in ("NOUN", "PROPN")
            and child.right_edge.i < clause.left_edge.i
            and (
                (lemma == "say" and child.dep_ == "dobj")
                or (
                    lost
                    and child.dep_ in ("dobj", "npadvmod")
                    # "posted two words on his network - “So terrible”": the clause is
                    # what the noun stands for, not a clause it is the subject of
                    and not any(
                        t.text in (":", "-", "–", "—", "--")
                        for t in verb.doc[child.right_edge.i + 1 : clause.left_edge.i]
                    )
                    and (
                        child.ent_type_ not in ("DATE", "TIME")
                        or any(c.dep_ in ("relcl", "acl") for c in child.children)
                    )
                )
            )
        ):
            return child.left_edge.idx
    return None


#: Verbs of saying whose object is whom they address ("told reporters the plan ...").
_LISTENER_VERBS = lexicon.words(
    "tell ask warn remind assure inform advise urge promise notify persuade convince teach "
    "call show"
)


def _after_leading_time(clause: Token) -> int:
    """Where a reported clause starts when the parse hangs the cue's time on it: in "The
    company said on Friday it would recall 320,000 cars" the model makes "on Friday" part
    of "recall", though it says when the company spoke. A time phrase (a preposition with a
    date or time, as the model's NER tags them) that opens the clause before its subject is
    left out; elsewhere in the clause it is what was said ("it would reopen on Friday")."""
    subjects = [c for c in clause.lefts if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects:
        return 0
    first = clause.left_edge
    for child in clause.lefts:
        if child.i != first.i or child.dep_ != "prep" or child.right_edge.i >= subjects[0].i:
            continue
        objects = [t for t in child.children if t.dep_ == "pobj"]
        # "on Friday", "at noon", "during a briefing on Monday"; not "by Friday" or
        # "until 2030", deadlines that belong to what was said
        if child.lower_ in _WHEN_SAID and objects and objects[0].ent_type_ in ("DATE", "TIME"):
            after = child.doc[child.right_edge.i + 1]
            return after.idx
    return 0


_WHEN_SAID = frozenset(("on", "at", "during"))


def _conjoined_complement(ctx: _Context, verb: Token, lemma: str) -> Found | None:
    """complement-then-cue, when the parse joins the cue to the clause it reports as a
    conjunct: in "Exporters could lose a third of their shipments, Aleksandr Holovatyuk,
    head of the traders' association, said on Wednesday" the model may make "said" a conj
    of "lose". The clause is then the one before the comma that opens the cue's subject;
    the cue must end its sentence (no object or clause of its own after it) and no "and"
    or "but" may join the two, which would make them two clauses of one writer."""
    head = verb.head
    if verb.dep_ not in ("conj", "advcl") or head.i >= verb.i or lemma not in lexicon.SPEECH_VERBS:
        return None
    if verb.dep_ == "advcl" and (
        verb.tag_ not in ("VBD", "VBZ", "VBP")
        or any(c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB") for c in verb.children)
    ):
        return None  # "..., after the mayor said": when, not what was said
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
    if not subjects or any(
        c.dep_ in ("ccomp", "xcomp", "conj") or (c.dep_ == "dobj" and not _listener(verb, c))
        for c in verb.rights
    ):
        return None
    first = subjects[0].left_edge.i
    doc = verb.doc
    if first == 0 or doc[first - 1].text != "," or first - 1 <= head.i:
        return None
    if any(c.dep_ in ("cc", "preconj") and head.i < c.i < verb.i for c in head.children):
        return None
    toks = [t for t in head.subtree if t.i < first - 1 and not t.is_space]
    if not toks or toks[0].i != head.left_edge.i:
        return None
    return _trim_span(ctx, Span(toks[0].idx, toks[-1].idx + len(toks[-1]))), "complement-then-cue"


def _reported_clause_as_subject(ctx: _Context, verb: Token, lemma: str) -> Found | None:
    """complement-then-cue, when the tagger took the reported clause's verb for a noun and
    the parse gave the cue two subjects: in "A new vaccine cut infections by 75 percent,
    researchers reported" the model may read "vaccine cut infections" as one noun, a
    subject of "reported" beside "researchers". The first subject's words, ending at the
    comma before the second, are the content; the second is the source (see
    kg.extract.attribution.reported)."""
    if lemma not in lexicon.SPEECH_VERBS:
        return None
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
    if len(subjects) < 2:
        return None
    first, last = subjects[0], subjects[-1]
    doc = verb.doc
    comma = last.left_edge.i - 1
    if doc[comma].text != "," or first.right_edge.i != comma - 1:
        return None
    toks = [t for t in first.subtree if not t.is_space]
    if (
        len(toks) < 5
        or first.pos_ == "PROPN"
        or not toks[0].is_sent_start
        or not toks[0].is_alpha
        or verb.i - comma > 5
    ):
        return None  # "Ban Ki-moon, the secretary general of the UN, vowed": one subject
    return _trim_span(ctx, Span(toks[0].idx, toks[-1].idx + len(toks[-1]))), "complement-then-cue"


#: Verbs that, as a bare participle after a noun ("..., the agency reported"), can only be
#: the sentence's verb of saying: no document is "said" or "told" by someone else there.
_PLAIN_SPEECH = frozenset(("say", "report", "tell", "add", "announce", "write", "state"))


def _trailing_cue_on_object(ctx: _Context, verb: Token, lemma: str) -> Found | None:
    """complement-then-cue, when the parse makes the cue's subject an object of the clause
    it reports and the cue a modifier on it: in "China will take tough measures if the
    curbs go ahead, the official Xinhua news agency reported on Tuesday" the model may make
    "agency" an object of "take" and "reported" its modifier. The source phrase must open
    after a comma, the cue be a verb of saying in the past or present (a bare participle
    only for :data:`_PLAIN_SPEECH`, never after a document) with nothing it reports after
    it (a time or place, or ", citing ...", may follow) and end the sentence's clause."""
    if verb.dep_ != "acl" or lemma not in lexicon.SPEECH_VERBS:
        return None
    noun = verb.head
    doc = verb.doc
    participle = verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if participle and (
        verb.lemma_.lower() not in _PLAIN_SPEECH or noun.lower_ in lexicon.FINDING_NOUNS
    ):
        return None  # "..., a study published in May": a document described, not quoted
    if (
        verb.tag_ not in ("VBD", "VBZ")
        and not participle
        or noun.i >= verb.i
        or noun.pos_ not in ("NOUN", "PROPN")
        or noun.dep_ not in ("dobj", "npadvmod", "appos", "attr", "pobj")
        or any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubj", "mark") for c in verb.children)
        or any(c.dep_ == "relcl" or c.tag_ == "WDT" for c in noun.children)
    ):
        return None
    first = noun.left_edge.i
    if first < 2 or doc[first - 1].text != ",":
        return None
    head = noun.head
    while head.dep_ not in ("ROOT", "ccomp") and head.head.i < head.i:
        head = head.head  # the object may hang on a preposition of the clause
    if head.i >= first or head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ == "cc" and c.i < first for c in head.children if c.i > head.i):
        return None  # "... and the agency reported": a clause of the writer's own
    toks = [t for t in head.subtree if t.i < first - 1 and not t.is_space]
    if not toks or toks[0].i != head.left_edge.i:
        return None
    return _trim_span(ctx, Span(toks[0].idx, toks[-1].idx + len(toks[-1]))), "complement-then-cue"


def _complement_as_head(ctx: _Context, verb: Token, lemma: str) -> Found | None:
    """complement-as-head: "... three days after Ruiz told the Nation he was “not ready”
    to back the bill": the parse may make the reported clause the head of the sentence and
    the cue a clause hung on it (an advcl or ccomp of "was"). When a verb of saying with
    its own subject has nothing after it but whom it told, when and where, and the clause
    it hangs on goes on right after it with its own subject (no comma between: "After Ruiz
    spoke, the crowd cheered" is two events), that clause is what was said."""
    head = verb.head
    if (
        lemma not in lexicon.SPEECH_VERBS
        or verb.dep_ not in ("advcl", "ccomp", "parataxis")
        or head.i <= verb.i
        or head.pos_ not in ("VERB", "AUX")
        or not any(c.dep_ == "nsubj" for c in verb.lefts)
    ):
        return None
    for c in verb.rights:
        if c.dep_ == "dobj" and _listener(verb, c):
            continue
        if c.dep_ in ("prep", "npadvmod", "advmod") and not any(
            t.pos_ in ("VERB", "AUX") for t in c.subtree
        ):
            continue
        return None
    doc = verb.doc
    nxt = verb.right_edge.i + 1
    if nxt < len(doc) and doc[nxt].lower_ == "that" and doc[nxt].head.i == head.i:
        nxt += 1
    subjects = [c for c in head.lefts if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects or subjects[-1].left_edge.i != nxt or subjects[-1].i < verb.i:
        return None
    start = doc[verb.right_edge.i + 1]
    last = head.right_edge
    end = min(last.idx + len(last), _aside_at(head))
    return _trim_span(ctx, Span(start.idx, end)), "complement-as-head"


def _answer_word(ctx: _Context, verb: Token, lemma: str) -> Found | None:
    """answer-word: "Asked whether the mayor should resign, 75 percent said yes": a
    verb of saying whose whole answer is "yes" or "no" right after it."""
    if lemma not in lexicon.SPEECH_VERBS or verb.i + 1 >= len(verb.doc):
        return None
    word = verb.doc[verb.i + 1]
    if word.lower_ not in ("yes", "no") or word.head.i != verb.i:
        return None
    after = verb.doc[word.i + 1] if word.i + 1 < len(verb.doc) else None
    if after is not None and not (after.is_punct or after.dep_ == "cc"):
        return None  # "said no to the plan", "said no one": more than the answer
    return Span(word.idx, word.idx + len(word)), "answer-word"


def _listener(verb: Token, obj: Token) -> bool:
    """Whether ``obj`` is only whom a verb of telling was told ("..., an aide told
    reporters", "told the Daily Nation"): a name, a pronoun or a noun of people with
    nothing reported hung on it; not what was told ("told a joke", "told the story of")."""
    return (
        verb.lemma_.lower() == "tell"
        and (
            obj.pos_ in ("PROPN", "PRON")
            or obj.lower_ in lexicon.PERSON_NOUNS
            or obj.lower_ in lexicon.GROUP_NOUNS
            or obj.lower_ in _AUDIENCES
        )
        and not any(c.dep_ in ("ccomp", "acl", "relcl", "xcomp") for c in obj.children)
    )


#: Whom one tells besides people and bodies ("told reporters", "told the crowd").
_AUDIENCES = lexicon.words("reporters journalists crowd crowds audience audiences viewers")


def _aside_at(clause: Token) -> int:
    """Where a reported clause gives way to the reporter's own words: ", according to ..."
    ("The coach said the squad would boycott the final, according to two players": their
    account of what was said, which rule according-to takes whole) or a relative clause
    describing someone it names ("said the contract went to Ana Ruiz, who chairs the
    port board": who she is, not what was said), or the reporter's comment closing it
    (:func:`_closing_comment`)."""
    doc = clause.doc
    last = clause.right_edge
    for tok in clause.subtree:
        if tok.i > clause.i and tok.lower_ in _ASIDE_WORDS and doc[tok.i - 1].text == ",":
            return doc[tok.i - 1].idx
        if (
            tok.i > clause.i
            and tok.text in (",", "—", "–", "--")
            and tok.i + 1 < len(doc)
            and _closing_comment(tok, last)
        ):
            return tok.idx
    return _NO_END  # (not len(doc.text): spaCy joins the whole text for that)


_NO_END = 1 << 62


def _second_cue_at(verb: Token, clause: Token) -> int:
    """Where a reported clause gives way to a second act of saying by the same speaker
    that the parse has joined to it ("said the squad was tired and warned that ...": see
    :func:`~kg.extract.attribution.context._outer_cue`); that verb makes its own
    statement."""
    for tok in clause.subtree:
        if tok.i > clause.i and tok.dep_ in ("conj", "advcl"):
            outer = _outer_cue(tok)
            if outer is not None and outer.i == verb.i:
                return tok.left_edge.idx
    return _NO_END


_ASIDE_WORDS = frozenset(("according", "who", "whom", "whose"))


def _contrast_speaker_at(verb: Token, clause: Token) -> int:
    """Where a reported clause gives way to a contrast the reporter draws with what
    someone else says or thinks: "74 percent said they are set on him, while 22 percent
    said they might change their minds", "Rubio suggested that ..., whereas Cruz said
    ...". The clause after ", while" (whereas, though) with its own verb of saying or
    belief and its own subject is a second statement, not part of the first."""
    doc = verb.doc
    for tok in clause.subtree:
        if tok.i <= clause.i or tok.lower_ not in _CONTRAST_MARKERS or tok.dep_ != "mark":
            continue
        comma = tok.i - 1
        if comma > 0 and doc[comma].lower_ == "even":
            comma -= 1
        if doc[comma].text != ",":
            continue
        marked = tok.head
        if any(
            t.pos_ == "VERB"
            and t.lemma_.lower() in lexicon.SPEECH_VERBS | lexicon.BELIEF_VERBS
            and any(c.dep_ == "nsubj" for c in t.children)
            and (t.i == marked.i or t.head.i == marked.i)
            for t in marked.subtree
        ):
            return doc[comma].idx
    return _NO_END


_CONTRAST_MARKERS = frozenset(("while", "whereas", "though", "although"))


def _clause_after_phrase(ctx: _Context, verb: Token, lemma: str) -> Found | None:
    """clause-after-phrase: "The minister said in a radio interview that talks had failed",
    "also said for the first time that ...": the parse hangs the that-clause on the phrase
    between, sometimes as a relative clause on its noun (:func:`_that_without_gap`). Verbs
    of saying only."""
    if lemma not in lexicon.SPEECH_VERBS:
        return None
    for child in verb.rights:
        if child.dep_ != "prep":
            continue
        for tok in child.subtree:
            if (
                tok.dep_ in ("acl", "ccomp", "relcl")
                and (
                    any(
                        c.dep_ == "mark" and c.lower_ == "that" and c.i == tok.left_edge.i
                        for c in tok.children
                    )
                    or _that_without_gap(tok)
                )
                and tok.head.lemma_.lower() not in _NOUNS_WITH_CLAUSE
            ):
                span = _clause_span(ctx, tok)
                end = max(span.end, _right_end(verb, tok))
                return _trim_span(ctx, Span(span.start, end)), "clause-after-phrase"
    return None


def _that_without_gap(clause: Token) -> bool:
    """Whether a relative clause the parse opened with "that" is rather a that-clause: in
    "predicted at the debate that rivals will take every state" the model makes "that" the
    object of "take", which has its object already ("every state"), so there is no gap
    for a relative word to fill and "that" only marks the clause. A clause with a gap
    ("said at the meeting that she chaired") stays a relative clause."""
    first = clause.doc[clause.left_edge.i]
    if clause.dep_ != "relcl" or first.lower_ != "that" or first.dep_ in ("nsubj", "nsubjpass"):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in clause.children):
        return False
    head = first.head
    return first.dep_ in ("dobj", "pobj") and any(
        c.dep_ == first.dep_ and c.i != first.i for c in head.children
    )


#: Nouns whose that-clause is their own ("responded to accusations that ...", "called for a
#: ban because of concerns that ..."), unlike a channel's ("said in a statement that").
_NOUNS_WITH_CLAUSE = (
    lexicon.CLAIM_NOUNS - lexicon.CHANNEL_NOUNS - lexicon.words("remark announcement declaration")
) | lexicon.words("evidence question idea notion news rumor speculation sign proof")


def _accused_of(ctx: _Context, verb: Token, lemma: str) -> Found | None:
    """accused-of: "Unions accused the operator of cutting safety checks" -> "the operator
    of cutting safety checks" (who is accused, and of what)."""
    if lemma != "accuse":
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    ofs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"]
    if not objs or not ofs:
        return None
    last = max(ofs[0].subtree, key=lambda t: t.i)
    return _trim_span(ctx, Span(objs[0].left_edge.idx, last.idx + len(last))), "accused-of"


def _as_reported(ctx: _Context, verb: Token) -> Found | None:
    """as-reported: "As the Tribune reported on Monday, the mine will close" -> the main
    clause after the "as" clause."""
    if verb.dep_ != "advcl":
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative", "attr") for c in verb.children):
        # "As the Tribune reported, ..." leaves its object to the "as"; "As Ruiz attacked
        # the plan, ..." has its own and says when, not what was reported
        return None
    main = verb.head
    if verb.i > main.i:
        return _as_reported_before(ctx, verb, main)
    toks = [t for t in main.subtree if not _in_subtree(t, verb) and t.i > verb.i]
    toks = [t for t in toks if not t.is_punct or t.i != toks[0].i]
    if not toks:
        return None
    return _trim_span(ctx, Span(toks[0].idx, toks[-1].idx + len(toks[-1]))), "as-reported"


#: Verbs of saying whose "as" clause is more often a time than a report: "as she spoke",
#: "as the crowd responded", "as he called for calm", "as she proposed it".
_AS_TIMES = frozenset(("speak", "talk", "respond", "reply", "answer", "call", "propose"))


def _as_reported_before(ctx: _Context, verb: Token, main: Token) -> Found | None:
    """as-reported with the "as" clause closing the sentence: "The figures changed over
    the summer, as the minister has acknowledged" -> the main clause before it. Only after
    a comma (without one, "as" is more often a time: "rose as she spoke"), only for verbs
    of saying and belief ("..., as she campaigns" is a time), not those in
    :data:`_AS_TIMES` or in the progressive (times too: "as she was speaking"), and not
    when the main clause is itself an act of saying, which is its own statement."""
    doc = verb.doc
    comma = verb.left_edge.i - 1
    if (
        comma <= main.left_edge.i
        or doc[comma].text != ","
        or verb.lemma_.lower() not in lexicon.SPEECH_VERBS | lexicon.BELIEF_VERBS
        or verb.lemma_.lower() in _AS_TIMES
        or verb.tag_ == "VBG"
        or main.lemma_.lower() in lexicon.SPEECH_VERBS
        or main.pos_ not in ("VERB", "AUX")
    ):
        return None
    toks = [t for t in main.subtree if t.i < comma and not t.is_space]
    if not toks:
        return None
    return _trim_span(ctx, Span(toks[0].idx, toks[-1].idx + len(toks[-1]))), "as-reported"


def _reported_object(ctx: _Context, obj: Token, lemma: str) -> Found | None:
    """denial-object: "The ministry denied reports of a cover-up" -> "reports of a
    cover-up"; finding-object: "The audit found serious failings", "published a study of
    ..." -> the object. "dismissed the claims as jealousy" is "the claims as jealousy":
    the verdict is what the source said of them (PolNeAR's annotators take it so too)."""
    if lemma == "publish" and obj.lower_ not in lexicon.FINDING_NOUNS:
        return None
    if lemma in lexicon.DENIAL_VERBS:
        if obj.ent_type_ == "PERSON" or obj.lower_ in lexicon.TITLE_HEADS:
            return None  # "Ajax dismissed head coach X", "rejected the nominee": no claim
        span = _clause_span(ctx, obj)
        verdict = _verdict_after(obj)
        if verdict is not None:
            span = _trim_span(
                ctx, Span(span.start, verdict.right_edge.idx + len(verdict.right_edge))
            )
        return span, "denial-object"
    if obj.pos_ == "PRON":
        return None  # "found itself hosting", "the poll found that": no finding in the object
    # "the poll showed Clinton with a healthy lead": what the object is found to be follows it
    span = _clause_span(ctx, obj)
    end = max(span.end, _right_end(obj.head, obj))
    figures = _figures_after(obj.doc, end)
    if figures is not None:
        end = figures  # "showed Ruiz ahead, with 41 percent against 33": the figures found
    return _trim_span(ctx, Span(span.start, end)), "finding-object"


def _figures_after(doc, end: int) -> int | None:
    """Where a "with" phrase holding a number that goes on right after a finding's object
    ends (", with 41 percent of voters backing her"): the figures that spell out what was
    found, which the parse hangs elsewhere. None when no such phrase follows."""
    comma = next((t for t in doc if t.idx >= end), None)
    if comma is None or comma.text != "," or comma.i + 1 >= len(doc):
        return None
    prep = doc[comma.i + 1]
    if prep.lower_ != "with" or prep.sent != comma.sent:
        return None
    words = list(prep.subtree)
    if not any(t.like_num or t.ent_type_ in ("PERCENT", "CARDINAL") for t in words):
        return None
    last = max(words, key=lambda t: t.i)
    return last.idx + len(last)


def _verb_predicate(ctx: _Context, verb: Token) -> Found | None:
    """verb-predicate: "..., calling the proposal 'reckless'" when the parse hangs the
    object elsewhere: everything from the verb to its predicate."""
    predicates = [c for c in verb.rights if c.dep_ == "oprd"]
    if not predicates or verb.i + 1 >= len(verb.doc):
        return None
    first = verb.doc[verb.i + 1]
    return _trim_span(ctx, Span(first.idx, _right_end(verb, predicates[0]))), "verb-predicate"


class _Stop(Exception):
    """A dependent rule ruled the verb out ("called half a dozen directors": telephoned)."""


def _dependent_content(ctx: _Context, verb: Token, lemma: str, takes_object: bool) -> Found | None:
    """The verb's later dependents in order; the first that one of these rules reads wins:
    verb-infinitive, called-quote, stance-object, verb-prep-object."""
    try:
        for child in verb.children:
            if child.i < verb.i:
                continue
            found = (
                _verb_infinitive(ctx, child)
                or _for_clause(ctx, verb, child, takes_object)
                or _called_quote(ctx, verb, lemma, child)
                or _stance_object(ctx, verb, child, takes_object)
                or _verb_prep_object(ctx, verb, lemma, child, takes_object)
            )
            if found is not None:
                return found
    except _Stop:
        return None
    return None


def _verb_infinitive(ctx: _Context, child: Token) -> Found | None:
    """verb-infinitive: "The union vowed to fight the closures", "declined to comment",
    "wants to win" -> the infinitive clause; "suggested raising the levy", "proposed
    closing the mine" -> the gerund clause (what is proposed or reported done)."""
    if child.dep_ == "xcomp" and (
        any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        or (child.tag_ == "VBG" and child.i == child.head.i + 1 + _adverbs_between(child))
    ):
        if _anonymity(child):
            raise _Stop  # "who asked not to be named": why a source is unnamed, no statement
        span = _clause_span(ctx, child)
        resumed = _after_dash_aside(child.doc[child.right_edge.i])
        if resumed is not None:
            # "pledged to ban all visitors — 90 million people a year — from entering"
            span = _trim_span(ctx, Span(span.start, resumed.idx + len(resumed)))
        for tok in child.subtree:
            if tok.text == "," and _closing_comment(tok, child.right_edge):
                # "vowed to repeal the grazing act, a decades-old law that ...": the
                # reporter's comment on what was vowed, as after a reported clause
                span = _trim_span(ctx, Span(span.start, min(span.end, tok.idx)))
                break
        bare = _bare_conjuncts_end(child)
        if bare is not None:
            # "has pledged to cut fees, fix the roads and hire nurses": the parse joined
            # the infinitive's bare conjuncts to the cue
            span = _trim_span(ctx, Span(span.start, bare.idx + len(bare)))
        finite = _finite_conjunct(child)
        if finite is not None:
            # "vowed to keep the clinics open and celebrated the ruling": a finite verb is
            # no part of the infinitive; it is the subject's next act, joined to it by the
            # parse
            span = _trim_span(ctx, Span(span.start, min(span.end, finite)))
        return span, "verb-infinitive"
    return None


#: What a source asks not to be, in the phrase news gives for leaving it unnamed.
_NAMED = frozenset(("name", "identify", "quote", "cite"))


def _anonymity(infinitive: Token) -> bool:
    """Whether an infinitive is the asking for anonymity news writes beside an unnamed
    source ("who asked not to be named", "requested not to be identified because ..."):
    the reason the source has no name, not something it said."""
    return (
        infinitive.lemma_ in _NAMED
        and any(c.dep_ == "neg" for c in infinitive.children)
        and any(c.dep_ == "auxpass" for c in infinitive.children)
    )


def _bare_conjuncts_end(infinitive: Token) -> Token | None:
    """The last word of the bare verbs the parse joined to the cue verb after its
    to-infinitive ("Okafor has promised to meet and in some cases exceed the targets",
    "pledged to enact the reform, fix the courts and ..."): a bare verb without a subject
    cannot go on from a cue in the past, perfect or third person; it is another verb of
    the infinitive. None when there is none."""
    verb, doc = infinitive.head, infinitive.doc
    if verb.tag_ not in ("VBD", "VBN", "VBZ"):
        return None
    end = infinitive.right_edge.i
    found = None
    for conj in verb.rights:
        if conj.dep_ != "conj" or conj.i <= end:
            continue
        if conj.tag_ not in ("VB", "VBP") or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conj.children
        ):
            break
        if not all(t.is_punct or t.dep_ == "cc" for t in doc[end + 1 : conj.left_edge.i]):
            break
        # not into a clause of its own joined to it ("..., fix the courts and he pledged")
        own = [
            c
            for c in conj.children
            if c.dep_ == "conj" and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)
        ]
        end = own[0].left_edge.i - 1 if own else conj.right_edge.i
        while end > conj.i and (doc[end].is_punct or doc[end].dep_ == "cc"):
            end -= 1
        found = doc[end]
        if own:
            break
    while found is not None and found.is_punct and found.i > infinitive.i:
        found = doc[found.i - 1]
    return found


def _finite_conjunct(verb: Token) -> int | None:
    """Where a conjunct of an infinitive or gerund that is a finite verb starts (at the
    conjunction before it): "to keep the clinics open and celebrated the ruling", "banning
    the imports and has since gone further". An infinitive's own conjuncts are bare ("to
    keep the clinics open and protect the staff")."""
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i < verb.i:
            continue
        if conj.tag_ in ("VBD", "VBZ", "VBP") or any(
            a.dep_ == "aux" and a.lower_ in ("has", "have", "had") for a in conj.children
        ):
            start = conj.left_edge
            before = [c for c in verb.children if c.dep_ == "cc" and c.i < conj.i]
            if before:
                start = min(start, before[-1], key=lambda t: t.i)
            return start.idx
    return None


#: Dashes that set off an aside in pairs (the horizontal bar too, which some sites print).
_DASHES = frozenset(("—", "–", "―", "--"))


def _after_dash_aside(last: Token) -> Token | None:
    """Where a phrase ending at ``last`` goes on after an aside between two dashes: in
    "pledged to ban all visitors — 90 million people a year — from entering the country"
    the model hangs the aside and "from entering ..." on some earlier noun, so the
    infinitive's words stop at "visitors". When a noun is followed by a dash, a noun
    phrase with no verb of its own, a second dash and a preposition, the phrase goes on to
    the end of that preposition's words; None when the words are not so."""
    doc = last.doc
    open_ = last.i + 1
    if open_ >= len(doc) or doc[open_].text not in _DASHES or last.pos_ not in ("NOUN", "PROPN"):
        return None
    end = min(open_ + 12, last.sent.end - 1)
    close = next((t for t in doc[open_ + 1 : end] if t.text == doc[open_].text), None)
    if close is None or close.i == open_ + 1 or close.i + 1 >= last.sent.end:
        return None
    aside = doc[open_ + 1 : close.i]
    if any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in aside):
        return None
    prep = doc[close.i + 1]
    if prep.pos_ != "ADP" or prep.dep_ not in ("prep", "agent"):
        return None
    return doc[prep.right_edge.i]


def _adverbs_between(child: Token) -> int:
    """How many adverbs stand between a verb and its complement ("suggested temporarily
    closing")."""
    doc = child.doc
    return sum(1 for t in doc[child.head.i + 1 : child.i] if t.pos_ == "ADV")


def _for_clause(ctx: _Context, verb: Token, child: Token, takes_object: bool) -> Found | None:
    """for-clause: "Unions in Lima called for the minister to resign", "pressed for the
    port to be reopened" -> what someone should do, with its subject ("the minister to
    resign"): the parse makes "for" the marker of a clause rather than a preposition."""
    if not (takes_object and child.dep_ == "advcl"):
        return None
    marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ == "for"]
    if not marks or marks[0].i > verb.i + 2:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
        return None
    subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].i < marks[0].i:
        return None
    end = child.right_edge
    return _trim_span(ctx, Span(subjects[0].left_edge.idx, end.idx + len(end))), "for-clause"


def _called_quote(ctx: _Context, verb: Token, lemma: str, child: Token) -> Found | None:
    """called-quote: "She called the ruling “a disgrace”" -> the object and the
    quotation. "called half a dozen directors" (telephoned) ends the search: no content."""
    if (
        child.dep_ != "dobj"
        or lemma not in _NAMING_VERBS
        or any(c.dep_ in ("oprd", "xcomp") for c in verb.children)
    ):
        return None
    # "called Trump a liar" names; "called half a dozen directors" telephoned, unless a
    # quotation follows the object ("called him \"a disgrace\"")
    # (the parse may hang the quotation on the object: "called the minister "the prince
    # of self-publicity"" as an apposition)
    nxt = child.right_edge.i + 1
    limit = verb.doc[nxt].idx if nxt < len(verb.doc) else len(ctx.text)
    # (or the quotation inside the object's phrase, which the parse made one noun phrase:
    # "calling border crossers “thieves” and criminals", object "thieves")
    quote = next((q for q in ctx.quotes if child.left_edge.idx < q.open_at <= limit), None)
    if quote is None:
        if lemma == "call":
            raise _Stop
        return None
    end = quote.outer.end
    rest = [t for t in child.subtree if t.idx >= end]
    if rest and not any(t.is_punct and t.text not in _QUOTE_MARKS for t in rest):
        # the object's phrase goes on after the quotation ("“thieves” and criminals"),
        # not past a comma or dash that opens the reporter's aside
        end = max(end, child.right_edge.idx + len(child.right_edge))
    return _trim_span(ctx, Span(child.left_edge.idx, end)), "called-quote"


def _called_relative(ctx: _Context, verb: Token, lemma: str) -> Found | None:
    """called-relative: "the tower, which the mayor called “a disgrace”", "protesters,
    whom the chief described as “peaceful”": a naming verb whose object is the relative
    word before its subject, and a quotation right after it: what the verb calls it."""
    if lemma not in _RELATIVE_NAMING_VERBS:
        return None
    rel = _relative_object(verb)
    if rel is None or rel.i > verb.i:
        return None
    rights = [c for c in verb.rights if not c.is_punct]
    doc = verb.doc
    if not rights or verb.i + 1 >= len(doc):
        return None
    first = doc[verb.i + 1]
    # the quotation is what the verb calls it: right after the verb or after "as" or an
    # article ("as a “piece of history”"), to the end of the phrase; a quoted word inside
    # a phrase ("what he calls the “crooked” process") is a scare quote
    start = first
    while start.i + 1 < len(doc) and start.lower_ in ("as", "a", "an") and start.i < verb.i + 3:
        start = doc[start.i + 1]
    quote = next((q for q in ctx.quotes if q.open_at == start.idx), None)
    last = rights[0].right_edge
    if quote is None or last.idx + len(last) > quote.outer.end:
        return None
    return _trim_span(ctx, Span(first.idx, quote.outer.end)), "called-relative"


def _object_relative(ctx: _Context, verb: Token, lemma: str, takes_object: bool) -> Found | None:
    """object-relative: "an arrangement the union has criticized", "a point
    the senator also acknowledged", "the things the mayor said about farmers": a verb
    that takes what it reports as its object, in a relative clause with its own subject
    and no object after it; what it reports is the noun the clause describes (the
    phrase up to the clause). Not with a relative word ("which", "that"), which the
    clause's own rules read, nor when the noun is a time ("the day she announced")."""
    if verb.dep_ != "relcl" or not (takes_object or lemma == "say"):
        return None
    noun = verb.head
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if (
        not subjects
        or noun.pos_ not in ("NOUN", "PROPN")
        or noun.i >= verb.i
        or noun.ent_type_ in ("DATE", "TIME")
        or noun.lemma_.lower() in _NOT_REPORTED_HEADS
        or any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") for c in verb.children)
        or verb.left_edge.i != subjects[0].left_edge.i
        # "the candidate they support", "the book she wrote": with a pronoun the clause
        # mostly says which one, not what was reported
        or subjects[0].pos_ == "PRON"
        # "..., the state news agency SPA reported.": the agency's name, not a relative
        # clause ("the kind of body" noun right before a name that ends the sentence)
        or noun.lower_ in lexicon.OUTLET_NOUNS | lexicon.GENERIC_ORG_NOUNS
        and subjects[0].left_edge.i == noun.i + 1
        and subjects[0].pos_ == "PROPN"
    ):
        return None
    if any(t.tag_ in ("WDT", "WP", "WP$") or t.lower_ == "that" for t in doc[noun.i + 1 : verb.i]):
        return None  # "voters who decided", "the plan, which critics opposed"
    end = doc[verb.left_edge.i - 1]
    while end.i > noun.left_edge.i and end.is_punct:
        end = doc[end.i - 1]
    return _trim_span(ctx, Span(noun.left_edge.idx, end.idx + len(end))), "object-relative"


#: Heads a relative clause describes without being what its verb reports ("the way he
#: described it", "the time she called", "the reason they gave").
_NOT_REPORTED_HEADS = lexicon.words(
    "way time times day days year years moment reason place extent week month night"
)


def _relative_piece(ctx: _Context, verb: Token) -> Span | None:
    """What a called-relative statement is about, as its first piece: the noun phrase the
    relative clause is on, up to its noun ("the tower" of "the tower, which the mayor
    called “a disgrace”"), or the relative word when the parse gives no such noun."""
    rel = _relative_object(verb)
    if rel is None:
        return None
    if verb.dep_ == "relcl" and verb.head.i < rel.i:
        noun = verb.head
        return _trim_span(ctx, Span(noun.left_edge.idx, noun.idx + len(noun)))
    return _trim_span(ctx, Span(rel.idx, rel.idx + len(rel)))


def _relative_object(verb: Token) -> Token | None:
    """The relative word that is a naming verb's object ("which" in "which the mayor
    called ..."), if any."""
    return next(
        (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in _RELATIVE_OBJECTS), None
    )


#: Relative words that stand for a naming verb's object before its subject.
_RELATIVE_OBJECTS = frozenset(("which", "whom", "what", "that", "who"))


#: Verbs that name or characterise their object with the words after it ("called the
#: ruling “a disgrace”", "declared it “a historic night”", "dubbed him “the bulldozer”").
_NAMING_VERBS = frozenset(("call", "declare", "dub", "label", "brand", "term", "deem"))

#: Naming verbs with a relative object before them ("whom the chief described as ...").
_RELATIVE_NAMING_VERBS = _NAMING_VERBS | {"describe"}


def _verdict_after(obj: Token) -> Token | None:
    """The "as" phrase right after a denied object that says what the source called it,
    when the parse hangs it on the verb: "dismissed the report as 'fiction'", "rejected
    the idea as ludicrous". Not an "as" clause of time or reason ("denied the claim as he
    left"): that "as" is a marker, not a preposition."""
    nxt = obj.right_edge.i + 1
    for child in obj.head.rights:
        if child.i == nxt and child.lower_ == "as" and child.dep_ == "prep":
            return child
    return None


def _stance_object(ctx: _Context, verb: Token, child: Token, takes_object: bool) -> Found | None:
    """stance-object: "The senator called the deal a betrayal", "views him as a threat",
    "backs the bill" -> the object and what follows it."""
    if (
        child.dep_ == "dobj"
        and (takes_object or _said_object(ctx, verb, child))
        and not _called_back(verb, child)
        and not _billed(verb, child)
        and not _posted_result(verb, child)
        # "promised Sunday to reopen the bridge": a day the parse made the object is when
        and not (child.lower_ in _DAYS and not list(child.children))
    ):
        return _trim_span(ctx, Span(child.left_edge.idx, _right_end(verb, child))), "stance-object"
    return None


#: Days a parse may take for a verb's object ("promised Sunday to ...", "said Monday").
_DAYS = lexicon.words(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow"
)


def _still_to_do(verb: Token) -> bool:
    """Whether ``verb`` is something its subject needs, wants or has to do ("needs to sell
    herself and tell more jokes"), not something done."""
    tok = verb
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _NEEDING_VERBS


_NEEDING_VERBS = lexicon.words("need want have ought hope wish")

#: What one tells, as against whom ("told a joke" / "told reporters").
_TOLD_THINGS = lexicon.words("story tale joke lie truth anecdote version account")


def _said_object(ctx: _Context, verb: Token, obj: Token) -> bool:
    """Whether the object of "say" is what was said: "says racist things", "said the same
    thing", "say goodbye", and the subject of a reported clause whose verb the tagger made
    a noun or a relative clause ("Stone says the increase that Bloomberg decries also
    makes ..."). Its object can be nothing else (a listener takes "to"; "say nothing"
    is a pronoun). Not in a headline, which the headline rule reads by its words."""
    if verb.lemma_.lower() == "tell":
        # "told a joke", "told stories of how ...": what is told, not whom; not what
        # someone "needs to tell", which nobody has told yet
        return (
            obj.lemma_.lower() in _TOLD_THINGS
            and not _in_headline(ctx, verb.idx)
            and not _still_to_do(verb)
        )
    return (
        verb.lemma_.lower() == "say"
        and obj.pos_ in ("NOUN", "PROPN")
        and obj.ent_type_ not in ("DATE", "TIME")
        and not _in_headline(ctx, verb.idx)
        # "the funding system, which advocates say disadvantages schools": the parse
        # lost the clause's subject and verb both
        and not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children)
    )


def _called_back(verb: Token, obj: Token) -> bool:
    """ "The dairy recalled 40,000 cartons", "Chile recalled its ambassador": "recall"
    with an object counted or called back is an act, not a memory told."""
    if verb.lemma_ != "recall":
        return False
    # a count is called back ("40,000 cartons"); a year is remembered ("a 2007 bill")
    return obj.lemma_.lower() in lexicon.CALLED_BACK or any(
        t.like_num and t.ent_type_ not in ("DATE", "TIME") for t in obj.subtree
    )


def _billed(verb: Token, obj: Token) -> bool:
    """ "The club charged a $100,000 fee", "charged his campaign for rent": "charge" with
    a sum or a bill is a price asked, not an accusation ("charged the driver with
    manslaughter" still reports one)."""
    if verb.lemma_ != "charge":
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return False
    return (
        obj.lemma_.lower() in _PRICES
        or any(t.ent_type_ == "MONEY" for t in obj.subtree)
        or any(c.dep_ == "prep" and c.lower_ == "for" for c in (*verb.children, *obj.children))
    )


def _posted_result(verb: Token, obj: Token) -> bool:
    """ "The carmaker posted a record loss", "Ruiz posted a narrow victory", "posted a 17
    percent rise in sales": "post" with a result, a sum or a share is a result achieved,
    as business and sports pages write it, not something published."""
    if verb.lemma_.lower() != "post":
        return False
    return obj.lemma_.lower() in _RESULTS or any(
        t.ent_type_ in ("MONEY", "PERCENT") for t in obj.subtree
    )


#: What one posts as a result ("posted a loss", "posted a win", "posted record profits").
_RESULTS = lexicon.words(
    """
    victory victories win wins defeat loss losses gain gains profit profits earnings
    revenue revenues sales surplus deficit increase increases rise decline decrease drop
    fall growth lead record score time result results return returns margin
    """
)


#: What one charges as a price ("charged a fee", "charged more than that").
_PRICES = lexicon.words(
    "fee fees price prices rent rate rates interest premium fare toll more less"
)


def _verb_prep_object(
    ctx: _Context, verb: Token, lemma: str, child: Token, takes_object: bool
) -> Found | None:
    """verb-prep-object: "Residents called for an inquiry", "pointed to the polls",
    "talked about jobs"; "called on the government to block the visit" runs to the
    infinitive."""
    if not (
        takes_object
        and child.dep_ == "prep"
        and child.lower_ in lexicon.CONTENT_PREPOSITIONS
        and (
            child.i <= verb.i + 2
            or _after_addressee(verb, child)
            or _after_when_or_where(verb, child)
        )
        # one talks to or with people but about a subject; one writes for a paper or for
        # the court's majority ("Writing for the majority, Justice Mokoena said")
        and not (lemma in ("talk", "speak", "write") and child.lower_ not in ("about", "on", "of"))
        # one campaigns on an issue or for a candidate, but with a companion ("campaigned
        # with the governor in Leeds")
        and not (lemma == "campaign" and child.lower_ == "with")
        # one reports on a subject, but to a superior ("the police, which reports to the
        # Home Ministry")
        and not (lemma == "report" and child.lower_ == "to")
    ):
        return None
    objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
    if not objs:
        return None
    then = [
        c
        for c in verb.rights
        if c.i > child.i
        and c.dep_ in ("xcomp", "advcl")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    if then:  # "called on the government to block the visit"
        return _trim_span(ctx, Span(objs[0].left_edge.idx, _right_end(verb, then[0]))), (
            "verb-prep-object"
        )
    if _said_when_or_on(child):
        return None  # "voted on March 2", "wrote on Twitter": when or where, not what
    return _trim_span(ctx, Span(objs[0].left_edge.idx, _right_end(verb, child))), (
        "verb-prep-object"
    )


def _after_when_or_where(verb: Token, prep: Token) -> bool:
    """Whether only when or where it was said stands between a verb and its content
    phrase ("posted on Twitter about the fuel shortage", "spoke on Monday about jobs")."""
    between = [c for c in verb.children if verb.i < c.i < prep.i and not c.is_punct]
    return (
        bool(between)
        and between[0].i == verb.i + 1
        and all(c.dep_ == "prep" and _said_when_or_on(c) for c in between)
        and between[-1].right_edge.i + 1 == prep.i
    )


def _said_when_or_on(prep: Token) -> bool:
    """Whether a phrase on a verb is a date or time, or a platform ("on Friday", "on
    Twitter"), not what the verb reports."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objs) and (objs[0].ent_type_ in ("DATE", "TIME") or objs[0].lower_ in _PLATFORMS)


def _after_addressee(verb: Token, prep: Token) -> bool:
    """Whether only the people spoken to stand between a verb and its "about" phrase
    ("spoke to reporters in Nairobi about the strike", "complained to the council about
    the noise"): the phrase is still what was said."""
    if prep.lower_ not in ("about", "on", "of"):
        return False
    between = [
        c for c in verb.children if verb.i < c.i < prep.i and not c.is_punct and c.dep_ != "advmod"
    ]
    return (
        bool(between)
        and between[0].lower_ in ("to", "with")
        and between[0].i <= verb.i + 2
        and all(c.dep_ == "prep" and c.lower_ in ("to", "with", "in", "at") for c in between)
        and between[-1].right_edge.i + 1 == prep.i
    )


_CLAUSE_BREAKS = frozenset(",;:—–-()")

#: Words after a comma that open an aside or a contrast, not more of what was said.
_ASIDES = frozenset(
    (
        "but",
        "while",
        "whereas",
        "although",
        "though",
        "however",
        "which",
        "despite",
        "compared",
        "according",
    )
)


#: Quotation marks as tokens, the doubled apostrophes some papers print included ('').
_QUOTE_MARKS = frozenset(('"', "“", "”", "'", "‘", "’", "''", "``"))


#: Verbs that say what their object is as ("described the plan as a sham").
_DESCRIBING_VERBS = lexicon.words(
    "describe portray depict characterize characterise cast paint present label brand "
    "dismiss view see regard"
)


#: Prepositions of a stance's circumstances ("at a rally", "during a call", "in Lagos").
_CIRCUMSTANCE = frozenset(("at", "during", "in"))


#: Where a stance is voiced ("on Twitter", "in a radio interview", "on social media").
_CHANNELS = lexicon.CHANNEL_NOUNS | lexicon.words(
    "twitter facebook instagram youtube tiktok television tv media website blog"
)


#: Where things are posted, as against what is said ("wrote on Twitter").
_PLATFORMS = lexicon.words("twitter facebook instagram youtube tiktok television tv")


def _when_or_where_said(prep: Token) -> bool:
    """Whether a verb's prepositional phrase says when ("on Sunday", "in March"; not an
    event: "at the rally") or through what ("on Twitter", "in an interview") it was said:
    a stance's object ends before it."""
    if prep.dep_ != "prep" or prep.lower_ not in ("on", "in", "at", "during", "via"):
        return False
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs:
        return False
    obj = objs[0]
    return obj.ent_type_ in ("DATE", "TIME") or obj.lower_ in _CHANNELS


def _right_end(verb: Token, complement: Token) -> int:
    """Where the content that starts with ``complement`` ends: its own subtree, extended
    over the verb's later dependents. A clause runs to the end of the sentence; an object
    ("called Trump a liar") stops at a comma or dash. Neither runs on past a semicolon or
    into a contrast (", but ...")."""
    end_tok = complement.right_edge
    if complement.dep_ == "ccomp":
        # reported speech runs on to the end of the sentence ("said money is needed to
        # develop a vaccine, educate the public and ..."), which the parse often splits
        # off as the verb's own dependents, unless the sentence moves on to another act
        # of saying (", adding that ...")
        for child in verb.rights:
            if child.i <= complement.i or child.is_punct:
                continue
            if child.dep_ == "parataxis" or (
                child.lemma_.lower() in lexicon.SPEECH_VERBS and not _split_clause(child)
            ):
                break
            end_tok = max(end_tok, child.right_edge, key=lambda t: t.i)
    else:
        for child in verb.rights:
            if child.i <= complement.i:
                continue
            if child.is_punct and child.text in _CLAUSE_BREAKS:
                break
            if child.is_punct and child.text in _QUOTE_MARKS:
                continue  # a quotation inside the object: "signed an order 'to protect ...'"
            if child.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children
            ):
                # a purpose belongs to the object: "$1 trillion in spending to create jobs"
                end_tok = max(end_tok, child.right_edge, key=lambda t: t.i)
                continue
            if (
                child.dep_ == "advcl"
                and verb.lemma_.lower() in _DESCRIBING_VERBS
                and any(c.dep_ == "mark" and c.lower_ == "as" for c in child.children)
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            ):
                # "described the dinner as the capital celebrating itself", "portrayed the
                # country as beset by crime": what the object is described as
                end_tok = max(end_tok, child.right_edge, key=lambda t: t.i)
                continue
            if child.dep_ in ("advcl", "conj", "cc", "parataxis", "npadvmod", "punct", "relcl"):
                break
            if complement.dep_ == "dobj" and _when_or_where_said(child):
                # "blamed local officials on Twitter", "stressed the risks on Sunday":
                # when and through what the stance was taken are the reporter's
                break
            if (
                child.dep_ == "prep"
                and child.lower_ in _CIRCUMSTANCE
                and complement.dep_ == "dobj"
                and complement.pos_ in ("PROPN", "PRON")
            ):
                # "thanked Ana Ruiz at a rally in Lagos": the stance is toward the one
                # named; where and when it was taken are the reporter's
                break
            end_tok = max(end_tok, child.right_edge, key=lambda t: t.i)
    # inside the complement too: stop before a comma that opens an aside or a new clause
    for tok in complement.doc[complement.i + 1 : end_tok.i + 1]:
        if (
            tok.text in (";", "—", "–", "--")
            or (
                tok.text == "-" and tok.whitespace_ and tok.i > 0 and tok.doc[tok.i - 1].whitespace_
            )
            or (
                tok.text == ","
                and tok.i + 1 < len(tok.doc)
                and (tok.doc[tok.i + 1].lower_ in _ASIDES or _closing_comment(tok, end_tok))
                and not _second_complement(tok.doc[tok.i + 1])
            )
        ):
            end_tok = tok.doc[tok.i - 1]
            break
    return end_tok.idx + len(end_tok)


def _split_clause(child: Token) -> bool:
    """Whether a second complement of the cue, with no subject or complement of its own,
    is the rest of the first, which the parse cut in two: in "said the figures presented to
    parliament “do not add up”", "add" is no second act of saying but the verb of "the
    figures" ("... but said “the timing is wrong”" is one, with its own complement)."""
    return child.dep_ == "ccomp" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "ccomp", "xcomp", "dobj") for c in child.children
    )


def _second_complement(word: Token) -> bool:
    """Whether ``word`` ("but") opens a second clause of what was said, marked as such:
    "said the tax would rise, but that pensions would be protected". Not a clause that is
    the subject of the reporter's own verb ("said it would investigate, but whether anyone
    will be punished is unclear")."""
    doc = word.doc
    if word.lower_ != "but" or word.i + 1 >= len(doc):
        return False
    marker = doc[word.i + 1]
    return (
        marker.lower_ in ("that", "whether")
        and marker.dep_ == "mark"
        and marker.head.dep_ in ("conj", "ccomp")
    )


def _closing_comment(comma: Token, end_tok: Token) -> bool:
    """Whether the words after ``comma`` are the reporter's comment on what was said, set
    off at its end: an indefinite noun phrase in apposition that runs to the end ("said it
    would cut 30,000 jobs, a layoff that dwarfs the last one"; "conceded that families
    would pay more, an admission her rivals seized on")."""
    det = comma.doc[comma.i + 1]
    if det.lower_ not in ("a", "an") or det.dep_ != "det":
        return False
    noun = det.head
    return (
        noun.dep_ in ("appos", "npadvmod", "dep")
        and noun.i > comma.i
        and noun.right_edge.i >= end_tok.i
    )


def _clause_span(ctx: _Context, head: Token) -> Span:
    """The words of ``head``'s subtree, with its marker ("said that ...", "asked whether
    ...": the reported clause as written)."""
    toks = sorted(head.subtree, key=lambda t: t.i)
    toks = [t for t in toks if not t.is_space]
    return _trim_span(ctx, Span(toks[0].idx, toks[-1].idx + len(toks[-1])))
