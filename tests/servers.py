"""Real SPARQL servers for the remote-store tests: `oxigraph serve` and Virtuoso 7, each
started on 127.0.0.1 on a free port in a temporary directory, waited for (bounded), and
stopped after. Skipped, with the reason, where the server is not installed."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A running server: the URL to give ``--store``, and the environment it needs."""

    name: str
    url: str
    env: dict[str, str]
    proc: subprocess.Popen
    restart_cmd: list[str]
    workdir: Path

    def stop(self) -> None:
        _stop(self.proc)

    def start_again(self) -> None:
        """Start the same server on the same data and port (after :meth:`stop`)."""
        self.proc = _spawn(self.restart_cmd, self.workdir)
        _wait(self.url_probe(), self.proc)

    def url_probe(self) -> str:
        return self.url.rstrip("/") + ("" if self.url.endswith("/sparql") else "/query")


def oxigraph_binary() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


def _spawn(cmd: list[str], cwd: Path) -> subprocess.Popen:
    log = open(cwd / "server.log", "ab")  # noqa: SIM115 - the server's own log, closed with it
    return subprocess.Popen(
        cmd, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def _wait(query_url: str, proc: subprocess.Popen, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            r = requests.get(query_url, params={"query": "ASK {}"}, timeout=2)
            if r.status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    _stop(proc)
    raise RuntimeError(f"server at {query_url} did not answer within {timeout:.0f} s")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass


@contextmanager
def oxigraph_server(workdir: Path) -> Iterator[Server]:
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("`oxigraph serve` is not installed (pip install oxigraph)")
    port = free_port()
    cmd = [binary, "serve", "--location", str(workdir / "data"), "--bind", f"127.0.0.1:{port}"]
    proc = _spawn(cmd, workdir)
    url = f"http://127.0.0.1:{port}"
    server = Server("oxigraph", url, {}, proc, cmd, workdir)
    try:
        _wait(url + "/query", proc)
        yield server
    finally:
        server.stop()


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


@contextmanager
def virtuoso_server(workdir: Path) -> Iterator[Server]:
    """Virtuoso 7 with a minimal virtuoso.ini; the dba account (password dba, as a new
    database has it) writes through the -auth endpoints."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    http = free_port()
    (workdir / "virtuoso.ini").write_text(
        VIRTUOSO_INI.format(d=workdir, sql=free_port(), http=http), encoding="utf-8"
    )
    cmd = [binary, "+foreground", "+configfile", str(workdir / "virtuoso.ini")]
    proc = _spawn(cmd, workdir)
    url = f"http://127.0.0.1:{http}/sparql"
    env = {"KG_STORE_USER": "dba", "KG_STORE_PASSWORD": "dba"}
    server = Server("virtuoso", url, env, proc, cmd, workdir)
    try:
        _wait(url, proc)
        yield server
    finally:
        server.stop()


SERVERS = {"oxigraph": oxigraph_server, "virtuoso": virtuoso_server}
