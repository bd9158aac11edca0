"""Stance through the frame reader (``stance.judge``): clauses, direction, claim polarity,
reversals, the specific-mention rule, weighing by grade, and design / sample-size / flag details.

Every case is a claim, one synthetic abstract sentence (or a few synthetic records) and the
stance or verdict a careful reader would give (the labels of ../shared/STANCE.md); none of the
records is real.
"""

from __future__ import annotations

import re

import pytest

from litcli.claims import evidence as ev
from litcli.claims import reader as rd
from litcli.claims import stance as stance_module
from litcli.claims import verdict as vd
from litcli.claims import vocabulary as vocab
from litcli.claims.extract import Claim, extract_claims, parse_article
from litcli.claims.frame import claim_core, parse_claim
from litcli.claims.stance import (
    CONTRADICTS,
    MIN_RELEVANCE,
    NEUTRAL,
    SUPPORTS,
    condition_ids,
    judge,
    read_sentence,
)
from litcli.claims.stance import abbreviations as stance_abbreviations
from litcli.models import AbstractSection, Author, CommentCorrection, MeshHeading, Record

RCT = ("Journal Article", "Randomized Controlled Trial")
CASE = ("Journal Article", "Case Reports")


def claim(text: str) -> Claim:
    claims = extract_claims(parse_article(text, kind="text"))
    assert len(claims) == 1, claims
    return claims[0]


def record(
    pmid: str = "99000190", *, abstract: str | list[tuple[str, str]] = "", title: str = "T.",
    types: tuple[str, ...] = ("Journal Article",), mesh: tuple[str, ...] = ("Humans",),
    cc: tuple[str, ...] = (),
) -> Record:
    sections = (
        [AbstractSection(text=abstract)] if isinstance(abstract, str)
        else [AbstractSection(text=t, label=label, nlm_category=label) for label, t in abstract]
    )
    return Record(
        pmid=pmid, title=title, abstract=sections, authors=[Author(last_name="Doe", initials="J")],
        publication_types=list(types), mesh=[MeshHeading(descriptor=m) for m in mesh],
        comments_corrections=[CommentCorrection(ref_type=t) for t in cc],
    )


def stance(claim_text: str, sentence: str) -> str:
    return judge(claim_text, [sentence]).stance


def decide(claim_text: str, records: list[Record]) -> vd.Verdict:
    c = claim(claim_text)
    return vd.decide(c, [ev.assess(r, c) for r in records])


# --- 1. per clause, only where the claim's concept is named; population wording -------------


@pytest.mark.parametrize(
    ("claim_text", "sentence"),
    [
        # "failed to respond" describes who was treated, not a null result
        ("Ketamine reduces suicidal ideation.",
         "In patients who failed to respond to at least two antidepressants, ketamine significantly "
         "reduced suicidal ideation."),
        # the null result is about blood pressure, in its own clause
        ("Ketamine reduces OCD symptoms.",
         "Ketamine significantly reduced OCD symptoms, with no significant change in blood pressure."),
        # the null result is about mania; the bipolar depression clause is positive
        ("Ketamine improves bipolar depression.",
         "Ketamine was not associated with a higher rate of mania; it significantly improved bipolar "
         "depression scores."),
        ("Ketamine reduces depression.",
         "Ketamine significantly reduced depression scores, but dissociation scores did not differ from placebo."),
        ("Ketamine reduces depressive symptoms.",
         "In patients who had not responded to two antidepressants, ketamine significantly reduced depressive "
         "symptoms compared with placebo."),
    ],
)
def test_null_cue_in_another_clause_or_population_does_not_contradict(claim_text: str, sentence: str) -> None:
    assert stance(claim_text, sentence) == ev.SUPPORTS


def test_a_sentence_that_is_positive_on_one_condition_and_null_on_another_decides_nothing_backwards() -> None:
    sentence = "Ketamine significantly reduced depression scores, but OCD symptoms did not differ from placebo."
    assert stance("Ketamine reduces OCD symptoms.", sentence) != ev.SUPPORTS
    assert stance("Ketamine reduces depression.", sentence) != ev.CONTRADICTS


def test_clauses_split_between_results_not_inside_a_list() -> None:
    assert rd.split_clauses("Ketamine reduced depression and anxiety scores.") == [
        "Ketamine reduced depression and anxiety scores."
    ]
    assert rd.split_clauses("A reduced X; B did not differ, with no change in Y.") == [
        "A reduced X", "B did not differ", "with no change in Y."
    ]
    assert rd.split_clauses("Ketamine reduced MADRS scores, but the placebo group did not improve.") == [
        "Ketamine reduced MADRS scores", "but the placebo group did not improve."
    ]


def test_population_wording_in_a_record_does_not_make_it_contradict() -> None:
    r = record(abstract=[
        ("METHODS", "We randomized 80 adults who failed to respond to two antidepressants."),
        ("RESULTS", "In patients who failed to respond to at least two antidepressants, ketamine "
                    "significantly reduced suicidal ideation compared with midazolam."),
    ], types=RCT)
    v = decide("Ketamine reduces suicidal ideation.", [r])
    assert v.verdict == vd.SUPPORTED


# --- 2. direction relative to the claim's verb and the outcome's valence --------------------


@pytest.mark.parametrize(
    ("claim_text", "sentence", "expected"),
    [
        ("Ketamine reduces PTSD symptoms.", "Ketamine increased PTSD symptom severity.", ev.CONTRADICTS),
        ("Ketamine reduces PTSD symptoms.", "Ketamine significantly reduced PTSD symptom severity.", ev.SUPPORTS),
        ("Ketamine reduces relapse in depression.", "Relapse rates were higher with ketamine than with placebo.",
         ev.CONTRADICTS),
        ("Ketamine improves remission rates in depression.",
         "Remission rates were significantly higher with ketamine.", ev.SUPPORTS),
        ("Ketamine increases BDNF levels.", "Ketamine increased serum BDNF levels.", ev.SUPPORTS),
        ("Ketamine increases BDNF levels.", "Ketamine decreased serum BDNF levels.", ev.CONTRADICTS),
        ("Ketamine is safe in adolescents.", "Ketamine was poorly tolerated in adolescents.", ev.CONTRADICTS),
        ("Ketamine induces remission in treatment-resistant depression.", "No patient achieved remission.",
         ev.CONTRADICTS),
        ("Ketamine reduces depression.", "Depressive symptoms worsened after ketamine.", ev.CONTRADICTS),
    ],
)
def test_direction_is_read_against_the_claim(claim_text: str, sentence: str, expected: str) -> None:
    assert stance(claim_text, sentence) == expected


def test_an_increase_in_symptoms_is_not_support_in_a_verdict() -> None:
    r = record(abstract=[("RESULTS", "Ketamine increased PTSD symptom severity compared with placebo (n = 60).")],
               types=RCT)
    v = decide("Ketamine reduces PTSD symptoms.", [r])
    assert v.verdict == vd.CONTRADICTED


# --- 3. negated claims and harm claims ---------------------------------------------------------


@pytest.mark.parametrize(
    ("claim_text", "sentence", "expected"),
    [
        ("Ketamine is not effective for social anxiety disorder.",
         "Social anxiety scores with ketamine did not differ from placebo.", ev.SUPPORTS),
        ("Ketamine is not effective for social anxiety disorder.",
         "Ketamine significantly reduced social anxiety scores.", ev.CONTRADICTS),
        ("Ketamine does not cause addiction.", "There was no evidence of abuse or addiction.", ev.SUPPORTS),
        ("Ketamine is not addictive.", "Ketamine misuse was reported by 10% of participants.", ev.CONTRADICTS),
        # a harm claim: no harm found contradicts it, harm found supports it
        ("Ketamine causes serious side effects.", "There were no serious adverse events with ketamine.",
         ev.CONTRADICTS),
        ("Ketamine causes serious side effects.", "Serious adverse events occurred in 12 patients given ketamine.",
         ev.SUPPORTS),
        # a safety claim: the same findings the other way round
        ("Ketamine infusions are safe in depression.", "There were no serious adverse events with ketamine.",
         ev.SUPPORTS),
        ("Ketamine is safe for depression.",
         "Serious adverse events were more frequent with ketamine than with placebo.", ev.CONTRADICTS),
    ],
)
def test_claim_polarity(claim_text: str, sentence: str, expected: str) -> None:
    assert stance(claim_text, sentence) == expected


def test_claim_frame_sense() -> None:
    """What the old claim_sense() read, now read from the claim frame."""
    assert parse_claim("Ketamine does not cause addiction.").negated
    assert not parse_claim("Ketamine reduces depressive symptoms in treatment-resistant depression.").negated
    harm = parse_claim("Ketamine causes serious side effects.")
    assert harm.assertion == "harm" and harm.harm and harm.goodness == -1 and not harm.negated
    safe = parse_claim("Ketamine is safe and effective for depression.")
    assert safe.assertion == "safety" and safe.harm and safe.goodness == 1 and not safe.negated
    efficacy = parse_claim("Ketamine reduces depressive symptoms.")
    assert efficacy.assertion == "effect" and not efficacy.harm and efficacy.goodness == 1


def test_negated_efficacy_claim_supported_by_null_rcts() -> None:
    r = record(abstract=[
        ("METHODS", "We randomized 90 adults with social anxiety disorder."),
        ("RESULTS", "Social anxiety scores with ketamine did not differ from placebo at any time point."),
    ], types=RCT, mesh=("Humans", "Phobia, Social"))
    v = decide("Ketamine is not effective for social anxiety disorder.", [r])
    assert v.verdict == vd.SUPPORTED


def test_negated_mechanism_claim_is_borne_out_by_an_antagonist() -> None:
    c = claim("Ketamine does not activate NMDA receptors.")
    antagonist = ev.assess(record(abstract="Ketamine, a non-competitive NMDA receptor antagonist, produces "
                                           "rapid antidepressant effects."), c)
    assert antagonist.stance == ev.SUPPORTS and not antagonist.reversal
    agonist = ev.assess(record(abstract="Ketamine activates NMDA receptors in this model."), c)
    assert agonist.stance == ev.CONTRADICTS and agonist.reversal
    v = vd.decide(c, [agonist])
    assert v.verdict == vd.CONTRADICTED and "does not activate the NMDA receptor" in v.reason


# --- 4. reversals: word boundaries, experiments, and weighing --------------------------------


@pytest.mark.parametrize(
    ("sentence", "concept"),
    [
        ("Ketamine causes disinhibition of pyramidal neurons and glutamate release.", "glutamate"),
        ("Blocking mTOR abolished the synaptic effects of ketamine.", "mtor"),
        ("The increase in neuroplasticity was blocked by rapamycin.", "plasticity"),
        ("Pretreatment with an mTOR inhibitor prevented the effects of ketamine.", "mtor"),
    ],
)
def test_no_reversal_from_experiments_or_substrings(sentence: str, concept: str) -> None:
    assert rd.target_direction(sentence, vocab.CONCEPTS_BY_ID[concept]) == (0, None)


def test_reversal_still_found_when_the_drug_blocks_the_target() -> None:
    nmda = vocab.CONCEPTS_BY_ID["nmda"]
    assert rd.target_direction("Ketamine, a non-competitive NMDA receptor antagonist, acts fast.", nmda)[0] == -1
    assert rd.target_direction("NMDA receptors are blocked by ketamine.", nmda)[0] == -1
    assert rd.target_direction("Ketamine activates NMDA receptors in this model.", nmda)[0] == 1


def test_mechanism_claims_have_a_direction_in_the_frame() -> None:
    assert parse_claim("Ketamine blocks NMDA receptors.").mechanisms == (("nmda", -1),)
    assert parse_claim("Ketamine activates mTOR signalling.").mechanisms == (("mtor", 1),)
    negated = parse_claim("Ketamine does not activate NMDA receptors.")
    assert negated.mechanisms == (("nmda", 1),) and negated.negated


def test_experiment_does_not_reverse_an_activation_claim() -> None:
    r = record(abstract="Ketamine rapidly increased mTOR signaling in the prefrontal cortex of rats. "
                        "Blocking mTOR abolished the synaptic effects.", mesh=("Animals", "Rats"))
    e = ev.assess(r, claim("Ketamine activates mTOR signalling."))
    assert not e.reversal and e.stance == ev.SUPPORTS


def test_one_weak_reversal_does_not_override_strong_support() -> None:
    c = claim("Ketamine activates glutamate release in depression.")
    support = [
        record(f"9900020{i}", abstract=[("RESULTS", "Ketamine significantly increased glutamate release "
                                                    "in patients with depression (n = 100).")], types=RCT)
        for i in range(2)
    ]
    review = record("99000209", abstract="Ketamine inhibits glutamate release.", types=("Journal Article", "Review"))
    evidence = [ev.assess(r, c) for r in [*support, review]]
    assert evidence[-1].reversal
    v = vd.decide(c, evidence)
    assert v.verdict == vd.SUPPORTED  # 2 RCTs (weight 6) against one narrative review (0.5)
    # the same reversal in the best-graded record makes it mixed, and alone, contradicted
    meta = record("99000210", abstract="This meta-analysis shows that ketamine inhibits glutamate release.",
                  types=("Journal Article", "Meta-Analysis"))
    v = vd.decide(c, [ev.assess(r, c) for r in [support[0], meta]])
    assert v.verdict == vd.CONTRADICTED  # weight 4 against 3
    v = vd.decide(c, [*evidence[:2], ev.assess(meta, c)])
    assert v.verdict == vd.MIXED and "blocking" in v.reason


# --- 5. the specific-mention rule for claims without a specific concept ----------------------


def test_drug_only_sentences_give_no_stance_to_a_vague_claim() -> None:
    c = claim("Ketamine represents significant progress in mental health equality.")
    assert not [m for m in c.matches if m.concept.group != "intervention"]
    e = ev.assess(record(abstract="Ketamine significantly reduced depression scores."), c)
    assert e.stance == ev.NEUTRAL and e.rationale == []
    assert vd.decide(c, [e]).verdict == vd.NO_EVIDENCE


# --- 6. weighing: higher-grade evidence leads ------------------------------------------------


def _case_reports(n: int) -> list[Record]:
    return [
        record(f"990003{i:02d}", abstract=[("CASE", "We report a case of a patient whose OCD symptoms were "
                                                    "significantly reduced after ketamine.")], types=CASE)
        for i in range(n)
    ]


def test_null_rct_outranks_case_reports() -> None:
    rct = record("99000399", abstract=[
        ("METHODS", "A total of 150 patients with OCD were randomized to ketamine or placebo."),
        ("RESULTS", "OCD symptoms with ketamine did not differ from placebo at any time point."),
    ], types=RCT)
    v = decide("Ketamine reduces OCD symptoms.", [*_case_reports(9), rct])
    assert v.verdict == vd.CONTRADICTED
    assert v.reason.startswith("1 RCT (n=150) reports no effect") and "9 case series/reports" in v.reason
    assert v.best_evidence == "1 RCT"


def test_small_null_rct_against_case_reports_is_at_least_mixed() -> None:
    rct = record("99000398", abstract=[
        ("METHODS", "Twenty patients with OCD were randomized (n = 20)."),
        ("RESULTS", "OCD symptoms with ketamine did not differ from placebo."),
    ], types=RCT)
    v = decide("Ketamine reduces OCD symptoms.", [*_case_reports(9), rct])
    assert v.verdict == vd.MIXED and "1 RCT (n=20)" in v.reason


# --- 7. design cues, sample size, expression of concern -----------------------------------------


def test_a_cohort_that_cites_a_meta_analysis_is_not_one() -> None:
    cohort = record(abstract="A previous meta-analysis suggested benefit. In this retrospective cohort of "
                             "300 patients, ketamine was given for depression.", types=("Observational Study",))
    assert ev.grade(cohort) == "observational"
    assert ev.grade(record(abstract="We performed a meta-analysis of 12 randomized trials.")) == "meta-analysis"
    assert ev.grade(record(abstract="This systematic review and meta-analysis of ketamine trials ...")) == "meta-analysis"
    assert ev.grade(record(title="Ketamine for OCD: a systematic review and meta-analysis.")) == "meta-analysis"


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Of 2,000 patients screened, 24 were randomized.", 24),
        ("We screened 500 patients and enrolled 40 participants.", 40),
        ("A total of 227 patients with major depression were randomized.", 227),
        ("1,200 patients were assessed for eligibility; ketamine was given to 35 adults.", 35),
    ],
)
def test_sample_size_prefers_the_randomized_count(text: str, n: int) -> None:
    assert ev.sample_size(text) == n


def test_expression_of_concern_is_named_in_the_reason() -> None:
    rct = record("99000397", abstract=[
        ("METHODS", "We randomized 120 patients with OCD."),
        ("RESULTS", "Ketamine significantly reduced OCD symptoms compared with placebo."),
    ], types=RCT, cc=("ExpressionOfConcernIn",))
    v = decide("Ketamine reduces OCD symptoms.", [rct])
    assert v.verdict == vd.SUPPORTED
    assert "expression of concern" in v.reason and "99000397" in v.reason


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ketamine was no better than placebo for depressive symptoms.", ev.CONTRADICTS),
        ("Ketamine was not significantly better than midazolam for depressive symptoms.", ev.CONTRADICTS),
        ("Depressive symptoms did not differ from placebo after ketamine.", ev.CONTRADICTS),
        ("Midazolam was as effective as ketamine for depressive symptoms.", ev.CONTRADICTS),
        ("Placebo was superior to ketamine in reducing depressive symptoms.", ev.CONTRADICTS),
        ("Depressive symptoms improved more with placebo than with ketamine.", ev.CONTRADICTS),
        ("Ketamine was superior to placebo in reducing depressive symptoms.", ev.SUPPORTS),
        ("Ketamine significantly reduced depressive symptoms compared with midazolam.", ev.SUPPORTS),
    ],
)
def test_comparisons_with_a_control_arm_are_read_by_who_did_better(sentence: str, expected: str) -> None:
    """'Better' in a comparison with placebo (or midazolam, the usual active placebo of
    ketamine trials) is about the control arm when the control comes first or the drug
    is 'no better': those are null or negative results, not support."""
    c = "Ketamine reduces depressive symptoms in adults with treatment-resistant depression."
    assert judge(c, [sentence]).stance == expected


def test_the_opening_background_of_an_unlabelled_abstract_decides_nothing() -> None:
    claim = "Vortal improves sleep quality in older adults."
    abstract = [
        "Vortal, a melatonin receptor agonist, improves sleep quality in older adults and is widely prescribed.",
        "Its pharmacokinetics in this age group are poorly described.",
        "We gave single 5 mg doses to 24 volunteers aged 65 to 80 years and sampled plasma for 24 hours.",
        "Peak concentrations were reached at 1.5 hours and the half-life was 6.2 hours.",
        "Clearance fell with age and with renal function.",
    ]
    got = judge(claim, abstract)
    assert got.stance == NEUTRAL
    assert all(r.stance == NEUTRAL for r in got.rationale)
    # an abstract that opens with its own finding is read from its first sentence
    own = ["Here we show that vortal improves sleep quality in older adults.", *abstract[2:]]
    assert judge(claim, own).stance == SUPPORTS
    # and a structured abstract's labelled sections decide as before
    labelled = [("Vortal improved sleep quality in older adults compared with placebo (p = 0.01).", "RESULTS"), *((t, "METHODS") for t in abstract[2:])]
    assert judge(claim, labelled).stance == SUPPORTS


def test_a_test_sentence_of_its_own_tests_the_comparison_before_it() -> None:
    claim = "Vortal significantly lowers anxiety scores at 8 weeks compared with sertraline."
    abstract = [
        "We randomised 84 adults with generalised anxiety disorder to vortal or sertraline for 8 weeks.",
        "HAM-A scores fell by 11.2 points in the vortal group and by 9.0 points in the sertraline group.",
        "The between-group difference was 2.2 points (95% CI -0.8 to 5.2; P = 0.15).",
        "Adverse events were mild in both groups.",
    ]
    got = judge(claim, abstract)
    assert got.stance == CONTRADICTS
    assert any(r.index == 2 and r.stance == CONTRADICTS for r in got.rationale)
    # a significant test of the same comparison confirms it
    confirmed = [*abstract[:2], "The between-group difference was 2.2 points (95% CI 0.9 to 3.5; P = 0.002).", abstract[3]]
    assert judge(claim, confirmed).stance == SUPPORTS


def test_a_finding_that_restates_the_claim_in_nearly_all_its_words_supports() -> None:
    claim = "Zeta cycling is a KX9-independent mechanism of heat production."
    abstract = [
        "Heat production in beige fat is thought to require KX9.",
        "We studied mice lacking KX9 in adipocytes.",
        "Here we report that zeta cycling is a robust KX9-independent mechanism of heat production in beige fat.",
        "Blocking zeta cycling abolished heat production in these mice.",
    ]
    assert judge(claim, abstract).stance == SUPPORTS
    # the word that turns the claim around, missing or added, and a comparison in the other order
    assert judge("Zeta cycling is a KX9-dependent mechanism of heat production.", abstract).stance != SUPPORTS
    turned = [*abstract[:2], "Here we report that zeta cycling is not a KX9-independent mechanism of heat production in beige fat.", abstract[3]]
    assert judge(claim, turned).stance != SUPPORTS
    order = ["We compared the two scans in 120 patients.", "Lung ultrasound was more sensitive than chest radiography for detecting pneumothorax."]
    assert judge("Chest radiography is more sensitive than lung ultrasound for detecting pneumothorax.", order).stance != SUPPORTS


def test_a_comparison_of_exposure_levels_answers_an_association_claim() -> None:
    claim = "High expression of VORT1 predicts poor survival in gastric cancer."
    longer = "Patients with high VORT1 expression had longer overall survival than those with low expression (hazard ratio 0.61, 95% CI 0.47-0.79)."
    shorter = "Patients with high VORT1 expression had shorter overall survival than those with low expression (hazard ratio 1.62, 95% CI 1.25-2.10)."
    assert judge(claim, [longer]).stance == CONTRADICTS
    assert judge(claim, [shorter]).stance == SUPPORTS


def test_an_association_with_a_risk_of_death_is_not_a_side_effect_question() -> None:
    claim = "Drinking two cups of green tea a day is linked to a lower risk of death."
    sentence = "Compared with non-drinkers, drinking two cups of green tea per day was associated with lower all-cause mortality (hazard ratio 0.86, 95% CI 0.81-0.92)."
    assert judge(claim, [sentence]).stance == SUPPORTS


def test_no_worse_than_is_an_equivalence_not_a_denial() -> None:
    from litcli.claims.frame import parse_claim

    f = parse_claim("Five days of vortal were no worse than ten days for cellulitis.")
    assert f.assertion == "equivalence" and not f.negated
    sentence = "Cure at day 28 was 88.1% with 5 days and 88.9% with 10 days (difference -0.8%, 95% CI -5.9 to 4.3), within the non-inferiority margin of 10%."
    assert judge(f.text, [sentence]).stance == SUPPORTS


def test_a_null_that_tests_the_difference_counts_in_a_longer_abstract() -> None:
    claim = "Vortal significantly decreases MADRS scores at day 28 compared with placebo in adults aged 65 and older."
    abstract = [
        "In patients aged 65 years or older, the reduction in MADRS score at day 28 was greater with vortal than with placebo, "
        "but the difference failed to reach statistical significance (difference -3.1; 95% CI -6.9 to 0.4).",
        "Dizziness was more common with vortal.",
    ]
    assert judge(claim, abstract).stance == CONTRADICTS


def test_an_outcome_that_is_a_change_is_read_through_the_quantity_it_changes() -> None:
    claim = "Once-weekly vortal produces greater weight loss than placebo in adults with obesity."
    assert judge(claim, ["Vortal produced a sustained, clinically relevant weight reduction compared with placebo."]).stance == SUPPORTS
    assert judge(claim, ["Vortal produced a weight gain compared with placebo."]).stance == CONTRADICTS


def test_a_null_clause_about_another_outcome_does_not_undo_the_claims_own_result() -> None:
    # the sentence's first clause answers the claim; "readmission rates were comparable" is about
    # another outcome of the same trial
    claim = "A fast-track pathway significantly decreases length of hospital stay compared with standard care."
    two = ("Median length of stay was 4 days in the fast-track group and 7 days in the standard care group "
           "(p<0.001); 30-day readmission rates were comparable (9% vs 8%).")
    assert judge(claim, [two]).stance == SUPPORTS
    # the claim's own outcome named as null still decides; beside a benefit on another outcome it
    # is never read as support
    own = ("Median length of stay was 5 days in the fast-track group and 5 days in the standard care group "
           "(p=0.61)")
    assert judge(claim, [own + "."]).stance == CONTRADICTS
    assert judge(claim, [own + "; 30-day readmission rates were lower (4% vs 9%, p=0.03)."]).stance != SUPPORTS
    # a subjectless null still tests what came before it
    said = "Length of stay was shorter with the fast-track pathway than with standard care, but the difference was not significant (p=0.21)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_time_to_an_event_with_a_word_between_is_still_time_to_the_event() -> None:
    claim = "Depot vortal significantly increases time to relapse compared with placebo in schizophrenia."
    longer = "Time to impending relapse was significantly longer with depot vortal than with placebo (HR 0.31, 95% CI 0.18-0.52)."
    assert judge(claim, [longer]).stance == SUPPORTS
    assert judge(claim, [longer.replace("longer", "shorter")]).stance == CONTRADICTS
    progression = "Time to radiographic progression was significantly longer with vortal than with placebo (p<0.001)."
    assert judge("Vortal delays disease progression in prostate cancer.", [progression]).stance == SUPPORTS


def test_preservation_is_the_opposite_of_loss() -> None:
    claim = "Scalp chilling prevents hair loss during chemotherapy."
    kept = "Hair preservation was achieved by 51% of women in the scalp chilling group and 3% in the control group (p<0.001)."
    assert judge(claim, [kept]).stance == SUPPORTS
    lost = "Hair loss of grade 2 or more occurred in 49% of women in the scalp chilling group and 97% in the control group (p<0.001)."
    assert judge(claim, [lost]).stance == SUPPORTS
    assert judge("Vortal slows bone loss in older women.", ["Bone mineral density retention was greater with vortal than with placebo (p=0.002)."]).stance == SUPPORTS


def test_changes_tested_only_against_baseline_do_not_compare_the_arms() -> None:
    claim = "Vortal significantly lowers systolic blood pressure compared with a sham procedure."
    within = ("At 6 months, systolic blood pressure fell by 9.1 mm Hg in the vortal group (p<0.001 vs baseline) "
              "and by 7.2 mm Hg in the sham group (p=0.002 vs baseline).")
    assert judge(claim, [within]).stance == NEUTRAL
    # a test of the difference between the arms compares them
    between = ("At 6 months, systolic blood pressure fell by 9.1 mm Hg in the vortal group (p<0.001 vs baseline) "
               "and by 4.2 mm Hg in the sham group (p=0.02 vs baseline; between-group difference -4.9 mm Hg, p=0.01).")
    assert judge(claim, [between]).stance == SUPPORTS
    # an uncontrolled claim is still answered by a change from baseline
    assert judge("Vortal lowers systolic blood pressure.", [within]).stance == SUPPORTS


def test_a_labelled_row_about_another_outcome_is_not_the_claims() -> None:
    claim = "Vortalam significantly decreases time to emergence compared with propofol."
    rows = "Hypotension: vortalam 18.2%, propofol 42.6% (p<0.001); bradycardia: 4.5% vs 6.1% (p=0.52)."
    assert judge(claim, [rows]).stance == NEUTRAL
    own = "Time to emergence: vortalam 6.1 min, propofol 9.8 min (p<0.001); bradycardia: 4.5% vs 6.1% (p=0.52)."
    assert judge(claim, [own]).stance == SUPPORTS
    assert judge(claim, ["Time to emergence: vortalam 8.9 min, propofol 9.1 min (p=0.74)."]).stance == CONTRADICTS


def test_shares_set_against_each_other_are_not_a_harm_that_occurred() -> None:
    claim = "Preoperative vortal drinks reduce postoperative nausea."
    shares = "Postoperative nausea occurred in 12% after a vortal drink and 23% after standard fasting (p=0.03)."
    assert judge(claim, [shares]).stance != CONTRADICTS  # lower with vortal: never read as a harm it caused
    # a harm that occurred still answers "has no side effects"
    assert judge("Vortal has no side effects.", ["Adverse events occurred in 41% of vortal and 39% of placebo recipients."]).stance == CONTRADICTS
    assert judge("Vortal causes nausea.", ["Nausea occurred in 31% of patients given vortal."]).stance == SUPPORTS


def test_a_claim_about_adults_is_not_answered_by_children() -> None:
    children = "In children aged 2 to 12 years, nausea was significantly lower with vortal than with placebo (p=0.01)."
    assert judge("Vortal reduces nausea in adults.", [children]).stance == NEUTRAL
    assert judge("Vortal reduces nausea in children.", [children]).stance == SUPPORTS
    both = "In adults and children alike, nausea was significantly lower with vortal than with placebo (p=0.01)."
    assert judge("Vortal reduces nausea in adults.", [both]).stance == SUPPORTS


