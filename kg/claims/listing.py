"""Reading claims back from a store: what ``kg claims`` lists and ``kg show`` adds.

The reading side of claims (the rest of this package makes them, without a store). Like
everything a user sees, it is read through the store's SPARQL, so an embedded store and a
remote server give the same listing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import Any

from rdflib import URIRef

from kg.store.base import Rows, Store

_CLAIMS = """
SELECT ?c ?label ?n ?variant ?first (COUNT(DISTINCT ?a) AS ?seen) WHERE {
  ?c a kg:Claim ; rdfs:label ?label ; kg:statementCount ?n ; kg:variantWording ?variant ;
     schema:firstAppearance ?first ; schema:appearance ?a .
} GROUP BY ?c ?label ?n ?variant ?first"""
_DENIED = "SELECT DISTINCT ?c WHERE { ?d kg:denies ?c }"
_STATEMENTS = """
SELECT ?c ?rel ?s ?kind ?speaker ?text ?cue ?direct ?a ?title ?file ?date ?outlet ?begin ?end
WHERE {
  VALUES ?c { %s }
  { ?s kg:claim ?c BIND("claim" AS ?rel) } UNION { ?s kg:denies ?c BIND("denies" AS ?rel) }
  ?s a ?kind ; kg:text ?text ; kg:cue ?cue ; kg:direct ?direct ; kg:inArticle ?a ;
     kg:speaker ?sp .
  VALUES ?kind { kg:Statement kg:Finding kg:Denial }
  OPTIONAL { ?sp rdfs:label ?speaker }
  OPTIONAL { ?a dcterms:title ?title }
  OPTIONAL { ?a kg:sourceFile ?file }
  OPTIONAL { ?a dcterms:date ?date }
  OPTIONAL { ?a dcterms:publisher/rdfs:label ?outlet }
  { SELECT ?s (MIN(?b) AS ?begin) (MAX(?x) AS ?end) WHERE {
      ?s kg:contentSpan ?sp2 . ?sp2 nif:beginIndex ?b ; nif:endIndex ?x } GROUP BY ?s }
}"""
_ABOUT = """
SELECT DISTINCT ?c WHERE {
  VALUES ?e { %s }
  { ?s kg:about ?e } UNION { ?s kg:speaker ?e }
  { ?s kg:claim ?c } UNION { ?s kg:denies ?c }
}"""
_KIND_ORDER = ("Denial", "Finding", "Statement")


def _iris(values: Iterable[str]) -> str:
    return " ".join(f"<{v}>" for v in values)


def claim_rows(
    store: Store,
    *,
    denied: bool = False,
    altered: bool = False,
    about: list[str] | None = None,
    every: bool = False,
) -> list[dict[str, Any]]:
    """The claims worth a reader's look: seen in more than one article, or denied (every
    claim with ``every``), most widespread first; with ``denied``/``altered`` only the
    denied / variant ones; with ``about`` (entity IRIs) only those whose statements speak
    of or are spoken by one of them. Each has its appearances and the denials of it."""
    denied_set = {r["c"] for r in store.select(_DENIED)}
    heads = {}
    for r in store.select(_CLAIMS):
        c = r["c"]
        seen = int(r["seen"] or 0)
        if not every and seen < 2 and c not in denied_set:
            continue
        if denied and c not in denied_set:
            continue
        if altered and r["variant"] != "true":
            continue
        heads[c] = {
            "claim": c,
            "label": r["label"] or "",
            "articles": seen,
            "statements": int(r["n"] or 0),
            "variant_wording": r["variant"] == "true",
            "first_appearance": r["first"],
            "denied": c in denied_set,
        }
    if about is not None:
        wanted: set[str] = set()
        if about:
            wanted = {r["c"] for r in store.select(_ABOUT % _iris(about))}
        heads = {c: h for c, h in heads.items() if c in wanted}
    _add_statements(store, heads)
    rows = sorted(
        heads.values(),
        key=lambda h: (
            -h["articles"],
            -h["statements"],
            -len(h["denials"]),
            h["label"],
            h["claim"],
        ),
    )
    for h in rows:
        if h["variant_wording"]:
            h["differences"] = differences(h["appearances"])
    return rows


def _add_statements(store: Store, heads: dict[str, dict[str, Any]]) -> None:
    found: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    claims = sorted(heads)
    for i in range(0, len(claims), 200):
        for r in store.select(_STATEMENTS % _iris(claims[i : i + 200])):
            kind = r["kind"].rsplit("#", 1)[-1]
            old = found[r["c"]].get((r["rel"], r["s"]))
            if old is not None and _KIND_ORDER.index(old["kind"]) <= _KIND_ORDER.index(kind):
                continue
            found[r["c"]][(r["rel"], r["s"])] = {
                "statement": r["s"],
                "denies": r["rel"] == "denies",
                "kind": kind,
                "speaker": r["speaker"] or "",
                "text": r["text"] or "",
                "cue": r["cue"] or "",
                "direct": r["direct"] == "true",
                "article": r["a"],
                "title": r["title"] or "",
                "source_file": r["file"] or "",
                "date": r["date"] or "",
                "outlet": r["outlet"] or "",
                "begin": int(r["begin"] or 0),
                "end": int(r["end"] or 0),
            }
    for c, head in heads.items():
        members = sorted(
            found[c].values(),
            key=lambda s: (not s["date"], s["date"], s["source_file"], s["begin"]),
        )
        head["appearances"] = [_public(s) for s in members if not s["denies"]]
        head["denials"] = [_public(s) for s in members if s["denies"]]


def _public(s: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in s.items() if k != "denies"}


def claims_of_statement(store: Store, statement: str) -> list[dict[str, Any]]:
    """The other statements of the claim ``statement`` asserts (what ``kg show`` lists
    under a statement), earliest first."""
    result = store.query("SELECT ?c WHERE { ?s kg:claim ?c }", {"s": URIRef(statement)})
    if not isinstance(result, Rows):
        return []
    out: list[dict[str, Any]] = []
    for row in result.values():
        head: dict[str, dict[str, Any]] = {row["c"]: {"label": ""}}
        _add_statements(store, head)
        out += [s for s in head[row["c"]]["appearances"] if s["statement"] != statement]
    return out


# --- how the wordings differ ----------------------------------------------------------------

_WORD = re.compile(r"\S+")


def _plain(word: str) -> str:
    return re.sub(r"[^\w']+", "", word.replace("’", "'")).strip("'").casefold()


def word_diff(a: str, b: str) -> str:
    """``b`` against ``a`` word by word: words only in ``a`` as ``[-...-]``, only in ``b``
    as ``{+...+}``; case and punctuation are not differences."""
    wa, wb = _WORD.findall(a), _WORD.findall(b)
    pa, pb = [_plain(w) for w in wa], [_plain(w) for w in wb]
    out: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, pa, pb, autojunk=False).get_opcodes():
        if op == "equal":
            out += wb[j1:j2]
            continue
        if i2 > i1:
            out.append("[-" + " ".join(wa[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(wb[j1:j2]) + "+}")
    return " ".join(out)


def differences(appearances: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For a claim whose quotations differ: each other wording of its direct quotations
    against the first one, word by word."""
    quotes = [s for s in appearances if s["direct"]]
    if not quotes:
        return []
    first = quotes[0]
    seen = {tuple(_plain(w) for w in _WORD.findall(first["text"]))}
    out = []
    for s in quotes[1:]:
        key = tuple(_plain(w) for w in _WORD.findall(s["text"]))
        if key in seen:
            continue
        seen.add(key)
        out.append(
            {
                "statement": s["statement"],
                "outlet": s["outlet"] or s["source_file"],
                "against": first["statement"],
                "diff": word_diff(first["text"], s["text"]),
            }
        )
    return out


__all__ = ["claim_rows", "claims_of_statement", "differences", "word_diff"]
