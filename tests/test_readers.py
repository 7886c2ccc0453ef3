"""Tests for kg.readers: what a user gets from each kind of input file, good and bad."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kg.model import Article, ReadProblem
from kg.readers import ReadError, expand_paths, files, read_file, read_paths

SHARED = Path(__file__).parents[2] / "shared"
SEED = SHARED / "seed" / "lavrov-no-surnames.txt"
SEED_TITLE = (
    "‘No Surnames’: Top Russian Diplomat Sergei Lavrov Denies Verified Report of Torture "
    "of Gay Men in Chechnya"
)

BODY = (
    "The foreign minister on Tuesday denied a detailed report by a human rights group, "
    "saying there was not a single concrete fact in it.\n"
)


def read_all(*paths: str | Path, stdin: io.TextIOBase | None = None) -> list:
    return list(read_paths([str(p) for p in paths], stdin=stdin))  # type: ignore[arg-type]


def articles(results: list) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def problems(results: list) -> list[ReadProblem]:
    return [r for r in results if isinstance(r, ReadProblem)]


def only_problem(results: list) -> ReadProblem:
    assert len(results) == 1 and isinstance(results[0], ReadProblem), results
    return results[0]


def title_slice(article: Article) -> str:
    assert article.title_span is not None
    start, end = article.title_span
    return article.text[start:end]


# --- plain text and Markdown -------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason=f"seed article not present at {SEED}")
def test_seed_article_title_skips_the_close_button_line() -> None:
    [article] = read_file(SEED)
    assert article.title == SEED_TITLE
    assert title_slice(article) == SEED_TITLE
    assert article.text == SEED.read_bytes().decode("utf-8-sig")


def test_title_skips_page_furniture(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(
        "\n  X  \nMenu\nAdvertisement\n\nShare\n* * *\n———\nMarch 5, 2024\n\n"
        "Minister Denies Report of Abuses\n\n" + BODY,
        encoding="utf-8",
    )
    [article] = read_file(path)
    assert article.title == "Minister Denies Report of Abuses"
    assert title_slice(article) == article.title


def test_quoted_headline_keeps_its_quote_marks(tmp_path: Path) -> None:
    path = tmp_path / "quoted.txt"
    path.write_text('X\n\n  "Not a Single Fact," Minister Says  \n\n' + BODY, encoding="utf-8")
    [article] = read_file(path)
    assert article.title == '"Not a Single Fact," Minister Says'
    assert title_slice(article) == article.title


def test_text_is_the_file_content_exactly_with_crlf_and_bom(tmp_path: Path) -> None:
    content = "Headline With \u00e9\r\n\r\nFirst paragraph.\r\n\r\nSecond\ttab  spaces \r\n\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + content.encode("utf-8"))
    [article] = read_file(path)
    assert article.text == content  # BOM gone, nothing else touched
    assert "\r\n" in article.text
    assert article.title_span == (0, len("Headline With \u00e9"))
    offset = content.index("Second")
    assert article.text[offset : offset + 6] == "Second"


def test_markdown_title_drops_hash_marks_but_text_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("<!-- -->\n\n##  Minister Denies Report ##\n\n" + BODY, encoding="utf-8")
    [article] = read_file(path)
    assert article.title == "Minister Denies Report"
    assert title_slice(article) == "Minister Denies Report"
    assert "##  Minister Denies Report ##" in article.text


def test_hash_is_kept_in_a_txt_title(tmp_path: Path) -> None:
    path = tmp_path / "hash.txt"
    path.write_text("# 1 Story of the Day\n\n" + BODY, encoding="utf-8")
    assert read_file(path)[0].title == "# 1 Story of the Day"


def test_body_prose_first_gives_no_title(tmp_path: Path) -> None:
    path = tmp_path / "untitled.txt"
    path.write_text((BODY.strip() + " ") * 3 + "\n\nMore.\n", encoding="utf-8")
    [article] = read_file(path)
    assert article.title is None and article.title_span is None


LEDE = (
    "The port authority raised its fees by 8% on Monday. Shipping lines said the rise "
    "would be passed on to importers. The authority's director, Ama Boateng, said costs "
    "had doubled since 2022."
)


@pytest.mark.parametrize(
    "first_line",
    [
        LEDE,  # three sentences, under the length a headline may have
        "Customs officers at the northern border seized 40 kilograms of undeclared gold "
        "from a lorry on Tuesday, the revenue service said in a statement issued late on "
        "Wednesday night.",  # one long sentence ending with a full stop
    ],
)
def test_a_lede_first_is_body_prose_not_a_title(tmp_path: Path, first_line: str) -> None:
    path = tmp_path / "lede.txt"
    path.write_text(first_line + "\n\nThe fees take effect in June.\n", encoding="utf-8")
    [article] = read_file(path)
    assert article.title is None and article.title_span is None


def test_the_statements_of_a_lede_first_are_found() -> None:
    """Text piped without its headline: the lede's statements are the reader's, with offsets
    into the text (they were lost when the lede was taken for a headline)."""
    import kg

    text = LEDE + "\n\nThe fees take effect in June.\n"
    ex = kg.extract_text(text)
    by_text = {s.text: s for s in ex.statements}
    want = "costs had doubled since 2022"
    assert want in by_text, [s.text for s in ex.statements]
    assert ex.entity(by_text[want].speaker).name == "Ama Boateng"
    assert [text[sp.start : sp.end] for sp in by_text[want].content] == [want]


@pytest.mark.parametrize(
    "headline",
    [
        "The count is in. Now the fight begins.",
        "St. Paul council votes to condemn the ban.",
        "Gov. Okafor hears the warning, answers in four words.",
        "Oops! The speech did not go as planned.",
    ],
)
def test_short_headlines_with_full_stops_stay_titles(tmp_path: Path, headline: str) -> None:
    path = tmp_path / "headline.txt"
    path.write_text(headline + "\n\n" + BODY, encoding="utf-8")
    [article] = read_file(path)
    assert article.title == headline


# --- HTML ----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Minister Denies Report of Abuses | The Daily Ledger</title>
<link rel="canonical" href="https://ledger.example.com/2024/03/05/minister-denies-report">
<meta property="og:site_name" content="The Daily Ledger">
<meta property="og:title" content="Minister Denies Report of Abuses">
<meta property="og:url" content="https://ledger.example.com/minister?utm_source=og">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<script>var tracker = "TRACKER_HEAD_SCRIPT";</script>
<style>.x { color: red } /* STYLE_TEXT */</style>
</head>
<body>
<header>
  <a class="logo" href="/">The Daily Ledger</a>
  <nav><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World NAVLINK</a></li>
    <li><a href="/politics">Politics NAVLINK</a></li><li><a href="/login">Sign in</a></li>
  </ul></nav>
</header>
<main>
<article>
  <h1>Minister Denies Report of Abuses</h1>
  <p>The foreign minister on Tuesday denied a detailed report by a human rights group that
  described the detention of dozens of men, saying there was "not a single concrete fact" in
  it.</p>
  <p>Human Rights Watch published the report last week after interviewing former detainees,
  their relatives and lawyers in the region over several months.</p>
  <p>The ministry did not respond to a request for further comment, and a spokesman said the
  matter was closed as far as the government was concerned.</p>
</article>
<aside><h2>Most read</h2><ul><li><a href="/x">ASIDE_PROMO celebrity wedding</a></li>
<li><a href="/y">ASIDE_PROMO recipe of the week</a></li></ul></aside>
</main>
<footer><p>FOOTER_TEXT Copyright 2024 The Daily Ledger. All rights reserved.</p>
<ul><li><a href="/privacy">Privacy FOOTER_LINK</a></li></ul></footer>
<script>console.log("SCRIPT_BODY_TEXT")</script>
</body>
</html>
"""


