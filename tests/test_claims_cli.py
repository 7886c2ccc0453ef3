"""What a user sees of claims: `kg claims` and its filters and formats, `kg show`'s other
appearances, and the canned queries, on a store built from the samples."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from kg.claims.listing import word_diff
from kg.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_kg_claims_lists_the_widespread_first_with_each_appearance(examples_store: str) -> None:
    res = run("claims", "--store", examples_store)
    assert res.exit_code == 0, res.output
    blocks = res.output.split("\n\n")
    # the quotation three outlets carried comes first, with its three appearances
    assert blocks[0].startswith("The port will bring thousands of jobs")
    assert "[3 articles; 3 statements; wording varies]" in blocks[0]
    assert "2025-06-09  Gold Coast Ledger: Ebenezer Quaye-Addo, 'said' “”" in blocks[0]
    assert "12-ghana-port-follow-ups.jsonl#2 chars" in blocks[0]
    assert "we have been [-open-] {+honest+} with the communities" in blocks[0]
    # the denied finding shows who denied it
    denied = next(b for b in blocks if "Ministry of Fisheries and Coastal Development" in b)
    assert "denied by:" in denied and "Coastal Rights Monitor" in denied


def test_filters(examples_store: str) -> None:
    denied = json.loads(
        run("claims", "--denied", "--format", "json", "--store", examples_store).output
    )
    assert denied and all(c["denials"] for c in denied)
    altered = json.loads(
        run("claims", "--altered", "--format", "json", "--store", examples_store).output
    )
    assert altered[0]["statements"] == 3
    assert altered[0]["differences"][0]["diff"].count("{+honest+}") == 1
    about = json.loads(
        run("claims", "--about", "CRM", "--format", "json", "--store", examples_store).output
    )
    assert about and all(
        any(s["speaker"] == "Coastal Rights Monitor" for s in c["appearances"]) for c in about
    )
    res = run("claims", "--about", "Nobody Atall", "--store", examples_store)
    assert res.exit_code == 1 and "no entity named 'Nobody Atall'" in res.output


def test_csv_has_a_row_per_appearance_and_denial(examples_store: str) -> None:
    res = run("claims", "--denied", "--format", "csv", "--store", examples_store)
    rows = list(csv.DictReader(io.StringIO(res.output)))
    denied = {
        r["claim"] for r in rows if r["speaker"] == "Ministry of Fisheries and Coastal Development"
    }
    roles = {(r["role"], r["speaker"]) for r in rows if r["claim"] in denied}
    assert roles == {
        ("appearance", "Coastal Rights Monitor"),
        ("denial", "Ministry of Fisheries and Coastal Development"),
    }
    assert all(int(r["end"]) > int(r["begin"]) for r in rows)


def test_kg_show_lists_a_statements_other_appearances(examples_store: str) -> None:
    res = run("show", "Efua Nyarkoah", "--store", examples_store)
    assert res.exit_code == 0
    assert (
        "also: Efua Nyarkoah (2025-06-06, Western Tide): We are not against the port." in res.output
    )
    data = json.loads(
        run("show", "Efua Nyarkoah", "--format", "json", "--store", examples_store).output
    )
    carried = [s for s in data["statements"] if s["appearances"]]
    assert len(carried) == 2  # the quotation, in each of its two articles


def test_canned_claim_queries(examples_store: str) -> None:
    for name, column, expected in (
        ("denied-findings", "denied_by", "Ministry of Fisheries and Coastal Development"),
        ("claim-appearances", "speaker", "Ebenezer Quaye-Addo"),
        ("altered-quotes", "outlet", "Gold Coast Ledger"),
    ):
        res = run("query", "--name", name, "--format", "json", "--store", examples_store)
        assert res.exit_code == 0, res.output
        values = {
            b[column]["value"] for b in json.loads(res.output)["results"]["bindings"] if column in b
        }
        assert expected in values, name


def test_word_diff() -> None:
    assert word_diff("We will stay.", "We shall stay") == "We [-will-] {+shall+} stay"
    assert word_diff("A, b c", "a b c d") == "a b c {+d+}"
