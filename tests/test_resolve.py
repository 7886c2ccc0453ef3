"""One real-world entity, one node, across a store: whatever order the articles come in,
whether built in one run or several; fuller names rewrite older graphs; aliases files merge
and rename; `kg entities` shows the result. Texts are written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store import open_store
from kg.store.base import Rows

ARTICLES = {
    "a-rally.txt": (
        "Clinton rallies supporters in Ohio\n\n"
        "Hillary Clinton told supporters in Columbus on Friday that the economy needed "
        "fixing. “We are stronger together,” Mrs. Clinton said.\n\n"
        "The Democratic National Committee said turnout would be high.\n"
    ),
    "b-profile.txt": (
        "A long career\n\n"
        "Hillary Rodham Clinton said on Saturday that she had no regrets. Her husband, "
        "former President Bill Clinton, said the campaign was in good shape.\n\n"
        "The DNC said it had raised more money than expected. Russian Foreign Minister "
        "Sergei Lavrov said Moscow was watching.\n"
    ),
    "c-brief.txt": (
        "Campaign notes\n\n"
        "Mrs. Clinton said on Sunday that the debate would be decisive. Mrs. Clinton added "
        "that she was ready.\n\n"
        "Foreign Minister Sergey Lavrov said the talks were over.\n"
    ),
    "d-dnc.txt": (
        "Party finances\n\n"
        "The Democratic National Committee said on Monday that donations had risen sharply.\n"
    ),
}


def _write(dir_: Path, names: list[str]) -> list[str]:
    paths = []
    for name in names:
        p = dir_ / name
        p.write_text(ARTICLES[name], encoding="utf-8")
        paths.append(str(p))
    return paths


def _run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _select(store: str, sparql: str) -> list[dict]:
    with open_store(store, read_only=True) as s:
        result = s.query(sparql)
    assert isinstance(result, Rows)
    return result.values()


def _people(store: str) -> dict[str, str]:
    rows = _select(store, "SELECT ?p ?l WHERE { ?p a kg:Person ; rdfs:label ?l }")
    return {r["p"]: r["l"] for r in rows}


def _speakers(store: str) -> set[tuple[str, str]]:
    rows = _select(store, "SELECT ?t ?p WHERE { ?s kg:text ?t ; kg:speaker ?p }")
    return {(r["t"], r["p"]) for r in rows}


def _build_runs(tmp_path: Path, runs: list[list[str]], tag: str) -> str:
    store = str(tmp_path / f"store-{tag}")
    src = tmp_path / f"src-{tag}"
    src.mkdir()
    for names in runs:
        result = _run("build", *_write(src, names), "--store", store)
        assert result.exit_code == 0, result.output
    return store


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("resolve")
    return {
        "one-run": _build_runs(tmp, [["a-rally.txt", "b-profile.txt", "c-brief.txt"]], "1"),
        "reversed": _build_runs(tmp, [["c-brief.txt"], ["b-profile.txt"], ["a-rally.txt"]], "2"),
        "bare-first": _build_runs(tmp, [["c-brief.txt"], ["a-rally.txt", "b-profile.txt"]], "3"),
    }


def test_same_iris_and_labels_whatever_the_build_order(stores):
    first = stores["one-run"]
    for other in ("reversed", "bare-first"):
        assert _people(stores[other]) == _people(first)
        # statement IRIs depend on the article, speakers on resolution: all must agree
        assert _speakers(stores[other]) == _speakers(first)


def test_one_node_per_person_with_the_fullest_name(stores):
    for store in stores.values():
        people = _people(store)
        labels = sorted(people.values())
        assert labels.count("Hillary Rodham Clinton") == 1
        assert "Bill Clinton" in labels
        assert not [lbl for lbl in labels if lbl in ("Clinton", "Mrs. Clinton")]
        hillary = next(p for p, lbl in people.items() if lbl == "Hillary Rodham Clinton")
        assert hillary.endswith("/person/hillary-clinton")
        said = _select(store, f"SELECT ?t WHERE {{ <{hillary}> kg:said/kg:text ?t }}")
        texts = " ".join(r["t"] for r in said)
        # her statements from all three articles, the bare "Mrs. Clinton" one included
        assert "stronger together" in texts and "no regrets" in texts and "decisive" in texts


def test_exactly_one_label_per_entity_in_the_union(stores):
    for store in stores.values():
        rows = _select(
            store,
            """SELECT ?e (COUNT(DISTINCT ?l) AS ?n) WHERE { ?e a kg:Entity ; rdfs:label ?l }
               GROUP BY ?e HAVING (COUNT(DISTINCT ?l) > 1)""",
        )
        assert rows == []
        result = _run("validate", "--store", store)
        assert result.exit_code == 0, result.output


def test_spelling_variants_and_acronyms_merge_across_articles(stores):
    store = stores["reversed"]
    lavrov = _select(
        store,
        """SELECT DISTINCT ?p WHERE { ?p a kg:Person ; rdfs:label|skos:altLabel ?n .
           FILTER(CONTAINS(?n, "Lavrov")) }""",
    )
    assert len(lavrov) == 1
    dnc = _select(
        store,
        """SELECT DISTINCT ?o ?l WHERE { ?o a kg:Organization ; rdfs:label ?l ;
           rdfs:label|skos:altLabel ?n .
           FILTER(?n IN ("DNC", "Democratic National Committee")) }""",
    )
    assert [r["l"] for r in dnc] == ["Democratic National Committee"]


def test_older_graph_is_rewritten_when_a_fuller_name_arrives(stores):
    # c-brief names only "Mrs. Clinton"; built first, alone, it cannot tell who she is,
    # so a later build that brings her full name rewrites its graph to point at her
    store = stores["bare-first"]
    rows = _select(
        store,
        """SELECT ?g ?l WHERE { GRAPH ?g { ?p kg:mentionedIn ?g . ?g kg:sourceFile ?f }
           FILTER(STRENDS(?f, "c-brief.txt")) ?p a kg:Person ; rdfs:label ?l }""",
    )
    assert "Hillary Rodham Clinton" in {r["l"] for r in rows}


def test_entities_command_lists_aliases_and_counts(stores):
    result = _run("entities", "--store", stores["one-run"], "--type", "Person", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    hillary = next(r for r in rows if r["label"] == "Hillary Rodham Clinton")
    assert {"Hillary Clinton", "Mrs. Clinton"} <= set(hillary["aliases"])
    assert hillary["articles"] == 3 and hillary["mentions"] >= 4 and hillary["statements"] >= 4
    table = _run("entities", "--store", stores["one-run"])
    assert "Hillary Rodham Clinton" in table.output and "Democratic National Committee" in (
        table.output
    )
    csv = _run("entities", "--store", stores["one-run"], "--format", "csv", "--limit", "2")
    assert csv.output.splitlines()[0].startswith("label,type,aliases,articles,mentions")
    assert len(csv.output.strip().splitlines()) == 3


def test_aliases_file_merges_and_rewrites_without_losing_anything(tmp_path):
    store = _build_runs(tmp_path, [["a-rally.txt", "b-profile.txt"]], "al")
    before = _select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Statement }")
    aliases = tmp_path / "aliases.csv"
    aliases.write_text(
        "alias,canonical,type\nBill Clinton,William Jefferson Clinton,Person\n"
        "Democratic National Committee,The Democrats' Committee,Organization\n",
        encoding="utf-8",
    )
    result = _run(
        "build",
        *_write(tmp_path / "src-al", ["c-brief.txt"]),
        "--store",
        store,
        "--aliases",
        str(aliases),
    )
    assert result.exit_code == 0, result.output
    people = _people(store)
    assert "William Jefferson Clinton" in people.values()
    assert "Bill Clinton" not in people.values()
    bill = next(p for p, lbl in people.items() if lbl == "William Jefferson Clinton")
    said = _select(store, f"SELECT ?t WHERE {{ <{bill}> kg:said/kg:text ?t }}")
    assert any("good shape" in r["t"] for r in said)
    after = _select(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s a kg:Statement }")
    assert int(after[0]["n"]) > int(before[0]["n"])  # c-brief added, nothing lost
    orgs = _select(store, "SELECT ?l WHERE { ?o a kg:Organization ; rdfs:label ?l }")
    assert "The Democrats' Committee" in {r["l"] for r in orgs}
    assert _run("validate", "--store", store).exit_code == 0
    # the store keeps the rules: a later build without --aliases still applies them
    later = _run("build", *_write(tmp_path / "src-al", ["d-dnc.txt"]), "--store", store)
    assert later.exit_code == 0, later.output
    orgs = _select(store, "SELECT DISTINCT ?o ?l WHERE { ?o a kg:Organization ; rdfs:label ?l }")
    committee = [r for r in orgs if "Committee" in r["l"]]
    assert [r["l"] for r in committee] == ["The Democrats' Committee"]
    said = _select(
        store,
        f"""SELECT ?t WHERE {{ <{committee[0]["o"]}> kg:said/kg:text ?t }}""",
    )
    assert any("donations had risen" in r["t"] for r in said)


@pytest.mark.parametrize(
    "content,message",
    [
        ("alias,canonical,type\nDNC,Democratic National Committee\n", ":2: expected 3 columns"),
        ("DNC,Democratic National Committee,Party\n", ":1: unknown type 'Party'"),
        (",Democratic National Committee,Organization\n", ":1: alias and canonical"),
    ],
)
def test_bad_aliases_file_exits_2_before_changing_anything(tmp_path, content, message):
    store = _build_runs(tmp_path, [["a-rally.txt"]], "bad")
    before = _people(store)
    aliases = tmp_path / "aliases.csv"
    aliases.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "build",
            *_write(tmp_path / "src-bad", ["b-profile.txt"]),
            "--store",
            store,
            "--aliases",
            str(aliases),
        ],
    )
    assert result.exit_code == 2
    assert message in result.output
    assert _people(store) == before
