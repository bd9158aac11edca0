"""Judge one claim against one abstract: the public face of the claim-evidence reader.

``judge(claim, sentences)`` reads the claim as a frame (what it asserts about which
intervention, condition and outcome), reads each abstract sentence as a result (who was
compared with whom, on which outcome, in which direction, significant or not), compares the
two and returns a stance (supports / contradicts / neutral, as defined in docs/CHECK.md and
../shared/STANCE.md) with the 1-3 sentences that decided it and the cue in each.

Everything here is free of Click and of the network; ``verify`` and ``check`` call it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from litcli.claims import reader as rd
from litcli.claims import regexcache
from litcli.claims import vocabulary as vocab
from litcli.claims.figures import quotes_figure, read_figures
from litcli.claims.frame import (
    PERMANENT_DAYS,
    POPULATIONS,
    ClaimFrame,
    amount_level,
    claim_core,
    parse_claim,
    time_days,
)
from litcli.claims.prefilter import Alternatives, PatternSet, prefiltered
from litcli.claims.reader import (
    HARM,
    Finding,
    content_stems,
    outcome_classes,
    read_clause,
    section_label,
    sentence_kind,
    split_clauses,
    stem,
    target_direction,
)
from litcli.claims.sentences import split_sentences
from litcli.models import Record

SUPPORTS = "supports"
CONTRADICTS = "contradicts"
NEUTRAL = "neutral"
STANCES = (SUPPORTS, CONTRADICTS, NEUTRAL)

# An abstract sentence: its text and its section label (RESULTS, CONCLUSIONS, ...; None when unknown).
Sentence = tuple[str, "str | None"]


@dataclass
class SentenceJudgement:
    text: str
    index: int  # 0-based position of the sentence in the abstract as given
    section: str | None
    stance: str
    cue: str | None = None
    score: float = 0.0
    kind: str = "finding"  # finding | aim | method | limitation | background | off-topic
    result: dict[str, Any] | None = None  # what the sentence reports (effect, outcome, valence, significant)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "index": self.index,
            "section": self.section,
            "stance": self.stance,
            "cue": self.cue,
            "kind": self.kind,
            "relevance": self.score,
            "result": self.result,
        }


@dataclass
class Judgement:
    stance: str
    rationale: list[SentenceJudgement] = field(default_factory=list)
    frame: dict[str, Any] = field(default_factory=dict)  # the claim frame, as data

    def to_dict(self) -> dict[str, Any]:
        return {"stance": self.stance, "rationale": [r.to_dict() for r in self.rationale], "frame": self.frame}


def _normalise(sentences: Sequence[str | Sentence]) -> list[Sentence]:
    out: list[Sentence] = []
    for s in sentences:
        if isinstance(s, str):
            out.append((s, None))
        else:
            out.append((s[0], s[1]))
    return out


def record_sentences(record: Record) -> list[Sentence]:
    """The record's abstract as (sentence, section label) pairs, in order (the title when it has no abstract)."""
    from litcli.claims.sentences import split_sentences

    out: list[Sentence] = []
    for sec in record.abstract:
        label = sec.nlm_category or sec.label
        for s in split_sentences(sec.text):
            out.append((s, label))
    if not out and record.title:
        out.append((record.title, "TITLE"))
    return out


# --- comparing a claim frame with a sentence ------------------------------------------------

_EFFECT_LOST = prefiltered(vocab.EFFECT_LOST, re.I)
_EFFECT_KEPT = regexcache.compile(vocab.EFFECT_KEPT, re.I)
_FEW_KEPT = regexcache.compile(vocab.EFFECT_FEW_KEPT, re.I)
_NOT_LOST = regexcache.compile(r"\b(had not|has not|did not|not yet|never) (resolved|faded|waned|returned|worn off)\b", re.I)
_BOTH_ARMS = regexcache.compile(
    r"\b(in|across) (both|all|each of the) (\w+ )?(arms|groups|conditions)\b|\bboth (arms|groups|treatments)\b"
    r"|\bboth (after|with|in|for) [\w-]+ and [\w-]+\b|\bin each (group|arm)\b",
    re.I,
)
_OTHER_TREATMENT = regexcache.compile(vocab.OTHER_TREATMENTS, re.I)
_ARM_REFERENCE = regexcache.compile(vocab.ARM_REFERENCE, re.I)
_PRIMARY = regexcache.compile(r"\bprimary (outcome|end-?point|efficacy (outcome|end-?point))s?\b", re.I)
# (or a clause with no subject of its own, about the comparison before it: "..., but did not reach significance")
_DIFFERENCE_NAMED = regexcache.compile(r"\b(the )?(difference|differences|comparison|separation|between[- ]groups?|between the|among the|intergroup)\b", re.I)
# a clause with no subject of its own, about the comparison before it: "..., but did not reach significance"
_SUBJECTLESS_NULL = regexcache.compile(r"^\s*(but|although|though|however,?|which)\s+(it\s+|this\s+)?(did|was|were|is|not|failed)\b", re.I)
def _names_outcome(frame: ClaimFrame, clause: str) -> bool:
    """Does the clause name the claim's outcome (its words, or a measure of it)?"""
    own = frame.outcome_stems - _WEAK_STEMS
    return bool(own & content_stems(clause)) or bool(frame.outcome_classes & outcome_classes(clause))


_OBJECT_OF_NULL = regexcache.compile(
    r"\b(?:effects?|impact|influence|differences?|changes?)\s+(?:on|in|of)\s+(?:the\s+|any\s+)?(?:risk\s+of\s+|rates?\s+of\s+|incidence\s+of\s+)?([a-z][\w-]{2,})"
    r"|\b(?:did|does|do)\s+not\s+(?:change|alter|affect|reduce|increase|improve|modify)\s+(?:the\s+)?(?:risk\s+of\s+|rates?\s+of\s+|incidence\s+of\s+)?([a-z][\w-]{2,})"
    r"|\bnot\s+(?:significantly\s+)?associated\s+with\s+(?:an?\s+|the\s+)?(?:(?:increased|decreased|higher|lower|reduced)\s+)?(?:risk\s+of\s+|incidence\s+of\s+)?(?:incident\s+)?(?!(?:increased|decreased|higher|lower|reduced)\b)([a-z][\w-]+)",
    re.I,
)


_DIFFERENCE_IN = regexcache.compile(r"\bdifferences?\s+(?:in|of)\s+(?!the\s+(?:groups?|arms?)\b)", re.I)


def _names_other_outcome(frame: ClaimFrame, clause: str) -> bool:
    """Does a null clause name an outcome of its own ("had no significant effect on myocardial
    infarction", "did not change the risk of stroke"), not the claim's?  ("the difference did not
    reach significance" names none.)"""
    if _DIFFERENCE_NAMED.search(clause) and not _DIFFERENCE_IN.search(clause):
        return False  # "the difference between the groups was not significant" tests the comparison
    # ("no difference in readmissions" names one; "the difference in MADRS scores" a measure of the claim's)
    # (nor a measure of the claim's condition: "change of HAM-D-6 score" in a depression trial)
    conditions = set(frame.conditions).union(*(vocab.CONCEPTS_BY_ID[c].supersedes for c in frame.conditions))
    return any(
        stem(w) not in frame.stems and not frame.outcome_classes & outcome_classes(w) - _GENERIC_CLASSES and not condition_ids(w) & conditions
        for m in _OBJECT_OF_NULL.finditer(clause) for w in m.groups() if w and w.lower() not in vocab.FUNCTION_WORDS
    )


# the subject of a result clause: "Hypotension: ...", "After 4 weeks, prosthesis wear time increased ..."
_CLAUSE_SUBJECT = regexcache.compile(
    r"^\s*(?:(?:but|and|although|though|however|whereas|while|yet),?\s+)?"
    r"(?:(?:after|at|by|during|in|over|within|for|on)\s[^,;:]{1,40},\s*)?(?:the\s+|a\s+|an\s+)?"
    r"(?:\d[\w-]*\s+)?(?P<s>[A-Za-z][\w /'-]{2,60}?)\s*(?::\s|\s(?:was|were|did|had|has|have|showed|increased|decreased|rose|fell|"
    r"improved|worsened|occurred|remained|differed|declined|changed|reduced|did not|was not|were not)\b)",
    re.I,
)
_MEANS = regexcache.compile(r"\b(?:by|via|through)\s+$", re.I)
_LABELLED = regexcache.compile(r"^\s*[A-Za-z][\w /'-]{2,60}?:\s")
_NOT_AN_OUTCOME = regexcache.compile(vocab.NOT_AN_OUTCOME_SUBJECT, re.I)


def _about_another_outcome(frame: ClaimFrame, clause: str) -> bool:
    """Is a result clause's subject an outcome that is not the claim's ("bradycardia: 4.5% vs
    6.1% (p=0.52)", "prosthesis wear time increased ... (p=0.64)" against a claim about pain)?
    Not when the clause names the claim's outcome anywhere, nor when its subject is the
    difference, the groups or the people ("The difference was not significant")."""
    m = _CLAUSE_SUBJECT.match(clause)
    if not m or _names_outcome(frame, clause) or _acronym_stems(clause) & frame.outcome_stems:
        return False
    subject = m.group("s")
    if _NOT_AN_OUTCOME.search(subject) or any(frame.arms().positions(subject)) or rd.CONTROL.search(subject):
        return False
    own = content_stems(subject) - frame.stems - _WEAK_STEMS
    return bool(own) and bool(frame.outcome_stems - _WEAK_STEMS)


def _tests_the_difference(frame: ClaimFrame, clause: str, clauses: list[str]) -> bool:
    """Does a null clause test the difference between the arms?  A clause with no subject of its
    own ("..., but did not reach significance") tests the clauses just before it, which must be
    about the claim's outcome ("... rash was slightly higher, although not significantly" does not
    test the diarrhoea named before it)."""
    if _DIFFERENCE_NAMED.search(clause):
        return True
    if not _SUBJECTLESS_NULL.search(clause) or clause not in clauses:
        return False
    k = clauses.index(clause)
    before = " ".join(clauses[max(0, k - 2) : k])
    # (the last thing named before it: "X was higher and that of rash was slightly higher, although not significantly")
    before = regexcache.split(r"\b(?:and|but|while|whereas)\s+(?:that|those)\s+of\b", before)[-1]
    return bool(frame.outcome_stems & content_stems(before))


_TREATED_WITH = regexcache.compile(r"\b(?:patients|participants|people|those|subjects|individuals)\s+(?:treated with|receiving|taking|given|who (?:received|took|were given))\s+", re.I)
_COMPARED = regexcache.compile(r"\b(than|versus|vs\.?|compared (with|to)|relative to|over)\b", re.I)
_BETWEEN_ARMS = regexcache.compile(vocab.BETWEEN_ARMS, re.I)
_AGENT = regexcache.compile(r"^\s*([A-Za-z][\w-]+)\s+(?:\w+ly\s+)?(?:" + vocab.UP_TERMS + "|" + vocab.DOWN_TERMS + "|" + vocab.GOOD_TERMS + r")\b", re.I)
_GENERIC_AGENTS = vocab.GENERIC_AGENTS
_CONTROL_REFERENCE = regexcache.compile(r"\b(?:compared (?:with|to)|versus|vs\.?|than|relative to|(?:differ\w*|separat\w*) from)\s+(?:the\s+|a\s+)?(?:" + vocab.CONTROL_TERMS + r")\b", re.I)
_INN = regexcache.compile(r"\b" + vocab.INN_STEMS + r"\b", re.I)
_TREATMENT_AS_TIME = regexcache.compile(r"\s+(stage|period|phase|weeks?|days?|months?|duration|effects?|groups?|arms?|differences?|allocation|assignment|conditions?|by time)\b", re.I)


_SUBGROUP = regexcache.compile(vocab.SUBGROUP_RESULT, re.I)


def _subgroup(frame: ClaimFrame, sentence: str) -> str | None:
    """A result in a subgroup the claim does not name ("In a prespecified subgroup of women with a
    cervical length below 30 mm, ..." for a claim about twin pregnancies): not the claim's people."""
    m = _SUBGROUP.search(sentence)
    if not m or content_stems(m.group(1)) & frame.stems:
        return None
    # (nor the claim's own people by their ages or group: "the subgroup aged 65 years and older" for "people over 65")
    wanted, found = _age_range(frame.text, claim=True), _age_range(m.group(1))
    if wanted and found and found[0] <= wanted[1] and found[1] >= wanted[0] or set(frame.populations) & _populations_in(m.group(1)) & {*vocab.NAMED_POPULATIONS, "older adults"}:
        return None
    return "a subgroup: " + m.group(1).strip()[:60]


_OTHER_CONTROL_ARM = regexcache.compile(r"\b(?:" + vocab.OTHER_CONTROL_ARMS + r")\b", re.I)
_SET_AGAINST = regexcache.compile(vocab.ARM_SET_AGAINST, re.I)
_ADDED_TO = regexcache.compile(r"\b(?:" + vocab.ADD_ON_WORDS + r")\b", re.I)
_ONLY_BASE = regexcache.compile(r"\b(?:" + vocab.BASE_ONLY_COMPARATOR + r")\b", re.I)


_STOPPING = regexcache.compile(r"^\W*(?:" + vocab.WITHDRAWAL_TERMS + r")\b", re.I)


def _another_comparator(frame: ClaimFrame, sentence: str, ipos: list[int]) -> str | None:
    """A comparison of the claim's treatment with another arm than the claim's active comparator
    ("... 19.2 in the spironolactone group and 12.9 in the placebo group" for "spironolactone
    improves acne compared with doxycycline"; "... with oral misoprostol and 65% with vaginal
    dinoprostone" for "misoprostol is more effective than oxytocin"): not the comparison the
    claim is about.  (Another drug counts only against a comparator named as one drug: "SSRIs"
    has members.)"""
    text = frame.comparator_text or ""
    arms = frame.arms()
    comparator = arms.comparator
    # (the claim's treatment by its own words, not "the intervention condition")
    if not ipos or arms.intervention is None or not arms.intervention.search(sentence):
        return None
    if not text or comparator is None or rd.CONTROL.search(text) or _ONLY_BASE.search(text) or comparator.search(sentence):
        return None
    if _STOPPING.match(text):
        return None  # "compared with stopping it": in a withdrawal trial the arm switched to placebo
    if _ADDED_TO.search(frame.text):
        return None  # the base of an add-on is the placebo arm's treatment too
    others = list(_OTHER_CONTROL_ARM.finditer(sentence))
    if _INN.search(text):
        others += [m for m in _INN.finditer(sentence) if stem(m.group(0)) not in frame.stems]
    for m in others:
        if content_stems(m.group(0)) & frame.stems:
            continue
        if _SET_AGAINST.search(sentence[max(0, m.start() - 60) : m.start()]) or regexcache.match(r"\s*(?:group|arm)s?\b", sentence[m.end() :]):
            return "compared with " + m.group(0) + ", not the claim's comparator"
    return None


def _names_an_agent(word: str) -> bool:
    """Can the first word of a sentence be an agent acting ("Remdesivir reduced ...")?  Not an
    adverb, a function word or a word about the result ("Significantly less decline ...")."""
    w = word.lower()
    return not (w in _GENERIC_AGENTS or w in vocab.FUNCTION_WORDS or w.endswith("ly") or w in vocab.NOT_AGENT_WORDS)
_TRIAL_COMPARISON = regexcache.compile(r"\b(primary (outcome|end-?point)|" + vocab.CONTROL_TERMS + r")\b", re.I)
_WEAK_STEMS = frozenset(stem(w) for w in vocab.WEAK_OUTCOME_WORDS.split())
_PEOPLE_STEMS = frozenset(stem(w) for w in (vocab.PEOPLE_NOUNS + "|" + vocab.RESTRICTION_FILLER).split("|"))
_SETTING_GENERIC = frozenset(stem(w) for w in vocab.SETTING_GENERIC_WORDS.split())
_GENERIC_OUTCOME_STEMS = frozenset(stem(w) for w in vocab.GENERIC_OUTCOME_WORDS)
_EFFICACY_CLASSES = outcome_classes("response remission relapse")
_RESPONSE_CLASSES = outcome_classes("response remission")
_HARD = regexcache.compile(vocab.HARD_OUTCOMES, re.I)
_TREATMENT_POP = regexcache.compile(vocab.TREATMENT_POPULATION, re.I)
_NOT_ENROLLED = regexcache.compile(r"\bno \w+ (were|was) (enrolled|included|recruited|studied)\b", re.I)


@dataclass(frozen=True)
class Reading:
    """One sentence read against one claim."""

    stance: str
    cue: str | None
    kind: str  # finding | aim | method | limitation | background | off-topic | ...
    relevance: float
    finding: Finding | None = None


@lru_cache(maxsize=4096)
def condition_ids(text: str) -> frozenset[str]:
    """The vocabulary conditions ``text`` names, with the broader ones they imply
    ("treatment-resistant depression" also names "depression")."""
    out: set[str] = set()
    for m in vocab.find_concepts(text):
        if m.concept.group == "condition":
            out.add(m.concept.id)
            out.update(m.concept.supersedes)
    return frozenset(out)


_AGE_BETWEEN = prefiltered(r"\b(?:aged?|ages)\s+(\d{1,3})\s*(?:to|-|–|and)\s*(\d{1,3})\b|\b(\d{1,3})\s*(?:to|-|–)\s*(\d{1,3})[\s-]*(?:years?|yrs?)[\s-]*(?:old|of age)", re.I)
_AGE_AT_LEAST = prefiltered(r"\b(\d{1,3})\s*(?:years?|yrs?)?\s*(?:of age\s*)?(?:or|and)\s+(?:older|over|above)\b|\baged?\s*(?:≥|>=)\s*(\d{1,3})\b", re.I)
_AGE_OVER = prefiltered(r"\b(?:over|above|older than|after (?:the )?age(?: of)?|past)\s+(\d{1,3})\b(?!\s*(?:%|mg|g\b|kg|ml|mmol|times|days|weeks|months|hours|minutes|per))", re.I)
_AGE_UNDER = prefiltered(r"\b(?:under|below|younger than|before (?:the )?age(?: of)?)\s+(\d{1,3})\b(?!\s*(?:%|mg|g\b|kg|ml|mmol|times|days|weeks|months|hours|minutes|per))", re.I)
_ALL_CAUSE = regexcache.compile(vocab.ALL_CAUSE_DEATHS, re.I)
_CAUSE_SPECIFIC = regexcache.compile(vocab.CAUSE_SPECIFIC_DEATHS, re.I)
_SUBTYPE = regexcache.compile(vocab.SUBTYPES, re.I)
_ORDINAL_SUBTYPE = regexcache.compile(vocab.ORDINAL_SUBTYPES, re.I)
_ORDINALS = vocab.ORDINAL_WORDS
_EXCLUDED = Alternatives(vocab.EXCLUDED, re.I)
_EXCLUDED_GUARD = prefiltered(r"exclu|eligib|enrol|includ|without", re.I)
_EXCLUSION_CRITERION = regexcache.compile(vocab.EXCLUSION_CRITERION, re.I)


@lru_cache(maxsize=8192)
def _without_excluded(text: str) -> str:
    """The text without the people a study left out ("patients with PTSD were excluded",
    "bipolar disorder was an exclusion criterion"): they are not its population."""
    if not _EXCLUDED_GUARD.search(text):
        return text  # (the long pattern only where one of its words is)
    text = _EXCLUDED.sub(" ", text)
    return _EXCLUSION_CRITERION.sub(" ", text) if "exclusion criteri" in text.lower() else text


_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5"}


