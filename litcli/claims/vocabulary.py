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
from functools import cache, lru_cache

from litcli.claims import regexcache
from litcli.claims.prefilter import PatternSet, Prefiltered, prefiltered

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
    form_of: str | None = None  # a named form of another drug: evidence about it speaks to claims about that drug
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
    form_of: str | None = None,
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
        form_of=form_of,
    )


CONCEPTS: list[Concept] = [
    # --- interventions -------------------------------------------------------------
    _c("ketamine", "intervention", "ketamine", [r"\bketamine\b"], ["Ketamine"], ["ketamine"]),
    _c(
        "esketamine", "intervention", "esketamine",
        [r"\besketamine\b", r"\bspravato\b", r"\bs-ketamine\b"],
        [], ["esketamine", "Spravato"], form_of="ketamine",
    ),
    _c(
        "arketamine", "intervention", "arketamine",
        [r"\barketamine\b", r"\br-ketamine\b"], [], ["arketamine", "R-ketamine"], form_of="ketamine",
    ),
    _c(
        "racemic", "intervention", "racemic ketamine",
        [r"\bracemic\b"], ["Ketamine"], ["racemic ketamine"], ["ketamine"],
    ),
    # other rapid-acting and psychedelic treatments that articles about ketamine compare it with
    _c("psilocybin", "intervention", "psilocybin", [r"\bpsilocybin\b"], ["Psilocybin"], ["psilocybin"]),
    _c("mdma", "intervention", "MDMA", [r"\bMDMA\b", r"\bmethylenedioxymethamphetamine\b"], ["N-Methyl-3,4-methylenedioxyamphetamine"], ["MDMA"]),
    _c("lsd", "intervention", "LSD", [r"\bLSD\b", r"\blysergic acid diethylamide\b"], ["Lysergic Acid Diethylamide"], ["LSD"]),
    _c("ayahuasca", "intervention", "ayahuasca", [r"\bayahuasca\b", r"\bDMT\b", r"\bdimethyltryptamine\b"], ["Banisteriopsis"], ["ayahuasca"]),
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
    _c("oral", "route", "oral", [r"\boral(ly)?\b", r"\bby mouth\b", r"\b(tablets?|capsules?|pills?)\b"], ["Administration, Oral"], ["oral"]),
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
        [r"\bobsessive[- ]compulsive\b", r"\bOCD\b", r"\bY-?BOCS\b"],
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
        # (not the MADRS suicidal thoughts item, "MADRS item 10", "MADRS-SI": a measure of suicidal ideation)
        [r"\bdepress(ion|ive|ed)\b", r"\bMDD\b", r"\bdespair\b", r"\b(MADRS(?!-SI|\s+item\s+10|\s+suicid)|HAM-?D(-?17)?|HDRS|HAMD|BDI(-II)?|PHQ-?9|QIDS(-SR)?)\b"],
        ["Depressive Disorder, Major", "Depression"], ["depression", "depressive"],
    ),
    _c(
        "bipolar", "condition", "bipolar depression",
        [r"\bbipolar\b"], ["Bipolar Disorder"], ["bipolar"], ["depression", "mood"],
    ),
    _c(
        "unipolar", "condition", "unipolar depression",
        [r"\bunipolar\b"], ["Depressive Disorder, Major"], ["unipolar"], ["depression"],
    ),
    _c(
        "mood", "condition", "mood disorders",
        [r"\bmood disorders?\b"], ["Mood Disorders"], ["mood disorder", "mood disorders"],
    ),
    _c(
        "ptsd", "condition", "post-traumatic stress disorder",
        [r"\bpost-?traumatic stress\b", r"\bPTSD\b", r"\b(CAPS(-5)?|PCL(-5|-M|-C)?)\b"],
        ["Stress Disorders, Post-Traumatic"], ["PTSD", "posttraumatic", "post-traumatic"],
    ),
    _c(
        "generalized_anxiety", "condition", "generalized anxiety disorder",
        [r"\bgenerali[sz]ed anxiety\b", r"\bGAD\b(?!-?7)"],
        ["Anxiety Disorders"], ["generalized anxiety"], ["gad"],
    ),
    _c(
        "gad", "condition", "anxiety disorders",
        [r"\banxiety\b", r"\b(HAM-?A|HAMA|GAD-?7)\b"],
        ["Anxiety Disorders"], ["anxiety"],
    ),
    _c(
        "social_anxiety", "condition", "social anxiety disorder",
        [r"\bsocial anxiety\b", r"\bsocial phobia\b"],
        ["Phobia, Social"], ["social anxiety"], ["gad"],
    ),
    _c(
        "suicidal", "condition", "suicidal ideation",
        [r"\bsuicid(al|ality|es?)\b", r"\b(SSI|MSSI|C-SSRS|BSSI|BSS|MADRS-SI|MADRS\s+item\s+10)\b"], ["Suicidal Ideation"], ["suicidal", "suicidality"],
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
        "opioid", "mechanism", "opioid receptors",
        [r"\bopioid receptors?\b", r"\bmu-?opioid\b", r"\bopioid system\b"],
        ["Receptors, Opioid"], ["opioid receptor", "mu-opioid"],
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
        [r"\babuse\b", r"\bmisuse\b", r"\baddict(ion|ive|ed)\b", r"\bdependence\b", r"\b(?:substance|drug|ketamine) use disorders?\b", r"\bdrug[- ]seeking\b"],
        ["Substance-Related Disorders"], ["abuse", "misuse", "dependence"],
    ),
    # --- comparators -----------------------------------------------------------------
    _c("placebo", "comparator", "placebo", [r"\bplacebo\b", r"\b(sugar|dummy|inert) pills?\b"], ["Placebos"], ["placebo"]),
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
# Targets that are amounts or signalling (a transmitter, a growth factor, synapses, mTOR): more or
# less of them is their activation or blockade ("a surge of glutamate", "boosting BDNF", "reduced
# spine density", "increased mTOR signalling"; not receptors: "more NMDA receptors" is no agonism)
LEVEL_TARGETS = frozenset({"glutamate", "bdnf", "synaptogenesis", "plasticity", "mtor"})
LEVEL_UP_WORDS = r"(increas\w*|rais\w*|rose|rises?|elevat\w*|boost\w*|surg\w*|upregulat\w*|restor\w*|induc\w*|promot\w*|higher|greater)"
LEVEL_DOWN_WORDS = r"(decreas\w*|reduc\w*|lower\w*|fell|falls?|declin\w*|deplet\w*|downregulat\w*)"
# What a receptor does, measured: more or less of it is the receptor's activation or blockade
# ("reduced NMDA receptor-mediated currents", "NMDA EPSCs were inhibited by X")
RECEPTOR_FUNCTION_WORDS = r"(?:currents?|EPSCs?|EPSPs?|conductances?|responses?|function|activity|transmission|signall?ing)"
# ... and said not to move: "did not alter BDNF", "BDNF levels were unchanged"
TARGET_UNMOVED_WORDS = r"(unchanged|unaltered|unaffected|did not (?:significantly )?(?:change|differ|alter|affect)|(?:no|without any|without a) (?:significant |detectable |measurable )?(?:change|difference|effect|increase|decrease|rise)s?)"

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
    # ("patients who were not vaccinated"; "that" only after people: "a difference that was not
    # statistically significant" is a finding)
    r"\b(who|(patients|people|participants|subjects|adults|children|women|men|individuals|those)\s+that)\s+(are|were|is|was)\s+not\s+[\w-]+"
    # ("in patients who have no heartburn", "people with no history of ...": who they are, not a denial)
    r"|\b(who|that)\s+(have|has|had)\s+no\s+[\w-]+|\b(patients|people|adults|children|women|men|those|individuals)\s+with\s+no\s+[\w-]+"
    r"|\b(who|that|whose\s+[\w-]+(\s+[\w-]+)?)\s+(had\s+|have\s+|has\s+)?(previously\s+)?(not|never|failed to|did not|didn't|do not|don't|does not|doesn't|hasn't|haven't|hadn't|has not|have not|had not|cannot|can't|can not|could not|couldn't|(?:are|were|is|was)\s+unable\s+to)\s+"
    r"(previously\s+)?(respond\w*|benefit\w*|improv\w*|achiev\w*|tolerat\w*|smoked|smoke|drunk|drink|used|been (treated|exposed|vaccinated|infected)|"
    r"ha(ve|s|d)\s+(an?\s+|any\s+)?[\w-]+)"
    r"(\s+(adequately|sufficiently))?(\s+(to|from|with)\s+(at least\s+)?([\w-]+\s+){0,3}?"
    r"(antidepressants?|treatments?|medications?|therap(y|ies)|trials?|SSRIs?|ECT|agents|drugs|courses|"
    r"interventions|remission))?"
    r"|\b(failed|failing|failure)\s+(to\s+respond\s+to\s+)?(at least\s+)?([\w-]+\s+){0,3}?"
    r"(antidepressants?|treatments?|medications?|therap(y|ies)|trials?|SSRIs?|agents|drugs|courses)\b"
    r"|\b(failed|failing|failure)\s+to\s+respond\b"
    r"|\b(inadequate|insufficient|partial|non-?)\s*respon(se|ders?)\b"
    r"|\btreatment[- ](resistant|resistance|refractory)\b"
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
_CASE_SENSITIVE = regexcache.compile(r"^\\b[A-Z]{2,5}\\b$")


@cache
def _case_sensitive_detector(concept_id: str) -> re.Pattern[str] | None:
    concept = CONCEPTS_BY_ID[concept_id]
    acronyms = [p for p in concept.detect if _CASE_SENSITIVE.match(p)]
    return regexcache.compile("|".join(acronyms)) if acronyms else None


