"""MEDLINE / .nbib export, read back by Bio.Medline."""

from __future__ import annotations

import io

import pytest
from Bio import Medline

from litcli import formats
from litcli.formats import nbib
from litcli.models import Record
from tests.test_formats_common import real_records, tricky_records


def read_back(records: list[Record], fmt: str = "nbib") -> list[Medline.Record]:
    text = formats.dumps(records, fmt)
    for line in text.splitlines():
        assert len(line) <= nbib.WIDTH or " " not in line.strip()[6:], (
            f"unwrapped long line: {line!r}"
        )
        assert line == "" or line.startswith("      ") or line[4:6] == "- ", repr(line)
    parsed = list(Medline.parse(io.StringIO(text)))
    assert len(parsed) == len(records)
    return parsed


def check(records: list[Record], parsed: list[Medline.Record]) -> None:
    for record, m in zip(records, parsed, strict=True):
        assert m["PMID"] == record.pmid
        if record.title and record.kind == "article":
            assert m["TI"] == " ".join(record.title.split())
        people = [a for a in record.authors if not a.is_collective]
        assert m.get("AU", []) == [
            " ".join(p for p in (a.last_name, a.initials, a.suffix) if p) for a in people
        ]
        assert m.get("FAU", []) == [
            f"{a.last_name}, {' '.join(p for p in (a.fore_name, a.suffix) if p)}"
            if a.fore_name or a.suffix
            else a.last_name
            for a in people
        ]
        assert m.get("CN", []) == [a.collective_name for a in record.authors if a.is_collective]
        if record.kind == "article":
            assert m["TA"] == (
                record.journal.medline_ta
                or (record.journal.iso_abbreviation or record.journal.title or "").replace(".", "")
            )
            if record.journal.title:
                assert m["JT"] == record.journal.title
        if record.pub_date.medline_date and record.pub_date.year is None:
            assert m["DP"] == record.pub_date.medline_date
        elif record.year:
            assert m["DP"].split()[0] == str(record.year)
        if record.doi:
            assert f"{record.doi} [doi]" in m["AID"]
        if record.abstract:
            assert m["AB"] == " ".join(record.abstract_text.split())
        assert m.get("PT", []) == record.publication_types


def test_real_pubmed_records_read_back_by_bio_medline() -> None:
    records = real_records()
    check(records, read_back(records))


@pytest.mark.parametrize("fmt", ["nbib", "medline"])
def test_tricky_records_read_back_by_bio_medline(fmt: str) -> None:
    records = list(tricky_records().values())
    check(records, read_back(records, fmt))


def test_layout_tags_dates_and_continuation_lines() -> None:
    t = tricky_records()
    r = t["unicode"]
    r.title = "A very long title " + "with many words " * 12 + "end."
    text = formats.dumps([r], "nbib")
    lines = text.splitlines()
    assert lines[0] == "PMID- 99000001"
    assert "DP  - 2013 Nov 5" in lines
    ti = lines.index(next(line for line in lines if line.startswith("TI  - ")))
    assert lines[ti + 1].startswith("      ") and not lines[ti + 1].startswith("       ")
    assert "MH  - *Ketamine" in lines and "PMC - PMC3799063" in lines
    (m,) = Medline.parse(io.StringIO(text))
    assert m["TI"] == " ".join(r.title.split())
    assert (
        m["SO"] == "Neuropsychopharmacology. 2013 Nov 5;38(12):2475-83. doi: 10.1038/npp.2013.150."
    )


def test_retraction_and_erratum_travel_as_rin_and_ein() -> None:
    (m,) = read_back([tricky_records()["retracted"]])
    assert m["RIN"] == ["J Psychiatr Pract. 2021;27(1):1 PMID: 99000099"]
    assert m["EIN"] == ["J Psychiatr Pract. 2019;25(4):300 PMID: 99000098"]
    assert "Retracted Publication" in m["PT"]


def test_collective_author_and_book_fields() -> None:
    t = tricky_records()
    coll, chapter = read_back([t["collective"], t["book"]])
    assert coll["CN"] == ["GBD 2019 Collaborators and Friends, Inc"] and coll["AU"] == ["Lee A"]
    assert chapter["TI"] == "Ketamine"
    assert chapter["BTI"] == [
        "LiverTox: Clinical and Research Information on Drug-Induced Liver Injury"
    ]
    assert chapter["ED"] == ["Editor E"]


def test_litcli_medline_parser_reads_our_nbib_back_into_the_same_record() -> None:
    medline = pytest.importorskip("litcli.medline", reason="litcli.medline not built yet")
    records = real_records(medline_subset=30) + [
        r for k, r in tricky_records().items() if k not in ("book", "whole_book")
    ]
    back = [p.record for p in medline.iter_medline(io.StringIO(formats.dumps(records, "nbib")))]
    assert [r.pmid for r in back] == [r.pmid for r in records]
    for mine, theirs in zip(records, back, strict=True):
        assert theirs.title == " ".join(mine.title.split())
        assert [(a.last_name, a.fore_name, a.collective_name) for a in theirs.authors] == [
            (a.last_name, a.fore_name, a.collective_name) for a in mine.authors
        ]
        assert (theirs.year, theirs.doi, theirs.pmcid) == (mine.year, mine.doi, mine.pmcid)
        assert theirs.journal.title == mine.journal.title
        assert theirs.publication_types == mine.publication_types
        assert theirs.flags == mine.flags
        assert theirs.mesh_terms == mine.mesh_terms


def test_no_fau_line_is_invented_for_an_author_known_by_initials_only() -> None:
    from litcli.models import Author

    rec = Record(
        pmid="99000081",
        title="Initials only",
        authors=[Author(last_name="Smith", initials="JQ"), Author("Carr", "Richard", "R")],
    )
    text = formats.dumps([rec], "nbib")
    lines = [line for line in text.splitlines() if line.startswith(("FAU", "AU "))]
    assert lines == ["AU  - Smith JQ", "FAU - Carr, Richard", "AU  - Carr R"]
    back = next(Medline.parse(io.StringIO(text)))
    assert back["AU"] == ["Smith JQ", "Carr R"] and back["FAU"] == ["Carr, Richard"]
