"""The sentences of an article that cite something, and what each cites.

Recognised (issue 11, point 1):

* numbered: ``[1]``, ``[1,3]``, ``[2-4]``, ``(1)`` (only when the reference list is
  numbered, and never opening a clause: "(1) first, (2) second" is an enumeration),
  superscript digits (``¹²``, ``<sup>1,2</sup>``, ``^1^``), Markdown footnotes ``[^1]``;
* author-year: ``(Murrough et al., 2013)``, ``(Smith 2019; Lee 2020)``,
  ``Murrough and colleagues (2013)``, ``Smith and Lee (2019)``;
* links: ``pubmed.ncbi.nlm.nih.gov/ID``, ``doi.org/…``, ``ncbi.nlm.nih.gov/pmc/articles/PMC…``,
  ``PMID: 123``, ``doi:10.…`` in the text, and an HTML ``<a href>`` (or Markdown link) on
  or inside the sentence.

A citation written after the sentence's full stop ("…improves mood.² Next …") belongs
to that sentence; a "sentence" that is nothing but citations goes to the one before it.
Superscripts after a digit or a unit (``10⁶``, ``m²``) are exponents, not citations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from litcli.claims.sentences import split_sentences
from litcli.refs.document import (
    LINK_CLOSE,
    LINK_OPEN,
    SUP_CLOSE,
    SUP_OPEN,
    Document,
    Para,
    link_indexes,
    visible,
)

MAX_RANGE = 100  # "[1-2000]" is not 2,000 citations


@dataclass(frozen=True)
class Mark:
    """One thing a sentence cites."""

    kind: str  # "number" | "footnote" | "author-year" | "pmid" | "doi" | "pmcid"
    value: str  # "3"; "a"; "murrough 2013"; "99000011"; "10.99999/x"; "PMC99001"
    raw: str  # as written ("[2-4]", "(Murrough et al., 2013)", the URL)


@dataclass
class Citation:
    """A citing sentence and its location (as claims carry theirs)."""

    sentence: str
    paragraph: int
    line: int | None
    marks: list[Mark] = field(default_factory=list)

    @property
    def location(self) -> str:
        return f"paragraph {self.paragraph}" + (f", line {self.line}" if self.line else "")

    def to_dict(self, refs: list[int] | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {
            "sentence": self.sentence,
            "location": {"paragraph": self.paragraph, "line": self.line},
            "cites": [{"kind": m.kind, "value": m.value, "text": m.raw} for m in self.marks],
        }
        if refs is not None:
            d["references"] = refs
        return d


_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TABLE = str.maketrans(_SUPERSCRIPT_DIGITS + "⁻", "0123456789-")
_NUMBERS = r"\d{1,4}(?:\s*[-–,]\s*\d{1,4})*"
_BRACKET = re.compile(rf"\[({_NUMBERS})\](?!\()")
_FOOTNOTE = re.compile(r"\[\^([^\]\s]{1,20})\](?!:)")
_SMALL_NUMBERS = r"\d{1,3}(?:\s*[-–,]\s*\d{1,3})*"
_PAREN_NUMBER = re.compile(rf"(?<=[\w%)\]])\s?\(({_SMALL_NUMBERS})\)(?=[.,;:!?]|\s*$)")
_UNICODE_SUP = re.compile(rf"[{_SUPERSCRIPT_DIGITS}]+(?:[,⁻–-][{_SUPERSCRIPT_DIGITS}]+)*")
_SUP_MARK = re.compile(f"{SUP_OPEN}([^{SUP_CLOSE}]*){SUP_CLOSE}")
_LINK_MARK = re.compile(f"{LINK_OPEN}\\d+{LINK_CLOSE}")
# a citation right after a sentence's end: moved in front of the full stop
_CITE_TOKEN = (
    rf"(?:{SUP_OPEN}[^{SUP_CLOSE}]*{SUP_CLOSE}|\[{_NUMBERS}\]|\[\^[^\]\s]{{1,20}}\]"
    rf"|[{_SUPERSCRIPT_DIGITS}][{_SUPERSCRIPT_DIGITS},⁻–-]*|{LINK_OPEN}\d+{LINK_CLOSE})"
)
_AFTER_STOP = re.compile(rf"([.!?])((?:\s?{_CITE_TOKEN})+)(?=\s|$)")
_UNIT_BEFORE = re.compile(r"(?:\d|\b(?:m|cm|mm|km|kg/m|m/s|mL|dL|ft|in))\s*$")

_PARTICLE = r"(?:(?:van|von|de|der|den|da|di|du|le|la|del|dos|das|al|el|ter|ten)\s+)*"
_NAME = rf"{_PARTICLE}[A-Z][\w'’\-]*[a-z\u00c0-\u024f][\w'’\-]*"
_PAREN_GROUP = re.compile(r"\(([^()]{4,300})\)")
_AY_SEGMENT = re.compile(
    rf"^\s*(?:e\.g\.,?\s*|see(?:\s+also)?\s+|cf\.\s*|reviewed in\s+)?(?P<name>{_NAME})"
    rf"(?:\s*(?:,|and|&)\s*{_NAME})*(?:\s+et\s+al\.?)?,?\s+(?P<year>(?:1[89]|20)\d{{2}})[a-z]?"
    r"(?:\s*,\s*(?:p|pp)\.?\s*\d+(?:[-–]\d+)?)?\s*$"
)
_NARRATIVE = re.compile(
    rf"(?P<name>{_NAME})(?:\s+et\s+al\.?|\s+and\s+(?:colleagues|coworkers|co-workers)"
    rf"|\s+(?:and|&)\s+{_NAME})?\s+\((?P<year>(?:1[89]|20)\d{{2}})[a-z]?\)"
)
_NOT_NAMES = frozenset(re.findall(r"\w+", """
    in on by the since from during until after before and or of for at as a an this that these
    those january february march april may june july august september october november december
    spring summer autumn fall winter figure table study trial
