"""`litcli search` with the local library: records kept with their raw XML, the
search cache (TTL, --refresh), --offline, NCBI unreachable, interrupted searches.

Everything runs against the loopback NCBI server (`ncbi` fixture) and a real
library file in the per-test LITCLI_HOME.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from litcli.errors import ExitCode
from litcli.library import Library
from litcli.pubmed import iter_parse
from tests.conftest import run_cli
from tests.ncbi_server import PUBMED_HEADER, Hit, Reply, pubmed_article

FIRST = 99000001
CACHE_NOTE = (
    "Answered from the local cache (PubMed searched just now); use --refresh to ask PubMed again."
)
OFFLINE_NOTE = "Offline: answering from the local library only."


def pmids(n: int, first: int = FIRST) -> list[str]:
    return [str(p) for p in range(first, first + n)]


def articles(n: int, first: int = FIRST) -> dict[str, str]:
    return {p: pubmed_article(p, title=f"Synthetic article {p}.") for p in pmids(n, first)}


def store(xml: list[str], *, clock: Callable[[], float] | None = None) -> None:
    """Put PubmedArticle elements into the test's library (as an import would)."""
    body = PUBMED_HEADER + "<PubmedArticleSet>" + "".join(xml) + "</PubmedArticleSet>"
    lib = Library(clock=clock) if clock else Library()
    with lib:
        lib.upsert(iter_parse(body.encode(), keep_raw=True), source="ncbi")


def library_pmids() -> list[str]:
    with Library() as lib:
        return sorted(r.pmid for r in lib.iter_records())


def efetched_ids(hit: Hit) -> list[str]:
    return sorted(i for i in hit.params.get("id", "").split(",") if i)


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/entrez/eutils/"


def error_lines(result) -> list[str]:
    assert "Traceback" not in result.output
    return [line for line in result.stderr.splitlines() if line.startswith("Error: ")]


def jsonl_pmids(text: str) -> list[str]:
    """The PMIDs of a ``-f jsonl`` output (``-f ids`` would fetch no record at all)."""
    return [json.loads(line)["pmid"] for line in text.splitlines()]


# --- records are kept, searches are cached ----------------------------------------------------


