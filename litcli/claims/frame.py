"""The claim frame: what a free-text claim asserts, as data.

``parse_claim("Vitamin D supplements lower COVID-19 mortality")`` gives the intervention
(the words before the claim's verb, and any drug the vocabulary knows), the comparator
("than SSRIs", "as well as ECT", "beats placebo"), the conditions and populations the
vocabulary knows, the outcome and its valence, the direction the claim asserts (up/down)
and whether that is good or bad, and what kind of assertion it is:

- ``effect``: the intervention changes an outcome ("lowers mortality", "works for OCD");
- ``superiority`` / ``equivalence``: against a named comparator;
- ``safety``: harms are absent or small ("is safe", "has no side effects", "not addictive");
- ``harm``: the intervention causes a harm ("raises blood pressure", "damages the bladder");
- ``mechanism``: the drug activates or blocks a target ("blocks NMDA receptors");
- with ``negated`` (the claim denies it: "does nothing for OCD"), ``hedged`` ("may help"),
  and a time frame: ``lasting_days`` ("for months"), ``fading_days`` ("fades within a
  week"), ``onset`` ("within hours").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from litcli.claims import reader as rd
from litcli.claims import regexcache
from litcli.claims import vocabulary as vocab
from litcli.claims.prefilter import prefiltered

_I = re.IGNORECASE
_DENIAL = regexcache.compile(vocab.CLAIM_DENIAL, _I)
_AMOUNT_OF_CHANGE = regexcache.compile(
    r"(?:an?\s+)?(?:less|more|fewer|greater|smaller|larger|lower|higher|bigger)\s+((?:[\w-]+\s+){0,2}(?:" + "|".join(vocab.CHANGE_NOUNS_UP + vocab.CHANGE_NOUNS_DOWN) + r"))$", _I
)
_NAMED_BY_DIRECTION = regexcache.compile(r"\b(" + vocab.NAMED_BY_DIRECTION + r")", _I)
_DISEASE_STATE = regexcache.compile(r"\b(?:" + vocab.DISEASE_STATES + r")(?:\s*(?:or|and|/)\s*(?:" + vocab.DISEASE_STATES + r"))?(?=\s+[A-Za-z])", _I)
_EQUIV = regexcache.compile(vocab.CLAIM_EQUIVALENCE, _I)
_SUPER = regexcache.compile(vocab.CLAIM_SUPERIORITY, _I)
_OUTCOME_SUBJECT = regexcache.compile(r"^\s*((?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:after|with|during|on|following|in people (?:taking|given|on))\s", _I)
_BECOME_HARMED = regexcache.compile(
    r"\s*(?:(?:can|could|may|might|will|would|often|sometimes|quickly|easily)\s+)*(?:become|becomes|became|get|gets|got|grow|end up)\s+(?:\w+\s+)?(?:"
    + vocab.HARM_STATES + r")\b",
    _I,
)
_NOT_JUST = regexcache.compile(r"\b(?:(?:is|are|was|were|does|do|did)\s+)?not\s+(?:just|only|merely|simply|solely|purely|entirely)\b(?:\s+(?:an?|the)\b)?(?:\s+placebo\b)?", _I)
_SAFETY = regexcache.compile(vocab.SAFETY_CLAIM + "|" + vocab.SAFETY_CLAIM_NO_HARM, _I)
_SAFE_NOUN = regexcache.compile(r"safe(r|st)?\s+(?!(and|or|to|for|in|with|when|if|as|but)\b)[a-z]", _I)  # "safe storage", "safer sex"
_LASTING = regexcache.compile(vocab.LASTING_CLAIM, _I)
_NO_LASTING_HARM = regexcache.compile(
    r"\b(?:no|without|never|free of)\s+(?:\w+\s+)?(?:lasting|long[- ]term|long[- ]lasting|permanent|persistent|enduring)\s+(?:[\w-]+\s+)?(?:side[- ]effects?|harms?|damage|adverse|effects?|problems?|injur\w*|sequelae)\b",
    _I,
)
_FADING = regexcache.compile(vocab.FADING_CLAIM, _I)
PERMANENT_DAYS = 3650.0  # "permanently", "for good", "forever": a claim no follow-up of months answers
_ONSET = regexcache.compile(vocab.ONSET_CLAIM, _I)
POPULATIONS = [(pid, prefiltered(p, _I)) for pid, p in vocab.POPULATION_GROUPS]
_TIME_LEAD = regexcache.compile(r"^(?:a|an|one|two|three|four|six|twelve|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:later|on|after\b[^,]{0,30}),\s+", _I)
_NOTHING_WITHOUT = regexcache.compile(vocab.NOTHING_WITHOUT, _I)
_NO_PARTNER_NEEDED = regexcache.compile(vocab.NO_PARTNER_NEEDED, _I)
_LIST_IN_SETTING = regexcache.compile(r"\b(?:in|among|for|both)\s+(?:[\w-]+\s+){0,3}$", _I)
_DOES_AFTER = regexcache.compile(r"[^,;.]*\b(?:does|do|did|is|are|was|were)\b", _I)
_LISTED_AFTER_VERB = regexcache.compile(r"\b(?:" + vocab.EQUIVALENCE_VERBS + r")\s+(?:just\s+|about\s+|roughly\s+|nearly\s+|almost\s+|every bit\s+)?$", _I)
_MULTIPLE_NAMES = regexcache.compile(r"[\s-]+(?:" + vocab.MULTIPLE_OF_NOUNS + r")\b", _I)
_LEADING_SETTING = regexcache.compile(
    r"^(?:upon|in|after|during|following|among|under|before|when|for|at)\b[^,]{3,60},\s+"
    # (a time: "A month later, ketamine still outperforms an SSRI")
    r"|^(?:a|an|one|two|three|four|six|twelve|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:later|on|after\b[^,]{0,30}),\s+",
    _I,
)
_REPORTING_LEAD = regexcache.compile(vocab.REPORTING_LEAD, _I)
_UNKNOWN_VERB = regexcache.compile(r"\b[a-z]{3,}(?:es|s)\b(?=\s+(?:the|a|an|its|their|this|these|that|to)\b)")
_SETTING = regexcache.compile(
    # (not "the need for rescue analgesia": what is needed is the outcome)
    r"(?<!\bneed)(?<!\bneeds)(?<!requirement)(?<!requirements)"
    r"\s(?:in|during|throughout|among|for|after|at|within|by|when|via|through|because|from|following|across|while|with)\s", _I
)
# "is an effective treatment for X", "a safe option for X": what it treats is the outcome
_TREATMENT_FOR = regexcache.compile(r"\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:treatments?|therap(?:y|ies)|options?|drugs?|remed(?:y|ies)|interventions?|cures?)\s+(?:for|of|against)\s+(.+)$", _I)
_LINKED = regexcache.compile(r"\b(?:associated|linked|related|correlated|tied)\s+(?:with|to)\s+", _I)
# a link that qualifies a noun ("deaths related to heart disease", "pain associated with surgery"),
# not a predicate ("is related to", "strongly associated with")
_NOUN_LINK = regexcache.compile(r"\b(?!(?:is|are|was|were|be|been|being|not|and|or)\b)[A-Za-z-]+(?<!ly)\s+(?:associated|linked|related|correlated)\s+(?:with|to)\b", _I)


def _modifier_link(body: str, cue: str | None) -> bool:
    """Does a link in the claim's predicate qualify the object of a verb said before it?"""
    link = _NOUN_LINK.search(body)
    at = body.find(cue) if cue else -1
    return link is not None and 0 <= at < link.start()
