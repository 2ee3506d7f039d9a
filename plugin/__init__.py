"""Reply Coach: ``create_app`` wires config, the coach, adapters and blueprints."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the pure core imports this package too: keep Flask out of its way
    from flask import Flask


def create_app(test_config: Mapping[str, Any] | None = None, *, serving: bool = True) -> Flask:
    """Build the app. ``test_config`` overrides Config fields (tests, CLI).

    Raises ConfigError when a required setting is missing outside dev mode
    (only when ``serving``: offline CLI commands need no secrets).
    """
    from flask import Flask

    from plugin import cli
    from plugin.coach import lexicon, pack_settings
    from plugin.coach.model import Settings
    from plugin.coach.review import Coach
    from plugin.coach.rules import load_pack
    from plugin.config import Config
    from plugin.store import extension as store
    from plugin.web import (
        admin,
        api,
        errors,
        health,
        limits,
        logs,
        macro_writes_api,
        macros_api,
        macros_page,
        openapi,
        security,
        sidebar,
    )
    from plugin.web.schemas import body_limit

    cfg = Config.from_env()
    if test_config:
        cfg = cfg.with_overrides(test_config)
    if serving:
        cfg.validate()
        if not cfg.dev:
            from plugin.zendesk.app_package import declared_locations

            declared_locations()  # landings are checked against the manifest: read it now
    logs.quiet_third_party(cfg)  # zenpy/urllib3 log whole Zendesk answers at DEBUG

    app = Flask(__name__)
    app.config["SECRET_KEY"] = cfg.secret_key
    app.json.sort_keys = False  # type: ignore[attr-defined]  # categories keep display order
    # Room for a max-size draft plus a max-size customer message, encoded as JSON.
    app.config["MAX_CONTENT_LENGTH"] = body_limit(cfg.max_draft_chars)
    app.extensions["coach_config"] = cfg
    app.extensions["coach"] = Coach(
        pack=load_pack(cfg.rules_path or None),
        # a pack file may carry a settings block (thresholds, mood moves, severities)
        settings=pack_settings.apply(
            Settings(max_draft_chars=cfg.max_draft_chars),
            pack_settings.read_file(cfg.rules_path) if cfg.rules_path else {},
        ),
    )
    lexicon.warm()  # one-time loads at start-up, never on a request
    if cfg.zendesk_api_configured:
        from plugin.web.context_gate import SessionScopedContext
        from plugin.zendesk.context import ContextService

        app.extensions["context_service"] = SessionScopedContext(ContextService.from_config(cfg))

    errors.init_app(app)
    security.init_app(app)
    app.register_blueprint(health.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(macros_api.bp)
    app.register_blueprint(macro_writes_api.bp)
    app.register_blueprint(openapi.bp)
    app.register_blueprint(sidebar.bp)
    app.register_blueprint(macros_page.bp)
    admin.init_app(app, cfg)  # the console (nav_bar location) and its JSON API
    limits.init_app(
        app,
        cfg,
        api.bp,
        sidebar.bp,
        macros_api.bp,
        macro_writes_api.bp,
        admin.api_bp,
        more_pages=(admin.pages_bp,),
    )
    cli.init_app(app)
    store.init_app(app, cfg)  # the `db` commands; the database opens on first use
    return app
