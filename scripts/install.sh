#!/usr/bin/env bash
# Create .venv (if needed) and install pinned dependencies: runtime, or dev with --dev.
set -euo pipefail
cd "$(dirname "$0")/.."
# Prefer the distribution's CPython: Debian builds it with PGO and LTO, and the
# coaching core runs ~10 % faster on it than on a default pyenv build (bench/README.md).
if [ -z "${PYTHON:-}" ] && [ -x /usr/bin/python3.11 ]; then
  python=/usr/bin/python3.11
else
  python=${PYTHON:-python3}
fi
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv || { rm -rf .venv; python3 -m venv .venv; }
fi
req=requirements.txt
[ "${1:-}" = "--dev" ] && req=requirements-dev.txt
# Skip the network when the installed set already matches the pins.
stamp=".venv/.installed-$(sha256sum requirements.txt requirements-dev.txt | sha256sum | cut -c1-16)-${req}"
if [ ! -f "$stamp" ]; then
  .venv/bin/pip install --quiet --disable-pip-version-check -r "$req"
  touch "$stamp"
fi
# The pages serve the ZAF SDK and Zendesk Garden's CSS from npm, bundled by esbuild
# (no CDN, no build at run time).
vendor=plugin/static/vendor
if [ ! -f $vendor/zaf_sdk.min.js ] || [ ! -f $vendor/garden.min.css ] \
  || [ package-lock.json -nt $vendor/zaf_sdk.min.js ] || [ package-lock.json -nt $vendor/garden.min.css ]; then
  npm ci --silent --no-audit --no-fund
  npm run --silent build
fi
