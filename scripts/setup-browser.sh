#!/usr/bin/env bash
# Prepare what the browser tests need; safe to run again (idempotent).
#  - Debian's chromium at /usr/bin/chromium (Playwright's own download does not work here)
#  - the Zendesk App Framework SDK from npm, bundled into plugin/static/vendor (scripts/install.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "setup-browser: installing chromium (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends chromium
fi
bash scripts/install.sh --dev
echo "setup-browser: ok ($(/usr/bin/chromium --version 2>/dev/null || echo chromium))"
