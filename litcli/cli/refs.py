"""`litcli refs ARTICLE`: the article's references resolved against PubMed (issue 11)."""

from __future__ import annotations

import sys

import click

from litcli.cli.common import make_console, stdout_is_tty, timeout_option, warn

FORMATS = ["table", "json", "markdown"]
PROGRESS_FROM = 20  # references: shorter lists resolve without progress lines


@click.command(
    epilog="""\b
Examples:
  litcli refs draft.md
  litcli refs article.html --format json -o refs.json
  litcli refs https://example.org/post --strict
  cat draft.txt | litcli refs - --offline --format markdown
  litcli refs draft.md --support --format json

Statuses: found, ambiguous (candidates listed), not found; plus mismatches
(year, first author, journal, volume, pages) and the record's flags
(retracted, retraction notice, expression of concern, erratum).
--strict exits with status 8 when a reference is not found, is retracted
or carries an expression of concern.  When NCBI fails after retries, the
audit is still written, those references are "not checked", exit 9.
--support judges each citing sentence against what it cites: cited source
supports / contradicts / does not address it / could not be resolved.
Schema: litcli.refs/1 (docs/CHECK.md).
"""
)
@click.argument("article", metavar="ARTICLE")
@click.option("--offline", is_flag=True, help="Resolve from the local library only (no network).")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
    help="Output format (table: tab-separated when piped).",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE (atomically); - is stdout.")
@click.option("--force", is_flag=True, help="Overwrite an existing --output file (never the ARTICLE itself).")
@click.option("--strict", is_flag=True,
              help="Exit 8 if a reference is not found, retracted or has an expression of concern.")
@click.option("--support", is_flag=True,
              help="Also judge each citing sentence against the abstract of every record it cites.")
@click.option("--max-searches", type=click.IntRange(0), default=200, show_default=True,
              help="At most N title searches (one PubMed request each); 0: no limit. The rest are named.")
@click.option("-q", "--quiet", is_flag=True, help="No progress on stderr.")
@timeout_option
def refs(article: str, offline: bool, fmt: str, output: str | None, force: bool, strict: bool,
         support: bool, max_searches: int, quiet: bool) -> None:
    """Resolve an ARTICLE's references and citations against PubMed.

    ARTICLE is a text, Markdown or HTML file, an http(s) URL, or - for stdin.
    Each reference is matched by its PMID, PMCID or DOI, else by NCBI ECitMatch
    (journal, year, volume, page, author; one request for all), else by a title
    search; found records are compared with the reference and kept in the library.
    """
    from litcli.cli.check import _refuse_article_as_output
    from litcli.cli.errors import exit_with
    from litcli.errors import ExitCode
    from litcli.refs import report as rep
    from litcli.refs.document import read_document
    from litcli.refs.resolve import audit

    if output == "-":
        output = None
    if output:
        from litcli.formats import check_output_path

        _refuse_article_as_output(article, output)
        check_output_path(output, force=force)  # before any network use
    doc = read_document(article)
    progress = None if quiet else _Progress()
    try:
        result = audit(doc, offline=offline, warn=warn, progress=progress, max_searches=max_searches or None)
    finally:
        if progress is not None:
            progress.close()
    if support:
        from litcli.refs.support import judge_citations

        result.support = judge_citations(result)
    if fmt == "json":
        _emit(rep.dumps_json(result), output, fmt, force)
    elif fmt == "markdown":
        _emit(rep.to_markdown(result), output, fmt, force)
    elif not result.references:
        pass  # nothing to tabulate: the one-line note below says so
    elif output or not stdout_is_tty():
        lines = rep.support_lines(result)
        _emit(rep.to_tsv(result) + ("\nCitation support\n" + "\n".join(lines) + "\n" if lines else ""),
              output, fmt, force)
        for line in rep.footer(result):
            click.echo(line, err=True)
    else:
        rep.render_terminal(result, make_console())
    if not result.references:
        click.echo(f"refs: no references found in {doc.label}: no reference list (a \"References\", "
                   "\"Sources\" or \"Bibliography\" heading) and no PubMed, DOI or PMC links", err=True)
    elif offline and any(r.status == "not found" for r in result.references):
        missing = [r.ref.label for r in result.references if r.status == "not found"]
        click.echo(f"refs --offline: {len(missing)} reference{'s' if len(missing) != 1 else ''} not in the "
                   f"local library: {', '.join(missing[:30])}{' …' if len(missing) > 30 else ''} "
                   "(run without --offline to look them up in PubMed)", err=True)
    if strict and result.failed:
        bad = result.failed
        click.echo(
            f"refs --strict: {len(bad)} reference{'s' if len(bad) != 1 else ''} not found, retracted or "
            f"with an expression of concern: {', '.join(r.ref.label for r in bad[:30])}"
            + (" …" if len(bad) > 30 else ""),
            err=True,
        )
        exit_with(ExitCode.CHECK_FAILED)
    if result.incomplete:
        left = result.incomplete
        click.echo(
            f"refs: the audit is incomplete: {len(left)} reference{'s' if len(left) != 1 else ''} could not be "
            f"checked because NCBI failed after retries ({', '.join(r.ref.label for r in left[:30])}"
            f"{' …' if len(left) > 30 else ''}, marked \"not checked\"); run the audit again later",
            err=True,
        )
        exit_with(ExitCode.INCOMPLETE)


def _emit(text: str, output: str | None, fmt: str, force: bool) -> None:
    if output:
        from litcli.formats import write_text

        path = write_text(output, text, force=force)
        click.echo(f"Wrote {fmt} reference audit to {path}", err=True)
    else:
        click.echo(text, nl=False)


class _Progress:
    """Progress on stderr for long lists: one line per stage (and every 10 title searches)."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.seen: set[str] = set()

    def __call__(self, stage: str, done: int, total: int) -> None:
        message = self._message(stage, done, total)
        if message:
            click.echo(message, err=True)

    def _message(self, stage: str, done: int, total: int) -> str | None:
        if stage == "ecitmatch" and done == 0 and total >= PROGRESS_FROM:
            return f"Matching {total} citations with NCBI ECitMatch (one request)…"
        if stage == "title" and total >= PROGRESS_FROM // 2 and (done == 1 or done % 10 == 0 or done == total):
            return f"Searching PubMed by title: {done}/{total}…"
        if stage == "fetch" and done == 0 and total >= PROGRESS_FROM:
            return f"Fetching {total} records (library first, then PubMed)…"
        return None

    def close(self) -> None:
        pass
