"""One PubMed query per claim: AND across concept groups, OR within, relaxed step by step.

Groups follow the vocabulary's priority (intervention, condition, mechanism,
outcome, population, route, comparator, setting).  Concepts of one group are
alternatives and are ORed ("OCD or PTSD"), except mechanisms: each named
mechanism is a separate assertion and gets its own AND group.  When a query
finds nothing, the lowest-priority group is dropped and the query rerun, until
two groups remain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from litcli.claims import regexcache
from litcli.claims import vocabulary as vocab
from litcli.claims.extract import Claim, is_prediction
from litcli.errors import InvalidInputError

MAX_GROUPS = 4  # groups in the first query (more rarely finds anything)
MAX_FALLBACK_WORDS = 2
MIN_GROUPS = 2

PREDICTION_REASON = "it is a prediction or a promise, not a finding"
_WORD = regexcache.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_NON_RESEARCH = regexcache.compile(vocab.NON_RESEARCH_CLAIM, re.I)


@dataclass
class TermGroup:
    group: str  # vocabulary group, or "fallback"
    concepts: list[vocab.Concept] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # fallback title/abstract words

    @property
    def label(self) -> str:
        if self.concepts:
            return " or ".join(c.label for c in self.concepts)
        return " ".join(self.words)

    def pubmed(self) -> str:
        parts: list[str] = []
        for c in self.concepts:
            parts += [f'"{m}"[MeSH]' for m in c.mesh]
            parts += [_tiab(t) for t in c.tiab]
        parts += [_tiab(w) for w in self.words]
        unique = list(dict.fromkeys(parts))
        return unique[0] if len(unique) == 1 else "(" + " OR ".join(unique) + ")"


def _tiab(term: str) -> str:
    return f'"{term}"[tiab]' if regexcache.search(r"[\s\-/]", term) else f"{term}[tiab]"


@dataclass
class QueryPlan:
    groups: list[TermGroup]
    checkable: bool
    reason: str | None = None  # why the claim is not checkable

    def query(self, n: int | None = None) -> str:
        groups = self.groups if n is None else self.groups[:n]
        return " AND ".join(g.pubmed() for g in groups)

    def steps(self) -> list[tuple[int, str | None]]:
        """(number of groups, label of the group dropped to get there), widest last."""
        out: list[tuple[int, str | None]] = [(len(self.groups), None)]
        for n in range(len(self.groups) - 1, MIN_GROUPS - 1, -1):
            out.append((n, self.groups[n].label))
        return out

    def to_dict(self) -> dict[str, object]:
        return {
            "groups": [
                {"group": g.group, "label": g.label, "concepts": [c.id for c in g.concepts], "words": g.words}
                for g in self.groups
            ],
            "query": self.query() if self.groups else None,
            "checkable": self.checkable,
            "reason": self.reason,
        }


def fallback_words(text: str, known: list[vocab.Match], limit: int = MAX_FALLBACK_WORDS) -> list[str]:
    """Content words the vocabulary does not know, longest first (for title/abstract search)."""
    covered = " ".join(m.text.lower() for m in known)
    seen: list[str] = []
    for w in _WORD.findall(text):
        lw = w.lower().strip("'-")
        if lw in vocab.GENERIC_WORDS or lw in covered or len(lw) < 5 or lw.endswith("ly"):
            continue
        if lw.endswith(("ing", "ed")) or lw in seen:  # verbs and participles rarely name a topic
            continue
        seen.append(lw)
    return sorted(seen, key=len, reverse=True)[:limit]


def build_plan(claim: Claim) -> QueryPlan:
    """The claim's query plan, or an uncheckable plan with the reason."""
    strong = [m for m in claim.matches if not m.concept.weak]
    by_group: dict[str, list[vocab.Concept]] = {}
    for m in strong:
        by_group.setdefault(m.concept.group, [])
        if m.concept not in by_group[m.concept.group]:
            by_group[m.concept.group].append(m.concept)
    groups: list[TermGroup] = []
    for name in vocab.GROUPS:
        concepts = by_group.get(name, [])
        if not concepts:
            continue
        if name == "mechanism":
            groups += [TermGroup(name, [c]) for c in concepts]
        else:
            groups.append(TermGroup(name, concepts))
    groups = groups[:MAX_GROUPS]
    names = {g.group for g in groups}
    if not names & {"intervention", "comparator"}:
        return QueryPlan(groups, False, "it names no treatment, so there is nothing to test against PubMed")
    if is_prediction(claim.original):  # the claim's main verb is future, not any "will"
        return QueryPlan(groups, False, PREDICTION_REASON)
    social = _non_research(claim)
    if social:
        return QueryPlan(
            groups, False,
            f'it is a social or commercial statement ("{social}"), not a research question a study could test',
        )
    if len(groups) < MIN_GROUPS:
        words = fallback_words(claim.text, claim.matches)
        groups += [TermGroup("fallback", words=[w]) for w in words]
    if len(groups) < MIN_GROUPS:
        return QueryPlan(
            groups, False, "it is too vague to test: it names a treatment but no condition, outcome or mechanism"
        )
    if "intervention" not in names and all(g.group in ("comparator", "fallback") for g in groups):
        loose = ", ".join(w for g in groups if g.group == "fallback" for w in g.words)
        treatment = " or ".join(g.label for g in groups if g.group == "comparator")
        return QueryPlan(
            groups, False,
            f"no sensible query could be built: besides {treatment} it names only loose words ({loose}), "
            f"which would search {' AND '.join(g.pubmed() for g in groups)}",
        )
    try:  # the query PubMed would get passes the same validator as `litcli search`
        from litcli import query as pubmed_query

        pubmed_query.validate_query(" AND ".join(g.pubmed() for g in groups))
    except InvalidInputError as exc:
        return QueryPlan(groups, False, f"no sensible query could be built: {exc.message}")
    return QueryPlan(groups, True)


def _non_research(claim: Claim) -> str | None:
    """The words that make the claim a social or commercial statement (stigma, availability,
    costs), unless it also names a clinical outcome or a mechanism a study could test."""
    m = _NON_RESEARCH.search(claim.text)
    if not m:
        return None
    from litcli.claims.frame import parse_claim

    frame = parse_claim(claim.text)
    if frame.outcome_classes or frame.mechanisms or any(x.concept.group == "mechanism" for x in claim.matches):
        return None
    return m.group(0)