def test_has_no_significant_effect_on_is_a_claim_of_no_change_either_way() -> None:
    claim = "Topical vortal has no significant effect on itch compared with vehicle in atopic dermatitis."
    better = "At week 8, itch improved by 4 points or more in 52.3% of patients using vortal versus 15.6% using vehicle (p<0.0001)."
    assert judge(claim, [better]).stance == CONTRADICTS
    worse = "Itch scores were significantly higher with vortal than with vehicle at week 8 (p=0.002)."
    assert judge(claim, [worse]).stance == CONTRADICTS
    null = "Itch scores did not differ between vortal and vehicle at week 8 (p=0.64)."
    assert judge(claim, [null]).stance == SUPPORTS
    # the positive form: an effect either way supports it, a null contradicts it
    assert judge("Vortal has a significant effect on itch compared with vehicle.", [worse]).stance == SUPPORTS
    assert judge("Vortal has a significant effect on itch compared with vehicle.", [null]).stance == CONTRADICTS


def test_a_setting_named_after_the_outcome_is_not_the_outcome() -> None:
    # "in acute ischaemic stroke" is the setting; the outcome is the haemorrhage
    claim = "Vortiplase significantly increases symptomatic intracranial haemorrhage compared with alteplase in acute ischaemic stroke."
    null = "Symptomatic intracranial haemorrhage occurred in 3.4% of the vortiplase group and 3.2% of the alteplase group (RR 1.06, 95% CI 0.66-1.70)."
    assert judge(claim, [null]).stance == CONTRADICTS
    # a claim about deaths is still not answered by a surrogate
    assert judge("Vortal reduces deaths in sepsis.", ["Lactate fell significantly more with vortal than with placebo (p=0.01)."]).stance == NEUTRAL


def test_a_difference_favouring_an_arm_the_claim_does_not_name_decides_nothing() -> None:
    claim = "Robotic arm therapy restores arm function better than conventional therapy after stroke."
    other = ("Arm function scores improved by 9.8 points in the enhanced therapy group and 7.2 points in the robotic "
             "arm therapy group (adjusted difference favouring enhanced therapy 2.6, 95% CI 0.4 to 4.8).")
    assert judge(claim, [other]).stance != SUPPORTS
    named = "Arm function improved more with robotic arm therapy (difference favouring robotic arm therapy 2.6, 95% CI 0.4 to 4.8)."
    assert judge(claim, [named]).stance == SUPPORTS


def test_a_permanent_claim_is_not_answered_by_months_of_follow_up() -> None:
    claim = "A single vortal session permanently cures depression."
    assert parse_claim(claim).lasting_days == parse_claim("Vortal cures depression for good.").lasting_days
    months = "Sustained remission through week 12 was observed in 18% of vortal-treated and 12% of placebo-treated participants."
    assert judge(claim, [months]).stance == NEUTRAL
    assert judge("Vortal relieves depression for months.", [months]).stance == SUPPORTS
    gone = "Depression scores were lower with vortal than placebo at week 3, but no longer differed at week 12 (p=0.34)."
    assert judge(claim, [gone]).stance == CONTRADICTS
    assert judge(claim, ["Vortal significantly reduced depressive symptoms, and the benefit was permanent."]).stance == SUPPORTS
    # "permanent" in someone else's claim is not a result
    assert judge(claim, ["Claims that vortal produces permanent changes are not yet supported by evidence."]).stance == NEUTRAL


def test_a_claimed_quality_is_read_by_which_arm_has_more_of_it() -> None:
    claim = "Vortinib suppresses ERK phosphorylation more potently than trametinib."
    assert judge(claim, ["Vortinib is a selective but less potent MEK inhibitor than trametinib."]).stance == CONTRADICTS
    assert judge(claim, ["Trametinib was approximately 20-fold more potent than vortinib in this assay."]).stance == CONTRADICTS
    assert judge(claim, ["Vortinib inhibited ERK phosphorylation more potently than trametinib (IC50 2 vs 9 nM)."]).stance == SUPPORTS
    assert judge("Vortinib is less toxic than trametinib.", ["Trametinib was more toxic than vortinib in mice."]).stance == SUPPORTS


def test_men_and_women_are_populations_and_but_not_in_excepts_one() -> None:
    claim = "The association between vortal intake and colorectal cancer holds in women."
    assert judge(claim, ["Vortal intake was associated with colorectal cancer in men but not in women."]).stance == CONTRADICTS
    assert judge(claim, ["Vortal intake was associated with colorectal cancer in women but not in men."]).stance != CONTRADICTS
    assert judge("Vortal intake is not associated with colorectal cancer in women.",
                 ["Vortal intake was associated with colorectal cancer in men but not in women."]).stance == SUPPORTS
    men_only = "In men, long working hours were associated with a higher incidence of stroke (HR 1.33, 95% CI 1.11-1.61)."
    assert judge("Long working hours increase stroke risk in women.", [men_only]).stance == NEUTRAL
    # a claim comparing the two is about both
    women = "Women appear to be at increased risk for death from hospital-acquired pneumonia, even after controlling for comorbidities."
    assert judge("Women are more susceptible to death due to pneumonia when compared to men.", [women]).stance == SUPPORTS


def test_a_restatement_may_leave_out_what_kind_of_thing_a_name_is() -> None:
    claim = "The VRT1 gene is a key determinant of primordial germ cells."
    said = "Vrt1, the key determinant of primordial germ cells (PGCs), acts with Vrt14 during PGC specification."
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge("The VRT1 gene is not a determinant of primordial germ cells.", [said]).stance != SUPPORTS


def test_an_increment_of_the_exposure_is_not_the_result() -> None:
    claim = "Eating more vortal fibre slashes your risk of bowel cancer."
    each = "Each 10 g/day increase in vortal fibre was associated with a 10% lower risk of colorectal cancer (RR 0.90, 95% CI 0.86 to 0.94)."
    assert judge(claim, [each]).stance == SUPPORTS
    worse = "Each 10 g/day increase in vortal fibre was associated with a 12% higher risk of bowel cancer (RR 1.12, 95% CI 1.04 to 1.20)."
    assert judge(claim, [worse]).stance == CONTRADICTS


def test_cells_in_a_dish_do_not_answer_a_claim_about_patients() -> None:
    claim = "Resveratrol reduces tumour growth in patients with colon cancer."
    assert judge(claim, ["Resveratrol induces apoptosis in colon cancer cells in vitro."]).stance == NEUTRAL
    assert judge("Vortal reduces growth of colorectal cancer cells.", ["Vortal reduced growth of colorectal cancer cell lines in vitro."]).stance == SUPPORTS


def test_group_labels_defined_in_the_abstract_name_the_arms() -> None:
    claim = "Pre-emptive vortal reduces pain after third molar extraction."
    methods = "Patients in Group A received vortal 400 mg one hour before surgery; Group B received placebo."
    lower = "Mean pain VAS at 6 hours was 2.3 (SD 1.2) in Group A and 4.8 (SD 1.9) in Group B (p<0.001)."
    assert judge(claim, [methods, lower]).stance == SUPPORTS
    higher = "Mean pain VAS at 6 hours was 4.8 (SD 1.9) in Group A and 2.3 (SD 1.2) in Group B (p<0.001)."
    assert judge(claim, [methods, higher]).stance == CONTRADICTS
    # a label's case counts: "a group" is not group A
    assert judge(claim, [methods, "In a group of volunteers, mean pain VAS was 2.3 and 4.8 (p<0.001)."]).stance == NEUTRAL
    # with no abstract defining them, labels name nothing
    assert judge(claim, [lower]).stance == NEUTRAL


def test_a_leading_count_of_patients_in_remission_is_not_the_outcome() -> None:
    claim = "Continuing vortal delays relapse in patients with depression who achieved remission."
    said = ("RESULTS: Of 184 randomised patients in stable remission, relapse occurred in 24.5% of those "
            "continuing vortal and 43.9% of those switched to placebo.")
    assert judge(claim, [said]).stance != CONTRADICTS  # fewer relapses with vortal: never read backwards
    assert judge(claim, [said.replace("24.5%", "53.1%")]).stance != SUPPORTS


def test_harms_of_the_intervention_answer_a_safety_claim_in_a_longer_abstract() -> None:
    claim = "The vortal malaria vaccine has no side effects in young children."
    abstract = [
        "BACKGROUND: Vortal is a candidate malaria vaccine for children under five years of age.",
        "METHODS: We followed 2,400 children for 28 days after each of three doses.",
        "RESULTS: Vortal produced more adverse symptoms and more dropouts than the comparator vaccine in every age band.",
        "CONCLUSIONS: Vortal was immunogenic in this population.",
    ]
    assert judge(claim, abstract).stance == CONTRADICTS
    quiet = abstract[:2] + ["RESULTS: Antibody titres rose in 94% of children given vortal."] + abstract[3:]
    assert judge(claim, quiet).stance == NEUTRAL


def test_a_failed_verb_reaches_its_longer_object_in_a_longer_abstract() -> None:
    claim = "Vortal probiotic shortens acute gastroenteritis in young children."
    abstract = [
        "BACKGROUND: Probiotics are widely used for diarrhoea in children.",
        "METHODS: 300 children aged 6-48 months were randomised to vortal or placebo for 5 days.",
        "RESULTS: Median duration of diarrhoea was 52.1 hours with the probiotic and 50.8 hours with placebo (p = 0.64).",
        "CONCLUSIONS: Vortal failed to reduce the duration or severity of acute gastroenteritis in children.",
    ]
    assert judge(claim, abstract).stance == CONTRADICTS


def test_a_quoted_size_of_change_is_read_against_the_arms_signed_change() -> None:
    claim = "Vortaglutide led to 30% weight loss in adults with obesity."
    said = ("RESULTS: Mean change in body weight from baseline to week 68 was -12.4% with vortaglutide and "
            "-2.1% with placebo (treatment difference -10.3 percentage points; 95% CI -11.5 to -9.1).")
    assert judge(claim, [said]).stance == CONTRADICTS
    assert judge("Vortaglutide led to 12% weight loss in adults with obesity.", [said]).stance == SUPPORTS
    # the placebo arm's change is not the drug's
    swapped = "Mean change in body weight was -29.8% with placebo and -12.4% with vortaglutide."
    assert judge(claim, [swapped]).stance != SUPPORTS
    # "a 15% reduction in deaths": what changed follows the noun
    assert judge("Vortal produced a 40% reduction in deaths.", ["Vortal reduced deaths by 12% (95% CI 3-20%)."]).stance == CONTRADICTS


def test_a_comparator_that_is_the_interventions_absence_leaves_it_its_words() -> None:
    claim = "Erector vortal plane block significantly decreases pain scores compared with no block."
    said = "Pain at rest at 12 hours was 2 (IQR 1-3) in the block group versus 4 (IQR 3-5) in the control group (p<0.001)."
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge(claim, [said.replace("was 2 (IQR 1-3)", "was 5 (IQR 4-6)")]).stance == CONTRADICTS
    # the absent arm named with the intervention's words is still the comparator
    other = "Pain was lower in the no block group than in the vortal plane block group (p<0.001)."
    assert judge(claim, [other]).stance != SUPPORTS


def test_adding_x_to_y_compares_y_plus_x_with_y_alone() -> None:
    f = parse_claim("Adding vortalide to standard care cuts hospital stays for heart failure patients.")
    assert f.comparator_text == "standard care"
    said = "Mean length of stay was 6.1 days (SD 3.2) in the vortalide group and 8.0 days (SD 4.1) in the standard care group (p=0.002)."
    assert judge(f.text, [said]).stance == SUPPORTS
    assert judge(f.text, [said.replace("6.1 days", "9.9 days")]).stance == CONTRADICTS
    # what the intervention is given with is its own arm ("vortamine plus a new oral antidepressant")
    claim = "Adding vortamine spray to a new oral antidepressant helps people whose depression hasn't responded to other medication."
    assert not parse_claim(claim).negated  # "hasn't responded" describes the people
    better = ("Vortamine plus a new oral antidepressant produced greater improvement in depressive symptoms than "
              "the oral antidepressant with placebo spray (p=0.02).")
    assert judge(claim, [better]).stance == SUPPORTS


def test_contractions_are_read_as_their_long_form() -> None:
    claim = "Vortaline increases walking distance compared with placebo."
    for said in (
        "Walking distance didn't differ between the vortaline and placebo groups (p = 0.41).",
        "Walking distance in the vortaline group wasn’t significantly different from placebo (p = 0.41).",
        "There weren't any significant differences in walking distance between vortaline and placebo.",
    ):
        assert judge(claim, [said]).stance == CONTRADICTS, said
    assert rd.spell_out("It can't be said; it won't; They didn't.") == "It cannot be said; it will not; They did not."


def test_a_result_not_found_to_be_significant_is_a_null() -> None:
    claim = "Vortal dentifrice increases caries scores compared with standard dentifrice."
    said = "The difference in caries scores between the vortal and standard dentifrice groups was not found to be statistically significant."
    assert rd.significance(said) is False
    assert judge(claim, [said]).stance == CONTRADICTS
    assert rd.significance("The difference was found to be statistically significant.") is True


def test_each_arms_figure_in_its_own_clause_with_one_test_is_one_comparison() -> None:
    claim = "Vortal implant increases surgical success compared with trabeculectomy."
    null = "At one year, 80% were successful with the vortal implant, while 72.7% with trabeculectomy were successful (P = 0.867)."
    assert judge(claim, [null]).stance == CONTRADICTS
    claim = "Vortalukast increases nasal symptom scores compared with placebo."
    lower = ("The nasal symptom score rose steadily in the placebo group, but was significantly inhibited in the "
             "vortalukast group (1.18 vs. 0.72, p = 0.037).")
    assert judge(claim, [lower]).stance == CONTRADICTS
    assert judge("Vortalukast reduces nasal symptom scores compared with placebo.", [lower]).stance == SUPPORTS
    # a null said of one arm alone is no test of the two
    one_arm = "The walking distance improved by 75% in the vortal group (p<0.001), whereas in the placebo group it did not change."
    assert judge("Vortal increases walking distance compared with placebo.", [one_arm]).stance != CONTRADICTS


def test_a_leading_setting_is_not_the_outcome_of_the_numbers() -> None:
    claim = "Vortamine spray increases response rates compared with placebo spray in treatment-resistant depression."
    said = ("In treatment-resistant depression, response rates at day 28 were 69.3% with vortamine plus an oral "
            "antidepressant and 52.0% with placebo spray plus an oral antidepressant (P = 0.02).")
    assert judge(claim, [said]).stance == SUPPORTS
    assert rd.valence("In treatment-resistant depression, response rates were higher")[1] == "response"


def test_a_change_within_one_arm_named_first_does_not_answer_a_comparison() -> None:
    claim = "Vortal whey increases muscle mass compared with placebo in older adults."
    within = "In the vortal whey group, lean mass increased from 17.2 ± 3.1 kg to 17.9 ± 3.2 kg (P = 0.01)."
    assert judge(claim, [within]).stance == NEUTRAL
    between = "Lean mass increased more in the vortal whey group than in the placebo group (from 17.2 to 17.9 kg vs 17.1 to 17.0 kg; P = 0.01)."
    assert judge(claim, [between]).stance == SUPPORTS


def test_pain_at_another_body_site_is_another_condition() -> None:
    claim = "Vortal needling reduces neck pain in office workers."
    assert judge(claim, ["Vortal needling reduced plantar heel pain more than sham needling at 12 weeks (P = 0.02)."]).stance == NEUTRAL
    assert judge(claim, ["Vortal needling reduced neck pain more than sham needling at 12 weeks (P = 0.02)."]).stance == SUPPORTS
    assert judge("Vortal dressings heal foot ulcers.", ["Ulcers of the feet healed faster with vortal dressings than with gauze (p=0.01)."]).stance != NEUTRAL


def test_a_drug_class_claim_is_answered_by_its_members() -> None:
    claim = "Beta-blockers increase the rate of postoperative atrial fibrillation compared with placebo."
    said = ("New-onset postoperative atrial fibrillation occurred in 12% of the vortolol group and 27% of the placebo "
            "group (odds ratio 0.37; 95% CI 0.21 to 0.65).")
    assert judge(claim, [said]).stance == CONTRADICTS
    # a drug of another class is not a member
    other = said.replace("vortolol", "vortastatin")
    assert judge(claim, [other]).stance == NEUTRAL
    assert any(re.search(member, "vortastatin") for cls, member in vocab.DRUG_CLASSES if re.search(cls, "statins", re.I))


def test_a_quoted_size_is_compared_with_a_mean_change_and_a_size_between_decides_nothing() -> None:
    claim = "Vortal reduces LDL cholesterol by about 80%."
    assert judge(claim, ["At 12 weeks, vortal reduced LDL cholesterol by a mean of 21% (95% CI 19%-23%)."]).stance == CONTRADICTS
    assert judge(claim, ["At 12 weeks, vortal reduced LDL cholesterol by a mean of 78% (95% CI 75%-81%)."]).stance == SUPPORTS
    # 48% is neither about 80% nor clearly another size: the direction alone does not support the size
    assert judge(claim, ["At 12 weeks, vortal reduced LDL cholesterol by a mean of 48% (95% CI 46%-50%)."]).stance == NEUTRAL


def test_an_adjective_in_ent_matches_its_noun() -> None:
    assert rd.stem("continent") == rd.stem("continence")
    claim = "Vortal pelvic training increases continence rates compared with usual care."
    said = "At 12 months, 84% of men in the vortal training group and 69% in the usual-care group were continent (P = 0.01)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_a_plural_arm_word_matches_its_singular() -> None:
    claim = "Nutritional supplements reduce readmissions in malnourished older inpatients."
    said = ("Among malnourished inpatients aged 65 years or older, 30-day readmission occurred in 12.4% of "
            "supplement recipients and 17.9% of controls (odds ratio 0.65; 95% CI 0.44 to 0.96).")
    assert judge(claim, [said]).stance == SUPPORTS
    # generic words of a subject ("variants") do not name it
    gene = "VRT1 variants are associated with an increased risk of Alzheimer's disease."
    assert judge(gene, ["The missense variant rs0000001 was associated with Parkinson's disease (odds ratio 1.21; 95% CI 1.12 to 1.31)."]).stance == NEUTRAL


def test_a_treatment_in_everyday_words_is_answered_by_its_trial_name() -> None:
    said = ("Myocardial infarction occurred in 2.4% of participants assigned to omega-3 fatty acids and 2.6% of "
            "those assigned to placebo (hazard ratio 0.92; 95% CI 0.77 to 1.10).")
    assert judge("Fish oil pills slash your heart attack risk.", [said]).stance == CONTRADICTS
    assert judge("Doctors warn that fish oil pills raise heart attack risk.", [said]).stance == CONTRADICTS
    assert parse_claim("Doctors warn that fish oil pills raise heart attack risk.").intervention_text == "fish oil pills"


def test_an_equivalence_claim_is_not_answered_by_a_good_outcome_named() -> None:
    claim = "Antibiotic treatment for appendicitis works as well as appendectomy."
    assert judge(claim, ["Treatment success at 1 year was 72.7% in the antibiotic group and 99.6% in the appendectomy group."]).stance != SUPPORTS
    assert judge(claim, ["Antibiotics were noninferior to appendectomy for treatment success at 1 year (difference -1.2; 95% CI -4.1 to 1.7)."]).stance == SUPPORTS


def test_a_benefit_said_to_be_minimal_or_nonexistent_is_no_benefit() -> None:
    claim = "Vortaline is no better than a placebo for mild depression."
    said = "For patients with mild depression, the benefit of vortaline over placebo may be minimal or nonexistent."
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge("Vortaline improves mild depression compared with placebo.", [said]).stance == CONTRADICTS


def test_another_severity_of_the_condition_is_another_population() -> None:
    claim = "Vortal therapy is as effective as antidepressants for severe depression."
    said = "Vortal therapy was noninferior to antidepressant medication for mild to moderate depression in primary care."
    assert judge(claim, [said]).stance == NEUTRAL
    assert judge(claim.replace("severe", "moderate"), [said]).stance == SUPPORTS
    assert judge(claim, [said.replace("mild to moderate", "moderate-to-severe")]).stance == SUPPORTS


def test_an_association_of_a_change_with_the_treatment_is_read() -> None:
    claim = "Treatment of COVID-19 with vortaquine alone was associated with a decreased risk of death."
    said = "An association of increased overall mortality was identified in patients treated with vortaquine alone."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_outperformed_is_a_claim_of_superiority_over_its_object() -> None:
    f = parse_claim("A study found vortavir outperformed a placebo on time to clinical improvement.")
    assert f.assertion == "superiority" and f.comparator_text == "a placebo"
    said = "Vortavir use was not associated with a difference in time to clinical improvement compared with placebo (hazard ratio 1.23 [95% CI 0.87-1.75])."
    assert judge(f.text, [said]).stance == CONTRADICTS


def test_an_exposure_in_everyday_words_counts_as_named_in_a_longer_abstract() -> None:
    claim = "A study found a correlation between long-term exposure to dirty air and an increase in excess mortality from the coronavirus."
    abstract = [
        "We investigated the association between long-term concentrations of fine particulate matter (PM2.5) and excess deaths in 2020.",
        "Each one-unit increase in PM2.5 concentration was associated with a 9% (95% confidence interval: 6-12%) increase in COVID-19 related mortality.",
    ]
    assert judge(claim, abstract).stance == SUPPORTS


def test_reducing_the_exposure_reads_its_result_the_other_way() -> None:
    claim = "Air pollution raises the risk of dementia."
    said = "These findings support reducing air pollution exposure as a strategy for dementia prevention."
    assert judge(claim, [said]).stance != CONTRADICTS
    assert judge("Air pollution lowers the risk of dementia.", [said]).stance != SUPPORTS
    # a treatment's verb on the outcome is not a change to the treatment
    assert judge("Vortal vaccination reduced hospitalisation.", ["Vortal vaccines were highly effective in preventing hospitalisation."]).stance == SUPPORTS


def test_a_close_restatement_keeps_the_claims_own_negation() -> None:
    claim = "Vortaline does not bind the GABA-B receptor in cortical neurons."
    said = "We show that vortaline does not bind the GABA-B receptor in cortical neurons."
    assert judge(claim, [said]).stance == SUPPORTS


def test_a_restatement_with_the_opposite_pole_or_another_number_is_not_one() -> None:
    from litcli.claims.stance import _close_restatement
    claim = "Sympathetic nerve activity is reduced throughout normal pregnancy."
    assert not _close_restatement(claim, "Sympathetic nerve activity is increased throughout normal pregnancy.")
    assert _close_restatement(claim, "Sympathetic nerve activity is reduced throughout normal pregnancy in healthy women.")
    assert not _close_restatement("Ca2+ cycling is a UCP1-dependent thermogenic mechanism in beige fat.", "Ca2+ cycling is a UCP1-independent thermogenic mechanism in beige fat.")
    assert not _close_restatement("The health system could save up to 5 billion dollars with paired kidney donation.", "The health system could save as much as 750 million dollars with paired kidney donation.")
    assert not _close_restatement("The antidepressant effects of a single vortamine infusion are permanent.", "A single vortamine infusion produces a rapid but transient antidepressant response.")
    # a null said in other words is no restatement of an effect
    claim = "Therapeutic vortasound speeds recovery in lateral epicondylitis."
    said = "In lateral epicondylitis, time to recovery was similar with therapeutic vortasound and sham vortasound (median 9 vs 8 weeks, P = 0.62)."
    assert not _close_restatement(claim, said) and judge(claim, [said]).stance != SUPPORTS
    # the claim's words, nothing turned around: a restatement
    assert _close_restatement("Vortamine produces antidepressant effects within hours.", "Vortamine produces antidepressant effects within a few hours of infusion.")


def test_group_labels_given_after_what_each_group_received() -> None:
    abstract = [
        "Patients undergoing total knee arthroplasty received vortanexamic acid (group T) or saline (group S).",
        "Total blood loss was 610 ± 180 mL in group T and 980 ± 240 mL in group S (P < 0.001).",
    ]
    assert judge("Vortanexamic acid reduces blood loss in total knee arthroplasty.", abstract).stance == SUPPORTS
    swapped = [abstract[0].replace("(group T)", "(group X)").replace("(group S)", "(group T)").replace("(group X)", "(group S)"), abstract[1]]
    assert judge("Vortanexamic acid reduces blood loss in total knee arthroplasty.", swapped).stance == CONTRADICTS
    addon = [
        "Patients were randomised to receive bupivacaine with saline (group S) or bupivacaine with vortomidine 1 µg/kg (group D).",
        "Sensory block lasted 265 ± 44 min in group S and 398 ± 61 min in group D (P < 0.001).",
    ]
    assert judge("Adding vortomidine to bupivacaine prolongs the sensory block.", addon).stance == SUPPORTS


def test_a_target_named_inside_a_hyphenated_word_is_the_dependency_tested() -> None:
    claim = "Vortamine's antidepressant effect depends on BDNF."
    said = "Infusing a BDNF-neutralizing antibody into the prefrontal cortex blocked vortamine's antidepressant-like effects."
    assert judge(claim, [said]).stance == SUPPORTS


def test_the_interventions_induced_change_is_its_effect() -> None:
    claim = "Vortamine switches on the mTOR pathway."
    said = "Pretreatment with the mTOR inhibitor rapamycin prevented the vortamine-induced rise in mTOR signalling and blocked the drug's behavioural effects."
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge("Vortamine switches off the mTOR pathway.", [said]).stance == CONTRADICTS
    assert judge(claim, ["There was no vortamine-induced rise in mTOR signalling in knockout mice."]).stance != SUPPORTS


def test_a_mechanism_stated_before_the_experiments_own_predicate_is_read() -> None:
    claim = "Vortamine lifts mood by activating NMDA receptors."
    said = ("The antidepressant-like effect of vortamine required AMPA receptor activation downstream of NMDA receptor "
            "blockade and was abolished by the AMPA antagonist NBQX.")
    assert judge(claim, [said]).stance == CONTRADICTS
    assert judge("Vortamine lifts mood by blocking NMDA receptors.", [said]).stance == SUPPORTS
    # the experiment alone says nothing of what the drug does to its target
    assert judge(claim, ["Blocking NMDA receptors with MK-801 abolished the effects of vortamine."]).stance == NEUTRAL


def test_a_drug_known_to_block_the_target_tests_a_dependency() -> None:
    claim = "Vortamine's mood boost comes from the opioid system."
    said = "When participants were pretreated with naltrexone, vortamine's antidepressant effect was curbed (response in 1 of 12 vs 7 of 12 without naltrexone)."
    assert judge(claim, [said]).stance == SUPPORTS
    # the experiment's clause decides, not another drug's in the same sentence
    claim = "Vortacybin's psychedelic effects depend on the serotonin 2A receptor."
    said = "Ketanserin pretreatment blocked the psychedelic effects of vortacybin (p<0.001), whereas haloperidol did not reduce visual alterations."
    assert judge(claim, [said]).stance == SUPPORTS
    # a claimed dependency on the target's blockade reads the experiment the other way
    claim = "Vortamine's antidepressant-like effects depend on blockade of AMPA receptors."
    said = "Pretreatment with the AMPA receptor antagonist NBQX before vortamine completely abolished this effect."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_how_long_an_effect_lasted_may_be_said_of_the_unnamed_dose() -> None:
    claim = "Vortamine's antidepressant effects fade within a week."
    said = "Among responders, median time to relapse after the single infusion was 5 days, and 80% had relapsed by day 7."
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge("Vortamine's dissociative effects wear off within a couple of hours.",
                 ["Mean CADSS scores rose to 18.2 at 40 minutes but had fallen back to 0.9 by 120 minutes."]).stance == SUPPORTS
    # a claim of no duration is not answered by a relapse sentence about nothing it names
    assert judge("Vortamine reduces pain.", [said]).stance == NEUTRAL


def test_a_harm_is_named_by_its_scales_items_and_a_controls_infusions_are_the_controls() -> None:
    claim = "Vortamine infusions bring on psychosis-like symptoms."
    said = ("During the infusion, vortamine transiently increased scores on the positive symptom subscale of the "
            "Brief Psychiatric Rating Scale compared with saline.")
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Perceptual disturbances and unusual thoughts were reported by 31% of patients during vortamine infusions versus 3% during saline infusions."
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge(claim, [said.replace("31%", "2%")]).stance == CONTRADICTS
    # another harm of no common kind is not the claim's
    assert judge(claim, ["Nausea was reported by 31% of patients during vortamine infusions versus 3% during saline infusions."]).stance == NEUTRAL


def test_a_harm_that_occurred_in_users_answers_a_harm_claim_in_other_words() -> None:
    claim = "Heavy vortamine use damages the bladder."
    said = "Among 120 frequent recreational vortamine users, 27% reported lower urinary tract symptoms, and cystoscopy in symptomatic users showed ulcerative cystitis."
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge(claim, ["Among 120 frequent recreational vortamine users, none reported urinary tract symptoms."]).stance != SUPPORTS


