"""MEDLINE / .nbib text ("PubMed format", ``efetch rettype=medline``) -> :class:`Record`.

The file is split into records at blank lines and before every ``PMID- `` line
(so concatenated exports split even when a file does not end with a blank line;
a ``PMC - `` line leading a PMC MEDLARS record stays with its record); each
record is read with
``Bio.Medline`` (after joining continuation lines, which Bio.Medline would
otherwise turn into extra list items for tags such as CIN or GR) and mapped to
the same model as the XML parser.  Author blocks (FAU/AU/AD/AUID/CN) are read
in file order so affiliations stay with their author.

A record that cannot be used (no PMID, lines that are not MEDLINE tags) is
yielded as :class:`Failed` and parsing continues with the next record; only an
unreadable / binary / empty file raises :class:`InputFileError`.

The last record of the input is checked for truncation when nothing (no blank
line) follows it: every record of every real PubMed / PMC export ends with its
``SO`` (source) line, so a last non-book record without one, or a file whose
last line has no newline, is reported as :class:`Failed` rather than stored in
place of a complete copy.  Compressed input that breaks off part-way raises
:class:`InputFileError` after the records read before the break.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from litcli.errors import InputFileError
from litcli.ids import is_ascii_digits
from litcli.models import (
    AbstractSection,
    Author,
    Book,
    CommentCorrection,
    Grant,
    Journal,
    MeshHeading,
    MeshQualifier,
    PubDate,
    Record,
)
from litcli.pubmed import Failed, Parsed, normalize_orcid, open_binary, parse_month, sniff_format

__all__ = ["Failed", "Parsed", "iter_medline", "parse_medline", "sniff_format", "COMMENT_TAGS"]

# MEDLINE comment/correction tags -> CommentsCorrections/@RefType of the XML.
COMMENT_TAGS: dict[str, str] = {
    "CIN": "CommentIn",
    "CON": "CommentOn",
    "CRI": "CorrectedandRepublishedIn",
    "CRF": "CorrectedandRepublishedFrom",
    "EIN": "ErratumIn",
    "EFR": "ErratumFor",
    "ECI": "ExpressionOfConcernIn",
    "ECF": "ExpressionOfConcernFor",
    "RIN": "RetractionIn",
    "ROF": "RetractionOf",
    "RRI": "RetractedandRepublishedIn",
    "RRF": "RetractedandRepublishedFrom",
    "RPI": "RepublishedIn",
    "RPF": "RepublishedFrom",
    "UIN": "UpdateIn",
    "UOF": "UpdateOf",
    "SPIN": "SummaryForPatientsIn",
    "ORI": "OriginalReportIn",
    "PRIN": "ReprintIn",
    "PROF": "ReprintOf",
}

_TAG_LINE = re.compile(r"^([A-Z][A-Z0-9]{0,3}) {0,3}- ?(.*)$")
_SEASONS = {"spring", "summer", "fall", "autumn", "winter"}
_ID_SUFFIX = re.compile(r"^(.*?)\s*\[([a-z-]+)\]\s*$")
_CC_PMID = re.compile(r"\s*PMID:\s*(\d+)\s*$", re.ASCII)
# "BACKGROUND AND PURPOSE: " ... a label is upper-case words at a sentence start; a
# word may end in a parenthesised plural as PubMed writes them ("PATIENT(S)",
# "MAIN OUTCOME MEASURE(S)").
_LABEL_PLURAL = r"(?:\([A-Z]{1,3}\))?"
_LABEL = re.compile(
    r"(?:^|(?<=[.!?)\]'\"\u2019\u201d]\s))"
    rf"([A-Z][A-Z0-9]*{_LABEL_PLURAL}(?:[ ,/&-]+[A-Z0-9]+{_LABEL_PLURAL}){{0,6}}): "
)


# --- reading records ------------------------------------------------------------------


def _open_text(source: str | Path | bytes | TextIO) -> tuple[TextIO, str, bool]:
    if isinstance(source, (str, Path)) and not (
        isinstance(source, str) and source.lstrip().startswith(("PMID-", "PMC -"))
    ):
        stream, name, close = open_binary(source)
        return io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace"), name, close
    if isinstance(source, str):
        return io.StringIO(source), "<string>", False
    if isinstance(source, bytes):
        stream, name, _ = open_binary(source)
        return io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace"), name, False
    if hasattr(source, "read"):
        probe = source.read(0)
        if isinstance(probe, bytes):
            stream, name, _ = open_binary(source)  # type: ignore[arg-type]
            return io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace"), name, False
        stream_name = getattr(source, "name", None)
        return source, stream_name if isinstance(stream_name, str) else "<stream>", False
    raise InputFileError(f"unsupported input of type {type(source).__name__}")


# How a record's text ended (the second item _chunks yields with its lines).
_END_BLANK = "blank"  # a blank line follows it
_END_NEXT = "next"  # the next record's PMID- line follows it
_END_EOF = "eof"  # the input ends after its last line
_END_EOF_PARTIAL = "eof-partial"  # the input ends in the middle of its last line (no newline)


def _is_pmid_line(line: str) -> bool:
    m = _TAG_LINE.match(line)
    return m is not None and m.group(1) == "PMID"


def _tag_of(line: str) -> str | None:
    if line.startswith((" ", "\t")):
        return None
    m = _TAG_LINE.match(line)
    return m.group(1) if m else None


def _split_before_pmid(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split the lines read so far when a PMID- line arrives: (finished record, the
    start of the next one).  In the PMC MEDLARS layout a record starts with its
    ``PMC -`` line and then ``PMID-``: a trailing PMC line stays with the new record."""
    if _tag_of(lines[0]) != "PMC":
        return lines, []
    start = max(i for i, line in enumerate(lines) if _tag_of(line) is not None)
    if _tag_of(lines[start]) != "PMC":
        return lines, []
    return lines[:start], lines[start:]


