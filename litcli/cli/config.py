"""`litcli config`: where the config lives, read and change settings."""

from __future__ import annotations

import click

KEY_NAMES = "email, api-key, base-url, connect-timeout, read-timeout, max-tries, backoff, requests-per-second"


@click.group()
def config() -> None:
    """Show or change settings (stored as JSON, mode 0600).

    \b
    Settings: email, api-key, base-url, connect-timeout, read-timeout,
    max-tries, backoff, requests-per-second.  Environment variables
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
    """Store a setting.  `config set api-key` prompts with hidden input."""
    from litcli import config as cfg

    key = cfg.get_key(name)
    if value is None:
        if key.secret:
            value = click.prompt(f"{key.name}", hide_input=True, err=True)
        else:
            value = click.prompt(f"{key.name}", err=True)
    parsed = cfg.set_value(key.name, value)
    shown = cfg.mask_secret(str(parsed)) if key.secret else parsed
    click.echo(f"{key.name} = {shown}  (saved to {_path()})", err=True)


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


def _path() -> str:
    from litcli import paths

    return str(paths.config_path())
