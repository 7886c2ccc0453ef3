"""Headlines that attribute: "Minister Says Rates Will Rise", "Germany pledges to expand its
military", "Union Calls For Strike Over Pay". A headline is written in a compressed style
(title case, no articles, present tense) that parsers read badly: "Says" comes out as a
noun, the name as a verb. The rule reads it by words instead: a source phrase opening the
headline, a verb of saying or stance in a verbal form, and the rest of the headline (or
of its clause) as what was said.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Token

import re

from kg.extract import lexicon
from kg.extract.attribution.context import (
    _Context,
    _Cue,
    _cue_kind,
    _reported,
    _Source,
    _tokens,
    _trim_span,
)
from kg.extract.attribution.sources import _unnamed_span
from kg.model import Span, Statement

#: Lemmas a headline attributes with ("says", "warns", "slams", "vows", "wants"): the verbs
#: of saying, stance and belief, less those that are nouns at least as often in a headline
#: ("Trade Deal Plan") or attribute nothing there ("Obama Hops On"); of those, a few are
#: taken back because their verb reading is the usual one in a headline's verb slot ("Poll
#: Finds", "Obama Calls For", "Data Show").
_CUE_LEMMAS = (
    (lexicon.SPEECH_VERBS | lexicon.OBJECT_CUE_VERBS | lexicon.BELIEF_VERBS | lexicon.DENIAL_VERBS)
    - lexicon.words(
        "post report plan name order rule vote back support aim offer press push point "
        "focus share call answer question charge like figure hop find show "
        "learn decide refer touch talk discuss pitch email state feel attack"
    )
) | lexicon.words("find show call talk discuss back support attack")

_IRREGULAR = {
    "said": "say",
    "told": "tell",
    "wrote": "write",
    "thought": "think",
    "found": "find",
    "sought": "seek",
    "shown": "show",
    "written": "write",
}

#: Words that may stand between a headline's source and its verb and belong to the cue
#: ("Minister Just Said", "Is Now Calling", "May Not Have Suggested", "Vows To").
_CUE_LEAD = lexicon.words(
    """
    just now also again finally still openly publicly officially formally repeatedly
    never not no longer quickly is are was were has have had will would may might could
    can should does did doesn't don't didn't won't can't isn't aren't to be been being
    """
)

#: Auxiliaries after which the bare or -ing form of a verb is a verb ("Will Demand",
#: "Is Calling", "To Back").
_AUXILIARIES = lexicon.words(
    "is are was were will would may might could can should must to has have had be been "
    "does did doesn't don't didn't won't can't isn't aren't"
)

#: Prepositions a headline's cue takes with it ("Calls For", "Hints At", "Said About"; not
#: "to": "Vows To Cut Deficit" keeps the infinitive whole, as in body text).
_CUE_PREPOSITIONS = lexicon.words("for on at about against of")

#: Words that open a headline that is no plain "who says what" ("Why Trump Says", "How
#: Banks Plan", "Watch: ...").
_NOT_SOURCES = lexicon.words(
    "why how what when where who which whether if watch video photos here this these",
)

#: Words that show a headline's opening phrase is no source: a clause or a phrase of
#: circumstance ("Hacker who revealed ...", "Right After This Senator Endorsed").
_NOT_IN_SOURCE = lexicon.words(
    "who that which if when while after as before because since amid in on at by from over "
    "into with without"
)

#: Words after which a headline's content gives way to another clause ("..., Calls X", "As
#: Talks Stall", "While ..."): title case marks them with a capital.
_CLAUSE_WORDS = frozenset(("As", "While", "Amid", "After", "Before", "Despite", "But", "Even"))


def _lemma_of(word: str) -> str | None:
    """The cue lemma a headline word is a verb form of ("Says" -> say, "Slams" -> slam,
    "Criticized" -> criticize), or None."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w] if _IRREGULAR[w] in _CUE_LEMMAS else None
    candidates = []
    if w.endswith("ies") or w.endswith("ied"):
        candidates.append(w[:-3] + "y")
    if w.endswith("es"):
        candidates += [w[:-2], w[:-1]]
    elif w.endswith("s") and not w.endswith("ss"):
        candidates.append(w[:-1])
    if w.endswith("ed"):
        candidates += [w[:-2], w[:-1]]
        if len(w) > 4 and w[-3] == w[-4]:
            candidates.append(w[:-3])  # "slammed", "ripped"
    for c in candidates:
        if c in _CUE_LEMMAS:
            return c
    return None


