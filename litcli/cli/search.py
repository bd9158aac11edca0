"""`litcli search`: PubMed search -> citation table or a machine format."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import click

from litcli.cli.common import (
    LazyConsole,
    format_option,
    make_console,
    stdout_is_tty,
    timeout_option,
    warn,
    year_and_type_options,
)

SORT_NAMES = ["relevance", "date", "author", "journal"]
METRIC_SORTS = ["cited", "rcr"]  # by iCite's metrics, among the records fetched (--metrics)

EPILOG = """\b
Examples:
  litcli search --topic ketamine-ocd
  litcli search --topic ketamine-trd --type rct --type meta-analysis --since 2015
  litcli search "ketamine[ti] AND depression" --humans --english --max 50
  litcli search esketamine --count
  litcli search "ketamine" --all --format ids > all-ketamine.txt
  litcli search "ketamine" --max 12000 -f csv -o ketamine.csv   # past 9,999
  litcli search --topic esketamine --format ids | litcli export - -f bibtex
  litcli search --topic ketamine-ptsd --offline      # only the local library
  litcli search --topic ketamine-ptsd --refresh      # ask PubMed again
  litcli search --topic ketamine-ptsd -f bibtex -o refs.bib --max 200
  litcli search --topic ketamine-ocd --metrics --sort cited   # iCite citations, RCR

\b
PubMed hands out only the first 9,999 records of a search. --all gets every
record of a bigger search (split by publication date and checked against
PubMed's count, oldest publication dates first, so --sort must be relevance;
--format ids: the PMIDs alone). --max above 9,999 runs the
same split search and keeps the first N PMIDs in its order: publication-date
pieces, oldest first (checked against N; --sort must be relevance).
When fewer records are printed than matched, stderr says so.

