"""The concept vocabulary of the claim checker, as readable data.

Each concept belongs to one *group* (intervention, route, condition, ...).  A
claim's query ANDs the groups it mentions and ORs the concepts within a group.
A concept carries:

- ``detect``: regular expressions (case-insensitive) that find it in article text;
- ``mesh``: MeSH headings used in the query (``"Ketamine"[MeSH]``);
- ``tiab``: title/abstract synonyms used in the query and to find the concept in
  abstracts (``ketamine[tiab]``);
- ``supersedes``: concepts a more specific match replaces ("treatment-resistant
  depression" is not also "depression").

To extend the checker to another domain, add concepts here; nothing else
needs to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

# Query groups in the order they are kept when a query is relaxed: the first
# groups survive longest.  "fallback" holds title/abstract words for content
# the vocabulary does not know.
GROUPS: list[str] = [
    "intervention",
    "condition",
    "mechanism",
    "outcome",
    "population",
    "route",
    "comparator",
    "setting",
    "fallback",
]


@dataclass(frozen=True)
class Concept:
    id: str
    group: str
    label: str
    detect: tuple[str, ...]
    mesh: tuple[str, ...] = ()
    tiab: tuple[str, ...] = ()
    supersedes: tuple[str, ...] = ()
    weak: bool = False  # too generic to narrow a query ("benefits", "effective")
    extra: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


def _c(
    id: str,
    group: str,
    label: str,
    detect: list[str],
    mesh: list[str] | None = None,
    tiab: list[str] | None = None,
    supersedes: list[str] | None = None,
    weak: bool = False,
) -> Concept:
    return Concept(
        id=id,
        group=group,
        label=label,
        detect=tuple(detect),
        mesh=tuple(mesh or ()),
        tiab=tuple(tiab or ()),
        supersedes=tuple(supersedes or ()),
        weak=weak,
    )


CONCEPTS: list[Concept] = [
    # --- interventions -------------------------------------------------------------
    _c("ketamine", "intervention", "ketamine", [r"\bketamine\b"], ["Ketamine"], ["ketamine"]),
    _c(
        "esketamine", "intervention", "esketamine",
        [r"\besketamine\b", r"\bspravato\b", r"\bs-ketamine\b"],
        [], ["esketamine", "Spravato"],
    ),
    _c(
        "arketamine", "intervention", "arketamine",
        [r"\barketamine\b", r"\br-ketamine\b"], [], ["arketamine", "R-ketamine"],
    ),
    _c(
        "racemic", "intervention", "racemic ketamine",
        [r"\bracemic\b"], ["Ketamine"], ["racemic ketamine"], ["ketamine"],
    ),
    # --- routes ----------------------------------------------------------------------
    _c(
        "iv", "route", "intravenous infusion",
        [r"\bintravenous\b", r"\binfusions?\b", r"\bi\.v\.", r"\bIV\b"],
        ["Infusions, Intravenous"], ["intravenous", "infusion"],
    ),
    _c(
        "intranasal", "route", "intranasal",
        [r"\bintra-?nasal\b", r"\bnasal spray\b"],
        ["Administration, Intranasal"], ["intranasal", "nasal spray"],
    ),
    _c("oral", "route", "oral", [r"\boral(ly)?\b"], ["Administration, Oral"], ["oral"]),
    _c(
        "sublingual", "route", "sublingual",
        [r"\bsublingual\b", r"\blozenges?\b"], ["Administration, Sublingual"], ["sublingual"],
    ),
    _c(
        "intramuscular", "route", "intramuscular",
        [r"\bintra-?muscular\b", r"\bIM injection"], ["Injections, Intramuscular"],
        ["intramuscular"],
    ),
    # --- conditions ------------------------------------------------------------------
    _c(
        "ocd", "condition", "obsessive-compulsive disorder",
        [r"\bobsessive[- ]compulsive\b", r"\bOCD\b"],
        ["Obsessive-Compulsive Disorder"], ["obsessive-compulsive", "OCD"],
    ),
    _c(
        "trd", "condition", "treatment-resistant depression",
        [r"\btreatment[- ](resistant|refractory) depress", r"\bTRD\b"],
        ["Depressive Disorder, Treatment-Resistant"],
        ["treatment-resistant depression", "TRD"],
        ["depression", "resistance"],
    ),
    _c(
        "depression", "condition", "major depression",
        [r"\bdepress(ion|ive|ed)\b", r"\bMDD\b", r"\bdespair\b"],
        ["Depressive Disorder, Major", "Depression"], ["depression", "depressive"],
    ),
    _c(
        "bipolar", "condition", "bipolar depression",
        [r"\bbipolar\b"], ["Bipolar Disorder"], ["bipolar"], ["depression", "mood"],
    ),
    _c(
        "mood", "condition", "mood disorders",
        [r"\bmood disorders?\b"], ["Mood Disorders"], ["mood disorder", "mood disorders"],
    ),
    _c(
        "ptsd", "condition", "post-traumatic stress disorder",
        [r"\bpost-?traumatic stress\b", r"\bPTSD\b"],
        ["Stress Disorders, Post-Traumatic"], ["PTSD", "posttraumatic", "post-traumatic"],
    ),
    _c(
        "gad", "condition", "anxiety disorders",
        [r"\bgenerali[sz]ed anxiety\b", r"\bGAD\b", r"\banxiety\b"],
        ["Anxiety Disorders"], ["anxiety"],
    ),
    _c(
        "social_anxiety", "condition", "social anxiety disorder",
        [r"\bsocial anxiety\b", r"\bsocial phobia\b"],
        ["Phobia, Social"], ["social anxiety"], ["gad"],
    ),
    _c(
        "suicidal", "condition", "suicidal ideation",
        [r"\bsuicid(al|ality|e)\b"], ["Suicidal Ideation"], ["suicidal", "suicidality"],
    ),
    # --- populations -----------------------------------------------------------------
    _c(
        "resistance", "population", "treatment-resistant patients",
        [
            r"\btreatment[- ](resistant|resistance|refractory)\b",
            r"\bdo not respond to (standard|conventional|other)\b",
            r"\bfailed to (achieve|respond)\b.*\b(medication|treatment|trials?)\b",
            r"\bnon-?responders?\b",
        ],
        [], ["treatment-resistant", "treatment resistant", "refractory"],
    ),
    _c(
        "adolescents", "population", "adolescents",
        [r"\badolescen(ts?|ce)\b", r"\bteen(ager)?s\b"], ["Adolescent"], ["adolescent", "adolescents"],
    ),
    _c(
        "older", "population", "older adults",
        [r"\bolder adults\b", r"\belderly\b", r"\bgeriatric\b"], ["Aged"], ["older adults", "elderly"],
    ),
    # --- mechanisms ------------------------------------------------------------------
    _c(
        "nmda", "mechanism", "NMDA receptor",
        [r"\bNMDA\b", r"\bN-methyl-D-aspartate\b"],
        ["Receptors, N-Methyl-D-Aspartate"], ["NMDA", "N-methyl-D-aspartate"],
    ),
    _c(
        "glutamate", "mechanism", "glutamate",
        [r"\bglutamat(e|ergic)\b"], ["Glutamic Acid"], ["glutamate", "glutamatergic"],
    ),
    _c(
        "bdnf", "mechanism", "BDNF",
        [r"\bBDNF\b", r"\bbrain-derived neurotrophic factor\b"],
        ["Brain-Derived Neurotrophic Factor"], ["BDNF", "brain-derived neurotrophic factor"],
    ),
    _c(
        "mtor", "mechanism", "mTOR",
        [r"\bmTOR\b", r"\bmammalian target of rapamycin\b"],
        ["TOR Serine-Threonine Kinases"], ["mTOR"],
    ),
    _c(
        "synaptogenesis", "mechanism", "synaptogenesis",
        [r"\bsynaptogenesis\b", r"\bsynapse formation\b", r"\bnew (neural )?connections\b",
         r"\bneural pathways?\b", r"\bneural circuits?\b"],
        [], ["synaptogenesis", "synaptic", "spine density"],
    ),
    _c(
        "plasticity", "mechanism", "neuroplasticity",
        [r"\bneuroplasticity\b", r"\b(brain|neural|synaptic|neuronal) plasticity\b"],
        ["Neuronal Plasticity"], ["neuroplasticity", "plasticity"],
    ),
    # --- outcomes --------------------------------------------------------------------
    _c(
        "rapid", "outcome", "rapid onset",
        [r"\bfast(-acting)?\b", r"\brapid(ly)?\b", r"\bquick(ly)?\b", r"\bimmediate(ly)?\b",
         r"\bwithin (hours|a day|24 hours)\b", r"\b(at|within|after) \d+ ?(hours?|h)\b", r"\bonset\b"],
        [], ["rapid", "rapid-acting", "within 24 hours", "onset"],
    ),
    _c(
        "response", "outcome", "response",
        [r"\bimprovements?\b", r"\bbenefits?\b", r"\brelief\b", r"\beffective(ness)?\b",
         r"\bresponse\b", r"\befficacy\b", r"\bbetter results\b"],
        [], ["response", "efficacy", "improvement", "effective"], weak=True,
    ),
    _c(
        "remission", "outcome", "remission",
        [r"\bremission\b", r"\bremit\b", r"\bsymptom-free\b"], ["Remission Induction"], ["remission"],
    ),
    _c(
        "relapse", "outcome", "relapse",
        [r"\brelapses?\b", r"\brecurr(ence|ing)\b"], ["Recurrence"], ["relapse", "recurrence"],
    ),
    _c(
        "durability", "outcome", "durability",
        [r"\blong-?term\b", r"\blasting\b", r"\bsustained\b", r"\bpermanent(ly)?\b", r"\bdurab(le|ility)\b",
         r"\bmaintenance\b"],
        [], ["long-term", "sustained", "maintenance", "durability"],
    ),
    _c(
        "safety", "outcome", "safety",
        [r"\bsafe(ly|ty)?\b", r"\bside effects?\b", r"\badverse\b", r"\btolerab(le|ility)\b"],
        ["Drug-Related Side Effects and Adverse Reactions"],
        ["safety", "adverse events", "tolerability"],
    ),
    _c(
        "abuse", "outcome", "abuse and misuse",
        [r"\babuse\b", r"\bmisuse\b", r"\baddict(ion|ive)\b", r"\bdependence\b"],
        ["Substance-Related Disorders"], ["abuse", "misuse", "dependence"],
    ),
    # --- comparators -----------------------------------------------------------------
    _c("placebo", "comparator", "placebo", [r"\bplacebo\b"], ["Placebos"], ["placebo"]),
    _c("midazolam", "comparator", "midazolam", [r"\bmidazolam\b"], ["Midazolam"], ["midazolam"]),
    _c(
        "ect", "comparator", "electroconvulsive therapy",
        [r"\bECT\b", r"\belectroconvulsive\b"], ["Electroconvulsive Therapy"],
        ["electroconvulsive", "ECT"],
    ),
    _c(
        "ssri", "comparator", "SSRIs and standard antidepressants",
        [r"\bSSRIs?\b", r"\bserotonin reuptake inhibitors?\b", r"\btraditional antidepressants\b"],
        [], ["SSRI", "SSRIs", "serotonin reuptake inhibitor"],
    ),
    # --- settings --------------------------------------------------------------------
    _c(
        "clinic", "setting", "clinic-based",
        [r"\bclinic-based\b", r"\bin-clinic\b", r"\boutpatient\b"],
        ["Ambulatory Care"], ["clinic", "outpatient"],
    ),
    _c(
        "home", "setting", "at-home",
        [r"\bat-?home\b", r"\bhome-based\b", r"\bat home\b"],
        [], ["at-home", "home-based", "home"],
    ),
    _c(
        "telehealth", "setting", "telehealth",
        [r"\btele(health|medicine|psychiatry)\b", r"\bdigital platforms?\b", r"\bremote(ly)?\b"],
        ["Telemedicine"], ["telehealth", "telemedicine", "remote"],
    ),
    _c(
        "psychotherapy", "setting", "with psychotherapy",
        [r"\bpsychotherap(y|ies|eutic)\b", r"\bcognitive[- ]behaviou?ral\b", r"\bketamine-assisted\b"],
        ["Psychotherapy"], ["psychotherapy", "ketamine-assisted"],
    ),
]

CONCEPTS_BY_ID: dict[str, Concept] = {c.id: c for c in CONCEPTS}

# --- direction words (for reversed-fact detection) ------------------------------------
# A claim that a drug *activates* a target while the literature says it *blocks* it.
ACTIVATE_WORDS = r"(activat\w*|stimulat\w*|agonis\w*|enhanc\w* (the )?activity of|potentiat\w*)"
BLOCK_WORDS = r"(antagonis\w*|antagoniz\w*|block\w*|blockade|inhibit\w*|blocker\w*|suppress\w*)"

# --- stance words (evidence.py decides a stance per clause with these) -----------------
# A result is read as "goodness": a fall in something bad or a rise in something good is
# good (+1); the reverse is bad (-1).  The claim is read the same way, so "increased PTSD
# symptom severity" contradicts "ketamine reduces PTSD symptoms".
# Outcomes that are bad when they rise (symptom scales, risks, harms).
BAD_OUTCOMES = (
    r"(symptoms?|severity|scores?|ideation|suicid\w*|depress\w*|anxiety|risks?|relapses?|recurrences?|"
    r"mania|manic|psychos[ie]s|psychotic|adverse|side[- ]effects?|dissociat\w*|cravings?|pain|distress|"
    r"obsess\w*|compuls\w*|PTSD|OCD|MADRS|HAM-?D|HDRS|Y-?BOCS|CAPS|QIDS|BDI|mortality|abuse|misuse|"
    r"dependence|addict\w*|attempts|hospitali[sz]ations?|rumination|anhedonia|hopelessness|burden|"
    r"intrusive|toxicity|cystitis|blood pressure|hypertension)"
)
# Outcomes and targets that are good (or simply claimed) when they rise.
GOOD_OUTCOMES = (
    r"(remission|response|responders?|quality of life|functioning|well-?being|BDNF|synaptogenesis|"
    r"synap\w+|plasticity|spine density|spines|mTOR|connectivity|neurogenesis|cognition|recovery|"
    r"resilience|glutamate|efficacy|improvement)"
)
UP_WORDS = (
    r"(increas\w*|elevat\w*|rais(e|es|ed|ing)|higher|greater|enhanc\w*|promot\w*|boost\w*|augment\w*|"
    r"rise|rose|upregulat\w*|restor\w*)"
)
DOWN_WORDS = (
    r"(reduc\w*|decreas\w*|lower(s|ed|ing)?|diminish\w*|alleviat\w*|attenuat\w*|ameliorat\w*|fewer|"
    r"declin\w*|dropped|fell|eliminat\w*|prevent(s|ed)?|lessen\w*|downregulat\w*|eas(e|es|ed))"
)
# Words that are good or bad whatever they refer to.
GOOD_RESULT_WORDS = (
    r"(improv\w*|effective(ness)?|efficac(y|ious)|superior to|beneficial|benefit(s|ed)? from|better|"
    r"relief|antidepressant (effects?|efficacy|response)|rapid(ly)?\b[^.;]{0,40}\b(antidepressant|effect|"
    r"response|onset|relief)|response rates?|remission|responded|remitted|well[- ]tolerated|tolerable|"
    r"safe(ly)?|support(s|ed)? (the|its|a) (use|role|efficacy))"
)
BAD_RESULT_WORDS = (
    r"(worsen\w*|exacerbat\w*|deteriorat\w*|aggravat\w*|inferior to|unsafe|not (\w+ )?safe|"
    r"poorly tolerated|not (\w+ )?tolerated|harmful|dangerous)"
)
# A clause about harms (safety, tolerability, abuse) rather than efficacy.
HARM_TOPIC = (
    r"(adverse|side[- ]effects?|dissociat\w*|abuse|misuse|dependence|addict\w*|toxicity|psychotomimetic|"
    r"withdrawal|safe(ty|ly)?|unsafe|tolerat\w*|tolerab\w*|mania|manic|psychos[ie]s|cystitis|"
    r"blood pressure|hypertension|heart rate|vital signs|harm(s|ful)?|dangerous)"
)
# Harm words that, preceded by one of these, make a claim about safety, not harm:
# "few side effects", "low risk of abuse", "without causing addiction".
HARM_MINIMIZERS = r"(few|fewer|minimal|low|lower|rare|rarely|mild|limited|no|without|free of|reduc\w*|less)"
# Phrases that describe who was studied, not a result: "patients who failed to respond
# to two antidepressants", "non-responders", "treatment-resistant".
POPULATION_PHRASES = (
    r"\b(who|that)\s+(had\s+|have\s+)?(previously\s+)?(not|never|failed to|did not|didn't|do not|don't)\s+"
    r"(previously\s+)?(respond\w*|benefit\w*|improv\w*|achiev\w*|tolerat\w*)"
    r"(\s+(adequately|sufficiently))?(\s+(to|from|with)\s+(at least\s+)?([\w-]+\s+){0,3}?"
    r"(antidepressants?|treatments?|medications?|therap(y|ies)|trials?|SSRIs?|ECT|agents|drugs|courses|"
    r"interventions|remission))?"
    r"|\b(failed|failing|failure)\s+(to\s+respond\s+to\s+)?(at least\s+)?([\w-]+\s+){0,3}?"
    r"(antidepressants?|treatments?|medications?|therap(y|ies)|trials?|SSRIs?|agents|drugs|courses)\b"
    r"|\b(failed|failing|failure)\s+to\s+respond\b"
    r"|\b(inadequate|insufficient|partial|non-?)\s*respon(se|ders?)\b"
    r"|\btreatment[- ](resistant|resistance|refractory)\b"
)
# A claim that denies something: "ketamine does not cause addiction", "is not effective".
CLAIM_NEGATION = (
    r"\b(does|do|did|is|are|was|were|has|have|had|can|could|may|might|should)\s+not\b"
    r"|\b(doesn't|don't|didn't|isn't|aren't|wasn't|weren't|hasn't|haven't|cannot|can't)\b"
    r"|\bnever\b|\bfails? to\b|\bineffective\b"
)

# --- overstatement -------------------------------------------------------------------
# Absolutes no abstract can support; flagged whatever the verdict.
ABSOLUTE_TERMS: list[str] = [
    r"permanent(ly)?",
    r"cures?",
    r"cured",
    r"every patient",
    r"all patients",
    r"always",
    r"never fails?",
    r"guarantee[sd]?",
    r"prove[sn]?",
    r"immediate(ly)?",
    r"100 ?%",
    r"forever",
    r"completely eliminat\w+",
]
# Hype and degree words: flagged unless the claim is supported.
HYPE_TERMS: list[str] = [
    r"the majority",
    r"most patients",
    r"leading treatment",
    r"revolution(ized|ised|izing|ary)",
    r"transform(s|ed|ing|ative)?",
    r"exceptional",
    r"breakthrough",
    r"miracle",
    r"life-changing",
    r"dramatic(ally)?",
]

# --- extraction ----------------------------------------------------------------------
# Lines that are page furniture (comment widgets, share bars, subscriptions).
FURNITURE_PATTERNS: list[str] = [
    r"^\d+\s*(comments?|votes?|shares?|likes?|replies)\b",
    r"^\d+(\s+\d+)*\s*(votes?)?$",
    r"\b(article rating|inline feedbacks?|view all comments|notify of|leave a (reply|comment))\b",
    r"^(subscribe|guest|share|tweet|pin it|reply|login|log in|sign in|sign up|menu|search|x|\(\)|)$",
    r"\bplease comment\b",
    r"\b(share (this|on)|follow us|newsletter|cookie|all rights reserved|privacy policy|terms of (use|service))\b",
    r"^(posted|published|updated) (on|by)\b",
    r"^(previous|next) (post|article)\b",
    r"\bread more\b",
    r"©",
]
# Calls to action and promotion: not claims.
PROMOTION_PATTERNS: list[str] = [
    r"\b(contact|call|email|visit) us\b",
    r"\b(book|schedule|request) (a|an|your) (consultation|appointment|session|call|visit)\b",
    r"\bclinics? like\b",
    r"\b(our|we|us)\b",
    r"\bwho want to learn\b",
    r"\bshould (discover|learn|contact|call|visit|consider|ask|explore|reach out)\b",
    r"\b(learn|find out) more\b",
    r"\bstarts? (here|today|now)\b",
    r"\bget started\b",
    r"\bsign up\b",
    r"\bdon'?t wait\b",
]
# Words that show a sentence is about health care at all (else it is not a claim).
CLAIM_CUES = (
    r"\b(patients?|treatments?|therap(y|ies)|brain|symptoms?|research|stud(y|ies)|evidence|"
    r"trials?|clinical|medication|drug|dose|disorders?|conditions?|psychiatr\w*|recovery|"
    r"neural|neuro\w+)\b"
)
# Verbs that make a three-word sentence a claim: "Ketamine cures depression.",
# "Esketamine prevents suicide." (subject concept, claim verb, object concept).
# Shorter sentences than that are never claims; longer ones need no verb list.
CLAIM_VERBS = (
    r"(cur(es|ed)|treat(s|ed)|prevent(s|ed)|reduc(es|ed)|relieve[sd]|improve[sd]|reverse[sd]|"
    r"eliminate[sd]|heal(s|ed)|fix(es|ed)|end(s|ed)|stop(s|ped)|beat(s)?|outperform(s|ed)|"
    r"alleviate[sd]|lessen(s|ed)|ease[sd]|boost(s|ed)|restore[sd]|rewire[sd]|cause[sd]|"
    r"trigger(s|ed)|induce[sd]|increase[sd]|decrease[sd]|worsen(s|ed)|"
    + ACTIVATE_WORDS + "|" + BLOCK_WORDS + ")"
)

# A definite reference to "the treatment" lets a claim inherit the article's main
# intervention ("The treatment method enables patients to ...").
TREATMENT_REFERENCE = (
    r"\b(the|this|these|its|such)\s+(\w+[- ])?(treatment|therapy|treatments|therapies|method|"
    r"approach|sessions?|formulations?|delivery methods)\b|\b(onset|sessions?|course) of treatment\b"
)

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that never make a useful fallback search term.
GENERIC_WORDS: frozenset[str] = _words(
    """
    a about above across after again against all almost also although always among an and any are
    as at be because been before being below between both but by can cannot could did do does
    doing down during each either enable enables enabled enabling even ever every few for from
    further had has have having he her here hers him his how however i if in into is it its itself
    just least less like made main make makes making many may more most much must my new no nor not
    now of off often on once one only or other others our out over own people person persons
    per provide provides provided providing rather same several she should since so some such than that the
    their them then there these they this those through thus to too toward towards under until up
    upon very via was we were what when where whether which while who whom whose why will with
    within without would yet you your patients patient treatment treatments therapy therapies
    approach approaches method methods medical medicine health mental care based process
    field development developments result results benefit benefits help helps use used using
    condition conditions disorder disorders various multiple two three first second initial
    increase increased increasing growing future today current contemporary traditional standard
    standards effective effectiveness better best good great significant significantly
    scientific science evidence evidence-based research researchers study studies clinical
    practice practices practitioners staff professionals providers healthcare system systems
    options option ability abilities way ways change changes changing life lives level levels
    period periods year years time times experience experiences experienced achieve achieving
    achieved meaningful important major primary actual real complete well within since last
    decades decade understanding understand understands focus focuses innovative innovation
    methods delivery brain brains treat treated treating attempt attempts trial trials
    medication medications term people's becomes become becoming allow allows offer offers
    receive receives receiving create creates creating deliver delivers maintain maintains
    continue continues require requires requirement requirements ketamine symptom symptoms
    exist exists represent represents form forms contributes contributed majority session
    sessions facilities facility continuous comfort minimal protocols protocol availability
    """
)


@dataclass(frozen=True)
class Match:
    concept: Concept
    text: str  # the words that matched, as written in the article
    start: int
    inherited: bool = False


# Acronyms are matched case-sensitively: "IV", "GAD", "ECT", "TRD", "OCD", "MDD".
_CASE_SENSITIVE = re.compile(r"^\\b[A-Z]{2,5}\\b$")


@cache
def _case_sensitive_detector(concept_id: str) -> re.Pattern[str] | None:
    concept = CONCEPTS_BY_ID[concept_id]
    acronyms = [p for p in concept.detect if _CASE_SENSITIVE.match(p)]
    return re.compile("|".join(acronyms)) if acronyms else None


def find_concepts(text: str) -> list[Match]:
    """All vocabulary concepts mentioned in ``text``, in order of appearance."""
    found: dict[str, Match] = {}
    for concept in CONCEPTS:
        patterns = [p for p in concept.detect if not _CASE_SENSITIVE.match(p)]
        m = re.search("|".join(f"(?:{p})" for p in patterns), text, re.IGNORECASE) if patterns else None
        cs = _case_sensitive_detector(concept.id)
        m2 = cs.search(text) if cs else None
        best = min((x for x in (m, m2) if x), key=lambda x: x.start(), default=None)
        if best:
            found[concept.id] = Match(concept, best.group(0), best.start())
    superseded = {s for m in found.values() for s in m.concept.supersedes}
    matches = [m for cid, m in found.items() if cid not in superseded]
    return sorted(matches, key=lambda m: m.start)


def concept_regex(concept: Concept) -> re.Pattern[str]:
    """A pattern that finds the concept in an abstract (detect patterns + tiab synonyms)."""
    parts = [f"(?:{p})" for p in concept.detect if not _CASE_SENSITIVE.match(p)]
    parts += [r"\b" + re.escape(t) + r"\b" for t in concept.tiab if not t.isupper()]
    return re.compile("|".join(parts), re.IGNORECASE)


def acronym_regex(concept: Concept) -> re.Pattern[str] | None:
    acronyms = [p for p in concept.detect if _CASE_SENSITIVE.match(p)]
    acronyms += [r"\b" + re.escape(t) + r"\b" for t in concept.tiab if t.isupper()]
    return re.compile("|".join(acronyms)) if acronyms else None


def mentions(concept: Concept, text: str) -> bool:
    """Does ``text`` (e.g. an abstract sentence) mention the concept?"""
    if concept_regex(concept).search(text):
        return True
    acr = acronym_regex(concept)
    return bool(acr and acr.search(text))
