"""`litcli config`: where the config lives, read and change settings."""

from __future__ import annotations

import click

KEY_NAMES = "email, api-key, base-url, connect-timeout, read-timeout, timeout, max-tries, backoff, requests-per-second"


@click.group()
def config() -> None:
    """Show or change settings (stored as JSON, mode 0600).

    \b
    Settings: email, api-key, base-url, connect-timeout, read-timeout,
    timeout, max-tries, backoff, requests-per-second.  Environment variables
    (NCBI_EMAIL, NCBI_API_KEY, LITCLI_EUTILS_URL, ...) override the file.

    \b
    Examples:
      litcli config set email you@example.org
      litcli config set api-key            # prompts, input hidden
      litcli config get
      litcli config path
    """


@config.command("path", epilog="""\b
Examples:
  litcli config path
""")
def path_cmd() -> None:
    """Print the config file's path."""
    from litcli import paths

    click.echo(str(paths.config_path()))


@config.command("get", epilog="""\b
Examples:
  litcli config get
  litcli config get api-key     # ****1234
""")
@click.argument("name", required=False, metavar="[NAME]")
def get_cmd(name: str | None) -> None:
    """Print one setting, or all of them with their source (API key masked)."""
    from litcli import config as cfg

    rows = cfg.describe()
    if name is not None:
        key = cfg.get_key(name)
        value = next(v for n, v, _ in rows if n == key.name)
        click.echo(value)
        return
    width = max(len(n) for n, _, _ in rows)
    for n, value, source in rows:
        click.echo(f"{n.ljust(width)}  {value or '-'}  ({source})")


@config.command("set", epilog="""\b
Examples:
  litcli config set email you@example.org
  litcli config set api-key          # hidden prompt
  litcli config set read-timeout 120
""")
@click.argument("name", metavar="NAME")
@click.argument("value", required=False)
def set_cmd(name: str, value: str | None) -> None:
    """Store a setting.  `config set api-key` prompts with hidden input.

    requests-per-second may not exceed NCBI's limit (3, or 10 with an API key)
    while base-url is NCBI's own; higher rates are for mirrors and test servers.
    """
    import os

    from litcli import config as cfg
    from litcli.cli.common import warn

    key = cfg.get_key(name)
    on_command_line = value is not None
    if value is None:
        value = _read_value(key.name, secret=key.secret)
    parsed = cfg.set_value(key.name, value)
    shown = cfg.mask_secret(str(parsed)) if key.secret else parsed
    click.echo(f"{key.name} = {shown}  (saved to {_path()})", err=True)
    if key.secret and on_command_line:
        warn(
            f"the {key.name} given on the command line is now in your shell history; "
            f"next time run `litcli config set {key.name}` and type it at the hidden prompt"
        )
    if os.environ.get(key.env, "").strip():
        warn(
            f"the environment variable {key.env} is set and still wins over the config file; "
            f"unset it to use this {key.name}"
        )


@config.command("unset", epilog="""\b
Examples:
  litcli config unset api-key
""")
@click.argument("name", metavar="NAME")
def unset_cmd(name: str) -> None:
    """Remove a setting from the config file (back to the default)."""
    from litcli import config as cfg

    key = cfg.get_key(name)
    removed = cfg.unset_value(key.name)
    click.echo(f"{key.name} {'removed' if removed else 'was not set'}", err=True)


def _read_value(name: str, *, secret: bool) -> str:
    """The value from a prompt on a terminal (hidden for a secret), else one line of stdin.

    Piped (`echo KEY | litcli config set api-key`) the line is read quietly: no
    prompt, no echo and no getpass warning.  End of input (empty stdin, Ctrl-D at
    the prompt) or an empty line is a usage error; Ctrl-C stays an interruption.
    """
    import sys

    try:
        interactive = sys.stdin.isatty()
    except (AttributeError, ValueError):
        interactive = False
    line = ""
    if interactive and secret:
        import getpass

        try:
            line = getpass.getpass(f"{name}: ", stream=sys.stderr) + "\n"
        except EOFError:
            line = ""
    else:
        if interactive:
            click.echo(f"{name}: ", err=True, nl=False)
        line = sys.stdin.readline() if sys.stdin is not None else ""
    value = line.rstrip("\r\n")
    if not value.strip():
        if interactive and not line:
            click.echo("", err=True)  # end the prompt's line before the error
        what = "no input (end of file)" if not line else "an empty line"
        ways = "pipe it" if secret else "pass it as an argument, pipe it"  # a key never on the command line
        raise click.UsageError(
            f"no value for {name}: got {what}; {ways} "
            f"(`echo VALUE | litcli config set {name}`) or type it at the prompt"
        )
    return value


def _path() -> str:
    from litcli import paths

    return str(paths.config_path())
