#!/usr/bin/env bash
# Start a throwaway redis-server on 127.0.0.1 for the Redis cache tests.
# Installs redis-server with apt-get if missing. Prints the URL to use, e.g.
#   export REDIS_TEST_URL=$(scripts/redis-test-server.sh)
# Stop it with: kill "$(cat "${TMPDIR:-/tmp}/reply-coach-redis.pid")"
set -euo pipefail

if ! command -v redis-server >/dev/null 2>&1; then
  echo "installing redis-server..." >&2
  apt-get install -y redis-server >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y redis-server >/dev/null; }
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
dir="${TMPDIR:-/tmp}"
redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
  --daemonize yes --pidfile "$dir/reply-coach-redis.pid" --logfile "$dir/reply-coach-redis.log" >&2
for _ in $(seq 50); do
  redis-cli -p "$port" ping >/dev/null 2>&1 && { echo "redis://127.0.0.1:$port/0"; exit 0; }
  sleep 0.1
done
echo "redis-server did not start; see $dir/reply-coach-redis.log" >&2
exit 1
