"""Exact, faster stand-ins for two of spaCy's components: the attribute ruler and the
rule-based lemmatizer.

Why: on news text these two spent about a fifth of the English pipeline's time (on
PolNeAR dev, 2.7 of 12.3 CPU seconds) on work whose answer depends on a handful of a
token's attributes. The attribute ruler runs a Matcher of ~180 patterns over every token
although almost all of them look at one token only (its lowercase form, tag, dependency
label): here their answer is memoised on those values, and a new combination is tried
only against the patterns filed under one of its values (about 17,000 combinations on
PolNeAR dev, so the first sight of each is what costs: filing every pattern under its
most selective attribute halved the ruler's time in a fresh process, 0.39 -> 0.19 s on
dev). Its few patterns of several tokens are memoised the same way, token by token.
The lemmatizer asks, for every rule that fits every new word, whether the candidate is
a known word with ``in`` on a Python list of up to ~57,000 words: here those lists answer
``in`` from a set, and the lemmatizer's loop runs on arrays with its answers memoised
(:class:`MemoLemmatizer`, 0.22 -> 0.13 s on dev in a fresh process). The memoised
ruler and the set lookup, when first written, took the pipeline from 12.5 to 9.8 CPU
seconds on dev.

Exact, not approximate: each token gets the attributes of every rule that matches it,
through spaCy's own ``set_token_attrs``, later rules overriding earlier ones as in the
ruler's own order; the lemmas are the lemmatizer's own, with the same tables. Each
stand-in is installed only where it reproduces its component (checked by
:meth:`ExactAttributeRuler.of` and :meth:`MemoLemmatizer.of`); otherwise the stock
component runs. ``tests/test_fast_components.py`` compares every token attribute of real
articles with the stock pipeline's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

RULER = "kg_attribute_ruler"
LEMMATIZER = "kg_lemmatizer"

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


#: which attribute a token test is filed under when it names several: the most selective
_FILING_ORDER = ("LOWER", "DEP", "TAG", "IS_SPACE")

#: a test of one token: the (column, value) pairs it is filed under (None: tried on every
#: token) and the tests left once a token is found under one of them
TokenTest = tuple[list[tuple[int, Any]] | None, list[tuple[int, Callable[[Any], bool]]]]


def _token_test(spec: dict) -> TokenTest | None:
    """A Matcher token spec as a :data:`TokenTest`, or None for a form this module does
    not reproduce. The spec is filed under its value (or, for ``IN``, each of its values)
    of the most selective attribute that names values, so that a new token is tried only
    against the few specs that can match it (almost every spec names a word or a tag)."""
    tests = []
    for attr, value in spec.items():
        test = _predicate(attr, value) if attr in _COLUMNS else None
        if test is None:
            return None
        tests.append((attr, _COLUMNS[attr], value, test))
    for name in _FILING_ORDER:
        for attr, column, value, _ in tests:
            if attr != name:
                continue
            if isinstance(value, str | bool):
                filed = [(column, value)]
            elif isinstance(value, dict) and "IN" in value:
                filed = [(column, v) for v in value["IN"]]
            else:
                continue
            rest = [(c, t) for a, c, _, t in tests if a != attr]
            return filed, rest
    return None, [(c, t) for _, c, _, t in tests]


class _Index:
    """Token tests filed by value: for a token's values, the ids of the tests it passes."""

    def __init__(self, tests: list[tuple[Any, TokenTest]]):
        self._by_value: dict[tuple[int, Any], list[tuple[Any, list]]] = {}
        self._general: list[tuple[Any, list]] = []
        for ident, (filed, rest) in tests:
            if filed is None:
                self._general.append((ident, rest))
            for where in filed or ():
                self._by_value.setdefault(where, []).append((ident, rest))

    def passed(self, values: tuple) -> set:
        found = set()
        for column, value in enumerate(values):
            for ident, rest in self._by_value.get((column, value), ()):
                if all(t(values[c]) for c, t in rest):
                    found.add(ident)
        for ident, rest in self._general:
            if all(t(values[c]) for c, t in rest):
                found.add(ident)
        return found


