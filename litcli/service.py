"""Core glue between the library and NCBI (no Click).

* ``get_records``: records by identifier, from the library when fresh, else one
  batched efetch (DOIs / PMCIDs resolved via the library, then one esearch);
  everything fetched is stored in the library.
* Search helpers for ``litcli search``: ``search_key`` / ``cached_search`` /
  ``store_search`` (the search cache), ``store_fetched`` (keep fetched records),
  ``offline_search`` (answer from the library) and ``with_offline_hint`` (turn
  a NetworkError into one that says what ``--offline`` would find).
"""

from __future__ import annotations

import collections
import contextlib
import logging
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from litcli.errors import (
    InputFileError,
    InvalidInputError,
    LibraryError,
    NCBIResponseError,
    NetworkError,
)
from litcli.ftsquery import fts_query
from litcli.ids import Identifier, parse_id
from litcli.library import (
    RECORD_TTL,
    SEARCH_TTL,
    CachedSearch,
    ImportStats,
    Library,
    search_cache_key,
)
from litcli.models import Record

if TYPE_CHECKING:
    from litcli.config import Settings
    from litcli.eutils import EutilsClient, SearchResult

log = logging.getLogger(__name__)

Failure = tuple[str, str]  # (identifier as typed, reason)

__all__ = [
    "RECORD_TTL",
    "SEARCH_TTL",
    "LibrarySearchCache",
    "OfflineResult",
    "RecordStream",
    "cached_search",
    "designs_for_types",
    "get_records",
    "library_match_count",
    "offline_search",
    "open_library",
    "search_key",
    "store_fetched",
    "store_parsed",
    "store_search",
    "with_offline_hint",
]


def open_library(library: Library | None = None) -> Library:
    """The given library, or the user's default one."""
    return library if library is not None else Library()


# --- records by identifier ---------------------------------------------------------------


def get_records(
    identifiers: Sequence[str | Identifier],
    *,
    offline: bool = False,
    settings: Settings | None = None,
    max_age: float | None = RECORD_TTL,
    progress: Callable[[int, int], None] | None = None,
    library: Library | None = None,
    client: EutilsClient | None = None,
    warn: Callable[[str], None] | None = None,
) -> tuple[list[Record], list[Failure]]:
    """Records for PMIDs / DOIs / PMCIDs / PubMed URLs, in input order.

    The library answers first (records fetched within ``max_age`` seconds;
    any age when ``offline``).  Unknown DOIs and PMCIDs are resolved with one
    esearch, missing PMIDs fetched with one batched efetch and stored.  Returns
    the records (each once) and ``(identifier, reason)`` for those not found.
    With NCBI unreachable, stale library copies are used (``warn`` is told);
    when the library cannot answer either, NetworkError says what
    ``--offline`` would find.

    A wrapper of ``litcli.records.RecordSource.get`` (the one record source).
    """
    from litcli.records import RecordSource

    with RecordSource(
        offline=offline, settings=settings, client=client, library=library, warn=warn
    ) as source:
        return source.get(identifiers, max_age=max_age, progress=progress)


def records_from(
    identifiers: Sequence[str | Identifier],
    *,
    library: Library | NoLibrary,
    offline: bool,
    max_age: float | None,
    progress: Callable[[int, int], None] | None,
    client: Callable[[], EutilsClient] | None,
    warn: Callable[[str], None] | None,
    library_warn: Callable[[str], None] | None = None,
) -> tuple[list[Record], list[Failure]]:
    """The engine of ``RecordSource.get``: ``library`` answers first, ``client()`` (the
    source's one client, created only when NCBI is needed) fetches the rest;
    ``library_warn`` hears about a library that cannot be written."""
    failures: list[tuple[int, str, str]] = []  # (input position, identifier, reason)
    idents: list[tuple[int, Identifier]] = []
    for pos, item in enumerate(identifiers):
        if isinstance(item, Identifier):
            idents.append((pos, item))
            continue
        try:
            idents.append((pos, parse_id(item)))
        except InvalidInputError as exc:
            failures.append((pos, str(item), exc.message))
    return _get_records(
        idents, failures, library, offline, max_age, progress, client, warn, library_warn or warn
    )


class NoLibrary:
    """Stands in for a library that cannot be opened: knows nothing, keeps nothing."""

    def find_pmid(self, kind: str, value: str) -> str | None:
        return None

    def get(self, pmids: Sequence[str], *, max_age: float | None = None) -> dict[str, Record]:
        return {}

    def upsert(self, items: Iterable[Any], *, source: str) -> ImportStats:
        for _ in items:
            pass
        return ImportStats()

    def close(self) -> None:
        pass


_NoLibrary = NoLibrary  # the name it had


