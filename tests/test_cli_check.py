"""`litcli check` end to end: CliRunner against the loopback E-utilities server
serving the synthetic records of tests/fixtures/claims (fake PMIDs 99000001+)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from tests.fixtures.claims import fakes

ARTICLE = str(fakes.E2E_ARTICLE)
N_CHECKABLE = 8  # claims 1-8; claim 9 is not checkable
RELAXATIONS = 2  # claim 7 (telehealth dropped) and claim 8 (ECT dropped)


@pytest.fixture
def served(ncbi: Any) -> Any:
    fakes.serve(ncbi)
    return ncbi


def check_json(*args: str) -> tuple[dict[str, Any], Any]:
    result = run_cli(["check", ARTICLE, "--format", "json", *args])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout), result


def by_number(doc: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {c["number"]: c for c in doc["claims"]}


# --- verdicts and requests ------------------------------------------------------------------------


def test_one_path_per_verdict_and_request_counts(served: Any) -> None:
    doc, result = check_json()
    claims = by_number(doc)
    assert {n: (c["verdict"], c["overstated"]) for n, c in claims.items()} == fakes.EXPECTED
    # 1 esearch per checkable claim + 1 per counted relaxation, then ONE batched efetch
    assert served.count("esearch") == N_CHECKABLE + RELAXATIONS
    assert served.count("efetch") == 1
    assert served.count() == N_CHECKABLE + RELAXATIONS + 1
    fetched = served.hits("efetch")[0].params["id"].split(",")
    assert sorted(fetched) == sorted(p for p, _ in fakes.articles().items())
    assert doc["requests"]["esearch"] == N_CHECKABLE + RELAXATIONS
    assert doc["requests"]["efetch"] == 1
    assert doc["requests"]["records_fetched"] == len(fakes.SPECS)
    assert "Checking claim 1/9 ▸ searching PubMed…" in result.stderr
    assert "Fetching 10 new records from PubMed…" in result.stderr


def test_reversal_animal_retracted_and_overstated_details(served: Any) -> None:
    doc, _ = check_json()
    claims = by_number(doc)
    nmda = claims[5]
    assert nmda["verdict"] == "contradicted"
    assert "activates the NMDA receptor" in nmda["reason"] and "blocking (antagonising)" in nmda["reason"]
    assert all(e["reversal"] and e["stance"] == "contradicts" for e in nmda["evidence"])
    assert {e["model"] for e in nmda["evidence"]} == {"human", "animal"}
    animal = claims[4]
    assert animal["verdict"] == "limited" and [e["model"] for e in animal["evidence"]] == ["animal"]
    assert animal["overstatement"]["terms"] == ["revolutionized"]
    retracted = claims[6]
    (e,) = retracted["evidence"]
    assert e["pmid"] == "99000010" and e["flags"] == ["retracted"] and e["counted"] is False
    assert e["stance"] == "supports"  # it would support, but never counts
    assert retracted["verdict"] == "no evidence found"
    assert retracted["overstatement"]["terms"] == ["permanently", "cures"]
    assert claims[9]["reason"].startswith("Not checkable: it names no treatment")
    assert claims[9]["searches"] == []


def test_relaxed_query_is_reported(served: Any) -> None:
    doc, _ = check_json()
    esk = by_number(doc)[7]
    assert [(s["dropped"], s["count"]) for s in esk["searches"]] == [(None, 0), ("telehealth", 1)]
    assert "Telemedicine" in esk["searches"][0]["query"] and "Telemedicine" not in esk["query"]
    assert esk["relaxations"] == 1 and esk["verdict"] == "supported"
    ect = by_number(doc)[8]
    assert [(s["dropped"], s["count"]) for s in ect["searches"]] == [(None, 0), ("electroconvulsive therapy", 0)]
    assert "even after 1 relaxation" in ect["reason"]


def test_warm_library_makes_no_requests(served: Any) -> None:
    first, _ = check_json()
    served.clear()
    second, _ = check_json()
    assert served.count() == 0
    assert second["requests"]["cached_searches"] == N_CHECKABLE + RELAXATIONS
    assert second["requests"]["records_from_library"] == len(fakes.SPECS)
    assert [c["verdict"] for c in second["claims"]] == [c["verdict"] for c in first["claims"]]


def test_cached_searches_but_records_reused_with_no_cache(served: Any) -> None:
    check_json()
    served.clear()
    check_json("--no-cache")
    assert served.count("esearch") == N_CHECKABLE + RELAXATIONS
    assert served.count("efetch") == 0  # every record is already in the library


def test_offline_uses_the_library(served: Any) -> None:
    check_json("-q")  # fills the library
    served.clear()
    doc, result = check_json("--offline")
    assert served.count() == 0
    assert doc["mode"] == "offline"
    assert {n: (c["verdict"], c["overstated"]) for n, c in by_number(doc).items()} == fakes.EXPECTED
    assert all(s["source"] == "library" for c in doc["claims"] for s in c["searches"])
    assert "searching the library" in result.stderr


def test_offline_with_an_empty_library(served: Any) -> None:
    doc, _ = check_json("--offline")
    assert served.count() == 0
    verdicts = {c["verdict"] for c in doc["claims"]}
    assert verdicts == {"no evidence found", "not checkable"}


EMPTY_LIBRARY_REASON = (
    "The local library has no records for the query{tried} "
    "(offline; {held}; run without --offline to search PubMed)."
)


def test_offline_reasons_name_the_library_not_pubmed(served: Any, tmp_path: Path) -> None:
    """PubMed is never asked offline: no output format may say it found nothing."""
    art = tmp_path / "a.txt"
    art.write_text("Ketamine reduces suicidal ideation in adults with depression.\n")
    reason = EMPTY_LIBRARY_REASON.format(tried="", held="0 records in the library")
    runs = {fmt: run_cli(["check", str(art), "--offline", "-q", "--strict", "-f", fmt])
            for fmt in ("terminal", "markdown", "json")}
    for fmt, result in runs.items():
        assert result.exit_code == 8, (fmt, result.output)  # --strict still fails: no evidence
        assert "PubMed found no records" not in result.stdout, fmt
        assert result.stderr == (
            "check --strict: 1 claim contradicted or without evidence: 1 "
            "(offline: only the local library was searched, 0 records)\n"
        ), fmt
    assert f"  Why: {reason}" in runs["terminal"].stdout
    assert "offline: answered from the local library (0 records); PubMed was not searched" in runs["terminal"].stdout
    assert f"*Paragraph 1, line 1.* {reason}" in runs["markdown"].stdout
    claim = json.loads(runs["json"].stdout)["claims"][0]
    assert claim["reason"] == reason and claim["verdict"] == "no evidence found"
    assert served.count() == 0


def test_offline_with_an_unrelated_library_counts_its_records(served: Any, tmp_path: Path) -> None:
    check_json("-q")  # fills the library with the fake records (none about arketamine)
    served.clear()
    art = tmp_path / "a.txt"
    art.write_text("Arketamine reduces PTSD symptoms in older adults.\n")
    result = run_cli(["check", str(art), "--offline", "-q", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    claim = json.loads(result.stdout)["claims"][0]
    assert claim["relaxations"] == 1 and claim["verdict"] == "no evidence found"
    held = f"{len(fakes.SPECS)} records in the library"
    assert claim["reason"] == EMPTY_LIBRARY_REASON.format(tried=" even after 1 relaxation", held=held)
    assert served.count() == 0


def test_online_reason_still_names_pubmed(ncbi: Any, tmp_path: Path) -> None:
    ncbi.set_articles({})
    art = tmp_path / "a.txt"
    art.write_text("Ketamine reduces suicidal ideation in adults with depression.\n")
    result = run_cli(["check", str(art), "-q", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["claims"][0]["reason"] == "PubMed found no records for the query."


# --- output formats -------------------------------------------------------------------------------

_TYPES = {"str": str, "int": int, "bool": bool, "list": list, "dict": dict, "none": type(None)}
SCHEMA: dict[str, dict[str, str]] = {
    "top": {"schema": "str", "generator": "str", "generated": "str", "source": "dict", "mode": "str",
            "summary": "dict", "requests": "dict", "claims": "list", "skipped": "list", "limits": "list",
            "cited_sources": "dict|none"},
    "summary": {"claims": "int", "verdicts": "dict", "overstated": "int", "failed": "bool", "checked": "int",
                "left_out": "int"},
    "claim": {"number": "int", "text": "str", "original": "str", "kind": "str", "lead_in": "str|none",
              "location": "dict", "concepts": "list", "verdict": "str", "rule": "str|none", "reason": "str", "overstated": "bool",
              "overstatement": "dict|none", "best_evidence": "str", "checkable": "bool", "query": "str|none",
              "searches": "list", "relaxations": "int", "records_found": "int", "evidence": "list",
              "also_found": "list", "citations": "list"},
    "evidence": {"pmid": "str", "first_author": "str", "year": "int|none", "title": "str", "journal": "str|none",
                 "doi": "str|none", "url": "str", "design": "str", "level_rank": "int", "model": "str",
                 "n": "int|none", "stance": "str", "reversal": "bool", "flags": "list", "counted": "bool",
                 "relevance": "int|float", "rationale": "list"},
    "rationale": {"text": "str", "section": "str|none", "stance": "str", "cue": "str|none"},
    "search": {"query": "str", "count": "int", "dropped": "str|none", "source": "str"},
}
_TYPES["float"] = float


def conforms(obj: dict[str, Any], kind: str) -> None:
    spec = SCHEMA[kind]
    assert set(obj) == set(spec), (kind, set(obj) ^ set(spec))
    for key, types in spec.items():
        allowed = tuple(_TYPES[t] for t in types.split("|"))
        assert isinstance(obj[key], allowed), (kind, key, obj[key])


def test_json_schema(served: Any) -> None:
    doc, _ = check_json()
    conforms(doc, "top")
    conforms(doc["summary"], "summary")
    assert (doc["summary"]["checked"], doc["summary"]["left_out"]) == (N_CHECKABLE, 0)
    assert doc["schema"] == "litcli.check/1"
    assert doc["summary"]["claims"] == len(doc["claims"]) == 9
    assert sum(doc["summary"]["verdicts"].values()) == 9
    assert doc["summary"]["failed"] is True
    verdicts = {"supported", "mixed", "limited", "contradicted", "no evidence found", "not checkable"}
    assert set(doc["summary"]["verdicts"]) == verdicts
    for c in doc["claims"]:
        conforms(c, "claim")
        assert c["verdict"] in verdicts
        for s in c["searches"]:
            conforms(s, "search")
        for e in c["evidence"]:
            conforms(e, "evidence")
            assert e["stance"] in {"supports", "contradicts", "neutral"}
            for r in e["rationale"]:
                conforms(r, "rationale")
    assert any("not medical advice" in limit for limit in doc["limits"])
    # an article without a reference list or citation links: no citation check, no request for one
    assert doc["cited_sources"] is None and doc["requests"]["references"] == 0
    assert all(c["citations"] == [] for c in doc["claims"])


def test_markdown_report_with_reference_list(served: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = run_cli(["check", ARTICLE, "--format", "markdown", "-o", str(out), "-q"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"Wrote markdown report to {out}" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # atomic: no temp file left
    md = out.read_text(encoding="utf-8")
    head, refs = md.split("\n## References\n")
    numbered = re.findall(r"^(\d+)\. (.+)$", refs.split("\n## Limits")[0], flags=re.M)
    cited = sorted({int(n) for n in re.findall(r"^- \[(\d+)\]", head, flags=re.M)})
    assert [int(n) for n, _ in numbered] == list(range(1, len(numbered) + 1)) == cited
    assert len(numbered) == len(fakes.SPECS)  # every fake record is cited once
    retracted = [text for _, text in numbered if "retracted" in text.lower()]
    assert len(retracted) == 1 and retracted[0].startswith("Fallow R. Ketamine cures")
    assert all(re.search(r"\. PMID: 990000\d\d\.$", text) for _, text in numbered)
    assert "| 5 | **CONTRADICTED** |" in md
    assert "not medical advice" in md
    assert "### Claim 7 — supported" in md and "Relaxed query (dropped telehealth), 1 found" in md


def test_terminal_report_summary_then_details(served: Any) -> None:
    result = run_cli(["check", ARTICLE])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    lines = out.splitlines()
    assert lines[0] == (
        "9 claims · 2 supported · 1 mixed · 1 limited · 2 contradicted · 2 no evidence found · "
        "1 not checkable · 2 overstated"
    )
    assert re.search(r"^\s*5\s+CONTRADICTED\s+The activation of NMDA receptors", out, flags=re.M)
    assert out.index("Claim 1 — supported") > out.index("Best evidence")
    assert "[99000010] Fallow R 2016 · RCT, n=60 · supports · ⚠ RETRACTED (not counted)" in out
    assert "Relaxed (dropped telehealth):" in out
    assert "\x1b[" not in out  # no colour when piped
    assert "Limits of this report" in out
    assert "Checking claim" not in out  # progress goes to stderr only


def test_strict_exit_code(served: Any) -> None:
    result = run_cli(["check", ARTICLE, "--strict", "-q", "--format", "json"])
    assert result.exit_code == 8
    assert result.stderr == "check --strict: 4 claims contradicted or without evidence: 2, 5, 6, 8\n"
    assert json.loads(result.stdout)["summary"]["failed"] is True


def test_strict_passes_when_nothing_fails(served: Any, tmp_path: Path) -> None:
    art = tmp_path / "good.txt"
    art.write_text("Intravenous ketamine produces rapid antidepressant effects in treatment-resistant depression.\n")
    result = run_cli(["check", str(art), "--strict", "-q"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("1 claim · 1 supported · 0 overstated")
    assert result.stdout.splitlines()[1].endswith(
        "PubMed: 1 esearch + 1 efetch requests, 0 cached searches, 2 records fetched, 0 from the library"
    )
    again = run_cli(["check", str(art), "-q"]).stdout.splitlines()[1]
    assert again.endswith("PubMed: 0 esearch + 0 efetch requests, 1 cached search, 0 records fetched, 2 from the library")


# --- inputs and errors --------------------------------------------------------------------------


def test_claims_only_needs_no_network(ncbi: Any) -> None:
    result = run_cli(["check", ARTICLE, "--claims-only"])
    assert result.exit_code == 0, result.stderr
    assert ncbi.count() == 0
    assert result.stdout.splitlines()[:3] == [
        "9 claims in Ketamine Therapy: What the Evidence Says",
        "  1. Intravenous ketamine produces rapid antidepressant effects in treatment-resistant depression.",
        "     paragraph 2, line 3",
    ]
    claims, skipped = result.stdout.split("\nSkipped (")
    assert "Book your consultation" not in claims and "Comments" not in claims
    # what was skipped is listed after the claims, with the reason and the location
    assert "  - Book your consultation today!  [call to action or promotion; paragraph 9, line 17]" in skipped
    assert "  - 0 Comments  [page furniture; paragraph 10, line 20]" in skipped
    doc = json.loads(run_cli(["check", ARTICLE, "--claims-only", "-f", "json"]).stdout)
    assert doc["mode"] == "claims-only" and len(doc["claims"]) == 9


def test_stdin_input(served: Any) -> None:
    result = run_cli(["check", "-", "--claims-only"], input="Ketamine reduces suicidal ideation.\n")
    assert result.exit_code == 0
    assert "1. Ketamine reduces suicidal ideation." in result.stdout
    assert result.stdout.splitlines()[0] == "1 claim in stdin"  # not "1 claims in -"


HTML_FRAGMENT = (
    "<div><h1>Ketamine news</h1>\n<p>Ketamine <b>cures</b> OCD permanently in every patient.</p>\n"
    "<p>Esketamine reduces suicidal ideation within 24 hours in adults with depression.</p></div>\n"
)


def test_stdin_html_fragment_is_read_as_html(ncbi: Any, tmp_path: Path) -> None:
    """The same bytes on stdin and in frag.html give the same claims."""
    piped = run_cli(["check", "-", "--claims-only"], input=HTML_FRAGMENT)
    assert piped.exit_code == 0, piped.stderr
    frag = tmp_path / "frag.html"
    frag.write_text(HTML_FRAGMENT)
    saved = run_cli(["check", str(frag), "--claims-only"])
    assert piped.stdout == saved.stdout
    assert piped.stdout.splitlines() == [
        "2 claims in Ketamine news",
        "  1. Ketamine cures OCD permanently in every patient.",
        "     paragraph 2, line 2",
        "  2. Esketamine reduces suicidal ideation within 24 hours in adults with depression.",
        "     paragraph 3, line 3",
        "",
        "Skipped (1):",
        "  - Ketamine news  [heading; paragraph 1, line 1]",
    ]
    assert ncbi.count() == 0


def test_reports_call_stdin_stdin(served: Any) -> None:
    text = "Ketamine reduces suicidal ideation in adults with depression.\n"
    md = run_cli(["check", "-", "--claims-only", "-f", "markdown"], input=text)
    assert md.stdout.startswith("# Claims in stdin\n")
    terminal = run_cli(["check", "-", "--offline", "-q"], input=text)
    assert terminal.stdout.splitlines()[:2] == [
        "1 claim · 1 no evidence found · 0 overstated",
        "stdin · offline: answered from the local library (0 records); PubMed was not searched",
    ]
    report = run_cli(["check", "-", "--offline", "-q", "-f", "markdown"], input=text).stdout
    assert report.startswith("# Claim check: stdin\n") and "\nSource: stdin · checked " in report
    assert "Source: - " not in report and " in -" not in terminal.stdout
    doc = json.loads(run_cli(["check", "-", "--offline", "-q", "-f", "json"], input=text).stdout)
    assert doc["source"]["location"] == "-"  # litcli.check/1 keeps "-" for stdin (docs/CHECK.md)


@pytest.mark.parametrize(("data", "message"), [(b"", "is empty"), (b"\x00\x01\x02binary", "is binary")])
def test_unreadable_article_exits_6(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    result = run_cli(["check", str(path)])
    assert result.exit_code == 6
    assert result.stderr.startswith("Error: article ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_network_failure_suggests_offline(ncbi: Any) -> None:
    ncbi.fail("*", "close", times=100)
    result = run_cli(["check", ARTICLE, "-q"])
    assert result.exit_code == 4
    assert "--offline" in result.stderr


def test_output_directory_missing_fails_before_network(ncbi: Any, tmp_path: Path) -> None:
    result = run_cli(["check", ARTICLE, "-o", str(tmp_path / "nope" / "r.md")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert ncbi.count() == 0


def test_untrusted_article_text_is_neither_markup_nor_escapes(served: Any, tmp_path: Path) -> None:
    art = tmp_path / "evil.txt"
    art.write_text("Ketamine [bold red]reduces[/bold red] PTSD symptoms\x1b[31m within hours.\n")
    result = run_cli(["check", str(art), "-q"])
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "Ketamine [bold red]reduces[/bold red] PTSD symptoms within hours." in result.stdout


# --- -o never clobbers: --force for an existing report, never the article itself ------------------


def test_output_refuses_to_overwrite_without_force(ncbi: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    out.write_text("my notes\n")
    result = run_cli(["check", ARTICLE, "--claims-only", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {out} already exists (use --force to overwrite it)\n"
    assert out.read_text() == "my notes\n"
    forced = run_cli(["check", ARTICLE, "--claims-only", "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.stderr
    assert out.read_text().startswith("9 claims in ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]
    assert ncbi.count() == 0


def test_existing_output_fails_before_network(ncbi: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    out.write_text("old\n")
    result = run_cli(["check", ARTICLE, "-f", "markdown", "-o", str(out), "-q"])
    assert result.exit_code == 2 and "--force" in result.stderr
    assert ncbi.count() == 0 and out.read_text() == "old\n"


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_output_is_never_the_article(tmp_path: Path, force: list[str]) -> None:
    art = tmp_path / "art.txt"
    text = "Ketamine reduces suicidal ideation in adults with depression.\n"
    art.write_text(text)
    (tmp_path / "alias.txt").symlink_to(art)
    for target in (art, tmp_path / "alias.txt", tmp_path / "." / "art.txt"):
        result = run_cli(["check", str(art), "--claims-only", "-o", str(target), *force])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(f"Error: -o {target} is the article being checked;")
        assert "choose another file" in result.stderr and len(result.stderr.splitlines()) == 1
        assert art.read_text() == text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alias.txt", "art.txt"]


def test_output_dash_is_stdout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli(["check", ARTICLE, "--claims-only", "-o", "-"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("9 claims in ")
    assert list(tmp_path.iterdir()) == []


def test_write_atomic_without_force_keeps_a_file_that_appeared(tmp_path: Path) -> None:
    from litcli.errors import InvalidInputError
    from litcli.formats import write_text as write_atomic

    out = tmp_path / "r.md"
    write_atomic(out, "first\n", force=False)
    with pytest.raises(InvalidInputError, match="already exists"):
        write_atomic(out, "second\n", force=False)
    assert out.read_text() == "first\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]  # no temp file left behind
    write_atomic(out, "third\n", force=True)
    assert out.read_text() == "third\n"


def test_short_absolute_claims_are_checked_and_flagged(ncbi: Any, tmp_path: Path) -> None:
    art = tmp_path / "short.txt"
    art.write_text("Ketamine Facts\n\nKetamine cures depression.\n\nEsketamine prevents suicide. Results were mixed.\n")
    result = run_cli(["check", str(art), "--offline", "-q", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    claims = by_number(doc)
    assert [c["text"] for c in doc["claims"]] == ["Ketamine cures depression.", "Esketamine prevents suicide."]
    assert claims[1]["checkable"] and claims[1]["overstated"] and "cures" in claims[1]["overstatement"]["terms"]
    assert claims[2]["checkable"] and "esketamine" in claims[2]["query"].lower()
    assert ncbi.count() == 0


# --- nothing checked, skipped sentences, --max-claims ----------------------------------------------

JS_PAGE = (
    "<!doctype html><html><head><title>Ketamine clinic</title></head>"
    '<body><div id="root"></div><script src="/app.js"></script></body></html>'
)


def test_a_page_without_claims_says_why_and_fails_strict(ncbi: Any, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(JS_PAGE)
    note = (
        f"check: no claims found in {page}: no readable text in the page body: is it rendered by JavaScript? "
        "save the page's text and check that file\n"
    )
    plain = run_cli(["check", str(page), "-q"])
    assert plain.exit_code == 0 and note in plain.stderr  # never silent
    assert "No claims found in the article" in plain.stdout
    strict = run_cli(["check", str(page), "--strict", "-q", "-f", "json"])
    assert strict.exit_code == 8
    assert strict.stderr == note + "check --strict: nothing was checked\n"
    summary = json.loads(strict.stdout)["summary"]
    assert (summary["claims"], summary["checked"], summary["failed"]) == (0, 0, True)
    only = run_cli(["check", str(page), "--claims-only", "--strict"])
    assert only.exit_code == 8 and note in only.stderr
    assert ncbi.count() == 0


def test_a_whole_page_wrapper_named_has_sidebar_is_not_dropped(ncbi: Any, tmp_path: Path) -> None:
    page = tmp_path / "post.html"
    page.write_text(
        '<html><body><div id="page" class="site-content has-sidebar"><h1>Ketamine</h1>'
        "<p>Intravenous ketamine produces rapid antidepressant effects in treatment-resistant depression.</p>"
        '</div><aside class="sidebar"><p>Ketamine cures anxiety in every patient.</p></aside></body></html>'
    )
    result = run_cli(["check", str(page), "--claims-only"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("1 claim in Ketamine\n  1. Intravenous ketamine produces rapid")
    assert "every patient" not in result.stdout


def test_strict_fails_when_no_claim_is_checkable(ncbi: Any, tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text("Ketamine will cure depression.\n")
    result = run_cli(["check", str(art), "--offline", "--strict", "-q", "-f", "json"])
    assert result.exit_code == 8
    assert result.stderr == (
        f'check: the only claim found in {art} is "not checkable": nothing was searched (the report says why)\n'
        "check --strict: nothing was checked\n"
    )
    assert json.loads(result.stdout)["summary"]["failed"] is True


def test_claims_only_lists_what_was_skipped_in_every_format(ncbi: Any) -> None:
    doc = json.loads(run_cli(["check", ARTICLE, "--claims-only", "-f", "json"]).stdout)
    skipped = {s["text"]: s for s in doc["skipped"]}
    assert skipped["Book your consultation today!"]["reason"] == "call to action or promotion"
    assert skipped["Book your consultation today!"]["location"] == {"paragraph": 9, "line": 17}
    assert skipped["Ketamine Therapy: What the Evidence Says"]["reason"] == "heading"
    md = run_cli(["check", ARTICLE, "--claims-only", "-f", "markdown"]).stdout
    assert "\n## Skipped (" in md
    assert "- Book your consultation today! *(call to action or promotion; paragraph 9, line 17)*" in md


def test_max_claims_caps_the_searches_and_says_what_was_left_out(served: Any) -> None:
    result = run_cli(["check", ARTICLE, "--max-claims", "3", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [c["number"] for c in doc["claims"]] == [1, 2, 3]
    assert (doc["summary"]["claims"], doc["summary"]["left_out"]) == (3, 6)
    assert served.count("esearch") == 3
    warning = (
        "Warning: the article has 9 claims; only the first 3 are checked (claims 4-9 are left out; "
        "raise --max-claims to check more, one PubMed search each)"
    )
    assert warning in result.stderr
    assert result.stderr.index(warning) < result.stderr.index("Checking claim 1/3")
    assert "6 more left out (--max-claims)" in run_cli(["check", ARTICLE, "--max-claims", "3", "-q"]).stdout


# --- one record source: the fetch goes through litcli.records.RecordSource ----------------------


def test_a_failed_fetch_keeps_what_the_library_holds_and_marks_the_rest(served: Any, tmp_path: Path) -> None:
    first = tmp_path / "one.txt"
    first.write_text("Intravenous ketamine produces rapid antidepressant effects in treatment-resistant depression.\n")
    assert run_cli(["check", str(first), "-q"]).exit_code == 0  # records 99000001-2 now in the library
    served.clear()
    served.fail("efetch", "503", times=100)
    result = run_cli(["check", ARTICLE, "-q", "-f", "json", "--no-cache"], env={"LITCLI_MAX_TRIES": "2"})
    assert result.exit_code == 9, result.output
    claims = by_number(json.loads(result.stdout))
    assert claims[1]["verdict"] == "supported"  # its records came from the library
    assert claims[2]["verdict"] == "not checked" and claims[2]["reason"].startswith("Not checked: NCBI error (")
    assert claims[9]["verdict"] == "not checkable"
    ids = served.hits("efetch")[0].params["id"].split(",")
    assert "99000001" not in ids and "99000003" in ids  # only what the library lacks is asked for


def test_check_shares_the_search_cache_with_search(served: Any) -> None:
    from litcli.library import Library
    from litcli.service import LibrarySearchCache

    check_json("-q")
    query = '("Ketamine"[MeSH] OR ketamine[tiab]) AND ("Suicidal Ideation"[MeSH] OR suicidal[tiab] OR suicidality[tiab])'
    with Library() as lib:
        cached = lib.cache_get(LibrarySearchCache.key(query, max_results=10, sort="relevance"))
    assert cached is not None and cached.pmids == ["99000004", "99000005"]
