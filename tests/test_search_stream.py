"""Issue 12, performance: efetch batches fetched one ahead of the caller (``eutils.prefetched``
in ``EutilsClient.fetch_batches``) and ``search --all`` streamed batch by batch
(``service.RecordStream``), against the real loopback server.  No timed assertions: order
and overlap are read from the server's request log."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time

import pytest

from litcli.config import Settings
from litcli.errors import NCBIError
from litcli.eutils import EutilsClient, prefetched
from litcli.library import Library
from litcli.service import RecordStream, store_fetched
from tests.ncbi_server import Reply, pubmed_article

FIRST = 99000001


def _ids(n: int, first: int = FIRST) -> list[str]:
    return [str(first + i) for i in range(n)]


def _serve(ncbi, n: int) -> list[str]:
    pmids = _ids(n)
    ncbi.set_articles({p: pubmed_article(p, title=f"Synthetic article {p}.") for p in pmids})
    return pmids


def _client(batch_size: int = 10) -> EutilsClient:
    return EutilsClient(Settings.load().with_(batch_size=batch_size))


def _wait_for(condition, what: str) -> None:
    """Poll until ``condition()`` holds (a guard against hanging, not a timing check)."""
    deadline = time.monotonic() + 20
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.01)


def _pmids_in(body: bytes) -> list[str]:
    return re.findall(r"<PMID Version=\"1\">(\d+)</PMID>", body.decode())


def _prefetch_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "litcli-prefetch"]


# --- prefetching: order, request counts, one ahead ----------------------------------------------


def test_the_next_batch_is_fetched_while_this_one_is_handled_in_order(ncbi):
    pmids = _serve(ncbi, 45)
    client = _client()
    asked_when_handling: list[int] = []
    got: list[str] = []
    for k, body in enumerate(client.fetch_batches(ids=pmids)):
        if k + 1 < 5:  # batch k + 1 is requested while batch k is still being handled
            _wait_for(lambda k=k: ncbi.count("efetch") >= k + 2, f"efetch {k + 2}")
        asked_when_handling.append(ncbi.count("efetch"))  # and never more than one ahead
        got.extend(_pmids_in(body))
    assert asked_when_handling == [2, 3, 4, 5, 5]
    assert got == pmids  # order kept
    assert [h.params["id"].split(",") for h in ncbi.hits("efetch")] == [
        pmids[i : i + 10] for i in range(0, 45, 10)
    ]
    assert client.request_count == ncbi.count() == 5  # ceil(45 / 10), nothing more


def test_the_history_path_is_prefetched_too(ncbi):
    pmids = _serve(ncbi, 25)
    client = _client()
    result = client.esearch("synthetic", retmax=25)
    got: list[str] = []
    for k, body in enumerate(client.fetch_batches(search=result)):
        if k == 0:
            _wait_for(lambda: ncbi.count("efetch") == 2, "the second batch")
        got.extend(_pmids_in(body))
    assert got == pmids
    assert [h.params["retstart"] for h in ncbi.hits("efetch")] == ["0", "10", "20"]


def test_an_error_in_batch_k_stops_cleanly_with_the_batches_before_it_stored(ncbi, isolated_env):
    pmids = _serve(ncbi, 50)

    def third_batch_fails(hit):
        if ncbi.count("efetch") == 3:
            return Reply("<eFetchResult><ERROR>simulated</ERROR></eFetchResult>", status=400)
        return ncbi._efetch(hit)

    ncbi.route("efetch", third_batch_fails)
    client = _client()
    handed: list[str] = []
    with Library() as lib:
        with pytest.raises(NCBIError, match="HTTP 400"):
            for body in client.fetch_batches(ids=pmids):
                handed.extend(r.pmid for r in store_fetched([body], library=lib))
        assert handed == pmids[:20]
        assert sorted(r.pmid for r in lib.iter_records()) == pmids[:20]
    assert ncbi.count("efetch") == 3  # nothing after the failing batch was asked
    _wait_for(lambda: not _prefetch_threads(), "the prefetch thread to end")


def test_ctrl_c_in_the_caller_stops_the_prefetch_without_waiting_for_it(ncbi):
    pmids = _serve(ncbi, 40)
    release = threading.Event()

    def later_batches_hang(hit):
        if ncbi.count("efetch") > 1:
            release.wait(30)
        return ncbi._efetch(hit)

    ncbi.route("efetch", later_batches_hang)
    client = _client()
    try:
        with pytest.raises(KeyboardInterrupt):
            for _body in client.fetch_batches(ids=pmids):
                _wait_for(lambda: ncbi.count("efetch") == 2, "the second batch to be asked")
                raise KeyboardInterrupt  # Ctrl-C while the next batch is under way
        # the generator was closed by the exception: the thread is told to stop and is
        # not waited for (its request still hangs at the server)
        (thread,) = _prefetch_threads()
        assert thread.is_alive() and thread.daemon
    finally:
        release.set()
    _wait_for(lambda: not _prefetch_threads(), "the prefetch thread to end")
    assert ncbi.count("efetch") == 2  # no batch after the one under way was asked


def test_prefetched_results_in_order_and_errors_in_place():
    calls = []

    def make(i: int):
        def call() -> int:
            calls.append(i)
            if i == 3:
                raise ValueError("call 3")
            return i * 10

        return call

    got = []
    with pytest.raises(ValueError, match="call 3"):
        for value in prefetched(make(i)() for i in range(6)):
            got.append(value)
    assert got == [0, 10, 20] and calls == [0, 1, 2, 3]
    assert list(prefetched([])) == []


# --- RecordStream: the records of many PMIDs, streamed --------------------------------------------


def test_record_stream_mixes_library_and_fetched_records_in_order(ncbi, isolated_env):
    pmids = _serve(ncbi, 60)
    client = _client()
    with Library() as lib:
        # 20..29 are in the library already: only the 50 others are fetched (5 batches)
        list(store_fetched([client.efetch(ids=pmids[20:30])], library=lib))
        ncbi.clear()
        seen: list[tuple[int, int]] = []
        stream = RecordStream(
            [*pmids, "99000999"], library=lib, client=lambda: client,
            progress=lambda d, t: seen.append((d, t)),
        )
        got = [r.pmid for r in stream]
        assert got == pmids
        assert stream.failures == [("99000999", "no PubMed record with this PMID")]
        assert (stream.fetched, stream.stored, stream.position) == (50, 10, 61)
        assert lib.count() == 60
    fetched = [h.params["id"].split(",") for h in ncbi.hits("efetch")]
    # ceil(51 / 10) batches of what the library lacks (the unknown PMID is asked too)
    assert fetched == [
        pmids[0:10], pmids[10:20], pmids[30:40], pmids[40:50], pmids[50:60], ["99000999"]
    ]
    assert seen[-1] == (61, 61)


def test_all_records_error_keeps_earlier_batches_and_says_where(ncbi, isolated_env):
    """The pieces listed in the background, the records streamed: efetch 3 fails."""
    import bisect
    import datetime as dt

    from litcli.allsearch import AllRecords

    pmids = _serve(ncbi, 40)
    ncbi.set_dates({p: f"{dt.date(2001, 1, 1) + dt.timedelta(days=i):%Y/%m/%d}" for i, p in enumerate(pmids)})

    def third_batch_fails(hit):
        if ncbi.count("efetch") == 3:
            return Reply("<eFetchResult><ERROR>simulated</ERROR></eFetchResult>", status=400)
        return ncbi._efetch(hit)

    ncbi.route("efetch", third_batch_fails)
    client = _client()
    with Library() as lib:
        run = AllRecords(
            "synthetic", settings=client.settings, cap=25,
            make_stream=lambda feed: RecordStream(feed=feed, library=lib, client=lambda: client),
            open_cache=lambda: (None, lambda: None),
        )
        got: list[str] = []
        with pytest.raises(NCBIError) as caught:
            for record in run:
                got.append(record.pmid)
        run.close()
        stream = run.stream
        assert got == pmids[:20] and stream.position == 20
        assert sorted(r.pmid for r in lib.iter_records()) == pmids[:20]
        assert len(stream.labels) >= 2  # 40 records, at most 25 a piece
    k = bisect.bisect_right(stream.group_ends, 20)
    message = caught.value.message
    assert f"(while fetching the records of piece {k + 1}, publication dates {stream.labels[k]};" in message
    assert "the records before it are kept in the library: run the same command again" in message
    assert ncbi.count("efetch") == 3


# --- search --all: streamed output, progress on a terminal's stderr ------------------------------


@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal for stderr")
@pytest.mark.parametrize("worker", ["0", "1"])
def test_search_all_streams_records_and_shows_progress_on_stderr_only(ncbi, isolated_env, tmp_path, worker):
    import pty

    pmids = _serve(ncbi, 3500)
    out_path = tmp_path / "out.jsonl"
    written_when_last_asked: list[int] = []

    def efetch(hit):
        # the last batch (1,000 a batch): batch 1 is written while batch 2 is parsed (in a
        # worker process: while batch 3 is fetched and 2 parsed), before 4 is asked
        if ncbi.count("efetch") == 4:
            written_when_last_asked.append(len(out_path.read_bytes().splitlines()))
        return ncbi._efetch(hit)

    ncbi.route("efetch", efetch)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NCBI_", "LITCLI_"))}
    env.update(LITCLI_HOME=str(isolated_env), LITCLI_EUTILS_URL=ncbi.url, NCBI_EMAIL="t@example.org",
               LITCLI_REQUESTS_PER_SECOND="50", TERM="xterm", COLUMNS="160", LITCLI_WORKER=worker)
    env.pop("NO_COLOR", None)
    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    with out_path.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "litcli", "search", "synthetic", "--all", "-f", "jsonl"],
            env=env, stdout=out, stderr=slave, stdin=subprocess.DEVNULL,
        )
        os.close(slave)
        code = proc.wait(timeout=120)
    reader.join(timeout=10)
    os.close(master)
    stderr = b"".join(chunks).decode("utf-8", "replace")
    assert code == 0, stderr
    lines = out_path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["pmid"] for line in lines] == pmids, stderr  # only data on stdout
    # the first batch was written (and flushed) before the last one was asked for
    assert written_when_last_asked and written_when_last_asked[0] >= 1000
    assert ncbi.count("efetch") == 4
    # progress: pieces done, records so far, ETA (a terminal's stderr only)
    assert "Pieces 0/1 · records 1,000/3,500" in stderr and "ETA 0:" in stderr
    assert "All 3,500 PMIDs (1 date piece" in stderr


def test_search_all_without_a_terminal_prints_no_progress(ncbi):
    from tests.conftest import run_cli

    pmids = _serve(ncbi, 30)
    result = run_cli(["search", "synthetic", "--all", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["pmid"] for line in result.stdout.splitlines()] == pmids
    assert "Pieces" not in result.stderr and "ETA" not in result.stderr
    assert result.stderr.strip().endswith("matches PubMed's count).")


def test_search_all_whose_first_count_fails_is_an_error_not_an_empty_answer(ncbi):
    from tests.conftest import run_cli

    _serve(ncbi, 30)
    ncbi.fail("esearch", "400")
    result = run_cli(["search", "synthetic", "--all", "-f", "jsonl"])
    assert result.exit_code == 5 and result.stdout == ""
    assert "NCBI refused the esearch request (HTTP 400" in result.stderr
    assert "No PubMed records found" not in result.stderr


def test_search_all_with_no_results_writes_nothing(ncbi):
    from litcli.library import Library
    from tests.conftest import run_cli

    ncbi.on_search("nothing", [])
    for fmt in ("jsonl", "csv"):
        result = run_cli(["search", "nothing", "--all", "-f", fmt])
        assert (result.exit_code, result.stdout) == (0, "")
        assert "No PubMed records found for this search." in result.stderr
    assert ncbi.count("efetch") == 0
    with Library() as lib:
        assert [(e.mode, e.count) for e in lib.searches()] == [("all", 0), ("all", 0)]


def test_search_all_records_in_every_output_path(ncbi, monkeypatch, tmp_path):
    """Several pieces (a small cap), records streamed into -o FILE (csv, atomically), to stdout
    (ris) and as the table; each the 230 records once, in piece order."""
    import datetime as dt

    from litcli import allsearch
    from tests.conftest import run_cli

    monkeypatch.setattr(allsearch, "CAP", 50)
    pmids = _serve(ncbi, 230)
    ncbi.set_dates({p: f"{dt.date(2001, 1, 1) + dt.timedelta(days=i // 3):%Y/%m/%d}" for i, p in enumerate(pmids)})
    target = tmp_path / "all.csv"
    wrote = run_cli(["search", "synthetic", "--all", "-f", "csv", "-o", str(target)])
    assert wrote.exit_code == 0, wrote.output
    rows = target.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("pmid,") and [r.split(",")[0] for r in rows[1:]] == pmids
    assert f"Wrote 230 records to {target} (csv)" in wrote.stderr
    assert ncbi.count("efetch") == 1  # 230 PMIDs, one batch across the pieces
    ris = run_cli(["search", "synthetic", "--all", "-f", "ris"])  # from the library now
    assert ris.exit_code == 0 and ris.stdout.count("TY  - ") == 230 and ncbi.count("efetch") == 1
    assert re.findall(r"AN  - (\d+)", ris.stdout) == pmids
    table = run_cli(["search", "synthetic", "--all"])
    assert table.exit_code == 0 and len(table.stdout.splitlines()) == 231


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_search_all_interrupted_keeps_what_it_stored_and_a_rerun_continues(ncbi, isolated_env):
    import signal

    from litcli.errors import ExitCode

    pmids = _serve(ncbi, 2500)
    release = threading.Event()

    def second_batch_hangs(hit):
        if ncbi.count("efetch") >= 2:
            release.wait(30)
        return ncbi._efetch(hit)

    ncbi.route("efetch", second_batch_hangs)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NCBI_", "LITCLI_"))}
    env.update(LITCLI_HOME=str(isolated_env), LITCLI_EUTILS_URL=ncbi.url, NCBI_EMAIL="t@example.org",
               LITCLI_REQUESTS_PER_SECOND="50", LITCLI_READ_TIMEOUT="60")

    def stored() -> int:
        with Library() as lib:
            return lib.count()

    proc = subprocess.Popen(
        [sys.executable, "-m", "litcli", "search", "synthetic", "--all", "-f", "jsonl"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        _wait_for(lambda: ncbi.count("efetch") >= 2 and stored() >= 1000, "the first batch stored")
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)  # a request still hangs: nothing waits for it
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == ExitCode.INTERRUPTED == 130
    assert err.strip().splitlines()[-1] in ("Interrupted.", "Aborted.") and "Traceback" not in err
    written = [json.loads(line)["pmid"] for line in out.splitlines()]
    assert written == pmids[: len(written)]  # what was written is whole records, in order
    with Library() as lib:
        assert lib.integrity_check() == "ok"
        assert sorted(r.pmid for r in lib.iter_records()) == pmids[:1000]
    # run again: the pieces come from the search cache, the stored batch from the library;
    # only the records still missing are fetched, and the output is whole and in order
    from tests.conftest import run_cli

    ncbi.route("efetch", ncbi._efetch)
    ncbi.clear()
    again = run_cli(["search", "synthetic", "--all", "-f", "jsonl"])
    assert again.exit_code == 0, again.output
    assert [json.loads(line)["pmid"] for line in again.stdout.splitlines()] == pmids
    fetched = [p for h in ncbi.hits("efetch") for p in h.params["id"].split(",")]
    assert fetched == pmids[1000:] and ncbi.count("efetch") == 2
    assert [h.params["retmax"] for h in ncbi.hits("esearch")] == ["9999"]  # the whole count, asked afresh
