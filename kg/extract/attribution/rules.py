"""The attribution rules, the order they run in and the policies that combine them.

Every statement carries the id of the rule that found it (``Statement.rule``, ``kg:rule`` in
RDF), and every id is registered in :data:`RULES` with an example sentence and what the rule
needs. ``kg extract FILE --explain`` shows the rule of each statement; ``python
benchmarks/polnear.py --by-rule`` measures each rule.

How an article is read (:func:`find_statements`):

1. Quotations (stage ``quotes``, kg.extract.attribution.direct): each quotation is given
   the cue and source in the words after it, else before it (in the paragraph before when
   that one ends with a colon), else a colon frame, else a short reaction sentence right
   before it ("Ms. Okafor agreed."). Works on characters, because parsers get quotation
   structure wrong. Quotations left without an attribution wait for the continuation
   policy (below).
2. Speaker lines (stage ``lines``): "MATTHEWS: ..." paragraphs. Their content is masked like
   a quotation: nothing further is looked for inside a speaker's own words.
3. Reported speech (stage ``tokens``): each token outside quotations, page furniture and
   used cues is offered to the :data:`TRIGGERS` in order; the first trigger that matches
   the token claims it, and its builder returns a statement or nothing (a token is never
   offered to a later trigger: the order is part of the behaviour).
4. Headline (stage ``headline``, kg.extract.attribution.headline): each clause of the
   headline in which no statement has its cue is read by words ("Minister Says Rates Will
   Rise"), since parsers misread headlines.

The policies, in the order they apply:

- Used tokens: a token that is the cue of a statement is never the cue of another
  (``ctx.used_tokens``); quotations claim theirs first.
- Same content (:func:`_same_content`): a new statement whose content shares more than 70%
  of its characters with an earlier one is that statement found twice and is dropped;
  quotations come first, so a quotation beats a reading of the same words as reported
  speech. Except when every earlier statement it clashes with is reported speech lying
  inside the new one's content ("said she would be accepting new speeches" after
  "accepting new speeches"): then the outer one replaces them.
- Whole quotations (:func:`_whole_quotations`): reported content that opens a quotation
  runs to its closing mark, and content that starts inside a quotation starts with the
  sentence the quotation stands in (the parse ends clauses at a quotation's full stops).
- Colon (:func:`_colon_elaboration`): reported content that stops at a colon whose
  sentence goes on in lower case or with a number runs on to the sentence's end ("said
  turnout was the highest in years: 71 percent"); a capital after the colon starts a
  sentence of its own.
- Nesting (:func:`_contains`): once all are found, a statement whose cue and content lie
  inside a reported statement's content is dropped: "He said that Clinton wants X" reports
  his claim, not her wish, and "prosecutors say he told an agent, “...”" is the
  prosecutors' account of his words (PolNeAR never nests attributions, and a reader of the
  graph should not take one source's hearsay for another's words). Except when the inner
  statement's cue and named source stand in a clause the outer content only ran on into,
  a contrast ("..., while Ruiz suggests ...") or a relative clause on the next name of a
  list ("criticism from X and Kofi Mensah, a judge who has suggested ..."): then the outer
  content ends before that clause and both are kept (:func:`_own_clause_at`).
- Pieces without words are removed, and a statement left with none is dropped.
- Continuation (:func:`~kg.extract.attribution.direct.continue_quotations`): a quotation
  without an attribution of its own, in the same paragraph as the quotation before it or
  opening the next paragraph, is another piece of that quotation's statement, or of
  reported speech right before it that quotes its source in part and names them after it
  ("The rules are “a tax on growers,” the union said. “Nobody asked us.”"). It runs last so
  that the other policies judge each statement by its own sentence.

To add a rule: write its builder (a function from the context and a token to a
``Statement(..., rule="your-id")`` or None) next to its kind (reported, unsourced, content
for a new complement of a verb), register the id in :data:`RULES`, hook it into a trigger
(or add a trigger at the right place in :data:`TRIGGERS`), and add rows to
tests/test_rules_table.py; then measure it with ``--by-rule``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Doc, Token

from kg.extract import lexicon
from kg.extract.attribution.context import (
    _blocked_at,
    _Context,
    _inside_quote,
    _mask,
    _next_lower,
    _tokens,
    _trim_span,
)
from kg.extract.attribution.direct import _direct_statements, _speaker_lines, continue_quotations
from kg.extract.attribution.headline import _headline_statements
from kg.extract.attribution.reported import (
    _according_statement,
    _attitude_statement,
    _claim_noun_statement,
    _light_verb_statement,
    _parenthetical_statement,
    _verb_statement,
)
from kg.extract.attribution.unsourced import (
    _hearsay_statement,
    _impression_statement,
    _poll_statement,
)
from kg.extract.entities import EntityTable
from kg.extract.quotes import Quote, paragraphs
from kg.model import Span, Statement

Stage = Literal["quotes", "lines", "tokens", "headline"]


@dataclass(frozen=True)
class Rule:
    """One construction that attributes: its id (``Statement.rule``), the stage it runs in,
    a sentence it reads, and what it relies on."""

    id: str
    stage: Stage
    example: str
    needs: str


#: Every rule, by stage and in the order it is tried within its stage.
RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule(
            "quote-then-cue",
            "quotes",
            "“We have waited as long as we could,” the governor said.",
            "a quotation, then a verb of saying (or any verb) and its subject in the words "
            "right after it",
        ),
        Rule(
            "quote-then-verb",
            "quotes",
            "“And that is why we are leaving,” she continued.",
            "a quotation, then a verb that is no verb of saying and its subject right after "
            "it (the verb is the act of saying the quotation)",
        ),
        Rule(
            "cue-then-quote",
            "quotes",
            "The governor said: “We have waited as long as we could.”",
            "a verb of saying and its subject before the quotation, ending in a colon, a "
            "comma, the verb or 'that'",
        ),
        Rule(
            "utterance-quote",
            "quotes",
            "Outside the ministry, farmers chanted “No more cuts!”",
            "a verb of uttering aloud or on display (lexicon.UTTERANCE_VERBS: shouted, "
            "chanted, the sign read) and its subject right before or after a quotation; a "
            "quotation of one or two words counts after such a verb",
        ),
        Rule(
            "quote-in-clause",
            "quotes",
            "The minister said “the worst is behind us” when the figures came out.",
            "a verb of saying right before a quotation that starts in lower case (no comma "
            "or colon between) and a sentence that runs on after it: the clause is reported "
            "speech that quotes in part",
        ),
        Rule(
            "quote-according-to",
            "quotes",
            "“Nobody was hurt,” according to the fire service.",
            "'according to' and a source next to a quotation with no verb of saying",
        ),
        Rule(
            "colon-frame",
            "quotes",
            "The chairman continued his remarks: “We will not sell.”",
            "a colon before the quotation and a verb with a subject before it",
        ),
        Rule(
            "name-colon",
            "quotes",
            "Graham: “The party has lost its way.”",
            "a colon before the quotation right after a name (not a place)",
        ),
        Rule(
            "name-dash",
            "quotes",
            "Maria Duarte ― “Fear. I am truly afraid of what the water will do.”",
            "a name (not a place) and a dash before a quotation, with nothing else before "
            "the dash; or a dash and a name right after it (“...” ― Carla Sanchez), also "
            "as a short line of its own after the quotation's paragraph",
        ),
        Rule(
            "reaction-then-quote",
            "quotes",
            "Maria Lopez, a teacher in Valencia, agreed. “The strike is all they listen to.”",
            "a quotation opening a sentence right after a short sentence whose verb of saying "
            "or reacting (lexicon.REACTION_VERBS) has a subject and no object or clause",
        ),
        Rule(
            "speaker-line",
            "lines",
            "MATTHEWS: Well, speculation is bad.",
            "a paragraph led by a known name (or a transcript's capitalised surname) and a colon",
        ),
        Rule(
            "according-to",
            "tokens",
            "According to the rail operator, services will resume on Monday.",
            "'according to' and a resolvable source; the content is the longer side of "
            "the sentence ('That' in \"That's according to X\", which points to the "
            "sentence before)",
        ),
        Rule(
            "parenthetical",
            "tokens",
            "The plans, the minister said, are reckless.",
            "a verb of saying with its subject set off by commas inside its content (also "
            "after the verb: 'Any reading of the deal, said Ana Ruiz, an economist, would ...')",
        ),
        Rule(
            "question",
            "tokens",
            "Asked whether she would resign, the mayor laughed.",
            "a participle of 'ask' without a subject (or 'asked' set off by a comma after "
            "the speaker or their verb of saying: 'Ruiz, asked about the memo, said'): the "
            "question; its source the by-phrase or the unstated source",
        ),
        Rule(
            "passive-agent",
            "tokens",
            "The plan was rejected by the council.",
            "a passive verb of saying, believing or stance with a by-agent",
        ),
        Rule(
            "unsourced-expected",
            "tokens",
            "The bill is expected to pass next week.",
            "a passive from lexicon.UNSOURCED_PASSIVES with no agent and a clause",
        ),
        Rule(
            "verb-complement",
            "tokens",
            "The mayor said the bridge would reopen in May.",
            "a verb of saying or believing and its clausal complement (ccomp) after it",
        ),
        Rule(
            "complement-then-cue",
            "tokens",
            "The bridge will reopen in May, the mayor said.",
            "a verb of saying after its clausal complement (or, ending its sentence, after "
            "the clause the parse joins it to, makes it a modifier in ('..., the news agency "
            "reported'), or gives it as a second subject ('A vaccine cut infections, "
            "researchers reported')); not when that clause is an attribution of its own "
            "('Ruiz suggested ... - “...,” Ruiz said') or the verb has an object of its own "
            "('..., the striker urged fans to ...'; whom one told or wrote to is none)",
        ),
        Rule(
            "complement-as-head",
            "tokens",
            "Days after Ruiz told the Nation he was “not ready” to back the bill, she did.",
            "a verb of saying with its subject and nothing after it but whom it told, when "
            "or where, hung on the clause right after it (which has its own subject): the "
            "parse made what was said the head",
        ),
        Rule(
            "answer-word",
            "tokens",
            "Asked whether the mayor should resign, 75 percent of voters said yes.",
            "a verb of saying with 'yes' or 'no' right after it and nothing more: the answer",
        ),
        Rule(
            "clause-after-phrase",
            "tokens",
            "The minister said in a radio interview that talks had failed.",
            "a verb of saying whose that-clause the parse hangs on a phrase after it (also "
            "as a relative clause on the phrase's noun that has no gap for 'that' to fill)",
        ),
        Rule(
            "accused-of",
            "tokens",
            "Unions accused the operator of cutting safety checks.",
            "'accuse' with an object and an of-phrase",
        ),
        Rule(
            "as-reported",
            "tokens",
            "As the Tribune reported on Monday, the mine will close.",
            "an 'as' clause with a verb of saying and no object or clause of its own (the "
            "'as' stands for it); the content is the main clause, after it or, when the "
            "clause closes the sentence after a comma, before it",
        ),
        Rule(
            "denial-object",
            "tokens",
            "The ministry denied reports of a cover-up.",
            "a verb from lexicon.DENIAL_VERBS and its object, with what the source called "
            "it ('dismissed the claims as jealousy')",
        ),
        Rule(
            "finding-object",
            "tokens",
            "The audit found serious failings in the tendering process.",
            "a verb from lexicon.FINDING_VERBS (or 'publish' a finding noun) and its object "
            "(not a pronoun), with what the object is found to be ('with a lead') and the "
            "figures after it (', with 41 percent backing her')",
        ),
        Rule(
            "published-report",
            "tokens",
            "The group published a report documenting abuses at the camp.",
            "'publish' a finding noun and a participle of finding; the content is what "
            "the participle reports",
        ),
        Rule(
            "verb-predicate",
            "tokens",
            "Critics were quick to respond, calling the proposal “reckless.”",
            "a stance verb with a predicate (oprd) and no object",
        ),
        Rule(
            "verb-infinitive",
            "tokens",
            "The union vowed to fight the closures.",
            "a verb of saying, believing or stance with a to-infinitive (whose words go on "
            "past an aside between dashes the parse hung elsewhere: 'to ban all trucks — "
            "4,000 a day — from the bridge', and stop before a finite verb joined to them: "
            "'to keep the clinics open and celebrated the ruling', and go on over bare verbs the "
            "parse joined to the cue: 'has promised to meet and in some cases exceed the "
            "targets')",
        ),
        Rule(
            "for-clause",
            "tokens",
            "Teachers in Lima called for the minister to resign.",
            "a stance verb and a clause marked by 'for' with its own subject and a "
            "to-infinitive (what someone should do)",
        ),
        Rule(
            "called-quote",
            "tokens",
            "She called the ruling “a disgrace.”",
            "'call', 'dub', 'label', 'brand', 'declare', 'term' or 'deem' with an object "
            "followed by a quotation",
        ),
        Rule(
            "called-relative",
            "tokens",
            "The council approved the tower, which the mayor called “a disgrace.”",
            "'call', 'describe', 'dub', 'label', 'brand', 'declare', 'term' or 'deem' whose "
            "object is a relative word before its subject (which, whom, what, that), and a "
            "quotation right after the verb; the content is what the verb calls it",
        ),
        Rule(
            "object-relative",
            "tokens",
            "Fees rose by a fifth, an arrangement the union has criticized.",
            "a verb that takes what it reports as its object, in a relative clause with its "
            "own subject and no relative word or object: the noun the clause describes",
        ),
        Rule(
            "stance-object",
            "tokens",
            "The senator criticized the decision to close the plant.",
            "a verb that takes what it reports as its object (lexicon.OBJECT_CUE_VERBS, "
            "belief verbs, most verbs of saying; 'say' with a noun object, which can only be "
            "what was said)",
        ),
        Rule(
            "verb-prep-object",
            "tokens",
            "Residents called for an independent inquiry.",
            "a stance verb and a preposition from lexicon.CONTENT_PREPOSITIONS right after it",
        ),
        Rule(
            "see-as",
            "tokens",
            "Farmers see the new tariff as a threat.",
            "'see' with an object and an as-phrase, read like 'regard ... as'",
        ),
        Rule(
            "in-poll",
            "tokens",
            "In a poll released Monday, the governor led by six points.",
            "'in' a poll noun (lexicon.POLL_NOUNS) attached to a verb with a subject",
        ),
        Rule(
            "impression",
            "tokens",
            "The ceasefire appears to be holding.",
            "a verb from lexicon.IMPRESSION_VERBS with a complement; the unstated source "
            "(a speaker who seems to make an act of saying makes it: 'the senator seemed "
            "to blame the network' is read by the verb of saying's rule)",
        ),
        Rule(
            "attitude-adjective",
            "tokens",
            "Farmers are skeptical of the plan.",
            "an adjective from lexicon.ATTITUDE_ADJECTIVES after a linking verb, with a "
            "clause or a prepositional object",
        ),
        Rule(
            "hearsay-adverb",
            "tokens",
            "The minister reportedly met the donors in March.",
            "an adverb from lexicon.HEARSAY_ADVERBS, not on a verb of saying ('reportedly "
            "said') nor in a clause one reports ('allegedly hit him, the paper reported'); "
            "the unstated source",
        ),
        Rule(
            "light-verb",
            "tokens",
            "The union made the case that the rosters were unsafe.",
            "'make' (issue, deliver, sound, voice: lexicon.LIGHT_VERBS) with a noun of "
            "saying ('the case', 'no secret of', 'a warning about') or 'clear', and the "
            "clause or prepositional phrase it governs; or a verb that gives a verdict as a "
            "noun ('had nothing but praise for', 'heaped scorn on', 'laid the blame on': "
            "lexicon.VERDICT_VERBS, "
            "VERDICT_NOUNS) and whom the for- or on-phrase names",
        ),
        Rule(
            "claim-noun",
            "tokens",
            "The minister's claim that the budget is balanced was challenged.",
            "a noun from lexicon.CLAIM_NOUNS with a possessive (a name, a resolvable his/her/"
            "their) and the that-clause right after it, not a relative clause; or a noun of "
            "urging or promising (lexicon.URGING_NOUNS) and its to-infinitive or for-phrase "
            "('Ruiz's call to abandon the plan', 'the union's calls for a strike')",
        ),
        Rule(
            "clause-verb",
            "tokens",
            "She realized the contract had never been signed.",
            "any other verb with a clausal complement after it (not lexicon.NOT_CUES)",
        ),
        Rule(
            "headline",
            "headline",
            "Central Bank Chief Warns Of Slower Growth",
            "a clause of the headline in which no other rule found a cue: a source phrase "
            "opening it, a verb of saying, stance or belief in a verbal form (inflected, or "
            "after an auxiliary: 'Will Demand'), and the rest of the clause, read by words "
            "because parsers misread headlines; or a name or source noun and a colon "
            "opening the headline ('Economists: Rate Cut Is Coming')",
        ),
    )
}


# --------------------------------------------------------------------------- triggers

Build = Callable[[_Context, "Token", str], "Statement | None"]


@dataclass(frozen=True)
class Trigger:
    """The tokens a family of rules looks at (``matches``, given the token and its lower-case
    lemma, and only tried on the parts of speech in ``pos``, every one when None) and the
    builder that reads them (``build``); ``rules`` lists the ids it can produce."""

    name: str
    pos: frozenset[str] | None
    matches: Callable[[Token, str], bool]
    build: Build
    rules: tuple[str, ...]


def _cue_verb_matches(tok: Token, lemma: str) -> bool:
    return tok.pos_ == "VERB" and (
        lemma in lexicon.SPEECH_VERBS
        or lemma in lexicon.BELIEF_VERBS
        or lemma in lexicon.OBJECT_CUE_VERBS
    )


def _cue_verb(ctx: _Context, tok: Token, lemma: str) -> Statement | None:
    return _parenthetical_statement(ctx, tok, lemma) or _verb_statement(ctx, tok, lemma)


def _see_as_matches(tok: Token, lemma: str) -> bool:
    return (
        lemma == "see"
        and tok.pos_ == "VERB"
        and any(c.dep_ == "dobj" for c in tok.children)
        and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.rights)
    )


def _clause_verb_matches(tok: Token, lemma: str) -> bool:
    # any verb taking a clause says, thinks or feels something ("realized that ...")
    return (
        tok.pos_ == "VERB"
        and tok.is_alpha
        and lemma not in lexicon.NOT_CUES
        and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
    )


_VERB_RULES = (
    "question",
    "passive-agent",
    "unsourced-expected",
    "verb-complement",
    "complement-then-cue",
    "complement-as-head",
    "answer-word",
    "clause-after-phrase",
    "accused-of",
    "as-reported",
    "denial-object",
    "finding-object",
    "published-report",
    "verb-predicate",
    "verb-infinitive",
    "for-clause",
    "called-quote",
    "called-relative",
    "object-relative",
    "stance-object",
    "verb-prep-object",
)

#: The token stage's triggers, in the order a token is offered to them.
TRIGGERS: tuple[Trigger, ...] = (
    Trigger(
        "according to",
        None,
        lambda tok, lemma: tok.lower_ == "according" and _next_lower(tok) == "to",
        lambda ctx, tok, lemma: _according_statement(ctx, tok),
        ("according-to",),
    ),
    Trigger(
        "verb of saying, believing or stance",
        frozenset({"VERB"}),
        _cue_verb_matches,
        _cue_verb,
        ("parenthetical", *_VERB_RULES),
    ),
    Trigger(
        "in a poll",
        frozenset({"ADP"}),
        lambda tok, lemma: tok.lower_ == "in" and tok.dep_ == "prep",
        lambda ctx, tok, lemma: _poll_statement(ctx, tok),
        ("in-poll",),
    ),
    Trigger(
        "see ... as",
        frozenset({"VERB"}),
        _see_as_matches,
        # "Sanders and Clinton see black votes as key": a view, like "regard ... as"
        lambda ctx, tok, lemma: _verb_statement(ctx, tok, "regard", rule="see-as"),
        ("see-as", "passive-agent", "unsourced-expected"),
    ),
    Trigger(
        "impression verb",
        frozenset({"VERB", "AUX"}),
        lambda tok, lemma: tok.pos_ in ("VERB", "AUX") and lemma in lexicon.IMPRESSION_VERBS,
        lambda ctx, tok, lemma: _impression_statement(ctx, tok),
        ("impression",),
    ),
    Trigger(
        "attitude adjective",
        frozenset({"ADJ"}),
        lambda tok, lemma: tok.pos_ == "ADJ" and tok.lower_ in lexicon.ATTITUDE_ADJECTIVES,
        lambda ctx, tok, lemma: _attitude_statement(ctx, tok),
        ("attitude-adjective",),
    ),
    Trigger(
        "hearsay adverb",
        frozenset({"ADV"}),
        lambda tok, lemma: tok.lower_ in lexicon.HEARSAY_ADVERBS,
        lambda ctx, tok, lemma: _hearsay_statement(ctx, tok),
        ("hearsay-adverb",),
    ),
    Trigger(
        "make (offer, issue, ...) and a noun of saying",
        frozenset({"VERB"}),
        lambda tok, lemma: lemma in lexicon.LIGHT_VERBS or lemma in lexicon.VERDICT_VERBS,
        lambda ctx, tok, lemma: _light_verb_statement(ctx, tok),
        ("light-verb",),
    ),
    Trigger(
        "noun of saying with a possessive",
        frozenset({"NOUN"}),
        lambda tok, lemma: lemma in lexicon.CLAIM_NOUNS or lemma in lexicon.URGING_NOUNS,
        lambda ctx, tok, lemma: _claim_noun_statement(ctx, tok),
        ("claim-noun",),
    ),
    Trigger(
        "any verb with a clause",
        frozenset({"VERB"}),
        _clause_verb_matches,
        lambda ctx, tok, lemma: _verb_statement(ctx, tok, lemma, rule="clause-verb"),
        ("clause-verb", "question", "passive-agent", "unsourced-expected"),
    ),
)


_BY_POS: dict[str, tuple[Trigger, ...]] = {}


def _triggers_for(pos: str) -> tuple[Trigger, ...]:
    """The triggers a token of this part of speech is offered to, in order (cached: the
    token loop must stay cheap on the tokens no rule looks at)."""
    found = _BY_POS.get(pos)
    if found is None:
        found = _BY_POS[pos] = tuple(t for t in TRIGGERS if t.pos is None or pos in t.pos)
    return found


# --------------------------------------------------------------------------- the run


def find_statements(
    doc: Doc,
    text: str,
    table: EntityTable,
    quotes: list[Quote],
    blocked: list[Span],
    headline: Span | None = None,
) -> list[Statement]:
    """All statements of an article in reading order (stages and policies: see the module
    docstring)."""
    ctx = _Context(doc, text, table, quotes, blocked, headline=headline)
    ctx.quote_spans = [q.outer for q in quotes]
    ctx.paragraphs = paragraphs(text)
    ctx.paragraph_starts = [p.start for p in ctx.paragraphs]
    ctx.quote_mask = _mask(len(text), [q.content for q in quotes])
    ctx.block_mask = _mask(len(text), blocked)
    ctx.quote_starts = [q.content.start for q in quotes]
    statements, free = _direct_statements(ctx)
    lines = _speaker_lines(ctx, statements)
    for st in lines:
        # a speaker's line is their own words, like a quotation: no further attributions
        # are looked for inside it ("THEY want safe homes" is the speaker's, not theirs)
        for piece in st.content:
            ctx.quote_mask[piece.start : piece.end] = b"\x01" * (piece.end - piece.start)
    statements += lines
    statements += _token_statements(ctx, statements)
    statements += _headline_statements(ctx, statements)
    for st in statements:
        _whole_quotations(ctx, st)
        _colon_elaboration(ctx, st)
    found = statements
    statements = _without_nested(ctx, statements)
    statements = [st for st in (_without_empty_pieces(ctx, st) for st in statements) if st]
    continue_quotations(ctx, found, free, statements)
    statements.sort(key=lambda s: s.content[0].start)
    for st in statements:
        st.about = _about(ctx, st)
    return statements


def _token_statements(ctx: _Context, earlier: list[Statement]) -> list[Statement]:
    """The token stage: each free token to the first trigger that matches it, then the
    same-content policy against everything found so far."""
    out: list[Statement] = []
    taken = [st.content for st in earlier]
    n_earlier = len(taken)
    for tok in ctx.doc:
        if tok.i in ctx.used_tokens or _inside_quote(ctx, tok.idx) or _blocked_at(ctx, tok.idx):
            continue
        lemma = tok.lemma_.lower()
        for trigger in _triggers_for(tok.pos_):
            if trigger.matches(tok, lemma):
                break
        else:
            continue
        st = trigger.build(ctx, tok, lemma)
        if st is None:
            continue
        clashes = [i for i, t in enumerate(taken) if _same_content(st.content, t)]
        if clashes:
            # a statement found inside another's content ("said she would be accepting new
            # speeches" after "accepting new speeches"): the outer one is the attribution
            inner = [i for i in clashes if i >= n_earlier and _contains(st, out[i - n_earlier])]
            if len(inner) == len(clashes):
                for i in sorted(inner, reverse=True):
                    del out[i - n_earlier]
                    del taken[i]
                clashes = []
        if clashes:
            continue
        ctx.used_tokens.add(tok.i)
        out.append(st)
        taken.append(st.content)
    return out


def _without_nested(ctx: _Context, statements: list[Statement]) -> list[Statement]:
    """The nesting policy: "He said that Clinton wants X" reports his claim, not her wish;
    the inner attribution (a quotation too) is his hearsay and is not the article's to
    make. Except when the inner one stands in a clause of its own that the outer content
    only ran on into (:func:`_own_clause_at`): then the outer content ends before it and
    both are kept."""
    reported = [st for st in statements if not st.direct]
    for st in statements:
        if st.direct:
            continue
        outers = [o for o in reported if o is not st and _contains(o, st)]
        if len(outers) != 1:
            continue
        cut = _own_clause_at(ctx, outers[0], st)
        if cut is not None:
            _cut_content(ctx, outers[0], cut)
    return [st for st in statements if not any(o is not st and _contains(o, st) for o in reported)]


def _own_clause_at(ctx: _Context, outer: Statement, inner: Statement) -> int | None:
    """Where ``outer``'s content ends when the statement inside it stands in a clause of
    its own that the content only ran on into: a coordinated or adverbial clause with the
    inner source as its own subject ("say the rules are too strict, and the union has
    sued the city, saying they ...", "called for an inquiry after the agency reported
    that ...", "accuses her of a smear while Ruiz suggests ..."). PolNeAR-style readers
    take that clause as a second attribution, not as part of the first one's words; None
    when the inner statement is reported by the outer one ("said that Ruiz believes
    ...") or the outer one would keep no words of its own, and never inside a poll's or a
    report's frame, whose content is all it found."""
    if inner.cue_span is None or inner.source_span is None or outer.rule in _FRAMES:
        return None
    cue, source = _tokens(ctx, inner.cue_span), _tokens(ctx, inner.source_span)
    if (
        not cue
        or not source
        or inner.speaker == outer.speaker
        or source[0].pos_ == "PRON"
        or cue[0].lemma_.lower() not in lexicon.SPEECH_VERBS
    ):
        return None
    lo, hi = outer.content[0].start, outer.content[-1].end
    subject = source[0].i
    tok, path = cue[0], []
    while tok.head.i != tok.i and lo <= tok.head.idx < hi:
        if (
            # "... from residents and Kofi Mensah, a judge who has suggested ...": the
            # speaker is the next in a list, described by a relative clause
            (tok.dep_ == "conj" and "relcl" in path and set(path) <= {"relcl", "appos"})
            or (tok.dep_ == "advcl" and _contrast_marked(tok))
        ) and tok.left_edge.i <= subject <= tok.right_edge.i:
            start = tok.left_edge
            if start.idx <= lo:
                return None
            before = ctx.doc[start.i - 1] if start.i > 0 else None
            if before is not None and (before.dep_ == "cc" or before.is_punct):
                start = before
            kept = ctx.text[lo : start.idx].split()
            return start.idx if len(kept) >= 3 else None
        path.append(tok.dep_)
        tok = tok.head
    return None


#: Rules whose content is a frame's whole account, every finding of it ("In a poll in May,
#: 38 percent said ..., while 55 percent said ...", "According to the report, ...").
_FRAMES = frozenset(("in-poll", "according-to"))


def _contrast_marked(clause: Token) -> bool:
    """Whether an adverbial clause is a contrast ("while ...", "though ...")."""
    return any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKERS for c in clause.children)


_CONTRAST_MARKERS = frozenset(("while", "whereas", "though", "although"))


def _cut_content(ctx: _Context, st: Statement, cut: int) -> None:
    """End ``st``'s content before character ``cut`` (pieces after it are dropped)."""
    pieces = [p for p in st.content if p.start < cut]
    last = _trim_span(ctx, Span(pieces[-1].start, min(pieces[-1].end, cut)))
    st.content = pieces[:-1] + [last]
    st.text = " ".join(p.slice(ctx.text) for p in st.content)


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


def _same_content(pieces: list[Span], other: list[Span]) -> bool:
    """Whether two contents are mostly the same words (one statement found twice); nested
    statements ("X said that Y believes Z") overlap without being the same."""
    a = sum(p.end - p.start for p in pieces)
    b = sum(p.end - p.start for p in other)
    shared = sum(max(0, min(p.end, q.end) - max(p.start, q.start)) for p in pieces for q in other)
    return shared > 0.7 * max(a, b)


def _whole_quotations(ctx: _Context, st: Statement) -> None:
    """The quotation policy: reported content never cuts a quotation it opens. "said he had
    received offers, but “the offers were to use the gun in a fashion I did not feel
    comfortable with”" and "said the "train may have left the station. I don't want ..."":
    the parse ends the clause inside the speaker's own words; the content runs to the
    closing mark."""
    if st.direct or not ctx.quotes:
        return
    starts = ctx.quote_starts
    first = st.content[0]
    # quotations do not overlap: at most one holds a given character (found by bisection)
    i = bisect.bisect_left(starts, first.start) - 1
    if i >= 0:
        q = ctx.quotes[i]
        if first.start < q.content.end and first.end <= q.outer.end + 1:
            # "The people of Scranton “deserve someone ... That’s Hillary Clinton,” the man
            # said": the parse's clause is the quotation's last sentence; the content is the
            # sentence the quotation stands in
            opener = ctx.doc.char_span(q.open_at, q.open_at + 1, alignment_mode="expand")
            start = opener.sent.start_char if opener is not None else q.open_at
            st.content[0] = _trim_span(ctx, Span(start, first.end))
            st.text = " ".join(p.slice(ctx.text) for p in st.content)
    last = st.content[-1]
    # bisect_right: a content ending just after a quotation's opening mark ("and acted “")
    # ends where that quotation's words start
    j = bisect.bisect_right(starts, last.end) - 1
    if j >= 0:
        q = ctx.quotes[j]
        if last.end == q.content.start and _sentence_ends_before(ctx.text, q.open_at):
            # "... were unacceptable. “This is going ...”": the mark opens the next
            # sentence's quotation, which the parse hung on this one
            st.content[-1] = _trim_span(ctx, Span(last.start, q.open_at))
            st.text = " ".join(p.slice(ctx.text) for p in st.content)
        elif last.start <= q.open_at and last.end < q.outer.end:
            st.content[-1] = Span(last.start, q.outer.end)
            st.text = " ".join(p.slice(ctx.text) for p in st.content)


def _colon_elaboration(ctx: _Context, st: Statement) -> None:
    """The colon policy: reported content that stops at a colon whose sentence goes on in
    lower case or with a number runs on to the sentence's end ("warned of three risks:
    higher rents, fewer buses and closed clinics", "said the turnout was the highest in
    years: 71 percent"). What follows such a colon spells out what the speaker said, and
    the parse leaves it out of the clause; a capital after the colon starts a sentence of
    its own, often the reporter's, and a quotation after it is found by its own rules."""
    if st.direct:
        return
    text = ctx.text
    last = st.content[-1]
    at = last.end
    while at < len(text) and at - last.end < 3 and text[at] in " ”’\"'":
        at += 1
    if at >= len(text) or text[at] != ":":
        return
    colon = ctx.doc.char_span(at, at + 1, alignment_mode="expand")
    if colon is None:
        return
    sent = colon.sent
    tail = sent.end - 1
    while tail > colon.end and (ctx.doc[tail].is_punct or ctx.doc[tail].is_space):
        tail -= 1
    end = ctx.doc[tail].idx + len(ctx.doc[tail])
    newline = text.find("\n", at)
    if newline != -1:
        end = min(end, newline)
    after = text[at + 1 : end].lstrip()
    if not after or not (after[0].islower() or after[0].isdigit()):
        return
    for span in (st.cue_span, st.source_span):
        if span is not None and span.start < end and span.end > at:
            return  # "... the finding: 40 percent, the survey said": not past its own cue
    piece = _trim_span(ctx, Span(last.start, end))
    if piece.end <= last.end:
        return
    st.content[-1] = piece
    st.text = " ".join(p.slice(text) for p in st.content)


def _sentence_ends_before(text: str, at: int) -> bool:
    """Whether the words before ``at`` end a sentence (a full stop, "?" or "!")."""
    before = text[max(0, at - 80) : at].rstrip()
    return before.endswith((".", "?", "!"))


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


def _about(ctx: _Context, st: Statement) -> list[str]:
    keys: list[str] = []
    for piece in st.content:
        for m in ctx.table.within(piece):
            if m.key and m.key != st.speaker and m.key not in keys and m.type != "UnnamedSource":
                keys.append(m.key)
    return keys
