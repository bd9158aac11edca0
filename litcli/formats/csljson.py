"""``csl-json``: an array of CSL-JSON items (pandoc citeproc, Zotero, Mendeley).

Item ids are the same readable keys as the BibTeX export, so ``[@Rivera2013Randomized]``
works with either bibliography file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, TextIO

from litcli.formats import _common as c
from litcli.formats.bibtex import make_keys
from litcli.models import Author, Record

# PubMed's ISO 639-2 language codes -> the BCP 47 tags CSL processors expect
# (citeproc only applies English title casing to items whose language is "en").
_LANGUAGES = {
    "eng": "en", "fre": "fr", "ger": "de", "spa": "es", "ita": "it", "por": "pt", "rus": "ru",
    "jpn": "ja", "chi": "zh", "dut": "nl", "pol": "pl", "swe": "sv", "dan": "da", "nor": "no",
    "kor": "ko", "tur": "tr", "heb": "he", "hun": "hu", "cze": "cs", "fin": "fi", "gre": "el",
}  # fmt: skip


def _name(author: Author) -> dict[str, str]:
    if author.is_collective:
        return {"literal": c.text(author.collective_name)}
    name = {"family": c.text(author.last_name)}
    given = c.given_name(author)
    if given:
        name["given"] = given
    suffix = c.suffix(author)
    if suffix:
        name["suffix"] = suffix
    return name


# CSL's season numbers (terms season-01 ... season-04).
_SEASONS = {"spring": 1, "summer": 2, "fall": 3, "autumn": 3, "winter": 4}
# PubMed's month-range "seasons" ('May-Jun', 'Dec-Jan' crosses the year end).
_MONTH_RANGE = re.compile(r"([A-Za-z]{3})\s*-\s*([A-Za-z]{3})")


def _issued(record: Record) -> dict[str, Any] | None:
    """`issued`: [[year, month, day]] as far as known; a PubMed season is CSL's
    season number (Spring 1, Summer 2, Fall/Autumn 3, Winter 4) or, for a month
    range such as 'May-Jun', a date-parts range [[2001, 5], [2001, 6]]."""
    d = record.pub_date
    year = record.year
    if year is None:
        return None
    parts = [year]
    if d.year is not None and d.month and 1 <= d.month <= 12:
        parts.append(d.month)
        if d.day:
            parts.append(d.day)
    issued: dict[str, Any] = {"date-parts": [parts]}
    season = c.text(d.season) if d.year is not None and len(parts) == 1 else ""
    if season.lower() in _SEASONS:
        issued["season"] = _SEASONS[season.lower()]
    elif m := _MONTH_RANGE.fullmatch(season):
        first, last = (
            c.MONTHS_BY_NAME.get(m.group(1).title()),
            c.MONTHS_BY_NAME.get(m.group(2).title()),
        )
        if first and last:
            end_year = year + 1 if last < first else year
            issued["date-parts"] = [[year, first], [end_year, last]]
    return issued


def item(
    record: Record, key: str, *, abstracts: bool = False, mark_retracted: bool = False
) -> dict[str, Any]:
    """One CSL-JSON item; ``mark_retracted``: a retraction notice in ``title``
    (``_common.marked_title``)."""
    out: dict[str, Any] = {"id": key}
    if record.kind == "book":
        out["type"] = "chapter" if c.is_chapter(record) else "book"
    else:
        out["type"] = "article-journal"
    out["title"] = c.marked_title(
        record,
        c.title(record) if record.kind != "book" or c.is_chapter(record) else c.book_title(record),
        mark_retracted,
    )
    authors = [_name(a) for a in record.authors]
    if authors:
        out["author"] = authors
    if record.kind == "book":
        book = record.book
        if c.is_chapter(record):
            out["container-title"] = c.book_title(record)
        if book:
            if book.editors:
                out["editor"] = [_name(e) for e in book.editors]
            if book.publisher:
                out["publisher"] = c.text(book.publisher)
            if book.location:
                out["publisher-place"] = c.text(book.location)
            if book.isbn:
                out["ISBN"] = c.text(book.isbn)
            if book.collection_title:
                out["collection-title"] = c.text(book.collection_title)
    else:
        if c.journal_title(record):
            out["container-title"] = c.journal_title(record)
        if c.journal_abbrev(record):
            out["container-title-short"] = c.journal_abbrev(record)
        if record.journal.issn:
            out["ISSN"] = c.text(record.journal.issn)
    issued = _issued(record)
    if issued:
        out["issued"] = issued
    for key_, value in (
        ("volume", record.journal.volume),
        ("issue", record.journal.issue),
        ("page", c.full_pages(record.journal.pages)),
        ("DOI", record.doi),
        ("PMID", record.pmid),
        ("PMCID", record.pmcid),
    ):
        if value and c.text(value):
            out[key_] = c.text(value)
    out["URL"] = record.pubmed_url
    language = _LANGUAGES.get(c.text(record.languages[0]).lower()) if record.languages else None
    if language:
        out["language"] = language
    keywords = c.keywords(record)
    if keywords:
        out["keyword"] = "; ".join(keywords)  # MeSH terms contain commas
    if abstracts and record.abstract:
        out["abstract"] = c.abstract(record)
    note = c.flag_note(record)
    if note:
        out["note"] = note
    if record.retracted:
        out["status"] = "retracted"  # the CSL variable meant for this
    return out


def write(
    records: Iterable[Record],
    stream: TextIO,
    abstracts: bool = False,
    *,
    mark_retracted: bool = True,
) -> None:
    items = list(records)
    data = [
        item(r, k, abstracts=abstracts, mark_retracted=mark_retracted)
        for r, k in zip(items, make_keys(items), strict=True)
    ]
    stream.write(json.dumps(data, ensure_ascii=False, indent=2))
    stream.write("\n")
