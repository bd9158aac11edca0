"""The PubMed record model: plain dataclasses, no I/O.

Parsers (``litcli.pubmed``, ``litcli.medline``) build these; the library,
exports, renderers and the claim checker read them.  ``Record.to_dict`` is the
``litcli.record/1`` JSON schema (documented in docs/FORMATS.md) and
``Record.from_dict`` its inverse, so records round-trip through the library.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, cast

from litcli.tables import DESIGN_BY_NAME, DESIGNS, OTHER

SCHEMA = "litcli.record/1"

# --- study design ----------------------------------------------------------------
# The designs, their ranks and publication types are one table: litcli.tables.DESIGNS.


def classify_design(publication_types: list[str]) -> str:
    """Map PubMed publication types to one study design (strongest wins)."""
    types = set(publication_types)
    for design in DESIGNS:
        if types & design.publication_types:
            return design.name
    return OTHER.name


# --- flags -----------------------------------------------------------------------

FLAG_RETRACTED = "retracted"
FLAG_RETRACTION_NOTICE = "retraction notice"
FLAG_ERRATUM = "erratum"
FLAG_CONCERN = "expression of concern"


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` for the model's values, without its per-value overhead (the
    same result: dataclasses -> dicts of their fields, lists and tuples -> new lists and
    tuples, dicts -> new dicts, anything else deep-copied; strings and numbers as they are).
    ``to_dict`` of every record written as JSON goes through it."""
    cls = type(value)
    if cls is str or cls is int or value is None or cls is bool or cls is float:
        return value
    if cls is list:
        return [_plain(v) for v in value]
    names = _FIELD_NAMES.get(cls)
    if names is None:
        if isinstance(value, tuple) and cls is tuple:
            return tuple(_plain(v) for v in value)
        if isinstance(value, dict) and cls is dict:
            return {_plain(k): _plain(v) for k, v in value.items()}
        if not is_dataclass(value) or isinstance(value, type):
            return copy.deepcopy(value)
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(value))
    return {name: _plain(getattr(value, name)) for name in names}


def fields_reader(
    cls: type,
    extra: dict[str, str] | None = None,
    *,
    head: dict[str, str] | None = None,
    sort: bool = False,
) -> Callable[[Any], dict[str, Any]]:
    """A function of an instance of the dataclass ``cls`` giving the dict of its fields
    (values as they are: nested dataclasses and lists are not converted), after the
    constant keys ``head`` (key -> string value) and followed by ``extra`` (key -> the
    attribute read for it, e.g. a property), in that order or with the keys ``sort``-ed.

    One dict display compiled for the class (as ``dataclasses`` compiles ``__init__``):
    a JSON encoder's ``default`` hook built on it, the C encoder walking what it
    returns, writes a record 20-25% faster than one reading the fields with an
    ``attrgetter`` and zipping them with their names, and faster than building the
    whole dict tree first (``to_dict``).  Field and attribute names are identifiers
    and the constants are written with ``repr``, so the compiled source is safe."""
    if not all(attr.isidentifier() for attr in (extra or {}).values()):
        raise ValueError(f"not attribute names: {extra}")
    reads = {key: repr(str(value)) for key, value in (head or {}).items()}
    reads.update({f.name: f"v.{f.name}" for f in fields(cls)})
    reads.update({key: f"v.{attr}" for key, attr in (extra or {}).items()})
    pairs = sorted(reads.items()) if sort else list(reads.items())
    source = "def read(v):\n    return {" + ", ".join(f"{k!r}: {e}" for k, e in pairs) + "}\n"
    namespace: dict[str, Any] = {}
    exec(source, namespace)  # noqa: S102 - identifiers and repr'd strings only
    return cast("Callable[[Any], dict[str, Any]]", namespace["read"])


