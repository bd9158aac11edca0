"""Writing an export to a file: checked up front, written atomically.

``check_output_path`` runs before any record is fetched, so a typo in ``-o``
fails fast; ``write_path`` writes to a temporary file in the same directory and
renames it over the target, so readers never see half a file and an
interrupted export leaves the old file intact.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from litcli.errors import InvalidInputError, LitcliError
from litcli.models import Record


def check_output_path(path: str | Path, *, force: bool = False) -> Path:
    """Return the target path, or raise a one-line error naming the problem and the fix."""
    target = Path(path).expanduser()
    parent = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise InvalidInputError(f"cannot write {target}: it is a directory (give a file name)")
    if not parent.is_dir():
        raise InvalidInputError(
            f"cannot write {target}: directory {parent} does not exist (create it first)"
        )
    if target.exists() and not force:
        raise InvalidInputError(f"{target} already exists (use --force to overwrite it)")
    if not os.access(parent, os.W_OK):
        raise InvalidInputError(f"cannot write {target}: directory {parent} is not writable")
    return target


def _new_file_mode(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)  # keep the mode of a file we replace
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_path(
    records: Iterable[Record],
    fmt: str,
    path: str | Path,
    *,
    abstracts: bool = False,
    force: bool = False,
) -> Path:
    """Write ``records`` in ``fmt`` to ``path`` atomically (temp file + os.replace)."""
    from litcli.formats import check_format, write

    check_format(fmt)
    target = check_output_path(path, force=force)
    parent = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            write(records, fmt, stream, abstracts=abstracts)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp_name, _new_file_mode(target))
        if not force and target.exists():  # appeared while we were writing
            raise InvalidInputError(f"{target} already exists (use --force to overwrite it)")
        os.replace(tmp_name, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise LitcliError(f"cannot write {target}: {exc.strerror or exc}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return target
