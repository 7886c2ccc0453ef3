"""Titles and affiliations of people: the title words before a name ("Russian Foreign
Minister") or in an appositive ("the company's chief executive"), and the country or
organisation they tie the person to. Runs last, on the finished table.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # type hints only: importing kg must not import spaCy
    from spacy.tokens import Doc, Token

from kg.extract import lexicon
from kg.extract.entities.candidates import PORTFOLIO_POST
from kg.extract.entities.organisations import _norm
from kg.extract.entities.tables import EntityTable, Mention
from kg.model import Entity, Span


def _titles_and_affiliations(
    table: EntityTable, doc: Doc, text: str, headline: Span | None
) -> None:
    """ "Russian Foreign Minister Sergey Lavrov" -> title "Foreign Minister", affiliation
    Russia; "the company’s chief executive, Ravi Menon" -> title "chief executive"."""
    place_keys = {_norm(e.name): e.key for e in table.entities if e.type == "Place"}
    for m in list(table.mentions):
        if m.type != "Person" or m.in_headline or m.key is None:
            continue
        ent = table.by_key(m.key)
        first = _token_at(doc, m.span.start)
        if first is None:
            continue
        title_tokens: list[Token] = []
        i = first.i - 1
        while i >= 0:
            tok = doc[i]
            low = tok.lower_
            if tok.is_space or "\n" in tok.whitespace_:
                break
            # "Finance Minister Ana Ruiz", "spokeswoman Aiko Tanabe", "Palmeiras coach
            # Rogério Tavares": a title head right before the name may be lower case
            if (low in lexicon.TITLE_HEADS or low in lexicon.TITLE_MODIFIERS) and (
                tok.text[0].isupper()
                or title_tokens
                or (i == first.i - 1 and low in lexicon.TITLE_HEADS and _names_the(tok, m))
            ):
                title_tokens.insert(0, tok)
                i -= 1
                continue
            break
        while title_tokens and title_tokens[-1].lower_ not in lexicon.TITLE_HEADS:
            title_tokens.pop()
        while title_tokens and title_tokens[0].lower_ in ("top", "former"):
            title_tokens.pop(0)
        if not title_tokens:
            line = text.rfind("\n", 0, m.span.start) + 1
            post = _PORTFOLIO_BEFORE.search(text, line, m.span.start)
            if post is not None:  # "Minister of Electricity Kgosi Dlamini"
                ent.titles.add(re.sub(r"\s+", " ", post.group(1)).strip(" ,"))
        if title_tokens and title_tokens[-1].lower_ not in lexicon.HONORIFICS:
            ent.titles.add(" ".join(t.text for t in title_tokens))
            before = doc[title_tokens[0].i - 1] if title_tokens[0].i > 0 else None
            if before is not None and before.lower_ in lexicon.DEMONYMS:
                country = lexicon.DEMONYMS[before.lower_]
                key = place_keys.get(country.lower())
                if key is None:
                    key = table.new_entity("Place", country).key
                    place_keys[country.lower()] = key
                ent.affiliations.add(key)
                if table.at(before.idx) is None:
                    table.mentions.append(
                        Mention(
                            Span(before.idx, before.idx + len(before)), before.text, "Place", key
                        )
                    )
            elif before is not None:
                org = table.at(before.idx)
                if org and org.key and org.type in ("Organization", "NewsOrganization", "Place"):
                    ent.affiliations.add(org.key)
        _appositive_title(table, ent, doc, first, m)


#: A post with its portfolio right before a name (:data:`PORTFOLIO_POST`), with a rank
#: before it: "Deputy Minister of Finance and Planning ".
_PORTFOLIO_BEFORE = re.compile(
    rf"(?<![\w-])((?:(?:Deputy|Acting|Assistant|Vice) )?{PORTFOLIO_POST})$"
)


def _names_the(tok: Token, m: Mention) -> bool:
    """Whether a lower-case title head right before a name is a noun that belongs to the
    name ("spokeswoman Aiko Tanabe": a compound of it), not a verb or a noun of its own
    that happens to stand there ("Voters will judge Ana Ruiz")."""
    return (
        tok.pos_ in ("NOUN", "PROPN")
        and tok.dep_ in ("compound", "nmod", "appos", "amod")
        and m.span.start <= tok.head.idx < m.span.end
    )


def _appositive_title(table: EntityTable, ent: Entity, doc: Doc, first: Token, m: Mention) -> None:
    head = first
    while head.head.i != head.i and m.span.start <= head.head.idx < m.span.end:
        head = head.head
    partners = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        partners.append(head.head)
    for p in partners:
        if p.lower_ not in lexicon.TITLE_HEADS or p.ent_type_:
            continue
        words = [
            t
            for t in p.subtree
            if t.i <= p.i
            and t.dep_ not in ("det", "poss", "case")
            and (t.dep_ != "punct" or _joining_hyphen(t))
            and not (t.ent_type_ and t.dep_ != "compound")
        ]
        # keep only the contiguous run ending at the head noun
        run: list[Token] = []
        for t in reversed(words):
            if run and t.i != run[0].i - 1:
                break
            run.insert(0, t)
        while run and run[0].dep_ == "punct":
            run = run[1:]
        if run:
            ent.titles.add(doc[run[0].i : run[-1].i + 1].text)  # "secretary-general"
        for t in p.subtree:
            if t.dep_ == "poss" or (t.dep_ == "pobj" and t.head.lower_ in ("of", "for", "at")):
                org = table.at(t.idx)
                if org and org.key and org.type != "Person":
                    ent.affiliations.add(org.key)


def _joining_hyphen(tok: Token) -> bool:
    """A hyphen inside a word ("secretary-general"), not a dash between words."""
    return tok.text == "-" and not tok.whitespace_ and tok.i > 0 and not tok.nbor(-1).whitespace_


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
