"""Export formats: one module per format, one dispatch function.

``write(records, fmt, stream)`` streams records in one of ``FORMAT_NAMES``;
``dumps`` returns the same text; ``format_reference`` formats one record as
an AMA or Vancouver (NLM) reference.  The formats are documented in
docs/FORMATS.md ("Export formats").
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Callable, Iterable
from typing import TextIO

from litcli import tables
from litcli.errors import InvalidInputError
from litcli.models import Record

# The formats and their writers are one table: litcli.tables.FORMATS.
FORMAT_NAMES: list[str] = list(tables.FORMAT_NAMES)
REFERENCE_STYLES: list[str] = list(tables.REFERENCE_STYLES)

Writer = Callable[..., None]  # writer(records, stream, abstracts[, mark_retracted=bool])


def _spec(fmt: str) -> tables.Format:
    spec = tables.FORMAT_BY_NAME.get(fmt) if isinstance(fmt, str) else None
    if spec is None:
        raise InvalidInputError(
            f"unknown export format: {fmt!r}", hint="choose one of: " + ", ".join(FORMAT_NAMES)
        )
    return spec


def _writer(fmt: str) -> Writer:
    # Imported lazily: a caller that writes JSON never loads the BibTeX code.
    spec = _spec(fmt)
    module = importlib.import_module(f"litcli.formats.{spec.module}")
    writer: Writer = getattr(module, spec.writer)
    return writer


def check_format(fmt: str) -> str:
    """Return ``fmt`` if it is a known format; raise InvalidInputError otherwise."""
    _writer(fmt)
    return fmt


def marks_retracted(fmt: str, mark_retracted: bool | None = None) -> bool:
    """Whether ``fmt`` writes retraction notices into titles: ``mark_retracted`` when
    given (True/False), else the format's default (litcli.tables.FORMATS); always False
    for the formats without a title to mark (json, jsonl, ids)."""
    default = _spec(fmt).mark_retracted
    if default is None:
        return False
    return default if mark_retracted is None else mark_retracted


def write(
    records: Iterable[Record],
    fmt: str,
    stream: TextIO,
    *,
    abstracts: bool = False,
    mark_retracted: bool | None = None,
) -> None:
    """Write ``records`` to ``stream`` in format ``fmt`` (one of FORMAT_NAMES).

    ``abstracts`` adds abstracts to the formats where they are optional (all but
    json/jsonl, which always carry the whole record, and ids).  ``mark_retracted``
    puts a retraction (or expression-of-concern) notice into the title of flagged
    records: None is the format's default (on for bibtex, ris, csl-json, markdown,
    ama, vancouver; off for nbib/medline, csv, tsv); json, jsonl and ids ignore it
    (see ``marks_retracted`` and docs/FORMATS.md "Retractions in titles").
    """
    writer = _writer(fmt)
    if _spec(fmt).mark_retracted is None:
        writer(records, stream, abstracts)
    else:
        writer(records, stream, abstracts, mark_retracted=marks_retracted(fmt, mark_retracted))


def dumps(
    records: Iterable[Record],
    fmt: str,
    *,
    abstracts: bool = False,
    mark_retracted: bool | None = None,
) -> str:
    """The text ``write`` would produce."""
    buf = io.StringIO()
    write(records, fmt, buf, abstracts=abstracts, mark_retracted=mark_retracted)
    return buf.getvalue()


# Atomic file output lives in formats.output; re-exported here as part of the API.
from litcli.formats.output import (  # noqa: E402
    atomic_text,
    check_output_path,
    write_path,
    write_records,
    write_text,
)


def format_reference(record: Record, style: str = "ama", *, mark_retracted: bool = True) -> str:
    """One formatted reference (no number), style "ama" or "vancouver"."""
    from litcli.formats import references

    return references.format_reference(record, style, mark_retracted=mark_retracted)


__all__ = [
    "FORMAT_NAMES",
    "REFERENCE_STYLES",
    "check_format",
    "check_output_path",
    "dumps",
    "format_reference",
    "marks_retracted",
    "write",
    "write_path",
    "write_records",
    "write_text",
    "atomic_text",
]