def _bare_lemma(word: str) -> str | None:
    """The lemma of a bare or -ing form after an auxiliary ("Will Demand", "Is Calling")."""
    w = word.lower()
    if w in _CUE_LEMMAS:
        return w
    if w.endswith("ing"):
        for c in (w[:-3], w[:-3] + "e", w[:-4]):
            if c in _CUE_LEMMAS:
                return c
    return None


def _segments(ctx: _Context, headline: Span) -> list[list[Token]]:
    """The headline's clauses: its lines and the parts a semicolon or colon separates."""
    out: list[list[Token]] = []
    current: list[Token] = []
    for tok in _tokens(ctx, headline):
        if tok.text in (";", ":") or "\n" in tok.text:
            if current:
                out.append(current)
            current = []
            continue
        current.append(tok)
    if current:
        out.append(current)
    return out


#: Cue verbs whose -s form is hardly ever a plural noun: "Treasury rejects call for tax" is
#: a verb however the parser reads it ("attacks", "claims", "calls" are nouns often).
_NEVER_NOUNS = lexicon.words("say reject deny dismiss refute rebut urge warn vow insist slam")


def _cue_at(ctx: _Context, toks: list[Token], k: int) -> str | None:
    """The lemma when ``toks[k]`` is the verb of a headline's cue."""
    tok = toks[k]
    if not tok.is_alpha or ctx.table.at(tok.idx) is not None:
        return None  # a name ("Washington Post", "Warren Buffett") is no verb
    if (
        tok.pos_ == "NOUN"
        and k + 1 < len(toks)
        and toks[k + 1].tag_ in ("VBP", "VBZ", "VBD", "MD")
        and toks[k + 1].is_lower
        and _lemma_of(tok.text) not in _NEVER_NOUNS
    ):
        return None  # "Paris attacks test Clinton": the noun's verb comes after it
    if k > 0 and toks[k - 1].lower_ in _AUXILIARIES:
        lemma = _bare_lemma(tok.text) or _lemma_of(tok.text)
        if lemma is not None:
            return lemma
    lemma = _lemma_of(tok.text)
    if lemma is None and k > 0 and _plural(toks[:k]):
        # "Polls Suggest", "Mourners say", "Merkel and Macron Agree": a plural's verb is bare
        lemma = _bare_lemma(tok.text) if not tok.lower_.endswith("ing") else None
    if lemma is None:
        return None
    if lemma == "recall" and _goods_after(toks[k + 1 : k + 4]):
        return None  # "Automaker Recalls 320,000 Cars": goods called back, no memory told
    if tok.lower_.endswith("s") and k > 0 and toks[k - 1].lower_ in ("'s", "’s"):
        return None  # "Clinton's Claims" is a noun
    return lemma


def _goods_after(toks: list[Token]) -> bool:
    """Whether "recalls" in a headline is followed by goods ("Recalls 320,000 Cars",
    "Recalls Baby Formula Cans") rather than a memory ("Recalls 1994 Genocide", "Recalls
    How She Can Still Hear"): a count that is no year, or a word for goods, before the
    first word that is neither."""
    for tok in toks:
        if tok.like_num:
            year = tok.text.isdigit() and len(tok.text) == 4 and 1000 < int(tok.text) < 2100
            return not year
        if tok.is_stop:
            return False
        if tok.lower_ in lexicon.CALLED_BACK:
            return True
    return False


def _plural(source: list[Token]) -> bool:
    """Whether a headline's source phrase is plural ("Polls", "Farmers", "Merkel and
    Macron")."""
    last = source[-1]
    return (
        last.lower_.endswith("s") and not last.lower_.endswith(("ss", "'s", "’s", "us"))
    ) or any(t.lower_ == "and" for t in source)


def _headline_statements(ctx: _Context, taken: list[Statement]) -> list[Statement]:
    """headline: "Minister Says Rates Will Rise" -> [Minister] Says «Rates Will Rise», for
    each clause of the headline in which no other rule found a cue."""
    if ctx.headline is None:
        return []
    out: list[Statement] = []
    framed = _colon_frame(ctx, taken)
    if framed is not None:
        out.append(framed)
    for toks in _segments(ctx, ctx.headline):
        lo, hi = toks[0].idx, toks[-1].idx + len(toks[-1])
        if any(st.cue_span and lo <= st.cue_span.start < hi for st in taken):
            continue
        out += _segment_statements(ctx, toks)
    return out


