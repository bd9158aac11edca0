"""iCite metrics in `show`, `search --metrics` and `--sort cited|rcr` (loopback NCBI and iCite)."""

from __future__ import annotations

import csv
import io
import json
import time

from litcli.library import Library
from tests.conftest import run_cli
from tests.ncbi_server import pubmed_article

A, B, C = "99000001", "99000002", "99000003"


def articles(ncbi) -> None:
    ncbi.set_articles(
        {
            A: pubmed_article(int(A), title="Little cited trial."),
            B: pubmed_article(int(B), title="Much cited retracted trial.",
                              publication_types=["Journal Article", "Retracted Publication"]),
            C: pubmed_article(int(C), title="Trial iCite does not know."),
        }
    )


def test_search_metrics_json_csv_tsv_and_table(ncbi, icite):
    articles(ncbi)
    icite.add_old(A, citation_count=4, relative_citation_ratio=0.5)
    icite.add_2025(B, citation_count=900)
    result = run_cli(["search", "trial", "--metrics", "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)["records"]
    by = {r["pmid"]: r for r in records}
    assert by[A]["metrics"]["citation_count"] == 4
    assert by[B]["metrics"]["nih_percentile"] is None  # 2025 shape: null stays null
    assert by[C]["metrics"] is None
    keys = list(by[B])
    assert keys[keys.index("flags") + 1] == "metrics"  # the flags stay beside the metrics
    assert len(icite.requests) == 1 and sorted(icite.requests[0]["pmids"]) == [A, B, C]

    rows = list(csv.DictReader(io.StringIO(run_cli(["search", "trial", "--metrics", "-f", "csv"]).stdout)))
    header = list(rows[0])
    assert header[header.index("flags") + 1] == "citation_count"
    assert {r["pmid"]: r["citation_count"] for r in rows} == {A: "4", B: "900", C: ""}
    assert {r["pmid"]: r["relative_citation_ratio"] for r in rows}[B] == ""  # missing: empty, not 0

    table = run_cli(["search", "trial", "--metrics"]).stdout.splitlines()
    assert table[0] == "#\tPMID\tYear\tFirst author\tTitle\tJournal\tDesign\tFlags\tCited\tRCR\tNIH %ile\tCites/yr\tClinical"
    row_b = next(line for line in table if f"\t{B}\t" in line).split("\t")
    assert row_b[7:9] == ["retracted", "900"]
    # stored: a second run asks iCite nothing
    assert len(icite.requests) == 1


def test_sort_cited_and_rcr(ncbi, icite):
    articles(ncbi)
    icite.add_old(A, citation_count=4, relative_citation_ratio=3.0)
    icite.add_old(B, citation_count=900, relative_citation_ratio=1.0)
    cited = run_cli(["search", "trial", "--sort", "cited", "-f", "jsonl"])
    assert cited.exit_code == 0, cited.output
    assert [json.loads(x)["pmid"] for x in cited.stdout.splitlines()] == [B, A, C]
    rcr = run_cli(["search", "trial", "--sort", "rcr", "-f", "jsonl"])
    assert [json.loads(x)["pmid"] for x in rcr.stdout.splitlines()] == [A, B, C]


def test_icite_down_is_one_warning_and_empty_metrics(ncbi, icite, monkeypatch):
    monkeypatch.setenv("LITCLI_MAX_TRIES", "2")
    articles(ncbi)
    icite.fail("html", times=10)
    result = run_cli(["search", "trial", "--metrics", "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("citation metrics not available") == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["citation_count"] for r in rows] == ["", "", ""]


def test_metrics_refreshed_after_30_days(ncbi, icite):
    articles(ncbi)
    icite.add_old(A, citation_count=4)
    assert run_cli(["search", "trial", "--metrics", "-f", "json"]).exit_code == 0
    with Library() as lib:
        lib._conn.execute("UPDATE citation_metrics SET fetched_at = ?", (time.time() - 31 * 86400,))
        lib._conn.commit()
    icite.add_old(A, citation_count=5)
    out = json.loads(run_cli(["search", "trial", "--metrics", "-f", "json"]).stdout)
    assert {r["pmid"]: (r["metrics"] or {}).get("citation_count") for r in out["records"]}[A] == 5
    assert len(icite.requests) == 2
    # offline: the stored metrics, nothing asked
    off = run_cli(["search", "trial", "--metrics", "--offline", "-f", "json"])
    assert off.exit_code == 0, off.output
    assert len(icite.requests) == 2


def test_show_prints_metrics_beside_the_flags(ncbi, icite):
    articles(ncbi)
    icite.add_old(B, citation_count=900, relative_citation_ratio=2.5, nih_percentile=95.0)
    result = run_cli(["show", B])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if x.startswith("Citations (iCite)"))
    assert line.startswith("Citations (iCite): 900 citations · RCR 2.50 · NIH percentile 95.0")
    assert "⚠ RETRACTED" in line


def test_metrics_flag_conflicts_are_usage_errors(ncbi):
    assert run_cli(["search", "x", "--metrics", "--count"]).exit_code == 2
    assert run_cli(["search", "x", "--metrics", "-f", "bibtex"]).exit_code == 2
    assert ncbi.count() == 0