def test_html_main_text_without_boilerplate_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [article] = read_file(path)
    paragraphs = article.text.split("\n\n")
    assert any(p.startswith("The foreign minister on Tuesday denied") for p in paragraphs)
    assert any(p.startswith("Human Rights Watch published") for p in paragraphs)
    assert any(p.startswith("The ministry did not respond") for p in paragraphs)
    for junk in ("NAVLINK", "ASIDE_PROMO", "FOOTER", "SCRIPT", "STYLE_TEXT", "Sign in", "<"):
        assert junk not in article.text
    assert article.title == "Minister Denies Report of Abuses"
    # the canonical link wins over og:url, which carries tracking parameters
    assert article.url == "https://ledger.example.com/2024/03/05/minister-denies-report"
    assert article.date is not None and article.date.startswith("2024-03-05")
    assert article.author == "Jane Doe"
    assert article.publisher == "The Daily Ledger"
    assert article.source_file == str(path)
    # the page's headline opens the text, marked as the title
    assert article.title_span == (0, len(article.title))


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">').replace(
        "foreign minister", "foreign minister Andr\u00e9"
    )
    path = tmp_path / "latin1.htm"
    path.write_bytes(page.encode("iso-8859-1"))
    [article] = read_file(path)
    assert "foreign minister Andr\u00e9 on Tuesday" in article.text


