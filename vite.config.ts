import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

/**
 * The strict CSP in index.html forbids inline scripts, which Vite's dev server needs for HMR.
 * Drop the meta tag in `vite serve` only; every build keeps it.
 */
function devWithoutCsp(): Plugin {
  return {
    name: 'till-dev-without-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), devWithoutCsp()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // One small bundle: the renderer is loaded from disk or 127.0.0.1, never over a slow network.
    chunkSizeWarningLimit: 900,
  },
  server: { port: 5173, strictPort: false },
});
