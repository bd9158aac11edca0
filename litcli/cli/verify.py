"""`litcli verify CLAIM ID...`: one claim against given records, a pasted abstract, or pairs."""

from __future__ import annotations

import sys
from typing import IO, Any

import click

from litcli.cli.common import warn

FORMATS = ["table", "json", "jsonl", "markdown"]


@click.command(
    epilog="""\b
Examples:
  litcli verify "Ketamine reduces depressive symptoms." 23392687 10.1038/npp.2013.22
  litcli verify "Ketamine reduces depressive symptoms." 23392687 --format json
  litcli verify "Esketamine is safe." PMC3668120 --offline
  pbpaste | litcli verify "Ketamine reduces suicidal ideation." --abstract -
  litcli verify --pairs pairs.jsonl > judged.jsonl

\b
--pairs: one JSON object per line, {"id", "claim", "abstract": text or
[sentences], "title"?} or {"id", "claim", "pmid"}; out comes exactly one
JSON line per input line, in input order: {"id", "stance", "rationale",
"frame", ...} or {"id", "error"} (schema litcli.verify/1, docs/CHECK.md).
Exit codes: 2 bad claim or option, 3 unknown IDs (the rest are shown),
4/5 NCBI unreachable / failing, 6 unreadable abstract or pairs file, or
every --pairs line failed.
"""
)
@click.argument("claim", required=False, metavar="[CLAIM]")
@click.argument("identifiers", nargs=-1, metavar="[ID...]")
@click.option(
    "--abstract", "abstract", metavar="FILE",
    help="Judge the claim against a pasted abstract in FILE (- for stdin) instead of records.",
)
@click.option("--title", metavar="TEXT", help="The title of the --abstract (optional).")
@click.option(
    "--pairs", "pairs", metavar="FILE",
    help="Batch: judge each JSONL line of FILE (- for stdin); JSONL out, one line per line in.",
)
@click.option(
    "-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
    help="Output format  [default: table; --pairs: jsonl only].",
)
@click.option("--offline", is_flag=True, help="Records from the local library only; no network.")
@click.option("--refresh", is_flag=True, help="Fetch from PubMed even if the library has the record.")
def verify(
    claim: str | None,
    identifiers: tuple[str, ...],
    abstract: str | None,
    title: str | None,
    pairs: str | None,
    fmt: str | None,
    offline: bool,
    refresh: bool,
) -> None:
    """Judge a CLAIM against records (PMID, DOI, PMCID, PubMed URL), a pasted
    abstract, or a JSONL file of claim-abstract pairs.

    For each record: its stance (supports, contradicts, neutral), grade (design,
    n, human/animal), flags (a retracted record is shown but not counted) and
    the 1-3 abstract sentences the stance rests on, with their cue; then one
    overall line.  Records come from the local library when it has them,
    otherwise from PubMed in one request.  Use '-' as an ID to read IDs from stdin.
    """
    if offline and refresh:
        raise click.UsageError("--offline and --refresh cannot be combined (refresh needs PubMed)")
    if pairs is not None:
        if claim is not None or identifiers:
            raise click.UsageError("--pairs takes no CLAIM or IDs (each line has its own claim)")
        if abstract is not None or title is not None:
            raise click.UsageError("--pairs cannot be combined with --abstract or --title")
        if fmt not in (None, "jsonl"):
            raise click.UsageError("--pairs writes JSONL only (one line per input line)")
        _run_pairs(pairs, offline=offline, refresh=refresh)
        return
    fmt = fmt or "table"
    if claim is None:
        raise click.UsageError("give a CLAIM and IDs, a CLAIM and --abstract FILE, or --pairs FILE")
    from litcli.claims import verify as core

    if abstract is not None:
        if identifiers:
            raise click.UsageError("give IDs or --abstract, not both")
        claim_text = core.check_claim(claim)
        text = core.read_abstract(abstract)
        report = core.verify_abstract(claim_text, text, source=abstract, title=title)
        _output(report, fmt)
        return
    if title is not None:
        raise click.UsageError("--title goes with --abstract")
    if not identifiers:
        raise click.UsageError(
            "no IDs given: verify CLAIM ID..., CLAIM --abstract FILE, or --pairs FILE"
        )
    _run_ids(core.check_claim(claim), identifiers, fmt, offline=offline, refresh=refresh)


