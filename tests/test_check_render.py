"""The terminal report at fixed widths (issue 10, point 6): the summary keeps '#' and 'Verdict'
at every width, gives the claim two lines, drops 'Best evidence' first; long quotes, reasons
and queries are wrapped by litcli with a hanging indent, never past the width."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest

from tests.fixtures.claims import fakes
from tests.fixtures.claims import relevance as fx


@pytest.fixture
def report(ncbi: Any) -> Any:
    from litcli.claims.check import check_article
    from litcli.claims.extract import parse_article

    fakes.serve(ncbi)
    article = parse_article(
        fakes.E2E_ARTICLE.read_text(encoding="utf-8")
        + "\nThe majority of patients with treatment-resistant depression experience exceptional, immediate and "
        "lasting relief from a single intravenous ketamine infusion, according to clinicians who have "
        "administered thousands of infusions in specialised clinics across the country.\n",
        kind="text", source="article.txt",
    )
    return check_article(article)


def render(report: Any, width: int) -> str:
    from rich.console import Console

    from litcli.claims.report import render_terminal

    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=False, color_system=None, markup=False,
                      highlight=False, emoji=False, soft_wrap=False)
    render_terminal(report, console)
    return buf.getvalue()


@pytest.mark.parametrize("width", [60, 80, 100, 140])
def test_report_fits_the_width_and_keeps_number_and_verdict(report: Any, width: int) -> None:
    out = render(report, width)
    lines = out.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= width, width
    header = next(line for line in lines if line.lstrip().startswith("#"))
    assert "Verdict" in header and "Claim" in header
    assert ("Best evidence" in header) is (width >= 100)
    rows = lines[lines.index(header) + 1 :]
    numbers = [m.group(1) for line in rows if (m := re.match(r"^\s*(\d+)\s{2}(\S+)", line))]
    assert numbers[: len(report.results)] == [str(r.claim.number) for r in report.results]
    row5 = next(line for line in rows if re.match(r"^\s*5\s", line))
    assert "CONTRADICTED" in row5


@pytest.mark.parametrize("width", [60, 80, 100, 140])
def test_long_claims_take_two_lines_and_details_hang(report: Any, width: int) -> None:
    out = render(report, width)
    lines = out.splitlines()
    header = next(line for line in lines if line.lstrip().startswith("#"))
    claim_col = header.index("Claim")
    start = lines.index(header)
    row10 = next(i for i, line in enumerate(lines) if i > start and re.match(r"^\s*10\s", line))
    first, second = lines[row10], lines[row10 + 1]
    assert first[claim_col:].startswith("The majority of patients")
    assert second[:claim_col].strip() == "overstated" and second[claim_col:].strip()  # the claim's 2nd line
    assert second.rstrip().endswith("…")  # cut at two lines, at a word
    assert lines[row10 + 2].strip() == ""  # and no third line
    # the long quote of claim 10 wraps under its first letter, not at column 0
    at = out.index('Claim 10 — ')
    detail = out[at:].splitlines()
    assert detail[1].startswith('  "The majority')
    if width < 200:
        assert detail[2].startswith("   ") and detail[2][3] != " "
    why = [i for i, line in enumerate(detail) if line.startswith("  Why: ")][0]
    assert detail[why].startswith("  Why: ")
    over = next(i for i, line in enumerate(detail) if line.startswith("  Overstated: "))
    if len(detail[over]) >= width - 12:
        assert detail[over + 1].startswith("  ") and detail[over + 1][2] != " "


def test_a_query_longer_than_the_line_keeps_its_indent(report: Any) -> None:
    out = render(report, 60)
    at = out.index("Claim 1 — ")
    detail = out[at:].splitlines()
    q = next(i for i, line in enumerate(detail) if line.startswith("  Query: "))
    assert detail[q + 1].startswith(" " * 9) and detail[q + 1][9] != " "


def test_piped_output_keeps_one_line_per_item(ncbi: Any, tmp_path: Any) -> None:
    from tests.conftest import run_cli

    fx.serve(ncbi)
    art = tmp_path / "a.txt"
    art.write_text(fx.ARTICLE, encoding="utf-8")
    out = run_cli(["check", str(art), "-q"]).stdout
    assert '  "The majority of patients experience only minimal benefits from taking SSRIs and mood stabilizers' \
        ' as their primary treatment."' in out


@pytest.mark.parametrize("width", [60, 80, 100, 140])
def test_show_wraps_title_abstract_and_mesh_at_words(width: int) -> None:
    from rich.console import Console

    from litcli.render import print_record

    rec = fakes.records()["99000001"]
    rec.title = rec.title + " A very long subtitle that certainly does not fit on one narrow terminal line at all."
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=False, color_system=None, markup=False,
                      highlight=False, emoji=False, soft_wrap=False)
    print_record(rec, console)
    lines = buf.getvalue().splitlines()
    assert max(len(line.rstrip()) for line in lines) <= width
    words = set(rec.title.split())
    title_lines = lines[: next(i for i, line in enumerate(lines) if line.startswith("Banks"))]
    assert all(w in words for line in title_lines for w in line.split())  # no word cut in two
    mesh = next(i for i, line in enumerate(lines) if line.startswith("MeSH: "))
    if len(", ".join(m.descriptor for m in rec.mesh)) + 6 > width:
        assert lines[mesh + 1].startswith("      ") and lines[mesh + 1][6] != " "  # hanging under the value
