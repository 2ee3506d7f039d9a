#!/usr/bin/env bash
# Install and run Reply Coach locally: SQLite, in-process cache, the playground on
# http://127.0.0.1:${PORT:-5000}/ — no Zendesk account needed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export COACH_DEV=${COACH_DEV:-1}
echo "Reply Coach playground: http://127.0.0.1:${PORT:-5000}/"
exec .venv/bin/flask --app wsgi run --host 127.0.0.1 --port "${PORT:-5000}"
