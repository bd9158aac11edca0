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
    assert [r["pmid"] for r in json.loads(result.stdout)["records"]] == ["99000004", "99000002", "99000005"]


def test_piped_abstracts_are_a_tsv_column_not_free_text(ncbi):
    ncbi.set_articles(
        {
            "99000001": pubmed_article(99000001, abstract=[("RESULTS", "It worked.")]),
            "99000002": pubmed_article(99000002, abstract=None),
        }
    )
    result = run_cli(["search", "x", "--abstracts"])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in lines(result.stdout)]
    assert rows[0][-2:] == ["Flags", "Abstract"]
    assert len(rows) == 3 and {len(r) for r in rows} == {9}  # every line is a TSV row
    assert rows[1][-1] == "RESULTS: It worked." and rows[2][-1] == ""


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
    result = run_cli(["search", "synthetic", "--max", "2500", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2500
    assert ncbi.count("esearch") == 1 and ncbi.count("efetch") == 3 and ncbi.count() == 4


# --- IDs without records (issue 12, item 2) ------------------------------------------------


def test_format_ids_is_esearch_only(ncbi, tmp_path):
    articles = synthetic(2500)
    ncbi.set_articles(articles)
    result = run_cli(["search", "synthetic", "--max", "2500", "--format", "ids"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == list(articles)  # PubMed's order, every one
    assert ncbi.count("efetch") == 0 and ncbi.count("esearch") == 1
    hit = ncbi.hits("esearch")[0]
    assert hit.params["retmax"] == "2500" and "usehistory" not in hit.params
    # -o FILE too; fewer than matched is said on stderr
    result = run_cli(["search", "synthetic", "--max", "7", "-f", "ids", "-o", str(tmp_path / "ids.txt")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "ids.txt").read_text().split() == list(articles)[:7]
    assert "Wrote 7 records" in result.stderr
    assert ncbi.count("efetch") == 0


def test_format_ids_comes_from_the_search_cache_and_feeds_a_later_full_search(ncbi):
    ncbi.set_articles(synthetic(30))
    first = run_cli(["search", "synthetic", "--max", "5", "-f", "ids"])
    second = run_cli(["search", "synthetic", "--max", "5", "-f", "ids"])
    assert first.stdout == second.stdout and len(first.stdout.split()) == 5
    assert ncbi.count() == 1 and "Answered from the local cache" in second.stderr
    # the same search with records: the cached PMIDs, their records fetched by id
    full = run_cli(["search", "synthetic", "--max", "5", "-f", "jsonl"])
    assert [json.loads(line)["pmid"] for line in full.stdout.splitlines()] == first.stdout.split()
    assert ncbi.count("esearch") == 1 and ncbi.count("efetch") == 1


def test_ids_in_retmax_pages_never_past_pubmeds_cap(ncbi):
    from litcli.eutils import EutilsClient
    from litcli.search import run_id_search

    articles = synthetic(12000)
    ncbi.set_articles(articles)
    with EutilsClient() as client:
        outcome = run_id_search("synthetic", client=client, max_results=2500, page=1000)
        assert outcome.ids == list(articles)[:2500] and outcome.count == 12000
        hits = ncbi.hits("esearch")
        assert [(h.params["retstart"], h.params["retmax"]) for h in hits] == [
            ("0", "1000"), ("1000", "1000"), ("2000", "500")
        ]
        ncbi.clear()
        outcome = run_id_search("synthetic", client=client, max_results=9999, page=4000)
        assert outcome.ids == list(articles)[:9999]
        assert [h.params["retstart"] for h in ncbi.hits("esearch")] == ["0", "4000", "8000"]
    assert ncbi.count("efetch") == 0


def test_the_loopback_server_enforces_pubmeds_cap(ncbi):
    from litcli.errors import NCBIResponseError
    from litcli.eutils import EutilsClient

    ncbi.set_articles(synthetic(10))
    with EutilsClient() as client, pytest.raises(NCBIResponseError) as info:
        client.esearch("synthetic", retstart=9999, usehistory=False)
    assert "cannot be larger than 9998" in info.value.message


def test_count_is_one_esearch_without_efetch(ncbi):
    ncbi.set_articles(synthetic(40))
    result = run_cli(["search", "synthetic", "--count", "--type", "rct"])
    assert result.exit_code == 0 and result.stdout == "40\n"
    assert ncbi.count() == 1 and ncbi.count("efetch") == 0


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
        ("html", "instead of data"),
        ("json-error", "Search Backend failed"),
        ("error-element", "Supplied id parameter is empty"),
        ("empty", "empty response"),
    ],
)
def test_ncbi_errors_inside_http_200_exit_with_the_ncbi_code(ncbi, kind, words, monkeypatch):
    monkeypatch.setenv("LITCLI_MAX_TRIES", "2")
    ncbi.set_articles(synthetic(1))
    ncbi.fail("efetch", kind, times=10)  # passing errors are retried: make this one last
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


def test_a_retry_wait_is_announced_on_stderr(ncbi):
    ncbi.set_articles(synthetic(2))
    ncbi.fail("esearch", "429", times=1, retry_after=1)
    result = run_cli(["search", "x", "--format", "ids"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == ["99000001", "99000002"]
    assert lines(result.stderr) == ["Warning: NCBI busy (HTTP 429); retrying in 1 s (attempt 2 of 5)"]


def test_nothing_listening_fails_after_two_tries_not_five(monkeypatch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("LITCLI_EUTILS_URL", f"http://127.0.0.1:{port}/")
    monkeypatch.setenv("LITCLI_BACKOFF", "0.01")
    monkeypatch.setenv("NCBI_EMAIL", "t@example.org")  # max-tries stays at its default, 5
    result = run_cli(["search", "x"])
    assert result.exit_code == ExitCode.NETWORK
    assert one_line_error(result).startswith(
        f"Error: cannot reach NCBI E-utilities (http://127.0.0.1:{port}): connection refused (after 2 tries)"
    )
    retries = [line for line in lines(result.stderr) if "retrying" in line]
    assert len(retries) == 1 and retries[0].endswith("(attempt 2 of 2)")


def test_debug_shows_a_traceback(ncbi, monkeypatch):
    monkeypatch.setenv("LITCLI_DEBUG", "1")
    monkeypatch.setenv("LITCLI_MAX_TRIES", "2")
    ncbi.fail("esearch", "html", times=10)
    result = run_cli(["search", "x"])
    assert result.exit_code == ExitCode.NCBI  # the documented code, not the interpreter's 1
    assert "Traceback (most recent call last)" in result.stderr
    assert "NCBIResponseError" in result.stderr or "_Transient" in result.stderr


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
        (["search", "x", "--type", ""], "--type needs a name, got ''"),
        (["search", "x", "--type", " , "], "--type needs a name"),
        (["search", "x", "--max", "abc"], "'abc' is not a valid integer"),
        (["search", "x", "--max", "1.5"], "'1.5' is not a valid integer"),
        (["search", "x", "--max", "12000", "--count"], "--max above 9,999 (got 12,000) cannot be"),
        (["search", "x", "--count", "-o", "n.txt"], "--count prints only a number"),
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
    ncbi.fail("efetch", "html", times=2)  # retried once (LITCLI_MAX_TRIES=2), then exit 5
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


# --- fewer records than matched -----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "json", "ids", "bibtex", "ris", "table"])
def test_every_format_says_when_fewer_records_were_written_than_matched(ncbi, fmt):
    ncbi.set_articles(synthetic(148))
    result = run_cli(["search", "--topic", "ketamine-ptsd", "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "ids":
        assert len(result.stdout.split()) == 20
    if fmt == "table":  # the header already says "Showing 20 of 148": only the advice follows
        assert "Showing 20 of 148 for: ketamine-ptsd" in result.stderr
        assert "\nUse --max 148 for all.\n" in result.stderr
        assert result.stderr.count("of 148") == 1
    else:
        assert "Wrote 20 of 148 matching records; use --max 148 for all." in result.stderr
    if fmt == "json":  # the search record holds PubMed's count, as data
        data = json.loads(result.stdout)
        assert data["search"]["count"] == 148 and len(data["records"]) == 20
    else:
        assert "148" not in result.stdout.replace("99000148", "")  # the note is not data


def test_no_note_when_every_match_was_written(ncbi):
    ncbi.set_articles(synthetic(5))
    result = run_cli(["search", "x", "--format", "csv"])
    assert result.exit_code == 0 and result.stderr == ""
    result = run_cli(["search", "x", "--format", "csv", "--max", "3"])
    assert "Wrote 3 of 5 matching records; use --max 5 for all." in result.stderr


def test_a_search_beyond_pubmeds_9999_records_says_how_to_split_it(ncbi):
    ncbi.set_articles(synthetic(30))
    ncbi.on_search("huge", [str(99000001 + i) for i in range(12_345)])
    result = run_cli(["search", "huge", "--format", "ids"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.split()) == 20
    notes = [line for line in lines(result.stderr) if line.startswith("Wrote 20 of 12,345")]
    assert notes == [
        "Wrote 20 of 12,345 matching records; use --max 12345 for all (past PubMed's 9,999 the "
        "search is split by publication date, as with --all)."
    ]


def test_header_names_the_filters_used(ncbi):
    ncbi.set_articles(synthetic(2))
    result = run_cli(
        ["search", "ketamine", "--type", "rct", "--type", "meta", "--humans", "--since", "2015"]
    )
    assert result.exit_code == 0, result.output
    assert (
        "Showing 2 of 2 for: ketamine · rct, meta-analysis · humans · since 2015 · sorted by relevance"
        in result.stderr
    )
    result = run_cli(["search", "ketamine", "--since", "2015", "--until", "2020", "--english"])
    assert "for: ketamine · English · 2015-2020 · sorted by relevance" in result.stderr


# --- -o FILE ---------------------------------------------------------------------------------


def test_output_file_is_written_atomically_and_needs_force(ncbi, tmp_path):
    import bibtexparser

    ncbi.set_articles(synthetic(3))
    target = tmp_path / "refs.bib"
    result = run_cli(["search", "x", "-f", "bibtex", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"Wrote 3 records to {target} (bibtex)" in result.stderr
    assert len(bibtexparser.parse_string(target.read_text()).entries) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["refs.bib"]  # no temporary file left

    ncbi.clear()
    result = run_cli(["search", "x", "-f", "bibtex", "-o", str(target)])
    assert result.exit_code == ExitCode.USAGE
    assert "already exists (use --force to overwrite it)" in one_line_error(result)
    assert ncbi.count() == 0  # refused before any request
    result = run_cli(["search", "x", "-f", "ris", "-o", str(target), "--force"])
    assert result.exit_code == 0 and target.read_text().startswith("TY  -")


def test_output_into_a_missing_directory_fails_before_any_request(ncbi, tmp_path):
    result = run_cli(["search", "x", "-f", "csv", "-o", str(tmp_path / "nope" / "r.csv")])
    assert result.exit_code == ExitCode.USAGE
    assert "directory" in one_line_error(result) and "does not exist" in result.stderr
    assert ncbi.count() == 0


def test_a_network_error_leaves_no_empty_output_file(ncbi, tmp_path, monkeypatch):
    monkeypatch.setenv("LITCLI_MAX_TRIES", "1")
    ncbi.set_articles(synthetic(3))
    ncbi.fail("efetch", "503", times=5)
    target = tmp_path / "refs.bib"
    result = run_cli(["search", "x", "-f", "bibtex", "-o", str(target)])
    assert result.exit_code == ExitCode.NCBI
    one_line_error(result)
    assert list(tmp_path.iterdir()) == []  # neither refs.bib nor a temporary file


def test_table_output_file_is_the_piped_tsv_and_dash_is_stdout(ncbi, tmp_path):
    ncbi.set_articles(synthetic(2))
    target = tmp_path / "table.tsv"
    result = run_cli(["search", "x", "-o", str(target), "--abstracts"])
    assert result.exit_code == 0, result.output
    rows = target.read_text().splitlines()
    assert rows[0].endswith("\tFlags\tAbstract") and len(rows) == 3
    result = run_cli(["search", "x", "-f", "ids", "-o", "-"])
    assert result.stdout.split() == ["99000001", "99000002"]
