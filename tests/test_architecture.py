"""docs/ARCHITECTURE.md's one rule: the core (everything outside litcli/cli/) never imports Click."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = sorted(p for p in (ROOT / "litcli").rglob("*.py") if "cli" not in p.relative_to(ROOT / "litcli").parts[:1])


def _click_imports(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        if any(name.split(".")[0] == "click" for name in names):
            lines.append(node.lineno)
    return lines


def test_the_core_never_imports_click_in_its_source() -> None:
    assert CORE and all("litcli/cli/" not in p.as_posix() for p in CORE)
    offenders = {
        p.relative_to(ROOT).as_posix(): lines for p in CORE if (lines := _click_imports(p))
    }
    assert offenders == {}, f"the core imports Click (docs/ARCHITECTURE.md): {offenders}"


def test_importing_the_core_loads_no_click() -> None:
    modules = [
        "litcli.config", "litcli.eutils", "litcli.search", "litcli.service", "litcli.library",
        "litcli.pubmed", "litcli.medline", "litcli.query", "litcli.ftsquery", "litcli.render",
        "litcli.formats", "litcli.formats.output", "litcli.ids", "litcli.topics", "litcli.tables",
    ]
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print('click' in sys.modules)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         timeout=60, check=True)
    assert out.stdout.strip() == "False"


def test_dead_code_stays_removed() -> None:
    """Issue 13, point 9: names nothing used."""
    import dataclasses

    from litcli import eutils, models, pubmed, query, service
    from litcli.claims import extract, vocabulary

    assert not hasattr(eutils, "batches_needed")
    assert not hasattr(pubmed, "_int")
    assert not hasattr(models, "FLAG_UPDATED")
    assert not hasattr(vocabulary, "CLAIM_CUES")
    assert "body_chars" not in {f.name for f in dataclasses.fields(extract.Article)}
    # the old copies of the design, --type and format tables (now litcli/tables.py)
    assert not hasattr(query, "PUBLICATION_TYPES")
    assert not hasattr(service, "TYPE_DESIGNS")
    assert not hasattr(models, "_DESIGN_PUBTYPES")


def test_search_show_and_export_take_records_from_the_one_record_source() -> None:
    """Issue 13, point 8: the CLI never builds its own fetch path."""
    for name in ("search.py", "show.py", "export.py", "related.py"):
        text = (ROOT / "litcli" / "cli" / name).read_text(encoding="utf-8")
        assert "RecordSource" in text, name
        for other in ("EutilsClient", "get_records", "LibrarySearchCache", "run_search("):
            assert other not in text, (name, other)


def test_the_pubmed_package_keeps_every_public_name() -> None:
    """Issue 13, point 9: pubmed.py split by job; what callers import still comes from litcli.pubmed."""
    import litcli.pubmed as pubmed

    public = {
        "Deleted", "Failed", "Parsed", "Source", "iter_parse", "parse_records", "sniff_format",
        "peek_format", "open_binary", "MONTHS", "parse_month", "normalize_orcid",
    }
    assert public <= set(pubmed.__all__)
    for name in pubmed.__all__:
        assert getattr(pubmed, name) is not None, name
    modules = sorted(p.stem for p in (ROOT / "litcli" / "pubmed").glob("*.py"))
    assert modules == ["__init__", "mathml", "record", "recovery", "source", "stream", "text"]
    assert not (ROOT / "litcli" / "pubmed.py").exists()
