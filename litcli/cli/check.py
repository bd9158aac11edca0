"""`litcli check ARTICLE`: a claim-by-claim evidence report."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from litcli.cli.common import make_console, timeout_option, warn

if TYPE_CHECKING:
    from litcli.claims.extract import Skipped

FORMATS = ["terminal", "markdown", "json"]


@click.command(
    epilog="""\b
Examples:
  litcli check article.txt
  litcli check https://example.org/post --format markdown -o report.md
  litcli check article.html --claims-only
  cat article.md | litcli check - --format json --strict

Verdicts: supported, mixed, limited, contradicted, no evidence found,
not checkable; plus an independent "overstated" flag (docs/CHECK.md).
--strict exits with status 8 when a claim is contradicted or has no evidence
(never for limited, mixed or not checkable), or when nothing was checked (no
claims found, or none checkable).
When NCBI fails for a claim after retries, the report is still written with
that claim "not checked" and the exit status is 9 (incomplete).
An article with a reference list or PubMed/DOI/PMC links has its references
resolved (as `litcli refs`) and each citing claim judged against what it
cites, beside PubMed: "cites [3] Smith 2019 — does not address it; PubMed:
supported by 2 RCTs" (cited source supports / contradicts / does not address
it / could not be resolved).
"""
)
@click.argument("article", metavar="ARTICLE")
@click.option("--claims-only", is_flag=True, help="Only list the claims found (no network).")
@click.option("--offline", is_flag=True, help="Answer from the local library instead of PubMed.")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(FORMATS), default="terminal", show_default=True,
    help="Report format.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE (atomically); - is stdout.")
@click.option("--force", is_flag=True, help="Overwrite an existing --output file (never the ARTICLE itself).")
@click.option("--strict", is_flag=True, help="Exit 8 if any claim is contradicted or has no evidence.")
@click.option("--max", "retmax", type=click.IntRange(1, 100), default=10, show_default=True,
              help="PubMed records considered per claim.")
@click.option("--top", type=click.IntRange(1, 20), default=5, show_default=True,
              help="Citations shown per claim.")
@click.option("--max-claims", type=click.IntRange(0), default=200, show_default=True,
              help="Check at most N claims (one PubMed search each); 0: all. The rest are named on stderr.")
@click.option("--max-searches", type=click.IntRange(0), default=200, show_default=True,
              help="At most N title searches for the article's own references (as refs); 0: no limit.")
@click.option("--no-cache", is_flag=True, help="Ignore cached searches (records in the library are still reused).")
@click.option("-q", "--quiet", is_flag=True, help="No progress on stderr.")
@timeout_option
def check(
    article: str,
    claims_only: bool,
    offline: bool,
    fmt: str,
    output: str | None,
    force: bool,
    strict: bool,
    retmax: int,
    top: int,
    max_claims: int,
    max_searches: int,
    no_cache: bool,
    quiet: bool,
) -> None:
    """Check an ARTICLE's claims against PubMed.

    ARTICLE is a text, Markdown or HTML file, an http(s) URL, or - for stdin.
    Each claim gets a PubMed query, the best abstracts' sentences as
    rationale, a graded verdict and a one-sentence reason.
    """
    from litcli.claims import report as rep
    from litcli.claims.extract import extract_claims, parse_article, read_source
    from litcli.cli.errors import exit_with
    from litcli.errors import ExitCode

    if output == "-":
        output = None  # `-o -`: stdout, as with export
    if output:
        from litcli.formats import check_output_path

        _refuse_article_as_output(article, output)
        check_output_path(output, force=force)  # fail before any network use
    data, kind = read_source(article)  # read once: stdin and URLs cannot be read twice
    art = parse_article(data, kind=kind, source=article)
    doc = _citation_document(data, kind, article)
    if claims_only:
        from litcli.claims.check import drop_reference_entries

        skipped: list[Skipped] = []
        claims = extract_claims(art, skipped=skipped)
        if doc is not None:
            claims = drop_reference_entries(claims, skipped, doc)
        _emit(_claims_text(art, claims, skipped, fmt), output, fmt, force)
        if not claims:
            _no_claims_note(art, skipped, hint=False)
            if strict:
                exit_with(ExitCode.CHECK_FAILED)
        return
    progress = None if quiet else _progress_printer(offline)
    try:
        from litcli.claims.check import check_article

        report = check_article(
            art, offline=offline, retmax=retmax, use_cache=not no_cache, progress=progress, warn=warn,
            max_claims=max_claims or None, document=doc, max_searches=max_searches or None,
        )
    finally:
        if progress is not None:
            progress.close()
    if fmt == "json":
        _emit(rep.dumps_json(report, top=top), output, fmt, force)
    elif fmt == "markdown":
        _emit(rep.to_markdown(report, top=top), output, fmt, force)
    elif output:
        _emit(_terminal_text(report, top), output, fmt, force)
    else:
        console = make_console()
        if not console.is_terminal and console.width < 140:
            console.width = 140  # piped output is not wrapped by anyone: a comfortable fixed width
        rep.render_terminal(report, console, top=top)
    if not report.results:
        _no_claims_note(art, report.skipped)
    elif not report.checked:
        n = len(report.results)
        which = "the only claim found in {} is" if n == 1 else f"all {n} claims found in {{}} are"
        click.echo(
            f"check: {which.format(art.label)} \"not checkable\": nothing was searched (the report says why)",
            err=True,
        )
    if report.incomplete:
        nums = ", ".join(str(r.claim.number) for r in report.incomplete)
        n = len(report.incomplete)
        click.echo(
            f"check: the report is incomplete: {n} of {len(report.results)} claims could not be "
            f"checked because NCBI failed after retries (claim{'s' if n != 1 else ''} {nums}, "
            "marked \"not checked\"); run the check again later",
            err=True,
        )
    if report.citations_incomplete:
        click.echo(
            "check: the citation check is incomplete: NCBI failed after retries while resolving the "
            "article's references (those citations are marked \"could not be resolved\", \"not checked: …\"); "
            "run the check again later",
            err=True,
        )
    if strict and report.failed:
        if not report.checked:
            click.echo("check --strict: nothing was checked", err=True)
            exit_with(ExitCode.INCOMPLETE if report.incomplete else ExitCode.CHECK_FAILED)
        bad = [r.claim.number for r in report.results if r.verdict.verdict in ("contradicted", "no evidence found")]
        where = ""
        if offline:
            held = report.library_size or 0
            where = f" (offline: only the local library was searched, {held} record{'s' if held != 1 else ''})"
        click.echo(
            f"check --strict: {len(bad)} claim{'s' if len(bad) != 1 else ''} contradicted or without evidence: "
            + ", ".join(str(n) for n in bad)
            + where,
            err=True,
        )
        exit_with(ExitCode.CHECK_FAILED)
    if report.incomplete or report.citations_incomplete:
        exit_with(ExitCode.INCOMPLETE)


def _citation_document(data: bytes, kind: str, source: str) -> Any:
    """The article read with its citation marks (``litcli.refs.document``) for the citation
    check; None when it cannot be read that way (the claims are still checked)."""
    from litcli.errors import LitcliError
    from litcli.refs.document import parse_document

    try:
        return parse_document(data, kind=kind, source=source)
    except LitcliError:
        return None


def _no_claims_note(art: Any, skipped: list[Any], *, hint: bool = True) -> None:
    """A non-empty article that gave no claims must not pass silently: say why, on stderr."""
    from litcli.claims.extract import no_claims_reason

    click.echo(f"check: no claims found in {art.label}: {no_claims_reason(art, skipped, hint=hint)}", err=True)


def _refuse_article_as_output(article: str, output: str) -> None:
    """`check art.txt -o art.txt` would replace the article with its report: always refuse."""
    import os
    import re

    from litcli.errors import InvalidInputError

    if article == "-" or re.match(r"https?://", article, re.IGNORECASE):
        return
    try:
        same = os.path.samefile(os.path.expanduser(article), os.path.expanduser(output))
    except OSError:  # one of them does not exist (yet): not the same file
        return
    if same:
        raise InvalidInputError(
            f"-o {output} is the article being checked; choose another file for the report "
            "(--force never overwrites the article)"
        )


def _emit(text: str, output: str | None, fmt: str, force: bool = False) -> None:
    if output:
        from litcli.formats import write_text

        path = write_text(output, text, force=force)
        click.echo(f"Wrote {fmt} report to {path}", err=True)
    else:
        click.echo(text, nl=False)


def _terminal_text(report: Any, top: int) -> str:
    import io

    from rich.console import Console

    from litcli.claims.report import render_terminal

    buf = io.StringIO()
    console = Console(file=buf, no_color=True, color_system=None, width=120, markup=False,
                      highlight=False, emoji=False, force_terminal=False, soft_wrap=True)
    render_terminal(report, console, top=top)
    return buf.getvalue()


def _claims_text(art: Any, claims: list[Any], skipped: list[Any], fmt: str) -> str:
    """``--claims-only``: the claims, then what was skipped and why (every format)."""
    from litcli.textsafe import one_line

    if fmt == "json":
        import json

        from litcli import __version__

        doc = {
            "schema": "litcli.check/1",
            "generator": f"litcli {__version__}",
            "mode": "claims-only",
            "source": {"location": art.source, "kind": art.kind, "title": art.title},
            "summary": {"claims": len(claims)},
            "claims": [c.to_dict() for c in claims],
            "skipped": [
                {"text": s.text, "reason": s.reason, "location": {"paragraph": s.paragraph, "line": s.line}}
                for s in skipped
            ],
        }
        from litcli.textsafe import json_inert

        return json_inert(json.dumps(doc, indent=2, ensure_ascii=False)) + "\n"
    from litcli.claims.report import shorten

    lines: list[str] = []
    if fmt == "markdown":
        from litcli.claims.report import _md

        lines += [f"# Claims in {_md(art.title or art.label)}", ""]
        lines += [f"{c.number}. {_md(c.text)} *({c.location})*" for c in claims]
        if not claims:
            lines.append("No claims found.")
        if skipped:
            lines += ["", f"## Skipped ({len(skipped)})", ""]
            lines += [f"- {_md(shorten(s.text, 100))} *({_md(s.reason)}; {_where(s)})*" for s in skipped]
    else:
        lines.append(f"{len(claims)} claim{'s' if len(claims) != 1 else ''} in {one_line(art.title or art.label)}")
        for c in claims:
            lines.append(f"{c.number:>3}. {one_line(c.text)}")
            lines.append(f"     {c.location}")
        if skipped:
            lines += ["", f"Skipped ({len(skipped)}):"]
            lines += [f"  - {shorten(s.text, 80)}  [{s.reason}; {_where(s)}]" for s in skipped]
    return "\n".join(lines) + "\n"


def _where(s: Any) -> str:
    return f"paragraph {s.paragraph}" + (f", line {s.line}" if s.line else "")


class _progress_printer:
    """Progress on stderr: a bar on a terminal, one line per claim otherwise."""

    def __init__(self, offline: bool = False) -> None:
        self.where = "the library" if offline else "PubMed"
        self.tty = sys.stderr.isatty()
        self.bar: Any = None
        self.task: Any = None
        self.refs_said = False

    def __call__(self, event: str, index: int, total: int, claim: Any) -> None:
        if event == "assess":
            return
        if event.startswith("refs:"):  # the article's own references, resolved before the claims
            if not self.refs_said:
                self.refs_said = True
                where = "in the library" if self.where == "the library" else "(library first, then PubMed)"
                click.echo(f"Resolving the article's references {where}…", err=True)
            return
        if event == "fetch":
            msg = f"Fetching {index} new record{'s' if index != 1 else ''} from PubMed…"
            if self.bar is not None:
                self.bar.update(self.task, description=msg)
            else:
                click.echo(msg, err=True)
            return
        msg = f"Checking claim {index}/{total} ▸ searching {self.where}…"
        if not self.tty:
            click.echo(msg, err=True)
            return
        if self.bar is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                console=make_console(stderr=True), transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task(msg, total=total)
        self.bar.update(self.task, completed=index - 1, description=msg)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
