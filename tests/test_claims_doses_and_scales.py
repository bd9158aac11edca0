"""Doses set against each other, the scale a result was measured on, and claims that an effect is
only a placebo's or of a stated size.

Invented sentences with fake drugs (zorvatine, melquinib); each checks one reading that a keyword
reader gets backwards.
"""

from __future__ import annotations

import pytest

from litcli.claims import reader as rd
from litcli.claims.frame import dose_level, parse_claim
from litcli.claims.stance import CONTRADICTS, NEUTRAL, SUPPORTS, judge


@pytest.mark.parametrize(
    ("text", "sign", "words"),
    [
        # the chance of responding is a good outcome, whoever responds
        ("triples the chance of responding to treatment for PTSD", 1, "chance of responding"),
        ("improves the odds of recovering", 1, "odds of recovering"),
        # (not the people who responded)
        ("patients responding to zorvatine had", 0, None),
    ],
)
def test_the_chance_of_responding_is_an_outcome(text: str, sign: int, words: str | None) -> None:
    assert rd.valence(text) == (sign, words)


@pytest.mark.parametrize(
    ("claim", "level"),
    [
        ("Higher doses of zorvatine work better for depression.", 1),
        ("A higher dose of zorvatine works better than the usual dose.", 1),
        ("High-dose zorvatine relieves pain more than low-dose zorvatine.", 1),
        ("Lower doses of zorvatine cause less drowsiness.", -1),
        ("Zorvatine works better at higher doses.", 0),  # (the subject is the drug)
        ("Zorvatine relieves depression.", 0),
    ],
)
def test_a_claim_about_a_level_of_dose(claim: str, level: int) -> None:
    assert dose_level(claim) == level


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # the higher of two doses is the claim's arm, wherever it is named
        (
            "Higher doses of zorvatine work better for PTSD.",
            "The 0.2 mg/kg zorvatine dose produced greater PCL-5 improvement than the 0.5 mg/kg dose in veterans with PTSD (p=0.04).",
            CONTRADICTS,
        ),
        (
            "Higher doses of zorvatine work better for PTSD.",
            "In adults with PTSD, the 0.5 mg/kg dose of zorvatine reduced CAPS-5 scores more than the 0.2 mg/kg dose (difference -6.1; p=0.02).",
            SUPPORTS,
        ),
        (
            "Higher doses of zorvatine work better for depression.",
            "Patients given 0.5 mg/kg were less likely to respond at 24 hours than those given 1.0 mg/kg (33% vs 58%; p=0.03).",
            SUPPORTS,
        ),
        (
            "Lower doses of zorvatine work better for depression.",
            "Patients given 0.5 mg/kg were less likely to respond at 24 hours than those given 1.0 mg/kg (33% vs 58%; p=0.03).",
            CONTRADICTS,
        ),
        (
            "Higher doses of zorvatine relieve anxiety more than lower doses.",
            "HAM-A reductions increased with dose, from 3.1 points at 0.25 mg/kg to 8.9 points at 1.0 mg/kg of zorvatine (p for trend = 0.01).",
            SUPPORTS,
        ),
        # a harm of the higher dose is no answer to a claim that it works better
        (
            "Higher doses of zorvatine work better for PTSD.",
            "Dissociative symptoms were more frequent at the 0.5 mg/kg dose than at the 0.2 mg/kg dose.",
            NEUTRAL,
        ),
        # the scale a response was counted on is not the outcome
        (
            "Zorvatine does not work for social anxiety.",
            "Response rates on the Liebowitz Social Anxiety Scale were higher after zorvatine than after placebo (33.3% vs 0%) in participants with social anxiety disorder.",
            CONTRADICTS,
        ),
        (
            "Zorvatine triples the chance of responding to treatment for PTSD compared with placebo.",
            "Treatment response in PTSD was achieved by 67% of the zorvatine group and 20% of the midazolam group (RR 3.3, 95% CI 1.4 to 7.9).",
            SUPPORTS,
        ),
        # "cuts scores in half": a size the condition's own scale can answer
        (
            "Zorvatine cuts PTSD symptom scores in half.",
            "The zorvatine group's mean PCL-5 score decreased by 18% from baseline, compared with 12% in the placebo group.",
            CONTRADICTS,
        ),
        (
            "Zorvatine cuts PTSD symptom scores in half.",
            "The zorvatine group's mean PCL-5 score decreased by 52% from baseline, compared with 12% in the placebo group.",
            SUPPORTS,
        ),
        # "may simply be a placebo effect": a claim that it is no better than placebo
        (
            "Much of zorvatine's apparent benefit in PTSD may simply be a placebo effect.",
            "Zorvatine was superior to midazolam, an active placebo chosen to mimic its sedative effects, in reducing CAPS-5 scores (difference -8.8; p=0.002).",
            CONTRADICTS,
        ),
        (
            "Much of zorvatine's apparent benefit in PTSD may simply be a placebo effect.",
            "CAPS-5 change did not differ between zorvatine and the active placebo midazolam (difference -1.4, 95% CI -6.3 to 3.5).",
            SUPPORTS,
        ),
    ],
)
def test_doses_scales_and_sizes(claim: str, sentence: str, expected: str) -> None:
    assert judge(claim, [sentence]).stance == expected


