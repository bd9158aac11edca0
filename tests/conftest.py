"""Shared fixtures.

Every test runs with LITCLI_HOME in a temp dir and without the user's NCBI_*
variables, so no test reads or writes the user's config or library.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Modules imported while tests are collected (before any fixture) find their files under
# LITCLI_HOME too: the claims reader's pattern cache (litcli/claims/regexcache.py) must not
# be the user's.  Each test then gets a home of its own (isolated_env).
_SESSION_HOME = tempfile.mkdtemp(prefix="litcli-test-home-")
os.environ["LITCLI_HOME"] = _SESSION_HOME
atexit.register(shutil.rmtree, _SESSION_HOME, True)

SHARED_DATA = Path(os.environ.get("LITCLI_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


def shared_file(relpath: str) -> Path:
    """Path of a real NCBI file in ../shared/data; skip the test when absent."""
    path = SHARED_DATA / relpath
    if not path.exists():
        pytest.skip(f"real NCBI data not available: {path} (see ../shared/data/PROVENANCE.md)")
    return path


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("litcli-home")
    monkeypatch.setenv("LITCLI_HOME", str(home))
    for var in ("NCBI_EMAIL", "NCBI_API_KEY", "LITCLI_EUTILS_URL", "LITCLI_ICITE_URL", "LITCLI_DEBUG", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)
    # nothing of a test reaches NIH iCite: a closed local port unless the `icite` fixture runs
    monkeypatch.setenv("LITCLI_ICITE_URL", "http://127.0.0.1:9/icite-not-running/")
    monkeypatch.setenv("LITCLI_IDCONV_URL", "http://127.0.0.1:9/idconv-not-running/")
    for var in ("LITCLI_CONNECT_TIMEOUT", "LITCLI_READ_TIMEOUT", "LITCLI_MAX_TRIES", "LITCLI_BACKOFF", "LITCLI_REQUESTS_PER_SECOND"):
        monkeypatch.delenv(var, raising=False)
    return home


# --- the loopback E-utilities server (tests/ncbi_server.py documents its API) ------------

# Settings the `ncbi` fixture uses so that tests stay fast; pacing tests override them.
FAST_NCBI_ENV = {
    "NCBI_EMAIL": "tests@example.org",
    "LITCLI_REQUESTS_PER_SECOND": "50",
    "LITCLI_BACKOFF": "0.01",
    "LITCLI_READ_TIMEOUT": "10",
    "LITCLI_CONNECT_TIMEOUT": "5",
}


@pytest.fixture
def ncbi(monkeypatch: pytest.MonkeyPatch):
    """A real HTTP server on 127.0.0.1 standing in for NCBI E-utilities."""
    from tests.ncbi_server import NcbiServer

    with NcbiServer(shared_file) as server:
        monkeypatch.setenv("LITCLI_EUTILS_URL", server.url)
        for name, value in FAST_NCBI_ENV.items():
            monkeypatch.setenv(name, value)
        yield server


def run_cli(args: list[str], *, input: str | None = None, env: dict[str, str] | None = None):
    """Run `litcli ARGS` through the real entry point (`run_main`: error -> exit code
    mapping included) inside Click's CliRunner isolation; returns a click Result
    with .exit_code, .stdout, .stderr and .output."""
    from click.testing import CliRunner, Result

    from litcli.cli import cli
    from litcli.cli.errors import run_main

    runner = CliRunner()
    code: int = 0
    exception: BaseException | None = None
    with runner.isolation(input=input, env=env) as (out, err, mixed):
        try:
            run_main(cli, args)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except Exception as exc:  # a bug: let the test see it
            exception, code = exc, 1
        stdout, stderr, output = out.getvalue(), err.getvalue(), mixed.getvalue()
    return Result(runner, stdout, stderr, output, None, code, exception)


@pytest.fixture
def icite(monkeypatch: pytest.MonkeyPatch):
    """A real HTTP server on 127.0.0.1 standing in for NIH iCite (tests/icite_server.py)."""
    from tests.icite_server import ICiteServer

    with ICiteServer() as server:
        monkeypatch.setenv("LITCLI_ICITE_URL", server.url)
        for name, value in FAST_NCBI_ENV.items():
            if name != "LITCLI_REQUESTS_PER_SECOND":  # NCBI's pacing: not iCite's
                monkeypatch.setenv(name, value)
        yield server


@pytest.fixture
def idconv(monkeypatch: pytest.MonkeyPatch):
    """A real HTTP server on 127.0.0.1 standing in for the PMC ID converter."""
    from tests.idconv_server import IdConvServer

    with IdConvServer() as server:
        monkeypatch.setenv("LITCLI_IDCONV_URL", server.url)
        monkeypatch.setenv("LITCLI_BACKOFF", "0.01")
        yield server
