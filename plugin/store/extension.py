"""The Flask hook: ``init_app`` registers the ``db`` commands; the store opens lazily.

Nothing here runs at import or start-up beyond registering commands, so the CLI and
the app without a database stay as fast as before; the first ``store_of(app)`` (a
console request, ``db upgrade``) connects.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from plugin.config import Config
    from plugin.store.packs import PackStore

_LOCK = threading.Lock()


def init_app(app: Flask, cfg: Config) -> None:
    from plugin.store.cli import db_cli

    app.extensions["store_database_url"] = cfg.database_url
    app.extensions["store_account"] = cfg.zendesk_subdomain or "local"
    app.cli.add_command(db_cli)


def database_url(app: Flask) -> str:
    from plugin.store.db import resolve_url

    return resolve_url(app.extensions.get("store_database_url", ""), app.instance_path)


def store_of(app: Flask) -> PackStore:
    """The app's PackStore (one engine per process), made on first use."""
    found: PackStore | None = app.extensions.get("store")
    if found is None:
        from plugin.store.db import Database
        from plugin.store.packs import PackStore

        with _LOCK:
            found = app.extensions.get("store")
            if found is None:
                found = PackStore(Database.connect(database_url(app)))
                app.extensions["store"] = found
    return found


def account_of(app: Flask) -> str:
    """The Zendesk account this backend serves (its subdomain; ``local`` in development)."""
    return str(app.extensions.get("store_account", "local"))