@cache
def _detector(concept_id: str) -> Prefiltered | None:
    patterns = [p for p in CONCEPTS_BY_ID[concept_id].detect if not _CASE_SENSITIVE.match(p)]
    return prefiltered("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


def find_concepts(text: str) -> list[Match]:
    """All vocabulary concepts mentioned in ``text``, in order of appearance."""
    return list(_find_concepts(text))


@cache
def _detectors() -> tuple[PatternSet, list[Concept]]:
    """Every concept's detectors (case-blind, then acronyms), in the order of CONCEPTS."""
    patterns: list[re.Pattern[str]] = []
    owners: list[Concept] = []
    for concept in CONCEPTS:
        for detector in (_detector(concept.id), _case_sensitive_detector(concept.id)):
            if detector is not None:
                patterns.append(detector._compiled if isinstance(detector, Prefiltered) else detector)
                owners.append(concept)
    return PatternSet(patterns), owners


@lru_cache(maxsize=16384)
def _find_concepts(text: str) -> tuple[Match, ...]:
    # (the same sentence is looked at by several readers: once is enough)
    found: dict[str, Match] = {}
    detectors, owners = _detectors()
    for i in detectors.candidates(text):  # (only detectors whose words are in the text)
        m = detectors.patterns[i].search(text)
        if m is not None:
            concept = owners[i]
            seen = found.get(concept.id)
            if seen is None or m.start() < seen.start:  # (the earliest of a concept's names)
                found[concept.id] = Match(concept, m.group(0), m.start())
    superseded = {s for m in found.values() for s in m.concept.supersedes}
    matches = [m for cid, m in found.items() if cid not in superseded]
    return tuple(sorted(matches, key=lambda m: m.start))


def concept_regex(concept: Concept) -> re.Pattern[str]:
    """A pattern that finds the concept in an abstract (detect patterns + tiab synonyms)."""
    parts = [f"(?:{p})" for p in concept.detect if not _CASE_SENSITIVE.match(p)]
    parts += [r"\b" + re.escape(t) + r"\b" for t in concept.tiab if not t.isupper()]
    return regexcache.compile("|".join(parts), re.IGNORECASE)


def acronym_regex(concept: Concept) -> re.Pattern[str] | None:
    acronyms = [p for p in concept.detect if _CASE_SENSITIVE.match(p)]
    acronyms += [r"\b" + re.escape(t) + r"\b" for t in concept.tiab if t.isupper()]
    return regexcache.compile("|".join(acronyms)) if acronyms else None


def mentions(concept: Concept, text: str) -> bool:
    """Does ``text`` (e.g. an abstract sentence) mention the concept?"""
    if concept_regex(concept).search(text):
        return True
    acr = acronym_regex(concept)
    return bool(acr and acr.search(text))


# === The claim-evidence reader (frame.py, reader.py, stance.py) ==========================
# Every word list the reader uses lives here.  Patterns are case-insensitive regular
# expressions matched on whole words.

# Outcome valence: which way is good.  The first entry that matches an outcome phrase wins,
# so specific phrases ("time to relapse") come before the words inside them ("relapse").
# +1: higher is better; -1: lower is better.
OUTCOME_VALENCE: list[tuple[str, int]] = [
    (r"time to (first |\w+ )?(relapse|recurrence|progression|death|failure|treatment failure|readmission|discontinuation|"
     r"(?:suicide |suicidal )?(?:re-?)?attempts?|suicide|self-harm|overdose|"
     r"(?:moderate(?: or severe)? |severe |acute )?(?:exacerbation|attack|seizure|hospitali[sz]ation|admission|stroke|fracture)s?|"
     r"loss of (?:[\w-]+ )?(?:response|remission|benefit|effect|efficacy|control))|"
     r"time to (?:[\w-]+ ){0,3}?(?:for|of) (?:an? |any )?(?:[\w-]+ )?(?:episodes?|events?|exacerbations?|relapses?)|"
     # ("time to first heavy drinking day", "time to first cocaine use": what the treatment should keep away)
     r"time to (?:the )?first (?:[\w-]+ )?(?:drinking(?: days?)?|drinks?|(?:drug|substance|cannabis|cocaine|opioid|alcohol|heroin|methamphetamine) use|"
     r"cigarettes?|lapses?|falls?|infections?|episodes?)", 1),
    (r"(relapse|recurrence|progression|event|disease|symptom|metastasis|pain|seizure|headache|migraine)[- ]free\b( survival| interval)?|"
     r"(pain|seizure|symptom|headache|migraine) freedom|freedom from|"
     r"\bfree (of|from) (any )?(\w+ )?(relapses?|recurrences?|progression|disease|symptoms?|metastas\w+|pain|seizures?|"
     r"headaches?|migraines?|infections?|events?|episodes?)|"
     r"\b(longer|time|survival|years|months|days)\s+without\s+(any\s+)?(\w+\s+)?(relapses?|recurrences?|progression|symptoms?|"
     r"metastas\w+|pain|seizures?|headaches?|migraines?|infections?|events?|episodes?)", 1),
    # (and the trials' abbreviations of survival and time-to-event outcomes, case-sensitive: "OS", not "os")
    (r"(overall |long-term )?survival|survivors?|alive|(?-i:(?:OS|PFS|DFS|EFS|RFS|MFS|DMFS|iDFS|IDFS|FFS|TTP|TTF|TTR|DoR)\b)", 1),
    (r"(?:time|days|weeks|hours) (?:to|until) (?:\d+(?:\.\d+)?\s*% )?(?:first |complete |symptom |pain |clinical |functional |full |neurological |motor |sensory )?(response|remission|onset|first response|improvement|recovery|relief|resolution|reduction|cure|"
     r"clearance|discharge|extubation|ambulation|"
     r"mobili[sz]ation|(first )?(flatus|defecation|bowel movement|oral intake|feeding)|(wound )?healing|eye opening|"
     r"return of|return to \w+|resumption of|full enteral)", -1),  # sooner is better
    # how many treatments it took to get there ("needed more sessions to remit"): fewer is better
    (r"\b(?:sessions|treatments|infusions|visits|doses|courses|days|weeks|hours)\s+(?:needed\s+|required\s+)?(?:to|until|before)\s+"
     r"(?:reach\s+|achieve\s+|attain\s+)?(?:remit|remission|respond|response|recover|recovery|heal|healing)\b", -1),
    # ... and the same time named after the event ("recovery time", "healing times")
    (r"(?:recovery|healing|resolution|remission|response|extubation|discharge|clearance|cure|onset of (?:action|effect|relief))\s+(?:times?|durations?)\b|"
     r"(?:return|resumption) (?:to \w+(?: \w+)? )?(?:took|times?|durations?)\b", -1),
    # going back to what an illness took away: more is better ("return to work after brain injury")
    (r"(return(s|ed|ing)?|back) to (work|school|sport|play|employment|duty|driving|normal (activit\w*|life|function\w*)|usual activit\w*)", 1),
    # a threshold or tolerance of a symptom: higher is better ("pain perception threshold")
    (r"(pain|urge|discomfort|nausea)( \w+)? (thresholds?|tolerance)", 1),
    (r"synap\w*|dendritic spines?|spine density|neurogenesis|neuroplasticity|plasticity|connectivity|"
     r"BDNF|mTOR", 0),
    (r"length of (hospital |icu |intensive care )?stay|(hospital|icu) stays?|days in hospital", -1),
    (r"sucrose preference|quality of life|(?-i:(?:HR)?QoL|(?:HR)?QOL)|well-?being|life satisfaction|functioning|lung function|physical function|"
     r"functional (status|capacity|ability|independence)|"
     r"cognitive (function|performance)|memory (scores?|performance)|cognition|performance|(?-i:MoCA|MMSE|3MS)\b", 1),
    (r"non-?respon(ders?|se|ding)|non-?remi(ssion|tters?)", -1),
    (r"respon(se|ses|ders?|se rates?)|(?<!\bwho )(?<!\bthat )(?<!\bnot )(?<!\bnever )(?:respond(ed|ing)?|remit(ted|ting)?)(?! to\b)|remission|remitters?|recovery|recovered|recover(?:s|ing)?(?=\s+from\b)|(?:chances?|odds|likelihood|probability) of (?:responding|remitting|recovering)|cure rates?|healing|"
     r"efficacy|effectiveness|improvements?|benefit|relief|adherence|abstinen(?:ce|t)|quit rates?|sensitivity|specificity|remissions|cure|"
     r"(kidney|renal|liver|hepatic|lung|cardiac|heart|beta-cell|cognitive|physical|sexual|immune) function|"
     r"(glyc(a)?emic|blood (sugar|glucose)|blood pressure|asthma|seizure|symptom|disease|viral|pain) control|"
     r"accuracy|mood|pleasure|hedonic|resilience|sleep quality|weight loss|continence", 1),
    # measures of function, capacity and knowledge: higher is better
    (r"FEV1|FEV₁|forced expiratory volume|forced vital capacity|peak (expiratory )?flow|ejection fraction|LVEF|"
     r"cardiac output|stroke volume|exercise capacity|walk(?:ing)? distance|(?-i:6MWD)|VO2 ?max|fitness|(muscle |grip |muscular )?strength|"
     r"(bladder|vital|lung|aerobic|functional|physical|working memory) capacity|range of motion|mobility|motor function|visual acuity|bone (mineral )?density|HDL(-C| cholesterol)?|"
     r"self-esteem|self-efficacy|knowledge|satisfaction|self-care|(physical|mental) component summar(y|ies)", 1),
    # psychosis-like effects are their own outcome, named by their scales' positive items too
    (r"psychos[ie]s|psychotic|psychosis-like|psychotomimetic|positive symptoms?( subscale| scores?)?|hallucinat\w*|"
     r"perceptual disturbances?|delusions?|paranoi\w*|(BPRS|PANSS)[- ]positive", -1),
    # suicidality is its own outcome: depression scores do not answer a claim about suicidal thinking
    (r"suicid\w*|ideation|(SSI|MSSI|BSSI?|C-SSRS|CGI-SS(-R)?)\b", -1),
    (r"symptoms?|severity|symptom scores?|(MADRS|HAM-?[DA]|HDRS|HAMD|HAMA|Y-?BOCS|CAPS(-5)?|PCL(-5)?|BDI(-II)?|"
     r"PHQ-?9|GAD-?7|QIDS(-SR)?|LSAS|BPRS|YMRS|CADSS|VAS|NRS|SHAPS|CGI(-S)?|PANSS|EPDS|HADS(-[AD])?|CES-D|BAI|CDRS(-R)?)\b|"
     r"depressi(on|ve)|anxiety|worry|obsess\w*|compuls\w*|OCD|PTSD|MDD|TRD|GAD|anhedonia|hopelessness|"
     r"ruminat\w*|distress|burnout|insomnia|fatigue|pain|immobility|craving|cravings", -1),
    (r"systolic|diastolic|arterial pressure|heart rate|mortality|deaths?|die|died|dying|fatalit\w*|risks?|hazard|odds of|incidence|relapses?|relapsed|(?:(?<=\bof )|(?<=\bfrom ))relapsing\b|(?:disease|tumou?r|cancer|radiologic(?:al)?|radiographic|clinical|neurological|renal|kidney|disability) progression|progression or death|"
     r"recurrences?|readmissions?|hospitali[sz]ations?|admissions?|exacerbations?|adverse (events?|effects?|reactions?)|"
     r"side[- ]effects?|toxicity|complications?|infections?|infected|transmission|disease|cancers?|"
     r"tumou?rs?|metastas[ie]s|inflammation|injur(y|ies)|damage|fractures?|strokes?|dementia|"
     r"misdiagnos[ie]s|(?<!standard )errors?|failures?|deficits?|impairment|problems?|decline|dissociat\w*|mania|manic|"
     r"hypomani\w*|psycho(sis|ses|tic)|abuse|misuse|dependence|addict\w*|harms?|cost(s)?|"
     r"blood pressure|hypertension|weight gain|nausea|vomiting|dizziness|headache|cystitis|ha?ematuria|"
     r"malformations?|birth defects?|congenital anomal\w*|miscarriages?|stillbirths?|"
     r"viral load|viral (rna|shedding|replication|titres?|titers?)|virus(es)?|lesions?|scarring|fibrosis|stress|"
     r"hypertensive (crisis|crises)|crisis|crises|emergenc(y|ies)", -1),
    # laboratory and clinical measures where lower is better, and what a patient would rather avoid
    # (one row per kind of outcome: a row is also what "the same outcome" means, so LDL is not HbA1c)
    (r"LDL(-C| cholesterol)?|total cholesterol", -1),
    (r"triglycerides?", -1),
    (r"HbA1c|A1C|glycated ha?emoglobin|fasting (plasma |blood |serum )?glucose", -1),
    (r"blood loss|bleeding", -1),
    (r"swelling|o?edema", -1),
    (r"trismus", -1),
    (r"pruritus|itching", -1),
    (r"shivering", -1),
    (r"delirium|agitation", -1),
    (r"disability|handicap", -1),
    (r"kinesiophobia", -1),
    (r"aggression", -1),
    (r"PONV", -1),
    (r"(analgesic|opioid|morphine|fentanyl|rescue) (consumption|requirements?|use|analgesia|medication)", -1),
]

# Verbs and adjectives that move an outcome up or down (the raw direction).
UP_TERMS = (
    r"increas\w*|ris(e|es|en|ing)|rose|rais(e|es|ed|ing)|elevat\w*|higher|(?<=significantly )high\b|greater|larger|more|"
    # ("ketamine augmentation ranked below lithium augmentation": a kind of treatment, not a rise)
    r"enhanc(e|es|ed|ing|ement)|boost(s|ed|ing)?|augment(?!ation\s+(?:with|therapy|strateg\w*|trials?|groups?|arms?|ranked|was|were|and|or|vs\.?|versus|compared)\b)\w*|upregulat\w*|up-regulat\w*|induc(e|es|ed|ing)|"
    r"stimulat(e|es|ed|ing|ion)|promot(e|es|ed|ing)|encourag(e|es|ed|ing)|fuel(s|ed|led)?|gain(s|ed)?|grew|grow(s|n|ing)?|surg(e|es|ed)|spik(e|es|ed)|accelerat\w*|"
    r"prolong\w*|lengthen(s|ed|ing)?|longer|extend(s|ed)?|doubl(e|ed|es)|tripl(e|ed|es)|exceed\w*|peak(s|ed)|(?<=to )peak|excess\w*|"
    r"amplif\w*|strengthen\w*|trigger\w*|(?<!\bany )(?<!\bevery )cause[sd]?(?! of death)|causing|provok\w*|restor\w*|potentiat\w*|"
    # ("carries a lower risk of X": the lower risk is the move, not the carrying)
    r"carr(y|ies|ied) (a |an )?((?!lower|reduced|smaller|decreased|diminished|less)\w+ )?risks?|pose[sd]? (a |an )?((?!lower|reduced|smaller|decreased|diminished|less)\w+ )?risks?|"
    r"activat(e|es|ed|ing|ion)|sets? off|switch(es|ed)? on|brings? on|tips? [\w ]{0,30}into|on the rise|surge|"
    r"climb(s|ed|ing)?|spur(s|red|ring)?|reactivat\w*|"
    # ("push up your blood pressure", "drives up costs")
    r"(?:push|drive|send|bump|jack|ramp|shoot)(?:s|es|ed|ing)? up|drove up|sent up|shot up"
)
DOWN_TERMS = (
    r"decreas\w*|reduc\w*|lower(s|ed|ing)?|(?<=significantly )low\b|less|lesser|fewer|smaller|milder|declin\w*|fell|fall(en|ing)?|"
    r"drop(s|ped|ping)?|diminish\w*|attenuat\w*|suppress(es|ed|ing|ion)?|inhibit(s|ed|ing|ion)?|downregulat\w*|"
    r"(?:bring|push|drive)(?:s|es|ing)? down|brought down|pushed down|drove down|"
    r"deactivat\w*|inactivat\w*|switch(es|ed)? off|"
    r"down-regulat\w*|shorten\w*|shorter|loss(?= of)|lost|lose|dampen\w*|blunt\w*|abolish\w*|"
    r"eliminat\w*|prevent\w*|protect(s|ed|ive)? against|lessen\w*|curb(s|ed)?|eas(e|es|ed|ing)|"
    r"alleviat\w*|reliev\w*|resolv(e|es|ed)|slow(s|ed|er)?|delay(s|ed)?|halv(e|es|ed|ing)|cut(s)?|slash(es|ed)?|"
    r"block(s|ed|ing|ade)?|antagoni[sz]\w*|impair\w*|weaken\w*|melt(s|ed)? away|keeps? [\w ]{0,30}(?:at bay|away)|"
    r"wor(e|n) off|wears? off|fad(e|es|ed)|wan(e|es|ed)|subsid\w*|disappear\w*|mitigat\w*|"
    r"counteract\w*|revers(e|es|ed|ing)|ameliorat\w*|lift(s|ed)?|keeps? [\w ]{0,30}from (coming back|returning|recurring)|"
    r"brings? down|brought down|plung(e|es|ed|ing)|plummet\w*|ward(s|ed)? off|"
    r"stops|(?:take|takes|took|taking) the edge off|(?:bring|brings|brought|bringing) (?:your |their |his |her |the )?[\w-]+(?: [\w-]+)? down\b"
)
# Words before "group" that name no arm of their own ("the same group", "the treatment group").
GENERIC_GROUP_WORDS: frozenset[str] = _words("same other two both each whole entire study treatment treated intervention active experimental")
# Movement words that make their object better: down for a bad object ("lifts depressive
# symptoms"), up for a good one ("lifts mood").
BETTERING_MOVES: frozenset[str] = _words("lift lifts lifted lifting")
# Speed words said of a time ("time to extubation was earlier", "reached the end point more
# quickly"): a shorter time (-1) or a longer one (+1).  Read only in a clause that names a time.
TIME_SOONER = r"earlier|sooner|faster|quicker|more (?:quickly|rapidly|promptly)"
TIME_LATER = r"later|slower|more slowly"
TIME_MEASURES = r"\btime\b|\bduration\b|\blatency\b|\bonset\b|\b(?:days|hours|minutes)\s+(?:to|until)\b"
# "took longer to reach response", "needed less time to respond": the time to an event, not the
# amount of it (a longer time to a good event is worse).
TIME_TAKEN = r"\b(?:took|take|takes|taking|needed|need|needs|required|requires)\s+(?:significantly\s+|much\s+|considerably\s+)?(?:longer|(?:more|less)\s+time)\s+(?:to|before|until)\b"
# Words that say an outcome occurred (read as "up" for harms and events): "developed mania".
OCCURRENCE_TERMS = (
    r"develop(s|ed)?|emerg(e|ed|es)|occurr(ed|ing)|occurs?|experienc(ed|es)|presented with|suffer(s|ed)|"
    r"reported( by)?|were reported|was reported|common|frequent|observed|detected|found|showed|needed|required|"
    r"requiring|suffered"
)
# Words that say a result is good or bad for whoever has it, whatever the outcome.
GOOD_TERMS = (
    r"improv\w*|effective|efficacious|beneficial|benefit(s|ed|ted)?|helps?|helped|works?|worked|"
    r"succe\w*|superior|better|outperform\w*|favou?r(s|ed)? [\w-]+|advantage|relief|reliev\w*|"
    r"alleviat\w*|eas(e|es|ed)|curb(s|ed)?|lift(s|ed)?|heal(s|ed)?|cur(e|es|ed)|protect\w*|"
    r"respon(ded|d)|remitted|noninferior|non-inferior|beats?(?!\s*(/|per)\s*min)|trumps?|wins? over|transform\w*|calm(s|ed)?|restor\w*|"
    r"rescued?|normali[sz]\w*|well[- ]tolerated|sharpen(s|ed|ing)?|fix(es)?"
)
# Nouns that name a good result ("rapid antidepressant effects"): read in results, never a claim's verb.
GOOD_NOUN_TERMS = r"antidepressant(-like)? (effects?|efficacy|response|action|properties)|therapeutic (effects?|benefits?)"
BAD_TERMS = (
    r"not (\w+ )?safe|not (well )?tolerated|worse|worsen\w*|poorer|poor|inferior|exacerbat\w*|aggravat\w*|deteriorat\w*|harm(s|ed|ful)?|"
    r"damag(e|es|ed|ing)|impair\w*|unsafe|toxic|dangerous|detrimental|disadvantage|poorly tolerated|wreck(s|ed|ing)?"
)
# Comparative verbs that place the subject arm above or below the other.
ARM_BETTER = r"superior|better|more effective|outperform\w*|beats?(?!\s*(/|per)\s*min)|separated|advantage|favou?r|ranked (?:above|ahead of|higher than)"
ARM_WORSE = (
    r"inferior|worse|less effective|poorer|ranked (?:below|behind|lower than)"
    r"|(?:did|does|do) not (?:provide|offer|confer|give|achieve|afford) (?:the )?(?:same|equal|equivalent|comparable)"
)
# Noninferiority tested and not shown ("failed to demonstrate noninferiority to ECT", "did not meet
# the noninferiority margin"): the arm was not shown to be as good; no null of equivalence.
NONINFERIORITY_NOT_SHOWN = (
    r"\b(?:fail(?:s|ed)?|did not|does not|could not|was not|were not|not)\s+(?:to\s+)?(?:demonstrat\w*|show\w*|establish\w*|meet|met|achiev\w*|reach\w*|be shown)"
    r"\s+(?:the\s+)?(?:(?:pre-?specified|pre-?defined|pre-?planned)\s+)?non-?inferiority\b"
    r"|\bnon-?inferiority\s+(?:\w+\s+){0,4}?(?:was|were|could)\s+not\s+(?:be\s+)?(?:shown|demonstrated|established|met|achieved|reached|confirmed)\b"
    r"|\bfail(?:s|ed)?\s+(?:the\s+)?(?:[^\s;,.]+\s+){0,3}?non-?inferiority\s+(?:margin|criteri\w*|threshold|bound)\b"
)
_HEALTHY_REFERENCE = r"(?:(?:those|that|the levels?|the values?) (?:of|in) )?(?:healthy|non-?depressed|normal|unaffected) (?:controls?|volunteers|subjects|participants|individuals|people|comparison subjects)\b"
ARM_SAME = (
    r"noninferior|non-inferior|(met|meeting|achieved|established|demonstrated) (the )?(prespecified |pre-specified |predefined )?non-?inferiority|as (effective|good|efficacious) as|(work\w*|perform\w*|did|does|do|fared) as well as|"
    # ("equivalent" as a verdict, not "spherical equivalent", "morphine equivalents")
    r"(was|were|is|are|be|been|proved|found|shown to be) (\w+ )?equivalent|equivalent (to|in|between|with|efficacy|outcomes?|results?)\b|no different|just as|"
    # (not "falling to levels comparable with healthy controls": a level brought back to normal)
    r"(was|were|is|are|remained|being) (\w+ )?(similar|comparable)(?!\s+(?:to|with)\s+" + _HEALTHY_REFERENCE + r")"
    r"|(similar|comparable) (between|across|in both|among)"
    r"|(similar|comparable) (to|with)(?!\s+" + _HEALTHY_REFERENCE + r")"
)
# Words that name the arm a result is compared with (the reference arm follows them).
# Words of a level, not of an arm's name ("than those with low expression"): two levels of one exposure.
LEVEL_WORDS = frozenset(("low", "high", "lower", "higher", "normal", "elevated", "reduced", "increased", "decreased", "moderate", "severe", "mild"))
REFERENCE_MARKERS = (
    r"than( with| in| after| on| for| among| the| those| did| does| do| was| were)*|compared (with|to)( the)?|(in )?comparison (with|to)( the)?|"
    r"relative to( the)?|versus|vs\.?|over( the)?|against|(superior|inferior|noninferior|non-inferior|similar|"
    r"comparable|equivalent|preferable) (to|with)( the)?|(separated?|separating|separation|differ(ed|s)?|different|differences?) from( the)?|"
    r"in favou?r of( the)?"
)
# Fixed phrases whose "lower"/"higher"/"falls" is not a direction: "lower urinary tract symptoms".
NOT_DIRECTION = (
    # (what did not happen: "accelerated rather than suppressed tumour growth")
    r"\b(?:rather than|instead of)\s+(?:by\s+)?[\w-]+|"
    r"\bno longer\b(?!\s+(statistically\s+)?(significant\w*|present|different|evident|detectable|sustained|maintained|durable|persistent|effective|superior|better|separated?))|\b(lower|upper) (urinary( tract)?|limbs?|back|extremit\w+|respiratory( tract)?|abdom\w+|GI|"
    r"gastrointestinal|airways?|quartile|tertile|bound|limit)\b|\bg[ai]ve(s|n)? rise to\b|\bgiving rise to\b|\b(higher|lower)[- ](dose|doses|income|education|"
    r"quartile|tertile|levels? of education)\b|\b(one|two|three|\d+) or more\b|\b(grade|stage|class|level|\d+\+?|[IV]+) or (worse|higher|greater|above|better|more severe)\b|\bor less\b|\bmore or less\b|\b(all|coronary|cardiac|cardiovascular|other|natural|external|vascular|specific|any|unknown|underlying) causes\b|\b(high|low)-dose\b|\bprolonged exposure\b|\b(extended|sustained|slow|modified|delayed|prolonged)[- ]release\b|\breduced[- ](dose|intensity) (regimen|therapy|conditioning)\b|\b(years of life|life[- ]years?) lost\b|\bsuch as falls\b|\bfalls?\b(?= (risk|prevention|and fractures))"
    # (how clear an effect is, not which way: "this morphine-sparing effect was even more pronounced")
    r"|\b(?:even |still |much |far )?(?:more|less) (?:pronounced|marked|evident|apparent|striking|noticeable|consistent)\b"
    # ("determines whether EAE is suppressed or aggravated": both ways, neither found)
    r"|\bwhether\b[^.;]{0,60}?\bor\s+[\w-]+"
    # (what a patient was admitted for: "hospitalisation for worsening heart failure was reduced")
    r"|\b(?:for|of|due to|because of|with) (?:worsening|deteriorating)\b"
)
# Words that name the intervention arm without naming the intervention: "the experimental group".
INTERVENTION_ARM_TERMS = r"(experimental|intervention|treatment|treated|active|study|verum|trial) (group|arm|condition)s?|(?-i:\b[EI]G\b)"
# What the intervention is measured in or as, when the outcome is its own level ("serum selenium",
# "the mean Se level", "vitamin D concentrations" in a supplement trial): the measured substance,
# not the arm that received it.
MEASURED_IN = r"serum|plasma|blood|whole-blood|urinary|urine|salivary|tissue|circulating|faecal|fecal|erythrocyte|red[- ]cell|hair|mean|median"
MEASURED_AS = r"levels?|concentrations?|status|content|values?|excretion|clearance|titres?|titers?"
# A treatment stopped: a claim about "stopping X" (than continuing it) has the arm that stopped — often
# switched to placebo — as its intervention, and the arm that went on with X as its comparator.
WITHDRAWAL_TERMS = (
    r"stop(?:s|ped|ping)?|discontinu\w*|withdr[ae]w\w*|ceas(?:e|ed|es|ing|ation)|quit(?:s|ting)?|taper(?:s|ed|ing)?(?: off)?|"
    r"deprescrib\w*|switch(?:ed|ing)?\s+(?:from\s+(?:[\w-]+\s+){1,2}?)?to\s+placebo|drug holiday"
)
# An outcome's end named as a noun on one side of an association ("associated with rapid
# resolution of suicidal intent"): the outcome going down.
ENDING_NOUNS = r"resolution|remission|disappearance|relief|clearance|cessation|elimination|killing|destruction|phagocytosis"
CONTINUATION_TERMS = r"continu(?:e|ed|es|ing|ation)|remain(?:ed|ing)? on|stay(?:ed|ing)? on|maintain(?:ed|ing)? on|kept on"
# Control arms: a result about them alone says nothing about the intervention.
CONTROL_TERMS = (
    r"placebo|saline|sham|vehicle|midazolam|active placebo|usual care|treatment as usual|standard(?: of)? care|"
    r"controls?|control (group|arm|condition|subjects?)|wait-?list|waiting[- ]list|matched (cohort|group|sample)s?|"
    r"comparison (group|cohort)s?|"
    r"non-?users?|untreated|matched controls?|comparators?|(?-i:CG)"
)

# Arms given nothing active: what a claim of one drug against another is not answered by.
INACTIVE_ARM_TERMS = r"placebo|vehicle|sham|saline|dummy"

# A null result: no (significant) difference or effect.  Checked before any direction.
NULL_TERMS = (
    r"(?:had|has|have|showed|shows|with) (?:only )?little (?:or no )?(?:effect|benefit|impact|influence)\b|"
    r"(?:did|may|might) not (significantly |meaningfully |appreciably |substantially )?(differ|improve|reduce|lower|raise|increase|"
    r"decrease|change|alter|affect|separate|show|demonstrate|produce|result|lead|predict|outperform|"
    r"prolong|prevent|weaken|inhibit|attenuate|enhance|influence|modify|moderate|identify|distinguish|impact|correlate|protect|"
    r"appear to|confer|provide|halt|slow|stop|delay|reverse|arrest|shorten|extend|accelerate|worsen|benefit|help|"
    r"ameliorate|alleviate|relieve|ease|lessen|mitigate|restore|normali[sz]e|boost|elevate|suppress|block|preserve|maintain)"
    # (not "did not provide the same protection as warfarin": a difference, the other arm ahead)
    r"(?!\s+(?:the\s+|an?\s+)?(?:same|equal|equivalent|comparable|similar)\b)"
    r"|\b(?:a|the|any)\s+(?:[\w-]+\s+){0,2}?(?:benefit|advantage|effect|reduction|improvement)\s+(?:\w+\s+){0,3}?(?:was|were)\s+not\s+(?:demonstrated|shown|established|observed|seen|found|confirmed)\b"
    r"|(was|were|is|are|been) (\w+ )?not (significantly |statistically |independently |materially )?(different|differ\w*|improved|reduced|"
    r"lowered|raised|increased|decreased|changed|altered|affected|associated|related|correlated|"
    r"superior|better|effective|larger|greater|smaller|higher|lower|significant|required|necessary|"
    r"needed|essential|involved|predictive|linked)"
    # "the benefit of X over placebo may be minimal or nonexistent"
    r"|\b(benefits?|effects?|advantages?|improvements?|differences?)\b[^.;]{0,40}?\b(is|are|was|were|be|been|appears?|seems?)\s+(\w+\s+)?(minimal|negligible|non-?existent|absent|trivial)\b"
    r"|(no|not any) (statistic\w* |clinically |or |and )*(significant|meaningful|detectable|appreciable|relevant|notable|"
    r"major|measurable|discernible|consistent|additional|further)\b"
    r"|not (statistic\w* )?significant(ly)?|non-?significant(ly)?|insignificant|numerically"
    r"|not (found|shown|proven|considered|deemed|observed|seen) to be (statistic\w* |clinical\w* )?significant"
    r"|no (longer )?(statistically )?significant"
    r"|without (a |any )?(statistically |clinically )?significant"
    r"|no ([\w-]+ ){0,2}(difference|differences|change|changes)\b"
    r"|no (difference|differences|effect|effects|change|changes|association|associations|"
    r"correlation|relationship|benefit|advantage|improvement|impact|influence|signal|evidence of)\b"
    r"|failed to|fail(s|ed)? to (separate|improve|reduce|show|demonstrate)"
    # a search for a difference that found none ("we could not detect any statistically significant
    # differences", "did not reveal any differences", "no noteworthy between-group differences")
    r"|\b(did|could|do|does|can) not (find|detect|reveal|observe|identify|see|yield) (any )?(\w+ ){0,3}?(differences?|effects?|changes?|associations?)\b"
    r"|\bno (noteworthy|statistical|systematic|treatment|between[- ]group|group|intergroup|relevant) ([\w-]+ )?(differences?|effects?|changes?)\b"
    r"|\bnone (of (them|these|the \w+) )?(statistically |significantly )?differed\b|\bno changes? (was|were) significant\b"
    # ("the two treatments offered similar results"; not "Similar results were seen with the NRS",
    # which points back to another finding)
    r"|\b(offered|produced|yielded|gave|achieved|attained|showed|shows|had|have|has) (\w+ )?similar (?:[\w-]+ )?(results|outcomes|improvements?|reductions?|decreases?|declines?|benefits?|efficacy|effects?|(?:response|remission|cure|success) rates?)\b"
    r"|\bcomparable (?:effectiveness|efficacy|effects?|outcomes|results|(?:response|remission) rates?)\b"
    r"|\bsimilar (improvements?|efficacy)\b"
    # ("improvement was no greater after X than after Y"; not a ceiling: "no greater than 5%")
    r"|\b(?:was|were|is|are)\s+no\s+(?:greater|larger|bigger|better|faster|stronger|more effective)\b(?!\s+than\s+[\d<>])[^;.]{0,60}?\bthan\b"
    r"|\b(did|does|do) not (have|show|exhibit|experience|report) (a )?(significantly |statistically )+(more|less|fewer|higher|lower|greater|smaller)\b"
    # ("those who received X did not have a lower incidence of death ... than those who received usual care")
    r"|\b(did|does|do) not (have|show|exhibit|experience) (a |an )?(lower|higher|greater|smaller|reduced|increased) (\w+ ){0,8}?than\b"
    r"|\b(did not|does not|do not|didn't|not) (reach|achieve|attain)(ed)? (\w+ ){0,3}significance\b"
    r"|\b(approach(ed|ing)|near(ed|ing)?|close to) (\w+ ){0,2}significan\w*|\b(borderline|marginally) (statistically )?significan\w*"
    r"|\bno (\w+ )?evidence (that|for|to support)\b|\b(did not|does not|do not) (find|provide) (any )?evidence\b"
    # ("These findings do not support multivitamin use for prolonging survival")
    r"|\b(?:do|does|did) not support (?:the )?(?:routine )?(?:[\w-]+ )?(?:use|supplementation|treatment|prescription)\b"
    # ("These data do not indicate an excess risk of pancreatitis", "does not support a class-wide
    # increase in amputation risk": no such effect, as the authors read their data)
    r"|\b(?:do|does|did) not (?:support|indicate|suggest|show|point to) (?:an? |any )?(?:[\w-]+ ){0,2}?(?:increase|increased|excess|rise|elevated|higher|reduction|reduced|lower|decrease|decreased)\b"
    # ("should not be initiated or continued for the prevention of CHD": a recommendation against it)
    r"|\bshould not be (?:initiated|continued|used|recommended|prescribed|given|offered|started)\b"
    # ("No specific vaccine, including hepatitis B vaccine, was associated with an increased risk")
    r"|^\W*no\s+[^.;]{0,80}?\b(was|were|is|are)\s+(significantly\s+|independently\s+)?(associated|linked|related|correlated)\b"
    # ("These data do not indicate that statin use increases the risk of ICH")
    r"|\b(did not|does not|do not) (indicate|suggest|support the (notion|idea|hypothesis)|confirm|show|demonstrate) that\b"
    r"|\bwithout (a |any )?(detectable|discernible|measurable|appreciable|apparent) (effect|change|difference|benefit|impact)\b"
    # ("No subgroup showed a significant benefit")
    r"|\bno (?:[\w-]+ ){1,3}(?:showed|had|achieved|derived|experienced|demonstrated|reached|gained) (?:a |any )?(?:statistically |clinically )?(?:significant|meaningful|detectable) (?:benefit|improvement|effect|difference|reduction|response)s?\b"
    # ("The benefit of these antidepressants, if any, is small": doubt that there is one)
    r"|\b(?:benefits?|effects?|advantages?|improvements?)\b[^,;.]{0,40},\s*if any\s*,"
    # ("the effect was not distinguishable from that of an active placebo")
    r"|\b(?:not |in)distinguishable (?:from|between)\b"
    # ("the progression-free survival benefit did not translate into longer overall survival")
    r"|\b(?:did|does|do|has|have) not (?:yet )?(?:translate|translated|carry|carried|extend|extended) (?:over )?(?:in)?to\b"
    # ("onset of improvement did not occur earlier with X than with Y")
    r"|\b(?:did|does|do) not (?:occur|happen|come|appear|emerge|begin|start|set in) (?:any )?(?:earlier|sooner|faster|more quickly|later)\b"
    r"|\bunlikely to (be|have|provide|offer|produce|confer) (\w+ )?(effective|beneficial|benefit|useful|an effect|any effect|efficacious)\b"
    r"|\bwithout (affecting|changing|altering|improving|reducing|increasing|lowering|compromising|impairing|worsening|jeopardi[sz]ing|harming)\b"
    r"|\bno (\w+ ){0,2}(adverse|side[- ]effects?|signal|cases?|episodes?|events?|reports?|harms?|deaths?)\b"
    # (not "in 70% of mice, compared with none of the controls": a count of nought in the other arm)
    # (nor "50% of X recipients but none of the placebo recipients": nought in the control arm)
    r"|(?<!compared with )(?<!compared to )(?<!versus )(?<!than )(?<!vs )(?<!vs\. )\bnone of the\b(?!\s+(?:placebo|control|sham|saline|vehicle|midazolam|untreated|comparator)\b)|\bno (participant|patient|subject|one|individual)s?\b"
    # (not what no one was given: "no participant received further psilocybin" is the design)
    r"(?!\s+(received|was given|were given|underwent|took|was offered|were offered|was treated|were treated|was randomi[sz]ed|were randomi[sz]ed)\b)"
    r"|(did not|does not|do not|didn't|doesn't) (have|has) (a |an |any )?(significant |meaningful )?"
    r"(effect|impact|influence|benefit)"
    r"|similar (in|between|across|among|to|with|proportions?|rates?)|(was|were|are|is) (\w+ )?comparable|comparable (between|across|in both|among)|(?<!\bof )(?<!\bthe )unchanged|unaffected|"
    r"unrelated|no different|p\s*=\s*n\.?s\.?(?![\w.])|equal (in|between|across) (the )?(two |both |all )?(groups|arms)|did not appear|(does|do) not (appear|seem) to|\w+ed similarly\b|similarly (improved|reduced|decreased|increased)|"
    r"(largely |mostly |probably )?non-?causal|spurious|(explained|accounted for) by confounding|persist(ed|s)? (despite|in the|after(?! (more than |over |at least |about |nearly )?(\d|one|two|three|four|five|six|a |an )[\w ]{0,12}?(days?|weeks?|months?|years?)\b))|"
    r"retained its|remained (stable|unchanged|similar)|stayed comparable|\bneither\b|\bnor\b"
)
# A harm that went away when the drug was stopped ("cystitis that improved after ketamine was
# discontinued"): the improvement is the drug's harm undone, not its benefit.
DECHALLENGE = (
    # ("urinary symptom scores fell after ketamine was stopped")
    r"\b(?:improved|resolved|recovered|disappeared|subsided|reversed|remitted|normali[sz]ed|abated|fell|declined|decreased|dropped|eased|lessened)\b[^.;]{0,40}?"
    r"\b(?:after|on|following|upon|once|when)\s+(?:[\w-]+\s+){0,3}?(?:(?:was|were|had been|being)\s+)?"
    r"(?:stopped|discontinued|withdrawn|ceased|stopping|discontinuation|withdrawal|cessation|abstinence|abstaining|quitting)\b"
    # ("urinary symptoms that improved after dose reduction", "... once the dose was lowered")
    r"|\b(?:improved|resolved|recovered|disappeared|subsided|reversed|abated|eased|lessened)\b[^.;]{0,40}?"
    r"\b(?:after|on|following|upon|once|when|with)\s+(?:(?:a|the)\s+)?(?:dose\s+(?:reduction|tapering|lowering)|(?:reducing|lowering|tapering)\s+(?:of\s+)?the\s+dose|(?:the\s+)?dose\s+was\s+(?:reduced|lowered|tapered))\b"
    # ("symptoms improved in most patients who stopped using the drug")
    r"|\b(?:improved|resolved|recovered|disappeared|subsided|reversed|remitted|normali[sz]ed|abated)\b[^.;]{0,40}?"
    r"\b(?:who|that)\s+(?:had\s+)?(?:stopped|quit|ceased|discontinued|gave up)\b"
)
# Verbs of a change said of what another agent did ("was not altered by CMV infection").
CHANGED_BY_VERBS = r"altered|affected|changed|influenced|modified|modulated|increased|decreased|reduced|raised|lowered"
# Words that set one clause against another ("..., but protection persisted for 6 months").
CONTRAST_WORDS = r"but|whereas|while|although|though|yet"
# Nouns of molecular biology after "response" or "damage" ("DNA damage response genes"): a name, not an outcome.
MOLECULAR_NOUNS = r"genes?|pathways?|elements?|proteins?|signal\w*"
# Good outcomes named after the condition they end ("PTSD response", "depression remission", "pain relief").
GOOD_OUTCOME_HEADS = r"response|responses|responders?|remission|remissions|remitters?|relief|improvement|improvements|recovery|resolution"
# Before a good outcome, words that make it a bad one ("loss of kidney function"); before a bad
# outcome, words that make it a good one ("free of suicidal ideation", "freedom from relapse").
LOSS_OF_GOOD = r"loss|losses|decline|deterioration|worsening|impairment|lack|absence"
FREEDOM_FROM_BAD = (
    r"free (?:of|from)|freedom from|absence of|absent of|(?:with|having|had|reporting|reported|experiencing|experienced|who had) no|^\W*no"
    # ("no longer met diagnostic criteria for PTSD", the "longer" blanked as no direction)
    r"|no (?:longer|_+) (?:met|meets?|meeting|fulfill?ed|satisfied|had)(?: (?:the )?(?:\w+ )?(?:diagnostic )?criteria (?:for|of))?"
)
# Contractions spelt out before a result sentence is read ("didn't differ" is read as "did not
# differ"), so that every negation pattern needs only the long form.  The irregular ones first;
# any other "<verb>n't" becomes "<verb> not".
CONTRACTIONS: dict[str, str] = {"can't": "cannot", "won't": "will not", "shan't": "shall not", "ain't": "is not"}
CONTRACTION = r"\b([A-Za-z]+)n['\u2019]t\b"

# A negation inside a result clause: "no patient achieved remission", "none of".
NEGATION_TERMS = r"\bno\b|\bnot\b|\bcannot\b|\bnone\b|\bnever\b|\bwithout\b|n't\b|\bneither\b|\bnor\b"

# Sentence kinds that never carry a stance (checked on the whole sentence).
AIM_PATTERNS: list[str] = [
    r"^(to|we (aim|aimed|sought|set out|wished|wanted|intended) to) (assess|evaluate|determine|examine|"
    r"investigate|compare|test|estimate|explore|study|describe|characteri[sz]e|quantify|identify|measure)\b",
    r"\b(aim(ed|s)?|objective|purpose|goal)s? (of|was|were|is|are) (this|the|our|to)\b",
    # a trial's design described ("This report describes the design of a randomized trial testing whether ...")
    r"\b(describes?|describing|presents?|outlines?) the (design|rationale|protocol|methods)\b",
    # "a randomized trial designed to determine whether cholecalciferol delays ..."
    r"\b(designed|powered) to (determine|assess|test|evaluate|examine|compare|establish|investigate) (whether|if)\b",
    r"\b(this|the present|the current|our) (study|trial|review|analysis|work|paper|protocol) "
    r"(aims?|aimed|will|sought|seeks|examines|examined|investigates|investigated|evaluates|evaluated|"
    r"assesses|assessed|tests|tested|describes|is designed|was designed)\b(?! that)",
    r"\bwe (re-?)?(examined|investigated|evaluated|assessed|explored|studied|tested|asked|measured|compared|"
    r"analy[sz]ed|hypothesi[sz]ed|propose to|will)\b(?! that)(?!.*\b(found|showed|revealed|demonstrated)\b)",
    r"\b(will|would) (be )?(test|assess|evaluate|examine|compare|determine|randomi[sz]e|enrol|enroll|"
    r"recruit|measure|investigate|explore|rate|score|record|collect|follow|receive|undergo|analy[sz]e|monitor)\w*\b",
    r"\bwill (provide|give|yield|generate) (\w+ )?(evidence|data|information)\b|\bwill be reported (separately|elsewhere|later)\b",
    # a protocol's outcomes ("The primary outcome will be change in MADRS ...; secondary outcomes include ...")
    r"\b(outcomes?|end-?points?|measures?) (will be|will include|are to be)\b",
    r"\bwhether\b.*\b(is|was|are|were|remains?) (unknown|unclear|debated|uncertain|not known|untested)\b",
    r"^(whether|how|why)\b",
    r"\bwe hypothesi[sz]ed?\b|\bwe predict(?:ed)?\b|\bhypothesis\b",
    r"\bthe (?:study|trial|review|analysis|survey|project) (?:aims?|aimed|sought|seeks|is designed|was designed|intends|intended) to\b",
    r"\bwith the (aim|objective|purpose|goal) (to|of)\b|\bin order to (assess|evaluate|determine|examine|investigate|compare|test)\b",
]
METHOD_PATTERNS: list[str] = [
    # what was done to the cells or animals ("We knocked out RB1 in MCF-7 cells and compared ...")
    r"\bwe (?:knocked (?:out|down)|deleted|silenced|overexpressed|generated|engineered|transfected|transduced|modulated|implanted|xenografted|injected|crossed|bred)\b",
    r"\b(?:we|were) (?:systematically )?searched\b|\bsystematic(?:ally)? search(?:ed)?\b",
    r"\b(were|was) (randomi[sz]ed|randomly (assigned|allocated)|allocated|assigned|enrolled|recruited|"
    r"included|excluded|eligible|not eligible|screened|given|administered|treated|instructed|asked|"
    r"followed(?!\s+by\b)|rated|scored|assessed|measured|recorded|obtained|collected|monitored|evaluated|examined|"
    r"interviewed|surveyed|chosen|selected|used|analy[sz]ed|performed|conducted|run|calculated|"
    r"infected|inoculated|challenged|immuni[sz]ed|vaccinated|injected|fed|housed|dosed|exposed|transfected|"
    r"estimated|defined|stratified|matched|adjusted|self-administered|checked|quantified|computed|derived)\b",
    r"\b(received|underwent|took part)\b",
    r"\b(primary|secondary|main) (outcomes?|end-?points?|measures?) (was|were|included|comprised)\b",
    r"\boutcomes? (included|were|was)\b",
    r"\bwe (randomly )?(assigned|allocated)\b",
    r"\b(we|this study) (used|conducted|performed|carried out|recruited|enrolled|randomi[sz]ed|"
    r"searched|included|pooled|reviewed|identified|collected|analy[sz]ed|gave|administered|measured|treated|assessed|tested|examined|studied|compared|followed|obtained|"
    r"infected|inoculated|exposed|stimulated|incubated|cultured|differentiated)\b",
    r"\b(design|setting|participants|methods?|interventions?)\s*:",
    # ("This comparative effectiveness trial randomised 660 adults ... to A, B or C")
    r"\b(this|the|our) ([\w-]+ ){0,3}(trial|study) (randomi[sz]ed|enrolled|recruited|assigned|allocated)\b",
    r"\b(in|using) a (randomi[sz]ed|double-blind|placebo-controlled|crossover|cross-sectional|"
    r"retrospective|prospective|multicent(er|re)|open-label)\b.*\b(were|was)\b(?!.*\b(than|significantly|"
    r"higher|lower|reduced|increased|improved|differ)\b)",
]
# Statements that the evidence is limited, calls for more research, limitations.
LIMITATION_PATTERNS: list[str] = [
    # a caution on what a result means ("an effect that should not be equated with prevention of suicide")
    r"\b(?:(?:should|must) not|cannot|can not) be (?:(?:equated|confused|conflated) with|(?:interpreted|taken|read) as)\b",
    # "there is no controlled evidence to determine whether ...", "... trials are needed"
    r"\bno (\w+ ){0,2}(evidence|data|trials?|studies)\b[\w\s,-]{0,30}?\b(to (determine|establish|show|tell|assess)|on) whether\b",
    r"\b(studies|research|trials|investigations?|data|evidence)\s+(are|is)\s+(still |urgently |clearly |now )?(needed|required|warranted)\b",
    # ("Trials powered to detect effects on suicide deaths are needed before ...": the subject described first)
    r"^\W*(studies|research|trials|investigations?|data|evidence)\b[^.;]{0,80}?\b(are|is)\s+(still |urgently |clearly |now )?(needed|required|warranted)\b",
    r"\b(further|more|larger|additional|future|longer|well-designed|adequately powered|randomi[sz]ed|"
    r"controlled|rigorous|high-quality)\b[\w\s,-]{0,40}\b(studies|research|trials|investigation|work|data|"
    r"evidence|comparisons|evaluations|investigations)\b[\w\s,-]{0,50}\b(are|is|will be|would be)?\s*(needed|required|warranted|necessary|"
    r"called for)\b",
    r"\b(merits?|warrants?|deserves?|requires?|needs?) (further|more|additional|larger|closer)\b",
    r"\b(remains?|is|are|was|were) (unknown|unclear|uncertain|debated|controversial|not known|"
    r"not (yet )?established|not well (understood|established)|(incompletely|only partly|partially|not fully) (understood|known|characteri[sz]ed|explained)|to be (determined|established|elucidated)|"
    r"poorly understood|understudied|unresolved|sparse|limited|scarce|insufficient|lacking|inconclusive)\b",
    r"\b(evidence|data|research|knowledge|information)\b[\w\s,-]{0,40}\b(is|are|remains?|was|were) (too |very |still |currently |largely )?"
    r"(limited|sparse|scarce|insufficient|weak|lacking|inconclusive|mixed|conflicting|of low quality|"
    r"low|very low|uncertain|unclear|inconsistent)\b",
    r"\bresults (were|are) (inconsistent|mixed|conflicting|heterogeneous)\b",
    r"\b(requires?|needs?|warrants?|awaits?) (further )?(confirmation|replication|validation)\b",
    r"\bhas not been (established|shown|demonstrated|studied|tested)\b",
    # "these observational findings cannot establish that X causes Y"
    r"\b(cannot|can ?not|could not|do not|does not|did not) (establish|prove|determine|show|demonstrate|confirm)( \w+){0,3} that\b",
    r"\b(too (weak|limited|sparse|few)|insufficient|inadequate) to (determine|conclude|establish|draw|judge|assess)\b",
    r"\bno (trial|study|studies|trials|data)\b[\w\s,-]{0,30}\b(to date|yet|has|have|so far)\b",
    r"\b(cannot|can not|could not) be (assumed|generali[sz]ed|extrapolated|determined|excluded|ruled out)\b",
    r"\b(rests? on|based on) (small|few|limited)\b",
    r"\b(limitations?|caveats?) (include|included|of this)\b",
    r"\bhard to (compare|interpret|generali[sz]e)\b|\bdiffer widely\b|\bheterogene(ous|ity)\b.*\b(make|makes|made)\b",
    r"\b(were|was) excluded, so\b|\bapply only to\b",
]
# Other studies quoted in a background sentence: not this record's finding.
OTHER_STUDY_PATTERNS: list[str] = [
    # ("Very low LDL levels have raised concern about adverse effects on cognition": a worry, not a finding)
    r"\b(?:has|have|had)\s+(?:also\s+)?raised\s+(?:\w+\s+)?(?:concerns?|questions?|doubts?|fears?|the possibility)\b",
    # ("Concern that GLP-1 agonists might cause pancreatitis arose from case reports", "An excess of
    # amputations seen with one drug raised concerns about a class effect": a worry, not a finding)
    r"^(?:the\s+)?(?:concerns?|fears?|worr(?:y|ies)|suspicions?|speculation)\s+(?:that|about)\b[^.;]{0,120}\b(?:arose|arise|arises|emerged|came|grew|stemmed|originated|was raised|were raised)\b",
    r"\braised\s+(?:\w+\s+)?(?:concerns?|fears?|worries|doubts?|questions?)\s+(?:about|that|over)\b",
    r"^(a|an|one|two|three|several|another) ([\w-]+ ){0,3}(trials?|stud(y|ies)|meta-analys[ie]s|reviews?|reports?|analys[ie]s|cohorts?)"
    r" (has |have )?(suggested|showed|shown|found|reported|demonstrated|indicated)\b",
    r"^(earlier|early|initial|previous|prior|past|recent|several|many|some|other|most|few|numerous|existing|"
    r"published)\b[\w\s,-]{0,30}\b(studies|trials|reports|work|research|data|reviews|analyses|"
    r"meta-analyses|findings)\b(?!.*\b(this|our|the present|we)\b)",
    # (not "We have demonstrated that ...": the authors' own finding, unless said to be earlier work)
    # (nor "were more likely to have reported pain": what the participants said, a result)
    r"(?<!\bwe )(?<!\bto )\b(has|have) (been )?(previously |recently |repeatedly |widely )?(shown|reported|suggested|"
    r"demonstrated|described|proposed|linked|implicated|documented|associated|found|identified)\b",
    r"\bwe have (previously|earlier|already|recently) (shown|reported|suggested|demonstrated|described|proposed)\b",
    # ("estimates of around 80% are widely cited", "the frequently cited prevalence of 1%", "is widely
    # promoted ... as a cause of"): what others say, quoted
    r"\b(?:widely|frequently|commonly|often|popularly|routinely)\s+(?:cited|quoted|repeated|promoted|advertised|claimed|assumed)\b",
    r"(?<!\bwe )\b(?:has|have) been (?:\w+ly )?used (?:as|in|for)\b",  # ("Midazolam has been used as an active comparator in ...")
    r"\bin (previous|prior|earlier|past|other|several) (meta-analys[ie]s|studies|trials|reports|reviews|cohorts)\b",
    r"^[^,;]{0,50}\b(is|are) (widely |commonly |generally |often |popularly )?(thought|believed|known|hypothesi[sz]ed|proposed|considered|assumed|claimed) to\b",
    # ("fluvoxamine ... is a sigma-1 receptor agonist that was proposed to dampen the inflammatory response")
    r"\b(?:was|were|has been|have been) (?:widely |commonly |generally |often |previously )?(?:proposed|hypothesi[sz]ed|postulated|speculated|thought|believed|suggested) to\b",
    r"\bis well (described|known|documented|established)\b",
    # the people's outlook and the usual care ("patients with residual disease have a poor
    # prognosis", "Trastuzumab for 12 months is the standard adjuvant treatment")
    r"\b(?:have|has|carry|carries|face|faces) (?:a |an )?(?:very |particularly )?(?:poor|worse|dismal|unfavou?rable|bleak|grim) (?:prognosis|outlook|outcomes?|survival)\b",
    r"^[^;]{0,80}\b(?:is|are|remains?) (?:the |a )?(?:current |accepted |recommended )?standard(?: of care|(?: [\w-]+)? (?:treatment|therapy|care))\b",
    # what was expected before the data: "it was speculated that this would protect them"
    r"\bit (?:was|had been|has long been|was widely|was once) (?:widely |long )?(?:speculated|hypothesi[sz]ed|thought|believed|assumed|expected|hoped|feared|claimed) that\b",
    r"^[^,;]{0,80}\b(is|are|remains?) (the |a |an )?(leading|common|major|frequent|main|important|growing|rising)\b[\w\s-]{0,30}\b(cause|causes|problem|concern|burden)\b",
    r"^[^,;]{0,60}\b(is|are) (increasing|rising|growing|on the rise|common|prevalent)\b",
    r"\b(is|are) increasingly (used|promoted|recogni[sz]ed|prescribed|common|popular|adopted|offered|available)\b",
    r"\b(is|are) (usually|typically|commonly|often) (used|given|prescribed|thought)\b",
    r"\busually take\b|\btypically (fades?|takes?|lasts?)\b",
    # what others claim or sell: "some online sources claim that ...", "lenses are marketed to reduce ..."
    r"\b(sources|proponents|advocates|manufacturers|websites|influencers|media|advertisements|marketers|users)\s+(claim|say|suggest|assert|report|promote|warn)\w*\s+(that\b)?",
    r"\b(is|are|was|were|have been|has been) (widely |heavily |often |increasingly )?(marketed|advertised|promoted|touted|sold|claimed) (to|as|for)\b",
    # what an agent's properties might do ("have anti-inflammatory properties that might slow kidney disease")
    r"\b(properties|actions|activities|mechanisms?|effects)\s+that\s+(might|may|could)\b",
    # the want of treatments: "patients with HFpEF have few treatment options proven to improve outcomes"
    r"\b(?:few|no|limited)\s+(?:effective\s+|proven\s+)?(?:treatment|therapeutic)\s+options\b",
    # why a treatment is being studied: "..., prompting interest in rapid-acting agents such as ketamine"
    r"\b(prompting|spurring|driving|fuelling|fueling|generating|raising|sparking)\s+(growing\s+|renewed\s+|considerable\s+)?interest\s+in\b|\b(there is|has been)\s+(growing|increasing|renewed|considerable)\s+interest\s+in\b",
]
# Hedges (kept: a hedged finding is still a finding, but the cue says so).
HEDGE_TERMS = r"\b(may|might|could|possibly|perhaps|suggest\w*|appear\w*|seem\w*|likely|potential(ly)?|tend\w*)\b"
# Words that report a finding of this study: they override a METHOD reading.
FINDING_TERMS = (
    r"\b(found|find|showed|shows|show|demonstrated|demonstrate|revealed|reveal|observed|identified|"
    r"indicate[sd]?|confirm\w*|establish\w*|report that|we report|conclude\w*|suggest\w*|resulted in|"
    r"led to|was associated|were associated|is associated|are associated|significant\w*|p ?[<=>≤]|"
    r"odds ratio|hazard ratio|risk ratio|relative risk|95% ?ci|confidence interval)\b"
    r"|\bp\s*(?:value\s*)?[<=>≤≥]\s*0?\.\d"
    # (a change with its size: "severity fell by 42% from baseline in 13 adolescents who received ...")
    r"|\b(?:fell|rose|dropped|declined|decreased|increased|improved|reduced|lowered|climbed)\s+(?:significantly\s+|markedly\s+)?(?:by|from)\s+[-−]?\d"
)

# An estimate before adjustment for confounders, and one after it: where the two disagree, the
# adjusted one answers ("In crude models, ... was associated with ..." / "... was not
# independently associated with ... once adiposity was accounted for").
CRUDE_ESTIMATE = (
    r"\b(?:crude|unadjusted|age-adjusted|age- and sex-adjusted|age and sex-adjusted|minimally adjusted)\s+(?:[\w-]+\s+)?(?:models?|analys[ie]s|estimates?|comparisons?|associations?)\b"
    r"|\bbefore adjustment\b"
)
ADJUSTED_ESTIMATE = (
    r"\bindependently\b|\bafter (?:further |full |additional |multivariable |multivariate )?adjust\w*|\bfully[- ]adjusted\b|\bmultivariable\b"
    r"|\bonce\b[^.;]{0,60}?\b(?:accounted|adjusted|controlled)\b|\bafter (?:controlling|accounting)\b"
)

# A claim that a treatment brings something back to normal ("normalizes connectivity", "reverses
# the stress-induced loss of synapses"), and the healthy reference a result may compare with: no
# difference from healthy controls after treatment is what such a claim says.
RESTORING_VERBS = r"normali[sz]\w*|restor\w*|revers(?:e|es|ed|ing)\b|rescu\w*"
HEALTHY_REFERENCE = (
    r"\b(?:from|to|with|and|of)\s+(?:those\s+of\s+|that\s+of\s+)?(?:the\s+)?(?:healthy|unstressed|non-?stressed|non-?depressed|normal|na[iï]ve|age-matched healthy)\s+"
    r"(?:controls?|volunteers?|subjects?|mice|rats|animals|participants|individuals|comparison\s+\w+|levels?|values?)\b"
)

# Claim assertions.
# A claim that denies an effect: "does not work", "doesn't", "is not", "has no", "nothing".
CLAIM_DENIAL = (
    r"\b(does|do|did|is|are|was|were|has|have|had|can|could|will|would|should)\s+(not|no)\b"
    r"|\b(doesn't|don't|didn't|isn't|aren't|wasn't|weren't|hasn't|haven't|cannot|can't|won't|never)\b"
    r"|\bthere[\'’]s\s+(?:no|not)\b"  # ("There's no evidence that it helps")
    r"|\b(does|do) nothing\b|\bhas no\b|\bhave no\b|\bno (known |significant |clear )?(effect|impact|"
    r"association|role|benefit|link|relationship|influence|difference)\b|\bfail(s|ed)? to\b|\bineffective\b"
    r"|^\s*(no|none|nothing|neither)\b|\bno (increased|higher|greater|added|additional|excess|elevated) (\w+ )?risk\b"
    r"|\bunrelated\b(?!\s+(?!to\b)[a-z])|\bindependent of\b|\b(just|all|only|merely|purely|simply|nothing but|mostly|largely)\s+(an?\s+)?placebo\b|\black(s|ed)?\b(?! of)|\bnot (required|necessary|needed|"
    r"associated|linked|related|effective|addictive|harmful|dangerous|safe)\b"
    r"|\bno (better|more effective|faster|stronger|safer)\b|\b(?:causes?|caused|produces?|produced|leads? to|led to|results? in|resulted in|gives?|gave|brings? on|triggers?|induces?|had|with) no (?:more|greater|higher|larger|extra)\b|\b(offers?|provides?|gives?|confers?|brings?) no\b|\bno (advantage|added benefit|additional benefit)\b"
)
# A trial's verdict on efficacy that names no outcome of its own ("was more effective than
# placebo", "did not result in better outcomes").
GENERIC_EFFICACY = r"(?:more |less |as |no more |not more )?effective|efficacy|efficacious|(?:better|worse|improved) outcomes|clinical benefit|benefit over"
# What "double"/"triple" name when they come before them ("triple therapy", "double-blind
# trial", "dual"): a kind of regimen, not a verb of the claim.
MULTIPLE_OF_NOUNS = r"therapy|therapies|regimens?|combinations?|blockade|vaccines?|doses?|blind|bypass|antiplatelet|inhaler|treatment"
# What an effect needs, said as a denial ("and without BDNF it doesn't work", "which without
# mTOR does not happen"): part of a claim of dependency, not the claim's negation.
NOTHING_WITHOUT = (
    r"\b(?:and|but|so|which)?\s*without\s+(?:[\w-]+\s+){0,3}?[\w-]+,?\s+(?:it|this|they|that|the (?:drug|effect|treatment|benefit))?\s*"
    r"(?:does not|doesn't|do not|don't|will not|won't|cannot|can't|fails? to|is not|isn't)\s+(?:work|happen|occur|help)\w*\b"
)
# A treatment that needs no partner, said as a denial ("doesn't need to be paired with another
# antidepressant", "does not need an SSRI to work"): a claim that it works alone, not a denial.
NO_PARTNER_NEEDED = (
    r"\b(?:does not|doesn't|do not|don't|need not|needn't)\s+(?:need\s+)?(?:to\s+be\s+)?(?:paired|combined|given|used|taken|added)\s+(?:with|to)\s+"
    r"(?:an?\s+|another\s+|any\s+|other\s+)?(?:[\w-]+\s+){0,2}?[\w-]+"
    r"|\b(?:does not|doesn't|do not|don't)\s+need\s+(?:an?\s+|another\s+|any\s+|other\s+)?(?:[\w-]+\s+){0,3}?(?:to work|to help)\b"
)
# Verbs before "as well as" that make it a comparison ("works as well as ECT"; not "in men as well as women").
EQUIVALENCE_VERBS = r"work\w*|perform\w*|do|does|did|fare\w*|function\w*"
# Assertions of equivalence ("works as well as ECT", "just as good as IV ketamine").
CLAIM_EQUIVALENCE = (
    # ("as well as" is equivalence only after a verb: "works as well as SSRIs", not "rates of X as well as Y")
    r"\b(as (good|effective|efficacious|safe|fast|durable|long[- ]lasting|potent|powerful|strong) as|(" + EQUIVALENCE_VERBS + r")\s+(just\s+|about\s+|roughly\s+|nearly\s+|almost\s+|every bit\s+)?as well as|just as|as well as (?:[\w-]+\s+){1,3}(?:does|do|did)|equivalent to|equally|"
    r"comparable (to|with)|similar to|no (worse|less effective) than|non-?inferior to)\b"
    # ("works as well for outpatients as for inpatients": the same effect in two groups)
    r"|\b(?:" + EQUIVALENCE_VERBS + r")\s+(?:just\s+)?as\s+well\s+(?:for|in|among|with)\s+[^,;.]{1,60}?\s+as\s+(?:for|in|among|with)\b"
)
# Assertions that one arm beats another ("better than SSRIs", "beats placebo", "faster than").
CLAIM_SUPERIORITY = (
    r"\b(better|more effective|superior|faster|quicker|stronger|safer|longer|greater|more)\b[\w\s-]{0,20}\b(than|to)\b"
    r"|\b(?:weaker|less (?:effective|potent|powerful))\s+than\b"
    r"|\b(beats?|outperform(s|ed)?|trump(s|ed)?|wins? over)\b"
)
# Safety claims: the claim says harms are absent or small.
# Harms said to be absent ("no side effects", "no real side effects", "no serious adverse events";
# not "no increased risk", a comparison).
NO_HARMS = (
    r"no (?:(?!(?:increased|higher|greater|added|additional|excess|elevated|more|extra)\b)[a-z-]+ )?"
    r"(?:side[- ]effects?|adverse|harms?|risks?)"
)
SAFETY_CLAIM = (
    r"\b(safe(ly|r|st)?|well[- ]tolerated|tolerable|harmless|benign|" + NO_HARMS + r"|not addictive|non-?addictive|free of (\w+ )?side effects|"
    r"(few|fewer|minimal|low|rare|mild|limited|little) (\w+ )?(side[- ]effects?|adverse (events?|effects?)|risks?|harms?))\b"
)
# Harm topics: a claim about harms is answered by harm findings, an efficacy claim is not.
HARM_TERMS = (
    r"side[- ]effects?|adverse|(?-i:AEs?)|harms?|harmful|damag\w*|toxic\w*|safe\w*|unsafe|tolerab\w*|tolerated|"
    r"addict\w*|abuse|misuse|dependence|dissociat\w*|psychos[ie]s|psychotic|psychosis-like|mania|"
    r"manic|hypomani\w*|blood pressure|arterial pressure|hypertensive crises|hypertensive crisis|systolic|diastolic|hypertension|cystitis|bladder|urinary (tract|symptoms?|problems?|damage|toxicity|urgency|frequency|incontinence)|memory|cogniti\w*(?!\s+(?:behaviou?r\w*|therap\w*|processing|training|remediation|stimulation))|"
    r"nausea|vomiting|dizziness|overdose|craving\w*|emergency care|death|deaths|fatal\w*|"
    r"emergence (?:agitation|delirium|reactions?|phenomena)|"  # (after anaesthesia)
    # harms of an exposure in pregnancy
    r"(?:congenital )?malformations?|birth defects?|congenital anomal\w*|miscarriages?|stillbirths?"
)
# A harm denied by "causes no" ("causes no dissociation", "produces no memory problems"): a
# safety claim, like SAFETY_CLAIM (not any "causes no": "causes no change" names no harm).
SAFETY_CLAIM_NO_HARM = (
    r"\b(?:causes?|caused|produces?|produced|leads? to|led to|results? in|resulted in|triggers?|triggered|induces?|induced)"
    r"\s+no\s+(?:" + HARM_TERMS + r")"
)
# Time: durations named in claims and results, in days.
TIME_UNITS: dict[str, float] = {
    "minute": 1 / 1440, "min": 1 / 1440, "hour": 1 / 24, "h": 1 / 24, "hr": 1 / 24, "day": 1.0, "d": 1.0,
    "week": 7.0, "wk": 7.0, "month": 30.0, "mo": 30.0, "year": 365.0, "yr": 365.0,
}
# The same units as words in a pattern ("48 h", "two weeks", "3 mo").
TIME_UNIT_WORDS = r"minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|months?|mo|years?|yrs?"
# Numbers in words: the cardinals (exact), and with them the counts a claim may give vaguely
# ("a few weeks", "several days").
CARDINAL_WORDS: dict[str, float] = {
    w: float(i)
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
    )
} | {"thirty": 30.0, "forty": 40.0, "fifty": 50.0, "hundred": 100.0}
CARDINAL_PATTERN = "|".join(sorted(CARDINAL_WORDS, key=len, reverse=True))
NUMBER_WORDS: dict[str, float] = CARDINAL_WORDS | {
    "a": 1, "an": 1, "a single": 1, "a couple of": 2, "couple of": 2, "few": 3, "a few": 3, "several": 4,
}
# Claims that an effect lasts ("for months", "permanent", "keeps ... at bay", "long-lasting").
# A claim of an effect held for a stated time ("reduces pain for 48 hours", "relieves depression
# for two weeks"): a claim that it lasts that long, however short (not in what the arms are
# compared with: "... compared with exercises on land for 6 weeks" is how long they were given).
LASTING_FOR_SPAN = (
    r"\bfor\s+(?:" + CARDINAL_PATTERN + r"|\d+(?:[.·]\d+)?)[\s-]*(?:" + TIME_UNIT_WORDS + r")\b"
    # ("relieves OCD symptoms for a week"; not "for a year or two")
    r"|\bfor\s+an?\s+(?:week|month|year)\b(?!\s+or\b)"
)
LASTING_CLAIM = (
    r"\b(lasts?|lasting|last for|keeps?\b[\w ]{0,60}\bfor|maintain\w*|sustain\w*|persist\w*)\b|\bpermanent\w*|\bfor good\b|\bforever\b|"
    r"\bstays? (gone|away|down|better|well)\b|\b(a|one|two|three|six|\d+) (weeks?|months?|years?) later\b[^.;]{0,60}\bstill\b|"
    r"\blong[- ](lasting|term)\b|\bdurabl\w*|\bfor (several |many )?(weeks|months|years)\b|\b(through|until|up to|out to) (day|week|month|year) \d+\b|\bfor at least\b|\bfor (more than|over|beyond) (a |one |two |three |four |six |several |\d+ )(days?|weeks?|months?|years?)\b"
)
# Nouns a duration names that are not a time point ("a 5-day course", "7-day point prevalence",
# "24-h ambulatory BP"): what the arm got or how it was measured.
TIME_SPAN_NOUNS = (
    r"groups?|arms?|courses?|regimens?|schedules?|programm?e?s?|periods?|point|recall|averages?|mean|ambulatory|"
    r"intervals?|windows?|trials?|study|studies|supply|treatment|therapy|dosing|infusions?|history|diary|urine|holter"
)
# Claims that an effect fades ("fade within a week", "wear off within hours") — not names that
# begin with "transient" ("transient ischaemic attack", "transient evoked otoacoustic emissions").
TRANSIENT_NAMES = r"ischa?emic|evoked|receptor|tachypnoea|tachypnea|elastography|synovitis|hypothyroxin\w*|global amnesia"
FADING_CLAIM = (
    r"\b(fades?|wears? off|wanes?|disappears?|subsides?|resolves?|is lost|short[- ]lived|transient(?!\s+(?:"
    + TRANSIENT_NAMES + r")\b)"
    # ("only lasts a few days", "lasts just hours")
    r"|only\s+lasts?|lasts?\s+(?:only|just|no more than|at most|(?:for\s+)?(?:less|fewer)\s+than|under|below)"
    # ("only works for a few days", "the effect is gone within a week", "goes away after a day")
    r"|only\s+(?:works?|helps?|acts?)\s+for\s+(?:about\s+|around\s+|roughly\s+|up\s+to\s+)?(?:a\s+few|several|a\s+couple\s+of|an?|" + CARDINAL_PATTERN + r"|\d+)\s+(?:" + TIME_UNIT_WORDS + r")"
    r"|(?:is|are)\s+gone\s+(?:within|after|by|in)|goes\s+away\s+(?:within|after|by|in)"
    # ("causes only a brief glutamate surge": what it causes is short; not "after a brief infusion")
    r"|only\s+(?:an?\s+)?brief(?!\s+(?:infusions?|course|interventions?|exposures?|sessions?|treatments?|period|therapy|psychotherapy|counsel\w*|doses?|training)\b))\b"
)
# A claim about one dose ("a single infusion", "one injection", "single-dose") and a result about
# repeated dosing ("twice-weekly infusions", "a series of six infusions", "repeated doses"): another
# regimen, unless the sentence also speaks of the one dose ("after the first infusion").
DOSE_UNITS = r"doses?|infusions?|injections?|sessions?|administrations?|treatments?|sprays?|shots?"
SINGLE_DOSE = r"\b(?:a\s+single|one|single)[\s-]+(?:(?!(?:course|series|round|cycle|set|block)s?\b)[\w-]+\s+){0,2}?(?:" + DOSE_UNITS + r")\b|\bsingle[- ]dose\b"
REPEATED_DOSES = (
    r"\b(?:repeated|repeat|serial|multiple|successive|maintenance|(?:once|twice|thrice|three times)[- ]weekly|weekly|biweekly)\s+(?:[\w-]+\s+){0,2}?(?:" + DOSE_UNITS + r")\b"
    r"|\b(?:series|course)\s+of\s+(?:\w+\s+){0,2}?(?:" + DOSE_UNITS + r")\b|\b(?:series|course)\s+of\s+(?:two|three|four|five|six|eight|ten|twelve|\d+)\b"
    r"|\bmore\s+(?:[\w-]+\s+)?(?:doses|infusions|injections|sessions|treatments)\b"
    r"|\b(?:two|three|four|five|six|eight|ten|twelve|[2-9]|1[0-9])\s+(?:[\w-]+\s+){0,2}?(?:doses|infusions|injections|sessions|administrations|treatments)\b"
)
FIRST_DOSE = r"\b(?:first|initial|single|one|1st)\s+(?:[\w-]+\s+){0,2}?(?:" + DOSE_UNITS + r")\b|\bsingle[- ]dose\b"
# Words that tell two schedules of the same treatment apart ("twice-weekly ketamine infusions" against
# "once-weekly infusions", "a series of infusions" against "a single infusion"): the arms' names then.
REGIMEN_TERMS = (
    r"(?:once|twice|thrice|three[- ]times)[- ](?:a[- ])?(?:daily|weekly|monthly|day|week|month)|every[- ]other[- ](?:day|week)|"
    r"daily|weekly|fortnightly|monthly|single|one-off|series|repeated|multiple|serial|"
    r"(?:two|three|four|five|six|eight|ten|twelve|\d+)[- ](?:infusion|dose|session|injection)s?"
)
# Diseases named by a direction of their own ("heart failure with reduced ejection fraction"): in a
# claim, the setting (group 1 the disease, group 2 its qualifier), not the outcome or its direction.
NAMED_BY_DIRECTION = (
    r"heart failure)\s+(with\s+(?:reduced|preserved|mildly\s+reduced|mid-?range|improved)\s+ejection\s+fraction"
)
# Claims about a rapid onset ("in hours", "within hours", "rapidly", "immediate", "faster").
ONSET_CLAIM = r"\b(in|within) (below |under )?(hours|minutes|a day|(a|one|two|\d+) (hours?|days?))\b|\brapid(ly)?\b(?!-)|\bimmediate(ly)?\b|\bquick(ly)?\b|\bfast(er)?\b(?!-)"
# A result that an effect was lost ("no longer significant", "lost by day 7", "relapsed").
EFFECT_LOST = (
    r"\bno longer (statistically |significantly )?(significant|present|different|evident|detectable)\b|"
    # ("had returned to vehicle levels by 2 weeks", "did not persist beyond the first week")
    r"\breturned (?:to|toward|towards) (?:the\s+)?(?:vehicle|control|placebo|saline|sham|normal|pre-?treatment|pre-?infusion|pre-?dose|baseline)(?:[- ]treated)? (?:levels?|values?)\b|"
    r"\breturned (?:toward|towards) (?:baseline|pre-?treatment)\b|"
    r"\b(?:did not|does not|do not|failed to) persist\b|\b(was|were|had been) lost\b|"
    r"\blost by\b|\b(was|were|had been) (largely |mostly |partly |entirely )?lost\b|\bfaded\b|\bwaned\b|\bwore off\b|"
    r"\b(?:wanes?|fades?|wears? off) (?:rapidly|quickly|within|after|by|over)\b|\breturned to (?:(?:near|close to)\s+)?(baseline|pre-?treatment)\b|"
    r"\b(had )?resolved\b|\bfallen back\b|\bconverged\b|\bdissipated\b|\bhad relapsed\b|"
    r"\brelapsed (by|within)\b|\btime to relapse was\b|\bsubsided\b|\b(had )?(disappeared|vanished|ended)\b|"
    r"\b(was|were|had) gone\b|\b(?:was|were|became) (?:absent|undetectable)\b|\b(not|no longer) (sustained|maintained|durable|persistent)\b|\bshort-?lived\b|\bwaning\b|\b(was|were) (transient|temporary|brief)\b|"
    r"\breturning to (baseline|pre-?treatment)\b|\blast(?:ing|ed)\s+(?:for\s+)?(?:less than|under|fewer than)\b"
)
# ... or that few kept it: "only 2 of 26 responders still met criteria", "none remained in remission"
EFFECT_FEW_KEPT = (
    r"\b(only|just)\s+(\d+|one|two|three|a few|a minority)\b[^.;]{0,60}\b(still|remained|maintained|sustained|kept)\b"
    r"|\b(none|no one|nobody|no patients?|no participants?)\b[^.;]{0,60}\b(still|remained|maintained|sustained|kept)\b"
    # ("fewer than 10% remained well at 3 months")
    r"|\b(?:fewer|less)\s+than\s+(?:\d+(?:[.·]\d+)?\s*%|half|one in \w+|a (?:third|quarter|fifth|tenth))[^.;]{0,60}\b(still|remained|maintained|sustained|kept|stayed)\b"
)
# A result that an effect lasted ("remained significant at day 14", "stayed below 10 ... six months").
EFFECT_KEPT = (
    r"\b(remained|still|persisted|sustained|maintained|stayed|lasted|lasting|continued|durable|had not resolved|(?:was|were|proved|proved to be) (?:permanent|lifelong))\b|"
    r"\bover (?:the (?:following |next )?)?(?:\d+|two|three|four|six|eight|twelve) (?:weeks|months)\b"
)

