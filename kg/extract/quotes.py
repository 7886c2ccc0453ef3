"""Finding quotations in raw text.

Works on characters, not tokens, so quote boundaries are exact whatever the tokenizer does.
Handles curly and straight double quotes, and the news convention for a quotation that runs
over several paragraphs: each paragraph opens with a quote mark and only the last one closes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Span

OPENERS = {"“": "”", "«": "»", '"': '"', "„": "“"}
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n|\r\n[ \t\u00a0]*\r\n")


@dataclass(frozen=True)
class Quote:
    """One quotation: ``content`` excludes the quote marks; ``open_at``/``close_at`` are the
    positions of the marks (``close_at`` is None when the quote runs on past its paragraph)."""

    content: Span
    open_at: int
    close_at: int | None
    paragraph: int

    @property
    def outer(self) -> Span:
        """The quotation including its marks."""
        end = self.close_at + 1 if self.close_at is not None else self.content.end
        return Span(self.open_at, end)


def paragraphs(text: str) -> list[Span]:
    """Spans of the paragraphs of ``text`` (blank-line separated; single newlines too when
    the text uses one line per paragraph)."""
    breaks = list(_PARAGRAPH_BREAK.finditer(text))
    if not breaks and text.count("\n") > 2:
        breaks = list(re.finditer(r"\r?\n", text))
    spans: list[Span] = []
    start = 0
    for m in breaks:
        spans.append(Span(start, m.start()))
        start = m.end()
    spans.append(Span(start, len(text)))
    return [s for s in (_trim(text, s) for s in spans) if s.end > s.start]


def _trim(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def find_quotes(text: str) -> list[Quote]:
    """All double-quoted passages of ``text`` in reading order."""
    quotes: list[Quote] = []
    for index, para in enumerate(paragraphs(text)):
        quotes.extend(_quotes_in_paragraph(text, para, index))
    return quotes


def _quotes_in_paragraph(text: str, para: Span, index: int) -> list[Quote]:
    found: list[Quote] = []
    pos = para.start
    while pos < para.end:
        # jump to the next quotation mark: walking the article a character at a time in
        # Python cost more than the rest of quotation finding
        mark = _MARK.search(text, pos, para.end)
        if mark is None:
            break
        pos = mark.start()
        ch = text[pos]
        if text.startswith("''", pos) and _looks_like_opener(text, pos, para, width=2):
            # two apostrophes as a quote mark, as some wire and newspaper archives write it
            close = _straight_close(text, pos + 1, para, mark="''")
            content = _trim(text, Span(pos + 2, close if close != -1 else para.end))
            if content.end > content.start:
                found.append(Quote(content, pos, close + 1 if close != -1 else None, index))
            if close == -1:
                break
            pos = close + 2
            continue
        if ch in OPENERS and _looks_like_opener(text, pos, para):
            close = _close(text, pos, para)
            content = _trim(text, Span(pos + 1, close if close != -1 else para.end))
            if content.end > content.start:
                found.append(Quote(content, pos, close if close != -1 else None, index))
            if close == -1:
                break
            pos = close + 1
            continue
        pos += 1
    return found


_MARK = re.compile("''|[" + re.escape("".join(OPENERS)) + "]")


def _looks_like_opener(text: str, pos: int, para: Span, width: int = 1) -> bool:
    """A straight quote opens only at a word start (after space, bracket or dash)."""
    if text[pos] not in "\"'":
        return True
    prev = text[pos - 1] if pos > para.start else " "
    nxt = text[pos + width] if pos + width < para.end else " "
    return (prev.isspace() or prev in "([—–-:") and not nxt.isspace()


def _close(text: str, pos: int, para: Span) -> int:
    """Where the quotation opened at ``pos`` closes. Scraped text often mixes styles
    ("...”, or “...\"), so a double quote closes with either its own mark or the other
    style's, whichever comes first."""
    ch = text[pos]
    own = (
        _straight_close(text, pos, para) if ch == '"' else text.find(OPENERS[ch], pos + 1, para.end)
    )
    if ch == '"':
        other = text.find("”", pos + 1, para.end)
    elif ch == "“":
        other = _straight_close(text, pos, para)
    else:
        return own
    found = [i for i in (own, other) if i != -1]
    return min(found) if found else -1


def _straight_close(text: str, pos: int, para: Span, mark: str = '"') -> int:
    """The straight quote that closes the one at ``pos``: the next one at a word end."""
    i = pos + 1
    while True:
        i = text.find(mark, i, para.end)
        if i == -1:
            return -1
        after = i + len(mark)
        nxt = text[after] if after < para.end else " "
        if nxt.isspace() or nxt in ".,;:!?)—–-'’":
            return i
        i += 1
