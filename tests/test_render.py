"""Citation tables and record views (litcli.render)."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from litcli.models import Record
from litcli.pubmed import parse_records
from litcli.render import print_record, print_records, records_table, write_plain
from tests.conftest import shared_file
from tests.ncbi_server import pubmed_article

CANCER = "eutils/extracted_from_cassettes/pubmedly/pubmed__articles__cancer__2_efetch.xml"


def tty_console(width: int = 100) -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    return Console(file=buf, force_terminal=True, width=width, color_system=None, markup=False), buf


def plain_console() -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    return Console(file=buf, force_terminal=False, width=100), buf


def synthetic(pmid: int, **kw):
    return parse_records(
        ("<PubmedArticleSet>" + pubmed_article(pmid, **kw) + "</PubmedArticleSet>").encode()
    )[0]


@pytest.fixture(scope="module")
def real_records():
    return parse_records(shared_file(CANCER))


def test_terminal_table_shows_real_records_one_line_each(real_records):
    console, buf = tty_console(100)
    print_records(real_records[:4], console, header="Showing 4 of 20 for: cancer")
    lines = buf.getvalue().splitlines()
    assert lines[0] == "Showing 4 of 20 for: cancer"
    assert lines[1].split() == [
        "#",
        "PMID",
        "Year",
        "First",
        "author",
        "Title",
        "Journal",
        "Design",
    ]
    assert len(lines) == 2 + 4  # one line per record: titles are cut, never wrapped
    assert all(len(line) <= 100 for line in lines)
    first = lines[2]
    for cell in (
        "1",
        "37195809",
        "2023",
        "Hakem R et al.",
        "Venous Thrombosis Recurrence",
        "Angiology",
        "other",
    ):
        assert cell in first
    assert "…" in first  # the long title is truncated
    assert "Moussa AM" in lines[4] and "AJR Am J Roentgenol" in lines[4] and "editorial" in lines[4]


def test_plain_output_is_tab_separated_with_a_header(real_records):
    console, buf = plain_console()
    print_records(real_records[:2], console, header="ignored when piped")
    lines = buf.getvalue().splitlines()
    assert lines[0] == "#\tPMID\tYear\tFirst author\tTitle\tJournal\tDesign\tFlags"
    assert lines[1] == (
        "1\t37195809\t2023\tHakem R et al.\tVenous Thrombosis Recurrence After Catheter-Related Upper "
        "Extremity Deep Venous Thrombosis in Cancer Patients: A Retrospective Analysis.\tAngiology\tother\t"
    )
    assert len(lines) == 3
    assert "\x1b" not in buf.getvalue() and "─" not in buf.getvalue()


def test_retracted_flag_stays_visible_even_with_a_long_title():
    record = synthetic(
        99000015,
        title="Ketamine for OCD: a meta-analysis " + "with a very long subtitle " * 8,
        publication_types=["Journal Article", "Meta-Analysis", "Retracted Publication"],
    )
    console, buf = tty_console(90)
    console.print(records_table([record], width=90))
    row = buf.getvalue().splitlines()[1]
    assert "⚠ RETRACTED" in row and "meta-analysis" in row
    plain, pbuf = plain_console()
    print_records([record], plain)
    assert pbuf.getvalue().splitlines()[1].endswith("\tretracted")


def test_untrusted_text_cannot_inject_escapes_or_markup():
    # XML cannot carry ESC, but MEDLINE text and library JSON can
    record = Record(pmid="99000016", title="Evil \x1b[31mred\x1b[0m [bold]title[/bold] \x07")
    console, buf = tty_console(120)
    print_records([record], console)
    out = buf.getvalue()
    assert "\x1b" not in out and "\x07" not in out
    assert "Evil red [bold]title[/bold]" in out


BIDI_CONTROLS = [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]


@pytest.mark.parametrize("control", BIDI_CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_bidi_controls_are_stripped_rtl_text_and_marks_kept(control):
    """Trojan Source: an override or isolate in a title could reorder the terminal line."""
    import json

    from litcli.textsafe import json_inert, one_line, strip_control

    rtl = "\u05e7\u05d8\u05de\u05d9\u05df \u0643\u064a\u062a\u0627\u0645\u064a\u0646 \u200f\u200e"
    title = f"Evil {control}title{control}\n {rtl}"
    assert one_line(title) == f"Evil title {rtl}"
    assert strip_control(title, keep_newlines=True) == f"Evil title\n {rtl}"
    encoded = json_inert(json.dumps({"title": title}, ensure_ascii=False))
    assert control not in encoded and rtl in encoded
    assert json.loads(encoded)["title"] == title  # escaped, not lost
    record = Record(pmid="99000018", title=title)
    for console, buf in (tty_console(120), plain_console()):
        print_records([record], console)
        print_record(record, console)
        out = buf.getvalue()
        assert control not in out and "Evil title" in out and "\u05e7\u05d8\u05de\u05d9\u05df" in out


def test_abstracts_are_printed_under_the_table():
    record = synthetic(
        99000017, abstract=[("BACKGROUND", "Why we did it."), ("RESULTS", "What we found.")]
    )
    console, buf = plain_console()
    print_records([record], console, abstracts=True)
    out = buf.getvalue()
    assert "[1] PMID 99000017 · 2020 · A synthetic test article." in out
    assert "    BACKGROUND: Why we did it." in out and "    RESULTS: What we found." in out


def test_print_record_shows_every_part():
    record = synthetic(
        99000018,
        title="Ketamine in OCD.",
        authors=[("Rivera", "CI"), ("Bloom", "MH")],
        abstract=[("METHODS", "A crossover trial.")],
        publication_types=["Randomized Controlled Trial"],
        mesh=["Ketamine", "Humans"],
        doi="10.9999/fake.1",
        comments_corrections=[("RetractionIn", "99000099")],
    )
    console, buf = plain_console()
    print_record(record, console)
    out = buf.getvalue()
    for text in (
        "⚠ RETRACTED",
        "Ketamine in OCD.",
        "Rivera CI, Bloom MH",
        "J Synth Tests. 2020 Jan;12(3):100-110. doi:10.9999/fake.1",
        "METHODS",
        "A crossover trial.",
        "Design: RCT",
        "Publication types: Randomized Controlled Trial",
        "MeSH: Ketamine, Humans",
        "IDs: PMID 99000018 · DOI 10.9999/fake.1",
        "PubMed: https://pubmed.ncbi.nlm.nih.gov/99000018/",
        "DOI link: https://doi.org/10.9999/fake.1",
        "RetractionIn: PMID 99000099",
    ):
        assert text in out, text


def test_write_plain_numbers_from_start(real_records):
    buf = io.StringIO()
    write_plain(real_records[:2], buf, start=11)
    assert [line.split("\t")[0] for line in buf.getvalue().splitlines()] == ["#", "11", "12"]


def test_piped_rows_cannot_start_a_spreadsheet_formula():
    record = synthetic(99000042, title='=HYPERLINK("http://evil.invalid","x")')
    buf = io.StringIO()
    write_plain([record], buf)
    row = buf.getvalue().splitlines()[1].split("\t")
    title = row[4]
    assert title.startswith("'=HYPERLINK(")
    assert not any(cell.startswith(("=", "+", "@")) for cell in row)
