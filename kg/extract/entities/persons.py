"""People: the cluster of names one person goes by, the honorific, title and kinship cues
around a name (gender, role), and the rules that give a bare surname to the right person.
Clustering and propagation both attach names through these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract import lexicon
from kg.extract.entities.tables import EntityTable, Mention
from kg.extract.names import (
    KIN_GENDER,
    PersonName,
    compatible_names,
    given_name_gender,
    is_descriptor,
    parse_name,
)
from kg.model import Span

#: Words before a surname that say who it is: honorifics give a gender, titles a role.
#: A role may carry its remit ("Secretary of State Kerry", "Minister of Health Mwangi").
_PREFIX = re.compile(
    r"(?:^|[\s(“\"])((?:Mr|Mrs|Ms|Miss|Dr|Sen|Gov|Rep|Gen|Lt|Sgt|Col|Adm|Capt|Prof)\.?|"
    r"Sir|Dame|Lord|Lady|President|Secretary|Senator|Governor|Representative|Congressman|"
    r"Congresswoman|Speaker|Mayor|General|Judge|Justice|Ambassador|Chancellor|"
    r"Premier|Minister|Director|Chairman|Chairwoman|Commissioner|Attorney General|"
    r"Vice President|Candidate|Nominee|Coach|Captain|Chief|Prosecutor|Inspector|"
    r"(?:Secretary|Minister|Director|Commissioner|Ambassador) of(?: the)? [A-Z][\w-]+"
    r"(?: (?:and )?[A-Z][\w-]+){0,3})\s+$"
)

#: Short and long forms of one role, so that "Sen. Collins" and "Senator Ruth Collins" are
#: seen to hold the same one.
_ROLE_FORMS: dict[str, str] = {
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
    "congressman": "representative",
    "congresswoman": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "col": "colonel",
    "adm": "admiral",
    "capt": "captain",
    "prof": "professor",
    "chairwoman": "chairman",
}

#: Role titles that say the holder's gender as an honorific does.
_ROLE_GENDER: dict[str, str] = {
    "congressman": "male",
    "congresswoman": "female",
    "chairwoman": "female",
    "councilwoman": "female",
    "councilman": "male",
}


def _role(prefix: str | None) -> str | None:
    """The role a title before a name gives ("Sen." and "Senator" -> "senator"; "Secretary
    of State" -> "secretary"), or None for an honorific (Mr., Dr., Lady), which is no role."""
    if prefix is None:
        return None
    head = prefix.split()[0].lower().rstrip(".")
    if head in lexicon.HONORIFICS or f"{head}." in lexicon.HONORIFICS:
        return None
    if prefix.lower() in ("attorney general", "vice president"):
        return prefix.lower()
    return _ROLE_FORMS.get(head, head)


_SENTENCE_END = re.compile(r"[.!?][”’\"']?\s|\n")


_KIN = re.compile(r"\b(?:his|her|their|the|and|with)\s+(?:\w+\s+)?(\w+)\s*,?\s*$", re.I)

_KIN_WORDS = "|".join(sorted(KIN_GENDER, key=len, reverse=True))
#: Whose relative: a possessive pronoun, "the senator's", "Obama's".
_KIN_OWNER = r"(?:his|her|their|(?:the\s+)?[\w-]+[’']s)"
#: "her husband, President Obama", "his sister, Lucía Ferreira", "the senator's son Tom
#: Collins": a kinship noun right before the name (titles may stand between).
_KIN_BEFORE = re.compile(
    rf"\b{_KIN_OWNER}\s+(?:[\w-]+\s+)?({_KIN_WORDS})\s*,?\s*(?:[A-Z][\w.-]*\s+){{0,3}}$",
    re.I,
)
#: "Prime Minister Raman, her uncle, ...": a kinship noun in apposition after the name.
_KIN_AFTER = re.compile(rf"^(?:[’']s)?\s*,\s*{_KIN_OWNER}\s+(?:[\w-]+\s+)?({_KIN_WORDS})\b", re.I)


@dataclass
class _PersonCluster:
    """The names one person goes by in an article, and what the text says about them."""

    key: str
    name: PersonName
    positions: list[int] = field(default_factory=list)
    forms: set[str] = field(default_factory=set)
    full_count: int = 0
    gender: str | None = None
    gender_strength: int = 0  # 3 honorific, 2 kinship word, 1 given-name list
    titles_before: set[str] = field(default_factory=set)  # roles, see :func:`_role`
    #: introduced as someone's relative ("his wife, Teresa Heinz Kerry"): the article names
    #: this person for another's sake, so a role title or a bare surname is not theirs by
    #: default. Only the first mention counts: the principal of a profile may later be
    #: "his little brother Donald" in someone's anecdote.
    relative: bool = False

    def set_gender(self, gender: str | None, strength: int) -> None:
        if gender and strength > self.gender_strength:
            self.gender, self.gender_strength = gender, strength


def _title_key(prefix: str) -> str:
    """How a title before a name is compared: its role, or the honorific itself ("mrs")."""
    return _role(prefix) or prefix.lower().rstrip(".")


def _prefix(text: str, start: int) -> tuple[str | None, str | None]:
    """The honorific or title just before a name as written ("Mrs.", "Secretary") and the
    gender it gives, if any."""
    m = _PREFIX.search(text[max(0, start - 60) : start])
    if not m:
        return None, None
    word = m.group(1)
    low = word.lower().rstrip(".")
    return word, lexicon.HONORIFICS.get(low) or _ROLE_GENDER.get(low)


def _title_before(text: str, start: int) -> str | None:
    """The honorific or title written just before a name starting at ``start``, if any:
    one :func:`_prefix` knows ("Mr.", "Senator"), or any title head, in any case, ending
    the words before it on its line ("Chief executive Hoshida", "CEO Hoshida", "founder
    Hoshida"), as titles are read from the words before a name."""
    word = _prefix(text, start)[0]
    if word is not None:
        return word
    line = text[max(0, start - 40) : start].rsplit("\n", 1)[-1]
    if not line.endswith((" ", "\t")):
        return None
    before = line.split()
    if not before:
        return None
    low = before[-1].lower()
    if (
        low in lexicon.HONORIFICS
        or low in lexicon.TITLE_HEADS
        or low.rstrip(".") in lexicon.TITLE_HEADS
    ):
        return before[-1]
    return None


def _kin_gender(text: str, start: int) -> str | None:
    """ "his wife, Melania Trump" -> female; "her brother Tony" -> male."""
    m = _KIN.search(text[max(0, start - 40) : start])
    return KIN_GENDER.get(m.group(1).lower()) if m else None


def _kinship(text: str, span: Span) -> str | None:
    """The kinship noun that introduces a name as someone's relative, before it ("her
    husband, President Obama") or in apposition after it ("Raman, her uncle,"), else None.
    Such a name is a second person beside the one whose relative they are."""
    m = _KIN_BEFORE.search(text[max(0, span.start - 60) : span.start])
    if m is None:
        m = _KIN_AFTER.match(text[span.end : span.end + 40])
    return m.group(1).lower() if m else None


def _title_case_line(text: str, span: Span) -> bool:
    """Whether the line holding ``span`` is written in title case (most of its words
    capitalised, as headlines and captions are)."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    words = [w for w in text[start : end if end != -1 else len(text)].split() if w[:1].isalpha()]
    return len(words) < 3 or sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _titled_somewhere(text: str, form: str) -> bool:
    """Whether the article writes ``form`` after a title or an honorific somewhere
    ("President Ortega Salcedo's reform")."""
    pattern = r"(?<![\w-])" + r"\s+".join(map(re.escape, form.split())) + r"(?![\w-])"
    return any(_prefix(text, hit.start())[0] for hit in re.finditer(pattern, text))


def _trim_stray_words(persons: list[Mention], text: str) -> None:
    """Title-case lines make NER take a word beside a name into it: "Donald Trump Leads",
    "Trump Wants", "Injecting Clinton". When the rest is a name the article uses on its
    own (a full name, or the surname of one), the stray word is cut off."""
    forms = {m.form for m in persons}
    for m in persons:
        words = m.form.split()
        if parse_name(m.form).suffix or len(words) < 2:
            continue
        surnames = {parse_name(f).surname for f in forms - {m.form} if parse_name(f).full}
        for n in range(len(words) - 1, 0, -1):
            head, tail = " ".join(words[:n]), words[n:]
            if (n >= 2 and head in forms) or (
                n == 1
                and head in surnames
                and given_name_gender(head) is None
                and not any(t in surnames or given_name_gender(t) for t in tail)
                # "President Ortega Salcedo" in running text: a title before the whole
                # makes it one person's name (a double surname), not a surname and a
                # stray word ("President Obama Speech" in a title-case caption is)
                and (_title_case_line(text, m.span) or not _titled_somewhere(text, m.form))
            ):
                m.form, m.span = head, Span(m.span.start, m.span.start + len(head))
                break
        words = m.form.split()
        if len(words) != 2:
            continue
        first, rest = words[0], " ".join(words[1:])
        if (
            len(words) == 2
            and rest in surnames
            and given_name_gender(first) is None
            and (first.lower().endswith("ing") or is_descriptor(first))
        ):
            start = m.span.start + len(first) + 1
            m.form, m.span = rest, Span(start, m.span.end)


def _note(cluster: _PersonCluster, m: Mention, text: str, *, full: bool) -> None:
    """Record a mention of ``cluster``: position, form, gender, kinship and title cues."""
    m.key = cluster.key
    first = not cluster.positions or m.span.start < min(cluster.positions)
    cluster.positions.append(m.span.start)
    cluster.forms.add(m.form)
    if full:
        cluster.full_count += 1
    prefix, gender = _prefix(text, m.span.start)
    cluster.set_gender(m.honorific_gender or gender, 3)
    kin = _kinship(text, m.span)
    cluster.set_gender(KIN_GENDER.get(kin or "") or _kin_gender(text, m.span.start), 2)
    if first:
        cluster.relative = kin is not None
    if prefix:
        cluster.titles_before.add(_title_key(prefix))
        if not full:
            m.title_form = f"{prefix} {m.form}"


def _attach_bare(
    table: EntityTable,
    clusters: list[_PersonCluster],
    m: Mention,
    name: PersonName,
    text: str,
) -> None:
    """Give a bare surname ("Clinton", "Mrs. Clinton") to the person the context supports,
    a new person when no one named in the article fits, or nobody when two fit equally."""
    prefix, gender = _prefix(text, m.span.start)
    kin = _kinship(text, m.span)
    said = _said_pronoun_gender(text, m.span)
    gender = m.honorific_gender or gender or KIN_GENDER.get(kin or "") or said
    title = _title_key(prefix) if prefix else None
    plural = name.surname.lower()
    if not any(c.name.surname.lower() == plural for c in clusters) and any(
        c.name.surname.lower() in (plural[:-1], plural[:-2]) for c in clusters
    ):
        return  # "Clintons", "Bushes": the family, not one of them
    if prefix is None and given_name_gender(name.surname) is not None:
        # "Hillary" on her own: the one person named here with that given name
        by_given = [c for c in clusters if c.name.given and c.name.given == name.surname]
        if len(by_given) == 1 and not any(
            c.name.surname.lower() == name.surname.lower() for c in clusters
        ):
            _note(by_given[0], m, text, full=False)
            return
    cue = _Cue(gender, title, _role(prefix), kin is not None)
    found, make_new = _resolve_bare(clusters, name, m.span.start, cue, text)
    if found is None and make_new:
        ent = table.new_entity("Person", m.form)
        found = _PersonCluster(ent.key, name)
        clusters.append(found)
    if found is not None:
        _note(found, m, text, full=False)
        found.set_gender(said, 1)


#: a name's verb of saying and the pronoun that opens what is said: "Larrea, who has
#: denied wrongdoing, said he welcomed the audit" (news names a speaker, then refers to
#: them so); up to one aside between commas
_SAID_PRONOUN = re.compile(
    r"(?:,[^,.;:\n]{1,80},)?\s+(?:said|says|told\s+\w+(?:\s+\w+)?|added|insisted|argued|"
    r"stressed|explained|acknowledged|admitted|conceded)\s+(?:that\s+)?(he|she)\b"
)


def _said_pronoun_gender(text: str, span: Span) -> str | None:
    """The gender the pronoun after a name's verb of saying gives it ("Larrea said he"),
    or None: a weak cue, taken only where no honorific, title or kinship says more, and
    not where the sentence goes on with a pronoun of the other gender ("Shelby said he
    refused to follow her commands": the "he" is someone else)."""
    m = _SAID_PRONOUN.match(text, span.end)
    if m is None:
        return None
    rest = re.split(r"[.!?\n]", text[m.end() : m.end() + 300], maxsplit=1)[0]
    other = r"\b(?:she|her|hers|herself)\b" if m.group(1) == "he" else r"\b(?:he|him|his)\b"
    if re.search(other, rest, re.I):
        return None
    return "male" if m.group(1) == "he" else "female"


@dataclass(frozen=True)
class _Cue:
    """What the words around a bare surname say about whose it is."""

    gender: str | None = None  # from an honorific, a gendered title or a kinship noun
    title: str | None = None  # the title before it, compared as :func:`_title_key` gives
    role: str | None = None  # that title's role, None for an honorific
    kin: bool = False  # introduced as someone's relative ("her husband, President Obama")


def _resolve_bare(
    clusters: list[_PersonCluster],
    name: PersonName,
    position: int,
    cue: _Cue,
    text: str,
) -> tuple[_PersonCluster | None, bool]:
    """(the person a bare surname stands for, whether to make a new person instead).

    Candidates share the surname (and the suffix, if one is written). The cues then rule
    people out, each by one of the rules below (gender, kinship, role); of several left,
    the one named in the same paragraph most recently wins, else the one the article is
    clearly about (named at least twice as often); else nobody."""
    same = [c for c in clusters if c.name.surname.lower() == name.surname.lower()]
    if name.suffix:
        same = [c for c in same if c.name.suffix == name.suffix]
    else:
        same = [c for c in same if c.name.suffix is None] or same
    if not same:
        return None, True
    for rule in (_by_gender, _by_kinship, _by_role):
        same = rule(same, cue)
        if not same:
            return None, True
    if cue.title and not cue.role:
        titled = [c for c in same if cue.title in c.titles_before]  # "Mrs." again
        same = titled or same
    if len(same) == 1:
        return same[0], False
    para = text.rfind("\n", 0, position) + 1
    recent = [
        (max(p for p in c.positions if para <= p < position), c)
        for c in same
        if any(para <= p < position for p in c.positions)
    ]
    if recent:
        return max(recent, key=lambda pc: pc[0])[1], False
    weight = sorted(same, key=lambda c: (-(len(c.positions) + c.full_count), min(c.positions)))
    top, second = (len(c.positions) + c.full_count for c in weight[:2])
    first = min(same, key=lambda c: min(c.positions))
    # the one introduced first, in a sentence of its own, is who the article is about;
    # two introduced together ("Ann Okafor and Grace Okafor") leave it open
    alone = all(
        c is first or _SENTENCE_END.search(text, min(first.positions), min(c.positions))
        for c in same
    )
    if top >= 2 * second or (
        weight[0] is first and top >= second and alone and min(first.positions) < position
    ):
        return weight[0], False
    return None, False


def _by_gender(same: list[_PersonCluster], cue: _Cue) -> list[_PersonCluster]:
    """ "Mrs. Obama", "her husband, Mr. Mwangi": a gender rules out people of the other."""
    if not cue.gender:
        return same
    return [c for c in same if c.gender in (None, cue.gender)]


def _by_kinship(same: list[_PersonCluster], cue: _Cue) -> list[_PersonCluster]:
    """A name introduced as someone's relative ("his wife, Mrs. Kerry") is one of the
    relatives already named, or someone new: never the person whose relative it is. A
    name without that cue prefers the people named for their own sake: after "his wife,
    Teresa Heinz Kerry", a plain "Kerry" is not her (news style names such a relative in
    full, or with a given name or an honorific)."""
    if cue.kin:
        return [c for c in same if c.relative]
    if cue.role:
        return same  # left to the role rule, which weighs relatives itself
    return [c for c in same if not c.relative] or same


def _by_role(same: list[_PersonCluster], cue: _Cue) -> list[_PersonCluster]:
    """A role title ("President Obama", "Judge Ferreira") goes to the person given that
    role here. Without one, to the only person of the surname when nothing else speaks
    against it, never to someone named as another's relative; when several could hold it
    it is nobody's yet (a new person, left for resolution across articles to decide)."""
    if not cue.role:
        return same
    holders = [c for c in same if cue.role in c.titles_before]
    if holders:
        return holders
    principals = [c for c in same if not c.relative]
    return principals if len(principals) == 1 else []


def _find_cluster(
    clusters: list[_PersonCluster], name: PersonName, form: str
) -> _PersonCluster | None:
    """The person a full name belongs to: names that agree (see
    :func:`kg.extract.names.compatible_names`), or the tail of a longer name
    ("Wasserman Schultz" of "Debbie Wasserman Schultz")."""
    for c in clusters:
        if c.name.given is None:
            continue
        if compatible_names(c.name, name):
            return c
    words = form.split()
    if given_name_gender(words[0]) is None:
        for c in clusters:
            if any(
                len(f.split()) > len(words) and f.split()[-len(words) :] == words for f in c.forms
            ):
                return c
    for c in clusters:
        if (
            c.name.given is None
            and c.name.surname.lower() == name.surname.lower()
            and (c.name.suffix == name.suffix)
            and (c.gender is None or c.gender == given_name_gender(name.given or ""))
        ):
            c.name = name
            return c
    return None


def _person_named(
    clusters: list[_PersonCluster], form: str, position: int, text: str
) -> tuple[_PersonCluster | None, bool]:
    """(the person an organisation- or place-tagged name really is, whether it names
    someone at all): a surname of a person named here, given by the same rules as any bare
    surname, the given name of the one person named here with it, or a full name that
    fits a known person. A surname two people share and the
    context cannot decide is still a person's: it must not become an organisation."""
    name = parse_name(form)
    if not name.full:
        if not any(c.name.surname.lower() == name.surname.lower() for c in clusters):
            # "disappointed for Elena": a given name alone, of the one person named here
            # with it (NER took it for a body)
            by_given = [c for c in clusters if c.name.given and c.name.given == form]
            if len(by_given) == 1 and given_name_gender(form) is not None:
                return by_given[0], True
            return None, False
        found, _ = _resolve_bare(clusters, name, position, _Cue(), text)
        return found, True
    for c in clusters:
        if c.name.given is not None and compatible_names(c.name, name):
            return c, True
    return None, False
