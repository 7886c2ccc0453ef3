"""A user's corrections to entity resolution: the rows of an aliases file.

Each row ``alias,canonical,type`` says that every entity called ALIAS (or CANONICAL) is one
entity of TYPE labelled CANONICAL: a merge when such an entity exists, a rename otherwise.
The rules are kept in the store (see :mod:`kg.pipeline`), so every later build and
``kg resolve`` go on applying them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

from kg.model import NAMED_TYPES


@dataclass(frozen=True, order=True)
class AliasRule:
    """The entity called ``alias`` is the ``type`` named ``canonical``."""

    alias: str
    canonical: str
    type: str


class AliasFileError(ValueError):
    """A row of an aliases file that cannot be used; the message names the row."""


def parse_alias_rows(text: str, name: str) -> list[AliasRule]:
    """The rules of an aliases file's text. A header row ``alias,canonical,type``, blank
    lines and lines starting with ``#`` are skipped; any other bad row raises
    :class:`AliasFileError` naming ``name:line``, so a caller can refuse the whole file
    before anything changes."""
    rules: list[AliasRule] = []
    for n, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not row or (len(row) == 1 and not row[0].strip()) or row[0].lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in row]
        if n == 1 and [c.lower() for c in cells] == ["alias", "canonical", "type"]:
            continue
        where = f"{name}:{n}"
        if len(cells) != 3:
            raise AliasFileError(
                f"{where}: expected 3 columns (alias,canonical,type), found {len(cells)}"
            )
        alias, canonical, type_ = cells
        if not alias or not canonical:
            raise AliasFileError(f"{where}: alias and canonical must not be empty")
        match = [t for t in NAMED_TYPES if t.lower() == type_.lower()]
        if not match:
            raise AliasFileError(
                f"{where}: unknown type {type_!r} (expected one of {', '.join(NAMED_TYPES)})"
            )
        rules.append(AliasRule(alias, canonical, match[0]))
    return rules


def merge_rules(old: list[AliasRule], new: list[AliasRule]) -> list[AliasRule]:
    """``new`` beside ``old``: a new rule for the same alias and type replaces the old."""
    merged = {(r.alias.casefold(), r.type): r for r in old}
    merged |= {(r.alias.casefold(), r.type): r for r in new}
    return sorted(merged.values(), key=lambda r: (r.type, r.alias))


__all__ = ["AliasFileError", "AliasRule", "merge_rules", "parse_alias_rows"]