def _get_records(
    positioned: list[tuple[int, Identifier]],
    failures: list[tuple[int, str, str]],
    lib: Library | NoLibrary,
    offline: bool,
    max_age: float | None,
    progress: Callable[[int, int], None] | None,
    client: Callable[[], EutilsClient] | None,
    warn: Callable[[str], None] | None,
    library_warn: Callable[[str], None] | None,
) -> tuple[list[Record], list[Failure]]:
    idents = [ident for _, ident in positioned]
    pmid_of: dict[Identifier, str] = {}
    unresolved: list[Identifier] = []
    for ident in idents:
        if ident.kind == "pmid":
            pmid_of[ident] = ident.value
        else:
            found = lib.find_pmid(ident.kind, ident.value)
            if found:
                pmid_of[ident] = found
            else:
                unresolved.append(ident)

    wanted = list(dict.fromkeys(pmid_of.values()))
    records = lib.get(wanted, max_age=None if offline else max_age)
    missing = [p for p in wanted if p not in records]

    if not offline and client is not None and (missing or unresolved):
        eutils = client()
        try:
            extra = _resolve_remote(eutils, unresolved) if unresolved else []
            to_fetch = list(dict.fromkeys([*missing, *(p for p in extra if p not in records)]))
            fetched = (
                _fetch_and_store(eutils, to_fetch, lib, progress, library_warn) if to_fetch else {}
            )
            records.update(fetched)
        except NetworkError as exc:
            records.update(_stale_or_raise(exc, lib, missing, unresolved, warn, len(records)))
        # map DOIs / PMCIDs to the records NCBI returned
        by_doi = {r.doi.lower(): r.pmid for r in records.values() if r.doi}
        by_pmc = {r.pmcid.upper(): r.pmid for r in records.values() if r.pmcid}
        for ident in unresolved:
            table = by_doi if ident.kind == "doi" else by_pmc
            pmid = table.get(ident.value.lower() if ident.kind == "doi" else ident.value.upper())
            if pmid:
                pmid_of[ident] = pmid

    out: list[Record] = []
    seen: set[str] = set()
    for pos, ident in positioned:
        pmid = pmid_of.get(ident)
        record = records.get(pmid) if pmid else None
        if record is None:
            failures.append((pos, ident.original, _not_found_reason(ident, offline)))
        elif record.pmid not in seen:
            seen.add(record.pmid)
            out.append(record)
    return out, [(ident, reason) for _, ident, reason in sorted(failures)]


def _not_found_reason(ident: Identifier, offline: bool) -> str:
    if offline:
        return "not in the local library (offline)"
    return {
        "pmid": "no PubMed record with this PMID",
        "doi": "no PubMed record with this DOI",
        "pmcid": "no PubMed record with this PMCID",
    }[ident.kind]


def _resolve_remote(eutils: EutilsClient, idents: list[Identifier]) -> list[str]:
    """PMIDs for DOIs / PMCIDs with one esearch (``"10.x/y"[doi] OR PMC1[pmcid]``)."""
    terms = []
    for ident in idents:
        if ident.kind == "doi":
            value = ident.value.replace('"', "")
            terms.append(f'"{value}"[doi]')
        else:
            terms.append(f"{ident.value}[pmcid]")
    result = eutils.esearch(" OR ".join(terms), retmax=max(20, 5 * len(terms)), usehistory=False)
    return list(result.ids)


def _fetch_and_store(
    eutils: EutilsClient,
    pmids: list[str],
    lib: Library | NoLibrary,
    progress: Callable[[int, int], None] | None,
    warn: Callable[[str], None] | None,
) -> dict[str, Record]:
    fetched: dict[str, Record] = {}
    # _NoLibrary has the one method storing uses (upsert), so it can stand in here.
    store_in = cast(Library, lib)
    records = store_fetched(
        eutils.fetch_batches(ids=pmids, progress=progress),
        library=store_in,
        warn=warn,
        expected=len(pmids),
        batch_size=eutils.settings.batch_size,
    )
    with contextlib.closing(records):  # on any exit: a worker process stops at once
        for record in records:
            fetched[record.pmid] = record
    return fetched


END = object()  # the end of a RecordStream's feed


