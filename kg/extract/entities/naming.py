"""Canonical names: each entity's fullest well-formed name (a known organisation's canonical
name), the other forms as aliases, and the pruning of entities left without mentions. Run
after clustering and again after propagation finds more forms.
"""

from __future__ import annotations

from collections import Counter

from kg.extract import gazetteer
from kg.extract.entities.acronyms import initials as acronym_initials
from kg.extract.entities.acronyms import is_acronym
from kg.extract.entities.tables import EntityTable
from kg.extract.names import initials, parse_name, well_formed


def _prune_orphans(table: EntityTable) -> None:
    used = {m.key for m in table.mentions}
    table.entities = [e for e in table.entities if e.key in used]


def _choose_names(table: EntityTable, text: str) -> None:
    """Canonical name = the fullest well-formed form (a known organisation's canonical
    name); ties go to fewer initials, then the most frequent, then the first seen in the
    body rather than the headline. Honorific and title forms ("Mrs. Clinton") are aliases."""
    for ent in table.entities:
        forms = [m for m in table.mentions if m.key == ent.key]
        if not forms:
            continue
        counts = Counter(m.form for m in forms)
        first_body: dict[str, int] = {}
        for m in forms:
            pos = m.span.start + (10**9 if m.in_headline else 0)
            first_body[m.form] = min(first_body.get(m.form, pos), pos)
        is_person = ent.type == "Person"
        ent.name = min(counts, key=lambda f: _name_rank(f, is_person, counts, first_body))
        if ent.type in ("Organization", "NewsOrganization"):
            canonical = gazetteer.canonical_organization
            # an acronym that spells the article's own name for the body is that name's,
            # not a known body's with the same letters ("the Centre for Development and
            # Conservation (CDC)" is no disease agency)
            others = (f for f in counts if not _abbreviates(f, ent.name))
            known = canonical(ent.name) or next(filter(None, map(canonical, others)), None)
            ent.name = known or ent.name
            # nor is such an acronym a name of it across the corpus, where it would join
            # the two bodies
            clash = {
                f
                for f in counts
                if _abbreviates(f, ent.name) and canonical(f) not in (None, canonical(ent.name))
            }
            counts = Counter({f: n for f, n in counts.items() if f not in clash})
        # a first word standing for a body's full name ("Sporting") is no name of it
        # across a corpus, where other bodies begin with it too
        shorts = {m.form for m in forms if m.short_for is not None}
        ent.aliases = {f for f in counts if f != ent.name and f not in shorts}
        ent.aliases |= {m.title_form for m in forms if m.title_form and m.title_form != ent.name}


def _abbreviates(form: str, name: str) -> bool:
    """Whether ``form`` is an acronym of ``name``'s initials."""
    return form != name and is_acronym(form) and acronym_initials(name) == form.replace(".", "")


def _name_rank(
    form: str, is_person: bool, counts: Counter, first_seen: dict[str, int]
) -> tuple[int, int, int, int, int]:
    if is_person:
        name = parse_name(form)
        length = len(name.middles) + (2 if name.full else 1) + (1 if name.suffix else 0)
        return (
            0 if well_formed(form) else 1,
            -length,
            initials(form),
            -counts[form],
            first_seen[form],
        )
    return (0, -len(form), 0, -counts[form], first_seen[form])