class ExactAttributeRuler:
    """The attribute ruler with its patterns memoised on a token's (lowercase form, tag,
    dependency label, is-space): which one-token patterns it matches, and which token of
    which several-token pattern it fits (a pattern of several tokens matches where its
    tokens fit in a row). Each token then gets, in one call of spaCy's own
    ``set_token_attrs``, the attributes of the rules that touch it, later rules
    overriding earlier ones attribute by attribute as the ruler's one-after-another
    application does (every attribute it can set is set on its own: merging them is
    exact). Rules with extension attributes, or a one-token pattern whose index the ruler
    would reject, leave the stock component in place."""

    def __init__(
        self,
        ruler: AttributeRuler,
        single: list[tuple[int, TokenTest]],
        several: list[tuple[int, list[TokenTest]]],
    ):
        self.ruler = ruler
        self.vocab = ruler.vocab
        self._ids = {aid: self.vocab.strings[str(aid)] for aid in range(len(ruler.attrs))}
        self._single = _Index(single)
        # several-token patterns (attr_id, size): token k of pattern p is test (p, k)
        self._several = [(aid, len(tests)) for aid, tests in several]
        self._positions = _Index(
            [((p, k), test) for p, (_, tests) in enumerate(several) for k, test in enumerate(tests)]
        )
        # by a token's key: the one-token patterns' attr_ids it matches, sorted, and the
        # (pattern, position) pairs of several-token patterns it fits; the answers are few
        # (a few hundred on a year of news) and kept once each, in ``_answers``, so that
        # the memo of a large build costs a dictionary entry per key and no more
        self._memo: dict[tuple, tuple[tuple[int, ...], frozenset[tuple[int, int]]]] = {}
        self._answers: dict[tuple, tuple[tuple[int, ...], frozenset[tuple[int, int]]]] = {}
        # the attributes the ruler sets on a token, by the sorted attr_ids that touch it
        self._merged: dict[tuple[int, ...], dict] = {}

    @classmethod
    def of(cls, ruler: AttributeRuler) -> ExactAttributeRuler | None:
        """The stand-in for ``ruler``, or None if one of its patterns has a form (an
        operator, another attribute) this class does not reproduce."""
        if type(ruler) is not AttributeRuler:
            return None
        single: list[tuple[int, TokenTest]] = []
        several: list[tuple[int, list[TokenTest]]] = []
        for aid in range(len(ruler.attrs)):
            if "_" in ruler.attrs[aid]:
                return None  # extension attributes: set one by one, not merged
            got = ruler.matcher.get(ruler.vocab.strings[str(aid)])
            if got is None:
                continue
            on_match, patterns = got
            if on_match is not None:
                return None
            for pattern in patterns:
                tests = [_token_test(spec) for spec in pattern]
                if any(t is None for t in tests):
                    return None
                if len(tests) == 1:
                    if ruler.indices[aid] not in (0, -1):
                        return None  # the ruler raises for it when it matches
                    single.append((aid, tests[0]))
                elif tests:
                    several.append((aid, tests))
        return cls(ruler, single, several)

    def _learn(self, key: tuple) -> tuple[tuple[int, ...], frozenset[tuple[int, int]]]:
        """What a token with these values (hashes of LOWER, TAG, DEP and IS_SPACE) matches
        and fits."""
        strings = self.vocab.strings
        values = (strings[key[0]], strings[key[1]], strings[key[2]], bool(key[3]))
        fits = frozenset(self._positions.passed(values)) if self._several else frozenset()
        answer = (tuple(sorted(self._single.passed(values))), fits)
        return self._answers.setdefault(answer, answer)

    def _attrs_of(self, aids: tuple[int, ...]) -> dict:
        merged = self._merged.get(aids)
        if merged is None:
            merged = {}
            for aid in aids:
                merged.update(self.ruler.attrs[aid])
            self._merged[aids] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        keys = [tuple(row) for row in doc.to_array(_KEY_ATTRS).tolist()]
        memo = self._memo
        if len(memo) > _MAX_MEMO:
            memo.clear()
            self._answers.clear()
            self._merged.clear()
        known = []
        for key in keys:
            got = memo.get(key)
            if got is None:
                got = memo[key] = self._learn(key)
            known.append(got)
        touched = [aids for aids, _ in known]
        for i, aids in self._several_matches(doc, [fits for _, fits in known]).items():
            touched[i] = tuple(sorted(set(touched[i]) | aids))
        for i, aids in enumerate(touched):
            if aids:
                set_token_attrs(doc[i], self._attrs_of(aids))
        return doc

    def _several_matches(
        self, doc: Doc, fits: list[frozenset[tuple[int, int]]]
    ) -> dict[int, set[int]]:
        """The attr_ids of several-token patterns, by the token each sets (its span's
        ``index``); a span the index falls outside goes to the ruler's own code, which
        raises its own error for it."""
        out: dict[int, set[int]] = {}
        n = len(fits)
        for start, fit in enumerate(fits):
            for p, k in fit:
                aid, size = self._several[p]
                if k or start + size > n:
                    continue
                if all((p, j) in fits[start + j] for j in range(1, size)):
                    index = self.ruler.indices[aid]
                    at = start + index if index >= 0 else start + size + index
                    if not start <= at < start + size:
                        span = (aid, self._ids[aid], start, start + size)
                        self.ruler.set_annotations(doc, [span])  # raises, as the ruler does
                        continue
                    out.setdefault(at, set()).add(aid)
        return out


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


