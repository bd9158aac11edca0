"""litcli.pipeline (items prepared in a worker process) and the import through it.

Behaviour only, no timings: the order of items, errors raised in the worker, what an
early stop or Ctrl-C leaves (committed batches, no process), small inputs in-process.
"""

from __future__ import annotations

import functools
import gzip
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from litcli import pipeline
from litcli.errors import InputFileError
from tests.test_library_fixtures import FIRST_PMID, article_set, article_xml, write_articles

posix_only = pytest.mark.skipif(os.name != "posix", reason="the worker process is POSIX-only")


# --- module-level, so that the worker process can unpickle them -----------------------


def numbers(n: int, report: Callable[[int], None]) -> Iterator[int]:
    for i in range(n):
        report(i + 1)
        yield i


def failing(n: int, report: Callable[[int], None]) -> Iterator[int]:
    yield from numbers(n, report)
    raise InputFileError("broken.xml: the file is truncated after 3 records", hint="download it again")


class Unpicklable(Exception):
    def __init__(self, message: str, extra: object) -> None:
        super().__init__(message)
        self.extra = extra

    def __reduce__(self):  # type: ignore[no-untyped-def]
        raise TypeError("no")


def unpicklable(report: Callable[[int], None]) -> Iterator[int]:
    yield 1
    raise Unpicklable("odd failure", lambda: None)


def with_pid(item: int) -> tuple[int, int]:
    return item, os.getpid()


def slow(report: Callable[[int], None]) -> Iterator[int]:
    for i in range(1_000_000):
        time.sleep(0.001)
        yield i


def dies(report: Callable[[int], None]) -> Iterator[int]:
    yield 1
    os._exit(3)


def counted(path: str, n: int, report: Callable[[int], None]) -> Iterator[int]:
    """n items, writing to ``path`` how many were made so far (replaced whole, so a reader
    never sees the file empty between truncation and write)."""
    for i in range(n):
        part = Path(path + ".part")
        part.write_text(str(i + 1))
        os.replace(part, path)
        yield i


def big(item: int) -> tuple[int, bytes]:
    return item, bytes(2_000_000)  # larger than the pipe's buffer


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


# --- the pipeline -----------------------------------------------------------------------


@posix_only
def test_items_arrive_in_order_from_another_process() -> None:
    seen: list[int] = []
    with pipeline.prepared(
        functools.partial(numbers, 1000), with_pid, chunk=7, on_progress=seen.append
    ) as items:
        out = list(items)
    assert [i for i, _ in out] == list(range(1000))
    assert {pid for _, pid in out} != {os.getpid()} and len({pid for _, pid in out}) == 1
    assert seen == sorted(seen) and seen[-1] == 1000  # progress of the last chunk
    assert _gone(out[0][1])


def test_not_parallel_runs_here_lazily() -> None:
    seen: list[int] = []
    with pipeline.prepared(
        functools.partial(numbers, 5), with_pid, parallel=False, on_progress=seen.append
    ) as items:
        first = next(items)
        assert seen == [1]  # nothing read ahead
        out = [first, *items]
    assert out == [(i, os.getpid()) for i in range(5)]


@posix_only
def test_an_error_in_the_worker_comes_after_the_items_before_it() -> None:
    got: list[int] = []
    with (
        pipeline.prepared(functools.partial(failing, 3), with_pid, chunk=2) as items,
        pytest.raises(InputFileError) as info,
    ):
        for item, _pid in items:
            got.append(item)
    assert got == [0, 1, 2]
    assert info.value.message == "broken.xml: the file is truncated after 3 records"
    assert info.value.hint == "download it again"


@posix_only
def test_an_exception_that_cannot_cross_becomes_a_runtime_error() -> None:
    with pipeline.prepared(unpicklable, with_pid) as items:
        assert next(items)[0] == 1
        with pytest.raises(RuntimeError, match="Unpicklable: odd failure"):
            next(items)


