"""How much of an exposure an association is about: an amount against a number ("fewer than two
cups a day", "at least 7,000 steps"), one amount against a reference amount ("compared with 8,000
steps, 4,000 steps ..."), and what is not an amount or a response (a definition in brackets, "a
dose-response manner").

Invented exposures (quelberry tea, zorvatine); each case is one a keyword reader gets backwards.
"""

from __future__ import annotations

import pytest

from litcli.claims import reader as rd
from litcli.claims.stance import CONTRADICTS, SUPPORTS, judge


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        # a dose-response manner is how the link is shaped, not a response that is good
        ("Higher quelberry tea intake is associated with a lower risk of gout in a linear dose-response manner.", -2),
        ("Higher quelberry tea intake is associated with a lower risk of gout.", -2),
        # an amount below or above a number is a level of the exposure
        ("Drinking fewer than two cups of quelberry tea a day was associated with a higher risk of gout.", -2),
        ("Drinking at least 4 cups of quelberry tea a day was associated with a higher risk of gout.", 2),
        ("Walking at least 7,000 steps a day was associated with a lower risk of gout.", -2),
        ("Sleeping <6 h per night was associated with a higher risk of gout.", -2),
        # one amount against a reference amount: the level is the one against the other
        ("Compared with 8 cups per week, drinking 2 cups per week was associated with a higher risk of gout.", -2),
        ("Compared with 2 cups per week, drinking 8 cups per week was associated with a higher risk of gout.", 2),
        # a bracketed definition of the exposure is no level of it; who the people are is not either
        ("Quelberry deficiency (<50 nmol/L) was associated with a higher risk of gout.", 2),
        ("In adults over 65, quelberry tea intake was associated with a higher risk of gout.", 2),
    ],
)
def test_the_exposures_level_is_read_from_its_amount(text: str, sign: int) -> None:
    found = rd.association(text, levels=True)
    assert found is not None and found[0] == sign


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        (
            "Drinking quelberry tea is linked to a lower risk of gout.",
            "Higher quelberry tea consumption is associated with a lower risk of developing gout in a linear dose-response manner.",
            SUPPORTS,
        ),
        (
            "Drinking less than two cups of quelberry tea a day is linked to a higher risk of gout.",
            "Compared with the reference category of three cups, drinking fewer than two cups of quelberry tea a day was associated with a 12% greater risk of gout (RR 1.12; 95% CI 1.06-1.18).",
            SUPPORTS,
        ),
        (
            "Drinking at least four cups of quelberry tea a day is associated with a lower risk of gout.",
            "Compared with drinking 4 cups per day, drinking 1 cup of quelberry tea per day was associated with a higher risk of gout (HR 1.51, 95% CI 1.28-1.77).",
            SUPPORTS,
        ),
        # an amount that names the claim's exposure is no level of it
        (
            "Eating within an 8-hour window is linked to a higher risk of gout.",
            "Compared with an eating duration of 12-16 hours per day, an eating duration of less than 8 hours was associated with a higher risk of gout (HR 1.91, 95% CI 1.20-3.03).",
            SUPPORTS,
        ),
        (
            "Drinking at least four cups of quelberry tea a day is associated with a lower risk of gout.",
            "Compared with drinking 1 cup per day, drinking 4 cups of quelberry tea per day was associated with a higher risk of gout (HR 1.51, 95% CI 1.28-1.77).",
            CONTRADICTS,
        ),
    ],
)
def test_an_amount_against_an_amount(claim: str, sentence: str, expected: str) -> None:
    assert judge(claim, [sentence]).stance == expected


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # which way the outcome went, and the valence of what changed
        ("Higher baseline BMI predicted a greater reduction in MADRS scores.", ("direction", -1)),
        ("Quelberry therapy is associated with accelerated loss of kidney function.", ("direction", 1)),
        ("The stronger the dissociation, the greater the later drop in suicidal ideation.", ("direction", -1)),
        # how well it went
        ("Higher BMI has been linked to a stronger antidepressant response.", ("goodness", 0)),
        ("The more dissociated you feel, the better it works.", ("goodness", 0)),
        ("Quelberry was not studied.", ("", 0)),
    ],
)
def test_what_an_associations_sign_is_of(text: str, outcome: tuple[str, int]) -> None:
    assert rd.association_outcome(text) == outcome


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # how well (a stronger response) against which way (a fall of a score where lower is better)
        (
            "Higher baseline BMI has been linked to a stronger antidepressant response to zorvatine.",
            "Higher baseline BMI predicted a greater reduction in MADRS scores 230 minutes after zorvatine infusion (β=−0.41; p=0.003).",
            SUPPORTS,
        ),
        (
            "Higher baseline BMI has been linked to a stronger antidepressant response to zorvatine.",
            "Higher baseline BMI predicted a smaller reduction in MADRS scores 230 minutes after zorvatine infusion (β=0.41; p=0.003).",
            CONTRADICTS,
        ),
        # "the greater the drop": more of a fall
        (
            "The stronger the dissociation during a zorvatine infusion, the greater the later drop in suicidal ideation.",
            "Peak CADSS dissociation scores during the zorvatine infusion correlated with the reduction in SSI scores at 24 hours (r = 0.41, p = 0.008).",
            SUPPORTS,
        ),
        # a fall named two ways
        (
            "Long-term quelberry use is associated with declining kidney function.",
            "Quelberry therapy is associated with accelerated loss of kidney function.",
            SUPPORTS,
        ),
    ],
)
def test_how_well_against_which_way(claim: str, sentence: str, expected: str) -> None:
    assert judge(claim, [sentence]).stance == expected