# Populations named in claims and results; a result about another one says nothing about the claim's.
# (id, pattern)
POPULATION_GROUPS: list[tuple[str, str]] = [
    ("adolescents", r"\b(adolescen\w*|teen\w*|youths?|aged 1[2-7]|children|pediatric|paediatric|juvenile)\b"),
    ("infants", r"\b(infants?|newborns?|neonat\w*|babies|toddlers?)\b"),
    ("older adults", r"\b(older adults?|elderly|geriatric|aged 65|over 65|65 (years )?(and|or) older|late-life|aged (6\d|[7-9]\d) (years )?(or|and) (older|over|above))\b"),
    ("adults", r"\b(adults?|aged (1[89]|[2-5]\d) ?(to|-|–) ?\d\d|18[-–]6\d)\b"),
    # adults named as younger than the old: what a claim about older adults conflicts with (the
    # bare word "adults" does not: "adults aged 50 years or older" include them)
    ("younger adults", r"\b(young(er)? adults?|aged (1[89]|[2-5]\d) ?(to|-|–) ?([2-5]\d|6[0-4])|18[-–]6[0-4])\b"),
    ("veterans", r"\b(veterans?|military|service members?|soldiers?)\b"),
    ("pregnant", r"\b(?<!non-)(?<!non)(pregnan\w*|antenatal|prenatal|expectant mothers?|gestation|(first|second|third) trimester|"
                 r"weeks'? of gestation|in labou?r|caesarean|cesarean|obstetric)\b"),
    ("healthcare workers", r"\b(health[- ]?care (workers?|staff|professionals?|personnel|providers?)|health workers?|nurses|"
                           r"physicians|doctors|medical staff|hospital staff|front-?line workers?)\b"),
    ("civilians", r"\b(civilians?)\b"),
    # newly diagnosed disease and disease that came back after treatment; births by either route
    ("newly diagnosed", r"\b(newly[- ]diagnosed|previously untreated|untreated (?:advanced |metastatic )?(?:disease|cancer|myeloma|lymphoma|leuka?emia))\b"),
    ("relapsed or refractory", r"\b(relapsed(?: or |/| and/or )refractory|(?:heavily )?pretreated|previously treated|"
                               r"(?:had )?received (?:one|two|three|\d|at least one) or more (?:previous|prior) (?:lines?|regimens?))\b"),
    ("vaginal delivery", r"\b(vaginal(?:ly)? (?:deliver\w*|births?|born))\b"),
    ("caesarean delivery", r"\b((?:caesarean|cesarean) (?:sections?|deliver\w*|births?)|c-sections?)\b"),
    ("women", r"\b(women|woman|female|postpartum|pregnan\w*|mothers?|maternal)\b"),
    ("men", r"\b(men|males?|fathers?|paternal)\b"),
    ("recreational users", r"\b(recreational|nonmedical|non-medical|illicit|street|heavy|frequent users?|daily users?)\b"),
    ("medical use", r"\b(medical(ly)?|prescri\w*|therapeutic( doses?|ally)?|clinical use|in routine care|clinics?|treatment for|treated for|infusions? for|(?:taken|taking|used|given) (?:to treat|for))\b"),
    ("treatment-resistant", r"\b(treatment[- ](resistant|refractory)|non-?responders?|(had not|did not|failed to) respond\w*|where [\w-]+ fails?|after [\w-]+ fail(s|ed)?)\b"),
    ("treatment-naive", r"\b(treatment|drug|medication|antidepressant)[- ]na[iï]ve|first[- ]episode|never (been )?treated\b"),
    ("animals", r"\b(mice|mouse|rats?|rodents?|murine|animals?|primates?|monkeys?|macaques?|zebrafish|hamsters?|ferrets?|"
                r"rabbits?|piglets?|pigs|swine|dogs|canine|sheep|ovine|guinea pigs?)\b"),
    # cells in a dish: what a claim about patients is not answered by
    ("cells", r"\b(in vitro|cell lines?|cultured (\w+ )?cells|cell cultures?)\b"),
    # a vaccinated group and an unvaccinated one; smokers and people who never smoked
    ("vaccinated", r"\b(?<!un)(?<!non-)(?<!non)vaccinated\b|\b(?<!un)immuni[sz]ed\b"),
    ("unvaccinated", r"\b(unvaccinated|non-?vaccinated|not (been )?vaccinated)\b"),
    # a claim explicitly about people; an animal-only record says nothing about it
    ("humans", r"\b(patients?|people|persons?|humans?|participants|volunteers|individuals|you|your)\b"),
]
# Populations a record must name to say anything about a claim made for them: a study of adults
# in general does not answer a claim about pregnant women, teenagers, veterans or nurses.
NAMED_POPULATIONS = ("pregnant", "adolescents", "infants", "veterans", "healthcare workers")
# ... or by the ages they cover (a record "aged 10 to 30 years" names adolescents).
POPULATION_AGES: dict[str, tuple[float, float]] = {"adolescents": (10, 19), "infants": (0, 2)}
# ... or by where they are found ("school-based programmes", "pupils", "childhood obesity").
POPULATION_ALSO_NAMED: dict[str, str] = {
    "adolescents": r"\b(childhood|schools?|school-based|pupils|students|elementary|kindergarten|grades? \d+|\d+(?:st|nd|rd|th) grade)\b",
}
# Conflicting populations: a result about the second says nothing about a claim about the first.
POPULATION_CONFLICTS: dict[str, tuple[str, ...]] = {
    "treatment-resistant": ("treatment-naive",),
    "adolescents": ("adults", "older adults", "infants"),
    "infants": ("adolescents", "adults", "older adults"),
    "older adults": ("younger adults", "adolescents"),
    "adults": ("adolescents", "infants"),
    "veterans": ("civilians",),
    "newly diagnosed": ("relapsed or refractory",),
    "relapsed or refractory": ("newly diagnosed",),
    "vaginal delivery": ("caesarean delivery",),
    "caesarean delivery": ("vaginal delivery",),
    "recreational users": ("medical use",),
    "medical use": ("recreational users",),
    "humans": ("animals", "cells"),
    "women": ("men",),
    "men": ("women",),
    "vaccinated": ("unvaccinated",),
    "unvaccinated": ("vaccinated",),
}

