"""PubMed XML elements -> :class:`Record`: one complete ``PubmedArticle``, ``PubmedBookArticle``
or legacy top-level ``MedlineCitation`` at a time (the streaming parser hands them over).

A record that cannot be read raises ``_RecordError`` (one line); the parser turns it into a
``Failed`` item and goes on with the next record.
"""

from __future__ import annotations

import re
from typing import Any

from litcli.ids import is_ascii_digits
from litcli.models import (
    AbstractSection,
    Author,
    Book,
    CommentCorrection,
    Grant,
    MeshHeading,
    MeshQualifier,
    Record,
)
from litcli.pubmed.text import (
    _collapse,
    _iso_date,
    _leaf,
    _mixed,
    _opt,
    _pub_date,
    _text,
    normalize_orcid,
)

_PMC = re.compile(r"^(PMC\d+)", re.ASCII)


class _RecordError(Exception):
    pass


# --- record fields: the hot path ----------------------------------------------------
#
# A typical record has ~110 elements and each one touched from Python costs a proxy
# object, so the code below is written for few Python operations per element:
#
# - leaf text is read inline (``len(el)`` is non-zero only for an element with child
#   nodes: inline markup, MathML or an unexpanded entity, flattened by _mixed exactly
#   as _leaf does);
# - lists of small structures (authors, comments/corrections, MeSH headings) are read
#   in ONE depth-first pass over the list (``el.iter()``) instead of a loop per item.
#   Each element still counts only where the nested reading would take it: a field
#   counts only if its parent IS the current item (``getparent() is item``; the item's
#   proxy is alive, so lxml returns that same object), an item only if its parent is
#   the list itself; anything deeper (inline markup, unknown wrappers) is skipped.

_AUTHOR, _LAST, _FORE, _INITIALS, _AFF_INFO, _AFF, _IDENT, _COLLECTIVE, _SUFFIX = range(9)
_AUTHOR_PARTS = {
    "Author": _AUTHOR,
    "LastName": _LAST,
    "ForeName": _FORE,
    "Initials": _INITIALS,
    "AffiliationInfo": _AFF_INFO,
    "Affiliation": _AFF,
    "Identifier": _IDENT,
    "CollectiveName": _COLLECTIVE,
    "Suffix": _SUFFIX,
}


def _authors(list_el: Any) -> list[Author]:
    """The ``Author`` children of an ``AuthorList``."""
    if list_el is None:
        return []
    out: list[Author] = []
    author = info = None  # the current Author and its current AffiliationInfo
    last = fore = initials = collective = orcid = suffix = None
    affs: list[str] = []
    v: str | None
    part_of = _AUTHOR_PARTS.get
    for e in list_el.iter():
        part = part_of(e.tag)
        if part is None:
            continue
        if part == _AUTHOR:
            if e.getparent() is list_el:
                if author is not None:
                    out.append(Author(last, fore, initials, collective, orcid, affs, suffix))
                    last = fore = initials = collective = orcid = suffix = info = None
                    affs = []
                author = e
        elif part == _AFF:
            if info is not None and e.getparent() is info:
                if len(e):
                    v = " ".join(_mixed(e).split())
                else:
                    v = e.text
                    if v:
                        v = _collapse(v)
                if v:
                    affs.append(v)
        elif author is None or e.getparent() is not author:
            continue
        elif part == _AFF_INFO:
            info = e
        elif part == _IDENT:
            if orcid is None and (e.get("Source") or "").upper() == "ORCID":
                orcid = normalize_orcid(e.text)
        else:
            if len(e):
                v = " ".join(_mixed(e).split()) or None
            else:
                v = e.text
                if not v:
                    v = None
                elif not v.isalpha():  # a single word has nothing to collapse
                    v = " ".join(v.split()) or None
            if part == _LAST:
                last = v
            elif part == _FORE:
                fore = v
            elif part == _INITIALS:
                initials = v
            elif part == _COLLECTIVE:
                collective = v
            else:
                suffix = v
    if author is not None:
        out.append(Author(last, fore, initials, collective, orcid, affs, suffix))
    return out


