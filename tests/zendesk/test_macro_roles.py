"""Only verified Zendesk admins (or roles managing shared macros) change macros; reads need
a session. The role comes from Zendesk through the API, never from the browser."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from macro_fixtures import macro
from macro_server import serve_macro
from recording_server import RecordingServer, load_object
from signing_keys import PUBLIC_PEM

from plugin import create_app
from plugin.zendesk.auth import issue_session

SUB, INSTALL = "acme", "360001"
ADDR = {"REMOTE_ADDR": "203.0.113.9"}


@pytest.fixture
def prod_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Flask:
    monkeypatch.delenv("REDIS_URL", raising=False)
    return create_app(
        {
            "dev": False,
            "secret_key": "5b0e8c1f7a2d4e6b9c3f0a1d8e7b6c5a-macro-roles",
            "zendesk_subdomain": SUB,
            "zendesk_app_installation_id": INSTALL,
            "zendesk_app_public_key": PUBLIC_PEM,
            "zendesk_email": "agent@example.com",
            "zendesk_api_token": "test-token",
            "redis_url": "",
            "database_url": f"sqlite:///{tmp_path / 'jobs.sqlite3'}",
        }
    )


def _headers(app: Flask, user_id: str | None) -> dict[str, str]:
    token = issue_session(
        app.extensions["coach_config"], subdomain=SUB, installation_id=INSTALL, user_id=user_id
    )
    return {"Authorization": f"Bearer {token}"}


def _user(zendesk: RecordingServer, user_id: int, **fields: Any) -> None:
    user = load_object("user") | {"id": user_id, "suspended": False, "active": True} | fields
    zendesk.json(f"/api/v2/users/{user_id}.json", {"user": user})


def _preview(app: Flask, user_id: str | None) -> Any:
    return app.test_client().post(
        "/api/v1/macros/900001/preview",
        json={"suggestions": ["comment_value:g0:0"]},
        headers=_headers(app, user_id),
        environ_base=ADDR,
    )


def test_without_a_session_nothing_answers(prod_app: Flask) -> None:
    res = prod_app.test_client().get("/api/v1/macros/lint/latest", environ_base=ADDR)
    assert res.status_code == 401


def test_a_session_naming_no_user_reads_but_cannot_write_and_is_told_why(
    prod_app: Flask, zendesk: RecordingServer
) -> None:
    client = prod_app.test_client()
    headers = _headers(prod_app, None)
    assert (
        client.get("/api/v1/macros/writes", headers=headers, environ_base=ADDR).status_code == 200
    )
    res = client.post("/api/v1/macros/lint", json={}, headers=headers, environ_base=ADDR)
    assert res.status_code == 403
    error = res.get_json()["error"]
    assert error["code"] == "no_verified_role" and "names no Zendesk user" in error["message"]
    assert zendesk.hits("/api/v2/macros") == []


def test_an_agent_is_refused_and_an_admin_may_preview(
    prod_app: Flask, zendesk: RecordingServer
) -> None:
    serve_macro(zendesk, macro(1))
    _user(zendesk, 8001, role="agent", custom_role_id=None)
    _user(zendesk, 8002, role="admin")
    refused = _preview(prod_app, "8001")
    assert refused.status_code == 403 and "admins" in refused.get_json()["error"]["message"]
    assert _preview(prod_app, "8002").status_code == 200
    assert zendesk.hits("/api/v2/users/8001.json") and zendesk.hits("/api/v2/users/8002.json")


def test_a_custom_role_with_full_macro_access_may_write_a_personal_one_may_not(
    prod_app: Flask, zendesk: RecordingServer
) -> None:
    serve_macro(zendesk, macro(1))
    role = load_object("custom_agent_role")
    full = role | {"id": 77, "configuration": role["configuration"] | {"macro_access": "full"}}
    zendesk.json("/api/v2/custom_roles/77.json", {"custom_role": full})
    zendesk.json("/api/v2/custom_roles/78.json", {"custom_role": role | {"id": 78}})
    _user(zendesk, 8003, role="agent", custom_role_id=77)
    _user(zendesk, 8004, role="agent", custom_role_id=78)
    assert _preview(prod_app, "8003").status_code == 200
    assert _preview(prod_app, "8004").status_code == 403


def test_a_suspended_admin_is_refused(prod_app: Flask, zendesk: RecordingServer) -> None:
    _user(zendesk, 8005, role="admin", suspended=True)
    assert _preview(prod_app, "8005").status_code == 403


def test_macro_api_calls_share_the_sessions_rate_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REDIS_URL", raising=False)
    app = create_app(
        {
            "dev": False,
            "secret_key": "5b0e8c1f7a2d4e6b9c3f0a1d8e7b6c5a-macro-roles",
            "zendesk_subdomain": SUB,
            "zendesk_app_installation_id": INSTALL,
            "zendesk_app_public_key": PUBLIC_PEM,
            "redis_url": "",
            "rate_limit": "3/minute",
            "database_url": f"sqlite:///{tmp_path / 'jobs.sqlite3'}",
        }
    )
    headers = _headers(app, None)
    client = app.test_client()
    codes = [
        client.get("/api/v1/macros/writes", headers=headers, environ_base=ADDR).status_code
        for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