Searches seen in the last day are answered from the local cache and the
records from the local library; every record fetched is kept there.
"""


@click.command(epilog=EPILOG)
@click.argument("query", nargs=-1)
@click.option(
    "-t",
    "--topic",
    metavar="NAME",
    help="Start from a topic preset (see `litcli topics`); QUERY adds terms.",
)
@click.option(
    "-n",
    "--max",
    "max_results",
    type=int,
    default=20,
    show_default=True,
    help="Records to show; above 9,999 (PubMed's limit per search) the search is split "
    "by publication date as with --all and the first N, oldest first, are kept.",
)
@click.option(
    "--sort",
    default="relevance",
    show_default=True,
    metavar="|".join([*SORT_NAMES, *METRIC_SORTS]),
    help="Order of results; cited / rcr: the records fetched by citations or relative "
    "citation ratio (iCite; implies --metrics).",
)
@click.option(
    "--metrics",
    is_flag=True,
    help="Add NIH iCite citation metrics as columns (table, csv, tsv, json, jsonl): citations, "
    "RCR, NIH percentile, citations per year, clinical citations.",
)
@year_and_type_options
@click.option("--humans", is_flag=True, help='Only studies in humans ("humans"[MeSH Terms]).')
@click.option("--english", is_flag=True, help="Only articles in English.")
@click.option(
    "--count", "count_only", is_flag=True, help="Print only the number of matching records."
)
@format_option()
@click.option(
    "--abstracts",
    is_flag=True,
    help="Print abstracts under the table (piped: an Abstract column; or include them in the format).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=str),
    metavar="FILE",
    help="Write the records to FILE (atomically) instead of stdout; - is stdout. "
    "The table format writes its tab-separated form.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing --output file.")
@click.option(
    "--offline",
    is_flag=True,
    help="Answer from the local library only; nothing is sent to NCBI.",
)
@click.option(
    "--refresh",
    is_flag=True,
    help="Ask PubMed again even if this search or its records are cached.",
)
@click.option(
    "-v", "--verbose", is_flag=True, help="Show the query sent and PubMed's translation of it."
)
@click.option(
    "--all",
    "all_",
    is_flag=True,
    help="Every matching record, also past PubMed's 9,999 (the search split by publication "
    "date, checked against PubMed's count); --max is ignored.",
)
@click.option(
    "--rerun",
    type=click.IntRange(1),
    metavar="N",
    help="Run search N of `litcli library searches` again (the same query, sort and --max) "
    "and report what is new since its last run and what is no longer returned.",
)
@timeout_option
def search(
    query: tuple[str, ...],
    topic: str | None,
    max_results: int,
    sort: str,
    since: int | None,
    until: int | None,
    types: tuple[str, ...],
    humans: bool,
    english: bool,
    count_only: bool,
    fmt: str,
    abstracts: bool,
    output: str | None,
    force: bool,
    offline: bool,
    refresh: bool,
    verbose: bool,
    all_: bool,
    rerun: int | None,
    metrics: bool,
) -> None:
    """Search PubMed with its own query syntax and print a citation table.

    QUERY passes through to PubMed untouched (field tags, AND/OR/NOT, quotes);
    the options add filters.  Needs no configuration, but set an email
    (`litcli config set email ...`) as NCBI asks.
    """
    from litcli import query as q
    from litcli.search import build_search_query

    if offline and refresh:
        raise click.UsageError("--offline and --refresh cannot be used together.")
    metric_sort = sort if sort in METRIC_SORTS else None
    if metric_sort is not None:
        metrics, sort = True, "relevance"  # PubMed's best matches, then ordered by the metric
    if metrics:
        _check_metrics_flags(fmt, count_only, all_, rerun)
    if all_:
        _check_all_flags(fmt, count_only, offline, rerun)
        _check_all_sort(sort)
    rerun_of = None
    if rerun is not None:
        _check_rerun_flags(query, topic, since, until, types, humans, english, offline)
        rerun_of = _load_rerun(rerun)
        query, topic = (rerun_of.typed,) if rerun_of.typed else (), rerun_of.topic
        max_results, sort, refresh = rerun_of.max_results, rerun_of.sort, True
        count_only = count_only or rerun_of.mode == "count"
        if rerun_of.mode == "all":  # an --all search is run again with --all
            all_ = True
            _check_all_flags(fmt, count_only, offline, None)
    if output == "-":  # `-o -`: stdout, as in `export`
        output = None
    if output is not None and count_only:
        raise click.UsageError("--count prints only a number; drop -o/--output or --count")
    # Everything is validated before the first request.
    filters = q.Filters(
        types=tuple(types), humans=humans, english=english, since=since, until=until
    )
    from litcli import allsearch

    q.check_sort(sort)
    # --max past 9,999: the first N of --all's split search (offline: the library's first N;
    # --all ignores --max)
    split = not all_ and not offline and allsearch.splits(max_results)
    if split:
        _check_split_flags(max_results, count_only, metrics, sort)
    elif not allsearch.splits(max_results):
        q.check_max(max_results)
    full_query = (
        rerun_of.query if rerun_of is not None else build_search_query(query, topic=topic, filters=filters)
    )
    # what the library can answer: the words and topic (filters apply separately)
    offline_text = build_search_query(query, topic=topic)
    if humans:
        offline_text = q.combine(offline_text, "humans[mh]")
    if output is not None:  # a typo in -o fails before any request
        from litcli.formats import check_output_path

        check_output_path(output, force=force)

    err = LazyConsole(stderr=True)  # rich only when something is shown on it
    label = _label(query, topic) + _filters_label(filters)
    if rerun_of is not None:
        label = _label((full_query,), None)
    sink = _Sink(fmt, abstracts, verbose, output, force, max_results)
    if metrics:
        sink.metrics = _Metrics(offline=offline, refresh=refresh, sort=metric_sort)
    if offline:
        records, count = _offline(
            err, offline_text, filters, max_results, sort, count_only=count_only, verbose=verbose
        )
        if count_only:
            click.echo(str(count))
            return
        header = f"Showing {len(records):,} of {count:,} for: {label} · local library"
        if not records:
            click.echo(f"No records in the local library match: {label}", err=True)
        sink.write(records, header, count, online=False)
        return

    if verbose:
        _note(err, "Query: ", full_query)
    ids_only = fmt == "ids"  # PMIDs from esearch alone: no record is fetched
    from litcli import searchlog

    logged = _Logged(
        typed=" ".join(query),
        topic=topic,
        filters=rerun_of.filters if rerun_of is not None else searchlog.filters_dict(filters),
        mode="all" if all_ else "count" if count_only else "ids" if ids_only else "records",
        rerun_of=rerun_of.id if rerun_of is not None else None,
    )
    if all_ or split:
        sink = _Sink(fmt, abstracts, verbose, output, force, 0)
        _all(err, full_query, sort, sink, logged, refresh=refresh,
             limit=max_results if split else None, rerun_of=rerun_of)
        return
    outcome = _online(
        err, full_query, offline_text, filters, max_results, sort, count_only, refresh,
        ids_only=ids_only, logged=logged, on_batch=None if count_only else sink.ahead(),
    )
    from litcli.cli.errors import keep_until_exit

    keep_until_exit(outcome)  # its records: freed by the process's end, not one by one
    if ids_only:
        from litcli.models import Record

        outcome.records = [Record(pmid=p) for p in outcome.ids[:max_results]]
    if verbose and outcome.query_translation:
        _note(err, "PubMed's translation: ", outcome.query_translation)
    for message in outcome.messages:
        warn(message)
    if outcome.from_cache:
        click.echo(_cache_note(outcome), err=True)

    if rerun_of is not None:
        _say_changes(rerun_of, logged)
    if count_only:
        click.echo(str(outcome.count))
        return
    if not outcome.records:
        click.echo(f"No PubMed records found for: {label}", err=True)
    header = (
        f"Showing {len(outcome.records):,} of {outcome.count:,} for: {label} · sorted by {sort}"
    )
    sink.search = logged.as_json()
    sink.write(outcome.records, header, outcome.count, online=True)


def _online(
    err: Any,
    full_query: str,
    offline_text: str,
    filters: Any,
    max_results: int,
    sort: str,
    count_only: bool,
    refresh: bool,
    *,
    ids_only: bool = False,
    logged: _Logged | None = None,
    on_batch: Any = None,
) -> Any:
    """Ask NCBI (through the search cache and the library unless --count); the search is
    recorded in the library's search log (``logged``); ``on_batch``: see
    ``litcli.search.run_search``."""
    from litcli import service
    from litcli.errors import NetworkError
    from litcli.records import RecordSource

    with RecordSource(refresh=refresh, warn=warn) as source, _progress(err) as progress:
        try:
            outcome = source.search(
                full_query,
                max_results=max_results,
                sort=sort,
                count_only=count_only,
                ids_only=ids_only,
                progress=progress,
                on_batch=on_batch,
            )
        except NetworkError as exc:
            raise service.with_offline_hint(
                exc,
                offline_text,
                since=filters.since,
                until=filters.until,
                designs=service.designs_for_types(filters.types),
            ) from None
        if logged is not None:
            logged.keep(outcome, source, sort=sort, max_results=max_results)
        return outcome


class _Logged:
    """The search record of one online search (kept in the library, shown in JSON)."""

    def __init__(
        self, *, typed: str, topic: str | None, filters: dict[str, Any], mode: str,
        rerun_of: int | None,
    ) -> None:
        self.typed, self.topic, self.filters = typed, topic, filters
        self.mode, self.rerun_of = mode, rerun_of
        self.entry: Any = None
        self.changes: Any = None

    def keep(self, outcome: Any, source: Any, *, sort: str, max_results: int) -> None:
        from litcli import searchlog

        self.entry = searchlog.entry_for(
            outcome, typed=self.typed, topic=self.topic, filters=self.filters, sort=sort,
            max_results=max_results, mode=self.mode, rerun_of=self.rerun_of,
        )
        self.changes = searchlog.keep(self.entry, source.library(), source.library_warning)

    def as_json(self) -> dict[str, Any] | None:
        if self.entry is None:
            return None
        data: dict[str, Any] = self.entry.to_dict()
        if self.rerun_of is not None:
            data["changes"] = self.changes.to_dict() if self.changes is not None else None
        return data


def _check_metrics_flags(fmt: str, count_only: bool, all_: bool, rerun: int | None) -> None:
    from litcli.citetable import METRIC_FORMATS

    given = [n for n, v in (("--count", count_only), ("--all", all_), ("--rerun", rerun is not None)) if v]
    if given:
        raise click.UsageError(f"--metrics (and --sort cited/rcr) cannot be used with {', '.join(given)}")
    if fmt not in METRIC_FORMATS:
        raise click.UsageError(
            f"--metrics adds columns to {', '.join(sorted(METRIC_FORMATS))}; not to --format {fmt}"
        )


class _Metrics:
    """--metrics / --sort cited|rcr: iCite's metrics for the records about to be written."""

    def __init__(self, *, offline: bool, refresh: bool, sort: str | None) -> None:
        self.offline, self.refresh, self.sort = offline, refresh, sort

    def apply(self, records: list[Any]) -> tuple[list[Any], dict[str, Any]]:
        from litcli.citetable import sort_by
        from litcli.records import RecordSource

        with RecordSource(offline=self.offline, refresh=self.refresh, warn=warn) as source:
            found = source.metrics([r.pmid for r in records])
        if self.sort:
            records = sort_by(records, found, self.sort)
        return records, found


