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
from dataclasses import dataclass
from typing import Any, TextIO

from litcli.models import FLAG_RETRACTED, Record
from litcli.textsafe import one_line, strip_control

COLUMNS = ["#", "PMID", "Year", "First author", "Title", "Journal", "Design"]
PLAIN_COLUMNS = [*COLUMNS, "Flags"]
ABSTRACT_COLUMN = "Abstract"  # piped with --abstracts: one more TSV column
FLAG_STYLE = "bold red"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# Short labels for the table (the full names stay in the TSV's Flags column and in `show`).
_SHORT_FLAGS = {
    FLAG_RETRACTED: "RETRACTED",
    "retraction notice": "retraction notice",
    "expression of concern": "concern",
    "erratum": "erratum",
}

# Column layout on a terminal: #, PMID and Year are never cut; the title keeps at least
# TITLE_MIN cells and TITLE_SHARE of the room.  The side columns follow in the order
# author, design, journal: one is shown only when those before it keep their natural
# width (capped) and it gets at least its minimum, so on a narrow terminal the journal
# goes first, then the design, then the author.  What is left goes back to the title.
TITLE_MIN = 24
TITLE_SHARE = 0.5
_SIDE_COLUMNS = [  # (name, index in row_values, minimum, maximum), most important first
    ("First author", 3, 12, 20),
    ("Design", 6, 13, 17),
    ("Journal", 5, 12, 20),
]


def flag_label(flag: str) -> str:
    """'⚠ RETRACTED' for retractions, '⚠ erratum' style for the others."""
    return f"⚠ {flag.upper()}" if flag == FLAG_RETRACTED else f"⚠ {flag}"


def short_flags(flags: Sequence[str]) -> str:
    """The most serious flag and how many more: '⚠ RETRACTED +2' ('' without flags)."""
    if not flags:
        return ""
    label = "⚠ " + _SHORT_FLAGS.get(flags[0], flags[0])
    return f"{label} +{len(flags) - 1}" if len(flags) > 1 else label


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


@dataclass
class Layout:
    """Column widths of the terminal table (``None``: the column is left out)."""

    widths: dict[str, int]
    hidden: list[str]

    def width(self, name: str) -> int | None:
        return self.widths.get(name)


def table_layout(records: Sequence[Record], width: int | None, *, start: int = 1) -> Layout:
    """Widths for every column that fits ``width`` cells (gaps of one cell between columns)."""
    from rich.cells import cell_len

    rows = [row_values(r, n) for n, r in enumerate(records, start)]

    def natural(index: int, header: str) -> int:
        return max([cell_len(header), *(cell_len(row[index]) for row in rows)])

    widths: dict[str, int] = {
        "#": natural(0, "#"),
        "PMID": natural(1, "PMID"),
        "Year": natural(2, "Year"),
    }
    title_natural = max(
        [cell_len("Title")]
        + [
            cell_len(row[4]) + (cell_len(short_flags(r.flags)) + 1 if r.flags else 0)
            for row, r in zip(rows, records, strict=True)
        ]
    )
    limit = width if width is not None else 10_000
    used = sum(widths.values()) + len(widths) - 1
    room = max(limit - used - 1, 1)  # for the title, the side columns and their gaps
    title = min(title_natural, room, max(TITLE_MIN, int(room * TITLE_SHARE)))
    spare = room - title
    wanted: dict[str, int] = {}  # side columns shown: natural width (capped)
    for name, index, least, most in _SIDE_COLUMNS:
        want = min(natural(index, name), most)
        # shown only if the more important ones keep their natural width beside it
        if sum(w + 1 for w in wanted.values()) + min(least, want) + 1 <= spare:
            wanted[name] = want
    side = {name: min(least, wanted[name]) for name, _, least, _ in _SIDE_COLUMNS if name in wanted}
    spare -= sum(w + 1 for w in side.values())
    for name in side:  # grow toward the natural width, most important first
        grow = min(spare, wanted[name] - side[name])
        side[name] += grow
        spare -= grow
    title += min(spare, title_natural - title)
    widths = {**widths, **side, "Title": title}
    shown = {name: widths[name] for name in COLUMNS if name in widths}
    hidden = [name for name in COLUMNS if name not in widths]
    return Layout(shown, hidden)


