"""Citation tables and record views for the terminal; plain text when piped.

On a terminal: a rich table, one line per record, titles cut to the width,
flags (retracted, expression of concern, erratum) in red in front of the
title.  Not on a terminal: tab-separated columns with a header row, no box
drawing and no colour.  Text from PubMed is untrusted: it goes through
``textsafe`` and is rendered as ``rich.text.Text``, never as markup.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any, TextIO

from litcli.models import FLAG_RETRACTED, Record
from litcli.textsafe import one_line, strip_control

COLUMNS = ["#", "PMID", "Year", "First author", "Title", "Journal", "Design"]
PLAIN_COLUMNS = [*COLUMNS, "Flags"]
FLAG_STYLE = "bold red"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def flag_label(flag: str) -> str:
    """'⚠ RETRACTED' for retractions, '⚠ erratum' style for the others."""
    return f"⚠ {flag.upper()}" if flag == FLAG_RETRACTED else f"⚠ {flag}"


def row_values(record: Record, number: int) -> list[str]:
    """The plain cells of one table row (untrusted text made safe)."""
    return [
        str(number),
        one_line(record.pmid),
        str(record.year or ""),
        one_line(record.first_author),
        one_line(record.title) or "(no title)",
        one_line(record.journal.abbreviation),
        record.design,
    ]


def _title_cell(record: Record) -> Any:
    from rich.text import Text

    cell = Text()
    for flag in record.flags:
        cell.append(flag_label(flag), style=FLAG_STYLE)
        cell.append("  ")
    cell.append(one_line(record.title) or "(no title)")
    return cell


def records_table(records: Sequence[Record], *, start: int = 1, width: int | None = None) -> Any:
    """A rich Table: #, PMID, Year, First author, Title, Journal, Design."""
    from rich.table import Table
    from rich.text import Text

    table = Table(
        box=None,
        header_style="bold",
        pad_edge=False,
        expand=width is not None,
        width=width,
        show_edge=False,
        collapse_padding=True,
    )
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("PMID", no_wrap=True)
    table.add_column("Year", no_wrap=True)
    # On narrow terminals the title keeps most of the room.
    side = 20 if (width or 120) >= 100 else 12
    table.add_column("First author", no_wrap=True, overflow="ellipsis", max_width=side + 2)
    table.add_column("Title", no_wrap=True, overflow="ellipsis", ratio=1, min_width=20)
    table.add_column("Journal", no_wrap=True, overflow="ellipsis", max_width=side)
    table.add_column("Design", no_wrap=True, overflow="ellipsis", max_width=side if side > 12 else 13)
    for n, record in enumerate(records, start):
        values = row_values(record, n)
        cells: list[Any] = [Text(v) for v in values]
        cells[4] = _title_cell(record)
        table.add_row(*cells, style="red" if record.retracted else None)
    return table


def write_plain(records: Sequence[Record], stream: TextIO, *, start: int = 1) -> None:
    """Tab-separated rows with a header row (for pipes).

    Redirected to a file this may be opened in a spreadsheet, so formula-like
    cells are neutralised as in the csv/tsv formats.
    """
    from litcli.formats.csvfmt import neutralise

    stream.write("\t".join(PLAIN_COLUMNS) + "\n")
    for n, record in enumerate(records, start):
        values = row_values(record, n) + [", ".join(record.flags)]
        stream.write("\t".join(neutralise(v.replace("\t", " ")) for v in values) + "\n")


def print_records(
    records: Sequence[Record],
    console: Any,
    *,
    header: str | None = None,
    abstracts: bool = False,
    start: int = 1,
) -> None:
    """The citation table (terminal) or TSV (pipe), optionally with abstracts below.

    ``header`` ("Showing 20 of 412 for: ...") is printed above the table on a
    terminal only; when piped the caller sends it to stderr.
    """
    if console.is_terminal:
        from rich.text import Text

        if header:
            console.print(Text(one_line(header), style="bold"))
        console.print(records_table(records, start=start, width=console.width))
    else:
        write_plain(records, console.file, start=start)
        console.file.flush()
    if abstracts:
        print_abstracts(records, console, start=start)


