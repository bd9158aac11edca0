"""``ris``: RIS tagged records (``TY  - JOUR`` ... ``ER  - ``), as Zotero, EndNote and rispy read them.

Tags: TY, AU (one per author, "Family, Given" or "Family, Given, Suffix";
collective names as-is), TI, T2 (journal or book title), JO and J2 (journal
abbreviation), PY, DA, VL, IS, SP, EP,
SN, DO, AN (PMID), C2 (PMCID), UR, KW (one per keyword/MeSH term), AB (with
abstracts), N1 (retraction/erratum notes), PB/CY (books), ER.  With ``mark_retracted``
(the default) TI also carries the retraction notice (``_common.marked_title``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from litcli.formats import _common as c
from litcli.models import Author, Record


def _author(author: Author) -> str:
    if author.is_collective:
        return c.text(author.collective_name)
    last, given, suffix = c.text(author.last_name), c.given_name(author), c.suffix(author)
    if suffix:
        return f"{last}, {given}, {suffix}"  # RIS: 'Lastname, Firstname, Suffix'
    return f"{last}, {given}" if given else last


def lines(
    record: Record, *, abstracts: bool = False, mark_retracted: bool = False
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []

    def add(tag: str, value: str | None) -> None:
        if value:
            out.append((tag, value))

    if record.kind == "book":
        add("TY", "CHAP" if c.is_chapter(record) else "BOOK")
    else:
        add("TY", "JOUR")
    for author in record.authors:
        add("AU", _author(author))
    if record.kind == "book" and record.book:
        for editor in record.book.editors:
            add("A2", _author(editor))
    if c.is_chapter(record):
        add("TI", c.marked_title(record, c.title(record), mark_retracted))
        add("T2", c.book_title(record))
    elif record.kind == "book":
        add("TI", c.marked_title(record, c.book_title(record), mark_retracted))
    else:
        add("TI", c.marked_title(record, c.title(record), mark_retracted))
        add("T2", c.journal_title(record))
        add("JO", c.journal_abbrev(record))  # kept: rispy's journal_name
        add("J2", c.journal_abbrev(record))  # the RIS tag for the abbreviated title
    if record.year:
        add("PY", str(record.year))
        d = record.pub_date
        month = f"{d.month:02d}" if d.month and d.year else ""
        day = f"{d.day:02d}" if d.day and month else ""
        add("DA", f"{record.year}/{month}/{day}/" if month else None)
    add("VL", c.text(record.journal.volume))
    add("IS", c.text(record.journal.issue))
    if c.has_extra_pages(record.journal.pages):
        # '1789-90; discussion 1791': SP/EP cannot hold the extra part, so SP
        # carries the whole (completed) pagination and there is no EP.
        add("SP", c.full_pages(record.journal.pages))
    else:
        start, end = c.expand_pages(record.journal.pages)
        add("SP", start)
        add("EP", end)
    if record.kind == "book" and record.book:
        add("PB", c.text(record.book.publisher))
        add("CY", c.text(record.book.location))
        add("SN", c.text(record.book.isbn))
    else:
        add("SN", c.text(record.journal.issn))
    add("DO", c.text(record.doi))
    add("AN", record.pmid)
    add("C2", c.text(record.pmcid))
    add("UR", record.pubmed_url)
    for kw in c.keywords(record):
        add("KW", kw)
    for lang in record.languages:
        add("LA", c.text(lang))
    if abstracts:
        add("AB", " ".join(c.abstract(record).split()))
    for note in c.flag_notes(record):
        add("N1", note)
    return out


def write(
    records: Iterable[Record],
    stream: TextIO,
    abstracts: bool = False,
    *,
    mark_retracted: bool = True,
) -> None:
    for i, record in enumerate(records):
        if i:
            stream.write("\n")
        for tag, value in lines(record, abstracts=abstracts, mark_retracted=mark_retracted):
            stream.write(f"{tag}  - {value}\n")
        stream.write("ER  - \n")
