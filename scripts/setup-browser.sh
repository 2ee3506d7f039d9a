#!/usr/bin/env bash
# Prepare what the browser tests need; safe to run again (idempotent).
#  - Debian's chromium at /usr/bin/chromium (Playwright's own download does not work here)
#  - the Zendesk App Framework SDK from npm (node_modules), served by /static/vendor/zaf_sdk.min.js
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "setup-browser: installing chromium (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends chromium
fi

SDK=node_modules/zendesk_app_framework_sdk/build/zaf_sdk.min.js
if [ ! -f "$SDK" ]; then
  echo "setup-browser: installing the ZAF SDK (npm)"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

/usr/bin/chromium --version
test -f "$SDK" && echo "setup-browser: ok ($SDK)"