@posix_only
def test_a_worker_that_dies_is_an_error_not_a_hang() -> None:
    with pipeline.prepared(dies, with_pid, chunk=1) as items:
        assert next(items)[0] == 1
        with pytest.raises(pipeline.WorkerError):
            list(items)


@posix_only
def test_leaving_early_stops_the_worker() -> None:
    with pytest.raises(KeyboardInterrupt), pipeline.prepared(slow, with_pid, chunk=5) as items:
        _, pid = next(items)
        raise KeyboardInterrupt
    assert _gone(pid)


@posix_only
def test_the_worker_goes_on_while_the_caller_is_busy_a_few_chunks_ahead(tmp_path: Path) -> None:
    """The caller's process receives the worker's chunks as they come (a thread), so the
    worker is not held up while the caller works on what it has (an import writing a
    batch), and runs at most ``AHEAD`` chunks (plus the one being sent) ahead; no thread
    outlives the block, whether it ends early or not."""
    made = tmp_path / "made"
    for n, leave_early in ((40, True), (12, False)):
        with pipeline.prepared(functools.partial(counted, str(made), n), big, chunk=1) as items:
            assert next(items)[0] == 0
            deadline = time.monotonic() + 20
            while int(made.read_text()) < pipeline.AHEAD + 2 and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(0.3)
            ahead = int(made.read_text())
            assert pipeline.AHEAD + 2 <= ahead <= pipeline.AHEAD + 5
            if not leave_early:
                assert [i for i, _ in items] == list(range(1, n))
        assert not [t for t in threading.enumerate() if t.name == "litcli-worker-drain"]


def test_no_worker_process_falls_back_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    with pipeline.prepared(functools.partial(numbers, 3), with_pid) as items:
        assert list(items) == [(i, os.getpid()) for i in range(3)]


# --- the import through it ------------------------------------------------------------


def _rows(db: Path) -> tuple[list, list]:
    conn = sqlite3.connect(db)
    try:
        records = conn.execute("SELECT * FROM records ORDER BY pmid").fetchall()
        fts = conn.execute("SELECT * FROM records_fts_data ORDER BY id").fetchall()
    finally:
        conn.close()
    return records, fts


def _import(tmp_path: Path, name: str, files: list[Path], parallel: bool):  # type: ignore[no-untyped-def]
    from litcli.importer import import_file
    from litcli.library import Library

    db = tmp_path / name / "library.db"
    results = []
    with Library(db, clock=lambda: 1000.0) as lib:
        for f in files:
            errors: list[tuple[str, str]] = []
            stats, items = import_file(lib, str(f), f.name, errors, parallel=parallel)
            results.append((stats.to_dict(), items, errors))
    return results, _rows(db)


@posix_only
def test_import_in_a_worker_stores_the_same_rows(tmp_path: Path) -> None:
    big = write_articles(tmp_path / "big.xml.gz", 1200, gz=True)
    changed = tmp_path / "changed.xml"
    changed.write_text(
        article_set(
            [article_xml(FIRST_PMID + 5, title="Changed"), article_xml(FIRST_PMID + 7),
             article_xml(FIRST_PMID + 5, title="Changed again", retraction_in="1")],
            deleted=[FIRST_PMID + 9, FIRST_PMID + 2000],
        ),
        encoding="utf-8",
    )
    whole = article_set([article_xml(FIRST_PMID + 3000 + i) for i in range(3)])
    cut = tmp_path / "cut.xml"
    cut.write_text(whole[: whole.index("</PubmedArticle>", whole.index(str(FIRST_PMID + 3001))) - 5])
    files = [big, changed, cut, big]
    inline = _import(tmp_path, "inline", files, parallel=False)
    worker = _import(tmp_path, "worker", files, parallel=True)
    assert worker == inline
    (_, items, errors) = inline[0][2]
    assert items == 1 and len(errors) == 1 and "truncated" in errors[0][1]


