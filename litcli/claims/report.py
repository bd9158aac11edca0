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
    refs = (
        f"; the article's references: {plural(report.citation_requests, 'request')}"
        if report.audit is not None and report.audit.references else ""
    )
    return (
        f"PubMed: {report.esearch_requests} esearch + {report.efetch_requests} efetch "
        f"request{'s' if requests != 1 else ''}, {plural(report.cached_searches, 'cached search', 'cached searches')}, "
        f"{plural(report.fetched_records, 'record')} fetched, {report.library_records} from the library{refs}"
    )


# --- the article's own citations (issue 11, point 4) ---------------------------------------------

_CITED_STANCE = {  # support.Support.stance -> the words of the side-by-side line
    "supports": "supports it",
    "contradicts": "contradicts it",
    "does not address it": "does not address it",
    "could not be resolved": "could not be resolved",
}


def cited_source(report: CheckReport, s: Any) -> str:
    """'[3] Smith 2019' for one cited reference (PubMed's first author and year when it was
    resolved, else the reference's own)."""
    from litcli.refs.report import first_author, year

    r = report.resolution(s.ref)
    who = " ".join(p for p in ((first_author(r), year(r)) if r is not None else ()) if p)
    return f"[{one_line(s.label)}]" + (f" {who}" if who else "")


def _cited_part(report: CheckReport, s: Any) -> str:
    """'[3] Smith 2019 — does not address it' (with the record's flags)."""
    text = f"{cited_source(report, s)} — {_CITED_STANCE.get(s.stance, s.stance)}"
    return text + "".join(f" (⚠ {f.upper()})" for f in s.flags)


def pubmed_side(r: ClaimResult, report: CheckReport) -> str:
    """'PubMed: supported by 2 RCTs' (offline: 'library: …'): the claim's verdict, short."""
    from litcli.claims.verdict import NOT_CHECKABLE, SUPPORTED

    v = r.verdict
    where = "library" if report.offline else "PubMed"
    best = one_line(v.best_evidence)
    if v.verdict == NOT_CHECKABLE:
        return f"{where}: not searched (not a checkable claim)"
    if v.verdict == NOT_CHECKED:
        return f"{where}: not checked (NCBI failed)"
    if v.verdict in (SUPPORTED, CONTRADICTED) and best:
        return f"{where}: {v.verdict} by {best}"
    return f"{where}: {v.verdict}" + (f" ({best})" if best else "")


def cites_line(r: ClaimResult, report: CheckReport) -> str | None:
    """The side-by-side line: 'cites [3] Smith 2019 — does not address it; PubMed: supported by
    2 RCTs'; None when the claim cites nothing."""
    if not r.citations:
        return None
    return "cites " + "; ".join(_cited_part(report, s) for s in r.citations) + "; " + pubmed_side(r, report)


def cited_details(s: Any) -> list[str]:
    """What backs one cited source's stance: the reader's sentences, or the note."""
    out = [f'"{one_line(x["text"])}"' for x in s.rationale[:2] if x.get("stance") in ("supports", "contradicts")]
    if s.note:
        out.append(one_line(s.note))
    return out


def citation_json(report: CheckReport, s: Any) -> dict[str, Any]:
    """``Support.to_dict()`` (the issue's ``ref``, ``pmid``, ``stance``, ``rationale``; plus
    ``flags`` and ``note``) and what the reference is: label, status, first author, year, title."""
    from litcli.refs.report import first_author, title, year

    r = report.resolution(s.ref)
    d = s.to_dict()
    d.update({
        "label": s.label,
        "status": r.status if r is not None else None,
        "first_author": (first_author(r) or None) if r is not None else None,
        "year": int(year(r)) if r is not None and year(r).isdigit() else None,
        "title": (title(r, None) or None) if r is not None else None,
    })
    return d


def cited_summary(report: CheckReport) -> list[str]:
    """The reference audit in a few lines: references found, support counts, notes."""
    from litcli.refs.resolve import to_summary_line
    from litcli.refs.support import summary

    if report.citation_error is not None:
        return [f"The article's references could not be resolved: {report.citation_error}."]
    audit = report.audit
    if audit is None:
        return []
    lines = [to_summary_line(audit) if audit.references else "no reference list and no PubMed, DOI or PMC links"]
    counts = summary(audit.support or [])
    if any(counts.values()):
        lines.append("cited sources: " + " · ".join(f"{n} {stance}" for stance, n in counts.items() if n))
    for r in audit.references:
        bad = [f for f in r.flags if f in ("retracted", "expression of concern")]
        if r.status != "found" or bad:
            what = ", ".join(bad) if bad and r.status == "found" else r.status + (f": {r.note}" if r.note else "")
            lines.append(f"[{one_line(r.ref.label)}] {what}")
    lines += [f"Note: {n}" for n in audit.notes]
    return [one_line(x) for x in lines]


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
        _claim_detail(r, console, top, report)
    _cited_sources_terminal(report, console)
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


