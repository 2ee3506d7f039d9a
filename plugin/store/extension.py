"""The Flask hook: ``init_app`` registers the ``db`` commands; the store opens lazily.

Nothing here runs at import or start-up beyond registering commands, so the CLI and
the app without a database stay as fast as before; the first ``store_of(app)`` (a
console request, ``db upgrade``) connects. ``coach_for(app, ScopeQuery(...))`` is what a
check calls: the stored, scoped pack's coach, or None to keep the file pack.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from plugin.config import Config
    from plugin.store.compiled import Compiled, CompiledPacks
    from plugin.store.packs import PackStore
    from plugin.store.scopes import ScopeQuery

log = logging.getLogger(__name__)
_LOCK = threading.RLock()  # compiled_packs -> store_of take it in turn


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


def compiled_packs(app: Flask) -> CompiledPacks:
    """This process's compiled packs for the app's account (version checked every
    ``app.config["STORE_VERSION_TTL"]`` seconds, default 1)."""
    found: CompiledPacks | None = app.extensions.get("store_compiled")
    if found is None:
        from plugin.store.compiled import CompiledPacks

        with _LOCK:
            found = app.extensions.get("store_compiled")
            if found is None:
                base = app.extensions["coach"].settings if "coach" in app.extensions else None
                ttl = float(app.config.get("STORE_VERSION_TTL", 1.0))
                found = CompiledPacks(store_of(app), account_of(app), base=base, ttl=ttl)
                app.extensions["store_compiled"] = found
    return found


def coach_for(app: Flask, where: ScopeQuery | None = None) -> Compiled | None:
    """The stored pack's compiled coach for a check's scope, or None when there is none
    to use (no database, not migrated, nothing seeded): the caller keeps the file pack."""
    from sqlalchemy.exc import SQLAlchemyError

    from plugin.store.errors import NotFound

    try:
        return compiled_packs(app).get(where)
    except NotFound:
        return None
    except SQLAlchemyError as err:  # e.g. tables missing: say so once, never fail a check
        if not app.extensions.get("store_warned"):
            app.extensions["store_warned"] = True
            name = type(err).__name__
            log.warning("stored rule packs unavailable (%s); using the file pack", name)
        return None
