"""EutilsClient against the real loopback server (tests/ncbi_server.py)."""

from __future__ import annotations

import json
import logging
import socket

import pytest

from litcli import eutils
from litcli.config import Settings
from litcli.errors import (
    ExitCode,
    NCBIError,
    NCBIResponseError,
    NetworkError,
    RateLimitError,
    RequestTimeoutError,
)
from litcli.eutils import EutilsClient
from tests.ncbi_server import pubmed_article

KEY = "abcdef0123456789abcdef0123456789ab12"


def make_client(**changes) -> EutilsClient:
    return EutilsClient(Settings.load().with_(**changes))


def synthetic(n: int, first: int = 99000001) -> dict[str, str]:
    return {
        str(p): pubmed_article(p, title=f"Synthetic article {p}.") for p in range(first, first + n)
    }


# --- request counts, batching, history, POST ------------------------------------------


@pytest.mark.parametrize(
    ("n", "batch", "efetches"), [(2500, 1000, 3), (1000, 1000, 1), (20, 7, 3), (1, 1000, 1)]
)
def test_requests_for_n_records_are_one_esearch_plus_ceil_n_over_batch(ncbi, n, batch, efetches):
    ncbi.set_articles(synthetic(max(n, 30)))
    client = make_client(batch_size=batch)
    result = client.esearch("synthetic", retmax=min(n, 10000))
    bodies = list(client.fetch_batches(search=result, total=n))
    assert ncbi.count("esearch") == 1
    assert ncbi.count("efetch") == efetches == len(bodies)
    assert client.request_count == 1 + efetches
    fetched = sum(body.count(b"<PubmedArticle>") for body in bodies)
    assert fetched == n
    # history server: WebEnv + query_key, consecutive windows
    hits = ncbi.hits("efetch")
    assert all(h.params["WebEnv"] == result.webenv and h.params["query_key"] == "1" for h in hits)
    assert [int(h.params["retstart"]) for h in hits] == list(range(0, n, batch))
    assert ncbi.hits("esearch")[0].params["usehistory"] == "y"


def test_fetch_batches_reports_progress(ncbi):
    ncbi.set_articles(synthetic(25))
    client = make_client(batch_size=10)
    seen = []
    list(
        client.fetch_batches(
            search=client.esearch("x"), total=25, progress=lambda d, t: seen.append((d, t))
        )
    )
    assert seen == [(0, 25), (10, 25), (20, 25), (25, 25)]


def test_long_id_lists_are_posted_short_ones_use_get(ncbi):
    articles = synthetic(400)
    ncbi.set_articles(articles)
    client = make_client()
    ids = list(articles)
    body = b"".join(client.fetch_batches(ids=ids))
    short = client.efetch(ids=ids[:3])
    long_hit, short_hit = ncbi.hits("efetch")
    assert long_hit.method == "POST" and long_hit.params["id"].split(",") == ids
    assert "api_key" not in long_hit.path and "id=" not in long_hit.path
    assert short_hit.method == "GET" and short_hit.params["id"] == ",".join(ids[:3])
    assert body.count(b"<PubmedArticle>") == 400 and short.count(b"<PubmedArticle>") == 3


def test_identity_parameters_are_sent(ncbi):
    ncbi.set_articles(synthetic(2))
    client = make_client(api_key=KEY)
    client.esearch("ketamine", sort="pub_date")
    hit = ncbi.hits("esearch")[0]
    assert hit.params["tool"] == "litcli"
    assert hit.params["email"] == "tests@example.org"
    assert hit.params["api_key"] == KEY
    assert hit.params["term"] == "ketamine" and hit.params["sort"] == "pub_date"
    assert hit.headers["User-Agent"].startswith("litcli/")


def test_missing_email_warns_once_through_the_callback(ncbi, monkeypatch):
    monkeypatch.setattr(eutils, "_email_warned", False)
    messages: list[str] = []
    for _ in range(2):
        client = EutilsClient(Settings.load().with_(email=None), notify=messages.append)
        client.esearch("x")
        client.esearch("y")
    assert len(messages) == 1 and "NCBI_EMAIL" in messages[0]
    assert "email" not in ncbi.hits("esearch")[0].params