def test_html_without_article_text_fails(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><title>T</title><script>var a = 1;</script></head><body></body></html>",
        encoding="utf-8",
    )
    problem = only_problem(read_all(path))
    assert problem.kind == "failed"
    assert problem.message == f"{path}: no article text found"


# --- JSON and JSON Lines -------------------------------------------------------------------


def test_json_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    record = {
        "text": "Lavrov denied it.\nHe said so on Tuesday.",
        "title": "Lavrov Denies",
        "url": "https://news.example.org/a",
        "date": "2024-03-05T09:30:00Z",
        "publisher": {"@type": "Organization", "name": "Example News"},
        "author": ["Jane Doe", "John Roe"],
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    [article] = read_file(path)
    assert article.text == record["text"]
    assert article.source_file == str(path)
    assert (article.title, article.url, article.date) == (
        "Lavrov Denies",
        "https://news.example.org/a",
        "2024-03-05T09:30:00Z",
    )
    assert article.publisher == "Example News"
    assert article.author == "Jane Doe; John Roe"


def test_json_list_with_a_bad_item_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "wire.json"
    items = [{"text": "First story."}, {"title": "no text here"}, {"text": "Third story."}]
    path.write_text(json.dumps(items, indent=2), encoding="utf-8")
    results = read_all(path)
    assert [a.text for a in articles(results)] == ["First story.", "Third story."]
    assert [a.source_file for a in articles(results)] == [f"{path}#1", f"{path}#3"]
    [problem] = problems(results)
    assert problem.path == str(path)
    assert problem.message == f'{path}#2: "text" is missing'


def test_jsonl_with_a_broken_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"text": "First story.", "title": "One"}\n'
        '{"text": "oops", \n'
        "\n"
        '{"text": "Second story."}\n',
        encoding="utf-8",
    )
    results = read_all(path)
    assert [a.text for a in articles(results)] == ["First story.", "Second story."]
    assert [a.source_file for a in articles(results)] == [f"{path}#1", f"{path}#4"]
    problem = problems(results)
    assert len(problem) == 1
    assert problem[0].message.startswith(f"{path}:2: invalid JSON (")
    assert "\n" not in problem[0].message
    assert results.index(problem[0]) == 1  # reported where it stands in the file


def test_jsonl_record_problems(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"text": "Good."}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "   "}),
        json.dumps({"text": "Dated.", "date": "March 5, 2024"}),
        json.dumps({"text": "Numbered.", "title": 42}),
    ]
    path.write_bytes("\n".join(lines).encode() + b"\n" + b'{"text": "caf\xe9"}\n')
    results = read_all(path)
    assert [a.text for a in articles(results)] == ["Good."]
    messages = [p.message for p in problems(results)]
    assert messages == [
        f"{path}:2: expected a JSON object, got a list",
        f'{path}:3: "text" is empty',
        f"{path}:4: \"date\" is not an ISO 8601 date ('March 5, 2024')",
        f'{path}:5: "title" must be a string, not a number',
        f"{path}:6: not UTF-8 text (invalid byte 0xe9 at position 13)",
    ]


def test_invalid_json_file_fails_whole(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"text": "a"},\n  {"text": }\n]', encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        read_file(path)
    assert str(caught.value).startswith(f"{path}:3: invalid JSON (Expecting value")


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"\xef\xbb\xbf \r\n\t\n", "empty file"),
        ("blank.jsonl", b"\n\n", "empty file"),
        ("nul.txt", b"Headline\x00\x00\x01binary", "binary file, not text"),
        ("image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file, not text"),
        ("latin1.txt", "Caf\u00e9 society\n".encode("latin-1"), None),
        ("utf16.txt", "Headline\n".encode("utf-16"), None),
    ],
)
def test_bad_files_fail_with_one_line(
    tmp_path: Path, name: str, content: bytes, message: str | None
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    problem = only_problem(read_all(path))
    assert problem.kind == "failed"
    assert problem.path == str(path)
    assert "\n" not in problem.message and "Traceback" not in problem.message
    if message is not None:
        assert problem.message == f"{path}: {message}"
    elif name == "latin1.txt":
        assert problem.message == f"{path}: not UTF-8 text (invalid byte 0xe9 at position 3)"
    else:
        assert problem.message.startswith(f"{path}: not UTF-8 text (UTF-16")


def test_too_large_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("Headline\n\n" + "word " * 100, encoding="utf-8")
    problem = only_problem(read_all(path))
    assert problem.message == f"{path}: file too large (510 bytes > 100 bytes)"
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 20_000_000)
    assert files._human(25_500_000) == "25.5 MB" and files._human(20_000_000) == "20 MB"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Headline\n\nBody.\n", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    problem = only_problem(read_all(path))
    assert problem.message == f"{path}: cannot read: Permission denied"