def _check_all_flags(fmt: str, count_only: bool, offline: bool, rerun: int | None) -> None:
    if count_only or offline or rerun is not None:
        given = [n for n, v in (("--count", count_only), ("--offline", offline),
                                ("--rerun", rerun is not None)) if v]
        raise click.UsageError(f"--all cannot be used with {', '.join(given)}")


def _check_all_sort(sort: str) -> None:
    """--all lists its records by publication date, oldest first: an order PubMed cannot
    give past 9,999 records is refused rather than silently ignored."""
    from litcli.allsearch import CAP

    if sort != "relevance":
        raise click.UsageError(
            f"--sort {sort} orders at most {CAP:,} records (PubMed's limit); --all gives every "
            "record in publication-date order (oldest first): drop --sort, or drop --all"
        )


def _check_split_flags(max_results: int, count_only: bool, metrics: bool, sort: str) -> None:
    """--max above 9,999 runs --all's split search: what --all refuses, and an order
    PubMed cannot give past 9,999, are usage errors."""
    from litcli.allsearch import CAP

    given = [n for n, v in (("--count", count_only), ("--metrics", metrics)) if v]
    if given:
        raise click.UsageError(
            f"--max above {CAP:,} (got {max_results:,}) cannot be used with {', '.join(given)}"
        )
    if sort != "relevance":
        raise click.UsageError(
            f"--sort {sort} orders at most {CAP:,} records (PubMed's limit); --max {max_results:,} "
            "gives the first records in publication-date order (oldest first, as --all): "
            "drop --sort, or use --max 9999 or less"
        )


