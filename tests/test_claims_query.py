"""Concept vocabulary and query plans: AND across groups, OR within, relaxation, not checkable."""

from __future__ import annotations

import pytest

from litcli.claims import vocabulary as vocab
from litcli.claims.extract import Claim, extract_claims, parse_article
from litcli.claims.query import build_plan, fallback_words


def claim(text: str) -> Claim:
    claims = extract_claims(parse_article(text, kind="text"))
    assert len(claims) == 1, claims
    return claims[0]


def ids(text: str) -> list[str]:
    return [m.concept.id for m in vocab.find_concepts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Intranasal esketamine for treatment-resistant depression", ["intranasal", "esketamine", "trd"]),
        ("ketamine in bipolar depression", ["ketamine", "bipolar"]),  # bipolar supersedes depression
        ("social anxiety and OCD", ["social_anxiety", "ocd"]),  # not also generalized anxiety
        ("NMDA receptor antagonism raises BDNF via mTOR", ["nmda", "bdnf", "mtor"]),
        ("the ECT arm and the IV arm", ["ect", "iv"]),
        ("an ect-like word and a tv", []),  # acronyms are case-sensitive
        ("esketamine only", ["esketamine"]),  # "ketamine" inside "esketamine" is not ketamine
    ],
)
def test_find_concepts(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_every_concept_is_well_formed() -> None:
    for c in vocab.CONCEPTS:
        assert c.group in vocab.GROUPS
        assert c.detect and (c.mesh or c.tiab), c.id
        assert all(s in vocab.CONCEPTS_BY_ID for s in c.supersedes), c.id
    assert len(vocab.CONCEPTS_BY_ID) == len(vocab.CONCEPTS)


def test_query_and_across_groups_or_within() -> None:
    plan = build_plan(claim("Ketamine reduces symptoms of OCD and PTSD compared with placebo."))
    assert plan.checkable
    assert [g.group for g in plan.groups] == ["intervention", "condition", "comparator"]
    assert plan.query() == (
        '("Ketamine"[MeSH] OR ketamine[tiab]) AND '
        '("Obsessive-Compulsive Disorder"[MeSH] OR "obsessive-compulsive"[tiab] OR OCD[tiab] OR '
        '"Stress Disorders, Post-Traumatic"[MeSH] OR PTSD[tiab] OR posttraumatic[tiab] OR "post-traumatic"[tiab]) AND '
        '("Placebos"[MeSH] OR placebo[tiab])'
    )


def test_each_mechanism_is_its_own_group() -> None:
    plan = build_plan(claim("The activation of NMDA receptors by ketamine increases BDNF."))
    assert [g.label for g in plan.groups] == ["ketamine", "NMDA receptor", "BDNF"]
    assert " AND " in plan.query() and plan.query().count(" AND ") == 2


def test_relaxation_steps_drop_lowest_priority_first() -> None:
    plan = build_plan(claim("Esketamine nasal spray delivered through telehealth is effective for major depression."))
    assert [g.group for g in plan.groups] == ["intervention", "condition", "route", "setting"]
    assert plan.steps() == [(4, None), (3, "telehealth"), (2, "intranasal")]
    assert "Telemedicine" in plan.query(4) and "Telemedicine" not in plan.query(3)
    assert plan.query(2) == (
        '(esketamine[tiab] OR Spravato[tiab]) AND ("Depressive Disorder, Major"[MeSH] OR "Depression"[MeSH] '
        "OR depression[tiab] OR depressive[tiab])"
    )


def test_weak_outcomes_never_enter_the_query() -> None:
    plan = build_plan(claim("Ketamine is effective and provides benefits in PTSD."))
    assert [g.group for g in plan.groups] == ["intervention", "condition"]
    assert "efficacy" not in plan.query()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("OCD is a complex mental health condition.", "names no treatment"),
        ("Ketamine therapy will transform psychiatric care for depression.", "prediction or a promise"),
        ("The treatment of Ketamine therapy provides benefits to patients.", "too vague"),
    ],
)
def test_not_checkable(text: str, reason: str) -> None:
    plan = build_plan(claim(text))
    assert not plan.checkable
    assert reason in (plan.reason or "")


def test_unknown_content_words_fall_back_to_tiab_terms() -> None:
    c = claim("Ketamine treatment reduces chronic tinnitus loudness.")
    plan = build_plan(c)
    assert plan.checkable
    fallback = [g for g in plan.groups if g.group == "fallback"]
    assert [g.words for g in fallback] == [["tinnitus"], ["loudness"]]
    assert plan.query().endswith("AND tinnitus[tiab] AND loudness[tiab]")
    assert fallback_words("the increasing public use", []) == ["public"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # issue 10: social / commercial statements are no research question (were "no evidence found")
        ("The increasing public understanding of Ketamine treatment has contributed to reducing social "
         "discrimination against psychiatric patients.", 'social or commercial statement ("public understanding")'),
        ("The increasing availability of Ketamine therapy represents a significant progress in mental health "
         "equality.", 'social or commercial statement ("availability")'),
        # a comparator and loose words: the mangled query of the issue is never sent
        ("The majority of patients experience only minimal benefits from taking SSRIs and mood stabilizers as "
         "their primary treatment.", "no sensible query could be built"),
    ],
)
def test_no_research_question_is_not_checkable(text: str, reason: str) -> None:
    plan = build_plan(claim(text))
    assert not plan.checkable
    assert reason in (plan.reason or ""), plan.reason


def test_a_cost_word_next_to_a_clinical_outcome_stays_checkable() -> None:
    plan = build_plan(claim("Ketamine lowers depression scores at a lower cost than ECT."))
    assert plan.checkable, plan.reason
