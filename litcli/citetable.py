"""The citation table with iCite metrics (`search --metrics`, `related`, `show`): core, no Click.

Metrics are columns beside the record's flags everywhere both appear, so a highly cited
retracted paper never looks like a good source: on a terminal a Flags column just before
Cited / RCR / NIH %ile / Cites/yr / Clinical; piped (TSV) the Flags column then the
metrics; csv/tsv the documented columns with the metric columns right after ``flags``;
json/jsonl each record's ``metrics`` object right after ``flags`` (``null``: iCite gave
nothing).  A metric iCite does not give is an empty cell (JSON null), never zero.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from litcli.icite import Metrics
from litcli.models import Record
from litcli.textsafe import json_inert, one_line

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


def write(
    records: Sequence[Record],
    metrics: Mapping[str, Metrics],
    fmt: str,
    stream: TextIO,
    *,
    abstracts: bool = False,
    search: dict[str, Any] | None = None,
    wrap_search: bool = False,
) -> None:
    """``fmt`` (one of METRIC_FORMATS but table) with the metric columns; json with
    ``wrap_search``: ``{"search": ..., "records": [...]}`` as `search --format json`."""
    if fmt in ("csv", "tsv"):
        _write_delimited(records, metrics, fmt, stream, abstracts)
    elif fmt == "jsonl":
        for record in records:
            line = json.dumps(record_dict(record, metrics.get(record.pmid)), ensure_ascii=False,
                              separators=(",", ":"))
            stream.write(json_inert(line) + "\n")
    elif fmt == "json":
        items = [record_dict(r, metrics.get(r.pmid)) for r in records]
        data: Any = {"search": search, "records": items} if wrap_search else items
        stream.write(json_inert(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
    else:
        raise ValueError(f"no metric columns in format {fmt!r}")


def _write_delimited(
    records: Sequence[Record], metrics: Mapping[str, Metrics], fmt: str, stream: TextIO,
    abstracts: bool,
) -> None:
    from litcli.formats.csvfmt import COLUMNS, neutralise, row

    at = COLUMNS.index("flags") + 1
    names = [name for name, _ in METRIC_COLUMNS]
    columns = [*COLUMNS[:at], *names, *COLUMNS[at:]]
    writer = csv.writer(stream, dialect="excel", lineterminator="\r\n") if fmt == "csv" else None
    if writer is not None:
        writer.writerow(columns)
    else:
        stream.write("\t".join(columns) + "\n")
    for record in records:
        values = row(record, abstracts=abstracts)
        m = metrics.get(record.pmid)
        values.update({name: cell(m, name) for name in names})
        if writer is not None:
            writer.writerow([neutralise(values[c]) for c in columns])
        else:
            stream.write("\t".join(neutralise(" ".join(values[c].split())) for c in columns) + "\n")


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


def print_table(
    records: Sequence[Record],
    metrics: Mapping[str, Metrics],
    console: Any,
    *,
    header: str | None = None,
    start: int = 1,
) -> None:
    """The citation table with metrics: a rich table on a terminal, TSV when piped."""
    if not console.is_terminal:
        write_plain(records, metrics, console.file, start=start)
        console.file.flush()
        return
    from rich.table import Table
    from rich.text import Text

    from litcli.render import FLAG_STYLE, row_values, short_flags

    if header:
        console.print(Text(one_line(header), style="bold"), no_wrap=True, overflow="ellipsis")
    table = Table(box=None, header_style="bold", pad_edge=False, show_edge=False,
                  collapse_padding=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("PMID", no_wrap=True)
    table.add_column("Year", no_wrap=True)
    table.add_column("First author", no_wrap=True, overflow="ellipsis", max_width=18)
    table.add_column("Title", no_wrap=True, overflow="ellipsis", ratio=1, min_width=20)
    table.add_column("Flags", no_wrap=True)
    headers = dict(METRIC_COLUMNS)
    for name in TABLE_METRICS:
        table.add_column(headers[name], justify="right", no_wrap=True)
    for n, record in enumerate(records, start):
        values = row_values(record, n)
        m = metrics.get(record.pmid)
        table.add_row(
            values[0], values[1], values[2], Text(values[3]), Text(values[4]),
            Text(short_flags(record.flags), style=FLAG_STYLE),
            *(cell(m, k) for k in TABLE_METRICS),
            style="red" if record.retracted else None,
        )
    console.print(table)


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
