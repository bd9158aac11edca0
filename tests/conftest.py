"""Shared fixtures.

Every test runs with LITCLI_HOME in a temp dir and without the user's NCBI_*
variables, so no test reads or writes the user's config or library.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED_DATA = Path(os.environ.get("LITCLI_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))


def shared_file(relpath: str) -> Path:
    """Path of a real NCBI file in ../shared/data; skip the test when absent."""
    path = SHARED_DATA / relpath
    if not path.exists():
        pytest.skip(f"real NCBI data not available: {path} (see ../shared/data/PROVENANCE.md)")
    return path


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("litcli-home")
    monkeypatch.setenv("LITCLI_HOME", str(home))
    for var in ("NCBI_EMAIL", "NCBI_API_KEY", "LITCLI_EUTILS_URL", "LITCLI_DEBUG", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)
    return home