def test_a_placebo_controlled_effect_is_no_placebo_claim() -> None:
    frame = parse_claim("Zorvatine's effect on depression is placebo-controlled in most trials.")
    assert not frame.negated and frame.comparator_text is None


@pytest.mark.parametrize(
    ("claim", "sentences", "expected"),
    [
        # a second clause after a dash says the first again: it does not make the claim a denial
        (
            "Zorvatine's antidepressant effect wears off within a week — don't expect it to last.",
            ["In most participants, depression scores had returned to baseline levels 5 to 7 days after the infusion."],
            SUPPORTS,
        ),
        (
            "Zorvatine's antidepressant effect wears off within a week — don't expect it to last.",
            ["Response was sustained at day 21 in 58% of zorvatine-treated patients compared with 19% of placebo-treated patients (p=0.002)."],
            CONTRADICTS,
        ),
        # an adverb between the denial and its verb
        (
            "Zorvatine nasal spray doesn't actually reduce suicidal thinking any more than placebo does.",
            ["Patients randomized to intranasal zorvatine showed a significantly greater reduction in MSSI scores at 4 hours than those receiving placebo spray (p=0.002)."],
            CONTRADICTS,
        ),
        # no independent association is none
        (
            "Higher quelberry intake has been associated with a lower risk of colorectal cancer.",
            ["In this large pooled analysis, high quelberry intake was not independently associated with a reduced risk of colorectal cancer."],
            CONTRADICTS,
        ),
        # the adjusted estimate answers where the crude one disagrees with it
        (
            "More quelberry intake leads to higher blood pressure in children.",
            [
                "In crude models, each additional daily serving of quelberry was associated with a 0.06 SD higher systolic blood pressure z-score.",
                "Quelberry intake was not independently associated with blood pressure once adiposity and other factors were accounted for.",
            ],
            CONTRADICTS,
        ),
    ],
)
def test_second_clauses_adverbs_and_adjustment(claim: str, sentences: list[str], expected: str) -> None:
    assert judge(claim, sentences).stance == expected


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # "halves X within a day" states a size, whatever the time after it
        ("Zorvatine halves depression scores within a day.", "At 24 hours, MADRS scores had fallen by a mean of 21% from baseline (from 32.0 to 25.3).", CONTRADICTS),
        ("Zorvatine halves depression scores within a day.", "At 24 hours, MADRS scores had fallen by a mean of 52% from baseline (from 32.0 to 15.4).", SUPPORTS),
        # seen at the claim's time, gone at the next time looked at: it faded between them
        (
            "Zorvatine's effect on suicidal thoughts wears off after a day or so.",
            "Zorvatine was superior to placebo on SSI scores at 24 hours, but the between-group difference was no longer significant at day 3 or day 7.",
            SUPPORTS,
        ),
        (
            "Zorvatine's effect on suicidal thoughts wears off after a day or so.",
            "Zorvatine was superior to placebo on SSI scores at day 14, but the between-group difference was no longer significant at day 28.",
            CONTRADICTS,
        ),
    ],
)
def test_sizes_within_a_time_and_fading_between_two(claim: str, sentence: str, expected: str) -> None:
    assert judge(claim, [sentence]).stance == expected


