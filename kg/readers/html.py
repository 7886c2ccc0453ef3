"""Saved web pages (``.html``, ``.htm``).

Boilerplate removal (navigation, asides, footers, scripts, comment sections) and metadata
(title, author, date, site name) come from trafilatura, which is built and evaluated for
exactly this; nothing here second-guesses it. This module only decides the charset, turns
trafilatura's extracted tree into text with one blank line between paragraphs (so paragraph
boundaries survive for the NLP stage) and prefers the canonical link as the article URL.
Nothing is fetched: the page is parsed from the bytes on disk.
"""

from __future__ import annotations

import codecs
import copy
import re
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from kg.model import Article

from .files import ReadError, decode_utf8

if TYPE_CHECKING:
    from lxml import etree

#: A charset declared in the first bytes of the page: ``<meta charset="...">``,
#: ``<meta http-equiv="Content-Type" content="text/html; charset=...">`` or an XML declaration.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_CANONICAL = "//link[contains(concat(' ', normalize-space(translate(@rel, 'CANOISL', 'canoisl')), ' '), ' canonical ')]/@href"  # noqa: E501


def read_html(data: bytes, source: str) -> Article:
    """One article from the bytes of a saved web page."""
    import trafilatura  # imported here: it takes a noticeable part of a second to load

    markup = _decode(data, source)
    try:
        tree = trafilatura.load_html(markup)
        canonical = _canonical_url(tree) if tree is not None else None
        doc = (
            trafilatura.bare_extraction(
                copy.deepcopy(tree),  # trafilatura prunes the tree it is given
                with_metadata=True,
                favor_precision=True,  # stray navigation text would become spurious entities
                include_comments=False,  # readers' comments are not the article
                include_tables=True,
                include_links=False,
                include_images=False,
                deduplicate=False,
            )
            if tree is not None
            else None
        )
    except Exception as exc:  # a parser bug on one odd page must not stop the other files
        raise ReadError(source, f"cannot parse HTML ({type(exc).__name__}: {exc})") from None
    if tree is None:
        raise ReadError(source, "not an HTML page (cannot parse it)")
    text = _paragraphs(doc.body) if doc is not None else ""
    if not text.strip():
        raise ReadError(source, "no article text found")
    title = _clean(doc.title)
    url = _absolute(canonical, _clean(doc.url)) or _clean(doc.url)
    return Article(
        text=text,
        source_file=source,
        title=title,
        url=url,
        date=_clean(doc.date),
        author=_clean(doc.author),
        publisher=_publisher(_clean(doc.sitename), url),
        title_span=leading_title_span(text, title),
    )


def _decode(data: bytes, source: str) -> str:
    """The page as text: its declared charset if it has one, otherwise strict UTF-8.

    A declared charset is the page's own statement, not a guess; a page without one that is
    not UTF-8 fails clearly rather than being decoded by statistical guessing.
    """
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared:
        name = (declared.group(1) or declared.group(2)).decode("ascii")
        try:
            codec = codecs.lookup(name)
        except LookupError:
            codec = None
        if codec is not None and codec.name != "utf-8":
            try:
                return data.decode(codec.name)
            except UnicodeDecodeError as exc:
                raise ReadError(
                    source,
                    f"not {name} text as the page declares "
                    f"(invalid byte 0x{exc.object[exc.start]:02x} at position {exc.start})",
                ) from None
    return decode_utf8(data, source)


def _paragraphs(body: etree._Element | None) -> str:
    """The extracted text with paragraphs (and headings, lists, quotes) separated by a blank
    line; line breaks inside a paragraph stay single newlines."""
    from trafilatura.xml import xmltotxt

    if body is None:
        return ""
    blocks: list[str] = []
    if body.text and body.text.strip():
        blocks.append(body.text.strip())
    for child in body:
        tail = child.tail
        block = copy.deepcopy(child)
        block.tail = None  # text after the block belongs to no block; kept separately below
        rendered = xmltotxt(block, include_formatting=False).strip()
        if rendered:
            blocks.append(rendered)
        if tail and tail.strip():
            blocks.append(tail.strip())
    return "\n\n".join(blocks)


def leading_title_span(text: str, title: str | None) -> tuple[int, int] | None:
    """The title's span when the text opens with it (as a headline paragraph), else None."""
    if not title:
        return None
    first = text.lstrip()
    start = len(text) - len(first)
    line_end = len(first.split("\n", 1)[0].rstrip())
    if first[:line_end] == title:
        return (start, start + line_end)
    return None


def _canonical_url(tree: etree._Element) -> str | None:
    for href in tree.xpath(_CANONICAL):
        href = str(href).strip()
        if href:
            return href
    return None


def _absolute(href: str | None, base: str | None) -> str | None:
    """The canonical href if it is (or can be made) an absolute http(s) URL."""
    if not href:
        return None
    if urlsplit(href).scheme in ("http", "https"):
        return href
    if base and urlsplit(base).scheme in ("http", "https"):
        return urljoin(base, href)
    return None


def _publisher(sitename: str | None, url: str | None) -> str | None:
    """The site name, unless it is only the URL's host name.

    trafilatura falls back to the host name when a page names no site; a host name is not
    the name of a news organization, and as a publisher it would become a bogus entity.
    """
    if not sitename:
        return None
    host = (urlsplit(url).hostname or "") if url else ""
    bare = sitename.casefold().removeprefix("www.")
    if host and bare in (host.casefold(), host.casefold().removeprefix("www.")):
        return None
    if " " not in sitename and re.fullmatch(r"[\w-]+(\.[\w-]+)+", sitename):
        return None
    return sitename


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None
