"""Issue 13, point 9: one table per concept (litcli/tables.py), and everything that names a
study design, a --type or an export format agrees with it: the record model, the claim
grader, the search filters (online and offline), --help, the README and the docs."""

from __future__ import annotations

import importlib
import io
import re
from pathlib import Path

import click
import pytest

from litcli import formats, query, service, tables
from litcli.claims import evidence
from litcli.cli import cli
from litcli.errors import InvalidInputError
from litcli.models import Record, classify_design
from litcli.tables import DESIGN_BY_NAME, DESIGNS, FORMATS, TYPE_FILTERS
from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"

# --- study designs ---------------------------------------------------------------------


def test_designs_are_in_rank_order_with_unique_names() -> None:
    assert [d.rank for d in DESIGNS] == list(range(1, len(DESIGNS) + 1))
    assert len({d.name for d in DESIGNS}) == len({d.level for d in DESIGNS}) == len(DESIGNS)
    assert tables.OTHER is DESIGNS[-1] and tables.OTHER.name == "other"
    assert not tables.OTHER.publication_types


def test_a_publication_type_belongs_to_one_design() -> None:
    seen: dict[str, str] = {}
    for d in DESIGNS:
        for pt in d.publication_types:
            assert pt not in seen, f"{pt!r} is both {seen[pt]!r} and {d.name!r}"
            seen[pt] = d.name


@pytest.mark.parametrize("design", DESIGNS, ids=lambda d: d.name)
def test_the_record_model_reads_the_design_table(design: tables.Design) -> None:
    for pt in design.publication_types:
        record = Record(pmid="1", publication_types=["Journal Article", pt])
        assert classify_design(record.publication_types) == record.design == design.name
        assert record.evidence_rank == design.rank
        assert record.to_dict()["evidence_rank"] == design.rank
    if not design.publication_types:
        assert Record(pmid="1", publication_types=["Journal Article"]).design == design.name


def test_the_strongest_design_wins() -> None:
    for weaker in DESIGNS[1:-1]:
        for stronger in DESIGNS[: weaker.rank - 1]:
            types = sorted(weaker.publication_types)[:1] + sorted(stronger.publication_types)[:1]
            assert classify_design(types) == stronger.name


def test_the_claim_grader_reads_the_design_table() -> None:
    assert {d.level: d.rank for d in DESIGNS} == evidence.LEVELS
    assert list(evidence.LEVELS) == [d.level for d in DESIGNS]  # strongest first
    assert set(evidence._TEXT_LEVELS) <= set(evidence.LEVELS)
    assert set(evidence._REFINED) <= set(evidence.LEVELS)
    assert set(evidence._THIS_STUDY) <= set(evidence.LEVELS)


def test_the_design_table_orders_weights_and_says_which_designs_are_controlled() -> None:
    """The verdict's weights, plurals and the 'controlled' designs come from the one table: a
    stronger design never weighs less than a weaker one, and exactly the top three compare arms."""
    from litcli.claims import verdict

    levels = [d.level for d in DESIGNS]
    assert list(verdict._WEIGHTS) == levels and list(verdict._PLURALS) == levels
    ranked = [d for d in DESIGNS if d.name not in ("review", "other")]  # narrative reviews weigh like 'other'
    assert [d.weight for d in ranked] == sorted((d.weight for d in ranked), reverse=True)
    assert [d.level for d in DESIGNS if d.controlled] == ["meta-analysis", "systematic review", "RCT"]
    assert len({d.plural for d in DESIGNS}) == len(DESIGNS)


@pytest.mark.parametrize("design", DESIGNS, ids=lambda d: d.name)
def test_a_record_without_text_is_graded_by_its_design(design: tables.Design) -> None:
    types = sorted(design.publication_types)[:1] or ["Journal Article"]
    record = Record(pmid="1", publication_types=types)
    level = evidence.grade(record)
    assert level == design.level
    assert evidence.LEVELS[level] == design.rank == record.evidence_rank


