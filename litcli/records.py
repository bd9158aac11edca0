"""One record source: "give me these records" and "run this search" (core, no Click).

``RecordSource`` owns the path every command takes to records: the local library first
(under its freshness rules: records for 30 days, searches for a day, any age offline),
then E-utilities in batches, storing what it fetched with its raw XML, reporting
per-identifier failures, and degrading *once* when the library cannot be used (one
warning; PubMed still answers).  ``search``, ``show``, ``export`` and ``check`` go through it; the
helpers it composes (``service.get_records``'s engine, ``service.LibrarySearchCache``,
``search.run_search``) are not called from the CLI directly.

    with RecordSource(offline=False, warn=warn) as source:
        records, failures = source.get(["23392687", "10.1038/npp.2013.22"])
        outcome = source.search('ketamine AND "OCD"', max_results=20, sort="relevance")
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from litcli.errors import LibraryError
from litcli.library import RECORD_TTL, Library

if TYPE_CHECKING:
    from litcli.allsearch import AllIds, AllRecords
    from litcli.config import Settings
    from litcli.eutils import EutilsClient
    from litcli.icite import Metrics
    from litcli.ids import Identifier
    from litcli.models import Record
    from litcli.search import SearchOutcome
    from litcli.service import Failure, RecordStream

log = logging.getLogger(__name__)

__all__ = ["RecordSource"]


class RecordSource:
    """The library, then NCBI; see the module docstring.

    ``offline``: the library only (a library that cannot be opened is then an error);
    ``refresh``: ask NCBI even for what the library holds fresh (it is still stored);
    ``warn``: one-line warnings for the user (the library's degrade, retry waits, a
    missing email).  ``library`` / ``client`` / ``settings`` may be given (tests, reuse);
    what the source opens itself it closes.
    """

    def __init__(
        self,
        *,
        offline: bool = False,
        refresh: bool = False,
        settings: Settings | None = None,
        client: EutilsClient | None = None,
        library: Library | None = None,
        warn: Callable[[str], None] | None = None,
    ) -> None:
        self.offline = offline
        self.refresh = refresh
        self.settings = settings
        self._warn = warn
        self._client = client
        self._own_client = client is None
        self._library = library
        self._own_library = library is None
        self._library_tried = library is not None
        self._library_warned = False

    # --- the two resources, opened once ------------------------------------------------

    def library(self) -> Library | None:
        """The library, opened on first use; None (after one warning) when it cannot be
        used and the source is online.  Offline, a library that cannot be opened raises."""
        if not self._library_tried:
            self._library_tried = True
            try:
                self._library = Library()
            except LibraryError as exc:
                if self.offline:
                    raise
                self.library_warning(
                    f"the local library is not used (answering from PubMed without it): "
                    f"{exc.message}"
                )
        return self._library

    def library_warning(self, message: str) -> None:
        """Say the library is (partly) unusable: once per source, however many calls fail."""
        if self._library_warned:
            log.info("%s", message)
            return
        self._library_warned = True
        (self._warn or log.warning)(message)

    def client(self) -> EutilsClient:
        if self._client is None:
            from litcli.eutils import EutilsClient

            self._client = EutilsClient(self.settings, notify=self._warn)
        return self._client

    def close(self) -> None:
        if self._own_client and self._client is not None:
            self._client.close()
            self._client = None
        if self._own_library and self._library is not None:
            self._library.close()
            self._library = None
            self._library_tried = False

    def __enter__(self) -> RecordSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- records by identifier -----------------------------------------------------------

    def get(
        self,
        identifiers: Sequence[str | Identifier],
        *,
        max_age: float | None = RECORD_TTL,
        progress: Callable[[int, int], None] | None = None,
    ) -> tuple[list[Record], list[Failure]]:
        """Records for PMIDs / DOIs / PMCIDs / PubMed URLs, in input order, each once,
        and ``(identifier, reason)`` for those not found (see ``service.get_records``).
        ``refresh`` makes every record come from NCBI (stale copies are the fallback
        when NCBI is unreachable)."""
        from litcli import service

        lib = self.library()
        return service.records_from(
            identifiers,
            library=lib if lib is not None else service.NoLibrary(),
            offline=self.offline,
            max_age=0 if self.refresh else max_age,
            progress=progress,
            client=self.client if not self.offline else None,
            warn=self._warn,
            library_warn=self.library_warning,
        )

    def stream(
        self,
        pmids: Sequence[str],
        *,
        feed: Any = None,
        max_age: float | None = RECORD_TTL,
        progress: Callable[[int, int], None] | None = None,
    ) -> RecordStream:
        """The records of many PMIDs in their order, streamed (``service.RecordStream``):
        the library's fresh ones read in chunks, the others fetched in batches (the next
        one fetched while this one is parsed, stored and written) and stored as they
        arrive; ``failures`` after iterating.  Offline: the library only.  ``feed``: the
        PMIDs arrive in groups from another thread instead (``RecordStream``)."""
        from litcli import service

        lib = self.library()
        return service.RecordStream(
            None if feed is not None else pmids,
            feed=feed,
            library=lib if lib is not None else service.NoLibrary(),
            client=None if self.offline else self.client,
            max_age=None if self.offline else (0 if self.refresh else max_age),
            progress=progress,
            library_warn=self.library_warning,
        )

    # --- links (elink) ----------------------------------------------------------------------------

    def links(self, pmids: Sequence[str], kind: str) -> list[str]:
        """PMIDs that cite / are cited by / are similar to ``pmids`` (``related.links``:
        one elink request, kept in the library's search cache for a day; offline: the kept
        links of any age, else ``related.LinksNotKept``; ``kind``: cited-by, references,
        similar)."""
        from litcli.related import links

        return links(
            None if self.offline else self.client(), pmids, kind, library=self.library(),
            offline=self.offline, refresh=self.refresh, library_warn=self.library_warning,
        )

    # --- citation metrics (iCite) ----------------------------------------------------------------

    def metrics(self, pmids: Sequence[str]) -> dict[str, Metrics]:
        """iCite's metrics by PMID (``icite.metrics_from``): the library's within 30 days
        (any age offline), the rest from iCite and kept; iCite failing is one warning and
        empty metrics, never an error."""
        from litcli.icite import metrics_from

        return metrics_from(
            pmids,
            library=self.library(),
            offline=self.offline,
            refresh=self.refresh,
            settings=self.settings,
            warn=self._warn,
            library_warn=self.library_warning,
        )

    # --- searches ------------------------------------------------------------------------------

    def search_ids(
        self, query: str, *, max_results: int, sort: str = "relevance", use_cache: bool = True
    ) -> tuple[list[str], int, str]:
        """PMIDs only (``check`` fetches the records of all its searches in one batch later):
        ``(pmids, count, "cache" | "pubmed")``, through ``search(ids_only=True)``'s path
        (``search.run_id_search``, the same search-cache entries); ``use_cache=False``
        asks NCBI even for a search seen recently (the answer is still kept)."""
        from litcli import service
        from litcli.search import run_id_search

        lib = self.library()
        cache = (
            service.LibrarySearchCache(
                refresh=self.refresh or not use_cache, library=lib, warn=self.library_warning
            )
            if lib is not None
            else None
        )
        outcome = run_id_search(
            query, client=self.client(), max_results=max_results, sort=sort, cache=cache
        )
        source = "cache" if outcome.from_cache else "pubmed"
        return list(outcome.ids[:max_results]), outcome.count, source

    def all_ids(
        self,
        query: str,
        *,
        progress: Callable[[int, int, int], None] | None = None,
        limit: int | None = None,
    ) -> AllIds:
        """Every PMID of a search, also past PubMed's 9,999 (``allsearch.collect_ids``: split
        by publication date, checked against PubMed's count), or the first ``limit`` of them
        in the same order (``search --max N`` above 9,999); each piece is kept in the
        library's search cache, so a run that stopped continues where it did."""
        from litcli import allsearch, service

        lib = self.library()
        cache: Any = None
        if lib is not None:
            cache = service.LibrarySearchCache(
                refresh=self.refresh, library=lib, warn=self.library_warning
            )
        return allsearch.collect_ids(
            self.client(), query, progress=progress, cap=allsearch.CAP, cache=cache, limit=limit
        )

    def all_records(
        self,
        query: str,
        *,
        progress: Callable[[int, int], None] | None = None,
        limit: int | None = None,
    ) -> AllRecords:
        """Every record of a search, also past PubMed's 9,999 (``allsearch.AllRecords``), or
        those of the first ``limit`` PMIDs in the same order: the pieces listed in a
        background thread (kept in the library's search cache, so a run that stopped
        continues where it did) while the records of those listed are read from the library
        or fetched, stored and handed over batch by batch."""
        from litcli import allsearch, service

        lib = self.library()
        refresh, warn = self.refresh, self.library_warning

        def open_cache() -> tuple[Any, Callable[[], None]]:  # in the listing thread
            if lib is None:
                return None, lambda: None
            cache = service.LibrarySearchCache(refresh=refresh, warn=warn)  # its own connection
            return cache, cache.close

        client = self.client()
        return allsearch.AllRecords(
            query,
            settings=client.settings,
            make_stream=lambda feed: self.stream((), feed=feed, progress=progress),
            open_cache=open_cache,
            notify=self._warn,
            limit=limit,
        )

    def search(
        self,
        query: str,
        *,
        max_results: int = 20,
        sort: str = "relevance",
        count_only: bool = False,
        ids_only: bool = False,
        progress: Callable[[int, int], None] | None = None,
        on_batch: Callable[[list[Record]], None] | None = None,
    ) -> SearchOutcome:
        """One PubMed search (``search.run_search``): a search seen within a day and its
        records come from the library, what it lacks from NCBI (stored as it arrives);
        ``count_only`` always asks NCBI and keeps nothing; ``ids_only``: the PMIDs from
        esearch (``search.run_id_search``), no record fetched or read.  ``on_batch``: see
        ``run_search``."""
        from litcli import service
        from litcli.search import run_id_search, run_search

        cache: Any = None
        if not count_only:
            lib = self.library()
            if lib is not None:
                cache = service.LibrarySearchCache(
                    refresh=self.refresh, library=lib, warn=self.library_warning
                )
        if ids_only and not count_only:
            return run_id_search(
                query, client=self.client(), max_results=max_results, sort=sort, cache=cache
            )
        return run_search(
            query,
            client=self.client(),
            max_results=max_results,
            sort=sort,
            count_only=count_only,
            progress=progress,
            cache=cache,
            on_batch=on_batch,
        )
