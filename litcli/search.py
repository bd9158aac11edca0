"""Search orchestration for ``litcli search`` (core, no Click).

``build_search_query`` turns the user's words, topic and filters into the
PubMed query (validated before anything is sent); ``run_search`` does one
esearch (history server) and ceil(N / 1000) efetch requests, parses the
records with ``litcli.pubmed`` and returns them in PubMed's order.

Library hook: ``run_search`` takes an optional ``cache`` (see ``SearchCache``;
``litcli.service.LibrarySearchCache`` is the library's).  A search seen recently
is answered from the cache, its records from the library; only records the
library lacks (or holds too long) are fetched, by PMID.  A search sent to NCBI
fetches only the records the library does not hold fresh, and every efetch
batch is stored as it arrives (one transaction each), so an interrupted search
keeps what it fetched.  Without a cache every search goes to NCBI.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, cast

from litcli import query as q
from litcli.errors import InputFileError, NCBIResponseError
from litcli.models import Record

if TYPE_CHECKING:
    from litcli.eutils import EutilsClient, SearchResult

ESEARCH_MAX_IDS = 10_000  # esearch returns at most this many ids per request


@dataclass
class SearchOutcome:
    query: str  # exactly what was sent to PubMed
    count: int  # all matches in PubMed
    records: list[Record] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    query_translation: str | None = None
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    from_cache: bool = False  # the search itself came from the cache (no esearch)
    fetched_at: float | None = None  # when NCBI was searched (epoch seconds), for cached answers
    missing: list[str] = field(default_factory=list)  # cached PMIDs without a fresh stored record
    fetched: int = 0  # records fetched from NCBI by this run

    @property
    def messages(self) -> list[str]:
        """NCBI's errors and warnings as sentences a user can act on."""
        return [describe_message(m) for m in [*self.errors, *self.warnings]]


class SearchCache(Protocol):
    """What the library provides to answer searches locally (the hook)."""

    def lookup(self, query: str, *, max_results: int, sort: str) -> SearchOutcome | None:
        """A recent result of this search (``from_cache``): ``records`` holds the
        stored records among its first ``max_results`` PMIDs, ``missing`` the others."""
        ...

    def known(self, pmids: Sequence[str]) -> dict[str, Record]:
        """Fresh stored records among ``pmids`` (none when refreshing)."""
        ...

    def parse_efetch(self, body: bytes) -> list[Record]:
        """Records of one efetch body, kept (with their raw XML) as they arrive."""
        ...

    def store(self, outcome: SearchOutcome, *, max_results: int, sort: str) -> None:
        """Keep a search NCBI answered (its PMIDs, count, translation, warnings)."""
        ...

    def lookup_ids(self, query: str, *, max_results: int, sort: str) -> SearchOutcome | None:
        """A recent result of this search, PMIDs only (no records read)."""
        ...


_DESCRIPTIONS = {
    "PhraseNotFound": "PubMed does not know the term {!r} (PhraseNotFound); it was left out of the search",
    "QuotedPhraseNotFound": "PubMed did not find the quoted phrase {!r} (QuotedPhraseNotFound)",
    "FieldNotFound": "PubMed does not know the field tag {!r} (FieldNotFound)",
    "PhraseIgnored": "PubMed ignored {!r} (PhraseIgnored)",
}


def describe_message(message: str) -> str:
    kind, sep, text = message.partition(": ")
    if sep and kind in _DESCRIPTIONS:
        return _DESCRIPTIONS[kind].format(text)
    return f"PubMed: {message}"


def build_search_query(
    words: Sequence[str] | str = (),
    *,
    topic: str | None = None,
    filters: q.Filters | None = None,
) -> str:
    """Topic query AND the user's words AND the filters; InvalidInputError on bad input."""
    from litcli import topics

    text = words if isinstance(words, str) else " ".join(words)
    parts = []
    if topic:
        parts.append(topics.get(topic).query)
    if text.strip() or not topic:
        parts.append(q.validate_query(text))
    filters = filters or q.Filters()
    q.normalise_types(filters.types)
    q.check_years(filters.since, filters.until)
    return q.combine(*parts, *filters.clauses())


def parse_efetch(body: bytes) -> list[Record]:
    """Records from one efetch body; an unparsable reply is an NCBI error."""
    from litcli.pubmed import Parsed, iter_parse

    try:
        return [item.record for item in iter_parse(body) if isinstance(item, Parsed)]
    except InputFileError as exc:
        raise NCBIResponseError(
            f"NCBI's efetch reply cannot be parsed: {exc.message}",
            hint="try again later; NCBI may have sent a partial reply",
        ) from None


def in_search_order(records: list[Record], ids: Sequence[str]) -> list[Record]:
    """Records ordered as esearch listed them (efetch by history may reorder)."""
    rank = {pmid: i for i, pmid in enumerate(ids)}
    return sorted(records, key=lambda r: rank.get(r.pmid, len(rank)))


