"""Who said what: statements from direct quotations and from reported speech.

Direct quotes are found on characters (kg.extract.quotes) and attributed from the words
around them ("...," Lavrov said; Doe told reporters: "..."), because parsers often get the
structure around quotation marks wrong. Reported speech ("X said that ...", "according to
X", "X denied reports of ...") comes from the dependency parse. Sources are resolved to
entities: names directly, pronouns to the most recent fitting subject, and people the text
does not name ("one gay man", "a senior official") to an unnamed source of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Doc, Token

from kg.extract import lexicon
from kg.extract.entities import EntityTable, Mention
from kg.extract.quotes import Quote, paragraphs
from kg.model import Entity, Span, Statement, StatementKind

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
    used_tokens: set[int] = field(default_factory=set)
    unnamed: dict[str, str] = field(default_factory=dict)  # normalised phrase -> key
    paragraphs: list[Span] = field(default_factory=list)
    # per-character flags, so "is this inside a quotation / blocked?" costs one lookup
    headline: Span | None = None
    quote_mask: bytearray = field(default_factory=bytearray)
    block_mask: bytearray = field(default_factory=bytearray)


def _mask(length: int, spans: list[Span]) -> bytearray:
    flags = bytearray(length + 1)
    for s in spans:
        flags[s.start : s.end] = b"\x01" * (s.end - s.start)
    return flags


def find_statements(
    doc: Doc,
    text: str,
    table: EntityTable,
    quotes: list[Quote],
    blocked: list[Span],
    headline: Span | None = None,
) -> list[Statement]:
    """All statements of an article in reading order."""
    ctx = _Context(doc, text, table, quotes, blocked, headline=headline)
    ctx.quote_spans = [q.outer for q in quotes]
    ctx.paragraphs = paragraphs(text)
    ctx.quote_mask = _mask(len(text), [q.content for q in quotes])
    ctx.block_mask = _mask(len(text), blocked)
    statements = _direct_statements(ctx)
    lines = _speaker_lines(ctx, statements)
    for st in lines:
        # a speaker's line is their own words, like a quotation: no further attributions
        # are looked for inside it ("THEY want safe homes" is the speaker's, not theirs)
        for piece in st.content:
            ctx.quote_mask[piece.start : piece.end] = b"\x01" * (piece.end - piece.start)
    statements += lines
    statements += _reported_statements(ctx, statements)
    # "He said that Clinton wants X": the article reports his claim, not her wish; the
    # inner attribution is his hearsay and is not the article's to make
    reported = [st for st in statements if not st.direct]
    statements = [
        st
        for st in statements
        if st.direct or not any(o is not st and _contains(o, st) for o in reported)
    ]
    statements = [st for st in (_without_empty_pieces(ctx, st) for st in statements) if st]
    statements.sort(key=lambda s: s.content[0].start)
    for st in statements:
        st.about = _about(ctx, st)
    return statements


# --- direct quotations ---------------------------------------------------------------------


def _direct_statements(ctx: _Context) -> list[Statement]:
    out: list[Statement] = []
    quotes = [q for q in ctx.quotes if not _blocked(ctx, q.outer)]
    last: Statement | None = None
    last_para = -10
    i = 0
    while i < len(quotes):
        q = quotes[i]
        found = _attribute_quote(ctx, q, quotes[i + 1] if i + 1 < len(quotes) else None)
        if found is not None:
            st, merged_next = found
            out.append(st)
            last, last_para = st, q.paragraph
            i += 2 if merged_next else 1
            continue
        if last is not None and _continues(ctx, q, last, last_para, quotes):
            if q.paragraph == last_para:
                _add_piece(ctx, last, q.content)
            else:
                st = Statement(
                    last.kind,
                    last.speaker,
                    [q.content],
                    q.content.slice(ctx.text),
                    last.cue,
                    True,
                    last.cue_span,
                    last.source_span,
                    via=last.via,
                )
                out.append(st)
                last = st
            last_para = q.paragraph
        i += 1
    return out


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
                "Statement",
                source.key,
                [content],
                content.slice(text),
                ":",
                False,
                cue,
                source.span,
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


def _continues(
    ctx: _Context, q: Quote, last: Statement, last_para: int, quotes: list[Quote]
) -> bool:
    """An unattributed quote continues the previous speaker when it stands in the same
    paragraph, or opens the next paragraph (news style for a quotation that goes on)."""
    if q.paragraph == last_para:
        return True
    if q.paragraph != last_para + 1:
        return False
    para = ctx.paragraphs[q.paragraph]
    before = ctx.text[para.start : q.open_at].strip()
    return not before and _word_count(q.content.slice(ctx.text)) >= _MIN_QUOTE_WORDS


def _attribute_quote(ctx: _Context, q: Quote, nxt: Quote | None) -> tuple[Statement, bool] | None:
    text = ctx.text
    para = ctx.paragraphs[q.paragraph]
    words = _word_count(q.content.slice(text))
    # window after the closing mark: up to the next quote or the end of the sentence
    after = None
    if q.close_at is not None:
        limit = nxt.open_at if nxt is not None and nxt.paragraph == q.paragraph else para.end
        ends = _sentence_ends(text, q.close_at + 1, limit)
        end = ends[0] if ends else limit
        after = Span(q.close_at + 1, end)
    # window before the opening mark: from the sentence start
    prev_end = para.start
    for other in ctx.quotes:
        if (
            other.paragraph == q.paragraph
            and other.close_at is not None
            and other.close_at < q.open_at
        ):
            prev_end = max(prev_end, other.close_at + 1)
    starts = [e - prev_end for e in _sentence_ends(text, prev_end, q.open_at)]
    before = Span(prev_end + (starts[-1] if starts else 0), q.open_at)

    attempt = None
    lead_in = text[before.start : before.end].strip()
    if words < _MIN_QUOTE_WORDS and not lead_in.endswith((",", ":")) and lead_in:
        return None  # a scare quote or a quoted phrase, not a statement of its own
    if after is not None and after.end > after.start and (not lead_in or lead_in.endswith(":")):
        attempt = _attribution_in(ctx, after, q, prefer="first")
    if attempt is None and text[before.start : before.end].strip():
        btxt = text[before.start : before.end].rstrip()
        if btxt.endswith((":", ",")) or _ends_with_cue(ctx, before):
            attempt = _attribution_in(ctx, before, q, prefer="last")
        if attempt is None and btxt.endswith(":"):
            attempt = _colon_frame(ctx, before)
    if attempt is None:
        return None
    cue, source, via = attempt
    st = Statement(
        cue.kind,
        source.key,
        [q.content],
        q.content.slice(text),
        cue.text,
        True,
        cue.span,
        source.span,
        via=via,
    )
    merged = False
    if (
        nxt is not None
        and after is not None
        and nxt.paragraph == q.paragraph
        and text[after.start : after.end].rstrip().endswith(",")
        and nxt.open_at - after.end < 3
    ):
        _add_piece(ctx, st, nxt.content)
        merged = True
    return st, merged


def _colon_frame(ctx: _Context, window: Span) -> tuple[_Cue, _Source, str | None] | None:
    """A quotation introduced by a colon: "Cruz continued: '...'" (the verb is the cue, its
    subject the source) or "Graham: '...'" (the name is the source, the colon the cue)."""
    tokens = [t for t in _tokens(ctx, window) if not _inside_quote(ctx, t.idx)]
    if not tokens:
        return None
    colon = tokens[-1]
    verbs = [t for t in tokens if t.pos_ == "VERB" and t.is_alpha and t.i not in ctx.used_tokens]
    for verb in reversed(verbs):
        source = _subject_of(ctx, verb, window)
        if source is not None:
            ctx.used_tokens.add(verb.i)
            return _make_cue(ctx, verb, source.span), source, None
    if len(tokens) >= 2:
        named = _mention_for(ctx, tokens[-2])
        if named is not None and named.key and named.type != "Place":
            span = Span(colon.idx, colon.idx + len(colon))
            return _Cue(colon, span, colon.text, "Statement"), _Source(named.key, named.span), None
    return None


def _ends_with_cue(ctx: _Context, window: Span) -> bool:
    """Whether the words before a quotation lead into it: "... he said" or "said in a
    statement that" (the quotation is then the clause itself)."""
    tokens = _tokens(ctx, window)
    if tokens and tokens[-1].lower_ == "that":
        return any(_is_cue_token(t) for t in tokens[-8:-1])
    return bool(tokens) and _is_cue_token(tokens[-1])


