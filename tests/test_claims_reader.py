"""The result reader's rules, one behaviour per test, on sentences written for these tests.

(None of these sentences comes from ../shared/data/stance: that data is the benchmark.)
"""

from __future__ import annotations

import pytest

from litcli.claims import reader as rd
from litcli.claims.frame import parse_claim, time_days
from litcli.claims.stance import CONTRADICTS, NEUTRAL, SUPPORTS, judge


def stance(claim: str, *sentences: str) -> str:
    return judge(claim, list(sentences)).stance


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # numbers per arm, before or after the arm's name, or "respectively"
        ("Remission occurred in 41% after zelvamide and 18% after placebo (p=0.003).", SUPPORTS),
        ("Remission occurred in 12% after zelvamide and 30% after placebo (p=0.01).", CONTRADICTS),
        ("Remission rates were 40% and 22% with zelvamide and placebo, respectively (p=0.02).", SUPPORTS),
        ("Remission rates were 20% and 22% with zelvamide and placebo, respectively (p=0.71).", CONTRADICTS),
    ],
)
def test_numbers_per_arm_are_compared(sentence: str, expected: str) -> None:
    assert stance("Zelvamide increases remission rates compared with placebo.", sentence) == expected


def test_a_size_of_a_fall_is_read_as_a_fall() -> None:
    claim = "Zelvamide lowers pain scores compared with placebo."
    assert stance(claim, "Pain scores decreased by 3.1 points with zelvamide and by 1.2 points with placebo (p=0.004).") == SUPPORTS
    assert stance(claim, "Pain scores decreased by 0.9 points with zelvamide and by 2.7 points with placebo (p=0.01).") == CONTRADICTS


def test_a_record_about_another_condition_is_neutral_as_a_whole() -> None:
    abstract = [
        "We randomized 80 adults with bipolar depression to zelvamide or placebo.",
        "Depressive symptom scores fell significantly more with zelvamide than with placebo (p<0.001).",
    ]
    j = judge("Zelvamide relieves obsessive-compulsive disorder.", abstract)
    assert j.stance == NEUTRAL
    assert j.rationale[0].kind == "off-topic" and j.rationale[0].cue == "another condition (bipolar depression)"
    assert judge("Zelvamide relieves bipolar depression.", abstract).stance == SUPPORTS


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Mice lacking BDNF showed no antidepressant-like response to zelvamide.", SUPPORTS),
        ("Zelvamide kept its antidepressant-like effect in mice lacking BDNF, so BDNF is not required.", CONTRADICTS),
    ],
)
def test_dependency_claims_are_answered_by_taking_the_target_away(sentence: str, expected: str) -> None:
    assert stance("The antidepressant effect of zelvamide depends on BDNF.", sentence) == expected


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        ("One zelvamide dose keeps depression away for months.", "The benefit over placebo was no longer significant by day 10.", CONTRADICTS),
        ("The effects of zelvamide fade within a week.", "The benefit over placebo was no longer significant by day 5.", SUPPORTS),
        ("The effects of zelvamide fade within a week.", "The difference from placebo remained significant at week 6.", CONTRADICTS),
    ],
)
def test_time_frames(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, "In this trial of zelvamide, " + sentence[0].lower() + sentence[1:]) == expected


def test_time_days_reads_numbers_words_and_day_n() -> None:
    assert time_days("within a week") == 7
    assert time_days("at day 14") == 14
    assert time_days("for two hours") == pytest.approx(2 / 24)
    assert time_days("over six months") == 180
    assert time_days("no time here") is None


def test_a_restatement_with_the_claims_own_verb_supports_and_its_negation_contradicts() -> None:
    claim = "Protein XK7 stabilizes the mitotic spindle."
    assert stance(claim, "Here we show that XK7 stabilizes the mitotic spindle during metaphase.") == SUPPORTS
    assert stance(claim, "Here we show that XK7 does not stabilize the mitotic spindle.") == CONTRADICTS


def test_reporting_frames_are_read_through() -> None:
    frame = parse_claim("A new study found that zelvamide lowers blood pressure, according to researchers.")
    assert frame.intervention_text == "zelvamide"
    assert frame.direction == -1


def test_a_pasted_table_row_is_read_by_its_p_value() -> None:
    row = "Major bleeding\n12/410 (2.9%)\n15/402 (3.7%)\n0.78 (0.37-1.64)\n0.52"
    assert rd.significance(row) is False
    assert stance("Zelvamide increases major bleeding compared with heparin.", row) == CONTRADICTS


def test_direction_words_inside_names_are_not_results() -> None:
    arms = parse_claim("Slow eating increases fullness compared with fast eating.").arms()
    # "slow" names the arm; "lower urinary tract" is anatomy; "(randomized block design)" is method
    assert rd.read_clause("Fullness was significantly higher with slow eating than with fast eating.", arms).direction == 1
    assert rd.read_clause("Participants reported lower urinary tract symptoms.", rd.Arms(None, None)).direction != -1


def test_another_agent_or_another_study_is_not_the_claims_finding() -> None:
    claim = "Zelvamide reduces mortality in sepsis."
    assert stance(claim, "Hydrocortisone significantly reduced mortality in sepsis.") == NEUTRAL
    assert stance(claim, "A previous trial suggested that zelvamide may reduce mortality in sepsis.") == NEUTRAL
    assert stance(claim, "Zelvamide significantly reduced 28-day mortality in sepsis (p=0.01).") == SUPPORTS


def test_abbreviations_an_abstract_defines_name_the_intervention() -> None:
    from litcli.claims.stance import abbreviations

    assert abbreviations(["We gave zelvamide hydrochloride (ZVH) to adults with sepsis in intensive care units (ICUs)."]) == {
        "ZVH": "zelvamide hydrochloride",
        "ICU": "intensive care units",
    }
    abstract = [
        "Adults with sepsis received zelvamide hydrochloride (ZVH) or placebo.",
        "ZVH significantly reduced 28-day mortality compared with placebo (p=0.01).",
    ]
    assert judge("Zelvamide hydrochloride reduces mortality in sepsis.", abstract).stance == SUPPORTS
    # undefined, a token is read as the arm whose name it abbreviates (stance._with_arm_tokens),
    # and as nothing when it abbreviates no arm
    assert judge("Zelvamide hydrochloride reduces mortality in sepsis.", abstract[1:]).stance == SUPPORTS
    assert judge("Zelvamide hydrochloride reduces mortality in sepsis.", [abstract[1].replace("ZVH", "QRT")]).stance == NEUTRAL


def test_an_outcome_and_its_opposite() -> None:
    claim = "The K77Q mutation causes resistance to velbarin."
    assert stance(claim, "The K77Q mutation decreased susceptibility to velbarin (12-fold).") == SUPPORTS
    assert stance(claim, "The K77Q mutation increased susceptibility to velbarin (5-fold).") == CONTRADICTS
    assert stance(claim, "The K77Q mutation increased resistance to velbarin (5-fold).") == SUPPORTS


def test_loss_of_function_reads_the_other_way_unless_the_claim_is_about_the_loss() -> None:
    # the claim is about XK7 itself: a knockout result reads the other way
    assert stance("XK7 protects against liver fibrosis.", "Mice lacking XK7 developed significantly more liver fibrosis.") == SUPPORTS
    # the claim is about the deficiency: the same words read as they stand
    claim = "XK7 deficiency increases liver fibrosis."
    assert stance(claim, "In mice with XK7 deficiency, liver fibrosis increased significantly.") == SUPPORTS
    assert stance(claim, "In mice with XK7 deficiency, liver fibrosis was markedly reduced.") == CONTRADICTS


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # a plain benefit says nothing about how long it lasts, and a week-4 result nothing about hours
        ("Zelvamide's benefits last for months.", "Zelvamide reduced depressive symptoms more than placebo at day 1 (p<0.001).", NEUTRAL),
        ("Zelvamide's benefits last for months.", "The advantage of zelvamide over placebo had disappeared by week 2.", CONTRADICTS),
        ("Zelvamide relieves depression within hours.", "Zelvamide reduced depressive symptoms more than placebo at week 4 (p=0.01).", NEUTRAL),
        ("Zelvamide relieves depression within hours.", "Zelvamide reduced depressive symptoms more than placebo within 4 hours (p=0.01).", SUPPORTS),
        # a harm stated as a property
        ("Zelvamide therapy is addictive.", "No patient receiving prescribed zelvamide showed signs of dependence over two years.", CONTRADICTS),
        ("Zelvamide is safe for older adults.", "Two of 30 elderly patients had hypertensive crises requiring treatment during zelvamide infusions.", CONTRADICTS),
    ],
)
def test_time_frames_and_harms_as_properties(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


def test_a_claim_about_a_condition_without_a_treatment_asserts_no_benefit() -> None:
    # names a condition but no drug: nothing to read as a benefit
    assert parse_claim("People commonly view OCD as a simple preoccupation with cleanliness.").goodness == 0
    assert parse_claim("Ketamine for OCD.").goodness == 1


def test_another_route_or_an_adult_sample_is_off_topic() -> None:
    assert stance("Oral zelvamide is effective for depression.", "Intravenous zelvamide reduced MADRS scores more than placebo at 24 hours.") == NEUTRAL
    assert stance("Oral zelvamide is effective for depression.", "Oral zelvamide reduced MADRS scores more than placebo at week 2 (p=0.01).") == SUPPORTS
    claim = "Zelvamide reduces suicidal ideation in adolescents."
    assert stance(claim, "Among adults aged 25 to 60, suicidal ideation fell more after zelvamide than after placebo.") == NEUTRAL


def test_harm_sentences_answer_a_safety_claim_without_naming_the_drug() -> None:
    claim = "Zelvamide therapy is safe."
    assert stance(claim, "Adverse events were mild and transient, and no serious adverse events occurred.") == SUPPORTS
    assert stance(claim, "Serious adverse events, including two cases of respiratory depression, occurred in the zelvamide group.") == CONTRADICTS


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a null named with more than one qualifier
        ("Between-group differences in exercise capacity were not statistically or clinically significant.", CONTRADICTS),
        ("There were no statistically or clinically significant differences in exercise capacity between the arms.", CONTRADICTS),
        # a null with statistics in a sentence that also says who received what is a result, not a method
        ("Exercise capacity did not differ between those who received zelvamide (M = 4.1) and those who received placebo (M = 4.0; p = .81).", CONTRADICTS),
        # a count with its share in parentheses, per arm
        ("Exercise capacity improved in 30 patients (60%) in the zelvamide group and in 12 patients (24%) in the placebo group (p < 0.001).", SUPPORTS),
        ("Exercise capacity improved in 9 patients (18%) in the zelvamide group and in 21 patients (42%) in the placebo group (p = 0.01).", CONTRADICTS),
    ],
)
def test_nulls_statistics_and_counts(sentence: str, expected: str) -> None:
    assert stance("Zelvamide increases exercise capacity compared with placebo.", sentence) == expected


def test_statistics_in_brackets_stay_with_their_clause() -> None:
    assert rd.split_clauses("Response was higher with zelvamide (41% vs 20%; p < .001), although the groups converged by week 6.") == [
        "Response was higher with zelvamide (41% vs 20%; p < .001)",
        "although the groups converged by week 6.",
    ]
    # the p-value inside the brackets makes the difference significant
    claim = "Zelvamide increases adverse events compared with placebo."
    assert stance(claim, "A greater proportion of zelvamide-treated patients reported adverse events (71% vs. 40%; p < .001).") == SUPPORTS


def test_the_trials_own_arms_are_not_another_treatment() -> None:
    claim = "Zelvamide increases exercise capacity compared with placebo."
    # given alone as the evidence, a comparison of "the two treatments" is the claim's comparison
    assert stance(claim, "There was no significant difference between the two treatments (p = 0.44).") == CONTRADICTS
    # in a longer abstract it is not enough on its own
    assert stance(claim, "Patients were randomised to zelvamide or placebo.", "There was no significant difference between the two treatments (p = 0.44).") == NEUTRAL
    # another named treatment still makes it off-topic
    assert stance(claim, "Fluoxetine reduced exercise capacity significantly.") == NEUTRAL


def test_similar_to_is_a_null_only_against_an_arm() -> None:
    claim = "Zelvamide lowers plasma urate."
    assert stance(claim, "Plasma urate fell with zelvamide, to a maximum reduction of 12% at 40 mg, similar to that at higher doses.") == SUPPORTS
    assert stance(claim, "Plasma urate with zelvamide was similar to that with placebo.") == CONTRADICTS


def test_an_arm_the_reader_cannot_name_leaves_the_sign_unknown() -> None:
    # "those who did not receive WBRT": WBRT is not a word of the claim, so who did better is unknown
    claim = "Whole-brain irradiation increases new lesions."
    assert stance(claim, "New lesions occurred considerably more often in those who did not receive WBRT.") == NEUTRAL


def test_outcome_nouns_are_not_denials_and_mixed_valences_assert_values() -> None:
    assert not parse_claim("Zelvamide increases discontinuation due to lack of efficacy compared with placebo.").negated
    assert parse_claim("Zelvamide lacks efficacy in depression.").negated
    # one verb over a good and a bad outcome: the claim is about values going up, not about benefit
    frame = parse_claim("Zelvamide increases quality of life and depression scores compared with placebo.")
    assert frame.direction == 1 and frame.goodness == 0
    assert parse_claim("Zelvamide increases depression scores compared with placebo.").goodness == -1


def test_cognitive_behavioural_therapy_is_not_a_cognitive_harm() -> None:
    assert not rd.HARM.search("Adding cognitive behavioural therapy to zelvamide")
    assert rd.HARM.search("cognitive impairment after zelvamide")


def test_arms_named_by_initials_or_by_a_sham_of_the_same_treatment() -> None:
    # initials of the arm's name, in capitals, name the arm even when the sentence does not define them
    claim = "High-flow nasal cannula increases oxygen saturation compared with face mask."
    assert stance(claim, "Oxygen saturation was significantly higher in the HFNC group than in the face mask group (p = 0.003).") == SUPPORTS
    assert stance(claim, "Oxygen saturation was significantly lower in the HFNC group than in the face mask group (p = 0.003).") == CONTRADICTS
    # "sham moxibustion" names the comparator, "moxibustion group" the intervention
    claim = "Moxibustion increases the pain perception threshold compared with sham moxibustion."
    sentence = "The pain perception threshold was significantly higher in the moxibustion group than in the sham moxibustion group (P < 0.01)."
    assert stance(claim, sentence) == SUPPORTS
    assert parse_claim(claim).goodness == 1  # a higher pain threshold is better


def test_a_change_in_both_arms_gives_way_to_the_comparison_between_them() -> None:
    claim = "Zelvamide increases peak expiratory flow compared with saline."
    sentence = "Peak expiratory flow increased significantly both after zelvamide and saline, but the difference between the two treatments was not significant (P = 0.6)."
    assert stance(claim, sentence) == CONTRADICTS
    # "Peak" names the measure; it does not say that something rose
    assert stance(claim, "No significant differences in lung function were found (Peak Expiratory Flow: mean difference 4.1 L/min, p = 0.8).") == CONTRADICTS


def test_a_claims_parentheses_and_time_courses() -> None:
    # "(control intervention)" qualifies the comparator; the claim still says "increases"
    frame = parse_claim("A workshop on statistics increases confidence scores compared with a workshop on ethics (control intervention).")
    assert frame.direction == 1
    # a rise and then a fall is a time course, not one direction
    frame = parse_claim("Viral shedding appears to peak within days of symptom onset and then decrease over weeks.")
    assert frame.direction == 0 and frame.hedged
    # "urinary protein" is an outcome, not a urinary side effect
    assert not parse_claim("Zelvamide increases urinary protein compared with placebo.").harm
    assert parse_claim("Zelvamide causes urinary tract damage.").harm


@pytest.mark.parametrize(
    "sentence",
    [
        "Exercise capacity was higher in the zelvamide group (29%) than in the placebo group (21%), but the difference was not statistically significant.",
        "Exercise capacity rose significantly in the zelvamide group (p = 0.02); however, the comparison with placebo was not statistically significant.",
        "There was a tendency towards greater exercise capacity with zelvamide versus placebo, but no statistically significant differences were observed (p > 0.05).",
    ],
)
def test_an_unconfirmed_difference_gives_way_to_the_test_between_arms(sentence: str) -> None:
    assert stance("Zelvamide increases exercise capacity compared with placebo.", sentence) == CONTRADICTS


def test_a_confirmed_difference_with_a_later_null_stays_mixed() -> None:
    # significant against placebo at one time, not at another: neither reading wins for a plain claim
    sentence = "Exercise capacity was greater with zelvamide than with placebo at week 2 (p < 0.001), but the difference was not significant at week 12."
    assert stance("Zelvamide increases exercise capacity compared with placebo.", sentence) == NEUTRAL


def test_arms_named_together_in_a_single_evidence_sentence() -> None:
    claim = "Zelvamide increases exercise capacity compared with placebo."
    assert stance(claim, "No significant differences between treatment and control groups were observed for any outcome.") == CONTRADICTS
    assert stance(claim, "There was no significant difference between the nights with and without zelvamide (P = 0.89).") == CONTRADICTS


