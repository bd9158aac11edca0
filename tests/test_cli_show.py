"""`litcli show` through CliRunner, against the loopback NCBI server."""

from __future__ import annotations

import json
import socket

import pytest
from click.testing import CliRunner

from litcli.cli import cli
from litcli.cli.errors import run_main
from litcli.library import Library
from tests.test_library_fixtures import FIRST_PMID, article_set, article_xml, parsed

P0, P1, P2 = (str(FIRST_PMID + i) for i in range(3))


class _Entry:
    """Invoke the CLI the way the console script does (errors -> messages + exit codes)."""

    name = "litcli"

    def main(self, args=(), prog_name=None, **extra):
        run_main(cli, list(args))


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(_Entry(), list(args), input=input, catch_exceptions=False)


@pytest.fixture
def articles(ncbi):
    ncbi.set_articles(
        {
            P0: article_xml(int(P0), title="Ketamine for resistant depression", doi="10.1234/synth.0",
                            pubtypes=("Randomized Controlled Trial",), mesh=("Humans", "Ketamine")),
            P1: article_xml(int(P1), title="A retracted ketamine study", retraction_in=P2,
                            pubtypes=("Journal Article", "Retracted Publication")),
        }
    )


def test_show_fetches_prints_and_keeps_the_record(ncbi, articles) -> None:
    result = run("show", P0)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[0] == "Ketamine for resistant depression"
    assert "Rivera C, Bloom M" in out
    assert "Design: RCT" in out and "MeSH: Humans, Ketamine" in out
    assert f"IDs: PMID {P0} · DOI 10.1234/synth.0" in out
    assert f"https://pubmed.ncbi.nlm.nih.gov/{P0}/" in out
    assert "\x1b[" not in out  # no colour when piped
    assert ncbi.count("efetch") == 1
    with Library() as lib:
        assert lib.find_pmid("doi", "10.1234/synth.0") == P0
    # again: from the library, no request
    ncbi.clear()
    assert run("show", f"PMID:{P0}").stdout == out and ncbi.count() == 0


def test_show_flags_retractions(ncbi, articles) -> None:
    result = run("show", P1)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "⚠ RETRACTED — PubMed marks this record: retracted"
    data = json.loads(run("show", P1, "--format", "json").stdout)
    assert data[0]["flags"] == ["retracted"] and data[0]["pmid"] == P1


def test_show_json_keeps_input_order(ncbi, articles) -> None:
    result = run("show", P1, "https://doi.org/10.1234/synth.0", "-f", "json")
    assert result.exit_code == 0
    ncbi_terms = [h.params.get("term") for h in ncbi.hits("esearch")]
    assert ncbi_terms == ['"10.1234/synth.0"[doi]']
    data = json.loads(result.stdout)
    assert [d["pmid"] for d in data] == [P1, P0]
    assert data[1]["schema"] == "litcli.record/1"


def test_unknown_ids_are_reported_per_id_with_exit_3(ncbi, articles, icite) -> None:
    result = run("show", P0, "99999999", "PMC9999999")
    assert result.exit_code == 3
    assert result.stdout.startswith("Ketamine for resistant depression")
    assert result.stderr.splitlines() == [
        "Not found: 99999999 — no PubMed record with this PMID",
        "Not found: PMC9999999 — no PubMed record with this PMCID",
    ]


def test_malformed_id_is_a_usage_error(ncbi, articles) -> None:
    result = run("show", "banana", P0)
    assert result.exit_code == 2
    assert "Invalid: not a PMID, DOI, PMCID or PubMed URL: 'banana'" in result.stderr
    assert "Ketamine for resistant depression" in result.stdout


def test_offline_uses_only_the_library_and_says_so(ncbi, articles) -> None:
    with Library() as lib:
        lib.upsert(parsed(article_set([article_xml(int(P0), title="Stored offline")])), source="t")
    result = run("show", P0, P1, "--offline")
    assert result.exit_code == 3
    assert result.stdout.startswith("Stored offline")
    assert result.stderr.splitlines() == [
        "Offline: answering from the local library only.",
        f"Not found: {P1} — not in the local library (offline)",
    ]
    assert ncbi.count() == 0


def test_refresh_refetches(ncbi, articles) -> None:
    run("show", P0)
    run("show", P0, "--refresh")
    assert ncbi.count("efetch") == 2
    assert run("show", P0, "--refresh", "--offline").exit_code == 2


def test_ids_from_stdin(ncbi, articles) -> None:
    result = run("show", "-", "-f", "ids", input=f"{P0}\n\n{P1}\n")
    assert result.exit_code == 0
    assert result.stdout.split() == [P0, P1]


def test_unreachable_ncbi_is_one_line_with_offline_hint(monkeypatch) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    monkeypatch.setenv("LITCLI_EUTILS_URL", f"http://127.0.0.1:{port}/")
    monkeypatch.setenv("LITCLI_MAX_TRIES", "1")
    monkeypatch.setenv("NCBI_EMAIL", "tests@example.org")
    with Library() as lib:
        lib.upsert(parsed(article_set([article_xml(int(P0))])), source="ncbi")
    result = run("show", P0, P1)
    assert result.exit_code == 4
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: cannot reach NCBI E-utilities (http://127.0.0.1:")
    assert lines[0].endswith(
        ". Check your network, or answer from your local library with --offline "
        "(1 of the 2 records are stored there)."
    )
    assert "Traceback" not in result.output
    offline = run("show", P0, "--offline")
    assert offline.exit_code == 0 and f"PMID {P0}" in offline.stdout


def test_a_book_chapter_is_shown_with_its_book(ncbi) -> None:
    from pathlib import Path

    xml = (Path(__file__).parent / "fixtures" / "edge_cases.xml").read_text(encoding="utf-8")
    book = xml[xml.index("<PubmedBookArticle>") : xml.index("</PubmedBookArticle>") + len("</PubmedBookArticle>")]
    ncbi.set_articles({"99000007": book})
    result = run("show", "99000007")
    assert result.exit_code == 0, result.stderr
    out = result.stdout.splitlines()
    assert out[2] == "In: Editor A, editor. Fake Handbook of Parsers. Testville (TS): Fake Press; 2019 May."
    assert "Book: Fake Handbook of Parsers" in out and "ISBN: 978-0-00-000000-2" in out
    assert "Publisher: Fake Press, Testville (TS)" in out and "Editors: Editor A" in out