# Conditions that exclude each other: a result about the second says nothing about a claim about
# the first, even though both are depression.
CONDITION_CONFLICTS: dict[str, tuple[str, ...]] = {
    "bipolar": ("unipolar",),
    "unipolar": ("bipolar",),
    "generalized_anxiety": ("social_anxiety",),
    "social_anxiety": ("generalized_anxiety",),
}

# Experiments that block a target with something else: "blocking mTOR abolished the effects",
# "the effects were blocked by rapamycin", "pretreatment with NBQX" -- not what the drug does.
# Built from the vocabulary's drugs when first used, so a drug added as one entry is known here.
@cache
def experiment_pattern() -> str:
    drugs = "|".join(p.strip(r"\b") for c in CONCEPTS if c.group == "intervention" for p in c.detect)
    return (
        r"\b(block\w*|inhibit\w*|antagoni[sz]\w*|abolish\w*|prevent\w*|attenuat\w*|revers\w*|occlud\w*|abrogat\w*)"
        r"\s+by\b(?!\s+(\w+\s+){0,2}?(" + drugs + r"|the drug))"
        r"|\bpre-?treat\w*\s+with\b|\bin the presence of\b|\bco-?administ\w*"
        r"|\b(block\w*|inhibit\w*|antagoni[sz]\w*|knock\w*|delet\w*)\b[^.;]{0,60}?\b(abolish\w*|prevent\w*|"
        r"attenuat\w*|revers\w*|occlud\w*|blunt\w*|abrogat\w*|eliminat\w*)\b"
    )

