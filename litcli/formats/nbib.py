"""``nbib`` / ``medline``: the PubMed "PubMed format" (MEDLINE tagged text, .nbib).

Each line is a tag padded to four characters, ``- `` and the value; long values
continue on lines indented by six spaces; records are separated by a blank
line.  ``Bio.Medline`` and reference managers (Zotero, EndNote) read it.
The abstract (AB) is always included, as in PubMed's own export.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from litcli.formats import _common as c
from litcli.models import Author, Grant, Record

WIDTH = 80

# CommentsCorrections RefType -> MEDLINE tag (retractions and errata travel as RIN/EIN ...)
CC_TAGS = {
    "CommentIn": "CIN",
    "CommentOn": "CON",
    "ErratumIn": "EIN",
    "ErratumFor": "EFR",
    "RetractionIn": "RIN",
    "RetractionOf": "ROF",
    "ExpressionOfConcernIn": "ECI",
    "ExpressionOfConcernFor": "ECF",
    "UpdateIn": "UIN",
    "UpdateOf": "UOF",
    "RepublishedIn": "RPI",
    "RepublishedFrom": "RPF",
}


def wrap(tag: str, value: str, width: int = WIDTH) -> list[str]:
    """Lay out one field: 'TAG - value' plus 6-space continuation lines broken at spaces."""
    words = value.split(" ")
    lines: list[str] = []
    current = f"{tag:<4}- "
    has_word = False
    for word in words:
        if has_word and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = "      " + word
            continue
        current = current + (" " if has_word else "") + word
        has_word = True
    lines.append(current)
    return lines


def date_published(record: Record) -> str:
    """DP: '2013 Nov 15', '2013 Spring', '2001 May-Jun', or the verbatim MedlineDate."""
    return c.date_published(record)


def _full_name(author: Author) -> str:
    """FAU / FED: 'Family, Given' plus the suffix as PubMed writes it ('Carr, Richard 3rd')."""
    last, given = c.text(author.last_name), c.text(author.fore_name)
    given = " ".join(p for p in (given, c.suffix(author)) if p)
    return f"{last}, {given}" if given else last


def grant(g: Grant) -> str:
    """GR: 'GrantID/Acronym/Agency/Country' as PubMed writes it.  litcli does not keep
    the acronym, so its slot is empty ('101835/Z/13/Z//Wellcome Trust/United Kingdom'):
    with all four slots a reader that splits from the right keeps IDs containing '/'.
    Without a grant ID PubMed writes 'Agency/Country' ('CIHR/Canada'), and so do we."""
    gid, agency, country = c.text(g.grant_id), c.text(g.agency), c.text(g.country)
    if not gid:
        return "/".join(x for x in (agency, country) if x)
    return f"{gid}//{agency}/{country}"


def source(record: Record) -> str:
    """SO: 'Biol Psychiatry. 2013 Nov;38(12):2475-83. doi: 10.1/x.'"""
    j = record.journal
    out = f"{c.journal_abbrev(record)}. {date_published(record)}"
    vol, issue, pages = c.text(j.volume), c.text(j.issue), c.text(j.pages)
    if vol or issue:
        out += ";" + vol + (f"({issue})" if issue else "")
    if pages:
        out += ":" + pages
    out += "."
    if record.doi:
        out += f" doi: {c.text(record.doi)}."
    return out


def fields(record: Record, *, mark_retracted: bool = False) -> list[tuple[str, str]]:
    """The tagged fields; ``mark_retracted`` (off by default: RIN/ECI carry the notices,
    as in PubMed's own export) also puts the notice into TI (``_common.marked_title``)."""
    out: list[tuple[str, str]] = []

    def add(tag: str, value: str | None) -> None:
        if value:
            out.append((tag, value))

    j = record.journal
    add("PMID", record.pmid)
    add("OWN", "NLM")
    add("STAT", c.text(record.status))
    if j.issn:
        add("IS", c.text(j.issn))
    add("VI", c.text(j.volume))
    add("IP", c.text(j.issue))
    add("DP", date_published(record))
    if c.is_chapter(record) or record.kind != "book":
        add("TI", c.marked_title(record, c.title(record), mark_retracted))
    if record.kind == "book":
        whole = not c.is_chapter(record)
        add("BTI", c.marked_title(record, c.book_title(record), mark_retracted and whole))
        if record.book:
            add("CTI", c.text(record.book.collection_title))
    add("PG", c.text(j.pages))
    if record.doi:
        add("LID", f"{c.text(record.doi)} [doi]")
    add("AB", " ".join(c.abstract(record).split()))
    for author in record.authors:
        if author.is_collective:
            add("CN", c.text(author.collective_name))
            continue
        if author.fore_name:  # PubMed writes FAU only when it knows the fore name
            add("FAU", _full_name(author))
        add("AU", c.short_name(author))
        if author.orcid:
            add("AUID", f"ORCID: {c.text(author.orcid)}")
        for affiliation in author.affiliations:
            add("AD", c.text(affiliation))
    if record.kind == "book" and record.book:
        for editor in record.book.editors:
            if editor.is_collective:
                continue
            add("FED", _full_name(editor))
            add("ED", c.short_name(editor))
    for lang in record.languages:
        add("LA", c.text(lang))
    for g in record.grants:
        add("GR", grant(g))
    for ptype in record.publication_types:
        add("PT", c.text(ptype))
    add("TT", c.text(record.vernacular_title))
    if record.article_date:
        add("DEP", record.article_date.replace("-", ""))
    if record.kind != "book":
        add("TA", c.journal_abbrev(record))
        add("JT", c.journal_title(record))
    elif record.book:
        add("PB", c.text(record.book.publisher))
        add("PL", c.text(record.book.location))
        add("ISBN", c.text(record.book.isbn))
    for chem in record.chemicals:
        add("RN", c.text(chem))
    for cc in record.comments_corrections:
        tag = CC_TAGS.get(cc.ref_type)
        if tag:
            ref = c.text(cc.source)
            if cc.pmid:
                ref = f"{ref} PMID: {cc.pmid}".strip()
            add(tag, ref)
    for heading in record.mesh:
        term = ("*" if heading.major else "") + c.text(heading.descriptor)
        for q in heading.qualifiers:
            term += "/" + ("*" if q.major else "") + c.text(q.name)
        add("MH", term)
    for kw in record.keywords:
        add("OT", c.text(kw))
    add("PMC", c.text(record.pmcid))
    if record.doi:
        add("AID", f"{c.text(record.doi)} [doi]")
    if record.pii:
        add("AID", f"{c.text(record.pii)} [pii]")
    add("PST", c.text(record.publication_status))
    if record.kind != "book":
        add("SO", source(record))
    return out


def write(
    records: Iterable[Record],
    stream: TextIO,
    abstracts: bool = False,
    *,
    mark_retracted: bool = False,
) -> None:
    for i, record in enumerate(records):
        if i:
            stream.write("\n")
        for tag, value in fields(record, mark_retracted=mark_retracted):
            for line in wrap(tag, value):
                stream.write(line + "\n")
