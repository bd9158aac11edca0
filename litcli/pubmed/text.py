"""Element text: inline markup and MathML flattened, whitespace collapsed; dates and ORCIDs.

Entities are never expanded: a standard character name (``&nbsp;``, ``&ouml;``) becomes its
character, anything else stays literal.
"""

from __future__ import annotations

import re
from html.entities import html5 as html5_entities
from typing import Any

from lxml import etree

from litcli.ids import is_ascii_digits
from litcli.models import PubDate
from litcli.pubmed.mathml import _math

MONTHS: dict[str, int] = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}

_MATHML_NS = "{http://www.w3.org/1998/Math/MathML}"
_ORCID = re.compile(r"(\d{4}-\d{4}-\d{4}-\d{3}[\dXx])", re.ASCII)


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
