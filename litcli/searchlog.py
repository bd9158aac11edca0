"""The search record (issue 12, item 4): every online search kept as run, and a rerun's
changes (core, no Click).

``entry_for`` turns a ``SearchOutcome`` and what the user typed into a ``SearchRecord``;
``keep`` stores it in the library (never failing the search: a library that cannot be
written is one warning); ``changes`` compares a run with the last run of the same search
(same query sent, sort and max): PMIDs new since then, PMIDs no longer returned.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from litcli.errors import LibraryError, NotFoundError
from litcli.library import Library, SearchRecord

if TYPE_CHECKING:
    from litcli.query import Filters
    from litcli.search import SearchOutcome


@dataclass
class Changes:
    """A run against the last run of the same search."""

    previous: SearchRecord
    new: list[str] = field(default_factory=list)  # returned now, not then
    gone: list[str] = field(default_factory=list)  # returned then, not now

    def to_dict(self) -> dict[str, Any]:
        return {
            "compared_with": self.previous.id,
            "previous_count": self.previous.count,
            "previous_pmids_hash": self.previous.pmids_hash,
            "new": list(self.new),
            "no_longer_returned": list(self.gone),
        }


def filters_dict(filters: Filters | None) -> dict[str, Any]:
    """The search options that narrowed the query, for the record (empty ones left out)."""
    if filters is None:
        return {}
    out: dict[str, Any] = {}
    if filters.types:
        out["types"] = list(filters.types)
    if filters.humans:
        out["humans"] = True
    if filters.english:
        out["english"] = True
    if filters.since is not None:
        out["since"] = filters.since
    if filters.until is not None:
        out["until"] = filters.until
    return out


def entry_for(
    outcome: SearchOutcome,
    *,
    typed: str,
    topic: str | None,
    filters: dict[str, Any],
    sort: str,
    max_results: int,
    mode: str,
    rerun_of: int | None = None,
    clock: Callable[[], float] = time.time,
) -> SearchRecord:
    now = clock()
    pmids = [] if mode == "count" else [str(p) for p in outcome.ids[:max_results]]
    return SearchRecord(
        query=outcome.query,
        count=int(outcome.count),
        typed=typed,
        topic=topic,
        filters=dict(filters),
        translation=outcome.query_translation,
        warnings=[*outcome.errors, *outcome.warnings],
        sort=sort,
        max_results=max_results,
        mode=mode,
        source="cache" if outcome.from_cache else "pubmed",
        pmids=pmids,
        run_at=now,
        searched_at=outcome.fetched_at if outcome.from_cache and outcome.fetched_at else now,
        rerun_of=rerun_of,
    )


def keep(
    entry: SearchRecord, library: Library | None, warn: Callable[[str], None]
) -> Changes | None:
    """Store ``entry`` (its ``id`` is set) and, for a rerun, compare it with the last run of
    the same search (same query, sort and max; failing that, the run repeated: an ``--all``
    run records PubMed's count as its max, which moves).  A library that cannot be used
    leaves ``id`` None (one warning)."""
    if library is None:
        return None
    try:
        library.log_search(entry)
        if entry.rerun_of is None or entry.mode == "count":
            return None
        previous = library.previous_run(entry) or library.search_record(entry.rerun_of)
    except LibraryError as exc:
        warn(f"search not recorded in the library: {exc.message}")
        return None
    return changes(previous, entry) if previous is not None else None


def changes(previous: SearchRecord, current: SearchRecord) -> Changes:
    before, now = set(previous.pmids), set(current.pmids)
    return Changes(
        previous=previous,
        new=[p for p in current.pmids if p not in before],
        gone=[p for p in previous.pmids if p not in now],
    )


def find(library: Library, number: int) -> SearchRecord:
    """Search ``number`` of the log; NotFoundError (exit 3) when there is none."""
    entry = library.search_record(number)
    if entry is None:
        raise NotFoundError(
            f"there is no search #{number} in the library",
            hint="list them with: litcli library searches",
        )
    return entry