def _abstract(el: Any) -> list[AbstractSection]:
    if el is None:
        return []
    out = []
    for t in el:
        if t.tag != "AbstractText":
            continue
        if len(t):
            text = " ".join(_mixed(t).split())
        else:
            text = t.text
            text = _collapse(text) if text else ""
        label = t.get("Label")
        if not text and not label:
            continue
        out.append(AbstractSection(text, label or None, t.get("NlmCategory") or None))
    return out


def _article_ids(el: Any, rec: Record) -> None:
    if el is None:
        return
    for aid in el:
        kind = aid.get("IdType")
        value = (aid.text or "").strip()
        if not value:
            continue
        if kind == "doi":
            if rec.doi is None:
                rec.doi = value
        elif kind == "pii":
            if rec.pii is None:
                rec.pii = value
        elif kind == "pmc" and rec.pmcid is None:
            up = value.upper()
            rec.pmcid = up if up.startswith("PMC") else f"PMC{value}"


def _elocation(loc: Any, rec: Record) -> None:
    value = (loc.text or "").strip()
    if not value or loc.get("ValidYN", "Y") != "Y":
        return
    kind = loc.get("EIdType")
    if kind == "doi":
        if rec.doi is None:
            rec.doi = value
    elif kind == "pii" and rec.pii is None:
        rec.pii = value


def _texts(parent: Any, tag: str) -> list[str]:
    out = []
    for x in parent:
        if x.tag == tag:
            if len(x):
                t = " ".join(_mixed(x).split())
            else:
                t = x.text
                if t and not t.isalpha():
                    t = " ".join(t.split())
            if t:
                out.append(t)
    return out


def _grants(grant_list: Any) -> list[Grant]:
    out = []
    for g in grant_list:
        if g.tag != "Grant":
            continue
        grant_id = agency = country = None
        for c in g:
            tag = c.tag
            if tag == "GrantID":
                grant_id = _leaf(c)
            elif tag == "Agency":
                agency = _leaf(c)
            elif tag == "Country":
                country = _leaf(c)
        out.append(Grant(grant_id, agency, country))
    return out


def _journal(j: Any, rec: Record) -> None:
    journal = rec.journal
    for c in j:
        tag = c.tag
        if tag == "JournalIssue":
            for x in c:
                xt = x.tag
                if xt == "Volume":
                    journal.volume = _leaf(x)
                elif xt == "Issue":
                    journal.issue = _leaf(x)
                elif xt == "PubDate":
                    rec.pub_date = _pub_date(x)
        elif tag == "Title":
            journal.title = _leaf(c)
        elif tag == "ISOAbbreviation":
            journal.iso_abbreviation = _leaf(c)
        elif tag == "ISSN":
            journal.issn = _leaf(c)


def _pagination(pag: Any) -> str | None:
    pages = start = end = None
    for c in pag:
        tag = c.tag
        if tag == "MedlinePgn":
            pages = _leaf(c)
        elif tag == "StartPage":
            start = _leaf(c)
        elif tag == "EndPage":
            end = _leaf(c)
    if pages is None and start:
        pages = f"{start}-{end}" if end else start
    return pages


def _article(art: Any, rec: Record) -> None:
    for c in art:
        tag = c.tag
        if tag == "AuthorList":
            rec.authors = _authors(c)
        elif tag == "Journal":
            _journal(c, rec)
        elif tag == "ArticleTitle":
            rec.title = _text(c)
        elif tag == "Abstract":
            rec.abstract = _abstract(c)
        elif tag == "ELocationID":
            _elocation(c, rec)
        elif tag == "Pagination":
            rec.journal.pages = _pagination(c)
        elif tag == "Language":
            lang = (c.text or "").strip()
            if lang:
                rec.languages.append(lang)
        elif tag == "PublicationTypeList":
            rec.publication_types = _texts(c, "PublicationType")
        elif tag == "GrantList":
            rec.grants = _grants(c)
        elif tag == "VernacularTitle":
            rec.vernacular_title = _opt(c)
        elif tag == "ArticleDate" and rec.article_date is None:
            rec.article_date = _iso_date(c)


