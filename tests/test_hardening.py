"""Issue 13 (hardening): inputs and faults that used to break litcli.

Synthetic records use fake PMIDs (99000001+); fault tests run against the loopback
E-utilities server (tests/ncbi_server.py), never a mocked transport.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litcli.library import Library
from litcli.pubmed import iter_parse
from tests.conftest import run_cli
from tests.ncbi_server import PUBMED_HEADER, pubmed_article

# --- 1. identifiers are ASCII digits only -------------------------------------------------


def _article_set(*articles: str) -> str:
    return PUBMED_HEADER + "<PubmedArticleSet>\n" + "\n".join(articles) + "\n</PubmedArticleSet>\n"


@pytest.mark.parametrize("bad", ["²³", "２３", "٢٣"], ids=["superscript", "fullwidth", "arabic-indic"])
def test_non_ascii_pmid_in_xml_is_one_failed_record_not_a_crash(tmp_path: Path, bad: str) -> None:
    first = tmp_path / "a.xml"
    first.write_text(_article_set(pubmed_article(bad), pubmed_article(99000001)), encoding="utf-8")
    second = tmp_path / "b.xml"
    second.write_text(_article_set(pubmed_article(99000002)), encoding="utf-8")
    result = run_cli(["library", "import", str(first), str(second)])
    assert result.exception is None, result.exception
    assert result.exit_code == 6, result.output  # partial import
    assert f"PMID {bad!r} is not a number" in result.stderr
    with Library() as lib:
        assert sorted(lib.get(["99000001", "99000002"])) == ["99000001", "99000002"]
        assert lib.count() == 2


@pytest.mark.parametrize("bad", ["²³", "２６７０２１６０"], ids=["superscript", "fullwidth"])
def test_non_ascii_pmid_in_medline_is_one_failed_record(tmp_path: Path, bad: str) -> None:
    nbib = tmp_path / "c.nbib"
    nbib.write_text(
        f"PMID- {bad}\nTI  - Bad identifier.\nDP  - 2016 ²\nSO  - x\n\n"
        "PMID- 99000003\nTI  - Good record.\nDP  - 2016 Mar ²\nSO  - y\n\n",
        encoding="utf-8",
    )
    later = tmp_path / "d.xml"
    later.write_text(_article_set(pubmed_article(99000004)), encoding="utf-8")
    result = run_cli(["library", "import", str(nbib), str(later)])
    assert result.exception is None, result.exception
    assert result.exit_code == 6, result.output
    assert "is not a number" in result.stderr
    with Library() as lib:
        assert sorted(lib.get(["99000003", "99000004"])) == ["99000003", "99000004"]
        assert lib.count() == 2


def test_non_ascii_digits_in_dates_are_not_a_crash() -> None:
    from litcli.medline import parse_dp
    from litcli.pubmed import parse_month, parse_records

    assert parse_month("²") is None
    assert parse_month("１") is None
    assert parse_dp("２０１６ Mar").year is None
    assert parse_dp("2016 Mar ²").day is None
    xml = pubmed_article(99000005).replace("<Year>2020</Year>", "<Year>²⁰²⁰</Year>")
    (record,) = parse_records(_article_set(xml).encode())
    assert record.pmid == "99000005" and record.pub_date.year is None


@pytest.mark.parametrize(
    "text", ["２６７０２１６０", "²³", "PMID:２３", "PMC３６６８１２０", "10.１０３８/npp.2013.22",
             "https://pubmed.ncbi.nlm.nih.gov/２３３９２６８７/"]
)
def test_identifiers_accept_ascii_digits_only(text: str) -> None:
    from litcli.errors import InvalidInputError
    from litcli.ids import parse_id

    with pytest.raises(InvalidInputError):
        parse_id(text)


def test_library_remove_with_fullwidth_digits_deletes_nothing(tmp_path: Path) -> None:
    with Library() as lib:
        lib.upsert(iter_parse(_article_set(pubmed_article(26702160)).encode()), source="test")
        assert lib.remove(["２６７０２１６０"]) == 0
        assert lib.get(["２６７０２１６０"]) == {}
    result = run_cli(["library", "remove", "２６７０２１６０"])
    assert result.exit_code == 2, result.output
    with Library() as lib:
        assert list(lib.get(["26702160"])) == ["26702160"]
    shown = run_cli(["show", "２６７０２１６０", "--offline"])
    assert shown.exit_code == 2, shown.output
    assert "not a PMID" in shown.stderr


# --- 2. MEDLINE continuation lines are read in linear time --------------------------------

_LONG_LINES = 400_000
_LONG_PIECE = "words of one abstract line that goes on {}"


def _long_field_medline(lines: int) -> tuple[str, str]:
    """A record whose AB field has ``lines`` continuation lines (~20 MB for 400,000),
    then a normal record; returns (text, the expected abstract)."""
    pieces = [_LONG_PIECE.format(i) for i in range(lines)]
    body = "".join(f"      {p}\n" for p in pieces)
    text = (
        "PMID- 99000021\nTI  - A record with one very long field.\nAB  - Start.\n"
        + body
        + "SO  - J Synth Tests. 2020.\n\n"
        + "PMID- 99000022\nTI  - The record after it.\nSO  - J Synth Tests. 2021.\n\n"
    )
    return text, " ".join(["Start.", *pieces])


def test_medline_long_field_is_read_whole_and_in_linear_time(tmp_path: Path) -> None:
    """400,000 continuation lines (~20 MB): took minutes when each line was added to a
    growing string; now seconds (docs/BENCHMARKS.md).  Run in a subprocess so that the
    generous guard (60 s) stops a quadratic reader instead of hanging the suite."""
    import json
    import subprocess
    import sys

    text, expected = _long_field_medline(_LONG_LINES)
    assert len(text) > 20_000_000
    path = tmp_path / "long.nbib"
    path.write_text(text, encoding="utf-8")
    script = (
        "import json, sys\n"
        "from litcli.medline import parse_medline\n"
        "records = parse_medline(sys.argv[1])\n"
        "json.dump([[r.pmid, r.title, r.abstract_text] for r in records], sys.stdout)\n"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", script, str(path)],
            capture_output=True, text=True, timeout=60, check=True,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("reading one 20 MB MEDLINE field took more than 60 s (quadratic?)")
    records = json.loads(done.stdout)
    assert [r[0] for r in records] == ["99000021", "99000022"]
    assert records[0][2] == expected
    assert records[1][1] == "The record after it."


def test_medline_continuation_lines_join_as_before() -> None:
    from litcli.medline import _fields

    lines = ["TI  - ", "      first", "\tsecond ", "      ", "AB  - one", "      two", "AU  - X"]
    assert _fields(lines) == [("TI", "first second"), ("AB", "one two"), ("AU", "X")]


# --- 3. passing errors inside HTTP 200 are retried; permanent ones are not ----------------

TRANSIENT_200 = ["empty200", "html200", "json_error200", "xml_error200"]


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("endpoint", ["esearch", "efetch"])
@pytest.mark.parametrize("kind", TRANSIENT_200)
def test_a_passing_error_in_http_200_is_retried_and_announced(ncbi, endpoint: str, kind: str) -> None:
    ncbi.set_articles({p: pubmed_article(p) for p in ("99000001", "99000002")})
    ncbi.fail(endpoint, kind, times=1)
    result = run_cli(["search", "x", "--format", "jsonl"])  # ids alone would not efetch
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["pmid"] for line in result.stdout.splitlines()] == ["99000001", "99000002"]
    (warning,) = _lines(result.stderr)
    assert warning.startswith("Warning: NCBI ") and warning.endswith("(attempt 2 of 5)"), warning
    assert "retrying in" in warning
    assert ncbi.count(endpoint) == 2


@pytest.mark.parametrize("kind", TRANSIENT_200)
def test_a_lasting_passing_error_stops_after_max_tries(ncbi, monkeypatch, kind: str) -> None:
    monkeypatch.setenv("LITCLI_MAX_TRIES", "3")
    ncbi.fail("esearch", kind, times=10)
    result = run_cli(["search", "x"])
    assert result.exit_code == 5, result.output
    assert ncbi.count("esearch") == 3
    error = [line for line in _lines(result.stderr) if line.startswith("Error: ")]
    assert len(error) == 1 and "(after 3 tries)" in error[0], result.stderr
    assert len([line for line in _lines(result.stderr) if "retrying in" in line]) == 2


@pytest.mark.parametrize(
    ("kind", "words"),
    [("bad_db200", "Invalid db name specified: pubmedx"),
     ("error-element", "Supplied id parameter is empty")],
)
def test_a_permanent_error_in_http_200_is_not_retried(ncbi, kind: str, words: str) -> None:
    ncbi.fail("esearch", kind, times=1)
    result = run_cli(["search", "x"])
    assert result.exit_code == 5, result.output
    assert ncbi.count("esearch") == 1
    (line,) = _lines(result.stderr)
    assert line.startswith("Error: ") and words in line


def test_transient_error_texts() -> None:
    from litcli.eutils import is_transient_error

    for text in ["Search Backend failed: Couldn't resolve #exec_db_proxy_error",
                 "Database is temporarily unavailable", "API rate limit exceeded"]:
        assert is_transient_error(text), text
    for text in ["Invalid db name specified: pubmedx", "Supplied id parameter is empty.",
                 "Empty ID list; Nothing to store", "Invalid query", "API key invalid",
                 "Unknown field tag [xx]"]:
        assert not is_transient_error(text), text


def test_retry_after_waits_get_jitter() -> None:
    from litcli.config import Settings
    from litcli.eutils import EutilsClient

    client = EutilsClient(Settings.load().with_(backoff=0.5))
    waits = {client._backoff(1, 2.0) for _ in range(50)}
    assert all(2.0 <= w <= 2.5 for w in waits)
    assert len(waits) > 1  # never the same wait for every process
    capped = client._backoff(1, 10_000.0)
    assert 120.0 <= capped <= 120.5  # the cap still holds


# --- 4. an overall deadline per request -------------------------------------------------------


def _error_line(stderr: str) -> str:
    errors = [line for line in _lines(stderr) if line.startswith("Error: ")]
    assert len(errors) == 1, stderr
    return errors[0]


@pytest.mark.parametrize("how", ["option", "env"])
def test_an_always_hanging_server_stops_at_the_time_budget(ncbi, monkeypatch, how: str) -> None:
    import time

    ncbi.fail("*", "hang", times=1000, seconds=60)  # LITCLI_READ_TIMEOUT is 10 s here
    args = ["search", "x"]
    if how == "option":
        args += ["--timeout", "3"]
    else:
        monkeypatch.setenv("LITCLI_TIMEOUT", "3")
    started = time.monotonic()
    result = run_cli(args)
    took = time.monotonic() - started
    assert result.exit_code == 4, result.output
    line = _error_line(result.stderr)
    assert "did not complete esearch within its 3 s time limit: gave up after waiting 3" in line
    assert "--timeout SECONDS" in line
    assert took < 8, took  # generous guard: 5 tries x 10 s read timeout before


def test_a_reply_that_trickles_in_is_stopped_at_the_deadline(ncbi) -> None:
    import time

    ncbi.set_articles({"99000001": pubmed_article(99000001)})
    ncbi.fail("esearch", "trickle", times=1000, seconds=1)  # one byte per 0.1 s, ~1 KB
    started = time.monotonic()
    result = run_cli(["search", "x", "--timeout", "2"])
    took = time.monotonic() - started
    assert result.exit_code == 4, result.output
    assert "the reply was still arriving" in _error_line(result.stderr)
    assert took < 6, took


def test_retries_stop_when_the_next_one_would_pass_the_deadline(ncbi, monkeypatch) -> None:
    monkeypatch.setenv("LITCLI_BACKOFF", "0.01")
    ncbi.fail("esearch", "503", times=1000, retry_after=5)
    result = run_cli(["search", "x", "--timeout", "2"])
    assert result.exit_code == 4, result.output
    assert "retrying" not in result.stderr  # no announced retry that cannot happen
    line = _error_line(result.stderr)
    assert "within its 2 s time limit" in line and "last: NCBI error (HTTP 503)" in line
    assert ncbi.count("esearch") == 1


def test_default_budgets_and_the_setting() -> None:
    from litcli import config as cfg
    from litcli.config import Settings

    s = Settings.load()
    assert s.timeout is None
    assert s.deadline("esearch") < s.deadline("efetch") == 300.0
    assert s.deadline("esearch") == 90.0
    cfg.set_value("timeout", "45")
    assert Settings.load().deadline("efetch") == 45.0
    rows = {name: value for name, value, _ in cfg.describe()}
    assert rows["timeout"] == "45.0"
    assert run_cli(["search", "x", "--timeout", "0"]).exit_code == 2


# --- 5. `check` keeps what it has ---------------------------------------------------------


def _serve_check(ncbi, fail_when) -> None:
    """The e2e article's records; esearch answers 503 when ``fail_when(term, n)`` is true
    (n: the esearch's 1-based number), otherwise as usual."""
    from tests.fixtures.claims import fakes
    from tests.ncbi_server import Reply

    fakes.serve(ncbi)
    seen = [0]

    def esearch(hit):
        seen[0] += 1
        if fail_when(hit.params.get("term", ""), seen[0]):
            return Reply("<eResult><ERROR>simulated HTTP 503</ERROR></eResult>", status=503)
        return ncbi._esearch(hit)

    ncbi.route("esearch", esearch)


def _check(*args: str):
    from tests.fixtures.claims import fakes

    return run_cli(["check", str(fakes.E2E_ARTICLE), "-q", *args], env={"LITCLI_MAX_TRIES": "2"})


def test_check_marks_the_claim_whose_search_failed_and_keeps_the_rest(ncbi, tmp_path: Path) -> None:
    import json

    from tests.fixtures.claims import fakes

    _serve_check(ncbi, lambda term, n: "Suicidal Ideation" in term)
    result = _check("--format", "json")
    assert result.exit_code == 9, result.output
    doc = json.loads(result.stdout)
    verdicts = {c["number"]: c["verdict"] for c in doc["claims"]}
    expected = {n: v for n, (v, _) in fakes.EXPECTED.items()}
    expected[3] = "not checked"
    assert verdicts == expected
    (failed,) = [c for c in doc["claims"] if c["number"] == 3]
    assert failed["reason"].startswith("Not checked: NCBI error (")
    assert "HTTP 503" in failed["reason"] and "after 2 tries" in failed["reason"]
    assert failed["evidence"] == []
    assert doc["summary"]["verdicts"]["not checked"] == 1
    assert doc["summary"]["checked"] == 7
    fetched = ncbi.hits("efetch")[0].params["id"].split(",")
    assert "99000004" not in fetched and "99000001" in fetched
    assert "the report is incomplete: 1 of 9 claims could not be checked" in result.stderr
    assert "(claim 3, marked \"not checked\")" in result.stderr
    # the same report to a file: written whole, exit 9
    out = tmp_path / "report.md"
    result = _check("--format", "markdown", "-o", str(out), "--no-cache")
    assert result.exit_code == 9, result.output
    text = out.read_text(encoding="utf-8")
    assert "| 3 | not checked |" in text and "Not checked: NCBI error" in text


def test_check_strict_failure_outranks_an_incomplete_report(ncbi) -> None:
    _serve_check(ncbi, lambda term, n: "Suicidal Ideation" in term)
    result = _check("--strict")
    assert result.exit_code == 8, result.output  # claims 2, 5 are contradicted: definite
    assert "the report is incomplete" in result.stderr


def test_check_stops_searching_after_three_ncbi_failures_in_a_row(ncbi) -> None:
    import json

    _serve_check(ncbi, lambda term, n: n > 1)  # the first search works, then NCBI fails
    result = _check("--format", "json")
    assert result.exit_code == 9, result.output
    doc = json.loads(result.stdout)
    verdicts = [c["verdict"] for c in doc["claims"]]
    assert verdicts[0] == "supported" and verdicts[1:8] == ["not checked"] * 7
    assert ncbi.count("esearch") == 1 + 3 * 2  # claims 2-4 tried twice each; 5-8 not tried
    reasons = [c["reason"] for c in doc["claims"]]
    assert "not tried after 3 failures in a row" in reasons[4]


def test_check_stops_at_a_network_error_but_keeps_the_report(ncbi) -> None:
    import json
    import time

    from tests.fixtures.claims import fakes
    from tests.ncbi_server import Reply

    fakes.serve(ncbi)

    def esearch(hit):
        if "Suicidal Ideation" in hit.params.get("term", ""):
            time.sleep(3)  # longer than the 1 s budget
            return Reply("<eResult><ERROR>late</ERROR></eResult>", status=503)
        return ncbi._esearch(hit)

    ncbi.route("esearch", esearch)
    result = _check("--format", "json", "--timeout", "1")
    assert result.exit_code == 9, result.output
    doc = json.loads(result.stdout)
    claims = {c["number"]: c for c in doc["claims"]}
    assert claims[1]["verdict"] == "supported"
    assert claims[3]["reason"].startswith("Not checked: network error (")
    assert "time limit" in claims[3]["reason"]
    assert all(claims[n]["verdict"] == "not checked" for n in range(3, 9))
    assert "not tried again" in claims[4]["reason"]


def test_check_with_every_search_failing_is_the_error_itself(ncbi) -> None:
    _serve_check(ncbi, lambda term, n: True)
    result = _check("--format", "json")
    assert result.exit_code == 5, result.output
    assert result.stdout == ""
    assert _error_line(result.stderr).startswith("Error: NCBI E-utilities failed on esearch (HTTP 503")
    assert ncbi.count("esearch") == 3 * 2  # three claims in a row, then no more tries


# --- 6. `search` validates queries with the library's parser --------------------------------


@pytest.mark.parametrize("query", ["AND", "[mh] [ab]", "#1", "pain OR", "OR NOT pain", "[ti] pain"])
def test_search_refuses_malformed_queries_like_the_library(ncbi, query: str) -> None:
    online = run_cli(["search", query])
    assert online.exit_code == 2, online.output
    assert ncbi.count() == 0  # nothing sent
    offline = run_cli(["library", "search", query])
    assert offline.exit_code == 2, offline.output
    assert _error_line(online.stderr) == _error_line(offline.stderr)


def test_valid_pubmed_syntax_still_reaches_pubmed_unchanged(ncbi) -> None:
    from litcli.topics import TOPICS

    deep = "(" * 35 + "ketamine" + ")" * 35
    queries = [
        "2015[dp] NOT review[pt]",  # tags the library cannot search are PubMed's to judge
        '"pain back"[tiab:~2] AND "humans"[MeSH Terms:noexp]',
        deep,  # FTS5's nesting limit is the library's, not PubMed's
        "ketam* AND COVID-19",
        *(topic.query for topic in TOPICS.values()),
    ]
    for query in queries:
        ncbi.clear()
        result = run_cli(["search", query, "--count"])
        assert result.exit_code == 0, (query, result.output)
        assert ncbi.hits("esearch")[0].params["term"] == query


# --- 7. the smaller items --------------------------------------------------------------------


def test_a_temp_file_left_by_a_killed_writer_is_removed_at_the_next_write(tmp_path: Path) -> None:
    import subprocess
    import sys

    from litcli.formats import write_text
    from litcli.formats.output import atomic_text

    script = (
        "import os, signal, sys\n"
        "from litcli.formats.output import atomic_text\n"
        "with atomic_text(sys.argv[1]) as f:\n"
        "    f.write('half')\n"
        "    f.flush()\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "refs.bib")], check=False)
    assert done.returncode == -9
    left = [p.name for p in tmp_path.iterdir()]
    assert len(left) == 1 and left[0].endswith(".litcli-tmp"), left
    # a live writer's temp file (this process, mid-write) is never touched
    with atomic_text(tmp_path / "busy.txt") as busy:
        busy.write("x")
        write_text(tmp_path / "other.txt", "data\n")
        names = sorted(p.name for p in tmp_path.iterdir())
        assert left[0] not in names  # the killed writer's file is gone
        assert any(n.startswith(".busy.txt.") for n in names)  # ours stays
    assert sorted(p.name for p in tmp_path.iterdir()) == ["busy.txt", "other.txt"]


def test_debug_mode_keeps_the_documented_exit_codes(ncbi, monkeypatch, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    monkeypatch.setenv("LITCLI_DEBUG", "1")
    monkeypatch.setenv("LITCLI_MAX_TRIES", "1")
    usage = run_cli(["search", "AND"])
    assert usage.exit_code == 2 and "Traceback" in usage.stderr
    assert usage.stderr.rstrip().splitlines()[-1].startswith("Error: the query has no words")
    ncbi.fail("esearch", "503", times=5)
    assert run_cli(["search", "x"]).exit_code == 5
    missing = run_cli(["library", "import", str(tmp_path / "nope.xml")])
    assert missing.exit_code == 6 and "Traceback" in missing.stderr
    # a real process: the interpreter must not turn the code into 1
    env = {**os.environ, "LITCLI_DEBUG": "1", "LITCLI_EUTILS_URL": "http://127.0.0.1:9/"}
    proc = subprocess.run([sys.executable, "-m", "litcli", "search", "x"], capture_output=True,
                          text=True, env=env, timeout=60, check=False)
    assert proc.returncode == 4, proc.stderr
    assert "Traceback" in proc.stderr and proc.stderr.rstrip().splitlines()[-1].startswith("Error: ")


@pytest.mark.parametrize("key", [None, "abcdef0123456789abcdef0123456789ab12"])
def test_the_rate_limit_hint_asks_for_a_key_only_without_one(ncbi, monkeypatch, key) -> None:
    monkeypatch.setenv("LITCLI_MAX_TRIES", "1")
    if key:
        monkeypatch.setenv("NCBI_API_KEY", key)
    ncbi.fail("esearch", "429", times=5)
    result = run_cli(["search", "x"])
    assert result.exit_code == 5, result.output
    line = _error_line(result.stderr)
    assert "rate limit exceeded" in line
    if key:
        assert "add an API key" not in line.lower() and "config set api-key" not in line
        assert "Your API key allows 10 requests/s" in line
        assert key not in result.output
    else:
        assert "Add an API key (litcli config set api-key)" in line


@pytest.mark.parametrize("bad", ["10.1000/a\x1b[31mb", "10.1000/a\u202eb", "10.1000/a\x00b"])
def test_a_doi_with_control_characters_is_invalid_and_the_rest_is_exported(ncbi, bad: str) -> None:
    ncbi.set_articles({"99000001": pubmed_article(99000001)})
    result = run_cli(["export", "99000001", bad, "-f", "ids"])
    assert result.exit_code == 2, result.output
    assert result.stdout.split() == ["99000001"]
    invalid = [line for line in _lines(result.stderr) if line.startswith("Invalid: ")]
    assert len(invalid) == 1 and "control character" in invalid[0]
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    for hit in ncbi.hits():  # nothing about the bad DOI was sent
        assert "10.1000/a" not in " ".join(hit.params.values())


# --- 8. one record source (search, show, export) ----------------------------------------


def test_search_show_and_export_degrade_once_with_the_same_words(ncbi, isolated_env: Path) -> None:
    (isolated_env / "library.db").write_bytes(b"not a database " * 500)
    ncbi.set_articles({p: pubmed_article(p) for p in ("99000001", "99000002")})
    runs = {
        "search": run_cli(["search", "x", "--format", "ids"]),
        "show": run_cli(["show", "99000001", "99000002", "--format", "json"]),
        "export": run_cli(["export", "99000001", "99000002", "-f", "ids"]),
    }
    seen = set()
    for name, result in runs.items():
        assert result.exit_code == 0, (name, result.output)
        warnings = [line for line in _lines(result.stderr) if line.startswith("Warning: ")]
        assert len(warnings) == 1, (name, result.stderr)
        seen.add(warnings[0].split(":", 2)[1])
    assert seen == {" the local library is not used (answering from PubMed without it)"}


def test_a_library_that_cannot_be_written_is_reported_once(ncbi) -> None:
    from litcli.config import Settings
    from litcli.errors import LibraryError
    from litcli.eutils import EutilsClient
    from litcli.records import RecordSource
    from litcli.service import NoLibrary

    class ReadOnly(NoLibrary):
        def upsert(self, items, *, source):  # type: ignore[no-untyped-def]
            raise LibraryError("attempt to write a readonly database")

    ncbi.set_articles({p: pubmed_article(p) for p in ("99000001", "99000002", "99000003")})
    messages: list[str] = []
    client = EutilsClient(Settings.load().with_(batch_size=1))
    with RecordSource(client=client, library=ReadOnly(), warn=messages.append) as source:  # type: ignore[arg-type]
        records, failures = source.get(["99000001", "99000002", "99000003"])
    assert [r.pmid for r in records] == ["99000001", "99000002", "99000003"] and failures == []
    assert ncbi.count("efetch") == 3  # three batches, three failed writes ...
    assert len(messages) == 1 and "readonly" in messages[0]  # ... one warning


def test_one_output_helper_writes_stdout_or_a_file(tmp_path: Path, capsys) -> None:
    from litcli.formats import write_records
    from litcli.pubmed import parse_records

    records = parse_records(_article_set(pubmed_article(99000001), pubmed_article(99000002)).encode())
    assert write_records(iter(records), "ids", None) == (None, 2)
    assert capsys.readouterr().out == "99000001\n99000002\n"
    target = tmp_path / "out.tsv"
    assert write_records(records, "table", str(target)) == (target, 2)
    assert target.read_text(encoding="utf-8").startswith("#\tPMID\tYear\t")
    assert write_records(records, "ids", "-") == (None, 2)


def test_import_orchestration_lives_in_the_core(tmp_path: Path) -> None:
    from litcli.importer import import_file

    whole = _article_set(pubmed_article(99000001), pubmed_article(99000002))
    cut = tmp_path / "cut.xml"
    cut.write_text(whole[: whole.index("</PubmedArticle>", whole.index("99000002")) - 10])
    errors: list[tuple[str, str]] = []
    reads: list[int] = []
    with Library() as lib:
        stats, items = import_file(lib, str(cut), "cut.xml", errors, on_read=reads.append)
        assert (stats.imported, items) == (1, 1)
        assert list(lib.get(["99000001"])) == ["99000001"]
    assert len(errors) == 1 and errors[0][0] == "cut.xml" and "truncated" in errors[0][1]
    assert reads and reads[-1] == cut.stat().st_size
