"""``flask --app wsgi coach lint-macros``: lint every macro of the configured account."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
from flask import current_app
from flask.cli import with_appcontext
from tqdm import tqdm

from plugin.config import Config
from plugin.jobs import lint_coach
from plugin.macros import report as reports
from plugin.macros.run import run_lint


def _write(path: str, text: str) -> None:
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as err:
        raise click.ClickException(f"cannot write {path}: {err.strerror}") from None


def _line(r: dict[str, Any]) -> str:
    score = "  -" if r["score"] is None else f"{r['score']:3d}"
    what = (
        r["error"] or ", ".join(r["tags"]) or ("no reply text" if r["status"] == "no_reply" else "")
    )
    return f"{score}  {r['title'][:60]:<60}  {what}"


@click.command("lint-macros")
@with_appcontext
@click.option("--json", "json_file", metavar="FILE", help="Write the report as JSON.")
@click.option("--csv", "csv_file", metavar="FILE", help="Write the report as CSV.")
@click.option("--only-active", is_flag=True, help="Skip inactive macros.")
@click.option("--top", type=int, default=20, show_default=True, help="Rows printed (0 = all).")
def lint_macros(json_file: str | None, csv_file: str | None, only_active: bool, top: int) -> None:
    """Lint every macro of the account (ZENDESK_* settings), worst first."""
    from plugin.zendesk.client import ZendeskNotConfigured
    from plugin.zendesk.macros import iter_macros, make_job_client

    cfg: Config = current_app.extensions["coach_config"]
    coach, version = lint_coach(current_app._get_current_object())  # type: ignore[attr-defined]
    try:
        client = make_job_client(cfg)
    except ZendeskNotConfigured:
        raise click.ClickException(
            "set ZENDESK_SUBDOMAIN and ZENDESK_EMAIL + ZENDESK_API_TOKEN (or ZENDESK_OAUTH_TOKEN)"
        ) from None
    bar = tqdm(desc="listing macros", unit=" macros", file=sys.stderr, leave=True)

    def progress(phase: str, done: int, total: int | None) -> None:
        if phase == "linting" and bar.desc != "linting macros":
            bar.set_description("linting macros")
            bar.reset(total=total)
        bar.n = done
        bar.refresh()

    outcome = run_lint(iter_macros(client), coach, only_active=only_active, progress=progress)
    bar.close()
    ordered = reports.worst_first(outcome.reports)
    meta = {"pack_version": version, "status": outcome.status, "error": outcome.error}
    if json_file:
        _write(json_file, reports.to_json(ordered, meta))
    if csv_file:
        _write(csv_file, reports.to_csv(ordered))
    for r in ordered[: top or None]:
        click.echo(_line(r))
    click.echo(
        f"{outcome.linted} macros linted, {outcome.errors} errors; {version}",
        err=True,
    )
    if outcome.error:
        click.echo(f"warning: {outcome.error}", err=True)
        sys.exit(1)


COMMANDS = (lint_macros,)