# Treatments named in a sentence that does not name the claim's intervention: the sentence is
# about them, not about the claim ("SSRIs raise synaptic serotonin ...").
OTHER_TREATMENTS = (
    r"\b(antidepressants?|SSRIs?|SNRIs?|fluoxetine|sertraline|escitalopram|citalopram|paroxetine|venlafaxine|"
    r"bupropion|lithium|antipsychotics?|benzodiazepines?|opioids?|naltrexone|ECT|electroconvulsive|TMS|"
    r"medications?|drugs?|agents?|\w*therap(y|ies)|treatments?)\b"
)

# Generic words for the trial's own arms ("between the two treatments", "the study drug",
# "adverse drug reactions"): not another treatment.
ARM_REFERENCE = (
    r"\b(the|both|two|three|four|all|these|study|either|each|active|same|adverse|between|among|across|per|placebo|control|combination|standard|usual)\s+"
    r"([\w-]+\s+)?(treatments?|drugs?|medications?|agents?|therap(y|ies)|regimens?|interventions?)\b"
)
# A comparison of the trial's arms that names neither ("no differences among the three groups",
# "between-group difference", "intergroup").
BETWEEN_ARMS = (
    r"\b(between|among|across|in) (the |both |all )?(two |three |four |2 |3 |4 )?(treatment |study |randomi[sz]ed |[\w-]+ )?"
    r"(groups|arms|treatments|conditions|regimens|interventions|formulas|methods|techniques)\b"
    r"|\b(inter-?group|between[- ]groups?|between[- ]treatments?)\b"
    r"|\bbetween [\w-]+ and [\w-]+ (groups|arms|conditions|participants|patients)\b|\bwith and without\b"
    r"|\bbetween (groups? |arms? )?([A-Z]{1,4}\d?|\d) and ([A-Z]{1,4}\d?|\d)\b"
)

# A subtype named with its label ("type 1 diabetes", "influenza B", "HIV-2", "stage IV"): a result
# about another label of the same head says nothing about the claim's.
SUBTYPES = (
    r"\b(type|influenza|hepatitis|HIV|HSV|HPV|stage|grade|serotype|genotype|subtype)[\s-]?"
    r"(\d{1,2}[a-z]?|[A-E](?![a-z])|IV|V|I{1,3})(?![\w-])"
)
# ... and one named by its place in a sequence ("the second stage of labour", "third trimester",
# "first-line therapy", "the second dose"): another place is another outcome or population.
ORDINAL_SUBTYPES = r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-](stage|trimester|line|degree|dose)s?\b"
ORDINAL_WORDS: dict[str, str] = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth"}
# Populations that exclude each other: a claim about one is not answered by a sentence about another
# of the same group (premenopausal / postmenopausal women, HFpEF / HFrEF).  (group, ((id, pattern), ...))
EXCLUSIVE_POPULATIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("menopause", (("premenopausal", r"pre-?menopaus\w*"), ("postmenopausal", r"post-?menopaus\w*"))),
    ("ejection fraction", (("HFpEF", r"HFpEF|preserved (left ventricular )?ejection fraction"),
                           ("HFrEF", r"HFrEF|reduced (left ventricular )?ejection fraction"))),
    ("blood pressure", (("normotensive", r"normotensive|normal blood pressure"),
                        ("hypertensive", r"hypertensive (adults|patients|participants|individuals|people|subjects|women|men)|"
                                         r"(with|having) (stage \d |mild |moderate |severe |resistant )?hypertension"))),
    ("species", (("rodents", r"rodents?|mice|mouse|murine|rats?"), ("primates", r"(?:rhesus |non-?human )?(?:monkeys?|primates?|macaques?)"),
                 ("flies", r"Drosophila|fruit ?fl(?:y|ies)"), ("worms", r"C\. ?elegans|Caenorhabditis|nematodes?"),
                 ("yeast", r"yeast|S\. ?cerevisiae"), ("zebrafish", r"zebrafish"))),
    # ("heavy ketamine use wrecks your bladder" is not answered by patients given supervised low doses)
    ("use", (("recreational", r"(?:heavy|recreational|street|illicit|non-?medical|chronic) (?:ketamine )?(?:use|users|abuse)\b|\b(?:ketamine )?(?:abusers|misusers)"),
             ("therapeutic", r"(?:supervised|therapeutic|prescribed|clinical) (?:low-dose |sub-?an(?:a)?esthetic )?(?:dosing|doses?|infusions?|treatment|use)|"
                             r"(?:patients|participants) (?:receiving|given|treated with) (?:supervised |low-dose |sub-?an(?:a)?esthetic |twice-weekly |weekly |intravenous |intranasal |oral ){0,4}(?:ketamine|esketamine|infusions)"))),
    ("gestation", (("preterm", r"pre-?term|premature (infants|neonates|babies|newborns)"),
                   ("term", r"(?<!pre)(?<!pre-)\b(full-?)?term (infants|neonates|babies|newborns|pregnanc\w+)"))),
)
# Grades of a condition's severity, from least to most: "severe depression" is not answered by a
# trial in "mild to moderate depression".
SEVERITY_GRADES = ("mild", "moderate", "severe")
# People left out of a study ("patients with bipolar disorder were excluded"): not its population.
EXCLUDED = (
    r"\b(patients|participants|people|those|individuals|subjects|women|men|children|adults)\s+(with|who had|on|taking)\s+"
    r"[^.;]{1,80}?\s+(were|was)\s+(excluded|not eligible|ineligible)\b|\bexcluding\s+[^,;.]{1,60}|\bexclusion criteria\b[^.;]{0,120}"
    r"|\(\s*[^()]{1,60}\bexcluded\s*\)"  # ("(bipolar disorder excluded)")
    # ("depression without obsessive-compulsive features": not people with OCD)
    r"|\bwithout\s+(?:comorbid\s+|co-?occurring\s+|concurrent\s+|a history of\s+)?[\w-]+(?:[\s-][\w-]+)?\s+(?:features|symptoms|comorbidity|disorders?)\b"
    # a clause whose subject is the people left out ("...; women who were pregnant or breastfeeding were
    # excluded", "Adolescents were not eligible because ...", "pregnant women were referred elsewhere and not enrolled")
    r"|(?:^|(?<=[;:]))\s*[^.;:,]{1,70}?\s+(?:were|was)\s+(?:\w+\s+)?(?:excluded|not eligible|ineligible|not enrolled|not included)\b"
    r"|(?:^|(?<=[;:]))\s*[^.;:,]{1,70}?\s+(?:were|was)\s+[^.;:]{1,60}?\band\s+(?:were\s+)?not\s+(?:enrolled|included|eligible)\b"
)
# ... and "bipolar disorder was an exclusion criterion" (looked for only where the words are)
EXCLUSION_CRITERION = (
    r"(?:^|(?<=[;,:]))[^.;,:]{1,60}?\s+(?:was|were)\s+(?:an?\s+|the\s+)?exclusion criteri(?:on|a)\b"
)

# Verbs of a purpose after a claim's comparator ("than cytology to detect CIN2"): the comparator ends there.
PURPOSE_VERBS = r"detect|diagnose|identify|screen|predict|prevent|treat|reduce|improve|achieve|induce|maintain|control|relieve|manage"

# An outcome made of several events ("the composite of cardiovascular death, MI or stroke", "the
# primary outcome (death or hospitalisation)"): not one of its parts.
COMPOSITE_OUTCOME = (
    r"\bcomposite\b|\b(?:primary|secondary|combined|main)\s+(?:efficacy\s+)?(?:outcome|end\s*-?\s*point)s?\s*\([^()]*\b(?:or|and)\b[^()]*\)"
    r"|\b(?:primary|secondary|combined|main)\s+(?:outcome|end\s*-?\s*point)s?\s+(?:of|was)\s+[^;()]*?,[^;()]*?\bor\b"
)
# ... and a claim about events of several kinds, which a composite answers ("cuts cardiovascular events")
SEVERAL_EVENTS = r"\b(?:events?|outcomes?|complications?|MACE|composite|combined|endpoints?|end points?)\b"
# A claim about how many people benefit ("works for 7 in 10 people", "60% of patients respond",
# "most people get better"), and what a result counts of them (responders, remissions)
CLAIMED_SHARE = (
    r"\b(?:(?P<n>\d{1,2})\s+(?:in|out of)\s+(?P<m>\d{1,3})|(?P<pct>\d{1,3})\s*(?:%|percent)\s+of"
    r"|(?P<word>most|the (?:vast )?majority of|nearly all|almost all|virtually all|all|every))\s+(?:of\s+(?:the\s+)?)?(?:people|patients|users|sufferers|adults|those|individuals|participants|cases|subjects|children|women|men|recipients|patient|person|sufferer|user)\b"
    # ("works for everyone", "helps everybody who tries it")
    r"|(?:(?<=\bfor )|(?<=\bin ))(?P<everyone>everyone|everybody)\b"
)
SHARE_OUTCOME = r"\b(?:respon\w*|remission|remit\w*|responders?|much improved|improved)\b"
# The people's disease state, not an outcome ("for adults with relapsed or refractory leukaemia")
DISEASE_STATES = r"relapsed|refractory"
# Words that say a change defines a category ("the response criterion of at least a 35% reduction")
CATEGORY_DEFINITION = r"criteri\w*|defined|definition|threshold|response|remission|responders?"
# A part of a composite reported on its own ("cardiovascular death alone did not differ").
COMPONENT_ALONE = r"\b(alone|by itself|on its own|individually|separately|as a single (component|end-?point))\b"
# A comparator that is the intervention's absence or the usual care ("no massage", "usual care"):
# a results sentence names it as the trial's controls.
ABSENT_COMPARATOR = r"no|without|usual|standard|routine|conventional|expectant|observation|nothing"
# A claim about adding one treatment to another ("Adding X to chemotherapy ..."): its comparator
# is the base alone, which a trial names by its placebo or control arm.
ADD_ON_CLAIM = r"^\s*(?:adding|the addition of)\b|\b(?:added to|in addition to|on top of)\b"
# Words of a treatment added to another ("adding X to Y", "X plus Y"): the trial's placebo arm
# gets the base too, so a placebo arm is no other comparator.
ADD_ON_WORDS = r"adding|addition|added|plus|add-on|adjunct\w*|augment\w*|combined with|in combination"
# A comparator that is the base alone or no treatment ("lomustine alone", "usual care", "baseline").
BASE_ONLY_COMPARATOR = r"alone|only|baseline|no|without|standard|usual"
# Deaths as an outcome (inside a composite, an efficacy outcome rather than a harm).
DEATH_WORDS = ("death", "deaths", "fatal", "fatality", "fatalities")
# Verb forms that say one thing brings about another ("leads to", "inducing"; not the nouns
# "product", "results"): a causal claim restated in another verb of the same kind.
CAUSAL_VERB_FORMS = (
    r"caus(?:es?|ed|ing)|(?:leads?|led|leading) to|(?:results?|resulted|resulting) in|induc(?:es?|ed|ing)|trigger(?:s|ed|ing)?|"
    r"(?:drives?|drove|driving)|produc(?:es?|ed|ing)|provok(?:es?|ed|ing)"
)
# Section labels of an abstract's methods: a sentence under one names the people studied.
SAMPLE_SECTIONS = ("METHOD", "PATIENTS", "PARTICIPANTS", "SUBJECTS", "SETTING", "DESIGN")
# Words that list a verb's later objects ("reduce X, as well as Y").
LISTED_OBJECT = r"as well as|and also|along with"
# A result in a subgroup, and the words that define it ("In a prespecified subgroup of women with ...").
SUBGROUP_RESULT = (
    r"\b(?:in|among|for|within)\s+(?:a|the|this|each)\s+(?:\w+\s+)?(?:pre-?specified\s+|post[- ]hoc\s+|exploratory\s+)?"
    r"subgroups?\s+(?:of|with|analysis of)?\s*([^,;:]{3,80})"
)

# Arms a trial may compare a treatment with instead of the claim's active comparator (with drug
# names and the vocabulary's treatments): "HR 0.79 ... in the apixaban group compared with 1.60%
# in the warfarin group" does not answer "apixaban reduces stroke compared with aspirin".
OTHER_CONTROL_ARMS = r"placebo|sham(?: \w+)?|vehicle|saline|usual care|standard care|treatment as usual|wait-?list|waiting[- ]list|no treatment"
# Words before an arm that set it against another ("than", "versus", "in the ... group").
ARM_SET_AGAINST = r"\b(?:than|versus|vs\.?|compared (?:with|to)|relative to|in the|with|over)\s+(?:[\w-]+\s+){0,3}$"

# Kinds of one outcome, told apart by the word in front: "overall survival" is not answered by
# "progression-free survival" (each tuple: the kinds of the outcome named last).
OUTCOME_KINDS: tuple[tuple[str, ...], ...] = (
    ("overall", "progression-free", "disease-free", "event-free", "recurrence-free", "relapse-free", "metastasis-free",
     "cancer-specific", "disease-specific", "leukemia-free", "failure-free", "survival"),
    ("all-cause", "cardiovascular", "cardiac", "cancer", "cancer-specific", "in-hospital", "mortality"),
    ("systolic", "diastolic", "pressure"),
)

# Deaths of any cause vs deaths of one cause: a claim about the first ("overall death rate") is not
# answered by the second ("death from prostate cancer").
# The trials' abbreviations of kinds of survival, spelt out where kinds are compared ("PFS" is
# not overall survival).
SURVIVAL_ABBREVIATIONS: dict[str, str] = {
    "OS": "overall survival", "PFS": "progression-free survival", "DFS": "disease-free survival", "EFS": "event-free survival",
    "RFS": "relapse-free survival", "MFS": "metastasis-free survival", "DMFS": "metastasis-free survival",
    "iDFS": "disease-free survival", "IDFS": "disease-free survival", "FFS": "failure-free survival",
}
ALL_CAUSE_DEATHS = r"\b(overall|all-cause|all cause|total|any-cause)\s+(death|deaths|mortality|death rates?|survival)\b|\bdeaths? from any cause\b"
CAUSE_SPECIFIC_DEATHS = (
    r"\b(death|deaths|mortality)\s+(from|due to|caused by|attributed to)\s+(?!any\b)\w+"
    r"|\b[\w-]+[- ](specific|cancer|cardiovascular|cardiac|coronary|stroke|covid-19|suicide)\s+(death|deaths|mortality)\b"
)

# Hard outcomes: a claim about them is not answered by a surrogate ("prevents suicide deaths" is
# not shown by lower suicidal-ideation scores).
HARD_OUTCOMES = (
    r"\b(deaths?|mortality|died|survival|suicides|suicide(?![\w-]| (?:ideation|thoughts?|scores?|scales?|risk|items?)\b)|attempted suicide|hospitali[sz]ations?|"
    r"fractures?|strokes?|myocardial infarctions?|heart attacks?)\b"
)
# Claims about preventing something, and populations that already have it (treatment, not prevention).
PREVENTION_CLAIM = r"\b(prevent\w*|prophyla\w*|ward(s|ed)? off|protect\w* against)\b"
TREATMENT_POPULATION = (
    r"\b(with|had|having|diagnosed with) (established|existing|diagnosed|current|active|ongoing|confirmed)\b"
    r"|\balready (had|have|has|having|developed|diagnosed with|suffering from|suffered from)\b"
)
# Association claims and results: "the more X, the better Y", "X is associated with higher Y".
ASSOCIATION_MARKERS = (
    r"\b(associated with|association (with|between|of)|correlat\w* with|predict(s|ed|ing)?|predictive of|"
    r"linked (to|with)|tied to|related to|relationship (with|between)|risk factor for)\b"
)
# Levels of an exposure or an outcome said with a plain adjective on one side of an association
# ("Short telomeres are associated with ...", "the risk of a small-for-gestational-age baby").
# Too little of a thing, as a noun ("vitamin D deficiency", "iron insufficiency"): its low level
TOO_LITTLE_NOUNS = r"deficien(?:cy|cies|t)|insufficien(?:cy|cies|t)|lack of|shortage of|depletion of"
# An amount given against a number on the exposure's side of an association ("sleeping less than
# six hours", "at least 7,000 steps", "<6 h per night"): a low or high level of it.
AMOUNT_BELOW = r"below|under|less than|fewer than|shorter than|<|≤"
AMOUNT_ABOVE = r"above|over|more than|greater than|longer than|at least|>|≥"
ASSOCIATION_LEVELS: dict[str, int] = {
    "short": -1, "small": -1, "low": -1, "few": -1,
    "long": 1, "large": 1, "high": 1, "heavy": 1, "big": 1,
}
# A claim's exposure named as too little of something ("skimping on sleep", "too little vitamin D"):
# a result on the amount of the thing itself ("sleeping less than 6 hours was associated with ...")
# reads against the claim with the sign turned.
LESS_OF_EXPOSURE = (
    r"^\s*(?:skimp(?:ing|s)? on|cut(?:ting|s)? (?:back|down) on|too little|not (?:getting )?enough|lack of|insufficient|"
    r"less|fewer|short(?:er)?|low(?:er)?|poor)\b"
)
# Association signs said in words: "negatively associated", "inversely correlated".
ASSOCIATION_SIGN = {"negative": -1, "negatively": -1, "inverse": -1, "inversely": -1, "positive": 1, "positively": 1}
# Loss of function: a result in animals or cells lacking the claim's subject reads the other way.
LOSS_OF_FUNCTION = (
    r"\b(knock-?out|knock-?down|deficien(t|cy)|deletion|deleted|lacking|null|ablation|ablated|loss of|"
    r"depletion of|immunodepletion of|immunodepleted|silencing|silenced|mutant|-/-|\(-/-\)|[a-zA-Z]?KO)\b"  # ("Sirt1 LKO mice": a liver knockout; cKO, iKO)
)
# People who have little of something ("people with low vitamin D", "those with lower HDL"): a
# claim about them is about the thing taken away, as "vitamin D deficiency" is.
LOW_LEVEL_OF = r"\b(?:with|have|has|having|had)\s+(?:a\s+|an\s+)?(?:low|lower|reduced|insufficient|deficient|inadequate|poor)(?:[\s-]+(?:levels?|concentrations?|status)\s+of)?\s+(?!dose|-dose|doses|risk|income)[A-Za-z]"
# Moves that only a bad thing makes ("ameliorates insulin resistance", "alleviated itch"): their
# object is bad even where the valence table does not know it.
EASING_MOVES = r"ameliorat\w*|alleviat\w*|reliev\w*|mitigat\w*|eases?|eased|easing"
# ... and the words that take a thing away when they follow its name ("Lkb1 loss", "ceramide
# synthesis inhibition"; before it they need "of": "loss of Lkb1").
LOSS_AFTER_NAME = r"loss|inhibition|inactivation|blockade|suppression|downregulation|depletion|ablation"
# Section labels written into the sentence text ("OBJECTIVE To assess ...", "RESULTS We found ...").
SECTION_LABEL = (
    r"^\s*(BACKGROUND|INTRODUCTION|CONTEXT|OBJECTIVES?|AIMS?|PURPOSE|RATIONALE|METHODS?|METHODOLOGY|DESIGN|"
    r"SETTING|SETTINGS|PARTICIPANTS|PATIENTS|SUBJECTS|INTERVENTIONS?|MAIN OUTCOME MEASURES?|MEASUREMENTS|"
    r"OUTCOMES?|STUDY DESIGN|DATA SOURCES|STUDY SELECTION|DATA EXTRACTION|RESULTS?|FINDINGS|CONCLUSIONS?|"
    r"INTERPRETATION|SIGNIFICANCE|DISCUSSION|IMPORTANCE|LIMITATIONS)(\s+AND\s+[A-Z]+)?\s*[:.]?\s+(?=[A-Z0-9(])"
    # the same labels in title case, with their colon ("Background: ...", "Introduction: ...")
    r"|^\s*((?:Background|Introduction|Context|Objectives?|Aims?|Purpose|Rationale|Methods?|Methodology|Design|"
    r"Settings?|Participants|Patients|Subjects|Interventions?|Main outcome measures?|Measurements|Outcomes?|"
    r"Study design|Data sources|Results?|Findings|Conclusions?|Interpretation|Significance|Discussion|Importance|"
    r"Limitations)(?: and [A-Za-z]+)?)\s*:\s+"
)
# Sections that never carry a stance.
NO_STANCE_SECTIONS = (
    "BACKGROUND", "INTRODUCTION", "CONTEXT", "OBJECTIVE", "AIM", "PURPOSE", "RATIONALE", "METHOD", "DESIGN",
    "SETTING", "PARTICIPANTS", "PATIENTS", "SUBJECTS", "INTERVENTION", "MAIN OUTCOME", "MEASUREMENTS",
    "STUDY SELECTION", "DATA SOURCES", "DATA EXTRACTION", "IMPORTANCE",
)
THE_MORE = r"^\s*the (more|less|higher|lower|greater|longer|stronger|fewer|bigger|smaller)\b(.+?),\s*the (more|less|better|worse|higher|lower|greater|longer|stronger|faster|fewer)\b(.*)$"

