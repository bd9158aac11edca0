"""``markdown``: a numbered reference list (AMA style) with PubMed and DOI links.

Text from PubMed is escaped so that it cannot turn into Markdown markup,
links or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO
from urllib.parse import quote

from litcli.formats import _common as c
from litcli.formats.references import format_reference
from litcli.models import Record

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~&$^@])")


def escape(value: str) -> str:
    """Backslash-escape characters Markdown (CommonMark, pandoc) would interpret."""
    return _MD_SPECIAL.sub(r"\\\1", value)


def item(record: Record, n: int, *, abstracts: bool = False, mark_retracted: bool = True) -> str:
    ref = escape(format_reference(record, "ama", mark_retracted=mark_retracted))
    if mark_retracted and record.retracted:
        ref = ref.replace(r"\[Retracted\]", r"**\[Retracted\]**", 1)
    links = [f"[PubMed {record.pmid}]({record.pubmed_url})"]
    if record.doi:
        url = "https://doi.org/" + quote(c.text(record.doi), safe="/:;()._-~!$&'*+,=@")
        links.append(f"[DOI](<{url}>)")
    if record.pmcid:
        pmcid = c.text(record.pmcid)
        links.append(f"[{pmcid}](https://pmc.ncbi.nlm.nih.gov/articles/{pmcid}/)")
    out = f"{n}. {ref} {' · '.join(links)}\n"
    if abstracts and record.abstract:
        for line in c.abstract(record).split("\n"):
            out += f"\n    > {escape(line)}\n"
    return out


def write(
    records: Iterable[Record],
    stream: TextIO,
    abstracts: bool = False,
    *,
    mark_retracted: bool = True,
) -> None:
    for n, record in enumerate(records, 1):
        stream.write(item(record, n, abstracts=abstracts, mark_retracted=mark_retracted))
        if abstracts:
            stream.write("\n")