def _chunks(stream: TextIO, name: str) -> Iterator[tuple[list[str], str]]:
    """Yield the lines of each record and how it ended (``_END_*``).

    Records are separated by blank lines; a ``PMID- `` line also starts a new record.
    Compressed data that breaks off or is corrupt raises :class:`InputFileError`
    after the records completed before the break (the partial one is dropped).
    """
    lines: list[str] = []
    first = True
    records = 0
    last = ""
    try:
        for line in stream:
            if first and line.strip():
                first = False
                if "\x00" in line:
                    raise InputFileError(
                        f"{name}: binary data, not MEDLINE text",
                        hint="import .nbib or MEDLINE .txt files exported from PubMed",
                    )
            last = line
            line = line.rstrip("\r\n")
            if not line.strip():
                if lines:
                    yield lines, _END_BLANK
                    records += 1
                    lines = []
                continue
            if lines and _is_pmid_line(line):
                done, lines = _split_before_pmid(lines)
                if done:
                    yield done, _END_NEXT
                    records += 1
            lines.append(line)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise InputFileError(
            f"{name}: compressed data is truncated or corrupt ({detail}) "
            f"after {records} record{'' if records == 1 else 's'}",
            hint="download the file again",
        ) from None
    except (OSError, UnicodeError) as exc:
        raise InputFileError(f"{name}: cannot be read ({exc})") from None
    if lines:
        yield lines, (_END_EOF if last.endswith(("\n", "\r")) else _END_EOF_PARTIAL)
    if first:
        raise InputFileError(f"{name}: the file is empty", hint="export records from PubMed again")


def _truncation(record: Record, fields: list[tuple[str, str]], end: str) -> str | None:
    """Why the input's last record looks cut off, or None.  Only a record that
    nothing follows is checked; a blank line after it means it was written whole."""
    if end not in (_END_EOF, _END_EOF_PARTIAL):
        return None
    if record.kind != "book" and not any(tag == "SO" and value for tag, value in fields):
        return "record ends before its SO (source) line: the file looks truncated"
    if end == _END_EOF_PARTIAL:
        return "record ends in the middle of a line (no final newline): the file looks truncated"
    return None


