"""EutilsClient.ecitmatch: one batched request, NCBI's text reply, the transport's rules."""

from __future__ import annotations

import pytest

from litcli.errors import NCBIError
from litcli.eutils import CitationQuery, EutilsClient, parse_ecitmatch
from tests.conftest import shared_file


def test_the_real_ecitmatch_reply_is_read() -> None:
    text = shared_file("eutils/biopython/ecitmatch.txt").read_text(encoding="utf-8")
    (match,) = parse_ecitmatch(text).values()
    assert (match.key, match.status, match.pmid) == ("citation_1", "found", "2014248")


def test_misses_and_ambiguous_answers() -> None:
    reply = (
        "j synth tests|2020|20|1|okafor|ref3|NOT_FOUND;INVALID_JOURNAL\n"
        "j synth tests|2015|3|1|lee|ref9|AMBIGUOUS (2 citations) 99000017,99000018\n"
        "not an answer line\n"
    )
    out = parse_ecitmatch(reply)
    assert out["ref3"].status == "not found" and out["ref3"].detail == "NOT_FOUND;INVALID_JOURNAL"
    assert out["ref9"].status == "ambiguous" and out["ref9"].candidates == ("99000017", "99000018")


def test_one_request_for_all_citations_on_the_cgi_endpoint(ncbi) -> None:
    ncbi.reply_file("ecitmatch", "biopython/ecitmatch.txt", content_type="text/plain")
    queries = [
        CitationQuery("citation_1", "proc natl acad sci u s a", "1991", "88", "3248", "mann bj"),
        CitationQuery("citation_2", "J|Bad\rJournal", "2000", "1", "1", "Smith\nJ"),
    ]
    with EutilsClient() as client:
        out = client.ecitmatch(queries)
    assert out["citation_1"].pmid == "2014248" and "citation_2" not in out
    (hit,) = ncbi.hits("ecitmatch")
    assert hit.path.endswith("/ecitmatch.cgi")
    lines = hit.params["bdata"].split("\r")
    assert lines == [
        "proc natl acad sci u s a|1991|88|3248|mann bj|citation_1|",
        "j bad journal|2000|1|1|smith j|citation_2|",  # pipes and line breaks cannot split a field
    ]
    assert hit.params["db"] == "pubmed" and hit.params["email"] == "tests@example.org"


def test_the_loopback_server_answers_in_ncbis_format(ncbi) -> None:
    ncbi.on_citation("j synth tests", 2013, "12", "100", "rivera", "99000011")
    with EutilsClient() as client:
        out = client.ecitmatch([CitationQuery("ref1", "J Synth Tests", "2013", "12", "100", "Rivera"),
                                CitationQuery("ref2", "J Synth Tests", "2014", "12", "100", "Rivera")])
    assert (out["ref1"].pmid, out["ref2"].status) == ("99000011", "not found")


def test_no_citations_no_request(ncbi) -> None:
    with EutilsClient() as client:
        assert client.ecitmatch([]) == {}
    assert ncbi.count() == 0


def test_failures_are_retried_and_errors_never_show_the_key(ncbi, monkeypatch) -> None:
    monkeypatch.setenv("NCBI_API_KEY", "abcdef0123456789secret")
    ncbi.fail("ecitmatch", "503", times=1)
    ncbi.on_citation("j synth tests", 2013, "12", "100", "rivera", "99000011")
    with EutilsClient() as client:
        out = client.ecitmatch([CitationQuery("ref1", "J Synth Tests", "2013", "12", "100", "Rivera")])
    assert out["ref1"].pmid == "99000011" and ncbi.count("ecitmatch") == 2
    ncbi.fail("ecitmatch", "400", times=1)
    with EutilsClient() as client, pytest.raises(NCBIError) as info:
        client.ecitmatch([CitationQuery("ref1", "J Synth Tests", "2013", "12", "100", "Rivera")])
    assert "abcdef0123456789secret" not in str(info.value) + (info.value.hint or "")
