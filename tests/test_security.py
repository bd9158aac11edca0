"""Secrets and untrusted text, end to end through the real CLI.

1. The NCBI API key (a recognisable fake) never leaves the process except as the
   `api_key` parameter NCBI needs: not on stdout/stderr, not in the library file
   (search cache included), exported files, `config get`, error messages (also
   when NCBI echoes the URL), DEBUG logs, or LITCLI_DEBUG=1 tracebacks.
2. Hostile PubMed text (terminal escapes, C1 controls, bidi overrides and isolates,
   rich markup, spreadsheet formulas, LaTeX/BibTeX breakers, Markdown/HTML) is shown
   inert everywhere; right-to-left letters and the U+200E/U+200F marks are kept.

Records arrive two ways: PubMed XML from the loopback server (XML cannot carry
ESC, but it can carry C1 controls such as U+009B CSI) and a MEDLINE file imported
into the library (which can carry raw ESC sequences).
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import bibtexparser
import pytest
import rispy

from litcli.errors import ExitCode
from tests.conftest import run_cli
from tests.ncbi_server import pubmed_article

ROOT = Path(__file__).resolve().parents[1]
KEY = "litcliFAKEkey0000secret00001234"  # 8-64 letters and digits, as config requires
MASKED = "****1234"
ESC = "\x1b"
# "Trojan Source": bidi embedding / override / isolate controls reorder a terminal line
RLO, PDF, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"
BIDI_CONTROLS = frozenset(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
ARABIC, HEBREW, RLM = "\u0643\u064a\u062a\u0627\u0645\u064a\u0646", "\u05e7\u05d8\u05de\u05d9\u05df", "\u200f"

# --- helpers -----------------------------------------------------------------------------


def assert_inert(text: str, where: str = "") -> None:
    """No terminal escape, no C0 control but \\t \\n \\r, no C1 control, no bidi control."""
    bad = [
        ch
        for ch in text
        if (ord(ch) < 32 and ch not in "\t\n\r") or 0x7F <= ord(ch) <= 0x9F or ch in BIDI_CONTROLS
    ]
    assert not bad, f"{where}: control characters {sorted(set(bad))!r} in {text[:400]!r}"


def assert_tty_inert(
    data: bytes, where: str = "", forbidden: frozenset[str] = frozenset({"31", "32", "41", "91", "5", "8"})
) -> str:
    """TTY output may hold the SGR codes litcli's own styles make, nothing else."""
    text = data.decode("utf-8")
    assert "\x1b]" not in text, f"{where}: OSC sequence (title / hyperlink) in {text[:300]!r}"
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert_inert(plain, where)
    # no colour litcli did not choose: the hostile records are not retracted, so no red
    codes = {c for seq in re.findall(r"\x1b\[([0-9;]*)m", text) for c in _sgr_attributes(seq)}
    assert not codes & forbidden, (where, codes)
    return plain


def _sgr_attributes(seq: str) -> list[str]:
    """The attributes of one SGR sequence; the parameters of an extended colour ("38;5;208",
    "48;2;10;20;30") are part of the colour, not attributes of their own (5 there is no blink)."""
    params, out = seq.split(";"), []
    i = 0
    while i < len(params):
        p = params[i]
        n = {"5": 3, "2": 5}.get(params[i + 1], 1) if p in ("38", "48", "58") and i + 1 < len(params) else 1
        out.append(";".join(params[i : i + n]))
        i += n
    return out


def run_tty(args: list[str], env: dict[str, str], *, columns: int = 200) -> tuple[int, bytes, bytes]:
    """`python -m litcli ARGS` with stdout on a real pseudo-terminal."""
    import pty

    master, slave = pty.openpty()
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "litcli", *args],
            stdout=slave,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            env={**env, "COLUMNS": str(columns), "LINES": "50", "TERM": "xterm-256color"},
            cwd=ROOT,
            timeout=60,
        )
    finally:
        os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return proc.returncode, out, proc.stderr


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "LITCLI_DEBUG")}
    env.update(extra)
    return env


def library_bytes(home: Path) -> bytes:
    """The library and its WAL/SHM side files, as bytes."""
    return b"".join(p.read_bytes() for p in sorted(home.glob("library.db*")) if p.is_file())


# --- 1. the API key ------------------------------------------------------------------------