def test_a_between_group_null_answers_a_claim_about_a_harm_outcome() -> None:
    # blood pressure is a harm word; a null between the groups that names no outcome is still read
    claim = "Zelvamide increases systolic blood pressure compared with placebo."
    assert stance(claim, "There were no significant differences among the three groups (P = 0.32).") == CONTRADICTS
    # but a null about something else in the same sentence is not ("did not abolish" the rise)
    assert stance("Zelvamide raises blood pressure.", "Zelvamide raised systolic pressure by 21 mmHg, a rise that pretreatment with a beta-blocker blunted but did not abolish.") == SUPPORTS


def test_subtypes_exclusions_and_age_bands() -> None:
    claim = "Zelvamide lowers the risk of complications in type 1 diabetes."
    abstract = ["We followed 41,000 adults with type 2 diabetes.", "Zelvamide users had a lower risk of diabetic complications than non-users (HR 0.8; 95% CI 0.7-0.9)."]
    assert judge(claim, abstract).stance == NEUTRAL
    assert judge(claim.replace("type 1", "type II"), abstract).stance == SUPPORTS  # roman numerals read as digits
    # people a trial excluded are not its population
    claim = "Zelvamide lowers depression scores in bipolar depression."
    abstract = ["Patients with bipolar disorder were excluded.", "In adults with unipolar depression, zelvamide reduced MADRS scores more than placebo (p<0.001)."]
    assert judge(claim, abstract).stance == NEUTRAL
    # "aged 60 years or older" are older adults; school-aged children are not infants
    assert stance("Zelvamide improves sleep in older adults.", "In adults aged 60 years or older, sleep quality improved more with zelvamide than with placebo (p=0.01).") == SUPPORTS
    assert stance("Zelvamide improves cognition in infants.", "In school-aged children, zelvamide improved memory scores compared with placebo (p=0.01).") == NEUTRAL


def test_a_claims_setting_is_not_its_outcome() -> None:
    # "in pulmonary arterial hypertension" is where; the claim is about exercise capacity, a benefit
    frame = parse_claim("Zelvamide improves exercise capacity in pulmonary arterial hypertension.")
    assert not frame.harm and frame.goodness == 1
    frame = parse_claim("Zelvamide prolongs progression-free survival compared with docetaxel in previously treated lung cancer.")
    assert frame.direction == 1 and frame.goodness == 1
    # a shorter stay is better
    assert parse_claim("Early mobilisation shortens hospital stay after stroke.").goodness == 1


def test_trial_abstract_conventions() -> None:
    # an abbreviation defined after a dose names the arm; numbers per arm name the outcome before them
    claim = "Zelvamide delays relapse in schizophrenia."
    abstract = [
        "Stable outpatients were randomized to continue zelvamide 10 mg (ZLV) or switch to placebo.",
        "Median time to relapse was 246 days with ZLV and 112 days with placebo (hazard ratio 0.38; 95% CI 0.24 to 0.61; P<0.001).",
    ]
    assert judge(claim, abstract).stance == SUPPORTS
    # "in the ZLV and placebo groups, respectively" stays one clause
    assert rd.split_clauses("SBP decreased by 12.1 and 3.4 mmHg in the ZLV and placebo groups, respectively (P<0.001).") == [
        "SBP decreased by 12.1 and 3.4 mmHg in the ZLV and placebo groups, respectively (P<0.001)."
    ]
    # a met noninferiority margin answers an equivalence claim
    assert stance("Zelvamide is as effective as oseltamivir for influenza.", "Zelvamide met the prespecified noninferiority criterion against oseltamivir for time to symptom alleviation.") == SUPPORTS


def test_a_grade_or_worse_is_a_category_not_a_judgement() -> None:
    claim = "Zelvamide screening detects more cervical lesions than cytology."
    f = rd.read_clause("CIN grade 3 or worse was detected in 40 women", parse_claim(claim).arms())
    assert f.goodness == 0  # "or worse" names the category


def test_a_route_belongs_to_the_drug_it_is_named_with() -> None:
    claim = "Zelvamide nasal spray helps people with depression avoid relapse."
    abstract = [
        "Adults in remission after 16 weeks of zelvamide plus an oral antidepressant were randomized to continue zelvamide or switch to placebo.",
        "Continuing zelvamide decreased the risk of relapse by 51% compared with placebo (hazard ratio 0.49; 95% CI 0.29-0.84).",
    ]
    assert judge(claim, abstract).stance == SUPPORTS  # "oral" is the antidepressant's route
    abstract[0] = "Adults in remission after 16 weeks of oral zelvamide were randomized to continue it or switch to placebo."
    assert judge(claim, abstract).stance == NEUTRAL  # oral zelvamide: another route than the claim's


def test_older_adults_are_not_contradicted_by_the_word_adults() -> None:
    claim = "Zelvamide improves sleep in older adults."
    assert stance(claim, "In adults aged 50 years or older, sleep quality improved more with zelvamide than with placebo (p=0.01).") == SUPPORTS
    assert stance(claim, "In adults aged 18-64, sleep quality improved more with zelvamide than with placebo (p=0.01).") == NEUTRAL


def test_title_case_section_labels_and_background_statements() -> None:
    assert rd.section_label("Background: Neck pain is a common cause of disability.")[0] == "BACKGROUND"
    assert rd.section_label("Results were mixed.")[0] is None  # a word, not a label
    assert rd.sentence_kind("Neck pain is a common cause of disability, and zelvamide is widely used for it.") == "background"
    assert rd.sentence_kind("Adolescent anxiety is increasing, and schools are a practical setting for prevention.") == "background"
    assert rd.sentence_kind("We analysed 19 patients with the aim to investigate the effect of zelvamide on renal function.") == "aim"


def test_denials_and_nulls_in_other_words() -> None:
    assert parse_claim("Zelvamide-assisted therapy failed to reduce anxiety.").negated
    claim = "The ZLV1 variant raises the risk of depression."
    assert stance(claim, "The ZLV1 variant does not appear to be associated with an increased risk of depression (OR 1.02; 95% CI 0.95-1.10).") == CONTRADICTS
    # "in significantly more patients" is significant, not "insignificant"
    assert rd.significance("glycaemic control in significantly more patients than medical therapy alone") is True
    assert rd.significance("the difference was insignificant") is False


def test_who_was_studied_humans_animals_and_tablets() -> None:
    claim = "In patients with depression, zelvamide raises blood BDNF levels."
    assert judge(claim, ["Mice received zelvamide or saline.", "Zelvamide increased hippocampal BDNF by 42% (p<0.01)."]).stance == NEUTRAL
    assert judge("Zelvamide raises BDNF levels.", ["Mice received zelvamide or saline.", "Zelvamide increased hippocampal BDNF by 42% (p<0.01)."]).stance == SUPPORTS
    claim = "Zelvamide tablets taken by mouth relieve depression."
    assert stance(claim, "Intravenous zelvamide reduced depression scores more than placebo (p<0.01).") == NEUTRAL


def test_loss_of_a_good_thing_and_knockouts_the_reader_cannot_name() -> None:
    claim = "Zelvamide slows kidney decline in diabetic kidney disease."
    assert stance(claim, "Zelvamide slowed the loss of kidney function in patients with diabetic kidney disease (p<0.001).") == SUPPORTS
    # "Sost-/- mice": a knockout of something the claim does not name; who did better is unknown
    assert stance("The protein zelvastin stimulates bone formation.", "Sost-/- mice had a 60% higher bone formation rate than wild-type littermates (p<0.001).") == NEUTRAL


def test_add_on_arms_and_the_primary_outcome_of_another_measure() -> None:
    claim = "Bariatric surgery brings blood sugar under control more often than medical therapy alone."
    sentence = "Intensive medical therapy plus bariatric surgery resulted in glycaemic control in significantly more patients than medical therapy alone (p<0.001)."
    assert stance(claim, sentence) == SUPPORTS
    # a claim about remissions is not answered by the primary outcome's null
    claim = "Zelvamide led to more remissions from depression than escitalopram did."
    assert stance(claim, "Zelvamide was not superior to escitalopram on the primary outcome, although remission rates were higher with zelvamide.") == SUPPORTS


def test_comparative_claims_need_a_comparison() -> None:
    claim = "Zelvamide pills work as well as zelvamide infusions for depression."
    # an uncontrolled study of the pills: no comparison with the infusions
    abstract = [
        "In this open-label study, 41 patients took oral zelvamide for six weeks.",
        "Mean MADRS score fell from 31.2 to 19.8 (p<0.001).",
        "Oral zelvamide was associated with moderate improvement; randomised comparisons with intravenous administration are needed.",
    ]
    assert judge(claim, abstract).stance == NEUTRAL
    # the same drug in both arms: the routes tell them apart
    assert stance(claim, "Response rates did not differ between oral and intravenous zelvamide (41% vs 44%; p=0.62).") == SUPPORTS


def test_a_null_against_the_claims_comparator_on_another_outcome_is_not_read() -> None:
    claim = "Zelvamide causes less serious bleeding than warfarin."
    abstract = ["Patients with atrial fibrillation received zelvamide or warfarin.", "Zelvamide was noninferior to warfarin for stroke prevention."]
    assert judge(claim, abstract).stance == NEUTRAL
    # deaths among the outcomes of a prevention trial are not a side effect of it
    claim = "A salt substitute lowers the risk of stroke."
    assert stance(claim, "The rate of stroke was lower with the salt substitute than with regular salt (rate ratio 0.86; 95% CI 0.77-0.96), as were rates of death.") == SUPPORTS


def test_background_and_weak_evidence_statements() -> None:
    assert rd.sentence_kind("Social prescribing is increasingly promoted to address loneliness.") == "background"
    assert rd.sentence_kind("The evidence base is too weak to determine whether social prescribing reduces loneliness.") == "limitation"


def test_suicidality_is_not_answered_by_depression_scores() -> None:
    claim = "Zelvamide quickly eases suicidal thinking."
    assert stance(claim, "MADRS scores improved more with zelvamide than with placebo at 24 hours (p=0.006).") == NEUTRAL
    assert stance(claim, "Suicidal ideation scores fell more with zelvamide than with placebo at 24 hours (p=0.006).") == SUPPORTS
    # response and relapse still answer a claim about the condition
    assert stance("Zelvamide relieves depression.", "Response rates were higher with zelvamide than with placebo (p=0.01).") == SUPPORTS


def test_similar_improvement_non_causal_and_uncertain_evidence() -> None:
    claim = "Zelvamide eases suicidal thinking compared with standard care."
    assert stance(claim, "Suicidal ideation improved similarly with standard care alone (p=0.41).") == CONTRADICTS
    assert rd.NULL.search("the apparently protective effects of moderate intake are largely non-causal")
    assert rd.sentence_kind("The evidence is very uncertain about whether zelvamide prevents delirium.") == "limitation"
    assert rd.sentence_kind("Results were inconsistent across the three trials.") == "limitation"


def test_age_bands_and_all_cause_deaths() -> None:
    claim = "Zelvamide vaccination prevents cervical cancer in women who get it after age 30."
    assert stance(claim, "Among girls and women 10 to 30 years old, zelvamide vaccination was associated with a substantially reduced risk of invasive cervical cancer.") == NEUTRAL
    claim = "Daily zelvamide slows skin ageing in people over 60."
    assert stance(claim, "In adults under 55 years, skin ageing was less frequent with daily zelvamide (odds 0.76; 95% CI 0.59-0.98).") == NEUTRAL
    assert stance(claim, "In adults aged 60 years or older, skin ageing was less frequent with daily zelvamide (odds 0.76; 95% CI 0.59-0.98).") == SUPPORTS
    # "over 600 patients" is not an age
    assert stance(claim, "Over 600 patients aged 60 years or older were followed; skin ageing was less frequent with daily zelvamide (odds 0.76; 95% CI 0.59-0.98).") == SUPPORTS
    claim = "Zelvamide screening lowers men's overall death rate."
    assert stance(claim, "Death from prostate cancer was lower in the zelvamide screening group (rate ratio 0.80; 95% CI 0.72-0.89).") == NEUTRAL


def test_an_association_with_the_outcome_inside_its_words() -> None:
    claim = "Smoking while pregnant raises the risk of sudden infant death."
    abstract = [
        "Sudden unexpected infant death (SUID) remains a leading cause of post-neonatal mortality.",
        "Smoking while pregnant was associated with more than twice the risk of SUID (adjusted OR 2.44; 95% CI 2.31-2.57).",
    ]
    assert judge(claim, abstract).stance == SUPPORTS
    # self-harm is not suicide: a null on it does not answer a claim about suicide
    claim = "Zelvamide lowers the risk of suicide in people with mood disorders."
    abstract = [
        "Zelvamide was more effective than placebo in reducing the number of suicides (OR 0.13; 95% CI 0.03-0.66).",
        "No clear differences were found between zelvamide and comparators for deliberate self-harm.",
    ]
    assert judge(claim, abstract).stance == SUPPORTS


def test_more_ways_of_saying_no_difference() -> None:
    claim = "Zelvamide increases exercise capacity compared with placebo."
    assert stance(claim, "The rise in exercise capacity was comparable between the two groups.") == CONTRADICTS  # "The" is no agent
    assert stance(claim, "No difference could be noted between G1 and G2.") == CONTRADICTS
    assert stance(claim, "Exercise capacity was 2.9 ± 1.3 (Z) versus 3.0 ± 1.3 (P; p = NS).") == CONTRADICTS
    assert stance(claim, "Exercise capacity was 78 and equal in the two groups.") == CONTRADICTS


def test_placebo_therapy_is_an_arm_not_another_treatment() -> None:
    claim = "Zelvamide increases flow mediated dilation compared with placebo."
    assert stance(claim, "After one month of zelvamide or placebo therapy there was no significant improvement in flow mediated dilation (p = 0.80).") == CONTRADICTS


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # a share of people: the direction is read on what the people had, several words on
        ("Velmorant increases adverse events compared with placebo.",
         "A greater proportion of velmorant-treated participants reported treatment-emergent adverse events (87% vs 60%; p < .001).", SUPPORTS),
        ("Velmorant increases adverse events compared with placebo.",
         "A smaller proportion of velmorant-treated participants reported treatment-emergent adverse events (12% vs 30%; p = .01).", CONTRADICTS),
        # an outcome abbreviation the claim itself defines, then used alone in the result
        ("Drug QX-7 increases seizure freedom (SF) compared with placebo.",
         "Significantly more patients taking QX-7 achieved SF at week 12 (41% vs 20%; p = 0.01).", SUPPORTS),
        ("Drug QX-7 increases seizure freedom (SF) compared with placebo.",
         "Significantly fewer patients taking QX-7 achieved SF at week 12 (11% vs 20%; p = 0.04).", CONTRADICTS),
    ],
)
def test_shares_of_people_and_the_claims_own_abbreviations(claim: str, sentence: str, expected: str) -> None:
    assert judge(claim, [sentence]).stance == expected


def test_freedom_from_a_symptom_is_a_good_outcome() -> None:
    assert parse_claim("Trelomab increases migraine freedom at two hours.").valence == 1
    assert parse_claim("Trelomab increases pain-free days.").valence == 1
    assert parse_claim("Trelomab increases pain.").valence == -1


def test_a_bare_treatment_word_names_no_other_treatment() -> None:
    claim = "Velmorant lowers LDL cholesterol compared with placebo."
    # "weeks of treatment", "patients receiving treatment": the trial's own treatment, unnamed
    for unnamed in (
        "After 8 weeks of treatment, LDL cholesterol was significantly lower than with placebo (p < 0.001).",
        "In patients receiving treatment, the reduction of LDL cholesterol was significantly greater than with placebo (p < 0.001).",
    ):
        assert judge(claim, [unnamed]).stance == SUPPORTS
    # a named other treatment still makes the sentence about something else
    named = "After 8 weeks, cognitive therapy lowered LDL cholesterol significantly more than placebo (p < 0.001)."
    assert judge(claim, [named]).stance == NEUTRAL


def test_a_good_word_inside_the_outcomes_name_judges_nothing() -> None:
    claim = "Water intake increases the proportion of successful bowel preparations compared with prolonged fasting."
    higher = "The proportion of successful bowel preparations was higher for the water intake group (70%) than for the prolonged fasting group (40%, p = 0.025)."
    lower = "The proportion of successful bowel preparations was lower for the water intake group (40%) than for the prolonged fasting group (70%, p = 0.025)."
    assert judge(claim, [higher]).stance == SUPPORTS
    assert judge(claim, [lower]).stance == CONTRADICTS


def test_another_body_site_is_another_topic() -> None:
    claim = "Exercise therapy reduces knee pain in osteoarthritis."
    hip = "Supervised exercise therapy significantly reduced pain in hip osteoarthritis compared with education (p = 0.006)."
    knee = "Supervised exercise therapy significantly reduced pain in knee osteoarthritis compared with education (p = 0.006)."
    assert judge(claim, [hip]).stance == NEUTRAL
    assert judge(claim, [knee]).stance == SUPPORTS
    # a whole record about another site says nothing, even where a sentence does not repeat it
    record = ["We randomised 200 adults with hip osteoarthritis to exercise or education.", "Pain fell significantly more with exercise therapy (p = 0.01)."]
    assert judge(claim, record).stance == NEUTRAL


def test_symptoms_of_another_condition_do_not_answer_a_claim_about_this_one() -> None:
    claim = "Zelvamide reduces PTSD symptoms in veterans."
    assert judge(claim, ["Zelvamide was associated with significantly reduced depressive symptoms in veterans, irrespective of PTSD comorbidity."]).stance == NEUTRAL
    # a symptom scale names its condition
    assert judge(claim, ["In veterans with PTSD, PHQ-9 scores decreased significantly with zelvamide (p < 0.001)."]).stance == NEUTRAL
    assert judge(claim, ["In veterans with PTSD, CAPS-5 scores decreased significantly with zelvamide (p < 0.001)."]).stance == SUPPORTS


