"""WSGI entry point: ``gunicorn wsgi:app`` or ``flask --app wsgi run``."""

import os
import sys

from plugin import create_app


def _offline_cli_command() -> bool:
    # `flask --app wsgi coach check ...` coaches files offline and needs no secrets;
    # serving (gunicorn, `flask run`) always validates the settings at start-up.
    return os.path.basename(sys.argv[0]) == "flask" and "run" not in sys.argv[1:]


app = create_app(serving=not _offline_cli_command())
