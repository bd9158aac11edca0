"""After a parse error: which record was already whole, and what to tell the user.

A truncated file keeps the records closed before the break (``_closed`` decides for the
pending one; every byte offset of a cut file is tested); the message says "XML is truncated
after N record(s)" when the input ended without closing its root (``_cut_off``), "invalid
XML ..." otherwise, with libxml2's own message and position (``_xml_error_text``).
"""

from __future__ import annotations

import re
import zlib
from typing import Any

from lxml import etree

from litcli.pubmed.source import _one_line
from litcli.pubmed.text import _norm

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
