"""Direct quotations attributed from the words around them ("...," Lavrov said; Doe told
reporters: "..."), colon frames, and speaker lines (a name and a colon leading a paragraph).
Works on characters rather than the parse, which often gets quotation structure wrong.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Token

from kg.extract import lexicon
from kg.extract.attribution.context import (
    _add_piece,
    _blocked,
    _blocked_at,
    _Context,
    _Cue,
    _inside_quote,
    _is_cue_token,
    _make_cue,
    _next_lower,
    _Source,
    _tokens,
    _trim_span,
    _word_count,
)
from kg.extract.attribution.sources import (
    _according_source,
    _mention_for,
    _subject_of,
    _told_outlet,
)
from kg.extract.quotes import Quote
from kg.model import Span, Statement

_SENTENCE_END = re.compile(r"[.!?](?=[\s”\"’']|$)")


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Positions just after each sentence-ending mark in ``text[start:end]``, skipping the
    full stops of abbreviations and initials."""
    out = []
    for m in _SENTENCE_END.finditer(text, start, end):
        if text[m.start()] == ".":
            word = re.search(r"([A-Za-z.]+)$", text[max(start, m.start() - 12) : m.start()])
            if word and (word.group(1).lower() in lexicon.ABBREVIATIONS or len(word.group(1)) == 1):
                continue
        out.append(m.end())
    return out


_MIN_QUOTE_WORDS = 3

#: What a quotation's attribution step finds: the cue, the source, the outlet it came
#: through (or None) and the id of the rule that found it.
_Attribution = tuple[_Cue, _Source, "str | None", str]


def _direct_statements(ctx: _Context) -> tuple[list[Statement], list[Quote]]:
    """The quotations attributed from the words around them, and those left without an
    attribution of their own (in reading order; :func:`continue_quotations` gives them to
    the statement before them once every statement is known)."""
    out: list[Statement] = []
    free: list[Quote] = []
    quotes = [q for q in ctx.quotes if not _blocked(ctx, q.outer)]
    i = 0
    while i < len(quotes):
        q = quotes[i]
        found = _attribute_quote(ctx, q, quotes[i + 1] if i + 1 < len(quotes) else None)
        if found is not None:
            st, merged_next = found
            out.append(st)
            i += 2 if merged_next else 1
            continue
        free.append(q)
        i += 1
    return out, free


def continue_quotations(
    ctx: _Context, statements: list[Statement], free: list[Quote], kept: list[Statement]
) -> None:
    """The continuation policy: a quotation with no attribution of its own goes on with the
    quotation before it when it stands in the same paragraph or opens the next one (news
    style for a quotation that goes on: "“...,” she said. “...”"), and so it does after
    reported speech that quotes its source in part and names them after it ("Critics
    said the fare rise was “a tax on the poor,” the union said. “Nobody asked us.”").
    Other reported speech in between does not interrupt it. Runs once every statement is
    known and the other policies have run (``kept`` are the statements they kept: a
    quotation going on with a dropped statement is dropped with it)."""
    if not free or not statements:
        return
    starts = ctx.paragraph_starts
    keep = {id(st) for st in kept}
    events = sorted(
        [
            (max(st.content[-1].end, st.cue_span.end if st.cue_span else 0), 1, k)
            for k, st in enumerate(statements)
            if st.direct or _quoting(ctx, st)
        ]
        + [(q.open_at, 0, k) for k, q in enumerate(free)]
    )
    last: Statement | None = None
    last_end = -1
    last_para = -10
    for at, is_statement, k in events:
        if is_statement:
            if at > last_end:
                last, last_end = statements[k], at
                last_para = max(0, bisect.bisect_right(starts, at - 1) - 1)
            continue
        q = free[k]
        if last is None or not _continues(ctx, q, last_para) or _credit_line(ctx, q) is not None:
            continue  # a quotation credited on a line of its own is not the last speaker's
        if q.paragraph == last_para and _own_sentence(ctx, q, last, last_end):
            continue
        if id(last) in keep:
            _add_piece(ctx, last, q.content)
        last_end, last_para = q.outer.end, q.paragraph


