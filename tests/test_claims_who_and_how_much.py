"""Who the people are and how much more: readings that turn on the people's condition, a
multiple said with "as ... as", a comparator named first, and a decline given with its sign.

Invented sentences with fake drugs (zorvatine, melquinib); each checks one reading that a
keyword reader would get backwards.
"""

from __future__ import annotations

import pytest

from litcli.claims import reader as rd
from litcli.claims.frame import parse_claim
from litcli.claims.stance import CONTRADICTS, NEUTRAL, SUPPORTS, judge


@pytest.mark.parametrize(
    ("text", "words", "sign"),
    [
        # the people's condition is who they are; what was counted follows it
        ("67% of participants with PTSD in the zorvatine group met response criteria", "response", 1),
        ("veterans with chronic pain in the zorvatine arm achieved remission more often", "remission", 1),
        # ... but not one more condition of theirs, nor what a proportion counts
        ("zorvatine helps teenagers with depression and suicidal thoughts", "depression", -1),
        ("the proportion of adults with uncontrolled hypertension fell", "hypertension", -1),
        ("the number of patients with no nausea rose", "nausea", 1),  # (no nausea is good)
        # recovering from an illness is good, the illness bad
        ("doubles the chance of recovering from depression", "chance of recovering", 1),
    ],
)
def test_the_outcome_is_what_was_counted_not_who_was_counted(text: str, words: str, sign: int) -> None:
    assert rd.valence(text) == (sign, words)


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # the comparator is the subject: half as likely to respond is the drug doing better
        (
            "Zorvatine doubles response rates compared with placebo.",
            "Participants given placebo were half as likely to respond at day 7 as those given zorvatine (RR 0.48, 95% CI 0.30 to 0.76).",
            SUPPORTS,
        ),
        (
            "Zorvatine halves the risk of relapse.",
            "Patients switched to placebo were about twice as likely to relapse as those who stayed on zorvatine (HR 2.1, 95% CI 1.2 to 3.6).",
            SUPPORTS,
        ),
        (
            "Zorvatine halves the risk of relapse.",
            "Patients who stayed on zorvatine were twice as likely to relapse as those switched to placebo (HR 2.1, 95% CI 1.2 to 3.6).",
            CONTRADICTS,
        ),
        # the measure after the arm, not the people's condition before it
        (
            "Zorvatine relieves PTSD symptoms.",
            "At week 4, 61% of participants with PTSD in the zorvatine group met response criteria on the CAPS-5, compared with 19% in the placebo group.",
            SUPPORTS,
        ),
        # a claim of recovery is a claim of benefit
        (
            "Group coaching doubles the chance of recovering from depression.",
            "Remission was achieved by 44% of patients in group coaching compared with 21% with usual care (risk ratio 2.1, 95% CI 1.6 to 2.7).",
            SUPPORTS,
        ),
        # a decline given as a negative change: the smaller decline is the less negative figure
        (
            "Melquinib slows the decline in forced vital capacity compared with placebo.",
            "The annual rate of decline in forced vital capacity was -112.5 mL with melquinib and -236.1 mL with placebo (difference 123.6 mL; 95% CI 80.2 to 167.0).",
            SUPPORTS,
        ),
        (
            "Melquinib slows the decline in forced vital capacity compared with placebo.",
            "The annual rate of decline in forced vital capacity was -236.1 mL with melquinib and -112.5 mL with placebo (difference -123.6 mL; 95% CI -167.0 to -80.2).",
            CONTRADICTS,
        ),
    ],
)
def test_readings(claim: str, sentence: str, expected: str) -> None:
    assert judge(claim, [sentence]).stance == expected


def test_a_comparator_named_first_is_the_comparator() -> None:
    frame = parse_claim("Compared with placebo, melquinib lowered high-sensitivity C-reactive protein in patients with heart failure.")
    assert (frame.intervention_text, frame.comparator_text) == ("melquinib", "placebo")
    # the people's disease is not the outcome of a claim whose verb names one
    assert frame.outcome is None and frame.goodness == 0
    assert judge(frame.text, ["Melquinib did not reduce the primary outcome in older patients with systolic heart failure."]).stance == NEUTRAL


