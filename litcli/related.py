"""PubMed's links between records (core, no Click): cited by, references, similar.

One elink request (``cmd=neighbor``) per lookup, parsed with ``Bio.Entrez`` (as every
E-utilities reply but efetch); the linked PMIDs in NCBI's order (similar: best first,
cited by: newest first), each once, the record itself left out.

The links are kept in the library's search cache (key: the link kind and the sorted
PMIDs), as searches are: asked again after a day (``--refresh``: always), and offline
read at any age; offline links that were never asked are ``LinksNotKept`` (exit 3).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from litcli.errors import LibraryError, NotFoundError

log = logging.getLogger(__name__)

# --cited-by / --references / --similar -> PubMed's link name
LINKNAMES = {
    "cited-by": "pubmed_pubmed_citedin",
    "references": "pubmed_pubmed_refs",
    "similar": "pubmed_pubmed",
}
LABELS = {"cited-by": "Cited by", "references": "References of", "similar": "Similar to"}


class LinksNotKept(NotFoundError):
    """Offline, and the library holds no links of this kind for these records."""


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


def cache_key(pmids: Sequence[str], kind: str) -> str:
    """The search-cache key of ``kind`` links of ``pmids`` (order and repeats do not matter)."""
    from litcli.library import search_cache_key

    ids = ",".join(sorted(set(pmids), key=lambda p: (len(p), p)))
    return search_cache_key(f"elink {ids}", {"linkname": LINKNAMES[kind]})


def links(
    client: Any,
    pmids: Sequence[str],
    kind: str,
    *,
    library: Any = None,
    offline: bool = False,
    refresh: bool = False,
    library_warn: Callable[[str], None] | None = None,
) -> list[str]:
    """PMIDs linked to ``pmids`` as ``kind`` (a key of LINKNAMES): from the library when
    asked within a day (any age ``offline``; never with ``refresh``), else one elink request
    through ``client``, kept.  Offline without kept links: ``LinksNotKept``.  A library that
    cannot be read or written is reported through ``library_warn`` and passed over."""
    from litcli.library import SEARCH_TTL, CachedSearch

    if not pmids:
        return []
    linkname = LINKNAMES[kind]
    key = cache_key(pmids, kind)
    say = library_warn or log.warning
    if library is not None and (offline or not refresh):
        try:
            kept = library.cache_get(key, max_age=float("inf") if offline else SEARCH_TTL)
        except LibraryError as exc:
            say(f"kept links not read: {exc.message}")
            kept = None
        if kept is not None:
            return [p for p in kept.pmids if p not in set(pmids)]
    if offline:
        ids = ", ".join(pmids)
        raise LinksNotKept(
            f"the local library has no --{kind} links of {ids}",
            hint=f"run `litcli related {ids} --{kind}` once without --offline; the links are kept",
        )
    linksets = client.elink(list(pmids), cmd="neighbor", linkname=linkname)
    found = linked_pmids(linksets, linkname, exclude=pmids)
    if library is not None:
        try:
            library.cache_put(key, CachedSearch(pmids=found, count=len(found),
                                                query=f"elink {linkname} {','.join(pmids)}"))
        except LibraryError as exc:
            say(f"links not kept: {exc.message}")
    return found
