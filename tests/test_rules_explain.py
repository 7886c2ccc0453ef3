"""`kg extract FILE --explain`: a person checking the extraction sees, for each statement,
the rule that found it and its source, cue and content marked in the sentence, with offsets
that point at those very words."""

from __future__ import annotations

import re

from click.testing import CliRunner

from kg.cli import cli

ARTICLE = (
    "Port workers strike over rosters\n\n"
    "“We will not go back until the rosters are safe,” said Dana Whitlock, the union’s "
    "secretary.\n\n"
    "The port authority said the new rosters met national rules.\n"
)


def _explain(tmp_path, text: str) -> str:
    art = tmp_path / "a.txt"
    art.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(cli, ["extract", str(art), "--explain"])
    assert res.exit_code == 0, res.output
    return res.output


def test_explain_names_the_rule_and_marks_the_spans(tmp_path):
    out = _explain(tmp_path, ARTICLE)
    assert "#1 quote-then-cue  Statement  direct quote" in out
    assert "speaker: Dana Whitlock (Person)" in out
    assert "“«We will not go back until the rosters are safe,»” {said} [Dana Whitlock]" in out
    assert "#2 verb-complement" in out
    assert "[The port authority] {said} «the new rosters met national rules»." in out
    # every offset shown slices the article to the words shown beside it
    for start, end, words in re.findall(
        r"^\s+(?:source|cue|content)\s+(\d+)-(\d+)  (.+)$", out, re.M
    ):
        if "…" not in words:
            assert ARTICLE[int(start) : int(end)] == words


def test_explain_is_terminal_safe(tmp_path):
    out = _explain(tmp_path, ARTICLE.replace("new rosters", "new \x1b[31mrosters"))
    assert "\x1b" not in out
    assert "[The port authority] {said}" in out
