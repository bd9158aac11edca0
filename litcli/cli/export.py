"""`litcli export`: records by identifier, written in a citation format."""

from __future__ import annotations

import sys

import click

from litcli.cli.common import (
    EXPORT_FORMATS,
    format_option,
    mark_retracted_option,
    metrics_option,
    read_id_args,
    timeout_option,
    warn,
    warn_unmarkable,
)
from litcli.cli.errors import exit_with

EPILOG = """\b
Examples:
  litcli export 23392687 10.1038/npp.2013.22 PMC3668120 -f ris
  litcli search --topic esketamine --format ids | litcli export - -f bibtex -o refs.bib
  litcli export 23392687 -f csl-json -o refs.json --force
  litcli export 23392687 10.1038/npp.2013.22 -f csv --metrics -o cited.csv

\b
Exit codes: 0 all exported; 2 bad option, -o target exists without --force,
or an identifier is malformed (each named on stderr, the valid ones still
exported); 3 some identifiers are unknown (each named on stderr, the rest
exported); 4/5 NCBI unreachable / NCBI error.
"""


@click.command(epilog=EPILOG)
@click.argument("identifiers", nargs=-1, required=True, metavar="ID...")
@format_option(EXPORT_FORMATS, default="bibtex")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=str),
    help="Write to FILE (atomically) instead of stdout; - is stdout.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing --output file.")
@click.option(
    "--abstracts",
    is_flag=True,
    help="Include abstracts (bibtex, ris, csl-json, csv, tsv, markdown).",
)
@mark_retracted_option
@metrics_option
@click.option("--offline", is_flag=True, help="Use only the local library; never contact NCBI.")
@timeout_option
def export(
    identifiers: tuple[str, ...],
    fmt: str,
    output: str | None,
    force: bool,
    abstracts: bool,
    mark_retracted: bool | None,
    metrics: bool,
    offline: bool,
) -> None:
    """Export records as BibTeX, RIS, CSL-JSON, MEDLINE, CSV, JSON, Markdown, AMA or Vancouver.

    ID is a PMID, DOI, PMCID or PubMed URL; `-` reads identifiers from stdin
    (one per line).  Records come from the local library when fresh, else from
    PubMed.
    """
    from litcli import formats
    from litcli.cli.common import parse_id_args, report_ids
    from litcli.errors import ExitCode, InvalidInputError, NotFoundError
    from litcli.records import RecordSource

    if output == "-":  # `-o -`: stdout, as in `library export`
        output = None
    if metrics:
        from litcli.cli.common import check_metrics_format

        check_metrics_format(fmt)
    parsed, malformed = parse_id_args(read_id_args(identifiers))
    if not parsed:
        raise InvalidInputError(
            "no identifiers given", hint="pass IDs as arguments or pipe them to `-`"
        )
    idents = _unique(parsed)
    if output is not None:
        formats.check_output_path(output, force=force)  # fail before any network traffic

    progress = _Progress()
    found: dict = {}
    try:
        with RecordSource(offline=offline, warn=warn) as source:
            records, failures = source.get(idents, progress=progress)
            if metrics and records:  # iCite's, beside each record's flags
                found = source.metrics([r.pmid for r in records])
    finally:
        progress.end()
    report_ids(malformed, failures)
    if not records:
        asked = len(idents) + len(malformed)
        what = (
            f"none of the {asked} identifiers was found" if asked > 1 else "nothing to export"
        )
        if malformed:  # a usage error, as in `show`
            raise InvalidInputError(what + f" ({len(malformed)} invalid)")
        raise NotFoundError(what, hint="try without --offline" if offline else None)

    warn_unmarkable(fmt, mark_retracted)
    if metrics:
        from litcli import citetable

        target, _ = citetable.write_records(
            records, lambda _pmids: found, fmt, output, abstracts=abstracts, force=force,
            mark_retracted=mark_retracted,
        )
    else:
        target, _ = formats.write_records(
            records, fmt, output, abstracts=abstracts, force=force, mark_retracted=mark_retracted
        )
    if target is not None:
        noun = "record" if len(records) == 1 else "records"
        click.echo(f"Wrote {len(records)} {noun} to {target} ({fmt})", err=True)
    if malformed:
        exit_with(ExitCode.USAGE)
    if failures:
        exit_with(ExitCode.NOT_FOUND)


def _unique(idents: list) -> list:
    """Identifiers without repeats (same kind and value), order kept."""
    seen: set[tuple[str, str]] = set()
    out = []
    for ident in idents:
        if (ident.kind, ident.value) not in seen:
            seen.add((ident.kind, ident.value))
            out.append(ident)
    return out


class _Progress:
    """'Fetching records 3/10…' on stderr, only when stderr is a terminal."""

    def __init__(self) -> None:
        try:
            self.enabled = sys.stderr.isatty()
        except (AttributeError, ValueError):
            self.enabled = False
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if self.enabled:
            self.shown = True
            click.echo(f"\rFetching records {done}/{total}…", err=True, nl=False)

    def end(self) -> None:
        if self.shown:
            click.echo("\r\x1b[K", err=True, nl=False)