def _segment_statements(ctx: _Context, toks: list[Token]) -> list[Statement]:
    after = _cue_last(ctx, toks)
    if after is not None:
        return [after]
    if toks[0].lower_ in _NOT_SOURCES or not toks[0].text[:1].isupper():
        return []
    k = next((i for i in range(1, min(len(toks), 9)) if _cue_at(ctx, toks, i)), None)
    if k is None:
        return []
    first_cue = k
    while first_cue - 1 > 0 and toks[first_cue - 1].lower_ in _CUE_LEAD:
        first_cue -= 1
    source_toks = toks[:first_cue]
    if not source_toks or any(
        t.lower_ in _NOT_IN_SOURCE or _quote_mark(t) or ctx.quote_mask[t.idx] for t in source_toks
    ):
        return []  # "As Trump Demands ...", "Ready to back": no source opens the headline
    if source_toks[0].pos_ in ("ADP", "SCONJ") or any(
        t.pos_ in ("VERB", "AUX") and t.is_lower for t in source_toks
    ):
        return []  # "Republicans blast Obama after North Korea claims": a clause before
    if not (
        source_toks[-1].pos_ in ("NOUN", "PROPN", "PRON", "NUM")
        or ctx.table.at(source_toks[-1].idx) is not None
    ):
        return []
    if source_toks[-1].lower_ in ("the", "a", "an", "of", "to", "for", "in", "on", "and", "with"):
        return []
    source_span = Span(source_toks[0].idx, source_toks[-1].idx + len(source_toks[-1]))
    key = _source_key(ctx, source_span)
    out: list[Statement] = []
    while True:
        cue_end = k
        if k + 1 < len(toks) and toks[k + 1].lower_ in _CUE_PREPOSITIONS:
            cue_end = k + 1
        rest = toks[cue_end + 1 :]
        stop = len(rest)
        second = None
        for i, t in enumerate(rest):
            if t.text == "," or t.lower_ == "and":
                # "..., Vows To Cut Deficit", "Backs Trump And Denounces Clinton": a second
                # verb of the same source
                nxt = rest[i + 1] if i + 1 < len(rest) else t
                if i + 1 < len(rest) and _lemma_of(nxt.text) and ctx.table.at(nxt.idx) is None:
                    stop, second = i, cue_end + 1 + i + 1
                    break
                if nxt.lower_ in ("who", "which", "but"):
                    stop = i
                    break
            if t.text in _CLAUSE_WORDS and i > 0:
                stop = i
                break
            if t.text in ("—", "--", "–") or (t.text == "-" and t.whitespace_):
                stop = i
                break
        content_toks = [t for t in rest[:stop] if not t.is_space]
        if content_toks:
            content = _trim_span(
                ctx,
                Span(content_toks[0].idx, content_toks[-1].idx + len(content_toks[-1])),
            )
            words = content.slice(ctx.text).strip(" .\"'“”‘’")
            if words:
                cue_span = Span(toks[first_cue].idx, toks[cue_end].idx + len(toks[cue_end]))
                kind = _cue_kind(_cue_at(ctx, toks, k) or "")
                cue = _Cue(toks[k], cue_span, cue_span.slice(ctx.text), kind)
                out.append(_statement(ctx, cue, key, content, source_span))
        if second is None:
            return out
        k = first_cue = second


#: Nouns that may stand alone before a headline's colon as the source of what follows
#: ("Poll: Incumbent Leads By Six", "Economists: Rate Cut Is Coming"); article labels
#: ("Analysis:", "Review:", "Watch:") are not among them.
_COLON_SOURCES = lexicon.words(
    """
    poll polls survey surveys report study studies experts officials sources insiders
    historians economists analysts editorial prosecutors police investigators scientists
    researchers lawyers critics residents voters witnesses aides allies advisers diplomats
    regulators doctors
    """
)


