"""Console test helpers: users as Zendesk describes them, landings, a signed-in console."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jwt
from flask import Flask
from signing_keys import PRIVATE_KEY, PUBLIC_PEM

from plugin.store import migrate
from plugin.store.extension import store_of
from plugin.web.admin.access import UserFacts

SUB, INSTALL = "acme", "360001"
LOOPBACK = {"REMOTE_ADDR": "127.0.0.1"}
# Zendesk users as the API would describe them (looked up with the app's credentials).
USERS = {
    7: UserFacts("Ada Admin", "admin"),
    8: UserFacts("Bo Admin", "admin"),
    9: UserFacts("Al Agent", "agent"),
    10: UserFacts("Sus Pended", "admin", active=False),
}


def migrated(app: Flask) -> Flask:
    migrate.upgrade(store_of(app).db.engine)
    return app


def prod_config(tmp_path: Path) -> dict[str, Any]:
    return {
        "dev": False,
        "secret_key": "9f6c1d2e9a8b7c6d5e4f3a2b1c0d9e8f-console-prod",
        "zendesk_subdomain": SUB,
        "zendesk_app_installation_id": INSTALL,
        "zendesk_app_public_key": PUBLIC_PEM,
        "zendesk_email": "",
        "zendesk_api_token": "",
        "zendesk_oauth_token": "",
        "redis_url": "",
        "languagetool_url": "",
        "database_url": f"sqlite:///{tmp_path / 'console.sqlite3'}",
    }


def landing_token(user: int | None, location: str = "nav_bar") -> str:
    now = int(datetime.now(UTC).timestamp())
    claims: dict[str, Any] = {
        "iss": f"{SUB}.zendesk.com",
        "aud": f"https://{SUB}.zendesk.com/api/v2/apps/installations/{INSTALL}.json",
        "iat": now,
        "exp": now + 300,
        "context": {"product": "support", "location": location},
    }
    if user is not None:
        claims["sub"] = f"https://{SUB}.zendesk.com/api/v2/users/{user}.json"
    return jwt.encode(claims, PRIVATE_KEY, "RS256")


class Console:
    """One signed-in console user: the session from the landing, and the CSRF token."""

    def __init__(self, app: Flask, user: int | None) -> None:
        self.client = app.test_client()
        self.client.environ_base.update({"REMOTE_ADDR": "203.0.113.7"})
        res = self.client.post("/admin", data={"token": landing_token(user)})
        assert res.status_code == 200, res.status_code
        found = re.search(r'name="coach-session" content="([^"]+)"', res.get_data(as_text=True))
        assert found
        self.auth = {"Authorization": f"Bearer {found.group(1)}"}
        self.state = self.get("/state").get_json()

    def get(self, path: str) -> Any:
        return self.client.get(f"/admin/api/v1{path}", headers=self.auth)

    def post(self, path: str, body: dict[str, Any], csrf: bool = True) -> Any:
        headers = dict(self.auth)
        if csrf:
            headers["X-CSRF-Token"] = self.state["csrf"]
        return self.client.post(f"/admin/api/v1{path}", json=body, headers=headers)
