"""`litcli library ...`: the local SQLite library (search offline, import, export, stats)."""

from __future__ import annotations

from typing import Any

import click

from litcli.cli.common import (
    EXPORT_FORMATS,
    format_option,
    mark_retracted_option,
    metrics_option,
    read_id_args,
    warn,
    warn_unmarkable,
    year_and_type_options,
)

_limit_option = click.option(
    "-n",
    "--max",
    "limit",
    type=click.IntRange(1),
    default=20,
    show_default=True,
    help="How many records to show.",
)


@click.group(
    epilog="""\b
Examples:
  litcli library import pubmed-export.nbib pubmed_result.xml.gz
  litcli library search "NMDA antagonist BDNF"
  litcli library search 'ketamine[ti] AND (depression OR OCD)' --since 2015 --type rct
  litcli library export -f bibtex -o library.bib
  litcli library stats
  litcli library searches
"""
)
def library() -> None:
    """Your local library: every record litcli fetched or imported, searchable offline.

    The library is one SQLite file (see `litcli library path`; LITCLI_HOME
    moves it).  Records are kept with their original XML/MEDLINE text.
    """


def _open() -> Any:
    from litcli.library import Library

    return Library()


def _write_records(
    records: Any,
    fmt: str,
    output: str,
    *,
    header: str | None = None,
    abstracts: bool = False,
    force: bool = False,
    mark_retracted: bool | None = None,
) -> int:
    """Write records as a table (stdout) or in an export format (stdout or a file);
    ``mark_retracted``: as `litcli export`'s option (None: the format's default).

    Returns how many records were written.
    """
    from litcli import formats
    from litcli.cli.common import make_console

    if fmt == "table" and output == "-":
        from litcli import render

        rows = list(records)
        console = make_console()
        if header and not console.is_terminal:
            click.echo(header, err=True)
        render.print_records(rows, console, header=header, abstracts=abstracts)
        return len(rows)
    # a table into a file: its tab-separated form (as before, without abstracts)
    _, n = formats.write_records(
        records, fmt, output, abstracts=abstracts and fmt != "table", force=force,
        mark_retracted=mark_retracted,
    )
    return n


def _write_with_metrics(
    lib: Any, records: Any, fmt: str, output: str, *, abstracts: bool, force: bool,
    mark_retracted: bool | None,
) -> tuple[int, int]:
    """`library export --metrics`: the records with the iCite metrics the library keeps
    (any age, never fetched), looked up batch by batch as the records stream out.
    Returns (records written, records without stored metrics)."""
    from litcli import citetable
    from litcli.icite import metrics_from

    missing = [0]

    def lookup(pmids: Any) -> Any:
        found = metrics_from(pmids, library=lib, offline=True, library_warn=warn)
        missing[0] += sum(1 for p in pmids if p not in found)
        return found

    _, n = citetable.write_records(records, lookup, fmt, output, abstracts=abstracts,
                                   force=force, mark_retracted=mark_retracted)
    return n, missing[0]


def _output_options(f: Any) -> Any:
    """-o/--output FILE and --force, as `litcli export` has them."""
    f = click.option("--force", is_flag=True, help="Overwrite an existing --output file.")(f)
    return click.option(
        "-o", "--output", default="-", metavar="FILE", help="Write to FILE instead of stdout."
    )(f)


def _check_output(output: str, force: bool) -> None:
    """Fail fast (exit 2) when -o names a directory, a file in a missing directory, or an
    existing file without --force."""
    if output != "-":
        from litcli.formats import check_output_path

        check_output_path(output, force=force)


# --- search / list ---------------------------------------------------------------------


