"""`library export|search|list -o FILE`: the same overwrite rule as `litcli export -o`."""

from __future__ import annotations

from pathlib import Path

import pytest

from litcli.library import Library
from tests.test_cli_library import run
from tests.test_library_fixtures import FIRST_PMID, article_set, article_xml, parsed


@pytest.fixture
def two_records() -> None:
    with Library() as lib:
        lib.upsert(
            parsed(article_set([article_xml(FIRST_PMID + 1), article_xml(FIRST_PMID + 2)])),
            source="test",
        )


@pytest.mark.parametrize(
    "command",
    [["library", "export"], ["library", "search", "ketamine OR statins OR exercise OR sleep"],
     ["library", "list"]],
    ids=["export", "search", "list"],
)
def test_an_existing_output_file_needs_force(two_records, tmp_path: Path, command) -> None:
    out = tmp_path / "out.txt"
    out.write_text("keep me\n")
    result = run(*command, "-f", "ids", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {out} already exists (use --force to overwrite it)")
    assert out.read_text() == "keep me\n"
    result = run(*command, "-f", "ids", "-o", str(out), "--force")
    assert result.exit_code == 0, result.stderr
    assert f" 2 records to {out} (ids)." in result.stderr  # said, not silent
    assert set(out.read_text().split()) <= {str(FIRST_PMID + 1), str(FIRST_PMID + 2)}
    assert out.read_text().split()