def _fields(lines: list[str]) -> list[tuple[str, str]]:
    """Ordered (tag, value) pairs; continuation lines are joined with one space.

    Linear in the record's size: a field's parts are collected and joined once (adding
    each continuation line to a growing string made a 400,000-line field take minutes).
    """
    tags: list[str] = []
    parts: list[list[str]] = []
    for i, line in enumerate(lines, 1):
        if line.startswith("      ") or line.startswith("\t"):
            if not parts:
                raise ValueError(f"line {i} continues nothing")
            piece = line.strip()
            if piece:
                parts[-1].append(piece)
            continue
        m = _TAG_LINE.match(line)
        if not m:
            raise ValueError(f"line {i} is not a MEDLINE tag line: {line[:40]!r}")
        tags.append(m.group(1))
        first = m.group(2).strip()
        parts.append([first] if first else [])
    return [(tag, " ".join(p)) for tag, p in zip(tags, parts, strict=True)]


def iter_medline(
    source: str | Path | bytes | TextIO, *, keep_raw: bool = True
) -> Iterator[Parsed | Failed]:
    """Stream records from MEDLINE / .nbib text (path, text, bytes or text/binary file).

    Yields :class:`Parsed` (``raw`` = the record's own MEDLINE text, UTF-8) or, for a
    record that cannot be read, :class:`Failed` with its 1-based index (also for a
    last record that looks truncated: see the module docstring).  Raises
    :class:`InputFileError` when the file is unreadable, binary, empty or not MEDLINE,
    and after the complete records when compressed data breaks off part-way.
    """
    from Bio import Medline

    stream, name, must_close = _open_text(source)
    try:
        for index, (lines, end) in enumerate(_chunks(stream, name), 1):
            raw = "\n".join(lines) + "\n"
            if index == 1 and not _TAG_LINE.match(lines[0]):
                raise InputFileError(
                    f"{name}: not MEDLINE text (first line is not a tag line such as 'PMID- ')",
                    hint="import .nbib or MEDLINE .txt files exported from PubMed",
                )
            try:
                fields = _fields(lines)
                tags = {tag for tag, _ in fields}
                if index == 1 and not tags & {"PMID", "TI", "AU", "FAU", "SO", "DP"}:
                    raise InputFileError(
                        f"{name}: not MEDLINE text (no PMID- line in the first record)",
                        hint="import .nbib or MEDLINE .txt files exported from PubMed",
                    )
                bio = Medline.read([f"{tag:<4}- {value}\n" for tag, value in fields])
                record = _record(bio, fields)
            except InputFileError:
                raise
            except (ValueError, KeyError, IndexError, StopIteration) as exc:
                pmid = next((v for t, v in _safe_fields(lines) if t == "PMID"), None)
                yield Failed(str(exc) or type(exc).__name__, index, pmid, raw.encode("utf-8"))
                continue
            cut = _truncation(record, fields, end)
            if cut is not None:
                yield Failed(cut, index, record.pmid, raw.encode("utf-8"))
                continue
            yield Parsed(record, raw.encode("utf-8") if keep_raw else None)
    finally:
        if must_close:
            stream.close()


def _safe_fields(lines: list[str]) -> list[tuple[str, str]]:
    out = []
    for line in lines:
        m = _TAG_LINE.match(line)
        if m:
            out.append((m.group(1), m.group(2).strip()))
    return out


def parse_medline(source: str | Path | bytes | TextIO) -> list[Record]:
    """All readable records of ``source`` (failed records are skipped)."""
    return [
        item.record for item in iter_medline(source, keep_raw=False) if isinstance(item, Parsed)
    ]


# --- mapping ---------------------------------------------------------------------------


def _one(bio: Any, tag: str) -> str | None:
    value = bio.get(tag)
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def _many(bio: Any, tag: str) -> list[str]:
    value = bio.get(tag)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    return [v for v in (" ".join(x.split()) for x in value) if v]


