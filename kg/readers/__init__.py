"""Reading news articles from files: one module per input format, all producing
:class:`~kg.model.Article`.

``read_paths`` is what the pipeline uses: it walks the paths, reads every file with the
reader for its extension and yields an Article per article found, and a
:class:`~kg.model.ReadProblem` per file (or JSON record) that was skipped or failed, so one bad
file never costs the good ones and the caller decides how to report it. ``read_file`` is the
strict single-file form for library users. Nothing here prints.

Formats: ``.txt``/``.md`` (the text as it is on disk), ``.html``/``.htm`` (main text and
metadata via trafilatura), ``.json`` (an object or a list) and ``.jsonl`` (one object a
line), ``.warc``/``.warc.gz`` (the HTML pages of a web crawl, streamed record by record),
and ``-`` for a plain-text article on stdin. The size limit is
``kg.readers.files.MAX_FILE_BYTES`` (for a crawl: per page).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TextIO

from kg.model import Article, ReadProblem

from .files import (
    STDIN,
    ReadError,
    expand_paths,
    file_suffix,
    is_store_dir,
    read_checked_bytes,
    read_checked_stream,
)
from .html import read_html
from .jsonl import read_json, read_jsonl
from .text import read_text
from .warc import read_warc

__all__ = [
    "READERS",
    "STREAM_READERS",
    "ReadError",
    "expand_paths",
    "read_file",
    "read_paths",
    "supported_suffixes",
]

#: A reader takes the checked bytes of a file and the name to report it by; it returns one
#: Article, or (for formats with many records) yields Articles and a ReadError per bad record.
#: Errors that spoil the whole file are raised.
Reader = Callable[[bytes, str], "Article | Iterable[Article | ReadError]"]

#: The reader for each (lower-case) file extension; a new format is one entry here.
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": partial(read_text, markdown=True),
    ".markdown": partial(read_text, markdown=True),
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
}

#: Readers that stream a file from its path instead of taking its bytes: formats whose
#: files are far larger than one article (a crawl's WARC file is a gigabyte), read record by
#: record and never whole.
STREAM_READERS: dict[str, Callable[[Path, str], Iterable[Article | ReadError]]] = {
    ".warc": read_warc,
    ".warc.gz": read_warc,
}


def supported_suffixes() -> list[str]:
    """The file extensions that have a reader, for help texts and messages."""
    return sorted([*READERS, *STREAM_READERS])


def read_paths(
    paths: Sequence[str], *, stdin: TextIO | None = None
) -> Iterator[Article | ReadProblem]:
    """Yield an Article for every article found under the paths, in a stable order, and a
    ReadProblem for every file that was skipped or failed.

    The order is that of :func:`expand_paths` (paths as given, directories sorted), then the
    order of records inside a file. ``source_file`` is the path as given, joined with the
    relative path inside a walked directory; ``"-"`` for stdin (``sys.stdin`` unless
    ``stdin`` is given). Raises FileNotFoundError up front for a path that does not exist.
    A ReadProblem's message is one line that names the file (and line, for JSON Lines).
    """
    named = {Path(p) for p in paths if p != STDIN}
    for item in expand_paths(paths):
        if isinstance(item, ReadError):  # found by the walk itself (a symbolic link loop)
            yield ReadProblem(path=item.path, message=str(item), kind=item.kind)
            continue
        display = str(item)
        for result in _read_one(item, stdin, named=item in named):
            if isinstance(result, ReadError):
                yield ReadProblem(path=display, message=str(result), kind=result.kind)
            else:
                yield result


def read_file(path: str | Path) -> list[Article]:
    """The articles in one file; raises ReadError if the file, or any record in it, cannot be
    read, or its type is not supported.

    Strict on purpose: a caller asking for one file wants all of it or a reason. Use
    :func:`read_paths` to keep the good records of a partly broken JSON Lines file.
    """
    articles: list[Article] = []
    for result in _read_one(Path(path), None, named=True):
        if isinstance(result, ReadError):
            raise result
        articles.append(result)
    return articles


def _read_one(
    item: Path | str, stdin: TextIO | None, *, named: bool
) -> Iterable[Article | ReadError]:
    """Everything read from one file, every failure as a ReadError value.

    The whole file is read before anything is returned, so a file that fails half-way
    contributes its error and nothing else, never a partial set of records; a streamed
    format (a crawl) yields as it reads, each bad record its own error.
    """
    if item == STDIN:
        try:
            data = read_checked_stream(stdin if stdin is not None else sys.stdin, STDIN)
            return [read_text(data, STDIN)]
        except ReadError as exc:
            return [exc]
    path = Path(item)
    display = str(path)
    suffix = file_suffix(path)
    if suffix in STREAM_READERS:
        return STREAM_READERS[suffix](path, display)
    reader = READERS.get(suffix)
    if path.is_dir() and is_store_dir(path):
        return [ReadError(display, "a newskg store, not articles: not read", kind="skipped")]
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        reason = f"unsupported file type {path.suffix or '(no extension)'}"
        if named:  # the user asked for this file: say what would have been read
            reason += f"; readable types are {', '.join(supported_suffixes())}"
        return [ReadError(display, reason, kind="skipped")]
    try:
        data = read_checked_bytes(path, display)
        result = reader(data, display)
        return [result] if isinstance(result, Article) else list(result)
    except ReadError as exc:
        return [exc]
