"""Every PMID of a search past PubMed's 9,999 (issue 12, item 1; core, no Click).

E-utilities hand out only the first 9,999 records of a search.  ``plan`` splits the query
by publication date (``[dp]`` ranges, whole days), halving any range that still matches
more than 9,999 records, down to single days, and a day that is still too big by PMID
(``[uid]`` ranges); ``collect_ids`` runs the pieces (esearch only), de-duplicates, and
*verifies* that the number of distinct PMIDs equals PubMed's count for the whole query
(``AllIds.shortfall``).

Counting a piece is one esearch; of two halves only the first is counted, the second is
the parent's count minus it (date and PMID ranges are disjoint and together cover the
parent), so a split costs one request.  A piece likely to fit (the whole query, or the
first half of a piece of at most twice the cap) is counted with ``retmax`` = the cap, so
when it fits its count is also its listing; the others with ``retmax=0``.  With the
library's search cache, pieces listed by an earlier run (within the cache's age) are not
asked again, so an interrupted run continues; the whole query's count is always asked.

``AllRecords`` lists the pieces in a background thread while the records of those listed
are fetched, stored and written batch by batch (``service.RecordStream``), and names the
piece where a failure stopped it.

With a ``limit`` (``search --max N`` above 9,999) both stop at the first ``limit`` distinct
PMIDs in the same order (``distinct``): the PMIDs of ``--all`` cut after ``limit``, no
further piece listed, and the check asks for ``limit`` PMIDs (PubMed's count when smaller).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from litcli import query as q

if TYPE_CHECKING:
    from litcli.config import Settings
    from litcli.errors import LitcliError
    from litcli.eutils import EutilsClient
    from litcli.models import Record
    from litcli.search import SearchCache, SearchOutcome
    from litcli.service import RecordStream

CAP = q.MAX_RESULTS  # PubMed's 9,999
FIRST_DAY = dt.date(1700, 1, 1)  # before PubMed's oldest publication date
MAX_UID = 99_999_999


def splits(max_results: int) -> bool:
    """Whether ``--max max_results`` needs the search split (more than PubMed hands out)."""
    return max_results > CAP


def last_day() -> dt.date:
    """A year past today: PubMed lists articles with future publication dates."""
    return dt.date.today() + dt.timedelta(days=366)


@dataclass(frozen=True)
class Piece:
    """Publication dates ``start``..``end`` (whole days, both included) and, for a
    single day still too big, PMIDs ``uid_min``..``uid_max``."""

    start: dt.date
    end: dt.date
    uid_min: int | None = None
    uid_max: int | None = None

    def term(self, query: str) -> str:
        dates = f'("{self.start:%Y/%m/%d}"[dp] : "{self.end:%Y/%m/%d}"[dp])'
        parts = [f"({query})", dates]
        if self.uid_min is not None:
            parts.append(f"{self.uid_min}:{self.uid_max}[uid]")
        return " AND ".join(parts)

    def label(self) -> str:
        days = f"{self.start:%Y/%m/%d}" + ("" if self.start == self.end else f"-{self.end:%Y/%m/%d}")
        return days + (f" PMIDs {self.uid_min}-{self.uid_max}" if self.uid_min is not None else "")

    def halves(self) -> tuple[Piece, Piece] | None:
        """Two disjoint pieces covering this one; None when it is one PMID of one day."""
        if self.start < self.end:
            mid = self.start + dt.timedelta(days=(self.end - self.start).days // 2)
            return Piece(self.start, mid), Piece(mid + dt.timedelta(days=1), self.end)
        low = 1 if self.uid_min is None else self.uid_min
        high = MAX_UID if self.uid_max is None else self.uid_max
        if low >= high:
            return None
        split = (low + high) // 2
        return (
            Piece(self.start, self.end, low, split),
            Piece(self.start, self.end, split + 1, high),
        )


@dataclass
class Plan:
    count: int  # PubMed's count for the whole query
    pieces: list[tuple[Piece, int]] = field(default_factory=list)  # (piece, its count)
    requests: int = 0  # esearch requests spent on counting
    too_big: list[tuple[Piece, int]] = field(default_factory=list)  # unsplittable, > CAP


class Walk:
    """The pieces of a query, found as they are needed: ``count`` (the whole query's, asked
    at once) and, iterated, ``(piece, its count, too_big)`` in publication-date order
    (depth first, earlier half first), each as soon as it is known to fit (or to be one
    PMID of one day still past the cap: ``too_big``).  Pieces without records are left
    out.  ``requests``: how many counts were asked so far."""

    def __init__(
        self,
        count_of: Callable[[Piece | None, int | None], int],
        *,
        first: dt.date = FIRST_DAY,
        last: dt.date | None = None,
        cap: int = CAP,
    ) -> None:
        self.count_of, self.cap = count_of, cap
        self.root = Piece(first, last or last_day())
        self.count = count_of(None, None)
        self.requests = 1

    def __iter__(self) -> Iterator[tuple[Piece, int, bool]]:
        if self.count <= self.cap:
            if self.count:
                yield self.root, self.count, False
            return
        stack: list[tuple[Piece, int]] = [(self.root, self.count)]
        while stack:
            piece, n = stack.pop()
            if n == 0:
                continue
            if n <= self.cap:
                yield piece, n, False
                continue
            halves = piece.halves()
            if halves is None:
                yield piece, n, True
                continue
            low, high = halves
            n_low = self.count_of(low, n)
            self.requests += 1
            # the second half: what the first does not hold (never below zero if PubMed's
            # counts move while we plan; the final verification has the last word)
            stack.append((high, max(n - n_low, 0)))
            stack.append((low, n_low))


def plan(
    count_of: Callable[[Piece | None, int | None], int],
    *,
    first: dt.date = FIRST_DAY,
    last: dt.date | None = None,
    cap: int = CAP,
) -> Plan:
    """Pieces of at most ``cap`` records each (``Walk``, all at once); ``count_of(None,
    None)`` is the whole query's count, ``count_of(half, n)`` the count of the first half
    of a piece of ``n`` records.  Pieces with no records are left out."""
    walk = Walk(count_of, first=first, last=last, cap=cap)
    result = Plan(count=walk.count)
    for piece, n, too_big in walk:
        (result.too_big if too_big else result.pieces).append((piece, n))
    result.requests = walk.requests
    return result


@dataclass
class AllIds:
    query: str
    count: int  # PubMed's count for the whole query
    pmids: list[str]  # distinct, in piece order (oldest publication dates first)
    pieces: int
    requests: int
    piece_ends: list[int] = field(default_factory=list)  # len(pmids) after each piece
    labels: list[str] = field(default_factory=list)  # each piece's dates (Piece.label)
    limit: int | None = None  # only the first ``limit`` PMIDs were asked for (--max N)

    @property
    def expected(self) -> int:
        """How many distinct PMIDs the pieces should have given: PubMed's count, or the
        ``limit`` when it is smaller."""
        return self.count if self.limit is None else min(self.count, self.limit)

    @property
    def cut(self) -> bool:
        """True when the limit left records of PubMed's count out on purpose."""
        return self.limit is not None and self.limit < self.count

    def piece_at(self, position: int) -> int:
        """The piece (0-based) holding ``pmids[position]`` (``pieces`` past the end)."""
        return bisect.bisect_right(self.piece_ends, position)

    @property
    def shortfall(self) -> int:
        """How many of the ``expected`` records the pieces did not return (0: verified)."""
        return max(self.expected - len(self.pmids), 0)


