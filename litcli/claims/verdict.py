"""Verdicts for claims, the independent "overstated" flag, and one-sentence reasons.

Definitions (also in docs/CHECK.md):

- supported: records with a result for the claim mostly support it, and the
  support includes a human meta-analysis / systematic review or a human RCT
  (not small: n >= 30 or not stated).
- mixed: supporting and contradicting records both carry weight (neither
  outweighs the other three to one / two to one); or a reversed fact comes from
  the best-graded record but is outweighed; or a small RCT against support with
  no controlled human study.
- limited: the support comes only from small, uncontrolled, case, animal or
  in-vitro studies, or the relevant records report no result either way.
- contradicted: a reversed fact (such as "blocks" for "activates") that nothing
  supports or that outweighs the support; null / opposite results that outweigh
  support two to one; or higher-grade evidence leads: a human meta-analysis,
  systematic review or RCT (n >= 30 or not stated) against the claim while no
  supporting record is a controlled human study.
- no evidence found: PubMed (offline: the local library) found nothing relevant
  (after relaxing the query), or only retracted records.
- not checkable: the claim names no treatment, is a prediction or promise, or
  is too vague to turn into a query.

Retracted records and retraction notices never count toward a verdict.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from litcli.claims import vocabulary as vocab
from litcli.claims.evidence import CONTRADICTS, NEUTRAL, SUPPORTS, Evidence
from litcli.claims.extract import Claim
from litcli.claims.frame import parse_claim
from litcli.models import FLAG_CONCERN

SUPPORTED = "supported"
MIXED = "mixed"
LIMITED = "limited"
CONTRADICTED = "contradicted"
NO_EVIDENCE = "no evidence found"
NOT_CHECKABLE = "not checkable"
VERDICTS = [SUPPORTED, MIXED, LIMITED, CONTRADICTED, NO_EVIDENCE, NOT_CHECKABLE]
FAILING = frozenset({CONTRADICTED, NO_EVIDENCE})  # `check --strict` fails on these

SMALL_N = 30
_WEIGHTS = {
    "meta-analysis": 4.0,
    "systematic review": 3.5,
    "RCT": 3.0,
    "non-randomised trial": 1.5,
    "observational": 1.5,
    "case series/report": 1.0,
    "narrative review": 0.5,
    "editorial": 0.25,
    "other": 0.5,
}
_PLURALS = {
    "meta-analysis": "meta-analyses",
    "systematic review": "systematic reviews",
    "RCT": "RCTs",
    "non-randomised trial": "non-randomised trials",
    "observational": "observational studies",
    "case series/report": "case series/reports",
    "narrative review": "narrative reviews",
    "editorial": "editorials",
    "other": "other records",
}
_ABSOLUTE = re.compile(r"\b(" + "|".join(vocab.ABSOLUTE_TERMS) + r")(?!\w)", re.I)
_HYPE = re.compile(r"\b(" + "|".join(vocab.HYPE_TERMS) + r")\b", re.I)


@dataclass
class Verdict:
    verdict: str
    reason: str
    overstated: bool = False
    overstatement_terms: list[str] = field(default_factory=list)
    overstatement_reason: str | None = None
    best_evidence: str = ""


def weight(e: Evidence) -> float:
    if e.model in ("animal", "in vitro"):
        return 0.5
    return _WEIGHTS[e.level]


def is_strong(e: Evidence) -> bool:
    """Human, controlled, and not small."""
    if e.model in ("animal", "in vitro"):
        return False
    if e.level in ("meta-analysis", "systematic review"):
        return True
    return e.level == "RCT" and (e.n is None or e.n >= SMALL_N)


def _kind(e: Evidence) -> str:
    if e.model in ("animal", "in vitro"):
        return f"{e.model} study"
    if e.level == "RCT" and e.n is not None and e.n < SMALL_N:
        return "small RCT"
    return e.level


def summarize(items: list[Evidence]) -> str:
    """'2 meta-analyses, 1 small RCT (n=15), 3 animal studies'."""
    order = list(_WEIGHTS) + ["small RCT", "animal study", "in vitro study"]
    counts: Counter[str] = Counter(_kind(e) for e in items)
    parts: list[str] = []
    for kind in sorted(counts, key=lambda k: (order.index(k) if k in order else 99)):
        n = counts[kind]
        if kind == "small RCT":
            ns = sorted(e.n for e in items if _kind(e) == kind and e.n)
            label = "small RCT" if n == 1 else "small RCTs"
            parts.append(f"{n} {label} (n={', '.join(str(x) for x in ns)})")
        elif kind in ("animal study", "in vitro study"):
            parts.append(f"{n} {kind if n == 1 else kind.replace('study', 'studies')}")
        else:
            parts.append(f"{n} {kind if n == 1 else _PLURALS[kind]}")
    return ", ".join(parts)


def overstatement(claim: Claim, verdict: str) -> tuple[list[str], str | None]:
    """Words in the claim that outrun its evidence, and why (empty if none)."""
    absolutes = [m.group(0) for m in _ABSOLUTE.finditer(claim.text)]
    hype = [m.group(0) for m in _HYPE.finditer(claim.text)]
    terms: list[str] = []
    if absolutes:
        terms += absolutes
    if hype and verdict != SUPPORTED:
        terms += hype
    if not terms:
        return [], None
    quoted = ", ".join(f'"{t}"' for t in dict.fromkeys(t.lower() for t in terms))
    if absolutes and verdict == SUPPORTED:
        why = f"says {quoted}, which no abstract-level evidence can establish"
    elif verdict in (NO_EVIDENCE, NOT_CHECKABLE):
        why = f"says {quoted} without evidence to show it"
    else:
        why = f"says {quoted} but the evidence is {verdict}"
    return list(dict.fromkeys(terms)), why


def decide(
    claim: Claim,
    evidence: list[Evidence],
    *,
    checkable: bool = True,
    not_checkable_reason: str | None = None,
    searched: int = 0,
    relaxations: int = 0,
    library_size: int | None = None,
) -> Verdict:
    """The claim's verdict from its assessed evidence.

    ``library_size`` is given for an offline check (the records in the local
    library): the reasons then name the library, which was searched, not PubMed.
    """
    if not checkable:
        v = Verdict(NOT_CHECKABLE, f"Not checkable: {not_checkable_reason or 'no query could be built'}.")
        return _finish(claim, v)
    retracted = [e for e in evidence if not e.counted]
    relevant = [e for e in evidence if e.counted and e.rationale]
    note = ""
    if retracted:
        note = f" ({len(retracted)} retracted record{'s' if len(retracted) != 1 else ''} not counted)"
    if not relevant:
        if not evidence:
            tried = f" even after {relaxations} relaxation{'s' if relaxations != 1 else ''}" if relaxations else ""
            if library_size is None:
                reason = f"PubMed found no records for the query{tried}."
            else:
                held = f"{library_size} record{'s' if library_size != 1 else ''} in the library"
                reason = (
                    f"The local library has no records for the query{tried} "
                    f"(offline; {held}; run without --offline to search PubMed)."
                )
        elif not [e for e in evidence if e.counted]:
            reason = f"Only retracted records matched the query{note}."
            return _finish(claim, Verdict(NO_EVIDENCE, reason, best_evidence="retracted records only"))
        else:
            n = len([e for e in evidence if e.counted])
            reason = f"{n} record{'s' if n != 1 else ''} matched the query but no abstract speaks to this claim{note}."
        return _finish(claim, Verdict(NO_EVIDENCE, reason))
    concern = [e for e in relevant if FLAG_CONCERN in e.flags and e.stance != NEUTRAL]
    if concern:
        pmids = ", ".join(e.record.pmid for e in concern)
        note += (
            f" ({len(concern)} record{'s' if len(concern) != 1 else ''} with an expression of concern: "
            f"PMID {pmids})"
        )
    sup = [e for e in relevant if e.stance == SUPPORTS]
    con = [e for e in relevant if e.stance == CONTRADICTS]
    reversed_ = [e for e in con if e.reversal]
    s_weight = sum(weight(e) for e in sup)
    c_weight = sum(weight(e) for e in con)
    # A reversed fact decides the verdict when it outweighs the support or is at least as
    # well graded as the best support; one reversal in a weak record does not override
    # clear support elsewhere (it is then weighed like any contradicting record).
    reversal_leads = bool(reversed_) and (not sup or c_weight >= s_weight)
    reversal_best = bool(reversed_) and bool(sup) and _grade_key(reversed_) <= _grade_key(sup)
    # Higher-grade evidence leads: a human RCT (n >= 30 or not stated), meta-analysis or
    # systematic review against support that has no controlled human study at all.
    strong_con = [e for e in con if is_strong(e)]
    controlled_con = [e for e in con if e.controlled and e.model not in ("animal", "in vitro")]
    controlled_sup = [e for e in sup if e.controlled and e.model not in ("animal", "in vitro")]
    if reversal_leads:
        v = Verdict(CONTRADICTED, _reversal_reason(claim, reversed_) + note, best_evidence=summarize(reversed_))
    elif reversal_best:
        v = Verdict(
            MIXED,
            _reversal_reason(claim, reversed_)[:-1]
            + f", while {_n(sup)} support{'s' if len(sup) == 1 else ''} it ({summarize(sup)}){note}.",
            best_evidence=f"{summarize(sup)} for; {summarize(reversed_)} against",
        )
    elif con and (not sup or c_weight >= 2 * s_weight):
        against = f", outweighing {len(sup)} supporting" if sup else " and none supports it"
        v = Verdict(
            CONTRADICTED,
            f"{_n(con)} report{'s' if len(con) == 1 else ''} no effect or the opposite "
            f"({summarize(con)}){against}{note}.",
            best_evidence=summarize(con),
        )
    elif strong_con and not controlled_sup:
        v = Verdict(
            CONTRADICTED,
            f"{_describe_best(strong_con)} report{'s' if len(strong_con) == 1 else ''} no effect or the opposite; "
            f"the {len(sup)} supporting record{'s' if len(sup) != 1 else ''} "
            f"{'is' if len(sup) == 1 else 'are'} lower-grade ({summarize(sup)}){note}.",
            best_evidence=summarize(con),
        )
    elif controlled_con and not controlled_sup:
        v = Verdict(
            MIXED,
            f"{_describe_best(controlled_con)} report{'s' if len(controlled_con) == 1 else ''} no effect or the "
            f"opposite, against {_n(sup)} of lower grade ({summarize(sup)}){note}.",
            best_evidence=f"{summarize(con)} against; {summarize(sup)} for",
        )
    elif sup and con and s_weight < 3 * c_weight:
        v = Verdict(
            MIXED,
            f"{_n(sup)} support{'s' if len(sup) == 1 else ''} it ({summarize(sup)}) but {len(con)} "
            f"report{'s' if len(con) == 1 else ''} no effect or the opposite ({summarize(con)}){note}.",
            best_evidence=f"{summarize(sup)} for; {summarize(con)} against",
        )
    elif sup:
        strong = [e for e in sup if is_strong(e)]
        against = f"; {len(con)} against" if con else ""
        if strong:
            v = Verdict(
                SUPPORTED,
                f"Supported by {summarize(strong)}"
                + (f" among {len(sup)} supporting records" if len(sup) > len(strong) else "")
                + f"{against}{note}.",
                best_evidence=summarize(sup),
            )
        else:
            v = Verdict(
                LIMITED,
                f"Only small, uncontrolled, case or animal evidence supports it ({summarize(sup)}){against}{note}.",
                best_evidence=summarize(sup),
            )
    else:
        v = Verdict(
            LIMITED,
            f"{_n(relevant)} discuss{'es' if len(relevant) == 1 else ''} it but none reports a result for or against it{note}.",
            best_evidence=summarize(relevant),
        )
    return _finish(claim, v)


def _n(items: list[Evidence]) -> str:
    return f"{len(items)} record{'s' if len(items) != 1 else ''}"


def _grade_key(items: list[Evidence]) -> int:
    """The best (lowest) level rank among ``items``; animal and in-vitro work ranks last."""
    return min(len(_WEIGHTS) + 1 if e.model in ("animal", "in vitro") else e.rank for e in items)


def _describe_best(items: list[Evidence]) -> str:
    """'1 RCT (n=150)' / '2 meta-analyses': the best-graded of ``items``, named."""
    best = sorted(items, key=lambda e: (e.rank, -(e.n or 0)))
    top = [e for e in best if e.level == best[0].level]
    label = top[0].level if len(top) == 1 else _PLURALS[top[0].level]
    ns = ", ".join(f"n={e.n}" for e in top if e.n)
    return f"{len(top)} {label}" + (f" ({ns})" if ns else "")


def _reversal_reason(claim: Claim, items: list[Evidence]) -> str:
    frame = parse_claim(claim.text)
    negated = frame.negated
    drug = next((m.concept.label for m in claim.matches if m.concept.group == "intervention"), "the drug")
    cid, d = frame.mechanisms[0]
    target = vocab.CONCEPTS_BY_ID[cid].label
    said, found = ("activates", "blocking (antagonising)") if d > 0 else ("blocks", "activating")
    if negated:  # "does not activate" reversed by records that say it activates
        said, found = ("does not activate", "activating") if d > 0 else ("does not block", "blocking (antagonising)")
    cues = [r.cue for e in items for r in e.rationale if r.cue]
    example = f' ("{cues[0]}")' if cues else ""
    return (
        f"The claim says {drug} {said} the {target}, but {_n(items)} describe{'s' if len(items) == 1 else ''} "
        f"it as {found} it{example}."
    )


def _finish(claim: Claim, v: Verdict) -> Verdict:
    terms, why = overstatement(claim, v.verdict)
    v.overstated = bool(terms)
    v.overstatement_terms = terms
    v.overstatement_reason = f"Overstated: the claim {why}." if why else None
    return v
