"""Articles as JSON records (``.json``: an object or a list of objects; ``.jsonl``: one object
per line), the shape scrapers and news APIs export.

A file holds many articles, so one bad record must cost only that record: the readers yield
an :class:`Article` for each good record and a :class:`ReadError` (as a value, not raised) for
each bad one; an error that spoils the whole file is raised. Every
record gets its own ``source_file`` (``wire.jsonl#2``, ``wire.json#5``; both 1-based, a line
number for JSON Lines and an item number for a JSON list) so its provenance in the graph
points at the record, not just the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from kg.model import Article

from .files import ReadError, decode_utf8
from .html import leading_title_span

#: Optional string fields copied onto the Article under the same name.
OPTIONAL_FIELDS = ("title", "url", "date", "author", "publisher")

#: Code points that are never text on their own (halves of a UTF-16 pair).
_SURROGATE = re.compile("[\ud800-\udfff]")


def read_json(data: bytes, source: str) -> Iterator[Article | ReadError]:
    """The articles of a ``.json`` file: one object, or a list of objects.

    A file that is not valid JSON, or not an object or a list, fails whole (ReadError raised);
    a bad item in a list is one ReadError yielded, and the other items are still read.
    """
    text = decode_utf8(data, source)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(
            source, f"invalid JSON ({exc.msg} at column {exc.colno})", line=exc.lineno
        ) from None
    except RecursionError:
        raise ReadError(source, "invalid JSON (nested too deeply)") from None
    if isinstance(value, dict):
        yield record_to_article(value, source, source)
    elif isinstance(value, list):
        if not value:
            raise ReadError(source, "empty JSON list, no articles")
        for number, item in enumerate(value, start=1):
            where = f"{source}#{number}"
            try:
                yield record_to_article(item, where, where)
            except ReadError as exc:
                yield exc
    else:
        raise ReadError(source, "expected a JSON object or a list of objects")


def read_jsonl(data: bytes, source: str) -> Iterator[Article | ReadError]:
    """The articles of a ``.jsonl`` file, one object per line; blank lines are ignored.

    Lines are decoded one by one, so even a line with broken UTF-8 costs only that line.
    """
    found_any = False
    lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        found_any = True
        try:
            line = decode_utf8(raw, source, line=number)
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ReadError(
                    source, f"invalid JSON ({exc.msg} at column {exc.colno})", line=number
                ) from None
            except RecursionError:
                raise ReadError(source, "invalid JSON (nested too deeply)", line=number) from None
            yield record_to_article(value, f"{source}#{number}", source, line=number)
        except ReadError as exc:
            yield exc
    if not found_any:
        raise ReadError(source, "empty file")


def record_to_article(
    record: Any, source_file: str, display: str, *, line: int | None = None
) -> Article:
    """An Article from one JSON object; ReadError when it lacks usable text or a field has a
    value the graph could not hold (a date that is not ISO 8601, a number as title)."""

    def fail(reason: str) -> ReadError:
        if line is None:
            return ReadError(source_file, reason)
        return ReadError(display, reason, line=line)

    if not isinstance(record, dict):
        raise fail(f"expected a JSON object, got {_json_type(record)}")
    text = record.get("text")
    if not isinstance(text, str):
        missing = "missing" if text is None else f"not a string ({_json_type(text)})"
        raise fail(f'"text" is {missing}')
    if not text.strip():
        raise fail('"text" is empty')
    fields: dict[str, str | None] = {}
    for name in OPTIONAL_FIELDS:
        try:
            fields[name] = _string_field(record.get(name))
        except ValueError as exc:
            raise fail(f'"{name}" {exc}') from None
    for name, value in (("text", text), *fields.items()):
        problem = _surrogate_problem(value)
        if problem:
            raise fail(f'"{name}" {problem}')
    if fields["date"] is not None and not _is_iso_date(fields["date"]):
        raise fail(f'"date" is not an ISO 8601 date ({fields["date"]!r})')
    return Article(
        text=text,  # exactly as given: offsets index into it
        source_file=source_file,
        title_span=leading_title_span(text, fields["title"]),
        **fields,
    )


def _string_field(value: Any) -> str | None:
    """A metadata value as one string, accepting the shapes exporters commonly use: a string,
    a list of strings (several authors), or an object with a "name" (schema.org style)."""
    if value is None:
        return None
    if isinstance(value, dict) and "name" in value:
        value = value["name"]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        value = "; ".join(item.strip() for item in value if item.strip())
    if not isinstance(value, str):
        raise ValueError(f"must be a string, not {_json_type(value)}")
    return " ".join(value.split()) or None


def _surrogate_problem(value: str | None) -> str | None:
    """Why ``value`` is not Unicode text, or None. JSON's ``\\ud800`` escape decodes to a lone
    surrogate, which no UTF-8 store or file can hold: caught here, it costs one record
    instead of failing later, in the store, for the whole build."""
    if value is None:
        return None
    match = _SURROGATE.search(value)
    if match is None:
        return None
    return (
        f"holds a lone surrogate (\\u{ord(match.group()):04x} at character {match.start()}), "
        "which is not text"
    )


def _is_iso_date(value: str) -> bool:
    """True for an ISO 8601 date or date-time (what dcterms:date is typed as in the graph)."""
    candidate = value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(candidate)
        except ValueError:
            continue
        return True
    return False


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    for kind, name in names.items():
        if isinstance(value, kind):
            return name
    if isinstance(value, (int, float)):
        return "a number"
    return "null" if value is None else type(value).__name__
