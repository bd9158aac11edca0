"""Terminal UX standards across every command.

* stdout carries data only; progress, warnings and errors go to stderr.
* Piped output has no ANSI codes and no box drawing; NO_COLOR removes colour even on
  a real terminal (and keeps the table layout).
* `search --format ids | export -` works between two real processes.
* Every bad input ends in exactly one "Error: ..." line on stderr, the README's exit
  code, no traceback, and no request to NCBI when the input alone is wrong.
* Ctrl-C (a real SIGINT to a real process) exits 130 without a traceback.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import bibtexparser
import pytest

from litcli.errors import ExitCode
from tests.conftest import run_cli
from tests.ncbi_server import pubmed_article
from tests.test_security import run_tty, subprocess_env

ROOT = Path(__file__).resolve().parents[1]
BOX_DRAWING = {chr(c) for c in range(0x2500, 0x2580)}


def articles(n: int, first: int = 99000001, **kw) -> dict[str, str]:
    return {
        str(p): pubmed_article(
            p, title=f"Ketamine synthetic article {p}.", authors=[("Rivera", "CI"), ("Stone", "K")], **kw
        )
        for p in range(first, first + n)
    }


def assert_plain(text: str, where: str) -> None:
    assert "\x1b" not in text, f"{where}: ANSI escape in {text[:300]!r}"
    assert not BOX_DRAWING & set(text), f"{where}: box drawing in {text[:300]!r}"


def env_for(ncbi, home: Path, **extra: str) -> dict[str, str]:
    return subprocess_env(
        LITCLI_HOME=str(home),
        LITCLI_EUTILS_URL=ncbi.url,
        NCBI_EMAIL="tests@example.org",
        LITCLI_REQUESTS_PER_SECOND="50",
        LITCLI_BACKOFF="0.01",
        **extra,
    )


# --- stdout / stderr ------------------------------------------------------------------------


def test_piped_output_of_every_command_is_plain(ncbi, tmp_path) -> None:
    ncbi.set_articles(articles(3, publication_types=["Randomized Controlled Trial", "Retracted Publication"]))
    runs = {
        "search": run_cli(["search", "ketamine", "--abstracts"]),
        "search count": run_cli(["search", "ketamine", "--count"]),
        "show": run_cli(["show", "99000001", "99000002"]),
        "library list": run_cli(["library", "list"]),
        "library search": run_cli(["library", "search", "ketamine", "--abstracts"]),
        "library stats": run_cli(["library", "stats"]),
        "topics": run_cli(["topics"]),
        "topics show": run_cli(["topics", "show", "ketamine-ocd"]),
        "config get": run_cli(["config", "get"]),
        "export": run_cli(["export", "99000003", "-f", "ama"]),
    }
    for name, result in runs.items():
        assert result.exit_code == 0, (name, result.output)
        assert result.stdout.strip(), name
        assert_plain(result.stdout, name)
        assert_plain(result.stderr, name)
    # the retraction flag survives the plain output (--abstracts: one more column)
    assert runs["search"].stdout.splitlines()[1].endswith("\tRCT\tretracted\tA synthetic abstract.")
    # the table header goes to stderr when piped; stdout is the TSV alone
    assert runs["search"].stdout.startswith("#\tPMID\tYear\t")
    assert "Showing 3 of 3" in runs["search"].stderr
    assert runs["search count"].stdout == "3\n"


def test_data_on_stdout_messages_on_stderr(ncbi, tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("NCBI_EMAIL")
    import litcli.eutils

    monkeypatch.setattr(litcli.eutils, "_email_warned", False)
    ncbi.set_articles(articles(2))
    ncbi.on_search("ketamine", ["99000001", "99000002"], warnings={"OutputMessage": ["Fake warning."]})
    result = run_cli(["search", "ketamine", "--format", "json", "--verbose"])
    assert result.exit_code == 0, result.output
    assert [r["pmid"] for r in json.loads(result.stdout)["records"]] == ["99000001", "99000002"]  # only data
    assert "no email address configured" in result.stderr  # the warning ...
    assert "Fake warning." in result.stderr  # ... NCBI's message ...
    assert "Query: " in result.stderr  # ... and --verbose all on stderr

    target = tmp_path / "refs.bib"
    result = run_cli(["export", "99000001", "99000999", "-f", "bibtex", "-o", str(target)])
    assert result.exit_code == ExitCode.NOT_FOUND
    assert result.stdout == ""  # a file was asked for: nothing on stdout
    assert "Not found: 99000999" in result.stderr and "Wrote 1 record" in result.stderr
    assert len(bibtexparser.parse_string(target.read_text()).entries) == 1


@pytest.mark.parametrize(
    "args",
    [["search", "ketamine"], ["show", "99000001"], ["export", "99000001", "-f", "ris"], ["check", "{art}", "-q"]],
)
def test_missing_email_warning_is_the_same_everywhere(ncbi, tmp_path, monkeypatch, args) -> None:
    import litcli.eutils

    monkeypatch.delenv("NCBI_EMAIL")
    monkeypatch.setattr(litcli.eutils, "_email_warned", False)
    ncbi.set_articles(articles(1))
    art = tmp_path / "art.txt"
    art.write_text("Ketamine reduces depression symptoms in adults within hours.\n")
    result = run_cli([a.replace("{art}", str(art)) for a in args])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "no email address configured" in line]
    assert len(warnings) == 1 and warnings[0].startswith("Warning: no email address configured"), result.stderr
    assert "no email" not in result.stdout


def test_no_color_on_a_real_terminal(ncbi, isolated_env) -> None:
    ncbi.set_articles(articles(2, publication_types=["Retracted Publication"]))
    env = env_for(ncbi, isolated_env)
    code, coloured, _ = run_tty(["search", "ketamine"], env)
    assert code == 0
    assert "\x1b[" in coloured.decode()  # a terminal gets styles ...
    code, out, err = run_tty(["search", "ketamine"], {**env, "NO_COLOR": "1"})
    text = out.decode()
    assert code == 0, err
    assert "\x1b" not in text  # ... NO_COLOR none at all
    lines = text.splitlines()
    # still the terminal table (aligned columns, header on stdout), not the piped TSV
    assert lines[0].startswith("Showing 2 of 2")
    assert "\t" not in text and lines[1].split()[:3] == ["#", "PMID", "Year"]
    assert "RETRACTED" in text
    code, out, _ = run_tty(["show", "99000001"], {**env, "NO_COLOR": "1"})
    assert code == 0 and "\x1b" not in out.decode() and "RETRACTED" in out.decode()


def test_an_empty_no_color_keeps_colour(ncbi, isolated_env) -> None:
    """no-color.org: only a NO_COLOR with a value turns colour off."""
    ncbi.set_articles(articles(2, publication_types=["Retracted Publication"]))
    env = env_for(ncbi, isolated_env)
    for command in (["search", "ketamine"], ["show", "99000001"]):
        code, out, err = run_tty(command, {**env, "NO_COLOR": ""})
        assert code == 0, err
        assert "\x1b[" in out.decode(), command


def test_search_ids_piped_into_export_between_two_processes(ncbi, isolated_env) -> None:
    ncbi.set_articles(articles(5))
    ncbi.on_search("ketamine", ["99000004", "99000002", "99000005"])
    env = env_for(ncbi, isolated_env)
    search = subprocess.Popen(
        [sys.executable, "-m", "litcli", "search", "ketamine", "--format", "ids"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
    )
    export = subprocess.Popen(
        [sys.executable, "-m", "litcli", "export", "-", "-f", "bibtex"],
        stdin=search.stdout, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
    )
    assert search.stdout is not None
    search.stdout.close()  # the pipe now belongs to the two children
    out, err = export.communicate(timeout=60)
    search_err = search.stderr.read() if search.stderr else b""
    assert search.wait(timeout=60) == 0, search_err
    assert export.returncode == 0, err
    entries = bibtexparser.parse_string(out.decode()).entries
    assert [e.fields_dict["pmid"].value for e in entries] == ["99000004", "99000002", "99000005"]
    assert b"\x1b" not in out + err + search_err


def test_a_reader_that_leaves_early_is_not_an_error(ncbi, isolated_env) -> None:
    """`litcli search ... | head -1`: exit 0, no traceback, no 'Exception ignored'."""
    ncbi.set_articles(articles(300, abstract="A long synthetic abstract. " * 20))
    proc = subprocess.Popen(
        [sys.executable, "-m", "litcli", "search", "ketamine", "--max", "300", "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env_for(ncbi, isolated_env), cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline() == b"{\n"
    proc.stdout.close()  # like head: read a line, then go away
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert "Traceback" not in err and "Exception ignored" not in err and "Error" not in err


def _read_one_line_then_leave(args: list[str], env: dict[str, str], **kw) -> tuple[int, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "litcli", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT, **kw,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()
    proc.stdout.close()  # like `head -1`
    err = proc.stderr.read().decode()
    return proc.wait(timeout=120), err


def test_show_and_check_readers_that_leave_early_are_not_errors(ncbi, isolated_env, tmp_path) -> None:
    """rich's own broken-pipe handler exits 1; litcli's rule (exit 0, quietly) must win."""
    ncbi.set_articles(articles(60, abstract="A long synthetic abstract about ketamine. " * 40))
    env = env_for(ncbi, isolated_env)
    ids = [str(p) for p in range(99000001, 99000061)]
    code, err = _read_one_line_then_leave(["show", *ids], env)  # rich text, > a pipe buffer
    assert code == 0, err
    assert "Traceback" not in err and "Exception ignored" not in err and "Error" not in err
    art = tmp_path / "art.txt"
    art.write_text("".join(f"Ketamine reduces depression symptoms in trial {i} of adults.\n\n" for i in range(400)))
    for extra in ([], ["--claims-only"]):  # the rich report, and plain click output
        code, err = _read_one_line_then_leave(["check", str(art), "--offline", "-q", *extra], env)
        assert code == 0, (extra, err)
        assert "Traceback" not in err and "Exception ignored" not in err and "Error" not in err
    assert ncbi.count("efetch") == 1  # show fetched once; check stayed offline


# --- bad inputs: one line, the right exit code, no traceback, no request ---------------------

USAGE, INPUT, LIBRARY = ExitCode.USAGE, ExitCode.INPUT, ExitCode.LIBRARY
BAD_INPUTS = [
    # (arguments, exit code); {d} is a scratch directory with the files below
    (["search", ""], USAGE),
    (["search", "   "], USAGE),
    (["search", '"ketamine AND OCD'], USAGE),
    (["search", "(ketamine AND OCD"], USAGE),
    (["search", "ketamine)"], USAGE),
    (["search", "ketamine\x1b[2J"], USAGE),
    (["search", "--topic", "no-such-topic"], USAGE),
    (["topics", "show", "no-such-topic"], USAGE),
    (["search", "ketamine", "--max", "0"], USAGE),
    (["search", "ketamine", "--max", "-1"], USAGE),
    (["search", "ketamine", "--max", "many"], USAGE),
    (["search", "ketamine", "--since", "2030", "--until", "2000"], USAGE),
    (["search", "ketamine", "--type", "anecdote"], USAGE),
    (["search", "ketamine", "--sort", "random"], USAGE),
    (["search", "ketamine", "--format", "docx"], USAGE),
    (["search", "ketamine", "--no-such-option"], USAGE),
    (["show", "banana"], USAGE),
    (["show", "10.", "PMC"], USAGE),
    (["show", "99000001", "--format", "docx"], USAGE),
    (["show"], USAGE),
    (["export", "banana"], USAGE),
    (["export", "99000001", "-f", "docx"], USAGE),
    (["export", "99000001", "-o", "{d}/missing-dir/refs.bib"], USAGE),
    (["export", "99000001", "-o", "{d}"], USAGE),
    (["export", "99000001", "-o", "{d}/exists.bib"], USAGE),
    (["check", "{d}/missing.txt"], INPUT),
    (["check", "{d}/empty.txt"], INPUT),
    (["check", "{d}/binary.dat"], INPUT),
    (["check", "{d}"], INPUT),
    (["check", "{d}/empty.txt", "-f", "docx"], USAGE),
    (["check", "{d}/article.txt", "--max", "0"], USAGE),
    (["check", "{d}/article.txt", "-o", "{d}/missing-dir/report.md"], USAGE),
    (["library", "import", "{d}/missing.xml"], INPUT),
    (["library", "import", "{d}/empty.txt"], INPUT),
    (["library", "import", "{d}/binary.dat"], INPUT),
    (["library", "import", "{d}"], INPUT),
    (["library", "search", ""], USAGE),
    (["library", "search", "ketamine", "--max", "0"], USAGE),
    (["library", "search", "ketamine", "--since", "2030", "--until", "2000"], USAGE),
    (["library", "search", "ketamine", "--type", "anecdote"], USAGE),
    (["library", "search", "ketamine", "-f", "docx"], USAGE),
    (["library", "search", "ketamine", "-o", "{d}/missing-dir/x.json"], USAGE),
    (["library", "list", "-o", "{d}/missing-dir/x.tsv"], USAGE),
    (["library", "export", "-o", "{d}/missing-dir/x.json"], USAGE),
    (["library", "export", "-f", "docx"], USAGE),
    (["library", "remove", "banana"], USAGE),
    (["config", "get", "no-such-setting"], USAGE),
    (["config", "set", "email", "not-an-address"], USAGE),
    (["config", "set", "api-key", "short"], USAGE),
    (["config", "set", "max-tries", "0"], USAGE),
    (["no-such-command"], USAGE),
]


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.dat").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "exists.bib").write_text("% mine\n")
    (tmp_path / "article.txt").write_text("Ketamine reduces OCD symptoms within hours.\n")
    return tmp_path


def assert_one_error_line(result, code: int, where: str) -> str:
    assert result.exit_code == code, (where, result.exit_code, result.output)
    assert result.exception is None, (where, result.exception)
    assert "Traceback" not in result.output, where
    lines = result.stderr.splitlines()
    assert len(lines) == 1, (where, result.stderr)
    assert lines[0].startswith("Error: ") and len(lines[0]) > len("Error: ") + 10, (where, lines)
    assert result.stdout == "", (where, result.stdout)
    return lines[0]


@pytest.mark.parametrize(("args", "code"), BAD_INPUTS, ids=lambda v: " ".join(v) if isinstance(v, list) else str(int(v)))
def test_bad_input_is_one_error_line(ncbi, scratch, args, code) -> None:
    argv = [a.format(d=scratch) for a in args]
    result = run_cli(argv)
    assert_one_error_line(result, code, " ".join(args))
    assert ncbi.count() == 0, f"{args}: a request was sent for bad input"
    assert (scratch / "exists.bib").read_text() == "% mine\n"


def test_unknown_pmid_is_named_then_one_error_line(ncbi) -> None:
    result = run_cli(["export", "99000999"])
    assert result.exit_code == ExitCode.NOT_FOUND and result.stdout == ""
    assert result.stderr.splitlines() == [
        "Not found: 99000999 — no PubMed record with this PMID",
        "Error: nothing to export",
    ]


def test_network_and_ncbi_failures_are_one_line(ncbi) -> None:
    ncbi.set_articles(articles(1))
    ncbi.fail("esearch", "503", times=10)
    result = run_cli(["search", "ketamine"], env={"LITCLI_MAX_TRIES": "2"})
    assert result.exit_code == ExitCode.NCBI and "Traceback" not in result.output
    retry, line = result.stderr.splitlines()  # the wait before the retry is announced, once
    assert retry.startswith("Warning: NCBI error (HTTP 503); retrying in ")
    assert retry.endswith(" s (attempt 2 of 2)")
    assert line.startswith("Error: ") and "HTTP 503" in line
    ncbi.fail("efetch", "html", times=1)  # retried like a 5xx (here: no second try), exit 5
    result = run_cli(["show", "99000001"], env={"LITCLI_MAX_TRIES": "1"})
    assert_one_error_line(result, ExitCode.NCBI, "html")
    result = run_cli(["search", "ketamine"], env={"LITCLI_EUTILS_URL": "http://127.0.0.1:9/entrez/eutils/", "LITCLI_MAX_TRIES": "1"})
    line = assert_one_error_line(result, ExitCode.NETWORK, "refused")
    assert "cannot reach NCBI" in line


CORRUPT_CONFIG = [["search", "ketamine"], ["show", "99000001"], ["export", "99000001"], ["config", "get"]]


@pytest.mark.parametrize("args", CORRUPT_CONFIG, ids=" ".join)
def test_unreadable_config_file(ncbi, isolated_env, args) -> None:
    (isolated_env / "config.json").write_text('{"email": "a@b.org",\n  "api_key": ')
    line = assert_one_error_line(run_cli(args), USAGE, " ".join(args))
    assert "config.json" in line and "not valid JSON" in line
    assert ncbi.count() == 0


CORRUPT_LIBRARY = [
    ["export", "99000001", "--offline"],
    ["library", "list"],
    ["library", "search", "ketamine"],
    ["library", "stats"],
    ["library", "export"],
    ["library", "remove", "99000001"],
    ["library", "import", "{d}/article.txt"],
]


@pytest.mark.parametrize("args", CORRUPT_LIBRARY, ids=lambda a: " ".join(a[:2]))
def test_corrupt_library_file(ncbi, isolated_env, scratch, args) -> None:
    garbage = bytes(range(256)) * 64
    (isolated_env / "library.db").write_bytes(garbage)
    result = run_cli([a.format(d=scratch) for a in args])
    line = assert_one_error_line(result, LIBRARY, " ".join(args))
    assert "library.db" in line
    assert (isolated_env / "library.db").read_bytes() == garbage  # never "repaired" silently


@pytest.mark.parametrize("command", ["show", "export"])
def test_show_and_export_with_a_corrupt_library_answer_from_pubmed(
    ncbi, isolated_env, command
) -> None:
    garbage = b"not a database" * 100
    (isolated_env / "library.db").write_bytes(garbage)
    ncbi.set_articles(articles(1))
    result = run_cli([command, "99000001", "--format", "ids"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "99000001\n"
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1 and "library" in warnings[0] and "library.db" in warnings[0]
    assert ncbi.count("efetch") == 1
    assert (isolated_env / "library.db").read_bytes() == garbage  # never "repaired" silently
    # offline there is nothing else to answer from: the library error, exit 7
    offline = run_cli([command, "99000001", "--offline"])
    assert offline.exit_code == LIBRARY and offline.stdout == ""
    assert [ln for ln in offline.stderr.splitlines() if ln.startswith("Error:")][0].count("library.db") == 1


def test_search_with_a_corrupt_library_still_answers_and_says_why(ncbi, isolated_env) -> None:
    (isolated_env / "library.db").write_bytes(b"not a database" * 100)
    ncbi.set_articles(articles(1))
    result = run_cli(["search", "ketamine", "--format", "ids"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "99000001\n"
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1 and "library" in warnings[0]


# --- Ctrl-C ---------------------------------------------------------------------------------


@pytest.mark.parametrize("debug", ["", "1"], ids=["normal", "LITCLI_DEBUG"])
def test_ctrl_c_during_a_hanging_request_exits_130(ncbi, isolated_env, debug) -> None:
    ncbi.fail("esearch", "hang", seconds=20)
    env = env_for(ncbi, isolated_env, LITCLI_READ_TIMEOUT="30")
    if debug:
        env["LITCLI_DEBUG"] = debug
    proc = subprocess.Popen(
        [sys.executable, "-m", "litcli", "search", "ketamine"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
    )
    deadline = time.monotonic() + 30
    while ncbi.count("esearch") == 0:  # the request is in flight and hanging
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(0.1)
    started = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=15)
    assert time.monotonic() - started < 10  # it did not wait for the server
    assert proc.returncode == ExitCode.INTERRUPTED, err
    assert out == b""
    text = err.decode()
    assert "Traceback" not in text and "KeyboardInterrupt" not in text
    assert [line for line in text.splitlines() if line.strip()] in (["Aborted."], ["Interrupted."])


def test_ctrl_c_during_an_import_keeps_what_was_imported(isolated_env, tmp_path) -> None:
    """SIGINT to a real `library import`: exit 130, no traceback, the library opens after."""
    body = "".join(
        pubmed_article(p, abstract="Synthetic abstract text. " * 40) for p in range(99000001, 99030001)
    )
    big = tmp_path / "big.xml"
    big.write_text(f"<PubmedArticleSet>{body}</PubmedArticleSet>", encoding="utf-8")
    env = subprocess_env(LITCLI_HOME=str(isolated_env))
    proc = subprocess.Popen(
        [sys.executable, "-m", "litcli", "library", "import", str(big)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
    )
    db = isolated_env / "library.db"
    deadline = time.monotonic() + 30
    while not (db.exists() and db.stat().st_size > 100_000) and proc.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.skip("the import finished before it could be interrupted (very fast machine)")
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == ExitCode.INTERRUPTED, err
    assert b"Traceback" not in err
    result = run_cli(["library", "stats", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert 0 < json.loads(result.stdout)["records"] < 30000
    assert os.path.exists(db)


def test_control_characters_in_a_query_are_refused_before_sending(ncbi) -> None:
    """A pasted escape sequence is neither sent to NCBI nor echoed (--verbose) to the terminal."""
    result = run_cli(["search", "ketamine \x1b7 \x9b2J \x07", "--verbose"])
    line = assert_one_error_line(result, USAGE, "control characters")
    assert "control character (U+001B)" in line
    assert ncbi.count() == 0
    ncbi.set_articles(articles(1))
    result = run_cli(["search", "ketamine\tAND\nOCD", "--format", "ids"])  # whitespace is fine
    assert result.exit_code == 0 and result.stdout == "99000001\n"


def test_writing_to_a_full_disk_is_a_one_line_error(tmp_path) -> None:
    import os
    import subprocess
    import sys

    if not os.path.exists("/dev/full"):
        pytest.skip("/dev/full is not available on this system")
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "litcli", "topics"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == ["Error: operating system error: No space left on device"]


@pytest.mark.parametrize("columns", [40, 60, 80, 120])
def test_search_on_a_narrow_real_terminal_keeps_pmids_and_titles(ncbi, isolated_env, columns) -> None:
    ncbi.set_articles(
        {
            "99000011": pubmed_article(
                99000011,
                title="Randomized crossover trial of ketamine in obsessive-compulsive disorder",
                authors=[("Rivera", "CI"), ("Bloom", "MH")],
                iso_abbreviation="Neuropsychopharmacology",
                publication_types=["Randomized Controlled Trial"],
            ),
            "99000015": pubmed_article(
                99000015,
                title="Ketamine for OCD: a meta-analysis",
                publication_types=["Meta-Analysis", "Retracted Publication"],
                comments_corrections=[
                    ("RetractionIn", "99000099"),
                    ("ExpressionOfConcernIn", "99000098"),
                    ("ErratumIn", "99000097"),
                ],
            ),
        }
    )
    env = {**env_for(ncbi, isolated_env), "NO_COLOR": "1"}
    code, out, err = run_tty(["search", "--topic", "ketamine-ocd"], env, columns=columns)
    assert code == 0, err
    lines = out.decode().replace("\r\n", "\n").splitlines()
    assert all(len(line) <= columns for line in lines)
    at = next(i for i, line in enumerate(lines) if line.startswith("# PMID"))
    header = lines[:at]  # split only between its parts
    assert header[0].startswith("Showing 2 of 2 for: ketamine-ocd")
    assert header in (
        ["Showing 2 of 2 for: ketamine-ocd · sorted by relevance"],
        ["Showing 2 of 2 for: ketamine-ocd", "sorted by relevance"],
    )
    first, second = lines[at + 1], lines[at + 2]
    assert first.split()[:3] == ["1", "99000011", "2020"]  # whole, copyable
    assert second.split()[:3] == ["2", "99000015", "2020"]
    assert "Randomized crossover" in first
    assert "⚠ RETRACTED +2 Ketamine" in second  # with NO_COLOR the word carries the warning
    assert ("Journal" in lines[at]) == (columns >= 120)


@pytest.mark.parametrize("args", [["--version"], ["search", "--offline", "x"], ["show", "--offline", "1"]])
def test_the_entry_point_freezes_what_is_left_for_the_exit(isolated_env, args) -> None:
    """``litcli.cli.main`` (the console script, ``python -m litcli``) freezes the objects
    left once the command is done, whatever its exit code, so that the interpreter's final
    garbage collection does not walk them; ``run_main`` (used in-process) does not."""
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: sys.stderr.write(f'frozen: {gc.get_freeze_count() > 0}\\n'))\n"
        "sys.argv[0] = 'litcli'\n"
        "from litcli.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), LITCLI_HOME=str(isolated_env))
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.stderr.endswith("frozen: True\n"), done.stderr
    run_cli(["--version"])
    import gc

    assert gc.get_freeze_count() == 0
