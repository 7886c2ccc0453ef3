"""A one-line text (a file with one line, a sentence piped to `kg build -`) is an article
body: its statements are found. Its line is still the article's title, but is not read as
a headline, whose rules find no statement."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import cli
from kg.readers.text import read_text

SENTENCE = "“We will rebuild the school by autumn,” said Mayor Dana Whitlock on Tuesday.\n"


def _speakers(store: str) -> list[str]:
    res = CliRunner().invoke(
        cli,
        [
            "query",
            "SELECT ?name WHERE { ?s a kg:Statement ; kg:speaker/rdfs:label ?name }",
            "--store",
            store,
            "--format",
            "json",
        ],
    )
    assert res.exit_code == 0, res.output
    return [b["name"]["value"] for b in json.loads(res.output)["results"]["bindings"]]


def test_one_line_is_body_and_title():
    art = read_text(SENTENCE.encode(), "s.txt")
    assert art.title == SENTENCE.strip()
    assert art.title_span is None


def test_furniture_around_one_line_leaves_it_the_body():
    art = read_text(("Menu\n\n" + SENTENCE + "\nShare this article\n").encode(), "s.txt")
    assert art.title == SENTENCE.strip() and art.title_span is None


def test_headline_above_a_body_is_still_a_headline():
    text = "School to reopen\n\n" + SENTENCE
    art = read_text(text.encode(), "s.txt")
    assert art.title == "School to reopen"
    assert art.title_span == (0, len("School to reopen"))


def test_sentence_on_stdin_gives_its_statement(tmp_path):
    store = str(tmp_path / "store")
    res = CliRunner().invoke(cli, ["build", "-", "--store", store], input=SENTENCE)
    assert res.exit_code == 0, res.output
    assert "1 Statement" in res.output
    assert _speakers(store) == ["Dana Whitlock"]


def test_one_line_file_gives_its_statement(tmp_path):
    path = tmp_path / "one.txt"
    path.write_text(SENTENCE.rstrip("\n"), encoding="utf-8")  # no final newline either
    store = str(tmp_path / "store")
    res = CliRunner().invoke(cli, ["build", str(path), "--store", store])
    assert res.exit_code == 0, res.output
    assert _speakers(store) == ["Dana Whitlock"]
