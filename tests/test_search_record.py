"""The search record (issue 12, item 4): every online search kept in the library as run,
`library searches`, `search --rerun N`, and the "search" object of `search --format json`."""

from __future__ import annotations

import json
import time

from litcli import __version__
from litcli.library import Library, pmids_hash
from tests.conftest import run_cli
from tests.ncbi_server import pubmed_article


def synthetic(n: int, first: int = 99000001) -> dict[str, str]:
    return {str(p): pubmed_article(p, title=f"Synthetic article {p}.") for p in range(first, first + n)}


def test_a_search_is_recorded_with_everything_needed_to_cite_it(ncbi):
    ncbi.set_articles(synthetic(6))
    ncbi.on_search(
        "ketamine", ["99000003", "99000001", "99000005"],
        translation='"ketamine"[MeSH Terms] OR "ketamine"[All Fields]',
        warnings={"PhraseIgnored": ["of"]},
    )
    before = time.time()
    result = run_cli(["search", "ketamine", "--type", "rct", "--humans", "--since", "2015",
                      "--sort", "date", "--max", "2", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [r["pmid"] for r in data["records"]] == ["99000003", "99000001"]
    search = data["search"]
    sent = ncbi.hits("esearch")[0].params["term"]
    assert search == {
        "id": 1,
        "query_typed": "ketamine",
        "topic": None,
        "filters": {"types": ["rct"], "humans": True, "since": 2015},
        "query": sent,
        "query_translation": '"ketamine"[MeSH Terms] OR "ketamine"[All Fields]',
        "warnings": ["PhraseIgnored: of"],
        "sort": "date",
        "max": 2,
        "mode": "records",
        "source": "pubmed",
        "run_at": search["run_at"],
        "searched_at": search["run_at"],
        "count": 3,
        "returned": 2,
        "pmids_hash": pmids_hash(["99000003", "99000001"]),
        "pmids": ["99000003", "99000001"],
        "litcli_version": __version__,
        "rerun_of": None,
    }
    assert search["run_at"].endswith("+00:00")
    with Library() as lib:
        (entry,) = lib.searches()
        assert entry.to_dict() == search and entry.run_at >= before - 1
        assert "m002_search_log" in lib.migrations()


def test_every_online_search_is_recorded_cached_ids_and_count_too(ncbi):
    ncbi.set_articles(synthetic(4))
    run_cli(["search", "--topic", "ketamine-ocd", "--max", "3"])
    run_cli(["search", "--topic", "ketamine-ocd", "--max", "3"])  # from the cache
    run_cli(["search", "plain", "-f", "ids"])
    run_cli(["search", "plain", "--count"])
    run_cli(["search", "plain", "--offline"])  # not online: not recorded
    with Library() as lib:
        entries = lib.searches()
    assert [(e.id, e.mode, e.source, len(e.pmids), e.count) for e in entries] == [
        (4, "count", "pubmed", 0, 4),
        (3, "ids", "pubmed", 4, 4),
        (2, "records", "cache", 3, 4),
        (1, "records", "pubmed", 3, 4),
    ]
    assert entries[3].topic == "ketamine-ocd" and entries[3].typed == ""
    # the cached answer says when PubMed was searched (the first run), not when it was shown
    assert abs(entries[2].searched_at - entries[3].run_at) < 1 and entries[2].searched_at < entries[2].run_at
    listing = run_cli(["library", "searches"])
    assert listing.exit_code == 0, listing.output
    rows = [line.split("\t") for line in listing.stdout.splitlines()]
    assert rows[0] == ["#", "When (UTC)", "Count", "Returned", "Sort", "Source", "Query"]
    assert [r[0] for r in rows[1:]] == ["4", "3", "2", "1"]
    assert rows[1][3] == "--count" and rows[3][5] == "cache" and rows[4][6] == "ketamine-ocd"
    as_json = json.loads(run_cli(["library", "searches", "-f", "json", "-n", "1"]).stdout)
    assert [e["id"] for e in as_json] == [4]


def test_rerun_reports_new_and_no_longer_returned(ncbi):
    ncbi.set_articles(synthetic(8))
    ncbi.on_search("psilocybin", ["99000001", "99000002", "99000003"])
    first = run_cli(["search", "psilocybin", "--humans", "--max", "5", "-f", "ids"])
    assert first.exit_code == 0, first.output
    sent = ncbi.hits("esearch")[0].params["term"]
    # PubMed changes: one record gone, two new
    ncbi.on_search("psilocybin", [])  # (rules match in order: replace the first)
    ncbi._rules.clear()
    ncbi.on_search("psilocybin", ["99000004", "99000001", "99000003", "99000005"])
    ncbi.clear()
    again = run_cli(["search", "--rerun", "1", "-f", "json"])
    assert again.exit_code == 0, again.output
    assert ncbi.count("esearch") == 1 and ncbi.hits("esearch")[0].params["term"] == sent
    assert ncbi.hits("esearch")[0].params["retmax"] == "5"  # the recorded --max
    data = json.loads(again.stdout)
    assert [r["pmid"] for r in data["records"]] == ["99000004", "99000001", "99000003", "99000005"]
    assert data["search"]["rerun_of"] == 1 and data["search"]["id"] == 2
    assert data["search"]["filters"] == {"humans": True}
    assert data["search"]["changes"] == {
        "compared_with": 1,
        "previous_count": 3,
        "previous_pmids_hash": pmids_hash(["99000001", "99000002", "99000003"]),
        "new": ["99000004", "99000005"],
        "no_longer_returned": ["99000002"],
    }
    said = again.stderr.splitlines()
    assert said[0].startswith("Search #1 again (recorded as #2): 4 matches (3 on ")
    assert said[0].endswith("; 2 new since the last run (#1), 1 no longer returned.")
    assert said[1:3] == ["  New: 99000004, 99000005", "  No longer returned: 99000002"]
    # a second rerun compares with the last run (#2), not with the first
    ncbi.clear()
    third = run_cli(["search", "--rerun", "1", "-f", "ids"])
    assert third.exit_code == 0 and ncbi.count("esearch") == 1  # never from the cache
    assert "0 new since the last run (#2), 0 no longer returned." in third.stderr


def test_rerun_bad_input(ncbi):
    missing = run_cli(["search", "--rerun", "7"])
    assert missing.exit_code == 3 and "there is no search #7 in the library" in missing.stderr
    assert ncbi.count() == 0
    clash = run_cli(["search", "x", "--rerun", "1", "--type", "rct"])
    assert clash.exit_code == 2 and "drop QUERY, --type" in clash.stderr


def test_offline_json_has_no_search_record(ncbi):
    ncbi.set_articles(synthetic(2))
    run_cli(["search", "synthetic"])
    data = json.loads(run_cli(["search", "synthetic", "--offline", "-f", "json"]).stdout)
    assert data["search"] is None and len(data["records"]) == 2
    empty = json.loads(run_cli(["search", "nomatchatall", "--offline", "-f", "json"]).stdout)
    assert empty == {"search": None, "records": []}


def test_json_to_a_file_carries_the_record(ncbi, tmp_path):
    ncbi.set_articles(synthetic(3))
    target = tmp_path / "s.json"
    result = run_cli(["search", "synthetic", "-f", "json", "-o", str(target)])
    assert result.exit_code == 0, result.output
    data = json.loads(target.read_text())
    assert data["search"]["pmids"] == [r["pmid"] for r in data["records"]] == list(synthetic(3))
