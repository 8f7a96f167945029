// Monthly report reads at rising concurrency: a district's report, the city's report and the city's
// Annex 4 xlsx. Bounded: each scenario sends a fixed number of requests to the given local address.
// Usage: node bench/reports.mjs http://localhost:18210 [requestsPerScenario] [period YYYY-MM]
const base = process.argv[2] ?? 'http://localhost:18210';
const total = Number(process.argv[3] ?? 192);
const now = new Date(Date.now() + 8 * 3600 * 1000);
const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
const period = process.argv[4] || `${last.getUTCFullYear()}-${String(last.getUTCMonth() + 1).padStart(2, '0')}`;
const password = process.env.JIANXI_DEMO_PASSWORD ?? 'Jianxi@2023';

const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password }) });
const token = (await res.json()).accessToken;
const auth = { headers: { authorization: `Bearer ${token}` } };

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function scenario(name, url, concurrency) {
  const latencies = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < total) {
      next++;
      const t0 = performance.now();
      const r = await fetch(url, auth);
      await r.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (!r.ok) failures++;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return `| ${name} | ${concurrency} | ${total} | ${failures} | ${(total / seconds).toFixed(0)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 95).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} |`;
}

for (let i = 0; i < 20; i++) {
  await (await fetch(`${base}/api/reports/monthly/CITY/${period}`, auth)).arrayBuffer();
}
console.log(`Period ${period}`);
console.log('');
console.log('| scenario | concurrency | requests | failures | req/s | p50 ms | p95 ms | p99 ms |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
let failed = false;
for (const concurrency of [1, 16, 64]) {
  for (const [name, url] of [
    ['district report 500101', `${base}/api/reports/monthly/500101/${period}`],
    ['city report', `${base}/api/reports/monthly/CITY/${period}`],
    ['city Annex 4 xlsx', `${base}/api/reports/monthly/CITY/${period}/annex4.xlsx`],
  ]) {
    const line = await scenario(name, url, concurrency);
    if (!line.includes(' | 0 | ')) failed = true;
    console.log(line);
  }
}
if (failed) process.exit(1);
