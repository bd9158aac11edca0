"""AMA and Vancouver references and the Markdown reference list."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from litcli import formats
from litcli.models import Author
from tests.test_formats_common import real_records, tricky_records


def test_ama_reference() -> None:
    r = tricky_records()["unicode"]
    assert formats.format_reference(r, "ama") == (
        "Müller J, Sánchez MJ. Randomized trial of ketamine in obsessive-compulsive disorder. "
        "Neuropsychopharmacology. 2013;38(12):2475-2483. doi:10.1038/npp.2013.150"
    )


def test_vancouver_reference() -> None:
    r = tricky_records()["unicode"]
    assert formats.format_reference(r, "vancouver") == (
        "Müller J, Sánchez MJ. Randomized trial of ketamine in obsessive-compulsive disorder. "
        "Neuropsychopharmacology. 2013 Nov 5;38(12):2475-83. doi: 10.1038/npp.2013.150"
    )


@pytest.mark.parametrize(
    ("n", "ama", "vancouver"),
    [
        (6, "A1 G, A2 G, A3 G, A4 G, A5 G, A6 G.", "A1 G, A2 G, A3 G, A4 G, A5 G, A6 G."),
        (7, "A1 G, A2 G, A3 G, et al.", "A1 G, A2 G, A3 G, A4 G, A5 G, A6 G, et al."),
    ],
)
def test_author_truncation_rules(n: int, ama: str, vancouver: str) -> None:
    r = tricky_records()["no_authors"]
    r.authors = [Author(last_name=f"A{i}", initials="G") for i in range(1, n + 1)]
    assert formats.format_reference(r, "ama").startswith(ama + " Editorial")
    assert formats.format_reference(r, "vancouver").startswith(vancouver + " Editorial")


def test_retracted_marker_and_erratum_note() -> None:
    r = tricky_records()["retracted"]
    for style in ("ama", "vancouver"):
        ref = formats.format_reference(r, style)
        assert "Ketamine for OCD: a meta-analysis [Retracted]. J Psychiatr Pract." in ref
        assert ref.endswith("Erratum published (see PMID 99000098).")


def test_no_authors_collective_medline_date_and_question_title() -> None:
    t = tricky_records()
    assert (
        formats.format_reference(t["no_authors"], "ama")
        == "Editorial: what we learned this year? J Noth. 2001."
    )
    assert formats.format_reference(t["collective"], "vancouver").startswith(
        "GBD 2019 Collaborators and Friends, Inc, Lee A. Global burden"
    )
    assert formats.format_reference(t["medline_date"], "vancouver") == (
        "Winter W. Seasonal study across the new year. Chronobiology. 1998 Dec-1999 Jan;12(4):100-9."
    )
    assert formats.format_reference(t["medline_date"], "ama").endswith(
        "Chronobiology. 1998;12(4):100-109."
    )


def test_books_and_chapters() -> None:
    t = tricky_records()
    assert formats.format_reference(t["whole_book"], "vancouver") == (
        "Rivera C. A Handbook of Everything. Nowhere (ZZ): Fake Press; 2022."
    )
    assert formats.format_reference(t["book"], "ama") == (
        "Rivera C. Ketamine. In: Editor E, ed. LiverTox: Clinical and Research Information on "
        "Drug-Induced Liver Injury. National Institute of Diabetes and Digestive and Kidney Diseases; 2023."
    )


def test_reference_lists_are_numbered_one_per_line() -> None:
    records = real_records(medline_subset=0)
    for style in ("ama", "vancouver"):
        lines = formats.dumps(records, style).splitlines()
        assert len(lines) == len(records)
        for n, (line, record) in enumerate(zip(lines, records, strict=True), 1):
            assert line == f"{n}. {formats.format_reference(record, style)}"
            assert str(record.year) in line


def test_markdown_list_links_and_escaping() -> None:
    t = tricky_records()
    text = formats.dumps([t["unicode"], t["specials"], t["retracted"]], "markdown")
    lines = text.splitlines()
    assert lines[0].startswith("1. Müller J, Sánchez MJ. Randomized trial")
    assert "[PubMed 99000001](https://pubmed.ncbi.nlm.nih.gov/99000001/)" in lines[0]
    assert "[DOI](<https://doi.org/10.1038/npp.2013.150>)" in lines[0]
    assert "[PMC3799063](https://pmc.ncbi.nlm.nih.gov/articles/PMC3799063/)" in lines[0]
    assert r"Costs \{and\} 50% of R\&D: \$5 for n\_1 \#2 \^ \~ \\ \<b\> \}" in lines[1]
    assert r"**\[Retracted\]**" in lines[2]


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc not installed")
def test_markdown_renders_as_an_ordered_list_with_literal_text() -> None:
    t = tricky_records()
    records = [t["specials"], t["formula"], t["retracted"]]
    proc = subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "html", "--wrap=none"],
        input=formats.dumps(records, "markdown"),
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    html = proc.stdout
    assert html.count("<li>") == 3 and "<ol" in html
    assert "Costs {and} 50% of R&amp;D: $5 for n_1 #2 ^ ~ \\ &lt;b&gt; } unbalanced {" in html
    assert "@Evil P." in html and "<strong>[Retracted]</strong>" in html
    assert '<a href="https://pubmed.ncbi.nlm.nih.gov/99000007/">' in html
