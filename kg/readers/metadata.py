"""A metadata sidecar for text corpora: one row per article file, giving what a plain text
cannot (its date, outlet, address, title, author).

Why: claims need dates ("the earliest appearance", "a report published before the
denial") and outlets, and a folder of ``.txt`` files has neither. Corpora usually ship
them as a table beside the texts (PolNeAR's ``metadata.tsv``). ``kg build DIR --metadata
FILE.csv|tsv`` joins that table onto the articles as they are read, by file name, before
anything else sees them.

The table is read and checked whole before a build starts: a malformed row or a date that
does not parse is a :class:`MetadataError` naming the file and row, so a build with a bad
sidecar changes nothing. Rows that match no input file are counted, not fatal: a sidecar
for a whole corpus may be used to build part of it.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path, PurePath

from kg.model import Article

#: The header names accepted for each field (compared case-insensitively, with spaces,
#: hyphens and underscores ignored).
COLUMNS: dict[str, tuple[str, ...]] = {
    "file": ("file", "filename", "path", "sourcefile", "name", "doc", "document"),
    "title": ("title", "headline"),
    "url": ("url", "link", "address", "webaddress"),
    "date": ("date", "publicationdate", "published", "pubdate", "datepublished"),
    "publisher": ("publisher", "outlet", "publication", "newspaper"),
    "author": ("author", "byline", "authors", "creator"),
}
#: Cell values that mean "not given".
_EMPTY = frozenset({"", "none", "null", "n/a", "na", "-"})


class MetadataError(ValueError):
    """A sidecar that cannot be used; the message names the file and row."""


@dataclass(frozen=True)
class MetadataRow:
    """What one row says of one file; None where the row says nothing."""

    line: int  # the row's line number in the sidecar (the header is line 1)
    file: str
    title: str | None = None
    url: str | None = None
    date: str | None = None  # ISO 8601
    publisher: str | None = None
    author: str | None = None


@dataclass
class Metadata:
    """A checked sidecar: rows by file name, and which rows matched an input file."""

    path: str
    rows: dict[str, MetadataRow]
    matched: set[str] = field(default_factory=set)

    def row_for(self, source_file: str) -> MetadataRow | None:
        """The row for an article's source file: by its path, its file name, or its file
        name without extension (``wire.jsonl#2`` by ``wire.jsonl#2``)."""
        for key in _keys(source_file):
            row = self.rows.get(key)
            if row is not None:
                return row
        return None

    def apply(self, article: Article) -> Article:
        """The article with the row's fields in place of its own (a field the row leaves
        empty keeps the article's value)."""
        row = self.row_for(article.source_file)
        if row is None:
            return article
        self.matched.add(row.file)
        given = {
            k: v
            for k, v in (
                ("title", row.title),
                ("url", row.url),
                ("date", row.date),
                ("publisher", row.publisher),
                ("author", row.author),
            )
            if v is not None
        }
        if "title" in given and given["title"] != article.title:
            start = article.text.find(given["title"])
            span = (start, start + len(given["title"])) if start != -1 else None
            given["title_span"] = span  # type: ignore[assignment]
        return replace(article, **given)

    @property
    def unmatched(self) -> int:
        """How many rows no input file matched (so far)."""
        return len({r.file for r in self.rows.values()} - self.matched)


def _keys(source_file: str) -> list[str]:
    path = PurePath(source_file.replace("\\", "/"))
    name = path.name
    stem = name.split("#", 1)[0]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    return [_norm(source_file), _norm(name), _norm(stem)]


def _norm(value: str) -> str:
    return value.strip().replace("\\", "/").casefold()


def read_metadata(path: str | Path) -> Metadata:
    """Read and check a ``.csv`` or ``.tsv`` sidecar (see the module docstring)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in (".csv", ".tsv"):
        raise MetadataError(f"{path}: a metadata file is .csv or .tsv, not {suffix or 'none'}")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise MetadataError(f"no such metadata file: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise MetadataError(f"cannot read metadata file {path}: {exc}") from None
    return parse_metadata(text, str(path), delimiter="\t" if suffix == ".tsv" else ",")


def parse_metadata(text: str, name: str, *, delimiter: str = ",") -> Metadata:
    """Parse sidecar text; ``name`` is what errors call the file."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise MetadataError(f"{name}:{reader.line_num}: malformed row ({exc})") from None
    if not rows:
        raise MetadataError(f"{name}: empty metadata file")
    header = rows[0]
    where = _columns(header, name)
    out: dict[str, MetadataRow] = {}
    for line, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            raise MetadataError(
                f"{name}:{line}: malformed row: {len(cells)} fields where the header has "
                f"{len(header)}"
            )
        row = _row(cells, where, name, line)
        for key in {_norm(row.file)}:
            if key in out:
                raise MetadataError(
                    f"{name}:{line}: {row.file!r} is already described on line {out[key].line}"
                )
            out[key] = row
    return Metadata(name, out)


def _columns(header: list[str], name: str) -> dict[str, int]:
    normal = [re.sub(r"[\s_-]+", "", h).casefold() for h in header]
    where: dict[str, int] = {}
    for fld, names in COLUMNS.items():
        for i, h in enumerate(normal):
            if h in names and fld not in where:
                where[fld] = i
    if "file" not in where:
        raise MetadataError(
            f"{name}:1: no column names the file (expected one of: {', '.join(COLUMNS['file'])})"
        )
    if len(where) == 1:
        raise MetadataError(
            f"{name}:1: no column for title, url, date, publisher or author: nothing to add"
        )
    return where


def _row(cells: list[str], where: dict[str, int], name: str, line: int) -> MetadataRow:
    values = {f: _value(cells[i]) for f, i in where.items()}
    file = values.pop("file")
    if file is None:
        raise MetadataError(f"{name}:{line}: malformed row: the file column is empty")
    raw = values.get("date")
    if raw is not None:
        values["date"] = parse_date(raw, f"{name}:{line}")
    return MetadataRow(line, file, **values)


def _value(cell: str) -> str | None:
    v = cell.strip()
    return None if v.casefold() in _EMPTY else v


_SLASHED = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")


def parse_date(value: str, where: str) -> str:
    """An ISO 8601 date or date-time (``2016-09-12``, ``2016-09-12T08:30:00Z``,
    ``2016/09/12``) as the model writes it; anything else is an error naming ``where``."""
    v = value.strip()
    m = _SLASHED.match(v)
    if m:
        v = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    try:
        if len(v) == 10:
            return date.fromisoformat(v).isoformat()
        stamp = datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        raise MetadataError(
            f"{where}: date {value!r} does not parse (expected YYYY-MM-DD or an ISO 8601 date-time)"
        ) from None
    return stamp.isoformat().replace("+00:00", "Z")


__all__ = ["COLUMNS", "Metadata", "MetadataError", "MetadataRow", "parse_date", "read_metadata"]
