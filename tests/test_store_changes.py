"""The store shrinks as well as grows: removing, pruning, duplicates, stdin names, a
folder that is not a store, and one article that breaks extraction among good ones.

The check that matters is the strongest one: after a removal the store is exactly what a
fresh build of the remaining files gives (sorted N-Quads equal), so nothing of the removed
article lingers in the entities graph or anywhere else.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

import kg
from kg import workers
from kg.cli import cli
from kg.store import open_store
from tests.conftest import EXAMPLES


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def nquads(store: str) -> list[str]:
    with open_store(store, read_only=True) as s:
        return sorted(s.dump("nquads").decode("utf-8").splitlines())


def copy_examples(dest: Path, n: int = 5) -> list[Path]:
    dest.mkdir()
    files = sorted(p for p in EXAMPLES.glob("*.txt"))[:n]
    return [Path(shutil.copy(p, dest / p.name)) for p in files]


def test_removing_an_article_leaves_what_a_build_without_it_gives(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = [str(p.relative_to(tmp_path)) for p in copy_examples(tmp_path / "news")]
    assert run("build", "news", "--store", "s", "-j", "1").exit_code == 0
    result = run("remove", files[1], "--store", "s")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Removed 1 article from s")
    expected = "fresh"
    assert run("build", *[f for f in files if f != files[1]], "--store", expected).exit_code == 0
    assert nquads("s") == nquads(expected)
    # removing a directory removes every article from a file under it
    assert run("remove", "news", "--store", "s").exit_code == 0
    assert kg.query("s", "SELECT (COUNT(*) AS ?n) WHERE { ?a a kg:Article }") == [{"n": 0}]
    assert kg.query("s", "SELECT (COUNT(*) AS ?n) WHERE { ?e a kg:Person }") == [{"n": 0}]


def test_prune_removes_the_articles_of_deleted_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = copy_examples(tmp_path / "news")
    assert run("build", "news", "--store", "s", "-j", "1").exit_code == 0
    files[0].unlink()
    result = run("build", "news", "--store", "s", "--prune", "-j", "1")
    assert result.exit_code == 0, result.output
    assert "removed:    1 article(s) whose files are gone" in result.output
    assert run("build", "news", "--store", "fresh", "-j", "1").exit_code == 0
    assert nquads("s") == nquads("fresh")
    # without --prune, a deleted file's article stays
    files[1].unlink()
    assert run("build", "news", "--store", "s", "-j", "1").exit_code == 0
    assert len(kg.query("s", "SELECT ?a WHERE { ?a a kg:Article }")) == 4


def test_identical_texts_are_one_article_and_the_summary_names_both(tmp_path):
    src = copy_examples(tmp_path / "news", n=2)
    twin = tmp_path / "news" / "twin.txt"
    shutil.copy(src[0], twin)
    store = str(tmp_path / "s")
    result = run("build", str(tmp_path / "news"), "--store", store, "-j", "1")
    assert result.output.startswith("Built 2 articles")
    assert f"duplicate:  {twin} has the same text as {src[0]} (stored once)" in result.output
    again = run("build", str(tmp_path / "news"), "--store", store, "-j", "1")
    assert again.output.startswith("Built 0 articles into")
    assert "(2 unchanged, skipped)" in again.output


def test_a_folder_of_other_files_is_not_made_a_store(tmp_path):
    folder = tmp_path / "my-documents"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES), "--store", str(folder)])
    assert result.exit_code == 2
    assert "not a store" in result.output
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_a_build_never_reads_its_own_store(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    copy_examples(tmp_path / "news", n=2)
    assert run("build", "news", "--store", "news/kg-store", "-j", "1").exit_code == 0
    result = CliRunner().invoke(cli, ["build", "news", "--store", "news/kg-store", "-j", "1"])
    assert result.exit_code == 0
    assert "(2 unchanged, skipped)" in result.output
    assert "skipped: news/kg-store: a newskg store, not articles" in result.output


def test_one_article_that_breaks_extraction_costs_only_itself(tmp_path, monkeypatch):
    src = copy_examples(tmp_path / "news", n=3)
    real = workers.extract

    def fragile(doc, article):
        if article.source_file.endswith(src[1].name):
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc, article)

    monkeypatch.setattr(workers, "extract", fragile)
    store = str(tmp_path / "s")
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "news"), "--store", store, "-j", "1"])
    assert result.exit_code == 1
    assert f"failed: {src[1]}: cannot extract: maximum recursion depth exceeded" in result.output
    assert result.output.count("failed:") == 2  # the line above and the summary's count
    assert len(kg.query(store, "SELECT ?a WHERE { ?a a kg:Article }")) == 2


def test_stdin_articles_do_not_replace_each_other(tmp_path):
    store = str(tmp_path / "s")
    one = "Port strike ends\n\nDockers voted to return to work on Monday, the union said.\n"
    two = "Ferry fares rise\n\nFares will rise by a tenth in June, the operator said.\n"
    assert run("build", "-", "--store", store, "-j", "1", input=one).exit_code == 0
    assert run("build", "-", "--store", store, "-j", "1", input=two).exit_code == 0
    rows = kg.query(store, "SELECT ?f WHERE { ?a kg:sourceFile ?f } ORDER BY ?f")
    assert len(rows) == 2 and all(r["f"].startswith("-:") for r in rows)


def test_which_file_names_a_duplicated_text_does_not_depend_on_order(tmp_path):
    src = copy_examples(tmp_path / "news", n=2)
    twin = tmp_path / "news" / "00-twin.txt"  # sorts before the file it copies
    shutil.copy(src[1], twin)
    files = [str(p) for p in (*src, twin)]
    stores = []
    for name, runs in {
        "forward": [files],
        "reverse": [files[::-1]],
        "later": [files[:2], files[2:]],  # the twin arrives in a later build
    }.items():
        store = str(tmp_path / name)
        for run_files in runs:
            assert run("build", *run_files, "--store", store, "-j", "1").exit_code == 0
        stores.append(store)
    first = nquads(stores[0])
    assert all(nquads(s) == first for s in stores[1:])
    rows = kg.query(stores[0], "SELECT ?f WHERE { ?a kg:sourceFile ?f } ORDER BY ?f")
    assert [r["f"] for r in rows] == sorted([str(twin), str(src[0])])
