"""Deterministic IRIs: the same input always yields the same identifiers."""

from __future__ import annotations

import re
import unicodedata

from kg.rdf.vocab import DEFAULT_BASE, ENTITY_PATHS


def slug(name: str) -> str:
    """ASCII, lower-case, hyphen-separated; "Sergey Lavrov" -> "sergey-lavrov"."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    folded = folded.replace("&", " and ")
    out = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return out or "x"


class Minter:
    """Makes instance IRIs under one base."""

    def __init__(self, base: str = DEFAULT_BASE):
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def article(self, short_hash: str) -> str:
        return f"{self.base}article/{short_hash}"

    def entity(self, type_: str, name: str) -> str:
        return f"{self.base}{ENTITY_PATHS[type_]}/{slug(name)}"

    def unnamed(self, short_hash: str, n: int) -> str:
        return f"{self.base}source/{short_hash}-{n}"

    def statement(self, short_hash: str, n: int) -> str:
        return f"{self.base}statement/{short_hash}-{n}"