def test_the_grade_never_ranks_below_the_publication_types() -> None:
    texts = [
        "",
        "A randomized controlled trial.",
        "An open-label pilot study.",
        "A retrospective cohort.",
        "We report a case of ketamine use.",
        "A narrative review.",
        "We performed a meta-analysis of 12 randomized trials.",
        "This systematic review of trials.",
    ]
    for design in DESIGNS:
        types = sorted(design.publication_types)[:1]
        for text in texts:
            record = Record(pmid="1", title=text, publication_types=types)
            assert evidence.LEVELS[evidence.grade(record)] <= design.rank, (design.name, text)


# --- --type names ----------------------------------------------------------------------


@pytest.mark.parametrize("t", TYPE_FILTERS, ids=lambda t: t.name)
def test_every_type_maps_to_publication_types_and_ranked_designs(t: tables.TypeFilter) -> None:
    assert t.publication_types and t.designs
    for design in t.designs:
        assert design in DESIGN_BY_NAME, f"--type {t.name}: unknown design {design!r}"
    for pt in t.publication_types:
        # the PubMed publication type is one the record model knows, and a record of that
        # type is kept by the same --type when the library answers (online = offline)
        owner = classify_design([pt])
        assert pt in DESIGN_BY_NAME[owner].publication_types, (t.name, pt)
        assert owner in t.designs, (t.name, pt, owner)
    # the filter's main design comes first and is the strongest thing it is named after
    assert DESIGN_BY_NAME[t.designs[0]].name == classify_design([t.publication_types[0]])


@pytest.mark.parametrize("t", TYPE_FILTERS, ids=lambda t: t.name)
def test_every_type_and_alias_is_accepted_and_builds_its_tags(t: tables.TypeFilter) -> None:
    for spelling in (t.name, *t.aliases, t.name.upper(), t.name.replace("-", " ")):
        assert query.normalise_types([spelling]) == [t.name]
    clause = query.Filters(types=(t.name,)).clauses()[0]
    for pt in t.publication_types:
        assert f'"{pt.lower()}"[pt]' in clause
    assert service.designs_for_types([t.name]) == list(t.designs)


def test_aliases_never_shadow_a_name() -> None:
    aliases = [a for t in TYPE_FILTERS for a in t.aliases]
    assert len(aliases) == len(set(aliases))
    assert not set(aliases) & set(tables.TYPE_NAMES)
    assert {a: t.name for t in TYPE_FILTERS for a in t.aliases} == query.TYPE_ALIASES


def test_type_filters_are_what_they_were() -> None:
    """Pinned: the move into one table changed no query and no offline filter."""
    expected = {
        "meta-analysis": ('("meta-analysis"[pt] OR "network meta-analysis"[pt])', ["meta-analysis"]),
        "systematic-review": ('"systematic review"[pt]', ["systematic review"]),
        "rct": ('"randomized controlled trial"[pt]', ["RCT"]),
        "clinical-trial": ('"clinical trial"[pt]', ["clinical trial", "RCT"]),
        "observational": ('"observational study"[pt]', ["observational"]),
        "case-report": ('"case reports"[pt]', ["case report"]),
        "review": ('"review"[pt]', ["review", "systematic review", "meta-analysis"]),
    }
    assert list(expected) == list(tables.TYPE_NAMES)
    for name, (clause, designs) in expected.items():
        assert query.Filters(types=(name,)).clauses() == [clause]
        assert service.designs_for_types([name]) == designs


def _help(*path: str) -> str:
    result = run_cli([*path, "--help"])
    assert result.exit_code == 0, result.output
    # Click wraps long help lines, also after a hyphen ("meta-\n analysis")
    return " ".join(re.sub(r"-\n\s+", "-", result.stdout).split())


@pytest.mark.parametrize("path", [("search",), ("library", "search")], ids=" ".join)
def test_type_help_lists_every_type(path: tuple[str, ...]) -> None:
    assert f"Publication type (repeatable): {', '.join(tables.TYPE_NAMES)}." in _help(*path)


def test_unknown_type_error_lists_every_type() -> None:
    with pytest.raises(InvalidInputError) as info:
        query.normalise_types(["cohort"])
    assert info.value.message.endswith("choose from: " + ", ".join(tables.TYPE_NAMES))