def test_a_rescue_reads_the_other_way_against_a_loss_of_function_claim() -> None:
    claim = "Loss of the kinase QRK2 reduces tumour growth in mice."
    assert judge(claim, ["Re-expression of wild-type QRK2 in knockout cells restored tumour growth in mice."]).stance == SUPPORTS
    assert judge(claim, ["Re-expression of wild-type QRK2 in knockout cells further reduced tumour growth in mice."]).stance == CONTRADICTS


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Remission occurred in 63% of patients receiving ECT and 46% of those receiving zelvamide (RR 1.37, 95% CI 1.06-1.78, in favour of ECT).", CONTRADICTS),
        ("Remission occurred in 46% of patients receiving ECT and 63% of those receiving zelvamide (RR 1.37, 95% CI 1.06-1.78, in favour of zelvamide).", SUPPORTS),
    ],
)
def test_in_favour_of_names_the_arm_that_did_better(sentence: str, expected: str) -> None:
    assert judge("Zelvamide is more effective than ECT for severe depression.", [sentence]).stance == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a ratio with an interval that excludes 1 gives the exposure's direction
        ("Invasive cancer occurred in 158 women on trelomab and 119 on placebo, corresponding to a hazard ratio of 1.29 (95% CI 1.02-1.63).", CONTRADICTS),
        ("Invasive cancer occurred in 98 women on trelomab and 139 on placebo, corresponding to a hazard ratio of 0.71 (95% CI 0.55-0.92).", SUPPORTS),
        # an interval that includes 1 is no difference
        ("Invasive cancer occurred in 128 women on trelomab and 119 on placebo (hazard ratio 1.06; 95% CI 0.83-1.36).", CONTRADICTS),
        # disagreeing ratios decide nothing
        ("With trelomab, the hazard ratio was 0.65 (0.50-0.84) for cancer and 1.40 (1.10-1.78) for fracture.", NEUTRAL),
    ],
)
def test_a_ratio_and_its_interval_give_the_direction(sentence: str, expected: str) -> None:
    assert judge("Trelomab lowers the risk of cancer compared with placebo.", [sentence]).stance == expected


def test_a_hazard_ratio_for_time_to_an_event_is_about_the_event() -> None:
    claim = "Zelvamide works faster than sertraline."
    sooner = "Median time to response was 1 day with zelvamide and 21 days with sertraline (hazard ratio 3.8; 95% CI 2.2 to 6.6)."
    assert judge(claim, [sooner]).stance == SUPPORTS


def test_a_quantity_is_not_a_comparison_or_a_direction() -> None:
    short_sleep = parse_claim("Sleeping less than six hours a night makes you more likely to catch a cold.")
    assert short_sleep.comparator_text is None and short_sleep.direction == 1
    fast = parse_claim("Zelvamide lifts depression in less than 24 hours.")
    assert fast.comparator_text is None and fast.onset
    assert parse_claim("Zelvamide works better than placebo.").comparator_text == "placebo"


def test_no_evidence_that_is_a_null() -> None:
    claim = "Bisphosphonates increase the risk of atrial fibrillation."
    assert judge(claim, ["We found no evidence that oral bisphosphonates raise the risk of atrial fibrillation in older women."]).stance == CONTRADICTS


def test_a_safety_claim_stated_as_a_denial_is_not_flipped() -> None:
    claim = "The vaccine MVX-9 is safe in pregnancy and does not raise the risk of preterm birth."
    assert parse_claim(claim).assertion == "safety" and not parse_claim(claim).negated
    harm = "Serious adverse events occurred in 6.8% of women in the MVX-9 group and 4.9% in the placebo group (relative risk 1.37, 95% CI 1.08-1.74)."
    assert judge(claim, [harm]).stance == CONTRADICTS


@pytest.mark.parametrize(
    "sentence",
    [
        "The antidepressant effect of trelomab was not sustained at 12 weeks.",
        "The benefit of a single trelomab dose was short-lived, waning within the first week.",
    ],
)
def test_an_effect_not_sustained_contradicts_a_lasting_claim(sentence: str) -> None:
    assert judge("The benefits of a single trelomab dose for depression last at least a year.", [sentence]).stance == CONTRADICTS


def test_a_direction_word_in_a_treatments_name_is_not_a_result() -> None:
    claim = "Talk therapy doesn't help people with PTSD."
    # "Prolonged exposure therapy reduced PTSD symptoms": a benefit of talk therapy, against the denial
    assert judge(claim, ["Talk therapy (prolonged exposure) substantially reduced PTSD symptoms compared with waitlist (p < 0.001)."]).stance == CONTRADICTS
    finding = rd.read_clause("Prolonged exposure therapy was offered to all participants", parse_claim(claim).arms())
    assert not finding.decided


def test_a_change_from_baseline_is_a_result() -> None:
    claim = "Zelvamide does not raise blood pressure."
    rise = "Mean systolic blood pressure rose from 126 mmHg at baseline to a peak of 144 mmHg at 30 minutes after zelvamide (p < 0.001)."
    assert judge(claim, [rise]).stance == CONTRADICTS
    # the groups described at baseline are still not a result
    assert judge(claim, ["Blood pressure was higher in the zelvamide group at baseline."]).stance == NEUTRAL


def test_a_denied_verb_is_not_part_of_the_outcome() -> None:
    frame = parse_claim("Zelvamide does not raise blood pressure.")
    # ("bp": the outcome's initials, as a sentence may write it)
    assert frame.negated and frame.outcome_stems == {"blood", "pressur", "bp"}


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        ("Zelvamide alters dendritic spine density in rats.", "In stressed rats, zelvamide raised dendritic spine density (p = 0.002 vs vehicle).", SUPPORTS),
        ("Zelvamide alters dendritic spine density in rats.", "In stressed rats, zelvamide lowered dendritic spine density (p = 0.002 vs vehicle).", SUPPORTS),
        ("Zelvamide does not alter dendritic spine density in rats.", "In stressed rats, zelvamide raised dendritic spine density (p = 0.002 vs vehicle).", CONTRADICTS),
        ("Zelvamide does not alter dendritic spine density in rats.", "Dendritic spine density did not differ between zelvamide and vehicle in rats (p = 0.61).", SUPPORTS),
    ],
)
def test_a_claim_of_change_is_answered_by_a_change_either_way(claim: str, sentence: str, expected: str) -> None:
    assert parse_claim(claim).any_change
    assert judge(claim, [sentence]).stance == expected


def test_a_safety_claim_is_read_against_harms_named_in_other_words() -> None:
    claim = "Velotanib is well tolerated, with no serious side effects."
    abstract = [
        "Velotanib is an oral multikinase inhibitor.",
        "We treated 74 patients with advanced renal cancer in a phase 2 study.",
        "Grade 3 or higher treatment-related adverse events occurred in 47 patients (63.5%).",
        "The objective response rate was 14.9%.",
    ]
    assert judge(claim, abstract).stance == CONTRADICTS


def test_a_method_that_computes_a_measure_is_not_a_result() -> None:
    claim = "Suboptimal nutrition is a leading cause of premature death."
    method = "Years of life lost due to premature mortality were computed by multiplying the number of deaths at each age by a reference life expectancy."
    assert judge(claim, [method]).stance == NEUTRAL


def test_a_null_association_contradicts_an_association_claim_in_an_abstract() -> None:
    claim = "Trelostatin use is associated with a lower risk of dementia."
    abstract = [
        "Observational studies have suggested that trelostatins may protect against dementia.",
        "We conducted a cohort study of 214,356 adults aged 60 years or older.",
        "During a median follow-up of 6.8 years, 9,812 incident dementia cases were recorded.",
        "In this study, starting trelostatin was not associated with dementia risk.",
    ]
    assert judge(claim, abstract).stance == CONTRADICTS


def test_a_record_that_never_names_the_claims_condition_or_drug_says_nothing() -> None:
    claim = "Zelvamide improves PTSD symptoms in military veterans."
    aud = [
        "BACKGROUND: Alcohol use disorder (AUD) is common in veterans.",
        "METHODS: 54 veterans with AUD were randomised to zelvamide or placebo with psychotherapy.",
        "RESULTS: Days abstinent were 86% with zelvamide and 70% with placebo (p = 0.01).",
        "CONCLUSIONS: Zelvamide may increase abstinence in veterans with AUD.",
    ]
    assert judge(claim, aud).stance == NEUTRAL
    claim = "Ketamine reduces depressive symptoms in treatment-resistant depression."
    other_drug = [
        "BACKGROUND: Treatment-resistant depression (TRD) needs new treatments.",
        "METHODS: 233 adults with TRD received a single dose of psilocybin 25 mg, 10 mg or 1 mg.",
        "RESULTS: Psilocybin 25 mg reduced MADRS scores more than 1 mg (difference -5.4; p = 0.003).",
        "CONCLUSIONS: A single dose of psilocybin reduced depression scores over 3 weeks in TRD.",
    ]
    assert judge(claim, other_drug).stance == NEUTRAL
    # a short excerpt need not repeat its context
    assert judge(claim, other_drug[2:3]).stance == NEUTRAL  # (about psilocybin: another treatment)


def test_generalized_and_social_anxiety_are_different_conditions() -> None:
    claim = "Zelvamide is effective for generalized anxiety disorder."
    assert judge(claim, ["In adults with social anxiety disorder, LSAS scores were significantly lower after zelvamide than after placebo (p = 0.01)."]).stance == NEUTRAL
    assert judge(claim, ["In adults with generalized anxiety disorder, HAM-A scores were significantly lower after zelvamide than after placebo (p = 0.01)."]).stance == SUPPORTS


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        ("Amoxicillin shortens symptoms of chest infections in children.",
         "Amoxicillin is unlikely to be effective for uncomplicated chest infections in children.", CONTRADICTS),
        ("Zelvamide reduces depressive symptoms compared with midazolam.",
         "At 24 hours, the mean MADRS reduction was 16.4 points in the zelvamide group and 8.7 points in the midazolam group (p < 0.001).", SUPPORTS),
        ("One zelvamide infusion and your depression is gone for good.",
         "Improvement after a single zelvamide infusion was transient for most patients.", CONTRADICTS),
    ],
)
def test_more_ways_of_saying_null_fall_and_transient(claim: str, sentence: str, expected: str) -> None:
    assert judge(claim, [sentence]).stance == expected


def test_cause_specific_deaths_in_one_clause_do_not_answer_deaths_overall() -> None:
    claim = "Zelvamide screening reduces all-cause mortality in men aged 55 to 69."
    sentence = "Zelvamide screening reduced prostate cancer mortality without affecting overall mortality."
    assert judge(claim, [sentence]).stance == CONTRADICTS


def test_a_claim_that_names_its_outcome_is_answered_on_that_outcome() -> None:
    claim = "Aerobic exercise training improves cognitive function in older adults."
    other = "Aerobic training significantly improved cardiorespiratory fitness and gait speed compared with stretching (p < 0.01)."  # (its outcome, not the claim's)
    assert judge(claim, [other]).stance == NEUTRAL
    own = "Aerobic training significantly improved cognitive function compared with stretching (p < 0.01)."
    assert judge(claim, [own]).stance == SUPPORTS
    # a claim about "the benefit" or "harm" in general is still answered by any such result
    assert judge("Zelvamide use harms memory.", ["Zelvamide users performed worse than non-users on working memory tasks (p < 0.001)."]).stance == SUPPORTS


def test_who_have_never_smoked_is_a_population_not_a_denial() -> None:
    frame = parse_claim("Low-dose CT screening reduces lung cancer mortality in people who have never smoked.")
    assert not frame.negated and frame.direction == -1


def test_a_lasting_claim_with_a_long_object() -> None:
    claim = "A course of zelvamide infusions keeps most patients with depression in remission for six months."
    assert parse_claim(claim).lasting_days is not None
    assert judge(claim, ["The antidepressant effect of serial zelvamide was short-lived, with most responders relapsing within weeks."]).stance == CONTRADICTS


def test_results_promised_for_later_are_not_results() -> None:
    claim = "A Mediterranean diet lowers recurrent cardiovascular events."
    assert judge(claim, ["The study will provide evidence on whether a Mediterranean diet can lower recurrent cardiovascular events."]).stance == NEUTRAL


def test_a_risk_claim_is_answered_on_its_own_disease() -> None:
    claim = "Long-term exposure to fine particulate matter increases the risk of dementia."
    stroke = "Long-term exposure to fine particulate matter was associated with an increased risk of incident stroke (HR 1.16, 95% CI 1.08-1.25)."
    assert judge(claim, [stroke]).stance == NEUTRAL
    dementia = "Long-term exposure to fine particulate matter was associated with an increased risk of incident dementia (HR 1.16, 95% CI 1.08-1.25)."
    assert judge(claim, [dementia]).stance == SUPPORTS


def test_a_result_is_not_read_past_a_semicolon_onto_the_claims_outcome() -> None:
    claim = "Adding pelvociclib to letrozole prolongs overall survival in advanced breast cancer."
    pfs = "Pelvociclib plus letrozole significantly prolonged PFS; follow-up for overall survival continues."
    assert judge(claim, [pfs]).stance == NEUTRAL


def test_we_randomly_assigned_is_a_method() -> None:
    claim = "Empagliflozin benefits patients with heart failure."
    method = "We randomly assigned 3,730 patients with heart failure and an ejection fraction of 40% or less to empagliflozin 10 mg or placebo."
    assert judge(claim, [method]).stance == NEUTRAL


def test_no_better_than_a_sugar_pill_is_a_denial_answered_by_placebo_trials() -> None:
    claim = "Antidepressants work no better than sugar pills."
    frame = parse_claim(claim)
    assert frame.negated and frame.comparator_text == "sugar pills"
    abstract = [
        "We did a network meta-analysis of 522 double-blind trials in adults with major depressive disorder.",
        "Trials compared antidepressants with placebo or with each other.",
        "All 21 antidepressants were more efficacious than placebo (odds ratios for response 1.37 to 2.13).",
        "Interpretation: All antidepressants were more effective than placebo in adults with major depressive disorder.",
    ]
    assert judge(claim, abstract).stance == CONTRADICTS
    assert parse_claim("Zelvamide offers no advantage over psychotherapy alone for PTSD.").negated


def test_a_denied_verb_reads_its_object_like_any_verb() -> None:
    claim = "Vitamin D supplementation prevents type 2 diabetes in adults with prediabetes."
    abstract = [
        "We randomised 2,423 adults with prediabetes to vitamin D3 or placebo.",
        "The primary outcome was new-onset diabetes.",
        "Adverse events were similar between groups.",
        "Vitamin D3 supplementation did not significantly lower the risk of diabetes among persons with prediabetes.",
    ]
    assert judge(claim, abstract).stance == CONTRADICTS


def test_a_bare_association_with_a_harm_answers_a_harm_claim() -> None:
    claim = "Long-term recreational zelvamide use damages the urinary bladder."
    sentence = "Chronic non-medical zelvamide use was strongly associated with bladder injury in a dose-dependent manner."
    assert judge(claim, [sentence]).stance == SUPPORTS
    # a judging word on the outcome's side is read as such, not as the outcome's valence
    claim = "Antibodies do not protect against reinfection."
    sentence = "The presence of neutralizing antibodies was significantly associated with protection against re-infection (p = 0.002)."
    assert judge(claim, [sentence]).stance != SUPPORTS


def test_numbers_with_thousands_separators_are_read_whole() -> None:
    claim = "Zelvamide reduces blood loss in total knee arthroplasty compared with placebo."
    sentence = "Mean total blood loss was 742 mL with zelvamide and 1,186 mL with placebo (p < 0.001)."
    assert judge(claim, [sentence]).stance == SUPPORTS


def test_baseline_values_of_each_arm_are_not_a_result() -> None:
    claim = "Zelvamide reduces depressive symptoms more than midazolam."
    sentence = "Mean (SD) baseline MADRS scores were 33.1 (4.8) in the zelvamide group and 32.6 (5.2) in the midazolam group."
    assert judge(claim, [sentence]).stance == NEUTRAL


def test_a_bipolar_trial_that_mentions_unipolar_depression_is_still_about_bipolar_depression() -> None:
    claim = "A single zelvamide infusion reduces anxiety symptoms more than midazolam in bipolar depression."
    abstract = [
        "Zelvamide has rapid antidepressant effects in unipolar depression, but data in bipolar depression are limited.",
        "We randomised 60 adults with bipolar depression to zelvamide or midazolam.",
        "The primary outcome, MADRS at 24 hours, did not differ between groups.",
        "HAM-A anxiety scores fell significantly more with zelvamide than with midazolam (p = 0.01).",
    ]
    assert judge(claim, abstract).stance == SUPPORTS


