"""Crash safety and concurrency of `litcli library import`, with real processes.

A subprocess is killed (SIGKILL, SIGINT) in the middle of an import: the
library must stay consistent (integrity check, FTS in step with the records,
only whole batches) and re-running the import must finish without duplicates.
Two processes importing into one library at the same time must both succeed.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from litcli.library import BATCH_SIZE
from tests.test_library_fixtures import FIRST_PMID, write_articles

N = 8000
pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_articles(tmp_path_factory.mktemp("crash") / "big.xml", N)


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NCBI_", "LITCLI_"))}
    env["LITCLI_HOME"] = str(home)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _import(home: Path, *files: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "litcli", "library", "import", *map(str, files)],
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db, timeout=10)
    try:
        return conn.execute("SELECT count(*) FROM records").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0
    finally:
        conn.close()


def _wait_for(db: Path, n: int, proc: subprocess.Popen, timeout: float = 30) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        count = _count(db)
        if count >= n:
            return count
        if proc.poll() is not None:
            pytest.fail(f"import ended before it could be interrupted: {proc.stderr.read()}")
        time.sleep(0.01)
    proc.kill()
    pytest.fail("import made no progress")


def _check_consistent(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')")
        records = conn.execute("SELECT count(*) FROM records").fetchone()[0]
        distinct = conn.execute("SELECT count(DISTINCT pmid) FROM records").fetchone()[0]
        fts = conn.execute("SELECT count(*) FROM records_fts").fetchone()[0]
        joined = conn.execute(
            "SELECT count(*) FROM records_fts JOIN records ON records.pmid = records_fts.rowid"
        ).fetchone()[0]
        assert records == distinct == fts == joined
        return records
    finally:
        conn.close()


def _summary(stderr: str) -> dict[str, int]:
    m = re.search(
        r"Imported into .*: ([\d,]+) new, ([\d,]+) updated, ([\d,]+) unchanged, ([\d,]+) failed",
        stderr,
    )
    assert m, stderr
    new, updated, unchanged, failed = (int(g.replace(",", "")) for g in m.groups())
    return {"new": new, "updated": updated, "unchanged": unchanged, "failed": failed}


@pytest.mark.parametrize(
    "sig", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM], ids=["SIGKILL", "SIGINT", "SIGTERM"]
)
def test_killed_import_leaves_a_consistent_library_and_resumes(
    tmp_path: Path, big_file: Path, sig: signal.Signals
) -> None:
    db = tmp_path / "library.db"
    proc = _import(tmp_path, big_file)
    _wait_for(db, 2 * BATCH_SIZE, proc)
    proc.send_signal(sig)
    _, stderr = proc.communicate(timeout=30)
    if sig == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    elif sig == signal.SIGTERM:  # stopped cleanly: the open batch is rolled back
        assert proc.returncode == 143, stderr
        assert "Terminated; nothing half-written was left behind." in stderr
        assert "Traceback" not in stderr
    else:
        assert proc.returncode == 130, stderr
        assert "Interrupted after" in stderr and "Run the same command again" in stderr
        assert "Traceback" not in stderr
    kept = _check_consistent(db)
    if sig == signal.SIGINT:  # the message counts what this run committed
        said = re.search(r"Interrupted after ([\d,]+) records", stderr)
        assert said and int(said.group(1).replace(",", "")) == kept, stderr
    assert 2 * BATCH_SIZE <= kept < N, "the import should have been cut short"
    assert kept % BATCH_SIZE == 0, "only whole batches are committed"

    rerun = _import(tmp_path, big_file)
    _, stderr = rerun.communicate(timeout=60)
    assert rerun.returncode == 0, stderr
    assert _summary(stderr) == {"new": N - kept, "updated": 0, "unchanged": kept, "failed": 0}
    assert _check_consistent(db) == N


def test_two_processes_import_into_one_library_at_once(tmp_path: Path) -> None:
    first = write_articles(tmp_path / "first.xml", 3000)
    second = write_articles(tmp_path / "second.xml", 3000, start=FIRST_PMID + 1500)
    home = tmp_path / "home"  # the library does not exist yet: both race to create it
    procs = [_import(home, first), _import(home, second)]
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (_, stderr) in zip(procs, results, strict=True):
        assert proc.returncode == 0, stderr
        assert "Traceback" not in stderr
    summaries = [_summary(stderr) for _, stderr in results]
    assert sum(s["new"] for s in summaries) == 4500
    assert sum(s["unchanged"] + s["updated"] for s in summaries) == 1500
    assert all(s["failed"] == 0 for s in summaries)
    assert _check_consistent(home / "library.db") == 4500
    conn = sqlite3.connect(home / "library.db")
    assert conn.execute("SELECT name FROM migrations").fetchall() == [
        ("m001_initial",), ("m002_search_log",), ("m003_citation_metrics",)
    ]


def test_sigterm_during_an_export_leaves_no_partial_file(tmp_path: Path, big_file: Path) -> None:
    """SIGTERM (what `kill`, systemd and CI runners send) is turned into a clean stop: the
    temporary output file is removed and the target is never half-written."""
    done = _import(tmp_path, big_file)
    _, stderr = done.communicate(timeout=120)
    assert done.returncode == 0, stderr
    out = tmp_path / "all.json"
    def temporary() -> list[Path]:
        return list(tmp_path.glob(".all.json.*litcli-tmp"))

    proc = subprocess.Popen(
        [sys.executable, "-m", "litcli", "library", "export", "-f", "json", "-o", str(out)],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not any(t.stat().st_size > 0 for t in temporary()) and time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"export ended before it could be stopped: {proc.stderr.read()}")
        time.sleep(0.005)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 143, stderr
    assert "Terminated" in stderr and "Traceback" not in stderr
    assert not temporary() and not out.exists()
