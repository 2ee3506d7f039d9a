"""Typed settings read from the environment, in one place.

Secrets come only from the environment. Outside development mode the ones the
service cannot run safely without are required at start-up (``validate``).
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

MIN_SECRET_CHARS = 32
MIN_SECRET_BITS = 96  # estimated from the key's own character frequencies (token_hex(16) >= ~100)
MIN_SESSION_TTL, MAX_SESSION_TTL = 60, 8 * 3600  # a sidebar session lasts a working day at most
KEY_HINT = "generate one with: python -c 'import secrets; print(secrets.token_hex(32))'"


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
    debug_third_party: bool = False  # COACH_DEBUG_THIRD_PARTY: zenpy/urllib3 debug logs
    macro_jobs: str = ""  # MACRO_JOBS=local: macro lint jobs in a local thread even with Redis

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
            zendesk_app_public_key=normalize_pem(env.get("ZENDESK_APP_PUBLIC_KEY", "")),
            zendesk_app_installation_id=env.get("ZENDESK_APP_INSTALLATION_ID", ""),
            zendesk_budget_seconds=float(env.get("ZENDESK_BUDGET_SECONDS", "0.8")),
            zendesk_cache_ttl=float(env.get("ZENDESK_CACHE_TTL", "300")),
            session_ttl=int(env.get("SESSION_TTL", "3600")),
            max_draft_chars=int(env.get("MAX_DRAFT_CHARS", "20000")),
            rate_limit=env.get("RATE_LIMIT", cls.rate_limit),
            landing_rate_limit=env.get("LANDING_RATE_LIMIT", cls.landing_rate_limit),
            rules_path=env.get("COACH_RULES", ""),
            debug_third_party=_flag(env.get("COACH_DEBUG_THIRD_PARTY")),
            macro_jobs=env.get("MACRO_JOBS", ""),
        )

    def with_overrides(self, overrides: Mapping[str, Any]) -> Config:
        known = {f.name for f in fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise ConfigError(f"unknown settings: {', '.join(sorted(unknown))}")
        values = dict(overrides)
        if "zendesk_app_public_key" in values:
            values["zendesk_app_public_key"] = normalize_pem(str(values["zendesk_app_public_key"]))
        return replace(self, **values)

    @property
    def zendesk_api_configured(self) -> bool:
        return bool(
            self.zendesk_subdomain
            and (self.zendesk_oauth_token or (self.zendesk_email and self.zendesk_api_token))
        )

    def validate(self) -> None:
        """Fail fast with a message naming every missing or unusable setting.

        Outside dev mode the signing secrets and the Zendesk verification settings are
        required and must be usable; in dev mode only what is set is checked.
        """
        problems = self._limits_problems()
        if not self.dev:
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
            problems += secret_key_problems(self.secret_key)
            problems += public_key_problems(self.zendesk_app_public_key)
        if problems:
            raise ConfigError("; ".join(problems))

    def _limits_problems(self) -> list[str]:
        if MIN_SESSION_TTL <= self.session_ttl <= MAX_SESSION_TTL:
            return []
        return [
            f"SESSION_TTL must be between {MIN_SESSION_TTL} and {MAX_SESSION_TTL} seconds "
            f"(got {self.session_ttl})"
        ]


def normalize_pem(value: str) -> str:
    """A PEM as written in an ``.env`` file: quoted, one line with literal ``\\n``."""
    text = value.strip().strip("\"'").strip()
    if "\\n" in text and "\n" not in text:
        text = text.replace("\\n", "\n")
    return text


def _period(text: str) -> int:
    """Length of the shortest unit ``text`` repeats ("abcabcab" -> 3; random text -> its length)."""
    for p in range(1, len(text) // 2 + 1):
        if all(text[i] == text[i - p] for i in range(p, len(text))):
            return p
    return len(text)


def secret_bits(secret: str) -> float:
    """Entropy estimate (bits) from the character frequencies of the secret's repeating unit."""
    unit = secret[: _period(secret)]
    if not unit:
        return 0.0
    counts, n = Counter(unit), len(unit)
    return -n * sum(c / n * math.log2(c / n) for c in counts.values())


def secret_key_problems(secret: str) -> list[str]:
    if len(secret) < MIN_SECRET_CHARS:
        return [f"SECRET_KEY is too short ({len(secret)} characters, at least "
                f"{MIN_SECRET_CHARS}); {KEY_HINT}"]  # fmt: skip
    if secret_bits(secret) < MIN_SECRET_BITS:
        return [f"SECRET_KEY is not random enough (repeated or patterned); {KEY_HINT}"]
    return []


def public_key_problems(pem: str) -> list[str]:
    # Loaded here, not at import: the pure core imports nothing from this module's deps.
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    try:
        key = load_pem_public_key(pem.encode())
    except (ValueError, TypeError, UnsupportedAlgorithm):
        return [
            "ZENDESK_APP_PUBLIC_KEY is not a PEM public key (expected "
            "-----BEGIN PUBLIC KEY-----; one line with literal \\n is accepted)"
        ]
    if not isinstance(key, RSAPublicKey):
        return ["ZENDESK_APP_PUBLIC_KEY is not an RSA public key (Zendesk signs with RS256)"]
    return []
