"""`litcli related ID --cited-by | --references | --similar`: linked records as a citation table."""

from __future__ import annotations

import click

from litcli.cli.common import format_option, timeout_option, warn

EPILOG = """\b
Examples:
  litcli related 23392687 --cited-by
  litcli related 10.1038/npp.2013.22 --references -f bibtex -o refs.bib
  litcli related PMC3668120 --similar --max 50 --metrics
  litcli related 23392687 --cited-by --offline      # links and records kept in the library

\b
Links come from PubMed (elink): --cited-by are the PubMed records citing ID
(as PubMed Central knows them), --references those it cites, --similar
PubMed's similar articles (best first). Records already in the local library
are not fetched again; the links are kept there too (asked again after a day).
--offline answers from the library alone: links never asked there are an error
(exit 3) naming them; linked records it lacks are named in one warning.
"""


@click.command(epilog=EPILOG)
@click.argument("identifiers", nargs=-1, required=True, metavar="ID...")
@click.option("--cited-by", "kind", flag_value="cited-by", help="Records that cite ID.")
@click.option("--references", "kind", flag_value="references", help="Records ID cites.")
@click.option("--similar", "kind", flag_value="similar", help="PubMed's similar articles.")
@click.option(
    "-n", "--max", "max_results", type=click.IntRange(1, 9999), default=20, show_default=True,
    help="Linked records to show.",
)
@format_option()
@click.option("--abstracts", is_flag=True, help="Abstracts too (as in search).")
@click.option(
    "--metrics", is_flag=True,
    help="Add NIH iCite citation metrics as columns (table, csv, tsv, json, jsonl).",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=str), metavar="FILE",
    help="Write to FILE (atomically) instead of stdout; - is stdout.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing --output file.")
@click.option(
    "--offline", is_flag=True,
    help="Answer from the local library only (links and records kept by earlier runs).",
)
@click.option(
    "--refresh", is_flag=True,
    help="Ask PubMed for the links and records even if the library has them.",
)
@timeout_option
def related(
    identifiers: tuple[str, ...], kind: str | None, max_results: int, fmt: str, abstracts: bool,
    metrics: bool, output: str | None, force: bool, offline: bool, refresh: bool,
) -> None:
    """Records linked to ID (PMID, DOI, PMCID or PubMed URL): citing it, cited by it, or similar.

    Prints the same citation table as `search` (and every format of it).
    Unknown IDs are named on stderr ("Not found: ...", exit 3).
    """
    from litcli.cli.common import (
        METRIC_EXPORT_FORMATS,
        check_metrics_format,
        exit_for_ids,
        ids_from_args,
        looking_up,
        report_ids,
    )
    from litcli.cli.search import _Metrics, _Sink
    from litcli.records import RecordSource
    from litcli.related import LABELS, LinksNotKept

    if kind is None:
        raise click.UsageError("say which links: --cited-by, --references or --similar")
    if offline and refresh:
        raise click.UsageError("--offline and --refresh cannot be combined (refresh needs PubMed)")
    if output == "-":
        output = None
    if metrics:
        check_metrics_format(fmt, ("table", *METRIC_EXPORT_FORMATS))
    if output is not None:
        from litcli.formats import check_output_path

        check_output_path(output, force=force)
    parsed, malformed = ids_from_args(identifiers)
    with looking_up(offline), RecordSource(offline=offline, refresh=refresh, warn=warn) as source:
        found, failures = source.get(parsed)
        pmids = [r.pmid for r in found]
        try:
            linked = source.links(pmids, kind) if pmids else []
        except LinksNotKept:  # offline: the IDs not found are named before the error
            report_ids(malformed, failures)
            raise
        shown = linked[:max_results]
        records, missing = source.get(shown) if shown else ([], [])
    if missing and offline:
        warn(f"{len(missing):,} of the {len(shown):,} linked records are not in the local library "
             f"(first: {missing[0][0]}); run without --offline to fetch them")
    elif missing:
        warn(f"{len(missing):,} linked PMID(s) gave no record (first: {missing[0][0]}: {missing[0][1]})")
    if pmids:
        label = f"{LABELS[kind]} {', '.join(pmids)}"
        if not linked:
            click.echo(f"No PubMed links ({kind}) for: {', '.join(pmids)}", err=True)
        sink = _Sink(fmt, abstracts, False, output, force, max_results)
        if metrics:
            sink.metrics = _Metrics(offline=offline, refresh=refresh, sort=None)
        header = f"Showing {len(records):,} of {len(linked):,} · {label}"
        sink.write(records, header, len(linked), online=False)
    exit_for_ids(malformed, failures)
