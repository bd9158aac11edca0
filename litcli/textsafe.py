"""Neutralise untrusted text (PubMed titles, abstracts, article text).

Nothing from PubMed may inject terminal escape sequences or control
characters, nor bidi embedding / override / isolate controls (U+202A-U+202E,
U+2066-U+2069), which can visually reorder a line ("Trojan Source").  Right-to-left
letters (Arabic, Hebrew) and the implicit marks U+200E/U+200F are kept.  Rich markup is a separate concern: render untrusted text as
``rich.text.Text`` (never as a markup string) or escape it with
``rich.markup.escape``.
"""

from __future__ import annotations

import re

# ESC [ ... final byte (CSI), ESC ] ... BEL/ST (OSC), other two-byte ESC sequences, C1 CSI
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_control(text: str, *, keep_newlines: bool = False) -> str:
    """Remove ANSI escape sequences, control characters and bidi controls.

    Tabs and (optionally) newlines become spaces / are kept; everything else
    in C0/C1 is dropped, and so are the bidi embedding, override and isolate
    controls (U+202A-U+202E, U+2066-U+2069).
    """
    text = _ANSI.sub("", text)
    if keep_newlines:
        text = text.replace("\t", " ")
        return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return _CONTROL.sub("", text)


def one_line(text: str | None) -> str:
    """Collapse whitespace and strip control characters: safe for a table cell."""
    if not text:
        return ""
    return " ".join(strip_control(text).split())


_JSON_RAW_CONTROLS = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def json_inert(encoded: str) -> str:
    """Escape DEL, C1 controls (U+007F-U+009F) and bidi controls (U+202A-U+202E,
    U+2066-U+2069) in JSON text as \\uXXXX.

    ``json.dumps(..., ensure_ascii=False)`` escapes C0 controls but writes C1
    ones (U+009B is CSI) and bidi overrides raw, and a terminal may act on them.
    In JSON output these characters can only occur inside strings, so the
    escaped text decodes to the same data.
    """
    if encoded.isascii() and "\x7f" not in encoded:  # none of them (the regex: 16 us a record)
        return encoded
    return _JSON_RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group(0)):04x}", encoded)