@posix_only
def test_the_progress_of_a_worker_import_ends_at_the_file_size(tmp_path: Path) -> None:
    from litcli.importer import import_file
    from litcli.library import Library

    big = write_articles(tmp_path / "big.xml.gz", 600, gz=True)
    reads: list[int] = []
    with Library() as lib:
        stats, items = import_file(lib, str(big), big.name, [], on_read=reads.append, parallel=True)
    assert (stats.imported, items) == (600, 600)
    assert reads == sorted(reads) and reads[-1] == big.stat().st_size


@posix_only
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd")
def test_a_descriptor_path_is_opened_by_the_worker_as_the_same_file(tmp_path: Path) -> None:
    """/dev/stdin or /proc/self/fd/N would name the worker's own descriptor there."""
    from litcli import importer
    from litcli.library import Library

    big = write_articles(tmp_path / "big.xml", 50)
    with open(big, "rb") as fh:
        name = f"/proc/self/fd/{fh.fileno()}"
        assert importer._reopenable(name) == str(big.resolve())
        reads: list[int] = []
        with Library() as lib:
            stats, items = importer.import_file(
                lib, name, "fd", [], on_read=reads.append, parallel=True
            )
        assert (stats.imported, items) == (50, 50) and reads[-1] == big.stat().st_size
    assert importer._reopenable(str(tmp_path)) is None  # a directory
    assert importer._reopenable(str(tmp_path / "missing.xml")) is None


@posix_only
@pytest.mark.skipif(
    not Path(f"/proc/self/task/{os.getpid()}/children").exists(), reason="reads /proc children"
)
def test_an_exception_while_storing_keeps_the_committed_batches_and_stops_the_worker(
    tmp_path: Path,
) -> None:
    from litcli.importer import import_file
    from litcli.library import BATCH_SIZE, Library

    big = write_articles(tmp_path / "big.xml.gz", 5000, gz=True)
    batches: list[int] = []

    def on_batch(stats) -> None:  # type: ignore[no-untyped-def]
        batches.append(stats.imported)
        assert _children("litcli.pipeline"), "no worker process"
        if len(batches) == 2:
            raise RuntimeError("disk on fire")

    with Library() as lib:
        with pytest.raises(RuntimeError, match="disk on fire"):
            import_file(lib, str(big), big.name, [], on_batch=on_batch, parallel=True)
        assert lib.count() == 2 * BATCH_SIZE and lib.integrity_check() == "ok"
        # the index holds those rows only (one record in five is about ketamine)
        assert len(lib.search("ketamine", limit=None)) == 2 * BATCH_SIZE // 5
    assert _children("litcli.pipeline") == []


def _children(marker: str) -> list[int]:
    """This process's child processes whose command line holds ``marker``."""
    out = []
    for task in Path("/proc/self/task").iterdir():
        try:
            pids = (task / "children").read_text().split()
        except OSError:
            continue
        for pid in pids:
            try:
                if marker.encode() in Path(f"/proc/{pid}/cmdline").read_bytes():
                    out.append(int(pid))
            except OSError:
                continue
    return out


