"""`litcli topics` and `litcli topics show NAME`."""

from __future__ import annotations

from litcli.errors import ExitCode
from litcli.topics import TOPICS
from tests.conftest import run_cli


def test_topics_lists_every_preset_one_per_line():
    result = run_cli(["topics"])
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [r[0] for r in rows] == list(TOPICS)
    assert ["ketamine-ocd", "Ketamine for obsessive-compulsive disorder"] in rows


def test_show_prints_the_exact_query():
    result = run_cli(["topics", "show", "ketamine-ocd"])
    assert result.exit_code == 0
    assert result.stdout == (
        '("Ketamine"[MeSH] OR ketamine[tiab] OR esketamine[tiab] OR arketamine[tiab]) AND '
        '("Obsessive-Compulsive Disorder"[MeSH] OR obsessive-compulsive[tiab] OR "obsessive compulsive"[tiab] '
        "OR OCD[tiab])\n"
    )


def test_unknown_topic_exits_2():
    result = run_cli(["topics", "show", "ketamine-ocdd"])
    assert result.exit_code == ExitCode.USAGE
    assert (
        result.stderr
        == "Error: unknown topic 'ketamine-ocdd'; did you mean ketamine-ocd? see: litcli topics\n"
    )
