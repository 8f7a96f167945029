#!/usr/bin/env bash
# Starts the packaged app with a fresh embedded database and the demo population (≈800 bases,
# ≈4,000 positions), then measures the hot read paths with bench/load.mjs. Build first: make build.
# Prints a Markdown table; numbers depend on the machine (2 cores here), so compare runs on one machine.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
port=${BENCH_PORT:-18200}
data=$(mktemp -d /tmp/jianxi-bench.XXXXXX)
JIANXI_DATA_DIR="$data" JIANXI_EMBEDDED_DB_PORT=0 JIANXI_DEMO_DATA=true JIANXI_PORT="$port" \
  java -Dquarkus.profile=demo -jar "$root/backend/target/quarkus-app/quarkus-run.jar" >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$port/q/health/ready" >/dev/null && break
  sleep 1
done
node "$root/bench/load.mjs" "http://localhost:$port" "${BENCH_REQUESTS:-400}" "${BENCH_CONCURRENCY:-8}"
