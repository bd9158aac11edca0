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