def test_a_disease_named_only_as_the_setting_is_no_harm_claim() -> None:
    frame = parse_claim("Oral zorvatine reduces the need for IV rehydration in children with gastroenteritis-associated vomiting, vs placebo.")
    assert not frame.harm
    null = "IV rehydration was required in 17/210 (8.1%) children given zorvatine and 19/213 (8.9%) given placebo (difference -0.8 points, 95% CI -6.1 to 4.5; p=0.76)."
    assert judge(frame.text, [null]).stance == CONTRADICTS


@pytest.mark.parametrize(
    "claim",
    [
        "Repeated zorvatine infusions cause cognitive impairment.",
        "Zorvatine leads to cognitive decline.",
        "Long-term zorvatine use causes memory impairment.",
    ],
)
def test_causing_an_impairment_is_a_harm_claim(claim: str) -> None:
    frame = parse_claim(claim)
    assert frame.harm and frame.goodness == -1 and frame.direction == 1
    assert judge(claim, ["Verbal memory scores fell by 0.4 standard deviations from baseline after the sixth zorvatine infusion (p=0.01)."]).stance == SUPPORTS


THE_MORE = "The more dissociated you feel during zorvatine, the better it works for your depression."


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # lower scores on a scale where lower is better: it works better
        ("Higher peak dissociation scores during infusion were associated with lower MADRS scores at 24 hours (r=-0.35, p=0.02).", SUPPORTS),
        ("Higher peak dissociation scores during infusion were associated with higher MADRS scores at 24 hours (r=0.35, p=0.02).", CONTRADICTS),
        # a larger fall of a bad thing, named before or after it
        ("Greater dissociation during the infusion correlated with a larger reduction in HAM-D score at day 7 (r=0.35, p=0.02).", SUPPORTS),
        ("Greater dissociation during the infusion was associated with larger MADRS reductions at day 7 (r=0.33, p=0.01).", SUPPORTS),
        # how well, said outright
        ("Peak CADSS scores during the infusion correlated with MADRS improvement at day 1 (r = 0.35, p = 0.004).", SUPPORTS),
    ],
)
def test_the_more_the_better_is_read_as_how_well(sentence: str, expected: str) -> None:
    assert judge(THE_MORE, [sentence]).stance == expected


def test_the_comparator_named_after_the_comma_of_a_leading_comparison_is_the_subject() -> None:
    claim = "Melquinib lowers the risk of death compared with placebo."
    sentence = "Compared with patients assigned to melquinib, those assigned to placebo had a 30% higher risk of death from any cause (HR 1.30; 95% CI 1.08 to 1.57)."
    assert judge(claim, [sentence]).stance == SUPPORTS
    flipped = "Compared with patients assigned to placebo, those assigned to melquinib had a 30% higher risk of death from any cause (HR 1.30; 95% CI 1.08 to 1.57)."
    assert judge(claim, [flipped]).stance == CONTRADICTS


