"""Issue 10's target on the seed article, as far as it can be measured offline: `litcli check`
on ../shared/examples/ketamine-article.txt against the loopback E-utilities server serving the
synthetic records of tests/fixtures/claims (fake PMIDs).  PubMed itself cannot be reached here,
so this checks the invariants, not PubMed's answers:

- every claim with a verdict that takes a side shows at least one counted record whose own
  stance is that side, with a rationale sentence of that stance a reader can see;
- no counted record is about another drug, condition or population (those are "also found, not
  counted", each with its reason);
- the reason's counts are those of the listed records.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from tests.fixtures.claims import fakes

SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "ketamine-article.txt"
SIDES = {"supported": ("supports",), "contradicted": ("contradicts",), "mixed": ("supports", "contradicts")}


@pytest.fixture
def seed_report(ncbi: Any) -> list[dict[str, Any]]:
    if not SEED.exists():
        pytest.skip(f"seed article not available: {SEED}")
    ncbi.set_articles(fakes.articles())
    for query in ('"Telemedicine"[MeSH]', '"Electroconvulsive Therapy"[MeSH]', '"Ambulatory Care"[MeSH]'):
        ncbi.on_search(query, [])
    result = run_cli(["check", str(SEED), "-q", "-f", "json"])
    assert result.exit_code in (0, 1), result.stderr
    claims: list[dict[str, Any]] = json.loads(result.stdout)["claims"]
    return claims


def test_every_verdict_that_takes_a_side_shows_a_counted_record_on_that_side(seed_report: list[dict[str, Any]]) -> None:
    sided = [c for c in seed_report if c["verdict"] in SIDES]
    assert sided, "the fixtures should give the seed article at least one supported or contradicted claim"
    for claim in sided:
        for side in SIDES[claim["verdict"]]:
            shown = [
                e for e in claim["evidence"]
                if e["counted"] and e["stance"] == side and any(r["stance"] == side for r in e["rationale"])
            ]
            assert shown, f"claim {claim['number']} is {claim['verdict']} but no counted record shows a {side} sentence"


def test_no_counted_record_is_about_another_drug_condition_or_population(seed_report: list[dict[str, Any]]) -> None:
    for claim in seed_report:
        for e in claim.get("also_found") or []:
            assert re.match(r"(another|not about|animal)", e["reason"]), e["reason"]
        counted = {e["pmid"] for e in claim["evidence"] if e["counted"]}
        assert not counted & {e["pmid"] for e in claim.get("also_found") or []}


def test_the_reason_counts_the_listed_records(seed_report: list[dict[str, Any]]) -> None:
    words = {"meta-analysis": "meta-analys", "RCT": "RCT", "systematic review": "systematic review"}
    for claim in seed_report:
        if claim["verdict"] not in SIDES or not claim["reason"].startswith("Supported by"):
            continue
        counted = [e for e in claim["evidence"] if e["counted"] and e["stance"] == "supports"]
        for design, word in words.items():
            n = sum(e["design"] == design for e in counted)
            m = re.search(r"(\d+) " + word, claim["reason"].split("(")[0])
            assert (int(m.group(1)) if m else 0) == n, (claim["number"], design, claim["reason"])
