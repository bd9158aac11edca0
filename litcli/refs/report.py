"""The reference audit as ``litcli.refs/1`` JSON, Markdown, a terminal table or plain TSV.

Everything shown comes from the article or PubMed and is untrusted: cells go through
``textsafe.one_line``, the terminal table is built from ``rich.text.Text`` (never markup)
and JSON is made inert for terminals (``textsafe.json_inert``).
"""

from __future__ import annotations

import json
from typing import Any

from litcli.refs import SCHEMA
from litcli.refs.resolve import Audit, Resolution, to_summary_line
from litcli.render import flag_label
from litcli.textsafe import json_inert, one_line

COLUMNS = ["#", "Status", "PMID", "First author", "Year", "Title", "Flags / mismatches"]
TITLE_WIDTH = 60


def first_author(r: Resolution) -> str:
    if r.record is not None and r.record.authors:
        first = r.record.authors[0]
        return one_line(first.last_name or first.collective_name or "")
    return one_line(r.ref.first_author or "")


def year(r: Resolution) -> str:
    if r.record is not None and r.record.year:
        return str(r.record.year)
    return str(r.ref.year or "")


def title(r: Resolution, width: int | None = TITLE_WIDTH) -> str:
    text = one_line(r.record.title if r.record is not None else (r.ref.title or r.ref.text))
    text = text.rstrip(".")
    if width and len(text) > width:
        text = text[: width - 1].rstrip() + "…"
    return text


def problems(r: Resolution) -> list[str]:
    """Flags first, then mismatches, duplicates and what went wrong: one short phrase each."""
    out = [flag_label(f) for f in r.flags]
    out += [f"{m.field}: article {one_line(m.article)}, PubMed {one_line(m.pubmed)}" for m in r.mismatches]
    if r.duplicate_of is not None:
        out.append(f"duplicate of [{r.duplicate_of}]")
    if r.status == "ambiguous":
        out.append("candidates " + ", ".join(c.pmid for c in r.candidates))
    if r.note:
        out.append(one_line(r.note))
    out += [one_line(p) for p in r.ref.problems]
    return out


def row(r: Resolution) -> list[str]:
    return [
        one_line(r.ref.label),
        r.status,
        r.pmid or "—",
        first_author(r),
        year(r),
        title(r),
        "; ".join(problems(r)),
    ]


# --- JSON ----------------------------------------------------------------------------------------


def _record_brief(record: Any) -> dict[str, Any]:
    return {
        "pmid": record.pmid,
        "first_author": record.first_author,
        "year": record.year,
        "title": record.title,
        "journal": record.journal.abbreviation,
    }


def to_dict(audit: Audit) -> dict[str, Any]:
    from litcli import __version__

    doc = audit.document
    references = []
    for r in audit.references:
        ref = r.ref
        references.append({
            "number": ref.number,
            "text": ref.text,
            "status": r.status,
            "pmid": r.pmid,
            "candidates": [_record_brief(c) for c in r.candidates],
            "mismatches": [m.to_dict() for m in r.mismatches],
            "flags": r.flags,
            "label": ref.label,
            "origin": ref.origin,
            "location": {"paragraph": ref.paragraph, "line": ref.line},
            "resolved_by": r.method,
            "note": r.note or None,
            "duplicate_of": r.duplicate_of,
            "problems": ref.problems,
            "article": {
                "authors": ref.authors, "year": ref.year, "title": ref.title, "journal": ref.journal,
                "volume": ref.volume, "pages": ref.pages, "pmid": ref.pmid, "pmcid": ref.pmcid, "doi": ref.doi,
            },
            "record": _record_brief(r.record) if r.record is not None else None,
            "cited_by": [i + 1 for i in r.cited_by],
        })
    return {
        "schema": SCHEMA,
        "generator": f"litcli {__version__}",
        "source": {"location": doc.source, "kind": doc.kind, "title": doc.title},
        "offline": audit.offline,
        "reference_heading": audit.heading,
        "summary": audit.summary(),
        "references": references,
        "citations": _citations(audit),
        "notes": audit.notes,
    } | ({"support_summary": _support_summary(audit)} if audit.support is not None else {})


def _citations(audit: Audit) -> list[dict[str, Any]]:
    out = []
    for i, (c, refs) in enumerate(zip(audit.citations, audit.cites, strict=True)):
        d = c.to_dict(refs)
        if audit.support is not None:
            d["support"] = [s.to_dict() for s in audit.support[i]]
        out.append(d)
    return out


