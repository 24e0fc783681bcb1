import { Worker } from 'node:worker_threads';

import type { CopyCheck } from './backupStore';
import { verifyCopy } from './backupStore';

/*
 * `integrity_check` on a 1 GB copy takes about 16 s (bench:integrity), far too long to block
 * the core's event loop while a reporter types. It runs in a worker thread on its own read-only
 * connection; if a worker cannot be started (an unusual runtime), it runs inline instead.
 */
const source = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db = null;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const rows = db.pragma('integrity_check');
  const ok = rows.length === 1 && rows[0].integrity_check === 'ok';
  const counts = db.prepare('SELECT count(*) AS n, max(updated_at) AS last FROM articles').get();
  parentPort.postMessage({ ok, detail: rows.map((r) => r.integrity_check).join('; '), articleCount: counts.n, lastArticleChangeAt: counts.last });
} catch (error) {
  parentPort.postMessage({ ok: false, detail: String(error && error.message), articleCount: 0, lastArticleChangeAt: null });
} finally {
  if (db) db.close();
}
`;

/** `verifyCopy` off the event loop. */
export function verifyCopyInWorker(file: string): Promise<CopyCheck> {
  let modulePath: string;
  try {
    modulePath = require.resolve('better-sqlite3');
  } catch {
    return Promise.resolve(verifyCopy(file));
  }
  return new Promise((resolve) => {
    let settled = false;
    const finish = (check: CopyCheck): void => {
      if (settled) return;
      settled = true;
      resolve(check);
    };
    try {
      const worker = new Worker(source, { eval: true, workerData: { file, module: modulePath } });
      worker.once('message', (check: CopyCheck) => finish(check));
      worker.once('error', () => finish(verifyCopy(file)));
      worker.once('exit', () => finish(verifyCopy(file)));
    } catch {
      finish(verifyCopy(file));
    }
  });
}
