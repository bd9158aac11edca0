"""The reference list of an article: found, split into entries, each read into fields.

The list is the part under a "References" / "Sources" / "Bibliography" / "Works cited" /
"Notes" heading, up to the next heading of the same or a higher level (plain text: up to a
heading such as "Appendix" or "Acknowledgements"), plus Markdown footnote definitions
(``[^1]: …``) wherever they are.  Entries are numbered lines (``1.``, ``[1]``, ``(1)``,
``1)``), list items (an HTML ``<ol>`` numbers them), or, unnumbered, one per line (a line
that does not start like a reference continues the one before).

Fields are read from Vancouver/AMA (``Rivera CI, Bloom MH. Title. J Abbr. 2013;12(3):100-10.``),
APA (``Rivera, C. I., & Bloom, M. H. (2013). Title. Journal, 12(3), 100–110.``) and
free-form lines (a year, a first author, a quoted or the longest sentence as title);
PMIDs, PMCIDs and DOIs anywhere in the line or its links come first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from litcli.refs.citations import fold
from litcli.refs.document import ITEM_START, Document, Para, visible

_REF_HEADING = re.compile(
    r"^\s*(?:\d+\.?\s+)?(references?(?: list)?|sources?|bibliography|works cited|literature(?: cited)?|"
    r"cited literature|citations|notes(?: and references)?|footnotes|endnotes)\s*:?\s*$",
    re.IGNORECASE,
)
_END_HEADING = re.compile(
    r"^\s*(?:\d+\.?\s+)?(appendix|appendices|about the authors?|acknowledge?ments?|disclosures?|conflicts? of interest|"
    r"funding|author information|supplementary|tables?|figures?|comments?|further reading|related)\b",
    re.IGNORECASE,
)
_NUMBER_PREFIX = re.compile(r"^\s*(?:\[(\d{1,4})\]|\((\d{1,4})\)|(\d{1,4})[.)])\s*")
_FOOTNOTE_DEF = re.compile(r"^\s*\[\^([^\]\s]{1,20})\]:\s*")
_BULLET = re.compile(r"^\s*[-*+•\u2022\u25cf\u2013]\s+")
_YEAR = r"(?:1[89]|20)\d{2}"
_PMID = re.compile(r"\bPMID:?\s*(\d{1,9})\b|pubmed\.ncbi\.nlm\.nih\.gov/(\d{1,9})\b|ncbi\.nlm\.nih\.gov/pubmed/(\d{1,9})\b",
                   re.IGNORECASE)
_PMCID = re.compile(r"\b(PMC\d{3,10})\b", re.IGNORECASE)
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
_DOI_LABEL = re.compile(r"(?:\bdoi:?\s*|doi\.org/)(\S*)", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_NOISE = re.compile(
    r"\b(?:PMID|PMCID):?\s*\S+|\bdoi:?\s*\S+|\[(?:PubMed|Google Scholar|CrossRef|PMC free article|"
    r"Full text|DOI)\]|\bAvailable (?:from|at|online)\s*:?|\bAccessed\b[^.]*\.|\bEpub\b[^.]*\.|\bRetrieved from\b",
    re.IGNORECASE,
)
_VANCOUVER_TAIL = re.compile(
    rf"(?P<year>{_YEAR})[a-z]?(?:\s+[A-Z][a-z]{{2,8}}\.?(?:\s*\d{{1,2}})?(?:[-–][A-Z][a-z]{{2,8}})?)?\s*"
    r"(?:;\s*(?P<volume>[A-Za-z]?\d+[A-Za-z]?)?\s*(?:\((?P<issue>[^)]{1,20})\))?\s*"
    r"(?::\s*(?P<pages>[A-Za-z]{0,2}\d+(?:\s*[-–]\s*[A-Za-z]{0,2}\d+)?))?|\.|$)"
)
_APA = re.compile(rf"^(?P<authors>.+?)\s*\((?P<year>{_YEAR})[a-z]?(?:,[^)]*)?\)\.?\s*(?P<rest>.*)$")
_PAGES = r"(?:pp?\.\s*)?(?P<pages>[A-Za-z]{0,2}\d+(?:\s*[-–]\s*[A-Za-z]{0,2}\d+)?)"
_APA_SOURCE = re.compile(
    r"(?P<journal>[^,.'\"“”‘’]{3,}?),\s*(?P<volume>\d+)(?:\s*\((?P<issue>[^)]{1,20})\))?"
    rf"(?:,\s*{_PAGES})?"
)
# Chicago / PLOS: "Journal of Synthetic Tests 12 (3): 100–110", "PLoS Synth 15(2): e0228000"
_SPACED_SOURCE = re.compile(
    r"(?P<journal>[^\W\d][^,.:;'\"“”‘’]{2,}?)\s+(?P<volume>\d+)\s*(?:\((?P<issue>[^)]{1,20})\))?\s*:\s*" + _PAGES
)
_LEADING_QUOTE = re.compile(r"^\s*['\"“‘](?P<title>[^'\"”’]{3,300}?)[.,]?['\"”’][.,]?\s*(?P<rest>.*)$")
_SENTENCE_GAP = re.compile(r"(?<=[.?!])\s+(?=\S)")


class _Segments:
    """Split at sentence gaps whose next word does not start in lower case (any script)."""

    @staticmethod
    def split(text: str, maxsplit: int = 0) -> list[str]:
        out: list[str] = []
        for piece in _SENTENCE_GAP.split(text):
            if out and piece[:1].islower():
                out[-1] = f"{out[-1]} {piece}"
            else:
                out.append(piece)
        if maxsplit and len(out) > maxsplit + 1:
            out = [*out[:maxsplit], " ".join(out[maxsplit:])]
        return out


_SEGMENTS = _Segments()
_VANCOUVER_NAME = re.compile(r"^\s*(?P<surname>[^\W\d_][\w'’\- ]*?)\s+(?P<initials>[^\W\d_]{1,3})\b")


def _vancouver_surname(name: str) -> str | None:
    """'Rivera' for 'Rivera CI', 'Иванов' for 'Иванов ИИ' (any script: a capitalised
    surname, then one to three capital initials); None when the name is not written so."""
    m = _VANCOUVER_NAME.match(name)
    if m is None or not m.group("initials").isupper() or not m.group("surname")[0].isupper():
        return None
    return m.group("surname").strip()
_APA_AUTHOR = re.compile(r"(?P<surname>[A-Z\u00c0-\u024f][\w'’\-]+(?:[ -][A-Za-z\u00c0-\u024f][\w'’\-]+)*),\s+(?:[A-Z\u00c0-\u00de]\.\s?-?)+")
_QUOTED = re.compile(r"[\"“]([^\"”]{10,300})[\"”]")


@dataclass
class Reference:
    """One entry of the reference list (or a link cited in the text, ``origin="link"``)."""

    number: int
    label: str  # as written ("12", a footnote's "a"), or the position in an unnumbered list
    text: str
    paragraph: int
    line: int | None
    links: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)  # surnames, as written
    year: int | None = None
    title: str | None = None
    journal: str | None = None
    volume: str | None = None
    pages: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    doi: str | None = None
    problems: list[str] = field(default_factory=list)  # "malformed DOI '10.1000'"
    origin: str = "list"  # "list" | "link"

    @property
    def first_author(self) -> str | None:
        return self.authors[0] if self.authors else None

    @property
    def first_page(self) -> str | None:
        if not self.pages:
            return None
        return re.split(r"\s*[-–]\s*", self.pages)[0]

    @property
    def author_key(self) -> str | None:
        """'murrough' for matching author-year citations and PubMed's first author."""
        if not self.first_author:
            return None
        return fold(self.first_author.split()[-1])