def _mesh(mhl: Any) -> list[MeshHeading]:
    """The ``MeshHeading`` children of a ``MeshHeadingList`` (one pass, see above)."""
    out = []
    mh = heading = None  # the current MeshHeading and its DescriptorName
    quals: list[MeshQualifier] = []
    for e in mhl.iter():
        tag = e.tag
        if tag == "MeshHeading":
            if e.getparent() is mhl:
                if heading is not None:
                    heading.qualifiers = quals
                    out.append(heading)
                    heading = None
                quals = []
                mh = e
            continue
        if tag == "QualifierName" or tag == "DescriptorName":
            if mh is None or e.getparent() is not mh:
                continue
            if len(e):
                name = " ".join(_mixed(e).split())
            else:
                name = e.text
                if not name:
                    name = ""
                elif not name.isalpha():
                    name = " ".join(name.split())
            if tag == "QualifierName":
                quals.append(MeshQualifier(name, e.get("MajorTopicYN") == "Y"))
            else:
                heading = MeshHeading(name, e.get("MajorTopicYN") == "Y", e.get("UI") or None)
    if heading is not None:
        heading.qualifiers = quals
        out.append(heading)
    return out


def _comments(ccl: Any) -> list[CommentCorrection]:
    """The ``CommentsCorrections`` children of their list (one pass, see above)."""
    out = []
    cc = None
    pmid = source = None
    for e in ccl.iter():
        tag = e.tag
        if tag == "CommentsCorrections":
            if e.getparent() is ccl:
                if cc is not None:
                    out.append(CommentCorrection(cc.get("RefType") or "", pmid, source))
                    pmid = source = None
                cc = e
        elif tag == "RefSource":
            if cc is not None and e.getparent() is cc:
                t = e.text
                if t:
                    source = _collapse(t) or None
        elif tag == "PMID" and cc is not None and e.getparent() is cc:
            t = e.text
            if t:
                pmid = t.strip() or None
    if cc is not None:
        out.append(CommentCorrection(cc.get("RefType") or "", pmid, source))
    return out


# MedlineCitation children read by _citation (anything else is skipped with one lookup)
_MC_ARTICLE, _MC_JOURNAL_INFO, _MC_CHEMICALS, _MC_COMMENTS, _MC_MESH, _MC_KEYWORDS = range(6)
_MC_OTHER_ID = 6
_CITATION_PARTS = {
    "Article": _MC_ARTICLE,
    "MedlineJournalInfo": _MC_JOURNAL_INFO,
    "ChemicalList": _MC_CHEMICALS,
    "CommentsCorrectionsList": _MC_COMMENTS,
    "MeshHeadingList": _MC_MESH,
    "KeywordList": _MC_KEYWORDS,
    "OtherID": _MC_OTHER_ID,
}


def _citation(mc: Any, rec: Record) -> None:
    """Fill ``rec`` from a ``MedlineCitation`` element."""
    rec.status = mc.get("Status") or None
    other_pmc = None
    part_of = _CITATION_PARTS.get
    for c in mc:
        part = part_of(c.tag)
        if part is None:
            continue
        if part == _MC_ARTICLE:
            _article(c, rec)
        elif part == _MC_COMMENTS:
            rec.comments_corrections = _comments(c)
        elif part == _MC_MESH:
            rec.mesh = _mesh(c)
        elif part == _MC_KEYWORDS:
            rec.keywords.extend(_texts(c, "Keyword"))
        elif part == _MC_JOURNAL_INFO:
            for x in c:
                if x.tag == "MedlineTA":
                    rec.journal.medline_ta = _leaf(x)
        elif part == _MC_CHEMICALS:
            for chem in c:
                for x in chem:
                    if x.tag == "NameOfSubstance":
                        name = _leaf(x)
                        if name:
                            rec.chemicals.append(name)
        elif other_pmc is None:  # OtherID
            m = _PMC.match((c.text or "").strip())
            if m:
                other_pmc = m.group(1)
    if rec.pmcid is None and other_pmc:
        rec.pmcid = other_pmc


