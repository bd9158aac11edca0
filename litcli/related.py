"""PubMed's links between records (core, no Click): cited by, references, similar.

One elink request (``cmd=neighbor``) per lookup, parsed with ``Bio.Entrez`` (as every
E-utilities reply but efetch); the linked PMIDs in NCBI's order (similar: best first,
cited by: newest first), each once, the record itself left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

# --cited-by / --references / --similar -> PubMed's link name
LINKNAMES = {
    "cited-by": "pubmed_pubmed_citedin",
    "references": "pubmed_pubmed_refs",
    "similar": "pubmed_pubmed",
}
LABELS = {"cited-by": "Cited by", "references": "References of", "similar": "Similar to"}


def linked_pmids(linksets: Iterable[Any], linkname: str, *, exclude: Iterable[str] = ()) -> list[str]:
    """The PMIDs under ``linkname`` in elink's parsed LinkSets (Bio.Entrez.read), in order."""
    seen = {str(p) for p in exclude}
    out: list[str] = []
    for linkset in linksets:
        for db in linkset.get("LinkSetDb", []) or []:
            if str(db.get("LinkName", "")) != linkname:
                continue
            for link in db.get("Link", []) or []:
                pmid = str(link.get("Id", "")).strip()
                if pmid.isdigit() and pmid not in seen:
                    seen.add(pmid)
                    out.append(pmid)
    return out


def links(client: Any, pmids: Sequence[str], kind: str) -> list[str]:
    """PMIDs linked to ``pmids`` as ``kind`` (a key of LINKNAMES), one elink request."""
    if not pmids:
        return []
    linkname = LINKNAMES[kind]
    linksets = client.elink(list(pmids), cmd="neighbor", linkname=linkname)
    return linked_pmids(linksets, linkname, exclude=pmids)