def _colon_frame(ctx: _Context, taken: list[Statement]) -> Statement | None:
    """ "Economists: Rate Cut Is Coming", "Merkel: Europe Must Act": a name or a source
    noun, a colon, and the claim (to the end of the headline's line or a semicolon)."""
    assert ctx.headline is not None
    toks = _tokens(ctx, ctx.headline)
    colon = next((i for i, t in enumerate(toks) if t.text == ":"), None)
    if colon is None or not 1 <= colon <= 6:
        return None
    cue = toks[colon]
    if any(st.cue_span and st.cue_span.start <= cue.idx < st.cue_span.end for st in taken):
        return None
    rest: list[Token] = []
    for t in toks[colon + 1 :]:
        if t.text == ";" or "\n" in t.text:
            break
        rest.append(t)
    rest = [t for t in rest if not t.is_space]
    if len(rest) < 2 or "\n" in ctx.text[toks[0].idx : cue.idx]:
        return None
    source_span = Span(toks[0].idx, toks[colon - 1].idx + len(toks[colon - 1]))
    mentions = [m for m in ctx.table.within(source_span) if m.key]
    named = (
        len(mentions) == 1
        and mentions[0].span.start == source_span.start
        and mentions[0].span.end == source_span.end
        and mentions[0].type in ("Person", "Organization", "NewsOrganization")
    )
    if not named and toks[colon - 1].lower_ not in _COLON_SOURCES:
        return None
    content = _trim_span(ctx, Span(rest[0].idx, rest[-1].idx + len(rest[-1])))
    speaker = mentions[0].key if named else _unnamed_span(ctx, source_span).key
    cue_span = Span(cue.idx, cue.idx + len(cue))
    made = _Cue(cue, cue_span, cue.text, "Statement")
    return _statement(ctx, made, speaker, content, source_span)


def _quote_mark(tok: Token) -> bool:
    """A quotation mark, not a possessive's apostrophe ("Attendants' Union")."""
    if not tok.is_quote:
        return False
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return not (
        tok.text in ("'", "’") and prev is not None and not prev.whitespace_ and prev.is_alpha
    )


def _cue_last(ctx: _Context, toks: list[Token]) -> Statement | None:
    """ "Rates Will Rise, Central Bank Says": the source and its verb close the headline
    after a comma, and what was said comes first."""
    words = [t for t in toks if not t.is_punct or t.text == ","]
    if len(words) < 4 or words[-1].is_punct:
        return None
    last = words[-1]
    lemma = _lemma_of(last.text)
    if lemma is None or lemma not in lexicon.SPEECH_VERBS or ctx.table.at(last.idx) is not None:
        return None
    commas = [i for i, t in enumerate(words[:-1]) if t.text == ","]
    if not commas or commas[-1] == 0:
        return None
    c = commas[-1]
    source_toks = words[c + 1 : -1]
    if not 1 <= len(source_toks) <= 6 or any(
        t.lower_ in _NOT_IN_SOURCE or _quote_mark(t) for t in source_toks
    ):
        return None
    source_span = Span(source_toks[0].idx, source_toks[-1].idx + len(source_toks[-1]))
    body = words[:c]
    content = _trim_span(ctx, Span(body[0].idx, body[-1].idx + len(body[-1])))
    cue_span = Span(last.idx, last.idx + len(last))
    cue = _Cue(last, cue_span, cue_span.slice(ctx.text), _cue_kind(lemma))
    return _statement(ctx, cue, _source_key(ctx, source_span), content, source_span)


def _statement(ctx: _Context, cue: _Cue, speaker: str, content: Span, source: Span) -> Statement:
    """A headline's statement: reported speech with one piece of content."""
    return _reported(ctx, cue, _Source(speaker, source), content, rule="headline")


def _source_key(ctx: _Context, span: Span) -> str:
    """The entity a headline's source phrase names: the name it ends with ("Germany",
    "Angela Merkel"), else an unnamed source described by the whole phrase ("Bank Chief",
    "Mourners", "New Poll")."""
    mentions = [m for m in ctx.table.within(span) if m.key]
    if mentions and mentions[-1].span.end == span.end and mentions[-1].span.start == span.start:
        return mentions[-1].key
    return _titled_person(ctx, span) or _unnamed_span(ctx, span).key


def _titled_person(ctx: _Context, span: Span) -> str | None:
    """The one person of the article whose title the headline's source phrase gives:
    "Finance Minister Says ..." for Finance Minister Ana Ruiz, "Saudi Crown Prince Backs
    ..." for Crown Prince Faisal bin Nasser (a nationality says where, not which post). None
    when no person or more than one holds such a title."""
    words = [w.lower() for w in re.findall(r"[\w-]+", span.slice(ctx.text))]
    words = [w for w in words if w not in lexicon.DEMONYMS and w not in ("the", "a", "an")]
    if not words or words[-1] not in lexicon.TITLE_HEADS:
        return None
    holders = {
        e.key
        for e in ctx.table.entities
        if e.type == "Person"
        and any(set(words) <= set(re.findall(r"[\w-]+", t.lower())) for t in e.titles)
    }
    return holders.pop() if len(holders) == 1 else None
