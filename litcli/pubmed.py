"""Streaming parser for PubMed XML (``PubmedArticleSet``) -> :class:`Record`.

Built on ``lxml.etree.iterparse``: each ``PubmedArticle`` / ``PubmedBookArticle``
(or top-level ``MedlineCitation`` in legacy ``MedlineCitationSet`` baseline
files) is turned into a record as soon as it is complete (when the next record
starts, or the document ends) and is then cleared from the tree, so memory
stays bounded however large the input is.

Security: entities are never resolved, no DTD is loaded, no network access,
and libxml2's huge-tree mode stays off; a billion-laughs or external-entity
document therefore cannot expand (the reference is kept as literal text).
"""

from __future__ import annotations

import gzip
import io
import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from html.entities import html5 as html5_entities
from pathlib import Path
from typing import IO, Any, BinaryIO

from lxml import etree

from litcli.errors import InputFileError
from litcli.ids import is_ascii_digits
from litcli.models import (
    AbstractSection,
    Author,
    Book,
    CommentCorrection,
    Grant,
    MeshHeading,
    MeshQualifier,
    PubDate,
    Record,
)

__all__ = [
    "Deleted",
    "Failed",
    "Parsed",
    "Source",
    "iter_parse",
    "parse_records",
    "sniff_format",
    "peek_format",
    "open_binary",
    "MONTHS",
    "parse_month",
]

Source = str | Path | bytes | BinaryIO | IO[bytes]


@dataclass
class Parsed:
    """One parsed record and (optionally) its own serialized XML / MEDLINE text."""

    record: Record
    raw: bytes | None = None


@dataclass
class Deleted:
    """PMIDs listed in a ``<DeleteCitation>`` element."""

    pmids: list[str]


@dataclass
class Failed:
    """A record that could not be read; parsing continues with the next one.

    ``index`` is the record's 1-based position in the input; ``reason`` is one line.
    """

    reason: str
    index: int
    pmid: str | None = None
    raw: bytes | None = None


MONTHS: dict[str, int] = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}

_GZIP_MAGIC = b"\x1f\x8b"
_MATHML_NS = "{http://www.w3.org/1998/Math/MathML}"
_RECORD_TAGS = ("PubmedArticle", "PubmedBookArticle", "DeleteCitation", "MedlineCitation")
_KNOWN_ROOTS = frozenset(
    {
        "PubmedArticleSet",
        "PubmedBookArticleSet",
        "MedlineCitationSet",
        "PubmedArticle",
        "PubmedBookArticle",
        "MedlineCitation",
    }
)
_ORCID = re.compile(r"(\d{4}-\d{4}-\d{4}-\d{3}[\dXx])", re.ASCII)
_PMC = re.compile(r"^(PMC\d+)", re.ASCII)


# --- input handling ----------------------------------------------------------------


