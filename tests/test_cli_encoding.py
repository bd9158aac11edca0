"""Data is written as UTF-8 whatever encoding the locale gives stdout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.test_library_fixtures import article_set, article_xml


def _litcli(home: Path, *args: str, encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NCBI_", "LITCLI_"))}
    env.update(LITCLI_HOME=str(home), PYTHONIOENCODING=encoding, LITCLI_EUTILS_URL="http://127.0.0.1:9/")
    return subprocess.run(
        [sys.executable, "-m", "litcli", *args], capture_output=True, env=env, timeout=60
    )


def test_an_ascii_or_cp1252_stdout_still_gets_utf8_data(tmp_path: Path) -> None:
    src = tmp_path / "one.xml"
    src.write_text(
        article_set([article_xml(99000071, title="Ketamin bei Zwangsstörung: ÆØÅ 日本", last_name="Müller")]),
        encoding="utf-8",
    )
    done = _litcli(tmp_path, "library", "import", str(src), encoding="ascii")
    assert done.returncode == 0, done.stderr
    for encoding in ("ascii", "cp1252"):
        for fmt in ("ris", "bibtex", "json", "csv"):
            out = _litcli(tmp_path, "export", "--offline", "99000071", "-f", fmt, encoding=encoding)
            assert out.returncode == 0, (encoding, fmt, out.stderr)
            text = out.stdout.decode("utf-8")  # strict: it must be UTF-8
            assert "Zwangsst" in text and ("Müller" in text or "M\\u00fcller" in text or "M{\\\"u}ller" in text), text
        shown = _litcli(tmp_path, "show", "--offline", "99000071", encoding=encoding)
        assert shown.returncode == 0, shown.stderr
        assert "Zwangsstörung" in shown.stdout.decode("utf-8")
