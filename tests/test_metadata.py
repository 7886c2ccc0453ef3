"""`kg build DIR --metadata FILE`: dates and outlets for text corpora from a sidecar table,
joined by file name; a bad row stops the build before anything changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.model import Article
from kg.readers.metadata import MetadataError, parse_date, parse_metadata, read_metadata
from kg.store import open_store
from tests.conftest import SHARED, need_shared

TEXTS = {
    "harbour-vote.txt": (
        "Harbour board delays vote on dredging\n\n"
        "The harbour board postponed its vote on dredging the channel, its chair Ingrid Dahl "
        "said on Monday.\n"
    ),
    "river-report.txt": (
        "River levels fall again\n\n"
        "River levels in the delta fell for a third week, the water agency said.\n"
    ),
}


def _write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / name
    p.write_text(text, encoding="utf-8")
    return p


def _corpus(tmp: Path) -> Path:
    d = tmp / "texts"
    d.mkdir()
    for name, text in TEXTS.items():
        _write(d, name, text)
    return d


def _dates(store: str) -> dict[str, tuple[str | None, str | None]]:
    with open_store(store, read_only=True) as s:
        rows = s.select(
            """SELECT ?file ?date ?outlet WHERE { ?a kg:sourceFile ?file .
                 OPTIONAL { ?a dcterms:date ?date }
                 OPTIONAL { ?a dcterms:publisher/rdfs:label ?outlet } }"""
        )
    return {Path(r["file"]).name: (r["date"], r["outlet"]) for r in rows}


def test_a_sidecar_gives_text_files_dates_and_outlets(tmp_path: Path) -> None:
    texts = _corpus(tmp_path)
    side = _write(
        tmp_path,
        "meta.tsv",
        "filename\tpublisher\tpublication_date\ttitle\n"
        "harbour-vote\tThe Fjord Courier\t2025-04-07\tHarbour board delays vote on dredging\n"
        "river-report.txt\tDelta Daily\t2025/04/09\tNone\n"
        "not-built\tDelta Daily\t2025-04-01\tA file that is not in the build\n",
    )
    store = str(tmp_path / "store")
    res = CliRunner().invoke(cli, ["build", str(texts), "--metadata", str(side), "--store", store])
    assert res.exit_code == 0, res.output
    assert "metadata:   1 row(s) matched no input file" in res.output
    assert _dates(store) == {
        "harbour-vote.txt": ("2025-04-07", "The Fjord Courier"),
        "river-report.txt": ("2025-04-09", "Delta Daily"),
    }


def test_a_sidecar_given_later_dates_what_is_stored_without_parsing(tmp_path: Path) -> None:
    texts = _corpus(tmp_path)
    store = str(tmp_path / "store")
    assert CliRunner().invoke(cli, ["build", str(texts), "--store", store]).exit_code == 0
    assert _dates(store)["harbour-vote.txt"] == (None, None)
    side = _write(tmp_path, "meta.csv", "file,date\nharbour-vote.txt,2025-04-07\n")
    import kg

    report = kg.build([str(texts)], store, metadata=str(side))
    assert report.parsed == 0 and report.unchanged == 1
    assert _dates(store)["harbour-vote.txt"] == ("2025-04-07", None)


BAD = [
    pytest.param(
        "file,date\na.txt,2025-13-40\n",
        "meta.csv:2: date '2025-13-40' does not parse",
        id="bad date",
    ),
    pytest.param(
        "file,date\na.txt,last Tuesday\n", "meta.csv:2: date 'last Tuesday'", id="words for a date"
    ),
    pytest.param(
        "file,date\na.txt,2025-01-01,extra\n",
        "meta.csv:2: malformed row: 3 fields",
        id="too many fields",
    ),
    pytest.param(
        "file,date\n,2025-01-01\n",
        "meta.csv:2: malformed row: the file column is empty",
        id="no file",
    ),
    pytest.param(
        "date,title\n2025-01-01,x\n", "meta.csv:1: no column names the file", id="no file column"
    ),
    pytest.param(
        "file,date\na.txt,2025-01-01\na.txt,2025-01-02\n",
        "meta.csv:3: 'a.txt' is already described on line 2",
        id="twice",
    ),
    pytest.param('file,title\na.txt,"unclosed\n', "meta.csv", id="a broken quote"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_a_bad_row_stops_the_build_before_anything_changes(
    tmp_path: Path, text: str, message: str
) -> None:
    texts = _corpus(tmp_path)
    side = _write(tmp_path, "meta.csv", text)
    store = tmp_path / "store"
    res = CliRunner().invoke(
        cli, ["build", str(texts), "--metadata", str(side), "--store", str(store)]
    )
    assert res.exit_code == 2
    assert message in res.output
    assert not store.exists()


def test_only_csv_and_tsv(tmp_path: Path) -> None:
    side = _write(tmp_path, "meta.json", "{}")
    with pytest.raises(MetadataError, match="is .csv or .tsv"):
        read_metadata(side)


def test_dates_in_iso_forms() -> None:
    assert parse_date("2016-09-12", "x") == "2016-09-12"
    assert parse_date("2016/9/2", "x") == "2016-09-02"
    assert parse_date("2016-09-12T08:30:00Z", "x") == "2016-09-12T08:30:00Z"
    assert parse_date("2016-09-12T08:30:00+01:00", "x") == "2016-09-12T08:30:00+01:00"


def test_rows_match_by_path_name_or_stem() -> None:
    meta = parse_metadata("file,date\nwire.jsonl#2,2025-01-02\nnotes,2025-01-03\n", "m.csv")
    a = meta.apply(Article(text="t", source_file="feeds/wire.jsonl#2"))
    b = meta.apply(Article(text="t", source_file="some/dir/notes.txt"))
    c = meta.apply(Article(text="t", source_file="other.txt", date="2020-01-01"))
    assert (a.date, b.date, c.date) == ("2025-01-02", "2025-01-03", "2020-01-01")
    assert meta.unmatched == 0


def test_polnear_metadata_reads_whole() -> None:
    path = need_shared(SHARED / "data" / "polnear" / "metadata.tsv")
    meta = read_metadata(path)
    row = next(iter(meta.rows.values()))
    assert row.date and row.publisher and row.title
    assert len(meta.rows) > 900