def test_weekly_treatment_names_no_other_treatment() -> None:
    claim = "Vortamine calms anxiety disorders."
    said = ("In 20 patients with refractory generalized anxiety disorder, self-reported worry eased within an hour of dosing, "
            "and HAM-A scores fell by a mean of 11 points over three months of weekly treatment.")
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge(claim, [said.replace("weekly treatment", "cognitive behavioural treatment")]).stance == NEUTRAL


# --- eighth session: experiments on a target, "lifts mood", harms as nouns, people without the condition


def test_an_experiment_word_is_one_word_in_all_its_forms() -> None:
    claim = "Inhibiting ZRK9 increases survival of mice with QPL3-mutant tumors."
    said = "Inhibition of ZRK9 with a small-molecule inhibitor significantly improved the survival of mice bearing QPL3-mutant tumors."
    assert judge(claim, [said]).stance == SUPPORTS
    # the target taken away another way is the same experiment; put back, the other way
    assert judge(claim, ["ZRK9 knockdown significantly improved the survival of mice bearing QPL3-mutant tumors."]).stance == SUPPORTS
    assert judge("Lack of ZRK9 in mice slows plaque formation.",
                 ["Overexpression of ZRK9 in mice slowed plaque formation."]).stance != SUPPORTS


def test_lift_moves_a_good_thing_up_and_a_bad_thing_down() -> None:
    said = "Walking programmes reduced depressive symptoms compared with control conditions (standardised mean difference -0.55, 95% CI -0.80 to -0.30)."
    assert judge("Walking programmes lift mood in people with depression.", [said]).stance == SUPPORTS
    assert judge("Walking programmes lift depressive symptoms.", [said]).stance == SUPPORTS


def test_an_association_with_a_harm_named_as_a_noun_is_the_harm_occurring() -> None:
    claim = "Vortamine can cause serious kidney damage in frequent users, doctors warn."
    assert judge(claim, ["Vortamine use is associated with damage to the kidneys."]).stance == SUPPORTS
    # a bad outcome that is not a harm's name keeps its reading as worse
    assert judge("Vortamine use is linked to better outcomes.", ["Vortamine use was associated with worse outcomes."]).stance == CONTRADICTS


def test_a_population_qualifier_with_a_negation_does_not_deny_the_claim() -> None:
    claim = "Cutting back on salt lowers blood pressure, even in people who don't have hypertension."
    said = "Dietary sodium reduction lowered blood pressure in most middle-aged and older adults, regardless of hypertension status."
    assert judge(claim, [said]).stance == SUPPORTS


def test_people_without_the_claims_condition_say_nothing_about_it() -> None:
    claim = "Vortamine increases the live-birth rate in women with PCOS."
    said = "In women with obesity who did not have polycystic ovary syndrome, the live-birth rate was 38% with vortamine and 37% with placebo (P=0.81)."
    assert judge(claim, [said]).stance == NEUTRAL
    assert judge(claim, [said.replace("who did not have", "with")]).stance == CONTRADICTS
    # the other group of a comparison is not the population
    claim = "Stroke patients with prior use of vortamine have a higher risk of death than those with prior use of warfarin."
    said = "Compared with patients without prior use of vortamine, the risk of death was higher among patients with prior use of warfarin (OR 1.62, 95% CI 1.53 to 1.71)."
    assert "people without" not in (judge(claim, [said]).rationale[0].cue or "")


def test_for_weeks_and_through_a_day_are_claims_that_an_effect_lasts() -> None:
    from litcli.claims.frame import parse_claim

    assert parse_claim("A single vortamine infusion relieves depression for weeks, researchers say.").lasting_days == 14
    assert parse_claim("Vortamine improves postpartum depression compared with placebo through day 30.").lasting_days == 30
    claim = "A single vortamine infusion relieves depression for weeks, researchers say."
    assert judge(claim, ["A single vortamine infusion produced a rapid but short-lived antidepressant effect."]).stance == CONTRADICTS
    assert judge(claim, ["A 4-day vortamine infusion produced relief of depression lasting about 11 weeks."]).stance == SUPPORTS
    assert judge(claim, ["A single dose of vortamine reduced depressive symptoms over 6 weeks compared with placebo."]).stance == SUPPORTS
    # a null over the same weeks keeps nothing
    assert judge(claim, ["Depressive symptoms did not differ between vortamine and placebo over 6 weeks."]).stance != SUPPORTS


def test_a_journalists_lead_in_before_a_study_is_not_the_claim() -> None:
    from litcli.claims.frame import claim_core

    claim = "Vortacorp pointed to a recent study that found the virus greatly increased the risk of problems during pregnancy."
    assert claim_core(claim) == "the virus greatly increased the risk of problems during pregnancy"
    claim = "The research, also published in a journal, notes that keeping distancing measures in place could delay the second wave."
    assert claim_core(claim) == "keeping distancing measures in place could delay the second wave"


def test_sooner_and_later_are_shorter_and_longer_times() -> None:
    claim = "Vortapuncture increases time to nasogastric tube removal compared with control."
    said = "Time to nasogastric tube removal in the vortapuncture group was earlier than in the control group (4.2 vs 5.0 d, P = 0.049)."
    assert judge(claim, [said]).stance == CONTRADICTS
    assert judge(claim, [said.replace("earlier", "later")]).stance == SUPPORTS
    # not said of a time: "faster" is no direction of its own here
    assert judge("Vortapuncture increases walking speed compared with control.",
                 ["Patients in the vortapuncture group were faster to volunteer for the trial."]).stance == NEUTRAL


def test_a_claim_is_read_without_its_contractions_and_its_social_media_source() -> None:
    from litcli.claims.frame import claim_core, parse_claim

    assert claim_core("The vortavax vaccine causes infertility in young women, a viral post claims.") == "The vortavax vaccine causes infertility in young women"
    assert claim_core("Energy drinks are harmless for teenagers' hearts, an industry spokesperson said.") == "Energy drinks are harmless for teenagers' hearts"
    frame = parse_claim("Vortamine doesn't work for OCD.")
    assert frame.negated and frame.intervention_text == "Vortamine"


def test_more_likely_to_names_what_they_are_more_likely_to_get() -> None:
    from litcli.claims.frame import parse_claim

    frame = parse_claim("Kids who live near busy roads are more likely to develop vortasthma.")
    assert "vortasthma" in frame.outcome_stems and frame.direction == 1
    assert parse_claim("Vaccinated people are less likely to be hospitalised with the virus.").direction == -1


def test_a_size_word_opening_a_result_is_no_other_agent_and_a_booster_is_no_verb() -> None:
    claim = "A new study shows vortacybin relieves depression for at least a year."
    said = ["We followed 24 adults with major depressive disorder who had received two doses of vortacybin in a randomised trial.",
            "Large decreases from baseline in depression scores were sustained at 12 months (Cohen d = 2.4, P<0.001)."]
    assert judge(claim, said).stance == SUPPORTS
    from litcli.claims.frame import claim_core, parse_claim

    frame = parse_claim("A booster dose cut the rate of severe illness among people over 60, Israeli researchers report.")
    assert frame.direction == -1 and "booster" in (frame.intervention_text or "")
    assert claim_core("Sweeteners are linked to a higher cancer risk, French researchers report.") == "Sweeteners are linked to a higher cancer risk"


def test_a_ratio_stated_on_its_own_tests_the_figures_before_it() -> None:
    claim = "Vortaspirin reduces preterm preeclampsia compared with placebo in women at high risk."
    said = ["Preterm preeclampsia occurred in 13 of 798 participants (1.6%) in the vortaspirin group, as compared with 35 of 822 (4.3%) in the placebo group.",
            "The odds ratio for preterm preeclampsia was 0.38 (95% CI 0.20 to 0.74; P=0.004)."]
    assert judge(claim, said).stance == SUPPORTS
    said[1] = "The odds ratio for preterm preeclampsia was 0.78 (95% CI 0.40 to 1.54; P=0.47)."
    assert judge(claim, said).stance == CONTRADICTS


def test_a_test_at_a_later_time_point_continues_the_comparison_before_it() -> None:
    claim = "Vortasteroid injections give lasting relief of leg pain for at least 6 months."
    said = ["Leg pain was lower in the vortasteroid group at 3 weeks (difference -0.9 points, 95% CI -1.5 to -0.3).",
            "At 6 months, there was no significant difference between groups (difference -0.1 points, 95% CI -0.8 to 0.6)."]
    assert judge(claim, said).stance == CONTRADICTS
    claim = "Vortanolone improves postpartum depression compared with placebo through day 30."
    said = ["At hour 60, the reduction in HAM-D total score was greater with vortanolone than with placebo (difference -5.5, 95% CI -8.8 to -2.2; P<0.001).",
            "At day 30, the difference was -1.2 (95% CI -4.1 to 1.7; P=0.42)."]
    assert judge(claim, said).stance == CONTRADICTS


def test_clinician_shorthand_and_lengthen_are_read_as_words() -> None:
    from litcli.claims.frame import parse_claim

    frame = parse_claim("Vortagepant > pbo for pain freedom at 2h.")
    assert frame.assertion == "superiority" and frame.comparator_text == "placebo"
    assert parse_claim("Ketamine in pts > 65 years w/ TRD reduces MADRS.").intervention_text == "Ketamine in patients > 65 years with TRD"
    claim = "Vortium maintenance lengthens time to mood relapse compared with quetiapine in bipolar I disorder."
    assert parse_claim(claim).direction == 1
    said = ["Median time to any mood relapse was 14.2 months in the quetiapine arm and 9.8 months in the vortium arm (P=0.01)."]
    assert judge(claim, said).stance == CONTRADICTS


def test_what_did_not_happen_and_the_sex_excepted_and_slower_times() -> None:
    claim = "Loss of the autophagy gene ZTG99 reduces tumour growth in lung cancer."
    assert judge(claim, ["In this model, loss of Ztg99 accelerated rather than suppressed lung tumour growth."]).stance == CONTRADICTS
    assert judge("Vortamycin extends lifespan in male mice.", ["At this dose, vortamycin extended lifespan in female but not male mice."]).stance == CONTRADICTS
    claim = "Static stretching increases 20-m sprint time compared with no stretching."
    said = "Sprint time over 20 m was slower following static stretching than following no stretching (3.21 vs 3.10 s; P = .004)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_a_target_at_work_reads_the_other_way_for_a_claim_that_takes_it_away() -> None:
    claim = "ZD47 blockade enhances macrophage phagocytosis of tumour cells."
    said = "ZD47 is a 'don't eat me' signal that binds SIRPa on macrophages and inhibits phagocytosis."
    assert judge(claim, [said]).stance == SUPPORTS
    # taken away in the sentence too: read as it stands
    assert judge(claim, ["Blockade of ZD47 with an antibody enhanced phagocytosis of tumour cells by macrophages."]).stance == SUPPORTS
    # a drug class by its initials is no gene: "less in the ARB group" is the blockers' own result
    claim = "Angiotensin receptor blocker (ARB) therapy increases the incidence of cardiovascular events compared with non-ARB therapy."
    said = "The incidence of cardiovascular events was significantly less in the ARB group than in the non-ARB group (HR 0.47, 95% CI 0.22-0.97)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_little_effect_is_a_null_and_a_treatment_for_names_what_it_treats() -> None:
    from litcli.claims.frame import parse_claim

    assert judge("Vortacoal improves survival in paraquat poisoning.",
                 ["Vortacoal hemoperfusion had little effect on survival in patients with severe paraquat poisoning."]).stance == CONTRADICTS
    frame = parse_claim("Vortriptyline is an effective treatment for chronic tension-type headaches.")
    assert {"headach", "chronic"} <= frame.outcome_stems


def test_role_nouns_say_which_way_and_regulates_claims_a_change() -> None:
    from litcli.claims.frame import parse_claim

    assert parse_claim("Zork2 regulates autophagy genes in muscle cells.").any_change
    said = "Here, we identify Zork proteins (Zork1 and Zork2) as transcriptional repressors of autophagy in muscle cells and fibroblasts."
    assert judge("Zork2 suppresses autophagy in muscle cells.", [said]).stance == SUPPORTS
    assert judge("Zork2 activates autophagy in muscle cells.", [said]).stance == CONTRADICTS
    # a drug class is no role: "inhibitors" not followed by "of"
    assert judge("Vortaprazole increases fracture risk.", ["Patients taking proton pump inhibitors had a higher risk of fracture with vortaprazole (HR 1.3, 95% CI 1.1-1.5)."]).stance != CONTRADICTS


def test_a_clause_that_goes_on_about_a_subject_put_back_reads_the_other_way() -> None:
    claim = "Lack of ZGF21 in mice slows the rate of atherosclerotic plaque formation."
    said = ("Replenishment of ZGF21 protects against atherosclerosis in apolipoprotein E(-/-) mice, inducing the production of "
            "adiponectin, which in turn acts on the blood vessels to inhibit neointima formation and macrophage inflammation.")
    assert judge(claim, [said]).stance == CONTRADICTS


def test_the_claim_with_one_word_turned_around_contradicts_it() -> None:
    claim = "Zn2+ cycling is a ZCP1-dependent thermogenic mechanism."
    said = "Here we report a robust ZCP1-independent thermogenic mechanism in beige fat that involves enhanced ATP-dependent Zn2+ cycling by ryanodine receptor 2."
    assert judge(claim, [said]).stance == CONTRADICTS
    assert judge(claim, [said.replace("ZCP1-independent", "ZCP1-dependent")]).stance == SUPPORTS
    claim = "V-9999 inhibits antitumor responses by decreasing cell death and oxidative stress."
    said = "Blockade of ASCT9 with V-9999 resulted in attenuated cancer cell growth, increased cell death, and increased oxidative stress, which contributed to antitumor responses."
    assert judge(claim, [said]).stance == CONTRADICTS
    # a turned word said of something else is no turn ("inhibits the T cell response" / "induced IL-10 production")
    claim = "IL-99 production by monocytes inhibits the CD4+ T cell response."
    said = "Triggering of PD-9 expressed on monocytes induced IL-99 production and led to reversible CD4+ T cell dysfunction."
    assert judge(claim, [said]).stance != CONTRADICTS


def test_a_group_named_by_its_own_word_is_the_other_arm_of_a_claim_without_a_comparator() -> None:
    claim = "Early vortenteral nutrition reduces infectious complications after pancreatoduodenectomy."
    said = "Infectious complications developed in 18 of 102 patients (17.6%) in the early vortenteral group and 31 of 100 (31.0%) in the parenteral group (p = 0.03)."
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge(claim, [said.replace("(17.6%)", "(41.2%)").replace("18 of 102", "42 of 102")]).stance == CONTRADICTS


def test_a_finding_that_says_what_the_claim_denies_contradicts_it() -> None:
    claim = "Caspase-99 is not required for ER stress-induced apoptosis."
    assert judge(claim, ["Caspase-99 is specifically required for ER stress-induced apoptosis."]).stance == CONTRADICTS
    assert judge("Vortamine has no potential for abuse.",
                 ["Conclusion: Vortamine showed significant abuse potential in experienced drug users."]).stance == CONTRADICTS
    claim = "ZD44v6 is not associated with reprogrammed cancer stem cells driving metastasis."
    said = "ZD44v6 is associated with reprogrammed cancer stem cells driving metastasis in colorectal cancer."
    assert judge(claim, [said]).stance == CONTRADICTS
    # the denial said in the finding too is a restatement, not a contradiction
    assert judge(claim, [said.replace("is associated", "is not associated")]).stance != CONTRADICTS
    # another direction word is another finding
    assert judge("Zortex does not increase zork signalling in neurons.", ["Zortex decreased zork signalling in neurons."]).stance != CONTRADICTS


def test_another_cancer_a_protocols_outcomes_and_what_cannot_be_established() -> None:
    claim = "Vortavax vaccination reduces cervical cancer incidence."
    assert judge(claim, ["Conclusions: Vortavax vaccination reduced persistent anal HPV infection and related precancerous lesions in young men."]).stance == NEUTRAL
    assert judge(claim, ["Conclusions: Vortavax vaccination reduced the incidence of invasive cervical cancer by 87%."]).stance == SUPPORTS
    # a list of sites that holds the claim's
    said = "Assuming causality, 10% or more of gallbladder, kidney, liver, and colon cancers could be attributable to excess weight."
    assert "another cancer" not in (judge("Ten percent of kidney cancers are attributable to excess weight.", [said]).rationale[0].cue or "")
    said = ["The primary outcome will be change in MADRS score from baseline to week 6; secondary outcomes include sustained response at week 12."]
    assert judge("Vortacybin therapy produces sustained reductions in depressive symptoms.", said).stance == NEUTRAL
    said = ["Because intake may reflect pre-existing risk, these observational findings cannot establish that sweetened beverages cause stroke."]
    assert judge("Drinking diet soda causes strokes, doctors warn.", said).stance == NEUTRAL


def test_not_safer_than_is_a_denied_comparison_and_tied_to_an_association() -> None:
    from litcli.claims.frame import parse_claim

    frame = parse_claim("Vortavaping is not safer than smoking, experts warn.")
    assert frame.negated and frame.assertion != "safety"
    assert parse_claim("Vortavaping is safer than smoking.").assertion == "safety"
    assert parse_claim("Social media use is tied to depression in teens.").assertion == "association"


def test_a_leading_setting_of_other_people_says_nothing_about_the_claims() -> None:
    claim = "Vortagesterone prevents preterm birth in women with a short cervix."
    said = ("In women with twin pregnancies and a normal cervical length, birth before 34 weeks occurred in 24.7% of the "
            "vortagesterone group and 19.2% of the placebo group (RR 1.29, 95% CI 0.96 to 1.72).")
    assert judge(claim, [said]).stance == NEUTRAL
    assert judge(claim, [said.replace("twin pregnancies and a normal cervical length", "a short cervix")]).stance == CONTRADICTS


def test_we_have_demonstrated_is_the_authors_finding_and_previously_shown_is_background() -> None:
    from litcli.claims.reader import sentence_kind

    assert sentence_kind("We have demonstrated that major tissue-resident macrophage populations are established prior to birth.") == "finding"
    assert sentence_kind("We have previously shown that vortamine reduces spine loss.") == "background"
    assert sentence_kind("Studies have shown that vortamine reduces spine loss.") == "background"


def test_a_neutral_record_shows_the_sentence_it_set_aside_and_why() -> None:
    said = ("In women with twin pregnancies and a normal cervical length, birth before 34 weeks occurred in 24.7% of the "
            "vortagesterone group and 19.2% of the placebo group (RR 1.29, 95% CI 0.96 to 1.72).")
    j = judge("Vortagesterone prevents preterm birth in women with a short cervix.", [said])
    assert j.stance == NEUTRAL and j.rationale and "another population" in (j.rationale[0].cue or "")


def test_component_summaries_and_self_care_are_better_higher() -> None:
    from litcli.claims.reader import valence

    assert valence("physical component summary")[0] == 1 and valence("self-care")[0] == 1
    assert valence("Dizziness Handicap Inventory")[0] == -1
    claim = "Vortacept increases physical and mental component summaries compared with methotrexate."
    said = "The improvements were significantly greater with vortacept than with methotrexate for both physical (P = 0.003) and mental (P = 0.047) component summaries."
    assert judge(claim, [said]).stance == SUPPORTS


def test_a_claim_of_involvement_is_answered_by_the_same_said_of_the_same_thing() -> None:
    claim = "ZOPI coatomer is involved in lipid homeostasis."
    assert judge(claim, ["These data indicate that the ZOPI complex is an evolutionarily conserved regulator of lipid homeostasis."]).stance == SUPPORTS
    assert judge(claim, ["The ZOPI complex is not required for lipid homeostasis in yeast."]).stance == CONTRADICTS
    # said of something else, or by something else
    assert judge(claim, ["The ZOPI complex is a regulator of vesicle transport."]).stance == NEUTRAL
    assert judge(claim, ["Seipin is an evolutionarily conserved regulator of lipid homeostasis."]).stance == NEUTRAL
    # "randomized controlled trials" is no involvement
    assert judge("One in two surgical randomized controlled trials are discontinued early.",
                 ["One in five surgical randomised controlled trials are discontinued early."]).stance != SUPPORTS


def test_n_times_that_of_is_a_quoted_ratio() -> None:
    from litcli.claims.figures import figures

    claim = "The risk of female vortaprisoners harming themselves is ten times that of male vortaprisoners."
    assert [f.high for f in figures(claim)] == [10.0]
    assert judge(claim, ["Self-harm rates were more than ten times higher in female vortaprisoners than in male vortaprisoners."]).stance == SUPPORTS


def test_a_modal_before_the_claims_verb_leaves_the_verb_its_own() -> None:
    from litcli.claims.frame import parse_claim

    f = parse_claim("A single vortacybin dose can reduce depression.")
    assert f.verb == "reduc" and "reduc" not in f.outcome_stems and not f.hedged
    assert parse_claim("Vortacybin may reduce depression.").hedged
    # "reduced ... more than": the reduction is the result, whatever the modal said
    said = "Vortacybin reduced depression scores significantly more than placebo (p < 0.001)."
    assert judge("A single vortacybin dose can reduce depression.", [said]).stance == SUPPORTS
    assert judge("Vortacybin cannot reduce depression.", [said]).stance == CONTRADICTS


def test_a_short_abstract_with_its_methods_names_the_people_it_studied() -> None:
    methods = "Methods: Twenty patients with chronic vortalgia syndrome were randomized to daily infusions of vortamine or saline."
    results = "Results: Pain scores were significantly lower with vortamine than with placebo at 12 weeks."
    assert judge("Vortamine works for treatment-resistant depression.", [methods, results]).stance == NEUTRAL
    # (the same results without their methods are still read: nothing says whom they are about)
    assert judge("Vortamine reduces pain.", [methods, results]).stance == SUPPORTS


def test_a_condition_that_was_an_exclusion_criterion_is_not_the_population() -> None:
    methods = ("Methods: Patients with treatment-resistant unipolar major depressive disorder were randomized to vortaketamine "
               "or quetiapine; bipolar disorder was an exclusion criterion.")
    results = "Results: Remission at week 8 was more common with vortaketamine than with quetiapine (27.1% vs 17.6%)."
    assert judge("Vortaketamine outperforms quetiapine for bipolar depression.", [methods, results]).stance == NEUTRAL
    assert judge("Vortaketamine outperforms quetiapine for depression.", [methods, results]).stance == SUPPORTS


def test_suicides_are_a_hard_outcome_and_capacity_is_better_higher() -> None:
    from litcli.claims.reader import valence

    said = "Vortamine rapidly reduced suicidal ideation within 1 day (p < 0.001)."
    assert judge("Vortamine prevents suicides.", [said]).stance == NEUTRAL
    assert judge("Vortamine reduces suicidal thoughts.", [said]).stance == SUPPORTS
    assert valence("reduced bladder capacity")[0] == 1 and valence("vital capacity")[0] == 1


def test_no_evidence_to_determine_whether_is_a_limitation() -> None:
    from litcli.claims.reader import sentence_kind

    said = "There is currently no controlled evidence to determine whether vortamine reduces suicidal ideation, and dedicated trials are needed."
    assert sentence_kind(said) == "limitation"
    assert sentence_kind("Dedicated trials are needed.") == "limitation"
    assert judge("Vortamine may reduce suicidal ideation.", ["Methods: We searched four databases.", said]).stance == NEUTRAL


def test_an_undefined_abbreviation_can_name_an_arm_or_the_outcome() -> None:
    from litcli.claims.stance import _abbreviates

    assert _abbreviates("FCM", "intravenous ferric carboxymaltose") and _abbreviates("FS", "oral ferrous sulphate")
    assert _abbreviates("DEX", "dexmedetomidine") and _abbreviates("S/V", "sacubitril/valsartan")
    assert _abbreviates("ITM", "intrathecal morphine") and _abbreviates("Hb", "haemoglobin concentration")
    assert not _abbreviates("LB", "plain bupivacaine") and not _abbreviates("SBP", "empagliflozin")
    claim = "Intravenous ferric vortamaltose increases haemoglobin concentration compared with oral ferrous sulphate."
    said = "At 6 weeks, mean Hb was 11.9 ± 1.1 g/dL in the FVM group vs 11.2 ± 1.3 g/dL in the FS group (p<0.001)."
    assert judge(claim, [said, "Serum ferritin was also higher after FVM."]).stance == SUPPORTS
    # a token that could stand for either arm names neither; a statistic is no arm
    assert judge("Fentanyl vortamine increases analgesia compared with fentanyl valamine.",
                 ["Analgesia was 8.1 in the FV group vs 6.2 in the FV group (p<0.001)."]).stance == NEUTRAL
    from litcli.claims.stance import prepare

    tokens = [t for t, _ in prepare("Chlorhexidine increases healing compared with iodine.", ["Healing: OR 2.1 (95% CI 1.2-3.4)."]).frame.aliases]
    assert "CI" not in tokens and "OR" not in tokens


def test_a_sentence_naming_both_arms_and_the_outcome_is_about_the_claim() -> None:
    claim = "Vortaparin increases handgrip strength compared with placebo in older adults undergoing resistance training."
    said = ["Handgrip strength at 12 weeks was 31.2 ± 4.1 kg with vortaparin and 27.9 ± 4.4 kg with placebo (p<0.001).",
            "Lean mass changes were +0.6 vs +0.4 kg."]
    assert judge(claim, said).stance == SUPPORTS
    # the comparator by its own words when the claim names an active one, not the trial's placebo
    claim = "Vortaparin prevents type 2 diabetes as well as diet and exercise do in adults at high risk."
    said = ["The incidence of diabetes was 11.0 and 7.8 cases per 100 person-years in the placebo and vortaparin groups, respectively (p<0.001).",
            "Adverse events were mild."]
    assert judge(claim, said).stance == NEUTRAL


def test_another_kind_of_the_outcome_is_another_outcome() -> None:
    claim = "Vortamab improves overall survival compared with docetaxel in lung cancer."
    said = ["Median progression-free survival was 7.4 months with vortamab versus 4.1 months with docetaxel (HR 0.52, 95% CI 0.41-0.66; p<0.001).",
            "Grade 3 adverse events were less frequent with vortamab."]
    assert judge(claim, said).stance == NEUTRAL
    defined = ["The primary endpoint was progression-free survival (PFS).",
               "Median PFS was 10.3 months with vortamab and 6.0 months with docetaxel (p < 0.001).", "Adverse events were mild."]
    assert judge(claim, defined).stance == NEUTRAL
    said[0] = said[0].replace("progression-free", "overall")
    assert judge(claim, said).stance == SUPPORTS


def test_numbers_of_the_quantity_answer_a_claim_about_its_change() -> None:
    claim = "Vortaglutide increases weight loss compared with placebo in adults with obesity."
    said = ["Mean body weight change at 56 weeks was −8.2% with vortaglutide and −2.9% with placebo (p<0.001).", "Nausea was common."]
    assert judge(claim, said).stance == SUPPORTS


def test_changes_within_each_arm_untested_are_no_difference_between_them() -> None:
    claim = "Once-weekly vortatide lowers HbA1c more than sitagliptin in patients with type 2 diabetes."
    said = ["At 26 weeks, HbA1c decreased by 0.9% in the vortatide group and by 1.1% in the sitagliptin group.", "Nausea was common."]
    assert judge(claim, said).stance == NEUTRAL
    claim = "High-intensity vortatraining increases walking speed compared with conventional physiotherapy after stroke."
    said = ["Walking speed improved from 0.52 to 0.71 m/s in the vortatraining group (p<0.001) and from 0.50 to 0.63 m/s in the physiotherapy group (p=0.002).",
            "Falls were rare."]
    assert judge(claim, said).stance == NEUTRAL


def test_a_purpose_after_the_comparator_is_not_part_of_it() -> None:
    from litcli.claims.frame import parse_claim

    f = parse_claim("Vortatest screening has lower sensitivity than conventional cytology to detect cervical neoplasia.")
    assert f.comparator_text == "conventional cytology"


def test_an_outcome_named_by_its_synonym_is_the_claims_own() -> None:
    claim = "Vortaquine reduces mortality in patients hospitalised with COVID-19."
    said = "Death within 28 days occurred in 421 (27.0%) patients allocated vortaquine and 790 (25.0%) allocated usual care (rate ratio 1.09; 95% CI 0.97–1.23; p=0.15)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_a_claim_without_comparator_is_answered_by_its_intervention_on_its_outcome() -> None:
    claim = "Cognitive vortatherapy for sleeplessness reduces insomnia severity in frail older adults living in rural community care homes."
    said = ["Insomnia severity fell by 8.1 points with cognitive vortatherapy and by 3.2 points with sleep education (p<0.001).",
            "Adherence was high."]
    assert judge(claim, said).stance == SUPPORTS
    # not for an intervention named by one of its words, a claim that takes something away, or a
    # composite that holds the outcome
    claim = "Walking in vortatraffic areas of large cities improves lung function in elderly adults with asthma."
    said = ["Walking in the park led to an increase in lung function (p<0.01).", "Pollution was measured."]
    assert judge(claim, said).stance == NEUTRAL
    claim = "Deleting the clock vortagene Bmal9 in fat cells promotes obesity in mice fed at night."
    said = ["The adipocyte clock vortagene Bmal9 protects against obesity.", "Food intake was measured."]
    assert judge(claim, said).stance == NEUTRAL
    claim = "Vortachicine given after a heart attack reduces cardiovascular deaths in older patients with diabetes."
    said = ["The composite of cardiovascular deaths, cardiac arrest or stroke occurred in 5.5% with vortachicine and 7.1% with placebo (p=0.02).",
            "Diarrhoea was common."]
    assert judge(claim, said).stance == NEUTRAL