class RecordStream:
    """The records of many PMIDs, in their order, without holding them all (``search --all``).

    Iterating yields each PMID's record once, in the order given: a record stored within
    ``max_age`` seconds comes from the library, the others are fetched with efetch in
    batches of ``batch_size`` and stored as they arrive, one transaction per batch.  The
    next batch is fetched while this one is parsed, stored and written
    (``eutils.prefetched``: one batch ahead, in a background thread).  Only one batch of
    records (and one chunk read from the library) is in memory at a time; the PMIDs are.

    The PMIDs are given at once (``pmids``) or arrive in groups through ``feed``, a queue
    filled by another thread (``search --all`` lists its pieces while the records of the
    first are fetched): each item is ``(label, [pmids])``, then ``END``, or an exception,
    raised here after every record before it.  PMIDs seen before are skipped.

    ``failures``: PMIDs that gave no record.  ``position``: how many PMIDs have been dealt
    with (yielded or failed), so an error can say where the run stopped; what was stored
    stays.  ``group_ends`` / ``labels``: where each group ends in ``pmids``.
    ``progress(position, total)`` after each batch or chunk (``total``: ``expected``
    until the feed has ended, then the number of PMIDs).
    """

    def __init__(
        self,
        pmids: Sequence[str] | None = None,
        *,
        feed: Any = None,
        library: Library | NoLibrary,
        client: Callable[[], EutilsClient] | None,
        max_age: float | None = RECORD_TTL,
        progress: Callable[[int, int], None] | None = None,
        library_warn: Callable[[str], None] | None = None,
        chunk: int = 1000,
        expected: int | None = None,
    ) -> None:
        import queue

        if feed is None:
            feed = queue.SimpleQueue()
            feed.put(("", list(pmids or ())))
            feed.put(END)
        self.feed = feed
        self.library = library
        self.client = client
        self.max_age = max_age
        self.progress = progress
        self.library_warn = library_warn
        self.chunk = chunk
        self.expected = expected if expected is not None else (len(pmids) if pmids is not None else 0)
        self.pmids: list[str] = []
        self.group_ends: list[int] = []
        self.labels: list[str] = []
        self.ended = False
        self.failures: list[Failure] = []
        self.fetched = 0  # records fetched from NCBI
        self.stored = 0  # records read from the library
        self.position = 0
        self._seen: set[str] = set()
        self._index: dict[str, int] = {}  # position of each PMID still to be fetched
        self._missing: collections.deque[str] = collections.deque()  # to fetch, not yet asked

    @property
    def total(self) -> int:
        return len(self.pmids) if self.ended else max(self.expected, len(self.pmids))

    def _fresh(self, pmids: list[str]) -> set[str]:
        """Those of ``pmids`` the library holds within ``max_age``."""
        reader = getattr(self.library, "fetched_at", None)
        if reader is None or not pmids:
            return set()
        try:
            when = reader(pmids)
        except LibraryError as exc:
            if self.library_warn:
                self.library_warn(f"the local library is not used: {exc.message}")
            self.library = NoLibrary()
            return set()
        cutoff = None if self.max_age is None else time.time() - self.max_age
        return {p for p, at in when.items() if cutoff is None or at > cutoff}

    def pull(self, block: bool) -> bool:
        """Take one item of the feed (waiting for it when ``block``); False: none."""
        import queue

        if self.ended:
            return False
        try:
            item = self.feed.get(block=block)
        except queue.Empty:
            return False
        if item is END:
            self.ended = True
            return True
        if isinstance(item, BaseException):
            self.ended = True
            raise item
        label, group = item
        new = [p for p in dict.fromkeys(group) if p not in self._seen]
        self._seen.update(new)
        fresh = self._fresh(new) if self.client is not None else set(new)
        for pmid in new:
            if pmid not in fresh:
                self._index[pmid] = len(self.pmids)
                self._missing.append(pmid)
            self.pmids.append(pmid)
        self.group_ends.append(len(self.pmids))
        self.labels.append(label)
        return True

    def __iter__(self) -> Iterator[Record]:
        import queue

        from litcli.eutils import prefetched

        size = self.client().settings.batch_size if self.client is not None else 1
        jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()  # batches for the fetch thread
        asked: collections.deque[list[str]] = collections.deque()  # sent, not yet taken
        taken: collections.deque[list[str]] = collections.deque()  # fetched, not yet stored
        client = self.client
        parser: list[BatchStore] = []  # made with the first batch asked

        def fetch_all() -> Iterator[bytes]:  # runs in the fetch thread
            assert client is not None
            eutils = client()
            for batch in iter(jobs.get, END):
                yield eutils.efetch(ids=batch)

        bodies = prefetched(fetch_all())

        def ask() -> None:
            """Take what the feed has and keep the fetch thread one batch ahead: the batch
            being handled and the next are asked."""
            while self.pull(block=False):
                pass
            while len(asked) < 2 and self._missing and (len(self._missing) >= size or self.ended):
                if not parser:  # the worker (if any) starts while the first batch is fetched
                    coming = len(self._missing) + (0 if self.ended else self.total - len(self.pmids))
                    parser.append(
                        BatchStore(
                            self.library,
                            warn=self.library_warn,
                            parallel=_use_fetch_worker(coming, size),
                        )
                    )
                batch = [self._missing.popleft() for _ in range(min(size, len(self._missing)))]
                asked.append(batch)
                jobs.put(batch)

        def handle(received: tuple[list[Record], list[Any]]) -> Iterator[Record]:
            """Store the oldest batch taken and write every record up to the next one."""
            batch = taken.popleft()
            parser[0].library = self.library  # NoLibrary once the library failed
            records = {r.pmid: r for r in parser[0].store(received)}
            self.fetched += len(records)
            yield from self._upto(self._frontier(taken or asked), records, set(batch))
            for pmid in batch:
                self._index.pop(pmid, None)

        parsed: Generator[tuple[list[Record], list[Any]], None, None] | None = None
        try:
            while True:
                ask()
                if asked and parser[0].parallel:
                    # a thread hands each body to the worker as it arrives: efetch k + 1,
                    # parsing k and storing k - 1 overlap
                    if parsed is None:
                        parsed = parser[0].parsed(bodies)
                    received = next(parsed)
                    taken.append(asked.popleft())
                    ask()
                    yield from handle(received)
                elif asked:
                    body = next(bodies)
                    taken.append(asked.popleft())
                    ask()  # PMIDs listed while this batch was fetched: the next batch goes now
                    yield from handle(parser[0].parse(body))
                elif not self.ended:  # wait for more PMIDs (what is known can be written)
                    yield from self._upto(self._frontier(asked), {}, set())
                    self.pull(block=True)
                else:
                    yield from self._upto(len(self.pmids), {}, set())
                    return
        finally:
            jobs.put(END)
            if parsed is not None:
                parsed.close()  # stops the thread: it closes ``bodies``
            else:
                bodies.close()
            if parser:
                parser[0].close()

    def _frontier(self, asked: collections.deque[list[str]]) -> int:
        """The position of the first PMID still to be fetched or stored (everything
        before it can be written), or the end of the PMIDs so far."""
        first = asked[0][0] if asked else self._missing[0] if self._missing else None
        return self._index[first] if first is not None else len(self.pmids)

    def _upto(self, end: int, batch: dict[str, Record], fetched: set[str]) -> Iterator[Record]:
        """Records of pmids[position:end], in order: ``batch`` (just fetched) or the library."""
        while self.position < end:
            span = self.pmids[self.position : min(self.position + self.chunk, end)]
            need = [p for p in span if p not in fetched]
            try:
                stored = self.library.get(need) if need else {}
            except LibraryError as exc:
                if self.library_warn:
                    self.library_warn(f"the local library cannot be read: {exc.message}")
                stored = {}
            for pmid in span:
                record = batch.get(pmid) or stored.get(pmid)
                self.position += 1
                if record is None:
                    self.failures.append((pmid, "no PubMed record with this PMID"))
                    continue
                if pmid not in batch:
                    self.stored += 1
                yield record
            if self.progress:
                self.progress(self.position, self.total)


