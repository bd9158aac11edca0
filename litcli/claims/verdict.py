"""Verdicts for claims, the independent "overstated" flag, and one-sentence reasons.

The verdict rules are one ordered table, ``RULES``: each row is a name, the verdict, the
condition in words (``when``, listed in the same order in docs/CHECK.md, "Verdict rules";
tests/test_claims_verdict.py keeps the two in step), the test and the reason template.
The first row whose test holds decides.  ``Tally`` splits the claim's records once: records
not about the claim (``Evidence.off_topic``) are never weighed, retracted records and
retraction notices never count, and reasons are written from the records that are listed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from litcli.claims import regexcache
from litcli.claims import vocabulary as vocab
from litcli.claims.evidence import CONTRADICTS, NEUTRAL, SUPPORTS, Evidence
from litcli.claims.extract import Claim
from litcli.claims.frame import parse_claim
from litcli.models import FLAG_CONCERN
from litcli.tables import DESIGNS

SUPPORTED = "supported"
MIXED = "mixed"
LIMITED = "limited"
CONTRADICTED = "contradicted"
NO_EVIDENCE = "no evidence found"
NOT_CHECKABLE = "not checkable"
VERDICTS = [SUPPORTED, MIXED, LIMITED, CONTRADICTED, NO_EVIDENCE, NOT_CHECKABLE]
FAILING = frozenset({CONTRADICTED, NO_EVIDENCE})  # `check --strict` fails on these

SMALL_N = 30
# A design's weight and plural come from the one design table (litcli/tables.py).
_WEIGHTS: dict[str, float] = {d.level: d.weight for d in DESIGNS}
_PLURALS: dict[str, str] = {d.level: d.plural for d in DESIGNS}
_ABSOLUTE = regexcache.compile(r"\b(" + "|".join(vocab.ABSOLUTE_TERMS) + r")(?!\w)", re.I)
_HYPE = regexcache.compile(r"\b(" + "|".join(vocab.HYPE_TERMS) + r")\b", re.I)


@dataclass
class Verdict:
    verdict: str
    reason: str
    overstated: bool = False
    overstatement_terms: list[str] = field(default_factory=list)
    overstatement_reason: str | None = None
    best_evidence: str = ""
    rule: str = ""  # the name of the RULES row that decided


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


def summarize(items: list[Evidence], *, prefix: str = "") -> str:
    """'2 meta-analyses, 1 small RCT (n=15), 3 animal studies' (``prefix``: '1 retracted RCT')."""
    order = list(_WEIGHTS) + ["small RCT", "animal study", "in vitro study"]
    counts: Counter[str] = Counter(_kind(e) for e in items)
    parts: list[str] = []
    for kind in sorted(counts, key=lambda k: (order.index(k) if k in order else 99)):
        n = counts[kind]
        if kind == "small RCT":
            ns = sorted(e.n for e in items if _kind(e) == kind and e.n)
            label = "small RCT" if n == 1 else "small RCTs"
            sizes = f" (n={', '.join(str(x) for x in ns)})" if ns else ""
            parts.append(f"{n} {prefix}{label}{sizes}")
        elif kind in ("animal study", "in vitro study"):
            parts.append(f"{n} {prefix}{kind if n == 1 else kind.replace('study', 'studies')}")
        else:
            parts.append(f"{n} {prefix}{kind if n == 1 else _PLURALS[kind]}")
    return ", ".join(parts)


_TIME_POINT = regexcache.compile(
    r"\b(?:at|within|after|by|over|for|through) (?:the first )?(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|twelve|a few|several) (?:minutes?|hours?|days?|weeks?|months?|years?)\b"
    r"|\b(?:at |by |on |until )?(?:day|week|month) \d+\b",
    re.I,
)


def _time_points(items: list[Evidence], stance: str) -> list[str]:
    """Time points named in the ``stance`` rationale sentences of ``items`` ('at 24 hours')."""
    out: list[str] = []
    for e in items:
        for r in e.rationale:
            if r.stance != stance:
                continue
            m = _TIME_POINT.search(r.text)
            if m and m.group(0).lower() not in out:
                out.append(m.group(0).lower())
    return out[:2]


def evidence_shows(t: Tally) -> str:
    """What the counted records show, in a few words: '1 RCT (n=80) for; effect measured at
    24 hours; no effect at day 7'."""
    if not t.sup and not t.con:
        return "no counted record reports a result for it"
    parts = []
    if t.sup:
        parts.append(f"{summarize(t.sup)} for")
    if t.con:
        parts.append(f"{summarize(t.con)} against")
    shown = [", ".join(parts)]
    kept = _time_points(t.sup, SUPPORTS)
    lost = _time_points(t.con, CONTRADICTS)
    if kept:
        shown.append("effect measured " + " and ".join(kept))
    if lost:
        shown.append("no effect or the opposite " + " and ".join(lost))
    return "; ".join(shown)


