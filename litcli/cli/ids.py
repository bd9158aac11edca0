"""`litcli ids ID...`: PMID, PMCID and DOI of each article (conversion between them)."""

from __future__ import annotations

import click

from litcli.cli.common import timeout_option, warn

IDS_FORMATS = ["table", "csv", "json"]


@click.command(
    epilog="""\b
Examples:
  litcli ids 23392687
  litcli ids 10.1038/npp.2013.22 PMC3668120 -f csv
  litcli search ketamine --format ids | litcli ids - -f json
"""
)
@click.argument("identifiers", nargs=-1, required=True, metavar="ID...")
@click.option("-f", "--format", "fmt", type=click.Choice(IDS_FORMATS), default="table",
              show_default=True, help="Output format.")
@click.option("--offline", is_flag=True, help="Answer from the local library only; no network.")
@timeout_option
def ids(identifiers: tuple[str, ...], fmt: str, offline: bool) -> None:
    """Convert between PMID, PMCID and DOI: one row per identifier given.

    The library answers what it knows; other DOIs and PMCIDs are found with
    one PubMed search ("10.x/y"[doi], PMC…[pmcid]) and their records kept.
    PMCIDs and DOIs PubMed does not give come from the PMC ID converter
    (200 PMIDs a request).  Unknown IDs: "Not found" on stderr, exit 3.
    """
    import csv
    import json
    import sys

    from litcli.cli.common import exit_for_ids, ids_from_args, looking_up
    from litcli.idconv import ArticleIds, fill
    from litcli.records import RecordSource

    parsed, malformed = ids_from_args(identifiers)
    with looking_up(offline), RecordSource(offline=offline, warn=warn) as source:
        records, failures = source.get(parsed)
    rows = [ArticleIds(r.pmid, (r.pmcid or "").upper() or None, r.doi or None) for r in records]
    if rows and not offline:
        fill(rows, warn=warn)
    if fmt == "json":
        data = [{"pmid": r.pmid, "pmcid": r.pmcid, "doi": r.doi} for r in rows]
        click.echo(json.dumps(data, indent=2))
    elif rows:
        writer = csv.writer(sys.stdout, dialect="excel" if fmt == "csv" else "excel-tab",
                            lineterminator="\r\n" if fmt == "csv" else "\n")
        writer.writerow(["pmid", "pmcid", "doi"] if fmt == "csv" else ["PMID", "PMCID", "DOI"])
        for r in rows:
            writer.writerow([r.pmid or "", r.pmcid or "", r.doi or ""])
        sys.stdout.flush()
    exit_for_ids(malformed, failures)