# Words too general to tie a direction word to the claim's outcome ("levels", "effect").
# Words for a drug's form or giving, not its name ("esketamine nasal spray", "continuing zelvamide").
DOSAGE_FORM_WORDS = frozenset(("spray", "tablets", "tablet", "infusion", "infusions", "injection", "continuing", "nasal"))
# Nouns for the people counted in a result ("more patients taking X achieved ...").
SHARE_NOUNS = r"proportion|percentage|share|fraction|number|numbers|rate|rates"
PEOPLE_NOUNS = r"patients|participants|subjects|people|women|men|children|infants|adults|individuals|users|cases|students"
# Outcome heads too generic to say which outcome a result is about ("dissociative symptoms").
# Words by which an abstract speaks of its own study ("we", "here", "this trial"): the sentences
# before the first of them (and before any aim, method or figure) are its background.
OWN_WORK = (
    r"\b(we|our|us|here|herein|this (study|trial|analysis|review|paper|report|work|cohort)|the present (study|trial|analysis)|"
    r"in this (study|trial|analysis|cohort)|participants|patients were|subjects were)\b"
)
# Words that turn what a sentence says (a restatement must keep every one of the claim's and add
# no negation): negations, absence, and the words of direction.
NEGATING_WORDS = r"not|no|never|neither|nor|without|lack\w*|fail\w*|absent|absence|unable|cannot|none|independent\w*|unaffected|ineffective|unrelated"
# Opposite poles of a polarity word, as word beginnings: a sentence that says one where the claim
# says the other does not restate it ("reduced" / "increased", "scarce" / "expanded").
POLARITY_OPPOSITES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("increas", "rais", "higher", "elevat", "more", "greater", "expand", "abundan", "gain"), ("decreas", "reduc", "lower", "less", "fewer", "scarce", "deplet", "loss", "lost")),
    (("enhanc", "promot", "activat", "stimulat", "induc"), ("impair", "inhibit", "suppress", "block", "prevent")),
    (("improv", "better"), ("worsen", "worse")),
    (("positive",), ("negative",)),
    (("faster", "accelerat", "earlier"), ("slower", "delay", "later")),
    (("same", "similar"), ("different", "differ")),
    (("dependent",), ("independent",)),
    (("permanent", "lasting", "long-lasting", "sustained", "durable", "persist"), ("transient", "temporary", "short-lived", "brief", "fade", "wane")),
    (("inner",), ("outer",)),
    (("heterozygous", "monoallelic"), ("homozygous", "biallelic")),
)
POLARITY_WORDS = (
    r"\b(?:" + NEGATING_WORDS + r"|increas\w*|decreas\w*|reduc\w*|rais\w*|lower\w*|higher|enhanc\w*|impair\w*|inhibit\w*|"
    r"suppress\w*|promot\w*|activat\w*|block\w*|prevent\w*|improv\w*|worsen\w*|more|less|fewer|greater|slower|faster|"
    r"positive\w*|negative\w*|same|similar|different|better|worse)\b|n't\b"
)
# Words that single out the worst harms ("no serious adverse events"): their absence is not the absence of all.
SEVERE_HARM_QUALIFIERS = r"serious|severe|major|grave|life-threatening|grade (?:3|4|[iI]{3}|[iI][vV])|treatment-related serious|unexpected"
# ... and words that say a harm was not of that kind ("transient blood pressure rises that resolved
# without intervention"): no answer to a claim of "no serious side effects".
MILD_HARM_QUALIFIERS = (
    r"transient(?:ly)?|mild|minor|self-limit\w*|short-lived|brief|resolved (?:spontaneously|without)|"
    r"without (?:any )?(?:intervention|treatment)|grade (?:1|2|[iI]{1,2})"
)
# A claim of a big effect ("produces substantial weight loss", "dramatically cuts deaths"), and the
# words of a result that calls its effect small: "at most modest" answers the size the claim names
# (contradicts); a "modest" effect leaves it open (neutral). A claim naming no size is answered by
# any effect.
LARGE_EFFECT_CLAIM = r"\b(substantial(ly)?|dramatic(ally)?|large|huge|massive(ly)?|major|marked(ly)?|greatly|big|vast(ly)?|profound(ly)?|strong(ly)?|powerful(ly)?)\b"
# A record that describes a trial to come (a protocol or design paper): its sentences are plans and
# background, whatever they say of the treatment, unless it reports a tested result.
PROTOCOL_RECORD = (
    r"\b(?:describes?|presents?|outlines?|reports?) the (?:design|protocol|rationale)\b|\b(?:this|our) (?:study |trial |review )?protocol\b"
    r"|\bprotocol (?:of|for) (?:a|an|the) (?:[\w-]+ ){0,3}(?:trial|study|review)\b"
)
# Words for a kind of drug ("antidepressant pills"): a comparator so named is another drug, not the
# intervention by another route.
DRUG_KIND_WORDS = (
    r"\b(?:antidepressants?|antipsychotics?|anticonvulsants?|antiepileptics?|antibiotics?|antivirals?|opioids?|painkillers?|"
    r"analgesics?|stimulants?|sedatives?|hypnotics?|sleeping pills?|steroids?|corticosteroids?|chemotherapy|statins?|"
    r"benzodiazepines?|mood stabili[sz]ers?|SSRIs?|SNRIs?|lithium)\b"
)
# A claim that a treatment cures ("is a cure for advanced melanoma", "cures depression"): a benefit
# short of a cure does not say it; "not curative" denies it.
CURE_CLAIM = r"\b(?:is|are) (?:a |the )?(?:\w+ )?cure\b|\bcures\b|\b(?:is|are) curative\b"
CURE_DENIED = r"\bnot (?:\w+ )?(?:curative|a cure|cured)\b|\b(?:no|never a) cure\b|\bincurable\b"
CURE_SAID = r"\bcur(?:e|es|ed|ing|ative)\b"
SMALL_EFFECT = r"\b(modest(ly)?|small|slight(ly)?|marginal(ly)?|minimal|minor|limited|negligible|trivial|weak)\b"
# The sentence's share said in words, against a claim of how many (CLAIMED_SHARE): "a minority",
# "fewer than half" deny "most"; "most", "the majority" say it.
SHARE_MINORITY = r"\b(?:a|the) (?:small )?minority\b|\b(?:fewer|less) than (?:half|a third|a quarter|one in)\b|\bonly\s+(?:a\s+)?few\b"
SHARE_MAJORITY = r"\b(?:most|the (?:vast )?majority|nearly all|almost all|all(?:\s+\d+)?|more than (?:half|two-thirds|three-quarters))\s+(?:of\s+)?(?:the\s+)?(?:patients|people|users|participants|cases|subjects|adults|children|women|men|recipients)\b"
AT_MOST_SMALL = r"\b(?:at (?:most|best)|only|merely|no more than)\s+(?:a\s+|an\s+)?(?:very\s+)?(?:modest|small|slight|marginal|minimal|minor|limited|weak)\b|\b(?:negligible|trivial)\b"
# A claim that an effect is confined to some people ("only helps patients treated within six hours",
# "helps heart-failure patients only if they also have diabetes"; not a duration: "only helps for
# about a week"), and the words of a result that holds for everyone: an effect "irrespective of
# diabetes status" denies the restriction; an effect in some group does not show it; a null may be
# the other group's.
RESTRICTION_CLAIM = (
    r"\bonly\s+(?:helps?|benefits?|works?|is effective|are effective)\s+(?!for\s+(?:about|around|up to|a|an|one|two|three|\d))"
    r"|\b(?:helps?|benefits?|works?)\b[^.;]{0,60}?\bonly\s+(?:if|when|in|among)\b"
)
EFFECT_REGARDLESS = (
    r"\b(?:irrespective|regardless) of\b|\bindependent(?:ly)? of\b|\bwhether or not\b|\bwith and without\b"
    r"|\bto a similar extent\b|\bconsistent across\b|\b(?:also|likewise|similarly) (?:observed|seen|found|present|evident)\b"
    # ("even when patients could not experience dissociation, still reduced ...")
    r"|\beven\s+(?:when|in|among|without|though|if|after|for)\b"
)
# Words of a claim's "only if/in ..." that name no kind of people ("only works if you have ...",
# "whose tumours are ..."): left out when looking for those people in a sentence.
RESTRICTION_FILLER = r"patient|person|you|your|have|has|had|whose|tumour|tumor|disease|people|those|ones|genes?"
# A finding that the effect is limited to some ("confined to", "only in"): what a claim that it
# helps only some asserts.
EFFECT_LIMITED = r"\bonly\s+(?:in|among|when|if|for|with)\b|\b(?:confined|limited|restricted)\s+to\b|\bbut\s+not\s+(?:in|among|for)\b"
# A claim that there are no harms at all ("free of side effects", "completely safe"): a finding of
# good tolerance does not support it (harms found still contradict it).  ("no risk of abuse" names
# its harm: "no cases of abuse" answers it.)
ABSOLUTE_SAFETY_CLAIM = (
    r"\b(free (of|from)|no|zero|without( any)?|never (has|have|causes?)) (\w+ )?(side[- ]effects?|adverse (events?|effects?)|harms?|risks?(?! of\b))\b"
    r"|\b(completely|totally|entirely|perfectly|100%|absolutely) (safe|harmless)\b"
)
# Abbreviations of statistics, which a claim's two-word outcome must not be read as ("response
# rates" is not RR).
STATISTIC_ABBREVIATIONS = frozenset(["rr", "or", "hr", "ci", "sd", "se", "md", "sm", "iq", "ns", "ri", "ar"])
# Capitalised abbreviations a results sentence uses for its statistics and setting, never for an
# arm ("CI", "IQR", "ICU"): not read as an arm's undefined abbreviation.
REPORT_ABBREVIATIONS = STATISTIC_ABBREVIATIONS | _words(
    "iqr sem rd arr nnt irr pr ls smd wmd aor ahr bmi icu itt mitt pp ae aes sae saes vas nrs df cv na nr ns"
)
# Comparative words: the size of a difference, not a change of their own ("lost more weight").
COMPARATIVE_WORDS = r"more|less|higher|lower|greater|smaller|larger|fewer|bigger|further|better|worse"
# Nouns of an outcome's loss ("insulin resistance", "beta-cell failure"; not "loss": "weight loss"
# is an outcome of its own): a result on them reads the other way for a claim about the outcome itself.
LOSS_NOUNS = r"resistance|insensitivity|deficiency|dysfunction|impairment|failure|defects?|intolerance"
# Requirement: "X is required for Y" (+1) or "X is dispensable for Y" (-1), and "Y depends on X".
REQUIRED_WORDS = r"required|needed|necessary|essential|indispensable|critical|crucial|obligatory"
DISPENSABLE_WORDS = r"dispensable|unnecessary|not required|not needed|not necessary|not essential|not critical|not crucial"
DEPENDS_WORDS = r"depends on|depend on|depended on|is dependent on|are dependent on|requires|require|required|relies on|rely on"
# Verbs of a worsening measured in negative figures ("progressed by -0.49 D"): their size is the change.
PROGRESSION_VERBS = r"progress\w*|worsen\w*|deteriorat\w*"
# What was done to a gene or drug target, named right after it ("Lkb1 inactivation", "HDAC6
# inhibition"): part of the arm's name, not the result.
ARM_MANIPULATION_NOUNS = r"inactivation|activation|inhibition|suppression|blockade|deletion|depletion|knockdown|knockout|overexpression|upregulation|downregulation|loss|augmentation|supplementation"
# Verbs that change how much of an exposure or treatment there is ("reducing PM2.5 exposure"):
# what follows is the result of more or less of it.
DOSE_DOWN_GERUNDS = r"reducing|lowering|decreasing|cutting|limiting|restricting"
DOSE_UP_GERUNDS = r"increasing|raising"
DOSE_CHANGE_GERUNDS = DOSE_DOWN_GERUNDS + "|" + DOSE_UP_GERUNDS
# Nouns of change that make an outcome a change of something ("weight loss" is weight going down).
CHANGE_NOUNS_UP = ("gain", "gains", "increase", "increases", "rise", "growth")
CHANGE_NOUNS_DOWN = ("loss", "losses", "reduction", "reductions", "decline", "decrease", "decreases", "drop", "fall", "shrinkage")
# The labels trials give their arms ("group A", "group II", "arm 2", "(R group)").
GROUP_LABEL = r"[A-Z]{1,3}\d?|[IVX]{1,4}|\d"
# Subjects of a result clause that are not an outcome: the comparison, the groups, the people.
NOT_AN_OUTCOME_SUBJECT = (
    r"\b(differences?|comparisons?|between|groups?|arms?|patients?|participants?|subjects?|women|men|children|"
    r"adults|infants|individuals|people|cases|controls?|placebo|treatment|intervention|effects?|analys[ie]s|trial|"
    r"study|results?|findings?|there|this|these|it|they|neither|none|both|all|no|values?|means?|medians?|"
    r"numbers?|proportions?|percentages?|but|and|although|though|however|again|also|whereas|while|yet)\b"
)
GENERIC_OUTCOME_WORDS = ("symptom", "symptoms", "score", "scores", "event", "events")
# Doses and units written between a drug's name and its abbreviation ("velnoprazan 20 mg (VPZ)").
# Units of a dose the claim names ("low-dose (75 mg) aspirin"): a result at another dose is not the claim's.
DOSE_UNITS = r"mg|g|µg|μg|mcg|ug|IU|units"
# A dose's amount ("0.5 mg/kg", "84 mg", "10 µg/kg/min"): the units after its number.
DOSE_AMOUNT_UNITS = r"mg/kg(?:/(?:h|hr|min|day|d))?|µg/kg|μg/kg|mcg/kg|mg|µg|μg|mcg|g|IU|ml/kg"
# A claim whose subject is a level of dose ("Higher doses of X work better", "A higher dose of X ...",
# "High-dose X ..."): +1 higher, -1 lower.
DOSE_LEVEL_SUBJECT = r"^\W*(?:an?\s+|the\s+)?(?:(higher|larger|bigger|greater|high|large)|(lower|smaller|low|reduced))[\s-]+dos(?:e|es|ing)\b"
DOSE_WORDS = frozenset(("mg", "g", "kg", "ml", "µg", "mcg", "ug", "iu", "mmol", "daily", "once", "twice", "bid", "tid", "qd", "od", "dose", "doses"))
# Nouns that say what kind of thing a name is ("the PRDM1 gene", "the Foxk2 protein"): a sentence
# may name it without them.
KIND_NOUNS = "gene genes protein proteins molecule molecules"
WEAK_OUTCOME_WORDS = """level levels effect effects patient patients group groups rate rates risk risks
function cell cells activity expression response responses increase decrease change changes human humans
mice mouse model models study result results outcome outcomes better worse superior inferior"""

# Words of a claim's closing setting that do not tell one condition from another ("severe",
# "chronic", "patients"): the rest must be named by a record about it.
SETTING_GENERIC_WORDS = """severe moderate mild acute chronic early late advanced major minor primary secondary
high-risk low-risk critically critical ill people person patient adult child woman man individual subject case
disease diseases disorder disorders condition conditions syndrome illness care practice general population public
real life world setting settings use users"""
# How the name of a disease ends ("rheumatoid arthritis", "plaque psoriasis", "septic shock"):
# a claim's closing setting is checked against the record only when it names one.
DISEASE_HEADS = (
    r"\w+(?:itis|osis|oma|omas|aemia|emia|pathy|iasis|algia|plegia|trophy|ectasis)|acne|cancers?|carcinomas?|diseases?|"
    r"disorders?|syndromes?|infections?|failure|fibrillation|psoriasis|eczema|asthma|diabetes|hypertension|shock|sepsis|"
    r"stroke|injury|injuries|ulcers?|tears?|fractures?|obesity|insufficiency|incontinence|reflux|glaucoma|cataracts?|"
    r"degeneration|edema|oedema|migraine|epilepsy|dementia|hepatitis|pneumonia|bronchiolitis|influenza|malaria|tuberculosis"
)
# Dependency claims ("depends on BDNF", "works by blocking NMDA receptors", "comes from the opioid
# system") and the experiments that answer them: take the target away (knockout, antagonist,
# neutralising antibody) and see whether the effect goes.
DEPENDENCY_CLAIM = (
    r"\b(depends? on|dependent on|requires?|required for|is mediated by|mediated through|works? (by|through|via)|comes? from|acts? (by|through|via)|is due to|driven by)\b"
    # ("lifts depression by boosting BDNF": the effect through more of the target; what it does to
    # a receptor, "by activating NMDA receptors", is read as a mechanism)
    r"|\bby(?=\s+(?:boosting|raising|increasing|enhancing|promoting|triggering)\b)"
)
# Words that say a subject takes part in something without saying which way ("X is involved in
# Y", "X is a regulator of Y", "X is required for Y"): a claim of involvement is answered by a
# finding that says the same of the same thing, or denies it ("X is not required for Y").
INVOLVEMENT = (
    r"involved in|implicated in|required for|important for|essential for|necessary for|crucial for|critical for|"
    r"needed for|indispensable for|pivotal (?:in|for)|central to|plays? (?:an? |the )?(?:[\w-]+ ){0,2}roles? in|"
    r"participat\w* in|contribut(?:e|es|ed|ing) to|regulat(?:e|es|ed|ing)|(?:regulators?|regulation|mediators?|modulators?|"
    r"determinants?|sensors?) (?:of|for)|mediat(?:e|es|ed|ing)|modulat(?:e|es|ed|ing)|governs?"
)
INVOLVEMENT_DENIED = r"\b(?:not|no longer|neither|nor|never)\s+(?:\w+\s+){0,2}$"
# Drugs used to take a target away in an experiment, by the target's stem: "pretreated with
# naltrexone" tests a claim that an effect "comes from the opioid system".
TARGET_BLOCKERS: dict[str, str] = {
    "opioid": r"\b(naltrexone|naloxone|nalmefene)\b",
    "mtor": r"\b(rapamycin|sirolimus|everolimus|torin-?1)\b",
    "ampa": r"\b(NBQX|CNQX|perampanel)\b",
    "bdnf": r"\b(ANA-12|K252a)\b|\bTrkB (antagonist|inhibitor)",
    "trkb": r"\b(ANA-12|K252a)\b",
    "serotonin": r"\b(ketanserin|WAY-?100635|ritanserin)\b",
    "dopamin": r"\b(haloperidol|sulpiride|raclopride|SCH-?23390)\b",
}
TARGET_REMOVED = (
    r"\b(lacking|lack of|knock-?out|knock-?down|deficien\w+|deletion|deleted|neutrali[sz]\w*|antagonist|"
    r"blockade|blocking|blocked|inhibitor|inhibition of|pretreat\w*|depletion|silenc\w+)\b"
)
EFFECT_GONE = (
    r"\b(abolish\w*|blocked|prevent\w*|curbed|attenuat\w*|eliminat\w*|no [\w-]+( [\w-]+)? (response|effect)|"
    r"lost|reduced the|did not respond|failed to (produce|elicit|induce|exert|show|have|reduce|decrease|improve|increase|reverse|rescue))\b"
)
EFFECT_STAYED = (
    r"\b(retain\w*|persist\w*|still|unaffected|intact|not required|not necessary|not needed|is not what|"
    r"did not (weaken|attenuate|block|abolish|prevent|reduce|alter|diminish|lessen|change|affect)|same|preserved)\b"
)

