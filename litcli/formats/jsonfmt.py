"""``json`` (an array of litcli.record/1 objects) and ``jsonl`` (one object per line);
``write_search``: ``litcli search --format json``, the records with the search record.

The ``*_objects`` writers take the objects already built (``citetable`` passes records
with their ``metrics``), so the layout of every JSON litcli writes is made here once."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from typing import Any, TextIO

from litcli.models import DERIVED, SCHEMA, Author, Record, fields_reader
from litcli.textsafe import json_inert


def _indented(obj: Any, indent: str) -> str:
    body = json_inert(json.dumps(obj, ensure_ascii=False, indent=2))
    return "\n".join(indent + line for line in body.split("\n"))


def write_json_objects(objects: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """A JSON array (the layout of ``json.dumps(list, indent=2)``), streamed object by
    object; ``[]`` when empty.  Returns how many objects were written."""
    n = 0
    for obj in objects:
        stream.write("[\n" if not n else ",\n")
        n += 1
        stream.write(_indented(obj, "  "))
    stream.write("[]\n" if not n else "\n]\n")
    return n


def jsonl_line(obj: dict[str, Any]) -> str:
    """One object as a JSONL line (without the newline)."""
    return json_inert(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))


# ``record_line``: the line of ``jsonl_line(record.to_dict())`` written by a JSON encoder
# that turns each model dataclass into the dict of its fields as it meets it (in field
# order, as ``to_dict``): no dict tree is built first; 68-71 -> 53-56 us a record.
_READERS: dict[type, Any] = {}


def _fields(value: Any) -> Any:
    read = _READERS.get(type(value))
    if read is None:
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
        read = _READERS[type(value)] = fields_reader(type(value))
    return read(value)


_LINE_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_fields)
_RECORD = fields_reader(Record, DERIVED, head={"schema": SCHEMA})


def _record_line_is_to_dicts() -> bool:
    probe = Record(pmid="1", title="t", authors=[Author(last_name="A", affiliations=["x"])])
    try:
        return _LINE_ENCODER.encode(_RECORD(probe)) == json.dumps(
            probe.to_dict(), ensure_ascii=False, separators=(",", ":")
        )
    except Exception:  # noqa: BLE001 - any difference: to_dict it is
        return False


_FAST_LINE = _record_line_is_to_dicts()


def record_line(record: Record) -> str:
    """``jsonl_line(record.to_dict())``, the same text, written faster."""
    if not _FAST_LINE:
        return jsonl_line(record.to_dict())
    return json_inert(_LINE_ENCODER.encode(_RECORD(record)))


def _write_lines(lines: Iterable[str], stream: TextIO) -> int:
    """Each line and a newline; returns how many lines."""
    n = 0
    for line in lines:
        stream.write(line)
        stream.write("\n")
        n += 1
    return n


def write_jsonl_objects(objects: Iterable[dict[str, Any]], stream: TextIO) -> int:
    return _write_lines((jsonl_line(obj) for obj in objects), stream)


class JsonlAhead:
    """JSONL lines of records encoded before they are written: ``litcli search`` encodes
    each efetch batch while the next one is on its way (``add``), so that writing them
    all at the end (``write``) costs little.  ``write`` gives the text of ``write_jsonl``:
    a record's line encoded ahead is used for the same record object only (a record not
    seen by ``add`` is encoded then); records must not change between ``add`` and
    ``write``."""

    def __init__(self) -> None:
        self._lines: dict[str, tuple[Record, str]] = {}

    def add(self, records: Iterable[Record]) -> None:
        for record in records:
            self._lines[record.pmid] = (record, record_line(record))

    def write(self, records: Iterable[Record], stream: TextIO) -> int:
        """Write ``records`` as JSONL, in their order; returns how many."""
        n = _write_lines((self._line(record) for record in records), stream)
        self._lines.clear()
        return n

    def _line(self, record: Record) -> str:
        ahead = self._lines.pop(record.pmid, None)
        return ahead[1] if ahead is not None and ahead[0] is record else record_line(record)


def write_search_objects(
    search: dict[str, Any] | None, objects: Iterable[dict[str, Any]], stream: TextIO
) -> int:
    """``{"search": {...}, "records": [...]}`` (``search`` null offline), objects streamed."""
    head = json_inert(json.dumps(search, ensure_ascii=False, indent=2))
    stream.write('{\n  "search": ' + "\n  ".join(head.split("\n")) + ',\n  "records": [')
    n = 0
    for obj in objects:
        stream.write("\n" if not n else ",\n")
        n += 1
        stream.write(_indented(obj, "    "))
    stream.write("]\n}\n" if not n else "\n  ]\n}\n")
    return n


def write_json(records: Iterable[Record], stream: TextIO, abstracts: bool = False) -> None:
    """A JSON array, streamed record by record; ``[]`` when empty."""
    write_json_objects((record.to_dict() for record in records), stream)


def write_jsonl(records: Iterable[Record], stream: TextIO, abstracts: bool = False) -> None:
    _write_lines((record_line(record) for record in records), stream)


def write_search(search: dict[str, Any] | None, records: Iterable[Record], stream: TextIO) -> None:
    """``{"search": {...}, "records": [...]}`` (``search`` null offline), records streamed."""
    write_search_objects(search, (record.to_dict() for record in records), stream)