"""))
_URL = re.compile(r"(?:https?://|www\.|(?<![\w.])(?:pubmed\.ncbi|ncbi\.nlm|doi\.org|dx\.doi))[^\s<>\"'\]]+",
                  re.IGNORECASE)
_PMID_TEXT = re.compile(r"\bPMID:?\s*(\d{1,9})\b", re.IGNORECASE)
_PMCID_TEXT = re.compile(r"\b(PMC\d{3,10})\b")
_DOI_TEXT = re.compile(r"\bdoi:\s*(10\.\d{4,9}/[^\s\"<>]+)", re.IGNORECASE)


def expand_numbers(text: str) -> list[str]:
    """'1,3' -> 1, 3; '2-4' -> 2, 3, 4 (ranges capped at MAX_RANGE numbers)."""
    out: list[str] = []
    for part in re.split(r"\s*,\s*", text.translate(_SUP_TABLE).strip()):
        m = re.fullmatch(r"(\d{1,4})\s*[-–]\s*(\d{1,4})", part)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            if a <= b and b - a < MAX_RANGE:
                out.extend(str(n) for n in range(a, b + 1))
                continue
            out.extend([str(a), str(b)])
        elif part.isdigit():
            out.append(str(int(part)))
    return list(dict.fromkeys(out))


def identifier_of(url_or_text: str) -> Mark | None:
    """A PubMed, PMC or DOI link as a mark (other links: None)."""
    from litcli.errors import InvalidInputError
    from litcli.ids import parse_id

    raw = url_or_text.strip().rstrip(".,;:)]")
    lowered = raw.lower()
    if not any(h in lowered for h in ("pubmed", "ncbi.nlm.nih.gov/pmc", "pmc.ncbi", "doi.org", "doi:")):
        return None
    candidate = re.sub(r"^https?://(?:www\.)?ncbi\.nlm\.nih\.gov/pubmed/", "https://pubmed.ncbi.nlm.nih.gov/", raw,
                       flags=re.IGNORECASE)
    try:
        ident = parse_id(candidate)
    except InvalidInputError:
        return None
    return Mark(ident.kind, ident.value, raw)


def find_citations(doc: Document, *, skip: set[int] | None = None, numbered: bool = True) -> list[Citation]:
    """Every citing sentence of ``doc`` in order; ``skip``: indexes of paragraphs not read
    (the reference list); ``numbered``: the list is numbered, so "(1)" may cite."""
    out: list[Citation] = []
    for index, para in enumerate(doc.paras):
        if skip and index in skip or para.kind == "heading":
            continue
        out.extend(_para_citations(para, numbered=numbered))
    return out


def _para_citations(para: Para, *, numbered: bool) -> list[Citation]:
    text = _AFTER_STOP.sub(lambda m: m.group(2).strip() + m.group(1), para.text)
    found: list[Citation] = []
    previous: Citation | None = None
    cursor = 0
    lines = _Lines(para)
    for sentence in split_sentences(text):
        marks = _marks(sentence, para, numbered=numbered)
        shown = visible(sentence)
        if marks and previous is not None and _only_citations(sentence):
            previous.marks.extend(m for m in marks if m not in previous.marks)
            continue
        line, cursor = lines.line_of(sentence, cursor)
        citation = Citation(shown, para.paragraph, line, marks)
        previous = citation
        if marks:
            found.append(citation)
    return found


def _only_citations(sentence: str) -> bool:
    rest = _LINK_MARK.sub("", _SUP_MARK.sub("", sentence))
    rest = _BRACKET.sub("", _FOOTNOTE.sub("", _UNICODE_SUP.sub("", rest)))
    return len(re.findall(r"[A-Za-z]{2,}", rest)) < 2


class _Lines:
    """Where each source line of a paragraph starts in its joined visible text (built once)."""

    def __init__(self, para: Para) -> None:
        self.para = para
        self.joined = ""
        self.starts: list[int] = []
        self.numbers: list[int] = []
        if len(para.lines) > 1:
            parts: list[str] = []
            offset = 0
            for number, line in para.lines:
                self.starts.append(offset)
                self.numbers.append(number)
                text = visible(line) + " "
                parts.append(text)
                offset += len(text)
            self.joined = "".join(parts)

    def line_of(self, sentence: str, start: int) -> tuple[int | None, int]:
        """The source line where the sentence starts (text files keep their lines), and where
        the search for the next sentence goes on."""
        if not self.starts:
            return self.para.line, start
        head = visible(sentence)[:12]
        pos = self.joined.find(head, start) if head else -1
        if pos < 0:
            return self.para.line, start
        import bisect

        return self.numbers[bisect.bisect_right(self.starts, pos) - 1], pos + len(head)


def _marks(sentence: str, para: Para, *, numbered: bool) -> list[Mark]:
    marks: list[Mark] = []

    def add(mark: Mark) -> None:
        if mark not in marks:
            marks.append(mark)

    for m in _SUP_MARK.finditer(sentence):
        content = m.group(1).strip()
        before = sentence[: m.start()]
        if re.fullmatch(_NUMBERS, content) and not _UNIT_BEFORE.search(visible(before)):
            for n in expand_numbers(content):
                add(Mark("number", n, f"^{content}"))
    plain = _SUP_MARK.sub(" ", sentence)
    plain_visible = _LINK_MARK.sub("", plain)
    for m in _UNICODE_SUP.finditer(plain_visible):
        if not _UNIT_BEFORE.search(plain_visible[: m.start()]):
            for n in expand_numbers(m.group(0)):
                add(Mark("number", n, m.group(0)))
    for m in _BRACKET.finditer(plain_visible):
        if re.fullmatch(r"(?:1[89]|20)\d\d", m.group(1)):
            continue  # "[2019]": a year
        for n in expand_numbers(m.group(1)):
            add(Mark("number", n, m.group(0)))
    for m in _FOOTNOTE.finditer(plain_visible):
        add(Mark("footnote", m.group(1), m.group(0)))
    if numbered:
        for m in _PAREN_NUMBER.finditer(plain_visible):
            if not _AY_SEGMENT.match(m.group(1)):
                for n in expand_numbers(m.group(1)):
                    add(Mark("number", n, m.group(0).strip()))
    for mark in author_year(plain_visible):
        add(mark)
    linked = [para.links[i] for i in link_indexes(sentence) if i < len(para.links)]
    for url in [*linked, *(m.group(0) for m in _URL.finditer(plain_visible))]:
        found = identifier_of(url)
        if found is not None:
            add(found)
    for m in _PMID_TEXT.finditer(plain_visible):
        add(Mark("pmid", str(int(m.group(1))), m.group(0)))
    for m in _PMCID_TEXT.finditer(plain_visible):
        add(Mark("pmcid", m.group(1).upper(), m.group(0)))
    for m in _DOI_TEXT.finditer(plain_visible):
        add(Mark("doi", m.group(1).rstrip(".,;)").lower(), m.group(0)))
    return marks


def _surname(name: str) -> str:
    return name.split()[-1] if name.split() else name


def author_year(text: str) -> list[Mark]:
    """Author-year citations in ``text``: (Smith 2019; Lee et al., 2020), Smith and colleagues (2019)."""
    out: list[Mark] = []
    for group in _PAREN_GROUP.finditer(text):
        for segment in group.group(1).split(";"):
            m = _AY_SEGMENT.match(segment)
            if m and m.group("name").split()[-1].lower() not in _NOT_NAMES:
                key = f"{fold(_surname(m.group('name')))} {m.group('year')}"
                out.append(Mark("author-year", key, f"({segment.strip()})"))
    for m in _NARRATIVE.finditer(text):
        if m.group("name").split()[-1].lower() in _NOT_NAMES:
            continue
        key = f"{fold(_surname(m.group('name')))} {m.group('year')}"
        out.append(Mark("author-year", key, m.group(0)))
    return list(dict.fromkeys(out))


def fold(name: str) -> str:
    """A surname for comparison: lower case, accents and punctuation gone."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if ch.isalnum()).lower()