def _title_cell(record: Record, width: int) -> Any:
    """Flag label (kept whole) + title cut to ``width`` cells."""
    from rich.text import Text

    cell = Text(no_wrap=True, overflow="ellipsis")
    label = short_flags(record.flags)
    if label:
        cell.append(label, style=FLAG_STYLE)
        cell.append(" ")
    title = Text(one_line(record.title) or "(no title)")
    room = width - cell.cell_len
    if room <= 0:
        return cell
    title.truncate(room, overflow="ellipsis")
    cell.append_text(title)
    return cell


def records_table(
    records: Sequence[Record],
    *,
    start: int = 1,
    width: int | None = None,
    layout: Layout | None = None,
) -> Any:
    """A rich Table: #, PMID, Year, First author, Title, Journal, Design (see ``table_layout``:
    on a narrow terminal Journal, then Design, then First author are left out)."""
    from rich.table import Table
    from rich.text import Text

    layout = layout or table_layout(records, width, start=start)
    table = Table(
        box=None,
        header_style="bold",
        pad_edge=False,
        show_edge=False,
        collapse_padding=True,
    )
    columns = list(layout.widths)
    for name in columns:
        w = layout.widths[name]
        table.add_column(
            name,
            justify="right" if name == "#" else "left",
            no_wrap=True,
            overflow="ellipsis",
            width=w,
            min_width=w,
        )
    index = {name: i for i, name in enumerate(COLUMNS)}
    for n, record in enumerate(records, start):
        values = row_values(record, n)
        cells: list[Any] = []
        for name in columns:
            if name == "Title":
                cells.append(_title_cell(record, layout.widths[name]))
            else:
                cells.append(Text(values[index[name]]))
        table.add_row(*cells, style="red" if record.retracted else None)
    return table


def abstract_cell(record: Record) -> str:
    """The abstract on one line for a TSV cell: 'LABEL: text LABEL: text'."""
    parts = []
    for section in record.abstract:
        text = one_line(section.text)
        parts.append(f"{one_line(section.label)}: {text}" if section.label else text)
    return " ".join(p for p in parts if p)


def write_plain(
    records: Sequence[Record], stream: TextIO, *, start: int = 1, abstracts: bool = False
) -> None:
    """Tab-separated rows with a header row (for pipes); ``abstracts`` adds an Abstract column.

    Redirected to a file this may be opened in a spreadsheet, so formula-like
    cells are neutralised as in the csv/tsv formats.
    """
    from litcli.formats.csvfmt import neutralise

    columns = [*PLAIN_COLUMNS, ABSTRACT_COLUMN] if abstracts else PLAIN_COLUMNS
    stream.write("\t".join(columns) + "\n")
    for n, record in enumerate(records, start):
        values = row_values(record, n) + [", ".join(record.flags)]
        if abstracts:
            values.append(abstract_cell(record))
        stream.write("\t".join(neutralise(v.replace("\t", " ")) for v in values) + "\n")


def header_lines(header: str, width: int) -> list[str]:
    """The header's ' · '-separated parts packed into lines of ``width`` cells: a part
    is never split unless it alone is wider than the terminal (then at spaces)."""
    from rich.cells import cell_len

    lines: list[str] = []
    for part in one_line(header).split(" · "):
        if lines and cell_len(lines[-1]) + 3 + cell_len(part) <= width:
            lines[-1] += " · " + part
        elif cell_len(part) <= width:
            lines.append(part)
        else:
            lines.extend(textwrap.wrap(part, width=max(width, 10)) or [part])
    return lines


def print_records(
    records: Sequence[Record],
    console: Any,
    *,
    header: str | None = None,
    abstracts: bool = False,
    start: int = 1,
) -> None:
    """The citation table (terminal) or TSV (pipe), optionally with abstracts.

    ``header`` ("Showing 20 of 412 for: ...") is printed above the table on a
    terminal only; when piped the caller sends it to stderr.  On a terminal the
    abstracts follow the table; piped they are one more TSV column (Abstract).
    """
    if not console.is_terminal:
        write_plain(records, console.file, start=start, abstracts=abstracts)
        console.file.flush()
        return
    from rich.text import Text

    if header:
        for line in header_lines(header, console.width):
            console.print(Text(line, style="bold"), no_wrap=True, overflow="ellipsis")
    layout = table_layout(records, console.width, start=start)
    console.print(records_table(records, start=start, layout=layout))
    if layout.hidden:  # say what is missing rather than leave it to be guessed
        console.print(Text(f"(hidden at this width: {', '.join(layout.hidden)})", style="dim"))
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
    date = _date(record)
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


