import { defineConfig } from 'vitest/config'

// Browser journeys against a running backend (E2E_BASE_URL, default http://localhost:8080).
// One browser, one file at a time, generous timeouts: the machine is slow.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.spec.ts'],
    setupFiles: ['e2e/setup.ts'],
    fileParallelism: false,
    sequence: { concurrent: false },
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
})
