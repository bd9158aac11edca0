"""How the console script ends (``litcli.cli.main``, issue 12 performance): once the command
is done, stdout and stderr are flushed, the atexit handlers run and the process ends with
the command's exit code without the interpreter's teardown; a command's large results
(``errors.keep_until_exit``) are kept alive until then instead of being freed one by one.
In-process (``run_main``: tests, embedding) nothing is kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from litcli.cli import errors

ROOT = Path(__file__).resolve().parents[1]

CHILD = (
    "import atexit, sys\n"
    "atexit.register(lambda: (print('handler ran'), print('bye', file=sys.stderr)))\n"
    "sys.argv[0] = 'litcli'\n"
    "from litcli.cli import main\n"
    "main(sys.argv[1:])\n"
)


@pytest.mark.parametrize(
    ("args", "code", "out"),
    [(["--version"], 0, "litcli, version"), (["search", "--max", "many"], 2, ""),
     (["show", "--offline", "123456789"], 3, "")],
    ids=["ok", "usage", "not-found"],
)
def test_the_entry_point_keeps_exit_codes_output_and_atexit_handlers(isolated_env, args, code, out) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), LITCLI_HOME=str(isolated_env))
    done = subprocess.run([sys.executable, "-c", CHILD, *args], env=env, capture_output=True,
                          text=True, timeout=60, cwd=isolated_env)
    assert done.returncode == code, done.stderr
    assert done.stdout.startswith(out) and done.stdout.endswith("handler ran\n"), done.stdout
    assert done.stderr.endswith("bye\n"), done.stderr


def test_keep_until_exit_keeps_nothing_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(errors, "_KEPT", None)
    errors.keep_until_exit(object())  # run_main in a process that goes on: nothing kept
    assert errors._KEPT is None
    errors.start_keeping()  # litcli.cli.main: the process ends after the command
    kept = object()
    errors.keep_until_exit(kept)
    assert errors._KEPT is not None and errors._KEPT[-1] is kept
