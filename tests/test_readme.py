"""The README's console examples, and every command's --help examples, run for real on
the samples; a change that alters their output fails here until the README is updated.

README rules (kept short so a writer can follow them):
- each ```console block is a shell session: `$ command` lines, each followed by its output;
- output lines are compared exactly (trailing spaces aside), except that a line `...`
  stands for any number of lines and `...` inside a line for any characters;
- a block preceded by `<!-- readme: not run -->` is an illustration and is not run;
- blocks run in order, in one scratch directory holding `examples/` (a link to the
  project's) and, once the first block has run, the `kg-store` it builds.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kg.model import Span
from tests.conftest import ROOT

README = ROOT / "README.md"
NOT_RUN = "<!-- readme: not run -->"


@dataclass
class Session:
    line: int  # where the block starts in the README
    commands: list[tuple[str, list[str]]] = field(default_factory=list)


def sessions(text: str) -> list[Session]:
    out: list[Session] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].strip() == "```console":
            before = [x for x in lines[max(0, i - 3) : i] if x.strip()]
            skip = bool(before) and before[-1].strip() == NOT_RUN
            session = Session(line=i + 1)
            i += 1
            while i < len(lines) and lines[i].strip() != "```":
                if lines[i].startswith("$ "):
                    session.commands.append((lines[i][2:], []))
                elif session.commands:
                    session.commands[-1][1].append(lines[i])
                i += 1
            if not skip:
                out.append(session)
        i += 1
    return out


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` fits ``expected`` under the rules of the module docstring."""
    exp = [e.rstrip() for e in expected]
    act = [a.rstrip() for a in actual]

    def fit(i: int, j: int) -> bool:
        if i == len(exp):
            return j == len(act)
        if exp[i] == "...":
            return any(fit(i + 1, k) for k in range(j, len(act) + 1))
        if j == len(act):
            return False
        line = exp[i]
        if "..." in line:
            pattern = ".*".join(re.escape(part) for part in line.split("..."))
            ok = re.fullmatch(pattern, act[j]) is not None
        else:
            ok = act[j] == line
        return ok and fit(i + 1, j + 1)

    return fit(0, 0)


def environment(workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["CI"] = "true"  # no progress bars
    env["COLUMNS"] = "200"
    return env


def run(command: str, workdir: Path, last: int = 0) -> tuple[list[str], int]:
    """Output lines and exit code of one command; ``last`` is what ``$?`` says in it."""
    proc = subprocess.run(
        ["bash", "-c", f"(exit {last}); {command}"],
        cwd=workdir,
        env=environment(workdir),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
    )
    return proc.stdout.splitlines(), proc.returncode


@pytest.fixture(scope="module")
def readme_runs(tmp_path_factory) -> list[tuple[Session, list[tuple[str, list[str], list[str]]]]]:
    workdir = tmp_path_factory.mktemp("readme")
    (workdir / "examples").symlink_to(ROOT / "examples")
    results = []
    for session in sessions(README.read_text(encoding="utf-8")):
        done, last = [], 0
        for cmd, expected in session.commands:
            actual, last = run(cmd, workdir, last)
            done.append((cmd, expected, actual))
        results.append((session, done))
    return results


def test_the_readme_has_console_examples_that_run():
    found = sessions(README.read_text(encoding="utf-8"))
    assert len(found) >= 8
    assert sum(len(s.commands) for s in found) >= 15


def test_readme_console_examples_print_what_the_readme_shows(readme_runs):
    drift = []
    for session, done in readme_runs:
        for cmd, expected, actual in done:
            if not matches(expected, actual):
                drift.append(
                    f"README.md:{session.line}: $ {cmd}\n--- README\n"
                    + "\n".join(expected)
                    + "\n--- actual\n"
                    + "\n".join(actual)
                )
    assert not drift, "\n\n".join(drift)


def test_the_matcher_elides_only_where_told():
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert matches(["ab..."], ["abc"])
    assert matches(["(... rows)"], ["(12 rows)"]) and not matches(["(... rows)"], ["12 rows"])
    assert not matches(["a", "d"], ["a", "b", "d"])
    assert not matches(["a"], ["a", "b"])


def test_the_python_api_example_runs_as_shown(tmp_path, monkeypatch):
    import doctest

    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", text, flags=re.S)
    assert blocks, "the README has no Python example"
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for i, block in enumerate(blocks):
        test = parser.get_doctest(block, {"Span": Span}, f"README pycon {i}", str(README), 0)
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0 and result.attempted > 5


# --- every example in every command's --help runs on the samples -----------------------------


def help_examples() -> list[tuple[str, str]]:
    from click.testing import CliRunner

    from kg.cli import cli

    runner = CliRunner()
    names = cli.list_commands(None)  # type: ignore[arg-type]
    out = []
    for name in ["", *names]:
        text = runner.invoke(cli, [*([name] if name else []), "--help"]).output
        block = re.split(r"\n\s*(?:Quick start|Examples?):\s*\n", text)
        if len(block) < 2:
            continue
        for line in block[1].splitlines():
            line = line.strip()
            if not line:
                break
            if line.startswith(("kg ", "cat ")):
                out.append((name or "kg", re.sub(r"\s+#.*$", "", line)))
    return out


@pytest.fixture(scope="module")
def built_store(tmp_path_factory) -> Path:
    workdir = tmp_path_factory.mktemp("help-base")
    (workdir / "examples").symlink_to(ROOT / "examples")
    run("kg build examples/articles", workdir)
    return workdir / "kg-store"


def test_every_command_has_examples():
    commands = {name for name, _ in help_examples()}
    from kg.cli import cli

    missing = set(cli.list_commands(None)) - commands  # type: ignore[arg-type]
    assert not missing, f"--help without a runnable example: {sorted(missing)}"


@pytest.mark.parametrize("command,example", help_examples())
def test_help_example_runs_on_the_samples(command, example, built_store, tmp_path):
    shutil.copytree(built_store, tmp_path / "kg-store")
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    proc = subprocess.run(
        ["bash", "-c", example],
        cwd=tmp_path,
        env=environment(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, f"$ {example}\n{proc.stdout}"
    assert shlex.split(example)[0] in ("kg", "cat")