def overstatement(claim: Claim, verdict: str, tally: Tally | None = None) -> tuple[list[str], str | None]:
    """Words in the claim that outrun its evidence, and why (empty if none).

    Absolutes ("permanent", "cure") and hype ("leading", "exceptional", "the majority") are
    flagged whatever the verdict: a supported claim can be overstated.  The reason quotes the
    words and says what the counted evidence does show.
    """
    terms = [m.group(0) for m in _ABSOLUTE.finditer(claim.text)]
    terms += [m.group(0) for m in _HYPE.finditer(claim.text)]
    if not terms:
        return [], None
    quoted = ", ".join(f'"{t}"' for t in dict.fromkeys(t.lower() for t in terms))
    if verdict in (NO_EVIDENCE, NOT_CHECKABLE) or tally is None:
        why = f"says {quoted} without evidence to show it"
    elif verdict == SUPPORTED:
        why = f"says {quoted}, more than the evidence shows ({evidence_shows(tally)})"
    else:
        why = f"says {quoted} but the evidence is {verdict} ({evidence_shows(tally)})"
    return list(dict.fromkeys(terms)), why


class Tally:
    """What the verdict rules look at: the claim's records, split and weighed once.

    Only records about the claim (``Evidence.about_claim``) are weighed; retracted ones and
    retraction notices are listed but never counted; ``relevant`` are the counted records
    whose abstract speaks to the claim (they have rationale sentences).
    """

    def __init__(
        self,
        claim: Claim,
        evidence: list[Evidence],
        *,
        checkable: bool = True,
        not_checkable_reason: str | None = None,
        relaxations: int = 0,
        library_size: int | None = None,
    ) -> None:
        self.claim = claim
        self.evidence = evidence
        self.checkable = checkable
        self.not_checkable_reason = not_checkable_reason
        self.relaxations = relaxations
        self.library_size = library_size
        self.about = [e for e in evidence if e.about_claim]
        self.not_about = [e for e in evidence if not e.about_claim]
        self.retracted = [e for e in self.about if not e.counted]
        self.counted = [e for e in self.about if e.counted]
        self.relevant = [e for e in self.counted if e.rationale]
        self.sup = [e for e in self.relevant if e.stance == SUPPORTS]
        self.con = [e for e in self.relevant if e.stance == CONTRADICTS]
        self.reversed = [e for e in self.con if e.reversal]
        self.s_weight = sum(weight(e) for e in self.sup)
        self.c_weight = sum(weight(e) for e in self.con)
        self.strong_con = [e for e in self.con if is_strong(e)]
        self.controlled_con = [e for e in self.con if _controlled_human(e)]
        self.controlled_sup = [e for e in self.sup if _controlled_human(e)]
        self.weak_reviews = [e for e in self.counted if e.weak_evidence is not None and _review(e)]

    @property
    def note(self) -> str:
        """'(1 retracted RCT not counted)', '(1 record with an expression of concern: PMID 1)'."""
        out = ""
        if self.retracted:
            out += f" ({summarize(self.retracted, prefix='retracted ')} not counted)"
        concern = [e for e in self.relevant if FLAG_CONCERN in e.flags and e.stance != NEUTRAL]
        if concern:
            pmids = ", ".join(e.record.pmid for e in concern)
            out += f" ({_n(concern)} with an expression of concern: PMID {pmids})"
        return out

    @property
    def also_found(self) -> str:
        """' (3 more records found are not about the claim)' when some were set aside."""
        if not self.not_about:
            return ""
        n = len(self.not_about)
        return f" ({n} other record{'s' if n != 1 else ''} found {'is' if n == 1 else 'are'} not about the claim)"


@dataclass(frozen=True)
class Rule:
    """One verdict rule: the first rule (in ``RULES`` order) whose ``test`` holds decides.

    ``when`` is the condition in words, exactly as docs/CHECK.md lists it (a test keeps
    the two in step); ``reason`` writes the one-sentence reason, ``best`` the evidence
    summary for the report's table.
    """

    name: str
    verdict: str
    when: str
    test: Callable[[Tally], bool]
    reason: Callable[[Tally], str]
    best: Callable[[Tally], str] = lambda t: ""


def _nothing_found_reason(t: Tally) -> str:
    tried = f" even after {t.relaxations} relaxation{'s' if t.relaxations != 1 else ''}" if t.relaxations else ""
    if t.library_size is None:
        return f"PubMed found no records for the query{tried}."
    held = f"{t.library_size} record{'s' if t.library_size != 1 else ''} in the library"
    return (
        f"The local library has no records for the query{tried} "
        f"(offline; {held}; run without --offline to search PubMed)."
    )