@pytest.fixture
def keyed(ncbi, monkeypatch):
    monkeypatch.setenv("NCBI_API_KEY", KEY)
    ncbi.set_articles(
        {
            str(p): pubmed_article(p, title=f"Ketamine key test {p}.", doi=f"10.9999/key.{p}")
            for p in range(99000001, 99000004)
        }
    )
    return ncbi


def test_the_key_reaches_ncbi_and_nothing_else(keyed, isolated_env, tmp_path, caplog) -> None:
    caplog.set_level(logging.DEBUG)  # urllib3 logs every request URL at DEBUG
    outputs = []
    for args in (
        ["search", "ketamine", "--verbose"],
        ["search", "ketamine", "--format", "json", "--refresh"],
        ["search", "ketamine key", "--format", "csv", "--abstracts"],
        ["show", "99000002", "--refresh"],
        ["export", "99000001", "99000003", "-f", "ris", "--offline"],
    ):
        result = run_cli(args)
        assert result.exit_code == 0, (args, result.output)
        outputs.append(result.stdout + result.stderr)
    for fmt in ("bibtex", "ris", "csl-json", "nbib", "csv", "json", "markdown"):
        target = tmp_path / f"refs.{fmt}"
        result = run_cli(["export", "99000001", "99000002", "-f", fmt, "-o", str(target)])
        assert result.exit_code == 0, result.output
        outputs.append(result.stderr + target.read_text(encoding="utf-8"))
    # the key was really in play: NCBI got it with every request
    hits = keyed.hits()
    assert hits and all(h.params.get("api_key") == KEY for h in hits)
    assert any(h.endpoint == "efetch" for h in hits)
    for text in outputs:
        assert KEY not in text
    assert "api_key=REDACTED" in caplog.text  # urllib3's request lines were there, redacted
    assert KEY not in caplog.text
    stored = library_bytes(isolated_env)
    assert b"Ketamine key test" in stored  # the searches and records were kept...
    assert KEY.encode() not in stored  # ...without the key (search cache keys included)
    assert KEY[-12:].encode() not in stored


def test_config_get_masks_the_key(isolated_env, monkeypatch) -> None:
    result = run_cli(["config", "set", "api-key", KEY])
    assert result.exit_code == 0, result.output
    assert KEY not in result.output and MASKED in result.stderr
    config_file = isolated_env / "config.json"
    assert json.loads(config_file.read_text())["api_key"] == KEY  # stored, but private
    assert config_file.stat().st_mode & 0o777 == 0o600
    for args in (["config", "get"], ["config", "get", "api-key"]):
        result = run_cli(args)
        assert result.exit_code == 0
        assert KEY not in result.output and MASKED in result.stdout
    monkeypatch.setenv("NCBI_API_KEY", KEY.replace("1234", "9876"))
    result = run_cli(["config", "get"])
    assert re.search(r"^api-key\s+\*\*\*\*9876\s+\(NCBI_API_KEY\)$", result.stdout, re.MULTILINE)


def _echo_url(status: int, body: str = "xml"):
    """A route that answers with an error quoting the request URL (key included)."""

    def handler(hit):
        from urllib.parse import urlencode

        from tests.ncbi_server import Reply

        url = f"{hit.path}?{urlencode(hit.params)}"
        if body == "json":
            return Reply(json.dumps({"error": f"bad request {url}"}), status, {}, "application/json")
        return Reply(f"<eSearchResult><ERROR>Invalid request {url}</ERROR></eSearchResult>", status)

    return handler


@pytest.mark.parametrize(
    ("status", "body", "code"),
    [(400, "xml", ExitCode.NCBI), (200, "xml", ExitCode.NCBI), (200, "json", ExitCode.NCBI),
     (503, "xml", ExitCode.NCBI), (429, "json", ExitCode.NCBI)],
    ids=["400-error-element", "200-error-element", "200-json-error", "503-retried", "429-json"],
)
def test_ncbi_errors_that_echo_the_url_are_redacted(keyed, caplog, status, body, code) -> None:
    caplog.set_level(logging.DEBUG)
    keyed.route("esearch", _echo_url(status, body))
    result = run_cli(["search", "ketamine"], env={"LITCLI_MAX_TRIES": "2"})
    assert result.exit_code == code, result.output
    # retries announce their wait on a "Warning:" line; the error itself is one line
    lines = [x for x in result.stderr.splitlines() if not x.startswith("Warning: NCBI ")]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "api_key=REDACTED" in lines[0]  # NCBI's words are kept, the key is not
    assert KEY not in result.output and KEY not in caplog.text
    assert keyed.hits("esearch")[0].params["api_key"] == KEY


