// Latency and throughput of the hot read paths, measured against a running app with demo data.
// Usage: node bench/load.mjs http://localhost:18200 [requestsPerScenario] [concurrency]
// Bounded: each scenario sends a fixed number of requests to the given local address and stops.
const base = process.argv[2] ?? 'http://localhost:18200';
const total = Number(process.argv[3] ?? 400);
const concurrency = Number(process.argv[4] ?? 8);
const password = process.env.JIANXI_DEMO_PASSWORD ?? 'Jianxi@2023';

async function login(username) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return (await res.json()).accessToken;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function scenario(name, makeRequest) {
  const latencies = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      const res = await makeRequest(i);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (!res.ok) failures++;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { name, requests: total, failures, rps: (total / seconds).toFixed(0),
    p50: percentile(latencies, 50).toFixed(1), p95: percentile(latencies, 95).toFixed(1),
    p99: percentile(latencies, 99).toFixed(1) };
}

const admin = await login('admin');
const wanzhou = await login('wanzhou');
const keywords = ['研发', '技术', '社区', '助理', '重庆', '质量', '运营', '数据'];
const regions = ['500101', '500102', '500103', '500105', '500106', 'LJXQ', 'GXQ'];
const auth = (token) => ({ headers: { authorization: `Bearer ${token}` } });

// Warm up the JIT and the connection pools before measuring.
for (let i = 0; i < 50; i++) {
  await (await fetch(`${base}/api/positions?keyword=${encodeURIComponent(keywords[i % 8])}`)).arrayBuffer();
  await (await fetch(`${base}/api/dashboard/recruitment`, auth(admin))).arrayBuffer();
}

const results = [];
results.push(await scenario('GET /api/positions (keyword search, public)', (i) =>
  fetch(`${base}/api/positions?keyword=${encodeURIComponent(keywords[i % keywords.length])}&size=20`)));
results.push(await scenario('GET /api/positions (region + category filter)', (i) =>
  fetch(`${base}/api/positions?regionCode=${regions[i % regions.length]}&category=TECHNICAL&size=20`)));
results.push(await scenario('GET /api/dashboard/recruitment (city admin, 41 regions)', () =>
  fetch(`${base}/api/dashboard/recruitment`, auth(admin))));
results.push(await scenario('GET /api/dashboard/recruitment (district admin)', () =>
  fetch(`${base}/api/dashboard/recruitment`, auth(wanzhou))));
results.push(await scenario('GET /api/plans/2023/targets (city admin)', () =>
  fetch(`${base}/api/plans/2023/targets`, auth(admin))));
results.push(await scenario('GET /api/bases?status=APPROVED (city admin, page 20)', (i) =>
  fetch(`${base}/api/bases?status=APPROVED&page=${i % 10}&size=20`, auth(admin))));

console.log(`| scenario | requests | failures | req/s | p50 ms | p95 ms | p99 ms |`);
console.log(`| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const r of results) {
  console.log(`| ${r.name} | ${r.requests} | ${r.failures} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} |`);
}
if (results.some((r) => r.failures > 0)) process.exit(1);
