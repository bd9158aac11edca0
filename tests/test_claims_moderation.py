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
        ("People who are CYP2D6 poor metabolizers get less pain relief from zorvatine.", -1, "People who are CYP2D6 poor metabolizers"),
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


HIGH_CRP = "Depressed patients with high CRP respond better to zorvatine."


@pytest.mark.parametrize(
    ("evidence", "stance"),
    [
        # a group defined by a level is told from the other by its level word
        ("Patients with baseline CRP above 3 mg/L were more likely to respond to zorvatine than those with CRP below 1 mg/L (odds ratio 2.9, 95% CI 1.3 to 6.4).", SUPPORTS),
        ("Patients with baseline CRP below 1 mg/L were more likely to respond to zorvatine than those with CRP above 3 mg/L (odds ratio 2.9, 95% CI 1.3 to 6.4).", CONTRADICTS),
        # a fall in symptoms is the good change: "fell less" is less good
        ("Depressive symptoms fell less after zorvatine in participants with elevated baseline CRP than in those with low CRP (p = 0.02).", CONTRADICTS),
        ("Depressive symptoms fell more after zorvatine in participants with elevated baseline CRP than in those with low CRP (p = 0.02).", SUPPORTS),
        # the greatest of several groups, by its level (not the level word itself: "the highest tertile")
        ("Participants in the highest tertile of baseline CRP showed the greatest reductions in MADRS scores after zorvatine.", SUPPORTS),
        ("Participants in the lowest tertile of baseline CRP showed the greatest reductions in MADRS scores after zorvatine.", CONTRADICTS),
    ],
)
def test_a_group_defined_by_a_level(evidence: str, stance: str) -> None:
    assert judge(HIGH_CRP, [evidence]).stance == stance


def test_the_other_group_by_the_opposite_level_and_a_name_by_its_initials() -> None:
    claim = "People with a higher body mass index respond better to zorvatine."
    said = "Participants with obesity (BMI of 30 or more) had a {} remission rate at day 7 than those of normal weight (41% vs 18%; adjusted OR 2.9, 95% CI 1.4-6.0)."
    assert judge(claim, [said.format("higher")]).stance == SUPPORTS
    assert judge(claim, [said.format("lower")]).stance == CONTRADICTS


def test_getting_more_out_of_it_and_a_group_named_with_or() -> None:
    claim = "People with a higher BMI get more out of zorvatine than slimmer patients."
    assert moderation(claim) == (1, "People with a higher BMI", "zorvatine", "slimmer patients")
    said = "Normal-weight participants showed {} reductions in MADRS scores after zorvatine than overweight or obese participants (p = 0.02)."
    assert judge(claim, [said.format("smaller")]).stance == SUPPORTS
    assert judge(claim, [said.format("larger")]).stance == CONTRADICTS


SAME = "Zorvatine works as well in older adults as it does in younger adults."


def test_a_claim_of_as_well_for_both_groups_is_a_moderation_of_no_difference() -> None:
    assert moderation(SAME) == (0, "older adults", "Zorvatine", "younger adults")
    assert moderation("Zorvatine works just as well for women as for men.") == (0, "women", "Zorvatine", "men")
    assert moderation("Zorvatine works as well as ECT in older adults.") is None  # (a comparison of treatments)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Age did not modify the effect of zorvatine on remission (interaction p=0.81), with similar odds ratios in patients older and younger than 65 years.", SUPPORTS),
        ("The effect of zorvatine on MADRS scores was smaller in patients aged 65 and older than in those aged 18 to 64 (treatment-by-age interaction p=0.02).", CONTRADICTS),
        ("In patients aged 65 or older no benefit of zorvatine was observed, and the difference between age groups was significant (p for interaction=0.02).", CONTRADICTS),
    ],
)
def test_as_well_for_both_is_read_against_the_difference_between_them(sentence: str, expected: str) -> None:
    assert judge(SAME, [sentence]).stance == expected