def _attribution_in(
    ctx: _Context, window: Span, q: Quote, prefer: str
) -> tuple[_Cue, _Source, str | None] | None:
    tokens = [t for t in _tokens(ctx, window) if not _inside_quote(ctx, t.idx)]
    cues = [t for t in tokens if _is_cue_token(t) and t.i not in ctx.used_tokens]
    if not cues and prefer == "first":
        # right after a quotation any verb is the act of saying it: "...," he continued
        verbs = [
            t for t in tokens if t.pos_ == "VERB" and t.is_alpha and t.i not in ctx.used_tokens
        ]
        cues = verbs[:1]
    according = [t for t in tokens if t.lower_ == "according" and _next_lower(t) == "to"]
    via = None
    if not cues and according:
        tok = according[0]
        src = _according_source(ctx, tok)
        if src is None:
            return None
        cue = _make_cue(ctx, tok, src.span)
        ctx.used_tokens.add(tok.i)
        return cue, src, None
    if not cues:
        return None
    cue_tok = cues[0] if prefer == "first" else cues[-1]
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
    source = _subject_of(ctx, cue_tok, window)
    if source is None:
        return None
    for tok in according:
        src = _according_source(ctx, tok)
        if src is not None and src.key != source.key:
            via = src.key
            ctx.used_tokens.add(tok.i)
    ctx.used_tokens.add(cue_tok.i)
    return _make_cue(ctx, cue_tok, source.span), source, via or _told_outlet(ctx, cue_tok)


