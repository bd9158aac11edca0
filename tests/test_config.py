"""Settings and the config file (litcli.config)."""

from __future__ import annotations

import json
import stat

import pytest

from litcli import config as cfg
from litcli import paths
from litcli.config import DEFAULT_BASE_URL, Settings
from litcli.errors import ConfigError, ExitCode

KEY = "0123456789abcdef0123456789abcdef1234"


def test_defaults():
    s = Settings.load()
    assert s.base_url == DEFAULT_BASE_URL
    assert (s.connect_timeout, s.read_timeout) == (10.0, 60.0)
    assert s.email is None and s.api_key is None
    assert s.rate == 3.0 and s.with_(api_key=KEY).rate == 10.0
    assert s.batch_size == 1000 and s.tool == "litcli"


def test_file_values_and_env_overrides(monkeypatch):
    cfg.set_value("email", "file@example.org")
    cfg.set_value("read-timeout", "30")
    cfg.set_value("base-url", "http://mirror.example.org/eutils")
    s = Settings.load()
    assert s.email == "file@example.org" and s.read_timeout == 30.0
    assert s.base_url == "http://mirror.example.org/eutils/"
    monkeypatch.setenv("NCBI_EMAIL", "env@example.org")
    monkeypatch.setenv("LITCLI_READ_TIMEOUT", "5")
    s = Settings.load()
    assert s.email == "env@example.org" and s.read_timeout == 5.0


def test_config_file_is_private_json():
    cfg.set_value("api-key", KEY)
    path = paths.config_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text()) == {"api_key": KEY}
    assert Settings.load().api_key == KEY
    assert cfg.unset_value("api-key") is True and cfg.unset_value("api-key") is False
    assert Settings.load().api_key is None


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("email", "not-an-email", "not an email address"),
        ("api-key", "short", "8-64 letters and digits"),
        ("read-timeout", "0", "positive number"),
        ("connect-timeout", "soon", "positive number"),
        ("base-url", "ftp://x", "not an http(s) URL"),
        ("max-tries", "0", "from 1 to 20"),
    ],
)
def test_invalid_values_are_refused(name, value, words):
    with pytest.raises(ConfigError) as info:
        cfg.set_value(name, value)
    assert words in info.value.message and info.value.exit_code == ExitCode.USAGE
    assert not paths.config_path().exists()


def test_invalid_env_value_names_the_variable(monkeypatch):
    monkeypatch.setenv("LITCLI_READ_TIMEOUT", "-1")
    with pytest.raises(ConfigError, match="LITCLI_READ_TIMEOUT"):
        Settings.load()


def test_unknown_key_and_broken_file():
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        cfg.set_value("colour", "red")
    paths.config_path().parent.mkdir(parents=True, exist_ok=True)
    paths.config_path().write_text("{not json")
    with pytest.raises(ConfigError, match="not valid JSON"):
        Settings.load()


def test_mask_secret_and_describe_never_show_the_key(monkeypatch):
    assert cfg.mask_secret(KEY) == "****1234"
    assert cfg.mask_secret("") == ""
    monkeypatch.setenv("NCBI_API_KEY", KEY)
    rows = {name: (value, source) for name, value, source in cfg.describe()}
    assert rows["api-key"] == ("****1234", "NCBI_API_KEY")
    assert rows["read-timeout"] == ("60.0", "default")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("read-timeout", "inf"),
        ("read-timeout", "Infinity"),
        ("connect-timeout", "1e400"),
        ("connect-timeout", "nan"),
        ("backoff", "nan"),
        ("backoff", "-inf"),
        ("requests-per-second", "inf"),
    ],
)
def test_non_finite_numbers_are_refused(name, value):
    with pytest.raises(ConfigError) as info:
        cfg.set_value(name, value)
    assert info.value.exit_code == ExitCode.USAGE
    assert f"got {value!r} (not a finite number)" in info.value.message
    assert not paths.config_path().exists()  # nothing (and no `Infinity`) written


@pytest.mark.parametrize(
    ("env", "value"),
    [("LITCLI_CONNECT_TIMEOUT", "1e400"), ("LITCLI_READ_TIMEOUT", "inf"), ("LITCLI_BACKOFF", "nan"),
     ("LITCLI_REQUESTS_PER_SECOND", "infinity")],
)
def test_non_finite_env_values_are_refused(monkeypatch, env, value):
    monkeypatch.setenv(env, value)
    with pytest.raises(ConfigError) as info:
        Settings.load()
    assert info.value.message.startswith(f"{env}: expected ")
    assert "not a finite number" in info.value.message
    assert info.value.hint == f"fix or unset the environment variable {env}"


def test_bad_value_in_the_file_names_the_file_and_the_fix():
    path = paths.config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"read_timeout": Infinity, "email": "me@example.org"}')  # what older versions wrote
    with pytest.raises(ConfigError) as info:
        Settings.load()
    assert info.value.message == (
        f"config file {path}: read-timeout: expected a positive number of seconds, got 'inf' (not a finite number)"
    )
    assert info.value.hint == "fix it with `litcli config set read-timeout 60` or `litcli config unset read-timeout`"
    # another setting cannot be saved on top of the bad one (JSON has no Infinity) ...
    with pytest.raises(ConfigError, match="read-timeout: inf is not a finite number"):
        cfg.set_value("backoff", "1")
    # ... and the suggested fix works
    cfg.set_value("read-timeout", "60")
    assert json.loads(path.read_text()) == {"email": "me@example.org", "read_timeout": 60.0}
    assert Settings.load().read_timeout == 60.0
    path.write_text('{"backoff": "soon"}')
    with pytest.raises(ConfigError) as info:
        Settings.load()
    assert info.value.message.startswith(f"config file {path}: backoff: expected a number >= 0")
    assert "litcli config unset backoff" in str(info.value.hint)


def test_ncbi_rate_limit_applies_only_to_ncbis_host(monkeypatch):
    assert cfg.is_ncbi(DEFAULT_BASE_URL) and cfg.is_ncbi("HTTPS://EUTILS.NCBI.NLM.NIH.GOV./x/")
    assert not cfg.is_ncbi("http://127.0.0.1:8000/") and not cfg.is_ncbi("https://eutils.ncbi.nlm.nih.gov.evil.org/")
    with pytest.raises(ConfigError, match="above NCBI's limit of 3"):
        cfg.set_value("requests-per-second", "4")
    cfg.set_value("requests-per-second", "2")
    assert Settings.load().rate == 2.0
    cfg.write_config({"requests_per_second": 20, "api_key": KEY})  # edited by hand
    with pytest.raises(ConfigError) as info:
        Settings.load()
    assert info.value.message.startswith("requests-per-second 20 in config file ")
    assert "limit of 10 requests per second with an API key" in info.value.message
    monkeypatch.setenv("LITCLI_EUTILS_URL", "http://127.0.0.1:9/")
    assert Settings.load().rate == 20.0  # a test server or mirror: no limit
