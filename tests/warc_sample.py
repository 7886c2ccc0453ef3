"""A small web crawl for the tests and examples/warc: the Portugal fuel-duty page of
examples/articles and two pages written for it, among records a crawler also writes
(warcinfo, requests, an image, a redirect, a section front without article text).

Run as a script to write examples/warc/crawl.warc.gz again:
``python -m tests.warc_sample examples/warc/crawl.warc.gz``.
"""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FUEL = ROOT / "examples" / "articles" / "07-portugal-fuel-duty.html"

HARBOUR = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour board approves night dredging | Coastline Courier</title>
<meta property="og:site_name" content="Coastline Courier">
<meta name="author" content="Tamsin Hale">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article>
<h1>Harbour board approves night dredging</h1>
<p>The harbour board approved night dredging on Monday after a two-hour meeting that ran
late into the evening.</p>
<p>“We cannot wait another season for the channel to be deepened,” said board chair Imelda
Rourke. Rourke said the work would start in May and last eleven weeks.</p>
<p>Residents of the quay district objected to the noise. “Nobody asked us,” said Owen
Pryce, who chairs the quay residents' association.</p>
<p>The port authority said in a statement that the dredgers would keep to the limits set
by the environmental permit.</p>
</article>
<footer>© Coastline Courier</footer>
</body></html>
"""

LIBRARY = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Library hours cut as council trims budget</title>
<meta property="article:published_time" content="2024-02-12">
</head><body>
<article>
<h1>Library hours cut as council trims budget</h1>
<p>The city council voted on Tuesday to cut opening hours at four branch libraries to save
money in next year's budget.</p>
<p>“These are the hardest choices we have had to make,” said council leader Marguerite
Oduya. She said the cuts would save about 400,000 pounds a year.</p>
<p>The librarians' union denied that the branches were underused, saying visitor numbers
had risen by a tenth since 2021.</p>
</article>
</body></html>
"""

FRONT = """<!doctype html><html><head><title>Local news</title></head><body>
<script>window.location = "/local/1";</script><img src="/logo.png" alt=""></body></html>
"""

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def records(writer) -> None:
    """Write the crawl's records with a warcio writer, in crawl order."""
    from warcio.statusandheaders import StatusAndHeaders

    def response(uri: str, body: bytes, ctype: str, date: str, status: str = "200 OK"):
        http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
        writer.write_record(rec)

    def request(uri: str) -> None:
        http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(uri, "request", http_headers=http))

    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "tests"}))
    request("https://news.example.org/portugal-fuel-duty")
    response(
        "https://news.example.org/portugal-fuel-duty",
        FUEL.read_bytes(),
        "text/html; charset=utf-8",
        "2024-03-05T10:00:00Z",
    )
    response("https://news.example.org/logo.png", PNG, "image/png", "2024-03-05T10:00:01Z")
    response(
        "https://courier.example.org/harbour-dredging",
        HARBOUR.encode("utf-8"),
        "text/html",
        "2024-03-06T08:30:00Z",
    )
    response(
        "https://courier.example.org/old", b"", "text/html", "2024-03-06T08:31:00Z", "301 Moved"
    )
    response(
        "https://courier.example.org/local", FRONT.encode(), "text/html", "2024-03-06T08:32:00Z"
    )
    response(
        "https://gazette.example.org/library-hours",
        LIBRARY.encode("utf-8"),
        "text/html; charset=utf-8",
        "2024-03-07T12:00:00Z",
    )


def write_sample(path: Path, *, corrupt: bool = False) -> Path:
    """The sample crawl at ``path`` (``.warc.gz``: one gzip member a record, as crawlers
    write; ``.warc``: plain). With ``corrupt``, a broken record stands between the harbour
    page and the next one."""
    from warcio.warcwriter import WARCWriter

    gz = path.name.endswith(".gz")
    buf = io.BytesIO()
    records(WARCWriter(buf, gzip=gz))
    data = buf.getvalue()
    if corrupt:
        marker = b"WARC-Target-URI: https://courier.example.org/old"
        if gz:
            # a gzip member whose deflate stream is garbage, just before the redirect record
            members = _members(data)
            i = next(i for i, m in enumerate(members) if marker in gzip.decompress(m))
            bad = members[i][:10] + b"\xff" * 40 + members[i][-8:]
            data = b"".join(members[:i] + [bad] + members[i:])
        else:
            at = data.index(marker)
            at = data.rindex(b"WARC/1", 0, at)
            data = data[:at] + b"WARC/0.9 garbled header\r\n\r\n" + data[at:]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _members(data: bytes) -> list[bytes]:
    """The gzip members of a .warc.gz, each a record."""
    import zlib

    out, pos = [], 0
    while pos < len(data):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        d.decompress(data[pos:])
        end = len(data) - len(d.unused_data)
        out.append(data[pos:end])
        pos = end
    return out


if __name__ == "__main__":
    write_sample(Path(sys.argv[1]))
