"""Articles longer than spaCy's limit (E088: more than nlp.max_length characters) are parsed in
paragraph-aligned pieces joined into one Doc over the whole text, so they build like any
other article, with exact offsets."""

from __future__ import annotations

import json

import pytest
import spacy
from click.testing import CliRunner

from kg import nlp as nlp_mod
from kg.cli import cli
from kg.extract import extract
from kg.model import Article
from kg.nlp import parse_pairs, shadow, split_text

PARAGRAPH = (
    "The harbour board met again on Monday.\u00a0“We cannot wait another season for the "
    "channel,” said board chair Imelda Rourke. Rourke said the dredging would start in May.\n\n"
)


def test_split_text_cuts_at_paragraphs_first():
    text = "Title\n\n" + PARAGRAPH * 10
    pieces = split_text(text, 500)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= 500 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # every cut after a blank line


def test_split_text_without_paragraphs_cuts_at_sentences_then_spaces():
    one_paragraph = PARAGRAPH.replace("\n\n", " ") * 8
    pieces = split_text(one_paragraph, 300)
    assert "".join(pieces) == one_paragraph and all(len(p) <= 300 for p in pieces)
    assert all(p.rstrip().endswith((".", "”")) for p in pieces[:-1])
    words = "word " * 200
    assert all(p.endswith(" ") for p in split_text(words, 64)[:-1])
    solid = "x" * 1000  # no space at all: cut at the limit
    assert [len(p) for p in split_text(solid, 300)] == [300, 300, 300, 100]


def test_a_text_over_a_million_characters_is_one_doc_over_the_whole_text():
    nlp = spacy.blank("en")  # the tokenizer alone: the joining is the same, and it is quick
    text = "A long record\n\n" + PARAGRAPH * (1_200_000 // len(PARAGRAPH))
    assert len(text) > nlp.max_length
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    (doc, ctx), (short, ctx2) = list(parse_pairs(nlp, [(text, "long"), ("Short one.", "s")]))
    assert (ctx, ctx2) == ("long", "s") and short.text == "Short one."
    assert doc.text == shadow(text) and len(doc.text) == len(text)
    seen = shadow(text)
    assert all(seen[t.idx : t.idx + len(t)] == t.text for t in doc)
    assert doc[-1].idx + len(doc[-1]) + len(doc[-1].whitespace_) == len(text)


def test_pieces_give_the_statements_of_the_whole_parse(nlp):
    text = "Harbour news\n\n" + PARAGRAPH * 12
    article = Article(text=text, source_file="long.txt")
    ((whole, _),) = parse_pairs(nlp, [(text, None)])
    ((pieced, _),) = parse_pairs(nlp, [(text, None)], max_chars=700)
    assert pieced.text == whole.text
    assert [t.idx for t in pieced] == [t.idx for t in whole]
    a, b = extract(whole, article), extract(pieced, article)
    assert len(b.statements) == len(a.statements) == 24
    assert [s.content for s in b.statements] == [s.content for s in a.statements]
    for st in b.statements:
        for span in st.content:
            assert span.slice(text) in st.text


def test_build_stores_an_article_longer_than_the_model_allows(nlp, tmp_path, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 2_000)  # as if the file were over 1,000,000 chars
    monkeypatch.setattr(nlp_mod, "MAX_PIECE_CHARS", 1_000)
    (tmp_path / "a.txt").write_text("Before\n\n" + PARAGRAPH, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Long\n\n" + PARAGRAPH * 30, encoding="utf-8")
    (tmp_path / "c.txt").write_text("After\n\n" + PARAGRAPH, encoding="utf-8")
    store = str(tmp_path / "store")
    # one job: parsed in this process, where the limits above apply
    res = CliRunner().invoke(cli, ["build", str(tmp_path), "--store", store, "--jobs", "1"])
    assert res.exit_code == 0, res.output
    assert "Built 3 articles" in res.output
    # every single-span statement's span slices its words out of its article's text
    check = """
    SELECT ?f (COUNT(?s) AS ?n) (SUM(IF(SUBSTR(?text, ?b + 1, ?e - ?b) = ?words, 1, 0)) AS ?ok)
    WHERE {
      ?a kg:sourceFile ?f ; kg:text ?text .
      ?s kg:inArticle ?a ; kg:text ?words ; kg:contentSpan ?sp .
      ?sp nif:beginIndex ?b ; nif:endIndex ?e .
      FILTER NOT EXISTS { ?s kg:contentSpan ?other FILTER (?other != ?sp) }
    } GROUP BY ?f ORDER BY ?f"""
    out = CliRunner().invoke(cli, ["query", check, "--store", store, "--format", "json"])
    rows = json.loads(out.output)["results"]["bindings"]
    counts = {r["f"]["value"].rsplit("/", 1)[-1]: (r["n"]["value"], r["ok"]["value"]) for r in rows}
    assert counts["b.txt"][0] == counts["b.txt"][1] and int(counts["b.txt"][0]) >= 30
    assert set(counts) == {"a.txt", "b.txt", "c.txt"}