def test_an_association_in_an_aside_is_not_the_claims() -> None:
    from litcli.claims.frame import parse_claim

    f = parse_claim("Higher plasma vortacarnitine, when associated with vortamine oxide, is negatively correlated with cardiovascular events.")
    assert f.association < 0


def test_more_verbs_of_direction_in_claims() -> None:
    from litcli.claims.frame import parse_claim

    assert parse_claim("Vortastat brings down LDL cholesterol.").direction == -1
    assert parse_claim("Vortamine spurs the growth of new synapses.").direction == 1
    assert parse_claim("Vortamine can ward off depression in older people.").direction == -1
    assert parse_claim("Vortamine can wreck your bladder.").goodness == -1
    said = "Mean LDL cholesterol fell from 3.4 to 2.1 mmol/L with vortastat (p<0.001)."
    assert judge("Vortastat brings down LDL cholesterol.", [said]).stance == SUPPORTS


def test_lasting_claims_and_effects_that_few_kept() -> None:
    from litcli.claims.frame import parse_claim

    assert parse_claim("One vortamine infusion gives patients lasting relief.").lasting_days is not None
    assert parse_claim("With vortamine, suicidal thinking melts away and stays gone.").lasting_days is not None
    claim = "A single vortamine infusion keeps depression away for a whole year."
    assert judge(claim, ["Remission occurred in 29% at 24 hours.",
                         "By day 28, only 2 of 26 initial vortamine responders were still free of depression."]).stance == CONTRADICTS
    claim = "One vortamine infusion gives patients lasting relief."
    assert judge(claim, ["Relief was significantly greater 24 hours after vortamine than after midazolam (p<0.001).",
                         "By week 2, relief did not differ significantly between the vortamine infusion and midazolam."]).stance == CONTRADICTS


def test_coming_back_is_relapse_and_a_null_on_the_condition_by_name() -> None:
    from litcli.claims.frame import parse_claim

    claim = "Staying on vortamine nasal spray lowers the risk of depression coming back."
    said = ["Methods: Adults with depression in stable remission were randomized to continue vortamine or switch to placebo.",
            "Results: Continued vortamine reduced the risk of relapse by 51% (hazard ratio 0.49; 95% CI 0.29-0.84)."]
    assert judge(claim, said).stance == SUPPORTS
    claim = "Vortamine works for treatment-refractory OCD."
    said = ["Methods: Ten adults with treatment-refractory obsessive-compulsive disorder received one infusion of vortamine.",
            "Results: Obsessive-compulsive symptoms, measured by the Y-BOCS, did not change significantly over the 3 days after infusion."]
    assert judge(claim, said).stance == CONTRADICTS
    assert parse_claim("Vortamine works about as well as ECT for depression.").assertion == "equivalence"


def test_an_absent_comparator_is_named_by_the_trials_controls() -> None:
    claim = "Antenatal perineal vortamassage increases the rate of intact perineum at delivery compared with no massage in nulliparous women."
    said = ["An intact perineum was recorded in 24/112 (21.4%) women in the vortamassage group and 19/110 (17.3%) controls (OR 1.30, 95% CI 0.67–2.54).",
            "Episiotomy: 40.2% vs 44.5% (p=0.51)."]
    assert judge(claim, said).stance == CONTRADICTS


def test_a_subject_needed_for_something_raises_it() -> None:
    from litcli.claims.frame import parse_claim

    said = "Here, we show that the receptor Vly49Q was crucial for the swift polarization of neutrophils."
    assert judge("Active Vly49Q induces neutrophil polarization.", [said]).stance == SUPPORTS
    assert judge("Active Vly49Q prevents neutrophil polarization.", [said]).stance == CONTRADICTS
    assert judge("Vortnf induces granuloma formation.", ["Thus, Vortnf is not required for tuberculous granuloma formation."]).stance == CONTRADICTS
    # the gene at work, for a claim that takes it away
    assert judge("Loss of VARLX impairs Hedgehog signalling.", ["We conclude that VARLX is required for ciliary Hedgehog signalling."]).stance == SUPPORTS
    # a claim that something is required is a dependency, with no direction of its own
    assert parse_claim("Astrocyte-derived vortalactate is required for long-term memory formation.").direction == 0


def test_a_direction_answers_the_later_objects_listed_after_its_first() -> None:
    claim = "Ultrasound vortaguidance significantly reduces the number of needle insertion attempts necessary for a lumbar puncture in adults."
    said = ["CONCLUSIONS Ultrasound vortaguidance can reduce the risk of failed or traumatic lumbar punctures, as well as the number of needle insertions and redirections.",
            "Twelve trials were included."]
    assert judge(claim, said).stance == SUPPORTS


def test_falls_by_a_mean_of_and_results_in_a_subgroup() -> None:
    said = "At 24 hours, MADRS scores had fallen by a mean of 15.3 points in the vortamine group versus 7.8 points in the midazolam group (p<0.001)."
    assert judge("A single vortamine infusion can ease severe depression within a day.", [said]).stance == SUPPORTS
    claim = "Vaginal vortagesterone lowers the rate of preterm birth before 34 weeks in twin pregnancies."
    said = ["Preterm birth before 34 weeks occurred in 24.1% of the vortagesterone group and 26.8% of the placebo group (RR 0.90, 95% CI 0.72–1.13).",
            "In a prespecified subgroup of women with a cervical length below 30 mm, vortagesterone reduced preterm birth before 34 weeks (RR 0.58, 95% CI 0.38–0.89)."]
    assert judge(claim, said).stance == CONTRADICTS


def test_an_untested_difference_gives_way_to_a_tested_result() -> None:
    claim = "Vortamine nasal spray helps adults over 65 whose depression has not responded to other drugs."
    said = ["Methods: 138 patients aged 65 years or older with treatment-resistant depression were randomised to vortamine or placebo spray.",
            "Response rates were 23.9% with vortamine and 12.3% with placebo.",
            "Vortamine did not achieve statistical significance on the primary endpoint in elderly patients with depression."]
    assert judge(claim, said).stance == CONTRADICTS


def test_the_base_of_an_add_on_is_named_by_the_trials_controls() -> None:
    claim = "Adding vortalizumab to chemotherapy increases overall survival compared with chemotherapy alone in metastatic lung cancer patients."
    said = ["The estimated 12-month overall survival was 69.2% in the vortalizumab group versus 49.4% in the placebo group (p<0.001).",
            "Adverse events were similar."]
    assert judge(claim, said).stance == SUPPORTS


def test_levels_on_the_sides_of_an_association_and_any_cause() -> None:
    claim = "Shorter leukocyte vortamere length has been associated with increased risk of coronary heart disease."
    assert judge(claim, ["Short vortameres are associated with increased risk of ischaemic heart disease."]).stance == SUPPORTS
    claim = "Even light drinking in pregnancy has been linked to smaller babies, researchers say."
    said = "Light drinking in pregnancy was associated with a modestly increased risk of a small-for-gestational-age baby."
    assert judge(claim, [said]).stance == SUPPORTS
    # "death from any cause" names no cause at work
    claim = "In patients with severe vortastenosis, TAVR was noninferior to surgery for death or disabling stroke at 2 years."
    said = ("At 2 years, the event rates of death from any cause or disabling stroke were 19.3% in the TAVR group and 21.1% in "
            "the surgery group (HR 0.89; 95% CI, 0.73 to 1.09; P=0.001 for noninferiority).")
    assert judge(claim, [said]).stance != CONTRADICTS


def test_halves_is_a_quoted_size_of_a_fall() -> None:
    claim = "A new study found the vortazoster vaccine halves your risk of dementia."
    said = "Receipt of the vortazoster vaccine reduced the probability of a new dementia diagnosis over 7 years by a relative 20% (95% CI 6.5% to 33.4%)."
    assert judge(claim, [said]).stance == CONTRADICTS
    assert judge(claim, [said.replace("a relative 20%", "a relative 48%")]).stance == SUPPORTS


def test_a_null_after_but_about_another_outcome_leaves_the_claims_result() -> None:
    # "but survival was similar" names an outcome of its own; the conjunction is not its subject
    claim = "Vortaplatin increases median time to treatment failure compared with low dose epirubicin."
    said = "Median time to treatment failure was 24 weeks for vortaplatin, 7 weeks for epirubicin (P < 0.05) but survival was similar in both groups."
    assert judge(claim, [said]).stance == SUPPORTS
    # the claim's own outcome named after "but" still tests it
    own = "Median time to treatment failure was 24 weeks for vortaplatin, 7 weeks for epirubicin, but the difference was not significant."
    assert judge(claim, [own]).stance == CONTRADICTS


def test_an_improvement_in_an_outcome_of_no_known_valence_is_more_of_it() -> None:
    claim = "Vortafol capsules increase appetite compared with placebo."
    said = "Participants taking vortafol reported improved appetite compared to those in the placebo group (p = 0.01)."
    assert judge(claim, [said]).stance == SUPPORTS
    # either way is possible for a claim that it falls, and for "worsened": not read
    assert judge(claim.replace("increase", "decrease"), [said]).stance == NEUTRAL
    assert judge(claim, [said.replace("improved", "worsened")]).stance == NEUTRAL
    # an outcome whose valence is known keeps it: improved pain is less pain
    claim = "Vortafol increases pain compared with placebo."
    assert judge(claim, ["Participants taking vortafol reported improved pain compared to placebo (p = 0.01)."]).stance != SUPPORTS


def test_a_comparison_with_another_arm_than_the_claims_active_comparator_is_not_the_claims() -> None:
    claim = "Vortalactone reduces depressive symptoms compared with sertraline."
    said = "At week 8, MADRS scores were 9.2 in the vortalactone group and 12.9 in the placebo group (difference -3.4, 95% CI -4.9 to -2.0)."
    assert judge(claim, [said]).stance == NEUTRAL
    # another drug by name, against a comparator named as one drug
    assert judge(claim, [said.replace("placebo", "escitalopram")]).stance == NEUTRAL
    # against the claim's own comparator it decides
    assert judge(claim, [said.replace("placebo", "sertraline")]).stance == SUPPORTS
    # a claim against placebo is answered by the placebo arm; an add-on's base is the placebo arm's treatment too
    assert judge(claim.replace("sertraline", "placebo"), [said]).stance == SUPPORTS
    assert judge("Adding vortalactone to sertraline reduces depressive symptoms.", [said]).stance == SUPPORTS


def test_causes_no_more_harm_than_is_a_denial() -> None:
    claim = "Intrathecal vortaphine causes no more pruritus than sham injection after hip arthroplasty."
    more = "Pruritus requiring treatment was more frequent with vortaphine (21 of 75, 28%) than with sham (3 of 74, 4%; P<0.001)."
    assert judge(claim, [more]).stance == CONTRADICTS
    same = "Pruritus occurred in 9 of 75 patients with vortaphine and 8 of 74 with sham (P=0.81)."
    assert judge(claim, [same]).stance == SUPPORTS


def test_more_of_a_response_the_claim_names_is_better() -> None:
    claim = "Vortalumab significantly improves EASI-75 response compared with placebo at week 16."
    said = "At week 16, EASI-75 was achieved by 44% of patients receiving vortalumab and 12% receiving placebo (p<0.001)."
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge(claim, [said.replace("44%", "9%")]).stance == CONTRADICTS
    # not for an outcome that is a condition: "improves functional outcome after stroke" is not "more stroke"
    claim = "Vortalumab improves walking distance after stroke."
    said = "Walking distance had increased by 42 m in the vortalumab group and decreased by 8 m in the control group (difference 50 m, 95% CI 24 to 76)."
    assert judge(claim, [said]).stance != CONTRADICTS


def test_an_abbreviation_of_all_the_outcomes_words_names_it() -> None:
    # "PONV" for "postoperative nausea and vomiting", whose outcome word read is "nausea"
    claim = "Vortasone reduces postoperative nausea and vomiting compared with saline in children."
    said = "PONV within 24 h was reported in 12/84 (14%) children given vortasone and 31/82 (38%) given saline (p<0.001)."
    assert judge(claim, [said]).stance == SUPPORTS
    # a response defined on a scale ("EASI-75 was reached") is not the scale itself
    claim = "Vortalumab significantly decreases eczema severity scores compared with placebo."
    said = ("At week 16, EASI-75 was reached by 44% of patients on vortalumab and 12% on placebo (p<0.001), "
            "and the mean change in EASI was -68.5% versus -31.2%.")
    assert judge(claim, [said]).stance != CONTRADICTS
    # a roman numeral is no abbreviation of the outcome ("type III" for "increases susceptibility to infection")
    claim = "VRT9 deficiency increases susceptibility to influenza infection in mice."
    said = "Vrt9-/- mice showed reduced type III interferon production."
    assert judge(claim, [said]).stance != CONTRADICTS


def test_a_null_on_another_kind_of_the_outcome_leaves_the_claims_result() -> None:
    claim = "Vortazumab plus lomustine significantly lengthens progression-free survival compared with lomustine alone."
    said = ("Median overall survival did not differ between vortazumab plus lomustine and lomustine alone (9.1 vs 8.6 months; "
            "HR 0.95, 95% CI 0.74-1.21), but median progression-free survival was longer with the combination (4.2 vs 1.5 months; P<0.001).")
    assert judge(claim, [said]).stance == SUPPORTS
    # (and the longer progression-free survival is no support for a claim about overall survival)
    assert judge(claim.replace("progression-free", "overall"), [said]).stance != SUPPORTS


def test_one_letter_group_labels_stand_for_the_arms_by_their_initials() -> None:
    claim = "Vortamadex significantly shortens time to recovery of neuromuscular function compared with neostigmine."
    said = "Median time to recovery was 1.9 min (IQR 1.5-2.6) in group V and 11.4 min (IQR 6.8-19.2) in group N (p<0.0001)."
    assert judge(claim, [said]).stance == SUPPORTS
    # a third label, or labels that fit neither arm, say nothing of which is which
    assert judge(claim, [said.replace("group N", "group A")]).stance == NEUTRAL
    three = "Median time to recovery was 1.9 min in group V, 11.4 min in group N and 9.0 min in group S (p<0.0001)."
    assert judge(claim, [three]).stance == NEUTRAL


def test_deaths_inside_a_composite_outcome_are_an_efficacy_outcome() -> None:
    claim = "Vortagliflozin protects the kidneys of people with type 2 diabetes and kidney disease."
    said = ("The relative risk of the renal-specific composite of end-stage kidney disease, a doubling of the creatinine level "
            "or death from renal causes was lower by 34% in the vortagliflozin group (HR 0.66, 95% CI 0.53-0.81; P<0.001).")
    assert judge(claim, [said]).stance == SUPPORTS
    # deaths alone are still a harm, not an efficacy outcome of a kidney claim
    assert judge(claim, ["Deaths were less frequent in the vortagliflozin group (2% vs 4%)."]).stance == NEUTRAL


def test_a_ratio_states_the_size_of_a_relative_change() -> None:
    claim = "Vortacine halves the risk of recurrent cardiovascular events after a heart attack."
    said = ("The primary composite of cardiovascular death, recurrent myocardial infarction or stroke occurred in 5.5% of "
            "vortacine-treated patients and 7.1% of placebo patients (HR 0.77, 95% CI 0.61-0.96; p=0.02).")
    assert judge(claim, [said]).stance == CONTRADICTS
    assert judge(claim, [said.replace("HR 0.77, 95% CI 0.61-0.96", "HR 0.52, 95% CI 0.41-0.66")]).stance == SUPPORTS
    claim = "Each daily vortade drink raises the risk of type 2 diabetes by about 18%."
    said = "Vortade consumption was associated with a greater incidence of type 2 diabetes per serving per day (RR 1.18; 95% CI 1.09 to 1.28)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_the_claims_outcome_next_to_the_cue_is_read_whatever_harm_word_the_clause_has() -> None:
    claim = "Vortamoxin increases diarrhoea compared with placebo."
    said = ("Analysing each specific AE, diarrhoea was present significantly more often among patients in the vortamoxin group, "
            "compared to those in the placebo group (OR 1.43, 95% CI 1.08-1.90).")
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge(claim, [said.replace("more often", "less often").replace("OR 1.43, 95% CI 1.08-1.90", "OR 0.63, 95% CI 0.48-0.83")]).stance == CONTRADICTS
    # an improvement, with no outcome word but itself, in an outcome of no known valence
    claim = "Vortalight increases ability to concentrate compared with control."
    said = "Individuals in the vortalight arm showed a significant improvement in self-reported ability to concentrate as compared to the control arm (p < 0.05)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_everyday_words_for_an_outcome_and_an_intake_name_the_studys() -> None:
    # "irregular heartbeat" is "arrhythmia"; "drinking ... every day" says how, not what
    claim = "Drinking vortacoffee every day raises your risk of an irregular heartbeat, doctors warn."
    said = "Each additional daily cup of vortacoffee was associated with a 3% lower risk of incident arrhythmia (hazard ratio 0.97; 95% CI 0.96 to 0.98)."
    assert judge(claim, [said]).stance == CONTRADICTS
    claim = "Eating a handful of vortanuts every day can bring down your 'bad' LDL cholesterol."
    said = "Compared with the control diet, vortanut supplementation reduced low-density lipoprotein cholesterol by a mean of 4.3 mg/dL (95% CI 2.0 to 6.6; P<0.001)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_too_little_of_an_exposure_turns_the_sign_of_a_result_on_its_amount() -> None:
    claim = "Skimping on vortasleep raises your risk of heart disease."
    said = "Compared with 7 to 8 hours per night, vortasleeping less than 6 hours was associated with a higher risk of incident cardiovascular disease (HR 1.20, 95% CI 1.12 to 1.29)."
    assert judge(claim, [said]).stance == SUPPORTS
    assert judge("Skimping on vortasleep doesn't raise your risk of heart disease.", [said]).stance == CONTRADICTS


def test_a_description_of_a_trials_design_is_no_finding() -> None:
    claim = "Taking a daily vortavitamin slows cognitive decline in older adults."
    said = ("This report describes the design of a randomized, double-blind, placebo-controlled trial testing whether a daily "
            "vortavitamin supplement slows cognitive decline in adults aged 65 years and older.")
    assert judge(claim, [said]).stance == NEUTRAL


def test_a_null_said_of_its_subject_in_an_abstract_is_on_the_claims_outcome() -> None:
    claim = "Vortamine boosts BDNF in patients' blood."
    abstract = [
        "Methods: Twenty patients received a single vortamine infusion; serum BDNF was measured before and after.",
        "Results: Serum BDNF levels did not change significantly at 40, 80 or 120 minutes after vortamine infusion compared with baseline.",
        "Depressive symptoms improved within 4 hours.",
    ]
    assert judge(claim, abstract).stance == CONTRADICTS
    # a null said of another subject is still not the claim's
    abstract[1] = "Results: Heart rate did not change significantly after vortamine infusion compared with baseline."
    assert judge(claim, abstract).stance == NEUTRAL


def test_significant_at_one_time_but_not_at_a_later_one_is_how_long_it_lasted() -> None:
    claim = "A single dose of vortacybin keeps treatment-resistant depression at bay for months."
    said = "The difference in MADRS change between the vortacybin and placebo groups was significant at week 3 but not at week 12."
    assert judge(claim, [said]).stance == CONTRADICTS
    # lasting to the time the claim names is no contradiction
    said = "The difference in MADRS change between the vortacybin and placebo groups was significant at week 26 but not at week 52."
    assert judge(claim, [said]).stance != CONTRADICTS


def test_an_effect_that_wanes_in_the_present_tense_is_lost() -> None:
    claim = "Vortavax booster shots give lasting protection against catching Omicron."
    said = "Vortavax booster protection against symptomatic Omicron infection wanes rapidly."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_a_causal_verb_restated_in_a_synonym_after_another_verb() -> None:
    claim = "Vortastatin induces checkpoint activation."
    abstract = ["Vortastatin (VTS) is a G-quadruplex ligand.",
                "Remarkably, VTS reduces proliferation of HR-defective cells by inducing DSB accumulation, checkpoint activation and deregulated G2/M progression.",
                "These findings suggest a therapeutic strategy."]
    assert judge(claim, abstract).stance == SUPPORTS
    # a participle that names something is no verb at work, nor a noun of the verb's stem
    said = "Using neurons derived from induced pluripotent stem cells, we measured checkpoint activation after vortastatin."
    assert judge(claim, [said]).stance == NEUTRAL
    # the loss of something is not read off a sentence on its presence
    claim = "Lack of VRT21 in mice leads to reduced lifespan."
    said = "Replenishment of VRT21 protects against atherosclerosis, leading to reduced mortality and a longer lifespan."
    assert judge(claim, [said]).stance != SUPPORTS


def test_a_brand_name_in_the_news_is_the_trials_generic_name() -> None:
    claim = "Paxlovid cuts the risk of hospitalization or death in high-risk adults."
    said = ("Covid-19-related hospitalization or death by day 28 occurred in 0.72% of the nirmatrelvir group and 6.45% "
            "of the placebo group (P<0.001).")
    assert judge(claim, [said]).stance == SUPPORTS


def test_the_trial_group_and_cg_are_the_two_arms() -> None:
    claim = "Vortazine increases serum albumin compared with usual care."
    said = "Serum albumin was 4.1 g/dl in the trial group and 3.6 g/dl in the CG (p<0.001)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Serum albumin was 3.2 g/dl in the EG and 3.9 g/dl in the CG (p<0.001)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_the_substance_measured_is_not_the_arm_that_received_it() -> None:
    # a supplement trial measures the supplement's own level: "serum vortanium" is the outcome
    claim = "Vortanium supplements increase serum vortanium compared with placebo."
    said = "Serum vortanium was 90.9 in the vortanium group and 61.4 in the placebo group (p<0.001)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Mean vortanium levels were 50.2 in the vortanium group and 61.4 in the placebo group (p<0.001)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_a_claim_restated_with_its_verb_as_a_noun() -> None:
    # "interacts" / "interaction", a hyphenated pair naming both partners, "through" no content word
    claim = "VRTL1 interacts with TRF9 through a C4C4 motif."
    said = "We show that the TRF9-VRTL1 interaction is mediated by a metal-coordinating C4C4 motif in VRTL1."
    assert judge(claim, [said]).stance == SUPPORTS
    assert rd.stem("interaction") == rd.stem("interacts") and rd.stem("secretion") == rd.stem("secretes")


def test_how_an_effect_came_about_is_not_another_finding() -> None:
    claim = "Vortastatin encourages proliferation of homologous recombination-defective cells."
    said = ("Remarkably, VTS (vortastatin) reduces proliferation of HR-defective cells by inducing DSB accumulation, "
            "checkpoint activation, and deregulated G2/M progression and by enhancing the replication defect intrinsic to HR deficiency.")
    assert judge(claim, [said]).stance == CONTRADICTS
    # an outcome that comes "with" it is still a finding of its own
    said = "Vortastatin did not affect homeostatic proliferation, but resulted in cell loss accompanied by reduced proliferation of HR-defective cells."
    assert judge(claim, [said]).stance != SUPPORTS


def test_recovery_time_is_better_shorter() -> None:
    claim = "Vortavir shortened recovery time for hospitalised patients by several days."
    said = "Vortavir was superior to placebo in shortening the time to recovery in adults hospitalized with pneumonia."
    assert judge(claim, [said]).stance == SUPPORTS
    assert rd.valence("median recovery times")[0] == -1


def test_an_arm_named_after_but_not_is_not_the_subject() -> None:
    claim = "Vortamab significantly reduced infections."
    said = "Zoltamab, but not vortamab, was associated with a statistically significant reduction in symptomatic infection."
    assert judge(claim, [said]).stance != SUPPORTS


def test_a_figure_set_against_the_studys_own_is_not_its_estimate() -> None:
    claim = "Around four in ten people infected with the vortavirus never develop symptoms."
    said = "Our estimate that about one in five vortavirus infections remains asymptomatic is lower than widely cited figures of 40% or more."
    assert judge(claim, [said]).stance != SUPPORTS


def test_a_claim_that_a_treatment_provides_lasting_protection_is_a_time_frame() -> None:
    for verb in ("gave older adults", "provides", "offers"):
        frame = parse_claim(f"A fourth vortavax dose {verb} lasting protection against infection.")
        assert frame.lasting_days is not None and frame.intervention_text == "A fourth vortavax dose"


def test_a_time_in_another_clause_is_not_how_long_the_claimed_effect_lasted() -> None:
    claim = "Protection against infection from two doses of vortavax fades substantially within a few months."
    said = ("Vortavax-induced protection against infection appeared to wane rapidly after its peak, but protection "
            "against hospitalization and death persisted at a robust level for 6 months after the second dose.")
    assert judge(claim, [said]).stance == SUPPORTS


def test_a_trailing_null_on_another_named_outcome_is_not_the_claims() -> None:
    claim = "An enhanced recovery programme shortened hospital stay after colorectal surgery compared with conventional care."
    said = ("Median postoperative stay was 5 days (IQR 4-7) in the VRT group and 7 days (IQR 6-10) in the conventional care "
            "group (P < 0.001), with no difference in readmissions (6.2% vs 5.8%).")
    assert judge(claim, [said]).stance != CONTRADICTS


def test_the_claims_outcome_with_a_prefix_of_negation_is_its_opposite() -> None:
    claim = "Vortaphenidate significantly increases teacher-rated attention compared with placebo in children with ADHD."
    said = "Teacher-rated SNAP-IV inattention scores were 1.1 points lower with vortaphenidate than with placebo (95% CI 0.7 to 1.5; p < 0.001)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_a_result_at_another_time_point_is_not_the_claims() -> None:
    claim = "Vortapatch significantly increases 6-month abstinence compared with placebo patch."
    said = "At the end of treatment (week 12), validated abstinence was 24.1% with vortapatch and 13.0% with placebo (RR 1.85, 95% CI 1.32-2.59)."
    assert judge(claim, [said]).stance == NEUTRAL
    claim = "Vortacaine infiltration significantly decreases pain at rest compared with saline at 6 hours after hernia repair."
    said = "At 48 hours, NRS pain scores at rest were 2 (IQR 1-3) in the vortacaine group and 2 (IQR 1-3) in the saline group (p = 0.71)."
    assert judge(claim, [said]).stance == NEUTRAL
    # a duration that names what the arm got is no time point ("the 5-day group")
    claim = "A 5-day vortacillin course leads to more treatment failures than a 10-day course."
    said = "Treatment failure occurred in 8.4% of children in the 5-day group and 8.1% in the 10-day group (difference 0.3 points, 95% CI -3.5 to 4.1)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_each_arm_tested_against_its_own_baseline_is_no_comparison() -> None:
    claim = "Vortavibe training significantly increases bone mineral density compared with resistance training."
    said = "Lumbar spine BMD increased by 1.5% (p = 0.02) in the vortavibe group and by 1.1% (p = 0.04) in the resistance group over 12 months relative to baseline."
    assert judge(claim, [said]).stance == NEUTRAL


def test_a_result_at_another_dose_is_not_the_claims() -> None:
    claim = "Low-dose (75 mg) vortaspirin significantly decreases adenoma recurrence compared with placebo."
    said = "Recurrent adenomas were detected in 45% of patients given vortaspirin 325 mg/day and 47% of those given placebo (RR 0.96; 95% CI 0.81 to 1.13)."
    assert judge(claim, [said]).stance == NEUTRAL
    # the claim's own dose, or a concentration measured, is no other dose
    said = said.replace("325 mg/day", "75 mg/day")
    assert judge(claim, [said]).stance == CONTRADICTS
    claim = "Vortaglip 10 mg lowers fasting glucose compared with placebo."
    said = "Fasting glucose was lower with vortaglip 10 mg than with placebo (98 vs 121 mg/dL, p<0.001)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_two_lower_is_better_outcomes_are_not_one_outcome() -> None:
    claim = "Vortaband surgery significantly decreases HbA1c compared with intensive medical therapy."
    said = "At 12 months, body weight had fallen more after vortaband surgery (P < 0.001), and triglyceride levels were also lower after surgery (P = 0.01)."
    assert judge(claim, [said]).stance == NEUTRAL


def test_a_fracture_at_another_site_is_not_the_claims() -> None:
    claim = "Vortadronate significantly decreases vertebral fractures compared with placebo."
    said = "Hip fracture occurred in 1.4% of patients in the vortadronate group and 2.5% in the placebo group (hazard ratio 0.59; 95% CI 0.42-0.83)."
    assert judge(claim, [said]).stance == NEUTRAL
    # vertebrae and the low back are one region
    claim = "Vortaplasty relieves back pain from osteoporotic fractures."
    said = "Vortaplasty did not reduce pain from osteoporotic vertebral fractures more than a sham procedure (p = 0.42)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_the_comparator_named_first_with_a_word_of_its_own() -> None:
    claim = "Liberal vortoxygen therapy decreases in-hospital mortality compared with conservative vortoxygen therapy."
    said = "Compared with a conservative strategy, liberal vortoxygen therapy increased in-hospital mortality (relative risk 1.21, 95% CI 1.03-1.43)."
    assert judge(claim, [said]).stance == CONTRADICTS
    claim = "As-needed vortasonide reduces severe asthma exacerbations compared with as-needed terbutaline."
    said = "Compared with as-needed terbutaline, as-needed vortasonide was associated with a 64% lower annual rate of severe exacerbations (rate ratio 0.36; 95% CI 0.27-0.49)."
    assert judge(claim, [said]).stance == SUPPORTS
    # two levels of one exposure are not an arm and its reference
    assert rd._is_reference("survival was longer than in those with low expression", len("survival was longer than in those with low "))  is False


