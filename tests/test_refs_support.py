"""Issue 11, point 4: each citing sentence judged against the records it cites."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from litcli.refs.citations import Citation, Mark
from litcli.refs.document import parse_document
from litcli.refs.resolve import audit
from litcli.refs.support import (
    CONTRADICTS,
    NOT_ADDRESSED,
    SUPPORTS,
    UNRESOLVED,
    citation_key,
    claim_text,
    for_claim,
    judge_citations,
    summary,
    support_by_sentence,
)
from tests.conftest import run_cli
from tests.refs_fixtures import records

ARTICLE = """# Ketamine notes

Ketamine relieved obsessions within hours in a crossover trial [1]. Ketamine worsened obsessions
in that crossover trial [1]. Intranasal esketamine reduced suicidal ideation in adults (Zane 2018).
Ketamine cures hoarding in everyone [2]. Is this a question [3]?

## References

1. Rivera CI, Bloom MH. Randomized crossover trial of ketamine in obsessive-compulsive disorder. J Synth Tests. 2013;12(3):100-110. PMID: 99000011
2. Banks LF, Adler P. Esketamine in late-life depression: a randomized trial. J Synth Tests. 2016;14(2):200-10. PMID: 99000012
3. Okafor N. Ketamine reverses hoarding disorder in mice. J Synth Tests. 2020;20(1):1-9.
4. Zane P. Intranasal esketamine and suicidal ideation in adults. J Synth Tests. 2018;4:1-8. PMID: 99000016
"""


def serve(ncbi: Any) -> None:
    articles = records()
    articles["99000016"] = articles["99000016"].replace(
        "A synthetic abstract.", "Intranasal esketamine reduced suicidal ideation compared with placebo in adults."
    )
    ncbi.set_articles(articles)
    ncbi.on_search("hoarding[ti]", [])


def test_claim_text_drops_the_citation_marks() -> None:
    c = Citation("Ketamine works fast [1,2] (Smith 2019) here¹.", 1, 1,
                 [Mark("number", "1", "[1,2]"), Mark("number", "2", "[1,2]"), Mark("author-year", "smith 2019", "(Smith 2019)"),
                  Mark("number", "1", "¹")])
    assert claim_text(c) == "Ketamine works fast here."


def test_each_sentence_against_each_cited_record(ncbi: Any) -> None:
    serve(ncbi)
    result = audit(parse_document(ARTICLE, kind="markdown"))
    judged = judge_citations(result)
    flat = [[(s.ref, s.stance) for s in one] for one in judged]
    assert flat == [
        [(1, SUPPORTS)],
        [(1, CONTRADICTS)],  # a sentence its cited paper does not support
        [(4, SUPPORTS)],  # author-year
        [(2, NOT_ADDRESSED)],
        [(3, UNRESOLVED)],  # not a checkable claim, still audited; the reference is not in PubMed
    ]
    assert judged[1][0].rationale[0]["text"] == "Ketamine reduced obsessions within hours compared with saline."
    assert judged[4][0].note == "no match by citation or title"
    assert summary(judged) == {SUPPORTS: 2, CONTRADICTS: 1, NOT_ADDRESSED: 1, UNRESOLVED: 1}
    keyed = support_by_sentence(result, judged)
    assert [s.stance for s in for_claim("Ketamine worsened obsessions in that crossover trial [1].", keyed)] == [
        CONTRADICTS
    ]
    assert citation_key("It was approved5.") == citation_key("It was approved⁵.") == "it was approved"
    assert judged[0][0].to_dict()["stance"] == "supports" and judged[0][0].phrase == "cited source supports"


def test_a_retracted_source_is_named(ncbi: Any) -> None:
    articles = records()
    ncbi.set_articles(articles)
    ncbi.on_search('10.99999/ret.1"[doi]', ["99000014"])
    text = "Ketamine works for OCD [1].\n\n## References\n\n1. Stone K. Ketamine for OCD. doi:10.99999/ret.1\n"
    (judged,) = judge_citations(audit(parse_document(text, kind="markdown")))
    assert judged[0].flags == ["retracted"] and judged[0].note == "the cited record is retracted"


def test_cli_support_in_json_markdown_and_tsv(ncbi: Any, tmp_path: Path) -> None:
    serve(ncbi)
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = json.loads(run_cli(["refs", str(path), "--support", "-f", "json"]).stdout)
    assert [s["stance"] for s in doc["citations"][1]["support"]] == ["contradicts"]
    assert set(doc["citations"][1]["support"][0]) >= {"ref", "pmid", "stance", "rationale"}
    assert doc["support_summary"] == {"supports": 2, "contradicts": 1, "does not address it": 1,
                                      "could not be resolved": 1}
    plain = json.loads(run_cli(["refs", str(path), "-f", "json"]).stdout)
    assert "support" not in plain["citations"][0] and "support_summary" not in plain
    md = run_cli(["refs", str(path), "--support", "-f", "markdown"]).stdout
    assert "  - \\[1\\] cited source contradicts" in md
    tsv = run_cli(["refs", str(path), "--support"]).stdout
    table, support = tsv.split("\nCitation support\n")
    assert table.splitlines()[0].startswith("#\tStatus")
    assert "    [1] Rivera 2013 — cited source contradicts" in support


def test_terminal_shows_the_support_section(ncbi: Any) -> None:
    import io

    from rich.console import Console

    from litcli.refs import report

    serve(ncbi)
    result = audit(parse_document(ARTICLE, kind="markdown"))
    result.support = judge_citations(result)
    buf = io.StringIO()
    report.render_terminal(result, Console(file=buf, width=160, color_system=None))
    shown = buf.getvalue()
    assert "Citation support" in shown
    assert "[3] Okafor 2020 — cited source could not be resolved (no match by citation or title)" in shown


def test_check_claims_find_their_cited_sources(ncbi: Any) -> None:
    """What `check` would do: its own claims (extract) looked up in the citation table."""
    from litcli.claims.extract import extract_claims, parse_article

    serve(ncbi)
    table = support_by_sentence(audit(parse_document(ARTICLE, kind="markdown")))
    claims = extract_claims(parse_article(ARTICLE, kind="markdown"))
    found = {c.original: [s.stance for s in for_claim(c.original, table)] for c in claims}
    assert found["Ketamine relieved obsessions within hours in a crossover trial [1]."] == [SUPPORTS]
    assert found["Ketamine worsened obsessions in that crossover trial [1]."] == [CONTRADICTS]
    assert all(for_claim(c.original, table) for c in claims if "[" in c.original or "(Zane" in c.original)