@pytest.mark.parametrize(
    "args",
    [["search", "ketamine"], ["show", "99000002", "--refresh"], ["check", "ARTICLE", "-q"]],
    ids=["search", "show", "check"],
)
def test_invalid_api_key_names_the_setting_never_the_key(keyed, tmp_path, args) -> None:
    """NCBI answers a bad key with HTTP 400 and a JSON body that echoes the key."""
    article = tmp_path / "article.txt"
    article.write_text("Ketamine reduces obsessive-compulsive symptoms in OCD.\n", encoding="utf-8")
    args = [str(article) if a == "ARTICLE" else a for a in args]
    keyed.fail("*", "api-key-invalid", times=10)
    result = run_cli(args)
    assert result.exit_code == ExitCode.NCBI, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: NCBI rejected the API key on ")
    assert "(HTTP 400: API key invalid)" in lines[0]
    assert lines[0].endswith(". Check NCBI_API_KEY or run `litcli config set api-key`")
    assert "query syntax" not in lines[0]
    assert KEY not in result.output and KEY[-12:] not in result.output
    assert keyed.count() == 1  # not retried
    assert keyed.hits()[0].params["api_key"] == KEY  # (and the reply echoed it)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("failure", ["refused", "echo", "reset", "timeout"])
def test_debug_tracebacks_never_show_the_key(keyed, isolated_env, failure) -> None:
    """LITCLI_DEBUG=1 in a real process: a traceback, but no key in it (nor in a chained
    requests exception, whose text holds the full request URL)."""
    url = keyed.url
    if failure == "refused":
        url = f"http://127.0.0.1:{_free_port()}/entrez/eutils/"
    elif failure == "echo":
        keyed.route("esearch", _echo_url(400))
    elif failure == "reset":
        keyed.fail("esearch", "close", times=5)
    else:
        keyed.fail("esearch", "hang", times=5, seconds=3)
    env = subprocess_env(
        LITCLI_HOME=str(isolated_env),
        LITCLI_EUTILS_URL=url,
        NCBI_API_KEY=KEY,
        NCBI_EMAIL="tests@example.org",
        LITCLI_DEBUG="1",
        LITCLI_MAX_TRIES="2",
        LITCLI_BACKOFF="0.01",
        LITCLI_READ_TIMEOUT="0.3",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "litcli", "search", "ketamine"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=60,
    )
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr  # debug mode really printed one
    assert KEY not in proc.stderr and KEY not in proc.stdout
    assert "During handling of the above exception" not in proc.stderr or "api_key=" not in proc.stderr
    if failure != "refused":
        assert keyed.count("esearch") >= 1 and keyed.hits("esearch")[0].params["api_key"] == KEY


def test_redact_keeps_the_text_around_the_key() -> None:
    from litcli.eutils import redact

    assert (
        redact(f"(HTTP 400: /esearch.fcgi?db=pubmed&api_key={KEY})")
        == "(HTTP 400: /esearch.fcgi?db=pubmed&api_key=REDACTED)"
    )
    assert redact(f"url 'x?api_key={KEY}&tool=litcli'") == "url 'x?api_key=REDACTED&tool=litcli'"
    assert redact(f"key {KEY} in prose", KEY) == "key REDACTED in prose"


# --- 2. untrusted text -----------------------------------------------------------------------

# XML can carry C1 controls (U+009B is CSI, U+009D OSC, U+009C ST) but not ESC.
XML_TITLE = (
    f"[bold red]Ketamine[/] OCD \x9b31mC1red\x9b0m \x9d0;pwned\x9c {RLO}devlos{PDF} {LRI}iso{PDI} "
    f"{ARABIC}{RLM} [link=https://evil.example]L[/link] "
    '=HYPERLINK("https://evil.example","x") {unbalanced \\input{/etc/passwd} '
    "<script>alert(1)</script> [x](javascript:alert(1)) } @misc{evil, title={x}}"
)
XML_ABSTRACT = "+cmd|' /C calc'!A0 [red]abs[/red] <img src=x onerror=alert(1)> ](javascript:alert(2))"
XML_PMID = "99000101"