def _speaker_lines(ctx: _Context, direct: list[Statement]) -> list[Statement]:
    """Paragraphs led by a speaker's name and a colon, as transcripts and headlines write
    them ("MATTHEWS: Well, speculation is bad." / "Graham: Trump's Rhetoric Destroying
    GOP"): the rest of the paragraph is what the speaker said."""
    out: list[Statement] = []
    text = ctx.text
    for para in ctx.paragraphs:
        colon = text.find(":", para.start, min(para.end, para.start + 48))
        if colon == -1 or _inside_quote(ctx, colon) or _blocked_at(ctx, para.start):
            continue
        prefix = text[para.start : colon].strip()
        words = prefix.replace("–", " ").replace("—", " ").split()
        if not words or len(words) > 6 or not all(w[:1].isupper() for w in words[-2:]):
            continue
        if words[0].lower().strip("’'s") in lexicon.NOT_SPEAKERS:
            continue  # "Note: The following is ...", "UPDATE: ..."
        content = _trim_span(ctx, Span(colon + 1, para.end))
        if _word_count(content.slice(text)) < 3:
            continue
        if any(colon < st.content[0].start <= colon + 3 for st in direct):
            continue  # "Graham: '...'" is a quotation, found already
        source = _line_speaker(ctx, Span(para.start, colon), words[-1])
        if source is None:
            continue
        cue = Span(colon, colon + 1)
        out.append(
            Statement(
                kind="Statement",
                speaker=source.key,
                content=[content],
                text=content.slice(text),
                cue=":",
                direct=False,
                cue_span=cue,
                source_span=source.span,
                rule="speaker-line",
            )
        )
    return out


def _line_speaker(ctx: _Context, prefix: Span, last_word: str) -> _Source | None:
    """The person or organisation named right before a speaker line's colon; in a
    transcript's capitals ("TRUMP:") the person of that surname."""
    named = [
        m
        for m in ctx.table.within(prefix)
        if m.key and m.type in ("Person", "Organization", "NewsOrganization")
    ]
    if named and named[-1].span.end >= prefix.end - 1:
        return _Source(named[-1].key, named[-1].span)
    if last_word.isupper() and last_word.isalpha() and len(last_word) > 2:
        for ent in ctx.table.entities:
            if ent.type == "Person" and any(
                n.split()[-1].upper() == last_word for n in ent.all_names() if n
            ):
                start = prefix.end - len(last_word)
                return _Source(ent.key, Span(start, prefix.end))
    return None


def _own_sentence(ctx: _Context, q: Quote, last: Statement, last_end: int) -> bool:
    """Whether the words leading into a quotation in the same paragraph make it part of
    another sentence's own report ("... , mentioning the album is “in the home stretch”",
    "Cruz describes himself as “a consistent conservative”"): a verb other than the
    statement's own cue, or a line break between them, and the quotation does not go on."""
    before = _before_window(ctx, q)
    if not ctx.text[before.start : before.end].strip(" “\"'‘"):
        return False
    if "\n" in ctx.text[last_end : q.open_at]:
        return True
    cue = last.cue_span
    return any(
        t.pos_ == "VERB"
        and t.is_alpha
        and not (cue is not None and cue.start <= t.idx < cue.end)
        and not _inside_quote(ctx, t.idx)
        for t in _tokens(ctx, before)
    )


def _quoting(ctx: _Context, st: Statement) -> bool:
    """Whether a reported statement quotes its source in part and names them after it
    ("Rubio “apologized numerous times on this show,” Hannity said."): a quotation that
    follows goes on with it, as it would after a whole quotation."""
    if st.cue_span is None or st.cue_span.start < st.content[-1].end:
        return False
    return any(mark in p.slice(ctx.text) for p in st.content for mark in _QUOTE_MARKS)


_QUOTE_MARKS = ("“", '"', "''")