def _is_cue_token(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lexicon.SPEECH_VERBS


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
    kind: StatementKind = "Statement"
    if lemma in lexicon.DENIAL_VERBS:
        kind = "Denial"
    elif lemma in lexicon.FINDING_VERBS or (channel in lexicon.FINDING_NOUNS):
        kind = "Finding"
    span = Span(start, end)
    return _Cue(tok, span, span.slice(ctx.text), kind)


def _according_source(ctx: _Context, tok: Token) -> _Source | None:
    to = ctx.doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    target = objs[0] if objs else (ctx.doc[tok.i + 2] if tok.i + 2 < len(ctx.doc) else None)
    if target is None:
        return None
    return _resolve(ctx, target)


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


# --- sources ------------------------------------------------------------------------------


def _subject_of(ctx: _Context, cue: Token, window: Span | None) -> _Source | None:
    """The source of a cue: its grammatical subject when the parse gives one inside the
    window, else the nearest name, pronoun or person noun before the cue, else after it
    ("said Jane Doe")."""
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and cue.tag_ == "VBG":
        # "Flea shared the news, writing '...'": the participle's subject is its head's;
        # "explained the headline by saying: '...'" climbs through the preposition
        if cue.dep_ in ("advcl", "xcomp", "conj"):
            subjects = [c for c in cue.head.children if c.dep_ == "nsubj"]
        if not subjects:
            subjects = _controller(cue)
        window = None if subjects else window
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
        src = _resolve(ctx, tok, strict=True)
        if src is not None:
            return src
    for tok in (t for t in tokens if t.i > cue.i):
        if tok.is_punct:
            break
        src = _resolve(ctx, tok, strict=True)
        if src is not None:
            return src
    return None


def _resolve(ctx: _Context, tok: Token, strict: bool = False) -> _Source | None:
    """Turn a subject token into a source: a named mention in its phrase, a pronoun's
    antecedent, or an unnamed person or group described by the phrase."""
    m = _mention_for(ctx, tok)
    if m is not None and m.key:
        if m.type != "Place" or (not strict and not m.span.slice(ctx.text).isupper()):
            # a country may speak ("Russia denied"), a dateline ("NAIROBI —") never does
            return _Source(m.key, m.span)
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
            return None
        return _Source(key, Span(tok.idx, tok.idx + len(tok)))
    if _in_headline(ctx, tok.idx):
        return None  # a headline's source must be a name
    if tok.pos_ in ("NOUN", "PROPN"):
        named = _named_in_phrase(ctx, tok)
        if named is not None:
            return named
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
        # "voters who said ...": the relative pronoun stands for the noun it follows; the
        # source as written is the pronoun itself
        src = _resolve(ctx, tok.head.head, strict)
        return _Source(src.key, Span(tok.idx, tok.idx + len(tok))) if src else None
    if tok.pos_ == "NUM" and not strict:
        return _unnamed(ctx, tok)
    if (
        (low in lexicon.QUANTITY_NOUNS or low in ("those", "these"))
        and tok.pos_ in ("PRON", "DET", "ADJ")
        and tok.dep_ in ("nsubj", "nsubjpass")
    ):
        # "Some of Clinton's allies said", "those surveyed say", "most oppose it"
        return _unnamed(ctx, tok)
    return None


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
    for p in partners:
        mm = _mention_for(ctx, p)
        if mm is not None and mm.key and mm.type in ("Person", "Organization", "NewsOrganization"):
            return _Source(
                mm.key,
                Span(min(tok.left_edge.idx, mm.span.start), mm.span.end)
                if tok.i < p.i
                else mm.span,
            )
    for t in tok.children:
        if t.dep_ in ("compound", "nmod", "poss") and t.i < tok.i:
            mm = _mention_for(ctx, t)
            if mm is not None and mm.key and mm.type == "Person" and t.dep_ == "compound":
                return _Source(mm.key, mm.span)
    return None


def _described(ctx: _Context, tok: Token) -> _Source | None:
    """A definite description of an entity named earlier: "the newspaper" -> the last
    outlet, "the ministry" -> the last organisation whose name has "Ministry", "the
    governor" -> the last person titled governor."""
    det = [c for c in tok.children if c.dep_ == "det"]
    if not det or det[0].lower_ not in ("the", "this"):
        return None
    low = tok.lower_
    span = Span(det[0].idx, tok.idx + len(tok))
    titled = [
        e.key
        for e in ctx.table.entities
        if e.type == "Person" and any(low in t.lower().split() for t in e.titles)
    ]
    best: str | None = None
    for m in ctx.table.mentions:
        if m.span.start >= tok.idx or m.key is None:
            continue
        ent = ctx.table.by_key(m.key)
        if _fits_description(low, ent, titled):
            best = m.key
    return _Source(best, span) if best else None


def _fits_description(noun: str, ent: Entity, titled: list[str]) -> bool:
    """Whether "the <noun>" can stand for ``ent``."""
    if ent.type == "NewsOrganization" and noun in lexicon.OUTLET_NOUNS:
        return True
    if ent.type == "UnnamedSource":
        # "a senior official ... the official said"
        return ent.name.lower().split()[-1] == noun
    if ent.type in ("Organization", "NewsOrganization"):
        return (
            noun in ent.name.lower().split()
            or noun in lexicon.GENERIC_ORG_NOUNS
            or (noun in lexicon.FINDING_NOUNS and ent.type == "Organization")
        )
    return ent.key in titled


def _mention_for(ctx: _Context, tok: Token) -> Mention | None:
    return ctx.table.at(tok.idx)


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
    span = Span(left.idx, right.idx + len(right))
    phrase = span.slice(ctx.text)
    norm = re.sub(r"^(?:the|a|an|one|another|some)\s+", "", phrase.lower())
    key = ctx.unnamed.get(norm)
    if key is None:
        ent = ctx.table.new_entity("UnnamedSource", phrase)
        key = ent.key
        ctx.unnamed[norm] = key
        if head.lower_ in (
            "man",
            "men",
            "father",
            "son",
            "brother",
            "boy",
            "husband",
            "spokesman",
            "fisherman",
            "fishermen",
            "policeman",
            "dad",
        ):
            ctx.table.genders[key] = "male"
        elif head.lower_ in (
            "woman",
            "women",
            "mother",
            "daughter",
            "sister",
            "girl",
            "wife",
            "spokeswoman",
            "policewoman",
            "mom",
        ):
            ctx.table.genders[key] = "female"
    ent = ctx.table.by_key(key)
    ent.mentions.append(span)
    ctx.table.mentions.append(Mention(span, phrase, "UnnamedSource", key))
    ctx.table.index()
    return _Source(key, span)


def _antecedent(ctx: _Context, pron: Token) -> str | None:
    """The entity a pronoun stands for: the most recent subject outside quotations, in this
    or the two previous paragraphs, that agrees with it (he/she: a person of that gender or
    of unknown gender; it/they: an organisation or a group)."""
    gender = lexicon.PRONOUN_GENDER.get(pron.lower_)
    wants_person = pron.lower_ in ("he", "she", "i")
    para_start = _paragraph_start(ctx, pron.idx, back=2)
    candidates: list[tuple[int, str]] = []
    fallback: list[tuple[int, str]] = []
    window = ctx.doc.char_span(para_start, pron.idx, alignment_mode="expand")
    for tok in window if window is not None else ():
        if tok.idx >= pron.idx:
            break
        if _inside_quote(ctx, tok.idx) or _blocked_at(ctx, tok.idx):
            continue
        m = _mention_for(ctx, tok)
        if m is None or m.key is None:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.lower_ in lexicon.PERSON_NOUNS:
                src = _unnamed(ctx, tok)
                candidates.append((tok.idx, src.key))
            continue
        if not _agrees(ctx, m, gender, wants_person, pron.lower_):
            continue
        (
            candidates if tok.dep_ in ("nsubj", "nsubjpass") or _subject_phrase(tok) else fallback
        ).append((tok.idx, m.key))
    if candidates:
        return candidates[-1][1]
    return fallback[-1][1] if fallback else None


def _subject_phrase(tok: Token) -> bool:
    head = tok
    while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")


def _agrees(ctx: _Context, m: Mention, gender: str | None, wants_person: bool, pron: str) -> bool:
    if wants_person:
        if m.type not in ("Person", "UnnamedSource"):
            return False
        known = ctx.table.genders.get(m.key)
        return gender is None or known is None or known == gender
    if pron == "it":
        return m.type in ("Organization", "NewsOrganization")
    return m.type in ("Organization", "NewsOrganization", "UnnamedSource", "Person")


# --- reported speech ----------------------------------------------------------------------


def _reported_statements(ctx: _Context, direct: list[Statement]) -> list[Statement]:
    out: list[Statement] = []
    taken = [st.content for st in direct]
    n_direct = len(taken)
    for tok in ctx.doc:
        if tok.i in ctx.used_tokens or _inside_quote(ctx, tok.idx) or _blocked_at(ctx, tok.idx):
            continue
        lemma = tok.lemma_.lower()
        if tok.lower_ == "according" and _next_lower(tok) == "to":
            st = _according_statement(ctx, tok)
        elif tok.pos_ == "VERB" and (
            lemma in lexicon.SPEECH_VERBS
            or lemma in lexicon.BELIEF_VERBS
            or lemma in lexicon.OBJECT_CUE_VERBS
        ):
            st = _parenthetical_statement(ctx, tok, lemma) or _verb_statement(ctx, tok, lemma)
        elif tok.lower_ == "in" and tok.dep_ == "prep":
            st = _poll_statement(ctx, tok)
        elif (
            lemma == "see"
            and tok.pos_ == "VERB"
            and any(c.dep_ == "dobj" for c in tok.children)
            and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.rights)
        ):
            # "Sanders and Clinton see black votes as key": a view, like "regard ... as"
            st = _verb_statement(ctx, tok, "regard")
        elif tok.pos_ in ("VERB", "AUX") and lemma in lexicon.IMPRESSION_VERBS:
            st = _impression_statement(ctx, tok)
        elif tok.pos_ == "ADJ" and tok.lower_ in lexicon.ATTITUDE_ADJECTIVES:
            st = _attitude_statement(ctx, tok)
        elif tok.pos_ == "NOUN" and lemma in lexicon.NOMINAL_CUES:
            st = _nominal_statement(ctx, tok, lemma)
        elif tok.lower_ in lexicon.HEARSAY_ADVERBS:
            st = _hearsay_statement(ctx, tok)
        elif (
            tok.pos_ == "VERB"
            and tok.is_alpha
            and lemma not in lexicon.NOT_CUES
            and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
        ):
            # any verb taking a clause says, thinks or feels something ("realized that ...")
            st = _verb_statement(ctx, tok, lemma)
        else:
            continue
        if st is None:
            continue
        clashes = [i for i, t in enumerate(taken) if _same_content(st.content, t)]
        if clashes:
            # a statement found inside another's content ("said she would be accepting new
            # speeches" after "accepting new speeches"): the outer one is the attribution
            inner = [i for i in clashes if i >= n_direct and _contains(st, out[i - n_direct])]
            if len(inner) == len(clashes):
                for i in sorted(inner, reverse=True):
                    del out[i - n_direct]
                    del taken[i]
                clashes = []
        if clashes:
            continue
        ctx.used_tokens.add(tok.i)
        out.append(st)
        taken.append(st.content)
    return out


