"""The streaming parser: ``iter_parse`` reads records as lxml's iterparse meets them.

Only *start* events of record elements are asked for (see ``_iter_stream``); each record is
mapped (``litcli.pubmed.record``) and cleared as soon as the next one starts, so memory stays
bounded however large the input is.  After a parse error the records before the break are
kept (``litcli.pubmed.recovery``).
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from lxml import etree

from litcli.errors import InputFileError
from litcli.models import Record
from litcli.pubmed.record import _article_record, _book_record, _legacy_record, _RecordError
from litcli.pubmed.recovery import (
    _TRUNCATED_HINT,
    _after,
    _closed,
    _cut_off,
    _syntax_message,
    _tail_after_error,
    _xml_error_text,
)
from litcli.pubmed.source import _UTF16_BOMS, Source, _one_line, _peek, open_binary
from litcli.pubmed.text import _norm


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



def _raw(el: Any) -> bytes:
    return etree.tostring(el, encoding="utf-8", with_tail=False)


def parse_records(source: Source) -> list[Record]:
    """All records of ``source`` (DeleteCitation entries are skipped)."""
    return [item.record for item in iter_parse(source) if isinstance(item, Parsed)]
