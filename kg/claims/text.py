"""How statement texts are compared: words, content stems, negation and numbers.

Why so plain: two statements are one claim when they carry the *same words* (a quotation
copied from outlet to outlet, maybe trimmed or with a word changed) or nearly the same
content words (a reported statement retold). Neither needs a parse; both need the same
text to give the same keys everywhere, so everything here is a pure function of a string.

- :func:`words`: the word tokens of a text, case-folded, curly quotes made straight,
  contractions written out ("we've" is "we have") and editorial insertions in square
  brackets left out ("[Angela] Merkel" is the speaker's "Merkel").
- :func:`stem`: a word cut to its first six letters after a possessive, plural, "-ed" or
  "-ing" ending is dropped. Crude on purpose: "tortured"/"torture", "verified"/"verifying",
  "negotiating"/"negotiations" meet, and it needs no model and no language data.
- :func:`content_stems`: the stems of the words that are not function words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def wordlist(text: str) -> frozenset[str]:
    """A word list written as text, any number of words a line."""
    return frozenset(text.split())


_BRACKETS = re.compile(r"\[[^\]]{0,80}\]")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})

#: Function words: what two different statements share without saying the same thing.
STOPWORDS = wordlist(
    """
    a an the and or but nor so yet if then than that this these those there here which who
    whom whose what when where why how all any both each every few more most other some
    such own same only very too just also even still again ever already about above after
    against along among around as at before behind below beneath beside between beyond by
    down during except for from in inside into like near of off on onto out outside over
    past per since through throughout till to toward towards under until up upon via with
    within without i me my mine myself we us our ours ourselves you your yours yourself
    yourselves he him his himself she her hers herself it its itself they them their
    theirs themselves one ones am is are was were be been being have has had having do
    does did doing done will would shall should can could may might must ought let lets
    's 're 've 'd 'll 'm said says say saying told tell tells according whether because
    while though although however thus therefore it's i'm we're they're he's she's that's
    don't doesn't didn't isn't aren't wasn't weren't won't wouldn't can't couldn't
    shouldn't haven't hasn't hadn't mr mrs ms dr well much many lot lots really now
    """
)

#: Words that turn a statement round: two texts that differ in them do not say the same.
NEGATIONS = wordlist(
    """
    not no never nobody nothing none neither nor nowhere cannot n't don't doesn't
    didn't isn't aren't wasn't weren't won't wouldn't can't couldn't shouldn't haven't
    hasn't hadn't
    """
)


#: Contractions written out, so "We've got to" and "We have got to" are the same words.
_CONTRACTED = {"'ve": "have", "'re": "are", "'ll": "will", "'m": "am", "'d": "would"}
_NOT = {"won't": "will", "can't": "can", "shan't": "shall", "ain't": "is"}


def _spelled(token: str) -> list[str]:
    if token.endswith("n't"):
        return [_NOT.get(token) or token[:-3], "not"]
    for end, word in _CONTRACTED.items():
        if token.endswith(end) and len(token) > len(end):
            return [token[: -len(end)], word]
    return [token]


@lru_cache(maxsize=200_000)
def words(text: str) -> tuple[str, ...]:
    """The word tokens of ``text`` as compared (see the module docstring)."""
    plain = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    plain = _BRACKETS.sub(" ", plain)
    return tuple(
        w for token in _WORD.findall(plain) for w in (_spelled(token) if "'" in token else (token,))
    )


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A word's comparison form: possessive and plural endings off, then six letters."""
    w = word
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    if len(w) > 5 and w.endswith(("ies", "ied")):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w[:6]


def content_stems(tokens: tuple[str, ...], leave_out: frozenset[str] = frozenset()) -> set[str]:
    """The stems of the content words among ``tokens`` (numbers count as content), less
    the stems in ``leave_out``."""
    return {s for t in tokens if t not in STOPWORDS and (s := stem(t)) not in leave_out}


def negations(tokens: tuple[str, ...]) -> int:
    """How many times the text says "not" (or "never", "no one", "n't" ...)."""
    return sum(1 for t in tokens if t in NEGATIONS or t.endswith("n't"))


def negated(tokens: tuple[str, ...]) -> bool:
    """Whether the text says "not" an odd number of times (a plain polarity test)."""
    return negations(tokens) % 2 == 1


def numbers(tokens: tuple[str, ...]) -> frozenset[str]:
    """The numbers a text states ("3,400" gives "3" and "400"; both must agree)."""
    return frozenset(t for t in tokens if t.isdigit())


__all__ = [
    "NEGATIONS",
    "STOPWORDS",
    "content_stems",
    "negated",
    "negations",
    "numbers",
    "stem",
    "wordlist",
    "words",
]
