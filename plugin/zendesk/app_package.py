"""Offline checks and packaging for the Zendesk app in ``manifest/``.

``zcli apps:validate`` uploads the zip to a live account, so CI uses these checks
instead: the documented manifest rules (Zendesk's live in the Ruby gem
zendesk_apps_support). ``build_zip`` points the sidebar at the backend's URL.
"""

from __future__ import annotations

import fnmatch
import functools
import json
import struct
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEFAULT_BASE_URL = (
    "https://coach.example.com"  # placeholder in manifest.json, replaced on packaging
)
APP_DIR = Path(__file__).resolve().parents[2] / "manifest"
PARAMETER_TYPES = frozenset({"text", "multiline", "number", "url", "checkbox", "hidden", "oauth"})
SECRET_WORDS = ("token", "key", "secret", "password")
LOGOS = {"logo.png": (320, 320), "logo-small.png": (128, 128)}  # Marketplace brand assets
MAX_NAME = 40
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1"})
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Locations Zendesk draws an icon for: the app must ship it as assets/icon_<location>.svg.
ICON_LOCATIONS = frozenset({"nav_bar", "top_bar", "ticket_editor"})


class AppPackageError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def validate_app(app_dir: Path) -> list[str]:
    """Problems found in the app at ``app_dir`` (empty when valid), one sentence each."""
    manifest_path = app_dir / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [f"manifest.json is missing in {app_dir}"]
    except ValueError as exc:
        return [f"manifest.json is not valid JSON: {exc}"]
    if not isinstance(manifest, dict):
        return ["manifest.json must be a JSON object"]
    return _check_manifest(manifest, app_dir)


def _check_manifest(manifest: dict[str, Any], app_dir: Path) -> list[str]:
    problems = _required_keys(manifest)
    problems += _locations(manifest.get("location"), app_dir)
    params = manifest.get("parameters", [])
    problems += _parameters(params)
    translation = _translation(manifest, app_dir, problems)
    if translation is not None and isinstance(params, list):
        labels = (translation.get("app") or {}).get("parameters") or {}
        for p in params:
            if (
                isinstance(p, dict)
                and p.get("name")
                and "label" not in (labels.get(p["name"]) or {})
            ):
                name = p["name"]
                problems.append(
                    f"translation has no label for parameter {name!r} (app.parameters.{name}.label)"
                )
    problems += _assets(app_dir, required=manifest.get("private") is False)
    problems += _icons(manifest.get("location"), app_dir)
    return problems


def _icons(location: Any, app_dir: Path) -> list[str]:
    problems = []
    for where, _ in _location_urls(location):
        place = where.split(".", 1)[1]
        if place not in ICON_LOCATIONS:
            continue
        icon = app_dir / "assets" / f"icon_{place}.svg"
        if not icon.is_file():
            problems.append(f"location {where} needs its icon: assets/icon_{place}.svg")
        elif b"<svg" not in icon.read_bytes()[:2048]:
            problems.append(f"assets/icon_{place}.svg is not an SVG file")
    return problems


def _required_keys(manifest: dict[str, Any]) -> list[str]:
    problems = []
    author = manifest.get("author")
    if not isinstance(author, dict):
        problems.append("manifest.json needs an author object with name and email")
    else:
        problems += [f"author.{k} is required" for k in ("name", "email") if not author.get(k)]
    if not manifest.get("defaultLocale"):
        problems.append('defaultLocale is required (e.g. "en")')
    if manifest.get("location") and not manifest.get("frameworkVersion"):
        problems.append('frameworkVersion is required for iframe apps (use "2.0")')
    for key in ("private", "signedUrls"):
        if key in manifest and not isinstance(manifest[key], bool):
            problems.append(f"{key} must be true or false")
    return problems


@functools.cache
def declared_locations(app_dir: Path = APP_DIR) -> frozenset[tuple[str, str]]:
    """(product, location) pairs the app's manifest declares, e.g. ("support", "ticket_sidebar").

    A signed-URL token naming any other location was not made for this app's pages.
    """
    manifest = json.loads((app_dir / "manifest.json").read_text(encoding="utf-8"))
    pairs = (where.split(".", 1) for where, _ in _location_urls(manifest.get("location")))
    return frozenset((product, place) for product, place in pairs)


def _location_urls(location: Any) -> list[tuple[str, Any]]:
    urls = []
    for product, places in (location or {}).items() if isinstance(location, dict) else ():
        for place, spec in (places or {}).items() if isinstance(places, dict) else ():
            url = spec.get("url") if isinstance(spec, dict) else spec
            urls.append((f"{product}.{place}", url))
    return urls


def _locations(location: Any, app_dir: Path) -> list[str]:
    if location is None:
        return []
    urls = _location_urls(location)
    if not isinstance(location, dict) or not urls:
        return [
            'location must map a product to locations, e.g. {"support": {"ticket_sidebar": {...}}}'
        ]
    problems = []
    for where, url in urls:
        if not isinstance(url, str) or not url:
            problems.append(f"location {where} has no url")
            continue
        parts = urlsplit(url)
        if parts.scheme:
            host = parts.hostname or ""
            if parts.scheme == "http" and host not in LOCAL_HOSTS:
                problems.append(
                    f"location {where} url must use https (http only for localhost): {url}"
                )
            elif parts.scheme not in ("http", "https") or not host:
                problems.append(f"location {where} url must be an https URL: {url}")
        elif not url.startswith("assets/"):
            problems.append(f"location {where} relative url must start with assets/: {url}")
        elif not (app_dir / url.split("?")[0].split("#")[0]).is_file():
            problems.append(f"location {where} url points at a missing file: {url}")
    return problems