def _contains(outer: Statement, inner: Statement) -> bool:
    """Whether ``inner`` is reported inside ``outer``: its cue and content lie within
    ``outer``'s content, and ``outer`` says more."""
    lo, hi = outer.content[0].start, outer.content[-1].end
    cue = inner.cue_span
    return (
        cue is not None
        and lo <= cue.start
        and cue.end <= hi
        and all(lo <= p.start and p.end <= hi for p in inner.content)
        and (hi - lo) > sum(p.end - p.start for p in inner.content)
    )


def _without_empty_pieces(ctx: _Context, st: Statement) -> Statement | None:
    """Drop pieces that hold no words (a parse can yield a zero-length complement); a
    statement left with none says nothing and is dropped."""
    pieces = [p for p in st.content if p.slice(ctx.text).strip()]
    if not pieces:
        return None
    if len(pieces) != len(st.content):
        st.content = pieces
        st.text = " ".join(p.slice(ctx.text) for p in pieces)
    return st


def _same_content(pieces: list[Span], other: list[Span]) -> bool:
    """Whether two contents are mostly the same words (one statement found twice); nested
    statements ("X said that Y believes Z") overlap without being the same."""
    a = sum(p.end - p.start for p in pieces)
    b = sum(p.end - p.start for p in other)
    shared = sum(max(0, min(p.end, q.end) - max(p.start, q.start)) for p in pieces for q in other)
    return shared > 0.7 * max(a, b)


