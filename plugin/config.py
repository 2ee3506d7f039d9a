"""Typed settings read from the environment, in one place.

Secrets come only from the environment. Outside development mode the ones the
service cannot run safely without are required at start-up (``validate``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any


class ConfigError(RuntimeError):
    """Raised at start-up when required settings are missing or malformed."""


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Config:
    dev: bool = False  # COACH_DEV: local playground, no Zendesk, loopback only
    secret_key: str = ""
    database_url: str = ""  # "" = SQLite (WAL) in the instance folder; or PostgreSQL
    redis_url: str = ""
    languagetool_url: str = ""
    languagetool_timeout: float = 3.0
    zendesk_subdomain: str = ""
    zendesk_email: str = ""
    zendesk_api_token: str = ""
    zendesk_oauth_token: str = ""
    zendesk_app_public_key: str = ""  # PEM
    zendesk_app_installation_id: str = ""
    zendesk_budget_seconds: float = 0.8  # how long the fast lane may wait for Zendesk
    zendesk_cache_ttl: float = 300.0
    session_ttl: int = 3600
    max_draft_chars: int = 20_000
    rate_limit: str = "300/minute"  # API calls per sidebar session (a check per pause)
    landing_rate_limit: str = "60/minute"  # signed-URL landings per address
    rules_path: str = ""  # optional YAML pack replacing the shipped default

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Config:
        env = os.environ if env is None else env
        return cls(
            dev=_flag(env.get("COACH_DEV")),
            secret_key=env.get("SECRET_KEY", ""),
            database_url=env.get("DATABASE_URL", cls.database_url),
            redis_url=env.get("REDIS_URL", ""),
            languagetool_url=env.get("LANGUAGETOOL_URL", ""),
            languagetool_timeout=float(env.get("LANGUAGETOOL_TIMEOUT", "3.0")),
            zendesk_subdomain=env.get("ZENDESK_SUBDOMAIN", ""),
            zendesk_email=env.get("ZENDESK_EMAIL", ""),
            zendesk_api_token=env.get("ZENDESK_API_TOKEN", ""),
            zendesk_oauth_token=env.get("ZENDESK_OAUTH_TOKEN", ""),
            zendesk_app_public_key=env.get("ZENDESK_APP_PUBLIC_KEY", ""),
            zendesk_app_installation_id=env.get("ZENDESK_APP_INSTALLATION_ID", ""),
            zendesk_budget_seconds=float(env.get("ZENDESK_BUDGET_SECONDS", "0.8")),
            zendesk_cache_ttl=float(env.get("ZENDESK_CACHE_TTL", "300")),
            session_ttl=int(env.get("SESSION_TTL", "3600")),
            max_draft_chars=int(env.get("MAX_DRAFT_CHARS", "20000")),
            rate_limit=env.get("RATE_LIMIT", cls.rate_limit),
            landing_rate_limit=env.get("LANDING_RATE_LIMIT", cls.landing_rate_limit),
            rules_path=env.get("COACH_RULES", ""),
        )

    def with_overrides(self, overrides: Mapping[str, Any]) -> Config:
        known = {f.name for f in fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise ConfigError(f"unknown settings: {', '.join(sorted(unknown))}")
        return replace(self, **dict(overrides))

    @property
    def zendesk_api_configured(self) -> bool:
        return bool(
            self.zendesk_subdomain
            and (self.zendesk_oauth_token or (self.zendesk_email and self.zendesk_api_token))
        )

    def validate(self) -> None:
        """Fail fast with a message naming every missing setting (not in dev mode)."""
        if self.dev:
            return
        missing = [
            name
            for name, value in (
                ("SECRET_KEY", self.secret_key),
                ("ZENDESK_SUBDOMAIN", self.zendesk_subdomain),
                ("ZENDESK_APP_PUBLIC_KEY", self.zendesk_app_public_key),
                ("ZENDESK_APP_INSTALLATION_ID", self.zendesk_app_installation_id),
            )
            if not value
        ]
        if missing:
            raise ConfigError(
                "missing required settings: "
                + ", ".join(missing)
                + " (set them in the environment, or COACH_DEV=1 for the local playground)"
            )