# --- pacing -------------------------------------------------------------------------------


def _max_in_any_second(times: list[float]) -> int:
    return max(sum(1 for t in times if start <= t < start + 1.0) for start in times)


@pytest.mark.parametrize(("api_key", "limit", "n"), [(None, 3, 7), (KEY, 10, 13)])
def test_pacing_never_exceeds_ncbi_limits(ncbi, api_key, limit, n):
    ncbi.set_articles(synthetic(1))
    client = make_client(api_key=api_key, requests_per_second=None)
    assert client.settings.rate == limit
    for i in range(n):
        client.esearch(f"q{i}", usehistory=False)
    times = [h.time for h in ncbi.hits()]
    assert len(times) == n
    assert _max_in_any_second(times) <= limit
    # and the limit is (nearly) reached, i.e. pacing is not a blanket sleep
    assert _max_in_any_second(times) >= limit - 1


def test_pacer_is_shared_by_all_clients_in_the_process(ncbi):
    ncbi.set_articles(synthetic(1))
    clients = [make_client(requests_per_second=None) for _ in range(3)]
    for _ in range(2):
        for client in clients:
            client.esearch("x", usehistory=False)
    assert _max_in_any_second([h.time for h in ncbi.hits()]) <= 3


# --- retries ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind", ["429", "500", "502", "503", "504", "close", "truncate", "truncate-unsized"]
)
def test_transient_failures_are_retried(ncbi, kind):
    ncbi.set_articles(synthetic(3))
    ncbi.fail("efetch", kind, times=2)
    body = make_client().efetch(ids=["99000001", "99000002"])
    assert body.count(b"<PubmedArticle>") == 2
    assert ncbi.count("efetch") == 3


def test_retries_stop_at_the_limit(ncbi):
    ncbi.fail("esearch", "503", times=100)
    with pytest.raises(NCBIError) as info:
        make_client(max_tries=4).esearch("x")
    assert ncbi.count("esearch") == 4
    assert info.value.exit_code == ExitCode.NCBI
    assert "HTTP 503" in info.value.message and "after 4 tries" in info.value.message


def test_final_errors_read_as_one_sentence_with_the_hint_last(ncbi):
    """The try count joins NCBI's own parentheses; the hint ends the line."""
    from litcli.cli.errors import error_message

    ncbi.fail("esearch", "503", times=2)  # exactly the tries: the next failure is queued after it
    with pytest.raises(NCBIError) as info:
        make_client(max_tries=2).esearch("x")
    assert error_message(info.value) == (
        "Error: NCBI E-utilities failed on esearch (HTTP 503: simulated HTTP 503; after 2 tries). "
        "NCBI is having trouble; try again later"
    )
    ncbi.fail("esearch", "429", times=2)
    with pytest.raises(RateLimitError) as info:
        make_client(max_tries=2).esearch("x")
    assert error_message(info.value) == (
        "Error: NCBI rate limit exceeded (HTTP 429: API rate limit exceeded; after 2 tries). "
        "Add an API key (litcli config set api-key) or try again in a minute"
    )
    ncbi.set_articles(synthetic(2))
    ncbi.fail("efetch", "truncate-unsized", times=2)
    with pytest.raises(NCBIResponseError) as info:
        make_client(max_tries=2).efetch(ids=["99000001", "99000002"])
    assert error_message(info.value) == (
        "Error: NCBI's efetch response was cut off (incomplete XML; after 2 tries). Try again later"
    )
    ncbi.fail("esearch", "500", times=1)
    ncbi.fail("esearch", "close", times=1)  # the last failure decides the message
    with pytest.raises(NetworkError) as net:
        make_client(max_tries=2).esearch("x")
    assert "HTTP 500" not in net.value.message and net.value.message.endswith("(after 2 tries)")


