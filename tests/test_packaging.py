"""A normal (non-editable) wheel carries the ontology, canned queries and page template."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if res.returncode != 0 and "hatchling" in res.stderr:
        pytest.skip("hatchling is not installed (pip install -e '.[dev]')")
    assert res.returncode == 0, res.stderr
    (path,) = out.glob("newskg-*.whl")
    return path


def test_wheel_holds_the_package_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "kg/ontology/kg.ttl",
        "kg/ontology/shapes.ttl",
        "kg/ontology/queries/quotes-by.rq",
        "kg/views/templates/network.html",
    ):
        assert needed in names


def test_installed_wheel_finds_its_ontology(wheel, tmp_path):
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import kg.sparql as q; d = q.ontology_dir(); print(d); print(sorted(q.canned_queries()))"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    res = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr
    location, names = res.stdout.splitlines()
    assert location.startswith(str(target))
    assert "quotes-by" in names
