"""Relevance before stance: is a record about the claim at all?

A record found by a claim's query counts only when it is about the claim's intervention (the
drug, or a named form of it: ``Concept.form_of``) and its condition or population.  What the
claim is about comes from the claim frame (``frame.parse_claim``) and the vocabulary; the
record-level "another condition / another population" decision is the reader's
(``stance.judge_record`` answers such a record with one ``off-topic`` rationale item), so
there is one relevance reader.  This module adds what the reader does not decide: whether the
record is about the drug at all (title or MeSH, not a mention in the background), whether it
names the claim's condition at all, and animal-only work for a claim about patients.

Each check returns the reason shown under "also found, not counted", or None.
"""

from __future__ import annotations

import re

from litcli.claims import regexcache
from litcli.claims import vocabulary as vocab
from litcli.claims.extract import Claim
from litcli.claims.frame import parse_claim
from litcli.claims.stance import NEUTRAL, Judgement, condition_ids
from litcli.models import Record

# sections whose mention of a drug does not make the record about it
_BACKGROUND = ("BACKGROUND", "INTRODUCTION", "CONTEXT", "IMPORTANCE", "RATIONALE")
_GENERIC_TREATMENTS = frozenset(
    ["medication", "medications", "drug", "drugs", "agent", "agents", "therapy", "therapies", "treatment", "treatments"]
)
_OTHER = regexcache.compile(vocab.OTHER_TREATMENTS, re.I)
_WEAK = regexcache.compile(vocab.EVIDENCE_WEAK, re.I)


def drug_concepts(claim: Claim) -> list[vocab.Concept]:
    """The claim's drugs (intervention concepts, inherited ones too) and their named forms."""
    out: list[vocab.Concept] = []
    for m in claim.matches:
        if m.concept.group != "intervention":
            continue
        for c in [m.concept, *(f for f in vocab.CONCEPTS if f.form_of == m.concept.id)]:
            if c not in out:
                out.append(c)
    return out


def _names(concepts: list[vocab.Concept], text: str) -> bool:
    return any(vocab.mentions(c, text) for c in concepts)


def _other_treatment(record: Record, drugs: list[vocab.Concept]) -> str | None:
    """The treatment a record is about instead: named in its title, else its first chemical."""
    title = record.title or ""
    for m in vocab.find_concepts(title):
        if m.concept.group in ("intervention", "comparator") and m.concept not in drugs:
            return m.text
    for other in _OTHER.finditer(title):
        word = other.group(0)
        if word.lower() not in _GENERIC_TREATMENTS and not word.lower().endswith("therapy"):
            return word
    for chem in record.chemicals:
        if not regexcache.search(r"\b(agents?|antagonists?|agonists?|inhibitors?|drugs?)\b", chem, re.I) and not _names(drugs, chem):
            return chem
    return None


def about_drug(claim: Claim, record: Record) -> str | None:
    """None when the record is about the claim's drug, else why not ("another drug (nitrous oxide)")."""
    drugs = drug_concepts(claim)
    if not drugs:
        return None  # a claim without a vocabulary drug: the query and the reader decide
    indexed = " ; ".join([record.title or "", *record.mesh_terms, *record.chemicals, *record.keywords])
    if _names(drugs, indexed) or any(h.lower() in {m.lower() for m in record.mesh_terms} for c in drugs for h in c.mesh):
        return None
    other = _other_treatment(record, drugs)
    if other:  # a trial of another drug that mentions the claim's in passing
        return f"another drug ({other})"
    sections = [s for s in record.abstract if not (s.nlm_category or s.label or "").upper().startswith(_BACKGROUND)]
    texts = [s.text for s in sections]
    if len(record.abstract) == 1 and not (record.abstract[0].nlm_category or record.abstract[0].label):
        from litcli.claims.sentences import split_sentences

        texts = split_sentences(record.abstract[0].text)
        texts = texts[1:] if len(texts) > 2 else texts  # past an opening background sentence
    if any(_names(drugs, t) for t in texts):
        return None
    return f"not about {drugs[0].label}"




def about_condition(claim: Claim, record: Record) -> str | None:
    """None when the claim names no condition or the record names one of the claim's (or a
    more specific form of it); else why not ("another condition (PTSD)", "not about OCD")."""
    frame = parse_claim(claim.text)
    if not frame.conditions or frame.mechanisms or frame.assertion == "mechanism":
        return None  # a mechanism claim is answered by work on the mechanism, whatever the condition
    wanted = set(frame.conditions)
    for cid in frame.conditions:
        wanted.update(vocab.CONCEPTS_BY_ID[cid].supersedes)
    text = " ".join([record.title or "", record.abstract_text, *record.mesh_terms])
    found = condition_ids(text)
    if found & wanted:
        return None
    if found:
        labels = [vocab.CONCEPTS_BY_ID[c].label for c in sorted(found) if vocab.CONCEPTS_BY_ID[c].group == "condition"]
        return f"another condition ({', '.join(labels[:2])})"
    return "not about " + " or ".join(vocab.CONCEPTS_BY_ID[c].label for c in frame.conditions)


def patients_only(claim: Claim, model: str) -> str | None:
    """An animal or in-vitro study for a claim about patients (a condition, not a mechanism)."""
    if model not in ("animal", "in vitro"):
        return None
    frame = parse_claim(claim.text)
    if not frame.conditions or frame.mechanisms or frame.assertion == "mechanism" or "animals" in frame.populations:
        return None
    return f"{model} study; the claim is about patients"


def before_reading(claim: Claim, record: Record, model: str) -> str | None:
    """The checks that need no reading of the abstract (cheap; the reader is skipped when one fails)."""
    return about_drug(claim, record) or about_condition(claim, record) or patients_only(claim, model)


def reader_verdict(judgement: Judgement) -> str | None:
    """The reader's own record-level decision: one off-topic item ("another population")."""
    if judgement.stance != NEUTRAL or len(judgement.rationale) != 1:
        return None
    item = judgement.rationale[0]
    return item.cue if item.kind == "off-topic" and item.cue else None


def weak_evidence_sentence(record: Record) -> tuple[str, str | None, str] | None:
    """A review's conclusion that the evidence is weak: (sentence, section, the words), the
    last such sentence of the abstract (its conclusion), or None."""
    from litcli.claims.stance import record_sentences

    found = None
    for text, section in record_sentences(record):
        if (section or "").upper().startswith(_BACKGROUND):
            continue
        m = _WEAK.search(text)
        if m:
            found = (text, section, m.group(0))
    return found