@dataclass
class ReferenceList:
    references: list[Reference]
    paras: set[int]  # indexes of the document's paragraphs that hold the list (not prose)
    heading: str | None  # the heading it was found under
    numbered: bool  # entries carry numbers ("[1]", "1.", an <ol>)


def find_references(doc: Document) -> ReferenceList:
    """The reference list of ``doc`` (empty when it has none)."""
    section, heading = _section(doc)
    footnotes = [i for i, p in enumerate(doc.paras) if p.kind == "item" and _FOOTNOTE_DEF.match(visible(p.text))]
    indexes = sorted(set(section) | set(footnotes))
    refs: list[Reference] = []
    numbered = False
    position = 0
    for index in indexes:
        for entry in _entries(doc.paras[index]):
            position += 1
            ref = _reference(entry, position)
            if ref is None:
                position -= 1
                continue
            numbered = numbered or ref.label != str(position) or bool(_NUMBER_PREFIX.match(entry.text))
            refs.append(ref)
    if any(p.number is not None for i in indexes for p in [doc.paras[i]]):
        numbered = True
    return ReferenceList(refs, set(indexes), heading, numbered)


def _section(doc: Document) -> tuple[list[int], str | None]:
    # the last such heading whose next block reads like a reference wins ("Notes" then
    # "References"; an article titled "Notes" followed by prose is not a list)
    candidates = [i for i, para in enumerate(doc.paras)
                  if para.kind == "heading" and _REF_HEADING.match(visible(para.text))]
    start = next((i for i in reversed(candidates) if i + 1 < len(doc.paras)
                  and _looks_like_entry(doc.paras[i + 1])), None)
    if start is None:
        return [], None
    level = doc.paras[start].level
    out: list[int] = []
    for i in range(start + 1, len(doc.paras)):
        para = doc.paras[i]
        if para.kind == "heading":
            text = visible(para.text)
            if para.level and (not level or para.level <= level):
                break
            if _END_HEADING.match(text) or _REF_HEADING.match(text):
                break
        out.append(i)
    return out, visible(doc.paras[start].text)


