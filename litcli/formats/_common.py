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
MONTHS_BY_NAME = {name: n for n, name in enumerate(MONTHS, 1)}


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


def spaced_initials(value: str | None) -> str:
    """Initials as separate given names: 'JQ' -> 'J. Q.', 'do Y' -> 'do Y.'.

    Used when an author has initials but no fore name (MEDLINE text without FAU),
    so that BibTeX and CSL processors see two given names, not one name 'JQ'.
    Runs of capitals are split into letters; other tokens (particles such as
    'do', 'de') stay as they are."""
    out: list[str] = []
    for token in text(value).replace(".", " ").split():
        if token.isalpha() and token.isupper():
            out.extend(f"{ch}." for ch in token)
        else:
            out.append(token)
    return " ".join(out)


def given_name(author: Author) -> str:
    """The fore name; without one, the initials spelled out as 'J. Q.' (see spaced_initials)."""
    if author.fore_name and text(author.fore_name):
        return text(author.fore_name)
    return spaced_initials(author.initials)


def suffix(author: Author) -> str:
    """The name suffix ('Jr', '2nd', '3rd'), '' when none (never for collective names)."""
    return "" if author.is_collective else text(author.suffix)


def initials(author: Author) -> str:
    if author.initials:
        return text(author.initials.replace(".", ""))  # verbatim, e.g. "do Y" as PubMed has it
    if author.fore_name:
        return "".join(p[0] for p in re.split(r"[\s\-.]+", text(author.fore_name)) if p)
    return ""


def short_name(author: Author) -> str:
    """'Rivera CI' / 'Carr R 3rd' (NLM, suffix last), or the collective name."""
    if author.is_collective:
        return text(author.collective_name)
    return " ".join(p for p in (text(author.last_name), initials(author), suffix(author)) if p)


# One page range: two page tokens around a hyphen (or en dash).  Tokens may hold
# letters and periods ('1021.e6', '1051.e13', 'S12', 'e123').
_RANGE = re.compile(r"([^\s\-\u2013]+)\s*[-\u2013]\s*([^\s\-\u2013]+)")
_PLAIN_PAGE = re.compile(r"([A-Za-z]?)(\d+)")
_PAGE_PARTS = re.compile(r"\s*([;,])\s*")


def _expand_end(start: str, end: str) -> str:
    """MEDLINE abbreviates the end page ('2475-83'): complete it, but only when both
    ends are plain numbers (optionally with the same one-letter prefix: 'S12-5')."""
    m1, m2 = _PLAIN_PAGE.fullmatch(start), _PLAIN_PAGE.fullmatch(end)
    if not m1 or not m2 or (m2.group(1) and m2.group(1) != m1.group(1)):
        return end
    prefix, digits, end_digits = m1.group(1), m1.group(2), m2.group(2)
    if len(end_digits) < len(digits):
        end_digits = digits[: len(digits) - len(end_digits)] + end_digits
    return prefix + end_digits


def _split_range(part: str) -> tuple[str, str]:
    m = _RANGE.fullmatch(part.strip())
    if not m:
        return part.strip(), ""
    return m.group(1), _expand_end(m.group(1), m.group(2))


def page_parts(pages: str | None) -> list[tuple[str, str, str]]:
    """MEDLINE pagination split at ';' / ',' into (separator, start, end) parts.

    '1789-90; discussion 1791' -> [('', '1789', '1790'), (';', 'discussion 1791', '')];
    '1016-1021.e6' -> [('', '1016', '1021.e6')].  The separator is the one that
    preceded the part ('' for the first)."""
    value = text(pages)
    if not value:
        return []
    pieces = _PAGE_PARTS.split(value)
    out = [("", *_split_range(pieces[0]))]
    for i in range(1, len(pieces) - 1, 2):
        if pieces[i + 1].strip():
            out.append((pieces[i], *_split_range(pieces[i + 1])))
    return out


def expand_pages(pages: str | None) -> tuple[str, str]:
    """The first page range: '1234-40' -> ('1234', '1240'); '1016-1021.e6' ->
    ('1016', '1021.e6'); 'e123' -> ('e123', '')."""
    parts = page_parts(pages)
    return (parts[0][1], parts[0][2]) if parts else ("", "")


def full_pages(pages: str | None, sep: str = "-") -> str:
    """Complete page ranges, as AMA, CSL and BibTeX want: '1234-40' -> '1234-1240';
    every part is kept: '1789-90; discussion 1791' -> '1789-1790; discussion 1791'."""
    out = ""
    for separator, start, end in page_parts(pages):
        if separator:
            out += separator + " "
        out += f"{start}{sep}{end}" if end else start
    return out


def has_extra_pages(pages: str | None) -> bool:
    """True when the pagination has more than one part ('1789-90; discussion 1791')."""
    return len(page_parts(pages)) > 1


def date_published(record: Record) -> str:
    """MEDLINE DP / NLM date: '2013 Nov 15', '2013 Nov', '2001 May-Jun' (season),
    '2013', or the verbatim MedlineDate ('1998 Dec-1999 Jan')."""
    d = record.pub_date
    if d.medline_date and d.year is None:
        return text(d.medline_date)
    if d.year is None:
        return str(record.year) if record.year else ""
    parts = [str(d.year)]
    month = month_abbrev(record)
    if month:
        parts.append(month)
        if d.day:
            parts.append(str(d.day))
    elif d.season:
        parts.append(text(d.season))
    return " ".join(parts)


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


def _notice_sources(record: Record, ref_type: str) -> list[str]:
    """The citations of the notices of one kind ('Nature. 2014 Jul 3;511(7507):112', or
    'PMID 25008363' when PubMed gives no source), without a final period, de-duplicated."""
    out: list[str] = []
    for cc in record.comments_corrections:
        if cc.ref_type != ref_type:
            continue
        ref = text(cc.source).rstrip(". ") or (f"PMID {text(cc.pmid)}" if text(cc.pmid) else "")
        if ref and ref not in out:
            out.append(ref)
    return out


def title_marks(record: Record) -> tuple[list[str], list[str]]:
    """The notices ``--mark-retracted`` puts into a title: (before, after).

    A retracted record whose retraction notice is known gets NLM's
    ``[Retraction in: Source]`` after the title; one known to be retracted only by
    its publication type gets ``[Retracted]`` before it.  A record under an
    expression of concern (an ``ExpressionOfConcernIn`` comment) that is not
    retracted gets ``[Expression of concern in: Source]``; a retraction supersedes
    it.  Retraction notices themselves, errata and expressions of concern
    themselves are not marked (their own titles say what they are).
    """
    if record.retracted:
        sources = _notice_sources(record, "RetractionIn")
        if sources:
            return [], ["[Retraction in: " + "; ".join(sources) + "]"]
        return ["[Retracted]"], []
    sources = _notice_sources(record, "ExpressionOfConcernIn")
    if sources:
        return [], ["[Expression of concern in: " + "; ".join(sources) + "]"]
    return [], []


def strip_final_period(value: str) -> str:
    """'Title.' -> 'Title' (a notice follows); '?' and '!' stay, as does '...'."""
    if value.endswith(".") and not value.endswith(".."):
        return value[:-1].rstrip()
    return value


def marked_title(record: Record, value: str, mark: bool = True) -> str:
    """``value`` (the record's title) with the notices of ``title_marks`` when ``mark``:
    '[Retracted] Title.' or 'Title [Retraction in: Nature. 2014;505:641]'."""
    before, after = title_marks(record) if mark and value else ([], [])
    if not before and not after:
        return value
    core = strip_final_period(value) if after else value
    return " ".join([*before, core, *after])


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
