"""``json`` (an array of litcli.record/1 objects) and ``jsonl`` (one object per line);
``write_search``: ``litcli search --format json``, the records with the search record."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from litcli.models import Record
from litcli.textsafe import json_inert


def write_json(records: Iterable[Record], stream: TextIO, abstracts: bool = False) -> None:
    """A JSON array, streamed record by record; ``[]`` when empty."""
    first = True
    for record in records:
        stream.write("[\n" if first else ",\n")
        first = False
        body = json_inert(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))
        stream.write("\n".join("  " + line for line in body.split("\n")))
    stream.write("[]\n" if first else "\n]\n")


def write_jsonl(records: Iterable[Record], stream: TextIO, abstracts: bool = False) -> None:
    for record in records:
        stream.write(
            json_inert(json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":")))
        )
        stream.write("\n")


def write_search(search: dict[str, Any] | None, records: Iterable[Record], stream: TextIO) -> None:
    """``{"search": {...}, "records": [...]}`` (``search`` null offline), records streamed."""
    head = json_inert(json.dumps(search, ensure_ascii=False, indent=2))
    stream.write('{\n  "search": ' + "\n  ".join(head.split("\n")) + ',\n  "records": [')
    first = True
    for record in records:
        stream.write("\n" if first else ",\n")
        first = False
        body = json_inert(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))
        stream.write("\n".join("    " + line for line in body.split("\n")))
    stream.write("]\n}\n" if first else "\n  ]\n}\n")