def _looks_like_entry(para: Para) -> bool:
    """A list item, a numbered line, or a line with a year that starts with authors."""
    text = visible(para.lines[0][1] if para.lines else para.text)
    if para.kind == "item" or ITEM_START.match(text):
        return True
    if para.kind != "paragraph" or not re.search(rf"\b{_YEAR}\b", text):
        return False
    apa = _APA.match(text)
    if apa and _apa_authors(apa.group("authors")):
        return True
    return _looks_like_authors(_SEGMENTS.split(text, maxsplit=1)[0])


@dataclass
class _Entry:
    text: str  # with marks
    paragraph: int
    line: int | None
    links: list[str]
    number: int | None


def _entries(para: Para) -> list[_Entry]:
    """One paragraph of the list as entries (an unnumbered paragraph: one per line)."""
    if para.kind != "paragraph" or len(para.lines) <= 1:
        return [_Entry(para.text, para.paragraph, para.line, para.links, para.number)]
    out: list[_Entry] = []
    for number, line in para.lines:
        if out and not _starts_reference(line, out[-1].text):
            out[-1].text = f"{out[-1].text} {line.strip()}"
            continue
        out.append(_Entry(line.strip(), para.paragraph, number, para.links, None))
    return out


def _starts_reference(line: str, previous: str) -> bool:
    text = visible(line)
    if ITEM_START.match(text):
        return True
    if re.match(r"\s", line):  # an indented line continues the entry above
        return False
    ended = re.search(r"[.)]\s*$|\S+/\S+\s*$|\d\s*$", visible(previous)) is not None
    return ended and bool(re.match(r"[A-Z\u00c0-\u024f]", text))


def _reference(entry: _Entry, position: int) -> Reference | None:
    text = visible(entry.text)
    label = str(entry.number) if entry.number is not None else str(position)
    m = _FOOTNOTE_DEF.match(text)
    if m:
        label = m.group(1)
        text = text[m.end():]
    else:
        m = _NUMBER_PREFIX.match(text)
        if m:
            label = next(g for g in m.groups() if g)
            text = text[m.end():]
        else:
            text = _BULLET.sub("", text)
    text = text.strip()
    if len(re.findall(r"\w+", text)) < 2 and not entry.links:
        return None  # a stray number or word
    number = int(label) if label.isdigit() else position
    ref = Reference(number, label, text, entry.paragraph, entry.line, list(entry.links))
    _identifiers(ref)
    _fields(ref)
    return ref


def _identifiers(ref: Reference) -> None:
    """PMID, PMCID and DOI from the line and its links; malformed DOIs are problems."""
    haystack = " ".join([ref.text, *ref.links])
    m = _PMID.search(haystack)
    if m:
        ref.pmid = str(int(next(g for g in m.groups() if g)))
    m = _PMCID.search(haystack)
    if m:
        ref.pmcid = m.group(1).upper()
    m = _DOI.search(haystack)
    if m:
        ref.doi = _clean_doi(m.group(1))
    else:
        for label in _DOI_LABEL.finditer(ref.text):
            shown = label.group(1).rstrip(".,;")
            ref.problems.append(f"malformed DOI {shown!r}" if shown else "DOI label without a DOI")
            break


def _clean_doi(doi: str) -> str:
    from urllib.parse import unquote

    doi = unquote(doi).rstrip(".,;:")
    while doi.endswith((")", "]")) and doi.count(doi[-1]) > doi.count("(" if doi[-1] == ")" else "["):
        doi = doi[:-1]
    return doi.lower()


