import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

import { portalStylesPlugin } from './electron.vite.config';

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
        plugins: [react(), portalStylesPlugin()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.tsx', 'renderer/**/*.test.ts'],
        },
      },
    ],
  },
});
