"""Evidence scoring (rationale, grade, model, n, stance, reversal) and verdicts."""

from __future__ import annotations

import pytest

from litcli.claims import evidence as ev
from litcli.claims import verdict as vd
from litcli.claims.extract import Claim, extract_claims, parse_article
from litcli.claims.frame import parse_claim
from litcli.claims.stance import judge
from litcli.models import AbstractSection, Author, MeshHeading, Record
from tests.fixtures.claims import fakes


@pytest.fixture(scope="module")
def recs() -> dict[str, Record]:
    return fakes.records()


def claim(text: str) -> Claim:
    claims = extract_claims(parse_article(text, kind="text"))
    assert len(claims) == 1, claims
    return claims[0]


def record(pmid: str = "99000090", *, abstract: str | list[tuple[str, str]] = "", title: str = "T.",
           types: tuple[str, ...] = ("Journal Article",), mesh: tuple[str, ...] = ("Humans",)) -> Record:
    sections = (
        [AbstractSection(text=abstract)] if isinstance(abstract, str)
        else [AbstractSection(text=t, label=label, nlm_category=label) for label, t in abstract]
    )
    return Record(
        pmid=pmid, title=title, abstract=sections, authors=[Author(last_name="Doe", initials="J")],
        publication_types=list(types), mesh=[MeshHeading(descriptor=m) for m in mesh],
    )


# --- grading, model, sample size ---------------------------------------------------------------


def test_grade_from_publication_types_and_text(recs: dict[str, Record]) -> None:
    assert ev.grade(recs["99000001"]) == "meta-analysis"
    assert ev.grade(recs["99000002"]) == "RCT"
    assert ev.grade(recs["99000008"]) == "narrative review"
    assert ev.grade(record(abstract="In this open-label study, ketamine was given to 12 patients.")) == "non-randomised trial"
    assert ev.grade(record(title="Ketamine for OCD: a systematic review and meta-analysis.")) == "meta-analysis"
    assert ev.grade(record(abstract="A double-blind crossover trial of ketamine.", types=("Clinical Trial",))) == "RCT"
    assert ev.grade(record(abstract="We describe a case report of ketamine use.")) == "case series/report"


def test_study_model(recs: dict[str, Record]) -> None:
    assert ev.study_model(recs["99000006"]) == "animal"  # MeSH Animals without Humans
    assert ev.study_model(recs["99000001"]) == "human"
    assert ev.study_model(record(abstract="Ketamine increased spine density in mice.", mesh=())) == "animal"
    assert ev.study_model(record(abstract="Ketamine in cultured neurons in vitro.", mesh=())) == "in vitro"


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("We pooled 12 randomized trials (n = 640 patients).", 640),
        ("A total of 1,234 adult participants were enrolled.", 1234),
        ("Eighteen adults with social anxiety received ketamine 0.5 mg/kg.", 18),
        ("Ketamine (n=20) or midazolam (n=21).", 21),
        ("Patients aged 18 to 65 received 0.5 mg/kg over 40 minutes.", None),
        ("No sample size stated here.", None),
    ],
)
def test_sample_size(text: str, n: int | None) -> None:
    assert ev.sample_size(text) == n


# --- stance and rationale ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "stance"),
    [
        ("Ketamine did not differ from placebo on OCD symptoms.", ev.CONTRADICTS),
        ("There was no significant difference between ketamine and midazolam.", ev.CONTRADICTS),
        ("Ketamine failed to reduce obsessive symptoms.", ev.CONTRADICTS),
        ("Ketamine was not superior to placebo.", ev.CONTRADICTS),
        ("Ketamine significantly reduced OCD symptoms at 24 hours.", ev.SUPPORTS),
        # tolerability is a harms result: it says nothing about OCD symptoms (see the safety test)
        ("Ketamine was well tolerated.", ev.NEUTRAL),
        ("Patients were recruited from two sites.", ev.NEUTRAL),
    ],
)
def test_sentence_stance(sentence: str, stance: str) -> None:
    assert judge("Ketamine reduces OCD symptoms.", [sentence]).stance == stance


