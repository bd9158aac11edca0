"""Topic presets (litcli.topics)."""

from __future__ import annotations

import re

import pytest

from litcli import topics
from litcli.errors import ExitCode, InvalidInputError
from litcli.query import validate_query

REQUIRED = [
    "ketamine-ocd",
    "ketamine-trd",
    "esketamine",
    "ketamine-ptsd",
    "ketamine-bipolar",
    "ketamine-anxiety",
    "ketamine-suicidality",
    "ketamine-mechanism",
    "ketamine-formulations",
    "ketamine-home",
    "ketamine-psychotherapy",
    "ketamine-safety",
]


def test_all_required_presets_exist():
    assert set(REQUIRED) <= set(topics.names())


@pytest.mark.parametrize("name", REQUIRED)
def test_each_preset_combines_mesh_and_tiab_and_is_valid(name):
    query = topics.get(name).query
    assert validate_query(query) == query
    assert re.search(r'"[^"]+"\[MeSH\]', query), "needs a MeSH heading"
    assert "[tiab]" in query, "needs title/abstract synonyms"
    assert topics.get(name).title


def test_ocd_preset_has_the_documented_block():
    query = topics.get("ketamine-ocd").query
    assert '"Obsessive-Compulsive Disorder"[MeSH] OR obsessive-compulsive[tiab]' in query
    assert "OCD[tiab]" in query and '"Ketamine"[MeSH]' in query


@pytest.mark.parametrize(
    ("name", "terms"),
    [
        (
            "ketamine-mechanism",
            ["NMDA[tiab]", "glutamate*[tiab]", "BDNF[tiab]", "synaptogenesis[tiab]"],
        ),
        ("ketamine-formulations", ["intranasal[tiab]", "oral[tiab]", "sublingual[tiab]"]),
        ("ketamine-home", ['"at-home"[tiab]', "telehealth[tiab]"]),
        ("esketamine", ["esketamine[tiab]", "Spravato[tiab]"]),
    ],
)
def test_presets_cover_their_subject(name, terms):
    query = topics.get(name).query
    for term in terms:
        assert term in query


def test_unknown_topic_is_a_usage_error_with_a_suggestion():
    with pytest.raises(InvalidInputError) as info:
        topics.get("ketamine-ocdd")
    assert info.value.exit_code == ExitCode.USAGE
    assert "unknown topic 'ketamine-ocdd'" in info.value.message
    assert "did you mean ketamine-ocd?" in info.value.message
