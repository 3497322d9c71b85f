import { defineConfig } from 'vite';

// Preact's JSX runtime; everything (Preact, signals, ECharts) is bundled into dist/, no CDN.
export default defineConfig({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1200 },
});