def test_sentence_stance_through_assess() -> None:
    c = claim("Ketamine reduces OCD symptoms.")
    null = ev.assess(record(abstract=[("RESULTS", "Ketamine did not differ from placebo on OCD symptoms.")]), c)
    assert null.stance == ev.CONTRADICTS and null.rationale[0].cue == "did not differ"
    good = ev.assess(record(abstract=[("RESULTS", "Ketamine significantly reduced OCD symptoms at 24 hours.")]), c)
    assert good.stance == ev.SUPPORTS and good.rationale[0].section == "RESULTS"


def test_null_finding_about_harms_supports_a_safety_claim() -> None:
    sentence = "There were no serious adverse events with ketamine."
    assert judge("Ketamine infusions are safe in depression.", [sentence]).stance == ev.SUPPORTS
    assert judge("Ketamine causes serious side effects.", [sentence]).stance == ev.CONTRADICTS
    assert judge("Ketamine reduces OCD symptoms.", [sentence]).stance == ev.NEUTRAL
    assert judge("Ketamine infusions are safe in depression.", ["Ketamine was well tolerated."]).stance == ev.SUPPORTS


def test_rationale_prefers_results_and_conclusions(recs: dict[str, Record]) -> None:
    c = claim("Intravenous ketamine produces rapid antidepressant effects in treatment-resistant depression.")
    e = ev.assess(recs["99000001"], c)
    assert e.stance == ev.SUPPORTS and e.level == "meta-analysis" and e.n == 640
    assert [r.section for r in e.rationale] == ["CONCLUSIONS", "RESULTS"]
    assert "BACKGROUND" not in {r.section for r in e.rationale}


def test_reversal_activation_versus_antagonist(recs: dict[str, Record]) -> None:
    c = claim("The activation of NMDA receptors by Ketamine leads to increased production of BDNF.")
    assert parse_claim(c.text).mechanisms == (("nmda", 1), ("bdnf", 1))  # (the amount downstream is a target too)
    review = ev.assess(recs["99000008"], c)
    assert review.reversal and review.stance == ev.CONTRADICTS
    assert any("antagonist" in (r.cue or "") or "Blockade" in (r.cue or "") for r in review.rationale)
    # the same evidence agrees with a claim that says "blocks"
    agree = ev.assess(recs["99000008"], claim("Ketamine blocks NMDA receptors and raises BDNF."))
    assert not agree.reversal and agree.stance == ev.SUPPORTS


def test_irrelevant_record_is_neutral(recs: dict[str, Record]) -> None:
    e = ev.assess(recs["99000003"], claim("Ketamine increases mTOR signalling and synaptogenesis."))
    assert e.stance == ev.NEUTRAL and not e.reversal


# --- verdicts --------------------------------------------------------------------------------------


def verdict_for(text: str, pmids: list[str], recs: dict[str, Record]) -> vd.Verdict:
    c = claim(text)
    return vd.decide(c, [ev.assess(recs[p], c) for p in pmids])


def test_verdict_paths(recs: dict[str, Record]) -> None:
    v = verdict_for("Intravenous ketamine produces rapid antidepressant effects in treatment-resistant depression.",
                    ["99000001", "99000002"], recs)
    assert v.verdict == vd.SUPPORTED and "1 meta-analysis" in v.reason and not v.overstated
    v = verdict_for("Ketamine is superior to placebo for social anxiety disorder.", ["99000003"], recs)
    assert v.verdict == vd.CONTRADICTED and v.best_evidence == "1 small RCT (n=18)"
    v = verdict_for("Ketamine reduces suicidal ideation.", ["99000004", "99000005"], recs)
    assert v.verdict == vd.MIXED
    v = verdict_for("Ketamine increases mTOR signalling and synaptogenesis.", ["99000006"], recs)
    assert v.verdict == vd.LIMITED and v.best_evidence == "1 animal study"
    v = verdict_for("The activation of NMDA receptors by ketamine leads to increased BDNF.", ["99000008", "99000009"], recs)
    assert v.verdict == vd.CONTRADICTED and "activates the NMDA receptor" in v.reason and "blocking" in v.reason
    v = verdict_for("Ketamine reduces suicidal ideation.", [], recs)
    assert v.verdict == vd.NO_EVIDENCE and "no records" in v.reason
    c = claim("OCD is a complex mental health condition.")
    assert vd.decide(c, [], checkable=False, not_checkable_reason="it names no treatment").verdict == vd.NOT_CHECKABLE


