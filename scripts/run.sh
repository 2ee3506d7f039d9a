#!/usr/bin/env bash
# Install and run Reply Coach locally: SQLite (migrated at start-up), in-process cache,
# the playground on http://127.0.0.1:${PORT:-5000}/ — no Zendesk account needed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
export COACH_DEV=${COACH_DEV:-1}
# Migrate the rules database first (SQLite under instance/, or DATABASE_URL) and give
# the account its first pack version from the shipped pack if it has none.
.venv/bin/flask --app wsgi db upgrade --seed
echo "Reply Coach playground: http://127.0.0.1:${PORT:-5000}/"
exec .venv/bin/flask --app wsgi run --host 127.0.0.1 --port "${PORT:-5000}"