def _not_about_reason(t: Tally) -> str:
    n = len(t.not_about)
    why = Counter(e.off_topic for e in t.not_about).most_common()
    reasons = "; ".join(f"{r}: {c}" if len(why) > 1 else str(r) for r, c in why)
    return (
        f"{n} record{'s' if n != 1 else ''} matched the query but none is about the claim "
        f"({reasons}); {'it is' if n == 1 else 'they are'} listed as also found, not counted."
    )


def _reversal_leads(t: Tally) -> bool:
    return bool(t.reversed) and (not t.sup or t.c_weight >= t.s_weight)


def _reversal_best(t: Tally) -> bool:
    return bool(t.reversed) and bool(t.sup) and _grade_key(t.reversed) <= _grade_key(t.sup)


def _supported_reason(t: Tally) -> str:
    strong = [e for e in t.sup if is_strong(e)]
    against = f"; {_n(t.con)} against ({summarize(t.con)})" if t.con else ""
    among = f" among {len(t.sup)} supporting records ({summarize(t.sup)})" if len(t.sup) > len(strong) else ""
    return f"Supported by {summarize(strong)}{among}{against}{t.note}{t.also_found}."


def _weak_review_reason(t: Tally) -> str:
    review = sorted(t.weak_reviews, key=lambda e: (e.rank, -(e.n or 0)))[0]
    assert review.weak_evidence is not None
    said = review.weak_evidence.cue or "the evidence is limited"
    sup = f"; {_n(t.sup)} support{'s' if len(t.sup) == 1 else ''} it ({summarize(t.sup)})" if t.sup else ""
    return (
        f'A {review.level} (PMID {review.record.pmid}) concludes "{said}", so the claim is at best '
        f"limited{sup}{t.note}."
    )


