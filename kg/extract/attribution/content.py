"""Where reported content begins and ends: the complement of a verb of saying and the clause
boundaries it stops at. Kept apart because sourced and unsourced statements both cut content
this way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Token

from kg.extract import lexicon
from kg.extract.attribution.context import _Context, _in_subtree, _inside_quote, _trim_span
from kg.model import Span


def _complement(ctx: _Context, verb: Token, lemma: str) -> Span | None:
    """The reported content: a clausal complement ("said (that) ..."), the object of a
    denial or finding ("denied reports of ..."), or for "As X reported, ..." the main clause."""
    # a complement after the verb is what it reports; one before it is usually an aside
    # ("Inside the mosque - which looks like a church - Nefzi said he ...")
    for child in [*verb.rights, *verb.lefts]:
        if child.dep_ == "ccomp":
            span = _clause_span(ctx, child, skip_marker=True)
            if child.i > verb.i:
                # "said (that) A and B": what the verb governs after its complement, up to
                # the first comma or dash that opens another clause
                return _trim_span(ctx, Span(span.start, max(span.end, _right_end(verb, child))))
            return span
    if lemma in lexicon.SPEECH_VERBS:
        # "said in one of a series of Twitter messages that ...", "also said for the first
        # time that ...": the parse hangs the clause on the phrase between
        for child in verb.rights:
            if child.dep_ != "prep":
                continue
            for tok in child.subtree:
                if tok.dep_ in ("acl", "ccomp", "relcl") and any(
                    c.dep_ == "mark" and c.lower_ == "that" and c.i == tok.left_edge.i
                    for c in tok.children
                ):
                    span = _clause_span(ctx, tok, skip_marker=True)
                    return _trim_span(ctx, Span(span.start, max(span.end, _right_end(verb, tok))))
    if lemma == "accuse":
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        ofs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"]
        if objs and ofs:
            last = max(ofs[0].subtree, key=lambda t: t.i)
            return _trim_span(ctx, Span(objs[0].left_edge.idx, last.idx + len(last)))
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        main = verb.head
        toks = [t for t in main.subtree if not _in_subtree(t, verb) and t.i > verb.i]
        toks = [t for t in toks if not t.is_punct or t.i != toks[0].i]
        if toks:
            return _trim_span(ctx, Span(toks[0].idx, toks[-1].idx + len(toks[-1])))
    if lemma in lexicon.DENIAL_VERBS or lemma in lexicon.FINDING_VERBS or lemma == "publish":
        for child in verb.children:
            if child.dep_ == "dobj":
                if lemma == "publish" and child.lower_ not in lexicon.FINDING_NOUNS:
                    return None
                if lemma in lexicon.DENIAL_VERBS:
                    # "dismissed the claims as jealousy": the claims, not the verdict
                    return _clause_span(ctx, child, skip_marker=False, stop_at=("as",))
                return _clause_span(ctx, child, skip_marker=False)
    takes_object = (
        lemma in lexicon.OBJECT_CUE_VERBS
        or lemma in lexicon.BELIEF_VERBS
        or (
            lemma in lexicon.SPEECH_VERBS and lemma not in ("tell", "say", "add", "recall", "share")
        )
    )
    if takes_object and not any(c.dep_ == "dobj" for c in verb.children):
        predicates = [c for c in verb.rights if c.dep_ == "oprd"]
        if predicates and verb.i + 1 < len(verb.doc):
            # "calling Trump's charge 'pathetic'" when the parse hangs the object elsewhere:
            # everything from the verb to its predicate
            first = verb.doc[verb.i + 1]
            return _trim_span(ctx, Span(first.idx, _right_end(verb, predicates[0])))
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ == "xcomp" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            # "declined to comment", "vowed to fight on", "wants to win"
            return _clause_span(ctx, child, skip_marker=False)
        if (
            child.dep_ == "dobj"
            and lemma == "call"
            and not any(c.dep_ in ("oprd", "xcomp") for c in verb.children)
        ):
            # "called Trump a liar" names; "called half a dozen directors" telephoned, unless a
            # quotation follows the object ("called him \"a disgrace\"")
            nxt = child.right_edge.i + 1
            if nxt >= len(verb.doc) or not _inside_quote(ctx, verb.doc[nxt].idx + 1):
                return None
            quote = next((q for q in ctx.quotes if q.open_at == verb.doc[nxt].idx), None)
            if quote is None:
                return None
            return _trim_span(ctx, Span(child.left_edge.idx, quote.outer.end))
        if child.dep_ == "dobj" and takes_object:
            # "called Trump a liar", "views him as a threat": object and what follows
            return _trim_span(ctx, Span(child.left_edge.idx, _right_end(verb, child)))
        if (
            takes_object
            and child.dep_ == "prep"
            and child.lower_ in lexicon.CONTENT_PREPOSITIONS
            and child.i <= verb.i + 2
            # one talks to or with people but about a subject
            and not (lemma in ("talk", "speak") and child.lower_ not in ("about", "on", "of"))
        ):
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:  # "called for an inquiry", "pointed to the polls", "talked about jobs"
                then = [
                    c
                    for c in verb.rights
                    if c.i > child.i
                    and c.dep_ in ("xcomp", "advcl")
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                ]
                if then:  # "called on the government to block the visit"
                    return _trim_span(ctx, Span(objs[0].left_edge.idx, _right_end(verb, then[0])))
                return _trim_span(ctx, Span(objs[0].left_edge.idx, _right_end(verb, child)))
    return None


_CLAUSE_BREAKS = frozenset(",;:—–-()")


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
            if child.lemma_.lower() in lexicon.SPEECH_VERBS or child.dep_ == "parataxis":
                break
            end_tok = max(end_tok, child.right_edge, key=lambda t: t.i)
    else:
        for child in verb.rights:
            if child.i <= complement.i:
                continue
            if child.is_punct and child.text in _CLAUSE_BREAKS:
                break
            if child.is_punct and child.text in "\"“”'‘’":
                continue  # a quotation inside the object: "signed an order 'to protect ...'"
            if child.dep_ == "advcl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children
            ):
                # a purpose belongs to the object: "$1 trillion in spending to create jobs"
                end_tok = max(end_tok, child.right_edge, key=lambda t: t.i)
                continue
            if child.dep_ in ("advcl", "conj", "cc", "parataxis", "npadvmod", "punct", "relcl"):
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
                and tok.doc[tok.i + 1].lower_
                in ("but", "while", "whereas", "although", "though", "however")
            )
        ):
            end_tok = tok.doc[tok.i - 1]
            break
    return end_tok.idx + len(end_tok)


def _clause_span(
    ctx: _Context, head: Token, skip_marker: bool, stop_at: tuple[str, ...] = ()
) -> Span:
    toks = sorted(head.subtree, key=lambda t: t.i)
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in stop_at:
            toks = [t for t in toks if not (child.left_edge.i <= t.i <= child.right_edge.i)]
    if skip_marker:
        while toks and toks[0].dep_ == "mark" and toks[0].lower_ in ("that", "whether", "if"):
            toks = toks[1:]
    toks = [t for t in toks if not t.is_space]
    return _trim_span(ctx, Span(toks[0].idx, toks[-1].idx + len(toks[-1])))