#: the base-form tests whose answer depends on a token's part of speech and morphology only
_KNOWN_BASE_FORMS = (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form)


class MemoLemmatizer:
    """spaCy's rule lemmatizer with its loop over the tokens done on arrays and its answers
    memoised on (form, part of speech, morphology). Why exact: with spaCy's own rule lookup
    and a base-form test that reads only the part of speech and morphology (spaCy's default
    or the English one), the lemma depends on those three values and on nothing else; a
    new combination is asked of the lemmatizer itself (which fills its own cache as it
    always does), a token with no part of speech every time (spaCy warns about it). The
    lemmas are written in one ``Doc.from_array``. On PolNeAR dev the stock loop took
    0.22 s in a fresh process: a Token and a morphology object made per token to look up
    its cache, and no cache at all for the many tokens (determiners, punctuation, proper
    nouns, base forms) it answers without its tables."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self._memo: dict[tuple[int, int, int], int] = {}
        self._lemmas: dict[int, int] = {}

    @classmethod
    def of(cls, lemmatizer: Any) -> MemoLemmatizer | None:
        """The stand-in, or None unless ``lemmatizer`` is a rule lemmatizer whose call,
        rule lookup and base-form test are spaCy's own."""
        kind = type(lemmatizer)
        if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
            return None
        if kind.__call__ is not Lemmatizer.__call__:
            return None
        if kind.rule_lemmatize is not Lemmatizer.rule_lemmatize:
            return None
        if kind.is_base_form not in _KNOWN_BASE_FORMS:
            return None
        if getattr(lemmatizer.lemmatize, "__func__", None) is not Lemmatizer.rule_lemmatize:
            return None
        return cls(lemmatizer)

    def __call__(self, doc: Doc) -> Doc:
        lem = self.lemmatizer
        if not lem._validated:
            lem._validate_tables(Errors.E1004)
        error_handler = lem.get_error_handler()
        try:
            memo, add, lemmas_seen = self._memo, self.vocab.strings.add, self._lemmas
            if len(memo) > _MAX_MEMO:
                memo.clear()
                lemmas_seen.clear()
            overwrite = lem.overwrite
            lemmas = []
            for i, (orth, pos, morph, lemma) in enumerate(
                doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
            ):
                if overwrite or lemma == 0:
                    key = (orth, pos, morph)
                    lemma = memo.get(key)
                    if lemma is None:
                        lemma = add(lem.lemmatize(doc[i])[0])
                        if pos:
                            # one int object per lemma, however many forms have it
                            memo[key] = lemma = lemmas_seen.setdefault(lemma, lemma)
                lemmas.append(lemma)
            if lemmas:
                doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64"))
            return doc
        except Exception as e:  # noqa: BLE001 - the lemmatizer's own error handling
            error_handler(lem.name, lem, [doc], e)


def _make_ruler(nlp: Language, name: str) -> ExactAttributeRuler:
    stand_in = ExactAttributeRuler.of(nlp.get_pipe("attribute_ruler"))
    assert stand_in is not None  # speed_up checked
    return stand_in


def _make_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    stand_in = MemoLemmatizer.of(nlp.get_pipe("lemmatizer"))
    assert stand_in is not None  # speed_up checked
    return stand_in


def speed_up(nlp: Language) -> Language:
    """Put the stand-ins in place of the pipeline's attribute ruler and lemmatizer where
    they reproduce them; the stock components stay in the pipeline, disabled (their
    patterns and tables are what the stand-ins use)."""
    if not Language.has_factory(RULER):
        Language.factory(RULER, func=_make_ruler)
    if not Language.has_factory(LEMMATIZER):
        Language.factory(LEMMATIZER, func=_make_lemmatizer)
    names = nlp.pipe_names
    if "attribute_ruler" in names and ExactAttributeRuler.of(nlp.get_pipe("attribute_ruler")):
        nlp.add_pipe(RULER, after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    if "lemmatizer" in names and isinstance(nlp.get_pipe("lemmatizer"), Lemmatizer):
        index_lemma_tables(nlp.get_pipe("lemmatizer"))
        if MemoLemmatizer.of(nlp.get_pipe("lemmatizer")):
            nlp.add_pipe(LEMMATIZER, after="lemmatizer")
            nlp.disable_pipe("lemmatizer")
    return nlp


__all__ = ["ExactAttributeRuler", "MemoLemmatizer", "index_lemma_tables", "speed_up"]