def _continues(ctx: _Context, q: Quote, last_para: int) -> bool:
    """An unattributed quote continues the previous statement when it stands in the same
    paragraph, or opens the next paragraph (news style for a quotation that goes on)."""
    if q.paragraph == last_para:
        return True
    if q.paragraph != last_para + 1:
        return False
    para = ctx.paragraphs[q.paragraph]
    before = ctx.text[para.start : q.open_at].strip()
    return not before and _word_count(q.content.slice(ctx.text)) >= _MIN_QUOTE_WORDS


def _before_window(ctx: _Context, q: Quote) -> Span:
    """The words before a quotation's opening mark in its sentence: from the sentence start,
    the previous quotation's closing mark in the paragraph or a line break, whichever is
    last."""
    text = ctx.text
    prev_end = ctx.paragraphs[q.paragraph].start
    # quotations are in reading order and do not overlap: the one before is found by bisection
    i = bisect.bisect_left(ctx.quote_starts, q.content.start) - 1
    if i >= 0:
        other = ctx.quotes[i]
        if other.paragraph == q.paragraph and other.close_at is not None:
            prev_end = max(prev_end, other.close_at + 1)
    # a line break ends a sentence too (lists of reactions, one quotation a line)
    prev_end = max(prev_end, text.rfind("\n", prev_end, q.open_at) + 1)
    starts = _sentence_ends(text, prev_end, q.open_at)
    return Span(starts[-1] if starts else prev_end, q.open_at)


def _colon_paragraph(ctx: _Context, q: Quote) -> Span | None:
    """The last sentence of the paragraph before ``q`` when that paragraph ends with a
    colon and ``q`` opens its own ("The minister issued the following statement:" then the
    statement as a paragraph of its own)."""
    text = ctx.text
    para = ctx.paragraphs[q.paragraph]
    if q.paragraph == 0 or text[para.start : q.open_at].strip():
        return None
    prev = ctx.paragraphs[q.paragraph - 1]
    if not text[prev.start : prev.end].rstrip().endswith(":"):
        return None
    start = prev.start
    i = bisect.bisect_left(ctx.quote_starts, prev.end) - 1
    if i >= 0 and ctx.quotes[i].paragraph == q.paragraph - 1:
        other = ctx.quotes[i]
        if other.close_at is None:
            return None  # the colon is inside a quotation that runs on
        start = max(start, other.close_at + 1)
    ends = _sentence_ends(text, start, prev.end)
    return Span(ends[-1] if ends else start, prev.end)


