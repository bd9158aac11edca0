"""The citation table with iCite metrics (`search --metrics`, `related`, `show`): core, no Click.

Metrics are columns beside the record's flags everywhere both appear, so a highly cited
retracted paper never looks like a good source: on a terminal a Flags column just before
Cited / RCR / NIH %ile / Cites/yr / Clinical (``table_layout``: PMID, Year, the flags and Cited
never cut; the other columns leave a narrow terminal in a fixed order, named under it); piped (TSV) the Flags column then the
metrics; csv/tsv the documented columns with the metric columns right after ``flags``;
json/jsonl each record's ``metrics`` object right after ``flags`` (``null``: iCite gave
nothing).  A metric iCite does not give is an empty cell (JSON null), never zero.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from litcli.icite import Metrics
from litcli.models import Record
from litcli.textsafe import one_line

# (csv/json name, table header); the order of the columns
METRIC_COLUMNS: list[tuple[str, str]] = [
    ("citation_count", "Cited"),
    ("relative_citation_ratio", "RCR"),
    ("nih_percentile", "NIH %ile"),
    ("citations_per_year", "Cites/yr"),
    ("clinical_citations", "Clinical"),
    ("human", "Human"),
    ("animal", "Animal"),
    ("molecular_cellular", "Mol/cell"),
    ("apt", "APT"),
]
TABLE_METRICS = ["citation_count", "relative_citation_ratio", "nih_percentile",
                 "citations_per_year", "clinical_citations"]
METRIC_FORMATS = frozenset({"table", "csv", "tsv", "json", "jsonl"})
SORT_KEYS = {"cited": "citation_count", "rcr": "relative_citation_ratio"}


def cell(metrics: Metrics | None, name: str) -> str:
    """One metric as text: '' when missing; counts whole, ratios with 2 decimals."""
    value = getattr(metrics, name, None) if metrics is not None else None
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if name == "nih_percentile":
        return f"{value:.1f}"
    return f"{value:.2f}"


def sort_by(records: Sequence[Record], metrics: Mapping[str, Metrics], key: str) -> list[Record]:
    """Records by ``cited`` or ``rcr``, highest first; records without the metric last
    (in their order)."""
    attr = SORT_KEYS[key]

    def value(record: Record) -> tuple[int, float]:
        v = getattr(metrics.get(record.pmid), attr, None)
        return (0, -float(v)) if v is not None else (1, 0.0)

    return sorted(records, key=value)


def metrics_dict(metrics: Metrics | None) -> dict[str, Any] | None:
    if metrics is None:
        return None
    data = metrics.to_dict()
    data.pop("pmid", None)
    return data


def record_dict(record: Record, metrics: Metrics | None) -> dict[str, Any]:
    """litcli.record/1 with ``metrics`` right after ``flags``."""
    out: dict[str, Any] = {}
    for key, value in record.to_dict().items():
        out[key] = value
        if key == "flags":
            out["metrics"] = metrics_dict(metrics)
    return out


# --- writers ------------------------------------------------------------------------

Lookup = Callable[[Sequence[str]], Mapping[str, Metrics]]  # PMIDs -> their metrics
LOOKUP_BATCH = 1000  # records whose metrics are looked up at once when streaming


def with_metrics(
    records: Iterable[Record], lookup: Lookup, *, batch: int = LOOKUP_BATCH
) -> Iterator[tuple[Record, Metrics | None]]:
    """Each record with its metrics, looked up ``batch`` records at a time (so a whole
    library streams through in bounded memory)."""
    chunk: list[Record] = []

    def flush() -> Iterator[tuple[Record, Metrics | None]]:
        found = lookup([r.pmid for r in chunk]) if chunk else {}
        for record in chunk:
            yield record, found.get(record.pmid)
        chunk.clear()

    for record in records:
        chunk.append(record)
        if len(chunk) >= batch:
            yield from flush()
    yield from flush()


def write(
    records: Iterable[Record],
    metrics: Mapping[str, Metrics],
    fmt: str,
    stream: TextIO,
    *,
    abstracts: bool = False,
    search: dict[str, Any] | None = None,
    wrap_search: bool = False,
    mark_retracted: bool = False,
) -> int:
    """``fmt`` (one of METRIC_FORMATS but table) with the metric columns; json with
    ``wrap_search``: ``{"search": ..., "records": [...]}`` as `search --format json`."""
    pairs = ((record, metrics.get(record.pmid)) for record in records)
    return write_pairs(pairs, fmt, stream, abstracts=abstracts, search=search,
                       wrap_search=wrap_search, mark_retracted=mark_retracted)


def write_pairs(
    pairs: Iterable[tuple[Record, Metrics | None]],
    fmt: str,
    stream: TextIO,
    *,
    abstracts: bool = False,
    search: dict[str, Any] | None = None,
    wrap_search: bool = False,
    mark_retracted: bool = False,
) -> int:
    """``write`` for (record, metrics) pairs, streamed; returns how many records.
    ``mark_retracted``: the retraction notice in the csv/tsv ``title`` (json keeps its
    ``flags`` only, as in every export)."""
    from litcli.formats import jsonfmt

    if fmt in ("csv", "tsv"):
        return _write_delimited(pairs, fmt, stream, abstracts, mark_retracted)
    objects = (record_dict(record, m) for record, m in pairs)
    if fmt == "jsonl":
        return jsonfmt.write_jsonl_objects(objects, stream)
    if fmt == "json":
        if wrap_search:
            return jsonfmt.write_search_objects(search, objects, stream)
        return jsonfmt.write_json_objects(objects, stream)
    raise ValueError(f"no metric columns in format {fmt!r}")


def write_records(
    records: Iterable[Record],
    lookup: Lookup,
    fmt: str,
    output: str | None,
    *,
    abstracts: bool = False,
    force: bool = False,
    mark_retracted: bool | None = None,
) -> tuple[Path | None, int]:
    """``formats.write_records`` with the metric columns (`show`, `export`, `library
    export` with ``--metrics``): to stdout (``output`` None or ``-``) or atomically to
    the file; ``mark_retracted`` None is the format's default.  Returns the file written
    (None for stdout) and how many records."""
    import sys

    from litcli.formats import marks_retracted
    from litcli.formats.output import atomic_text

    def emit(stream: TextIO) -> int:
        return write_pairs(with_metrics(records, lookup), fmt, stream, abstracts=abstracts,
                           mark_retracted=marks_retracted(fmt, mark_retracted))

    if output is None or output == "-":
        n = emit(sys.stdout)
        sys.stdout.flush()
        return None, n
    with atomic_text(output, force=force) as stream:
        n = emit(stream)
    return Path(output).expanduser(), n


def _write_delimited(
    pairs: Iterable[tuple[Record, Metrics | None]], fmt: str, stream: TextIO, abstracts: bool,
    mark_retracted: bool = False,
) -> int:
    from litcli.formats.csvfmt import COLUMNS, neutralise, row

    at = COLUMNS.index("flags") + 1
    names = [name for name, _ in METRIC_COLUMNS]
    columns = [*COLUMNS[:at], *names, *COLUMNS[at:]]
    writer = csv.writer(stream, dialect="excel", lineterminator="\r\n") if fmt == "csv" else None
    if writer is not None:
        writer.writerow(columns)
    else:
        stream.write("\t".join(columns) + "\n")
    n = 0
    for record, m in pairs:
        n += 1
        values = row(record, abstracts=abstracts, mark_retracted=mark_retracted)
        values.update({name: cell(m, name) for name in names})
        if writer is not None:
            writer.writerow([neutralise(values[c]) for c in columns])
        else:
            stream.write("\t".join(neutralise(" ".join(values[c].split())) for c in columns) + "\n")
    return n


def write_plain(
    records: Sequence[Record], metrics: Mapping[str, Metrics], stream: TextIO, *, start: int = 1
) -> None:
    """The table piped: render's TSV columns (Flags last) and the metrics after them."""
    from litcli.formats.csvfmt import neutralise
    from litcli.render import PLAIN_COLUMNS, row_values

    headers = dict(METRIC_COLUMNS)
    stream.write("\t".join([*PLAIN_COLUMNS, *(headers[n] for n in TABLE_METRICS)]) + "\n")
    for n, record in enumerate(records, start):
        m = metrics.get(record.pmid)
        values = [*row_values(record, n), ", ".join(record.flags), *(cell(m, k) for k in TABLE_METRICS)]
        stream.write("\t".join(neutralise(v.replace("\t", " ")) for v in values) + "\n")


