"""How names are compared across articles: title forms, identity keys and label ranks.

Why keys and ranks, not "the first form seen": an entity's IRI comes from the *identity
key* of its canonical label (a person's given name + surname + suffix; a well-known
organisation's canonical name; otherwise the name without a leading "the" or a possessive),
and the canonical label is chosen by rank alone (the fullest well-formed name; equally full
spellings such as Sergei/Sergey by spelling). Both are functions of the names, never of the
order the articles came in, which is what makes the build order-free.
"""

from __future__ import annotations

from functools import lru_cache

from kg.extract import gazetteer, lexicon
from kg.extract.names import PersonName, given_name_gender, initials, parse_name, well_formed
from kg.model import FAMILY

HONORIFIC_GENDER = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}
#: Words that stand before a surname as a title form ("Mrs. Clinton", "Secretary Clinton").
TITLE_WORDS = lexicon.words(
    """
    mr mrs ms miss dr sen gov rep gen sir dame lord lady president secretary senator
    governor representative congressman congresswoman speaker mayor general judge justice
    ambassador chancellor premier minister director chairman chairwoman commissioner
    """
)
#: Title words that say how to address someone, not what office they hold.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"})


@lru_cache(maxsize=65536)
def split_title(form: str) -> tuple[str | None, str]:
    """ "Mrs. Clinton" -> ("mrs", "Clinton"); "Clinton" -> (None, "Clinton")."""
    words = form.split()
    if len(words) >= 2 and words[0].lower().rstrip(".") in TITLE_WORDS:
        return words[0].lower().rstrip("."), " ".join(words[1:])
    return None, form


@lru_cache(maxsize=65536)
def person_name(form: str) -> PersonName:
    """A person's name form taken apart, its title word set aside."""
    return parse_name(split_title(form)[1])


def person_forms(names: set[str] | frozenset[str]) -> tuple[PersonName, ...]:
    """The names of a person, title forms reduced to the name itself."""
    return _forms(names if isinstance(names, frozenset) else frozenset(names))


@lru_cache(maxsize=65536)
def _forms(names: frozenset[str]) -> tuple[PersonName, ...]:
    return tuple(person_name(n) for n in sorted(names))


def person_gender(names: set[str] | frozenset[str]) -> str | None:
    """The gender a person's names show: an honorific form, else a given name's."""
    return _gender(names if isinstance(names, frozenset) else frozenset(names))


@lru_cache(maxsize=65536)
def _gender(names: frozenset[str]) -> str | None:
    for n in sorted(names):
        title, _ = split_title(n)
        if title in HONORIFIC_GENDER:
            return HONORIFIC_GENDER[title]
    for p in person_forms(names):
        if p.given:
            g = given_name_gender(p.given)
            if g:
                return g
    return None


def role_titles(names: set[str] | frozenset[str], titles: set[str] | frozenset[str]) -> set[str]:
    """The offices a person is given, lower-cased: their ``kg:title`` values and the title
    words of their title forms ("President Obama" -> "president"), honorifics excepted."""
    out = {t.lower() for t in titles}
    for n in names:
        title, _ = split_title(n)
        if title and title not in HONORIFICS:
            out.add(title)
    # "Foreign Minister" holds "minister"; "Secretary of State" holds "secretary"
    return out | {w for t in out for w in t.split() if w in TITLE_WORDS}


@lru_cache(maxsize=65536)
def identity_key(type_: str, name: str) -> str:
    """The normalised key an entity's IRI is made from (see the module docstring)."""
    if type_ == "Person":
        p = person_name(name)
        parts = [p.given, p.surname, p.suffix] if p.given else [p.surname, p.suffix]
        return " ".join(x for x in parts if x)
    if type_ in ("Organization", "NewsOrganization"):
        known = gazetteer.canonical_organization(name)
        if known:
            return known
        return gazetteer.org_key(name)
    return name.strip()


@lru_cache(maxsize=65536)
def label_rank(type_: str, name: str) -> tuple:
    """Smaller is a better canonical label: the fullest well-formed name."""
    if FAMILY.get(type_) == "Person":
        title, bare = split_title(name)
        p = parse_name(bare)
        length = len(p.middles) + (2 if p.full else 1) + (1 if p.suffix else 0)
        return (title is not None, not well_formed(bare), -length, initials(bare))
    if FAMILY.get(type_) == "Organization":
        known = gazetteer.canonical_organization(name)
        return (known != name, name.lower().startswith("the ") and known is None, -len(name))
    return (0, -len(name))


def best_label(
    type_: str, names: set[str] | frozenset[str], votes: dict[str, int] | None = None
) -> str:
    """The canonical label among ``names``: the best rank; among equally full names
    (Sergei/Sergey Lavrov), the one most articles call it by (``votes``: how many
    articles use each name as theirs), then the spelling. None of it depends on the
    order the articles came in."""
    votes = votes or {}
    return min(names, key=lambda n: (label_rank(type_, n), -votes.get(n, 0), n))


__all__ = [
    "HONORIFICS",
    "HONORIFIC_GENDER",
    "TITLE_WORDS",
    "best_label",
    "identity_key",
    "label_rank",
    "person_forms",
    "person_gender",
    "person_name",
    "role_titles",
    "split_title",
]