def test_readme_type_list_is_the_table() -> None:
    documented = README.split("`--type` (repeatable:", 1)[1].split(")", 1)[0]
    assert [n.strip() for n in documented.replace("\n", " ").split(",")] == list(tables.TYPE_NAMES)


# --- export formats --------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_every_format_has_its_writer(fmt: tables.Format) -> None:
    module = importlib.import_module(f"litcli.formats.{fmt.module}")
    assert callable(getattr(module, fmt.writer))
    buf = io.StringIO()
    formats.write([Record(pmid="99000001", title="A title.")], fmt.name, buf)
    assert buf.getvalue().endswith("\n")


def test_format_names_are_the_table() -> None:
    assert list(tables.FORMAT_NAMES) == formats.FORMAT_NAMES
    assert len(set(tables.FORMAT_NAMES)) == len(FORMATS)
    assert set(tables.REFERENCE_STYLES) <= set(tables.FORMAT_NAMES)
    with pytest.raises(InvalidInputError) as info:
        formats.check_format("docx")
    assert info.value.hint == "choose one of: " + ", ".join(tables.FORMAT_NAMES)


def _format_choices(*path: str) -> list[str]:
    ctx = click.Context(cli)
    command: click.Command | None = cli
    for name in path:
        assert isinstance(command, click.Group)
        command = command.get_command(ctx, name)
        assert command is not None
    param = next(p for p in command.params if p.name == "fmt")
    assert isinstance(param.type, click.Choice)
    return list(param.type.choices)


@pytest.mark.parametrize(
    ("path", "extra"),
    [
        (("search",), ["table"]),
        (("library", "search"), ["table"]),
        (("library", "list"), ["table"]),
        (("export",), []),
        (("library", "export"), []),
        (("show",), ["text"]),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else "",
)
def test_every_record_command_offers_every_format(path: tuple[str, ...], extra: list[str]) -> None:
    assert _format_choices(*path) == [*extra, *tables.FORMAT_NAMES]
    assert "[" + "|".join([*extra, *tables.FORMAT_NAMES]) + "]" in _help(*path)


def test_readme_and_format_docs_name_every_format() -> None:
    line = README.split("Formats: ", 1)[1].split("`-o FILE`", 1)[0]
    assert set(re.findall(r"`([a-z-]+)`", line)) == set(tables.FORMAT_NAMES)
    table = (DOCS / "FORMATS.md").read_text(encoding="utf-8").split("| format |", 1)[1].split("\n\n", 1)[0]
    first_cells = re.findall(r"^\| (.+?) \|", table, re.MULTILINE)
    documented = {n for cell in first_cells for n in re.findall(r"`([a-z-]+)`", cell)}
    assert documented == set(tables.FORMAT_NAMES)


# --- the docs list the designs ---------------------------------------------------------


def test_format_docs_list_the_record_designs_and_ranks() -> None:
    text = (DOCS / "FORMATS.md").read_text(encoding="utf-8")
    row = re.search(r"^\| `design` \| string \| derived from publication types: (.+?) \|$", text, re.MULTILINE)
    assert row is not None
    assert [n.strip() for n in row.group(1).split(",")] == [d.name for d in DESIGNS]
    rank = re.search(r"^\| `evidence_rank` \| int \| derived: 1 \((.+?)\) … (\d+) \((.+?)\) \|$", text, re.MULTILINE)
    assert rank is not None
    assert (rank.group(1), int(rank.group(2)), rank.group(3)) == (DESIGNS[0].name, len(DESIGNS), DESIGNS[-1].name)


def test_check_docs_list_the_grader_levels_in_order() -> None:
    text = (DOCS / "CHECK.md").read_text(encoding="utf-8")
    order = text.split("## Evidence grading", 1)[1].split("Strongest first:", 1)[1].split(". The level", 1)[0]
    assert [n.strip() for n in order.replace("\n", " ").split(">")] == [d.level for d in DESIGNS]
