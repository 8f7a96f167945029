import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

/**
 * Vant's icon font lists a woff on at.alicdn.com after its inline woff2. Under the platform's
 * Content-Security-Policy (font-src 'self' data:, docs/adr/0011) Chromium still tries that fallback and
 * reports a violation; the inline woff2 is all a supported browser needs, and no page reaches a third party.
 */
function dropVantCdnFont(): Plugin {
  return {
    name: 'jianxi-drop-vant-cdn-font',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/vant/') || !id.split('?')[0]!.endsWith('.css')) return null
      const out = code.replace(/,\s*url\(\/\/at\.alicdn\.com\/[^)]*\)\s*format\("woff"\)/g, '')
      return out === code ? null : { code: out, map: null }
    },
  }
}

const backend = process.env.JIANXI_BACKEND_URL ?? 'http://localhost:8080'

export default defineConfig({
  plugins: [vue(), dropVantCdnFont()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/q': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
})