def test_a_time_frame_is_read_a_little_further_from_the_claims_words() -> None:
    claim = "The antidepressant benefit of one zelvamide infusion persists for at least 3 months."
    abstract = [
        "We randomised 80 adults with depression to one zelvamide or saline infusion.",
        "MADRS scores were lower with zelvamide at days 1 and 3 (both p < 0.01).",
        "By day 7 the groups no longer differed.",
        "These findings indicate that the antidepressant effect of a single zelvamide infusion is rapid but short-lived, supporting continuation strategies.",
    ]
    assert judge(claim, abstract).stance == CONTRADICTS


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        ("Sunscreen causes skin cancer.", "Some online sources claim that sunscreen ingredients promote skin cancer."),
        ("Blue-light-blocking lenses reduce eye strain.", "Blue-light-blocking lenses are marketed to reduce eye strain from digital devices."),
    ],
)
def test_what_others_claim_or_sell_is_background(claim: str, sentence: str) -> None:
    assert judge(claim, [sentence]).stance == NEUTRAL


def test_a_claim_addressed_to_you_is_about_people() -> None:
    claim = "Apple cider vinegar helps you lose weight."
    rats = [
        "We fed rats a high-fat diet with or without apple cider vinegar for 12 weeks.",
        "Body weight and fat mass were measured weekly.",
        "Food intake did not differ between groups.",
        "Apple cider vinegar attenuated diet-induced weight gain and fat accumulation in rats.",
    ]
    assert judge(claim, rats).stance == NEUTRAL


def test_a_maintenance_claim_and_an_effect_largely_lost() -> None:
    claim = "Repeated zelvamide infusions maintain antidepressant response for at least three months after the last infusion."
    frame = parse_claim(claim)
    assert frame.intervention_text == "Repeated zelvamide infusions" and frame.lasting_days == 90.0
    sentence = "Antidepressant benefit after a course of repeated zelvamide infusions was largely lost within one month of the last infusion."
    assert judge(claim, [sentence]).stance == CONTRADICTS


def test_results_of_earlier_work_are_background() -> None:
    claim = "Lithium reduces the risk of suicide in patients with mood disorders."
    sentence = "Lithium has been associated with reduced suicide risk in mood disorders in previous meta-analyses, but concerns about nephrotoxicity limit its use."
    assert judge(claim, [sentence]).stance == NEUTRAL


def test_who_are_not_is_a_population_not_a_denial() -> None:
    assert not parse_claim("Iron supplementation improves cognitive development in infants who are not anaemic.").negated


@pytest.mark.parametrize(
    ("text", "significant"),
    [
        ("the difference was 2.1 points, with a P-value of 0.002", True),
        ("the difference was 0.4 points (p value was 0.38)", False),
        ("hazard ratio 0·71, P = 0·004", True),
        ("adjusted P-values of 0.01 and 0.02", True),
        ("the P of the group was 0.3", None),  # a "P" that is not a p-value says nothing
    ],
)
def test_p_values_in_words_and_with_a_middle_dot(text: str, significant: bool | None) -> None:
    assert rd.significance(text) is significant


@pytest.mark.parametrize(
    ("row", "p"),
    [
        ("Wound dehiscence 12% 15% 0.41", 0.41),
        ("Serum zinc (µmol/L) 12.1 ± 2.0 11.8 ± 2.3 0.52", 0.52),
        ("Trunk flexion (degrees) 0.71 (0.50–0.92) 0.22 3.10 (2.40–3.80) <0.001", 0.0),
        ("Felt rested on waking 71.0 69.4 N.S.", 1.0),
        ("Proportion adherent 0.81 (0.12) 0.77 (0.15)", None),  # means with their spread: no p-value
        ("Adherence was 81% vs 77%, 0.4", None),  # a sentence, not a row
    ],
)
def test_the_p_value_that_ends_a_pasted_table_row(row: str, p: float | None) -> None:
    assert rd._table_row_p(row) == p


def test_a_table_row_with_a_large_p_value_is_no_difference() -> None:
    claim = "Zelvamide increases wound dehiscence compared with placebo."
    assert stance(claim, "Wound dehiscence 12% 15% 0.41") == CONTRADICTS
    assert (judge(claim, ["Wound dehiscence 12% 15% 0.41"]).rationale[0].result or {}).get("effect") == "no difference"
    # significant, but a row does not say which column is which arm: neutral
    assert stance(claim, "Wound dehiscence 12% 25% 0.01") == NEUTRAL


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a mean with its spread: the mean is the value, not the SD
        ("Recovery time was 8.2 ± 3.9 min in the vortal group and 12.6 ± 2.1 min in the control group (P = 0.001).", CONTRADICTS),
        # an arm named in several words, with a count and a share in brackets after it
        ("Rescue sedation was needed by the nasal vortal spray group (4/40, 10%) and the control group (15/41, 37%) (P = 0.004).", CONTRADICTS),
        ("Rescue sedation was needed by the nasal vortal spray group (15/40, 38%) and the control group (4/41, 10%) (P = 0.004).", SUPPORTS),
        # arms first, then the numbers "respectively"
        ("Scores for the nasal vortal spray group and the control group were 6.1 and 3.2, respectively (P = 0.01).", SUPPORTS),
        # arm, then its number: "placebo, 39%; A, 21%"
        ("Relapse rates at 6 months were placebo, 39.1% (32.0% to 46.0%); nasal vortal spray, 21.3% (15.1% to 27.4%) (p = 0.002 versus placebo).", CONTRADICTS),
    ],
)
def test_numbers_per_arm_in_trial_report_forms(sentence: str, expected: str) -> None:
    claim = "Nasal vortal spray increases the outcome score compared with placebo."
    if "Recovery time" in sentence:
        claim = "Vortal increases recovery time compared with control."
    elif "Rescue sedation" in sentence:
        claim = "Nasal vortal spray increases rescue sedation compared with control."
    elif "Relapse rates" in sentence:
        claim = "Nasal vortal spray increases relapse compared with placebo."
    assert stance(claim, sentence) == expected


def test_a_dose_or_a_time_point_is_not_an_arm_value() -> None:
    # "week 12" and "75 mg" are not the outcome's values: read the words, not those numbers
    claim = "Vortal increases itch scores compared with placebo."
    sentence = "Itch scores improved from baseline at week 12 in patients receiving vortal 75 mg vs. patients receiving placebo (P = 0.01)."
    assert rd._arm_numbers(sentence, parse_claim(claim).arms()) is None


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # measures of function where higher is better
        ("Vortal increases FEV1 compared with placebo.", "Vortal improved FEV1 compared with placebo (p = 0.01).", SUPPORTS),
        ("Vortal increases knowledge scores compared with usual teaching.", "Knowledge improved significantly more with vortal than with usual teaching (p = 0.02).", SUPPORTS),
        # lab values and symptoms where lower is better
        ("Vortal increases LDL cholesterol compared with placebo.", "Vortal significantly improved LDL cholesterol compared with placebo (p < 0.001).", CONTRADICTS),
        # the time to a good event: sooner is better
        ("Vortal increases time to extubation compared with placebo.", "Vortal significantly improved time to extubation versus placebo (p = 0.003).", CONTRADICTS),
    ],
)
def test_outcome_valence_of_function_lab_values_and_times(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # "pre-treatment", "treatment weeks": the trial's own time, not another treatment
        "No significant difference in itch scores was observed between the groups during post-treatment follow-up (p = 0.41).",
        "No differences in itch scores were detected in treatment weeks 1-4 (p = 0.62).",
        # a first word that is not an agent acting: "Despite", "Significant"
        "Despite numerically lower itch scores in one arm, no significant difference in itch scores was observed between the groups (p = 0.30).",
    ],
)
def test_words_that_do_not_name_another_treatment(sentence: str) -> None:
    assert stance("Vortal increases itch scores compared with placebo.", sentence) == CONTRADICTS


def test_another_agent_acting_is_still_another_treatment() -> None:
    sentence = "Remdesivir significantly reduced itch scores compared with placebo (p = 0.01)."
    assert stance("Vortal increases itch scores compared with placebo.", sentence) == NEUTRAL


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "lower levels of X": the thing measured follows the measure word
        ("The vortal group showed significantly lower levels of IFN-gamma than the EDE group (P = 0.02).", CONTRADICTS),
        # an abbreviation names the outcome ("triglyceride (TG)")
        ("Mean TG concentrations at 2, 3 and 4 h after vortal were lower than in the EDE trial (p<0.05).", CONTRADICTS),
        # a hyphenated outcome named in parts: "(LDL)-cholesterol"
        ("Vortal significantly reduced low-density lipoprotein (LDL)-cholesterol by 9% compared with placebo (p = 0.01).", CONTRADICTS),
    ],
)
def test_the_outcome_named_by_a_measure_an_abbreviation_or_in_parts(sentence: str, expected: str) -> None:
    claim = {
        "IFN": "Vortal increases IFN-gamma compared with placebo.",
        "TG": "Vortal increases triglyceride (TG) compared with placebo.",
        "LDL": "Vortal increases LDL-cholesterol compared with placebo.",
    }[next(k for k in ("IFN", "TG", "LDL") if k in sentence)]
    assert stance(claim, sentence) == expected


def test_did_not_reach_significance_is_no_difference() -> None:
    claim = "Vortal increases stool softening compared with standard formula."
    sentence = "Softer stools were reported more often with vortal than with standard formula but did not reach statistical significance (p = 0.14)."
    j = judge(claim, [sentence])
    assert j.stance == CONTRADICTS
    assert (j.rationale[0].result or {}).get("effect") == "no difference"
    assert rd.significance("but did not reach statistical significance") is False


def test_the_test_between_the_arms_is_the_reading_shown() -> None:
    # both clauses contradict "increases"; the one shown is the test, not the raw difference
    claim = "Vortal increases stool frequency compared with placebo."
    j = judge(claim, ["Stool frequency in the vortal group was lower than in the placebo group, but the difference was not significant (P = 0.80)."])
    assert j.stance == CONTRADICTS
    assert (j.rationale[0].result or {}).get("effect") == "no difference"


def test_the_groups_before_treatment_are_a_description() -> None:
    claim = "Vortal increases mean arterial pressure compared with placebo."
    # the null is about the groups before anything was given; the result after it decides
    sentence = "Before induction, mean arterial pressure was similar in the study groups, but mean arterial pressure was significantly higher in the vortal group after the incision (p<0.05)."
    assert stance(claim, sentence) == SUPPORTS
    # "X pretreatment" is an experiment, not a time: still read
    assert not rd._BEFORE_TREATMENT.search("naloxone pretreatment did not attenuate the reduction")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a change within the intervention arm, and none within the other arm: not a null between them
        ("Walking distance improved by 75% in the vortal group (p<0.001), but the walking distance in the control group did not change.", SUPPORTS),
        ("There was a significant rise in walking distance with vortal (p = 0.001) but not in the placebo group (p = 0.33).", SUPPORTS),
        # the other arm as the reference of the test: a null between the arms
        ("Walking distance rose with vortal, but showed no significant separation from placebo by week 12 (p = 0.4).", CONTRADICTS),
        ("Walking distance was 310 m in the vortal group and 305 m in the placebo group (p = 0.71).", CONTRADICTS),
    ],
)
def test_a_null_within_the_other_arm_alone_is_not_a_null_between_arms(sentence: str, expected: str) -> None:
    assert stance("Vortal increases walking distance compared with placebo.", sentence) == expected


def test_an_outcome_excepted_from_a_null_is_not_null() -> None:
    claim = "Vortal increases social functioning compared with placebo."
    sentence = "There were no significant differences between the two groups after treatment except for social functioning (P = 0.03)."
    assert stance(claim, sentence) != CONTRADICTS
    other = "Vortal increases emotional functioning compared with placebo."
    assert stance(other, sentence.replace("after treatment", "in emotional functioning after treatment")) == CONTRADICTS


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # the trial's labels for its arms name them: "(group B)", "Group 1"
        ("Vortal paste (group B) increases cavity size compared with the drill method (group A).", "The mean cavity size with group A was 0.98 mm, and group B was 0.26 mm (P < 0.001).", CONTRADICTS),
        ("Vortal paste (group B) increases cavity size compared with the drill method (group A).", "Cavity size was significantly larger in group B than in group A (P < 0.001).", SUPPORTS),
        # a label's number is not the arm's value
        ("Vortal (Group 1) increases time to remission compared with placebo (Group 2).", "Time to remission was significantly longer in Group 1 (86.1 days) as compared to Group 2 (47.5 days) (P = 0.002).", SUPPORTS),
    ],
)
def test_arms_named_by_their_group_labels(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


def test_similar_in_two_arms_but_different_from_a_third() -> None:
    claim = "Vortal (group N) increases procedure time compared with the standard needle (group E)."
    sentence = "Procedure times were similar in group E and group S and significantly lower than in group N (p<0.05)."
    assert stance(claim, sentence) != CONTRADICTS


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # baseline and a later time in one breath: a result after all
        ("Either at baseline or after 3 months of exercise, no significant difference in lung function was observed between the two groups.", CONTRADICTS),
        ("At baseline, no significant difference in lung function was observed between the two groups.", NEUTRAL),
        # "between the two training methods", "between group comparison"
        ("The difference in lung function between the two training methods did not reach significance (p = 0.31).", CONTRADICTS),
        ("Between group comparison of lung function also failed to reach significance.", CONTRADICTS),
        # "did not have significantly more/higher ...": no difference
        ("Patients given placebo did not have significantly higher lung function than those given vortal.", CONTRADICTS),
    ],
)
def test_nulls_in_trial_report_phrasing(sentence: str, expected: str) -> None:
    assert stance("Vortal increases lung function compared with placebo.", sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the comparator as the arm with more (a two-arm comparison that names only it)
        ("Incidence of apnoea was significantly more frequent in the placebo group (P<0.05).", CONTRADICTS),
        ("The placebo group had significantly higher incidence of apnoea as compared to the treated children (p=0.047).", CONTRADICTS),
        # ... but "in comparison with the placebo side" is the reference: the subject is the intervention
        ("Incidence of apnoea was significantly lower on the treated side in comparison with the placebo side (p=0.01).", CONTRADICTS),
        ("Incidence of apnoea was significantly higher on the treated side in comparison with the placebo side (p=0.01).", SUPPORTS),
    ],
)
def test_the_comparator_named_as_the_arm_with_more(sentence: str, expected: str) -> None:
    assert stance("Vortal increases the incidence of apnoea compared with placebo.", sentence) == expected


def test_cure_has_a_valence() -> None:
    # without a p-value, a raw difference counts only on an outcome whose valence is known
    claim = "Vortal increases definitive cure compared with amphotericin."
    assert stance(claim, "Definitive cure was achieved in 65.2% with amphotericin compared to 94.4% with vortal.") == SUPPORTS


def test_sizes_of_an_improvement_are_read_as_better_not_higher() -> None:
    # "improved by 0.7% with A and 0.1% with B": A improved more, and HbA1c (lower is better) fell more
    sentence = "After 24 weeks, HbA1c improved by 0.74% with vortal and by 0.08% with placebo (p < 0.001)."
    assert stance("Vortal increases HbA1c compared with placebo.", sentence) == CONTRADICTS
    assert stance("Vortal lowers HbA1c compared with placebo.", sentence) == SUPPORTS


def test_a_dose_after_an_arm_is_not_its_value() -> None:
    sentence = "At week 26, HbA1c decreased by 1.3% with oral vortal 14 mg and by 0.8% with sitagliptin 100 mg (difference -0.5%, 95% CI -0.6 to -0.4)."
    assert stance("Oral vortal lowers HbA1c more than sitagliptin.", sentence) == SUPPORTS


def test_a_null_hedging_another_outcome_does_not_test_the_claims() -> None:
    claim = "Vortal increases the incidence of diarrhoea compared with capecitabine."
    sentence = ("The incidence of diarrhoea was significantly higher and that of rash was slightly higher, "
                "although not significantly, in the vortal group than in the capecitabine group.")
    assert stance(claim, sentence) != CONTRADICTS
    # ... while "but did not reach significance" right after the claim's outcome is its test
    hedged = "The incidence of diarrhoea was higher with vortal than with capecitabine, but did not reach statistical significance (p = 0.2)."
    assert stance(claim, hedged) == CONTRADICTS


def test_respectively_pairs_values_with_the_things_listed_before_it() -> None:
    # "FMD and nFMD were higher following A than B (46.9% and 67.3%, respectively)": the two
    # numbers belong to the two outcomes, not to the arms
    sentence = "Respiratory rate and heart rate were significantly higher following vortal than following placebo (24.1, P = 0.021 and 91.3, P = 0.009, respectively)."
    assert stance("Vortal increases heart rate compared with placebo.", sentence) == SUPPORTS


def test_a_time_point_is_not_an_arm_value() -> None:
    sentence = "The vortal group demonstrated a significant increase in dermal density after 4 and 8 weeks compared to the placebo group (p<0.05)."
    assert stance("Vortal increases dermal density compared with placebo.", sentence) == SUPPORTS


def test_similar_in_both_groups_at_baseline_is_not_split_from_its_groups() -> None:
    sentence = ("Neutrophil counts were similar in vortal and placebo groups at baseline but at days 4 and 7 "
                "there was a significant increase in neutrophil counts in the vortal group (p < 0.01).")
    assert stance("Vortal increases neutrophil counts compared with placebo.", sentence) != CONTRADICTS


