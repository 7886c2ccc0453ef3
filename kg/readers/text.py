"""Plain-text and Markdown articles (``.txt``, ``.md``, stdin).

The text is the decoded file content and nothing else: no stripping, no newline
normalisation, so every character offset the pipeline reports is an offset into the file the
user can open. The title is *found* in that text (with its span) rather than cut out of it.

Articles saved from web pages usually start with page furniture (a close button "X", "Menu",
"Advertisement", share links, a dateline) before the headline; the tables below name that
furniture as data so new cases are one word added, not another branch.
"""

from __future__ import annotations

import re

from kg.model import Article

from .files import ReadError, decode_utf8

#: A first real line longer than this is body prose, not a headline: the article then has no
#: headline of its own and gets no title rather than its first paragraph as one.
MAX_TITLE_CHARS = 300

#: Lines that are page furniture when they stand alone (compared case-insensitively, with
#: surrounding punctuation removed). Section labels are here too: "Politics" above a
#: headline names the section, not the article.
FURNITURE_LINES = frozenset(
    line.strip()
    for line in """
x
close
menu
open menu
close menu
main menu
toggle navigation
navigation
search
home
back
back to top
skip to content
skip to main content
skip navigation
advertisement
advertising
ad
ads
sponsored
sponsored content
promoted
share
share this
share this article
share this story
share on facebook
share on twitter
share on x
share via email
tweet
email
print
print this article
copy link
save
sign in
sign up
log in
login
logout
subscribe
subscribe now
register
newsletter
follow
follow us
listen
listen to this article
play audio
comments
view comments
loading
more
read more
see more
related
related articles
related stories
top stories
most read
most popular
trending
breaking
breaking news
live
latest
updated
accept cookies
cookie settings
manage cookies
news
world
politics
business
opinion
analysis
sport
sports
technology
tech
science
health
culture
arts
entertainment
lifestyle
travel
europe
us
uk
""".splitlines()
    if line.strip()
)

#: Words that make up a dateline or timestamp line ("Updated March 5, 2024 09:30 GMT").
_DATE_WORDS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?|am|pm|gmt|utc|bst|cet|cest|[ecmp][sd]t"
    r"|updated|published|posted|last|on|at"
)
_DATE_LINE = re.compile(rf"^(?:[\W_\d]|\b(?:{_DATE_WORDS})\b)+$", re.IGNORECASE)
_URL_LINE = re.compile(r"^\S+://\S+$")
_LINE = re.compile(r"[^\r\n]+")
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_MD_CLOSING = re.compile(r"[ \t]+#+[ \t]*$")


def read_text(data: bytes, source: str, *, markdown: bool = False) -> Article:
    """One article from the bytes of a ``.txt``/``.md`` file (or stdin)."""
    text = decode_utf8(data, source)
    if not text.strip():
        raise ReadError(source, "empty file")
    span = find_title(text, markdown=markdown)
    title = text[span[0] : span[1]] if span else None
    if span and not has_body_after(text, span[1]):
        # the headline is all there is (a one-line file, a sentence piped on stdin): it is
        # the body too, so it keeps its title but is parsed as body prose, not as a headline
        # (whose rules would find no statement in it)
        span = None
    return Article(text=text, source_file=source, title=title, title_span=span)


def has_body_after(text: str, end: int) -> bool:
    """True when a line after the one that holds offset ``end`` is neither blank nor page
    furniture: some body follows the headline."""
    next_line = text.find("\n", end)
    if next_line < 0:
        return False
    return any(
        match.group().strip() and not is_furniture(match.group())
        for match in _LINE.finditer(text, next_line)
    )


def find_title(text: str, *, markdown: bool = False) -> tuple[int, int] | None:
    """The ``(start, end)`` offsets of the headline in ``text``, or None.

    The headline is the first line that is not blank and not page furniture, provided it is
    short enough to be a headline. The span covers the headline's words only: leading and
    trailing whitespace (and, in Markdown, the ``#`` marks) stay outside it, quote marks
    around a headline stay inside.
    """
    for match in _LINE.finditer(text):
        start, end = match.span()
        line = match.group()
        if markdown:
            heading = _MD_HEADING.match(line)
            if heading:
                start += heading.end()
                closing = _MD_CLOSING.search(line, heading.end())
                if closing:
                    end = match.start() + closing.start()
        # trim whitespace (including no-break spaces) from both ends
        words = text[start:end]
        start += len(words) - len(words.lstrip())
        end -= len(words) - len(words.rstrip())
        candidate = text[start:end]
        if not candidate or is_furniture(candidate):
            continue
        if len(candidate) > MAX_TITLE_CHARS or is_paragraph(candidate):
            return None
        return (start, end)
    return None


#: A headline that ends with a full stop is short ("Sen. Osei to back the port deal."); a
#: first line longer than this that ends with one is a lede.
MAX_TITLE_SENTENCE_CHARS = 160

#: A full stop, ! or ? with closing quotes after it, then space, opening quotes and a capital
#: letter: where one sentence may end and the next begin (see :func:`_sentence_breaks`).
_BREAK = re.compile(r"(\S*?)([.!?])[\"”’')]*\s+[\"“‘'(]*(?=[^\W\d_])")


def _sentence_breaks(line: str) -> int:
    """How many sentences after the first ``line`` holds: a break is a word ending with ! or
    ?, or with a full stop after a lower-case word, a number or a capitalised word of five
    letters or more (so not "St. Paul", "Gov. Abbott", "U.S. Senate"), before a capital."""
    count = 0
    for m in _BREAK.finditer(line):
        word, mark = m.group(1).strip("\"“‘'("), m.group(2)
        if line[m.end()].isupper() and _ends_sentence(word, mark):
            count += 1
    return count


def _ends_sentence(word: str, mark: str) -> bool:
    """Whether ``word`` followed by ``mark`` ends a sentence rather than an abbreviation."""
    if mark in "!?" or word.islower() or word[-1:].isdigit() or word.endswith("%"):
        return True
    return word.isalpha() and word[:1].isupper() and word[1:].islower() and len(word) >= 5


def is_paragraph(line: str) -> bool:
    """True for a first line that is a paragraph of body prose rather than a headline: three
    sentences or more, or a long one that ends with a full stop. A text piped without its
    headline starts with its lede, whose statements must be read as body prose (a headline's
    rules find none in a lede). Headlines of two short sentences stay headlines ("The count
    is in. Now the fight begins.")."""
    if _sentence_breaks(line) >= 2:
        return True
    ending = line.rstrip("\"”’')")
    return ending.endswith(".") and len(line) > MAX_TITLE_SENTENCE_CHARS


def is_furniture(line: str) -> bool:
    """True for a line that belongs to the page around the article, not to the article."""
    stripped = line.strip()
    letters = sum(ch.isalpha() for ch in stripped)
    if letters < 2:  # "X", "×", "|", "----", "***", "1/3"
        return True
    if _URL_LINE.match(stripped) or _DATE_LINE.match(stripped):
        return True
    key = re.sub(r"[\W_]+", " ", stripped.casefold()).strip()
    return key in FURNITURE_LINES
