import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config.ts'

// Unit specs only (beside the code); browser journeys live in e2e/ and use vitest.e2e.config.ts.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'happy-dom',
      include: ['src/**/*.spec.ts'],
      exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
      restoreMocks: true,
      testTimeout: 30_000,
      server: { deps: { inline: ['vant'] } },
    },
  }),
)
