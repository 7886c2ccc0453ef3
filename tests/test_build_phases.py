"""The two-phase build as a user meets it: the same store whatever the order, the number
of processes or of builds; each triple stated once; an unchanged article never parsed
again; `kg resolve` without parsing; a crash mid-write loses nothing.

Articles are the project's samples and texts written here; PolNeAR dev is used when
../shared is beside the checkout.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg import nlp as nlp_mod
from kg.cli import cli
from kg.store import open_store
from tests.conftest import EXAMPLES, SHARED, need_shared

FAMILY = {
    "01-visit.txt": (
        "Obama visits Nairobi\n\n"
        "President Barack Obama said on Friday that the partnership with Kenya would grow. "
        "“We came to listen,” Mr. Obama told reporters in Nairobi.\n\n"
        "Michelle Obama, the first lady, said the schools she visited were impressive.\n"
    ),
    "02-school.txt": (
        "First lady tours school\n\n"
        "Michelle Obama said on Saturday that girls' education was her priority. "
        "Mrs. Obama added that she would return next year.\n"
    ),
    "03-trade.txt": (
        "Trade talks resume\n\n"
        "President Obama said the trade talks would resume in March. Officials in Nairobi "
        "said the agreement was close.\n"
    ),
}


def run(*args: str):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result


def nquads(store: str) -> list[str]:
    with open_store(store, read_only=True) as s:
        return sorted(s.dump("nquads").decode("utf-8").splitlines())


def write(dir_: Path, texts: dict[str, str]) -> list[str]:
    dir_.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (dir_ / name).write_text(text, encoding="utf-8")
    return [str(dir_ / n) for n in sorted(texts)]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    tmp = tmp_path_factory.mktemp("inputs")
    files = write(tmp / "family", FAMILY)
    return sorted(str(p) for p in EXAMPLES.iterdir() if p.is_file()) + files


def test_order_processes_and_build_history_do_not_change_the_store(inputs, tmp_path):
    forward = str(tmp_path / "forward")
    assert run("build", *inputs, "--store", forward, "--jobs", "1").exit_code == 0
    backward = str(tmp_path / "backward")
    assert run("build", *reversed(inputs), "--store", backward, "--jobs", "2").exit_code == 0
    one_by_one = str(tmp_path / "one-by-one")
    for path in reversed(inputs):
        assert run("build", path, "--store", one_by_one, "--jobs", "1").exit_code == 0
    expected = nquads(forward)
    assert len(expected) > 1000
    assert nquads(backward) == expected
    assert nquads(one_by_one) == expected
    # phase 2 alone, again, changes nothing
    result = run("resolve", "--store", one_by_one)
    assert result.exit_code == 0, result.output
    assert nquads(one_by_one) == expected


def test_each_triple_is_stated_in_exactly_one_graph(examples_store):
    lines = nquads(examples_store)
    triples = [re.sub(r" <[^>]*> \.$", "", line) for line in lines]
    assert len(set(triples)) == len(triples)
    for pattern in (
        "?s kg:speaker ?o",
        "?s rdfs:label ?o",
        "?s a ?o",
        "?s skos:altLabel ?o",
        "?s kg:mentionCount ?o",
    ):
        plain = kg.query(examples_store, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
        distinct = kg.query(
            examples_store, f"SELECT (COUNT(DISTINCT *) AS ?n) WHERE {{ {pattern} }}"
        )
        assert plain == distinct, pattern


def test_article_graphs_say_only_what_their_article_says(examples_store):
    # entity descriptions live once, in the entities graph
    rows = kg.query(
        examples_store,
        """SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e rdfs:label ?l } ?e a kg:Person }
           GROUP BY ?g""",
    )
    assert [r["g"] for r in rows] == ["https://w3id.org/newskg/id/graph/entities"]
    rows = kg.query(
        examples_store,
        """SELECT ?g WHERE { GRAPH ?g { ?p kg:mentionedIn ?a }
           ?p rdfs:label "Rosario Almendra" }""",
    )
    assert len(rows) == 1 and rows[0]["g"].startswith("https://w3id.org/newskg/id/article/")
    # and the speaker's label is found through the union, once per statement
    n = kg.query(
        examples_store,
        """SELECT (COUNT(*) AS ?n) WHERE { ?s kg:speaker/rdfs:label "Rosario Almendra" }""",
    )
    assert n == [{"n": 6}]


def test_title_forms_go_to_the_office_holder_not_his_wife(tmp_path):
    store = str(tmp_path / "store")
    paths = write(tmp_path / "src", FAMILY)
    assert run("build", *paths, "--store", store, "-j", "1").exit_code == 0
    rows = kg.query(
        store,
        """SELECT ?name ?text WHERE { ?s kg:speaker ?p ; kg:text ?text . ?p rdfs:label ?name }""",
    )
    by_text = {r["text"]: r["name"] for r in rows}
    trade = next(t for t in by_text if "trade talks" in t)
    assert by_text[trade] == "Barack Obama"
    schools = next(t for t in by_text if "schools" in t)
    assert by_text[schools] == "Michelle Obama"


def test_unchanged_articles_are_never_parsed_again(inputs, tmp_path, monkeypatch):
    store = str(tmp_path / "store")
    first = kg.build(inputs[:3], store, jobs=1)
    assert first.parsed == 3
    more = kg.build(inputs[:5], store, jobs=1)
    assert (more.parsed, more.unchanged) == (2, 3)

    # kg resolve needs no model at all: the records are in the cache
    def no_parsing(*_a, **_k):
        raise AssertionError("parsed")

    monkeypatch.setattr(nlp_mod, "load", no_parsing)
    before = nquads(store)
    report = kg.resolve_entities(store)
    assert report.total_articles == 5
    assert nquads(store) == before
    # a new store from the same files reuses nothing, but a rebuild of this one does
    again = kg.build(inputs[:5], store, jobs=1)
    assert (again.parsed, again.unchanged) == (0, 5)


def test_a_lost_cache_is_made_again_from_the_stored_texts(inputs, tmp_path):
    store = str(tmp_path / "store")
    kg.build(inputs[:4], store, jobs=1)
    before = nquads(store)
    shutil.rmtree(Path(store) / "newskg")
    report = kg.resolve_entities(store)
    assert report.total_articles == 4
    assert nquads(store) == before


def test_a_crash_while_writing_loses_nothing_and_the_rerun_completes(inputs, tmp_path):
    store_path = str(tmp_path / "store")
    kg.build(inputs[:4], store_path, jobs=1)
    stored = nquads(store_path)
    clean = str(tmp_path / "clean")
    kg.build(inputs[:8], clean, jobs=1)

    class Crash(Exception):
        pass

    with open_store(store_path) as store:
        real = store.put_graph
        calls = []

        def flaky(iri, body, drop=()):
            calls.append(iri)
            if len(calls) == 3:
                raise Crash("disk full")
            return real(iri, body, drop)

        store.put_graph = flaky  # type: ignore[method-assign]
        with pytest.raises(Crash):
            kg.build(inputs[:8], store, jobs=1)
    after_crash = set(nquads(store_path))
    # every article graph stored before is still there, whole
    article_lines = {line for line in stored if "/id/graph/" not in line}
    assert article_lines <= after_crash
    report = kg.build(inputs[:8], store_path, jobs=1)
    assert report.parsed == 0  # the crashed build's records were kept
    assert nquads(store_path) == nquads(clean)


def test_polnear_dev_forward_reverse_and_two_processes_agree(tmp_path):
    dev = need_shared(SHARED / "data" / "polnear" / "dev" / "text")
    files = sorted(str(p) for p in dev.glob("*.txt"))[:24]
    a, b = str(tmp_path / "a"), str(tmp_path / "b")
    assert run("build", *files, "--store", a, "-j", "1").exit_code == 0
    assert run("build", *reversed(files), "--store", b, "-j", "2").exit_code == 0
    assert nquads(a) == nquads(b)


def test_claims_fingerprints_worked_out_beforehand_are_those_worked_out_again():
    """Phase 2 takes an article's claims fingerprint from the prefetch only where its
    identity, record and entities' types are the same: an entity of the same IRI that
    became a news organisation gives the article its fingerprint worked out again, and
    every fingerprint is the one worked out from scratch."""
    from types import SimpleNamespace

    from kg.claims.state import article_fingerprint
    from kg.model import CorpusEntity, Identity
    from kg.phase2 import Made
    from kg.resolve import Resolution

    base = "https://example.org/"
    org, place = f"{base}organization/herald", f"{base}place/nairobi"
    ents = {
        org: CorpusEntity(org, "Organization", "Herald", {"Herald"}),
        place: CorpusEntity(place, "Place", "Nairobi", {"Nairobi"}),
    }
    idents = {"a1": Identity({"e1": org}), "a2": Identity({"e1": place})}
    keys = {"a1": "k1", "a2": "k2"}
    made = Made(base).fill(SimpleNamespace(identities=idents, entities=ents), keys)

    def fresh(res: Resolution) -> dict[str, str]:
        return {
            a: article_fingerprint(k, res.identities[a], res.entities, base)
            for a, k in keys.items()
        }

    same = Resolution(dict(idents), dict(ents))
    assert made.fingerprints(keys, same) == fresh(same)
    retyped = {**ents, org: CorpusEntity(org, "NewsOrganization", "Herald", {"Herald"})}
    moved = Resolution(dict(idents), retyped)
    got = made.fingerprints(keys, moved)
    assert got == fresh(moved)
    assert got["a1"] != made.prints["a1"][2] and got["a2"] == made.prints["a2"][2]
    other_record = {**keys, "a2": "k3"}
    assert made.fingerprints(other_record, same)["a2"] == article_fingerprint(
        "k3", idents["a2"], ents, base
    )
