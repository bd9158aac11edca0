"""`check` on an article that cites its sources (issue 11, point 4): each claim is judged
against the records it cites, beside PubMed at large; end to end against the loopback
E-utilities server (tests/fixtures/claims/cited.py: fake PMIDs 991000xx)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from tests.fixtures.claims import cited

SIDE_BY_SIDE = {
    1: "cites [1] Adler 2018 — supports it; PubMed: supported by 1 RCT",
    2: "cites [2] Lund 2019 — does not address it; PubMed: supported by 1 RCT",
    3: "cites [3] Stone 2020 — contradicts it; PubMed: contradicted by 1 small RCT (n=18)",
    4: "cites [4] Doe 2021 — could not be resolved; PubMed: no evidence found",
}


@pytest.fixture
def article(ncbi: Any, tmp_path: Path) -> Path:
    cited.serve(ncbi)
    path = tmp_path / "cited.md"
    path.write_text(cited.ARTICLE, encoding="utf-8")
    return path


def check_json(article: Path, *args: str) -> dict[str, Any]:
    result = run_cli(["check", str(article), "-f", "json", "-q", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_each_claim_against_what_it_cites_and_bounded_requests(article: Path, ncbi: Any) -> None:
    doc = check_json(article)
    claims = {c["number"]: c for c in doc["claims"]}
    assert {n: [(s["ref"], s["pmid"], s["stance"]) for s in c["citations"]] for n, c in claims.items()} == {
        1: [(1, "99100001", "supports")],
        2: [(2, "99100002", "does not address it")],
        3: [(3, "99100003", "contradicts")],
        4: [(4, None, "could not be resolved")],
    }
    # PubMed at large, as before: the side-by-side verdicts
    assert [claims[n]["verdict"] for n in (1, 2, 3, 4)] == ["supported", "supported", "contradicted", "no evidence found"]
    contra = claims[3]["citations"][0]
    assert set(contra) >= {"ref", "pmid", "stance", "rationale", "flags", "note", "label", "status", "first_author", "year"}
    assert contra["rationale"][0]["text"] == "Social anxiety scores with ketamine did not differ from placebo at any time point."
    missing = claims[4]["citations"][0]
    assert (missing["status"], missing["note"], missing["first_author"], missing["year"]) == (
        "not found", "no match by citation or title", "Doe", 2021)
    audit = doc["cited_sources"]
    assert audit["summary"]["references"] == 4 and audit["summary"]["not found"] == 1
    assert audit["support_summary"] == {"supports": 1, "contradicts": 1, "does not address it": 2,
                                        "could not be resolved": 1}
    # a sentence that cites but is no claim is audited all the same
    (other,) = audit["other_sentences"]
    assert other["sentence"] == "The sampling schedule is described in the same paper [2]."
    assert [s["stance"] for s in other["citations"]] == ["does not address it"]
    # requests: the references take 1 ECitMatch (reference 4), 1 title search (reference 4) and
    # 1 efetch (references 1-3); the claims 1 esearch each and 1 efetch for what the library lacks
    assert ncbi.count("ecitmatch") == 1
    assert ncbi.count("esearch") == 1 + 4
    efetches = [h.params["id"].split(",") for h in ncbi.hits("efetch")]
    assert efetches == [["99100001", "99100002", "99100003"], ["99100004"]]
    assert doc["requests"] == {"esearch": 4, "efetch": 1, "cached_searches": 0, "records_fetched": 1,
                               "records_from_library": 2, "references": 3}


def test_terminal_and_markdown_show_both_side_by_side(article: Path) -> None:
    out = run_cli(["check", str(article), "-q"]).stdout
    for line in SIDE_BY_SIDE.values():
        assert f"\n  {line}\n" in out
    assert '    [3] "Social anxiety scores with ketamine did not differ from placebo at any time point."' in out
    assert "    [4] no match by citation or title" in out
    assert "the article's references: 3 requests" in out.splitlines()[1]
    tail = out.split("The article's own references\n")[1]
    assert tail.startswith("  4 references · 3 found · 1 not found\n")
    assert '    "The sampling schedule is described in the same paper [2]." (paragraph 3, line 5)\n' \
           "      [2] Lund 2019 — does not address it\n" in tail
    md = run_cli(["check", str(article), "-q", "-f", "markdown"]).stdout
    assert "**Cited source check:** cites \\[2\\] Lund 2019 — does not address it; PubMed: supported by 1 RCT" in md
    assert "\n## The article's own references\n" in md
    assert "- The sampling schedule is described in the same paper \\[2\\]. *(paragraph 3, line 5)*" in md


def test_reference_list_entries_are_not_claims(article: Path, ncbi: Any) -> None:
    result = run_cli(["check", str(article), "--claims-only", "-f", "json"])
    doc = json.loads(result.stdout)
    assert [c["number"] for c in doc["claims"]] == [1, 2, 3, 4]
    assert all(c["original"].startswith(("Ketamine", "Esketamine")) for c in doc["claims"])
    entries = [s for s in doc["skipped"] if s["reason"] == "reference list entry"]
    assert len(entries) == 4 and entries[0]["text"].startswith("Adler P, Kim S.")
    assert ncbi.count() == 0


def test_warm_and_offline(article: Path, ncbi: Any) -> None:
    first = check_json(article)
    ncbi.clear()
    warm = check_json(article)
    # the found references and every record are in the library; only the reference PubMed
    # does not know is asked for again (ECitMatch, then its title)
    assert (ncbi.count("ecitmatch"), ncbi.count("esearch"), ncbi.count("efetch")) == (1, 1, 0)
    assert [c["citations"] for c in warm["claims"]] == [c["citations"] for c in first["claims"]]
    ncbi.clear()
    offline = check_json(article, "--offline")
    assert ncbi.count() == 0
    stances = [[s["stance"] for s in c["citations"]] for c in offline["claims"]]
    assert stances == [["supports"], ["does not address it"], ["contradicts"], ["could not be resolved"]]
    assert offline["claims"][3]["citations"][0]["note"] == "not in the local library (offline)"
    assert offline["requests"]["references"] == 0
    terminal = run_cli(["check", str(article), "-q", "--offline"]).stdout
    assert "  cites [2] Lund 2019 — does not address it; library: supported by 1 RCT\n" in terminal


def test_ncbi_failing_on_a_reference_makes_the_report_incomplete(article: Path, ncbi: Any) -> None:
    ncbi.fail("esearch", "503", times=2)  # the audit's title search for reference 4, both tries
    result = run_cli(["check", str(article), "-f", "json", "-q"], env={"LITCLI_MAX_TRIES": "2"})
    assert result.exit_code == 9, result.output
    doc = json.loads(result.stdout)
    (missing,) = doc["claims"][3]["citations"]
    assert missing["stance"] == "could not be resolved" and missing["note"].startswith("not checked: ")
    assert [c["verdict"] for c in doc["claims"]][:3] == ["supported", "supported", "contradicted"]
    assert "check: the citation check is incomplete" in result.stderr
    ncbi.fail("esearch", "503", times=2)
    strict = run_cli(["check", str(article), "-q", "--strict", "--no-cache"], env={"LITCLI_MAX_TRIES": "2"})
    assert strict.exit_code == 8  # a contradicted claim outranks an incomplete report
    assert "check: the citation check is incomplete" in strict.stderr


def test_ncbi_unreachable_is_still_exit_4(article: Path, ncbi: Any) -> None:
    ncbi.fail("*", "close", times=100)
    result = run_cli(["check", str(article), "-q"])
    assert result.exit_code == 4
    assert "--offline" in result.stderr and "Traceback" not in result.output


def test_stdin_is_read_once_for_claims_and_citations(ncbi: Any) -> None:
    cited.serve(ncbi)
    result = run_cli(["check", "-", "-f", "json", "-q"], input=cited.ARTICLE)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert [len(c["citations"]) for c in doc["claims"]] == [1, 1, 1, 1]


HTML = (
    "<html><head><title>Ketamine news</title></head><body><article>"
    "<p>Ketamine rapidly reduces suicidal ideation in depressed adults, a "
    '<a href="https://pubmed.ncbi.nlm.nih.gov/99100001/">trial</a> found.</p>'
    "<p>Ketamine reduces social anxiety symptoms.<sup>1</sup></p>"
    "<h2>References</h2><ol><li>Stone K. Ketamine for social anxiety disorder: a randomized, "
    "placebo-controlled crossover trial. J Synth Tests. 2020;14(2):20-28. PMID: 99100003</li></ol>"
    "</article></body></html>"
)


def test_html_links_and_superscripts_cite_their_sentence(ncbi: Any, tmp_path: Path) -> None:
    cited.serve(ncbi)
    page = tmp_path / "news.html"
    page.write_text(HTML, encoding="utf-8")
    doc = check_json(page)
    assert [[(s["pmid"], s["stance"]) for s in c["citations"]] for c in doc["claims"]] == [
        [("99100001", "supports")], [("99100003", "contradicts")]]
    assert doc["cited_sources"]["summary"]["references"] == 2  # the list's entry and the link
    assert ncbi.count("efetch") == 1  # the claims' records came with the references'


def test_only_the_list_entries_are_dropped_not_prose_that_repeats_a_title() -> None:
    from litcli.claims.check import drop_reference_entries
    from litcli.claims.extract import Skipped, extract_claims, parse_article
    from litcli.refs.document import parse_document

    text = (
        "Ketamine reduces suicidal ideation in adults [1].\n\nKetamine reduces social anxiety symptoms.\n\n"
        "References\n"
        "1. Adler P. Ketamine reduces social anxiety symptoms. A randomized trial. J Synth Tests. 2018;12(3):100-110.\n"
        "2. Stone K. Ketamine for social anxiety disorder: a randomized crossover trial. J Synth Tests. 2020;14:20-8.\n"
    )
    skipped: list[Skipped] = []
    claims = extract_claims(parse_article(text, kind="text"), skipped=skipped)
    kept = drop_reference_entries(claims, skipped, parse_document(text, kind="text"))
    assert [(c.number, c.original) for c in kept] == [
        (1, "Ketamine reduces suicidal ideation in adults [1]."), (2, "Ketamine reduces social anxiety symptoms.")]
    assert [s.line for s in skipped if s.reason == "reference list entry"] == [6, 7]
