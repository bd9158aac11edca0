"""litcli.icite against the loopback iCite server (tests/icite_server.py)."""

from __future__ import annotations

import pytest

from litcli.config import Settings
from litcli.icite import ICiteClient, ICiteError, Metrics, fetch_metrics, parse_pub
from tests.icite_server import old_shape, shape_2025


def test_old_shape_is_read() -> None:
    m = parse_pub(old_shape("99000001"))
    assert m == Metrics(
        pmid="99000001",
        citation_count=10,
        relative_citation_ratio=1.23,
        nih_percentile=61.5,
        citations_per_year=2.0,
        clinical_citations=2,
        human=0.75,
        animal=0.25,
        molecular_cellular=0.0,
        apt=0.5,
        is_clinical=False,
        provisional=False,
        year=2019,
    )


def test_2025_shape_missing_and_null_fields_are_empty_never_zero() -> None:
    m = parse_pub(shape_2025("99000002"))
    assert m is not None
    assert m.citation_count == 3
    assert m.relative_citation_ratio is None
    assert m.nih_percentile is None
    assert m.apt is None and m.molecular_cellular is None and m.clinical_citations is None
    assert m.is_clinical is True and m.provisional is True
    assert m.human == 1.0 and m.animal == 0.0  # a real zero stays zero


def test_odd_values_become_empty() -> None:
    m = parse_pub({"pmid": "5", "citation_count": "NA", "relative_citation_ratio": "x",
                   "nih_percentile": "", "cited_by_clin": "1 2 3", "is_clinical": "Yes"})
    assert m is not None
    assert (m.citation_count, m.relative_citation_ratio, m.nih_percentile) == (None, None, None)
    assert m.clinical_citations == 3 and m.is_clinical is True
    assert parse_pub({"title": "no pmid"}) is None


def test_both_shapes_over_http(icite) -> None:
    icite.add_old("99000001", citation_count=42)
    icite.add_2025("99000002")
    with ICiteClient(Settings.load()) as client:
        got = client.metrics(["99000001", "99000002", "99000003"])
    assert got["99000001"].citation_count == 42
    assert got["99000002"].nih_percentile is None
    assert "99000003" not in got
    assert icite.requests[0]["path"] == "/api/pubs"
    assert icite.requests[0]["pmids"] == ["99000001", "99000002", "99000003"]


def test_batches_of_1000(icite) -> None:
    pmids = [str(90000000 + i) for i in range(2500)]
    for p in pmids[::100]:
        icite.add_old(p)
    with ICiteClient(Settings.load()) as client:
        got = client.metrics(pmids)
    assert [len(r["pmids"]) for r in icite.requests] == [1000, 1000, 500]
    assert len(got) == 25


def test_retries_5xx_then_succeeds(icite) -> None:
    icite.add_old("99000001")
    icite.fail("503", times=2)
    said: list[str] = []
    with ICiteClient(Settings.load(), notify=said.append) as client:
        assert "99000001" in client.metrics(["99000001"])
    assert len(icite.requests) == 3
    assert len(said) == 2 and "HTTP 503" in said[0]


@pytest.mark.parametrize("kind", ["html", "503"])
def test_icite_down_or_html_leaves_metrics_empty_with_one_warning(icite, monkeypatch, kind) -> None:
    monkeypatch.setenv("LITCLI_MAX_TRIES", "2")
    icite.add_old("99000001")
    icite.fail(kind, times=100)
    warnings: list[str] = []
    pmids = [str(90000000 + i) for i in range(1500)]
    assert fetch_metrics(pmids, settings=Settings.load(), warn=warnings.append) == {}
    assert len(warnings) == 1
    assert "citation metrics not available" in warnings[0]


def test_nothing_listening_is_one_warning(monkeypatch) -> None:
    monkeypatch.setenv("LITCLI_ICITE_URL", "http://127.0.0.1:9/api/")
    monkeypatch.setenv("LITCLI_BACKOFF", "0.01")
    warnings: list[str] = []
    assert fetch_metrics(["1"], settings=Settings.load(), warn=warnings.append) == {}
    assert len(warnings) == 1 and "connection refused" in warnings[0]


def test_client_error_raises_typed_error(icite) -> None:
    icite.fail("400")
    with ICiteClient(Settings.load()) as client, pytest.raises(ICiteError):
        client.metrics(["1"])