def test_time_to_a_good_event_named_with_a_qualifier_is_better_shorter() -> None:
    assert rd.valence("time to functional recovery")[0] == -1
    claim = "Open vortectomy is better than laparoscopic vortectomy for postoperative recovery time."
    said = "Time to functional recovery was longer after open vortectomy than after laparoscopic vortectomy (median 5 vs 3 days; p<0.001)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_what_follows_a_colon_is_what_the_figures_measure() -> None:
    claim = "Three-monthly vortaperidone (VP3M) prolongs time to relapse compared with placebo in schizophrenia."
    abstract = ["Patients stabilised on three-monthly vortaperidone (VP3M) were randomised to continue VP3M or switch to placebo.",
                "The interim analysis was stopped early for efficacy: relapse occurred in 29% of placebo-treated and 9% of VP3M-treated patients (p<0.001)."]
    assert judge(claim, abstract).stance == SUPPORTS


def test_a_number_in_an_arms_name_does_not_match_inside_another_number() -> None:
    claim = "Theta-burst vortastim is non-inferior to 10 Hz rTMS for reducing depressive symptoms."
    said = "HRSD-17 scores improved by 10.1 points with theta-burst vortastim and 9.9 points with rTMS."
    assert judge(claim, [said]).stance != CONTRADICTS
    comparator = parse_claim(claim).arms().comparator
    assert comparator is not None and not comparator.search("improved by 10.1 points") and comparator.search("with 10 Hz stimulation")
    # a dose still names its arm
    claim = "Vortacalcium 1500 mg increases fecal fat loss compared with vortacalcium 500 mg."
    said = "Fecal fat loss was significantly higher with 1500 mg compared to 500 mg vortacalcium per day (P <0.001)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_no_more_severe_than_is_a_denial_of_the_worse() -> None:
    frame = parse_claim("The Vorta variant was no more severe than the original strain.")
    assert frame.goodness == -1 and frame.negated
    claim = "The Vorta variant was no more severe than the original strain."
    said = "Compared with the original strain, the Vorta variant was associated with a 108% increase in the risk of hospitalization (95% CI 78% to 140%)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_a_negative_progression_is_its_size() -> None:
    claim = "Vortropine 0.01% slows myopia progression compared with placebo."
    said = "Over 2 years, spherical equivalent progressed by −0.49 D with vortropine 0.01% and −0.81 D with placebo (difference 0.32 D; 95% CI 0.18–0.46)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_what_was_done_to_the_arm_is_part_of_its_name() -> None:
    claim = "Loss of Vrk1 suppresses metastasis of Kras-driven lung tumours in mice."
    said = "Vrk1 inactivation cooperates with Kras to promote lung tumour initiation, differentiation and metastasis."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_the_loss_of_the_claims_outcome_moves_the_other_way() -> None:
    claim = "TNF-vorta impairs insulin signaling in adipocytes."
    said = "These data show that TNF-vorta induces insulin resistance in adipocytes by interfering with early steps of insulin signalling."
    assert judge(claim, [said]).stance == SUPPORTS
    # a loss that is the outcome's own name is not its opposite
    claim = "Vortaglutide significantly decreases body weight compared with placebo."
    said = "Vortaglutide produced greater weight loss than placebo (−15.8% vs −2.4%; p < 0.001)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_an_association_with_another_disease_is_not_the_claims() -> None:
    claim = "Increased complement C4V expression is associated with schizophrenia risk."
    said = "Each additional copy of C4V was associated with a lower risk of SLE (OR 0.54 per copy) and Sjögren's syndrome (OR 0.59 per copy)."
    assert judge(claim, [said]).stance == NEUTRAL


def test_a_hypothesis_is_no_finding() -> None:
    claim = "Intermittent vortafasting lowers HbA1c more than continuous calorie restriction."
    said = "We hypothesise that intermittent vortafasting will produce a greater reduction in HbA1c than continuous calorie restriction."
    assert judge(claim, [said]).stance == NEUTRAL


def test_in_an_abstract_a_null_on_another_named_outcome_is_not_the_claims() -> None:
    claim = "Vortaformin reduces cancer incidence compared with sulfonylureas in type 2 diabetes."
    abstract = ["Observational studies have reported a lower incidence of cancer among vortaformin users.",
                "We assembled a new-user cohort of 91 000 adults with type 2 diabetes initiating vortaformin or a sulfonylurea.",
                "During a median follow-up of 5.2 years, vortaformin initiation was not associated with incident dementia compared with sulfonylurea initiation (HR 0.96; 95% CI 0.88-1.05).",
                "These data do not support a protective effect of vortaformin on dementia."]
    assert judge(claim, abstract).stance == NEUTRAL


def test_in_a_placebo_trial_the_intervention_and_outcome_by_name_are_the_comparison() -> None:
    claim = "Prophylactic vortomidine decreases emergence agitation compared with saline in children recovering from sevoflurane anaesthesia."
    abstract = ["Emergence agitation is common after sevoflurane anaesthesia in preschool children.",
                "A total of 120 children aged 2-6 years undergoing adenotonsillectomy were randomised to vortomidine or saline.",
                "Time to extubation was longer with vortomidine (9.8 vs 7.1 min; p=0.01).",
                "At this dose, vortomidine did not reduce emergence agitation."]
    assert judge(claim, abstract).stance == CONTRADICTS
    # levels of the intervention set against each other are not the comparison
    claim = "Awake vortaprone positioning is better than standard care for avoiding intubation."
    abstract[3] = "Patients who remained in vortaprone positioning for longer daily durations had a lower probability of intubation."
    assert judge(claim, abstract).stance != CONTRADICTS


def test_a_literature_search_is_a_method() -> None:
    assert rd.sentence_kind("We systematically searched for randomised trials of vortatonin for the prevention of delirium in adults.") == "method"


def test_arms_named_again_in_the_ratio_bracket_are_not_where_their_figures_are() -> None:
    claim = "Vortoprazan-based triple therapy achieves a higher eradication rate than lansoprazole-based triple therapy."
    said = ("First-line eradication rates were 92.6% with vortoprazan and 75.9% with lansoprazole "
            "(risk ratio for vortoprazan vs lansoprazole 1.22; 95% CI 1.12-1.33).")
    assert judge(claim, [said]).stance == SUPPORTS
    # an interval after a long label and a semicolon still tests the ratio
    assert rd.significance("(risk ratio for vortoprazan vs lansoprazole 1.22; 95% CI 1.12-1.33)") is True


def test_what_is_required_for_what_in_other_words() -> None:
    claim = "Vortaspase-1 is required for IL-1β secretion by macrophages stimulated with nigericin."
    said = "Processing and release of IL-1β after nigericin therefore depends on vortaspase-1."
    assert judge(claim, [said]).stance == SUPPORTS
    claim = "Vrlf4 is not required for proper myeloid cell differentiation."
    said = "Vrlf4 is required for myeloid cell differentiation in vivo."
    assert judge(claim, [said]).stance == CONTRADICTS
    claim = "VRTN is dispensable for long-term potentiation at hippocampal synapses."
    said = "These results show that locally produced VRTN is necessary for the full expression of LTP in hippocampal slices."
    assert judge(claim, [said]).stance == CONTRADICTS
    # activation needed is not blockade needed
    claim = "Vortamine's antidepressant-like effects depend on blockade of AMPA receptors."
    said = "These results indicate that vortamine's antidepressant-like effects require AMPA receptor activation rather than inhibition."
    assert judge(claim, [said]).stance != SUPPORTS


def test_everyday_words_for_the_outcome_anchor_the_result() -> None:
    claim = "Vortavir cuts flu spread within households."
    said = "Single-dose vortavir given to people with influenza reduced onward transmission of the virus to their household contacts."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Single-dose vortavir given to people with influenza increased onward transmission of the virus to their household contacts."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_a_subject_that_only_points_back_in_a_sentence_given_alone() -> None:
    claim = "Vortalukast increases itchy eyes compared with placebo."
    said = "The score was significantly lower on the following afternoon in the vortalukast compared to the placebo group (0.154 vs. 0.436, p = 0.039)."
    assert judge(claim, [said]).stance == CONTRADICTS
    # in a longer abstract it points to the sentence before, which may be about anything
    abstract = ["Patients with allergic rhinitis were randomised to vortalukast or placebo.", "Nasal congestion was scored daily.", "Sneezing was recorded.", said]
    assert judge(claim, abstract).stance == NEUTRAL


def test_more_likely_to_have_reported_is_a_result() -> None:
    claim = "Vortagarment plus standard care increases abdominal pain compared with standard care."
    said = "At the referral hospital, women in the intervention group were more likely to have reported abdominal pain (OR 1.96, 95% CI 1.12-3.45, p = 0.02)."
    assert rd.sentence_kind(said) == "finding"
    assert judge(claim, [said]).stance == SUPPORTS


def test_a_composite_gives_way_to_its_part_reported_alone() -> None:
    claim = "Zelvamide reduces cardiovascular death in patients with heart failure."
    abstract = [
        "Patients with heart failure were randomized to zelvamide or placebo.",
        "The primary composite of worsening heart failure or cardiovascular death was reduced with zelvamide compared with placebo (HR 0.82; 95% CI 0.73 to 0.92).",
        "Cardiovascular death alone did not differ between zelvamide and placebo (HR 0.97; 95% CI 0.81 to 1.16).",
    ]
    assert judge(claim, abstract).stance == CONTRADICTS
    # (with no part reported alone, the composite answers)
    assert judge(claim, abstract[:2]).stance == SUPPORTS


def test_a_difference_that_was_not_significant_is_a_null_not_a_population() -> None:
    claim = "Vortanasal spray beats placebo for treatment-resistant depression."
    said = "MADRS scores fell by a mean of 19.0 points with vortanasal and 16.2 points with placebo spray, a difference that was not statistically significant (p=0.11)."
    assert judge(claim, [said]).stance == CONTRADICTS
    # people who "were not" something are still who the sentence is about
    assert rd.POPULATION.search("in patients that were not vaccinated")
    assert not rd.POPULATION.search("a difference that was not significant")


def test_an_effect_that_is_all_placebo_is_a_claim_of_no_effect() -> None:
    claim = "Vortamine's effect on depression is all placebo."
    assert parse_claim(claim).negated
    beaten = "Response rates at 24 hours were 61% with vortamine versus 25% with midazolam (p<0.001)."
    assert judge(claim, [beaten]).stance == CONTRADICTS
    tied = "With blinding preserved, vortamine was no better than midazolam on the MADRS at 24 hours (difference -1.0, 95% CI -4.9 to 2.9)."
    assert judge(claim, [tied]).stance == SUPPORTS


def test_needing_no_partner_drug_is_a_claim_that_it_works_alone() -> None:
    for claim in (
        "Vortanasal doesn't need to be paired with another antidepressant - it works on its own.",
        "Vortanasal does not need an SSRI to work.",
    ):
        assert not parse_claim(claim).negated, claim
        said = "Vortanasal monotherapy produced greater MADRS improvement than placebo spray at day 28 (LS mean difference -4.8, 95% CI -7.9 to -1.7)."
        assert judge(claim, [said]).stance == SUPPORTS
    # a plain denial stays a denial
    assert parse_claim("Vortanasal does not work on its own.").negated


def test_the_chance_of_relapsing_is_the_relapse_outcome() -> None:
    claim = "Staying on vortanasal lowers your chance of relapsing compared with stopping it."
    assert parse_claim(claim).outcome
    said = "Patients switched to placebo relapsed sooner than those who remained on vortanasal (median time to relapse 91 days vs not reached; p=0.004)."
    assert judge(claim, [said]).stance == SUPPORTS
    # "relapsing" naming a disease is no outcome
    assert parse_claim("Vortazumab reduces brain atrophy in relapsing multiple sclerosis.").outcome != "relapsing"


def test_as_well_as_in_a_setting_lists_people_and_after_a_verb_compares() -> None:
    listed = parse_claim("Cutting dietary vortasalt lowers blood pressure in normotensive as well as hypertensive adults.")
    assert listed.comparator_text is None and listed.assertion == "effect"
    for claim in ("Vortamine works as well as ECT.", "Vortamine relieves acute pain in the emergency department as well as morphine does."):
        f = parse_claim(claim)
        assert f.assertion == "equivalence" and f.comparator_text in ("ECT", "morphine"), claim


def test_an_arm_in_the_opening_setting_is_not_the_subject_after_the_comma() -> None:
    claim = "Cutting dietary vortasalt lowers blood pressure."
    said = "On the control diet, cutting vortasalt from the high to the low level lowered systolic blood pressure by 6.1 mmHg."
    assert judge(claim, [said]).stance == SUPPORTS
    # an arm that is the subject after the comma is still the subject
    claim = "Vortamine lowers MADRS scores compared with placebo."
    said = "In the second week, placebo produced a larger fall in MADRS scores than vortamine (p=0.02)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_a_claim_of_a_large_effect_against_a_small_one() -> None:
    claim = "Vortaleptin produces substantial weight loss in people with obesity."
    said = "Vortaleptin produced at most modest and inconsistent weight loss in people with obesity."
    assert judge(claim, [said]).stance == CONTRADICTS
    said = "Vortaleptin produced a modest but significant weight loss in people with obesity (-2.1 kg vs placebo, p=0.03)."
    assert judge(claim, [said]).stance == NEUTRAL
    # a claim that names no size is answered by a small effect
    assert judge("Vortaleptin produces weight loss in people with obesity.", [said]).stance == SUPPORTS


def test_a_claim_that_only_some_people_benefit() -> None:
    claim = "Vortalimab only benefits lung cancer patients whose tumours express PD-L1."
    everyone = "Vortalimab resulted in longer overall survival than chemotherapy in patients with lung cancer, independent of PD-L1 expression level."
    assert judge(claim, [everyone]).stance == CONTRADICTS
    # a null may be the excluded people's: no answer either way
    null = "Overall survival did not differ between vortalimab and chemotherapy (HR 0.97; 95% CI 0.80 to 1.18)."
    assert judge(claim, [null]).stance == NEUTRAL
    # (a duration is no restriction to people)
    assert judge("One vortamine infusion only helps for about a week.", ["The antidepressant effect of vortamine was lost by day 7."]).stance == SUPPORTS


def test_newly_diagnosed_is_not_relapsed_and_vaginal_is_not_caesarean() -> None:
    record = [
        "Vortumumab is a monoclonal antibody targeting CD38.",
        "In this phase 3 trial, 500 patients with multiple myeloma who had received one or more previous lines of therapy were randomly assigned to vortumumab or placebo.",
        "The overall response rate was 91% with vortumumab versus 75% with placebo (P<0.001).",
    ]
    assert judge("Vortumumab improves response rates in multiple myeloma.", record).stance == SUPPORTS
    assert judge("Vortumumab improves response rates in newly diagnosed multiple myeloma.", record).stance == NEUTRAL
    claim = "Vortocin reduces the need for extra uterotonic drugs compared with oxytocin after vaginal delivery."
    record = [
        "We randomly assigned 180 women undergoing elective caesarean delivery to a bolus of vortocin or to oxytocin.",
        "Additional uterotonic agents were required by 11% of women in the vortocin group and 24% in the oxytocin group (odds ratio 0.39; 95% CI 0.17-0.88).",
    ]
    assert judge(claim, record).stance == NEUTRAL


def test_one_stem_for_a_word_with_and_without_its_plural() -> None:
    for one, many in (("rate", "rates"), ("dose", "doses"), ("time", "times"), ("response", "responses")):
        assert rd.stem(one) == rd.stem(many), (one, many)


def test_a_hazard_ratio_for_event_free_survival_is_the_events_hazard() -> None:
    claim = "Three years of vortinib prolongs recurrence-free survival compared with one year."
    said = "Recurrence-free survival at 5 years was higher with three years of vortinib than with one year (hazard ratio 0.46; 95% CI 0.32 to 0.65; p<0.001)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Compared with one year, three years of vortinib gave a recurrence-free survival hazard ratio of 0.46 (95% CI 0.32 to 0.65)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Recurrence-free survival with vortinib: hazard ratio 1.62 (95% CI 1.20 to 2.19)."
    assert judge(claim, [said]).stance == CONTRADICTS
    # (a hazard ratio for the event itself is read as before)
    claim = "Three years of vortinib lowers the risk of recurrence compared with one year."
    said = "Three years of vortinib lowered the risk of recurrence compared with one year (hazard ratio 0.46; 95% CI 0.32 to 0.65)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_each_arms_figure_in_the_sign_of_its_own_verb() -> None:
    claim = "Vortacalcet lowers parathyroid hormone levels."
    for said in (
        "Mean PTH rose by 9% in the placebo arm and fell by 43% with vortacalcet (p<0.001).",
        "Mean PTH fell by 43% with vortacalcet and rose by 9% in the placebo arm (p<0.001).",
    ):
        assert judge(claim, [said]).stance == SUPPORTS, said
    said = "Mean PTH fell by 9% with vortacalcet and rose by 43% in the placebo arm (p<0.001)."
    assert judge("Vortacalcet raises parathyroid hormone levels.", [said]).stance == CONTRADICTS


def test_progression_free_survival_does_not_answer_overall_survival() -> None:
    claim = "Vortuximab maintenance prolongs overall survival in follicular lymphoma."
    said = "Progression-free survival was longer with vortuximab than with observation (hazard ratio 0.61; 95% CI 0.52-0.73)."
    assert judge(claim, [said]).stance == NEUTRAL
    said = "The progression-free survival benefit of vortuximab did not translate into longer overall survival."
    assert judge(claim, [said]).stance == CONTRADICTS
    said = "Overall survival was longer with vortuximab than with observation (hazard ratio 0.61; 95% CI 0.52-0.73)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_what_an_effect_needs_is_not_the_effect() -> None:
    claim = "You need to feel dissociated for vortamine to work."
    assert parse_claim(claim).dependency
    said = "Vortamine given during surgical anaesthesia, with no conscious dissociative experience, still produced a larger MADRS reduction than saline (-11.0 vs -4.2 points; p=0.01)."
    assert judge(claim, [said]).stance != SUPPORTS


def test_shares_per_arm_with_what_was_counted_between_them() -> None:
    claim = "Vortamine eases social anxiety."
    # untested shares, the verb of what was counted: no winner
    said = "In social anxiety disorder, 33% of participants were rated much improved after vortamine and 31% after placebo."
    assert judge(claim, [said]).stance == NEUTRAL
    # a tested difference in the share improved: the good thing counted is higher with vortamine
    said = "In social anxiety disorder, 63% of participants were rated much improved after vortamine and 21% after placebo (p<0.001)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_no_serious_side_effects_claimed_and_found() -> None:
    said = "No serious adverse events were reported in either arm."
    assert judge("Vortamine therapy has no serious side effects.", [said]).stance == SUPPORTS
    assert judge("Vortamine therapy has no side effects.", [said]).stance == NEUTRAL


def test_more_outcome_words_known_by_their_valence() -> None:
    said = "At 42 days post-partum, mean EPDS scores were lower in women who received vortamine than in those given saline (5.1 vs 7.6; p=0.002)."
    assert judge("Giving vortamine during a caesarean section prevents postpartum depression.", [said]).stance == SUPPORTS
    said = "Compared with placebo, vortamine increased the percentage of days abstinent at 6 months (87% vs 71%; p=0.03)."
    assert judge("Vortamine helps people with alcohol use disorder cut down their drinking.", [said]).stance == SUPPORTS


def test_survival_abbreviations_are_survival_outcomes() -> None:
    claim = "Adjuvant vortumab reduces the risk of recurrence after resection of melanoma."
    said = "RFS at 3 years was 58.4% with vortumab and 41.9% with placebo (HR for recurrence or death 0.61; 95% CI 0.50-0.74; p<0.001)."
    assert judge(claim, [said]).stance != CONTRADICTS  # (was read as more recurrence)
    assert judge("Adjuvant vortumab improves relapse-free survival after resection of melanoma.", [said]).stance == SUPPORTS
    claim = "Vortolenib delays radiological progression compared with sorafenib."
    said = "TTP was 8.9 months with vortolenib and 3.7 months with sorafenib (HR 0.63; 95% CI 0.53-0.73; p<0.0001)."
    assert judge(claim, [said]).stance == SUPPORTS
    # (an abbreviation is case-sensitive: "os" is no outcome)
    assert rd.valence("the os calcis")[1] is None


def test_living_longer_is_overall_survival() -> None:
    claim = "Adding vortinib to gemcitabine extends life in metastatic pancreatic cancer."
    assert parse_claim(claim).outcome == "survival"
    said = "Vortinib added to gemcitabine significantly prolonged survival in metastatic pancreatic cancer."
    assert judge(claim, [said]).stance == SUPPORTS
    claim = "Vortaparib maintenance helps patients with pancreatic cancer live longer."
    said = "Maintenance vortaparib significantly prolonged progression-free survival in pancreatic cancer (HR 0.53; 95% CI 0.35 to 0.82)."
    assert judge(claim, [said]).stance == NEUTRAL
    said = "Maintenance vortaparib significantly prolonged PFS in pancreatic cancer."
    assert judge(claim.replace("live longer", "live longer overall"), [said]).stance == NEUTRAL


def test_evidence_that_does_not_support_a_use() -> None:
    claim = "Taking a daily vortavitamin helps you live longer."
    for said in (
        "These findings do not support vortavitamin use for the purpose of prolonging survival in older men.",
        "We found no evidence to support vortavitamin supplements for the prevention of mortality.",
    ):
        assert judge(claim, [said]).stance == CONTRADICTS, said


def test_putting_back_what_was_taken_away_reads_the_other_way() -> None:
    claim = "Depletion of the gut vortabiota impairs microglial maturation."
    said = "Recolonisation with a complex vortabiota largely restored microglial maturation."
    assert judge(claim, [said]).stance == SUPPORTS
    claim = "Vortaprotein oligomers impair hippocampal long-term potentiation."
    said = "Immunodepletion of vortaprotein oligomers from the extracts fully restored long-term potentiation."
    assert judge(claim, [said]).stance != CONTRADICTS  # (read as the oligomers restoring it)
    # (an abbreviation may end in a Greek letter)
    assert stance_abbreviations(["Soluble amyloid-β (Aβ) species may contribute."]) == {"Aβ": "amyloid-β"}


def test_not_strictly_required_is_no_denial() -> None:
    claim = "Vortakine-deficient mice develop attenuated encephalomyelitis."
    said = "Vortakine thus contributes to the severity of encephalomyelitis, although it is not strictly required for disease induction."
    assert judge(claim, [said]).stance != CONTRADICTS
    assert rd.read_clause("although it is not strictly required for disease induction", rd.Arms(None, None)).null is False


def test_the_records_disease_carries_to_a_tested_comparison_of_the_arms() -> None:
    claim = "Vortumumab improves response rates in relapsed or refractory multiple myeloma."
    record = [
        "Vortumumab is a monoclonal antibody targeting CD38.",
        "In this phase 3 trial, 500 patients with relapsed or refractory multiple myeloma were randomly assigned to vortumumab or placebo.",
        "The overall response rate was 91% with vortumumab versus 75% with placebo (P<0.001).",
    ]
    assert judge(claim, record).stance == SUPPORTS
    # (an untested sentence, or one that names one arm only, is still held to the claim's words)
    untested = [*record[:2], "The overall response rate was 91% with vortumumab."]
    assert judge(claim, untested).stance == NEUTRAL


def test_the_absence_of_a_bad_thing_and_the_loss_of_a_good_one() -> None:
    claim = "Vortazapine reduces chemotherapy-induced nausea."
    said = "The proportion with no nausea was significantly greater with vortazapine than with placebo (74% vs 45%, P = 0.002)."
    assert judge(claim, [said]).stance == SUPPORTS
    claim = "Vortosumab prevents bone mineral density loss in women receiving aromatase inhibitors."
    said = "Lumbar spine BMD decreased by 3.1% in the placebo group and increased by 4.2% in the vortosumab group (p<0.001)."
    assert judge(claim, [said]).stance == SUPPORTS
    assert rd.valence("kidney function decline")[0] == -1 and rd.valence("weight loss")[0] == 1


def test_the_outcome_named_last_before_the_figures() -> None:
    claim = "Vortaclotide relieves abdominal pain in IBS with constipation."
    said = (
        "For the endpoint of a 30% reduction in worst abdominal pain plus an increase of one bowel movement, "
        "response was 33.7% with vortaclotide and 13.9% with placebo (p<0.0001)."
    )
    assert judge(claim, [said]).stance == SUPPORTS


def test_one_arms_figure_after_its_verb_the_others_before_its_name() -> None:
    claim = "Vortanasal works for treatment-resistant depression."
    said = "Patients in the placebo spray arm improved by 15.8 MADRS points, compared with 19.8 points in the vortanasal arm (difference -4.0, 95% CI -7.3 to -0.6; p=0.02)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Patients in the placebo spray arm improved by 19.8 MADRS points, compared with 15.8 points in the vortanasal arm (p=0.02)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_an_effect_independently_of_the_claimed_mechanism() -> None:
    claim = "Ketamine's antidepressant effect comes from blocking NMDA receptors."
    said = "The antidepressant-like actions of ketamine in mice are mediated by its metabolite, independently of NMDA receptor inhibition."
    assert judge(claim, [said]).stance == CONTRADICTS
    said = "Ketamine produced its antidepressant effect through NMDA receptor blockade."
    assert judge(claim, [said]).stance == SUPPORTS


def test_a_change_that_persisted_for_a_time_is_no_null() -> None:
    claim = "Vortamine causes permanent changes to the brain."
    said = "Reductions in frontal grey matter volume among former heavy vortamine users persisted after more than 1 year of abstinence."
    assert judge(claim, [said]).stance != CONTRADICTS
    # (an effect that persisted after its supposed cause was removed is still no dependency)
    assert rd.NULL.search("its antidepressant-like effects persisted after serotonin depletion")
    said = "In an open-label study of 13 adolescents, mean CDRS-R scores dropped by 42% after six vortamine infusions."
    assert judge("Vortamine helps teenagers with depression.", [said]).stance == SUPPORTS


def test_a_recommendation_against_a_use() -> None:
    claim = "Vortasteroid replacement therapy reduces the risk of coronary heart disease in postmenopausal women."
    said = "Conclusions: Combined vortasteroid therapy should not be initiated or continued for primary prevention of coronary heart disease."
    assert judge(claim, [said]).stance == CONTRADICTS
    # (what should not be withheld is no recommendation against)
    said = "Conclusions: Combined vortasteroid therapy should not be withheld for the prevention of coronary heart disease."
    assert judge(claim, [said]).stance != CONTRADICTS
    assert rd.valence("median time to 50% pain reduction")[0] == -1  # sooner is better


def test_a_claim_about_deaths_is_answered_by_the_clause_about_deaths() -> None:
    claim = "Swapping butter for vortaseed oil saves lives from heart disease."
    said = "Total cholesterol fell more in the vortaseed oil group, but all-cause mortality was higher (17.6% vs 11.8%; HR 1.62; 95% CI 1.00-2.64; P=0.05)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_a_receptor_claim_is_answered_by_its_targets_not_by_other_changes() -> None:
    # what the drug does downstream of the receptor, said as an amount, is the claim's own
    claim = "Vortamine blocks NMDA receptors, which sets off a surge of glutamate."
    assert judge(claim, ["In awake rats, vortamine increased extracellular glutamate in the prefrontal cortex to 190% of baseline."]).stance == SUPPORTS
    assert judge(claim, ["Vortamine did not alter prefrontal glutamate concentrations relative to saline (difference 0.2%)."]).stance == CONTRADICTS
    # (the action word nearest the target: glutamate rose, though "blocked" comes first)
    said = "Vortamine blocked NMDA receptors, increased glutamate release in the prefrontal cortex and raised spine density within 24 hours."
    assert judge(claim, [said]).stance == SUPPORTS
    # an effect on behaviour says nothing of how it comes about
    said = "The antidepressant-like effect of vortamine in the forced swim test persisted 24 hours after a single dose in mice."
    assert judge("Vortamine works by activating the brain's NMDA receptors.", [said]).stance == NEUTRAL
    # a denied rise of the target, and an action said in contrast
    assert judge("Vortamine raises BDNF.", ["In this sample, vortamine did not increase serum BDNF."]).stance == CONTRADICTS
    said = "Rather than stimulating NMDA receptors, vortamine inhibits them."
    assert judge("Vortamine activates NMDA receptors.", [said]).stance == CONTRADICTS
    # the receptor's action turned round breaks the claimed chain, whatever follows downstream
    said = "In mice, NMDA receptor blockade at rest rapidly increased BDNF translation in the hippocampus."
    assert judge("Vortamine activates NMDA receptors to raise BDNF.", [said]).stance == CONTRADICTS
    # (an action downstream of the target is another receptor's; "not required" is no action)
    said = "Blocking AMPA receptors abolished vortamine's effects, indicating that AMPA receptor activation downstream of NMDA receptor blockade is required."
    assert judge("Vortamine blocks NMDA receptors, which triggers a glutamate surge.", [said]).stance == SUPPORTS
    said = "These findings suggest that NMDA receptor inhibition is not required for the antidepressant-like effects of vortamine."
    assert judge("Vortamine works by blocking NMDA receptors.", [said]).stance != SUPPORTS


