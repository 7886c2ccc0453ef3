"""Datelines: the words before a wire story's first sentence that say where (and often
when, and through which agency) it was filed.

    NAIROBI — ...
    LA SERENA, Chile — ...
    MAPUTO, May 3 - ...
    AMSTERDAM (Reuters) - ...
    SEOUL, Jan. 7 (Yonhap) -- ...
    GENEVA, Switzerland, Oct. 4, 2025 /PRNewswire/ -- ...
    Kyiv, Ukraine (AP) — ...

One reading, used by the sentence splitter (a dateline is a sentence of its own, or it
becomes the subject of the sentence it opens), by entity typing (the place in capitals is
a place, not an organisation) and by the article-country vote. The place is in capitals,
or in title case when an agency in brackets or slashes follows (a title-case word and a
dash alone opens vox-pop lines too: "Ana ― “We are afraid”"); then an optional region, an
optional date, an optional agency and a dash, and the story starts with a capital or a
quotation mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CAPS_PLACE = r"[^\W\d_a-z][^\Wa-z]*(?:[ .'-]+[^\W\d_a-z][^\Wa-z]*)*"
_TITLE_PLACE = r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}"
_REGION = r",[^\S\n]*(?P<region>[A-Z][\w.]*(?: [A-Z][\w.]*)?)"
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"  # Jan, Jan., January
_DATE = rf",[^\S\n]*{_MONTHS}[^\S\n]+\d{{1,2}}(?:,[^\S\n]*\d{{4}})?"
_AGENCY = r"(?:\([^)\n]{1,20}\)|/[^/\n]{1,20}/)"
_DASH = r"(?:—|–|―|--|(?<=\s)-)"
_STORY = r"[^\S\n]*(?=[\"“‘'«]|[^\W\d_a-z])"
_TAIL = rf"(?:{_REGION})?(?:{_DATE})?[^\S\n]*"

_DATELINE = re.compile(
    rf"[^\S\n]*(?:(?P<caps>{_CAPS_PLACE}){_TAIL}(?:{_AGENCY}[^\S\n]*)?"
    rf"|(?P<titled>{_TITLE_PLACE}){_TAIL.replace('region', 'region2')}{_AGENCY}[^\S\n]*)"
    rf"{_DASH}{_STORY}"
)
#: the same, where the caller knows the place is one ("Lima — ..." with Lima a place)
_ANY_CASE = re.compile(
    rf"[^\S\n]*(?P<caps>{_CAPS_PLACE}|{_TITLE_PLACE}){_TAIL}(?:{_AGENCY}[^\S\n]*)?{_DASH}{_STORY}"
)


@dataclass(frozen=True)
class Dateline:
    """Where a dateline's parts are, as character offsets in the text."""

    place: tuple[int, int]
    region: tuple[int, int] | None
    #: where the story's first sentence begins
    end: int

    def names(self, start: int, end: int) -> bool:
        """Whether the span ``start``-``end`` is the dateline's place or its region."""
        return (start, end) in (self.place, self.region)


def dateline_at(text: str, line_start: int, *, any_case: bool = False) -> Dateline | None:
    """The dateline opening the line that starts at ``line_start``, if it opens with one.
    With ``any_case``, a title-case place needs no agency after it (for a caller that
    knows the word is a place)."""
    m = (_ANY_CASE if any_case else _DATELINE).match(text, line_start)
    if m is None:
        return None
    group = "caps" if m.group("caps") is not None else "titled"
    region = "region" if m.groupdict().get("region") is not None else "region2"
    return Dateline(
        place=m.span(group),
        region=m.span(region) if m.groupdict().get(region) is not None else None,
        end=m.end(),
    )


def datelines(text: str, within: int = 2000) -> list[Dateline]:
    """The datelines opening lines in the first ``within`` characters."""
    out = []
    start = 0
    while start < min(len(text), within):
        found = dateline_at(text, start)
        if found is not None:
            out.append(found)
        nl = text.find("\n", start)
        if nl < 0:
            break
        start = nl + 1
    return out
