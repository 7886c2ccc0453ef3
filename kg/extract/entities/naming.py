"""Canonical names: each entity's fullest well-formed name (a known organisation's canonical
name), the other forms as aliases, and the pruning of entities left without mentions. Run
after clustering and again after propagation finds more forms.
"""

from __future__ import annotations

from collections import Counter

from kg.extract import gazetteer
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
            known = canonical(ent.name) or next(filter(None, map(canonical, counts)), None)
            ent.name = known or ent.name
        ent.aliases = {f for f in counts if f != ent.name}
        ent.aliases |= {m.title_form for m in forms if m.title_form and m.title_form != ent.name}


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
