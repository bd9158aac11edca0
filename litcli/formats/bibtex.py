"""``bibtex``: @article / @book / @incollection entries.

Keys are readable and stable for a given input (``Rodriguez2013Randomized``:
first author's family name folded to ASCII, year, first significant title
word); keys that collide within one export get ``a``, ``b``, ... suffixes.
Field values are UTF-8 (biber and bibtexparser read them as-is; classic
BibTeX with ``\\usepackage[utf8]{inputenc}``); the characters LaTeX treats
specially are escaped with brace-free or brace-balanced commands, so every
entry has balanced braces whatever the title contains.  ``doi`` and ``url``
are verbatim fields (biblatex, pandoc): written as is, see ``verbatim``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from string import ascii_lowercase
from typing import TextIO

from litcli.formats import _common as c
from litcli.models import Author, Record

_LATEX = {
    "\\": r"\textbackslash{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
}
_LATEX_RE = re.compile("[" + re.escape("".join(_LATEX)) + "]")

_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

# Words skipped when picking the title word of a key.
_STOPWORD_TEXT = (
    "a an the of on in for and or to with at by from as is are was were be its into versus vs via"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def _brace_pairs(value: str) -> set[int]:
    """Positions of braces that have a matching partner."""
    stack: list[int] = []
    matched: set[int] = set()
    for i, ch in enumerate(value):
        if ch == "{":
            stack.append(i)
        elif ch == "}" and stack:
            matched.update((stack.pop(), i))
    return matched


def escape(value: str) -> str:
    """Escape LaTeX special characters in one line of text.

    Matched braces become ``\\{`` / ``\\}`` (BibTeX counts them, so they must
    pair up); a brace without a partner becomes ``\\textbraceleft{}`` /
    ``\\textbraceright{}``, which contains no unbalanced brace at all.
    """
    matched = _brace_pairs(value)
    out = []
    for i, ch in enumerate(value):
        if ch in "{}":
            if i in matched:
                out.append("\\" + ch)
            else:
                out.append(r"\textbraceleft{}" if ch == "{" else r"\textbraceright{}")
        else:
            out.append(_LATEX_RE.sub(lambda m: _LATEX[m.group(0)], ch))
    return "".join(out)


def verbatim(value: str | None) -> str:
    """A verbatim field (``doi``, ``url``): written as is, not LaTeX-escaped.

    biblatex/biber, pandoc and bibtexparser read these fields verbatim, so
    ``10.1093/ije/dyaa_123`` must stay ``dyaa_123`` (an escape would become part
    of the DOI).  Only what would break the entry is removed: control
    characters (and line breaks), braces without a partner (an unmatched ``}``
    would close the field early, an unmatched ``{`` would swallow the rest of
    the entry) and a backslash before a brace or at the end (some parsers read
    it as escaping the brace, which unbalances the entry for them).
    """
    text = c.text(value)
    matched = _brace_pairs(text)
    text = "".join(ch for i, ch in enumerate(text) if ch not in "{}" or i in matched)
    return re.sub(r"\\+(?=[{}]|$)", "", text)


def delimited_verbatim(value: str | None) -> str:
    """A verbatim field with its delimiters: ``{10.1000/x}``, or, when the value holds
    braces without a partner (a DOI may: ``10.1000/a}b{c``), ``"10.1000/a}b{c"``: quotes
    delimit the field, so the braces are kept and bibtexparser reads the DOI back exactly.
    A value that also holds a ``"`` loses its unmatched braces instead (see ``verbatim``)."""
    text = re.sub(r"\\+(?=[{}]|$)", "", c.text(value))
    if len(_brace_pairs(text)) != text.count("{") + text.count("}") and '"' not in text:
        return f'"{text}"'
    return "{" + verbatim(text) + "}"


# Hyphens and slashes separate the parts of a word that are protected one by one
# ('{T}-wave', '{HIV}-infected'), so styles can still capitalise the other parts.
_PIECES = re.compile(r"([-/\u2010\u2013])")


def _ordinary(word: str) -> bool:
    """'Randomized', 'Ketamine,': one capital, first, then no capitals or digits."""
    letters = [ch for ch in word if ch.isalnum()]
    return (
        bool(letters)
        and letters[0].isupper()
        and not any(ch.isupper() or ch.isdigit() for ch in letters[1:])
    )