def _all(
    err: Any, full_query: str, sort: str, sink: _Sink, logged: _Logged, *,
    refresh: bool = False, limit: int | None = None, rerun_of: Any = None,
) -> None:
    """--all: every PMID (allsearch.collect_ids); with --format ids written as they are,
    else their records streamed (RecordSource.stream: library first, then efetch in
    batches, each stored and written as it arrives) in the format.  A count that does not
    match is a warning and exit 9.  ``limit`` (--max N above 9,999): the first N of the
    same PMIDs, checked against N (PubMed's count when smaller).  The search is recorded
    (``logged``); a rerun says what changed."""
    from litcli.cli.errors import exit_with
    from litcli.errors import ExitCode
    from litcli.models import Record
    from litcli.records import RecordSource
    from litcli.search import SearchOutcome

    def log(result: Any, source: Any) -> Any:
        outcome = SearchOutcome(query=result.query, count=result.count, ids=result.pmids)
        kept = limit or max(result.count, len(result.pmids))
        logged.keep(outcome, source, sort=sort, max_results=kept)
        return logged.entry

    failures: list[Any] = []
    with RecordSource(refresh=refresh, warn=warn) as source, _AllProgress(err) as progress:
        if sink.fmt == "ids":
            result = source.all_ids(full_query, progress=progress.listing, limit=limit)
            entry = log(result, source)
            records: Any = (Record(pmid=p) for p in result.pmids)
        else:  # the pieces listed in the background while the records are streamed
            flush = sink.output is None  # stdout: each batch reaches the reader as it is written
            run = source.all_records(full_query, progress=progress.fetching(flush=flush), limit=limit)
            progress.stream, records = run.stream, run
            entry = None
        try:
            if sink.fmt != "ids" and (not run.wait_count() or sink.fmt == "json"):
                run.list_all()  # no records (or a failure: raised), or the JSON's search record
                entry = log(run.result(), source)
            result_count = result.count if sink.fmt == "ids" else run.count
            if not result_count:
                progress.stop()
                click.echo("No PubMed records found for this search.", err=True)
                return
            if entry is not None:
                sink.search = logged.as_json()
            header = f"All records for: {full_query}"
            if limit is not None and limit < result_count:
                header = (f"The first {limit:,} of {result_count:,} records (oldest publication "
                          f"dates first) for: {full_query}")
            target, n = sink.write_all(records, header=header)
            if sink.fmt != "ids":
                result = run.result()
                failures = run.stream.failures
                if entry is None:
                    entry = log(result, source)
        finally:
            if sink.fmt != "ids":
                run.close()
    if target is not None:
        noun = "PMIDs" if sink.fmt == "ids" else "records"
        click.echo(f"Wrote {n:,} {noun} to {target} ({sink.fmt})", err=True)
    if failures:
        warn(f"{len(failures):,} of the {len(result.pmids):,} PMIDs found gave no record "
             f"(first: {failures[0][0]}: {failures[0][1]})")
    if rerun_of is not None:
        _say_changes(rerun_of, logged)
    pieces = f"{result.pieces:,} date piece{'s' if result.pieces != 1 else ''}"
    requests = f"{result.requests:,} request{'s' if result.requests != 1 else ''}"
    if result.shortfall:
        wanted = f", not the first {result.expected:,} asked for" if result.cut else ""
        warn(
            f"PubMed counts {result.count:,} records for this search, but its {pieces} "
            f"returned {len(result.pmids):,} distinct PMIDs{wanted} ({result.shortfall:,} missing)"
        )
        exit_with(ExitCode.INCOMPLETE)
    if result.cut:
        click.echo(
            f"The first {len(result.pmids):,} of {result.count:,} matching PMIDs ({pieces}, "
            f"{requests}; oldest publication dates first); use --all for all "
            f"{result.count:,}.",
            err=True,
        )
        return
    click.echo(
        f"All {len(result.pmids):,} PMIDs ({pieces}, {requests}; "
        f"matches PubMed's count).",
        err=True,
    )


