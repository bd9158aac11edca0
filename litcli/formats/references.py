"""``ama`` and ``vancouver``: references formatted as clinicians cite them.

AMA (11th edition): up to 6 authors are listed; with more than 6, the first 3
followed by "et al".  Vancouver (NLM Citing Medicine / ICMJE): up to 6 authors,
then "et al.".  Both use the NLM journal abbreviation and
``year;volume(issue):pages``; AMA gives complete page ranges and ``doi:10...``,
Vancouver the MEDLINE page range, the NLM date (``2021 Feb 5``, ``2001 May-Jun``)
and ``doi: 10...``.  A retracted
record carries "[Retracted]" after its title (not with ``mark_retracted=False``, which
moves the retraction into the closing flag sentence instead).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from litcli.errors import InvalidInputError
from litcli.formats import _common as c
from litcli.models import Author, Record
from litcli.tables import REFERENCE_STYLES as STYLES


def _sentence(value: str) -> str:
    """Text ending with one terminal punctuation mark."""
    value = value.strip()
    if not value:
        return ""
    return value if value[-1] in ".?!" else value + "."


def _authors(authors: list[Author], style: str) -> str:
    names = [c.short_name(a) for a in authors if c.short_name(a)]
    if not names:
        return ""
    if style == "ama":
        if len(names) > 6:
            return ", ".join(names[:3]) + ", et al"
        return ", ".join(names)
    if len(names) > 6:
        return ", ".join(names[:6]) + ", et al."
    return ", ".join(names)


def _title(record: Record, title: str, mark: bool = True) -> str:
    title = title.strip()
    marks = []
    if mark and record.retracted:
        marks.append("[Retracted]")
    if not marks:
        return _sentence(title)
    end = title[-1] if title and title[-1] in "?!" else ""
    core = title.rstrip(".") if not end else title
    return " ".join([core, *marks]).strip() + ("" if end else ".")


def _book(record: Record, style: str, mark: bool) -> str:
    parts = []
    authors = _authors(record.authors, style)
    if authors:
        parts.append(_sentence(authors))
    book = record.book
    year = str(record.year) if record.year else ""
    publisher = c.text(book.publisher) if book else ""
    place = c.text(book.location) if book else ""
    if c.is_chapter(record):
        parts.append(_title(record, c.title(record), mark))
        editors = _authors(book.editors, style) if book else ""
        n_editors = len(book.editors) if book else 0
        intro = "In: " + (f"{editors}, {'ed' if n_editors == 1 else 'eds'}. " if editors else "")
        parts.append(intro + _sentence(c.book_title(record)))
    else:
        parts.append(_title(record, c.book_title(record), mark))
    if style == "vancouver" and place:
        pub = f"{place}: {publisher}" if publisher else place
    else:
        pub = publisher
    tail = "; ".join(p for p in (pub, year) if p)
    if tail:
        parts.append(tail + ".")
    return " ".join(parts)


def format_reference(record: Record, style: str = "ama", *, mark_retracted: bool = True) -> str:
    """One reference in ``style`` ("ama" or "vancouver"), without a number.

    ``mark_retracted`` (default): "[Retracted]" after the title of a retracted record;
    False: the title as PubMed has it, the retraction in the closing flag sentence."""
    if style not in STYLES:
        raise InvalidInputError(
            f"unknown reference style: {style!r}", hint="choose one of: " + ", ".join(STYLES)
        )
    mark = mark_retracted
    ref = _book(record, style, mark) if record.kind == "book" else _article(record, style, mark)
    note = [n for n in c.flag_notes(record) if not (mark and n.startswith("Retracted publication"))]
    if note:
        ref += " " + _sentence("; ".join(note))
    return ref


def _article(record: Record, style: str, mark: bool) -> str:
    parts = []
    authors = _authors(record.authors, style)
    if authors:
        parts.append(_sentence(authors))
    if record.title:
        parts.append(_title(record, c.title(record), mark))
    journal = c.journal_abbrev(record)
    if journal:
        parts.append(_sentence(journal))
    j = record.journal
    vol, issue = c.text(j.volume), c.text(j.issue)
    if style == "ama":
        date = str(record.year) if record.year else ""
        pages = c.full_pages(j.pages)
    else:
        date = c.date_published(record)  # NLM: '2021 Feb 5', '2001 May-Jun', MedlineDate
        pages = c.text(j.pages)
    loc = date
    if vol or issue:
        loc += ";" + vol + (f"({issue})" if issue else "")
    if pages:
        loc += ":" + pages
    if loc:
        parts.append(loc + ".")
    if record.doi:
        doi = c.text(record.doi)
        parts.append(f"doi:{doi}" if style == "ama" else f"doi: {doi}")
    return " ".join(parts)


def writer(style: str) -> Callable[..., None]:
    def write(
        records: Iterable[Record],
        stream: TextIO,
        abstracts: bool = False,
        *,
        mark_retracted: bool = True,
    ) -> None:
        for n, record in enumerate(records, 1):
            ref = format_reference(record, style, mark_retracted=mark_retracted)
            stream.write(f"{n}. {ref}\n")

    return write


write_ama = writer("ama")
write_vancouver = writer("vancouver")