def test_retracted_record_never_counts_as_support(recs: dict[str, Record]) -> None:
    assert recs["99000010"].retracted
    v = verdict_for("Ketamine reduces obsessive-compulsive symptoms.", ["99000010"], recs)
    assert v.verdict == vd.NO_EVIDENCE and "retracted" in v.reason
    e = ev.assess(recs["99000010"], claim("Ketamine reduces obsessive-compulsive symptoms."))
    assert e.stance == ev.SUPPORTS and not e.counted  # listed with its stance, but not counted
    # with genuine support alongside, the retracted trial is still left out of the count, and the
    # reason names it by design (issue 10: "1 retracted RCT not counted", not "1 retracted record")
    c = claim("Ketamine reduces obsessive-compulsive symptoms.")
    trial = record("99000091", title="Ketamine in obsessive-compulsive disorder: a randomized trial.", abstract=[
        ("METHODS", "We randomized 64 adults with obsessive-compulsive disorder."),
        ("RESULTS", "Ketamine significantly reduced obsessive-compulsive symptoms compared with placebo.")],
        types=("Journal Article", "Randomized Controlled Trial"))
    v = vd.decide(c, [ev.assess(trial, c), ev.assess(recs["99000010"], c)])
    assert v.verdict == vd.SUPPORTED and v.reason == "Supported by 1 RCT (1 retracted RCT not counted)."


def test_small_uncontrolled_support_is_limited() -> None:
    r = record(abstract=[("RESULTS", "In this open-label study, ketamine significantly reduced OCD symptoms in 10 patients.")])
    c = claim("Ketamine reduces OCD symptoms.")
    v = vd.decide(c, [ev.assess(r, c)])
    assert v.verdict == vd.LIMITED and "non-randomised trial" in v.reason
    small_rct = record(abstract=[("RESULTS", "Ketamine significantly reduced OCD symptoms (n = 15).")],
                       types=("Randomized Controlled Trial",))
    v = vd.decide(c, [ev.assess(small_rct, c)])
    assert v.verdict == vd.LIMITED and v.best_evidence == "1 small RCT (n=15)"


@pytest.mark.parametrize(
    ("text", "verdict", "terms"),
    [
        ("Ketamine permanently cures OCD.", vd.SUPPORTED, ["permanently", "cures"]),
        ("Ketamine provides immediate relief in PTSD.", vd.SUPPORTED, ["immediate"]),
        ("The majority of patients with PTSD respond to ketamine.", vd.LIMITED, ["The majority"]),
        # issue 10: hype is flagged whatever the verdict (a supported claim can be overstated)
        ("The majority of patients with PTSD respond to ketamine.", vd.SUPPORTED, ["The majority"]),
        ("Ketamine is now recognised as a leading treatment for PTSD.", vd.SUPPORTED, ["leading treatment"]),
        ("Ketamine is the leading treatment for PTSD.", vd.NO_EVIDENCE, ["leading treatment"]),
        ("Ketamine has revolutionized PTSD care.", vd.MIXED, ["revolutionized"]),
        ("Ketamine reduces PTSD symptoms.", vd.LIMITED, []),
    ],
)
def test_overstatement(text: str, verdict: str, terms: list[str]) -> None:
    found, why = vd.overstatement(claim(text), verdict)
    assert found == terms
    assert (why is not None) == bool(terms)
