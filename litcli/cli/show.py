"""`litcli show ID...`: one readable record per identifier."""

from __future__ import annotations

import click

from litcli.cli.common import (
    EXPORT_FORMATS,
    METRIC_EXPORT_FORMATS,
    format_option,
    stdout_is_tty,
    timeout_option,
    warn,
)

SHOW_FORMATS = ["text", *EXPORT_FORMATS]


@click.command(
    epilog="""\b
Examples:
  litcli show 23392687
  litcli show PMID:23392687 10.1038/npp.2013.22 PMC3668120
  litcli show https://pubmed.ncbi.nlm.nih.gov/23392687/ --format json
  litcli show 23392687 --format json --metrics
  litcli search ketamine --format ids | litcli show - --offline
"""
)
@click.argument("identifiers", nargs=-1, required=True, metavar="ID...")
@format_option(
    SHOW_FORMATS,
    default="text",
    help="Readable text, or any export format (json carries the whole record).",
)
@click.option(
    "--metrics/--no-metrics",
    default=None,
    help="NIH iCite citation metrics beside the flags: on by default in the text view; "
    "--metrics adds them to csv, tsv (columns after 'flags') and json, jsonl (a 'metrics' "
    "object after 'flags'); --no-metrics leaves iCite alone.",
)
@click.option("--offline", is_flag=True, help="Answer from the local library only; no network.")
@click.option(
    "--refresh", is_flag=True, help="Fetch from PubMed even if the library has the record."
)
@timeout_option
def show(
    identifiers: tuple[str, ...], fmt: str, metrics: bool | None, offline: bool, refresh: bool
) -> None:
    """Show records by PMID, PMID:…, DOI (10.…, doi:…, doi.org URL), PMCID or PubMed URL.

    Records come from the local library when it has them (fetched within 30
    days), otherwise from PubMed in one request, and are then kept in the
    library.  The text view adds NIH iCite's citation metrics (kept 30 days);
    --metrics adds them to csv, tsv, json and jsonl.  Use '-' to read
    identifiers from stdin.
    """
    from litcli.cli.common import check_metrics_format, exit_for_ids, ids_from_args, looking_up
    from litcli.records import RecordSource

    if offline and refresh:
        raise click.UsageError("--offline and --refresh cannot be combined (refresh needs PubMed)")
    with_metrics = metrics if metrics is not None else fmt == "text"
    if metrics:
        check_metrics_format(fmt, ("text", *METRIC_EXPORT_FORMATS))
    parsed, malformed = ids_from_args(identifiers)
    found: dict = {}
    with looking_up(offline), RecordSource(offline=offline, refresh=refresh, warn=warn) as source:
        records, failures = source.get(parsed)
        if records and with_metrics:  # iCite's citation metrics beside the record's flags
            found = source.metrics([r.pmid for r in records])
    if records:
        _output(records, fmt, found if with_metrics else None)
    exit_for_ids(malformed, failures)


def _output(records: list, fmt: str, metrics: dict | None) -> None:
    """``metrics`` None: none asked (the record alone); a dict: by PMID, a PMID iCite
    does not know is absent (text: no line; json: ``"metrics": null``; csv: empty cells)."""
    from litcli.cli.common import make_console

    if fmt == "text":
        from rich.rule import Rule

        from litcli import render

        console = make_console()
        for i, record in enumerate(records):
            if i:
                if stdout_is_tty():
                    console.print(Rule(style="dim"))
                else:
                    console.print()
            render.print_record(record, console)
            if metrics and record.pmid in metrics:
                from rich.text import Text

                from litcli.citetable import metrics_lines

                for line in metrics_lines(record, metrics[record.pmid]):
                    console.print(Text(line, style="red" if record.retracted else ""), soft_wrap=True)
        return
    if metrics is not None:
        from litcli import citetable

        found = metrics
        citetable.write_records(records, lambda _pmids: found, fmt, None, abstracts=True)
        return
    from litcli import formats

    formats.write_records(records, fmt, None, abstracts=True)
