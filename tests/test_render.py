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
    # the journal shrinks before the title does
    assert "Moussa AM" in lines[4] and "AJR Am J Roent" in lines[4] and "editorial" in lines[4]


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
    console, buf = tty_console(100)
    print_records([record], console, abstracts=True)
    out = buf.getvalue()
    assert "[1] PMID 99000017 · 2020 · A synthetic test article." in out
    assert "    BACKGROUND: Why we did it." in out and "    RESULTS: What we found." in out


def test_piped_abstracts_are_one_more_tsv_column():
    """Piped, the table is TSV: abstracts must stay inside it, not follow it as free text."""
    records = [
        synthetic(99000017, abstract=[("BACKGROUND", "Why we\tdid it."), ("RESULTS", "What we found.")]),
        synthetic(99000018, abstract=None),
    ]
    console, buf = plain_console()
    print_records(records, console, abstracts=True)
    lines = buf.getvalue().splitlines()
    assert lines[0] == "#\tPMID\tYear\tFirst author\tTitle\tJournal\tDesign\tFlags\tAbstract"
    assert len(lines) == 3 and all(line.count("\t") == 8 for line in lines)
    assert lines[1].split("\t")[-1] == "BACKGROUND: Why we did it. RESULTS: What we found."
    assert lines[2].split("\t")[-1] == ""
    # without --abstracts the documented columns stay as they were
    console, buf = plain_console()
    print_records(records, console)
    assert buf.getvalue().splitlines()[0].split("\t")[-1] == "Flags"


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


# --- narrow terminals -----------------------------------------------------------------------


def ocd_records():
    return [
        synthetic(
            99000011,
            title="Randomized crossover trial of ketamine in obsessive-compulsive disorder: "
            "proof-of-concept",
            iso_abbreviation="Neuropsychopharmacology",
            authors=[("Rivera", "CI"), ("Bloom", "MH")],
            publication_types=["Randomized Controlled Trial"],
        ),
        synthetic(
            99000013,
            title="Ketamine for OCD: a systematic review of every trial and case series so far",
            iso_abbreviation="J Psychiatr Res",
            authors=[("Banks", "LF"), ("Adler", "P")],
            publication_types=["Systematic Review"],
        ),
        synthetic(
            99000015,
            title="Ketamine for OCD: a meta-analysis of randomized trials",
            iso_abbreviation="J Psychiatr Pract",
            authors=[("Stone", "K")],
            publication_types=["Meta-Analysis", "Retracted Publication"],
            comments_corrections=[
                ("RetractionIn", "99000099"),
                ("ExpressionOfConcernIn", "99000098"),
                ("ErratumIn", "99000097"),
            ],
        ),
    ]


HEADER = "Showing 3 of 148 for: ketamine-ocd + adolescents · sorted by relevance"


def render_at(width: int) -> list[str]:
    console, buf = tty_console(width)
    print_records(ocd_records(), console, header=HEADER)
    return buf.getvalue().splitlines()


def columns_of(header_line: str) -> list[str]:
    return header_line.replace("First author", "First_author").replace("_", "\0").split()


@pytest.mark.parametrize(
    ("width", "shown", "hidden"),
    [
        (40, ["#", "PMID", "Year", "Title"], "First author, Journal, Design"),
        (60, ["#", "PMID", "Year", "First author", "Title"], "Journal, Design"),
        (80, ["#", "PMID", "Year", "First author", "Title", "Design"], "Journal"),
        (120, ["#", "PMID", "Year", "First author", "Title", "Journal", "Design"], None),
    ],
)
def test_narrow_terminals_keep_pmid_year_and_most_room_for_the_title(width, shown, hidden):
    from litcli.render import table_layout

    lines = render_at(width)
    at = next(i for i, line in enumerate(lines) if line.startswith("# PMID"))
    head, rows = lines[at], lines[at + 1 : at + 4]
    assert [c.replace("\0", " ") for c in columns_of(head)] == shown
    assert all(len(line) <= width for line in lines)  # nothing wraps
    for n, row in enumerate(rows):  # PMID and Year whole, in their own cells: copyable
        assert row.split()[:3] == [str(n + 1), ("99000011", "99000013", "99000015")[n], "2020"]
    assert "Randomized crossover" in rows[0] and "Ketamine for OCD" in rows[1]
    # the title has the widest column, at least 24 cells
    layout = table_layout(ocd_records(), width)
    assert list(layout.widths) == shown
    title = layout.widths["Title"]
    assert title >= 24 and all(title > w for name, w in layout.widths.items() if name != "Title")
    assert head.index("Title") + title <= width
    footnote = lines[at + 4 :]
    if hidden:
        assert " ".join(line.strip() for line in footnote) == f"(hidden at this width: {hidden})"
    else:
        assert footnote == []


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_the_header_is_wrapped_between_its_parts_not_mangled(width):
    lines = render_at(width)
    header = lines[: next(i for i, line in enumerate(lines) if line.startswith("# PMID"))]
    assert " · ".join(header) == HEADER if width >= 80 else True
    assert header[0].startswith("Showing 3 of 148 for: ketamine-ocd +")
    assert " ".join(header).replace(" · ", " ").split() == HEADER.replace(" · ", " ").split()
    if width >= 60:  # each part whole on one line
        assert "sorted by relevance" in header[-1]


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_several_flags_become_one_label_and_a_count_and_the_title_stays(width):
    row = render_at(width)[-1] if width >= 120 else next(
        line for line in render_at(width) if line.startswith("3 ")
    )
    assert "⚠ RETRACTED +2 Ketamine" in row  # the word whole, then the title
    assert "expression of concern" not in row and "erratum" not in row
    # the TSV keeps every flag, as documented
    plain, buf = plain_console()
    print_records(ocd_records(), plain)
    assert buf.getvalue().splitlines()[3].endswith("\tretracted, expression of concern, erratum")


def test_a_single_flag_has_no_count():
    from litcli.render import short_flags

    assert short_flags([]) == ""
    assert short_flags(["retracted"]) == "⚠ RETRACTED"
    assert short_flags(["expression of concern", "erratum"]) == "⚠ concern +1"


def test_a_book_chapter_shows_its_book():
    from pathlib import Path

    fixture = Path(__file__).parent / "fixtures" / "edge_cases.xml"
    chapter = next(r for r in parse_records(fixture) if r.kind == "book")
    console, buf = plain_console()
    print_record(chapter, console)
    lines = buf.getvalue().splitlines()
    assert lines[:3] == [
        "Fake Chapter on Testing",
        "Writer B",
        "In: Editor A, editor. Fake Handbook of Parsers. Testville (TS): Fake Press; 2019 May.",
    ]
    for line in (
        "Book: Fake Handbook of Parsers",
        "Editors: Editor A",
        "Publisher: Fake Press, Testville (TS)",
        "ISBN: 978-0-00-000000-2",
    ):
        assert line in lines
    # an article has none of it
    console, buf = plain_console()
    print_record(synthetic(99000019), console)
    assert "In: " not in buf.getvalue() and "ISBN" not in buf.getvalue()
