"""Query validation and filter building (litcli.query)."""

from __future__ import annotations

import pytest

from litcli.errors import ExitCode, InvalidInputError
from litcli.query import (
    Filters,
    build_query,
    check_max,
    check_sort,
    check_years,
    combine,
    normalise_types,
    validate_query,
)


@pytest.mark.parametrize(
    "query",
    [
        'ketamine[ti] AND "obsessive compulsive"[tiab]',
        "(ketamine OR esketamine) AND (OCD OR depression)",
        '"Depressive Disorder, Treatment-Resistant"[MeSH]',
        '"a (quoted" paren x',  # parentheses inside quotes do not count
        "suicid*[tiab] NOT animals[mh]",
    ],
)
def test_valid_queries_pass_through_untouched(query):
    assert validate_query(f"  {query} ") == query


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ('"ketamine AND OCD', "unclosed quote"),
        ("(ketamine AND OCD", "unclosed parenthesis"),
        ("ketamine AND OCD)", "unmatched closing parenthesis"),
        ("((a) OR b", "unclosed parenthesis"),
        ("ketamine[ti AND OCD", "unclosed bracket"),
        ("(a]", "unmatched closing bracket"),
    ],
)
def test_bad_queries_raise_usage_errors(query, words):
    with pytest.raises(InvalidInputError) as info:
        validate_query(query)
    assert words in info.value.message
    assert info.value.exit_code == ExitCode.USAGE
    assert "\n" not in info.value.message


def test_filters_map_to_pubmed_tags():
    f = Filters(types=("rct", "meta-analysis"), humans=True, english=True, since=2015, until=2020)
    assert f.clauses() == [
        '("randomized controlled trial"[pt] OR "meta-analysis"[pt] OR "network meta-analysis"[pt])',
        '"humans"[MeSH Terms]',
        "english[lang]",
        "2015:2020[dp]",
    ]


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        ("systematic-review", '"systematic review"[pt]'),
        ("clinical-trial", '"clinical trial"[pt]'),
        ("observational", '"observational study"[pt]'),
        ("case-report", '"case reports"[pt]'),
        ("review", '"review"[pt]'),
        ("RCT", '"randomized controlled trial"[pt]'),
    ],
)
def test_each_type_has_a_publication_type_tag(name, tag):
    assert Filters(types=(name,)).clauses() == [tag]


def test_open_date_ranges():
    assert Filters(since=2015).clauses() == ["2015:3000[dp]"]
    assert Filters(until=2000).clauses() == ["1800:2000[dp]"]


def test_build_query_parenthesises_only_when_needed():
    assert build_query("ketamine") == "ketamine"
    assert build_query("ketamine", Filters(humans=True)) == 'ketamine AND "humans"[MeSH Terms]'
    assert (
        build_query("ketamine OR esketamine", Filters(english=True))
        == "(ketamine OR esketamine) AND english[lang]"
    )
    assert build_query("(a) AND (b)", Filters(english=True)) == "((a) AND (b)) AND english[lang]"
    assert combine("(a OR b)", "c") == "(a OR b) AND c"


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: check_max(0), "--max must be at least 1 (got 0)"),
        (lambda: check_max(-5), "--max must be at least 1 (got -5)"),
        (lambda: check_years(2030, 2000), "--since 2030 is after --until 2000"),
        (lambda: check_years(1500, None), "not a plausible publication year"),
        (lambda: normalise_types(["metaanalyses"]), "unknown --type 'metaanalyses'"),
        (lambda: check_sort("newest"), "unknown --sort 'newest'"),
    ],
)
def test_bad_options_are_usage_errors(call, words):
    with pytest.raises(InvalidInputError) as info:
        call()
    assert words in info.value.message
    assert info.value.exit_code == ExitCode.USAGE


def test_types_are_normalised_and_deduplicated():
    assert normalise_types(["rct", "RCT,meta-analysis", "sr"]) == [
        "rct",
        "meta-analysis",
        "systematic-review",
    ]


def test_sort_names():
    assert check_sort("date") == "pub_date" and check_sort("relevance") == "relevance"
    assert check_sort("author") == "Author" and check_sort("journal") == "JournalName"