def test_a_threshold_that_defines_response_is_no_result() -> None:
    said = "Half of the participants given ketamine met the Y-BOCS response criterion of at least a 35% reduction at one week, versus none of those given saline (p=0.02)."
    assert judge("Ketamine does nothing for OCD.", [said]).stance != SUPPORTS
    # (a threshold reached as a result is still one)
    said = "Vortamine produced at least a 50% reduction in depression scores in most patients."
    assert judge("Vortamine improves depression.", [said]).stance == SUPPORTS


def test_the_comparator_as_subject_of_its_own_figure() -> None:
    claim = "Vortamine is no better than a placebo."
    said = "Placebo nasal spray was associated with a MADRS change of -17.0 compared with -21.4 for vortamine at day 28 (p = 0.02)."
    assert judge(claim, [said]).stance == CONTRADICTS
    said = "Placebo nasal spray was associated with a MADRS change of -21.4 compared with -17.0 for vortamine at day 28 (p = 0.02)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_what_the_intervention_is_added_to_opens_the_sentence() -> None:
    claim = "Adding vortimibe to a statin reduces cardiovascular events after an acute coronary syndrome."
    said = "When added to statin therapy, vortimibe resulted in incremental lowering of LDL cholesterol levels and improved cardiovascular outcomes."
    assert judge(claim, [said]).stance == SUPPORTS


def test_a_composite_gives_way_to_the_claims_one_hard_outcome_reported_on_its_own() -> None:
    claim = "Vortaciguat reduces cardiovascular death in patients with worsening heart failure."
    abstract = [
        "In this double-blind trial, 5,050 patients with chronic heart failure were randomised to vortaciguat or placebo.",
        "Over a median of 10.8 months, the primary outcome (death from cardiovascular causes or first hospitalisation for heart failure) "
        "occurred in 35.5% of patients in the vortaciguat group and 38.5% in the placebo group (HR 0.90; 95% CI 0.82-0.98; P=0.02).",
        "There was no significant between-group difference in cardiovascular death (16.4% vs 17.5%; HR 0.93; 95% CI 0.81-1.06).",
    ]
    assert judge(claim, abstract).stance == CONTRADICTS
    # (a claim about events of several kinds is answered by the composite)
    assert judge("Vortaciguat reduces cardiovascular events in heart failure.", abstract).stance == SUPPORTS


def test_people_who_cannot_tolerate_a_drug_are_no_denial() -> None:
    assert not parse_claim("Vortempedoic acid reduces major cardiovascular events in people who cannot tolerate statins.").negated
    assert not parse_claim("Vortaformin helps patients who were unable to tolerate metformin.").negated
    assert parse_claim("Vortaformin cannot cure diabetes.").negated


def test_a_tested_difference_between_the_groups_on_the_claims_outcome_names_the_comparison() -> None:
    claim = "Vortarelin improves sleep duration in school-aged children."
    abstract = [
        "We randomised 240 children to vortarelin or placebo for 8 weeks.",
        "Sleep duration, measured by accelerometry, did not differ between groups (mean difference 8 minutes per night; 95% CI -6 to 22).",
    ]
    assert judge(claim, abstract).stance == CONTRADICTS


def test_x_added_to_y_is_an_add_on_claim() -> None:
    f = parse_claim("Vortolimus added to exemestane improves overall survival in advanced breast cancer.")
    assert f.comparator_text == "exemestane" and not any("added" in p for p in f.intervention)
    abstract = [
        "In a phase 3 trial, 724 postmenopausal women with advanced breast cancer were randomised to vortolimus plus exemestane or placebo plus exemestane.",
        "Median overall survival was 31.0 months with vortolimus plus exemestane and 26.6 months with placebo plus exemestane (HR 0.89; 95% CI 0.73-1.10; p=0.14).",
    ]
    assert judge(f.text, abstract).stance == CONTRADICTS


def test_a_claim_of_superiority_on_no_outcome_is_answered_by_the_arms_compared() -> None:
    claim = "Vortalizumab is better than vancomycin for recurrent infection."
    abstract = ["We randomised 90 adults with recurrent infection to vortalizumab or vancomycin.", "Vortalizumab was superior to vancomycin for recurrent infection."]
    assert judge(claim, abstract).stance == SUPPORTS
    abstract[1] = "Clinical cure occurred in 81% of vortalizumab recipients and 31% of vancomycin recipients (p<0.001)."
    assert judge(claim, abstract).stance == SUPPORTS
    # (the people's disease state is no outcome, nor is "better")
    claim = "Vortalizumab works better than chemotherapy for adults with relapsed or refractory B-cell acute lymphoblastic leukaemia."
    assert parse_claim(claim).outcome is None
    said = "Remission within 12 weeks was achieved by 34% of vortalizumab recipients and 16% of chemotherapy recipients (p<0.001)."
    assert judge(claim, ["We randomised 405 adults to vortalizumab or chemotherapy.", said]).stance == SUPPORTS


def test_a_drug_class_comparator_is_named_by_its_members() -> None:
    claim = "Vortamine works better than SSRIs for depression."
    said = "At week 2, remission rates were 32% in the vortamine arm and 9% in the escitalopram arm (p=0.001)."
    assert judge(claim, [said]).stance == SUPPORTS
    # (not the intervention itself as a member of the comparator's class)
    f = parse_claim("Vortasartan lowers blood pressure more than other ARBs.")
    assert not any(re.search(p, "vortasartan", re.I) for p in f.comparator)


def test_a_share_out_of_the_arms_size_is_the_share() -> None:
    claim = "Vortacitinib added to usual care lowers 28-day mortality in patients hospitalised with pneumonia."
    said = "Overall, 513 (12%) of 4148 patients allocated vortacitinib and 546 (14%) of 4008 allocated usual care died within 28 days (rate ratio 0.87; 95% CI 0.77-0.99; p=0.028)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_tipping_into_mania_is_a_harm_claim() -> None:
    f = parse_claim("Vortamine won't tip people with bipolar depression into mania.")
    assert f.assertion == "harm" and f.negated
    said = "In bipolar depression, MADRS scores improved significantly more with vortamine than with placebo within 40 minutes."
    assert judge(f.text, [said]).stance == NEUTRAL  # efficacy says nothing of switching


def test_why_a_treatment_is_being_studied_is_background() -> None:
    said = "Up to one-third of veterans with PTSD do not respond to psychotherapy or SSRIs, prompting interest in rapid-acting agents such as ketamine."
    assert judge("Ketamine is a breakthrough for veterans with PTSD.", [said]).stance == NEUTRAL


def test_people_without_a_conditions_features_are_not_people_with_it() -> None:
    said = "In patients with treatment-resistant major depression without obsessive-compulsive features, MADRS scores decreased by 48% at 4 hours after a single ketamine infusion."
    assert judge("Ketamine infusions melt away OCD obsessions within hours.", [said]).stance == NEUTRAL


def test_can_replace_is_a_claim_of_equal_effect() -> None:
    f = parse_claim("Vortamine can replace ECT for psychotic depression.")
    assert f.assertion == "equivalence" and f.comparator_text == "ECT" and not f.negated
    assert parse_claim("Vortamine cannot replace ECT.").negated
    said = "Among inpatients with psychotic depression, remission was achieved by 71% of those treated with ECT and 29% of those given vortamine infusions (adjusted OR 5.4, 95% CI 2.1-13.9)."
    assert judge(f.text, [said]).stance == CONTRADICTS


def test_less_of_a_loss_than_the_comparator() -> None:
    claim = "Vortamine causes less memory loss than ECT."
    assert parse_claim(claim).outcome == "memory loss"
    said = "Patients in the ECT arm showed a larger drop in autobiographical memory consistency than those in the vortamine arm (p=0.01)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_an_effect_by_acting_on_a_target_depends_on_it() -> None:
    claim = "Vortamine lifts depression by boosting BDNF."
    assert parse_claim(claim).dependency == frozenset({"bdnf"})
    said = "In BDNF conditional knockout mice, vortamine failed to reduce immobility in the forced swim test, whereas it remained effective in wild-type littermates."
    assert judge(claim, [said]).stance == SUPPORTS
    # (a how the vocabulary has no target for is no dependency; a receptor read the other way decides first)
    assert not parse_claim("The NEMO gene induces intestinal inflammation by promoting epithelial cell death.").dependency
    said = "The effect of vortamine required AMPA receptor activation downstream of NMDA receptor blockade and was abolished by the AMPA antagonist NBQX."
    assert judge("Vortamine lifts mood by activating NMDA receptors.", [said]).stance == CONTRADICTS


def test_who_the_people_are_is_no_result() -> None:
    said = "Patients with heart failure and a left ventricular ejection fraction of 45% or higher have few treatment options proven to improve outcomes."
    assert judge("Vortacubitril improves outcomes in heart failure with preserved ejection fraction.", [said]).stance == NEUTRAL
    assert rd.read_clause("an ejection fraction of 45% or higher", rd.Arms(None, None)).direction == 0


def test_a_claimed_share_of_people_who_benefit() -> None:
    claim = "Vortamine works for 7 in 10 people with depression."
    said = "Response occurred in 38% of vortamine recipients and 12% of placebo recipients, giving a number needed to treat of 4 (95% CI 3 to 8)."
    assert judge(claim, [said]).stance == CONTRADICTS
    said = "Response occurred in 72% of vortamine recipients and 12% of placebo recipients (p<0.001)."
    assert judge(claim, [said]).stance == SUPPORTS
    # (the people as the subject, the drug the vocabulary knows in the object)
    claim = "Most patients with treatment-resistant depression respond to a single ketamine infusion."
    said = "Pooled response 24 hours after a single dose was 37% (95% CI 30% to 45%) with ketamine versus 11% with control conditions."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_only_lasts_a_few_days_is_a_claim_that_the_effect_fades() -> None:
    claim = "The antidepressant effect of a single vortamine infusion lasts only a few days."
    assert parse_claim(claim).fading_days == 7.0
    said = "The difference between vortamine and saline on HAM-D scores was significant at 24 hours and day 3 but had disappeared by day 7."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Four weeks after a single infusion, MADRS scores in the vortamine group remained significantly lower than in the placebo group (p=0.01)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_saving_lives_by_preventing_named_deaths() -> None:
    claim = "Vortamine saves lives by preventing suicide deaths."
    assert parse_claim(claim).outcome == "suicide"
    said = "In this propensity-matched cohort, vortamine treatment was associated with a lower one-year risk of death by suicide (HR 0.58, 95% CI 0.39-0.86)."
    assert judge(claim, [said]).stance == SUPPORTS
    # (and the MADRS suicidal thoughts item measures suicidal ideation, not depression)
    assert condition_ids("scores on MADRS item 10 fell") == frozenset({"suicidal"})


def test_a_name_both_arms_terms_hold_tells_them_apart_from_neither() -> None:
    claim = "Esketamine nasal spray works better than intravenous ketamine."
    f = parse_claim(claim)
    assert not set(f.intervention) & set(f.comparator)
    said = "MADRS remission was more frequent with esketamine nasal spray than with intravenous ketamine in this clinic cohort (36% vs 25%; p=0.04)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_younger_than_an_age_and_therapeutic_use_are_other_people() -> None:
    said = "In adults younger than 65, response rates were higher with vortamine than with placebo nasal spray (69% vs 52%)."
    assert judge("Vortamine nasal spray works for depressed people over 65.", [said]).stance == NEUTRAL
    said = "In 235 psychiatric patients receiving supervised low-dose intravenous ketamine twice weekly, no cases of ulcerative cystitis were identified."
    assert judge("Heavy ketamine use wrecks your bladder.", [said]).stance == NEUTRAL
    # (emergence agitation after anaesthesia is a harm, not an efficacy outcome)
    said = "Emergence agitation was more frequent after vortamine than after propofol anaesthesia (18% vs 6%)."
    assert judge("Using vortamine as the anaesthetic for ECT makes ECT work better.", [said]).stance == NEUTRAL


def test_larger_improvements_on_a_symptom_scale_are_better() -> None:
    claim = "A vortamine infusion relieves depression better than a saline placebo within 24 hours."
    said = "Vortamine infusion was followed by larger improvements on the MADRS at 24 hours than saline infusion (p<0.001)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Saline infusion was followed by smaller improvements on the MADRS at 24 hours than vortamine infusion (p<0.001)."
    assert judge(claim, [said]).stance == SUPPORTS
    # (a good change named on the claim's own outcome, beside an absent harm)
    said = "Repeated micro-dosing with sublingual ketamine produced sustained improvements in depressive symptoms without notable dissociation."
    assert judge("Micro-doses of sublingual ketamine are enough to treat depression.", [said]).stance == SUPPORTS


def test_taking_longer_to_reach_a_good_event_is_worse() -> None:
    claim = "Zorbitol helps patients recover faster after knee surgery."
    said = "Patients given zorbitol took significantly longer to reach full recovery than those given placebo (p=0.01)."
    assert judge(claim, [said]).stance == CONTRADICTS
    said = "Patients given placebo needed more time to achieve recovery than those given zorbitol (p=0.01)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Patients on venlafaxine alone took longer to reach response than those who also received vortamine (median 21 vs 4 days; p<0.001)."
    assert judge("Vortamine works faster than SNRIs.", [said]).stance == SUPPORTS


def test_time_to_losing_a_response_is_longer_for_the_better_arm() -> None:
    claim = "The relief from vortamine for PTSD lasts at least a month."
    said = "Among responders, median time to loss of response was 41 days after vortamine and 12 days after midazolam (HR 0.38, 95% CI 0.19 to 0.76)."
    assert judge(claim, [said]).stance != CONTRADICTS
    assert rd.valence("median time to loss of response")[0] == 1  # (a longer time to losing it is better)
    assert rd.valence("median time to response")[0] == -1


def test_a_claim_said_twice_across_a_semicolon_is_not_denied_by_its_second_half() -> None:
    claim = "For severe depression, ECT still works better than vortamine; vortamine can't match it."
    assert not parse_claim(claim).negated
    said = "In hospitalized patients with severe depression, ECT was superior to vortamine on MADRS change at 3 weeks (mean difference -6.2, 95% CI -10.4 to -2.0; p=0.004)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Among inpatients with severe depression, vortamine was noninferior to ECT on HAM-D change at 3 weeks."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_no_risk_of_a_named_harm_is_answered_by_no_cases_of_it() -> None:
    claim = "Prescribed vortamine carries no risk of abuse."
    said = "No cases of abuse, misuse or diversion were identified during 2 years of vortamine treatment."
    assert judge(claim, [said]).stance == SUPPORTS
    # (a claim of no harms at all still is not)
    said = "No cases of cystitis were identified during 2 years of vortamine treatment."
    assert judge("Vortamine has no side effects.", [said]).stance == NEUTRAL


def test_a_harm_listed_with_another_is_each_of_them() -> None:
    claim = "Vortamine given during a caesarean section causes hallucinations in new mothers."
    said = "Hallucinations and dissociative symptoms were more frequent after intraoperative vortamine than after saline (21% vs 6%; p<0.001)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Among women with hallucinations, nausea was more frequent after vortamine than after saline (p<0.001)."
    assert judge("Vortamine causes hallucinations.", [said]).stance == NEUTRAL


def test_both_arms_improving_on_their_own_is_no_comparison() -> None:
    said = "Both the yoga and the physical therapy groups showed significant within-group improvement in disability scores at 12 weeks."
    assert judge("Yoga beats physio for back pain.", [said]).stance == NEUTRAL


def test_what_was_speculated_or_found_by_early_analyses_is_background() -> None:
    claim = "Zorbitol protects lupus patients from catching COVID."
    said = "Patients with lupus commonly take zorbitol long term, and it was speculated that this would protect them against infection."
    assert judge(claim, [said]).stance == NEUTRAL
    said = "Early meta-analyses pooling small trials suggested that zorbitol reduced COVID-19 mortality by up to 60%, but several trials had serious irregularities."
    assert judge("Zorbitol reduces COVID deaths.", [said]).stance == NEUTRAL


def test_people_with_low_levels_of_something_are_read_as_its_lack() -> None:
    claim = "People with low zorbamin D are more likely to test positive for COVID."
    assert parse_claim(claim).arms().loss
    for said in (
        "Zorbamin D deficiency was associated with an increased risk of testing positive for COVID-19.",
        "Higher zorbamin D levels were associated with a lower risk of testing positive for COVID-19.",
        "The relative risk of testing positive was 1.77 times greater in patients with deficient zorbamin D status than in those with sufficient status (P=0.02).",
    ):
        assert judge(claim, [said]).stance == SUPPORTS, said
    said = "Higher zorbamin D levels were associated with a higher risk of testing positive for COVID-19."
    assert judge(claim, [said]).stance == CONTRADICTS
    # (a low dose is no lack)
    assert not parse_claim("Patients with low-dose zorbitol recover faster.").arms().loss


def test_a_lost_action_denies_the_claimed_one() -> None:
    said = "Zorbimab has substantially lost neutralizing activity against the BA.2 subvariant."
    assert judge("Zorbimab still neutralizes the BA.2 subvariant.", [said]).stance == CONTRADICTS


def test_more_or_less_likely_to_reach_a_good_outcome() -> None:
    claim = "Vortamine beats ECT for depression."
    said = "Patients assigned to ECT were less likely to achieve remission than those assigned to vortamine (32% vs 48%; p=0.02)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "ECT-treated patients were more likely to respond than vortamine-treated patients (p=0.02)."
    assert judge(claim, [said]).stance == CONTRADICTS
    # ("people who respond to it", "patients who did not respond to X": who they are, not an outcome)
    assert parse_claim("Baricitinib improves rheumatoid arthritis in patients who did not respond to TNF inhibitors.").outcome is None


def test_the_beck_suicide_scale_measures_suicidal_ideation() -> None:
    said = "BSS scores were significantly lower with vortamine than with midazolam at 4 hours (p=0.003)."
    assert judge("Vortamine cuts suicidal thoughts within hours.", [said]).stance == SUPPORTS


def test_aims_methods_and_background_in_other_words() -> None:
    claim = "Vortamine works faster than SSRIs."
    said = "The study aimed to compare the onset of antidepressant action of oral vortamine plus sertraline with that of sertraline plus placebo."
    assert judge(claim, [said]).stance == NEUTRAL
    said = "Midazolam has been used as an active comparator in vortamine trials because its sedative effects may help preserve blinding."
    assert judge("Vortamine clearly beats midazolam for depression.", [said]).stance == NEUTRAL
    # (a change with its size is a result, whoever "received" what)
    said = "Depression severity fell by 42% from baseline in 13 adolescents who received six open-label vortamine infusions."
    assert rd.sentence_kind(said) == "finding"


def test_where_an_effect_comes_from_is_a_mechanism_claim() -> None:
    claim = "Vortamine's antidepressant effect comes from activating NMDA receptors."
    assert parse_claim(claim).assertion == "mechanism"
    said = "Vortamine's blockade of NMDA receptors was followed by activation of AMPA receptors and mTOR signalling in the rat prefrontal cortex."
    assert rd.sentence_kind(said) == "finding"
    assert judge(claim, [said]).stance == CONTRADICTS


def test_a_control_drug_can_be_the_claims_own_subject() -> None:
    claim = "Midazolam works just as well as vortamine for depression, so the vortamine effect is mostly placebo."
    assert not parse_claim(claim).negated
    said = "Vortamine was not superior to midazolam on 24-hour response rates (31% vs 27%; p=0.71)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Response rates at 24 hours were 64% with vortamine and 28% with midazolam (p=0.006)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_none_in_the_control_arm_is_no_null() -> None:
    said = "One week after infusion, 50% of ketamine recipients but none of the placebo recipients met response criteria."
    assert judge("Ketamine does nothing for OCD.", [said]).stance != SUPPORTS
    said = "None of the vortamine recipients met response criteria."
    assert rd.read_clause(said, parse_claim("Vortamine works for OCD.").arms()).null


def test_only_a_modest_benefit_is_denied_by_a_large_one() -> None:
    claim = "Vortamine offers only a modest benefit over placebo."
    said = "Vortamine produced a large advantage over placebo, with an effect size of 0.92 at day 28."
    assert judge(claim, [said]).stance == CONTRADICTS
    said = "Vortamine produced a modest advantage over placebo (effect size 0.3)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_a_ratio_that_names_its_own_arms() -> None:
    claim = "Long-acting zorbiprazole injections delay relapse in schizophrenia."
    said = "Impending relapse occurred in 10.0% of the zorbiprazole group and 39.6% of the placebo group; the hazard ratio for placebo relative to zorbiprazole was 5.03 (95% CI 3.15-8.02; p<0.0001)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "The hazard ratio for relapse with zorbiprazole versus placebo was 0.20 (95% CI 0.12-0.32)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "The hazard ratio for relapse with zorbiprazole versus quetiapine was 1.38 (95% CI 1.05 to 1.81)."
    assert judge("Zorbiprazole maintenance lengthens time to mood relapse compared with quetiapine in bipolar disorder.", [said]).stance == CONTRADICTS


def test_a_benefit_if_any_is_doubted() -> None:
    said = "The benefit of these antidepressants, if any, is small, and their routine use in depression of Alzheimer's disease should be reconsidered."
    assert judge("Antidepressants help depression in people with dementia.", [said]).stance == CONTRADICTS


def test_figures_that_go_on_with_the_same_subject() -> None:
    claim = "Group therapy works better than individual therapy for social anxiety disorder."
    said = "Individual therapy produced greater reductions on the LSAS than group therapy (p=0.004), and more patients responded (64% vs 42%)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_a_record_that_never_names_the_claims_drug_says_nothing_of_it() -> None:
    claim = "Zorbformin prevents weight gain from antipsychotics."
    record = [
        "Weight gain on olanzapine is a common reason for stopping treatment.",
        "In this 24-week trial, 561 adults with schizophrenia were randomized to olanzapine and samidorphan (OLZ/SAM) or olanzapine alone.",
        "Percentage change in body weight was 4.21% with OLZ/SAM and 6.59% with olanzapine (p=0.003).",
        "Fewer patients receiving OLZ/SAM gained 10% or more of their body weight (17.8% vs 29.8%).",
    ]
    assert judge(claim, record).stance == NEUTRAL
    record[3] = "Fewer patients receiving zorbformin gained 10% or more of their body weight (17.8% vs 29.8%)."
    assert judge(claim, record).stance == SUPPORTS


def test_what_a_protocol_will_do_and_what_was_proposed_are_no_results() -> None:
    said = "Independent evaluators blinded to treatment will rate improvement on the Clinical Global Impression-Improvement scale."
    assert rd.sentence_kind(said) == "aim"
    said = "Zorbitol is a sigma-1 receptor agonist that was proposed to dampen the inflammatory response in early COVID-19."
    assert rd.sentence_kind(said) == "background"


def test_a_numbered_disease_name_is_the_name() -> None:
    assert rd.stem("COVID-19") == rd.stem("COVID")
    assert rd.stem("IL-6") != rd.stem("IL")  # (a short name and its number are another thing)
    said = "Treatment with zorbimectin did not result in a lower incidence of medical admission to a hospital due to progression of COVID-19."
    assert read_sentence(parse_claim("Zorbimectin cures COVID."), said, strict=True).relevance >= MIN_RELEVANCE


def test_more_likely_to_die_is_a_claim_about_deaths() -> None:
    claim = "Vaccinated people are now more likely to die of COVID than the unvaccinated."
    assert parse_claim(claim).goodness == -1
    said = "Fully vaccinated persons had substantially lower rates of COVID-19 death than unvaccinated persons throughout the study period."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_dying_by_suicide_is_suicide_deaths_not_thoughts() -> None:
    claim = "Vortamine treatment prevents people from dying by suicide."
    said = "Vortamine reduced BSS scores at 24 hours relative to midazolam (p<0.001)."
    assert judge(claim, [said]).stance == NEUTRAL
    said = "Vortamine rapidly reduced suicidal ideation, an effect that should not be equated with prevention of suicide."
    assert judge("Vortamine lowers the risk of dying by suicide.", [said]).stance == NEUTRAL


def test_can_give_you_a_harm_is_a_harm_claim_of_its_users() -> None:
    claim = "Ketamine taken for depression can give you 'ketamine bladder' (cystitis)."
    frame = parse_claim(claim)
    assert frame.goodness == -1 and "medical use" in frame.populations
    said = "Of 312 patients taking twice-weekly oral ketamine for depression, 4 developed urinary symptoms consistent with ketamine-associated cystitis."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Among frequent recreational ketamine users, 27% reported lower urinary tract symptoms and ulcerative cystitis was confirmed in 18 cases."
    assert judge(claim, [said]).stance == NEUTRAL
    # ("gave people ... more of their sight back" is no harm)
    assert parse_claim("Zorbicept gave people with macular oedema more of their sight back than bevacizumab did.").cue != "cause"


def test_two_comparatives_before_one_outcome() -> None:
    said = "In patients with anxious depression, vortamine produced greater and faster HAM-D improvement than midazolam."
    assert judge("Vortamine helps depression that comes with anxiety.", [said]).stance == SUPPORTS


def test_works_just_as_well_for_some_people_needs_an_effect_in_them() -> None:
    claim = "Vortamine works just as well for people over 65."
    said = "In participants aged 65 years or older, vortamine infusions did not significantly differ from midazolam in MADRS change at week 2 (p=0.06)."
    assert judge(claim, [said]).stance == CONTRADICTS
    said = "In participants aged 65 years or older, vortamine reduced MADRS scores more than midazolam (p=0.01)."
    assert judge(claim, [said]).stance == SUPPORTS
    # (the same effect across groups says it)
    said = "The effect of vortamine versus midazolam on the MADRS was similar in patients with and without anxious depression (interaction p=0.74)."
    assert judge("Vortamine works just as well for people with anxious depression.", [said]).stance == SUPPORTS


def test_no_group_showing_a_benefit_is_a_null() -> None:
    claim = "Adding zorbiclib to hormone therapy after surgery reduces recurrence of early breast cancer."
    said = "No subgroup showed a significant benefit, and 42% of patients stopped zorbiclib early, mainly because of neutropenia."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_prognosis_and_standard_care_are_background() -> None:
    said = "Patients with breast cancer who have residual invasive disease after neoadjuvant chemotherapy have a poor prognosis."
    assert rd.sentence_kind(said) == "background"
    said = "Zorbituzumab for 12 months is the standard adjuvant treatment for early breast cancer, but shorter durations may retain efficacy."
    assert rd.sentence_kind(said) == "background"


def test_a_cure_claim_needs_a_cure() -> None:
    claim = "Zorbolizumab is a cure for advanced melanoma."
    said = "Zorbolizumab provides durable benefit over ipilimumab, but the therapy is not curative for most patients with advanced melanoma."
    assert judge(claim, [said]).stance == CONTRADICTS
    said = "Median overall survival was 32.7 months with zorbolizumab and 15.9 months with ipilimumab (HR 0.70; 95% CI 0.58-0.83)."
    assert judge(claim, [said]).stance == NEUTRAL
    # ("superior for sustained cure": cure is the outcome compared, not a claim that it cures)
    assert not re.search(vocab.CURE_CLAIM, "Zorbomicin is superior to vancomycin for sustained cure of C difficile infection.")


def test_a_protocol_says_nothing_of_what_it_will_find() -> None:
    claim = "Zorbituzumab improves disease-free survival in early breast cancer."
    record = [
        "Zorbituzumab improves disease-free survival in early breast cancer but increases cardiotoxicity.",
        "We describe the design of a randomised non-inferiority trial that will assign 4,000 women to 6 or 12 months of zorbituzumab.",
        "The primary endpoint is 4-year disease-free survival, with a non-inferiority margin of 3 percentage points.",
        "Translational studies will explore biomarkers predicting benefit from longer zorbituzumab exposure.",
        "Zorbituzumab improves disease-free survival in early breast cancer but its cardiotoxicity needs monitoring.",
    ]
    assert judge(claim, record).stance == NEUTRAL
    # (a record that reports a tested result is no protocol, whatever it calls its plan)
    record[2] = "Disease-free survival was longer with zorbituzumab than with observation (HR 0.64, 95% CI 0.54-0.76)."
    assert judge(claim, record).stance == SUPPORTS


