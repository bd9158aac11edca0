"""The claim frame and the result reader (issue 9): what a claim asserts, how a result sentence
is read against it, and the stance labels of ../shared/STANCE.md.

Every sentence here is written for this file (none comes from the stance benchmark data).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from litcli.claims import frame as fr
from litcli.claims import reader as rd
from litcli.claims import stance as st
from litcli.claims import vocabulary as vocab
from litcli.claims.frame import parse_claim
from litcli.claims.stance import CONTRADICTS, NEUTRAL, SUPPORTS, judge

EFFECTS = ("increase", "decrease", "no difference", "better", "worse")


def stance(claim: str, sentence: str) -> str:
    return judge(claim, [sentence]).stance


# --- the inversions ------------------------------------------------------------------


def test_a_greater_reduction_than_placebo_supports_a_reduction_claim() -> None:
    j = judge("Ketamine reduces depressive symptoms.",
              ["Ketamine produced a significantly greater reduction in depressive symptoms than placebo."])
    assert j.stance == SUPPORTS
    assert j.rationale[0].result is not None and j.rationale[0].result["effect"] == "decrease"


@pytest.mark.parametrize("claim", ["Ketamine reduces OCD symptoms.", "Ketamine eases OCD symptoms."])
def test_no_clinically_meaningful_reduction_contradicts(claim: str) -> None:
    assert stance(claim, "Ketamine did not produce a clinically meaningful reduction in OCD symptoms.") == CONTRADICTS


def test_a_difference_that_was_not_significant_never_supports() -> None:
    claim = "Ketamine reduces OCD symptoms."
    sentence = "The difference from placebo was not statistically significant."
    assert stance(claim, sentence) != SUPPORTS
    assert judge(claim, ["Adults with OCD were randomized to ketamine or placebo.", sentence]).stance != SUPPORTS
    finding = rd.read_clause(sentence, parse_claim(claim).arms())
    assert finding.null and not finding.direction and not finding.goodness
    named = "The difference between ketamine and placebo in OCD symptoms was not statistically significant."
    assert stance(claim, named) == CONTRADICTS


@pytest.mark.parametrize(
    "claim",
    [
        "Ketamine can lift depressive symptoms.",
        "Ketamine can ease OCD symptoms.",
        "Ketamine curbs suicidal thoughts.",
        "Ketamine relieves depression.",
        "Ketamine relieves PTSD symptoms.",
    ],
)
def test_lift_ease_curb_relieve_are_benefit_frames(claim: str) -> None:
    f = parse_claim(claim)
    assert f.goodness == 1 and f.direction == -1 and f.valence == -1
    assert not f.negated and not f.harm and f.assertion == "effect"


def test_a_lift_claim_is_read_as_a_benefit_against_results() -> None:
    claim = "Ketamine can lift depressive symptoms."
    assert stance(claim, "Ketamine significantly reduced depressive symptoms compared with placebo.") == SUPPORTS
    assert stance(claim, "Depressive symptoms increased after ketamine.") == CONTRADICTS


# --- outcome valence -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MADRS total scores", -1),
        ("HAM-D scores", -1),
        ("Y-BOCS score", -1),
        ("CAPS-5 total score", -1),
        ("SSI scores", -1),
        ("depressive symptoms", -1),
        ("relapse", -1),
        ("adverse events", -1),
        ("mortality", -1),
        ("response rates", 1),
        ("remission", 1),
        ("time to relapse", 1),
        ("survival", 1),
    ],
)
def test_outcome_valence_table(text: str, expected: int) -> None:
    v, words = rd.valence(text)
    assert v == expected and words


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # lower symptom-scale scores are good
        ("Ketamine reduces depressive symptoms.",
         "MADRS scores decreased significantly more with ketamine than with placebo.", SUPPORTS),
        ("Ketamine reduces depressive symptoms.",
         "MADRS scores were significantly higher with ketamine than with placebo at day 7.", CONTRADICTS),
        ("Ketamine relieves depression.",
         "HAM-D scores were significantly lower after ketamine than after saline.", SUPPORTS),
        ("Ketamine relieves depression.",
         "HAM-D scores were significantly higher after ketamine than after saline.", CONTRADICTS),
        ("Ketamine can ease OCD symptoms.",
         "Y-BOCS scores fell significantly more with ketamine than with placebo.", SUPPORTS),
        ("Ketamine reduces PTSD symptoms.", "CAPS scores did not differ between ketamine and midazolam.", CONTRADICTS),
        ("Ketamine relieves PTSD symptoms.",
         "CAPS-5 scores improved significantly more with ketamine than with midazolam.", SUPPORTS),
        ("Ketamine curbs suicidal ideation.",
         "SSI scores were significantly lower with ketamine than with midazolam at 24 hours.", SUPPORTS),
        # higher response, remission, time to relapse are good
        ("Ketamine improves response rates in depression.",
         "Response rates were significantly higher with ketamine than with placebo.", SUPPORTS),
        ("Ketamine improves response rates in depression.",
         "Response rates were lower with ketamine than with placebo.", CONTRADICTS),
        ("Ketamine increases remission in depression.", "Remission rates were significantly higher with ketamine.",
         SUPPORTS),
        ("Ketamine improves remission rates in depression.",
         "Remission rates were significantly lower with ketamine than with ECT.", CONTRADICTS),
        ("Ketamine delays relapse of depression.",
         "Time to relapse was significantly longer with ketamine than with placebo.", SUPPORTS),
        ("Ketamine prolongs time to relapse in depression.",
         "Time to relapse was shorter with ketamine than with placebo.", CONTRADICTS),
        # relapse and adverse events: lower is good
        ("Ketamine reduces relapse in depression.", "Fewer patients relapsed with ketamine than with placebo.", SUPPORTS),
        ("Ketamine reduces the risk of relapse in depression.",
         "Relapse rates were significantly higher with ketamine than with placebo.", CONTRADICTS),
        ("Ketamine is safe.", "Adverse events were less frequent with ketamine than with placebo.", SUPPORTS),
        ("Ketamine is safe.", "Adverse events were more frequent with ketamine than with placebo.", CONTRADICTS),
    ],
)
def test_direction_is_read_through_the_outcome_valence(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


# --- any free-text claim gets a frame -----------------------------------------------------------

VITAMIN_D = "Vitamin D supplements lower COVID-19 mortality"


def test_a_claim_outside_the_vocabulary_gets_a_frame() -> None:
    f = parse_claim(VITAMIN_D)
    assert f.intervention_text is not None and "Vitamin D" in f.intervention_text
    assert f.direction == -1 and f.goodness == 1 and f.valence == -1
    assert f.outcome is not None and "mortality" in f.outcome.lower()
    assert f.checkable and not f.negated
    d = f.to_dict()
    assert d["direction"] == -1 and d["goodness"] == 1 and "Vitamin D" in d["intervention"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Vitamin D supplementation significantly reduced 28-day mortality compared with placebo.", SUPPORTS),
        ("Mortality did not differ between the vitamin D and placebo groups.", CONTRADICTS),
        ("Vitamin D supplementation did not reduce mortality.", CONTRADICTS),
        ("Remdesivir significantly reduced mortality compared with placebo.", NEUTRAL),
        ("This trial will test whether vitamin D reduces mortality in COVID-19.", NEUTRAL),
    ],
)
def test_a_claim_outside_the_vocabulary_is_judged(sentence: str, expected: str) -> None:
    assert stance(VITAMIN_D, sentence) == expected


# --- a new drug is one vocabulary entry -------------------------------------------------------------

# "SAGE-217" is a synonym only the vocabulary entry knows: a sentence that names the drug that way
# is read as being about zuranolone only once the entry is there.
ZURANOLONE = vocab.Concept(
    id="zuranolone", group="intervention", label="zuranolone",
    detect=(r"\bzuranolone\b",), tiab=("zuranolone", "SAGE-217"),
)


def _clear_caches() -> None:
    """Every functools cache of the reader (they hold patterns built from the vocabulary)."""
    for module in (fr, rd, st, vocab):
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


@pytest.fixture
def zuranolone(monkeypatch: pytest.MonkeyPatch) -> Iterator[vocab.Concept]:
    monkeypatch.setattr(vocab, "CONCEPTS", [*vocab.CONCEPTS, ZURANOLONE])
    monkeypatch.setattr(vocab, "CONCEPTS_BY_ID", {**vocab.CONCEPTS_BY_ID, ZURANOLONE.id: ZURANOLONE})
    _clear_caches()
    yield ZURANOLONE
    _clear_caches()  # monkeypatch restores the vocabulary after this; nothing built from it stays cached


def test_without_the_entry_the_synonym_is_unknown() -> None:
    assert "zuranolone" not in vocab.CONCEPTS_BY_ID
    assert "zuranolone" not in [m.concept.id for m in vocab.find_concepts("Zuranolone reduces depressive symptoms.")]
    assert stance("Zuranolone reduces depressive symptoms.",
                  "SAGE-217 significantly reduced MADRS scores compared with placebo.") == NEUTRAL


def test_the_entry_gives_the_frame_its_intervention(zuranolone: vocab.Concept) -> None:
    assert [m.concept.id for m in vocab.find_concepts("Zuranolone reduces depressive symptoms.")] == [
        "zuranolone", "depression"
    ]
    new, old = parse_claim("Zuranolone reduces depressive symptoms."), parse_claim("Ketamine reduces depressive symptoms.")
    assert r"\bzuranolone\b" in new.intervention
    for name in ("assertion", "direction", "valence", "goodness", "negated", "conditions", "populations", "harm"):
        assert getattr(new, name) == getattr(old, name), name


@pytest.mark.parametrize("drug", ["ketamine", "zuranolone"])
@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        ("{Drug} reduces depressive symptoms.", "{Drug} significantly reduced depressive symptoms compared with placebo.",
         SUPPORTS),
        ("{Drug} reduces depressive symptoms.", "MADRS scores fell significantly more with {drug} than with placebo.",
         SUPPORTS),
        ("{Drug} reduces depressive symptoms.", "Depressive symptoms did not differ between {drug} and placebo.",
         CONTRADICTS),
        ("{Drug} reduces depressive symptoms.", "{Drug} was no better than placebo in reducing depressive symptoms.",
         CONTRADICTS),
        ("{Drug} reduces depressive symptoms.",
         "Escitalopram significantly reduced depressive symptoms compared with placebo.", NEUTRAL),
        ("{Drug} reduces depressive symptoms.", "This trial will test whether {drug} reduces depressive symptoms.",
         NEUTRAL),
        ("{Drug} reduces depressive symptoms in adolescents.",
         "In adults aged 18 to 64, {drug} significantly reduced depressive symptoms.", NEUTRAL),
        ("{Drug} reduces OCD symptoms.", "{Drug} significantly reduced depressive symptoms compared with placebo.",
         NEUTRAL),
        ("{Drug} does not work for depression.",
         "{Drug} significantly reduced depressive symptoms compared with placebo.", CONTRADICTS),
        ("{Drug} is safe.", "{Drug} was well tolerated.", SUPPORTS),
    ],
)
def test_a_new_drug_is_read_like_ketamine(
    zuranolone: vocab.Concept, drug: str, claim: str, sentence: str, expected: str
) -> None:
    def fill(text: str) -> str:
        return text.format(Drug=drug.capitalize(), drug=drug)

    assert stance(fill(claim), fill(sentence)) == expected


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # the vocabulary's named forms: esketamine (Spravato) for ketamine, SAGE-217 for zuranolone
        ("Ketamine reduces depressive symptoms.", "Spravato significantly reduced MADRS scores compared with placebo.",
         SUPPORTS),
        ("Zuranolone reduces depressive symptoms.", "SAGE-217 significantly reduced MADRS scores compared with placebo.",
         SUPPORTS),
        ("Zuranolone reduces depressive symptoms.", "MADRS scores did not differ between SAGE-217 and placebo.",
         CONTRADICTS),
        # another drug's result says nothing about the claim's drug, either way round
        ("Zuranolone reduces depressive symptoms.",
         "Ketamine significantly reduced depressive symptoms compared with placebo.", NEUTRAL),
        ("Zuranolone reduces depressive symptoms.",
         "Esketamine significantly reduced MADRS scores compared with placebo.", NEUTRAL),
        ("Ketamine reduces depressive symptoms.",
         "SAGE-217 significantly reduced MADRS scores compared with placebo.", NEUTRAL),
    ],
)
def test_the_entry_names_the_drug_in_sentences(zuranolone: vocab.Concept, claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


# --- sentences that never carry a stance ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("This study aimed to assess whether ketamine reduces depressive symptoms.", "aim"),
        ("We hypothesized that ketamine would reduce depressive symptoms more than placebo.", "aim"),
        ("This trial will test whether ketamine reduces depressive symptoms over 12 weeks.", "aim"),
        ("Patients were randomized to ketamine or placebo and depressive symptoms were rated with the MADRS.", "method"),
        ("Further trials are needed to confirm the effect of ketamine on depressive symptoms.", "limitation"),
        ("Evidence on ketamine for depressive symptoms remains limited.", "limitation"),
        ("Previous studies have shown that ketamine reduces depressive symptoms.", "background"),
        ("Earlier trials reported that ketamine reduced depressive symptoms within hours.", "background"),
    ],
)
def test_aims_methods_protocols_calls_and_background_are_neutral(sentence: str, kind: str) -> None:
    assert rd.sentence_kind(sentence) == kind
    assert stance("Ketamine reduces depressive symptoms.", sentence) == NEUTRAL


def test_a_result_sentence_is_a_finding() -> None:
    assert rd.sentence_kind("Ketamine significantly reduced depressive symptoms compared with placebo.") == "finding"
    assert rd.sentence_kind("We found that ketamine reduced depressive symptoms more than placebo.") == "finding"


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        ("Ketamine reduces depressive symptoms in adolescents.",
         "In adults aged 18 to 64, ketamine significantly reduced depressive symptoms compared with placebo.", NEUTRAL),
        ("Ketamine reduces depressive symptoms in older adults.",
         "In adults aged 18 to 64, ketamine significantly reduced depressive symptoms.", NEUTRAL),
        ("Ketamine reduces depressive symptoms in adolescents.",
         "In adolescents, ketamine significantly reduced depressive symptoms compared with midazolam.", SUPPORTS),
        ("Ketamine reduces OCD symptoms.", "Ketamine significantly reduced PTSD symptoms compared with midazolam.",
         NEUTRAL),
        ("Ketamine reduces PTSD symptoms.",
         "Ketamine did not reduce depressive symptoms in patients with bipolar disorder.", NEUTRAL),
    ],
)
def test_another_condition_or_population_is_neutral(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


def test_population_of_the_claim_is_in_the_frame() -> None:
    assert parse_claim("Ketamine reduces depressive symptoms in adolescents.").populations == ("adolescents",)
    assert parse_claim("Ketamine reduces depressive symptoms.").populations == ()


# --- negation, harms against efficacy --------------------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        ("Ketamine does not work for depression.",
         "Ketamine significantly reduced depressive symptoms compared with placebo.", CONTRADICTS),
        ("Ketamine does not work for depression.",
         "Depressive symptoms did not differ between ketamine and placebo.", SUPPORTS),
        ("Ketamine does not reduce OCD symptoms.",
         "Y-BOCS scores fell significantly more with ketamine than with placebo.", CONTRADICTS),
        ("Ketamine does not reduce OCD symptoms.", "Y-BOCS scores did not differ between ketamine and placebo.",
         SUPPORTS),
        ("Ketamine does not cause addiction.", "No participant developed addiction or misuse after ketamine.", SUPPORTS),
    ],
)
def test_negated_claims_flip(claim: str, sentence: str, expected: str) -> None:
    assert parse_claim(claim).negated
    assert stance(claim, sentence) == expected
    plain = claim.replace("does not work for", "works for").replace("does not reduce", "reduces").replace(
        "does not cause", "causes")
    assert not parse_claim(plain).negated
    assert stance(plain, sentence) == {SUPPORTS: CONTRADICTS, CONTRADICTS: SUPPORTS}[expected]


@pytest.mark.parametrize(
    ("claim", "sentence", "expected"),
    [
        # side effects say nothing about an efficacy claim ...
        ("Ketamine reduces depressive symptoms.", "Ketamine raised blood pressure significantly more than placebo.",
         NEUTRAL),
        ("Ketamine reduces depressive symptoms.",
         "Dissociative symptoms were significantly higher with ketamine than with placebo.", NEUTRAL),
        ("Ketamine reduces depressive symptoms.", "Adverse events did not differ between ketamine and placebo.", NEUTRAL),
        # ... and efficacy says nothing about a harm or safety claim
        ("Ketamine raises blood pressure.", "Ketamine significantly reduced depressive symptoms compared with placebo.",
         NEUTRAL),
        ("Ketamine is safe for depression.",
         "Ketamine significantly reduced depressive symptoms compared with placebo.", NEUTRAL),
        # harms answer harm claims
        ("Ketamine raises blood pressure.", "Systolic blood pressure rose significantly after ketamine.", SUPPORTS),
        ("Ketamine raises blood pressure.", "Blood pressure did not change after ketamine.", CONTRADICTS),
        ("Ketamine is safe for depression.",
         "Serious adverse events were more frequent with ketamine than with placebo.", CONTRADICTS),
    ],
)
def test_harms_and_efficacy_are_kept_apart(claim: str, sentence: str, expected: str) -> None:
    assert stance(claim, sentence) == expected


def test_harm_and_safety_frames() -> None:
    harm = parse_claim("Ketamine raises blood pressure.")
    assert harm.assertion == "harm" and harm.harm and harm.goodness == -1 and harm.direction == 1
    safe = parse_claim("Ketamine is safe for depression.")
    assert safe.assertion == "safety" and safe.harm and safe.goodness == 1
    efficacy = parse_claim("Ketamine reduces depressive symptoms.")
    assert efficacy.assertion == "effect" and not efficacy.harm


# --- the rationale says what the sentence reports -------------------------------------------------


@pytest.mark.parametrize(
    ("claim", "sentence", "effect", "expected"),
    [
        ("Ketamine reduces depressive symptoms.", "Depressive symptoms increased after ketamine.", "increase", CONTRADICTS),
        ("Ketamine reduces depressive symptoms.",
         "MADRS scores decreased significantly more with ketamine than with placebo.", "decrease", SUPPORTS),
        ("Ketamine reduces depressive symptoms.", "Depressive symptoms did not differ between ketamine and placebo.",
         "no difference", CONTRADICTS),
        ("Ketamine relieves PTSD symptoms.",
         "CAPS-5 scores improved significantly more with ketamine than with midazolam.", "better", SUPPORTS),
        ("Ketamine reduces depression.", "Depressive symptoms worsened after ketamine.", "worse", CONTRADICTS),
    ],
)
def test_rationale_result_names_the_effect(claim: str, sentence: str, effect: str, expected: str) -> None:
    j = judge(claim, [sentence])
    assert j.stance == expected
    item = j.rationale[0]
    assert item.text == sentence and item.index == 0 and item.stance == expected and item.cue
    assert item.kind == "finding"
    assert item.result is not None and item.result["effect"] == effect and effect in EFFECTS
    as_dict = j.to_dict()
    assert as_dict["rationale"][0]["result"]["effect"] == effect
    assert as_dict["frame"]["text"] == claim


def test_rationale_index_points_into_the_abstract() -> None:
    sentences = [
        "This study aimed to assess ketamine in adults with depression.",
        "Adults with depression were randomized to ketamine or placebo.",
        "Ketamine significantly reduced depressive symptoms compared with placebo.",
    ]
    j = judge("Ketamine reduces depressive symptoms.", sentences)
    assert j.stance == SUPPORTS
    decided = [r for r in j.rationale if r.stance != NEUTRAL]
    assert [r.index for r in decided] == [2] and decided[0].text == sentences[2]


def test_safe_as_part_of_a_name_is_not_a_safety_claim() -> None:
    named = parse_claim("Water filters with safe storage containers reduce diarrhoea in children.")
    assert named.assertion != "safety" and named.direction == -1
    assert parse_claim("Zelvamide is safe in older adults.").assertion == "safety"
    assert parse_claim("No serious side effects occur with zelvamide.").assertion == "safety"


@pytest.mark.parametrize(
    ("claim", "direction"),
    [
        ("Trelomab increases the disease control rate compared with chemotherapy.", 1),
        ("Trelomab increases induction time compared with propofol based on midazolam.", 1),
        ("Trelomab lowers the asthma control questionnaire score compared with placebo.", -1),
    ],
)
def test_the_main_verb_gives_the_direction_when_the_clause_reader_cannot(claim: str, direction: int) -> None:
    assert parse_claim(claim).direction == direction


def test_an_association_claims_outcome_is_what_follows_associated_with() -> None:
    frame = parse_claim("Trelostatin use is associated with a lower risk of dementia.")
    assert frame.association == -2 and {"dementia", "risk"} <= frame.outcome_stems and "lower" not in frame.outcome_stems


@pytest.mark.parametrize(
    ("claim", "negated"),
    [
        ("A recent study from Italy found a correlation between long-term exposure to dirty air and excess mortality.", False),
        ("A recent study from Italy found no correlation between long-term exposure to dirty air and excess mortality.", True),
        ("Researchers found a link between vitamin D deficiency and severe COVID-19.", False),
    ],
)
def test_a_link_between_two_things_is_an_association_claim(claim: str, negated: bool) -> None:
    frame = parse_claim(claim)
    assert frame.assertion == "association" and frame.negated == negated
    assert frame.intervention_text is not None and "between" not in frame.intervention_text


@pytest.mark.parametrize(
    "claim",
    [
        "Vortal helps adults over 65 whose depression has not responded to other drugs.",
        "Vortal eases pain in people whose arthritis did not respond to two earlier treatments.",
    ],
)
def test_whose_illness_has_not_responded_is_a_population_not_a_denial(claim: str) -> None:
    assert not parse_claim(claim).negated


def test_a_dose_described_as_equivalent_is_not_an_equivalence_claim() -> None:
    f = parse_claim("Vortal pessaries (equivalent to 100 mg vortal) increase the incidence of preterm birth compared with placebo.")
    assert f.assertion != "equivalence"
    assert parse_claim("Vortal is equivalent to placebo for preterm birth.").assertion == "equivalence"


@pytest.mark.parametrize(
    ("claim", "intervention"),
    [
        # a news sentence's reporting frame is not the claim's subject, however long
        ("A survey of 400 nurses in Norway published in March found that vortal lowers the risk of intensive care.", "vortal"),
        ("Her team on Monday released a new paper showing that vortal shortens colds.", "vortal"),
        ("Preliminary data from the national registry of Norway indicate that vortal lowers the risk of dying.", "vortal"),
        ("Since then, a few trials have shown that vortal increases the risk of respiratory failure.", "vortal"),
        # without "that", and after a lead of time
        ("The same day, however, a study by Swiss researchers published in The Lancet found vortal outperformed a placebo.", "vortal"),
    ],
)
def test_a_long_reporting_frame_is_stripped(claim: str, intervention: str) -> None:
    assert (parse_claim(claim).intervention_text or "").lower() == intervention


def test_a_reporting_frame_with_a_negation_is_kept() -> None:
    # "it has not been shown that X" is not a report of X
    f = parse_claim("The paper, still awaiting review, says it has not been shown that vortal offers protection against infection.")
    assert (f.intervention_text or "").lower() != "vortal"


@pytest.mark.parametrize(
    ("claim", "intervention"),
    [
        # a reporting frame after the claim, or before it with another kind of reporter
        ("Vortal cut hospital admissions by 40 percent, the company said.", "vortal"),
        ("Vortal is more common in women than in men, a large survey in Norway suggests.", "vortal"),
        ("Vortal does not cause infertility, says a new study of 1,800 couples.", "vortal"),
        ("Health officials say vortal carries no risk of myocarditis.", "vortal"),
        ("A preprint reports that vortal prevents infection.", "vortal"),
    ],
)
def test_reporting_frames_after_the_claim_and_other_reporters(claim: str, intervention: str) -> None:
    assert (parse_claim(claim).intervention_text or "").lower() == intervention


def test_a_trailing_reporting_frame_is_not_part_of_the_outcome() -> None:
    f = parse_claim("Vortal does not cause infertility, says a new study of 1,800 couples.")
    assert f.outcome_stems == frozenset({"infertil"})


def test_reported_inside_a_claim_is_not_a_frame() -> None:
    claim = "Patients who reviewed the reported data with their physician increases activity compared with usual care."
    assert "reported data" in (parse_claim(claim).intervention_text or "")


def test_a_plural_noun_after_a_determiner_is_not_the_verb() -> None:
    f = parse_claim("The benefits of vortal for OCD last for months.")
    assert "vortal" in (f.intervention_text or "").lower()
    assert f.lasting_days is not None
    # "the more ..., the better ...": not touched
    assert parse_claim("The more you dissociate, the better vortal works.").association


def test_a_setting_before_the_subject_is_not_the_intervention() -> None:
    f = parse_claim("Upon viral challenge, memory zelvin cells greatly diminish chemokine production in the lung.")
    assert "upon" not in (f.intervention_text or "").lower()
    pattern = f.arms().intervention
    assert pattern is not None and not pattern.search("upon viral challenge")
    assert pattern.search("memory zelvin cells")
    # populations are still read from the whole claim
    assert "animals" in parse_claim("In mice, vortal reduces anxiety.").populations


def test_a_word_followed_by_its_abbreviation_is_a_name_not_the_verb() -> None:
    # "block" is part of the name "... nerve block (FNB)"; the verb is "increases"
    f = parse_claim("Femoral nerve block (FNB) increases morphine consumption compared with no block.")
    assert (f.direction, f.cue) == (1, "increases")
    assert "morphin" in f.outcome_stems


def test_a_two_word_outcome_is_named_by_its_initials() -> None:
    f = parse_claim("Vortal increases adverse effects compared with placebo.")
    assert "ae" in f.outcome_stems  # "AEs were reported for ..."
    assert judge(f.text, ["AEs were reported for 38.5% of vortal and 41.0% of placebo patients (p=0.41)."]).stance == CONTRADICTS
    assert "rr" not in parse_claim("Vortal improves response rates in depression.").outcome_stems  # not a risk ratio


def test_there_is_a_correlation_between_a_and_b_is_an_association_claim() -> None:
    f = parse_claim("There is a negative correlation between vortal levels and bone density.")
    assert f.assertion == "association"
    assert "vortal" in f.intervention_text.lower()
    assert parse_claim("There is no association between vortal use and dementia.").negated


def test_a_participle_after_an_article_is_an_adjective_not_the_verb() -> None:
    # "An enhanced recovery protocol": "enhanced" describes the protocol; the verb is "shortens"
    f = parse_claim("An enhanced recovery pathway shortens hospital stay compared with usual care.")
    assert f.cue == "shortens" and "pathway" in (f.intervention_text or "")
    assert "stay" in f.outcome_stems
    assert parse_claim("The reduced dose of vortal lowers blood pressure.").cue == "lowers"
    # a participle that is the verb stays the verb
    assert parse_claim("Vortal reduced blood pressure in adults.").cue == "reduced"


def test_does_not_predict_is_a_denied_association() -> None:
    f = parse_claim("A raised vortalin level does not predict mortality in sepsis.")
    assert f.assertion == "association" and f.negated


def test_a_hyphenated_name_is_not_a_claim_about_speed() -> None:
    assert not parse_claim("A fast-track pathway shortens hospital stay.").onset
    assert not parse_claim("Rapid-acting insulin lowers HbA1c compared with regular insulin.").onset
    assert parse_claim("Vortal relieves depression fast.").onset


def test_no_effect_on_claims_are_a_change_either_way_denied() -> None:
    f = parse_claim("Vortal has no significant effect on the caesarean delivery rate compared with dinoprostone.")
    assert f.negated and f.any_change and f.checkable
    assert {"caesarean", "delivery"} <= f.outcome_stems and "significant" not in f.outcome_stems
    assert not parse_claim("Vortal had an effect on itch.").negated


def test_an_adverb_before_the_verb_is_neither_the_subject_nor_the_verb() -> None:
    f = parse_claim("Carbetocin significantly decreases the need for additional uterotonics compared with oxytocin.")
    assert f.intervention_text.strip() == "Carbetocin" and f.cue == "decreases"
    assert {"uterotonic", "need"} <= f.outcome_stems  # "the need for X": X is what is needed, not a setting
    # a noun followed by an adverb and the verb: "block" is part of the name
    g = parse_claim("Erector spinae plane block significantly decreases pain scores compared with no block.")
    assert g.cue == "decreases" and "block" in g.intervention_text and "pain" in g.outcome_stems
    assert parse_claim("Ketamine rapidly relieves depression.").onset


def test_encourages_and_fuels_are_verbs_of_increase() -> None:
    for claim in ("Vortal encourages proliferation of tumour cells.", "Vortal fuels metastasis in mice."):
        f = parse_claim(claim)
        assert f.direction == 1 and f.checkable, claim


@pytest.mark.parametrize(
    ("claim", "direction", "goodness"),
    [
        ("Vortal halves the risk of heart attack.", -1, 1),
        ("A cheap vortal pill slashes heart attacks.", -1, 0),
        ("Vortal cuts hospital stays.", -1, 1),
    ],
)
def test_newsroom_verbs_of_reduction(claim: str, direction: int, goodness: int) -> None:
    f = parse_claim(claim)
    assert (f.direction, f.goodness, f.checkable) == (direction, goodness, True)


def test_newsroom_verbs_of_superiority() -> None:
    for claim in ("Vortal wins over placebo on remission.",):
        f = parse_claim(claim)
        assert f.assertion == "superiority" and f.comparator_text == "placebo", claim


def test_each_part_of_a_slashed_outcome_has_its_initials() -> None:
    f = parse_claim("Vortal reduces pregnancy-induced hypertension / pre-eclampsia compared with controls.")
    assert {"pih", "pe"} <= f.outcome_stems
    said = "There were 12 (37.7%) cases of PIH / PE in the control group, while only 3 (10.3%) in the vortal group (P = 0.018)."
    assert judge(f.text, [said]).stance == SUPPORTS


def test_a_link_that_names_the_verbs_object_is_not_an_association_claim() -> None:
    for claim in ("Vortastatin reduces deaths related to heart disease.",
                  "Vortal increases discomfort related to the face mask compared with a nasal cannula.",
                  "Vortal reduces complications associated with surgery."):
        f = parse_claim(claim)
        assert f.assertion == "effect" and f.direction and not f.association, claim
    for claim in ("Coffee drinking is associated with lower mortality.",
                  "Coffee consumption associated with lower mortality",
                  "Higher vortamin levels are strongly linked to fewer infections."):
        assert parse_claim(claim).assertion == "association", claim
    said = "Deaths from heart disease were fewer with vortastatin than with placebo (2.1% vs 3.4%; HR 0.61, 95% CI 0.48-0.77)."
    assert judge("Vortastatin reduces deaths related to heart disease.", [said]).stance == SUPPORTS


def test_an_arms_word_matches_its_plural_not_a_longer_word() -> None:
    arms = parse_claim("Vortal infiltration reduces morphine use compared with control.").arms()
    said = "Morphine use for controlling postoperative pain was 4.4 mg in the vortal group and 7.5 mg in the control group (P = 0.002)."
    ipos, cpos = arms.positions(said)
    assert len(cpos) == 1 and said[cpos[0]:].startswith("control group")
    assert arms.positions("Controls and placebo-controlled arms")[1]  # "controls" is still the arm
    assert judge("Vortal infiltration reduces morphine use compared with control.", [said]).stance == SUPPORTS


def test_a_reporting_lead_after_a_time_is_not_the_subject() -> None:
    f = parse_claim("Last month, work by Harvard specialists found that vortal users are more likely to die than other patients.")
    assert f.intervention_text == "vortal users"
    f = parse_claim("In November, a team of European researchers published a study suggesting vortinib might improve survival in severe pneumonia.")
    assert f.intervention_text == "vortinib" and f.goodness == 1
    assert parse_claim("In adults, vortal reduces depression.").intervention_text == "vortal"


def test_relief_of_symptoms_is_one_good_outcome_and_time_to_relief_is_better_short() -> None:
    f = parse_claim("Vortaprazole increases relief of upper GI symptoms compared with placebo.")
    assert (f.direction, f.goodness) == (1, 1)
    f = parse_claim("Vortex increases range of motion, depression and quality of life.")
    assert f.goodness == 0  # (a list of outcomes good and bad: which way is better is not said)
    assert rd.valence("The median time to first relief of symptoms")[0] == -1
    assert rd.valence("time to clinical improvement")[0] == -1
    said = "Vortaprazole was significantly more effective than placebo in maintaining relief of upper GI symptoms throughout 6 months."
    assert judge("Vortaprazole increases relief of upper GI symptoms compared with placebo.", [said]).stance == SUPPORTS


def test_everyday_idioms_for_lowering_and_improving() -> None:
    f = parse_claim("Vortamind apps can really take the edge off anxiety.")
    assert (f.direction, f.goodness, f.outcome) == (-1, 1, "anxiety")
    f = parse_claim("A daily glass of vortaroot juice can bring your blood pressure down.")
    assert (f.direction, f.goodness) == (-1, 1)
    f = parse_claim("Taking a daily vortavitamin sharpens memory in older adults.")
    assert f.goodness == 1 and f.intervention_text == "Taking a daily vortavitamin"


def test_a_time_before_the_subject_is_the_claims_time_frame() -> None:
    f = parse_claim("A month later, vortamine still outperforms an SSRI.")
    assert (f.assertion, f.intervention_text, f.comparator_text, f.lasting_days) == ("superiority", "vortamine", "an SSRI", 30.0)


def test_fix_and_stops_are_claim_verbs() -> None:
    f = parse_claim("This vortation app won't fix your depression.")
    assert (f.negated, f.goodness, f.outcome, f.intervention_text) == (True, 1, "depression", "This vortation app")
    f = parse_claim("Blocking mTOR with vortamycin stops ketamine from working.")
    assert f.direction == -1


@pytest.mark.parametrize(
    ("claim", "fading"),
    [
        ("Zelvamide reduces the rate of transient ischaemic attacks.", False),
        ("Zelvamide increases transient evoked otoacoustic emissions compared with sham.", False),
        ("Zelvamide causes transient dissociative symptoms.", True),
        ("The benefit of zelvamide is transient.", True),
    ],
)
def test_transient_in_a_name_is_no_fading_claim(claim: str, fading: bool) -> None:
    assert (parse_claim(claim).fading_days is not None) == fading


@pytest.mark.parametrize(
    ("claim", "outcome_stem", "goodness"),
    [
        ("Zelvamide saves the lives of patients in intensive care.", "mortal", 1),
        ("Zelvamide saves thousands of lives.", "mortal", 1),
        ("Zelvamide keeps high-risk patients out of hospital.", "hospitalis", 1),
        ("Zelvamide helps hospitalized patients survive.", "survival", 1),
        ("Zelvamide helps people recover from influenza faster.", "recovery", 1),
    ],
)
def test_everyday_idioms_name_a_studys_outcome(claim: str, outcome_stem: str, goodness: int) -> None:
    frame = parse_claim(claim)
    assert frame.checkable and outcome_stem in frame.outcome_stems and frame.goodness == goodness


def test_who_have_no_describes_the_people_not_a_denial() -> None:
    assert not parse_claim("Antacids relieve chronic cough in patients who have no heartburn.").negated
    assert not parse_claim("Zelvatide lowers LDL in adults with no history of heart disease.").negated
    assert parse_claim("Zelvatide has no effect on LDL.").negated


def test_what_the_effect_needs_is_not_the_claims_denial() -> None:
    frame = parse_claim("Zelvamine works by raising BDNF, and without BDNF it doesn't work.")
    assert not frame.negated
    assert "bdnf" in frame.dependency
    assert parse_claim("Zelvamine doesn't work for OCD.").negated


def test_keeps_x_from_rising_is_a_claim_of_prevention() -> None:
    frame = parse_claim("Zelvamer keeps serum potassium from climbing in kidney disease.")
    assert frame.prevention and frame.direction == -1
    assert parse_claim("Zelvium stops bipolar patients from relapsing.").prevention
