"""The verdict rules: one ordered table (verdict.RULES), documented row for row in docs/CHECK.md."""

from __future__ import annotations

import re
from pathlib import Path

from litcli.claims import verdict as vd

DOCS = Path(__file__).resolve().parent.parent / "docs" / "CHECK.md"


def documented_rules() -> list[tuple[str, str, str]]:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("### Verdict rules", 1)[1].split("\n\n", 2)[2]
    rows = []
    for line in section.split("\n\n", 1)[0].splitlines():
        m = re.match(r"^\| (\d+) \| (.+?) \| `(.+?)` \| (.+) \|$", line)
        if m:
            rows.append((m.group(2), m.group(3), m.group(4)))
    return rows


def test_docs_list_the_rules_in_code_order_with_the_same_words() -> None:
    assert documented_rules() == [(r.name, r.verdict, r.when) for r in vd.RULES]


def test_every_verdict_has_a_rule_and_names_are_unique() -> None:
    assert {r.verdict for r in vd.RULES} == set(vd.VERDICTS)
    assert len({r.name for r in vd.RULES}) == len(vd.RULES)
    assert vd.RULES[-1].test(None) is True  # type: ignore[arg-type]  # the last row always holds


def test_strict_fails_on_contradicted_and_no_evidence_only() -> None:
    assert {vd.CONTRADICTED, vd.NO_EVIDENCE} == vd.FAILING