# The terminal table: #, PMID, Year, the Flags (kept whole: a retraction never loses its mark
# to the width) and Cited are never left out or cut; the title keeps at least TITLE_MIN cells.
# The other metrics follow in the order RCR, NIH %ile, Cites/yr, Clinical, then First author:
# one is shown only when all before it are, and the title keeps its minimum beside it; what
# is left goes back to the title.  Columns left out are named under the table.
TITLE_MIN = 20
AUTHOR_WIDTHS = (12, 18)  # First author: minimum, maximum


def table_layout(
    records: Sequence[Record], metrics: Mapping[str, Metrics], width: int | None, *, start: int = 1
) -> Any:
    """Column widths (``render.Layout``, in table order) for the terminal table at ``width``."""
    from rich.cells import cell_len

    from litcli.render import Layout, row_values, short_flags

    rows = [row_values(r, n) for n, r in enumerate(records, start)]
    headers = dict(METRIC_COLUMNS)

    def natural(header: str, values: Iterable[str]) -> int:
        return max([cell_len(header), *(cell_len(v) for v in values)])

    fixed = {
        "#": natural("#", (row[0] for row in rows)),
        "PMID": natural("PMID", (row[1] for row in rows)),
        "Year": natural("Year", (row[2] for row in rows)),
        "Flags": natural("Flags", (short_flags(r.flags) for r in records)),
    }
    optional: list[tuple[str, int, int]] = []  # (column, least, natural), in priority order
    for name in TABLE_METRICS:
        w = natural(headers[name], (cell(metrics.get(r.pmid), name) for r in records))
        optional.append((headers[name], w, w))
    author = min(natural("First author", (row[3] for row in rows)), AUTHOR_WIDTHS[1])
    optional.append(("First author", min(AUTHOR_WIDTHS[0], author), author))
    title_natural = natural("Title", (row[4] for row in rows))
    limit = width if width is not None else 10_000
    shown = dict(fixed)
    cited = optional.pop(0)  # Cited is never left out
    shown[cited[0]] = cited[2]
    used = sum(shown.values()) + len(shown)  # each column and the gap after it (the title's last)
    title_min = min(TITLE_MIN, title_natural)
    hidden: list[str] = []
    for name, least, _ in optional:
        if hidden or used + least + 1 + title_min > limit:
            hidden.append(name)
            continue
        shown[name] = least
        used += least + 1
    title = max(limit - used, 1)
    title = min(title, title_natural)
    if "First author" in shown:  # what the title does not need widens the author
        grow = min(max(limit - used - title, 0), author - shown["First author"])
        shown["First author"] += grow
    order = ["#", "PMID", "Year", "First author", "Title", "Flags", *(headers[n] for n in TABLE_METRICS)]
    widths = {**shown, "Title": title}
    return Layout({name: widths[name] for name in order if name in widths}, hidden)


