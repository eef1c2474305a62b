// Builds the web app into dist/web, which the API serves: the page at `/`, assets under /app/
// (docs/adr/0031-the-web-app.md). Run by `npm run build`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/app/',
  publicDir: false,
  logLevel: 'warn',
  // React's automatic runtime: no `import React` in every component.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // The first screen's budget is 300 kB compressed; report the sizes so a build shows them.
    reportCompressedSize: true,
    // The analytics chunk (ECharts, ~180 kB gzip) loads only with its screen.
    chunkSizeWarningLimit: 600,
  },
});
