"""The macro page's shell: strict CSP, a development session on loopback only."""

from __future__ import annotations

from flask import Flask

LOOPBACK = {"REMOTE_ADDR": "127.0.0.1"}


def test_the_page_loads_only_its_own_scripts_and_styles(app: Flask) -> None:
    res = app.test_client().get("/admin/macros", environ_base=LOOPBACK)
    assert res.status_code == 200
    csp = res.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "unsafe" not in csp
    assert res.headers["Cache-Control"] == "no-store"
    html = res.get_data(as_text=True)
    assert "<script>" not in html and "style=" not in html
    assert '<meta name="coach-mode" content="dev">' in html


def test_off_loopback_the_page_embeds_no_session(app: Flask) -> None:
    res = app.test_client().get("/admin/macros", environ_base={"REMOTE_ADDR": "203.0.113.5"})
    html = res.get_data(as_text=True)
    assert '<meta name="coach-session" content="">' in html
    assert '<meta name="coach-mode" content="zendesk">' in html
    assert "frame-ancestors 'none'" in res.headers["Content-Security-Policy"]