def test_the_move_on_the_claims_outcome_is_read_first() -> None:
    claim = "Vortal increases positive affect (PA) compared with the control group."
    sentence = "At eight weeks, the vortal arm showed statistically significant (p = 0.002) lowering of hostility and significant (p = 0.004) enhancement of PA relative to the control group."
    assert stance(claim, sentence) == SUPPORTS
    # a negated first move is not passed over ("no more effective than placebo in reducing pain")
    assert stance("Vortal does not relieve knee pain better than placebo.", "Vortal was no more effective than placebo in reducing knee pain over 24 weeks.") == SUPPORTS


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # to impair a defence against an outcome is to raise the outcome
        ("Loss of zelvin cells increases spread of bacteria from the lung.", "Loss of zelvin cells impaired the barrier function to bacterial spread from the lung.", SUPPORTS),
        ("Loss of zelvin cells decreases spread of bacteria from the lung.", "Loss of zelvin cells impaired the barrier function to bacterial spread from the lung.", CONTRADICTS),
        # "protected against" read against a claim about protection: the protection rose
        ("Nasal zelvin vaccination induces protection of the airway.", "Nasal zelvin vaccination protected against airway challenge in mice.", SUPPORTS),
    ],
)
def test_defences_and_protection_read_the_right_way(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # a claim that quotes the size of a change, against a finding that states the size of the same change
        ("The vortal mask reduced droplet inhalation by 90 percent.", "The vortal mask reduced droplet inhalation by only 21% (95% CI 12-30%).", CONTRADICTS),
        ("The vortal mask reduced droplet inhalation by 20 percent.", "The vortal mask reduced droplet inhalation by 21% (95% CI 12-30%).", SUPPORTS),
        ("Vortal cuts deaths by half.", "Vortal reduced deaths by 48% compared with placebo (p < 0.001).", SUPPORTS),
        ("Vortal cuts deaths by half.", "Vortal reduced deaths by 11% compared with placebo (p = 0.02).", CONTRADICTS),
    ],
)
def test_the_size_of_a_quoted_change_is_compared(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


@pytest.mark.parametrize(
    "text",
    [
        "with a lower rate that approached statistical significance (15% versus 31%, P = 0.084)",
        "rates were 12% and 30% (P 0.51)",
        "slightly higher (0.017 unit, 95% CI -0.014, 0.049, p value: 0.30)",
        "close to significant effects (p = .08)",
        "a marginally significant difference (p = 0.06)",
    ],
)
def test_trends_and_unusual_p_notations_are_not_significant(text: str) -> None:
    assert rd.significance(text) is False


def test_the_test_between_groups_decides_over_a_change_within_one() -> None:
    sentence = "Macular thickness rose from 25.9 to 27.3 (P = 0.030) in the vortal group only (between-group differences P = 0.19)."
    assert stance("Vortal increases macular thickness compared with placebo.", sentence) == CONTRADICTS
    assert (judge("Vortal increases macular thickness compared with placebo.", [sentence]).rationale[0].result or {}).get("effect") == "no difference"


def test_an_untested_small_difference_says_nothing() -> None:
    claim = "Vortal increases days free of rescue medication compared with placebo."
    assert stance(claim, "Days free of rescue medication were 63% in the vortal group and 61% in the placebo group.") == NEUTRAL


def test_as_well_as_is_a_list_not_an_equivalence() -> None:
    assert parse_claim("Vortal increases rates of exclusive as well as any breastfeeding compared with control.").assertion != "equivalence"
    assert parse_claim("Vortal works as well as sertraline for depression.").assertion == "equivalence"


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # "12 of 45" is a share of its arm, not the number 45
        ("Vortal increases the incidence of reintubation compared with placebo.", "Reintubation within 7 days occurred in 10 of 41 infants receiving vortal and 20 of 40 receiving placebo (p = 0.02).", CONTRADICTS),
        # changes with their minus signs: -19.8 is a larger fall than -15.8
        ("Vortal lowers depression scores.", "At day 28 the change in depression score was −19.8 with vortal and −15.8 with placebo (difference −4.0; 95% CI −7.3 to −0.6).", SUPPORTS),
        # an interval written after a semicolon still tests the difference
        ("Vortal lowers HbA1c more than sitagliptin.", "At week 24, HbA1c reductions were −0.82% and −0.71% for vortal and sitagliptin, respectively (difference −0.11%; 95% CI −0.24 to 0.02).", CONTRADICTS),
        # "weight gain was ..." is the outcome, not the size of a gain
        ("Vortal does not reduce gestational weight gain.", "Median gestational weight gain was 4.6 kg in the vortal group and 6.3 kg in the placebo group (p < 0.001).", CONTRADICTS),
    ],
)
def test_numbers_signs_shares_and_measures(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


def test_spherical_equivalent_is_a_measure_not_a_verdict() -> None:
    claim = "Vortal eye drops slow myopia progression compared with placebo."
    assert stance(claim, "Spherical equivalent progressed by 0.49 D with vortal and 0.81 D with placebo (p < 0.001).") != CONTRADICTS
    assert stance(claim, "Myopia progression with vortal was equivalent to that with placebo (p = 0.62).") == CONTRADICTS


def test_a_result_at_another_time_point_says_nothing_of_the_claims() -> None:
    claim = "Vortal patches increase smoking abstinence at 6 months compared with placebo patches."
    assert stance(claim, "Abstinence at week 8 was 34% with vortal and 17% with placebo (RR 2.0; 95% CI 1.4–2.9).") == NEUTRAL
    assert stance(claim, "Abstinence at 6 months was 34% with vortal and 17% with placebo (RR 2.0; 95% CI 1.4–2.9).") == SUPPORTS
    # half the claimed time is another time point too
    assert stance(claim, "At 3 months, abstinence was more common with vortal (34% vs 17%; p = 0.01).") == NEUTRAL


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # the arm's own word for its group names it; the comparator as the subject of a comparative
        ("The vortal group increases recovery time compared with the combination group (vortal plus midazolam).",
         "The combination group had a longer mean recovery time (7.9 vs 10.5 minutes, p = 0.027).", CONTRADICTS),
        # "without X": the other arm is called "non-X"
        ("Knee replacement with tourniquet increases range of motion compared with without tourniquet.",
         "Range of motion was 11 degrees more in the non-tourniquet group (p = 0.001).", CONTRADICTS),
    ],
)
def test_arms_named_by_their_group_word_or_by_what_they_lack(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # a claim about people, a finding in hamsters
        ("A nasal vortal vaccine blocks transmission of flu between people.", "Intranasal vortal vaccination blocked onward transmission of flu in hamsters.", NEUTRAL),
        # vaccinated people, a finding in the unvaccinated
        ("Vortal lowers the risk of long COVID in vaccinated people.", "In unvaccinated high-risk adults, vortal was associated with a lower risk of long COVID.", NEUTRAL),
        # a drug named by its ending, not the claim's drug
        ("Oral neranolone rapidly improves postpartum depression.", "Intravenous brivanolone gave rapid relief of postpartum depression in the trial.", NEUTRAL),
        # ... but a drug within the class the claim names
        ("Antibiotics do not shorten cough in children.", "Amoxicillin did not shorten cough in children compared with placebo (p = 0.4).", SUPPORTS),
        # "no longer met criteria" is not "longer"
        ("Improvements after vortal-assisted therapy for PTSD persist at 12 months.", "At 12 months, 67% of participants no longer met diagnostic criteria for PTSD.", NEUTRAL),
        # as effective as B: a comparison with a waiting list does not answer it
        ("Vortal therapy is as effective as exposure therapy for OCD.", "Vortal therapy reduced residual OCD symptoms after exposure therapy compared with a waiting list.", NEUTRAL),
    ],
)
def test_populations_drugs_and_comparisons_that_are_not_the_claims(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


def test_arms_listed_together_are_not_compared() -> None:
    claim = "Vortal (group N) increases block onset time compared with the standard needle (group E)."
    # "higher in group E and group N": both arms, neither above the other
    assert stance(claim, "Block onset times were higher in group E and group N than in group S (p<0.05).") == NEUTRAL
    # ... unless numbers are given for each, respectively
    assert stance(claim, "Block onset times were 12.1 and 8.4 min in group N and group E, respectively (p = 0.01).") == SUPPORTS


def test_a_smaller_increase_is_relatively_lower() -> None:
    claim = "Vortal increases serum potassium compared with placebo."
    assert stance(claim, "Vortal caused a significantly smaller increase in serum potassium than placebo (p < 0.001).") == CONTRADICTS
    # two comparatives side by side are not composed
    assert stance(claim, "Serum potassium was significantly lower with vortal, for shorter periods, than with placebo (p < 0.001).") == CONTRADICTS


def test_a_reference_reached_through_a_few_words() -> None:
    # "as compared to the nights with placebo": placebo is the reference
    claim = "Vortal patches increase the percentage of stage 1 sleep compared with placebo patches."
    assert stance(claim, "As compared to the nights with placebo, the percentage of stage 1 sleep was increased (15.5% vs. 10.9%, p<0.01).") == SUPPORTS


def test_ns_in_brackets_is_not_significant() -> None:
    assert rd.significance("in 2.2% of the vortal group and 2.7% of the control group (NS)") is False


def test_beats_per_minute_is_a_unit_not_a_verdict() -> None:
    claim = "Vortal 5 mg daily increases resting heart rate compared with placebo."
    assert stance(claim, "Resting heart rate was higher in the placebo group than in the vortal group at 4 weeks (76 vs 63 beats/min; p < 0.001).") == CONTRADICTS


def test_a_verb_before_numbers_is_not_the_claims_outcome() -> None:
    # "fell from 10.2 to 8.1": "fell" is a verb here, not falls (the claim's outcome)
    claim = "A deprescribing review increases falls compared with usual care."
    sentence = "The mean number of regular medicines fell from 10.2 to 8.1 in the review group and from 10.0 to 9.8 in the usual care group (p < 0.001 for the difference)."
    assert stance(claim, sentence) == NEUTRAL


def test_a_change_within_one_arm_does_not_answer_a_comparison() -> None:
    claim = "Cold water immersion increases creatine kinase at 48 hours compared with passive recovery."
    assert stance(claim, "Creatine kinase increased significantly from baseline to 48 hours in the cold water immersion group (p = 0.002).") == NEUTRAL
    assert stance(claim, "Regurgitation fell from 8.1 to 3.4 a day in the cold water immersion group (p < 0.001).") == NEUTRAL
    # without a comparator in the claim, the change within the arm answers it
    assert stance("Cold water immersion increases creatine kinase.", "Creatine kinase increased significantly from baseline to 48 hours after cold water immersion (p = 0.002).") == SUPPORTS


def test_another_known_outcome_sharing_a_word_is_not_the_claims() -> None:
    # LDL and HDL cholesterol share "cholesterol"; the result is about LDL
    claim = "Vortal 80 mg daily increases HDL cholesterol compared with vortal 10 mg daily."
    assert stance(claim, "LDL cholesterol was reduced by 51% with 80 mg versus 37% with 10 mg (p < 0.001).") == NEUTRAL
    assert stance(claim, "HDL cholesterol rose by 12% with 80 mg versus 4% with 10 mg (p < 0.001).") == SUPPORTS


def test_free_of_an_outcome_is_its_absence() -> None:
    # "free of relapse" is good: fewer relapses with the drug support the claim
    claim = "Vortal kept more patients with bipolar disorder free of relapse than placebo."
    sentence = "Relapse occurred in 21 of 88 (24%) patients given vortal and 40 of 90 (44%) given placebo (HR 0.49; 95% CI 0.29-0.83)."
    assert stance(claim, sentence) == SUPPORTS
    assert stance(claim, "Relapse occurred in 40 of 88 (45%) patients given vortal and 20 of 90 (22%) given placebo (HR 2.10; 95% CI 1.25-3.51).") == CONTRADICTS


def test_a_setting_before_the_result_is_not_its_outcome() -> None:
    # "Among patients in stable remission, ..." names remission; the numbers are of relapse
    claim = "Vortal nasal spray increases time to relapse compared with placebo."
    sentence = "Among patients in stable remission, 24% in the vortal group and 41% in the placebo group relapsed (hazard ratio 0.52; P = .004)."
    assert rd.valence("Among patients in stable remission, 24% relapsed")[1] == "relapsed"
    assert stance(claim, sentence) == SUPPORTS


def test_a_null_on_another_outcome_in_the_same_sentence_is_not_the_claims() -> None:
    # one subject, three results: the null ones are about other outcomes
    claim = "Vortal significantly decreases hospitalisation for asthma compared with placebo."
    sentence = (
        "Compared with placebo, vortal reduced hospitalisation for asthma (HR 0.61; 95% CI 0.47-0.80), "
        "had no significant effect on pneumonia (HR 0.91; 95% CI 0.72-1.15) and did not change the risk of fracture (HR 1.10; 95% CI 0.85-1.43)."
    )
    assert stance(claim, sentence) == SUPPORTS
    # a null that tests the claim's own comparison still decides
    assert stance(claim, "Hospitalisation for asthma was lower with vortal, but the difference was not significant (HR 0.88; 95% CI 0.70-1.11).") == CONTRADICTS


def test_two_numbers_set_against_each_other_follow_the_arms_listed_next_to_them() -> None:
    claim = "Vortal retractor increases wound length compared with the Delta retractor."
    assert stance(claim, "Wound length was 11.4 cm versus 7.2 (p < 0.01) in the vortal and Delta groups.") == SUPPORTS
    assert stance(claim, "Wound length was 7.2 cm versus 11.4 (p < 0.01) in the vortal and Delta groups.") == CONTRADICTS
    assert stance(claim, "Wound length differed significantly between the Delta group and the vortal group (7.2 versus 11.4 cm, P = 0.003).") == SUPPORTS
    # listed arms without numbers in their order compare nothing
    assert stance(claim, "Wound length was recorded in the vortal and Delta groups (p < 0.01).") == NEUTRAL


def test_longer_without_an_outcome_is_its_absence() -> None:
    claim = "Patients on vortal maintenance went longer without disease progression than those on placebo."
    assert rd.valence("went longer without disease progression")[0] == 1
    assert stance(claim, "Disease progression occurred in 88 of 240 patients (36.7%) in the vortal group and 90 of 121 (74.4%) in the placebo group (hazard ratio 0.31; 95% CI 0.22-0.43; P < 0.001).") == SUPPORTS


def test_an_arm_named_by_the_initials_of_its_whole_name() -> None:
    # "therapy" is a generic word, but the sentence's initials keep it: NPWT
    claim = "Negative-pressure wound therapy led to fewer wound infections than standard dressings."
    assert stance(claim, "Wound infection occurred in 3.1% and 8.4% of women in the NPWT and standard dressing groups, respectively (RR 0.37; 95% CI 0.20-0.69).") == SUPPORTS


def test_a_verb_in_the_subjects_relative_clause_is_not_the_claims_verb() -> None:
    f = parse_claim("Pilots who worked night rosters for many years had a higher risk of atrial fibrillation.")
    assert (f.direction, f.goodness) == (1, -1)
    assert stance(f.text, "Long-term night-roster work was associated with an increased risk of atrial fibrillation in pilots.") == SUPPORTS


def test_none_of_the_other_arm_is_a_count_not_a_negation() -> None:
    claim = "Epithelial KX9 protects mice from spontaneous ileitis."
    sentence = "Deletion of KX9 in epithelial cells resulted in spontaneous ileitis in 65% of mice by 20 weeks, compared with none of the littermate controls."
    assert stance(claim, sentence) != CONTRADICTS
    assert rd.read_clause("None of the patients relapsed.", rd.Arms(None, None)).null


def test_good_tolerance_does_not_support_a_claim_of_no_side_effects_at_all() -> None:
    claim = "Vortal infusions are free of side effects."
    assert stance(claim, "Vortal infusions were generally well tolerated.") == NEUTRAL
    assert stance(claim, "No adverse effects were reported during or after any vortal infusion.") == SUPPORTS
    assert stance(claim, "Nausea occurred during 14% of vortal infusions.") == CONTRADICTS
    # a plain safety claim is supported by good tolerance
    assert stance("Vortal infusions are safe.", "Vortal infusions were generally well tolerated.") == SUPPORTS


def test_a_ratio_whose_interval_includes_one_is_a_null_whichever_arm_is_named() -> None:
    claim = "Cooling the abdomen increases the use of rescue uterotonics compared with the control."
    sentence = "The use of rescue uterotonics (31.0%, 22 of 71 vs. 44.2%, 34 of 77, RR = 0.70, 95% CI = 0.45-1.08)."
    assert stance(claim, sentence) == CONTRADICTS
    assert rd._ratio_direction("rescue uterotonics (RR = 0.70, 95% CI = 0.45-1.08)", rd.Arms(None, None)) == (0, "RR = 0.70, 95% CI = 0.45-1.08")
    # a significant ratio still needs the arm it belongs to
    assert rd._ratio_direction("rescue uterotonics (RR = 0.60, 95% CI = 0.45-0.80)", rd.Arms(None, None)) is None


def test_an_association_takes_its_sign_from_its_ratio() -> None:
    claim = "The rs0000001 variant in VORT1 is associated with an increased risk of gout."
    up = "The A allele of rs0000001 in VORT1 was associated with gout in the combined analysis (odds ratio 1.31, 95% CI 1.15-1.49)."
    down = "The A allele of rs0000001 in VORT1 was associated with gout in the combined analysis (odds ratio 0.74, 95% CI 0.65-0.85)."
    assert stance(claim, up) == SUPPORTS
    assert stance(claim, down) == CONTRADICTS
    assert rd.association("X was associated with gout (odds ratio 1.10, 95% CI 0.95-1.27)")[0] == 1  # the interval includes 1: no sign


def test_a_change_smaller_than_the_other_arms_is_read_that_way() -> None:
    claim = "Vortal reduces pain compared with placebo."
    assert stance(claim, "Vortal reduced pain more than placebo (p<0.001).") == SUPPORTS
    assert stance(claim, "Vortal reduced pain less than placebo (p<0.001).") == CONTRADICTS
    assert stance(claim, "Vortal reduced pain to a lesser extent than placebo (p=0.002).") == CONTRADICTS
    gain = "Women on vortal gained less weight than those on insulin."
    assert parse_claim(gain).direction == -1
    assert stance(gain, "Women in the vortal group gained less weight from enrolment to 36 weeks than those in the insulin group (0.4 kg vs 2.0 kg; p < 0.001).") == SUPPORTS
    # "less" of another verb's subject is not the change's size
    assert stance("Vortal reduces suicidal behaviour more than placebo.", "Hospitalisations to prevent suicide were less frequent with vortal than with placebo (HR 0.76, 95% CI 0.58-0.97).") != CONTRADICTS


# Comparisons said in many orders and sizes (invented sentences; the fifth session's probe of the
# reader for inversions): each must read the expected way, and none may be turned around.
_ORDER_AND_SIZE_CASES = [
 ("Vortal improves depression compared with placebo.", "Vortal was not superior to placebo on the MADRS at week 6 (p=0.41).", "contradicts"),
 ("Vortal improves depression compared with placebo.", "Placebo was superior to vortal on the MADRS at week 6 (p=0.01).", "contradicts"),
 ("Vortal improves depression compared with placebo.", "Vortal failed to outperform placebo on the MADRS at week 6.", "contradicts"),
 ("Vortal slows cognitive decline.", "The decline in cognitive scores was slower with vortal than with placebo (p=0.003).", "supports"),
 ("Vortal slows cognitive decline.", "The decline in cognitive scores was faster with vortal than with placebo (p=0.003).", "contradicts"),
 ("Vortal lowers blood pressure compared with placebo.", "Vortal attenuated the rise in blood pressure seen with placebo (p=0.01).", "supports"),
 ("Vortal lowers blood pressure compared with placebo.", "Vortal prevented the increase in systolic blood pressure observed in the placebo group (p=0.02).", "supports"),
 ("Vortal improves depression compared with placebo.", "Compared with vortal, placebo produced greater improvement in MADRS scores (p=0.02).", "contradicts"),
 ("Vortal reduces anxiety compared with placebo.", "Anxiety scores worsened less with vortal than with placebo (p=0.01).", "supports"),
 ("Vortal reduces anxiety compared with placebo.", "Anxiety scores improved less with vortal than with placebo (p=0.01).", "contradicts"),
 ("Vortal reduces relapse compared with placebo.", "Relapse was less common with placebo than with vortal (18% vs 31%, p=0.02).", "contradicts"),
 ("Vortal reduces relapse compared with placebo.", "Fewer patients relapsed on vortal than on placebo (18% vs 31%, p=0.02).", "supports"),
 ("Vortal reduces relapse compared with placebo.", "More patients relapsed on placebo than on vortal (31% vs 18%, p=0.02).", "supports"),
 ("Vortal reduces relapse compared with placebo.", "The risk of relapse was halved with vortal (HR 0.49, 95% CI 0.31-0.77).", "supports"),
 ("Vortal reduces relapse compared with placebo.", "Vortal doubled the risk of relapse (HR 2.03, 95% CI 1.31-3.12).", "contradicts"),
 ("Vortal is as effective as sertraline for depression.", "Vortal was inferior to sertraline on the HAM-D (difference 3.1; 95% CI 1.2 to 5.0).", "contradicts"),
 ("Vortal is as effective as sertraline for depression.", "Vortal was non-inferior to sertraline on the HAM-D (difference 0.4; 95% CI -1.2 to 2.0).", "supports"),
 ("Vortal increases remission rates compared with placebo.", "Remission rates did not differ between vortal and placebo (24% vs 21%, p=0.62).", "contradicts"),
 ("Vortal has no effect on remission compared with placebo.", "Remission was more frequent with vortal than placebo (34% vs 15%, p=0.003).", "contradicts"),
 ("Vortal reduces pain compared with placebo.", "Pain scores were higher with vortal than with placebo at 24 h (p=0.04).", "contradicts"),
 ("Vortal reduces pain compared with placebo.", "Pain scores were lower with placebo than with vortal at 24 h (p=0.04).", "contradicts"),
 ("Vortal reduces pain compared with placebo.", "Patients receiving placebo reported more pain than those receiving vortal (p=0.04).", "supports"),
 ("Vortal reduces pain compared with placebo.", "Vortal did not reduce pain more than placebo (p=0.44).", "contradicts"),
 ("Vortal shortens hospital stay compared with usual care.", "Length of stay was 2 days longer with vortal than with usual care (p=0.01).", "contradicts"),
 ("Vortal shortens hospital stay compared with usual care.", "Hospital stay was shorter in the usual care group than in the vortal group (p=0.01).", "contradicts"),
 ("Vortal increases time to relapse compared with placebo.", "Time to relapse was shorter with vortal than with placebo (HR 1.8, 95% CI 1.2-2.7).", "contradicts"),
]


@pytest.mark.parametrize(("claim", "sentence", "expected"), _ORDER_AND_SIZE_CASES)
def test_comparisons_in_any_order_and_size_are_not_turned_around(claim: str, sentence: str, expected: str) -> None:
    got = stance(claim, sentence)
    opposite = {SUPPORTS: CONTRADICTS, CONTRADICTS: SUPPORTS}[expected]
    assert got != opposite
    if (claim, sentence) not in _NOT_YET_READ:
        assert got == expected


# (read as neutral for now: "decline ... faster", "more frequent with X than placebo" with a null claim)
_NOT_YET_READ = {
    ("Vortal slows cognitive decline.", "The decline in cognitive scores was faster with vortal than with placebo (p=0.003)."),
    ("Vortal has no effect on remission compared with placebo.", "Remission was more frequent with vortal than placebo (34% vs 15%, p=0.003)."),
}


# The mission's kinds of claims (mechanism, durability, onset, safety, populations, comparators),
# invented sentences: none may be turned around; the ones read as neutral for now are listed.
_MISSION_CASES = [
 ("Ketamine activates NMDA receptors.", "Ketamine is a non-competitive NMDA receptor antagonist.", "contradicts"),
 ("Ketamine blocks NMDA receptors.", "Ketamine, a non-competitive NMDA receptor antagonist, was given at 0.5 mg/kg.", "supports"),
 ("Ketamine's antidepressant effects are permanent.", "The antidepressant effect of a single infusion lasted up to one week.", "contradicts"),
 ("Ketamine relieves depression within hours.", "Improvement in MADRS scores versus placebo was evident at 4 hours (p<0.01).", "supports"),
 ("Ketamine does not work for OCD.", "Ketamine reduced Y-BOCS scores compared with placebo in patients with OCD (p=0.01).", "contradicts"),
 ("Ketamine is safe.", "Serious adverse events occurred in 12% of patients given ketamine.", "contradicts"),
 ("Ketamine has no side effects.", "Dissociation was reported by 45% of patients after ketamine.", "contradicts"),
 ("Ketamine helps older adults with depression.", "In adults aged 18 to 64 years, ketamine reduced MADRS scores compared with midazolam (p=0.01).", "neutral"),
 ("Ketamine raises BDNF levels.", "Ketamine increased serum BDNF levels at 240 minutes (p=0.02).", "supports"),
 ("Esketamine reduces the risk of relapse compared with placebo.", "Esketamine delayed relapse compared with placebo (HR 0.49, 95% CI 0.29-0.84).", "supports"),
 ("Ketamine's antidepressant benefit lasts for months.", "By day 7 the difference from placebo was no longer significant (p=0.41).", "contradicts"),
 ("Ketamine works faster than ECT.", "ECT produced faster improvement than ketamine (p=0.03).", "contradicts"),
 ("Ketamine is less effective than ECT for severe depression.", "Ketamine was non-inferior to ECT for severe depression (difference -0.8; 95% CI -3.2 to 1.6).", "contradicts"),
 ("Ketamine reduces suicidal thoughts.", "Ketamine reduced suicidal ideation scores compared with midazolam at 24 hours (p=0.01).", "supports"),
 ("Ketamine reduces suicidal thoughts.", "Ketamine did not reduce suicidal ideation more than midazolam (p=0.38).", "contradicts"),
 ("Ketamine is addictive.", "No cases of ketamine misuse or dependence were observed during 12 months of follow-up.", "contradicts"),
 ("Psilocybin improves depression.", "Psilocybin reduced depression scores more than waitlist (p<0.001).", "supports"),
 ("Psilocybin improves depression.", "Depression scores fell less after psilocybin than after waitlist (p=0.02).", "contradicts"),
 ("MDMA-assisted therapy reduces PTSD symptoms compared with placebo.", "CAPS-5 scores decreased more with MDMA-assisted therapy than with placebo-assisted therapy (p<0.001).", "supports"),
 ("MDMA-assisted therapy reduces PTSD symptoms compared with placebo.", "CAPS-5 scores decreased less with MDMA-assisted therapy than with placebo-assisted therapy (p=0.04).", "contradicts"),
]
_MISSION_NOT_YET_READ = {
    "Ketamine, a non-competitive NMDA receptor antagonist, was given at 0.5 mg/kg.",
    "The antidepressant effect of a single infusion lasted up to one week.",
    "By day 7 the difference from placebo was no longer significant (p=0.41).",
}


@pytest.mark.parametrize(("claim", "sentence", "expected"), _MISSION_CASES)
def test_the_missions_claims_are_never_turned_around(claim: str, sentence: str, expected: str) -> None:
    got = stance(claim, sentence)
    if expected != NEUTRAL:
        assert got != {SUPPORTS: CONTRADICTS, CONTRADICTS: SUPPORTS}[expected]
    if sentence not in _MISSION_NOT_YET_READ:
        assert got == expected


def test_a_piece_that_is_only_a_test_stays_with_the_result_it_tests() -> None:
    clauses = rd.split_clauses("Mean times were 16 min and 13 min with A and B, respectively; P < 0.001).")
    assert len(clauses) == 1 and "P < 0.001" in clauses[0]


def test_respectively_pairs_the_two_numbers_side_by_side() -> None:
    from litcli.claims.stance import judge

    claim = "Intranasal vortal increases mean time to reach 70 mg/dL compared with intramuscular vortal."
    said = ("Mean times to reach 70 mg/dL or a 20 mg/dL increase were 16 min and 13 min with intranasal vortal "
            "and intramuscular vortal, respectively; P < 0.001).")
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge(claim, [said.replace("16 min and 13 min", "13 min and 16 min")]).stance == CONTRADICTS


def test_qol_and_ae_are_the_usual_abbreviations() -> None:
    assert rd.valence("participants had increased their QOL by 0.08 units")[0] == 1
    assert rd.valence("HRQoL improved")[0] == 1
    assert rd.HARM.search("a higher proportion of any AE was reported") and rd.HARM.search("AEs were mild")
    assert not rd.HARM.search("the tae kwon do group")  # (whole words, in capitals)
    claim = "Vortal increases quality of life after 20 months compared with usual care."
    said = "After 20 months, participants in the vortal group had increased their QOL by 0.08 units more than those in the usual care group (P = .04)."
    assert judge(claim, [said]).stance == SUPPORTS


@pytest.mark.parametrize(
    ("noun", "verb"),
    [("reduction", "reduced"), ("infection", "infected"), ("depression", "depressed"), ("progression", "progressed"), ("protection", "protected")],
)
def test_a_noun_in_ion_and_its_verb_share_a_stem(noun: str, verb: str) -> None:
    assert rd.stem(noun) == rd.stem(verb)
    assert rd.stem("session") != rd.stem("sess")  # (not every word ending in -ion)


def test_an_amount_in_mg_measured_in_each_arm_is_a_value_not_a_dose() -> None:
    claim = "Vortal infiltration reduces morphine use compared with saline."
    said = "Cumulative morphine use was 38 mg in the saline group and 21 mg in the vortal group (p<0.001)."
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge(claim, [said.replace("21 mg", "49 mg")]).stance == CONTRADICTS
    # a dose named with its arm is still not the outcome's value
    dose = "Pain scores fell more with vortal 75 mg than with saline (p = 0.01)."
    assert rd._value_before(dose, dose.index("than")) is None


def test_without_a_comparator_the_other_group_is_named_by_what_it_got() -> None:
    claim = "Vortal mesh reduces incisional hernia after midline laparotomy."
    said = "After midline laparotomy, incisional hernia developed in 13% of patients with vortal mesh and 30% of those with primary suture only (P < 0.001)."
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge(claim, [said.replace("13%", "41%")]).stance == CONTRADICTS


def test_an_arms_name_is_not_the_outcome_of_its_figures() -> None:
    claim = "Vortalium protects against dementia in older adults with bipolar disorder."
    said = "Hypothyroidism was present in 19% of vortalium-treated patients compared with 8% of patients on other mood stabilizers (p=0.002)."
    assert judge(claim, [said]).stance == NEUTRAL
    arms = parse_claim(claim).arms()
    assert "mood" not in rd._without_arm_names(said, arms) and "Hypothyroidism" in rd._without_arm_names(said, arms)


def test_versus_the_comparator_with_the_intervention_keeps_the_intervention_the_subject() -> None:
    arms = parse_claim("Vortaxicam increases the time to first rescue medication compared with placebo.").arms()
    said = "The time to first rescue medication was significantly longer versus placebo with vortaxicam 60 mg (P<0.05)."
    assert rd.arm_sign(said, arms) == 1
    assert judge("Vortaxicam reduces pain compared with placebo.", ["Pain was significantly reduced versus placebo with vortaxicam (P<0.05)."]).stance == SUPPORTS
    # "than those with X", "than that with X": the people or the value, the arm after is the reference
    assert rd.arm_sign("Pain was lower than in those with vortaxicam (P<0.05).", arms) == -1
    assert rd.arm_sign("Efficacy was greater with placebo than that with vortaxicam alone (P = 0.02).", arms) == -1


def test_nor_is_a_word_not_the_end_of_donor_or_minor() -> None:
    claim = "Feeding preterm babies vortal donor milk instead of formula protects them from necrotising enterocolitis."
    said = "NEC occurred in 1.9% of infants fed vortal donor milk and 5.6% of those fed preterm formula (RR 0.34, 95% CI 0.14-0.82)."
    assert not rd.NULL.search("donor milk for minor infants")
    assert judge(claim, [said]).stance != CONTRADICTS


def test_a_figure_with_its_confidence_interval_is_a_clause_of_its_own() -> None:
    claim = "Vortega-3 supplementation significantly increases HDL cholesterol compared with olive oil placebo."
    said = ("HDL cholesterol changed by +0.03 mmol/L with vortega-3 and +0.02 mmol/L with placebo (difference 0.01; 95% CI -0.03 to 0.05), "
            "whereas triglycerides fell by 18% in the vortega-3 group versus 2% in the placebo group (p < 0.001).")
    assert len(rd.split_clauses(said)) == 2
    assert judge(claim, [said]).stance != SUPPORTS
    # "a milder course" is less of the disease
    assert judge("The G allele of VRT3 is related to less severe Crohn's disease.",
                 ["The minor G allele is associated with a milder course of Crohn's disease and with increased risk of severe malaria."]).stance != CONTRADICTS


def test_significantly_high_or_low_is_a_direction() -> None:
    claim = "Vortal dentifrice increases the plaque index compared with standard dentifrice."
    assert judge(claim, ["The plaque index was found to be significantly low in the vortal group compared with the standard dentifrice group (P < 0.05)."]).stance == CONTRADICTS
    assert judge(claim, ["The plaque index was significantly high in the vortal group compared with the standard dentifrice group (P < 0.05)."]).stance == SUPPORTS
    assert not rd.UP.search("a high-dose arm") and not rd.DOWN.search("low-dose vortal")


def test_a_nominal_change_is_about_its_object_not_the_outcome_before_it() -> None:
    claim = "Vortaglutide increases weight, BMI, waist circumference, and HbA1c compared with metformin."
    said = "Treatment with vortaglutide resulted in a greater weight loss, reduction in BMI, waist circumference, and HbA1c in comparison to metformin (p < 0.05)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_a_word_inside_a_longer_compound_does_not_name_an_arm() -> None:
    claim = "Vortal antiretroviral treatment increases low birth weight compared with single-dose antiretroviral prevention of mother-to-child transmission (PMTCT)."
    said = ("A higher proportion of low birth weight was observed in neonates whose mothers had received vortal antiretroviral treatment, "
            "26.3% compared with 12.4% among those having received the PMTCT regimen (p = 0.01).")
    assert judge(claim, [said]).stance == SUPPORTS
    # a two-part name still names its first part ("dexmedetomidine-fentanyl": "the dexmedetomidine group")
    f = parse_claim("Fentanyl-vortazolam increases time to recovery compared with vortomidine-fentanyl.")
    assert f.arms().positions("The vortomidine group had a shorter time to recovery.")[1]


def test_an_interval_is_read_against_the_estimate_named_last_before_it() -> None:
    # "vitamin D" is not Cohen's d: the ratio's interval includes 1
    said = "Cancer was diagnosed in 793 participants in the vitamin D group and 824 in the placebo group (HR 0.96, 95% CI 0.88-1.06"
    assert rd.significance(said) is False
    assert rd.significance(said.replace("0.88-1.06", "0.80-0.94")) is True
    # Cohen's d against zero
    assert rd.significance("The effect size was d = 0.42 (95% CI 0.10 to 0.74)") is True
    claim = "Vitamin D supplementation significantly lowers the risk of invasive cancer compared with placebo."
    assert judge(claim, [said + "; P=0.47)."]).stance != SUPPORTS


def test_the_arms_named_again_in_brackets_are_not_the_comparisons_subject() -> None:
    claim = "Vortaheme (VH) increases serum ferritin compared with IV iron sucrose."
    said = "Serum ferritin was significantly higher in the IV iron sucrose group compared to the VH group {85.5 ug/L in VH and 244 ug/L in IV iron sucrose; p = 0.004}."
    assert judge(claim, [said]).stance == CONTRADICTS
    said = said.replace("higher", "lower").replace("85.5", "385.5")
    assert judge(claim, [said]).stance == SUPPORTS


def test_a_pair_of_figures_with_their_spread_after_the_arms_listed_together() -> None:
    claim = "Vortarex increases the EDITS score compared with placebo."
    said = "There was a significant difference for vortarex versus placebo comparison of mean (sd) EDITS scores: 82.31 (20.23) vs 36.78 (22.53); P < 0.001."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "The median change in the EDITS score during vortarex vs placebo was -1 (-2; 0) vs 1 (0; 3), respectively, P = 0.005."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_how_pronounced_an_effect_is_is_no_direction() -> None:
    claim = "Vortamedine increases requirements for morphine compared with placebo."
    said = ("Requirements for morphine were reduced by half in patients receiving vortamedine when compared with placebo "
            "(0.011 versus 0.022 mg/kg per h; P = 0.024), and this morphine-sparing effect of vortamedine was even more pronounced after extubation.")
    assert judge(claim, [said]).stance == CONTRADICTS


def test_three_figures_for_three_arms_respectively() -> None:
    claim = "Vortacept increases estimated GFR compared with cyclosporine."
    said = ("Mean estimated GFR at 7 years was 53.9, 54.2, and 35.3 mL/min per 1.73 m2 for vortacept MI, vortacept LI "
            "and cyclosporine, respectively (p < 0.001).")
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge(claim, [said.replace("35.3", "65.3")]).stance == CONTRADICTS
    # the comparator between the intervention's arms: no one side above the other
    assert judge(claim, [said.replace("35.3", "54.0")]).stance == NEUTRAL


def test_a_ratio_with_the_arms_named_after_it() -> None:
    claim = "Vortacron led to far fewer hospital admissions than Delta."
    said = "The adjusted hazard ratio of hospital admission was 0.41 (95% CI 0.39 to 0.43) for Vortacron compared with Delta."
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge(claim, [said.replace("0.41 (95% CI 0.39 to 0.43)", "1.41 (95% CI 1.29 to 1.53)")]).stance == CONTRADICTS


def test_did_not_have_a_lower_rate_than_is_a_null() -> None:
    said = "Among hospitalized patients, those who received vortaquine did not have a lower incidence of death at 28 days than those who received usual care."
    assert rd.NULL.search(said)
    assert rd.sentence_kind(said) == "finding"


def test_a_standard_error_is_no_outcome() -> None:
    assert rd.valence("Mean eGFR plus or minus standard error at 7 years was") == (0, None)
    assert rd.valence("Medication errors were")[0] == -1


@pytest.mark.parametrize(
    "sentence",
    [
        "We could not detect any statistically significant differences between the groups in tremor scores (p = 0.41).",
        "The analysis did not reveal any differences in tremor scores between the two arms.",
        "We did not find significant differences in tremor scores between the groups.",
        "There were no noteworthy between-group differences in tremor scores at week 8.",
        "At 12 months, the two regimens offered similar results on tremor scores.",
        "Both groups attained similar improvement in tremor scores.",
    ],
)
def test_a_search_for_a_difference_that_found_none_is_a_null(sentence: str) -> None:
    assert rd.read_clause(sentence, parse_claim("Zelvamide lowers tremor scores compared with placebo.").arms()).null


def test_similar_results_pointing_back_is_not_a_null() -> None:
    # "Similar results were seen with X" repeats another finding: it is no test of its own
    f = rd.read_clause("Similar results were observed with the tremor score.", parse_claim("Zelvamide lowers tremor scores.").arms())
    assert not f.null


def test_we_re_examined_is_a_method() -> None:
    assert rd.sentence_kind("We re-examined zelvase activation using several native peptide substrates.", None) != "finding"


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # going back to work is good; its time is better short
        ("Zelvamide increases return to work compared with usual care after brain injury.",
         "Zelvamide improved return to work after brain injury.", SUPPORTS),
        ("Zelvamide shortens the time to return to work compared with usual care.",
         "Median time to return to work was 21 days with zelvamide and 35 days with usual care (p=0.01).", SUPPORTS),
        # continence is the good outcome, not incontinence
        ("Zelvamide improves urinary continence compared with usual care.",
         "The odds of continence were higher with zelvamide (odds ratio 1.8; 95% CI 1.3-2.5).", SUPPORTS),
        # what patients were admitted for is no result: "hospitalisation for worsening heart failure was reduced"
        ("Zelvamide reduces hospitalisation for heart failure compared with placebo.",
         "Hospitalisation for worsening heart failure was reduced by 20% with zelvamide (HR 0.80; 95% CI 0.70-0.90).", SUPPORTS),
        # "did not halt or slow" is a null
        ("Zelvamide slows the progression of aortic stenosis.",
         "Zelvamide did not halt or slow aortic stenosis progression.", CONTRADICTS),
        # an event said to come sooner in the comparator: its time is longer with the intervention
        ("Zelvamide prolongs the time to relapse compared with placebo.",
         "Patients assigned to placebo relapsed earlier than those given zelvamide (p=0.001).", SUPPORTS),
        ("Zelvamide prolongs the time to relapse compared with placebo.",
         "Patients given zelvamide relapsed earlier than those assigned to placebo (p=0.001).", CONTRADICTS),
        # a control word inside the intervention's name ("rhythm control") names no control arm
        ("Early rhythm-control therapy reduces adverse cardiovascular outcomes compared with usual care.",
         "A composite of death from cardiovascular causes or stroke occurred in 249 patients assigned to early rhythm control "
         "(3.9 per 100 person-years) and in 316 assigned to usual care (5.0 per 100 person-years) (hazard ratio, 0.79; 95% CI, 0.66 to 0.94).",
         SUPPORTS),
    ],
)
def test_outcomes_read_the_right_way(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # the claim's own dose change, done again in the sentence, is the same experiment
        ("Reducing zelvin intake lowers the risk of gout.", "Reducing zelvin intake lowered the risk of gout (HR 0.80; 95% CI 0.70-0.90).", SUPPORTS),
        ("Reducing zelvin intake lowers the risk of gout.", "Increasing zelvin intake raised the risk of gout (HR 1.20; 95% CI 1.10-1.30).", SUPPORTS),
        ("Reducing zelvin intake lowers the risk of gout.", "Reducing zelvin intake raised the risk of gout (HR 1.20; 95% CI 1.10-1.30).", CONTRADICTS),
        ("Zelvin intake raises the risk of gout.", "Reducing zelvin intake lowered the risk of gout (HR 0.80; 95% CI 0.70-0.90).", SUPPORTS),
    ],
)
def test_a_dose_change_is_read_against_the_claims_own(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


def test_an_effect_gone_by_the_claims_time_point_contradicts() -> None:
    claim = "Zelvamide reduces disability at 12 months compared with usual care."
    assert stance(claim, "Zelvamide produced a short-term reduction in disability that was not maintained at one year.") == CONTRADICTS
    # (gone by a time the sentence does not give: no answer for the claim's)
    assert stance(claim, "Zelvamide produced a reduction in disability that was not sustained.") == NEUTRAL


def test_another_place_in_a_sequence_is_another_outcome() -> None:
    claim = "Zelvamide prolongs the second stage of labour compared with placebo."
    assert stance(claim, "Pain scores during the first stage of labour were lower with zelvamide than with placebo (p=0.01).") == NEUTRAL
    assert stance(claim, "The second stage of labour was longer with zelvamide than with placebo (p=0.01).") == SUPPORTS


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        ("Zelvamide reduces bone loss in postmenopausal women.", "Zelvamide increased hip bone density in premenopausal women (p=0.01)."),
        ("Zelvamide reduces mortality in heart failure with preserved ejection fraction.",
         "Zelvamide improved survival in patients with heart failure and reduced ejection fraction (p=0.01)."),
        ("Zelvamide lowers blood pressure in normotensive adults.", "Zelvamide lowered blood pressure in adults with stage 1 hypertension (p=0.01)."),
        ("Zelvamide reduces sepsis in preterm infants.", "Zelvamide reduced sepsis in full-term infants (p=0.01)."),
    ],
)
def test_a_population_that_excludes_the_claims_is_neutral(claim: str, sentence: str) -> None:
    assert stance(claim, sentence) == NEUTRAL


