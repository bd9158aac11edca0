"""`litcli related` end to end against the loopback NCBI server (elink + efetch)."""

from __future__ import annotations

import csv
import io
import json

from litcli.library import Library
from tests.conftest import run_cli
from tests.ncbi_server import pubmed_article

SOURCE = "99000001"
CITING = ["99000011", "99000012", "99000013"]
REFS = ["99000021", "99000022"]
SIMILAR = ["99000031", SOURCE, "99000032"]  # elink lists the record itself among the similar


def elink_xml(source: str, links: dict[str, list[str]]) -> str:
    dbs = "".join(
        f"<LinkSetDb><DbTo>pubmed</DbTo><LinkName>{name}</LinkName>"
        + "".join(f"<Link><Id>{p}</Id></Link>" for p in ids)
        + "</LinkSetDb>"
        for name, ids in links.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eLinkResult PUBLIC "-//NLM//DTD elink '
        '20101123//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20101123/elink.dtd">\n<eLinkResult><LinkSet><DbFrom>pubmed</DbFrom>'
        f"<IdList><Id>{source}</Id></IdList>{dbs}</LinkSet></eLinkResult>"
    )


def setup(ncbi) -> None:
    pmids = [SOURCE, *CITING, *REFS, "99000031", "99000032"]
    ncbi.set_articles({p: pubmed_article(int(p), title=f"Article {p}.") for p in pmids})
    table = {
        "pubmed_pubmed_citedin": CITING,
        "pubmed_pubmed_refs": REFS,
        "pubmed_pubmed": SIMILAR,
    }

    def handler(hit):
        name = hit.params.get("linkname", "")
        return elink_xml(hit.params.get("id", ""), {name: table.get(name, [])})

    ncbi.route("elink", handler)


def test_cited_by_references_similar(ncbi):
    setup(ncbi)
    for flag, expected in (("--cited-by", CITING), ("--references", REFS),
                           ("--similar", ["99000031", "99000032"])):
        result = run_cli(["related", SOURCE, flag, "-f", "json"])
        assert result.exit_code == 0, result.output
        assert [r["pmid"] for r in json.loads(result.stdout)["records"]] == expected
    hits = ncbi.hits("elink")
    assert [h.params["linkname"] for h in hits] == [
        "pubmed_pubmed_citedin", "pubmed_pubmed_refs", "pubmed_pubmed"]
    assert all(h.params["cmd"] == "neighbor" and h.params["id"] == SOURCE for h in hits)