@dataclass(slots=True)
class Author:
    last_name: str | None = None
    fore_name: str | None = None
    initials: str | None = None
    collective_name: str | None = None
    orcid: str | None = None
    affiliations: list[str] = field(default_factory=list)
    suffix: str | None = None  # "Jr", "2nd", ... (XML <Suffix>; MEDLINE AU "Given CA 2nd")

    @property
    def is_collective(self) -> bool:
        return bool(self.collective_name) and not self.last_name

    def short(self) -> str:
        """'Rivera CI' (NLM style; 'Given CA 2nd' with a suffix), or the collective name."""
        if self.is_collective:
            return self.collective_name or ""
        parts = [p for p in (self.last_name, self.initials, self.suffix) if p]
        return " ".join(parts)


@dataclass(slots=True)
class AbstractSection:
    text: str
    label: str | None = None
    nlm_category: str | None = None


@dataclass(slots=True)
class Journal:
    title: str | None = None
    iso_abbreviation: str | None = None
    medline_ta: str | None = None  # NLM title abbreviation (MedlineTA)
    issn: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None  # MedlinePgn, e.g. "1234-40"

    @property
    def abbreviation(self) -> str | None:
        return self.iso_abbreviation or self.medline_ta or self.title


@dataclass(slots=True)
class PubDate:
    year: int | None = None
    month: int | None = None  # 1-12
    day: int | None = None
    season: str | None = None
    medline_date: str | None = None  # e.g. "1998 Dec-1999 Jan", kept verbatim


@dataclass(slots=True)
class MeshHeading:
    descriptor: str
    major: bool = False
    ui: str | None = None
    qualifiers: list[MeshQualifier] = field(default_factory=list)


@dataclass(slots=True)
class MeshQualifier:
    name: str
    major: bool = False


@dataclass(slots=True)
class Grant:
    grant_id: str | None = None
    agency: str | None = None
    country: str | None = None


@dataclass(slots=True)
class CommentCorrection:
    ref_type: str  # RetractionIn, RetractionOf, ErratumIn, ExpressionOfConcernIn, UpdateIn, ...
    pmid: str | None = None
    source: str | None = None


@dataclass(slots=True)
class Book:
    """Extra fields for PubmedBookArticle records."""

    book_title: str | None = None
    publisher: str | None = None
    location: str | None = None
    isbn: str | None = None
    editors: list[Author] = field(default_factory=list)
    collection_title: str | None = None


# the keys ``Record.to_dict`` adds after the fields, in order, and the attribute of each
DERIVED = {
    "year": "year",
    "abstract_text": "abstract_text",
    "design": "design",
    "evidence_rank": "evidence_rank",
    "humans": "humans",
    "animals": "animals",
    "flags": "flags",
    "first_author": "first_author",
    "url": "pubmed_url",
}