@dataclass
class Listed:
    """One piece and its PMIDs (as esearch listed them; not yet de-duplicated)."""

    number: int  # 1-based
    label: str
    ids: list[str]


class Pieces:
    """Every piece of ``query`` with its PMIDs, listed as the planning goes (``Walk``):
    iterate for ``Listed`` pieces in date order; ``count`` is PubMed's count for the whole
    query (asked first), ``requests`` the esearch requests sent so far.

    A piece likely to fit (the whole query, or the first half of a piece of at most twice
    the cap) is counted with its PMIDs (``retmax`` = the cap): when it fits, its count is
    its listing.  With a ``cache`` (the library's search cache) each piece is kept as it
    is listed, and a piece listed within the cache's age is not asked again.  A piece that
    fails names itself and what is kept."""

    def __init__(
        self,
        client: EutilsClient,
        query: str,
        *,
        cap: int = CAP,
        first: dt.date = FIRST_DAY,
        last: dt.date | None = None,
        cache: SearchCache | None = None,
    ) -> None:
        self.client, self.cap, self.cache = client, cap, cache
        self.query = q.validate_query(query)
        self._before = client.request_count
        self._sort = q.check_sort("relevance")
        self._listed: dict[Piece | None, SearchOutcome] = {}
        self.walk = Walk(self._count_of, first=first, last=last, cap=cap)
        self.count = self.walk.count

    @property
    def requests(self) -> int:
        return self.client.request_count - self._before

    def _count_of(self, piece: Piece | None, parent: int | None) -> int:
        from litcli.search import SearchOutcome

        cap, cache = self.cap, self.cache
        ids = parent is None or parent <= 2 * cap
        term = self.query if piece is None else piece.term(self.query)
        if ids and piece is not None and cache is not None:  # listed by an earlier run
            cached = cache.lookup_ids(term, max_results=cap, sort="relevance")
            if cached is not None and cached.count <= cap and len(cached.ids) == cached.count:
                self._listed[piece] = cached
                return cached.count
        result = self.client.esearch(
            term, retmax=cap if ids else 0, sort=self._sort if ids else None, usehistory=False
        )
        if ids and result.count <= cap and len(result.ids) == result.count:
            self._listed[piece] = SearchOutcome(
                query=term, count=result.count, ids=list(result.ids),
                query_translation=result.query_translation,
                warnings=list(result.warnings), errors=list(result.errors),
            )
        return result.count

    def __iter__(self) -> Iterator[Listed]:
        from litcli.errors import NCBIError, NetworkError
        from litcli.search import run_id_search

        whole = self.count <= self.cap
        number = 0
        pieces = iter(self.walk)
        while True:
            try:
                found = next(pieces, None)  # may count the halves of a piece past the cap
            except (NCBIError, NetworkError) as exc:
                self._failed(exc, f"while dividing the search by publication date after piece {number}", number)
                raise
            if found is None:
                return
            piece = found[0]
            number += 1
            term = self.query if whole else piece.term(self.query)
            known = self._listed.pop(None if whole else piece, None)
            try:
                if known is None:
                    known = run_id_search(term, client=self.client, max_results=self.cap, cache=self.cache)
                elif self.cache is not None and not known.from_cache:  # kept like any listed piece
                    self.cache.store(known, max_results=self.cap, sort="relevance")
            except (NCBIError, NetworkError) as exc:
                self._failed(exc, f"while listing piece {number}, publication dates {piece.label()}", number - 1)
                raise
            yield Listed(number, piece.label(), list(known.ids))

    def _failed(self, exc: LitcliError, what: str, before: int) -> None:
        kept = "kept in the library: run the same command again to continue" if self.cache else "not kept"
        exc.message = f"{exc.message} ({what}; the {before} piece(s) before it are {kept})"


