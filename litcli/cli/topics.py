"""`litcli topics`: list the topic presets and show their PubMed queries."""

from __future__ import annotations

import click


@click.group(invoke_without_command=True)
@click.pass_context
def topics(ctx: click.Context) -> None:
    """List topic presets (use one with `litcli search --topic NAME`).

    \b
    Examples:
      litcli topics
      litcli topics show ketamine-ocd
      litcli search --topic ketamine-ocd --type rct
    """
    if ctx.invoked_subcommand is not None:
        return
    from litcli.cli.common import color_allowed, stdout_is_tty
    from litcli.topics import TOPICS

    width = max(len(name) for name in TOPICS)
    if stdout_is_tty():
        for topic in TOPICS.values():
            name = topic.name.ljust(width)
            click.echo(
                f"{click.style(name, bold=True) if color_allowed() else name}  {topic.title}"
            )
        click.echo("\nShow a query: litcli topics show NAME", err=True)
    else:
        for topic in TOPICS.values():
            click.echo(f"{topic.name}\t{topic.title}")


@topics.command("show", epilog="""\b
Examples:
  litcli topics show ketamine-ocd
  litcli search "$(litcli topics show ketamine-ocd) AND 2020:2025[dp]"
""")
@click.argument("name")
def show(name: str) -> None:
    """Print the exact PubMed query of topic NAME."""
    from litcli.topics import get

    click.echo(get(name).query)
