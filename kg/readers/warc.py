"""Web crawls (``.warc``, ``.warc.gz``): the HTML pages a crawler fetched, one article each.

Why a reader of its own: news crawls (CC-NEWS, a lab's own Heritrix or browsertrix runs)
come as WARC files of a gigabyte each, mostly records that are no article at all (requests,
metadata, images, scripts). The file is streamed record by record, never read whole, and
each ``response`` record of an HTML page goes through the HTML reader
(:func:`kg.readers.html.read_html`, trafilatura), so a page reads the same from a crawl as
from disk. Provenance is the record: ``source_file`` is ``crawl.warc.gz#OFFSET``, the byte
offset of the record in the file (what a WARC index such as CDX points at, so a record can
be fetched again), the URL is the record's ``WARC-Target-URI`` (the address the page was
fetched from, whatever its canonical link says), and a page that states no date of its own
gets the date it was fetched (``WARC-Date``).

What is not an article costs nothing but a count: records that are not HTML responses, and
pages without article text (section fronts, error pages), are skipped and counted in one
line per file. A corrupt record (a broken gzip member, a bad header) is one line naming its
offset; reading resumes at the next record, so one bad record never costs the others.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from kg.model import Article

from .files import MAX_FILE_BYTES, ReadError
from .html import read_html

#: The HTTP content types of the pages read; everything else is counted and skipped.
HTML_TYPES = ("text/html", "application/xhtml+xml")

_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = re.compile(rb"(?:^|\r?\n)WARC/1\.[01]\r?\n")


def read_warc(path: Path, source: str) -> Iterator[Article | ReadError]:
    """The articles of one WARC file, streamed; problems as ReadError values."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield ReadError(source, f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        yield from read_warc_stream(stream, source, gz=path.name.lower().endswith(".gz"))


def read_warc_stream(stream: BinaryIO, source: str, *, gz: bool) -> Iterator[Article | ReadError]:
    """The articles of a seekable WARC stream (a file, or the bytes a Spark task read from
    HDFS or S3), as :func:`read_warc`."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:  # pragma: no cover - warcio is a dependency
        yield ReadError(source, "reading WARC files needs warcio (pip install warcio)")
        return
    counts = {"not_html": 0, "no_text": 0}
    start = 0
    while True:
        stream.seek(start)
        records = ArchiveIterator(stream, check_digests=False)
        offset = start
        try:
            for record in records:
                offset = records.offset  # where this record starts in the file
                result = _article(record, f"{source}#{offset}", counts)
                if result is not None:
                    yield result
            break  # the end of the file
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError) as exc:
            at = max(offset, getattr(records, "offset", offset) or offset)
            yield ReadError(source, f"corrupt WARC record at byte {at} skipped ({_reason(exc)})")
            nxt = _next_record(stream, at + 1, gz)
            if nxt is None:
                break
            start = nxt
    skipped = []
    if counts["not_html"]:
        skipped.append(f"{counts['not_html']} record(s) not HTML pages")
    if counts["no_text"]:
        skipped.append(f"{counts['no_text']} page(s) without article text")
    if skipped:
        yield ReadError(source, "skipped " + " and ".join(skipped), kind="skipped")


def _article(record, source: str, counts: dict[str, int]) -> Article | ReadError | None:
    """The article of one record, None for a record that is no page (counted)."""
    if record.rec_type != "response":
        if record.rec_type in ("revisit", "resource", "conversion"):
            counts["not_html"] += 1
        return None
    http = record.http_headers
    ctype = (http.get_header("Content-Type") if http else "") or ""
    status = http.get_statuscode() if http else "200"
    if not ctype.split(";")[0].strip().lower().startswith(HTML_TYPES) or status != "200":
        counts["not_html"] += 1
        return None
    body = record.content_stream().read(MAX_FILE_BYTES + 1)
    if len(body) > MAX_FILE_BYTES:
        return ReadError(source, "page too large")
    while record.raw_stream.read(1 << 16):
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than its Content-Length
        return ReadError(source, "corrupt WARC record skipped (truncated: the file ends inside it)")
    try:
        article = read_html(body, source)
    except ReadError as exc:
        if exc.reason == "no article text found":
            counts["no_text"] += 1
            return None
        return exc
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or article.url
    date = article.date or _day(headers.get_header("WARC-Date"))
    return replace(article, url=url, date=date)


def _day(warc_date: str | None) -> str | None:
    """The day of a WARC-Date (``2024-03-05T10:00:00Z`` -> ``2024-03-05``), the form a
    page's own date takes."""
    if warc_date and re.match(r"\d{4}-\d{2}-\d{2}", warc_date):
        return warc_date[:10]
    return None


def _next_record(stream: BinaryIO, after: int, gz: bool) -> int | None:
    """Where the next record starts at or after byte ``after``: the next gzip member that
    opens a WARC record (``.warc.gz``), or the next ``WARC/1.x`` version line."""
    chunk = 1 << 20
    pos = after
    while True:
        stream.seek(pos)
        data = stream.read(chunk + 16)
        if not data:
            return None
        if gz:
            i = data.find(_GZIP_MAGIC)
            while i >= 0:
                if _opens_warc_member(stream, pos + i):
                    return pos + i
                i = data.find(_GZIP_MAGIC, i + 1)
        else:
            m = _WARC_MAGIC.search(data)
            if m:
                return pos + m.start() + (len(m.group(0)) - len(m.group(0).lstrip(b"\r\n")))
        if len(data) <= chunk:
            return None
        pos += chunk


def _opens_warc_member(stream: BinaryIO, at: int) -> bool:
    stream.seek(at)
    try:
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(stream.read(4096), 16)
    except zlib.error:
        return False
    return head.startswith(b"WARC/")


def _reason(exc: Exception) -> str:
    """The error in a few printable words (warcio quotes the record's raw bytes)."""
    text = str(exc).split(", first line:")[0]
    text = "".join(c if c.isprintable() else " " for c in text)
    text = " ".join(text.split()) or type(exc).__name__
    return text if len(text) <= 80 else text[:79] + "…"


__all__ = ["HTML_TYPES", "read_warc", "read_warc_stream"]
