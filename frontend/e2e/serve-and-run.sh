#!/usr/bin/env bash
# Starts the packaged app with a throw-away data directory (embedded PostgreSQL, fresh keys, demo data),
# waits until it is ready, runs the browser journeys against it and stops it again.
set -euo pipefail
jar=${1:?path to quarkus-run.jar}
port=${2:-18080}
root=$(cd "$(dirname "$0")/../.." && pwd)
data=$(mktemp -d /tmp/jianxi-e2e.XXXXXX)
log="$data/app.log"

JIANXI_DATA_DIR="$data" JIANXI_EMBEDDED_DB_PORT=0 JIANXI_DEMO_DATA=true JIANXI_PORT="$port" \
  java -jar "$root/$jar" >"$log" 2>&1 &
app=$!
cleanup() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

# The demo year is replayed before the port opens: minutes on a loaded machine.
for _ in $(seq 1 300); do
  if curl -sf "http://localhost:$port/q/health/ready" >/dev/null; then
    break
  fi
  if ! kill -0 "$app" 2>/dev/null; then
    echo "The app exited before it was ready:"; cat "$log"; exit 1
  fi
  sleep 1
done
curl -sf "http://localhost:$port/q/health/ready" >/dev/null || { echo "The app did not become ready:"; tail -50 "$log"; exit 1; }

cd "$root/frontend"
# The journeys compute dates as a person in Chongqing would (the platform's time zone).
TZ=Asia/Shanghai E2E_BASE_URL="http://localhost:$port" npm run test:e2e
