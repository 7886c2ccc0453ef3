"""Exact, faster stand-ins for two of spaCy's components: the attribute ruler and the
rule-based lemmatizer's word lists.

Why: on news text these two spent about a fifth of the English pipeline's time (on
PolNeAR dev, 2.7 of 12.3 CPU seconds) on work whose answer depends on a handful of a
token's attributes. The attribute ruler runs a Matcher of ~180 patterns over every token
although almost all of them look at one token only (its lowercase form, tag, dependency
label): here their answer is memoised on those values, and a new combination is tried
only against the patterns that name one of its values. The lemmatizer asks, for every
rule that fits every new word, whether the candidate is a known word with ``in`` on a
Python list of up to ~57,000 words: here those lists answer ``in`` from a set. Together
they take the pipeline from 12.5 to 9.8 CPU seconds on dev.

Exact, not approximate: the ruler's matches are applied by its own code
(``AttributeRuler.set_annotations``), in its own order, and the lemmatizer is spaCy's own
with the same tables. The ruler's stand-in is installed only when every pattern has a
form it reproduces (checked by :meth:`ExactAttributeRuler.of`); otherwise the stock
component runs. ``tests/test_fast_components.py`` compares every token attribute of real
articles with the stock pipeline's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

RULER = "kg_attribute_ruler"

#: the token attributes a one-token pattern may test, and their column in ``_KEY_ATTRS``
_COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
_KEY_ATTRS = [LOWER, TAG, DEP, IS_SPACE]
#: memo sizes past which a memo starts again (a bound on memory for a very long build)
_MAX_MEMO = 500_000


def _predicate(attr: str, value: Any) -> Callable[[Any], bool] | None:
    """A test of one attribute's value as spaCy's Matcher makes it, or None for a form
    this module does not reproduce."""
    if attr == "IS_SPACE":
        return (lambda v: v == value) if isinstance(value, bool) else None
    if isinstance(value, str):
        return lambda v: v == value
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN" and isinstance(arg, list):
            banned = frozenset(arg)
            return lambda v: v not in banned
        if op == "REGEX" and isinstance(arg, str):
            search = re.compile(arg).search
            return lambda v: search(v) is not None
    return None


class ExactAttributeRuler:
    """The attribute ruler with its one-token patterns memoised on (lowercase form, tag,
    dependency label, is-space); patterns of several tokens still go through a Matcher
    (of those few patterns only). Matches are then applied by the ruler's own code, in
    its own order, so later rules win exactly as they do there."""

    def __init__(
        self, ruler: AttributeRuler, single: list[tuple[int, list, tuple | None]], multi: Matcher
    ):
        self.ruler = ruler
        self.vocab = ruler.vocab
        self._multi = multi
        self._ids = {aid: self.vocab.strings[str(aid)] for aid in range(len(ruler.attrs))}
        self._memo: dict[tuple, tuple[int, ...]] = {}
        # one-token patterns (attr_id, [(column, test), ...]) filed under a value one of
        # their attributes must equal, so that a new token is tried only against the few
        # patterns that can match it (almost every pattern names a tag or a word)
        self._by_value: dict[tuple[int, Any], list[tuple[int, list]]] = {}
        self._general: list[tuple[int, list]] = []
        for aid, tests, exact in single:
            if exact is None:
                self._general.append((aid, tests))
            else:
                self._by_value.setdefault(exact, []).append((aid, tests))

    @classmethod
    def of(cls, ruler: AttributeRuler) -> ExactAttributeRuler | None:
        """The stand-in for ``ruler``, or None if one of its patterns has a form (an
        operator, another attribute) this class does not reproduce."""
        if type(ruler) is not AttributeRuler:
            return None
        single: list[tuple[int, list, tuple[int, Any] | None]] = []
        multi = Matcher(ruler.vocab, validate=False)
        for aid in range(len(ruler.attrs)):
            key = ruler.vocab.strings[str(aid)]
            got = ruler.matcher.get(key)
            if got is None:
                continue
            on_match, patterns = got
            if on_match is not None:
                return None
            several = []
            for pattern in patterns:
                tests = []
                exact = None
                for token_spec in pattern:
                    for attr, value in token_spec.items():
                        test = _predicate(attr, value) if attr in _COLUMNS else None
                        if test is None:
                            return None
                        tests.append((_COLUMNS[attr], test))
                        if exact is None and isinstance(value, str | bool):
                            exact = (_COLUMNS[attr], value)
                if len(pattern) == 1:
                    single.append((aid, tests, exact))
                elif pattern:
                    several.append(pattern)
            if several:
                multi.add(key, several)
        return cls(ruler, single, multi)

    def _matching(self, key: tuple) -> tuple[int, ...]:
        """The attr_ids of the one-token patterns that match a token with these values
        (hashes of LOWER, TAG, DEP and IS_SPACE), in the ruler's order."""
        strings = self.vocab.strings
        values = (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
        found = set()
        for column, value in enumerate(values):
            for aid, tests in self._by_value.get((column, value), ()):
                if all(t(values[c]) for c, t in tests):
                    found.add(aid)
        for aid, tests in self._general:
            if all(t(values[c]) for c, t in tests):
                found.add(aid)
        return tuple(sorted(found))

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(_KEY_ATTRS).tolist()
        memo = self._memo
        if len(memo) > _MAX_MEMO:
            memo.clear()
        ids = self._ids
        matches = []
        for i, row in enumerate(rows):
            key = tuple(row)
            found = memo.get(key)
            if found is None:
                found = memo[key] = self._matching(key)
            matches.extend((aid, ids[aid], i, i + 1) for aid in found)
        for m_id, start, end in self._multi(doc, allow_missing=True, as_spans=False):
            matches.append((int(self.vocab.strings[m_id]), m_id, start, end))
        matches.sort()
        self.ruler.set_annotations(doc, matches)
        return doc


class _MemberList(list):
    """A list that answers ``in`` from a set: spaCy's rule lemmatizer asks whether a
    candidate lemma is a known word with ``form in index`` on a list of up to ~57,000
    words, a linear scan, for every rule that applies to every new word. Membership is the
    only question it asks of the list, so the answer is the same."""

    def __init__(self, items):
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item) -> bool:
        return item in self._members