_NO_ASSOCIATION = regexcache.compile(r"\b(unrelated to|not (associated|linked|related|correlated) (with|to)|(?:does|do|did) not predict|independent of)\b", _I)
_EFFICACY = regexcache.compile(r"\b(antidepressant|depress\w*|ocd|ptsd|anxiety|mood|suicid\w*|symptoms?|remission|response)\b", _I)
_REPORTING_TAIL = regexcache.compile(vocab.REPORTING_TAIL, _I)
_REPORTING_INSIDE = regexcache.compile(vocab.REPORTING_INSIDE, _I)
_SHORTHAND = [(regexcache.compile(p, _I), words) for p, words in vocab.CLAIM_SHORTHAND]
_MORE_LIKELY = regexcache.compile(
    r"\s*(?:is|are|was|were|will be|would be)\s+(?:\w+\s+)?(?:more|less)\s+likely\s+(?:than\s+[^,]+?\s+)?to\s+"
    r"(?:(?:develop|have|get|suffer(?:\s+from)?|experience|catch|contract|need|require|be\s+diagnosed\s+with|be)\s+)?(.+)$",
    _I,
)
# verbs a claim states its assertion with, besides the direction and judgement words
_CLAIM_VERBS = (
    r"leads?|led|results?|acts?|plays?|affects?|associat\w*|correlat\w*|predicts?|requires?|depends?|"
    r"mediat\w*|regulat\w*|contributes?|involves?|targets?|binds?|modulat\w*|changes?|alters?|shows?|"
    r"demonstrates?|lacks?|remains?|becomes?|makes?|keeps?|gives?|gave|provides?|provided|offers?|offered|affords?|produces?|rewires?|switch(es)?|sets?|"
    r"brings?|tips?|melts?|beats?|outperform(?:s|ed)?|works?|carr(y|ies)|poses?|confers?|lasts?|persists?|endures?|peaks?|"
    r"maintains?|sustains?|preserves?"
)
_DIRECTION_WORDS = "|".join([vocab.UP_TERMS, vocab.DOWN_TERMS, vocab.GOOD_TERMS, vocab.BAD_TERMS])
# The verb that ends the subject: a direction word, a good/bad word, or a copula.
_VERB = regexcache.compile(
    r"(?<![\w-])(?:" + _DIRECTION_WORDS + r")(?![\w-])"
    r"|\b(is|are|was|were|has|have|had|can|could|may|might|will|would|does|do|did|should|must|" + _CLAIM_VERBS + r")\b",
    _I,
)
# a modal before the claim's verb ("can reduce", "may lead to"): the verb is the one after it
_PEOPLE_WITH = regexcache.compile(
    r"\b(" + vocab.PEOPLE_NOUNS + r")\s+with\s+(?:[\w-]+\s+){1,4}?(?=(?:into|to)\s+(?:full\s+|complete\s+|sustained\s+)?(?:remission|recovery|response)\b)", _I
)
_PEOPLE_STEMS = rd.content_stems(vocab.PEOPLE_NOUNS.replace("|", " "))
_MODAL_WORD = regexcache.compile(r"\b(?:can|could|may|might|will|would|should|must)\s", _I)
_MODAL = regexcache.compile(
    r"\b(?:can|could|may|might|will|would|should|must)\s+(?=(?:\w+ly\s+)?(?:" + _DIRECTION_WORDS + "|" + _CLAIM_VERBS + r")(?![\w-]))", _I
)
_ASIDE = regexcache.compile(r",\s*(?:when|if|which|while|whether)\b[^,]*,")
_COMPARATOR_AFTER = regexcache.compile(
    r"\b(?:than(?!\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a (?:day|week|month|year)|once|twice)\b(?!-))|as (?:well|good|effective|efficacious|safe|fast) as|just as good as|equivalent to|comparable (?:to|with)|"
    r"similar to|superior to|inferior to|compared (?:with|to)|versus|vs\.?|beats?|outperform(?:s|ed)?|over(?!\s+\d))\s+(.+?)"
    # (up to a setting, or a purpose: "than conventional cytology | to detect CIN2")
    r"(?=\s+(?:for|in|at|on|among|within|when|after|during|because|by|with)\b|\s+to\s+(?:" + vocab.PURPOSE_VERBS + r")\b|[,;:!?]|\.(?!\d)|$)",
    _I,
)
_CHANGE = regexcache.compile(
    r"\s*(?:(?:does|do|did|can|may|might|could|will|would)\s+)?(?:not\s+|never\s+)?(?:" + vocab.CHANGE_VERBS + r")\b"
    r"|\s*(?:" + vocab.EFFECT_ON + r")",
    _I,
)
_LINK_BETWEEN = regexcache.compile(
    r"^(?:there\s+(?:is|are|was|were|exists?)\s+)?(a|an|no|the)?\s*(?:(strong|clear|significant|weak|positive|negative|inverse|direct|possible)\s+)?"
    r"(?:correlation|link|association|relationship|connection)\s+between\s+(.+?)\s+and\s+(.+)$",
    _I,
)
_QUANTITY = regexcache.compile(
    r"\b(less|fewer|shorter|more|greater|longer) than (?=(?:\d+|" + "|".join(vocab.CARDINAL_WORDS) + r")\b)", _I
)
_TIME = regexcache.compile(
    # (a number in words only before a space: "and" is not "an" + "d")
    r"\b(?:(?:day|week|month|hour|year)\s+(\d+))|\b(?:(\d+(?:\.\d+)?|(?:" + "|".join(sorted(map(re.escape, vocab.NUMBER_WORDS), key=len, reverse=True)) + r")(?=\s))\s*)?"
    r"(" + vocab.TIME_UNIT_WORDS + r")\b",
    _I,
)
_OR_MORE = regexcache.compile(r"\s+or\s+(\d+(?:\.\d+)?|" + vocab.CARDINAL_PATTERN + r")\b(?!\s*(?:" + vocab.TIME_UNIT_WORDS + r")\b)", _I)
_GENERIC_SUBJECT = vocab.GENERIC_SUBJECT_WORDS


def time_days(text: str) -> float | None:
    """The first duration named in ``text``, in days ("within a week" 7, "two hours" 1/12)."""
    for m in _TIME.finditer(text):
        if m.group(1):  # "day 14", "week 8"
            unit_word = regexcache.match(r"[a-z]+", m.group(0).lower())
            return float(m.group(1)) * vocab.TIME_UNITS.get(unit_word.group(0) if unit_word else "", 1.0)
        if not m.group(3):
            continue
        unit = m.group(3).lower().rstrip("s") if m.group(3).lower() not in ("hrs", "mins", "yrs", "wks") else m.group(3).lower()[:-1]
        per = vocab.TIME_UNITS.get(unit)
        if per is None:
            continue
        qty = m.group(2)
        if qty is None:
            n = 2.0 if m.group(3).lower().endswith("s") else 1.0  # "hours", "months": a few
        else:
            try:
                n = float(qty)
            except ValueError:
                n = float(vocab.NUMBER_WORDS.get(qty.lower(), 1))
        more = _OR_MORE.match(text, m.end())
        if more:  # "within a week or two": up to two weeks
            n = max(n, float(more.group(1)) if more.group(1)[0].isdigit() else float(vocab.NUMBER_WORDS.get(more.group(1).lower(), n)))
        return n * per
    return None


@dataclass(frozen=True)
class ClaimFrame:
    text: str
    assertion: str  # effect | superiority | equivalence | safety | harm | mechanism | unknown
    intervention: tuple[str, ...] = ()  # patterns that name the intervention in a sentence
    intervention_text: str | None = None
    comparator: tuple[str, ...] = ()
    comparator_text: str | None = None
    conditions: tuple[str, ...] = ()  # vocabulary concept ids
    populations: tuple[str, ...] = ()  # POPULATION_GROUPS ids
    routes: tuple[str, ...] = ()  # vocabulary route concepts of the intervention ("oral", "intranasal")
    outcome: str | None = None
    outcome_stems: frozenset[str] = field(default_factory=frozenset)
    valence: int = 0
    direction: int = 0
    goodness: int = 0
    harm: bool = False
    negated: bool = False
    hedged: bool = False
    mechanisms: tuple[tuple[str, int], ...] = ()  # (concept id, +1 activates / -1 blocks)
    lasting_days: float | None = None
    fading_days: float | None = None
    onset: bool = False
    stems: frozenset[str] = field(default_factory=frozenset)
    cue: str | None = None
    association: int = 0  # an association claim: +1 the two go together, -1 one rises as the other falls
    hard_outcome: bool = False  # deaths, hospitalisations...: not answered by a surrogate outcome
    dependency: frozenset[str] = field(default_factory=frozenset)  # what the effect depends on ("BDNF")
    prevention: bool = False  # "prevents X": not answered by treating people who have X
    verb: str | None = None  # the stem of the claim's main verb, for restatements ("stabiliz")
    outcome_classes: frozenset[int] = field(default_factory=frozenset)  # rows of the outcome-valence table named
    any_change: bool = False  # "X alters Y", "does not affect Y": a change either way is the claim
    # for whom the treatment works better (+1) or worse (-1): (sign, the group, the treatment, the
    # other group or ""), as vocab.MODERATION_BY_GROUP / MODERATION_FOR_GROUP read it
    moderator: tuple[int, str, str, str] | None = None
    # undefined abbreviations the abstract uses for the claim's arms or outcome ("FCM", "Hb"),
    # each with the stems of the words it stands for (stance._with_arm_tokens)
    aliases: tuple[tuple[str, frozenset[str]], ...] = ()
    # the stems of the people or disease the claim closes on ("in relapsed multiple myeloma") that
    # the record names elsewhere: a result sentence need not repeat them (stance.prepare)
    carried: frozenset[str] = field(default_factory=frozenset)

    @property
    def checkable(self) -> bool:
        return bool(
            self.goodness or self.direction or self.mechanisms or self.association or self.any_change or self.assertion in ("equivalence", "safety")
        )

    def arms(self) -> rd.Arms:
        dose = dose_level(self.text)
        level, unit = (dose, None) if dose else amount_level(self.intervention_text or "")
        return _arms(self.intervention, self.comparator, self.intervention_text or "", level, unit)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "assertion": self.assertion,
            "intervention": self.intervention_text,
            "comparator": self.comparator_text,
            "conditions": list(self.conditions),
            "populations": list(self.populations),
            "outcome": self.outcome,
            "direction": self.direction,
            "valence": self.valence,
            "goodness": self.goodness,
            "harm": self.harm,
            "negated": self.negated,
            "hedged": self.hedged,
            "mechanisms": [{"target": c, "direction": "activates" if d > 0 else "blocks"} for c, d in self.mechanisms],
            "lasting_days": self.lasting_days,
            "fading_days": self.fading_days,
            "onset": self.onset,
            "cue": self.cue,
            "association": self.association,
        }


