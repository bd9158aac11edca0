"""`litcli ids`: PMID / PMCID / DOI conversion (loopback NCBI and PMC ID converter)."""

from __future__ import annotations

import json

from litcli.config import Settings
from litcli.idconv import IdConverter
from tests.conftest import run_cli
from tests.ncbi_server import pubmed_article

A, B = "99000001", "99000002"
DOI_A, DOI_B = "10.1234/synth.a", "10.1234/synth.b"


def setup(ncbi, idconv) -> None:
    ncbi.set_articles({A: pubmed_article(int(A), doi=DOI_A), B: pubmed_article(int(B))})
    ncbi.on_search(DOI_A, [A])
    idconv.add(A, "PMC9000001", DOI_A)
    idconv.add(B, "PMC9000002", DOI_B)


def test_doi_and_pmid_to_all_three(ncbi, idconv):
    setup(ncbi, idconv)
    result = run_cli(["ids", DOI_A, B, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [
        {"pmid": A, "pmcid": "PMC9000001", "doi": DOI_A},
        {"pmid": B, "pmcid": "PMC9000002", "doi": DOI_B},
    ]
    assert idconv.requests[0]["ids"] == [A, B]
    assert idconv.requests[0]["params"]["tool"] == "litcli"
    assert any('"10.1234/synth.a"[doi]' in h.params.get("term", "") for h in ncbi.hits("esearch"))


def test_csv_and_table(ncbi, idconv):
    setup(ncbi, idconv)
    out = run_cli(["ids", A, "-f", "csv"]).stdout
    assert out.splitlines() == ["pmid,pmcid,doi", f"{A},PMC9000001,{DOI_A}"]
    assert run_cli(["ids", A]).stdout == f"PMID\tPMCID\tDOI\n{A}\tPMC9000001\t{DOI_A}\n"


def test_unknown_id_is_not_found_exit_3(ncbi, idconv):
    setup(ncbi, idconv)
    result = run_cli(["ids", A, "99999999", "-f", "csv"])
    assert result.exit_code == 3
    assert "Not found: 99999999" in result.stderr
    assert result.stdout.splitlines()[1].startswith(A)


def test_converter_down_is_one_warning(ncbi, idconv, monkeypatch):
    monkeypatch.setenv("LITCLI_MAX_TRIES", "2")
    setup(ncbi, idconv)
    idconv.fail("html", times=5)
    result = run_cli(["ids", A, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"pmid": A, "pmcid": None, "doi": DOI_A}]
    assert result.stderr.count("PMC ID converter not used") == 1


def test_batches_of_200(idconv):
    for i in range(450):
        idconv.add(str(90000000 + i), f"PMC{8000000 + i}")
    converter = IdConverter(Settings.load())
    try:
        got = converter.convert([str(90000000 + i) for i in range(450)])
    finally:
        converter.close()
    assert [len(r["ids"]) for r in idconv.requests] == [200, 200, 50]
    assert len(got) == 450 and got[0].pmcid == "PMC8000000"
