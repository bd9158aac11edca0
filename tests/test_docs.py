"""Docs from code: every command documents itself, and the README keeps up with the code.

The command tree is read from ``litcli.cli.COMMANDS`` (the one registry), so a new
command or subcommand without help, without an example, or missing from the README
fails here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import click
import pytest

from litcli import __version__
from litcli.cli import COMMANDS, cli
from litcli.errors import ExitCode
from litcli.topics import TOPICS
from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_paths() -> list[tuple[str, ...]]:
    """Every command and subcommand, e.g. ("library", "search")."""
    ctx = click.Context(cli)
    out: list[tuple[str, ...]] = []
    for name in COMMANDS:
        command = cli.get_command(ctx, name)
        assert command is not None, f"COMMANDS lists {name!r} but it cannot be imported"
        out.append((name,))
        if isinstance(command, click.Group):
            out.extend((name, sub) for sub in command.list_commands(ctx))
    return out


PATHS = command_paths()


def test_the_tree_has_the_documented_commands() -> None:
    assert {p[0] for p in PATHS} == {
        "search", "show", "related", "ids", "export", "check", "verify", "refs", "library", "topics",
        "config",
    }
    # the groups really have subcommands (so the walk below covers them)
    subcommands = {p for p in PATHS if len(p) == 2}
    assert {p[1] for p in subcommands if p[0] == "library"} >= {"search", "import", "export", "list"}
    assert {p[1] for p in subcommands if p[0] == "config"} >= {"get", "set", "path"}


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(p) for p in PATHS])
def test_every_command_has_help_text_and_an_example(path: tuple[str, ...]) -> None:
    result = run_cli([*path, "--help"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    usage = f"Usage: litcli {' '.join(path)}"
    assert text.startswith(usage), text[:200]
    # a description paragraph under the usage line (not just the option list)
    description = text.split("\n\n", 2)[1].strip()
    assert description and not description.startswith("Options:"), text
    assert len(description.split()) >= 4, f"help text too thin: {description!r}"
    # at least one example that runs this very command
    example = re.compile(rf"^\s+(?:\$ )?litcli {re.escape(' '.join(path))}(?:\s|$)", re.MULTILINE)
    assert example.search(text), f"no example of `litcli {' '.join(path)}` in its --help:\n{text}"


def test_root_help_lists_every_command_with_examples() -> None:
    result = run_cli(["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert re.search(rf"^  {name}\s+\S", result.stdout, re.MULTILINE), name
    assert "Examples:" in result.stdout


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_a_readme_section(name: str) -> None:
    assert f"### `litcli {name}`" in README, f"README has no section for `litcli {name}`"


@pytest.mark.parametrize("path", [p for p in PATHS if len(p) == 2], ids=" ".join)
def test_every_subcommand_appears_in_the_readme(path: tuple[str, ...]) -> None:
    assert re.search(rf"litcli {path[0]} {path[1]}\b", README), f"README never shows `litcli {' '.join(path)}`"


def _readme_exit_codes() -> dict[int, str]:
    section = README.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\|\s*(\d+)\s*\|\s*(.+?)\s*\|\s*$", section, re.MULTILINE)
    return {int(code): meaning for code, meaning in rows}


def test_readme_exit_code_table_matches_the_enum() -> None:
    documented = _readme_exit_codes()
    assert set(documented) == {int(code) for code in ExitCode}, documented
    # spot-check that each row means what the enum member says
    words = {
        ExitCode.OK: "success",
        ExitCode.ERROR: "unexpected",
        ExitCode.USAGE: "usage",
        ExitCode.NOT_FOUND: "not found",
        ExitCode.NETWORK: "network",
        ExitCode.NCBI: "NCBI returned an error",
        ExitCode.INPUT: "input file",
        ExitCode.LIBRARY: "library",
        ExitCode.CHECK_FAILED: "--strict",
        ExitCode.INCOMPLETE: "incomplete",
        ExitCode.INTERRUPTED: "interrupted",
        ExitCode.TERMINATED: "SIGTERM",
    }
    assert set(words) == set(ExitCode), "a new ExitCode member needs a row here and in the README"
    for code, word in words.items():
        assert word.lower() in documented[int(code)].lower(), (code, documented[int(code)])


def test_every_topic_preset_is_in_the_readme() -> None:
    presets = README.split("Presets:", 1)[1].split("\n\n", 1)[0]
    listed = set(re.findall(r"[a-z][a-z0-9-]+", presets.split("Each ")[0].replace("\n", " ")))
    assert set(TOPICS) <= listed, sorted(set(TOPICS) - listed)
    assert listed <= set(TOPICS), f"README lists presets that do not exist: {sorted(listed - set(TOPICS))}"


def test_readme_search_types_are_the_ones_accepted() -> None:
    from litcli import query

    documented = README.split("`--type` (repeatable:", 1)[1].split(")", 1)[0]
    names = {n.strip() for n in documented.replace("\n", " ").split(",")}
    for name in names:
        query.normalise_types((name,))  # raises InvalidInputError for an unknown type


def test_readme_export_formats_are_the_real_ones() -> None:
    from litcli.formats import FORMAT_NAMES

    line = README.split("Formats: ", 1)[1].split("`-o FILE`", 1)[0]
    documented = set(re.findall(r"`([a-z-]+)`", line))
    assert documented == set(FORMAT_NAMES)


def test_version_as_a_real_process() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "litcli", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"litcli, version {__version__}"
    assert proc.stderr == ""


def test_help_does_not_import_heavy_libraries() -> None:
    """`litcli --help` (and each command's --help) must stay fast: the start-up
    benchmark (bench/startup.py) depends on these imports staying lazy."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from litcli.cli import cli\n"
        "for args in (['--help'], *[[name, '--help'] for name in cli.list_commands(None)]):\n"
        "    try:\n"
        "        cli.main(args, standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = ('requests', 'rich', 'lxml', 'Bio', 'sqlite3', 'urllib3')\n"
        "sys.stderr.write('HEAVY:' + ' '.join(sorted(m for m in heavy if m in sys.modules)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert "Usage:" in proc.stdout  # the help really ran
    assert proc.stderr.strip().splitlines()[-1] == "HEAVY:"


def test_docs_stance_keeps_in_step_with_the_shared_definition() -> None:
    """docs/STANCE.md (ours) and ../shared/STANCE.md (the labelled sets' definition) name the
    same labels, the same six rules of judgement and the same metrics."""
    shared = ROOT.parent / "shared" / "STANCE.md"
    if not shared.exists():
        pytest.skip(f"shared stance definition not available: {shared}")
    ours = (ROOT / "docs" / "STANCE.md").read_text(encoding="utf-8").lower()
    theirs = shared.read_text(encoding="utf-8").lower()
    for word in ("supports", "contradicts", "neutral", "inversions", "precision", "recall", "accuracy", "macro-f1"):
        assert word in theirs, f"{word!r} is no longer in ../shared/STANCE.md: update docs/STANCE.md"
        assert word in ours, f"{word!r} is missing from docs/STANCE.md"
    rules = re.findall(r"^\d\. \*\*([^*]+)\*\*", theirs, re.M)
    assert len(rules) == len(re.findall(r"^\d\. \*\*([^*]+)\*\*", ours, re.M)) == 6
    for rule in rules:
        key = rule.split()[0:2]
        assert " ".join(key) in ours, f"rule {rule!r} of ../shared/STANCE.md is missing from docs/STANCE.md"