def hostile_article() -> str:
    return pubmed_article(
        XML_PMID,
        title=XML_TITLE,
        authors=[("=cmd|' /C calc'!A0", "X"), ("[bold]Rivera[/bold]", "CI")],
        journal="@SUM(1+1) [blink]Journal[/blink] <b>x</b>",
        iso_abbreviation="-2+3 J",
        abstract=XML_ABSTRACT,
        doi='10.9999/evil"><script>alert(3)</script>](javascript:alert(4))',
    )


# MEDLINE text can carry raw ESC sequences: SGR colour, OSC 8 hyperlink, OSC 0 title, clear screen.
MEDLINE_PMID = "99000201"
MEDLINE_TITLE = (
    f"[bold red]Ketamine[/] for OCD {RLO}{HEBREW}{PDF} {ESC}[31mRED{ESC}[0m {ESC}]8;;https://evil.example/{ESC}\\click{ESC}]8;;{ESC}\\ "
    f"{ESC}]0;pwned\x07 {ESC}[2J{ESC}[H =HYPERLINK(\"x\") {{unbalanced \\cmd <script>alert(1)</script>"
)
HOSTILE_NBIB = f"""PMID- {MEDLINE_PMID}
STAT- MEDLINE
DP  - 2021 Mar
TI  - {MEDLINE_TITLE}
AB  - Ketamine reduced obsessive-compulsive symptoms in OCD compared with placebo
      {ESC}[32mgreen{ESC}[0m [bold]markup[/bold] =1+1 <script>alert(5)</script>.
FAU - =cmd{ESC}[32m, Evil
AU  - =cmd{ESC}[32m E
LA  - eng
PT  - Journal Article
PT  - Randomized Controlled Trial
MH  - Humans
MH  - Ketamine
MH  - Obsessive-Compulsive Disorder
JT  - @SUM(1+1){ESC}]0;t\x07 Journal [bold]x[/bold]
TA  - @SUM J{ESC}[5m

"""


@pytest.fixture
def hostile(ncbi, tmp_path):
    """The XML record on the loopback server, the MEDLINE record in the library."""
    ncbi.set_articles({XML_PMID: hostile_article()})
    nbib = tmp_path / "hostile.nbib"
    nbib.write_text(HOSTILE_NBIB, encoding="utf-8")
    result = run_cli(["library", "import", str(nbib)])
    assert result.exit_code == 0, result.output
    return ncbi


def test_piped_tables_and_show_are_inert(hostile) -> None:
    runs = {
        "search": run_cli(["search", "ketamine"]),
        "search --abstracts": run_cli(["search", "ketamine", "--abstracts", "--refresh"]),
        "show xml": run_cli(["show", XML_PMID]),
        "show medline": run_cli(["show", MEDLINE_PMID, "--offline"]),
        "library search": run_cli(["library", "search", "ketamine", "--abstracts"]),
        "library list": run_cli(["library", "list"]),
    }
    for name, result in runs.items():
        assert result.exit_code == 0, (name, result.output)
        assert_inert(result.stdout, name)
        assert_inert(result.stderr, name)
        # rich markup is printed as text, never interpreted
        assert "[bold red]Ketamine[/]" in result.stdout, name
    assert "C1red" in runs["search"].stdout and "RED" in runs["library list"].stdout
    # the bidi controls are gone, the right-to-left text and the RLM mark are not
    assert f"devlos iso {ARABIC}{RLM}" in runs["show xml"].stdout
    assert f"devlos iso {ARABIC}{RLM}" in runs["search"].stdout
    assert f"for OCD {HEBREW} RED" in runs["show medline"].stdout
    assert "[red]abs[/red]" in runs["show xml"].stdout
    assert "[bold]markup[/bold]" in runs["show medline"].stdout