def _parameters(params: Any) -> list[str]:
    if not isinstance(params, list):
        return ["parameters must be a list"]
    problems, seen = [], set()
    for i, p in enumerate(params):
        if not isinstance(p, dict) or not p.get("name"):
            problems.append(f"parameter #{i + 1} needs a name")
            continue
        name, kind = p["name"], p.get("type", "text")
        if name in seen:
            problems.append(f"parameter {name!r} is defined twice")
        seen.add(name)
        if kind not in PARAMETER_TYPES:
            allowed = ", ".join(sorted(PARAMETER_TYPES))
            problems.append(
                f"parameter {name!r} has unsupported type {kind!r} (allowed: {allowed})"
            )
        if "default" in p and (p.get("secure") or kind == "hidden"):
            problems.append(f"parameter {name!r} is secure or hidden and cannot have a default")
        if kind == "oauth" and p.get("secure"):
            problems.append(f"parameter {name!r} of type oauth cannot be secure")
        if kind == "text" and not p.get("secure") and any(w in name.lower() for w in SECRET_WORDS):
            problems.append(
                f"parameter {name!r} looks like a secret: "
                "mark it secure so it never reaches the browser"
            )
    return problems


def _translation(
    manifest: dict[str, Any], app_dir: Path, problems: list[str]
) -> dict[str, Any] | None:
    locale = manifest.get("defaultLocale")
    if not isinstance(locale, str) or not locale:
        return None
    path = app_dir / "translations" / f"{locale}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"translations/{locale}.json is missing (defaultLocale is {locale!r})")
        return None
    except ValueError as exc:
        problems.append(f"translations/{locale}.json is not valid JSON: {exc}")
        return None
    app = data.get("app") if isinstance(data, dict) else None
    name = app.get("name") if isinstance(app, dict) else None
    if not isinstance(name, str) or not name.strip():
        problems.append(f"translations/{locale}.json needs app.name")
    elif len(name) > MAX_NAME:
        problems.append(f"app.name is {len(name)} characters; at most {MAX_NAME} allowed")
    if manifest.get("private") is False and isinstance(app, dict):
        for key in ("short_description", "long_description", "installation_instructions"):
            if not app.get(key):
                problems.append(f"public apps need app.{key} in translations/{locale}.json")
    return data if isinstance(data, dict) else None


def png_size(path: Path) -> tuple[int, int] | None:
    """(width, height) from the PNG header, or None if the file is not a PNG."""
    with path.open("rb") as f:
        head = f.read(24)
    if len(head) < 24 or not head.startswith(PNG_SIGNATURE) or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return int(width), int(height)


def _assets(app_dir: Path, required: bool) -> list[str]:
    problems = []
    for name, size in LOGOS.items():
        path = app_dir / "assets" / name
        if not path.is_file():
            if required:
                problems.append(
                    f"assets/{name} is required for public apps ({size[0]}x{size[1]} PNG)"
                )
            continue
        got = png_size(path)
        if got is None:
            problems.append(f"assets/{name} is not a PNG file")
        elif got != size:
            problems.append(f"assets/{name} is {got[0]}x{got[1]}; it must be {size[0]}x{size[1]}")
    return problems


# --- packaging -------------------------------------------------------------------


def check_base_url(base_url: str) -> str:
    """The base URL without a trailing slash; ``ValueError`` unless https (or http on localhost)."""
    parts = urlsplit(base_url)
    ok = parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOCAL_HOSTS)
    if not ok or not parts.hostname or parts.query or parts.fragment:
        raise ValueError(f"base URL must be https:// (http only for localhost): {base_url}")
    return base_url.rstrip("/")


def _with_base_url(manifest: dict[str, Any], base_url: str) -> dict[str, Any]:
    rewritten: dict[str, Any] = json.loads(json.dumps(manifest))
    for places in (rewritten.get("location") or {}).values():
        for place, spec in places.items():
            url = spec.get("url") if isinstance(spec, dict) else spec
            if isinstance(url, str) and url.startswith(DEFAULT_BASE_URL):
                new = base_url + url[len(DEFAULT_BASE_URL) :]
                if isinstance(spec, dict):
                    spec["url"] = new
                else:
                    places[place] = new
    return rewritten


def _ignored(rel: str, patterns: list[str]) -> bool:
    if rel == "tmp" or rel.startswith("tmp/") or rel == ".zcliignore":
        return True
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(rel.split("/")[0], p) for p in patterns)


def build_zip(app_dir: Path, out_path: Path, base_url: str) -> Path:
    """Validate, point locations at ``base_url`` and write the upload zip.

    Raises ``ValueError`` for a bad base URL and ``AppPackageError`` listing problems.
    """
    base = check_base_url(base_url)
    problems = validate_app(app_dir)
    if problems:
        raise AppPackageError(problems)
    manifest = _with_base_url(
        json.loads((app_dir / "manifest.json").read_text(encoding="utf-8")), base
    )
    problems = _locations(manifest.get("location"), app_dir)
    if problems:
        raise AppPackageError(problems)
    ignore_file = app_dir / ".zcliignore"
    patterns = [
        line.strip().rstrip("/")
        for line in (ignore_file.read_text().splitlines() if ignore_file.is_file() else [])
        if line.strip() and not line.startswith("#")
    ]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(manifest, indent=2) + "\n")
        for path in sorted(app_dir.rglob("*")):
            rel = path.relative_to(app_dir).as_posix()
            skip = rel == "manifest.json" or _ignored(rel, patterns)
            if path.is_file() and not skip and path.resolve() != out_path.resolve():
                zf.write(path, rel)
    return out_path