def print_table(
    records: Sequence[Record],
    metrics: Mapping[str, Metrics],
    console: Any,
    *,
    header: str | None = None,
    start: int = 1,
) -> None:
    """The citation table with metrics: a rich table on a terminal (``table_layout``), TSV
    when piped."""
    if not console.is_terminal:
        write_plain(records, metrics, console.file, start=start)
        console.file.flush()
        return
    from rich.table import Table
    from rich.text import Text

    from litcli.render import FLAG_STYLE, row_values, short_flags

    if header:
        console.print(Text(one_line(header), style="bold"), no_wrap=True, overflow="ellipsis")
    layout = table_layout(records, metrics, console.width, start=start)
    table = Table(box=None, header_style="bold", pad_edge=False, show_edge=False,
                  collapse_padding=True)
    by_header = {h: n for n, h in METRIC_COLUMNS}
    for name, w in layout.widths.items():
        right = name == "#" or name in by_header
        table.add_column(name, justify="right" if right else "left", no_wrap=True,
                         overflow="ellipsis", width=w, min_width=w)
    for n, record in enumerate(records, start):
        values = dict(zip(["#", "PMID", "Year", "First author", "Title"], row_values(record, n)[:5],
                          strict=True))
        m = metrics.get(record.pmid)
        cells: list[Any] = []
        for name in layout.widths:
            if name == "Flags":
                cells.append(Text(short_flags(record.flags), style=FLAG_STYLE))
            elif name in by_header:
                cells.append(cell(m, by_header[name]))
            else:
                cells.append(Text(values[name]))
        table.add_row(*cells, style="red" if record.retracted else None)
    console.print(table)
    if layout.hidden:  # say what is missing rather than leave it to be guessed
        console.print(Text(f"(hidden at this width: {', '.join(layout.hidden)})", style="dim"))


def metrics_lines(record: Record, metrics: Metrics | None) -> list[str]:
    """`show`: 'Citations (iCite): 42 · RCR 2.50 · NIH percentile 80.1 · ...' and, for a
    flagged record, the flags on the same line."""
    from litcli.render import flag_label

    flags = "  ".join(flag_label(f) for f in record.flags)
    if metrics is None:
        text = "Citations (iCite): not available"
    else:
        parts = []
        labels = [("citation_count", "{} citations"), ("relative_citation_ratio", "RCR {}"),
                  ("nih_percentile", "NIH percentile {}"), ("citations_per_year", "{} per year"),
                  ("clinical_citations", "{} clinical"), ("apt", "APT {}")]
        for name, label in labels:
            value = cell(metrics, name)
            if value:
                parts.append(label.format(value))
        text = "Citations (iCite): " + (" · ".join(parts) if parts else "no metrics")
    return [f"{text}  {flags}" if flags else text]
