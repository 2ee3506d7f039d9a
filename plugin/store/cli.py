"""`flask --app wsgi db ...`: migrate the database, seed, export, import, history."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from plugin.store.extension import account_of, store_of

db_cli = AppGroup("db", help="The rules database: migrations, seed, import/export, history.")
_ACCOUNT = click.option("--account", help="Zendesk subdomain (default: this backend's account).")


@db_cli.command("upgrade")
@click.option("--revision", default="head", show_default=True)
@click.option("--seed", is_flag=True, help="Then seed the account from the shipped pack if new.")
def upgrade(revision: str, seed: bool) -> None:
    """Bring the schema up to date (the run command does this at start-up)."""
    from plugin.store import migrate

    store = store_of(current_app)
    migrate.upgrade(store.db.engine, revision)
    click.echo(f"database at revision {migrate.current(store.db.engine)} ({store.db.backend})")
    if seed:
        info = store.seed(account_of(current_app))
        click.echo(f"account {account_of(current_app)!r} at pack version {info.number}")


@db_cli.command("downgrade")
@click.option("--revision", default="-1", show_default=True)
def downgrade(revision: str) -> None:
    """Step the schema back (default: one migration)."""
    from plugin.store import migrate

    store = store_of(current_app)
    migrate.downgrade(store.db.engine, revision)
    click.echo(f"database at revision {migrate.current(store.db.engine) or 'base (empty)'}")


@db_cli.command("current")
def current() -> None:
    """Show the schema revision, the newest one this code ships, and where the database is."""
    from plugin.store import migrate

    store = store_of(current_app)
    url = store.db.engine.url.render_as_string(hide_password=True)
    click.echo(f"{url}: revision {migrate.current(store.db.engine)}, code head {migrate.head()}")


@db_cli.command("seed")
@_ACCOUNT
def seed(account: str | None) -> None:
    """Give the account its first pack version from the shipped pack (once)."""
    info = store_of(current_app).seed(account or account_of(current_app))
    click.echo(f"pack version {info.number} ({info.action})")


@db_cli.command("export")
@_ACCOUNT
@click.option("--version", "number", type=int, help="Version number (default: the newest).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File (default: stdout).")
def export(account: str | None, number: int | None, output: str | None) -> None:
    """Write the account pack as YAML in the schema `coach check --rules` reads."""
    from plugin.store.errors import StoreError

    try:
        text = store_of(current_app).export_yaml(account or account_of(current_app), number)
    except StoreError as err:
        raise click.ClickException(str(err)) from None
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@db_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@_ACCOUNT
@click.option("--base", type=int, required=True, help="The version this pack replaces.")
@click.option("--author-id", type=int, help="Zendesk user id of who imports.")
@click.option("--author-name", required=True, help="Name of who imports.")
def import_(
    file: str, account: str | None, base: int, author_id: int | None, author_name: str
) -> None:
    """Replace the account pack with a YAML pack; an invalid pack is refused whole."""
    from plugin.store.errors import PackInvalid, StoreError
    from plugin.store.records import Author

    text = Path(file).read_text(encoding="utf-8")
    acct = account or account_of(current_app)
    try:
        info = store_of(current_app).import_yaml(
            acct, text, base=base, author=Author(author_id, author_name)
        )
    except PackInvalid as err:
        for problem in err.problems:
            click.echo(f"{file}: {problem}", err=True)
        raise click.ClickException(
            f"{file}: not imported ({len(err.problems)} problem(s))"
        ) from None
    except StoreError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"pack version {info.number}: {info.summary.get('text', '')}")


@db_cli.command("history")
@_ACCOUNT
@click.option("--limit", type=int, default=20, show_default=True)
def history(account: str | None, limit: int) -> None:
    """The newest versions: number, when, who, what changed."""
    for info in store_of(current_app).history(account or account_of(current_app), limit):
        when = info.created_at.strftime("%Y-%m-%d %H:%M")
        text = info.summary.get("text", "")
        click.echo(f"v{info.number}  {when}  {info.author.name}  {info.action}  {text}")