@library.command(
    "search",
    epilog="""\b
Examples:
  litcli library search "NMDA antagonist BDNF"
  litcli library search 'ketamine[ti] AND (depression OR OCD)' --since 2015 --type rct
  litcli library search esketamine --all -f bibtex -o esketamine.bib
""",
)
@click.argument("query", nargs=-1, required=True)
@_limit_option
@click.option("--all", "all_", is_flag=True, help="Every matching record (for exports).")
@format_option()
@_output_options
@year_and_type_options
@click.option("--abstracts", is_flag=True, help="Print abstracts below the table / include them.")
@click.option("--offline", is_flag=True, hidden=True, help="Accepted for symmetry; always offline.")
def search_cmd(
    query: tuple[str, ...],
    limit: int,
    all_: bool,
    fmt: str,
    output: str,
    force: bool,
    since: int | None,
    until: int | None,
    types: tuple[str, ...],
    abstracts: bool,
    offline: bool,
) -> None:
    """Search the local library (offline, full text, best match first).

    PubMed's syntax: words side by side must all match; AND, OR and NOT apply
    left to right as in PubMed ("pain NOT back"; "AND NOT" is read as NOT);
    "quoted phrases", parentheses, a trailing * for prefixes, and the field
    tags [ti] [tiab] [ab] [mh] [majr] [kw] [au]. A query that cannot be
    translated faithfully (a leading NOT, an unclosed parenthesis, [dp]) is
    refused with a hint rather than searched differently.
    """
    from litcli import service
    from litcli.cli.common import warn
    from litcli.query import check_years

    text = " ".join(query)
    check_years(since, until)
    _check_output(output, force)
    designs = service.designs_for_types(types)
    with _open() as lib:
        result = service.offline_search(
            text,
            limit=None if all_ else limit,
            since=since,
            until=until,
            designs=designs,
            library=lib,
        )
        total = lib.count()
    if result.ignored:
        warn("the local library cannot search " + ", ".join(result.ignored) + "; ignored them")
    if not result.records:
        click.echo(
            f"No records in your local library match {text!r} ({total:,} records stored).",
            err=True,
        )
        if fmt not in ("table", "ids"):
            _write_records([], fmt, output, force=force)
        return
    shown = len(result.records)
    header = f"Showing {shown:,} of {result.count:,} · local library · best match first"
    n = _write_records(
        result.records, fmt, output, header=header, abstracts=abstracts, force=force
    )
    _announce_file(n, output, fmt)


def _announce_file(n: int, output: str, fmt: str) -> None:
    """'Wrote 12 records to refs.bib (bibtex).' on stderr when the records went to a file."""
    if output != "-":
        noun = "record" if n == 1 else "records"
        click.echo(f"Wrote {n:,} {noun} to {output} ({fmt}).", err=True)


@library.command(
    "list",
    epilog="""\b
Examples:
  litcli library list
  litcli library list -n 100 -f ids
""",
)
@_limit_option
@format_option()
@_output_options
def list_cmd(limit: int, fmt: str, output: str, force: bool) -> None:
    """The most recently added or updated records."""
    _check_output(output, force)
    with _open() as lib:
        records = lib.recent(limit)
        total = lib.count()
    if not records:
        click.echo(
            "Your local library is empty; records you search, show or import are kept there.",
            err=True,
        )
        return
    header = f"{len(records):,} most recent of {total:,} records · local library"
    _announce_file(_write_records(records, fmt, output, header=header, force=force), output, fmt)


# --- import ----------------------------------------------------------------------------