def _concept_terms(text: str, groups: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Patterns and labels of the vocabulary concepts of ``groups`` named in ``text`` (a drug
    brings its named forms: evidence about esketamine speaks to a claim about ketamine)."""
    pats: list[str] = []
    labels: list[str] = []
    for m in vocab.find_concepts(text):
        if m.concept.group in groups:
            for c in [m.concept, *(f for f in vocab.CONCEPTS if f.form_of == m.concept.id)]:
                pats.extend(c.detect)
                pats.extend(r"\b" + re.escape(t) + r"\b" for t in c.tiab)
            labels.append(m.concept.id)
    return pats, labels


def _singular(word: str) -> str:
    """A plural word's singular, for a pattern that adds the plural back ("supplements")."""
    if len(word) > 4 and word.isalpha() and not word.isupper() and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_DRUG_CLASSES = [(regexcache.compile(cls, _I), member) for cls, member in vocab.DRUG_CLASSES]
_TREATMENT_SYNONYMS = [[(regexcache.compile(p, _I), p) for p in group] for group in vocab.TREATMENT_SYNONYMS]


_ANY_CLASS_OR_SYNONYM = regexcache.compile("|".join(f"(?:{c})" for c, _ in vocab.DRUG_CLASSES) + "|" + "|".join(f"(?:{p})" for g in vocab.TREATMENT_SYNONYMS for p in g), _I)


def _class_members(phrase: str) -> list[str]:
    """Patterns for the members of a drug class the phrase names ("beta-blockers": "-olol") and
    for the other names of a treatment it names in everyday words ("fish oil": "omega-3")."""
    if not _ANY_CLASS_OR_SYNONYM.search(phrase):
        return []  # (most claims: one search)
    members = [member for cls, member in _DRUG_CLASSES if cls.search(phrase)]
    for group in _TREATMENT_SYNONYMS:
        named = [rx.search(phrase) is not None for rx, _ in group]
        if any(named):
            members += [p for (_, p), said in zip(group, named, strict=True) if not said]
    return members


def _manipulation(word: str) -> str | None:
    """A pattern for every form of an experiment's word ("Inhibiting": "inhibition", "inhibitors")."""
    found = vocab.MANIPULATION_OF.get(word.lower())
    return r"\b(?:" + "|".join(re.escape(w) for w in found[1]) + r")\b" if found else None


_DOSE_LEVEL_SUBJECT = regexcache.compile(vocab.DOSE_LEVEL_SUBJECT, _I)
_RANGE_UPPER = regexcache.compile(r"\b(?:minutes|hours|days|weeks|months)\s+to\s+((?:a\s+few\s+|several\s+)?(?:minutes|hours|days|weeks|months))\b", _I)
_VERB_ADVERBS = "|".join(sorted(vocab.VERB_ADVERBS))
# where a claim's second clause begins: it says the first again or draws a conclusion from it
# ("...; ketamine can't match it", ", so the effect is mostly placebo", " — don't expect it to last")
_SECOND_CLAUSE = r";|,\s+so\s+(?!that\b)|\s[—–-]\s"


@lru_cache(maxsize=4096)
def dose_level(claim: str) -> int:
    """Is the claim's subject a level of dose ("Higher doses of ketamine work better": +1, "Lower
    doses of X cause less drowsiness": -1, else 0)?"""
    m = _DOSE_LEVEL_SUBJECT.match(claim)
    return 0 if not m else 1 if m.group(1) else -1


_AMOUNT_SUBJECT = regexcache.compile(
    r"(?:(?<![\w-])(" + vocab.AMOUNT_BELOW + r")|(?<![\w-])(" + vocab.AMOUNT_ABOVE + r"))\s*(?:\d[\d,]*(?:[.·]\d+)?|" + vocab.CARDINAL_PATTERN + r")\s*([a-z]{3,})\b",
    _I,
)


@lru_cache(maxsize=4096)
def amount_level(exposure: str) -> tuple[int, str | None]:
    """The level of an exposure said as an amount, with its unit ("Sleeping below six hours a
    night": (-1, "hours?"), "Walking at least 7,000 steps a day": (1, "steps?")); (0, None) when none."""
    m = _AMOUNT_SUBJECT.search(exposure)
    if not m:
        return 0, None
    unit = m.group(3).lower()
    unit = re.escape(unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit) + "s?"
    return (-1 if m.group(1) else 1), unit


@lru_cache(maxsize=4096)
def _arms(intervention: tuple[str, ...], comparator: tuple[str, ...], intervention_text: str, level: int = 0, unit: str | None = None) -> rd.Arms:
    """The arms' patterns (read once per claim and abstract: a frame is asked for them often).
    Arms named by the same words ("ketamine with psychotherapy" against "ketamine alone") cannot
    be told apart in a sentence: no comparator is looked for then."""
    if set(comparator) == set(intervention):
        comparator = ()
    return rd.Arms(
        rd.term_pattern(intervention), rd.term_pattern(comparator), takes_away(intervention_text), dose_changed(intervention_text),
        bool(_WITHDRAWAL_LEAD.match(intervention_text)), bool(_CONTINUATION_LEAD.match(intervention_text)), level, unit,
    )


_GIVEN_BEFORE = regexcache.compile(r"(?<=\w)\s+(?:(?:given|administered|taken)\s+)?(?:before|prior\s+to|ahead\s+of|preceding)\s+\S.*$", _I)
_AS_ADD_ON = regexcache.compile(r"\s+(?:as\s+(?:an?\s+)?)?(?:add-on|adjunct\w*|augment\w*)\s+(?:to|for|of|with)\s+.*$|\s+(?:when\s+)?added\s+to\s+.*$", _I)
_WITHDRAWAL_LEAD = regexcache.compile(r"^\W*(?:" + vocab.WITHDRAWAL_TERMS + r")\b", _I)
# (a verb: "Staying on esketamine", "Continuing alendronate"; not "Continuation ECT", a phase's name)
_CONTINUATION_LEAD = regexcache.compile(r"^\W*(?!continuation\b)(?:" + vocab.CONTINUATION_TERMS + r")\b", _I)

_DOSE_CHANGE_LEAD = regexcache.compile(r"^\W*(" + vocab.DOSE_CHANGE_GERUNDS + r")\s+\w", _I)


_REGIMEN = regexcache.compile(r"\b(?:" + vocab.REGIMEN_TERMS + r")\b", _I)


_SCHEDULE_STEMS = rd.content_stems("dose doses infusion infusions injection injections session sessions course courses treatment a week day month once times schedule dosing")


def _own_words(phrase: str, other: str) -> frozenset[str]:
    """The content words of ``phrase`` that ``other`` does not have (stems; dose and arm words aside)."""
    return rd.content_stems(phrase) - rd.content_stems(other) - _SCHEDULE_STEMS


def _regimen_terms(phrase: str) -> list[str]:
    """Patterns for the schedule words of an arm's name ("twice-weekly": r"\btwice[- ]weekly\b")."""
    return [r"\b" + r"[- ]".join(map(re.escape, regexcache.split(r"[- ]", m.group(0).lower()))) + r"\b" for m in _REGIMEN.finditer(phrase)]


def dose_changed(phrase: str) -> int:
    """Is the phrase a dose changed ("Reducing salt intake": -1, "Raising HDL": +1, else 0)?"""
    m = _DOSE_CHANGE_LEAD.match(phrase)
    if not m:
        return 0
    return -1 if regexcache.fullmatch(vocab.DOSE_DOWN_GERUNDS, m.group(1), _I) else 1


def takes_away(phrase: str) -> bool:
    """Is the phrase a loss of function ("autophagy deficiency", "Inhibiting HDAC6")?"""
    if regexcache.search(vocab.LOSS_OF_FUNCTION, phrase, _I) or regexcache.search(vocab.LOW_LEVEL_OF, phrase, _I):
        return True
    return any(vocab.MANIPULATION_OF.get(w.lower(), (0,))[0] < 0 for w in regexcache.findall(r"[\w-]+", phrase))


def _phrase_terms(phrase: str, exclude: str = "") -> list[str]:
    """Literal patterns for the distinctive words of a phrase the vocabulary does not know
    (words it shares with ``exclude``, the other arm, do not tell the arms apart)."""
    other = {w.lower() for w in regexcache.findall(r"\d+\.\d+|[A-Za-z0-9][\w'-]*", exclude)}
    # (a dose with its decimal, "0.5 mg/kg", is one word: "0.5", not "0" and "5")
    words = [regexcache.sub(r"['’]s$", "", w) for w in regexcache.findall(r"\d+\.\d+|[A-Za-z0-9][\w'’-]*", phrase)]
    words = [w for w in words if w.lower() not in _GENERIC_SUBJECT and len(w) > 1 and w.lower() not in other]
    words = [w for w in words if w.lower() not in rd._STOP]
    # an abbreviation the phrase defines names the arm best ("... (PVB group)", "(CLF)"): first
    abbreviations = regexcache.findall(r"\(([A-Za-z][\w+/-]{1,10})(?:\s+(?:group|arm))?\)", phrase)
    words = [a for a in abbreviations if len(a) > 1] + [w for w in words if w not in abbreviations]
    # "ultrasound-guided": a sentence may say "ultrasound"
    # (a two-part compound only: "mother-to-child" does not name "mothers")
    words += [w.split("-")[0] for w in list(words) if w.count("-") == 1 and len(w.split("-")[0]) > 4 and w.split("-")[0].lower() not in other]
    # (a number names an arm by its dose, "1500 mg", not inside another number: "10" of "10 Hz" is not "10.1 points")
    pats = [
        r"(?<![\d.,·])" + re.escape(w) + r"(?![\w.,·]*\d)(?!\s*(?:points?|%))" if regexcache.fullmatch(r"\d+(?:[.,]\d+)?", w)
        # ("rhythm-control" is also written "rhythm control")
        else _manipulation(w) or r"\b" + re.escape(_singular(w)).replace(r"\-", r"[\s-]") + (r"(?:s|es)?\b" if len(w) > 4 and w.isalpha() and not w.isupper() else r"\b")
        for w in words[:8]
    ]
    return pats + _acronyms(phrase, exclude)


_GROUP_LABEL = regexcache.compile(
    r"\b[Gg]roups?\s+(" + vocab.GROUP_LABEL + r")\b|\(\s*([A-Z]{1,3}\d?)\s+[Gg]roup\s*\)|\b([A-Z]{1,3}\d?)[- ][Gg]roup\b"
)


def group_labels(phrase: str) -> set[str]:
    """The labels a claim gives its arms ("group A", "(R group)", "group II")."""
    return {next(g for g in m.groups() if g) for m in _GROUP_LABEL.finditer(phrase)}


def _label_terms(phrase: str, exclude: str) -> list[str]:
    """Case-sensitive patterns for the arm's group labels that the other arm does not share:
    "group A", "A group", "A-group" (not a bare "A", which is a word); and the arm's own word
    for its group ("the combination group (A plus B)": "combination group")."""
    labels = group_labels(phrase) - group_labels(exclude)
    pats = [r"(?-i:\b(?:[Gg]roups?\s+" + re.escape(lab) + r"|" + re.escape(lab) + r"[- ][Gg]roups?)\b)" for lab in sorted(labels)]
    other = {w.lower() for w in regexcache.findall(r"[\w-]+", exclude)}
    for m in regexcache.finditer(r"\b([A-Za-z][\w-]{3,})\s+(?:group|arm)s?\b", phrase):
        word = m.group(1)
        if word.lower() not in other and word.lower() not in rd._STOP and word.lower() not in _GENERIC_SUBJECT:
            pats.append(r"\b" + re.escape(word) + r"\s+(?:group|arm)s?\b")
    # "without tourniquet": the other arm is named "non-tourniquet", "without a tourniquet"
    negated = regexcache.match(r"\s*(?:without|no|non-)\s*(?:the\s+|a\s+|an\s+|any\s+)?([A-Za-z][\w-]{3,})", phrase, re.I)
    if negated:
        pats.append(r"\b(?:without|no|non-)\s*(?:the\s+|a\s+|an\s+|any\s+)?" + re.escape(negated.group(1)) + r"\w*")
    return pats


def _initials(phrase: str) -> list[str]:
    words = [w for w in regexcache.findall(r"[A-Za-z]+", regexcache.sub(r"\([^()]*\)", " ", phrase)) if w.lower() not in rd._STOP and w.lower() not in _GENERIC_SUBJECT]
    initials = "".join(w[0] for w in words).lower()
    # (two words' initials only where they are not a statistic's: "response rates" is not RR)
    return [initials] if 3 <= len(words) <= 6 or len(words) == 2 and initials not in vocab.STATISTIC_ABBREVIATIONS else []


def _acronyms(phrase: str, exclude: str = "") -> list[str]:
    """What a result sentence may call an arm without defining it: the initials of its name
    ("high-flow nasal cannula" -> HFNC) and the head of a hyphenated abbreviation ("SLED-BD" ->
    SLED); matched in capitals only."""
    found: list[str] = []
    name = regexcache.sub(r"\([^()]*\)", " ", phrase)
    words = [w for w in regexcache.findall(r"[A-Za-z]+", name) if w.lower() not in rd._STOP and w.lower() not in _GENERIC_SUBJECT]
    if 3 <= len(words) <= 6:
        found.append("".join(w[0] for w in words).upper())
    # with the generic words too: "negative-pressure wound therapy" -> NPWT
    named = [w for w in regexcache.findall(r"[A-Za-z]+", name) if w.lower() not in rd._STOP]
    if 3 <= len(named) <= 6 and len(named) > len(words) and words:
        found.append("".join(w[0] for w in named).upper())
    found += [m.group(1) for m in regexcache.finditer(r"\b([A-Z]{3,})-[A-Z0-9]+\b", phrase)]
    other = exclude.upper()
    return [r"(?-i:\b" + re.escape(a) + r"s?\b)" for a in dict.fromkeys(found) if not re.search(r"\b" + re.escape(a) + r"\b", other)]


def _verb_stem(word: str) -> str | None:
    w = word.lower().split()[0]
    if w in vocab.AUXILIARY_VERBS:
        return None
    return rd.stem(w)


def _dependency(text: str) -> frozenset[str]:
    """The target a claim says its effect depends on ("depends on BDNF": {"bdnf"})."""
    m = regexcache.search(vocab.DEPENDENCY_CLAIM, text, _I)
    if not m:
        return frozenset()
    target = regexcache.sub(r"^\s*(blocking|activating|stimulating|inhibiting|increasing|boosting|raising|enhancing|promoting|triggering|the)\s+", "", text[m.end() :], flags=_I)
    stems = rd.content_stems(" ".join(target.split()[:4])) - {"system", "pathway", "receptor", "brain"}
    if m.group(0).lower() == "by" and not any(found.concept.group == "mechanism" for found in vocab.find_concepts(" ".join(target.split()[:4]))):
        return frozenset()  # ("induces inflammation by promoting cell death": a how, not a target the vocabulary knows)
    return stems


@cache
def _valences(text: str) -> set[int]:
    """The valences of the outcomes ``text`` names (a name inside a longer one, "pain" in "pain
    perception threshold", counts as the longer one)."""
    spans = [(m.start(), m.end(), val) for p, val in rd.VALENCE if val for m in p.finditer(text)]
    # ("relief of upper GI symptoms": the symptoms are what the relief is of, one outcome)
    of_another = [(a, b) for a, b, _ in spans if any(regexcache.fullmatch(r"\s+of\s+(?:the\s+|their\s+)?(?:[\w-]+\s+){0,3}", text[y:a]) for x, y, _ in spans if y <= a)]
    return {
        val for a, b, val in spans
        if not any(x <= a and b <= y and (y - x) > (b - a) for x, y, _ in spans) and (a, b) not in of_another
    }


_NO_X_NO_Y = regexcache.compile(r"\bno\s+[\w'-]+(?:\s+[\w'-]+)?\s*,\s*no\s+[\w'-]+", re.I)
_WITHOUT_ACTION = regexcache.compile(r"\b(?:without|rather than|instead of|not by|independent(?:ly)? of)\s+(?:\w+\s+)?$", re.I)


_MODERATION_BY_GROUP = regexcache.compile(vocab.MODERATION_BY_GROUP, _I)
_MODERATION_FOR_GROUP = regexcache.compile(vocab.MODERATION_FOR_GROUP, _I)
_MODERATION_SAME = regexcache.compile(vocab.MODERATION_SAME_FOR_GROUP, _I)
_GROUP_PEOPLE = regexcache.compile(r"\b" + vocab.PEOPLE_GROUPS + r"\b", _I)


def moderation(claim: str) -> tuple[int, str, str, str] | None:
    """A claim that a treatment works better or worse for one group of people than for others, or as
    well: (+1 better / -1 worse / 0 as well for the group, the group, the treatment, the other group or "")."""
    claim = claim.strip().rstrip(".!")
    same = _MODERATION_SAME.match(claim)
    if same and _GROUP_PEOPLE.search(same.group("group") + " " + same.group("other")):
        return 0, same.group("group"), same.group("treatment"), same.group("other")  # as well for one group as for another
    m = _MODERATION_BY_GROUP.match(claim) or _MODERATION_FOR_GROUP.match(claim)
    if m is None:
        return None
    how = (m.group("how") or m.groupdict().get("how2") or m.groupdict().get("how3") or "").lower()
    group, other = m.group("group"), m.group("other") or ""
    # (people, or a group set against another: not "works better for depression than placebo")
    if regexcache.search(r"\bthan\b", group, _I) or not (_GROUP_PEOPLE.search(group) or other):
        return None
    return vocab.MODERATION_HOW[how], group, m.group("treatment") or "", other


@lru_cache(maxsize=2048)
def parse_claim(text: str) -> ClaimFrame:
    """The claim's frame (cached: a check reads one claim against many records; frames are frozen)."""
    return _parse_claim(text)


@lru_cache(maxsize=4096)
def claim_core(text: str) -> str:
    """The claim without its reporting frame ("A new study found that ...", "..., researchers
    say"): what is reported."""
    clean = " ".join(rd.spell_out(text.replace("’", "'")).split()).strip().rstrip(".!")
    for rx, words in _SHORTHAND:
        clean = rx.sub(words, clean)  # "rimegepant > pbo for pain freedom": "rimegepant is superior to placebo for ..."
    lead = _REPORTING_LEAD.match(clean)
    if not lead:
        lead = _REPORTING_INSIDE.match(clean)
        if lead and len(clean[lead.end() :].split()) < 4:
            lead = None
    if lead and not regexcache.search(r"\b(not|no|never|nor|cannot|failed)\b|n't\b", lead.group(0), _I):
        clean = clean[lead.end() :]  # (not "... has not been shown that X": that is no report of X)
    clean = _ANECDOTE_TAIL.sub("", clean)  # ("... within an hour - I felt better before I left the clinic")
    return _REPORTING_TAIL.sub("", clean).strip() or clean


_ANECDOTE_TAIL = regexcache.compile(
    r"\s+[-–—]+\s+(?:I|I'm|I've|I'd|my|me|we|our)\b.*$"
    # ("Vitamin D does nothing for depression, I tried it for months. Save your money.": the
    # writer's own story or advice after the claim)
    r"|,\s+(?-i:I)\s+(?:tried|took|used|had|did|was|went|felt|spent|gave|know|stopped)\b.*$"
    r"|[.!]\s+(?-i:(?:I|I'm|I've|My|We|Our|Save|Don't|Do not|Trust|Ask|Talk|Avoid|Skip))\b.*$",
    _I,
)


def _parse_claim(text: str) -> ClaimFrame:
    # a disease named by a direction ("heart failure with reduced ejection fraction") is the
    # setting, read as an aside: not the claim's outcome or direction
    clean = _NAMED_BY_DIRECTION.sub(r"\1 (\2)", claim_core(text))
    # "(found) a link between X and Y", "no correlation between X and Y": an association claim
    link = _LINK_BETWEEN.match(clean)
    if link:
        # ("a positive correlation between A and B": more A with more B; "negative", "inverse": less)
        sign = {"positive": "higher ", "negative": "lower ", "inverse": "lower "}.get((link.group(2) or "").lower(), "")
        clean = f"{link.group(3)} is {'not ' if (link.group(1) or '').lower() == 'no' else ''}associated with {sign}{link.group(4)}"
    # a quantity is not a direction: "sleeping less than six hours", "more than two cups a day"
    clean = _QUANTITY.sub(lambda m: "below " if m.group(1).lower() in ("less", "fewer", "shorter") else "above ", clean)
    # "compared with those who did not ...", "patients who do not respond to ...": not denials
    main = _COMPARATOR_AFTER.sub(" ", rd.POPULATION.sub(" population ", clean))
    # "..., and without BDNF it doesn't work": what the effect needs, not a denial of it
    main = _NOTHING_WITHOUT.sub(" ", main)
    main = _NO_PARTNER_NEEDED.sub(" ", main)  # "doesn't need to be paired with an SSRI": it works alone
    # ("ECT works better than ketamine; ketamine can't match it", "Midazolam works as well as
    # ketamine, so the effect is mostly placebo": the second clause says the first again or draws
    # a conclusion from it, so the first decides whether the claim denies)
    negated = bool(_DENIAL.search(regexcache.split(_SECOND_CLAUSE, main, maxsplit=1)[0]))
    if _NO_X_NO_Y.search(main):
        negated = False  # "no dissociation, no benefit": what the effect needs, not a denial of it
    if negated and _NOT_JUST.search(main):
        # "is not just the effect on mood", "is not merely a placebo": more than that, no denial
        negated = bool(_DENIAL.search(_NOT_JUST.sub(" ", regexcache.split(_SECOND_CLAUSE, main, maxsplit=1)[0])))
    hedged = bool(regexcache.search(r"\b(may|might|could|can help|possibly|potentially|appears? to|seems? to)\b", clean, _I))
    clean = regexcache.sub(r"\b(appears?|seems?) to (?=\w)", "", clean, flags=_I)  # "X appears to peak": the verb is "peak"
    if _MODAL_WORD.search(clean):
        clean = _MODAL.sub("", clean)  # "X can reduce Y": the verb is "reduce" (the hedge is kept above)
    safety = bool(_SAFETY.search(clean))
    if safety and regexcache.search(r"\bnot (addictive|harmful|dangerous)\b|\b" + vocab.NO_HARMS + r"\b", clean, _I):
        negated = False  # "not addictive", "no side effects": a safety claim, stated positively
    if safety and regexcache.search(r"\bnot safer\b", clean, _I):
        safety = False  # "is not safer than smoking": a denied comparison
    if safety and regexcache.search(r"\bnot (safe|well[- ]tolerated)\b|\bunsafe\b", clean, _I):
        safety, negated = False, False
    if safety:
        negated = False  # "is safe and does not raise the risk of X": the denial is the safety claim itself
    # the verb that ends the subject
    subject_end = len(clean)
    # not after a possessive ("ketamine's benefits last"): that is a noun
    # (nor after a determiner: "The benefits of psilocybin last": "benefits" is a noun)
    candidates = [
        m
        for m in _VERB.finditer(clean)
        if m.start() > 0
        and not regexcache.search(r"['’]s\s+$", clean[: m.start()])
        # ("There is no good evidence that X helps": the verb is the one after "that")
        and not (regexcache.match(r"^\W*there\s+$", clean[: m.start()], _I) and regexcache.match(r"(?:is|are|was|were|has|have)$", m.group(0), _I))
        and not (m.group(0).lower().endswith("s") and regexcache.search(r"\b(the|an|its|their|his|her|our|these|those)\s+$", clean[: m.start()], _I))
        # (a participle after an article is an adjective: "An enhanced recovery protocol decreases ...")
        and not (m.group(0).lower().endswith("ed") and regexcache.search(r"\b(the|an?|its|their|this|these|those)\s+$|^\W*\w+ly\s+$", clean[: m.start()], _I))
        # (nor a comparative after an opening adverb: "Genetically lower vitamin D levels increase ...")
        and not (regexcache.fullmatch(r"lower|higher|greater|smaller|low|high", m.group(0), _I) and regexcache.search(r"^\W*\w+ly\s+$", clean[: m.start()]))
        # (nor a multiple before what it multiplies: "Adding probiotics to triple therapy", "double-blind")
        and not (regexcache.fullmatch(r"double|triple|quadruple", m.group(0), _I) and _MULTIPLE_NAMES.match(clean[m.end() :]))
        # (nor a word between a determiner and "from": "The antidepressant boost from one infusion fades")
        and not (regexcache.search(r"\b(the|an?|its|their|this|these|those)\s+(?:[\w-]+\s+)?$", clean[: m.start()], _I) and regexcache.match(r"\s+from\b", clean[m.end() :]))
        # (nor a word followed by its abbreviation: "iliohypogastric nerve block (ILI+IHG) increases")
        and not regexcache.match(r"\s*\((?=[^()]*[A-Z])[^()\s]{1,15}\)", clean[m.end() :])
    ]
    # a word followed by an adverb and another verb is a noun: "Erector spinae plane block
    # significantly decreases pain" (the verb is "decreases")
    starts = {m.start() for m in candidates}
    candidates = [
        m for m in candidates
        if not ((a := regexcache.match(r"\s+\w+ly\s+", clean[m.end() :])) and m.end() + a.end() in starts)
    ]
    finite = [m for m in candidates if not regexcache.search(r"(tion|ment|ance|ence|ade|ity|ing)$", m.group(0), _I)]
    # a verb in a relative clause of the subject is not the claim's ("Nurses who worked night
    # shifts for years had a higher risk ...": the verb is "had")
    outside = [m for m in finite if not regexcache.search(r"\b(who|that|which)\s+$", clean[: m.start()], _I)]
    if outside and len(outside) < len(finite):
        finite = outside
    # the first finite verb ends the subject; a gerund only when there is none ("... by boosting mTOR")
    verb: re.Match[str] | None = (finite or candidates)[0] if (finite or candidates) else None
    unknown = next((m for m in _UNKNOWN_VERB.finditer(clean) if m.start() > 0 and clean[: m.start()].split()[-1].lower() not in rd._STOP), None)
    if verb is None or unknown is not None and unknown.start() < verb.start() and verb.group(0).lower().endswith("ed"):
        # a verb the vocabulary does not know: the first -s word after the subject that is
        # followed by its object ("Protein XK7 stabilizes the mitotic spindle"; "Increased
        # acetylation repairs the damage caused by ...": not "caused")
        verb = unknown
    if verb is not None and verb.group(0).lower().endswith("ed") and regexcache.search(r"\b\w+ing\s+$", clean[: verb.start()]):
        # "therapeutics receiving accelerated approval encounter ...": an adjective, not the verb
        later = [m for m in finite if m.start() > verb.start()]
        verb = later[0] if later else verb
    if verb is not None:
        subject_end = verb.start()
    subject = regexcache.sub(r"(?:\s+(?:\w+ly|still|also|even))+\s*$", " ", clean[:subject_end])  # "Carbetocin significantly", "ketamine still": not the name
    # a setting before the subject ("Upon viral challenge, memory T cells ...", "In adults with
    # TRD, ketamine ..."): not the intervention's name (populations and conditions are read from
    # the whole claim)
    setting = _LEADING_SETTING.match(subject)
    if setting and len(subject) - setting.end() > 3:
        subject = subject[setting.end() :]
    # "Unlike ECT, ketamine does not cause memory problems": the other treatment, set against it
    # ("Compared with placebo, rosuvastatin lowered ...": the comparator named first)
    unlike = regexcache.match(r"^\s*(?:unlike|in contrast to|as opposed to|(?:when\s+)?compared\s+(?:with|to)|relative\s+to|versus|vs\.?)\s+([^,;]{2,60}),\s*(\S.*)$", subject, _I)
    if unlike:
        subject = unlike.group(2)
    predicate = clean[subject_end:]
    if safety and not any(m.end() > subject_end or not _SAFE_NOUN.match(clean, m.start()) for m in _SAFETY.finditer(clean)):
        safety = False  # "water filters for safe storage reduce diarrhoea": a name, not a claim of safety
    # comparator
    comparator_text = None
    comp = _COMPARATOR_AFTER.search(predicate)
    if (
        comp and regexcache.match(r"as well as", comp.group(0), _I) and not _LISTED_AFTER_VERB.search(predicate[: comp.start()])
        and _LIST_IN_SETTING.search(predicate[: comp.start()]) and not _DOES_AFTER.search(predicate, comp.start(1))
    ):
        # "lowers blood pressure in normotensive as well as hypertensive people": a list, not a
        # comparison ("works as well as ECT" is one)
        comp = None
    if comp:
        comparator_text = regexcache.sub(r"\s+(?:does|do|did)$", "", comp.group(1).strip(), flags=_I)  # "as well as morphine does"
        # "beats quetiapine as an add-on to SSRIs": quetiapine is the comparator, not what both are added to
        comparator_text = _AS_ADD_ON.sub("", comparator_text) or comparator_text
    addon = None
    if comparator_text is None and unlike:
        comparator_text = unlike.group(1).strip()
    if comparator_text is None:
        # "Adding X to Y improves Z": Y alone is the comparator
        # ("X added to Y", "X on top of Y")
        addon = regexcache.match(r"^\s*(?:adding|the addition of)\s+(.+?)\s+to\s+(.+?)\s*$", subject, _I) or regexcache.match(
            r"^\s*(.+?)\s+(?:added to|in addition to|on top of)\s+(.+?)\s*$", subject, _I
        )
        if addon:
            comparator_text = addon.group(2)
    # "Giving midazolam before ketamine": what it is given before is the setting both arms share
    given = _GIVEN_BEFORE.sub("", subject) or subject
    drug_pats, _ = _concept_terms(given, ("intervention",))
    route_pats, _ = _concept_terms(given, ("route", "setting"))
    inter_pats = drug_pats + route_pats
    if not drug_pats:
        inter_pats = _phrase_terms(given) + route_pats + _class_members(given)
    comp_pats: list[str] = []
    if comparator_text:
        cdrug, _ = _concept_terms(comparator_text, ("intervention", "comparator"))
        croute, _ = _concept_terms(comparator_text, ("route", "setting"))
        # (a class's members, not the intervention itself: "olmesartan ... versus other ARBs")
        members = [m for m in _class_members(comparator_text) if not re.search(m, subject, _I)]
        comp_pats = cdrug + croute + members if cdrug or croute else _phrase_terms(comparator_text, exclude=subject) + members
        if not drug_pats:
            # "moxibustion" vs "sham moxibustion": with no word of its own, the intervention is
            # its whole name (Arms.positions tells "sham moxibustion" from "moxibustion")
            # (a comparator that is the intervention's absence, "no block", shares its words with it:
            # "the block group" is the intervention's arm, "the no-block group" the comparator's)
            absent = regexcache.match(r"(?:no|without)\s", comparator_text, _I)
            inter_pats = (_phrase_terms(subject, exclude="" if absent else comparator_text) or _phrase_terms(subject)) + route_pats + _class_members(subject)
        if not cdrug and croute and drug_pats and not regexcache.search(vocab.DRUG_KIND_WORDS, comparator_text, _I):
            # "oral ketamine ... as well as an IV drip": the drug is shared; the route tells the arms apart
            inter_pats = route_pats or inter_pats
        elif cdrug and set(cdrug) == set(drug_pats) and croute and route_pats:
            # "ketamine pills ... as well as ketamine infusions": the same drug; only the routes tell
            # the arms apart
            inter_pats, comp_pats = route_pats, croute
        regimens_i, regimens_c = _regimen_terms(subject), _regimen_terms(comparator_text)
        if regimens_i and regimens_c and not set(regimens_i) & set(regimens_c) and not _own_words(_REGIMEN.sub(" ", comparator_text), subject):
            # "twice-weekly ketamine infusions" against "once-weekly infusions": the same treatment;
            # the schedules tell the arms apart ("a single infusion": the comparator's infusion)
            inter_pats, comp_pats = regimens_i + inter_pats, regimens_c + [p for p in comp_pats if p not in inter_pats]
    if addon:
        # the add-on names the intervention's arm, what it is added to the comparator's
        added, base = addon.group(1), addon.group(2)
        inter_pats = _concept_terms(added, ("intervention",))[0] or _phrase_terms(added, exclude=base)
        comp_pats = _concept_terms(base, ("intervention", "comparator"))[0] or _phrase_terms(base, exclude=added)
    if comp_pats and drug_pats and comparator_text and _concept_terms(comparator_text, ("intervention",))[0] and set(comp_pats) != set(inter_pats):
        # a name both arms' terms hold tells them apart from neither ("esketamine" among the terms of
        # "intravenous ketamine" when the claim sets esketamine against it)
        comp_pats = [p for p in comp_pats if p not in inter_pats] or comp_pats
    # the trial's labels for its arms: "(R group)", "(group A)", "Group N:", "group II"
    inter_pats += _label_terms(subject, comparator_text or "")
    comp_pats += _label_terms(comparator_text or "", subject)
    _, conditions = _concept_terms(clean, ("condition",))
    populations = tuple(pid for pid, p in POPULATIONS if p.search(clean))
    # direction and outcome
    direction = goodness = 0
    v = 0
    outcome: str | None = None
    cue: str | None = verb.group(0) if verb else None
    body = predicate if comparator_text is None else predicate[: comp.start()] + " " + predicate[comp.end() :] if comp else predicate
    # a claim's parentheses define or qualify ("(control intervention)", "(PTEF)"): not its result
    body_wo_negation = regexcache.sub(r"\([^()]*\)", " ", _DENIAL.sub(" ", body))
    # the verb and its object, before any phrase of setting ("reduces angina frequency | in patients
    # with coronary disease"): the outcome is read there first
    head = _SETTING.split(" " + body_wo_negation.strip() + " ", maxsplit=1)[0].strip()
    # ("gets more people with treatment-resistant depression into remission": the people's
    # condition is who they are, the outcome comes after it)
    people_free = _PEOPLE_WITH.sub(r"\1 ", body_wo_negation)
    for part in dict.fromkeys((people_free, head, body_wo_negation) if people_free != body_wo_negation else (head, body_wo_negation)):
        finding = rd.read_clause(part, rd.Arms(None, None))
        if finding.direction or finding.goodness:
            direction, goodness, v, outcome, cue = finding.direction, finding.goodness, finding.valence, finding.outcome, finding.cue
            if comp and cue and rd.smaller_change(predicate, cue):
                # "gained less weight than those on insulin" (the comparator cut from the body): a
                # smaller change than the other arm's
                direction, goodness = -direction, -goodness
            break
    if not direction and not goodness and verb is not None and body.startswith(verb.group(0)):
        # the main verb says which way even where the rest of the sentence confuses the clause
        # reader ("increases disease control rate", "... based on midazolam")
        word = verb.group(0)
        direction = 1 if rd.UP.fullmatch(word) else -1 if rd.DOWN.fullmatch(word) else 0
        cue = word if direction else cue
    people_condition = False
    if not outcome:
        v, outcome = rd.valence(head)
        if not outcome:
            # (not the people's disease state: "for adults with relapsed or refractory leukaemia")
            rest = _DISEASE_STATE.sub(" ", body)
            v, outcome = rd.valence(rest)
            named_object = rd.content_stems(head.split(None, 1)[1] if len(head.split(None, 1)) > 1 else "") - _PEOPLE_STEMS
            if outcome and direction and named_object and rest.find(outcome) > len(head) and rd.people_with_condition(rest[: rest.find(outcome)]):
                # "lowered hs-CRP in patients with heart failure": the verb's object is the outcome,
                # of no known valence; the people's disease is who they are
                v, outcome = 0, None
                people_condition = True
        if not goodness and direction:
            goodness = direction * v
    # one verb over outcomes good and bad ("increases range of motion, depression and quality of
    # life"): the claim says which way the values go, not which way is better
    if direction and (rd.UP.search(body) or regexcache.search(r"\bpeak", body, _I)) and rd.DOWN.search(body) and regexcache.search(r"\b(then|before|after which)\b", body, _I):
        direction = goodness = v = 0  # a time course ("peaks within days and then decreases"), not one direction
    one_verb = len(rd.UP.findall(body) + rd.DOWN.findall(body)) == 1
    if direction and v and goodness == direction * v and one_verb and len(_valences(head)) > 1:
        v = goodness = 0
    # a harm claim names the harm before any efficacy word ("causes side effects in depression")
    harm_word = rd.HARM.search(body)
    efficacy_word = _EFFICACY.search(body)
    harm = harm_word is not None and (efficacy_word is None or harm_word.start() < efficacy_word.start())
    if harm and (goodness > 0 or people_condition) and not rd.HARM.search(head):
        harm = False  # "improves exercise capacity in pulmonary arterial hypertension": the harm word is the setting
    assertion = "effect"
    if safety:
        assertion, harm, goodness, direction = "safety", True, 1, -1
        cue = _SAFETY.search(clean).group(0)  # type: ignore[union-attr]
    elif _EQUIV.search(unbracketed := regexcache.sub(r"\([^()]*\)", " ", clean)):
        # (not "(equivalent to 100 mg progesterone)": a description of the dose)
        assertion = "equivalence"
        cue = _EQUIV.search(unbracketed).group(0)  # type: ignore[union-attr]
        if regexcache.match(r"no\b", cue, _I) and negated and not _DENIAL.search(main.replace(cue, " ")):
            negated = False  # "no worse than", "no less effective than": the equivalence itself, not a denial
    elif _SUPER.search(clean) and comparator_text:
        assertion = "superiority"
        if not goodness:
            # ("no more severe than", "more dangerous than": the worse of the two)
            worse = r"\b(?:worse|less effective|less potent|less powerful|weaker|inferior|more (?:" + vocab.HARM_ADJECTIVES + r"|severe|virulent|serious))\b"
            goodness = -1 if regexcache.search(worse, clean, _I) else 1
            named = _OUTCOME_SUBJECT.match(subject)
            if named and direction and not outcome:
                # "Relapse after stopping esketamine is no more common than after ...": the subject
                # names the outcome, the arms follow it
                sv, words = rd.valence(named.group(1))
                if sv and words:
                    outcome, v, goodness = words, sv, direction * sv
    elif harm and goodness < 0:
        assertion = "harm"
    # ("Ketamine for OCD", "does nothing for OCD": an efficacy claim about a drug; not "have no effect
    # on blood pressure", a claim of no change in an outcome named)
    no_change = negated and _CHANGE.match(predicate) and outcome and not _concept_terms(outcome, ("condition",))[1]
    if assertion == "effect" and not goodness and not direction and drug_pats and conditions and not no_change:
        goodness = 1
    if assertion == "effect" and not goodness and not direction and regexcache.match(r"\s*(is|are|can be|may be)\s+(\w+\s+)?(" + vocab.HARM_ADJECTIVES + r")\b", predicate, _I):
        assertion, goodness = "harm", -1  # "ketamine therapy is addictive": a harm that exists
    if assertion == "effect" and not direction and goodness >= 0 and _BECOME_HARMED.match(predicate):
        assertion, goodness = "harm", -1  # "patients can become addicted to it": a harm that exists
    mechanisms: list[tuple[str, int]] = []
    for found in vocab.find_concepts(clean):
        if found.concept.group == "mechanism":
            d, how = rd.target_direction(clean, found.concept, denials=False)
            if d:
                mechanisms.append((found.concept.id, d))
                if how and _WITHOUT_ACTION.search(clean[: clean.find(how)]) and not negated:
                    negated = True  # "works without blocking NMDA receptors": the action denied
    if mechanisms:
        assertion = "mechanism"
        # a claim of what the drug does to a receptor is answered by what a sentence says of the
        # targets (stance.read_sentence), not by a change in anything else: "works by activating
        # NMDA receptors" is no claim that it works, "blocks NMDA receptors" none of which way
        # symptoms go (a claim that it raises an amount, "increases BDNF levels", is read as any)
        if re.fullmatch(f"(?:{vocab.ACTIVATE_WORDS}|{vocab.BLOCK_WORDS})", cue or "", _I) or regexcache.match(r"(?:works?|acts?)\b", cue or "", _I):
            direction = goodness = v = 0
    # time frames are read in the predicate: "long-term use harms memory" is not a claim that lasts
    lasting = fading = None
    # (with the adverbs before the verb: "permanently cures depression")
    adverbs = regexcache.search(r"(?:\s+\w+ly)+\s*$", clean[:subject_end])
    timing = (adverbs.group(0) if adverbs else "") + predicate
    if _TIME_LEAD.match(clean):
        timing = clean  # "A month later, ketamine still outperforms an SSRI": the time comes first
    m_fade = _FADING.search(timing)
    if m_fade and m_fade.group(0).lower().startswith("resolv") and _concept_terms(timing[max(0, m_fade.start() - 50) : m_fade.start()], ("condition",))[1]:
        m_fade = None  # "for their suicidal thoughts to resolve": the condition ends, no effect fades
    held_for = re.search(vocab.LASTING_FOR_SPAN, regexcache.split(r"\b(?:compared|versus|vs\b|than|relative to|plus|with|after|following)\b", timing, maxsplit=1, flags=_I)[0], _I)
    m_last = _LASTING.search(timing) or held_for
    if m_last and assertion == "safety" and _NO_LASTING_HARM.search(timing):
        m_last = None  # "safe, with no lasting side effects": the harms are said not to last, not the effect
    if m_fade:
        fading = time_days(timing[m_fade.start() :]) or 7.0
        upper = _RANGE_UPPER.search(timing, m_fade.start())
        if upper:
            fading = max(fading, time_days(upper.group(1)) or 0)  # "lasting minutes to hours": up to hours
        if regexcache.search(r"\b(?:a few|several|some)\s+days\b", timing[m_fade.start() :], _I):
            fading = 7.0  # ("only lasts a few days": gone within the week)
    elif m_last:
        t = time_days(timing[m_last.start() :])
        if regexcache.search(r"permanent\w*|for good|forever|lifelong|for life", timing, _I):
            t = PERMANENT_DAYS
        # (a bare "the relief lasts" at the end says it lasts, for a while)
        if t and (t >= 7 or held_for) or regexcache.search(r"permanent|long[- ](lasting|term)|durabl|sustained|for good|forever|\blasting\b|\bstays? (gone|away|down|better|well)\b|\blasts?\W*$", timing, _I):
            lasting = t or 30.0
    onset = bool(_ONSET.search(clean)) and lasting is None and fading is None
    # (not in an aside: "Higher X, when associated with Y, is negatively correlated with Z")
    assoc = rd.association(_ASIDE.sub(",", clean))
    association = 0
    if assoc is None and _NO_ASSOCIATION.search(clean):
        assoc = (1, _NO_ASSOCIATION.search(clean).group(0))  # type: ignore[union-attr]  # "X is unrelated to Y"
    if assoc is not None and (direction or goodness) and _modifier_link(body, cue):
        assoc = None  # "reduces deaths related to heart disease": the link names the outcome, the verb is the claim
    if assoc is not None:
        association = assoc[0]
        assertion = "association"
        cue = assoc[1]
    # the outcome is the verb's object, up to the first phrase of setting or manner ("in normal
    # pregnancy", "by degrading beta-catenin"); "misuse is on the rise": the subject is the outcome
    after_verb = body[len(verb.group(0)) :] if verb is not None and body.startswith(verb.group(0)) else regexcache.sub(r"^\W*\w+\s*", "", body)
    # "does not raise blood pressure" ("doesn't actually reduce suicidal thinking": the verb after its adverb)
    after_verb = regexcache.sub(r"^\s*(?:not|never)\s+(?:(?:" + _VERB_ADVERBS + r")\s+)?[a-z]+\s+", "", after_verb, flags=_I)
    effect_on = regexcache.match(r"\s*(?:" + vocab.EFFECT_ON + r")", (verb.group(0) if verb is not None else "") + after_verb, _I)
    if effect_on:  # "has no significant effect on itch": the outcome is itch
        after_verb = ((verb.group(0) if verb is not None else "") + after_verb)[effect_on.end() :]
    linked = _LINKED.search(after_verb) if association else None
    if linked:
        # "is associated with a lower risk of dementia": the outcome follows, after its direction
        after_verb = regexcache.sub(r"^(?:an?\s+)?(?:(?:" + vocab.UP_TERMS + "|" + vocab.DOWN_TERMS + r")\s+)?", "", after_verb[linked.end() :], flags=_I)
    obj = _SETTING.split(" " + after_verb.strip(), maxsplit=1)[0]
    treats = _TREATMENT_FOR.match(after_verb)
    if treats:
        obj = f"{obj} {_SETTING.split(' ' + treats.group(1), maxsplit=1)[0]}"  # "an effective treatment for chronic headache": the headache
    if outcome is None and (changed := _AMOUNT_OF_CHANGE.match(obj.strip())):
        outcome = changed.group(1)  # "causes less memory loss than ECT": the outcome is the loss (of no known valence)
    outcome_stems = rd.content_stems(outcome or "") | rd.content_stems(obj)
    # what a result may call the outcome without defining it: its initials ("systolic blood pressure" -> SBP)
    outcome_stems |= {rd.stem(a) for a in _initials(obj)}
    if "/" in obj:  # "pregnancy-induced hypertension / pre-eclampsia": PIH, PE
        outcome_stems |= {rd.stem(a) for part in obj.split("/") for a in _initials(part)}
    likely = _MORE_LIKELY.match(predicate)
    if likely:
        # "are more likely to develop asthma": the outcome is what they are more likely to do or get
        outcome_stems = rd.content_stems(_SETTING.split(" " + likely.group(1), maxsplit=1)[0]) or rd.content_stems(likely.group(1))
    elif regexcache.match(r"\s*(is|are|was|were|has been|have been)\s+(\w+ly\s+)?(" + vocab.UP_TERMS + "|" + vocab.DOWN_TERMS + r"|on the rise)\b", predicate, _I):
        outcome_stems = rd.content_stems(subject)
        exposure = regexcache.search(r"\b(?:after|with|in|among|following|for|during)\s+(.+?)\s+than\b", predicate, _I)
        if exposure:  # "... is higher after miscarriage than (after) live birth": the exposure is the arm
            inter_pats = _phrase_terms(exposure.group(1), exclude=comparator_text or "")
    elif not rd.content_stems(obj) or not outcome and regexcache.match(r"\s*(is|are|was|were|has been|have been)\b", predicate, _I):
        outcome_stems |= rd.content_stems(subject)  # "the effects wear off within hours": an intransitive verb
    return ClaimFrame(
        text=text,
        assertion=assertion,
        intervention=tuple(inter_pats),
        intervention_text=subject.strip() or None,
        comparator=tuple(comp_pats),
        comparator_text=comparator_text,
        conditions=tuple(conditions),
        routes=tuple(_concept_terms(subject, ("route",))[1]) if not comp_pats or not route_pats else (),
        populations=populations,
        outcome=outcome,
        outcome_stems=outcome_stems,
        valence=v,
        direction=direction,
        goodness=goodness,
        harm=harm,
        negated=negated,
        hedged=hedged,
        mechanisms=tuple(mechanisms),
        lasting_days=lasting,
        fading_days=fading,
        onset=onset,
        stems=rd.content_stems(clean),
        cue=cue,
        association=association,
        hard_outcome=bool(regexcache.search(vocab.HARD_OUTCOMES, obj if obj.strip() else predicate, _I)),  # (not the setting: "in acute stroke")
        dependency=_dependency(clean),
        prevention=bool(regexcache.search(vocab.PREVENTION_CLAIM, predicate, _I)),
        verb=_verb_stem(verb.group(0)) if verb is not None else None,
        outcome_classes=rd.outcome_classes(predicate),
        any_change=not direction and not goodness and not association and bool(_CHANGE.match(predicate)),
        moderator=None if negated else moderation(clean),
    )
