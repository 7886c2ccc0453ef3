"""A JSON record whose text holds a lone surrogate (the escape ``\\ud800``) costs that record
only: one `failed: FILE:LINE:` line, and every other record and file is built."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import cli
from kg.model import ReadProblem
from kg.readers import read_paths

GOOD_TXT = (
    "Ferry timetable changes\n\n"
    "The ferry company cut two evening sailings. “We had no crew for them,” said manager "
    "Petra Lindqvist.\n"
)
# Written as JSON text: the backslash escapes stay escapes in the file, as a scraper writes.
JSONL = "\n".join(
    [
        '{"text": "“The pier is safe,” said harbour master Olu Bankole."}',
        '{"text": "Broken \\ud800 record. “We object,” said Tom Reyes."}',
        '{"text": "“Fares stay the same,” said spokeswoman Ines Duarte. \\ud83d\\ude00"}',
    ]
)
JSON_LIST = json.dumps(
    [{"text": "“It is over,” said union leader Kofi Mensah.", "title": "Strike \udfff ends"}],
    ensure_ascii=True,
)


def _files(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_TXT, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(JSONL, encoding="utf-8")
    (tmp_path / "c.json").write_text(JSON_LIST, encoding="utf-8")


def test_reader_yields_one_problem_naming_the_line(tmp_path):
    _files(tmp_path)
    items = list(read_paths([str(tmp_path / "b.jsonl")]))
    problems = [i for i in items if isinstance(i, ReadProblem)]
    assert [p.message for p in problems] == [
        f'{tmp_path / "b.jsonl"}:2: "text" holds a lone surrogate (\\ud800 at character 7), '
        "which is not text"
    ]
    texts = [i.text for i in items if not isinstance(i, ReadProblem)]
    assert len(texts) == 2 and texts[1].endswith("\U0001f600")  # a proper pair is text


def test_build_keeps_the_other_records_and_files(tmp_path):
    _files(tmp_path)
    store = str(tmp_path / "store")
    res = CliRunner().invoke(cli, ["build", str(tmp_path), "--store", store])
    assert res.exit_code == 1, res.output
    failed = [ln for ln in res.stderr.splitlines() if ln.strip().startswith("failed:")]
    assert len(failed) == 2, res.stderr
    assert f"{tmp_path / 'b.jsonl'}:2: " in failed[0] and "surrogate" in failed[0]
    assert f"{tmp_path / 'c.json'}#1: " in failed[1] and '"title"' in failed[1]
    assert "Traceback" not in res.output
    out = CliRunner().invoke(
        cli,
        [
            "query",
            "SELECT ?f WHERE { ?a a kg:Article ; kg:sourceFile ?f } ORDER BY ?f",
            "--store",
            store,
            "--format",
            "csv",
        ],
    )
    files = out.output.splitlines()[1:]
    assert files == [
        str(tmp_path / "a.txt"),
        f"{tmp_path / 'b.jsonl'}#1",
        f"{tmp_path / 'b.jsonl'}#3",
    ]
