"""Symbolic links to directories are followed when walking input directories; a link that
loops back is named in one `skipped:` line and the walk ends."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.model import ReadProblem
from kg.readers import ReadError, expand_paths, read_paths

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")

ARTICLE = (
    "Library hours extended\n\n"
    "The town library will open on Sundays. “Readers asked for it,” said librarian "
    "Maren Holt.\n"
)


def _tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """news/a.txt, news/linked -> ../archive (archive/old/b.txt), and two loops:
    news/sub/up -> .. and news/self -> ."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news" / "sub").mkdir(parents=True)
    (tmp_path / "archive" / "old").mkdir(parents=True)
    (tmp_path / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "archive" / "old" / "b.txt").write_text(
        ARTICLE.replace("Sundays", "Mondays"), encoding="utf-8"
    )
    os.symlink("../archive", tmp_path / "news" / "linked")
    os.symlink("..", tmp_path / "news" / "sub" / "up")
    os.symlink(".", tmp_path / "news" / "self")


def test_walk_follows_directory_links_and_names_loops(tmp_path, monkeypatch):
    _tree(tmp_path, monkeypatch)
    items = expand_paths(["news"])
    assert [str(i) for i in items if not isinstance(i, ReadError)] == [
        "news/a.txt",
        "news/linked/old/b.txt",
    ]
    loops = [i for i in items if isinstance(i, ReadError)]
    assert [(e.path, e.kind) for e in loops] == [
        ("news/self", "skipped"),
        ("news/sub/up", "skipped"),
    ]
    assert str(loops[1]) == "news/sub/up: symbolic link loop back to news, not followed"


def test_two_links_to_one_folder_read_it_once(tmp_path, monkeypatch):
    _tree(tmp_path, monkeypatch)
    os.symlink("../archive", tmp_path / "news" / "zz-again")
    items = list(read_paths(["news"]))
    files = [i.source_file for i in items if not isinstance(i, ReadProblem)]
    assert files == ["news/a.txt", "news/linked/old/b.txt"]


def test_build_reads_linked_folders_and_reports_loops(tmp_path, monkeypatch):
    _tree(tmp_path, monkeypatch)
    res = CliRunner().invoke(cli, ["build", "news", "--store", str(tmp_path / "store")])
    assert res.exit_code == 0, res.output
    assert "Built 2 articles" in res.output
    skipped = [ln.strip() for ln in res.stderr.splitlines() if "skipped:" in ln]
    assert skipped == [
        "skipped: news/self: symbolic link loop back to news, not followed",
        "skipped: news/sub/up: symbolic link loop back to news, not followed",
    ]