def _nominal_statement(ctx: _Context, noun: Token, lemma: str) -> Statement | None:
    """A noun that attributes: "Trump's plan to deport ...", "her support for the bill",
    "a warning from the agency that ..."; the source is the possessor or the by/from phrase."""
    source_tok = None
    content: Span | None = None
    for child in noun.children:
        if child.dep_ == "poss":
            source_tok = child
        elif child.dep_ == "prep" and child.lower_ in ("by", "from") and source_tok is None:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            source_tok = objs[0] if objs else None
    if source_tok is None:
        return None
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp", "relcl") and child.dep_ != "relcl":
            content = _clause_span(ctx, child, skip_marker=True)
            break
        if child.dep_ == "prep" and child.lower_ in lexicon.CONTENT_PREPOSITIONS:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                content = _clause_span(ctx, objs[0], skip_marker=False)
                break
    if content is None or content.end <= content.start:
        return None
    source = _resolve(ctx, source_tok, strict=True)
    if source is None:
        return None
    span = Span(noun.idx, noun.idx + len(noun))
    kind: StatementKind = "Statement"
    if lemma in ("denial", "rejection", "refusal"):
        kind = "Denial"
    elif lemma in ("finding", "conclusion", "estimate", "assessment"):
        kind = "Finding"
    return Statement(
        kind, source.key, [content], content.slice(ctx.text), noun.text, False, span, source.span
    )