def _stale_or_raise(
    exc: NetworkError,
    lib: Library | NoLibrary,
    missing: list[str],
    unresolved: list[Identifier],
    warn: Callable[[str], None] | None,
    fresh: int,
) -> dict[str, Record]:
    """NCBI is unreachable: use stale library copies if they answer everything."""
    stale = lib.get(missing)
    if not unresolved and len(stale) == len(missing):
        if warn and stale:
            warn(
                f"NCBI is unreachable; showing {len(stale)} record(s) from your library "
                "that may be out of date"
            )
        return stale
    have = len(stale) + fresh
    total = fresh + len(missing) + len(unresolved)
    raise type(exc)(
        exc.message,
        hint=(
            f"Check your network, or answer from your local library with --offline "
            f"({have} of the {total} records are stored there)."
            if have
            else exc.hint
        ),
    ) from exc


# --- storing what was fetched --------------------------------------------------------------


def store_parsed(
    items: Iterable[Any],
    *,
    library: Library | None = None,
    source: str = "ncbi",
    warn: Callable[[str], None] | None = None,
) -> ImportStats:
    """Store parser output (``Parsed`` / ``Deleted``) in the library.

    A library that cannot be written is reported through ``warn`` (or the log)
    and never fails the caller: the records are still usable.
    """
    try:
        lib = open_library(library)
        try:
            return lib.upsert(items, source=source)
        finally:
            if library is None:
                lib.close()
    except LibraryError as exc:
        (warn or log.warning)(f"records not saved in the library: {exc.message}")
        return ImportStats(failed=[("library", exc.message)])


def store_fetched(
    bodies: Iterable[bytes],
    *,
    library: Library | None = None,
    warn: Callable[[str], None] | None = None,
    expected: int | None = None,
    batch_size: int | None = None,
) -> Generator[Record, None, None]:
    """Parse efetch XML bodies (e.g. ``EutilsClient.fetch_batches``), store every
    record in the library with its raw XML, and yield the records in order
    (``stored_batches``: ``expected`` records or more are parsed in a worker process)."""
    batches = stored_batches(
        bodies, library=library, warn=warn, expected=expected, batch_size=batch_size
    )
    with contextlib.closing(batches):
        for records in batches:
            yield from records