def _attribute_quote(ctx: _Context, q: Quote, nxt: Quote | None) -> tuple[Statement, bool] | None:
    text = ctx.text
    para = ctx.paragraphs[q.paragraph]
    words = _word_count(q.content.slice(text))
    # window after the closing mark: up to the next quote or the end of the sentence
    after = None
    if q.close_at is not None:
        limit = nxt.open_at if nxt is not None and nxt.paragraph == q.paragraph else para.end
        if q.content.slice(text).rstrip().endswith((".", "?", "!")):
            # a quotation that ends its sentence and then its line ends its paragraph, in
            # texts with one line per paragraph too: the next line is not its lead-out
            line_end = text.find("\n", q.close_at + 1, limit)
            if line_end >= 0:
                limit = line_end
        ends = _sentence_ends(text, q.close_at + 1, limit)
        end = ends[0] if ends else limit
        after = Span(q.close_at + 1, end)
    before = _before_window(ctx, q)
    if not text[before.start : before.end].strip():
        # "Mr. Pérez issued the following statement:" ending the paragraph before
        before = _colon_paragraph(ctx, q) or before
    attempt = None
    lead_in = text[before.start : before.end].strip()
    if (
        words < _MIN_QUOTE_WORDS
        and lead_in
        and not lead_in.endswith((",", ":"))
        and not _ends_with_utterance(ctx, before)
    ):
        return None  # a scare quote or a quoted phrase, not a statement of its own
    if after is not None and after.end > after.start and (not lead_in or lead_in.endswith(":")):
        if text[after.start : after.end].lstrip().startswith(_DASHES):
            attempt = _dash_name(ctx, after)
        if attempt is None:
            attempt = _attribution_in(ctx, after, q, prefer="first")
    if (
        attempt is None
        and not lead_in
        and (after is None or not text[after.start : after.end].strip())
    ):
        # a credit line of its own after the quotation's paragraph ("“...”" / "- Ana Ruiz")
        line = _credit_line(ctx, q)
        if line is not None:
            attempt = _dash_name(ctx, line)
    from_after = attempt is not None
    if attempt is None and text[before.start : before.end].strip():
        btxt = text[before.start : before.end].rstrip()
        if btxt.endswith((":", ",")) or _ends_with_cue(ctx, before):
            attempt = _attribution_in(ctx, before, q, prefer="last")
        if attempt is None and btxt.endswith(":"):
            attempt = _colon_frame(ctx, before)
        if attempt is None and btxt.endswith(_DASHES):
            attempt = _name_dash(ctx, before)
    if attempt is None and not lead_in:
        attempt = _reaction_before(ctx, q)
    if attempt is None:
        return None
    cue, source, via, rule = attempt
    content, direct = q.content, True
    if not from_after and rule in ("cue-then-quote", "utterance-quote"):
        tail = _clause_tail(ctx, q, before, after)
        if tail is not None:
            # "Obama said “it gets me mad” every time he thinks about it": the quotation is
            # a piece of the clause he is reported to have said, which runs on after it
            content, direct, rule = Span(q.open_at, tail), False, "quote-in-clause"
    st = Statement(
        kind=cue.kind,
        speaker=source.key,
        content=[content],
        text=content.slice(text),
        cue=cue.text,
        direct=direct,
        cue_span=cue.span,
        source_span=source.span,
        via=via,
        rule=rule,
    )
    merged = False
    if (
        nxt is not None
        and after is not None
        # "“...,” he said, “...”": the words between name this quotation's speaker; after
        # "Blumenthal was asked, “...?” He answered, “...”" they name the next one's
        and from_after
        and nxt.paragraph == q.paragraph
        and text[after.start : after.end].rstrip().endswith(",")
        and nxt.open_at - after.end < 3
        # "“...,” the mayor told residents before adding, “...”": a second verb of saying
        # leads the next quotation in
        and not any(
            _is_cue_token(t) and not (cue.span.start <= t.idx < cue.span.end)
            for t in _tokens(ctx, after)
            if not _inside_quote(ctx, t.idx)
        )
    ):
        _add_piece(ctx, st, nxt.content)
        merged = True
    return st, merged


def _clause_tail(ctx: _Context, q: Quote, before: Span, after: Span | None) -> int | None:
    """Where the reported clause ends when a quotation inside it is led in by the verb
    alone (no comma or colon) and the sentence runs on after the closing mark with words
    of the same clause, not another attribution or quotation."""
    text = ctx.text
    if after is None or text[before.start : before.end].rstrip().endswith((",", ":")):
        return None
    words = q.content.slice(text).strip()
    if not words or not words[0].islower() or words.endswith((".", "!", "?", ",")):
        return None  # a whole sentence quoted, or one the comma hands back to the cue
    tail = text[after.start : after.end]
    if not tail[:1].isspace() or len(tail.split()) < 2 or any(m in tail for m in _QUOTE_MARKS):
        return None
    tokens = [t for t in _tokens(ctx, after) if not t.is_punct]
    if not tokens or any(_is_cue_token(t) for t in tokens) or tokens[0].lower_ in _NOT_TAIL:
        return None
    end = after.end
    while end > after.start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    return end


#: Words after a closing mark that start an aside, not more of the quoted clause.
_NOT_TAIL = frozenset(("but", "which", "who", "according", "adding", "saying", "and"))