@dataclass(slots=True)
class Record:
    pmid: str
    title: str = ""
    vernacular_title: str | None = None
    abstract: list[AbstractSection] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)
    journal: Journal = field(default_factory=Journal)
    pub_date: PubDate = field(default_factory=PubDate)
    article_date: str | None = None  # ISO yyyy-mm-dd (electronic publication)
    doi: str | None = None
    pii: str | None = None
    pmcid: str | None = None
    languages: list[str] = field(default_factory=list)
    publication_types: list[str] = field(default_factory=list)
    mesh: list[MeshHeading] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    chemicals: list[str] = field(default_factory=list)
    grants: list[Grant] = field(default_factory=list)
    comments_corrections: list[CommentCorrection] = field(default_factory=list)
    status: str | None = None  # MedlineCitation/@Status, e.g. "MEDLINE", "PubMed-not-MEDLINE"
    publication_status: str | None = None  # PubmedData/PublicationStatus, e.g. "ppublish"
    kind: str = "article"  # "article" or "book"
    book: Book | None = None

    # --- derived --------------------------------------------------------------

    @property
    def year(self) -> int | None:
        if self.pub_date.year is not None:
            return self.pub_date.year
        if self.pub_date.medline_date:
            m = re.search(r"\b(1[89]\d\d|20\d\d)\b", self.pub_date.medline_date)
            if m:
                return int(m.group(1))
        if self.article_date:
            return int(self.article_date[:4])
        return None

    @property
    def abstract_text(self) -> str:
        """The abstract as plain text; labelled sections as 'LABEL: text'."""
        parts = []
        for s in self.abstract:
            parts.append(f"{s.label}: {s.text}" if s.label else s.text)
        return "\n".join(parts)

    @property
    def design(self) -> str:
        return classify_design(self.publication_types)

    @property
    def evidence_rank(self) -> int:
        return DESIGN_BY_NAME[self.design].rank

    @property
    def mesh_terms(self) -> list[str]:
        return [m.descriptor for m in self.mesh]

    @property
    def humans(self) -> bool:
        return "Humans" in self.mesh_terms

    @property
    def animals(self) -> bool:
        return "Animals" in self.mesh_terms

    @property
    def animal_only(self) -> bool:
        return self.animals and not self.humans

    def _cc_types(self) -> set[str]:
        return {c.ref_type for c in self.comments_corrections}

    @property
    def flags(self) -> list[str]:
        types = set(self.publication_types)
        cc = self._cc_types()
        out: list[str] = []
        if "Retracted Publication" in types or "RetractionIn" in cc:
            out.append(FLAG_RETRACTED)
        if "Retraction of Publication" in types or "RetractionOf" in cc:
            out.append(FLAG_RETRACTION_NOTICE)
        if "ExpressionOfConcernIn" in cc or "Expression of Concern" in types:
            out.append(FLAG_CONCERN)
        if "ErratumIn" in cc:
            out.append(FLAG_ERRATUM)
        return out

    @property
    def retracted(self) -> bool:
        return FLAG_RETRACTED in self.flags

    @property
    def first_author(self) -> str:
        """'Rivera CI et al.', 'Adler P', a collective name, or ''."""
        if not self.authors:
            return ""
        first = self.authors[0].short()
        return f"{first} et al." if len(self.authors) > 1 else first

    @property
    def pubmed_url(self) -> str:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"

    @property
    def doi_url(self) -> str | None:
        return f"https://doi.org/{self.doi}" if self.doi else None

    # --- serialisation --------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The ``litcli.record/1`` JSON object (stable; documented)."""
        d = {"schema": SCHEMA, **_plain(self)}
        for key, attr in DERIVED.items():
            d[key] = getattr(self, attr)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Record:
        """Inverse of ``to_dict`` (derived keys are ignored)."""

        def authors(items: list[dict[str, Any]]) -> list[Author]:
            return [Author(**a) for a in items]

        book = d.get("book")
        return cls(
            pmid=str(d["pmid"]),
            title=d.get("title") or "",
            vernacular_title=d.get("vernacular_title"),
            abstract=[AbstractSection(**s) for s in d.get("abstract", [])],
            authors=authors(d.get("authors", [])),
            journal=Journal(**d.get("journal", {})),
            pub_date=PubDate(**d.get("pub_date", {})),
            article_date=d.get("article_date"),
            doi=d.get("doi"),
            pii=d.get("pii"),
            pmcid=d.get("pmcid"),
            languages=list(d.get("languages", [])),
            publication_types=list(d.get("publication_types", [])),
            mesh=[
                MeshHeading(
                    descriptor=m["descriptor"],
                    major=m.get("major", False),
                    ui=m.get("ui"),
                    qualifiers=[MeshQualifier(**q) for q in m.get("qualifiers", [])],
                )
                for m in d.get("mesh", [])
            ],
            keywords=list(d.get("keywords", [])),
            chemicals=list(d.get("chemicals", [])),
            grants=[Grant(**g) for g in d.get("grants", [])],
            comments_corrections=[CommentCorrection(**c) for c in d.get("comments_corrections", [])],
            status=d.get("status"),
            publication_status=d.get("publication_status"),
            kind=d.get("kind", "article"),
            book=(
                Book(**{**book, "editors": authors(book.get("editors", []))}) if book else None
            ),
        )