_REPORT_VERBS = (
    r"(?:found|find|finds|showed|shows|show|shown|suggests?|suggested|reported|reports|concluded|concludes|"
    r"says?|said|confirmed|confirms|revealed|reveals|demonstrated|demonstrates|indicates?|indicated|estimated|estimates|"
    r"determined|discovered|created|identified|warn|warns|warned|claim|claims|claimed|notes?|noted|observed|observes|"
    r"predicts?|predicted|projects?|projected|argues?|argued)"
)
# "is just a placebo effect", "may simply be a placebo response", "could well be placebo": the whole
# of what it does is what a placebo does
_PLACEBO_ADVERB = r"(?:all|just|only|merely|purely|simply|nothing but|(?:nothing|no|little) more than|mostly|largely)"
IS_PLACEBO = (
    r"(?:(?:is|are)\s+" + _PLACEBO_ADVERB + r"\s+|(?:may|might|could)\s+(?:well\s+)?(?:" + _PLACEBO_ADVERB + r"\s+)?be\s+(?:" + _PLACEBO_ADVERB + r"\s+)?)"
    r"(?:an?\s+)?placebo(?:\s+(?:effects?|responses?))?(?![\w-])"
)
# Clinician shorthand in a claim, in words: (pattern, replacement).
CLAIM_SHORTHAND: tuple[tuple[str, str], ...] = (
    (r"\s*(?:->|→|=>)\s*", " leads to "),
    # "leads to addiction": it causes it (not "leads to a reduction in": the move named after it decides)
    (r"\b(?:leads|lead)\s+to\b(?=\s+(?:[\w-]+\s+){0,2}?(?:" + HARM_TERMS + r"))", "causes"),
    # "does nothing for depression": does not help it
    (r"\b(does|do|did)\s+(?:absolutely\s+)?nothing\s+(?:for|to\s+help(?:\s+with)?|against)\b", r"\1 not help"),
    (r"(?<=[A-Za-z)])\s+>>?\s+(?=[A-Za-z])", " is superior to "),  # ("FMT >> vanc for recurrent C diff")
    (r"(?<=[A-Za-z)])\s+<\s+(?=[A-Za-z])", " is inferior to "),
    (r"\bpbo\b", "placebo"),
    # "pushes your blood pressure up", "brings cholesterol down": raises, lowers
    (r"\b(?:push(?:es|ed)?|drives?|drove|sends?|sent)\s+((?:your|the|their|one's)\s+)?([\w-]+(?:\s+[\w-]+){0,2}?)\s+up\b", r"raises \1\2"),
    (r"\b(?:push(?:es|ed)?|brings?|brought|drives?|drove)\s+((?:your|the|their|one's)\s+)?([\w-]+(?:\s+[\w-]+){0,2}?)\s+down\b", r"lowers \1\2"),
    # "takes weeks to work": no effect within the first days (a claim about onset, denied)
    (r"\b(?:takes?|took|needs?|needed|requires?)\s+(?:several\s+|a\s+few\s+|many\s+|two\s+|three\s+|\d+\s+)?weeks\s+(?:to|before it can|before it will)\s+(?:work|kick in|start working|begin working|act|take effect|help)\b",
     "does not work within a day"),
    # "ketamine can replace ECT": it works as well as ECT (and "can't replace": it does not)
    (r"\b(?:can ?not|can't|could not|couldn't|will not|won't)\s+(?:yet\s+)?replace\b", "is not as effective as"),
    (r"\b(?:can|could|may|might|will)\s+(?:now\s+|soon\s+)?replace\b|\breplaces\b", "is as effective as"),
    # "won't tip people with bipolar depression into mania": a harm it causes in them
    (r"\b(tip|push|send|switch|flip|throw|tips|pushes|sends|switches|flips|throws|tipped|pushed|sent|switched|flipped|threw)\s+(.{1,60}?)\s+into\s+(mania|hypomania|a (?:hypo)?manic (?:episode|state|switch)|psychosis|a psychotic episode)\b",
     r"cause \3 in \2"),
    # "you need to feel dissociated for ketamine to work": what the effect needs, not an effect
    (r"^\s*(?:you|patients|people|one)\s+(?:need|needs|have|has|must)\s+(?:to\s+)?(?:feel|be|get|become|experience|have)\s+(.+?)\s+for\s+(.+?)\s+to\s+(?:work|help|be effective)\b",
     r"the effect of \2 requires \1"),
    # "X's effect on Y is all placebo", "the benefit of X for Y is just a placebo effect": X is no
    # better than placebo for Y
    (r"^\s*(?:(?:much|most|some|part|all)\s+of\s+)?(?:the\s+)?(?:[\w-]+\s+)?(?:effects?|benefits?)\s+of\s+(.+?)\s+(?:on|for|in)\s+(.+?)\s+" + IS_PLACEBO,
     r"\1 is no better than placebo for \2"),
    (r"^\s*(?:(?:much|most|some|part|all)\s+of\s+)?(.+?)['’]s\s+(?:[\w-]+\s+)?(?:effects?|benefits?)\s+(?:on|for|in)\s+(.+?)\s+" + IS_PLACEBO,
     r"\1 is no better than placebo for \2"),
    # ("ketamine's antidepressant effect is nothing more than a placebo effect": no outcome named;
    # not "... a placebo effect from feeling high": what the effect comes from)
    (r"^\s*(?:(?:much|most|some|part|all)\s+of\s+)?(.+?)['’]s\s+(?:[\w-]+\s+)?(?:effects?|benefits?)\s+" + IS_PLACEBO + r"(?=\s*(?:[.;,!(]|$))",
     r"\1 is no better than placebo"),
    # "ketamine's antidepressant effect comes from activating NMDA receptors": how it works
    (r"^\s*(.+?)['’]s\s+(?:[\w-]+\s+)?(?:effects?|benefits?|action)\s+(?:comes?|stems?|results?|arises?|derives?)\s+from\s+(?=\w+ing\b)", r"\1 works by "),
    (r"^\s*(?:the\s+)?(?:[\w-]+\s+)?(?:effects?|benefits?|action)\s+of\s+(.+?)\s+(?:comes?|stems?|results?|arises?|derives?)\s+from\s+(?=\w+ing\b)", r"\1 works by "),
    # "prevents people from dying by suicide", "fewer die by suicide": suicide deaths
    (r"\b(?:(?:people|patients|them|you)\s+)?from\s+(?:dying|death)\s+(?:by|from|of)\s+suicide\b", "suicide deaths"),
    (r"\b(?:dying|die|dies|died|death)\s+(?:by|from|of)\s+suicide\b", "suicide deaths"),
    # "helps people quit cocaine", "helps smokers give up": more abstinence from it
    (r"\b(help|helps|helped|helping)\s+(?:(?:people|patients|users|smokers|drinkers|you|them)\s+)?(?:to\s+)?(?:quit|stop|give up)\s+(?!(?:working|better|more|faster|sooner|than|and|or|in|with|for|at|by|after|within)\b)(?=[A-Za-z])", r"\1 increase abstinence from "),
    # "can give you 'ketamine bladder'": causes it
    (r"\b(?:(?:can|could|may|might|will|would)\s+give|gives)\s+(?:you|people|patients|users|someone|them)\s+(?!(?:back|more|hope|relief|a\s+chance|an?\s+(?:boost|lift))\b)(?=\S)", "cause "),
    (r"\btx\b", "treatment"),
    (r"\bpts\b", "patients"),
    (r"\bw/o\s*", "without "),
    (r"\bw/\s*", "with "),
    # everyday idioms for an outcome, in a study's words ("saves lives", "keeps patients out of
    # hospital", "helps patients survive", "helps people recover faster")
    # ("saves lives by preventing suicide deaths": the deaths it names)
    (r"\bsav(?:e|es|ed|ing) (?:\w+ ){0,2}lives by (?:preventing|reducing|cutting|averting) \b", "prevents "),
    (r"\bsav(?:e|es|ed|ing) (?:the )?lives of\b", "reduces mortality in"),
    (r"\bfall more(?: often)?\b", "have more falls"),
    (r"\bfall less(?: often)?\b", "have fewer falls"),
    (r"\bsav(?:e|es|ed|ing) (?:\w+ ){0,2}lives\b", "reduces mortality"),
    (r"\bkeeps? (.{1,60}?) out of (?:the )?hospital\b", r"reduces hospitalisation in \1"),
    (r"\bhelps? (.{1,60}?) survive\b", r"improves survival in \1"),
    # "extends life in X", "helps patients with X live longer": survival (overall, not free of progression)
    (r"\b(?:extend|prolong|lengthen)(s|ed|ing)? (?:the )?li(?:fe|ves)\b", r"prolong\1 survival"),
    (r"\b(?:helps?|lets?|allows?) (.{1,60}?) (?:to )?live longer\b", r"prolongs survival in \1"),
    # ("keeps potassium from climbing back up", "stops the disease from progressing")
    (r"\b(?:keeps?|kept|keeping|stops?|stopped|stopping) ((?:[\w'-]+ ){1,6}?)from (\w+ing)\b", r"prevents \1from \2"),
    (r"\bhelps? (.{1,60}?) (?:recover|get over|get better|bounce back)\b.*?\b(?:faster|sooner|more quickly)\b", r"shortens the time to recovery in \1"),
)
# Reporting frames around a claim ("A new study found that ...", "..., according to a new study"):
# the claim is what they report.
REPORTING_LEAD = (
    # (after a time: "Last month, ...", "In November, ...", "Earlier this year, ...")
    r"^(?:(?:last|this|next|earlier|in|on|by|early|late)\b[\w ]{0,25},\s*)?"
    r"(?:(?:[\w ]{0,20},\s*)?(?:but|and|also|though|although|while|since then|so far|now|in fact|however)\b[^,]*,\s*)?(?:(?:a|an|the|one|another|new|recent|latest|"
    r"several|many|some|other|previous|early|earlier|his|her|their|our|u\.s\.|\w+)\s+){0,3}"
    r"(?:research(?:ers)?(?: team)?|study|studies|report|reports|trial|trials|analysis|analyses|survey|paper|scientists?|"
    r"experts?|doctors?|models?|data|evidence|review|team|authors?|lab|laboratory|findings|preprint|officials|authorities|"
    r"investigators|company|manufacturer|agency|regulators?|work|modeling|modelling|scans?|imaging|experiments?|statistics|results|records)\b"
    # the reporting verb right after the noun ("A new study found ..."), or further on and then
    # "that" ("A study of 53 women in Sweden published in July found that ...", "His lab
    # published a new report showing that ...")
    r"(?:\s+(?:\w+\s+){0,2}?(?:have\s+|has\s+|also\s+)?" + _REPORT_VERBS + r"\s+(?:that\s+)?"
    r"|[^.;:]{0,120}?\b(?:have\s+|has\s+)?(?:" + _REPORT_VERBS + r"|showing|suggesting|indicating|finding|shown)\s+that\s+"
    # (or, without "that", a finding verb after a lead with no comma: "A study by Chinese
    # researchers published in The Lancet found remdesivir outperformed ...")
    r"|[^.;:,]{0,100}?\b(?:found|finds|showed|shows|concluded|concludes|suggesting|showing|indicating)\s+(?!that\b|no\b|little\b|it\b)(?=\w))"
)
# A reporting frame further into the sentence, with "that" ("Pfizer pointed to a recent study
# that found the coronavirus ...", "Officials cited data showing that ..."): what follows is the claim.
REPORTING_INSIDE = (
    r"^[^.;:]{0,60}?\b(?:research|study|studies|report|reports|trial|trials|analysis|analyses|survey|paper|preprint|"
    r"data|evidence|review|findings|model|models|modeling|modelling)\b(?:\s+that|\s+which)?\s+(?:\w+\s+){0,2}?(?:have\s+|has\s+)?"
    r"(?:" + _REPORT_VERBS + r"|showing|suggesting|indicating|finding)\s+(?:that\s+)?"
)
_REPORTERS = (
    r"(?:research(?:ers)?|study|studies|report|reports|trial|trials|analysis|analyses|survey|paper|preprint|scientists?|"
    r"experts?|doctors?|data|evidence|review|team|authors?|lab|investigators|officials|authorities|company|manufacturer|"
    r"agency|regulators?|CDC|WHO|FDA|NIH|NHS|posts?|videos?|tweets?|influencers?|spokes(?:person|woman|man)|websites?|blogs?|"
    r"bloggers?|adverts?|ads|advertisements?|campaigners?|activists?|groups?|clinics?|podcasts?|articles?|headlines?|users?|parents)"
)
# "..., according to app data", "..., the trial's investigators announced", "..., a large UK survey
# suggests", "..., says a new study of 2,100 couples", "..., researchers say"
REPORTING_TAIL = (
    r",?\s+according to\b.*$"
    r"|,\s+(?:(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,4}?" + _REPORTERS + r"(?:'s?\s+\w+)?\s+(?:say|says|said|suggest|suggests|suggested|show|shows|showed|"
    r"found|finds|announced|report|reported|reports|concluded|concludes|claims?|claimed|warn|warns|warned)\b[^,;]*"
    r"|(?:says?|said|suggests?|announced|reported|reports|claims?)\s+(?:the\s+|a\s+|an\s+)?(?:[\w',-]+\s+){0,6}?" + _REPORTERS + r"\b.*)$"
)

# Verbs that say the same thing in a restatement ("causes" = "leads to" = "results in").
VERB_SYNONYMS: list[tuple[str, ...]] = [
    ("cause", "lead", "result", "induc", "trigger", "driv", "produc", "provok"),
    ("regulat", "control", "modulat", "govern", "orchestrat", "coordinat"),
    ("requir", "need", "depend", "essential", "necessary"),
    ("stabiliz", "stabilis", "maintain", "preserv"),
    ("bind", "interact", "associat"),
]
# Copulas and auxiliaries: not a claim's main verb for a restatement.
AUXILIARY_VERBS = frozenset(["is", "are", "was", "were", "be", "been", "has", "have", "had", "can", "could", "may", "might", "will", "would", "does", "do", "did", "should", "must"])

# Function words: never content ("the", "of", "than").
FUNCTION_WORDS: frozenset[str] = _words(
    """
    a after all also among an and any are as at be been before being between both but by can could
    did do does during each either few for from had has have he her his i in into is it its less
    many may might more most much my no nor not of on onto or our over per shall she should some
    such than that the their them then there these they this those through thus to under upon versus very via vs
    was we were what when where whereas which while who whom whose will with without would you your
    """
)
# Words of a claim's subject that do not name the intervention ("heavy use", "repeated doses").
GENERIC_SUBJECT_WORDS: frozenset[str] = _words(
    """
    use users treatment treatments therapy therapies patients people drug drugs dose doses heavy
    long-term repeated single one regular frequent recreational medical new the a an its their
    group groups arm arms
    variant variants polymorphism polymorphisms allele alleles mutation mutations genotype genotypes carriers
    """
)
# Subjects of a result sentence that are not another agent ("It reduced ...", "Treatment improved ...").
GENERIC_AGENTS: frozenset[str] = _words("it this that treatment therapy intervention which they these both the a an its their those")
# First words of a result sentence that are not an agent ("Despite higher ...", "Significant benefits ...").
NOT_AGENT_WORDS: frozenset[str] = _words(
    "despite while whereas although though significant overall there no not mean median "
    # sizes and amounts that open a result ("Large decreases from baseline ...")
    "large larger largest small smaller smallest big bigger major minor modest substantial marked slight "
    "greater greatest higher lower more less fewer most many several total average"
)

# === Verdict tables (litcli/claims/query.py, verdict.py; not used by the reader) =========
# Statements about society, money or access rather than about what a treatment does: no study
# can test them ("public understanding of ketamine has reduced stigma", "increasing availability
# represents progress in equality").  A claim that also names a clinical outcome or a
# mechanism stays checkable.
NON_RESEARCH_CLAIM = (
    r"\b(stigma\w*|discriminat\w*|public (understanding|awareness|perception|opinion|acceptance|interest|attitudes?)|"
    r"social acceptance|availability|accessib\w+|access to|afford\w*|costs?|pric(e|es|ing)|insurance|"
    r"reimburs\w*|market\w*|equality|equity|popularity|patient comfort|convenien\w*)\b"
)
# A systematic review or meta-analysis that concludes the evidence is weak speaks for the field:
# the claim is at best "limited" ("the evidence is limited and inconsistent").
EVIDENCE_WEAK = (
    r"\b((the )?(evidence|data|quality of (the )?evidence|certainty of (the )?evidence|findings|results|literature)"
    r"( [\w-]+){0,6}? (is|are|was|were|remains?) ([\w-]+ )?_WEAK_( (and|or|but) _WEAK_)?"
    r"|_WEAK_ (and [\w-]+ )?(evidence|data)"
    r"|no (firm|definitive|robust) conclusions? can be drawn)\b"
).replace(
    "_WEAK_",
    r"(limited|inconsistent|insufficient|inconclusive|scarce|sparse|weak|mixed|conflicting|"
    r"of (very )?low( quality| certainty)?|(very )?low[- ](quality|certainty)|(very )?low)",
)

# Outcomes that are each other's opposite: "decreased susceptibility" is "increased resistance".
OUTCOME_ANTONYMS: list[tuple[str, str]] = [
    ("susceptibility", "resistance"),
    ("sensitivity", "resistance"),
    ("sensitivity", "insensitivity"),
    ("tolerance", "intolerance"),
    ("activation", "inhibition"),
    ("stability", "instability"),
    ("survival", "mortality"),
    ("survival", "death"),
    ("loss", "preservation"),
    ("loss", "retention"),
]

# What defends against an outcome ("barrier functions to dissemination", "resistance to infection"):
# to impair it is to raise the outcome.
DEFENCE_WORDS = r"barriers?|protection|resistance|defen[cs]es?|immunity"

# A change stated with its size ("cut deaths by half", "reduced inhalation by 23 percent"): the
# verbs of change and the words for fractions.  A claim's size and a finding's are compared.
# Qualities a "more X than" claim names that the reader reads by its own rules (efficacy, likelihood).
QUALITY_WORDS_READ_ELSEWHERE = frozenset(("effective", "efficacious", "likely", "common", "frequent", "often"))
# Verbs that multiply ("doubles the risk", "tripled"): the figure they state.
MULTIPLYING_VERBS = {"doubl": 2, "tripl": 3, "quadrupl": 4}
AMOUNT_VERBS = r"reduc\w*|lower(?:s|ed|ing)?|cut|cuts|decreas\w*|increas\w*|rais\w*|boost(?:s|ed|ing)?|improv\w*|fell|fallen|falls?|rose|risen|rises?|drop\w*|declin\w*|halv\w*|doubl\w*"
# A figure set against the study's own as what others said ("lower than widely cited figures of
# 40%", "than previously reported 30%"): the reference of a comparison, not the study's estimate.
FIGURE_REFERENCE_BEFORE = (
    r"\bthan\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:cited|quoted|reported|previous(?:ly)?|earlier|assumed|published|believed|thought|expected|claimed)"
    r"\s+(?:[\w-]+\s+){0,3}?$"
)
# Quoted figures (claims.figures) and sizes of change ("cut by a third"): fractions of a whole (in
# %), the words after
# "N times" that say which way, the words before a figure that make it a bound or an
# approximation, and the words of reporting and counting that do not say what a figure is of.
FRACTION_WORDS: dict[str, float] = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 33.3, "one third": 33.3, "one-third": 33.3,
    "two thirds": 66.7, "two-thirds": 66.7, "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0,
    "three quarters": 75.0, "three-quarters": 75.0, "a fourth": 25.0, "one fourth": 25.0, "three fourths": 75.0,
    "three-fourths": 75.0, "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0, "two fifths": 40.0,
    "two-fifths": 40.0, "three fifths": 60.0, "three-fifths": 60.0, "four fifths": 80.0, "four-fifths": 80.0,
    "a tenth": 10.0, "one tenth": 10.0, "one-tenth": 10.0,
}
FIGURE_UP_WORDS = r"higher|greater|more|larger|increased|likelier|faster"
FIGURE_DOWN_WORDS = r"lower|less|fewer|smaller|reduced|decreased|slower"
FIGURE_BOUNDS: list[tuple[str, str]] = [
    ("upper", r"up to|as many as|as much as|as high as|as few as|at most|no more than|less than|fewer than|under|below|maximum of"),
    ("lower", r"more than|over|at least|above|exceeding|upwards of|greater than|in excess of|minimum of"),
    ("about", r"about|approximately|around|roughly|nearly|almost|close to|some|an estimated|~"),
]
# after a percentage that is a share of a whole: "5.9% were HCP", "56% had no symptoms"; and "a
# 90% chance of ..."
FIGURE_SHARE_VERBS = (
    r"were|was|had|have|has|are|is|did|do|does|will|would|could|may|might|can|became|went|got|go|get|"
    r"remain\w*|report\w*|develop\w*|experienc\w*|die[sd]?|need\w*|receiv\w*|requir\w*|tested|show\w*|"
    r"occur\w*|respond\w*|remitt\w*|achiev\w*|recover\w*|surviv\w*|stopp\w*|quit|us(?:e|ed|es)"
)
FIGURE_RISK_NOUNS = r"chance|risk|probability|likelihood|rate|prevalence|incidence|share|proportion"
FIGURE_CONTEXT_NOISE = (
    "percent per cent times fold proportion rate share study studies research researchers scientists estimate estimated "
    "estimates found find show showed report reported suggest suggests suggested according say says said claim claimed "
    "new recent published journal people patients population cases one two three four five ten hundred thousand million "
    "about approximately around nearly almost more than less fewer least most many much some"
)

# Endings of international nonproprietary names (WHO INN stems): a word ending so is a drug
# ("brivanolone", "pembrolizumab", "empagliflozin"), named or not in the vocabulary.
INN_STEMS = (
    r"[a-z]{3,}(?:olone|mab|tinib|ciclib|lisib|rafenib|pril|sartan|statin|azole|mycin|cillin|cycline|floxacin|vir|parin|"
    r"dipine|olol|oxetine|azepam|azolam|triptan|gliflozin|gliptin|glutide|tidine|prazole|setron|lukast|afil|semide|thiazide|"
    r"tiapine|peridone|piprazole|xaban|gatran|dronate|coxib|profen|caine|curium|zepam|milast|parib|gepant|lutamide|kinra|"
    r"formin|mectin|oquine|traline|zepatide)"
)

# Drug classes a claim may name, with the INN ending their members share: evidence about
# "metoprolol" speaks to a claim about "beta-blockers".  (class pattern, member-name pattern)
DRUG_CLASSES: tuple[tuple[str, str], ...] = (
    (r"\b(?:beta|β)[- ]?(?:adrenergic )?blockers?\b", r"\b[a-z]{3,}olol\b"),
    (r"\bstatins?\b", r"\b[a-z]{3,}statin\b"),
    (r"\bACE inhibitors?\b|\bangiotensin[- ]converting[- ]enzyme inhibitors?\b", r"\b[a-z]{3,}pril\b"),
    (r"\b(?:angiotensin[- ]receptor blockers?|ARBs?|sartans)\b", r"\b[a-z]{3,}sartan\b"),
    (r"\bSGLT-?2 inhibitors?\b|\bgliflozins\b", r"\b[a-z]{3,}gliflozin\b"),
    (r"\bDPP-?4 inhibitors?\b|\bgliptins\b", r"\b[a-z]{3,}gliptin\b"),
    (r"\bGLP-?1 (?:receptor )?agonists?\b", r"\b[a-z]{3,}glutide\b"),
    (r"\bproton[- ]pump inhibitors?\b|\bPPIs?\b", r"\b[a-z]{3,}prazole\b"),
    (r"\bbenzodiazepines?\b", r"\b[a-z]{3,}(?:azepam|azolam|zepam)\b"),
    (r"\btriptans\b", r"\b[a-z]{3,}triptan\b"),
    (r"\b(?:fluoro)?quinolones?\b", r"\b[a-z]{3,}floxacin\b"),
    (r"\bbisphosphonates?\b", r"\b[a-z]{3,}dronate\b"),
    (r"\bcoxibs?\b|\bCOX-?2 inhibitors?\b", r"\b[a-z]{3,}coxib\b"),
    (r"\b(?:direct )?(?:oral anticoagulants?|DOACs?|factor Xa inhibitors?)\b", r"\b[a-z]{3,}(?:xaban|gatran)\b"),
    (r"\bSSRIs?\b|\bselective serotonin reuptake inhibitors?\b", r"\b(?:es)?citalopram\b|\bfluoxetine\b|\bsertraline\b|\bparoxetine\b|\bfluvoxamine\b"),
    (r"\bSNRIs?\b|\bserotonin[- ](?:and[- ])?norepinephrine reuptake inhibitors?\b", r"\b(?:des)?venlafaxine\b|\bduloxetine\b|\bmilnacipran\b"),
)

# Treatments and exposures named in everyday words and in a study's words: a claim naming one is
# answered by a sentence naming another ("fish oil pills" / "omega-3 fatty acids").  Each group: patterns.
TREATMENT_SYNONYMS: tuple[tuple[str, ...], ...] = (
    (r"\b(?:dirty|polluted) air\b", r"\bair pollut\w*", r"\bparticulate matter\b", r"\bPM\s*\(?2[.·]5\)?", r"\bfine particles\b"),
    (r"\bfish[- ]oils?\b", r"\bomega-?3\b", r"\bn-?3 (?:poly)?unsaturated fatty acids\b", r"\bn-?3 fatty acids\b", r"\bicosapent\b"),
    (r"\bvitamin D\b", r"\bcholecalciferol\b", r"\bergocalciferol\b", r"\bcalcifediol\b"),
    (r"\bpainkillers?\b", r"\banalgesics?\b"),
    (r"\bblood[- ]thinners?\b", r"\banticoagulants?\b", r"\banticoagulation\b"),
    (r"\bwater pills?\b", r"\bdiuretics?\b"),
    (r"\bsleeping (?:pills?|tablets?)\b", r"\bhypnotics?\b"),
    (r"\b(?:flu|influenza) (?:jabs?|shots?|vaccines?|vaccination)\b", r"\binfluenza vaccin\w*\b"),
    (r"\btalking therap(?:y|ies)\b", r"\bpsychotherap(?:y|ies)\b"),
    (r"\b(?:cholesterol-lowering|cholesterol) (?:drugs?|pills?|medications?)\b", r"\bstatins?\b"),
    (r"\bblood pressure (?:drugs?|pills?|medications?|tablets?)\b", r"\bantihypertensives?\b", r"\bantihypertensive (?:drugs?|medications?|treatment)\b"),
    # brand names in the news, generic names and codes in the trials
    (r"\bOzempic\b", r"\bWegovy\b", r"\bsemaglutide\b"),
    (r"\bMounjaro\b", r"\bZepbound\b", r"\btirzepatide\b"),
    (r"\bPaxlovid\b", r"\bnirmatrelvir\b"),
    (r"\bTylenol\b", r"\bparacetamol\b", r"\bacetaminophen\b"),
    (r"\bPfizer(?:-BioNTech)?(?: COVID(?:-19)?)? (?:vaccine|jab|shot)s?\b", r"\bBNT162b2\b", r"\bComirnaty\b"),
    (r"\bModerna(?: COVID(?:-19)?)? (?:vaccine|jab|shot)s?\b", r"\bmRNA-1273\b", r"\bSpikevax\b"),
)

