"""`litcli search` end to end: CLI -> EutilsClient -> real loopback HTTP server."""

from __future__ import annotations

import json
import socket

import pytest

from litcli import eutils
from litcli.errors import ExitCode
from litcli.topics import TOPICS
from tests.conftest import run_cli
from tests.ncbi_server import pubmed_article

CANCER = "extracted_from_cassettes/pubmedly/pubmed__articles__cancer__2_efetch.xml"
KEY = "fedcba9876543210fedcba9876543210ab99"


def synthetic(n: int, first: int = 99000001) -> dict[str, str]:
    return {
        str(p): pubmed_article(
            p, title=f"Synthetic article {p}.", authors=[("Rivera", "CI"), ("Stone", "K")]
        )
        for p in range(first, first + n)
    }


def lines(text: str) -> list[str]:
    return text.splitlines()


# --- output ------------------------------------------------------------------------------


def test_piped_table_for_a_real_efetch_is_plain_tsv(ncbi):
    ncbi.set_articles_from_file(CANCER)
    result = run_cli(["search", "cancer", "--max", "3"])
    assert result.exit_code == 0, result.output
    assert lines(result.stdout) == [
        "#\tPMID\tYear\tFirst author\tTitle\tJournal\tDesign\tFlags",
        "1\t37195809\t2023\tHakem R et al.\tVenous Thrombosis Recurrence After Catheter-Related Upper "
        "Extremity Deep Venous Thrombosis in Cancer Patients: A Retrospective Analysis.\tAngiology\tother\t",
        "2\t37195800\t2023\tHwang JH et al.\tThe incidence of perioperative lymphatic complications after "
        "radical hysterectomy and pelvic lymphadenectomy between robotic and laparoscopic approach : a "
        "systemic review and meta-analysis.\tInt J Surg\tother\t",
        "3\t37195795\t2023\tMoussa AM\tEditorial Comment: The Delicate Balance of Safety and "
        "Efficiency.\tAJR Am J Roentgenol\teditorial\t",
    ]
    assert "Showing 3 of 20 for: cancer · sorted by relevance" in result.stderr
    assert "\x1b" not in result.output


