"""Input files for the Spark job, read on the executors with newskg's own readers.

Why not Spark's text readers: an article is a whole file (or one JSON line, or one WARC
record), and what becomes its text must be exactly what ``kg build`` reads (the same
UTF-8 checks, the same HTML extraction), or the offsets and hashes would differ. So each
file arrives whole (``binaryFiles``, from the local disk, HDFS, S3 or anything else Hadoop
reads) and goes through the reader for its extension, as in :mod:`kg.readers`.

Names: ``kg build`` names an article's file by the path as the user gave it, joined with
the path inside a walked directory; :func:`display_name` gives the same name here, so the
two builds write the same ``kg:sourceFile`` and the same graphs. :func:`order_key` is the
order ``kg build`` reads files in, which decides which of two files with the same text is
the one stored.
"""

from __future__ import annotations

import io
import os
import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from kg.model import Article, ReadProblem
from kg.readers import READERS, STREAM_READERS
from kg.readers.files import MAX_FILE_BYTES, ReadError, check_bytes
from kg.readers.warc import read_warc_stream


def resolve_input(path: str) -> str:
    """The URI Spark reads for a path as given: local paths made absolute."""
    if urlsplit(path).scheme:
        return path
    return "file://" + os.path.abspath(path)


def display_name(given: str, root_uri: str, file_uri: str) -> str:
    """The name ``kg build`` gives the file ``file_uri`` found under the input ``given``."""
    root = unquote(urlsplit(root_uri).path).rstrip("/")
    here = unquote(urlsplit(file_uri).path)
    rel = posixpath.relpath(here, root) if here != root else ""
    if rel in ("", "."):
        return given
    if urlsplit(given).scheme:
        return given.rstrip("/") + "/" + rel
    return os.path.join(os.path.normpath(given), rel)


def order_key(index: int, given: str, display: str, record: int) -> tuple:
    """Where ``kg build`` would read this record: inputs in the order given, files of a
    directory by their path components, records in file order."""
    rel = display[len(given) :].lstrip("/") if display.startswith(given) else display
    return (index, tuple(rel.split("/")), record)


def _suffix(name: str) -> str:
    lower = name.lower()
    for double in STREAM_READERS:
        if double.count(".") > 1 and lower.endswith(double):
            return double
    return posixpath.splitext(lower)[1]


def read_bytes(display: str, data: bytes) -> Iterator[Article | ReadProblem]:
    """The articles of one file's bytes, every problem as a ReadProblem (never raised)."""
    suffix = _suffix(display)
    try:
        if suffix in STREAM_READERS:
            gz = suffix.endswith(".gz")
            results = list(read_warc_stream(io.BytesIO(data), display, gz=gz))
        else:
            reader = READERS.get(suffix)
            if reader is None:
                raise ReadError(display, f"unsupported file type {suffix or '(no extension)'}",
                                kind="skipped")  # fmt: skip
            if len(data) > MAX_FILE_BYTES:
                raise ReadError(display, "file too large")
            check_bytes(data, display)
            result = reader(data, display)
            results = [result] if isinstance(result, Article) else list(result)
    except ReadError as exc:
        results = [exc]
    for r in results:
        if isinstance(r, ReadError):
            yield ReadProblem(path=display, message=str(r), kind=r.kind)
        else:
            yield r


__all__ = ["display_name", "order_key", "read_bytes", "resolve_input"]