def index_lemma_tables(lemmatizer: Lemmatizer) -> bool:
    """Make the word lists of a rule lemmatizer's ``lemma_index`` table answer membership
    in constant time (see :class:`_MemberList`); True if it had any."""
    if lemmatizer.mode != "rule" or not lemmatizer.lookups.has_table("lemma_index"):
        return False
    table = lemmatizer.lookups.get_table("lemma_index")
    for key in list(table.keys()):
        words = table[key]
        if type(words) is list:
            table[key] = _MemberList(words)
    return True


def _make_ruler(nlp: Language, name: str) -> ExactAttributeRuler:
    stand_in = ExactAttributeRuler.of(nlp.get_pipe("attribute_ruler"))
    assert stand_in is not None  # speed_up checked
    return stand_in


def speed_up(nlp: Language) -> Language:
    """Put the stand-ins in place of the pipeline's attribute ruler and lemmatizer where
    they reproduce them; the stock components stay in the pipeline, disabled (their
    patterns and tables are what the stand-ins use)."""
    if not Language.has_factory(RULER):
        Language.factory(RULER, func=_make_ruler)
    names = nlp.pipe_names
    if "attribute_ruler" in names and ExactAttributeRuler.of(nlp.get_pipe("attribute_ruler")):
        nlp.add_pipe(RULER, after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    if "lemmatizer" in names and isinstance(nlp.get_pipe("lemmatizer"), Lemmatizer):
        index_lemma_tables(nlp.get_pipe("lemmatizer"))
    return nlp


__all__ = ["ExactAttributeRuler", "index_lemma_tables", "speed_up"]
