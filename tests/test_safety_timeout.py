"""A runaway query ends: `kg query --timeout` stops it with one error line, and Ctrl-C stops
it within a second with exit 130 and no traceback. Both in a real process, as a user runs
it: the query runs in Rust, where only a waiting thread can notice either."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from kg.store import open_store
from kg.store.base import QueryTimeout

#: Three patterns over 3,000 triples: 2.7e10 rows to count, hours of work.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"


@pytest.fixture(scope="module")
def big_store(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("runaway") / "store")
    nt = "\n".join(
        f'<https://example.org/s{i}> <https://example.org/p> "{i}" .' for i in range(3000)
    )
    with open_store(path) as store:
        store.replace_article("https://w3id.org/newskg/id/article/00000000000000aa", nt)
    return path


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kg", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Ctrl-C as a terminal delivers it, even if this test runs where SIGINT is ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def test_timeout_stops_a_runaway_query(big_store):
    began = time.monotonic()
    proc = start("query", RUNAWAY, "--store", big_store, "--timeout", "1.5")
    try:
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    took = time.monotonic() - began
    assert proc.returncode == 1
    assert err.startswith("kg: error: the query ran longer than 1.5 s and was stopped")
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert out == ""
    assert took < 1.5 + 8  # the process start (imports) is most of the rest; timings are noisy


@pytest.mark.parametrize("timeout", ["30", "0"])
def test_ctrl_c_stops_a_running_query_within_a_second(big_store, timeout):
    proc = start("query", RUNAWAY, "--store", big_store, "--timeout", timeout)
    time.sleep(4)  # imported, store open, deep in the query
    assert proc.poll() is None, proc.communicate()
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
    assert time.monotonic() - sent < 1.0
    assert proc.returncode == 130
    assert err == "kg: interrupted\n"


def test_default_timeout_is_shown_in_help():
    res = subprocess.run(
        [sys.executable, "-m", "kg", "query", "--help"], capture_output=True, text=True
    )
    assert "--timeout SECONDS" in res.stdout and "default: 30" in res.stdout


def test_store_query_raises_query_timeout(big_store):
    # 9 million rows: a second or two here, so the abandoned worker thread soon finishes
    with open_store(big_store, read_only=True) as store, pytest.raises(QueryTimeout) as err:
        store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d }", timeout=0.1)
    assert err.value.seconds == 0.1


def test_a_quick_query_under_a_timeout_answers(big_store):
    with open_store(big_store, read_only=True) as store:
        result = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout=10)
    assert result.values() == [{"n": "3000"}]
