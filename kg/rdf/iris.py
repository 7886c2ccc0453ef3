"""Deterministic IRIs: the same input always yields the same identifiers."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

from kg.rdf.vocab import DEFAULT_BASE, ENTITY_PATHS


@lru_cache(maxsize=65536)
def slug(name: str) -> str:
    """ASCII, lower-case, hyphen-separated: "Sergey Lavrov" -> "sergey-lavrov", and names in
    other scripts transliterated ("Сергей Лавров" -> "sergey-lavrov", "Αλέξης Τσίπρας" ->
    "alexis-tsipras"), so every IRI is readable and made from the name alone. A name with
    nothing to transliterate gets a short hash of itself, never a shared placeholder."""
    latin = anyascii(unicodedata.normalize("NFC", name)).replace("&", " and ")
    out = re.sub(r"[^a-z0-9]+", "-", latin.lower()).strip("-")
    if out:
        return out
    return "x-" + hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]


_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"'})


@lru_cache(maxsize=1 << 18)
def name_key(name: str) -> str:
    """The form a name is looked up by: case-folded, accents and curly quotes made plain,
    spaces collapsed ("Sergéy  LAVROV" -> "sergey lavrov"). Stated on every entity as
    ``kg:nameKey`` so that queries match names case-insensitively through an index, and
    applied the same way to the name a user asks for."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_QUOTES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", plain.casefold()).strip()


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