def run_search(
    query: str,
    *,
    client: EutilsClient,
    max_results: int = 20,
    sort: str = "relevance",
    count_only: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cache: SearchCache | None = None,
    on_batch: Callable[[list[Record]], None] | None = None,
) -> SearchOutcome:
    """One esearch + ceil(records to fetch / batch) efetch; see the module docstring.

    ``on_batch(records)`` is called with the records of each efetch batch once it is
    parsed (and stored), while the next batch is on its way (the caller may get its
    output ready; the records are in ``outcome.records`` all the same)."""
    q.check_max(max_results)
    sort_value = q.check_sort(sort)
    query = q.validate_query(query)

    if count_only:
        result = client.esearch(query, retmax=0, usehistory=False)
        return _outcome(query, result)

    if cache is not None:  # a recent identical search: records from the library
        cached = cache.lookup(query, max_results=max_results, sort=sort)
        if cached is not None:
            if cached.missing:
                _fetch_missing(cached, cached.missing, client, cache, progress, on_batch)
            return cached

    result = client.esearch(
        query, retmax=min(max_results, ESEARCH_MAX_IDS), sort=sort_value, usehistory=True
    )
    outcome = _outcome(query, result)
    n = min(max_results, result.count)
    if n > 0:
        wanted = list(result.ids[:n])
        have = cache.known(wanted) if cache is not None and len(wanted) == n else {}
        if have:  # only what the library lacks, by PMID
            outcome.records = list(have.values())
            _fetch_missing(
                outcome, [p for p in wanted if p not in have], client, cache, progress, on_batch
            )
        else:  # everything, through the history server
            records: list[Record] = []
            bodies = client.fetch_batches(search=result, total=n, progress=progress)
            with contextlib.closing(_parsed(bodies, cache, n, client)) as batches:
                for batch in batches:  # closed on any exit: a worker process stops at once
                    records.extend(batch)
                    if on_batch is not None:
                        on_batch(batch)
            outcome.fetched = len(records)
            outcome.records = in_search_order(records, result.ids)[:n]
            extra = [r.pmid for r in outcome.records[len(outcome.ids) :]]
            outcome.ids.extend(extra)  # beyond esearch's 10,000 ids: keep the order fetched

    if cache is not None:  # library hook: keep the search (records are stored already)
        cache.store(outcome, max_results=max_results, sort=sort)
    return outcome


def run_id_search(
    query: str,
    *,
    client: EutilsClient,
    max_results: int = 20,
    sort: str = "relevance",
    cache: SearchCache | None = None,
    page: int = ESEARCH_MAX_IDS,
) -> SearchOutcome:
    """PMIDs only (``--format ids``): esearch pages of ``page`` ids, never an efetch.

    A search seen recently comes from the cache (same entries as ``run_search``'s);
    what NCBI answers is kept there."""
    q.check_max(max_results)
    sort_value = q.check_sort(sort)
    query = q.validate_query(query)
    if cache is not None:
        cached = cache.lookup_ids(query, max_results=max_results, sort=sort)
        if cached is not None:
            return cached
    outcome = esearch_ids(client, query, max_results=max_results, sort=sort_value, page=page)
    if cache is not None:
        cache.store(outcome, max_results=max_results, sort=sort)
    return outcome


def esearch_ids(
    client: EutilsClient,
    query: str,
    *,
    max_results: int,
    sort: str | None = None,
    page: int = ESEARCH_MAX_IDS,
    mindate: str | None = None,
    maxdate: str | None = None,
) -> SearchOutcome:
    """The first ``max_results`` PMIDs of a search in ``ceil(n / page)`` esearch requests
    (``retstart`` windows; PubMed serves no ``retstart`` past 9,998)."""
    page = max(1, min(page, ESEARCH_MAX_IDS))
    first = client.esearch(
        query, retmax=min(max_results, page), sort=sort, usehistory=False,
        mindate=mindate, maxdate=maxdate,
    )
    outcome = _outcome(query, first)
    wanted = min(max_results, first.count, q.MAX_RESULTS)
    while len(outcome.ids) < wanted:
        more = client.esearch(
            query, retmax=min(page, wanted - len(outcome.ids)), retstart=len(outcome.ids),
            sort=sort, usehistory=False, mindate=mindate, maxdate=maxdate,
        )
        if not more.ids:  # PubMed's count changed under us: keep what it gave
            break
        outcome.ids.extend(more.ids)
    outcome.ids = outcome.ids[:max_results]
    return outcome


def _fetch_missing(
    outcome: SearchOutcome,
    missing: Sequence[str],
    client: EutilsClient,
    cache: SearchCache | None,
    progress: Callable[[int, int], None] | None,
    on_batch: Callable[[list[Record]], None] | None = None,
) -> None:
    """Fetch ``missing`` PMIDs by id, add them to ``outcome.records`` in search order."""
    records = list(outcome.records)
    fetched = 0
    bodies = client.fetch_batches(ids=list(missing), progress=progress)
    with contextlib.closing(_parsed(bodies, cache, len(missing), client)) as batches:
        for batch in batches:
            fetched += len(batch)
            records.extend(batch)
            if on_batch is not None:
                on_batch(batch)
    outcome.fetched += fetched
    outcome.records = in_search_order(records, outcome.ids)
    outcome.missing = []


def _parsed(
    bodies: Iterator[bytes], cache: SearchCache | None, expected: int, client: EutilsClient
) -> Generator[list[Record], None, None]:
    """The records of each efetch body: through the cache's ``parse_efetch_batches`` when
    it has one (``LibrarySearchCache``: stored as they come, large fetches parsed in a
    worker process), else ``parse_efetch`` of each body."""
    many = getattr(cache, "parse_efetch_batches", None)
    if many is not None:
        size = getattr(getattr(client, "settings", None), "batch_size", None)
        return cast(
            "Generator[list[Record], None, None]",
            many(bodies, expected=expected, batch_size=size),
        )
    parse = cache.parse_efetch if cache is not None else parse_efetch
    return (parse(body) for body in bodies)


def _outcome(query: str, result: SearchResult) -> SearchOutcome:
    return SearchOutcome(
        query=query,
        count=result.count,
        ids=list(result.ids),
        query_translation=result.query_translation,
        warnings=list(result.warnings),
        errors=list(result.errors),
    )