def _subtypes(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for m in _SUBTYPE.finditer(text):
        label = m.group(2).upper()
        found.setdefault(m.group(1).lower(), set()).add(_ROMAN.get(label, label))
    for m in _ORDINAL_SUBTYPE.finditer(text):
        found.setdefault(m.group(2).lower(), set()).add(_ORDINALS.get(m.group(1).lower(), m.group(1).lower()))
    return found


_EXCLUSIVE = tuple((group, tuple((name, regexcache.compile(r"(?<![\w-])(?:" + p + r")(?![\w-])", re.I)) for name, p in members)) for group, members in vocab.EXCLUSIVE_POPULATIONS)


@lru_cache(maxsize=2048)
def _exclusive_named(claim: str) -> tuple[tuple[int, frozenset[str]], ...]:
    """The groups of ``_EXCLUSIVE`` the claim names a member of, with the members it names."""
    named = ((k, frozenset(name for name, rx in members if rx.search(claim))) for k, (_group, members) in enumerate(_EXCLUSIVE))
    return tuple((k, wanted) for k, wanted in named if wanted)


def _exclusive_population(claim: str, sentence: str) -> str | None:
    """ "premenopausal women" in a sentence read against a claim about postmenopausal women: the
    other member of a group of populations that exclude each other (None if the sentence also names
    the claim's)."""
    for k, wanted in _exclusive_named(claim):
        found = {name for name, rx in _EXCLUSIVE[k][1] if rx.search(sentence)}
        if found and not found & wanted:
            return sorted(found)[0]
    return None


def _other_subtype(claim: str, sentence: str) -> str | None:
    """ "type 2 diabetes" in a sentence read against a claim about "type 1 diabetes": the other
    subtype named (None when the sentence names the claim's own, or no subtype of the same head)."""
    wanted = _subtypes(claim)
    if not wanted:
        return None
    found = _subtypes(sentence)
    for head, labels in wanted.items():
        seen = found.get(head)
        if seen and not seen & labels:
            return f"{head} {sorted(seen)[0]}"
    return None


_SITE = regexcache.compile(vocab.BODY_SITES, re.I)


_GRADE = "|".join(vocab.SEVERITY_GRADES)
_SEVERITY = regexcache.compile(r"\b(" + _GRADE + r")(?:\s*(?:-|to|-to-)\s*(" + _GRADE + r"))?\s+([a-z][\w-]{3,})", re.I)


def _severities(text: str) -> dict[str, set[str]]:
    """The grades of severity a text gives a condition: {"depress": {"mild", "moderate"}} for
    "mild to moderate depression" (a range takes every grade between its ends)."""
    out: dict[str, set[str]] = {}
    for m in _SEVERITY.finditer(text):
        ends = [vocab.SEVERITY_GRADES.index(g.lower()) for g in (m.group(1), m.group(2) or m.group(1))]
        grades = set(vocab.SEVERITY_GRADES[min(ends) : max(ends) + 1])
        out.setdefault(stem(m.group(3)), set()).update(grades)
    return out


_CANCER_SITES = [(site, regexcache.compile(r"\b(?:" + p + r")\b[\w ,-]{0,45}?\b(?:" + vocab.CANCER_NOUNS + r")\b", re.I)) for site, p in vocab.CANCER_SITES]
_CANCER_WORD = regexcache.compile(r"\b(?:" + vocab.CANCER_NOUNS + r")", re.I)


def _cancer_sites(text: str) -> set[str]:
    """The sites of the cancers a text names ("cervical cancer", "anal precancerous lesions")."""
    if not _CANCER_WORD.search(text):
        return set()
    return {site for site, rx in _CANCER_SITES if rx.search(text)}


def _sites(text: str) -> set[str]:
    """The body sites a text names ("knee", "hip"), singular."""
    return {
        "back" if m.group(0).lower().endswith("pain") else vocab.BODY_SITE_REGIONS.get(m.group(0).lower(), m.group(0).lower().removesuffix("s"))
        for m in _SITE.finditer(text)
    }


@lru_cache(maxsize=1024)
def _drug_pattern(text: str) -> re.Pattern[str] | None:
    """The vocabulary drugs ``text`` names (with their named forms), as one pattern."""
    ids = {m.concept.id for m in vocab.find_concepts(text) if m.concept.group == "intervention"}
    pats = [p for c in vocab.CONCEPTS if c.id in ids or c.form_of in ids for p in c.detect]
    if not pats:
        # a drug the vocabulary does not know: the intervention's own words that are not a route
        routes = [m.text.lower() for m in vocab.find_concepts(text) if m.concept.group == "route"]
        words = [w for w in regexcache.findall(r"[A-Za-z][\w-]{3,}", text) if w.lower() not in _GENERIC_AGENTS and not any(w.lower() in r for r in routes)]
        words = [w for w in words if w.lower() not in vocab.DOSAGE_FORM_WORDS]
        pats = [r"\b" + re.escape(w) for w in words]
    return re.compile("|".join(f"(?:{p})" for p in pats), re.I) if pats else None


def _route_of(sentence: str, start: int, end: int, drug: re.Pattern[str] | None) -> bool:
    """Is the route named at start..end the drug's ("oral ketamine", "esketamine nasal spray",
    "ketamine given intravenously"), rather than another treatment's ("an oral antidepressant")?"""
    if drug is None:
        return True
    after = sentence[end : end + 40].split()[:3]
    before = sentence[max(0, start - 40) : start].split()[-2:]
    joined = regexcache.compile(r"^(plus|and|or|with|to|versus|vs\.?|than|an?|the)$", re.I)
    if after and drug.search(" ".join(after)) and not any(joined.match(w) for w in after[:-1]):
        return True  # "oral ketamine", "intranasal (IN) esketamine"
    return bool(before and drug.search(" ".join(before)) and not any(joined.match(w) for w in before[1:]))  # "esketamine nasal spray"


@lru_cache(maxsize=8192)
def _age_range(text: str, *, claim: bool = False) -> tuple[float, float] | None:
    """The ages ``text`` is about, from its words ("aged 10 to 30 years", "60 years or older",
    "over 65", "under 55", "after age 30"), or None.  Outside a claim, "over"/"under" count
    only with years or age named ("over 600 patients" is not an age)."""
    for m in _AGE_BETWEEN.finditer(text):
        lo, hi = float(m.group(1) or m.group(3)), float(m.group(2) or m.group(4))
        if 0 < lo < hi <= 120:
            return lo, hi
    least = _AGE_AT_LEAST.search(text)
    if least:
        return float(least.group(1) or least.group(2)), 150.0
    for pattern, over in ((_AGE_OVER, True), (_AGE_UNDER, False)):
        for found in pattern.finditer(text):
            age = float(found.group(1))
            # ("younger than 65", "older than 70" are ages whatever follows)
            aged = regexcache.match(r"\s*(years?|yrs?|-year)", text[found.end() :], re.I) or "age" in found.group(0).lower() or regexcache.match(r"(?:younger|older) than", found.group(0), re.I)
            if age <= 110 and (claim or aged):
                return (age + 0.5, 150.0) if over else (0.0, age - 0.5)
    return None


@lru_cache(maxsize=8192)
def _populations_in(text: str) -> frozenset[str]:
    return frozenset(pid for pid, p in POPULATIONS if p.search(text))


_DOSE = regexcache.compile(
    r"(?<![\w.])((?:\d+(?:[.·]\d+)?\s*(?:,|and|or)\s*)*\d+(?:[.·]\d+)?)\s*(" + vocab.DOSE_UNITS + r")(?!\w|/(?!d(?:ay)?\b))", re.I
)


_ANOTHER_ARM_BETWEEN = regexcache.compile(r"\b(?:versus|vs|than|compared|with|and|or|plus)\b", re.I)


def _doses(text: str, drug: re.Pattern[str] | None = None) -> frozenset[tuple[float, str]]:
    """The doses a text names ("75 mg", "5 and 2.5 mg", "1000 IU", "325 mg/day"; not "0.5 mg/kg",
    a rate per weight, nor "80 mg/dL", a concentration), with ``drug`` only those next to it."""
    out = set()
    near = [m.span() for m in drug.finditer(text)] if drug is not None else None
    for m in _DOSE.finditer(text):
        if regexcache.search(r"\b(?:CI|confidence interval|difference)\b[^;]{0,30}$", text[: m.start()], re.I):
            continue  # (an interval's bound: "95% CI for difference: 3.8 to 31.1 mg/day")
        if near is not None and not any(
            -25 <= m.start() - b <= 40 and not _ANOTHER_ARM_BETWEEN.search(text[b : m.start()]) or 0 <= a - m.end() <= 25 for a, b in near
        ):
            continue  # (not the comparator's: "AZD3199 versus formoterol 9 μg")
        unit = m.group(2).lower().replace("μ", "µ").replace("mcg", "µg").replace("ug", "µg")
        out |= {(float(n.replace("·", ".")), unit) for n in regexcache.findall(r"\d+(?:[.·]\d+)?", m.group(1))}
    return frozenset(out)


_SINGLE_DOSE = regexcache.compile(vocab.SINGLE_DOSE, re.I)
_REPEATED_DOSES = regexcache.compile(vocab.REPEATED_DOSES, re.I)
_FIRST_DOSE = regexcache.compile(vocab.FIRST_DOSE, re.I)


def _off_topic(frame: ClaimFrame, sentence: str, *, record: bool = False) -> str | None:
    """Why the sentence (or, with ``record``, a whole record) is about another condition or
    population than the claim's (None if not).  A record that also names the claim's condition
    is not ruled out by a conflicting one named beside it (a bipolar trial's background on
    unipolar depression)."""
    sentence = _without_excluded(sentence)  # "patients with bipolar disorder were excluded"
    wanted_ages = _age_range(frame.text, claim=True)
    if wanted_ages:
        found_ages = _age_range(sentence)
        if found_ages and (found_ages[1] < wanted_ages[0] or found_ages[0] > wanted_ages[1]):
            return f"another age group ({found_ages[0]:g}-{found_ages[1]:g} years)".replace("-150 years", "+ years")
    other_type = _other_subtype(frame.text, sentence)
    if other_type:
        return f"another type ({other_type})"
    other_group = _exclusive_population(frame.text, sentence)
    if other_group:
        return f"another population ({other_group})"
    claimed_doses = _doses(frame.intervention_text or "")
    found_doses = _doses(sentence, frame.arms().intervention) if claimed_doses else frozenset()
    if found_doses and not found_doses & claimed_doses:
        return f"another dose ({sorted(found_doses)[0][0]:g} {sorted(found_doses)[0][1]})"
    if _SINGLE_DOSE.search(frame.text) and not _REPEATED_DOSES.search(frame.text) and _REPEATED_DOSES.search(sentence) and not _FIRST_DOSE.search(sentence):
        return f"another regimen ({_REPEATED_DOSES.search(sentence).group(0)})"  # type: ignore[union-attr]
    for noun, grades in _severities(frame.text).items():
        found_grades = _severities(sentence).get(noun)
        if found_grades and not found_grades & grades:
            return f"another severity ({'-'.join(g for g in vocab.SEVERITY_GRADES if g in found_grades)} {noun})"
    lacking = None if frame.prevention else _people_without(frame.text, sentence)
    if lacking:
        return f"people without {lacking}"
    other_people = _other_people(frame.text, sentence)
    if other_people:
        return f"another population ({other_people})"
    cancers = _cancer_sites(frame.text)
    if cancers:
        found_cancers = _cancer_sites(sentence)
        if found_cancers and not found_cancers & cancers:
            return f"another cancer ({sorted(found_cancers)[0]})"
    sites = _sites(frame.text)
    if sites:
        found_sites = _sites(sentence)
        if found_sites and not found_sites & sites:
            return f"another site ({sorted(found_sites)[0]})"
    if frame.conditions:
        found = condition_ids(sentence)
        wanted = set(frame.conditions)
        for cid in frame.conditions:
            wanted.update(vocab.CONCEPTS_BY_ID[cid].supersedes)
        conflicting = [c for cid in frame.conditions for c in vocab.CONDITION_CONFLICTS.get(cid, ()) if c in found]
        if found and not found & wanted or conflicting and not (record and found & set(frame.conditions)):
            named = [m.concept.label for m in vocab.find_concepts(sentence) if m.concept.group == "condition"]
            return f"another condition ({', '.join(named[:2])})"
    if frame.routes:
        # a route counts when it is the claim's drug's ("oral ketamine", "ketamine ... orally"), not
        # another drug's ("esketamine plus an oral antidepressant")
        drug = _drug_pattern(frame.intervention_text or "")
        found_routes = {
            m.concept.id
            for m in vocab.find_concepts(sentence)
            if m.concept.group == "route" and _route_of(sentence, m.start, m.start + len(m.text), drug)
        }
        if found_routes and not found_routes & set(frame.routes):
            return f"another route ({', '.join(sorted(vocab.CONCEPTS_BY_ID[r].label for r in found_routes))})"
    if frame.populations:
        sentence = _NOT_ENROLLED.sub(" ", sentence)
        present = _populations_in(sentence)
        for pid in frame.populations:
            if pid in present:
                continue
            # (not a population the claim names too: "women ... compared to men")
            others = [other for other in vocab.POPULATION_CONFLICTS.get(pid, ()) if other in present and other not in frame.populations]
            if others:
                return f"another population ({others[0]})"
    return None


_PEOPLE_WITHOUT = regexcache.compile(
    r"(?:\b(?:" + vocab.PEOPLE_NOUNS + r")\s+without|\bwho\s+(?:did|do|does)\s+not\s+have|\bwho\s+had\s+no)\s+(?:an?\s+|any\s+)?((?:[\w-]+\s+){0,3}[\w-]+)", re.I
)
_COMPARED_WITH = regexcache.compile(r"\b(?:compared\s+(?:with|to)|than|versus|vs\.?)\s+(?:the\s+|those\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_CLAIM_WITH = regexcache.compile(r"\b(?:" + vocab.PEOPLE_NOUNS + r"|those)\s+with\s+((?:[\w-]+\s+){0,3}[\w-]+)", re.I)


_CLAIM_PEOPLE_WITH = regexcache.compile(r"\b(?:in|among|for)\s+(?:" + vocab.PEOPLE_NOUNS + r")\s+with\s+((?:[\w-]+\s+){0,5}?[\w-]+)\s*(?:[,.;]|$)", re.I)
_LEADING_PEOPLE_WITH = regexcache.compile(r"^\W*(?:in|among)\s+(?:the\s+)?(?:\d[\d,]*\s+)?(?:" + vocab.PEOPLE_NOUNS + r")\s+with\s+([^,;]{3,80}?),", re.I)


def _other_people(claim: str, sentence: str) -> str | None:
    """Who a sentence's leading setting names when it shares no word with the people the claim
    names ("In women with twin pregnancies and a normal cervical length," for "in women with a
    short cervix"); only for people the vocabulary's conditions do not already tell apart."""
    mine = _CLAIM_PEOPLE_WITH.search(claim_core(claim))
    theirs = _LEADING_PEOPLE_WITH.match(sentence)
    if not mine or not theirs or condition_ids(mine.group(1)) or condition_ids(theirs.group(1)):
        return None
    wanted = _stems_and_parts(mine.group(1)) - _WEAK_STEMS
    if not wanted or wanted & _stems_and_parts(theirs.group(1)) or wanted & _stems_and_parts(sentence[theirs.end() :]):
        return None
    # (nor a condition by its abbreviation: "women with PCOS" / "women with polycystic ovary syndrome")
    words = theirs.group(1).split()
    if any(_spells(a, " ".join(words[k:])) for a in regexcache.findall(r"\b[A-Z]{2,6}\b", mine.group(1)) for k in range(len(words))):
        return None
    return theirs.group(1)


def _spells(short: str, long: str) -> bool:
    """Is ``short`` an abbreviation of the start of ``long`` ("PCOS": "polycystic ovary
    syndrome"): its first letter begins the first word, its other letters follow in order, and
    the last word used begins with a letter of it?"""
    low = long.lower()
    if not low or low[0] != short[0].lower():
        return False
    at = 0
    for ch in short.lower():
        at = low.find(ch, at)
        if at < 0:
            return False
        at += 1
    return len(regexcache.findall(r"[a-z]+", low[:at])) >= max(2, len(short) - 2)


def _people_without(claim: str, sentence: str) -> str | None:
    """What the claim's people have and the sentence's people do not ("women with PCOS" against
    "women ... who did not have polycystic ovary syndrome"), or None."""
    has = _CLAIM_WITH.search(claim)
    if not has:
        return None
    wanted = content_stems(has.group(1)) - _WEAK_STEMS
    short = {w for w in regexcache.findall(r"\b[A-Z]{2,6}\b", has.group(1))}
    for m in _PEOPLE_WITHOUT.finditer(sentence):
        if _COMPARED_WITH.search(sentence[max(0, m.start() - 40) : m.start()]):
            continue  # "compared with patients without prior use of X": the other group
        words = m.group(1)
        if wanted & content_stems(words) or any(_spells(a, words) for a in short):
            return words
    return None


_PEOPLE = regexcache.compile(r"(" + vocab.PEOPLE_NOUNS + r")$", re.I)
_SHARE = regexcache.compile(r"(" + vocab.SHARE_NOUNS + r")$", re.I)  # "a greater proportion of X-treated patients had Y"


_LISTED_OBJECT = regexcache.compile(r",?\s+(?:" + vocab.LISTED_OBJECT + r")\s+", re.I)


def _anchored(frame: ClaimFrame, f: Finding, clause: str) -> bool:
    """Is the finding's cue next to the claim's outcome (within a few words), so that the
    direction read is about what the claim is about?"""
    if not f.cue or not frame.outcome_stems:
        return False
    at = clause.find(f.cue)
    if at < 0:
        return False
    unit = frame.arms().amount_unit
    if unit:
        # (not the word of an arm's amount: "those sleeping more than 7 hours ... were more likely to")
        amounts = [(m.start(), m.end()) for m in rd.amount_of_unit(unit).finditer(clause)]
        while at >= 0 and any(a <= at < b for a, b in amounts):
            at = clause.find(f.cue, at + 1)
        if at < 0:
            return False
    wanted = frame.outcome_stems - _WEAK_STEMS
    if f.direction and regexcache.search(r"\d", f.cue) and wanted & content_stems(_MOVES.sub(" ", clause[:at])):
        return True  # numbers per arm: "Median time to relapse was 246 days with A and 112 days with B" (not "fell from 10 to 8": a verb, not "falls")
    # the object after the word ("reduced expression of IME1"), or the subject before a copula
    # ("IME1 levels were reduced")
    # a comparative ("more advanced cells") qualifies only the next words
    words_after = regexcache.split(r";|\s[-–—]\s", clause[at + len(f.cue) :], maxsplit=1)[0].split()  # (not past a semicolon)
    comparative = regexcache.search(r"\b(more|less|fewer|greater|higher|lower|larger|smaller)$", f.cue, re.I)
    # ("did not significantly lower the risk of X", "failed to lower": a verb, whose object follows)
    span = 2 if comparative and not regexcache.search(r"\b(not|to|did|does|do|will|would|could|may|might)\b", f.cue, re.I) else 6
    if regexcache.search(r"\b(?:to|not)$", f.cue, re.I):
        span = 9  # "failed to | reduce the duration or severity of acute gastroenteritis": the verb comes first
    if span == 2 and words_after and (_PEOPLE.match(words_after[0]) or _SHARE.match(words_after[0]) or words_after[0].lower() == "likely"):
        span = 12  # "more patients taking X achieved pain freedom", "fewer subjects ... were hungry", "more likely to have reported abdominal pain"
    elif span == 2 and _MEASURE_OF.match(" ".join(words_after[:3])):
        span = 5  # "lower levels of IFN-gamma", "higher rates of compaction": the thing measured follows
    after = " ".join(words_after[:span])
    named_after = _named_stems(after) | _synonym_stems(frame.text, after)  # ("reduced onward transmission" for "cuts flu spread")
    if wanted & _parts(named_after) or _parts(wanted) & named_after:
        return True
    if f.direction and not comparative:
        # the verb's later objects, listed after the first: "can reduce the risk of failed lumbar
        # punctures, as well as the number of needle insertions" (up to another direction word)
        rest = clause[at + len(f.cue) :]
        stop = _MOVES.search(rest)
        listed = _LISTED_OBJECT.search(rest[: stop.start() if stop else 160][:160])
        if listed and wanted & content_stems(rest[listed.end() : (stop.start() if stop else 160)]):
            return True
    if f.association and not frame.comparator_text and wanted & content_stems(f.cue[len(f.cue) // 2 :] + clause[at + len(f.cue) :].split(" ", 1)[0]):
        return True  # "associated with more than twice the risk of SUID": the outcome is inside the cue
    before_words = clause[:at].split()
    predicate = regexcache.search(r"\b(was|were|is|are|been|be|remained|became|being)\b", " ".join(before_words[-3:]), re.I)
    intransitive = bool(regexcache.match(r"(rose|fell|grew|increased|decreased|declined|dropped|doubled|halved|rises|falls|grows)\b", f.cue.split()[-1], re.I))
    # (a null said of its subject: "Serum BDNF levels did not change significantly")
    intransitive = intransitive or f.null and bool(regexcache.match(r"(?:did|does|do) not (?:change|differ|vary|increase|decrease|rise|fall)\b", f.cue, re.I))
    if before_words and (predicate or intransitive):
        return bool(_parts(wanted) & _parts(_named_stems(" ".join(before_words[-14:]))))
    return False


_WITHIN_GROUP = regexcache.compile(
    r"\bfrom baseline\b|\b(?:compared (?:with|to)|relative to|vs\.?|versus|above|over) baseline\b|\bbaseline (?:value|level|score)s?\b"
    r"|\bfrom\s+[-−]?\d[^;]{0,40}?\bto\s+[-−]?\d[^;]{0,60}?\b(?:in|within) the [\w+-]+(?: [\w+-]+)? (?:group|arm)\b(?![^;]*\b(?:group|arm)\b)"
    # (or the arm first: "In the A group, lean mass increased from 17.2 to 17.9 kg")
    r"|\b(?:in|within) the [\w+-]+(?: [\w+-]+)? (?:group|arm)\b(?![^;]*\b(?:groups?|arms?|than|versus|vs)\b)[^;]{0,80}?\bfrom\s+[-−]?\d[^;]{0,40}?\bto\s+[-−]?\d",
    re.I,
)
_FROM_TO = regexcache.compile(r"\bfrom\s+[-−]?\d[\d.,·]*\s*\S{0,6}\s+to\s+[-−]?\d", re.I)
_P_VALUE = regexcache.compile(r"\bp\s*[<=>≤≥]\s*0?[.·]\d+", re.I)
_P_VS_BASELINE = regexcache.compile(r"\bp\s*[<=>≤≥]\s*0?[.·]\d+\s*,?\s*(?:vs\.?|versus|compared (?:with|to)|from|relative to)\s+baseline\b", re.I)
_BETWEEN_TEST = regexcache.compile(r"\bbetween[- ](?:the\s+)?(?:groups?|arms?)\b|\bdifferences?\b|\bintergroup\b", re.I)


def _only_within_group_tests(clause: str) -> bool:
    """Does every p-value of the clause test a change from baseline within one arm, none the
    difference between the arms?"""
    within = len(_P_VS_BASELINE.findall(clause))
    at_end = _BASELINE_AT_END.search(clause)
    if not within and at_end and len(_P_VALUE.findall(clause)) >= 2 and not _ARMS_COMPARED.search(clause[: at_end.start()]):
        # "increased by 1.5% (p = 0.02) in the A group and by 1.1% (p = 0.04) in the B group
        # relative to baseline": one test for each arm, both against its own start
        return not _BETWEEN_TEST.search(clause)
    return within > 0 and within == len(_P_VALUE.findall(clause)) and not _BETWEEN_TEST.search(clause)


_EACH_ARM_OWN = regexcache.compile(r"\bboth\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+and\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:groups|arms)\b", re.I)
_ARMS_COMPARED = regexcache.compile(r"\b(?:than|versus|vs\.?|compared (?:with|to)|relative to)\b", re.I)
_BASELINE_AT_END = regexcache.compile(r"\b(?:relative to|compared (?:with|to)|from|vs\.?|versus|over) baseline\W*$", re.I)


_MOVES = regexcache.compile(r"\b(?:" + vocab.UP_TERMS + "|" + vocab.DOWN_TERMS + r")\b", re.I)
_MEASURE_OF = regexcache.compile(r"(?:mean |median |serum |plasma )?(?:levels?|concentrations?|rates?|scores?|numbers?|incidence|risks?|amounts?|proportions?|percentages?|frequency|duration|severity|values?|counts?) (?:of|on|for|in)\b", re.I)


def _parts(stems: frozenset[str]) -> frozenset[str]:
    """Stems with the parts of hyphenated ones ("ldl-cholesterol": also "ldl", "cholesterol")."""
    extra = {stem(p) for s in stems if "-" in s for p in s.split("-") if len(p) > 1}
    return stems | frozenset(extra) if extra else stems


def _named_stems(text: str) -> frozenset[str]:
    """The content stems of a text with its short acronyms ("PF", "AE"), which content_stems drops."""
    return content_stems(text) | _acronym_stems(text)


def _acronym_stems(text: str) -> frozenset[str]:
    """The stems of the capitalised acronyms a text uses ("SUID", "PF", "AE")."""
    return frozenset(stem(t[:-1] if t.endswith("s") and t[:-1].isupper() else t) for t in _ACRONYM.findall(text))


_ACRONYM = regexcache.compile(r"\b[A-Z][A-Z0-9-]{1,9}s?\b")  # ("AEs": a plural)


_ANTONYMS = [(stem(a), stem(b)) for a, b in vocab.OUTCOME_ANTONYMS]
_DEFENCE_AGAINST = regexcache.compile(r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:" + vocab.DEFENCE_WORDS + r")(?:\s+functions?)?\s+(?:to|against|from)\s+", re.I)


def _antonym(frame: ClaimFrame, f: Finding, clause: str) -> bool:
    """Is the finding's direction read on the opposite of the claim's outcome?"""
    if not f.cue or (at := clause.find(f.cue)) < 0:
        return False
    rest = clause[at + len(f.cue) :]
    # "impairing barrier functions to S. typhimurium dissemination": a defence against the outcome
    # moves the other way from the outcome itself
    defence = _DEFENCE_AGAINST.match(rest)
    if defence and frame.outcome_stems & content_stems(" ".join(rest[defence.end() :].split()[:5])) and not frame.outcome_stems & content_stems(defence.group(0)):
        return True  # (unless the defence is the claim's outcome: "causes resistance to X")
    if regexcache.match(r"protect", f.cue, re.I) and any(st.startswith("protect") for st in frame.outcome_stems):
        return True  # "protected against viral challenge" read against "induces protection": the protection rose
    after = content_stems(" ".join(rest.split()[:4]))
    if regexcache.search(r"\d", f.cue) or rd.COMPARATIVE_WORD.search(f.cue):
        # numbers per arm and comparatives follow their outcome: "Hair preservation was achieved
        # by 48% ... and 0% ...", "Bone density retention was greater with X"
        after |= content_stems(clause[:at])
    for a, b in _ANTONYMS:
        for mine, theirs in ((a, b), (b, a)):
            if mine in frame.outcome_stems and theirs in after and mine not in after:
                return True
    # "induces insulin resistance" read against "impairs insulin signalling": the claim's outcome
    # with a word of its loss after it moves the other way from the outcome itself
    lost = _LOSS_NOUN_AFTER.match(rest)
    if lost and (frame.outcome_stems - _WEAK_STEMS) & content_stems(lost.group(1)) and not content_stems(lost.group(2)) & frame.outcome_stems:
        return True
    # "inattention scores were lower" read against "increases attention": the claim's word with a
    # prefix of negation is its opposite
    own = {w for w in frame.outcome_stems - _WEAK_STEMS if len(w) >= 4}
    return any(w[len(p) :] in own for w in after - own for p in _NEGATIVE_PREFIXES if w.startswith(p))


_LOSS_NOUN_AFTER = regexcache.compile(r"\s+(?:the\s+|an?\s+)?((?:[\w-]+\s+){1,2}?)(" + vocab.LOSS_NOUNS + r")\b", re.I)
_NEGATIVE_PREFIXES = ("in", "un", "im", "non", "dis")


def _trial_comparison(frame: ClaimFrame, clause: str, clause_stems: frozenset[str]) -> bool:
    """A clause that compares the claim's two arms on the claim's outcome ("PIP was lower in
    the PRVC group than in the VC group"): its direction is about that outcome."""
    if not frame.comparator or not _parts(frame.outcome_stems - _WEAK_STEMS) & _parts(clause_stems | _acronym_stems(clause)):
        return False
    ipos, cpos = frame.arms().positions(clause)
    return bool(ipos and cpos)


def _harms_are_the_outcome(frame: ClaimFrame, clause: str) -> bool:
    """Are the harm words of the clause the claim's own outcome ("suicide deaths")?"""
    words = {stem(m.group(0).split()[-1]) for m in HARM.finditer(clause)}
    if words and words <= _DEATH_STEMS and _COMPOSITE.search(clause) and (frame.outcome_stems - _WEAK_STEMS) & content_stems(clause):
        # deaths inside a composite outcome the claim names ("the composite of end-stage kidney
        # disease ... or death from renal causes" for "protects the kidneys"): an efficacy outcome
        return True
    return bool(words) and words <= frame.outcome_stems


_IMPROVEMENT = regexcache.compile(r"improve\w*", re.I)  # (a finding whose only outcome word is the improvement itself)
_LESS_OF = regexcache.compile(vocab.LESS_OF_EXPOSURE, re.I)
_INTAKE_STEMS = frozenset(stem(w) for w in vocab.INTAKE_WORDS)
_DEATH_STEMS = frozenset(stem(w) for w in vocab.DEATH_WORDS)
_GENERIC_CLASSES = outcome_classes("symptoms risk disease toxicity complications mortality adverse events infections response efficacy quality of life")  # (broad rows: sharing one says nothing of which outcome)


_NONINFERIORITY_MET = regexcache.compile(r"\b(?:above|within|met|meeting|inside)\b[^.;]{0,40}\bnon-?inferiority\b|\bnon-?inferiority (?:margin|criterion) (?:was )?met\b", re.I)


_POINTING_SUBJECT = regexcache.compile(
    r"^\W*(?:the\s+)?(?:mean\s+|median\s+|total\s+|overall\s+)?(?:scores?|levels?|values?|rates?|it|this|they|these|that)\s+"
    r"(?:was|were|is|are|had been)\s+(?:also\s+)?(?:statistically\s+)?(?:significantly\s+)?$",
    re.I,
)


_TIME_TO_EVENT = regexcache.compile(r"(?:the\s+)?(?:median\s+|mean\s+)?(?:time|days|weeks)\s+(?:to|until)\s+(?:the\s+)?(?:first\s+)?(.+)$", re.I)


def _compare(frame: ClaimFrame, f: Finding, clause_stems: frozenset[str], clause: str = "", *, strict: bool = False) -> str:
    """The stance of one finding toward the claim frame (before the claim's negation)."""
    if not frame.checkable:
        return NEUTRAL  # the claim asserts nothing this reader can compare (restatements are read apart)
    if frame.assertion == "safety":
        if not f.harm:
            return NEUTRAL
        if f.null:
            # ("has fewer memory side effects than ECT": no difference from the comparator denies it)
            return CONTRADICTS if (
                frame.comparator_text and _SAFER_THAN.search(frame.text) and frame.arms().positions(clause)[1] and not _NONINFERIOR_WORD.search(clause)
            ) else SUPPORTS
        if f.goodness < 0 and _NONE_SEVERE.search(frame.text) and _MILD_HARM.search(clause) and not _HARM_TREATED.search(clause):
            return NEUTRAL  # "no serious side effects" against "transient blood pressure rises that resolved"
        if f.goodness:
            return SUPPORTS if f.goodness > 0 else CONTRADICTS
        return NEUTRAL
    event = _TIME_TO_EVENT.match(f.outcome) if not frame.goodness and frame.direction and f.direction and f.outcome else None
    if event and frame.outcome_stems and frame.outcome_stems <= content_stems(event.group(1)):
        # "reduces heavy drinking" (of no known valence) against "time to first heavy drinking day
        # was longer": the time to it went up, the thing itself down
        f = dataclasses.replace(f, direction=-f.direction, valence=0, goodness=0)
    if (
        f.direction > 0 and f.valence < 0 and not f.null and _GREATER_CHANGE.search(clause) and _NEGATIVE_DIFFERENCE.search(clause)
        and not {stem("change"), stem("changes")} & frame.outcome_stems
    ):
        # "MADRS change was greater with X than with placebo": on a scale where lower is better, the
        # change reported is the fall (the difference given is negative), and a greater one is the
        # better result (unless the claim's outcome is the change itself)
        f = dataclasses.replace(f, direction=-1, goodness=-f.goodness)
    if f.goodness > 0 and not f.null and f.cue and any(m.start() <= clause.find(f.cue) < m.end() for m in _DECHALLENGE.finditer(clause)):
        # "cystitis improved after treatment was stopped": better without the drug is the drug's
        # harm (the reader passes over such words where a harm is named; this is what is left)
        f = dataclasses.replace(f, goodness=-f.goodness)
    if frame.comparator_text and frame.comparator and not _INACTIVE.search(frame.comparator_text) and not _ADD_ON_CLAIM.search(frame.text) and (
        _INN.search(frame.comparator_text) or _known_drug(frame.comparator_text)
    ):
        comparator = frame.arms().comparator
        if comparator is not None and not comparator.search(clause) and _INACTIVE.search(clause):
            return NEUTRAL  # "superior to vehicle" read against "better than roflumilast": another comparison
    if frame.conditions and f.outcome:
        # "reduced depressive symptoms" read against a claim about PTSD symptoms
        other_conditions = condition_ids(f.outcome)
        own_conditions = set(frame.conditions).union(*(vocab.CONCEPTS_BY_ID[c].supersedes for c in frame.conditions))
        # (unless the subject names the claim's own too: "the MADRS suicidal thoughts item did not differ")
        # (not the people of a leading setting: "In veterans with PTSD, PHQ-9 scores decreased")
        subject_named = condition_ids(_without_excluded(_SETTING_LEAD.sub("", clause[: clause.find(f.cue)])) if f.cue and f.cue in clause else "")
        if other_conditions and not other_conditions & own_conditions and not subject_named & own_conditions:
            return NEUTRAL
    between = f.null and not f.harm and not f.outcome and bool(_BETWEEN_ARMS.search(clause))
    # read on the claim's own, specific outcome ("stroke"; not "symptoms" of "dissociative symptoms")
    named = content_stems(f.outcome or "") - _WEAK_STEMS - _GENERIC_OUTCOME_STEMS
    own_outcome = bool(named) and named <= frame.outcome_stems
    own_outcome = own_outcome or _listed_with(frame, f, clause) or _improvement_in_own(frame, f, clause)
    own_outcome = own_outcome or bool(_acronym_stems(clause) & frame.outcome_stems)  # "SUID"
    own_outcome = own_outcome or bool(f.outcome and _synonym_stems(frame.text, f.outcome) & frame.outcome_stems)  # "deaths" for "mortality"
    own_outcome = own_outcome or _qualified_by_own(frame, f, clause)  # "death by suicide" for "prevents suicide"
    # (the claim's outcome by one of its measures: "the positive symptom subscale" for "psychosis-like symptoms")
    own_outcome = own_outcome or frame.harm and bool(outcome_classes(frame.outcome or "") & outcome_classes(f.outcome or "") - _GENERIC_CLASSES)
    mine = outcome_classes(frame.outcome or "") - _GENERIC_CLASSES
    if frame.harm and f.harm and mine and not own_outcome and not mine & outcome_classes(clause):
        return NEUTRAL  # "nausea was more frequent with X" read against "X brings on psychosis-like symptoms": another harm
    if (
        f.harm != frame.harm and not _harms_are_the_outcome(frame, clause) and not between and not own_outcome and not (frame.association and f.association)
        # (the claim's own outcome next to the cue: "diarrhoea was present significantly more often", whatever "AE" says)
        and not (f.harm and not f.outcome and _anchored(frame, f, clause))
    ):
        # (an association of an exposure with a risk is neither: "coffee ... linked to a lower risk of death")
        return NEUTRAL  # side effects for an efficacy claim, or the reverse ("no difference between the groups" is read below)
    other_outcome = bool(content_stems(f.outcome or "") - _WEAK_STEMS - _GENERIC_OUTCOME_STEMS - frame.outcome_stems)
    vs_comparator = bool(frame.comparator and frame.arms().positions(clause)[1]) and not other_outcome
    # (a null on the claim's condition by its own name is on the claim's outcome: "obsessive-compulsive symptoms did not change" for "works for OCD")
    subject = clause[: clause.find(f.cue)] if f.cue and f.cue in clause else f.outcome or ""
    on_condition = bool(frame.conditions) and bool(condition_ids(subject) & set(frame.conditions))
    if (
        f.null and strict and not on_condition and _names_other_outcome(frame, clause) and frame.outcome_stems - _WEAK_STEMS - _RISK_STEMS
        and not (frame.outcome_stems - _WEAK_STEMS - _RISK_STEMS) & (clause_stems | _acronym_stems(clause))
    ):
        return NEUTRAL  # "metformin was not associated with incident dementia" read against a claim about cancer
    if f.null and strict and not _anchored(frame, f, clause) and not _TRIAL_COMPARISON.search(clause) and not vs_comparator and not on_condition:
        return NEUTRAL  # in a longer abstract a null result counts only on the claim's outcome or the trial's comparison
    if f.null and frame.outcome and not condition_ids(frame.outcome) and _PRIMARY.search(clause) and not (frame.outcome_stems - _WEAK_STEMS) & clause_stems:
        return NEUTRAL  # a null on the trial's primary outcome says nothing of the claim's own ("more remissions")
    if f.null and frame.intervention and (agent := _NULL_BY.search(clause)) and not any(
        re.search(t, agent.group(1), re.I) for t in (frame.intervention[0], *(t for t in frame.intervention if t.startswith("(?-i:")))
    ):
        return NEUTRAL  # "... but was not altered by CMV infection": a null for another agent (named by the claim's first term or abbreviation)
    if f.null and f.active_comparator and frame.assertion != "equivalence" and not frame.comparator:
        return NEUTRAL  # as good as an active treatment: neither a benefit over nothing nor a failure
    if f.null and frame.assertion == "equivalence" and not frame.comparator_text and _CONTROL_REFERENCE.search(clause) and not _ACROSS_GROUPS.search(clause):
        # "works just as well for people over 65" (as for others): no difference from a control in
        # them is no effect in them
        return CONTRADICTS
    if f.null and not frame.negated and _RESTORING.search(frame.text) and _HEALTHY_REFERENCE.search(clause):
        # "no longer differed from those of healthy controls", read against "normalizes ..." /
        # "reverses the stress-induced loss": back to normal is what was claimed
        return SUPPORTS
    if f.null:
        return SUPPORTS if frame.assertion == "equivalence" else CONTRADICTS
    if frame.assertion == "equivalence" and not frame.comparator_text and f.goodness and _CONTROL_REFERENCE.search(clause):
        return SUPPORTS if f.goodness > 0 else CONTRADICTS  # (and a benefit over a control in them is one)
    # "the more X, the better it works": the claim's sign is of how well, not of which way the values go
    if frame.association and f.association and abs(f.association) == 2 and rd.the_more_judged(frame.text):
        # "greater dissociation predicted larger improvement" is already how well; "higher
        # dissociation was associated with lower MADRS scores" is which way, on a scale where lower
        # is better ("larger MADRS reductions": a fall of it)
        # (the sign is of the outcome named after the link: its valence says how well)
        linked = rd.association_marker(clause)
        found = (1 if f.association > 0 else -1) * (rd.valence(clause[linked.end() :])[0] if linked else 0)
        if found:
            return SUPPORTS if (found > 0) == (frame.association > 0) else CONTRADICTS
    if frame.association:
        if not f.association:
            if abs(frame.association) == 2 and frame.valence and f.goodness and f.valence == frame.valence and _anchored(frame, f, clause):
                # "high X predicts poor survival" against "patients with high X had longer survival
                # than those with low X": a comparison of the exposure's levels is the association
                want = (1 if frame.association > 0 else -1) * frame.valence
                return SUPPORTS if f.goodness == want else CONTRADICTS
            return NEUTRAL
        arms = frame.arms()
        the_more = frame.cue is not None and frame.cue.lower().startswith("the ")  # "the more X, the better Y"
        # (or the people it was found in, named by the treatment after it: "An association of
        # increased mortality was identified in patients treated with X")
        treated = _TREATED_WITH.search(clause, max(clause.find(f.cue), 0)) if f.cue else None
        if (
            not the_more and arms.intervention is not None and f.cue and not arms.intervention.search(clause[: max(clause.find(f.cue), 0) + len(f.cue) // 2])
            and not (treated and arms.intervention.match(clause, treated.end()))
        ):
            return NEUTRAL  # an association between other things ("diet ... associated with less weight gain")
        specific = _parts(frame.outcome_stems - _WEAK_STEMS - _RISK_STEMS - _GENERIC_OUTCOME_STEMS)
        if specific and not specific & _parts(clause_stems | _acronym_stems(clause)) and not frame.outcome_classes & outcome_classes(clause) - _GENERIC_CLASSES:
            return NEUTRAL  # "... associated with a lower risk of SLE" read against "... with schizophrenia risk": another outcome
        if abs(frame.association) == 1:
            return SUPPORTS  # the claim says only that the two are associated
        if abs(f.association) == 1:
            return NEUTRAL  # the claim says which way; the sentence does not
        # ("low vitamin D" is signed by its level word; "vitamin D deficiency" is read the same)
        claimed_sign = -frame.association if _too_little(frame.intervention_text or "") else frame.association
        found_sign = -f.association if _too_little(_ASSOCIATED_WITH.split(clause, 1)[0]) else f.association
        if not _level_said(frame.intervention_text or ""):
            # "eating within an 8-hour window is linked to ..." against "an eating duration of less
            # than 8 hours was associated with ...": the amount names the claim's exposure, no level of it
            found_sign *= rd.amount_linked(clause) or 1
        claimed_kind, claimed_valence = rd.association_outcome(frame.text)
        found_kind, found_valence = rd.association_outcome(clause)
        claimed_how_well = claimed_kind == "goodness" or bool(claimed_valence)
        found_how_well = found_kind == "goodness" or bool(found_valence)
        if claimed_kind and found_kind and claimed_how_well and found_how_well:
            # "linked to a stronger antidepressant response" (how well) against "predicted a greater
            # reduction in MADRS scores" (which way, on a scale where lower is better): compared by
            # how well the outcome fares on each side
            claimed_sign *= claimed_valence or 1
            found_sign *= found_valence or 1
        elif claimed_kind and found_kind and claimed_kind != found_kind:
            return NEUTRAL  # how well against which way, on an outcome of no known valence
        return SUPPORTS if (found_sign > 0) == (claimed_sign > 0) else CONTRADICTS
    if f.association and frame.direction and abs(f.association) == 2 and _anchored(frame, f, clause):
        # "X was associated with an increased risk of Y" read against "X increases the risk of Y"
        # ("skimping on sleep raises the risk": less sleep, more risk)
        claimed = -frame.direction if _LESS_OF.match(frame.intervention_text or "") else frame.direction
        if _LOW_LEVEL_OF.search(frame.intervention_text or "") and not _LOW_WORD.search(_ASSOCIATED_WITH.split(clause, 1)[0]):
            claimed = -claimed  # "people with low vitamin D" / "higher vitamin D levels were associated with ...": the level itself
        amount, _ = amount_level(frame.intervention_text or "")
        if amount and (rd.amount_linked(clause) or _LEVEL_WORD.search(_ASSOCIATED_WITH.split(clause, 1)[0])):
            # "sleeping less than six hours raises the risk" against "sleeping less than 6 hours was
            # associated with a higher risk": the sentence's sign has the level in it; so must the claim's
            claimed *= amount
        return SUPPORTS if (f.association > 0) == (claimed > 0) else CONTRADICTS
    if frame.assertion == "equivalence":
        # as good as the comparator: only a comparison with it answers ("fell from 31 to 20" in
        # an uncontrolled study of one of the two does not)
        ipos, cpos = frame.arms().positions(clause)
        # (not a comparison with a control instead: "MBCT reduced symptoms after ERP compared with
        # waiting list"; unless the two arms are compared too: "... relative to control than esketamine")
        arms_compared = any(rd._is_reference(clause, p) for p in ipos + cpos)
        control_ref = _CONTROL_REFERENCE.search(clause) and not arms_compared and not (frame.comparator_text and rd.CONTROL.search(frame.comparator_text))
        if f.goodness > 0 and not regexcache.search(r"\d|\b(?:" + vocab.COMPARATIVE_WORDS + r"|superior|better|non-?inferior)\b", f.cue or "", re.I):
            return NEUTRAL  # "treatment success was 72.7% with A": a good outcome named, not compared
        if f.significant is None and f.goodness < 0 and (regexcache.search(r"\d", f.cue or "") or _NONINFERIORITY_MET.search(clause)):
            return NEUTRAL  # "improved by 10.1 points with A and 9.9 with B": figures per arm, no tested difference
        if f.goodness and cpos and not control_ref:
            return SUPPORTS if f.goodness > 0 else CONTRADICTS
        return NEUTRAL
    # a direction is compared only when it is read on the claim's outcome: either both outcomes
    # have a known valence (symptoms, relapse, response...) or the claim's outcome words stand
    # next to the direction word
    inherent = bool(frame.goodness and not frame.direction)  # "works", "helps", "harms": any outcome's valence answers
    clinical = bool(frame.valence and f.valence) or (inherent and bool(f.goodness))
    if clinical and f.outcome and frame.outcome:
        # both outcomes known, of different kinds, neither a general efficacy measure (response,
        # remission) nor a generic word ("risk of AMI" does not answer "risk of dementia")
        mine, theirs = outcome_classes(frame.outcome), outcome_classes(f.outcome)
        if mine and theirs and not mine & theirs and not (mine | theirs) & _EFFICACY_CLASSES:
            clinical = False
            claim_only = _parts(frame.outcome_stems - _WEAK_STEMS - _GENERIC_OUTCOME_STEMS) - _parts(_named_stems(f.outcome))
            if claim_only and not claim_only & _parts(clause_stems | _acronym_stems(clause)):
                return NEUTRAL  # "LDL was reduced ..." read against a claim about HDL: another outcome, whatever words they share
    if clinical and f.outcome and frame.outcome and not inherent and not outcome_classes(frame.outcome) and not outcome_classes(f.outcome):
        # "hypothyroidism was more common with lithium" read against "lithium protects against
        # dementia": two outcomes of no known kind share only a valence; the clause must name the claim's
        claim_only = _parts(content_stems(frame.outcome) - _WEAK_STEMS - _GENERIC_OUTCOME_STEMS)
        if claim_only and not claim_only & _parts(clause_stems | _acronym_stems(clause)) and not claim_only & _parts(content_stems(f.outcome)):
            return NEUTRAL
    specific = frame.outcome_stems - _WEAK_STEMS - _RISK_STEMS
    if clinical and specific and _generic_risk(frame.outcome) and not specific & clause_stems:
        clinical = False  # "a higher risk of stroke" does not answer "raises the risk of dementia"
    if not clinical and not _anchored(frame, f, clause) and not _trial_comparison(frame, clause, clause_stems) and not (
        # a sentence given alone as the evidence, whose subject only points back ("The score was
        # significantly lower in the A than in the B group"): its outcome is the one asked about
        not strict and f.cue and _POINTING_SUBJECT.match(clause[: max(clause.find(f.cue), 0)]) and all(frame.arms().positions(clause))
    ):
        return NEUTRAL
    if frame.comparator_text and not f.null and _WITHIN_GROUP.search(clause) and not _COMPARED.search(clause) and not frame.arms().positions(clause)[1]:
        return NEUTRAL  # "rose from baseline in the A group": a change within one arm does not answer "compared with B"
    if not f.null and len(_FROM_TO.findall(clause)) >= 2 and not _COMPARED.search(clause) and not _BETWEEN_TEST.search(clause) and all(frame.arms().positions(clause)):
        return NEUTRAL  # "improved from 0.52 to 0.71 in the A group (p<0.001) and from 0.50 to 0.63 in the B group": each arm's own change
    if f.harm and f.cue and rd.OCCURRENCE.fullmatch(f.cue) and rd.SHARES_COMPARED.search(clause) and frame.assertion != "safety":
        # "nausea occurred in 12% after A and 23% after B": shares set against each other, not a
        # harm that occurred (which answers "has no side effects")
        return NEUTRAL
    if frame.comparator_text and not f.null and (_only_within_group_tests(clause) or _EACH_ARM_OWN.search(clause) and not _ARMS_COMPARED.search(clause) and not _BETWEEN_TEST.search(clause)):
        # "fell by 8.5 in the A group (p<0.001 vs baseline) and by 6.9 in the B group (p<0.001 vs
        # baseline)", "Both the A and the B groups showed significant within-group improvements"
        return NEUTRAL
    if frame.any_change and (f.direction or f.goodness):
        return SUPPORTS  # "X alters Y": a change either way
    if f.association == 1 and frame.goodness and not frame.direction and f.valence and not frame.association:
        # "X use was associated with bladder injury" (nothing said but the outcome, whose valence
        # is known) read against "X damages the bladder"
        return SUPPORTS if f.valence == frame.goodness else CONTRADICTS
    if frame.goodness and f.goodness:
        return SUPPORTS if f.goodness == frame.goodness else CONTRADICTS
    if (
        frame.goodness and not frame.direction and frame.valence > 0 and outcome_classes(frame.outcome or "") & _RESPONSE_CLASSES
        and f.direction and not f.valence and not f.goodness and not f.harm and _anchored(frame, f, clause)
    ):
        # "EASI-75 was achieved by 44% of patients receiving X and 12% receiving placebo" read
        # against "X improves EASI-75 response": more of an outcome whose valence the claim's
        # words give (a response is good) is better
        return SUPPORTS if f.direction == frame.goodness else CONTRADICTS
    if (
        frame.direction > 0 and not frame.valence and (not f.valence or _IMPROVEMENT.fullmatch(f.outcome or "")) and f.goodness > 0 and not f.direction
        and not f.harm and _anchored(frame, f, clause)
    ):
        # "improved appetite", "a significant improvement in ability to concentrate" read against
        # "X increases O" for an outcome of no known valence: what improves is, read plainly, more
        # of it (a symptom or a bad outcome has its valence in the vocabulary; "worsened" and a
        # claim that O falls stay unread: either way is possible)
        return SUPPORTS
    if frame.direction and f.direction:
        same = f.direction == frame.direction
        change = _CHANGE_NOUN.search(frame.outcome or "")
        if change and f.cue and (rd.UP.fullmatch(f.cue) or rd.DOWN.fullmatch(f.cue)) and not rd.COMPARATIVE_WORD.match(f.cue) and not _NOT_MORE.search(clause):
            # "greater weight loss" read against "weight reduction": the claim's outcome is a change
            # of weight, which the finding states as weight going down (but "lost more weight",
            # "a greater reduction" are amounts of the change itself)
            same = f.direction == frame.direction * (1 if change.group(1).lower() in vocab.CHANGE_NOUNS_UP else -1)
        elif change and f.cue and regexcache.search(r"\d", f.cue) and not re.search(r"\b" + re.escape(change.group(1)) + r"\b", clause, re.I):
            # numbers per arm of the quantity itself ("body weight change was -8.2% with A and -2.9%
            # with B") read against a claim about its change ("increases weight loss")
            same = f.direction == frame.direction * (1 if change.group(1).lower() in vocab.CHANGE_NOUNS_UP else -1)
        found_change = _CHANGE_NOUN.search(f.outcome or "")
        if not change and found_change and f.cue and (rd.COMPARATIVE_WORD.match(f.cue) or regexcache.search(r"\d", f.cue)) and content_stems(found_change.group(0)) & frame.outcome_stems:
            # "greater weight loss" read against "decreases body weight": more of a fall of the
            # claim's own quantity is the quantity going down (so are numbers per arm: "mean weight
            # loss was 0.1 kg with placebo and 2.1 kg with X")
            same = f.direction == frame.direction * (1 if found_change.group(1).lower() in vocab.CHANGE_NOUNS_UP else -1)
        if _antonym(frame, f, clause):
            same = not same  # "decreased susceptibility" read against "causes resistance"
        return SUPPORTS if same else CONTRADICTS
    return NEUTRAL


def _generic_risk(outcome: str | None) -> bool:
    """Is the outcome only a generic word ("risk", "incidence", "odds") whose object is the real outcome?"""
    return bool(outcome) and content_stems(outcome or "") <= _WEAK_STEMS | _RISK_STEMS


_RISK_STEMS = frozenset(stem(w) for w in vocab.RISK_WORDS.split())


def _flip(stance: str) -> str:
    return {SUPPORTS: CONTRADICTS, CONTRADICTS: SUPPORTS}.get(stance, stance)


_BUT_NOT_IN = regexcache.compile(r"\bbut not (?:(?:in|among|for) )?(?:the\s+)?([\w -]{3,40}?)(?=[,.;)]|$|\s+(?:and|or)\b)", re.I)


def _excepted_population(frame: ClaimFrame, sentence: str) -> str | None:
    """The cue when the sentence reports its finding for others "but not in" the claim's population."""
    if not frame.populations:
        return None
    m = _BUT_NOT_IN.search(sentence)
    if not m:
        return None
    named = {pid for pid, p in POPULATIONS if p.search(m.group(1))}
    return m.group(0) if named & set(frame.populations) else None


_QUALITY_CLAIM = regexcache.compile(r"\b(more|less)\s+([a-z]{4,}?)(?:ly)?\s+than\b", re.I)
_QUALITY_NEGATED = regexcache.compile(r"\b(?:not|no|neither|nor)\s+(?:\S+\s+){0,2}$", re.I)


def _quality_comparison(frame: ClaimFrame, sentence: str) -> tuple[str, str, None] | None:
    """A claim that one arm has more (or less) of a quality than the other ("suppresses ERK more
    potently than trametinib") read against the same quality compared in the sentence: "X is a
    less potent inhibitor than trametinib", "Trametinib was 20-fold more potent"."""
    claimed = _QUALITY_CLAIM.search(frame.text)
    if not claimed or claimed.group(2).lower() in vocab.QUALITY_WORDS_READ_ELSEWHERE or frame.negated:
        return None
    quality = stem(claimed.group(2))
    want = 1 if claimed.group(1).lower() == "more" else -1
    arms = frame.arms()
    if arms.intervention is None or arms.comparator is None:
        return None
    for m in regexcache.finditer(r"\b(more|less)\s+(?:\w+\s+)??([a-z]{4,}?)(?:ly)?\b", sentence, re.I):
        if stem(m.group(2)) != quality or _QUALITY_NEGATED.search(sentence[: m.start()]):
            continue
        start = max(sentence.rfind(";", 0, m.start()), 0)
        before = sentence[start : m.start()]
        i_at = [x.start() for x in arms.intervention.finditer(before)]
        c_at = [x.start() for x in arms.comparator.finditer(before)]
        if not (i_at or c_at):
            continue
        subject_is_intervention = bool(i_at) and (not c_at or min(i_at) < min(c_at))
        said = 1 if m.group(1).lower() == "more" else -1
        if not subject_is_intervention:
            said = -said  # "Trametinib was 20-fold more potent": the claim's drug was less so
        return (SUPPORTS if said == want else CONTRADICTS), m.group(0), None
    return None


_SIGNIFICANT_UNTIL = regexcache.compile(
    # (the last time it held: "significant at 24 hours and on day 3 but no longer at day 7")
    # ("significant at 24 and 72 hours", "at 4 hours and 24 hours")
    r"\bsignificant\w*(?:\s*,?\s+(?:and\s+)?(?:(?:at|through|until|by|on)\s+)?((?:week|month|day|hour)\s+\d+|(?:\d+(?:\s*,\s*\d+)*\s*,?\s+and\s+)?\d+\s+(?:weeks?|months?|days?|hours?)))+"
    r"\s*,?\s+but (?:not|no longer) (?:at|by|after|through|from|on)\s+(?:week|month|day|\d)",
    re.I,
)
_PERMANENT = regexcache.compile(r"\bpermanent(?:ly)?\b|\blifelong\b|\bfor good\b|\bforever\b", re.I)


_NEXT_CLAUSE = regexcache.compile(r",?\s+(?:but|whereas|while|although|though|however)\b|;", re.I)


def _own_clause(sentence: str, start: int) -> str:
    """The sentence from ``start`` to the end of its clause ("waned rapidly after its peak, | but
    protection against death persisted for 6 months": the six months are the other clause's)."""
    end = _NEXT_CLAUSE.search(sentence, start)
    return sentence[start : end.start() if end else len(sentence)]


# ("sustained abstinence was 9.8% with A and 8.1% with placebo": an outcome's name; its null keeps nothing)
_NAMED_SUSTAINED = regexcache.compile(r"sustained\s+(?:abstinence|remission|response|virolog\w*|viral|weight loss)\b", re.I)


_NO_WORSENING = regexcache.compile(
    r"\b(?:did|does|do|had|has|have)\s+not\s+(?:significantly\s+|measurably\s+)?(?:decline|declined|worsen|worsened|deteriorate|deteriorated)\b"
    r"|\bno\s+(?:significant\s+|measurable\s+)?(?:decline|worsening|deterioration)\b",
    re.I,
)


def _duration(frame: ClaimFrame, sentence: str) -> tuple[str, str] | None:
    """A time-frame claim ("for months", "fades within a week") against what lasted or was lost."""
    if frame.lasting_days is None and frame.fading_days is None:
        return None
    until = _SIGNIFICANT_UNTIL.search(sentence)
    if until and frame.lasting_days is not None:
        # "significant at week 3 but not at week 12": the effect is known to have lasted to week 3
        kept_days = time_days(until.group(1))
        if kept_days is not None and kept_days < frame.lasting_days:
            return CONTRADICTS, until.group(0)
    if until and frame.fading_days is not None:
        # "significant at 24 and 72 hours but not at day 7": it held to 72 hours, then was gone
        kept_days = time_days(until.group(1))
        if kept_days is not None:
            return (SUPPORTS if kept_days <= frame.fading_days * 1.5 else CONTRADICTS), until.group(0)
    not_lost = _NOT_LOST.search(sentence)
    lost = None if not_lost else _EFFECT_LOST.search(sentence) or _FEW_KEPT.search(sentence)
    # (a null in words, or in its figures: "9.8% with A and 8.1% with placebo (odds ratio 1.23; 95% CI 0.71 to 2.14)")
    null = rd.NULL.search(sentence) or (rd.P_VALUE.search(sentence) or rd.CI_PATTERN.search(sentence) if rd.significance(sentence) is False else None)
    if lost is None and not not_lost and frame.lasting_days is not None and null:
        # "By week 4, MADRS scores did not differ significantly between groups": no difference at a
        # time point before the one claimed (or at it: 52 weeks for "a year") is the effect gone by then
        at = _TIME_POINT.search(sentence)
        if at and (time_days(at.group(0)) or 0) < frame.lasting_days * 1.05:
            lost = null
    said_lost = lost is not None and lost is not null  # (in words: "was not sustained at one year")
    kept = not_lost or (None if lost else _EFFECT_KEPT.search(sentence))
    # (for a lasting harm, no worsening is no effect: "over 6 months, memory scores did not decline")
    null = null or (_NO_WORSENING.search(sentence) if frame.harm else None)
    if kept and (kept.group(0).lower().startswith("over ") or _NAMED_SUSTAINED.match(sentence, kept.start())) and null:
        kept = None  # "did not differ over 6 weeks": no effect kept
    if lost:
        # (not a time from a clause set against it: "waned rapidly after the second dose, but protection
        # against death persisted for 6 months")
        contrast = _CONTRAST.search(sentence, lost.end())
        t = time_days(_own_clause(sentence, lost.start())) or time_days(sentence[: contrast.start() if contrast else len(sentence)])
        if frame.lasting_days is not None:
            # (lost at the time claimed, or before it: "not sustained at one year" for "at least a
            # year"; not where it is said to have held that long: "persisted for at least 7 days but
            # waned by the second week")
            kept_long = any(
                not (k.start() < lost.end() and lost.start() < k.end()) and (time_days(_own_clause(sentence, k.start())) or 0) >= frame.lasting_days * 0.9
                for k in _EFFECT_KEPT.finditer(sentence)
            )
            # (nor a null on the change since: "no significant increase between exit and follow-up" is stability)
            at_claimed = t is not None and t <= frame.lasting_days * 1.05 and not kept_long and not (not said_lost and _STABLE_SINCE.search(sentence))
            return (CONTRADICTS, lost.group(0)) if t is None or t < frame.lasting_days or at_claimed else None
        assert frame.fading_days is not None
        if t is None or t <= frame.fading_days * 1.5:
            return SUPPORTS, lost.group(0)
        # "superior to placebo at 24 hours, but no longer significant at day 3": seen at a time near
        # the claim's, gone at the next one looked at — it faded between the two
        seen = _CONTRAST.search(sentence[: lost.start()])
        seen_at = time_days(sentence[: seen.start()]) if seen else None
        if seen_at is not None and seen_at <= frame.fading_days * 1.5 and not rd.NULL.search(sentence[: seen.start()]):  # type: ignore[union-attr]
            return SUPPORTS, lost.group(0)
        return CONTRADICTS, lost.group(0)
    if kept:
        t = time_days(_own_clause(sentence, kept.start())) or time_days(sentence)
        if _PERMANENT.search(kept.group(0)):
            t = PERMANENT_DAYS  # "the benefit was permanent"
        if t is None:
            return None
        # (weeks or months kept answer "for months"; only years answer "permanently")
        needed = 1825.0 if frame.lasting_days is not None and frame.lasting_days >= PERMANENT_DAYS else min(frame.lasting_days or 0, 60)
        if frame.lasting_days is not None and t >= needed * 0.9:
            return SUPPORTS, kept.group(0)
        if frame.fading_days is not None and t > frame.fading_days * 1.5:
            return CONTRADICTS, kept.group(0)
    return None


_TARGET_REMOVED = regexcache.compile(vocab.TARGET_REMOVED, re.I)
_NEGATED_VERB = regexcache.compile(r"\b(not|no|never|neither|nor|cannot|fail(s|ed)? to|no longer|lost|loses|lose|losing)\b(\s+\w+)?\s*$", re.I)
_EFFECT_GONE = regexcache.compile(vocab.EFFECT_GONE, re.I)
_EFFECT_STAYED = regexcache.compile(vocab.EFFECT_STAYED, re.I)


def _dependency(frame: ClaimFrame, sentence: str, stems: frozenset[str]) -> tuple[str, str] | None:
    """A claim that an effect depends on a target, against an experiment that took the target away."""
    if not frame.dependency:
        return None
    # "depends on blockade of AMPA receptors": taking the target away should mimic the effect, not abolish it
    inverse = _ON_BLOCKADE.search(frame.text) is not None
    for clause in split_clauses(sentence):
        # the clause of the experiment on the claim's target: the target taken away by a drug known
        # to block it ("Ketanserin pretreatment blocked ...") or named and removed ("BDNF knockout")
        blocked = any(regexcache.search(vocab.TARGET_BLOCKERS[t], clause, re.I) for t in frame.dependency if t in vocab.TARGET_BLOCKERS)
        removed = None if blocked else _TARGET_REMOVED.search(clause)
        if not (blocked or frame.dependency & _parts(content_stems(clause)) and removed):
            continue
        intervention = frame.arms().intervention
        if removed and intervention is not None and re.search(r"(?:" + intervention.pattern + r")\s+(?:\w+ly\s+)?$", clause[: removed.start()], intervention.flags):
            continue  # the claim's own drug acting on the target ("ketamine blocked NMDA receptor currents"): not an experiment that took it away
        stayed = _EFFECT_STAYED.search(clause)
        if stayed:
            return (SUPPORTS if inverse else CONTRADICTS), stayed.group(0)
        gone = _EFFECT_GONE.search(clause)
        if gone:
            return (CONTRADICTS if inverse else SUPPORTS), gone.group(0)
    return None


_ON_BLOCKADE = regexcache.compile(
    r"\b(?:depends?|dependent|requires?|required|mediated|relies|rely)\b[^.;]{0,20}?\b(?:blockade|blocking|inhibition|inhibiting|antagonism|suppression|loss)\s+of\b", re.I
)


def _verb_group(verb_stem: str) -> tuple[str, ...]:
    for group in vocab.VERB_SYNONYMS:
        if any(verb_stem.startswith(v) for v in group):
            return group
    return (verb_stem,)


_AMOUNT = regexcache.compile(
    r"\b(" + vocab.AMOUNT_VERBS + r")\b([^.;]{0,60}?)\bby\s+(?:an?\s+(?:mean|median|average)\s+of\s+)?(?:an?\s+relative\s+|only\s+|just\s+|about\s+|around\s+|approximately\s+|nearly\s+|almost\s+|some\s+|roughly\s+)?"
    r"(\d+(?:[.·]\d+)?\s*(?:%|percent\b|per cent\b)|" + "|".join(re.escape(w) for w in sorted(vocab.FRACTION_WORDS, key=len, reverse=True)) + r")",
    re.I,
)


_CHANGE_NOUNS = {**{w: 1 for w in vocab.CHANGE_NOUNS_UP}, **{w: -1 for w in vocab.CHANGE_NOUNS_DOWN}}
# "led to 30% weight loss", "a 15% reduction in deaths": a size, then the change it measures
_HALVES = regexcache.compile(
    r"\bhalv(?:e|es|ed|ing)\b\s+((?:[\w'-]+\s+){0,5}?[\w'-]+)(?=\s*(?:[,;.]|$|\s+(?:in|among|for|by|over|after|within|at|during|compared)\b))"
    # ("cuts PTSD symptom scores in half")
    r"|\b(?:cut|cuts|cutting|slash(?:es|ed)?)\s+((?:[\w'-]+\s+){0,5}?[\w'-]+)\s+in\s+half\b",
    re.I,
)
_SIZED_CHANGE = regexcache.compile(
    r"\b(\d+(?:[.·]\d+)?)\s*(?:%|percent\b|per cent\b)\s+(?:mean\s+|average\s+)?((?:[a-z-]+\s+){0,2}?)"
    r"(" + "|".join(sorted(_CHANGE_NOUNS, key=len, reverse=True)) + r")\b(?:\s+(?:in|of)\s+((?:[\w-]+\s+){0,2}[\w-]+))?",
    re.I,
)
# "Mean change in body weight from baseline to week 68 was -12.4% with X": a signed change, the arm after it
_SIGNED_CHANGE = regexcache.compile(
    r"\b(?:mean|median|average)?\s*(?:percent(?:age)?\s+)?change\s+(?:in|of)\s+((?:[\w-]+\s+){0,3}?[\w-]+)\b[^;]{0,60}?"
    r"\b(?:was|were|of)\s+([-−–+])\s?(\d+(?:[.·]\d+)?)\s*%\s+(?:with|in|for|among)\s+(?:the\s+)?"
    r"([^,;()]{3,40}?)(?=\s+(?:and|vs\.?|versus|compared)\b|[,;()]|\.?\s*$)",
    re.I,
)


@lru_cache(maxsize=8192)
def _amounts(text: str) -> tuple[tuple[int, frozenset[str], float, str], ...]:
    """Changes stated with their size: (direction, stems of what changed, size in %, the words)."""
    out = []
    for m in _SIZED_CHANGE.finditer(text):
        if regexcache.search(r"(?:achiev\w*|reach\w*|at least|≥|>=|or more)\s*(?:an?\s+)?$", text[: m.start()], re.I):
            continue  # a threshold ("patients achieving a 75% reduction in PASI"), not the size of the change
        # what changed: the words before the noun ("weight loss"), else after it ("reduction in deaths")
        what = m.group(2) if content_stems(m.group(2) or "") - _WEAK_STEMS else (m.group(4) or "")
        if content_stems(what) - _WEAK_STEMS:
            out.append((_CHANGE_NOUNS[m.group(3).lower()], content_stems(what), float(m.group(1).replace("·", ".")), m.group(0)))
    for m in _AMOUNT.finditer(text):
        verb, what, size = m.group(1), m.group(2), m.group(3).lower()
        d = 1 if rd.UP.fullmatch(verb) or regexcache.match(r"(doubl|improv)", verb, re.I) else -1 if rd.DOWN.fullmatch(verb) or regexcache.match(r"(halv|cut)", verb, re.I) else 0
        value = vocab.FRACTION_WORDS.get(size)
        if value is None:
            value = float(regexcache.sub(r"[^\d.]", "", size.replace("·", ".")) or 0)
        if d and value:
            if not content_stems(what) - _WEAK_STEMS:
                # "the risk of transmission was cut by 79%": what changed is named before the verb
                what = " ".join(regexcache.split(r"[,;:]", text[: m.start()])[-1].split()[-6:])
            out.append((d, content_stems(what), value, m.group(0)))
    if not out:
        # "halves your risk of dementia": a fall by half, with no "by"
        for m in _HALVES.finditer(text):
            what = m.group(1) or m.group(2)
            if content_stems(what) - _WEAK_STEMS:
                out.append((-1, content_stems(what), 50.0, m.group(0)))

    return tuple(out)


_EFFECTIVE = regexcache.compile(
    r"\b(\d+(?:[.·]\d+)?)\s*(?:%|percent)\s+(?:effective|efficacious|protective)\b([^.;]{0,60})"
    r"|\b(?:efficacy|effectiveness)\b([^.;]{0,80}?)\b(?:was|of|=|:)\s*(\d+(?:[.·]\d+)?)\s*(?:%|percent)",
    re.I,
)


@lru_cache(maxsize=8192)
def _relative_sizes(sentence: str) -> tuple[tuple[int, frozenset[str], float, str], ...]:
    """Sizes of a fall a finding states as an efficacy ("was 79% effective in reducing
    transmission", "vaccine effectiveness against hospitalisation was 52%"): a fall of that many
    percent in what follows (or precedes) it."""
    out = []
    for m in _EFFECTIVE.finditer(sentence):
        value = m.group(1) or m.group(4)
        what = m.group(2) if m.group(1) else m.group(3)
        out.append((-1, content_stems(what or ""), float(value.replace("·", ".")), m.group(0)))
    ratios = _RATIO_VALUE.findall(sentence)
    if len(ratios) == 1:
        # a ratio is a relative change: "HR 0.77" a fall of 23%, "RR 2.0" a rise of 100%
        value = float(ratios[0].replace("·", "."))
        if 0 < value < 1:
            out.append((-1, frozenset(), round((1 - value) * 100, 1), _RATIO_VALUE.search(sentence).group(0)))  # type: ignore[union-attr]
        elif value > 1:
            out.append((1, frozenset(), round((value - 1) * 100, 1), _RATIO_VALUE.search(sentence).group(0)))  # type: ignore[union-attr]
    return tuple(out)


_RATIO_VALUE = regexcache.compile(
    r"\b(?:a?HR|a?OR|a?RR|IRR|hazard ratio|odds ratio|risk ratio|relative risk|rate ratio)\b(?: for [\w ,-]{1,40}?)?(?: was| of|,|:|=|\s)\s*(\d+(?:[.·]\d+)?)\b(?!\s*%)",
    re.I,
)


_SYMPTOM_STEMS = content_stems("symptom symptoms")


def _amount_check(frame: ClaimFrame, sentence: str) -> tuple[str, str | None, Finding | None] | None:
    """A claim that quotes the size of a change ("reduced inhalation by 100 percent") read against a
    finding that states the size of the same change ("by only 23%"): clearly another size
    contradicts, about the same size supports, in between says nothing."""
    claimed = _amounts(frame.text)
    if len(claimed) != 1:
        return None
    d, what, size, claimed_words = claimed[0]
    cond = condition_ids(claimed_words)
    if cond and cond <= condition_ids(sentence):
        # "cuts PTSD symptom scores in half" against "the mean PCL-5 score decreased by 18%": the
        # condition's scale names its symptoms
        what = what - content_stems(" ".join(w for w in claimed_words.split() if condition_ids(w))) - _SYMPTOM_STEMS
    signed = []
    arms = frame.arms()
    named_i, named_c = arms.positions(sentence)
    if named_i and named_c and min(named_c) < min(named_i) and frame.comparator_text:
        return None  # "the ECT group was half as likely to relapse as the ketamine group": the comparator's size
    for m in _SIGNED_CHANGE.finditer(sentence):
        # (the intervention's own change: the arm named right after the number)
        if arms.intervention is not None and arms.intervention.search(m.group(4)):
            signed.append((-1 if m.group(2) in "-−–" else 1, content_stems(m.group(1)), float(m.group(3).replace("·", ".")), m.group(0)))
    for fd, fwhat, fsize, words in _amounts(sentence) + _relative_sizes(sentence) + tuple(signed):
        if fd != d or not (what - _WEAK_STEMS):
            continue
        if _RATIO_VALUE.match(words):
            # (a ratio's outcome is named around it, often as a composite of the claim's:
            # "recurrent cardiovascular events" for "cardiovascular death, recurrent MI or stroke")
            if not (what - _WEAK_STEMS - _RISK_STEMS) & content_stems(sentence):
                continue
        elif not (what - _WEAK_STEMS) <= fwhat | content_stems(sentence):
            continue
        ratio = min(size, fsize) / max(size, fsize)
        if ratio >= 0.8:
            return SUPPORTS, words, None
        if ratio < 0.6:
            return CONTRADICTS, words, None
        return NEUTRAL, words, None  # (a size between: neither the claim's nor clearly another)
    return None


_CLAIMED_SHARE = prefiltered(vocab.CLAIMED_SHARE, re.I)
_SHARE_OUTCOME = regexcache.compile(vocab.SHARE_OUTCOME, re.I)
_PERCENT = regexcache.compile(r"(?<![\d.])(\d{1,3}(?:[.·]\d+)?)\s*(?:%|percent\b)(?!\s*(?:CI|confidence))", re.I)


def _claimed_share(text: str) -> tuple[float, float] | None:
    """The share of people a claim says benefit, as (low, high) bounds: "works for 7 in 10 people"
    (0.7, 0.7), "most patients respond" (0.5, 1.0)."""
    m = _CLAIMED_SHARE.search(text)
    if not m:
        return None
    if m.group("n"):
        share = int(m.group("n")) / int(m.group("m"))
        return (share, share) if 0 < share <= 1 else None
    if m.group("pct"):
        share = float(m.group("pct")) / 100
        return (share, share) if 0 < share <= 1 else None
    if m.group("everyone") or regexcache.fullmatch(r"all|every", m.group("word"), re.I):
        return (0.95, 1.0)  # "works for everyone", "every patient"
    return (0.9, 1.0) if regexcache.match(r"(?:nearly|almost)", m.group("word"), re.I) else (0.5, 1.0)


_CHANGE_SIZE_BEFORE = regexcache.compile(r"\b(?:reduction|decrease|improvement|fall|drop|decline|increase)s?\s+(?:of\s+)?(?:at least\s+|≥\s*|>=?\s*)?$|(?:at least|≥|>=)\s*(?:an?\s+)?$", re.I)
_CHANGE_SIZE_AFTER = regexcache.compile(r"(?:\s+or\s+(?:more|greater|higher|larger))?\s+(?:reduction|decrease|improvement|fall|drop|decline|increase)\b", re.I)


def _share_check(frame: ClaimFrame, sentence: str) -> tuple[str, str | None, Finding | None] | None:
    """A claim that a share of people benefit ("works for 7 in 10 people", "most patients respond")
    read against the share who responded with the intervention ("Response occurred in 38% of X
    recipients and 12% of placebo recipients"): well below contradicts, at or above supports."""
    if frame.negated or frame.goodness <= 0 or frame.harm:
        return None
    claimed = _claimed_share(frame.text)
    if claimed is None or not _SHARE_OUTCOME.search(sentence) or rd.HARM.search(sentence):
        return None
    arms = frame.arms()
    plain = regexcache.sub(r"\([^()]*\)", " ", sentence)  # (not a confidence interval's bounds)
    ipos, cpos = arms.positions(plain)
    # (the claim's subject may be the people, "Most patients with TRD respond to a ketamine
    # infusion": the drug the vocabulary knows is the intervention then)
    drugs = [p for found in vocab.find_concepts(frame.text) if found.concept.group == "intervention" for p in found.concept.detect]
    if drugs:
        ipos = sorted({m.start() for p in drugs for m in re.finditer(p, plain, re.I)})
        cpos = [m.start() for m in rd.CONTROL.finditer(plain)]
    shares = [
        (float(m.group(1).replace("·", ".")) / 100, m) for m in _PERCENT.finditer(plain)
        # (not a change's size that defines response: "a reduction of at least 50%", "a 50% or greater reduction")
        if not _CHANGE_SIZE_BEFORE.search(plain[max(0, m.start() - 40) : m.start()]) and not _CHANGE_SIZE_AFTER.match(plain, m.end())
    ]
    if not shares or not ipos:
        return None
    if cpos:
        # each arm's share: the intervention's is the one just before its name
        own = [t for t in shares if any(0 <= p - t[1].end() <= 45 for p in ipos)]
        if len(own) != 1:
            return None
        share, m = own[0]
    elif len(shares) == 1:
        share, m = shares[0]
    else:
        return None
    low, high = claimed
    if _share_near(share, low, high):
        return SUPPORTS, m.group(0), None
    if _share_short(share, low):
        return CONTRADICTS, m.group(0), None
    return None


def _share_near(value: float, low: float, high: float) -> bool:
    """Is a share found about the share claimed?  Five points either side of a large one; a
    quarter of a small one ("1 in 100" is not borne out by 0.1%)."""
    slack = min(0.05, low * 0.25)
    return low - slack <= value <= high + (slack if high == low else 0.0)


def _share_short(value: float, low: float) -> bool:
    """Does a share found fall clearly short of the share claimed (a half of a small one)?"""
    return value < (low * 0.8 - 0.02 if low >= 0.2 else low * 0.5)


def _restatement(frame: ClaimFrame, sentence: str) -> tuple[str, str | None, Finding | None] | None:
    """A finding that says what the claim says with the claim's own verb (or a synonym), about
    the claim's subject and object: "we show that clathrin stabilizes fibres of the spindle"."""
    if not frame.verb or len(frame.verb) < 4 or frame.goodness or frame.association:
        return None
    group = _verb_group(frame.verb)
    causal = group == vocab.VERB_SYNONYMS[0]
    if frame.direction and (not causal or frame.arms().loss):
        # (a causal verb may be restated in its synonyms: "induces" / "leads to"; a bare rise is
        # read as one; and what the loss of something causes is not read off a sentence on its presence)
        return None
    for m in regexcache.finditer(r"[A-Za-z][\w-]*", sentence):
        if not stem(m.group(0)).startswith(group):
            continue
        if _DETERMINER_BEFORE.search(sentence, 0, m.start()):
            continue  # "after the last infusion", "the results": a noun or an adjective, not the verb
        if frame.direction and not _CAUSAL_VERB.fullmatch(m.group(0) + (sentence[m.end() : m.end() + 3] if m.group(0).lower().startswith(("lead", "led", "result")) else "")):
            continue  # a verb form only ("leads to", "inducing"; not "the gene product", "the results")
        if frame.direction and m.group(0).lower().endswith("ed") and not _ACTIVE_OBJECT.match(sentence, m.end()):
            continue  # "induced pluripotent stem cells", "X induced by Y": not the verb at work
        after = content_stems(sentence[m.end() : m.end() + 80]) - _WEAK_STEMS
        if not (frame.outcome_stems - _WEAK_STEMS) & after:
            continue
        if _NEGATED_VERB.search(sentence[max(0, m.start() - 25) : m.start()]):
            return CONTRADICTS, sentence[max(0, m.start() - 25) : m.end()].strip(), None
        return SUPPORTS, m.group(0), None
    return None


_CAUSAL_VERB = regexcache.compile(vocab.CAUSAL_VERB_FORMS, re.I)
_DETERMINER_BEFORE = regexcache.compile(r"\b(?:the|a|an|this|that|these|those|its|their|his|her|our|each|every)\s+$", re.I)
_ACTIVE_OBJECT = regexcache.compile(r"\s+(?:a|an|the|to|in)\b", re.I)
_POLARITY = regexcache.compile(vocab.POLARITY_WORDS, re.I)
CLOSE_RESTATEMENT = 0.85  # share of the claim's content words a finding must restate


@lru_cache(maxsize=4096)
def _close_restatement(claim: str, sentence: str) -> bool:
    """Does a finding say what the claim says in nearly all of its words, with the same polarity
    ("Ca2+ cycling is a UCP1-independent thermogenic mechanism" against "Here we report a robust
    UCP1-independent thermogenic mechanism ... that involves enhanced ... Ca2+ cycling")?  Every
    word of negation or direction in the claim must be in the sentence, and the sentence may add
    none of negation nor turn a claim's word around ("dependent" / "independent")."""
    core = claim_core(claim)
    frame = parse_claim(claim)
    if (frame.lasting_days is not None or frame.fading_days is not None) and _EFFECT_LOST.search(sentence):
        return False  # how long it lasted is read by the time it gives ("lasting less than a week" for "for two weeks")
    mine = content_stems(core) - _WEAK_STEMS - _KIND_STEMS
    if len(mine) < 3:
        return False
    theirs = _stems_and_parts(sentence)  # ("the TRF2-RTEL1 interaction" names TRF2)
    if len(mine & theirs) / len(mine) < CLOSE_RESTATEMENT or _COMPARED.search(core):
        return False  # (a comparison is said by the order of its words too: "A more sensitive than B")
    if any(_POLARITY.fullmatch(w) or regexcache.match(r"(?:in|un|non|dis|im|ir|il)[a-z]{4,}", w) for w in mine - theirs):
        return False  # the word the sentence lacks may be the one that turns the claim ("inaccurate")
    if _generic_risk(frame.outcome) and (mine - theirs) & (frame.outcome_stems - _WEAK_STEMS - _RISK_STEMS):
        return False  # nor may it be the disease of a claimed risk ("... an increased risk of stroke" for "... of dementia")
    if rd.NULL.search(sentence) and not rd.NULL.search(core):
        return False  # "time to recovery was similar with X and sham": no difference, whatever the words
    claim_polar = {stem(m.group(0)) for m in _POLARITY.finditer(core)}
    sentence_polar = {stem(m.group(0)) for m in _POLARITY.finditer(sentence)}
    if claim_polar != sentence_polar & claim_polar or any(p not in claim_polar and _NEGATING.fullmatch(p) for p in sentence_polar):
        return False
    words = {w.lower() for w in regexcache.findall(r"[A-Za-z][\w-]*", sentence)}
    words |= {part for w in words for part in w.split("-")}  # ("UCP1-independent")
    core_words = {w.lower() for w in regexcache.findall(r"[A-Za-z][\w-]*", core)}
    core_words |= {part for w in core_words for part in w.split("-")}
    if any(f"{pre}{w}" in words or f"{pre}-{w}" in words for w in core_words for pre in ("in", "un", "non")):
        return False
    for one, other in vocab.POLARITY_OPPOSITES:
        for mine_pole, their_pole in ((one, other), (other, one)):
            said = any(w.startswith(mine_pole) for w in core_words)
            if said and not any(w.startswith(their_pole) for w in core_words) and any(w.startswith(their_pole) for w in words) and not any(w.startswith(mine_pole) for w in words):
                return False  # "is reduced throughout pregnancy" / "is increased during pregnancy"
    # a number the claim states must be the sentence's ("1 in 5 million" / "493 per million")
    return all(n in regexcache.findall(r"\d+(?:\.\d+)?", sentence) for n in regexcache.findall(r"\d+(?:\.\d+)?", core))


def _stems_and_parts(text: str) -> frozenset[str]:
    """Content stems with the parts of hyphenated words ("UCP1-dependent": "ucp1", "depend")."""
    return content_stems(text) | content_stems(regexcache.sub(r"(?<=\w)-(?=\w)", " ", text))


_INVOLVEMENT = regexcache.compile(r"\b(?:" + vocab.INVOLVEMENT + r")\b", re.I)
_INVOLVEMENT_DENIED = regexcache.compile(vocab.INVOLVEMENT_DENIED, re.I)


_NEED_ADVERB = r"(?:(?:absolutely|strictly|critically|thus|therefore|also|largely|partly|not|therefore\s+not)\s+)*"
_X_NEEDED = regexcache.compile(
    r"(?P<x>[\w(),/+-][\w\s(),/+-]{0,80}?)\s+(?:is|are|was|were|be|been|remains?|appears?(?: to be)?|seems?(?: to be)?|proved|proves)\s+" + _NEED_ADVERB
    + r"(?P<pol>" + vocab.DISPENSABLE_WORDS + "|" + vocab.REQUIRED_WORDS + r")\s+(?:for|to|in)\s+(?P<y>[^.;]{3,120})", re.I
)
_Y_NEEDS = regexcache.compile(
    r"(?P<y>[\w(),/+-][\w\s(),/+-]{0,80}?)\s+(?P<neg>(?:does|do|did)\s+not\s+|thus\s+|therefore\s+|also\s+)?(?P<pol>" + vocab.DEPENDS_WORDS + r")\s+(?P<x>[^.;]{2,80})", re.I
)


def _manipulation_sign(text: str) -> int:
    """+1 when a phrase adds or activates its subject ("AMPA receptor activation"), -1 when it
    takes it away or blocks it ("NMDA receptor blockade", "loss of Klf4"), 0 when it says neither."""
    for w in regexcache.findall(r"[\w-]+", text.lower()):
        sign = vocab.MANIPULATION_OF.get(w, (0,))[0]
        if sign:
            return sign
    return -1 if regexcache.search(vocab.LOSS_OF_FUNCTION, text, re.I) else 0


_NEED_GUARD = regexcache.compile("|".join((vocab.REQUIRED_WORDS, vocab.DISPENSABLE_WORDS, vocab.DEPENDS_WORDS)), re.I)  # (any of their words)


@lru_cache(maxsize=4096)
def _requirement_of(text: str) -> tuple[str, str, int] | None:
    """What a text says is needed for what: (needed thing, what needs it, +1 required / -1 not)."""
    if not _NEED_GUARD.search(text):
        return None  # (the long patterns below only where one of their words is)
    m = _X_NEEDED.search(text)
    if m:
        negated = regexcache.search(r"\bnot\b", text[m.end("x") : m.start("pol")], re.I) is not None
        pol = -1 if regexcache.fullmatch(vocab.DISPENSABLE_WORDS, m.group("pol"), re.I) else 1
        return m.group("x"), m.group("y"), -pol if negated else pol
    m = _Y_NEEDS.search(text)
    if m and not regexcache.match(r"\s*(?:that|whether|how)\b", m.group("x"), re.I):
        return m.group("x"), m.group("y"), -1 if m.group("neg") and "not" in m.group("neg").lower() else 1
    return None


@lru_cache(maxsize=4096)  # (asked twice for a sentence: for its relevance, then for its reading)
def _requirement(frame: ClaimFrame, sentence: str) -> tuple[str, str | None, None] | None:
    """A claim that X is required (or dispensable) for Y against a sentence that says so of the same
    X and Y in its own words ("Processing and release of IL-1β ... depends on caspase-1")."""
    claimed = _requirement_of(frame.text)
    found = _requirement_of(sentence) if claimed else None
    if not claimed or not found:
        return None
    x, y, pol = claimed
    fx, fy, fpol = found
    fx = regexcache.split(r"\s+(?:rather than|and not|but not|instead of)\s+", fx, maxsplit=1)[0]  # ("AMPA receptor activation rather than inhibition")
    # what was done to the thing needed: its activation is not its blockade
    done, found_done = _manipulation_sign(x), _manipulation_sign(fx)
    if done and found_done and done != found_done:
        fpol = -fpol
    x_stems = _stems_and_parts(x) - _WEAK_STEMS - _KIND_STEMS
    y_stems = _stems_and_parts(y) - _WEAK_STEMS
    if not x_stems or not x_stems & _stems_and_parts(fx) or not y_stems:
        return None
    # (what it is needed for by a third of its words, or by their initials: "LTP" for "long-term potentiation")
    words = regexcache.findall(r"[a-z0-9]+", y.lower())
    initials = {"".join(w[0] for w in words[i : i + n]) for n in (2, 3) for i in range(len(words) - n + 1)}
    fy_stems = _stems_and_parts(fy)
    shared = y_stems & (fy_stems | _synonym_stems(y, fy)) | initials & fy_stems
    if 3 * len(shared) < len(y_stems) or _stems_and_parts(fx) & y_stems - x_stems:
        return None  # (not the same thing needed for, nor the roles turned round)
    return (SUPPORTS if pol == fpol else CONTRADICTS), "required for" if fpol > 0 else "not required for", None


def _involvement(frame: ClaimFrame, sentence: str) -> tuple[str, str | None, None] | None:
    """A claim that its subject takes part in something ("X is involved in Y", "X regulates Y")
    against a finding that says so of the claim's subject and object, or denies it."""
    core = claim_core(frame.text)
    said = _INVOLVEMENT.search(core)
    if not said or _INVOLVEMENT.search(core, said.end()):
        return None
    wanted = _stems_and_parts(core[said.end() :]) - _WEAK_STEMS
    if len(wanted) < 2:
        return None
    arms = frame.arms()
    for m in _INVOLVEMENT.finditer(sentence):
        before = sentence[max(0, m.start() - 90) : m.start()]
        if arms.intervention is None or not arms.intervention.search(before):
            continue
        after = " ".join(sentence[m.end() :].split()[:15])
        if len(wanted & _stems_and_parts(after)) / len(wanted) < 0.5:
            continue
        denied = _INVOLVEMENT_DENIED.search(sentence[max(0, m.start() - 25) : m.start()]) or _other_named_instead(after, wanted)
        return (CONTRADICTS if denied else SUPPORTS), m.group(0), None
    return None


_OUTCOME_QUALIFIED = regexcache.compile(r"\s+(?:by|from|due to|caused by|related to|for)\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.I)


def _qualified_by_own(frame: ClaimFrame, f: Finding, clause: str) -> bool:
    """Is the finding's outcome the claim's, named as a kind of a wider one ("death by suicide",
    "hospitalisation for heart failure")?"""
    at = clause.find(f.outcome) if f.outcome else -1
    m = _OUTCOME_QUALIFIED.match(clause, at + len(f.outcome or "")) if at >= 0 else None
    return bool(m and content_stems(m.group(1)) & (frame.outcome_stems - _WEAK_STEMS - _GENERIC_OUTCOME_STEMS))


_NOT_THIS = regexcache.compile(r"(?:,\s*|\s)(?:and\s+|but\s+)?(?:not|rather than|instead of)\s+(?!(?:only|just|merely|simply|solely|necessarily|significantly)\b)([^,;.()]{1,60})", re.I)


def _other_named_instead(text: str, wanted: frozenset[str]) -> bool:
    """Does ``text`` name the claim's own term only as the one ruled out ("mediated by
    alpha1-containing, not alpha2-containing, receptors" for a claim of alpha2)?"""
    denied = list(_NOT_THIS.finditer(text))
    if not denied:
        return False
    kept = _NOT_THIS.sub(" ", text)
    ruled_out = frozenset().union(*(_stems_and_parts(m.group(1)) for m in denied)) & wanted
    return bool(ruled_out - _stems_and_parts(kept))


def _close_affirmation(claim: str, sentence: str) -> bool:
    """Does a finding say, in nearly all of its words, what the claim denies — with no word of
    denial, no null and no polarity word the claim lacks?"""
    core = claim_core(claim)
    denial = _NEGATING_WORD.sub(" ", regexcache.sub(r"\b(?:do|does|did|is|are|was|were|has|have|had|can|could|will|would)\s+not\b", " ", core, flags=re.I))
    mine = _stems_and_parts(denial) - _WEAK_STEMS - _KIND_STEMS - vocab.DENIAL_FILLERS
    if len(mine) < 3 or _NEGATING_WORD.search(sentence) or rd.NULL.search(sentence) or _COMPARED.search(core):
        return False
    if len(mine & _stems_and_parts(sentence)) / len(mine) < CLOSE_RESTATEMENT:
        return False
    claim_polar = {stem(m.group(0)) for m in _POLARITY.finditer(denial)}
    sentence_polar = {stem(m.group(0)) for m in _POLARITY.finditer(sentence)}
    if claim_polar != sentence_polar & claim_polar:
        return False  # (the direction words must be the claim's)
    return all(n in regexcache.findall(r"\d+(?:\.\d+)?", sentence) for n in regexcache.findall(r"\d+(?:\.\d+)?", core))


def _next_stems(text: str, word: str) -> frozenset[str]:
    """The content stems of the three words after ``word`` in ``text``."""
    m = re.search(r"\b" + re.escape(word) + r"\b((?:\W+[\w+-]+){1,3})", text, re.I)
    return content_stems(m.group(1)) - _WEAK_STEMS if m else frozenset()


def _close_opposite(claim: str, sentence: str) -> str | None:
    """The word pair when a finding says the claim in nearly all of its words but with one of
    them turned around: a pole of the claim's ("increased" / "decreased", "dependent" /
    "independent") or a claim word with a negating prefix ("dependent" / "independent"); None
    otherwise.  Neither may deny anything, and every number the claim states is the sentence's."""
    core = claim_core(claim)
    everything = _stems_and_parts(core) - _WEAK_STEMS - _KIND_STEMS
    if len(everything) < 4 or len(everything & _stems_and_parts(sentence)) < CLOSE_RESTATEMENT * (len(everything) - 1):
        return None  # (most sentences: too few of the claim's words, whatever is turned)
    if _NEGATING_WORD.search(core) or rd.NULL.search(sentence):
        return None
    core_words = {w.lower() for w in regexcache.findall(r"[A-Za-z][\w-]*", core)}
    core_words |= {part for w in core_words for part in w.split("-")}
    words = {w.lower() for w in regexcache.findall(r"[A-Za-z][\w-]*", sentence)}
    words |= {part for w in words for part in w.split("-")}
    turns: list[tuple[str, str]] = []
    for w in core_words:
        for pre in ("in", "un", "non", "non-"):
            if len(w) > 4 and pre + w in words and w not in words:
                turns.append((w, pre + w))
            head, _, tail = w.rpartition("-")
            if head and len(tail) > 4 and f"{head}-{pre}{tail}" in words and w not in words:
                turns.append((w, f"{head}-{pre}{tail}"))  # "UCP1-dependent" / "UCP1-independent"
    for one, other in vocab.POLARITY_OPPOSITES:
        for mine_pole, their_pole in ((one, other), (other, one)):
            said = [w for w in core_words if w.startswith(mine_pole)]
            if said and not any(w.startswith(their_pole) for w in core_words) and not any(w.startswith(mine_pole) for w in words):
                theirs_said = [w for w in words if w.startswith(their_pole)]
                # (said of the same thing: "decreasing cell death" / "increased cell death", not
                # "inhibits the T cell response" / "induced IL-10 production")
                if theirs_said and _next_stems(core, said[0]) & _next_stems(sentence, theirs_said[0]):
                    turns.append((said[0], theirs_said[0]))
    turns = list(dict.fromkeys(turns))
    if len(turns) != 1:
        return None
    if _NEGATING_WORD.search(re.sub(re.escape(turns[0][1]), " ", sentence, flags=re.I)):
        return None  # (no other word of negation than the turned one)
    turned_stems = content_stems(turns[0][0])
    mine = _stems_and_parts(core) - _WEAK_STEMS - _KIND_STEMS - turned_stems
    if len(mine) < 3:
        return None
    if len(mine & _stems_and_parts(sentence)) / len(mine) < CLOSE_RESTATEMENT:
        return None
    if not all(n in regexcache.findall(r"\d+(?:\.\d+)?", sentence) for n in regexcache.findall(r"\d+(?:\.\d+)?", core)):
        return None
    return f"{turns[0][0]} / {turns[0][1]}"


_NEGATING = regexcache.compile(vocab.NEGATING_WORDS, re.I)
_NEGATING_WORD = regexcache.compile(r"\b(?:" + vocab.NEGATING_WORDS + r")\b", re.I)
_KIND_STEMS = frozenset(stem(w) for w in vocab.KIND_NOUNS.split())  # "the PRDM1 gene" is PRDM1


def _time_frame_gate(frame: ClaimFrame, stance: str, clause: str) -> str:
    """A plain finding says nothing about how long an effect lasts ("for months", "fades within
    a week"), and a finding measured weeks later says nothing about a rapid onset."""
    if stance == NEUTRAL:
        return stance
    if frame.fading_days is not None:
        return NEUTRAL
    if frame.lasting_days is not None and stance == SUPPORTS:
        return NEUTRAL
    point = _AT_TIME_POINT.search(clause) if frame.lasting_days is not None and stance == CONTRADICTS and rd.NULL.search(clause) else None
    if point and frame.lasting_days is not None and not _OVER_PERIOD.search(clause):
        t = time_days(point.group(0))
        if t is not None and t > frame.lasting_days:
            return NEUTRAL  # "not significant on day 14" for "at least a week": gone after the time claimed
    if frame.onset and stance == SUPPORTS and frame.assertion != "superiority":
        t = time_days(clause)
        if t is not None and t > 1.5:
            return NEUTRAL
    # "increases abstinence at 6 months": a result at week 8 is about another time
    # ("reduces late nausea between 24 and 72 hours": a result in the first 6 h is about another time)
    claimed, found = _time_span(frame.text[frame.text.find(frame.cue) if frame.cue and frame.cue in frame.text else 0 :], claim=True), _time_span(clause)
    if claimed and found and not (found[1] >= 0.7 * claimed[0] and found[0] <= 1.4 * claimed[1]):
        return NEUTRAL
    if claimed and stance == SUPPORTS and _EFFECT_LOST.search(clause):
        # "a short-term reduction that was not maintained at one year" for "reduces ... at 12 months":
        # gone by the claim's time, or said of another
        return CONTRADICTS if found and not frame.negated else NEUTRAL
    return stance


# a time point ("on day 14", "at week 12"), not a period from the start ("over 6 months")
_AT_TIME_POINT = regexcache.compile(r"\b(?:at|on|by|after)\s+(?:(?:day|week|month)\s+\d+|\d+\s+(?:days?|weeks?|months?))\b", re.I)
_OVER_PERIOD = regexcache.compile(r"\b(?:over|during|throughout|across|through|for)\s+(?:the\s+)?(?:\d+|\w+)[\s-]+(?:days?|weeks?|months?|years?)\b", re.I)
_TIME_POINT = regexcache.compile(
    r"\b(?:at|after|by)\s+(?:(?:week|month|day|year)s?\s+\d+|(?:\d+(?:[.·]\d+)?|an?(?=\s)|" + vocab.CARDINAL_PATTERN + r")[\s-]*(?:weeks?|months?|days?|years?|hours?|wk|mo|h)\b)"
    # ("6-month abstinence", "(week 12)")
    r"|(?<![\w.-])\d+-(?:week|month|day|year|hour)\b(?!-)(?!\s+(?:" + vocab.TIME_SPAN_NOUNS + r")\b)|\((?:week|month|day)\s+\d+\)", re.I
)


def _point_days(m: re.Match[str]) -> float | None:
    return time_days(m.group(0).replace("-", " ").strip("()"))


def _time_point(text: str) -> float | None:
    """The time point a text names ("at 6 months", "at week 8", "after 2 years"), in days."""
    m = _TIME_POINT.search(text)
    return _point_days(m) if m else None


_TIME_WINDOW = regexcache.compile(
    r"\bbetween\s+(\d+(?:[.·]\d+)?)\s*(?:and|-|–|to)\s*(\d+(?:[.·]\d+)?)\s*(" + vocab.TIME_UNIT_WORDS + r")\b"
    r"|\b(?:in|during|within|over|to|until)\s+the\s+first\s+(\d+(?:[.·]\d+)?|" + vocab.CARDINAL_PATTERN + r")[\s-]*(" + vocab.TIME_UNIT_WORDS + r")\b",
    re.I,
)


def _time_span(text: str, *, claim: bool = False) -> tuple[float, float] | None:
    """The times a text is about, in days: a window ("between 24 and 72 hours", "in the first
    6 h": 0 to 6 h), or its first time point as a window of one (see ``_time_point``); a claim's
    "after a week" is from a week on."""
    m = _TIME_WINDOW.search(text)
    if m and m.group(1):
        lo, hi = time_days(f"{m.group(1)} {m.group(3)}"), time_days(f"{m.group(2)} {m.group(3)}")
        if lo is not None and hi is not None and lo <= hi:
            return lo, hi
    elif m:
        hi = time_days(f"{m.group(4)} {m.group(5)}")
        if hi is not None:
            return 0.0, hi
    point = _TIME_POINT.search(text)
    t = _point_days(point) if point else None
    if not t:
        return None
    if claim and point is not None and point.group(0).lower().startswith("after"):
        return t, float("inf")  # "does nothing after a week": from then on
    return t, t


_GENERIC_TREATMENT = regexcache.compile(r"(" + vocab.GENERIC_TREATMENT_WORDS + r")$", re.I)


def _unnamed(frame: ClaimFrame, sentence: str, m: re.Match[str]) -> bool:
    """A bare "treatment", "therapy", "drugs" ("after 8 weeks of treatment"): no treatment is
    named; "cognitive therapy", "antipsychotic drugs" name one (unless the word before is the
    claim's own)."""
    if not _GENERIC_TREATMENT.match(m.group(0)):
        return False
    if sentence[m.end() : m.end() + 1] == "-" or sentence[max(0, m.start() - 1) : m.start()] == "-":
        return True  # "treatment-related adverse events", "therapy-resistant", "pre-treatment": an adjective
    if _TREATMENT_AS_TIME.match(sentence[m.end() :]):
        return True  # "treatment weeks 1-4", "the treatment period", "treatment groups": the trial's own
    before = regexcache.findall(r"[A-Za-z][\w-]*", sentence[max(0, m.start() - 30) : m.start()])
    if not before:
        return True
    word = before[-1].lower()
    return word in vocab.FUNCTION_WORDS or word in vocab.GENERIC_SUBJECT_WORDS or stem(word) in frame.stems or word in vocab.BARE_TREATMENT_LEADS


# (outcomes and treatments named in other words: relevance counts the claim's words as shared)
_SYNONYMS = [[regexcache.compile(r"\b" + re.escape(w) + r"\b", re.I) for w in group] for group in vocab.OUTCOME_SYNONYMS] + [
    [regexcache.compile(p, re.I) for p in group] for group in vocab.TREATMENT_SYNONYMS
]
_SYNONYM_ANY = [regexcache.compile("|".join(f"(?:{rx.pattern})" for rx in group), re.I) for group in _SYNONYMS]  # (one search a group)
_SYNONYM_SET = PatternSet(_SYNONYM_ANY)  # (and only the groups whose words are in the claim)


@lru_cache(maxsize=2048)
def _claim_synonyms(claim: str) -> tuple[tuple[int, frozenset[str]], ...]:
    """The synonym groups the claim names, with its words for each (read once per claim)."""
    out = []
    for k in _SYNONYM_SET.candidates(claim):
        group = _SYNONYMS[k]
        if not _SYNONYM_ANY[k].search(claim):
            continue
        mine = [content_stems(m.group(0)) for rx in group if (m := rx.search(claim))]
        if mine:
            out.append((k, frozenset().union(*mine)))
    return tuple(out)


def _synonym_stems(claim: str, sentence: str) -> frozenset[str]:
    """The claim's words for an outcome the sentence names in other words ("side effects" for
    "adverse events")."""
    found: set[str] = set()
    for k, words in _claim_synonyms(claim):
        if any(rx.search(sentence) for rx in _SYNONYMS[k]):
            found.update(words)
    return frozenset(found)


_OUTCOME_KIND = {kinds[-1]: regexcache.compile(r"(?<![\w-])(" + "|".join(map(re.escape, kinds[:-1])) + r")\s+" + kinds[-1], re.I) for kinds in vocab.OUTCOME_KINDS}


_SURVIVAL_ABBREVIATION = regexcache.compile(r"\b(" + "|".join(vocab.SURVIVAL_ABBREVIATIONS) + r")\b")


def _kinds_spelt(text: str) -> str:
    return _SURVIVAL_ABBREVIATION.sub(lambda m: vocab.SURVIVAL_ABBREVIATIONS[m.group(1)], text)


@lru_cache(maxsize=8192)
def _another_kind_of_outcome(claim: str, text: str) -> bool:
    """Does ``text`` name a kind of the claim's outcome that the claim does not ("progression-free
    survival" for "overall survival": vocabulary.OUTCOME_KINDS)?"""
    claim, text = _kinds_spelt(claim), _kinds_spelt(text)
    for last, rx in _OUTCOME_KIND.items():
        mine = {m.group(1).lower() for m in rx.finditer(claim)}
        if not mine and last == "survival" and regexcache.search(r"\bsurvival\b", claim, re.I):
            mine = {"overall"}  # survival unqualified ("helps patients live longer") is overall survival
        if mine and {m.group(1).lower() for m in rx.finditer(text)} - mine:
            return True
    return False


def _only_another_kind(claim: str, text: str) -> bool:
    """``text`` names another kind of the claim's outcome and not the claim's own ("progression-free
    survival" for "overall survival" or "live longer")."""
    return _another_kind_of_outcome(claim, text) and not _kind_of_outcome_named(claim, text)


@lru_cache(maxsize=8192)
def _kind_of_outcome_named(claim: str, text: str) -> bool:
    """Does ``text`` name the claim's own kind of its outcome ("overall survival")?"""
    claim, text = _kinds_spelt(claim), _kinds_spelt(text)
    for rx in _OUTCOME_KIND.values():
        mine = {m.group(1).lower() for m in rx.finditer(claim)}
        if mine & {m.group(1).lower() for m in rx.finditer(text)}:
            return True
    return False


_COMPOSITE = regexcache.compile(vocab.COMPOSITE_OUTCOME, re.I)
_NONINFERIOR_WORD = regexcache.compile(r"\bnon-?inferior\w*", re.I)
_NOT_SIGNIFICANT_WORDS = regexcache.compile(r"\bnumerically\b|\bnon-?significant|\bnot\s+(?:statistically\s+)?significant", re.I)


def _change_not_shown(sentence: str, cue: str | None) -> str | None:
    """The words that say the change the clause of ``cue`` reports is not significant (a
    "numerically higher" level, a difference "not significant", every p >= 0.05), or None."""
    clause = next((c for c in rd.split_clauses(sentence) if cue and cue in c), "")
    sig = rd.significance(clause)
    words = _NOT_SIGNIFICANT_WORDS.search(clause)
    if sig is False or sig is None and words:
        return words.group(0) if words else "not significant"
    return None


# (not "no worse than", "no more side effects than": at most as harmful, which no difference bears out)
_SAFER_THAN = regexcache.compile(r"(?<!\bno )(?<!\bnot )\b(?:fewer|less|lower|safer|more|higher|greater|worse)\b[^.;]{0,60}\bthan\b", re.I)
_ACROSS_GROUPS = regexcache.compile(r"\binteraction\b|\bwith and without\b|" + vocab.EFFECT_REGARDLESS, re.I)
_LOW_LEVEL_OF = regexcache.compile(vocab.LOW_LEVEL_OF, re.I)
_TOO_LITTLE = regexcache.compile(r"\b(?:" + vocab.TOO_LITTLE_NOUNS + r")\b", re.I)
_LEVEL_WORD = regexcache.compile(r"\b(?:" + "|".join(vocab.ASSOCIATION_LEVELS) + r")\b", re.I)


def _level_said(exposure: str) -> bool:
    """Does the claim's exposure say a level of it ("low vitamin D", "vitamin D deficiency",
    "sleeping less than six hours", "at least 7,000 steps")?"""
    return bool(_LEVEL_WORD.search(exposure) or _TOO_LITTLE.search(exposure) or rd.amount_linked(exposure + " is associated with"))


def _too_little(exposure: str) -> bool:
    """Is the exposure too little of a thing said by a noun ("vitamin D deficiency"), with no
    level word that already signs it ("low vitamin D")?"""
    return bool(_TOO_LITTLE.search(exposure)) and not _LEVEL_WORD.search(exposure)
_LOW_WORD = regexcache.compile(r"\b(?:low|lower|reduced|deficien\w*|insufficien\w*|inadequate|poor|lack\w*)\b", re.I)
_ASSOCIATED_WITH = regexcache.compile(r"\b(?:associated|linked|correlated|related)\b", re.I)
_LIST_ITEM_BEFORE = regexcache.compile(r"(?:^|(?<=[\s(]))((?:[\w-]+\s+){0,2}[\w-]+)(?:\s*,\s*(?:and\s+)?|\s+and\s+)$", re.I)
_SUBJECT_VERB_END = regexcache.compile(r"(?:\s+(?:was|were|occurred|appeared|developed|significantly|markedly|all|both|each))*\s*$", re.I)


_IMPROVEMENT_IN = regexcache.compile(r"\b(?:improvements?|relief|benefits?|reductions?)\s+(?:in|of|on)\s+(?:the\s+)?((?:[\w-]+\s+){0,2}[\w-]+)", re.I)


def _improvement_in_own(frame: ClaimFrame, f: Finding, clause: str) -> bool:
    """Whether a good change is named on the claim's own outcome ("improvements in depressive
    symptoms" for a claim about depression)."""
    if not f.outcome or not _IMPROVEMENT_IN.match(f.outcome + " in x"):
        return False
    m = _IMPROVEMENT_IN.search(clause, max(0, clause.find(f.outcome)))
    return m is not None and bool(content_stems(m.group(1)) & frame.outcome_stems)


def _listed_with(frame: ClaimFrame, f: Finding, clause: str) -> bool:
    """Whether the finding's outcome ends a list of outcomes that names the claim's own ("Hallucinations
    and nausea were more frequent with X": each one listed was; not a composite of them)."""
    if not f.outcome or not f.cue or f.cue not in clause or _COMPOSITE.search(clause):
        return False
    subject = clause[: clause.find(f.cue)]
    subject = subject[: _SUBJECT_VERB_END.search(subject).start()]  # type: ignore[union-attr]
    if not subject.lower().endswith(f.outcome.lower()):
        return False
    rest = subject[: len(subject) - len(f.outcome)]
    last = regexcache.search(r"\band\s+((?:[\w-]+\s+){0,2})$", rest, re.I)
    if not last:
        return False  # (a list ends with "and": "Among patients with hallucinations, nausea was" is none)
    rest = rest[: last.start(1)]  # (the last item's own words: "and dissociative symptoms")
    for _ in range(4):
        item = _LIST_ITEM_BEFORE.search(rest)
        if not item:
            return False
        stems = content_stems(item.group(1)) - _WEAK_STEMS - _GENERIC_OUTCOME_STEMS
        if stems and stems <= frame.outcome_stems:
            return True
        rest = rest[: item.start()]
    return False
_SEVERAL_EVENTS = regexcache.compile(vocab.SEVERAL_EVENTS, re.I)
_ALONE = regexcache.compile(vocab.COMPONENT_ALONE, re.I)
_ADD_ON_CLAIM = regexcache.compile(vocab.ADD_ON_CLAIM, re.I)
_ABSENT_COMPARATOR = regexcache.compile(r"\s*(?:" + vocab.ABSENT_COMPARATOR + r")\b", re.I)


@lru_cache(maxsize=2048)
def _comparison_words(frame: ClaimFrame) -> tuple[frozenset[str], frozenset[str], frozenset[str], bool]:
    """What ``_names_the_comparison`` looks for, read once per frame: the outcome's own words with a
    comparator, without one, the intervention's words, and whether the comparator must be named by
    its own words (an active one: "diet and exercise"; not "placebo", "no massage", "usual care")."""
    named = content_stems(frame.intervention_text or "")
    arm_words = named | content_stems(frame.comparator_text or "")
    with_comparator = frame.outcome_stems - _WEAK_STEMS - arm_words
    alone = (frame.outcome_stems - _WEAK_STEMS - _GENERIC_OUTCOME_STEMS - named) & content_stems(frame.text)
    # (nor the base of an add-on, "adding X to chemotherapy ... compared with chemotherapy alone":
    # the trial's other arm is "placebo plus chemotherapy")
    add_on = bool(_ADD_ON_CLAIM.search(frame.text)) or bool(regexcache.search(r"\b(?:alone|monotherapy)\b", frame.comparator_text or "", re.I))
    active = bool(frame.comparator_text) and not rd.CONTROL.search(frame.comparator_text or "") and not _ABSENT_COMPARATOR.match(frame.comparator_text or "") and not add_on
    return with_comparator, alone, named, active


_LEVEL_AFTER = regexcache.compile(r"\W{0,3}(?:[\w-]+\s+){0,2}?(?:longer|more|higher|greater|larger|fewer|less|lower|shorter)\b", re.I)


def _names_the_comparison(frame: ClaimFrame, sentence: str, stems: frozenset[str]) -> bool:
    """Does the sentence name both of the claim's arms and its outcome?  The comparator by its own
    words when the claim names an active one ("diet and exercise", not "placebo"); the outcome by
    a word that is not an arm's ("antidepressant" in "ketamine's antidepressant advantage")."""
    with_comparator, alone, named, active = _comparison_words(frame)
    if (
        alone and alone <= stems and _BETWEEN_ARMS.search(sentence) and rd.significance(sentence) is not None
        and not any(frame.arms().positions(sentence)) and not _another_kind_of_outcome(frame.text, sentence) and not _COMPOSITE.search(sentence)
    ):
        # the trial's two arms, tested, on the claim's own outcome: "There was no significant
        # between-group difference in cardiovascular death (HR 0.93; 95% CI 0.81-1.06)"
        return True
    labelled = not frame.comparator_text and _LABEL_MENTION.search(sentence) is not None
    if not frame.comparator_text and not labelled:
        # (a claim with no comparator: its intervention by half its words or more, "walking in Hyde
        # Park" is not "walking in traffic areas", and its outcome; not for a claim that takes
        # something away, "deleting Bmal1": a sentence on what it does when present names both
        # too; nor a composite outcome that holds the claim's)
        core = named - _INTAKE_STEMS or named  # ("eating a handful of walnuts every day": "walnuts")
        if not alone or not alone <= stems or 2 * len(core & stems) < len(core):
            return False
        arms = frame.arms()
        return (
            arms.intervention is not None and not arms.loss and arms.intervention.search(sentence) is not None
            and not _another_kind_of_outcome(frame.text, sentence) and not _COMPOSITE.search(sentence)
        )
    # (a claim that one arm beats or matches another, on no outcome of its own: "vedolizumab beats
    # adalimumab in ulcerative colitis" is answered by the two compared on any efficacy outcome)
    no_outcome = not with_comparator and frame.assertion in ("equivalence", "superiority")
    if not (with_comparator & stems or no_outcome) or _another_kind_of_outcome(frame.text, sentence):
        return False
    arms = frame.arms()
    if arms.intervention is None:
        return False
    ipos, cpos = arms.positions(sentence)
    named_here = arms.intervention.search(sentence)
    if (
        not no_outcome and ipos and not cpos and not active and named_here and not _OTHER_CONTROL_ARM.search(sentence)
        and not _LEVEL_AFTER.match(sentence, named_here.end())
    ):
        # "At this dose, dexmedetomidine did not reduce emergence agitation" in a trial against
        # saline: the intervention by name and the outcome; the control goes without saying (not
        # "those who remained prone for longer": levels of the intervention set against each other)
        return True
    if not ipos or not cpos:
        return False
    if active and arms.comparator is not None and not _LABEL_MENTION.search(sentence):
        return arms.comparator.search(sentence) is not None
    return True


@lru_cache(maxsize=2048)
def _topic_stems(frame: ClaimFrame) -> frozenset[str]:
    """The claim's words that name what it is about.  For a claim of safety or harm, the words
    that only judge ("well tolerated", "free of", "serious") are left out: a result names the
    harm in its own words ("grade 3 adverse events occurred in 63%")."""
    if frame.assertion not in ("safety", "harm"):
        return frame.stems
    judging = {stem(m.group(0)) for rx in (rd.UP, rd.DOWN, rd.GOOD, rd.BAD, _SAFETY_WORDS) for m in rx.finditer(frame.text)}
    judging |= {stem(w) for m in _SAFETY_WORDS.finditer(frame.text) for w in m.group(0).split()}
    if frame.verb:
        judging.add(frame.verb)
    return frame.stems - judging or frame.stems


_SAFETY_WORDS = regexcache.compile(r"\b(" + vocab.SAFETY_JUDGING_WORDS + r")\b", re.I)


_MODERATION_NULL = prefiltered(vocab.MODERATION_NULL, re.I)
_MODERATION_DIFFERS = regexcache.compile(vocab.MODERATION_DIFFERS, re.I)
_MODERATION_COMPARED = prefiltered(vocab.MODERATION_COMPARED, re.I)
_MODERATION_OTHER = regexcache.compile(vocab.MODERATION_OTHER_GROUP, re.I)
_MODERATION_GOOD = prefiltered(r"\b(?:" + vocab.MODERATION_GOOD_OUTCOMES + r")", re.I)
_MODERATION_LINK = prefiltered(r"\b(?:was|were|is|are)\s+(?:\w+\s+)?associated\s+with\b|\bpredict(?:s|ed)?\b", re.I)
_MODERATION_GENERIC = frozenset(stem(w) for w in vocab.MODERATION_GENERIC)


def _group_stems(text: str) -> frozenset[str]:
    """The words that say who is in a group ("patients with anxious depression": anxious, depression)."""
    words = [w.lower() for w in text.split()]
    extra = " ".join(s for w in words for s in vocab.MODERATION_GROUP_SYNONYMS.get(w, ()))
    # (and the initials of a name of three words or more: "body mass index" is BMI)
    named = [w for w in regexcache.findall(r"[A-Za-z]+", text) if w.lower() not in vocab.MODERATION_GENERIC and w.lower() not in vocab.MODERATION_LEVELS]
    if 3 <= len(named) <= 5:
        extra += " " + "".join(w[0] for w in named)
    return frozenset((content_stems(text) | content_stems(extra)) - _MODERATION_GENERIC)


_MODERATION_SUPERLATIVE = prefiltered(vocab.MODERATION_SUPERLATIVE, re.I)
_MODERATION_LEVEL = regexcache.compile(r"\b(" + "|".join(vocab.MODERATION_LEVELS) + r")\b", re.I)
_MODERATION_LEVEL_STEMS = frozenset(stem(w) for w in vocab.MODERATION_LEVELS)


def _group_level(text: str) -> int:
    """The level the text's group is defined by (+1 high, -1 low; the first level word), or 0."""
    m = _MODERATION_LEVEL.search(text)
    return vocab.MODERATION_LEVELS[m.group(1).lower()] if m else 0


def _claims_side(wanted: frozenset[str], level: int, here: str, there: str) -> int | None:
    """+1 when the claim's group is the one named ``here`` (before the comparison), -1 when it is
    the one ``there`` (after "than"), None when the two cannot be told apart.  A group defined by
    a level ("high CRP") is told by its level word ("CRP above 3 mg/L" against "CRP below 1 mg/L")."""
    words = wanted - _MODERATION_LEVEL_STEMS
    if level:
        if not (words & content_stems(here) or words & content_stems(there)):
            return None
        own, other = _group_level(here[-120:]), _group_level(there)
        # (or the other group by the opposite level: "obesity" against "normal-weight participants")
        if own == level and other != level or own == 0 and other == -level:
            return 1
        if other == level and own != level or other == 0 and own == -level:
            return -1
        return None
    said_here, said_there = len(wanted & content_stems(here)), len(wanted & content_stems(there))
    return None if said_here == said_there else (1 if said_here > said_there else -1)


def _good_outcome(text: str) -> int | None:
    """Which way is better for what the groups are compared on: +1 more of it (response,
    improvement, "a greater reduction"), -1 less of it (a symptom scale's score), None when not
    said or a harm.  A fall in a symptom is the good change ("symptoms fell less": less good)."""
    if _MODERATION_GOOD.search(text):
        return 1
    value, _words = rd.valence(text)
    if not value or HARM.search(text):
        return None
    if value < 0 and rd.DOWN.search(text):
        return 1  # ("MADRS scores fell more": the fall is the good thing)
    if value < 0 and rd.UP.search(text):
        return -1
    return value


def _moderated(frame: ClaimFrame, sentence: str) -> tuple[str, str] | None:
    """A moderation claim ("patients with anxious depression respond less well to X") read against a
    sentence that sets the claim's group against others: (stance, cue), or None.

    The group fared better or worse than the others on a good outcome (response, improvement,
    "lower MADRS scores"), by a comparison ("... than those without anxious features") or an
    association ("anxious depression was associated with greater odds of response"); a moderation
    looked for and not found ("did not moderate", "p for interaction = 0.41") is no difference.
    """
    sign, group, treatment, other = frame.moderator  # type: ignore[misc]
    wanted = _group_stems(group) - _group_stems(other) - _group_stems(treatment)
    said = content_stems(sentence)
    if not wanted & said:
        return None  # (the claim's group is not named)
    named = _treatments_named(sentence, ("intervention",), forms=True)
    mine = _treatments_named(treatment, ("intervention",))
    if named and mine and not named & mine:
        return None  # another treatment's moderators
    # (a claim of as well for both, sign 0: no difference says it, a difference denies it)
    differs, same = (SUPPORTS, CONTRADICTS) if sign else (CONTRADICTS, SUPPORTS)
    null = _MODERATION_NULL.search(sentence)
    if null:
        return same, null.group(0)
    differ = None if sign else _MODERATION_DIFFERS.search(sentence)
    if differ:
        return CONTRADICTS, differ.group(0)  # (which way, a claim of as well need not know)
    level = _group_level(group)
    for m in _MODERATION_COMPARED.finditer(sentence):
        before = sentence[: m.start()]
        side = _claims_side(wanted, level, f"{before} {m.group('what')}", m.group("other"))
        if side is None or not _MODERATION_OTHER.match(m.group("other")):
            continue  # (which side is the claim's group?)
        value = _good_outcome(f"{before[-40:]} {m.group('what')}")
        if value is None:
            continue
        if rd.significance(sentence) is False:
            return same, m.group(0)[:80]  # (a difference the test did not bear out)
        found = vocab.MODERATION_WORD_SIGN[m.group("word").lower()] * value * side
        return (SUPPORTS if found == sign else CONTRADICTS) if sign else differs, m.group(0)[:80]
    for top in _MODERATION_SUPERLATIVE.finditer(sentence) if level and rd.significance(sentence) is not False else ():
        # "participants in the highest tertile of CRP showed the greatest reductions": the group of
        # that level fared best (or worst); (not the level word itself, "the highest tertile")
        own = _group_level(sentence[: top.start()])
        value = _good_outcome(f"{sentence[max(0, top.start() - 40) : top.start()]} {top.group('what')}")
        if own and value is not None and wanted & content_stems(sentence[: top.start()]):
            found = vocab.MODERATION_SUPERLATIVE_SIGN[top.group("word").lower()] * value * (1 if own == level else -1)
            return (SUPPORTS if found == sign else CONTRADICTS) if sign else differs, (top.group(0) + top.group("what"))[:80]
    link = _MODERATION_LINK.search(sentence)
    if link and wanted & content_stems(sentence[: link.start()]) and _MODERATION_GOOD.search(sentence[link.end() :]):
        assoc = rd.association(sentence)
        if assoc is not None and abs(assoc[0]) == 2:
            if rd.significance(sentence) is False:
                return same, assoc[1]
            return (SUPPORTS if (assoc[0] > 0) == (sign > 0) else CONTRADICTS) if sign else differs, assoc[1]
    return None


_LEVEL_MEASURE = regexcache.compile(r"\b(?:" + vocab.LEVEL_MEASURES + r")\b", re.I)
_INVERSE_MEASURE = prefiltered(r"\b(?:" + vocab.INVERSE_MEASURES + r")\b", re.I)
_HALF_LIFE = prefiltered(r"\bhalf[- ]lives?\b", re.I)


def _against_levels(frame: ClaimFrame, clause: str) -> bool:
    """A claim about a drug's levels or exposure, and a clause about its clearance (elimination,
    metabolism, ...) and not its levels: the clause's direction is the levels' the other way."""
    return bool(
        frame.direction and _LEVEL_MEASURE.search(frame.text) and not _INVERSE_MEASURE.search(frame.text)
        and _INVERSE_MEASURE.search(clause) and not _LEVEL_MEASURE.search(clause) and not _HALF_LIFE.search(clause)
    )


def _another_treatment_here(frame: ClaimFrame, clause: str, clauses: list[str]) -> bool:
    """A clause that names another treatment (a vocabulary one) and not the claim's, in a sentence
    whose other clause names the claim's: what it says is that treatment's."""
    arms = frame.arms()
    if arms.intervention is None or not any(arms.positions(c)[0] for c in clauses if c is not clause):
        return False
    other = _treatments_named(clause, ("intervention", "comparator"), forms=True)
    return bool(other) and not other & _treatments_named(frame.text, ("intervention", "comparator"))


def _treatments_named(text: str, groups: tuple[str, ...], *, forms: bool = False) -> frozenset[str]:
    """The vocabulary treatments ``text`` names (concept ids of ``groups``); with ``forms``, a named
    form counts as its drug too (esketamine as ketamine)."""
    found = [m.concept for m in vocab.find_concepts(text) if m.concept.group in groups]
    return frozenset(c.id for c in found) | frozenset(c.form_of for c in found if forms and c.form_of)


def read_sentence(frame: ClaimFrame, sentence: str, section: str | None = None, *, strict: bool = False) -> Reading:
    """Read one abstract sentence against the claim frame."""
    reading = _read_sentence(frame, sentence, section, strict=strict)
    claimed = _claimed_share(frame.text)
    if reading.stance == CONTRADICTS or reading.kind not in ("finding", "mixed") or frame.negated or claimed is None:
        return reading  # (the share the claim names: vocab.CLAIMED_SHARE)
    # "most people go into full remission", "70% of patients respond": the share that reached the
    # claim's outcome decides
    share = _outcome_share(frame, rd.spell_out(sentence), claimed)
    if share is None:
        return reading
    return Reading(SUPPORTS if share[0] else CONTRADICTS, share[1], reading.kind, reading.relevance, reading.finding)


def _outcome_share(frame: ClaimFrame, sentence: str, claimed: tuple[float, float]) -> tuple[bool, str] | None:
    """The share of people said to reach the claim's outcome ("only 24% reached remission", "17 of
    25 patients (68%) met remission criteria", "reached by a minority of patients") against the
    share claimed (its bounds, as ``_claimed_share``): True when it bears the claim out, False when
    it falls short (as ``_share_check`` reads a benefit claim); None when the sentence gives none."""
    low, high = claimed
    wanted = frame.outcome_stems - _WEAK_STEMS - _RISK_STEMS
    if not wanted or not frame.arms().positions(sentence)[0] and not _SHARE_MINORITY.search(sentence) and not _SHARE_MAJORITY.search(sentence):
        return None
    marks = list(_ONE_SHARE.finditer(sentence)) + list(_SHARE_MINORITY.finditer(sentence)) + list(_SHARE_MAJORITY.finditer(sentence))
    # (not in brackets: "(95% CI 50% to 71%)" is an interval, "(68%)" the count's share said again)
    marks = sorted((m for m in marks if not rd._in_parentheses(sentence, m.start())), key=lambda m: m.start())
    for i, m in enumerate(marks):
        nxt = marks[i + 1].start() if i + 1 < len(marks) else len(sentence)
        after = sentence[m.end() : min(nxt, m.end() + 60)]
        before = sentence[max(0, m.start() - 60) : m.start()]
        if not (content_stems(after) & wanted or m.re is not _ONE_SHARE and content_stems(before) & wanted):
            continue
        if m.re is _ONE_SHARE and (_CHANGE_SIZE_BEFORE.search(before[-40:]) or _CHANGE_SIZE_AFTER.match(sentence, m.end())):
            continue  # a change's size that defines response ("a reduction of at least 50%"), not a share of people
        if rd.NEGATION.search(sentence[m.end() : nxt]):
            return None  # "65% of responders had not relapsed": the share of the other side
        if m.re is _SHARE_MINORITY:
            return (False, m.group(0)) if low >= 0.5 and high == 1.0 else None  # (a named share is answered by a number)
        if m.re is _SHARE_MAJORITY:
            # ("all 14 patients" says it for a claim of everyone too)
            return (True, m.group(0)) if (low <= 0.5 or regexcache.match(r"all\b", m.group(0), re.I)) and high >= 0.9 else None
        value = (float(m.group(1)) if m.group(1) else 100 * int(m.group(2)) / max(int(m.group(3)), 1)) / 100
        if _share_near(value, low, high) and (high < 1 or value > 0.6):
            return True, m.group(0)  # ("most": clearly more than half)
        return (False, m.group(0)) if _share_short(value, low) else None
    return None


_RATHER_THAN = prefiltered(r"\b(?:rather\s+than|instead\s+of)\s+(?P<set_aside>[^,;.()]{2,80})", re.I)


def _said_instead(frame: ClaimFrame, sentence: str) -> str | None:
    """The words of a sentence's "A rather than B" whose B holds what the claim says and A does
    not (the claim's agent, mechanism or amount set aside for another), or None."""
    comparator = frame.arms().comparator
    # (what the claim sets aside itself, "by impairing secretion rather than by causing resistance", is not its assertion)
    claim = content_stems(_RATHER_THAN.sub(" ", frame.text)) - _WEAK_STEMS - _GENERIC_OUTCOME_STEMS
    for m in _RATHER_THAN.finditer(sentence):
        if comparator is not None and comparator.search(m.group("set_aside")):
            continue  # "adding esketamine rather than quetiapine": the trial's comparison
        set_aside = (content_stems(m.group("set_aside")) & claim) - content_stems(sentence[: m.start()])
        if set_aside:
            return m.group(0)
    return None


def _read_sentence(frame: ClaimFrame, sentence: str, section: str | None = None, *, strict: bool = False) -> Reading:
    sentence = rd.spell_out(sentence)
    stems = content_stems(sentence) | _alias_stems(frame, sentence)
    topic = _topic_stems(frame)
    # the record's people and disease, for a tested comparison of the claim's arms on its outcome
    # ("The overall response rate was 91% with X versus 75% with placebo (P<0.001)" in a trial of
    # relapsed myeloma); other sentences are held to the claim's words
    carried = frame.carried if frame.carried and stems & frame.outcome_stems and all(frame.arms().positions(sentence)) and rd.significance(sentence) is not None else frozenset()
    overlap = topic & (stems | _synonym_stems(frame.text, sentence) | carried)
    # an outcome named in other words (a symptom scale for "symptoms") counts as a shared word
    relevance = len(overlap) / max(1, len(topic))
    if frame.conditions:
        # a clinical claim is about its intervention and its condition or outcome, whatever the
        # other words: a symptom scale answers "symptoms", any efficacy outcome "is effective"
        named = outcome_classes(sentence)
        same_outcome = bool(frame.outcome_classes & named) or bool(named and frame.goodness and not frame.direction)
        same_condition = bool(condition_ids(sentence) & set(frame.conditions))
        ipos_ = frame.arms().positions(sentence)[0]
        concept = 0.5 * bool(ipos_) + 0.5 * (same_outcome or same_condition)
        relevance = max(relevance, concept) + 0.05 * relevance  # shared words break ties
    if relevance < MIN_RELEVANCE and _names_the_comparison(frame, sentence, stems | _synonym_stems(frame.text, sentence)):
        # both arms (by the claim's words, the trial's labels "in Group A and ... in Group B", or
        # their abbreviations) and the claim's outcome: the comparison the claim is about, however
        # many of its other words (population, setting, time) the sentence leaves out
        relevance = MIN_RELEVANCE
    if (
        relevance < MIN_RELEVANCE and frame.goodness > 0 and not frame.comparator_text and frame.outcome and _DISEASE_HEAD.search(frame.outcome)
        and _GENERIC_EFFICACY.search(sentence) and all(frame.arms().positions(sentence))
    ):
        # a claim that X treats a disease, against "X did not result in significantly better outcomes
        # than placebo": the trial's verdict on its efficacy names no outcome of its own
        relevance = MIN_RELEVANCE
    if frame.assertion == "safety" and HARM.search(sentence) and frame.arms().positions(sentence)[0]:
        # harms of the claim's intervention answer a claim of safety whatever other words they use
        # ("RTS-M vaccination was associated with frequent transient fever")
        relevance = max(relevance, MIN_RELEVANCE)
    kind = sentence_kind(sentence, section)
    amount = (_amount_check(frame, sentence) or _share_check(frame, sentence)) if kind == "finding" else None
    if amount is not None:
        # the size of the same change the claim quotes: its words are the claim's ("the risk of
        # transmission was cut by 79%" against "79% effective in reducing transmission")
        relevance = max(relevance, MIN_RELEVANCE)
    if kind != "finding" or strict and relevance < MIN_RELEVANCE_TIMED:
        return Reading(NEUTRAL, None, kind, relevance)  # too far from the claim to decide anything
    if frame.moderator is not None:
        # for whom it works better: a difference between groups given it, read by its own rule
        moderated = _moderated(frame, sentence)
        return Reading(moderated[0], moderated[1], kind, relevance) if moderated else Reading(NEUTRAL, None, kind, relevance)
    arms = frame.arms()
    ipos, cpos = arms.positions(sentence)
    if arms.intervention is not None and not ipos and amount is None:
        # the claim's intervention is not named: the sentence may still report its outcome (the
        # subject named elsewhere in the abstract), unless it is about another treatment
        masked = _ARM_REFERENCE.sub(" ", sentence)
        other = [m.group(0) for m in _OTHER_TREATMENT.finditer(masked) if stem(m.group(0)) not in frame.stems and not _unnamed(frame, masked, m)]
        other += [m.text for m in vocab.find_concepts(sentence) if m.concept.group == "intervention"]
        # a drug by its name's ending ("Intravenous brivanolone produced ...") that is not the claim's
        # (only when the claim names one drug too: "antibiotics" covers amoxicillin)
        if _INN.search(frame.intervention_text or "") or _known_drug(frame.intervention_text or ""):
            other += [m.group(0) for m in _INN.finditer(sentence) if stem(m.group(0)) not in frame.stems]
        agent = _AGENT.match(sentence)
        if agent and stem(agent.group(1)) not in frame.stems and _names_an_agent(agent.group(1)):
            other.append(agent.group(1))  # "Remdesivir significantly reduced ...": another agent acts
        about_harms = frame.assertion in ("safety", "harm") and bool(HARM.search(sentence))
        # a sentence given alone as the evidence may compare "the two groups" without naming them
        between = not strict and bool(_BETWEEN_ARMS.search(sentence))
        # the claim's outcome named by a measure of it ("MADRS" for depression) counts as named
        measure = bool(frame.conditions and frame.outcome_classes & outcome_classes(sentence))
        # (how long the effect lasted, said of "the single infusion": "80% had relapsed by day 7")
        how_long = (frame.lasting_days is not None or frame.fading_days is not None) and bool(_EFFECT_LOST.search(sentence) or _EFFECT_KEPT.search(sentence))
        if other or not (frame.outcome_stems & stems or about_harms or between or measure or how_long or frame.conditions and condition_ids(sentence) & set(frame.conditions)):
            return Reading(NEUTRAL, f"about {other[0]}" if other else None, "off-topic", relevance)
    # (the hard outcome may be named by the abstract's abbreviation of it: "SUID")
    acronyms = _acronym_stems(sentence)
    if frame.hard_outcome and not _HARD.search(sentence) and not acronyms & frame.outcome_stems:
        return Reading(NEUTRAL, "another outcome", "off-topic", relevance)
    if _ALL_CAUSE.search(frame.text) and _CAUSE_SPECIFIC.search(sentence) and not _ALL_CAUSE.search(sentence):
        return Reading(NEUTRAL, "cause-specific deaths, not deaths overall", "off-topic", relevance)
    if frame.prevention and _TREATMENT_POP.search(sentence):
        return Reading(NEUTRAL, "treatment, not prevention", "off-topic", relevance)
    why = _off_topic(frame, sentence) or _subgroup(frame, sentence) or _another_comparator(frame, sentence, ipos)
    if why:
        return Reading(NEUTRAL, why, "off-topic", relevance)
    stances: list[tuple[str, str | None, Finding | None]] = []
    clause_of: dict[int, str] = {}
    clauses: list[str] = []
    claimed = f"{frame.text} {frame.outcome or ''}"  # (the claim's outcome in its own words too: "live longer" is survival)
    special = None  # "mechanism" | "dependency" | "duration": decided by a rule of its own
    reversed_receptor = False  # (a receptor's action read the other way round)
    for cid, d in frame.mechanisms:
        # (the effect said not to need the action first: "independently of NMDA receptor inhibition")
        if (denied := rd.target_independent(sentence, vocab.CONCEPTS_BY_ID[cid]))[0] == d:
            stances.append((CONTRADICTS, denied[1], None))  # "acts through an NMDA receptor inhibition-independent mechanism"
            special = "mechanism"
            continue
        if unneeded := rd.target_unneeded(sentence, vocab.CONCEPTS_BY_ID[cid]):
            stances.append((CONTRADICTS, unneeded, None))  # "pointing to an NMDA-independent mechanism"
            special = "mechanism"
            continue
        ed, ecue = target_direction(sentence, vocab.CONCEPTS_BY_ID[cid])
        if ed and ecue and cid in vocab.LEVEL_TARGETS and rd.arm_sign(_own_clause(sentence, max(0, sentence.find(ecue))), frame.arms()) == -1:
            ed = -ed  # "BDNF levels were lower in saline-treated mice than in mice given ketamine": the control's level
        if ed and (untested := _change_not_shown(sentence, ecue)):
            # "BDNF was numerically higher after ketamine ..., but the difference was not significant":
            # the target did not move, as far as the test shows
            stances.append((CONTRADICTS, untested, None))
            special = "mechanism"
        elif ed:
            stances.append((SUPPORTS if ed == d else CONTRADICTS, ecue, None))
            special = "mechanism"
            reversed_receptor = reversed_receptor or ed != d and cid not in vocab.LEVEL_TARGETS
        elif unmoved := rd.target_unmoved(sentence, vocab.CONCEPTS_BY_ID[cid]):
            stances.append((CONTRADICTS, unmoved, None))  # "ketamine did not increase BDNF"
            special = "mechanism"
    if reversed_receptor:
        # the receptor's action the other way round breaks the claimed chain, whatever follows it:
        # "NMDA receptor blockade increased BDNF" against "activates NMDA receptors to raise BDNF"
        stances = [t for t in stances if t[0] == CONTRADICTS]
    excepted = _excepted_population(frame, sentence)
    if excepted is not None:
        # "associated with colorectal cancer in men but not in women": for the claim's population, no effect
        stances.append((SUPPORTS if frame.assertion == "equivalence" else CONTRADICTS, excepted, None))
        special = "population"
    quality = _quality_comparison(frame, sentence)
    if quality is not None:
        stances.append(quality)
        special = "comparison"
    dep = _dependency(frame, sentence, stems)
    if dep is not None and not reversed_receptor:  # (a receptor acted on the other way round decides first)
        stances = [(dep[0], dep[1], None)]  # an experiment on the target answers a dependency claim
        special = "dependency"
    timed = _duration(frame, sentence)
    if timed:
        stances.append((timed[0], timed[1], None))
        special = special or "duration"
    if strict and relevance < MIN_RELEVANCE and special != "duration" and _requirement(frame, sentence):
        relevance = MIN_RELEVANCE  # the same thing said to be needed (or not) for the same end, in the sentence's own words
    if strict and relevance < MIN_RELEVANCE and special != "duration":
        return Reading(NEUTRAL, None, kind, relevance)  # (a time frame is read a little further from the claim's words)
    if not stances:
        parts = [split_clauses(part) for part in split_sentences(section_label(sentence)[1])]
        clauses = [c for cs in parts for c in cs]
        # (does another clause of the same sentence name the claim's outcome?)
        elsewhere = [any(_names_outcome(frame, o) for o in cs if o is not c) for cs in parts for c in cs]
        reversed_subject = False  # (the last clause that named the intervention read it the other way)
        comparator_first = False  # (the last clause that named both arms had the comparator as its subject)
        for k, clause in enumerate(clauses):
            named_here = any(arms.positions(clause))
            if named_here:
                reversed_subject = rd.reads_reversed(clause, arms)
                comparator_first = rd.arm_sign(clause, arms) == -1
            if frame.onset and _EFFECT_LOST.search(clause):
                continue  # "... but no longer significant by day 7" says nothing about onset
            if frame.conditions and len(clauses) > 1 and _off_topic(frame, clause):
                continue  # "..., although depressive symptoms lessened" for an OCD claim
            if not named_here and len(clauses) > 1 and _another_treatment_here(frame, clause, clauses):
                continue  # "Memory scores declined after ECT but remained stable across ketamine infusions": ECT's

            if _ALL_CAUSE.search(frame.text) and _CAUSE_SPECIFIC.search(clause) and not _ALL_CAUSE.search(clause):
                continue  # "reduced prostate cancer mortality" read against a claim about deaths overall
            f = read_clause(clause, arms, frame.outcome_stems, association_first=bool(frame.association))
            if f.direction and _against_levels(frame, clause):
                f = dataclasses.replace(f, direction=-f.direction, goodness=-f.goodness)  # less clearance: higher levels
            if not f.decided or _BOTH_ARMS.search(clause) and not f.null:
                continue  # a change "in both arms" is not a difference between them
            if stances and f.cue and f.cue.split()[0].lower().endswith("ing") and _MEANS.search(clause[: max(clause.find(f.cue), 0)]):
                continue  # "reduces proliferation ... by enhancing the replication defect": how, not another finding
            if _LABELLED.match(clause) and _about_another_outcome(frame, clause):
                continue  # a labelled row about another outcome: "bradycardia: 4.5% vs 6.1% (p=0.52)"
            if f.null and elsewhere[k] and not (frame.outcome_stems - _WEAK_STEMS) & content_stems(clause) and (_names_other_outcome(frame, clause) or _about_another_outcome(frame, clause)):
                continue  # "X reduced A (HR ...), had no significant effect on B": B is not the claim's A
            if f.null and elsewhere[k] and _another_kind_of_outcome(frame.text, clause):
                continue  # "overall survival did not differ ..., but progression-free survival was longer"
            if frame.hard_outcome and not f.null and len(clauses) > 1 and not _HARD.search(clause) and any(_HARD.search(c) for c in clauses):
                continue  # "total cholesterol fell more ..., but all-cause mortality was higher": deaths are in the other clause
            if not f.null and any(_only_another_kind(claimed, x) for x in (clause, f.outcome or "")):
                continue  # "progression-free survival was longer" read against a claim about overall survival
            # (a null that tests the difference just read counts as that difference's test, even in
            # a longer abstract: "..., but the difference failed to reach statistical significance")
            tests_it = f.null and bool(stances) and _tests_the_difference(frame, clause, clauses)
            # (the claim's words for what the clause names in its own: "relapse" for "coming back")
            clause_stems = content_stems(clause) | _alias_stems(frame, clause) | _synonym_stems(frame.text, clause)
            st = _compare(frame, f, clause_stems, clause, strict=strict and not tests_it)
            if reversed_subject and not named_here and _CONTINUES.match(clause):
                # "Replenishment of X protects ..., which in turn acts to inhibit Y": the same
                # subject, put back (or taken away), reads the other way here too
                st = _flip(st)
            if comparator_first and not named_here and _AND_THEN.match(clause):
                # "B produced greater reductions than A (...), and more patients responded (64% vs
                # 42%)": the figures go on in the same order, with the same subject
                st = _flip(st)
            st = _time_frame_gate(frame, st, clause)
            if st != NEUTRAL:
                stances.append((st, f.cue, f))
                clause_of[id(f)] = clause
    if not stances and special is None and ipos and cpos and len(clauses) > 1:
        # each arm's figure in a clause of its own, one test for both: "80% were successful with
        # A, while 72.7% with B were (P = 0.87)", "the score rose in the placebo group but was
        # significantly inhibited in the A group (1.18 vs 0.72, p = 0.04)": one comparison, read whole
        whole = section_label(sentence)[1]
        f = read_clause(whole, arms, frame.outcome_stems, association_first=bool(frame.association))
        # (a null said of one arm — "the control group did not change" — is no test of the two)
        if f.decided and not _BOTH_ARMS.search(whole) and not (f.null and not rd.P_VALUE.match(f.cue or "")):
            st = _time_frame_gate(frame, _compare(frame, f, content_stems(whole), whole, strict=strict), whole)
            if st != NEUTRAL:
                stances.append((st, f.cue, f))
                clause_of[id(f)] = whole
    restated_whole = False
    if not stances and _only_another_kind(claimed, sentence):
        return Reading(NEUTRAL, None, kind, relevance)  # nor is it the claim restated: "progression-free survival" for "live longer"
    if not stances and ipos and frame.assertion not in ("equivalence", "superiority"):
        # (a comparative claim is answered by a comparison, not by its words restated)
        restated = _restatement(frame, sentence)
        if restated:
            stances.append(restated)
            special = "restatement"
    if (
        not stances and frame.assertion not in ("equivalence", "superiority")
        and not condition_ids(sentence) - set(frame.conditions)
        and _close_restatement(frame.text, sentence)
    ):
        # (not when the sentence names another condition: "reduced depressive symptoms ..., irrespective of PTSD")
        stances.append((SUPPORTS, "restates the claim", None))
        special = "restatement"
        restated_whole = True  # (its words of negation are the claim's: not turned around below)
    if not stances and special is None:
        needed = _requirement(frame, sentence)
        if needed:
            # "X is required for Y" / "Y depends on X" / "X is dispensable for Y": the same need, either way
            stances.append(needed)
            special = "requirement"
            restated_whole = True  # (the claim's own "not" is in the polarity read)
    if not stances and ipos and not frame.direction and not frame.goodness and not frame.association:
        involved = _involvement(frame, sentence)
        if involved:
            # "the COPI complex is an evolutionarily conserved regulator of lipid homeostasis" for
            # "COPI is involved in lipid homeostasis"
            stances.append(involved)
            special = "involvement"
    if (
        not stances and frame.negated and frame.assertion not in ("equivalence", "superiority", "safety")
        and not condition_ids(sentence) - set(frame.conditions) and _close_affirmation(frame.text, sentence)
    ):
        # the claim's words without its denial ("CD44v6 is not associated with cancer stem cells" /
        # "CD44v6 is associated with cancer stem cells")
        stances.append((CONTRADICTS, "says what the claim denies", None))
        special = "restatement"
        restated_whole = True
    if (
        not stances and frame.assertion not in ("equivalence", "superiority") and not frame.negated
        and not condition_ids(sentence) - set(frame.conditions)
    ):
        turned = _close_opposite(frame.text, sentence)
        if turned:
            # the claim in nearly all its words with one of them turned around ("a UCP1-dependent
            # mechanism" / "a UCP1-independent mechanism")
            stances.append((CONTRADICTS, turned, None))
            special = "restatement"
            restated_whole = True
    if amount is not None:
        stances, special = [amount], "amount"
    if not stances:
        return Reading(NEUTRAL, None, kind, relevance)
    if len(stances) > 1 and special is None:
        # "X was higher with A (29% vs 21%), but the difference was not significant", "rose
        # significantly in the A group; the comparison with control was not significant": the
        # test between the arms decides over a difference it did not confirm
        tests = [t for t in stances if t[2] is not None and t[2].null and _tests_the_difference(frame, clause_of.get(id(t[2]), ""), clauses)]
        unconfirmed = all(
            t[2] is not None and (t[2].null or t[2].significant is not True or not _COMPARED.search(clause_of.get(id(t[2]), "")))
            for t in stances
        )
        if tests and unconfirmed:
            stances = tests
    if len({st for st, _, _ in stances}) > 1 and frame.assertion == "safety" and _ABSOLUTE_SAFETY.search(frame.text) and not frame.negated:
        # "completely safe, with no side effects": "no serious adverse events, although dizziness
        # was common" has harms, which is what the claim denies
        stances = [t for t in stances if t[0] == CONTRADICTS]
    if len({st for st, _, _ in stances}) > 1 and frame.lasting_days is None and frame.fading_days is None:
        return Reading(NEUTRAL, "; ".join(c for _, c, _ in stances if c), "mixed", relevance)
    chosen = next((s for s in stances if s[0] == CONTRADICTS), stances[0])
    stance = _flip(chosen[0]) if frame.negated and not restated_whole else chosen[0]
    if _RESTRICTION.search(frame.text) and frame.lasting_days is None and frame.fading_days is None:
        # "only helps patients within six hours": an effect for everyone denies it; a null may be
        # the excluded people's, an effect in some group does not show that others lack it
        regardless = _REGARDLESS.search(sentence)
        if stance == SUPPORTS and regardless:
            return Reading(CONTRADICTS, regardless.group(0), special or kind, relevance, chosen[2])
        effect = stance == SUPPORTS and chosen[2] is not None and not chosen[2].null
        kept = _names_the_restriction(frame, sentence) if effect else None
        if kept is False:
            # "given when patients could not experience dissociation, still reduced ..." for "only
            # works if you dissociate": an effect in those the claim leaves out
            return Reading(CONTRADICTS, chosen[1], special or kind, relevance, chosen[2])
        if effect and kept is None and not _LIMITED.search(sentence):
            return Reading(NEUTRAL, chosen[1], special or kind, relevance, chosen[2])
        if stance == CONTRADICTS:
            return Reading(NEUTRAL, chosen[1], special or kind, relevance, chosen[2])
    instead = _said_instead(frame, sentence) if stance == SUPPORTS and not frame.negated else None
    if instead:
        # "IL-1β rather than IL-6 drives Th17 differentiation" for "IL-6 drives ...": what the claim
        # says is what the sentence sets aside
        return Reading(CONTRADICTS, instead, special or kind, relevance, chosen[2])
    if stance == SUPPORTS and not frame.negated and frame.lasting_days is None and _CURE_CLAIM.search(frame.text):
        # "is a cure for advanced melanoma": "not curative for most" denies it; a benefit short of
        # a cure does not say it
        cure_denied = _CURE_DENIED.search(sentence)
        if cure_denied:
            return Reading(CONTRADICTS, cure_denied.group(0), special or kind, relevance, chosen[2])
        if not _CURE_SAID.search(sentence):
            return Reading(NEUTRAL, chosen[1], special or kind, relevance, chosen[2])
    if stance == SUPPORTS and not frame.negated and (_claimed_share(frame.text) or (0.0, 0.0))[1] == 1.0:
        # "causes dissociation in most patients": that it happens is not that it happens to most
        share = _share_said(sentence)
        if share is None:
            return Reading(NEUTRAL, chosen[1], special or kind, relevance, chosen[2])
        if not share[0]:
            return Reading(CONTRADICTS, share[1], special or kind, relevance, chosen[2])
    if stance == SUPPORTS and not frame.negated and _AT_MOST_SMALL.search(frame.text) and not _LARGE_EFFECT.search(frame.text):
        # "offers only a modest benefit": an effect called large denies it
        large = _LARGE_EFFECT.search(sentence)
        if large and not _SMALL_EFFECT.search(sentence):
            return Reading(CONTRADICTS, large.group(0), special or kind, relevance, chosen[2])
    small = (_AT_MOST_SMALL.search(sentence) or _SMALL_EFFECT.search(sentence)) if stance == SUPPORTS and not frame.negated and _LARGE_EFFECT.search(frame.text) else None
    if small:
        # "produces substantial weight loss" / "produced at most modest weight loss": the size
        # the claim names is denied; a "modest" effect leaves it open
        size_denied = small.re is _AT_MOST_SMALL
        return Reading(CONTRADICTS if size_denied else NEUTRAL, small.group(0), special or kind, relevance, chosen[2])
    if (
        stance == SUPPORTS and frame.assertion == "safety" and _ABSOLUTE_SAFETY.search(frame.text) and not _NONE_AT_ALL.search(sentence)
        # (a claim of no serious harms is answered by "no serious adverse events")
        and not (_NONE_SEVERE.search(frame.text) and _NONE_SEVERE.search(sentence))
    ):
        # "free of side effects": "well tolerated" or "no cases of cystitis" does not say there were none
        return Reading(NEUTRAL, chosen[1], special or kind, relevance, chosen[2])
    return Reading(stance, chosen[1], special or kind, relevance, chosen[2])


_DOSE_WORDS = vocab.DOSE_WORDS
_ABBREVIATION = regexcache.compile(r"\s\(([A-Za-z][A-Za-z0-9α-ωΑ-Ω-]{0,8}[A-Z0-9α-ωΑ-Ω])s?(?:\s+(?:group|arm))?\)")  # (Greek too: "Aβ", "TNFα")


def abbreviations(texts: Sequence[str]) -> dict[str, str]:
    """Abbreviations an abstract defines: "pyridostatin (PDS)", "adverse drug events (ADEs)" ->
    {"PDS": "pyridostatin", ...}.  The long form is the shortest run of words before the
    parenthesis whose first word starts with the abbreviation's first letter."""
    found: dict[str, str] = {}
    for text in texts:
        if "(" not in text:
            continue
        for m in _ABBREVIATION.finditer(text):
            abbr = m.group(1)
            # doses and units between the name and its abbreviation ("velnoprazan 20 mg (VPZ)") are not part of the name
            words = [w for w in regexcache.findall(r"[A-Za-z][\w'-]*", text[max(0, m.start() - 80) : m.start()]) if w.lower() not in _DOSE_WORDS][-8:]
            if not words or not any(ch.isupper() for ch in abbr):
                continue
            for k in range(1, min(len(words), len(abbr) + 2) + 1):
                if words[-k][0].lower() == abbr[0].lower():
                    found.setdefault(abbr, " ".join(words[-k:]))
                    break
    return found


def _with_abbreviations(frame: ClaimFrame, defined: dict[str, str]) -> ClaimFrame:
    """The frame with the abstract's abbreviations (``abbreviations``) of its intervention and outcome words added."""
    extra_i: list[str] = []
    extra_o: set[str] = set()
    intervention = content_stems(frame.intervention_text or "")
    for abbr, long_form in defined.items():
        long_stems = content_stems(long_form)
        if not long_stems:
            continue
        if intervention and long_stems <= intervention | {"the"}:
            extra_i.append(r"\b" + re.escape(abbr) + r"s?\b")
        elif len(long_stems & frame.outcome_stems) >= max(1, (2 * len(long_stems)) // 3) and not _another_kind_of_outcome(frame.text, long_form):
            # (not another kind of it: "progression-free survival (PFS)" for "overall survival")
            extra_o.add(stem(abbr))
    if not extra_i and not extra_o:
        return frame
    return dataclasses.replace(
        frame,
        intervention=frame.intervention + tuple(extra_i),
        outcome_stems=frame.outcome_stems | extra_o,
        stems=frame.stems | extra_o | {stem(p.strip("\\bs?")) for p in extra_i},
    )


# a capitalised token a sentence may use for an arm without defining it ("FCM", "DEX", "S/V",
# "NaF"), and for an arm or an outcome ("Hb", "Hct")
_ARM_TOKEN = regexcache.compile(r"(?<![\w/-])([A-Z][A-Za-z]?[A-Z]{1,4}|[A-Z]{1,3}/[A-Z]{1,3})(?![\w/-])")
_ANY_TOKEN = regexcache.compile(r"(?<![\w/-])([A-Z][A-Za-z]?[A-Z]{1,4}|[A-Z]{1,3}/[A-Z]{1,3}|[A-Z][a-z]{1,2})(?![\w/-])")
_NAME_WORD = regexcache.compile(r"[A-Za-z]+")


@lru_cache(maxsize=8192)
def _abbreviates(token: str, name: str) -> bool:
    """Could ``token`` ("FCM", "LB", "DEX", "S/V") be an undefined abbreviation of ``name``
    ("intravenous ferric carboxymaltose", "liposomal bupivacaine", "dexmedetomidine",
    "sacubitril/valsartan")?  Its first letter starts a word of the name; each later letter
    starts a later word or follows in the word of the letter before (a compound:
    "carboxy-maltose"); or the token is the first three or more letters of a word."""
    letters = [ch.lower() for ch in token if ch.isalpha()]
    words = [w.lower() for w in _NAME_WORD.findall(name) if w.lower() not in vocab.FUNCTION_WORDS and w.lower() not in _DOSE_WORDS]
    if len(letters) < 2 or not words:
        return False
    if len(letters) >= 3 and any(w.startswith("".join(letters)) and len(w) > len(letters) for w in words):
        return True

    def match(k: int, w: int, at: int) -> bool:
        # letters[k:] matched from word w, position at (inside the word) onwards
        if k == len(letters):
            return True
        if at < len(words[w]):
            pos = words[w].find(letters[k], at)
            if pos > 0 and match(k + 1, w, pos + 1):
                return True
        return any(words[v][0] == letters[k] and match(k + 1, v, 1) for v in range(w + 1, min(len(words), w + 3)))

    return any(words[w][0] == letters[0] and match(1, w, 1) for w in range(len(words)))




def _with_arm_tokens(frame: ClaimFrame, texts: Sequence[str], defined: dict[str, str]) -> ClaimFrame:
    """The frame with the undefined abbreviations the sentences use for its arms and its outcome:
    "mean Hb was 11.9 g/dL in the FCM group vs 11.2 g/dL in the FS group" for a claim that ferric
    carboxymaltose raises haemoglobin compared with ferrous sulphate (a token that could stand for
    both arms, or for an arm and the outcome, is neither's)."""
    if not frame.intervention_text:
        return frame
    extra_i: list[str] = []
    extra_c: list[str] = []
    extra_o: set[str] = set()
    aliases: list[tuple[str, frozenset[str]]] = []
    # (the outcome's words in the claim's order: "haemoglobin concentration")
    # (or all its words, when the outcome read is one of them: "PONV" for "postoperative nausea
    # and vomiting", whose outcome word is "nausea")
    arm_stems = content_stems(frame.intervention_text + " " + (frame.comparator_text or ""))
    words = " ".join(w for w in regexcache.findall(r"[\w-]+", frame.text) if stem(w.lower()) in frame.outcome_stems - _WEAK_STEMS - arm_stems)
    outcome = frame.outcome or words
    tokens = {t for text in texts for t in _ANY_TOKEN.findall(text)}
    claim_words = {w.lower() for w in regexcache.findall(r"[\w/-]+", frame.text)}
    for token in sorted(tokens):
        if token in defined or token.lower() in vocab.REPORT_ABBREVIATIONS or token.lower() in vocab.FUNCTION_WORDS or token.lower() in claim_words:
            continue  # (a token the claim itself uses is read as the claim's own word)
        in_i = _ARM_TOKEN.fullmatch(token) is not None and _abbreviates(token, frame.intervention_text)
        in_c = _ARM_TOKEN.fullmatch(token) is not None and bool(frame.comparator_text) and _abbreviates(token, frame.comparator_text or "")
        in_o = bool(outcome) and (
            _abbreviates(token, outcome)
            # (not a roman numeral: "type III" is no outcome)
            or _abbreviates(token, words) and not _ROMAN_NUMERAL.fullmatch(token)
        )
        if in_o and any(re.search(r"(?<![\w-])" + re.escape(token) + r"[- ]?\d{2,3}\b", text) for text in texts):
            in_o = False  # "EASI-75 was reached by 44%": a response defined on the scale, not the scale
        if in_i + in_c + in_o != 1:
            continue
        pattern = r"(?<![\w/-])(?-i:" + re.escape(token) + r")(?![\w/-])"
        if in_o:
            extra_o.add(stem(token))
            aliases.append((token, content_stems(outcome)))
        else:
            (extra_i if in_i else extra_c).append(pattern)
            aliases.append((token, content_stems(frame.intervention_text if in_i else frame.comparator_text or "")))
    if not aliases:
        return frame
    return dataclasses.replace(
        frame,
        intervention=frame.intervention + tuple(extra_i),
        comparator=frame.comparator + tuple(extra_c),
        outcome_stems=frame.outcome_stems | extra_o,
        aliases=frame.aliases + tuple(aliases),
    )


_ROMAN_NUMERAL = regexcache.compile(r"[IVXLC]+")


@lru_cache(maxsize=256)
def _alias_finder(aliases: tuple[tuple[str, frozenset[str]], ...]) -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    tokens = sorted((token for token, _ in aliases), key=len, reverse=True)
    return re.compile(r"(?<![\w/-])(?:" + "|".join(map(re.escape, tokens)) + r")(?![\w/-])"), dict(aliases)


def _alias_stems(frame: ClaimFrame, text: str) -> frozenset[str]:
    """The stems of what the abbreviations ``text`` uses for the claim's arms and outcome stand for."""
    if not frame.aliases:
        return frozenset()
    finder, words = _alias_finder(frame.aliases)
    return frozenset().union(*(words[m.group(0)] for m in finder.finditer(text)))


_GROUP_LABEL = r"(?:" + vocab.GROUP_LABEL + r")"
_LABEL_MENTION = regexcache.compile(r"\b(?i:groups?|arms?)\s+" + _GROUP_LABEL + r"\b")
# "Patients in Group A received ibuprofen 400 mg", "group B (n = 30) was given placebo", "Group C: saline"
_GROUP_DEFINED = regexcache.compile(
    r"\b(?i:groups?|arms?)\s+(" + _GROUP_LABEL + r")\b\s*(?:\([^()]{0,30}\)\s*)?(?:,\s*)?"
    r"(?i:received|receiving|was given|were given|got|was treated with|were treated with|was assigned to|were assigned to|:)\s+([^;.]{3,80})"
)


# "received tranexamic acid (group T) or saline (group S)": the label after what the group got
_GROUP_NAMED_AFTER = regexcache.compile(
    r"(?:\b(?i:receive|received|receiving|given|or|and|to|either)\b|[,:;])\s+((?:(?!\b(?i:or|and)\b)[^;.(),]){3,60}?)\s*"
    r"\(\s*(?i:groups?|arms?)\s+(" + _GROUP_LABEL + r")\s*(?:[,;][^()]{0,20})?\)"
)


def _with_group_labels(frame: ClaimFrame, texts: Sequence[str]) -> ClaimFrame:
    """The frame with the trial's group labels ("Group A received ibuprofen ...; Group B received
    placebo") added to the arms they name: results often give only the labels."""
    defined = [
        (m.group(1), m.group(2)) for text in texts if "group" in text.lower() or "arm" in text.lower() for m in _GROUP_DEFINED.finditer(text)
    ] + [(m.group(2), m.group(1)) for text in texts if "group" in text.lower() or "arm" in text.lower() for m in _GROUP_NAMED_AFTER.finditer(text)]
    if len(defined) < 2:
        return _with_initial_labels(frame, texts)  # (most abstracts: no labels, and nothing compiled)
    arms = frame.arms()
    if arms.intervention is None:
        return frame
    extra_i: list[str] = []
    extra_c: list[str] = []
    for label, given in defined:
        # (the label's case counts: "group A", not "a group")
        pattern = r"\b(?:groups?|arms?)\s+(?-i:" + re.escape(label) + r")\b|\b(?-i:" + re.escape(label) + r")\s+(?:group|arm)\b"
        in_i = bool(arms.intervention.search(given))
        in_c = bool(arms.comparator.search(given)) if arms.comparator is not None else bool(rd.CONTROL.match(given.strip()))
        if in_i and in_c and not rd.CONTROL.search(given):
            in_c = False  # "bupivacaine with dexmedetomidine (group D)" against "bupivacaine" alone: the add-on's arm
        if in_i and not in_c:
            extra_i.append(pattern)
        elif in_c and not in_i:
            extra_c.append(pattern)
    if not extra_i or not extra_c:
        return frame  # both arms' labels, or none: one label alone tells nothing about the other
    return dataclasses.replace(frame, intervention=frame.intervention + tuple(extra_i), comparator=frame.comparator + tuple(extra_c))


_LETTER_LABEL = regexcache.compile(r"\b(?i:groups?|arms?)\s+([A-Z])\b(?![-/.]\w)|(?<![\w-])([A-Z])[- ](?i:groups?|arms?)\b")


def _initials(name: str) -> set[str]:
    return {w[0].upper() for w in _NAME_WORD.findall(name) if w.lower() not in vocab.FUNCTION_WORDS and w.lower() not in _DOSE_WORDS}


def _with_initial_labels(frame: ClaimFrame, texts: Sequence[str]) -> ClaimFrame:
    """The frame with undefined one-letter group labels that stand for its arms by their initials
    ("1.9 min in group S and 11.4 min in group N" for sugammadex against neostigmine): only when
    each arm has a label of its own and no label could be either's."""
    if not frame.intervention_text or not frame.comparator_text:
        return frame
    if not any("group" in t.lower() or "arm" in t.lower() for t in texts):
        return frame
    labels = {next(g for g in m.groups() if g) for t in texts for m in _LETTER_LABEL.finditer(t)}
    if len(labels) < 2:
        return frame
    mine, theirs = _initials(frame.intervention_text), _initials(frame.comparator_text)
    if rd.CONTROL.search(frame.comparator_text):
        theirs |= {"C", "P"}  # "group C" (control), "group P" (placebo)
    i_labels = {x for x in labels if x in mine and x not in theirs}
    c_labels = {x for x in labels if x in theirs and x not in mine}
    if len(i_labels) != 1 or len(c_labels) != 1 or labels - i_labels - c_labels:
        return frame  # (a third label, or one that could be either arm's: which is which?)

    def pattern(x: str) -> str:
        return r"\b(?:groups?|arms?)\s+(?-i:" + x + r")\b(?![-/.]\w)|(?<![\w-])(?-i:" + x + r")[- ](?:group|arm)s?\b"

    return dataclasses.replace(
        frame, intervention=frame.intervention + (pattern(i_labels.pop()),), comparator=frame.comparator + (pattern(c_labels.pop()),)
    )


@dataclass
class Prepared:
    """A claim read as a frame and an abstract read sentence by sentence, before any decision."""

    frame: ClaimFrame
    items: list[Sentence]
    readings: list[Reading]
    off_topic: Judgement | None = None  # the whole record is about another condition or population


def prepare(claim: str, sentences: Sequence[str | Sentence], *, title: str | None = None) -> Prepared:
    """The claim frame and every sentence's reading (what ``judge`` decides from)."""
    frame = parse_claim(claim)
    items = _normalise(sentences)
    strict = len(items) > 1
    # (a claim may define its own: "pain freedom (PF)")
    defined = abbreviations([claim, title or "", *(text for text, _ in items)])
    frame = _with_abbreviations(frame, defined)
    frame = _with_arm_tokens(frame, [text for text, _ in items], defined)
    frame = _with_group_labels(frame, [text for text, _ in items])
    if strict and (frame.conditions or frame.populations or _SUBTYPE.search(frame.text) or _SITE.search(frame.text)):
        # a record about another condition or population says nothing about the claim, even in
        # the sentences that do not name it again ("MADRS scores fell" in a depression trial)
        why = _off_topic(frame, " ".join([title or "", *(text for text, _ in items)]), record=True)
        if why:
            at = next((i for i, (text, _) in enumerate(items) if _off_topic(frame, text)), None)
            where = SentenceJudgement(items[at][0], at, items[at][1], NEUTRAL, why, 0.0, "off-topic") if at is not None else (
                SentenceJudgement(title or items[0][0], 0, "TITLE" if title else items[0][1], NEUTRAL, why, 0.0, "off-topic")
            )
            return Prepared(frame, items, [], Judgement(NEUTRAL, [where], frame.to_dict()))
    if len(items) >= MIN_RECORD_SENTENCES or len(items) > 1 and any(_describes_sample(text, section) for text, section in items):
        # (or a shorter one with its methods: they name the people studied)
        unnamed = _not_named(frame, " ".join([title or "", *(text for text, _ in items)]))
        if unnamed:
            where = SentenceJudgement(title or items[0][0], 0, "TITLE" if title else items[0][1], NEUTRAL, unnamed, 0.0, "off-topic")
            return Prepared(frame, items, [], Judgement(NEUTRAL, [where], frame.to_dict()))
    if strict:
        frame = _with_carried_setting(frame, [title or "", *(text for text, _ in items)])
    readings = [read_sentence(frame, text, section, strict=strict) for text, section in items]
    for i in range(1, len(items)):
        # "The between-group difference was 2.0 points (95% CI -5.0 to 0.9; P = 0.17).": a test
        # with neither arm nor outcome of its own tests the comparison of the sentence before it
        text = items[i][0]
        bare = section_label(text)[1]
        if (
            (_CONTINUED_TEST.match(bare) and not _names_outcome(frame, text) or _CONTINUED_RATIO.match(bare))
            and not any(frame.arms().positions(text)) and readings[i - 1].kind == "finding"
        ):
            # (read as one piece of evidence: the test's subject is the comparison named before it)
            joined = read_sentence(frame, f"{items[i - 1][0].rstrip(' .')}; {text}", items[i][1])
            if joined.stance != NEUTRAL:
                readings[i - 1] = readings[i] = joined
    for i in range(_leading_background(items, readings)):
        if readings[i].stance != NEUTRAL:
            readings[i] = Reading(NEUTRAL, None, "background", readings[i].relevance)
    if strict and any(_PROTOCOL.search(text) for text, _ in items) and not any(rd.P_VALUE.search(text) or _CI_GIVEN.search(text) for text, _ in items):
        # a trial to come ("We describe the design of a trial that will assign 4,000 women ..."):
        # what it says of the treatment is why it is done, not what it found
        readings = [Reading(NEUTRAL, None, "method", r.relevance) if r.stance != NEUTRAL else r for r in readings]
    texts = [text for text, _ in items]
    quoted = read_figures(claim, texts, abbreviations([title or "", *texts])) if quotes_figure(claim) else {}
    for i, (st, cue, share) in quoted.items():
        r = readings[i]
        if r.kind in ("finding", "restatement", "mixed"):
            # a quoted figure answered by the study's figure for the same thing: the figure is
            # what the claim asserts ("64 percent of adults carried antibodies" against "18% ...");
            # the same figure is as good as the claim's words
            readings[i] = Reading(st, cue, r.kind, max(r.relevance, share, MIN_RELEVANCE if st == SUPPORTS else 0.0))
    return Prepared(frame, items, readings)


_OWN_WORK = regexcache.compile(vocab.OWN_WORK, re.I)
# (the finding's direction word is the amount itself: "a greater weight loss"; or a denied
# comparison: "was not more beneficial for weight reduction")
_NOT_MORE = regexcache.compile(r"\bnot\s+(?:\w+\s+)?(more|less|greater|better|superior)\b", re.I)
# an outcome that is itself a change ("weight loss", "bone loss", "weight gain")
_CHANGE_NOUN = regexcache.compile(r"\b\w+\s+(" + "|".join(vocab.CHANGE_NOUNS_UP + vocab.CHANGE_NOUNS_DOWN) + r")\b\s*$", re.I)
_ABSOLUTE_SAFETY = regexcache.compile(vocab.ABSOLUTE_SAFETY_CLAIM, re.I)
_LARGE_EFFECT = regexcache.compile(vocab.LARGE_EFFECT_CLAIM, re.I)
_PROTOCOL = prefiltered(vocab.PROTOCOL_RECORD, re.I)
_CI_GIVEN = regexcache.compile(r"\b(?:95\s*%\s*)?(?:CI|confidence interval|credible interval)\b", re.I)
_CURE_CLAIM = regexcache.compile(vocab.CURE_CLAIM, re.I)
_CURE_DENIED = regexcache.compile(vocab.CURE_DENIED, re.I)
_CURE_SAID = regexcache.compile(vocab.CURE_SAID, re.I)
_RESTRICTION = regexcache.compile(vocab.RESTRICTION_CLAIM, re.I)
_REGARDLESS = regexcache.compile(vocab.EFFECT_REGARDLESS, re.I)
_LACKING = regexcache.compile(r"\b(?:no|not|non|without|lack(?:ing|s)?\s+(?:of\s+)?|absence\s+of|unable\s+to|never)\b[^,;()]{0,30}$", re.I)


def _names_the_restriction(frame: ClaimFrame, sentence: str) -> bool | None:
    """Does the sentence name the people a claim of "only works if/in ..." keeps (True), those it
    leaves out (False: "patients who could not experience dissociation" for "only if you
    dissociate"), or neither (None)?"""
    m = _RESTRICTION.search(frame.text)
    if not m:
        return None
    group = frame.text[m.end() :]
    wanted = content_stems(group) - _WEAK_STEMS - _PEOPLE_STEMS - content_stems(frame.intervention_text or "")
    if not wanted:
        return None
    for w in regexcache.finditer(r"[A-Za-z][\w-]*", sentence):
        if stem(w.group(0).lower()) in wanted or any(stem(part) in wanted for part in w.group(0).lower().split("-") if len(part) > 2):
            lacking = bool(_LACKING.search(sentence[max(0, w.start() - 40) : w.start()]))
            return lacking == bool(regexcache.search(r"\b(?:not|no|non|without)\b", group, re.I))
    return None
_LIMITED = regexcache.compile(vocab.EFFECT_LIMITED, re.I)
_SMALL_EFFECT = regexcache.compile(vocab.SMALL_EFFECT, re.I)
_AT_MOST_SMALL = regexcache.compile(vocab.AT_MOST_SMALL, re.I)
_SHARE_MINORITY = regexcache.compile(vocab.SHARE_MINORITY, re.I)
_SHARE_MAJORITY = regexcache.compile(vocab.SHARE_MAJORITY, re.I)
_ONE_SHARE = regexcache.compile(r"\b(\d+(?:\.\d+)?)\s*(?:%|percent\b)|\b(\d+)\s+(?:of|out of)\s+(\d+)\b", re.I)


def _share_said(sentence: str) -> tuple[bool, str] | None:
    """Does the sentence say it happened to most (True) or to a minority (False), in words or by
    its one share ("81 of 211 patients (38.4%)")?  None when it does not say, or gives several."""
    for pattern, most in ((_SHARE_MINORITY, False), (_SHARE_MAJORITY, True)):
        m = pattern.search(sentence)
        if m:
            return most, m.group(0)
    shares: list[tuple[float, str]] = []
    for m in _ONE_SHARE.finditer(sentence):
        value = float(m.group(1)) if m.group(1) else 100 * int(m.group(2)) / max(int(m.group(3)), 1)
        if not shares or abs(shares[-1][0] - value) > 1:
            shares.append((value, m.group(0)))
    if len(shares) != 1 or 40 <= shares[0][0] <= 60 or rd.NEGATION.search(sentence[sentence.find(shares[0][1]) :]):
        return None  # (nor "65% had not reached remission": the share of those it did not happen to)
    return shares[0][0] > 60, shares[0][1]
# ... unless the finding says there were none at all ("no adverse effects were reported")
# (not "no serious adverse events": that leaves the others)
_NONE_AT_ALL = regexcache.compile(
    r"\b(no|none of the|without any)\s+(?!(?:" + vocab.SEVERE_HARM_QUALIFIERS + r")\b)(\w+\s+)?(side[- ]effects?|adverse (events?|effects?|reactions?)|harms?)\b", re.I
)
_NONE_SEVERE = regexcache.compile(
    r"\b(no|none of the|without any|free (?:of|from))\s+(?:(?:" + vocab.SEVERE_HARM_QUALIFIERS + r")\s+)(?:or\s+\w+\s+)?(\w+\s+)?(side[- ]effects?|adverse (events?|effects?|reactions?)|harms?)\b", re.I
)
_MILD_HARM = regexcache.compile(r"\b(?:" + vocab.MILD_HARM_QUALIFIERS + r")\b", re.I)
# (unless it had to be treated or stopped the drug: "two participants required antihypertensive treatment")
_HARM_TREATED = regexcache.compile(r"\b(?:requir\w*|needed|necessitat\w*|hospitali[sz]\w*|discontinu\w*|withdr[ae]w\w*|stopped)\b", re.I)
_CONTINUED_TEST = regexcache.compile(
    # (after a time point of its own: "At day 30, the difference was -1.2 (95% CI -4.1 to 1.7)")
    r"^\s*(?:however,?\s+|but\s+)?(?:(?:at|by|after)\s+[\w -]{1,25},\s*)?(?:"
    r"(?:the|this|that|these|such)\s+(?:(?:mean|absolute|adjusted|observed|overall)\s+)?"
    r"(?:between[- ](?:group|arm|treatment)s?\s+|inter-?group\s+)?(?:difference|differences|comparison)\b"
    r"(?:\s+between\s+(?:the\s+)?(?:two\s+)?(?:groups|arms|treatments))?[^;]{0,20}?\b(?:was|were|is|did|remained|of|reached|failed)\b"
    # "At 6 months, there was no significant difference between groups (...)"
    r"|there\s+(?:was|were)\s+no\s+(?:(?:statistically\s+)?significant\s+)?(?:difference|differences)\s+between\s+(?:the\s+)?(?:two\s+)?(?:groups|arms|treatments)\b)",
    re.I,
)


# "The hazard ratio for death was 0.87 (95% CI 0.47 to 1.59)", "The odds ratio was 0.38": the
# effect size of the figures per arm given in the sentence before (its outcome may be named again)
# a clause that goes on about the subject of the one before ("which in turn ...", "thereby ...")
# an inactive arm (placebo, vehicle, sham): not a head-to-head claim's active comparator
_INACTIVE = regexcache.compile(r"\b(?:" + vocab.INACTIVE_ARM_TERMS + r")\b", re.I)
_DECHALLENGE = regexcache.compile(vocab.DECHALLENGE, re.I)
_NEGATIVE_DIFFERENCE = regexcache.compile(r"\bdifference\b[^0-9;()−-]{0,20}[−-]\s?\d", re.I)
_GREATER_CHANGE = regexcache.compile(
    r"\bchanges?\b(?:\s+from\s+baseline)?(?:\s+(?:at|to|by|on|through)\s+(?:day|week|month|hour)\s*\d+)?\s+(?:was|were)\s+(?:significantly\s+|numerically\s+)?(?:greater|larger|bigger)\b"
    r"|\b(?:greater|larger|bigger)\s+(?:mean\s+)?changes?\b(?!\s+in\s+(?:the\s+)?(?:placebo|control))",
    re.I,
)
_CONTRAST = regexcache.compile(r",?\s+(?:" + vocab.CONTRAST_WORDS + r")\b|;", re.I)
_GENERIC_EFFICACY = regexcache.compile(r"\b(?:" + vocab.GENERIC_EFFICACY + r")\b", re.I)
_SETTING_LEAD = regexcache.compile(r"^\W*(?:in|among|for|of)\b[^,]{0,80},\s*", re.I)
# a null said of what another agent did ("was not altered by CMV infection")
_NULL_BY = regexcache.compile(
    r"\bnot\s+(?:significantly\s+)?(?:" + vocab.CHANGED_BY_VERBS + r")\s+by\s+"
    r"((?:[A-Za-z][\w-]*\s+){0,4}[A-Za-z][\w-]*)",
    re.I,
)
_AND_THEN = regexcache.compile(r"\s*(?:and|with)\s+(?:(?:significantly|markedly|substantially|numerically|slightly|considerably)\s+)?(?:more|fewer|less|greater|higher|lower|a\s+(?:higher|lower|greater|smaller))\b", re.I)
_CONTINUES = regexcache.compile(r"\s*(?:and\s+)?(?:which|that|thereby|thus|leading to|resulting in|causing|in turn)\b", re.I)
_CONTINUED_RATIO = regexcache.compile(
    r"^\s*(?:however,?\s+|but\s+)?the\s+(?:(?:adjusted|unadjusted|overall|pooled|corresponding|stratified)\s+)?"
    r"(?:hazard ratio|odds ratio|risk ratio|rate ratio|incidence rate ratio|relative risk|risk difference|treatment difference|mean difference)\b"
    r"[^;]{0,50}?\b(?:was|were|is)\b",
    re.I,
)


_SAMPLE_SECTIONS = vocab.SAMPLE_SECTIONS


def _describes_sample(text: str, section: str | None) -> bool:
    """Is this a methods sentence (by its section, or a label written at its start)?"""
    label = section or section_label(text)[0] or ""
    return label.upper().startswith(_SAMPLE_SECTIONS)


def _leading_background(items: Sequence[Sentence], readings: Sequence[Reading]) -> int:
    """How many sentences open an unlabelled abstract as its background: those before the first
    that speaks of the study itself ("we", "here", "this trial"), states its aim or methods, or
    gives figures ("The APOE e4 allele is the strongest genetic risk factor ..., with risk
    increasing with the number of copies" is what is known, not what was found)."""
    if len(items) < MIN_RECORD_SENTENCES or any(section for _, section in items) or any(section_label(t)[0] for t, _ in items):
        return 0
    for i, (text, _) in enumerate(items):
        if _OWN_WORK.search(text) or regexcache.search(r"\d", text) or readings[i].kind in ("aim", "method") or rd.significance(text) is not None:
            return i if i <= len(items) // 2 else 0
    return 0


def _not_named(frame: ClaimFrame, record: str) -> str | None:
    """Why a whole record says nothing about the claim because it never names the claim's
    condition or intervention (None when it names both, or the claim has neither)."""
    record = _without_excluded(record)  # "patients with PTSD were excluded" does not name it
    if frame.conditions:
        found = condition_ids(record)
        wanted = set(frame.conditions).union(*(vocab.CONCEPTS_BY_ID[c].supersedes for c in frame.conditions))
        if not found & wanted:
            return f"{vocab.CONCEPTS_BY_ID[frame.conditions[0]].label} not named in the record"
    drug = _drug_pattern(frame.intervention_text or "") if _known_drug(frame.intervention_text or "") else None
    if drug is not None and not drug.search(record):
        return f"{frame.intervention_text} not named in the record"
    # (a drug by its international name, which a record about it would use: "metformin")
    names = [m.group(0) for m in _INN.finditer(frame.intervention_text or "")]
    if drug is None and names and not any(re.search(r"\b" + re.escape(n), record, re.I) for n in names):
        return f"{names[0]} not named in the record"
    # (the people the claim names outside its intervention's name: "antenatal corticosteroids" are
    # given in pregnancy, whatever the record calls the mothers; and not people of the ages the
    # record names: "girls and women aged 10 to 30")
    people = claim_core(frame.text).replace(frame.intervention_text or "\0", " ")
    ages = _age_range(record)
    unnamed = [
        pid for pid in frame.populations
        if pid in vocab.NAMED_POPULATIONS and pid in _populations_in(people) and pid not in _populations_in(record)
        and not (ages and pid in vocab.POPULATION_AGES and ages[0] <= vocab.POPULATION_AGES[pid][1] and ages[1] >= vocab.POPULATION_AGES[pid][0])
        and not (pid in vocab.POPULATION_ALSO_NAMED and re.search(vocab.POPULATION_ALSO_NAMED[pid], record, re.I))
    ]
    if unnamed:
        return f"{unnamed[0]} not named in the record"
    setting = _claim_setting(frame)
    if (
        setting and not setting[1] & {_unbritish(st) for st in _stems_and_parts(record)}
        # (nor by the record's abbreviation of it: "AF" for "atrial fibrillation")
        and not any(
            (_spells(a, " ".join(setting[0].split()[k:])) or a.lower() == "".join(w[0] for w in regexcache.split(r"[\s-]+", setting[0].lower())[k:]))
            for a in set(regexcache.findall(r"\b[A-Z][A-Za-z]{1,5}\b", record)) if a.isupper() or sum(c.isupper() for c in a) >= 2
            for k in range(len(setting[0].split()))
        )
    ):
        return f"{setting[0]} not named in the record"
    return None


_SETTING_AT_END = regexcache.compile(
    r"\b(?:in|among|for)\s+(?:(?:" + vocab.PEOPLE_NOUNS + r")\s+(?:with|who have|hospitali[sz]ed with)\s+)?((?:[\w'-]+\s+){0,3}[\w'-]+)\s*[.?!]?\s*$", re.I
)
_NOT_A_SETTING = regexcache.compile(r"\d|\b(?:the|a|an|this|that|its|their|every|each|all|some|many|most)\b|\b(?:" + "|".join(vocab.TIME_UNITS) + r")s?\b|\b(?:long|short)[- ]term\b|\b(?:future|life|run)\b", re.I)


_DISEASE_HEAD = regexcache.compile(r"(?:" + vocab.DISEASE_HEADS + r")$", re.I)


def _unbritish(s: str) -> str:
    return s.replace("ae", "e").replace("oe", "e")


def _with_carried_setting(frame: ClaimFrame, texts: Sequence[str]) -> ClaimFrame:
    """The claim's closing people or disease ("... in relapsed or refractory multiple myeloma"),
    as far as the record names them: its result sentences need not say them again."""
    m = _CLOSING_SETTING.search(claim_core(frame.text))
    if not m:
        return frame
    named = frozenset().union(*(content_stems(t) for t in texts))
    carried = (content_stems(m.group(1)) - frame.outcome_stems - _WEAK_STEMS) & named
    return dataclasses.replace(frame, carried=carried) if carried else frame


_CLOSING_SETTING = regexcache.compile(r"\b(?:in|among|for)\s+((?:[\w'-]+\s+){0,6}[\w'-]+)\s*[.?!]?\s*$", re.I)


def _claim_setting(frame: ClaimFrame) -> tuple[str, frozenset[str]] | None:
    """The condition a claim closes on ("... in rheumatoid arthritis", "... for patients with
    plaque psoriasis") and the stems that name it, when the vocabulary has no concept for it (those
    are checked by their synonyms): a record that names none of them is about something else."""
    m = _SETTING_AT_END.search(claim_core(frame.text))
    if not m or _NOT_A_SETTING.search(m.group(1)) or condition_ids(m.group(1)) or _populations_in(m.group(1)) or not _DISEASE_HEAD.search(m.group(1)):
        return None
    words = [w for w in regexcache.split(r"[\s-]+", m.group(1)) if not regexcache.fullmatch(r"[A-Z0-9]{2,}s?", w)]  # (abbreviations may be spelt out)
    stems = {_unbritish(st) for st in content_stems(" ".join(words))} - _WEAK_STEMS - _SETTING_GENERIC
    return (m.group(1), frozenset(stems)) if stems else None


@lru_cache(maxsize=1024)
def _known_drug(text: str) -> bool:
    """Does ``text`` name a drug of the vocabulary (whose names and forms a record would use)?"""
    return any(m.concept.group == "intervention" for m in vocab.find_concepts(text))


def _untested(r: Reading) -> bool:
    """A difference in numbers per arm that no test in the sentence confirms."""
    f = r.finding
    return (
        r.kind == "finding" and f is not None and f.significant is None and not f.null and not f.association
        and len(regexcache.findall(r"\d+(?:[.·]\d+)?", r.cue or "")) >= 2
    )


def judge(claim: str, sentences: Sequence[str | Sentence], *, title: str | None = None, max_rationale: int = 3) -> Judgement:
    """The stance of an abstract (a list of sentences, optionally with section labels) toward ``claim``."""
    return decide(prepare(claim, sentences, title=title), max_rationale=max_rationale)


def decide(p: Prepared, *, max_rationale: int = 3) -> Judgement:
    """The stance ``judge`` gives to a prepared claim and abstract."""
    if p.off_topic is not None:
        return p.off_topic
    frame, items, readings = p.frame, p.items, p.readings
    single = len(items) == 1
    n = len(items)
    scored: list[tuple[float, int, Reading]] = []
    for i, r in enumerate(readings):
        section = (items[i][1] or "").upper()
        score = r.relevance
        if any(k in section for k in ("RESULT", "CONCLUSION", "FINDING", "INTERPRETATION")) or (not section and n > 2 and i >= n * 0.6):
            score += 0.1
        scored.append((score, i, r))
    decided = [
        t for t in scored
        if t[2].stance != NEUTRAL and (single or t[2].relevance >= (MIN_RELEVANCE_TIMED if t[2].kind == "duration" else MIN_RELEVANCE))
    ]
    decided.sort(key=lambda t: -t[0])
    if len(decided) > 1 and decided[1][2].stance != decided[0][2].stance and decided[1][0] >= decided[0][0] - CONFLICT_MARGIN:
        # (an untested difference, "23.9% with A and 12.3% with placebo", gives way to a tested result)
        untested = [t for t in decided[:2] if _untested(t[2])]
        if len(untested) == 1:
            decided = [t for t in decided if t is not untested[0]]
    if len(decided) > 1 and decided[1][2].stance != decided[0][2].stance and decided[1][0] >= decided[0][0] - CONFLICT_MARGIN:
        # (an estimate before adjustment gives way to the adjusted one: "In crude models, ..." /
        # "... was not independently associated with ...")
        crude = [t for t in decided[:2] if _CRUDE.search(items[t[1]][0])]
        adjusted = [t for t in decided[:2] if _ADJUSTED.search(items[t[1]][0])]
        if len(crude) == 1 and len(adjusted) == 1 and crude[0] is not adjusted[0]:
            decided = [t for t in decided if t is not crude[0]]
    if decided and _COMPOSITE.search(items[decided[0][1]][0]):
        # (a composite outcome gives way to its part reported alone: "the composite of worsening
        # heart failure or cardiovascular death was reduced" / "cardiovascular death alone did not differ")
        # (or, for a claim about one hard outcome, "reduces cardiovascular death", that outcome named
        # in a sentence of its own: "There was no significant difference in cardiovascular death")
        one_hard = frame.hard_outcome and len({m.group(0).lower() for m in _HARD.finditer(frame.text)}) == 1 and not _SEVERAL_EVENTS.search(frame.text)
        alone = [
            t for t in decided
            if t[2].stance != decided[0][2].stance and (_ALONE.search(items[t[1]][0]) or one_hard and _HARD.search(items[t[1]][0])) and not _COMPOSITE.search(items[t[1]][0])
        ]
        if alone:
            decided = [t for t in decided if not _COMPOSITE.search(items[t[1]][0])]
    stance = decided[0][2].stance if decided else NEUTRAL
    if len(decided) > 1 and decided[1][2].stance != stance and decided[1][0] >= decided[0][0] - CONFLICT_MARGIN:
        stance = NEUTRAL  # two equally relevant sentences that disagree: say so, decide nothing
    shown = decided[:max_rationale]
    if len(shown) < max_rationale:
        # (and a single sentence given as the evidence, set aside as about something else, with
        # why: "another population (...)"; in a record, one off-topic item is the record's own verdict)
        rest = sorted((t for t in scored if t not in shown and (t[2].kind in ("finding", "mixed") or single and t[2].kind == "off-topic" and t[2].cue)), key=lambda t: -t[0])
        shown += [t for t in rest if t[0] > 0][: max_rationale - len(shown)]
    rationale = [
        SentenceJudgement(items[i][0], i, items[i][1], r.stance, r.cue, round(score, 3), r.kind, r.finding.to_dict() if r.finding else None)
        for score, i, r in shown
    ]
    return Judgement(stance, rationale, frame.to_dict())


_CRUDE = regexcache.compile(vocab.CRUDE_ESTIMATE, re.I)
_STABLE_SINCE = regexcache.compile(
    r"\bno\s+(?:significant\s+|meaningful\s+|further\s+)?(?:increase|change|worsening|deterioration|rise|loss|decline|return)\s+(?:in\s+[\w-]+(?:\s+[\w-]+)?\s+)?(?:between|from|after|over|during|since)\b",
    re.I,
)
_RESTORING = regexcache.compile(r"\b(?:" + vocab.RESTORING_VERBS + r")", re.I)
_HEALTHY_REFERENCE = regexcache.compile(vocab.HEALTHY_REFERENCE, re.I)
_ADJUSTED = regexcache.compile(vocab.ADJUSTED_ESTIMATE, re.I)
MIN_RECORD_SENTENCES = 4  # an abstract this long names what it is about; a shorter excerpt may not
MIN_RELEVANCE_TIMED = 0.3  # a sentence on how long an effect lasted, read against a claim of duration
MIN_RELEVANCE = 0.4  # share of the claim's content words a sentence of a longer abstract must have
CONFLICT_MARGIN = 0.15


def judge_record(claim: str, record: Record, *, max_rationale: int = 3) -> Judgement:
    """The stance of a PubMed record's abstract toward ``claim``."""
    return judge(claim, record_sentences(record), title=record.title or None, max_rationale=max_rationale)
