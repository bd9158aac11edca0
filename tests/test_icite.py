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