class _AllProgress:
    """--all on a terminal's stderr: one transient line, "Listing PMIDs: pieces 3/6 ·
    14,000 PMIDs" while the pieces are listed, then "Pieces 2/6 · records 12,000/30,000 ·
    ETA 0:00:21" while their records are fetched and written.  Nothing when stderr is
    not a terminal (like the other progress bars)."""

    def __init__(self, console: LazyConsole) -> None:
        self.console = console
        self.bar: Any = None
        self.task: Any = None
        self.stream: Any = None  # the RecordStream whose progress is shown

    def __enter__(self) -> _AllProgress:
        if self.console.is_terminal:
            from rich.progress import BarColumn, Progress, TextColumn

            self.bar = Progress(
                TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[eta]}"),
                console=self.console.real(), transient=True,
                redirect_stdout=False, redirect_stderr=False,  # records go to stdout as they are
            )
            self.bar.start()
            self.task = self.bar.add_task("Listing PMIDs", total=None, eta="")
        return self

    def listing(self, done: int, total: int, found: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, description=f"Listing PMIDs: pieces {done:,}/{total:,} · "
                            f"{found:,} PMIDs", completed=done, total=total, refresh=True)

    def fetching(self, *, flush: bool) -> Any:
        """The ``progress(position, total)`` of the record stream (``stream`` is set once
        the run exists): pieces done of those listed ("+": more to come), records, ETA."""
        import sys
        import time

        started = time.monotonic()
        first: list[int] = []

        def update(position: int, total: int) -> None:
            if flush:
                sys.stdout.flush()
            if self.bar is None or self.stream is None:
                return
            import bisect

            stream = self.stream
            if not first:
                first.append(position)
            listed = len(stream.group_ends)
            done = bisect.bisect_right(stream.group_ends, position)
            more = "" if stream.ended else "+"
            rate = (position - first[0]) / max(time.monotonic() - started, 1e-6)
            self.bar.update(
                self.task,
                description=f"Pieces {done:,}/{listed:,}{more} · records {position:,}/{total:,}",
                completed=position, total=total,
                eta=f"ETA {_eta((total - position) / rate) if rate else '--'}",
                refresh=True,
            )

        return update

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _eta(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _check_rerun_flags(
    query: tuple[str, ...], topic: str | None, since: int | None, until: int | None,
    types: tuple[str, ...], humans: bool, english: bool, offline: bool,
) -> None:
    given = [
        name
        for name, value in (
            ("QUERY", query), ("--topic", topic), ("--since", since is not None),
            ("--until", until is not None), ("--type", types), ("--humans", humans),
            ("--english", english), ("--offline", offline),
        )
        if value
    ]
    if given:
        raise click.UsageError(
            f"--rerun repeats a recorded search as it was; drop {', '.join(given)}"
        )


def _load_rerun(number: int) -> Any:
    from litcli import searchlog
    from litcli.library import Library

    with Library() as lib:
        return searchlog.find(lib, number)


def _say_changes(rerun_of: Any, logged: _Logged) -> None:
    """'Search #3 again: 153 matches (148 on 2026-12-01 10:00 UTC); 5 new since the last
    run (#5), 2 no longer returned.' and the PMIDs, on stderr."""
    when = rerun_of.to_dict()["searched_at"].replace("T", " ").replace("+00:00", " UTC")
    entry, changes = logged.entry, logged.changes
    now = f" (recorded as #{entry.id})" if entry is not None and entry.id else ""
    line = f"Search #{rerun_of.id} again{now}: {entry.count:,} matches ({rerun_of.count:,} on {when})"
    if changes is not None and logged.mode != "count":
        line += (
            f"; {len(changes.new):,} new since the last run (#{changes.previous.id}), "
            f"{len(changes.gone):,} no longer returned."
        )
        click.echo(line, err=True)
        for label, pmids in (("New", changes.new), ("No longer returned", changes.gone)):
            if pmids:
                shown = ", ".join(pmids[:20]) + (f", … {len(pmids) - 20:,} more" if len(pmids) > 20 else "")
                click.echo(f"  {label}: {shown}", err=True)
        return
    click.echo(line + ".", err=True)


def _offline(
    err: Any,
    offline_text: str,
    filters: Any,
    max_results: int,
    sort: str,
    *,
    count_only: bool,
    verbose: bool,
) -> tuple[list[Any], int]:
    """--offline: the library's answer (records, all matches), said so on stderr."""
    from litcli import service

    click.echo("Offline: answering from the local library only.", err=True)
    if verbose:
        _note(err, "Library query: ", offline_text)
    result = service.offline_search(
        offline_text,
        limit=0 if count_only else max_results,
        since=filters.since,
        until=filters.until,
        designs=service.designs_for_types(filters.types),
    )
    if result.ignored:
        warn("the local library cannot search " + ", ".join(result.ignored) + "; left out offline")
    if filters.english:
        warn("--english cannot be checked offline; records in other languages may be included")
    if sort != "relevance" and not count_only:
        warn(f"--sort {sort} is not available offline; best matches first")
    return result.records, result.count


def _cache_note(outcome: Any) -> str:
    age = ""
    if outcome.fetched_at:
        import time

        age = f" (PubMed searched {_ago(time.time() - outcome.fetched_at)})"
    fetched = f"; {outcome.fetched:,} record(s) fetched from PubMed" if outcome.fetched else ""
    return f"Answered from the local cache{age}{fetched}; use --refresh to ask PubMed again."


def _ago(seconds: float) -> str:
    if seconds < 90:
        return "just now"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} min ago"
    return f"{round(seconds / 3600)} h ago"