def _reaction_before(ctx: _Context, q: Quote) -> _Attribution | None:
    """reaction-then-quote: a quotation that opens a sentence right after a short one in
    which someone reacts without saying what ("Maria Lopez, a teacher in Valencia, agreed.
    “The strike is the only thing they listen to.”", "The mayor put it bluntly."): the
    quotation is what the reaction says. The sentence must be whole (not the tail of an
    earlier quotation's sentence) and its verb take no clause or object of its own."""
    text = ctx.text
    para = ctx.paragraphs[q.paragraph]
    start = para.start
    i = bisect.bisect_left(ctx.quote_starts, q.content.start) - 1
    after_quote = False
    if i >= 0 and ctx.quotes[i].paragraph == q.paragraph:
        other = ctx.quotes[i]
        if other.close_at is None:
            return None
        start, after_quote = other.close_at + 1, True
    ends = _sentence_ends(text, start, q.open_at)
    if not ends or text[ends[-1] : q.open_at].strip():
        return None
    if len(ends) >= 2:
        start = ends[-2]
    elif after_quote:
        return None  # "“...,” he said. “...”": the words belong to the quotation before
    window = Span(start, ends[-1])
    tokens = [t for t in _tokens(ctx, window) if not t.is_punct]
    if not tokens or len(tokens) > 16 or any(_inside_quote(ctx, t.idx) for t in tokens):
        return None
    roots = [t for t in tokens if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return None
    verb = roots[0]
    lemma = verb.lemma_.lower()
    if (
        verb.pos_ != "VERB"
        or verb.i in ctx.used_tokens
        or not (lemma in lexicon.SPEECH_VERBS or lemma in lexicon.REACTION_VERBS)
    ):
        return None
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp", "csubj", "oprd", "dative"):
            return None
        if child.dep_ == "dobj" and not (lemma == "put" and child.lower_ == "it"):
            return None
    if lemma == "put" and not any(c.dep_ == "dobj" for c in verb.children):
        return None
    source = _subject_of(ctx, verb, window)
    if source is None:
        return None
    ctx.used_tokens.add(verb.i)
    return _make_cue(ctx, verb, source.span), source, None, "reaction-then-quote"


def _colon_frame(ctx: _Context, window: Span) -> _Attribution | None:
    """A quotation introduced by a colon: "Cruz continued: '...'" (the verb is the cue, its
    subject the source) or "Graham: '...'" (the name is the source, the colon the cue)."""
    tokens = [t for t in _tokens(ctx, window) if not _inside_quote(ctx, t.idx)]
    if not tokens:
        return None
    colon = tokens[-1]
    verbs = [t for t in tokens if t.pos_ == "VERB" and t.is_alpha and t.i not in ctx.used_tokens]
    if len(tokens) >= 2:
        # "Pollster Daron Shaw: '...'" opening its sentence: the name speaks, whatever verb
        # the sentence or the line before it has
        named = _mention_for(ctx, tokens[-2])
        if (
            named is not None
            and named.key
            and named.type in ("Person", "Organization", "NewsOrganization")
            and not any(v.i >= colon.sent.start for v in verbs)
        ):
            span = Span(colon.idx, colon.idx + len(colon))
            cue = _Cue(colon, span, colon.text, "Statement")
            return cue, _Source(named.key, named.span), None, "name-colon"
    for verb in reversed(verbs):
        source = _subject_of(ctx, verb, window)
        if source is not None:
            ctx.used_tokens.add(verb.i)
            return _make_cue(ctx, verb, source.span), source, None, "colon-frame"
    if len(tokens) >= 2:
        named = _mention_for(ctx, tokens[-2])
        if named is not None and named.key and named.type != "Place":
            span = Span(colon.idx, colon.idx + len(colon))
            cue = _Cue(colon, span, colon.text, "Statement")
            return cue, _Source(named.key, named.span), None, "name-colon"
    return None


_DASHES = ("―", "—", "–", "-")

#: The most words a credit line under a quotation has ("- Ana Ruiz, a nurse in Lima").
_CREDIT_WORDS = 12


def _credit_line(ctx: _Context, q: Quote) -> Span | None:
    """The paragraph after a quotation's when it is a credit line ("- Ana Ruiz, a nurse
    in Lima"): a dash, a few words and no clause of its own (a bulleted sentence, "- Ana
    Ruiz visited the site on Monday.", is none)."""
    if q.paragraph + 1 >= len(ctx.paragraphs):
        return None
    line = ctx.paragraphs[q.paragraph + 1]
    credit = ctx.text[line.start : line.end].strip()
    if not credit.startswith(_DASHES) or _word_count(credit) > _CREDIT_WORDS:
        return None
    return None if _has_clause(ctx, line) else line


def _has_clause(ctx: _Context, span: Span) -> bool:
    """Whether the words of ``span`` hold a verb with a subject of its own: a sentence,
    not a name with a description."""
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX")
        for t in _tokens(ctx, span)
    )