def test_json_output_keeps_pubmed_order(ncbi):
    ncbi.set_articles(synthetic(5))
    ncbi.on_search("reversed", ["99000004", "99000002", "99000005"])
    result = run_cli(["search", "reversed", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [r["pmid"] for r in json.loads(result.stdout)] == ["99000004", "99000002", "99000005"]


def test_abstracts_follow_the_table(ncbi):
    ncbi.set_articles({"99000001": pubmed_article(99000001, abstract=[("RESULTS", "It worked.")])})
    result = run_cli(["search", "x", "--abstracts"])
    assert "    RESULTS: It worked." in result.stdout


def test_retracted_records_are_flagged(ncbi):
    ncbi.set_articles(
        {
            "99000015": pubmed_article(
                99000015, publication_types=["Meta-Analysis", "Retracted Publication"]
            )
        }
    )
    result = run_cli(["search", "x"])
    assert lines(result.stdout)[1].endswith("\tmeta-analysis\tretracted")


def test_count_prints_only_the_number_with_one_request(ncbi):
    ncbi.set_articles(synthetic(42))
    result = run_cli(["search", "ketamine", "--count"])
    assert (result.exit_code, result.stdout) == (0, "42\n")
    assert ncbi.count() == 1 and ncbi.hits("esearch")[0].params["retmax"] == "0"


def test_zero_results_say_so(ncbi):
    ncbi.on_search("nothing", [])
    result = run_cli(["search", "nothing"])
    assert result.exit_code == 0 and result.stdout == ""
    assert "No PubMed records found for: nothing" in result.stderr


# --- what is sent ----------------------------------------------------------------------------


def test_request_count_for_n_records(ncbi):
    ncbi.set_articles(synthetic(2500))
    result = run_cli(["search", "synthetic", "--max", "2500", "--format", "ids"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.split()) == 2500
    assert ncbi.count("esearch") == 1 and ncbi.count("efetch") == 3 and ncbi.count() == 4


def test_filters_topic_and_sort_reach_esearch(ncbi):
    ncbi.set_articles(synthetic(1))
    result = run_cli(
        [
            "search",
            "--topic",
            "ketamine-ocd",
            "adolescents",
            "--type",
            "rct",
            "--type",
            "meta-analysis",
            "--humans",
            "--english",
            "--since",
            "2015",
            "--until",
            "2020",
            "--sort",
            "date",
        ]
    )
    assert result.exit_code == 0, result.output
    params = ncbi.hits("esearch")[0].params
    assert params["term"] == (
        f"({TOPICS['ketamine-ocd'].query}) AND adolescents AND "
        '("randomized controlled trial"[pt] OR "meta-analysis"[pt] OR "network meta-analysis"[pt]) AND '
        '"humans"[MeSH Terms] AND english[lang] AND 2015:2020[dp]'
    )
    assert params["sort"] == "pub_date" and params["usehistory"] == "y"
    assert "ketamine-ocd + adolescents" in result.stderr


def test_pubmed_syntax_passes_through_untouched(ncbi):
    ncbi.set_articles(synthetic(1))
    query = '"ketamine"[ti] AND (OCD[tiab] OR "obsessive compulsive"[tiab])'
    run_cli(["search", query])
    assert ncbi.hits("esearch")[0].params["term"] == query


# --- NCBI's messages ----------------------------------------------------------------------------


def test_phrase_not_found_reaches_the_user(ncbi):
    ncbi.reply_file("esearch", "biopython/esearch8.xml")
    result = run_cli(["search", "abcXYZ"])
    assert result.exit_code == 0
    assert "Warning: PubMed does not know the term 'abcXYZ' (PhraseNotFound)" in result.stderr
    assert "Warning: PubMed: No items found." in result.stderr


def test_phrase_not_found_with_results_still_warns(ncbi):
    ncbi.set_articles(synthetic(2))
    ncbi.on_search("ketamine", ["99000001"], errors={"PhraseNotFound": ["ketaminne"]})
    result = run_cli(["search", "ketamine ketaminne"])
    assert "99000001" in result.stdout
    assert "PubMed does not know the term 'ketaminne' (PhraseNotFound)" in result.stderr


def test_verbose_shows_query_and_translation(ncbi):
    ncbi.set_articles(synthetic(1))
    ncbi.on_search(
        "ketamine", ["99000001"], translation='"ketamine"[MeSH Terms] OR "ketamine"[All Fields]'
    )
    result = run_cli(["search", "ketamine", "--humans", "-v"])
    assert 'Query: ketamine AND "humans"[MeSH Terms]' in result.stderr
    assert (
        'PubMed\'s translation: "ketamine"[MeSH Terms] OR "ketamine"[All Fields]' in result.stderr
    )


def test_missing_email_warning_on_stderr(ncbi, monkeypatch):
    monkeypatch.delenv("NCBI_EMAIL")
    monkeypatch.setattr(eutils, "_email_warned", False)
    ncbi.set_articles(synthetic(1))
    result = run_cli(["search", "x"])
    assert result.exit_code == 0
    assert result.stderr.count("Warning: no email address configured") == 1
    assert "Warning" not in result.stdout


# --- failures -------------------------------------------------------------------------------


def one_line_error(result) -> str:
    errors = [line for line in lines(result.stderr) if line.startswith("Error: ")]
    assert len(errors) == 1, result.stderr
    assert "Traceback" not in result.output
    return errors[0]


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("html", "web page instead of data"),
        ("json-error", "Search Backend failed"),
        ("error-element", "Supplied id parameter is empty"),
        ("empty", "empty response"),
    ],
)
def test_ncbi_errors_inside_http_200_exit_with_the_ncbi_code(ncbi, kind, words):
    ncbi.set_articles(synthetic(1))
    ncbi.fail("efetch", kind)
    result = run_cli(["search", "x"])
    assert result.exit_code == ExitCode.NCBI == 5
    assert words in one_line_error(result)
    assert result.stdout == ""


def test_persistent_rate_limit(ncbi, monkeypatch):
    monkeypatch.setenv("LITCLI_MAX_TRIES", "2")
    ncbi.fail("esearch", "429", times=10)
    result = run_cli(["search", "x"])
    assert result.exit_code == ExitCode.NCBI
    assert (
        "NCBI rate limit exceeded (HTTP 429: API rate limit exceeded; after 2 tries)"
        in one_line_error(result)
    )


def test_timeout_exits_with_the_network_code(ncbi, monkeypatch):
    monkeypatch.setenv("LITCLI_READ_TIMEOUT", "0.3")
    monkeypatch.setenv("LITCLI_MAX_TRIES", "1")
    ncbi.fail("esearch", "hang", times=5, seconds=3)
    result = run_cli(["search", "x"])
    assert result.exit_code == ExitCode.NETWORK == 4
    assert "did not answer esearch within 0.3 s" in one_line_error(result)


def test_unreachable_ncbi_exits_with_the_network_code(monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("LITCLI_EUTILS_URL", f"http://127.0.0.1:{port}/")
    monkeypatch.setenv("LITCLI_BACKOFF", "0.01")
    monkeypatch.setenv("LITCLI_MAX_TRIES", "2")
    monkeypatch.setenv("NCBI_EMAIL", "t@example.org")
    result = run_cli(["search", "x"])
    assert result.exit_code == ExitCode.NETWORK
    assert "cannot reach NCBI E-utilities (http://127.0.0.1" in one_line_error(result)
    assert "connection refused" in result.stderr


def test_debug_shows_a_traceback(ncbi, monkeypatch):
    monkeypatch.setenv("LITCLI_DEBUG", "1")
    ncbi.fail("esearch", "html")
    result = run_cli(["search", "x"])
    assert result.exception is not None and type(result.exception).__name__ == "NCBIResponseError"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["search"], "the query is empty"),
        (["search", "  "], "the query is empty"),
        (["search", '"ketamine AND OCD'], "unclosed quote"),
        (["search", "(ketamine AND OCD"], "unclosed parenthesis"),
        (["search", "ketamine AND OCD)"], "unmatched closing parenthesis"),
        (["search", "--topic", "ketamine-xyz"], "unknown topic 'ketamine-xyz'"),
        (["search", "x", "--max", "0"], "--max must be at least 1 (got 0)"),
        (["search", "x", "--max", "-3"], "--max must be at least 1 (got -3)"),
        (
            ["search", "x", "--since", "2030", "--until", "2000"],
            "--since 2030 is after --until 2000",
        ),
        (["search", "x", "--type", "opinion"], "unknown --type 'opinion'"),
        (["search", "x", "--sort", "newest"], "unknown --sort 'newest'"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_sends_nothing(ncbi, args, words):
    result = run_cli(args)
    assert result.exit_code == ExitCode.USAGE == 2
    assert words in one_line_error(result)
    assert ncbi.count() == 0


# --- the API key never leaks ------------------------------------------------------------------


def test_api_key_never_appears_in_any_output(ncbi, monkeypatch):
    monkeypatch.setenv("NCBI_API_KEY", KEY)
    monkeypatch.setenv("LITCLI_MAX_TRIES", "2")
    ncbi.set_articles(synthetic(3))
    outputs = [run_cli(["search", "x", "-v"]), run_cli(["search", "x", "--format", "json"])]
    ncbi.fail("esearch", "503", times=2)  # --refresh: the search is cached by now
    outputs.append(run_cli(["search", "x", "--refresh"]))
    ncbi.fail("efetch", "html")
    outputs.append(run_cli(["search", "x", "--refresh"]))
    ncbi.route(
        "esearch",
        lambda hit: (
            f"<eSearchResult><ERROR>bad request {hit.path}?api_key={KEY}</ERROR></eSearchResult>"
        ),
    )
    outputs.append(run_cli(["search", "x", "--refresh"]))
    outputs.append(run_cli(["config", "get"]))
    assert [r.exit_code for r in outputs] == [0, 0, 5, 5, 5, 0]
    assert all(h.params["api_key"] == KEY for h in ncbi.hits())  # it was sent...
    for r in outputs:  # ...but never shown
        assert KEY not in r.output