def _support_summary(audit: Audit) -> dict[str, int]:
    from litcli.refs.support import summary

    return summary(audit.support or [])


def support_lines(audit: Audit, width: int = 90) -> list[str]:
    """'[3] Stone 2019 — cited source does not address it' under each citing sentence."""
    if audit.support is None:
        return []
    by_number = {r.ref.number: r for r in audit.references}
    out: list[str] = []
    for c, judged in zip(audit.citations, audit.support, strict=True):
        if not judged:
            continue
        sentence = one_line(c.sentence)
        if len(sentence) > width:
            sentence = sentence[: width - 1].rstrip() + "…"
        out.append(f"{sentence}  ({one_line(c.location)})")
        for s in judged:
            r = by_number[s.ref]
            who = " ".join(p for p in (first_author(r), year(r)) if p)
            extra = f" ({one_line(s.note)})" if s.note else ""
            out.append(f"    [{one_line(s.label)}] {who} — {s.phrase}{extra}")
    return out


def dumps_json(audit: Audit) -> str:
    return json_inert(json.dumps(to_dict(audit), indent=2, ensure_ascii=False)) + "\n"


# --- Markdown ------------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Untrusted text for a Markdown table cell or line: no markup, no HTML, one line."""
    text = one_line(text)
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


def to_markdown(audit: Audit) -> str:
    doc = audit.document
    lines = [f"# Reference audit: {_md(doc.title or doc.label)}", "", _md(to_summary_line(audit)), ""]
    if audit.references:
        lines += ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
        for r in audit.references:
            cells = row(r)
            if r.pmid:
                cells[2] = f"[{r.pmid}](https://pubmed.ncbi.nlm.nih.gov/{r.pmid}/)"
                lines.append("| " + " | ".join([_md(cells[0]), _md(cells[1]), cells[2], *map(_md, cells[3:])]) + " |")
            else:
                lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    else:
        lines.append("No reference list and no PubMed, DOI or PMC links were found.")
    if audit.notes:
        lines += ["", "## Notes", ""] + [f"- {_md(n)}" for n in audit.notes]
    cited = [(i, c, refs) for i, (c, refs) in enumerate(zip(audit.citations, audit.cites, strict=True)) if refs]
    if cited:
        lines += ["", "## Citing sentences", ""]
        for i, c, refs in cited:
            nums = ", ".join(f"[{n}]" for n in refs)
            lines.append(f"- {_md(nums)} {_md(c.sentence)} *({_md(c.location)})*")
            for s in audit.support[i] if audit.support is not None else []:
                extra = f" ({_md(s.note)})" if s.note else ""
                lines.append(f"  - \\[{_md(s.label)}\\] {_md(s.phrase)}{extra}")
    return "\n".join(lines) + "\n"


# --- plain and terminal --------------------------------------------------------------------------


def to_tsv(audit: Audit) -> str:
    out = ["\t".join(COLUMNS)]
    for r in audit.references:
        out.append("\t".join(c.replace("\t", " ") for c in row(r)))
    return "\n".join(out) + "\n"


def footer(audit: Audit) -> list[str]:
    """The summary line and the notes (below the table, or on stderr when piped)."""
    return [to_summary_line(audit), *(f"Note: {one_line(n)}" for n in audit.notes)]


def render_terminal(audit: Audit, console: Any) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, header_style="bold", show_edge=False)
    for name in COLUMNS:
        if name == "Title":
            table.add_column(name, no_wrap=True, overflow="ellipsis", ratio=3)
        elif name == "Flags / mismatches":
            table.add_column(name, overflow="fold", ratio=2)
        else:
            table.add_column(name, no_wrap=True, justify="right" if name == "#" else "left")
    for r in audit.references:
        cells = row(r)
        status_style = {"found": "green", "ambiguous": "yellow", "not found": "bold yellow"}[r.status]
        flag_style = "bold red" if r.flags else ("yellow" if r.mismatches or r.note else "")
        table.add_row(
            Text(cells[0]), Text(cells[1], style=status_style), Text(cells[2]), Text(cells[3]),
            Text(cells[4]), Text(cells[5]), Text(cells[6], style=flag_style),
        )
    if audit.references:
        console.print(table)
    for line in footer(audit):
        console.print(Text(line))
    support = support_lines(audit)
    if support:
        console.print()
        console.print(Text("Citation support", style="bold"))
        for line in support:
            console.print(Text(line, style="bold red" if " — cited source contradicts" in line else ""))
