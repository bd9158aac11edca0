"""Settings: NCBI identity, timeouts, retries, pacing and the E-utilities URL.

Lookup order for every setting: environment variable, then the config file
(``paths.config_path()``, JSON, mode 0600), then the built-in default.

=====================  ========================  ===========================
config key (CLI)       environment variable      default
=====================  ========================  ===========================
email                  NCBI_EMAIL                (none; litcli warns once)
api-key                NCBI_API_KEY              (none)
base-url               LITCLI_EUTILS_URL         NCBI's E-utilities URL
icite-url              LITCLI_ICITE_URL          NIH iCite's API URL
idconv-url             LITCLI_IDCONV_URL         the PMC ID converter's URL
connect-timeout        LITCLI_CONNECT_TIMEOUT    10 s
read-timeout           LITCLI_READ_TIMEOUT       60 s
max-tries              LITCLI_MAX_TRIES          5
backoff                LITCLI_BACKOFF            0.5 s (first retry delay)
requests-per-second    LITCLI_REQUESTS_PER_SECOND  3 without a key, 10 with
=====================  ========================  ===========================

``requests-per-second`` exists for tests and for mirrors that allow more.
Against NCBI itself (base URL host ``eutils.ncbi.nlm.nih.gov``) it may not
exceed NCBI's own limit: 3 requests/s without an API key, 10 with one
(``config set`` refuses a higher value; a higher value from the environment or
a hand-edited file is a ConfigError when the settings are loaded).
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable
from contextvars import ContextVar, Token
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from litcli import paths
from litcli.errors import ConfigError

DEFAULT_BASE_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
DEFAULT_ICITE_URL = "https://icite.od.nih.gov/api/"
DEFAULT_IDCONV_URL = "https://www.ncbi.nlm.nih.gov/pmc/utils/idconv/v1.0/"
NCBI_HOST = "eutils.ncbi.nlm.nih.gov"


def is_ncbi(base_url: str) -> bool:
    """True when ``base_url`` points at NCBI's own E-utilities (not a mirror or test server)."""
    from urllib.parse import urlsplit

    try:
        host = urlsplit(base_url.strip()).hostname or ""
    except ValueError:
        return False
    return host.lower().rstrip(".") == NCBI_HOST


# The overall time budget of one E-utilities request (every try, wait and byte of the
# reply), in seconds, when the `timeout` setting is not set: a search is small and should
# answer quickly; an efetch of a 1,000-record batch may take minutes on a busy day.
DEFAULT_DEADLINES = {"esearch": 90.0, "efetch": 300.0}
DEFAULT_DEADLINE = 90.0  # epost, elink, einfo

# Values given for this command only (`--timeout`), above the environment and the file.
_OVERRIDES: ContextVar[dict[str, Any] | None] = ContextVar("litcli_settings_overrides", default=None)


def set_override(field: str, value: Any) -> Token[dict[str, Any] | None]:
    """Make ``Settings.load()`` return ``value`` for ``field`` (a command-line option);
    undo with ``reset_overrides(token)``."""
    current = dict(_OVERRIDES.get() or {})
    current[field] = value
    return _OVERRIDES.set(current)


def reset_overrides(token: Token[dict[str, Any] | None]) -> None:
    _OVERRIDES.reset(token)


def ncbi_rate_limit(api_key: str | None) -> float:
    """NCBI's limit: 3 requests/s without an API key, 10 with one."""
    return 10.0 if api_key else 3.0


