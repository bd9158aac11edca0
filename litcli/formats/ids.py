"""``ids``: one PMID per line (feeds ``litcli export -``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from litcli.models import Record


def write(records: Iterable[Record], stream: TextIO, abstracts: bool = False) -> None:
    for record in records:
        stream.write(f"{record.pmid}\n")