def _name_dash(ctx: _Context, window: Span) -> _Attribution | None:
    """A name, a dash and a quotation, as vox pops and lists of reactions are written
    ("Maria Duarte ― “Fear. I am truly afraid.”"): the name is the source, the dash the cue.
    Only when the name is all that stands before the dash."""
    tokens = [t for t in _tokens(ctx, window) if not _inside_quote(ctx, t.idx)]
    if len(tokens) < 2:
        return None
    dash = tokens[-1]
    named = _mention_for(ctx, tokens[0])
    if (
        named is None
        or not named.key
        or named.type not in ("Person", "Organization", "NewsOrganization")
        or named.span.start > tokens[0].idx
        or named.span.end < tokens[-2].idx + len(tokens[-2])
    ):
        return None
    span = Span(dash.idx, dash.idx + len(dash))
    cue = _Cue(dash, span, dash.text, "Statement")
    return cue, _Source(named.key, named.span), None, "name-dash"


def _dash_name(ctx: _Context, window: Span) -> _Attribution | None:
    """A quotation credited after a dash, as collected reactions are printed ("“He is
    ignorant of our culture.” ― Carla Sanchez"): the name right after the dash is the
    source; anything after the name is a description ("― Carla Sanchez, a nurse")."""
    text = ctx.text
    at = (
        window.start
        + len(text[window.start : window.end])
        - len(text[window.start : window.end].lstrip())
    )
    tokens = [t for t in _tokens(ctx, window) if t.text.strip("".join(_DASHES) + '”"')]
    if not tokens or tokens[0].idx > at + 3:
        return None
    named = _mention_for(ctx, tokens[0])
    if (
        named is None
        or not named.key
        or named.type not in ("Person", "Organization", "NewsOrganization")
        or named.span.start > tokens[0].idx
    ):
        return None
    span = Span(at, at + 1)
    cue = _Cue(tokens[0], span, span.slice(text), "Statement")
    return cue, _Source(named.key, named.span), None, "name-dash"


def _ends_with_utterance(ctx: _Context, window: Span) -> bool:
    """Whether the words before a quotation end with a verb of uttering ("a man yelled
    “Stay there!”"): a short quotation after it is what was uttered, not a scare quote."""
    tokens = [t for t in _tokens(ctx, window) if not t.is_space]
    return bool(tokens) and _is_utterance(tokens[-1])


def _ends_with_cue(ctx: _Context, window: Span) -> bool:
    """Whether the words before a quotation lead into it: "... he said" or "said in a
    statement that" (the quotation is then the clause itself)."""
    tokens = _tokens(ctx, window)
    if tokens and tokens[-1].lower_ == "that":
        return any(_is_cue_token(t) for t in tokens[-8:-1])
    return bool(tokens) and (_is_cue_token(tokens[-1]) or _is_utterance(tokens[-1]))