def test_small_inputs_and_stdin_stay_in_this_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from litcli import importer

    small = write_articles(tmp_path / "small.xml", 3)
    monkeypatch.delenv("LITCLI_IMPORT_WORKER", raising=False)
    assert not importer._use_worker(str(small), None)
    assert not importer._use_worker("-", True)
    monkeypatch.setattr(importer, "WORKER_MIN_BYTES", 10)
    monkeypatch.setattr(importer, "_cpus", lambda: 2)
    assert not importer._use_worker(str(small), None)  # plain XML: WORKER_MIN_PLAIN_BYTES
    small_gz = write_articles(tmp_path / "small.xml.gz", 3, gz=True)
    assert importer._use_worker(str(small_gz), None)
    monkeypatch.setattr(importer, "WORKER_MIN_PLAIN_BYTES", 10)
    assert importer._use_worker(str(small), None)
    monkeypatch.setattr(importer, "_cpus", lambda: 1)  # one CPU: a worker would only cost
    assert not importer._use_worker(str(small), None)
    assert importer._use_worker(str(small), True)
    monkeypatch.setenv("LITCLI_IMPORT_WORKER", "0")
    assert not importer._use_worker(str(small), None)
    monkeypatch.setenv("LITCLI_IMPORT_WORKER", "1")
    monkeypatch.setattr(importer, "WORKER_MIN_BYTES", 10**12)
    assert importer._use_worker(str(small), None)

    started: list[object] = []
    monkeypatch.setattr(pipeline, "_start", lambda *a: started.append(a))
    monkeypatch.setenv("LITCLI_IMPORT_WORKER", "")
    monkeypatch.setattr(importer, "WORKER_MIN_BYTES", 10**12)
    from litcli.library import Library

    with Library() as lib:
        stats, _ = importer.import_file(lib, str(small), small.name, [])
    assert stats.imported == 3 and started == []


@posix_only
def test_a_broken_file_gives_the_same_error_and_exit_code_with_a_worker(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    whole = article_set([article_xml(FIRST_PMID + i) for i in range(2)])
    cut = tmp_path / "cut.xml"
    cut.write_text(whole[: whole.index("<PubmedArticle>") + 40])
    bad = tmp_path / "bad.xml.gz"
    bad.write_bytes(gzip.compress(b"<PubmedArticleSet><PubmedArticle><Medline")[:-12])
    for target in (cut, bad):
        results = [
            run_cli(["library", "import", str(target)], env={"LITCLI_IMPORT_WORKER": flag})
            for flag in ("0", "1")
        ]
        assert results[0].exit_code == results[1].exit_code == 6
        assert results[0].stderr == results[1].stderr
        assert "cannot import" in results[1].stderr


@posix_only
@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc")
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_ctrl_c_keeps_the_committed_batches_and_leaves_no_process(
    tmp_path: Path, signum: int, code: int
) -> None:
    big = write_articles(tmp_path / "big.xml.gz", 40_000, gz=True)
    home = tmp_path / "home"
    env = dict(os.environ, LITCLI_HOME=str(home), LITCLI_IMPORT_WORKER="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "litcli", "library", "import", str(big), "--quiet"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    db = home / "library.db"
    deadline = time.monotonic() + 120
    committed = 0
    while committed == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
        if db.exists():
            try:
                conn = sqlite3.connect(db, timeout=1)
                committed = conn.execute("SELECT count(*) FROM records").fetchone()[0]
                conn.close()
            except sqlite3.Error:
                pass
    workers = _workers_of(str(home))
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the import finished before the interrupt (a very fast machine)")
    assert proc.returncode == code, stderr
    assert "Traceback" not in stderr
    if signum == signal.SIGINT:
        assert "Interrupted after" in stderr
    assert workers, "the import did not start a worker process"
    for pid in workers:
        assert _gone(pid) or pid not in _workers_of(str(home))
    conn = sqlite3.connect(db)
    try:
        count = conn.execute("SELECT count(*) FROM records").fetchone()[0]
        assert count >= committed and count % 500 == 0 and count < 40_000
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        fts = conn.execute("SELECT count(*) FROM records_fts WHERE records_fts MATCH 'ketamine'").fetchone()[0]
        # the index holds exactly the committed rows (titles of every fifth: "Ketamine ...")
        assert fts == sum(1 for p in range(FIRST_PMID, FIRST_PMID + count) if p % 5 == 0)
    finally:
        conn.close()


def _workers_of(home: str) -> list[int]:
    """PIDs of the running processes whose environment has LITCLI_HOME=home, other than
    the litcli command itself (its worker)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if f"LITCLI_HOME={home}".encode() in environ and b"litcli.pipeline" in cmdline:
            out.append(int(entry.name))
    return out