class _Replay(io.RawIOBase):
    """A read-only stream that replays ``prefix`` and then continues with ``rest``.

    For inputs that cannot seek back after a peek (pipes, gzip data).  It also keeps
    the last bytes read, so that a parse error can tell a cut-off input from a broken one.
    """

    def __init__(self, prefix: bytes, rest: IO[bytes]) -> None:
        self._prefix = prefix
        self._rest = rest
        self._error: BaseException | None = None
        self.tail = b""

    def readable(self) -> bool:
        return True

    def read(self, n: int | None = -1) -> bytes:
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        if self._prefix:
            if n is None or n < 0:
                chunk, self._prefix = self._prefix + self._rest.read(), b""
            elif n > len(self._prefix):  # a peek of 2 bytes must not make a 2-byte read
                try:
                    more = self._rest.read(n - len(self._prefix))
                except (OSError, EOFError, zlib.error) as exc:  # hand out what came first
                    self._error = exc
                    more = b""
                chunk, self._prefix = self._prefix + more, b""
            else:
                chunk, self._prefix = self._prefix[:n], self._prefix[n:]
        else:
            chunk = self._rest.read(-1 if n is None else n)
        if chunk:
            self.tail = (self.tail + chunk)[-512:] if len(chunk) < 512 else chunk[-512:]
        return chunk

    def readinto(self, b: Any) -> int:
        chunk = self.read(len(b))
        b[: len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        try:
            self._rest.close()
        finally:
            super().close()


class _Gunzip(io.RawIOBase):
    """The decompressed data of a gzip stream, read piece by piece.

    ``GzipFile.read(n)`` discards what it decompressed when the data ends early;
    reading with ``read1`` hands out everything before the cut first, and the
    error comes with the next read.  It never claims to seek: ``GzipFile.seek``
    would rewind the underlying file to its very start.
    """

    def __init__(self, raw: IO[bytes], close_raw: bool) -> None:
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")
        self._raw = raw
        self._close_raw = close_raw

    def readable(self) -> bool:
        return True

    def read(self, n: int | None = -1) -> bytes:
        if n is None or n < 0:
            return self._gz.read()
        return self._gz.read1(n)

    def readinto(self, b: Any) -> int:
        data = self._gz.read1(len(b))
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        try:
            self._gz.close()
        finally:
            if self._close_raw:
                self._raw.close()
            super().close()


def _name_of(source: object) -> str:
    if isinstance(source, (str, Path)):
        return os.fspath(source)
    if isinstance(source, bytes):
        return "<bytes>"
    name = getattr(source, "name", None)
    return str(name) if isinstance(name, str) else "<stream>"


def _tell(stream: Any) -> int | None:
    """The position of a stream that can seek back to it, else None."""
    try:
        if stream.seekable():
            return int(stream.tell())
    except (AttributeError, OSError, ValueError):
        pass
    return None


def open_binary(source: Source) -> tuple[IO[bytes], str, bool]:
    """Open ``source`` as a binary stream, transparently gunzipping gzip data.

    Returns ``(stream, display_name, must_close)``.  A ``str`` that starts with
    ``<`` is taken as XML text, any other ``str`` as a path.  A seekable input is
    handed on as it is (after a peek and a seek back), so reading it adds no
    Python-level layer; a pipe is wrapped to replay the peeked bytes.
    """
    name = _name_of(source)
    must_close = False
    raw: IO[bytes]
    if isinstance(source, bytes):
        raw = io.BytesIO(source)
    elif isinstance(source, str) and source.lstrip("\ufeff \t\r\n").startswith("<"):
        raw = io.BytesIO(source.encode("utf-8"))
        name = "<string>"
    elif isinstance(source, (str, Path)):
        try:
            raw = open(source, "rb")  # noqa: SIM115 - closed by the caller via must_close
        except FileNotFoundError:
            raise InputFileError(f"{name}: no such file", hint="check the path") from None
        except IsADirectoryError:
            raise InputFileError(f"{name}: is a directory, not a file") from None
        except OSError as exc:
            raise InputFileError(f"{name}: cannot be read ({exc.strerror or exc})") from None
        must_close = True
    elif hasattr(source, "read"):
        raw = source
    else:
        raise InputFileError(f"unsupported input of type {type(source).__name__}")
    pos = _tell(raw)
    try:
        head = raw.read(2)
        if pos is not None:
            raw.seek(pos)
    except OSError as exc:
        if must_close:
            raw.close()
        raise InputFileError(f"{name}: cannot be read ({exc})") from None
    if isinstance(head, str):
        raise InputFileError(f"{name}: expected a binary stream (open the file with 'rb')")
    rest: IO[bytes] = raw if pos is not None else _Replay(head, raw)  # type: ignore[assignment]
    if head == _GZIP_MAGIC:
        return _Gunzip(rest, must_close), name, must_close  # type: ignore[return-value]
    return rest, name, must_close


def sniff_format(path: str | Path) -> str:
    """Return ``"xml"`` or ``"medline"`` for a file (gzip allowed) by its content.

    Raises :class:`InputFileError` for empty, binary or unrecognised files.
    """
    stream, name, _ = open_binary(path)
    try:
        return _sniff(_read_head(stream, name, 4096), name)
    finally:
        stream.close()


def peek_format(source: Source) -> tuple[str, IO[bytes], str]:
    """Open ``source`` (a path, bytes or a binary stream, pipes included; gzip allowed),
    tell its format from its first bytes and return ``(format, stream, name)``: the
    stream still starts at the beginning of the (decompressed) data, whether or not
    the input can seek.  Raises :class:`InputFileError` as :func:`sniff_format` does.
    """
    stream, name, must_close = open_binary(source)
    try:
        head, stream = _peek(stream, name, 4096)
        return _sniff(head, name), stream, name
    except BaseException:
        if must_close:
            stream.close()
        raise


def _peek(stream: IO[bytes], name: str, size: int) -> tuple[bytes, IO[bytes]]:
    """The first bytes of ``stream`` (up to ``size``) and a stream that still starts
    with them: the same stream sought back, or one that replays them (pipes, gzip)."""
    pos = _tell(stream)
    head = _read_head(stream, name, size)
    if pos is not None:
        stream.seek(pos)
        return head, stream
    return head, _Replay(head, stream)  # type: ignore[return-value]


def _read_head(stream: IO[bytes], name: str, size: int) -> bytes:
    """Up to ``size`` first bytes (fewer from a pipe or gzip data: what one read gives)."""
    try:
        return stream.read(size)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputFileError(f"{name}: cannot be read ({_one_line(exc)})") from None


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _sniff(head: bytes, name: str) -> str:
    if not head.strip():
        raise InputFileError(f"{name}: the file is empty", hint="export records from PubMed again")
    if head.startswith(_UTF16_BOMS):  # UTF-16 text, not binary: lxml reads UTF-16 XML
        text16 = head.decode("utf-16", errors="ignore").lstrip("\ufeff \t\r\n")
        if text16.startswith("<"):
            return "xml"
        raise InputFileError(
            f"{name}: UTF-16 text that is not PubMed XML",
            hint="save MEDLINE/.nbib text as UTF-8 and import it again",
        )
    if b"\x00" in head:
        raise InputFileError(
            f"{name}: binary data, not PubMed XML or MEDLINE text",
            hint="import .xml, .xml.gz, .nbib or MEDLINE .txt files",
        )
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"<"):
        return "xml"
    if re.match(rb"(?:PMID|PMC |[A-Z]{2,4} {0,3})- ", text):
        return "medline"
    raise InputFileError(
        f"{name}: neither PubMed XML nor MEDLINE (.nbib) text",
        hint="import .xml, .xml.gz, .nbib or MEDLINE .txt files",
    )


