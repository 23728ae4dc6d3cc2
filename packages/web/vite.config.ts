import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The console is a static single-page app: `vite build` writes `dist/`, which the server
 * serves at `/` (unknown non-API paths fall back to `index.html`). In development
 * (`npx vite` in this folder) API calls go to a server started with `svod serve`.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The charting library's chunk (~510 kB, 175 kB gzip) is loaded only by the home page's
    // chart; the first screen's script stays near 125 kB gzip (`npm run bench:console`).
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
