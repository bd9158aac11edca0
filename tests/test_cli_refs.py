"""`litcli refs ARTICLE` end to end: CliRunner against the loopback E-utilities server."""

from __future__ import annotations

import io
import json
import socket
from pathlib import Path
from typing import Any

import pytest

from litcli.errors import ExitCode
from tests.conftest import run_cli
from tests.ncbi_server import pubmed_article
from tests.refs_fixtures import VANCOUVER_ARTICLE, serve_vancouver

REQUIRED_KEYS = {"number", "text", "status", "pmid", "candidates", "mismatches", "flags"}


@pytest.fixture
def article(tmp_path: Path) -> str:
    path = tmp_path / "draft.md"
    path.write_text(VANCOUVER_ARTICLE, encoding="utf-8")
    return str(path)


@pytest.fixture
def served(ncbi: Any) -> Any:
    serve_vancouver(ncbi)
    return ncbi


def test_table_piped_is_tab_separated_with_the_summary_on_stderr(served: Any, article: str) -> None:
    result = run_cli(["refs", article])
    assert result.exit_code == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0] == ["#", "Status", "PMID", "First author", "Year", "Title", "Flags / mismatches"]
    assert rows[2] == ["2", "found", "99000012", "Banks", "2016", "Esketamine in late-life depression: a randomized trial",
                       "year: article 2017, PubMed 2016"]
    assert rows[4][1:3] == ["found", "99000014"] and rows[4][6] == "⚠ RETRACTED"
    assert rows[3][:3] == ["3", "not found", "—"]
    assert rows[9][1] == "ambiguous" and "candidates 99000017, 99000018" in rows[9][6]
    assert ("9 references · 6 found · 2 not found · 1 ambiguous · 1 retracted · 1 expression of concern · "
            "1 duplicate · 1 with mismatches") in result.stderr
    assert "Note: citation [12] (paragraph 3, line 8) points past the reference list (9 references)" in result.stderr