class _Sink:
    """Where the records go: the table or a format, on stdout or into -o FILE."""

    def __init__(
        self,
        fmt: str,
        abstracts: bool,
        verbose: bool,
        output: str | None,
        force: bool,
        max_results: int,
    ) -> None:
        self.fmt, self.abstracts, self.verbose = fmt, abstracts, verbose
        self.output, self.force, self.max_results = output, force, max_results
        self.search: dict[str, Any] | None = None  # the search record, for --format json
        self.metrics: _Metrics | None = None
        self._ahead: Any = None  # JSONL lines encoded while the search fetched

    def ahead(self) -> Any:
        """For JSONL (without --metrics): the ``on_batch`` that encodes each batch of
        records as it is fetched, while the next is on its way (``JsonlAhead``), so that
        ``write`` has little left to do after the last one; None otherwise."""
        if self.fmt != "jsonl" or self.metrics is not None:
            return None

        def add(records: list[Any]) -> None:
            if self._ahead is None:  # at the first batch: nothing imported before the search
                from litcli.formats.jsonfmt import JsonlAhead

                self._ahead = JsonlAhead()
            self._ahead.add(records)

        return add

    def write(self, records: list[Any], header: str, count: int, *, online: bool) -> None:
        if self.metrics is not None:
            self._write_metrics(records, header)
        elif self.output is not None:
            target = self._write_file(records)
            if self.verbose:
                click.echo(header, err=True)
            noun = "record" if len(records) == 1 else "records"
            click.echo(f"Wrote {len(records):,} {noun} to {target} ({self.fmt})", err=True)
        elif self.fmt != "table":
            if self.verbose and records:
                click.echo(header, err=True)
            if self.fmt == "json":
                _write_search_json(records, self.search, None, force=False)
            elif self._ahead is not None:  # JSONL, encoded while fetching
                import sys

                self._ahead.write(records, sys.stdout)
                sys.stdout.flush()
            else:
                _write_format(records, self.fmt, self.abstracts)
        elif records:
            from litcli.render import print_records

            out = make_console()
            if not stdout_is_tty():
                click.echo(header, err=True)
            print_records(records, out, header=header, abstracts=self.abstracts)
        table_header = self.fmt == "table" and self.output is None  # "Showing N of M" said
        note = shortfall_note(len(records), count, self.max_results, online=online, shown=table_header)
        if note:
            click.echo(note, err=True)

    def _write_metrics(self, records: list[Any], header: str) -> None:
        """The records with their iCite metrics (citetable), to stdout or -o FILE."""
        import sys

        from litcli import citetable

        assert self.metrics is not None
        records, found = self.metrics.apply(records) if records else (records, {})
        if self.output is not None:
            from litcli.formats.output import atomic_text

            fmt = "tsv" if self.fmt == "table" else self.fmt
            with atomic_text(self.output, force=self.force) as stream:
                if self.fmt == "table":
                    citetable.write_plain(records, found, stream)
                else:
                    citetable.write(records, found, fmt, stream, abstracts=self.abstracts,
                                    search=self.search, wrap_search=True)
            noun = "record" if len(records) == 1 else "records"
            click.echo(f"Wrote {len(records):,} {noun} to {self.output} ({self.fmt})", err=True)
        elif self.fmt == "table":
            if records:
                if not stdout_is_tty():
                    click.echo(header, err=True)
                citetable.print_table(records, found, make_console(), header=header)
        else:
            if self.verbose and records:
                click.echo(header, err=True)
            citetable.write(records, found, self.fmt, sys.stdout, abstracts=self.abstracts,
                            search=self.search, wrap_search=True)
            sys.stdout.flush()

    def write_all(self, records: Iterable[Any], *, header: str) -> tuple[Any, int]:
        """--all: every record as it comes (the table needs them all first), no shortfall
        note (the count check stands for it); returns the file written (None: stdout) and
        how many records."""
        counted = _Counted(records)
        if self.output is not None:
            return self._write_file(counted), counted.n
        if self.fmt == "json":
            _write_search_json(counted, self.search, None, force=False)
        elif self.fmt != "table":
            _write_format(counted, self.fmt, self.abstracts)
        else:
            rows = list(counted)
            if rows:
                from litcli.render import print_records

                if not stdout_is_tty():
                    click.echo(header, err=True)
                print_records(rows, make_console(), header=header, abstracts=self.abstracts)
        return None, counted.n

    def _write_file(self, records: Iterable[Any]) -> Any:
        from litcli import formats

        assert self.output is not None
        if self.fmt == "json":
            return _write_search_json(records, self.search, self.output, force=self.force)
        if self._ahead is not None:  # JSONL, encoded while fetching
            from pathlib import Path

            from litcli.formats.output import atomic_text

            with atomic_text(self.output, force=self.force) as stream:
                self._ahead.write(records, stream)
            return Path(self.output).expanduser()
        target, _ = formats.write_records(
            records, self.fmt, self.output, abstracts=self.abstracts, force=self.force
        )
        return target