def _one_line(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()
    return msg[0] if msg else type(exc).__name__


# --- text helpers -------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.split())


def _collapse(t: str) -> str:
    """``" ".join(t.split())`` for text read by libxml2, without splitting long text
    (abstracts, affiliations) into words: tab, LF and CR (and the no-break and thin
    spaces common in abstracts) become spaces, then runs of spaces shrink to one.

    That covers all whitespace of ASCII text, because XML 1.0 forbids the other ASCII
    control characters (libxml2 rejects them, even as character references).  Other
    text takes this path only if, after the replacements, it holds no non-printable
    character (every whitespace character but the space is non-printable).
    """
    if "\n" in t:
        t = t.replace("\n", " ")
    if "\t" in t:
        t = t.replace("\t", " ")
    if "\r" in t:
        t = t.replace("\r", " ")
    if not t.isascii():
        if "\xa0" in t:
            t = t.replace("\xa0", " ")
        if "\u2009" in t:
            t = t.replace("\u2009", " ")
        if not t.isprintable():
            return " ".join(t.split())
    while "  " in t:
        t = t.replace("  ", " ")
    return t.strip(" ")


_MATH_ACCENTS = frozenset({".", "˙", "¨", "¯", "‾", "^", "ˆ", "~", "˜", "→", "⃗", "_"})


_MATH_RELATIONS = frozenset("=<>≤≥≈≠∼~")
_SIMPLE_MATH = re.compile(r"^(?:[\w.,′'-]+|\w+\(.*\))$")


def _wrap(part: str) -> str:
    return (
        part
        if len(part) <= 1 or _SIMPLE_MATH.match(part) and len(part) <= 3 or part.startswith("sqrt(")
        else f"({part})"
    )


def _math(el: Any) -> str:
    """Reduce a MathML subtree to readable linear text: x^2, a_i, a/b, sqrt(x), 3He.

    Whitespace between MathML elements is layout only and is dropped; accents
    such as the dot in V-dot are left out.
    """
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    local = tag.rsplit("}", 1)[-1].split(":")[-1]
    kids = [c for c in el if isinstance(c.tag, str)]
    if not kids:
        text = (el.text or "").strip()
        if local == "mo" and text in _MATH_RELATIONS:
            return f" {text} "
        return text
    parts = [_math(k) for k in kids]
    if local == "msup" and len(parts) >= 2:
        return f"{parts[0]}^{_wrap(parts[1])}"
    if local == "msub" and len(parts) >= 2:
        return f"{parts[0]}_{_wrap(parts[1])}"
    if local == "msubsup" and len(parts) >= 3:
        return f"{parts[0]}_{_wrap(parts[1])}^{_wrap(parts[2])}"
    if local == "mfrac" and len(parts) >= 2:
        return f"{_wrap(parts[0])}/{_wrap(parts[1])}"
    if local == "msqrt":
        return f"sqrt({''.join(parts)})"
    if local == "mroot" and len(parts) >= 2:
        return f"root{_wrap(parts[1])}({parts[0]})"
    if local in ("mover", "munder", "munderover") and len(parts) >= 2:
        return parts[0] + "".join(p for p in parts[1:] if p not in _MATH_ACCENTS)
    if local == "mmultiscripts":
        # base, post-scripts (sub, sup)..., <mprescripts/>, pre-scripts: isotopes as 3He
        names = [k.tag.rsplit("}", 1)[-1].split(":")[-1] for k in kids]
        cut = names.index("mprescripts") if "mprescripts" in names else len(parts)
        post = "".join(parts[1:cut])
        pre = "".join(parts[cut + 1 :])
        return f"{pre}{parts[0]}{post}"
    out = ""
    for part in parts:
        if (
            out
            and part
            and len(part) > 1
            and out[-1].isalnum()
            and part[0].isalpha()
            and len(out) > 1
        ):
            out += " "
        out += part
    return out


def _mixed(el: Any) -> str:
    out = [el.text or ""]
    for child in el:
        tag = child.tag
        if isinstance(tag, str):
            if tag.startswith(_MATHML_NS) or tag.startswith("mml:"):
                out.append(_math(child))
            else:
                out.append(_mixed(child))
        elif tag is etree.Entity:
            # an entity is never expanded; a standard character name (&nbsp;, &ouml;:
            # what the NLM DTDs declare) becomes its character, anything else stays literal
            out.append(html5_entities.get(f"{child.name};", child.text or ""))
        out.append(child.tail or "")
    return "".join(out)


def _text(el: Any) -> str:
    """Readable text of an element: inline markup (<i>, <sup>, MathML) flattened,
    whitespace collapsed."""
    if el is None:
        return ""
    if len(el):
        return " ".join(_mixed(el).split())
    t = el.text
    return _collapse(t) if t else ""


def _opt(el: Any) -> str | None:
    if el is None:
        return None
    if len(el):
        return " ".join(_mixed(el).split()) or None
    t = el.text
    return (" ".join(t.split()) or None) if t else None


def parse_month(value: str | None) -> int | None:
    """'Jan' / 'January' / '01' / '1' -> 1; anything else -> None."""
    if not value:
        return None
    v = value.strip()
    if is_ascii_digits(v):
        n = int(v)
        return n if 1 <= n <= 12 else None
    return MONTHS.get(v[:3].lower())


def _pub_date(el: Any) -> PubDate:
    if el is None:
        return PubDate()
    year = month = day = season = medline_date = None
    for c in el:
        tag = c.tag
        if tag == "Year":
            t = c.text
            if t:
                t = t.strip()
                year = int(t) if is_ascii_digits(t) else None
            else:
                year = None
        elif tag == "Month":
            month = parse_month(c.text)
        elif tag == "Day":
            t = c.text
            if t:
                t = t.strip()
                day = int(t) if is_ascii_digits(t) else None
            else:
                day = None
        elif tag == "Season":
            season = _opt(c)
        elif tag == "MedlineDate":
            medline_date = _opt(c)
    return PubDate(year, month, day, season, medline_date)


def _iso_date(el: Any) -> str | None:
    d = _pub_date(el)
    if d.year is None:
        return None
    if d.month is None:
        return f"{d.year:04d}"
    if d.day is None:
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def normalize_orcid(value: str | None) -> str | None:
    """'https://orcid.org/0000-0002-1825-0097', 'http://orcid.org/…', '0000000218250097'
    or the bare id -> '0000-0002-1825-0097'; None when it is no ORCID."""
    if not value:
        return None
    m = _ORCID.search(value.replace(" ", ""))
    if m:
        return m.group(1).upper()
    digits = re.sub(r"[^0-9Xx]", "", value)
    if len(digits) == 16:
        d = digits.upper()
        return f"{d[0:4]}-{d[4:8]}-{d[8:12]}-{d[12:16]}"
    return None


def _leaf(c: Any) -> str | None:
    """Collapsed text of a (usually markup-free) element, or None when empty."""
    if len(c):
        return " ".join(_mixed(c).split()) or None
    t = c.text
    return (" ".join(t.split()) or None) if t else None


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


class _RecordError(Exception):
    pass


# --- the streaming parser ---------------------------------------------------------


def iter_parse(source: Source, *, keep_raw: bool = False) -> Iterator[Parsed | Deleted | Failed]:
    """Stream records from PubMed XML (``.xml`` or ``.xml.gz``; path, bytes or binary file).

    Yields :class:`Parsed` for every ``PubmedArticle`` / ``PubmedBookArticle`` (and
    top-level ``MedlineCitation`` of legacy baseline files) and :class:`Deleted` for
    ``DeleteCitation``; a record without a PMID becomes :class:`Failed`.  Invalid, truncated, binary or empty input raises
    :class:`InputFileError` (records before the break may already have been yielded).
    """
    stream, name, must_close = open_binary(source)
    try:
        head, stream = _peek(stream, name, 65536)
        if not head.strip():
            raise InputFileError(
                f"{name}: the file is empty", hint="fetch or export the records again"
            )
        if b"\x00" in head and not head.startswith(_UTF16_BOMS):
            raise InputFileError(
                f"{name}: binary data, not PubMed XML",
                hint="import .xml, .xml.gz, .nbib or MEDLINE .txt files",
            )
        yield from _iter_stream(stream, name, keep_raw, _root_name(head))
    finally:
        if must_close:
            stream.close()


def _root_name(head: bytes) -> str | None:
    """The name of the root element, from the first bytes of a document."""
    m = re.search(rb"<([A-Za-z_][\w.:-]*)", head)
    return m.group(1).decode("ascii", "replace").split(":")[-1] if m else None


def _iter_stream(
    stream: IO[bytes], name: str, keep_raw: bool, root_name: str | None = None
) -> Iterator[Parsed | Deleted | Failed]:
    # Only *start* events, and only for record elements: asking lxml for end events
    # would route every element's end tag through a Python-aware SAX hook, which
    # costs about 7% of the whole parse.  A record is therefore read when the NEXT
    # record starts (or when the document ends): by then its end tag has been
    # parsed.  Only records that are the root or a child of the root are read, so
    # the pending record is always a closed, earlier sibling of the element being
    # built, and clearing it never touches the part of the tree the parser is in.
    context = etree.iterparse(
        stream,
        events=("start",),
        tag=_RECORD_TAGS,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    count = 0
    pending: Any = None
    root: Any = None  # held, so that getparent() returns this very proxy
    failed: list[Failed] = []
    error: InputFileError | None = None
    closed = 0
    try:
        for _event, el in context:
            if root is None:
                _check_root(el, name)
                root = el.getroottree().getroot()
            parent = el.getparent()
            if parent is not root and el is not root:
                # deeper than a child of the root: MedlineCitation inside its
                # PubmedArticle is read with it; anything else is out of place
                if parent.tag not in _RECORD_TAGS:
                    failed.append(
                        Failed(
                            f"<{el.tag}> inside <{parent.tag}> (line {el.sourceline}) is not "
                            "where PubMed puts records; skipped",
                            0,
                        )
                    )
                continue
            if pending is not None:
                if pending is root:
                    continue  # the root itself is the record: it is still open
                count += 1
                yield _read_record(pending, count, keep_raw)
            while failed:
                yield failed.pop(0)
            pending = el
    except etree.XMLSyntaxError as exc:
        tail = _tail_after_error(stream)
        root_tag = root.tag if root is not None else root_name
        message = _xml_error_text(exc)
        closed = _closed(pending, tail, root_tag, message)
        # a real tag mismatch is a broken file, even at its very end (a cut end tag
        # shows as a mismatch with "unparsable" or with the start of the open tag's name)
        mismatch = re.search(r"mismatch: ([^\s,]+) line \d+ and ([^\s,]+)", message)
        cut = _cut_off(tail, root_tag) and not (
            mismatch
            and mismatch.group(2) != "unparsable"
            and not mismatch.group(1).startswith(mismatch.group(2))
        )
        error = InputFileError(
            _syntax_message(name, exc, count + closed, cut),
            hint=_TRUNCATED_HINT
            if cut
            else "the file holds several XML documents (files joined with cat?): "
            "import the files one by one"
            if "declaration allowed only at the start" in message
            else "",
        )
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        closed = _closed(pending, getattr(stream, "tail", None))
        error = InputFileError(
            f"{name}: compressed data is truncated or corrupt ({_one_line(exc)})"
            + _after(count + closed),
            hint="download the file again",
        )
    except OSError as exc:
        error = InputFileError(f"{name}: cannot be read ({_one_line(exc)})")
    if error is not None:
        if closed:  # its end tag came before the break: it is whole
            yield _read_record(pending, count + 1, keep_raw)
        yield from failed
        raise error
    if pending is not None:
        count += 1
        yield _read_record(pending, count, keep_raw)
    yield from failed
    if count == 0:
        root = context.root
        tag = root.tag if root is not None else None
        if tag not in _KNOWN_ROOTS:
            err = root.findtext(".//ERROR") if root is not None else None
            detail = f": {_norm(err)}" if err and err.strip() else ""
            raise InputFileError(
                f"{name}: not PubMed XML (root element <{tag}>){detail}",
                hint="import PubmedArticleSet XML from efetch or PubMed's XML export",
            )


_TRUNCATED_HINT = "the file ends part-way: download or export it again"


def _after(count: int) -> str:
    if not count:
        return ""
    return f" after {count} record" + ("" if count == 1 else "s")


def _tail_after_error(stream: Any) -> bytes | None:
    """The last bytes of the input when a parse error came at its very end, else None.

    lxml reports a cut-off document only once it has read to the end of the input, so
    an input that still has data is broken in the middle, not cut off.
    """
    try:
        if stream.read(1):
            return None
    except (OSError, EOFError, ValueError, zlib.error):
        return None
    tail = getattr(stream, "tail", None)
    if isinstance(tail, bytes):
        return tail
    try:
        end = stream.seek(0, 2)
        stream.seek(max(0, end - 512))
        data = stream.read()
    except (OSError, ValueError, AttributeError):
        return None
    return data if isinstance(data, bytes) else None


def _cut_off(tail: bytes | None, root_tag: str | None) -> bool:
    """True when the input ended without closing its root element."""
    if tail is None:
        return False
    if root_tag is None:
        return b"<" in tail  # text that never was XML is not a cut-off document
    local = root_tag.rsplit("}", 1)[-1]
    end_tag = rb"</(?:[\w.-]+:)?" + re.escape(local.encode()) + rb"\s*>\s*$"
    return re.search(end_tag, tail) is None


def _only_root_open(error: str, root_tag: str) -> bool:
    """libxml2's message says the root was the innermost open element."""
    return re.search(rf"(?:in tag|mismatch:) {re.escape(root_tag)} line", error) is not None


def _closed(
    el: Any, tail: bytes | None = None, root_tag: str | None = None, error: str | None = None
) -> int:
    """1 if ``el`` (a child of the root) is known to be complete, else 0.

    After a parse error it is complete if anything (text or an element) follows it.
    When the input simply ended (``tail``: its last bytes) it may still be complete:

    - after an XML error (``error``: libxml2's message), when libxml2 says the root was
      the only element left open ("Premature end of data in tag <root>", "...mismatch:
      <root> line ..."), or when only white space and part of the root's end tag follow
      the last end tag of ``el``'s kind;
    - after compressed data ended early (no ``error``), when only white space and at
      most part of one more tag follow that end tag (libxml2 had not seen the end of the
      input, so a cut start tag cannot have started a record yet).
    """
    if el is None or el.getparent() is None:
        return 0
    if el.tail is not None or el.getnext() is not None:
        return 1
    if tail is None or not isinstance(el.tag, str):
        return 0
    if error is not None and root_tag and _only_root_open(error, root_tag):
        return 1
    end_tag = f"</{el.tag}>".encode()
    at = tail.rfind(end_tag)
    if at < 0:
        return 0
    rest = tail[at + len(end_tag) :]
    if error is None:
        return 1 if re.fullmatch(rb"\s*(?:<[^<>]*)?", rest) else 0
    m = re.fullmatch(rb"\s*</([\w.:-]*)", rest)
    return 1 if m and root_tag and root_tag.startswith(m.group(1).decode("ascii", "replace")) else 0


def _read_record(el: Any, index: int, keep_raw: bool) -> Parsed | Deleted | Failed:
    """Turn one complete record element into an item, then free it and what precedes it."""
    tag = el.tag
    try:
        if tag == "PubmedArticle":
            item: Parsed | Deleted | Failed = Parsed(
                _article_record(el), _raw(el) if keep_raw else None
            )
        elif tag == "DeleteCitation":
            item = Deleted(
                [p for p in ((x.text or "").strip() for x in el.iterfind("PMID")) if p]
            )
        elif tag == "PubmedBookArticle":
            item = Parsed(_book_record(el), _raw(el) if keep_raw else None)
        else:
            item = Parsed(_legacy_record(el), _raw(el) if keep_raw else None)
    except (_RecordError, ValueError) as exc:  # one bad record never ends the file
        item = Failed(str(exc) or type(exc).__name__, index, None, _raw(el))
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]
    return item


def _check_root(el: Any, name: str) -> None:
    root = el.getroottree().getroot()
    if root.tag not in _KNOWN_ROOTS:
        raise InputFileError(
            f"{name}: not PubMed XML (root element <{root.tag}>)",
            hint="import PubmedArticleSet XML from efetch or PubMed's XML export",
        )


def _xml_error_text(exc: etree.XMLSyntaxError) -> str:
    """The first real error libxml2 logged ("Entity 'nbsp' not defined, line 2, column 57");
    lxml's own summary of an iterparse error can be as unhelpful as "no element found"."""
    entry = exc.error_log.last_error  # the log is per thread: earlier entries are old news
    if entry is not None and entry.level >= etree.ErrorLevels.ERROR and entry.message:
        return f"{_norm(entry.message)}, line {entry.line}, column {entry.column}"
    return re.sub(r"\s*\([^()]*, line \d+\)$", "", _one_line(exc))


def _syntax_message(name: str, exc: etree.XMLSyntaxError, count: int, cut: bool = False) -> str:
    msg = _xml_error_text(exc)
    if count == 0 and ("Document is empty" in msg or "no element found" in msg):
        return f"{name}: empty or not XML ({msg})"
    if count == 0 and "Start tag expected" in msg:
        return f"{name}: not XML ({msg})"
    if cut or "Premature end" in msg or "end of data" in msg.lower():
        return f"{name}: XML is truncated{_after(count)} ({msg})"
    return f"{name}: invalid XML{_after(count)} ({msg})"


def _raw(el: Any) -> bytes:
    return etree.tostring(el, encoding="utf-8", with_tail=False)


def parse_records(source: Source) -> list[Record]:
    """All records of ``source`` (DeleteCitation entries are skipped)."""
    return [item.record for item in iter_parse(source) if isinstance(item, Parsed)]
