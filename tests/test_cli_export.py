"""`litcli export` through the real CLI, the loopback NCBI server and a real library."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import bibtexparser
import pytest
import rispy
from click.testing import CliRunner

from litcli.cli import cli
from litcli.cli.errors import run_main
from tests.test_library_fixtures import article_xml

REAL_EFETCH = "extracted_from_cassettes/pubmedly/pubmed__articles__cancer__2_efetch.xml"
P0, P1, P2, P3 = "99000001", "99000002", "99000003", "99000004"
UNKNOWN = "99000999"


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str


def run(*args: str, input: str | None = None) -> Outcome:
    """Run `litcli ARGS` as the console script does: litcli.cli.cli through run_main,
    which maps errors to messages and exit codes, with CliRunner's captured streams."""
    runner = CliRunner()
    with runner.isolation(input=input) as (out, err, _):
        try:
            run_main(cli, list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        else:  # pragma: no cover - run_main always exits
            code = 0
    return Outcome(code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))


@pytest.fixture
def synthetic(ncbi):
    ncbi.set_articles(
        {
            P0: article_xml(int(P0), doi="10.1234/synth.0", title="Ketamine & OCD: 50% better?"),
            P1: article_xml(int(P1), pmcid="PMC9900001", last_name="Müller"),
            P2: article_xml(int(P2), retraction_in=P3),
            P3: article_xml(int(P3), title="=1+1 is a formula"),
        }
    )
    return ncbi


def test_real_records_export_as_bibtex_in_input_order(ncbi) -> None:
    pmids = ncbi.set_articles_from_file(REAL_EFETCH)
    assert len(pmids) >= 2
    result = run("export", *reversed(pmids), "-f", "bibtex")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    lib = bibtexparser.parse_string(result.stdout)
    assert not lib.failed_blocks
    assert [e.fields_dict["pmid"].value for e in lib.entries] == list(reversed(pmids))
    assert ncbi.count("efetch") == 1


def test_default_format_is_bibtex_and_ids_from_stdin(synthetic) -> None:
    result = run("export", "-", input=f"{P1}\n\n  {P0}\n")
    assert result.exit_code == 0, result.stderr
    entries = bibtexparser.parse_string(result.stdout).entries
    assert [e.fields_dict["pmid"].value for e in entries] == [P1, P0]
    assert entries[0].key.startswith("Muller2015")


def test_search_ids_output_pipes_into_export(synthetic) -> None:
    ids_text = run("export", P0, P2, "-f", "ids").stdout
    assert ids_text == f"{P0}\n{P2}\n"
    result = run("export", "-", "-f", "ris", input=ids_text)
    assert result.exit_code == 0
    entries = rispy.loads(result.stdout)
    assert [e["accession_number"] for e in entries] == [P0, P2]
    assert entries[1]["notes"] == [f"Retracted publication (see PMID {P3})"]


def test_doi_pmcid_and_url_identifiers(synthetic) -> None:
    result = run(
        "export",
        "doi:10.1234/synth.0",
        "PMC9900001",
        f"https://pubmed.ncbi.nlm.nih.gov/{P2}/",
        "-f",
        "json",
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [d["pmid"] for d in data] == [P0, P1, P2]
    assert {d["schema"] for d in data} == {"litcli.record/1"}
    assert data[2]["flags"] == ["retracted"]


def test_unknown_ids_are_reported_and_the_rest_exported_with_exit_3(synthetic) -> None:
    result = run("export", P0, UNKNOWN, P1, "-f", "jsonl")
    assert result.exit_code == 3
    assert [json.loads(line)["pmid"] for line in result.stdout.splitlines()] == [P0, P1]
    assert result.stderr == f"Not found: {UNKNOWN} — no PubMed record with this PMID\n"


def test_all_unknown_is_exit_3_with_nothing_on_stdout(synthetic) -> None:
    result = run("export", UNKNOWN, "99000998")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "Not found: 99000998" in result.stderr
    assert "none of the 2 identifiers was found" in result.stderr


def test_a_malformed_id_is_named_and_the_valid_ones_exported_with_exit_2(synthetic) -> None:
    """Like `show`: one bad identifier does not throw away the others."""
    result = run("export", P0, "not-an-id", P1, "bogus", "-f", "ids")
    assert result.exit_code == 2
    assert result.stdout.split() == [P0, P1]
    assert result.stderr.splitlines() == [
        "Invalid: not a PMID, DOI, PMCID or PubMed URL: 'not-an-id'",
        "Invalid: not a PMID, DOI, PMCID or PubMed URL: 'bogus'",
    ]
    # offline too, from the library only
    synthetic.clear()
    offline = run("export", "--offline", P1, "bogus", UNKNOWN, "-f", "ids")
    assert offline.exit_code == 2  # a usage error outranks "not found", as in `show`
    assert offline.stdout.split() == [P1]
    assert offline.stderr.splitlines() == [
        "Invalid: not a PMID, DOI, PMCID or PubMed URL: 'bogus'",
        f"Not found: {UNKNOWN} — not in the local library (offline)",
    ]
    assert synthetic.count() == 0


def test_only_malformed_ids_are_one_usage_error_before_any_request(synthetic) -> None:
    result = run("export", "not-an-id", "bogus")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Error: not a PMID, DOI, PMCID or PubMed URL: 'not-an-id' (and 1 more invalid). "
        "Examples: 23392687, PMID:23392687, 10.1038/npp.2013.22, PMC3668120"
    ]
    assert synthetic.count() == 0


