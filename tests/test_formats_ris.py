"""RIS export, read back and round-tripped by rispy."""

from __future__ import annotations

import re

import rispy

from litcli import formats
from litcli.formats._common import expand_pages, full_pages, marked_title
from litcli.models import Record
from tests.test_formats_common import real_records, tricky_records


def _expected_authors(record: Record) -> list[str]:
    out = []
    for a in record.authors:
        if a.is_collective:
            out.append(a.collective_name)
        elif a.suffix:
            out.append(f"{a.last_name}, {a.fore_name}, {a.suffix}")
        else:
            given = a.fore_name or a.initials
            out.append(f"{a.last_name}, {given}" if given else a.last_name)
    return out


def check(records: list[Record], text: str) -> list[dict]:
    for line in text.splitlines():
        assert line == "" or re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line), repr(line)
    entries = rispy.loads(text)
    assert len(entries) == len(records)
    for record, e in zip(records, entries, strict=True):
        assert e["accession_number"] == record.pmid
        assert e["urls"] == [record.pubmed_url]
        assert e.get("authors", []) == _expected_authors(record)
        if record.kind == "article":
            assert e["type_of_reference"] == "JOUR"
            # the default --mark-retracted puts the notice into TI (test_formats_retracted)
            assert e["title"] == marked_title(record, " ".join(record.title.split()))
            if record.journal.title:
                assert e["secondary_title"] == record.journal.title
        if record.year:
            assert e["year"] == str(record.year)
        if record.doi:
            assert e["doi"] == record.doi
        start, end = expand_pages(record.journal.pages)
        if ";" in (record.journal.pages or "") or "," in (record.journal.pages or ""):
            start, end = full_pages(record.journal.pages), ""  # extras: all of it in SP
        assert e.get("start_page", "") == start and e.get("end_page", "") == end
        if record.retracted:
            assert any(n.startswith("Retracted publication") for n in e["notes"])
    # Round trip: what rispy writes from our entries reads back identically.
    assert rispy.loads(rispy.dumps(entries)) == entries
    return entries


def test_real_pubmed_records_round_trip_through_rispy() -> None:
    records = real_records()
    entries = check(records, formats.dumps(records, "ris", abstracts=True))
    with_abstract = [e for r, e in zip(records, entries, strict=True) if r.abstract]
    assert with_abstract and all(e["abstract"] for e in with_abstract)


def test_tricky_records_round_trip_through_rispy() -> None:
    records = list(tricky_records().values())
    check(records, formats.dumps(records, "ris", abstracts=True))


def test_unicode_collective_specials_and_keywords() -> None:
    t = tricky_records()
    e_uni, e_coll, e_spec = rispy.loads(
        formats.dumps([t["unicode"], t["collective"], t["specials"]], "ris")
    )
    assert e_uni["authors"] == ["Müller, Jürgen", "Sánchez, María José"]
    assert e_uni["keywords"] == [
        "ketamine",
        "OCD",
        "Humans",
    ]  # MeSH 'Ketamine' folded into 'ketamine'
    assert e_uni["date"] == "2013/11/05/"
    assert e_uni["custom2"] == "PMC3799063"
    assert e_coll["authors"][0] == "GBD 2019 Collaborators and Friends, Inc"
    assert e_spec["title"] == t["specials"].title  # RIS needs no escaping


def test_abstract_only_with_the_option_and_book_types() -> None:
    t = tricky_records()
    (plain,) = rispy.loads(formats.dumps([t["unicode"]], "ris"))
    (full,) = rispy.loads(formats.dumps([t["unicode"]], "ris", abstracts=True))
    assert "abstract" not in plain
    assert full["abstract"] == "METHODS: Ketamine was given. RESULTS: It worked."
    chapter, book = rispy.loads(formats.dumps([t["book"], t["whole_book"]], "ris"))
    assert chapter["type_of_reference"] == "CHAP" and chapter["secondary_authors"] == ["Editor, Ed"]
    assert book["type_of_reference"] == "BOOK" and book["title"] == "A Handbook of Everything"
    assert book["publisher"] == "Fake Press"


def test_retraction_and_erratum_notes() -> None:
    (e,) = rispy.loads(formats.dumps([tricky_records()["retracted"]], "ris"))
    assert e["notes"] == [
        "Retracted publication (see PMID 99000099)",
        "Erratum published (see PMID 99000098)",
    ]
