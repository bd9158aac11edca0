"""Quoted figures (litcli.claims.figures): a claim's proportion or ratio read against the figures
an abstract gives for the same thing.

Every sentence here is written for this file (none comes from the stance benchmark data).
"""

from __future__ import annotations

import pytest

from litcli.claims.figures import figures, read_figures
from litcli.claims.stance import CONTRADICTS, NEUTRAL, SUPPORTS, judge


def values(text: str, **kw: bool) -> list[tuple[float, float, str]]:
    return [(f.low, f.high, f.unit) for f in figures(text, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some 64 percent of the island's adults carried antibodies.", [(64.0, 64.0, "%")]),
        ("One in four nurses reported burnout.", [(25.0, 25.0, "%")]),
        ("as many as three out of five residents were infected", [(60.0, 60.0, "%")]),
        ("Two-thirds of the cohort had quit smoking.", [(66.7, 66.7, "%")]),
        ("between 4.5 percent and 7 percent had been infected", [(4.5, 7.0, "%")]),
        ("Falls were 3.2 times higher among sedated residents.", [(3.2, 3.2, "x")]),
        ("Forty percent of the sample were smokers.", [(40.0, 40.0, "%")]),
    ],
)
def test_figures_reads_shares_and_ratios(text: str, expected: list[tuple[float, float, str]]) -> None:
    assert values(text) == expected


def test_an_interval_around_an_estimate_is_not_a_figure() -> None:
    text = "We estimate that 61% of infections went unreported (95% credible interval [CrI]: 55-68%) before the lockdown."
    assert values(text) == [(61.0, 61.0, "%")]
    assert values("Seroprevalence was 3.9% (95% CI 3.1-4.8%) in the county.") == [(3.9, 3.9, "%")]


@pytest.mark.parametrize(
    "text",
    [
        "Brimonidine 0.2% drops lowered intraocular pressure.",  # a concentration
        "The gel cut itching by 40%.",  # the size of a change
        "Patients reaching a 90% reduction in plaque area were few.",  # part of an outcome's name
    ],
)
def test_a_percentage_that_is_not_a_share_of_a_whole_is_left_out(text: str) -> None:
    assert values(text) == []
    assert values(text, shares=False)  # (still a number, when any stated figure may agree)


def test_a_bound_is_read_before_or_after_the_figure() -> None:
    assert [f.bound for f in figures("up to 30% of carriers had no fever")] == ["upper"]
    assert [f.bound for f in figures("20% or more of hip fractures were fatal")] == ["lower"]


CLAIM = "A new survey found that 64 percent of the island's adults carried antibodies to the virus by March."


def test_the_same_figure_for_the_same_thing_supports() -> None:
    abstract = [
        "We tested 2,410 adults drawn at random from the island's electoral roll.",
        "Adjusted for test accuracy, 63.5% of adults carried antibodies to the virus by March.",
    ]
    assert judge(CLAIM, abstract).stance == SUPPORTS


def test_another_figure_for_the_same_thing_contradicts() -> None:
    abstract = [
        "We tested 2,410 adults drawn at random from the island's electoral roll.",
        "Adjusted for test accuracy, 18% of adults carried antibodies to the virus by March.",
    ]
    got = judge(CLAIM, abstract)
    assert got.stance == CONTRADICTS
    assert got.rationale[0].cue == "18%"


def test_a_figure_agreeing_anywhere_outweighs_other_figures() -> None:
    # a figure for another month differs, the one for March agrees: no contradiction
    abstract = [
        "Adjusted for test accuracy, 31% of the island's adults carried antibodies to the virus in January.",
        "By March, antibodies were carried by 65% of adults.",
    ]
    assert judge(CLAIM, abstract).stance == SUPPORTS


def test_a_differing_figure_about_something_else_says_nothing() -> None:
    abstract = [
        "We tested 2,410 adults drawn at random from the island's electoral roll.",
        "Of those tested, 18% were aged over 70 years.",
    ]
    assert judge(CLAIM, abstract).stance == NEUTRAL


def test_a_bound_is_not_contradicted_by_a_larger_figure() -> None:
    claim = "Up to 30 percent of carriers of the virus never develop a fever, experts say."
    abstract = ["Among 512 carriers of the virus, 71% never developed a fever during follow-up."]
    assert read_figures(claim, abstract) == {}
    assert judge(claim, abstract).stance != CONTRADICTS


def test_a_figure_in_a_condition_is_a_premise_not_the_claim() -> None:
    claim = "Hospitals would save 2 billion dollars if 40% of outpatients used the online service."
    abstract = ["If 40% of outpatients used the online service, hospitals would save about 300 million dollars."]
    assert read_figures(claim, abstract) == {}


