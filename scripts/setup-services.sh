#!/usr/bin/env bash
# Servers the tests start themselves (loopback only): redis-server for the Redis cache tests,
# PostgreSQL for the storage tests (scripts/postgres-test-server.sh starts it).
set -euo pipefail
if ! command -v redis-server >/dev/null 2>&1; then
  apt-get install -y -q redis-server >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q redis-server >/dev/null; }
fi
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  apt-get install -y -q postgresql >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null; }
fi
