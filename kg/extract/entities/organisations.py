"""Organisations and news outlets: known outlets' surface forms, acronyms defined in
parentheses, outlet cues in the surrounding words, and the normalised keys that make name
variants one organisation. Kept apart because candidate finding, clustering and titles all
use them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import gazetteer, lexicon

_POSSESSIVE = re.compile(r"(?:[’‘']s?)$")


_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w&’'.-]*\s+(?:(?:of|for|the|and|on|in|&)\s+)*){1,8})\(([A-Z][A-Za-z&.]{1,9})\)"
)


_LEADING_THE = re.compile(r"^(?:[Tt]he)\s+")


@lru_cache(maxsize=1)
def _outlet_patterns() -> list[tuple[str, re.Pattern[str], str]]:
    """The known outlets' surface forms, compiled once for all articles, each with a word
    the form always contains, so a text without that word is not scanned for it."""
    out = []
    for canonical, patterns in gazetteer.NEWS_OUTLETS.items():
        for pattern in patterns:
            # what is left outside every group, class and escape is always needed
            core = re.sub(r"\\.|\[[^\]]*\]", " ", pattern)
            while "(" in core:
                core, n = re.subn(r"\([^()]*\)\??", " ", core)
                if not n:
                    break
            words = sorted(re.findall(r"[A-Za-z]{3,}", core), key=len)
            regex = re.compile(rf"(?<![\w-]){pattern}(?![\w-])")
            out.append((canonical, regex, words[-1] if words else ""))
    return out


@lru_cache(maxsize=1)
def _known_name_pattern() -> re.Pattern[str]:
    """The well-known organisations' names of two or more words, as written in the
    gazetteer, in one pattern compiled once: NER misses some of them in running text
    ("Human Rights Watch said in a report"), and a name this long is never a person's."""
    forms = {
        form
        for canonical, aliases in gazetteer.ORGANIZATIONS.items()
        for form in (canonical, *aliases)
        if len(form.split()) >= 2 and form[:1].isupper()
    }
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # the look-ahead at a name's first letter spares the alternation at every other
    # character (the scan took 2.5 times as long without it)
    firsts = re.escape("".join(sorted({f[0] for f in forms})))
    return re.compile(rf"(?<![\w-])(?=[{firsts}])(?:{alternatives})(?![\w-])")


def _drop_leading_the(full: str, start: int) -> tuple[str, int]:
    m = _LEADING_THE.match(full)
    if m:
        return full[m.end() :], start + m.end()
    return full, start


def defined_name(full: str, acronym: str) -> int:
    """Where, in the words before an acronym in brackets, the name it abbreviates starts
    (an offset into ``full``). Never before a line break: a paragraph does not run on
    into a name. Then the longest run of words ending at the bracket whose capitalised
    words' initials are exactly the acronym's letters, so that a sentence that ends in a
    name does not lend its words to the next one's ("... of the Court of Appeal. The
    Centre for Development and Conservation (CDC)": the centre's name only); where no run
    spells the acronym exactly, all the words (a looser match, :func:`_initials_match`,
    then decides)."""
    start = full.rfind("\n") + 1
    while start < len(full) and full[start].isspace():
        start += 1
    letters = _letters(acronym)
    for m in re.finditer(r"(?<![^\s-])[^\W\d_]", full[start:]):
        if m.group().isupper() and _initials(_capital_words(full[start + m.start() :])) == letters:
            return start + m.start()
    return start


def _capital_words(name: str) -> list[str]:
    """The words of a name that begin with a capital (hyphens part words)."""
    return [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper()]


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words).upper()


def _letters(acronym: str) -> str:
    """An acronym's letters, in capitals ("U.N." -> UN)."""
    return "".join(c for c in acronym if c.isalpha()).upper()


def _initials_match(full: str, acronym: str) -> bool:
    """Whether ``acronym`` abbreviates ``full``: its initials, some of them, or, for a
    name translated from another language, the same initials in another order ("National
    Electoral Council (CNE)") or the original's acronym after a body's name that starts
    with the same letter ("the Superintendency of the Environment (SMA)")."""
    words = _capital_words(full)
    initials = _initials(words)
    letters = _letters(acronym)
    if not letters:
        return False
    if initials == letters or initials.startswith(letters) or letters in initials:
        return True
    if sorted(initials) == sorted(letters):
        return True
    return (
        acronym.isupper()
        and len(words) >= 2
        and initials[:1] == letters[:1]
        and bool(_INSTITUTION_WORDS & set(words))
    )


def _is_outlet_name(form: str) -> bool:
    return gazetteer.outlet_canonical(form) is not None or gazetteer.looks_like_outlet(form)


def _outlet_by_cue(text: str, start: int, end: int, form: str) -> bool:
    """An organisation the words around it call an outlet: "the Tribune newspaper", "the
    news site Vox", "a Newsday reporter", "told WNYC" (a known non-outlet organisation, or
    a name with an institution word such as Committee, never counts)."""
    if gazetteer.known_organization(form) or _INSTITUTION_WORDS & set(form.split()):
        return False
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    return bool(
        gazetteer.OUTLET_CUE_BEFORE.search(before) or gazetteer.OUTLET_CUE_AFTER.match(after)
    )


_INSTITUTION_WORDS = lexicon.words(
    """
    Committee Department Agency Court Council Commission Senate House Congress Party
    University College School Campaign Foundation Institute Center Centre Association Union
    Bureau Office Administration Ministry Army Police Board Caucus Coalition Fund Bank
    Authority Secretariat Tribunal Directorate Superintendency Inspectorate Observatory
    """
)


def _org_norm(form: str, family: str) -> str:
    """Names that would make the same IRI slug are one entity ("Hewlett-Packard")."""
    key = gazetteer.org_key(form) if family == "Organization" else _norm(form)
    return re.sub(r"[^a-z0-9]+", "-", key).strip("-") or key


def _norm(form: str) -> str:
    form = _LEADING_THE.sub("", form)
    form = _POSSESSIVE.sub("", form) if form.endswith(("’s", "'s")) else form
    return re.sub(r"\s+", " ", form).strip().lower()
