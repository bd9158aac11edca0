"""`litcli config path|get|set|unset`."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from litcli import paths
from litcli.errors import ExitCode
from tests.conftest import run_cli

KEY = "0123456789abcdef0123456789abcdef5678"


def test_path_prints_the_config_file(isolated_env):
    result = run_cli(["config", "path"])
    assert result.exit_code == 0
    assert result.stdout == f"{isolated_env / 'config.json'}\n"


def test_set_and_get_email():
    result = run_cli(["config", "set", "email", "me@example.org"])
    assert result.exit_code == 0, result.output
    assert "email = me@example.org" in result.stderr
    assert run_cli(["config", "get", "email"]).stdout == "me@example.org\n"
    assert json.loads(paths.config_path().read_text()) == {"email": "me@example.org"}


def test_api_key_prompt_is_hidden_and_the_key_is_masked():
    result = run_cli(["config", "set", "api-key"], input=KEY + "\n")
    assert result.exit_code == 0, result.output
    assert KEY not in result.output  # hidden input is not echoed
    assert "api-key = ****5678" in result.stderr
    assert stat.S_IMODE(paths.config_path().stat().st_mode) == 0o600
    get_one = run_cli(["config", "get", "api-key"])
    get_all = run_cli(["config", "get"])
    assert get_one.stdout == "****5678\n"
    assert "api-key              ****5678  (config file)" in get_all.stdout
    assert KEY not in get_one.output + get_all.output


def test_get_lists_every_setting_with_its_source(monkeypatch):
    monkeypatch.setenv("LITCLI_READ_TIMEOUT", "15")
    out = run_cli(["config", "get"]).stdout
    assert lines_named(out) == [
        "email",
        "api-key",
        "base-url",
        "icite-url",
        "idconv-url",
        "connect-timeout",
        "read-timeout",
        "timeout",
        "max-tries",
        "backoff",
        "requests-per-second",
    ]
    assert "read-timeout         15  (LITCLI_READ_TIMEOUT)" in out
    assert "base-url             https://eutils.ncbi.nlm.nih.gov/entrez/eutils/  (default)" in out


def lines_named(out: str) -> list[str]:
    return [line.split()[0] for line in out.splitlines()]


def test_timeouts_and_base_url_are_settable():
    assert run_cli(["config", "set", "read-timeout", "90"]).exit_code == 0
    assert run_cli(["config", "set", "connect-timeout", "4.5"]).exit_code == 0
    assert run_cli(["config", "set", "base-url", "http://127.0.0.1:9/eutils/"]).exit_code == 0
    data = json.loads(paths.config_path().read_text())
    assert data == {
        "read_timeout": 90.0,
        "connect_timeout": 4.5,
        "base_url": "http://127.0.0.1:9/eutils/",
    }


def test_unset():
    run_cli(["config", "set", "email", "me@example.org"])
    assert "email removed" in run_cli(["config", "unset", "email"]).stderr
    assert run_cli(["config", "get", "email"]).stdout == "\n"


def test_bad_values_and_names_exit_2():
    for args, words in [
        (["config", "set", "email", "nope"], "not an email address"),
        (["config", "set", "read-timeout", "0"], "positive number"),
        (["config", "set", "colour", "red"], "unknown setting 'colour'"),
        (["config", "get", "colour"], "unknown setting 'colour'"),
    ]:
        result = run_cli(args)
        assert result.exit_code == ExitCode.USAGE, args
        assert words in result.stderr
    assert not paths.config_path().exists()


def test_non_finite_timeouts_exit_2_and_never_reach_the_network(ncbi, monkeypatch):
    for args in (["config", "set", "read-timeout", "inf"], ["config", "set", "backoff", "nan"]):
        result = run_cli(args)
        assert result.exit_code == ExitCode.USAGE, result.output
        assert "not a finite number" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not paths.config_path().exists()
    monkeypatch.setenv("LITCLI_CONNECT_TIMEOUT", "1e400")
    result = run_cli(["show", "23392687"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (
        "Error: LITCLI_CONNECT_TIMEOUT: expected a positive number of seconds, got '1e400' (not a finite number). "
        "Fix or unset the environment variable LITCLI_CONNECT_TIMEOUT\n"
    )
    assert ncbi.count() == 0


def test_bad_config_file_value_is_one_line_naming_the_file(ncbi, monkeypatch):
    monkeypatch.delenv("LITCLI_READ_TIMEOUT")  # the environment would win over the file
    path = paths.config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"read_timeout": Infinity}')
    result = run_cli(["search", "ketamine"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith(f"Error: config file {path}: read-timeout: ")
    assert result.stderr.endswith(
        ". Fix it with `litcli config set read-timeout 60` or `litcli config unset read-timeout`\n"
    )
    assert "OverflowError" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert ncbi.count() == 0


ROOT = Path(__file__).resolve().parents[1]


def _config_set_subprocess(args: list[str], stdin: bytes | None, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LITCLI_DEBUG", "NO_COLOR")}
    env["LITCLI_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "litcli", "config", "set", *args],
        input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True, env=env, cwd=ROOT, timeout=60, check=False,
    )


def test_piped_api_key_is_read_quietly(isolated_env):
    """`echo KEY | litcli config set api-key`: no getpass warning, no prompt, no echo."""
    proc = _config_set_subprocess(["api-key"], KEY.encode() + b"\n", isolated_env)
    err = proc.stderr.decode()
    assert proc.returncode == 0, err
    assert err == f"api-key = ****5678  (saved to {isolated_env / 'config.json'})\n"
    assert "Warning" not in err and "GetPass" not in err and KEY not in err + proc.stdout.decode()
    assert json.loads((isolated_env / "config.json").read_text()) == {"api_key": KEY}


@pytest.mark.parametrize(("stdin", "what"), [(None, "no input (end of file)"), (b"\n", "an empty line")])
@pytest.mark.parametrize("name", ["api-key", "email"])
def test_no_value_on_stdin_is_a_usage_error(isolated_env, stdin, what, name):
    proc = _config_set_subprocess([name], stdin, isolated_env)
    err = proc.stderr.decode()
    assert proc.returncode == ExitCode.USAGE, err
    assert err.startswith(f"Error: no value for {name}: got {what}; ")
    assert len(err.splitlines()) == 1 and "Aborted" not in err
    assert not (isolated_env / "config.json").exists()


# --- NCBI's rate limit, warnings ---------------------------------------------------------------


@pytest.mark.parametrize("rate", ["1000", "11", "4"])
def test_a_rate_above_ncbis_limit_is_refused_for_ncbi_itself(rate):
    result = run_cli(["config", "set", "requests-per-second", rate])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (
        f"Error: requests-per-second {rate} is above NCBI's limit of 3 requests per second "
        "without an API key (10 with one); NCBI may block your address. Run `litcli config unset "
        "requests-per-second` (NCBI's limit is the default); higher rates are only for mirrors "
        "and test servers (base-url)\n"
    )
    assert not paths.config_path().exists()  # nothing stored


def test_ncbi_allows_10_per_second_with_a_key_and_mirrors_anything(monkeypatch):
    assert run_cli(["config", "set", "requests-per-second", "3"]).exit_code == 0
    monkeypatch.setenv("NCBI_API_KEY", KEY)
    assert run_cli(["config", "set", "requests-per-second", "10"]).exit_code == 0
    assert run_cli(["config", "set", "requests-per-second", "10.5"]).exit_code == ExitCode.USAGE
    monkeypatch.delenv("NCBI_API_KEY")
    assert run_cli(["config", "set", "base-url", "http://127.0.0.1:8080/eutils/"]).exit_code == 0
    assert run_cli(["config", "set", "requests-per-second", "1000"]).exit_code == 0
    # back to NCBI with that rate: refused, and the mirror is kept
    result = run_cli(["config", "set", "base-url", "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"])
    assert result.exit_code == ExitCode.USAGE
    assert "the stored requests-per-second 1000 is above NCBI's limit" in result.stderr
    assert json.loads(paths.config_path().read_text())["base_url"] == "http://127.0.0.1:8080/eutils/"


def test_switching_back_to_ncbi_names_an_environment_rate_as_the_culprit(monkeypatch):
    assert run_cli(["config", "set", "base-url", "http://127.0.0.1:8080/eutils/"]).exit_code == 0
    monkeypatch.setenv("LITCLI_REQUESTS_PER_SECOND", "50")
    result = run_cli(["config", "set", "base-url", "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("Error: LITCLI_REQUESTS_PER_SECOND=50 is above NCBI's limit")
    assert result.stderr.rstrip().endswith(
        "Unset the environment variable LITCLI_REQUESTS_PER_SECOND first"
    )
    assert "config unset" not in result.stderr


def test_a_rate_above_ncbis_limit_from_the_environment_stops_before_any_request(monkeypatch):
    monkeypatch.setenv("LITCLI_REQUESTS_PER_SECOND", "50")  # no base URL: NCBI's own
    result = run_cli(["search", "ketamine", "--count"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (
        "Error: LITCLI_REQUESTS_PER_SECOND=50 is above NCBI's limit of 3 requests per second "
        "without an API key (10 with one); NCBI may block your address. Fix or unset the "
        "environment variable LITCLI_REQUESTS_PER_SECOND\n"
    )


def test_an_api_key_on_the_command_line_warns_about_shell_history():
    result = run_cli(["config", "set", "api-key", KEY])
    assert result.exit_code == 0
    assert KEY not in result.output
    assert (
        "Warning: the api-key given on the command line is now in your shell history; next time "
        "run `litcli config set api-key` and type it at the hidden prompt" in result.stderr
    )
    prompted = run_cli(["config", "set", "api-key"], input=KEY + "\n")
    assert "Warning" not in prompted.stderr


def test_setting_a_value_the_environment_overrides_says_so(monkeypatch):
    monkeypatch.setenv("NCBI_EMAIL", "env@example.org")
    result = run_cli(["config", "set", "email", "file@example.org"])
    assert result.exit_code == 0
    assert (
        "Warning: the environment variable NCBI_EMAIL is set and still wins over the config file; "
        "unset it to use this email" in result.stderr
    )
    assert run_cli(["config", "get", "email"]).stdout == "env@example.org\n"
    monkeypatch.delenv("NCBI_EMAIL")
    assert "Warning" not in run_cli(["config", "set", "email", "file@example.org"]).stderr