def _parenthetical_statement(ctx: _Context, verb: Token, lemma: str) -> Statement | None:
    """A cue set off by commas inside its content: "In a merger, he said, the brand would
    survive" or "The plans are reckless, said Ms. Bell, and ..." -> the sentence around it."""
    if lemma not in lexicon.SPEECH_VERBS or any(
        c.dep_ == "ccomp" and c.i > verb.i for c in verb.children
    ):
        return None
    sent = verb.sent
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return None
    subj = subjects[0]
    first = min(subj.left_edge.i, verb.i)
    last = max(subj.right_edge.i if subj.i > verb.i else verb.i, verb.i)
    while (
        last + 1 < sent.end
        and ctx.doc[last + 1].dep_ in ("npadvmod", "advmod")
        and (ctx.doc[last + 1].head.i == verb.i)
    ):
        last += 1  # "he said Tuesday,"
    before = ctx.doc[first - 1] if first > sent.start else None
    after = ctx.doc[last + 1] if last + 1 < sent.end else None
    if before is None or before.text != "," or after is None or after.text not in (",", "."):
        return None
    left = [t for t in ctx.doc[sent.start : before.i] if not t.is_space]
    right = [t for t in ctx.doc[after.i + 1 : sent.end] if not t.is_space]
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
    cue = _make_cue(ctx, verb, source.span)
    text = " ".join(p.slice(ctx.text) for p in pieces)
    return Statement(cue.kind, source.key, pieces, text, cue.text, False, cue.span, source.span)


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
    content = _clause_span(ctx, patients[0], skip_marker=False)
    st = _reported(ctx, _make_cue(ctx, verb, source.span), source, content)
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "as", "over") and child.i > agents[0].i:
            # "Trump has been criticized by his rivals for failing to ...": what for
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                _add_piece(ctx, st, _clause_span(ctx, objs[0], skip_marker=False))
            break
    return st


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
        kind, _unstated(ctx), [content], content.slice(ctx.text), verb.text, False, span, None
    )


def _poll_statement(ctx: _Context, prep: Token) -> Statement | None:
    """ "In a CNN poll released Monday, Clinton led by 6 points", "Trump leads in the
    polls": the poll is the source of the finding the clause reports."""
    objs = [c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in lexicon.POLL_NOUNS]
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
        "Finding",
        source.key,
        pieces,
        " ".join(p.slice(ctx.text) for p in pieces),
        prep.text,
        False,
        cue,
        _trim_span(ctx, source_span),
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
        content = _clause_span(ctx, objs[0], skip_marker=False)
    else:
        content = _clause_span(ctx, comp, skip_marker=True)
    source = _resolve(ctx, subjects[0], strict=True)
    if source is None or content.end <= content.start:
        return None
    cue = _make_cue(ctx, adj, source.span)
    return _reported(ctx, cue, source, content)


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
        if tok.text in (";", "—", "–", "(") or (tok.text == "-" and tok.whitespace_):
            end_tok = verb.doc[tok.i - 1]
            break
    end = end_tok.idx + len(end_tok)
    start = first.left_edge.idx if comp.dep_ == "prep" else comp.left_edge.idx
    if comp.dep_ == "ccomp":
        marks = [c for c in comp.children if c.dep_ == "mark" and c.i == comp.left_edge.i]
        start = comp.left_edge.idx if not marks else marks[0].idx
    pieces = []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    if subjects and subjects[0].lower_ not in ("it", "there"):
        subj = subjects[0]
        pieces.append(_trim_span(ctx, Span(subj.left_edge.idx, subj.idx + len(subj))))
    elif not subjects and verb.dep_ != "conj":
        return None
    pieces.append(_trim_span(ctx, Span(start, end)))
    pieces = [p for p in pieces if p.end > p.start]
    if len(pieces[-1].slice(ctx.text).split()) < 2:
        return None
    span = Span(verb.idx, verb.idx + len(verb))
    return Statement(
        "Statement",
        _unstated(ctx),
        pieces,
        " ".join(p.slice(ctx.text) for p in pieces),
        verb.text,
        False,
        span,
        None,
    )


