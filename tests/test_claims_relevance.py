"""claims.relevance: a record counts only when it is about the claim's drug (or a named form of
it) and its condition or population; animal-only work does not answer a claim about patients."""

from __future__ import annotations

from litcli.claims import evidence as ev
from litcli.claims import relevance as rl
from litcli.models import AbstractSection, MeshHeading, Record
from tests.test_claims_evidence import claim

RCT = ["Journal Article", "Randomized Controlled Trial"]


def rec(title: str, sections: list[tuple[str, str]], mesh: tuple[str, ...] = ("Humans",),
        chemicals: tuple[str, ...] = ()) -> Record:
    return Record(
        pmid="99000300", title=title, publication_types=RCT,
        abstract=[AbstractSection(text=t, label=label, nlm_category=label) for label, t in sections],
        mesh=[MeshHeading(descriptor=m) for m in mesh], chemicals=list(chemicals),
    )


def test_a_named_form_of_the_drug_counts() -> None:
    r = rec("Esketamine nasal spray in major depression.", [("RESULTS", "Esketamine improved depression scores.")])
    assert rl.about_drug(claim("Ketamine improves major depression."), r) is None


def test_another_drug_that_names_ketamine_only_in_passing() -> None:
    r = rec("Inhaled anaesthetic gas for depression.", [
        ("BACKGROUND", "Ketamine gives rapid relief."),
        ("RESULTS", "Nitrous oxide reduced depression scores within 24 hours."),
    ], chemicals=("Nitrous Oxide",))
    assert rl.about_drug(claim("Ketamine gives rapid relief in major depression."), r) == "another drug (Nitrous Oxide)"
    bare = rec("Inhaled anaesthetic gas for depression.", [
        ("BACKGROUND", "Ketamine gives rapid relief."), ("RESULTS", "The gas reduced depression scores.")])
    assert rl.about_drug(claim("Ketamine gives rapid relief in major depression."), bare) == "not about ketamine"


def test_animal_only_work_does_not_answer_a_claim_about_patients() -> None:
    r = rec("Ketamine in a rat model of compulsive behaviour.", [
        ("RESULTS", "Ketamine reduced compulsive, OCD-like behaviour in rats.")], mesh=("Animals", "Rats", "Ketamine"))
    e = ev.assess(r, claim("Ketamine reduces OCD symptoms."))
    assert e.off_topic == "animal study; the claim is about patients" and not e.about_claim
    # a mechanism claim is answered by animal work
    m = ev.assess(r, claim("Ketamine blocks NMDA receptors in OCD."))
    assert m.off_topic is None


def test_a_claim_without_a_condition_takes_any_condition() -> None:
    r = rec("Ketamine in PTSD.", [("RESULTS", "Ketamine reduced PTSD symptoms.")], mesh=("Humans", "Ketamine"))
    assert rl.about_condition(claim("Ketamine produces rapid antidepressant effects."), r) is None
    assert rl.about_condition(claim("Ketamine reduces OCD symptoms."), r) == "another condition (post-traumatic stress disorder)"
