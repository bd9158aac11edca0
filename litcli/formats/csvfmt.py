"""``csv`` (RFC 4180) and ``tsv``: one row per record, fixed documented columns.

Cells a spreadsheet would evaluate as a formula (first character ``= + - @``,
tab or carriage return) get a leading apostrophe, the convention Excel,
LibreOffice and Google Sheets treat as "this is text".
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from litcli.formats import _common as c
from litcli.models import Record

COLUMNS: list[str] = [
    "pmid",
    "year",
    "first_author",
    "authors",
    "title",
    "journal",
    "volume",
    "issue",
    "pages",
    "doi",
    "pmcid",
    "design",
    "publication_types",
    "flags",
    "url",
    "abstract",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix a formula-like cell with an apostrophe so spreadsheets show it as text."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def row(record: Record, *, abstracts: bool = False, mark_retracted: bool = False) -> dict[str, str]:
    """The documented columns of one record (plain strings, before neutralising);
    ``mark_retracted`` puts the retraction notice into ``title`` (``flags`` has it anyway)."""
    return {
        "pmid": record.pmid,
        "year": str(record.year) if record.year is not None else "",
        "first_author": c.short_name(record.authors[0]) if record.authors else "",
        "authors": "; ".join(c.short_name(a) for a in record.authors),
        "title": c.marked_title(record, c.title(record), mark_retracted),
        "journal": c.journal_abbrev(record),
        "volume": c.text(record.journal.volume),
        "issue": c.text(record.journal.issue),
        "pages": c.text(record.journal.pages),
        "doi": c.text(record.doi),
        "pmcid": c.text(record.pmcid),
        "design": record.design,
        "publication_types": "; ".join(c.text(t) for t in record.publication_types),
        "flags": "; ".join(record.flags),
        "url": record.pubmed_url,
        "abstract": c.abstract(record) if abstracts else "",
    }


def write_csv(
    records: Iterable[Record],
    stream: TextIO,
    abstracts: bool = False,
    *,
    mark_retracted: bool = False,
) -> None:
    writer = csv.writer(stream, dialect="excel", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in records:
        values = row(record, abstracts=abstracts, mark_retracted=mark_retracted)
        writer.writerow([neutralise(values[col]) for col in COLUMNS])


def write_tsv(
    records: Iterable[Record],
    stream: TextIO,
    abstracts: bool = False,
    *,
    mark_retracted: bool = False,
) -> None:
    """Tab-separated, no quoting: tabs and newlines inside cells become spaces."""
    stream.write("\t".join(COLUMNS) + "\n")
    for record in records:
        values = row(record, abstracts=abstracts, mark_retracted=mark_retracted)
        cells = [neutralise(" ".join(values[col].split())) for col in COLUMNS]
        stream.write("\t".join(cells) + "\n")