def test_invalid_api_key_says_to_check_the_key_and_never_shows_it(ncbi):
    ncbi.fail("esearch", "api-key-invalid")
    with pytest.raises(NCBIError) as info:
        make_client(api_key=KEY).esearch("x")
    hit = ncbi.hits("esearch")[0]
    assert hit.params["api_key"] == KEY  # NCBI got the key (and echoes it in its reply)
    assert ncbi.count("esearch") == 1  # a bad key is not retried
    err = info.value
    assert err.exit_code == ExitCode.NCBI and err.status == 400
    assert err.message == "NCBI rejected the API key on esearch (HTTP 400: API key invalid)"
    assert err.hint == "check NCBI_API_KEY or run `litcli config set api-key`"
    assert "query syntax" not in str(err.hint)
    assert KEY not in err.message and KEY not in str(err.hint)
    # the same reply inside HTTP 200 (a JSON error body) gets the same hint
    body = json.dumps({"error": "API key invalid", "api-key": KEY, "type": "api-key", "status": "unknown"})
    ncbi.reply("esearch", body, content_type="application/json")
    with pytest.raises(NCBIResponseError) as info:
        make_client(api_key=KEY).esearch("x")
    assert info.value.message == "NCBI esearch error: API key invalid"
    assert info.value.hint == "check NCBI_API_KEY or run `litcli config set api-key`"


def test_an_echoed_url_with_api_key_is_not_a_key_error(ncbi):
    ncbi.reply("esearch", f"<eResult><ERROR>Invalid request esearch.fcgi?api_key={KEY}</ERROR></eResult>", status=400)
    with pytest.raises(NCBIError) as info:
        make_client(api_key=KEY).esearch("x")
    assert info.value.message.startswith("NCBI refused the esearch request (HTTP 400: Invalid request")
    assert info.value.hint == "check the query syntax" and KEY not in info.value.message


def test_persistent_429_is_a_rate_limit_error_with_ncbis_message(ncbi):
    ncbi.fail("esearch", "429", times=100)
    with pytest.raises(RateLimitError) as info:
        make_client(max_tries=3).esearch("x")
    assert "API rate limit exceeded" in info.value.message
    assert "api key" in (info.value.hint or "").lower()
    assert ncbi.count("esearch") == 3


def test_retry_after_is_honoured(ncbi):
    ncbi.set_articles(synthetic(1))
    ncbi.fail("esearch", "429", times=1, retry_after=1)
    make_client(backoff=0.01).esearch("x")
    first, second = ncbi.hits("esearch")
    assert second.time - first.time >= 1.0


def test_backoff_is_exponential(ncbi):
    ncbi.set_articles(synthetic(1))
    ncbi.fail("esearch", "500", times=3)
    make_client(backoff=0.1).esearch("x")
    t = [h.time for h in ncbi.hits("esearch")]
    gaps = [b - a for a, b in zip(t, t[1:], strict=False)]
    assert len(gaps) == 3
    for i, gap in enumerate(gaps):
        assert gap >= 0.1 * 2**i  # 0.1, 0.2, 0.4 (+ up to 0.1 jitter)


def test_client_errors_are_not_retried(ncbi):
    ncbi.reply("esearch", "<eSearchResult><ERROR>Invalid query</ERROR></eSearchResult>", status=400)
    with pytest.raises(NCBIError) as info:
        make_client().esearch("x")
    assert ncbi.count("esearch") == 1
    assert info.value.status == 400 and "Invalid query" in info.value.message


# --- timeouts and unreachable servers --------------------------------------------------------


def test_read_timeout_fires_and_is_retried_then_reported(ncbi):
    ncbi.fail("esearch", "hang", times=10, seconds=5)
    with pytest.raises(RequestTimeoutError) as info:
        make_client(read_timeout=0.3, max_tries=2).esearch("x")
    assert ncbi.count("esearch") == 2
    assert info.value.exit_code == ExitCode.NETWORK
    assert "did not answer" in info.value.message and "0.3 s" in info.value.message