@dataclass(frozen=True)
class Settings:
    email: str | None = None
    api_key: str | None = None
    base_url: str = DEFAULT_BASE_URL
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    max_tries: int = 5
    backoff: float = 0.5  # first retry delay in seconds; doubles each try, plus jitter
    backoff_max: float = 30.0  # cap for one computed backoff delay
    retry_after_max: float = 120.0  # cap for a server's Retry-After
    requests_per_second: float | None = None  # None: NCBI's limit (3, or 10 with a key)
    timeout: float | None = None  # overall budget per request; None: DEFAULT_DEADLINES
    batch_size: int = 1000  # records per efetch (EDirect uses 1,000)
    post_over: int = 1800  # POST when the encoded parameters exceed this many bytes
    tool: str = "litcli"
    icite_url: str = DEFAULT_ICITE_URL  # NIH iCite (citation metrics): {icite_url}pubs?pmids=
    idconv_url: str = DEFAULT_IDCONV_URL  # PMC ID converter: {idconv_url}?ids=

    @property
    def rate(self) -> float:
        """Requests per second this client may send."""
        if self.requests_per_second:
            return self.requests_per_second
        return 10.0 if self.api_key else 3.0

    def deadline(self, endpoint: str) -> float:
        """Seconds one ``endpoint`` request may take in all (tries, waits, reading)."""
        if self.timeout:
            return self.timeout
        return DEFAULT_DEADLINES.get(endpoint, DEFAULT_DEADLINE)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """Settings from the config file overlaid by the environment."""
        path = path or paths.config_path()
        data = read_config(path)
        values: dict[str, Any] = {}
        for key in KEYS.values():
            env = os.environ.get(key.env, "").strip()
            if env:
                try:
                    values[key.field] = key.parse(env, source=key.env)
                except ConfigError as exc:
                    raise ConfigError(
                        exc.message,
                        hint=f"fix or unset the environment variable {key.env}"
                        + (f" ({exc.hint})" if exc.hint else ""),
                    ) from None
                continue
            raw = data.get(key.field)
            if raw in (None, ""):
                continue
            try:
                values[key.field] = key.parse(str(raw), source=f"config file {path}: {key.name}")
            except ConfigError as exc:
                raise ConfigError(exc.message, hint=_fix_hint(key)) from None
        values.update(_OVERRIDES.get() or {})
        if "base_url" in values and not values["base_url"].endswith("/"):
            values["base_url"] += "/"
        if "icite_url" in values and not values["icite_url"].endswith("/"):
            values["icite_url"] += "/"
        settings = cls(**values)
        rate_key = KEYS["requests-per-second"]
        if settings.requests_per_second is None:
            pass
        elif os.environ.get(rate_key.env, "").strip():
            check_rate(
                settings,
                what=f"{rate_key.env}={settings.requests_per_second:g}",
                hint=f"fix or unset the environment variable {rate_key.env}",
            )
        else:
            check_rate(
                settings,
                what=f"requests-per-second {settings.requests_per_second:g} in config file {path}",
            )
        return settings


def check_rate(settings: Settings, *, what: str, hint: str | None = None) -> None:
    """ConfigError when ``requests_per_second`` exceeds NCBI's limit against NCBI itself
    (``what`` names the value: 'requests-per-second 1000')."""
    rate = settings.requests_per_second
    if rate is None or not is_ncbi(settings.base_url):
        return
    limit = ncbi_rate_limit(settings.api_key)
    if rate <= limit:
        return
    key = "with an API key" if settings.api_key else "without an API key (10 with one)"
    raise ConfigError(
        f"{what} is above NCBI's limit of {limit:g} requests per second {key}; "
        "NCBI may block your address",
        hint=hint
        or "run `litcli config unset requests-per-second` (NCBI's limit is the default); "
        "higher rates are only for mirrors and test servers (base-url)",
    )


# --- keys ------------------------------------------------------------------------


def _email(value: str, source: str) -> str:
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        raise ConfigError(
            f"{source}: not an email address: {value!r}", hint="example: you@example.org"
        )
    return value


def _api_key(value: str, source: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9]{8,64}", value):
        raise ConfigError(
            f"{source}: an NCBI API key is 8-64 letters and digits",
            hint="copy it from your NCBI account settings (API Key Management)",
        )
    return value


def _url(value: str, source: str) -> str:
    if not re.match(r"https?://[^\s/]+", value):
        raise ConfigError(f"{source}: not an http(s) URL: {value!r}")
    return value


def _finite_float(value: str, source: str, expected: str) -> float:
    """The number in ``value``; a ConfigError for junk and for inf/nan/1e400 (JSON and
    timeouts need finite numbers)."""
    try:
        number = float(value)
    except (ValueError, OverflowError):
        raise ConfigError(f"{source}: expected {expected}, got {value!r}") from None
    if not math.isfinite(number):
        raise ConfigError(f"{source}: expected {expected}, got {value!r} (not a finite number)")
    return number


