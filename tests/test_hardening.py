"""Issue 13 (hardening): inputs and faults that used to break litcli.

Synthetic records use fake PMIDs (99000001+); fault tests run against the loopback
E-utilities server (tests/ncbi_server.py), never a mocked transport.
"""

from __future__ import annotations

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