def distinct(pieces: Iterable[Listed], limit: int | None = None) -> Iterator[tuple[Listed, list[str]]]:
    """Each listed piece with its PMIDs not seen before (in esearch's order), until
    ``limit`` PMIDs in all: the piece that reaches it is cut there and no further piece is
    asked for (the walk stops with it).  The one de-duplication of ``collect_ids`` and
    ``AllRecords``, so ``--max N`` is always the first N of what ``--all`` gives."""
    seen: set[str] = set()
    for listed in pieces:
        new = [p for p in dict.fromkeys(listed.ids) if p not in seen]
        if limit is not None:
            new = new[: max(limit - len(seen), 0)]
        seen.update(new)
        yield listed, new
        if limit is not None and len(seen) >= limit:
            return


def collect_ids(
    client: EutilsClient,
    query: str,
    *,
    progress: Callable[[int, int, int], None] | None = None,
    cap: int = CAP,
    first: dt.date = FIRST_DAY,
    last: dt.date | None = None,
    cache: SearchCache | None = None,
    limit: int | None = None,
) -> AllIds:
    """Every PMID of ``query`` (``Pieces``), de-duplicated, to be checked against PubMed's
    count (``AllIds.shortfall``); with a ``limit``, the first ``limit`` of them
    (``distinct``), checked against the smaller of the two.  ``progress(pieces done,
    pieces so far, PMIDs so far)``.  With a ``cache`` an interrupted run, run again,
    continues where it stopped (the whole query's count and the splits not yet listed are
    asked afresh).  The result says where each piece ends in ``pmids`` (``piece_ends``)."""
    pieces = Pieces(client, query, cap=cap, first=first, last=last, cache=cache)
    pmids: list[str] = []
    ends: list[int] = []
    labels: list[str] = []
    for listed, new in distinct(pieces, limit):
        pmids.extend(new)
        ends.append(len(pmids))
        labels.append(listed.label)
        if progress is not None:
            progress(listed.number, listed.number, len(pmids))
    return AllIds(pieces.query, pieces.count, pmids, len(ends), pieces.requests,
                  piece_ends=ends, labels=labels, limit=limit)


