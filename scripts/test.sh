#!/usr/bin/env bash
# Install everything the tests need (dev dependencies, Chromium, the ZAF SDK) and run
# all checks: ruff, mypy, then every test (unit, API, Zendesk replay, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --dev
bash scripts/setup-browser.sh
bash scripts/setup-services.sh
.venv/bin/ruff check plugin tests bench wsgi.py
.venv/bin/ruff format --check plugin tests bench wsgi.py
.venv/bin/mypy
.venv/bin/python -m pytest -q "$@"
