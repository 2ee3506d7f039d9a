"""Who may do what: Zendesk admins write, agents read; the role is verified by the server."""

from __future__ import annotations

from typing import Any

import pytest
from console_helpers import SUB, Console, landing_token, prod_config
from flask import Flask

from plugin.config import Config
from plugin.web.admin import access

RULE = {
    "id": "promise-ships-today",
    "category": "tone",
    "kind": "avoid",
    "phrases": ["ships today"],
    "message": "Promise a date you can keep.",
}


def add(console: Console, **extra: Any) -> Any:
    return console.post("/rules", {"base": 1, "rule": RULE, "new": True} | extra)


def test_an_admin_writes_and_the_version_names_them(signed_in: Any) -> None:
    ada = signed_in(7)
    assert ada.state["actor"] == {
        "id": 7,
        "name": "Ada Admin",
        "role": "admin",
        "dev": False,
        "can_write": True,
        "reason": "",
    }
    res = add(ada)
    assert res.status_code == 200
    assert res.get_json()["saved"]["author"] == {"id": 7, "name": "Ada Admin"}
    entry = ada.get("/audit").get_json()["entries"][0]
    assert entry["actor"] == {"id": 7, "name": "Ada Admin"} and entry["action"] == "pack.save"


@pytest.mark.parametrize(
    ("user", "why"),
    [
        (9, "Only Zendesk admins change the coaching rules."),
        (10, "Only Zendesk admins change the coaching rules."),  # a suspended admin
        (None, "Zendesk did not name the signed-in user"),
        (404, "Zendesk could not confirm your role"),
    ],
)
def test_anyone_else_reads_but_cannot_write(signed_in: Any, user: int | None, why: str) -> None:
    reader = signed_in(user)
    assert reader.state["actor"]["can_write"] is False
    assert why in reader.state["actor"]["reason"]
    assert len(reader.state["effective"]["rules"]) > 20  # agents may read the rules
    assert reader.post("/try", {"text": "It ships today.", "rule": RULE}).status_code == 200
    for path, body in (
        ("/rules", {"base": 1, "rule": RULE, "new": True}),
        ("/rules/blame-you-should-have/enabled", {"base": 1, "enabled": False}),
        ("/rules/blame-you-should-have/retire", {"base": 1}),
        ("/vocabulary", {"base": 1, "settings": {"target_grade": 6}}),
        ("/rollback", {"base": 1, "to": 1}),
        ("/import", {"base": 1, "yaml": "rules: []"}),
    ):
        res = reader.post(path, body)
        assert res.status_code == 403, path
        assert why in res.get_json()["error"]["message"]
    assert reader.get("/versions").get_json()["versions"][0]["number"] == 1


def test_what_the_browser_says_about_the_role_is_ignored(signed_in: Any) -> None:
    al = signed_in(9)
    res = add(al, role="admin", actor={"role": "admin", "can_write": True})
    assert res.status_code == 403
    forged = al.client.post(
        "/admin/api/v1/rules",
        json={"base": 1, "rule": RULE, "new": True},
        headers=al.auth | {"X-CSRF-Token": al.state["csrf"], "X-Zendesk-Role": "admin"},
    )
    assert forged.status_code == 403


def test_a_second_admins_stale_save_gets_the_conflict(signed_in: Any) -> None:
    ada, bo = signed_in(7), signed_in(8)
    assert add(ada).status_code == 200
    res = bo.post("/rules", {"base": 1, "rule": RULE | {"id": "other-rule"}, "new": True})
    err = res.get_json()["error"]
    assert res.status_code == 409 and err["head"] == 2
    assert [c["author_name"] for c in err["changes"]] == ["Ada Admin"]


def test_one_sessions_csrf_token_does_not_work_in_another(signed_in: Any) -> None:
    ada, bo = signed_in(7), signed_in(8)
    res = bo.client.post(
        "/admin/api/v1/rules",
        json={"base": 1, "rule": RULE, "new": True},
        headers=bo.auth | {"X-CSRF-Token": ada.state["csrf"]},
    )
    assert res.status_code == 403 and res.get_json()["error"]["code"] == "csrf"


def test_the_console_lands_only_with_a_nav_bar_token(prod_app: Flask) -> None:
    c = prod_app.test_client()
    env = {"REMOTE_ADDR": "203.0.113.7"}
    sidebar_token = landing_token(7, location="ticket_sidebar")
    assert c.post("/admin", data={"token": sidebar_token}, environ_base=env).status_code == 401
    assert c.post("/admin", data={"token": "garbage"}, environ_base=env).status_code == 401
    assert c.get("/admin", environ_base=env).status_code == 404  # no dev page in production
    page = c.post("/admin", data={"token": landing_token(7)}, environ_base=env)
    assert page.status_code == 200
    assert f"frame-ancestors https://{SUB}.zendesk.com" in page.headers["Content-Security-Policy"]
    nav_token = landing_token(7)
    assert c.post("/sidebar", data={"token": nav_token}, environ_base=env).status_code == 401
    assert c.get("/admin/api/v1/state", environ_base=env).status_code == 401


def test_the_role_comes_from_zendesk_users_api_with_the_apps_credentials(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    asked: list[int] = []

    class User:
        def __init__(self, data: dict[str, Any]) -> None:
            self.data = data

        def to_dict(self) -> dict[str, Any]:
            return self.data

    class Client:
        def users(self, id: int) -> User:  # noqa: A002 (zenpy's keyword)
            asked.append(id)
            if id == 5:
                raise RuntimeError("404")
            return User({"id": id, "name": "Ana", "role": "admin", "active": True})

    closed: list[object] = []
    monkeypatch.setattr("plugin.zendesk.client.make_client", lambda cfg: Client())
    monkeypatch.setattr("plugin.zendesk.client.close_client", closed.append)
    cfg = Config(**{k: v for k, v in prod_config(tmp_path).items() if k != "dev"})
    users = access.ZendeskUsers(cfg, ttl=60)
    assert users(42) == access.UserFacts("Ana", "admin", True)
    assert users(42) == access.UserFacts("Ana", "admin", True)
    assert users(5) is None
    assert asked == [42, 5]  # cached for the TTL
    assert len(closed) == 2  # every client made is closed, the failed lookup's too