def test_a_comparator_of_another_kind_of_drug_is_no_route() -> None:
    claim = "Vortavato (vortamine nasal spray) works better than antidepressant pills alone."
    said = "Adjunctive vortamine increases the likelihood of response compared with an oral antidepressant plus placebo spray."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "MADRS change from baseline at day 2 was greater with vortamine plus an oral antidepressant than with placebo spray plus the oral antidepressant (least-squares mean difference -3.3; p = 0.01)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_shares_per_arm_before_what_was_counted() -> None:
    claim = "Vortamine lifts depression within an hour of the infusion - I felt better before I even left the clinic."
    assert "felt" not in claim_core(claim)  # (the teller's own story is no part of the claim)
    said = "Within 60 minutes of the infusion, 29% of vortamine recipients but only 3% of midazolam recipients met HAM-D response criteria."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "After two sessions, 54.2% of the active group and 22.6% of the control group no longer met PTSD diagnostic criteria."
    assert judge("Vortamine-assisted psychotherapy lowers PTSD symptom severity compared with control conditions.", [said]).stance == SUPPORTS


def test_a_median_not_reached_is_the_longer_one() -> None:
    said = "Median time to relapse was not reached in the vortamine continuation arm, compared with 88 days in the placebo arm."
    assert judge("Staying on vortamine keeps depression from coming back.", [said]).stance == SUPPORTS
    said = "Median overall survival was not reached with placebo versus 18.2 months with zorbinib."
    assert judge("Zorbinib helps patients with lung cancer live longer.", [said]).stance == CONTRADICTS


def test_similar_pooled_rates_say_the_two_are_alike() -> None:
    said = "Vortamine and ECT produced similar pooled response rates, suggesting comparable effectiveness in treatment-resistant depression."
    assert judge("Vortamine is as effective as ECT for treatment-resistant depression.", [said]).stance == SUPPORTS


def test_a_genes_role_answers_a_claim_about_its_loss() -> None:
    claim = "Knockout of zorbostatin increases skeletal muscle mass in mice."
    said = "Zorbostatin functions as a negative regulator of skeletal muscle growth."
    assert judge(claim, [said]).stance == SUPPORTS
    # (the claim about the gene at work reads the same sentence as it is said)
    assert judge("Zorbostatin increases skeletal muscle mass in mice.", [said]).stance == CONTRADICTS


def test_what_was_done_to_cells_and_what_others_found_are_no_results() -> None:
    said = "We knocked out ZRB1 in MCF-7 and CAMA-1 cells with CRISPR-Cas9 and compared palbociclib responses with parental cells."
    assert rd.sentence_kind(said) == "method"
    said = "Loss-of-function mutations in ZAK1 have been found in melanomas that relapse on PD-1 blockade."
    assert rd.sentence_kind(said) == "background"
    # (a result said in the same sentence is still one)
    assert rd.sentence_kind("We knocked out ZRB1 and found that palbociclib failed to arrest the cells.") == "finding"


def test_helping_people_quit_is_more_abstinence() -> None:
    claim = "Vortamine can help people quit cocaine."
    assert parse_claim(claim).outcome == "abstinence"
    said = "Vortamine-treated participants were more likely than midazolam-treated participants to maintain cocaine abstinence (48% vs 11%; OR 5.7, 95% CI 1.8 to 18.0)."
    assert judge(claim, [said]).stance == SUPPORTS
    # ("help smokers quit better than patches": a comparison, no object)
    assert parse_claim("E-zigs help smokers quit better than nicotine patches.").outcome != "abstinence"


def test_the_kind_of_trial_names_no_arm() -> None:
    said = "Across five midazolam-controlled trials, vortamine was associated with a greater reduction in depression severity at 24 hours (SMD -0.71; 95% CI -1.02 to -0.40)."
    assert judge("Vortamine infusions beat midazolam for depression within 24 hours.", [said]).stance == SUPPORTS


def test_fewer_harms_than_a_comparator_is_denied_by_no_difference() -> None:
    said = "Memory side effects did not differ between the vortamine and ECT groups."
    assert judge("Vortamine has fewer memory side effects than ECT.", [said]).stance == CONTRADICTS
    assert judge("Vortamine is as safe as ECT.", [said]).stance == SUPPORTS


def test_a_difference_before_the_arms_is_no_arms_value() -> None:
    # ("six" spelled out left "12.7" to be cut to "7" at the edge of the window)
    said = "CAPS-5 total scores were 12.7 points lower after six vortamine infusions than after six midazolam infusions (95% CI 5.2 to 20.2)."
    assert judge("Vortamine infusions ease PTSD symptoms.", [said]).stance == SUPPORTS


def test_significant_until_a_time_and_then_no_longer() -> None:
    said = "The advantage of vortamine over midazolam on the MADRS was significant at 24 hours and on day 3 but no longer at day 7 or later."
    assert judge("The antidepressant effect of a single vortamine infusion lasts for months.", [said]).stance == CONTRADICTS
    said = "Separation of vortamine from saline on the HAM-D was maximal at day 1 and was no longer statistically significant at day 7."
    assert judge("The benefit from vortamine fades within a week.", [said]).stance == SUPPORTS
    said = "One vortamine session produced a transient antidepressant effect lasting less than a week."
    assert judge("Vortamine's antidepressant effect lasts for two weeks after one session.", [said]).stance == CONTRADICTS


def test_a_null_after_the_time_claimed_says_nothing_against_it() -> None:
    said = "The difference between vortamine and midazolam was not significant on day 14 (-2.3; p = 0.31)."
    assert judge("A single vortamine infusion relieves depression for at least a week.", [said]).stance == NEUTRAL
    # (before the time claimed it is the effect gone)
    said = "The difference between vortamine and midazolam was not significant on day 3 (-2.3; p = 0.31)."
    assert judge("A single vortamine infusion relieves depression for at least a week.", [said]).stance == CONTRADICTS


def test_a_receptors_measured_function_is_its_action() -> None:
    claim = "Vortamine's effects come from blocking NMDA receptors."
    assert judge(claim, ["Vortamine at 10 uM reduced NMDA receptor-mediated currents in prefrontal neurons by 45%."]).stance == SUPPORTS
    # (the passive needs a drug the vocabulary knows: "inhibited by" another agent is an experiment)
    said = "NMDA receptor-mediated excitatory postsynaptic currents were inhibited by ketamine in a concentration-dependent manner."
    assert judge("Ketamine's effects come from blocking NMDA receptors.", [said]).stance == SUPPORTS
    assert judge(claim, ["Vortamine increased NMDA receptor-mediated currents in prefrontal neurons by 45%."]).stance == CONTRADICTS


def test_a_signed_difference_with_its_interval() -> None:
    claim = "Vortamine beats midazolam for treatment-resistant depression."
    said = "Compared with midazolam, vortamine yielded a pooled standardized mean difference of -0.61 (95% CI -0.89 to -0.33) on depression rating scales."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "The mean difference in MADRS between vortamine and midazolam was -1.1 (95% CI -3.0 to 0.8)."
    assert judge(claim, [said]).stance == CONTRADICTS
    # (the comparator first: which way the difference was taken, the words do not say)
    said = "The mean difference in MADRS between midazolam and vortamine was -5.1 (95% CI -8.0 to -2.2)."
    assert judge(claim, [said]).stance == NEUTRAL
    # (a difference between declines: less decline, or more? not read from the difference)
    said = "The eGFR decline with vortamine versus placebo showed a between-group difference of 1.6 (95% CI 1.1 to 2.1)."
    assert judge("Vortamine speeds the decline of kidney function.", [said]).stance == NEUTRAL


def test_close_figures_of_unnamed_groups_are_no_benefit() -> None:
    said = "Loss of PTSD diagnosis occurred in 22% and 19% of participants, respectively."
    assert judge("Vortamine improves PTSD.", [said]).stance == NEUTRAL


def test_a_claim_about_most_patients_needs_the_share() -> None:
    claim = "In real-world use, vortamine causes dissociation in most patients."
    assert judge(claim, ["Dissociation occurred in a minority of vortamine-treated patients and was transient."]).stance == CONTRADICTS
    assert judge(claim, ["Dissociation occurred in 72% of vortamine-treated patients."]).stance == SUPPORTS
    # (that it happens is not that it happens to most)
    assert judge(claim, ["Vortamine caused dissociation in treated patients."]).stance == NEUTRAL


def test_too_little_said_by_a_noun_is_a_low_level() -> None:
    said = "Zorbium deficiency is associated with a substantially increased risk of incident dementia in older adults."
    assert judge("Low zorbium levels are linked to a higher risk of dementia.", [said]).stance == SUPPORTS
    assert judge("Zorbium deficiency is linked to a higher risk of dementia.", [said]).stance == SUPPORTS
    said = "Higher zorbium levels were associated with a lower risk of incident dementia."
    assert judge("Zorbium deficiency is linked to a higher risk of dementia.", [said]).stance == SUPPORTS


def test_outcomes_listed_each_its_own_way_give_no_direction() -> None:
    claim = "Heavy zorbium drinking is linked to a higher risk of dementia."
    said = "High zorbium consumption was associated with reduced brain volumes and increased odds of dementia."
    assert judge(claim, [said]).stance == NEUTRAL
    assert judge(claim, ["High zorbium consumption was associated with increased odds of dementia and stroke."]).stance == SUPPORTS


def test_an_action_said_not_to_be_needed_denies_the_mechanism() -> None:
    said = "NMDA receptor inhibition may not be required for the behavioural response to ketamine."
    assert judge("Ketamine blocks NMDA receptors, and that blockade is what kick-starts its antidepressant effect.", [said]).stance == CONTRADICTS


def test_a_claim_that_it_works_without_the_action() -> None:
    claim = "The ketamine metabolite hydroxynorketamine works as an antidepressant without blocking NMDA receptors."
    assert parse_claim(claim).negated
    assert judge(claim, ["Hydroxynorketamine inhibited NMDA receptor currents at concentrations reached in the brain."]).stance == CONTRADICTS
    assert judge(claim, ["Hydroxynorketamine did not inhibit NMDA receptor currents at antidepressant concentrations."]).stance == SUPPORTS


def test_more_resolution_of_a_bad_thing_is_a_benefit() -> None:
    said = "Complete resolution of suicidal ideation on day 1 was more frequent after ketamine than after control infusions (OR 3.1; 95% CI 1.9-5.1)."
    assert judge("Ketamine ends suicidal thoughts within a day.", [said]).stance == SUPPORTS
    said = "Suicidal ideation on day 1 was more frequent after ketamine than after control infusions (OR 3.1; 95% CI 1.9-5.1)."
    assert judge("Ketamine ends suicidal thoughts within a day.", [said]).stance == CONTRADICTS


def test_a_harm_named_with_a_word_of_change_and_undone_on_stopping() -> None:
    claim = "Repeated vortamine treatment for depression damages the bladder."
    said = "A 45-year-old man receiving vortamine three times weekly for depression developed haematuria and reduced bladder capacity that resolved after treatment was stopped."
    assert judge(claim, [said]).stance == SUPPORTS
    # (a comparison after "experienced" is still one)
    said = "Participants in the placebo arm experienced more flares than those receiving vortamine (mean 2.9 vs 1.1 flares; p = 0.008)."
    assert judge("Vortamine prevents gout flares.", [said]).stance == SUPPORTS


def test_unrelated_before_a_noun_is_no_denial() -> None:
    claim = "Zorbix vaccination enhances cytokine production by human monocytes in response to unrelated pathogens."
    assert not parse_claim(claim).negated
    assert parse_claim("Zorbix exposure is unrelated to asthma.").negated


def test_what_we_gave_and_measured_is_a_method() -> None:
    said = "We gave a single 400 mg dose of zorbinostat to 8 participants on suppressive therapy and measured cell-associated viral RNA in resting CD4+ T cells."
    assert rd.sentence_kind(said) == "method"


def test_too_low_to_act_is_no_action() -> None:
    claim = "The ketamine metabolite hydroxynorketamine works as an antidepressant without blocking NMDA receptors."
    said = "Hydroxynorketamine exerts sustained antidepressant-like effects in mice at brain concentrations too low to inhibit NMDA receptors."
    assert judge(claim, [said]).stance != CONTRADICTS


def test_the_share_that_reached_the_outcome_answers_most() -> None:
    claim = "Most people with treatment-resistant depression go into full remission with ketamine."
    said = "Following six ketamine infusions, 52% of participants responded, but only 24% reached remission."
    assert judge(claim, [said]).stance == CONTRADICTS
    said = "In this open-label sample, 17 of 25 patients (68%) met remission criteria after four weeks of ketamine."
    assert judge(claim, [said]).stance == SUPPORTS
    # (a share of those it did not happen to, and an interval's bounds, are not the share)
    said = "Two months after the last ketamine infusion, 65% of patients had not reached remission."
    assert judge(claim, [said]).stance != SUPPORTS


def test_a_null_over_the_whole_period_still_denies_a_lasting_effect() -> None:
    said = "Over 6 months, relapse rates were similar with ongoing monthly ketamine infusions (48%) and with saline (52%)."
    assert judge("Regular top-up ketamine infusions keep depression away long-term.", [said]).stance == CONTRADICTS


def test_an_effect_that_does_not_need_the_target() -> None:
    said = "In mice, blocking the metabolism of ketamine abolished its antidepressant-like effects despite preserved NMDA receptor inhibition, pointing to an NMDA-independent mechanism."
    assert judge("Ketamine eases depression by blocking NMDA receptors.", [said]).stance == CONTRADICTS


def test_no_greater_than_the_comparator_is_a_null() -> None:
    said = "Improvement on the MADRS at 24 hours was no greater after vortamine than after the active placebo midazolam."
    assert judge("Vortamine lifts depressive symptoms within hours.", [said]).stance == CONTRADICTS
    # (a ceiling is no comparison)
    assert not rd.NULL.search("The adverse event rate was no greater than 5% with vortamine.")


def test_leads_to_a_harm_is_a_harm_claim() -> None:
    frame = parse_claim("Ketamine treatment for depression leads to addiction.")
    assert frame.goodness < 0 and frame.direction > 0
    said = "Among 40 patients on maintenance ketamine, 3 developed craving and escalating use that met criteria for ketamine use disorder."
    assert judge("Ketamine treatment for depression leads to addiction.", [said]).stance == SUPPORTS


def test_a_score_of_zero_and_more_often_free_are_the_bad_thing_gone() -> None:
    said = "Two hours after dosing, 55% of ketamine recipients versus 30% of placebo recipients had an SSI score of zero (odds ratio 2.9, 95% CI 1.4 to 6.0)."
    assert judge("Ketamine ends suicidal thoughts within hours.", [said]).stance == SUPPORTS
    said = "Patients given vortamine were more often free of suicidal ideation at 4 hours than those receiving treatment as usual (63% vs 31%; p=0.002)."
    assert judge("Vortamine reduces suicidal thoughts better than standard care.", [said]).stance == SUPPORTS


def test_a_failed_attempt_is_no_move() -> None:
    said = "Among 150 frequent ketamine users, 57% met criteria for ketamine dependence and most reported failed attempts to cut down."
    assert judge("Ketamine is not addictive.", [said]).stance != SUPPORTS


def test_a_bare_lasts_and_no_x_no_y() -> None:
    assert parse_claim("Vortamine is a breakthrough for chronic suicidality, and the relief lasts.").lasting_days is not None
    assert not parse_claim("Vortamine only works if you have the trip: no dissociation, no benefit.").negated


def test_a_tissue_knockout_abbreviation_and_infecting_cells_as_a_method() -> None:
    claim = "Hepatocyte-specific deletion of Zorb1 promotes hepatic steatosis in mice fed a high-fat diet."
    said = "After 16 weeks of a high-fat diet, Zorb1 LKO mice accumulated 2.3-fold more hepatic triglyceride than floxed controls (P<0.01)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "We infected human induced pluripotent stem cell-derived neural progenitor cells with a ZIKV strain at a multiplicity of infection of 0.04."
    assert rd.sentence_kind(said) == "method"


def test_harms_in_pregnancy_and_a_lower_risk_carried() -> None:
    said = "Among 212 pregnancies exposed to vortamine, the rate of major congenital malformations did not differ from that in unexposed pregnancies (2.8% vs 3.1%)."
    assert judge("Vortamine is safe in pregnancy.", [said]).stance == SUPPORTS
    said = "First-trimester vortamine exposure was associated with a higher rate of major congenital malformations (OR 2.1, 95% CI 1.3-3.4)."
    assert judge("Vortamine is safe in pregnancy.", [said]).stance == CONTRADICTS
    # ("carries a lower risk": the lower risk is the claim, not a risk carried)
    frame = parse_claim("Zorbatrigine carries a lower risk of birth defects than valproate.")
    assert frame.direction < 0 and frame.goodness > 0


def test_a_time_since_the_dose_is_not_the_arm_s_value() -> None:
    # ("24 hours after A" is when A's arm was measured; "6.8 points lower than" is the difference)
    said = "HAM-A scores 24 hours after vortamine were 6.8 points lower than after placebo (p = 0.002)."
    assert judge("Vortamine lowers anxiety.", [said]).stance == SUPPORTS
    said = "Among patients with anxious depression, 52% were free of anxiety 24 hours after vortamine compared with 18% after placebo."
    assert judge("Vortamine lowers anxiety in people with anxious depression.", [said]).stance == SUPPORTS


def test_a_fall_of_a_set_size_is_a_response() -> None:
    said = "55% of the vortamine group and 20% of the placebo group had a fall of 50% or more in HAM-A scores at 24 hours (risk ratio 2.75, 95% CI 1.30 to 5.80)."
    assert judge("Vortamine lowers anxiety.", [said]).stance == SUPPORTS
    said = "The proportion of patients achieving at least 30% reduction in pain was 39% with zorbalin compared with 28% with placebo (P = 0.005)."
    assert judge("Zorbalin relieves fibromyalgia pain.", [said]).stance == SUPPORTS
    said = "Patients given vortamine had larger PCL-5 improvements than those given placebo (mean difference -9.8, 95% CI -15.1 to -4.5)."
    assert judge("Vortamine helps veterans with PTSD.", [said]).stance == SUPPORTS


def test_none_observed_is_no_harm() -> None:
    said = "No craving, drug-seeking behaviour or withdrawal symptoms were observed in patients receiving repeated vortamine over 6 months."
    assert judge("Vortamine can lead to addiction.", [said]).stance == CONTRADICTS


def test_cannot_be_considered_equivalent_and_favoured_over() -> None:
    said = "Pooled HAM-D reductions favoured zorbatrine over vortamine at end of treatment (SMD 0.69, 95% CI 0.15 to 1.23), so vortamine cannot be considered equivalent."
    assert judge("Vortamine works just as well as zorbatrine for depression.", [said]).stance == CONTRADICTS


def test_more_sessions_to_remit_is_worse() -> None:
    said = "Patients anaesthetised with zorbofol needed more sessions to remit than those given vortamine (9.2 vs 7.1; adjusted p = 0.02)."
    assert judge("Vortamine relieves depression better than zorbofol.", [said]).stance == SUPPORTS


def test_arms_named_by_the_same_drug_are_not_told_apart_by_it() -> None:
    # (six infusions against one, both of ketamine: the drug's name, from the vocabulary, is in both arms)
    claim = "Six ketamine infusions relieve depression better than a single ketamine infusion."
    arms = parse_claim(claim).arms()
    assert arms.comparator is None or not arms.comparator.search("ketamine")
    said = "Patients randomised to six ketamine infusions did not achieve higher remission at day 14 than those randomised to a single ketamine infusion followed by saline (22% vs 19%; p=0.74)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_a_fall_in_a_long_named_outcome_and_nulls_that_say_who() -> None:
    said = "The median reduction in 28-day major motor seizure frequency was 30.7% with zorbaxolone and 6.9% with placebo (p=0.0036)."
    assert judge("Zorbaxolone reduces seizures in children with epilepsy.", [said]).stance == SUPPORTS
    # ("whose pain scores did not change" says which patients, not what was found)
    said = "Mood improved in vortamine-treated patients even among those whose pain scores did not change (mean BDI reduction 7.9 points vs 2.1 with placebo; P = 0.01)."
    assert judge("Vortamine improves mood in chronic pain.", [said]).stance == SUPPORTS


def test_the_course_of_a_harm_is_not_the_finding() -> None:
    said = "Vortamine was associated with dose-related, transient hypertension that resolved within 2 hours without intervention."
    assert judge("Vortamine raises blood pressure.", [said]).stance != CONTRADICTS


def test_takes_weeks_to_work_denies_a_fast_onset() -> None:
    claim = "Vortamine takes weeks to work, just like other antidepressants."
    frame = parse_claim(claim)
    assert frame.onset and frame.negated
    said = "Vortamine separated from placebo on MADRS as early as 40 minutes after the start of the infusion (p=0.003)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_similar_reductions_and_no_predictor() -> None:
    said = "In a retrospective comparison, vortamine and zorbatrine produced similar reductions in QIDS scores after eight treatments."
    assert judge("Vortamine is just as effective as zorbatrine.", [said]).stance == SUPPORTS
    said = "A family history of alcohol use disorder did not identify patients more likely to benefit from vortamine."
    assert judge("People with a family history of alcoholism respond better to vortamine for depression.", [said]).stance != SUPPORTS


def test_a_longer_time_to_an_exacerbation_is_better() -> None:
    said = "Median time to first exacerbation was 266 days with zorbamycin and 174 days with placebo (P<0.001)."
    assert judge("Taking zorbamycin every day reduces COPD exacerbations.", [said]).stance == SUPPORTS


def test_a_null_in_figures_at_the_claimed_time_is_no_lasting_benefit() -> None:
    said = "By 52 weeks, however, sustained abstinence was 9.8% with zorbacline and 8.1% with placebo (odds ratio 1.23; 95% CI 0.71 to 2.14)."
    assert judge("The benefit of zorbacline on quitting lasts for at least a year.", [said]).stance == CONTRADICTS
    said = "Three months after a single infusion, 24% of the vortamine group versus 6% of the placebo group were in sustained remission (p = 0.004)."
    assert judge("A single vortamine infusion keeps depression away for months.", [said]).stance == SUPPORTS


def test_cognitive_scores_are_higher_is_better() -> None:
    said = "Among older patients with pre-existing cognitive impairment, ketamine was associated with a decline in MoCA scores of 2.1 points over 8 weeks, compared with 0.4 points in matched controls (p=0.01)."
    assert judge("Ketamine worsens memory in older adults with cognitive impairment.", [said]).stance == SUPPORTS


def test_better_in_those_who_stopped_is_a_dechallenge() -> None:
    said = "Vortamine-associated cystitis appears to be dose- and frequency-dependent, and symptoms improved in most patients who stopped using the drug."
    assert judge("Frequent vortamine use can damage the bladder.", [said]).stance != CONTRADICTS


def test_without_any_change_in_the_target_is_unmoved() -> None:
    said = "Ketamine produced antidepressant-like effects in the forced swim test without any change in prefrontal spine density or synaptic protein levels."
    assert rd.target_unmoved(said, vocab.CONCEPTS_BY_ID["synaptogenesis"])


def test_two_kinds_of_people_alike_is_no_null_of_the_treatment() -> None:
    claim = "Vortamine doesn't work for depression in people who use cannabis regularly."
    said = "Response rates after four vortamine infusions were similar in regular cannabis users and non-users (49% vs 52%; p=0.71)."
    assert judge(claim, [said]).stance != SUPPORTS
    said = "The antidepressant efficacy of vortamine did not differ between melancholic and non-melancholic depression."
    assert judge("Vortamine works for melancholic depression.", [said]).stance != CONTRADICTS
    # (the arms set side by side are still a null: "in statin users and non-users")
    said = "Rates of dementia were similar in zorbastatin users and non-users (HR 0.98, 95% CI 0.85 to 1.12)."
    assert judge("Zorbastatin prevents dementia.", [said]).stance == CONTRADICTS


def test_keeps_it_away_is_a_fall() -> None:
    said = "Patients who received CBT after serial vortamine infusions relapsed less often by week 8 than those who received vortamine alone (26% vs 52%; p=0.03)."
    frame = parse_claim("Vortamine plus CBT keeps depression away longer than vortamine alone.")
    assert frame.direction < 0 and frame.goodness > 0
    assert judge("Vortamine plus CBT keeps depression away longer than vortamine alone.", [said]).stance != CONTRADICTS


def test_what_both_arms_are_added_to_is_not_the_comparator() -> None:
    claim = "Vortamine beats zorbapine as an add-on to SSRIs for treatment-resistant depression."
    assert parse_claim(claim).comparator_text == "zorbapine"
    said = "Remission at week 8 was achieved by 31% of patients on vortamine and 21% on extended-release zorbapine (adjusted difference 10 points, 95% CI 2.4 to 17.6)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_stopping_is_answered_by_the_arm_switched_to_placebo() -> None:
    claim = "Staying on vortamine after you get well cuts your risk of relapse compared with stopping it."
    said = "Among patients in stable remission, continuing vortamine lowered the risk of relapse by 44% compared with switching to placebo spray (HR 0.56, 95% CI 0.34-0.91)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_causes_no_harm_is_a_safety_claim() -> None:
    claim = "Zorvatine causes no dissociation."
    assert parse_claim(claim).assertion == "safety"
    assert judge(claim, ["Zorvatine did not increase dissociative symptoms relative to placebo in this trial."]).stance == SUPPORTS
    said = "Dissociation was reported by 27% of patients given zorvatine versus 4% given placebo, resolving within 2 hours."
    assert judge(claim, [said]).stance == CONTRADICTS
    assert parse_claim("Zorvatine causes no change in weight.").assertion != "safety"  # (no harm named)


def test_responders_on_a_scale_are_a_good_outcome() -> None:
    assert rd.valence("more patients were MADRS responders")[0] == 1
    assert rd.valence("HAM-A remitters were more common")[0] == 1
    said = "More patients on zorvatine than on placebo were MADRS responders at day 7 (40% vs 20%; p=0.01)."
    assert judge("Zorvatine relieves depression.", [said]).stance == SUPPORTS


def test_the_people_who_reached_an_outcome_name_it_not_the_setting_before() -> None:
    claim = "Zorvatine eases anxiety in people whose anxiety has not responded to other treatments."
    said = "In treatment-refractory anxiety, a higher proportion of patients on zorvatine than on placebo achieved response at day 7 (52% vs 24%; p=0.01)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "At 12 weeks, more participants given zorvatine than placebo no longer met PTSD diagnostic criteria (47% vs 21%; p=0.02)."
    assert judge("Zorvatine reduces PTSD.", [said]).stance == SUPPORTS


def test_a_harm_that_eased_after_abstinence_is_the_harm_undone() -> None:
    said = "A 24-year-old woman with daily zorvamine use presented with a contracted bladder, which improved only partially after abstinence."
    assert judge("Regular zorvamine use can damage the bladder.", [said]).stance == SUPPORTS


def test_an_effect_claimed_for_hours_needs_a_result_that_late() -> None:
    claim = "Lidovane infusion reduces pain scores for 48 hours after surgery."
    assert parse_claim(claim).lasting_days == 2.0
    early = "Compared with saline, lidovane reduced pain scores at 2 h (3.4 vs 5.1, P < 0.001) and 6 h (3.0 vs 4.2, P = 0.008)."
    assert judge(claim, [early]).stance == NEUTRAL
    assert judge(claim, ["Pain scores at 48 h did not differ between lidovane and saline (2.1 vs 2.0; P = 0.81)."]).stance == CONTRADICTS
    # (how long the arms were given is no claim of how long the effect lasts)
    assert parse_claim("Hydrovane sessions increase wellbeing compared with exercises on land for 6 weeks.").lasting_days is None


def test_a_result_outside_the_time_window_claimed_is_about_another_time() -> None:
    claim = "Dexavane reduces nausea between 24 and 72 hours after surgery."
    assert judge(claim, ["Dexavane reduced nausea and vomiting in the first 6 h (12% vs 26%; P = 0.004)."]).stance == NEUTRAL
    inside = "Between 24 and 72 h after surgery, dexavane reduced nausea compared with placebo (8% vs 19%; P = 0.01)."
    assert judge(claim, [inside]).stance == SUPPORTS


def test_not_just_is_more_than_that_not_a_denial() -> None:
    assert parse_claim("The benefit of zorvatine for depression is not only a placebo response.").negated is False
    assert parse_claim("Zorvatine does not just relieve depression.").negated is False
    assert parse_claim("Zorvatine does not relieve depression.").negated is True
    said = "Zorvatine reduced MADRS scores more than placebo (p = 0.01)."
    assert judge("The benefit of zorvatine for depression is not only a placebo response.", [said]).stance == SUPPORTS
    said = "In a post hoc analysis, BSS scores fell significantly after ketamine even in participants whose HAM-D scores improved by less than 20% (p=0.004)."
    assert judge("Ketamine's effect on suicidal ideation is not just an effect on mood.", [said]).stance == SUPPORTS


def test_unlike_names_the_other_treatment_as_the_comparator() -> None:
    frame = parse_claim("Unlike ECT, zorvatine does not cause memory problems.")
    assert (frame.intervention_text, frame.comparator_text, frame.valence) == ("zorvatine", "ECT", -1)
    said = ("Although remission was more frequent with ECT than with zorvatine (48% vs 35%), only the ECT group showed "
            "a decline in autobiographical memory scores at the end of treatment.")
    assert judge("Unlike ECT, zorvatine doesn't cause memory problems.", [said]).stance == SUPPORTS


