"""Helpers shared by the export formats (text cleaning, names, dates, pages, flags)."""

from __future__ import annotations

import re

from litcli.models import (
    FLAG_CONCERN,
    FLAG_ERRATUM,
    FLAG_RETRACTED,
    FLAG_RETRACTION_NOTICE,
    Author,
    Record,
)
from litcli.textsafe import one_line, strip_control

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def text(value: str | None) -> str:
    """One line of untrusted text: no control characters, whitespace collapsed."""
    return one_line(value)


def block(value: str | None) -> str:
    """Multi-line untrusted text (abstracts): control characters removed, newlines kept."""
    if not value:
        return ""
    lines = (
        " ".join(line.split()) for line in strip_control(value, keep_newlines=True).split("\n")
    )
    return "\n".join(line for line in lines if line)


def abstract(record: Record) -> str:
    return block(record.abstract_text)


def journal_abbrev(record: Record) -> str:
    """NLM journal abbreviation without periods ('Biol Psychiatry'), else the full title."""
    j = record.journal
    if j.medline_ta:
        return text(j.medline_ta)
    if j.iso_abbreviation:
        return text(j.iso_abbreviation.replace(".", ""))
    return text(j.title)


def journal_title(record: Record) -> str:
    j = record.journal
    return text(j.title or j.iso_abbreviation or j.medline_ta)


def given_name(author: Author) -> str:
    return text(author.fore_name or author.initials)


def initials(author: Author) -> str:
    if author.initials:
        return text(author.initials.replace(".", ""))  # verbatim, e.g. "do Y" as PubMed has it
    if author.fore_name:
        return "".join(p[0] for p in re.split(r"[\s\-.]+", text(author.fore_name)) if p)
    return ""


def short_name(author: Author) -> str:
    """'Rivera CI' (NLM), or the collective name."""
    if author.is_collective:
        return text(author.collective_name)
    return " ".join(p for p in (text(author.last_name), initials(author)) if p)


def expand_pages(pages: str | None) -> tuple[str, str]:
    """MEDLINE pagination '1234-40' -> ('1234', '1240'); 'e123' -> ('e123', '')."""
    value = text(pages)
    if not value:
        return "", ""
    first = value.split(",")[0].split(";")[0].strip()
    m = re.fullmatch(r"([A-Za-z]*)(\d+)\s*[-\u2013]\s*([A-Za-z]*)(\d+)", first)
    if not m:
        return first, ""
    prefix, start, prefix2, end = m.groups()
    if len(end) < len(start):
        end = start[: len(start) - len(end)] + end
    return prefix + start, (prefix2 or prefix) + end


def full_pages(pages: str | None, sep: str = "-") -> str:
    """'1234-40' -> '1234-1240' (complete page numbers, as AMA and BibTeX want)."""
    start, end = expand_pages(pages)
    if not start:
        return ""
    if not end:
        value = text(pages)
        return start if "," not in value and ";" not in value else value
    return f"{start}{sep}{end}"


def month_abbrev(record: Record) -> str:
    m = record.pub_date.month
    return MONTHS[m - 1] if m and 1 <= m <= 12 else ""


_FLAG_TEXT = {
    FLAG_RETRACTED: "Retracted publication",
    FLAG_RETRACTION_NOTICE: "Retraction notice",
    FLAG_CONCERN: "Expression of concern",
    FLAG_ERRATUM: "Erratum published",
}
_FLAG_REF = {
    FLAG_RETRACTED: "RetractionIn",
    FLAG_RETRACTION_NOTICE: "RetractionOf",
    FLAG_CONCERN: "ExpressionOfConcernIn",
    FLAG_ERRATUM: "ErratumIn",
}


def flag_notes(record: Record) -> list[str]:
    """One human sentence per flag, e.g. 'Retracted publication (retraction: PMID 123)'."""
    out = []
    for flag in record.flags:
        note = _FLAG_TEXT.get(flag, flag.capitalize())
        refs = [
            f"PMID {c.pmid}" if c.pmid else text(c.source)
            for c in record.comments_corrections
            if c.ref_type == _FLAG_REF.get(flag) and (c.pmid or c.source)
        ]
        if refs:
            note += " (see " + "; ".join(refs) + ")"
        out.append(note)
    return out


def flag_note(record: Record) -> str:
    """All flags as one line ('' when none)."""
    return ". ".join(flag_notes(record))


def is_chapter(record: Record) -> bool:
    """A book record that is a chapter/section of a larger book."""
    b = record.book
    return bool(
        record.kind == "book"
        and b
        and b.book_title
        and record.title
        and text(b.book_title) != text(record.title)
    )


def book_title(record: Record) -> str:
    b = record.book
    return text(b.book_title) if b and b.book_title else text(record.title)


def title(record: Record) -> str:
    """The record title (for a whole book, the book title)."""
    return text(record.title) or (book_title(record) if record.kind == "book" else "")


def keywords(record: Record) -> list[str]:
    """Author keywords then MeSH descriptors, de-duplicated case-insensitively."""
    seen: set[str] = set()
    out = []
    for kw in [*record.keywords, *record.mesh_terms]:
        value = text(kw)
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            out.append(value)
    return out