@pytest.mark.parametrize(
    ("exposure", "level"),
    [
        ("Sleeping below six hours a night", (-1, "hours?")),
        ("Walking at least 7,000 steps a day", (1, "steps?")),
        ("Drinking more than two cups of quelberry tea", (1, "cups?")),
        ("Quelberry tea", (0, None)),
    ],
)
def test_an_exposures_amount_and_its_unit(exposure: str, level: tuple[int, str | None]) -> None:
    from litcli.claims.frame import amount_level

    assert amount_level(exposure) == level


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # the group at the claim's amount is its arm, named first or second
        (
            "Sleeping less than six hours a night may raise your risk of gout.",
            "Participants sleeping 7 to 8 hours had a lower incidence of gout than those sleeping less than 6 hours (HR 0.79; 95% CI 0.68 to 0.92).",
            SUPPORTS,
        ),
        (
            "Sleeping less than six hours a night may raise your risk of gout.",
            "Participants sleeping less than 6 hours had a lower incidence of gout than those sleeping 7 to 8 hours (HR 0.79; 95% CI 0.68 to 0.92).",
            CONTRADICTS,
        ),
        # ... also where the words of the result come after an amount's "more"
        (
            "Sleeping less than six hours a night makes you more likely to catch a cold.",
            "Those sleeping less than 6 hours per night were more likely to develop a clinical cold than those sleeping more than 7 hours (OR 3.6; 95% CI 1.4-9.3).",
            SUPPORTS,
        ),
        # one bound named, against the rest
        (
            "Walking at least 7,000 steps a day lowers the risk of death in middle-aged adults.",
            "In middle-aged participants, those taking fewer than 7,000 steps per day had a 50% to 70% higher risk of death than those taking more.",
            SUPPORTS,
        ),
        # the claim's amount is a level, as the sentence's is
        (
            "Sleeping less than six hours a night raises the risk of gout.",
            "Compared with sleeping 7 to 8 hours, sleeping less than 6 hours per night was associated with a higher risk of incident gout (pooled relative risk 1.20; 95% CI 1.09 to 1.32).",
            SUPPORTS,
        ),
    ],
)
def test_the_arm_at_the_claims_amount(claim: str, sentence: str, expected: str) -> None:
    assert judge(claim, [sentence]).stance == expected
