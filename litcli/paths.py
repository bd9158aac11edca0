"""Where litcli keeps its files.

``LITCLI_HOME`` (if set) holds everything: ``config.json``, ``library.db`` and ``cache/``.
Otherwise the platform's user config dir holds the config and the user data
dir holds the library (via platformdirs).
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "litcli"


def home_override() -> Path | None:
    value = os.environ.get("LITCLI_HOME", "").strip()
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    home = home_override()
    if home is not None:
        return home
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP))


def data_dir() -> Path:
    home = home_override()
    if home is not None:
        return home
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP))


def config_path() -> Path:
    return config_dir() / "config.json"


def library_path() -> Path:
    return data_dir() / "library.db"


def cache_dir() -> Path:
    """Files litcli can rebuild at any time (compiled patterns): ``LITCLI_HOME/cache`` or the
    platform's user cache dir."""
    home = home_override()
    if home is not None:
        return home / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP))
