"""Text from articles, made safe to print on a terminal.

Article text is untrusted: an ESC or C1 control in a quote can clear the screen, move the
cursor over earlier output, retitle the window or write the clipboard (OSC 52) when a
command prints it raw, and a bidi override (U+202E) makes a line read differently from what
it holds. Every output point that prints article-derived text passes it through
:func:`escape`, which shows such characters as visible escapes; the stored text is never
changed.
"""

from __future__ import annotations

import re

#: C0 controls except tab and newline, DEL, C1 controls, and the bidi embedding, override,
#: isolate and mark characters.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def escape(text: str, *, syntax: bool = False) -> str:
    """``text`` with every unsafe character shown as an escape: ``\\x1b`` for the first 256
    code points and ``\\u202e`` beyond them.

    With ``syntax``, every escape is ``\\u`` plus four hex digits, which JSON and Turtle
    both read back as the same character: use it on serialised JSON or Turtle, whose
    controls can only stand inside string literals, so the output stays valid and means
    the same text.
    """

    def visible(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x100 and not syntax:
            return f"\\x{code:02x}"
        return f"\\u{code:04x}"

    return _UNSAFE.sub(visible, text)