def protect_case(value: str, *, lead: bool = True) -> str:
    """Escape a title and brace the words whose capitals must survive re-casing.

    PubMed titles are in sentence case, so a capital letter after the start of the
    title is meant (acronym, gene, proper noun, 'Hepatitis C', 'T-wave', '3.0 T').
    BibTeX sentence-case styles and pandoc (which converts English BibTeX titles
    to sentence case before applying a CSL style) lower-case every unbraced word:
    so every word that contains a capital letter is wrapped in braces, except the
    title's first word when it is an ordinary capitalised word ('Randomized'), whose
    capital survives sentence casing anyway.
    A word containing a brace is escaped but not wrapped (its escaped braces may pair
    with another word's); a wrapped word that starts with a LaTeX command gets two
    brace levels, since BibTeX re-cases ``{\\cmd ...}`` groups ("special characters").
    Parts of a word joined by hyphens or slashes are protected one by one
    ('{T}-wave', '{HIV}-infected') so title-case styles still capitalise 'Wave'.
    ``lead=False``: the text does not start the field (a notice precedes it), so its
    first word is protected like any other.
    """
    out = []
    for i, word in enumerate(value.split(" ")):
        if "{" in word or "}" in word:
            out.append(escape(word))
            continue
        pieces = []
        for j, piece in enumerate(_PIECES.split(word)):
            escaped = escape(piece)
            first = lead and i == 0 and j == 0
            if (
                j % 2 == 0
                and any(ch.isupper() for ch in piece)
                and not (first and _ordinary(piece))
            ):
                escaped = "{{" + escaped + "}}" if escaped.startswith("\\") else "{" + escaped + "}"
            pieces.append(escaped)
        out.append("".join(pieces))
    return _literal_dashes(" ".join(out))


def _literal_dashes(value: str) -> str:
    # '--' / '---' are dash ligatures in (Bib)TeX and pandoc: keep the hyphens literal.
    return re.sub(r"-(?=-)", "-{}", value)


def marked_title(record: Record, value: str, mark: bool) -> str:
    """The ``title`` field: ``protect_case(value)``, with the notices of
    ``_common.title_marks`` when ``mark``.  Each notice is one brace group
    (``{[Retracted]} {Randomized} trial ...``, ``Trial of {X} {[Retraction in: Nature.
    2014 Jul 3;511(7507):112]}``), so no style re-cases it; after a leading notice the
    title's first word is protected too, since it no longer starts the field."""
    before, after = c.title_marks(record) if mark and value else ([], [])
    if not before and not after:
        return protect_case(value)
    core = c.strip_final_period(value) if after else value
    parts = [*("{" + _literal_dashes(escape(b)) + "}" for b in before)]
    parts.append(protect_case(core, lead=not before))
    parts.extend("{" + _literal_dashes(escape(a)) + "}" for a in after)
    return " ".join(parts)


# PubMed's ISO 639-2 language codes -> biblatex/babel language names for `langid`
# (pandoc and biblatex only re-case titles whose language is English).
LANGIDS = {
    "eng": "english", "fre": "french", "ger": "german", "spa": "spanish", "ita": "italian",
    "por": "portuguese", "rus": "russian", "jpn": "japanese", "chi": "chinese",
    "dut": "dutch", "pol": "polish", "swe": "swedish", "dan": "danish", "nor": "norwegian",
    "kor": "korean", "tur": "turkish", "heb": "hebrew", "hun": "hungarian", "cze": "czech",
    "fin": "finnish", "gre": "greek",
}  # fmt: skip


def langid(record: Record) -> str:
    """biblatex `langid` of the record's first language ('' when unknown)."""
    return LANGIDS.get(c.text(record.languages[0]).lower(), "") if record.languages else ""


def ascii_fold(value: str) -> str:
    """'Müller-Sánchez' -> 'MullerSanchez' (letters and digits only)."""
    folded = unicodedata.normalize("NFKD", value)
    folded = folded.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l")
    folded = folded.replace("Ł", "L").replace("æ", "ae").replace("Æ", "AE").replace("đ", "d")
    return "".join(ch for ch in folded if ch.isascii() and ch.isalnum())


def base_key(record: Record) -> str:
    """Readable key without de-duplication suffix, e.g. 'Rodriguez2013Randomized'."""
    name = ""
    if record.authors:
        first = record.authors[0]
        source = first.last_name if not first.is_collective else first.collective_name
        words = c.text(source).split()
        name = ascii_fold(words[0] if first.is_collective and words else c.text(source))
    if not name and record.authors:
        # A family name without Latin letters (Cyrillic, CJK, ...): no readable key.
        return f"pmid{record.pmid}"
    name = name[:1].upper() + name[1:] if name else "Anon"
    year = str(record.year) if record.year else ""
    word = ""
    for token in re.split(r"[^\w]+", c.title(record)):
        if token and token.lower() not in _STOPWORDS:
            word = ascii_fold(token)
            if word:
                break
    word = word[:1].upper() + word[1:].lower() if word else ""
    key = f"{name}{year}{word}" or f"pmid{record.pmid}"
    if not key[0].isalpha():
        key = "ref" + key
    return key