def test_a_trial_designed_to_determine_whether_is_an_aim() -> None:
    assert rd.sentence_kind("This randomized trial was designed to determine whether zelvamide delays the onset of diabetes.", None) == "aim"


def test_the_claims_own_exclusive_population_is_read() -> None:
    assert stance("Zelvamide reduces bone loss in postmenopausal women.", "Zelvamide reduced bone loss in postmenopausal women (p=0.01).") == SUPPORTS


def test_an_idiom_claim_is_read_against_the_studys_outcome() -> None:
    claim = "Zelvamide saves the lives of hospitalized patients."
    assert stance(claim, "Zelvamide had little or no effect on overall mortality among hospitalized patients.") == CONTRADICTS
    assert stance(claim, "Zelvamide reduced 28-day mortality among hospitalized patients (RR 0.80; 95% CI 0.70-0.90).") == SUPPORTS


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Relapse occurred in 40% of patients switched to placebo and in 15% of those who continued zelvamide (p<0.001).", SUPPORTS),
        ("Relapse occurred in 12% of patients who discontinued zelvamide and in 30% of those who remained on it (p<0.01).", CONTRADICTS),
    ],
)
def test_a_treatment_stopped_is_the_arm_that_stopped(sentence: str, expected: str) -> None:
    assert stance("Stopping zelvamide after two years increases relapse compared with continuing it.", sentence) == expected