@library.command(
    "import",
    epilog="""\b
Examples:
  litcli library import pubmed-export.nbib
  litcli library import pubmed_result.xml.gz more.xml
  zcat baseline.xml.gz | litcli library import -

Exit status: 0 when everything was imported; 6 when a file or record could not be
(what could be imported is kept, and the failures are listed).
""",
)
@click.argument("files", nargs=-1, required=True, metavar="FILE...", type=click.Path(path_type=str))
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; only the summary.")
def import_cmd(files: tuple[str, ...], quiet: bool) -> None:
    """Import PubMed XML (.xml, .xml.gz) and MEDLINE / .nbib files ('-' reads stdin).

    Records already in the library are updated when they changed and skipped
    when not, so an interrupted import can simply be run again.
    """
    from litcli.cli.common import make_console
    from litcli.cli.errors import exit_with
    from litcli.errors import ExitCode, InputFileError
    from litcli.importer import strip_name
    from litcli.library import ImportStats

    err = make_console(stderr=True)
    show_progress = err.is_terminal and not quiet
    total = ImportStats()
    file_errors: list[tuple[str, str]] = []
    lines: list[str] = []
    empty: list[str] = []  # files that held no PubMed record at all
    multi = len(files) > 1
    with _open() as lib:
        current: list[Any] = [None]  # the stats of the file being imported, batch by batch
        try:
            for name in files:
                shown = _shown(name)
                stats = ImportStats()
                current[0] = None
                try:
                    stats, items = _import_file(
                        lib, name, shown, err if show_progress else None, file_errors, current
                    )
                    if items == 0 and not any(w == shown for w, _ in file_errors):
                        empty.append(shown)
                except InputFileError as exc:
                    file_errors.append((shown, strip_name(exc.message, name, shown)))
                if multi:  # name the file in its record failures
                    stats.failed = [(f"{shown}: {w}", r) for w, r in stats.failed]
                total.add(stats)
                current[0] = None
                broken = sum(1 for w, _ in file_errors if w == shown)
                if multi and (stats.stored or stats.failed or stats.deleted or broken):
                    lines.append(f"  {shown}: {_stats_line(stats, broken)}")
        except KeyboardInterrupt:
            if current[0] is not None:
                total.add(current[0])
            for line in lines:
                click.echo(line, err=True)
            click.echo(
                f"Interrupted after {total.stored:,} records; what was imported is kept. "
                "Run the same command again to continue.",
                err=True,
            )
            exit_with(ExitCode.INTERRUPTED)
        where = lib.path
    failures = [*file_errors, *total.failed]
    nothing = total.stored == 0 and total.deleted == 0
    if nothing and len(files) == 1 and len(failures) == 1:  # one bad file: one error line
        what, reason = failures[0]
        shown = _shown(files[0])
        raise InputFileError(
            f"cannot import {shown}: {reason if what == shown else f'{what}: {reason}'}"
        )
    if nothing and not failures and len(empty) == len(files):
        raise InputFileError(
            f"no PubMed records in {', '.join(empty)}",
            hint="import PubmedArticleSet XML or MEDLINE/.nbib files exported from PubMed",
        )
    for line in lines:
        click.echo(line, err=True)
    click.echo(f"Imported into {where}: {_stats_line(total, len(file_errors))}", err=True)
    if empty and multi:
        click.echo(f"No PubMed records in: {', '.join(empty)}", err=True)
    if failures:
        click.echo(f"Failed ({len(failures):,}):", err=True)
        for what, reason in failures[:20]:
            click.echo(f"  {what}: {reason}", err=True)
        if len(failures) > 20:
            click.echo(f"  … and {len(failures) - 20:,} more", err=True)
        if nothing:
            raise InputFileError("nothing was imported", hint="see the failures listed above")
        raise InputFileError(
            f"{len(failures):,} failed (listed above); everything else was imported",
            hint="fix or download those files again and import them again",
        )


def _shown(name: str) -> str:
    """How an input is named in messages: its file name made safe, or "stdin" for '-'."""
    from pathlib import Path

    from litcli.textsafe import one_line

    return "stdin" if name == "-" else one_line(Path(name).name) or "?"


def _stats_line(stats: Any, files_failed: int = 0) -> str:
    parts = [
        f"{stats.imported:,} new",
        f"{stats.updated:,} updated",
        f"{stats.skipped:,} unchanged",
    ]
    if stats.deleted:
        parts.append(f"{stats.deleted:,} deleted")
    parts.append(f"{len(stats.failed) + files_failed:,} failed")
    return ", ".join(parts)