def _fields(ref: Reference) -> None:
    text = " ".join(_NOISE.sub(" ", _URL.sub(" ", ref.text)).split()).strip(" ,;")
    apa = _APA.match(text)
    if apa and _apa_authors(apa.group("authors")):
        ref.year = int(apa.group("year"))
        ref.authors = [m.group("surname") for m in _APA_AUTHOR.finditer(apa.group("authors"))] or _first_word(
            apa.group("authors")
        )
        if not ref.authors[1:] and not _APA_AUTHOR.search(apa.group("authors")) and _looks_like_authors(
                apa.group("authors")):
            ref.authors = _vancouver_authors(apa.group("authors"))  # "Smith J, Doe A (2020) …" (PLOS)
        quoted = _LEADING_QUOTE.match(apa.group("rest"))  # Harvard: 'Title', Journal, 12(3), pp. 1–9
        if quoted:
            parts = [quoted.group("title"), quoted.group("rest")]
        else:
            parts = _SEGMENTS.split(apa.group("rest"), maxsplit=1)
        ref.title = parts[0].rstrip(". ") or None
        if len(parts) > 1 and not _source(ref, parts[1]):
            ref.journal = parts[1].split(",")[0].strip(". ") or None
        return
    tail = None
    for m in _VANCOUVER_TAIL.finditer(text):
        if m.start() > 0 and text[m.start() - 1] in " .,(":
            tail = m
            if m.group("volume") or m.group("pages"):
                break
    if tail is not None and (tail.group("volume") or tail.group("pages")):
        ref.year = int(tail.group("year"))
        ref.volume = tail.group("volume")
        ref.pages = _pages(tail.group("pages"))
        head = text[: tail.start()].strip(" .,;")
        segments = [s.strip() for s in _SEGMENTS.split(head) if s.strip()]
        if segments and _looks_like_authors(segments[0]) and len(segments) >= 2:
            ref.authors = _vancouver_authors(segments[0])
            segments = segments[1:]
        if len(segments) >= 2:
            ref.journal = segments[-1].rstrip(". ")
            ref.title = " ".join(segments[:-1]).rstrip(". ")
        elif segments:
            ref.journal = segments[0].rstrip(". ")
        return
    _free_form(ref, text)


def _source(ref: Reference, text: str) -> bool:
    """Journal, volume and pages from the part after the title; False when none is there."""
    src = _APA_SOURCE.search(text) or _SPACED_SOURCE.search(text)
    if src is None:
        return False
    ref.journal = src.group("journal").strip(" ,.")
    ref.volume = src.group("volume")
    ref.pages = _pages(src.group("pages"))
    return True


def _free_form(ref: Reference, text: str) -> None:
    years = re.findall(rf"\b({_YEAR})[a-z]?\b", text)
    if years:
        ref.year = int(years[0])
    quoted = _QUOTED.search(text)
    segments = [s.strip(" .,") for s in _SEGMENTS.split(text) if s.strip(" .,")]
    if segments and _looks_like_authors(segments[0]):
        ref.authors = _vancouver_authors(segments[0])
        segments = segments[1:]
    elif text:
        m = re.match(r"\s*([A-Z\u00c0-\u024f][\w'’\-]+)(?:,|\s+et al\b|\s+and\b|\s+&|\s+[A-Z]{1,3}\b)", text)
        if m:
            ref.authors = [m.group(1)]
    if quoted:
        ref.title = quoted.group(1).strip(" .,")
        _source(ref, text[quoted.end():])
    else:
        prose = [s for s in segments if len(s.split()) >= 4 and not re.fullmatch(rf".*\b{_YEAR}\b.*", s[:12])]
        if prose:
            ref.title = max(prose, key=len)


def _apa_authors(segment: str) -> bool:
    """APA's author part: names with initials ("Rivera, C. I., & Bloom, M."), or a short name."""
    if re.search(r"[\"“”]", segment) or not re.search(r"[A-Za-z]", segment):
        return False
    return bool(_APA_AUTHOR.search(segment)) or len(segment.split()) <= 4


def _looks_like_authors(segment: str) -> bool:
    if re.search(r"\bet al\.?$", segment):
        return True
    names = [n.strip() for n in re.split(r",|\band\b|&", segment) if n.strip()]
    good = sum(1 for n in names if _vancouver_surname(n) or re.fullmatch(r"et al\.?", n))
    return bool(names) and good >= max(1, len(names) * 0.6)


def _vancouver_authors(segment: str) -> list[str]:
    out: list[str] = []
    for name in re.split(r",|\band\b|&", segment):
        name = name.strip(" .")
        if not name or name.startswith("et al"):
            continue
        out.append(_vancouver_surname(name) or name.split()[0])
    return out


def _first_word(text: str) -> list[str]:
    m = re.match(r"\s*([A-Z\u00c0-\u024f][\w'’\-]+)", text)
    return [m.group(1)] if m else []


def _pages(pages: str | None) -> str | None:
    return re.sub(r"\s*[-–]\s*", "-", pages) if pages else None