def test_a_slow_answer_within_the_timeout_succeeds(ncbi):
    ncbi.set_articles(synthetic(1))
    ncbi.fail("esearch", "hang", times=1, seconds=0.2)
    result = make_client(read_timeout=2).esearch("x")
    assert result.count == 1 and ncbi.count("esearch") == 1


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_each_retry_wait_is_announced_once_through_notify(ncbi):
    ncbi.set_articles(synthetic(1))
    ncbi.fail("esearch", "429", times=1, retry_after=1)
    ncbi.fail("esearch", "503", times=1)
    messages: list[str] = []
    client = EutilsClient(Settings.load().with_(backoff=0.01, max_tries=5), notify=messages.append)
    assert client.esearch("x").count == 1
    assert len(messages) == 2, messages  # one line per wait, none for the success
    assert messages[0] == "NCBI busy (HTTP 429); retrying in 1 s (attempt 2 of 5)"
    assert messages[1].startswith("NCBI error (HTTP 503); retrying in 0.0")
    assert messages[1].endswith(" s (attempt 3 of 5)")


def test_timeouts_and_cut_replies_are_announced_too(ncbi):
    ncbi.set_articles(synthetic(2))
    ncbi.fail("esearch", "hang", times=1, seconds=2)
    ncbi.fail("efetch", "truncate-unsized", times=1)
    ncbi.fail("efetch", "truncate", times=1)
    messages: list[str] = []
    client = EutilsClient(
        Settings.load().with_(backoff=0.01, read_timeout=0.3, max_tries=3), notify=messages.append
    )
    client.esearch("x")
    client.efetch(ids=["99000001"])
    assert [m.split(";")[0] for m in messages] == [
        "NCBI did not answer within 0.3 s",
        "NCBI's reply was cut off",
        "connection to NCBI lost (connection closed mid-response)",
    ]
    assert [m[-16:] for m in messages] == ["(attempt 2 of 3)", "(attempt 2 of 3)", "(attempt 3 of 3)"]


def test_refused_connections_are_tried_only_twice_and_announced():
    messages: list[str] = []
    settings = Settings(
        base_url=f"http://127.0.0.1:{_closed_port()}/eutils/",
        email="t@example.org",
        backoff=0.01,
        max_tries=5,
        requests_per_second=50,
    )
    client = EutilsClient(settings, notify=messages.append)
    with pytest.raises(NetworkError) as info:
        client.esearch("x")
    assert client.request_count == eutils.REFUSED_TRIES == 2
    assert info.value.message.endswith("connection refused (after 2 tries)")
    assert len(messages) == 1
    assert messages[0].startswith("cannot reach NCBI (connection refused); retrying in 0.0")
    assert messages[0].endswith("(attempt 2 of 2)")


def test_connection_refused_is_a_network_error():
    settings = Settings(
        base_url=f"http://127.0.0.1:{_closed_port()}/eutils/",
        email="t@example.org",
        backoff=0.01,
        max_tries=2,
        requests_per_second=50,
        api_key=KEY,
    )
    with pytest.raises(NetworkError) as info:
        EutilsClient(settings).esearch("x")
    assert info.value.exit_code == ExitCode.NETWORK
    assert "connection refused" in info.value.message
    assert KEY not in info.value.message and KEY not in (info.value.hint or "")
    assert "\n" not in info.value.message


# --- errors inside HTTP 200 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("html", "web page"),
        ("json-error", "Search Backend failed"),
        ("error-element", "Supplied id parameter is empty"),
        ("empty", "empty response"),
    ],
)
def test_errors_inside_http_200_become_one_line_typed_errors(ncbi, kind, words):
    ncbi.set_articles(synthetic(1))
    ncbi.fail("efetch", kind, times=10)
    with pytest.raises(NCBIResponseError) as info:
        make_client(max_tries=3).efetch(ids=["99000001"])
    assert words in info.value.message
    assert "\n" not in info.value.message
    assert info.value.exit_code == ExitCode.NCBI
    # a permanent error is not retried; a passing one (HTML, empty, Backend failed) is
    assert ncbi.count("efetch") == (1 if kind == "error-element" else 3)