class _ListingFailed(Exception):
    """A piece could not be listed (``error`` says which); raised through the record
    stream after every record before it."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


class AllRecords:
    """``search --all`` with records: the pieces are listed in a background thread (its own
    E-utilities session, and its own connection to the library's search cache) while the
    records of the pieces listed so far are fetched, stored and written
    (``service.RecordStream`` over ``feed``); fetching and listing share the rate budget.
    Iterate for the records in piece order; ``result()`` afterwards is the ``AllIds`` to
    check against PubMed's count.  With a ``limit`` only the first ``limit`` PMIDs are
    listed and handed over (``distinct``).  ``close()`` stops the listing (it is a daemon
    thread: nothing waits for a request under way)."""

    def __init__(
        self,
        query: str,
        *,
        settings: Settings,
        make_stream: Callable[..., RecordStream],
        open_cache: Callable[[], tuple[SearchCache | None, Callable[[], None]]],
        notify: Callable[[str], None] | None = None,
        cap: int | None = None,
        limit: int | None = None,
    ) -> None:
        import contextvars
        import queue
        import threading

        self.query = q.validate_query(query)
        self.count: int | None = None
        self.requests = 0  # esearch requests of the listing
        self._counted = threading.Event()
        self._stop = threading.Event()
        self.feed: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.stream = make_stream(feed=self.feed)
        self._settings, self._open_cache, self._notify = settings, open_cache, notify
        self._cap = cap if cap is not None else CAP
        self.limit = limit
        context = contextvars.copy_context()
        self._thread = threading.Thread(
            target=context.run, args=(self._list,), name="litcli-listing", daemon=True
        )
        self._thread.start()

    def _list(self) -> None:  # the listing thread
        from litcli.eutils import EutilsClient
        from litcli.service import END

        cache, close = self._open_cache()
        client = EutilsClient(self._settings, notify=self._notify)
        try:
            pieces = Pieces(client, self.query, cap=self._cap, cache=cache)
            self.count = pieces.count
            self.stream.expected = pieces.count if self.limit is None else min(pieces.count, self.limit)
            self._counted.set()
            for listed, new in distinct(pieces, self.limit):
                self.requests = pieces.requests
                if self._stop.is_set():
                    return
                self.feed.put((listed.label, new))
            self.requests = pieces.requests
            self.feed.put(END)
        except BaseException as exc:  # raised in the caller's thread, in order
            self.requests = client.request_count
            self.feed.put(_ListingFailed(exc))
        finally:
            self._counted.set()
            client.close()
            close()

    def wait_count(self) -> int | None:
        """PubMed's count for the whole query (None: the listing failed at once)."""
        self._counted.wait()
        return self.count

    def list_all(self) -> None:
        """Wait until every piece is listed (``--format json`` heads its records with the
        search record, which holds every PMID); a listing failure is raised here."""
        try:
            while not self.stream.ended:
                self.stream.pull(block=True)
        except _ListingFailed as exc:
            raise exc.error from None

    def __iter__(self) -> Iterator[Record]:
        from litcli.errors import NCBIError, NetworkError
        from litcli.service import NoLibrary

        stream = self.stream
        try:
            yield from stream
        except _ListingFailed as exc:
            raise exc.error from None
        except (NCBIError, NetworkError) as exc:
            k = min(bisect.bisect_right(stream.group_ends, stream.position), max(len(stream.labels) - 1, 0))
            label = stream.labels[k] if k < len(stream.labels) else "?"
            kept = not isinstance(stream.library, NoLibrary)
            before = (
                "the records before it are kept in the library: run the same command again to continue"
                if kept
                else "nothing was kept"
            )
            exc.message = (
                f"{exc.message} (while fetching the records of piece {k + 1}, "
                f"publication dates {label}; {before})"
            )
            raise

    def result(self) -> AllIds:
        """Every PMID listed so far, as ``collect_ids`` gives them."""
        stream = self.stream
        return AllIds(
            self.query, self.count or 0, list(stream.pmids), len(stream.group_ends), self.requests,
            piece_ends=list(stream.group_ends), labels=list(stream.labels), limit=self.limit,
        )

    def close(self) -> None:
        self._stop.set()