def test_malformed_and_unknown_ids_with_nothing_found_exit_2(synthetic) -> None:
    result = run("export", "bogus", UNKNOWN)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "Invalid: not a PMID, DOI, PMCID or PubMed URL: 'bogus'",
        f"Not found: {UNKNOWN} — no PubMed record with this PMID",
        "Error: none of the 2 identifiers was found (1 invalid)",
    ]


def test_unknown_format_is_a_usage_error(synthetic) -> None:
    result = run("export", P0, "-f", "docx")
    assert result.exit_code == 2
    assert "Invalid value for '-f' / '--format': 'docx' is not one of" in result.stderr
    assert synthetic.count() == 0


def test_output_file_written_atomically_and_not_clobbered(synthetic, tmp_path: Path) -> None:
    out = tmp_path / "refs.bib"
    result = run("export", P0, P1, "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"Wrote 2 records to {out} (bibtex)\n"
    first = out.read_text(encoding="utf-8")
    assert len(bibtexparser.parse_string(first).entries) == 2

    again = run("export", P2, "-o", str(out), "-f", "ris")
    assert again.exit_code == 2
    assert again.stderr == f"Error: {out} already exists (use --force to overwrite it)\n"
    assert out.read_text(encoding="utf-8") == first

    forced = run("export", P2, "-o", str(out), "-f", "ris", "--force")
    assert forced.exit_code == 0
    assert rispy.loads(out.read_text(encoding="utf-8"))[0]["accession_number"] == P2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.bib"]  # no temp files left


def test_output_dash_means_stdout(synthetic, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("export", P0, P1, "-o", "-", "-f", "ris")
    assert result.exit_code == 0, result.stderr
    assert [r["accession_number"] for r in rispy.loads(result.stdout)] == [P0, P1]
    assert "Wrote" not in result.stderr
    assert list(tmp_path.iterdir()) == []  # no file named '-'


def test_output_in_a_missing_directory_fails_before_fetching(synthetic, tmp_path: Path) -> None:
    out = tmp_path / "nope" / "refs.bib"
    result = run("export", P0, "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: cannot write {out}: directory {out.parent} does not exist (create it first)\n"
    )
    assert synthetic.count() == 0


def test_csv_output_has_no_live_formulas_and_abstracts_on_request(
    synthetic, tmp_path: Path
) -> None:
    import csv

    out = tmp_path / "refs.csv"
    assert run("export", P3, P0, "-f", "csv", "-o", str(out), "--abstracts").exit_code == 0
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["title"] == "'=1+1 is a formula"
    assert rows[1]["title"] == "Ketamine & OCD: 50% better?"
    assert rows[1]["abstract"].startswith("We studied")
    plain = run("export", P0, "-f", "csv").stdout
    assert list(csv.DictReader(plain.splitlines()))[0]["abstract"] == ""


def test_offline_uses_only_the_library(synthetic) -> None:
    cold = run("export", P0, "--offline")
    assert cold.exit_code == 3
    assert "not in the local library (offline)" in cold.stderr
    assert synthetic.count() == 0
    assert run("export", P0).exit_code == 0  # fetched and stored
    synthetic.clear()
    warm = run("export", P0, "--offline", "-f", "vancouver")
    assert warm.exit_code == 0
    assert warm.stdout.startswith(
        "1. Rivera C, Bloom M. Ketamine & OCD: 50% better? J Synth Tests. 2015 Mar;1(2):1-10. doi: 10.1234/synth.0"
    )
    assert synthetic.count() == 0


def test_help_lists_formats_and_exit_codes() -> None:
    result = run("export", "--help")
    assert result.exit_code == 0
    for word in ("bibtex", "csl-json", "vancouver", "--force", "--abstracts", "3 some identifiers"):
        assert word in result.stdout