def _is_utterance(tok) -> bool:
    """A verb of uttering aloud or on display ("chanted", "shouted", "the sign read"):
    a cue for the quotation next to it only (lexicon.UTTERANCE_VERBS)."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in lexicon.UTTERANCE_VERBS


def _ends_sentence(ctx: _Context, q: Quote) -> bool:
    """Whether a quotation ends with the end of a sentence ("... stop me.")."""
    words = q.content.slice(ctx.text).rstrip()
    return words.endswith((".", "!", "?", "…"))


def _reported_by(cue: Token, cues: list[Token]) -> bool:
    """Whether the cue before a quotation is itself inside what an earlier cue reports:
    in "Oda said the recall showed that “safety checks have not kept up”" the quotation is
    part of what Oda said, not the recall's finding, so the verb that governs it reads the
    whole clause (and the nesting policy keeps the outer statement)."""
    earlier = {c.i for c in cues if c.i < cue.i and _is_cue_token(c)}
    tok = cue
    while tok.dep_ in ("ccomp", "conj") and tok.head.i != tok.i:
        edge, tok = tok.dep_, tok.head
        # reported by it, not coordinated with it ("noted that ..., and added: “...”")
        if tok.i in earlier and edge == "ccomp":
            return True
    return False


def _attribution_in(ctx: _Context, window: Span, q: Quote, prefer: str) -> _Attribution | None:
    """The cue and source in the words after (``prefer="first"``: rule quote-then-cue) or
    before (``"last"``: cue-then-quote) a quotation; "according to X" when no verb of saying
    is there (quote-according-to)."""
    tokens = [t for t in _tokens(ctx, window) if not _inside_quote(ctx, t.idx)]
    cues = [
        t for t in tokens if (_is_cue_token(t) or _is_utterance(t)) and t.i not in ctx.used_tokens
    ]
    rule = "quote-then-cue" if prefer == "first" else "cue-then-quote"
    if not cues and prefer == "first" and not _ends_sentence(ctx, q):
        # right after a quotation any verb is the act of saying it: "...," he continued
        # (not after one that ends its sentence: "... for sale." Nega put his house up)
        verbs = [
            t for t in tokens if t.pos_ == "VERB" and t.is_alpha and t.i not in ctx.used_tokens
        ]
        cues, rule = verbs[:1], "quote-then-verb"
    according = [t for t in tokens if t.lower_ == "according" and _next_lower(t) == "to"]
    via = None
    if not cues and according:
        tok = according[0]
        src = _according_source(ctx, tok)
        if src is None:
            return None
        cue = _make_cue(ctx, tok, src.span)
        ctx.used_tokens.add(tok.i)
        return cue, src, None, "quote-according-to"
    if not cues:
        return None
    cue_tok = cues[0] if prefer == "first" else cues[-1]
    if rule != "quote-then-verb" and not _is_cue_token(cue_tok):
        rule = "utterance-quote"
    if prefer == "first":
        # after a quote the attribution comes at once: "...," the minister said, ...
        lead = [t for t in tokens if t.i < cue_tok.i and not t.is_punct]
        if len(lead) > 14 or any(t.pos_ in ("VERB", "AUX") for t in lead):
            return None
        if any(
            c.dep_ == "ccomp"
            and c.i > cue_tok.i
            and not _inside_quote(ctx, c.idx)
            and any(
                g.lower_ == "that" or (g.dep_ in ("nsubj", "nsubjpass") and g.pos_ == "PRON")
                for g in c.children
            )
            for c in cue_tok.children
        ):
            # '...wheelhouse.'' He said, twice, that he was going ...': the verb reports
            # its own clause, not the quotation before it
            return None
    elif _reported_by(cue_tok, cues) or any(
        t.i > cue_tok.i
        and t.dep_ in ("nsubj", "nsubjpass")
        and t.head.i != cue_tok.i
        and cue_tok.left_edge.i <= t.head.i <= cue_tok.right_edge.i
        for t in tokens
    ):
        # "Kasich joked that he enjoys a good, “peaceful protest now and then”": a clause
        # of its own stands between the verb and the quotation, which only completes it
        # (the verb's reported clause takes the quotation in)
        return None
    source = _subject_of(ctx, cue_tok, window)
    if source is None:
        return None
    for tok in according:
        src = _according_source(ctx, tok)
        if src is not None and src.key != source.key:
            via = src.key
            ctx.used_tokens.add(tok.i)
    ctx.used_tokens.add(cue_tok.i)
    return _make_cue(ctx, cue_tok, source.span), source, via or _told_outlet(ctx, cue_tok), rule