def test_json_is_litcli_refs_1(served: Any, article: str) -> None:
    result = run_cli(["refs", article, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema"] == "litcli.refs/1"
    assert doc["summary"]["references"] == 9 and doc["summary"]["not found"] == 2
    for ref in doc["references"]:
        assert set(ref) >= REQUIRED_KEYS
    two = doc["references"][1]
    assert (two["number"], two["status"], two["pmid"], two["flags"]) == (2, "found", "99000012", [])
    assert two["mismatches"] == [{"field": "year", "article": "2017", "pubmed": "2016"}]
    assert two["text"].startswith("Banks LF, Adler P. Esketamine in late-life depression")
    assert doc["references"][3]["flags"] == ["retracted"]
    assert [c["pmid"] for c in doc["references"][8]["candidates"]] == ["99000017", "99000018"]
    assert doc["citations"][3]["references"] == [4, 5]
    assert doc["citations"][3]["location"] == {"paragraph": 3, "line": 6}


def test_markdown(served: Any, article: str) -> None:
    result = run_cli(["refs", article, "-f", "markdown"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Reference audit: Ketamine for obsessive-compulsive disorder\n")
    assert "| 4 | found | [99000014](https://pubmed.ncbi.nlm.nih.gov/99000014/) | Stone | 2019 |" in result.stdout
    assert "## Citing sentences" in result.stdout


def test_strict_exits_8_naming_the_references(served: Any, article: str) -> None:
    result = run_cli(["refs", article, "--strict"])
    assert result.exit_code == ExitCode.CHECK_FAILED == 8
    assert ("refs --strict: 4 references not found, retracted or with an expression of concern: 3, 4, 5, 8"
            in result.stderr)


def test_strict_passes_a_clean_list(ncbi: Any, tmp_path: Path) -> None:
    ncbi.set_articles({"99000011": pubmed_article(99000011, title="A clean trial.", year=2013, volume="12",
                                                  pages="100-10")})
    path = tmp_path / "ok.md"
    path.write_text("Claim [1].\n\n## References\n\n1. Rivera CI. A clean trial. J Synth Tests. 2013;12:100-10. "
                    "PMID: 99000011\n", encoding="utf-8")
    result = run_cli(["refs", str(path), "--strict"])
    assert result.exit_code == 0, result.stderr


def test_offline_sends_nothing_and_names_what_it_could_not_resolve(served: Any, article: str) -> None:
    result = run_cli(["refs", article, "--offline", "-f", "json"])
    assert result.exit_code == 0
    assert served.count() == 0
    assert "refs --offline: 9 references not in the local library: 1, 2, 3, 4, 5, 6, 7, 8, 9" in result.stderr
    # after an online run, the library answers
    assert run_cli(["refs", article, "-q"]).exit_code == 0
    served.clear()
    again = json.loads(run_cli(["refs", article, "--offline", "-f", "json"]).stdout)
    assert served.count() == 0
    assert again["summary"]["found"] == 6


def test_stdin_and_an_html_article_with_links(ncbi: Any) -> None:
    ncbi.set_articles({"99000011": pubmed_article(99000011, title="A linked trial.", year=2013)})
    html = ("<p>Ketamine works <a href='https://pubmed.ncbi.nlm.nih.gov/99000011/'>fast</a>.</p>"
            "<p>Another sentence.</p>")
    result = run_cli(["refs", "-", "-f", "json"], input=html)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["source"]["kind"] == "html"
    assert [(r["status"], r["pmid"], r["origin"]) for r in doc["references"]] == [("found", "99000011", "link")]


def test_an_article_without_references_is_a_note_and_exit_0(ncbi: Any, tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Just a one-line note about ketamine.\n", encoding="utf-8")
    result = run_cli(["refs", str(path)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1  # one note
    assert result.stderr.startswith("refs: no references found in")
    assert ncbi.count() == 0


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (None, ExitCode.INPUT, "article not found"),
        (b"", ExitCode.INPUT, "is empty"),
        (b"%PDF-1.7 binary", ExitCode.INPUT, "is a PDF"),
    ],
)
def test_bad_input_is_one_line_never_a_traceback(tmp_path: Path, content: bytes | None, code: int,
                                                  message: str) -> None:
    path = tmp_path / "in.txt"
    if content is not None:
        path.write_bytes(content)
    result = run_cli(["refs", str(path)])
    assert result.exit_code == code
    assert result.exception is None
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1


def test_output_file_rules(served: Any, article: str, tmp_path: Path) -> None:
    out = tmp_path / "refs.json"
    assert run_cli(["refs", article, "-f", "json", "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "litcli.refs/1"
    served.clear()
    again = run_cli(["refs", article, "-f", "json", "-o", str(out)])
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert served.count() == 0  # refused before any network use
    same = run_cli(["refs", article, "-o", article, "--force"])
    assert same.exit_code == 2 and "is the article being checked" in same.stderr


def test_ncbi_unreachable_is_exit_4_in_one_line(article: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("LITCLI_EUTILS_URL", f"http://127.0.0.1:{port}/entrez/eutils/")
    monkeypatch.setenv("NCBI_EMAIL", "tests@example.org")
    monkeypatch.setenv("LITCLI_BACKOFF", "0.01")
    result = run_cli(["refs", article])
    assert result.exit_code == ExitCode.NETWORK
    assert result.stderr.strip().splitlines()[-1].startswith("Error: cannot reach NCBI")
    assert result.exception is None


def test_progress_for_a_long_list_and_still_one_ecitmatch(ncbi: Any, tmp_path: Path) -> None:
    articles = {}
    lines = []
    for i in range(1, 31):
        pmid = 99000100 + i
        articles[str(pmid)] = pubmed_article(pmid, title=f"Synthetic trial number {i}.", year=2010,
                                             authors=[(f"Author{i}", "A")], volume=str(i), pages=f"{i}-{i + 5}")
        ncbi.on_citation("j synth tests", 2010, str(i), str(i), f"author{i}", str(pmid))
        lines.append(f"{i}. Author{i} A. Synthetic trial number {i}. J Synth Tests. 2010;{i}:{i}-{i + 5}.")
    ncbi.set_articles(articles)
    path = tmp_path / "long.md"
    path.write_text("Claim [1-30].\n\n## References\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli(["refs", str(path), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert "Matching 30 citations with NCBI ECitMatch (one request)…" in result.stderr
    assert "Fetching 30 records (library first, then PubMed)…" in result.stderr
    assert json.loads(result.stdout)["summary"]["found"] == 30
    assert (ncbi.count("ecitmatch"), ncbi.count("efetch"), ncbi.count("esearch")) == (1, 1, 0)
    quiet = run_cli(["refs", str(path), "-q"])
    assert "Matching" not in quiet.stderr


def test_untrusted_text_cannot_style_or_control_the_terminal(ncbi: Any, tmp_path: Path) -> None:
    from rich.console import Console

    from litcli.refs import report
    from litcli.refs.document import parse_document
    from litcli.refs.resolve import audit

    ncbi.set_articles({"99000011": pubmed_article(
        99000011, title="[bold red]Loud[/bold red] title \u202eevil", year=2013)})  # XML cannot hold ESC
    text = ("Claim [1].\n\n## References\n\n1. [link]Rivera CI. \x1b]0;pwned\x07Title. PMID: 99000011\n"
            "2. Adler P. \x1b[31mRed\x1b[0m words here. Nowhere. 2019;1:1.\n")
    result = audit(parse_document(text, kind="markdown"))
    buf = io.StringIO()
    report.render_terminal(result, Console(file=buf, width=200, force_terminal=True, color_system="truecolor"))
    shown = buf.getvalue()
    assert "[bold red]Loud[/bold red]" in shown
    assert "\x1b[31mRed" not in shown and "\u202e" not in shown and "pwned\x07" not in shown
    assert "Red words here" in shown
    tsv = report.to_tsv(result)
    assert "\x1b" not in tsv and "\u202e" not in tsv
    assert "\u202e" not in report.dumps_json(result) and "\x1b" not in report.to_markdown(result)


def test_a_list_of_2000_references_is_one_ecitmatch_and_capped_title_searches(ncbi: Any, tmp_path: Path) -> None:
    lines = [f"{i}. Author{i} A. Unknown title number {i} here. J Synth Tests. 2010;{i}:{i}-{i + 5}."
             for i in range(1, 2001)]
    path = tmp_path / "long.md"
    path.write_text("Claim [1]. Past the end [2100].\n\n## References\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    ncbi.on_search("[ti]", [])
    result = run_cli(["refs", str(path), "-f", "json", "--max-searches", "5", "-q"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["summary"]["references"] == 2000 and doc["summary"]["not found"] == 2000
    (hit,) = ncbi.hits("ecitmatch")
    assert hit.method == "POST" and len(hit.params["bdata"].split("\r")) == 2000
    assert ncbi.count("esearch") == 5 and ncbi.count("efetch") == 0
    notes = doc["notes"]
    assert any(n.startswith("1995 references were not searched by title (over the limit of 5") for n in notes)
    assert any("[2100]" in n and "points past the reference list (2000 references)" in n for n in notes)
    assert doc["references"][10]["note"] == "not searched by title (over the --max-searches limit)"


def test_references_in_another_script_and_malformed_dois_are_notes_not_errors(ncbi: Any, tmp_path: Path) -> None:
    path = tmp_path / "ru.md"
    path.write_text("Кетамин помогает [1]. Second [2].\n\n## References\n\n"
                    "1. Иванов ИИ. Кетамин при депрессии. Журнал. 2019;5:10-20.\n"
                    "2. Nobody A. Bad identifier here. doi:10.12/\n", encoding="utf-8")
    result = run_cli(["refs", str(path)])
    assert result.exit_code == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()[1:]]
    assert [r[1] for r in rows] == ["not found", "not found"]
    assert "Иванов" in rows[0][3]
    assert "malformed DOI '10.12/'" in rows[1][6]


HTML_AMA = """<!doctype html><html><head><title>Ketamine explained</title></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Ketamine explained</h1>
<p>Ketamine relieved obsessions within hours.<sup>1</sup> A meta-analysis agreed.<sup>2,3</sup></p>
<h2>References</h2>
<ol>
<li>Rivera CI, Bloom MH. Randomized crossover trial of ketamine in obsessive-compulsive disorder. <i>J Synth Tests</i>. 2013;12(3):100-110.</li>
<li>Stone K. Ketamine for OCD: a meta-analysis. <i>J Psychiatr Synth</i>. 2019;25(2):50-60. <a href="https://doi.org/10.99999/ret.1">doi:10.99999/ret.1</a></li>
<li>Adler P. Rapid response to ketamine in severe OCD. <i>BMJ Synth Rep</i>. 2017;7:e100. <a href="https://pubmed.ncbi.nlm.nih.gov/99000015/">PubMed</a></li>
</ol></article></body></html>
"""


def test_an_html_page_by_url_with_superscripts_and_an_ama_list(served: Any) -> None:
    from tests.ncbi_server import Reply

    served.route("article.html", lambda hit: Reply(HTML_AMA, content_type="text/html; charset=UTF-8"))
    result = run_cli(["refs", served.url + "article.html", "-f", "json", "--strict"])
    assert result.exit_code == 8, result.stderr
    doc = json.loads(result.stdout)
    assert doc["source"]["kind"] == "html" and doc["source"]["title"] == "Ketamine explained"
    assert [(r["number"], r["status"], r["pmid"], r["resolved_by"], r["flags"]) for r in doc["references"]] == [
        (1, "found", "99000011", "ecitmatch", []),
        (2, "found", "99000014", "doi", ["retracted"]),
        (3, "found", "99000015", "pmid", ["expression of concern"]),
    ]
    assert [c["references"] for c in doc["citations"]] == [[1], [2, 3]]
    assert "refs --strict: 2 references not found, retracted or with an expression of concern: 2, 3" in result.stderr


def test_a_markdown_article_with_footnotes(served: Any, tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "# Notes\n\nKetamine relieved obsessions within hours[^rivera]. Esketamine helped older adults[^2].\n\n"
        "[^rivera]: Rivera CI, Bloom MH. Randomized crossover trial of ketamine in obsessive-compulsive disorder. "
        "J Synth Tests. 2013;12(3):100-110.\n"
        "[^2]: Banks LF, Adler P. Esketamine in late-life depression: a randomized trial. J Synth Tests. "
        "2016;14(2):200-10.\n",
        encoding="utf-8",
    )
    doc = json.loads(run_cli(["refs", str(path), "-f", "json"]).stdout)
    assert [(r["label"], r["status"], r["pmid"]) for r in doc["references"]] == [
        ("rivera", "found", "99000011"),
        ("2", "found", "99000012"),
    ]
    assert [c["references"] for c in doc["citations"]] == [[1], [2]]


def test_ncbi_failing_on_the_fetch_keeps_the_audit_and_exits_9(served: Any, article: str) -> None:
    served.fail("efetch", "500", times=50)
    result = run_cli(["refs", article, "-f", "json"])
    assert result.exit_code == ExitCode.INCOMPLETE == 9, result.stderr
    doc = json.loads(result.stdout)
    # references 3 and 8 are known to be missing (their searches found nothing); the others wait
    assert doc["summary"]["found"] == 0 and doc["summary"]["not checked"] == 7
    assert doc["references"][0]["note"].startswith("not checked: NCBI failed to return the records (")
    assert doc["references"][2]["note"] == "no match by citation or title"
    assert "refs: the audit is incomplete: 7 references could not be checked" in result.stderr
    assert result.stderr.count("Warning: NCBI failed to return") == 1
    assert run_cli(["refs", article, "--strict", "-q"]).exit_code == 8  # 3 and 8 are known to be missing


def test_a_failing_title_search_marks_only_its_reference(served: Any, article: str) -> None:
    served.fail("esearch", "400", times=1)  # the first title search (reference 2)
    result = run_cli(["refs", article, "-f", "json"])
    assert result.exit_code == 9
    refs = {r["number"]: r for r in json.loads(result.stdout)["references"]}
    assert refs[2]["status"] == "not found" and refs[2]["note"].startswith("not checked: the title search failed")
    assert refs[1]["status"] == "found" and refs[7]["status"] == "found"
    strict = run_cli(["refs", article, "--strict", "-q"])
    assert strict.exit_code == 8  # references known to be missing or retracted win over incomplete


def test_strict_with_nothing_known_missing_but_ncbi_failing_exits_9(ncbi: Any, tmp_path: Path) -> None:
    ncbi.set_articles({"99000011": pubmed_article(99000011, title="A trial.", year=2013)})
    ncbi.fail("efetch", "503", times=50)
    path = tmp_path / "one.md"
    path.write_text("Claim [1].\n\n## References\n\n1. Rivera CI. A trial. PMID: 99000011\n", encoding="utf-8")
    result = run_cli(["refs", str(path), "--strict"])
    assert result.exit_code == 9 and "refs --strict" not in result.stderr