# Fetches of at least this many records, in more than one batch, parse their efetch
# bodies in a worker process while this one stores and writes (litcli.pipeline): the
# worker starts during the first efetch and costs ~0.1-0.2 s of CPU, about what the
# overlap saves on 1,500 records (as for a library import).  Not when the litcli
# processes sharing the rate budget now (this one and those sending to the same host)
# are as many as the CPUs: each then fetches at a share of the rate, and a worker each
# would only compete with them for the CPUs.  LITCLI_WORKER=0 never starts one, =1
# always (when the records are stored).
FETCH_WORKER_MIN_RECORDS = 1500


def _parse_body(
    body: bytes, prepare: bool = False, records: bool = True
) -> tuple[list[Record] | None, list[Any]]:
    """The records of one efetch body and the parser items to store (through
    ``library.prepare_item`` when ``prepare``: in the worker process).  Without
    ``records`` the records are None: a worker process leaves them out (pickling and
    unpickling a Record costs more than parsing it again, see ``BatchStore``)."""
    from litcli.pubmed import Parsed, iter_parse

    items = list(iter_parse(body, keep_raw=True))
    found = [item.record for item in items if isinstance(item, Parsed)] if records else None
    if prepare:
        from litcli.library import prepare_item

        items = [prepare_item(item, compress=True) for item in items]
    return found, items


def _body_records(body: bytes) -> list[Record]:
    """The records of one efetch body (as ``_parse_body`` gives them; no raw text)."""
    from litcli.pubmed import Parsed, iter_parse

    return [item.record for item in iter_parse(body) if isinstance(item, Parsed)]


def _prepared_records(items: list[Any]) -> list[Record] | None:
    """The records of a body the worker parsed and prepared, read back from their JSON
    (``Record.from_dict`` of ``record_json``: the same records, as the library gives
    them back; 0.13 ms a record against 0.18 to parse the body again).  None when an
    item was rejected (a record with an invalid PMID, one that cannot be serialised):
    its record has no JSON, so the body must be parsed again (``_body_records``)."""
    import json

    from litcli.library import PreparedRecord, RejectedItem

    out: list[Record] = []
    for item in items:
        if isinstance(item, PreparedRecord):
            out.append(Record.from_dict(json.loads(item.json)))
        elif isinstance(item, RejectedItem):
            return None
    return out


def _use_fetch_worker(expected: int | None, batch_size: int | None) -> bool:
    import os

    from litcli import pipeline

    setting = pipeline.worker_setting()
    if setting is not None:
        return setting
    if expected is None or expected < FETCH_WORKER_MIN_RECORDS:
        return False
    if batch_size is not None and expected <= batch_size:
        return False  # one batch: nothing to overlap
    if os.name != "posix" or pipeline.cpus() < 2:
        return False
    from litcli import eutils

    return 1 + eutils.others_sending() < pipeline.cpus()