def test_round_trip_dict() -> None:
    m = parse_pub(shape_2025("7"))
    assert m is not None and Metrics.from_dict(m.to_dict()) == m


def test_default_url_and_setting(monkeypatch) -> None:
    monkeypatch.delenv("LITCLI_ICITE_URL")
    assert Settings.load().icite_url == "https://icite.od.nih.gov/api/"
    monkeypatch.setenv("LITCLI_ICITE_URL", "http://127.0.0.1:1/x")
    assert Settings.load().icite_url == "http://127.0.0.1:1/x/"


# --- metrics_from: what commands use (library first, then iCite in batches, kept with a date) ---

DAY = 86400.0


def _library(tmp_path, now):
    from litcli.library import Library

    return Library(tmp_path / "lib.sqlite", clock=lambda: now[0])


def test_metrics_from_asks_in_batches_of_1000_and_keeps_them_dated(icite, tmp_path) -> None:
    from litcli.icite import metrics_from

    now = [1_800_000_000.0]
    pmids = [str(90000000 + i) for i in range(2500)]
    for p in pmids[::100]:
        icite.add_old(p, citation_count=7)
    with _library(tmp_path, now) as lib:
        got = metrics_from(pmids, library=lib, settings=Settings.load())
        assert [len(r["pmids"]) for r in icite.requests] == [1000, 1000, 500]
        assert len(got) == 25 and all(m.citation_count == 7 for m in got.values())
        # kept with their date: PMIDs iCite does not know are kept as "nothing", not as 0
        stored = lib.metrics_get(pmids, max_age=float("inf"))
        assert len(stored) == 2500 and stored[pmids[1]] == {}
        assert lib._conn.execute("SELECT MIN(fetched_at), MAX(fetched_at) FROM citation_metrics"
                                 ).fetchone() == (now[0], now[0])
        # within 30 days nothing is asked again; after 30 days all of them are
        now[0] += 29 * DAY
        assert metrics_from(pmids, library=lib, settings=Settings.load()) == got
        assert len(icite.requests) == 3
        now[0] += 2 * DAY
        metrics_from(pmids, library=lib, settings=Settings.load())
        assert [len(r["pmids"]) for r in icite.requests[3:]] == [1000, 1000, 500]


def test_icite_down_keeps_stale_metrics_and_warns_once(icite, tmp_path, monkeypatch) -> None:
    from litcli.icite import metrics_from

    monkeypatch.setenv("LITCLI_MAX_TRIES", "2")
    now = [1_800_000_000.0]
    icite.add_old("99000001", citation_count=42)
    with _library(tmp_path, now) as lib:
        metrics_from(["99000001"], library=lib, settings=Settings.load())
        now[0] += 40 * DAY  # stale: asked again, but iCite is down
        icite.fail("html", times=10)
        warnings: list[str] = []
        got = metrics_from(["99000001", "99000002"], library=lib, settings=Settings.load(),
                           warn=warnings.append)
        assert got["99000001"].citation_count == 42  # the stale value, not nothing
        assert "99000002" not in got  # never known: empty, never 0
        assert len(warnings) == 1 and "citation metrics not available" in warnings[0]
        # a failed answer is not kept as "iCite knows nothing": asked again next time
        assert "99000002" not in lib.metrics_get(["99000002"], max_age=float("inf"))


def test_a_batch_failing_keeps_the_batches_that_arrived(icite, monkeypatch) -> None:
    monkeypatch.setenv("LITCLI_MAX_TRIES", "1")
    pmids = [str(90000000 + i) for i in range(1500)]
    icite.add_old(pmids[0], citation_count=1)
    icite.add_old(pmids[1200], citation_count=2)

    real = ICiteClient.metrics
    calls = [0]

    def second_batch_fails(self, ids):
        calls[0] += 1
        if calls[0] == 2:
            icite.fail("503")
        return real(self, ids)

    # the transport stays real: only the moment iCite starts failing is chosen
    monkeypatch.setattr(ICiteClient, "metrics", second_batch_fails)
    warnings: list[str] = []
    got = fetch_metrics(pmids, settings=Settings.load(), warn=warnings.append)
    assert set(got) == {pmids[0]} and len(warnings) == 1
