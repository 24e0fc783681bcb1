import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Renderer tests apply no CSS, so the preview's stylesheet module (served by `portalStylesPlugin`
 * in electron.vite.config.ts for the real build) resolves to an empty one here.
 */
const portalStylesStub = {
  name: 'newsdesk-portal-styles-stub',
  resolveId: (id: string) => (id === 'virtual:portal-article.css' ? '\0portal-article.css' : null),
  load: (id: string) => (id === '\0portal-article.css' ? '' : null),
};

/** Unit and integration tests, one project per layer; the end-to-end suite has its own config. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          environment: 'node',
          include: ['shared/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'core',
          environment: 'node',
          include: [
            'electron/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/lint/**/*.test.ts',
            'tests/packaging/**/*.test.ts',
            'tests/security/**/*.test.ts',
          ],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react(), portalStylesStub],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.tsx', 'renderer/**/*.test.ts'],
        },
      },
    ],
  },
});
