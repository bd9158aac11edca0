"""Names litcli shows to users and maps to PubMed: one table per concept, data only.

- ``DESIGNS``: study designs, strongest first.  Each row is one design: its name on a record
  (``Record.design``, the Design column, the library's design filter), its evidence rank
  (``Record.evidence_rank``, the claim grader's ``Evidence.rank``), the claim grader's label
  for it (``Evidence.level``: "narrative review" for a record's "review") and the PubMed
  publication types that make a record that design (the first row that matches wins).
- ``TYPE_FILTERS``: the ``--type`` names of ``search`` and ``library search``: the PubMed
  publication types sent as ``[pt]`` tags, the record designs kept when the library answers,
  accepted aliases.  ``--help``, the error for an unknown name and the README list read it.
- ``FORMATS``: the export formats (``export -f``, ``search -f``, ``show -f``, ``library
  export``) and the writer of each, imported only when that format is written, with what
  ``--mark-retracted`` does for it by default.

Who reads them: ``models`` (classify_design, evidence_rank), ``claims.evidence`` (grade,
LEVELS), ``query`` (normalise_types, Filters.clauses), ``service.designs_for_types``,
``formats`` (FORMAT_NAMES, write), ``cli.common`` (--type and --format help).  This module
imports nothing from litcli and does no I/O, so the CLI can build its ``--help`` from it
without loading a parser or a writer.  tests/test_tables.py checks that the tables agree
with each other, with ``--help`` and with the docs.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- study designs ---------------------------------------------------------------------


@dataclass(frozen=True)
class Design:
    name: str  # Record.design: "RCT", "clinical trial", "case report", ...
    rank: int  # evidence rank, 1 = strongest; the table is in rank order
    level: str  # the claim grader's label (Evidence.level, "design" in check/verify reports)
    publication_types: frozenset[str]  # exact PubMed names that make a record this design
    weight: float = 0.5  # how much one record of this design weighs in a claim's verdict
    plural: str = "other records"  # the level's plural in verdict reasons ("2 RCTs")
    controlled: bool = False  # a controlled comparison (meta-analysis, systematic review, RCT)


DESIGNS: tuple[Design, ...] = (
    Design(
        "meta-analysis", 1, "meta-analysis", frozenset({"Meta-Analysis", "Network Meta-Analysis"}),
        weight=4.0, plural="meta-analyses", controlled=True,
    ),
    Design(
        "systematic review", 2, "systematic review", frozenset({"Systematic Review"}),
        weight=3.5, plural="systematic reviews", controlled=True,
    ),
    Design(
        "RCT",
        3,
        "RCT",
        frozenset({"Randomized Controlled Trial", "Equivalence Trial", "Pragmatic Clinical Trial"}),
        weight=3.0, plural="RCTs", controlled=True,
    ),
    Design(
        "clinical trial",
        4,
        "non-randomised trial",
        frozenset(
            {
                "Clinical Trial",
                "Clinical Trial, Phase I",
                "Clinical Trial, Phase II",
                "Clinical Trial, Phase III",
                "Clinical Trial, Phase IV",
                "Controlled Clinical Trial",
                "Adaptive Clinical Trial",
                "Clinical Study",
            }
        ),
        weight=1.5, plural="non-randomised trials",
    ),
    Design(
        "observational",
        5,
        "observational",
        frozenset(
            {
                "Observational Study",
                "Comparative Study",
                "Multicenter Study",
                "Evaluation Study",
                "Validation Study",
                "Twin Study",
            }
        ),
        weight=1.5, plural="observational studies",
    ),
    Design("case report", 6, "case series/report", frozenset({"Case Reports"}), weight=1.0, plural="case series/reports"),
    Design(
        "review",
        7,
        "narrative review",
        frozenset({"Review", "Scoping Review", "Practice Guideline", "Guideline"}),
        weight=0.5, plural="narrative reviews",
    ),
    Design(
        "editorial",
        8,
        "editorial",
        frozenset({"Editorial", "Comment", "Letter", "News", "Newspaper Article", "Interview"}),
        weight=0.25, plural="editorials",
    ),
    Design("other", 9, "other", frozenset()),  # anything else; always last
)
OTHER = DESIGNS[-1]
DESIGN_BY_NAME: dict[str, Design] = {d.name: d for d in DESIGNS}


# --- --type filters --------------------------------------------------------------------


@dataclass(frozen=True)
class TypeFilter:
    name: str  # what --type accepts (lower case, hyphens)
    publication_types: tuple[str, ...]  # PubMed names, sent as "<name in lower case>"[pt]
    designs: tuple[str, ...]  # Record.design values the library keeps for it
    aliases: tuple[str, ...] = ()  # other spellings --type accepts

    @property
    def pt_tags(self) -> tuple[str, ...]:
        """The esearch tags: '"randomized controlled trial"[pt]'."""
        return tuple(f'"{pt.lower()}"[pt]' for pt in self.publication_types)


# PubMed explodes [pt] ("clinical trial"[pt] also finds the phase I-IV and randomized
# subtypes), so offline a broader type keeps its narrower designs too.
TYPE_FILTERS: tuple[TypeFilter, ...] = (
    TypeFilter(
        "meta-analysis",
        ("Meta-Analysis", "Network Meta-Analysis"),
        ("meta-analysis",),
        ("metaanalysis", "meta"),
    ),
    TypeFilter("systematic-review", ("Systematic Review",), ("systematic review",), ("systematic", "sr")),
    TypeFilter("rct", ("Randomized Controlled Trial",), ("RCT",), ("randomized",)),
    TypeFilter("clinical-trial", ("Clinical Trial",), ("clinical trial", "RCT"), ("trial",)),
    TypeFilter("observational", ("Observational Study",), ("observational",)),
    TypeFilter("case-report", ("Case Reports",), ("case report",), ("case", "case-reports")),
    TypeFilter("review", ("Review",), ("review", "systematic review", "meta-analysis")),
)
TYPE_BY_NAME: dict[str, TypeFilter] = {t.name: t for t in TYPE_FILTERS}
TYPE_NAMES: tuple[str, ...] = tuple(TYPE_BY_NAME)


# --- export formats --------------------------------------------------------------------


@dataclass(frozen=True)
class Format:
    name: str  # what -f/--format accepts
    module: str  # litcli.formats.<module>, imported when the format is written
    writer: str  # writer(records, stream, abstracts[, mark_retracted=bool]) -> None
    # What ``--mark-retracted`` does by default: True (bibliography formats: the notice is
    # written into the title unless --no-mark-retracted), False (only with --mark-retracted),
    # None (no title to mark: the structured ``flags`` say it; the writer takes no option).
    mark_retracted: bool | None = None


# In the order --help lists them (after the terminal's own "table" / "text").
FORMATS: tuple[Format, ...] = (
    Format("json", "jsonfmt", "write_json"),
    Format("jsonl", "jsonfmt", "write_jsonl"),
    Format("csv", "csvfmt", "write_csv", False),
    Format("tsv", "csvfmt", "write_tsv", False),
    Format("ids", "ids", "write"),
    Format("bibtex", "bibtex", "write", True),
    Format("ris", "ris", "write", True),
    Format("csl-json", "csljson", "write", True),
    Format("nbib", "nbib", "write", False),
    Format("medline", "nbib", "write", False),  # the same text as nbib
    Format("markdown", "markdown", "write", True),
    Format("ama", "references", "write_ama", True),
    Format("vancouver", "references", "write_vancouver", True),
)
FORMAT_BY_NAME: dict[str, Format] = {f.name: f for f in FORMATS}
FORMAT_NAMES: tuple[str, ...] = tuple(FORMAT_BY_NAME)
REFERENCE_STYLES: tuple[str, ...] = ("ama", "vancouver")  # formats that are one reference each

__all__ = [
    "DESIGNS",
    "DESIGN_BY_NAME",
    "FORMATS",
    "FORMAT_BY_NAME",
    "FORMAT_NAMES",
    "OTHER",
    "REFERENCE_STYLES",
    "TYPE_BY_NAME",
    "TYPE_FILTERS",
    "TYPE_NAMES",
    "Design",
    "Format",
    "TypeFilter",
]
