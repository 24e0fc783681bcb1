import { defineConfig } from 'vitest/config';

/**
 * End-to-end: the built renderer in Debian's Chromium, driven by playwright-core, against the
 * browser shell (`out/main/web.js`) on a fresh temp library. Run after `npm run build`.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