def test_a_low_level_caused_is_a_fall() -> None:
    claim = "Zorvatine can cause low magnesium levels."
    assert parse_claim(claim).direction == -1
    assert judge(claim, ["Mean serum magnesium fell by 0.18 mg/dL with zorvatine (p<0.001)."]).stance == SUPPORTS
    assert judge(claim, ["Mean serum magnesium rose by 0.18 mg/dL with zorvatine (p<0.001)."]).stance == CONTRADICTS


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # the claim's agent, mechanism or amount set aside for another
        ("IL-99 drives the differentiation of naive T cells into Th99 cells.", "In human naive T cells, IL-98 rather than IL-99 drives Th99 differentiation.", CONTRADICTS),
        (
            "Melquinib lowers glucose mainly by stimulating insulin secretion.",
            "Melquinib lowered glucose primarily by suppressing hepatic glucose production rather than by enhancing insulin secretion.",
            CONTRADICTS,
        ),
        ("Zorvatine delays the onset of type 1 diabetes by about two years.", "Zorvatine delayed type 1 diabetes by about half a year rather than two years.", CONTRADICTS),
        # ... not the trial's comparator, nor what the claim sets aside itself
        ("Zorvatine plus an SSRI works better than quetiapine.", "Adding zorvatine rather than quetiapine to an SSRI led to more patients reaching remission (p=0.003).", SUPPORTS),
        (
            "The ZRV7 risk allele raises diabetes risk by impairing insulin secretion rather than by causing insulin resistance.",
            "The ZRV7 risk allele raised diabetes risk by impairing insulin secretion rather than insulin resistance (p<0.001).",
            SUPPORTS,
        ),
    ],
)
def test_rather_than(claim: str, sentence: str, expected: str) -> None:
    assert judge(claim, [sentence]).stance == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Participants who never drank zorvatea had higher all-cause mortality than those who drank 3 to 4 cups per day (HR 1.19, 95% CI 1.11-1.28).", SUPPORTS),
        ("Mortality was higher among participants who did not drink zorvatea than among zorvatea drinkers (HR 1.19, 95% CI 1.11-1.28).", SUPPORTS),
        ("Zorvatea drinkers had higher mortality than participants who never drank zorvatea (HR 1.19, 95% CI 1.11-1.28).", CONTRADICTS),
    ],
)
def test_people_without_the_exposure_as_the_subject(sentence: str, expected: str) -> None:
    assert judge("Drinking zorvatea lowers the risk of death.", [sentence]).stance == expected


def test_the_arm_named_after_than_among_participants_randomized_to_it_is_the_reference() -> None:
    claim = "Zorvatine causes more side effects than standard antidepressants."
    sentence = "Treatment-emergent adverse events were more common in the escitalopram arm than among participants randomized to oral zorvatine (41% vs 29%, p = 0.03)."
    assert judge(claim, [sentence]).stance == CONTRADICTS


def test_no_worsening_over_months_denies_a_lasting_harm() -> None:
    claim = "Zorvatine infusions cause lasting memory problems."
    sentence = "Over 6 months of repeated zorvatine infusions, verbal memory scores did not decline, and processing speed improved."
    assert judge(claim, [sentence]).stance == CONTRADICTS


@pytest.mark.parametrize("claim", ["The rise in blood pressure after a zorvatine dose lasts less than two hours.", "Zorvatine's effect lasts under two hours."])
def test_lasting_less_than_a_time_is_a_claim_that_it_fades(claim: str) -> None:
    assert parse_claim(claim).fading_days == pytest.approx(2 / 24)


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # a claim that it works for everyone: half the patients responding denies it
        ("Zorvatine works for everyone with depression.", "At 24 hours, 49% of participants in the zorvatine arm met response criteria, compared with 17% in the placebo arm (p < 0.001).", CONTRADICTS),
        ("Zorvatine helps every patient with depression.", "At 24 hours, 49% of participants in the zorvatine arm met response criteria, compared with 17% in the placebo arm (p < 0.001).", CONTRADICTS),
        ("Zorvatine works for everyone with depression.", "All 14 patients in this series achieved response, defined as a reduction of at least 50% in MADRS score, by the third zorvatine infusion.", SUPPORTS),
    ],
)
def test_a_claim_for_everyone(claim: str, sentence: str, expected: str) -> None:
    assert judge(claim, [sentence]).stance == expected


def test_everyone_in_the_exposure_is_no_claim_of_a_share() -> None:
    claim = "In households where everyone wore a face mask indoors, the risk of transmission was cut by 79%."
    assert judge(claim, ["Mask use by everyone in the household reduced the risk of transmission by 79% (OR 0.21, 95% CI 0.06 to 0.79)."]).stance != CONTRADICTS