def test_ratios_agree_and_disagree_by_size_and_direction() -> None:
    claim = "Residents given sedatives were 3 times more likely to fall, a study says."
    agree = ["Falls were 3.2 times higher among residents given sedatives than among other residents."]
    differ = ["Falls were 1.1 times higher among residents given sedatives than among other residents."]
    opposite = ["Falls were 3 times lower among residents given sedatives than among other residents."]
    assert judge(claim, agree).stance == SUPPORTS
    assert judge(claim, differ).stance == CONTRADICTS
    assert judge(claim, opposite).stance == CONTRADICTS


def test_a_figure_named_by_the_abstracts_abbreviation_is_about_the_same_thing() -> None:
    claim = "About one in ten adults in the survey had chronic liver disease."
    abstract = [
        "Chronic liver disease (CLD) is often undiagnosed.",
        "We examined 6,204 adults from a national health survey with ultrasound and blood tests.",
        "RESULTS: The prevalence of CLD was 10.6% (95% CI 9.8-11.4).",
        "Most cases were previously unknown to the participants.",
    ]
    assert judge(claim, abstract).stance == SUPPORTS
    assert judge(claim.replace("one in ten", "one in three"), abstract).stance == CONTRADICTS


def test_a_hyphenated_name_shares_its_words() -> None:
    claim = "Long COVID affects about one in eight people who catch the virus, according to the study."
    abstract = [
        "Persistent symptoms after infection are common but their frequency is uncertain.",
        "We followed 4,100 adults with and without a positive test for a year.",
        "Persistent symptoms attributable to COVID-19 were observed in 12.9% of infected individuals.",
        "Fatigue and loss of smell were the most frequent.",
    ]
    assert judge(claim, abstract).stance == SUPPORTS


def test_numbers_that_are_labels_are_not_a_range_and_a_row_of_measures_contradicts_nothing() -> None:
    assert values("rose from 21.4% in period 1 to 24.9% in period 2") == [(21.4, 21.4, "%"), (24.9, 24.9, "%")]
    claim = "80% of patients with a response to vortal later relapse."
    sentence = "Among patients given vortal, the response rate was 31%, the 12-month relapse-free rate 42% and the discontinuation rate 9%."
    assert read_figures(claim, ["We treated 400 patients with vortal.", sentence]) == {}


def test_a_quoted_size_of_a_fall_is_read_against_an_efficacy() -> None:
    claim = "The study found that the risk of infection was cut by 80% among nurses given the booster."
    assert judge(claim, ["We followed 2,300 nurses for six months.", "Booster effectiveness against infection was 78% (95% CI 70-84) among nurses."]).stance == SUPPORTS
    assert judge(claim, ["We followed 2,300 nurses for six months.", "Booster effectiveness against infection was 41% (95% CI 30-50) among nurses."]).stance == CONTRADICTS
    # "booster" is a noun, not the verb "boost"
    from litcli.claims.stance import _amounts

    assert [a[0] for a in _amounts("The booster dose cut hospitalisations by 90%.")] == [-1]


def test_multiplying_verbs_and_stated_ratios_are_ratios() -> None:
    assert [(f.low, f.unit, f.sign) for f in figures("Smoking roughly triples the risk of bladder cancer")] == [(3.0, "x", 1)]
    assert [(f.low, f.unit, f.sign) for f in figures("current smokers had a hazard ratio of 2.8 (95% CI 2.4-3.3)")] == [(2.8, "x", 1)]
    assert [(f.low, f.sign) for f in figures("an odds ratio of 0.5")] == [(2.0, -1)]  # half as likely
    assert figures("a double dose of vortal") == ()  # an adjective, not a multiplication
    claim = "Night shift work doubles the risk of breast cancer in nurses."
    weak = "In nurses, night shift work was associated with the risk of breast cancer with a hazard ratio of 1.1 (95% CI 0.9-1.3)."
    strong = "In nurses, night shift work was associated with the risk of breast cancer with a hazard ratio of 2.1 (95% CI 1.6-2.7)."
    assert read_figures(claim, [weak])[0][0] == CONTRADICTS
    assert read_figures(claim, [strong])[0][0] == SUPPORTS


def test_the_words_of_the_figure_are_not_what_it_is_about() -> None:
    # "about half of" is the figure; the claim is about adults, long COVID, Omicron infection
    claim = "About half of adults develop long COVID after Omicron infection."
    said = "Approximately one in twenty adults had persistent symptoms attributable to Omicron infection."
    assert read_figures(claim, [said])[0][0] == CONTRADICTS
    tenfold = "Smokers have a tenfold higher risk of bladder cancer than never-smokers."
    triples = "Smoking roughly triples the risk of bladder cancer in smokers compared with never-smokers."
    assert judge(tenfold, [triples]).stance == CONTRADICTS