def make_keys(records: list[Record]) -> list[str]:
    """Unique keys, in order: colliding keys all get a, b, c ... (aa, ab, ... past z)."""
    bases = [base_key(r) for r in records]
    counts = Counter(bases)
    taken = {b for b, n in counts.items() if n == 1}
    seen: Counter[str] = Counter()
    out = []
    for base in bases:
        if counts[base] == 1:
            out.append(base)
            continue
        while True:
            i = seen[base]
            seen[base] += 1
            suffix = (
                ascii_lowercase[i]
                if i < 26
                else ascii_lowercase[i // 26 - 1] + ascii_lowercase[i % 26]
            )
            key = base + suffix
            if key not in taken:
                taken.add(key)
                out.append(key)
                break
    return out


def _name(author: Author) -> str:
    if author.is_collective:
        return "{" + escape(c.text(author.collective_name)) + "}"
    last = escape(c.text(author.last_name))
    # A family name containing ' and ' or a comma must stay one name part.
    if " and " in f" {last.lower()} " or "," in last:
        last = "{" + last + "}"
    given = escape(c.given_name(author))
    suffix = escape(c.suffix(author))
    if suffix:
        # BibTeX's "von Last, Jr, First" form: biber, pandoc and bibtexparser read the
        # middle part as the suffix ('Carr, 3rd, Richard').
        return f"{last}, {suffix}, {given}"
    return f"{last}, {given}" if given else last


def _names(authors: list[Author]) -> str:
    return " and ".join(_name(a) for a in authors if _name(a))


def entry(
    record: Record, key: str, *, abstracts: bool = False, mark_retracted: bool = False
) -> str:
    """One BibTeX entry; ``mark_retracted``: a retraction notice in ``title`` (see
    ``marked_title``)."""
    fields: list[tuple[str, str]] = []

    def add(name: str, value: str | None, *, raw: bool = False) -> None:
        if value:
            fields.append((name, value if raw else escape(value)))

    def add_title(name: str, value: str | None) -> None:
        if value:
            marked = marked_title(record, value, mark_retracted) if name == "title" else None
            fields.append((name, marked or protect_case(value)))

    names = _names(record.authors)
    if names:
        fields.append(("author", names))
    kind = "article"
    if record.kind == "book":
        kind = "incollection" if c.is_chapter(record) else "book"
        book = record.book
        editors = _names(book.editors) if book else ""
        if kind == "incollection":
            add_title("title", c.title(record))
            add_title("booktitle", c.book_title(record))
        else:
            add_title("title", c.book_title(record))
        if editors:
            fields.append(("editor", editors))
        if book:
            add("publisher", c.text(book.publisher))
            add("address", c.text(book.location))
            add("isbn", c.text(book.isbn))
            add("series", c.text(book.collection_title))
    else:
        add_title("title", c.title(record))
        add("journal", c.journal_title(record))
    if record.year:
        add("year", str(record.year))
    if record.pub_date.month and 1 <= record.pub_date.month <= 12:
        # An unbraced month macro: BibTeX styles and biber both understand it.
        add("month", _MONTHS[record.pub_date.month - 1], raw=True)
    add("volume", c.text(record.journal.volume))
    add("number", c.text(record.journal.issue))
    add("pages", c.full_pages(record.journal.pages, "--"))
    if record.kind != "book":
        add("issn", c.text(record.journal.issn))
    if record.doi and c.text(record.doi):
        fields.append(("doi", delimited_verbatim(record.doi)))  # already delimited
    add("pmid", record.pmid)
    add("pmcid", c.text(record.pmcid))
    add("url", verbatim(record.pubmed_url), raw=True)
    # '; ': MeSH terms contain commas ('Analgesics, Non-Narcotic'), never semicolons.
    add("keywords", "; ".join(c.keywords(record)))
    add("langid", langid(record))
    if abstracts:
        add("abstract", " ".join(c.abstract(record).split()))
    add("note", c.flag_note(record))
    body = ",\n".join(
        f"  {name} = {value}" if name in ("month", "doi") else f"  {name} = {{{value}}}"
        for name, value in fields
    )
    return f"@{kind}{{{key},\n{body}\n}}\n"


def write(
    records: Iterable[Record],
    stream: TextIO,
    abstracts: bool = False,
    *,
    mark_retracted: bool = True,
) -> None:
    items = list(records)
    for i, (record, key) in enumerate(zip(items, make_keys(items), strict=True)):
        if i:
            stream.write("\n")
        stream.write(entry(record, key, abstracts=abstracts, mark_retracted=mark_retracted))
