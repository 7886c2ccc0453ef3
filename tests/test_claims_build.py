"""Claims in the store, as a build leaves them: the seed's story connected, the same claims
graph in any build order or history, removals carried through, every statement with one
claim, the contract's shapes."""

from __future__ import annotations

from pathlib import Path

from kg.pipeline import build_records, graph_iri, remove
from kg.rdf.iris import Minter
from kg.store import open_store
from kg.validate import validate_store
from tests.test_claims import HRW_FINDING, QUOTE, Rec, S, record

CLAIMS = graph_iri(Minter(), "claims")


def _records() -> list:
    recs = [
        Rec("a-report", [HRW_FINDING, S("Sergey Lavrov", QUOTE, direct=True)], date="2017-04-10"),
        Rec(
            "b-reaction",
            [
                S("Sergey Lavrov", QUOTE, direct=True),
                S(
                    "Kremlin",
                    "reports of the detention, torture, and murder of gay men",
                    kind="Denial",
                    cue="denied",
                ),
            ],
            date="2017-04-11",
        ),
        Rec(
            "c-trimmed",
            [
                S(
                    "Sergey Lavrov",
                    "There is not a single concrete fact, there are no surnames",
                    direct=True,
                )
            ],
            date="2017-04-12",
        ),
        Rec(
            "d-other", [S("Amaka Obi", "the clinic will stay open until every child has been seen")]
        ),
    ]
    return [record(r) for r in recs]


def _claims_graph(path: Path) -> list[str]:
    with open_store(str(path), read_only=True) as store:
        quads = store.dump("nquads").decode("utf-8").splitlines()
    return sorted(q for q in quads if q.rstrip(" .").endswith(f"<{CLAIMS}>"))


def _select(path: Path, sparql: str) -> list[dict]:
    with open_store(str(path), read_only=True) as store:
        return store.select(sparql)


def test_forward_reverse_and_one_by_one_give_one_claims_graph(tmp_path: Path) -> None:
    recs = _records()
    with open_store(str(tmp_path / "forward")) as store:
        build_records(store, recs)
    with open_store(str(tmp_path / "reverse")) as store:
        build_records(store, recs[::-1])
    with open_store(str(tmp_path / "one-by-one")) as store:
        for r in recs[::-1]:
            build_records(store, [r])
    forward = _claims_graph(tmp_path / "forward")
    assert forward
    assert _claims_graph(tmp_path / "reverse") == forward
    assert _claims_graph(tmp_path / "one-by-one") == forward


def test_removing_an_article_updates_its_claims(tmp_path: Path) -> None:
    recs = _records()
    with open_store(str(tmp_path / "all")) as store:
        build_records(store, recs)
    quote_claim = """
        SELECT ?n ?k (COUNT(DISTINCT ?a) AS ?seen) WHERE {
          ?s kg:text ?t ; kg:claim ?c . FILTER(STRSTARTS(?t, "There is not"))
          ?c kg:statementCount ?n ; kg:articleCount ?k ; schema:appearance ?a }
        GROUP BY ?n ?k"""
    counts = [
        (int(r["n"]), int(r["k"]), int(r["seen"])) for r in _select(tmp_path / "all", quote_claim)
    ]
    assert counts == [(3, 3, 3)]  # three statements, in three articles
    with open_store(str(tmp_path / "all")) as store:
        remove(store, lambda f: f.startswith("b-reaction"))
    rows = _select(tmp_path / "all", quote_claim)
    # the stated count of articles follows the appearances
    assert [(int(r["n"]), int(r["k"]), int(r["seen"])) for r in rows] == [(2, 2, 2)]
    # the Kremlin's denial went with its article, and so did its link
    assert _select(tmp_path / "all", "SELECT ?d WHERE { ?d kg:denies ?c }") == []
    # ... and what is left is what a store of the other articles holds
    with open_store(str(tmp_path / "rest")) as store:
        build_records(store, [r for r in recs if not r.article.source_file.startswith("b-")])
    assert _claims_graph(tmp_path / "all") == _claims_graph(tmp_path / "rest")


def test_every_statement_has_one_claim_and_the_shapes_hold(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "s")) as store:
        build_records(store, _records())
        conforms, report, _ = validate_store(store)
    assert conforms, report
    rows = _select(
        tmp_path / "s",
        "SELECT ?s (COUNT(?c) AS ?n) WHERE { ?s a kg:Statement . OPTIONAL { ?s kg:claim ?c } }"
        " GROUP BY ?s",
    )
    assert rows and all(int(r["n"]) == 1 for r in rows)
    # the claim links live in the claims graph only
    in_articles = _select(
        tmp_path / "s",
        f"SELECT ?s WHERE {{ GRAPH ?g {{ ?s kg:claim ?c }} FILTER(?g != <{CLAIMS}>) }}",
    )
    assert in_articles == []


def test_the_seed_is_one_connected_story(seed_store: str) -> None:
    """Lavrov's denial and the Kremlin's denial each deny the claim of an HRW finding."""
    rows = _select(
        Path(seed_store),
        """SELECT DISTINCT ?denier WHERE {
             ?d a kg:Denial ; kg:speaker/rdfs:label ?denier ; kg:denies ?c .
             ?f a kg:Finding ; kg:claim ?c ; kg:speaker/rdfs:label "Human Rights Watch" }""",
    )
    assert {r["denier"] for r in rows} == {"Sergey Lavrov", "Kremlin"}
    # and nothing else in the seed is said to be denied
    linked = _select(Path(seed_store), "SELECT DISTINCT ?c WHERE { ?d kg:denies ?c }")
    assert len(linked) == 1