def print_abstracts(records: Sequence[Record], console: Any, *, start: int = 1) -> None:
    from rich.text import Text

    width = max(40, min(console.width, 100))
    for n, record in enumerate(records, start):
        console.print()
        head = Text(f"[{n}] ", style="bold")
        head.append(f"PMID {one_line(record.pmid)}", style="bold")
        if record.year:
            head.append(f" · {record.year}")
        head.append(" · ")
        head.append(one_line(record.title) or "(no title)")
        for flag in record.flags:
            head.append("  ")
            head.append(flag_label(flag), style=FLAG_STYLE)
        console.print(head, soft_wrap=True)
        if not record.abstract:
            console.print(Text("    (no abstract)", style="dim"))
            continue
        for section in record.abstract:
            text = one_line(section.text)
            if section.label:
                text = f"{one_line(section.label)}: {text}"
            for line in textwrap.wrap(text, width=width - 4) or [""]:
                console.print(Text("    " + line), soft_wrap=True)


# --- one record (`litcli show`) ------------------------------------------------------


def citation(record: Record) -> str:
    """'J Synth Tests. 2020 Jan;12(3):100-110. doi:10.x/y' (NLM style)."""
    j = record.journal
    parts = []
    if j.abbreviation:
        parts.append(one_line(j.abbreviation).rstrip(".") + ".")
    date = ""
    if record.pub_date.medline_date:
        date = one_line(record.pub_date.medline_date)
    elif record.year:
        date = str(record.year)
        if record.pub_date.month:
            date += f" {MONTHS[record.pub_date.month - 1]}"
        elif record.pub_date.season:
            date += f" {one_line(record.pub_date.season)}"
    where = date
    if j.volume:
        where += f";{one_line(j.volume)}" if where else one_line(j.volume)
        if j.issue:
            where += f"({one_line(j.issue)})"
    if j.pages:
        where += f":{one_line(j.pages)}"
    if where:
        parts.append(where.lstrip(";:") + ".")
    if record.doi:
        parts.append(f"doi:{one_line(record.doi)}")
    return " ".join(parts)


def author_list(record: Record, limit: int = 12) -> str:
    names = [one_line(a.short()) for a in record.authors if a.short()]
    if len(names) > limit:
        return ", ".join(names[: limit - 1]) + f", ... {names[-1]} ({len(names)} authors)"
    return ", ".join(names)


def print_record(record: Record, console: Any) -> None:
    """Title, authors, citation, labelled abstract, design, MeSH, types, IDs, links, flags."""
    from rich.text import Text

    width = max(40, min(console.width, 100))

    def field(label: str, value: str, style: str | None = None) -> None:
        if not value:
            return
        line = Text()
        line.append(f"{label}: ", style="bold")
        line.append(value, style=style)
        console.print(line, soft_wrap=True)

    for flag in record.flags:
        console.print(
            Text(flag_label(flag) + f" — PubMed marks this record: {flag}", style=FLAG_STYLE)
        )
    console.print(Text(one_line(record.title) or "(no title)", style="bold"), soft_wrap=True)
    if record.vernacular_title:
        console.print(Text(one_line(record.vernacular_title)), soft_wrap=True)
    console.print(Text(author_list(record)), soft_wrap=True)
    console.print(Text(citation(record), style="italic"), soft_wrap=True)
    console.print()
    if record.abstract:
        for section in record.abstract:
            body = strip_control(section.text, keep_newlines=True)
            paragraph = " ".join(body.split())
            if section.label:
                console.print(Text(one_line(section.label).upper(), style="bold"))
            for line in textwrap.wrap(paragraph, width=width) or [""]:
                console.print(Text(line), soft_wrap=True)
            console.print()
    else:
        console.print(Text("(no abstract)", style="dim"))
        console.print()
    field("Design", record.design)
    field("Publication types", ", ".join(one_line(t) for t in record.publication_types))
    mesh = ", ".join(one_line(m.descriptor) + ("*" if m.major else "") for m in record.mesh)
    field("MeSH", mesh)
    field("Keywords", ", ".join(one_line(k) for k in record.keywords))
    field("Language", ", ".join(one_line(x) for x in record.languages))
    ids = [f"PMID {one_line(record.pmid)}"]
    if record.doi:
        ids.append(f"DOI {one_line(record.doi)}")
    if record.pmcid:
        ids.append(one_line(record.pmcid))
    field("IDs", " · ".join(ids))
    field("PubMed", record.pubmed_url)
    if record.doi_url:
        field("DOI link", one_line(record.doi_url))
    if record.pmcid:
        field("PMC", f"https://www.ncbi.nlm.nih.gov/pmc/articles/{one_line(record.pmcid)}/")
    for cc in record.comments_corrections:
        if cc.ref_type in ("RetractionIn", "ExpressionOfConcernIn", "ErratumIn", "RetractionOf"):
            target = f"PMID {cc.pmid}" if cc.pmid else one_line(cc.source)
            field(cc.ref_type, target, style=FLAG_STYLE)