# States a person is said to end up in: "patients can become addicted to it", "users get hooked".
HARM_STATES = r"addicted|dependent|hooked|psychotic|manic|suicidal"
# Adjectives that state a harm as a property: "ketamine therapy is addictive".
HARM_ADJECTIVES = (
    r"addictive|habit-forming|toxic|neurotoxic|cardiotoxic|hepatotoxic|nephrotoxic|harmful|dangerous|unsafe|"
    r"carcinogenic|teratogenic|lethal|deadly"
)


# Words that are (or can be) a finite verb; a claim with none of them is a heading.
FINITE_VERB_WORDS: frozenset[str] = _words(
    """is are was were be been being am has have had does do did can could may might must
    shall should will would isn't aren't wasn't weren't doesn't don't didn't can't cannot won't
    show reduce increase decrease cause improve prevent lead induce inhibit promote correlate
    associate affect regulate require contribute protect predict enhance impair lower raise
    treat cure work help activate block bind mediate trigger suppress drive confer depend
    alter modulate exacerbate worsen relieve alleviate outperform accelerate delay extend
    shorten restore reverse elevate diminish attenuate produce result remain exist occur
    need play act serve facilitate limit control maintain stimulate kill protect
    differ vary benefit harm exceed match equal reflect indicate suggest explain determine
    undergo express encode form target lack contain carry provide make become appear seem
    persist lose gain support fail participate compensate slow speed report fall rise
    found made led showed shown gave given took taken got became began grew rose fell ran
    saw seen went came kept left lost held brought thought drove meant told said known
    was done stay stays stayed keep keeps shape shapes develop develops get gets give gives take
    takes reach reaches spur spurs boost boosts cut cuts ease eases lift lifts curb curbs
    transmit spread infect kills"""
)
# Adverbs that stand before a verb ("children rarely transmit", "ketamine often helps").
VERB_ADVERBS: frozenset[str] = _words(
    """rarely seldom often usually never always frequently sometimes commonly typically generally
    consistently reliably quickly rapidly also still only really truly actually barely hardly"""
)
# Words before a plural noun ("Benefits of ..."): the -s word after them is not a verb.
NOUN_BEFORE_WORDS: frozenset[str] = _words("of in for the a an with and to on by from at among")
# Words before a bare "treatment"/"therapy"/"drugs" that leave it unnamed ("patients receiving
# treatment", "weeks of therapy"); any other word names one ("cognitive therapy").
BARE_TREATMENT_LEADS: frozenset[str] = _words("receiving received receive taking took weeks days months years weekly daily monthly repeated continued ongoing maintenance")
# Body sites: a result at another site ("hip osteoarthritis") says nothing about the claim's ("knee pain").
# ... and the region each names ("vertebral fractures" and "low back pain" are both the back)
BODY_SITE_REGIONS = {"feet": "foot", "lumbar": "back", "vertebra": "back", "vertebrae": "back", "vertebral": "back", "spine": "back", "spinal": "back"}
BODY_SITES = r"\b(knees?|hips?|shoulders?|neck|ankles?|wrists?|elbows?|heels?|foot|feet|jaw|chest|pelvic|(low(er)? )?back pain|lumbar|vertebra[el]?|spin(e|al))\b"
# What an experiment does to its subject, each with its every form: (sign, forms).  A claim's
# "Inhibiting X" is the sentence's "inhibition of X", "X inhibitors"; -1 takes X away (a result
# read as that of less X), +1 adds it.
MANIPULATIONS: tuple[tuple[int, tuple[str, ...]], ...] = tuple(
    (sign, tuple(forms.split()))
    for sign, forms in (
        (-1, "inhibit inhibits inhibited inhibiting inhibition inhibitions inhibitor inhibitors inhibitory"),
        (-1, "block blocks blocked blocking blockade blockades blocker blockers"),
        (-1, "delete deletes deleted deleting deletion deletions"),
        (-1, "knockout knockouts knock-out knock-outs knockdown knockdowns knock-down knock-downs"),
        (-1, "silence silences silenced silencing"),
        (-1, "deplete depletes depleted depleting depletion"),
        (-1, "immunodeplete immunodepletes immunodepleted immunodepleting immunodepletion"),
        (-1, "ablate ablates ablated ablating ablation"),
        (-1, "remove removes removed removing removal"),
        (-1, "inactivate inactivates inactivated inactivating inactivation"),
        (-1, "disrupt disrupts disrupted disrupting disruption"),
        (-1, "antagonist antagonists antagonism antagonize antagonizes antagonized antagonizing antagonise antagonised antagonising"),
        (-1, "lack lacks lacked lacking"),
        (-1, "deficient deficiency deficiencies"),
        (-1, "downregulate downregulates downregulated downregulating downregulation down-regulation down-regulated"),
        (1, "activate activates activated activating activation activator activators"),
        (1, "overexpress overexpresses overexpressed overexpressing overexpression overexpressor overexpressors over-expression over-expressed"),
        (1, "upregulate upregulates upregulated upregulating upregulation up-regulation up-regulated"),
        (1, "agonist agonists"),
        # what puts back what was taken away ("recolonisation with a complex microbiota")
        (1, "recolonise recolonises recolonised recolonising recolonisation recolonize recolonizes recolonized recolonizing recolonization"),
        (1, "replete repletes repleted repleting repletion reconstitute reconstitutes reconstituted reconstituting reconstitution"),
    )
)
# Each form of an experiment's word -> (sign, all the forms of its family).
MANIPULATION_OF: dict[str, tuple[int, tuple[str, ...]]] = {w.lower(): (sign, forms) for sign, forms in MANIPULATIONS for w in forms}
# Cancers by where they grow: a result on another ("anal cancer") says nothing about the claim's
# ("cervical cancer").  (site id, pattern)
CANCER_SITES: tuple[tuple[str, str], ...] = (
    ("cervical", r"cervi(cal|x)"), ("anal", r"anal|anus"), ("oropharyngeal", r"oropharyn\w*|throat|head and neck"),
    ("breast", r"breast"), ("prostate", r"prostat\w*"), ("lung", r"lung|pulmonary|NSCLC|SCLC"),
    ("colorectal", r"colorectal|colon|rectal|bowel"), ("pancreatic", r"pancrea\w*"), ("ovarian", r"ovar\w*"),
    ("gastric", r"gastric|stomach|oesophag\w*|esophag\w*"), ("liver", r"liver|hepatocellular|hepatic"),
    ("skin", r"skin|melanoma|basal cell|squamous cell skin"), ("bladder", r"bladder|urothelial"),
    ("kidney", r"kidney|renal"), ("brain", r"brain|glioma|glioblastoma"), ("blood", r"leuka?emia|lymphoma|myeloma"),
    ("endometrial", r"endometri\w*|uterine"), ("thyroid", r"thyroid"),
)
# Words for a cancer or a lesion before it, after its site ("cervical cancer", "anal precancerous lesions").
CANCER_NOUNS = r"cancers?|carcinomas?|tumou?rs?|neoplasias?|malignanc\w*|adenocarcinomas?|lesions?|precancer\w*"
# Words a denial adds that the finding need not say ("no known interaction").
DENIAL_FILLERS: frozenset[str] = _words("known")
# Putting back what a loss-of-function claim takes away ("re-expression of X", "restoring X"): the
# result of the rescue reads the other way.
GAIN_OF_FUNCTION = (
    r"\b(re-?expression|re-?expressing|re-?introduc\w*|overexpress\w*|over-expression|restor(ing|ation of|ed expression of)|"
    r"rescue[ds]? (with|by)|add(ing|ition of) back|transgenic expression|replenish\w*|recoloni[sz]\w*|repletion|reconstitut\w*)\b"
)
# Verbs that claim a change without saying which way ("ketamine alters spine density").
# "has no significant effect on Y", "had an effect on Y": a change either way is the claim.
EFFECT_ON = (
    r"(?:has|have|had|shows?|showed|exerts?|exerted)\s+(?:no|an?|any|some)\s+(?:(?:statistically\s+)?significant\s+|"
    r"clinically\s+(?:significant|relevant|meaningful)\s+|meaningful\s+|measurable\s+|detectable\s+)?"
    r"(?:effects?|impact|influence)\s+(?:on|upon)\b"
)
CHANGE_VERBS = r"alter(s|ed)?|chang(e|es|ed)|affect(s|ed)?|influenc(e|es|ed)|modif(y|ies|ied)|modulat(e|es|ed)|impact(s|ed)?|regulates?|governs?"
# Role nouns that say which way a subject moves what it acts on ("a repressor of autophagy",
# "an activator of mTOR"): read as a move only before "of".
ROLE_UP = r"activators?|inducers?|promoters?|drivers?|enhancers?|stimulators?"
ROLE_DOWN = r"repressors?|suppressors?|inhibitors?|antagonists?|blockers?|negative regulators?"
# A subject said to be needed for something ("Ly49Q was crucial for the polarization of
# neutrophils"): a role that raises it (after a copula; "the time required for" is no role).
NEEDED_FOR = r"crucial|essential|required|necessary|critical|indispensable|vital"
# Outcomes named in other words: a sentence naming one names the others (for relevance only).
OUTCOME_SYNONYMS: list[tuple[str, ...]] = [
    ("side effects", "side effect", "adverse events", "adverse event", "adverse effects", "adverse reactions", "toxicity", "toxicities"),
    ("heart attack", "heart attacks", "myocardial infarction", "myocardial infarctions"),
    ("death", "deaths", "mortality", "died"),
    ("relapse", "relapses", "relapsed", "recurrence", "recurrences", "coming back", "come back", "comes back", "returning"),
    ("placebo", "sugar pill", "sugar pills", "dummy pill", "dummy pills"),
    ("bladder", "urinary tract", "cystitis", "uropathy", "urological"),
    # everyday words and a study's words for the same outcome
    ("LDL cholesterol", "LDL-C", "LDL", "low-density lipoprotein cholesterol", "low-density lipoprotein", "bad cholesterol"),
    ("HDL cholesterol", "HDL-C", "HDL", "high-density lipoprotein cholesterol", "high-density lipoprotein", "good cholesterol"),
    ("irregular heartbeat", "irregular heart rhythm", "arrhythmia", "arrhythmias", "atrial fibrillation"),
    ("bowel cancer", "colorectal cancer", "colon cancer"),
    ("heart disease", "cardiovascular disease", "coronary heart disease", "coronary artery disease"),
    ("blood sugar", "blood glucose", "glycaemia", "glycemia", "glycaemic control", "glycemic control"),
    ("dying early", "premature death", "premature mortality", "all-cause mortality", "death from any cause"),
    ("flu", "influenza"),
    ("spread", "spreading", "transmission", "onward transmission", "transmitted"),
    ("brain fog", "cognitive impairment", "cognitive dysfunction", "cognitive symptoms"),
    ("high blood pressure", "hypertension"),
    ("kidney failure", "renal failure", "end-stage kidney disease", "end-stage renal disease"),
    ("ear infection", "ear infections", "otitis media"),
    ("shingles", "herpes zoster"),
    ("chickenpox", "varicella"),
    ("whooping cough", "pertussis"),
    ("quit", "quits", "quitting", "quit smoking", "stop smoking", "stopping smoking", "give up smoking", "smoking cessation",
     "cessation", "abstinence", "abstinent", "smoke-free"),
    ("readmission", "readmissions", "readmitted", "rehospitalisation", "rehospitalization", "rehospitalised", "rehospitalized"),
    ("adherence", "non-adherence", "nonadherence", "non-adherent", "nonadherent", "compliance", "adherent"),
]
# Words of how much or how often something is taken, not what it is ("eating a handful of walnuts
# every day", "popping vitamin D pills"): a sentence names the intervention without them.
INTAKE_WORDS = frozenset((
    "eating", "eat", "eats", "taking", "take", "takes", "popping", "pop", "drinking", "drink", "drinks", "consuming",
    "consume", "using", "use", "handful", "glass", "glasses", "cup", "cups", "daily", "every", "day", "days", "week",
    "weekly", "just", "regular", "regularly", "little", "bit", "extra", "pills", "pill", "tablets", "tablet",
))
# Words for the chance of an outcome, whose object is the outcome ("the risk of dementia").
RISK_WORDS = "risk risks incidence odds hazard rate rates likelihood chance"
# A treatment named by a generic word only ("after 8 weeks of treatment"): no treatment in particular.
GENERIC_TREATMENT_WORDS = r"medications?|drugs?|agents?|therap(y|ies)|treatments?"
# Words of a safety claim that judge rather than name the harm ("well tolerated", "no serious ...").
SAFETY_JUDGING_WORDS = r"safe(ly|r|st)?|well[- ]tolerated|tolerable|tolerated|harmless|free of|serious|meaningful|major|significant|few|minimal|mild"

# === Moderation: for whom a treatment works better or worse ===============================
# A claim that a treatment works better or worse for some people than for others ("Patients with
# anxious depression respond less well to ketamine", "X works best in patients with the most
# severe anxiety", "Women respond better to X than men") is about a difference between groups of
# people given the same treatment, not between treatments.  Words of how well, with their sign
# (+1 better for the group named).
MODERATION_HOW: dict[str, int] = {
    "better": 1, "best": 1, "more": 1, "most": 1, "especially well": 1, "particularly well": 1,
    "worse": -1, "less well": -1, "less": -1, "least": -1, "poorly": -1, "more poorly": -1,
}
_MODERATION_HOW = r"(?P<how>especially well|particularly well|less well|more poorly|better|best|worse|poorly|more|most|less|least)"
PEOPLE_GROUPS = r"(?:" + PEOPLE_NOUNS + r"|those|adolescents|teens|teenagers|veterans|smokers|responders|non-responders|girls|boys|mothers|elderly)"
# "Patients with anxious depression respond less well to ketamine", "Heavier patients respond better"
MODERATION_BY_GROUP = (
    r"^(?P<group>(?:[\w'()-]+\s+){0,3}?" + PEOPLE_GROUPS + r"\b[^;]{0,80}?)\s+(?:may\s+|might\s+|tend\s+to\s+|seem\s+to\s+)?"
    r"(?:(?:respond|responds|responded|benefit|benefits|benefited|do|does|fare|fares|improve|improves)\s+" + _MODERATION_HOW
    # ("get more out of ketamine", "gain less from it")
    + r"|(?:get|gets|got|gain|gains|gained|derive|derives|derived)\s+(?P<how3>more|less|most|least)\s+(?:[\w-]+\s+){0,2}?(?:out\s+of|from))"
    + r"(?:\s+(?:(?:to|from|with|on|after)\s+)?(?P<treatment>.+?))?(?:\s+than\s+(?:do\s+|does\s+)?(?P<other>.+?))?$"
)
# "Ketamine works less well for people with anxious depression", "X is less effective in older adults"
MODERATION_FOR_GROUP = (
    r"^(?P<treatment>.+?)\s+(?:may\s+|might\s+|seems?\s+to\s+|tends?\s+to\s+|appears?\s+to\s+)?"
    r"(?:(?:works?|helps?|performs?)\s+" + _MODERATION_HOW + r"|(?:is|are)\s+(?P<how2>more|less|most|least)\s+effective)"
    r"\s+(?:for|in|among|with)\s+(?P<group>.+?)(?:\s+than\s+(?P<other>(?:in|for|among|with)\b.+?))?$"
)
# ... or as well for one group as for another ("works as well in older adults as in younger
# adults", "is equally effective in women and men"): no difference between the groups.
MODERATION_SAME_FOR_GROUP = (
    r"^(?P<treatment>.+?)\s+(?:may\s+|might\s+|seems?\s+to\s+|appears?\s+to\s+)?(?:works?|helps?|performs?|is|are)\s+(?:just\s+)?"
    r"(?:as\s+(?:well|effective|good|helpful)|equally\s+(?:well|effective|good|helpful))\s+(?:for|in|among|with)\s+(?P<group>.+?)"
    r"\s+(?:as|and)\s+(?:(?:it\s+)?(?:does|do|is|are)\s+)?(?:(?:for|in|among|with)\s+)?(?P<other>.+?)$"
)
# Words of a group that do not say who is in it.
MODERATION_GENERIC = _words(
    """patients patient people person participants participant subjects individuals those adults who also have has
    had with without the a an of in among for that are is were was any some most many more less their whose
    living diagnosed suffering from"""
)
# Other words for a group ("women" are the "female participants").
MODERATION_GROUP_SYNONYMS: dict[str, tuple[str, ...]] = {
    "women": ("female", "females"), "woman": ("female",), "girls": ("female",), "men": ("male", "males"), "man": ("male",),
    "boys": ("male",), "older": ("elderly", "aged"), "elderly": ("older",), "heavier": ("obese", "obesity", "overweight"),
    "bmi": ("obese", "obesity", "overweight"), "slimmer": ("normal-weight", "lean"), "obese": ("bmi", "overweight"),
}
# The level a group is defined by ("high CRP", "CRP above 3 mg/L", "the lowest tertile"): +1 high, -1 low.
MODERATION_LEVELS: dict[str, int] = {
    "high": 1, "higher": 1, "highest": 1, "elevated": 1, "above": 1, "increased": 1, "heavier": 1, "older": 1, "top": 1, "upper": 1,
    "low": -1, "lower": -1, "lowest": -1, "below": -1, "reduced": -1, "decreased": -1, "lighter": -1, "younger": -1, "bottom": -1, "normal": -1,
}
# A result said of the greatest or least of several groups ("the highest tertile showed the greatest reductions").
MODERATION_SUPERLATIVE = r"\b(?:the\s+)?(?P<word>greatest|largest|highest|best|strongest|smallest|lowest|least|poorest|worst|weakest)\b(?=(?P<what>[^;]{0,60}))"
MODERATION_SUPERLATIVE_SIGN: dict[str, int] = {
    "greatest": 1, "largest": 1, "highest": 1, "best": 1, "strongest": 1, "smallest": -1, "lowest": -1, "least": -1, "poorest": -1, "worst": -1, "weakest": -1,
}
# A difference between the groups that was looked for and not found ("age did not moderate the
# effect", "no significant treatment-by-sex interaction", "was not a significant predictor of
# response", "p for interaction = 0.41").
MODERATION_NULL = (
    r"\b(?:did|does|do)\s+not\s+(?:significantly\s+)?(?:moderate|modify|predict|influence)\b|\bno\s+(?:significant\s+|evidence\s+of\s+(?:an?\s+)?)?"
    r"(?:interaction|moderat\w+|effect\s+modification|differential\s+effect)\b|\bnot\s+(?:significantly\s+)?(?:associated\s+with|related\s+to|"
    r"(?:an?\s+)?(?:significant\s+)?(?:predictor|moderator)s?\s+of|predictive\s+of)\s+(?:[\w-]+\s+){0,3}?(?:response|remission|improvement|"
    r"outcomes?|benefit|efficacy|reduction|change)\b|\b(?:p|P)\s*(?:for|of)\s+interaction\s*[=:]\s*0?\.(?:[1-9]|0[5-9])|"
    r"\binteraction\s+(?:p|P)\s*[=:]\s*0?\.(?:[1-9]|0[5-9])|\bregardless\s+of\b|\bsimilar(?:ly)?\s+(?:in|across|between|among)\b"
)
# ... and a moderation found, which way not said ("p for interaction = 0.02", "the benefit was
# attenuated in patients aged 75 or older"): a difference between the groups.
MODERATION_DIFFERS = (
    r"\b(?:p|P)\s*(?:for|of)\s+interaction\s*(?:[=:]\s*0?\.0[0-4]|<\s*0?\.0[0-5])|\binteraction\s+(?:p|P)\s*(?:[=:]\s*0?\.0[0-4]|<\s*0?\.0[0-5])"
    r"|\bsignificant\s+(?:[\w-]+\s+){0,2}?interaction\b|\bdifference\s+between\s+(?:the\s+)?(?:[\w-]+\s+)?(?:groups|subgroups)\s+was\s+(?:statistically\s+)?significant\b"
    r"|\b(?:benefit|effect|efficacy)\s+(?:[\w-]+\s+){0,3}?(?:was\s+|were\s+|appears?\s+|appeared\s+)?(?:attenuated|diminished|blunted|weaker|absent)\s+(?:in|among|for)\b"
)
# A group's result set against another's: the comparative word (its sign), then "than".
_MODERATION_COMPARATIVES = r"greater|larger|higher|more|better|bigger|lower|smaller|less|fewer|worse|poorer|weaker|stronger"
MODERATION_COMPARED = (
    r"\b(?P<word>" + _MODERATION_COMPARATIVES + r")\b"
    # (the last comparative before "than": not "30 or more) had a lower rate ... than")
    r"(?P<what>(?:(?!\b(?:" + _MODERATION_COMPARATIVES + r")\b)[^;]){0,120}?)\s+than\s+(?:among\s+|in\s+|for\s+)?(?P<other>[^;]{1,80})"
)
# ... against another group of people (not "more than midazolam in patients with ...": a treatment)
MODERATION_OTHER_GROUP = (
    r"^(?:(?:in|among|for)\s+)?(?:the\s+|those\s+of\s+)?(?:(?!(?:in|with|on|than)\b)[\w'-]+\s+){0,3}?" + PEOPLE_GROUPS + r"\b|^non-?\w+\b|^counterparts\b"
)
MODERATION_WORD_SIGN: dict[str, int] = {
    "greater": 1, "larger": 1, "higher": 1, "more": 1, "better": 1, "bigger": 1, "stronger": 1,
    "lower": -1, "smaller": -1, "less": -1, "fewer": -1, "worse": -1, "poorer": -1, "weaker": -1,
}
# What a group's result is said of when the group fared better with more of it.
MODERATION_GOOD_OUTCOMES = r"respon\w*|remission|remit\w*|improv\w*|benefit\w*|reduction|decrease|decline|relief|effect\w*|efficacy|differences?|odds of response"

# === Pharmacokinetics: measures that move against a drug's levels ==========================
# Less clearance (elimination, metabolism, excretion, secretion) of a drug means more of it in the
# blood: "reduced the apparent oral clearance of simvastatin" answers "raises simvastatin levels".
# (A half-life moves with the levels: "the half-life was prolonged" is more exposure.)
LEVEL_MEASURES = r"levels?|concentrations?|exposure|AUC\w*|area under the\s+(?:\w+\s+)?curve|Cmax|peak\s+(?:plasma\s+|serum\s+)?concentrations?|bioavailability"
INVERSE_MEASURES = r"clearance|eliminat\w*|metabolism|metaboli[sz]ed|excretion|excreted|secretion|secreted"