class _Counted:
    """Records passed through, counted."""

    def __init__(self, records: Iterable[Any]) -> None:
        self.records, self.n = records, 0

    def __iter__(self) -> Iterator[Any]:
        for record in self.records:
            self.n += 1
            yield record


def shortfall_note(
    written: int, count: int, max_results: int, *, online: bool, shown: bool = False
) -> str | None:
    """'Wrote 20 of 148 matching records; use --max 148 for all.' (None when all were).

    ``shown``: the table's header already said "Showing 20 of 148", so only the advice
    is given ("Use --max 148 for all.").  Past PubMed's 9,999 online, the advice says that
    such a --max splits the search (as --all does)."""
    from litcli.query import MAX_RESULTS

    if written >= count or written == 0:
        return None
    advice = []
    if max_results < count:
        split = (
            f" (past PubMed's {MAX_RESULTS:,} the search is split by publication date, as with --all)"
            if online and count > MAX_RESULTS
            else ""
        )
        advice.append(f"use --max {count} for all{split}")
    if shown:
        text = "; ".join(advice)
        return f"{text[:1].upper()}{text[1:]}." if text else None
    return "; ".join([f"Wrote {written:,} of {count:,} matching records", *advice]) + "."


def _filters_label(filters: Any) -> str:
    """' · rct, meta-analysis · humans · English · 2015-2020' for the header."""
    from litcli.query import normalise_types

    parts = []
    types = normalise_types(filters.types)
    if types:
        parts.append(", ".join(types))
    if filters.humans:
        parts.append("humans")
    if filters.english:
        parts.append("English")
    if filters.since is not None and filters.until is not None:
        parts.append(f"{filters.since}-{filters.until}")
    elif filters.since is not None:
        parts.append(f"since {filters.since}")
    elif filters.until is not None:
        parts.append(f"until {filters.until}")
    return "".join(f" · {p}" for p in parts)