def test_unsupported_files_are_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "ok.txt").write_text("Headline\n\nBody.\n", encoding="utf-8")
    walked = read_all(folder)
    [problem] = problems(walked)
    assert problem.kind == "skipped"
    assert problem.message == f"{folder / 'scan.pdf'}: unsupported file type .pdf"
    assert len(articles(walked)) == 1

    named = only_problem(read_all(folder / "scan.pdf"))
    assert named.kind == "skipped"
    assert named.message.startswith(f"{folder / 'scan.pdf'}: unsupported file type .pdf; ")
    assert ".jsonl" in named.message  # the note names what can be read
    with pytest.raises(ReadError, match="unsupported file type .pdf"):
        read_file(folder / "scan.pdf")


def test_missing_path_raises_before_reading(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Headline\n\nBody.\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="nope"):
        expand_paths([str(tmp_path / "ok.txt"), str(tmp_path / "nope")])
    with pytest.raises(FileNotFoundError):
        read_all(tmp_path / "nope")


def test_bad_files_do_not_cost_the_good_ones(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Alpha Headline\n\nBody.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe\xfa broken")
    (tmp_path / "c.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "d.txt").write_text("Delta Headline\n\nBody.\n", encoding="utf-8")
    results = read_all(tmp_path)
    assert [a.title for a in articles(results)] == ["Alpha Headline", "Delta Headline"]
    assert [Path(p.path).name for p in problems(results)] == ["b.txt", "c.json"]


# --- walking, order, source_file, stdin ----------------------------------------------------


def test_directory_walk_order_and_source_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "articles"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    for rel in ["b.txt", "a.md", "sub/c.txt", "sub/deeper/d.txt", "z.txt", "sub2.txt"]:
        (root / rel).write_text(f"Headline {rel}\n\nBody.\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("Hidden Headline\n\nBody.\n", encoding="utf-8")
    (root / ".git" / "HEAD.txt").write_text("Git Headline\n\nBody.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    expected = [
        "articles/a.md",
        "articles/b.txt",
        "articles/sub/c.txt",
        "articles/sub/deeper/d.txt",
        "articles/sub2.txt",
        "articles/z.txt",
    ]
    assert [str(p) for p in expand_paths(["articles"])] == expected
    results = read_all("articles")
    assert [a.source_file for a in articles(results)] == expected
    assert not problems(results)
    # paths keep the order given; a file reached twice is read once; hidden files named
    # explicitly are read
    again = read_all("articles/z.txt", "articles", "articles/.hidden.txt")
    names = [a.source_file for a in articles(again)]
    assert names == ["articles/z.txt", *expected[:-1], "articles/.hidden.txt"]


def test_stdin_is_a_plain_text_article() -> None:
    raw = b"X\r\n\r\nStdin Headline\r\n\r\nBody text.\r\n"
    [article] = read_all("-", stdin=io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    assert article.source_file == "-"
    assert article.text == raw.decode()  # CRLF kept: read from the byte buffer
    assert article.title == "Stdin Headline"

    [from_string] = read_all("-", stdin=io.StringIO("Plain Headline\n\nBody.\n"))
    assert from_string.title == "Plain Headline"

    problem = only_problem(read_all("-", stdin=io.StringIO("  \n")))
    assert problem.path == "-" and problem.message == "-: empty input"


def test_stdin_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 50)
    problem = only_problem(read_all("-", stdin=io.StringIO("Headline\n\n" + "word " * 20)))
    assert problem.message == "-: input too large (more than 50 bytes)"


def test_read_file_is_strict_about_partly_broken_files(tmp_path: Path) -> None:
    path = tmp_path / "part.jsonl"
    path.write_text('{"text": "fine"}\n{broken\n', encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        read_file(path)
    assert caught.value.line == 2 and caught.value.path == str(path)
