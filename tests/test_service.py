"""litcli.service against the loopback NCBI server and a real library file."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from litcli import service
from litcli.errors import NetworkError
from litcli.eutils import EutilsClient
from litcli.library import CachedSearch, Library
from tests.test_library_fixtures import FIRST_PMID, article_set, article_xml, parsed

P0, P1, P2, P3 = (str(FIRST_PMID + i) for i in range(4))


class Clock:
    def __init__(self) -> None:
        self.t = 1_700_000_000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def articles(ncbi):
    xml = {
        P0: article_xml(int(P0), doi="10.1234/synth.0"),
        P1: article_xml(int(P1), doi="10.1234/Synth.(1)", pmcid="PMC9900001"),
        P2: article_xml(int(P2), pmcid="PMC9900002", retraction_in=P3),
        P3: article_xml(int(P3)),
    }
    ncbi.set_articles(xml)
    return xml


@pytest.fixture
def closed_port_url(monkeypatch: pytest.MonkeyPatch) -> str:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    url = f"http://127.0.0.1:{port}/entrez/eutils/"
    monkeypatch.setenv("LITCLI_EUTILS_URL", url)
    monkeypatch.setenv("LITCLI_MAX_TRIES", "1")
    monkeypatch.setenv("LITCLI_CONNECT_TIMEOUT", "2")
    return url


def test_missing_pmids_are_fetched_in_one_efetch_and_stored(ncbi, articles) -> None:
    records, failures = service.get_records([P2, f"PMID:{P0}", P1])
    assert [r.pmid for r in records] == [P2, P0, P1]
    assert failures == []
    assert ncbi.count() == 1 and ncbi.count("efetch") == 1
    assert sorted(ncbi.hits("efetch")[0].params["id"].split(",")) == sorted([P0, P1, P2])
    with Library() as lib:
        assert lib.count() == 3
        raw, fmt = lib.get_raw(P2)
        assert fmt == "xml" and f"<PMID Version=\"1\">{P2}</PMID>".encode() in raw
        assert lib.stats()["sources"] == {"ncbi": 3}
    # the second time the library answers: no request at all
    ncbi.clear()
    again, _ = service.get_records([P0, P1, P2])
    assert [r.pmid for r in again] == [P0, P1, P2] and ncbi.count() == 0


def test_only_pmids_not_in_the_library_are_fetched(ncbi, articles) -> None:
    service.get_records([P0])
    ncbi.clear()
    records, _ = service.get_records([P0, P3, P1])
    assert [r.pmid for r in records] == [P0, P3, P1]
    assert ncbi.count() == 1
    assert sorted(ncbi.hits("efetch")[0].params["id"].split(",")) == [P1, P3]


def test_dois_and_pmcids_resolve_with_one_esearch_then_from_the_library(ncbi, articles) -> None:
    ncbi.on_search("10.1234/synth.(1)", [P1])
    records, failures = service.get_records(
        ["https://doi.org/10.1234/Synth.(1)", "PMC9900002", f"https://pubmed.ncbi.nlm.nih.gov/{P3}/"]
    )
    # the fake esearch returns only P1 for the combined term; P2 (PMCID) is not found
    assert [r.pmid for r in records] == [P1, P3]
    assert failures == [("PMC9900002", "no PubMed record with this PMCID")]
    assert ncbi.count("esearch") == 1
    term = ncbi.hits("esearch")[0].params["term"]
    assert term == '"10.1234/synth.(1)"[doi] OR PMC9900002[pmcid]'
    ncbi.clear()
    records, failures = service.get_records(["doi:10.1234/SYNTH.(1)", "pmcid:PMC9900001"])
    assert [r.pmid for r in records] == [P1] and failures == [] and ncbi.count() == 0


def test_unknown_and_malformed_identifiers_are_reported_per_id(ncbi, articles) -> None:
    records, failures = service.get_records([P0, "99999999", "banana"])
    assert [r.pmid for r in records] == [P0]
    assert failures[0] == ("99999999", "no PubMed record with this PMID")
    assert failures[1][0] == "banana" and "not a PMID" in failures[1][1]


def test_offline_answers_from_the_library_only(ncbi, articles) -> None:
    with Library() as lib:
        lib.upsert(parsed(article_set([articles[P0]])), source="import")
    records, failures = service.get_records([P0, P1, "10.1234/none"], offline=True)
    assert [r.pmid for r in records] == [P0]
    assert failures == [
        (P1, "not in the local library (offline)"),
        ("10.1234/none", "not in the local library (offline)"),
    ]
    assert ncbi.count() == 0


def test_stale_records_are_refetched_and_refresh_forces_it(ncbi, articles, tmp_path: Path) -> None:
    clock = Clock()
    with Library(tmp_path / "lib.db", clock=clock) as lib:
        service.get_records([P0], library=lib)
        assert ncbi.count("efetch") == 1
        clock.t += 29 * 86400
        service.get_records([P0], library=lib)
        assert ncbi.count("efetch") == 1  # within the 30-day TTL
        clock.t += 2 * 86400
        service.get_records([P0], library=lib)
        assert ncbi.count("efetch") == 2  # older than 30 days: fetched again
        service.get_records([P0], library=lib, max_age=0)
        assert ncbi.count("efetch") == 3  # --refresh
        clock.t += 365 * 86400
        records, _ = service.get_records([P0], library=lib, offline=True)
        assert [r.pmid for r in records] == [P0] and ncbi.count("efetch") == 3


def test_unreachable_ncbi_falls_back_to_stale_copies(closed_port_url, tmp_path: Path) -> None:
    clock = Clock()
    warnings: list[str] = []
    with Library(tmp_path / "lib.db", clock=clock) as lib:
        lib.upsert(parsed(article_set([article_xml(int(P0))])), source="ncbi")
        clock.t += 100 * 86400
        records, failures = service.get_records([P0], library=lib, warn=warnings.append)
        assert [r.pmid for r in records] == [P0] and failures == []
        # the missing-email warning goes the same way as every other warning
        assert [w for w in warnings if "unreachable" in w] == [warnings[-1]]
        assert len(warnings) == 2 and warnings[0].startswith("no email address configured")
        with pytest.raises(NetworkError) as info:
            service.get_records([P0, P1], library=lib)
        assert "cannot reach NCBI" in info.value.message
        assert "--offline (1 of the 2 records are stored there)" in info.value.hint


def test_offline_hint_counts_matching_library_records(closed_port_url) -> None:
    with Library() as lib:
        lib.upsert(parsed(article_set([article_xml(FIRST_PMID + i) for i in range(37)])), source="t")
        lib.upsert(parsed(article_set([article_xml(FIRST_PMID + 100, title="Unrelated", abstract="x")])), source="t")
    with pytest.raises(NetworkError) as info:
        EutilsClient().esearch("study")
    err = service.with_offline_hint(info.value, "study")
    assert err.message == info.value.message and isinstance(err, type(info.value))
    assert err.hint == "Check your network, or answer from your local library with --offline (37 matching records)."
    assert service.with_offline_hint(info.value, "nothingmatches") is info.value
    assert service.with_offline_hint(info.value, None).hint.endswith("(38 records).")


def test_search_cache_helpers(ncbi, articles, tmp_path: Path) -> None:
    result = EutilsClient().esearch("synthetic OCD", retmax=2)
    key = service.search_key("synthetic  OCD", max=2, sort=None, email="x@y.z", api_key="K")
    assert key == service.search_key("synthetic OCD", max=2)
    assert service.cached_search(key) is None
    assert service.store_search(key, result, query="synthetic OCD") is True
    hit = service.cached_search(key)
    assert isinstance(hit, CachedSearch)
    assert (hit.pmids, hit.count, hit.query) == ([P0, P1], 4, "synthetic OCD")
    assert hit.query_translation == "synthetic OCD"
    assert service.cached_search(key, max_age=-1) is None  # expired


def test_cache_helpers_survive_a_broken_library(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "library.db").write_bytes(b"garbage" * 1000)
    monkeypatch.setenv("LITCLI_HOME", str(tmp_path))
    warnings: list[str] = []
    assert service.cached_search("k") is None
    assert service.store_search("k", CachedSearch(["1"], 1), warn=warnings.append) is False
    assert warnings and "not a litcli library" in warnings[0]


def test_store_fetched_parses_stores_and_yields(ncbi, articles) -> None:
    client = EutilsClient()
    records = list(service.store_fetched(client.fetch_batches(ids=[P0, P1, P2], batch_size=2)))
    assert [r.pmid for r in records] == [P0, P1, P2]
    assert ncbi.count("efetch") == 2
    with Library() as lib:
        assert sorted(lib.get([P0, P1, P2])) == [P0, P1, P2]
        assert lib.get([P2])[P2].flags == ["retracted"]


def test_offline_search(tmp_path: Path) -> None:
    with Library() as lib:
        lib.upsert(
            parsed(
                article_set(
                    [
                        article_xml(int(P0), title="Ketamine trial", year=2012,
                                    pubtypes=("Randomized Controlled Trial",)),
                        article_xml(int(P1), title="Ketamine review", year=2020, pubtypes=("Review",)),
                        article_xml(int(P2), title="Other things"),
                    ]
                )
            ),
            source="t",
        )
    result = service.offline_search("ketamine[ti] AND rct[pt]", limit=10)
    assert [r.pmid for r in result.records] == [P0, P1] or [r.pmid for r in result.records] == [P1, P0]
    assert result.count == 2 and result.ignored == ["rct[pt]"]
    only = service.offline_search("ketamine", designs=["review"], since=2015)
    assert [r.pmid for r in only.records] == [P1] and only.count == 1


def test_library_search_cache_plugs_into_run_search(ncbi, articles) -> None:
    from litcli.search import run_search

    client = EutilsClient()
    with service.LibrarySearchCache() as cache:
        first = run_search("synthetic", client=client, max_results=3, cache=cache)
    assert [r.pmid for r in first.records] == [P0, P1, P2] and not first.from_cache
    assert ncbi.count("esearch") == 1
    with Library() as lib:
        assert lib.count() == 3 and lib.stats()["cached_searches"] == 1
    # the same search again within a day: no request, same answer
    ncbi.clear()
    with service.LibrarySearchCache() as cache:
        again = run_search("synthetic", client=client, max_results=3, cache=cache)
    assert ncbi.count() == 0 and again.from_cache
    assert [r.pmid for r in again.records] == [P0, P1, P2] and again.count == 4
    # other options are another search; --refresh asks NCBI again
    with service.LibrarySearchCache() as cache:
        run_search("synthetic", client=client, max_results=2, cache=cache)
    assert ncbi.count("esearch") == 1
    with service.LibrarySearchCache(refresh=True) as cache:
        fresh = run_search("synthetic", client=client, max_results=3, cache=cache)
    assert ncbi.count("esearch") == 2 and not fresh.from_cache


def test_library_search_cache_parse_efetch_stores_each_batch(ncbi, articles) -> None:
    client = EutilsClient()
    with service.LibrarySearchCache() as cache:
        for body in client.fetch_batches(ids=[P0, P1, P2], batch_size=2):
            cache.parse_efetch(body)
    with Library() as lib:
        assert lib.count() == 3 and lib.stats()["with_raw"] == 3