def _hearsay_statement(ctx: _Context, adverb: Token) -> Statement | None:
    """ "He reportedly met the donors": the clause is hearsay with no source given."""
    head = adverb.head
    if head.i == adverb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    toks = [t for t in head.subtree if t.i != adverb.i and not t.is_space]
    while toks and toks[-1].is_punct:
        toks.pop()
    if len(toks) < 3:
        return None
    content = _trim_span(ctx, Span(toks[0].idx, toks[-1].idx + len(toks[-1])))
    span = Span(adverb.idx, adverb.idx + len(adverb))
    return Statement(
        "Statement",
        _unstated(ctx),
        [content],
        content.slice(ctx.text),
        adverb.text,
        False,
        span,
        None,
    )


def _controller(verb: Token) -> list[Token]:
    """The understood subject of a verb of saying that has none of its own: "began by
    telling progressives to ...", "after saying ... and adding that ...", "took to Twitter
    to say ...". Climbs at most three steps up the parse. Only for verbs of saying: for
    others ("decided to back", "a video of X talking") it was measured to pick the wrong
    source too often."""
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
        # "urged voters to ..., warning that ...", "took to Twitter to say ..."
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in lexicon.ONWARD_VERBS:
        # "went on to call Cruz ...", "continued to question his temperament"
        return [c for c in verb.head.children if c.dep_ == "nsubj"]
    tok = verb
    for _ in range(3):
        if tok.dep_ == "conj":
            tok = tok.head
        elif tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok = tok.head.head
        else:
            return []
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects
    return []


def _name_before(ctx: _Context, verb: Token) -> _Source | None:
    """A named person or organisation ending right before ``verb``, stepping back over an
    aside set off by commas or brackets (", 44,", "(D-Conn.)")."""
    i = verb.i - 1
    doc = ctx.doc
    if i >= 0 and doc[i].text in (",", ")"):
        close = doc[i].text
        opener = "," if close == "," else "("
        j = i - 1
        while j >= 0 and i - j <= 12 and doc[j].text != opener:
            j -= 1
        if j < 0 or i - j > 12:
            return None
        i = j - 1
    if i < 0 or doc[i].pos_ != "PROPN" or _inside_quote(ctx, doc[i].idx):
        return None
    m = _mention_for(ctx, doc[i])
    if m is None or not m.key or m.type not in ("Person", "Organization", "NewsOrganization"):
        return None
    return _Source(m.key, m.span)


def _question_statement(ctx: _Context, verb: Token) -> Statement | None:
    """ "Asked whether he would run, Smith said ...", "when asked about the leak, ...": the
    question put to the speaker. Whoever asked is named only in a by-phrase; otherwise the
    question is the article's (an unstated source)."""
    if verb.tag_ != "VBN" or any(c.dep_ == "nsubj" for c in verb.children):
        return None
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if verb.dep_ not in ("advcl", "ROOT") and not passive:
        return None
    comp = None
    for child in verb.rights:
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
    main = verb.head if verb.dep_ == "advcl" else None
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
    span = Span(verb.idx, verb.idx + len(verb))
    return Statement(
        "Statement",
        source.key if source else _unstated(ctx),
        [content],
        content.slice(ctx.text),
        verb.text,
        False,
        span,
        source.span if source else None,
    )