def test_fetches_only_records_not_in_the_library(ncbi):
    setup(ncbi)
    assert run_cli(["show", SOURCE, CITING[0]]).exit_code == 0
    ncbi.clear()
    result = run_cli(["related", SOURCE, "--cited-by", "-f", "ids"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == CITING
    efetched = [h.params["id"].split(",") for h in ncbi.hits("efetch")]
    assert efetched == [CITING[1:]]
    with Library() as lib:
        assert set(lib.get(CITING)) == set(CITING)


def test_table_max_and_output_file(ncbi, tmp_path):
    setup(ncbi)
    table = run_cli(["related", SOURCE, "--cited-by", "--max", "2"])
    assert table.exit_code == 0, table.output
    rows = table.stdout.splitlines()
    assert rows[0] == "#\tPMID\tYear\tFirst author\tTitle\tJournal\tDesign\tFlags"
    assert [r.split("\t")[1] for r in rows[1:]] == CITING[:2]
    assert "Showing 2 of 3 · Cited by 99000001" in table.stderr
    target = tmp_path / "refs.csv"
    out = run_cli(["related", SOURCE, "--references", "-f", "csv", "-o", str(target)])
    assert out.exit_code == 0, out.output
    assert [r["pmid"] for r in csv.DictReader(io.StringIO(target.read_text()))] == REFS


def test_related_with_metrics(ncbi, icite):
    setup(ncbi)
    icite.add_old(CITING[1], citation_count=77)
    result = run_cli(["related", SOURCE, "--cited-by", "--metrics", "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    got = {json.loads(x)["pmid"]: json.loads(x)["metrics"] for x in result.stdout.splitlines()}
    assert got[CITING[1]]["citation_count"] == 77 and got[CITING[0]] is None


def test_unknown_ids_are_not_found_exit_3(ncbi):
    setup(ncbi)
    result = run_cli(["related", SOURCE, "99999999", "--cited-by", "-f", "ids"])
    assert result.exit_code == 3
    assert result.stdout.split() == CITING
    assert "Not found: 99999999 — no PubMed record with this PMID" in result.stderr
    alone = run_cli(["related", "99999998", "--similar"])
    assert alone.exit_code == 3 and alone.stdout == ""
    assert ncbi.count("elink") == 1  # no elink for an ID PubMed does not know


def test_a_link_kind_is_required(ncbi):
    result = run_cli(["related", SOURCE])
    assert result.exit_code == 2 and "--cited-by" in result.stderr
    assert ncbi.count() == 0


def test_real_elink_reply(ncbi):
    """NCBI's own elink XML (Biopython's test file for PMID 9298984): the refs link set."""
    ncbi.reply_file("elink", "biopython/elink1.xml")
    from litcli.eutils import EutilsClient
    from litcli.related import links

    with EutilsClient() as client:
        refs = links(client, ["9298984"], "references")
        similar = links(client, ["9298984"], "similar")
    assert refs and all(p.isdigit() for p in refs) and len(refs) == len(set(refs))
    assert "9298984" not in similar and similar[0] == "8794856"


# --- links kept in the library; --offline --------------------------------------------------


def test_links_are_kept_for_a_day_and_refresh_asks_again(ncbi):
    import time

    setup(ncbi)
    assert run_cli(["related", SOURCE, "--cited-by", "-f", "ids"]).exit_code == 0
    assert ncbi.count("elink") == 1
    again = run_cli(["related", SOURCE, "--cited-by", "-f", "ids"])
    assert again.stdout.split() == CITING and ncbi.count("elink") == 1  # kept: not asked again
    assert run_cli(["related", SOURCE, "--references", "-f", "ids"]).stdout.split() == REFS
    assert ncbi.count("elink") == 2  # another kind is another lookup
    assert run_cli(["related", SOURCE, "--cited-by", "--refresh", "-f", "ids"]).exit_code == 0
    assert ncbi.count("elink") == 3
    with Library() as lib:
        lib._conn.execute("UPDATE search_cache SET fetched_at = ?", (time.time() - 86400 - 60,))
        lib._conn.commit()
    assert run_cli(["related", SOURCE, "--cited-by", "-f", "ids"]).exit_code == 0
    assert ncbi.count("elink") == 4  # older than a day: asked again


def test_offline_answers_from_kept_links_and_records(ncbi):
    setup(ncbi)
    online = run_cli(["related", SOURCE, "--cited-by", "-f", "json"])
    assert online.exit_code == 0, online.output
    ncbi.clear()
    offline = run_cli(["related", SOURCE, "--cited-by", "-f", "json", "--offline"])
    assert offline.exit_code == 0, offline.output
    assert json.loads(offline.stdout)["records"] == json.loads(online.stdout)["records"]
    assert "Offline: answering from the local library only." in offline.stderr
    assert ncbi.count() == 0


def test_offline_without_kept_links_is_one_line_naming_them(ncbi):
    setup(ncbi)
    assert run_cli(["show", SOURCE]).exit_code == 0  # the record is kept, its links are not
    ncbi.clear()
    result = run_cli(["related", SOURCE, "--similar", "--offline"])
    assert result.exit_code == 3, result.output
    assert result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1
    assert f"the local library has no --similar links of {SOURCE}" in errors[0]
    assert f"litcli related {SOURCE} --similar" in result.stderr  # the fix
    assert ncbi.count() == 0


def test_offline_names_linked_records_it_lacks(ncbi):
    setup(ncbi)
    assert run_cli(["related", SOURCE, "--cited-by", "--max", "1", "-f", "ids"]).exit_code == 0
    ncbi.clear()
    result = run_cli(["related", SOURCE, "--cited-by", "--offline", "-f", "ids"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == CITING[:1]
    assert (f"2 of the 3 linked records are not in the local library (first: {CITING[1]}); "
            "run without --offline to fetch them") in result.stderr
    assert ncbi.count() == 0


def test_offline_unknown_and_bad_ids(ncbi):
    setup(ncbi)
    assert run_cli(["related", SOURCE, "--cited-by", "-f", "ids"]).exit_code == 0
    ncbi.clear()
    unknown = run_cli(["related", "99999997", "--cited-by", "--offline"])
    assert unknown.exit_code == 3 and unknown.stdout == ""
    assert "Not found: 99999997" in unknown.stderr
    both = run_cli(["related", SOURCE, "99999997", "--cited-by", "--offline", "-f", "ids"])
    assert both.exit_code == 3 and both.stdout.split() == CITING
    bad = run_cli(["related", "not-an-id", "--cited-by", "--offline"])
    assert bad.exit_code == 2 and "not a PMID, DOI, PMCID or PubMed URL: 'not-an-id'" in bad.stderr
    assert run_cli(["related", SOURCE, "--cited-by", "--offline", "--refresh"]).exit_code == 2
    assert ncbi.count() == 0


def test_bad_ids_online_are_usage_errors_and_send_nothing(ncbi):
    setup(ncbi)
    result = run_cli(["related", "not-an-id", "--cited-by"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "not a PMID, DOI, PMCID or PubMed URL" in result.stderr
    assert ncbi.count() == 0  # nothing sent for it
    mixed = run_cli(["related", SOURCE, "not-an-id", "--cited-by", "-f", "ids"])
    assert mixed.exit_code == 2 and mixed.stdout.split() == CITING  # the valid one still answered
    assert "Invalid: not a PMID, DOI, PMCID or PubMed URL: 'not-an-id'" in mixed.stderr


def test_metrics_with_a_format_without_columns_is_exit_2(ncbi):
    result = run_cli(["related", SOURCE, "--cited-by", "--metrics", "-f", "bibtex"])
    assert result.exit_code == 2
    assert "--metrics adds columns to csv, json, jsonl, table, tsv; not to --format bibtex" in result.stderr
    assert ncbi.count() == 0
