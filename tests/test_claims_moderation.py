"""Claims that a treatment works better or worse for some people: a difference between groups given it.

Invented sentences with a fake drug (zorvatine); each pair states which group fared better.
"""

from __future__ import annotations

import pytest

from litcli.claims.frame import moderation, parse_claim
from litcli.claims.stance import CONTRADICTS, NEUTRAL, SUPPORTS, judge

ANXIOUS = "Patients with anxious depression respond less well to zorvatine."


@pytest.mark.parametrize(
    ("claim", "sign", "group"),
    [
        (ANXIOUS, -1, "Patients with anxious depression"),
        ("Heavier patients (higher BMI) respond better to zorvatine infusions.", 1, "Heavier patients (higher BMI)"),
        ("Zorvatine works best in patients with the most severe anxiety.", 1, "patients with the most severe anxiety"),
        ("Zorvatine is less effective in older adults.", -1, "older adults"),
        ("Zorvatine works less well for bipolar depression than for unipolar depression.", -1, "bipolar depression"),
    ],
)
def test_a_claim_of_for_whom_it_works_names_the_group_and_the_way(claim: str, sign: int, group: str) -> None:
    found = moderation(claim)
    assert found is not None and found[:2] == (sign, group)
    assert parse_claim(claim).moderator == found


@pytest.mark.parametrize(
    "claim",
    ["Zorvatine works better for depression than placebo.", "Zorvatine works better than placebo in adults.", "Women do not respond better to zorvatine than men."],
)
def test_a_comparison_of_treatments_is_no_claim_of_for_whom(claim: str) -> None:
    assert parse_claim(claim).moderator is None


@pytest.mark.parametrize(
    ("evidence", "stance"),
    [
        # the claim's group did worse, or better, on a good outcome
        ("Patients with anxious depression had a lower response rate to zorvatine than those without anxious features (28% vs 46%; p = 0.03).", SUPPORTS),
        ("Patients with anxious depression had a higher response rate to zorvatine than those without anxious features (46% vs 28%; p = 0.03).", CONTRADICTS),
        # the claim's group after "than": the other group benefited more
        ("Participants without anxious features benefited more from zorvatine than those with anxious depression (p = 0.01).", SUPPORTS),
        # a symptom scale: lower is better
        ("Patients with anxious depression had lower MADRS scores after zorvatine than non-anxious patients (p = 0.02).", CONTRADICTS),
        # an association, a moderation looked for and not found, a difference the test did not bear out
        ("Anxious depression was associated with greater odds of response to zorvatine (odds ratio 2.1; 95% CI 1.1 to 4.0).", CONTRADICTS),
        ("Anxious depression did not moderate the effect of zorvatine on MADRS scores (p for interaction = 0.52).", CONTRADICTS),
        ("Patients with anxious depression had a lower response rate to zorvatine than those without anxious features (28% vs 33%; p = 0.41).", CONTRADICTS),
        # the drug against placebo within the group: no comparison of groups
        ("Zorvatine reduced MADRS scores more than placebo in patients with anxious depression (p = 0.01).", NEUTRAL),
        # the group not named
        ("Zorvatine reduced MADRS scores more than placebo (p = 0.01).", NEUTRAL),
    ],
)
def test_the_group_that_fared_better_decides(evidence: str, stance: str) -> None:
    assert judge(ANXIOUS, [evidence]).stance == stance


def test_a_group_set_against_another_group_by_name() -> None:
    claim = "Women respond better to zorvatine than men."
    assert judge(claim, ["Remission after zorvatine was less frequent in women than in men (22% vs 34%; p = 0.03)."]).stance == CONTRADICTS
    assert judge(claim, ["Female participants had higher remission rates after zorvatine than male participants (34% vs 22%; p = 0.03)."]).stance == SUPPORTS
