"""WSGI entry point: ``gunicorn wsgi:app`` or ``flask --app wsgi run``."""

import os

import click

from plugin import create_app

# Flask CLI commands that serve requests; every other command (`coach check`,
# `coach package-app`, `routes`) works on files offline and needs no secrets.
SERVING_COMMANDS = frozenset({"run"})


def _serving() -> bool:
    """Whether this process serves requests, decided by the command that loads the app.

    A WSGI server (gunicorn, any other) imports this module outside the Flask CLI and
    serves. Under the Flask CLI — ``flask`` or ``python -m flask`` alike, whatever
    ``sys.argv[0]`` is — the command being run loads the app inside its click context,
    so the decision is that command's, not a guess from the process name.
    """
    if os.environ.get("FLASK_RUN_FROM_CLI") != "true":  # set by the Flask CLI only
        return True
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return True  # loaded outside any command: check the settings
    return ctx.command.name in SERVING_COMMANDS


app = create_app(serving=_serving())
