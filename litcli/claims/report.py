"""Render a CheckReport: terminal (rich), Markdown with AMA references, JSON ``litcli.check/1``.

All text from the article or PubMed is untrusted: it is stripped of control
characters and rendered as ``rich.text.Text`` (never as markup); Markdown
output escapes table pipes and never emits raw HTML.
"""

from __future__ import annotations

import json
import re
from typing import Any

from litcli import __version__
from litcli.claims.check import LIMITS, NOT_CHECKED, CheckReport, ClaimResult
from litcli.claims.evidence import Evidence
from litcli.claims.extract import Claim
from litcli.claims.verdict import CONTRADICTED, VERDICTS
from litcli.textsafe import one_line

SCHEMA = "litcli.check/1"
DEFAULT_TOP = 5

_STYLES = {
    "supported": "green",
    "mixed": "yellow",
    "limited": "dark_orange",
    "contradicted": "bold red",
    "no evidence found": "magenta",
    "not checkable": "dim",
}


def verdict_label(verdict: str) -> str:
    return "CONTRADICTED" if verdict == CONTRADICTED else verdict


def shorten(text: str, width: int = 80) -> str:
    text = one_line(text)
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0]
    return cut + "…"


def claim_label(claim: Claim, width: int = 80) -> str:
    """The claim shortened for a summary row; a list item shows its own text
    (every item of one list shares the lead-in, which would hide the difference)."""
    if claim.kind == "list item" and claim.original:
        return shorten("…" + one_line(claim.original), width)
    return shorten(claim.text, width)


