"""Issue 10 end to end (loopback NCBI): records about another drug, condition or population are
listed as "also found, not counted"; METHODS sentences carry no stance; a review that finds the
evidence weak caps the verdict at limited; social claims and unbuildable queries are not
checkable (and never fail --strict); a supported claim can be overstated."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from tests.fixtures.claims import relevance as fx


@pytest.fixture
def article(ncbi: Any, tmp_path: Path) -> Path:
    fx.serve(ncbi)
    path = tmp_path / "claims.txt"
    path.write_text(fx.ARTICLE, encoding="utf-8")
    return path


def report(article: Path, *args: str) -> dict[int, dict[str, Any]]:
    result = run_cli(["check", str(article), "-q", "-f", "json", *args])
    assert result.exit_code == 0, result.stderr
    return {c["number"]: c for c in json.loads(result.stdout)["claims"]}


def test_verdicts_and_rules(article: Path, ncbi: Any) -> None:
    claims = report(article)
    got = {n: (c["verdict"], c["rule"], c["overstated"]) for n, c in claims.items()}
    assert got == fx.EXPECTED
    # the not-checkable claims were never searched: the mangled query is not sent
    assert not any("stabilizers" in h.params.get("term", "") for h in ncbi.hits("esearch"))
    assert claims[6]["searches"] == [] and claims[7]["searches"] == []


def test_another_drug_is_listed_not_counted(article: Path) -> None:
    c = report(article)[1]
    assert [e["pmid"] for e in c["evidence"]] == ["99000102"]
    assert c["also_found"] == [{
        "pmid": "99000101", "first_author": "Rivera CI", "year": 2020,
        "title": "Inhaled nitrous oxide for treatment-resistant depression: a randomized trial.",
        "url": "https://pubmed.ncbi.nlm.nih.gov/99000101/", "design": "RCT", "model": "human", "flags": [],
        "reason": "another drug (Nitrous Oxide)",
    }]
    assert c["reason"] == "Supported by 1 RCT (1 other record found is not about the claim)."


def test_another_condition_population_and_a_sedation_study(article: Path) -> None:
    claims = report(article)
    assert [e["reason"] for e in claims[2]["also_found"]] == ["another condition (post-traumatic stress disorder)"]
    assert claims[2]["evidence"] == []
    assert "none is about the claim (another condition (post-traumatic stress disorder))" in claims[2]["reason"]
    assert [e["reason"] for e in claims[3]["also_found"]] == ["not about major depression"]
    assert [e["reason"] for e in claims[9]["also_found"]] == ["another population (adults)"]


def test_a_methods_sentence_never_carries_a_stance(article: Path) -> None:
    c = report(article)[4]
    assert c["verdict"] == "no evidence found"
    assert c["reason"] == "1 record matched the query but no abstract speaks to this claim."
    assert c["also_found"] == []
    # the record is listed (so the reason's "1 record" can be seen), read without a stance
    assert [(e["pmid"], e["stance"], e["rationale"]) for e in c["evidence"]] == [("99000105", "neutral", [])]


def test_every_record_the_reason_counts_is_listed(article: Path) -> None:
    out = run_cli(["check", str(article), "-q"]).stdout
    detail = out[out.index("Claim 4 — "):out.index("Claim 5 — ")]
    assert "[99000105] Rivera CI 2020 · systematic review · neutral · read: no sentence on this claim" in detail


def test_a_review_that_finds_the_evidence_weak_caps_the_verdict(article: Path) -> None:
    c = report(article)[5]
    assert c["verdict"] == "limited"
    assert c["reason"] == (
        'A systematic review (PMID 99000106) concludes "The evidence for ketamine in bipolar depression is '
        'limited and inconsistent", so the claim is at best limited; 1 record supports it (1 RCT).'
    )
    review = next(e for e in c["evidence"] if e["pmid"] == "99000106")
    assert [r["text"] for r in review["rationale"]] == [
        "The evidence for ketamine in bipolar depression is limited and inconsistent."
    ]


def test_not_checkable_says_which_and_never_fails_strict(article: Path, tmp_path: Path) -> None:
    claims = report(article)
    assert claims[6]["reason"].startswith('Not checkable: it is a social or commercial statement ("public understanding")')
    assert claims[7]["reason"].startswith("Not checkable: no sensible query could be built")
    assert "stabilizers[tiab]" in claims[7]["reason"]
    only = tmp_path / "only.txt"
    only.write_text(
        "Ketamine gives rapid relief in treatment-resistant depression.\n\n"
        "The increasing public understanding of ketamine treatment has reduced stigma.\n"
    )
    result = run_cli(["check", str(only), "-q", "--strict"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 claims · 1 supported · 1 not checkable · 0 overstated")


def test_a_supported_claim_can_be_overstated(article: Path) -> None:
    c = report(article)[8]
    assert c["verdict"] == "supported" and c["overstated"]
    assert c["overstatement"]["terms"] == ["leading treatment"]
    assert c["overstatement"]["reason"] == (
        'Overstated: the claim says "leading treatment", more than the evidence shows '
        "(1 RCT for; effect measured at 24 hours)."
    )


def test_terminal_lists_what_was_not_counted(article: Path) -> None:
    out = run_cli(["check", str(article), "-q"]).stdout
    assert "  Also found, not counted (1):\n    [99000101] Rivera CI 2020 · RCT, n=40 · another drug (Nitrous Oxide)" in out
    assert "[99000102] Rivera CI 2020 · RCT, n=60 · supports · counted" in out
