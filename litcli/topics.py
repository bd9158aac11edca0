"""Topic presets: named PubMed queries for ketamine research, kept as data.

Each preset combines MeSH headings (which catch indexed records) with
title/abstract synonyms (which catch records not yet indexed).  Edit the
blocks below to change a preset; ``litcli topics show NAME`` prints the exact
query sent to PubMed.
"""

from __future__ import annotations

from dataclasses import dataclass

from litcli.errors import InvalidInputError


def any_of(*terms: str) -> str:
    return "(" + " OR ".join(terms) + ")"


# --- building blocks ---------------------------------------------------------------

KETAMINE = any_of('"Ketamine"[MeSH]', "ketamine[tiab]", "esketamine[tiab]", "arketamine[tiab]")

# Esketamine is indexed under the Ketamine heading; the intranasal product is Spravato.
ESKETAMINE = any_of(
    '"esketamine"[Supplementary Concept]',
    "esketamine[tiab]",
    "Spravato[tiab]",
    '"S-ketamine"[tiab]',
    '("Ketamine"[MeSH] AND "Administration, Intranasal"[MeSH])',
)

OCD = any_of(
    '"Obsessive-Compulsive Disorder"[MeSH]',
    "obsessive-compulsive[tiab]",
    '"obsessive compulsive"[tiab]',
    "OCD[tiab]",
)

TRD = any_of(
    '"Depressive Disorder, Treatment-Resistant"[MeSH]',
    '"treatment-resistant depression"[tiab]',
    '"treatment resistant depression"[tiab]',
    '"refractory depression"[tiab]',
    "TRD[tiab]",
)

PTSD = any_of(
    '"Stress Disorders, Post-Traumatic"[MeSH]',
    "PTSD[tiab]",
    '"posttraumatic stress"[tiab]',
    '"post-traumatic stress"[tiab]',
)

BIPOLAR = any_of('"Bipolar Disorder"[MeSH]', "bipolar[tiab]", "mania[tiab]", "manic[tiab]")

ANXIETY = any_of(
    '"Anxiety Disorders"[MeSH]',
    '"Anxiety"[MeSH]',
    "anxiety[tiab]",
    "anxious[tiab]",
    '"social phobia"[tiab]',
    '"panic disorder"[tiab]',
)

SUICIDALITY = any_of(
    '"Suicide"[MeSH]',
    '"Suicidal Ideation"[MeSH]',
    '"Suicide, Attempted"[MeSH]',
    "suicid*[tiab]",
)

MECHANISM = any_of(
    '"Receptors, N-Methyl-D-Aspartate"[MeSH]',
    "NMDA[tiab]",
    '"Glutamic Acid"[MeSH]',
    "glutamate*[tiab]",
    "glutamatergic[tiab]",
    '"Brain-Derived Neurotrophic Factor"[MeSH]',
    "BDNF[tiab]",
    "synaptogenesis[tiab]",
    '"Neuronal Plasticity"[MeSH]',
    '"synaptic plasticity"[tiab]',
    "mTOR[tiab]",
    "AMPA[tiab]",
)

FORMULATIONS = any_of(
    '"Administration, Intranasal"[MeSH]',
    "intranasal[tiab]",
    '"nasal spray"[tiab]',
    '"Administration, Oral"[MeSH]',
    "oral[tiab]",
    '"Administration, Sublingual"[MeSH]',
    "sublingual[tiab]",
    "lozenge*[tiab]",
    "troche*[tiab]",
    "intramuscular[tiab]",
    "subcutaneous[tiab]",
)

HOME = any_of(
    '"Telemedicine"[MeSH]',
    "telehealth[tiab]",
    "telemedicine[tiab]",
    "telepsychiatry[tiab]",
    '"at-home"[tiab]',
    '"at home"[tiab]',
    '"home-based"[tiab]',
    '"home use"[tiab]',
    '"remote monitoring"[tiab]',
    '"Self Administration"[MeSH]',
    "self-administered[tiab]",
)

PSYCHOTHERAPY = any_of(
    '"Psychotherapy"[MeSH]',
    "psychotherapy[tiab]",
    '"ketamine-assisted"[tiab]',
    '"ketamine assisted"[tiab]',
    '"Cognitive Behavioral Therapy"[MeSH]',
    '"cognitive behavioral"[tiab]',
    '"cognitive behavioural"[tiab]',
    '"exposure therapy"[tiab]',
    "psychedelic-assisted[tiab]",
)

SAFETY = any_of(
    '"Ketamine/adverse effects"[MeSH]',
    '"Drug-Related Side Effects and Adverse Reactions"[MeSH]',
    '"adverse event"[tiab]',
    '"adverse events"[tiab]',
    '"side effects"[tiab]',
    "safety[tiab]",
    "tolerability[tiab]",
    "dissociat*[tiab]",
    "cystitis[tiab]",
    '"Substance-Related Disorders"[MeSH]',
    "abuse[tiab]",
    "misuse[tiab]",
    "dependence[tiab]",
)


@dataclass(frozen=True)
class Topic:
    name: str
    title: str
    query: str


def _topic(name: str, title: str, *blocks: str) -> Topic:
    return Topic(name, title, " AND ".join(blocks))


TOPICS: dict[str, Topic] = {
    t.name: t
    for t in [
        _topic("ketamine-ocd", "Ketamine for obsessive-compulsive disorder", KETAMINE, OCD),
        _topic("ketamine-trd", "Ketamine for treatment-resistant depression", KETAMINE, TRD),
        _topic("esketamine", "Esketamine (Spravato)", ESKETAMINE),
        _topic("ketamine-ptsd", "Ketamine for post-traumatic stress disorder", KETAMINE, PTSD),
        _topic("ketamine-bipolar", "Ketamine in bipolar disorder", KETAMINE, BIPOLAR),
        _topic("ketamine-anxiety", "Ketamine for anxiety disorders", KETAMINE, ANXIETY),
        _topic("ketamine-suicidality", "Ketamine for suicidal ideation", KETAMINE, SUICIDALITY),
        _topic(
            "ketamine-mechanism",
            "Mechanism: NMDA, glutamate, BDNF, synaptogenesis",
            KETAMINE,
            MECHANISM,
        ),
        _topic(
            "ketamine-formulations",
            "Formulations: intranasal, oral, sublingual",
            KETAMINE,
            FORMULATIONS,
        ),
        _topic("ketamine-home", "At-home and telehealth ketamine", KETAMINE, HOME),
        _topic(
            "ketamine-psychotherapy", "Ketamine-assisted psychotherapy", KETAMINE, PSYCHOTHERAPY
        ),
        _topic(
            "ketamine-safety",
            "Safety: adverse effects, dissociation, misuse, cystitis",
            KETAMINE,
            SAFETY,
        ),
    ]
}


def names() -> list[str]:
    return list(TOPICS)


def get(name: str) -> Topic:
    """The preset called ``name``; InvalidInputError (listing the presets) otherwise."""
    topic = TOPICS.get(name.strip().lower())
    if topic is None:
        import difflib

        close = difflib.get_close_matches(name.strip().lower(), TOPICS, n=1)
        suggestion = f"did you mean {close[0]}? " if close else ""
        raise InvalidInputError(
            f"unknown topic {name!r}; {suggestion}see: litcli topics",
        )
    return topic