def test_a_condition_that_resolves_is_no_effect_that_fades() -> None:
    claim = parse_claim("Only about four patients need to receive zorvatine for one of them to have their suicidal thoughts resolve.")
    assert claim.fading_days is None and claim.goodness == 1
    # (what fades is still read so: a harm that resolves)
    assert parse_claim("Zorvatine-induced dissociation resolves within two hours.").fading_days is not None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Suicidal ideation had resolved at 24 hours in 55% of the zorvatine group and 30% of the midazolam group (number needed to treat 4; 95% CI 2.5 to 11).", SUPPORTS),
        ("At 24 hours, suicidal ideation had resolved in 38% of zorvatine-treated and 31% of midazolam-treated patients, a difference that was not significant (p=0.44).", CONTRADICTS),
    ],
)
def test_the_share_in_whom_a_condition_ended(sentence: str, expected: str) -> None:
    claim = "Only about four patients need to receive zorvatine for one of them to have their suicidal thoughts resolve."
    assert judge(claim, [sentence]).stance == expected


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # significant at some times, not at a later one: how long it held, for a claim that it fades
        (
            "Zorvatine's antidepressant effect wears off within a week.",
            "The zorvatine–placebo difference on the HAM-D was significant at 24 and 72 hours but not at day 7 (mean difference -1.1, 95% CI -4.0 to 1.8).",
            SUPPORTS,
        ),
        (
            "Zorvatine's benefit on depression lasts through the full four weeks of treatment.",
            "Zorvatine's advantage over placebo on MADRS was significant at 4 hours and 24 hours but not at day 25, the end of double-blind treatment.",
            CONTRADICTS,
        ),
        # a phrasal verb of change
        ("Zorvatine infusions push up your blood pressure.", "Systolic blood pressure rose transiently during zorvatine infusion, by a mean of 18 mmHg at 40 minutes.", SUPPORTS),
        ("Zorvatine infusions push up your blood pressure.", "No clinically meaningful change in blood pressure was observed during or after the zorvatine infusions.", CONTRADICTS),
        # the size of a rise compared after it: a smaller rise is relatively lower
        ("Zorvatine infusions push up your blood pressure.", "Blood pressure increases were smaller with midazolam than with zorvatine (mean peak systolic change +4 vs +17 mmHg).", SUPPORTS),
        ("Zorvatine infusions push up your blood pressure.", "Blood pressure increases were larger with midazolam than with zorvatine (mean peak systolic change +17 vs +4 mmHg).", CONTRADICTS),
    ],
)
def test_times_held_phrasal_verbs_and_sizes_of_a_rise(claim: str, sentence: str, expected: str) -> None:
    assert judge(claim, [sentence]).stance == expected


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # "only a brief surge, lasting minutes to hours": a claim that it fades, within hours
        (
            "Zorvatine causes only a brief glutamate surge in the prefrontal cortex, lasting minutes to hours.",
            "Medial prefrontal Glx remained elevated 24 hours and 3 days after zorvatine relative to placebo (p = 0.01 and p = 0.03).",
            CONTRADICTS,
        ),
        # back to normal: no difference from healthy controls after treatment
        (
            "Zorvatine normalizes reduced prefrontal connectivity in treatment-resistant depression.",
            "Patients had reduced prefrontal connectivity at baseline, and 24 hours after zorvatine their values no longer differed from those of healthy controls (p = 0.64).",
            SUPPORTS,
        ),
        (
            "Zorvatine may reverse stress-induced loss of synapses.",
            "Stressed mice treated with zorvatine had spine densities no different from those of unstressed controls, whereas vehicle-treated stressed mice showed a 32% deficit.",
            SUPPORTS,
        ),
        # (no difference from placebo is still none)
        (
            "Zorvatine normalizes reduced prefrontal connectivity in treatment-resistant depression.",
            "Prefrontal connectivity 24 hours after infusion did not differ between zorvatine and placebo (p = 0.64).",
            CONTRADICTS,
        ),
    ],
)
def test_brief_surges_and_a_return_to_normal(claim: str, sentence: str, expected: str) -> None:
    assert judge(claim, [sentence]).stance == expected


def test_a_brief_course_is_no_fading_claim() -> None:
    assert parse_claim("Zorvatine relieves depression after only a brief infusion.").fading_days is None
    assert parse_claim("Zorvatine causes only a brief glutamate surge, lasting minutes to hours.").fading_days is not None


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # lost at the time claimed is not lasting that long
        ("The benefit of zorvatine is maintained for at least a year of continuous treatment.", "The advantage of zorvatine over placebo was not sustained at one year.", CONTRADICTS),
        ("Zorvatine's benefit on cognition lasts for at least two years.", "The cognitive benefit of zorvatine was not sustained over two years.", CONTRADICTS),
        # ... unless it is said to have held that long first
        (
            "A single zorvatine infusion relieves depression for at least a week.",
            "The antidepressant effect of a single infusion persisted for at least 7 days but waned by the second week.",
            NEUTRAL,
        ),
    ],
)
def test_lost_at_the_time_claimed(claim: str, sentence: str, expected: str) -> None:
    assert judge(claim, [sentence]).stance == expected


def test_no_change_since_is_stability_not_loss() -> None:
    claim = "Improvements after zorvatine-assisted therapy for PTSD persist at 12 months."
    sentence = "Mean CAPS-5 scores declined from 83.2 at baseline to 45.7 at treatment exit and were 38.9 at 12 months, with no significant increase between exit and follow-up."
    assert judge(claim, [sentence]).stance != CONTRADICTS


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # "does nothing for" denies a benefit; the writer's own story after it is no time claimed
        ("Quelberry does nothing for depression, I tried it for months. Save your money.", "Quelberry supplementation did not improve depressive symptoms in patients with major depressive disorder.", SUPPORTS),
        ("Quelberry does nothing for depression, I tried it for months. Save your money.", "Quelberry supplementation improved depressive symptoms in deficient patients with depression (p=0.01).", CONTRADICTS),
    ],
)
def test_does_nothing_for_and_the_writers_story(claim: str, sentence: str, expected: str) -> None:
    assert judge(claim, [sentence]).stance == expected
    assert parse_claim(claim).lasting_days is None


@pytest.mark.parametrize(
    ("claim", "days"),
    [
        ("A single zorvatine infusion can relieve OCD symptoms for a week.", 7.0),
        ("Zorvatine keeps depression away for a month.", 30.0),
    ],
)
def test_for_a_week_is_a_time_claimed(claim: str, days: float) -> None:
    assert parse_claim(claim).lasting_days == days


def test_for_a_week_against_a_return_to_baseline() -> None:
    claim = "A single zorvatine infusion can relieve OCD symptoms for a week."
    sentence = "In unmedicated adults with OCD, Y-BOCS scores improved at 230 minutes but had returned to baseline by day 7 in all but one participant."
    assert judge(claim, [sentence]).stance == CONTRADICTS