class BatchStore:
    """Parse efetch bodies and store their records (with the raw XML) in the library,
    one transaction a body: the one place every batched fetch that keeps its records
    goes through (``store_fetched`` / ``stored_batches``: ``search``, ``show``,
    ``export`` and ``RecordSource``; ``RecordStream``: ``search --all``).

    ``parsed(bodies)`` gives each body parsed (records and parser items), in order, and
    ``store(parsed)`` writes one to the library and returns its records.  With
    ``parallel`` the parsing (and ``library.prepare_item``: record JSON, hash, listing
    and index columns, the compressed blobs) runs in a worker process
    (``litcli.pipeline.Mapper``) and a thread takes the bodies as they arrive and hands
    them over: efetch k + 1, parsing k and storing k - 1 overlap.  The worker sends
    the prepared rows only; this process writes them and reads its records back from
    the rows' JSON (cheaper than pickling them across, or parsing the body again).  The
    records and the rows stored are the same either way.  An unparsable body raises NCBIResponseError in its
    place."""

    def __init__(
        self,
        library: Library | NoLibrary | None,
        *,
        warn: Callable[[str], None] | None = None,
        parallel: bool = False,
    ) -> None:
        import functools

        from litcli import pipeline

        self.library = library
        self.warn = warn
        keep = library is not None and not isinstance(library, NoLibrary)
        # A worker sends the prepared rows only: this process reads its records back from
        # their JSON (``_prepared_records``, 0.13 ms a record; parsing the body again
        # took 0.18, pickling a record there 0.1 and unpickling it here 0.1)
        self._mapper = pipeline.Mapper(
            functools.partial(_parse_body, prepare=True, records=False),
            parallel=parallel and keep,
            died=lambda: pipeline.WorkerError(
                "the worker process parsing NCBI's records stopped unexpectedly",
                hint="run the command again; set LITCLI_WORKER=0 to parse in one process",
            ),
        )
        if not self._mapper.parallel:
            self._mapper.func = functools.partial(_parse_body, prepare=True)
        self._bodies: collections.deque[bytes] = collections.deque()  # submitted

    @property
    def parallel(self) -> bool:
        return self._mapper.parallel

    def parse(self, body: bytes) -> tuple[list[Record], list[Any]]:
        """One body, parsed here and now."""
        self._submit(body)
        return self._receive()

    def _submit(self, body: bytes) -> None:
        self._bodies.append(body)
        self._mapper.submit(body)

    def _receive(self) -> tuple[list[Record], list[Any]]:
        body = self._bodies.popleft()
        try:
            records, items = self._mapper.receive()
            if records is None:  # from the worker: its JSON, or the same parser again
                records = _prepared_records(items)
                if records is None:
                    records = _body_records(body)
            return cast("list[Record]", records), items
        except InputFileError as exc:
            raise NCBIResponseError(
                f"NCBI's efetch reply cannot be parsed: {exc.message}",
                hint="try again later; NCBI may have sent a partial reply",
            ) from None

    def parsed(
        self, bodies: Iterator[bytes]
    ) -> Generator[tuple[list[Record], list[Any]], None, None]:
        """Each of ``bodies`` parsed, in order.  In-process: each body is taken when the
        caller asks for the next.  With a worker: a thread ("litcli-feed") takes them as
        they come and hands them to the worker; an error taking one (a failed efetch) is
        raised here after every body before it.  Closing this generator stops the
        thread (after the body it is waiting for, if any: nothing waits for it)."""
        import contextvars
        import queue
        import threading

        if not self.parallel:
            for body in bodies:
                yield self.parse(body)
            return
        ready: queue.SimpleQueue[Any] = queue.SimpleQueue()  # None: one more body handed over
        stop = threading.Event()

        def feed() -> None:
            try:
                for body in bodies:
                    if stop.is_set():
                        return
                    self._submit(body)
                    del body
                    ready.put(None)
                ready.put(END)
            except BaseException as exc:  # noqa: BLE001 - raised in its place by the caller
                ready.put(exc)
            finally:
                close = getattr(bodies, "close", None)
                if close is not None:
                    with contextlib.suppress(Exception):
                        close()

        # in the caller's context: a generator of bodies (fetch_batches, prefetched) starts
        # in this thread and copies it for its own (the command's --timeout)
        context = contextvars.copy_context()
        thread = threading.Thread(target=context.run, args=(feed,), name="litcli-feed", daemon=True)
        thread.start()
        try:
            while True:
                got = ready.get()
                if got is END:
                    return
                if isinstance(got, BaseException):
                    raise got
                yield self._receive()
        finally:
            stop.set()

    def store(self, parsed: tuple[list[Record], list[Any]]) -> list[Record]:
        records, items = parsed
        if self.library is not None:
            store_parsed(items, library=cast(Library, self.library), warn=self.warn)
        return records

    def close(self) -> None:
        self._mapper.close()

    def __enter__(self) -> BatchStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def stored_batches(
    bodies: Iterable[bytes],
    *,
    library: Library | None = None,
    warn: Callable[[str], None] | None = None,
    expected: int | None = None,
    batch_size: int | None = None,
) -> Generator[list[Record], None, None]:
    """The records of each efetch body, in order, each batch stored in the library
    (one transaction) before it is yielded.  ``expected`` (records to come, in batches
    of ``batch_size``) decides whether a worker process parses (``BatchStore``): body
    k + 1 is parsed there while batch k is stored here and handed to the caller."""
    lib: Library | None = library
    if lib is None:
        try:
            lib = Library()
        except LibraryError as exc:
            (warn or log.warning)(f"records not saved in the library: {exc.message}")
    try:
        with BatchStore(
            lib, warn=warn, parallel=_use_fetch_worker(expected, batch_size)
        ) as parser:
            parsed = parser.parsed(iter(bodies))
            try:
                for batch in parsed:
                    yield parser.store(batch)
            finally:
                parsed.close()
    finally:
        if library is None and lib is not None:
            lib.close()


# --- search cache and offline search -------------------------------------------------------