def test_first_search_stores_every_record_with_its_raw_xml(ncbi):
    ncbi.set_articles(articles(5))
    result = run_cli(["search", "synthetic", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert jsonl_pmids(result.stdout) == pmids(5)
    assert (ncbi.count("esearch"), ncbi.count("efetch"), ncbi.count()) == (1, 1, 2)
    assert "local cache" not in result.stderr
    with Library() as lib:
        assert sorted(lib.get(pmids(5))) == pmids(5)
        raw, fmt = lib.get_raw(str(FIRST + 3))
        assert fmt == "xml"
        assert raw.startswith(b"<PubmedArticle") and f">{FIRST + 3}</PMID>".encode() in raw
        stats = lib.stats()
        assert (stats["with_raw"], stats["sources"]) == (5, {"ncbi": 5})
        assert stats["cached_searches"] == 1


def test_identical_search_is_answered_from_the_cache_without_requests(ncbi):
    ncbi.set_articles(articles(4))
    first = run_cli(["search", "synthetic", "--max", "3"])
    ncbi.clear()
    again = run_cli(["search", "synthetic", "--max", "3"])
    assert again.exit_code == 0, again.output
    assert ncbi.count() == 0
    assert again.stdout == first.stdout and len(again.stdout.splitlines()) == 4
    assert CACHE_NOTE in again.stderr.splitlines()
    assert "Showing 3 of 4 for: synthetic · sorted by relevance" in again.stderr


def test_refresh_asks_pubmed_again_and_refetches_the_records(ncbi):
    ncbi.set_articles(articles(3))
    run_cli(["search", "synthetic"])
    ncbi.clear()
    result = run_cli(["search", "synthetic", "--refresh", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert (ncbi.count("esearch"), ncbi.count("efetch")) == (1, 1)
    assert ncbi.hits("efetch")[0].params.get("WebEnv")  # the whole result again, by history
    assert "local cache" not in result.stderr
    ncbi.clear()  # the refreshed search is cached in turn
    assert run_cli(["search", "synthetic", "--format", "jsonl"]).stdout == result.stdout
    assert ncbi.count() == 0


def test_cached_search_fetches_only_the_records_missing_from_the_library(ncbi):
    ncbi.set_articles(articles(4))
    first = run_cli(["search", "synthetic", "--format", "jsonl"])
    with Library() as lib:
        assert lib.remove([FIRST + 2]) == 1
    ncbi.clear()
    again = run_cli(["search", "synthetic", "--format", "jsonl"])
    assert again.exit_code == 0, again.output
    assert again.stdout == first.stdout  # PubMed's order, the refetched record in its place
    assert ncbi.count("esearch") == 0 and ncbi.count("efetch") == 1
    assert efetched_ids(ncbi.hits("efetch")[0]) == [str(FIRST + 2)]
    assert "Answered from the local cache (PubMed searched just now); 1 record(s) fetched" in (
        again.stderr
    )
    assert library_pmids() == pmids(4)


def test_records_older_than_30_days_are_refetched_for_a_cached_search(ncbi):
    ncbi.set_articles(articles(3))
    run_cli(["search", "synthetic"])
    old = time.time() - 31 * 86400
    store([pubmed_article(FIRST + 1, title=f"Synthetic article {FIRST + 1}.")], clock=lambda: old)
    ncbi.clear()
    result = run_cli(["search", "synthetic", "--format", "jsonl"])
    assert jsonl_pmids(result.stdout) == pmids(3)
    assert ncbi.count() == 1 and efetched_ids(ncbi.hits("efetch")[0]) == [str(FIRST + 1)]
    with Library() as lib:  # fresh again
        assert sorted(lib.get(pmids(3), max_age=60)) == pmids(3)


def test_expired_search_asks_pubmed_but_reuses_fresh_records(ncbi):
    ncbi.set_articles(articles(3))
    run_cli(["search", "synthetic"])
    with Library() as lib:
        db = lib.path
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE search_cache SET fetched_at = fetched_at - 2 * 86400")
    conn.close()
    ncbi.clear()
    result = run_cli(["search", "synthetic", "--format", "jsonl"])
    assert jsonl_pmids(result.stdout) == pmids(3)
    assert (ncbi.count("esearch"), ncbi.count("efetch")) == (1, 0)
    assert "local cache" not in result.stderr


def test_another_search_fetches_only_records_the_library_lacks(ncbi):
    ncbi.set_articles(articles(6))
    ncbi.on_search("alpha", pmids(3))
    ncbi.on_search("beta", [str(FIRST + 5), str(FIRST + 1), str(FIRST + 4)])
    run_cli(["search", "alpha"])
    ncbi.clear()
    result = run_cli(["search", "beta", "--format", "json"])
    assert result.exit_code == 0, result.output
    shown = [r["pmid"] for r in json.loads(result.stdout)["records"]]
    assert shown == [str(FIRST + 5), str(FIRST + 1), str(FIRST + 4)]  # PubMed's order
    assert ncbi.count("esearch") == 1 and ncbi.count("efetch") == 1
    assert efetched_ids(ncbi.hits("efetch")[0]) == [str(FIRST + 4), str(FIRST + 5)]


def test_count_always_asks_pubmed_and_stores_nothing(ncbi):
    ncbi.set_articles(articles(7))
    run_cli(["search", "synthetic", "--max", "2"])
    ncbi.clear()
    result = run_cli(["search", "synthetic", "--count"])
    assert (result.exit_code, result.stdout) == (0, "7\n")
    assert ncbi.count("esearch") == 1 and ncbi.count() == 1
    assert "local cache" not in result.stderr


def test_a_cached_search_needs_no_network(ncbi, monkeypatch):
    ncbi.set_articles(articles(2))
    first = run_cli(["search", "synthetic"])
    monkeypatch.setenv("LITCLI_EUTILS_URL", closed_port_url())
    again = run_cli(["search", "synthetic"])
    assert again.exit_code == 0 and again.stdout == first.stdout
    assert CACHE_NOTE in again.stderr


def test_an_unusable_library_never_fails_the_search(ncbi, isolated_env: Path):
    (isolated_env / "library.db").write_bytes(b"not a database " * 500)
    ncbi.set_articles(articles(2))
    result = run_cli(["search", "synthetic", "--format", "ids"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == pmids(2)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning: ")]
    assert len(warnings) == 1 and "the local library is not used" in warnings[0]


# --- --offline ------------------------------------------------------------------------------


@pytest.fixture
def shelf() -> list[str]:
    """A library with ketamine records of various designs, years and species."""
    store(
        [
            pubmed_article(
                FIRST,
                title="Ketamine for obsessive-compulsive disorder: a randomized trial.",
                year=2013,
                publication_types=["Randomized Controlled Trial"],
                mesh=["Humans", "Ketamine"],
            ),
            pubmed_article(
                FIRST + 1,
                title="Ketamine and BDNF in mice.",
                year=2011,
                mesh=["Animals", "Mice", "Ketamine"],
            ),
            pubmed_article(
                FIRST + 2,
                title="Ketamine in depression: a meta-analysis.",
                year=2020,
                publication_types=["Meta-Analysis"],
                mesh=["Humans", "Ketamine"],
            ),
            pubmed_article(FIRST + 3, title="Sertraline maintenance.", year=2019),
        ]
    )
    return pmids(4)


def test_offline_answers_from_the_library_and_says_so(ncbi, shelf):
    result = run_cli(["search", "ketamine", "--offline"])
    assert result.exit_code == 0, result.output
    assert ncbi.count() == 0
    assert result.stderr.splitlines()[0] == OFFLINE_NOTE
    assert "Showing 3 of 3 for: ketamine · local library" in result.stderr
    rows = result.stdout.splitlines()
    assert rows[0].startswith("#\tPMID\t")
    assert sorted(row.split("\t")[1] for row in rows[1:]) == shelf[:3]


def test_offline_filters(ncbi, shelf):
    result = run_cli(
        ["search", "ketamine", "--offline", "--humans", "--type", "rct", "--format", "ids"]
    )
    assert result.stdout.split() == [str(FIRST)]
    result = run_cli(["search", "ketamine", "--offline", "--since", "2015", "--format", "ids"])
    assert result.stdout.split() == [str(FIRST + 2)]
    result = run_cli(["search", "ketamine", "--offline", "--max", "1", "--humans"])
    assert "Showing 1 of 2 for: ketamine · humans · local library" in result.stderr
    # the library has no 9,999 limit: --max above it is answered as it is (nothing split)
    result = run_cli(["search", "ketamine", "--offline", "--max", "12000", "--format", "ids"])
    assert result.exit_code == 0 and sorted(result.stdout.split()) == shelf[:3]
    assert ncbi.count() == 0


def test_offline_count_counts_library_matches(ncbi, shelf):
    result = run_cli(["search", "ketamine", "--offline", "--count", "--humans"])
    assert (result.exit_code, result.stdout) == (0, "2\n")
    assert OFFLINE_NOTE in result.stderr and ncbi.count() == 0


def test_offline_says_what_it_cannot_check(ncbi, shelf):
    result = run_cli(
        ["search", "ketamine AND 2013[dp]", "--offline", "--english", "--sort", "date"]
    )
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning: ")]
    assert warnings == [
        "Warning: the local library cannot search 2013[dp]; left out offline",
        "Warning: --english cannot be checked offline; records in other languages may be included",
        "Warning: --sort date is not available offline; best matches first",
    ]


def test_offline_with_topic_and_words_searches_both(ncbi, shelf):
    topic = run_cli(["search", "--topic", "ketamine-ocd", "--offline", "-f", "ids"])
    assert topic.stdout.split() == [str(FIRST)]
    words = run_cli(["search", "mice", "--offline", "-f", "ids"])
    assert words.stdout.split() == [str(FIRST + 1)]
    both = run_cli(["search", "--topic", "ketamine-ocd", "mice", "--offline"])
    assert both.stdout == ""
    assert "No records in the local library match: ketamine-ocd + mice" in both.stderr


def test_offline_without_matches(ncbi, shelf):
    result = run_cli(["search", "psilocybin", "--offline"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert "No records in the local library match: psilocybin" in result.stderr
    json_result = run_cli(["search", "psilocybin", "--offline", "-f", "json"])
    assert json.loads(json_result.stdout) == {"search": None, "records": []}


def test_offline_boolean_queries_mean_what_pubmed_means_or_are_refused(ncbi, shelf):
    # 'AND NOT' is NOT; operators apply left to right, as PubMed applies them
    result = run_cli(["search", "ketamine AND NOT mice", "--offline", "-f", "ids"])
    assert sorted(result.stdout.split()) == [str(FIRST), str(FIRST + 2)]
    result = run_cli(["search", "sertraline OR ketamine AND randomized", "--offline", "-f", "ids"])
    assert result.stdout.split() == [str(FIRST)]
    for query, message in [
        ("NOT ketamine", "Error: NOT needs a term before it"),
        ("(ketamine OR mice", "Error: the query has an unclosed parenthesis"),
        ("ketamine -mice", "Error: '-mice': a leading '-' does not exclude a term"),
        ("2013[dp]", "Error: the tag [dp] cannot be searched offline (supported: [ti], [tiab]"),
    ]:
        result = run_cli(["search", query, "--offline"])
        assert result.exit_code == ExitCode.USAGE, (query, result.output)
        assert [line[: len(message)] for line in error_lines(result)] == [message], query
        assert result.stdout == ""
    # hundreds of ORed terms (a pasted strategy) work
    strategy = " OR ".join([f'"synonym {i}"[tiab]' for i in range(300)] + ["sertraline[ti]"])
    result = run_cli(["search", strategy, "--offline", "-f", "ids"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == [str(FIRST + 3)]
    assert ncbi.count() == 0


def test_offline_and_refresh_do_not_mix(ncbi):
    result = run_cli(["search", "x", "--offline", "--refresh"])
    assert result.exit_code == ExitCode.USAGE
    assert "--offline and --refresh cannot be used together" in result.stderr
    assert ncbi.count() == 0


def test_offline_shows_what_an_earlier_search_stored(ncbi):
    ncbi.set_articles(articles(3))
    run_cli(["search", "synthetic"])
    ncbi.clear()
    result = run_cli(["search", "synthetic", "--offline", "-f", "ids"])
    assert sorted(result.stdout.split()) == pmids(3) and ncbi.count() == 0


# --- NCBI unreachable -------------------------------------------------------------------------


@pytest.fixture
def unreachable(monkeypatch) -> str:
    url = closed_port_url()
    monkeypatch.setenv("LITCLI_EUTILS_URL", url)
    monkeypatch.setenv("LITCLI_MAX_TRIES", "1")
    monkeypatch.setenv("NCBI_EMAIL", "t@example.org")
    return url


def test_unreachable_ncbi_offers_the_offline_answer(unreachable, shelf):
    result = run_cli(["search", "ketamine"])
    assert result.exit_code == ExitCode.NETWORK == 4
    assert error_lines(result) == [
        f"Error: cannot reach NCBI E-utilities ({unreachable.split('/entrez')[0]}): "
        "connection refused (after 1 try). "
        "Check your network, or answer from your local library with --offline (3 matching records)."
    ]
    assert result.stdout == ""
    # the hint counts what --offline would show, filters included
    narrow = run_cli(["search", "ketamine", "--humans", "--since", "2015"])
    assert error_lines(narrow)[0].endswith("--offline (1 matching record).")


def test_unreachable_ncbi_without_library_matches_has_no_offline_hint(unreachable, shelf):
    result = run_cli(["search", "psilocybin"])
    assert result.exit_code == ExitCode.NETWORK
    (line,) = error_lines(result)
    assert "connection refused" in line and "--offline" not in line


# --- interrupted searches ---------------------------------------------------------------------


def batch_server(ncbi, xml: dict[str, str], on_batch: Callable[[int], Reply | None]) -> None:
    """efetch answered from ``xml``; ``on_batch(retstart)`` may replace a history batch."""
    order = list(xml)

    def efetch(hit: Hit) -> Reply:
        if "id" in hit.params:
            wanted = efetched_ids(hit)
        else:
            start = int(hit.params["retstart"])
            special = on_batch(start)
            if special is not None:
                return special
            wanted = order[start : start + int(hit.params["retmax"])]
        body = "".join(xml[p] for p in wanted if p in xml)
        return Reply(PUBMED_HEADER + "<PubmedArticleSet>\n" + body + "\n</PubmedArticleSet>\n")

    ncbi.set_articles(xml)
    ncbi.route("efetch", efetch)


def test_a_search_failing_after_the_first_batch_keeps_that_batch(ncbi):
    xml = articles(1500)
    failing = {"on": True}
    batch_server(
        ncbi,
        xml,
        lambda start: (
            Reply("<eFetchResult><ERROR>Bad request</ERROR></eFetchResult>", status=400)
            if start and failing["on"]
            else None
        ),
    )
    result = run_cli(["search", "synthetic", "--max", "1500", "--format", "jsonl"])
    assert result.exit_code == ExitCode.NCBI and result.stdout == ""
    assert len(error_lines(result)) == 1
    assert ncbi.count("efetch") == 2
    with Library() as lib:
        assert lib.integrity_check() == "ok"
        assert sorted(r.pmid for r in lib.iter_records()) == pmids(1000)
        assert lib.stats()["with_raw"] == 1000
        assert lib.stats()["cached_searches"] == 0  # an incomplete search is not cached
    # running it again fetches only what is missing, without duplicates
    failing["on"] = False
    ncbi.clear()
    again = run_cli(["search", "synthetic", "--max", "1500", "--format", "jsonl"])
    assert again.exit_code == 0, again.output
    assert jsonl_pmids(again.stdout) == pmids(1500)
    assert ncbi.count("efetch") == 1
    assert efetched_ids(ncbi.hits("efetch")[0]) == pmids(500, FIRST + 1000)
    with Library() as lib:
        assert lib.count() == 1500 and lib.integrity_check() == "ok"


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
def test_a_search_interrupted_mid_fetch_leaves_a_consistent_library(ncbi, isolated_env, sig):
    def _stored() -> int:
        with Library() as lib:
            return lib.count()

    release = threading.Event()
    xml = articles(1500)

    def second_batch_hangs(start: int) -> Reply | None:
        if start:
            release.wait(20)
            return Reply("<eFetchResult><ERROR>too late</ERROR></eFetchResult>", status=400)
        return None

    batch_server(ncbi, xml, second_batch_hangs)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NCBI_", "LITCLI_"))}
    env.update(
        LITCLI_HOME=str(isolated_env),
        LITCLI_EUTILS_URL=ncbi.url,
        NCBI_EMAIL="t@example.org",
        LITCLI_REQUESTS_PER_SECOND="50",
        LITCLI_READ_TIMEOUT="30",
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "litcli", "search", "synthetic", "--max", "1500", "-f", "jsonl"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        # the second batch is asked while the first is stored (prefetch): signal once the
        # first is in the library (the child has created it by the time it fetches)
        while ncbi.count("efetch") < 2 or _stored() < 1000:
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
            time.sleep(0.05)
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=20)
    finally:
        release.set()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if sig == signal.SIGINT:
        assert proc.returncode == ExitCode.INTERRUPTED == 130
        assert err.strip() in ("Interrupted.", "Aborted.")  # one line, no traceback
    else:
        assert proc.returncode == -signal.SIGKILL
    assert out == ""
    with Library() as lib:
        assert lib.integrity_check() == "ok"
        assert sorted(r.pmid for r in lib.iter_records()) == pmids(1000)
        assert lib.stats()["cached_searches"] == 0


# --- help ---------------------------------------------------------------------------------------


def test_help_shows_offline_and_refresh():
    result = run_cli(["search", "--help"])
    assert result.exit_code == 0
    assert "litcli search --topic ketamine-ptsd --offline" in result.stdout
    assert "--offline" in result.stdout and "--refresh" in result.stdout


# --- the core without a cache -------------------------------------------------------------------


def test_run_search_without_a_cache_touches_no_library(ncbi, isolated_env):
    from litcli.eutils import EutilsClient
    from litcli.search import run_search

    ncbi.set_articles(articles(3))
    ncbi.on_search("reversed", [str(FIRST + 2), str(FIRST), str(FIRST + 1)])
    with EutilsClient() as client:
        outcome = run_search("reversed", client=client, max_results=3)
    assert [r.pmid for r in outcome.records] == [str(FIRST + 2), str(FIRST), str(FIRST + 1)]
    assert (outcome.fetched, outcome.from_cache, outcome.missing) == (3, False, [])
    assert ncbi.count() == 2 and not (isolated_env / "library.db").exists()
