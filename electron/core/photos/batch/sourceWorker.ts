/**
 * The worker entry for running from TypeScript sources (vitest, the bench): a `.mjs` shim that
 * loads photoWorker.ts through jiti. The built app passes its bundled photoWorker.js instead.
 */
export const sourcePhotoWorkerUrl = new URL('./photoWorker.dev.mjs', import.meta.url);