def plural(n: int, word: str, words: str | None = None) -> str:
    """'1 claim', '2 claims' (``words``: an irregular plural)."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def headline(report: CheckReport) -> str:
    counts = report.counts()
    parts = [plural(len(report.results), "claim")]
    parts += [f"{n} {v}" for v, n in counts.items() if n]
    parts.append(f"{report.overstated} overstated")
    if report.left_out:
        parts.append(f"{report.left_out:,} more left out (--max-claims)")
    return " · ".join(parts)


def _mode(report: CheckReport) -> str:
    if report.offline:
        size = "" if report.library_size is None else f" ({plural(report.library_size, 'record')})"
        return f"offline: answered from the local library{size}; PubMed was not searched"
    requests = report.esearch_requests + report.efetch_requests
    return (
        f"PubMed: {report.esearch_requests} esearch + {report.efetch_requests} efetch "
        f"request{'s' if requests != 1 else ''}, {plural(report.cached_searches, 'cached search', 'cached searches')}, "
        f"{plural(report.fetched_records, 'record')} fetched, {report.library_records} from the library"
    )


def _citation_line(e: Evidence) -> str:
    r = e.record
    bits = [f"[{r.pmid}]", " ".join(x for x in (one_line(r.first_author), str(r.year or "")) if x)]
    bits.append(e.describe())
    bits.append(e.stance + (" (reversed fact)" if e.reversal else ""))
    line = bits[0] + " " + " · ".join(b for b in bits[1:] if b)
    for flag in e.flags:
        line += f" · ⚠ {flag.upper()}" + (" (not counted)" if not e.counted and flag == "retracted" else "")
    if e.counted and not e.rationale:
        line += " · read: no sentence on this claim"
    elif e.counted:
        line += " · counted"
    elif "retracted" not in e.flags:
        line += " · not counted"
    return line


def _also_found_line(e: Evidence) -> str:
    """'[99000012] Park J 2020 · RCT, n=40 · another condition (post-traumatic stress disorder)'."""
    r = e.record
    who = " ".join(x for x in (one_line(r.first_author), str(r.year or "")) if x)
    return f"[{r.pmid}] " + " · ".join(x for x in (who, e.describe(), one_line(e.off_topic)) if x)


def also_found_json(e: Evidence) -> dict[str, Any]:
    r = e.record
    return {
        "pmid": r.pmid, "first_author": r.first_author, "year": r.year, "title": r.title,
        "url": r.pubmed_url, "design": e.level, "model": e.model, "flags": e.flags, "reason": e.off_topic,
    }


# --- terminal ------------------------------------------------------------------------------


def render_terminal(report: CheckReport, console: Any, *, top: int = DEFAULT_TOP) -> None:
    """Summary table first, then every claim with its query, citations and rationale.

    Laid out for ``console.width`` (60 columns and up): the table keeps ``#`` and
    ``Verdict`` at every width, gives the claim up to two lines and drops "Best evidence"
    before it squeezes the claim; long quotes, reasons and queries are wrapped here with a
    hanging indent.  A console with ``soft_wrap`` (piped output) gets one line per item.
    """
    from rich.text import Text

    title = one_line(report.article.title or report.article.label)
    console.print(Text(headline(report), style="bold"))
    console.print(Text(f"{title} · {_mode(report)}", style="dim"))
    console.print()
    if report.results:
        console.print(summary_table(report, console.width))
    else:
        console.print(Text("No claims found in the article (see the note on stderr).", style="yellow"))
    for r in report.results:
        console.print()
        _claim_detail(r, console, top)
    console.print()
    console.print(Text("Limits of this report", style="bold"))
    for limit in LIMITS:
        _hang(console, "  - ", limit, "dim")


_VERDICT_W = max(len(v) for v in (*VERDICTS, NOT_CHECKED))
_BEST_MIN_CLAIM = 40  # "Best evidence" is shown only when the claim keeps this many columns


def summary_table(report: CheckReport, width: int) -> Any:
    """The summary: '#', 'Verdict' (with 'overstated' under it), the claim over up to two
    lines, and 'Best evidence' when the width leaves the claim room."""
    from rich.table import Table
    from rich.text import Text

    num_w = max(1, *(len(str(r.claim.number)) for r in report.results))
    fixed = num_w + _VERDICT_W + 2 * 2  # two gaps of two columns
    best_w = 34 if width >= 130 else 26
    show_best = width - fixed - best_w - 2 >= _BEST_MIN_CLAIM
    claim_w = max(12, width - fixed - (best_w + 2 if show_best else 0))
    table = Table(box=None, show_edge=False, pad_edge=False, header_style="bold", padding=(0, 2, 0, 0))
    table.add_column("#", justify="right", no_wrap=True, width=num_w)
    table.add_column("Verdict", no_wrap=True, width=_VERDICT_W)
    table.add_column("Claim", no_wrap=True, width=claim_w)
    if show_best:
        table.add_column("Best evidence", no_wrap=True, overflow="ellipsis", width=best_w)
    for r in report.results:
        v = r.verdict
        verdict = Text(verdict_label(v.verdict), style=_STYLES.get(v.verdict, ""))
        if v.overstated:
            verdict.append("\noverstated", style="yellow")
        row: list[Any] = [str(r.claim.number), verdict, Text("\n".join(claim_lines(r.claim, claim_w)))]
        if show_best:
            row.append(Text(one_line(v.best_evidence) or "—"))
        table.add_row(*row)
    return table


def claim_lines(claim: Claim, width: int, lines: int = 2) -> list[str]:
    """The claim in at most ``lines`` lines of ``width`` columns, cut at a word with '…'."""
    import textwrap

    text = one_line("…" + claim.original) if claim.kind == "list item" and claim.original else one_line(claim.text)
    wrapped = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]
    if len(wrapped) <= lines:
        return wrapped
    return [*wrapped[: lines - 1], shorten(" ".join(wrapped[lines - 1 :]), width)]


def _hang(console: Any, label: str, text: str, style: str = "") -> None:
    """``label`` then ``text``, wrapped to the console's width under the text's first column
    (a hanging indent); one line when the console does not wrap (piped output)."""
    from rich.table import Table
    from rich.text import Text

    text = one_line(text)
    if console.soft_wrap or len(label) + len(text) <= console.width:
        console.print(Text(label + text, style=style), crop=False, overflow="ignore")
        return
    grid = Table.grid(padding=0)
    grid.add_column(no_wrap=True, width=len(label))
    grid.add_column(overflow="fold")
    grid.add_row(Text(label, style=style), Text(text, style=style))
    console.print(grid)


def _claim_detail(r: ClaimResult, console: Any, top: int) -> None:
    from rich.text import Text

    v = r.verdict
    head = Text(f"Claim {r.claim.number} — ", style="bold")
    head.append(verdict_label(v.verdict), style=_STYLES.get(v.verdict, ""))
    if v.overstated:
        head.append("  overstated", style="yellow")
    head.append(f"  ({r.claim.location})", style="dim")
    console.print(head)
    _hang(console, '  "', f'{one_line(r.claim.text)}"')
    _hang(console, "  Why: ", v.reason)
    if v.overstatement_reason:
        _hang(console, "  ", v.overstatement_reason, "yellow")
    for a in r.attempts:
        prefix = "  Query: " if a.dropped is None else f"  Relaxed (dropped {one_line(a.dropped)}): "
        _hang(console, prefix, f"{a.query}  [{a.count} found, {a.source}]", "cyan")
    for e in r.shown(top):
        style = "red" if not e.counted else ""
        line = one_line(_citation_line(e))
        pmid, _, rest = line.partition(" ")
        _hang(console, f"  {pmid} ", rest, style)
        for s in e.rationale:
            _hang(console, '      "', f'{one_line(s.text)}"', "dim")
    others = r.also_found()
    if others:
        console.print(Text(f"  Also found, not counted ({len(others)}):", style="dim"))
        for e in others:
            line = _also_found_line(e)
            pmid, _, rest = line.partition(" ")
            _hang(console, f"    {pmid} ", rest, "dim")


# --- JSON ------------------------------------------------------------------------------------


def to_json(report: CheckReport, *, top: int = DEFAULT_TOP) -> dict[str, Any]:
    """The ``litcli.check/1`` document (see docs/CHECK.md)."""
    a = report.article
    return {
        "schema": SCHEMA,
        "generator": f"litcli {__version__}",
        "generated": report.generated,
        "source": {"location": a.source, "kind": a.kind, "title": a.title},
        "mode": "offline" if report.offline else "online",
        "summary": {
            "claims": len(report.results),
            "verdicts": report.counts(),
            "overstated": report.overstated,
            "failed": report.failed,
            "checked": report.checked,
            "left_out": report.left_out,
        },
        "requests": {
            "esearch": report.esearch_requests,
            "efetch": report.efetch_requests,
            "cached_searches": report.cached_searches,
            "records_fetched": report.fetched_records,
            "records_from_library": report.library_records,
        },
        "claims": [_claim_json(r, top) for r in report.results],
        "skipped": [
            {"text": s.text, "reason": s.reason, "location": {"paragraph": s.paragraph, "line": s.line}}
            for s in report.skipped
        ],
        "limits": list(LIMITS),
    }


def _claim_json(r: ClaimResult, top: int) -> dict[str, Any]:
    v = r.verdict
    d = r.claim.to_dict()
    d.update(
        {
            "verdict": v.verdict,
            "rule": v.rule or None,
            "reason": v.reason,
            "overstated": v.overstated,
            "overstatement": (
                {"terms": v.overstatement_terms, "reason": v.overstatement_reason} if v.overstated else None
            ),
            "best_evidence": v.best_evidence,
            "checkable": r.plan.checkable,
            "query": r.query,
            "searches": [a.to_dict() for a in r.attempts],
            "relaxations": r.relaxations,
            "records_found": len(r.pmids),
            "evidence": [e.to_dict() for e in r.shown(top)],
            "also_found": [also_found_json(e) for e in r.also_found()],
        }
    )
    return d


def dumps_json(report: CheckReport, *, top: int = DEFAULT_TOP) -> str:
    from litcli.textsafe import json_inert

    return json_inert(json.dumps(to_json(report, top=top), indent=2, ensure_ascii=False)) + "\n"


# --- Markdown ----------------------------------------------------------------------------------


def _md(text: str | None) -> str:
    """Untrusted text made safe for a Markdown paragraph or table cell."""
    text = one_line(text)
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([`*_\[\]])", r"\\\1", text)


def to_markdown(report: CheckReport, *, top: int = DEFAULT_TOP) -> str:
    """A report a writer can paste: summary table, claims, numbered AMA references."""
    from litcli.formats import format_reference

    refs: dict[str, int] = {}
    records: dict[str, Any] = {}
    for r in report.results:
        for e in r.shown(top):
            if e.record.pmid not in refs:
                refs[e.record.pmid] = len(refs) + 1
                records[e.record.pmid] = e.record

    def cite(items: list[Evidence]) -> str:
        nums = sorted({refs[e.record.pmid] for e in items if e.record.pmid in refs})
        return "".join(f"[{n}]" for n in nums)

    a = report.article
    lines = [f"# Claim check: {_md(a.title or a.label)}", ""]
    lines.append(f"Source: {_md(a.label)} · checked {report.generated} · litcli {__version__} · {_md(_mode(report))}")
    lines += ["", f"**{_md(headline(report))}**", ""]
    if report.results:
        lines += ["| # | Verdict | Claim | Best evidence |", "|---:|---|---|---|"]
    for r in report.results:
        v = r.verdict
        verdict = f"**{verdict_label(v.verdict)}**" if v.verdict == CONTRADICTED else v.verdict
        if v.overstated:
            verdict += " · overstated"
        best = _md(v.best_evidence) or "—"
        shown = r.shown(top)
        if shown:
            best += " " + cite(shown)
        lines.append(f"| {r.claim.number} | {verdict} | {_md(claim_label(r.claim, 110))} | {best} |")
    if not report.results:
        lines += ["No claims found in the article."]
    lines += ["", "## Claims", ""]
    for r in report.results:
        v = r.verdict
        lines.append(f"### Claim {r.claim.number} — {verdict_label(v.verdict)}" + (" (overstated)" if v.overstated else ""))
        lines += ["", f"> {_md(r.claim.text)}", "", f"*{r.claim.location.capitalize()}.* {_md(v.reason)}"]
        if v.overstatement_reason:
            lines += ["", _md(v.overstatement_reason)]
        for att in r.attempts:
            label = "Query" if att.dropped is None else f"Relaxed query (dropped {_md(att.dropped)})"
            lines += ["", f"{label}, {att.count} found: `{one_line(att.query).replace('`', '')}`"]
        shown = r.shown(top)
        if shown:
            lines.append("")
            for e in shown:
                n = refs[e.record.pmid]
                flags = "".join(f" · **{f.upper()}**" for f in e.flags)
                counted = (
                    " · read: no sentence on this claim" if e.counted and not e.rationale
                    else " · counted" if e.counted else " · not counted"
                )
                lines.append(
                    f"- [{n}] {_md(e.record.first_author)} {e.record.year or ''} · {_md(e.describe())} · "
                    f"{e.stance}{' (reversed fact)' if e.reversal else ''}{flags}{counted} · PMID {e.record.pmid}"
                )
                for s in e.rationale:
                    lines.append(f"  - “{_md(s.text)}”")
        others = r.also_found()
        if others:
            lines += ["", f"Also found, not counted ({len(others)}):", ""]
            lines += [f"- {_md(_also_found_line(e))}" for e in others]
        lines.append("")
    lines += ["## References", ""]
    for pmid, n in refs.items():
        rec = records[pmid]
        ref = format_reference(rec, "ama")
        flags = "".join(f" **{f.upper()}**" for f in rec.flags if f.lower() not in ref.lower())
        pmid = "" if f"PMID: {pmid}" in ref else f" PMID: {pmid}."
        lines.append(f"{n}. {_md(ref)}{pmid}{flags}")
    if not refs:
        lines.append("No records cited.")
    lines += ["", "## Limits", ""]
    lines += [f"- {limit}" for limit in LIMITS]
    return "\n".join(lines) + "\n"