def _record(bio: Any, fields: list[tuple[str, str]]) -> Record:
    pmid = _one(bio, "PMID")
    if not pmid:
        raise ValueError("record has no PMID")
    if not is_ascii_digits(pmid):
        raise ValueError(f"PMID {pmid[:20]!r} is not a number")
    rec = Record(pmid=pmid)
    rec.title = _one(bio, "TI") or ""
    rec.vernacular_title = _one(bio, "TT")
    rec.abstract = split_abstract(_one(bio, "AB") or "")
    rec.authors = _authors(fields, ("FAU", "AU", "CN", "AD", "AUID"))
    issn = _many(bio, "IS")
    rec.journal = Journal(
        title=_one(bio, "JT"),
        medline_ta=_one(bio, "TA"),
        issn=issn[0].split(" ")[0] if issn else None,
        volume=_one(bio, "VI"),
        issue=_one(bio, "IP"),
        pages=_one(bio, "PG"),
    )
    rec.pub_date = parse_dp(_one(bio, "DP"))
    rec.article_date = _dep(_one(bio, "DEP"))
    for tag in ("AID", "LID"):
        for value in _many(bio, tag):
            m = _ID_SUFFIX.match(value)
            if not m:
                continue
            ident, kind = m.group(1).strip(), m.group(2)
            if kind == "doi" and rec.doi is None:
                rec.doi = ident
            elif kind == "pii" and rec.pii is None:
                rec.pii = ident
    pmc = _one(bio, "PMC")
    if pmc and re.fullmatch(r"PMC\d+", pmc, re.ASCII):
        rec.pmcid = pmc
    rec.languages = _many(bio, "LA")
    rec.publication_types = _many(bio, "PT")
    rec.mesh = [parse_mh(v) for v in _many(bio, "MH")]
    rec.keywords = _many(bio, "OT")
    rec.chemicals = [_rn_name(v) for v in _many(bio, "RN")]
    rec.grants = [_grant(v) for v in _many(bio, "GR")]
    rec.comments_corrections = [
        _comment(COMMENT_TAGS[tag], value) for tag, value in fields if tag in COMMENT_TAGS and value
    ]
    rec.status = _one(bio, "STAT")
    rec.publication_status = _one(bio, "PST")
    if _one(bio, "BTI") or "Book" in rec.publication_types:
        rec.kind = "book"
        rec.book = Book(
            book_title=_one(bio, "BTI"),
            publisher=_one(bio, "PB"),
            location=_one(bio, "PL"),
            isbn=next(iter(_many(bio, "ISBN")), None),
            editors=_authors(fields, ("FED", "ED")),
            collection_title=_one(bio, "CTI"),
        )
        if not rec.title:
            rec.title = rec.book.book_title or ""
    return rec


_SUFFIXES = frozenset({"Jr", "Sr", "2nd", "3rd", "4th", "5th", "II", "III", "IV"})


def _authors(fields: list[tuple[str, str]], tags: tuple[str, ...]) -> list[Author]:
    """Authors in file order: a full-name tag (FAU/FED) opens an author, the short
    tag (AU/ED) completes it (initials, suffix) or opens one when there is no full
    name, CN opens a collective author, AD/AUID attach to the latest author.  An AD
    before any author (older records: one article-level affiliation) goes to the
    first author."""
    full, short = tags[0], tags[1]
    out: list[Author] = []
    early_ads: list[str] = []
    pending_full = False  # the latest author came from a full-name line, awaiting its short form
    for tag, value in fields:
        if not value:
            continue
        if tag == full:
            last, _, fore = value.partition(",")
            out.append(Author(last_name=last.strip() or None, fore_name=fore.strip() or None))
            pending_full = True
        elif tag == short:
            if pending_full and out:
                au = out[-1]
                rest = (
                    value[len(au.last_name) :].split()
                    if au.last_name and value.startswith(au.last_name)
                    else value.split()[1:]
                )
                # FAU decides what follows the initials: PubMed writes a suffix in both
                # ('Hellinger, Frank R Jr' / 'Hellinger FR Jr'), so a last AU token
                # that ends the FAU fore name too (or is a known suffix) is the suffix;
                # anything else is initials, particles included ('Lim do Y',
                # FAU 'Lim, Do Young' -> initials 'do Y').
                fore = au.fore_name or ""
                if len(rest) >= 2 and (fore.endswith(" " + rest[-1]) or rest[-1] in _SUFFIXES):
                    au.suffix = rest.pop()
                    if fore.endswith(" " + au.suffix):
                        au.fore_name = fore[: -len(au.suffix) - 1].rstrip() or None
                au.initials = " ".join(rest) or None
                pending_full = False
            else:
                out.append(_split_au(value))
        elif tag == "CN" and "CN" in tags:
            out.append(Author(collective_name=value))
            pending_full = False
        elif tag == "AD" and "AD" in tags:
            if out:
                out[-1].affiliations.append(value)
            else:
                early_ads.append(value)
        elif (
            tag == "AUID"
            and "AUID" in tags
            and out
            and value.upper().startswith("ORCID")
            and out[-1].orcid is None
        ):
            out[-1].orcid = normalize_orcid(value)
    if early_ads and out:
        out[0].affiliations[:0] = early_ads
    return out


