#!/usr/bin/env bash
# Monthly reports under concurrency, side by side with PostgreSQL's own time for the same statements.
# Starts the packaged app (make build first) on a throw-away embedded PostgreSQL with pg_stat_statements
# and the demo year, sends a bounded number of report requests at each concurrency (district report,
# city report, city Annex 4 xlsx), then reads the mean execution time of the read model's statements.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
port=${BENCH_PORT:-18210}
dbport=${BENCH_DB_PORT:-54398}
data=$(mktemp -d /tmp/jianxi-bench.XXXXXX)
JIANXI_DATA_DIR="$data" JIANXI_EMBEDDED_DB_PORT="$dbport" JIANXI_EMBEDDED_DB_PRELOAD=pg_stat_statements \
  JIANXI_DEMO_DATA=true JIANXI_PORT="$port" \
  java -Dquarkus.profile=demo -jar "$root/backend/target/quarkus-app/quarkus-run.jar" >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://localhost:$port/q/health/ready" >/dev/null && break
  sleep 1
done
psql() { command psql -h localhost -p "$dbport" -U postgres -d postgres -X -q -A -t "$@"; }
psql -c "create extension if not exists pg_stat_statements" >/dev/null
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
node "$root/bench/reports.mjs" "http://localhost:$port" "${BENCH_REQUESTS:-192}" "${BENCH_PERIOD:-}"
echo
echo "PostgreSQL's own time for the read model's statements during the run (pg_stat_statements):"
echo
echo "| statement | calls | mean ms | max ms |"
echo "| --- | ---: | ---: | ---: |"
psql -F ' | ' -c "
  select case when query like '%counted_base%' then 'bases and positions (1–4)'
              when query like '%previous_on_post%' then 'internships (5–13)'
              when query like '%from disbursement%' then 'payments (14)'
              when query like '%signed_youth%' then 'activities (Annex 5)'
              when query like '%from monthly_report where region_code%' then 'versions of a region'
              when query like '%distinct on (region_code)%' then 'versions of every region' end,
         calls, round(mean_exec_time::numeric, 2), round(max_exec_time::numeric, 2)
  from pg_stat_statements
  where query like '%counted_base%' or query like '%previous_on_post%' or query like '%from disbursement%'
     or query like '%signed_youth%' or query like '%from monthly_report where region_code%'
     or query like '%distinct on (region_code)%'
  order by 1" | sed 's/^/| /; s/$/ |/'