RULES: list[Rule] = [
    Rule(
        "no research question", NOT_CHECKABLE,
        "The claim names no treatment; is a prediction or promise; is a social, commercial or definitional "
        "statement; or no sensible query could be built from it. Nothing is searched.",
        lambda t: not t.checkable,
        lambda t: f"Not checkable: {t.not_checkable_reason or 'no query could be built'}.",
    ),
    Rule(
        "nothing found", NO_EVIDENCE,
        "PubMed (offline: the local library) found no records, even after relaxing the query.",
        lambda t: not t.evidence,
        _nothing_found_reason,
    ),
    Rule(
        "none about the claim", NO_EVIDENCE,
        "Records were found, but none is about the claim's intervention and its condition or population; "
        "they are listed as \"also found, not counted\".",
        lambda t: not t.about,
        _not_about_reason,
        lambda t: "none about the claim",
    ),
    Rule(
        "only retracted", NO_EVIDENCE,
        "Every record about the claim is retracted (or is a retraction notice).",
        lambda t: not t.counted,
        lambda t: f"Only retracted records matched the query{t.note}.",
        lambda t: "retracted records only",
    ),
    Rule(
        "no abstract speaks to it", NO_EVIDENCE,
        "Records about the claim were found, but no abstract sentence speaks to it.",
        lambda t: not t.relevant,
        lambda t: f"{_n(t.counted)} matched the query but no abstract speaks to this claim{t.note}{t.also_found}.",
    ),
    Rule(
        "reversal leads", CONTRADICTED,
        "Records describe the reverse of the claimed fact (\"blocks\" for \"activates\") and nothing "
        "supports the claim, or the reversing records outweigh or equal the support by design weight.",
        _reversal_leads,
        lambda t: _reversal_reason(t.claim, t.reversed)[:-1] + f"{t.note}.",
        lambda t: summarize(t.reversed),
    ),
    Rule(
        "reversal in the best record", MIXED,
        "A reversed fact comes from a record graded at least as high as the best support, but is outweighed.",
        _reversal_best,
        lambda t: _reversal_reason(t.claim, t.reversed)[:-1]
        + f", while {_n(t.sup)} support{'s' if len(t.sup) == 1 else ''} it ({summarize(t.sup)}){t.note}.",
        lambda t: f"{summarize(t.sup)} for; {summarize(t.reversed)} against",
    ),
    Rule(
        "contradiction outweighs", CONTRADICTED,
        "Records report no effect or the opposite, and nothing supports the claim or they outweigh the "
        "support at least 2 to 1 by design weight.",
        lambda t: bool(t.con) and (not t.sup or t.c_weight >= 2 * t.s_weight),
        lambda t: f"{_n(t.con)} report{'s' if len(t.con) == 1 else ''} no effect or the opposite "
        f"({summarize(t.con)})"
        + (f", outweighing {_n(t.sup)} supporting it ({summarize(t.sup)})" if t.sup else " and none supports it")
        + f"{t.note}.",
        lambda t: summarize(t.con),
    ),
    Rule(
        "higher-grade evidence against", CONTRADICTED,
        "A human meta-analysis, systematic review or RCT (n >= 30 or not stated) reports no effect or the "
        "opposite, and no supporting record is a controlled human study.",
        lambda t: bool(t.strong_con) and not t.controlled_sup,
        lambda t: f"{_describe_best(t.strong_con)} report{'s' if len(t.strong_con) == 1 else ''} no effect or the "
        f"opposite; the {len(t.sup)} supporting record{'s' if len(t.sup) != 1 else ''} "
        f"{'is' if len(t.sup) == 1 else 'are'} lower-grade ({summarize(t.sup)}){t.note}.",
        lambda t: summarize(t.con),
    ),
    Rule(
        "a review finds the evidence weak", LIMITED,
        "A human systematic review or meta-analysis about the claim concludes that the evidence is limited, "
        "inconsistent, insufficient or of low quality: the claim is at best limited, whatever smaller "
        "studies say.",
        lambda t: bool(t.weak_reviews),
        _weak_review_reason,
        lambda t: summarize(t.weak_reviews) + " (evidence weak)",
    ),
    Rule(
        "only small controlled evidence against", MIXED,
        "Controlled human evidence against the claim is only small (RCT n < 30) and no controlled human "
        "study supports it.",
        lambda t: bool(t.controlled_con) and not t.controlled_sup,
        lambda t: f"{_describe_best(t.controlled_con)} report{'s' if len(t.controlled_con) == 1 else ''} no effect "
        f"or the opposite, against {_n(t.sup)} of lower grade ({summarize(t.sup)}){t.note}.",
        lambda t: f"{summarize(t.con)} against; {summarize(t.sup)} for",
    ),
    Rule(
        "both sides weigh", MIXED,
        "Records support the claim and records report no effect or the opposite, and the support does not "
        "outweigh the contradiction 3 to 1.",
        lambda t: bool(t.sup) and bool(t.con) and t.s_weight < 3 * t.c_weight,
        lambda t: f"{_n(t.sup)} support{'s' if len(t.sup) == 1 else ''} it ({summarize(t.sup)}) but {len(t.con)} "
        f"report{'s' if len(t.con) == 1 else ''} no effect or the opposite ({summarize(t.con)}){t.note}.",
        lambda t: f"{summarize(t.sup)} for; {summarize(t.con)} against",
    ),
    Rule(
        "strong support", SUPPORTED,
        "The support (at least 3 to 1 over any contradiction) includes a human meta-analysis, systematic "
        "review, or RCT that is not small (n >= 30 or not stated).",
        lambda t: any(is_strong(e) for e in t.sup),
        _supported_reason,
        lambda t: summarize(t.sup),
    ),
    Rule(
        "only weak support", LIMITED,
        "The support comes only from small RCTs (n < 30), uncontrolled trials, observational studies, case "
        "reports, narrative reviews, animal or in-vitro studies.",
        lambda t: bool(t.sup),
        lambda t: f"Only small, uncontrolled, case or animal evidence supports it ({summarize(t.sup)})"
        + (f"; {_n(t.con)} against ({summarize(t.con)})" if t.con else "")
        + f"{t.note}.",
        lambda t: summarize(t.sup),
    ),
    Rule(
        "no result either way", LIMITED,
        "Records about the claim discuss it, but none reports a result for or against it.",
        lambda t: True,
        lambda t: f"{_n(t.relevant)} discuss{'es' if len(t.relevant) == 1 else ''} it but none reports a result "
        f"for or against it{t.note}.",
        lambda t: summarize(t.relevant),
    ),
]


def decide(
    claim: Claim,
    evidence: list[Evidence],
    *,
    checkable: bool = True,
    not_checkable_reason: str | None = None,
    relaxations: int = 0,
    library_size: int | None = None,
) -> Verdict:
    """The claim's verdict from its assessed evidence: the first rule of ``RULES`` that holds.

    ``library_size`` is given for an offline check (the records in the local
    library): the reasons then name the library, which was searched, not PubMed.
    """
    t = Tally(
        claim, evidence, checkable=checkable, not_checkable_reason=not_checkable_reason,
        relaxations=relaxations, library_size=library_size,
    )
    rule = next(r for r in RULES if r.test(t))
    v = Verdict(rule.verdict, rule.reason(t), best_evidence=rule.best(t), rule=rule.name)
    return _finish(claim, v, t)


def _controlled_human(e: Evidence) -> bool:
    return e.controlled and e.model not in ("animal", "in vitro")


def _review(e: Evidence) -> bool:
    return e.level in ("meta-analysis", "systematic review") and e.model not in ("animal", "in vitro")


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


def _finish(claim: Claim, v: Verdict, tally: Tally | None = None) -> Verdict:
    terms, why = overstatement(claim, v.verdict, tally)
    v.overstated = bool(terms)
    v.overstatement_terms = terms
    v.overstatement_reason = f"Overstated: the claim {why}." if why else None
    return v
