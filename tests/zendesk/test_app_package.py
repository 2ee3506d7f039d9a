"""The shipped Zendesk app is valid; each documented rule is enforced; packaging is right."""

from __future__ import annotations

import json
import shutil
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from plugin.zendesk.app_package import APP_DIR, AppPackageError, build_zip, png_size, validate_app
from plugin.zendesk.cli import COMMANDS


@pytest.fixture
def app(tmp_path: Path) -> Path:
    copy = tmp_path / "app"
    shutil.copytree(APP_DIR, copy, ignore=shutil.ignore_patterns("tmp"))
    return copy


def edit_json(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def tiny_png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + b"\x00\x00\x00\x00" * width for _ in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_shipped_app_is_valid() -> None:
    assert validate_app(APP_DIR) == []


def test_shipped_logos_have_the_documented_sizes() -> None:
    assert png_size(APP_DIR / "assets" / "logo.png") == (320, 320)
    assert png_size(APP_DIR / "assets" / "logo-small.png") == (128, 128)


def test_shipped_manifest_is_a_signed_server_side_sidebar() -> None:
    manifest = json.loads((APP_DIR / "manifest.json").read_text())
    assert manifest["signedUrls"] is True
    assert manifest["location"]["support"]["ticket_sidebar"]["url"].startswith("https://")
    assert "parameters" not in manifest  # the backend holds the API token: nothing to configure


def test_shipped_manifest_has_the_admin_console_in_the_nav_bar() -> None:
    manifest = json.loads((APP_DIR / "manifest.json").read_text())
    assert manifest["location"]["support"]["nav_bar"]["url"] == "https://coach.example.com/admin"
    assert (APP_DIR / "assets" / "icon_nav_bar.svg").read_text().lstrip().startswith("<svg")


def test_nav_bar_without_its_icon_is_reported(app: Path) -> None:
    (app / "assets" / "icon_nav_bar.svg").unlink()
    assert validate_app(app) == ["location support.nav_bar needs its icon: assets/icon_nav_bar.svg"]
    (app / "assets" / "icon_nav_bar.svg").write_text("not an image")
    assert validate_app(app) == ["assets/icon_nav_bar.svg is not an SVG file"]


def _param(**kw: Any) -> Callable[[dict[str, Any]], None]:
    return lambda m: m.setdefault("parameters", []).append(kw)


def _loc(url: str) -> Callable[[dict[str, Any]], None]:
    return lambda m: m["location"]["support"]["ticket_sidebar"].update(url=url)


MANIFEST_CASES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "no author": (lambda m: m.pop("author"), "needs an author object"),
    "author without email": (lambda m: m["author"].pop("email"), "author.email is required"),
    "no defaultLocale": (lambda m: m.pop("defaultLocale"), "defaultLocale is required"),
    "no frameworkVersion": (
        lambda m: m.pop("frameworkVersion"),
        "frameworkVersion is required for iframe apps",
    ),
    "signedUrls not bool": (
        lambda m: m.update(signedUrls="yes"),
        "signedUrls must be true or false",
    ),
    "http location": (
        _loc("http://coach.example.com/sidebar"),
        "must use https (http only for localhost)",
    ),
    "ftp location": (_loc("ftp://coach.example.com/sidebar"), "must be an https URL"),
    "relative outside assets": (_loc("sidebar.html"), "relative url must start with assets/"),
    "missing asset": (_loc("assets/iframe.html"), "points at a missing file"),
    "bad type": (_param(name="mode", type="password"), "unsupported type 'password'"),
    "secure with default": (
        _param(name="api_token", type="text", secure=True, default="x"),
        "secure or hidden and cannot have a default",
    ),
    "hidden with default": (
        _param(name="h", type="hidden", default="x"),
        "secure or hidden and cannot have a default",
    ),
    "secure oauth": (_param(name="login", type="oauth", secure=True), "oauth cannot be secure"),
    "secret in plain text": (
        _param(name="api_key", type="text"),
        "looks like a secret: mark it secure",
    ),
    "duplicate parameter": (
        lambda m: m.update(parameters=[{"name": "a", "secure": True}] * 2),
        "defined twice",
    ),
    "nameless parameter": (_param(type="text"), "parameter #1 needs a name"),
    "label missing": (_param(name="region", type="text"), "no label for parameter 'region'"),
    "public app without descriptions": (
        lambda m: m.update(private=False),
        "public apps need app.short_description",
    ),
}


@pytest.mark.parametrize("case", sorted(MANIFEST_CASES))
def test_each_manifest_rule_is_reported(app: Path, case: str) -> None:
    change, message = MANIFEST_CASES[case]
    if case == "public app without descriptions":
        edit_json(app / "translations" / "en.json", lambda t: t["app"].pop("short_description"))
    edit_json(app / "manifest.json", change)
    problems = validate_app(app)
    assert any(message in p for p in problems), problems


def test_http_localhost_location_is_allowed(app: Path) -> None:
    edit_json(app / "manifest.json", _loc("http://localhost:5000/sidebar"))
    assert validate_app(app) == []


def test_relative_asset_location_that_exists_is_allowed(app: Path) -> None:
    (app / "assets" / "iframe.html").write_text("<p>hi</p>")
    edit_json(app / "manifest.json", _loc("assets/iframe.html"))
    assert validate_app(app) == []


