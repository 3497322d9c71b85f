import { defineConfig } from 'vite';

// The dashboard is plain TypeScript: a handful of views do not need a framework.
export default defineConfig({
  root: import.meta.dirname,
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
