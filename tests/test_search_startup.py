"""What `litcli search` does before its first request (issue 12, performance: four
processes started together share two CPUs until the first of them sends its esearch, so
every millisecond of start-up delays the first request): the stderr console is built only
when something is shown on it (``cli.common.LazyConsole``), so a search whose stderr is not
a terminal does not import rich before its first request; ``-f jsonl`` imports its writer
(``litcli.formats``) at the first batch."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from litcli.cli.common import LazyConsole
from tests.ncbi_server import pubmed_article

ROOT = Path(__file__).resolve().parents[1]


def test_lazy_console_answers_is_terminal_without_rich_when_not_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    console = LazyConsole(stderr=True)
    assert console.is_terminal is False
    assert console._console is None  # nothing built


def test_lazy_console_builds_the_console_on_first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    console = LazyConsole(stderr=True)
    console.print("a note", soft_wrap=True)  # delegated to make_console(stderr=True)
    real = console.real()
    assert isinstance(real, Console) and real is console.real()
    assert real.file is stream and real.is_terminal is False
    assert stream.getvalue() == "a note\n"


# Runs `litcli search` and writes, at its first connection to the server, the modules of
# rich and of litcli.formats imported by then (neither is needed before it).
CHILD = """
import os, socket, sys
connect = socket.socket.connect
def first(self, address):
    if not os.path.exists(os.environ["STARTUP_PROBE"]):
        with open(os.environ["STARTUP_PROBE"], "w") as out:
            out.write(" ".join(sorted(m for m in sys.modules
                                      if m.split(".")[0] == "rich" or m.startswith("litcli.formats"))))
    return connect(self, address)
socket.socket.connect = first
sys.argv[0] = "litcli"
from litcli.cli import main
main()
"""


def test_search_imports_no_rich_nor_formats_before_its_first_request(ncbi: Any, tmp_path: Path) -> None:
    ncbi.set_articles({p: pubmed_article(p, title=f"Article {p}.") for p in ("101", "102")})
    probe = tmp_path / "probe"
    env = {**os.environ, "STARTUP_PROBE": str(probe), "PYTHONPATH": str(ROOT)}
    env.pop("LITCLI_WORKER", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "search", "synthetic", "--max", "2", "-f", "jsonl"],
        env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 2
    assert probe.read_text() == ""  # none before the first request (JSONL: at the first batch)