def _max_age(refresh: bool) -> float | None:
    if not refresh:
        return None
    return 0


def _run_ids(claim: str, identifiers: tuple[str, ...], fmt: str, *, offline: bool, refresh: bool) -> None:
    from litcli.claims import verify as core
    from litcli.cli.common import exit_for_ids, ids_from_args, looking_up

    parsed, malformed = ids_from_args(identifiers)
    with looking_up(offline):
        report = core.verify_records(claim, parsed, offline=offline, max_age=_max_age(refresh), warn=warn)
    _output(report, fmt)
    exit_for_ids(malformed, report.not_found)


def _run_pairs(source: str, *, offline: bool, refresh: bool) -> None:
    from litcli.claims import verify as core
    from litcli.cli.errors import exit_with
    from litcli.errors import ExitCode, InputFileError

    name = "stdin" if source == "-" else source
    stream: IO[bytes]
    if source == "-":
        stream = sys.stdin.buffer
    else:
        try:
            stream = open(source, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise InputFileError(f"cannot read {source}: {exc.strerror or exc}") from None
    fetch = None
    if refresh:
        from litcli import service

        def fetch(ids: Any, **kw: Any) -> Any:
            return service.get_records(ids, max_age=0, **kw)

    run = core.PairsRun(stream, offline=offline, warn=warn, fetch=fetch)
    out = sys.stdout
    try:
        for obj in run:
            out.write(core.dumps_line(obj))
            out.write("\n")
            out.flush()
    finally:
        if source != "-":
            stream.close()
    if run.fetch_error is not None:
        from litcli.cli.errors import error_message

        click.echo(error_message(run.fetch_error), err=True)
        exit_with(run.fetch_error.exit_code)
    if run.lines == 0:
        raise InputFileError(f"{name} has no lines (expected one JSON object per line)")
    if run.failed:
        click.echo(
            f"verify: {run.failed:,} of {run.lines:,} lines failed (their output lines carry \"error\")",
            err=True,
        )
    if run.failed == run.lines:
        exit_with(ExitCode.INPUT)


# --- rendering -----------------------------------------------------------------------------------


def _output(report: Any, fmt: str) -> None:
    from litcli.claims import verify as core

    if fmt == "json":
        import json

        from litcli.textsafe import json_inert

        click.echo(json_inert(json.dumps(report.to_dict(), ensure_ascii=False, indent=2)))
    elif fmt == "jsonl":
        for r in report.results:
            click.echo(core.dumps_line({"schema": core.SCHEMA, **r.to_dict()}))
    elif fmt == "markdown":
        click.echo(to_markdown(report), nl=False)
    else:
        from litcli.cli.common import make_console

        render_terminal(report, make_console())


_STANCE_STYLES = {"supports": "green", "contradicts": "bold red", "neutral": "dim"}


def _describe(r: Any) -> list[str]:
    bits = []
    if r.design:
        bits.append(r.design)
    if r.n:
        bits.append(f"n={r.n}")
    if r.model:
        bits.append(r.model)
    return bits


def render_terminal(report: Any, console: Any) -> None:
    """One block per record (or the pasted abstract), then the overall line.  Untrusted text
    is one_line()d and printed as rich Text (never markup); colour only on a terminal."""
    from rich.text import Text

    from litcli.textsafe import one_line

    console.print(Text.assemble(("Claim: ", "bold"), one_line(report.claim)))
    for r in report.results:
        console.print()
        d = r.judgement.to_dict()
        head = Text()
        if r.record is not None:
            rec = r.record
            head.append(f"[{rec.pmid}] ", style="bold")
            who = " ".join(x for x in (one_line(rec.first_author), str(rec.year or "")) if x)
            head.append(" · ".join(x for x in [who, *_describe(r)] if x))
        else:
            source = "stdin" if report.source in (None, "-") else one_line(str(report.source))
            head.append(f"Abstract ({source})", style="bold")
        head.append(" · ")
        stance = str(d.get("stance", ""))
        head.append(stance.upper(), style=_STANCE_STYLES.get(stance, ""))
        for flag in r.flags:
            head.append(" · ")
            label = f"⚠ {flag.upper()}" + (" (not counted)" if not r.counted and flag != "erratum" else "")
            head.append(label, style="bold red")
        console.print(head)
        if r.record is not None and r.record.title:
            console.print(Text("  " + one_line(r.record.title), style="dim"))
        rationale = d.get("rationale") or []
        if not rationale:
            console.print(Text("  no sentence of the abstract supports or contradicts the claim", style="dim"))
        for s in rationale:
            line = Text("  • ")
            line.append(f"“{one_line(str(s.get('text', '')))}”")
            extra = [one_line(str(s["section"])) if s.get("section") else "",
                     f"cue: {one_line(str(s['cue']))}" if s.get("cue") else ""]
            extra = [x for x in extra if x]
            tag = str(s.get("stance", ""))
            if tag:
                line.append(" ")
                line.append(tag, style=_STANCE_STYLES.get(tag, ""))
            if extra:
                line.append(" (" + "; ".join(extra) + ")", style="dim")
            console.print(line)
    console.print()
    console.print(Text(report.overall.line(), style="bold"))


def _md(text: Any) -> str:
    """Untrusted text made safe for a Markdown paragraph or table cell."""
    import re

    from litcli.textsafe import one_line

    s = one_line(str(text) if text is not None else "")
    s = s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([`*_\[\]#])", r"\\\1", s)


def to_markdown(report: Any) -> str:
    lines = [f"# Verify: {_md(report.claim)}", ""]
    lines += ["| # | Record | Design | n | Model | Stance | Flags |", "|---|---|---|---|---|---|---|"]
    for i, r in enumerate(report.results, 1):
        if r.record is not None:
            rec = r.record
            who = " ".join(x for x in (_md(rec.first_author), str(rec.year or "")) if x)
            cell = f"[PMID {rec.pmid}]({rec.pubmed_url}) {who}".strip()
        else:
            cell = "pasted abstract"
        flags = ", ".join(f + (" (not counted)" if not r.counted and f != "erratum" else "") for f in r.flags)
        lines.append(
            f"| {i} | {cell} | {_md(r.design or '')} | {r.n or ''} | {_md(r.model or '')} | "
            f"{_md(r.stance)} | {_md(flags)} |"
        )
    lines.append("")
    for i, r in enumerate(report.results, 1):
        d = r.judgement.to_dict()
        if r.record is not None:
            lines.append(f"## {i}. PMID {r.record.pmid}: {_md(r.record.title)}")
        else:
            lines.append(f"## {i}. Pasted abstract")
        lines.append("")
        lines.append(f"Stance: **{_md(d.get('stance'))}**")
        lines.append("")
        for s in d.get("rationale") or []:
            extra = [x for x in (_md(s.get("section")) if s.get("section") else "",
                                 f"cue: {_md(s.get('cue'))}" if s.get("cue") else "") if x]
            tail = f" ({'; '.join(extra)})" if extra else ""
            lines.append(f"- {_md(s.get('stance'))}: “{_md(s.get('text'))}”{tail}")
        if not d.get("rationale"):
            lines.append("- no sentence of the abstract supports or contradicts the claim")
        lines.append("")
    lines.append(f"**{_md(report.overall.line())}**")
    if report.not_found:
        lines.append("")
        for ident, why in report.not_found:
            lines.append(f"- Not found: {_md(ident)} — {_md(why)}")
    return "\n".join(lines) + "\n"
