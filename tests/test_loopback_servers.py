"""The loopback stand-ins behave as the real services on the points the issue-12 tests rely
on: PubMed's 9,999 cap exactly (``retstart`` 9,998 is the last one answered, 9,999 is NCBI's
error, for esearch and for efetch through the history server) and iCite's 1,000 PMIDs a
request (the fake refuses more, so a test that passes proves the client batches)."""

from __future__ import annotations

import pytest
import requests

from litcli.errors import NCBIResponseError
from litcli.eutils import EutilsClient
from tests.ncbi_server import MAX_RETSTART, WEBENV, pubmed_article


@pytest.fixture
def ten_thousand(ncbi):
    # 10,000 matches; only the last has a record body (the others are not fetched here)
    ncbi.set_articles({**{str(99000001 + i): "" for i in range(9_999)},
                       "99010000": pubmed_article(99010000)})
    return ncbi


def test_esearch_answers_retstart_9998_and_refuses_9999(ten_thousand):
    assert MAX_RETSTART == 9_998
    with EutilsClient() as client:
        last = client.esearch("synthetic", retstart=9_998, retmax=5, usehistory=False)
        assert last.count == 10_000 and last.ids == ["99009999", "99010000"]
        with pytest.raises(NCBIResponseError) as info:
            client.esearch("synthetic", retstart=9_999, retmax=5, usehistory=False)
    assert "'retstart' cannot be larger than 9998" in info.value.message


def test_efetch_through_the_history_server_has_the_same_cap(ten_thousand):
    with EutilsClient() as client:
        client.esearch("synthetic", retmax=0, usehistory=True)
        body = client.efetch(webenv=WEBENV, query_key="1", retstart=9_998, retmax=5)
        assert b"<PMID" in body and b"99010000" in body
        with pytest.raises(NCBIResponseError) as info:
            client.efetch(webenv=WEBENV, query_key="1", retstart=9_999, retmax=5)
    assert "cannot be larger than 9998" in info.value.message


def test_the_icite_fake_refuses_more_than_1000_pmids(icite):
    url = icite.url.rstrip("/") + "/pubs"
    ok = requests.get(url, params={"pmids": ",".join(str(90000000 + i) for i in range(1000))},
                      timeout=10)
    assert ok.status_code == 200
    too_many = requests.get(url, params={"pmids": ",".join(str(90000000 + i) for i in range(1001))},
                            timeout=10)
    assert too_many.status_code == 400