def _import_file(
    lib: Any,
    name: str,
    shown: str,
    console: Any,
    file_errors: list[tuple[str, str]],
    current: list[Any],
) -> tuple[Any, int]:
    """Import one file through ``litcli.importer.import_file``, with a progress bar on
    ``console`` (None: no bar).  Returns the stats and how many items the file held."""
    from litcli.importer import import_file, input_size

    progress = None
    task = None
    if console is not None:
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        progress = Progress(
            TextColumn("Importing {task.description}"),
            BarColumn(),
            DownloadColumn(),
            TextColumn("{task.fields[records]:,} records"),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        task = progress.add_task(shown.replace("[", "\\["), total=input_size(name), records=0)

    def on_read(pos: int) -> None:
        if progress is not None and task is not None:
            progress.update(task, completed=pos)

    def on_batch(stats: Any) -> None:
        current[0] = stats
        if progress is not None and task is not None:
            progress.update(task, records=stats.stored + len(stats.failed))

    try:
        return import_file(
            lib,
            name,
            shown,
            file_errors,
            on_read=on_read,
            on_batch=on_batch,
            on_start=progress.start if progress is not None else None,
        )
    finally:
        if progress is not None:
            progress.stop()


# --- export / stats / path / remove ---------------------------------------------------------


@library.command(
    "export",
    epilog="""\b
Examples:
  litcli library export -f bibtex -o library.bib
  litcli library export -f bibtex -o library.bib --force   # replace it
  litcli library export "ketamine OCD" -f csv --abstracts -o ocd.csv
  litcli library export -f bibtex --no-mark-retracted -o as-pubmed-has-it.bib
""",
)
@click.argument("query", nargs=-1)
@format_option(EXPORT_FORMATS, default="json", help="Export format (json keeps everything).")
@_output_options
@click.option("--abstracts", is_flag=True, help="Include abstracts where the format allows.")
@mark_retracted_option
@metrics_option
def export_cmd(
    query: tuple[str, ...], fmt: str, output: str, force: bool, abstracts: bool,
    mark_retracted: bool | None, metrics: bool,
) -> None:
    """Export the whole library, or the records matching QUERY, in any format.

    --metrics adds the NIH iCite metrics kept in the library (any age; nothing is
    fetched: `litcli export - --metrics` asks iCite for the rest).
    """
    text = " ".join(query).strip()
    if metrics:
        from litcli.cli.common import check_metrics_format

        check_metrics_format(fmt)
    _check_output(output, force)
    warn_unmarkable(fmt, mark_retracted)
    with _open() as lib:
        records = lib.iter_search(text, limit=None) if text else lib.iter_records()
        if metrics:
            n, without = _write_with_metrics(lib, records, fmt, output, abstracts=abstracts,
                                             force=force, mark_retracted=mark_retracted)
        else:
            n = _write_records(
                records, fmt, output, abstracts=abstracts, force=force,
                mark_retracted=mark_retracted,
            )
    if metrics and without:
        click.echo(
            f"{without:,} of {n:,} records have no citation metrics in the library (their "
            "columns are empty); to ask iCite: litcli library export -f ids | litcli export - "
            f"-f {fmt} --metrics",
            err=True,
        )
    target = "stdout" if output == "-" else output
    click.echo(f"Exported {n:,} record{'' if n == 1 else 's'} to {target} ({fmt}).", err=True)


@library.command(
    "stats",
    epilog="""\b
Examples:
  litcli library stats
  litcli library stats -f json
""",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def stats_cmd(fmt: str) -> None:
    """Counts by design, flags, sources and years; size and schema version."""
    import json

    with _open() as lib:
        stats = lib.stats()
    if fmt == "json":
        click.echo(json.dumps(stats, indent=2, ensure_ascii=False))
        return
    click.echo(f"Library:          {stats['path']}")
    click.echo(
        f"Records:          {stats['records']:,} ({stats['with_raw']:,} with original XML/MEDLINE)"
    )
    years = stats["years"]
    if years["min"] is not None:
        click.echo(f"Years:            {years['min']}–{years['max']}")
    if stats["designs"]:
        click.echo(
            "Designs:          " + ", ".join(f"{d} {n:,}" for d, n in stats["designs"].items())
        )
    if stats["flags"]:
        click.echo(
            "Flags:            " + ", ".join(f"{f} {n:,}" for f, n in stats["flags"].items())
        )
    if stats["sources"]:
        shown = list(stats["sources"].items())[:5]
        more = len(stats["sources"]) - len(shown)
        click.echo(
            "Sources:          "
            + ", ".join(f"{s or 'unknown'} {n:,}" for s, n in shown)
            + (f", … {more} more" if more > 0 else "")
        )
    click.echo(f"Cached searches:  {stats['cached_searches']:,}")
    click.echo(f"Last update:      {_when(stats['last_update'])}")
    click.echo(f"Size:             {stats['size_bytes'] / 1e6:,.1f} MB")
    click.echo(f"Schema:           {', '.join(stats['migrations'])}")


@library.command(
    "searches",
    epilog="""\b
Examples:
  litcli library searches
  litcli library searches -f json -n 5
  litcli search --rerun 3          # run search 3 again: new / no longer returned
""",
)
@click.option(
    "-n", "--max", "limit", type=click.IntRange(1), default=20, show_default=True,
    help="How many searches to show, newest first.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format (json: every field, PMIDs included).",
)
def searches_cmd(limit: int, fmt: str) -> None:
    """Every online search litcli ran, newest first: number, when, count, query.

    Each is kept as run (query as typed and as sent, topic, filters, PubMed's
    translation and warnings, sort, count, the PMIDs returned and their hash,
    litcli's version); `litcli search --rerun N` repeats one.
    """
    import json

    with _open() as lib:
        entries = lib.searches(limit)
    if fmt == "json":
        click.echo(json.dumps([e.to_dict() for e in entries], indent=2, ensure_ascii=False))
        return
    if not entries:
        click.echo("No searches recorded yet (every online `litcli search` is).", err=True)
        return
    from litcli.textsafe import one_line

    click.echo("\t".join(["#", "When (UTC)", "Count", "Returned", "Sort", "Source", "Query"]))
    for e in entries:
        when = e.to_dict()["run_at"][:16].replace("T", " ")
        shown = "--count" if e.mode == "count" else f"{len(e.pmids):,}"
        what = f"{e.topic} + {e.typed}" if e.topic and e.typed else e.topic or e.typed or e.query
        click.echo(
            "\t".join([str(e.id), when, f"{e.count:,}", shown, e.sort, e.source, one_line(what)])
        )


def _when(ts: float | None) -> str:
    if ts is None:
        return "never"
    import datetime

    return datetime.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M")


@library.command(
    "path",
    epilog="""\b
Examples:
  litcli library path
  sqlite3 "$(litcli library path)"
""",
)
def path_cmd() -> None:
    """Print where the library file is (LITCLI_HOME moves it)."""
    from litcli import paths

    click.echo(str(paths.library_path()))


@library.command(
    "remove",
    epilog="""\b
Examples:
  litcli library remove 23392687 10.1038/npp.2013.22
  litcli library search "ketamine OCD" --all -f ids | litcli library remove -
""",
)
@click.argument("identifiers", nargs=-1, required=True, metavar="ID...")
def remove_cmd(identifiers: tuple[str, ...]) -> None:
    """Remove records (PMIDs, DOIs, PMCIDs; '-' reads stdin) from the library."""
    from litcli.cli.errors import exit_with
    from litcli.errors import ExitCode
    from litcli.ids import parse_ids
    from litcli.textsafe import one_line

    idents = parse_ids(read_id_args(identifiers))
    missing: list[str] = []
    pmids: list[str] = []
    with _open() as lib:
        for ident in idents:
            pmid = lib.find_pmid(ident.kind, ident.value)
            if pmid is None:
                missing.append(ident.original)
            else:
                pmids.append(pmid)
        removed = lib.remove(pmids)
    click.echo(
        f"Removed {removed:,} record{'' if removed == 1 else 's'} from the library.", err=True
    )
    for text in missing:
        click.echo(f"Not in the library: {one_line(text)}", err=True)
    if missing:
        exit_with(ExitCode.NOT_FOUND)
