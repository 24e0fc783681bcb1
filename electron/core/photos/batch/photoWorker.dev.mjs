// Loads the TypeScript worker entry straight from source for tests and benchmarks: Node 20 cannot
// strip types, so jiti (already in node_modules through vite and eslint) transpiles on the fly.
// The app never uses this file; electron-vite bundles photoWorker.ts into out/main instead.
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
await jiti.import('./photoWorker.ts');
