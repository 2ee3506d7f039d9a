"""Start-up refuses settings it cannot run safely with, naming the variable."""

from __future__ import annotations

from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from signing_keys import PUBLIC_PEM

from plugin import create_app
from plugin.config import Config, ConfigError

GOOD: dict[str, Any] = {
    "dev": False,
    "secret_key": "9c1f4e7a2b8d3c6f0e5a1d4b7c2e9f3a8d6b1c4e",
    "zendesk_subdomain": "acme",
    "zendesk_app_installation_id": "42",
    "zendesk_app_public_key": PUBLIC_PEM,
    "redis_url": "",
}


def test_good_settings_start() -> None:
    create_app(GOOD)


def test_the_one_line_env_form_of_the_public_key_is_accepted() -> None:
    one_line = PUBLIC_PEM.strip().replace("\n", "\\n")
    assert "\n" not in one_line
    app = create_app(GOOD | {"zendesk_app_public_key": f'"{one_line}"'})
    assert app.extensions["coach_config"].zendesk_app_public_key == PUBLIC_PEM.strip()
    env = {"ZENDESK_APP_PUBLIC_KEY": one_line}
    assert Config.from_env(env).zendesk_app_public_key == PUBLIC_PEM.strip()


def _ec_pem() -> str:
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


@pytest.mark.parametrize(
    ("pem", "says"),
    [
        ("-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----", "not a PEM public key"),
        ("ssh-rsa AAAAB3NzaC1yc2E", "not a PEM public key"),
        (PUBLIC_PEM.replace("PUBLIC KEY", "CERTIFICATE"), "not a PEM public key"),
        ("EC", "not an RSA public key"),
    ],
)
def test_a_public_key_that_does_not_parse_as_rsa_fails_at_start_up(pem: str, says: str) -> None:
    pem = _ec_pem() if pem == "EC" else pem
    with pytest.raises(ConfigError, match=f"ZENDESK_APP_PUBLIC_KEY is {says}"):
        create_app(GOOD | {"zendesk_app_public_key": pem})


@pytest.mark.parametrize(
    ("secret", "says"),
    [
        ("dev", "too short"),
        ("0123456789abcdef0123456789abcde", "too short"),  # 31 characters
        ("s" * 64, "not random enough"),
        ("changeme" * 6, "not random enough"),
        ("ab" * 32, "not random enough"),
    ],
)
def test_a_weak_secret_key_fails_at_start_up_naming_it(secret: str, says: str) -> None:
    with pytest.raises(ConfigError, match=f"SECRET_KEY is {says}.*secrets.token_hex"):
        create_app(GOOD | {"secret_key": secret})


@pytest.mark.parametrize("ttl", [0, 30, 8 * 3600 + 1, 30 * 86400])
def test_session_ttl_is_bounded(ttl: int) -> None:
    with pytest.raises(ConfigError, match="SESSION_TTL"):
        create_app(GOOD | {"session_ttl": ttl})


def test_several_problems_are_reported_together() -> None:
    with pytest.raises(ConfigError) as err:
        create_app(GOOD | {"secret_key": "x" * 40, "zendesk_app_public_key": "nope"})
    assert "SECRET_KEY" in str(err.value) and "ZENDESK_APP_PUBLIC_KEY" in str(err.value)


def test_without_redis_start_up_warns_that_limits_are_per_worker(
    caplog: pytest.LogCaptureFixture,
) -> None:
    create_app(GOOD)
    assert any(
        "REDIS_URL" in r.getMessage() and "per worker" in r.getMessage() for r in caplog.records
    )
    caplog.clear()
    create_app(GOOD | {"redis_url": "redis://127.0.0.1:1/0"})
    assert not any("per worker" in r.getMessage() for r in caplog.records)