@pytest.mark.parametrize(
    "args",
    [
        ["library", "list"],
        ["library", "search", "ketamine", "--abstracts"],
        ["show", MEDLINE_PMID, "--offline"],
        ["show", XML_PMID],
        ["search", "ketamine", "--abstracts"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_terminal_output_is_inert(hostile, isolated_env, args) -> None:
    env = subprocess_env(
        LITCLI_HOME=str(isolated_env), LITCLI_EUTILS_URL=hostile.url, NCBI_EMAIL="tests@example.org"
    )
    code, out, err = run_tty(args, env)
    assert code == 0, err
    plain = assert_tty_inert(out, " ".join(args))
    assert "\x1b[" in out.decode()  # really a terminal: litcli's own bold is there
    assert "[bold red]Ketamine[/]" in plain
    assert_inert(err.decode(), "stderr")


def _records_csv(text: str, delimiter: str = ",") -> list[list[str]]:
    if delimiter == "\t":
        return [line.split("\t") for line in text.splitlines()]
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_csv_and_tsv_cells_cannot_be_formulas(hostile, fmt) -> None:
    result = run_cli(["export", XML_PMID, MEDLINE_PMID, "-f", fmt, "--abstracts"])
    assert result.exit_code == 0, result.output
    assert_inert(result.stdout.replace("\r\n", "\n"), fmt)
    rows = _records_csv(result.stdout, "," if fmt == "csv" else "\t")
    header, body = rows[0], rows[1:]
    assert len(body) == 2 and all(len(r) == len(header) for r in body)
    for row in body:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (fmt, cell)
    by_col = dict(zip(header, body[0], strict=True))
    assert by_col["first_author"].startswith("'=cmd")
    assert by_col["journal"] == "'-2+3 J"
    assert by_col["abstract"].startswith("'+cmd")


def test_bibtex_of_hostile_records_parses_as_exactly_those_entries(hostile) -> None:
    result = run_cli(["export", XML_PMID, MEDLINE_PMID, "-f", "bibtex", "--abstracts"])
    assert result.exit_code == 0, result.output
    assert_inert(result.stdout, "bibtex")
    library = bibtexparser.parse_string(result.stdout)
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    assert len(library.entries) == 2
    assert all(e.key != "evil" and e.entry_type == "article" for e in library.entries)
    fields = {e.fields_dict["pmid"].value: e.fields_dict for e in library.entries}
    assert set(fields) == {XML_PMID, MEDLINE_PMID}
    title = fields[XML_PMID]["title"].value
    assert "@misc" in title and "unbalanced" in title  # inside the title, not a new entry
    assert "\\input{" not in title  # backslashes become \textbackslash{}
    for entry in library.entries:
        for field in entry.fields:
            value = field.value
            depth = 0
            for i, ch in enumerate(value):
                if ch in "{}" and (i == 0 or value[i - 1] != "\\"):
                    depth += 1 if ch == "{" else -1
                    assert depth >= 0, (field.key, value)
            assert depth == 0, (field.key, value)


def test_ris_of_hostile_records_has_one_line_per_tag(hostile) -> None:
    result = run_cli(["export", XML_PMID, MEDLINE_PMID, "-f", "ris", "--abstracts"])
    assert result.exit_code == 0, result.output
    assert_inert(result.stdout, "ris")
    entries = rispy.loads(result.stdout)
    assert len(entries) == 2
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*|", line) for line in result.stdout.splitlines())


def _markdown_html(text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").render(text)


def _assert_safe_html(html: str, where: str) -> None:
    assert "<script" not in html and "<img" not in html and "<b>" not in html, (where, html)
    hrefs = re.findall(r'href="([^"]*)"', html)
    trusted = ("https://pubmed.ncbi.nlm.nih.gov/", "https://doi.org/", "https://pmc.ncbi.nlm.nih.gov/")
    assert all(h.startswith(trusted) for h in hrefs), (where, hrefs)
    # a hostile DOI stays inside its doi.org link, percent-encoded
    assert not any(re.search(r"[\s<>\"]", h) for h in hrefs), (where, hrefs)


def test_markdown_export_renders_without_html_or_foreign_links(hostile) -> None:
    result = run_cli(["export", XML_PMID, MEDLINE_PMID, "-f", "markdown", "--abstracts"])
    assert result.exit_code == 0, result.output
    assert_inert(result.stdout, "markdown")
    html = _markdown_html(result.stdout)
    _assert_safe_html(html, "markdown export")
    assert html.count('href="https://pubmed.ncbi.nlm.nih.gov/') == 2
    assert "https://pubmed.ncbi.nlm.nih.gov/99000101/" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text
    assert "[bold red]Ketamine[/]" in html


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csl-json", "nbib", "ama", "vancouver", "ids"])
def test_other_formats_carry_no_control_characters(hostile, fmt) -> None:
    result = run_cli(["export", XML_PMID, MEDLINE_PMID, "-f", fmt, "--abstracts"])
    assert result.exit_code == 0, result.output
    assert_inert(result.stdout, fmt)  # C1 controls too (json.dumps writes those raw)
    if fmt in ("json", "jsonl"):
        # the record JSON is lossless: the controls are escaped, and decode back
        records = (
            json.loads(result.stdout)
            if fmt == "json"
            else [json.loads(line) for line in result.stdout.splitlines()]
        )
        titles = {r["pmid"]: r["title"] for r in records}
        assert "\x9b31mC1red" in titles[XML_PMID]
        assert f"{RLO}devlos{PDF} {LRI}iso{PDI} {ARABIC}{RLM}" in titles[XML_PMID]
        assert f"{RLO}{HEBREW}{PDF}" in titles[MEDLINE_PMID]
        assert f"{ESC}[31mRED" in titles[MEDLINE_PMID]


ARTICLE = (
    f"Ketamine reduced symptoms of OCD [bold red]in most patients[/] {ESC}[31mred{ESC}[0m {RLO}lasrever{PDF} "
    "according to <script>alert(6)</script> trials | with pipes ](javascript:alert(7)) "
    f"{ESC}]0;pwned\x07.\n"
)


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json"])
def test_check_report_with_hostile_article_and_evidence_is_inert(hostile, tmp_path, fmt) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_cli(["check", str(article), "--offline", "-f", fmt, "-q"])
    assert result.exit_code == 0, result.output
    assert_inert(result.stdout, f"check {fmt}")
    assert_inert(result.stderr, f"check {fmt} stderr")
    assert MEDLINE_PMID in result.stdout  # the hostile record is cited as evidence
    if fmt == "markdown":
        html = _markdown_html(result.stdout)
        _assert_safe_html(html, "check markdown")
        assert "&lt;script&gt;alert(5)" in html  # the cited abstract sentence, as text
        # the claim's pipe does not split the summary table's row
        rows = [line for line in result.stdout.splitlines() if line.startswith("| 1 ")]
        assert rows and all(len(re.findall(r"(?<!\\)\|", row)) == 5 for row in rows), rows
    else:
        assert "[bold red]in most patients[/]" in result.stdout
    if fmt == "json":  # lossless: the controls are escaped in the text, and decode back
        doc = json.loads(result.stdout)
        titles = {e["pmid"]: e["title"] for c in doc["claims"] for e in c["evidence"]}
        assert RLO in titles[MEDLINE_PMID] and HEBREW in titles[MEDLINE_PMID]
        assert "lasrever" in doc["claims"][0]["text"] and RLO not in doc["claims"][0]["text"]


def test_check_terminal_report_on_a_tty_is_inert(hostile, isolated_env, tmp_path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env = subprocess_env(LITCLI_HOME=str(isolated_env), LITCLI_EUTILS_URL=hostile.url)
    code, out, err = run_tty(["check", str(article), "--offline", "-q"], env, columns=160)
    assert code == 0, err
    # the report colours its verdicts itself (green "supported"); blink/conceal never
    plain = assert_tty_inert(out, "check tty", forbidden=frozenset({"5", "8"}))
    assert "[bold red]in most patients[/]" in plain


@pytest.mark.parametrize(
    "args",
    [
        ["search", f"ketamine {ESC}]0;pwned\x07 ({ESC}[31m"],
        ["show", f"{ESC}[31m12{ESC}]8;;https://evil.example{ESC}\\"],
        ["export", "PMID:\x9b31m1"],
        ["topics", "show", f"{ESC}[2Jnope"],
        ["config", "set", "email", f"x{ESC}[31m"],
        ["library", "search", f"ketamine{ESC}[31m", "--type", f"\x9b31m{ESC}]0;t\x07"],
    ],
    ids=["search", "show", "export", "topics", "config", "library-search"],
)
def test_error_messages_quoting_input_are_inert(ncbi, args) -> None:
    result = run_cli(args)
    assert result.exit_code == ExitCode.USAGE, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert_inert(result.stderr, "error")
    assert ncbi.count() == 0


def test_ncbi_warnings_and_translation_are_inert(ncbi) -> None:
    ncbi.set_articles({"99000001": pubmed_article(99000001)})
    ncbi.on_search(
        "ketamine",
        ["99000001"],
        translation="ketamine\x9b31m[All Fields]\x9d0;pwned\x9c",
        warnings={"OutputMessage": ["No items \x9b2J found [bold]x[/bold]"]},
        errors={"PhraseNotFound": ["kеtamine\x9b31m"]},
    )
    result = run_cli(["search", "ketamine", "--verbose"])
    assert result.exit_code == 0, result.output
    assert_inert(result.stderr, "warnings")
    assert "[bold]x[/bold]" in result.stderr
    assert "PubMed's translation" in result.stderr and "[All Fields]" in result.stderr