def _positive_float(value: str, source: str, expected: str = "a positive number of seconds") -> float:
    number = _finite_float(value, source, expected)
    if not number > 0:
        raise ConfigError(f"{source}: expected {expected}, got {value!r}")
    return number


def _non_negative_float(value: str, source: str) -> float:
    number = _finite_float(value, source, "a number >= 0")
    if not number >= 0:
        raise ConfigError(f"{source}: expected a number >= 0, got {value!r}")
    return number


def _tries(value: str, source: str) -> int:
    if not re.fullmatch(r"[0-9]{1,2}", value) or not 1 <= int(value) <= 20:
        raise ConfigError(f"{source}: expected a whole number of tries from 1 to 20, got {value!r}")
    return int(value)


@dataclass(frozen=True)
class Key:
    name: str  # as typed on the CLI: api-key
    field: str  # Settings field and JSON key: api_key
    env: str
    parse: Callable[..., Any]
    secret: bool = False
    help: str = ""
    default_text: str | None = None  # how `config get` shows a default that is not one value


KEYS: dict[str, Key] = {
    k.name: k
    for k in [
        Key(
            "email",
            "email",
            "NCBI_EMAIL",
            lambda v, source: _email(v, source),
            help="your email, sent to NCBI as required",
        ),
        Key(
            "api-key",
            "api_key",
            "NCBI_API_KEY",
            lambda v, source: _api_key(v, source),
            secret=True,
            help="NCBI API key (10 requests/s instead of 3)",
        ),
        Key(
            "base-url",
            "base_url",
            "LITCLI_EUTILS_URL",
            lambda v, source: _url(v, source),
            help="E-utilities base URL (mirror or proxy)",
        ),
        Key(
            "icite-url",
            "icite_url",
            "LITCLI_ICITE_URL",
            lambda v, source: _url(v, source),
            help="NIH iCite API base URL (citation metrics)",
        ),
        Key(
            "idconv-url",
            "idconv_url",
            "LITCLI_IDCONV_URL",
            lambda v, source: _url(v, source),
            help="PMC ID converter URL (PMID / PMCID / DOI)",
        ),
        Key(
            "connect-timeout",
            "connect_timeout",
            "LITCLI_CONNECT_TIMEOUT",
            lambda v, source: _positive_float(v, source),
            help="seconds to wait for a connection",
        ),
        Key(
            "read-timeout",
            "read_timeout",
            "LITCLI_READ_TIMEOUT",
            lambda v, source: _positive_float(v, source),
            help="seconds to wait for an answer",
        ),
        Key(
            "timeout",
            "timeout",
            "LITCLI_TIMEOUT",
            lambda v, source: _positive_float(v, source),
            help="overall seconds per request, retries included (default: 90 for a search, 300 for a fetch)",
            default_text="90 (search) / 300 (fetch)",
        ),
        Key(
            "max-tries",
            "max_tries",
            "LITCLI_MAX_TRIES",
            lambda v, source: _tries(v, source),
            help="tries per request (retries on 429/5xx/network errors)",
        ),
        Key(
            "backoff",
            "backoff",
            "LITCLI_BACKOFF",
            lambda v, source: _non_negative_float(v, source),
            help="first retry delay in seconds (doubles each try)",
        ),
        Key(
            "requests-per-second",
            "requests_per_second",
            "LITCLI_REQUESTS_PER_SECOND",
            lambda v, source: _positive_float(v, source, "a positive number of requests per second"),
            help="override NCBI's limit (tests, mirrors)",
        ),
    ]
}


# A valid value to show in "fix it with `litcli config set NAME VALUE`".
_EXAMPLES = {
    "email": "you@example.org",
    "base-url": DEFAULT_BASE_URL,
    "icite-url": DEFAULT_ICITE_URL,
    "idconv-url": DEFAULT_IDCONV_URL,
    "connect-timeout": "10",
    "read-timeout": "60",
    "timeout": "300",
    "max-tries": "5",
    "backoff": "0.5",
    "requests-per-second": "3",
}


def _fix_hint(key: Key) -> str:
    example = _EXAMPLES.get(key.name)
    setter = f"litcli config set {key.name}" + (f" {example}" if example else "")
    return f"fix it with `{setter}` or `litcli config unset {key.name}`"


