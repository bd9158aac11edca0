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

Writer = Callable[[Iterable[Record], TextIO, bool], None]


def _writer(fmt: str) -> Writer:
    # Imported lazily: a caller that writes JSON never loads the BibTeX code.
    spec = tables.FORMAT_BY_NAME.get(fmt) if isinstance(fmt, str) else None
    if spec is None:
        raise InvalidInputError(
            f"unknown export format: {fmt!r}", hint="choose one of: " + ", ".join(FORMAT_NAMES)
        )
    module = importlib.import_module(f"litcli.formats.{spec.module}")
    writer: Writer = getattr(module, spec.writer)
    return writer


def check_format(fmt: str) -> str:
    """Return ``fmt`` if it is a known format; raise InvalidInputError otherwise."""
    _writer(fmt)
    return fmt


def write(records: Iterable[Record], fmt: str, stream: TextIO, *, abstracts: bool = False) -> None:
    """Write ``records`` to ``stream`` in format ``fmt`` (one of FORMAT_NAMES).

    ``abstracts`` adds abstracts to the formats where they are optional (all but
    json/jsonl, which always carry the whole record, and ids).
    """
    _writer(fmt)(records, stream, abstracts)


def dumps(records: Iterable[Record], fmt: str, *, abstracts: bool = False) -> str:
    """The text ``write`` would produce."""
    buf = io.StringIO()
    write(records, fmt, buf, abstracts=abstracts)
    return buf.getvalue()


# Atomic file output lives in formats.output; re-exported here as part of the API.
from litcli.formats.output import (  # noqa: E402
    atomic_text,
    check_output_path,
    write_path,
    write_records,
    write_text,
)


def format_reference(record: Record, style: str = "ama") -> str:
    """One formatted reference (no number), style "ama" or "vancouver"."""
    from litcli.formats import references

    return references.format_reference(record, style)


__all__ = [
    "FORMAT_NAMES",
    "REFERENCE_STYLES",
    "check_format",
    "check_output_path",
    "dumps",
    "format_reference",
    "write",
    "write_path",
    "write_records",
    "write_text",
    "atomic_text",
]