class LibrarySearchCache:
    """The library behind ``litcli.search.run_search(cache=...)`` (its ``SearchCache`` hook).

    ``lookup`` answers a search seen within ``max_age`` seconds (same query,
    max and sort) from the search cache and the records stored within
    ``record_max_age`` (the others are listed in ``missing`` for the caller to
    fetch); ``known`` gives the fresh stored records among some PMIDs; ``parse_efetch``
    parses each efetch body *and* stores its records with their raw XML, one
    transaction per batch (so an interrupted large search keeps what it had);
    ``store`` records the search itself.  ``refresh=True`` skips lookups (the
    result is still stored).  A library that cannot be opened or written never
    fails the search: it is reported once through ``warn``.
    """

    def __init__(
        self,
        *,
        max_age: float = SEARCH_TTL,
        refresh: bool = False,
        library: Library | None = None,
        warn: Callable[[str], None] | None = None,
        record_max_age: float = RECORD_TTL,
    ) -> None:
        self.max_age = max_age
        self.record_max_age = record_max_age
        self.refresh = refresh
        self.warn = warn
        self._library = library
        self._owned = library is None
        self._broken = False
        self._stored: set[str] = set()  # PMIDs kept by parse_efetch or read by known()

    def _lib(self) -> Library | None:
        if self._library is None and not self._broken:
            try:
                self._library = Library()
            except LibraryError as exc:
                self._broken = True
                (self.warn or log.warning)(f"the local library is not used: {exc.message}")
        return self._library

    def close(self) -> None:
        if self._owned and self._library is not None:
            self._library.close()
            self._library = None

    def __enter__(self) -> LibrarySearchCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def key(query: str, *, max_results: int, sort: str) -> str:
        return search_key(query, max=max_results, sort=sort)

    def lookup(self, query: str, *, max_results: int, sort: str) -> Any:
        from litcli.search import SearchOutcome

        lib = self._lib()
        if self.refresh or lib is None:
            return None
        key = self.key(query, max_results=max_results, sort=sort)
        try:
            cached = lib.cache_get(key, max_age=self.max_age)
            if cached is None:
                return None
            wanted = cached.pmids[:max_results]
            stored = lib.get(wanted, max_age=self.record_max_age)
        except LibraryError as exc:
            log.warning("search cache unavailable: %s", exc.message)
            return None
        self._stored.update(stored)
        return SearchOutcome(
            query=query,
            count=cached.count,
            records=[stored[p] for p in wanted if p in stored],
            ids=list(cached.pmids),
            query_translation=cached.query_translation,
            warnings=list(cached.warnings),
            from_cache=True,
            fetched_at=cached.fetched_at,
            missing=[p for p in wanted if p not in stored],  # removed or stale: fetch them
        )

    def lookup_ids(self, query: str, *, max_results: int, sort: str) -> Any:
        """A search seen within ``max_age``, PMIDs only (``--format ids``: no record is read)."""
        from litcli.search import SearchOutcome

        lib = self._lib()
        if self.refresh or lib is None:
            return None
        try:
            cached = lib.cache_get(self.key(query, max_results=max_results, sort=sort), max_age=self.max_age)
        except LibraryError as exc:
            log.warning("search cache unavailable: %s", exc.message)
            return None
        if cached is None:
            return None
        return SearchOutcome(
            query=query,
            count=cached.count,
            ids=list(cached.pmids[:max_results]),
            query_translation=cached.query_translation,
            warnings=list(cached.warnings),
            from_cache=True,
            fetched_at=cached.fetched_at,
        )

    def known(self, pmids: Sequence[str]) -> dict[str, Record]:
        """Records among ``pmids`` stored within ``record_max_age`` (none when refreshing)."""
        lib = self._lib()
        if self.refresh or lib is None:
            return {}
        try:
            found = lib.get(pmids, max_age=self.record_max_age)
        except LibraryError as exc:
            log.warning("library unavailable: %s", exc.message)
            return {}
        self._stored.update(found)
        return found

    def parse_efetch(self, body: bytes) -> list[Record]:
        """Like ``litcli.search.parse_efetch``, and the records are kept in the library."""
        lib = self._lib()
        if lib is None:
            from litcli.search import parse_efetch

            return parse_efetch(body)
        records = list(store_fetched([body], library=lib, warn=self.warn))
        self._stored.update(r.pmid for r in records)
        return records

    def parse_efetch_batches(
        self,
        bodies: Iterable[bytes],
        *,
        expected: int | None = None,
        batch_size: int | None = None,
    ) -> Iterator[list[Record]]:
        """``parse_efetch`` of each body, in order; ``expected`` records or more (in more
        than one batch) are parsed in a worker process while each batch is stored here
        (``stored_batches``)."""
        lib = self._lib()
        if lib is None:
            from litcli.search import parse_efetch

            for body in bodies:
                yield parse_efetch(body)
            return
        batches = stored_batches(
            bodies, library=lib, warn=self.warn, expected=expected, batch_size=batch_size
        )
        with contextlib.closing(batches):
            for records in batches:
                self._stored.update(r.pmid for r in records)
                yield records

    def store(self, outcome: Any, *, max_results: int, sort: str) -> None:
        lib = self._lib()
        if lib is None:
            return
        try:
            others = [r for r in outcome.records if r.pmid not in self._stored]
            if others:  # records parsed elsewhere (without raw XML) are kept too
                lib.upsert(others, source="ncbi")
            lib.cache_put(
                self.key(outcome.query, max_results=max_results, sort=sort),
                CachedSearch(
                    pmids=list(outcome.ids),
                    count=int(outcome.count),
                    query_translation=outcome.query_translation,
                    warnings=[*outcome.errors, *outcome.warnings],
                    query=outcome.query,
                ),
            )
        except LibraryError as exc:
            (self.warn or log.warning)(f"search not saved in the library: {exc.message}")