def get_key(name: str) -> Key:
    key = KEYS.get(name) or KEYS.get(name.replace("_", "-"))
    if key is None:
        raise ConfigError(f"unknown setting {name!r}", hint="known settings: " + ", ".join(KEYS))
    return key


def mask_secret(value: str | None) -> str:
    """'****1234' for a secret; never the whole value."""
    if not value:
        return ""
    return "****" + value[-4:] if len(value) > 8 else "****"


# --- the file --------------------------------------------------------------------


def read_config(path: Path | None = None) -> dict[str, Any]:
    path = path or paths.config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from None
    if not text.strip():
        return {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"config file {path} is not valid JSON (line {exc.lineno})",
            hint="fix or delete it; `litcli config set` rewrites it",
        ) from None
    if not isinstance(data, dict):
        raise ConfigError(f"config file {path} must hold a JSON object")
    return data


def write_config(data: dict[str, Any], path: Path | None = None) -> Path:
    """Write the config atomically with mode 0600 (it may hold an API key)."""
    path = path or paths.config_path()
    for field, value in data.items():  # e.g. Infinity left by an older litcli: JSON has no such number
        if isinstance(value, float) and not math.isfinite(value):
            key = next((k for k in KEYS.values() if k.field == field), None)
            name = key.name if key else field
            raise ConfigError(
                f"config file {path}: {name}: {value} is not a finite number",
                hint=_fix_hint(key) if key else f"remove {field!r} from the file",
            )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=True, allow_nan=False)
            fh.write("\n")
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except OSError as exc:
        raise ConfigError(f"cannot write config file {path}: {exc.strerror}") from None
    return path


def set_value(name: str, value: str, path: Path | None = None) -> Any:
    """Validate and store one setting; returns the parsed value.

    A request rate above NCBI's limit is refused while the base URL (after this
    change, environment included) is NCBI's own.
    """
    key = get_key(name)
    parsed = key.parse(value.strip(), source=key.name)
    data = read_config(path)
    data[key.field] = parsed
    if key.field in ("requests_per_second", "base_url"):
        settings = _effective(data).with_(**{key.field: parsed})
        rate_env = KEYS["requests-per-second"].env
        if key.name == "base-url" and os.environ.get(rate_env, "").strip():
            # the rate in force comes from the environment: say so, and how to fix it
            check_rate(
                settings,
                what=f"{rate_env}={settings.requests_per_second or 0:g}",
                hint=f"unset the environment variable {rate_env} first",
            )
        else:
            what = f"requests-per-second {settings.requests_per_second or 0:g}"
            check_rate(settings, what=what if key.name != "base-url" else f"the stored {what}")
    write_config(data, path)
    return parsed


def _effective(data: dict[str, Any]) -> Settings:
    """Base URL, API key and rate as they would be with ``data`` as the file (env wins;
    the caller puts back the value being set)."""
    values: dict[str, Any] = {}
    for name in ("base-url", "api-key", "requests-per-second"):
        key = KEYS[name]
        env = os.environ.get(key.env, "").strip()
        raw = env or data.get(key.field)
        if raw in (None, ""):
            continue
        try:
            values[key.field] = key.parse(str(raw), source=key.env if env else key.name)
        except ConfigError:
            continue  # reported where it is used
    return Settings(**values)


def unset_value(name: str, path: Path | None = None) -> bool:
    key = get_key(name)
    data = read_config(path)
    if key.field not in data:
        return False
    del data[key.field]
    write_config(data, path)
    return True


def describe(path: Path | None = None) -> list[tuple[str, str, str]]:
    """(name, shown value, source) for every setting; secrets masked."""
    data = read_config(path)
    defaults = Settings()
    rows = []
    for key in KEYS.values():
        env = os.environ.get(key.env, "").strip()
        if env:
            value, source = env, key.env
        elif data.get(key.field) not in (None, ""):
            value, source = str(data[key.field]), "config file"
        else:
            default = getattr(defaults, key.field)
            if default is None and key.default_text:
                default = key.default_text
            value, source = ("" if default is None else str(default)), "default"
        rows.append((key.name, mask_secret(value) if key.secret else value, source))
    return rows
