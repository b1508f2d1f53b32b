// Builds the three Electron targets (main + the browser-host entry, preload, renderer) with electron-vite.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

/** Where the single-file cockpit for review bundles is built, inside the renderer's output (the exporter looks there). */
export const REVIEW_BUNDLE_DIR = 'review-bundle';

/**
 * The cockpit is split into chunks (review, settings and playback load on demand), but a review bundle is one offline HTML
 * file whose CSP pins its one inline script by hash. So after the renderer build, the same entry is built again with
 * code splitting off into out/renderer/review-bundle/, and electron/core/review/bundle-export.ts inlines that script.
 */
function singleFileReviewRenderer(): Plugin {
  return {
    name: 'firebreak-single-file-review-renderer',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        root: resolve(__dirname, 'renderer'),
        base: './',
        logLevel: 'warn',
        plugins: [react()],
        build: {
          outDir: resolve(__dirname, 'out/renderer', REVIEW_BUNDLE_DIR),
          emptyOutDir: true,
          minify: true,
          chunkSizeWarningLimit: 2000,
          rolldownOptions: { input: resolve(__dirname, 'renderer/index.html'), output: { codeSplitting: false } },
        },
      });
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/shell/main.ts'),
          web: resolve(__dirname, 'electron/core/host/web-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require 'electron': bundle everything else into it.
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), singleFileReviewRenderer()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Minified: a quarter of the unminified size over the wire and to parse. The review, settings and playback views
      // are split off by dynamic import (React.lazy); review bundles get a single-file build of their own (see above).
      minify: true,
      rolldownOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