def _date(record: Record) -> str:
    if record.pub_date.medline_date:
        return one_line(record.pub_date.medline_date)
    if not record.year:
        return ""
    date = str(record.year)
    if record.pub_date.month:
        date += f" {MONTHS[record.pub_date.month - 1]}"
    elif record.pub_date.season:
        date += f" {one_line(record.pub_date.season)}"
    return date


def book_citation(record: Record) -> str:
    """'In: Editor A, editor. Fake Handbook. Testville (TS): Fake Press; 2019 May.' (NLM
    style for a book or chapter; '' for an article)."""
    book = record.book
    if book is None:
        return ""
    parts = []
    editors = [one_line(e.short()) for e in book.editors if e.short()]
    if editors:
        parts.append(", ".join(editors) + (", editors." if len(editors) > 1 else ", editor."))
    if book.book_title:
        parts.append(one_line(book.book_title).rstrip(".") + ".")
    where = one_line(book.location or "")
    publisher = one_line(book.publisher or "")
    imprint = f"{where}: {publisher}" if where and publisher else where or publisher
    date = _date(record)
    if imprint or date:
        parts.append("; ".join(p for p in (imprint, date) if p) + ".")
    if parts and record.doi:
        parts.append(f"doi:{one_line(record.doi)}")
    return ("In: " + " ".join(parts)) if parts else ""


def author_list(record: Record, limit: int = 12) -> str:
    names = [one_line(a.short()) for a in record.authors if a.short()]
    if len(names) > limit:
        return ", ".join(names[: limit - 1]) + f", ... {names[-1]} ({len(names)} authors)"
    return ", ".join(names)


def print_record(record: Record, console: Any) -> None:
    """Title, authors, citation, labelled abstract, design, MeSH, types, IDs, links, flags."""
    from rich.text import Text

    width = max(40, min(console.width, 100))
    # piped (soft_wrap): one line per item for grep; on a terminal we wrap at words ourselves,
    # field values with a hanging indent under the value (never the terminal's mid-word wrap)
    piped = bool(console.soft_wrap)

    def field(label: str, value: str, style: str | None = None) -> None:
        if not value:
            return
        if piped or len(label) + 2 + len(value) <= console.width:
            line = Text()
            line.append(f"{label}: ", style="bold")
            line.append(value, style=style)
            console.print(line, soft_wrap=True)
            return
        from rich.table import Table

        grid = Table.grid(padding=0)
        grid.add_column(no_wrap=True, width=len(label) + 2)
        grid.add_column(overflow="fold")
        grid.add_row(Text(f"{label}: ", style="bold"), Text(value, style=style or ""))
        console.print(grid)

    for flag in record.flags:
        console.print(
            Text(flag_label(flag) + f" — PubMed marks this record: {flag}", style=FLAG_STYLE)
        )
    console.print(Text(one_line(record.title) or "(no title)", style="bold"), soft_wrap=piped)
    if record.vernacular_title:
        console.print(Text(one_line(record.vernacular_title)), soft_wrap=piped)
    console.print(Text(author_list(record)), soft_wrap=piped)
    # a book or chapter: the book, its editors and imprint instead of a journal citation
    console.print(Text(book_citation(record) or citation(record), style="italic"), soft_wrap=piped)
    console.print()
    if record.abstract:
        for section in record.abstract:
            body = strip_control(section.text, keep_newlines=True)
            paragraph = " ".join(body.split())
            if section.label:
                console.print(Text(one_line(section.label).upper(), style="bold"))
            for line in textwrap.wrap(paragraph, width=min(width, console.width) if not piped else width) or [""]:
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
    if record.book is not None:
        field("Book", one_line(record.book.book_title or ""))
        field("Series", one_line(record.book.collection_title or ""))
        field("Editors", ", ".join(one_line(e.short()) for e in record.book.editors if e.short()))
        publisher = ", ".join(
            one_line(p) for p in (record.book.publisher, record.book.location) if p
        )
        field("Publisher", publisher)
        field("ISBN", one_line(record.book.isbn or ""))
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