def _cited_sources_terminal(report: CheckReport, console: Any) -> None:
    """The article's own references: the audit's summary, its problems, and the citing
    sentences that are no claim of this report (they are audited all the same)."""
    from rich.text import Text

    lines = cited_summary(report)
    if not lines and not report.other_citations:
        return
    console.print()
    console.print(Text("The article's own references", style="bold"))
    for line in lines:
        _hang(console, "  ", line)
    if report.other_citations:
        console.print(Text(f"  Cited sentences that are not claims ({len(report.other_citations)}):"))
        for citation, judged in report.other_citations:
            _hang(console, '    "', f'{one_line(citation.sentence)}" ({citation.location})')
            for s in judged:
                _hang(console, "      ", _cited_part(report, s),
                      "bold red" if s.stance == "contradicts" else "")
                for d in cited_details(s):
                    _hang(console, "        ", d, "dim")


def _claim_detail(r: ClaimResult, console: Any, top: int, report: CheckReport | None = None) -> None:
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
    cites = cites_line(r, report) if report is not None else None
    if cites is not None and report is not None:
        bad = any(c.stance == "contradicts" for c in r.citations)
        _hang(console, "  ", cites, "bold red" if bad else "")
        for cited in r.citations:
            for d in cited_details(cited):
                _hang(console, f"    [{one_line(cited.label)}] ", d, "dim")
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
            "references": report.citation_requests,
        },
        "claims": [_claim_json(r, top, report) for r in report.results],
        "cited_sources": _cited_json(report),
        "skipped": [
            {"text": s.text, "reason": s.reason, "location": {"paragraph": s.paragraph, "line": s.line}}
            for s in report.skipped
        ],
        "limits": list(LIMITS),
    }


def _cited_json(report: CheckReport) -> dict[str, Any] | None:
    """The article's own references (null when it has no reference list and no citation links)."""
    from litcli.refs.report import first_author, title, year
    from litcli.refs.support import summary

    audit = report.audit
    if audit is None:
        return None if report.citation_error is None else {"error": report.citation_error}
    return {
        "error": None,
        "reference_heading": audit.heading,
        "summary": audit.summary(),
        "support_summary": summary(audit.support or []),
        "references": [
            {
                "number": r.ref.number, "label": r.ref.label, "text": r.ref.text, "status": r.status,
                "pmid": r.pmid, "first_author": first_author(r) or None,
                "year": int(year(r)) if year(r).isdigit() else None, "title": title(r, None) or None,
                "flags": r.flags, "mismatches": [m.to_dict() for m in r.mismatches],
                "resolved_by": r.method, "note": r.note or None, "duplicate_of": r.duplicate_of,
            }
            for r in audit.references
        ],
        "other_sentences": [
            c.to_dict() | {"citations": [citation_json(report, s) for s in judged]}
            for c, judged in report.other_citations
        ],
        "notes": audit.notes,
    }


def _claim_json(r: ClaimResult, top: int, report: CheckReport | None = None) -> dict[str, Any]:
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
            "citations": [citation_json(report, s) for s in r.citations] if report is not None else [],
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
        cites = cites_line(r, report)
        if cites is not None:
            lines += ["", f"**Cited source check:** {_md(cites)}"]
            for cited in r.citations:
                lines += [f"- \\[{_md(cited.label)}\\] {_md(d)}" for d in cited_details(cited)]
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
    audit_lines = cited_summary(report)
    if audit_lines or report.other_citations:
        lines += ["## The article's own references", ""]
        lines += [f"- {_md(line)}" for line in audit_lines]
        if report.other_citations:
            lines += ["", f"Cited sentences that are not claims ({len(report.other_citations)}):", ""]
            for citation, judged in report.other_citations:
                lines.append(f"- {_md(citation.sentence)} *({_md(citation.location)})*")
                for source in judged:
                    lines.append(f"  - {_md(_cited_part(report, source))}")
                    lines += [f"    - {_md(d)}" for d in cited_details(source)]
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

