import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'electron-vite';

import pkg from './package.json';
import { portalArticleCss, portalArticleCssModule } from './shared/render/portalStyles';

const resolvedPortalCss = '\0portal-article.css';

/**
 * Serves the portal's article rules (shared/render/portalStyles.ts, also the export's style.css)
 * to the renderer as a stylesheet module, so the preview and the export share one source.
 */
export function portalStylesPlugin(): Plugin {
  return {
    name: 'newsdesk-portal-styles',
    resolveId: (id) => (id === portalArticleCssModule ? resolvedPortalCss : null),
    load: (id) => (id === resolvedPortalCss ? portalArticleCss : null),
  };
}

/**
 * Three builds: the main process (plus the browser shell's bridge, which shares the core), the
 * sandboxed preload (CommonJS, as sandboxed preloads must be) and the renderer.
 */
export default defineConfig({
  main: {
    define: { NEWSDESK_VERSION: JSON.stringify(pkg.version) },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          web: resolve(__dirname, 'electron/web/index.ts'),
          photoWorker: resolve(__dirname, 'electron/core/photos/batch/photoWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages: bundle everything but Electron.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), portalStylesPlugin()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