def test_real_efetch_error_element(ncbi):
    ncbi.reply_file(
        "efetch", "extracted_from_cassettes/pubmedly/pubmed__articles__gyroscopapyrus__2_efetch.xml"
    )
    with pytest.raises(NCBIResponseError, match="Supplied id parameter is empty"):
        make_client().efetch(ids=["1"])


def test_real_epost_error_element(ncbi):
    ncbi.reply_file("epost", "biopython/epost2.xml")
    with pytest.raises(NCBIResponseError, match="Invalid db name specified: nothing"):
        make_client().epost(["1"])


def test_persistent_truncation_is_reported(ncbi):
    ncbi.set_articles(synthetic(2))
    ncbi.fail("efetch", "truncate-unsized", times=10)
    with pytest.raises(NCBIResponseError, match="cut off"):
        make_client(max_tries=2).efetch(ids=["99000001", "99000002"])
    assert ncbi.count("efetch") == 2


# --- Bio.Entrez parsing of real replies ---------------------------------------------------------


def test_phrase_not_found_and_warnings_are_surfaced(ncbi):
    ncbi.reply_file("esearch", "biopython/esearch8.xml")
    result = make_client().esearch("abcXYZ")
    assert result.count == 0 and result.ids == []
    assert result.errors == ["PhraseNotFound: abcXYZ"]
    assert result.warnings == ["No items found."]
    assert result.query_translation == "(abcXYZ[All Fields])"


def test_history_fields_from_a_real_esearch(ncbi):
    ncbi.reply_file("esearch", "biopython/esearch2.xml")
    result = make_client().esearch("cancer", retmax=100)
    assert result.count == 42249 and len(result.ids) == 100 and result.ids[0] == "41297076"
    assert result.webenv == "MCID_6927d6e7fee3e90f880ec190" and result.query_key == "1"
    assert result.query_translation.endswith("AND 2025/09/27:2025/11/26[Date - Entry]")


def test_real_epost_elink_einfo(ncbi):
    ncbi.reply_file("epost", "biopython/epost1.xml")
    ncbi.reply_file("elink", "biopython/elink1.xml")
    ncbi.reply_file("einfo", "biopython/einfo1.xml")
    client = make_client()
    assert client.epost(["1", "2"]) == ("MCID_692851c130aec64bed0a8c2a", "1")
    assert ncbi.hits("epost")[0].method == "POST"
    links = client.elink(["1"])
    assert links[0]["LinkSetDb"][0]["Link"][0]["Id"] == "9298984"
    info = client.einfo()
    assert "pubmed" in info["DbList"]


# --- the API key never leaks ------------------------------------------------------------------


def test_api_key_never_appears_in_errors_or_logs(ncbi, caplog):
    caplog.set_level(logging.DEBUG, logger="litcli")
    ncbi.fail("esearch", "503", times=100)
    with pytest.raises(NCBIError) as info:
        make_client(api_key=KEY, max_tries=2).esearch("x")
    ncbi.fail("efetch", "hang", times=100, seconds=3)
    with pytest.raises(RequestTimeoutError) as timeout:
        make_client(api_key=KEY, max_tries=1, read_timeout=0.2).efetch(ids=["1"])
    for exc in (info.value, timeout.value):
        assert KEY not in str(exc) and KEY not in (exc.hint or "")
        assert exc.__cause__ is None or KEY not in str(exc.__cause__)
    assert caplog.records and all(KEY not in r.getMessage() for r in caplog.records)


def test_redact():
    url = f"https://eutils/esearch.fcgi?db=pubmed&api_key={KEY}&term=x"
    assert KEY not in eutils.redact(url)
    assert eutils.redact(f"key {KEY} here", KEY) == "key REDACTED here"