def _verb_statement(ctx: _Context, verb: Token, lemma: str) -> Statement | None:
    if lemma == "ask":
        st = _question_statement(ctx, verb)
        if st is not None:
            return st
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return _passive_statement(ctx, verb, lemma) or _unsourced_statement(ctx, verb, lemma)
    content = _complement(ctx, verb, lemma)
    if content is None:
        return None
    report_verb = _report_verb(verb) if lemma == "publish" else None
    if report_verb is not None:
        # "published a report documenting X": the finding is X, the cue runs to "documenting"
        inner = _complement(ctx, report_verb, "find")
        if inner is not None:
            content = inner
            ctx.used_tokens.add(report_verb.i)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and (
        verb.dep_ == "conj" or (verb.dep_ in ("advcl", "xcomp") and verb.tag_ in ("VBG", "VBD"))
    ):
        # "..., saying the timing had been set" / "X said A and warned B"
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not subjects and lemma in lexicon.SPEECH_VERBS:
        subjects = _controller(verb)
    # verbs that are not plainly speech ("backed", "wants") need an agent as subject: a
    # name, a pronoun or a person or group noun, not "the delegate lead continues"
    # headlines parse badly: there, only a name or a pronoun may be the source
    plain_speech = lemma in lexicon.SPEECH_VERBS and not _in_headline(ctx, verb.idx)
    source = _resolve(ctx, subjects[0], strict=not plain_speech) if subjects else None
    if source is None and lemma in lexicon.SPEECH_VERBS:
        # "..., former president Bill Clinton said his wife ...", "Marcel Lazar, 44, said
        # that ...", "CLEVELAND — Michael Mukasey told delegates ...": parses that miss
        # the subject still leave the name right before the verb
        before = _name_before(ctx, verb)
        if before is not None:
            source = before
    if source is None:
        return None
    if lemma == "find" and not any(c.dep_ == "ccomp" for c in verb.children):
        # "found it difficult" is not a finding; "the poll found Trump ahead" is
        ent = ctx.table.by_key(source.key)
        head = subjects[0].lower_
        if ent.type not in ("Organization", "NewsOrganization") and (
            head not in lexicon.FINDING_NOUNS and head not in lexicon.GROUP_NOUNS
        ):
            return None
    if lemma in lexicon.BELIEF_VERBS and subjects[0].lower_ == "you":
        return None  # "if you want to ..." addresses the reader; nobody is quoted
    cue = _make_cue(ctx, verb, source.span)
    if lemma == "publish":
        cue.kind = "Finding"
        if report_verb is not None and report_verb.i in ctx.used_tokens:
            cue.span = Span(verb.idx, report_verb.idx + len(report_verb))
            cue.text = cue.span.slice(ctx.text)
    return _reported(ctx, cue, source, content, via=_told_outlet(ctx, verb))


def _reported(
    ctx: _Context, cue: _Cue, source: _Source, content: Span, via: str | None = None
) -> Statement:
    """A statement of reported speech (one content piece, not verbatim)."""
    return Statement(
        cue.kind,
        source.key,
        [content],
        content.slice(ctx.text),
        cue.text,
        False,
        cue.span,
        source.span,
        via=via,
    )


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


def _according_statement(ctx: _Context, tok: Token) -> Statement | None:
    source = _according_source(ctx, tok)
    if source is None:
        return None
    phrase = list(tok.subtree)
    sent = tok.sent
    rest = [t for t in sent if t not in phrase and not t.is_space]
    while rest and rest[0].is_punct:
        rest = rest[1:]
    while rest and rest[-1].is_punct:
        rest = rest[:-1]
    if len(rest) < 3:
        return None
    # the content is the part of the sentence on the longer side of "according to X"
    left = [t for t in rest if t.i < tok.i]
    right = [t for t in rest if t.i > tok.i]
    part = left if len(left) >= len(right) else right
    while part and part[-1].is_punct:
        part = part[:-1]
    if not part:
        return None
    span = _trim_span(ctx, Span(part[0].idx, part[-1].idx + len(part[-1])))
    cue = _make_cue(ctx, tok, source.span)
    return Statement(
        "Statement",
        source.key,
        [span],
        span.slice(ctx.text),
        cue.text,
        False,
        cue.span,
        source.span,
    )


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


def _trim_span(ctx: _Context, span: Span) -> Span:
    """Drop surrounding spaces and stray punctuation so the span shows the words."""
    text = ctx.text
    start, end = span.start, span.end
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return Span(start, end)


def _in_subtree(tok: Token, root: Token) -> bool:
    return root.left_edge.i <= tok.i <= root.right_edge.i


# --- shared helpers -----------------------------------------------------------------------


def _add_piece(ctx: _Context, st: Statement, piece: Span) -> None:
    st.content.append(piece)
    st.text = " ".join(p.slice(ctx.text) for p in st.content)


def _about(ctx: _Context, st: Statement) -> list[str]:
    keys: list[str] = []
    for piece in st.content:
        for m in ctx.table.within(piece):
            if m.key and m.key != st.speaker and m.key not in keys and m.type != "UnnamedSource":
                keys.append(m.key)
    return keys


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


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _paragraph_start(ctx: _Context, char: int, back: int) -> int:
    idx = 0
    for i, p in enumerate(ctx.paragraphs):
        if p.start <= char:
            idx = i
    return ctx.paragraphs[max(0, idx - back)].start if ctx.paragraphs else 0


def _word_count(s: str) -> int:
    return len(s.split())
