"""``flask --app wsgi coach validate-app`` / ``package-app``: the Zendesk app package offline."""

from __future__ import annotations

from pathlib import Path

import click

from plugin.zendesk.app_package import APP_DIR, AppPackageError, build_zip, validate_app

_APP_DIR_ARG = click.Path(exists=True, file_okay=False, path_type=Path)


@click.command("validate-app")
@click.argument("app_dir", required=False, type=_APP_DIR_ARG)
def validate_app_command(app_dir: Path | None) -> None:
    """Check the Zendesk app in APP_DIR (default: manifest/) against the manifest rules."""
    target = app_dir or APP_DIR
    problems = validate_app(target)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    if problems:
        raise SystemExit(1)
    click.echo(f"{target}: valid")


@click.command("package-app")
@click.option("--base-url", required=True, help="Public https URL of the Reply Coach backend.")
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Zip to write (default: APP_DIR/tmp/reply-coach.zip).",
)
@click.argument("app_dir", required=False, type=_APP_DIR_ARG)
def package_app_command(base_url: str, out: Path | None, app_dir: Path | None) -> None:
    """Validate and zip the Zendesk app, pointing the sidebar at BASE_URL."""
    target = app_dir or APP_DIR
    try:
        written = build_zip(target, out or target / "tmp" / "reply-coach.zip", base_url)
    except AppPackageError as exc:
        for problem in exc.problems:
            click.echo(f"error: {problem}", err=True)
        raise SystemExit(1) from None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--base-url") from None
    click.echo(f"wrote {written}")


COMMANDS: list[click.Command] = [validate_app_command, package_app_command]
