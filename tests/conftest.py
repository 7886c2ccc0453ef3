"""Shared fixtures: the spaCy pipeline, the seed article and stores built from examples."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "lavrov-no-surnames.txt"
EXAMPLES = ROOT / "examples" / "articles"


def need_shared(path: Path) -> Path:
    """Skip (with the reason) when ../shared is not beside the checkout, as in a user's clone."""
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared material lives beside the project checkout")
    return path


@pytest.fixture(scope="session")
def nlp():
    from kg import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def seed_extraction(nlp):
    from kg.pipeline import extract_articles
    from kg.readers import read_file

    (article,) = read_file(need_shared(SEED))
    (ex,) = list(extract_articles([article]))
    return ex


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    """A store built from the seed article with the normal pipeline."""
    from kg.pipeline import build
    from kg.store import open_store

    need_shared(SEED)
    path = tmp_path_factory.mktemp("seed") / "store"
    with open_store(str(path)) as store:
        build([str(SEED)], store)
    return str(path)


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory):
    """A store built from examples/articles with the normal pipeline."""
    from kg.pipeline import build
    from kg.store import open_store

    path = tmp_path_factory.mktemp("examples") / "store"
    with open_store(str(path)) as store:
        report = build([str(EXAMPLES)], store)
    assert not report.failed, report.failed
    return str(path)
