"""Page furniture: the lines a scraper leaves around an article that are not the article.

"RELATED: ...", "To comment on this article ...", image credits, a wire story's credit line
("(Reporting by ...; Editing by ...)"), "Related Post", share buttons and lone one-word
lines carry no statements and name nobody the article is about; extraction ignores every character
inside the spans returned here (they stay in the stored text so offsets remain true).
"""

from __future__ import annotations

import re

from kg.model import Span

_FURNITURE_LINE = re.compile(
    r"""^[ \t\u00a0]*(?:
        (?:RELATED|READ\ MORE|MORE|SEE\ ALSO|ALSO\ READ|WATCH|LISTEN)\s*:.*
      | Related\ Posts?\b.*
      | To\ comment\ on\ this\ (?:article|story)\b.*
      | (?:Image|Photo|Picture|Video|Graphic|Illustration)s?\ (?:by|via|courtesy|credit)\b.*
      | (?:Image|Photo|Picture)\ credit\s*:.*
      | (?:Featured\ )?(?:Photo|Image)\s*:.*
      | (?:Share|Tweet|Email|Print|Comments?|Advertisement|Subscribe|Sign\ up|Follow\ us)
        (?:\ (?:this|on|to|for)\b.*)?
      | (?:Click|Tap)\ here\b.*
      | Copyright\b.* | ©.* | All\ rights\ reserved.*
      | Posted\ (?:in|by|on)\b.{0,80}
      | Filed\ under\b.*
      | Tags?\s*:.*
      # a wire story's credit line: "(Reporting by ...; Editing by ...)"
      | \((?:Additional\ )?(?:[Rr]eporting|Writing|Editing|Compiled)\ by\b[^\n]{0,600}
      | (?:(?:Additional\ )?(?:[Rr]eporting|Writing|Editing)\ by\ [A-Z][^;.\n]*(?:;\ |$))+
    )[ \t\u00a0]*$""",
    re.VERBOSE | re.MULTILINE,
)

#: A line of at most two short tokens with no sentence punctuation ("X", "Menu", "Share").
_LONE_TOKEN_LINE = re.compile(
    r"^[ \t\u00a0]*[^\s.!?“”\"]{1,12}(?:[ \t][^\s.!?“”\"]{1,12})?[ \t\u00a0]*$", re.MULTILINE
)


def furniture_spans(text: str) -> list[Span]:
    """Return the spans of lines that are page furniture, in text order."""
    spans = [Span(m.start(), m.end()) for m in _FURNITURE_LINE.finditer(text)]
    for m in _LONE_TOKEN_LINE.finditer(text):
        if m.group().strip() and _is_isolated(text, m.start(), m.end()):
            spans.append(Span(m.start(), m.end()))
    return sorted(set(spans))


def _is_isolated(text: str, start: int, end: int) -> bool:
    """A short line counts as furniture only when blank lines (or the text edges) surround
    it, so a short line inside a paragraph (a poem, a list) is left alone."""
    before = text[:start]
    after = text[end:]
    return (
        not before.strip() or before.endswith("\n\n") or before.rstrip(" \t").endswith("\n\n")
    ) and (not after.strip() or after.startswith("\n\n") or after.lstrip(" \t").startswith("\n\n"))