@pytest.mark.parametrize(
    ("claim", "sentence"),
    [
        # "accelerated loss": more of a fall
        ("Long-term zelvamide use is associated with declining kidney function.", "Zelvamide therapy is associated with accelerated loss of kidney function."),
        # "lower urinary tract" names a place, not a direction
        ("Chronic zelvamide use is associated with lower urinary tract damage.", "Frequent, high-dose zelvamide use is associated with urological harm."),
        # a level of the exposure that moves a risk is an association
        ("Short sleep duration in midlife is associated with an increased risk of dementia.", "These findings suggest that short sleep in midlife could raise the risk of dementia."),
    ],
)
def test_associations_read_the_right_way(claim: str, sentence: str) -> None:
    assert stance(claim, sentence) == SUPPORTS


def test_a_level_moving_a_risk_in_an_effect_claim_is_left_to_the_effect_reader() -> None:
    # (the claim itself stays an effect claim: its frame is not turned into an association)
    assert parse_claim("Heavy drinking increases the risk of atrial fibrillation.").assertion != "association"


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # what no one was given is the design, not a null
        ("Improvement after zelvamide is sustained for 12 months.", "Participants were assessed at 1, 3, 6 and 12 months; no participant received further zelvamide.", NEUTRAL),
        # "X augmentation" names the arm ("augmentation" is no rise)
        ("Adding zelvamide to an SSRI reduces obsessive-compulsive symptoms.",
         "Zelvamide augmentation produced a greater reduction in Y-BOCS scores than placebo (mean difference -3.9; 95% CI -5.9 to -1.9).", SUPPORTS),
        # a longer time to an episode is fewer episodes for a while
        ("Zelvamide delays depressive episodes in bipolar disorder.",
         "Zelvamide significantly prolonged the time to intervention for a depressive episode compared with placebo (p=0.047).", SUPPORTS),
        # the authors' data "do not indicate that" the claim holds
        ("Zelvamide increases the risk of intracerebral haemorrhage.", "These data do not indicate that zelvamide increases the risk of intracerebral haemorrhage.", CONTRADICTS),
        # both ways, neither found
        ("Zelvamide depletion prevents encephalomyelitis.", "The timing of zelvamide depletion determines whether encephalomyelitis is suppressed or aggravated.", NEUTRAL),
        # a trailing null on another outcome is a clause of its own
        ("Zelvamide lowers blood pressure.", "Zelvamide lowered blood pressure without a significant effect on heart rate.", SUPPORTS),
        ("Zelvamide reduces all-cause mortality.", "Zelvamide reduced cardiovascular death without a detectable effect on all-cause mortality.", CONTRADICTS),
    ],
)
def test_fresh_text_read_the_right_way(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


def test_the_end_of_an_outcome_on_an_association_side_is_the_outcome_going_down() -> None:
    assert stance("Zelvamide reduces suicidal ideation in depressed inpatients.",
                  "Zelvamide was associated with rapid resolution of expressed suicidal intent in depressed inpatients.") == SUPPORTS


def test_a_mechanism_the_effect_is_independent_of_contradicts_it() -> None:
    claim = "Zelvanorketamine produces antidepressant effects by blocking NMDA receptors."
    sentence = "Zelvanorketamine exerts antidepressant-like effects through an NMDA receptor inhibition-independent, AMPA receptor-dependent mechanism."
    assert stance(claim, sentence) == CONTRADICTS


def test_another_species_is_another_population() -> None:
    claim = "Zelvin overexpression extends lifespan in mice."
    assert stance(claim, "Zelvin overexpression in the fat body extended median lifespan of Drosophila by 18% (p<0.01).") == NEUTRAL
    assert stance(claim, "Zelvin overexpression extended median lifespan of mice by 18% (p<0.01).") == SUPPORTS


def test_fall_more_is_more_falls() -> None:
    assert stance("A big yearly dose of zelvamide can make older women fall more.",
                  "Annual high-dose zelvamide resulted in an increased risk of falls among older women (rate ratio 1.15; 95% CI 1.02-1.30).") == SUPPORTS


def test_without_compromising_is_a_null_of_its_own() -> None:
    claim = "A zelvo-guided approach results in inferior recurrence-free survival compared with standard management."
    assert stance(claim, "A zelvo-guided approach reduced chemotherapy use without compromising recurrence-free survival.") == CONTRADICTS


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # "No X was associated with ..." denies the association
        ("Zelvo vaccination increases the risk of sudden infant death.",
         "No specific vaccine, including zelvo vaccine, was associated with an increased risk of sudden infant death.", CONTRADICTS),
        # a participle describing the arm is not the result
        ("Exclusive breastfeeding reduces the risk of gastrointestinal infection in infancy.",
         "Promoting exclusive and prolonged breastfeeding may reduce gastrointestinal infection in infancy.", SUPPORTS),
        # "with no excess of adverse events" is the harms' null, not the result's
        ("Zelvastatin does not reduce mortality in people without cardiovascular disease.",
         "Reductions in all-cause mortality were found with no excess of adverse events among people without cardiovascular disease treated with zelvastatin.", CONTRADICTS),
    ],
)
def test_fresh_text_read_the_right_way_too(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


def test_a_one_sided_p_does_not_outweigh_an_interval_that_includes_no_difference() -> None:
    assert rd.significance("the difference was -3.6 points (95% CI -7.20 to 0.07; one-sided p=0.029)") is False
    assert rd.significance("the difference was -3.6 points (95% CI -7.20 to -0.07; p=0.029)") is True


def test_which_did_not_reach_significance_tests_the_difference_before_it() -> None:
    claim = "Zelvamide reduces MADRS scores compared with placebo."
    sentence = ("At day 28, the difference in MADRS change between arms was -3.6 points favouring zelvamide "
                "(95% CI -7.20 to 0.07; one-sided p=0.029), which did not reach the prespecified significance threshold.")
    assert stance(claim, sentence) == CONTRADICTS


# --- thirteenth session: fresh blind sets (82-87) -------------------------------------


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # a protocol's aim in the present tense
        ("Zelvatide reduces gout flares.", "We aim to test whether zelvatide reduces gout flares in adults with tophaceous gout.", NEUTRAL),
        # the claim's own drug acting on the target is a mechanism, not an experiment that took the target away
        ("Zelvamine works by activating NMDA receptors.",
         "In hippocampal slices, zelvamine blocked NMDA receptor currents in interneurons, leading to disinhibition of principal cells.", CONTRADICTS),
        # "not distinguishable from" an active placebo is a null
        ("Zelvamine is no better than an active placebo.",
         "The antidepressant effect of zelvamine was not distinguishable from that of the active placebo.", SUPPORTS),
        # the share of patients free of a bad outcome: higher is better
        ("Zelvamine reduces suicidal thoughts.",
         "At 24 hours, 61% of patients were free of suicidal ideation after zelvamine and 33% after saline (p=0.01).", SUPPORTS),
        # a call for trials described at length
        ("Zelvamine prevents suicide.",
         "Trials large enough to detect an effect on suicide attempts are needed before zelvamine can be recommended for suicide prevention.", NEUTRAL),
        # treating people who already had the condition does not answer a claim of prevention
        ("Zelvamine given at delivery prevents postnatal depression.",
         "In mothers who already had postnatal depression, zelvamine improved EPDS scores at day 7 compared with placebo.", NEUTRAL),
        # people at clinics are not recreational users
        ("Patients receiving zelvamine at clinics risk bladder damage.",
         "Among daily recreational zelvamine users, 31% reported urinary symptoms and cystoscopy showed cystitis in 9 of 12.", NEUTRAL),
        # a negation closed off by a comma qualifies the word before, not the result
        ("Zelvin antigen negativity does not protect against blood-stage vivax infection.",
         "Zelvin negativity conferred strong, though not complete, protection against vivax infection.", CONTRADICTS),
        # a null for another agent ("not altered by Y") says nothing of the claim's exposure
        ("Zelvovirus infection is associated with an increased risk of lupus.",
         "Lupus risk rose 12-fold after zelvovirus seroconversion (HR 12.1, 95% CI 3.3-44.0) but was not altered by varicella infection.", SUPPORTS),
    ],
)
def test_fresh_sets_82_87_read_the_right_way(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


def test_a_head_to_head_claim_is_not_answered_by_a_comparison_with_vehicle() -> None:
    claim = "Zelvocort cream works better than roflumilast cream for eczema."
    assert stance(claim, "Zelvocort cream was superior to vehicle in eczema.") == NEUTRAL
    assert stance(claim, "Zelvocort cream was superior to roflumilast cream in eczema.") == SUPPORTS


def test_no_serious_adverse_events_is_not_no_side_effects_at_all() -> None:
    claim = "Zelvapen is harmless and has no side effects."
    assert stance(claim, "No serious adverse events were related to zelvapen.") == NEUTRAL
    assert stance(claim, "No adverse events of any kind occurred with zelvapen.") == SUPPORTS


def _abstract(*sentences: str) -> list[str]:
    return list(sentences)


def test_a_record_that_leaves_out_the_claims_people_says_nothing_of_them() -> None:
    record = _abstract(
        "We tested whether zelvacig improves quit rates compared with nicotine patches.",
        "Adults who smoked daily were eligible; women who were pregnant or breastfeeding were excluded.",
        "In all, 880 participants were randomised.",
        "At 6 months, validated abstinence was 15.1% with zelvacig and 9.4% with patches (RR 1.61, 95% CI 1.12-2.31).",
        "Zelvacig increased abstinence among adult smokers.",
    )
    assert judge("Zelvacig helps pregnant smokers quit.", record).stance == NEUTRAL
    assert judge("Zelvacig helps smokers quit.", record).stance == SUPPORTS


def test_a_claim_about_nurses_is_not_answered_by_a_trial_in_students() -> None:
    record = _abstract(
        "Students report high stress during examinations.",
        "We randomised 900 undergraduates to 8 weeks of the zelvapp mindfulness app or a waiting list.",
        "Perceived Stress Scale scores were lower with zelvapp at 8 weeks (mean difference -2.1, 95% CI -2.8 to -1.4).",
        "Zelvapp reduced perceived stress among university students.",
    )
    assert judge("Zelvapp reduces stress in nurses.", record).stance == NEUTRAL
    assert judge("Zelvapp reduces stress.", record).stance == SUPPORTS


def test_a_claim_about_one_disease_is_not_answered_by_a_record_about_another() -> None:
    lupus = _abstract(
        "Systemic lupus erythematosus causes joint pain in most patients.",
        "We randomised 310 adults with active lupus to zelvinib 4 mg or placebo for 24 weeks.",
        "Joint pain scores fell more with zelvinib than with placebo (difference -1.4, 95% CI -2.1 to -0.7).",
        "Zelvinib reduced joint pain in systemic lupus erythematosus.",
    )
    assert judge("Zelvinib reduces joint pain in rheumatoid arthritis.", lupus).stance == NEUTRAL
    assert judge("Zelvinib reduces joint pain in lupus.", lupus).stance == SUPPORTS
    # (named by its abbreviation only)
    ra = [s.replace("Systemic lupus erythematosus", "RA").replace("active lupus", "active RA").replace("systemic lupus erythematosus", "RA") for s in lupus]
    assert judge("Zelvinib reduces joint pain in rheumatoid arthritis.", ra).stance == SUPPORTS


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # a scale's item on the claim's condition is the claim's outcome, whatever scale it belongs to
        ("Zelvamine quickly reduces suicidal thoughts.",
         "Change in the MADRS suicidal thoughts item at 2 hours did not differ between the zelvamine and saline groups (mean difference -0.1; 95% CI -0.4 to 0.2).", CONTRADICTS),
        # the drug failing where the target is missing: its effect depends on the target
        ("Zelvamine works by raising BDNF.",
         "In mice lacking BDNF release, zelvamine failed to produce antidepressant-like effects in the tail suspension test.", SUPPORTS),
        # what an agent's properties might do is a hypothesis, not a finding
        ("Zelvol protects kidney function in type 2 diabetes.",
         "Zelvol has antioxidant properties that might slow diabetic kidney disease.", NEUTRAL),
        # "did not preserve" is a null
        ("Zelvol protects kidney function in type 2 diabetes.",
         "Among adults with type 2 diabetes, zelvol did not preserve kidney function over 4 years.", CONTRADICTS),
    ],
)
def test_fresh_sets_82_87_second_round(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


def test_the_effect_from_an_infusion_is_the_subject_not_a_verb() -> None:
    frame = parse_claim("The antidepressant boost from one zelvamine infusion fades within about a week.")
    assert "zelvamine" in (frame.intervention_text or "")
    assert frame.fading_days == 7.0


def test_an_equivalence_claim_on_no_outcome_is_answered_by_the_two_arms_compared() -> None:
    record = [
        "Objective: To compare ZX-17, a proposed etanercept biosimilar, with reference etanercept in psoriatic arthritis (PsA).",
        "Methods: Randomized, double-blind trial in 510 adults with active PsA; the primary endpoint was ACR20 response at week 24, with an equivalence margin of ±15%.",
        "Results: ACR20 response at week 24 was 66.1% with ZX-17 and 67.3% with reference etanercept (difference -1.2%; 95% CI -9.0 to 6.6), within the equivalence margin.",
        "Injection-site reactions were rare in both groups.",
    ]
    j = judge("The proposed etanercept biosimilar ZX-17 is as effective as reference etanercept in psoriatic arthritis.", record)
    assert j.stance == SUPPORTS and j.rationale[0].index == 2


def test_triple_therapy_is_a_regimen_not_the_claims_verb() -> None:
    frame = parse_claim("Adding zelvobiotics to triple therapy increases H. pylori eradication.")
    assert frame.direction == 1 and "eradic" in frame.outcome_stems
    assert "triple therapy" in (frame.comparator_text or "")


def test_a_trials_verdict_on_efficacy_answers_a_claim_that_a_drug_treats_a_disease() -> None:
    record = [
        "Zelvomega is often recommended for dry eye disease.",
        "In this double-blind trial, 420 patients with dry eye disease were randomised to zelvomega or placebo for 12 months.",
        "The primary outcome was change in the Ocular Surface Disease Index (OSDI).",
        "Mean OSDI scores improved by 13.1 points with zelvomega and 12.2 points with placebo (adjusted difference 0.9, 95% CI -1.8 to 3.6).",
        "Zelvomega did not result in significantly better outcomes than placebo.",
    ]
    assert judge("Zelvomega relieves dry eye disease.", record).stance == CONTRADICTS


def test_quitting_is_named_by_abstinence() -> None:
    record = [
        "Zelvacline is licensed as a smoking-cessation aid.",
        "Adults smoking at least 10 cigarettes a day were randomly assigned to zelvacline or placebo for 12 weeks.",
        "The primary outcome was carbon monoxide-verified continuous abstinence from week 9 to week 24.",
        "Continuous abstinence was achieved by 21.0% with zelvacline and 8.7% with placebo (p<0.001).",
    ]
    assert judge("Zelvacline helps smokers quit.", record).stance == SUPPORTS


def test_a_school_programme_names_its_children() -> None:
    record = [
        "School-based programmes are widely used to prevent drug use.",
        "We randomised 36 elementary schools to the zelvare curriculum or usual lessons.",
        "Pupils were followed for five years.",
        "Drug use did not differ between the zelvare and control schools (OR 1.04, 95% CI 0.88-1.23).",
    ]
    assert judge("The zelvare programme reduces drug use among teenagers.", record).stance == CONTRADICTS


def test_and_is_not_a_day_and_a_week_or_two_is_two_weeks() -> None:
    assert time_days("were brief and resolved within 90 minutes") == 90 / 1440
    assert time_days("within a week or two") == 14.0
    assert time_days("a day or two later") == 2.0


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # a condition before its good outcome names the outcome's kind ("PTSD response rates")
        ("Zelvamine helps veterans with PTSD.",
         "Veterans randomised to zelvamine had higher PTSD response rates on the CAPS-5 at day 14 than those given midazolam (41% vs 18%; p=0.02).", SUPPORTS),
        # a mechanism not yet understood is no evidence for one
        ("Zelvamine works by activating NMDA receptors.",
         "The mechanisms underlying zelvamine's antidepressant action remain incompletely understood.", NEUTRAL),
        # recreational users are not patients treated for depression
        ("Repeated zelvamine treatment for depression damages the bladder.",
         "Among frequent recreational zelvamine users, 24% reported urinary symptoms and cystitis was confirmed in 10 cases.", NEUTRAL),
        # a harm that went away when the drug was stopped is the drug's harm
        ("Repeated zelvamine treatment for depression damages the bladder.",
         "A 41-year-old man receiving weekly zelvamine infusions for depression developed cystitis that resolved after the infusions were discontinued.", SUPPORTS),
        # an onset that did not come earlier is a null for a claim of speed
        ("Zelvamine works faster than SSRIs.",
         "Onset of improvement did not occur earlier with zelvamine plus sertraline than with sertraline alone (median 7 vs 7 days).", CONTRADICTS),
        # a fade followed by a time of another clause: the fade's own time counts
        ("The antidepressant effect of zelvamine fades within a few days.",
         "The antidepressant effect of zelvamine waned rapidly after the third day, but tolerability persisted for 6 months.", SUPPORTS),
        # on a scale where lower is better, a greater change with a negative difference is the better result
        ("Zelvamine added to an antidepressant beats the antidepressant alone for depression.",
         "At day 28, MADRS change was greater with zelvamine plus an antidepressant than with placebo plus the antidepressant (LS mean difference -3.9, 95% CI -7.1 to -0.7).", SUPPORTS),
    ],
)
def test_fresh_ketamine_format_sets_read_the_right_way(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # a loss named after the gene is the claim's own loss ("Zlk1 loss", "loss of Zlk1")
        ("Loss of Zlk1 accelerates Kras-driven lung tumorigenesis in mice.",
         "Zlk1 loss strongly cooperates with Kras activation to promote lung tumour progression.", SUPPORTS),
        ("Inhibition of zelvamide synthesis worsens insulin sensitivity in obese mice.",
         "Zelvamide synthesis inhibition ameliorates obesity-associated insulin resistance.", CONTRADICTS),
        # only a bad thing is eased, whatever the valence table knows of it
        ("Zelvanib worsens fibrotic remodelling in mice.", "Zelvanib ameliorates fibrotic remodelling in mice.", CONTRADICTS),
    ],
)
def test_fresh_science_sets_read_the_right_way(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # a participle opening the sentence describes its subject ("Elevated glucose impairs ...")
        ("Hyperzelvaemia impairs neutrophil chemotaxis.", "Elevated zelvose directly impairs neutrophil chemotaxis.", SUPPORTS),
        # "may not reduce" is a null (hedged); "Genetically raised X" is the subject, not the verb
        ("Genetically raised plasma zelvin does not lower the risk of myocardial infarction.",
         "Some ways of raising plasma zelvin may not reduce the risk of myocardial infarction.", SUPPORTS),
    ],
)
def test_fresh_science_sets_second_round(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


def test_a_thing_said_to_be_dispensable_for_the_same_end_answers_a_claim_that_it_is_required() -> None:
    record = [
        "Zelvat1 is one of the most abundant long noncoding RNAs and localises to nuclear speckles.",
        "We generated Zelvat1 knockout mice by deleting the whole locus.",
        "Knockout mice were born at Mendelian ratios and showed no overt phenotype up to 18 months.",
        "Zelvat1 is therefore dispensable for mouse development and normal adult physiology under laboratory conditions.",
    ]
    assert judge("The long noncoding RNA Zelvat1 is essential for mouse development and viability.", record).stance == CONTRADICTS
    assert stance("IL-99 is required for control of tuberculosis in mice.", "IL-99 appears dispensable for control of tuberculosis in mice.") == CONTRADICTS


def test_a_subgroup_that_is_the_claims_own_people_is_not_set_aside() -> None:
    claim = "Zelvamine doesn't work for depressed people over 65."
    sentence = "In the subgroup aged 65 years and older, zelvamine did not significantly reduce MADRS scores relative to placebo (difference -2.0 points; p=0.33)."
    assert stance(claim, sentence) == SUPPORTS
    # (a subgroup of other people still is)
    assert stance("Zelvamine doesn't work for depressed teenagers.", sentence) == NEUTRAL


def test_an_antagonist_that_did_not_diminish_the_effect_leaves_it_standing() -> None:
    claim = "Zelvamine's antidepressant effect depends on the opioid system."
    assert stance(claim, "Naltrexone pretreatment did not diminish the reduction in MADRS scores produced by zelvamine (p=0.71).") == CONTRADICTS


def test_arm_positions_are_kept_but_each_caller_gets_its_own_lists() -> None:
    arms = parse_claim("Vortamine reduces pain compared with placebo.").arms()
    said = "Pain fell more with vortamine than with placebo (p = 0.01)."
    first_i, first_c = arms.positions(said)
    assert first_i and first_c
    first_i.append(999)
    first_c.clear()
    again_i, again_c = arms.positions(said)
    assert 999 not in again_i and again_c  # (the kept answer is not the caller's list)


@pytest.mark.parametrize(
    ("claim", "said"),
    [
        ("Completing the zorvatine bundle within an hour cuts in-hospital deaths.",
         "Failure to complete the zorvatine bundle within one hour was associated with increased odds of in-hospital death (adjusted OR 1.21, 95% CI 1.07 to 1.37)."),
        ("Zorvatine prophylaxis lowers the rate of wound infection.",
         "Lack of zorvatine prophylaxis was associated with a higher rate of wound infection (OR 1.8, 95% CI 1.2 to 2.7)."),
    ],
)
def test_the_intervention_not_done_is_the_other_arm(claim: str, said: str) -> None:
    assert judge(claim, [said]).stance == SUPPORTS


def test_a_ratio_of_the_other_group_against_the_intervention_named_after_than() -> None:
    claim = "Proton pump inhibitors raise the risk of C. difficile infection."
    said = ("Patients not taking any acid-suppressive drug had a {} incidence of C. difficile infection than those receiving "
            "proton pump inhibitors (adjusted incidence rate ratio {}).")
    assert judge(claim, [said.format("lower", "0.61, 95% CI 0.48 to 0.77")]).stance == SUPPORTS
    assert judge(claim, [said.format("higher", "1.64, 95% CI 1.30 to 2.08")]).stance == CONTRADICTS


def test_a_clause_about_another_treatment_is_not_the_claims() -> None:
    claim = "Repeated zorvatine infusions impair memory."
    said = "Memory scores declined after ECT but remained stable across six zorvatine infusions."
    assert judge(claim, [said]).stance != SUPPORTS
    # (the clause that names the claim's treatment still counts)
    assert judge(claim, ["Memory scores were stable after ECT but declined across six zorvatine infusions (p = 0.01)."]).stance == SUPPORTS


@pytest.mark.parametrize(
    ("said", "stance"),
    [
        # less clearance of a drug is more of it in the blood
        ("During vortapril treatment, the renal clearance of zorvatine fell by 52% (from 512 to 246 mL/min; P < 0.001).", SUPPORTS),
        ("Vortapril inhibits the tubular secretion of zorvatine.", SUPPORTS),
        ("During vortapril treatment, the renal clearance of zorvatine rose by 40% (P < 0.001).", CONTRADICTS),
        # the levels themselves move the plain way
        ("Vortapril increased the zorvatine AUC 3.4-fold (90% CI 2.9 to 4.0).", SUPPORTS),
    ],
)
def test_clearance_moves_against_a_drugs_levels(said: str, stance: str) -> None:
    assert judge("Vortapril increases zorvatine exposure.", [said]).stance == stance


def test_the_parent_drug_called_unchanged_is_no_null() -> None:
    said = "Vortapril increased the peak concentration of unchanged zorvatine 9-fold (P < 0.001)."
    assert judge("Vortapril raises blood levels of zorvatine.", [said]).stance != CONTRADICTS


@pytest.mark.parametrize(
    ("said", "stance"),
    [
        ("Participants given zorvatine were more likely than those given midazolam to achieve remission of suicidal ideation (p = 0.01).", SUPPORTS),
        ("Participants given zorvatine were less likely than those given midazolam to achieve remission of suicidal ideation (p = 0.01).", CONTRADICTS),
        ("Participants in the midazolam arm were less likely than zorvatine-treated participants to achieve remission of suicidal ideation (p = 0.01).", SUPPORTS),
    ],
)
def test_more_likely_than_the_other_arm_to_reach_the_outcome(said: str, stance: str) -> None:
    # the outcome comes after the arm the comparison is made with
    assert judge("Zorvatine reduces suicidal ideation more than midazolam.", [said]).stance == stance