def _article_record(el: Any) -> Record:
    mc = pd = None
    for c in el:
        tag = c.tag
        if tag == "MedlineCitation":
            if mc is None:
                mc = c
        elif tag == "PubmedData" and pd is None:
            pd = c
    if mc is None:
        raise _RecordError("PubmedArticle without MedlineCitation")
    rec = Record(pmid=_pmid(mc))
    if pd is not None:
        for c in pd:
            tag = c.tag
            if tag == "ArticleIdList":
                _article_ids(c, rec)
            elif tag == "PublicationStatus":
                rec.publication_status = _opt(c)
    _citation(mc, rec)
    return rec


def _legacy_record(mc: Any) -> Record:
    rec = Record(pmid=_pmid(mc))
    _citation(mc, rec)
    return rec


def _book_record(el: Any) -> Record:
    bd = el.find("BookDocument")
    if bd is None:
        raise _RecordError("PubmedBookArticle without BookDocument")
    rec = Record(pmid=_pmid(bd), kind="book")
    pbd = el.find("PubmedBookData")
    if pbd is not None:
        for c in pbd:
            if c.tag == "ArticleIdList":
                _article_ids(c, rec)
            elif c.tag == "PublicationStatus":
                rec.publication_status = _opt(c)
    book = Book()
    rec.book = book
    book_authors: list[Author] = []
    authors: list[Author] = []
    for c in bd:
        tag = c.tag
        if tag == "Book":
            for x in c:
                xt = x.tag
                if xt == "BookTitle":
                    book.book_title = _opt(x)
                elif xt == "Publisher":
                    book.publisher = _opt(x.find("PublisherName"))
                    book.location = _opt(x.find("PublisherLocation"))
                elif xt == "Isbn":
                    if book.isbn is None:
                        book.isbn = _opt(x)
                elif xt == "CollectionTitle":
                    book.collection_title = _opt(x)
                elif xt == "AuthorList":
                    if x.get("Type") == "editors":
                        book.editors.extend(_authors(x))
                    else:
                        book_authors.extend(_authors(x))
                elif xt == "PubDate":
                    rec.pub_date = _pub_date(x)
                elif xt == "Volume":
                    rec.journal.volume = _opt(x)
                elif xt == "ELocationID":
                    _elocation(x, rec)
        elif tag == "ArticleIdList":
            _article_ids(c, rec)
        elif tag == "ArticleTitle":
            rec.title = _text(c)
        elif tag == "VernacularTitle":
            rec.vernacular_title = _opt(c)
        elif tag == "Abstract":
            rec.abstract = _abstract(c)
        elif tag == "AuthorList":
            if c.get("Type") == "editors":
                book.editors.extend(_authors(c))
            else:
                authors.extend(_authors(c))
        elif tag == "Language":
            lang = (c.text or "").strip()
            if lang:
                rec.languages.append(lang)
        elif tag == "GrantList":
            rec.grants = _grants(c)
        elif tag == "PublicationType":
            t = _opt(c)
            if t:
                rec.publication_types.append(t)
        elif tag == "PublicationTypeList":
            rec.publication_types.extend(_texts(c, "PublicationType"))
        elif tag == "KeywordList":
            rec.keywords.extend(_texts(c, "Keyword"))
        elif tag == "Pagination":
            rec.journal.pages = _pagination(c)
        elif tag == "ELocationID":
            _elocation(c, rec)
        elif tag == "ContributionDate":
            rec.article_date = _iso_date(c)
    if not rec.title:
        rec.title = book.book_title or ""
    rec.authors = authors or book_authors
    return rec


def _pmid(el: Any) -> str:
    """The text of the first ``PMID`` child (what ``el.findtext("PMID")`` reads, faster)."""
    pmid = ""
    for c in el:
        if c.tag == "PMID":
            pmid = (c.text or "").strip()
            break
    if not pmid:
        raise _RecordError("record without a PMID")
    if not is_ascii_digits(pmid):  # "²³" / "２３": never a PMID (ASCII digits only)
        raise _RecordError(f"PMID {pmid[:20]!r} is not a number")
    return pmid