def _write_search_json(
    records: Iterable[Any], search: dict[str, Any] | None, output: str | None, *, force: bool
) -> Any:
    """``{"search": {...} | null, "records": [...]}`` to stdout or atomically to ``output``."""
    import sys

    from litcli.formats.jsonfmt import write_search

    if output is None:
        write_search(search, records, sys.stdout)
        sys.stdout.flush()
        return None
    from litcli.formats.output import atomic_text

    with atomic_text(output, force=force) as stream:
        write_search(search, records, stream)
    return output


def _write_format(records: Iterable[Any], fmt: str, abstracts: bool) -> None:
    from litcli import formats

    formats.write_records(records, fmt, None, abstracts=abstracts)


def _label(words: tuple[str, ...], topic: str | None) -> str:
    from litcli.textsafe import one_line

    text = one_line(" ".join(words))
    if topic:
        return f"{topic} + {text}" if text else topic
    return text if len(text) <= 80 else text[:77] + "..."


def _note(console: Any, label: str, text: str) -> None:
    from rich.text import Text

    from litcli.textsafe import one_line

    line = Text(label, style="bold")
    line.append(one_line(text))
    console.print(line, soft_wrap=True)


class _progress:
    """A transient progress bar on stderr for record fetches (TTY only)."""

    def __init__(self, console: LazyConsole) -> None:
        self.console = console
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> Any:
        if not self.console.is_terminal:
            return None
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(
            TextColumn("Fetching records"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=self.console.real(),
            transient=True,
        )
        self.bar.start()
        return self.update

    def update(self, done: int, total: int) -> None:
        if self.task is None:
            self.task = self.bar.add_task("fetch", total=total)
        self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