def _split_au(value: str) -> Author:
    """'Brinjikji W' -> last 'Brinjikji', initials 'W'; 'Given CA 2nd' -> suffix '2nd'."""
    parts = value.split()
    suffix = None
    if len(parts) >= 3 and parts[-1] in _SUFFIXES:
        suffix = parts.pop()
    if len(parts) >= 2 and re.fullmatch(r"[A-Z]{1,4}", parts[-1]):
        return Author(last_name=" ".join(parts[:-1]), initials=parts[-1], suffix=suffix)
    return Author(last_name=" ".join(parts), suffix=suffix)


def parse_dp(value: str | None) -> PubDate:
    """MEDLINE DP: '2018 Apr 15', '2018 Apr', '2018', '2007 Spring', '1998 Dec-1999 Jan'."""
    if not value:
        return PubDate()
    parts = value.split()
    if parts and re.fullmatch(r"\d{4}", parts[0], re.ASCII):
        year = int(parts[0])
        if len(parts) == 1:
            return PubDate(year=year)
        if len(parts) == 2 and parts[1].lower() in _SEASONS:
            return PubDate(year=year, season=parts[1])
        month = parse_month(parts[1]) if re.fullmatch(r"[A-Za-z]{3}|\d{1,2}", parts[1], re.ASCII) else None
        if month is not None:
            if len(parts) == 2:
                return PubDate(year=year, month=month)
            if len(parts) == 3 and is_ascii_digits(parts[2]) and 1 <= int(parts[2]) <= 31:
                return PubDate(year=year, month=month, day=int(parts[2]))
    return PubDate(medline_date=value)


def _dep(value: str | None) -> str | None:
    if value and re.fullmatch(r"\d{8}", value, re.ASCII):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return None


def parse_mh(value: str) -> MeshHeading:
    """'Brain Ischemia/diagnostic imaging/*surgery' / '*Stroke' -> MeshHeading."""
    descriptor, *quals = value.split("/")
    major = descriptor.startswith("*")
    return MeshHeading(
        descriptor=descriptor.lstrip("*").strip(),
        major=major,
        qualifiers=[
            MeshQualifier(q.lstrip("*").strip(), q.startswith("*")) for q in quals if q.strip()
        ],
    )


def _rn_name(value: str) -> str:
    """'0 (Fibrinolytic Agents)' / 'EC 3.4.21.68 (Tissue Plasminogen Activator)' -> name."""
    m = re.match(r"^\S.*? \((.+)\)$", value)
    return m.group(1) if m else value


def _grant(value: str) -> Grant:
    """GR 'GrantID/Acronym/Agency/Country' (the ID may itself contain '/');
    'GrantID/Agency/Country' and 'Agency/Country' (no ID) also occur."""
    parts = value.rsplit("/", 3)
    clean = [p.strip() or None for p in parts]
    if len(parts) == 4:
        return Grant(grant_id=clean[0], agency=clean[2], country=clean[3])
    if len(parts) == 3:
        return Grant(grant_id=clean[0], agency=clean[1], country=clean[2])
    if len(parts) == 2:
        return Grant(agency=clean[0], country=clean[1])
    return Grant(grant_id=value)


def _comment(ref_type: str, value: str) -> CommentCorrection:
    """'J Foo. 2018 Apr;10(4):e5. PMID: 12345' -> source + pmid."""
    m = _CC_PMID.search(value)
    if m:
        return CommentCorrection(ref_type, m.group(1), value[: m.start()].strip() or None)
    return CommentCorrection(ref_type, None, value or None)


def split_abstract(text: str) -> list[AbstractSection]:
    """Split 'BACKGROUND: … METHODS: …' into labelled sections when clearly labelled
    (the text starts with a label and has at least two); otherwise one section."""
    text = " ".join(text.split())
    if not text:
        return []
    matches = list(_LABEL.finditer(text))
    if len(matches) < 2 or matches[0].start() != 0:
        return [AbstractSection(text=text)]
    sections = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        sections.append(AbstractSection(text=text[m.end() : end].strip(), label=m.group(1)))
    return sections
