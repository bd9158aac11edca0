"""iCite metrics in `show -f json|jsonl|csv|tsv --metrics`, `export --metrics` and `library
export --metrics` (loopback NCBI and iCite): the same `metrics` key / columns as `search
--metrics`, always right after the record's flags (a much-cited retracted paper must not look
like a good source); a metric iCite does not give is empty, never 0."""

from __future__ import annotations

import csv
import io
import json

import pytest

from litcli import citetable
from litcli.cli import common
from tests.conftest import run_cli
from tests.test_cli_metrics import A, B, C, articles


def _csv(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def _beside_flags(obj: dict) -> bool:
    keys = list(obj)
    return keys[keys.index("flags") + 1] == "metrics"


def test_the_cli_list_of_metric_formats_is_citetables() -> None:
    assert set(common.METRIC_EXPORT_FORMATS) == citetable.METRIC_FORMATS - {"table"}


def test_show_json_and_jsonl_with_metrics(ncbi, icite):
    articles(ncbi)
    icite.add_2025(B, citation_count=900)
    result = run_cli(["show", A, B, C, "-f", "json", "--metrics"])
    assert result.exit_code == 0, result.output
    by = {r["pmid"]: r for r in json.loads(result.stdout)}
    assert by[B]["flags"] == ["retracted"] and by[B]["metrics"]["citation_count"] == 900
    assert by[B]["metrics"]["nih_percentile"] is None  # 2025: null stays null, never 0
    assert by[A]["metrics"] is None and by[C]["metrics"] is None  # iCite does not know them
    assert all(_beside_flags(r) for r in by.values())
    lines = run_cli(["show", B, "-f", "jsonl", "--metrics"]).stdout.splitlines()
    assert json.loads(lines[0])["metrics"]["citation_count"] == 900
    assert len(icite.requests) == 1  # the second show: from the library (kept, dated)


def test_show_machine_formats_without_metrics_are_unchanged(ncbi, icite):
    articles(ncbi)
    icite.add_old(B, citation_count=900)
    plain = run_cli(["show", B, "-f", "json"])
    assert plain.exit_code == 0, plain.output
    assert "metrics" not in json.loads(plain.stdout)[0]
    assert icite.requests == []  # not asked: json without --metrics is the record alone
    header = run_cli(["show", B, "-f", "csv"]).stdout.splitlines()[0]
    assert "citation_count" not in header
    # --no-metrics: the text view without the iCite line and without asking iCite
    text = run_cli(["show", B, "--no-metrics"])
    assert "Citations (iCite)" not in text.stdout and icite.requests == []


def test_show_csv_tsv_with_metrics(ncbi, icite):
    articles(ncbi)
    icite.add_old(B, citation_count=900, relative_citation_ratio=None)
    rows = _csv(run_cli(["show", B, A, "-f", "csv", "--metrics"]).stdout)
    header = list(rows[0])
    assert header[header.index("flags") + 1] == "citation_count"
    assert [(r["pmid"], r["flags"], r["citation_count"], r["relative_citation_ratio"]) for r in rows] == [
        (B, "retracted", "900", ""), (A, "", "", "")
    ]
    tsv = _csv(run_cli(["show", B, "-f", "tsv", "--metrics"]).stdout, "\t")
    assert tsv[0]["citation_count"] == "900" and tsv[0]["abstract"]  # show: abstracts as before


def test_metrics_with_a_format_without_a_place_for_them_is_exit_2(ncbi, icite):
    articles(ncbi)
    for args in (["show", B, "-f", "bibtex", "--metrics"], ["export", B, "-f", "ris", "--metrics"],
                 ["library", "export", "-f", "nbib", "--metrics"]):
        result = run_cli(args)
        assert result.exit_code == 2, (args, result.output)
        assert "--metrics adds columns to csv, json, jsonl," in result.stderr
        assert f"not to --format {args[args.index('-f') + 1]}" in result.stderr
    assert ncbi.count() == 0 and icite.requests == []  # refused before anything is sent


def test_export_metrics_csv_json_and_file(ncbi, icite, tmp_path):
    articles(ncbi)
    icite.add_old(B, citation_count=900)
    icite.add_old(A, citation_count=4)
    result = run_cli(["export", A, B, "-f", "csv", "--metrics"])
    assert result.exit_code == 0, result.output
    rows = _csv(result.stdout)
    assert [(r["pmid"], r["flags"], r["citation_count"]) for r in rows] == [
        (A, "", "4"), (B, "retracted", "900")
    ]
    # csv keeps its default (no mark) and --mark-retracted still marks the title
    assert "Retracted" not in rows[1]["title"]
    marked = _csv(run_cli(["export", B, "-f", "csv", "--metrics", "--mark-retracted"]).stdout)
    assert marked[0]["title"].startswith("[Retracted]") and marked[0]["citation_count"] == "900"
    out = tmp_path / "cited.json"
    written = run_cli(["export", A, B, "-f", "json", "--metrics", "-o", str(out)])
    assert written.exit_code == 0, written.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [(r["pmid"], r["metrics"]["citation_count"]) for r in data] == [(A, 4), (B, 900)]
    assert all(_beside_flags(r) for r in data)
    assert len(icite.requests) == 1  # asked once, then kept in the library


def test_export_metrics_with_icite_down_is_one_warning(ncbi, icite, monkeypatch):
    monkeypatch.setenv("LITCLI_MAX_TRIES", "2")
    articles(ncbi)
    icite.fail("html", times=10)
    result = run_cli(["export", A, B, "-f", "jsonl", "--metrics"])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("citation metrics not available") == 1
    assert [json.loads(x)["metrics"] for x in result.stdout.splitlines()] == [None, None]


def test_library_export_metrics_are_the_stored_ones_never_fetched(ncbi, icite, monkeypatch):
    articles(ncbi)
    icite.add_old(B, citation_count=900)
    assert run_cli(["show", B]).exit_code == 0  # B and its metrics are kept
    assert run_cli(["export", A, C, "-f", "ids"]).exit_code == 0  # A and C: records only
    asked = len(icite.requests)
    result = run_cli(["library", "export", "-f", "csv", "--metrics"])
    assert result.exit_code == 0, result.output
    rows = {r["pmid"]: r for r in _csv(result.stdout)}
    assert rows[B]["citation_count"] == "900" and rows[B]["flags"] == "retracted"
    assert rows[A]["citation_count"] == "" and rows[C]["citation_count"] == ""
    assert len(icite.requests) == asked  # the library only
    assert "2 of 3 records have no citation metrics in the library" in result.stderr
    js = json.loads(run_cli(["library", "export", "-f", "json", "--metrics"]).stdout)
    assert {r["pmid"]: (r["metrics"] or {}).get("citation_count") for r in js} == {
        A: None, B: 900, C: None
    }
    assert all(_beside_flags(r) for r in js)
    plain = json.loads(run_cli(["library", "export", "-f", "json"]).stdout)
    assert all("metrics" not in r for r in plain)  # without --metrics: unchanged


def test_library_export_metrics_stream_in_batches(ncbi, icite, monkeypatch):
    articles(ncbi)
    icite.add_old(A, citation_count=1)
    icite.add_old(B, citation_count=2)
    icite.add_old(C, citation_count=3)
    assert run_cli(["export", A, B, C, "-f", "csv", "--metrics"]).exit_code == 0
    looked: list[int] = []
    real = citetable.with_metrics

    def small_batches(records, lookup, *, batch=citetable.LOOKUP_BATCH):
        def counting(pmids):
            looked.append(len(pmids))
            return lookup(pmids)

        return real(records, counting, batch=2)

    monkeypatch.setattr(citetable, "with_metrics", small_batches)
    result = run_cli(["library", "export", "-f", "jsonl", "--metrics"])
    assert result.exit_code == 0, result.output
    assert sorted((json.loads(x)["pmid"], json.loads(x)["metrics"]["citation_count"])
                  for x in result.stdout.splitlines()) == [(A, 1), (B, 2), (C, 3)]
    assert looked == [2, 1]


def test_record_json_with_metrics_reads_back(ncbi, icite):
    from litcli.models import Record

    articles(ncbi)
    icite.add_old(B, citation_count=900)
    (obj,) = json.loads(run_cli(["show", B, "-f", "json", "--metrics"]).stdout)
    (plain,) = json.loads(run_cli(["show", B, "-f", "json"]).stdout)
    assert {k: v for k, v in obj.items() if k != "metrics"} == plain  # only a key added
    assert Record.from_dict(obj) == Record.from_dict(plain)


def test_show_with_icite_hanging_or_html_still_succeeds_with_one_warning(ncbi, icite, monkeypatch):
    import time

    articles(ncbi)
    monkeypatch.setenv("LITCLI_MAX_TRIES", "2")
    icite.fail("hang", times=10, seconds=4)
    started = time.monotonic()
    result = run_cli(["show", B, "--timeout", "1"])
    assert result.exit_code == 0, result.output
    assert time.monotonic() - started < 3.5  # iCite's wait is bounded by the time budget
    assert "Much cited retracted trial." in result.stdout
    assert "Citations (iCite)" not in result.stdout
    assert result.stderr.count("citation metrics not available") == 1
    icite._failures.clear()
    icite.fail("html", times=10)
    as_json = run_cli(["show", B, "-f", "json", "--metrics"])
    assert as_json.exit_code == 0, as_json.output
    assert json.loads(as_json.stdout)[0]["metrics"] is None
    assert as_json.stderr.count("citation metrics not available") == 1


# --- the terminal table: the flags stay beside the metrics at every width -----------------------


def _terminal_table(width: int) -> list[str]:
    from rich.console import Console

    from litcli.icite import Metrics
    from litcli.models import Author, PubDate, Record

    records = [
        Record(pmid="99000002", pub_date=PubDate(year=2019),
               title="Much cited retracted trial of ketamine in depression with a long title",
               publication_types=["Journal Article", "Retracted Publication"],
               authors=[Author(last_name="Rivera", fore_name="Ana", initials="A")]),
        Record(pmid="99000001", title="Little cited trial.", pub_date=PubDate(year=2020),
               authors=[Author(last_name="Chen", initials="B")]),
    ]
    metrics = {"99000002": Metrics("99000002", citation_count=900, relative_citation_ratio=12.5,
                                   nih_percentile=99.1, citations_per_year=100.0,
                                   clinical_citations=12)}
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=True, color_system=None)
    citetable.print_table(records, metrics, console, header="Showing 2 of 2")
    return buf.getvalue().splitlines()


@pytest.mark.parametrize("width", [60, 80, 100, 140])
def test_terminal_metrics_table_keeps_pmid_year_flags_and_citations_whole(width: int) -> None:
    lines = _terminal_table(width)
    assert all(len(line) <= width for line in lines), lines
    row = next(line for line in lines if "99000002" in line)
    # never cut, on the same line: the PMID, the year, the retraction and the citation count
    assert " 99000002 2019 " in row and "⚠ RETRACTED   900" in row
    header = lines[1].split()
    assert header[header.index("Flags") + 1] == "Cited"  # the flags right before the metrics
    hidden = [line for line in lines if line.startswith("(hidden at this width")]
    if width >= 100:
        assert hidden == [] and "First author" in lines[1] and "Clinical" in lines[1]
    else:
        assert hidden and "First author" not in lines[1]  # named, not silently dropped


def test_terminal_metrics_table_wide_enough_shows_the_whole_title() -> None:
    lines = _terminal_table(160)
    assert "Much cited retracted trial of ketamine in depression with a long title" in lines[2]