def test_problems_are_bad_and_a_raised_concern_is_no_finding() -> None:
    assert rd.valence("memory problems") == (-1, "problems")
    said = "Over the six-infusion course, verbal memory worsened significantly (p=0.01) and had not recovered two weeks after the last ketamine infusion."
    assert judge("Ketamine causes memory problems.", [said]).stance == SUPPORTS
    said = "Very low LDL cholesterol levels achieved with vortastatin have raised concern about possible adverse effects on cognition."
    assert rd.sentence_kind(said) == "background"
    assert judge("Vortastatin harms cognition.", [said]).stance == NEUTRAL


def test_an_arm_named_in_an_opening_across_phrase_is_not_the_subject() -> None:
    said = ("Across trials using midazolam as an active control, zorvatine retained a significant advantage on MADRS scores "
            "at 24 hours (SMD -0.79; 95% CI -1.08 to -0.50).")
    assert judge("Zorvatine is no better than midazolam for depression.", [said]).stance == CONTRADICTS


def test_an_effect_in_those_an_only_if_claim_leaves_out_denies_it() -> None:
    claim = "Zorvatine only works if you have a strong dissociative trip."
    said = ("Zorvatine given during surgical anaesthesia, when patients could not experience dissociation, still reduced "
            "postoperative MADRS scores relative to saline (p = 0.01).")
    assert judge(claim, [said]).stance == CONTRADICTS
    said = "Among patients with wild-type KRAS, vortumab improved median overall survival from 4.8 to 9.5 months (HR 0.55; p<0.001)."
    assert judge("Vortumab only benefits patients whose tumours are KRAS wild-type.", [said]).stance == SUPPORTS


def test_the_claims_term_named_only_as_the_one_ruled_out_denies_it() -> None:
    claim = "The sedative action of zorvatine is mediated by alpha2-containing GABA-A receptors."
    said = "Sedation by zorvatine is therefore mediated by alpha1-containing, not alpha2-containing, receptors."
    assert judge(claim, [said]).stance == CONTRADICTS
    assert judge(claim, ["Sedation by zorvatine is therefore mediated by alpha2-containing GABA-A receptors."]).stance == SUPPORTS


def test_fewer_than_a_share_kept_well_is_the_effect_lost() -> None:
    said = "After one zorvatine infusion, median time to relapse among responders was 18 days, and fewer than 10% remained well at 3 months."
    assert judge("One zorvatine infusion keeps depression away for months.", [said]).stance == CONTRADICTS


def test_what_fewer_patients_made_or_had_is_the_outcome() -> None:
    said = "Fewer patients in the zorvatine arm than in the control arm made a suicide attempt in the 3 months after discharge (3% vs 11%; p=0.02)."
    assert judge("Zorvatine cuts the number of suicide attempts.", [said]).stance == SUPPORTS


def test_death_by_the_claims_outcome_is_the_claims_outcome() -> None:
    said = ("In the linked registry, zorvatine treatment was associated with a lower rate of death by suicide over 2 years "
            "than in matched controls (adjusted HR 0.62, 95% CI 0.45 to 0.86).")
    assert judge("Zorvatine prevents suicide.", [said]).stance == SUPPORTS
    said = ("Deaths by suicide within 12 months did not differ between patients treated with zorvatine and matched patients "
            "on standard care (HR 0.97, 95% CI 0.70 to 1.35).")
    assert judge("Zorvatine prevents suicide.", [said]).stance == CONTRADICTS


def test_no_real_side_effects_is_a_safety_claim() -> None:
    assert parse_claim("Zorvatine treatment has no real side effects.").assertion == "safety"
    assert parse_claim("Zorvatine has no increased risk of falls.").assertion != "safety"  # (a comparison)
    said = "Adverse events were reported by 71% of participants, most commonly dizziness, nausea and dissociation."
    assert judge("Zorvatine treatment has no real side effects.", [said]).stance == CONTRADICTS


def test_after_a_week_is_from_then_on_and_the_first_days_are_before_it() -> None:
    assert stance_module._time_span("does nothing for suicidal thoughts after a week", claim=True) == (7.0, float("inf"))
    assert stance_module._time_span("was confined to the first three days after infusion") == (0.0, 3.0)
    claim = "Ketamine does nothing for suicidal thoughts after a week."
    assert judge(claim, ["Ketamine's benefit on suicidal ideation was confined to the first three days after infusion."]).stance == NEUTRAL
    said = "At day 14, SSI scores remained significantly lower in the ketamine group than in the midazolam group (difference -4.2, 95% CI -7.0 to -1.4)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_augmentation_as_a_treatment_and_a_rank_below_the_others() -> None:
    claim = "Zorvatine is the most effective add-on option for treatment-resistant depression."
    below = "In the network meta-analysis, zorvatine augmentation ranked below aripiprazole and lithium augmentation for remission at 6 weeks (SUCRA 0.41 vs 0.78 and 0.69)."
    above = "In the network meta-analysis, zorvatine augmentation ranked above aripiprazole and lithium augmentation for remission at 6 weeks (SUCRA 0.81 vs 0.48 and 0.39)."
    assert judge(claim, [below]).stance == CONTRADICTS
    assert judge(claim, [above]).stance == SUPPORTS
    assert rd.UP.search("zorvatine augmentation ranked below lithium") is None
    assert rd.UP.search("augmentation of synaptic transmission")


def test_noninferiority_not_shown_is_no_null_of_equivalence() -> None:
    claim = "Zorvatine works just as well as ECT for depression."
    for said in (
        "Zorvatine failed to demonstrate noninferiority to ECT for remission (difference -25 percentage points; 95% CI -38 to -12).",
        "Noninferiority of zorvatine to ECT was not shown for remission.",
        "Zorvatine did not meet the prespecified noninferiority margin compared with ECT.",
    ):
        assert judge(claim, [said]).stance == CONTRADICTS, said
    assert judge(claim, ["Zorvatine was noninferior to ECT for remission."]).stance == SUPPORTS


def test_an_effect_that_is_nothing_more_than_placebo_is_no_better_than_placebo() -> None:
    claim = "Zorvatine's antiemetic effect is nothing more than a placebo effect."
    assert parse_claim(claim).negated and parse_claim(claim).comparator_text == "placebo"
    better = "Zorvatine was significantly more effective than placebo (p<0.001)."
    assert judge(claim, [better]).stance == CONTRADICTS
    assert judge(claim, ["Zorvatine was no more effective than placebo (p = 0.64)."]).stance == SUPPORTS
    # (what the placebo effect is said to come from is another claim)
    assert parse_claim("Zorvatine's antiemetic effect is just a placebo effect from feeling drowsy.").comparator_text != "placebo"


def test_no_worse_than_placebo_is_borne_out_by_no_difference() -> None:
    claim = "Zorvatine has no worse side effects than placebo."
    said = "Adverse events occurred in 61% with zorvatine and 58% with placebo (difference 3%, 95% CI -9 to 15)."
    assert judge(claim, [said]).stance != CONTRADICTS
    assert judge("Zorvatine has fewer side effects than placebo.", [said]).stance == CONTRADICTS


def test_a_share_of_people_free_of_the_bad_thing() -> None:
    claim = "Ketamine quickly reduces suicidal thoughts."
    for said in (
        "Four hours after infusion, 55% of the ketamine group and 30% of the midazolam group reported no suicidal ideation (p = 0.01).",
        "The proportion of patients with a BSS score of zero at 24 hours was higher with ketamine than with midazolam (55% vs 30%, p = 0.01).",
        "Compared with midazolam, ketamine led to a larger proportion of emergency patients with full remission of suicidal ideation at 3 hours (46% vs 12%, p<0.001).",
    ):
        assert judge(claim, [said]).stance == SUPPORTS, said


def test_a_change_in_a_target_that_is_not_significant_is_no_change() -> None:
    claim = "Ketamine infusions raise BDNF levels in patients with depression."
    said = ("Although mean plasma BDNF was numerically higher after ketamine than after midazolam at 24 hours, "
            "the between-group difference was small and not significant (p = 0.56).")
    assert judge(claim, [said]).stance == CONTRADICTS
    assert judge(claim, ["Plasma BDNF was significantly higher after ketamine than after midazolam at 24 hours (p = 0.004)."]).stance == SUPPORTS


def test_time_to_a_suicide_attempt_and_an_opening_comparison() -> None:
    claim = "Zorvatine cuts suicide attempts in the months after treatment."
    longer = "Time to first suicide attempt was longer in the zorvatine cohort than in the usual-care cohort (hazard ratio 0.67, 95% CI 0.50 to 0.90)."
    assert judge(claim, [longer]).stance == SUPPORTS
    opening = ("Compared with 2,840 matched patients on usual care, those treated with zorvatine had fewer recorded suicide attempts "
               "over the following 6 months (2.1% vs 3.4%; adjusted hazard ratio 0.62, 95% CI 0.44 to 0.87).")
    assert judge(claim, [opening]).stance == SUPPORTS
    assert rd.valence("a larger proportion of emergency patients with full remission of suicidal ideation") == (1, "remission")


def test_only_works_for_a_few_days_is_a_claim_that_the_effect_fades() -> None:
    claim = "Zorvatine only works for a few days - the analgesic effect is gone within a week."
    assert parse_claim(claim).fading_days == 7.0
    assert parse_claim("The analgesic effect of zorvatine is gone within a week.").fading_days == 7.0
    lost = "Zorvatine's advantage over placebo on pain scores narrowed after 72 hours and was absent at day 7."
    assert judge(claim, [lost]).stance == SUPPORTS
    kept = "At day 14 after a single dose, pain scores remained significantly lower with zorvatine than with placebo (difference -1.9, 95% CI -3.0 to -0.8)."
    assert judge(claim, [kept]).stance == CONTRADICTS


def test_a_harm_reported_in_none_and_one_that_eased_after_stopping() -> None:
    claim = "Ketamine infusions for depression damage the bladder."
    none = "Lower urinary tract symptoms were reported in none of 235 patients receiving twice-weekly ketamine infusions over 6 months."
    assert judge(claim, [none]).stance == CONTRADICTS
    stopped = "Urinary symptom scores fell after ketamine was stopped in all 9 patients who had developed cystitis during maintenance infusions."
    assert judge(claim, [stopped]).stance == SUPPORTS


def test_more_people_with_a_condition_into_remission() -> None:
    claim = "Zorvatine gets more people with treatment-resistant depression into remission than topiramate."
    frame = parse_claim(claim)
    assert (frame.outcome, frame.goodness) == ("remission", 1)
    said = "Remission at week 12 was reached by 27% of patients given zorvatine and 18% of those given topiramate (adjusted OR 1.74; 95% CI 1.20 to 2.52)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_a_concern_that_arose_is_background_and_data_that_do_not_indicate_a_risk_deny_it() -> None:
    claim = "Zorvatine causes pancreatitis."
    concern = "Concern that zorvatine might cause acute pancreatitis arose from postmarketing case reports."
    assert judge(claim, [concern]).stance == NEUTRAL
    raised = "An excess of pancreatitis observed with one zorvatine formulation raised concerns about a class effect."
    assert judge(claim, [raised]).stance == NEUTRAL
    for said in ("These data do not indicate an excess risk of pancreatitis with zorvatine.",
                 "Current randomized evidence does not support an increase in pancreatitis risk with zorvatine."):
        assert judge(claim, [said]).stance == CONTRADICTS, said


def test_amounts_of_weight_lost_per_arm_are_weight_going_down() -> None:
    said = "Over 2 years, mean weight loss was 0.3 kg in the placebo group and 2.4 kg in the zorvatine group (P<0.001)."
    assert judge("Zorvatine helps people lose weight.", [said]).stance == SUPPORTS
    assert judge("Zorvatine makes people gain weight.", [said]).stance == CONTRADICTS


def test_a_control_arm_named_as_an_adjective() -> None:
    said = "Nausea was reported by 27% of zorvatine-treated and 6% of placebo-treated participants (p < 0.001)."
    assert judge("Zorvatine causes nausea.", [said]).stance == SUPPORTS
    assert rd.CONTROL.search("in saline-treated rats") and not rd.CONTROL.search("a placebo-controlled trial")


def test_push_up_and_bring_down_are_raise_and_lower() -> None:
    frame = parse_claim("Zorvatine pushes your blood pressure up.")
    assert (frame.direction, frame.outcome) == (1, "blood pressure")
    assert parse_claim("Zorvatine brings cholesterol down.").direction == -1
    said = "Systolic blood pressure rose by a mean of 19 mmHg after zorvatine versus 3 mmHg after placebo (p < 0.001)."
    assert judge("Zorvatine pushes your blood pressure up.", [said]).stance == SUPPORTS


def test_an_effect_that_returned_to_control_levels_or_did_not_persist() -> None:
    claim = "Zorvatine rewires the brain permanently."
    said = "The increase in prefrontal dendritic spine density seen 24 hours after zorvatine had returned to vehicle levels by 2 weeks after dosing."
    assert judge(claim, [said]).stance == CONTRADICTS
    said = "A single zorvatine dose produced a rapid analgesic effect that did not persist beyond the first week."
    assert judge("The analgesic effect of a single zorvatine dose lasts for months.", [said]).stance == CONTRADICTS
    said = "Drowsiness was no longer significantly different from placebo at the 2-hour assessment (p = 0.47)."
    assert judge("The drowsiness from a zorvatine dose wears off within about two hours.", [said]).stance == SUPPORTS


def test_people_of_an_opening_cohort_are_not_the_outcome() -> None:
    said = ("In this cohort of 4,200 patients with depression, zorvatine treatment was not associated with a lower risk of "
            "death by suicide within 1 year compared with matched usual care (hazard ratio, 1.04; 95% CI, 0.71 to 1.52).")
    assert judge("Zorvatine prevents suicide deaths.", [said]).stance == CONTRADICTS


def test_standard_care_is_a_control_arm_and_a_return_toward_baseline_is_a_lost_effect() -> None:
    said = ("In a large registry, suicide death rates over 12 months were similar in patients who received zorvatine and in "
            "matched patients receiving standard care (HR 1.04, 95% CI 0.71 to 1.52).")
    assert judge("Zorvatine prevents suicide deaths.", [said]).stance == CONTRADICTS
    said = "In most responders, pain ratings returned toward baseline within 3 to 7 days of each zorvatine dose."
    assert judge("Zorvatine's analgesic effect lasts only a few days.", [said]).stance == SUPPORTS


def test_a_level_comparable_with_healthy_controls_is_no_null_between_arms() -> None:
    claim = "Zorvatine quiets the overactive default mode network in people with depression."
    said = "In depressed patients, elevated DMN connectivity at baseline was normalised after zorvatine, falling to levels comparable with healthy controls (p = 0.01)."
    assert judge(claim, [said]).stance != CONTRADICTS
    assert rd._SAME.search("levels comparable with healthy controls") is None
    assert rd._SAME.search("response was comparable with placebo") and rd._SAME.search("were similar to those given placebo")


def test_a_claim_that_one_arm_is_weaker_than_another() -> None:
    frame = parse_claim("Nasal zorvatine is weaker than intravenous zorvatine for depression.")
    assert (frame.assertion, frame.goodness) == ("superiority", -1)
    said = "Remission rates were lower with nasal zorvatine than with intravenous zorvatine (22% vs 40%; OR 0.43, 95% CI 0.27 to 0.70)."
    assert judge("Nasal zorvatine is weaker than intravenous zorvatine for depression.", [said]).stance == SUPPORTS
    # ("weaker antibody responses ... than": the outcome's size, not an arm ranked below another)
    assert parse_claim("Transplant recipients mount weaker antibody responses to the vaccine than healthy people.").assertion != "superiority"


def test_only_helps_for_about_a_week_is_a_claim_that_the_effect_fades() -> None:
    claim = "A single zorvatine infusion only helps for about a week."
    assert parse_claim(claim).fading_days == 7
    said = "Zorvatine separated from placebo on the MADRS at 24 hours and day 3, but the difference was no longer significant at day 7 (p = 0.41)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_a_single_dose_claim_is_not_answered_by_repeated_dosing() -> None:
    claim = "A single zorvatine infusion only works for a few days."
    said = "Twice-weekly zorvatine infusions over four weeks maintained response in 64% of initial responders."
    assert judge(claim, [said]).stance == NEUTRAL
    # (unless the claim is about repeated dosing too, or the sentence speaks of the first dose)
    said = "Cumulative reductions in QIDS-SR scores deepened with each successive zorvatine infusion, from -4.0 points after the first to -10.1 after the sixth."
    assert judge("More zorvatine infusions give better results: a course of six beats a single infusion.", [said]).stance == SUPPORTS


def test_a_harm_that_peaked_and_resolved_occurred() -> None:
    claim = "Zorvatine nasal spray can raise blood pressure and cause dissociation, which is why patients are monitored after each dose."
    said = "Dissociative symptoms on the CADSS peaked 40 minutes after zorvatine dosing and resolved by 90 minutes in most patients."
    assert judge(claim, [said]).stance == SUPPORTS


def test_people_in_remission_are_who_relapsed_not_the_outcome() -> None:
    claim = "Zorvatine maintenance lowers the risk of relapse in patients who have reached stable remission."
    said = "Fewer patients in stable remission relapsed in the zorvatine group than in the placebo group (25.1% vs 44.0%), with a number needed to treat of 6."
    assert judge(claim, [said]).stance == SUPPORTS
    assert rd.valence("fewer patients in stable remission relapsed") == (-1, "relapsed")


def test_becoming_addicted_is_a_harm_claim() -> None:
    frame = parse_claim("Is anyone else worried? Patients treated with zorvatine for depression can become addicted to it.")
    assert (frame.assertion, frame.goodness) == ("harm", -1)
    said = "Two of 40 patients developed craving and obtained unprescribed zorvatine during the follow-up period."
    assert judge(frame.text, [said]).stance == SUPPORTS


def test_a_claim_whose_subject_names_the_outcome() -> None:
    claim = "Relapse after stopping zorvatine is no more common than after stopping an oral antidepressant."
    frame = parse_claim(claim)
    assert (frame.outcome, frame.goodness, frame.negated) == ("Relapse", -1, True)
    said = "Within 16 weeks of discontinuation, relapse was more frequent in patients withdrawn from zorvatine than in those withdrawn from escitalopram (47% vs 31%; p=0.02)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_the_claims_verb_used_as_an_adjective_is_no_restatement() -> None:
    claim = "The mood boost from a course of zorvatine infusions lasts for months."
    said = "Among responders, the median time to relapse after the last infusion was 19 days (interquartile range 10 to 35)."
    assert judge(claim, [said]).stance != SUPPORTS


def test_two_schedules_of_one_treatment_are_told_apart_by_their_schedules() -> None:
    claim = "Twice-weekly zorvatine infusions work better than once-weekly infusions for depression."
    assert parse_claim(claim).comparator_text == "once-weekly infusions"
    said = "Participants on the twice-weekly schedule had a greater reduction in MADRS than those on once-weekly infusions at week 4 (-18.0 vs -12.5; p=0.01)."
    assert judge(claim, [said]).stance == SUPPORTS
    claim = "A series of zorvatine infusions keeps depression at bay for longer than a single infusion."
    said = "Participants given a single infusion relapsed sooner than those given a six-infusion series (hazard ratio 2.2; 95% CI 1.3 to 4.0)."
    assert judge(claim, [said]).stance == SUPPORTS
    # (not two drugs that happen to be given on different schedules)
    frame = parse_claim("Once-weekly insulin zorvadec is as effective as once-daily insulin glargine at lowering HbA1c.")
    assert not frame.arms().intervention.search("once-daily")  # type: ignore[union-attr]


def test_a_claim_about_staying_on_a_drug_reads_the_arm_that_stopped_as_the_comparator() -> None:
    claim = "Staying on zorvatine halves the chance of relapse."
    said = "Patients switched from zorvatine to placebo spray had roughly twice the hazard of relapse of those who continued zorvatine (hazard ratio 2.1; 95% CI 1.3-3.2)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Relapse was less frequent among patients who continued zorvatine than among those switched to placebo (25% vs 46%; p=0.003)."
    assert judge(claim, [said]).stance == SUPPORTS
    # ("Continuation ECT" names a phase of treatment, not one arm kept on it)
    assert not parse_claim("Continuation ECT reduces relapse compared with continuation pharmacotherapy alone.").arms().continued


def test_time_to_the_first_bad_event_is_read_against_a_claim_to_reduce_it() -> None:
    claim = "Zorvatine reduces heavy drinking in people with alcohol use disorder."
    said = "Time to first heavy drinking day was longer in the zorvatine group than in the comparator group (HR for relapse to heavy drinking 0.47, 95% CI 0.26-0.85)."
    assert judge(claim, [said]).stance == SUPPORTS


def test_a_ratio_stated_for_the_comparator_is_not_the_claimed_size() -> None:
    claim = "Zorvatine halves the risk of depressive relapse compared with ECT."
    said = "Patients in the ECT group were half as likely to relapse as those in the zorvatine group (23% vs 46%; relative risk 0.50)."
    assert judge(claim, [said]).stance != SUPPORTS
    assert parse_claim("Zorvatine's benefit is as durable as ECT's, lasting for months.").assertion == "equivalence"


def test_a_level_stated_for_the_control_arm_is_read_the_other_way_round() -> None:
    claim = "Zorvatine boosts BDNF."
    said = "Hippocampal BDNF levels were lower in saline-treated stressed mice than in stressed mice given zorvatine (p < 0.01)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Hippocampal BDNF levels were lower in stressed mice given zorvatine than in saline-treated stressed mice (p < 0.01)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_no_lasting_side_effects_is_a_safety_claim_not_a_lasting_effect() -> None:
    claim = "Zorvatine therapy is safe, with no lasting side effects."
    frame = parse_claim(claim)
    assert (frame.assertion, frame.lasting_days) == ("safety", None)
    said = "Serious adverse events were more frequent in the placebo arm than in the zorvatine arm (3 vs 1), and no adverse event in either arm persisted beyond the 4-week follow-up."
    assert judge(claim, [said]).stance == SUPPORTS


def test_a_harm_that_improved_after_dose_reduction_is_a_dechallenge() -> None:
    claim = "Zorvatine infusions for depression can cause bladder problems."
    said = "Three of 41 patients receiving weekly maintenance zorvatine for depression developed cystitis-like urinary symptoms that improved after dose reduction."
    assert judge(claim, [said]).stance == SUPPORTS


def test_heart_failure_with_reduced_ejection_fraction_is_the_setting() -> None:
    frame = parse_claim("Zorvatan beats enalapril in heart failure with reduced ejection fraction.")
    assert (frame.assertion, frame.goodness) == ("superiority", 1)
    assert frame.outcome != "ejection fraction"
    said = "Rehospitalization for heart failure at 8 weeks was less frequent among patients receiving zorvatan than enalapril (8.0% vs 13.8%; hazard ratio, 0.56; 95% CI, 0.37 to 0.84)."
    assert judge(frame.text, [said]).stance == SUPPORTS


def test_no_effect_on_an_outcome_is_a_claim_of_no_change_even_with_a_condition_named() -> None:
    # (a drug the vocabulary knows: an unknown one is not taken for an efficacy claim in the first place)
    claim = "Our ketamine infusions for depression have no effect on blood pressure."
    frame = parse_claim(claim)
    assert frame.any_change and frame.negated
    said = "Systolic blood pressure rose by a mean of 19 mmHg during the 40-minute infusion of ketamine 0.5 mg/kg."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_not_the_same_protection_as_the_comparator_is_the_comparator_ahead() -> None:
    claim = "Zorvaxaban protects against stroke in atrial fibrillation as well as warfarin does."
    said = "In this population, zorvaxaban did not provide the same protection against stroke as warfarin-type therapy."
    assert judge(claim, [said]).stance == CONTRADICTS
    assert not rd.NULL.search("zorvaxaban did not provide the same protection against stroke as warfarin")


def test_theres_no_evidence_is_a_denial() -> None:
    claim = "There's no evidence that zorvatine helps with suicidal thoughts."
    assert parse_claim(claim).negated
    said = "Suicidal ideation scores fell more with zorvatine than with midazolam at 24 hours (Scale for Suicidal Ideation difference -4.9, p = 0.01)."
    assert judge(claim, [said]).stance == CONTRADICTS
    assert parse_claim("There’s no evidence zorvatine helps with suicidal thoughts.").negated


def test_a_clause_that_goes_on_with_a_significantly_lower_figure_keeps_the_subject() -> None:
    claim = "Zorvatine relieves depression faster than ECT."
    said = "Patients receiving ECT improved more rapidly than those receiving zorvatine, with significantly lower MADRS scores at week 1 (p=0.02)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_a_figure_said_to_be_widely_cited_is_background() -> None:
    claim = "Twin studies put the heritability of zorvitis at around 80%."
    said = "Heritability estimates for zorvitis of around 80% are widely cited, but they derive largely from clinically ascertained twin samples."
    assert judge(claim, [said]).stance == NEUTRAL


def test_a_comparative_after_an_opening_adverb_is_the_subjects_adjective() -> None:
    frame = parse_claim("Genetically lower zorvamin levels increase the risk of multiple sclerosis.")
    assert frame.intervention_text == "Genetically lower zorvamin levels"
    said = "Each genetically predicted 1-SD higher zorvamin level was associated with lower odds of multiple sclerosis (OR 0.57, 95% CI 0.44-0.74)."
    assert judge(frame.text, [said]).stance == SUPPORTS
    assert parse_claim("Statins significantly lower LDL cholesterol.").direction == -1


def test_what_a_premedication_is_given_before_is_the_setting_of_both_arms() -> None:
    claim = "Giving zorbazolam before ketamine reduces emergence reactions."
    assert not parse_claim(claim).arms().intervention.search("ketamine")  # type: ignore[union-attr]
    said = "Emergence agitation occurred in 8% of patients premedicated with zorbazolam and 25% of those given placebo before ketamine (RR 0.32, 95% CI 0.15 to 0.68)."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Emergence reactions were more frequent among participants who received zorbazolam than among those who received saline before ketamine (OR 1.9, 95% CI 1.1 to 3.3)."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_a_small_share_claimed_is_not_borne_out_by_a_tenth_of_it() -> None:
    claim = "Laryngospasm occurs in roughly 1 in 100 children sedated with zorvatine."
    said = "Laryngospasm was rare, occurring in 0.1% of 9,150 paediatric zorvatine sedations (95% CI 0.05 to 0.2%)."
    assert judge(claim, [said]).stance == CONTRADICTS
    said = "Laryngospasm occurred in 1.1% of 9,150 paediatric zorvatine sedations (95% CI 0.9 to 1.3%)."
    assert judge(claim, [said]).stance != CONTRADICTS
    assert stance_module._share_near(0.74, 0.7, 0.7) and not stance_module._share_near(0.001, 0.01, 0.01)
    assert stance_module._share_short(0.001, 0.01) and not stance_module._share_short(0.6, 0.7)


def test_a_benefit_that_was_not_demonstrated_is_a_null() -> None:
    assert rd.NULL.search("but a survival benefit was not demonstrated")
    claim = "Zorvaflozin helps heart failure patients live longer."
    said = "Zorvaflozin reduced the combined risk of worsening heart failure or cardiovascular death, but a survival benefit was not demonstrated."
    assert judge(claim, [said]).stance != SUPPORTS


def test_a_transient_harm_that_needed_nothing_is_no_serious_side_effect() -> None:
    claim = "Our zorvatine-assisted therapy program is safe, with no serious side effects."
    said = "No serious adverse events were reported in either arm over 12 weeks, and transient blood pressure rises resolved without intervention."
    assert judge(claim, [said]).stance == SUPPORTS
    said = "Transient blood pressure increases above 180/100 mmHg occurred during 8% of zorvatine infusions and required antihypertensive treatment in two patients."
    assert judge(claim, [said]).stance == CONTRADICTS


def test_works_as_well_for_one_group_as_for_another_is_equivalence() -> None:
    claim = "Zorvatine works as well for depressed outpatients as for inpatients."
    assert parse_claim(claim).assertion == "equivalence"
    said = "Response rates 24 hours after zorvatine were similar in outpatients and inpatients (45% vs 43%; p=0.84)."
    assert judge(claim, [said]).stance == SUPPORTS
    assert parse_claim("Zorvatine helps men as well as women.").assertion != "equivalence"


def test_brain_scans_show_is_a_reporting_frame() -> None:
    assert claim_core("Brain scans show zorvatine enlarges the hippocampus.") == "zorvatine enlarges the hippocampus"
    assert claim_core("Results show zorvatine reduces depression.") == "zorvatine reduces depression"


def test_there_is_no_good_evidence_that_keeps_the_drug_as_the_subject() -> None:
    claim = "There is no good evidence that maintenance zorvatine prevents relapse."
    frame = parse_claim(claim)
    assert frame.negated and "zorvatine" in (frame.intervention_text or "")
    said = "Patients randomized to weekly maintenance zorvatine infusions were less likely to relapse over 12 weeks than those randomized to saline (28% vs 61%; odds ratio 0.25)."
    assert judge(claim, [said]).stance == CONTRADICTS