def search_key(query: str, **options: Any) -> str:
    """The cache key of a search: normalised query + options (never tool/email/api_key)."""
    return search_cache_key(query, options)


def cached_search(
    key: str, *, max_age: float = SEARCH_TTL, library: Library | None = None
) -> CachedSearch | None:
    """A cached search result younger than ``max_age`` seconds, or None.

    A library that cannot be opened or read means "not cached", never an error.
    """
    try:
        lib = open_library(library)
    except LibraryError as exc:
        log.warning("search cache unavailable: %s", exc.message)
        return None
    try:
        return lib.cache_get(key, max_age=max_age)
    except LibraryError as exc:
        log.warning("search cache unavailable: %s", exc.message)
        return None
    finally:
        if library is None:
            lib.close()


def store_search(
    key: str,
    result: SearchResult | CachedSearch,
    *,
    query: str | None = None,
    library: Library | None = None,
    warn: Callable[[str], None] | None = None,
) -> bool:
    """Keep a search result (``eutils.SearchResult`` or ``CachedSearch``) in the cache.

    Returns False (and tells ``warn``) when the library cannot be written.
    """
    if isinstance(result, CachedSearch):
        cached = result
    else:
        cached = CachedSearch(
            pmids=[str(i) for i in result.ids],
            count=int(result.count),
            query_translation=result.query_translation,
            warnings=list(result.warnings),
            query=query,
        )
    if query and not cached.query:
        cached.query = query
    try:
        lib = open_library(library)
        try:
            lib.cache_put(key, cached)
        finally:
            if library is None:
                lib.close()
        return True
    except LibraryError as exc:
        (warn or log.warning)(f"search not cached: {exc.message}")
        return False


def designs_for_types(types: Sequence[str]) -> list[str] | None:
    """Record designs for ``--type`` names (validated by ``query.normalise_types``);
    None when no type is given (no filter).  Like PubMed's exploded [pt] tags, a broader
    type keeps its narrower designs (``litcli.tables.TYPE_FILTERS``)."""
    from litcli.query import normalise_types
    from litcli.tables import TYPE_BY_NAME

    names = normalise_types(types)
    if not names:
        return None
    out: list[str] = []
    for name in names:
        for design in TYPE_BY_NAME[name].designs:
            if design not in out:
                out.append(design)
    return out


@dataclass
class OfflineResult:
    records: list[Record]
    count: int  # all matches in the library
    ignored: list[str] = field(default_factory=list)  # query parts the library cannot search


def offline_search(
    query: str,
    *,
    limit: int | None = 20,
    offset: int = 0,
    since: int | None = None,
    until: int | None = None,
    designs: Sequence[str] | None = None,
    library: Library | None = None,
) -> OfflineResult:
    """Answer a search from the local library (FTS5, best bm25 match first).

    PubMed syntax is understood where the library can (AND/OR/NOT, "phrases",
    [ti] [tiab] [mh] [au] tags); other field tags are ignored and listed in
    ``ignored``.  Raises InvalidInputError for a query without words.
    """
    fq = fts_query(query)
    lib = open_library(library)
    try:
        count = lib.count_matches(query, since=since, until=until, designs=designs)
        records = lib.search(
            query, limit=limit, offset=offset, since=since, until=until, designs=designs
        )
        return OfflineResult(records, count, fq.ignored)
    finally:
        if library is None:
            lib.close()


def library_match_count(
    query: str | None,
    *,
    library: Library | None = None,
    since: int | None = None,
    until: int | None = None,
    designs: Sequence[str] | None = None,
) -> int | None:
    """How many library records match ``query`` (all records when None) and the
    filters (as ``offline_search`` applies them); None when unknown."""
    try:
        lib = open_library(library)
    except LibraryError:
        return None
    try:
        if query is None:
            return lib.count()
        return lib.count_matches(query, since=since, until=until, designs=designs)
    except (LibraryError, InvalidInputError):
        return None
    finally:
        if library is None:
            lib.close()


def with_offline_hint(
    exc: NetworkError,
    query: str | None = None,
    *,
    library: Library | None = None,
    since: int | None = None,
    until: int | None = None,
    designs: Sequence[str] | None = None,
) -> NetworkError:
    """The same network error, with a hint offering the offline answer when the
    library has one: "... answer from your local library with --offline (37 matching records)".
    ``since`` / ``until`` / ``designs`` filter the count as ``offline_search`` would."""
    n = library_match_count(query, library=library, since=since, until=until, designs=designs)
    if not n:
        return exc
    noun = "matching record" if query is not None else "record"
    hint = (
        f"Check your network, or answer from your local library with --offline "
        f"({n} {noun}{'' if n == 1 else 's'})."
    )
    new = type(exc)(exc.message, hint=hint)
    new.__cause__ = exc
    return new
