"""Every PMID of a search past PubMed's 9,999 (issue 12, item 1; core, no Click).

E-utilities hand out only the first 9,999 records of a search.  ``plan`` splits the query
by publication date (``[dp]`` ranges, whole days), halving any range that still matches
more than 9,999 records, down to single days, and a day that is still too big by PMID
(``[uid]`` ranges); ``collect_ids`` runs the pieces (esearch only), de-duplicates, and
*verifies* that the number of distinct PMIDs equals PubMed's count for the whole query
(``AllIds.shortfall``).

Counting a piece is one esearch with ``retmax=0``; of two halves only the first is
counted, the second is the parent's count minus it (date and PMID ranges are disjoint
and together cover the parent), so a split costs one request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from litcli import query as q

if TYPE_CHECKING:
    from litcli.eutils import EutilsClient
    from litcli.search import SearchCache

CAP = q.MAX_RESULTS  # PubMed's 9,999
FIRST_DAY = dt.date(1700, 1, 1)  # before PubMed's oldest publication date
MAX_UID = 99_999_999


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


def plan(
    count_of: Callable[[Piece | None], int],
    *,
    first: dt.date = FIRST_DAY,
    last: dt.date | None = None,
    cap: int = CAP,
) -> Plan:
    """Pieces of at most ``cap`` records each; ``count_of(None)`` is the whole query's count.
    Pieces with no records are left out."""
    whole = count_of(None)
    result = Plan(count=whole, requests=1)
    if whole <= cap:
        if whole:
            result.pieces.append((Piece(first, last or last_day()), whole))
        return result
    stack: list[tuple[Piece, int]] = [(Piece(first, last or last_day()), whole)]
    while stack:
        piece, n = stack.pop()
        if n == 0:
            continue
        if n <= cap:
            result.pieces.append((piece, n))
            continue
        halves = piece.halves()
        if halves is None:
            result.too_big.append((piece, n))
            continue
        low, high = halves
        n_low = count_of(low)
        result.requests += 1
        # the second half: what the first does not hold (never below zero if PubMed's
        # counts move while we plan; collect_ids' verification has the last word)
        stack.append((high, max(n - n_low, 0)))
        stack.append((low, n_low))
    result.pieces.sort(key=lambda item: (item[0].start, item[0].uid_min or 0))
    return result


@dataclass
class AllIds:
    query: str
    count: int  # PubMed's count for the whole query
    pmids: list[str]  # distinct, in piece order (oldest publication dates first)
    pieces: int
    requests: int

    @property
    def shortfall(self) -> int:
        """How many records PubMed counts that the pieces did not return (0: verified)."""
        return max(self.count - len(self.pmids), 0)


def collect_ids(
    client: EutilsClient,
    query: str,
    *,
    progress: Callable[[int, int, int], None] | None = None,
    cap: int = CAP,
    first: dt.date = FIRST_DAY,
    last: dt.date | None = None,
    cache: SearchCache | None = None,
) -> AllIds:
    """Every PMID of ``query``: ``plan``, then each piece's PMIDs by esearch, de-duplicated,
    and checked against PubMed's count.  ``progress(pieces done, pieces, PMIDs so far)``.

    With a ``cache`` (the library's search cache) each piece is kept as it is listed and
    a piece listed within the cache's age is not asked again: an interrupted run, run
    again, continues where it stopped (the counts are always asked afresh).  A piece
    that fails names itself and what is kept."""
    from litcli.errors import NCBIError, NetworkError
    from litcli.search import run_id_search

    query = q.validate_query(query)
    before = client.request_count

    def count_of(piece: Piece | None) -> int:
        term = query if piece is None else piece.term(query)
        return client.esearch(term, retmax=0, usehistory=False).count

    planned = plan(count_of, first=first, last=last, cap=cap)
    seen: set[str] = set()
    pmids: list[str] = []
    pieces = planned.pieces + planned.too_big
    for done, (piece, _count) in enumerate(pieces, 1):
        term = query if planned.count <= cap and len(pieces) == 1 else piece.term(query)
        try:
            listed = run_id_search(term, client=client, max_results=cap, cache=cache)
        except (NCBIError, NetworkError) as exc:
            kept = "kept in the library: run the same command again to continue" if cache else "not kept"
            exc.message = (
                f"{exc.message} (while listing piece {done} of {len(pieces)}, publication dates "
                f"{piece.label()}; the {done - 1} piece(s) before it are {kept})"
            )
            raise
        for pmid in listed.ids:
            if pmid not in seen:
                seen.add(pmid)
                pmids.append(pmid)
        if progress is not None:
            progress(done, len(pieces), len(pmids))
    return AllIds(query, planned.count, pmids, len(pieces), client.request_count - before)