def test_secure_parameter_with_label_is_allowed(app: Path) -> None:
    edit_json(
        app / "manifest.json", _param(name="api_token", type="text", secure=True, required=True)
    )
    edit_json(
        app / "translations" / "en.json",
        lambda t: t["app"].update(parameters={"api_token": {"label": "Token"}}),
    )
    assert validate_app(app) == []


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda a: (a / "manifest.json").unlink(), "manifest.json is missing"),
        (lambda a: (a / "manifest.json").write_text("{nope"), "manifest.json is not valid JSON"),
        (lambda a: (a / "translations" / "en.json").unlink(), "translations/en.json is missing"),
        (
            lambda a: edit_json(a / "translations" / "en.json", lambda t: t["app"].pop("name")),
            "needs app.name",
        ),
        (
            lambda a: edit_json(
                a / "translations" / "en.json", lambda t: t["app"].update(name="N" * 41)
            ),
            "app.name is 41 characters; at most 40",
        ),
        (
            lambda a: (a / "assets" / "logo.png").write_bytes(tiny_png(100, 100)),
            "assets/logo.png is 100x100; it must be 320x320",
        ),
        (
            lambda a: (a / "assets" / "logo-small.png").write_bytes(b"GIF89a..."),
            "assets/logo-small.png is not a PNG",
        ),
    ],
)
def test_file_rules_are_reported(app: Path, setup: Callable[[Path], object], message: str) -> None:
    setup(app)
    problems = validate_app(app)
    assert any(message in p for p in problems), problems


def test_public_app_needs_logos(app: Path) -> None:
    (app / "assets" / "logo.png").unlink()
    edit_json(app / "manifest.json", lambda m: m.update(private=False))
    assert any("assets/logo.png is required for public apps" in p for p in validate_app(app))


def test_zip_has_the_app_with_the_backend_url(app: Path, tmp_path: Path) -> None:
    (app / "tmp").mkdir()
    (app / "tmp" / "old.zip").write_bytes(b"old")
    out = build_zip(app, tmp_path / "out" / "app.zip", "https://coach.acme.io/")
    with zipfile.ZipFile(out) as zf:
        names = sorted(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
    assert names == [
        "assets/icon_nav_bar.svg",
        "assets/logo-small.png",
        "assets/logo.png",
        "manifest.json",
        "translations/en.json",
    ]
    assert (
        manifest["location"]["support"]["ticket_sidebar"]["url"] == "https://coach.acme.io/sidebar"
    )
    assert manifest["location"]["support"]["nav_bar"]["url"] == "https://coach.acme.io/admin"
    assert manifest["signedUrls"] is True
    # the source manifest keeps its placeholder
    assert "coach.example.com" in (app / "manifest.json").read_text()


def test_zip_honours_zcliignore(app: Path, tmp_path: Path) -> None:
    (app / "notes.md").write_text("internal")
    (app / ".zcliignore").write_text("*.md\n")
    with zipfile.ZipFile(build_zip(app, tmp_path / "a.zip", "https://coach.acme.io")) as zf:
        assert "notes.md" not in zf.namelist() and ".zcliignore" not in zf.namelist()


@pytest.mark.parametrize(
    "url", ["http://coach.acme.io", "ftp://coach.acme.io", "coach.acme.io", "https://"]
)
def test_zip_refuses_insecure_base_url(app: Path, tmp_path: Path, url: str) -> None:
    with pytest.raises(ValueError, match="https"):
        build_zip(app, tmp_path / "a.zip", url)
    assert not (tmp_path / "a.zip").exists()


def test_zip_allows_http_localhost(app: Path, tmp_path: Path) -> None:
    out = build_zip(app, tmp_path / "a.zip", "http://127.0.0.1:5000")
    with zipfile.ZipFile(out) as zf:
        url = json.loads(zf.read("manifest.json"))["location"]["support"]["ticket_sidebar"]["url"]
    assert url == "http://127.0.0.1:5000/sidebar"


def test_zip_refuses_invalid_app(app: Path, tmp_path: Path) -> None:
    edit_json(app / "manifest.json", lambda m: m.pop("author"))
    with pytest.raises(AppPackageError) as err:
        build_zip(app, tmp_path / "a.zip", "https://coach.acme.io")
    assert any("author" in p for p in err.value.problems)


def _cli(name: str) -> Any:
    return next(c for c in COMMANDS if c.name == name)


def test_cli_validate_app(app: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(_cli("validate-app"), [str(app)])
    assert ok.exit_code == 0 and "valid" in ok.output
    edit_json(app / "manifest.json", lambda m: m.pop("defaultLocale"))
    bad = runner.invoke(_cli("validate-app"), [str(app)])
    assert bad.exit_code == 1 and "defaultLocale is required" in bad.output


def test_cli_package_app(app: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "coach.zip"
    done = runner.invoke(
        _cli("package-app"), ["--base-url", "https://coach.acme.io", "--out", str(out), str(app)]
    )
    assert done.exit_code == 0, done.output
    assert zipfile.is_zipfile(out)
    refused = runner.invoke(_cli("package-app"), ["--base-url", "http://coach.acme.io", str(app)])
    assert refused.exit_code != 0 and "https" in refused.output
